"""The coding and metrics tables of a baseline tree against the working tree's (issue 16).

Speed work on ``helpers/metrics*``, ``helpers/coding.py``, ``helpers/numerals.py`` and the
tokenizer must leave these tables identical.  ``dump``: load each folder once (the articles are
pickled so both trees code the very same input), then write ``code_segments``,
``code_articles`` and ``extract_metrics`` with the helpers found at ``--root`` and their CPU
seconds; ``check``: every table of two dumps equal, every column and dtype.

    python benchmarks/compare_stages.py dump --root /tmp/base corpus/raw --out /tmp/ref
    python benchmarks/compare_stages.py dump --root . corpus/raw --out /tmp/new
    python benchmarks/compare_stages.py check /tmp/ref /tmp/new
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from pathlib import Path

STAGES = ("segments", "codes", "metrics")


def load_articles(folder: Path, cache: Path):
    """The folder's articles, read once and kept in ``cache`` (the load stage is not compared)."""
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    from helpers.corpus import load_corpus

    articles = load_corpus(folder)
    cache.write_bytes(pickle.dumps(articles))
    return articles


def dump(folders: list[Path], *, root: Path, out: Path, stages: tuple[str, ...]) -> None:
    """Write each stage's table of each folder with the helpers at ``root``."""
    sys.path.insert(0, str(root.resolve()))
    from helpers.coding import code_articles, code_segments, default_codebook
    from helpers.metrics import extract_metrics

    out.mkdir(parents=True, exist_ok=True)
    for folder in folders:
        name = folder.resolve().as_posix().strip("/").replace("/", "_")
        articles = load_articles(folder, out.parent / f"articles_{name}.pkl")
        default_codebook()
        for stage in stages:
            start = time.process_time()
            if stage == "segments":
                table = code_segments(articles)
            elif stage == "codes":
                table = code_articles(articles)
            else:
                table = extract_metrics(articles)
            cpu = time.process_time() - start
            (out / f"{name}.{stage}.pkl").write_bytes(pickle.dumps(table))
            print(f"{name} {stage}: {len(table)} rows, {cpu:.2f} CPU s", flush=True)


def check(ref: Path, new: Path) -> int:
    """Print each table pair's differences; the number of differing tables."""
    import pandas as pd

    bad = 0
    for path in sorted(ref.glob("*.pkl")):
        other = new / path.name
        if not other.exists():
            print(f"{path.name}: missing in {new}")
            bad += 1
            continue
        a, b = pickle.loads(path.read_bytes()), pickle.loads(other.read_bytes())
        try:
            pd.testing.assert_frame_equal(a, b, check_exact=True)
            same_attrs = a.attrs == b.attrs
        except AssertionError as err:
            print(f"{path.name}: DIFFERENT\n{err}")
            bad += 1
            continue
        print(f"{path.name}: identical ({len(a)} rows{'' if same_attrs else ', attrs differ'})")
        bad += not same_attrs
    return bad


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump")
    d.add_argument("folders", nargs="+", type=Path)
    d.add_argument("--root", type=Path, required=True, help="the tree holding helpers/")
    d.add_argument("--out", type=Path, required=True)
    d.add_argument("--stages", default=",".join(STAGES))
    c = sub.add_parser("check")
    c.add_argument("ref", type=Path)
    c.add_argument("new", type=Path)
    args = parser.parse_args()
    if args.command == "dump":
        dump(args.folders, root=args.root, out=args.out, stages=tuple(args.stages.split(",")))
    else:
        sys.exit(1 if check(args.ref, args.new) else 0)


if __name__ == "__main__":
    main()
