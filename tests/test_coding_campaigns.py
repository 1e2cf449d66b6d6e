"""Issue 14, items 5 and 6: the domain government_services, named campaigns in the codebook's
terms, precision where vocabularies overlap, and the coder's own rules (enumerations, goals,
topics of hotline calls).  The paragraphs are written for these tests (invented places and
figures), one per rule."""

from __future__ import annotations

import pytest
from coded import codes

from helpers.coding import (
    enumeration_spans,
    firm_clause_spans,
    hotline_topic_spans,
    purpose_spans,
)

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
    # the hotline's statistics (three counts or more: add_service_of_services) are not the mode
    assert "service" not in codes(
        "本月12345政务服务便民热线受理诉求2100件，其中咨询类1300件、投诉类500件，办结率97%。")


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

def test_enumeration_spans_take_the_tail_of_the_first_item_as_long_as_its_peers():
    text = "督导组深入县住建局、县民政局、县教育局等部门检查。"
    assert [text[a:b] for a, b in enumeration_spans(text)] == ["县住建局", "县民政局", "县教育局"]


def test_a_dispute_type_opening_a_list_of_disputes_is_not_the_subject():
    text = "调委会努力化解当地征地拆迁纠纷、土地确权纠纷、邻里家庭矛盾纠纷等各类矛盾纠纷。"
    found = codes(text)
    assert "urban" not in found
    assert "stability" in found


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


# --- issue 14, second round: causes found on real paragraphs (each paragraph written here) ----

@pytest.mark.parametrize("text", [
    "去年全乡排查出隐患412处，隐患整改率达95%。",
    "本季度受理转办诉求900件，解决率91.2%。",
    "全镇城乡居民医保参保率98.1%。",
    "各村对照考核细则开展整治自评。",
])
def test_reported_rates_and_self_assessment_are_quantified_evaluation(text):
    assert "quantified_evaluation" in codes(text)


def test_a_rate_named_as_an_aim_without_a_figure_is_no_reported_rate():
    assert "quantified_evaluation" not in codes("社工张贴海报，提高居民对防范知识的知晓率。")


@pytest.mark.parametrize("text", [
    "镇纪委实行暗访督查轮值制，每两周轮换一次。",
    "县里全面推行“田长制”，每块农田明确一名管护人。",
])
def test_a_system_put_in_place_is_institution(text):
    assert "institution" in codes(text)


@pytest.mark.parametrize("text", [
    "城管队员依法强制拆除违建窝棚三处。",
    "检查中发现问题，当场要求相关责任人限期整改。",
    "按照实施方案要求，各村集中清理沟渠垃圾。",
    "县里召开党政联席会议，研究部署防汛工作。",
])
def test_enforcement_a_person_answerable_and_passing_plans_or_meetings_are_not(text):
    assert "institution" not in codes(text)


def test_a_standing_joint_meeting_system_stays_institution():
    assert "institution" in codes("县里建立党政联席会议制度，每月研究一次信访问题。")


def test_a_branch_service_hall_is_government_services_and_service():
    text = "乡里建成第二行政服务中心，周边群众可就近办理社保、户籍等业务。"
    assert {"government_services", "service"} <= codes(text)


def test_helping_firms_is_service_but_caring_for_groups_in_need_is_not():
    assert "service" in codes("园区干部帮助新落户企业解决用工和融资难题。")
    assert "service" not in codes("节前对孤寡老人、困难儿童开展关爱帮扶，送去慰问品。")


def test_a_leader_answering_hotline_calls_in_person_is_mass_line():
    assert "mass_line" in codes("副县长到热线大厅现场接听群众来电，逐件登记交办。")


@pytest.mark.parametrize("text", [
    "全区启动“百企帮百村”活动，首批结对42对。",
    "活动开展期间，共检查经营场所210家。",
    # (a quoted name before 行动; not a development programme such as …培育行动, which the
    # codebook's campaign excludes as a standing programme)
    "镇里实施农村“两个带头人”广选优配行动，评选带头人30名。",
])
def test_named_activities_and_the_activity_reported_are_campaigns(text):
    assert "campaign" in codes(text)


@pytest.mark.parametrize("text", [
    "镇卫生院开展“每月一义诊”活动，为村民测血压。",
    "社区开展“守护绿水青山，共建美丽家园”主题活动。",
    "县文化馆在村里开展“送戏下乡”活动，演出小品和歌曲。",
])
def test_routines_slogans_and_standing_programmes_are_not_campaigns(text):
    assert "campaign" not in codes(text)


@pytest.mark.parametrize(("text", "code"), [
    ("市政府召开常务会议，研究秋粮收购。", "urban"),
    ("交警对道路运输企业开展安全检查。", "urban"),
    ("推动民营经济健康发展，优化营商环境。", "health_welfare"),
    ("我县获评省级农产品质量安全示范县。", "agriculture_rural"),
])
def test_overbroad_words_inside_other_phrases_do_not_count(text, code):
    assert code not in codes(text)


def test_municipal_works_stay_urban():
    assert "urban" in codes("市政部门对背街小巷的破损路面进行维修。")


# --- lists, goals and the topics of hotline calls -------------------------------------------

def test_a_first_item_as_short_as_the_others_is_an_item_too():
    text = "区纪委监委、区人民法院、区人民检察院等单位负责人到会。"
    assert [text[a:b] for a, b in enumeration_spans(text)] == [
        "区纪委监委", "区人民法院", "区人民检察院"]
    assert "discipline" not in codes(text)


def test_industries_listed_for_investment_are_economy_only():
    found = codes("县里围绕装备制造、现代旅游、农产品加工等主导产业开展招商引资。")
    assert "economy" in found
    assert "education_culture" not in found and "agriculture_rural" not in found


def test_an_agency_listed_among_agencies_gives_no_mode():
    text = "城管局协同交警、规划、街道等部门拆除违建市场。"
    assert "institution" not in codes(text)
    assert "institution" in codes("自然资源局编制国土空间规划。")


@pytest.mark.parametrize(("text", "kept", "dropped"), [
    ("镇纪委严查作风问题，为全镇乡村振兴提供坚强纪律保障。", "discipline", "agriculture_rural"),
    ("地理标志商标是推进乡村振兴的有力支撑。", "quality", "agriculture_rural"),
    ("市场监管局指导商标注册，对推动区域经济发展具有重要意义。", "quality", "economy"),
])
def test_a_goal_the_work_serves_is_not_its_domain(text, kept, dropped):
    found = codes(text)
    assert kept in found and dropped not in found


def test_purpose_spans_cover_the_goal_clause_only():
    text = "开展整治，为乡村振兴提供保障。"
    assert [text[a:b] for a, b in purpose_spans(text)] == ["为乡村振兴提供保障"]


def test_topics_of_hotline_calls_are_not_coded():
    text = "本月12345热线共受理诉求860件，主要涉及物业管理、学区划分、医保报销等问题，办结率98%。"
    found = codes(text)
    assert {"government_services", "quantified_evaluation"} <= found
    assert not found & {"urban", "education_culture", "health_welfare"}


def test_categories_counted_in_work_orders_are_not_coded():
    found = codes("本月工单分类：城乡建设类320件、生态环保类150件。")
    assert "environment" not in found and "government_services" in found


def test_topic_clauses_need_a_hotline():
    text = "会议关于小区加装电梯问题作出部署。"
    assert hotline_topic_spans(text) == []
    assert "urban" in codes(text)


@pytest.mark.parametrize("text", [
    "县公安局部署开展雷霆行动，抓获涉赌嫌疑人5名。",
    "全市上下合力打赢蓝天保卫战。",
    "疫情发生后，全县打响疫情防控阻击战。",
])
def test_operations_launched_by_name_and_battles_are_campaigns(text):
    assert "campaign" in codes(text)


def test_people_set_in_motion_are_not_an_operation():
    assert "campaign" not in codes("村干部发动群众行动起来，清理房前屋后垃圾。")


def test_visits_to_firms_are_no_mass_line_but_visits_to_residents_are():
    assert "mass_line" not in codes("县领导带队走访辖区民营企业，听取发展诉求。")
    assert "mass_line" not in codes("工商联组织部门负责人与企业家面对面交流。")
    found = codes("网格员上门走访独居老人；税务干部入企宣讲减税政策。")
    assert "mass_line" in found


def test_firm_clauses_are_whole_clauses():
    text = "网格员入户走访，干部入企调研。"
    assert [text[a:b] for a, b in firm_clause_spans(text)] == ["干部入企调研"]


@pytest.mark.parametrize("text", [
    "区应急局修订森林火灾应急预案，明确各乡镇职责。",
    "镇里在工业园区设立劳资纠纷调解工作站，每周二坐班。",
    "全县构建起县、乡、村三级食品安全监管网络。",
    "健全河道日常巡查和保洁工作，落实专人负责。",
])
def test_plans_standing_stations_and_structures_of_levels_are_institution(text):
    assert "institution" in codes(text)


def test_a_level_of_emergency_response_or_of_air_quality_is_no_structure():
    assert "institution" not in codes("气象台发布暴雨预警后，县里启动四级应急响应。")
    assert "institution" not in codes("全年空气质量二级以上天数达到320天。")


@pytest.mark.parametrize("text", [
    "作为村党支部书记兼村民小组长，其对违规发放补贴负有直接责任。",
    "“以前路难走。”河西村党支部书记王某说，如今水泥路通到了家门口。",
])
def test_a_branch_secretary_named_by_title_is_not_party_building(text):
    assert "party_building" not in codes(text)


@pytest.mark.parametrize("text", [
    "由村党支部书记任矛盾调处第一责任人，每周接待村民。",
    "村里探索“支部+合作社+农户”模式，集体经济收入翻番。",
    "东山村党支部组织党员清理河道垃圾。",
])
def test_a_branch_that_leads_is_party_building(text):
    assert "party_building" in codes(text)


def test_the_quality_and_safety_of_farm_products_is_quality_not_work_safety():
    found = codes("全县建成12个乡镇农产品质量安全监管站。")
    assert "quality" in found and "safety" not in found


def test_a_follow_up_visit_after_mediation_is_no_hotline():
    text = "调解结束后，司法所做好回访、归档工作。"
    assert "government_services" not in codes(text)
    assert "government_services" in codes("热线办对办结工单开展电话回访。")


def test_a_list_of_agencies_needs_no_deng():
    text = "农业农村局成立了专门的监管、检测、执法机构。"
    assert [text[a:b] for a, b in enumeration_spans(text)][-1] == "执法"
    assert "law_enforcement" not in codes(text)


@pytest.mark.parametrize("text", [
    "县纪委监委开展惠民资金使用专项检查，发现问题31个。",
    "镇里对去年整治的违建开展“回头看”，逐一复查。",
    "全县开展为期两个月的燃气管道排查，整改隐患90处。",
])
def test_special_checks_re_inspections_and_explicit_time_bounds_are_campaigns(text):
    assert "campaign" in codes(text)


@pytest.mark.parametrize("text", [
    "每个滑坡隐患点落实一名群测群防员，雨天加密巡查。",
    "从村民中选聘护林员120名，分片管护。",
    "学校通过问卷征集家长意见，调整托管时间。",
])
def test_people_recruited_or_asked_for_their_views_are_mass_line(text):
    assert "mass_line" in codes(text)


def test_a_place_in_a_ranking_is_quantified_evaluation():
    assert "quantified_evaluation" in codes("群众安全感测评居全市第二位。")
    assert "quantified_evaluation" in codes("营商环境评价居全省第一。")


@pytest.mark.parametrize(("text", "code"), [
    ("劳动监察大队为86名农民工讨回欠薪。", "agriculture_rural"),
    ("违法占用永久基本农田建厂房的12宗案件已立案。", "agriculture_rural"),
    ("交警在农村道路设立劝导站，查处面包车超员。", "urban"),
    ("统计局发布人口抽样调查数据。", "quality"),
    ("纪委监委受理涉及村干部的信访举报43件。", "stability"),
])
def test_words_inside_other_fields_phrases_do_not_count(text, code):
    assert code not in codes(text)
