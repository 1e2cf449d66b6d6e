"""The per-file pipeline (helpers/pipeline.py): every route -- serial, cold and warm cache, worker
processes, a Dask cluster -- gives exactly the tables of the whole-corpus functions; the cache is
keyed so that a codebook edit recodes without re-parsing and a changed file alone is redone."""

from __future__ import annotations

import hashlib
import math
import os
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow.parquet as pq
import pytest
import yaml
from pandas.testing import assert_frame_equal

from helpers import batching, coding, config, corpus, frames, job, metrics, pipeline, text
from helpers import cache as cache_store
from helpers.codebook import default_codebook
from helpers.coding import code_articles, code_segments, load_codebook
from helpers.corpus import SUBHEAD_PARAS, load_corpus, subhead_paragraphs
from helpers.metrics import extract_metrics
from helpers.text import CorpusError

FIXTURE_PAGES = Path(__file__).parent / "fixtures" / "pages"
SEED = config.ROOT / "tests" / "fixtures" / "seed" / "000_ae97290bc4d96e06.txt"  # the tests' copy, never the user's corpus
STAGES = ("parse_page", "code_articles", "code_segments", "extract_metrics", "tokenize")


def _make_corpus(folder: Path) -> Path:
    """The seed page, the hand-composed test pages, and two of them again under other names."""
    folder.mkdir(parents=True, exist_ok=True)
    for page in [SEED, *sorted(FIXTURE_PAGES.glob("page_*.txt"))]:
        shutil.copyfile(page, folder / page.name)
    shutil.copyfile(SEED, folder / "zz_seed_again.txt")
    shutil.copyfile(FIXTURE_PAGES / "page_b.txt", folder / "page_b_copy.txt")
    return folder


def add_unreadable_page(folder: Path) -> Path:
    """A ``.txt`` file holding a PNG image: the run must stop at it, naming it."""
    path = folder / "page_bad.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    return path


def _direct(folder: Path, codebook: coding.Codebook | None = None) -> dict[str, pd.DataFrame]:
    """The whole-corpus route: load_corpus and the table functions of each stage."""
    articles = load_corpus(folder)
    return {
        "articles": articles,
        "subheads": subhead_paragraphs(articles),
        "codes": code_articles(articles, codebook),
        "segments": code_segments(articles, codebook),
        "metrics": extract_metrics(articles),
        "tokens": pipeline.token_counts(articles),
    }


def _null_kinds(frame: pd.DataFrame) -> dict[str, list[str]]:
    """None vs NaN in object columns (assert_frame_equal takes them as equal)."""
    return {str(col): [type(v).__name__ for v in frame[col]]
            for col in frame.columns if frame[col].dtype == object}


def assert_same(got: dict[str, pd.DataFrame], expected: dict[str, pd.DataFrame]) -> None:
    for name in pipeline.TABLES:
        assert_frame_equal(got[name], expected[name], check_exact=True, obj=name)
        assert _null_kinds(got[name]) == _null_kinds(expected[name]), name
    assert got["articles"].attrs[SUBHEAD_PARAS] == expected["articles"].attrs[SUBHEAD_PARAS]


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory) -> Path:
    return _make_corpus(tmp_path_factory.mktemp("raw"))


@pytest.fixture(scope="module")
def direct(corpus_dir) -> dict[str, pd.DataFrame]:
    return _direct(corpus_dir)


@pytest.fixture
def forbid(monkeypatch):
    """forbid(*names): make those stage functions raise (a cache hit must not call them)."""
    owners = {"parse_page": corpus, "code_articles": coding, "code_segments": coding,
              "extract_metrics": metrics, "tokenize": text}

    def install(*names: str) -> None:
        for name in names:
            def boom(*args, _name=name, **kwargs):
                raise AssertionError(f"{_name} called on a cache hit")
            monkeypatch.setattr(owners[name], name, boom)
            if name == "parse_page":  # the pipeline reads each file through _file_rows
                monkeypatch.setattr(corpus, "_file_rows", boom)
    return install


def _cached_corpus_then_edit(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A test corpus run once into a cache, then one of its pages edited: (folder, cache,
    the edited page)."""
    folder = _make_corpus(tmp_path / "raw")
    cache = tmp_path / "cache"
    pipeline.run_pipeline(folder, cache_dir=cache)
    page = folder / "page_c.txt"
    page.write_text(page.read_text(encoding="utf-8").replace("的", "之", 1), encoding="utf-8")
    return folder, cache, page


def _cached(result: dict[str, pd.DataFrame], table: str) -> list[bool]:
    return result["files"][f"cached_{table}"].tolist()


# --- identical tables on every route -----------------------------------------------------------

def test_test_corpus(direct):
    articles = direct["articles"].set_index("article_id")
    assert articles["source"].nunique() == 7
    # the same bytes under another name: same articles, other ids
    assert articles.loc["zz_seed_again-01", "text"] == articles.loc[f"{SEED.stem}-01", "text"]
    assert len(direct["subheads"]) > 0
    qualifier = direct["metrics"]["qualifier"]
    assert qualifier.isna().any() and qualifier.notna().any()


def test_serial_without_cache(corpus_dir, direct, tmp_path, monkeypatch):
    monkeypatch.setenv(cache_store.CACHE_ENV, str(tmp_path / "cache"))
    got = pipeline.run_pipeline(corpus_dir, cache=False)
    assert_same(got, direct)
    assert not (tmp_path / "cache").exists()  # cache=False writes nothing
    assert got["files"]["source"].tolist() == [p.stem for p in corpus.list_pages(corpus_dir)]


def test_cold_then_warm_cache(corpus_dir, direct, tmp_path, forbid):
    cache = tmp_path / "cache"
    cold = pipeline.run_pipeline(corpus_dir, cache_dir=cache)
    assert_same(cold, direct)
    for table in pipeline.CACHED_TABLES:
        assert not any(_cached(cold, table))
    assert len(list(cache.glob("*/*/*.arrow"))) == 7 * len(pipeline.CACHED_TABLES)
    assert not list(cache.glob("**/.tmp-*"))  # atomic writes leave no temporary files

    forbid(*STAGES)
    warm = pipeline.run_pipeline(corpus_dir, cache_dir=cache)
    assert_same(warm, direct)
    for table in pipeline.CACHED_TABLES:
        assert all(_cached(warm, table))


def test_process_page_matches_parse_page(corpus_dir, tmp_path):
    page = corpus_dir / "page_a.txt"
    fresh = pipeline.process_page(page, cache_dir=tmp_path)
    again = pipeline.process_page(page, cache_dir=tmp_path)
    articles = corpus.parse_page(text.read_page(page), source="page_a")
    assert set(fresh) == set(pipeline.TABLES)
    for got in (fresh, again):
        assert_frame_equal(got["articles"], articles, check_exact=True)
        assert got["articles"].attrs == articles.attrs
        assert_frame_equal(got["subheads"], subhead_paragraphs(articles), check_exact=True)
        assert_frame_equal(got["codes"], code_articles(articles), check_exact=True)


def _no_pool(*args, **kwargs):
    raise AssertionError("a process pool was started")


def test_workers(corpus_dir, direct, tmp_path, forbid, monkeypatch):
    cache = tmp_path / "cache"
    got = pipeline.run_pipeline(corpus_dir, workers=2, cache_dir=cache, min_parallel_bytes=0)
    assert_same(got, direct)
    assert not any(_cached(got, "articles"))
    # what the workers wrote, the parent reads back, without starting workers for it
    forbid(*STAGES)
    monkeypatch.setattr(pipeline, "ProcessPoolExecutor", _no_pool)
    warm = pipeline.run_pipeline(corpus_dir, workers=2, cache_dir=cache, min_parallel_bytes=0)
    assert_same(warm, direct)
    assert all(_cached(warm, "articles")) and all(_cached(warm, "tokens"))


def test_small_corpus_stays_serial(corpus_dir, direct, monkeypatch):
    monkeypatch.setattr(pipeline, "ProcessPoolExecutor", _no_pool)
    assert sum(p.stat().st_size for p in corpus_dir.iterdir()) < pipeline.PARALLEL_MIN_BYTES
    assert_same(pipeline.run_pipeline(corpus_dir, workers=2, cache=False), direct)


def test_bad_file_named_from_a_worker(corpus_dir, tmp_path):
    folder = _make_corpus(tmp_path / "raw")
    add_unreadable_page(folder)
    for workers in (1, 2):
        with pytest.raises(CorpusError) as err:
            pipeline.run_pipeline(folder, workers=workers, cache=False, min_parallel_bytes=0)
        assert err.value.path is not None and Path(err.value.path).name == "page_bad.txt"


def test_dask_cluster(corpus_dir, direct, tmp_path, capfd):
    distributed = pytest.importorskip("distributed")
    capfd.readouterr()
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        got = pipeline.run_pipeline(corpus_dir, client=client, cache_dir=tmp_path / "cache")
        # read before the cluster shuts down: a worker's heartbeat racing the shutdown may
        # print distributed's own traceback, which says nothing about the pipeline
        out, err = capfd.readouterr()
    assert_same(got, direct)
    assert len(list((tmp_path / "cache").glob("*/*/*.arrow"))) == 7 * 5  # the workers wrote
    assert (out, err) == ("", "")


def test_progress_bar_only_on_request(corpus_dir, capsys):
    pipeline.run_pipeline(corpus_dir, cache=False)
    assert capsys.readouterr() == ("", "")
    pipeline.run_pipeline(corpus_dir / "page_a.txt", cache=False, progress=True)
    out, err = capsys.readouterr()
    assert out == "" and "1/1" in err


def test_progress_auto_from_a_number_of_pages(corpus_dir, tmp_path, capsys, monkeypatch):
    pipeline.run_pipeline(corpus_dir, cache=False, progress="auto")  # 7 pages: no bar
    pipeline.stream_pipeline(corpus_dir, out_dir=tmp_path / "t", cache=False, progress="auto")
    assert capsys.readouterr() == ("", "")
    monkeypatch.setattr(pipeline, "PROGRESS_MIN_PAGES", 7)
    pipeline.run_pipeline(corpus_dir, cache=False, progress="auto")
    assert "7/7" in capsys.readouterr().err
    cache = tmp_path / "cache"
    pipeline.run_pipeline(corpus_dir, cache_dir=cache)
    pipeline.run_pipeline(corpus_dir, cache_dir=cache, progress="auto")  # all from the cache
    assert capsys.readouterr() == ("", "")
    with pytest.raises(ValueError, match="progress"):
        pipeline.run_pipeline(corpus_dir, cache=False, progress="yes")


# --- cache keys ----------------------------------------------------------------------------------

def _edited_codebook(direct: dict[str, pd.DataFrame], folder: Path) -> Path:
    """A copy of the codebook without the term that codes the most segments (of a code that
    keeps other terms)."""
    data = yaml.safe_load(config.CODEBOOK.read_text(encoding="utf-8"))
    terms = {c["id"]: c["terms"] for c in data["codes"]}
    counts = direct["segments"].groupby(["code", "term"]).size().sort_values(ascending=False)
    code, term = next((c, t) for c, t in counts.index if t in terms[c] and len(terms[c]) > 1)
    terms[code].remove(term)
    path = folder / "codebook_edited.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_codebook_edit_recodes_without_reparsing(corpus_dir, direct, tmp_path, forbid):
    cache = tmp_path / "cache"
    pipeline.run_pipeline(corpus_dir, cache_dir=cache)
    edited = _edited_codebook(direct, tmp_path)
    keys = cache_store.version_keys(default_codebook())
    keys_edited = cache_store.version_keys(load_codebook(edited))
    assert keys_edited["articles"] == keys["articles"]
    assert keys_edited["metrics"] == keys["metrics"]
    assert keys_edited["codes"] != keys["codes"]

    expected = _direct(corpus_dir, load_codebook(edited))
    assert not expected["segments"].equals(direct["segments"])
    forbid("parse_page", "extract_metrics", "tokenize")
    got = pipeline.run_pipeline(corpus_dir, cache_dir=cache, codebook=edited)
    assert_same(got, expected)
    assert all(_cached(got, "articles")) and all(_cached(got, "metrics"))
    assert not any(_cached(got, "codes")) and not any(_cached(got, "segments"))


def test_changed_file_alone_is_redone(tmp_path, monkeypatch):
    folder, cache, _ = _cached_corpus_then_edit(tmp_path)

    parsed = []
    real = corpus._file_rows

    def counting(path: Path, **kwargs: object):
        parsed.append(path.stem)
        return real(path, **kwargs)

    monkeypatch.setattr(corpus, "_file_rows", counting)
    got = pipeline.run_pipeline(folder, cache_dir=cache)
    assert parsed == ["page_c"]
    files = got["files"].set_index("source")
    for table in pipeline.CACHED_TABLES:
        assert not files.loc["page_c", f"cached_{table}"]
        assert files.drop(index="page_c")[f"cached_{table}"].all()
    monkeypatch.setattr(corpus, "_file_rows", real)
    assert_same(got, _direct(folder))


def test_clear_cache(corpus_dir, tmp_path):
    cache = tmp_path / "cache"
    pipeline.run_pipeline(corpus_dir / "page_a.txt", cache_dir=cache)
    n = len([p for p in cache.rglob("*") if p.is_file()])
    assert len(list(cache.glob("*/*/*.arrow"))) == len(pipeline.CACHED_TABLES)  # per file
    assert len(list(cache.rglob("*.parquet"))) == len(pipeline.TABLES)  # consolidated
    assert n == len(pipeline.CACHED_TABLES) + len(pipeline.TABLES)
    assert pipeline.clear_cache(cache) == n
    assert not cache.exists()
    pipeline.run_pipeline(corpus_dir / "page_a.txt", cache_dir=cache)
    (cache / "notes.txt").write_text("not the cache's", encoding="utf-8")
    assert pipeline.clear_cache(cache) == n
    assert [p.name for p in cache.rglob("*")] == ["notes.txt"]  # only its own files go


def test_damaged_entry_is_recomputed(corpus_dir, tmp_path):
    cache = tmp_path / "cache"
    first = pipeline.run_pipeline(corpus_dir / "page_a.txt", cache_dir=cache)
    entries = [*cache.glob("metrics/*/*.arrow"), *cache.glob("runs/metrics/*/*.parquet")]
    assert len(entries) == 2  # the page's and the consolidated
    for entry in entries:
        entry.write_bytes(b"PAR1 truncated")
    again = pipeline.run_pipeline(corpus_dir / "page_a.txt", cache_dir=cache)
    assert_frame_equal(again["metrics"], first["metrics"], check_exact=True)
    assert _cached(again, "metrics") == [False] and _cached(again, "articles") == [True]


# --- the pieces ----------------------------------------------------------------------------------

@pytest.mark.parametrize("suffix", [".parquet", ".arrow"])
def test_round_trip_is_exact(tmp_path, suffix):
    index = pd.Index(["k1", "k2", "k3"], dtype=object, name="article_id")
    frame = pd.DataFrame({
        "lists": pd.Series([["a", "b"], [], ["c", "d"]], dtype=object, index=index),
        "obj": pd.Series(["x", None, float("nan")], dtype=object, index=index),
        "all_none": pd.Series([None, None, None], dtype=object, index=index),
        "s": pd.Series(["p", None, "q"], dtype="str", index=index),
        "i": pd.Series(np.array([1, 2, 3], dtype="int64"), index=index),
        "f": pd.Series([0.5, float("nan"), -0.0], index=index),
        "b": pd.Series([True, False, True], index=index),
    })
    assert frame["obj"].iloc[1] is None and frame["lists"].iloc[0] == ["a", "b"]
    frame.columns.name = "code"
    frame.attrs = {"where": {"k1": [1, 3], "k2": []}}
    path = tmp_path / f"t{suffix}"
    for table in (frame, frame.iloc[:0], frame.reset_index(drop=True)):
        pipeline.write_frame(table, path)
        back = pipeline.read_frame(path)
        assert_frame_equal(back, table, check_exact=True)
        assert _null_kinds(back) == _null_kinds(table)
        assert back.attrs == table.attrs
    back = pipeline.read_frame(path)
    assert back["obj"].iloc[1] is None and math.isnan(back["obj"].iloc[2])
    assert back["lists"].iloc[0] == ["a", "b"] and isinstance(back["lists"].iloc[2], list)
    with pytest.raises(TypeError):
        pipeline.write_frame(pd.DataFrame({"mixed": pd.Series(["a", 1], dtype=object)}), path)


def test_parquet_round_trip_by_row_groups(tmp_path, monkeypatch):
    """Big tables are written and read a row group at a time: same frame back, even where a
    group holds only None or only empty lists."""
    monkeypatch.setattr(frames, "ROW_GROUP", 2)
    index = pd.Index(["k1", "k2", "k3", "k4", "k5"], dtype=object, name="article_id")
    frame = pd.DataFrame({
        "lists": pd.Series([[], [], ["c", "d"], ["e"], []], dtype=object, index=index),
        "obj": pd.Series([None, None, "x", float("nan"), "y"], dtype=object, index=index),
        "s": pd.Series([None, None, "p", None, "q"], dtype="str", index=index),
        "i": pd.Series(np.arange(5, dtype="int64"), index=index),
        "b": pd.Series([True, False, True, True, False], index=index),
    })
    frame.attrs = {"where": {"k1": [1]}}
    path = tmp_path / "t.parquet"
    for table in (frame, frame.reset_index(drop=True), frame[["lists", "obj"]]):
        pipeline.write_frame(table, path)
        assert pq.ParquetFile(path).num_row_groups == 3
        back = pipeline.read_frame(path)
        assert_frame_equal(back, table, check_exact=True)
        assert _null_kinds(back) == _null_kinds(table)
        assert back.attrs == table.attrs


def test_concat_infers_dtypes_like_the_whole_corpus():
    pages = [[("p1-01", None), ("p1-01", None)], [("p2-01", "approx"), ("p2-01", None)], []]
    per_page = [pd.DataFrame(rows, columns=["article_id", "qualifier"]) for rows in pages]
    whole = pd.DataFrame([r for rows in pages for r in rows], columns=["article_id", "qualifier"])
    assert {str(f["qualifier"].dtype) for f in per_page[:2]} == {"object", "str"}
    assert_frame_equal(batching.concat_pages(per_page), whole, check_exact=True)

    codes = [pd.DataFrame({"n": [1]}, index=pd.Index([f"p{i}-01"], dtype=object,
                                                     name="article_id")) for i in (1, 2)]
    got = batching.concat_pages(codes, ignore_index=False)
    assert got.index.dtype == object and got.index.name == "article_id"


def test_version_keys_are_per_stage():
    keys = cache_store.version_keys(default_codebook())
    assert set(keys) == set(pipeline.CACHED_TABLES)
    assert keys["codes"] == keys["segments"]
    assert len({keys["articles"], keys["codes"], keys["metrics"], keys["tokens"]}) == 4


# --- the consolidated cache and batched stages --------------------------------------------------

def _runs(cache: Path) -> list[Path]:
    return sorted((cache / cache_store.RUNS).glob("*/*/*.parquet"))


def _jobs(monkeypatch) -> list[list[str]]:
    """Record the files each job of run_pipeline is given (serial route)."""
    calls: list[list[str]] = []
    real = pipeline.process_files

    def recording(paths, *args, **kwargs):
        calls.append([Path(p).name for p in paths])
        return real(paths, *args, **kwargs)

    monkeypatch.setattr(pipeline, "process_files", recording)
    return calls


def test_consolidated_reload_reads_no_page_entry(corpus_dir, direct, tmp_path, forbid,
                                                 monkeypatch):
    cache = tmp_path / "cache"
    pipeline.run_pipeline(corpus_dir, cache_dir=cache)
    assert len(_runs(cache)) == len(pipeline.TABLES)  # one entry per table for the run

    def no_page_entry(*args, **kwargs):
        raise AssertionError("a per-file cache entry was read")

    forbid(*STAGES)
    monkeypatch.setattr(job.FileJob, "lookup", no_page_entry)
    jobs = _jobs(monkeypatch)
    warm = pipeline.run_pipeline(corpus_dir, cache_dir=cache)
    assert_same(warm, direct)
    assert jobs == []
    for table in pipeline.CACHED_TABLES:
        assert all(_cached(warm, table))
    assert warm["files"]["sha256"].tolist() == [
        hashlib.sha256(p.read_bytes()).hexdigest() for p in corpus.list_pages(corpus_dir)]
    # a subset of the tables is read from the same entries
    codes = pipeline.run_pipeline(corpus_dir, cache_dir=cache, tables=["codes"])
    assert set(codes) == {"codes", "files"}
    assert_frame_equal(codes["codes"], direct["codes"], check_exact=True)


def test_consolidated_entry_after_a_file_changes(tmp_path, monkeypatch):
    folder, cache, page = _cached_corpus_then_edit(tmp_path)
    os.utime(page, ns=(1, 1))  # an old mtime, as a restored backup may have: not trusted

    jobs = _jobs(monkeypatch)
    changed = pipeline.run_pipeline(folder, cache_dir=cache)
    assert jobs == [["page_c.txt"]]  # the others come from the earlier consolidated entry
    expected = _direct(folder)
    assert_same(changed, expected)
    files = changed["files"].set_index("source")
    assert not files.loc["page_c"].filter(like="cached_").any()
    assert files.drop(index="page_c").filter(like="cached_").all().all()

    jobs.clear()
    again = pipeline.run_pipeline(folder, cache_dir=cache)  # the rewritten entry
    assert jobs == []
    assert_same(again, expected)
    assert again["files"].filter(like="cached_").all().all()


def test_files_added_and_removed(tmp_path, monkeypatch):
    folder = _make_corpus(tmp_path / "raw")
    cache = tmp_path / "cache"
    pipeline.run_pipeline(folder, cache_dir=cache)
    (folder / "page_b_copy.txt").unlink()
    shutil.copyfile(FIXTURE_PAGES / "page_d.txt", folder / "page_bb.txt")
    jobs = _jobs(monkeypatch)
    got = pipeline.run_pipeline(folder, workers=1, cache_dir=cache)
    assert jobs == [["page_bb.txt"]]
    assert_same(got, _direct(folder))
    # and back: the first entry (kept) serves every page again
    (folder / "page_bb.txt").unlink()
    shutil.copyfile(FIXTURE_PAGES / "page_b.txt", folder / "page_b_copy.txt")
    jobs.clear()
    back = pipeline.run_pipeline(folder, cache_dir=cache)
    assert jobs == []
    assert_same(back, _direct(folder))


def test_tables_subset(corpus_dir, direct, tmp_path):
    got = pipeline.run_pipeline(corpus_dir, cache_dir=tmp_path / "cache",
                                tables=("metrics", "articles"))
    assert list(got) == ["articles", "metrics", "files"]
    for table in ("articles", "metrics"):
        assert_frame_equal(got[table], direct[table], check_exact=True)
    assert got["articles"].attrs == direct["articles"].attrs
    assert not got["files"]["cached_codes"].any()
    with pytest.raises(ValueError, match="unknown tables"):
        pipeline.run_pipeline(corpus_dir, cache=False, tables=["article"])


def test_page_entries_cut_from_batches_equal_pages_alone(corpus_dir, tmp_path):
    """The later stages run once for many pages; each page's cache entry is cut out of the
    batch and must be what the page alone gives, dtypes and None included."""
    cache = tmp_path / "cache"
    pipeline.run_pipeline(corpus_dir, cache_dir=cache)
    for page in corpus.list_pages(corpus_dir):
        cached = pipeline.process_page(page, cache_dir=cache)
        alone = pipeline.process_page(page, cache=False)
        for table in pipeline.TABLES:
            assert_frame_equal(cached[table], alone[table], check_exact=True, obj=table)
            assert _null_kinds(cached[table]) == _null_kinds(alone[table]), table
        assert cached["articles"].attrs == alone["articles"].attrs


def test_pages_parsed_one_by_one_in_jobs_of_one_page(corpus_dir, direct, tmp_path, monkeypatch):
    """A job of several pages parses them into one table (as load_corpus does); a job of one
    page parses it with parse_page: the same tables."""
    monkeypatch.setattr(pipeline, "JOB_BYTES", 1)
    assert_same(pipeline.run_pipeline(corpus_dir, cache=False), direct)
    assert_same(pipeline.run_pipeline(corpus_dir, cache_dir=tmp_path / "cache"), direct)


def test_split_gives_each_page_its_own_dtypes(direct):
    """A column of strings all missing on one page is object there (str in the batch)."""
    articles = direct["articles"]
    other = articles.iloc[:1]
    lone = articles.iloc[:1].assign(article_id="lone-01", source="lone", text="3000。")
    if extract_metrics(lone)["indicator"].notna().any():
        pytest.skip("a bare number now has an indicator")
    pages = [other.reset_index(drop=True), lone.reset_index(drop=True), lone.iloc[:0]]
    batch = pd.concat(pages, ignore_index=True)
    built = extract_metrics(batch)
    assert isinstance(built["indicator"].dtype, pd.StringDtype)
    assert built["indicator"].isna().any() and built["indicator"].notna().any()
    pieces = batching.split_pages(built, "metrics", pages, default_codebook())
    for piece, page in zip(pieces, pages, strict=True):
        alone = extract_metrics(page)
        assert_frame_equal(piece, alone, check_exact=True)
        assert _null_kinds(piece) == _null_kinds(alone)
    assert pieces[1]["indicator"].dtype == object and pieces[1]["indicator"].iloc[0] is None
    assert_frame_equal(batching.concat_pages(pieces, table="metrics", codebook=default_codebook()), built, check_exact=True)


def test_old_consolidated_entries_are_pruned(corpus_dir, tmp_path, monkeypatch):
    monkeypatch.setattr(cache_store, "RUNS_KEPT", 2)
    cache = tmp_path / "cache"
    pages = corpus.list_pages(corpus_dir)
    for page in pages[:4]:
        pipeline.run_pipeline(page, cache_dir=cache, tables=["tokens"])
    assert len(_runs(cache)) == 2


# --- streaming to disk ---------------------------------------------------------------------------

def _files_like_run(corpus_dir: Path) -> pd.DataFrame:
    return pipeline.run_pipeline(corpus_dir, cache=False)["files"]


def test_stream_one_part_per_page_reads_back_exactly(corpus_dir, direct, tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "JOB_BYTES", 1)  # a job (a part) per page: dtypes per page
    out = pipeline.stream_pipeline(corpus_dir, out_dir=tmp_path / "tables", cache=False)
    assert out == tmp_path / "tables"
    for table in (*pipeline.TABLES, "files"):
        assert len(list((out / table).glob("part-*.parquet"))) == 7, table
    got = pipeline.read_tables(out)
    assert_same(got, direct)
    assert_frame_equal(got["files"], _files_like_run(corpus_dir), check_exact=True)


def test_stream_with_workers_cache_and_dask(corpus_dir, direct, tmp_path, monkeypatch, capfd):
    monkeypatch.setattr(pipeline, "JOB_BYTES", 20_000)
    cache = tmp_path / "cache"
    out = pipeline.stream_pipeline(corpus_dir, out_dir=tmp_path / "w", workers=2, cache_dir=cache,
                                   min_parallel_bytes=0)
    assert_same(pipeline.read_tables(out), direct)
    assert len(list(cache.glob("*/*/*.arrow"))) == 7 * len(pipeline.CACHED_TABLES)
    monkeypatch.setattr(pipeline, "ProcessPoolExecutor", _no_pool)  # all cached: no workers
    warm = pipeline.read_tables(pipeline.stream_pipeline(corpus_dir, out_dir=tmp_path / "w2", workers=2,
                                                         cache_dir=cache, min_parallel_bytes=0))
    monkeypatch.undo()
    assert_same(warm, direct)
    assert warm["files"]["cached_metrics"].all()
    distributed = pytest.importorskip("distributed")
    capfd.readouterr()
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        out = pipeline.stream_pipeline(corpus_dir, out_dir=tmp_path / "d", client=client, cache=False)
        # the run itself prints nothing; what the cluster logs while it shuts down (a worker's
        # heartbeat racing the scheduler's close, on a loaded machine) is distributed's, not ours
        assert capfd.readouterr() == ("", "")
    assert_same(pipeline.read_tables(out), direct)


def test_read_tables_some_tables_and_columns(corpus_dir, direct, tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "JOB_BYTES", 30_000)
    out = pipeline.stream_pipeline(corpus_dir, out_dir=tmp_path / "t", cache=False,
                                   tables=["articles", "metrics"])
    assert not (out / "codes").exists()
    got = pipeline.read_tables(out, tables=["metrics"], columns={"metrics": ["article_id", "value"]})
    assert list(got) == ["metrics"]
    assert_frame_equal(got["metrics"], direct["metrics"][["article_id", "value"]],
                       check_exact=True)
    articles = pipeline.read_tables(out, tables="articles")["articles"]
    assert_frame_equal(articles, direct["articles"], check_exact=True)
    assert articles.attrs[SUBHEAD_PARAS] == direct["articles"].attrs[SUBHEAD_PARAS]
    with pytest.raises(ValueError, match="codes"):
        pipeline.read_tables(out, tables=["codes"])
    with pytest.raises(ValueError, match="'valeur'"):
        pipeline.read_tables(out, tables=["metrics"], columns={"metrics": ["valeur"]})
    with pytest.raises(ValueError, match="'articles'"):
        pipeline.read_tables(out, tables=["metrics"], columns={"articles": ["text"]})


def test_stream_replaces_an_earlier_run(corpus_dir, direct, tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "JOB_BYTES", 1)
    out = tmp_path / "tables"
    pipeline.stream_pipeline(corpus_dir, out_dir=out, cache=False)
    pipeline.stream_pipeline(corpus_dir / "page_a.txt", out_dir=out, cache=False)
    got = pipeline.read_tables(out)
    assert list(got["articles"]["source"].unique()) == ["page_a"]
    assert len(list((out / "metrics").glob("*.parquet"))) == 1


def test_read_tables_names_what_is_missing(corpus_dir, tmp_path, monkeypatch):
    with pytest.raises(CorpusError) as err:
        pipeline.read_tables(tmp_path)
    assert Path(err.value.path).name == pipeline.MANIFEST
    monkeypatch.setattr(pipeline, "JOB_BYTES", 1)
    out = pipeline.stream_pipeline(corpus_dir, out_dir=tmp_path / "t", cache=False)
    (out / "codes" / "part-00003.parquet").unlink()
    with pytest.raises(CorpusError) as err:
        pipeline.read_tables(out, tables=["codes"])
    assert Path(err.value.path).name == "part-00003.parquet"


def test_stream_deletes_only_its_own_parts(corpus_dir, tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "JOB_BYTES", 1)
    out = tmp_path / "tables"
    (out / "articles").mkdir(parents=True)
    (out / "articles" / "my_notes.txt").write_text("mine", encoding="utf-8")
    (out / "elsewhere.csv").write_text("a,b\n", encoding="utf-8")
    pipeline.stream_pipeline(corpus_dir, out_dir=out, cache=False)
    pipeline.stream_pipeline(corpus_dir / "page_a.txt", out_dir=out, cache=False)
    assert (out / "articles" / "my_notes.txt").read_text(encoding="utf-8") == "mine"
    assert (out / "elsewhere.csv").exists()
    assert sorted(p.name for p in (out / "articles").iterdir()) == ["my_notes.txt",
                                                                     "part-00000.parquet"]


def test_stream_stops_at_a_bad_file_and_leaves_no_manifest(corpus_dir, tmp_path):
    """A first run that fails leaves nothing that reads as tables (a rerun over an earlier
    output keeps that output: tests/test_pipeline_faults.py)."""
    folder = _make_corpus(tmp_path / "raw")
    out = tmp_path / "tables"
    add_unreadable_page(folder)
    for workers in (1, 2):
        with pytest.raises(CorpusError) as err:
            pipeline.stream_pipeline(folder, out_dir=out, workers=workers, cache=False,
                                     min_parallel_bytes=0)
        assert Path(err.value.path).name == "page_bad.txt"
        with pytest.raises(CorpusError) as err:
            pipeline.read_tables(out)
        assert Path(err.value.path).name == pipeline.MANIFEST
        assert not list(out.glob("*/*.parquet")) and not list(out.glob("*/*/*.parquet"))


def _helpers_imports(module: str) -> set[str]:
    """The ``helpers`` modules a module's source imports (at module level or in functions; in a
    package's ``__init__``, at module level only: its lazy imports are other stages')."""
    import ast
    import importlib.util

    origin = Path(importlib.util.find_spec(module).origin)
    tree = ast.parse(origin.read_text(encoding="utf-8"))
    found = set()
    for node in (tree.body if origin.name == "__init__.py" else ast.walk(tree)):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("helpers"):
            found.add(node.module)
            for alias in node.names:  # from helpers import cache -> helpers.cache
                name = f"{node.module}.{alias.name}"
                try:
                    if importlib.util.find_spec(name) is not None:
                        found.add(name)
                except ModuleNotFoundError:  # a name inside a module, not a module
                    pass
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("helpers"))
    return found


def test_parse_version_covers_every_module_the_parser_imports():
    """A change to any module the parse stage runs must change its cache version: every module
    reachable from helpers.corpus is in cache.parse_modules(), except package __init__ files that
    only re-export and the codebook, whose words enter the version through the tokenizer's
    dictionary (``dictionary_additions``)."""
    reached, todo = set(), ["helpers.corpus"]
    while todo:
        module = todo.pop()
        if module not in reached:
            reached.add(module)
            if module != "helpers":  # ``from helpers import x`` runs x, not every stage
                todo.extend(_helpers_imports(module))
    allowed = {"helpers", "helpers.text", "helpers.places", "helpers.codebook"}
    assert reached - allowed <= set(cache_store.parse_modules()), reached - allowed
    assert "helpers.layout.classify" in reached  # the walk does reach the parser


def test_pipeline_routes_take_ignore_patterns(tmp_path):
    """A folder with a note beside its pages: refused by default, read when the note is named
    in ``ignore=`` (run_pipeline and stream_pipeline alike)."""
    folder = tmp_path / "raw"
    folder.mkdir()
    shutil.copyfile(SEED, folder / SEED.name)
    (folder / "notes.md").write_text("采访提纲\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="notes.md"):
        pipeline.run_pipeline(folder, cache=False)
    with pytest.warns(UserWarning, match="notes.md"):
        got = pipeline.run_pipeline(folder, cache=False, ignore="*.md")
    assert list(got["files"]["file"]) == [SEED.name]
    with pytest.warns(UserWarning, match="notes.md"):
        out = pipeline.stream_pipeline(folder, out_dir=tmp_path / "t", cache=False,
                                       ignore=["*.md"])
    assert list(pipeline.read_tables(out, tables="files")["files"]["file"]) == [SEED.name]
