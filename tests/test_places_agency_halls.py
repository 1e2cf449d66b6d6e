"""The reporting organ (helpers.places.agency) of reports on a service hall, of weather
warnings, and words that join a sentence and never make an organ's name (获, 各, 最)."""

from __future__ import annotations

import pytest

from helpers.places.agency import find_agency, organs


# -- a report on one service hall is the hall's ------------------------------------------------
def test_a_hall_opening_for_business_is_the_agency():
    text = ("本台消息 3月2日起，改建后的区政务服务中心开始对外办公，设窗口60个。\n"
            "据介绍，区政务服务中心下一步将推行“一窗通办”。")
    assert find_agency(None, text, None) == "区政务服务中心"


def test_a_township_hall_named_with_its_town_gives_the_town_level():
    headline = "青石镇便民服务中心：群众办事少跑腿"
    text = "走进青石镇便民服务中心，大厅宽敞明亮。这个便民服务中心去年办结事项三千件。"
    assert find_agency(headline, text, None) == "镇便民服务中心"


def test_a_hall_praised_by_a_visitor_with_its_district_name_is_the_agency():
    text = ("“没想到一个上午就办好了。”5月8日，一家商贸公司的负责人对白杨区政务服务中心的服务"
            "十分满意。\n得知企业的难处后，白杨区政务服务中心安排专人上门帮办。")
    assert find_agency(None, text, None) == "区政务服务中心"


def test_a_hall_named_once_as_a_place_visited_is_no_agency():
    text = "调研组一行先后来到高铁新区、县行政服务中心、城北工业园，详细了解项目进展。"
    assert find_agency(None, text, None) is None


def test_a_hall_named_only_as_a_common_noun_is_no_agency():
    text = ("180平方米的大厅里，十多个部门的人员一站式服务，这是一个普通乡镇的便民服务中心。\n"
            "各地正在乡镇设立便民服务中心，把办事窗口搬到农民家门口。")
    assert find_agency(None, text, None) is None


def test_a_party_and_masses_centre_is_no_service_hall():
    text = ("街道党群服务中心揭牌，面积600平方米。\n"
            "据悉，街道党群服务中心将开展议事协商、文化活动。")
    assert find_agency(None, text, None) is None


def test_an_acting_organ_comes_before_the_hall():
    text = ("6月1日，县数据局在县政务服务中心召开窗口人员培训会。\n"
            "县政务服务中心各窗口负责人参加培训。")
    assert find_agency(None, text, None) == "县数据局"


# -- the weather observatory issues warnings in its own name -----------------------------------
@pytest.mark.parametrize(("text", "organ"), [
    ("青河县气象台5月3日16时发布大风蓝色预警信号：预计今天夜间我县有大风。", "县气象台"),
    ("白城市气象台2月1日发布寒潮黄色预警，预警区域：全市。", "市气象台"),
])
def test_a_local_observatory_issuing_a_warning_is_the_agency(text, organ):
    assert find_agency(None, text, None) == organ


def test_the_national_observatory_cited_is_no_agency():
    text = "中央气象台预计，本周末起大范围雨雪天气将影响春运，我市各部门已做好应对准备。"
    assert find_agency(None, text, None) is None


def test_tai_ends_no_organ_outside_the_observatory():
    assert organs("县政府出台十条措施") == []
    assert [o for _s, _e, o in organs("市气象台发布预警")] == ["市气象台"]


# -- words that join a sentence make no organ's name ------------------------------------------
@pytest.mark.parametrize("text", [
    "东湖省获国务院表扬激励，各地再接再厉。",   # 获: 省|获国务|院 is no organ
    "致各市州人民政府，省政府各厅委、各直属机构：",  # 各: 省政府各厅 is every department
    "北京最好的专科医院治疗偏方，点击了解。",      # 最: an advert's hospital
])
def test_joining_words_break_an_organ_name(text):
    assert organs(text) == []


def test_an_organ_is_still_read_after_such_a_word():
    assert [o for _s, _e, o in organs("经省政府同意，省政府办公厅发文表扬")] == ["省政府办公厅"]


# -- a discipline commission acting further down a sanction report -----------------------------
def test_a_commission_that_verified_the_case_reports_it():
    text = ("一场“借羊应付检查”的闹剧在山里上演。\n经县纪委查实，某镇党委、政府把一家合作社当作观摩点，"
            "弄虚作假。县纪委决定，给予相关责任人诫勉谈话处分。")
    assert find_agency(None, text, None) == "县纪委"


def test_a_commission_named_with_its_partner_in_a_notice_of_cases():
    text = ("当前，防汛工作正处在关键时期，个别干部无视纪律要求，造成了不良影响。现将县纪委监委"
            "和公安机关联合查处的2起典型问题通报如下。\n一、某村干部擅离岗位问题。")
    assert find_agency("关于2起违反防汛纪律典型问题的通报", text, None) == "县纪委监委"


def test_a_commission_as_the_aim_of_a_report_does_not_report():
    text = ("今年一季度，某镇立案4起，问责6人。\n该镇纪委迟迟不查，事后也未向县纪委报送调查处理情况，"
            "举报人多次到县纪委上访。")
    assert find_agency(None, text, None) is None


def test_two_commissions_acting_together_give_no_organ():
    text = ("村里的问题久拖不决。\n去年8月，某市纪委和某县纪委组成联合工作组进行核查，村支书被查处，"
            "时任镇纪委书记受到党内严重警告处分。")
    assert find_agency(None, text, None) is None


def test_a_commission_acting_outside_a_discipline_report_is_not_read_so_deep():
    text = ("县里的防汛物资备齐了。\n近日多地遭遇强降雨。\n县纪委组织人员到各水库检查值守情况。")
    assert find_agency(None, text, None) is None


def test_a_commission_officer_is_no_act_of_the_commission():
    text = ("某村原支书违规发放补贴被通报。\n县纪委副书记张三在会上说，要严肃查处此类问题。")
    assert find_agency(None, text, None) is None
