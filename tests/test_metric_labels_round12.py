"""Indicator labels, round 12 (issue 13): a label composed from the head its sentence carries
(the herd, crop or sector of an earlier clause; a coordinated list's shared head; the change an
average is of) plus the local measure and change word; on sentences written for these tests."""

from __future__ import annotations

from helpers.metrics import extract_from_text


def _names(sentence: str) -> dict[float, str | None]:
    """value -> indicator of each non-date row (the values of a test sentence differ)."""
    return {r["value"]: r["indicator"] for r in extract_from_text(sentence) if r["kind"] != "date"}


# --- a measure named alone takes the herd, crop or sector its part named first ----------------

def test_slaughter_takes_the_herd_of_its_part():
    got = _names("三季度末，全镇肉牛存栏3.2万头，同比增长4.5%，出栏1.1万头，同比下降3.5%；"
                 "山羊存栏8400只，出栏5300只。")
    assert got[1.1] == "肉牛出栏"
    assert got[3.5] == "肉牛出栏下降"  # a fall says its word (F-change-label)
    assert got[5300] == "山羊出栏"  # the goats' part, not the cattle's


def test_value_added_takes_the_sector_of_its_part():
    got = _names("其中：种植业产值5200万元，增加值3100万元；渔业产值870万元，增加值520万元。")
    assert got[3100] == "种植业增加值"
    assert got[520] == "渔业增加值"


def test_a_verb_led_measure_takes_the_crop_before_it():
    got = _names("全乡板栗种植面积1.5万亩，可采面积0.8万亩。")
    assert got[0.8] == "板栗可采面积"


def test_a_sibling_measure_lends_no_subject():
    got = _names("农作物受灾面积120公顷、成灾面积64公顷，绝收面积23公顷。")
    assert got[23] in ("绝收面积", "农作物绝收面积")  # never 成灾绝收面积


def test_a_price_per_quantity_is_of_the_product_before_it():
    got = _names("今年春茶产量约320吨，收购均价每斤86元。")
    assert got[86] == "春茶收购均价"


def test_places_opening_a_subject_are_no_part_of_it():
    got = _names("某某省某某县油茶总面积2600公顷，总产量可达900吨。")
    assert got[900] == "油茶总产量"


# --- an average change over years is of what the clause before names -------------------------

def test_a_two_year_average_growth_names_its_quantity():
    got = _names("前三季度，全区社会消费品零售总额同比增长8.5%，两年平均增长4.2%。")
    assert got[4.2] == "社会消费品零售总额两年平均增速"


def test_a_three_year_average_fall_says_its_word():
    got = _names("一至九月，全县工业用电量同比下降2.6%，三年平均下降1.3%。")
    assert got[1.3] == "工业用电量三年平均下降"


# --- a coordinated list shares the head its last member carries -------------------------------

def test_a_coordinated_list_keeps_every_member_of_its_head():
    got = _names("分类别看，家电、通讯器材类零售额增长12.4%，文化办公用品类增长6.6%。")
    assert got[12.4] == "家电、通讯器材类零售额增速"


def test_listed_places_stay_out_of_the_label():
    got = _names("东城区、西城区工业产值增长9.3%。")
    assert not str(got[9.3]).startswith("东城区")


def test_members_with_a_quantity_of_their_own_share_no_head():
    got = _names("本月事故起数、死亡人数同比下降2起、1人。")
    assert "事故起数、" not in str(got.get(1.0))


# --- a product named by a verb used as a noun keeps its measure ---------------------------------

def test_a_product_tagged_as_a_verb_noun_is_no_verb_led_measure():
    got = _names("主要产品产量较快增长，服装产量增长21.4%，饮料产量增长9.2%。")
    assert got[21.4] == "服装产量增速"


# --- fragments: arrivals, quoted names, ranks without a name -----------------------------------

def test_arrivals_keep_their_verb():
    got = _names("春运期间，铁路发送旅客20.5万人，到达18.4万人。")
    assert "到达" in str(got[18.4])


def test_a_quoted_name_after_a_measure_word_is_what_is_counted():
    got = _names("全县建成36个“群众议事厅”。")
    assert got[36] == "建成群众议事厅"


def test_a_rank_without_a_name_is_a_place_in_the_set_printed_before():
    got = _names("该县连续两年跻身全省二十强，位列第十二位。")
    assert got[12] == "全省排名"


def test_a_rank_move_is_of_what_the_clause_before_names():
    got = _names("从分项指标看，其次是森林覆盖率，由全市第9位上升到第4位。")
    assert got[9] == "森林覆盖率全市排名"
    assert got[4] == "森林覆盖率全市排名"


# --- a tally counts the items of its set that moved each way ----------------------------------

def test_a_tally_counts_the_items_of_its_set_that_moved_each_way():
    got = _names("今年以来，七县区规模工业用水量五增二降。")
    assert got[5] == "规模工业用水量增长的县区数"
    assert got[2] == "规模工业用水量下降的县区数"


def test_a_tally_after_a_counted_set_counts_in_that_set():
    got = _names("本周监测的12个水果品种价格7涨5降。")
    assert got[7] == "价格上涨的水果品种数"


def test_a_change_after_a_tally_takes_no_name_from_it():
    got = _names("三大行业用电量呈两升一降态势，其中两个行业分别增长8.8%和3.1%。")
    assert "行业数" not in str(got[8.8])


def test_an_improvement_named_by_its_verb_says_its_way_once():
    got = _names("全市空气质量综合指数为3.16，同比改善6.2%。")
    assert not str(got[6.2]).endswith(("改善下降", "改善增速"))


def test_a_word_held_whole_is_parted_into_action_and_object_only_when_both_are_words():
    rows = [r for r in extract_from_text("全镇已化解矛盾纠纷42件。巡查人员乘坐两艘执法船出发。")
            if r["kind"] != "date"]
    got = {r["value"]: (r["object"], r["action"]) for r in rows}
    assert got[42] == ("矛盾纠纷", "化解")
    assert got[2] != ("船", "执法")  # a boat of the law's officers, not boats enforced


def test_one_character_a_one_character_verb_and_a_noun_are_one_counted_name():
    got = _names("全市18个省考断面达标率为88.9%。")
    assert got[18] == "省考断面"
