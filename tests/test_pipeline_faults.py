"""Faults around the pipeline (issue 11): runs that share an output folder, a failed or killed
run over an earlier output, a run killed with its workers, cache entries put where they do not
belong, a foreign jieba cache, a codebook file edited between two runs of one process.

The concurrency and kill tests use real processes: a run in a subprocess, held at its first job
by a gate file, while this process acts."""

from __future__ import annotations

import marshal
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pandas as pd
import psutil
import pytest
from test_pipeline import (
    FIXTURE_PAGES,
    SEED,
    _direct,
    _make_corpus,
    add_unreadable_page,
    assert_same,
)

from helpers import cache as cache_store
from helpers import config, pipeline
from helpers.codebook import default_codebook, load_codebook
from helpers.errors import CorpusError
from helpers.frames import DamagedFrameError, read_frame

#: How long a test waits for a subprocess to reach a given point (its imports take ~2 s, a
#: worker's warm-up ~3 s): generous, as a loaded CI machine is slow; passed tests wait far less.
WAIT_SECONDS = 60
#: How long orphaned workers may take to notice that the run died and end.
ORPHAN_SECONDS = 10


def _wait_for(condition, what: str, seconds: float = WAIT_SECONDS) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def _pages(folder: Path, *names: str) -> Path:
    folder.mkdir(parents=True)
    for name in names:
        shutil.copyfile(FIXTURE_PAGES / name, folder / name)
    return folder


def _sources(out: Path) -> list[str]:
    return sorted(pipeline.read_tables(out, tables=["files"])["files"]["source"])


# --- one run at a time per output folder (items 1 and 4) ------------------------------------

_GATED_STREAM = """
import sys, time
from pathlib import Path
from helpers import pipeline
folder, out, started, go = map(Path, sys.argv[1:5])
real = pipeline.process_files
def gated(*args, **kwargs):
    if not started.exists():
        started.write_text("at the first job", encoding="utf-8")
        deadline = time.monotonic() + 120
        while not go.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
    return real(*args, **kwargs)
pipeline.process_files = gated
pipeline.stream_pipeline(folder, out_dir=out, cache=False)
"""


def _start_gated_stream(tmp_path: Path, folder: Path, out: Path) -> tuple[subprocess.Popen, Path]:
    """A ``stream_pipeline`` run in another process, held at its first job until the file it
    returns (the gate) exists."""
    script = tmp_path / "gated_stream.py"
    script.write_text(_GATED_STREAM, encoding="utf-8")
    started, go = tmp_path / f"started-{folder.name}", tmp_path / f"go-{folder.name}"
    for flag in (started, go):
        flag.unlink(missing_ok=True)
    run = subprocess.Popen([sys.executable, str(script), str(folder), str(out), str(started),
                            str(go)], cwd=config.ROOT)
    _wait_for(lambda: started.exists() or run.poll() is not None, "the run's first job")
    assert run.poll() is None, "the gated run ended early"
    return run, go


def test_second_run_into_the_same_folder_is_refused(tmp_path):
    out = tmp_path / "tables"
    first = _pages(tmp_path / "first", "page_c.txt")
    other = _pages(tmp_path / "other", "page_a.txt", "page_b.txt")
    pipeline.stream_pipeline(first, out_dir=out, cache=False)
    run, go = _start_gated_stream(tmp_path, other, out)
    try:
        with pytest.raises(CorpusError) as err:  # the folder is the other run's
            pipeline.stream_pipeline(first, out_dir=out, cache=False)
        message = str(err.value)
        assert str(out) in message and f"pid {run.pid}" in message
        assert _sources(out) == ["page_c"]  # the earlier output, whole, while the run goes on
    finally:
        go.write_text("go", encoding="utf-8")
        assert run.wait(WAIT_SECONDS) == 0
    assert _sources(out) == ["page_a", "page_b"]  # the run's own rows, none of the refused one's
    pipeline.stream_pipeline(first, out_dir=out, cache=False)  # free again
    assert _sources(out) == ["page_c"]


def test_killed_run_leaves_the_earlier_output_and_no_lock(tmp_path):
    out = tmp_path / "tables"
    first = _pages(tmp_path / "first", "page_c.txt")
    other = _pages(tmp_path / "other", "page_a.txt", "page_b.txt")
    pipeline.stream_pipeline(first, out_dir=out, cache=False)
    expected = pipeline.read_tables(out)
    run, _ = _start_gated_stream(tmp_path, other, out)
    run.send_signal(signal.SIGKILL)
    run.wait(WAIT_SECONDS)
    got = pipeline.read_tables(out)
    for table in expected:
        pd.testing.assert_frame_equal(got[table], expected[table], check_exact=True)
    pipeline.stream_pipeline(other, out_dir=out, cache=False)  # the dead run's lock is gone
    assert _sources(out) == ["page_a", "page_b"]
    assert not [p for p in out.iterdir() if p.is_dir() and p.name.startswith(".")]  # no debris


def test_failed_rerun_keeps_the_previous_output(tmp_path):
    folder = _make_corpus(tmp_path / "raw")
    out = tmp_path / "tables"
    pipeline.stream_pipeline(folder, out_dir=out, cache=False)
    expected = pipeline.read_tables(out)
    add_unreadable_page(folder)
    for workers in (1, 2):
        with pytest.raises(CorpusError) as err:
            pipeline.stream_pipeline(folder, out_dir=out, workers=workers, cache=False,
                                     min_parallel_bytes=0)
        assert Path(err.value.path).name == "page_bad.txt"
        got = pipeline.read_tables(out)  # the earlier run's tables, whole
        assert_same(got, expected)
        pd.testing.assert_frame_equal(got["files"], expected["files"], check_exact=True)
        assert not [p for p in out.iterdir() if p.is_dir() and p.name.startswith(".")]


def test_read_tables_waits_for_a_swap_in_progress(tmp_path, monkeypatch):
    """A reader never sees the folder half replaced: the swap and read_tables exclude each
    other (here the swap is held open halfway while a reader starts)."""
    from helpers import outdir

    out = tmp_path / "tables"
    pipeline.stream_pipeline(_pages(tmp_path / "first", "page_c.txt"), out_dir=out, cache=False)
    halfway, resume = threading.Event(), threading.Event()
    real_move = outdir._move_parts

    def slow_move(*args, **kwargs):
        real_move(*args, **kwargs)
        halfway.set()
        resume.wait(WAIT_SECONDS)

    monkeypatch.setattr(outdir, "_move_parts", slow_move)
    other = _pages(tmp_path / "other", "page_a.txt", "page_b.txt")
    writer = threading.Thread(target=pipeline.stream_pipeline, args=(other,),
                              kwargs={"out_dir": out, "cache": False})
    writer.start()
    try:
        assert halfway.wait(WAIT_SECONDS)
        read: list[list[str]] = []
        reader = threading.Thread(target=lambda: read.append(_sources(out)))
        reader.start()
        reader.join(0.5)
        assert reader.is_alive()  # waits for the swap to end
    finally:
        resume.set()
        writer.join(WAIT_SECONDS)
    reader.join(WAIT_SECONDS)
    assert read == [["page_a", "page_b"]]


def test_a_part_of_another_run_is_refused(tmp_path):
    out_a, out_b = tmp_path / "a", tmp_path / "b"
    pipeline.stream_pipeline(_pages(tmp_path / "ra", "page_a.txt"), out_dir=out_a, cache=False)
    pipeline.stream_pipeline(_pages(tmp_path / "rb", "page_b.txt"), out_dir=out_b, cache=False)
    shutil.copyfile(out_b / "metrics" / "part-00000.parquet", out_a / "metrics" / "part-00000.parquet")
    with pytest.raises(CorpusError, match="another run") as err:
        pipeline.read_tables(out_a, tables=["metrics"])
    assert Path(err.value.path).name == "part-00000.parquet"


# --- workers end with their run (item 5) -----------------------------------------------------

_HELD_WORKERS = """
import sys, time
from pathlib import Path
from helpers import pipeline
def held(paths, want, **kwargs):
    Path(sys.argv[2], f"job-{paths[0].rsplit('/', 1)[-1]}").write_text("in a job", encoding="utf-8")
    time.sleep(120)
if __name__ == "__main__":
    pipeline.process_files = held
    pipeline.run_pipeline(sys.argv[1], workers=2, cache=False, min_parallel_bytes=0)
"""


def test_workers_end_when_the_run_is_killed(tmp_path):
    folder = _pages(tmp_path / "raw", "page_a.txt", "page_b.txt", "page_c.txt")
    flags = tmp_path / "flags"
    flags.mkdir()
    script = tmp_path / "held_workers.py"
    script.write_text(_HELD_WORKERS, encoding="utf-8")
    run = subprocess.Popen([sys.executable, str(script), str(folder), str(flags)],
                           cwd=config.ROOT)
    children: list[psutil.Process] = []
    try:
        _wait_for(lambda: len(list(flags.iterdir())) >= 2 or run.poll() is not None,
                  "two workers in their jobs")
        assert run.poll() is None
        children = psutil.Process(run.pid).children(recursive=True)
        assert len(children) >= 3  # two workers, the fork server (and the resource tracker)
        run.send_signal(signal.SIGKILL)
        run.wait(WAIT_SECONDS)

        def alive() -> list[psutil.Process]:
            return [c for c in children
                    if c.is_running() and c.status() != psutil.STATUS_ZOMBIE]
        _wait_for(lambda: not alive(), "the orphaned processes to end", ORPHAN_SECONDS)
    finally:
        for child in children:
            with _suppress_gone():
                child.kill()
        if run.poll() is None:
            run.kill()
            run.wait()


def _suppress_gone():
    import contextlib

    return contextlib.suppress(psutil.NoSuchProcess)


# --- cache entries carry their identity (item 11) --------------------------------------------

def test_consolidated_entry_of_another_table_is_not_served(corpus_dir_small, tmp_path):
    folder, expected = corpus_dir_small
    cache = tmp_path / "cache"
    pipeline.run_pipeline(folder, cache_dir=cache)
    [articles] = cache.glob("runs/articles/*/*.parquet")
    [metrics] = cache.glob("runs/metrics/*/*.parquet")
    [segments] = cache.glob("runs/segments/*/*.parquet")
    [codes] = cache.glob("runs/codes/*/*.parquet")
    shutil.copyfile(articles, metrics)
    shutil.copyfile(segments, codes)  # same stage version: only the table names differ
    assert_same(pipeline.run_pipeline(folder, cache_dir=cache), expected)


def test_page_entry_of_another_table_or_page_is_not_served(tmp_path):
    folder = _pages(tmp_path / "raw", "page_a.txt", "page_b.txt")
    expected = _direct(folder)
    cache = tmp_path / "cache"
    pipeline.run_pipeline(folder, cache_dir=cache)
    shutil.rmtree(cache / "runs")  # the page entries are read
    entries = {t: [_entry(cache, t, page) for page in sorted(folder.iterdir())]
               for t in pipeline.CACHED_TABLES}
    shutil.copyfile(entries["articles"][0], entries["metrics"][0])  # another table
    shutil.copyfile(entries["tokens"][0], entries["tokens"][1])  # another page
    got = pipeline.run_pipeline(folder, cache_dir=cache)
    assert_same(got, expected)
    assert got["files"]["cached_metrics"].tolist() == [False, True]
    assert got["files"]["cached_tokens"].tolist() == [True, False]


def _entry(cache: Path, table: str, page: Path) -> Path:
    """Where the cache keeps ``table`` of ``page`` (made with the default codebook)."""
    version = cache_store.version_keys(default_codebook())[table]
    key = cache_store.entry_key(table, version, page.stem,
                                cache_store.sha256_of(page.read_bytes()))
    return cache_store.entry_path(cache, table, key)


@pytest.fixture(scope="module")
def corpus_dir_small(tmp_path_factory) -> tuple[Path, dict[str, pd.DataFrame]]:
    folder = tmp_path_factory.mktemp("small")
    for name in ("page_a.txt", "page_b.txt"):
        shutil.copyfile(FIXTURE_PAGES / name, folder / name)
    return folder, _direct(folder)


_JIEBA_TOKENS = """
import sys
from pathlib import Path
from helpers import config
config.JIEBA_CACHE = Path(sys.argv[1])
from helpers.text import tokenizing
print("|".join(tokenizing.get_tokenizer(()).cut(sys.argv[2])))
"""


def test_foreign_jieba_cache_does_not_change_tokens(tmp_path):
    text = SEED.read_text(encoding="utf-8")[:2000]
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    project = tmp_path / "jieba-cache"
    script = tmp_path / "jieba_tokens.py"
    script.write_text(_JIEBA_TOKENS, encoding="utf-8")
    env = {**os.environ, "TMPDIR": str(tmp), "GOVREPORTS_TOKENIZER": "jieba"}

    def tokens() -> str:
        done = subprocess.run([sys.executable, str(script), str(project), text], env=env,
                              cwd=config.ROOT, capture_output=True, text=True, check=True)
        return done.stdout

    expected = tokens()
    # jieba's own default cache name, in $TMPDIR: every character a word of its own
    bogus = ({ch: 1 for ch in set(text)}, len(set(text)))
    (tmp / "jieba.cache").write_bytes(marshal.dumps(bogus))
    for stale in project.glob("*"):  # and a stale file in the project's folder
        stale.write_bytes(marshal.dumps(bogus))
        stale.rename(stale.with_name("jieba-" + "0" * 64 + ".cache"))
    assert tokens() == expected
    assert [p.name for p in project.iterdir() if re.fullmatch(r"jieba-[0-9a-f]{64}\.cache",
                                                               p.name)]


# --- a codebook file edited within one process (item 6, last point) ------------------------

def _without_top_term(direct: dict[str, pd.DataFrame], path: Path) -> None:
    """Remove, in the codebook file's text, the term that codes the most segments."""
    text = path.read_text(encoding="utf-8")
    counts = direct["segments"].groupby("term").size().sort_values(ascending=False)
    for term in counts.index:
        edited, n = re.subn(rf"(?<=[\[\s,]){re.escape(term)},\s*", "", text, count=1)
        if n:
            path.write_text(edited, encoding="utf-8")
            return
    raise AssertionError("no term to remove")


@pytest.mark.parametrize("cache", [False, True])
def test_edited_codebook_file_is_read_again(corpus_dir_small, tmp_path, cache):
    folder, direct = corpus_dir_small
    path = tmp_path / "codebook.yaml"
    path.write_text(config.CODEBOOK.read_text(encoding="utf-8"), encoding="utf-8")
    before = pipeline.run_pipeline(folder, codebook=path, cache=cache, cache_dir=tmp_path / "c")
    assert_same(before, direct)
    _without_top_term(direct, path)
    expected = _direct(folder, load_codebook(path))
    assert not expected["segments"].equals(direct["segments"])
    got = pipeline.run_pipeline(folder, codebook=path, cache=cache, cache_dir=tmp_path / "c")
    assert_same(got, expected)


# --- garbled entries (found by the fault sweep after the first fixes) --------------------------

def _garble(path: Path) -> None:
    """64 bytes a third of the way into the file replaced (the file keeps its length)."""
    data = bytearray(path.read_bytes())
    at = len(data) // 3
    data[at:at + 64] = bytes((b + 101) % 256 for b in data[at:at + 64])
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("table", ["segments", "metrics", "articles"])
def test_garbled_page_entry_is_recomputed_not_served(tmp_path, table):
    folder = _pages(tmp_path / "raw", "page_a.txt")
    cache = tmp_path / "cache"
    pipeline.run_pipeline(folder, cache_dir=cache)
    shutil.rmtree(cache / cache_store.RUNS)  # the per-file entries are what is read next
    (entry,) = (cache / table).glob("*/*.arrow")
    _garble(entry)
    with pytest.raises(DamagedFrameError, match="damaged"):
        read_frame(entry)
    got = pipeline.run_pipeline(folder, cache_dir=cache)
    assert_same(got, pipeline.run_pipeline(folder, cache=False))
    assert not got["files"][f"cached_{table}"].any()


def test_garbled_consolidated_entry_is_recomputed_not_served(tmp_path):
    folder = _pages(tmp_path / "raw", "page_a.txt")
    cache = tmp_path / "cache"
    pipeline.run_pipeline(folder, cache_dir=cache)
    (entry,) = (cache / cache_store.RUNS / "segments").glob("*/*.parquet")
    _garble(entry)
    got = pipeline.run_pipeline(folder, cache_dir=cache)
    assert_same(got, pipeline.run_pipeline(folder, cache=False))
