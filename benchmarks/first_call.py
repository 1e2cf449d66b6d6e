"""The first call of each stage in a fresh process, part by part (issue 16: under 3 s in all).

A notebook's first cell pays for the imports, the tokenizer's dictionary (jieba's 349k words
and the project's additions handed to rjieba), the gazetteer (jionlp's division tables read into
name indexes), the codebook and the POS tagger, once per kernel.  Each repetition starts a new
Python process that times these parts one after the other, then the three stages on the seed
corpus, in CPU seconds of the process (``time.process_time``: the machine is shared, so its wall
clock also counts other processes' turns) and wall seconds; the medians over the repetitions are
printed.  ``--pipeline`` also times a notebook's first cell as the notebooks write it: the
imports and ``run_pipeline`` over the seed corpus in a fresh process, with an empty cache folder
(cold) and again in another fresh process over the cache the first one wrote (warm).

    python benchmarks/first_call.py --reps 5 --pipeline
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: The parts, in the order a notebook meets them; each one's code runs in the child process.
PARTS: list[tuple[str, str]] = [
    ("imports", "import helpers.corpus, helpers.coding, helpers.metrics"),
    ("tokenizer", "from helpers.text.tokenizing import default_tokenizer as t; t().cut('预热')"),
    ("gazetteer", "from helpers.places.gazetteer import load_gazetteer as g; g()"),
    ("load_corpus", "from helpers.corpus import load_corpus; A = load_corpus(CORPUS)"),
    ("code_articles", "from helpers.coding import code_articles; code_articles(A)"),
    ("extract_metrics", "from helpers.metrics import extract_metrics; extract_metrics(A)"),
]

#: A notebook's first cell: the pipeline over the corpus, with the cache folder given.
PIPELINE_PARTS: list[tuple[str, str]] = [
    ("imports", "from helpers import pipeline"),
    ("run_pipeline", "pipeline.run_pipeline(CORPUS, cache_dir=CACHE_DIR)"),
]

CHILD = """
import json, sys, time
sys.path.insert(0, {root!r})
CORPUS = {corpus!r}
CACHE_DIR = {cache_dir!r}
out = {{}}
for name, code in {parts!r}:
    c, w = time.process_time(), time.perf_counter()
    exec(code)
    out[name] = (time.process_time() - c, time.perf_counter() - w)
print(json.dumps(out))
"""


def run_once(corpus: Path, parts: list[tuple[str, str]] = PARTS, cache_dir: Path | None = None,
             tree: Path = ROOT) -> dict[str, tuple[float, float]]:
    """One fresh process importing ``helpers`` from ``tree``: {part: (CPU s, wall s)}."""
    code = CHILD.format(root=str(tree), corpus=str(corpus), parts=parts,
                        cache_dir=None if cache_dir is None else str(cache_dir))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, cwd=tree)
    return {k: tuple(v) for k, v in json.loads(done.stdout.strip().splitlines()[-1]).items()}


def with_totals(run: dict[str, tuple[float, float]], parts: list[tuple[str, str]]
                ) -> dict[str, tuple[float, float]]:
    """``run`` with the sums: the first three parts (imports, tokenizer, gazetteer) and all."""
    out = dict(run)
    if len(parts) > 3:
        out["imports+tok+gaz"] = tuple(sum(run[n][k] for n, _ in parts[:3]) for k in (0, 1))
    out["all parts"] = tuple(sum(run[n][k] for n, _ in parts) for k in (0, 1))
    return out


def print_medians(columns: dict[str, list[dict[str, tuple[float, float]]]], label: str) -> None:
    """One row per part: the median CPU and wall seconds of each column's runs."""
    names = list(next(iter(columns.values()))[0])
    print(f"{label:<28}" + "".join(f"{c + ' CPU':>16}{'wall':>7}" for c in columns))
    for name in names:
        row = "".join(f"{statistics.median(r[name][0] for r in runs):16.2f}"
                      f"{statistics.median(r[name][1] for r in runs):7.2f}"
                      for runs in columns.values())
        print(f"{name:<28}{row}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpus" / "raw")
    parser.add_argument("--baseline", type=Path,
                        help="another checkout (e.g. `git archive` of a commit) timed in turn")
    parser.add_argument("--pipeline", action="store_true",
                        help="also run_pipeline in fresh processes, cold and warm cache")
    args = parser.parse_args()
    trees = {"now": ROOT} if args.baseline is None else {"before": args.baseline, "now": ROOT}
    runs: dict[str, list] = {name: [] for name in trees}
    cold: dict[str, list] = {name: [] for name in trees}
    warm: dict[str, list] = {name: [] for name in trees}
    for _ in range(args.reps):
        for name, tree in trees.items():  # alternated: the machine's load falls on both
            runs[name].append(with_totals(run_once(args.corpus, tree=tree), PARTS))
            if args.pipeline:
                with tempfile.TemporaryDirectory(prefix="first-call-") as tmp:
                    cold[name].append(with_totals(
                        run_once(args.corpus, PIPELINE_PARTS, Path(tmp), tree), PIPELINE_PARTS))
                    warm[name].append(with_totals(
                        run_once(args.corpus, PIPELINE_PARTS, Path(tmp), tree), PIPELINE_PARTS))
    print(f"medians of {args.reps} fresh processes per column, CPU and wall seconds")
    print_medians(runs, "first call of each stage")
    if args.pipeline:
        print_medians(cold, "run_pipeline, empty cache")
        print_medians(warm, "run_pipeline, warm cache")


if __name__ == "__main__":
    main()
