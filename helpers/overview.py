"""What a corpus holds, before any analysis: its files and their formats, and its articles by
newspaper and date.

A comparison over time or across newspapers is only as good as the coverage behind it: a month
without pages, a newspaper read from one source only, undated articles.  These tables show it
(notebook 01), from the files and the articles table alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from os import PathLike
from pathlib import Path

import pandas as pd

from helpers import config, corpus
from helpers.formats.detect import TABLE_SUFFIXES, detect_format
from helpers.text import read_page

__all__ = ["corpus_files", "example_file", "publication_summary"]

#: The label of articles without a publication date in ``publication_summary``.
UNDATED = "undated"
#: The label of articles without a newspaper.
UNKNOWN = "unknown"


def corpus_files(path: str | PathLike[str] | None = None, *, format: str | None = None,
                 columns: Mapping[str, str] | None = None,
                 ignore: str | Iterable[str] = ()) -> pd.DataFrame:
    """One row per corpus file: its format (from ``format=``, ``metadata.yaml`` or detected:
    ``how`` says which) and what the metadata says of it (newspaper, home, published, page)."""
    rows = []
    for file, meta in corpus.file_settings(path, format=format, columns=columns, ignore=ignore):
        if meta.format is not None:
            fmt, how = meta.format, "given"
        else:
            text = None if file.suffix.lower() in TABLE_SUFFIXES else read_page(file)
            fmt, how = detect_format(file, text), "detected"
        rows.append({"file": file.name, "bytes": file.stat().st_size, "format": fmt,
                     "how": how, "newspaper": meta.newspaper, "home": meta.home,
                     "published": meta.published, "page": meta.page})
    return pd.DataFrame(rows, columns=["file", "bytes", "format", "how", "newspaper", "home",
                                       "published", "page"])


def publication_summary(articles: pd.DataFrame, *, by: str = "newspaper",
                        freq: str = "M") -> pd.DataFrame:
    """Articles per ``by`` (a column: newspaper, locality, format …) and period of
    publication (``freq``: "Y", "Q", "M" or "D"), with the first and last date.

    Articles without a date are counted in a period of their own (``UNDATED``), articles
    without a ``by`` value under ``UNKNOWN``: nothing is dropped, so the counts add up to the
    table.  Rows are sorted by ``by`` then period (undated last)."""
    if freq not in ("Y", "Q", "M", "D"):
        raise ValueError(f"freq={freq!r}: one of 'Y', 'Q', 'M', 'D'")
    dates = pd.to_datetime(articles["published"], errors="raise")
    period = dates.dt.to_period(freq).astype(str).where(dates.notna(), UNDATED)
    frame = pd.DataFrame({
        by: articles[by].fillna(UNKNOWN).astype(str).to_numpy(),
        "period": period.to_numpy(),
        "date": dates.to_numpy(),
    })
    grouped = frame.groupby([by, "period"], sort=False)
    out = grouped.agg(articles=("date", "size"), first=("date", "min"), last=("date", "max"))
    out = out.reset_index()
    for col in ("first", "last"):  # dates, None for the undated
        out[col] = pd.Series([v.date() if pd.notna(v) else None for v in out[col]],
                             index=out.index, dtype=object)
    out["_undated"] = out["period"] == UNDATED
    out = out.sort_values([by, "_undated", "period"], kind="stable").drop(columns="_undated")
    return out.reset_index(drop=True)


def example_file(path: str | PathLike[str] | None = None, fmt: str = "page", *,
                 ignore: str | Iterable[str] = ()) -> Path | None:
    """The first corpus file of format ``fmt`` under ``path`` (None if there is none): what a
    notebook shows a raw excerpt of."""
    files = corpus_files(path, ignore=ignore)
    names = files.loc[files["format"] == fmt, "file"]
    if names.empty:
        return None
    root = Path(path) if path is not None else config.CORPUS_RAW
    return root / names.iloc[0] if root.is_dir() else root
