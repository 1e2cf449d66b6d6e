"""Coding sheets: paragraphs coded by people without QDA software, in Excel or LibreOffice.

``export_coding_sheet(path, articles, codebook, *, coder=None)`` writes an XLSX workbook:

- sheet ``coding``: one row per paragraph (``article_id``, ``para_no``, ``headline``, ``text``;
  paragraphs as in ``helpers.corpus.paragraphs``: the non-empty lines of the text, numbered from
  1) and one column per code of the codebook, headed by the code id (row 1) and its Chinese
  label (row 2).  A code cell takes 1 (the paragraph carries the code) or 0; an **empty cell
  counts as 0** (so a coder only types the 1s).  The cells check their input (a list 0/1); the
  sheet is protected without a password: the text columns and the headers are locked, only the
  code cells can be edited (filtering, resizing rows and columns stay allowed); the two header
  rows and the four text columns are frozen (the paragraph stays in view while its codes are
  typed), long text wraps, the narrow code columns carry their ids turned upwards.
- sheet ``codebook``: id, dimension, Chinese and English labels, definition, include, exclude.
- sheet ``README``: the layout version, the coder, the number of paragraphs and codes, the
  codebook's hash, then how to fill the sheet in (Chinese and English).

``import_coding_sheet(path, *, coder)`` reads a filled sheet back as a long table of paragraph
codings, ``CODING_COLUMNS``: ``article_id``, ``para_no``, ``code``, ``coder``, ``value`` — one
row per paragraph of the sheet and code column, ``value`` 1 or 0 (empty read as 0), in sheet
order then column order.  It is the table ``helpers.reliability`` takes; the codes a paragraph
carries are its rows with ``value == 1``.

Refused, with a ``CodingSheetError`` (a ``helpers.errors.InputError``) naming the file, the
sheet, the row and the column: a file that is not an XLSX workbook; a missing sheet; a changed
layout (headers renamed, moved, removed or added, rows added or removed, a duplicated or
malformed paragraph key, anything written right of the last code column); a code column whose
id is not in the workbook's codebook sheet (or, with ``codebook=``, not in that codebook); a
code cell holding anything but 0, 1 or nothing (2, "yes", TRUE, a formula); with
``articles=``, a paragraph whose text is not the article's.

Determinism: the same tables give the same bytes.  The workbook's created and modified dates are
a fixed date (``FIXED_DATE``, 2000-01-01T00:00:00Z: openpyxl cannot leave them out), not the
time of writing, and the zip entries are rewritten with a fixed timestamp, in the order
openpyxl writes them.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import numbers
import os
import zipfile
from os import PathLike
from pathlib import Path

import openpyxl
import pandas as pd
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.writer.excel import ExcelWriter

from helpers.codebook import Codebook
from helpers.corpus import iter_paragraphs, paragraphs
from helpers.errors import InputError

__all__ = [
    "CODEBOOK_SHEET",
    "CODING_COLUMNS",
    "CODING_SHEET",
    "FIXED_COLUMNS",
    "LAYOUT",
    "README_SHEET",
    "CodingSheetError",
    "export_coding_sheet",
    "import_coding_sheet",
]

#: The long table of paragraph codings (import_coding_sheet, helpers.reliability).
CODING_COLUMNS = ["article_id", "para_no", "code", "coder", "value"]
CODING_SHEET, CODEBOOK_SHEET, README_SHEET = "coding", "codebook", "README"
#: The columns before the code columns, with the label of the second header row.
FIXED_COLUMNS = {"article_id": "文章编号", "para_no": "段落", "headline": "标题", "text": "段落文本"}
CODEBOOK_COLUMNS = ["id", "dimension", "label_zh", "label_en", "definition", "include", "exclude"]
HEADER_ROWS = 2  # row 1: column ids (read back); row 2: Chinese labels (for the coder)
#: Written in the README sheet and checked on import: a sheet of another layout is refused.
LAYOUT = "govreports coding sheet 1"
README_KEYS = ("layout", "coder", "paragraphs", "codes", "codebook sha256")
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
#: The workbook's created and modified dates (a fixed date, not the time of writing).
FIXED_DATE = dt.datetime(2000, 1, 1)
EXCEL_CELL_MAX = 32767  # characters an Excel cell holds

README_TEXT = [
    "如何填写 / How to fill in",
    ("1. 在 coding 工作表中，每一行是一个段落。请阅读段落（及标题），在每个代码列中填 1（该段落属于此代码）"
    "或 0（不属于）。空白单元格视为 0：只填 1 即可。"),
    ("1. In the sheet 'coding' each row is one paragraph. Read it (and its headline) and type 1 in a "
    "code's column when the paragraph carries the code, 0 when not. An EMPTY cell counts as 0: "
    "typing only the 1s is enough."),
    "2. 代码的定义、包含与排除说明见 codebook 工作表。一个段落可以有多个代码，也可以没有。",
    ("2. The definitions, with what each code includes and excludes, are in the sheet 'codebook'. "
    "A paragraph may carry several codes, or none."),
    "3. 只能编辑代码单元格；请勿增删行列、改动表头或文本，也不要排序或另存为其他格式（保存为 .xlsx）。",
    ("3. Only the code cells can be edited. Do not add or delete rows or columns, change headers "
    "or text, sort the rows, or save in another format (keep .xlsx). Filtering is fine."),
    "4. 单元格只接受 0、1 或空白；其他内容在导入时会报错并指出行列。",
    ("4. A code cell takes 0, 1 or nothing; anything else is refused on import, with its row and "
    "column named."),
    "5. 请独立编码，不要与其他编码员商量，也不要参考词典编码结果。",
    "5. Code on your own: do not confer with other coders or look at the dictionary's codes.",
]


class CodingSheetError(InputError):
    """A coding sheet that cannot be read back: names the file, the sheet, the 1-based row and
    the column (letter and header) where known."""

    def __init__(self, message: str, path: str | PathLike[str] | None = None,
                 sheet: str | None = None, row: int | None = None,
                 column: str | None = None) -> None:
        self.sheet = sheet
        self.row = row
        self.column = column
        super().__init__(message, path, None)

    def _format(self) -> str:
        where = [os.fspath(self.path)] if self.path is not None else []
        if self.sheet is not None:
            where.append(f"sheet {self.sheet!r}")
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column is not None:
            where.append(f"column {self.column}")
        return f"{', '.join(where)}: {self.message}" if where else self.message

    def __reduce__(self):  # keep every field when pickled
        return (type(self), (self.message, self.path, self.sheet, self.row, self.column))


# ---------------------------------------------------------------------------------------- export

def export_coding_sheet(path: str | PathLike[str], articles: pd.DataFrame, codebook: Codebook,
                        *, coder: str | None = None) -> Path:
    """Write the coding sheet of ``articles`` (every paragraph) for ``codebook``'s codes to
    ``path`` (.xlsx); ``coder``: the name of the person it is for (written in the README sheet
    and checked by ``import_coding_sheet``).  Returns the path."""
    path = Path(path)
    ids = codebook.ids
    if not ids:
        raise CodingSheetError("the codebook has no codes", path)
    headlines = dict(zip(articles["article_id"].tolist(), articles["headline"].tolist(),
                         strict=True))
    rows = [(aid, n, _text_or_empty(headlines.get(aid)), text)
            for aid, n, text in iter_paragraphs(articles)]
    if len({(aid, n) for aid, n, *_ in rows}) != len(rows):
        raise CodingSheetError("the articles table holds an article_id twice", path)

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = CODING_SHEET
    _coding_sheet(ws, rows, codebook, path)
    _codebook_sheet(wb.create_sheet(CODEBOOK_SHEET), codebook, path)
    _readme_sheet(wb.create_sheet(README_SHEET), coder, len(rows), codebook, path)

    wb.properties.creator = "govreports"
    wb.properties.created = FIXED_DATE  # not the time of writing: same tables, same bytes
    wb.properties.modified = FIXED_DATE
    buffer = io.BytesIO()
    ExcelWriter(wb, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED)).save()
    data = _fixed_zip(buffer.getvalue())
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    tmp.write_bytes(data)
    tmp.replace(path)
    return path


def _text_or_empty(value: object) -> str:
    return value if isinstance(value, str) else ""


def _set_text(cell, value: str, path: Path, what: str) -> None:
    """A text cell, always text: a paragraph opening with "=" is not a formula."""
    if ILLEGAL_CHARACTERS_RE.search(value):
        raise CodingSheetError(f"{what} holds a control character that XLSX cannot store", path)
    if len(value) > EXCEL_CELL_MAX:
        raise CodingSheetError(f"{what} has {len(value)} characters, more than an Excel cell "
                               f"holds ({EXCEL_CELL_MAX})", path)
    cell.value = value
    cell.data_type = "s"


HEADER_FILL = PatternFill("solid", fgColor="DDDDDD")
CODE_FILL = PatternFill("solid", fgColor="FFF7D6")  # the cells to fill in
LOCKED, UNLOCKED = Protection(locked=True), Protection(locked=False)
WRAP_TOP = Alignment(wrap_text=True, vertical="top")
CENTER = Alignment(horizontal="center", vertical="top")


def _coding_sheet(ws, rows: list[tuple[str, int, str, str]], codebook: Codebook,
                  path: Path) -> None:
    fixed = list(FIXED_COLUMNS)
    labels = {c.id: c.label_zh for c in codebook.codes}
    for j, (key, label) in enumerate([*FIXED_COLUMNS.items(),
                                      *((i, labels[i]) for i in codebook.ids)], start=1):
        for r, value in ((1, key), (2, label)):
            cell = ws.cell(row=r, column=j)
            _set_text(cell, value, path, f"the header of column {key!r}")
            cell.font = Font(bold=True)
            cell.fill = HEADER_FILL
            if j <= len(fixed):
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            else:  # narrow code columns: the id turned upwards, the Chinese label stacked
                cell.alignment = Alignment(horizontal="center", vertical="bottom",
                                           text_rotation=90 if r == 1 else 255)
            cell.protection = LOCKED
    first_code = len(fixed) + 1
    last = len(fixed) + len(codebook.ids)
    for i, (aid, n, headline, text) in enumerate(rows, start=HEADER_ROWS + 1):
        where = f"article {aid!r} paragraph {n}"
        _set_text(ws.cell(row=i, column=1), aid, path, f"the id of {where}")
        ws.cell(row=i, column=2, value=n)
        _set_text(ws.cell(row=i, column=3), headline, path, f"the headline of {where}")
        _set_text(ws.cell(row=i, column=4), text, path, f"the text of {where}")
        for j in range(1, first_code):
            ws.cell(row=i, column=j).alignment = WRAP_TOP
        for j in range(first_code, last + 1):
            cell = ws.cell(row=i, column=j)
            cell.protection = UNLOCKED
            cell.fill = CODE_FILL
            cell.alignment = CENTER
    for letter, width in zip("ABCD", (18, 6, 20, 60), strict=True):
        ws.column_dimensions[letter].width = width
    for j in range(first_code, last + 1):
        ws.column_dimensions[get_column_letter(j)].width = 5
    longest = max(len(c) for c in codebook.ids)
    ws.row_dimensions[1].height = max(60, 7 * longest)  # points: the turned ids fit
    ws.row_dimensions[2].height = max(40, 14 * max(len(v) for v in labels.values()))
    ws.freeze_panes = ws.cell(row=HEADER_ROWS + 1, column=first_code)
    end = max(len(rows) + HEADER_ROWS, HEADER_ROWS + 1)
    ws.auto_filter.ref = f"A2:{get_column_letter(last)}{end}"
    if rows:
        dv = DataValidation(type="list", formula1='"0,1"', allow_blank=True,
                            showErrorMessage=True, errorStyle="stop",
                            errorTitle="0 / 1", error="只能填 0、1 或留空 / Only 0, 1 or empty",
                            showInputMessage=True, promptTitle="0 / 1",
                            prompt="1 = 属于此代码 / carries the code; 0 或空白 = 不属于 / "
                                   "0 or empty = does not")
        dv.add(f"{get_column_letter(first_code)}{HEADER_ROWS + 1}:"
               f"{get_column_letter(last)}{len(rows) + HEADER_ROWS}")
        ws.add_data_validation(dv)
    _protect(ws, filtering=True)


def _protect(ws, *, filtering: bool = False) -> None:
    """Sheet protection without a password (it guards against slips, not against a coder):
    locked cells cannot be selected or changed; rows and columns can be resized."""
    p = ws.protection
    p.sheet = True
    p.formatColumns = False  # False = allowed
    p.formatRows = False
    p.selectLockedCells = False
    p.selectUnlockedCells = False
    if filtering:
        p.autoFilter = False


def _codebook_sheet(ws, codebook: Codebook, path: Path) -> None:
    for j, key in enumerate(CODEBOOK_COLUMNS, start=1):
        cell = ws.cell(row=1, column=j)
        _set_text(cell, key, path, "a codebook header")
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
    for i, code in enumerate(codebook.codes, start=2):
        for j, key in enumerate(CODEBOOK_COLUMNS, start=1):
            cell = ws.cell(row=i, column=j)
            _set_text(cell, getattr(code, key), path, f"code {code.id!r}: {key}")
            cell.alignment = WRAP_TOP
    for letter, width in zip("ABCDEFG", (20, 10, 14, 24, 60, 60, 60), strict=True):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "B2"
    _protect(ws)


def _readme_sheet(ws, coder: str | None, n_rows: int, codebook: Codebook, path: Path) -> None:
    values = {"layout": LAYOUT, "coder": coder or "", "paragraphs": n_rows,
              "codes": len(codebook.ids), "codebook sha256": codebook.sha256}
    for i, key in enumerate(README_KEYS, start=1):
        _set_text(ws.cell(row=i, column=1), key, path, "a README key")
        ws.cell(row=i, column=1).font = Font(bold=True)
        value = values[key]
        if isinstance(value, str):
            _set_text(ws.cell(row=i, column=2), value, path, f"README {key}")
        else:
            ws.cell(row=i, column=2, value=value)
    for i, line in enumerate(README_TEXT, start=len(README_KEYS) + 2):
        cell = ws.cell(row=i, column=1)
        _set_text(cell, line, path, "README text")
        if i == len(README_KEYS) + 2:
            cell.font = Font(bold=True)
    ws.column_dimensions["A"].width = 18
    ws.column_dimensions["B"].width = 70
    _protect(ws)


def _fixed_zip(data: bytes) -> bytes:
    """The archive rewritten with a fixed timestamp and mode, entries in the order written."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.create_system = 3
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename), compresslevel=9)
    return out.getvalue()


# ---------------------------------------------------------------------------------------- import

def import_coding_sheet(path: str | PathLike[str], *, coder: str,
                        codebook: Codebook | None = None,
                        articles: pd.DataFrame | None = None) -> pd.DataFrame:
    """The codings of a filled coding sheet: ``CODING_COLUMNS`` (article_id, para_no, code,
    coder, value), one row per paragraph and code column of the sheet, ``value`` 1 or 0 (an
    empty cell is 0), ``coder`` as given.

    ``coder`` is required: the sheet is one person's; when the README sheet names a coder, it
    must be the same name.  ``codebook``: the code columns must be codes of it too (by default,
    of the sheet's own codebook sheet).  ``articles``: every paragraph of the sheet must be a
    paragraph of these articles with the same text.
    """
    path = Path(path)
    if not isinstance(coder, str) or not coder.strip():
        raise CodingSheetError(f"coder must be a non-empty name, not {coder!r}", path)
    try:
        wb = openpyxl.load_workbook(path, read_only=False, data_only=False)
    except FileNotFoundError as err:
        raise CodingSheetError("no such file", path) from err
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as err:
        raise CodingSheetError(f"not an XLSX workbook ({type(err).__name__}: {err})",
                               path) from err
    for name in (CODING_SHEET, CODEBOOK_SHEET, README_SHEET):
        if name not in wb.sheetnames:
            raise CodingSheetError(f"the sheet {name!r} is missing (sheets: "
                                   f"{', '.join(wb.sheetnames)}): not a coding sheet of this "
                                   "layout", path, name)
    meta = _read_readme(wb[README_SHEET], path)
    if meta["coder"] and meta["coder"] != coder:
        raise CodingSheetError(f"the sheet was made for coder {meta['coder']!r}, not {coder!r}",
                               path, README_SHEET, README_KEYS.index("coder") + 1, "B")
    known = _read_codebook_ids(wb[CODEBOOK_SHEET], path)
    ws = wb[CODING_SHEET]
    codes = _read_header(ws, known, codebook, path)
    keys, values, where = _read_rows(ws, codes, path)
    if len(keys) != meta["paragraphs"]:
        raise CodingSheetError(f"{len(keys)} paragraph rows where the sheet was written with "
                               f"{meta['paragraphs']}: rows were added or deleted (layout "
                               "changed)", path, CODING_SHEET)
    if articles is not None:
        _check_texts(keys, where, articles, path)
    rows = [(aid, n, code, coder, v)
            for (aid, n), vals in zip(keys, values, strict=True)
            for code, v in zip(codes, vals, strict=True)]
    return pd.DataFrame(rows, columns=CODING_COLUMNS).astype({"para_no": "int64",
                                                              "value": "int64"})


def _cell_text(value: object) -> str | None:
    return value.strip() if isinstance(value, str) else None


def _read_readme(ws, path: Path) -> dict[str, object]:
    meta: dict[str, object] = {}
    for i, key in enumerate(README_KEYS, start=1):
        found = ws.cell(row=i, column=1).value
        if found != key:
            raise CodingSheetError(f"expected the key {key!r}, found {found!r} (layout "
                                   "changed)", path, README_SHEET, i, "A")
        meta[key] = ws.cell(row=i, column=2).value
    if meta["layout"] != LAYOUT:
        raise CodingSheetError(f"layout {meta['layout']!r}, expected {LAYOUT!r}", path,
                               README_SHEET, 1, "B")
    meta["coder"] = _cell_text(meta["coder"]) or ""
    n = meta["paragraphs"]
    if isinstance(n, bool) or not isinstance(n, int) or n < 0:
        raise CodingSheetError(f"the number of paragraphs is {n!r}, not a count", path,
                               README_SHEET, README_KEYS.index("paragraphs") + 1, "B")
    return meta


def _read_codebook_ids(ws, path: Path) -> list[str]:
    header = [ws.cell(row=1, column=j).value for j in range(1, len(CODEBOOK_COLUMNS) + 1)]
    if header != CODEBOOK_COLUMNS:
        raise CodingSheetError(f"the header is {header!r}, expected {CODEBOOK_COLUMNS!r} "
                               "(layout changed)", path, CODEBOOK_SHEET, 1)
    ids = []
    for i in range(2, ws.max_row + 1):
        value = ws.cell(row=i, column=1).value
        if value is None:
            continue
        if not isinstance(value, str) or not value.strip():
            raise CodingSheetError(f"code id {value!r} is not a name", path, CODEBOOK_SHEET,
                                   i, "A (id)")
        ids.append(value.strip())
    return ids


def _column(j: int, header: object = None) -> str:
    letter = get_column_letter(j)
    return f"{letter} ({header})" if isinstance(header, str) and header else letter


def _read_header(ws, known: list[str], codebook: Codebook | None, path: Path) -> list[str]:
    fixed = list(FIXED_COLUMNS)
    width = ws.max_column
    header = [ws.cell(row=1, column=j).value for j in range(1, width + 1)]
    while header and header[-1] is None:
        header.pop()
    for j, key in enumerate(fixed, start=1):
        found = header[j - 1] if j <= len(header) else None
        if found != key:
            raise CodingSheetError(f"expected the column {key!r}, found {found!r} (layout "
                                   "changed)", path, CODING_SHEET, 1, _column(j))
    allowed = set(codebook.ids) if codebook is not None else set(known)
    codes: list[str] = []
    for j in range(len(fixed) + 1, len(header) + 1):
        value = header[j - 1]
        name = value.strip() if isinstance(value, str) else value
        if not isinstance(name, str) or not name:
            raise CodingSheetError(f"a code column without a code id ({value!r}; layout "
                                   "changed)", path, CODING_SHEET, 1, _column(j))
        if name not in allowed:
            whose = "the codebook given" if codebook is not None else \
                f"the sheet {CODEBOOK_SHEET!r}"
            raise CodingSheetError(f"unknown code {name!r}: not a code id of {whose}", path,
                                   CODING_SHEET, 1, _column(j, name))
        if name in codes:
            raise CodingSheetError(f"the code {name!r} heads two columns (layout changed)",
                                   path, CODING_SHEET, 1, _column(j, name))
        codes.append(name)
    missing = [c for c in known if c not in codes]
    if missing:
        raise CodingSheetError(f"no column for the code(s) {', '.join(missing)} of the sheet "
                               f"{CODEBOOK_SHEET!r} (layout changed)", path, CODING_SHEET, 1)
    if not codes:
        raise CodingSheetError("no code columns (layout changed)", path, CODING_SHEET, 1)
    return codes


def _read_rows(ws, codes: list[str], path: Path
               ) -> tuple[list[tuple[str, int]], list[list[int]], list[tuple[int, object]]]:
    """The paragraph keys, their code values, and where they stand (sheet row, text cell)."""
    first_code = len(FIXED_COLUMNS) + 1
    last = len(FIXED_COLUMNS) + len(codes)
    keys: list[tuple[str, int]] = []
    values: list[list[int]] = []
    where: list[tuple[int, object]] = []
    seen: dict[tuple[str, int], int] = {}
    for i, row in enumerate(ws.iter_rows(min_row=HEADER_ROWS + 1, values_only=True),
                            start=HEADER_ROWS + 1):
        row = list(row)
        extra = [j for j in range(last + 1, len(row) + 1) if _filled(row[j - 1])]
        if extra:
            raise CodingSheetError(f"a value right of the last code column: "
                                   f"{row[extra[0] - 1]!r} (layout changed)", path,
                                   CODING_SHEET, i, _column(extra[0]))
        if not any(_filled(v) for v in row):
            continue  # a blank row at the end (Excel keeps formatted rows)
        aid, n = row[0], row[1]
        if not isinstance(aid, str) or not aid.strip():
            raise CodingSheetError(f"article_id {aid!r} is not an id (layout changed)", path,
                                   CODING_SHEET, i, _column(1, "article_id"))
        if isinstance(n, float) and n.is_integer():
            n = int(n)
        if isinstance(n, bool) or not isinstance(n, int) or n < 1:
            raise CodingSheetError(f"para_no {n!r} is not a paragraph number (layout changed)",
                                   path, CODING_SHEET, i, _column(2, "para_no"))
        if (aid, n) in seen:
            raise CodingSheetError(f"article {aid!r} paragraph {n} is also in row "
                                   f"{seen[(aid, n)]} (layout changed)", path, CODING_SHEET, i)
        seen[(aid, n)] = i
        cells = row[first_code - 1:last] + [None] * max(0, last - len(row))
        vals = []
        for j, (code, value) in enumerate(zip(codes, cells, strict=True), start=first_code):
            v = _code_value(value)
            if v is None:
                raise CodingSheetError(f"{value!r} is not 0, 1 or empty", path, CODING_SHEET,
                                       i, _column(j, code))
            vals.append(v)
        keys.append((aid, n))
        values.append(vals)
        where.append((i, row[3] if len(row) > 3 else None))
    return keys, values, where


def _filled(value: object) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def _code_value(value: object) -> int | None:
    """0 or 1 from a code cell; empty (nothing, or only spaces) is 0; None: not a code value.
    A number typed as text ("1") is read as the number; TRUE/FALSE, 2, 0.5 and formulas are
    not code values."""
    if value is None:
        return 0
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        s = value.strip()
        return 0 if not s else {"0": 0, "1": 1}.get(s)
    if isinstance(value, numbers.Real) and not (isinstance(value, float) and math.isnan(value)):
        return {0: 0, 1: 1}.get(value) if value in (0, 1) else None
    return None


def _check_texts(keys: list[tuple[str, int]], where: list[tuple[int, object]],
                 articles: pd.DataFrame, path: Path) -> None:
    texts = paragraphs(articles).set_index(["article_id", "para_no"])["text"].to_dict()
    for key, (row, text) in zip(keys, where, strict=True):
        if key not in texts:
            raise CodingSheetError(f"article {key[0]!r} paragraph {key[1]} is not a paragraph "
                                   "of the articles given", path, CODING_SHEET, row,
                                   _column(1, "article_id"))
        if text != texts[key]:
            raise CodingSheetError(f"the text of article {key[0]!r} paragraph {key[1]} is not "
                                   "the article's", path, CODING_SHEET, row, _column(4, "text"))
