"""Benchmark of the full pipeline at corpus scale (``make bench``; never run by the tests).

Generates a corpus of distinct pages in the seed's layout (articles of the seed page and of the
hand-composed test pages, recombined in random mixes, orders and column widths by
``tests/compose.py``), then measures, per stage and in total: throughput (MB of raw pages per
second), peak memory, and the ratio to bare ``jieba.lcut`` over the same article text, measured
in the same run (wall and CPU seconds: on a shared machine the CPU seconds of this process
vary far less).  Then ``helpers.pipeline.run_pipeline`` route by route, each in a fresh process
(so that every route pays the same start-up: imports, tokenizer, gazetteer):

``one_core``      ``workers=1, cache=False``: the reference of the speed-up
``workers``       ``workers=N, cache=False``: the same work in N worker processes
``cold``          ``workers=N`` into an empty cache (writes the per-file and consolidated entries)
``reload``        the same files again: read from the consolidated cache
``changed``       one page edited: that page is reprocessed, the others come from the cache
``stream``        ``stream_pipeline``, N workers, without cache: the tables written to disk job
                  by job (read back afterwards, outside the measurement, to compare them)
``stream_one_core`` the same on one core (``--routes``)
``dask``          (``--dask``) a local Dask cluster of N workers, without cache

Each reports its seconds, the peak resident memory of its main process and of its worker
processes (sampled), and a fingerprint of every table: all routes must give the same tables.

    python benchmarks/run.py --size-mb 50 --workers 2
    python benchmarks/run.py --size-mb 10 --routes ''   # the stages only, for quick iterations
    python benchmarks/run.py --size-mb 200 --skip-stages --routes stream_one_core,stream \
        --json benchmarks/memory_200mb.json
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Self

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(1, str(ROOT / "tests"))  # compose.py: the page composer of the tests
#: The seed page, from the tests' own fixture copy (never the user's corpus/raw).
SEED_PAGE = ROOT / "tests" / "fixtures" / "seed" / "000_ae97290bc4d96e06.txt"
ROUTES = ("one_core", "workers", "cold", "reload", "changed", "stream")
#: Routes through ``stream_pipeline`` (tables written to disk job by job, never whole in memory).
STREAM_ROUTES = ("stream", "stream_one_core")


def article_pool() -> list:
    """Articles to recombine: the seed page's and those of the hand-composed test pages."""
    from compose import ArticleSpec

    from helpers.corpus import parse_page, subhead_paragraphs
    from helpers.text import read_page

    pool = []
    arts = parse_page(read_page(SEED_PAGE), SEED_PAGE.stem)
    where = subhead_paragraphs(arts)
    for row in arts.itertuples():
        subs = {int(r.para_no) - 1: r.subhead
                for r in where[where["article_id"] == row.article_id].itertuples()}
        pool.append(ArticleSpec(paragraphs=row.text.split("\n"), headline=row.headline,
                                byline=row.byline, subheads=subs))
    for path in sorted((ROOT / "tests" / "fixtures" / "pages").glob("*.json")):
        for art in json.loads(path.read_text(encoding="utf-8")):
            pool.append(ArticleSpec(paragraphs=art["paragraphs"], headline=art["headline"],
                                    byline=art["byline"]))
    return pool


def generate(folder: Path, size_mb: float, seed: int = 0) -> int:
    """Write distinct pages into ``folder`` until they add up to ``size_mb``; returns bytes."""
    from compose import ArticleSpec, compose_page

    pool = article_pool()
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    total, n = 0, 0
    while total < size_mb * 1e6:
        arts = []
        for spec in rng.sample(pool, k=rng.randint(4, 8)):
            style = rng.choice(["line", "inline", "author"]) if spec.byline else "line"
            arts.append(ArticleSpec(paragraphs=spec.paragraphs,
                                    headline=spec.headline if rng.random() < 0.85 else None,
                                    byline=spec.byline, subheads=spec.subheads,
                                    byline_style=style))
        page, _ = compose_page(arts, width=rng.randint(13, 22), seed=n)
        data = page.encode("utf-8")
        (folder / f"page_{n:06d}.txt").write_bytes(data)
        total += len(data)
        n += 1
    return total


def timed(label: str, fn, results: list, mb: float):
    """Run one stage: its wall seconds, and its CPU seconds (this process's, which other
    processes on a shared machine disturb far less than the wall clock)."""
    start, cpu = time.perf_counter(), time.process_time()
    out = fn()
    secs, cpu = time.perf_counter() - start, time.process_time() - cpu
    results.append({"stage": label, "seconds": secs, "cpu_seconds": cpu, "MB/s": mb / secs,
                    "peak MB": peak_mb()})
    print(f"  {label:<34} {secs:8.1f} s {mb / secs:8.2f} MB/s   peak {peak_mb():7.0f} MB"
          f"   (CPU {cpu:.1f} s)", flush=True)
    return out


# --- memory of a process tree ------------------------------------------------------------------

def _pss(pid: int) -> float:
    """Proportional set size in MB (pages shared by n processes count 1/n in each)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii", errors="replace") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _tree() -> dict[int, tuple[float, float]]:
    """(resident, peak resident) memory in MB of this process and of its descendants (Linux
    /proc: VmRSS and VmHWM, which a new program starts afresh, unlike ``ru_maxrss``)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
    out, todo = {}, [os.getpid()]
    while todo:
        pid = todo.pop()
        try:
            with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as handle:
                status = dict(line.split(":", 1) for line in handle if ":" in line)
            out[pid] = (int(status["VmRSS"].split()[0]) / 1024,
                        int(status["VmHWM"].split()[0]) / 1024)
        except (OSError, KeyError, ValueError):
            continue
        todo.extend(children.get(pid, []))
    return out


class TreeMemory:
    """Samples the process tree every ``every`` seconds: the peak resident memory of the main
    process, of the largest other process (workers, fork server) and of the whole tree: the sum
    of the processes' resident memory (pages they share counted in each) and the sum of their
    proportional set sizes (shared pages divided among them: the tree's real footprint)."""

    def __init__(self, every: float = 0.2) -> None:
        self.every = every
        self.peak = {"main": 0.0, "worker": 0.0, "total": 0.0, "pss": 0.0}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> None:
        me = os.getpid()
        tree = _tree()
        self.peak["main"] = max(self.peak["main"], tree.get(me, (0.0, 0.0))[1])
        self.peak["worker"] = max([self.peak["worker"],
                                   *(hwm for pid, (_, hwm) in tree.items() if pid != me)])
        self.peak["total"] = max(self.peak["total"], sum(rss for rss, _ in tree.values()))
        self.peak["pss"] = max(self.peak["pss"], sum(_pss(pid) for pid in tree))

    def _run(self) -> None:
        while os.path.isdir("/proc") and not self._stop.is_set():
            self._sample()
            self._stop.wait(self.every)

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        if os.path.isdir("/proc"):
            self._sample()


def peak_mb() -> float:
    """Peak resident memory of this process and of finished children it waited for (MB).
    Worker processes started by a fork server are not its children: see ``TreeMemory``."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return max(own, kids)


# --- one route in a fresh process --------------------------------------------------------------

def fingerprint(tables: dict) -> dict[str, str]:
    """A digest of each table: values (None, NaN and lists told apart), dtypes, index, attrs."""
    import pandas as pd

    out = {}
    for name, frame in tables.items():
        if name == "files":
            frame = frame[["source", "file", "bytes", "sha256"]]
        digest = hashlib.sha256()
        digest.update(repr((list(frame.columns), [str(d) for d in frame.dtypes],
                            str(frame.index.dtype), frame.index.name, len(frame),
                            sorted(frame.attrs.items()))).encode())
        plain = frame.copy()
        for col in plain.columns[plain.dtypes == object]:
            plain[col] = [repr(v) for v in plain[col]]
        index = plain.index.map(repr) if plain.index.dtype == object else plain.index
        plain.index = index
        digest.update(pd.util.hash_pandas_object(plain, index=True).to_numpy().tobytes())
        out[name] = digest.hexdigest()
    return out


def measure(route: str, folder: Path, workers: int, cache_dir: Path,
            tables: list[str] | None = None) -> dict:
    """Run one route here (``--measure``) and return its figures."""
    from helpers import pipeline

    kwargs: dict = {"cache": False}
    if route in ("workers", "stream"):
        kwargs["workers"] = workers
    elif route in ("cold", "reload", "changed"):
        kwargs = {"workers": workers, "cache_dir": cache_dir}
    kwargs["tables"] = tables
    with TreeMemory() as memory:
        start = time.perf_counter()
        if route == "dask":
            from distributed import Client, LocalCluster

            with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                              dashboard_address=None) as cluster, Client(cluster) as client:
                start = time.perf_counter()
                tables = pipeline.run_pipeline(folder, client=client, cache=False,
                                               tables=kwargs["tables"])
        elif route in STREAM_ROUTES:
            out = pipeline.stream_pipeline(
                folder, out_dir=Path(tempfile.mkdtemp(prefix="bench-out-")), **kwargs)
        else:
            tables = pipeline.run_pipeline(folder, **kwargs)
        seconds = time.perf_counter() - start
    if route in STREAM_ROUTES:  # read back after the measurement, to compare the tables
        tables = pipeline.read_tables(out)
        shutil.rmtree(out, ignore_errors=True)
    files = tables["files"]
    return {"route": route, "seconds": seconds, "peak_main_MB": round(memory.peak["main"]),
            "peak_worker_MB": round(memory.peak["worker"]),
            "peak_total_MB": round(memory.peak["total"]),
            "peak_total_pss_MB": round(memory.peak["pss"]),
            "pages_from_cache": int(files["cached_articles"].sum()),
            "fingerprint": fingerprint(tables)}


def run_route(route: str, folder: Path, workers: int, cache_dir: Path,
              tables: list[str] | None) -> dict:
    cmd = [sys.executable, __file__, "--measure", route, "--corpus", str(folder),
           "--workers", str(workers), "--cache-dir", str(cache_dir)]
    if tables:
        cmd += ["--tables", ",".join(tables)]
    done = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def one_core_stages(folder: Path, mb: float, summary: dict) -> None:
    import jieba

    from helpers import text
    from helpers.coding import code_articles, default_codebook
    from helpers.corpus import load_corpus
    from helpers.metrics import extract_metrics
    from helpers.text.pos import pos_tagger

    jieba.setLogLevel(60)
    jieba.initialize()
    default_codebook()
    text.tokenize("预热")  # build the tokenizer of the backend in use before timing
    pos_tagger().lcut("预热")  # and the POS tagger of extract_metrics (as workers do)
    results: list[dict] = []
    print(f"one core, whole corpus (tokenizer backend: {text.tokenizer_backend()}):")
    articles = timed("load_corpus (read + parse)", lambda: load_corpus(folder), results, mb)
    texts = list(articles["text"])
    timed("tokenize every article", lambda: [text.tokenize(t) for t in texts], results, mb)
    timed("code_articles", lambda: code_articles(articles), results, mb)
    timed("extract_metrics", lambda: extract_metrics(articles), results, mb)
    pipeline_secs = sum(r["seconds"] for r in results)
    pipeline_cpu = sum(r["cpu_seconds"] for r in results)
    jieba_secs, jieba_cpu = time.perf_counter(), time.process_time()
    for t in texts:
        jieba.lcut(t)
    jieba_secs, jieba_cpu = time.perf_counter() - jieba_secs, time.process_time() - jieba_cpu
    print(f"  full pipeline: {pipeline_secs:.1f} s = {mb / pipeline_secs:.2f} MB/s; "
          f"bare jieba.lcut {jieba_secs:.1f} s = {mb / jieba_secs:.2f} MB/s; "
          f"ratio {jieba_secs / pipeline_secs:.2f}x (CPU seconds: pipeline {pipeline_cpu:.1f}, "
          f"jieba {jieba_cpu:.1f}, ratio {jieba_cpu / pipeline_cpu:.2f}x)", flush=True)
    for r in results:  # each stage against bare jieba in CPU seconds
        r["x_jieba_cpu"] = round(r["cpu_seconds"] / jieba_cpu, 3)
    summary.update({"one_core_seconds": round(pipeline_secs, 1),
                    "one_core_MB_s": round(mb / pipeline_secs, 2),
                    "jieba_MB_s": round(mb / jieba_secs, 2),
                    "ratio_to_jieba": round(jieba_secs / pipeline_secs, 2),
                    "ratio_to_jieba_cpu": round(jieba_cpu / pipeline_cpu, 2),
                    "stages": results})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size-mb", type=float, default=50.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--corpus", type=Path, default=None,
                        help="where to write the generated corpus (default: a temp folder)")
    parser.add_argument("--keep", action="store_true", help="keep the generated corpus")
    parser.add_argument("--reuse", action="store_true",
                        help="use the pages already in --corpus instead of generating them")
    parser.add_argument("--skip-stages", action="store_true",
                        help="skip the whole-corpus stage timings and bare jieba")
    parser.add_argument("--routes", default=",".join(ROUTES),
                        help=f"routes to time (default: {','.join(ROUTES)}; also "
                        "stream_one_core)")
    parser.add_argument("--dask", action="store_true", help="also time a local Dask cluster")
    parser.add_argument("--tables", help="run_pipeline(tables=...): only these tables, "
                        "comma-separated (default: all)")
    parser.add_argument("--json", type=Path, default=ROOT / "benchmarks" / "latest.json",
                        help="where to write the figures (default: benchmarks/latest.json)")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    parser.add_argument("--cache-dir", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    tables = args.tables.split(",") if args.tables else None

    if args.measure:  # one route in this (fresh) process, printed as JSON for the parent
        print(json.dumps(measure(args.measure, args.corpus, args.workers, args.cache_dir,
                                 tables)))
        return

    os.environ.setdefault("PYTHONHASHSEED", "0")
    folder = args.corpus or Path(tempfile.mkdtemp(prefix="govreports-bench-"))
    if args.reuse and folder.is_dir() and any(folder.glob("*.txt")):
        raw_bytes = sum(p.stat().st_size for p in folder.glob("*.txt"))
        print(f"reusing the pages in {folder}", flush=True)
    else:
        print(f"generating ~{args.size_mb:g} MB of pages in {folder} …", flush=True)
        raw_bytes = generate(folder, args.size_mb)
    mb = raw_bytes / 1e6
    pages = sorted(folder.glob("*.txt"))
    print(f"{len(pages)} pages, {mb:.1f} MB; {os.cpu_count()} cores, load average "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}", flush=True)
    summary: dict = {"pages": len(pages), "MB": round(mb, 1), "cores": os.cpu_count(),
                     "workers": args.workers, "tables": tables or "all"}
    if not args.skip_stages:
        one_core_stages(folder, mb, summary)

    routes = [r for r in args.routes.split(",") if r] + (["dask"] if args.dask else [])
    cache = Path(tempfile.mkdtemp(prefix="govreports-bench-cache-"))
    print(f"run_pipeline, each route in a fresh process ({args.workers} workers):", flush=True)
    results: dict[str, dict] = {}
    edited = pages[len(pages) // 2]
    original = edited.read_bytes()
    try:
        for route in routes:
            if route == "changed":
                edited.write_bytes(original.replace("，".encode(), "、".encode(), 1))
            try:
                res = run_route(route, folder, args.workers, cache, tables)
            finally:
                edited.write_bytes(original)
            results[route] = res
            print(f"  {route:<10} {res['seconds']:8.2f} s {mb / res['seconds']:8.2f} MB/s   "
                  f"peak main {res['peak_main_MB']:5d} MB, worker {res['peak_worker_MB']:5d} MB,"
                  f" total {res['peak_total_MB']:5d} MB (PSS {res['peak_total_pss_MB']:5d} MB); "
                  f"{res['pages_from_cache']} pages "
                  f"from the cache", flush=True)
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    # every route's tables against the first route's (one_core when it ran)
    base = "one_core" if "one_core" in results else next(iter(results), None)
    reference = results[base]["fingerprint"] if base else {}
    same = {route: res["fingerprint"] == reference for route, res in results.items()
            if route not in (base, "changed")}
    summary["routes"] = {r: {k: v for k, v in res.items() if k != "fingerprint"}
                         for r, res in results.items()}
    summary["identical_tables"] = {"reference": base, "same": same}
    if "one_core" in results and "workers" in results:
        speedup = results["one_core"]["seconds"] / results["workers"]["seconds"]
        summary["speedup_workers_vs_one_core"] = round(speedup, 2)
        print(f"  {args.workers} workers vs one core (same work, both without cache): "
              f"{speedup:.2f}x", flush=True)
    print(f"  tables identical to those of {base}: {same}", flush=True)
    summary["peak_MB"] = round(peak_mb())
    args.json.write_text(json.dumps(summary, indent=1, ensure_ascii=False) + "\n",
                         encoding="utf-8")
    print(f"written {args.json}")
    if not args.keep and args.corpus is None:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
