"""Direction, role and period of figures in constructions of round 11 (issue 13): a lone end of a
movement reached by a verb that names no direction or through a per-unit base, and a time a rule
now allows after a cut.

Sentences written for these tests, modelled on constructions of county and town reports."""

from __future__ import annotations

import pytest
from figured import context_of as _context

from helpers.metrics import extract_from_text


def _rows(text: str) -> list[dict]:
    return [r for r in extract_from_text(text) if r["kind"] != "date"]


@pytest.mark.parametrize(("sentence", "figure", "kind", "direction"), [
    ("全乡茶叶种植已发展至3200余亩。", "3200余亩", "area", "up"),
    ("今年鲜桃已涨到一斤5元。", "5元", "money", "up"),
    ("入冬后白菜已跌至每公斤1.2元。", "1.2元", "money", "down"),
])
def test_a_lone_end_of_a_movement_is_a_to_with_its_direction(sentence, figure, kind, direction):
    ctx = _context(sentence, figure, kind)
    assert (ctx.role, ctx.direction) == ("to", direction)


def test_a_development_without_a_movement_word_stays_a_level():
    ctx = _context("全乡茶叶种植面积3200余亩。", "3200余亩", "area")
    assert (ctx.role, ctx.direction) == ("level", None)


def test_a_cut_to_a_time_within_is_a_limit_and_a_cut_to_a_count_a_movement():
    sentence = "不动产登记材料从9份精简至3份，办结时间压缩至3个工作日内。"
    rows = {(r["value"], r["unit"]): r for r in _rows(sentence)}
    old, new = rows[(9.0, "份")], rows[(3.0, "份")]
    assert (new["role"], new["direction"]) == ("to", "down")
    assert old["role"] == "from"
    assert old["pair"] is not None and old["pair"] == new["pair"]
    assert (rows[(3.0, "个工作日")]["role"], rows[(3.0, "个工作日")]["pair"]) == ("limit", None)


def test_a_cut_to_a_time_without_within_stays_the_end_of_the_movement():
    ctx = _context("办结时间由7个工作日压缩至3个工作日。", "3个工作日", "duration")
    assert (ctx.role, ctx.direction) == ("to", "down")


@pytest.mark.parametrize(("sentence", "figure", "kind"), [
    ("全镇为70周岁及以上老年人免费发放电热毯。", "70周岁", "age"),
    ("去年新签约注册资本五千万元以上12家。", "五千万元", "money"),
    ("全区引进企业60家，其中超千万元企业9家。", "超千万元", "money"),
])
def test_the_bound_of_a_category_counted_is_a_limit(sentence, figure, kind):
    assert _context(sentence, figure, kind).role == "limit"


@pytest.mark.parametrize(("sentence", "figure", "kind"), [
    ("全镇70周岁老人王某领到电热毯。", "70周岁", "age"),
    ("去年新签约注册资本五千万元，其中外资12家。", "五千万元", "money"),
    ("全区企业营收超千万元，带动就业9000人。", "超千万元", "money"),
])
def test_an_amount_not_followed_by_its_category_stays_a_level(sentence, figure, kind):
    assert _context(sentence, figure, kind).role == "level"


def test_later_items_of_a_plan_list_are_aimed_at_as_the_item_before():
    sentence = ("今后三年，全乡将力争农业总产值年均增长6%左右，到2027年达到12亿元，"
                "农村面貌进一步改善，绿色食品占比40%，家庭农场达80家，持续巩固脱贫成果。")
    assert _context(sentence, "40%").role == "target"
    assert _context(sentence, "80家", "count").role == "target"


def test_a_growth_after_a_planned_growth_is_aimed_at_too():
    sentence = "力争全镇税收增长9%以上，农民人均收入分别增长7%、8%以上。"
    ctx = _context(sentence, "7%")
    assert (ctx.role, ctx.direction) == ("target", "up")


@pytest.mark.parametrize(("sentence", "figure", "kind", "role"), [
    # a base of comparison, a period or a word of achievement: told as done
    ("力争全镇税收增长9%以上，农民人均收入同比增长7%。", "7%", "rate", "change"),
    ("力争全年产值达到12亿元，目前已达80家企业入驻。", "80家", "count", "level"),
    ("力争全年产值达到12亿元，1-6月产值达到5亿元。", "5亿元", "money", "level"),
    # no target before
    ("全乡农业总产值增长6%，绿色食品占比40%。", "40%", "rate", "level"),
])
def test_items_told_as_done_after_a_plan_keep_their_role(sentence, figure, kind, role):
    assert _context(sentence, figure, kind).role == role


@pytest.mark.parametrize(("sentence", "number"), [
    ("过去五年，全镇新建道路48公里。", 5.0),
    ("三年间全县新增市场主体1.2万户。", 3.0),
    ("从近四年的增速来看，全区工业产值今年或将突破90亿元。", 4.0),
    ("一季度全县地区生产总值同比增长6%，两年平均增长4.8%。", 2.0),
])
def test_a_span_a_report_looks_back_over_is_no_quantity(sentence, number):
    assert not [r for r in _rows(sentence) if r["kind"] == "duration" and r["value"] == number]


@pytest.mark.parametrize(("sentence", "number"), [
    ("该项目建设期五年，总投资3亿元。", 5.0),
    ("困扰居民近15年的积水问题今年得到解决。", 15.0),  # how long it lasted
])
def test_a_span_of_work_done_or_endured_stays_a_duration(sentence, number):
    rows = _rows(sentence)
    assert [r["value"] for r in rows if r["kind"] == "duration"] == [number]
