"""The period is the printed time reference in full (F-period, issue 13): time phrases built
from parts (a year, a quarter or a month with its end or start, spans, dates counted to, event
periods), and the period of a ；-list's nearest earlier item carried to the items that print none.

Sentences written for these tests, modelled on constructions of county reports."""

from __future__ import annotations

import datetime as dt
import itertools
import re

import pytest

from helpers.metric_periods import PERIOD, period_dates
from helpers.metrics import extract_from_text


def periods(sentence: str) -> list[tuple[float, str | None]]:
    return [(r["value"], r["period"]) for r in extract_from_text(sentence) if r["kind"] != "date"]


#: Time phrases built from parts, each the period of the figure printed after it.
COMPOSED = [
    "二季度末", "2023年二季度末", "一季度初", "1-3季度", "2022年1-3季度", "2018年度第三季度",
    "7月初", "3月下旬", "今年9月中旬", "前四月", "前4月", "10月当月",
    "截止目前", "截至目前", "截至6月", "截至去年年底", "截止2021年年底", "截至9月底",
    "截至23日17时", "截至5月8日", "2019年到今年9月底",
    "2016年春运期间", "春运期间", "春运首日", "“五一”节三天", "国庆期间", "2023年春节黄金周",
    "黄金周期间", "今年春节", "汛期以来", "报告期内", "报告期间内", "自今年以来",
    # the hour of a dated reading, and an event's stretch with its year (session 12)
    "今天上午8时", "昨日傍晚", "3月12日清晨", "11月3日14点30分", "2023年春运", "今年主汛期",
]


@pytest.mark.parametrize("phrase", COMPOSED)
def test_composed_period_is_read_whole(phrase):
    assert [m.group() for m in PERIOD.finditer(phrase + "，")] == [phrase]


@pytest.mark.parametrize("phrase,position",
                         list(itertools.product(COMPOSED[:20], ("first", "later"))))
def test_composed_period_of_a_figure(phrase, position):
    """The maximal phrase is the figure's period, in a list's first item and in a later item
    that prints it."""
    lead = "" if position == "first" else "全县开展专项检查；"
    sentence = f"{lead}{phrase}，全县新增市场主体320户，同比增长5.2%。"
    assert periods(sentence) == [(320, phrase), (5.2, phrase)]


@pytest.mark.parametrize("sentence,want", [
    # a plain word that opens with a festival is no time phrase
    ("春节慰问困难群众120户。", [(120, None)]),
    # a base of a comparison is no period (比去年)
    ("比去年增加30户。", [(30, None)]),
    # 5年来 is the span a count is over, not a duration of 5 years
    ("5年来，全县累计建成通村公路210公里。", [(210, "5年来")]),
    ("如今，全村86户都用上了自来水。", [(86, "如今")]),
    ("年初，我镇组织12户农户试种大豆。", [(12, "年初")]),
    # 比年初 is a base, not a period
    ("贷款余额比年初增加3.2亿元。", [(3.2, None)]),
])
def test_period_words_both_ways(sentence, want):
    assert periods(sentence) == want


@pytest.mark.parametrize("sentence,want", [
    # a weather reading keeps the hour it was taken at (F-period: in full)
    ("今天早晨6时，城区最低气温降至-2.5℃。", [(-2.5, "今天早晨6时")]),
    ("受冷空气影响，12月3日夜间最低气温4℃。", [(4, "12月3日夜间")]),
    # a day without an hour stays the day
    ("12月3日，全县出动巡查人员120人次。", [(120, "12月3日")]),
    # 今年 inside a storm's number is its name, not the time of the figure
    ("今年第9号台风近中心最大风力12级。", [(12, None)]),
    # 春运 without a year is not a time by itself (the subject of the clause)
    ("春运工作共投入客车150辆。", [(150, None)]),
])
def test_time_of_day_and_named_stretches(sentence, want):
    assert periods(sentence) == want


def test_period_carried_across_list_items():
    """An item of a ；-list that prints no period keeps the period heading the nearest earlier
    item (二季度末 … ；上半年 … ；the next item: 上半年)."""
    sentence = ("二季度末，全县生猪存栏42.1万头；上半年生猪出栏36.5万头，同比增长4.2%；"
                "猪肉产量2.8万吨，同比增长3.9%。")
    assert periods(sentence) == [(42.1, "二季度末"), (36.5, "上半年"), (4.2, "上半年"),
                                 (2.8, "上半年"), (3.9, "上半年")]


def test_period_inside_an_item_is_not_carried():
    """A period printed for one figure inside an item (…，1-6月累计完成投资…) is that figure's,
    not the next item's: the next item keeps the sentence's lead."""
    sentence = ("2023年全县重点项目共80项，其中在建项目52项，总投资96.3亿元，1-6月累计完成投资"
                "31.2亿元；新开工项目28项，总投资40.6亿元。")
    rows = dict(periods(sentence))
    assert rows[31.2] == "1-6月"
    assert rows[28] == "2023年" and rows[40.6] == "2023年"


def test_list_without_periods_gives_none_to_later_items():
    """A list whose first item prints no period does not hand a later item's period on."""
    sentence = ("受理咨询320件，同比增长2%；投诉126件，截至目前已办结118件；"
                "举报45件，同比下降3.1%。")
    rows = periods(sentence)
    assert (118, "截至目前") in rows
    assert (45, None) in rows and (3.1, None) in rows


def test_colon_opens_a_list_of_its_own():
    sentence = "上半年全县共受理案件650件，其中：民事案件420件；刑事案件88件。"
    assert periods(sentence) == [(650, "上半年"), (420, "上半年"), (88, "上半年")]


#: Sentences with the composed phrases in every position, for the invariant below.
_INVARIANT_SENTENCES = [f"全县开展排查；{p}，受理诉求86件；办结79件。" for p in COMPOSED] + [
    f"{p}，受理诉求86件，办结率91.9%。" for p in COMPOSED]


@pytest.mark.parametrize("sentence", _INVARIANT_SENTENCES)
def test_no_period_is_cut_short(sentence):
    """A period is never a piece of a longer printed phrase: never followed by 末/底/初/旬/期间
    and never preceded by 截止/截至 or by a span sign."""
    for row in extract_from_text(sentence):
        period = row["period"]
        if not period or row["kind"] == "date":
            continue
        at = sentence.find(period)
        assert at >= 0
        assert not re.match(r"末|底|初|旬|期间|首日", sentence[at + len(period):]), period
        assert not re.search(r"(?:截止|截至|\d[-—至到])$", sentence[:at]), period


@pytest.mark.parametrize("period,first,last", [
    ("2019年到今年9月底", dt.date(2019, 1, 1), dt.date(2024, 9, 30)),
    ("1-3季度", dt.date(2024, 1, 1), dt.date(2024, 9, 30)),
    ("前四月", dt.date(2024, 1, 1), dt.date(2024, 4, 30)),
    ("截至去年年底", None, dt.date(2023, 12, 31)),
    ("截至6月", None, dt.date(2024, 6, 30)),
    ("二季度末", None, dt.date(2024, 6, 30)),
    ("10月当月", dt.date(2024, 10, 1), dt.date(2024, 10, 31)),
    ("2018年度第三季度", dt.date(2018, 7, 1), dt.date(2018, 9, 30)),
    ("2016年春运期间", None, None),  # an event's dates are not printed: none invented
])
def test_dates_of_composed_periods(period, first, last):
    assert period_dates(period, dt.date(2024, 10, 15)) == (first, last)


def test_a_streak_is_no_period():
    """连续三年来 counts the years of a streak (a duration), not the span the figures are for."""
    assert ("三年来" not in [m.group() for m in PERIOD.finditer("连续三年来，全县抽检合格率达98%。")])
    assert [m.group() for m in PERIOD.finditer("三年来，全县抽检合格率达98%。")] == ["三年来"]


def test_a_period_restated_in_brackets_is_printed_once():
    sentence = "2023年4-6月份(截止到6月30日)共受理投诉312件，同比增长8.1%。"
    assert periods(sentence) == [(312, "2023年4-6月份"), (8.1, "2023年4-6月份")]
    # a period in brackets after a figure stays that figure's (满意率达到97.5%（2022年度）)
    assert periods("群众满意率达到97.5%（2022年度）。") == [(97.5, "2022年度")]


def test_the_bounds_of_an_event_are_no_period():
    """从X开展，到Y结束 prints the event's span: the figures counted over it keep the year."""
    sentence = "今年麦收从5月28日开始，到6月10日结束，共计14天，收获小麦3.6万吨。"
    assert periods(sentence) == [(14, "今年"), (3.6, "今年")]
    # one bound alone is the time counted from (从3月1日开始，…)
    assert periods("从3月1日开始，全县已排查隐患120处。") == [(120, "3月1日")]


@pytest.mark.parametrize("sentence,want", [
    # the value of a climatological normal is for the normal's period (F-baseline)
    ("今年平均气温15.2℃，比历年平均值14.6℃偏高0.6℃。", [(15.2, "今年"), (14.6, "历年"), (0.6, "今年")]),
    ("预计汛期降水量较常年同期(520毫米)偏多一成。", [(520, "常年同期")]),
    ("全年日照时数1980小时，比历年日照时数平均值2050小时偏少70小时。",
     [(1980, "全年"), (2050, "历年"), (70, "全年")]),
    # a season as a clause of its own is the time of the forecast
    ("预计秋季，全县平均降水量为120~150毫米。", [(120.0, "秋季")]),
    # a season inside a campaign's name is no period
    ("县法院开展“冬季攻坚”专项执行行动，执结案件86件。", [(86, None)]),
    # 常年 as an adverb (all year round) is no normal
    ("该村常年种植蔬菜300亩。", [(300, None)]),
])
def test_climate_normals_and_seasons(sentence, want):
    got = [(r["value"], r["period"]) for r in extract_from_text(sentence) if r["kind"] != "date"]
    assert [(v, p) for v, p in got if v in [w[0] for w in want]] == want
