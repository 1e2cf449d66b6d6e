"""Findings printed as sentences from the tables (the notebooks' numbers come from here)."""

from __future__ import annotations

import pandas as pd

from helpers.findings import (
    describe_agreement,
    describe_campaign_codes,
    describe_coding,
    describe_disagreements,
    describe_heaping,
    describe_metrics,
    describe_primary_domains,
    describe_rate_families,
    describe_reliability,
    describe_roles,
    describe_roundtrip,
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


# --- notebook 04: what each figure rests on ------------------------------------------------

from helpers.codebook import Codebook
from helpers.findings import (
    describe_article_codes,
    describe_cooccurrence,
    describe_levels,
    describe_panels,
    describe_scope,
    describe_top_terms,
)


def _book() -> Codebook:
    from helpers.codebook import load_codebook

    return load_codebook()


def test_describe_scope_counts_localities_levels_and_single_reports():
    articles = pd.DataFrame({
        "source": ["p1", "p1", "p2", "p2"],
        "locality": ["甲县", "甲县", "乙区", None],
        "level": ["county", "county", "zone", None],
        "province": ["湖南省", "湖南省", "湖南省", None],
        "published": [None, None, None, None],
    })
    assert describe_scope(articles) == (
        "4 reports from 2 source files, no publication dates known. 2 localities (1 county, "
        "1 zone) in 1 province(s); 1 of 2 (50%) localities have a single report, the most is 2; "
        "1 report without a known locality.")


def test_describe_scope_gives_the_date_range():
    articles = pd.DataFrame({"source": ["p1", "p2"], "locality": ["甲县", "甲县"],
                             "published": [pd.Timestamp("2024-05-02"), pd.Timestamp("2024-05-01")]})
    text = describe_scope(articles)
    assert "all dated, published from 2024-05-01 to 2024-05-02" in text
    assert "0 of 1 (0%) localities have a single report, the most is 2." in text


def test_describe_top_terms_names_the_report_behind_each_word():
    by_article = pd.DataFrame({"group": ["a-01", "a-02", "a-01", "a-02"],
                               "term": ["群众", "群众", "问题", "企业"],
                               "count": [5, 1, 3, 4]})
    assert describe_top_terms(by_article, n=2) == (
        "The 2 most frequent words: 群众 6 (5 in report a-01); 企业 4 (4 in report a-02). "
        "2 of them take more than half of their count from a single report. The longest report "
        "(a-01) holds 8 of 13 (62%) content tokens of the corpus.")


def test_describe_panels_counts_single_report_panels():
    groups = pd.Series(["甲县", "甲县", "乙区", None])
    assert describe_panels(groups, "localities") == (
        "3 localities; 2 of 3 (67%) of them rest on a single report; the largest holds 2 "
        "reports.")


def test_describe_article_codes_dominance_modes_and_campaign():
    book = _book()
    d1, d2 = book.domains[:2]
    units = pd.DataFrame({
        "article_id": ["a-01", "a-01", "a-01", "a-02", "a-02", "a-02"],
        "para_no": [1, 2, 3, 1, 2, 2],
        "code": [d1, d1, d2, d1, d2, "campaign"],
    })
    text = describe_article_codes(units, book)
    label = {c.id: c.label_zh for c in book.codes}["campaign"]
    assert text.startswith("2 reports carry a code. 1 of 2 (50%) reports with a domain code "
                           "have one domain in more than half")
    assert f"Reports per mode: {label} 1." in text
    assert text.endswith(f"Campaign ({label}): 1 paragraph in 1 report.")


def test_describe_cooccurrence_names_the_strongest_pair_and_its_reports():
    from helpers.coding import cooccurrence

    book = _book()
    a, b, c = book.ids[:3]
    units = pd.DataFrame({"article_id": ["x-01", "x-01", "x-02", "x-02", "x-02"],
                          "para_no": [1, 1, 1, 1, 1], "code": [a, b, a, b, c]})
    text = describe_cooccurrence(cooccurrence(units, book), units, book, n=1)
    label = {k.id: k.label_zh for k in book.codes}
    assert text == (f"2 coded paragraphs, 3 pairs of codes share at least one. Strongest: "
                    f"{label[a]} × {label[b]} 2 (from 2 reports).")


def test_describe_levels_counts_what_the_figure_leaves_out():
    shared = "饮用水合格率、达标率均为100%。"
    table = pd.DataFrame({
        "locality": ["甲县", "甲县", "乙区", "乙区", "丙县", "丙县", "丙县", "丁县"],
        "kind": ["rate"] * 7 + ["money"],
        "unit_std": ["%"] * 7 + ["元"],
        "role": ["level", "target", "level", "change", "level", "level", "level", "level"],
        "change": [False, False, False, True, False, False, False, False],
        "quoted": [False, False, True, False, False, False, False, False],
        "qualifier": ["over", None, None, None, None, None, None, None],
        "family": ["pass", "pass", "pass", None, None, "pass", "pass", "budget"],
        "indicator": ["合格率", "合格率", "满意率", "增长", "某率", "合格率", "达标率", "资金"],
        "value_std": [95.0, 98.0, 80.0, 5.0, 60.0, 100.0, 100.0, 1000.0],
        "value": [95.0, 98.0, 80.0, 5.0, 60.0, 100.0, 100.0, 0.1],
        "article_id": ["a-1", "a-1", "a-2", "a-2", "a-3", "a-3", "a-3", "a-4"],
        "sentence": ["合格率95%以上。", "目标98%。", "“满意率80%”", "增长5%。", "某率60%。",
                     shared, shared, "资金1000元。"],
    })
    assert describe_levels(table, "rate") == (
        "7 rate figures in %; 4 are levels; left out: 1 change, 1 target, 1 quoted. Of the "
        "levels, 1 of no named family are not drawn; 1 share a printing with another "
        "(…率、…率均为100%: one dot). The figure draws 2 dots in 1 family, from 2 of 4 "
        "localities with any figure. 1 of them is a floor or ceiling (open markers). Lowest "
        "drawn: 合格率 95% (甲县).")  # the 60 % of no family is not named
    assert describe_levels(table, "money").endswith(
        "They range from 1,000 元 to 1,000 元, within one order of magnitude.")
    assert describe_levels(table, "area") == "No area figure."


def test_describe_scope_says_how_many_reports_are_dated():
    articles = pd.DataFrame({"source": ["p1", "p2", "p3"], "locality": ["甲县", "乙县", "乙县"],
                             "newspaper": ["某日报", None, None],
                             "published": [pd.Timestamp("2024-05-02"), None, None]})
    text = describe_scope(articles)
    assert "(1 newspaper named)" in text
    assert "1 of 3 (33%) dated, published on 2024-05-02, the others undated" in text


def test_describe_panels_says_how_many_groups_are_drawn():
    groups = pd.Series(["甲县", "乙县", "丙县", "丙县"])
    assert describe_panels(groups, "localities", max_panels=2) == (
        "3 localities, 2 of them drawn as panels (most reports first, ties by most tokens); "
        "2 of 3 (67%) of them rest on a single report; the largest holds 2 reports.")
    assert "3 localities, all drawn as panels;" in describe_panels(groups, "localities",
                                                                   max_panels=9)


def test_describe_profiles_lists_places_tied_for_most_families():
    from helpers.findings import describe_profiles

    profiles = pd.DataFrame({"locality": ["丁县", "乙县", "甲县", "丙县"], "level": "county",
                             "articles": 1, "families": [1, 2, 2, 2]})
    text = describe_profiles(profiles)
    assert text.endswith("Most families: 丙县 (2 families), 乙县 (2 families), "
                         "甲县 (2 families).")  # three tied: none cut by name
    many = pd.DataFrame({"locality": [f"{c}县" for c in "甲乙丙丁戊己庚辛"], "level": "county",
                         "articles": 1, "families": [3] + [1] * 7})
    assert describe_profiles(many).endswith("Most families: 甲县 (3 families), 7 places with "
                                            "1 family each.")


# --- thematic coding (notebook 02) ------------------------------------------------------------

class _Book:
    ids = ("economy", "urban", "campaign")
    domains = ("economy", "urban")
    modes = ("campaign",)


def test_describe_coding_counts_paragraphs_with_codes():
    paras = pd.DataFrame({"article_id": ["a", "a", "b", "b"], "para_no": [1, 2, 1, 2]})
    units = pd.DataFrame({"article_id": ["a", "a", "b"], "para_no": [1, 1, 2],
                          "code": ["economy", "campaign", "campaign"]})
    assert describe_coding(paras, units, _Book()) == (
        "2 articles, 4 paragraphs. 2 of 4 (50%) paragraphs carry at least one code: "
        "1 of 4 (25%) a domain code, 2 of 4 (50%) a mode code.")


def test_describe_primary_domains_lists_ties_by_name_and_campaign_flags():
    codes = pd.DataFrame({"primary_domain": ["urban", "economy", None, "urban"],
                          "campaign": [True, False, False, True]})
    assert describe_primary_domains(codes) == (
        "Primary domains of the 4 articles: urban 2, economy 1. 1 without any domain code. "
        "2 of 4 (50%) articles carry the campaign code in at least one paragraph.")


def test_describe_agreement_reads_the_macro_rows_and_the_weakest_used_code():
    table = pd.DataFrame({
        "code": ["economy", "urban", "safety", "campaign", "macro (domain)", "macro (mode)"],
        "dimension": ["domain", "domain", "domain", "mode", "domain", "mode"],
        "support": [3, 2, 0, 4, 5, 4],
        "precision": [1.0, 0.5, float("nan"), 1.0, 0.75, 1.0],
        "recall": [1.0, 1.0, float("nan"), 0.5, 1.0, 0.5],
        "f1": [1.0, 2 / 3, float("nan"), 2 / 3, 5 / 6, 2 / 3],
    })
    assert describe_agreement(table, "Seed page") == (
        "Seed page: domain macro-F1 0.83 (precision 0.75, recall 1.00; 2 codes used, lowest "
        "urban 0.67); mode macro-F1 0.67 (precision 1.00, recall 0.50; 1 codes used, lowest "
        "campaign 0.67).")


def test_describe_roundtrip_same_and_different():
    cols = ["article_id", "para_no", "code", "start", "end"]
    seg = pd.DataFrame({"article_id": ["a", "a"], "para_no": [1, 2], "code": ["x", "y"],
                        "start": [0, 3], "end": [2, 5]})
    back = seg.assign(coder="dictionary", term="t")
    assert describe_roundtrip(seg, back, cols) == (
        "The import gives back all 2 exported segments, identical in article_id, para_no, "
        "code, start, end and in order (coder: dictionary).")
    text = describe_roundtrip(seg, back.iloc[:1], cols)
    assert text.startswith("The import does NOT give back the export: 2 exported, 1 imported;")
    assert "1 exported rows missing from the import, 0 imported rows not exported" in text


def _reliability(a: str, b: str) -> pd.DataFrame:
    return pd.DataFrame({
        "coder_a": [a] * 3, "coder_b": [b] * 3, "code": ["economy", "campaign", "(all)"],
        "units": [10, 10, 20], "agreement": [0.9, 0.8, 0.85],
        "kappa": [0.7, 0.5, 0.6], "kappa_low": [0.4, 0.1, 0.3], "kappa_high": [1.0, 0.9, 0.8],
        "alpha": [0.71, 0.52, 0.61],
    })


def test_describe_reliability_says_when_no_two_humans_were_compared():
    text = describe_reliability(_reliability("dictionary", "coder 1"))
    assert text.startswith("dictionary vs coder 1, 10 paragraphs: (all) agreement 0.85, kappa "
                           "0.60 [0.30, 0.80], alpha 0.61. Lowest kappa: campaign 0.50, "
                           "economy 0.70.")
    assert "No pair of human coders" in text
    both = pd.concat([_reliability("dictionary", "coder 1"), _reliability("coder 1", "coder 2")])
    assert "No pair of human coders" not in describe_reliability(both)
    assert "coder 1 vs coder 2, 10 paragraphs" in describe_reliability(both)


def test_describe_disagreements_counts_each_direction():
    table = pd.DataFrame({"article_id": ["a", "a", "b"], "para_no": [1, 1, 2],
                          "code": ["x", "y", "x"], "dictionary": [1, 1, 0], "coder": [0, 0, 1]})
    assert describe_disagreements(table, ["dictionary", "coder"]) == (
        "3 paragraph-code disagreements in 2 paragraphs: 2 codes given by dictionary only, "
        "1 by coder only.")


def test_describe_campaign_codes_lists_terms_by_frequency():
    segments = pd.DataFrame({"code": ["campaign", "campaign", "campaign", "economy"],
                             "term": ["百日攻坚", "“清河行动”", "百日攻坚", "投资"]})
    units = pd.DataFrame({"article_id": ["a", "a", "b"], "para_no": [1, 2, 1],
                          "code": ["campaign", "campaign", "economy"]})
    codes = pd.DataFrame({"campaign": [True, False]})
    assert describe_campaign_codes(segments, units, codes) == (
        "2 paragraphs in 1 of 2 (50%) articles carry the campaign code. Matched campaign "
        "terms, most frequent first: 百日攻坚 (2); “清河行动” (1).")


# --- notebook 03: profiles, change over time, targets, campaign contrast -------------------

def test_describe_profiles_counts_levels_single_reports_and_families():
    from helpers.findings import describe_profiles

    profiles = pd.DataFrame({
        "locality": ["甲县", "乙区", "丙县", None],
        "level": ["county", "zone", "county", None],
        "articles": [3, 1, 1, 2],
        "families": [2, 0, 3, 0],
    })
    text = describe_profiles(profiles)
    assert text.startswith("4 places (2 county, 1 unknown level, 1 zone), one of them the "
                           "articles without a known locality. 2 of 4 (50%) rest on a single "
                           "article")
    assert "2 of 4 (50%) report no level of any indicator family." in text
    assert text.endswith("Most families: 丙县 (3 families), 甲县 (2 families).")


def test_describe_change_says_when_the_corpus_does_not_span_dates():
    import datetime as dt

    from helpers.findings import describe_change
    from helpers.profiles import CHANGE_COLUMNS

    empty = pd.DataFrame(columns=CHANGE_COLUMNS)
    undated = pd.DataFrame({"published": [None, None]})
    assert describe_change(empty, undated).startswith("No article has a publication date")
    one_year = pd.DataFrame({"published": [dt.date(2024, 1, 5), dt.date(2024, 9, 1), None]})
    text = describe_change(empty, one_year)
    assert text == ("2 of 3 (67%) articles are dated, from 2024-01-05 to 2024-09-01, in 1 year. "
                    "With one year there is no change over time to compare.")
    assert "in 2 months" in describe_change(empty, one_year, period="month")


def test_describe_change_names_the_largest_moves():
    import datetime as dt

    from helpers.findings import describe_change

    change = pd.DataFrame({
        "family": ["sat", "sat", "pass", "pass"], "unit_std": ["%"] * 4,
        "locality": ["甲县", "甲县", "乙县", "乙县"], "level": ["county"] * 4,
        "prefecture": ["甲市"] * 4, "province": ["某省"] * 4,
        "period": ["2023", "2024", "2022", "2024"], "figures": [1, 1, 1, 1],
        "mean": [85.0, 92.0, 99.0, 98.0], "min": [85.0, 92.0, 99.0, 98.0],
        "max": [85.0, 92.0, 99.0, 98.0], "previous_mean": [None, 85.0, None, 99.0],
        "change": [None, 7.0, None, -1.0]})
    articles = pd.DataFrame({"published": [dt.date(2022, 1, 1), dt.date(2024, 1, 1)]})
    text = describe_change(change, articles)
    assert "in 2 years" in text
    assert text.endswith("2 family-place series have levels in two or more years; the mean of "
                         "2 of them moves, the largest changes: 甲县 sat 85% → 92% (2024); 乙县 "
                         "pass 99% → 98% (2024).")
    still = change.assign(change=[None, 0.0, None, 0.0])
    assert describe_change(still, articles).endswith("; the mean of none of them moves.")


def test_describe_targets_separates_pairs_and_printed_shares():
    from helpers.findings import describe_targets

    targets = pd.DataFrame({"target": [50.0, 10.0, float("nan"), float("nan"), float("nan")],
                            "ratio": [0.84, 1.2, 1.05, 0.9, 1.0]})
    assert describe_targets(targets) == (
        "The corpus prints 2 targets with the achievement printed after it (1 of 2 (50%) met or "
        "exceeded) and 3 completion shares printed as such (2 of 3 (67%) at 100% or more). A "
        "report chooses which targets to print with their result, so these are not a rate of "
        "meeting targets.")
    assert describe_targets(targets.iloc[0:0]).startswith("The corpus prints no target")


def test_describe_campaign_contrast_warns_on_small_groups():
    from helpers.findings import MIN_GROUP_FIGURES, describe_campaign_contrast

    contrast = pd.DataFrame({
        "campaign paragraphs": {"figures": 10, "share count": 0.8, "rate levels": 4,
                                "share at 100%": 0.5, "share round": 0.75},
        "other paragraphs": {"figures": 40, "share count": 0.25, "rate levels": 20,
                             "share at 100%": 0.1, "share round": 0.3}})
    text = describe_campaign_contrast(contrast)
    assert text.startswith("10 figures stand in campaign paragraphs, 40 elsewhere; rate levels "
                           "4 and 20. Counts (of people, cases, visits …) are 80% of the figures "
                           "in campaign paragraphs and 25% of the others. At exactly 100%: 50% "
                           "of the campaign rate levels, 10% of the others; at a round value: "
                           "75% and 30%.")
    assert f"fewer than {MIN_GROUP_FIGURES} figures" in text
    big = contrast * 10
    big.loc[["share count", "share at 100%", "share round"]] /= 10
    assert "fewer than" not in describe_campaign_contrast(big)
    none = contrast.assign(**{"campaign paragraphs": 0})
    assert describe_campaign_contrast(none) == ("No figure stands in a campaign paragraph "
                                                "(40 figures elsewhere).")


def test_describe_family_counts_places_sentences_and_ranges():
    from helpers.findings import describe_family

    one = pd.DataFrame({"locality": ["甲县", "甲县", "乙县"], "value_std": [98.6, 100.0, 95.0],
                        "unit_std": ["%", "%", "%"],
                        "sentence": ["合格率达98.6%，办结率100%。", "合格率达98.6%，办结率100%。",
                                     "合格率95%。"]})
    assert describe_family(one, "pass rate (合格率)") == (
        "pass rate (合格率): 3 levels from 2 places (2 甲县, 1 乙县), printed in 2 sentences. "
        "Values: 95% to 100%.")
    alone = describe_family(one.iloc[:1], "pass rate (合格率)")
    assert alone.endswith("Values: all 98.6%. With one place there is nothing to compare across "
                          "places.")
    assert describe_family(one.iloc[0:0], None).startswith("No named family")


def _rate_levels(values: list[float]) -> pd.DataFrame:
    n = len(values)
    return pd.DataFrame({
        "article_id": [f"a-{i:02d}" for i in range(n)], "para_no": [1] * n,
        "sentence": [f"完成率为{v:g}%。" for v in values], "indicator": ["完成率"] * n,
        "value": values, "unit": ["%"] * n, "kind": ["rate"] * n, "qualifier": [None] * n,
        "change": [False] * n, "value_std": values, "unit_std": ["%"] * n,
        "role": ["level"] * n, "quoted": [False] * n})


def test_describe_heaping_tests_says_heaping_when_every_digit_is_zero():
    from helpers.findings import describe_heaping_tests
    from helpers.heaping import heaping_tests

    text = describe_heaping_tests(heaping_tests(_rate_levels([10.0, 20.0, 30.0, 40.0, 50.0]
                                                             * 10)))
    assert text.startswith("50 printed rate levels in % (0 bounds")
    assert "integers: n = 50, 50 ending in 0 or 5 against 10.0 expected" in text
    assert "chi-square" in text and ": heaping;" in text
    assert "one decimal: none" in text


def test_describe_heaping_tests_says_when_n_is_too_small():
    from helpers.findings import describe_heaping_tests
    from helpers.heaping import MIN_CONCLUSIVE_N, heaping_tests

    text = describe_heaping_tests(heaping_tests(_rate_levels([81.0, 92.0, 100.0, 97.0])))
    assert "integers: n = 3" in text and "exact multinomial" in text
    assert "Exactly 100%: 1 against 0.2 expected from the 1 figures in [95, 100)" in text
    assert f"below {MIN_CONCLUSIVE_N} figures a test that finds nothing says nothing" in text
    assert "Too few to conclude (integers, exactly 100%)" in text


def test_describe_levels_counts_families_beyond_the_panels():
    from helpers.viz import MAX_FAMILY_PANELS

    n = MAX_FAMILY_PANELS + 1  # one family more than the panels, each from one locality
    table = pd.DataFrame({
        "locality": [f"{i}号县" for i in range(n)], "kind": "rate", "unit_std": "%",
        "role": "level", "change": False, "quoted": False, "qualifier": None,
        "family": [f"family {i}" for i in range(n)], "indicator": "合格率",
        "value_std": [90.0 + i for i in range(n)], "value": [90.0 + i for i in range(n)],
        "article_id": [f"a-{i}" for i in range(n)],
        "sentence": [f"合格率{90 + i}%。" for i in range(n)],
    })
    text = describe_levels(table, "rate")
    assert "Of the levels, 1 in 1 family beyond the panels is not drawn." in text
    assert f"The figure draws {MAX_FAMILY_PANELS} dots in {MAX_FAMILY_PANELS} families," in text


def test_describe_levels_counts_the_unclassified_money_as_no_family():
    table = pd.DataFrame({
        "locality": ["甲县", "乙县", "丙县"], "kind": "money", "unit_std": "元",
        "role": "level", "change": False, "quoted": False, "qualifier": None,
        "family": ["fiscal revenue (财政收入)", None, None], "unit": "万元",
        "indicator": ["一般公共预算收入", "总投资", "列支"], "value": [500.0, 300.0, 20.0],
        "value_std": [5e6, 3e6, 2e5], "article_id": ["a-1", "a-2", "a-3"],
        "sentence": ["收入500万元。", "总投资300万元。", "列支20万元。"],
    })
    text = describe_levels(table, "money")
    # one named family and the amounts of none: "2 families" would disagree with the title
    assert "The figure draws 3 dots in 1 family and the unclassified panel," in text
    only = describe_levels(table.assign(family=None), "money")
    assert "The figure draws 3 dots in the unclassified panel," in only


def test_describe_article_codes_dominance_counts_paragraphs_not_codes():
    # one domain in every domain-coded paragraph dominates, however many other codes those
    # paragraphs also carry
    book = _book()
    d1, d2, d3 = book.domains[:3]
    units = pd.DataFrame({
        "article_id": ["a-01"] * 10,
        "para_no": [1, 2, 3, 4, 1, 2, 3, 4, 1, 2],
        "code": [d1] * 4 + [d2] * 4 + [d3] * 2,
    })
    assert "1 of 1 (100%) reports with a domain code have one domain" in describe_article_codes(
        units, book)
