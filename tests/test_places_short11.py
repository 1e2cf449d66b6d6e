"""Short names in a chain of units (issue 12, round 11): a unit's short name printed directly
after its own parent's name, full or short (湖南湘潭, 宜昌秭归, 绵阳市北川), is the unit; a short
name alone, one running on into an organisation's name or a region, or one inside a headline
(a venue) is not read so.

Every text here was written for these tests, modelled on constructions met in other projects'
published address cases and in real county news (a visitor's home town, a forum's venue).  Unit
names are the gazetteer's (jionlp); none of the sentences is copied from a real item.
"""

from __future__ import annotations

from helpers.places import locate_article
from helpers.places.aliases import chain_mentions
from helpers.places.gazetteer import load_gazetteer


def _core(loc) -> tuple:
    return loc.locality, loc.level, loc.province


# --- chains read ------------------------------------------------------------------------------


def test_province_then_prefecture_by_short_names():
    loc = locate_article("", "记者日前走进江西赣州，看到脐橙园里一片忙碌，果农正在装箱。")
    assert _core(loc) == ("赣州市", "prefecture", "江西省")


def test_prefecture_then_county_by_short_names():
    loc = locate_article("", "宜昌秭归的橙农这几天忙着把新采的脐橙送到收购点。")
    assert _core(loc) == ("秭归县", "county", "湖北省")


def test_county_short_name_after_its_prefectures_full_name():
    # the prefecture printed in full before its county's short name drops, as before a full name
    loc = locate_article("", "在四川省绵阳市北川的羌绣工坊里，绣娘们赶制一批订单。")
    assert _core(loc) == ("北川羌族自治县", "county", "四川省")


def test_three_units_chained():
    loc = locate_article("", "游客们从广西桂林阳朔出发，沿着漓江骑行到渡口。")
    assert _core(loc) == ("阳朔县", "county", "广西壮族自治区")


def test_a_chain_opening_the_headline():
    loc = locate_article("湖南郴州汝城推进高标准农田建设",
                         "今年以来，当地新建高标准农田两万亩，配套修建沟渠和机耕道。")
    assert _core(loc) == ("汝城县", "county", "湖南省")


def test_a_unit_in_the_chain_may_start_with_a_direction():
    # 南澳 starts with 南, which after a last name would make a region (湘西北): not inside
    loc = locate_article("", "记者走进广东汕头南澳，看到渔船陆续归港。")
    assert _core(loc) == ("南澳县", "county", "广东省")


def test_a_full_county_name_after_a_province_short_name_is_the_full_name_read():
    # 通化 under 吉林 is the city, but 通化县 is printed in full: the county, not the city
    loc = locate_article("", "吉林通化县的人参种植户今年又迎来丰收。")
    assert _core(loc) == ("通化县", "county", "吉林省")


def test_chain_mentions_drop_every_parent_but_the_last_unit():
    gaz = load_gazetteer()
    found = chain_mentions(gaz, "", "他们来自广西桂林阳朔。", [], lambda _h, _s: 1.0)
    kept = [m.place.name for m in found if not m.dropped]
    dropped = [m.place.name for m in found if m.dropped]
    assert kept == ["阳朔县"]
    assert dropped == ["广西壮族自治区", "桂林市"]


# --- short names not read ---------------------------------------------------------------------


def test_a_prefectures_short_name_alone_opening_a_text_is_not_read():
    loc = locate_article("", "荆州古城墙下的早市一早就热闹起来，摊主们摆出新鲜蔬菜。")
    assert loc.locality is None


def test_a_prefectures_short_name_alone_opening_a_headline_is_not_read():
    loc = locate_article("荆州花鼓戏走进校园", "演员们为孩子们表演了传统剧目，并教大家几个基本动作。")
    assert loc.locality is None


def test_a_chain_running_on_into_a_universitys_name_is_not_read():
    loc = locate_article("", "毕业于湖北武汉理工大学的小王回到家乡办起了农场。")
    assert loc.locality is None


def test_a_chain_running_on_into_a_region_is_not_read():
    # 湘西北 is a region of the province, not the prefecture 湘西
    loc = locate_article("", "湖南湘西北部山区的茶农开始采摘春茶。")
    assert loc.locality is None


def test_a_short_name_not_under_the_name_before_it_is_not_read():
    # 大理 is a prefecture of 云南, not of 广东: 广东大理石 is a stone
    loc = locate_article("", "这批广东大理石板材已经装车发往工地。")
    assert loc.locality is None


_FORUM = ("日前，全省村干部论坛在秭归县茅坪镇召开。与会人员参观了茅坪镇的脐橙基地和村史馆，"
          "茅坪镇党委书记介绍了发展经验。")


def test_a_chain_inside_a_headline_is_a_venue_and_keeps_the_township():
    loc = locate_article("全省百名村干部齐聚宜昌秭归共话乡村振兴", _FORUM)
    assert loc.locality == "秭归县" and loc.level == "township"
    assert loc.township == "茅坪镇"


def test_the_same_chain_opening_the_headline_is_its_subject():
    # the headline now names the county as its subject: the county's report, not the town's
    loc = locate_article("宜昌秭归召开村干部论坛", _FORUM)
    assert loc.locality == "秭归县" and loc.level == "county"
