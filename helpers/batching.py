"""Per-page tables cut from and joined into bigger ones, equal to the whole-corpus tables.

The pipeline runs each stage once over the articles of many pages (a DataFrame and a stage call
per page cost milliseconds of pandas overhead each), then cuts the result into one table per
page for the cache (``split_pages``), and joins the pages' tables back in file order
(``concat_pages``).  Every cut and join must equal what the stage gives those pages on its own,
row for row and dtype for dtype: where pandas inferred a column's dtype from the values of some
pages only (a column of strings that is all None on one page is ``object`` there and ``str``
elsewhere), the column is repaired as the stage would have built it (``canonical``).
"""

from __future__ import annotations

import functools
import itertools

import pandas as pd

from helpers import coding, corpus, metrics
from helpers.codebook import Codebook
from helpers.tokens import token_counts

__all__ = ["canonical", "concat_pages", "split_pages"]


@functools.lru_cache(maxsize=8)
def _empty_tables(codebook: Codebook) -> dict[str, pd.DataFrame] | None:
    """Every table of a page without articles (``None`` if the stages refuse an empty page):
    the dtypes the stages give an empty table and a column whose values are all missing."""
    try:
        articles = corpus.parse_page("", source="empty")
        segments = coding.code_segments(articles, codebook)
        return {"articles": articles, "subheads": corpus.subhead_paragraphs(articles),
                "segments": segments, "codes": coding.code_articles(articles, codebook, segments=segments),
                "metrics": metrics.extract_metrics(articles), "tokens": token_counts(articles)}
    except Exception:  # noqa: BLE001 -- then the pieces keep their dtypes (see _canonical)
        return None


def canonical(frame: pd.DataFrame, table: str | None, codebook: Codebook,
               missing: list[int] | None = None) -> pd.DataFrame:
    """Rows cut out of a table built for more pages, as the stage builds them for these pages
    alone.  Cutting keeps each column's dtype, which pandas inferred from all the rows: a
    column of strings whose values are all missing in the cut would be ``object`` (or what
    the stage forces) on its own, and an empty cut is the stage's empty table.  Modifies and
    returns ``frame`` (a fresh object), or returns the stage's empty table.  ``missing``: the
    string columns known to be all missing (default: look)."""
    if table is None:
        return frame
    empty: dict[str, pd.DataFrame] | None = None
    reference: pd.DataFrame | None = None

    def ref() -> pd.DataFrame | None:
        nonlocal empty, reference
        if empty is None:
            empty = _empty_tables(codebook) or {}
            reference = empty.get(table)
            if reference is not None and not reference.columns.equals(frame.columns):
                reference = None
        return reference

    if len(frame) == 0:
        blank = ref()
        return frame if blank is None else blank.copy()
    dtypes = frame.dtypes
    if missing is None:
        missing = [j for j, dtype in enumerate(dtypes) if isinstance(dtype, pd.StringDtype)
                   and frame.iloc[:, j].isna().all()]
    for j in missing:
        dtype = dtypes.iloc[j]
        if isinstance(dtype, pd.StringDtype):
            blank = ref()
            target = object if blank is None else blank.dtypes.iloc[j]
            if target == object:
                frame.isetitem(j, pd.Series([None] * len(frame), dtype=object, index=frame.index))
            elif target != dtype:
                frame.isetitem(j, frame.iloc[:, j].astype(target))
    return frame


def split_pages(built: pd.DataFrame, table: str, articles: list[pd.DataFrame],
           codebook: Codebook) -> list[pd.DataFrame]:
    """Cut a table built for several pages (``articles``: each page's) into one per page, each
    as the stage would have built it for that page alone (rows come in article order)."""
    import numpy as np

    owner = {aid: k for k, arts in enumerate(articles) for aid in arts["article_id"]}
    ids = built.index if table == "codes" else built["article_id"]
    pos = np.fromiter((owner[a] for a in ids), dtype=np.intp, count=len(built))
    if len(pos) > 1 and bool((np.diff(pos) < 0).any()):
        raise RuntimeError(f"{table}: rows are not in article order")
    bounds = np.searchsorted(pos, np.arange(len(articles) + 1), side="left")
    na = {j: built.iloc[:, j].isna().to_numpy() for j, dtype in enumerate(built.dtypes)
          if isinstance(dtype, pd.StringDtype)}  # once for all the pieces
    pieces = []
    for a, b in itertools.pairwise(bounds):
        piece = built.iloc[int(a):int(b)]
        piece = piece.copy() if table == "codes" else piece.reset_index(drop=True)
        missing = [j for j, mask in na.items() if bool(mask[a:b].all())]
        if b == a or missing:
            piece = canonical(piece, table, codebook, missing)
        pieces.append(piece)
    return pieces


def _infer_like_constructor(values: pd.Series) -> pd.Series:
    """The dtype a DataFrame built from these values row by row would have inferred."""
    name = "v"
    return pd.DataFrame([(v,) for v in values.tolist()], columns=[name])[name]


def concat_pages(frames: list[pd.DataFrame], *, ignore_index: bool = True,
                 table: str | None = None, codebook: Codebook | None = None) -> pd.DataFrame:
    """Concatenate tables of consecutive pages as if the table had been built for all of them
    at once.  ``table`` names the stage (pieces may be cut out of bigger tables: see
    ``canonical``; ``codebook`` is needed with ``table``)."""
    full = [f for f in frames if len(f)] or frames[:1]  # an empty page adds no rows
    first = full[0]
    out = pd.concat(full, ignore_index=ignore_index) if len(full) > 1 else first.copy()
    out.attrs = {}
    if not all(f.columns.equals(first.columns) for f in full):
        return out
    out.columns = first.columns  # concat may re-infer the column index's dtype
    signatures = {tuple(str(d) for d in f.dtypes) for f in full}
    if len(signatures) > 1:  # a dtype pandas inferred from one page's values only
        for j, dtypes in enumerate(zip(*signatures, strict=True)):
            if len(set(dtypes)) > 1:
                out.isetitem(j, _infer_like_constructor(out.iloc[:, j]).set_axis(out.index))
    if not ignore_index and len({str(f.index.dtype) for f in full}) == 1:
        out.index = out.index.astype(first.index.dtype)  # concat turns object into str
        out.index.name = first.index.name
    out = canonical(out, table, codebook)
    out.attrs = {}
    return out
