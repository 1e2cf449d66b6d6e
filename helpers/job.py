"""One job of the pipeline: the tables of consecutive raw files, from the cache or computed.

A job reads each file's cache entries; the pages that lack articles are parsed together (one
articles table for the batch, as ``load_corpus`` does), then each later stage runs once over the
articles of all the pages that lack that table, and the result is cut back into one entry per
page (``batching.split_pages``).  With ``JOB_BYTES`` of pages per job a run costs ~5% more than
the whole-corpus functions.  ``process_files`` is what a worker process or a Dask worker runs;
it returns ``{"tables": {table: one table for all the files}, "rows": {table: rows per file}
(None without cache), "infos": [{source, file, bytes, sha256, cached_<table>}]}``.
"""

from __future__ import annotations

import os
import select
import threading
import time
from collections.abc import Callable
from os import PathLike
from pathlib import Path
from typing import Any

import pandas as pd

from helpers import cache as cache_store
from helpers import coding, corpus, metrics, places
from helpers.batching import canonical, concat_pages, split_pages
from helpers.cache import CACHED_TABLES
from helpers.codebook import Codebook, resolve_codebook
from helpers.frames import write_frame
from helpers.text.decoding import read_raw_bytes
from helpers.text.tokenizing import get_tokenizer, load_tokenizer
from helpers.tokens import token_counts

__all__ = ["TABLES", "cached_tables_for", "process_files", "process_page", "run_tables_for",
           "warm_up", "watch_parent"]

#: Tables of ``process_page`` / ``run_pipeline`` (``run_pipeline`` adds ``files``).
TABLES = ("articles", "subheads", "codes", "segments", "metrics", "tokens")
#: Where the end of the run's process cannot be waited for (no ``os.pidfd_open``: not Linux
#: >= 5.3), a worker checks every this many seconds that it is still there: nothing next to a
#: job, and an orphaned worker outlives its run by a second at most.
PARENT_POLL_SECONDS = 1.0
#: Exit status of a worker that ends because the run's process is gone.
ORPHAN_EXIT = 70


def run_tables_for(want: tuple[str, ...]) -> list[str]:
    """The tables a run makes to give ``want``: the subheads too when the articles are wanted
    (their subhead positions are rebuilt from the subheads table)."""
    return [t for t in TABLES if t in want or (t == "subheads" and "articles" in want)]


def cached_tables_for(want: tuple[str, ...]) -> list[str]:
    """The cache entries a job must have to give ``want``: the articles too when the subheads
    are wanted (the subheads are not cached: they come from the articles)."""
    need = [t for t in CACHED_TABLES if t in want]
    if "subheads" in want and "articles" not in need:
        need.insert(0, "articles")
    return need


class FileJob:
    """The tables ``want`` of consecutive raw files ``files`` (see the module docstring)."""

    def __init__(self, files: list[Path], want: tuple[str, ...], *, root: Path, cache: bool,
                 codebook: Codebook) -> None:
        self.files, self.want, self.root, self.cache = files, want, root, cache
        self.codebook = codebook
        n = len(files)
        self.n = n
        self.got: dict[str, list[pd.DataFrame | None]] = {t: [None] * n for t in CACHED_TABLES}
        self.hit = {t: [False] * n for t in CACHED_TABLES}
        self.tried = {t: [False] * n for t in CACHED_TABLES}
        self.batches: dict[tuple[int, ...], pd.DataFrame] = {}
        self.whole: dict[str, pd.DataFrame] = {}  # a table computed at once for all the files
        self.built: dict[str, tuple[list[int], pd.DataFrame]] = {}
        versions = cache_store.version_keys(codebook)
        self.infos: list[dict[str, Any]] = []
        self.keys: list[dict[str, str]] = []
        for path in files:
            data = read_raw_bytes(path)
            sha = cache_store.file_sha(path, data)
            self.infos.append({"source": path.stem, "file": path.name, "bytes": len(data),
                               "sha256": sha})
            self.keys.append({t: cache_store.entry_key(t, versions[t], path.stem, sha)
                              for t in CACHED_TABLES})

    # --- the entries of one file ---

    def lookup(self, table: str, i: int) -> pd.DataFrame | None:
        """File ``i``'s ``table``: computed already, or read from its cache entry once."""
        if self.cache and not self.tried[table][i]:
            self.tried[table][i] = True
            entry = cache_store.entry_path(self.root, table, self.keys[i][table])
            self.got[table][i] = cache_store.load_entry(entry, table, self.keys[i][table])
            self.hit[table][i] = self.got[table][i] is not None
        return self.got[table][i]

    def store(self, table: str, i: int, frame: pd.DataFrame) -> None:
        """Keep file ``i``'s ``table`` (and write its cache entry)."""
        self.got[table][i] = frame
        if self.cache:
            key = self.keys[i][table]
            write_frame(frame, cache_store.entry_path(self.root, table, key),
                        extra_meta=cache_store.identity(table, key))

    # --- the steps ---

    def run(self) -> dict[str, Any]:
        need = cached_tables_for(self.want)
        for table in need:
            for i in range(self.n):
                self.lookup(table, i)
        todo = self._todo(need)
        parse = {i for idx in todo.values() for i in idx}
        if "articles" in need:
            parse.update(i for i in range(self.n) if self.got["articles"][i] is None)
        self.parse([i for i in sorted(parse) if self.lookup("articles", i) is None])
        book = self.codebook
        self.stage(todo, "segments", lambda arts, idx: coding.code_segments(arts, book))
        self.stage(todo, "codes", lambda arts, idx: coding.code_articles(
            arts, book, segments=self.segments_of(idx)))
        self.stage(todo, "metrics", lambda arts, idx: metrics.extract_metrics(arts))
        self.stage(todo, "tokens", lambda arts, idx: token_counts(arts))
        return self.collect()

    def _todo(self, need: list[str]) -> dict[str, list[int]]:
        """The files each later stage must compute (codes are computed from the segments)."""
        todo = {t: [i for i in range(self.n) if self.got[t][i] is None]
                for t in need if t != "articles"}
        if todo.get("codes"):
            for i in todo["codes"]:
                self.lookup("segments", i)
            todo["segments"] = sorted({*todo.get("segments", []),
                                       *(i for i in todo["codes"]
                                         if self.got["segments"][i] is None)})
        return todo

    def parse(self, to_parse: list[int]) -> None:
        """Parse these pages: one articles table for all of them, cut into one per page."""
        if len(to_parse) <= 1:
            for i in to_parse:
                page, where, _ = corpus._file_rows(self.files[i],
                                                   meta=corpus.file_meta(self.files[i]))
                parsed = corpus._articles_frame(page)
                corpus.set_subhead_positions(parsed, where)
                self.store("articles", i, parsed)
            return
        rows_of: list[int] = []
        all_rows: list[dict[str, Any]] = []
        where_of: list[dict[str, list[int]]] = []
        for i in to_parse:
            page, where, _ = corpus._file_rows(self.files[i], meta=corpus.file_meta(self.files[i]))
            all_rows.extend(page)
            rows_of.append(len(page))
            where_of.append(where)
        parsed = corpus._articles_frame(all_rows)
        del all_rows
        corpus.set_subhead_positions(parsed, {k: v for w in where_of for k, v in w.items()})
        self.batches[tuple(to_parse)] = parsed
        if len(to_parse) == self.n:
            self.whole["articles"] = parsed
        start = 0
        for i, count, where in zip(to_parse, rows_of, where_of, strict=True):
            piece = parsed.iloc[start:start + count].reset_index(drop=True)
            start += count
            piece = canonical(piece, "articles", self.codebook) if count == 0 else piece
            piece.attrs = {}
            corpus.set_subhead_positions(piece, where)
            self.store("articles", i, piece)

    def batch(self, idx: list[int]) -> pd.DataFrame:
        """The articles of these pages as one table (with their subhead positions)."""
        if len(idx) == 1:
            return self.got["articles"][idx[0]]
        if tuple(idx) not in self.batches:
            frames = [self.got["articles"][i] for i in idx]
            joined = pd.concat(frames, ignore_index=True)
            where: dict[str, list[int]] = {}
            for frame in frames:
                where.update(corpus.subhead_positions(frame))
            corpus.set_subhead_positions(joined, where)
            self.batches[tuple(idx)] = joined
        return self.batches[tuple(idx)]

    def stage(self, todo: dict[str, list[int]], table: str,
              build: Callable[[pd.DataFrame, list[int]], pd.DataFrame]) -> None:
        """Compute ``table`` once for the pages that lack it, and keep each page's cut."""
        idx = todo.get(table)
        if not idx:
            return
        frame = build(self.batch(idx), idx)
        self.built[table] = (idx, frame)
        if len(idx) == self.n:
            self.whole[table] = frame
        if self.cache or len(idx) < self.n:  # the pages' own entries
            pieces = split_pages(frame, table, [self.got["articles"][i] for i in idx],
                                 self.codebook) if self.n > 1 else [frame]
            for i, piece in zip(idx, pieces, strict=True):
                self.store(table, i, piece)

    def segments_of(self, idx: list[int]) -> pd.DataFrame:
        """The segments of these pages (as just computed, or joined from their entries)."""
        done = self.built.get("segments")
        if done is not None and done[0] == idx:
            return done[1]
        return concat_pages([self.got["segments"][i] for i in idx], table="segments",
                            codebook=self.codebook)

    def collect(self) -> dict[str, Any]:
        """One table per wanted table for all the files, their row counts and the file infos."""
        subheads: list[pd.DataFrame] = []
        if "subheads" in self.want:  # not cached: from the articles, at once (cut for the rows)
            self.whole["subheads"] = corpus.subhead_paragraphs(self.batch(list(range(self.n))))
            subheads = (split_pages(self.whole["subheads"], "subheads", self.got["articles"],
                                    self.codebook)
                        if self.cache and self.n > 1 else [self.whole["subheads"]])
        self.batches.clear()
        tables: dict[str, pd.DataFrame] = {}
        rows: dict[str, list[int]] | None = {} if self.cache else None
        for table in self.want:
            pieces = subheads if table == "subheads" else self.got[table]
            if rows is not None:
                rows[table] = [len(p) for p in pieces]
            if table in self.whole:
                tables[table] = self.whole[table]
            elif self.n == 1:
                tables[table] = pieces[0]
            else:
                tables[table] = concat_pages(pieces, ignore_index=(table != "codes"),
                                             table=table, codebook=self.codebook)
        for i, info in enumerate(self.infos):
            info.update({f"cached_{t}": self.hit[t][i] for t in CACHED_TABLES})
        return {"tables": tables, "rows": rows, "infos": self.infos}


def process_files(paths: list[str], want: tuple[str, ...], *, cache_dir: str | None = None,
                  cache: bool = True, codebook: Codebook) -> dict[str, Any]:
    """The tables ``want`` for consecutive raw files (one job of ``run_pipeline``)."""
    return FileJob([Path(p) for p in paths], want, root=cache_store.cache_root(cache_dir),
                   cache=cache, codebook=codebook).run()


def process_page(path: str | PathLike[str], *, cache: bool = True,
                 cache_dir: str | PathLike[str] | None = None,
                 codebook: Codebook | str | PathLike[str] | None = None
                 ) -> dict[str, pd.DataFrame]:
    """Process one raw file: ``{"articles", "subheads", "codes", "segments", "metrics",
    "tokens"}``, read from the cache when valid (``helpers.cache``), computed and cached
    otherwise.  ``codebook``: a ``Codebook`` or YAML file instead of the default one."""
    cache_arg = None if cache_dir is None else str(cache_dir)
    block = process_files([str(path)], TABLES, cache_dir=cache_arg, cache=cache,
                          codebook=resolve_codebook(codebook))
    return block["tables"]


def _parent_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, another user's: the pid was reused, the run is gone
        return False
    return True


def _exit_with_parent(pid: int) -> None:
    """Wait until process ``pid`` ends, then end this process at once (``os._exit``: the run
    that wanted its results is gone, and nothing of this process is worth finishing)."""
    try:
        handle = os.pidfd_open(pid)
    except ProcessLookupError:
        os._exit(ORPHAN_EXIT)
    except (AttributeError, OSError):  # no pidfd here: poll
        while _parent_alive(pid):
            time.sleep(PARENT_POLL_SECONDS)
        os._exit(ORPHAN_EXIT)
    select.select([handle], [], [])  # readable once the process has ended
    os._exit(ORPHAN_EXIT)


def watch_parent(pid: int) -> None:
    """End this worker process when the run's process ``pid`` ends, however it ends
    (``kill -9`` included).  A pool's worker otherwise waits for jobs forever, and keeps the
    fork server and multiprocessing's resource tracker alive with it (they end when their
    last worker does)."""
    threading.Thread(target=_exit_with_parent, args=(pid,), daemon=True,
                     name="govreports-watch-parent").start()


def warm_up(codebook: Codebook, parent_pid: int | None = None) -> None:
    """Start a worker process: watch the run's process ``parent_pid`` (``watch_parent``), then
    load once what every page needs (prints nothing): the tokenizers (the project's and the
    codebook's), the gazetteer, the indicator families and the POS tagger of metrics.
    Anything not warmed here is loaded by the first page instead."""
    from helpers.text.pos import pos_tagger

    if parent_pid is not None:
        watch_parent(parent_pid)
    load_tokenizer()
    get_tokenizer(codebook.dictionary_words).tokenize("基层治理")
    places.load_gazetteer()
    metrics.load_families()
    pos_tagger()
    cache_store.version_keys(codebook)
