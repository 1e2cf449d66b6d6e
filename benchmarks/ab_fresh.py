"""The metrics stage's CPU seconds in a fresh process per run, a baseline's helpers against the
working tree's, alternated (issue 16; never run by the tests).

``ab_stages.py`` times both versions in one process, so a cache that a change adds (an
``lru_cache`` of names or numbers) is warm from the second repetition on; a user's first run
has it cold.  Here every run is a new process: ``helpers/`` as committed at ``--baseline``
(``git archive``) or as in the working tree, the tokenizer and the POS tagger loaded first
(not timed), then ``extract_metrics`` on a pickled articles table (``compare_stages.py``'s
``articles_*.pkl``) timed in CPU seconds of the process (the machine is shared).

    python benchmarks/ab_fresh.py /tmp/cmp/articles_tmp_bench3.pkl --baseline main --reps 3
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_RUN = """
import pickle, sys, time
sys.path.insert(0, sys.argv[1])
from helpers.metrics import extract_metrics
from helpers.text.pos import pos_tagger
pos_tagger().lcut("预热")
with open(sys.argv[2], "rb") as handle:
    articles = pickle.load(handle)
start = time.process_time()
extract_metrics(articles)
print(time.process_time() - start)
"""


def build_trees(where: Path, baseline: str) -> dict[str, Path]:
    """``helpers/`` as at ``baseline`` and as in the working tree, each in its own folder."""
    before, after = where / "before", where / "after"
    before.mkdir()
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", baseline, "helpers"],
                             check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(before)], input=archive, check=True)
    shutil.copytree(ROOT / "helpers", after / "helpers",
                    ignore=shutil.ignore_patterns("__pycache__"))
    return {"before": before, "after": after}


def _child_env() -> dict[str, str]:
    """This process's environment without ``PYTHONPATH`` (the tree comes first on the path)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHONHASHSEED"] = "0"
    return env


def run_once(tree: Path, articles: Path) -> float:
    """CPU seconds of ``extract_metrics`` in a fresh process with the helpers of ``tree``."""
    out = subprocess.run([sys.executable, "-c", _RUN, str(tree), str(articles)], check=True,
                         capture_output=True, text=True, env=_child_env())
    return float(out.stdout.split()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("articles", type=Path, help="a pickled articles table")
    parser.add_argument("--baseline", required=True, help="the commit to compare with")
    parser.add_argument("--reps", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ab-fresh-") as tmp:
        trees = build_trees(Path(tmp), args.baseline)
        seconds: dict[str, list[float]] = {name: [] for name in trees}
        for _ in range(args.reps):
            for name, tree in trees.items():
                seconds[name].append(run_once(tree, args.articles.resolve()))
    before, after = (statistics.median(seconds[n]) for n in ("before", "after"))
    print(f"extract_metrics, fresh process each: before {before:.2f} CPU s, after {after:.2f} "
          f"CPU s (medians of {args.reps}; {after / before:.2f}x; all "
          f"{[round(s, 2) for s in seconds['before']]} / "
          f"{[round(s, 2) for s in seconds['after']]})")


if __name__ == "__main__":
    main()
