"""Locality profiles and change over time on small tables written here, shares worked by hand."""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd
import pytest

from helpers.codebook import Code, Codebook
from helpers.errors import InputError
from helpers.profiles import (
    CHANGE_COLUMNS,
    NO_LOCALITY,
    PROFILE_COLUMNS,
    change_over_time,
    family_counts,
    locality_profiles,
)

SAT = "satisfaction (满意率)"
PASS = "pass rate (合格率)"


def _code(cid: str, dimension: str) -> Code:
    return Code(cid, dimension, cid, cid, "", "", "", (cid,), "")


BOOK = Codebook((_code("economy", "domain"), _code("safety", "domain"),
                 _code("campaign", "mode"), _code("service", "mode")))


def _articles() -> pd.DataFrame:
    return pd.DataFrame({
        "article_id": ["A-01", "A-02", "B-01", "C-01"],
        "text": ["招商引资。\n项目落地。\n安全检查。\n其他。", "便民服务。\n其他。",
                 "安全生产。\n专项整治。\n其他。", "无。"],
        "locality": ["甲县", "甲县", "乙区", None],
        "level": ["county", "county", "zone", None],
        "prefecture": ["甲市", "甲市", "甲市", None],
        "province": ["某省", "某省", "某省", None],
        "published": [dt.date(2023, 3, 1), dt.date(2024, 5, 10), None, None],
    }, dtype=object)


def _units() -> pd.DataFrame:
    rows = [("A-01", 1, "economy"), ("A-01", 1, "campaign"), ("A-01", 2, "economy"),
            ("A-01", 3, "safety"), ("A-02", 1, "service"),
            ("B-01", 1, "safety"), ("B-01", 2, "safety"), ("B-01", 2, "campaign"),
            ("B-01", 2, "safety")]  # the last repeats one (text and subhead): counted once
    return pd.DataFrame(rows, columns=["article_id", "para_no", "code"])


def _metrics() -> pd.DataFrame:
    rows = [  # article_id, kind, family, role, change, quoted, value_std, unit_std
        ("A-01", "rate", SAT, "level", False, False, 90.0, "%"),
        ("A-01", "rate", SAT, "level", False, False, 80.0, "%"),
        ("A-01", "rate", SAT, "target", False, False, 95.0, "%"),
        ("A-01", "rate", SAT, "change", True, False, 3.0, "%"),
        ("A-01", "rate", PASS, "level", False, True, 99.0, "%"),  # quoted: no level
        ("A-01", "date", None, None, False, False, 2023.0, None),
        ("A-02", "rate", SAT, "to", False, False, 92.0, "%"),
        ("A-02", "rate", PASS, "level", False, False, 98.0, "%"),
        ("A-02", "count", None, "level", False, False, 12.0, "个"),
        ("B-01", "rate", PASS, "level", False, False, 97.0, "%"),
    ]
    return pd.DataFrame(rows, columns=["article_id", "kind", "family", "role", "change",
                                       "quoted", "value_std", "unit_std"])


def _profiles() -> pd.DataFrame:
    return locality_profiles(_articles(), _units(), _metrics(), BOOK)


def test_profile_columns_and_order():
    prof = _profiles()
    assert list(prof.columns) == [*PROFILE_COLUMNS, "economy", "safety", "campaign", "service"]
    # same province and prefecture: by locality name (乙 U+4E59 before 甲 U+7532), unknown last
    assert prof["locality"].tolist()[:2] == ["乙区", "甲县"]
    assert prof["locality"].iloc[2] is None


def test_profile_coverage_and_shares_by_hand():
    jia = _profiles().set_index("locality").loc["甲县"]
    assert (jia["level"], jia["prefecture"], jia["province"]) == ("county", "甲市", "某省")
    assert (jia["articles"], jia["paragraphs"], jia["coded_paragraphs"]) == (2, 6, 4)
    # of 4 coded paragraphs: economy in 2, safety 1, campaign 1, service 1
    assert (jia["economy"], jia["safety"], jia["campaign"], jia["service"]) == (
        0.5, 0.25, 0.25, 0.25)
    assert jia["campaign_share"] == 0.5  # A-01 of
    assert (jia["first_published"], jia["last_published"]) == (
        pd.Timestamp("2023-03-01"), pd.Timestamp("2024-05-10"))


def test_profile_of_a_small_locality_and_an_unknown_one():
    prof = _profiles()
    yi = prof.iloc[0]
    assert (yi["articles"], yi["paragraphs"], yi["coded_paragraphs"]) == (1, 3, 2)
    assert (yi["economy"], yi["safety"], yi["campaign"]) == (0.0, 1.0, 0.5)
    assert yi["campaign_share"] == 1.0
    assert pd.isna(yi["first_published"])
    none = prof.iloc[2]
    assert (none["articles"], none["paragraphs"], none["coded_paragraphs"]) == (1, 1, 0)
    assert math.isnan(none["economy"]) and none["campaign_share"] == 0.0
    assert none["family_figures"] == [] and none["figures"] == 0


def test_profile_figures_count_levels_by_family():
    jia = _profiles().set_index("locality").loc["甲县"]
    # 8 figures but the date; levels: 90, 80, 92 (to), 98, the count (no family)
    assert (jia["figures"], jia["level_figures"], jia["families"]) == (8, 5, 2)
    assert jia["family_figures"] == [f"{SAT}: 3", f"{PASS}: 1"]


def test_profile_shares_do_not_grow_with_coverage():
    """A locality reported twice as often, with the same mix, has the same shares."""
    art, units, met = _articles(), _units(), _metrics()
    copy = art[art["locality"] == "甲县"].assign(article_id=lambda d: d["article_id"] + "x")
    more = locality_profiles(pd.concat([art, copy], ignore_index=True),
                             pd.concat([units, units[units["article_id"].str.startswith("A")]
                                        .assign(article_id=lambda d: d["article_id"] + "x")]),
                             met, BOOK).set_index("locality").loc["甲县"]
    base = _profiles().set_index("locality").loc["甲县"]
    assert more["articles"] == 2 * base["articles"]
    assert more["coded_paragraphs"] == 2 * base["coded_paragraphs"]
    for col in ("economy", "safety", "campaign", "service", "campaign_share"):
        assert more[col] == base[col]


def test_two_places_of_one_name_stay_apart():
    art = _articles()
    art.loc[1, "prefecture"] = "乙市"  # another 甲县, in another prefecture
    prof = locality_profiles(art, _units(), _metrics(), BOOK)
    jia = prof[prof["locality"] == "甲县"]
    assert jia["prefecture"].tolist() == ["乙市", "甲市"]  # by prefecture: 乙 before 甲
    assert jia["articles"].tolist() == [1, 1]
    grid = family_counts(prof)
    assert "甲县 (甲市, county)" in grid.columns and "甲县 (乙市, county)" in grid.columns


def test_family_counts_grid():
    grid = family_counts(_profiles())
    assert list(grid.columns) == ["乙区", "甲县", NO_LOCALITY]
    assert list(grid.index) == [PASS, SAT]  # pass rate from two localities, first
    assert grid.loc[PASS].tolist() == [1, 1, 0]
    assert grid.loc[SAT].tolist() == [0, 3, 0]


@pytest.mark.parametrize("table, column", [("articles", "locality"), ("units", "code"),
                                           ("metrics", "quoted")])
def test_missing_column_named(table, column):
    args = {"articles": _articles(), "units": _units(), "metrics": _metrics()}
    args[table] = args[table].drop(columns=column)
    with pytest.raises(InputError, match=column):
        locality_profiles(args["articles"], args["units"], args["metrics"], BOOK)


def test_bad_rows_named():
    units = pd.concat([_units(), pd.DataFrame([("Z-09", 1, "economy")],
                                              columns=["article_id", "para_no", "code"])],
                      ignore_index=True)
    with pytest.raises(InputError, match="row 9: article_id 'Z-09'"):
        locality_profiles(_articles(), units, _metrics(), BOOK)
    units = _units().assign(code=lambda d: d["code"].replace("service", "welfare"))
    with pytest.raises(InputError, match="row 4: code 'welfare' is not in the codebook"):
        locality_profiles(_articles(), units, _metrics(), BOOK)
    units = _units()
    units.loc[4, "para_no"] = 3  # A-02 has 2 paragraphs
    with pytest.raises(InputError, match="row 4: article 'A-02' has no paragraph 3"):
        locality_profiles(_articles(), units, _metrics(), BOOK)
    art = _articles()
    art.loc[2, "published"] = "not a date"
    with pytest.raises(InputError, match="article 'B-01': published 'not a date'"):
        locality_profiles(art, _units(), _metrics(), BOOK)


def test_change_over_time_by_year():
    out = change_over_time(_metrics(), _articles(), period="year")
    assert list(out.columns) == CHANGE_COLUMNS
    # satisfaction in 甲县: 2023 levels 90 and 80 (not the target, change); 2024 the new level 92.
    # pass rate in 甲县 only in 2024 (the 2023 figure is quoted); 乙区 undated: no row.
    assert out["family"].tolist() == [SAT, SAT]
    assert out["period"].tolist() == ["2023", "2024"]
    assert out["figures"].tolist() == [2, 1]
    assert out["mean"].tolist() == [85.0, 92.0]
    assert (out["min"].iloc[0], out["max"].iloc[0]) == (80.0, 90.0)
    assert math.isnan(out["previous_mean"].iloc[0]) and out["change"].iloc[1] == 7.0
    assert set(out["locality"]) == {"甲县"} and set(out["unit_std"]) == {"%"}


def test_change_over_time_by_month_and_without_a_span():
    out = change_over_time(_metrics(), _articles(), period="month")
    assert out["period"].tolist() == ["2023-03", "2024-05"]
    art = _articles()
    art.loc[1, "published"] = dt.date(2023, 11, 30)  # one year only
    same_year = change_over_time(_metrics(), art, period="year")
    assert same_year.empty and list(same_year.columns) == CHANGE_COLUMNS
    undated = change_over_time(_metrics(), art.assign(published=None))
    assert undated.empty and list(undated.columns) == CHANGE_COLUMNS


def test_change_over_time_refuses_unknown_period():
    with pytest.raises(InputError, match="period 'week'"):
        change_over_time(_metrics(), _articles(), period="week")


def test_profiles_and_changes_round_trip_every_export(tmp_path):
    """Both tables are described in columns.yaml and come back from each format as written."""
    from helpers.exports import export_tables, read_export

    prof, change = _profiles(), change_over_time(_metrics(), _articles())
    export_tables(tmp_path, {"locality_profiles": prof, "change_over_time": change},
                  codebook=BOOK, workbook="comparisons.xlsx")
    for suffix in ("csv", "parquet", "dta"):
        back = read_export(tmp_path / f"locality_profiles.{suffix}")
        assert back["locality"].tolist() == ["乙区", "甲县", None], suffix
        assert back["family_figures"].tolist() == prof["family_figures"].tolist(), suffix
        assert back["economy"].tolist()[:2] == [0.0, 0.5], suffix
        assert math.isnan(back["economy"].iloc[2]), suffix
        assert back["first_published"].tolist()[1] == dt.date(2023, 3, 1), suffix
        again = read_export(tmp_path / f"change_over_time.{suffix}")
        assert again["change"].tolist()[1] == 7.0 and again["period"].tolist() == ["2023", "2024"]
    labels = pd.read_stata(tmp_path / "locality_profiles.dta", iterator=True).variable_labels()
    assert labels["campaign"] == "Share of coded paragraphs: campaign"


def test_an_empty_corpus_gives_empty_tables_with_their_columns():
    art, units, met = _articles().iloc[0:0], _units().iloc[0:0], _metrics().iloc[0:0]
    prof = locality_profiles(art, units, met, BOOK)
    assert prof.empty
    assert list(prof.columns) == [*PROFILE_COLUMNS, "economy", "safety", "campaign", "service"]
    assert change_over_time(met, art).empty
    no_figures = locality_profiles(_articles(), _units(), met, BOOK)
    assert no_figures["family_figures"].tolist() == [[], [], []]
    assert family_counts(no_figures).empty
