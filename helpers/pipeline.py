"""The corpus at scale: per-file processing with a disk cache, a process pool or a Dask cluster.

``load_corpus`` + ``code_articles`` + ``code_segments`` + ``extract_metrics`` work on the whole
corpus in one process.  Years of a provincial daily are 10^4-10^5 pages, so this module runs the
same functions **one raw file at a time** and concatenates the results:

``process_page(path)``
    one raw file -> ``{"articles", "subheads", "codes", "segments", "metrics", "tokens"}``:
    ``parse_page(read_page(path), source=stem)``, its subhead positions
    (``subhead_paragraphs``), ``code_articles``, ``code_segments``, ``extract_metrics`` and
    ``token_counts`` (every article tokenized once).
``run_pipeline(path, workers=1, client=None, cache=True, progress=False)``
    every page of ``list_pages(path)`` (sorted), each through ``process_page`` serially, in a
    ``ProcessPoolExecutor`` (``workers > 1``) or on a Dask cluster (``client``); the tables are
    concatenated in file order.  Plus a ``files`` table (one row per raw file: size, SHA-256,
    which tables came from the cache).

**Identical results.**  Every route gives the tables the whole-corpus functions give, row for
row and dtype for dtype (``tests/test_pipeline.py`` checks it with ``assert_frame_equal``):
per-file work is independent, results are put back in file order, ``articles.attrs``
(the subhead positions) is rebuilt from the ``subheads`` tables, and where pandas inferred a
column's dtype from the values of one page only (a column of strings that is all None on one
page is ``object`` there and ``str`` elsewhere), the concatenated column is inferred again as
the whole-corpus constructor would.  The index of ``codes`` (``article_id``) keeps its dtype.

**Cache.**  ``corpus/cache/`` (``CACHE``; the environment variable ``GOVREPORTS_CACHE`` or the
``cache_dir`` argument choose another folder) holds one Parquet file per raw file and table:
``{cache}/{table}/{key[:2]}/{key}.parquet``.  The key is the SHA-256 of the file's bytes, its
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

**Workers.**  ``workers > 1`` uses a ``ProcessPoolExecutor`` ("forkserver" where available,
else "spawn": never "fork", which copies a parent's threads and locks) whose initializer loads
the codebook, the tokenizer and the gazetteer once per worker; files go out in chunks and come
back in file order.  The parent first reads what the cache already holds (cheaper than
shipping tables back from workers) and only the rest goes to the pool; below
``PARALLEL_MIN_BYTES`` of raw text to process the run stays serial (starting workers costs more
than it saves).  In a script, call ``run_pipeline`` under
``if __name__ == "__main__":`` (the workers import the main module).

**Dask.**  ``client`` (a ``dask.distributed.Client``) maps ``process_page`` over the files on
the cluster and gathers the results in order.  The workers import ``helpers``: the package (this
repository, ``pip install -e .``) must be installed in the workers' environment, and the raw
files (absolute paths are sent), a ``codebook=`` file and the cache folder must be on a file
system they share.  Without ``cache_dir``, a worker uses its own ``$GOVREPORTS_CACHE`` or the
``corpus/cache/`` of its installation.  A worker loads the tokenizer etc. on its first page.

**Progress.**  ``progress=True`` shows a ``tqdm`` bar on stderr.  The default is off because
notebook cells are compared output for output by nbval (stderr included).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import math
import multiprocessing
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from importlib import metadata
from os import PathLike
from pathlib import Path
from typing import Any

import pandas as pd

from helpers import coding, config, corpus, metrics, places, text

#: Default cache folder (``corpus/cache/``, git-ignored); ``GOVREPORTS_CACHE`` overrides it.
CACHE: Path = getattr(config, "CACHE", config.ROOT / "corpus" / "cache")
CACHE_ENV = "GOVREPORTS_CACHE"
#: Bump when the layout or encoding of cache files changes (invalidates every entry).
CACHE_FORMAT = 1
#: Bump when ``token_counts`` changes.
TOKENS_VERSION = 1
#: Below this many bytes of raw pages, ``run_pipeline`` stays serial even with ``workers > 1``:
#: a worker takes ~3 s to start and load the tokenizer and gazetteer, and one core parses
#: ~0.2 MB/s, so two workers only pay off from about 1 MB.
PARALLEL_MIN_BYTES = 1_000_000

#: Tables of ``process_page`` / ``run_pipeline`` (``run_pipeline`` adds ``files``).
TABLES = ("articles", "subheads", "codes", "segments", "metrics", "tokens")
#: Tables stored in the cache (``subheads`` is rebuilt from the articles' attrs).
CACHED_TABLES = ("articles", "codes", "segments", "metrics", "tokens")

_PARSE_SOURCES = (corpus, places, text, config)
# Libraries whose behaviour shapes the tables (a lock-file upgrade invalidates the cache).
_LIBRARIES = ("pandas", "numpy", "pyarrow", "jieba", "rjieba", "jionlp", "charset-normalizer",
              "cn2an", "pyyaml")
_META = b"govreports"


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
    return root / table / key[:2] / f"{key}.parquet"


# --- Parquet round trip ----------------------------------------------------------------------

def _supported(dtype: Any) -> bool:
    import numpy as np

    if isinstance(dtype, pd.StringDtype):
        return True
    return isinstance(dtype, np.dtype) and dtype.kind in "Obiuf"


def _nan_rows(values: pd.Series) -> list[int]:
    """Positions of float NaN in an object column (Parquet stores them as null, like None)."""
    return [i for i, v in enumerate(values) if isinstance(v, float) and math.isnan(v)]


def _arrow_column(values: pd.Series | pd.Index, where: str) -> Any:
    import pyarrow as pa

    if not _supported(values.dtype):
        raise TypeError(f"cannot cache {where} of dtype {values.dtype}")
    try:
        if values.dtype == object:
            return pa.array(list(values), from_pandas=True)
        return pa.array(values, from_pandas=True)
    except (pa.ArrowInvalid, pa.ArrowTypeError) as err:
        raise TypeError(f"cannot cache {where}: {err}") from err


def write_frame(frame: pd.DataFrame, path: str | PathLike[str]) -> None:
    """Write ``frame`` to Parquet so that ``read_frame`` gives it back exactly (dtypes, index,
    column index, list columns, None vs NaN in object columns, JSON-serializable ``attrs``).
    Atomic: written to a temporary file in the same folder, then renamed."""
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
    arrays, names = [], []
    idx = frame.index
    if not (isinstance(idx, pd.RangeIndex) and idx.start == 0 and idx.step == 1
            and idx.name is None):
        if isinstance(idx, pd.MultiIndex):
            raise TypeError("cannot cache a MultiIndex")
        meta["index"] = {"name": idx.name, "dtype": str(idx.dtype)}
        arrays.append(_arrow_column(idx, "the index"))
        names.append("i")
        if idx.dtype == object:
            meta["nan"]["i"] = _nan_rows(pd.Series(idx))
    for j, col in enumerate(frame.columns):
        values = frame.iloc[:, j]
        arrays.append(_arrow_column(values, f"column {col!r}"))
        names.append(f"c{j}")
        if values.dtype == object:
            meta["nan"][f"c{j}"] = _nan_rows(values)
    try:
        blob = json.dumps(meta, ensure_ascii=False).encode("utf-8")
    except TypeError as err:
        raise TypeError(f"cannot cache the table's attrs or column names: {err}") from err
    table = pa.Table.from_arrays(arrays, names=names).replace_schema_metadata({_META: blob})
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".parquet")
    os.close(fd)
    try:
        pq.write_table(table, tmp)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _objects(column: Any, nan: list[int]) -> Any:
    """An object array of the column's Python values (lists stay lists, NaN where it was)."""
    import numpy as np

    values = column.to_pylist()
    for i in nan:
        values[i] = float("nan")
    out = np.empty(len(values), dtype=object)
    for i, v in enumerate(values):  # element-wise: equal-length lists must stay lists
        out[i] = v
    return out


def read_frame(path: str | PathLike[str]) -> pd.DataFrame:
    """Read a table written by ``write_frame``."""
    import pyarrow.parquet as pq

    # ParquetFile.read, not pq.read_table: the dataset machinery costs ~1 ms per small file
    with pq.ParquetFile(path) as handle:
        table = handle.read(use_threads=False)
    meta = json.loads(table.schema.metadata[_META])
    if meta.get("format") != CACHE_FORMAT:
        raise ValueError(f"{path}: cache format {meta.get('format')}, expected {CACHE_FORMAT}")
    index = meta["index"]
    if index is not None:
        if index["dtype"] == "object":
            values = _objects(table.column("i"), meta["nan"].get("i", []))
        else:
            values = table.column("i").to_pandas()
        index = pd.Index(values, dtype=index["dtype"], name=index["name"])
        table = table.drop_columns(["i"])
    frame = table.to_pandas(use_threads=False)  # all columns at once, then the exceptions
    current = [str(d) for d in frame.dtypes]
    for j, dtype in enumerate(meta["dtypes"]):
        if dtype == "object":
            values = _objects(table.column(j), meta["nan"].get(f"c{j}", []))
            frame.isetitem(j, pd.Series(values, dtype=object, index=frame.index))
        elif current[j] != dtype:
            frame.isetitem(j, frame.iloc[:, j].astype(pd.api.types.pandas_dtype(dtype)))
    frame.columns = pd.Index(meta["columns"], dtype=meta["columns_dtype"],
                             name=meta["columns_name"])
    if index is not None:
        frame.index = index
    frame.attrs = meta["attrs"]
    return frame


def _load(root: Path, table: str, key: str) -> pd.DataFrame | None:
    entry = _entry(root, table, key)
    try:
        return read_frame(entry)
    except Exception:  # noqa: BLE001 -- missing or damaged: recomputed (and overwritten)
        return None


# --- one file --------------------------------------------------------------------------------

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


def _process(path: str | PathLike[str], cache_dir: str | None = None, cache: bool = True,
             codebook: str | None = None, compute: bool = True
             ) -> tuple[dict[str, pd.DataFrame] | None, dict[str, Any]]:
    """``process_page`` plus what ``run_pipeline`` reports about the file (size, hash, hits).
    ``compute=False`` only looks the tables up: ``(None, info)`` unless all are cached."""
    path = Path(path)
    data = _read_bytes(path)
    file_sha = _sha(data)
    source = path.stem
    info: dict[str, Any] = {"source": source, "file": path.name, "bytes": len(data),
                            "sha256": file_sha}
    versions = version_keys(codebook)
    keys = {t: _digest(CACHE_FORMAT, t, versions[t], source, file_sha) for t in CACHED_TABLES}
    root = _cache_root(cache_dir)
    out: dict[str, pd.DataFrame | None] = {}
    for table in CACHED_TABLES:
        out[table] = _load(root, table, keys[table]) if cache else None
        if out[table] is None and not compute:
            return None, info
    hits = {t: out[t] is not None for t in CACHED_TABLES}

    def make(table: str, build: Callable[[], pd.DataFrame]) -> None:
        if out[table] is None:
            out[table] = build()
            if cache:
                write_frame(out[table], _entry(root, table, keys[table]))

    make("articles", lambda: corpus.parse_page(text.read_page(path), source=source))
    articles = out["articles"]
    if not all(hits[t] for t in ("codes", "segments")):
        book = _codebook(codebook)[1]
        make("segments", lambda: coding.code_segments(articles, book))
        make("codes", lambda: coding.code_articles(articles, book, out["segments"]))
    make("metrics", lambda: metrics.extract_metrics(articles))
    make("tokens", lambda: token_counts(articles))
    out["subheads"] = corpus.subhead_paragraphs(articles)
    info.update({f"cached_{t}": hits[t] for t in CACHED_TABLES})
    return {t: out[t] for t in TABLES}, info


def process_page(path: str | PathLike[str], *, cache: bool = True,
                 cache_dir: str | PathLike[str] | None = None,
                 codebook: str | PathLike[str] | None = None) -> dict[str, pd.DataFrame]:
    """Process one raw file: ``{"articles", "subheads", "codes", "segments", "metrics",
    "tokens"}``, read from the cache when valid (see the module docstring), computed and cached
    otherwise.  ``codebook``: a codebook YAML instead of the default one."""
    cache_arg = None if cache_dir is None else str(cache_dir)
    tables = _process(path, cache_arg, cache, _codebook_arg(codebook))[0]
    assert tables is not None
    return tables


def _warm_up(codebook: str | None = None) -> None:
    """Load once per worker process what every page needs (prints nothing): the codebook, the
    tokenizer (of the backend in use), the gazetteer, the indicator families and the POS
    tagger of metrics.  Anything not warmed here is loaded by the first page instead."""
    _codebook(codebook)
    text.load_tokenizer()
    text.tokenize("基层治理")
    places.load_gazetteer()
    metrics.load_families()
    pos_tagger = getattr(metrics, "_pos_tokenizer", None)  # private: warmed if present
    if callable(pos_tagger):
        pos_tagger()
    version_keys(codebook)


# --- the corpus ------------------------------------------------------------------------------

def _infer_like_constructor(values: pd.Series) -> pd.Series:
    """The dtype a DataFrame built from these values row by row would have inferred."""
    name = "v"
    return pd.DataFrame([(v,) for v in values.tolist()], columns=[name])[name]


def _concat(frames: list[pd.DataFrame], ignore_index: bool = True) -> pd.DataFrame:
    """Concatenate per-file tables as if the table had been built for the whole corpus."""
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
    return out


def _iter_pool(paths: list[Path], workers: int, job: Callable[..., Any],
               codebook: str | None) -> Iterator[Any]:
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    chunksize = max(1, min(32, len(paths) // (workers * 8)))
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_warm_up,
                               initargs=(codebook,))
    try:
        yield from pool.map(job, paths, chunksize=chunksize)
    except BaseException:
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


def _iter_dask(paths: list[Path], client: Any, job: Callable[..., Any],
               progress: Callable[[], None]) -> list[Any]:
    from distributed import as_completed

    futures = client.map(job, [str(p) for p in paths], pure=False)
    try:
        for _ in as_completed(futures):
            progress()
        return client.gather(futures)
    finally:
        client.cancel(futures)


def _run_local(paths: list[Path], job: Callable[..., Any], workers: int, cache: bool,
               min_parallel_bytes: int, codebook: str | None, progress: Callable[[], None]
               ) -> list[Any]:
    """Serially, or in worker processes: with workers, the parent first reads what the cache
    holds (faster than starting workers and shipping tables back) and farms out the rest."""
    results: list[Any] = [None] * len(paths)
    todo = list(range(len(paths)))
    if workers > 1 and cache:
        for i, path in enumerate(paths):
            found = job(path, compute=False)
            if found[0] is not None:
                results[i] = found
                progress()
        todo = [i for i in todo if results[i] is None]
    missing = [paths[i] for i in todo]
    parallel = (workers > 1 and len(missing) > 1
                and sum(p.stat().st_size for p in missing) >= min_parallel_bytes)
    done = (_iter_pool(missing, min(workers, len(missing)), job, codebook) if parallel
            else map(job, missing))
    for i, result in zip(todo, done, strict=True):
        results[i] = result
        progress()
    return results


def _cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def run_pipeline(path: str | PathLike[str] | None = None, workers: int | None = 1,
                 client: Any = None, cache: bool = True, progress: bool = False, *,
                 cache_dir: str | PathLike[str] | None = None,
                 codebook: str | PathLike[str] | None = None,
                 min_parallel_bytes: int = PARALLEL_MIN_BYTES) -> dict[str, pd.DataFrame]:
    """Process every page under ``path`` (default ``corpus/raw``) file by file.

    Returns ``{"articles", "subheads", "codes", "segments", "metrics", "tokens", "files"}``:
    the same tables as ``load_corpus`` + ``subhead_paragraphs`` + ``code_articles`` +
    ``code_segments`` + ``extract_metrics`` + ``token_counts`` on the whole corpus (articles
    with their ``attrs``), whichever route is taken; ``files`` has one row per raw file
    (``source``, ``file``, ``bytes``, ``sha256``, ``cached_<table>``: read from the cache).

    - ``workers``: processes (``None`` = every available core); serial below
      ``min_parallel_bytes`` of raw text (default ``PARALLEL_MIN_BYTES``).
    - ``client``: a ``dask.distributed.Client``; files are processed on its workers (which
      must have this package installed and see the files and the cache folder).
    - ``cache``: read and write ``cache_dir`` (default ``corpus/cache/`` or
      ``$GOVREPORTS_CACHE``); ``False`` computes everything and writes nothing.
    - ``codebook``: a codebook YAML to code with instead of the default one.
    - ``progress``: a tqdm bar on stderr (off by default: nbval compares stderr too).
    """
    from tqdm import tqdm

    paths = [p.resolve() for p in corpus.list_pages(path)]
    book = _codebook_arg(codebook)
    cache_arg = None if cache_dir is None else str(Path(cache_dir).resolve())
    job = functools.partial(_process, cache_dir=cache_arg, cache=cache, codebook=book)
    n_workers = _cpu_count() if workers is None else max(1, int(workers))
    bar = tqdm(total=len(paths), file=sys.stderr, unit="page", disable=not progress,
               desc="pages")
    try:
        if client is not None:
            # without cache_dir, each worker resolves $GOVREPORTS_CACHE or its own corpus/cache
            results = _iter_dask(paths, client, job, bar.update)
        else:
            results = _run_local(paths, job, n_workers, cache, min_parallel_bytes, book,
                                 bar.update)
    finally:
        bar.close()
    infos = [info for _, info in results]
    columns = {t: [tables[t] for tables, _ in results] for t in TABLES}
    del results
    out = {}
    for t in TABLES:  # one table at a time: the per-file pieces go as soon as they are joined
        out[t] = _concat(columns.pop(t), ignore_index=(t != "codes"))
    where: dict[str, list[int]] = {aid: [] for aid in out["articles"]["article_id"]}
    for aid, para_no in zip(out["subheads"]["article_id"], out["subheads"]["para_no"],
                            strict=True):
        where[aid].append(int(para_no))
    corpus.set_subhead_positions(out["articles"], where)
    out["files"] = pd.DataFrame(infos)
    return out


def clear_cache(cache_dir: str | PathLike[str] | None = None) -> int:
    """Delete the pipeline's cache entries (default ``corpus/cache/`` or ``$GOVREPORTS_CACHE``);
    returns how many files were removed.  Only the cache's own files are touched: table folders
    of ``*.parquet`` entries (and leftover temporary files), then folders left empty."""
    root = _cache_root(cache_dir)
    removed = 0
    for table in CACHED_TABLES:
        folder = root / table
        if not folder.is_dir():
            continue
        for shard in folder.iterdir():
            if not shard.is_dir():
                continue
            for entry in shard.iterdir():
                if entry.is_file() and entry.suffix == ".parquet":
                    entry.unlink()
                    removed += 1
            with contextlib.suppress(OSError):
                shard.rmdir()
        with contextlib.suppress(OSError):
            folder.rmdir()
    with contextlib.suppress(OSError):
        root.rmdir()
    return removed


__all__ = [
    "CACHE", "CACHED_TABLES", "PARALLEL_MIN_BYTES", "TABLES", "clear_cache", "process_page",
    "read_frame", "run_pipeline", "token_counts", "version_keys", "write_frame",
]
