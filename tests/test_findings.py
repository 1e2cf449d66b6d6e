"""Findings printed as sentences from the tables (the notebooks' numbers come from here)."""

from __future__ import annotations

import pandas as pd

from helpers.findings import (
    describe_heaping,
    describe_metrics,
    describe_rate_families,
    describe_roles,
)


def _metrics() -> pd.DataFrame:
    return pd.DataFrame({
        "article_id": ["a-01", "a-01", "a-02", "a-02"],
        "kind": ["rate", "date", "count", "rate"],
        "role": ["change", None, "level", "target"],
        "direction": ["down", None, None, None],
        "quoted": [False, False, True, False],
    })


def test_describe_metrics_counts_kinds_and_articles():
    articles = pd.DataFrame({"article_id": ["a-01", "a-02", "a-03"]})
    text = describe_metrics(_metrics(), articles)
    assert text.startswith("4 rows: 2 rate, 1 count, 1 date.")
    assert "2 of 3 (67%) articles" in text


def test_describe_roles_counts_directions_and_quotes():
    text = describe_roles(_metrics())
    assert text == ("Of 3 figures: 1 change, 1 level, 1 target. Changes: 0 up, 1 down, "
                    "0 without a direction word. 1 stand in quotation marks.")


def test_describe_rate_families_names_the_comparable_ones():
    rates = pd.DataFrame({"family": ["satisfaction (满意率)", "satisfaction (满意率)",
                                     "pass rate (合格率)", "other rates"],
                          "locality": ["甲县", "乙县", "甲县", "丙县"]})
    assert describe_rate_families(rates) == ("2 named families have rate levels; 1 of them from "
                                             "more than one locality: satisfaction (满意率).")


def test_describe_heaping_warns_on_few_figures():
    summary = pd.DataFrame({"measure": ["rates reported", "exactly 100%", "at least 95%",
                                        "whole numbers", "ending in 0 or 5"],
                            "count": [8, 2, 5, 4, 3]})
    text = describe_heaping(summary)
    assert text.startswith("2 of 8 (25%) rate levels are exactly 100%, 5 of 8 (62%) at least")
    assert "say nothing about heaping" in text
