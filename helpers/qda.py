"""Exchange with QDA software (NVivo, MAXQDA, ATLAS.ti, QualCoder) through the REFI-QDA standard.

``export_qdpx(path, articles, segments, codebook)`` writes a REFI-QDA project (``.qdpx``: a zip of
``project.qde`` and ``Sources/``): one plain-text source per article (the article's ``text``
exactly, UTF-8), the article's metadata as variables of the source and of a case per article,
the codebook as codes under one parent code per dimension (``domain``, ``mode``; the
definitions, include and exclude notes as descriptions), and every dictionary segment as a
coded ``PlainTextSelection`` by the user ``dictionary``.  ``export_qdc(path, codebook)`` writes
the codebook alone (a REFI-QDA codebook, ``.qdc``).  ``import_qdpx(path)`` reads the codings of
a project back as a segments table with a ``coder`` column.

Positions.  REFI-QDA positions are 0-based character offsets into the source's plain text, the
end exclusive; here a character is a Python ``str`` character (a Unicode code point).  The
source text is the article's ``text``: its paragraphs joined by "\\n", so a segment's offsets
in its paragraph become offsets in the source by adding the paragraph's start (paragraphs are
the non-empty lines, numbered from 1, as in ``helpers.corpus.paragraphs``), and back.

Determinism.  Every GUID is a UUID5 of a stable key (the article id, the code id, the segment's
article, paragraph, offsets and code); no date is written unless ``created=`` is given (the
dates are optional in the schema); zip entries are sorted, with a fixed timestamp and mode.
The same tables give the same bytes.

Import.  Each coding (a ``Coding`` inside a ``PlainTextSelection``) becomes a row:
- ``article_id``: the article whose text the source holds.  With ``articles=``, a source is
  matched by its GUID (ours: UUID5 of the article id), its name, or else its text; a source
  matched by GUID or name whose text differs from the article's is refused (``QDAError``: the
  offsets could not be trusted), and a source matching no article gets ``article_id`` None.
  Without ``articles=``, the source's name (ours are named by article id).
- ``para_no``, ``start``, ``end``: the selection within the paragraphs of the source text.  A
  selection spanning several paragraphs is **split**: one row per paragraph it covers (the
  paragraph is the unit of coding), each marked ``split`` True; the line breaks between them
  belong to no row.  A selection holding no paragraph character (empty, or only a line break)
  is kept as a zero-length row (``start == end``) where it stands.
- ``code``: the codebook's id when the project's code is one of ours (by our GUID, or by a name
  equal to a code's id, Chinese or English label); otherwise the project's code path
  (``parent/child``), with ``known_code`` False and ``dimension`` None: reported, never dropped.
- ``term``: the selected text of the paragraph; ``coder``: the project's user who made the
  coding (its name, else its id, else its GUID; None when the file names nobody); ``source``
  and ``selection``: the source's name and the selection's GUID, to trace every row back.
Codings of pictures, PDF pages, audio and video are not text segments: they are counted in a
warning, not read.  A ``CodeRef`` to a case (NVivo's case coding) is a case assignment, not a
code, and is not a row.  A ``CodeRef`` to nothing in the project is an error.

Bad input (not a zip or XML, a missing ``project.qde`` or source text, an element without a
required attribute, offsets outside the source text, a dangling reference) raises
``helpers.errors.QDAError`` naming the file, the member, the element and its line.

The schema itself (``Project-mrt2019.xsd``, ``Codebook-mrt2019.xsd``, published by the REFI
consortium) is not shipped: ``benchmarks/validate_qdpx.py`` validates a file against a copy
given on its command line; tests/test_qda.py asserts the schema rules the export relies on.
"""

from __future__ import annotations

import datetime as dt
import io
import posixpath
import uuid
import warnings
import xml.etree.ElementTree as ET
import zipfile
from os import PathLike
from pathlib import Path
from xml.parsers import expat

import pandas as pd

from helpers.codebook import Codebook, resolve_codebook
from helpers.errors import QDAError

__all__ = [
    "IMPORT_COLUMNS",
    "METADATA",
    "QDAError",
    "export_qdc",
    "export_qdpx",
    "guid",
    "import_qdpx",
    "paragraph_starts",
]

PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
PROJECT_XSD = "http://schema.qdasoftware.org/versions/Project/v1.0/Project.xsd"
CODEBOOK_XSD = "http://schema.qdasoftware.org/versions/Codebook/v1.0/Codebook.xsd"
ORIGIN = "govreports (helpers.qda)"
#: Namespace of every GUID written here: UUID5 of a stable key under it.
GUID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:govreports:refi-qda")
#: The user that made the dictionary codings.
DICTIONARY_USER = "dictionary"
#: Article columns written as variables (when the articles table has them).
METADATA = ("locality", "level", "prefecture", "province", "newspaper", "published",
            "headline", "source")
SEGMENT_COLUMNS = ["article_id", "para_no", "code", "dimension", "term", "start", "end"]
IMPORT_COLUMNS = [*SEGMENT_COLUMNS, "coder", "known_code", "split", "source", "selection"]
#: Fixed timestamp of every zip entry (the earliest a zip can hold).
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
#: Colours of the two dimensions' codes (RGB, as QDA programs show them).
COLORS = {"domain": "#1f77b4", "mode": "#d62728"}


def guid(*key: object) -> str:
    """The GUID of an element: UUID5 of its key parts (stable across runs and machines)."""
    return str(uuid.uuid5(GUID_NAMESPACE, "\x1f".join(str(k) for k in key)))


def paragraph_starts(text: str) -> list[tuple[int, int]]:
    """(start, end) in ``text`` of each paragraph, in order: the non-empty pieces between line
    breaks ("\\n"), exactly as ``helpers.corpus.paragraphs`` numbers them from 1."""
    spans = []
    pos = 0
    for line in text.split("\n"):
        if line:
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


# ---------------------------------------------------------------------------------------- export

def export_qdpx(path: str | PathLike[str], articles: pd.DataFrame, segments: pd.DataFrame,
                codebook: Codebook | str | PathLike[str] | None = None, *,
                name: str = "govreports", created: dt.datetime | None = None) -> Path:
    """Write ``articles`` and their coded ``segments`` as a REFI-QDA project (``.qdpx``).

    ``codebook``: a ``Codebook``, a YAML file or None (the project's).  ``name``: the project
    name QDA programs show.  ``created``: a timestamp written as the creation date of the
    project, sources and codings (none when None, so the file depends on the tables only).
    Raises ``QDAError`` for a segment that does not fit its article (unknown article, paragraph
    or code; offsets outside the paragraph; a term that is not the text at its offsets) and for
    text that XML cannot hold.  Returns the path written."""
    book = resolve_codebook(codebook)
    path = Path(path)
    when = _datetime(created)
    for column in ("article_id", "text"):
        if column not in articles.columns:
            raise QDAError(f"the articles table has no {column!r} column")
    ids = articles["article_id"].tolist()
    if len(set(ids)) != len(ids):
        dup = next(a for a in ids if ids.count(a) > 1)
        raise QDAError(f"article_id {dup!r} occurs twice in the articles table")
    missing = [c for c in SEGMENT_COLUMNS if c not in segments.columns]
    if missing:
        raise QDAError(f"the segments table lacks {', '.join(missing)}")

    user = guid("user", DICTIONARY_USER)
    stamp = {"creatingUser": user, **({"creationDateTime": when} if when else {})}
    root = ET.Element("Project", {
        "xmlns": PROJECT_NS, "xmlns:xsi": XSI_NS,
        "xsi:schemaLocation": f"{PROJECT_NS} {PROJECT_XSD}",
        "name": _xml_text(name, "the project name"), "origin": ORIGIN,
        "creatingUserGUID": user, **({"creationDateTime": when} if when else {})})
    users = ET.SubElement(root, "Users")
    ET.SubElement(users, "User", {"guid": user, "name": DICTIONARY_USER, "id": DICTIONARY_USER})
    book_el = ET.SubElement(root, "CodeBook")
    _codes(ET.SubElement(book_el, "Codes"), book)

    variables = _variables(articles)
    if variables:
        var_el = ET.SubElement(root, "Variables")
        for column, kind in variables.items():
            ET.SubElement(var_el, "Variable", {"guid": guid("variable", column), "name": column,
                                               "typeOfVariable": kind})
    cases = ET.SubElement(root, "Cases") if len(articles) else None
    sources = ET.SubElement(root, "Sources") if len(articles) else None
    texts: dict[str, str] = {}
    by_article = _segments_by_article(segments, articles, book)
    records = articles.to_dict("records")
    for record in records:
        aid = str(record["article_id"])
        text = record["text"]
        if not isinstance(text, str):
            raise QDAError(f"article {aid!r}: text is not a string ({text!r})")
        source_guid = guid("source", aid)
        values = [(column, kind, _value(record.get(column), kind))
                  for column, kind in variables.items()]
        values = [(c, k, v) for c, k, v in values if v is not None]
        assert cases is not None and sources is not None
        case = ET.SubElement(cases, "Case", {"guid": guid("case", aid), "name": aid})
        for column, kind, value in values:
            _variable_value(case, column, kind, value, aid)
        ET.SubElement(case, "SourceRef", {"targetGUID": source_guid})
        source = ET.SubElement(sources, "TextSource", {
            "guid": source_guid, "name": _xml_text(aid, "an article_id"),
            "plainTextPath": f"internal://{source_guid}.txt", **stamp})
        starts = paragraph_starts(text)
        for n, (para_no, code, term, start, end) in enumerate(by_article.get(aid, [])):
            key = ("selection", aid, para_no, code, start, end, n)
            offset = starts[para_no - 1][0]
            sel = ET.SubElement(source, "PlainTextSelection", {
                "guid": guid(*key), "name": _xml_text(term, f"a term of article {aid!r}"),
                "startPosition": str(offset + start), "endPosition": str(offset + end),
                **stamp})
            coding = ET.SubElement(sel, "Coding", {"guid": guid("coding", *key[1:]), **stamp})
            ET.SubElement(coding, "CodeRef", {"targetGUID": guid("code", code)})
        for column, kind, value in values:
            _variable_value(source, column, kind, value, aid)
        texts[f"Sources/{source_guid}.txt"] = text
        _check_text(aid, text)

    files = {"project.qde": _xml_bytes(root), **{k: v.encode("utf-8") for k, v in texts.items()}}
    _write_zip(path, files)
    return path


def export_qdc(path: str | PathLike[str],
               codebook: Codebook | str | PathLike[str] | None = None) -> Path:
    """Write the codebook alone as a REFI-QDA codebook (``.qdc``): the codes under one parent
    per dimension, their definitions as descriptions; the same GUIDs as ``export_qdpx``."""
    book = resolve_codebook(codebook)
    path = Path(path)
    root = ET.Element("CodeBook", {
        "xmlns": CODEBOOK_NS, "xmlns:xsi": XSI_NS,
        "xsi:schemaLocation": f"{CODEBOOK_NS} {CODEBOOK_XSD}", "origin": ORIGIN})
    _codes(ET.SubElement(root, "Codes"), book)
    path.write_bytes(_xml_bytes(root))
    return path


def _codes(parent: ET.Element, book: Codebook) -> None:
    """One parent code per dimension (not codable), the codebook's codes under it in order;
    the definition, include, exclude and example as the description (the Codebook schema has
    no notes, so the description carries them in both files)."""
    for dimension in dict.fromkeys(c.dimension for c in book.codes):
        top = ET.SubElement(parent, "Code", {
            "guid": guid("dimension", dimension), "name": dimension, "isCodable": "false",
            "color": COLORS.get(dimension, "#7f7f7f")})
        ET.SubElement(top, "Description").text = (
            "Dimension of the codebook: "
            + ("what the report is about" if dimension == "domain" else
               "how the government acts" if dimension == "mode" else dimension) + ".")
        for code in (c for c in book.codes if c.dimension == dimension):
            el = ET.SubElement(top, "Code", {
                "guid": guid("code", code.id), "name": _xml_text(code.id, "a code id"),
                "isCodable": "true", "color": COLORS.get(dimension, "#7f7f7f")})
            parts = [f"{code.label_zh} · {code.label_en}", f"Definition: {code.definition}"]
            parts += [f"Include: {code.include}"] if code.include else []
            parts += [f"Exclude: {code.exclude}"] if code.exclude else []
            parts += [f"Example: {code.example}"] if code.example else []
            ET.SubElement(el, "Description").text = _xml_text("\n\n".join(parts),
                                                              f"the notes of code {code.id!r}")


def _segments_by_article(segments: pd.DataFrame, articles: pd.DataFrame, book: Codebook
                         ) -> dict[str, list[tuple[int, str, str, int, int]]]:
    """The segments per article, in table order, each checked against its paragraph."""
    paras = {str(a): [t[s:e] for s, e in paragraph_starts(t)]
             for a, t in zip(articles["article_id"], articles["text"], strict=True)
             if isinstance(t, str)}
    known = set(book.ids)
    out: dict[str, list[tuple[int, str, str, int, int]]] = {}
    rows = segments[SEGMENT_COLUMNS].itertuples(index=False)
    for i, (aid, para_no, code, _dim, term, start, end) in enumerate(rows):
        where = f"segments row {i} ({aid}, paragraph {para_no}, {code})"
        if str(aid) not in paras:
            raise QDAError(f"{where}: article {aid!r} is not in the articles table")
        if code not in known:
            raise QDAError(f"{where}: code {code!r} is not in the codebook")
        texts = paras[str(aid)]
        try:
            para_no, start, end = int(para_no), int(start), int(end)
        except (TypeError, ValueError) as err:
            raise QDAError(f"{where}: para_no, start and end must be whole numbers") from err
        if not 1 <= para_no <= len(texts):
            raise QDAError(f"{where}: the article has {len(texts)} paragraphs")
        if not 0 <= start <= end <= len(texts[para_no - 1]):
            raise QDAError(f"{where}: offsets {start}-{end} are outside the paragraph "
                           f"({len(texts[para_no - 1])} characters)")
        if term != texts[para_no - 1][start:end]:
            raise QDAError(f"{where}: term {term!r} is not the text at {start}-{end} "
                           f"({texts[para_no - 1][start:end]!r})")
        out.setdefault(str(aid), []).append((para_no, str(code), str(term), start, end))
    return out


def _variables(articles: pd.DataFrame) -> dict[str, str]:
    """The metadata columns present, each with its REFI variable type: Date when every value
    given is a date (``published`` also when none is given), else Text."""
    out = {}
    for column in METADATA:
        if column not in articles.columns:
            continue
        given = [v for v in articles[column].tolist() if not _missing(v)]
        dates = all(isinstance(v, dt.date) for v in given)
        out[column] = "Date" if dates and (given or column == "published") else "Text"
    return out


def _value(value: object, kind: str) -> str | None:
    if _missing(value):
        return None
    if kind == "Date":
        assert isinstance(value, dt.date)
        return value.isoformat()[:10]
    if isinstance(value, (list, tuple)):
        value = "；".join(str(v) for v in value)
    return str(value)


def _missing(value: object) -> bool:
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # a list or array: not missing
        return False


def _variable_value(parent: ET.Element, column: str, kind: str, value: str, aid: str) -> None:
    el = ET.SubElement(parent, "VariableValue")
    ET.SubElement(el, "VariableRef", {"targetGUID": guid("variable", column)})
    ET.SubElement(el, f"{kind}Value").text = _xml_text(value, f"{column} of article {aid!r}")


def _datetime(when: dt.datetime | None) -> str | None:
    if when is None:
        return None
    if when.tzinfo is not None:
        when = when.astimezone(dt.UTC).replace(tzinfo=None)
    return when.replace(microsecond=0).isoformat() + "Z"


def _xml_ok(ch: str) -> bool:
    """May XML 1.0 hold this character?"""
    o = ord(ch)
    return (o in (0x9, 0xA, 0xD) or 0x20 <= o <= 0xD7FF or 0xE000 <= o <= 0xFFFD
            or 0x10000 <= o <= 0x10FFFF)


def _xml_text(value: str, what: str) -> str:
    """``value`` when XML can hold it, else QDAError naming the field (never dropped)."""
    bad = next((ch for ch in value if not _xml_ok(ch)), None)
    if bad is not None:
        raise QDAError(f"{what} holds the character {bad!r}, which XML cannot hold: "
                       f"{value[:40]!r}")
    return value


def _check_text(aid: str, text: str) -> None:
    """A source text is a UTF-8 file, not XML, but a surrogate cannot be encoded at all."""
    if any(0xD800 <= ord(ch) <= 0xDFFF for ch in text):
        raise QDAError(f"article {aid!r}: the text holds a lone surrogate (not UTF-8 text)")


def _xml_bytes(root: ET.Element) -> bytes:
    ET.indent(root, space=" ")
    body = ET.tostring(root, encoding="unicode", short_empty_elements=True)
    return ('<?xml version="1.0" encoding="utf-8"?>\n' + body + "\n").encode("utf-8")


def _write_zip(path: Path, files: dict[str, bytes]) -> None:
    """A zip with the entries sorted by name, a fixed timestamp and mode (the same files give
    the same bytes), written whole to a temporary file and then renamed into place."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            zf.writestr(info, files[name], compresslevel=9)
    tmp = path.with_name(path.name + ".part")
    tmp.write_bytes(buffer.getvalue())
    tmp.replace(path)


# ---------------------------------------------------------------------------------------- import

class _Project:
    """A parsed project.qde: its elements, their lines, and where its source texts are."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.zip: zipfile.ZipFile | None = None
        self.member = "project.qde"
        self.members: dict[str, str] = {}  # lower-cased name -> name in the archive
        self.lines: dict[ET.Element, int] = {}
        try:
            self.root = self._parse(self._read())
        except BaseException:
            self.close()
            raise

    def _read(self) -> bytes:
        try:
            is_zip = zipfile.is_zipfile(self.path)
        except OSError as err:
            raise QDAError(f"cannot read the file ({err.strerror or err})", self.path) from err
        if not is_zip:
            try:
                data = self.path.read_bytes()
            except OSError as err:
                raise QDAError(f"cannot read the file ({err.strerror or err})",
                               self.path) from err
            if not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
                raise QDAError("neither a REFI-QDA project (.qdpx, a zip archive) nor its XML "
                               "(project.qde)", self.path)
            self.member = self.path.name
            return data
        try:
            self.zip = zipfile.ZipFile(self.path)
            self.members = {n.lower(): n for n in self.zip.namelist()}
            name = self.members.get("project.qde") or next(
                (n for low, n in sorted(self.members.items())
                 if low.endswith(".qde") and "/" not in low), None)
            if name is None:
                raise QDAError("the archive holds no project.qde (a .qdpx must)", self.path)
            self.member = name
            return self.zip.read(name)
        except (zipfile.BadZipFile, OSError, EOFError) as err:
            raise QDAError(f"damaged zip archive ({err})", self.path) from err

    def _parse(self, data: bytes) -> ET.Element:
        """The element tree, with each element's line (expat: no DTD, so no entity tricks)."""
        builder = ET.TreeBuilder()
        parser = expat.ParserCreate(namespace_separator="}")
        parser.buffer_text = True

        def name(tag: str) -> str:
            return "{" + tag if "}" in tag else tag

        def start(tag: str, attrs: dict[str, str]) -> None:
            el = builder.start(name(tag), {name(k): v for k, v in attrs.items()})
            self.lines[el] = parser.CurrentLineNumber

        def doctype(*_: object) -> None:
            raise QDAError(f"{self.member}: a DOCTYPE declaration (REFI-QDA has none; "
                           "refused, since entities could expand without end)", self.path,
                           parser.CurrentLineNumber)

        parser.StartElementHandler = start
        parser.EndElementHandler = lambda tag: builder.end(name(tag))
        parser.CharacterDataHandler = builder.data
        parser.StartDoctypeDeclHandler = doctype
        try:
            parser.Parse(data, True)
        except expat.ExpatError as err:
            raise QDAError(f"{self.member}: not well-formed XML "
                           f"({expat.errors.messages[err.code]}, column {err.offset + 1})",
                           self.path, err.lineno) from err
        root = builder.close()
        ns, _, local = root.tag[1:].partition("}") if root.tag.startswith("{") else ("", "", root.tag)
        if local != "Project" or not ns.startswith("urn:QDA-XML:project:"):
            raise QDAError(f"{self.member}: the root element is <{root.tag}>, not a REFI-QDA "
                           f"<Project> in the namespace {PROJECT_NS}", self.path,
                           self.lines.get(root))
        self.ns = "{" + ns + "}"
        return root

    def close(self) -> None:
        if self.zip is not None:
            self.zip.close()

    def error(self, el: ET.Element, message: str) -> QDAError:
        return QDAError(f"{self.member}, {self.describe(el)}: {message}", self.path,
                        self.lines.get(el))

    def describe(self, el: ET.Element) -> str:
        local = el.tag.rpartition("}")[2]
        key = next((f' {a}="{el.get(a)}"' for a in ("guid", "name", "targetGUID")
                    if el.get(a) is not None), "")
        return f"<{local}{key}>"

    def children(self, el: ET.Element, local: str) -> list[ET.Element]:
        return el.findall(self.ns + local)

    def attr(self, el: ET.Element, name: str) -> str:
        value = el.get(name)
        if value is None or not value.strip():
            raise self.error(el, f"lacks the required attribute {name}")
        return value.strip()

    def position(self, el: ET.Element, name: str) -> int:
        value = self.attr(el, name)
        try:
            return int(value)
        except ValueError:
            raise self.error(el, f"{name}={value!r} is not a whole number") from None

    def text_of(self, source: ET.Element) -> str | None:
        """The plain text of a TextSource: its PlainTextContent or the file its plainTextPath
        names in the archive (``internal://`` or a bare name, in ``Sources/`` or ``sources/``);
        None when the text lies outside the project (``absolute://``, ``relative://``)."""
        content = source.find(self.ns + "PlainTextContent")
        if content is not None:
            return content.text or ""
        where = source.get("plainTextPath")
        if not where:
            raise self.error(source, "has neither PlainTextContent nor plainTextPath")
        if where.startswith(("absolute://", "relative://")):
            return None
        name = where.removeprefix("internal://").lstrip("/")
        data = self._source_bytes(name)
        if data is None:
            raise self.error(source, f"its text {where!r} is not in the project "
                                     f"({'archive' if self.zip else 'folder'})")
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError as err:
            raise self.error(source, f"its text {where!r} is not UTF-8 (byte "
                                     f"{data[err.start]:#04x} at {err.start})") from err

    def _source_bytes(self, name: str) -> bytes | None:
        candidates = [posixpath.normpath(f"sources/{name}"), posixpath.normpath(name)]
        if self.zip is not None:
            for candidate in candidates:
                member = self.members.get(candidate.lower())
                if member is not None and not candidate.startswith(".."):
                    return self.zip.read(member)
            return None
        folder = self.path.parent
        for sub in ("Sources", "sources"):
            target = (folder / sub / name).resolve()
            if target.is_file() and folder.resolve() in target.parents:
                return target.read_bytes()
        return None


def import_qdpx(path: str | PathLike[str], *, articles: pd.DataFrame | None = None,
                codebook: Codebook | str | PathLike[str] | None = None) -> pd.DataFrame:
    """The codings of a REFI-QDA project (``.qdpx``, or its ``project.qde`` beside a
    ``Sources`` folder) as a segments table with the coder of each coding.

    Columns: ``article_id, para_no, code, dimension, term, start, end`` (the segments table;
    offsets in the paragraph) and ``coder, known_code, split, source, selection``; one row per
    coding and paragraph (see the module's notes: selections across paragraphs are split,
    unknown codes kept with ``known_code`` False).  ``articles``: map sources to these articles
    (by GUID, name or text); ``codebook``: the codebook codes are matched against (default:
    helpers/data/codebook.yaml).  Rows are in source order, then by paragraph, start, code (codebook order,
    unknown codes after) and end: the order of ``code_segments``.  Raises ``QDAError`` naming
    the file, element and line for input that cannot be read faithfully."""
    book = resolve_codebook(codebook)
    project = _Project(Path(path))
    try:
        rows, skipped = _codings(project, book, articles)
    finally:
        project.close()
    if skipped:
        warnings.warn(f"{path}: {skipped} codings of pictures, PDF pages, audio or video are "
                      "not text segments and were not read", stacklevel=2)
    rows.sort(key=lambda r: r[-1])  # type: ignore[arg-type,return-value]
    frame = pd.DataFrame([r[:-1] for r in rows], columns=IMPORT_COLUMNS)
    return frame.astype({"para_no": "int64", "start": "int64", "end": "int64",
                         "known_code": "bool", "split": "bool"})


def _codings(project: _Project, book: Codebook, articles: pd.DataFrame | None
             ) -> tuple[list[tuple[object, ...]], int]:
    """The rows of ``import_qdpx`` (each with its sort key last) and the number of codings of
    media that are not text."""
    ns = project.ns
    root = project.root
    users = _users(project)
    codes = _code_paths(project)
    cases = {(c.get("guid") or "").strip("{}").lower() for c in root.iter(ns + "Case")}
    ours = {guid("code", c.id): c.id for c in book.codes}
    by_label = {k: c.id for c in book.codes for k in (c.id, c.label_zh, c.label_en) if k}
    order = {c: i for i, c in enumerate(book.ids)}
    matcher = _ArticleMatcher(articles) if articles is not None else None

    rows: list[tuple[object, ...]] = []
    skipped = 0
    sources_el = root.find(ns + "Sources")
    text_sources: list[ET.Element] = []
    if sources_el is not None:
        for el in sources_el:
            local = el.tag.rpartition("}")[2]
            if local == "TextSource":
                text_sources.append(el)
            elif local == "PDFSource":
                text_sources += project.children(el, "Representation")
                skipped += _count_codings(el, ns, "PDFSelection")
            else:
                skipped += sum(_count_codings(el, ns, s) for s in (
                    "PictureSelection", "AudioSelection", "VideoSelection"))
                skipped += len(el.findall(f".//{ns}TranscriptSelection/{ns}Coding"))
    for n_source, source in enumerate(text_sources):
        source_guid = project.attr(source, "guid")
        source_name = source.get("name") or source_guid
        selections = project.children(source, "PlainTextSelection")
        if not any(project.children(s, "Coding") for s in selections):
            continue
        text = project.text_of(source)
        if text is None:
            raise project.error(source, f"its text lies outside the project "
                                        f"({source.get('plainTextPath')}): codings cannot be "
                                        "mapped to paragraphs")
        if matcher is not None:
            article_id = matcher.match(project, source, source_guid, source_name, text)
        else:
            article_id = source_name
        spans = paragraph_starts(text)
        for sel in selections:
            codings = project.children(sel, "Coding")
            if not codings:
                continue  # a selection without coding: an annotation or memo, not a code
            sel_guid = project.attr(sel, "guid")
            start = project.position(sel, "startPosition")
            end = project.position(sel, "endPosition")
            if not 0 <= start <= end <= len(text):
                raise project.error(sel, f"positions {start}-{end} are outside the source text "
                                         f"({len(text)} characters)")
            if not spans:
                raise project.error(sel, "codes a source with no text")
            pieces = _pieces(spans, start, end)
            for coding in codings:
                ref = coding.find(ns + "CodeRef")
                if ref is None:
                    raise project.error(coding, "has no CodeRef")
                target = project.attr(ref, "targetGUID").strip("{}").lower()
                if target not in codes:
                    if target in cases:
                        continue  # NVivo: coding at a case is a case assignment, not a code
                    raise project.error(ref, "refers to no code of the project")
                code_path, code_name = codes[target]
                code = ours.get(target) or by_label.get(code_name)
                dimension = book.dimension_of(code) if code else None
                who = (coding.get("creatingUser") or sel.get("creatingUser")
                       or sel.get("modifyingUser"))
                coder = users.get(who.strip("{}").lower(), who) if who else None
                for para_no, p_start, p_end in pieces:
                    s0 = spans[para_no - 1][0]
                    rows.append((
                        article_id, para_no, code or code_path, dimension,
                        text[s0 + p_start:s0 + p_end], p_start, p_end, coder, code is not None,
                        len(pieces) > 1, source_name, sel_guid,
                        (n_source, para_no, p_start, order.get(code or "", len(order)),
                         code or code_path, p_end, coder or "")))
    return rows, skipped


def _count_codings(el: ET.Element, ns: str, selection: str) -> int:
    return len(el.findall(f"{ns}{selection}/{ns}Coding")) + len(el.findall(f"{ns}Coding"))


def _users(project: _Project) -> dict[str, str]:
    """User GUID (lower case, no braces) -> the name to show: name, else id, else the GUID."""
    out = {}
    for user in project.root.iter(project.ns + "User"):
        key = project.attr(user, "guid")
        out[key.strip("{}").lower()] = user.get("name") or user.get("id") or key
    return out


def _code_paths(project: _Project) -> dict[str, tuple[str, str]]:
    """Code GUID (lower case, no braces) -> (its path 'parent/child', its name)."""
    out: dict[str, tuple[str, str]] = {}

    def walk(el: ET.Element, prefix: str) -> None:
        for code in project.children(el, "Code"):
            key = project.attr(code, "guid").strip("{}").lower()
            name = project.attr(code, "name")
            out[key] = (prefix + name, name)
            walk(code, prefix + name + "/")

    book = project.root.find(project.ns + "CodeBook")
    if book is not None:
        for codes in project.children(book, "Codes"):
            walk(codes, "")
    return out


def _pieces(spans: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int, int]]:
    """(para_no, start, end) of each paragraph part of the selection [start, end); a selection
    holding no paragraph character is one zero-length piece where it stands."""
    out = [(i + 1, max(start, s) - s, min(end, e) - s)
           for i, (s, e) in enumerate(spans) if start < e and end > s]
    if out:
        return out
    # Empty or only line breaks: at the end of the paragraph before, else the start of the next.
    before = [i for i, (s, _e) in enumerate(spans) if s <= start]
    if before:
        i = before[-1]
        at = min(start, spans[i][1]) - spans[i][0]
        return [(i + 1, at, at)]
    return [(1, 0, 0)]


class _ArticleMatcher:
    """Which article a source holds: by our GUID or the article id as its name (the text must
    then be the article's), else by its text when exactly one article has it."""

    def __init__(self, articles: pd.DataFrame) -> None:
        self.text = dict(zip(articles["article_id"].astype(str), articles["text"], strict=True))
        self.by_guid = {guid("source", a): a for a in self.text}
        self.by_text: dict[str, list[str]] = {}
        for a, t in self.text.items():
            self.by_text.setdefault(t, []).append(a)

    def match(self, project: _Project, source: ET.Element, source_guid: str, name: str,
              text: str) -> str | None:
        aid = self.by_guid.get(source_guid.strip("{}").lower())
        if aid is None and name in self.text:
            aid = name
        if aid is not None:
            if _same_text(self.text[aid], text):
                return aid
            raise project.error(source, f"is article {aid!r} by its GUID or name, but its text "
                                        "differs from the article's (edited in the QDA "
                                        "program?): its offsets cannot be mapped")
        # the same text (a final line break added by the program shifts no offset)
        found = self.by_text.get(text) or self.by_text.get(text.removesuffix("\n"))
        return found[0] if found and len(found) == 1 else None


def _same_text(ours: str, theirs: str) -> bool:
    """Does the source hold the article's text with its paragraphs at the same offsets (a
    final line break added by a QDA program is harmless; Windows line ends shift every offset
    after the first break, so they are not)?"""
    if ours == theirs:
        return True
    spans = paragraph_starts(ours)
    return spans == paragraph_starts(theirs) and all(ours[s:e] == theirs[s:e] for s, e in spans)
