"""The coding and metrics stages' CPU seconds with the modules of a baseline commit against the
working tree's, in one process, alternated (issue 16; never run by the tests).

As ``ab_load.py`` does for the load stage: two renamed copies of ``helpers/`` (the files under
``--paths`` as at ``--baseline`` in one, as in the working tree in the other, every other module
as committed at ``--others``), the same articles (``compare_stages.py``'s pickle of a folder's
``load_corpus``) given to both, each stage timed in alternation in CPU seconds of the process
(``time.process_time``, the machine being shared) and its tables checked equal.

    python benchmarks/ab_stages.py /tmp/ref/articles_x.pkl --baseline 7e807a3 --reps 3
"""

from __future__ import annotations

import argparse
import importlib
import pickle
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from ab_load import renamed_copy
from compare_tables import build_tree

#: The modules of the coding and metrics stages (issue 16's speed work on them).
STAGE_PATHS = ("helpers/metrics.py", "helpers/metric_context.py", "helpers/metric_labels.py",
               "helpers/numerals.py", "helpers/coding.py", "helpers/text")


def stage_calls(package: str) -> dict[str, object]:
    """The stage functions of the renamed package, with their first loads done."""
    coding = importlib.import_module(f"{package}.coding")
    metrics = importlib.import_module(f"{package}.metrics")
    pos = importlib.import_module(f"{package}.text.pos")
    coding.default_codebook()
    pos.pos_tagger().lcut("预热")
    return {"segments": coding.code_segments, "codes": coding.code_articles,
            "metrics": metrics.extract_metrics}


def main() -> None:
    import pandas as pd

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("articles", type=Path, help="a pickled articles table")
    parser.add_argument("--baseline", required=True)
    parser.add_argument("--others", default="HEAD")
    parser.add_argument("--stages", default="segments,codes,metrics")
    parser.add_argument("--reps", type=int, default=3)
    args = parser.parse_args()
    articles = pickle.loads(args.articles.read_bytes())
    with tempfile.TemporaryDirectory() as tmp:
        where = Path(tmp)
        for name, own in (("helpers_before", args.baseline), ("helpers_after", None)):
            tree = build_tree(where / f"tree_{name}", others=args.others, own=own,
                              paths=STAGE_PATHS)
            renamed_copy(tree, name, where / "pkgs")
        sys.path.insert(0, str(where / "pkgs"))
        calls = {name: stage_calls(name) for name in ("helpers_before", "helpers_after")}
        for stage in args.stages.split(","):
            seconds: dict[str, list[float]] = {"helpers_before": [], "helpers_after": []}
            tables = {}
            for _ in range(args.reps):
                for name in ("helpers_before", "helpers_after"):
                    start = time.process_time()
                    tables[name] = calls[name][stage](articles)
                    seconds[name].append(time.process_time() - start)
            pd.testing.assert_frame_equal(tables["helpers_before"], tables["helpers_after"],
                                          check_exact=True)
            before, after = min(seconds["helpers_before"]), min(seconds["helpers_after"])
            print(f"{stage}: before {before:.2f} CPU s, after {after:.2f} CPU s "
                  f"({after / before:.2f}x; best of {args.reps}; all "
                  f"{[round(s, 2) for s in seconds['helpers_before']]} / "
                  f"{[round(s, 2) for s in seconds['helpers_after']]}); tables identical",
                  flush=True)


if __name__ == "__main__":
    main()
