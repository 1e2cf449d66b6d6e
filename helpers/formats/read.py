"""One corpus file, in any format, -> its article records and its furniture.

``read_file`` is the one place that knows the three formats: page text goes to the layout
parser (with its debris lines blanked out first, so line numbers hold), an article file to
``article.read_article``, each row of a table to ``read_article`` with the title cell as the
headline.  The records carry everything but ids and localities, which ``helpers.corpus`` adds.
Publication metadata is taken from the file itself first (a table's cells, header lines, an
edition line), then from ``metadata.yaml`` (its entry for the file, its name pattern, the
folder's defaults) -- except the newspaper: the metadata's name wins over an article's 来源
header, which on county sites often names the reporting organ (it is passed on as
``source_line``, where the locality resolver reads the organ).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from helpers.errors import CorpusError, InputError
from helpers.formats.article import ParsedText, read_article
from helpers.formats.datelines import find_dateline
from helpers.formats.dates import find_date
from helpers.formats.detect import detect_format
from helpers.formats.furniture import edition_page, furniture_candidates, furniture_kind
from helpers.formats.headers import parse_header, split_people
from helpers.formats.metadata import FileMeta, check_home
from helpers.formats.tables import read_table
from helpers.layout import parse_articles
from helpers.text.decoding import check_simplified

__all__ = ["FileRecords", "Record", "read_file"]

# The weekday a page's running head prints after the date (星期五, 周五).
_WEEKDAY = re.compile(r"(星期|周)[一二三四五六日天]")
# What a running head holds: a weekday, or an editors' label (a line without one is none).
# (each alternative opens with a literal character: re then jumps to those characters)
_PAGE_HEADER_HINT = re.compile(r"星期[一二三四五六日天]|周[一二三四五六日天]|编|版式|校|审|签发|核稿")


@dataclass
class Record:
    """One article of a file, before ids and localities."""

    headline: str | None
    subheads: list[str]
    byline: list[str]
    text: str
    header: list[str]
    line_start: int
    line_end: int
    subhead_paras: list[int] = field(default_factory=list)
    newspaper: str | None = None
    published: dt.date | None = None
    page: str | None = None
    url: str | None = None
    dateline: str | None = None
    source_line: str | None = None  # the 来源 field as printed (names an organ or a place)
    home: str | None = None  # what 我县 refers to (a table's home column, else the metadata's)
    extra: str = "{}"


@dataclass
class FileRecords:
    """What one file gives: its format, its articles and its furniture ((line, kind, text))."""

    format: str
    records: list[Record]
    furniture: list[tuple[int, str, str]]


def read_file(path: Path, text: str | None, *, meta: FileMeta, format: str | None = None
              ) -> FileRecords:
    """Read one file.  ``text``: the decoded file for text formats (None for tables);
    ``format``: the caller's choice, over the metadata's, over detection."""
    fmt = format or meta.format or detect_format(path, text)
    if fmt == "table":
        return _read_table(path, meta)
    if text is None:
        raise CorpusError(f"a {fmt} file must be text", path=path)
    reader = _read_page if fmt == "page" else _read_article_file
    records, furniture = reader(path, text, meta)
    for rec in records:
        rec.home = meta.home
    return FileRecords(fmt, records, furniture)


def _read_page(path: Path, text: str, meta: FileMeta
               ) -> tuple[list[Record], list[tuple[int, str, str]]]:
    page = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = page.split("\n")
    furniture = []
    # only the lines that may be debris are asked (furniture_candidates); no repeated-line rule
    # on a page: three articles by the same reporters print the same byline line three times,
    # and a subhead may recur
    for i in furniture_candidates(page, newspaper=meta.newspaper, signs=(_PAGE_HEADER_HINT,)):
        line = lines[i]
        kind = furniture_kind(line, newspaper=meta.newspaper, menus=False) or _page_header(line)
        if kind is not None:
            furniture.append((i + 1, kind, line.strip()))
            lines[i] = ""
    page = next((p for _, _, t in furniture if (p := edition_page(t))), None)
    dated = next((t for _, k, t in furniture if k == "page header" and _WEEKDAY.search(t)), None)
    published = find_date(dated, where="page header") if dated else None
    records = []
    for art in parse_articles("\n".join(lines)):
        body = "\n".join(art.paragraphs)
        rec = Record(art.headline, art.subheads, art.byline, body, [], min(art.lines),
                     max(art.lines), art.subhead_paras)
        _fill(rec, meta, page=page, published=published, url=None)
        records.append(rec)
    return records, furniture


def _page_header(line: str) -> str | None:
    """"page header" for a page's running head: the issue's date with its weekday (2021年8月27日
    星期五: a column line that is only a date has no weekday) or a line of editors' credits only
    (责任编辑：张三  版式：李四); None otherwise."""
    if not _PAGE_HEADER_HINT.search(line):  # most page lines: no header parse at all
        return None
    header = parse_header(line)
    if header is None:
        return None
    if set(header.fields) == {"published"} and _WEEKDAY.search(line):
        return "page header"
    if set(header.fields) == {"editor"}:
        return "page header"
    return None


def _read_article_file(path: Path, text: str, meta: FileMeta
                       ) -> tuple[list[Record], list[tuple[int, str, str]]]:
    parsed = read_article(text, newspaper=meta.newspaper)
    if not parsed.lines:
        return [], parsed.furniture
    rec = _record(parsed, path, where="header line {line}", line_start=min(parsed.lines),
                  line_end=max(parsed.lines))
    _fill(rec, meta, page=parsed.page or parsed.field_value("page"), published=rec.published,
          url=None)
    return [rec], parsed.furniture


def _record(parsed: ParsedText, path: Path, *, where: str, line_start: int, line_end: int,
            dated: bool = False) -> Record:
    """A record from a parsed text; published, newspaper, byline from its header lines.
    ``dated``: the date is known already (a table's date cell): header dates are not read."""
    published = None
    for n, value in [] if dated else parsed.numbered_values("published"):
        try:
            published = find_date(value, where=where.format(line=n))
        except InputError as err:
            raise CorpusError(str(err), path=path,
                              line=n if where.startswith("header") else None) from err
        if published:
            break
    names = [n for v in parsed.field_values("author") for n in split_people(v)]
    source = parsed.field_value("source")
    body = "\n".join(parsed.paragraphs)
    return Record(parsed.headline, parsed.subheads, list(dict.fromkeys(names)), body,
                  [line for _, line in parsed.header_lines], line_start, line_end,
                  [1] * len(parsed.subheads), newspaper=source, published=published,
                  source_line=source)


def _fill(rec: Record, meta: FileMeta, *, page, published, url, newspaper=None) -> None:
    """Publication metadata: the file's own first, then the metadata's.  The newspaper: a
    table's newspaper cell, then the metadata's, then the 来源 header (``rec.newspaper`` as read:
    on county sites it often names the reporting organ)."""
    rec.newspaper = newspaper or meta.newspaper or rec.newspaper
    rec.published = published or meta.published
    rec.page = page or meta.page
    rec.url = url or meta.url
    rec.dateline = find_dateline(rec.text)


def _check_cell_simplified(path: Path, row: int, text: str) -> None:
    """A row in traditional characters is refused as a page is (``check_simplified``)."""
    try:
        check_simplified(text, path)
    except CorpusError as err:
        raise CorpusError(f"row {row}: {err.message}", path=path) from err


def _read_table(path: Path, meta: FileMeta) -> FileRecords:
    table = read_table(path, columns=dict(meta.columns) or None)
    records: list[Record] = []
    furniture: list[tuple[int, str, str]] = []
    homes = {row.home for row in table.rows if row.home}
    for home in sorted(homes):
        check_home(home, path=path)
    for row in table.rows:
        _check_cell_simplified(path, row.row, f"{row.headline or ''}\n{row.text}")
        parsed = read_article(row.text, newspaper=row.newspaper or meta.newspaper,
                              headline=row.headline)
        furniture += [(row.row, kind, line) for _, kind, line in parsed.furniture]
        text_column = table.field_columns.get("text", "text")
        rec = _record(parsed, path, where=f"row {row.row}, column {text_column!r}, line {{line}} "
                      "of the cell", line_start=row.row, line_end=row.row,
                      dated=row.published is not None)
        if row.author:  # names, or the cell as printed when it holds no list of names (本报评论员)
            people = split_people(row.author) or [row.author.strip()]
            rec.byline = list(dict.fromkeys([*people, *rec.byline]))
        rec.extra = json.dumps(row.extra, ensure_ascii=False)
        _fill(rec, meta, page=row.page or parsed.page, published=row.published or rec.published,
              url=row.url, newspaper=row.newspaper)
        rec.home = row.home or meta.home
        # the source cell is the table's 来源 as printed: an organ there (县网信办) is the
        # reporting organ, as a 来源 header line is in an article file
        rec.source_line = rec.source_line or row.newspaper
        records.append(rec)
    return FileRecords("table", records, furniture)
