"""Agencies that transfer (issue 12, session 12): a station's report whose opening names no
acting organ has the bureau above the station (CONVENTIONS A-station).  Sentences are our own."""

from __future__ import annotations

from helpers.places import locate_article
from helpers.places.agency import find_agency, organs, station_bureau, town_acting


# -- a station's report: the bureau above the station ------------------------------------------
def test_bare_station_after_its_township_takes_the_county_bureau():
    text = ("本报讯 近日，村民李某来到鹤龙湖派出所，送上一面锦旗。此前，鹤龙湖派出所民警帮他"
            "找回了走失的牛。湘阴县鹤龙湖镇的干部说，这是分内的事。")
    got = locate_article("", text, published=None, home=None, source=None)
    assert (got.locality, got.level, got.agency) == ("湘阴县", "township", "县公安局")


def test_bare_station_takes_the_level_of_the_unit():
    text = "一位老人迷路，泽国派出所接到报警后出警。派出所民警把老人送回了家。"
    assert station_bureau("", text, unit="温岭市") == "市公安局"
    assert station_bureau("", text, unit="某某区") == "区公安分局"


def test_branch_printed_with_its_kind_before_the_short_name():
    text = "我们跟随公安河西分局柳湾派出所的民警走了一天。派出所早上八点交班。"
    assert station_bureau("", text, unit="河西区") == "区公安分局"


def test_printed_bureau_and_branch_decide_the_level():
    text = "上周，市公安局江北分局桃源路派出所破获一起盗窃案。派出所随后发布提示。"
    assert station_bureau("", text, unit=None) == "区公安分局"


def test_station_named_once_is_a_place_passed_through():
    text = "张某路过泽国派出所门口时捡到一个钱包，交给了社区。"
    assert station_bureau("", text, unit="温岭市") is None


def test_station_named_with_a_partner_is_a_joint_report():
    text = ("某某街道与市公安局某某派出所以党建引领联动共治，化解纠纷。"
            "派出所和街道每周会商一次。")
    assert station_bureau("", text, unit="鼓楼区") is None


def test_railway_police_station_has_no_local_bureau():
    text = "近日，某某铁路公安处某某站派出所民警在候车室找回旅客遗失的背包。派出所提醒旅客。"
    assert station_bureau("", text, unit="某某区") is None


def test_station_after_other_words_is_no_named_station():
    text = "先生们来到这个派出所，送上锦旗。派出所民警很感动。"
    assert station_bureau("", text, unit="温岭市") is None


# -- a town taking up a case acts through its government (CONVENTIONS A-township) -------------
def test_town_taking_up_a_work_order_is_its_government():
    text = ("居民拨打12345热线，反映村口路灯不亮。接到工单后，白沙镇高度重视，"
            "当天派人修好了路灯。")
    assert town_acting("", text, township="白沙镇") == "镇政府"


def test_subdistrict_hotline_taking_a_case_is_the_office():
    text = "本月初，青石街道便民热线接到居民来电工单，反映楼道灯损坏。街道当天派人更换。"
    assert town_acting("", text, township="青石街道") == "街道办事处"


def test_headline_tag_with_the_town_acting_on_a_complaint():
    headline = "[青石街道]接诉即办 群众点赞"
    text = "居民通过12345热线反映的积水问题，两天内得到解决。"
    assert town_acting(headline, text, township="青石街道") == "街道办事处"


def test_town_drive_without_a_case_is_the_town_as_a_whole():
    text = "今年以来，白沙镇开展人居环境整治擂台赛，各村比拼清洁成效。"
    assert town_acting("", text, township="白沙镇") is None


def test_town_as_a_place_of_a_case_is_no_actor():
    text = "居民拨打12345热线投诉。白沙镇某村的道路被挖断，施工队随后修复。"
    assert town_acting("", text, township="白沙镇") is None


def test_town_printed_with_its_government_is_read_elsewhere():
    text = "白沙镇政府接到群众来信后，立即派人核实。"
    assert town_acting("", text, township="白沙镇") is None


# -- forms and intros --------------------------------------------------------------------------
def test_writer_learning_from_an_organ_names_the_organ():
    text = "5月3日，笔者从县行政服务中心获悉：新大厅下月启用。"
    assert find_agency(None, text, None) == "县行政服务中心"


def test_writer_visiting_a_place_names_no_organ():
    text = "5月3日，笔者从县城出发，来到山里的小学。"
    assert find_agency(None, text, None) is None


# -- the police of a whole unit, and 部分 -------------------------------------------------------
def test_police_of_the_whole_city_report_through_the_city_bureau():
    text = "今年以来，全市公安机关坚持打防并举，破获刑事案件300余起。"
    assert find_agency(None, text, None) == "市公安局"
    text = "5月1日至3日，全区公安机关开展夜间巡查。"
    assert find_agency(None, text, None) == "区公安分局"


def test_police_named_as_an_object_is_no_subject():
    text = "今年以来，群众对全市公安机关的满意度明显上升。"
    assert find_agency(None, text, None) is None


def test_most_of_a_county_is_no_department():
    text = "近日，某某县大部分村庄完成了改厕。"
    assert find_agency(None, text, None) is None
    assert organs("县委宣传部部分干部参加")[0][2] == "县委宣传部"


# -- a town named once, then referred to as 镇上 / 镇干部 (CONVENTIONS L-unnamed-town) ------------
TOWN_MARKET = ("本报讯 昨日，正逢崇龛镇赶集日，该镇广场上人头攒动。“听了镇干部的讲解，我明白了全区"
               "今年要办的几件大事。”一位居民说。区里的会议开完以后，镇上马上组织宣传队走村入户。"
               "镇相关负责人介绍，重点工作都要讲到每家每户。")


def test_town_referred_to_by_its_cadres_and_its_market_is_the_report_level():
    got = locate_article("", TOWN_MARKET, published=None, home="潼南区", source=None)
    assert (got.locality, got.level, got.township) == ("潼南区", "township", "崇龛镇")


def test_county_market_day_without_the_town_words_stays_the_county():
    text = ("本报讯 昨日，正逢崇龛镇赶集日，该镇广场上人头攒动。全区各部门在集市上设点宣传，"
            "区里的干部讲解了全区今年要办的几件大事。全区群众踊跃答题。")
    got = locate_article("", text, published=None, home="潼南区", source=None)
    assert (got.locality, got.level) == ("潼南区", "county")
