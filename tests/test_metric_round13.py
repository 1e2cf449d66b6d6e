"""Roles, periods, ranks, units and non-quantities, round 13 (issue 13): the general rules of the
constructions met in figure set 12's development half, each on sentences written for these tests,
with a near miss where the rule must not fire."""

from __future__ import annotations

from helpers.metrics import extract_from_text


def _rows(sentence: str) -> dict[float, dict[str, object]]:
    """value -> row of each non-date figure (the values of a test sentence differ)."""
    return {r["value"]: r for r in extract_from_text(sentence) if r["kind"] != "date"}


# --- a plan named in a policy, or as what a list holds, is no intention -------------------------

def test_family_planning_in_a_spending_list_is_no_plan():
    got = _rows("教育、医疗卫生与计划生育等支出分别增长8.1%、12.6%。")
    assert [got[v]["role"] for v in (8.1, 12.6)] == ["change", "change"]


def test_a_plan_as_a_verb_still_aims():
    got = _rows("全县计划新建农村公路45公里。")
    assert got[45]["role"] == "target"


def test_ensured_with_le_is_done_not_aimed():
    assert _rows("确保了空气质量综合指数全省第二。")[2]["role"] == "rank"
    assert _rows("力争空气质量综合指数全省第二。")[2]["role"] == "target"


# --- a ceiling printed with PDF spaces -------------------------------------------------------------

def test_a_ceiling_with_spaces_before_its_bound_is_a_limit():
    got = _rows("预期目标为：城镇登记失业率控制在 4.5% 以内;")
    assert got[4.5]["role"] == "limit"


def test_a_ceiling_without_a_bound_is_the_level_reached():
    assert _rows("去年城镇登记失业率控制在4.5%。")[4.5]["role"] == "level"


# --- periods opening a sentence -------------------------------------------------------------------

def test_recent_months_and_the_year_past_are_periods():
    assert _rows("近三个月来，全县查处违法停车1260起。")[1260]["period"] == "近三个月来"
    assert _rows("过去一年，全区新增市场主体3200户。")[3200]["period"] == "过去一年"


def test_since_a_body_began_is_a_period():
    got = _rows("该调解室成立至今，共化解矛盾纠纷96件。")
    assert got[96]["period"] == "成立至今"


# --- ranks ----------------------------------------------------------------------------------------

def test_a_place_won_is_a_rank():
    got = _rows("在全市综合考评中，我县获第二名。")
    assert (got[2]["kind"], got[2]["role"]) == ("rank", "rank")


def test_a_batch_won_is_no_place():
    assert _rows("该村获得第三批省级示范村称号。") == {}


def test_ranks_listed_after_one_first_are_ranks():
    got = _rows("甲县、乙县分别获得全市排名第3、4名。")
    assert [got[v]["kind"] for v in (3, 4)] == ["rank", "rank"]


# --- measure words and addresses ----------------------------------------------------------------

def test_tablets_and_grains_are_counted():
    got = _rows("共缴获毒品片剂12万余粒。")
    assert (got[12]["kind"], got[12]["value_std"]) == ("count", 120000)


def test_a_grain_size_is_no_count():
    assert all(r["unit"] != "粒" for r in _rows("颗粒物粒径小于10微米。").values())


def test_house_and_room_numbers_are_no_quantities():
    assert _rows("来信请寄：某市某区建设路88号506室。") == {}


def test_a_house_number_spares_the_figures_after_it():
    got = _rows("建设路88号安置小区建成住房240套。")
    assert 240 in got and 88 not in got


# --- the second item of a coordinated pair keeps its own label -----------------------------------

def test_the_second_item_after_its_figure_is_labelled_by_its_own_noun():
    got = _rows("今年新建公厕12座和垃圾中转站5座。")
    assert (got[12]["indicator"], got[5]["indicator"]) == ("新建公厕", "垃圾中转站")


def test_the_second_item_before_its_noun_is_labelled_by_the_noun_after_it():
    got = _rows("全县实施30万亩高标准农田建设和8万亩撂荒地复耕。")
    assert got[8]["indicator"] == "撂荒地复耕"


def test_a_number_that_names_stays_in_its_label():
    got = _rows("12345热线受理工单3200件。")
    assert got[3200]["indicator"].startswith("12345热线")


# --- output the new projects added is a level, a rise only against a base -------------------------

def test_new_output_is_a_level():
    got = _rows("全市新增产值82.6亿元，完成全年目标的61.2%。")
    assert (got[82.6]["role"], got[82.6]["direction"]) == ("level", None)


def test_new_output_against_a_base_is_a_rise():
    got = _rows("比上年新增产值4.5亿元。")
    assert (got[4.5]["role"], got[4.5]["direction"]) == ("change", "up")


# --- 分别 lists: members with 和 in their names, a head after 等, physical units ---------------------

def test_a_list_member_named_with_he_keeps_its_value():
    got = _rows("节能环保、社会保障和就业支出分别增长6.2%和9.8%。")
    assert (got[6.2]["indicator"], got[9.8]["indicator"]) == ("节能环保支出增速", "社会保障和就业支出增速")


def test_the_head_after_deng_is_every_members():
    got = _rows("文化旅游、卫生健康等方面支出分别增长4.1%和7.7%。")
    assert (got[4.1]["indicator"], got[7.7]["indicator"]) == ("文化旅游方面支出增速",
                                                            "卫生健康方面支出增速")


def test_a_list_of_tonnes_pairs_each_member_with_its_value():
    got = _rows("全市蔬菜、水果产量分别达到36.2万吨和8.4万吨。")
    assert (got[36.2]["indicator"], got[8.4]["indicator"]) == ("蔬菜产量", "水果产量")


def test_coverage_rates_are_shared_by_a_pair():
    got = _rows("城镇职工医保和失业保险参保率分别为98.1%和95.4%。")
    assert got[98.1]["indicator"] == "城镇职工医保参保率"


# --- a ；-list carries its period past a report's title -------------------------------------------

def test_a_title_with_a_year_before_the_list_does_not_stop_the_period():
    got = _rows("市环保局发布《2019年某市环境状况公报》，2019年全市水质达标率为97.5%;"
                "空气优良天数为311天。")
    assert (got[97.5]["period"], got[311]["period"]) == ("2019年", "2019年")



# --- hyphened ranges as the ends of a movement ---------------------------------------------------

def test_ranges_at_both_ends_of_a_movement_are_read_whole():
    got = extract_from_text("土壤有机质含量由12-18克提高到16-22克。")
    ends = [(r["value_low"], r["value_high"], r["role"]) for r in got if r["kind"] != "date"]
    assert ends == [(12, 18, "from"), (16, 22, "to")]


def test_a_movement_printed_with_zhi_keeps_its_two_ends():
    got = _rows("群众满意率由78%至91%。")
    assert got[78]["role"] == "from" and got[78]["value_high"] is None


def test_a_range_at_the_end_of_a_movement_after_its_year_is_read_whole():
    got = extract_from_text("耕作层厚度从12-16厘米提升到2023年的17-20厘米。")
    ends = [(r["value_low"], r["value_high"], r["role"]) for r in got if r["kind"] != "date"]
    assert ends == [(12, 16, "from"), (17, 20, "to")]
