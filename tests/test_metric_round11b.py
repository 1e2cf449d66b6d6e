"""Direction, role, period and pairs, round 11b (issue 13): the general rules of the constructions
met in the ninth figure set, each on sentences written for these tests, with a near miss where
the rule must not fire."""

from __future__ import annotations

from helpers.metrics import extract_from_text


def _rows(sentence: str) -> dict[float, dict[str, object]]:
    """value -> row of each non-date figure (the values of a test sentence differ)."""
    return {r["value"]: r for r in extract_from_text(sentence) if r["kind"] != "date"}


# --- a contribution to a whole's growth that pulls it down ------------------------------------

def test_a_contribution_printed_with_a_fall_is_down():
    got = _rows("鲜菜价格下跌6.3%，拉动居民消费价格指数下降0.27个百分点。")
    assert (got[0.27]["role"], got[0.27]["direction"]) == ("change", "down")


def test_a_contribution_printed_with_a_rise_stays_up():
    got = _rows("工业投资增长12%，拉动全县固定资产投资增长3.4个百分点。")
    assert (got[3.4]["role"], got[3.4]["direction"]) == ("change", "up")


# --- an aim whose value stands in brackets, and the gap to it ---------------------------------

def test_a_gap_to_an_aim_in_brackets_is_a_change_against_a_target():
    got = _rows("1-6月，全区空气质量优良率94.2%，高于省定年度指标(88.5%)5.7个百分点。")
    assert got[88.5]["role"] == "target"
    assert (got[5.7]["role"], got[5.7]["direction"]) == ("change", "up")
    assert got[94.2]["pair"] is not None and got[94.2]["pair"] == got[88.5]["pair"]


def test_a_gap_below_a_benchmark_in_brackets_is_down_and_the_benchmark_no_target():
    got = _rows("全区PM2.5平均浓度31微克/立方米，低于全省平均水平(36微克/立方米)5微克/立方米。")
    assert (got[5]["role"], got[5]["direction"]) == ("change", "down")
    assert got[36]["role"] != "target"  # an average of others, no aim
    assert got[36]["pair"] is None or got[36]["pair"] != got[31]["pair"]


def test_points_over_an_aim_in_brackets_are_a_rise():
    got = _rows("全县农村自来水普及率98.2%，超过年度目标(95%)3.2个百分点。")
    assert got[95]["role"] == "target"
    assert (got[3.2]["role"], got[3.2]["direction"]) == ("change", "up")


def test_points_not_over_an_aim_are_no_rise():
    got = _rows("全县农村自来水普及率98.2%，不超过年度目标(95%)3.2个百分点。")
    assert got[3.2]["direction"] != "up"


def test_a_bracket_after_a_plan_that_holds_more_than_a_value_names_no_aim():
    got = _rows("全县完成年度计划(其中新建12个)。")
    assert got[12]["role"] == "level"


def test_a_control_aim_is_a_ceiling():
    got = _rows("全县用水总量控制目标为2.8亿立方米，当年实际用水2.5亿立方米，"
                "未超出年度控制指标(2.7亿立方米)。")
    assert got[2.8]["role"] == "limit"
    assert got[2.7]["role"] == "limit"
    assert got[2.5]["role"] == "level"


def test_an_aim_without_control_stays_a_target():
    got = _rows("今年全县粮食产量目标为32万吨。")
    assert got[32]["role"] == "target"


# --- the progress of a named plan --------------------------------------------------------------

def test_progress_against_a_named_aim_is_a_completion():
    got = _rows("截至目前，全区累计完成减排目标进度76.4%。")
    assert got[76.4]["role"] == "completion"


def test_an_amount_done_is_no_completion():
    got = _rows("截至目前，全区累计完成投资12.5亿元。")
    assert got[12.5]["role"] != "completion"


# --- a level, then the end it moved to ---------------------------------------------------------

def test_a_price_falling_to_a_new_month_starts_from_the_month_before():
    got = _rows("全县猪肉零售均价1月份为28.6元/公斤，2月份均价27.9元/公斤，到3月份降至25.4元/公斤。")
    assert (got[27.9]["role"], got[27.9]["direction"]) == ("from", "down")
    assert got[25.4]["role"] == "to"
    assert got[27.9]["pair"] is not None and got[27.9]["pair"] == got[25.4]["pair"]
    assert got[28.6]["role"] == "level"  # only the month right before is the start


def test_a_move_the_values_contradict_links_nothing():
    got = _rows("该镇2月份蔬菜均价6.2元/公斤，3月份涨至5.8元/公斤。")
    assert got[6.2]["role"] == "level"
    assert got[6.2]["pair"] is None


def test_a_level_of_another_unit_is_no_start():
    got = _rows("该县2月份生猪出栏12万头，到3月份均价降至14.5元/公斤。")
    assert got[12]["role"] == "level"
    assert got[12]["pair"] is None


# --- periods -----------------------------------------------------------------------------------

def test_a_count_taken_at_an_hour_keeps_its_hour():
    got = _rows("截止至9日18时，全县转移群众3200人。")
    assert got[3200]["period"] == "截止至9日18时"


def test_a_span_of_hours_is_the_period():
    got = _rows("5月6日20时至7日8时，全县平均降雨量42.3毫米。")
    assert got[42.3]["period"] == "5月6日20时至7日8时"
    night = _rows("6月3日夜间至4日14时，全县最大降雨量88.1毫米。")
    assert night[88.1]["period"] == "6月3日夜间至4日14时"


def test_since_an_event_this_year():
    got = _rows("自今年4月开展专项行动以来，共查处违法案件36起。")
    assert got[36]["period"] == "自今年4月开展专项行动以来"


def test_since_last_year_opening_a_sentence():
    got = _rows("去年来，县纪委共立案查处案件52件。")
    assert got[52]["period"] == "去年来"


def test_last_year_before_a_verb_of_coming_is_last_year():
    got = _rows("去年来我县考察的客商有12批。")
    assert got[12]["period"] == "去年"


def test_years_looked_back_over():
    got = _rows("三年间，全镇新增市场主体860户。")
    assert got[860]["period"] == "三年间"


def test_a_streak_of_years_is_no_span_looked_back_over():
    got = _rows("全镇财政收入连续三年间增长5%以上。")
    assert got[5]["period"] != "三年间"


def test_within_the_year_is_a_period_but_within_two_years_a_deadline():
    assert _rows("年内完成改造1200户。")[1200]["period"] == "年内"
    assert _rows("力争2年内完成1200户改造。")[1200]["period"] != "年内"
    assert _rows("力争两年内完成1500户改造。")[1500]["period"] != "年内"


def test_a_five_year_plan_and_its_end():
    got = _rows("到“十四五”末，全县森林覆盖率达到65%。")
    assert got[65]["period"] == "到“十四五”末"
    span = _rows("“十四五”时期，全县生产总值年均增长7%左右。")
    assert span[7]["period"] == "“十四五”时期"


def test_the_bounds_of_an_event_are_not_the_figures_time():
    got = _rows("从2月1日起，春运工作正式启动，至3月12日春运结束，全县共发送旅客12.6万人次。")
    assert got[12.6]["period"] is None or "3月12日" not in str(got[12.6]["period"])


def test_a_span_without_an_event_end_stays_the_figures_time():
    got = _rows("从1月1日起至6月30日，全县共查处酒驾案件213起。")
    assert "6月30日" in str(got[213]["period"])
