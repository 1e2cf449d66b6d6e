"""Figures reported inside campaign language, against the rest.

Studies of campaign-style governance compare what localities report when they speak of a
campaign (专项行动, 百日攻坚, “某某”行动) with what they report otherwise: more counts of
activity, rounder numbers, more 100 %.  ``campaign_figures`` links each figure of the metrics
table to the campaign coding of its paragraph and article; ``campaign_contrast`` sets the two
groups side by side.
"""

from __future__ import annotations

import pandas as pd

from helpers.metrics import is_level

__all__ = ["CAMPAIGN_CODE", "campaign_contrast", "campaign_figures"]

#: The mode code of campaign-style governance in the codebook.
CAMPAIGN_CODE = "campaign"
#: What counts as a round rate level: a whole multiple of this many percent (90, 95, 100).
ROUND_STEP = 5


def campaign_figures(segments: pd.DataFrame, metrics: pd.DataFrame) -> pd.DataFrame:
    """The metrics table (dates left out) with ``campaign_paragraph`` (the figure's paragraph
    carries the campaign code), ``campaign_article`` (its article does), ``campaign_name`` (the
    campaign term of the paragraph, the first printed) and ``domains`` (the paragraph's domain
    codes, sorted, joined by ";"; None without any)."""
    figures = metrics[metrics["kind"] != "date"].copy()
    camp = segments[segments["code"] == CAMPAIGN_CODE].sort_values(
        ["article_id", "para_no", "start", "end"], kind="stable")
    names = camp.groupby(["article_id", "para_no"])["term"].first()
    articles = set(camp["article_id"])
    domains = (segments[segments["dimension"] == "domain"]
               .groupby(["article_id", "para_no"])["code"]
               .agg(lambda codes: ";".join(sorted(set(codes)))))
    keys = list(zip(figures["article_id"], figures["para_no"], strict=True))
    figures["campaign_name"] = [names.get(k) for k in keys]
    figures["campaign_paragraph"] = figures["campaign_name"].notna()
    figures["campaign_article"] = figures["article_id"].isin(articles)
    figures["domains"] = [domains.get(k) for k in keys]
    return figures.reset_index(drop=True)


def campaign_contrast(figures: pd.DataFrame) -> pd.DataFrame:
    """Figures in campaign paragraphs against the rest: how many, the share of each kind, and of
    the rate levels in % the share at exactly 100 % and at a round value (``ROUND_STEP``).
    One column per group; n is printed so that small groups are read as such."""
    rows = {}
    kinds = sorted(figures["kind"].unique())
    for label, part in (("campaign paragraphs", figures[figures["campaign_paragraph"]]),
                        ("other paragraphs", figures[~figures["campaign_paragraph"]])):
        n = len(part)
        col = {"figures": n}
        for kind in kinds:
            col[f"share {kind}"] = (part["kind"] == kind).mean() if n else float("nan")
        rates = part[(part["kind"] == "rate") & (part["unit_std"] == "%") & is_level(part)]
        col["rate levels"] = len(rates)
        col["share at 100%"] = (rates["value_std"] == 100).mean() if len(rates) else float("nan")
        col["share round"] = ((rates["value_std"] % ROUND_STEP) == 0).mean() if len(rates) \
            else float("nan")
        rows[label] = col
    return pd.DataFrame(rows)
