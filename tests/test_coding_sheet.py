"""Coding sheets (helpers/coding_sheet.py): the layout a coder gets, the round trip of filled-in
codes, determinism, and every refusal naming file, sheet, row and column."""

from __future__ import annotations

import pickle
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from helpers import load_corpus
from helpers.codebook import Code, Codebook, default_codebook
from helpers.coding_sheet import (
    CODEBOOK_SHEET,
    CODING_COLUMNS,
    CODING_SHEET,
    README_SHEET,
    CodingSheetError,
    export_coding_sheet,
    import_coding_sheet,
)
from helpers.errors import InputError

SEED_DIR = Path(__file__).parent / "fixtures" / "seed"


def _code(cid: str, dimension: str, label: str) -> Code:
    return Code(id=cid, dimension=dimension, label_zh=label, label_en=cid.title(),
                definition=f"{cid} definition", include=f"{cid} include",
                exclude=f"{cid} exclude", terms=(label,), example=label)


BOOK = Codebook(codes=(_code("economy", "domain", "经济"), _code("environment", "domain", "环境"),
                       _code("campaign", "mode", "专项行动")))
ARTICLES = pd.DataFrame({
    "article_id": ["p-01", "p-02"],
    "headline": ["县域经济稳中有进", None],
    "text": ["全县招商引资签约项目12个。\n\n开展“清河行动”，整治排污口。", "=1+1 不是公式"],
})


def _fill(path: Path, cells: dict[str, object], *, sheet: str = CODING_SHEET) -> None:
    wb = openpyxl.load_workbook(path)
    for ref, value in cells.items():
        wb[sheet][ref] = value
    wb.save(path)


@pytest.fixture
def sheet(tmp_path: Path) -> Path:
    return export_coding_sheet(tmp_path / "sheet.xlsx", ARTICLES, BOOK, coder="李四")


def test_layout(sheet: Path) -> None:
    wb = openpyxl.load_workbook(sheet)
    assert wb.sheetnames == [CODING_SHEET, CODEBOOK_SHEET, README_SHEET]
    ws = wb[CODING_SHEET]
    rows = [[c.value for c in r] for r in ws.iter_rows()]
    assert rows[0] == ["article_id", "para_no", "headline", "text", "economy", "environment",
                       "campaign"]
    assert rows[1][4:] == ["经济", "环境", "专项行动"]
    # one row per paragraph (the empty line between the two paragraphs of p-01 is none)
    assert [r[:4] for r in rows[2:]] == [
        ["p-01", 1, "县域经济稳中有进", "全县招商引资签约项目12个。"],
        ["p-01", 2, "县域经济稳中有进", "开展“清河行动”，整治排污口。"],
        ["p-02", 1, None, "=1+1 不是公式"],  # no headline; text, not a formula
    ]
    assert ws["D5"].data_type == "s"
    assert all(v is None for r in rows[2:] for v in r[4:])  # nothing pre-filled
    # locked layout: the sheet protected, only the code cells editable, headers frozen
    assert ws.protection.sheet
    assert all(ws.cell(row=r, column=c).protection.locked for r in (1, 2) for c in range(1, 8))
    assert all(ws.cell(row=r, column=c).protection.locked for r in (3, 4, 5) for c in range(1, 5))
    assert not any(ws.cell(row=r, column=c).protection.locked
                   for r in (3, 4, 5) for c in range(5, 8))
    assert ws.freeze_panes == "E3"
    assert ws["D3"].alignment.wrap_text
    (dv,) = ws.data_validations.dataValidation
    assert (dv.type, dv.formula1, dv.allow_blank) == ("list", '"0,1"', True)
    assert str(dv.sqref) == "E3:G5"
    book = [[c.value for c in r] for r in wb[CODEBOOK_SHEET].iter_rows()]
    assert book[0] == ["id", "dimension", "label_zh", "label_en", "definition", "include",
                       "exclude"]
    assert book[1] == ["economy", "domain", "经济", "Economy", "economy definition",
                       "economy include", "economy exclude"]
    assert wb[CODEBOOK_SHEET].protection.sheet
    readme = wb[README_SHEET]
    assert readme["B2"].value == "李四" and readme["B3"].value == 3 and readme["B4"].value == 3
    text = " ".join(str(c.value) for c in readme["A"])
    assert "EMPTY cell counts as 0" in text and "空白单元格视为 0" in text


def test_round_trip_empty_is_zero(sheet: Path) -> None:
    _fill(sheet, {"E3": 1, "G4": 1, "F4": "1", "E4": 0, "F5": " "})
    got = import_coding_sheet(sheet, coder="李四", articles=ARTICLES)
    assert list(got.columns) == CODING_COLUMNS
    assert got["value"].tolist() == [1, 0, 0, 0, 1, 1, 0, 0, 0]
    assert got[["article_id", "para_no", "code"]].values.tolist()[:4] == [
        ["p-01", 1, "economy"], ["p-01", 1, "environment"], ["p-01", 1, "campaign"],
        ["p-01", 2, "economy"]]
    assert set(got["coder"]) == {"李四"}
    assert str(got["para_no"].dtype) == "int64" and str(got["value"].dtype) == "int64"


def test_seed_corpus_round_trip(tmp_path: Path) -> None:
    articles = load_corpus(SEED_DIR)
    book = default_codebook()
    path = export_coding_sheet(tmp_path / "seed.xlsx", articles, book)
    got = import_coding_sheet(path, coder="anyone", codebook=book, articles=articles)
    n_paras = sum(len([p for p in t.split("\n") if p]) for t in articles["text"])
    assert len(got) == n_paras * len(book.ids) and got["value"].eq(0).all()


def test_same_input_same_bytes(tmp_path: Path) -> None:
    a = export_coding_sheet(tmp_path / "a.xlsx", ARTICLES, BOOK, coder="李四")
    b = export_coding_sheet(tmp_path / "b.xlsx", ARTICLES, BOOK, coder="李四")
    assert a.read_bytes() == b.read_bytes()
    with zipfile.ZipFile(a) as z:
        core = z.read("docProps/core.xml").decode()
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    assert "2000-01-01T00:00:00Z" in core


def _error(path: Path, **kwargs: object) -> CodingSheetError:
    with pytest.raises(CodingSheetError) as info:
        import_coding_sheet(path, **{"coder": "李四", **kwargs})
    return info.value


def test_bad_cells_named(sheet: Path) -> None:
    for value in (2, "yes", True, 0.5, "=1"):
        _fill(sheet, {"F4": value})
        err = _error(sheet)
        assert (err.sheet, err.row, err.column) == (CODING_SHEET, 4, "F (environment)")
        assert str(err).startswith(f"{sheet}, sheet 'coding', row 4, column F (environment): ")
        assert "not 0, 1 or empty" in str(err)
    assert isinstance(err, InputError)
    again = pickle.loads(pickle.dumps(err))
    assert str(again) == str(err) and again.column == err.column


def test_unknown_code_column(sheet: Path) -> None:
    _fill(sheet, {"G1": "campaign_x"})
    err = _error(sheet)
    assert (err.row, err.column) == (1, "G (campaign_x)") and "unknown code" in str(err)
    # with a codebook given, the columns must be its codes
    other = Codebook(codes=BOOK.codes[:2])
    _fill(sheet, {"G1": "campaign"})
    err = _error(sheet, codebook=other)
    assert "unknown code 'campaign'" in str(err) and "the codebook given" in str(err)


@pytest.mark.parametrize("change, where", [
    ({"B1": "paragraph"}, (CODING_SHEET, 1, "B")),              # a header renamed
    ({"H1": "economy"}, (CODING_SHEET, 1, "H (economy)")),      # a column added
    ({"H4": "1"}, (CODING_SHEET, 4, "H")),                      # a value beside the sheet
    ({"B4": 1}, (CODING_SHEET, 4, None)),                       # a key duplicated
    ({"B4": "two"}, (CODING_SHEET, 4, "B (para_no)")),
    ({"A1": None}, (CODING_SHEET, 1, "A")),
])
def test_changed_layout(sheet: Path, change: dict[str, object], where: tuple) -> None:
    _fill(sheet, change)
    err = _error(sheet)
    assert (err.sheet, err.row, err.column) == where
    assert "layout changed" in str(err) or "unknown code" in str(err)


def test_rows_deleted_or_columns_removed(sheet: Path) -> None:
    wb = openpyxl.load_workbook(sheet)
    wb[CODING_SHEET].delete_rows(4)
    wb.save(sheet)
    err = _error(sheet)
    assert err.sheet == CODING_SHEET and "rows were added or deleted" in str(err)
    wb = openpyxl.load_workbook(sheet)
    wb[CODING_SHEET].delete_cols(6)
    wb.save(sheet)
    assert "no column for the code(s) environment" in str(_error(sheet))


def test_missing_sheet_wrong_coder_not_a_workbook(sheet: Path, tmp_path: Path) -> None:
    err = _error(sheet, coder="王五")
    assert "made for coder '李四'" in str(err) and err.sheet == README_SHEET
    wb = openpyxl.load_workbook(sheet)
    del wb[CODEBOOK_SHEET]
    wb.save(sheet)
    assert _error(sheet).sheet == CODEBOOK_SHEET
    junk = tmp_path / "junk.xlsx"
    junk.write_text("not a workbook")
    assert "not an XLSX workbook" in str(_error(junk))
    assert "no such file" in str(_error(tmp_path / "missing.xlsx"))
    with pytest.raises(CodingSheetError, match="coder must be"):
        import_coding_sheet(junk, coder="")


def test_texts_checked_against_articles(sheet: Path) -> None:
    changed = ARTICLES.assign(text=["全县招商引资签约项目13个。\n开展“清河行动”，整治排污口。",
                                    "=1+1 不是公式"])
    err = _error(sheet, articles=changed)
    assert (err.row, err.column) == (3, "D (text)")
    err = _error(sheet, articles=ARTICLES.iloc[:1])
    assert err.row == 5 and "not a paragraph of the articles given" in str(err)


def test_export_refuses_what_xlsx_cannot_hold(tmp_path: Path) -> None:
    bad = ARTICLES.assign(text=["a\x07b", "c"])
    with pytest.raises(CodingSheetError, match="control character"):
        export_coding_sheet(tmp_path / "x.xlsx", bad, BOOK)
