"""Localities, round 14: zones printed by their own name alone, a city standing in for a missing
home, a station's town under a headline naming its county, a street's headline with no county.

Texts written by the project's developers, modelled on constructions met in real items (sets 17
and 18); no sentence of those items is copied."""

from __future__ import annotations

from helpers.places import locate_article
from helpers.places.zones import self_named_zones


def _core(loc):
    return loc.locality, loc.prefecture, loc.province, loc.level


def test_zone_by_its_own_name_before_its_organ_gets_the_city_the_item_names():
    headline = "鹊湾新区部署汛期安全大检查"
    text = ("据气象部门消息，本周芜湖将迎来强降雨。\n\n"
            "6月2日，鹊湾新区管委会副主任带队检查在建工地和渡口，要求新区各部门压实责任。")
    loc = locate_article(headline, text)
    assert _core(loc) == ("鹊湾新区", "芜湖市", "安徽省", "zone")


def test_zone_by_its_own_name_takes_the_homes_city():
    text = "1月10日，鹊湾新区党工委召开会议，研究新区年度重点工作。鹊湾新区各部门参加。"
    loc = locate_article("新区召开党工委会议", text, home="芜湖市")
    assert _core(loc) == ("鹊湾新区", "芜湖市", "安徽省", "zone")


def test_zone_by_its_own_name_with_no_city_told_stays_without_one():
    text = "1月10日，鹊湾新区党工委召开会议。会议要求鹊湾新区各部门抓好落实。"
    loc = locate_article("鹊湾新区召开党工委会议", text)
    assert _core(loc) == ("鹊湾新区", None, None, "zone")


def test_a_phrase_cut_before_an_organ_once_is_no_zone():
    # 听取关于新区 is the tail of a clause, printed once: no zone of that name
    text = "会议听取了新区工作汇报，听取关于新区党工委班子建设情况的说明。"
    assert self_named_zones("", text) == []


def test_a_zone_named_after_its_county_before_its_organ_lies_in_that_countys_city():
    zones = self_named_zones("", "近日，瑞金经开区管委会组织企业开展消防演练。")
    assert [(z.place.name, z.place.prefecture, z.place.province) for z in zones] == [
        ("瑞金经开区", "赣州市", "江西省")]


def test_a_new_area_run_by_a_committee_is_a_zone_before_it_became_a_district():
    # 光明新区 became 光明区 of 深圳市 later; its 管委会 shows the functional zone it then was
    headline = "光明新区召开经济工作会议"
    text = "会上，光明新区管委会主要负责同志通报了全年工作，新区各办局负责人参加。"
    loc = locate_article(headline, text)
    assert _core(loc) == ("光明新区", "深圳市", "广东省", "zone")


def test_a_city_bodys_inspection_of_its_bare_zone_is_the_zones_without_a_home():
    text = ("3月9日，渭南市住建局带领检查组来经开区检查在建项目。经开区管委会副主任陪同。\n"
            "检查组先后察看了经开区三个项目现场，要求经开区压实安全责任。")
    loc = locate_article(None, text)
    assert (loc.prefecture, loc.province, loc.level) == ("渭南市", "陕西省", "zone")


def test_a_citys_words_on_its_zones_keep_the_city_without_a_zone_organ():
    text = ("渭南市召开全市开发区建设推进会。会议指出，开发区是全市发展的主阵地，"
            "各开发区要比学赶超，全市开发区要抓好招商。")
    loc = locate_article("全市开发区建设推进会召开", text)
    assert _core(loc) == ("渭南市", "渭南市", "陕西省", "prefecture")


def test_a_station_opening_the_report_is_its_towns_under_a_county_headline():
    headline = "秭归县干群携手织密反诈防护网"
    text = ("记者从县公安局获悉，秭归县公安局茅坪派出所近期深入各村开展反诈宣传。\n\n"
            "在茅坪镇，宣传展板随处可见，民警还走进村民院坝讲解案例。")
    loc = locate_article(headline, text)
    assert (loc.locality, loc.level, loc.township) == ("秭归县", "township", "茅坪镇")


def test_a_county_wide_report_keeps_the_county_despite_a_station_in_its_lead():
    headline = "秭归县全面开展反诈宣传"
    text = ("全县各派出所近期集中开展反诈宣传，秭归县公安局茅坪派出所走在前列。\n\n"
            "全县共举办宣讲120场，覆盖全县各乡镇。")
    loc = locate_article(headline, text)
    assert (loc.locality, loc.level, loc.township) == ("秭归县", "county", None)


def test_a_street_opening_the_headline_keeps_its_name_when_no_county_is_told():
    # several districts have a 城南街道: the county is not guessed, the street's level and name
    # are what the item prints
    loc = locate_article("城南街道召开垃圾分类推进会",
                         "9月3日，城南街道召开推进会，街道党工委书记讲话。")
    assert (loc.locality, loc.level, loc.township) == (None, "township", "城南街道")


def test_a_home_several_units_share_is_refused_with_their_list(tmp_path):
    import pytest

    from helpers.errors import InputError
    from helpers.formats.metadata import check_home
    with pytest.raises(InputError) as err:
        check_home("鼓楼区", path=tmp_path / "metadata.yaml")
    message = str(err.value)
    assert "metadata.yaml" in message and "福州市鼓楼区" in message and "开封市鼓楼区" in message


def test_a_home_with_its_city_names_the_one_unit():
    text = "5月6日，区委召开常委会议，研究部署防汛工作。"
    for home in ("开封市鼓楼区", "河南省开封市鼓楼区", "开封鼓楼区"):
        loc = locate_article("区委召开常委会议", text, home=home)
        assert _core(loc) == ("鼓楼区", "开封市", "河南省", "county"), home


def test_a_shared_home_given_to_the_resolver_directly_is_not_guessed():
    loc = locate_article("区委召开常委会议", "5月6日，区委召开常委会议。", home="鼓楼区")
    assert loc.locality is None


def test_a_zone_named_after_its_county_is_a_home():
    from pathlib import Path

    from helpers.formats.metadata import check_home
    check_home("宁乡经济开发区", path=Path("metadata.yaml"))  # no error
    loc = locate_article("开发区召开安全生产会议", "3月2日，开发区召开安全生产会议。",
                         home="宁乡经济开发区")
    assert (loc.prefecture, loc.province, loc.level) == ("长沙市", "湖南省", "zone")


def test_a_bare_high_tech_zone_word_is_no_one_citys_zone():
    # jionlp gives 成都高新技术产业开发区 the short form 高新区; any city's bare 高新区 is not it
    text = "3月1日，高新区党工委书记、新吴区委书记主持召开会议，传达全市两会精神。"
    loc = locate_article("高新区党工委会议传达两会精神", text, home="新吴区")
    assert loc.province == "江苏省" and loc.prefecture == "无锡市"


def test_a_short_unique_town_named_twice_as_a_subject_gives_its_county():
    text = ("日前，弼时镇召开乡村振兴现场会，观摩团走进各村项目现场。\n"
            "会议要求弼时镇各村对标先进，补齐短板。")
    loc = locate_article(None, text)
    assert (loc.locality, loc.level, loc.township) == ("汨罗市", "township", "弼时镇")


def test_a_dictionary_word_shaped_like_a_town_is_no_town():
    loc = locate_article(None, "国家支持小城镇建设。小城镇建设要因地制宜。")
    assert loc.locality is None


def test_first_person_city_on_a_county_site_is_the_countys_city():
    # a county site carrying its city paper's story: 我市 there is the city
    loc = locate_article(None, "本报讯 近日，我市召开安全生产会议，全市各县区参加。", home="周宁县")
    assert _core(loc) == ("宁德市", "宁德市", "福建省", "prefecture")
    loc = locate_article(None, "本报讯 近日，我市召开安全生产会议。", home="宁乡市")
    assert _core(loc) == ("宁乡市", "长沙市", "湖南省", "county")
