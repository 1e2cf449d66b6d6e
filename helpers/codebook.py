"""The codebook: codes, their definitions and the terms that detect them, loaded once.

``load_codebook(path)`` reads and validates a codebook YAML file into a ``Codebook`` object;
every stage that needs the codebook receives that object (quanteda's way: the dictionary is a
validated argument, handed down, never re-read).  The object carries a content hash
(``sha256``), which the pipeline's cache keys use, and the words the tokenizer adds to its
dictionary (``dictionary_words``), so the text stage never reads the codebook file.
The code ids and their meaning are documented in docs/CODEBOOK.md, generated from the YAML.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from dataclasses import astuple, dataclass
from os import PathLike
from pathlib import Path

import pandas as pd

from helpers import config
from helpers.errors import CodebookError

__all__ = [
    "DIMENSIONS",
    "FIELDS",
    "Code",
    "Codebook",
    "CodebookError",
    "default_codebook",
    "load_codebook",
    "resolve_codebook",
]

DIMENSIONS = ("domain", "mode")
FIELDS = ("id", "dimension", "label_zh", "label_en", "definition", "include", "exclude", "terms",
          "example")
#: Prefix of a term that is a regular expression rather than a word.
REGEX_PREFIX = "re:"


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
    def _patterns(self) -> list[tuple[Code, re.Pattern[str], re.Pattern[str] | None]]:
        def alternation(words: tuple[str, ...]) -> re.Pattern[str] | None:
            words = tuple(sorted(set(words), key=lambda t: (-len(t), t)))
            return re.compile("|".join(re.escape(t) for t in words)) if words else None

        def regexes(words: tuple[str, ...]) -> re.Pattern[str] | None:
            rx = [t[len(REGEX_PREFIX):] for t in words if t.startswith(REGEX_PREFIX)]
            return re.compile("|".join(f"(?:{r})" for r in rx)) if rx else None

        return [(c, alternation(tuple(t for t in c.terms if not t.startswith(REGEX_PREFIX))),
                 regexes(c.terms), alternation(c.exclude_terms)) for c in self.codes]


def load_codebook(path: str | PathLike[str] | None = None) -> Codebook:
    """Read and validate a codebook YAML file (default: helpers/data/codebook.yaml).

    Raises CodebookError naming the file (and line) on YAML syntax errors, missing fields,
    duplicate ids, unknown dimensions or empty term lists.
    """
    import yaml

    path = Path(path) if path is not None else config.CODEBOOK
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise CodebookError(f"cannot read the codebook ({err.strerror})", path) from err
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(err, "problem", None) or str(err)
        raise CodebookError(f"YAML syntax error: {problem}", path, line) from err
    if not isinstance(data, dict) or not isinstance(data.get("codes"), list):
        raise CodebookError("expected a mapping with a 'codes:' list", path)
    lines = _id_lines(text)
    codes: list[Code] = []
    seen: dict[str, int | None] = {}
    for n, entry in enumerate(data["codes"], start=1):
        if not isinstance(entry, dict):
            raise CodebookError(f"code #{n} is not a mapping of fields", path)
        cid = str(entry.get("id", "")).strip()
        line = lines.get(cid)
        missing = [f for f in FIELDS if f not in entry]
        if not cid or missing:
            raise CodebookError(f"code #{n} ({cid or 'no id'}) lacks {', '.join(missing) or 'id'}",
                                path, line)
        if cid in seen:
            raise CodebookError(f"duplicate code id {cid!r}", path, _nth_line(text, cid, 2))
        seen[cid] = line
        if entry["dimension"] not in DIMENSIONS:
            raise CodebookError(f"code {cid!r} has unknown dimension {entry['dimension']!r} "
                                f"(expected one of {', '.join(DIMENSIONS)})", path, line)
        terms = entry["terms"]
        if not isinstance(terms, list) or not [t for t in terms if str(t).strip()]:
            raise CodebookError(f"code {cid!r} has an empty term list", path, line)
        for term in terms:
            if str(term).startswith(REGEX_PREFIX):
                try:
                    re.compile(str(term)[len(REGEX_PREFIX):])
                except re.error as err:
                    raise CodebookError(f"code {cid!r}: bad regular expression {term!r} ({err})",
                                        path, line) from err
        codes.append(Code(
            id=cid, dimension=entry["dimension"], label_zh=str(entry["label_zh"]),
            label_en=str(entry["label_en"]), definition=str(entry["definition"]),
            include=str(entry["include"]), exclude=str(entry["exclude"]),
            terms=tuple(str(t).strip() for t in terms if str(t).strip()),
            example=str(entry["example"]),
            exclude_terms=tuple(str(t).strip() for t in entry.get("exclude_terms") or []
                                if str(t).strip()),
        ))
    return Codebook(codes=tuple(codes), path=str(path), version=int(data.get("version", 1)))


def _id_lines(text: str) -> dict[str, int]:
    """Line number of the first ``id:`` entry of each code."""
    out: dict[str, int] = {}
    for n, line in enumerate(text.splitlines(), start=1):
        m = re.match(r"\s*-?\s*id:\s*(\S+)", line)
        if m and m.group(1) not in out:
            out[m.group(1)] = n
    return out


def _nth_line(text: str, cid: str, nth: int) -> int | None:
    hits = [n for n, line in enumerate(text.splitlines(), start=1)
            if re.match(rf"\s*-?\s*id:\s*{re.escape(cid)}\s*$", line)]
    return hits[nth - 1] if len(hits) >= nth else None


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
