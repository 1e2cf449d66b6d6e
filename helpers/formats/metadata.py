"""The per-folder metadata file: what the files of a corpus folder do not say themselves.

``metadata.yaml`` beside the files (documented in ``corpus/README.md``)::

    newspaper: 洞口新闻          # the newspaper (or site) every file of the folder comes from
    home: 洞口县                 # its own locality: what 我县/本县/全县 in its articles refer to
    format: page                 # page | article | table for every file (else detected per file)
    name_pattern: YYYY-MM-DD_PP  # the date (and page) in the file names: 2021-08-27_01.txt
    columns: {正文内容: text}     # table files: their column names -> fields (see formats.tables)
    files:                       # per file, overriding the above
      2021-08-27_01.txt: {published: 2021-08-27, page: A01, url: http://…}

Every key is checked: an unknown key, a format that does not exist, a ``home`` that the
gazetteer does not know, a date that does not parse, a file named under ``files`` that is not in
the folder: one ``CorpusError`` naming the metadata file and line.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from helpers.errors import CorpusError
from helpers.formats.dates import parse_date

__all__ = ["FORMATS", "METADATA_FILE", "FileMeta", "FolderMeta", "check_home", "load_metadata"]

#: The name of the metadata file of a corpus folder (never read as a corpus file).
METADATA_FILE = "metadata.yaml"
#: The input formats (the ``format`` column): e-paper page text, one article per text file,
#: a table of articles (database export).
FORMATS = ("page", "article", "table")
_FOLDER_KEYS = ("newspaper", "home", "format", "name_pattern", "columns", "files")
_FILE_KEYS = ("newspaper", "home", "format", "published", "page", "url", "columns")
# name_pattern tokens: the year, month, day and page a file name carries, and * for anything.
_TOKENS = {"YYYY": r"(?P<year>\d{4})", "MM": r"(?P<month>\d{1,2})", "DD": r"(?P<day>\d{1,2})",
           "PP": r"(?P<page>[0-9A-Za-z]+)", "*": r".*?"}
_TOKEN = re.compile(r"YYYY|MM|DD|PP|\*")


@dataclass(frozen=True)
class FileMeta:
    """What the metadata says about one file (None: not said)."""

    format: str | None = None
    newspaper: str | None = None
    home: str | None = None
    published: dt.date | None = None
    page: str | None = None
    url: str | None = None
    columns: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class FolderMeta:
    """The metadata of one folder: defaults for its files, a file-name pattern, per-file entries."""

    path: Path | None = None
    defaults: FileMeta = FileMeta()
    name_pattern: str | None = None
    files: Mapping[str, FileMeta] = field(default_factory=dict)
    pattern_line: int | None = None  # the line of name_pattern in the metadata file


    def for_file(self, path: Path) -> FileMeta:
        """The metadata of one file: its entry over the name pattern over the folder's defaults."""
        meta = self.defaults
        if self.name_pattern:
            meta = replace(meta, **_from_name(path, self.name_pattern, self.path,
                                              self.pattern_line))
        entry = self.files.get(path.name)
        if entry is not None:
            meta = replace(meta, **{k: v for k, v in vars(entry).items() if v not in (None, {})})
        return meta


def load_metadata(folder: Path) -> FolderMeta:
    """The metadata of ``folder`` (empty when it has no ``metadata.yaml``)."""
    path = folder / METADATA_FILE
    if not path.is_file():
        return FolderMeta()
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    except (yaml.YAMLError, UnicodeDecodeError) as err:
        line = getattr(getattr(err, "problem_mark", None), "line", None)
        raise CorpusError(f"not readable YAML: {err}", path=path,
                          line=line + 1 if line is not None else None) from err
    if node is None:
        return FolderMeta(path=path)
    top = _mapping(node, path, "the metadata file")
    _check_keys(top, _FOLDER_KEYS, path)
    files = {}
    if "files" in top:
        for name, entry in _mapping(top["files"][1], path, "files").items():
            fields = _mapping(entry[1], path, f"files: {name}")
            _check_keys(fields, _FILE_KEYS, path)
            if not (folder / name).is_file():
                raise CorpusError(f"files: {name!r} is not a file of the folder", path=path,
                                  line=_line(entry[0]))
            files[name] = _file_meta(fields, path)
    pattern, pattern_line = None, None
    if "name_pattern" in top:
        pattern, pattern_line = _scalar(top["name_pattern"], path), _line(top["name_pattern"][1])
        _check_pattern(pattern, path, pattern_line)
    return FolderMeta(path=path, defaults=_file_meta(top, path), name_pattern=pattern,
                      files=files, pattern_line=pattern_line)


def _file_meta(fields: dict, path: Path) -> FileMeta:
    values: dict[str, object] = {}
    for key in ("newspaper", "home", "format", "page", "url"):
        if key in fields:
            values[key] = _scalar(fields[key], path)
    if values.get("format") is not None and values["format"] not in FORMATS:
        raise CorpusError(f"format: {values['format']!r} is not one of {', '.join(FORMATS)}",
                          path=path, line=_line(fields["format"][1]))
    if "home" in fields:
        check_home(values["home"], path=path, line=_line(fields["home"][1]))
    if "published" in fields:
        try:
            values["published"] = parse_date(_scalar(fields["published"], path), where="published")
        except ValueError as err:
            raise CorpusError(str(err), path=path, line=_line(fields["published"][1])) from err
    if "columns" in fields:
        cols = _mapping(fields["columns"][1], path, "columns")
        values["columns"] = {k: _scalar(v, path) for k, v in cols.items()}
    return FileMeta(**values)


def check_home(home: str, *, path: Path, line: int | None = None) -> None:
    """Refuse a ``home`` that names no place the locality resolver knows (a typo would
    silently leave every 我县 unresolved)."""
    from helpers.places.locate import locate_article
    from helpers.places.weigh import home_candidates
    from helpers.places.zones import zone_named
    if zone_named(home) is not None:
        return
    cands = home_candidates(home)
    if len(cands) > 1:
        names = "、".join(f"{p.province if p.province != p.prefecture else ''}"
                         f"{p.prefecture if p.prefecture != p.name else ''}{p.name}"
                         for p in cands)
        raise CorpusError(
            f"home: {home!r} names {len(cands)} units ({names}): give it with its city or "
            "province, as in the list, so that 我县/本区 point at the right one", path=path,
            line=line)
    if not cands and locate_article(home, "").locality is None:
        raise CorpusError(
            f"home: {home!r} is not a place the gazetteer knows: give its full name (洞口县, "
            "邵阳市, 邵阳经济技术开发区); for a unit renamed before the gazetteer's records of "
            "changes begin, give today's name", path=path, line=line)


def _pattern_regex(pattern: str) -> str:
    return _TOKEN.sub(lambda m: _TOKENS[m.group(0)], re.escape(pattern).replace(r"\*", "*"))


def _check_pattern(pattern: str, path: Path, line: int) -> None:
    """Refuse a name_pattern that cannot give a date: a token twice, or a date without its
    year, month or day."""
    try:
        re.compile(_pattern_regex(pattern))
    except re.error as err:
        raise CorpusError(f"name_pattern {pattern!r}: each of YYYY, MM, DD, PP at most once",
                          path=path, line=line) from err
    date_tokens = [t for t in ("YYYY", "MM", "DD") if t in pattern]
    if date_tokens and len(date_tokens) < 3:
        raise CorpusError(f"name_pattern {pattern!r}: a date needs YYYY, MM and DD", path=path,
                          line=line)


def _from_name(path: Path, pattern: str, meta_path: Path | None, line: int | None = None
               ) -> dict[str, object]:
    """published and page from a file name by ``name_pattern``, matched against the name
    without its extension or, for a pattern written with one, the whole name.  A file that does
    not match is an error naming the metadata file and the pattern's line (the pattern
    promises every file of the folder matches), as is a date that is no date."""
    regex = _pattern_regex(pattern)
    m = re.fullmatch(regex, path.stem) or re.fullmatch(regex, path.name)
    where = {"path": meta_path, "line": line} if meta_path is not None else {"path": path}
    if m is None:
        raise CorpusError(f"name_pattern {pattern!r}: the file name {path.name!r} does not "
                          "match it", **where)
    out: dict[str, object] = {}
    if m.groupdict().get("year"):
        from helpers.formats.dates import parse_date
        try:
            out["published"] = parse_date(f"{m['year']}-{m['month']}-{m['day']}",
                                          where=f"the date in the file name {path.name!r}")
        except ValueError as err:
            raise CorpusError(f"name_pattern {pattern!r}: {err}", **where) from err
    if m.groupdict().get("page"):
        out["page"] = m["page"]
    return out


def _mapping(node: yaml.Node, path: Path, what: str) -> dict[str, tuple[yaml.Node, yaml.Node]]:
    if not isinstance(node, yaml.MappingNode):
        raise CorpusError(f"{what} must be a mapping of keys to values", path=path,
                          line=_line(node))
    out: dict[str, tuple[yaml.Node, yaml.Node]] = {}
    for key, value in node.value:
        name = _scalar(key, path)
        if name in out:
            raise CorpusError(f"{name!r} is given twice", path=path, line=_line(key))
        out[name] = (key, value)
    return out


def _check_keys(fields: dict, allowed: tuple[str, ...], path: Path) -> None:
    for name, (key, _) in fields.items():
        if name not in allowed:
            raise CorpusError(f"unknown key {name!r} (known: {', '.join(allowed)})", path=path,
                              line=_line(key))


def _scalar(node: yaml.Node | tuple, path: Path) -> str:
    node = node[1] if isinstance(node, tuple) else node
    if not isinstance(node, yaml.ScalarNode):
        raise CorpusError("expected a single value", path=path, line=_line(node))
    return node.value.strip()


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1
