"""Database exports of newspaper articles (one row per article) -> ``TableFile``.

Newspaper databases and scrapers export articles as tables: CSV or TSV (in UTF-8 with or without
a byte-order mark, GBK/GB18030 or UTF-16), XLSX, JSON Lines or Parquet.  ``read_table`` reads
one such file, finds the columns that hold each article field by their usual names (``FIELD_NAMES``,
or the caller's ``columns=``) and returns the rows in file order, every cell kept as printed.
Columns no name gives are then looked at for what they hold: the article text (long, punctuated
cells), the title, the link and the publication date are taken from their cells when exactly one
column clearly fits (``_content_fields``); ``field_columns`` says which column gave each field.
Bad input stops with a ``CorpusError`` naming the file, the row and the column.

An XLSX workbook is read from the sheet named by ``sheet=``, else from its only sheet that holds
a value, wherever it stands (exports often add an empty or a notes sheet; the first sheet is
not assumed); a workbook with several such sheets is refused, naming them.  The first row of
the sheet is the header.  Formulas give the values Excel saved with them.

Row numbers (``TableRow.row``) are 1-based data rows, the header excluded: the spreadsheet's row
2 is row 1.  In JSON Lines, which has no header, the row is the file's line number.  CSV/TSV
errors also name the file line where the record starts (a quoted cell may span lines).

Cells are text: leading and trailing whitespace stripped, CRLF and CR turned into LF, nothing
else changed.  Numbers read as they print: an integer, or an integral float (Excel stores the
page 2 as 2.0) as its digits ("2"); other floats in Python's shortest form ("2.5"); booleans
as "true"/"false"; a date or time from an XLSX date cell or a Parquet date column in ISO form
("2021-08-27 00:00:00" for a datetime); a JSON array or object as compact JSON.  Empty cells,
None, NaN and NaT are empty: ``None`` for a field, "" in ``extra``.  Only the ``published`` cell
is converted, by ``helpers.formats.dates.parse_date``.

Blank rows: trailing rows with no value in any cell are skipped in CSV, TSV and XLSX files (a
spreadsheet keeps formatted empty rows at its end, and files end with a line break).  In JSON
Lines only blank lines after the last object are skipped.  Any other row with no value (between
rows in any format, an ``{}`` line, a Parquet row of nulls) is an error naming it.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
import os
import re
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple

from helpers.errors import CorpusError, InputError
from helpers.formats.dates import parse_date
from helpers.text.decoding import decode_bytes, read_raw_bytes

__all__ = [
    "DELIMITERS", "EXTRA", "FIELDS", "FIELD_NAMES", "SUFFIXES", "TableFile", "TableRow",
    "read_table",
]

#: The article fields a table can provide, in the order ``field_columns`` lists them.
FIELDS = ("headline", "text", "published", "newspaper", "page", "url", "author", "home")
#: The column names each field is recognized by (compared case-insensitively, trimmed): the
#: English names of scrapers and the Chinese ones of CNKI, Wisenews and newspaper e-archives,
#: and the words a researcher's own sheet uses (题目, 文章标题, 发表时间, 原文地址).  Not 主题:
#: in a CNKI export it is the subject keywords beside the 题名.
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "headline": ("title", "headline", "标题", "题名", "篇名", "题目", "标题名", "文章标题",
                 "新闻标题", "文章题目"),
    "text": ("text", "content", "body", "fulltext", "正文", "内容", "全文"),
    "published": ("date", "published", "pubdate", "publish_date", "time", "日期", "发布时间",
                  "发布日期", "出版日期", "刊期", "时间", "发表时间", "发表日期"),
    "newspaper": ("newspaper", "source", "media", "publication", "来源", "媒体", "报纸",
                  "报纸名称", "出处", "文献来源"),
    "page": ("page", "版次", "版面", "版号", "版名"),
    "url": ("url", "link", "链接", "网址", "原文链接", "原文地址", "网页地址", "文章链接"),
    "author": ("author", "authors", "byline", "作者", "记者"),
    # the place the row's newspaper or site belongs to (what 我县 in it refers to), as
    # ``home`` in metadata.yaml but per row: a table gathered from several county sites
    "home": ("home", "属地", "所属地区", "地区", "地域", "region"),
}
#: ``columns=`` value that keeps a column as an extra one, not as the field its name suggests
#: (a ``时间`` column of clock times beside the ``日期`` column).
EXTRA = "extra"
#: The file kinds read, by extension (anything else is refused: no guessing from content).
SUFFIXES = (".csv", ".tsv", ".xlsx", ".jsonl", ".parquet")
#: The delimiters a .csv file may use: comma; tab (Excel's "Unicode text"); semicolon (Excel
#: where the decimal sign is a comma).
DELIMITERS = (",", "\t", ";")
# Records of a .csv file tried with each delimiter: enough to see a ragged reading, few enough
# to stay fast on a file of 100,000 articles.
_SNIFF_RECORDS = 50
# A cell longer than csv's default limit (131,072 characters) is a long article, not an error.
_MAX_CELL_CHARS = 2**31 - 1

_RECOGNIZED = {name.casefold(): field for field, names in FIELD_NAMES.items() for name in names}


@dataclass(frozen=True)
class TableRow:
    """One article of a table: its fields as printed (``published`` parsed) and the rest."""

    row: int  # 1-based data row, header excluded; the line number in JSON Lines
    headline: str | None
    text: str
    published: dt.date | None
    newspaper: str | None
    page: str | None
    url: str | None
    author: str | None
    home: str | None
    extra: dict[str, str]  # every extra column, in file order; "" for an empty cell


@dataclass(frozen=True)
class TableFile:
    """A table file read: its rows in file order and which column gave which field."""

    path: Path
    rows: list[TableRow]
    field_columns: dict[str, str]  # field -> the file's column, in FIELDS order
    extra_columns: list[str]  # the file's other columns, in file order


class _Record(NamedTuple):
    """One data row as a reader gives it: cells in header order, and where it stands."""

    row: int
    line: int | None  # file line for CSV/TSV/JSONL (the error's line), None otherwise
    place: str  # "row 3", or "row 3 (sheet 'S' row 4)" for XLSX
    cells: list[object]


_Raw = tuple[list[object], list[_Record]]  # header cells, records


def read_table(
    path: str | os.PathLike[str],
    *,
    columns: Mapping[str, str] | None = None,
    sheet: str | None = None,
    delimiter: str | None = None,
) -> TableFile:
    """Read a table of articles (.csv .tsv .xlsx .jsonl .parquet), never writing it.

    ``columns`` maps the file's own column names to fields (``{"正文内容": "text"}``) or to
    ``EXTRA``; it wins over recognition by name.  ``sheet`` picks an XLSX sheet (otherwise the
    only non-empty one); ``delimiter`` settles a .csv file whose delimiter is ambiguous.
    """
    path = Path(path)
    _check_columns(columns)
    kind = _kind(path)
    if sheet is not None and kind != ".xlsx":
        raise ValueError(f"sheet= is for .xlsx files, not {kind}")
    if delimiter is not None and (kind != ".csv" or delimiter not in DELIMITERS):
        raise ValueError(f"delimiter= is one of {DELIMITERS!r}, for .csv files only")
    header, records = _read(path, kind, sheet=sheet, delimiter=delimiter)
    return _table(path, header, records, columns)


# -- options and file kinds ---------------------------------------------------------------------


def _check_columns(columns: Mapping[str, str] | None) -> None:
    """Refuse a ``columns=`` value that is no field, or two columns given one field."""
    taken: dict[str, str] = {}
    for column, field in (columns or {}).items():
        if field not in FIELDS and field != EXTRA:
            raise ValueError(f"columns={{{column!r}: {field!r}}}: the fields are {FIELDS!r} "
                             f"(or {EXTRA!r} to keep a column as an extra one)")
        if field in taken:
            raise ValueError(f"columns= gives {field!r} twice: {taken[field]!r} and {column!r}")
        if field != EXTRA:
            taken[field] = column


def _kind(path: Path) -> str:
    """The file's kind by extension, after checking that it is a readable regular file."""
    kind = path.suffix.lower()
    if kind not in SUFFIXES:
        hint = " (save it as .xlsx)" if kind == ".xls" else ""
        raise CorpusError(f"not a table file {SUFFIXES}{hint}", path=path)
    if not path.exists():
        raise CorpusError("no such file", path=path)
    if not path.is_file():
        raise CorpusError("not a regular file", path=path)
    return kind


def _read(path: Path, kind: str, *, sheet: str | None, delimiter: str | None) -> _Raw:
    """Header cells and records of the file, by its kind."""
    if kind == ".xlsx":
        return _read_xlsx(path, sheet)
    if kind == ".jsonl":
        return _read_jsonl(path)
    if kind == ".parquet":
        return _read_parquet(path)
    return _read_delimited(path, delimiter if kind == ".csv" else "\t")


def _library_error(path: Path, what: str, err: BaseException) -> CorpusError:
    """Our error for a library's exception on a corrupt or unreadable file (chain ``err``)."""
    return CorpusError(f"cannot read this {what} ({type(err).__name__}: {err})", path=path)


# -- CSV and TSV --------------------------------------------------------------------------------


def _read_text(path: Path) -> str:
    """The file decoded by the project's decoder (BOM, UTF-8, GBK/GB18030, UTF-16)."""
    try:
        return decode_bytes(read_raw_bytes(path), source=os.fspath(path))
    except CorpusError as err:  # the same error, naming the path as the caller gave it
        raise CorpusError(err.message, path=path, line=err.line) from None


def _read_delimited(path: Path, delimiter: str | None) -> _Raw:
    """A .csv (``delimiter`` None: sniffed) or .tsv file: header and records."""
    text = _read_text(path)
    parsed = _split_records(path, text, delimiter or _sniff(path, text))
    header = parsed[0][1]
    records = _without_trailing_blanks([_Record(n, line, f"row {n}", list(cells))
                                        for n, (line, cells) in enumerate(parsed[1:], 1)])
    _check_widths(path, header, records)
    return list(header), records


def _split_records(path: Path, text: str, delimiter: str,
                   limit: int | None = None) -> list[tuple[int, list[str]]]:
    """CSV records (strict quoting) with the line each starts on, at most ``limit`` of them."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    records: list[tuple[int, list[str]]] = []
    old_limit = csv.field_size_limit(_MAX_CELL_CHARS)
    try:
        while limit is None or len(records) < limit:
            start = reader.line_num + 1
            try:
                records.append((start, next(reader)))
            except StopIteration:
                break
            except csv.Error as err:
                raise CorpusError(f"broken CSV quoting ({err}) in the record starting here",
                                  path=path, line=start) from err
    finally:
        csv.field_size_limit(old_limit)
    return records


def _sniff(path: Path, text: str) -> str:
    """The delimiter of a .csv file: the one that splits the header and the first records
    into the same number (two or more) of cells; a comma for a one-column file."""
    fits, splits = [], []
    for delimiter in DELIMITERS:
        try:
            sample = _split_records(path, text, delimiter, limit=_SNIFF_RECORDS)
        except CorpusError:
            continue
        width = len(sample[0][1])
        splits += [delimiter] if width > 1 else []
        if width > 1 and all(len(cells) in (0, width) for _, cells in sample):
            fits.append(delimiter)
    if len(fits) == 1:
        return fits[0]
    if not fits and len(splits) <= 1:  # one column, or one delimiter: the width check says
        return splits[0] if splits else ","  # which row is broken
    names = " and ".join(repr(d) for d in (fits or splits))
    why = (f"each split every one of the first {_SNIFF_RECORDS} rows into the header's "
           "number of cells" if fits else "each split the header, and neither every row")
    raise CorpusError(f"cannot tell the delimiter: {names} {why}; pass delimiter=",
                      path=path)


def _check_widths(path: Path, header: Sequence[str], records: list[_Record]) -> None:
    """Refuse a CSV/TSV record with more or fewer cells than the header (a broken row)."""
    for rec in records:
        if rec.cells and len(rec.cells) != len(header):
            raise CorpusError(
                f"{rec.place} has {len(rec.cells)} cells, the header {len(header)}: a delimiter "
                "or a line break inside a cell that is not quoted?",
                path=path, line=rec.line,
            )


# -- XLSX ---------------------------------------------------------------------------------------


# openpyxl's warning for a workbook without a style sheet (database exports): it reads fine.
_NO_STYLE_WARNING = "Workbook contains no default style"


def _read_xlsx(path: Path, sheet: str | None) -> _Raw:
    """The chosen sheet of an XLSX workbook: its first row is the header."""
    import openpyxl  # here: loaded when an XLSX file is read, not with helpers

    try:
        with warnings.catch_warnings():  # exporters often write no styles: harmless, not shown
            warnings.filterwarnings("ignore", _NO_STYLE_WARNING, UserWarning)
            book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as err:  # zipfile, XML and openpyxl errors of a corrupt file, all kinds
        raise _library_error(path, "XLSX workbook", err) from err
    try:
        name = _choose_sheet(path, book, sheet)
        rows = _sheet_rows(path, book[name])
    finally:
        book.close()
    if not rows:
        raise CorpusError(f"sheet {name!r} is empty", path=path)
    records = [_Record(n, None, f"row {n} (sheet {name!r} row {n + 1})", list(cells))
               for n, cells in enumerate(rows[1:], 1)]
    return list(rows[0]), _without_trailing_blanks(records)


def _sheet_rows(path: Path, sheet: Any) -> list[tuple[object, ...]]:
    """All rows of a read-only sheet as values, padded to one width (a corrupt sheet raises)."""
    try:
        sheet.reset_dimensions()  # the dimensions the file states may be wrong
        rows = [tuple(row) for row in sheet.iter_rows(values_only=True)]
    except Exception as err:  # XML errors of a damaged sheet part surface while iterating
        raise _library_error(path, f"sheet {sheet.title!r}", err) from err
    width = max((len(row) for row in rows), default=0)
    return [row + (None,) * (width - len(row)) for row in rows]


def _choose_sheet(path: Path, book: Any, sheet: str | None) -> str:
    """``sheet`` if given, else the workbook's only non-empty worksheet (empty ones ignored);
    several non-empty ones are refused by name rather than one picked."""
    names = list(book.sheetnames)
    if sheet is not None:
        if sheet not in names:
            raise CorpusError(f"no sheet {sheet!r}; the sheets are {names!r}", path=path)
        return sheet
    filled = [ws.title for ws in book.worksheets if _has_values(path, ws)]
    if len(filled) == 1:
        return filled[0]
    if not filled:
        raise CorpusError(f"no sheet holds any value (sheets: {names!r})", path=path)
    raise CorpusError(f"several sheets hold data: {filled!r}; pass sheet= to choose one",
                      path=path)


def _has_values(path: Path, sheet: Any) -> bool:
    """True when a sheet holds any non-blank cell (stops at the first)."""
    try:
        sheet.reset_dimensions()
        return any(_cell_text(v, path, "") is not None
                   for row in sheet.iter_rows(values_only=True) for v in row)
    except InputError:
        return True  # a value of an unusual type is still a value; reported when read
    except Exception as err:
        raise _library_error(path, f"sheet {sheet.title!r}", err) from err


# -- JSON Lines and Parquet ---------------------------------------------------------------------


def _read_jsonl(path: Path) -> _Raw:
    """One JSON object per line; the columns are their keys in first-seen order."""
    lines = _read_text(path).split("\n")
    while lines and not lines[-1].strip():
        lines.pop()  # blank lines after the last object (the file's final line break)
    objects = [(n, _json_object(path, n, line)) for n, line in enumerate(lines, 1)]
    header = list(dict.fromkeys(key for _, obj in objects for key in obj))
    records = [_Record(n, n, f"row {n}", [obj.get(key) for key in header]) for n, obj in objects]
    return list(header), records


def _json_object(path: Path, n: int, line: str) -> dict[str, object]:
    """Line ``n`` read as a JSON object (duplicate keys refused: one would be lost)."""
    def no_duplicates(pairs: list[tuple[str, object]]) -> dict[str, object]:
        keys = [key for key, _ in pairs]
        twice = sorted({key for key in keys if keys.count(key) > 1})
        if twice:
            raise CorpusError(f"row {n}: key {twice[0]!r} given twice", path=path, line=n)
        return dict(pairs)

    try:
        obj = json.loads(line.removesuffix("\r"), object_pairs_hook=no_duplicates)
    except json.JSONDecodeError as err:
        raise CorpusError(f"row {n}: not JSON ({err.msg} at column {err.colno}); each line must "
                          "be one JSON object", path=path, line=n) from err
    if not isinstance(obj, dict):
        raise CorpusError(f"row {n}: a JSON {type(obj).__name__}, not an object", path=path,
                          line=n)
    return obj


def _read_parquet(path: Path) -> _Raw:
    """A Parquet table: its columns, and one record per row."""
    import pyarrow as pa  # here: loaded when a Parquet file is read
    import pyarrow.parquet as pq

    try:
        table = pq.read_table(path)
        header, rows = table.column_names, table.to_pylist(maps_as_pydicts="strict")
    except (pa.ArrowException, OSError, ValueError) as err:  # ValueError: bad UTF-8 too
        raise _library_error(path, "Parquet file", err) from err
    records = [_Record(n, None, f"row {n}", [row[name] for name in header])
               for n, row in enumerate(rows, 1)]
    return list(header), records


# -- from header and records to the table -------------------------------------------------------


def _table(path: Path, header_cells: list[object], records: list[_Record],
           columns: Mapping[str, str] | None) -> TableFile:
    """Columns named, fields found, every record checked and read into a ``TableRow``."""
    header, records = _named_columns(path, header_cells, records)
    fields = _find_fields(path, header, columns, records)
    extras = [name for name in header if name not in fields.values()]
    if not records:
        raise CorpusError("no data rows (only a header)", path=path)
    index = {name: i for i, name in enumerate(header)}
    rows = [_row(path, rec, fields, extras, index) for rec in records]
    return TableFile(path, rows, fields, extras)


def _named_columns(path: Path, header_cells: list[object],
                   records: list[_Record]) -> tuple[list[str], list[_Record]]:
    """Header names as text; nameless columns dropped when empty, refused when not;
    a name given twice refused (its cells could not be told apart)."""
    header = [_cell_text(cell, path, "the header") or "" for cell in header_cells]
    keep = []
    for i, name in enumerate(header):
        if name:
            keep.append(i)
            continue
        filled = next((rec for rec in records if _cell_text(rec.cells[i], path, "") is not None),
                      None)
        if filled is not None:
            raise CorpusError(f"{filled.place}: a value in column {i + 1}, which has no name in "
                              "the header (the first row); name it", path=path, line=filled.line)
    names = [header[i] for i in keep]
    twice = sorted({name for name in names if names.count(name) > 1})
    if twice:
        raise CorpusError(f"the header names column {twice[0]!r} twice", path=path)
    return names, [rec._replace(cells=[rec.cells[i] for i in keep]) for rec in records]


def _find_fields(path: Path, header: list[str], columns: Mapping[str, str] | None,
                 records: Sequence[_Record] = ()) -> dict[str, str]:
    """field -> column: ``columns=`` first, then each remaining field by its usual names, then
    the text, title and date by what their cells hold (``_content_fields``)."""
    mapped = dict(columns or {})
    for column in mapped:
        if column not in header:
            raise CorpusError(f"columns= names {column!r}, which the file does not have; its "
                              f"columns are {header!r}", path=path)
    fields = {field: column for column, field in mapped.items() if field != EXTRA}
    found: dict[str, list[str]] = {}
    for column in header:
        field = _RECOGNIZED.get(column.strip().casefold())
        if column not in mapped and field is not None and field not in fields:
            found.setdefault(field, []).append(column)
    compound: dict[str, list[str]] = {}  # article_text, 文章内容, pub_date: for what is left
    for column in header:
        field = _compound_field(column)
        if column not in mapped and field is not None and field not in fields:
            compound.setdefault(field, []).append(column)
    for field, names in compound.items():
        found.setdefault(field, names)
    for field, names in found.items():
        if len(names) > 1:
            raise CorpusError(
                f"columns {names[0]!r} and {names[1]!r} are both read as {field!r}; say which "
                f"one with columns={{{names[0]!r}: {field!r}}} (the other is then kept as an "
                "extra column)", path=path)
        fields[field] = names[0]
    for field, column in _content_fields(path, header, records, fields, mapped).items():
        fields[field] = column
    if "text" not in fields:
        raise CorpusError(_NO_TEXT.format(header, header[0] if header else "…",
                                          ", ".join(FIELD_NAMES["text"])), path=path)
    return {field: fields[field] for field in FIELDS if field in fields}


#: Fields a compound column name may name (article_text, news_title, 文章内容, 新闻标题): the
#: article's text and title, which no other column is mistaken for.  Not dates: 采集时间 and
#: crawl_date are when a scraper ran, so a date column needs a word of publishing (below).
COMPOUND_FIELDS = ("text", "headline")
#: The words of a compound English name (article_text -> article, text).
_NAME_WORDS = re.compile(r"[^0-9a-z]+")
#: Words of publishing that make a date column's compound name the publication date (pub_date,
#: publish_time, post_date, release_date, 发表日期 is already a usual name).
_PUBLISH_WORDS = {"pub", "publish", "published", "publication", "post", "posted", "release",
                  "released", "issue", "issued"}
_DATE_WORDS = {"date", "time", "datetime", "day"}
#: Shortest usual Chinese name a compound name may end in (内容, 正文, 标题): two characters.
MIN_CHINESE_SUFFIX = 2


def _compound_field(column: str) -> str | None:
    """The field a compound column name names, or None: an English name one of whose words is a
    usual name of the text or the title (article_text, news_title), a Chinese one ending in such
    a name (文章内容, 新闻正文), or a date word with a word of publishing (pub_date)."""
    name = column.strip().casefold()
    words = [w for w in _NAME_WORDS.split(name) if w]
    fields = {_RECOGNIZED.get(w) for w in words} | {
        field for usual, field in _RECOGNIZED.items()
        if len(usual) >= MIN_CHINESE_SUFFIX and not usual.isascii() and name.endswith(usual)}
    fields &= set(COMPOUND_FIELDS)
    if len(fields) == 1:
        return fields.pop()
    if _PUBLISH_WORDS & set(words) and _DATE_WORDS & set(words):
        return "published"
    return None


#: The fields a column may be found for by what its cells hold (``_content_fields``).
CONTENT_FIELDS = ("text", "headline", "url", "published")
#: Rows whose cells are looked at to find a column by content: enough for a median and a share
#: that one odd row does not sway, few enough to stay fast on an export of 100,000 articles.
CONTENT_SAMPLE_ROWS = 200
#: Median length (characters) from which a column's cells are article text: a headline rarely
#: passes 40 characters, and the shortest news brief (简讯) is a few sentences.
MIN_TEXT_MEDIAN = 60
#: Share of a text column's cells that hold sentence punctuation (。！？; . for web copies):
#: a column of long keyword lists or URLs has none.
MIN_SENTENCE_SHARE = 0.8
#: How much longer (median) the text column must be than any other long column: a summary
#: (摘要) beside the full text is shorter; two columns of about the same length are too close to
#: call, and the error asks for ``columns=``.
MIN_TEXT_LEAD = 2.0
#: A title's median length (characters): 标题 run from a few characters to a long headline with
#: a kicker; an author, a section or a newspaper name is shorter than the low end.
TITLE_MEDIAN_RANGE = (6, 60)
#: Share of distinct titles among a title column's cells: each article has its own title, while a
#: newspaper, section or author column repeats.
MIN_TITLE_DISTINCT = 0.9
#: How much longer (median) a title column is than another title-like one (an outlet or organ
#: name such as 永德县市场监督管理局, ~10 characters, against headlines of ~25): closer is no call.
MIN_TITLE_LEAD = 1.5
#: Share of a title column's cells ending in sentence punctuation, at most (titles rarely do).
MAX_TITLE_SENTENCE_END = 0.2
#: Column names of when a scraper or database handled the row, never when it was published
#: (采集时间, crawl_date, 入库时间, updated_at): such a column is left as an extra one.
_CRAWL_NAME = re.compile(r"采集|抓取|爬取|入库|更新|修改|crawl|scrap|fetch|collect|download|updat|modif|insert")
_URL = re.compile(r"https?://\S+", re.IGNORECASE)
_SENTENCE_MARK = re.compile(r"[。！？!?]|\.(?:\s|$)")
_IDEOGRAPH = re.compile(r"[\u4e00-\u9fff]")


def _content_fields(path: Path, header: list[str], records: Sequence[_Record],
                    fields: Mapping[str, str], mapped: Mapping[str, str]) -> dict[str, str]:
    """The text, title, link and publication date among columns no name or ``columns=`` gave, found
    by their cells: exports name columns in ways no list holds (原稿, wz_nr, f3), while what a
    column holds does not change.  Each is found only when one column clearly fits; otherwise
    the column stays an extra one (and a missing text stops with the usual error)."""
    free = [i for i, name in enumerate(header) if name not in mapped and name not in fields.values()]
    if not free or all(field in fields for field in CONTENT_FIELDS):
        return {}  # every field named already: no cell is read twice
    sample = records[:CONTENT_SAMPLE_ROWS]
    cells = {i: [t for rec in sample if (t := _cell_text(rec.cells[i], path, "")) is not None]
             for i in free}
    found: dict[str, str] = {}
    if "text" not in fields:
        text = _text_column(cells)
        if text is not None:
            found["text"] = header[text]
            free.remove(text)
    if "headline" not in fields and ("text" in fields or "text" in found):
        title = _title_column({i: cells[i] for i in free if _looks_like_titles(cells[i])})
        if title is not None:
            found["headline"] = header[title]
            free.remove(title)
    if "url" not in fields:
        links = [i for i in free if cells[i] and all(_URL.fullmatch(t) for t in cells[i])]
        if len(links) == 1:
            found["url"] = header[links[0]]
            free.remove(links[0])
    if "published" not in fields:
        dates = [i for i in free if cells[i] and not _CRAWL_NAME.search(header[i].casefold())
                 and all(_is_date(t) for t in cells[i])]
        if len(dates) == 1:
            found["published"] = header[dates[0]]
    return found


def _text_column(cells: Mapping[int, list[str]]) -> int | None:
    """The one column whose cells are long and punctuated like sentences, clearly the longest."""
    medians = {i: _median_length(texts) for i, texts in cells.items() if texts}
    candidates = [i for i, med in medians.items() if med >= MIN_TEXT_MEDIAN
                  and _share(cells[i], _SENTENCE_MARK.search) >= MIN_SENTENCE_SHARE]
    if not candidates:
        return None
    best = max(candidates, key=lambda i: (medians[i], -i))
    rivals = [medians[i] for i in medians if i != best and medians[i] >= MIN_TEXT_MEDIAN]
    if any(medians[best] < MIN_TEXT_LEAD * med for med in rivals):
        return None
    return best


def _title_column(cells: Mapping[int, list[str]]) -> int | None:
    """The title-like column clearly longer (median) than the others: an outlet, section or
    organ name column (发布单位) can look like titles, but is shorter than a headline."""
    if not cells:
        return None
    medians = {i: _median_length(texts) for i, texts in cells.items()}
    best = max(medians, key=lambda i: (medians[i], -i))
    if any(medians[best] < MIN_TITLE_LEAD * med for i, med in medians.items() if i != best):
        return None
    return best


def _looks_like_titles(texts: list[str]) -> bool:
    """Cells like headlines: Chinese, of a title's length, distinct, rarely ending a sentence."""
    if not texts:
        return False
    low, high = TITLE_MEDIAN_RANGE
    return (low <= _median_length(texts) <= high
            and _share(texts, _IDEOGRAPH.search) == 1.0
            and len(set(texts)) >= MIN_TITLE_DISTINCT * len(texts)
            and _share(texts, lambda t: t[-1] in "。！？!?") <= MAX_TITLE_SENTENCE_END)


def _is_date(text: str) -> bool:
    """True when ``parse_date`` reads the cell whole (a date, with or without a clock time)."""
    try:
        parse_date(text, where="")
    except InputError:
        return False
    return True


def _median_length(texts: list[str]) -> float:
    """Median character length of the cells (ties of the two middle ones averaged)."""
    lengths = sorted(len(t) for t in texts)
    mid = len(lengths) // 2
    return float(lengths[mid]) if len(lengths) % 2 else (lengths[mid - 1] + lengths[mid]) / 2


def _share(texts: list[str], test: Any) -> float:
    """Share of the cells for which ``test`` is true."""
    return sum(1 for t in texts if test(t)) / len(texts)


_NO_TEXT = ("no column holds the article text; the columns are {0!r}.  Name it with columns=, "
            "e.g. columns={{{1!r}: 'text'}} (names recognized by themselves: {2})")


def _row(path: Path, rec: _Record, fields: dict[str, str], extras: list[str],
         index: dict[str, int]) -> TableRow:
    """One record as a ``TableRow``: its cells as text, the date parsed, the text required."""
    texts = [_cell_text(cell, path, f"{rec.place}, column {name!r}", rec.line)
             for name, cell in zip(index, rec.cells, strict=True)]
    if all(text is None for text in texts):
        raise CorpusError(f"{rec.place} is empty (only blank rows at the end are skipped); "
                          "delete it or fill it", path=path, line=rec.line)
    value = {field: texts[index[column]] for field, column in fields.items()}
    if value["text"] is None:
        raise CorpusError(f"{rec.place}, column {fields['text']!r}: no text in a row that has "
                          "other values", path=path, line=rec.line)
    return TableRow(
        row=rec.row, headline=value.get("headline"), text=value["text"],
        published=_published(path, rec, fields, index, value),
        newspaper=value.get("newspaper"), page=value.get("page"), url=value.get("url"),
        author=value.get("author"), home=value.get("home"), extra={name: texts[index[name]] or "" for name in extras},
    )


def _published(path: Path, rec: _Record, fields: dict[str, str], index: dict[str, int],
               value: dict[str, str | None]) -> dt.date | None:
    """The row's date (``parse_date`` on the cell as it came: text, number or date), or None."""
    column = fields.get("published")
    if column is None or value["published"] is None:
        return None
    cell = rec.cells[index[column]]
    try:
        return parse_date(value["published"] if isinstance(cell, str) else cell,
                          where=f"{rec.place}, column {column!r}")
    except InputError as err:
        raise CorpusError(err.message, path=path, line=rec.line) from err


def _without_trailing_blanks(records: list[_Record]) -> list[_Record]:
    """``records`` without the rows after the last one that holds a value (CSV/TSV/XLSX)."""
    end = len(records)
    while end and all(_is_blank(cell) for cell in records[end - 1].cells):
        end -= 1
    return records[:end]


def _is_blank(cell: object) -> bool:
    """True for a cell with no value: None, or text of whitespace only."""
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _cell_text(cell: object, path: Path, where: str, line: int | None = None) -> str | None:
    """A cell as printed text (module docstring), None when empty."""
    if cell is None or type(cell).__name__ == "NaTType":
        return None
    if isinstance(cell, str):
        text = cell
    elif isinstance(cell, bool):
        text = "true" if cell else "false"
    elif isinstance(cell, float):
        if math.isnan(cell):
            return None
        text = str(int(cell)) if cell.is_integer() else repr(cell)
    elif isinstance(cell, int | Decimal):
        text = str(cell)
    elif isinstance(cell, dt.datetime):
        text = cell.isoformat(sep=" ")
    elif isinstance(cell, dt.date | dt.time):
        text = cell.isoformat()
    elif isinstance(cell, list | dict):
        text = json.dumps(cell, ensure_ascii=False)
    else:
        raise CorpusError(f"{where}: a {type(cell).__name__} value, not text", path=path,
                          line=line)
    return text.replace("\r\n", "\n").replace("\r", "\n").strip() or None
