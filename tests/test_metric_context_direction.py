"""Direction and role of figures in constructions the first word lists missed: a fall printed by
its sign alone, a growth that slows, a list of figures parted by commas, a growth bounded from
below in a plan, and direction words inside the name of a campaign or a works programme.

Sentences written for these tests, modelled on constructions of county reports."""

from __future__ import annotations

import pytest
from figured import context_of as _context

from helpers.metrics import extract_from_text


def test_a_sign_alone_prints_a_fall():
    sentence = "全镇税收收入4.1亿元，非税收入0.6亿元，较上年分别-3.4%、-12.8%。"
    assert _context(sentence, "-3.4%", value=-3.4).direction == "down"
    assert _context(sentence, "-12.8%", value=-12.8).direction == "down"


def test_a_positive_change_without_word_keeps_no_direction():
    ctx = _context("全镇税收收入同比8.4%。", "8.4%", value=8.4)
    assert (ctx.role, ctx.direction) == ("change", None)


@pytest.mark.parametrize(("sentence", "figure", "direction"), [
    ("一季度全区规上工业增速放缓1.4个百分点。", "1.4个百分点", "down"),
    ("一季度全区规上工业增速减缓0.6个百分点。", "0.6个百分点", "down"),
    ("全区外贸出口负增长4.2%。", "4.2%", "down"),
    ("猪肉价格同比涨6.5%。", "6.5%", "up"),
    ("蔬菜价格同比跌2.3%。", "2.3%", "down"),
    ("全年工业用电量反弹3.3%。", "3.3%", "up"),
])
def test_words_of_slowing_and_prices(sentence, figure, direction):
    ctx = _context(sentence, figure)
    assert (ctx.role, ctx.direction) == ("change", direction)


@pytest.mark.parametrize(("sentence", "figure", "direction"), [
    ("一季度外贸增速下滑至2.4%。", "2.4%", "down"),
    ("猪肉均价由每公斤24元上涨至31元。", "31元", "up"),
    ("全区消费降幅收窄至1.2%。", "1.2%", "down"),
])
def test_a_verb_reaching_a_new_level_makes_it_the_end_of_the_movement(sentence, figure,
                                                                     direction):
    ctx = _context(sentence, figure, kind="money" if figure.endswith("元") else "rate")
    assert (ctx.role, ctx.direction) == ("to", direction)


def test_a_slowing_growth_is_no_rise_although_it_names_growth():
    ctx = _context("全镇固定资产投资增速比上月放缓2.2个百分点。", "2.2个百分点")
    assert ctx.direction == "down"
    ctx = _context("全镇固定资产投资增速比上月加快2.2个百分点。", "2.2个百分点")
    assert ctx.direction == "up"


@pytest.mark.parametrize("verb, direction", [("增长", "up"), ("下降", "down")])
def test_members_of_a_list_parted_by_commas_are_read_as_the_first(verb, direction):
    sentence = f"两镇财政收入同比分别{verb}4.5%,7.5%,全年运行平稳。"
    for figure in ("4.5%", "7.5%"):
        ctx = _context(sentence, figure)
        assert (ctx.role, ctx.direction) == ("change", direction)


def test_a_list_without_its_own_subject_takes_the_clause_before():
    sentence = "从前三个季度看,全区社零总额的增幅稳定在6%左右,分别为5.8%,6.1%,6.3%。"
    for figure in ("5.8%", "6.1%", "6.3%"):
        ctx = _context(sentence, figure)
        assert (ctx.role, ctx.direction) == ("change", "up")
    levels = "全区三个街道的人口分别为1.2万人,2.4万人,3.1万人。"
    for figure in ("2.4万人", "3.1万人"):
        assert _context(levels, figure, kind="count").role == "level"


def test_a_growth_bounded_from_below_without_a_period_is_aimed_at():
    ctx = _context("推动服务业提质扩容，服务业增加值增长9%以上。", "9%以上")
    assert (ctx.role, ctx.direction) == ("target", "up")
    ctx = _context("全年农业总产值同比增长6%以上。", "6%以上")
    assert ctx.role == "target"


def test_a_growth_bounded_from_below_in_a_counted_period_is_achieved():
    ctx = _context("前三季度，全县服务业增加值增长9%以上。", "9%以上")
    assert (ctx.role, ctx.direction) == ("change", "up")
    ctx = _context("全县服务业增加值已累计增长9%以上。", "9%以上")
    assert ctx.role == "change"


@pytest.mark.parametrize(("sentence", "figure", "kind"), [
    ("全县开展农民工技能提升行动，累计培训4210人。", "4210人", "count"),
    ("实施城乡供水提升工程，建成供水站38处。", "38处", "count"),
    ("规上工业增长面为61.5%。", "61.5%", "rate"),
])
def test_a_direction_word_in_a_name_makes_no_change(sentence, figure, kind):
    ctx = _context(sentence, figure, kind=kind)
    assert (ctx.role, ctx.direction) == ("level", None)


def test_the_table_carries_the_list_and_the_sign():
    rows = [r for r in extract_from_text("两镇税收收入同比分别-2.5%、-4.5%。") if r["kind"] == "rate"]
    assert [(r["value"], r["direction"]) for r in rows] == [(-2.5, "down"), (-4.5, "down")]


@pytest.mark.parametrize(("sentence", "figure", "kind", "role", "direction"), [
    ("全区行政审批事项精简35%。", "35%", "rate", "change", "down"),
    ("全区会议经费削减了18%。", "18%", "rate", "change", "down"),
    ("一季度全区投资增速提速2.5个百分点。", "2.5个百分点", "rate", "change", "up"),
    ("精简后全区保留行政审批事项96项。", "96项", "count", "level", None),
    ("经济下行压力下全区新增市场主体3200户。", "3200户", "count", "level", None),
])
def test_words_of_cuts_count_only_right_before_the_figure(sentence, figure, kind, role,
                                                          direction):
    ctx = _context(sentence, figure, kind=kind)
    assert (ctx.role, ctx.direction) == (role, direction)


@pytest.mark.parametrize(("sentence", "figure", "value", "role", "direction"), [
    ("全镇信访总量较上年下降（减少）2.4个百分点。", "2.4个百分点", 2.4, "change", "down"),
    ("全镇税收同比增长（下降）-1.8%。", "-1.8%", -1.8, "change", "down"),
    ("全镇税收同比增长（下降）1.8%。", "1.8%", 1.8, "change", "up"),
    ("全镇户籍人口（万人）3.6。", "3.6", 3.6, "level", None),
])
def test_a_word_in_brackets_before_the_figure_keeps_the_verb_before_it(sentence, figure, value,
                                                                       role, direction):
    ctx = _context(sentence, figure, value=value)
    assert (ctx.role, ctx.direction) == (role, direction)


@pytest.mark.parametrize(("sentence", "figure", "role", "direction"), [
    ("全镇增速高于全县平均水平，高出0.9个百分点。", "0.9个百分点", "change", "up"),
    ("全镇增速低于全县平均水平，低出0.4个百分点。", "0.4个百分点", "change", "down"),
    ("全镇收入超出预期，实现税收860万元。", "860万元", "level", None),
])
def test_a_gap_named_after_its_benchmark(sentence, figure, role, direction):
    ctx = _context(sentence, figure, kind="money" if figure.endswith("元") else "rate")
    assert (ctx.role, ctx.direction) == (role, direction)


def test_a_new_level_printed_with_its_year_word_is_the_movements_end():
    ctx = _context("全镇满意度从上年的88%提高到今年的93%。", "93%")
    assert (ctx.role, ctx.direction) == ("to", "up")
