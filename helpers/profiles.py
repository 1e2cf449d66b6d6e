"""Locality profiles and change over time: comparisons that hold across unequal coverage.

A locality with twenty long reports outweighs one with a single short item in every raw count,
so a comparison of what localities write about has to use shares: ``locality_profiles`` gives
one row per locality with its coverage (articles, paragraphs, dates) and, per code of the
codebook, the share of its coded paragraphs that carry the code; the share of its articles
with campaign language; and how many figures it reports, levels only, per indicator family.

``change_over_time`` sets a family's levels of one locality side by side by the period of
``published`` (year or month), only where a locality reports the family in more than one
period: like compared with like, and never a level against a target or a change.

Every input is checked for the columns it needs; a unit or figure of an article the articles
table does not hold is an error naming it, never a silent drop.  Importing this module has no
side effects.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import pandas as pd

from helpers.campaigns import CAMPAIGN_CODE
from helpers.codebook import Codebook
from helpers.errors import InputError
from helpers.metrics import is_level

__all__ = ["CHANGE_COLUMNS", "NO_LOCALITY", "PERIODS", "PLACE_COLUMNS", "PROFILE_COLUMNS",
           "change_over_time", "family_counts", "locality_profiles"]

#: What identifies a locality: a name is not unique (城关镇 exists in many prefectures), so two
#: places of one name in different prefectures or at different levels are two rows.
PLACE_COLUMNS = ["locality", "level", "prefecture", "province"]
#: The fixed columns of ``locality_profiles``, in order; the per-code share columns (named by
#: code id, domains then modes in codebook order) follow.
PROFILE_COLUMNS = [*PLACE_COLUMNS, "articles", "paragraphs", "coded_paragraphs",
                   "campaign_share", "figures", "level_figures", "families", "family_figures",
                   "first_published", "last_published"]
#: How ``family_counts`` names the place of articles without a locality.
NO_LOCALITY = "(no locality)"
#: The columns of ``change_over_time``, in order.
CHANGE_COLUMNS = ["family", "unit_std", *PLACE_COLUMNS, "period", "figures", "mean", "min",
                  "max", "previous_mean", "change"]
#: The periods ``change_over_time`` groups ``published`` by, and how each is written.
PERIODS = {"year": "%Y", "month": "%Y-%m"}

_ARTICLE_COLUMNS = ["article_id", "text", *PLACE_COLUMNS, "published"]
_UNIT_COLUMNS = ["article_id", "para_no", "code"]
_METRIC_COLUMNS = ["article_id", "kind", "family", "role", "change", "quoted"]
_CHANGE_METRIC_COLUMNS = [*_METRIC_COLUMNS, "value_std", "unit_std"]


def _require(frame: pd.DataFrame, columns: Iterable[str], table: str) -> None:
    """Stop with the table and the columns it lacks (and the function that makes it)."""
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise InputError(f"the {table} table lacks the column(s) {', '.join(missing)} "
                         f"(it has: {', '.join(map(str, frame.columns))})")


def _known_articles(frame: pd.DataFrame, articles: pd.DataFrame, table: str) -> None:
    """Every row of ``frame`` must lead to an article of ``articles``."""
    unknown = ~frame["article_id"].isin(articles["article_id"])
    if unknown.any():
        row = int(unknown.to_numpy().nonzero()[0][0])
        raise InputError(f"the {table} table, row {row}: article_id "
                         f"{frame['article_id'].iloc[row]!r} is not in the articles table "
                         f"({int(unknown.sum())} row(s) like it)")


def _published(articles: pd.DataFrame) -> pd.Series:
    """``published`` as datetime64 (NaT where unknown); an unreadable date names its article."""
    out = []
    for aid, value in zip(articles["article_id"], articles["published"], strict=True):
        if value is None or (not isinstance(value, str) and pd.isna(value)):
            out.append(pd.NaT)
            continue
        if not isinstance(value, (dt.date, pd.Timestamp, str)):
            raise InputError(f"the articles table, article {aid!r}: published {value!r} is not "
                             "a date")
        try:
            out.append(pd.Timestamp(value))
        except (ValueError, TypeError) as exc:
            raise InputError(f"the articles table, article {aid!r}: published {value!r} is not "
                             f"a date ({exc})") from exc
    return pd.Series(pd.to_datetime(out), index=articles.index, dtype="datetime64[ns]")


def _place_ids(frame: pd.DataFrame) -> tuple[pd.Series, list[tuple[object, ...]]]:
    """A number per row for its place (``PLACE_COLUMNS``, missing values as None), and the
    places in order of first appearance."""
    cols = [frame[c].astype(object).where(frame[c].notna(), None).tolist() for c in PLACE_COLUMNS]
    seen: dict[tuple[object, ...], int] = {}
    ids = [seen.setdefault(key, len(seen)) for key in zip(*cols, strict=True)]
    return pd.Series(ids, index=frame.index, dtype="int64"), list(seen)


def _sort_places(frame: pd.DataFrame) -> pd.DataFrame:
    """Deterministic order: province, prefecture, locality, level by name, unknown ones last."""
    return frame.sort_values(["province", "prefecture", "locality", "level"],
                             na_position="last", kind="stable", ignore_index=True)


def _family_levels(metrics: pd.DataFrame) -> pd.DataFrame:
    """The figures compared across localities: levels (``metrics.is_level``) of a family,
    dates left out."""
    return metrics[(metrics["kind"] != "date") & is_level(metrics) & metrics["family"].notna()]


def locality_profiles(articles: pd.DataFrame, units: pd.DataFrame, metrics: pd.DataFrame,
                      codebook: Codebook) -> pd.DataFrame:
    """One row per locality (``PLACE_COLUMNS``): what it writes about and reports, as shares.

    ``units``: which codes each paragraph carries (``coding.paragraph_codes``: article_id,
    para_no, code).  Columns (``PROFILE_COLUMNS``): ``articles``, ``paragraphs`` (non-empty
    paragraphs of its articles), ``coded_paragraphs`` (those carrying any code);
    ``campaign_share`` (share of its articles with a paragraph carrying ``CAMPAIGN_CODE``);
    ``figures`` (every figure but dates), ``level_figures`` (the levels among them,
    ``metrics.is_level``), ``families`` (families it reports a level of) and ``family_figures``
    ("family: n", most first, ties by name); ``first_published``/``last_published`` (NaT when
    undated); then per code of the codebook (domains, then modes, codebook order) the share of
    ``coded_paragraphs`` carrying it (NaN without any coded paragraph; a paragraph may carry
    several codes, so the shares of a dimension can add up to more than 1).  Articles without a
    locality form one row of missing place; ``family_counts`` turns ``family_figures`` into a
    grid.  Ordered by province, prefecture, locality, level (missing last).
    """
    _require(articles, _ARTICLE_COLUMNS, "articles")
    _require(units, _UNIT_COLUMNS, "units (paragraph codes)")
    _require(metrics, _METRIC_COLUMNS, "metrics")
    if articles["article_id"].duplicated().any():
        dup = articles.loc[articles["article_id"].duplicated(), "article_id"].iloc[0]
        raise InputError(f"the articles table: article_id {dup!r} appears twice")
    _known_articles(units, articles, "units (paragraph codes)")
    _known_articles(metrics, articles, "metrics")
    # the row numbers of errors and every join below are positional, whatever the index
    articles, units, metrics = (t.reset_index(drop=True) for t in (articles, units, metrics))
    codes = [*codebook.domains, *codebook.modes]
    unknown = ~units["code"].isin(codes)
    if unknown.any():
        row = int(unknown.to_numpy().nonzero()[0][0])
        raise InputError(f"the units (paragraph codes) table, row {row}: code "
                         f"{units['code'].iloc[row]!r} is not in the codebook "
                         f"({codebook.path or 'given'})")

    place_ids, places = _place_ids(articles)
    arts = articles.assign(_place=place_ids, _published=_published(articles))
    arts["_paragraphs"] = [sum(1 for p in str(text).split("\n") if p) for text in arts["text"]]
    place_of = dict(zip(arts["article_id"], arts["_place"], strict=True))
    too_far = units["para_no"].to_numpy() > units["article_id"].map(
        dict(zip(arts["article_id"], arts["_paragraphs"], strict=True))).to_numpy()
    if too_far.any():
        row = int(too_far.nonzero()[0][0])
        raise InputError(f"the units (paragraph codes) table, row {row}: article "
                         f"{units['article_id'].iloc[row]!r} has no paragraph "
                         f"{units['para_no'].iloc[row]}")

    by_place = arts.groupby("_place", sort=True)
    out = pd.DataFrame({
        "articles": by_place.size(),
        "paragraphs": by_place["_paragraphs"].sum(),
        "first_published": by_place["_published"].min(),
        "last_published": by_place["_published"].max(),
    })
    para = units.drop_duplicates(["article_id", "para_no", "code"]).assign(
        _place=units["article_id"].map(place_of))
    coded = para.drop_duplicates(["article_id", "para_no"]).groupby("_place", sort=False).size()
    out["coded_paragraphs"] = coded.reindex(out.index, fill_value=0)
    campaign = para.loc[para["code"] == CAMPAIGN_CODE].drop_duplicates("article_id")
    out["campaign_share"] = (campaign.groupby("_place", sort=False).size()
                             .reindex(out.index, fill_value=0) / out["articles"])

    figures = metrics[metrics["kind"] != "date"]
    out["figures"] = (figures["article_id"].map(place_of).value_counts()
                      .reindex(out.index, fill_value=0))
    out["level_figures"] = (figures.loc[is_level(figures), "article_id"].map(place_of)
                            .value_counts().reindex(out.index, fill_value=0))
    levels = _family_levels(metrics)
    per_family = (levels.assign(_place=levels["article_id"].map(place_of))
                  .groupby(["_place", "family"], sort=False).size())
    out["families"] = (per_family.reset_index()["_place"].value_counts()
                       .reindex(out.index, fill_value=0))
    out["family_figures"] = pd.Series([_family_list(per_family, place) for place in out.index],
                                      index=out.index, dtype=object)

    counts = (para.groupby(["_place", "code"], sort=False).size().unstack(fill_value=0)
              .reindex(index=out.index, columns=codes, fill_value=0))
    denominator = out["coded_paragraphs"].where(out["coded_paragraphs"] > 0)
    shares = counts.div(denominator, axis=0).astype("float64")

    where = pd.DataFrame([places[i] for i in out.index], columns=PLACE_COLUMNS, index=out.index,
                         dtype=object)
    table = pd.concat([where, out, shares], axis=1)
    fixed = table[PROFILE_COLUMNS].astype({
        "articles": "int64", "paragraphs": "int64", "coded_paragraphs": "int64",
        "figures": "int64", "level_figures": "int64", "families": "int64",
        "campaign_share": "float64"})
    table = pd.concat([fixed, table[codes]], axis=1)
    return _sort_places(table)


def _family_list(per_family: pd.Series, place: int) -> list[str]:
    """"family: n" for one place, most figures first, ties by family name."""
    if not len(per_family) or place not in per_family.index.get_level_values("_place"):
        return []
    counts = per_family.xs(place, level="_place").sort_index()
    counts = counts.sort_values(ascending=False, kind="stable")
    return [f"{family}: {int(n)}" for family, n in counts.items()]


def family_counts(profiles: pd.DataFrame) -> pd.DataFrame:
    """The ``family_figures`` of ``locality_profiles`` as a grid: one row per family (reported
    by most localities first, ties by name), one column per locality in profile order, the
    number of levels it reports (0: none).  A locality name that two places share is followed
    by its prefecture and level; an unknown locality is "(no locality)"."""
    _require(profiles, PLACE_COLUMNS + ["family_figures"], "profiles")
    names = [loc if isinstance(loc, str) else NO_LOCALITY for loc in profiles["locality"]]
    shared = {n for n in names if names.count(n) > 1}
    names = [f"{n} ({pref}, {level})" if n in shared else n
             for n, pref, level in zip(names, profiles["prefecture"], profiles["level"],
                                       strict=True)]
    rows: dict[str, dict[str, int]] = {}
    for name, items in zip(names, profiles["family_figures"], strict=True):
        for item in items:
            family, _, n = str(item).rpartition(": ")
            rows.setdefault(family, {})[name] = int(n)
    grid = (pd.DataFrame.from_dict(rows, orient="index", dtype="float64")
            .reindex(columns=list(dict.fromkeys(names))).fillna(0).astype("int64").sort_index())
    spread = (grid > 0).sum(axis=1).sort_values(ascending=False, kind="stable")
    grid = grid.loc[spread.index]
    grid.index.name = "family"
    return grid


def change_over_time(metrics: pd.DataFrame, articles: pd.DataFrame, *, period: str = "year"
                     ) -> pd.DataFrame:
    """Levels of one family in one locality by the period of its articles' ``published`` date.

    One row per family, standard unit, place and period (``CHANGE_COLUMNS``): the levels'
    count, mean, minimum and maximum, the mean of the place's previous period with figures and
    ``change`` = mean - previous mean.  ``period``: ``"year"`` or ``"month"`` (``PERIODS``).
    Levels only (``metrics.is_level``), undated articles left out; only a family and place with
    levels in two or more periods are kept, so a corpus that does not span dates gives an empty
    table with these columns.  Ordered by family, unit, place, period.
    """
    if period not in PERIODS:
        raise InputError(f"period {period!r} is none of {', '.join(PERIODS)}")
    _require(metrics, _CHANGE_METRIC_COLUMNS, "metrics")
    _require(articles, ["article_id", *PLACE_COLUMNS, "published"], "articles")
    _known_articles(metrics, articles, "metrics")
    articles, metrics = articles.reset_index(drop=True), metrics.reset_index(drop=True)
    dated = articles.assign(_published=_published(articles))
    dated = dated[dated["_published"].notna()]
    levels = _family_levels(metrics)
    table = levels[["article_id", "family", "value_std", "unit_std"]].merge(
        dated[["article_id", *PLACE_COLUMNS, "_published"]], on="article_id", how="inner")
    table = table[table["value_std"].notna()]
    table["period"] = table["_published"].dt.strftime(PERIODS[period])
    group = ["family", "unit_std", *PLACE_COLUMNS]
    # dropna=False: a figure of an article without a locality is a group of its own, not dropped
    stats = (table.groupby([*group, "period"], sort=True, dropna=False)["value_std"]
             .agg(figures="count", mean="mean", min="min", max="max").reset_index())
    spans = stats.groupby(group, dropna=False)["period"].transform("nunique")
    stats = stats[spans > 1].reset_index(drop=True)
    stats["previous_mean"] = stats.groupby(group, dropna=False)["mean"].shift(1)
    stats["change"] = stats["mean"] - stats["previous_mean"]
    out = stats.reindex(columns=CHANGE_COLUMNS)
    return out.astype({"figures": "int64", "mean": "float64", "min": "float64", "max": "float64",
                       "previous_mean": "float64", "change": "float64",
                       "family": object, "unit_std": object, "period": object})
