"""Roles of figures near words of ceilings, deadlines, thresholds and plans that do not always
mean what they seem: 控制在 with and without its bound, a time allowed for an action, the bound of
a category counted after it, 争取到 (obtained) against 争取 (strive), quality rates named 完成率.

Sentences written for these tests, modelled on constructions of county reports."""

from __future__ import annotations

import pytest
from figured import context_of as _context

from helpers.metric_context import figure_context


def _role(sentence: str, figure: str, kind: str = "rate") -> str:
    return _context(sentence, figure, kind).role


@pytest.mark.parametrize(("sentence", "figure", "kind", "role"), [
    ("年末全镇登记失业率控制在2.9%。", "2.9%", "rate", "level"),
    ("年末全镇登记失业率控制在3.5%以内。", "3.5%", "rate", "limit"),
    ("今年全镇登记失业率力争控制在3.5%。", "3.5%", "rate", "target"),
    ("剩余污染天数须控制在5天内。", "5天", "duration", "limit"),
])
def test_a_ceiling_needs_its_bound(sentence, figure, kind, role):
    assert _role(sentence, figure, kind) == role


@pytest.mark.parametrize(("sentence", "figure", "role"), [
    ("窗口人员须在3个工作日内办结。", "3个工作日", "limit"),
    ("整改工作在6个月内全部完成。", "6个月", "limit"),
    ("连续21天内未出现新增病例。", "21天", "level"),
    ("全乡用时两年建成示范带。", "两年", "level"),
])
def test_a_time_allowed_for_an_action_is_a_limit(sentence, figure, role):
    assert _role(sentence, figure, "duration") == role


@pytest.mark.parametrize(("sentence", "figure", "role"), [
    ("新签约超5亿元项目8个。", "5亿元", "limit"),
    ("村集体经济收入超20万元的村有14个。", "20万元", "limit"),
    ("全年完成投资超5亿元，同比增长6%。", "5亿元", "level"),
    ("全年税收不超过5亿元。", "5亿元", "limit"),
])
def test_an_amount_bounding_a_category_counted_after_it_is_a_limit(sentence, figure, role):
    assert _role(sentence, figure, "money") == role


@pytest.mark.parametrize(("sentence", "role"), [
    ("全县共争取到上级补助资金3.6亿元。", "level"),
    ("全县今年争取上级补助资金3.6亿元。", "target"),
    ("争取到2027年实现旅游收入3.6亿元。", "target"),
])
def test_obtained_is_no_aim(sentence, role):
    assert _role(sentence, "3.6亿元", "money") == role


@pytest.mark.parametrize(("sentence", "role"), [
    ("热线工单按期完成率96.4%。", "level"),
    ("热线工单一次完成率96.4%。", "level"),
    ("年度重点项目完成率96.4%。", "completion"),
])
def test_a_rate_of_work_done_on_time_is_a_level(sentence, role):
    assert _role(sentence, "96.4%") == role


@pytest.mark.parametrize(("sentence", "figure", "kind", "role"), [
    ("考评得分低于90分的单位有6家。", "90分", "score", "limit"),
    ("群众满意率不足85%的乡镇共4个。", "85%", "rate", "limit"),
    ("全镇群众满意率高于全县平均水平3个百分点。", "3个百分点", "rate", "change"),
])
def test_a_bound_naming_a_group_of_units_is_a_limit(sentence, figure, kind, role):
    assert _role(sentence, figure, kind) == role


def test_the_count_of_a_group_a_bound_names_is_no_gap():
    start = "低于98分高于90分的单位共9家。".index("9家")
    ctx = figure_context("低于98分高于90分的单位共9家。", start, start + 2, kind="count")
    assert (ctx.role, ctx.direction) == ("level", None)


@pytest.mark.parametrize(("sentence", "role"), [
    ("力争全年完成工业投资60亿元，增长12%。", "target"),
    ("全年完成工业投资60亿元，增长12%。", "change"),
    ("年度目标是完成工业投资60亿元，截至9月底已完成45亿元，增长12%。", "change"),
])
def test_a_growth_told_after_an_amount_aimed_at_is_aimed_at(sentence, role):
    assert _role(sentence, "12%") == role


@pytest.mark.parametrize(("sentence", "figure", "direction"), [
    ("全镇受理投诉同比多出14件。", "14件", "up"),
    ("全镇火灾比上年同期少发生3起。", "3起", "down"),
    ("全镇受理投诉比上月少了9件。", "9件", "down"),
])
def test_more_and_fewer_with_a_verb_after_them(sentence, figure, direction):
    start = sentence.index(figure)
    ctx = figure_context(sentence, start, start + len(figure), kind="count")
    assert (ctx.role, ctx.direction) == ("change", direction)


@pytest.mark.parametrize(("sentence", "figure", "kind", "role"), [
    ("今年全乡计划投入资金860万元,新建村道12公里,改造危房35户。", "12公里", "length", "target"),
    ("今年全乡计划投入资金860万元,新建村道12公里,改造危房35户。", "35户", "count", "target"),
    ("今年全乡投入资金860万元,新建村道12公里,改造危房35户。", "35户", "count", "level"),
    ("今年全乡计划投入资金860万元,完成620万元。", "620万元", "money", "level"),
    ("今年全乡计划投入资金860万元,截至6月底已新建村道12公里。", "12公里", "length", "level"),
])
def test_the_later_works_of_a_plan_are_aimed_at(sentence, figure, kind, role):
    assert _role(sentence, figure, kind) == role


@pytest.mark.parametrize(("sentence", "figure", "direction"), [
    ("全镇财政较上年多收入860万元。", "860万元", "up"),
    ("全镇财政比上年少支出120万元。", "120万元", "down"),
])
def test_more_or_less_of_an_action_than_the_base(sentence, figure, direction):
    start = sentence.index(figure)
    ctx = figure_context(sentence, start, start + len(figure), kind="money")
    assert (ctx.role, ctx.direction) == ("change", direction)


def test_many_measures_is_no_comparison():
    start = "全镇多措并举投入资金860万元。".index("860万元")
    ctx = figure_context("全镇多措并举投入资金860万元。", start, start + 6, kind="money")
    assert (ctx.role, ctx.direction) == ("level", None)


@pytest.mark.parametrize(("sentence", "figure", "kind", "role"), [
    ("重点项目中进度滞后的有3项。", "3项", "count", "level"),
    ("力争全年完成重点项目12项。", "12项", "count", "target"),
])
def test_how_many_of_a_plans_items_hold_a_state_is_a_count(sentence, figure, kind, role):
    assert _role(sentence, figure, kind) == role


@pytest.mark.parametrize(("sentence", "role"), [
    ("未达到“矛盾纠纷化解率保持在92%以上”要求的乡镇有2个。", "limit"),
    ("全年矛盾纠纷化解率保持在92%以上，要求各乡镇巩固成果。", "level"),
])
def test_the_value_of_a_requirement_is_a_limit(sentence, role):
    assert _role(sentence, "92%") == role


@pytest.mark.parametrize(("sentence", "figure", "role"), [
    ("全县启动为期两年的农村人居环境整治。", "两年", "target"),
    ("改造任务分三年实施。", "三年", "target"),
    ("他参加了为期两年的脱产进修。", "两年", "level"),
    ("全县举办为期5天的业务培训。", "5天", "level"),
])
def test_the_years_a_campaign_is_planned_over_are_aimed_at(sentence, figure, role):
    assert _role(sentence, figure, "duration") == role
