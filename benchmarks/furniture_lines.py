"""List the lines the loader sends to the furniture table over real item sets: a check without gold.

Page shells (site footers, promo lines, breadcrumbs, page tools) must leave the text that places
and agency weigh; a sentence of the report must never leave with them.  Nobody can tell that from
a score, so this lists every furniture line of every item for a reader to read, with its kind,
and (``--against`` a JSON written by an earlier run with ``--save``) only the lines that leave now
and did not before, or the reverse.  The items are others' text and stay outside the repository,
as do the listings.

    python benchmarks/furniture_lines.py --sets /work/realitems /work/realitems2 ... \
        [--save out.json] [--against before.json]

Each set folder holds ``items.csv`` (or ``items_conv.csv``) and ``items/``; items are built as
``benchmarks/real_items.py`` builds them (traditional text converted, home from the annotation).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import real_items as ri

from helpers.corpus import audit_corpus
from helpers.errors import InputError


def annotations_of(folder: Path) -> Path:
    """The set's annotation file: the converted gold when it exists, else ``items.csv``."""
    conv = folder / "items_conv.csv"
    return conv if conv.exists() else folder / "items.csv"


def furniture_of_set(folder: Path) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    """(furniture rows, conservation rows that failed) of every item of one set folder."""
    items = list(csv.DictReader(annotations_of(folder).open(encoding="utf-8")))
    rows: list[dict[str, object]] = []
    failed: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        errors = ri.build(items, items, folder / "items", out, convert=ri._converter(True),
                          home_column=True)
        for item_id, err in sorted(errors.items()):
            failed.append({"set": folder.name, "item": item_id, "error": err})
        for item_folder in sorted(out.iterdir()):
            try:
                audit = audit_corpus(item_folder)
            except InputError as err:
                failed.append({"set": folder.name, "item": item_folder.name, "error": str(err)})
                continue
            for check in audit.checks.to_dict("records"):
                if not check["ok"]:
                    failed.append({"set": folder.name, "item": item_folder.name,
                                   "error": f"not conserved: {check}"})
            for f in audit.furniture.to_dict("records"):
                rows.append({"set": folder.name, "item": item_folder.name, "line": int(f["line"]),
                             "kind": str(f["kind"]), "text": str(f["text"])})
    return rows, failed


def _key(row: dict[str, object]) -> tuple[object, ...]:
    return row["set"], row["item"], row["line"], row["text"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sets", nargs="+", type=Path, required=True)
    parser.add_argument("--save", type=Path)
    parser.add_argument("--against", type=Path)
    parser.add_argument("--kinds", nargs="*", default=None, help="list only these kinds")
    args = parser.parse_args()
    rows: list[dict[str, object]] = []
    failed: list[dict[str, object]] = []
    for folder in args.sets:
        got, bad = furniture_of_set(folder)
        rows += got
        failed += bad
    if args.save:
        args.save.write_text(json.dumps(rows, ensure_ascii=False, indent=0), encoding="utf-8")
    shown = rows
    if args.against:
        before = {_key(r): r for r in json.loads(args.against.read_text(encoding="utf-8"))}
        now = {_key(r): r for r in rows}
        shown = [{**r, "change": "new"} for k, r in now.items() if k not in before]
        shown += [{**r, "change": "gone"} for k, r in before.items() if k not in now]
        shown += [{**r, "change": f"kind {before[k]['kind']}"} for k, r in now.items()
                  if k in before and before[k]["kind"] != r["kind"]]
    if args.kinds is not None:
        shown = [r for r in shown if r["kind"] in args.kinds]
    for r in sorted(shown, key=lambda r: (str(r["set"]), str(r["item"]), int(r["line"]))):
        change = f" [{r['change']}]" if "change" in r else ""
        print(f"{r['set']}/{r['item']}:{r['line']} {r['kind']}{change}: {r['text'][:160]}")
    counts = Counter(str(r["kind"]) for r in shown)
    print("by kind:", ", ".join(f"{k} {n}" for k, n in sorted(counts.items())))
    print("lines listed:", len(shown), "of", len(rows), "furniture lines")
    for f in failed:
        print("FAILED", f)


if __name__ == "__main__":
    main()
