"""Direction, role, period and quotation of a figure, read from the words around it.

Sentences written for these tests, modelled on constructions of county reports (a rise and a
fall printed alike, targets, ceilings, baselines, completion shares, periods of the year)."""

from __future__ import annotations

import datetime as dt

import pytest

from helpers.metric_context import figure_context, period_dates, quoted_spans


def _context(sentence: str, figure: str, kind: str = "rate", value: float | None = None):
    start = sentence.index(figure)
    return figure_context(sentence, start, start + len(figure), kind=kind, value=value)


@pytest.mark.parametrize(("sentence", "figure", "direction"), [
    ("前三季度，全镇治安警情同比下降12.4%。", "12.4%", "down"),
    ("前三季度，全镇治安警情同比上升12.4%。", "12.4%", "up"),
    ("全区规上工业增加值增长7.9%，增速回落1.2个百分点。", "7.9%", "up"),
    ("全区规上工业增加值增长7.9%，增速回落1.2个百分点。", "1.2个百分点", "down"),
    ("办理时限压减40%。", "40%", "down"),
    ("农村居民收入较上年增加860元。", "860元", "up"),
    ("受理信访事项比去年少18件。", "18件", "down"),
])
def test_direction_of_a_change(sentence, figure, direction):
    ctx = _context(sentence, figure)
    assert (ctx.role, ctx.direction) == ("change", direction)


def test_a_printed_negative_growth_is_a_fall():
    ctx = _context("社会消费品零售总额同比增长-2.6%。", "-2.6%", value=-2.6)
    assert (ctx.role, ctx.direction) == ("change", "down")


def test_comparison_word_alone_makes_a_change_without_direction():
    ctx = _context("一般公共预算收入同比持平，为8.1亿元，环比9.3%。", "9.3%")
    assert ctx.role == "change" and ctx.direction is None


def test_a_level_has_no_direction():
    ctx = _context("全县矛盾纠纷调解成功率为98.2%。", "98.2%")
    assert (ctx.role, ctx.direction) == ("level", None)


def test_baseline_and_new_level_of_a_movement():
    sentence = "全乡生活垃圾分类覆盖率由不足三成提高到76%。"
    start = sentence.index("三成")
    base = figure_context(sentence, start, start + 2, kind="rate")
    new = _context(sentence, "76%")
    assert (base.role, base.direction) == ("from", "up")
    assert (new.role, new.direction) == ("to", "up")


def test_fall_to_a_level():
    ctx = _context("全市刑事发案率从每万人9.6起降至6.1起。", "6.1起", kind="count")
    assert (ctx.role, ctx.direction) == ("to", "down")


@pytest.mark.parametrize(("sentence", "figure"), [
    ("力争年底前群众安全感达到96%以上。", "96%"),
    ("今年的目标任务是新建高标准农田3.2万亩。", "3.2万亩"),
    ("力争到2027年，全区森林覆盖率达到68%。", "68%"),
    ("全年计划完成造林面积1500亩。", "1500亩"),
    ("确保重点项目开工率100%。", "100%"),
])
def test_targets(sentence, figure):
    assert _context(sentence, figure).role == "target"


def test_target_and_achievement_in_one_sentence():
    sentence = "今年目标任务是招引项目30个，截至9月底已签约项目24个。"
    assert _context(sentence, "30个", "count").role == "target"
    assert _context(sentence, "24个", "count").role == "level"


def test_a_plan_spoken_of_as_done_is_no_target():
    sentence = "提前完成全年任务，实现税收收入4.6亿元。"
    assert _context(sentence, "4.6亿元", "money").role == "level"


def test_disposal_jiang_is_no_intention():
    sentence = "镇里将1200万元奖补资金全部拨付到村。"
    assert _context(sentence, "1200万元", "money").role == "level"


@pytest.mark.parametrize(("sentence", "figure"), [
    ("将人口自然增长率控制在5‰以内。", "5‰"),
    ("单位产值能耗不超过0.45吨标准煤。", "0.45吨"),
])
def test_limits(sentence, figure):
    assert _context(sentence, figure).role == "limit"


@pytest.mark.parametrize(("sentence", "figure"), [
    ("1至8月完成招商引资到位资金18亿元，完成年度目标的72%。", "72%"),
    ("固定资产投资占年度计划的91.5%。", "91.5%"),
])
def test_completion_shares(sentence, figure):
    assert _context(sentence, figure).role == "completion"


def test_rank_kind_keeps_its_role():
    assert _context("全县营商环境评价位列全市第3名。", "3名", "rank").role == "rank"


@pytest.mark.parametrize(("sentence", "figure", "period"), [
    ("今年1至9月，全县刑事案件发案数同比下降8%。", "8%", "今年1至9月"),
    ("截至11月底，累计办结群众诉求3521件。", "3521件", "截至11月底"),
    ("前三季度，全区实现地区生产总值210亿元。", "210亿元", "前三季度"),
    ("信访总量比去年减少15件。", "15件", None),
    ("群众满意率达到97.5%（2022年度）。", "97.5%", "2022年度"),
])
def test_period_is_the_time_phrase_of_the_figure(sentence, figure, period):
    assert _context(sentence, figure).period == period


def test_period_dates_against_the_article_date():
    published = dt.date(2022, 10, 20)
    assert period_dates("今年以来", published) == (dt.date(2022, 1, 1), published)
    assert period_dates("1至9月", published) == (dt.date(2022, 1, 1), dt.date(2022, 9, 30))
    assert period_dates("今年1-2月", published) == (dt.date(2022, 1, 1), dt.date(2022, 2, 28))
    assert period_dates("前三季度", published) == (dt.date(2022, 1, 1), dt.date(2022, 9, 30))
    assert period_dates("二季度", published) == (dt.date(2022, 4, 1), dt.date(2022, 6, 30))
    assert period_dates("上半年", published) == (dt.date(2022, 1, 1), dt.date(2022, 6, 30))
    assert period_dates("去年", published) == (dt.date(2021, 1, 1), dt.date(2021, 12, 31))
    assert period_dates("截至8月底", published) == (None, dt.date(2022, 8, 31))
    assert period_dates("2019年以来", published) == (dt.date(2019, 1, 1), published)


def test_period_dates_need_a_date_and_a_definite_period():
    assert period_dates("今年以来", None) == (None, None)
    assert period_dates("近年来", dt.date(2022, 3, 1)) == (None, None)
    assert period_dates("9至3月", dt.date(2022, 3, 1)) == (None, None)  # not a stretch of one year


def test_leap_february_ends_on_the_29th():
    assert period_dates("截至2月底", dt.date(2024, 5, 1)) == (None, dt.date(2024, 2, 29))


def test_quoted_spans_close_and_run_on():
    text = "她说：“以前要跑5趟。”如今全县办件3000件。“现在一趟也不用跑"
    spans = quoted_spans(text)
    assert [text[a:b] for a, b in spans] == ["“以前要跑5趟。”", "“现在一趟也不用跑"]


def test_month_without_year_and_this_week():
    published = dt.date(2023, 1, 6)
    assert period_dates("12月份", published) == (dt.date(2022, 12, 1), dt.date(2022, 12, 31))
    assert period_dates("上月", published) == (dt.date(2022, 12, 1), dt.date(2022, 12, 31))
    ctx = _context("本周共受理群众来电412件，按时办结率96.1%。", "412件", "count")
    assert ctx.period == "本周"
    ctx = _context("5月19日，全镇组织培训312人次。", "312人次", "count")
    assert ctx.period is None  # an event's day is no period


def test_value_added_is_no_change():
    ctx = _context("第二产业增加值95.3亿元，增长6.1%。", "95.3亿元", "money")
    assert (ctx.role, ctx.direction) == ("level", None)


def test_shortened_to_a_share_of_the_legal_limit():
    ctx = _context("承诺办结时限压缩到法定时限的30%。", "30%")
    assert (ctx.role, ctx.direction) == ("to", "down")


def test_completion_against_a_quota_set_from_above():
    ctx = _context("伤亡人数仅占上级下达全年控制指标的40%。", "40%")
    assert ctx.role == "completion"


def test_planning_bureau_is_no_intention():
    ctx = _context("据县自然资源和规划局介绍，今年办理用地审批46件。", "46件", "count")
    assert ctx.role == "level"


@pytest.mark.parametrize("sentence", [
    "为了确保经济平稳运行，街道走访市场主体860家。",
    "按照上级部门要求，区林业局对全区42个图斑进行了核查。",
])
def test_a_purpose_or_a_source_clause_is_no_target(sentence):
    figure = "860家" if "860家" in sentence else "42个"
    assert _context(sentence, figure, "count").role == "level"
