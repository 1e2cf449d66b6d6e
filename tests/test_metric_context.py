"""Direction, role, period and quotation of a figure, read from the words around it.

Sentences written for these tests, modelled on constructions of county reports (a rise and a
fall printed alike, targets, ceilings, baselines, completion shares, periods of the year)."""

from __future__ import annotations

import datetime as dt

import pytest
from figured import context_of as _context

from helpers.metric_context import figure_context, period_dates, quoted_spans


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
    # a day printed before the figures is their time: what was done on that day
    ctx = _context("6月3日，镇长在便民服务大厅坐班，三小时接待群众27人次。", "27人次", "count")
    assert ctx.period == "6月3日"
    assert period_dates("6月3日", published) == (dt.date(2022, 6, 3), dt.date(2022, 6, 3))


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


# -- comparisons with a printed base (rule N2 of the second measurement set) ---------------------

@pytest.mark.parametrize(("sentence", "figure", "base"), [
    ("全镇受理来信来访312件，比上年同期405件少93件。", "405件", "上年同期"),
    ("空气优良天数为211天，去年同期为187天。", "187天", "去年同期"),
    ("共审结民事案件1480件（去年同期为1391件），同比上升6.4%。", "1391件", "去年同期"),
])
def test_the_value_of_a_printed_base_is_a_from(sentence, figure, base):
    ctx = _context(sentence, figure, "count")
    assert (ctx.role, ctx.period, ctx.base) == ("from", base, True)


@pytest.mark.parametrize(("sentence", "figure", "role", "direction"), [
    ("信访总量比去年同期增长4.1%。", "4.1%", "change", "up"),
    ("工业投资增速高于去年同期3.6个百分点。", "3.6个百分点", "change", "up"),
])
def test_a_change_or_a_gap_after_a_base_is_no_base(sentence, figure, role, direction):
    ctx = _context(sentence, figure)
    assert (ctx.role, ctx.direction, ctx.base) == (role, direction, False)


def test_a_base_is_no_period_of_the_other_figures():
    sentence = "空气优良天数为211天，去年同期为187天，距离年度目标还差19天。"
    assert _context(sentence, "211天", "duration").period is None
    assert _context(sentence, "19天", "duration").period is None


# -- gaps, shortfalls, additions since a base --------------------------------------------------

@pytest.mark.parametrize(("sentence", "figure", "direction"), [
    ("全县规上工业增加值增长9.2%，高于全市平均水平2.4个百分点。", "2.4个百分点", "up"),
    ("农村居民收入增速低于全省1.1个百分点。", "1.1个百分点", "down"),
    ("全区人均绿地面积比全省平均水平高12.5%。", "12.5%", "up"),
    ("距离全年目标还差240户。", "240户", "down"),
    ("各项贷款余额比年初新增31.7亿元。", "31.7亿元", "up"),
])
def test_gaps_and_shortfalls_are_changes_with_a_direction(sentence, figure, direction):
    ctx = _context(sentence, figure)
    assert (ctx.role, ctx.direction) == ("change", direction)


def test_a_planned_growth_is_a_target_with_its_direction():
    ctx = _context("今年力争游客接待量较上年增长15%以上。", "15%")
    assert (ctx.role, ctx.direction) == ("target", "up")


@pytest.mark.parametrize(("sentence", "figure", "kind"), [
    ("全县光伏装机容量将达2.4万千瓦。", "达2.4万千瓦", "other"),
    ("据测算，明年全市受理案件或将超过9000件。", "超过9000件", "count"),
])
def test_an_intention_word_before_the_figures_own_qualifier(sentence, figure, kind):
    assert _context(sentence, figure, kind).role == "target"


def test_an_expected_type_of_indicator_is_no_target():
    ctx = _context("上个五年确定的14项预期性指标基本完成。", "14项", "count")
    assert ctx.role == "level"


# -- limits: category thresholds and standards -------------------------------------------------

@pytest.mark.parametrize(("sentence", "figure", "kind"), [
    ("判处五年以上有期徒刑22人。", "五年以上", "duration"),
    ("5000万元以上工业项目投资增长12%。", "5000万元以上", "money"),
    ("全县年收入20万元以上的村达到46个。", "20万元以上", "money"),
    ("受访对象为18周岁以上的常住居民。", "18周岁以上", "age"),
])
def test_a_figure_that_bounds_a_group_is_a_limit(sentence, figure, kind):
    assert _context(sentence, figure, kind).role == "limit"


@pytest.mark.parametrize(("sentence", "figure", "kind", "role"), [
    ("全县年收入达到20万元以上，增长8%。", "20万元以上", "money", "level"),
    ("90%以上的群众认为治安状况良好。", "90%以上", "rate", "level"),
])
def test_a_level_above_a_bound_is_no_category(sentence, figure, kind, role):
    assert _context(sentence, figure, kind).role == role


def test_a_figure_after_a_standard_is_a_limit():
    sentence = "有4个乡镇群众满意率低于市定最低标准90%。"
    assert _context(sentence, "90%").role == "limit"


@pytest.mark.parametrize(("sentence", "figure"), [
    ("1-8月，全县税收收入完成5.3亿元，为年预算的61.2%。", "61.2%"),
    ("1-6月累计完成投资48.2亿元，占年计划投资的57.9%。", "57.9%"),
])
def test_completion_of_a_budget_or_of_planned_spending(sentence, figure):
    assert _context(sentence, figure).role == "completion"


def test_a_planned_amount_after_a_plan_word_is_no_completion():
    ctx = _context("今年完成年度计划投资12亿元。", "12亿元", "money")
    assert ctx.role != "completion"


# -- movements whose ends carry their years --------------------------------------------------

def test_a_movement_between_two_dated_ends():
    sentence = "全院执结案件由2019年的860件增加到2023年的2140件。"
    base = _context(sentence, "860件", "count")
    new = _context(sentence, "2140件", "count")
    assert (base.role, base.direction, base.period) == ("from", "up", "2019年")
    assert (new.role, new.direction, new.period) == ("to", "up", "2023年")


# -- periods -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "figure", "period"), [
    ("今年1月至8月，全市止付涉诈资金2.1亿元。", "2.1亿元", "今年1月至8月"),
    ("今年前8个月全县新增市场主体3120户。", "3120户", "今年前8个月"),
    ("截至11月初，全区共排查隐患1460处。", "1460处", "截至11月初"),
    ("自2023年6月1日平台上线以来，共受理诉求8620件。", "8620件", "自2023年6月1日平台上线以来"),
    ("2019年至2023年间，全县年均增速达6.2%。", "6.2%", "2019年至2023年间"),
    ("从2016年至2020年，全县完成造林8.4万亩。", "8.4万亩", "从2016年至2020年"),
    ("3月1日-5月31日，全县查处酒驾312起。", "312起", "3月1日-5月31日"),
    ("2022年初，全县整合了四家单位。", "四家", "2022年初"),
    ("当日，全村兑换积分860分。", "860分", "当日"),
    ("截至930日，已完成民生实事18件。", "18件", "截至930日"),
    ("“十二五”确定的11项约束性指标全部完成。", "11项", "“十二五”"),
    ("“十四五”期间，全县新增就业1.2万人。", "1.2万人", "“十四五”期间"),
])
def test_more_period_forms(sentence, figure, period):
    assert _context(sentence, figure, "count").period == period


def test_a_compared_year_is_no_period():
    ctx = _context("有71.3%的受访者认为治安好于去年，同比上升4.2个百分点。", "4.2个百分点")
    assert ctx.period is None


def test_a_period_inside_one_item_of_a_list_stays_in_it():
    sentence = ("2024年全县重点项目48个，1-9月完成投资36亿元，占年计划的80%；"
                "其中新开工项目21个，年度计划投资12亿元。")
    assert _context(sentence, "36亿元", "money").period == "1-9月"
    assert _context(sentence, "80%").period == "1-9月"
    assert _context(sentence, "21个", "count").period == "2024年"
    assert _context(sentence, "12亿元", "money").period == "2024年"


def test_a_period_after_figures_of_another_item_is_not_theirs():
    sentence = "确保事故死亡人数下降5%，2025年实现全面达标。"
    assert _context(sentence, "5%").period is None


def test_whole_year_after_a_printed_year_is_that_year():
    sentence = "2024年，全县新建口袋公园12个；全年群众满意度达95.6%。"
    assert _context(sentence, "95.6%").period == "2024年"


@pytest.mark.parametrize(("period", "dates"), [
    ("今年1月至10月", (dt.date(2024, 1, 1), dt.date(2024, 10, 31))),
    ("今年前8个月", (dt.date(2024, 1, 1), dt.date(2024, 8, 31))),
    ("2019年至2023年间", (dt.date(2019, 1, 1), dt.date(2023, 12, 31))),
    ("3月1日-5月31日", (dt.date(2024, 3, 1), dt.date(2024, 5, 31))),
    ("自2023年6月1日平台上线以来", (dt.date(2023, 6, 1), dt.date(2024, 11, 5))),
    ("截至930日", (None, dt.date(2024, 9, 30))),
    ("今天", (dt.date(2024, 11, 5), dt.date(2024, 11, 5))),
    ("2月30日", (None, None)),
    ("2023年至2019年", (None, None)),
])
def test_dates_of_the_new_period_forms(period, dates):
    assert period_dates(period, dt.date(2024, 11, 5)) == dates


def test_the_year_a_multiple_is_of_is_no_period():
    sentence = "全县地区生产总值是2015年的2.1倍。"
    assert _context(sentence, "2.1倍").period is None


# --- set 3 causes (issue 13): own sentences modelled on the constructions met ---------------

@pytest.mark.parametrize(("sentence", "figure", "direction"), [
    # a contribution: 下拉 pulls the whole's growth down although 增速 is a word of growth
    ("建材业下拉全县工业增速0.7个百分点。", "0.7个百分点", "down"),
    ("建材业拉动全县工业增速0.9个百分点。", "0.9个百分点", "up"),
    # the size of a fall that shrank (收窄) is down, one that widened (扩大) up (rule B2)
    ("纺织业产值降幅较上月收窄4.2个百分点。", "4.2个百分点", "down"),
    ("食品价格涨幅比去年同期收窄1.3个百分点。", "1.3个百分点", "down"),
    ("全县工业增速较一季度回升3.5个百分点。", "3.5个百分点", "up"),
])
def test_contributions_and_shrinking_falls(sentence, figure, direction):
    ctx = _context(sentence, figure)
    assert (ctx.role, ctx.direction) == ("change", direction)


@pytest.mark.parametrize(("sentence", "figure", "period"), [
    ("本年油菜籽产量增长6.1%。", "6.1%", "本年"),
    ("今年至目前，全镇发生火情2起。", "2起", "今年至目前"),
    ("元至十月，全区完成税收8.4亿元。", "8.4亿元", "元至十月"),
    # a dateline and the years of a handbook's title are no time of the figures
    ("县融媒体中心5月8日讯 全县已发放补贴320万元。", "320万元", None),
    ("依照2021年—2023年《测评细则》，共抽查点位64个。", "64个", None),
])
def test_periods_of_set_three(sentence, figure, period):
    assert _context(sentence, figure, kind="count").period == period


def test_a_base_value_in_brackets_is_the_from_end():
    sentence = "全镇工业产值增长-4.1%，较上月(-6.3%)回升2.2个百分点。"
    base = _context(sentence, "-6.3%", value=-6.3)
    assert (base.role, base.period) == ("from", "上月")
    gap = _context(sentence, "2.2个百分点")
    assert (gap.role, gap.direction) == ("change", "up")


@pytest.mark.parametrize(("sentence", "figure", "kind", "role"), [
    # a share of a task or a plan done, the verb 完成 shared with the item before
    ("完成省下达目标任务的112%，市下达目标任务的104%。", "104%", "rate", "completion"),
    ("累计完成投资6.3亿元，占年度投资计划比例81.5%。", "81.5%", "rate", "completion"),
    # a started/finished rate against a task printed in the sentence; an amount done is a level
    ("全镇改造任务为960户，已开工980户，开工率达102.1%。", "102.1%", "rate", "completion"),
    ("全区已完成农村道路硬化任务38公里。", "38公里", "length", "level"),
    # without a printed task, a started rate is a share of ordinary totals
    ("签约项目40个，项目开工率62.5%。", "62.5%", "rate", "level"),
    # the size of a task, an excess over it, a ceiling of a reward
    ("占全年5200户任务数的64%。", "5200户", "count", "target"),
    ("开工数超任务数85户。", "85户", "count", "change"),
    ("提供有效线索者最高可获三万元奖励。", "三万元", "money", "limit"),
])
def test_tasks_completions_and_ceilings(sentence, figure, kind, role):
    assert _context(sentence, figure, kind=kind).role == role


def test_a_closing_quotation_mark_ends_a_quotation_begun_earlier():
    text = "合作社今年收了两千斤。”他笑着说。"
    assert quoted_spans(text) == [(0, text.index("”") + 1)]


def test_a_multiple_of_a_base_is_a_change():
    ctx = _context("到位资金是上年同期的3.5倍。", "3.5倍", value=3.5)
    assert (ctx.role, ctx.direction) == ("change", "up")


@pytest.mark.parametrize(("sentence", "figure", "period"), [
    # the later base of a list of bases is no period of the figures
    ("前三季度，增速较上半年和1-8月分别提高2.1和0.6个百分点。", "0.6个百分点", "前三季度"),
    # a deadline keeps its 前; a gazetteer's year is a period
    ("各乡镇9月15日前入户率必须达到100%。", "100%", "9月15日前"),
    ("1988年，全乡茶叶产量 5210 千克。", "5210 千克", "1988年"),
])
def test_list_bases_deadlines_and_old_years(sentence, figure, period):
    assert _context(sentence, figure).period == period


def test_a_deadline_requirement_is_a_target():
    assert _context("各乡镇9月15日前入户率必须达到100%。", "100%").role == "target"


@pytest.mark.parametrize(("period", "dates"), [
    ("9月15日前", (None, dt.date(2022, 9, 15))),
    ("元至八月", (dt.date(2022, 1, 1), dt.date(2022, 8, 31))),
    ("今年至目前", (dt.date(2022, 1, 1), dt.date(2022, 10, 20))),
    ("本年", (dt.date(2022, 1, 1), dt.date(2022, 12, 31))),
    ("1988年", (dt.date(1988, 1, 1), dt.date(1988, 12, 31))),
])
def test_dates_of_set_three_periods(period, dates):
    assert period_dates(period, dt.date(2022, 10, 20)) == dates


def test_a_count_of_standards_is_no_limit():
    assert _context("检查内容标准214个。", "214个", kind="count").role == "level"
    assert _context("低保补助最低标准为620元。", "620元", kind="money").role == "limit"


@pytest.mark.parametrize(("sentence", "figure", "kind"), [
    ("新招引亿元以上项目不少于5个。", "5个", "count"),
    ("确保农村饮水水质达标率不低于92%。", "92%", "rate"),
])
def test_a_floor_in_a_plan_is_a_target_not_a_gap(sentence, figure, kind):
    ctx = _context(sentence, figure, kind=kind)
    assert (ctx.role, ctx.direction) == ("target", None)


def test_a_figure_named_as_a_target_after_a_gap_is_the_target():
    sentence = "上半年全镇财政收入增长6.5%，低于年度9%的目标2.5个百分点。"
    assert (_context(sentence, "9%").role, _context(sentence, "9%").direction) == ("target", None)
    gap = _context(sentence, "2.5个百分点")
    assert (gap.role, gap.direction) == ("change", "down")


def test_figures_of_a_quoted_aim_are_targets():
    sentence = "会上明确“火灾起数减少10%、亡人数减少一半”的硬任务。"
    ctx = _context(sentence, "10%")
    assert (ctx.role, ctx.direction) == ("target", "down")
    # quoted words that are no aim keep their role
    said = "村民说“今年收成增长了20%”，笑得合不拢嘴。"
    assert _context(said, "20%").role == "change"


def test_an_excess_over_the_time_schedule_is_a_rise():
    ctx = _context("财政收入完成年初预算的61%，超序时进度2.7个百分点。", "2.7个百分点")
    assert (ctx.role, ctx.direction) == ("change", "up")


def test_a_larger_units_growth_in_brackets_is_a_change_beside_the_figures():
    sentence = "全镇社会消费品零售总额同比增长6.2%(全市5.8%),增速较一季度加快1.1个百分点。"
    ctx = _context(sentence, "5.8%")
    assert (ctx.role, ctx.direction) == ("change", "up")


def test_falling_behind_a_benchmark_is_a_gap_down():
    ctx = _context("全年全镇工业增速落后于全县平均水平2.3个百分点。", "2.3个百分点")
    assert (ctx.role, ctx.direction) == ("change", "down")


def test_a_planned_sum_printed_with_its_share_done():
    sentence = "税收收入完成8120万元,占年初预算数15000万元的54.1%。"
    assert _context(sentence, "15000万元", "money").role == "target"
    assert _context(sentence, "54.1%").role == "completion"


def test_a_ratio_moving_from_a_base_period_to_a_new_level():
    sentence = "城乡居民收入比继续缩小,由上年同期的2.31:1下降为2.26:1。"
    start = sentence.index("2.31")
    base = figure_context(sentence, start, start + 4, kind="other")
    assert (base.role, base.direction) == ("from", "down")
    start = sentence.index("2.26")
    new = figure_context(sentence, start, start + 4, kind="other")
    assert (new.role, new.direction) == ("to", "down")


@pytest.mark.parametrize(("sentence", "figure", "period"), [
    # the end of a month a stock is taken at
    ("6月末，全镇各项贷款余额18.6亿元。", "18.6亿元", "6月末"),
    # a date counted to, printed as a clause of its own, holds for the later segments
    ("2024年全乡改厕任务为900户，截至8月15日，已开工760户；完工612户，完工率68%。", "612户",
     "截至8月15日"),
    # the year of a plan is no period of the share done
    ("截至6月30日，全县已开工3200户，占今年5000户任务数的64%。", "64%", "截至6月30日"),
])
def test_periods_of_month_ends_dates_counted_to_and_plans(sentence, figure, period):
    kind = "rate" if figure.endswith("%") else "money" if "元" in figure else "count"
    assert _context(sentence, figure, kind).period == period


# --- a task's size printed inside its completion is the target ----------------------------------

@pytest.mark.parametrize(("sentence", "figure", "kind"), [
    ("新增城镇就业3120人，完成全年目标任务3000人的104%。", "3000人", "count"),
    ("招商引资到位资金6.2亿元，完成年目标任务5亿元的124%。", "5亿元", "money"),
])
def test_task_size_before_its_share_is_a_target(sentence, figure, kind):
    assert _context(sentence, figure, kind).role == "target"


def test_amount_done_before_a_share_stays_a_level():
    sentence = "全年完成造林1.2万亩，占省定任务的110%。"
    assert _context(sentence, "1.2万亩", "area").role == "level"


@pytest.mark.parametrize(("sentence", "figure"), [
    ("环城北路提升改造完成工程量76%。", "76%"),
    ("污水管网改造项目已完成45%。", "45%"),
])
def test_share_of_work_done_right_after_complete_is_a_completion(sentence, figure):
    ctx = _context(sentence, figure)
    assert (ctx.role, ctx.direction) == ("completion", None)


def test_growth_after_complete_stays_a_change():
    ctx = _context("完成工业投资同比增长18%。", "18%")
    assert (ctx.role, ctx.direction) == ("change", "up")
