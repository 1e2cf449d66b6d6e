"""Vocabulary families and precision guards added after the real set 5 was opened (issue 14,
point 6): the general words of a code's family, and the compounds in which a code's word belongs
to another domain.  Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.coded import codes


@pytest.mark.parametrize("text", [
    "全县培育省级名牌产品五个，两家企业的产品获国家免检资格。",
    "县质监局组织技术人员深入企业，指导申报工作。",
])
def test_brand_family_is_quality(text: str) -> None:
    assert "quality" in codes(text)


def test_certification_of_a_pensioner_is_not_product_certification() -> None:
    assert "quality" not in codes("老人足不出户即可完成社保认证，领取待遇不受影响。")


@pytest.mark.parametrize("text", [
    "城管队员劝导沿街商户停止占道经营，清理电线杆上的小广告。",
    "开展市容市貌整治，规范城区交通秩序。",
    "会议部署了房地产领域的突出问题整改。",
])
def test_street_order_family_is_urban(text: str) -> None:
    assert "urban" in codes(text)


def test_clutter_piled_on_a_street_is_not_land_occupied() -> None:
    assert "environment" not in codes("清理乱堆乱占八处，街面恢复整洁。")


@pytest.mark.parametrize("text", [
    "该小区夜间发案率一度居高不下。",
    "退休老党员自发组成义务巡逻队守护街巷平安。",
])
def test_crime_rates_and_patrols_are_law_enforcement(text: str) -> None:
    assert "law_enforcement" in codes(text)


def test_a_rangers_round_is_not_policing() -> None:
    assert "law_enforcement" not in codes("护林员每天清晨到山头护林点巡逻一圈。")


@pytest.mark.parametrize("text", [
    "大力发展现代服务业，推动生产性服务业提质增效。",
    "主动承接产业转移，培育新兴产业。",
])
def test_industry_structure_family_is_economy(text: str) -> None:
    assert "economy" in codes(text)


def test_catering_as_the_setting_of_food_safety_is_not_economy() -> None:
    assert "economy" not in codes("检查组对餐饮服务业的后厨卫生进行了抽查。")


def test_above_size_needs_the_class_it_abbreviates() -> None:
    assert "economy" in codes("全县限上企业零售额稳步回升。")
    assert "economy" not in codes("两户人家因宅基地界限上的分歧争执多年。")


def test_a_culture_of_clean_government_is_not_education_culture() -> None:
    text = "机关开展读书思廉活动，营造浓厚的廉政文化氛围。"
    assert "education_culture" not in codes(text)


@pytest.mark.parametrize("text", [
    "窗口从等人上门转向主动服务。",
    "调解工作是送上门的群众工作。",
])
def test_people_coming_to_the_office_are_not_mass_line(text: str) -> None:
    assert "mass_line" not in codes(text)


def test_cadres_calling_at_homes_stay_mass_line() -> None:
    assert "mass_line" in codes("社区干部每月上门看望独居老人。")


def test_a_school_canteen_inspected_for_food_safety_is_not_schooling() -> None:
    found = codes("市场监管人员检查学校食堂的进货台账和食品安全状况。")
    assert "quality" in found
    assert "education_culture" not in found


def test_scenic_spots_checked_for_fire_hazards_are_a_venue() -> None:
    found = codes("节日期间深入旅游景点排查消防安全隐患。")
    assert "safety" in found
    assert "education_culture" not in found


def test_a_school_with_words_of_schooling_keeps_its_code() -> None:
    assert "education_culture" in codes("学校落实课后服务，学生食堂同步开放。")


def test_a_place_in_a_ranking_is_evaluation() -> None:
    assert "quantified_evaluation" in codes("上半年全镇税收增速位列全区第2名。")
    assert "quantified_evaluation" in codes("群众满意度测评位居全县首位。")


def test_the_topics_a_hotline_counts_most_are_no_ranking_of_work() -> None:
    assert "quantified_evaluation" not in codes("位居前三的诉求为供暖、物业和噪音。")


def test_the_operation_named_by_a_pointer_is_campaign() -> None:
    assert "campaign" in codes("截至目前，该项行动已查获涉案车辆十二辆。")


def test_a_target_named_as_the_goal_served_is_no_evaluation() -> None:
    text = "督导组走访了各乡镇，为全面完成全年工作目标任务奠定了基础。"
    assert "quantified_evaluation" not in codes(text)
    assert "quantified_evaluation" in codes("年底前全面完成全年工作目标任务的考核。")


def test_a_named_action_carried_on_as_routine_is_no_campaign() -> None:
    assert "campaign" not in codes("社区常态化推进“上门问需”行动，每月走访独居老人。")
    assert "campaign" in codes("社区在国庆前开展“上门问需”行动，十天走访独居老人。")


def test_petitions_handled_by_the_discipline_commission_are_not_disputes() -> None:
    found = codes("县纪委督查了各乡镇纪委的信访工作和案件查办工作。")
    assert "discipline" in found
    assert "stability" not in found
    assert "stability" in codes("县纪委协助乡镇调解了一起土地纠纷引发的信访问题。")


def test_the_epidemic_as_a_cause_is_not_health_work() -> None:
    found = codes("受疫情和市场需求下降影响，全县规上工业产值增速放缓。")
    assert "economy" in found
    assert "health_welfare" not in found


@pytest.mark.parametrize("text", [
    "全县推进义务教育优质均衡发展，职业教育扩容提质。",
    "县领导看望今年高考成绩优异的学子。",
])
def test_stages_of_schooling_are_education(text: str) -> None:
    assert "education_culture" in codes(text)


def test_food_sellers_inspected_are_food_safety() -> None:
    assert "quality" in codes("执法人员逐户检查农贸市场的食品经营户。")


def test_a_park_inspected_for_safety_is_not_economic_development() -> None:
    found = codes("应急局检查了园区内的重点企业消防设施。")
    assert "safety" in found
    assert "economy" not in found
    assert "economy" in codes("园区今年新引进企业十二家。")


def test_cadres_in_a_familys_home_reach_the_masses() -> None:
    assert "mass_line" in codes("镇干部先后到两户脱贫户家中，询问收入和就医情况。")


@pytest.mark.parametrize("text", [
    "在镇纪委指导下，村里选举产生了村务监督委员会。",
    "每个乡镇要建立一个村民议事委员会。",
])
def test_a_standing_committee_formed_is_institution(text: str) -> None:
    assert "institution" in codes(text)


def test_a_sectors_growth_rate_is_that_sectors_measure() -> None:
    found = codes("一季度全县接待游客120万人次，同比增长18%。")
    assert "education_culture" in found
    assert "economy" not in found
    assert "economy" in codes("一季度全县规上工业增加值同比增长9%。")


def test_a_family_doctor_contract_is_not_a_deal_signed() -> None:
    found = codes("全县推广家庭医生签约服务，覆盖全部行政村。")
    assert "health_welfare" in found
    assert "economy" not in found


def test_a_document_of_rules_issued_is_institution() -> None:
    assert "institution" in codes("县热线办印发《关于规范工单转办工作的通知》。")


def test_answering_for_last_place_is_evaluation() -> None:
    assert "quantified_evaluation" in codes("对进度滞后的乡镇实行末位表态发言。")


@pytest.mark.parametrize("text", [
    "劝导流动摊贩进入便民市场经营。",
    "本月共受理营商环境类工单三十件。",
])
def test_a_markets_name_or_a_call_category_is_not_service(text: str) -> None:
    assert "service" not in codes(text)


def test_residents_patrolling_of_their_own_accord_reach_the_masses() -> None:
    assert "mass_line" in codes("退休职工组成义务巡逻小组，夜间巡查楼道。")
