"""The codebook: codes, their definitions and the terms that detect them, loaded once.

``load_codebook(path)`` reads and validates a codebook YAML file into a ``Codebook`` object;
every stage that needs the codebook receives that object (quanteda's way: the dictionary is a
validated argument, handed down, never re-read).  The object carries a content hash
(``sha256``), which the pipeline's cache keys use, and the words the tokenizer adds to its
dictionary (``dictionary_words``), so the text stage never reads the codebook file.
The code ids and their meaning are documented in docs/CODEBOOK.md, generated from the YAML.

The file is read strictly, because an edit that YAML silently drops or retypes changes the
tables without a word: no implicit types (``yes``, ``1.50``, ``2021-10-01`` stay the text
typed), no duplicate keys, no unknown fields, no empty terms, every ``re:`` term compiled and
checked on its own; each refusal is a ``CodebookError`` naming the file and the line.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from dataclasses import astuple, dataclass
from os import PathLike
from pathlib import Path
from types import ModuleType
from typing import Any

import pandas as pd

from helpers import config
from helpers.errors import CodebookError

__all__ = [
    "DIMENSIONS",
    "FIELDS",
    "Code",
    "Codebook",
    "CodebookError",
    "compile_term",
    "default_codebook",
    "load_codebook",
    "resolve_codebook",
]

DIMENSIONS = ("domain", "mode")
FIELDS = ("id", "dimension", "label_zh", "label_en", "definition", "include", "exclude", "terms",
          "example")
#: Fields a code may have besides ``FIELDS``; any other key is refused (a misspelled
#: ``exclude_term:`` would otherwise be ignored without a word).
OPTIONAL_FIELDS = ("exclude_terms",)
#: The keys of the file's top level.
TOP_KEYS = ("version", "codes")
#: Prefix of a term that is a regular expression rather than a word.
REGEX_PREFIX = "re:"
#: What YAML reads as null when written unquoted (nothing, ~, null): a term list item written so
#: holds no term and is refused; a text field written so is empty.  Quoted, 'null' is a word.
YAML_NULLS = frozenset({"", "~", "null", "Null", "NULL"})


@dataclass(frozen=True)
class Code:
    """One code of the codebook."""

    id: str
    dimension: str
    label_zh: str
    label_en: str
    definition: str
    include: str
    exclude: str
    terms: tuple[str, ...]
    example: str
    exclude_terms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Codebook:
    """The codes, in file order, and where they came from."""

    codes: tuple[Code, ...]
    path: str = ""
    version: int = 1

    @functools.cached_property
    def sha256(self) -> str:
        """Hash of the content (codes, fields, terms in order; not the file's comments or
        layout): what coded tables depend on."""
        content = [self.version, [astuple(c) for c in self.codes]]
        return hashlib.sha256(json.dumps(content, ensure_ascii=False).encode("utf-8")).hexdigest()

    @functools.cached_property
    def dictionary_words(self) -> tuple[str, ...]:
        """Multi-character terms that are words (not ``re:`` patterns), in codebook order, once
        each: the tokenizer adds them to its dictionary, so that a term is one token and the
        word-boundary rule of coding can match it."""
        return tuple(dict.fromkeys(
            t for c in self.codes for t in c.terms
            if len(t) > 1 and not t.startswith(REGEX_PREFIX)))

    @property
    def ids(self) -> list[str]:
        return [c.id for c in self.codes]

    @property
    def domains(self) -> list[str]:
        return [c.id for c in self.codes if c.dimension == "domain"]

    @property
    def modes(self) -> list[str]:
        return [c.id for c in self.codes if c.dimension == "mode"]

    def dimension_of(self, code: str) -> str:
        return next(c.dimension for c in self.codes if c.id == code)

    def table(self) -> pd.DataFrame:
        """The codebook as a table (one row per code, terms joined)."""
        return pd.DataFrame([{
            "id": c.id, "dimension": c.dimension, "中文": c.label_zh, "label": c.label_en,
            "definition": c.definition, "terms": len(c.terms),
            "examples of terms": "、".join(c.terms[:8]),
        } for c in self.codes])

    @functools.cached_property
    def _order(self) -> dict[str, int]:
        return {c.id: i for i, c in enumerate(self.codes)}

    @functools.cached_property
    def _patterns(self) -> list[tuple[Code, re.Pattern[str] | None, tuple[re.Pattern[str], ...],
                                      re.Pattern[str] | None]]:
        """Per code: one alternation of its words (longest first), its ``re:`` terms compiled
        each on its own (their groups, backreferences and flags stay theirs), and one
        alternation of its exclude terms."""
        def alternation(words: tuple[str, ...]) -> re.Pattern[str] | None:
            words = tuple(sorted(set(words), key=lambda t: (-len(t), t)))
            return re.compile("|".join(re.escape(t) for t in words)) if words else None

        def regexes(code: Code) -> tuple[re.Pattern[str], ...]:
            try:
                return tuple(compile_term(t) for t in code.terms if t.startswith(REGEX_PREFIX))
            except ValueError as err:  # a Codebook built without load_codebook
                raise CodebookError(f"code {code.id!r}: {err}", self.path or None) from err

        return [(c, alternation(tuple(t for t in c.terms if not t.startswith(REGEX_PREFIX))),
                 regexes(c), alternation(c.exclude_terms)) for c in self.codes]

    @functools.cached_property
    def _pattern_needs(self) -> list[tuple[frozenset[str] | None, ...]]:
        """Per code, per ``re:`` term (as in ``_patterns``): strings one of which every match of
        the term holds (``required_literals``), or None.  A paragraph holding none of them
        cannot match the term, so the coder does not run it there (issue 16: a pattern that
        opens with a character class is otherwise tried at every character)."""
        def needs(regexes: tuple[re.Pattern[str], ...]) -> tuple[frozenset[str] | None, ...]:
            return tuple(None if (n := required_literals(r)) is None else frozenset(n)
                         for r in regexes)

        return [needs(regexes) for _, _, regexes, _ in self._patterns]

    @functools.cached_property
    def _need_strings(self) -> tuple[str, ...]:
        """Every string of ``_pattern_needs``, once each, sorted: the coder looks each up in a
        paragraph once, not once per term that needs it."""
        return tuple(sorted({s for code in self._pattern_needs for need in code if need
                             for s in need}))


def load_codebook(path: str | PathLike[str] | None = None) -> Codebook:
    """Read and validate a codebook YAML file (default: helpers/data/codebook.yaml).

    The file is read anew on every call (never cached by path: an edit is seen at once).
    Every scalar is kept as typed (``yes``, ``1.50``, ``2021-10-01`` are the strings written,
    not True, 1.5 or a date).  Raises CodebookError naming the file and, where known, the line
    on text that is not UTF-8, YAML syntax errors, duplicate keys, unknown or missing fields,
    duplicate ids, unknown dimensions, empty terms or term lists, ``re:`` terms that do not
    compile or match the empty string, and a version that is not a whole number.
    """
    path = Path(path) if path is not None else config.CODEBOOK
    top = _mapping(_read_yaml(path), path, "the codebook", TOP_KEYS)
    if "codes" not in top or not isinstance(top["codes"], _yaml().SequenceNode):
        raise CodebookError("expected a mapping with a 'codes:' list", path,
                            _line(top["codes"]) if "codes" in top else None)
    codes: list[Code] = []
    seen: set[str] = set()
    for n, node in enumerate(top["codes"].value, start=1):
        code = _read_code(node, path, n)
        if code.id in seen:
            raise CodebookError(f"duplicate code id {code.id!r}", path,
                                _line(_mapping(node, path, f"code #{n}")["id"]))
        seen.add(code.id)
        codes.append(code)
    version = _read_version(top.get("version"), path)
    return Codebook(codes=tuple(codes), path=str(path), version=version)


def _yaml() -> ModuleType:
    """PyYAML, imported when a codebook is first read (not when this module is)."""
    import yaml

    return yaml


def _read_yaml(path: Path) -> Any:
    """The YAML node tree of ``path``: UTF-8 text, one document, composed without implicit
    types (PyYAML's BaseLoader: every scalar keeps the text typed, with its line)."""
    yaml = _yaml()
    try:
        data = path.read_bytes()
    except (OSError, ValueError) as err:  # ValueError: a path with a NUL character
        raise CodebookError(f"cannot read the codebook ({getattr(err, 'strerror', None) or err})",
                            path) from err
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise CodebookError(
            f"not UTF-8 text (byte {data[err.start]:#04x}): save the codebook as UTF-8 "
            "(GBK and other legacy encodings are not read)", path,
            data.count(b"\n", 0, err.start) + 1) from err
    try:
        return yaml.compose(text, Loader=yaml.BaseLoader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        raise CodebookError(f"YAML syntax error: {err.problem or err}", path,
                            mark.line + 1 if mark is not None else None) from err
    except yaml.reader.ReaderError as err:
        raise CodebookError(f"YAML syntax error: {err.reason} (character {err.character!r})",
                            path, text.count("\n", 0, err.position) + 1) from err
    except yaml.YAMLError as err:
        raise CodebookError(f"YAML syntax error: {err}", path) from err
    except RecursionError as err:
        raise CodebookError("YAML nested too deeply to be a codebook", path) from err


def _line(node: Any) -> int:
    """The 1-based line where a YAML node starts."""
    return node.start_mark.line + 1


def _mapping(node: Any, path: Path, what: str, allowed: tuple[str, ...] | None = None
             ) -> dict[str, Any]:
    """The value nodes of a YAML mapping by key.  A duplicate key is refused (YAML would keep
    the last one and silently drop the first), and so is a key not in ``allowed``."""
    yaml = _yaml()
    if not isinstance(node, yaml.MappingNode):
        raise CodebookError(f"{what} is not a mapping of fields", path,
                            _line(node) if node is not None else None)
    out: dict[str, Any] = {}
    for key, value in node.value:
        if not isinstance(key, yaml.ScalarNode):
            raise CodebookError(f"a key of {what} is not a name", path, _line(key))
        if key.value in out:
            raise CodebookError(f"duplicate key {key.value!r} in {what} (YAML would keep only "
                                "the last one)", path, _line(key))
        if allowed is not None and key.value not in allowed:
            raise CodebookError(f"unknown field {key.value!r} in {what} (expected "
                                f"{', '.join(allowed)})", path, _line(key))
        out[key.value] = value
    return out


def _text(node: Any, path: Path, what: str) -> str:
    """A scalar field as typed; written empty (or as YAML's null), the empty string."""
    if not isinstance(node, _yaml().ScalarNode):
        raise CodebookError(f"{what} must be text, not a list or mapping", path, _line(node))
    return "" if _is_null(node) else node.value


def _is_null(node: Any) -> bool:
    """Is this scalar YAML's null (an empty or ``~``/``null`` plain scalar), not a text?"""
    return node.style is None and node.value in YAML_NULLS


def _read_code(node: Any, path: Path, n: int) -> Code:
    """One entry of ``codes:``, validated."""
    fields = _mapping(node, path, f"code #{n}", (*FIELDS, *OPTIONAL_FIELDS))
    cid = _text(fields["id"], path, f"the id of code #{n}").strip() if "id" in fields else ""
    line = _line(fields["id"]) if cid else _line(node)
    missing = [f for f in FIELDS if f not in fields]
    if not cid or missing:
        raise CodebookError(f"code #{n} ({cid or 'no id'}) lacks {', '.join(missing) or 'id'}",
                            path, line)
    text = {f: _text(fields[f], path, f"field {f!r} of code {cid!r}")
            for f in FIELDS if f not in ("id", "terms")}
    if text["dimension"] not in DIMENSIONS:
        raise CodebookError(f"code {cid!r} has unknown dimension {text['dimension']!r} "
                            f"(expected one of {', '.join(DIMENSIONS)})", path, line)
    terms = _read_terms(fields["terms"], path, cid, "terms")
    if not terms:
        raise CodebookError(f"code {cid!r} has an empty term list", path, line)
    excluded = fields.get("exclude_terms")
    exclude_terms = () if excluded is None or (
        isinstance(excluded, _yaml().ScalarNode) and _is_null(excluded)) \
        else _read_terms(excluded, path, cid, "exclude_terms")
    return Code(id=cid, terms=terms, exclude_terms=exclude_terms,
                **{f: text[f] for f in FIELDS if f not in ("id", "terms")})


def _read_terms(node: Any, path: Path, cid: str, field: str) -> tuple[str, ...]:
    """A list of terms, each stripped of outer whitespace; an empty item is an error at its
    line (not dropped, not the term 'None'), and so is a ``re:`` term that cannot be used."""
    yaml = _yaml()
    if not isinstance(node, yaml.SequenceNode):
        raise CodebookError(f"code {cid!r}: {field} must be a list ([a, b] or '- a' lines)",
                            path, _line(node))
    terms = []
    for item in node.value:
        where = f"code {cid!r}: an item of {field}"
        if not isinstance(item, yaml.ScalarNode):
            raise CodebookError(f"{where} is a list or mapping, not a term (quote a term that "
                                "ends in ':' or holds ': ')", path, _line(item))
        term = item.value.strip()
        if _is_null(item) or not term:
            raise CodebookError(f"{where} is an empty term (quote it if the text is meant)",
                                path, _line(item))
        if term.startswith(REGEX_PREFIX):
            if field != "terms":
                raise CodebookError(f"{where} is a pattern: {field} are phrases, not patterns",
                                    path, _line(item))
            try:
                compile_term(term)
            except ValueError as err:
                raise CodebookError(f"code {cid!r}: {err}", path, _line(item)) from err
        terms.append(term)
    return tuple(terms)


def _read_version(node: Any, path: Path) -> int:
    """``version:``, a whole number as typed (1 when absent)."""
    if node is None:
        return 1
    value = _text(node, path, "version").strip()
    if not re.fullmatch(r"[0-9]+", value):
        raise CodebookError(f"version must be a whole number, not {value!r}", path, _line(node))
    return int(value)


def compile_term(term: str) -> re.Pattern[str]:
    """The compiled pattern of a ``re:`` term, checked on its own: ValueError when it is empty,
    does not compile (global flags such as ``(?i)`` count only at its start), or can match the
    empty string (a zero-width match would code every paragraph without any term in it)."""
    pattern = term[len(REGEX_PREFIX):]
    if not pattern:
        raise ValueError(f"term {term!r} is an empty regular expression")
    try:
        compiled = re.compile(pattern)
        width = _min_width(compiled)
    except (re.error, OverflowError, RecursionError) as err:
        raise ValueError(f"term {term!r} is an invalid regular expression ({err})") from err
    if width == 0:
        raise ValueError(f"term {term!r} can match the empty string, so it would match "
                         "everywhere")
    return compiled


def _min_width(pattern: re.Pattern[str]) -> int:
    """The fewest characters a match of ``pattern`` spans (0: it can match the empty string,
    lookarounds and anchors included), from the parser ``re`` itself compiles with."""
    parser = getattr(re, "_parser", None)
    if parser is None:  # not CPython 3.11+: the weaker check of the empty text itself
        return 0 if pattern.search("") is not None else 1
    return parser.parse(pattern.pattern, pattern.flags).getwidth()[0]


#: Most strings a requirement of ``required_literals`` may offer as alternatives: beyond this a
#: paragraph is as fast to search as to test for each of them.
MAX_REQUIRED_ALTERNATIVES = 12


def required_literals(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Strings one of which occurs in every text ``pattern`` can match in (sorted), or None
    when none are found: a literal run, a set of literal characters, or the alternatives of a
    group, that a match must hold (not a lookaround, not under a case-insensitive flag)."""
    parser = getattr(re, "_parser", None)
    if parser is None or pattern.flags & re.IGNORECASE:
        return None
    need = _required(parser.parse(pattern.pattern, pattern.flags))
    return tuple(sorted(need)) if need else None


def _required(items: Any) -> frozenset[str] | None:
    """The most selective requirement among the items of one parsed sequence (fewest
    alternatives, then the longest shortest string, then the strings themselves)."""
    c = re._constants  # type: ignore[attr-defined]
    options: list[frozenset[str]] = []
    run = ""
    for op, av in items:
        if op is c.LITERAL:
            run += chr(av)
            continue
        if run:
            options.append(frozenset({run}))
            run = ""
        need: frozenset[str] | None = None
        if op is c.IN and all(o is c.LITERAL for o, _ in av):
            need = frozenset(chr(v) for _, v in av)
        elif op is c.SUBPATTERN and not av[1] & re.IGNORECASE:
            need = _required(av[3])
        elif op is c.ATOMIC_GROUP:
            need = _required(av)
        elif op is c.BRANCH:
            branches = [_required(b) for b in av[1]]
            if all(branches):
                need = frozenset().union(*branches)  # type: ignore[arg-type]
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1:
            need = _required(av[2])
        if need and len(need) <= MAX_REQUIRED_ALTERNATIVES:
            options.append(need)
    if run:
        options.append(frozenset({run}))
    if not options:
        return None
    return min(options, key=lambda o: (len(o), -min(map(len, o)), sorted(o)))


def resolve_codebook(codebook: Codebook | str | PathLike[str] | None) -> Codebook:
    """The codebook an entry point was given: a ``Codebook`` as it is, a YAML file loaded
    (validated, ``CodebookError`` naming the file), None: the default one."""
    if isinstance(codebook, Codebook):
        return codebook
    return default_codebook() if codebook is None else load_codebook(codebook)


@functools.lru_cache(maxsize=1)
def default_codebook() -> Codebook:
    """The project codebook (``config.CODEBOOK``), loaded once per process."""
    return load_codebook()
