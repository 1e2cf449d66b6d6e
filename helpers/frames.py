"""Table files: a DataFrame written to Parquet or Arrow IPC and read back exactly.

The cache entries of the pipeline and the parts of ``stream_pipeline`` are such files.  Pandas'
own Parquet round trip loses what the tables' equality needs (``None`` vs ``NaN`` in object
columns, the dtype of an all-missing column, the column index, ``attrs``), so ``write_frame``
stores the exact dtypes, the index and the attrs in the file's metadata and ``read_frame``
restores them: a table read back equals the one written (``assert_frame_equal``).  Writes are
atomic (temporary file + ``os.replace``): an interrupted run never leaves half a file.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import os
import tempfile
from collections.abc import Iterator
from os import PathLike
from pathlib import Path
from typing import Any, Self

import pandas as pd

__all__ = ["FRAME_FORMAT", "ROW_GROUP", "DamagedFrameError", "FrameMismatchError",
           "read_extra_meta", "read_frame", "write_frame"]

#: Bump when the layout or encoding of table files changes (every file is then unreadable and
#: cache entries are recomputed).
FRAME_FORMAT = 3
#: Rows per Parquet row group of a big table (written and read a group at a time, so that its
#: Arrow copy is never whole in memory; 8,192 rows of articles are ~10 MB).
ROW_GROUP = 8_192
#: Schema metadata keys: the frame's own description, and what a caller stores beside it.
#: A ``.arrow`` file ends with the SHA-256 of its Arrow IPC bytes and this marker (Parquet files
#: carry page checksums of their own): a garbled entry is recomputed, never served.
_CHECKSUM_MAGIC = b"GRSHA256"
_CHECKSUM_BYTES = 32 + len(_CHECKSUM_MAGIC)
_META = b"govreports"
_EXTRA_META = b"govreports-run"


class DamagedFrameError(ValueError):
    """A table file whose bytes are not those written (checksum or structure)."""


class FrameMismatchError(ValueError):
    """A table file that is not the one asked for: its ``extra_meta`` records another identity
    (a cache entry of another table or key, a part of another run)."""


def _supported(dtype: Any) -> bool:
    import numpy as np

    if isinstance(dtype, pd.StringDtype):
        return True
    return isinstance(dtype, np.dtype) and dtype.kind in "Obiuf"


def _nan_rows(values: pd.Series) -> list[int]:
    """Positions of float NaN in an object column (Parquet stores them as null, like None)."""
    return [i for i, v in enumerate(values) if isinstance(v, float) and math.isnan(v)]


def _arrow_column(values: pd.Series | pd.Index, where: str, arrow_type: Any = None) -> Any:
    import pyarrow as pa

    if not _supported(values.dtype):
        raise TypeError(f"cannot cache {where} of dtype {values.dtype}")
    try:
        if values.dtype == object:
            return pa.array(list(values), from_pandas=True, type=arrow_type)
        return pa.array(values, from_pandas=True, type=arrow_type)
    except (pa.ArrowInvalid, pa.ArrowTypeError) as err:
        raise TypeError(f"cannot cache {where}: {err}") from err


def _arrow_type(values: pd.Series | pd.Index, where: str) -> Any:
    """The Arrow type ``_arrow_column`` gives the whole column (without converting it)."""
    import pyarrow as pa

    if values.dtype != object:
        return _arrow_column(values[:1], where).type
    try:
        return pa.infer_type(list(values), from_pandas=True)
    except (pa.ArrowInvalid, pa.ArrowTypeError) as err:
        raise TypeError(f"cannot cache {where}: {err}") from err


def write_frame(frame: pd.DataFrame, path: str | PathLike[str], *,
                extra_meta: dict[str, Any] | None = None) -> None:
    """Write ``frame`` to Parquet so that ``read_frame`` gives it back exactly (dtypes, index,
    column index, list columns, None vs NaN in object columns, JSON-serializable ``attrs``).
    Atomic: written to a temporary file in the same folder, then renamed.  A big table is
    converted and written ``ROW_GROUP`` rows at a time (its Arrow copy is never whole in
    memory).  ``extra_meta``: JSON the caller stores beside the table (``read_extra_meta`` reads
    it without reading the table; the consolidated cache records its files there)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = Path(path)
    meta: dict[str, Any] = {
        "format": FRAME_FORMAT,
        "columns": list(frame.columns),
        "dtypes": [str(d) for d in frame.dtypes],
        "columns_dtype": str(frame.columns.dtype),
        "columns_name": frame.columns.name,
        "nan": {},
        "attrs": frame.attrs,
        "index": None,
    }
    columns: list[tuple[str, pd.Series | pd.Index, str]] = []
    idx = frame.index
    if not (isinstance(idx, pd.RangeIndex) and idx.start == 0 and idx.step == 1
            and idx.name is None):
        if isinstance(idx, pd.MultiIndex):
            raise TypeError("cannot cache a MultiIndex")
        meta["index"] = {"name": idx.name, "dtype": str(idx.dtype)}
        columns.append(("i", idx, "the index"))
        if idx.dtype == object:
            meta["nan"]["i"] = _nan_rows(pd.Series(idx))
    for j, (col, values) in enumerate(frame.items()):
        columns.append((f"c{j}", values, f"column {col!r}"))
        if values.dtype == object:
            meta["nan"][f"c{j}"] = _nan_rows(values)
    try:
        blob = json.dumps(meta, ensure_ascii=False).encode("utf-8")
    except TypeError as err:
        raise TypeError(f"cannot cache the table's attrs or column names: {err}") from err
    schema_meta = {_META: blob}
    if extra_meta is not None:
        schema_meta[_EXTRA_META] = json.dumps(extra_meta, ensure_ascii=False).encode("utf-8")
    names = [name for name, _, _ in columns]
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    os.close(fd)
    try:
        if path.suffix == ".arrow":  # Arrow IPC file, one record batch, then its checksum
            arrays = [_arrow_column(values, where) for _, values, where in columns]
            _write_checked_ipc(tmp, pa.Table.from_arrays(arrays, names=names)
                               .replace_schema_metadata(schema_meta))
        elif len(frame) <= ROW_GROUP:
            arrays = [_arrow_column(values, where) for _, values, where in columns]
            table = pa.Table.from_arrays(arrays, names=names)
            pq.write_table(table.replace_schema_metadata(schema_meta), tmp,
                           write_page_checksum=True)
        else:
            schema = pa.schema([pa.field(name, _arrow_type(values, where))
                                for name, values, where in columns], metadata=schema_meta)
            with pq.ParquetWriter(tmp, schema, write_page_checksum=True) as writer:
                for a in range(0, len(frame), ROW_GROUP):
                    rows = slice(a, a + ROW_GROUP)
                    arrays = [_arrow_column(values[rows] if isinstance(values, pd.Index)
                                            else values.iloc[rows], where, field.type)
                              for (_, values, where), field in zip(columns, schema,
                                                                   strict=True)]
                    writer.write_table(pa.Table.from_arrays(arrays, schema=schema))
                    del arrays
            _release_arrow_memory()
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _release_arrow_memory() -> None:
    """Give the memory Arrow's allocator keeps for reuse back to the system (after a big
    table: it would otherwise stay resident next to the DataFrame)."""
    import pyarrow as pa

    with contextlib.suppress(Exception):
        pa.default_memory_pool().release_unused()


def _write_checked_ipc(tmp: str, table: Any) -> None:
    """Write ``table`` as an Arrow IPC file followed by its checksum (see ``_checked_body``)."""
    import pyarrow as pa

    sink = pa.BufferOutputStream()
    with pa.ipc.new_file(sink, table.schema) as writer:
        writer.write_table(table)
    body = sink.getvalue()
    with open(tmp, "wb") as out:
        out.write(body)
        out.write(hashlib.sha256(body).digest() + _CHECKSUM_MAGIC)


def _checked_body(path: Path) -> memoryview:
    """The Arrow IPC bytes of a ``.arrow`` table file whose trailing checksum matches them
    (Arrow IPC has none of its own: a garbled byte would be read as data)."""
    data = path.read_bytes()
    size = len(data) - _CHECKSUM_BYTES
    if (size < 0 or data[-len(_CHECKSUM_MAGIC):] != _CHECKSUM_MAGIC
            or hashlib.sha256(memoryview(data)[:size]).digest() != data[size:size + 32]):
        raise DamagedFrameError(f"{path}: damaged table file (its checksum does not match)")
    return memoryview(data)[:size]


class _TableFile:
    """A table file written by ``write_frame``: Parquet (read a row group at a time) or Arrow
    IPC (``.arrow``, one batch)."""

    def __init__(self, path: Path) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        self._ipc = None
        self._parquet = None
        if path.suffix == ".arrow":  # read whole (the file can go after), checksum first
            self._source = None
            self._ipc = pa.ipc.open_file(pa.py_buffer(_checked_body(path))).read_all()
            self.schema = self._ipc.schema
            self.num_rows = self._ipc.num_rows
        else:
            # ParquetFile.read, not pq.read_table: the dataset machinery costs ~1 ms per file;
            # the pages' checksums are verified as they are read
            self._source = self._parquet = pq.ParquetFile(path, page_checksum_verification=True)
            self.schema = self._parquet.schema_arrow
            self.num_rows = self._parquet.metadata.num_rows

    def read(self, columns: list[str], threads: bool) -> Any:
        if self._ipc is not None:
            return self._ipc.select(columns)
        return self._parquet.read(columns=columns, use_threads=threads)

    def groups(self, columns: list[str], threads: bool) -> Iterator[Any]:
        if self._ipc is not None:
            yield self._ipc.select(columns)
            return
        for group in range(self._parquet.num_row_groups):
            yield self._parquet.read_row_group(group, columns=columns, use_threads=threads)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self._ipc = None
        if self._source is not None:
            self._source.close()


def _check_identity(path: str | PathLike[str], schema_meta: dict[bytes, bytes],
                    expect: dict[str, Any]) -> None:
    """Raise ``FrameMismatchError`` unless the file's ``extra_meta`` has ``expect``'s values."""
    try:
        extra = json.loads(schema_meta[_EXTRA_META])
    except (KeyError, ValueError):
        extra = {}
    found = {k: extra.get(k) for k in expect}
    if found != expect:
        raise FrameMismatchError(f"{path}: holds {found}, not {expect}")


def read_frame(path: str | PathLike[str], *, threads: bool = False,
               expect: dict[str, Any] | None = None) -> pd.DataFrame:
    """Read a table written by ``write_frame`` (``threads``: decode columns in parallel, for
    big tables).  Typed columns are converted at once; object columns (lists, ``None`` vs
    ``NaN``) element by element, one row group at a time.  ``expect``: values the file's
    ``extra_meta`` must hold (its identity: which table, key or run), else
    ``FrameMismatchError`` before any column is converted."""
    import numpy as np

    with _TableFile(Path(path)) as handle:
        meta = json.loads(handle.schema.metadata[_META])
        if meta.get("format") != FRAME_FORMAT:
            raise ValueError(f"{path}: cache format {meta.get('format')}, "
                             f"expected {FRAME_FORMAT}")
        if expect is not None:
            _check_identity(path, handle.schema.metadata, expect)
        n = handle.num_rows
        index = meta["index"]
        objects = [f"c{j}" for j, dtype in enumerate(meta["dtypes"]) if dtype == "object"]
        if index is not None and index["dtype"] == "object":
            objects.append("i")
        typed = handle.read([c for c in handle.schema.names if c not in objects], threads)
        values = {name: np.empty(n, dtype=object) for name in objects}
        if objects:
            start = 0
            for part in handle.groups(objects, threads):
                for name in objects:
                    out = values[name]
                    for k, v in enumerate(part.column(name).to_pylist(), start):
                        out[k] = v  # element-wise: equal-length lists must stay lists
                start += part.num_rows
            for name in objects:
                for i in meta["nan"].get(name, []):
                    values[name][i] = float("nan")
    if index is not None:
        if "i" in values:
            raw = values.pop("i")
        else:
            raw = typed.column("i").to_pandas()
            typed = typed.drop_columns(["i"])
        index = pd.Index(raw, dtype=index["dtype"], name=index["name"])
    frame = (typed.to_pandas(use_threads=threads) if typed.num_columns
             else pd.DataFrame(index=pd.RangeIndex(n)))
    current = [str(d) for d in frame.dtypes]
    for k, dtype in enumerate(d for d in meta["dtypes"] if d != "object"):
        if current[k] != dtype:
            frame.isetitem(k, frame.iloc[:, k].astype(pd.api.types.pandas_dtype(dtype)))
    for j, dtype in enumerate(meta["dtypes"]):
        if dtype == "object":
            frame.insert(j, f"c{j}", pd.Series(values.pop(f"c{j}"), dtype=object,
                                               index=frame.index))
    frame.columns = pd.Index(meta["columns"], dtype=meta["columns_dtype"],
                             name=meta["columns_name"])
    if index is not None:
        frame.index = index
    frame.attrs = meta["attrs"]
    if n > ROW_GROUP:
        del typed
        _release_arrow_memory()
    return frame


def read_extra_meta(path: str | PathLike[str]) -> dict[str, Any] | None:
    """The ``extra_meta`` a Parquet table file was written with (None: none, or unreadable),
    read without the table."""
    import pyarrow.parquet as pq

    try:
        meta = pq.read_schema(path).metadata or {}
        return json.loads(meta[_EXTRA_META])
    except Exception:  # noqa: BLE001 -- unreadable or absent: the caller does without
        return None
