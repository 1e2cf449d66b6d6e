"""Build ``corpus/annotations/demo_coding_sheet.xlsx``: the filled coding sheet notebook 02 imports.

    .venv/bin/python benchmarks/demo_coding_sheet.py [--check]

What it is.  A coding sheet (``helpers.coding_sheet``, the layout a coder without QDA software
fills in) of the seed page ``corpus/raw/000_ae97290bc4d96e06.txt``, filled with the codes of
``corpus/annotations/hand_codes.csv``: nothing else.  Those codes were given by ONE coder of the
project's developers (an AI assistant working as a helper session) from the codebook's
definitions, typical evidence and "not this code" notes, never from its term lists
(``corpus/annotations/CODING_PROTOCOL.md``).  The sheet names its coder ``CODER`` so that
every table it produces says so.  It is one coder: there is no second human coding of these
paragraphs, and this script never makes one up.

The sheet's codes are the 17 codes that were coded then: ``government_services`` joined the
codebook later and was never coded on this page, so it gets no column (an empty column would
read as "coded: no").  The sheet's codebook tab holds today's definitions of those 17 codes.

Every cell of a code the coder coded is written: 1 where ``hand_codes.csv`` gives the code, 0
elsewhere.  The paragraphs come from parsing the seed page with ``helpers.corpus.load_corpus``;
each row of ``hand_codes.csv`` is checked against its paragraph by its ``opening`` (the first
8 characters), so a change of the parse that moves paragraphs stops the build.  The output is
byte-for-byte reproducible (fixed dates and zip timestamps); ``--check`` rebuilds in memory and
exits 1 when the committed file differs.
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import zipfile
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import openpyxl
import pandas as pd
from openpyxl.writer.excel import ExcelWriter

from helpers import coding_sheet, config
from helpers.codebook import Codebook, default_codebook
from helpers.corpus import load_corpus, paragraphs

#: The coder the sheet names: what it is, not a person.
CODER = "developer (hand_codes.csv)"
#: The page the hand codes are of.
SEED_PAGE = config.CORPUS_RAW / "000_ae97290bc4d96e06.txt"
#: Codes that were not in the codebook when the seed page was hand-coded.
NOT_CODED = ("government_services",)


def demo_codebook(book: Codebook | None = None) -> Codebook:
    """The codebook without the codes the hand coder never coded."""
    book = book if book is not None else default_codebook()
    return replace(book, codes=tuple(c for c in book.codes if c.id not in NOT_CODED))


def hand_codes(path: Path = config.HAND_CODES) -> pd.DataFrame:
    hand = pd.read_csv(path, keep_default_na=False, dtype={"para_no": "int64"})
    hand["codes"] = hand["codes"].map(lambda s: [c for c in s.split(";") if c])
    return hand


def build(out: Path | None) -> bytes:
    """The workbook's bytes (also written to ``out`` when it is not None)."""
    book = demo_codebook()
    articles = load_corpus(SEED_PAGE)
    paras = paragraphs(articles).set_index(["article_id", "para_no"])["text"]
    hand = hand_codes()
    if len(hand) != len(paras):
        raise SystemExit(f"hand_codes.csv has {len(hand)} rows, the seed page {len(paras)} "
                         "paragraphs")
    for r in hand.itertuples(index=False):
        text = paras.get((r.article_id, r.para_no))
        if text is None or not text.startswith(r.opening):
            raise SystemExit(f"hand_codes.csv row {r.article_id} {r.para_no} ({r.opening}) does "
                             "not open its paragraph in the parse of the seed page")
        unknown = set(r.codes) - set(book.ids)
        if unknown:
            raise SystemExit(f"unknown codes {sorted(unknown)} in {r.article_id} {r.para_no}")

    with tempfile.TemporaryDirectory() as folder:
        blank = coding_sheet.export_coding_sheet(Path(folder) / "blank.xlsx", articles, book,
                                                 coder=CODER).read_bytes()
    wb = openpyxl.load_workbook(io.BytesIO(blank))
    ws = wb[coding_sheet.CODING_SHEET]
    header = {ws.cell(1, j).value: j for j in range(1, ws.max_column + 1)}
    rows = {(ws.cell(i, 1).value, int(ws.cell(i, 2).value)): i
            for i in range(coding_sheet.HEADER_ROWS + 1, ws.max_row + 1)}
    for r in hand.itertuples(index=False):
        i = rows[(r.article_id, r.para_no)]
        for code in book.ids:
            ws.cell(i, header[code]).value = int(code in r.codes)
    wb.properties.created = coding_sheet.FIXED_DATE
    wb.properties.modified = coding_sheet.FIXED_DATE
    buffer = io.BytesIO()  # as export_coding_sheet writes: wb.save would stamp the time
    ExcelWriter(wb, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED)).save()
    data = coding_sheet._fixed_zip(buffer.getvalue())  # same bytes on every run

    # read back through the import the notebook uses: same codes as hand_codes.csv
    with tempfile.TemporaryDirectory() as folder:
        check = Path(folder) / "demo.xlsx"
        check.write_bytes(data)
        back = coding_sheet.import_coding_sheet(check, coder=CODER, codebook=book,
                                                articles=articles)
    got = back[back["value"] == 1].groupby(["article_id", "para_no"])["code"].agg(sorted)
    for r in hand.itertuples(index=False):
        if got.get((r.article_id, r.para_no), []) != sorted(r.codes):
            raise SystemExit(f"read back differs at {r.article_id} {r.para_no}")
    if out is not None:
        out.write_bytes(data)
    return data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="rebuild in memory; exit 1 when the committed file differs")
    args = parser.parse_args(argv)
    out = config.DEMO_CODING_SHEET
    if args.check:
        same = out.exists() and build(None) == out.read_bytes()
        print(f"{out.relative_to(config.ROOT)}: {'up to date' if same else 'DIFFERS'}")
        return 0 if same else 1
    build(out)
    print(f"wrote {out.relative_to(config.ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
