"""The corpus at scale: every raw file through every stage, serially, in worker processes or
on a Dask cluster, with a per-file cache; the tables in memory or streamed to disk.

``load_corpus`` + ``code_articles`` + ``code_segments`` + ``extract_metrics`` work on the whole
corpus in one process.  Years of a provincial daily are 10^4-10^5 pages, so this module runs the
same stages **one job of consecutive raw files at a time** (``helpers.job``) and puts the
results back together in file order:

``run_pipeline(path, *, workers=1, client=None, cache=True, progress=False, tables=None)``
    every page of ``list_pages(path)`` (sorted), in jobs of about ``JOB_BYTES`` of raw text run
    serially, in a ``ProcessPoolExecutor`` (``workers > 1``) or on a Dask cluster
    (``client``).  Returns ``articles``, ``subheads``, ``codes``, ``segments``, ``metrics``,
    ``tokens`` and ``files`` (one row per raw file: size, SHA-256, which tables came from the
    cache); ``tables`` returns only some of them (less memory).
``stream_pipeline(path, *, out_dir, ...)``
    the same jobs, but each job's tables are written to ``out_dir`` as it finishes (one
    Parquet part per job and table, in file order) and dropped: memory stays that of a few
    jobs whatever the corpus size.  ``read_tables`` reads them back, exactly as
    ``run_pipeline`` returns them, or only some tables and columns.  The folder is owned by one
    run at a time and replaced only by a run that finished (``helpers.outdir``).

**Identical results.**  Every route gives the tables the whole-corpus functions give, row for
row and dtype for dtype (``tests/test_pipeline.py`` checks it with ``assert_frame_equal``):
per-file work is independent, results are put back in file order (``batching.concat_pages``),
and ``articles.attrs`` (the subhead positions) is rebuilt from the ``subheads`` tables.

**The codebook** is resolved once here (``codebook=``: a ``Codebook``, a YAML file, or None for
the default) and the object is handed to every job and worker.

**Cache.**  ``helpers.cache``: one entry per raw file and table, keyed by the file's bytes and
the stage's version, and one consolidated entry per table and run.  A rerun over unchanged
files reads the consolidated entries only; when files change, only those are processed.

**Workers.**  ``workers > 1`` uses a ``ProcessPoolExecutor`` ("forkserver" where available,
else "spawn": never "fork", which copies a parent's threads and locks); the fork server imports
the package once and each worker's initializer (``job.warm_up``) loads the tokenizers and the
gazetteer (~2 s), after starting a thread that ends the worker when the run's process ends
(``job.watch_parent``: else a worker orphaned by a killed kernel would wait for jobs forever,
keeping the fork server and the resource tracker alive).  Jobs of ``JOB_BYTES`` or an eighth
of each worker's share, whichever is smaller (so that the workers finish together).  Below ``PARALLEL_MIN_BYTES`` of raw text to
compute (files whose cache entries are missing) the run stays serial.  In a script, call
``run_pipeline`` under ``if __name__ == "__main__":`` (the workers import the main module).

**Dask.**  ``client`` (a ``dask.distributed.Client``) maps the same jobs over the cluster and
gathers the results in order; the consolidated cache is read and written by the caller.  The
workers import ``helpers``: the package (``pip install -e .``) must be installed in the
workers' environment, and the raw files (absolute paths are sent) and the cache folder must be
on a file system they share.  Without ``cache_dir``, a worker uses its own ``$GOVREPORTS_CACHE``
or the ``corpus/cache/`` of its installation.

**Progress.**  ``progress=True`` shows a ``tqdm`` bar on stderr; ``progress="auto"`` only when
at least ``PROGRESS_MIN_PAGES`` pages are to be processed (what notebooks use: a bar over a
real corpus, none over the seed page, so that nbval's comparison holds).  The default is off
because notebook cells are compared output for output by nbval (stderr included).
"""

from __future__ import annotations

import functools
import json
import multiprocessing
import os
import re
import sys
import uuid
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from os import PathLike
from pathlib import Path
from typing import Any

import pandas as pd

from helpers import cache as cache_store
from helpers import config, corpus
from helpers.batching import concat_pages
from helpers.cache import CACHED_TABLES, clear_cache, version_keys
from helpers.codebook import Codebook, resolve_codebook
from helpers.errors import CorpusError
from helpers.frames import FRAME_FORMAT, FrameMismatchError, read_frame, write_frame
from helpers.job import (
    TABLES,
    cached_tables_for,
    process_files,
    process_page,
    run_tables_for,
    warm_up,
)
from helpers.outdir import SWAP_LOCK, OutputInUseError, claim_output, reading_output
from helpers.text.decoding import read_raw_bytes
from helpers.tokens import token_counts

__all__ = [
    "CACHED_TABLES", "PARALLEL_MIN_BYTES", "TABLES", "OutputInUseError", "clear_cache",
    "process_page", "read_frame", "read_tables", "run_pipeline", "stream_pipeline",
    "token_counts", "version_keys", "write_frame",
]

#: Below this many bytes of raw pages, ``run_pipeline`` stays serial even with ``workers > 1``:
#: a worker takes ~3 s to start and load the tokenizer and gazetteer, and one core parses
#: ~1 MB/s, so two workers only pay off from about 1 MB.
PARALLEL_MIN_BYTES = 1_000_000
#: Raw bytes per job (pages whose later stages run as one batch: ~5% slower than the whole
#: corpus at once, ~15% with a quarter of it); with workers, at most an eighth of each
#: worker's share, so that the workers finish together.
JOB_BYTES = 1_000_000
#: Jobs per worker at least (each worker's share cut in eighths): the last job to finish
#: keeps the other workers idle for at most an eighth of a share.
JOBS_PER_WORKER = 8
#: ``progress="auto"`` shows a bar from this many pages to process (not read from the cache).
PROGRESS_MIN_PAGES = 100
#: Name of the manifest of a ``stream_pipeline`` output folder, and of its parts.
MANIFEST = "tables.json"
_PART = re.compile(r"part-\d{5}\.parquet")


# --- where the jobs run -----------------------------------------------------------------------

def _iter_pool(jobs: list[tuple[list[str], tuple[str, ...]]], workers: int,
               job: Callable[..., Any], codebook: Codebook) -> Iterator[Any]:
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        # the fork server imports the package once; each worker starts from it
        ctx.set_forkserver_preload(["__main__", __name__])
    else:
        ctx = multiprocessing.get_context("spawn")
    # each worker ends if this process dies (else it waits for jobs forever)
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=warm_up,
                               initargs=(codebook, os.getpid()))
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
               client: Any, cache: bool, root: Path, book: Codebook,
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
            cache_store.entry_path(root, t, cache_store.entry_key(
                t, base[t], paths[i].stem, sha_of(i))).exists()
            for t in cached_tables_for(wants[i])))
        parallel = to_compute > 0 and to_compute >= min_parallel_bytes
    todo_bytes = sum(sizes[i] for i in todo)
    if parallel:
        target = min(JOB_BYTES, todo_bytes / (n_workers * JOBS_PER_WORKER))
    elif client is not None:
        cluster_workers = max(1, len(client.scheduler_info()["workers"]))
        target = min(JOB_BYTES, todo_bytes / (cluster_workers * JOBS_PER_WORKER))
    else:
        target = JOB_BYTES
    return _chunks(todo, wants, sizes, target), parallel, n_workers


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


def _manifest_codebook(manifest: dict[str, Any], out: Path) -> Codebook:
    """The codebook a ``stream_pipeline`` run coded with (for the shape of empty tables)."""
    book = resolve_codebook(manifest.get("codebook"))
    expected = manifest.get("codebook_sha256")
    if expected is not None and book.sha256 != expected:
        raise CorpusError(f"the codebook {book.path} changed since this run was written: "
                          "rerun stream_pipeline", path=out / MANIFEST)
    return book


# --- run_pipeline --------------------------------------------------------------------------------

def _run_jobs(jobs: list[tuple[list[str], tuple[str, ...]]], chunks: list[list[int]],
              job: Callable[..., Any], *, parallel: bool, n_workers: int, client: Any,
              book: Codebook, bar: Any) -> list[dict[str, Any]]:
    """The jobs' results in job order (serially, in worker processes or on Dask)."""
    if client is not None:
        # without cache_dir, each worker resolves $GOVREPORTS_CACHE or its own corpus/cache
        return _iter_dask(jobs, client, job, bar.update) if jobs else []
    done = (_iter_pool(jobs, min(n_workers, len(jobs)), job, book) if parallel
            else (job(*args) for args in jobs))
    blocks = []
    for chunk, block in zip(chunks, done, strict=True):
        blocks.append(block)
        bar.update(len(chunk))
    return blocks


def _assemble(table: str, n: int, names: list[tuple[str, str]],
              prior: tuple[pd.DataFrame, dict[tuple[str, str], tuple[int, int]]] | None,
              chunks: list[list[int]], blocks: list[dict[str, Any]], job_of: dict[int, int],
              book: Codebook) -> tuple[pd.DataFrame, list[int]]:
    """One table of the run in file order: runs of files from the earlier run's table
    (``prior``), the others from their jobs; and the rows of each file."""
    pieces: list[pd.DataFrame] = []
    rows = [0] * n
    i = 0
    while i < n:
        if prior is not None and names[i] in prior[1]:
            start, count = prior[1][names[i]]
            end, j = start + count, i + 1
            rows[i] = count
            while j < n and names[j] in prior[1] and prior[1][names[j]][0] == end:
                rows[j] = prior[1][names[j]][1]
                end += prior[1][names[j]][1]
                j += 1
            pieces.append(prior[0].iloc[start:end])
            i = j
        else:
            b = job_of[i]
            block = blocks[b]
            pieces.append(block["tables"].pop(table))
            if block["rows"] is not None:
                for i2, count in zip(chunks[b], block["rows"][table], strict=True):
                    rows[i2] = count
            i = chunks[b][-1] + 1
    return concat_pages(pieces, ignore_index=(table != "codes"), table=table,
                        codebook=book), rows


def _take_infos(chunks: list[list[int]], blocks: list[dict[str, Any]], stored: cache_store.ConsolidatedRuns,
                cache: bool) -> dict[int, int]:
    """Put the jobs' file infos (with their ``cached_<table>``) in the run's list; returns the
    job of each file.  A file whose bytes changed during the run forbids the consolidated
    entry (it would not match the files' hashes)."""
    job_of: dict[int, int] = {}
    for b, chunk in enumerate(chunks):
        for k, i in enumerate(chunk):
            job_of[i] = b
            info = blocks[b]["infos"][k]
            if cache and info["sha256"] != stored.infos[i]["sha256"]:
                stored.run_keys = {}
            stored.infos[i] = info
    return job_of


def run_pipeline(path: str | PathLike[str] | None = None, *, workers: int | None = 1,
                 client: Any = None, cache: bool = True, progress: bool | str = False,
                 cache_dir: str | PathLike[str] | None = None,
                 codebook: Codebook | str | PathLike[str] | None = None,
                 min_parallel_bytes: int = PARALLEL_MIN_BYTES,
                 tables: str | list[str] | tuple[str, ...] | None = None,
                 ignore: str | Iterable[str] = ()) -> dict[str, pd.DataFrame]:
    """Process every page under ``path`` (default ``config.CORPUS_RAW``) file by file.

    Returns ``{"articles", "subheads", "codes", "segments", "metrics", "tokens", "files"}``:
    the same tables as ``load_corpus`` + ``subhead_paragraphs`` + ``code_articles`` +
    ``code_segments`` + ``extract_metrics`` + ``token_counts`` on the whole corpus (articles
    with their ``attrs``), whichever route is taken; ``files`` has one row per raw file
    (``source``, ``file``, ``bytes``, ``sha256``, ``cached_<table>``: read from the cache).

    - ``workers``: processes (``None`` = every available core); serial below
      ``min_parallel_bytes`` of raw text to process (default ``PARALLEL_MIN_BYTES``).
    - ``client``: a ``dask.distributed.Client``; files are processed on its workers (which
      must have this package installed and see the files and the cache folder).
    - ``cache``: read and write ``cache_dir`` (default ``config.CACHE`` or
      ``$GOVREPORTS_CACHE``); ``False`` computes everything and writes nothing.
    - ``codebook``: a ``Codebook`` or codebook YAML to code with instead of the default one.
    - ``tables``: only these tables (and ``files``), e.g. ``["articles", "codes"]``: less
      memory; the others are neither computed nor read (``cached_<table>`` is then False).
    - ``progress``: a tqdm bar on stderr (off by default: nbval compares stderr too);
      ``"auto"``: only when ``PROGRESS_MIN_PAGES`` pages or more are to be processed.
    - ``ignore``: glob patterns of entries of the folder to leave out (``corpus.list_pages``:
      every other entry that is not a page stops the run with one error listing them).
    """
    from tqdm import tqdm

    want = _tables_arg(tables)
    need = run_tables_for(want)
    paths = [p.absolute() for p in corpus.list_pages(path, ignore=ignore)]
    n = len(paths)
    book = resolve_codebook(codebook)
    cache_arg = None if cache_dir is None else str(Path(cache_dir).resolve())
    root = cache_store.cache_root(cache_arg)
    stored = cache_store.ConsolidatedRuns(paths, need, root, book, cache)
    infos, names = stored.infos, stored.names
    wants = [tuple(t for t in need if not stored.covers(t, i)) for i in range(n)]
    todo = [i for i in range(n) if wants[i]]
    sizes = [info["bytes"] for info in infos] if cache else [p.stat().st_size for p in paths]
    chunks, parallel, n_workers = _plan_jobs(paths, todo, wants, sizes, lambda i: names[i][1],
                                             workers, client, cache, root, book,
                                             min_parallel_bytes)
    jobs = [([str(paths[i]) for i in chunk], wants[chunk[0]]) for chunk in chunks]
    job = functools.partial(process_files, cache_dir=cache_arg, cache=cache, codebook=book)
    bar = tqdm(total=n, file=sys.stderr, unit="page", desc="pages",
               disable=not _show_progress(progress, len(todo)))
    try:
        bar.update(n - len(todo))
        blocks = _run_jobs(jobs, chunks, job, parallel=parallel, n_workers=n_workers,
                           client=client, book=book, bar=bar)
    finally:
        bar.close()

    job_of = _take_infos(chunks, blocks, stored, cache)
    out: dict[str, pd.DataFrame] = {}
    rows: dict[str, list[int]] = {}
    for table in need:
        if table in stored.exact:
            out[table] = stored.exact.pop(table)
        else:
            out[table], rows[table] = _assemble(table, n, names, stored.priors.pop(table, None),
                                                chunks, blocks, job_of, book)
    del blocks
    if "articles" in out and "articles" in rows:  # rebuilt: subhead positions from subheads
        _restore_subheads(out["articles"], out["subheads"])
    if cache:
        stored.write(out, rows)
    result = {t: out[t] for t in want}
    result["files"] = pd.DataFrame([
        _file_row({**info, **{f"cached_{t}": True for t in CACHED_TABLES if stored.covers(t, i)}},
                  need) for i, info in enumerate(infos)])
    return result


# --- streaming to disk ------------------------------------------------------------------------

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


def stream_pipeline(path: str | PathLike[str] | None = None, *,
                    out_dir: str | PathLike[str] | None = None, workers: int | None = 1,
                    client: Any = None, cache: bool = True, progress: bool | str = False,
                    cache_dir: str | PathLike[str] | None = None,
                    codebook: Codebook | str | PathLike[str] | None = None,
                    min_parallel_bytes: int = PARALLEL_MIN_BYTES,
                    tables: str | list[str] | tuple[str, ...] | None = None,
                    ignore: str | Iterable[str] = ()) -> Path:
    """``run_pipeline`` for corpora bigger than memory: the tables go to ``out_dir`` (default
    ``corpus/derived/tables``) job by job, as the jobs finish, and are never whole in memory.

    Same arguments as ``run_pipeline`` (the per-file cache is read and written; the
    consolidated one is not used).  Writes ``out_dir/{table}/part-NNNNN.parquet`` (one part
    per job of consecutive files, in file order; ``write_frame`` format), ``out_dir/files/``
    and the manifest ``out_dir/tables.json``; returns ``out_dir``.  ``read_tables(out_dir)``
    gives back exactly the tables ``run_pipeline`` returns, or only some tables and columns.
    The folder is the run's output, not an archive: a run owns it while it runs (a second run
    into it gets ``OutputInUseError`` naming the first), writes into a staging folder inside it,
    and replaces the earlier run's manifest and parts only when it finished; a failed or killed
    run leaves the earlier output as it was.  Other files in ``out_dir`` stay
    (``helpers.outdir``)."""
    want = _tables_arg(tables)
    need = run_tables_for(want)
    paths = [p.absolute() for p in corpus.list_pages(path, ignore=ignore)]
    out = Path(out_dir) if out_dir is not None else config.DERIVED_TABLES
    book = resolve_codebook(codebook)
    cache_arg = None if cache_dir is None else str(Path(cache_dir).resolve())
    show = _show_progress(progress, len(paths))
    with claim_output(out, folders=(*TABLES, "files"), manifest=MANIFEST,
                      part=_PART) as staging:
        sizes = [p.stat().st_size for p in paths]
        wanted = tuple(need)
        chunks, parallel, n_workers = _plan_jobs(
            paths, list(range(len(paths))), [wanted] * len(paths), sizes,
            lambda i: cache_store.file_sha(paths[i], read_raw_bytes(paths[i])), workers, client, cache,
            cache_store.cache_root(cache_arg), book, min_parallel_bytes)
        jobs = [([str(paths[i]) for i in chunk], wanted) for chunk in chunks]
        job = functools.partial(process_files, cache_dir=cache_arg, cache=cache, codebook=book)
        if client is not None:
            done: Iterator[Any] = _iter_dask_ordered(jobs, client, job)
        elif parallel:
            done = _iter_pool(jobs, min(n_workers, len(jobs)), job, book)
        else:
            done = (job(*args) for args in jobs)
        run = uuid.uuid4().hex
        parts, rows = _write_parts(staging, run, chunks, done, need, show)
        manifest = {"format": FRAME_FORMAT, "run": run, "tables": list(want),
                    "written": [*need, "files"], "parts": parts, "rows": rows,
                    "codebook": book.path, "codebook_sha256": book.sha256, "files": len(paths),
                    "bytes": sum(sizes)}
        (staging / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1)
                                        + "\n", encoding="utf-8")
    return out


def _write_parts(folder: Path, run: str, chunks: list[list[int]], done: Iterator[Any],
                 need: list[str], show: bool) -> tuple[dict[str, int], dict[str, int]]:
    """Write each job's tables, as the job finishes, as ``folder/{table}/part-{job}.parquet``
    (each part records the ``run``, its table and number); returns the parts and rows of each
    table."""
    from tqdm import tqdm

    parts = {t: 0 for t in (*need, "files")}
    rows = {t: 0 for t in (*need, "files")}
    bar = tqdm(total=sum(map(len, chunks)), file=sys.stderr, unit="page", desc="pages",
               disable=not show)
    try:
        for k, (chunk, block) in enumerate(zip(chunks, done, strict=True)):
            pieces = dict(block["tables"])
            pieces["files"] = pd.DataFrame([_file_row(info, need) for info in block["infos"]])
            for table, frame in pieces.items():
                frame.attrs = {}  # the subhead positions are rebuilt from ``subheads``
                write_frame(frame, folder / table / f"part-{k:05d}.parquet",
                            extra_meta=_part_identity(run, table, k))
                parts[table] += 1
                rows[table] += len(frame)
            del block, pieces
            bar.update(len(chunk))
    finally:
        bar.close()
    return parts, rows


def _part_identity(run: str | None, table: str, k: int) -> dict[str, Any] | None:
    """What a part records of itself: a part of another run or place is refused when read
    (None: the manifest of an older run names no run; its parts record nothing)."""
    return None if run is None else {"run": run, "table": table, "part": k}


def _file_row(info: dict[str, Any], need: list[str]) -> dict[str, Any]:
    """A row of the ``files`` table (``cached_<table>`` only for the tables made)."""
    return {"source": info["source"], "file": info["file"], "bytes": info["bytes"],
            "sha256": info["sha256"],
            **{f"cached_{t}": t in need and bool(info.get(f"cached_{t}"))
               for t in CACHED_TABLES}}


def _load_manifest(out: Path) -> dict[str, Any]:
    try:
        return json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise CorpusError(f"not the output of a finished stream_pipeline run ({err})",
                          path=out / MANIFEST) from None


def read_tables(out_dir: str | PathLike[str] | None = None, *,
                tables: str | list[str] | tuple[str, ...] | None = None,
                columns: dict[str, list[str]] | None = None) -> dict[str, pd.DataFrame]:
    """The tables a ``stream_pipeline`` run wrote to ``out_dir`` (default
    ``corpus/derived/tables``): all of them (what ``run_pipeline`` would have returned, row for
    row and dtype for dtype, ``files`` included), or only ``tables``, and of a table only
    ``columns[table]`` (less memory: each part is read, cut and released in turn).  A run that
    replaces the folder meanwhile waits until this has read it (``outdir.reading_output``)."""
    out = Path(out_dir) if out_dir is not None else config.DERIVED_TABLES
    if not (out / MANIFEST).is_file() and not (out / SWAP_LOCK).is_file():
        _load_manifest(out)  # no output, none being swapped in: refused, nothing created there
    with reading_output(out):
        manifest = _load_manifest(out)  # the one the parts belong to (the swap waits)
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
        book = _manifest_codebook(manifest, out)
        result = {table: _read_table(out, manifest, table, columns.get(table), book)
                  for table in asked}
        if "articles" in result and columns.get("articles") is None:
            subheads = result.get("subheads")
            if subheads is None and "subheads" in available:
                subheads = _read_table(out, manifest, "subheads", None, book)
            if subheads is not None:
                _restore_subheads(result["articles"], subheads)
    return result


def _read_table(out: Path, manifest: dict[str, Any], table: str, columns: list[str] | None,
                book: Codebook) -> pd.DataFrame:
    """One table of a ``stream_pipeline`` output, its parts joined (only ``columns``)."""
    pieces = []
    for k in range(manifest["parts"][table]):
        part = out / table / f"part-{k:05d}.parquet"
        try:
            frame = read_frame(part, expect=_part_identity(manifest.get("run"), table, k))
        except FrameMismatchError as err:
            raise CorpusError(f"this part of table {table!r} belongs to another run, not to "
                              f"the manifest's ({err})", path=part) from None
        except Exception as err:  # noqa: BLE001 -- named: which part is missing or damaged
            raise CorpusError(f"cannot read this part of table {table!r}: {err}",
                              path=part) from None
        if columns is not None:
            missing = [c for c in columns if c not in frame.columns]
            if missing:
                raise ValueError(f"table {table!r} has no column {missing[0]!r}; it has "
                                 f"{list(frame.columns)}")
            frame = frame[columns]
        pieces.append(frame)
    return concat_pages(pieces, ignore_index=(table != "codes"),
                        table=table if columns is None and table != "files" else None,
                        codebook=book)
