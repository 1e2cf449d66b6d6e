"""Benchmark of the full pipeline at corpus scale (``make bench``; never run by the tests).

Generates a corpus of distinct pages in the seed's layout (articles of the seed page and of the
hand-composed test pages, recombined in random mixes, orders and column widths by
``helpers.compose``), then measures, per stage and in total: throughput (MB of raw pages per
second), peak memory, and the ratio to bare ``jieba.lcut`` over the same article text, measured
in the same run.  Then the same corpus through ``helpers.pipeline.run_pipeline`` with worker
processes, and reloads from the cache.

    python benchmarks/run.py --size-mb 50 --workers 2
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def peak_mb() -> float:
    """Peak resident memory of this process and of finished children (MB)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return max(own, kids)


def article_pool() -> list:
    """Articles to recombine: the seed page's and those of the hand-composed test pages."""
    from helpers import config
    from helpers.compose import ArticleSpec
    from helpers.corpus import parse_page, subhead_paragraphs
    from helpers.text import read_page

    pool = []
    for path in sorted(config.CORPUS_RAW.glob("*.txt")):
        arts = parse_page(read_page(path), path.stem)
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
    from helpers.compose import ArticleSpec, compose_page

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


def timed(label: str, fn, results: list, mb: float):  # noqa: ANN001, ANN201
    start = time.perf_counter()
    out = fn()
    secs = time.perf_counter() - start
    results.append({"stage": label, "seconds": secs, "MB/s": mb / secs, "peak MB": peak_mb()})
    print(f"  {label:<34} {secs:8.1f} s {mb / secs:8.2f} MB/s   peak {peak_mb():7.0f} MB",
          flush=True)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size-mb", type=float, default=50.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--corpus", type=Path, default=None,
                        help="where to write the generated corpus (default: a temp folder)")
    parser.add_argument("--keep", action="store_true", help="keep the generated corpus")
    args = parser.parse_args()

    os.environ.setdefault("PYTHONHASHSEED", "0")
    folder = args.corpus or Path(tempfile.mkdtemp(prefix="govreports-bench-"))
    print(f"generating ~{args.size_mb:g} MB of pages in {folder} …", flush=True)
    raw_bytes = generate(folder, args.size_mb)
    mb = raw_bytes / 1e6
    pages = len(list(folder.glob("*.txt")))
    print(f"{pages} pages, {mb:.1f} MB", flush=True)

    import jieba

    from helpers import text
    from helpers.coding import code_articles, default_codebook
    from helpers.corpus import load_corpus
    from helpers.metrics import extract_metrics

    jieba.setLogLevel(60)
    jieba.initialize()
    default_codebook()
    text.tokenize("预热")  # build the tokenizer of the backend in use before timing
    results: list[dict] = []
    print(f"one core (tokenizer backend: {text.tokenizer_backend()}):")
    articles = timed("load_corpus (read + parse)", lambda: load_corpus(folder), results, mb)
    texts = list(articles["text"])
    timed("tokenize every article", lambda: [text.tokenize(t) for t in texts], results, mb)
    timed("code_articles", lambda: code_articles(articles), results, mb)
    timed("extract_metrics", lambda: extract_metrics(articles), results, mb)
    pipeline_secs = sum(r["seconds"] for r in results)
    bare = timed("bare jieba.lcut (same text)", lambda: [jieba.lcut(t) for t in texts], [], mb)
    del bare
    jieba_secs = time.perf_counter()
    for t in texts:
        jieba.lcut(t)
    jieba_secs = time.perf_counter() - jieba_secs
    print(f"  full pipeline: {pipeline_secs:.1f} s = {mb / pipeline_secs:.2f} MB/s; "
          f"bare jieba.lcut {jieba_secs:.1f} s = {mb / jieba_secs:.2f} MB/s; "
          f"ratio {jieba_secs / pipeline_secs:.2f}x", flush=True)

    summary = {"pages": pages, "MB": round(mb, 1), "one_core_seconds": round(pipeline_secs, 1),
               "one_core_MB_s": round(mb / pipeline_secs, 2),
               "jieba_MB_s": round(mb / jieba_secs, 2),
               "ratio_to_jieba": round(jieba_secs / pipeline_secs, 2),
               "stages": results}
    try:
        from helpers import pipeline
    except ImportError:
        pipeline = None
    if pipeline is not None:
        cache = Path(tempfile.mkdtemp(prefix="govreports-bench-cache-"))
        os.environ["GOVREPORTS_CACHE"] = str(cache)
        par: list[dict] = []
        print(f"run_pipeline with {args.workers} worker processes (cold cache):")
        timed(f"run_pipeline(workers={args.workers})",
              lambda: pipeline.run_pipeline(folder, workers=args.workers, cache=True,
                                            cache_dir=cache), par, mb)
        timed("reload from the cache",
              lambda: pipeline.run_pipeline(folder, workers=1, cache=True, cache_dir=cache),
              par, mb)
        summary["parallel"] = par
        summary["speedup_workers_vs_one_core"] = round(pipeline_secs / par[0]["seconds"], 2)
        print(f"  {args.workers} workers vs one core: {summary['speedup_workers_vs_one_core']}x;"
              f" cache reload {par[1]['seconds']:.1f} s", flush=True)
        shutil.rmtree(cache, ignore_errors=True)
    summary["peak_MB"] = round(peak_mb())
    out = ROOT / "benchmarks" / "latest.json"
    out.write_text(json.dumps(summary, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"written {out.relative_to(ROOT)}")
    if not args.keep and args.corpus is None:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
