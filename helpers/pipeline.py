"""The corpus at scale: per-file processing with a disk cache, a process pool or a Dask cluster.

``load_corpus`` + ``code_articles`` + ``code_segments`` + ``extract_metrics`` work on the whole
corpus in one process.  Years of a provincial daily are 10^4-10^5 pages, so this module runs the
same functions **one raw file at a time** and concatenates the results:

``process_page(path)``
    one raw file -> ``{"articles", "subheads", "codes", "segments", "metrics", "tokens"}``:
    ``parse_page(read_page(path), source=stem)``, its subhead positions
    (``subhead_paragraphs``), ``code_articles``, ``code_segments``, ``extract_metrics`` and
    ``token_counts`` (every article tokenized once).
``run_pipeline(path, workers=1, client=None, cache=True, progress=False, tables=None)``
    every page of ``list_pages(path)`` (sorted), in jobs of consecutive files (about
    ``JOB_BYTES`` of raw text) run serially, in a ``ProcessPoolExecutor`` (``workers > 1``) or
    on a Dask cluster (``client``); the tables are concatenated in file order.  Plus a
    ``files`` table (one row per raw file: size, SHA-256, which tables came from the cache).
    ``tables`` returns only some of the tables (less memory).
``stream_pipeline(path, out_dir, ...)``
    the same jobs, but each job's tables are written to ``out_dir`` as it finishes (one
    Parquet part per job and table, in file order) and dropped: memory stays that of a few
    jobs whatever the corpus size (a 200 MB corpus: ~0.4 GB on one core).  ``read_tables``
    reads them back, exactly as ``run_pipeline`` returns them, or only some tables and
    columns.

**Batches.**  A job parses the pages it lacks into one articles table (as ``load_corpus`` does,
with ``corpus._page_rows``; ``parse_page`` page by page if that is gone), then runs each later
stage once over the articles of all its pages that lack that table: a DataFrame and a stage
call per page cost milliseconds of pandas overhead each, a third of the work on typical pages.
Each page's cache entry is then cut out of the batch (``_split``), exactly as the page alone
would have given it (``_canonical``: a column of strings that is all missing on that page
becomes what the stage makes of it, an empty cut becomes the stage's empty table).  With
``JOB_BYTES`` of pages per job a run costs ~5% more than the whole-corpus functions.

**Identical results.**  Every route gives the tables the whole-corpus functions give, row for
row and dtype for dtype (``tests/test_pipeline.py`` checks it with ``assert_frame_equal``):
per-file work is independent, results are put back in file order, ``articles.attrs``
(the subhead positions) is rebuilt from the ``subheads`` tables, and where pandas inferred a
column's dtype from the values of one page only (a column of strings that is all None on one
page is ``object`` there and ``str`` elsewhere), the concatenated column is inferred again as
the whole-corpus constructor would.  The index of ``codes`` (``article_id``) keeps its dtype.

**Cache.**  ``corpus/cache/`` (``CACHE``; the environment variable ``GOVREPORTS_CACHE`` or the
``cache_dir`` argument choose another folder) holds one Arrow IPC file per raw file and table:
``{cache}/{table}/{key[:2]}/{key}.arrow`` (Arrow IPC: small files, fast to write).  The key is the SHA-256 of the file's bytes, its
source name (article ids start with it) and the *version* of the stage that made the table;
stage versions chain so that each stage is redone only when something it depends on changed:

===========  ===========================================================================
parse        ``corpus.py``, ``places.py``, ``text.py``, ``config.py``; ``userdict.txt`` and the
             tokenizer's whole dictionary (``text.dictionary_additions()``: userdict + the
             default codebook's terms, since ``parse_page`` asks the tokenizer whether a line
             ends inside a word); the tokenizer backend; library versions (pandas, jieba, ...)
codes,       parse + ``coding.py`` + the codebook file used + ``stopwords_extra.txt``
segments
metrics      parse + ``metrics.py`` + ``indicator_families.yaml``
tokens       parse + ``TOKENS_VERSION``
===========  ===========================================================================

So an edited codebook recodes every page from the cached articles without re-parsing --
unless the edit adds or removes a multi-character term that ``userdict.txt`` lacks: that changes
the tokenizer's dictionary and therefore, correctly, re-parses.  (A codebook passed as
``codebook=`` codes only; the tokenizer is always built from the default codebook.)  A changed raw file reprocesses that file only.  Parquet stores
the list columns (subheads, byline) as lists; the exact dtypes, the index, ``None`` vs ``NaN`` in
object columns and ``DataFrame.attrs`` are kept in the file's metadata, so a table read back
equals the fresh one exactly.  Writes are atomic (temporary file + ``os.replace``), so an
interrupted run or concurrent workers never leave a half-written entry; an unreadable entry is
recomputed.  ``clear_cache()`` or ``make clean-cache`` delete the cache.

Versions are read **once per process** (the first call), like the codebook and the tokenizer,
which the helpers also load once: after editing ``helpers/`` or ``helpers/data/`` in a notebook,
restart the kernel before rerunning.

**Consolidated cache.**  After a run, each table is also written once for the whole run:
``{cache}/runs/{table}/{key[:2]}/{key}.parquet``, keyed by the ordered (file name, SHA-256)
of every raw file and the table's stage version; its Parquet metadata lists those files with
the number of rows each gave.  A rerun over the same bytes reads these few files and nothing
else (the raw files are still read and hashed, ~0.1 s for 50 MB: modification times are never
trusted).  When files were added, removed or changed, the earlier run's entry that shares the
most files (same stage version) gives the rows of the unchanged files (slices of it, in file
order); only the other files go to jobs, which read their per-file entries or compute, and the
new run's entry is written.  The ``RUNS_KEPT`` entries used last are kept per table.

**Workers.**  ``workers > 1`` uses a ``ProcessPoolExecutor`` ("forkserver" where available,
else "spawn": never "fork", which copies a parent's threads and locks); the fork server imports
the package once and each worker's initializer loads the codebook, the tokenizer and the
gazetteer (~2 s).  Jobs go out in file order, ``JOB_BYTES`` or an eighth of each worker's
share, whichever is smaller (so that the workers finish together); each job reads or computes its files, writes their cache
entries and sends back one table per table name for all its files.  Below
``PARALLEL_MIN_BYTES`` of raw text to compute (files whose cache entries are missing) the run
stays serial.  In a script, call ``run_pipeline`` under ``if __name__ == "__main__":`` (the
workers import the main module).

**Dask.**  ``client`` (a ``dask.distributed.Client``) maps the same jobs over the cluster and
gathers the results in order; the consolidated cache is read and written by the caller.  The workers import ``helpers``: the package (this
repository, ``pip install -e .``) must be installed in the workers' environment, and the raw
files (absolute paths are sent), a ``codebook=`` file and the cache folder must be on a file
system they share.  Without ``cache_dir``, a worker uses its own ``$GOVREPORTS_CACHE`` or the
``corpus/cache/`` of its installation.  A worker loads the tokenizer etc. on its first page.

**Progress.**  ``progress=True`` shows a ``tqdm`` bar on stderr; ``progress="auto"`` only when
at least ``PROGRESS_MIN_PAGES`` pages are to be processed (what notebooks use: a bar over a
real corpus, none over the seed page, so that nbval's comparison holds).  The default is off because
notebook cells are compared output for output by nbval (stderr included).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import itertools
import json
import math
import multiprocessing
import os
import re
import sys
import tempfile
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from importlib import metadata
from os import PathLike
from pathlib import Path
from typing import Any, Self

import pandas as pd

from helpers import coding, config, corpus, metrics, places, text

#: Default cache folder (``corpus/cache/``, git-ignored); ``GOVREPORTS_CACHE`` overrides it.
CACHE: Path = getattr(config, "CACHE", config.ROOT / "corpus" / "cache")
CACHE_ENV = "GOVREPORTS_CACHE"
#: Bump when the layout or encoding of cache files changes (invalidates every entry).
CACHE_FORMAT = 2
#: Per-file cache entries are Arrow IPC files (small tables: ~4x faster to write than Parquet);
#: consolidated entries and ``stream_pipeline`` parts are Parquet (compressed, row groups).
ENTRY_SUFFIX = ".arrow"
#: Bump when ``token_counts`` changes.
TOKENS_VERSION = 1
#: Below this many bytes of raw pages, ``run_pipeline`` stays serial even with ``workers > 1``:
#: a worker takes ~3 s to start and load the tokenizer and gazetteer, and one core parses
#: ~0.2 MB/s, so two workers only pay off from about 1 MB.
PARALLEL_MIN_BYTES = 1_000_000
#: Raw bytes per job (pages whose later stages run as one batch: ~5% slower than the whole
#: corpus at once, ~15% with a quarter of it); with workers, at most an eighth of each
#: worker's share, so that the workers finish together.
JOB_BYTES = 1_000_000
#: Folder of the consolidated cache (under the cache folder) and how many entries (runs over
#: different sets of files) it keeps per table.
RUNS = "runs"
RUNS_KEPT = 4
#: ``progress="auto"`` shows a bar from this many pages to process (not read from the cache).
PROGRESS_MIN_PAGES = 100
#: Rows per Parquet row group of a big table (written and read a group at a time).
ROW_GROUP = 8_192

#: Tables of ``process_page`` / ``run_pipeline`` (``run_pipeline`` adds ``files``).
TABLES = ("articles", "subheads", "codes", "segments", "metrics", "tokens")
#: Tables stored in the cache (``subheads`` is rebuilt from the articles' attrs).
CACHED_TABLES = ("articles", "codes", "segments", "metrics", "tokens")

_PARSE_SOURCES = (corpus, places, text, config)
# Libraries whose behaviour shapes the tables (a lock-file upgrade invalidates the cache).
_LIBRARIES = ("pandas", "numpy", "pyarrow", "jieba", "rjieba", "jionlp", "charset-normalizer",
              "cn2an", "pyyaml")
_META = b"govreports"
#: Schema metadata of a consolidated table: its stage version and (name, sha256, rows) per file.
_RUN_META = b"govreports-run"


# --- versions and keys -----------------------------------------------------------------------

def _sha(data: bytes | str) -> str:
    return hashlib.sha256(data.encode("utf-8") if isinstance(data, str) else data).hexdigest()


def _file_sha(path: str | PathLike[str]) -> str:
    return _sha(Path(path).read_bytes())


def _digest(*parts: object) -> str:
    return _sha(json.dumps(parts, ensure_ascii=False, sort_keys=True, default=str))


def _library_versions() -> dict[str, str]:
    out = {"python": "{}.{}".format(*sys.version_info[:2])}
    for name in _LIBRARIES:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = "absent"
    return out


def _tokenizer_backend() -> str:
    backend = getattr(text, "tokenizer_backend", None)
    return backend() if callable(backend) else "jieba"


@functools.lru_cache(maxsize=1)
def _base_versions() -> dict[str, str]:
    """Stage versions independent of the codebook choice (read once per process)."""
    parse = _digest(
        "parse",
        {Path(m.__file__).name: _file_sha(m.__file__) for m in _PARSE_SOURCES},
        _file_sha(text.USER_DICT),
        _digest(sorted(text.dictionary_additions(), key=lambda a: a[0])),  # order-free
        _tokenizer_backend(),
        _library_versions(),
    )
    return {
        "parse": parse,
        "coding": _digest("coding", parse, _file_sha(coding.__file__),
                          _file_sha(text.STOPWORDS_EXTRA)),
        "metrics": _digest("metrics", parse, _file_sha(metrics.__file__),
                           _file_sha(metrics.FAMILIES_FILE)),
        "tokens": _digest("tokens", parse, TOKENS_VERSION),
    }


@functools.lru_cache(maxsize=8)
def _codebook(path: str | None) -> tuple[str, coding.Codebook]:
    """(sha256 of the file, the codebook): the default one or the file at ``path``, once."""
    if path is None:
        return _file_sha(coding.CODEBOOK_FILE), coding.default_codebook()
    return _file_sha(path), coding.load_codebook(path)


def _codebook_arg(codebook: str | PathLike[str] | None) -> str | None:
    return None if codebook is None else str(Path(codebook).resolve())


def version_keys(codebook: str | PathLike[str] | None = None) -> dict[str, str]:
    """The version of each cached table (SHA-256 hex): what, besides the raw file, its cache
    key depends on.  ``codebook`` is a codebook YAML used instead of the default one."""
    base = _base_versions()
    book_sha, _ = _codebook(_codebook_arg(codebook))
    coded = _digest(base["coding"], book_sha)
    return {"articles": base["parse"], "codes": coded, "segments": coded,
            "metrics": base["metrics"], "tokens": base["tokens"]}


def _cache_root(cache_dir: str | PathLike[str] | None) -> Path:
    if cache_dir is not None:
        return Path(cache_dir)
    env = os.environ.get(CACHE_ENV)
    return Path(env) if env else CACHE


def _entry(root: Path, table: str, key: str) -> Path:
    return root / table / key[:2] / f"{key}{ENTRY_SUFFIX}"


# --- Parquet round trip ----------------------------------------------------------------------

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


def write_frame(frame: pd.DataFrame, path: str | PathLike[str],
                run_meta: dict[str, Any] | None = None) -> None:
    """Write ``frame`` to Parquet so that ``read_frame`` gives it back exactly (dtypes, index,
    column index, list columns, None vs NaN in object columns, JSON-serializable ``attrs``).
    Atomic: written to a temporary file in the same folder, then renamed.  A big table is
    converted and written ``ROW_GROUP`` rows at a time (its Arrow copy is never whole in
    memory).  ``run_meta``: what a consolidated table records about its files (stored apart,
    read by ``_read_run_meta``)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = Path(path)
    meta: dict[str, Any] = {
        "format": CACHE_FORMAT,
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
    if run_meta is not None:
        schema_meta[_RUN_META] = json.dumps(run_meta, ensure_ascii=False).encode("utf-8")
    names = [name for name, _, _ in columns]
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    os.close(fd)
    try:
        if path.suffix == ".arrow":  # Arrow IPC file, one record batch
            arrays = [_arrow_column(values, where) for _, values, where in columns]
            table = pa.Table.from_arrays(arrays, names=names).replace_schema_metadata(schema_meta)
            with pa.OSFile(tmp, "wb") as sink, pa.ipc.new_file(sink, table.schema) as writer:
                writer.write_table(table)
        elif len(frame) <= ROW_GROUP:
            arrays = [_arrow_column(values, where) for _, values, where in columns]
            table = pa.Table.from_arrays(arrays, names=names)
            pq.write_table(table.replace_schema_metadata(schema_meta), tmp)
        else:
            schema = pa.schema([pa.field(name, _arrow_type(values, where))
                                for name, values, where in columns], metadata=schema_meta)
            with pq.ParquetWriter(tmp, schema) as writer:
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


class _TableFile:
    """A table file written by ``write_frame``: Parquet (read a row group at a time) or Arrow
    IPC (``.arrow``, one batch)."""

    def __init__(self, path: Path) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        self._ipc = None
        self._parquet = None
        if path.suffix == ".arrow":
            self._source = pa.OSFile(str(path), "rb")  # read whole: the file can go after
            try:
                self._ipc = pa.ipc.open_file(self._source).read_all()
            except BaseException:
                self._source.close()
                raise
            self.schema = self._ipc.schema
            self.num_rows = self._ipc.num_rows
        else:
            # ParquetFile.read, not pq.read_table: the dataset machinery costs ~1 ms per file
            self._source = self._parquet = pq.ParquetFile(path)
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
        self._source.close()


def read_frame(path: str | PathLike[str], threads: bool = False) -> pd.DataFrame:
    """Read a table written by ``write_frame`` (``threads``: decode columns in parallel, for
    big tables).  Typed columns are converted at once; object columns (lists, ``None`` vs
    ``NaN``) element by element, one row group at a time."""
    import numpy as np

    with _TableFile(Path(path)) as handle:
        meta = json.loads(handle.schema.metadata[_META])
        if meta.get("format") != CACHE_FORMAT:
            raise ValueError(f"{path}: cache format {meta.get('format')}, "
                             f"expected {CACHE_FORMAT}")
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


def _load_path(entry: Path, threads: bool = False) -> pd.DataFrame | None:
    try:
        return read_frame(entry, threads)
    except Exception:  # noqa: BLE001 -- missing or damaged: recomputed (and overwritten)
        return None


def _load(root: Path, table: str, key: str) -> pd.DataFrame | None:
    return _load_path(_entry(root, table, key))


# --- consecutive files: one job ---------------------------------------------------------------

def token_counts(articles: pd.DataFrame) -> pd.DataFrame:
    """Tokens per article body (``article_id``, ``n_tokens``), with ``text.tokenize``."""
    counts = [len(text.tokenize(body)) for body in articles["text"]]
    return pd.DataFrame({"article_id": list(articles["article_id"]), "n_tokens": counts},
                        columns=["article_id", "n_tokens"]).astype({"n_tokens": "int64"})


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        text.read_page(path)  # raises the CorpusError naming the file
        raise


@functools.lru_cache(maxsize=8)
def _empty_tables(codebook: str | None) -> dict[str, pd.DataFrame] | None:
    """Every table of a page without articles (``None`` if the stages refuse an empty page):
    the dtypes the stages give an empty table and a column whose values are all missing."""
    try:
        articles = corpus.parse_page("", source="empty")
        book = _codebook(codebook)[1]
        segments = coding.code_segments(articles, book)
        return {"articles": articles, "subheads": corpus.subhead_paragraphs(articles),
                "segments": segments, "codes": coding.code_articles(articles, book, segments),
                "metrics": metrics.extract_metrics(articles), "tokens": token_counts(articles)}
    except Exception:  # noqa: BLE001 -- then the pieces keep their dtypes (see _canonical)
        return None


def _canonical(frame: pd.DataFrame, table: str | None, codebook: str | None,
               missing: list[int] | None = None) -> pd.DataFrame:
    """Rows cut out of a table built for more pages, as the stage builds them for these pages
    alone.  Cutting keeps each column's dtype, which pandas inferred from all the rows: a
    column of strings whose values are all missing in the cut would be ``object`` (or what
    the stage forces) on its own, and an empty cut is the stage's empty table.  Modifies and
    returns ``frame`` (a fresh object), or returns the stage's empty table.  ``missing``: the
    string columns known to be all missing (default: look)."""
    if table is None:
        return frame
    empty: dict[str, pd.DataFrame] | None = None
    reference: pd.DataFrame | None = None

    def ref() -> pd.DataFrame | None:
        nonlocal empty, reference
        if empty is None:
            empty = _empty_tables(codebook) or {}
            reference = empty.get(table)
            if reference is not None and not reference.columns.equals(frame.columns):
                reference = None
        return reference

    if len(frame) == 0:
        blank = ref()
        return frame if blank is None else blank.copy()
    dtypes = frame.dtypes
    if missing is None:
        missing = [j for j, dtype in enumerate(dtypes) if isinstance(dtype, pd.StringDtype)
                   and frame.iloc[:, j].isna().all()]
    for j in missing:
        dtype = dtypes.iloc[j]
        if isinstance(dtype, pd.StringDtype):
            blank = ref()
            target = object if blank is None else blank.dtypes.iloc[j]
            if target == object:
                frame.isetitem(j, pd.Series([None] * len(frame), dtype=object, index=frame.index))
            elif target != dtype:
                frame.isetitem(j, frame.iloc[:, j].astype(target))
    return frame


def _split(built: pd.DataFrame, table: str, articles: list[pd.DataFrame],
           codebook: str | None) -> list[pd.DataFrame]:
    """Cut a table built for several pages (``articles``: each page's) into one per page, each
    as the stage would have built it for that page alone (rows come in article order)."""
    import numpy as np

    owner = {aid: k for k, arts in enumerate(articles) for aid in arts["article_id"]}
    ids = built.index if table == "codes" else built["article_id"]
    pos = np.fromiter((owner[a] for a in ids), dtype=np.intp, count=len(built))
    if len(pos) > 1 and bool((np.diff(pos) < 0).any()):
        raise RuntimeError(f"{table}: rows are not in article order")
    bounds = np.searchsorted(pos, np.arange(len(articles) + 1), side="left")
    na = {j: built.iloc[:, j].isna().to_numpy() for j, dtype in enumerate(built.dtypes)
          if isinstance(dtype, pd.StringDtype)}  # once for all the pieces
    pieces = []
    for a, b in itertools.pairwise(bounds):
        piece = built.iloc[int(a):int(b)]
        piece = piece.copy() if table == "codes" else piece.reset_index(drop=True)
        missing = [j for j, mask in na.items() if bool(mask[a:b].all())]
        if b == a or missing:
            piece = _canonical(piece, table, codebook, missing)
        pieces.append(piece)
    return pieces


def _batch_parser() -> tuple[Callable[..., Any], Callable[..., Any]] | None:
    """What ``load_corpus`` parses several pages with (the article rows of a page, the
    articles table of rows), or None: then each page goes through ``parse_page``."""
    page_rows = getattr(corpus, "_page_rows", None)
    articles_frame = getattr(corpus, "_articles_frame", None)
    if callable(page_rows) and callable(articles_frame):
        return page_rows, articles_frame
    return None


def _needed(want: tuple[str, ...]) -> list[str]:
    """The cached tables a job must have to give ``want`` (the subheads come from articles)."""
    need = [t for t in CACHED_TABLES if t in want]
    if "subheads" in want and "articles" not in need:
        need.insert(0, "articles")
    return need


def _process_files(paths: list[str], want: tuple[str, ...], cache_dir: str | None = None,
                   cache: bool = True, codebook: str | None = None) -> dict[str, Any]:
    """The tables ``want`` for consecutive raw files (one job of ``run_pipeline``).

    Each table is read from the file's cache entry or computed: ``parse_page`` page by page,
    the later stages once for all the pages that lack them (one call for many pages costs far
    less than one per page), then cut back into one entry per page.  Returns ``{"tables": {t:
    one table for all the files}, "rows": {t: rows per file} (None without cache), "infos":
    [{source, file, bytes, sha256, cached_<table>}]}``."""
    files = [Path(p) for p in paths]
    n = len(files)
    versions = version_keys(codebook)
    root = _cache_root(cache_dir)
    infos: list[dict[str, Any]] = []
    keys: list[dict[str, str]] = []
    for path in files:
        data = _read_bytes(path)
        sha = _sha(data)
        infos.append({"source": path.stem, "file": path.name, "bytes": len(data), "sha256": sha})
        keys.append({t: _digest(CACHE_FORMAT, t, versions[t], path.stem, sha)
                     for t in CACHED_TABLES})
    need = _needed(want)
    got: dict[str, list[pd.DataFrame | None]] = {t: [None] * n for t in CACHED_TABLES}
    hit = {t: [False] * n for t in CACHED_TABLES}
    tried = {t: [False] * n for t in CACHED_TABLES}

    def lookup(table: str, i: int) -> pd.DataFrame | None:
        if cache and not tried[table][i]:
            tried[table][i] = True
            got[table][i] = _load(root, table, keys[i][table])
            hit[table][i] = got[table][i] is not None
        return got[table][i]

    def store(table: str, i: int, frame: pd.DataFrame) -> None:
        got[table][i] = frame
        if cache:
            write_frame(frame, _entry(root, table, keys[i][table]))

    for table in need:
        for i in range(n):
            lookup(table, i)
    todo = {t: [i for i in range(n) if got[t][i] is None] for t in need if t != "articles"}
    if todo.get("codes"):  # codes are computed from the segments
        for i in todo["codes"]:
            lookup("segments", i)
        todo["segments"] = sorted({*todo.get("segments", []),
                                   *(i for i in todo["codes"] if got["segments"][i] is None)})
    parse = {i for idx in todo.values() for i in idx}
    if "articles" in need:
        parse.update(i for i in range(n) if got["articles"][i] is None)
    batches: dict[tuple[int, ...], pd.DataFrame] = {}
    whole: dict[str, pd.DataFrame] = {}  # a table computed at once for all the files
    to_parse = [i for i in sorted(parse) if lookup("articles", i) is None]
    parser = _batch_parser()
    if len(to_parse) > 1 and parser is not None:
        page_rows, articles_frame = parser
        # one articles table for the pages (a DataFrame per page costs ~1.5 ms), then cut
        rows_of: list[int] = []
        all_rows: list[dict[str, Any]] = []
        where_of: list[dict[str, list[int]]] = []
        for i in to_parse:
            page, where = page_rows(text.read_page(files[i]), files[i].stem)
            all_rows.extend(page)
            rows_of.append(len(page))
            where_of.append(where)
        parsed = articles_frame(all_rows)
        del all_rows
        corpus.set_subhead_positions(parsed, {k: v for w in where_of for k, v in w.items()})
        batches[tuple(to_parse)] = parsed
        if len(to_parse) == n:
            whole["articles"] = parsed
        start = 0
        for i, count, where in zip(to_parse, rows_of, where_of, strict=True):
            piece = parsed.iloc[start:start + count].reset_index(drop=True)
            start += count
            piece = _canonical(piece, "articles", codebook) if count == 0 else piece
            piece.attrs = {}
            corpus.set_subhead_positions(piece, where)
            store("articles", i, piece)
    else:
        for i in to_parse:
            store("articles", i, corpus.parse_page(text.read_page(files[i]),
                                                   source=files[i].stem))

    def batch(idx: list[int]) -> pd.DataFrame:
        """The articles of these pages as one table (with their subhead positions)."""
        if len(idx) == 1:
            return got["articles"][idx[0]]
        if tuple(idx) not in batches:
            frames = [got["articles"][i] for i in idx]
            joined = pd.concat(frames, ignore_index=True)
            where: dict[str, list[int]] = {}
            for frame in frames:
                where.update(corpus.subhead_positions(frame))
            corpus.set_subhead_positions(joined, where)
            batches[tuple(idx)] = joined
        return batches[tuple(idx)]

    built: dict[str, tuple[list[int], pd.DataFrame]] = {}

    def stage(table: str, build: Callable[[pd.DataFrame, list[int]], pd.DataFrame]) -> None:
        idx = todo.get(table)
        if not idx:
            return
        frame = build(batch(idx), idx)
        built[table] = (idx, frame)
        if len(idx) == n:
            whole[table] = frame
        if cache or len(idx) < n:  # the pages' own entries
            pieces = _split(frame, table, [got["articles"][i] for i in idx], codebook) \
                if n > 1 else [frame]
            for i, piece in zip(idx, pieces, strict=True):
                store(table, i, piece)

    def segments_of(idx: list[int]) -> pd.DataFrame:
        done = built.get("segments")
        if done is not None and done[0] == idx:
            return done[1]
        return _concat([got["segments"][i] for i in idx], table="segments", codebook=codebook)

    book = _codebook(codebook)[1] if todo.get("segments") or todo.get("codes") else None
    stage("segments", lambda arts, idx: coding.code_segments(arts, book))
    stage("codes", lambda arts, idx: coding.code_articles(arts, book, segments_of(idx)))
    stage("metrics", lambda arts, idx: metrics.extract_metrics(arts))
    stage("tokens", lambda arts, idx: token_counts(arts))
    subheads: list[pd.DataFrame] = []
    if "subheads" in want:  # not cached: from the articles, at once (cut for the row counts)
        whole["subheads"] = corpus.subhead_paragraphs(batch(list(range(n))))
        subheads = (_split(whole["subheads"], "subheads", got["articles"], codebook)  # type: ignore[arg-type]
                    if cache and n > 1 else [whole["subheads"]])
    batches.clear()
    tables: dict[str, pd.DataFrame] = {}
    rows: dict[str, list[int]] | None = {} if cache else None
    for table in want:
        pieces = subheads if table == "subheads" else got[table]
        if rows is not None:
            rows[table] = [len(p) for p in pieces]  # type: ignore[arg-type]
        if table in whole:
            tables[table] = whole[table]
        elif n == 1:
            tables[table] = pieces[0]  # type: ignore[assignment]
        else:
            tables[table] = _concat(pieces, ignore_index=(table != "codes"),  # type: ignore[arg-type]
                                    table=table, codebook=codebook)
    for i, info in enumerate(infos):
        info.update({f"cached_{t}": hit[t][i] for t in CACHED_TABLES})
    return {"tables": tables, "rows": rows, "infos": infos}


def process_page(path: str | PathLike[str], *, cache: bool = True,
                 cache_dir: str | PathLike[str] | None = None,
                 codebook: str | PathLike[str] | None = None) -> dict[str, pd.DataFrame]:
    """Process one raw file: ``{"articles", "subheads", "codes", "segments", "metrics",
    "tokens"}``, read from the cache when valid (see the module docstring), computed and cached
    otherwise.  ``codebook``: a codebook YAML instead of the default one."""
    cache_arg = None if cache_dir is None else str(cache_dir)
    block = _process_files([str(path)], TABLES, cache_arg, cache, _codebook_arg(codebook))
    return block["tables"]


def _warm_up(codebook: str | None = None) -> None:
    """Load once per worker process what every page needs (prints nothing): the codebook, the
    tokenizer (of the backend in use), the gazetteer, the indicator families and the POS
    tagger of metrics.  Anything not warmed here is loaded by the first page instead."""
    _codebook(codebook)
    text.load_tokenizer()
    text.tokenize("基层治理")
    places.load_gazetteer()
    metrics.load_families()
    text.pos_tagger()
    version_keys(codebook)


# --- the corpus ------------------------------------------------------------------------------

def _infer_like_constructor(values: pd.Series) -> pd.Series:
    """The dtype a DataFrame built from these values row by row would have inferred."""
    name = "v"
    return pd.DataFrame([(v,) for v in values.tolist()], columns=[name])[name]


def _concat(frames: list[pd.DataFrame], ignore_index: bool = True, table: str | None = None,
            codebook: str | None = None) -> pd.DataFrame:
    """Concatenate tables of consecutive pages as if the table had been built for all of them
    at once.  ``table`` names the stage (pieces may be cut out of bigger tables: see
    ``_canonical``)."""
    full = [f for f in frames if len(f)] or frames[:1]  # an empty page adds no rows
    first = full[0]
    out = pd.concat(full, ignore_index=ignore_index) if len(full) > 1 else first.copy()
    out.attrs = {}
    if not all(f.columns.equals(first.columns) for f in full):
        return out
    out.columns = first.columns  # concat may re-infer the column index's dtype
    signatures = {tuple(str(d) for d in f.dtypes) for f in full}
    if len(signatures) > 1:  # a dtype pandas inferred from one page's values only
        for j, dtypes in enumerate(zip(*signatures, strict=True)):
            if len(set(dtypes)) > 1:
                out.isetitem(j, _infer_like_constructor(out.iloc[:, j]).set_axis(out.index))
    if not ignore_index and len({str(f.index.dtype) for f in full}) == 1:
        out.index = out.index.astype(first.index.dtype)  # concat turns object into str
        out.index.name = first.index.name
    out = _canonical(out, table, codebook)
    out.attrs = {}
    return out


def _iter_pool(jobs: list[tuple[list[str], tuple[str, ...]]], workers: int,
               job: Callable[..., Any], codebook: str | None) -> Iterator[Any]:
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        # the fork server imports the package once; each worker starts from it
        ctx.set_forkserver_preload(["__main__", __name__])
    else:
        ctx = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_warm_up,
                               initargs=(codebook,))
    try:
        yield from pool.map(job, *zip(*jobs, strict=True), chunksize=1)
    except BaseException:
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


def _iter_dask(jobs: list[tuple[list[str], tuple[str, ...]]], client: Any,
               job: Callable[..., Any], progress: Callable[[int], Any]) -> list[Any]:
    from distributed import as_completed

    futures = client.map(job, *zip(*jobs, strict=True), pure=False)
    size = {f.key: len(paths) for f, (paths, _) in zip(futures, jobs, strict=True)}
    try:
        for future in as_completed(futures):
            progress(size[future.key])
        return client.gather(futures)
    finally:
        client.cancel(futures)


def _cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def _chunks(todo: list[int], wants: list[tuple[str, ...]], sizes: list[int],
            target: float) -> list[list[int]]:
    """Jobs: runs of consecutive files that need the same tables, of about ``target`` bytes."""
    chunks: list[list[int]] = []
    current: list[int] = []
    size = 0
    for i in todo:
        if current and (i != current[-1] + 1 or wants[i] != wants[current[-1]]
                        or size >= target):
            chunks.append(current)
            current, size = [], 0
        current.append(i)
        size += sizes[i]
    if current:
        chunks.append(current)
    return chunks


def _plan_jobs(paths: list[Path], todo: list[int], wants: list[tuple[str, ...]],
               sizes: list[int], sha_of: Callable[[int], str], workers: int | None,
               client: Any, cache: bool, root: Path, book: str | None,
               min_parallel_bytes: int) -> tuple[list[list[int]], bool, int]:
    """The jobs for the files ``todo`` (runs of consecutive files, see ``_chunks``), whether
    they go to worker processes, and how many.  Workers only when the files whose cache entries
    are missing (all of them without cache) add up to ``min_parallel_bytes``; jobs of
    ``JOB_BYTES`` or an eighth of each worker's share, whichever is smaller."""
    n_workers = _cpu_count() if workers is None else max(1, int(workers))
    parallel = False
    if client is None and n_workers > 1 and len(todo) > 1:
        base = version_keys(book) if cache else {}
        to_compute = sum(sizes[i] for i in todo if not cache or not all(
            _entry(root, t, _digest(CACHE_FORMAT, t, base[t], paths[i].stem, sha_of(i))).exists()
            for t in _needed(wants[i])))
        parallel = to_compute > 0 and to_compute >= min_parallel_bytes
    todo_bytes = sum(sizes[i] for i in todo)
    if parallel:
        target = min(JOB_BYTES, todo_bytes / (n_workers * 8))
    elif client is not None:
        target = min(JOB_BYTES, todo_bytes / (max(1, len(
            getattr(client, "scheduler_info", dict)().get("workers", {}))) * 8))
    else:
        target = JOB_BYTES
    return _chunks(todo, wants, sizes, target), parallel, n_workers


def _run_entry(root: Path, table: str, key: str) -> Path:
    return root / RUNS / table / key[:2] / f"{key}.parquet"


def _read_run_meta(path: Path) -> dict[str, Any] | None:
    import pyarrow.parquet as pq

    try:
        meta = pq.read_schema(path).metadata or {}
        return json.loads(meta[_RUN_META])
    except Exception:  # noqa: BLE001 -- unreadable: not used
        return None


def _table_versions(codebook: str | None) -> dict[str, str]:
    versions = version_keys(codebook)
    return {**versions, "subheads": versions["articles"]}


def _prior(root: Path, table: str, version: str, names: list[tuple[str, str]]
           ) -> tuple[pd.DataFrame, dict[tuple[str, str], tuple[int, int]]] | None:
    """The consolidated ``table`` of an earlier run (same stage version) that shares the most
    files with this one: (the table, {(file name, sha256): (first row, rows)})."""
    folder = root / RUNS / table
    if not folder.is_dir():
        return None
    wanted = set(names)
    ranked = []
    for entry in folder.glob("*/*.parquet"):
        meta = _read_run_meta(entry)
        if not meta or meta.get("version") != version:
            continue
        files = [(f[0], f[1], int(f[2])) for f in meta.get("files", [])]
        overlap = sum((name, sha) in wanted for name, sha, _ in files)
        if overlap:
            with contextlib.suppress(OSError):
                ranked.append((overlap, entry.stat().st_mtime_ns, str(entry), files))
    for _, _, entry, files in sorted(ranked, reverse=True):
        try:
            frame = read_frame(entry, threads=True)
        except Exception:  # noqa: BLE001, S112 -- damaged or deleted meanwhile: the next one
            continue
        offsets, start = {}, 0
        for name, sha, rows in files:
            offsets[(name, sha)] = (start, rows)
            start += rows
        if start == len(frame):
            return frame, offsets
    return None


def _prune_runs(root: Path, table: str, keep: int) -> None:
    """Keep the ``keep`` consolidated entries of ``table`` used last."""
    folder = root / RUNS / table
    entries = []
    for entry in folder.glob("*/*.parquet"):
        with contextlib.suppress(OSError):
            entries.append((entry.stat().st_mtime_ns, entry))
    for _, entry in sorted(entries, reverse=True)[keep:]:
        with contextlib.suppress(OSError):
            entry.unlink()
        with contextlib.suppress(OSError):
            entry.parent.rmdir()


def _restore_subheads(articles: pd.DataFrame, subheads: pd.DataFrame) -> None:
    """Set ``articles``' subhead positions (its attrs) from the ``subheads`` table."""
    where: dict[str, list[int]] = {aid: [] for aid in articles["article_id"]}
    for aid, para_no in zip(subheads["article_id"], subheads["para_no"], strict=True):
        where[aid].append(int(para_no))
    corpus.set_subhead_positions(articles, where)


def _show_progress(progress: bool | str, pages: int) -> bool:
    """Whether to show the progress bar (``progress``: True, False or "auto")."""
    if progress == "auto":
        return pages >= PROGRESS_MIN_PAGES
    if isinstance(progress, bool):
        return progress
    raise ValueError(f"progress must be True, False or 'auto', not {progress!r}")


def _tables_arg(tables: str | list[str] | tuple[str, ...] | None) -> tuple[str, ...]:
    if tables is None:
        return TABLES
    asked = {tables} if isinstance(tables, str) else set(tables)
    unknown = asked - set(TABLES)
    if unknown:
        raise ValueError(f"unknown tables {sorted(unknown)}; choose among {list(TABLES)}")
    return tuple(t for t in TABLES if t in asked)


def run_pipeline(path: str | PathLike[str] | None = None, workers: int | None = 1,
                 client: Any = None, cache: bool = True, progress: bool | str = False, *,
                 cache_dir: str | PathLike[str] | None = None,
                 codebook: str | PathLike[str] | None = None,
                 min_parallel_bytes: int = PARALLEL_MIN_BYTES,
                 tables: str | list[str] | tuple[str, ...] | None = None
                 ) -> dict[str, pd.DataFrame]:
    """Process every page under ``path`` (default ``corpus/raw``) file by file.

    Returns ``{"articles", "subheads", "codes", "segments", "metrics", "tokens", "files"}``:
    the same tables as ``load_corpus`` + ``subhead_paragraphs`` + ``code_articles`` +
    ``code_segments`` + ``extract_metrics`` + ``token_counts`` on the whole corpus (articles
    with their ``attrs``), whichever route is taken; ``files`` has one row per raw file
    (``source``, ``file``, ``bytes``, ``sha256``, ``cached_<table>``: read from the cache).

    - ``workers``: processes (``None`` = every available core); serial below
      ``min_parallel_bytes`` of raw text to process (default ``PARALLEL_MIN_BYTES``).
    - ``client``: a ``dask.distributed.Client``; files are processed on its workers (which
      must have this package installed and see the files and the cache folder).
    - ``cache``: read and write ``cache_dir`` (default ``corpus/cache/`` or
      ``$GOVREPORTS_CACHE``); ``False`` computes everything and writes nothing.
    - ``codebook``: a codebook YAML to code with instead of the default one.
    - ``tables``: only these tables (and ``files``), e.g. ``["articles", "codes"]``: less
      memory; the others are neither computed nor read (``cached_<table>`` is then False).
    - ``progress``: a tqdm bar on stderr (off by default: nbval compares stderr too);
      ``"auto"``: only when ``PROGRESS_MIN_PAGES`` pages or more are to be processed.
    """
    from tqdm import tqdm

    want = _tables_arg(tables)
    need = [t for t in TABLES if t in want or (t == "subheads" and "articles" in want)]
    paths = [p.absolute() for p in corpus.list_pages(path)]
    n = len(paths)
    book = _codebook_arg(codebook)
    cache_arg = None if cache_dir is None else str(Path(cache_dir).resolve())
    root = _cache_root(cache_arg)
    infos: list[dict[str, Any]] = []
    names: list[tuple[str, str]] = []
    exact: dict[str, pd.DataFrame] = {}
    priors: dict[str, tuple[pd.DataFrame, dict[tuple[str, str], tuple[int, int]]]] = {}
    run_keys: dict[str, str] = {}
    versions: dict[str, str] = {}
    if cache:  # the consolidated cache: the whole table of a run over these very files
        for p in paths:
            data = _read_bytes(p)
            infos.append({"source": p.stem, "file": p.name, "bytes": len(data),
                          "sha256": _sha(data)})
        del data
        names = [(info["file"], info["sha256"]) for info in infos]
        versions = _table_versions(book)
        for table in need:
            run_keys[table] = _digest(CACHE_FORMAT, "run", table, versions[table], names)
            entry = _run_entry(root, table, run_keys[table])
            frame = _load_path(entry, threads=True)
            if frame is not None and len(frame) == sum(
                    int(r[2]) for r in (_read_run_meta(entry) or {}).get("files", [])):
                exact[table] = frame
                with contextlib.suppress(OSError):
                    os.utime(entry)  # used last: kept by _prune_runs
        for table in need:
            if table not in exact:
                found = _prior(root, table, versions[table], names)
                if found is not None:
                    priors[table] = found
    else:
        infos = [{"source": p.stem, "file": p.name} for p in paths]

    hits = set(exact)
    covering = {t: prior[1] for t, prior in priors.items()}

    def covered(table: str, i: int) -> bool:
        return table in hits or (table in covering and names[i] in covering[table])

    wants = [tuple(t for t in need if not covered(t, i)) for i in range(n)]
    todo = [i for i in range(n) if wants[i]]
    sizes = [info["bytes"] for info in infos] if cache else [p.stat().st_size for p in paths]
    chunks, parallel, n_workers = _plan_jobs(paths, todo, wants, sizes, lambda i: names[i][1],
                                             workers, client, cache, root, book,
                                             min_parallel_bytes)
    jobs = [([str(paths[i]) for i in chunk], wants[chunk[0]]) for chunk in chunks]
    job = functools.partial(_process_files, cache_dir=cache_arg, cache=cache, codebook=book)

    bar = tqdm(total=n, file=sys.stderr, unit="page", desc="pages",
               disable=not _show_progress(progress, len(todo)))
    try:
        bar.update(n - len(todo))
        if client is not None:
            # without cache_dir, each worker resolves $GOVREPORTS_CACHE or its own corpus/cache
            blocks = _iter_dask(jobs, client, job, bar.update) if jobs else []
        else:
            done = (_iter_pool(jobs, min(n_workers, len(jobs)), job, book) if parallel
                    else (job(*args) for args in jobs))
            blocks = []
            for chunk, block in zip(chunks, done, strict=True):
                blocks.append(block)
                bar.update(len(chunk))
    finally:
        bar.close()

    job_of: dict[int, tuple[int, int]] = {}  # file -> (block, position in the block)
    for b, chunk in enumerate(chunks):
        for k, i in enumerate(chunk):
            job_of[i] = (b, k)
            info = blocks[b]["infos"][k]
            if cache and info["sha256"] != infos[i]["sha256"]:
                run_keys = {}  # the file changed during the run: no consolidated entry
            infos[i] = info

    out: dict[str, pd.DataFrame] = {}
    rows: dict[str, list[int]] = {}
    for table in need:
        if table in exact:
            out[table] = exact.pop(table)
            continue
        prior = priors.pop(table, None)
        pieces: list[pd.DataFrame] = []
        rows[table] = [0] * n
        i = 0
        while i < n:
            if prior is not None and names[i] in prior[1]:
                start, count = prior[1][names[i]]
                end, j = start + count, i + 1
                rows[table][i] = count
                while j < n and names[j] in prior[1] and prior[1][names[j]][0] == end:
                    rows[table][j] = prior[1][names[j]][1]
                    end += prior[1][names[j]][1]
                    j += 1
                pieces.append(prior[0].iloc[start:end])
                i = j
            else:
                b, _ = job_of[i]
                block = blocks[b]
                pieces.append(block["tables"].pop(table))
                if block["rows"] is not None:
                    for i2, count in zip(chunks[b], block["rows"][table], strict=True):
                        rows[table][i2] = count
                i = chunks[b][-1] + 1
        del prior
        out[table] = _concat(pieces, ignore_index=(table != "codes"), table=table,
                             codebook=book)
        del pieces
    del blocks
    if "articles" in out and "articles" in rows:  # rebuilt: subhead positions from subheads
        _restore_subheads(out["articles"], out["subheads"])
    if cache and run_keys:
        for table, counts in rows.items():
            meta = {"version": versions[table],
                    "files": [[name, sha, count]
                              for (name, sha), count in zip(names, counts, strict=True)]}
            write_frame(out[table], _run_entry(root, table, run_keys[table]), run_meta=meta)
            _prune_runs(root, table, RUNS_KEPT)

    for i, info in enumerate(infos):
        infos[i] = _file_row({**info, **{f"cached_{t}": True for t in CACHED_TABLES
                                         if covered(t, i)}}, need)
    result = {t: out[t] for t in want}
    result["files"] = pd.DataFrame(infos)
    return result


# --- streaming to disk ------------------------------------------------------------------------

#: Name of the manifest of a ``stream_pipeline`` output folder, and of its parts.
MANIFEST = "tables.json"
_PART = re.compile(r"part-\d{5}\.parquet")


def _iter_dask_ordered(jobs: list[tuple[list[str], tuple[str, ...]]], client: Any,
                       job: Callable[..., Any]) -> Iterator[Any]:
    """Results of the jobs on a Dask cluster in job order, each released once handed over
    (the cluster keeps the others in its workers' memory until then)."""
    futures = client.map(job, *zip(*jobs, strict=True), pure=False)
    try:
        for k in range(len(futures)):
            yield futures[k].result()
            futures[k].release()
    finally:
        client.cancel(futures)


def stream_pipeline(path: str | PathLike[str] | None = None,
                    out_dir: str | PathLike[str] | None = None, workers: int | None = 1,
                    client: Any = None, cache: bool = True, progress: bool | str = False, *,
                    cache_dir: str | PathLike[str] | None = None,
                    codebook: str | PathLike[str] | None = None,
                    min_parallel_bytes: int = PARALLEL_MIN_BYTES,
                    tables: str | list[str] | tuple[str, ...] | None = None) -> Path:
    """``run_pipeline`` for corpora bigger than memory: the tables go to ``out_dir`` (default
    ``corpus/derived/tables``) job by job, as the jobs finish, and are never whole in memory.

    Same arguments as ``run_pipeline`` (the per-file cache is read and written; the
    consolidated one is not used).  Writes ``out_dir/{table}/part-NNNNN.parquet`` (one part
    per job of consecutive files, in file order; ``write_frame`` format), ``out_dir/files/``
    and the manifest ``out_dir/tables.json``; returns ``out_dir``.  ``read_tables(out_dir)``
    gives back exactly the tables ``run_pipeline`` returns, or only some tables and columns.
    Parts of an earlier run in ``out_dir`` are replaced (the folder is the run's output, not an
    archive)."""
    from tqdm import tqdm

    want = _tables_arg(tables)
    need = [t for t in TABLES if t in want or (t == "subheads" and "articles" in want)]
    paths = [p.absolute() for p in corpus.list_pages(path)]
    out = Path(out_dir) if out_dir is not None else config.CORPUS_DERIVED / "tables"
    book = _codebook_arg(codebook)
    cache_arg = None if cache_dir is None else str(Path(cache_dir).resolve())
    sizes = [p.stat().st_size for p in paths]
    wanted = tuple(need)
    chunks, parallel, n_workers = _plan_jobs(
        paths, list(range(len(paths))), [wanted] * len(paths), sizes,
        lambda i: _file_sha(paths[i]), workers, client, cache, _cache_root(cache_arg), book,
        min_parallel_bytes)
    jobs = [([str(paths[i]) for i in chunk], wanted) for chunk in chunks]
    job = functools.partial(_process_files, cache_dir=cache_arg, cache=cache, codebook=book)

    _clear_parts(out)  # an earlier run's parts (and nothing else)
    if client is not None:
        done: Iterator[Any] = _iter_dask_ordered(jobs, client, job)
    elif parallel:
        done = _iter_pool(jobs, min(n_workers, len(jobs)), job, book)
    else:
        done = (job(*args) for args in jobs)
    parts = {t: 0 for t in (*need, "files")}
    rows = {t: 0 for t in (*need, "files")}
    bar = tqdm(total=len(paths), file=sys.stderr, unit="page", desc="pages",
               disable=not _show_progress(progress, len(paths)))
    try:
        for k, (chunk, block) in enumerate(zip(chunks, done, strict=True)):
            pieces = dict(block["tables"])
            pieces["files"] = pd.DataFrame([_file_row(info, need) for info in block["infos"]])
            for table, frame in pieces.items():
                frame.attrs = {}  # the subhead positions are rebuilt from ``subheads``
                write_frame(frame, out / table / f"part-{k:05d}.parquet")
                parts[table] += 1
                rows[table] += len(frame)
            del block, pieces
            bar.update(len(chunk))
    finally:
        bar.close()
    manifest = {"format": CACHE_FORMAT, "tables": list(want), "written": [*need, "files"],
                "parts": parts, "rows": rows,
                "codebook": book, "files": len(paths), "bytes": sum(sizes)}
    (out / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n",
                                encoding="utf-8")
    return out


def _clear_parts(out: Path) -> None:
    """Delete what ``stream_pipeline`` writes in ``out``: the manifest, the parts of each table
    (and leftover temporary files), then the table folders left empty.  Other files stay."""
    with contextlib.suppress(FileNotFoundError):
        (out / MANIFEST).unlink()
    for table in (*TABLES, "files"):
        folder = out / table
        if not folder.is_dir():
            continue
        for entry in folder.iterdir():
            if entry.is_file() and (_PART.fullmatch(entry.name) or entry.name.startswith(".tmp-")):
                entry.unlink()
        with contextlib.suppress(OSError):
            folder.rmdir()


def _file_row(info: dict[str, Any], need: list[str]) -> dict[str, Any]:
    """A row of the ``files`` table (``cached_<table>`` only for the tables made)."""
    return {"source": info["source"], "file": info["file"], "bytes": info["bytes"],
            "sha256": info["sha256"],
            **{f"cached_{t}": t in need and bool(info.get(f"cached_{t}"))
               for t in CACHED_TABLES}}


def read_tables(out_dir: str | PathLike[str] | None = None,
                tables: str | list[str] | tuple[str, ...] | None = None,
                columns: dict[str, list[str]] | None = None) -> dict[str, pd.DataFrame]:
    """The tables a ``stream_pipeline`` run wrote to ``out_dir`` (default
    ``corpus/derived/tables``): all of them (what ``run_pipeline`` would have returned, row for
    row and dtype for dtype, ``files`` included), or only ``tables``, and of a table only
    ``columns[table]`` (less memory: each part is read, cut and released in turn)."""
    from helpers.text import CorpusError

    out = Path(out_dir) if out_dir is not None else config.CORPUS_DERIVED / "tables"
    try:
        manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise CorpusError(f"not the output of a finished stream_pipeline run ({err})",
                          path=out / MANIFEST) from None
    available = manifest["written"]
    asked = [*manifest["tables"], "files"] if tables is None else (
        [tables] if isinstance(tables, str) else list(tables))
    unknown = [t for t in asked if t not in available]
    if unknown:
        raise ValueError(f"{out}: no table {unknown[0]!r}; it has {available}")
    columns = columns or {}
    stray = [t for t in columns if t not in asked]
    if stray:
        raise ValueError(f"columns= names table {stray[0]!r}, which is not read ({asked})")
    book = manifest.get("codebook")
    result: dict[str, pd.DataFrame] = {}
    for table in asked:
        pieces = []
        for k in range(manifest["parts"][table]):
            part = out / table / f"part-{k:05d}.parquet"
            try:
                frame = read_frame(part)
            except Exception as err:  # noqa: BLE001 -- named: which part is missing or damaged
                raise CorpusError(f"cannot read this part of table {table!r}: {err}",
                                  path=part) from None
            if table in columns:
                missing = [c for c in columns[table] if c not in frame.columns]
                if missing:
                    raise ValueError(f"table {table!r} has no column {missing[0]!r}; it has "
                                     f"{list(frame.columns)}")
                frame = frame[columns[table]]
            pieces.append(frame)
        whole = columns.get(table) is None
        result[table] = _concat(pieces, ignore_index=(table != "codes"),
                                table=table if whole and table != "files" else None,
                                codebook=book)
        del pieces
    if "articles" in result and columns.get("articles") is None:
        subheads = result.get("subheads")
        if subheads is None and "subheads" in available:
            subheads = read_tables(out, "subheads")["subheads"]
        if subheads is not None:
            _restore_subheads(result["articles"], subheads)
    return result


def clear_cache(cache_dir: str | PathLike[str] | None = None) -> int:
    """Delete the pipeline's cache entries (default ``corpus/cache/`` or ``$GOVREPORTS_CACHE``):
    the per-file and the consolidated ones; returns how many files were removed.  Only the
    cache's own files are touched: table folders of ``*.arrow`` and ``*.parquet`` entries (and leftover
    temporary files), then folders left empty."""
    root = _cache_root(cache_dir)
    removed = 0
    folders = [root / t for t in CACHED_TABLES] + [root / RUNS / t for t in TABLES]
    for folder in folders:
        if not folder.is_dir():
            continue
        for shard in folder.iterdir():
            if not shard.is_dir():
                continue
            for entry in shard.iterdir():
                if entry.is_file() and entry.suffix in (".parquet", ENTRY_SUFFIX):
                    entry.unlink()
                    removed += 1
            with contextlib.suppress(OSError):
                shard.rmdir()
        with contextlib.suppress(OSError):
            folder.rmdir()
    with contextlib.suppress(OSError):
        (root / RUNS).rmdir()
    with contextlib.suppress(OSError):
        root.rmdir()
    return removed


__all__ = [
    "CACHE", "CACHED_TABLES", "PARALLEL_MIN_BYTES", "TABLES", "clear_cache", "process_page",
    "read_frame", "read_tables", "run_pipeline", "stream_pipeline", "token_counts",
    "version_keys", "write_frame",
]
