"""One grammar for organ, branch and station names (helpers.places.agency, .townships; issue 12,
CONVENTIONS A-township, A-station, A-led-group, A-source, L-station, L-branch).

Every sentence here is written for the test, modelled on constructions met in real reports;
each construction is tried in both directions (the rule fires / a neighbouring wording that
must not fire)."""

from __future__ import annotations

import pytest

from helpers.places import locate_article
from helpers.places.agency import (
    branch_organ,
    find_agency,
    organ_units,
    read_organs,
    township_organ,
)


# -- township organs are agencies (A-township) ----------------------------------------------------
@pytest.mark.parametrize(("text", "organ"), [
    ("6月3日，洞口县高沙镇纪委组成两个督查组，到各村检查防汛值班。", "镇纪委"),
    ("近年来，高沙镇纪委紧盯惠民资金，开展专项监督。", "镇纪委"),
    ("高沙镇政府接到群众反映后，当天派人到现场处理积水。", "镇政府"),
    ("山门镇人民政府迅速行动，转移低洼地带群众。", "镇政府"),
    ("文昌街道办事处收到工单后，组织人员疏通下水道。", "街道办事处"),
    ("杨林寨乡纪委监委对三名村干部进行了提醒谈话。", "乡纪委监委"),
])
def test_a_township_organ_acting_is_the_agency(text, organ):
    assert find_agency(None, text, None) == organ


@pytest.mark.parametrize("text", [
    "5月8日，高沙镇召开镇党委会议，研究部署秋收工作。",          # the town holds its meeting
    "高沙镇党委会议审议通过了村级议事规则。",                     # a meeting as a whole
    "镇党委、政府全体领导干部和各村支部书记参加了比武。",          # the leadership as a whole
    "各镇相继召开人代会，认真审议镇政府工作报告。",               # a report, no organ acting
    "高沙镇党委书记王某到村里检查水渠。",                         # a person with a title
])
def test_a_township_meeting_report_or_official_is_no_agency(text):
    assert find_agency(None, text, None) is None


def test_a_township_committee_by_its_formal_name_issues_the_notice():
    headline = "中共江口镇委员会关于巡察整改进展情况的通报"
    text = "根据县委统一部署，县委第二巡察组对江口镇党委开展了巡察。现将整改进展情况公布如下。"
    assert find_agency(headline, text, None) == "镇党委"


def test_the_inspected_township_committee_reports_its_rectification():
    text = ("按照县委统一部署，县委第三巡察组对石柱镇党委开展了常规巡察。"
            "整改期间，现将我镇巡察整改阶段进展情况向社会公开。")
    assert find_agency(None, text, None) == "镇党委"


def test_an_inspection_team_reporting_its_own_work_stays_the_team():
    text = "县委第三巡察组进驻石柱镇，召开巡察工作动员会，公布举报电话。"
    assert find_agency(None, text, None) == "县委巡察组"  # without its ordinal (A-group)


def test_township_organ_needs_a_real_town_when_nothing_precedes_it():
    assert township_organ("高沙镇政府接到来信") == ("镇政府", 5)
    assert township_organ("认真审议镇政府工作报告") is None  # 认真审议 is no town
    assert township_organ("各乡镇政府") is None


# -- organ endings -------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "organ"), [
    ("为推动决策落实，市政府督查室近期对重点项目进行了督办。", "市政府督查室"),
    ("市长热线办公室自7月起开通夜间专线，方便群众反映诉求。", "市长热线办公室"),
    ("湘阴县纪委监察委派出四个暗访组检查节日作风。", "县纪委监察委"),
])
def test_organ_endings(text, organ):
    assert find_agency(None, text, None) == organ


def test_a_head_is_still_no_organ_before_an_ordinary_word():
    # 长 joins words (县长在县民政局): only before 热线 or 信箱 is it part of a name
    assert find_agency(None, "县长在县民政局召开座谈会，听取意见。", None) is None


def test_a_column_bar_parts_the_column_from_the_subject():
    headline = "新春走基层丨湘阴县市场监管局开展节前食品安全检查"
    assert find_agency(headline, "连日来，执法人员走进商超检查。", None) == "县市场监管局"


# -- chains: bureau, branch, station (A-station, A-chain) --------------------------------------
def test_a_city_bureaus_district_branch_reports_for_its_station():
    text = "邵阳市公安局双清分局东风派出所民警在巡逻中救下一名落水儿童。"
    assert find_agency(None, text, None) == "区公安分局"
    (organ,) = read_organs(text)
    assert (organ.place, organ.organ) == ("邵阳市", "市公安局")
    assert (organ.branch, organ.branch_place) == ("区公安分局", "双清")
    assert organ.station == "东风派出所" and organ.reporting == "区公安分局"


def test_a_county_bureaus_station_reports_through_the_bureau():
    text = "湘阴县公安局东塘派出所民警接到报警后迅速出警。"
    assert find_agency(None, text, None) == "县公安局"
    (organ,) = read_organs(text)
    assert organ.place == "湘阴县" and organ.branch is None and organ.station_stem == "东塘"
    assert organ.reporting == "县公安局"


def test_read_organs_reads_township_organs_in_running_text():
    found = read_organs("会上，东塘镇纪委通报了两起案例，各乡镇纪委书记参加。")
    assert [o.organ for o in found] == ["镇纪委"]  # 各乡镇纪委 names no one town


def test_a_county_bureaus_township_branch_is_a_station_not_a_district():
    # 东塘 names a town, no county-level unit: the bureau reports
    assert branch_organ("县市场监管局东塘分局", 6, "县市场监管局") is None
    assert find_agency(None, "湘阴县市场监管局东塘分局执法人员检查了农贸市场。", None) == (
        "县市场监管局")


def test_units_named_only_inside_organ_names():
    units = organ_units("邵阳市公安局双清分局民警和大祥公安分局民警联合执勤。")
    assert [name for _s, _e, name in units] == ["双清", "大祥"]
    assert organ_units("湘阴县公安局东塘派出所民警出警。") == []


def test_a_branch_of_another_kind_names_its_unit_too():
    # a tax branch by the district's short name alone, and the name before a bare 分局
    assert [n for _s, _e, n in organ_units("大祥税务分局干部走访企业。")] == ["大祥"]
    assert organ_units("县税务分局干部走访企业。") == []


def test_the_names_passed_in_are_read_with_the_same_grammar():
    text = "市生态环境局柳河县分局和公安分局联合检查。"
    names = [(6, 9, "柳河县"), (12, 14, "公安")]
    # 柳河县 opens a branch; 公安 is the kind of the branch after it, no unit
    assert organ_units(text, names=names) == [(6, 9, "柳河县")]
    # a name followed by a station, not a branch, names no unit here
    assert organ_units("柳河县派出所民警出警。", names=[(0, 3, "柳河县")]) == []


# -- led and visiting groups (A-led-group) -----------------------------------------------------
def test_an_organs_official_with_his_party_reports():
    text = "4月2日，县纪委副书记张某一行到东塘镇督查作风建设。"
    assert find_agency(None, text, None) == "县纪委"


def test_the_discipline_commissions_two_names_in_an_officials_titles():
    text = "4月2日，县纪委副书记、监委副主任张某一行到东塘镇督查作风建设。"
    assert find_agency(None, text, None) == "县纪委监委"


def test_an_official_of_two_organs_with_his_party_names_no_one_organ():
    text = "3月8日，市政协副主席、市工信局局长王某一行到湘阴县调研园区企业。"
    assert find_agency(None, text, None) is None


def test_an_official_of_two_organs_leading_a_group_names_no_one_organ():
    text = "2月20日，开发区工委书记、管委会主任李某带队赴深圳开展招商活动。"
    assert find_agency(None, text, None) is None


def test_an_official_without_a_group_is_a_person():
    text = "4月2日，县纪委副书记张某在东塘镇主持召开座谈会。"
    assert find_agency(None, text, None) is None


# -- the printed 来源 comes after an acting organ (A-source) -------------------------------------
def test_an_acting_subject_beats_the_printed_source():
    text = "双清公安分局东风派出所民警连日走村入户，宣传防诈骗知识。"
    assert find_agency(None, text, "邵阳市公安局") == "区公安分局"


def test_the_printed_source_when_no_organ_acts():
    text = "连日来，民警走村入户宣传防诈骗知识，群众纷纷点赞。"
    assert find_agency(None, text, "邵阳市公安局") == "市公安局"


def test_a_hotline_as_subject_leaves_the_printed_organ_that_runs_it():
    headline = "邵阳市12345政务服务热线进社区活动启动"
    text = "5月10日，宣传活动在双清区启动，工作人员向群众发放资料。"
    assert find_agency(headline, text, "邵阳市数字化城市管理中心") == "市数字化城市管理中心"


# -- a police station named after a township is the township's (L-station) ------------------------
def test_one_station_named_after_a_township_gives_the_township():
    text = ("3月5日，中牟县公安局官渡派出所接到村民报警，称家中三只羊走失。民警随即沿河搜寻，"
            "当晚将羊送回。村民专程到派出所送来锦旗。")
    loc = locate_article("民警帮村民找回走失的羊", text)
    assert (loc.locality, loc.level, loc.township) == ("中牟县", "township", "官渡镇")
    assert loc.agency == "县公安局"


def test_two_stations_of_the_county_stay_the_county():
    text = ("国庆期间，中牟县公安局官渡派出所和刘集派出所联合巡逻，查处违法行为十余起。"
            "县公安局将继续加强节日安保。")
    loc = locate_article("节日安保有力有序", text)
    assert (loc.locality, loc.level, loc.township) == ("中牟县", "county", None)


def test_a_station_named_after_a_road_stays_the_county():
    text = "5月3日，中牟县公安局青年路派出所民警抓获一名盗窃嫌疑人。民警提醒群众锁好车辆。"
    loc = locate_article("民警抓获盗窃嫌疑人", text)
    assert (loc.locality, loc.level) == ("中牟县", "county")


# -- stations printed after their unit's name; datelines; railway police ------------------------
@pytest.mark.parametrize(("text", "organ"), [
    ("湘阴县东塘派出所民警接到报警后，迅速赶到现场。", "县公安局"),
    ("湘阴东塘派出所民警接到报警后，迅速赶到现场。", "县公安局"),
    # a city district's police is a branch of the city's bureau
    ("双清区东风派出所民警在巡逻中发现一名走失老人。", "区公安分局"),
    ("湘阴县东塘司法所工作人员调解了一起土地纠纷。", "县司法局"),
])
def test_a_station_after_its_units_name_reports_through_the_units_bureau(text, organ):
    assert find_agency(None, text, None) == organ


def test_a_station_with_no_unit_before_it_names_no_bureau():
    assert find_agency(None, "东塘派出所民警接到报警后，迅速赶到现场。", None) is None


def test_an_outlets_dateline_is_no_acting_organ():
    text = "湘阴县融媒体中心讯（记者李某）5月6日，县公安局东塘派出所走进校园开展防溺水宣传。"
    assert find_agency(None, text, None) == "县公安局"


def test_a_media_centre_acting_is_still_the_organ():
    text = "5月6日，县融媒体中心一行来到东塘镇，拍摄乡村振兴专题片。"
    assert find_agency(None, text, None) == "县融媒体中心"


def test_railway_police_are_no_local_organ():
    text = "6月2日，长沙铁路公安处湘阴站派出所民警在候车室抓获一名网上逃犯。"
    assert find_agency(None, text, None) is None


def test_the_lead_station_is_the_report_whichever_town_the_case_leads_to():
    text = ("5月9日，中牟县公安局官渡派出所民警在辖区巡逻时发现一名可疑男子。经查，该男子曾在"
            "刘集镇盗窃电缆。民警随后赶到刘集镇取证，并将其带回派出所审查。")
    loc = locate_article("民警巡逻揪出盗窃嫌疑人", text)
    assert (loc.locality, loc.level, loc.township) == ("中牟县", "township", "官渡镇")


def test_a_county_wide_bulletin_naming_one_station_stays_the_county():
    headline = "中牟县公安局：全县夏季治安整治成效明显"
    text = ("今年夏季以来，县公安局共破获刑事案件120起，抓获嫌疑人95名。其中，官渡派出所破获盗窃案"
            "8起。县公安局将继续保持严打高压态势。")
    loc = locate_article(headline, text)
    assert (loc.locality, loc.level, loc.township) == ("中牟县", "county", None)


# -- courts, cadres, a city's short name before its county -------------------------------------
@pytest.mark.parametrize(("text", "organ"), [
    ("湘阴县法院巡回法庭走进东塘镇，就地审理一起邻里纠纷。", "县人民法院"),
    ("湘阴县人民法院巡回法庭走进东塘镇，就地审理一起邻里纠纷。", "县人民法院"),
])
def test_a_court_is_reported_by_its_full_name(text, organ):
    assert find_agency(None, text, None) == organ


def test_cadres_are_people_not_a_department():
    text = "10月1日，湘阴县各族干部、群众两万余人齐聚广场，庆祝国庆。"
    assert find_agency(None, text, None) is None


def test_a_citys_short_name_may_open_the_place_before_the_organ():
    text = "5月2日，据岳阳湘阴县纪委监委消息，该县通报三起违反八项规定精神问题。"
    assert find_agency(None, text, None) == "县纪委监委"
    # a word that is no unit's short name before the county does not
    assert find_agency(None, "5月2日，据悉湘阴县纪委监委消息，该县通报三起问题。", None) is None


def test_an_autonomous_regions_cppcc_by_its_formal_name():
    text = "26日上午，政协第十一届西藏自治区委员会召开专门委员会全体会议。"
    assert find_agency(None, text, None) == "自治区政协"
    text = "26日上午，政协第十届湘阴县委员会召开常委会议。"
    assert find_agency(None, text, None) == "县政协"
