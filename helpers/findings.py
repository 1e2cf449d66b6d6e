"""Findings as sentences, computed from the tables, so that notebook prose never goes stale.

A notebook's markdown explains the method and how to read a result; the numbers of the result
come from these functions, which print what the current corpus gives.  Each returns one short
paragraph of plain text (English with the Chinese names as printed).
"""

from __future__ import annotations

import pandas as pd

__all__ = ["describe_heaping", "describe_metrics", "describe_rate_families", "describe_roles"]


def _share(part: int, whole: int) -> str:
    return f"{part} of {whole} ({part / whole:.0%})" if whole else f"{part} of {whole}"


def describe_metrics(metrics: pd.DataFrame, articles: pd.DataFrame) -> str:
    """How many figures, of which kinds, from how many of the articles."""
    if metrics.empty:
        return "The corpus reports no figure."
    kinds = metrics["kind"].value_counts()
    kinds = kinds.sort_index().sort_values(ascending=False, kind="stable")  # ties by name
    listed = ", ".join(f"{n} {kind}" for kind, n in kinds.items())
    with_figures = metrics.loc[metrics["kind"] != "date", "article_id"].nunique()
    return (f"{len(metrics)} rows: {listed}. {_share(with_figures, len(articles))} articles "
            "report at least one figure other than a date.")


def describe_roles(metrics: pd.DataFrame) -> str:
    """How the figures divide into levels, changes (by direction), targets, ceilings,
    baselines, completion shares and ranks, and how many stand in quotation marks."""
    figures = metrics[metrics["kind"] != "date"]
    if figures.empty:
        return "No figure to describe."
    roles = figures["role"].value_counts()
    roles = roles.sort_index().sort_values(ascending=False, kind="stable")
    listed = ", ".join(f"{n} {role}" for role, n in roles.items())
    changes = figures[figures["role"] == "change"]
    up = int((changes["direction"] == "up").sum())
    down = int((changes["direction"] == "down").sum())
    quoted = int(figures["quoted"].sum())
    return (f"Of {len(figures)} figures: {listed}. Changes: {up} up, {down} down, "
            f"{len(changes) - up - down} without a direction word. {quoted} stand in quotation "
            "marks.")


def describe_rate_families(rates: pd.DataFrame) -> str:
    """Which families of rate levels have figures from more than one locality (the only ones
    a comparison across localities can use)."""
    if rates.empty:
        return "No rate level to compare."
    named = rates[rates["family"] != "other rates"]
    spread = named.groupby("family")["locality"].nunique()
    several = sorted(spread[spread > 1].index)
    text = (f"{named['family'].nunique()} named families have rate levels; "
            f"{len(several)} of them from more than one locality")
    return text + (": " + "; ".join(several) + "." if several else ".")


def describe_heaping(summary: pd.DataFrame) -> str:
    """The heaping summary as a sentence, with the warning when the figures are too few."""
    counts = summary.set_index("measure")["count"]
    n = int(counts["rates reported"])
    if n == 0:
        return "No rate level to examine."
    text = (f"{_share(int(counts['exactly 100%']), n)} rate levels are exactly 100%, "
            f"{_share(int(counts['at least 95%']), n)} at least 95%, "
            f"{_share(int(counts['ending in 0 or 5']), n)} end in 0 or 5.")
    if n < MIN_HEAPING_FIGURES:
        text += (f" With fewer than {MIN_HEAPING_FIGURES} figures the last digits say nothing "
                 "about heaping: read the counts as a description of these figures only.")
    return text


#: Fewest rate levels before a last-digit distribution is worth reading: with ten digits, fewer
#: than about 10 figures per digit leave every count within chance of every other (a chi-square
#: test on 9 degrees of freedom wants expected counts of 5 or more, i.e. 50 figures; 100 keeps
#: it from resting on a few sentences that print several rates each).
MIN_HEAPING_FIGURES = 100
