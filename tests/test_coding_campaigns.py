"""Issue 14, items 5 and 6: the domain government_services, named campaigns in the codebook's
terms, precision where vocabularies overlap, and the coder's enumeration rule.  The paragraphs
are written for these tests (invented places and figures), one per rule."""

from __future__ import annotations

import pytest

from helpers.coding import default_codebook, enumeration_spans, match_codes


def codes(text: str) -> set[str]:
    return {m[0] for m in match_codes(text, default_codebook())}


# --- government_services -------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "上月，县12345政务服务便民热线共受理群众来电3120件，按期办结率98.5%，回访满意率96%。",
    "县政务服务中心推行“一窗受理、集成服务”，企业开办全程网办，最多跑一次。",
    "镇便民服务中心设立综合窗口，社保、医保等28项事项实现就近办。",
    "县行政审批局推行联合审批，项目审批时限压缩一半。",
])
def test_service_halls_approvals_and_hotlines_are_government_services(text):
    assert "government_services" in codes(text)


def test_a_hall_is_also_service_but_a_hotline_statistic_is_not():
    assert {"government_services", "service"} <= codes("县政务中心受理窗口当天发放营业执照。")
    assert "service" not in codes("本月12345政务服务便民热线受理诉求2100件，办结率97%。")


def test_a_single_complaint_through_the_hotline_is_its_subject():
    found = codes("居民通过12345热线反映，某小区旁工地夜间施工噪音扰民。")
    assert "urban" in found and "government_services" not in found


# --- named campaigns -------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "今年，县里以“招商引资突破年”活动为抓手，推动重点项目落地。",
    "县公安局组织开展“猎狐出击”统一行动，抓获在逃人员12名。",
    "全县开展清河行动，清理河道垃圾80吨。",
    "镇里召开扫黑除恶专项斗争推进会，部署线索摸排。",
    "县里打响环保攻坚战，关停违规企业5家。",
    "公安分局开展夏季治安打击整治行动，查处案件40起。",
    "县禁毒委在广场举行禁毒集中宣传活动。",
    "通过此次行动，辖区秩序明显好转。",
    "行动中，民警共盘查可疑车辆300余辆。",
    "组织部对软弱涣散村党组织整顿工作开展督导。",
])
def test_named_and_time_bounded_operations_are_campaigns(text):
    assert "campaign" in codes(text)


@pytest.mark.parametrize("text", [
    "党员干部要发扬攻坚克难的精神，做好本职工作。",
    "镇里巩固拓展脱贫攻坚成果，落实监测帮扶。",
    "持续开展“质量月”等质量主题宣传。",
    "工作人员为行动不便的老人上门服务。",
])
def test_rhetoric_standing_observances_and_other_actions_are_not(text):
    assert "campaign" not in codes(text)


# --- overlapping vocabularies ----------------------------------------------------------------

def test_a_river_clean_up_with_fish_cages_is_environment_not_agriculture():
    found = codes("镇里拆除违规网箱养殖，确保闽江水质稳定达标。")
    assert "environment" in found and "agriculture_rural" not in found


def test_pollution_of_the_dinner_table_is_not_environment():
    assert "environment" not in codes("全市开展治理“餐桌污染”，保障食品安全。")


def test_an_emergency_exit_is_no_export():
    assert "economy" not in codes("检查组查看疏散通道和安全出口是否畅通。")


def test_cadres_are_not_party_building():
    assert "party_building" not in codes("对全县党员干部开展警示教育。")
    assert "discipline" in codes("对全县党员干部开展警示教育。")


# --- the enumeration rule --------------------------------------------------------------------

def test_enumeration_spans_are_the_items_after_the_first():
    text = "督导组深入县住建局、县民政局、县教育局等部门检查。"
    assert [text[a:b] for a, b in enumeration_spans(text)] == ["县民政局", "县教育局"]


def test_a_list_without_a_word_for_units_places_or_categories_is_no_enumeration():
    assert enumeration_spans("开展禁毒、反诈等宣传，推进征地拆迁、招商引资等方面工作。") == []


def test_a_domain_term_listed_among_venues_does_not_count():
    text = "镇纪委对各村委、中小学、卫生院等重点单位开展作风督查。"
    found = codes(text)
    assert "discipline" in found
    assert "education_culture" not in found and "health_welfare" not in found


def test_the_first_item_keeps_its_words():
    text = "民警联合市场监管、交通等部门开展夜查。"
    assert "law_enforcement" in codes(text)


def test_hotline_categories_are_not_coded():
    text = "本月受理供水紧张、占道经营、环境污染等类工单560件，满意率90%。"
    assert "environment" not in codes(text)
    assert {"government_services", "quantified_evaluation"} <= codes(text)


def test_the_rule_leaves_mode_codes_alone():
    text = "各乡镇结合集中整治、专项行动等工作类别上报台账。"
    assert "campaign" in codes(text)
