"""Corpus files -> the articles table, and the corpus-level jobs around it.

``load_corpus`` / ``read_corpus`` (and ``parse_page`` / ``parse_text`` for one text) give one
row per article (see ``docs/DESIGN.md`` for the columns); the articles come from the readers of
the formats, ``helpers.formats`` (page text through the layout parser), with the folder's
``metadata.yaml``, and this module adds ids (``"{source}-{NN}"``), localities
(``helpers.places.locate_article``) and where the subheads stand (``articles.attrs``).  Also
here: the paragraphs table, the conservation checks (nothing lost, nothing invented),
diagnostics, and writing a table to ``corpus/derived``.  Which files are read:
``helpers.listing``.
"""

from __future__ import annotations

import functools
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from os import PathLike
from pathlib import Path

import pandas as pd

from helpers import config
from helpers.formats.detect import TABLE_SUFFIXES
from helpers.formats.metadata import FORMATS, METADATA_FILE, FileMeta, FolderMeta, load_metadata
from helpers.formats.read import FileRecords, Record, read_file
from helpers.formats.tables import read_table
from helpers.listing import CORPUS_SUFFIXES, HOUSEKEEPING_FILES, list_pages
from helpers.places import locate_article
from helpers.places.publisher import publisher_home
from helpers.text import read_page

__all__ = [
    "ARTICLE_COLUMNS", "CORPUS_SUFFIXES", "FURNITURE_COLUMNS", "HOUSEKEEPING_FILES",
    "PARAGRAPH_COLUMNS", "SUBHEAD_PARAS", "Audit", "Corpus", "audit_corpus", "byline_parentheses",
    "check_conservation", "check_corpus", "describe_articles", "file_meta", "file_settings",
    "iter_paragraphs", "list_pages", "load_corpus", "meta_digest", "paragraphs", "parse_page",
    "parse_text", "raw_excerpt", "read_corpus", "save_table", "set_subhead_positions",
    "subhead_paragraphs", "subhead_positions",
]

ARTICLE_COLUMNS = [
    "article_id", "source", "format", "headline", "subheads", "byline", "text",
    "newspaper", "published", "page", "url", "dateline",
    "locality", "prefecture", "province", "level", "admin_code", "township", "agency",
    "header", "extra", "line_start", "line_end",
]
#: The furniture table: page and site debris kept out of the articles (see formats.furniture);
#: ``line`` is the 1-based line of the raw file (the data row for a table).
FURNITURE_COLUMNS = ["source", "format", "line", "kind", "text"]
PARAGRAPH_COLUMNS = ["article_id", "para_no", "text"]
# articles.attrs[SUBHEAD_PARAS]: JSON of article_id -> the para_no each of its subheads precedes
# (the codebook counts a subhead as part of the paragraph that follows it); see
# subhead_paragraphs.  A string, because pandas deep-copies attrs on every operation.
SUBHEAD_PARAS = "subhead_paras"

# parentheses that bylines are printed in, and one parenthesized group on a line
_PARENS = "（）()"
_PAREN_GROUP = re.compile(r"([（(])([^（）()]*)([）)])")
@dataclass
class Corpus:
    """What ``read_corpus`` gives: the articles table and the furniture table."""

    articles: pd.DataFrame
    furniture: pd.DataFrame


def parse_page(text: str, source: str = "page", *, format: str = "page",
               home: str | None = None) -> pd.DataFrame:
    """Parse one raw text into the articles table (see ``docs/DESIGN.md``); its furniture
    (page debris) is left out: ``parse_text`` gives both."""
    return parse_text(text, source, format=format, home=home).articles


def parse_text(text: str, source: str = "page", *, format: str = "page",
               home: str | None = None) -> Corpus:
    """Parse one raw text into the articles and furniture tables.

    ``text`` is the file as read (``read_page`` decodes and normalizes a file); ``source``
    names it and prefixes each ``article_id`` ("{source}-{NN}"); ``format``: "page" (e-paper
    page text) or "article" (one article); ``home``: what 我县 refers to (see metadata).
    """
    meta = FileMeta(home=home)
    rows, where, furniture = _rows_of(read_file(Path(source), text, meta=meta, format=format),
                                      source)
    frame = _articles_frame(rows)
    set_subhead_positions(frame, where)
    return Corpus(frame, _furniture_frame(furniture))


def _rows_of(found: FileRecords, source: str
             ) -> tuple[list[dict[str, object]], dict[str, list[int]], list[dict[str, object]]]:
    """The article rows of one file, where their subheads stand, and its furniture rows."""
    rows = []
    where: dict[str, list[int]] = {}
    for n, rec in enumerate(found.records, start=1):
        aid = f"{source}-{n:02d}"
        where[aid] = rec.subhead_paras
        # without a home from the metadata, the publisher the item prints (its 来源 line, a
        # table's source cell); a newspaper named by the metadata alone is the researcher's to
        # place (metadata ``home``), never guessed from its name
        home = rec.home or publisher_home(rec.source_line)
        place = locate_article(rec.headline, _lead_text(rec), published=rec.published,
                               home=home, source=rec.source_line)
        rows.append({
            "article_id": aid, "source": source, "format": found.format,
            "headline": rec.headline, "subheads": rec.subheads, "byline": rec.byline,
            "text": rec.text, "newspaper": rec.newspaper, "published": rec.published,
            "page": rec.page, "url": rec.url, "dateline": rec.dateline,
            "locality": place.locality, "prefecture": place.prefecture,
            "province": place.province, "level": place.level, "admin_code": place.admin_code,
            "township": place.township, "agency": place.agency, "header": rec.header,
            "extra": rec.extra, "line_start": rec.line_start, "line_end": rec.line_end,
        })
    furniture = [{"source": source, "format": found.format, "line": line, "kind": kind,
                  "text": text} for line, kind, text in found.furniture]
    return rows, where, furniture


def _lead_text(rec: Record) -> str:
    """The text the locality is read from: the body, after the subheads printed above its first
    paragraph (a 副题 or an author's line such as 某县某镇党委书记 张某 names the place
    as a headline does, and the parsers lift it out of the body); a subhead repeating the
    headline (a scraped page's title printed twice) is the headline's, read there already."""
    lead = [s for s, para in zip(rec.subheads, rec.subhead_paras, strict=False)
            if para == 1 and s != rec.headline]
    return "\n".join([*lead, rec.text]) if lead else rec.text


def _file_rows(path: Path, *, meta: FileMeta, format: str | None = None
               ) -> tuple[list[dict[str, object]], dict[str, list[int]], list[dict[str, object]]]:
    """``_rows_of`` one corpus file (decoded as text unless it is a table)."""
    text = None if path.suffix.lower() in TABLE_SUFFIXES else read_page(path)
    return _rows_of(read_file(path, text, meta=meta, format=format), path.stem)


def file_meta(path: Path) -> FileMeta:
    """What the ``metadata.yaml`` of ``path``'s folder says of it (the pipeline's route: it
    takes format and columns from the metadata file only)."""
    folder = path.parent
    try:
        st = (folder / METADATA_FILE).stat()
        stamp = (st.st_mtime_ns, st.st_size)
    except OSError:
        stamp = None
    return _folder_meta(folder, stamp).for_file(path)


@functools.lru_cache(maxsize=64)
def _folder_meta(folder: Path, stamp: tuple[int, int] | None) -> FolderMeta:
    """A folder's metadata, read again when its file changes (``stamp``: mtime and size)."""
    return load_metadata(folder)


def meta_digest(meta: FileMeta) -> str:
    """A stable text of what the metadata says of a file ("" when it says nothing): part of
    the key of the file's cache entries, so that an edited metadata file re-reads the file."""
    if meta == FileMeta():
        return ""
    values = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in vars(meta).items()}
    values["columns"] = sorted(dict(meta.columns).items())
    return json.dumps(values, ensure_ascii=False, sort_keys=True)


def _articles_frame(rows: list[dict[str, object]]) -> pd.DataFrame:
    """Build the articles table with object columns (so a missing headline stays ``None``)."""
    frame = pd.DataFrame(rows, columns=ARTICLE_COLUMNS, dtype=object)
    return frame.astype({"line_start": "int64", "line_end": "int64"})


def _furniture_frame(rows: list[dict[str, object]]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=FURNITURE_COLUMNS, dtype=object)
    return frame.astype({"line": "int64"})


def paragraphs(articles: pd.DataFrame) -> pd.DataFrame:
    """The paragraphs table: one row per paragraph (``article_id``, ``para_no`` from 1, ``text``)."""
    return pd.DataFrame(list(iter_paragraphs(articles)), columns=PARAGRAPH_COLUMNS)


def iter_paragraphs(articles: pd.DataFrame) -> Iterator[tuple[str, int, str]]:
    """The rows of ``paragraphs(articles)`` as (article_id, para_no, text) tuples, without
    building the table (the stages that read every paragraph once)."""
    for aid, body in zip(articles["article_id"].tolist(), articles["text"].tolist(), strict=True):
        for n, para in enumerate((p for p in body.split("\n") if p), start=1):
            yield aid, n, para


def check_conservation(text: str, articles: pd.DataFrame,
                       furniture: pd.DataFrame | None = None) -> dict[str, object]:
    """Compare a file's non-whitespace characters with those in the articles' fields.

    ``text``: the page or article file as read, or a table's title and text cells.  Returns
    ``{"ok", "missing", "invented"}``: characters of the file not found in any field (or in the
    ``furniture`` rows) and characters in the fields that are not in the file (must be none).
    The fields: headline, subheads, text, the header lines, and on pages the byline (an article
    file's byline is read from its header lines, which are counted instead).  Only byline
    parentheses may be missing, and only as many as the page prints around bylines: a
    parenthesized group on an article's lines holding a run of its byline names (one pair per
    byline line, so byline lines that the parser merged into one article are each accounted
    for).
    """
    page = Counter(ch for ch in text if not ch.isspace())
    fields: Counter[str] = Counter()
    formats = articles["format"] if "format" in articles else ["page"] * len(articles)
    headers = articles["header"] if "header" in articles else [[]] * len(articles)
    for row, fmt, header in zip(articles.itertuples(index=False), formats, headers, strict=True):
        parts = [row.headline or "", *row.subheads, *header, row.text]
        if fmt == "page":
            parts += row.byline
        fields.update(ch for part in parts for ch in part if not ch.isspace())
    if furniture is not None:
        fields.update(ch for part in furniture["text"] for ch in part if not ch.isspace())
    missing = page - fields
    invented = fields - page
    allowed = byline_parentheses(text, articles)
    parens_ok = (
        set(missing) <= set(_PARENS)
        and all(missing[ch] <= allowed[ch] for ch in _PARENS)
        and missing["（"] + missing["("] == missing["）"] + missing[")"]
    )
    return {"ok": parens_ok and not invented, "missing": dict(missing),
            "invented": dict(invented)}


def byline_parentheses(text: str, articles: pd.DataFrame) -> Counter[str]:
    """The parentheses the page prints around bylines: those of every group ``（…）`` on an
    article's lines whose content, spaces removed, is a run of that article's byline names
    (``（刘 波 肖 薇）`` for 刘波, 肖薇).  The parser keeps the names and drops these."""
    if not len(articles):
        return Counter()
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    found: Counter[str] = Counter()
    for names, first, last in zip(articles["byline"], articles["line_start"],
                                  articles["line_end"], strict=True):
        if not names:
            continue
        runs = {"".join(names[i:j]) for i in range(len(names))
                for j in range(i + 1, len(names) + 1)}
        for line in lines[first - 1:last]:
            for m in _PAREN_GROUP.finditer(line):
                if "".join(m.group(2).split()) in runs:
                    found.update((m.group(1), m.group(3)))
    return found


def load_corpus(path: str | PathLike[str] | None = None, *, format: str | None = None,
                columns: Mapping[str, str] | None = None,
                ignore: str | Iterable[str] = ()) -> pd.DataFrame:
    """Read every corpus file under ``path`` (default ``corpus/raw``) into one articles table,
    in file order (a table's rows in their order).  Options: see ``read_corpus``."""
    return read_corpus(path, format=format, columns=columns, ignore=ignore).articles


def read_corpus(path: str | PathLike[str] | None = None, *, format: str | None = None,
                columns: Mapping[str, str] | None = None,
                ignore: str | Iterable[str] = ()) -> Corpus:
    """The articles and furniture tables of every corpus file under ``path``.

    ``format``: "page", "article" or "table" for every file (else the folder's
    ``metadata.yaml``, else detected per file: ``formats.detect``); ``columns``: a table
    file's column names -> fields (``formats.tables``), over the metadata's.  Which files are
    read, and ``ignore``: see ``list_pages``.
    """
    rows: list[dict[str, object]] = []
    where: dict[str, list[int]] = {}
    furniture: list[dict[str, object]] = []
    for file, meta in file_settings(path, format=format, columns=columns, ignore=ignore):
        file_rows, file_where, file_furniture = _file_rows(file, meta=meta)
        rows.extend(file_rows)
        where.update(file_where)
        furniture.extend(file_furniture)
    corpus = _articles_frame(rows)
    set_subhead_positions(corpus, where)
    return Corpus(corpus, _furniture_frame(furniture))


def file_settings(path: str | PathLike[str] | None = None, *, format: str | None = None,
                  columns: Mapping[str, str] | None = None,
                  ignore: str | Iterable[str] = ()) -> list[tuple[Path, FileMeta]]:
    """The corpus files under ``path`` with what the metadata and the call say of each."""
    if format is not None and format not in FORMATS:
        raise ValueError(f"format={format!r}: one of {', '.join(FORMATS)} or None")
    files = list_pages(path, ignore=ignore)
    root = Path(path) if path is not None else config.CORPUS_RAW
    folder = load_metadata(root if root.is_dir() else root.parent)
    out = []
    for file in files:
        meta = folder.for_file(file)
        if format is not None:
            meta = replace(meta, format=format)
        if columns:
            meta = replace(meta, columns=dict(columns))
        out.append((file, meta))
    return out


def set_subhead_positions(articles: pd.DataFrame, where: dict[str, list[int]]) -> None:
    """Attach where the subheads stand (article_id -> para_no list) to an articles table."""
    articles.attrs[SUBHEAD_PARAS] = json.dumps(where, ensure_ascii=False, sort_keys=True)


def subhead_positions(articles: pd.DataFrame) -> dict[str, list[int]]:
    """The subhead positions attached to an articles table (empty when there are none)."""
    return _load_positions(articles.attrs.get(SUBHEAD_PARAS) or "{}")


@functools.lru_cache(maxsize=8)
def _load_positions(encoded: str) -> dict[str, list[int]]:
    return json.loads(encoded)


def subhead_paragraphs(articles: pd.DataFrame) -> pd.DataFrame:
    """Where the subheads stand: one row per subhead (``article_id``, ``para_no`` of the paragraph
    it precedes, ``subhead``).  The positions travel with the articles table from ``parse_page``
    / ``load_corpus`` (``articles.attrs``); a table read back from disk has none and gives an
    empty result."""
    where = subhead_positions(articles)
    rows = [
        (aid, para_no, sub)
        for aid, subs in zip(articles["article_id"], articles["subheads"], strict=True)
        for sub, para_no in zip(subs, where.get(aid, []), strict=False)
    ]
    return pd.DataFrame(rows, columns=["article_id", "para_no", "subhead"])


def describe_articles(articles: pd.DataFrame) -> pd.DataFrame:
    """Per-article diagnostics: lines, paragraphs, characters, subheads, byline and locality."""
    return pd.DataFrame({
        "article_id": articles["article_id"],
        "headline": articles["headline"],
        "lines": articles["line_start"].astype(str) + "–" + articles["line_end"].astype(str),
        "paragraphs": [len([p for p in t.split("\n") if p]) for t in articles["text"]],
        "characters": [len(t.replace("\n", "")) for t in articles["text"]],
        "subheads": [len(s) for s in articles["subheads"]],
        "byline": ["、".join(b) for b in articles["byline"]],
        "locality": articles["locality"],
        "prefecture": articles["prefecture"],
    }).reset_index(drop=True)


def raw_excerpt(path: str | PathLike[str], first: int, last: int) -> str:
    """Lines ``first``..``last`` (1-based, inclusive) of a raw page as stored, numbered."""
    lines = read_page(path).split("\n")
    return "\n".join(f"{n:>4}│{lines[n - 1]}" for n in range(first, min(last, len(lines)) + 1))


def check_corpus(path: str | PathLike[str] | None = None, *, format: str | None = None,
                 columns: Mapping[str, str] | None = None,
                 ignore: str | Iterable[str] = ()) -> pd.DataFrame:
    """Conservation check for every corpus file: one row per file (source, format, articles,
    furniture, ok, missing, invented), where ``missing`` may only hold byline parentheses.
    A table's title and text cells are conserved like a page's text.  Options: see
    ``read_corpus``; ``audit_corpus`` also gives the furniture table."""
    return audit_corpus(path, format=format, columns=columns, ignore=ignore).checks


@dataclass
class Audit:
    """What ``audit_corpus`` gives: the conservation check per file and the furniture table."""

    checks: pd.DataFrame
    furniture: pd.DataFrame


def audit_corpus(path: str | PathLike[str] | None = None, *, format: str | None = None,
                 columns: Mapping[str, str] | None = None,
                 ignore: str | Iterable[str] = ()) -> Audit:
    """One pass over the corpus files: ``check_corpus``'s table and the furniture (page and
    site debris kept out of the articles), without building the articles table."""
    rows = []
    furniture_rows: list[dict[str, object]] = []
    for file, meta in file_settings(path, format=format, columns=columns, ignore=ignore):
        art_rows, _, furn_rows = _file_rows(file, meta=meta)
        articles, furniture = _articles_frame(art_rows), _furniture_frame(furn_rows)
        furniture_rows.extend(furn_rows)
        fmt = str(articles["format"].iloc[0]) if len(articles) else (
            str(furniture["format"].iloc[0]) if len(furniture) else None)
        report = check_conservation(_raw_text(file, meta), articles, furniture)
        rows.append({"source": file.stem, "format": fmt, "articles": len(articles),
                     "furniture": len(furniture), "ok": report["ok"],
                     "missing": " ".join(f"{k}×{v}" for k, v in sorted(report["missing"].items())),
                     "invented": "".join(sorted(report["invented"]))})
    checks = pd.DataFrame(rows, columns=["source", "format", "articles", "furniture", "ok",
                                         "missing", "invented"])
    return Audit(checks, _furniture_frame(furniture_rows))


def _raw_text(file: Path, meta: FileMeta) -> str:
    """What conservation counts in a file: its text, or a table's title and text cells."""
    if file.suffix.lower() not in TABLE_SUFFIXES:
        return read_page(file)
    table = read_table(file, columns=dict(meta.columns) or None)
    return "\n".join(f"{row.headline or ''}\n{row.text}" for row in table.rows)


def save_table(table: pd.DataFrame, name: str, folder: str | PathLike[str] | None = None
               ) -> list[Path]:
    """Write ``table`` to ``corpus/derived/{name}.parquet`` and ``{name}.csv``.

    The CSV is UTF-8 with a byte-order mark so that Excel shows the Chinese text; list columns
    (subheads, byline) are written there as JSON arrays.  Returns the two paths.
    """
    out = Path(folder) if folder is not None else config.CORPUS_DERIVED
    out.mkdir(parents=True, exist_ok=True)
    parquet, csv = out / f"{name}.parquet", out / f"{name}.csv"
    table.to_parquet(parquet, index=False)
    flat = table.copy()
    for col in flat.columns:
        if flat[col].map(lambda v: isinstance(v, list)).any():
            flat[col] = flat[col].map(lambda v: json.dumps(list(v), ensure_ascii=False))
    flat.to_csv(csv, index=False, encoding="utf-8-sig", lineterminator="\n")
    return [parquet, csv]
