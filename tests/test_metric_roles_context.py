"""Roles and labels that need more than the words right before a figure (issue 13: roles from
wider context): an intention still to come (下一步将, 还将), a base restated after the verb of
what it counts (较上年同期查处365起上升), the larger unit's growth in brackets after a gap in
points, the progress of a plan (完成进度, 完成总里程的), the growth a plan aims at and the rank of
a growth rate.

Sentences written for these tests, modelled on constructions of county reports."""

from __future__ import annotations

import pytest
from figured import context_of as _context

from helpers import metrics
from helpers.metric_context import figure_context


def _rows(sentence: str) -> list[dict[str, object]]:
    return [r for r in metrics.extract_from_text(sentence) if r["kind"] != "date"]


def _row(sentence: str, value: float) -> dict[str, object]:
    found = [r for r in _rows(sentence) if r["value"] == value]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(("sentence", "figure", "kind", "role"), [
    ("下一步将组织8场农产品展销活动。", "8场", "count", "target"),
    ("镇里今年还将采购约15万元的帮扶产品。", "15万元", "money", "target"),
    # 将 as the marker of what is acted on (将…纳入) tells of a thing done
    ("民政所将320户纳入低保范围。", "320户", "count", "level"),
    # no intention word at all: a thing done
    ("镇里今年采购帮扶产品15万元。", "15万元", "money", "level"),
])
def test_what_is_still_to_come_is_a_target(sentence, figure, kind, role):
    assert _context(sentence, figure, kind).role == role


def test_a_base_restated_after_its_verb_is_the_from_of_the_current_count():
    sentence = "全县查处违法案件420起，较上年同期查处365起上升15.1%。"
    now, base, rate = _row(sentence, 420), _row(sentence, 365), _row(sentence, 15.1)
    assert (now["role"], base["role"]) == ("to", "from")
    assert now["pair"] is not None and now["pair"] == base["pair"]
    assert now["direction"] == base["direction"] == "up"
    assert base["period"] == "上年同期"
    assert (rate["role"], rate["direction"]) == ("change", "up")


def test_a_restated_base_of_a_fall_points_down():
    sentence = "抓获各类嫌疑人512人，较去年同期抓获600人下降14.7%。"
    assert _row(sentence, 600)["role"] == "from"
    assert _row(sentence, 512)["direction"] == "down"


@pytest.mark.parametrize("sentence", [
    "全县查处违法案件420起，较上年同期增长15%。",  # the verb is the change's: no base
    "全县查处违法案件420起，较上年同期多查处55起。",  # 多 names the change
])
def test_a_change_verb_after_the_base_period_is_no_restated_base(sentence):
    assert not any(r["role"] == "from" for r in _rows(sentence))


def test_the_growth_in_brackets_after_a_gap_in_points_is_a_change():
    sentence = "城镇居民收入居全市第4位；增幅比全市低1.2个百分点(全市为6.8%)，比全省低0.9个百分点(全省为6.5%)。"
    for figure in ("6.8%", "6.5%"):
        start = sentence.index(figure)
        ctx = figure_context(sentence, start, start + len(figure), kind="rate", value=float(
            figure[:-1]))
        assert (ctx.role, ctx.direction) == ("change", "up")


def test_a_larger_units_level_in_brackets_stays_a_level():
    # a gap in yuan: the bracket holds the province's income, no growth
    sentence = "人均收入12000元，比全省低800元(全省为12800元)。"
    assert _context(sentence, "12800元", "money").role == "level"
    # a gap in points of a rate that is no growth: the bracket holds the rate
    sentence = "城镇化率比全省低1.5个百分点(全省为61.2%)。"
    assert _context(sentence, "61.2%").role == "level"


@pytest.mark.parametrize(("sentence", "figure", "role"), [
    ("一般预算收入完成进度为58.3%。", "58.3%", "completion"),
    ("已完成道路改造45公里，完成总里程的27%。", "27%", "completion"),
    ("已完成道路改造45公里，占全县道路的27%。", "27%", "level"),
])
def test_the_progress_of_a_plan_is_a_completion(sentence, figure, role):
    assert _context(sentence, figure).role == role


def test_the_length_done_before_its_share_stays_a_level():
    sentence = "已完成道路改造45公里，完成总里程的27%。"
    assert _context(sentence, "45公里", "length").role == "level"


def test_a_growth_aimed_at_names_the_growth_rate():
    row = _row("力争地区生产总值增长8%，全面完成各项任务。", 8)
    assert (row["role"], row["direction"]) == ("target", "up")
    assert str(row["indicator"]).endswith("增速")
    assert "地区生产总值" in str(row["indicator"])


def test_a_fall_aimed_at_keeps_its_name_as_a_fall_does():
    row = _row("确保全年安全生产事故起数下降10%。", 10)
    assert row["role"] == "target"
    assert not str(row["indicator"]).endswith("增速")


@pytest.mark.parametrize("sentence", [
    "全县固定资产投资同比增长9.0%，增速全市第一。",
    "规上工业增加值12.5亿元，同比增长1.5%，增速位居全市第二。",
])
def test_the_rank_of_a_growth_rate_names_the_growth_rate(sentence):
    rank = next(r for r in _rows(sentence) if r["kind"] == "rank")
    assert "增速" in str(rank["indicator"])
    assert "排名" in str(rank["indicator"])


def test_the_rank_of_a_level_names_no_growth():
    rank = next(r for r in _rows("全县固定资产投资86亿元，总量全市第一。") if r["kind"] == "rank")
    assert "增速" not in str(rank["indicator"])


# --- labels of counts and measures named by what stands around them ---------------------------

@pytest.mark.parametrize(("sentence", "value", "label"), [
    ("今年全县320名对象享受重度残疾人护理补贴，另有95名对象享受困难残疾人生活补贴。", 320,
     "享受重度残疾人护理补贴人数"),
    ("今年全县320名对象享受重度残疾人护理补贴，另有95名对象享受困难残疾人生活补贴。", 95,
     "享受困难残疾人生活补贴人数"),
    ("全镇共有812户1520人享受农村低保，发放低保金260万元。", 812, "享受农村低保户数"),
    ("全镇共有812户1520人享受农村低保，发放低保金260万元。", 1520, "享受农村低保人数"),
])
def test_a_count_of_holders_is_named_by_what_they_receive(sentence, value, label):
    assert _row(sentence, value)["indicator"] == label


def test_holders_doing_something_else_keep_their_noun():
    row = _row("全县有320名对象参加了技能培训。", 320)
    assert "享受" not in str(row["indicator"])


@pytest.mark.parametrize(("sentence", "value", "label"), [
    ("全县水果种植面积为5200亩，产量为8300吨，平均亩产量为1596公斤。", 8300, "水果产量"),
    ("全县水果种植面积为5200亩，产量为8300吨，平均亩产量为1596公斤。", 1596, "水果平均亩产量"),
    ("其中，梨800公顷，预计总产量可达6000吨。", 6000, "梨总产量"),
    ("全年小麦播种面积2100公顷，产量9800吨；油菜600公顷，增长2.0%，产量1500吨。", 9800, "小麦产量"),
    ("全年小麦播种面积2100公顷，产量9800吨；油菜600公顷，增长2.0%，产量1500吨。", 1500, "油菜产量"),
])
def test_a_measure_named_alone_takes_the_subject_named_before(sentence, value, label):
    assert _row(sentence, value)["indicator"] == label


def test_a_verb_before_the_first_figure_lends_no_subject():
    # the crop follows its figure: 合作社种 is no subject of the output
    row = _row("合作社种了500多亩红薯，今年总产量预计可达150万斤。", 150)
    assert "种" not in str(row["indicator"])


@pytest.mark.parametrize(("sentence", "value", "label"), [
    ("约谈干部12人、问责5人。", 5, "问责人数"),
    ("共约谈8人。", 8, "约谈人数"),
    ("已问责3人。", 3, "问责人数"),
])
def test_persons_counted_by_an_action_alone_are_its_number(sentence, value, label):
    assert _row(sentence, value)["indicator"] == label


def test_persons_named_by_a_noun_keep_it():
    assert _row("约谈干部12人、问责5人。", 12)["indicator"] == "约谈干部"


# --- roles of listed completions, gaps above a benchmark, bases and categories ----------------

def test_every_member_of_a_listed_completion_is_one():
    sentence = "三级收入完成进度分别为60.5%、62.1%、70.3%。"
    for figure in ("60.5%", "62.1%", "70.3%"):
        assert _context(sentence, figure).role == "completion"


@pytest.mark.parametrize(("sentence", "figure", "role", "direction"), [
    ("其中地方级增幅最大，超省级6个百分点。", "6个百分点", "change", "up"),
    ("收入增速超全省平均2个百分点。", "2个百分点", "change", "up"),
    # a rate above a bound in per cent, no gap in points: the rate reached
    ("全县污水处理率超过90%。", "90%", "level", None),
])
def test_a_gap_above_a_benchmark_in_points_is_a_rise(sentence, figure, role, direction):
    ctx = _context(sentence, figure)
    assert (ctx.role, ctx.direction) == (role, direction)


def test_a_base_of_the_year_it_stood_in_is_the_from():
    sentence = "发放量由当年500万元增长到今年的3000万元。"
    base, now = _row(sentence, 500), _row(sentence, 3000)
    assert (base["role"], now["role"]) == ("from", "to")
    assert base["direction"] == now["direction"] == "up"


@pytest.mark.parametrize(("sentence", "figure", "direction"), [
    ("预计总产量6000吨，比上年增产10%。", "10%", "up"),
    ("受旱情影响，全县粮食比上年减产8%。", "8%", "down"),
])
def test_more_or_less_output_is_a_direction(sentence, figure, direction):
    ctx = _context(sentence, figure)
    assert (ctx.role, ctx.direction) == ("change", direction)


def test_a_size_class_of_firms_is_a_threshold():
    sentence = "全县2000万元规模以上的企业共实现产值12亿元。"
    assert _context(sentence, "2000万元", "money").role == "limit"
    assert _context(sentence, "12亿元", "money").role == "level"


def test_standard_coal_is_a_unit_not_a_standard():
    sentence = "全县规上工业综合能耗达12000吨标准煤，同比增长2.1%。"
    assert _context(sentence, "12000吨", "weight").role == "level"
    # a standard set for a rate stays a limit
    assert _context("城市污水处理率须达到85%标准。", "85%").role == "limit"


# --- a larger unit's value in brackets after a gap to it ---------------------------------------

def test_the_larger_units_value_is_named_by_what_the_gap_compares():
    sentence = ("上半年全县农村居民人均可支配收入比全市低300元(全市为15200元)，"
                "比全省高900元(全省为14000元)。")
    assert _row(sentence, 15200)["indicator"] == "农村居民人均可支配收入"
    assert _row(sentence, 14000)["indicator"] == "农村居民人均可支配收入"
    # the second gap names what the first one compares
    assert str(_row(sentence, 900)["indicator"]).startswith("农村居民人均可支配收入比全省高")


def test_the_county_named_before_the_gap_is_not_the_larger_units():
    sentence = "上半年某某县城镇居民人均可支配收入比全市低500元(全市为30500元)。"
    assert _row(sentence, 30500)["indicator"] == "城镇居民人均可支配收入"


def test_a_larger_units_growth_after_a_growth_keeps_the_growths_name():
    # no gap before the bracket: the larger unit's value of the growth printed before it
    row = _row("农业增加值增长5.2%(全市为4.1%)。", 4.1)
    assert (row["role"], row["indicator"]) == ("change", "农业增加值增速")


def test_the_rank_after_gaps_names_what_they_compare():
    sentence = ("上半年全县农村居民人均可支配收入比全市低300元(全市为15200元)，"
                "比全省高900元(全省为14000元)，在全市排第6位。")
    rank = next(r for r in _rows(sentence) if r["kind"] == "rank")
    assert rank["indicator"] == "农村居民人均可支配收入全市排名"


def test_a_share_owns_no_investment():
    sentence = "目前，乡村道路已完成40公里，完成总里程的25%，完成投资3100万元。"
    assert _row(sentence, 3100)["indicator"] == "乡村道路投资"
    sentence = "重点项目50个，总投资178.7亿元。"
    assert _row(sentence, 178.7)["indicator"] == "重点项目总投资"


@pytest.mark.parametrize(("sentence", "value", "label"), [
    ("上级下达我县农村道路建设项目28条160公里，目前已全部动工。", 160, "上级下达我县农村道路建设项目"),
    ("全县共实施农村公路项目40条150公里。", 150, "实施农村公路项目"),
])
def test_a_length_printed_right_after_a_count_is_of_what_was_counted(sentence, value, label):
    assert _row(sentence, value)["indicator"] == label


@pytest.mark.parametrize(("sentence", "value", "label"), [
    ("全区累计发放320.5万元供养金。", 320.5, "发放供养金"),
    ("全县投入300万元资金。", 300, "投入资金"),
])
def test_money_named_by_a_verb_alone_takes_the_noun_after_it(sentence, value, label):
    assert _row(sentence, value)["indicator"] == label


def test_persons_after_a_verb_are_no_money_paid():
    # the name a later change borrows is read as if of money: 人 is no noun paid
    sentence = "全县发生生产安全事故5起，死亡1人，同比减少1人。"
    assert all(r["indicator"] != "死亡人" for r in _rows(sentence))
