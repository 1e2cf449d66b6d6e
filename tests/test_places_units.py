"""The locality from the set of named units (issue 12, CONVENTIONS L-zone-name, L-zone-city,
L-renamed): the county holding every township named, one zone whatever its printed form, the
headline's city as subject, an undated renamed unit read by its organs' level character.

Every text here was written for these tests, modelled on constructions met in real county and
city news (a district head touring several streets, a city's investment drive whose projects sit
in its new area, a county discipline committee inspecting a town).  Unit names are the
gazetteer's (jionlp); none of the sentences is copied from a real item.
"""

from __future__ import annotations

import datetime as dt

from helpers.places import locate_article
from helpers.places.gazetteer import load_gazetteer
from helpers.places.history import former_by_own_organs, own_level_chars
from helpers.places.locate import _county_of_townships, printed_townships
from helpers.places.zones import find_zones, printed_zone_name


def _core(loc) -> tuple:
    return loc.locality, loc.prefecture, loc.province, loc.level


# --- the county holding every township named --------------------------------------------------


def test_three_shared_streets_one_district_holds_all():
    # 东关/南关/北关街道 are each several districts' streets; only 埇桥区 has all three
    text = "区长王某到东关街道、南关街道、北关街道调研社区党群服务中心建设。"
    assert _core(locate_article(None, text)) == ("埇桥区", "宿州市", "安徽省", "county")


def test_two_streets_several_districts_hold_both_decide_nothing():
    # 东关街道 and 南关街道 together are still three districts' (埇桥区, 文峰区, 莲池区)
    text = "区长王某到东关街道、南关街道调研社区党群服务中心建设。"
    assert _county_of_townships(text) is None
    assert locate_article(None, text).locality is None


def test_street_list_of_another_district():
    text = "区委书记李某到西大街街道、东大街街道、中华路街道走访老旧小区改造工地。"
    assert _core(locate_article(None, text)) == ("文峰区", "安阳市", "河南省", "county")


def test_one_street_alone_is_no_set():
    assert _county_of_townships("区长到东关街道走访。") is None


def test_short_county_name_inside_street_name_is_the_street():
    # 卧龙 is 卧龙区's short name (南阳), but here only the start of 卧龙寺街道 (宝鸡 金台区)
    text = "区长王某到卧龙寺街道、中山东路街道、中山西路街道调研社区工作，要求全区抓好落实。"
    loc = locate_article(None, text)
    assert loc.locality == "金台区" and loc.province == "陕西省"
    head = "区委书记到卧龙寺街道调研"
    loc = locate_article(head, "区委书记李某到卧龙寺街道调研社区工作，要求全区上下抓好落实。")
    assert loc.locality != "卧龙区"


def test_shared_street_with_one_holder_s_short_name_printed_is_that_holder_s():
    # 龙岗街道 is a street of 龙岗区 (深圳), 大足区 (重庆) and 让胡路区 (大庆); 大足 printed elsewhere
    # says which; 龙岗 inside the street's own name says nothing
    head = "某某率队到龙岗街道调研"
    text = "3月18日，区人大常委会副主任某某率队到龙岗街道某社区督导防疫工作，先后查看了大足中学和农贸市场。"
    loc = locate_article(head, text)
    assert (loc.locality, loc.province, loc.township) == ("大足区", "重庆市", "龙岗街道")
    assert locate_article(head, text.replace("大足中学", "学校")).locality is None


def test_two_shared_streets_and_one_holder_s_short_name():
    text = "区长到东关街道、南关街道走访，并察看了莲池公园。"
    assert _core(locate_article(None, text)) == ("莲池区", "保定市", "河北省", "county")


def test_printed_townships_takes_the_longest_name():
    found = [name for _s, _e, name in printed_townships("到中山西路街道和东关街道")]
    assert found == ["中山西路街道", "东关街道"]


# --- one zone, whatever its printed form ------------------------------------------------------


def test_unlisted_zone_keeps_its_printed_short_form():
    text = "近日，珠海高新区与多家企业签约，珠海高新区管委会负责人介绍了园区政策。"
    loc = locate_article(None, text)
    assert _core(loc) == ("珠海高新区", "珠海市", "广东省", "zone")


def test_unlisted_zone_printed_in_full_somewhere_takes_the_full_form():
    text = "龙岩经开区召开大会。龙岩经济技术开发区党工委书记作报告。"
    assert locate_article(None, text).locality == "龙岩经济技术开发区"


def test_listed_zone_keeps_the_gazetteer_name():
    loc = locate_article(None, "新乡经开区召开大会，经开区党工委书记作报告。")
    assert loc.locality == "新乡经济技术开发区" and loc.admin_code == "410772"


def test_zone_site_name_counts_as_printed():
    zone = find_zones("安顺高新区")[0].place
    assert printed_zone_name(zone, ("安顺高新区召开会议",)) == "安顺高新区"
    assert printed_zone_name(zone, ("安顺高新区召开会议",), "安顺高新技术产业开发区") == (
        "安顺高新技术产业开发区")


def test_city_zone_with_its_own_gazetteer_unit_is_that_unit():
    # 成都天府新区 and 天府新区 are one unit (jionlp's county-level 天府新区 of 成都市)
    (long_form,) = find_zones("成都市将为成都天府新区另设工作机构")
    assert long_form.place.name == "天府新区" and long_form.place.level == "county"


_BODY = ("本次推介会重点介绍了天府新区的功能定位。成都市将为成都天府新区另设工作机构。"
         "天府新区是签约的重点。")


def test_city_as_headline_subject_with_its_zone_in_a_later_clause_is_the_city():
    loc = locate_article("成都在上海推介投资环境 天府新区项目成签约重点", _BODY)
    assert _core(loc) == ("成都市", "成都市", "四川省", "prefecture")


def test_zone_as_headline_subject_is_the_zone():
    loc = locate_article("天府新区在上海推介投资环境", _BODY)
    assert loc.locality == "天府新区"


def test_city_tag_before_a_colon_is_no_subject():
    loc = locate_article("成都：天府新区签约项目20个", _BODY)
    assert loc.locality == "天府新区"


# --- undated renamed units: the level character of the unit's own organs ----------------------

_INSPECTION = "5月8日，县纪委副书记一行到渌口镇检查节日期间作风建设情况。镇党委书记汇报了自查情况。"


def test_undated_county_organ_gives_the_former_county():
    loc = locate_article(None, _INSPECTION, home="渌口区")
    assert (loc.locality, loc.township, loc.level) == ("株洲县", "渌口镇", "township")
    assert loc.admin_code == "430212"  # today's code


def test_undated_district_organ_keeps_today_s_district():
    loc = locate_article(None, _INSPECTION.replace("县纪委", "区纪委"), home="渌口区")
    assert loc.locality == "渌口区"


def test_a_date_decides_before_the_organs():
    after = locate_article(None, _INSPECTION, home="渌口区", published=dt.date(2019, 5, 8))
    before = locate_article(None, _INSPECTION, home="渌口区", published=dt.date(2017, 5, 8))
    assert (after.locality, before.locality) == ("渌口区", "株洲县")


def test_county_made_a_city_with_and_without_county_organs():
    text = "县委书记张某到大成桥镇、双江口镇调研项目建设，要求全县加快项目进度。"
    assert locate_article(None, text).locality == "宁乡县"
    city = text.replace("县委", "市委").replace("全县", "全市")
    assert locate_article(None, city).locality == "宁乡市"


def test_both_level_characters_keep_today_s_name():
    assert own_level_chars("县委书记到某镇。区政府印发通知，全区推开。") == {"县": 1, "区": 2}
    place = next(p for p in load_gazetteer().full["渌口区"] if p.level == "county")
    assert former_by_own_organs(place, "县纪委到某镇检查，区委要求全区落实。") is None
    assert former_by_own_organs(place, "县纪委到某镇检查，全县推开。") == ("株洲县", "株洲市")


def test_a_named_county_s_organ_is_not_a_bare_one():
    # 攸县委 is 攸县's committee, not the unit's own 县委
    assert own_level_chars("攸县委书记到此调研。") == {}


def test_zone_named_as_jionlp_lists_it_at_county_level():
    # printed 安庆经济技术开发区; jionlp's one development zone of 安庆 with no own name is
    # 安徽安庆经济开发区 (340871)
    text = "市政协主席到安庆经济技术开发区调研，听取了安庆经济技术开发区工作汇报，并到开发区企业走访。"
    loc = locate_article(None, text)
    assert (loc.locality, loc.admin_code, loc.level) == ("安徽安庆经济开发区", "340871", "zone")


def test_zone_named_as_jionlp_lists_it_under_a_county():
    # jionlp has 天津滨海新区高新技术产业开发区 only as an entry under 滨海新区: the name, no code
    text = "高新区工委书记带队赴深圳招商。天津高新区与多家企业签约，高新区将提供服务。"
    loc = locate_article(None, text)
    assert _core(loc) == ("天津滨海新区高新技术产业开发区", "天津市", "天津市", "zone")
    assert loc.admin_code is None


def test_county_site_bare_zone_takes_the_listed_entry_name():
    text = "区人大常委会一行到经济开发区视察，听取开发区改革情况汇报，要求开发区加快发展。"
    loc = locate_article(None, text, home="杜集区")
    assert (loc.locality, loc.prefecture, loc.level) == ("淮北杜集经济开发区", "淮北市", "zone")


def test_bare_zone_word_after_a_city_organ_is_the_city_s_zone():
    body = "连日来，开封市市场监管局示范区成立检查组，深入辖区商超开展节前食品安全检查。"
    loc = locate_article("新春走基层丨市场监管局示范区开展节前检查", body)
    assert (loc.level, loc.prefecture, loc.province) == ("zone", "开封市", "河南省")
    # the same bureau without the zone word is the city's own
    city = locate_article(None, body.replace("示范区", ""))
    assert (city.locality, city.level) == ("开封市", "prefecture")


# --- a district named only inside a bureau's branch (CONVENTIONS L-branch) ------------------


def test_district_named_only_in_a_city_bureau_s_branch():
    text = ("榆林市公安局榆阳分局某某派出所民警张某说：“群众的事再小也是大事。”"
            "榆林市公安局要求各所做好服务。")
    loc = locate_article("民警耐心解答群众疑问", text)
    assert _core(loc) == ("榆阳区", "榆林市", "陕西省", "county")


def test_the_branch_kind_is_no_county_name():
    # 公安 of 公安分局 is also 公安县's short name: never read so
    loc = locate_article("民警耐心解答群众疑问", "某某区公安分局民警张某说：“群众的事再小也是大事。”")
    assert loc.province is None
    loc = locate_article("民警耐心解答群众疑问", "渝北区公安分局民警张某说：“群众的事再小也是大事。”")
    assert loc.locality == "渝北区"


# --- a city's name tagging the headline, one county of it in the body -------------------------

_TAG_HEAD = "【走基层】本溪：农忙时节送服务到田间"


def test_city_tag_after_a_column_tag_with_one_county_in_the_body_is_the_county():
    text = "10月，溪湖区组织志愿者到田间地头为农户送去农资和技术指导。\n志愿者还帮助农户抢收玉米。"
    assert _core(locate_article(_TAG_HEAD, text)) == ("溪湖区", "本溪市", "辽宁省", "county")


def test_city_tag_with_two_counties_or_a_county_named_late_stays_the_city():
    two = "10月，溪湖区、明山区组织志愿者到田间地头为农户送去农资。\n志愿者还帮助农户抢收玉米。"
    assert locate_article(_TAG_HEAD, two).locality == "本溪市"
    late = "10月，全市组织志愿者到田间地头为农户送去农资。\n据悉，溪湖区也将开展此类活动。"
    assert locate_article(_TAG_HEAD, late).locality == "本溪市"
