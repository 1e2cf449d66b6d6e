"""The agency rules decided in session 12 (CONVENTIONS A-group, A-hotline, A-government, A-whole,
A-form), in sentences written for these tests, each rule in both directions."""

import pytest

from helpers.places import locate_article
from helpers.places.agency import find_agency, hotline_report, official_form


# -- A-form: short official forms --------------------------------------------------------------
@pytest.mark.parametrize(("organ", "short"), [
    ("县市场监督管理局", "县市场监管局"),
    ("市监局", "市市场监管局"),
    ("市人民政府办公室", "市政府办公室"),
    ("省人民政府新闻办公室", "省政府新闻办公室"),
    # already short, or no long form: unchanged
    ("区市场监管局", "区市场监管局"),
    ("县纪委监委", "县纪委监委"),
    ("县民政局", "县民政局"),
    ("市监察局", "市监察局"),
])
def test_official_form_short_names(organ, short):
    assert official_form(organ) == short


def test_long_name_acting_is_written_short():
    text = "6月3日，洞口县市场监督管理局对城区三家超市开展食品安全抽检。"
    assert find_agency(None, text, None) == "县市场监管局"


def test_outside_organ_keeps_its_place_name():
    # a Hubei organ visiting a Hunan county: not the county's province's own
    text = ("5月9日，湖北省政协副主席某某一行来洞口县考察茶叶产业。"
            "考察组一行先后来到高沙镇、竹市镇，实地察看茶园。")
    got = locate_article("外省客人来洞口考察茶叶", text)
    assert got.locality == "洞口县"
    assert got.agency == "湖北省政协"


def test_own_province_organ_stays_bare():
    text = ("5月9日，湖南省政协副主席某某一行来洞口县考察茶叶产业。"
            "考察组一行先后来到高沙镇、竹市镇，实地察看茶园。")
    got = locate_article("省政协领导来洞口考察茶叶", text)
    assert got.locality == "洞口县"
    assert got.agency == "省政协"


# -- A-group: a group as its organ's level form and its kind ---------------------------------
@pytest.mark.parametrize(("organ", "short"), [
    ("区委专项巡察组", "区委巡察组"),
    ("省委第六巡视组", "省委巡视组"),
    ("省政府第三督查组", "省政府督查组"),
    ("市政协调研组", "市政协调研组"),
])
def test_official_form_groups(organ, short):
    assert official_form(organ) == short


def test_group_acting_is_the_agency():
    text = "根据县委统一部署，县委第三巡察组于4月10日进驻某某镇，开展为期一个月的常规巡察。"
    assert find_agency(None, text, None) == "县委巡察组"
    survey = "省政府督查组一行来我县督查安全生产工作，实地查看了两家企业。"
    assert find_agency(None, survey, None) == "省政府督查组"


def test_group_named_in_passing_is_no_agency():
    text = "8月2日，某某镇召开会议，传达上级督查组反馈意见，部署整改工作。"
    assert find_agency(None, text, None) is None


# -- A-hotline: level + 12345热线 --------------------------------------------------------------
@pytest.mark.parametrize(("organ", "short"), [
    ("区12345政务服务热线中心", "区12345热线"),
    ("市12345热线平台", "市12345热线"),
    ("区12345政务服务便民热线", "区12345热线"),
    ("市政务服务便民热线", "市12345热线"),
    # another named line or the hotline's office keep their names
    ("市长热线办公室", "市长热线办公室"),
    ("县热线办", "县热线办"),
])
def test_official_form_hotlines(organ, short):
    assert official_form(organ) == short


def test_hotline_reporting_its_work():
    text = "上月，我县12345热线共受理群众诉求3200件，办结率98%。"
    assert find_agency(None, text, None) == "县12345热线"
    # a short name with its level before the number, the level from it
    call = "5月2日上午，某州12345热线的电话响起，一位居民反映小区停水。"
    assert hotline_report("", call) == "州12345热线"


def test_hotline_without_level_takes_the_units():
    text = "12345工作动态\n上周，热线平台共受理各类诉求600件，其中供水问题最多。"
    assert hotline_report("本周热线情况", text) is None
    assert hotline_report("本周热线情况", text, level="市") == "市12345热线"


def test_hotline_called_by_a_citizen_is_no_agency():
    text = "居民王某拨打12345热线，反映楼下餐馆油烟扰民。执法人员当天赶到现场。"
    assert hotline_report("", text, level="区") is None
    slogan = "用好12345热线，倾听群众心声。近日，副县长到现场接听群众来电。"
    assert hotline_report("", slogan) is None


# -- A-government: a people's government printed acting -----------------------------------------
def test_government_issuing_is_the_agency():
    text = "日前，省政府下发批复，同意设立某某高新技术产业园区。"
    assert find_agency(None, text, None) == "省政府"
    full = "近日，湖南省人民政府决定，对成绩突出的10个县予以表扬。"
    assert find_agency(None, full, None) == "省政府"


def test_government_meeting_or_other_verb_is_no_agency():
    assert find_agency(None, "5月4日，县政府召开常务会议，研究防汛工作。", None) is None
    assert find_agency(None, "县政府位于城关镇，距火车站两公里。", None) is None


# -- A-whole: a body in plenary session has no agency -------------------------------------------
def test_plenary_session_is_no_agency():
    text = "1月8日，政协某某县第十届委员会第三次会议开幕，县政协委员分组讨论报告。"
    assert find_agency(None, text, None) is None
    short = "3月2日，区政协十五届二次会议召开，与会委员听取工作报告。"
    assert find_agency(None, short, None) is None


def test_body_acting_outside_a_session_stays_the_agency():
    text = "3月2日，区政协组织部分委员视察城区老旧小区改造。"
    assert find_agency(None, text, None) == "区政协"
    formal = "5月6日，政协洞口县委员会组织委员视察农村公路建设。"
    assert find_agency(None, formal, None) == "县政协"


def test_unit_holding_a_meeting_has_no_agency_not_even_the_printed_one():
    # the town holds a meeting: no organ, and the 来源 printed is only the source
    assert find_agency("高沙镇召开秋季防火工作会议", "会上，镇长部署了防火工作。",
                       "洞口县应急管理局") is None
    # the lead names the town; the meeting follows
    assert find_agency("高沙镇：召开村级财务清理推进会", "会议由镇党委书记主持。",
                       "洞口县财政局") is None


def test_organ_holding_a_meeting_stays_the_agency():
    assert find_agency("洞口县民政局召开养老服务工作会议", "会议部署了全年工作。", None) == "县民政局"
    # a unit at work (no meeting) leaves the printed organ the agency
    assert find_agency("高沙镇开展秋季防火巡查", "全镇干部走村入户。", "洞口县应急管理局") == "县应急管理局"


def test_group_named_after_its_organ():
    text = "省民政厅调研组一行来我县调研养老服务，实地查看了两家敬老院。"
    assert find_agency(None, text, None) == "省民政厅调研组"
    topic = "11月3日，省委宣传部乡村文化建设督察组一行来我县督查。"
    assert find_agency(None, topic, None) == "省委宣传部督查组"
    # the organ forming groups acts itself
    formed = "6月3日，洞口县纪委组成两个督查组，到各乡镇检查防汛值班。"
    assert find_agency(None, formed, None) == "县纪委"


def test_group_led_by_an_official_is_the_agency():
    text = "10月9日，省委副秘书长某某率省委第二督查组到我县督查秋粮收购工作。"
    assert find_agency(None, text, None) == "省委督查组"
    # an official leading the organ's people (no group named) gives the organ
    plain = "10月9日，省农业农村厅副厅长某某一行到我县调研秋粮收购工作。"
    assert find_agency(None, plain, None) == "省农业农村厅"


def test_hotline_platform_and_office_in_a_12345_report():
    text = "2023年3月份，市12345平台共受理群众诉求1.2万件，按时办结率99%。"
    assert find_agency("2023年3月份市12345平台诉求办理通报", text, None) == "市12345热线"
    # an office printed without level takes the unit's level
    got = locate_article("二季度12345热线运行情况", "二季度，洞口县12345热线共受理诉求3000件。",
                         source="热线办")
    assert got.agency == "县12345热线"
    # a hotline office in a story with no 12345 keeps its name
    assert find_agency(None, "市长热线办公室组织接线员培训。", None) == "市长热线办公室"


def test_government_addressing_the_public_is_the_agency():
    text = "为推进决策公开，洞口县人民政府向社会公开邀请市民代表列席县政府常务会议。"
    assert find_agency(None, text, "洞口县人民政府办公室") == "县政府"
    # the government named as a place or a possessor is no actor
    assert find_agency(None, "洞口县人民政府门前的广场上，工人正在铺设管道。", None) is None
