"""The load stage's CPU seconds with the readers of a baseline commit against today's, step by
step, in one process (issue 16; never run by the tests).

On a shared machine wall seconds swing by 2x between two runs of the same code, so the two
versions are loaded side by side and timed in alternation, in CPU seconds of the process
(``time.process_time``).  Two copies of ``helpers/`` are built as ``compare_tables.py`` builds
them (the files under ``--paths`` as at ``--baseline`` in one, as in the working tree in the
other, every other module as committed at ``--others``), their imports renamed
(``helpers_before``, ``helpers_after``), and ``load_corpus`` run on the folder; each step of the
readers is wrapped per file (``profile_stages.wrap_steps``' steps) and the best of the
repetitions is printed per step.  The tables of the two are checked equal first.

    python benchmarks/ab_load.py /tmp/bench10 --baseline a4620610 --reps 2
"""

from __future__ import annotations

import argparse
import importlib
import re
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from compare_tables import OWN_PATHS, build_tree
from profile_stages import LOAD_STEPS, wrap_steps

_IMPORT = re.compile(r"\b(from|import) helpers(\.| |$)", re.MULTILINE)


def renamed_copy(tree: Path, name: str, where: Path) -> None:
    """``tree/helpers`` as package ``name`` under ``where`` (every import of helpers renamed)."""
    for source in (tree / "helpers").rglob("*"):
        target = where / name / source.relative_to(tree / "helpers")
        if source.is_dir():
            target.mkdir(parents=True, exist_ok=True)
        elif source.suffix == ".py":
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(_IMPORT.sub(rf"\1 {name}\2", source.read_text(encoding="utf-8")),
                              encoding="utf-8")
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(source.read_bytes())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="the pages (a bench corpus)")
    parser.add_argument("--baseline", required=True)
    parser.add_argument("--others", default="HEAD")
    parser.add_argument("--paths", default=",".join(OWN_PATHS))
    parser.add_argument("--reps", type=int, default=3)
    args = parser.parse_args()
    paths = tuple(args.paths.split(","))
    with tempfile.TemporaryDirectory(prefix="ab-load-") as tmp:
        where = Path(tmp)
        versions = {"before": args.baseline, "after": None}
        for label, own in versions.items():
            tree = build_tree(where / label, others=args.others, own=own, paths=paths)
            renamed_copy(tree, f"helpers_{label}", where / "pkgs")
        sys.path.insert(0, str(where / "pkgs"))
        seconds: dict[str, Counter[str]] = {}
        load: dict[str, Callable] = {}
        for label in versions:
            pkg = f"helpers_{label}"
            importlib.import_module(f"{pkg}.text").tokenize("预热")
            seconds[label] = Counter()
            wrap_steps(seconds[label], package=pkg)
            load[label] = importlib.import_module(f"{pkg}.corpus").load_corpus
        first = {label: fn(args.folder) for label, fn in load.items()}  # first calls: loading
        for col in first["before"].columns:
            if not first["before"][col].equals(first["after"][col]):
                raise SystemExit(f"the tables differ in column {col!r}")
        best: dict[str, dict[str, float]] = {label: {} for label in versions}
        total: dict[str, list[float]] = {label: [] for label in versions}
        for _ in range(args.reps):
            for label, fn in load.items():
                seconds[label].clear()
                start = time.process_time()
                fn(args.folder)
                total[label].append(time.process_time() - start)
                for step, secs in seconds[label].items():
                    best[label][step] = min(best[label].get(step, secs), secs)
    before, after = min(total["before"]), min(total["after"])
    print(f"tables identical ({len(first['after'])} articles); CPU seconds, best of {args.reps}")
    print(f"load_corpus: before {before:.2f}, after {after:.2f}, after/before {after / before:.3f}"
          f" (pairs {[round(b / a, 3) for a, b in zip(total['before'], total['after'])]})")
    for _, _, step in LOAD_STEPS:
        x, y = best["before"].get(step, 0.0), best["after"].get(step, 0.0)
        ratio = f"{y / x:6.2f}" if x else "     -"
        print(f"  {step:<32}{x:8.2f}{y:8.2f}{ratio}   {100 * x / before:5.1f} % "
              f"{100 * y / after:5.1f} %")


if __name__ == "__main__":
    main()
