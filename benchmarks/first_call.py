"""The first call of each stage in a fresh process, part by part (issue 16: under 3 s in all).

A notebook's first cell pays for the imports, the tokenizer's dictionary (jieba's 349k words
and the project's additions handed to rjieba), the gazetteer (jionlp's division tables read into
name indexes), the codebook and the POS tagger, once per kernel.  Each repetition starts a new
Python process that times these parts one after the other, then the three stages on the seed
corpus, in CPU seconds of the process (``time.process_time``: the machine is shared, so its wall
clock also counts other processes' turns) and wall seconds; the medians over the repetitions are
printed.

    python benchmarks/first_call.py --reps 5
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
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

CHILD = """
import json, sys, time
sys.path.insert(0, {root!r})
CORPUS = {corpus!r}
out = {{}}
for name, code in {parts!r}:
    c, w = time.process_time(), time.perf_counter()
    exec(code)
    out[name] = (time.process_time() - c, time.perf_counter() - w)
print(json.dumps(out))
"""


def run_once(corpus: Path) -> dict[str, tuple[float, float]]:
    """One fresh process: {part: (CPU seconds, wall seconds)}."""
    code = CHILD.format(root=str(ROOT), corpus=str(corpus), parts=PARTS)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, cwd=ROOT)
    return {k: tuple(v) for k, v in json.loads(done.stdout.strip().splitlines()[-1]).items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpus" / "raw")
    args = parser.parse_args()
    runs = [run_once(args.corpus) for _ in range(args.reps)]
    print(f"{'part':<16} {'CPU s':>7} {'wall s':>7}   (medians of {args.reps} fresh processes)")
    cpu_first = wall_first = 0.0
    for name, _ in PARTS:
        cpu = statistics.median(r[name][0] for r in runs)
        wall = statistics.median(r[name][1] for r in runs)
        print(f"{name:<16} {cpu:7.2f} {wall:7.2f}")
    for r in runs:
        r["_first"] = (sum(r[n][0] for n, _ in PARTS[:3]), sum(r[n][1] for n, _ in PARTS[:3]))
        r["_all"] = (sum(r[n][0] for n, _ in PARTS), sum(r[n][1] for n, _ in PARTS))
    cpu_first = statistics.median(r["_first"][0] for r in runs)
    wall_first = statistics.median(r["_first"][1] for r in runs)
    print(f"{'imports+tok+gaz':<16} {cpu_first:7.2f} {wall_first:7.2f}")
    print(f"{'all parts':<16} {statistics.median(r['_all'][0] for r in runs):7.2f} "
          f"{statistics.median(r['_all'][1] for r in runs):7.2f}")


if __name__ == "__main__":
    main()
