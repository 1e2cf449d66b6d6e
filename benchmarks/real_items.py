"""Measure load_corpus on real published items: format fields and localities against annotations.

The items themselves are others' text and stay outside the repository; their annotations
(`corpus/annotations/real_items.csv`: URL, bibliographic fields, the locality read by hand) are
facts and are kept.  Put the item files (named as in the `file` column) in one folder and run

    python benchmarks/real_items.py --items /path/to/items --split dev [--show]

Each article or page item is read from a folder of its own whose `metadata.yaml` gives the
annotated `home` (what a researcher knows of the site an item came from); each table file from a
folder of its own, with a 地区/home column added from the annotations when `--home-column` is
given (a table gathered from several county sites records each row's site).  A file in
traditional characters is refused by the toolkit (corpus/README.md): with `--convert` it is
converted first with OpenCC's t2s, as the README tells a researcher to (needs `pip install
opencc-python-reimplemented`); without, it counts as an error.  Prints the share right per
field, the first score being the one to quote for a split never tuned on, and the locality
again with zones compared by identity (own name and kind within the city: annotators print the
form the text prints, the toolkit the gazetteer's or a completed one).  A `home` several units
share is given with the item's annotated city, as the toolkit's error asks a researcher to.
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from helpers.corpus import read_corpus
from helpers.errors import InputError
from helpers.formats.metadata import check_home
from helpers.text.decoding import check_simplified

PLACE_FIELDS = ["locality", "level", "province", "prefecture", "admin_code", "township", "agency"]
PRIMARY = ["locality", "level", "province"]
ANNOTATIONS = ROOT / "corpus" / "annotations" / "real_items.csv"
NOTES: list[str] = []  # annotated homes the gazetteer does not know (left out)


def _converter(convert: bool):
    if not convert:
        return None
    import opencc
    return opencc.OpenCC("t2s").convert


def _simplified(text: str, convert) -> str:
    try:
        check_simplified(text)
    except InputError:
        if convert is None:
            raise
        return convert(text)
    return text


def _text_encoding(path: Path) -> str:
    for enc in ("utf-8-sig", "gb18030"):
        try:
            path.read_bytes().decode(enc)
            return enc
        except UnicodeDecodeError:
            continue
    raise ValueError(f"{path}: not UTF-8 or GB18030")


def _copy_table(src: Path, dst: Path, homes: dict[int, str], convert, home_column: bool) -> None:
    """A table item file, converted to simplified if asked, with a home column if asked and the
    table has none of its own."""
    if src.suffix == ".xlsx":
        import openpyxl
        book = openpyxl.load_workbook(src)
        sheet = book.worksheets[0]
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and convert is not None:
                    cell.value = convert(cell.value)
        header = [str(c.value or "").strip().casefold() for c in sheet[1]]
        if home_column and not _has_home(header):
            col = sheet.max_column + 1
            sheet.cell(1, col, "地区")
            for r in range(2, sheet.max_row + 1):
                sheet.cell(r, col, homes.get(r - 1) or None)
        book.save(dst)
        return
    enc = _text_encoding(src)
    text = src.read_bytes().decode(enc)
    text = convert(text) if convert is not None else text
    if src.suffix == ".jsonl":
        lines = [json.loads(line) for line in text.splitlines() if line.strip()]
        if home_column and not _has_home([k.casefold() for k in lines[0]]):
            for k, obj in enumerate(lines, start=1):
                obj["home"] = homes.get(k, "")
        text = "".join(json.dumps(obj, ensure_ascii=False) + "\n" for obj in lines)
    elif home_column and not _has_home(
            [c.strip().casefold() for c in text.splitlines()[0].split(",")]):
        import pandas as pd
        frame = pd.read_csv(src, dtype=str, keep_default_na=False, encoding=enc)
        if convert is not None:
            frame = frame.map(convert)
        frame["地区"] = [homes.get(k, "") for k in range(1, len(frame) + 1)]
        text = frame.to_csv(index=False)
    dst.write_bytes(text.encode(enc if enc != "utf-8-sig" else "utf-8-sig", errors="strict"))


def _known_home(home: str, notes: list[str], item: dict | None = None) -> str:
    """The annotated home, or "" when the gazetteer does not know it: the toolkit refuses such a
    home and asks for today's name, which the researcher then gives or leaves out.  A name
    several units share (普陀区) is refused with the list of them; the researcher, who knows the
    site, gives the one in the item's city or province with its city (舟山市普陀区), as the
    error asks."""
    if not home:
        return ""
    try:
        check_home(home, path=Path("metadata.yaml"))
    except InputError:
        qualified = _qualified_home(home, item)
        if qualified:
            return qualified
        notes.append(home)
        return ""
    return home


def _qualified_home(home: str, item: dict | None) -> str:
    """``home`` written with its city when exactly one of the units it names lies in the
    item's annotated prefecture (else province)."""
    from helpers.places.weigh import home_candidates
    if item is None:
        return ""
    cands = home_candidates(home)
    for field, attr in (("prefecture", "prefecture"), ("province", "province")):
        match = [p for p in cands if item.get(field) and getattr(p, attr) == item[field]]
        if len(match) == 1:
            p = match[0]
            return (p.prefecture if p.prefecture != p.name else p.province) + p.name
    return ""


def _has_home(header: list[str]) -> bool:
    from helpers.formats.tables import FIELD_NAMES
    return any(name.casefold() in header for name in FIELD_NAMES["home"])


def build(items: list[dict], all_items: list[dict], src: Path, out: Path, *,
          convert, home_column: bool) -> dict[str, str]:
    """One folder per item (tables: per file); returns errors met while copying."""
    errors: dict[str, str] = {}
    for it in items:
        if it["format"] == "table":
            continue
        folder = out / it["item_id"]
        folder.mkdir()
        try:
            text = _simplified((src / it["file"]).read_text(encoding="utf-8"), convert)
        except InputError as err:
            errors[it["item_id"]] = str(err)
            continue
        (folder / it["file"]).write_text(text, encoding="utf-8")
        home = _known_home(it["home"], NOTES, it)
        meta = f"home: {home}\n" if home else ""
        (folder / "metadata.yaml").write_text(meta, encoding="utf-8")
    for name in sorted({it["file"] for it in items if it["format"] == "table"}):
        folder = out / ("table_" + Path(name).stem)
        folder.mkdir()
        homes = {int(it["row"]): _known_home(it["home"], NOTES, it) for it in all_items
                 if it["format"] == "table" and it["file"] == name}
        _copy_table(src / name, folder / name, homes, convert, home_column)
    return errors


def score(items: list[dict], out: Path, errors: dict[str, str]) -> dict[str, dict]:
    """Each item's row of the articles table (the longest article of a page item)."""
    got: dict[str, dict] = {}
    for folder in sorted(out.iterdir()):
        try:
            articles = read_corpus(folder).articles
        except InputError as err:
            for it in items:
                if folder.name in (it["item_id"], "table_" + Path(it["file"]).stem):
                    errors[it["item_id"]] = str(err)[:160]
            continue
        for it in items:
            if it["format"] == "table" and folder.name == "table_" + Path(it["file"]).stem:
                rows = articles[articles["line_start"] == int(it["row"])]
                got[it["item_id"]] = rows.iloc[0].to_dict() if len(rows) else {}
            elif folder.name == it["item_id"] and len(articles):
                got[it["item_id"]] = articles.loc[articles["text"].str.len().idxmax()].to_dict()
    return got


def _same_text(a: str | None, b: str | None, convert=None) -> bool:
    """Headlines equal but for whitespace and ASCII/full-width commas and colons (and script,
    when traditional items were converted)."""
    def norm(v):
        v = "".join(str(v or "").split()).replace(",", "，").replace(":", "：")
        return convert(v) if convert is not None else v
    return norm(a) == norm(b)


def _zone_key(name: str, prefecture: str | None, province: str | None) -> tuple | None:
    """A zone's own name and kind with its province's, city's or a county's name before it
    removed (枣庄高新技术产业开发区 and 高新区 of 枣庄市 are one zone; CONVENTIONS L-zone-name has
    annotators print the fullest form printed and the toolkit the gazetteer's or a completed
    one), or None for a name with no zone ending.  The kinds are the zones module's (经开区 is
    the short form of 经济技术开发区, a development zone)."""
    from helpers.places import load_gazetteer
    from helpers.places.zones import _own_and_kind
    gaz = load_gazetteer()
    units = [u for u in (province, prefecture) if u]
    units += [p.name for places in gaz.full.values() for p in places
              if p.level == "county" and p.prefecture == prefecture]
    forms = [f for u in units for f in (u, *gaz.forms.get(u, ()))]
    own, kind = _own_and_kind(name.removeprefix("国家级"), forms)
    if kind is None:
        return None
    return prefecture, own.removeprefix("国家级").removeprefix("国家"), kind


def _same_zone(it: dict, g: dict) -> bool:
    """Annotation and result name one zone: both level zone, one city, one own name and kind."""
    if it["level"] != "zone" or g.get("level") != "zone" or not g.get("locality"):
        return False
    if (it["prefecture"] or None) != g.get("prefecture"):
        return False
    a = _zone_key(it["locality"], it["prefecture"] or None, it["province"] or None)
    b = _zone_key(g["locality"], g.get("prefecture"), g.get("province"))
    return a is not None and a == b


def report(items: list[dict], got: dict[str, dict], errors: dict[str, str], show: bool,
           convert=None) -> None:
    n = len(items)
    right = dict.fromkeys(PLACE_FIELDS + ["all three", "headline", "published",
                                          "locality, zones by identity",
                                          "all three, zones by identity"], 0)
    for it in items:
        g = got.get(it["item_id"], {})
        ok = {f: (it[f] or None) == g.get(f) for f in PLACE_FIELDS}
        ok["all three"] = all(ok[f] for f in PRIMARY)
        ok["locality, zones by identity"] = ok["locality"] or _same_zone(it, g)
        ok["all three, zones by identity"] = ok["locality, zones by identity"] and ok["level"] and (
            ok["province"])
        ok["headline"] = not it["headline"] or _same_text(it["headline"], g.get("headline"),
                                                          convert)
        have = g.get("published")
        ok["published"] = (it["published"] or None) == (str(have) if have else None)
        for key, value in ok.items():
            right[key] += value
        if show and not all(v for k, v in ok.items() if "identity" not in k):
            wrong = {f: (it[f] or None, g.get(f)) for f in PLACE_FIELDS if not ok[f]}
            if not ok["headline"]:
                wrong["headline"] = (it["headline"][:20], str(g.get("headline"))[:20])
            if not ok["published"]:
                wrong["published"] = (it["published"], str(have))
            print(f"  {it['item_id']:6} {errors.get(it['item_id'], '')[:80]} {wrong}")
    for key, value in right.items():
        print(f"  {key:11} {value:3}/{n} = {100 * value / n:5.1f} %")
    print("  (zones by identity: a zone's name compared without its city's or county's name,\n"
          "   short endings as their kind: 高新区 of 枣庄市 = 枣庄高新技术产业开发区)")
    if errors:
        print(f"  errors: {len(errors)}: {sorted(errors)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--items", type=Path, required=True, help="folder of the item files")
    parser.add_argument("--annotations", type=Path, default=ANNOTATIONS)
    parser.add_argument("--split", default="all", help="dev, test, test2 or all")
    parser.add_argument("--convert", action="store_true", help="OpenCC t2s traditional items")
    parser.add_argument("--home-column", action="store_true", help="tables record each row's home")
    parser.add_argument("--show", action="store_true", help="list the items with a wrong field")
    parser.add_argument("--keep", type=Path, help="also copy the built corpus here (to debug)")
    args = parser.parse_args()
    with open(args.annotations, encoding="utf-8") as fh:
        all_items = list(csv.DictReader(fh))
    items = [it for it in all_items if args.split == "all" or it["split"] == args.split]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        errors = build(items, all_items, args.items, out, convert=_converter(args.convert),
                       home_column=args.home_column)
        got = score(items, out, errors)
        if args.keep is not None:
            shutil.copytree(out, args.keep, dirs_exist_ok=True)
    print(f"split={args.split} items={len(items)} convert={args.convert} "
          f"home_column={args.home_column}")
    if NOTES:
        print(f"  homes the gazetteer does not know, left out: {sorted(set(NOTES))}")
    report(items, got, errors, args.show, _converter(args.convert))


if __name__ == "__main__":
    main()
