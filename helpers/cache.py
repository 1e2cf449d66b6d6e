"""The pipeline's cache: stage versions, cache keys, per-file entries and consolidated runs.

``{cache}/{table}/{key[:2]}/{key}.arrow`` holds one table of one raw file (Arrow IPC: small
files, fast to write); the cache folder is ``config.CACHE`` unless the environment variable
``GOVREPORTS_CACHE`` or a ``cache_dir`` argument choose another.  The key is the SHA-256 of the
file's bytes, its source name (article ids start with it) and the *version* of the stage that
made the table; stage versions chain so that each stage is redone only when something it
depends on changed:

===========  ===========================================================================
parse        the modules of the parse stage (``PARSE_MODULES``), ``config.USER_DICT``,
             ``config.CHANGES_EXTRA`` (the gazetteer's supplementary renames) and the
             tokenizer's whole dictionary (``dictionary_additions()``: user dictionary + the
             default codebook's words, since the parser asks the tokenizer whether a line ends
             inside a word); the tokenizer backend; library versions (pandas, jieba, ...)
codes,       parse + the coding modules + the codebook's content hash (``Codebook.sha256``)
segments     + ``config.STOPWORDS_EXTRA``
metrics      parse + the metrics modules + ``config.INDICATOR_FAMILIES``
tokens       parse + ``helpers/tokens.py``
===========  ===========================================================================

So an edited codebook recodes every page from the cached articles without re-parsing --
unless the edit adds or removes a multi-character term that the user dictionary lacks: that
changes the tokenizer's dictionary and therefore, correctly, re-parses.  A changed raw file
reprocesses that file only.  An unreadable entry is recomputed.

**Identity.**  Every entry records inside (``write_frame``'s ``extra_meta``) the table and key
it was written for (``identity``); an entry whose record differs from what is asked -- a file
copied or moved over another, of another table or page -- is treated as missing: recomputed
and overwritten, never served.

**Consolidated runs.**  After a run, each table is also written once for the whole run:
``{cache}/runs/{table}/{key[:2]}/{key}.parquet``, keyed by the ordered (file name, SHA-256)
of every raw file and the table's stage version; its metadata lists those files with the number
of rows each gave.  A rerun over the same bytes reads these few files; when files were added,
removed or changed, the earlier run's entry that shares the most files gives the rows of the
unchanged files (``prior_run``).  The ``RUNS_KEPT`` entries used last are kept per table.

Versions are read **once per process** (the first call), like the codebook and the tokenizer:
after editing ``helpers/`` or ``helpers/data/`` in a notebook, restart the kernel.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib
import importlib.util
import json
import os
import sys
from importlib import metadata
from os import PathLike
from pathlib import Path

import pandas as pd

from helpers import config
from helpers.codebook import Codebook
from helpers.frames import FRAME_FORMAT, read_extra_meta, read_frame, write_frame
from helpers.text.decoding import read_raw_bytes
from helpers.text.tokenizing import dictionary_additions, tokenizer_backend

__all__ = ["CACHED_TABLES", "CACHE_ENV", "ConsolidatedRuns", "clear_cache", "version_keys"]

CACHE_ENV = "GOVREPORTS_CACHE"
#: Per-file cache entries are Arrow IPC files (small tables: ~4x faster to write than Parquet);
#: consolidated entries are Parquet (compressed, row groups).
ENTRY_SUFFIX = ".arrow"
#: Tables stored in the cache (``subheads`` is rebuilt from the articles' attrs).
CACHED_TABLES = ("articles", "codes", "segments", "metrics", "tokens")
#: Folder of the consolidated cache (under the cache folder) and how many entries (runs over
#: different sets of files) it keeps per table: a few corpora or versions of one, not a history.
RUNS = "runs"
RUNS_KEPT = 4
#: The modules whose code shapes each stage's tables (their source files enter its version).
PARSE_MODULES = ("helpers.config", "helpers.errors", "helpers.corpus", "helpers.listing",
                 "helpers.regex_scan", "helpers.text.decoding", "helpers.text.stored",
                 "helpers.text.tokenizing")
#: Packages of the parse stage: every module in them counts (a module added to the layout
#: parser, the readers of the formats or the locality resolver changes the version too).
PARSE_PACKAGES = ("helpers.layout", "helpers.formats", "helpers.places")
CODING_MODULES = ("helpers.codebook", "helpers.coding")
METRICS_MODULES = ("helpers.metrics", "helpers.metric_context", "helpers.metric_labels",
                   "helpers.metric_pairs", "helpers.metric_periods",
                   "helpers.numerals", "helpers.regex_scan", "helpers.text.pos")
TOKENS_MODULES = ("helpers.tokens",)
# Libraries whose behaviour shapes the tables (a lock-file upgrade invalidates the cache).
_LIBRARIES = ("pandas", "numpy", "pyarrow", "jieba", "rjieba", "jionlp", "charset-normalizer",
              "cn2an", "pyyaml", "openpyxl")


# --- versions and keys -----------------------------------------------------------------------

def sha256_of(data: bytes | str) -> str:
    """SHA-256 hex digest of bytes or of a string's UTF-8."""
    return hashlib.sha256(data.encode("utf-8") if isinstance(data, str) else data).hexdigest()


def file_sha(path: Path, data: bytes) -> str:
    """The digest a corpus file's cache entries are keyed by (the ``sha256`` of the files
    table): its bytes, and what its folder's ``metadata.yaml`` says of it, if anything (a
    changed date or format gives other articles from the same bytes)."""
    from helpers import corpus

    said = corpus.meta_digest(corpus.file_meta(Path(path)))
    return sha256_of(data if not said else data + b"\0metadata\0" + said.encode("utf-8"))


def _file_sha(path: str | PathLike[str]) -> str:
    return sha256_of(Path(path).read_bytes())


def digest(*parts: object) -> str:
    """SHA-256 of JSON-serializable parts (keys sorted): a key made of several facts."""
    return sha256_of(json.dumps(parts, ensure_ascii=False, sort_keys=True, default=str))


def _library_versions() -> dict[str, str]:
    out = {"python": "{}.{}".format(*sys.version_info[:2])}
    for name in _LIBRARIES:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = "absent"
    return out


def parse_modules() -> tuple[str, ...]:
    """``PARSE_MODULES`` and every module of the ``PARSE_PACKAGES``, sorted."""
    found = set(PARSE_MODULES)
    for package in PARSE_PACKAGES:
        spec = importlib.util.find_spec(package)
        folder = Path(spec.submodule_search_locations[0])
        found.add(package)
        found.update(f"{package}.{f.stem}" for f in folder.glob("*.py") if f.stem != "__init__")
    return tuple(sorted(found))


def _sources(modules: tuple[str, ...]) -> dict[str, str]:
    """SHA-256 of the source file of each module (imported if need be)."""
    out = {}
    for name in modules:
        module = importlib.import_module(name)
        out[name] = _file_sha(module.__file__)
    return out


@functools.lru_cache(maxsize=1)
def _base_versions() -> dict[str, str]:
    """Stage versions independent of the codebook choice (read once per process)."""
    parse = digest(
        "parse", _sources(parse_modules()), _file_sha(config.USER_DICT),
        _file_sha(config.CHANGES_EXTRA),  # the gazetteer's supplementary changes
        digest(sorted(dictionary_additions(), key=lambda a: a[0])),  # order-free
        tokenizer_backend(), _library_versions(),
    )
    return {
        "parse": parse,
        "coding": digest("coding", parse, _sources(CODING_MODULES),
                         _file_sha(config.STOPWORDS_EXTRA)),
        "metrics": digest("metrics", parse, _sources(METRICS_MODULES),
                          _file_sha(config.INDICATOR_FAMILIES)),
        "tokens": digest("tokens", parse, _sources(TOKENS_MODULES)),
    }


def version_keys(codebook: Codebook) -> dict[str, str]:
    """The version of each cached table (SHA-256 hex): what, besides the raw file, its cache
    key depends on; ``codebook`` is the one the codes are made with."""
    base = _base_versions()
    coded = digest(base["coding"], codebook.sha256)
    return {"articles": base["parse"], "codes": coded, "segments": coded,
            "metrics": base["metrics"], "tokens": base["tokens"]}


def cache_root(cache_dir: str | PathLike[str] | None) -> Path:
    """The cache folder: ``cache_dir``, else ``$GOVREPORTS_CACHE``, else ``config.CACHE``."""
    if cache_dir is not None:
        return Path(cache_dir)
    env = os.environ.get(CACHE_ENV)
    return Path(env) if env else config.CACHE


def entry_key(table: str, version: str, source: str, sha: str) -> str:
    """The key of one file's entry of ``table``."""
    return digest(FRAME_FORMAT, table, version, source, sha)


def entry_path(root: Path, table: str, key: str) -> Path:
    """Where the entry ``key`` of ``table`` lives under the cache folder ``root``."""
    return root / table / key[:2] / f"{key}{ENTRY_SUFFIX}"


def identity(table: str, key: str) -> dict[str, str]:
    """What an entry records of itself: a file is served as ``table``'s entry ``key`` only if
    it says so (a file copied over another entry is not what its name says)."""
    return {"table": table, "key": key}


def load_entry(entry: Path, table: str, key: str, *, threads: bool = False
               ) -> pd.DataFrame | None:
    """The table of the cache entry ``key`` of ``table`` at ``entry``, or None when it is
    missing, damaged or records another table or key (then recomputed)."""
    try:
        return read_frame(entry, threads=threads, expect=identity(table, key))
    except Exception:  # noqa: BLE001 -- missing or damaged: recomputed (and overwritten)
        return None


# --- consolidated runs -------------------------------------------------------------------------

def run_key(table: str, version: str, names: list[tuple[str, str]]) -> str:
    """The key of the consolidated ``table`` of a run over ``names`` ((file, sha256) in order)."""
    return digest(FRAME_FORMAT, "run", table, version, names)


def run_path(root: Path, table: str, key: str) -> Path:
    """Where the consolidated entry ``key`` of ``table`` lives."""
    return root / RUNS / table / key[:2] / f"{key}.parquet"


def run_files(entry: Path) -> list[tuple[str, str, int]] | None:
    """The (file name, sha256, rows) a consolidated entry records, or None if unreadable."""
    meta = read_extra_meta(entry)
    if not meta:
        return None
    return [(f[0], f[1], int(f[2])) for f in meta.get("files", [])]


def prior_run(root: Path, table: str, version: str, names: list[tuple[str, str]]
           ) -> tuple[pd.DataFrame, dict[tuple[str, str], tuple[int, int]]] | None:
    """The consolidated ``table`` of an earlier run (same stage version) that shares the most
    files with this one: (the table, {(file name, sha256): (first row, rows)})."""
    folder = root / RUNS / table
    if not folder.is_dir():
        return None
    wanted = set(names)
    ranked = []
    for entry in folder.glob("*/*.parquet"):
        meta = read_extra_meta(entry)
        if (not meta or meta.get("version") != version
                or {k: meta.get(k) for k in ("table", "key")} != identity(table, entry.stem)):
            continue
        files = [(f[0], f[1], int(f[2])) for f in meta.get("files", [])]
        overlap = sum((name, sha) in wanted for name, sha, _ in files)
        if overlap:
            with contextlib.suppress(OSError):
                ranked.append((overlap, entry.stat().st_mtime_ns, str(entry), files))
    for _, _, entry, files in sorted(ranked, reverse=True):
        try:
            frame = read_frame(entry, threads=True, expect=identity(table, Path(entry).stem))
        except Exception:  # noqa: BLE001, S112 -- damaged, replaced or deleted: the next one
            continue
        offsets, start = {}, 0
        for name, sha, rows in files:
            offsets[(name, sha)] = (start, rows)
            start += rows
        if start == len(frame):
            return frame, offsets
    return None


def prune_runs(root: Path, table: str, keep: int) -> None:
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



class ConsolidatedRuns:
    """What the consolidated cache holds for a run over ``paths``: the whole tables of a run
    over these very files (``exact``), or of the earlier run sharing the most files with this
    one (``priors``: the table and {(file, sha256): (first row, rows)})."""

    def __init__(self, paths: list[Path], need: list[str], root: Path, book: Codebook,
                 cache: bool) -> None:
        self.root = root
        self.exact: dict[str, pd.DataFrame] = {}
        self.priors: dict[str, tuple[pd.DataFrame, dict[tuple[str, str], tuple[int, int]]]] = {}
        self.run_keys: dict[str, str] = {}
        self.versions: dict[str, str] = {}
        self.names: list[tuple[str, str]] = []
        self.hits: set[str] = set()
        self.covering: dict[str, dict[tuple[str, str], tuple[int, int]]] = {}
        if not cache:
            self.infos = [{"source": p.stem, "file": p.name} for p in paths]
            return
        self.infos = []
        for p in paths:
            data = read_raw_bytes(p)
            self.infos.append({"source": p.stem, "file": p.name, "bytes": len(data),
                               "sha256": file_sha(p, data)})
        del data
        self.names = [(info["file"], info["sha256"]) for info in self.infos]
        keys = version_keys(book)
        self.versions = {**keys, "subheads": keys["articles"]}
        for table in need:
            self.run_keys[table] = run_key(table, self.versions[table], self.names)
            entry = run_path(root, table, self.run_keys[table])
            frame = load_entry(entry, table, self.run_keys[table], threads=True)
            if frame is not None and len(frame) == sum(r for *_, r in
                                                       run_files(entry) or []):
                self.exact[table] = frame
                with contextlib.suppress(OSError):
                    os.utime(entry)  # used last: kept by prune_runs
        for table in need:
            if table not in self.exact:
                found = prior_run(root, table, self.versions[table], self.names)
                if found is not None:
                    self.priors[table] = found
        self.hits = set(self.exact)
        self.covering = {t: prior[1] for t, prior in self.priors.items()}

    def covers(self, table: str, i: int) -> bool:
        """Whether file ``i``'s rows of ``table`` come from the consolidated cache."""
        return table in self.hits or (table in self.covering
                                      and self.names[i] in self.covering[table])

    def write(self, out: dict[str, pd.DataFrame], rows: dict[str, list[int]]) -> None:
        """Write this run's consolidated entries (the tables just put together)."""
        if not self.run_keys:
            return
        for table, counts in rows.items():
            meta = {**identity(table, self.run_keys[table]), "version": self.versions[table],
                    "files": [[name, sha, count]
                              for (name, sha), count in zip(self.names, counts, strict=True)]}
            write_frame(out[table], run_path(self.root, table, self.run_keys[table]),
                        extra_meta=meta)
            prune_runs(self.root, table, RUNS_KEPT)


# --- deleting -------------------------------------------------------------------------------

def clear_cache(cache_dir: str | PathLike[str] | None = None) -> int:
    """Delete the pipeline's cache entries (default ``corpus/cache/`` or ``$GOVREPORTS_CACHE``):
    the per-file and the consolidated ones; returns how many files were removed.  Only the
    cache's own files are touched: table folders of ``*.arrow`` and ``*.parquet`` entries (and leftover
    temporary files), then folders left empty."""
    root = cache_root(cache_dir)
    removed = 0
    folders = [root / t for t in CACHED_TABLES] + [root / RUNS / t for t in (*CACHED_TABLES, "subheads")]
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
