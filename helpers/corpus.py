"""Raw newspaper pages -> the articles table, and the corpus-level jobs around it.

``parse_page`` and ``load_corpus`` give one row per article (see ``docs/DESIGN.md`` for the
columns); the articles themselves come from the page-layout parser, ``helpers.layout``, and this
module adds what is not layout: ids (``"{source}-{NN}"``), localities (``helpers.places``) and
where the subheads stand (``articles.attrs``).  Also here: the paragraphs table, the list of raw
pages of a corpus, the conservation checks (nothing lost, nothing invented), diagnostics, and
writing a table to ``corpus/derived``.
"""

from __future__ import annotations

import errno
import fnmatch
import functools
import json
import re
import stat
import warnings
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from os import PathLike
from pathlib import Path

import pandas as pd

from helpers import config
from helpers.formats.detect import TABLE_SUFFIXES, TEXT_SUFFIXES
from helpers.formats.metadata import FORMATS, METADATA_FILE, FileMeta, FolderMeta, load_metadata
from helpers.formats.read import FileRecords, read_file
from helpers.places import locate_article
from helpers.text import CorpusError, read_page

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

#: The extensions of corpus files in a folder (compared in lower case, so ``P1.TXT`` is read):
#: text files (e-paper pages and article files: every extraction tool and scraper saves
#: ``.txt``) and tables (database exports).  A folder also collects notes, indexes and the PDFs
#: themselves, which read as text would invent articles.  A file with another extension is
#: read (as text) only when named on its own.
CORPUS_SUFFIXES = TEXT_SUFFIXES + TABLE_SUFFIXES
#: Files that version control or the operating system put in any folder and that never hold a
#: page: left out of a corpus folder without a word (documented in corpus/README.md), so that
#: an empty folder kept in git or a folder opened in the macOS Finder or Windows Explorer is
#: not refused.  Only regular files of exactly these names.
HOUSEKEEPING_FILES = (".gitkeep", ".gitignore", ".DS_Store", "Thumbs.db", "desktop.ini",
                      METADATA_FILE)
# parentheses that bylines are printed in, and one parenthesized group on a line
_PARENS = "（）()"
_PAREN_GROUP = re.compile(r"([（(])([^（）()]*)([）)])")
# why an entry of a corpus folder (or an explicit path) is not read as a page
_NOT_A_PAGE = {
    "hidden": "hidden file (name starts with a dot)",
    "extension": f"extension is not a corpus file extension ({', '.join(CORPUS_SUFFIXES)})",
    "named like a page": "a directory named like a corpus file, not a file",
    "subfolder": "a subfolder (subfolders are not read)",
    "loop": "a symbolic link loop",
    "dangling": "a dangling symbolic link (its target does not exist)",
    "missing": "no such file or folder",
    "fifo": "a FIFO (named pipe), not a regular file",
    "socket": "a socket, not a regular file",
    "device": "a device, not a regular file",
}


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
        place = locate_article(rec.headline, rec.text, published=rec.published,
                               home=rec.home, source=rec.source_line)
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


def list_pages(path: str | PathLike[str] | None = None, *,
               ignore: str | Iterable[str] = ()) -> list[Path]:
    """The raw pages under ``path`` (default ``corpus/raw``): one file, or a folder's pages.

    A folder's corpus files are its ``CORPUS_SUFFIXES`` files (sorted by name).  Every other entry --
    another extension, a dot-file, a subfolder, a directory named like a page, a dangling or
    looping symlink, a FIFO, socket or device -- is refused: one ``CorpusError`` names the
    folder and lists each entry with why, so that nothing is read by accident (``notes.md``
    becoming articles) and nothing is skipped unsaid.  Only ``HOUSEKEEPING_FILES`` are left
    out without a word (documented).  ``ignore``: glob patterns (or one pattern) of entry names
    to leave out instead, pages included; a ``UserWarning`` lists what they left out.  A path
    to one file is read whatever its extension (``read_page`` refuses it if it is not text).
    """
    root = Path(path) if path is not None else config.CORPUS_RAW
    kind = _entry_kind(root)
    if kind == "folder":
        return _folder_pages(root, (ignore,) if isinstance(ignore, str) else tuple(ignore))
    if kind != "page":
        raise CorpusError(_NOT_A_PAGE.get(kind, kind), path=root)
    return [root]


def _folder_pages(root: Path, patterns: tuple[str, ...]) -> list[Path]:
    """The pages of folder ``root``; raises for entries that are not pages (see list_pages)."""
    pages: list[Path] = []
    refused: list[str] = []
    ignored: list[str] = []
    for entry in sorted(root.iterdir(), key=lambda p: p.name):
        pattern = next((p for p in patterns if fnmatch.fnmatchcase(entry.name, p)), None)
        if pattern is not None:
            ignored.append(f"{entry.name} (ignore={pattern!r})")
            continue
        kind = _entry_kind(entry)
        if kind == "page" and entry.name in HOUSEKEEPING_FILES:
            continue
        if kind == "page" and entry.name.startswith("."):
            kind = "hidden"
        elif kind == "page" and entry.suffix.lower() not in CORPUS_SUFFIXES:
            kind = "extension"
        elif kind == "folder":
            kind = "named like a page" if entry.suffix.lower() in CORPUS_SUFFIXES else "subfolder"
        if kind == "page":
            pages.append(entry)
        else:
            refused.append(f"  {entry.name}: {_NOT_A_PAGE.get(kind, kind)}")
    if ignored:
        warnings.warn(f"{root}: left out by ignore=: {', '.join(ignored)}", UserWarning,
                      stacklevel=3)
    if refused:
        raise CorpusError(
            f"{_count(len(refused), 'entry is not a corpus file', 'entries are not corpus files')} "
            f"(corpus files are the files ending in {', '.join(CORPUS_SUFFIXES)}, and "
            f"{METADATA_FILE}; nothing else is read or skipped):\n"
            + "\n".join(refused)
            + "\nMove what is not a corpus file out of the folder, or name it with ignore=[...] (glob "
            "patterns of names, e.g. ignore=['*.md'])", path=root)
    if not pages:
        raise CorpusError("folder holds no corpus files (drop raw text files or tables here)",
                          path=root)
    stems = Counter(p.stem for p in pages)
    dupes = [p for p in pages if stems[p.stem] > 1]
    if dupes:
        raise CorpusError(f"two pages share the source name {dupes[0].stem!r}", path=dupes[0])
    return pages


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _entry_kind(path: Path) -> str:
    """What ``path`` is, following symlinks: "page" (a regular file), "folder", or the key
    in ``_NOT_A_PAGE`` of why it cannot be read as one."""
    try:
        mode = path.stat().st_mode
    except OSError as err:
        if err.errno == errno.ELOOP:
            return "loop"
        if path.is_symlink():
            return "dangling"
        if err.errno == errno.ENOENT:
            return "missing"
        return f"cannot be accessed ({err.strerror or err})"
    if stat.S_ISREG(mode):
        return "page"
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISFIFO(mode):
        return "fifo"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "device"


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
    from helpers.formats.tables import read_table
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
