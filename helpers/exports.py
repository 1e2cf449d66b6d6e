"""The tables for Stata, R and Excel: one call writes them all, each column described.

``export_tables(out_dir, tables, *, codebook=...)`` writes, for a mapping of table name ->
DataFrame (articles, paragraphs, segments, article_codes, metrics, tokens, furniture):

- ``{name}.dta`` per table: Stata 14+ (format 118, UTF-8), a variable label per column (a short
  English description), value labels for categorical columns (kind, role, direction, level,
  code …: integer codes 1, 2, … in the order ``helpers/data/columns.yaml`` lists the values, or
  the codebook's order), list columns joined with ";", dates as Stata dates (``%td``), free-text
  columns as strL, column names mapped to valid Stata names (``stata_name``; a clash is an error);
- ``{name}.parquet`` per table: list columns as lists of strings, dates as dates, categorical
  columns as text; each field carries its label and description in its metadata;
- ``{name}.csv`` per table: UTF-8 with a byte-order mark (Excel opens it with the Chinese text
  intact), list columns joined with ";", dates ISO (2024-05-01), booleans TRUE/FALSE, missing
  values as empty cells; ``read_export`` reads it (and the other formats) back into the table;
- one workbook (``tables.xlsx``): a README sheet listing every column of every table (Stata name,
  type, label, description, value codes), one sheet per table, and the codebook sheet.

What each column means is written once, in ``config.COLUMNS`` (helpers/data/columns.yaml); the
Stata labels, the README sheet, the Parquet field metadata and docs/DATA.md
(``helpers.data_docs``, ``make docs``) are all made from it.  A column the file does not describe
is refused (``ExportError`` naming the table and column), so the documentation cannot fall
behind the tables.

**Joined lists.**  A list is written as its items joined by ";"; a ";" or "\\" inside an item is
escaped with a backslash (``a\\;b``), so ``split_list`` restores every list exactly, except that
an empty list and a list of one empty item both read back as an empty list.

**Missing values.**  Missing text is an empty cell in CSV and Excel and "" in Stata (Stata has no
other missing text), so an empty string and a missing one read back alike (as missing).  Missing
numbers, dates and categories are Stata's ``.``, NaN in Parquet/pandas, an empty cell elsewhere.

**Deterministic.**  Same tables, same library versions -> same bytes, for every format: the CSV
is plain text; the .dta carries a fixed time stamp (``FIXED_TIME``) and little-endian byte order;
the workbook's created/modified properties and its zip entries' times are fixed; the Parquet file
holds nothing that changes between runs.  What no format can promise is the same bytes across
library versions: Parquet records the writing library (``created_by``, pandas' version in its
schema metadata), and pandas, pyarrow and openpyxl may change how they lay out a file.

All files are built first and moved into place only when every one succeeded, so bad input
leaves ``out_dir`` as it was.  Importing this module has no side effects.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import re
import tempfile
import warnings
import zipfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from helpers import config
from helpers.codebook import Codebook, resolve_codebook
from helpers.errors import InputError

__all__ = [
    "CSV_ENCODING", "EXCEL_MAX_CELL", "EXCEL_MAX_ROWS", "FIXED_TIME", "FORMATS", "LIST_SEP",
    "STATA_RESERVED", "STATA_VERSION", "TYPES", "WORKBOOK", "ColumnSpec", "ExportError", "TableSpec",
    "column_descriptions", "export_tables", "join_list", "load_columns", "read_export",
    "split_list", "stata_name", "table_columns",
]

#: The formats ``export_tables`` writes, by default all of them.
FORMATS = ("xlsx", "dta", "parquet", "csv")
#: The workbook's file name in ``out_dir``.
WORKBOOK = "tables.xlsx"
#: The column types of columns.yaml.
TYPES = ("str", "text", "int", "float", "bool", "date", "list", "json", "category")
#: The separator of joined lists (CSV, Stata, Excel).
LIST_SEP = ";"
#: UTF-8 with a byte-order mark: Excel reads the CSV as UTF-8 only with it.
CSV_ENCODING = "utf-8-sig"
#: The time stamp written into every .dta and the workbook's created/modified properties: a
#: fixed value, so that the same tables give the same bytes (the real time would differ per run).
FIXED_TIME = dt.datetime(2000, 1, 1, 0, 0, 0)
#: The date of the workbook's zip entries (the earliest a zip file can hold).
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
#: Excel's limits: rows of a sheet (one is the header) and characters of a cell.
EXCEL_MAX_ROWS = 1_048_576
EXCEL_MAX_CELL = 32_767
#: The Stata format: 118 is Stata 14+ (UTF-8, strL, 32,767 variables).
STATA_VERSION = 118
#: The longest Stata variable name, variable label and data label.
STATA_NAME_MAX = 32
STATA_LABEL_MAX = 80
#: Words Stata (and Mata) reserve, which no variable may be called; pandas renames these
#: silently, so the export maps them itself (``stata_name``) and documents the mapping.
STATA_RESERVED = frozenset({
    "_all", "_b", "_coef", "_cons", "_n", "_N", "_pi", "_pred", "_rc", "_se", "_skip", "byte",
    "double", "float", "if", "in", "int", "long", "strL", "str#", "using", "with", "NULL",
    "aggregate", "array", "boolean", "break", "case", "catch", "class", "colvector", "complex",
    "const", "continue", "default", "delegate", "delete", "do", "else", "eltypedef", "end",
    "enum", "explicit", "export", "external", "for", "friend", "function", "global", "goto",
    "inline", "local", "pragma", "protected", "quad", "rowvector", "short", "typedef",
    "typename", "virtual",
})
#: Names of the workbook's own sheets (a table may not take them).
README_SHEET = "README"
CODEBOOK_SHEET = "codebook"

_STATA_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,31}")
_TABLE_NAME = re.compile(r"[A-Za-z0-9_]{1,31}")
_EXCEL_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_BOOL_TEXT = {True: "TRUE", False: "FALSE"}
_TEXT_TYPES = ("str", "text", "json", "category")


class ExportError(InputError):
    """Tables that cannot be exported as they are, or a columns file that cannot be used: the
    message names the table and the column (and the row or value when one is at fault)."""

    def __init__(self, message: str, table: str | None = None, column: str | None = None,
                 path: str | PathLike[str] | None = None, line: int | None = None) -> None:
        self.table = table
        self.column = column
        super().__init__(message, path, line)

    def _format(self) -> str:
        where = []
        if self.table is not None:
            where.append(f"table {self.table!r}")
        if self.column is not None:
            where.append(f"column {self.column!r}")
        text = f"{', '.join(where)}: {self.message}" if where else self.message
        places = [os.fspath(self.path)] if self.path is not None else []
        if self.line is not None:
            places.append(f"line {self.line}")
        return f"{', '.join(places)}: {text}" if places else text

    def __reduce__(self) -> tuple[type[ExportError], tuple[object, ...]]:
        return (type(self), (self.message, self.table, self.column, self.path, self.line))


# --------------------------------------------------------------------------------------------
# The columns file


@dataclass(frozen=True)
class ColumnSpec:
    """One column as columns.yaml describes it (``values``: category values and their meaning,
    in the order of their Stata codes; ``values_from``: ``codebook`` or ``codebook:<dim>``)."""

    name: str
    type: str
    label: str
    description: str
    values: tuple[tuple[str, str], ...] = ()
    values_from: str | None = None
    stata: str | None = None
    optional: bool = False

    def categories(self, codebook: Codebook | None) -> tuple[tuple[str, str], ...]:
        """The category values with their meaning, the codebook's when they come from it."""
        if self.values_from is None:
            return self.values
        if codebook is None:
            raise ExportError(f"its values come from the {self.values_from}: pass codebook=",
                              column=self.name)
        _, _, dimension = self.values_from.partition(":")
        return tuple((c.id, f"{c.label_en} ({c.label_zh})") for c in codebook.codes
                     if not dimension or c.dimension == dimension)


@dataclass(frozen=True)
class TableSpec:
    """One table as columns.yaml describes it."""

    name: str
    title: str
    made_by: str
    description: str
    columns: tuple[ColumnSpec, ...]
    per_code: ColumnSpec | None = None
    _by_name: dict[str, ColumnSpec] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._by_name.update({c.name: c for c in self.columns})

    def column(self, name: str) -> ColumnSpec | None:
        return self._by_name.get(name)


_TABLE_KEYS = {"title", "made_by", "description", "columns", "per_code"}
_COLUMN_KEYS = {"type", "label", "description", "values", "stata", "optional"}


def load_columns(path: str | PathLike[str] | None = None) -> dict[str, TableSpec]:
    """Read and check columns.yaml (default ``config.COLUMNS``): table name -> ``TableSpec``.

    Refused, with an ``ExportError`` naming the file, table and column: an unknown key or type,
    a missing label or description, a label over 80 characters, values on a column that is no
    category (or none on one that is), an invalid explicit Stata name."""
    import yaml

    path = Path(path) if path is not None else config.COLUMNS
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ExportError(f"cannot read the columns file: {exc}", path=path) from exc
    if not isinstance(data, dict) or not isinstance(data.get("tables"), dict):
        raise ExportError("the columns file needs a `tables:` mapping", path=path)
    tables = {}
    for name, node in data["tables"].items():
        name = str(name)
        if not _TABLE_NAME.fullmatch(name) or name in (README_SHEET, CODEBOOK_SHEET):
            raise ExportError("a table name is letters, digits and _ (at most 31), not README "
                              "or codebook", table=name, path=path)
        if not isinstance(node, dict) or set(node) - _TABLE_KEYS:
            raise ExportError(f"a table has the keys {sorted(_TABLE_KEYS)}", table=name,
                              path=path)
        for key in ("title", "made_by", "description"):
            if not isinstance(node.get(key), str) or not node[key].strip():
                raise ExportError(f"`{key}:` is missing", table=name, path=path)
        if len(node["title"]) > STATA_LABEL_MAX:
            raise ExportError(f"the title is over {STATA_LABEL_MAX} characters (the Stata "
                              "data label)", table=name, path=path)
        columns = node.get("columns")
        if not isinstance(columns, dict) or not columns:
            raise ExportError("`columns:` is missing", table=name, path=path)
        specs = tuple(_column_spec(name, str(col), spec, path) for col, spec in columns.items())
        per_code = (_column_spec(name, "per_code", node["per_code"], path, template=True)
                    if "per_code" in node else None)
        tables[name] = TableSpec(name, " ".join(node["title"].split()), node["made_by"].strip(),
                                 " ".join(node["description"].split()), specs, per_code)
    return tables


def _column_spec(table: str, name: str, node: Any, path: Path, *, template: bool = False
                 ) -> ColumnSpec:
    def fail(message: str) -> ExportError:
        return ExportError(message, table=table, column=name, path=path)

    if not isinstance(node, dict) or set(node) - _COLUMN_KEYS:
        raise fail(f"a column has the keys {sorted(_COLUMN_KEYS)}")
    kind = node.get("type")
    if kind not in TYPES:
        raise fail(f"type {kind!r} is none of {', '.join(TYPES)}")
    for key in ("label", "description"):
        if not isinstance(node.get(key), str) or not node[key].strip():
            raise fail(f"`{key}:` is missing")
    label = " ".join(node["label"].split())
    if len(label) > STATA_LABEL_MAX and not template:
        raise fail(f"the label is over {STATA_LABEL_MAX} characters (the Stata variable label)")
    values, values_from = (), None
    raw = node.get("values")
    if kind == "category":
        if isinstance(raw, str) and (raw == "codebook" or raw.startswith("codebook:")):
            values_from = raw
        elif isinstance(raw, dict) and raw:
            values = tuple((str(k), " ".join(str(v).split())) for k, v in raw.items())
        else:
            raise fail("a category needs `values:` (value: meaning, or codebook[:dimension])")
    elif raw is not None:
        raise fail("only a category has `values:`")
    stata = node.get("stata")
    if stata is not None and (not isinstance(stata, str) or not _valid_stata(stata)):
        raise fail(f"{stata!r} is not a valid Stata name")
    return ColumnSpec(name, kind, label, " ".join(node["description"].split()), values,
                      values_from, stata, bool(node.get("optional", False)))


def table_columns(name: str, frame: pd.DataFrame, *, spec: Mapping[str, TableSpec],
                  codebook: Codebook | None = None) -> list[ColumnSpec]:
    """The description of each column of ``frame`` (index columns first, as exported), in
    order; ``ExportError`` naming the table and column for one the spec does not describe."""
    table = spec.get(name)
    if table is None:
        raise ExportError(f"no such table in {_show(config.COLUMNS)} (described: "
                          f"{', '.join(spec)}): describe it there, then run `make docs`",
                          table=name)
    frame = _flat(name, frame)
    codes = {c.id: c for c in codebook.codes} if codebook is not None else {}
    out = []
    for column in frame.columns:
        described = table.column(column)
        if described is None and table.per_code is not None and column in codes:
            described = _per_code(table.per_code, codes[column])
        if described is None:
            raise ExportError(f"not described in {_show(config.COLUMNS)}: describe it there "
                              "(type, label, description), then run `make docs`",
                              table=name, column=column)
        out.append(described)
    return out


def _per_code(template: ColumnSpec, code: Any) -> ColumnSpec:
    fill = {"id": code.id, "label_en": code.label_en, "label_zh": code.label_zh,
            "dimension": code.dimension}
    label = template.label.format(**fill)
    if len(label) > STATA_LABEL_MAX:  # a long codebook label: cut at a word, marked
        label = label[:STATA_LABEL_MAX - 3].rsplit(" ", 1)[0] + "..."
    return ColumnSpec(code.id, template.type, label, template.description.format(**fill))


def column_descriptions(tables: Mapping[str, pd.DataFrame], *,
                        codebook: Codebook | str | PathLike[str] | None = None,
                        columns: Mapping[str, TableSpec] | str | PathLike[str] | None = None
                        ) -> pd.DataFrame:
    """The README sheet: one row per column of every table (``table``, ``column``,
    ``stata_name``, ``type``, ``label``, ``description``, ``values``); ``ExportError`` for a
    column not described, a name clash after mapping to Stata names."""
    book = resolve_codebook(codebook)
    spec = _spec(columns)
    rows = []
    for name, frame in tables.items():
        specs = table_columns(name, frame, spec=spec, codebook=book)
        names = _stata_names(name, specs)
        for col, stata in zip(specs, names, strict=True):
            rows.append({"table": name, "column": col.name, "stata_name": stata,
                         "type": col.type, "label": col.label, "description": col.description,
                         "values": _values_text(col.categories(book)) if col.type == "category"
                         else ""})
    return pd.DataFrame(rows, columns=["table", "column", "stata_name", "type", "label",
                                       "description", "values"])


def _values_text(categories: Sequence[tuple[str, str]]) -> str:
    return "\n".join(f"{n} = {value}: {meaning}" if meaning else f"{n} = {value}"
                      for n, (value, meaning) in enumerate(categories, start=1))


# --------------------------------------------------------------------------------------------
# Stata names


def stata_name(column: str, explicit: str | None = None) -> str:
    """The Stata name of ``column``: ``explicit`` when given, else the name with every character
    other than ASCII letters, digits and _ replaced by _, a leading digit prefixed with _, a
    reserved word (``STATA_RESERVED``) suffixed with _ (``end`` -> ``end_``), cut to 32."""
    if explicit is not None:
        return explicit
    name = re.sub(r"[^A-Za-z0-9_]", "_", column) or "_"
    if name[0].isdigit():
        name = "_" + name
    name = name[:STATA_NAME_MAX]
    if name in STATA_RESERVED:
        name = (name + "_")[:STATA_NAME_MAX]
    return name


def _valid_stata(name: str) -> bool:
    return bool(_STATA_NAME.fullmatch(name)) and name not in STATA_RESERVED


def _stata_names(table: str, specs: Sequence[ColumnSpec]) -> list[str]:
    names: dict[str, str] = {}
    out = []
    for col in specs:
        name = stata_name(col.name, col.stata)
        if name in names:
            raise ExportError(f"its Stata name {name!r} is also that of column "
                              f"{names[name]!r}: give one of them `stata:` in "
                              f"{_show(config.COLUMNS)}", table=table, column=col.name)
        names[name] = col.name
        out.append(name)
    return out


# --------------------------------------------------------------------------------------------
# Lists


def join_list(items: Iterable[str]) -> str:
    """A list as one text: items joined by ";", a ";" or "\\" inside an item escaped by "\\"."""
    return LIST_SEP.join(str(x).replace("\\", "\\\\").replace(LIST_SEP, "\\" + LIST_SEP)
                         for x in items)


def split_list(text: str | None) -> list[str]:
    """The list ``join_list`` made ``text`` from (empty or missing: an empty list)."""
    if text is None or (isinstance(text, float) and math.isnan(text)) or text == "":
        return []
    items, current, chars = [], [], iter(str(text))
    for ch in chars:
        if ch == "\\":
            current.append(next(chars, "\\"))
        elif ch == LIST_SEP:
            items.append("".join(current))
            current = []
        else:
            current.append(ch)
    items.append("".join(current))
    return items


# --------------------------------------------------------------------------------------------
# The canonical frame: each column checked against its type and held as that type


def _flat(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    """The table with a named index (article_codes: article_id) as its first columns."""
    if not isinstance(frame, pd.DataFrame):
        raise ExportError(f"is a {type(frame).__name__}, not a DataFrame", table=name)
    names = [n for n in frame.index.names if n is not None]
    if names and len(names) != frame.index.nlevels:
        raise ExportError("an index level has no name", table=name)
    clash = [n for n in names if n in frame.columns]
    if clash:
        raise ExportError("is both the index and a column", table=name, column=str(clash[0]))
    flat = frame.reset_index(drop=not names) if names or not isinstance(
        frame.index, pd.RangeIndex) else frame
    dupes = flat.columns[flat.columns.duplicated()]
    if len(dupes):
        raise ExportError("the column appears twice", table=name, column=str(dupes[0]))
    bad = [c for c in flat.columns if not isinstance(c, str)]
    if bad:
        raise ExportError("column names must be text", table=name, column=repr(bad[0]))
    return flat.reset_index(drop=True)


def _missing(v: Any) -> bool:
    return v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and math.isnan(v))


def _canonical(name: str, frame: pd.DataFrame, specs: Sequence[ColumnSpec],
               book: Codebook | None) -> pd.DataFrame:
    """The table as exported: texts, categories, lists and dates as Python objects (None when
    missing), numbers and booleans as numpy dtypes; ``ExportError`` for a value its column's
    type cannot hold, naming table, column and row."""
    out = {}
    for col in specs:
        values = frame[col.name]

        def fail(message: str, row: int | None = None, value: Any = None,
                 column: str = col.name) -> ExportError:
            at = f"row {row + 1}: " if row is not None else ""
            shown = f" ({value!r:.60})" if row is not None else ""
            return ExportError(f"{at}{message}{shown}", table=name, column=column)

        out[col.name] = _canonical_column(values, col, book, fail)
    return pd.DataFrame(out, columns=[c.name for c in specs])


def _canonical_column(values: pd.Series, col: ColumnSpec, book: Codebook | None,
                      fail: Callable[..., ExportError]) -> pd.Series:
    kind = col.type
    if kind in _TEXT_TYPES:
        allowed = ({v for v, _ in col.categories(book)} if kind == "category" else None)
        items = []
        for i, v in enumerate(values):
            if _missing(v):
                items.append(None)
                continue
            if not isinstance(v, str):
                raise fail(f"a {kind} column holds a {type(v).__name__}", i, v)
            if allowed is not None and v not in allowed:
                dimension = (col.values_from or "").partition(":")[2]
                where = (_show(config.COLUMNS) if not col.values_from else "the codebook"
                         + (f" ({dimension} codes)" if dimension else ""))
                raise fail(f"value {v!r} is not a category of the column in {where}: add it "
                           "there (its Stata code follows the listed order)", i, v)
            items.append(v)
        return pd.Series(items, dtype=object)
    if kind == "list":
        items = []
        for i, v in enumerate(values):
            if not isinstance(v, (list, tuple, np.ndarray)):
                raise fail("a list column holds no list", i, v)
            if not all(isinstance(x, str) for x in v):
                raise fail("a list column holds a list of other things than texts", i, v)
            items.append(list(v))
        return pd.Series(items, dtype=object)
    if kind == "date":
        items = []
        for i, v in enumerate(values):
            if _missing(v):
                items.append(None)
            elif isinstance(v, (pd.Timestamp, dt.datetime)):
                if pd.Timestamp(v) != pd.Timestamp(v).normalize() or (
                        getattr(v, "tzinfo", None) is not None):
                    raise fail("a date column holds a time of day or a time zone", i, v)
                items.append(pd.Timestamp(v).date())
            elif isinstance(v, dt.date):
                items.append(v)
            else:
                raise fail(f"a date column holds a {type(v).__name__}", i, v)
        return pd.Series(items, dtype=object)
    if kind == "bool":
        if pd.api.types.is_bool_dtype(values) and not values.isna().any():
            return values.astype(bool).reset_index(drop=True)
        bad = next((i for i, v in enumerate(values) if not isinstance(v, (bool, np.bool_))),
                   None)
        if bad is None:
            return pd.Series([bool(v) for v in values], dtype=bool)
        raise fail("a bool column holds something else than True/False", bad, values.iloc[bad])
    if kind == "int":
        if pd.api.types.is_integer_dtype(values) and not values.isna().any():
            return values.astype("int64").reset_index(drop=True)
        bad = next((i for i, v in enumerate(values) if _missing(v) or not isinstance(
            v, (int, np.integer)) or isinstance(v, (bool, np.bool_))), None)
        if bad is None:
            return pd.Series([int(v) for v in values], dtype="int64")
        raise fail("an int column holds a missing value or something else than a whole number",
                   bad, values.iloc[bad])
    if kind == "float":
        if not (pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values)):
            try:
                numbers = pd.to_numeric(values, errors="raise").astype("float64")
            except (TypeError, ValueError):
                bad = next(i for i, v in enumerate(values) if not _missing(v) and not
                           isinstance(v, (int, float, np.integer, np.floating)))
                raise fail("a float column holds something else than a number", bad,
                           values.iloc[bad]) from None
        else:
            numbers = values.astype("float64")
        numbers = numbers.reset_index(drop=True)
        infinite = np.isinf(numbers.to_numpy())
        if infinite.any():
            bad = int(np.flatnonzero(infinite)[0])
            raise fail("an infinite number: Stata and Excel cannot hold it", bad,
                       numbers.iloc[bad])
        return numbers
    raise fail(f"unknown type {kind!r}")  # pragma: no cover - load_columns refuses it


# --------------------------------------------------------------------------------------------
# Export


@dataclass
class _Prepared:
    name: str
    table: TableSpec
    specs: list[ColumnSpec]
    stata: list[str]
    frame: pd.DataFrame


def export_tables(out_dir: str | PathLike[str], tables: Mapping[str, pd.DataFrame], *,
                  codebook: Codebook | str | PathLike[str] | None = None,
                  columns: Mapping[str, TableSpec] | str | PathLike[str] | None = None,
                  formats: Sequence[str] = FORMATS, workbook: str = WORKBOOK,
                  excel_tables: Sequence[str] | None = None) -> list[Path]:
    """Write ``tables`` (name -> DataFrame) to ``out_dir`` for Stata, R and Excel; returns the
    paths written, in order: the workbook, then per table its .dta, .parquet and .csv.

    ``codebook``: the codebook the tables were coded with (a ``Codebook``, a YAML file, None for
    the project's): the values of ``code`` and ``primary_domain``, the article_codes count
    columns and the workbook's codebook sheet.  ``columns``: the column descriptions (default
    ``config.COLUMNS``).  ``formats``: which of ``FORMATS`` to write.  ``workbook``: the
    workbook's file name.  ``excel_tables``: the tables that get a sheet (default all; a table
    over Excel's 1,048,575 rows must be left out, it is refused otherwise).

    ``ExportError`` (naming table and column) for an undescribed column, a value its column's
    type cannot hold (a category not listed, an infinite number, a text Excel cannot hold),
    two columns with one Stata name, a table Stata cannot write; nothing is written then.
    """
    book = resolve_codebook(codebook)
    spec = _spec(columns)
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise ExportError(f"unknown format {unknown[0]!r} (formats: {', '.join(FORMATS)})")
    if not tables:
        raise ExportError("no tables to export")
    prepared = []
    for name, frame in tables.items():
        specs = table_columns(name, frame, spec=spec, codebook=book)
        stata = _stata_names(name, specs)
        prepared.append(_Prepared(name, spec[name], specs, stata,
                                  _canonical(name, _flat(name, frame), specs, book)))
    sheets = list(tables) if excel_tables is None else list(excel_tables)
    for name in sheets:
        if name not in tables:
            raise ExportError("named in excel_tables= but not among the tables", table=name)

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    staged: list[tuple[Path, Path]] = []
    try:
        def stage(target: Path, write: Callable[[Path], None]) -> None:
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=out)
            os.close(fd)
            staged.append((Path(tmp), target))
            write(Path(tmp))

        if "xlsx" in formats:
            chosen = [p for p in prepared if p.name in sheets]
            readme = column_descriptions({p.name: tables[p.name] for p in prepared},
                                         codebook=book, columns=spec)
            stage(out / workbook, lambda tmp: _write_workbook(tmp, chosen, readme, book))
        for p in prepared:
            if "dta" in formats:
                stage(out / f"{p.name}.dta", lambda tmp, p=p: _write_dta(tmp, p, book))
            if "parquet" in formats:
                stage(out / f"{p.name}.parquet", lambda tmp, p=p: _write_parquet(tmp, p, book))
            if "csv" in formats:
                stage(out / f"{p.name}.csv", lambda tmp, p=p: _write_csv(tmp, p))
    except BaseException:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
        raise
    for tmp, target in staged:
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    return [target for _, target in staged]


def _spec(columns: Mapping[str, TableSpec] | str | PathLike[str] | None
          ) -> Mapping[str, TableSpec]:
    if isinstance(columns, Mapping):
        return columns
    return load_columns(columns)


# --- CSV


def _text_frame(p: _Prepared) -> pd.DataFrame:
    """The table as text cells (CSV): lists joined, dates ISO, booleans TRUE/FALSE."""
    cells = {}
    for col in p.specs:
        values = p.frame[col.name]
        if col.type == "list":
            cells[col.name] = values.map(join_list)
        elif col.type == "date":
            cells[col.name] = values.map(lambda d: "" if d is None else d.isoformat())
        elif col.type == "bool":
            cells[col.name] = values.map(_BOOL_TEXT.__getitem__)
        else:
            cells[col.name] = values
    return pd.DataFrame(cells, columns=[c.name for c in p.specs])


def _write_csv(path: Path, p: _Prepared) -> None:
    _text_frame(p).to_csv(path, index=False, encoding=CSV_ENCODING, lineterminator="\n")


# --- Parquet


def _arrow_schema(p: _Prepared, book: Codebook | None) -> Any:
    import pyarrow as pa

    types = {"str": pa.string(), "text": pa.string(), "json": pa.string(),
             "category": pa.string(), "list": pa.list_(pa.string()), "date": pa.date32(),
             "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}
    fields = []
    for col in p.specs:
        meta = {"label": col.label, "description": col.description, "type": col.type}
        if col.type == "category":
            meta["values"] = _values_text(col.categories(book))
        fields.append(pa.field(col.name, types[col.type], nullable=True,
                               metadata={k: v.encode() for k, v in meta.items()}))
    return pa.schema(fields, metadata={"title": p.table.title.encode(),
                                       "description": p.table.description.encode()})


def _write_parquet(path: Path, p: _Prepared, book: Codebook | None) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    arrow = pa.Table.from_pandas(p.frame, schema=_arrow_schema(p, book), preserve_index=False)
    pq.write_table(arrow, path)


# --- Stata


def _write_dta(path: Path, p: _Prepared, book: Codebook | None) -> None:
    data: dict[str, Any] = {}
    value_labels: dict[str, dict[float, str]] = {}
    dates: dict[str, str] = {}
    strl: list[str] = []
    for col, name in zip(p.specs, p.stata, strict=True):
        values = p.frame[col.name]
        if col.type == "category":
            codes = {v: n for n, (v, _) in enumerate(col.categories(book), start=1)}
            # the smallest Stata integer type that holds the codes (byte: up to 100)
            size = "Int8" if len(codes) <= 100 else "Int16" if len(codes) <= 32_740 else "Int32"
            data[name] = pd.array([None if v is None else codes[v] for v in values], dtype=size)
            value_labels[name] = {float(n): v for v, n in codes.items()}
        elif col.type == "list":
            data[name] = values.map(join_list).astype(object)
        elif col.type in ("str", "text", "json"):
            data[name] = values.map(lambda v: "" if v is None else v).astype(object)
            if col.type == "text":
                strl.append(name)
        elif col.type == "date":
            data[name] = pd.to_datetime(pd.Series(
                [pd.NaT if d is None else pd.Timestamp(d) for d in values], dtype=object))
            dates[name] = "td"
        elif col.type == "bool":
            data[name] = values.astype("int8")
        else:
            data[name] = values
    frame = pd.DataFrame(data, columns=p.stata, index=pd.RangeIndex(len(p.frame)))
    labels = {name: col.label for col, name in zip(p.specs, p.stata, strict=True)}
    stata_warnings = (pd.errors.PossiblePrecisionLoss, pd.errors.InvalidColumnName,
                      pd.errors.CategoricalConversionWarning, pd.errors.ValueLabelTypeMismatch)
    with warnings.catch_warnings():
        for warning in stata_warnings:  # where pandas would rename a column or lose precision
            warnings.simplefilter("error", warning)
        try:
            frame.to_stata(path, write_index=False, version=STATA_VERSION, byteorder="<",
                           time_stamp=FIXED_TIME, data_label=p.table.title,
                           variable_labels=labels, convert_dates=dates, convert_strl=strl,
                           value_labels=value_labels or None)
        except (ValueError, TypeError, OverflowError, UnicodeError, *stata_warnings) as exc:
            raise ExportError(f"Stata cannot hold the table as it is: {exc}",
                              table=p.name, column=_column_named(str(exc), p)) from exc


def _column_named(message: str, p: _Prepared) -> str | None:
    """The column a pandas message names (by its Stata or its own name), if any."""
    for col, name in zip(p.specs, p.stata, strict=True):
        if re.search(rf"\b{re.escape(name)}\b", message) or re.search(
                rf"\b{re.escape(col.name)}\b", message):
            return col.name
    return None


# --- Excel


class _StableZip(zipfile.ZipFile):
    """A zip file whose entries carry a fixed time (``ZIP_TIME``) and mode, so that the same
    workbook gives the same bytes (openpyxl stamps entries with the current time)."""

    def writestr(self, zinfo_or_arcname: Any, data: Any, compress_type: int | None = None,
                 compresslevel: int | None = None) -> None:
        name = (zinfo_or_arcname.filename if isinstance(zinfo_or_arcname, zipfile.ZipInfo)
                else zinfo_or_arcname)
        info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        super().writestr(info, data)

    def write(self, filename: Any, arcname: Any = None, compress_type: int | None = None,
              compresslevel: int | None = None, *, strict_timestamps: bool = True) -> None:
        self.writestr(arcname or os.fspath(filename), Path(filename).read_bytes())


def _codebook_sheet(book: Codebook) -> pd.DataFrame:
    """The workbook's codebook sheet: one row per code, terms joined like lists."""
    rows = [{"id": c.id, "dimension": c.dimension, "label_zh": c.label_zh,
             "label_en": c.label_en, "definition": " ".join(c.definition.split()),
             "include": " ".join(c.include.split()), "exclude": " ".join(c.exclude.split()),
             "terms": join_list(c.terms), "exclude_terms": join_list(c.exclude_terms),
             "example": " ".join(c.example.split())} for c in book.codes]
    return pd.DataFrame(rows, columns=["id", "dimension", "label_zh", "label_en", "definition",
                                       "include", "exclude", "terms", "exclude_terms",
                                       "example"])


def _check_excel(table: str, frame: pd.DataFrame) -> None:
    """Refuse what an Excel sheet cannot hold, before the workbook is begun: more rows than a
    sheet has, a text over 32,767 characters, a control character (a cell's text as written:
    lists joined)."""
    if len(frame) >= EXCEL_MAX_ROWS:
        raise ExportError(f"{len(frame)} rows, over what an Excel sheet holds: leave it out of "
                          "the workbook (excel_tables=) and use its CSV or Parquet", table=table)
    for column in frame.columns:
        for row, value in enumerate(frame[column], start=1):
            if isinstance(value, list):
                value = join_list(value)
            if not isinstance(value, str):
                continue
            if len(value) > EXCEL_MAX_CELL:
                raise ExportError(f"row {row}: a text of {len(value)} characters, over Excel's "
                                  f"{EXCEL_MAX_CELL} per cell (leave the table out of the "
                                  "workbook: excel_tables=)", table=table, column=column)
            if _EXCEL_ILLEGAL.search(value):
                raise ExportError(f"row {row}: a control character Excel cannot hold",
                                  table=table, column=column)


def _write_workbook(path: Path, prepared: Sequence[_Prepared], readme: pd.DataFrame,
                    book: Codebook) -> None:
    codebook = _codebook_sheet(book)
    for p in prepared:
        _check_excel(p.name, p.frame)
    _check_excel(README_SHEET, readme)
    _check_excel(CODEBOOK_SHEET, codebook)
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.writer.excel import ExcelWriter

    wb = Workbook(write_only=True)
    wb.properties.creator = "govreports (helpers/exports.py)"
    wb.properties.title = "govreports tables"
    wb.properties.created = wb.properties.modified = FIXED_TIME
    bold = Font(bold=True)

    def sheet(title: str, header: Sequence[str], rows: Iterable[Sequence[Any]],
              widths: Sequence[float] = ()) -> None:
        ws = wb.create_sheet(title)
        ws.freeze_panes = "A2"
        for n, width in enumerate(widths):
            ws.column_dimensions[_excel_column(n)].width = width

        def cell(value: Any) -> Any:
            c = WriteOnlyCell(ws, value=value)
            if isinstance(value, str):
                c.data_type = "s"  # text, never a formula or an error code (=SUM…, #N/A)
            return c

        header_cells = []
        for h in header:
            c = WriteOnlyCell(ws, value=h)
            c.data_type = "s"
            c.font = bold
            header_cells.append(c)
        ws.append(header_cells)
        for row in rows:
            ws.append([cell(v) for v in row])

    sheet(README_SHEET, list(readme.columns), readme.itertuples(index=False, name=None),
          widths=(16, 22, 22, 10, 50, 80, 60))
    for p in prepared:
        sheet(p.name, [c.name for c in p.specs], _excel_rows(p))
    sheet(CODEBOOK_SHEET, list(codebook.columns), codebook.itertuples(index=False, name=None))
    with _StableZip(path, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(wb, archive).save()


def _excel_rows(p: _Prepared) -> Iterable[list[Any]]:
    converters = []
    for col in p.specs:
        if col.type == "list":
            converters.append(join_list)
        elif col.type == "float":
            converters.append(lambda v: None if math.isnan(v) else float(v))
        elif col.type == "int":
            converters.append(int)
        elif col.type == "bool":
            converters.append(bool)
        else:
            converters.append(None)
    columns = [p.frame[c.name].tolist() for c in p.specs]
    for values in zip(*columns, strict=True):
        yield [v if f is None else f(v) for f, v in zip(converters, values, strict=True)]


def _excel_column(n: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(n + 1)


# --------------------------------------------------------------------------------------------
# Reading an export back


def read_export(path: str | PathLike[str], *, table: str | None = None,
                codebook: Codebook | str | PathLike[str] | None = None,
                columns: Mapping[str, TableSpec] | str | PathLike[str] | None = None
                ) -> pd.DataFrame:
    """Read a table's .csv, .parquet or .dta export back into the table ``export_tables``
    wrote: lists restored (``split_list`` for CSV and Stata), dates as ``datetime.date``,
    booleans, categories as their text, Stata names back to the column names; missing texts,
    categories and dates as None.  ``table``: its name (default: the file's stem)."""
    path = Path(path)
    name = table or path.stem
    book = resolve_codebook(codebook)
    spec = _spec(columns)
    if name not in spec:
        raise ExportError(f"no such table in {_show(config.COLUMNS)}", table=name, path=path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        raw = pd.read_csv(path, encoding=CSV_ENCODING, dtype=str, keep_default_na=False,
                          na_values=[])
    elif suffix == ".parquet":
        raw = pd.read_parquet(path)
    elif suffix == ".dta":
        raw = pd.read_stata(path, convert_categoricals=True)
        known = _known_columns(spec[name], book)
        raw = raw.rename(columns={stata_name(c.name, c.stata): c.name for c in known})
    else:
        raise ExportError(f"not an export this module reads ({suffix or 'no suffix'})",
                          table=name, path=path)
    specs = table_columns(name, raw, spec=spec, codebook=book)
    out = {}
    for col in specs:
        values = raw[col.name]
        out[col.name] = _restore(values, col, suffix)
    return pd.DataFrame(out, columns=[c.name for c in specs])


def _known_columns(table: TableSpec, book: Codebook) -> list[ColumnSpec]:
    known = list(table.columns)
    if table.per_code is not None:
        known += [_per_code(table.per_code, c) for c in book.codes]
    return known


def _restore(values: pd.Series, col: ColumnSpec, suffix: str) -> pd.Series:
    kind = col.type

    def text(v: Any) -> str | None:
        return None if _missing(v) or v == "" and suffix in (".csv", ".dta") else str(v)

    if kind in _TEXT_TYPES:
        return pd.Series([text(v) for v in values], dtype=object)
    if kind == "list":
        if suffix == ".parquet":
            return pd.Series([[] if v is None else [str(x) for x in v] for v in values],
                             dtype=object)
        return pd.Series([split_list(None if _missing(v) else v) for v in values], dtype=object)
    if kind == "date":
        return pd.Series([None if _missing(v) or v == "" else
                          (dt.date.fromisoformat(v) if isinstance(v, str)
                           else pd.Timestamp(v).date()) for v in values], dtype=object)
    if kind == "bool":
        if suffix == ".csv":
            reverse = {t: b for b, t in _BOOL_TEXT.items()}
            return pd.Series([reverse[v] for v in values], dtype=bool)
        return values.astype(bool).reset_index(drop=True)
    if kind == "int":
        return pd.Series([int(v) for v in values], dtype="int64")
    if kind == "float":
        return pd.Series([np.nan if v is None or v == "" else float(v) for v in values],
                         dtype="float64")
    raise ExportError(f"unknown type {kind!r}", column=col.name)  # pragma: no cover


def _show(path: Path) -> str:
    return path.relative_to(config.ROOT).as_posix() if path.is_relative_to(config.ROOT) \
        else str(path)
