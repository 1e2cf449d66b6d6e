"""Where each stage of the pipeline spends its time (issue 16; never run by the tests).

For one stage (``load``: ``load_corpus``; ``code``: ``code_articles``; ``metrics``:
``extract_metrics``) on a bench corpus (``benchmarks/run.py``'s pages, generated if the folder is
empty): the stage's CPU seconds unprofiled (this process's: on a shared machine the wall clock
also counts the other processes' turns), bare ``jieba.lcut`` over the same articles in the same
process (only this ratio compares across runs), then the stage again under cProfile: the top
functions by own time and by cumulative time.  ``--steps`` adds, for ``load``, the CPU seconds
of each step of the readers (wrapped per file, not per line, so the figures are not the
profiler's).

    python benchmarks/profile_stages.py --stage load --corpus /tmp/bench10 --size-mb 10
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
STAGES = ("load", "code", "metrics")


def stage_function(stage: str, folder: Path) -> Callable[[], object]:
    """The call that runs ``stage`` once (its inputs, the articles, read beforehand)."""
    from helpers.corpus import load_corpus

    if stage == "load":
        return lambda: load_corpus(folder)
    articles = load_corpus(folder)
    if stage == "code":
        from helpers.coding import code_articles, default_codebook

        default_codebook()
        return lambda: code_articles(articles)
    from helpers.metrics import extract_metrics
    from helpers.text.pos import pos_tagger

    pos_tagger().lcut("预热")
    return lambda: extract_metrics(articles)


#: (module under the package, function, label): the load stage's steps, timed per call.
LOAD_STEPS = [("corpus", "read_page", "decode (read_page)"),
              ("corpus", "read_file", "readers (read_file)"),
              ("formats.read", "detect_format", "  detect_format"),
              ("formats.read", "_read_page", "  page reader (_read_page)"),
              ("formats.read", "parse_articles", "    layout (parse_articles)"),
              ("layout", "read_lines", "      read_lines"),
              ("layout", "mark_side_columns", "      mark_side_columns"),
              ("layout", "estimate_columns", "      estimate_columns"),
              ("layout", "classify_lines", "      classify_lines"),
              ("layout", "assemble_articles", "      assemble_articles"),
              ("corpus", "locate_article", "places (locate_article)")]


def wrap_steps(seconds: Counter[str], *, package: str = "helpers") -> None:
    """Time the load stage's steps of ``package``: each wrapper adds its call's CPU seconds
    under its label."""
    import importlib

    for module_name, name, label in LOAD_STEPS:
        module = importlib.import_module(f"{package}.{module_name}")
        setattr(module, name, timed(getattr(module, name), label, seconds))


def timed(fn: Callable, label: str, seconds: Counter[str]) -> Callable:
    """``fn``, adding the CPU seconds of each call to ``seconds[label]``."""
    def wrapper(*args: object, **kwargs: object) -> object:
        start = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            seconds[label] += time.process_time() - start
    return wrapper


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stage", choices=STAGES, required=True)
    parser.add_argument("--corpus", type=Path, required=True,
                        help="the bench pages (generated here when the folder has none)")
    parser.add_argument("--size-mb", type=float, default=10.0)
    parser.add_argument("--top", type=int, default=25, help="functions listed per ordering")
    parser.add_argument("--steps", action="store_true", help="load: seconds of each step")
    parser.add_argument("--out", type=Path, help="write the pstats file here")
    args = parser.parse_args()

    if not any(args.corpus.glob("*.txt")):
        sys.path.insert(1, str(ROOT / "benchmarks"))
        sys.path.insert(2, str(ROOT / "tests"))
        from run import generate

        generate(args.corpus, args.size_mb)
    import jieba

    from helpers import text

    jieba.setLogLevel(60)
    jieba.initialize()
    text.tokenize("预热")
    seconds: Counter[str] = Counter()
    if args.steps and args.stage == "load":
        wrap_steps(seconds)
    run = stage_function(args.stage, args.corpus)
    seconds.clear()
    start, wall = time.process_time(), time.perf_counter()
    run()
    plain, wall = time.process_time() - start, time.perf_counter() - wall
    steps = dict(seconds)  # (the wrappers go on counting below)
    from helpers.corpus import load_corpus

    texts = list(load_corpus(args.corpus)["text"])
    start = time.process_time()
    for body in texts:
        jieba.lcut(body)
    bare = time.process_time() - start
    mb = sum(p.stat().st_size for p in args.corpus.glob("*.txt")) / 1e6
    print(f"{args.stage}: {plain:.2f} CPU s unprofiled over {mb:.1f} MB ({wall:.2f} s wall); "
          f"bare jieba.lcut {bare:.2f} CPU s in the same process; stage / jieba = "
          f"{plain / bare:.2f}")
    for label, secs in steps.items():
        print(f"  {label:<32} {secs:7.2f} s  {secs / bare:6.3f} x jieba  "
              f"{100 * secs / plain:5.1f} %")
    profile = cProfile.Profile()
    profile.enable()
    run()
    profile.disable()
    stream = io.StringIO()
    stats = pstats.Stats(profile, stream=stream)
    if args.out:
        stats.dump_stats(args.out)
    stats.strip_dirs().sort_stats("tottime").print_stats(args.top)
    stats.sort_stats("cumulative").print_stats(args.top)
    print(stream.getvalue())


if __name__ == "__main__":
    main()
