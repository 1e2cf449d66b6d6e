"""Intercoder reliability of paragraph coding: the dictionary and human coders, pair by pair.

The input is one long table of paragraph codings, ``CODING_COLUMNS`` (article_id, para_no, code,
coder, value): a row says that ``coder`` coded paragraph (article_id, para_no) with ``value``
1 (carries the code) or 0 (does not).  ``import_coding_sheet`` gives such a table for each
human coder; ``dictionary_codings`` turns the dictionary's codes (``code_segments`` or
``paragraph_codes``) into the same table with coder ``"dictionary"``; ``pd.concat`` them.  A
paragraph a coder has no row for is *not coded* by that coder (missing), which is not 0.

``reliability(codings, ...)``: for each pair of coders (by default the dictionary against each
human coder, then every two human coders) and each code, over the paragraphs both coded:

- ``both``, ``a_only``, ``b_only``, ``neither``: the 2×2 table (coder_a's value first);
- ``agreement``: percent agreement as a proportion, (both + neither) / units;
- ``kappa``: Cohen's kappa, (p_o − p_e) / (1 − p_e), p_e from each coder's own rate of 1s;
- ``alpha``: Krippendorff's alpha, nominal, computed by the ``krippendorff`` package;
- ``*_low``, ``*_high``: percentile bootstrap confidence intervals (``confidence``, default
  95 %): ``resamples`` resamples (keyword-only, default 1000) of the *paragraphs* both coders
  coded, drawn with replacement by ``numpy.random.default_rng(seed)``, the same draws for every
  code of a pair (so the pooled rows resample whole paragraphs), fresh per pair (a pair's
  interval does not depend on which other pairs are computed);
- ``undefined``: in how many resamples kappa and alpha were undefined; they are undefined
  exactly when every value in the resample is the same (both coders all 0, or all 1: no
  variation), and those resamples are left out of the kappa and alpha intervals.

Besides one row per code, pooled rows: ``(all)`` over every paragraph × code decision, and with
``codebook=`` one per dimension (``(domain)``, ``(mode)``).  A code that neither coder of a pair
ever uses has agreement 1 and kappa and alpha undefined (NaN) — unlike
``helpers.coding.cohen_kappa``, which calls perfect agreement on an unused code 1.0.

Computation.  The point estimate of alpha is the package's (``krippendorff.alpha``, nominal,
value domain 0/1).  For two coders with binary values and no missing value in a unit, alpha is
a function of the 2×2 table: with N units, n₁ = 2·both + a_only + b_only and n₀ = 2·neither +
a_only + b_only pairable values, α = 1 − (2N − 1)(a_only + b_only) / (n₀ n₁) (Krippendorff's
coincidence matrix: o₀₁ = o₁₀ = a_only + b_only); the bootstrap uses this form, vectorised over
the resamples (tests/test_reliability.py checks it against the package).

``disagreements(codings, texts)``: the paragraphs to discuss — every paragraph and code on which
two coders who coded it differ, with each coder's value and the paragraph's text.
"""

from __future__ import annotations

import itertools
import warnings
from collections.abc import Iterable, Sequence

import krippendorff
import numpy as np
import pandas as pd

from helpers.codebook import DIMENSIONS, Codebook
from helpers.coding_sheet import CODING_COLUMNS
from helpers.corpus import paragraphs

__all__ = [
    "CODING_COLUMNS",
    "DICTIONARY",
    "RELIABILITY_COLUMNS",
    "dictionary_codings",
    "disagreements",
    "nominal_alpha",
    "reliability",
]

DICTIONARY = "dictionary"
KEYS = ["article_id", "para_no"]
STATISTICS = ("agreement", "kappa", "alpha")
RELIABILITY_COLUMNS = [
    "coder_a", "coder_b", "code", "dimension", "units", "both", "a_only", "b_only", "neither",
    *(f"{s}{suffix}" for s in STATISTICS for suffix in ("", "_low", "_high")), "undefined",
]
POOLED = "(all)"
#: Resampled paragraph indices held in memory at once (resamples × paragraphs).
CHUNK_CELLS = 2_000_000


def dictionary_codings(codes: pd.DataFrame, units: pd.DataFrame, codebook: Codebook, *,
                       coder: str = DICTIONARY) -> pd.DataFrame:
    """The dictionary's codes as paragraph codings: one row per unit and code of ``codebook``,
    value 1 when ``codes`` (a ``code_segments`` or ``paragraph_codes`` table: article_id,
    para_no, code) has the code in that paragraph, else 0.

    ``units``: the paragraphs the dictionary coded (article_id, para_no; e.g.
    ``paragraphs(articles)``, or the rows of a human coding table: duplicates are taken once).
    A code of ``codes`` outside ``units`` or outside the codebook is an error, not dropped.
    """
    for name, table, needed in (("codes", codes, [*KEYS, "code"]), ("units", units, KEYS)):
        missing = [c for c in needed if c not in table.columns]
        if missing:
            raise ValueError(f"{name} lacks the column(s) {', '.join(missing)}")
    keys = list(dict.fromkeys(zip(units["article_id"].tolist(),
                                  units["para_no"].astype("int64").tolist(), strict=True)))
    coded = set(zip(codes["article_id"].tolist(), codes["para_no"].astype("int64").tolist(),
                    codes["code"].tolist(), strict=True))
    unknown = sorted({c for *_, c in coded} - set(codebook.ids))
    if unknown:
        raise ValueError(f"codes not in the codebook: {', '.join(unknown)}")
    outside = sorted({(a, p) for a, p, _ in coded} - set(keys))
    if outside:
        raise ValueError(f"{len(outside)} coded paragraph(s) are not among the units, the first "
                         f"{outside[0][0]!r} paragraph {outside[0][1]}")
    rows = [(a, p, c, coder, int((a, p, c) in coded)) for a, p in keys for c in codebook.ids]
    return pd.DataFrame(rows, columns=CODING_COLUMNS).astype({"para_no": "int64",
                                                              "value": "int64"})


def nominal_alpha(data: Sequence[Sequence[object]] | np.ndarray) -> float:
    """Krippendorff's alpha, nominal, by the ``krippendorff`` package: ``data`` is coders ×
    units, a missing value None or NaN; values of any kind (numbers or labels: they are only
    compared for equality).  NaN when it is undefined: fewer than two pairable values, or
    only one value among them (no variation)."""
    try:  # numbers (None and NaN missing): as they are
        matrix = np.array(data, dtype=float)
    except (TypeError, ValueError):  # labels: numbered in a fixed order, only compared
        rows = [list(r) for r in data]
        labels = sorted({v for r in rows for v in r if not _missing(v)}, key=repr)
        index = {v: float(i) for i, v in enumerate(labels)}
        matrix = np.array([[np.nan if _missing(v) else index[v] for v in r] for r in rows],
                          dtype=float)
    if matrix.ndim != 2:
        raise ValueError("data must be coders × units")
    observed = ~np.isnan(matrix)
    pairable = matrix[:, observed.sum(axis=0) >= 2]
    domain = np.unique(pairable[~np.isnan(pairable)])
    if len(domain) < 2:  # nothing to compare, or no variation: 0/0
        return float("nan")
    return float(krippendorff.alpha(reliability_data=matrix, level_of_measurement="nominal",
                                    value_domain=np.unique(matrix[observed])))


def _missing(v: object) -> bool:
    return v is None or (isinstance(v, float) and np.isnan(v))


def _check_codings(codings: pd.DataFrame) -> pd.DataFrame:
    missing = [c for c in CODING_COLUMNS if c not in codings.columns]
    if missing:
        raise ValueError(f"codings lack the column(s) {', '.join(missing)} "
                         f"(expected {', '.join(CODING_COLUMNS)})")
    table = codings[CODING_COLUMNS]
    bad = ~table["value"].isin([0, 1]) | table["value"].isna()
    if bad.any():
        r = table[bad].iloc[0]
        raise ValueError(f"value {r['value']!r} of coder {r['coder']!r}, code {r['code']!r}, "
                         f"{r['article_id']!r} paragraph {r['para_no']}: not 0 or 1")
    dup = table.duplicated(["article_id", "para_no", "code", "coder"])
    if dup.any():
        r = table[dup].iloc[0]
        raise ValueError(f"coder {r['coder']!r} coded {r['article_id']!r} paragraph "
                         f"{r['para_no']} with {r['code']!r} twice")
    return table.astype({"para_no": "int64", "value": "int64"})


def _coders(table: pd.DataFrame) -> list[str]:
    """The coders, the dictionary first, the others as they first appear."""
    coders = list(dict.fromkeys(table["coder"].tolist()))
    return sorted(coders, key=lambda c: c != DICTIONARY)


def _codes(table: pd.DataFrame, codebook: Codebook | None) -> list[str]:
    found = list(dict.fromkeys(table["code"].tolist()))
    if codebook is None:
        return found
    unknown = [c for c in found if c not in codebook.ids]
    if unknown:
        raise ValueError(f"codes not in the codebook: {', '.join(unknown)}")
    return [c for c in codebook.ids if c in set(found)]


def default_pairs(coders: Sequence[str]) -> list[tuple[str, str]]:
    """The dictionary against each human coder, then every two human coders, in order."""
    humans = [c for c in coders if c != DICTIONARY]
    first = [(DICTIONARY, h) for h in humans] if DICTIONARY in coders else []
    return first + list(itertools.combinations(humans, 2))


def reliability(codings: pd.DataFrame, *, codebook: Codebook | None = None,
                pairs: Iterable[tuple[str, str]] | None = None, resamples: int = 1000,
                seed: int = 0, confidence: float = 0.95) -> pd.DataFrame:
    """Per pair of coders and per code (then pooled): units, the 2×2 table, agreement, Cohen's
    kappa and Krippendorff's alpha with bootstrap intervals (``RELIABILITY_COLUMNS``; see the
    module docstring).  ``codebook``: orders the codes, names their dimensions and adds a
    pooled row per dimension.  ``pairs``: (coder_a, coder_b) tuples, by default
    ``default_pairs``.  ``resamples``: bootstrap resamples of the paragraphs (0: no
    intervals); ``seed``: the generator's seed; ``confidence``: the intervals' level."""
    table = _check_codings(codings)
    if isinstance(resamples, bool) or not isinstance(resamples, int) or resamples < 0:
        raise ValueError(f"resamples must be a count, not {resamples!r}")
    if not 0 < confidence < 1:
        raise ValueError(f"confidence must lie between 0 and 1, not {confidence!r}")
    coders = _coders(table)
    codes = _codes(table, codebook)
    pairs = list(pairs) if pairs is not None else default_pairs(coders)
    for a, b in pairs:
        for c in (a, b):
            if c not in coders:
                raise ValueError(f"no codings of coder {c!r} (coders: {', '.join(coders)})")
        if a == b:
            raise ValueError(f"a pair of one coder: {a!r}")
    groups = [(POOLED, list(range(len(codes))), None)]
    if codebook is not None:
        groups += [(f"({d})", [i for i, c in enumerate(codes) if codebook.dimension_of(c) == d],
                    d) for d in DIMENSIONS]
        groups = [g for g in groups if g[1]]
    wide = {c: t.pivot(index=KEYS, columns="code", values="value")
            for c, t in table.groupby("coder", sort=False)}
    rows = []
    for a, b in pairs:
        rows += _pair(wide[a], wide[b], a, b, codes, codebook, groups, resamples=resamples,
                      seed=seed, confidence=confidence)
    return pd.DataFrame(rows, columns=RELIABILITY_COLUMNS).astype(
        {k: "int64" for k in ("units", "both", "a_only", "b_only", "neither", "undefined")})


def _pair(wa: pd.DataFrame, wb: pd.DataFrame, a: str, b: str, codes: list[str],
          codebook: Codebook | None, groups: list[tuple[str, list[int], str | None]], *,
          resamples: int, seed: int, confidence: float) -> list[dict[str, object]]:
    units = wa.index.intersection(wb.index).sort_values()
    va = wa.reindex(index=units, columns=codes).to_numpy(dtype=float)
    vb = wb.reindex(index=units, columns=codes).to_numpy(dtype=float)
    # unit × code indicators of the four cells of the 2×2 table (0 where either is missing)
    cells = np.stack([(va == 1) & (vb == 1), (va == 1) & (vb == 0),
                      (va == 0) & (vb == 1), (va == 0) & (vb == 0)]).astype(float)
    counts = cells.sum(axis=1)  # 4 × codes
    boot = _bootstrap(cells, resamples, seed) if resamples and len(units) else None
    out = []
    columns = [(code, [i], codebook.dimension_of(code) if codebook else None)
               for i, code in enumerate(codes)] + groups
    for name, idx, dim in columns:
        n = counts[:, idx].sum(axis=1)
        both, a_only, b_only, neither = (int(x) for x in n)
        paired = ~np.isnan(va[:, idx]) & ~np.isnan(vb[:, idx])
        alpha = nominal_alpha([va[:, idx][paired], vb[:, idx][paired]])
        row = {"coder_a": a, "coder_b": b, "code": name, "dimension": dim,
               "units": both + a_only + b_only + neither, "both": both, "a_only": a_only,
               "b_only": b_only, "neither": neither}
        point = _statistics(*(np.array([x]) for x in n))
        point["alpha"] = np.array([alpha])
        low = high = {s: float("nan") for s in STATISTICS}
        undefined = 0
        if boot is not None:
            stats = _statistics(*(boot[k][:, idx].sum(axis=1) for k in range(4)))
            undefined = int(np.isnan(stats["kappa"]).sum())
            low, high = _percentiles(stats, confidence)
        for s in STATISTICS:
            row.update({s: float(point[s][0]), f"{s}_low": low[s], f"{s}_high": high[s]})
        row["undefined"] = undefined
        out.append(row)
    return out


def _bootstrap(cells: np.ndarray, resamples: int, seed: int) -> np.ndarray:
    """The 2×2 counts of each code in each resample (4 × resamples × codes): the paragraphs
    drawn with replacement by ``default_rng(seed).integers(0, n, size=(resamples, n))`` (drawn
    in chunks of rows: the same stream), each counted as often as drawn."""
    n = cells.shape[1]
    rng = np.random.default_rng(seed)
    step = max(1, CHUNK_CELLS // n)
    out = np.empty((4, resamples, cells.shape[2]))
    for start in range(0, resamples, step):
        size = min(step, resamples - start)
        idx = rng.integers(0, n, size=(size, n))
        weights = np.bincount((idx + n * np.arange(size)[:, None]).ravel(),
                              minlength=size * n).reshape(size, n).astype(float)
        for k in range(4):
            out[k, start:start + size] = weights @ cells[k]
    return out


def _statistics(both: np.ndarray, a_only: np.ndarray, b_only: np.ndarray,
                neither: np.ndarray) -> dict[str, np.ndarray]:
    """Agreement, Cohen's kappa and Krippendorff's alpha (the two-coder binary form) from 2×2
    counts, element-wise; NaN where undefined."""
    n = both + a_only + b_only + neither
    differ = a_only + b_only
    with np.errstate(invalid="ignore", divide="ignore"):
        po = (both + neither) / n
        pa, pb = (both + a_only) / n, (both + b_only) / n
        pe = pa * pb + (1 - pa) * (1 - pb)
        kappa = np.where(pe < 1, (po - pe) / (1 - pe), np.nan)
        n1, n0 = 2 * both + differ, 2 * neither + differ
        alpha = np.where(n0 * n1 > 0, 1 - (2 * n - 1) * differ / (n0 * n1), np.nan)
    return {"agreement": po, "kappa": kappa, "alpha": alpha}


def _percentiles(stats: dict[str, np.ndarray], confidence: float
                 ) -> tuple[dict[str, float], dict[str, float]]:
    q = [(1 - confidence) / 2, 1 - (1 - confidence) / 2]
    low, high = {}, {}
    for s, values in stats.items():
        values = values[~np.isnan(values)]
        lo, hi = np.quantile(values, q) if len(values) else (np.nan, np.nan)
        low[s], high[s] = float(lo), float(hi)
    return low, high


def disagreements(codings: pd.DataFrame, texts: pd.DataFrame | None = None, *,
                  coders: Sequence[str] | None = None,
                  codebook: Codebook | None = None) -> pd.DataFrame:
    """The paragraphs to discuss: each paragraph and code on which two of ``coders`` (default:
    all, the dictionary first) who coded the paragraph gave different values.  Columns
    article_id, para_no, code, one column per coder (1, 0, or <NA> when that coder did not
    code the paragraph) and ``text`` when ``texts`` is given (a paragraphs table: article_id,
    para_no, text; or an articles table, split into paragraphs).  In paragraph order, then
    code order (the codebook's when given)."""
    table = _check_codings(codings)
    all_coders = _coders(table)
    coders = list(coders) if coders is not None else all_coders
    for c in coders:
        if c not in all_coders:
            raise ValueError(f"no codings of coder {c!r} (coders: {', '.join(all_coders)})")
    codes = _codes(table, codebook)
    part = table[table["coder"].isin(coders)]
    wide = part.pivot(index=[*KEYS, "code"], columns="coder", values="value")
    wide = wide.reindex(columns=coders)
    values = wide.to_numpy(dtype=float)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # all-NaN rows: nobody coded
        differ = np.nanmax(values, axis=1) != np.nanmin(values, axis=1)
    out = wide[differ & ~np.isnan(values).all(axis=1)].reset_index()
    out.columns.name = None
    order = {c: i for i, c in enumerate(codes)}
    out = (out.assign(_o=out["code"].map(order)).sort_values([*KEYS, "_o"])
           .drop(columns="_o").reset_index(drop=True))
    out = out.astype({c: "Int64" for c in coders})
    if texts is not None:
        paras = texts if "para_no" in texts.columns else paragraphs(texts)
        lookup = paras.set_index(KEYS)["text"]
        out["text"] = [lookup.get((a, p)) for a, p in zip(out["article_id"], out["para_no"],
                                                          strict=True)]
    return out
