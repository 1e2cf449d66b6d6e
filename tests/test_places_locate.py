"""locate_article (helpers.places.locate): level, zones, home, datelines, renames, townships,
agencies.

Every text here was written for these tests, modelled on constructions met in real county and
city news (a city's ranking bulletin, a provincial discipline report on one county, a zone's own
site, 我县 in a county paper, a dateline from another city, a renamed county, an organ in the
来源 string, a traditional-character mirror copy).  None is copied from a real item.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from helpers.places import Locality, locate_article, resolve_locality
from helpers.places.agency import find_agency, organs, source_organ
from helpers.places.deixis import mask_dateline
from helpers.places.gazetteer import Place
from helpers.places.history import as_of
from helpers.places.script import to_simplified

HUNAN = "湖南省"


def _core(loc: Locality) -> tuple:
    return loc.locality, loc.prefecture, loc.province, loc.level


# --- levels ------------------------------------------------------------------------------------


def test_county_report():
    loc = locate_article("洞口县：质量强县战略见实效", "近年来，洞口县大力推进质量强县。")
    assert loc == Locality("洞口县", "邵阳市", HUNAN, "county", "430525", None, None)


def test_city_ranking_bulletin_is_the_city():
    text = ("近日，邵阳市重点项目观摩团对各县市区进行了观摩。洞口县、隆回县、邵东市分列前三名。\n"
            "新邵县、武冈市、邵阳县分列四至六名，绥宁县排名靠后。")
    loc = locate_article("全市一季度重点项目观摩排名出炉", text)
    assert _core(loc) == ("邵阳市", "邵阳市", HUNAN, "prefecture")
    assert loc.admin_code == "430500"


def test_city_report_on_its_two_districts():
    text = ("3月2日，邵阳市创城督查组对两区责任单位进行督查，共发现问题40个，其中北塔区18个，双清区22个。\n"
            "红榜：双清区财政局、北塔区人社局、双清区城管局。\n"
            "黑榜：北塔区住建局、双清区环卫中心。")
    loc = locate_article("关于对两区责任单位评比情况的通报", text)
    assert _core(loc) == ("邵阳市", "邵阳市", HUNAN, "prefecture")
    # two districts alone, the city never referred to: a comparison, not a bulletin
    alone = "近日，北塔区、双清区签订合作协议。北塔区代表发言。双清区代表发言。"
    assert locate_article(None, alone).level == "county"


def test_provincial_bulletin_over_several_cities_is_the_province():
    text = ("近日，湖南省纪委监委通报5起典型问题。\n洞口县某某违规收受礼金；澧县某某违规发放津贴；"
            "双牌县某某公款吃喝；桑植县某某违规使用公车；宁乡市某某违规操办婚宴。")
    loc = locate_article("省纪委监委通报5起典型问题", text)
    assert _core(loc) == (HUNAN, None, HUNAN, "province")
    assert (loc.admin_code, loc.agency) == ("430000", "省纪委监委")


def test_provincial_body_reporting_on_one_county_is_the_county():
    text = ("近日，湖南省纪委监委通报了洞口县某局原局长违反中央八项规定精神问题。\n"
            "经查，该局长多次违规接受宴请。洞口县纪委监委给予其党内严重警告处分。")
    loc = locate_article("湖南省纪委监委通报一起违纪问题", text)
    assert _core(loc) == ("洞口县", "邵阳市", HUNAN, "county")
    assert loc.agency == "省纪委监委"


def test_national_item_is_nothing():
    text = ("近日，国务院常务会议部署秋冬季农业生产，河北省、山东省、河南省、湖南省、四川省等"
            "粮食主产区要抓好秋收秋种。")
    assert _core(locate_article("国务院部署秋冬季生产", text)) == (None, None, None, None)


def test_a_county_comparing_itself_with_neighbours_stays_the_county():
    text = ("前三季度，全县主要经济指标持续增长。\n工业增加值增速全市第一，综合排名全市第四，"
            "位居北塔区、双清区、武冈市之后。全县上下要比拼赶超，我县排名上升6位。")
    loc = locate_article(None, text, home="洞口县")
    assert _core(loc) == ("洞口县", "邵阳市", HUNAN, "county")


# --- zones -------------------------------------------------------------------------------------


def test_zone_jionlp_lacks_is_its_own_unit():
    text = "10月30日，邵阳经济技术开发区擂响战鼓。\n邵阳经济技术开发区上下齐心，经开区全年目标可期。"
    loc = locate_article("邵阳经济技术开发区：擂响百日大会战战鼓", text)
    assert loc == Locality("邵阳经济技术开发区", "邵阳市", HUNAN, "zone", None, None, None)
    # resolve_locality, which the parser uses, still reads the zone as its city
    assert resolve_locality("邵阳经济技术开发区：擂响百日大会战战鼓", text) == (
        "邵阳市", "邵阳市", HUNAN)


def test_a_zones_police_branch_by_its_bare_stem_is_the_zone():
    text = ("1月10日，高新分局某某路派出所在辖区开展110宣传活动。民警在高新区贸易广场设立宣传点，"
            "发放资料800余份。")
    loc = locate_article("高新警方开展110宣传日活动", text, home="渭南市")
    assert (loc.locality, loc.level) == ("渭南高新技术产业开发区", "zone")
    # the branch named once, in passing: the city's site reports for the city
    text = "1月10日，全市开展110宣传活动，高新分局等单位参加。"
    assert locate_article("110宣传日活动", text, home="渭南市").level == "prefecture"


def test_management_area_after_its_city():
    text = "今年以来，常德市西湖管理区自然资源局严守耕地红线。\n西湖管理区发现土地违法行为8起。"
    loc = locate_article("常德市西湖管理区：念好严字诀", text)
    assert _core(loc) == ("常德市西湖管理区", "常德市", HUNAN, "zone")
    assert loc.agency == "区自然资源局"


def test_zone_jionlp_lists_keeps_its_code():
    loc = locate_article("西洞庭管理区：渔民上岸安居乐业", "近日，西洞庭管理区完成安置房建设。")
    assert loc == Locality("常德市西洞庭管理区", "常德市", HUNAN, "zone", "430771", None, None)


def test_new_area_after_a_province_has_no_prefecture():
    loc = locate_article("湖南湘江新区：产业项目加快落地", "今年以来，湖南湘江新区新签约项目36个。")
    assert _core(loc) == ("湖南湘江新区", None, HUNAN, "zone")


def test_zone_short_ending_is_written_in_full():
    text = "7月18日，盐城经开区举行项目集中开工活动，27个项目集中开工。"
    assert locate_article("盐城经开区集中开工27个项目", text).locality == "盐城经济技术开发区"


def test_zone_home_named_by_its_ending_alone():
    text = "抓项目就是抓发展。开发区坚持把项目建设作为强支撑，全区重点项目60个。"
    loc = locate_article("开发区重抓项目建设", text, home="连云港经济技术开发区")
    assert _core(loc) == ("连云港经济技术开发区", "连云港市", "江苏省", "zone")


@pytest.mark.parametrize(("headline", "name", "prefecture", "province"), [
    ("青岛前湾保税港区：外贸进出口稳中有进", "青岛前湾保税港区", "青岛市", "山东省"),
    ("郑州新郑综合保税区：一季度进出口增长两成", "郑州新郑综合保税区", "郑州市", "河南省"),
])
def test_bonded_zones_are_zones(headline, name, prefecture, province):
    loc = locate_article(headline, "今年以来，区内企业进出口额持续增长。")
    assert _core(loc) == (name, prefecture, province, "zone")


def test_zone_home_named_by_its_own_name_alone():
    # the zone's own site: neither city nor ending printed, only the zone's own name (前湾)
    text = ("为推进下半年工作，管委会机关党委于6月25日召开工作会。\n会议要求各支部围绕前湾发展"
            "大局开展党员教育，为前湾的高质量发展作出贡献，打造富有前湾特色的党建品牌。")
    loc = locate_article(None, text, home="青岛前湾保税港区")
    assert _core(loc) == ("青岛前湾保税港区", "青岛市", "山东省", "zone")
    # the name alone, as metadata gives a home, is a known place
    assert locate_article("青岛前湾保税港区", "").locality == "青岛前湾保税港区"


# --- home and deixis ---------------------------------------------------------------------------


def test_wo_xian_is_home():
    text = ("10月8日，我县召开安全生产工作会议。\n会议指出，全县要压实责任。"
            "邵阳市应急管理局有关负责人到会指导。")
    loc = locate_article("我县召开安全生产会议", text, home="洞口县")
    assert _core(loc) == ("洞口县", "邵阳市", HUNAN, "county")


@pytest.mark.parametrize("home", [None, "邵阳市"])
def test_wo_xian_without_a_county_home_is_never_guessed(home):
    text = "10月8日，我县召开安全生产工作会议。\n会议指出，全县要压实责任。"
    loc = locate_article("我县召开安全生产会议", text, home=home)
    assert loc == Locality(level="county")


def test_unnamed_county_in_a_city_paper():
    text = "8月31日，县委书记某某主持召开县委常委会议。会议要求全县上下确保进入全市第一方阵。"
    assert locate_article("县委召开常委会议", text, home="周口市") == Locality(level="county")


def test_quan_xian_after_a_named_county_is_that_county():
    text = "近日，澧县召开文物保护工作会，全县各乡镇负责人参加。\n会后，全县开展文物安全大检查。"
    loc = locate_article(None, text, home="洞口县")
    assert _core(loc) == ("澧县", "常德市", HUNAN, "county")


def test_bare_organs_of_home():
    text = "本周共受理热线工单506件。县环保局、县财政局、县卫健局按时办结，高沙镇、石江镇办理质量提升。"
    loc = locate_article("12345热线一周情况通报", text, home="洞口县")
    assert _core(loc) == ("洞口县", "邵阳市", HUNAN, "county")


# --- datelines ---------------------------------------------------------------------------------


@pytest.mark.parametrize("dateline", [
    "新华网长沙9月5日电（记者 张三）", "本报长沙讯 ", "湖南日报·新湖南客户端9月5日讯（通讯员 李四）",
])
def test_dateline_does_not_decide(dateline):
    text = dateline + "近日，洞口县举办农民丰收节。洞口县各乡镇代表参加。"
    loc = locate_article(None, text)
    assert _core(loc) == ("洞口县", "邵阳市", HUNAN, "county")
    assert "长沙" not in mask_dateline(text)


def test_dateline_masking_keeps_offsets_and_ordinary_starts():
    text = "本报讯（记者 张三）近日，洞口县举办农民丰收节。"
    assert len(mask_dateline(text)) == len(text)
    assert mask_dateline("今年以来，全县供电可靠率提升。") == "今年以来，全县供电可靠率提升。"


# --- renamed units -----------------------------------------------------------------------------


@pytest.mark.parametrize(("published", "name"), [
    (dt.date(2020, 6, 1), "龙海市"),
    (dt.date(2021, 2, 5), "龙海市"),
    (dt.date(2021, 2, 6), "龙海区"),
    (dt.date(2022, 6, 1), "龙海区"),
])
def test_renamed_county_as_of_the_publication_date(published, name):
    loc = locate_article("龙海市港口建设提速", "今年以来，龙海市港口吞吐量增长一成。",
                         published=published)
    assert _core(loc) == (name, "漳州市", "福建省", "county")
    assert loc.admin_code == "350681"  # today's code (jionlp keeps 龙海区 under it)


def test_current_name_in_an_old_item_gets_the_old_name():
    loc = locate_article("宁乡市：乡村振兴", "宁乡市大力发展现代农业。", published=dt.date(2016, 6, 1))
    assert loc.locality == "宁乡县"
    loc = locate_article("宁乡县：乡村振兴", "宁乡县大力发展现代农业。", published=dt.date(2023, 1, 1))
    assert loc.locality == "宁乡市"


def test_undated_item_keeps_the_only_name_it_prints():
    assert locate_article(None, "今年以来，龙海市港口吞吐量增长。").locality == "龙海市"
    assert locate_article(None, "今年以来，龙海区港口吞吐量增长。").locality == "龙海区"


def test_renamed_prefecture():
    xiangyang = Place("襄阳市", "襄阳市", "湖北省", "prefecture")
    assert as_of(xiangyang, dt.date(2009, 1, 1)) == ("襄樊市", "襄樊市")
    assert as_of(xiangyang, dt.date(2011, 1, 1)) == ("襄阳市", "襄阳市")
    county = Place("谷城县", "襄阳市", "湖北省", "county")
    assert as_of(county, dt.date(2009, 1, 1)) == ("谷城县", "襄樊市")


def test_a_provincial_papers_city_by_its_short_name():
    text = "8月15日，两座跨河大桥正式通车，这是济宁城市建设的大事，济宁的城市框架由此拉开。"
    loc = locate_article(None, text, home="山东省")
    assert (loc.locality, loc.level, loc.province) == ("济宁市", "prefecture", "山东省")
    # named once, in passing: the paper's own province still
    text = "8月15日，两座跨河大桥正式通车，济宁的城市框架由此拉开。"
    assert locate_article(None, text, home="山东省").level == "province"


def test_voices_from_a_provinces_cities_under_its_name_are_the_provinces():
    text = ("连日来，西藏各族群众热议两会。林芝市巴宜区八一镇一位村党支部书记说，村里的合作社让"
            "大家增收。墨脱县格当乡一位村民说：“墨脱公路通车后，墨脱的水果能运出去了，墨脱人的"
            "日子越过越好。”山南市曲松县下江乡一位村民也表示要多养牛。")
    loc = locate_article("西藏各族群众热议两会", text)
    assert (loc.locality, loc.level) == ("西藏自治区", "province")
    # a feature in one county of one city under the province's name stays the county's
    text = ("墨脱县格当乡一位村民说：“墨脱公路通车后，墨脱的水果能运出去了，墨脱人的日子越过越好。”"
            "在墨脱县城，新楼一栋栋拔地而起。")
    loc = locate_article("行走西藏：墨脱的变化", text)
    assert (loc.locality, loc.level) == ("墨脱县", "county")


def test_a_provincial_page_on_counties_of_several_cities_is_the_provinces():
    # the province by short name only, one county named twice: still four counties, two cities
    text = ("在广袤的黑土地上，乡村展馆悄然扎根，黑龙江的乡村文化正在传承。\n"
            "记者探访嫩江市前进镇农耕展示馆，见证农耕智慧。\n"
            "在拜泉县产业园区的直播间里，一家公司负责人介绍拜泉县的特产。\n"
            "五大连池市一家种业公司负责人分享了经验。\n"
            "记者走进龙江县一家养殖合作社，存栏量已达200头。")
    loc = locate_article(None, text, home="黑龙江省")
    assert (loc.locality, loc.level) == ("黑龙江省", "province")


def test_a_city_government_naming_its_province_in_passing_is_the_citys():
    # 湖南 only inside a university's name, 株洲 by short name twice, 市 deixis throughout
    text = ("1月6日，市长主持召开市政府常务会议，传达贯彻省委、省政府的重要会议精神，研究市政府"
            "工作报告任务分解。会议举行学法讲座，湖南大学一位教授、市政府法律顾问授课。会议强调，"
            "要为建设农业强国展现株洲担当、贡献株洲力量。")
    loc = locate_article(None, text)
    assert (loc.locality, loc.level) == ("株洲市", "prefecture")
    # the city not called by name: the province is all that is known
    text = text.replace("展现株洲担当、贡献株洲力量", "展现担当、贡献力量")
    assert locate_article(None, text).level == "province"


def test_a_shared_district_name_is_told_by_its_township():
    # three cities have a 新华区; only one has a 新新街街道
    text = ("为贯彻新华区委关于社区治理的部署，8月27日，新新街街道召集辖区企事业单位负责人召开"
            "党建联席会，新新街街道与各单位签订了共建协议。")
    loc = locate_article("新新街街道召开党建联席会", text)
    assert (loc.locality, loc.prefecture, loc.province) == ("新华区", "平顶山市", "河南省")
    assert (loc.level, loc.township) == ("township", "新新街街道")
    # with no township named, the name stays undecided
    text = "8月27日，新华区召集辖区企事业单位负责人召开党建联席会，与各单位签订了共建协议。"
    assert locate_article("新华区召开党建联席会", text).prefecture is None


def test_a_citys_zone_with_a_park_in_one_county_is_the_zone():
    # the city is never named: 市委 and 副市长 speak for it, 醴陵 is where one park lies
    text = ("7月15日，副市长实地调研高新区醴陵园区项目建设，并主持召开高新区建设推进会。"
            "会上，高新区各园区汇报了建设情况，市委要求加快高新区建设。")
    loc = locate_article("副市长专题研究高新区工作", text)
    assert (loc.locality, loc.prefecture, loc.level) == ("株洲高新技术产业开发区", "株洲市", "zone")
    # without the zone, the county-level city called by its short name
    text = "7月15日，副市长到醴陵调研陶瓷产业，并主持召开推进会。会上，市委要求加快产业园区建设。"
    assert locate_article("副市长调研陶瓷产业", text).locality == "醴陵市"


# --- townships ---------------------------------------------------------------------------------


def test_township_in_the_headline():
    loc = locate_article("高沙镇：古镇换新颜", "近日，洞口县高沙镇完成老街改造。")
    assert loc == Locality("洞口县", "邵阳市", HUNAN, "township", "430525", "高沙镇", None)


def test_township_the_article_comes_back_to():
    text = "近日，洞口县高沙镇在该镇文化广场举办农民运动会。\n高沙镇党委负责人介绍，全镇18个村参加。"
    loc = locate_article(None, text)
    assert (loc.level, loc.township) == ("township", "高沙镇")


def test_one_town_in_a_caption_of_a_county_fact_is_the_county():
    text = ("9月12日，洞口县高沙镇群众工作中心工作人员为群众办理手续。"
            "该县在全县23个乡镇都建成了群众工作中心。")
    loc = locate_article(None, text)
    assert (loc.locality, loc.level, loc.township, loc.agency) == ("洞口县", "county", None, None)


def test_township_only_one_county_has():
    text = "7月18日，七角井镇政府大院里，村民围在摊位前听讲解。\n七角井镇将以此为契机推进活动。"
    loc = locate_article(None, text)
    assert _core(loc) == ("伊州区", "哈密市", "新疆维吾尔自治区", "township")
    assert loc.township == "七角井镇"


def test_a_caption_on_one_village_of_a_town_is_the_town():
    # the county is named only as the town's address (洞口县|高沙镇), once
    text = "9月20日，洞口县高沙镇石桥村的村民们在收割稻谷。今年，石桥村种植优质稻800余亩。"
    loc = locate_article(None, text)
    assert (loc.locality, loc.level, loc.township) == ("洞口县", "township", "高沙镇")


def test_a_series_on_one_town_is_the_county_not_the_city_of_the_editors_note():
    text = ("编者按：“乡村振兴看镇街”是中共邵阳市委宣传部、邵阳市人民政府新闻办公室联合组织的采访"
            "活动，深入邵阳市各县市区乡镇，展现全市乡村振兴工作亮点。\n"
            "产业兴旺是乡村振兴的基础。邵阳市洞口县高沙镇以“让古镇更像古镇”为原则，打造特色小镇。\n"
            "走进高沙镇，老街焕然一新。高沙镇党委书记介绍，近年来高沙镇引进企业12家，全镇群众"
            "人均增收两成。高沙镇的经验正在推广。")
    loc = locate_article("古镇焕新颜 振兴有路径", text)
    assert _core(loc) == ("洞口县", "邵阳市", HUNAN, "township")
    assert loc.township == "高沙镇"


def test_towns_of_several_counties_are_items_of_the_citys_list():
    text = ("近日，邵阳市对各县市区乡镇环境整治情况进行暗访。\n洞口县高沙镇、石江镇，"
            "隆回县滩头镇、岩口镇，绥宁县某镇问题较多，已督促整改。全市将每月通报一次。")
    loc = locate_article("全市乡镇环境整治暗访情况通报", text)
    assert _core(loc) == ("邵阳市", "邵阳市", HUNAN, "prefecture")


def test_short_township_names_of_one_county_corroborate_each_other():
    # a county paper (home unknown) naming three of its towns, none of them the subject
    text = ("9月21日，我县召开秋收秋种工作动员会。\n会上，竹市镇、醪田镇、高沙镇负责同志作表态发言。"
            "会议要求全县上下抓好秋收秋种。")
    loc = locate_article("我县召开秋收秋种工作动员会", text)
    assert _core(loc) == ("洞口县", "邵阳市", HUNAN, "county")
    assert loc.township is None


def test_a_short_township_name_alone_is_a_word():
    # 小城镇 is the name of one town in jionlp, but here the word for small towns
    text = "今年以来，我县加快推进小城镇建设，全县完成投资3亿元。"
    assert locate_article("我县推进小城镇建设", text) == Locality(level="county")


def test_a_bureaus_branch_named_by_its_townships_stem_is_the_township():
    # 高沙 + 分局: the county bureau's branch in 高沙镇 inspects the town's shops
    text = "洞口县市场监管局高沙分局执法人员对辖区内农贸市场和超市开展节前检查，共检查经营户40家。"
    loc = locate_article("洞口县市场监管局高沙分局开展节前食品安全检查", text)
    assert (loc.locality, loc.level, loc.township) == ("洞口县", "township", "高沙镇")


def test_a_police_stations_case_is_its_townships():
    # a station named by its town's stem, the one station named, catches a fugitive far from the
    # town: the station's report, so the town's (CONVENTIONS L-station: a station's beat is its
    # town; it reversed the earlier reading of this case as the county bureau's)
    text = "10月3日，洞口县公安局高沙派出所民警在长沙火车站抓获一名网上逃犯，目前嫌疑人已被刑事拘留。"
    loc = locate_article("民警巧擒逃犯", text)
    assert (loc.locality, loc.level, loc.township) == ("洞口县", "township", "高沙镇")


def test_the_county_before_its_station_is_the_stations_address():
    # 洞口县 is printed only in the station's name; the station's round is in one town
    text = "8月15日，洞口县公安局城北派出所民警走进石江镇，入户宣传防诈骗知识，发放资料300余份。"
    loc = locate_article(None, text)
    assert (loc.locality, loc.level, loc.township) == ("洞口县", "township", "石江镇")
    # the county named on its own as well: a county-wide campaign the station takes part in
    text = "洞口县开展夏季治安整治行动。" + text
    assert locate_article(None, text).level == "county"


def test_a_township_printed_after_its_county_in_the_headline_only():
    # jionlp does not list 洪茂乡 under 洞口县: the headline's address says whose it is
    text = "洪茂乡位于洞口县西部，全乡有12个村。近年来，乡党委、乡政府大力发展烟叶产业。"
    loc = locate_article("邵阳市洞口县洪茂乡：村村通了公路", text)
    assert (loc.locality, loc.level, loc.township) == ("洞口县", "township", "洪茂乡")


def test_a_town_obeying_the_county_is_the_towns_report():
    # 县委、县政府 stand in what the town follows (按照…的统一部署): whom it obeys
    text = ("为应对强降雨，洞口县高沙镇按照县委、县政府的统一部署，迅速组织干部排查隐患。"
            "截至7月2日，高沙镇共转移群众120人。")
    loc = locate_article(None, text)
    assert (loc.locality, loc.level, loc.township) == ("洞口县", "township", "高沙镇")


def test_the_county_organs_acting_themselves_keep_the_report_the_countys():
    text = ("7月2日，洞口县召开防汛工作会议。县委、县政府要求各单位按照省委的部署抓好防汛，"
            "高沙镇作表态发言。")
    loc = locate_article(None, text)
    assert (loc.locality, loc.level, loc.township) == ("洞口县", "county", None)


def test_a_bulletin_of_cases_in_three_towns_is_the_countys():
    # one case's village is named again and again; the bulletin still ranges over the county
    text = ("现通报3起村干部违规发包工程典型案例。\n1.高沙镇木山村党支部书记某某违规发包木山村"
            "道路工程，木山村村监会未履职，木山村另一工程也被违规发包。\n2.石江镇某村主任违规"
            "承揽工程。\n3.竹市镇某村会计违规发包工程。")
    loc = locate_article(None, text, home="洞口县")
    assert (loc.locality, loc.level, loc.township) == ("洞口县", "county", None)


def test_a_towns_report_naming_its_neighbours_stays_the_towns():
    text = ("高沙镇位于洞口县北部，东与石江镇、北与竹市镇交界。近年来，高沙镇大力发展"
            "特色产业，高沙镇的古镇游客增长三成。")
    loc = locate_article(None, text)
    assert (loc.locality, loc.level, loc.township) == ("洞口县", "township", "高沙镇")


def test_a_town_speaking_of_itself_without_its_name_is_a_township_report():
    text = ("6月3日，全镇安全生产工作会议在我镇三楼会议室召开，各村支部书记参加。"
            "镇党委书记要求全镇上下压实责任。")
    loc = locate_article(None, text, home="洞口县")
    assert (loc.locality, loc.level, loc.township) == ("洞口县", "township", None)
    # the county's own meeting where a town's secretary speaks for his town is the county's
    text = ("6月3日，全县安全生产工作会议在县委三楼会议室召开。会上，一位镇党委书记发言，"
            "表示全镇将压实责任。")
    loc = locate_article(None, text, home="洞口县")
    assert (loc.locality, loc.level, loc.township) == ("洞口县", "county", None)


def test_a_county_project_listed_over_its_towns_is_the_countys():
    # the photo is taken in one town; the fact is the county's, spread over towns it lists
    # (新华镇 is no town of 洞口县: the list is read by its form, not by the towns it knows)
    text = ("12月22日，在洞口县高沙镇木山村农田水利工地上，小推车来回穿梭。\n洞口县今年农田水利"
            "项目总投资1500万元，项目分布高沙镇、石江镇、新华镇等乡镇，受益面积2万亩。")
    loc = locate_article(None, text)
    assert (loc.locality, loc.level, loc.township) == ("洞口县", "county", None)


def test_a_headline_naming_the_town_beside_the_county_seat_is_the_countys():
    text = ("7月9日，副县长带领县水务局及高沙镇负责人冒雨督查县城区和高沙镇防汛工作。"
            "他要求各部门落实防汛责任制。")
    loc = locate_article("副县长督查城区及高沙镇防汛工作", text, home="洞口县")
    assert (loc.locality, loc.level, loc.township) == ("洞口县", "county", None)
    # the town alone in the headline stays the town's
    loc = locate_article("副县长督查高沙镇防汛工作", text.replace("县城区和", ""), home="洞口县")
    assert (loc.level, loc.township) == ("township", "高沙镇")


def test_visitors_sent_to_the_county_by_name_make_the_countys_report():
    text = ("3月10日，省民委副主任率队到洞口县调研。调研组深入高沙镇木山村、高沙镇樟树村，"
            "了解高沙镇示范乡建设情况，并与洞口县领导座谈。")
    loc = locate_article(None, text)
    assert (loc.locality, loc.level, loc.township) == ("洞口县", "county", None)
    # sent to the town, they make the town's
    text = text.replace("到洞口县调研", "到洞口县高沙镇调研")
    loc = locate_article(None, text)
    assert (loc.locality, loc.level, loc.township) == ("洞口县", "township", "高沙镇")


def test_a_town_before_its_heads_title_is_one_name():
    # 鉴江镇|镇长 also holds 江镇镇, a town of another county: the overlapping name is none
    text = ("12月2日，鉴江镇第十七届人民代表大会第一次会议召开，全镇49名镇人大代表出席。"
            "会议选举产生了新一届鉴江镇镇长。")
    loc = locate_article(None, text)
    assert (loc.locality, loc.level, loc.township) == ("罗源县", "township", "鉴江镇")


def test_the_word_for_countryside_is_no_township():
    # 促进乡 is a township of one county, but here 促进|乡村振兴
    text = "我乡召开乡村振兴大会，全乡干部参加，乡党委要求大家促进乡村振兴。"
    assert locate_article(None, text).locality is None


def test_a_short_word_once_yields_to_a_town_named_throughout():
    # 小城镇 is one county's town, 木吉镇 another's: the one named again and again decides
    text = ("3月6日，我县木吉乡撤乡建镇挂牌仪式举行，县领导为木吉镇揭牌。木吉镇镇党委表示，"
            "全镇将抓住国家支持小城镇建设的机遇。")
    loc = locate_article(None, text)
    assert (loc.locality, loc.township) == ("皮山县", "木吉镇")


def test_common_township_name_is_not_guessed():
    # many counties have a 城关镇: the county is not guessed; the town's own report keeps its
    # level and the name it prints
    assert locate_article("城关镇：老街换新颜", "近日，城关镇完成老街改造。") == Locality(
        level="township", township="城关镇")


# --- agencies ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("source", "agency"), [
    ("来源：湘阴县民政局", "县民政局"),
    ("来源：县纪委监委", "县纪委监委"),
    ("衡阳市12345政务服务热线中心", "市12345政务服务热线中心"),
    ("经济发展局", "经济发展局"),  # a zone's bureau, printed without a level
    ("湘阴县融媒体中心", None),
    ("湖南日报", None),
])
def test_agency_in_the_source_string(source, agency):
    assert source_organ(source) == agency


def test_agency_from_the_source_beats_the_body():
    text = "近日，湘阴县开展冬季送温暖活动，为困难群众送去棉被。"
    assert locate_article("冬季送温暖", text, source="来源：湘阴县民政局").agency == "县民政局"
    assert locate_article("冬季送温暖", text, source="湘阴县融媒体中心").agency is None


@pytest.mark.parametrize(("headline", "text", "agency"), [
    ("湘阴县：县民政局开展冬季送温暖", "", "县民政局"),
    ("冬季送温暖", "近日，湘阴县民政局开展冬季送温暖活动。", "县民政局"),
    ("", "为掌握工作情况，近日，楚雄州纪委监委下发通知。", "州纪委监委"),
    ("", "近日，由洞口县委宣传部、文明办牵头的三下乡活动拉开序幕。", "县委宣传部"),
    ("", "12月7日，记者从广河县公安局获悉，该局侦破一起毒品案件。", "县公安局"),
    ("", "中央纪委29日对8起典型问题发出通报。", "中央纪委"),
    ("区政协召开专题办公会议", "9月2日，区政协召开专题办公会议。", "区政协"),
    ("", "记者近日从山东省纪委监察厅了解到，8月份全省共查处问题276起。", "省纪委监察厅"),
    ("", "近日，县长李某到县民政局调研。", None),
    ("", "近日，洞口县举办农民丰收节。", None),
    ("", "近日，县委召开常委会议。县委书记李某主持。", None),
    ("", "市政协副主席田某出席开工仪式。", None),
    ("", "区管委会主任徐某介绍项目情况。", None),
])
def test_agency_as_subject(headline, text, agency):
    assert find_agency(headline, text, None) == agency


def test_organs_strip_the_place_name():
    assert [o for _s, _e, o in organs("湘阴县民政局、湖南省纪委监委、广西壮族自治区纪委")] == [
        "县民政局", "省纪委监委", "自治区纪委"]
    assert [o for _s, _e, o in organs("县市场监督管理局")] == ["县市场监督管理局"]
    assert organs("县委常委会") == []
    assert organs("洞口县举办") == []


# --- script ------------------------------------------------------------------------------------


def test_traditional_mirror_with_pinyin():
    text = "近日，澧(lǐ)縣召開文物保護工作會(huì)，全縣文物保護單位負責人參加。"
    loc = locate_article("澧縣：城頭山遺址公園獲評國家考古遺址公園", text)
    assert _core(loc) == ("澧县", "常德市", HUNAN, "county")


def test_simplified_text_is_not_converted():
    assert to_simplified("乾县（GDP）增长", "") == ("乾县（GDP）增长", "")
    assert to_simplified("縣(xiàn)", "")[0] == "县"


# --- the result --------------------------------------------------------------------------------


def test_locality_is_frozen_and_keyword_only_options():
    loc = locate_article(None, "")
    assert loc == Locality()
    with pytest.raises(dataclasses.FrozenInstanceError):
        loc.locality = "洞口县"  # type: ignore[misc]
    with pytest.raises(TypeError):
        locate_article(None, "", None)  # type: ignore[misc]


def test_one_megabyte_is_linear():
    # deixis, zones and organs are looked up by position, never pairwise (a 1 MB text runs in
    # seconds, not minutes)
    unit = "邵阳经济技术开发区、常德市西湖管理区和洞口县高沙镇全镇，我县县纪委监委、县民政局。"
    text = unit * (1_000_000 // len(unit) + 1)
    loc = locate_article("洞口县：测试", text, home="洞口县")
    assert loc.locality == "洞口县"


# --- short names read in context (helpers.places.aliases) ----------------------------------------


def test_headline_short_name_confirmed_by_the_body():
    text = "今年以来，龙海市工业产值稳步增长，落实漳州市委市政府部署，全市经济持续向好。"
    loc = locate_article("龙海经济运行稳中向好", text, published=dt.date(2019, 5, 1))
    assert _core(loc) == ("龙海市", "漳州市", "福建省", "county")
    # the body never names the county in full: the short name is not read
    assert locate_article("龙海经济运行稳中向好", "漳州市委市政府部署工作。").level != "county"


def test_short_name_before_its_own_township_is_an_address():
    loc = locate_article(None, "3月2日，赣县五云镇一位农民在田里插秧。")
    assert _core(loc) == ("赣县", "赣州市", "江西省", "township")
    assert loc.township == "五云镇" and loc.admin_code == "360704"


def test_county_spoken_of_as_a_whole_is_the_county():
    text = "春回大地，江西省赣县各地农民忙着备耕。\n3月2日，赣县五云镇一位农民在田里插秧。"
    loc = locate_article(None, text)
    assert _core(loc) == ("赣县", "赣州市", "江西省", "county") and loc.township is None
    text = "近日拍摄的婺源县秋口镇一处晒秋场景。\n秋口镇的村民在晾晒辣椒。"
    assert locate_article("全县秋收忙", text).level == "county"
    assert locate_article("秋收忙", text).township == "秋口镇"


def test_former_county_name_before_a_merged_township():
    text = ("3月5日，垦利县下镇乡召开现场办公会。\n下镇乡是我市较偏远的乡镇，"
            "市有关部门帮助下镇乡修路打井，下镇乡党委表示感谢。")
    loc = locate_article(None, text, published=dt.date(1990, 3, 18), home="东营市")
    assert _core(loc) == ("垦利县", "东营市", "山东省", "township")
    assert loc.township == "下镇乡"


def test_undated_item_takes_the_home_as_its_metadata_names_it():
    text = "8月2日，市政协委员深入夏铎铺镇调研。夏铎铺镇党委汇报了集镇建设情况。"
    assert locate_article(None, text, home="宁乡县").locality == "宁乡县"
    assert locate_article(None, text, home="宁乡市").locality == "宁乡市"


def test_bare_zone_lead_is_the_home_citys_zone():
    text = "2月8日，高新区举行重点项目现场观摩活动。"
    loc = locate_article("高新区“双招双引”推进会召开", text, home="焦作市")
    assert _core(loc) == ("焦作高新技术产业开发区", "焦作市", "河南省", "zone")
    assert locate_article("高新区“双招双引”推进会召开", text).province != "四川省"


def test_first_person_headline_names_the_home():
    text = "日前，我县被评为“山西省文化强县”。\n山西省文化厅公布了名单，我县名列其中。"
    loc = locate_article("我县荣获“山西省文化强县”称号", text, home="清徐县")
    assert _core(loc) == ("清徐县", "太原市", "山西省", "county")


def test_provincial_zones_named_after_one_citys_units_are_that_citys():
    headline = "中共襄樊市委办公室关于表彰全市开发区建设先进单位的通报"
    text = ("襄樊市各开发区：\n湖北谷城经济开发区、湖北老河口经济开发区、湖北枣阳经济开发区"
            "在2007年度全市开发区建设中成绩突出，市委、市政府决定予以表彰。")
    loc = locate_article(headline, text, published=dt.date(2008, 3, 1))
    assert _core(loc) == ("襄樊市", "襄樊市", "湖北省", "prefecture")


def test_repeated_former_county_form_and_organs_before_it():
    """A district's short name + 县 printed twice is its former name; 县委 before it refers to
    the one county named further on, while 全市 stays the surroundings."""
    text = ("本报讯 日前，县委书记一行到工业园调研，县委副书记陪同。\n"
            "调研组对宝坻县近年来的发展表示肯定，希望宝坻县继续努力。")
    loc = locate_article(None, text, published=dt.date(2010, 5, 1))
    assert _core(loc) == ("宝坻县", "天津市", "天津市", "county")
    once = locate_article(None, "调研组对宝坻县的发展表示肯定。", published=dt.date(2010, 5, 1))
    assert once.locality is None


def test_headline_township_of_one_named_county():
    """A town of the one county the article names leads the headline: the county's town report,
    although neighbouring districts of another province are named too."""
    text = ("山里有个小镇\n"
            "四川省广安市邻水县东部，有一座九龙镇，与重庆市渝北区、长寿区相邻。\n"
            "九龙镇的集市很热闹，长寿区的客商也常来。邻水县近年修了新路。")
    loc = locate_article("走进九龙镇", text, published=dt.date(2020, 1, 1))
    assert _core(loc) == ("邻水县", "广安市", "四川省", "township")
    assert loc.township == "九龙镇"


def test_headline_list_of_three_districts_with_one_ending_is_the_citys():
    """某市成立甲、乙、丙区: three districts of one city with the ending printed once."""
    loc = locate_article("哈尔滨成立呼兰、道外、松北区", "哈尔滨市的三个区今天同时挂牌。")
    assert _core(loc) == ("哈尔滨市", "哈尔滨市", "黑龙江省", "prefecture")
    two = locate_article("长沙成立芙蓉、天心区", "长沙市的两个区今天挂牌。")
    assert two.level == "county"


def test_zone_with_its_twin_district_in_brackets():
    """A listed zone by its own name and short ending, its twin district bracketed after it."""
    text = "今年以来，医药高新区（高港区）产业园加快建设，新签约项目十余个。\n园区企业研发投入继续增长。"
    loc = locate_article(None, text)
    assert _core(loc) == ("泰州医药高新技术产业开发区", "泰州市", "江苏省", "zone")


def test_two_kinds_of_zone_sharing_one_ending():
    """某市经济技术和高新技术产业开发区: the first kind's zone of the city, named as printed in
    full (CONVENTIONS L-zone-name: a zone jionlp does not list keeps its fullest printed form)."""
    text = "这一年，哈尔滨经济技术和高新技术产业开发区建立了项目跟踪制度，新入区企业数百家。"
    loc = locate_article(None, text)
    assert _core(loc) == ("哈尔滨经济技术和高新技术产业开发区", "哈尔滨市", "黑龙江省", "zone")


def test_report_on_one_village_is_its_townships():
    """A village printed after its township, then named on its own more often than the county,
    is a village report: its township's.  A village passed once more stays the county's item."""
    text = ("新华社电 棉田边的村子\n"
            "洞口县高沙镇新田村的村民们今年又添了新车。\n"
            "新田村种棉花出了名，新田村的年轻人学会了滴灌，新田村村民收入翻了一番。")
    loc = locate_article(None, text)
    assert (loc.locality, loc.level, loc.township) == ("洞口县", "township", "高沙镇")
    passing = ("洞口县组织采风，洞口县各部门参加。\n采风团走进高沙镇新田村，新田村风景好。"
               "洞口县文旅局介绍了洞口县的规划。")
    assert locate_article(None, passing).level == "county"


def test_towns_enumerated_after_the_county_are_its_towns():
    """某县甲镇、乙镇、丙镇: an itinerary through towns jionlp may not list is the county's."""
    text = ("11月2日，市领导深入洞口县甲山镇、乙水镇、丙田镇调研。\n"
            "在甲山镇，市领导听取了汇报。在乙水镇，市领导察看了基地。在丙田镇，市领导走访了农户。"
            "甲山镇、乙水镇和丙田镇的负责人陪同。")
    loc = locate_article(None, text)
    assert (loc.locality, loc.level, loc.township) == ("洞口县", "county", None)


def test_headline_naming_the_county_and_no_town_is_the_countys():
    """某县见闻 over a body whose example is one town: the county's report."""
    text = ("洞口县的干部这个月走进各村。\n"
            "高沙镇的村民收到了镇干部送来的蔬菜。高沙镇党委书记介绍了情况。")
    loc = locate_article("湖南洞口县见闻：干部深入一线保障生活", text)
    assert (loc.locality, loc.level, loc.township) == ("洞口县", "county", None)
    town = locate_article("高沙镇：干部深入一线保障生活", text)
    assert town.township == "高沙镇"


def test_town_of_a_city_without_counties():
    """A town of a prefecture-level city without counties, named alone: the city's town."""
    text = "6月8日，五桂山街道党工委召开例会，部署下阶段招商工作。\n五桂山街道各部门负责人参加会议。"
    loc = locate_article(None, text)
    assert (loc.locality, loc.prefecture, loc.level, loc.township) == (
        "中山市", "中山市", "township", "五桂山街道")


def test_generic_district_name_is_a_phrase_in_another_county():
    """老城区 ("the old town area") in a county's report names no district of another city."""
    text = ("为推进文明创建，洞口县文明办组织志愿者上街服务。\n"
            "志愿者负责老城区两条小巷的环境整治，洞口县的居民纷纷点赞。")
    loc = locate_article("志愿服务进小巷", text, home="洞口县")
    assert (loc.locality, loc.province) == ("洞口县", HUNAN)
    # with its city named before it, or as the only unit named, it is the district
    named = locate_article(None, "洛阳市老城区召开会议，部署老城区环境整治。")
    assert named.locality == "老城区"
    alone = locate_article(None, "老城区召开会议，部署环境整治工作。")
    assert alone.locality == "老城区"


def test_leading_photo_caption_is_not_the_lead():
    """A photo of one county printed before a city report: the caption is not the lead."""
    text = ("隆回县新建的水厂投入使用。 张三 摄\n"
            "3月2日，邵阳市召开全市水利建设推进会，部署各县（市）区全年任务。\n"
            "今年以来，邵阳市水利投资创新高，隆回县、洞口县各有一个项目入选省级示范。")
    loc = locate_article("水利建设", text)
    assert (loc.locality, loc.level) == ("邵阳市", "prefecture")


def test_first_person_headline_without_home_is_one_county():
    """我县参加... with no home: the county the body names and refers to, not a province's list
    of the units the meeting brought together."""
    text = ("3月5日，长株潭协调会在株洲市召开。县委常委、副县长出席会议。\n"
            "会上，长沙高新区、湘潭高新区、浏阳市作了发言。洞口县副县长介绍了本县工作。")
    loc = locate_article("我县参加长株潭协调会", text)
    assert (loc.locality, loc.level) == ("洞口县", "county")


@pytest.mark.parametrize("text, organ", [
    ("县直各部门要加强协作，形成合力。", None),
    ("县直有关部门负责人参加会议。", None),
    ("省政府办公厅印发通知，部署安全生产工作。", "省政府办公厅"),
    ("县委宣传部召开会议，部署宣传工作。", "县委宣传部"),
])
def test_organ_endings_end_a_word(text, organ):
    """部门 (departments) is no organ's ending; 办公厅 is one, not 办 cut short."""
    assert find_agency(None, text, None) == organ


# -- a zone called only 开发区 / 高新区 on its own, its city's or its county's site -------------------

def test_bare_zone_on_a_county_site_is_the_county_zone():
    text = ("3月2日上午，开发区召开项目攻坚动员会。区政协副主席、开发区管委会主任讲话，要求开发区"
            "各部门紧盯重点项目，确保开发区一季度开门红。")
    loc = locate_article(None, text, home="金坛区")
    assert (loc.locality, loc.level, loc.prefecture) == ("金坛经济开发区", "zone", "常州市")


def test_bare_high_tech_zone_on_a_city_site_is_the_city_zone():
    text = ("高新区党工委书记主持会议，传达市委全会精神。会议要求，高新区上下要抓项目、稳增长，"
            "推动高新区高质量发展。")
    loc = locate_article("高新区召开党工委扩大会议", text, home="宿州市")
    assert (loc.locality, loc.level, loc.prefecture) == ("宿州高新技术产业开发区", "zone", "宿州市")


def test_a_zone_named_once_or_twice_is_a_setting_of_the_county():
    text = ("洞口县召开重点项目调度会。县长指出，全县要加快项目建设，开发区新落户企业要尽快投产。"
            "会后，与会人员察看了全县三个重点项目。")
    loc = locate_article(None, text, home="洞口县")
    assert (loc.locality, loc.level) == ("洞口县", "county")


# -- townships --------------------------------------------------------------------------------

def test_a_town_speaking_as_we_names_itself_once():
    text = ("17日，我镇召开乡村振兴推进会。会议解读了《道滘镇乡村振兴三年行动方案》，要求全镇上下"
            "抓好落实。我镇将以此为契机，推动城乡融合发展。")
    loc = locate_article(None, text)
    assert (loc.locality, loc.level, loc.township) == ("东莞市", "township", "道滘镇")


def test_county_head_visiting_one_town_is_the_town():
    text = ("4月2日，洞口县委书记带队深入高沙镇调研春耕生产。在高沙镇现代农业示范园，他察看了"
            "秧苗长势，听取了高沙镇工作汇报。")
    loc = locate_article("洞口县委书记检查春耕生产", text)
    assert (loc.locality, loc.level, loc.township) == ("洞口县", "township", "高沙镇")


# -- a province or a city called by its short name throughout ---------------------------------

def test_provincial_round_up_of_many_counties_is_the_province():
    text = ("近来，“山区22县”频频出现在湖南省领导的讲话中。\n"
            "在湖南，山区22县指湘西、张家界两地的所辖县市，以及洞口、绥宁、城步、新化、安化等县。\n"
            "这22县的县委书记最近在做什么？先看绿色发展。\n"
            "洞口县围绕雪峰山生态建设，提出打造生态强县。洞口县还召开专题会议部署。\n"
            "湖南要推动山区县跨越发展，湖南的山区县也有了新的目标。")
    loc = locate_article("湖南这22县的书记县长在忙什么", text)
    assert _core(loc) == (HUNAN, None, HUNAN, "province")


def test_provincial_conference_held_in_one_county_is_the_province():
    text = ("本报通道10月9日讯（记者 张三）以“乡村振兴，共享美好”为主题的2023湖南美丽乡村大会，"
            "今天在通道侗族自治县开幕。我省各市州代表和专家学者千余人参加大会。\n"
            "省委常委出席并讲话。他指出，湖南从2010年起推进美丽乡村建设，成为湖南的一张名片。\n"
            "本次大会为湖南学习借鉴各地经验提供了平台，湖南将继续推进美丽乡村建设。")
    loc = locate_article("2023湖南美丽乡村大会开幕", text, home="湖南省")
    assert _core(loc) == (HUNAN, None, HUNAN, "province")


def test_prefecture_wide_feature_opening_on_one_town_is_the_prefecture():
    text = ("湘西土家族苗族自治州，一个山水相连的地方。\n"
            "行走在湘西大地，从酉水河畔到武陵山下，我们走过的每个村庄都在变化。\n"
            "8月3日，记者来到花垣县双龙镇十八洞村，一条新修的公路穿村而过。\n"
            "近年来，湘西集中力量推进乡村振兴，湘西的村庄面貌一新。")
    loc = locate_article(None, text, home=HUNAN)
    assert _core(loc) == ("湘西土家族苗族自治州", "湘西土家族苗族自治州", HUNAN, "prefecture")


def test_short_names_in_company_names_and_addresses_are_not_the_province():
    text = ("5月9日，邵阳市委宣传部组织湖南日报、湖南广播电视台等媒体记者来我市采访。\n"
            "记者走访了湖南某某新材料有限公司、湖南某某科技公司等企业，了解武冈市发展情况。")
    loc = locate_article(None, text)
    assert (loc.locality, loc.level) == ("武冈市", "county")


def test_city_official_visiting_two_units_named_in_the_headline_is_the_city():
    text = ("5月8日，市委常委、秘书长李四先后到邵阳经济技术开发区、洞口县调研项目建设。\n"
            "李四察看了邵阳经济技术开发区两家企业和洞口县一处产业园，要求加快项目建设。"
            "在洞口县，他还走访了一个社区。")
    loc = locate_article("李四到邵阳经济技术开发区和洞口县调研", text)
    assert _core(loc) == ("邵阳市", "邵阳市", HUNAN, "prefecture")


def test_home_delegation_on_a_study_trip_is_the_home():
    text = ("6月3日至4日，县政协主席王五带队，组织政协机关干部赴北塔区、双清区、武冈市考察学习。\n"
            "考察组先后到北塔区一个社区、双清区一家企业和武冈市一个委员之家学习。"
            "在武冈市，考察组听取了介绍。王五表示，要结合洞口县实际，学习双清区、北塔区的经验。")
    loc = locate_article("王五带队赴北塔、双清、武冈考察学习", text, home="洞口县")
    assert (loc.locality, loc.level) == ("洞口县", "county")
    # the same trip reported by a city paper with no home: the city's units, left to the rules
    assert locate_article("王五带队赴北塔、双清、武冈考察学习", text).locality != "洞口县"


# -- agency: organs acting through their heads, media centres, second names ----------------------

@pytest.mark.parametrize("headline, text, organ", [
    # the organ's head leading its group (率队, 带领调研组): the organ acts
    (None, "5月6日，市委常委、宣传部部长某某率队到洞口县调研文化产业发展。", "市委宣传部"),
    (None, "本报讯 6月2日，省政府研究室党组书记、主任某某带领调研组来我县调研。", "省政府研究室"),
    (None, "6月3日，县政协党组书记、主席某某带队，赴邻县考察学习。", "县政协"),
    # a head acting alone is a person, not the organ
    (None, "5月6日，自治区党委常委、宣传部部长某某深入我市调研并召开座谈会。", None),
    # the county media centre as the subject that acts, not when it is founded
    ("县融媒体中心：发挥媒体优势助力创城", "县融媒体中心组建志愿服务队，开展文明劝导。", "县融媒体中心"),
    (None, "2月15日，某某县融媒体中心挂牌成立。省市领导出席揭牌仪式。", None),
    # a hotline's organ with its second name is one organ, written level + 12345热线 (A-hotline)
    (None, "3月，洞口县12345政务服务热线中心共受理工单2000件。", "县12345热线"),
    (None, "1-4月份，市12345热线平台共受理各类诉求9万件。", "市12345热线"),
    # a headline clause ending like a date (…今年) that opens with an organ
    ("县政协开展今年 第一次重点项目视察", "3月27日，县政协领导带领委员视察重点项目。", "县政协"),
    # a sentence end and a line break end one sentence: the organ opens the second
    (None, "近日，有市民拨打热线反映一座桥梁破损。\n洞口县政务联动处置中心收到工单后交办处置。",
     "县政务联动处置中心"),
    # after 某某说, the words said; 地处某省西北部 is no department
    (None, "8月28日，县领导看望政协委员。某某说，县政协十届一次会议即将闭幕。", None),
    (None, "大化瑶族自治县各族群众欢庆成立20周年。\n大化瑶族自治县地处广西西北部，是水电基地。", None),
    # the political consultative conference by its formal name, in plenary session: no agency
    # (A-whole)
    (None, "8月21日下午，中国人民政治协商会议邵阳市北塔区第十届委员会第四次会议开幕。", None),
    # the party committee as a whole (县党委政府有关负责人陪同) is no organ of it
    (None, "11月2日，市委副书记某某深入洞口县三个镇调研。洞口县党委政府有关负责人陪同调研。", None),
])
def test_agency_constructions(headline, text, organ):
    assert find_agency(headline, text, None) == organ


def test_county_head_touring_two_towns_is_the_county():
    # a county paper (home given) on its head's visits to two towns, each named twice: a tour
    text = ("5月8日，县长王某先后到山门镇、岩山镇调研产业发展。在山门镇茶叶基地，王某了解种植情况。"
            "在岩山镇，他查看了集镇建设，要求加快基础设施建设。")
    got = locate_article(None, text, home="洞口县")
    assert (got.locality, got.level, got.township) == ("洞口县", "county", None)


def test_county_secretary_touring_one_town_is_the_town():
    text = ("5月8日，县委书记李某到山门镇调研。李某一行深入该镇多个村，查看安置点建设。"
            "在山门镇茶叶基地，李某要求做大产业。")
    got = locate_article(None, text, home="洞口县")
    assert (got.locality, got.level, got.township) == ("洞口县", "township", "山门镇")


def test_county_meeting_held_in_an_unnamed_county_town_is_the_county():
    # the county is never named; a town whose name only one county has places it, but the text
    # speaks of the county's government as a whole: the county's report, not the town's
    text = ("3月4日，区政府全体会议在七角井镇召开，贯彻落实全区经济工作会议精神。"
            "区长主持会议，要求区政府各部门把思想统一到区委决策部署上来，全区上下确保完成全年任务。")
    got = locate_article("区政府召开全体会议", text)
    assert (got.locality, got.level, got.township) == ("伊州区", "county", None)


def test_town_report_of_an_unnamed_county_stays_the_town():
    text = ("近日，七角井镇召开党委会议，部署我镇秋季防火工作。会议要求全镇干部下沉到村，"
            "我镇各村要建立巡查台账。")
    got = locate_article("七角井镇部署秋季防火", text)
    assert (got.locality, got.level, got.township) == ("伊州区", "township", "七角井镇")


def test_municipality_as_a_whole_is_province_level():
    got = locate_article("北京市推进接诉即办改革",
                         "今年以来，北京市12345热线受理群众诉求。北京市各区同步推进。")
    assert (got.locality, got.prefecture, got.province, got.level, got.admin_code) == (
        "北京市", None, "北京市", "province", "110000")
    district = locate_article("朝阳区推进接诉即办", "北京市朝阳区12345热线今年受理诉求。")
    assert (district.locality, district.prefecture, district.level) == ("朝阳区", "北京市", "county")


def test_county_short_form_after_its_full_name_is_the_county_not_the_province():
    # 河南县 is 青海's 河南蒙古族自治县, whose short form starts like 河南省
    text = ("在青海省黄南藏族自治州河南蒙古族自治县的草场上，站长正在查看草情。"
            "这片草场是河南县牧民的家底。河南县草原站今年巡护草场十二万亩。青海的牧草长势良好。")
    got = locate_article("守护草原二十年", text)
    assert (got.locality, got.level, got.province) == ("河南蒙古族自治县", "county", "青海省")


def test_province_speaking_of_itself_with_its_short_name_only():
    text = ("6月29日，省委召开优秀县（市、区）委书记座谈会。省委书记出席并讲话，要求全省"
            "县（市、区）委书记为推进四川发展新跨越多作贡献。")
    got = locate_article("省委召开优秀县（市、区）委书记座谈会", text)
    assert (got.locality, got.level, got.province) == ("四川省", "province", "四川省")
    # two provinces' names: nothing can be known
    two = text + "会上还介绍了贵州的经验。"
    assert locate_article("省委召开优秀县（市、区）委书记座谈会", two).locality is None
    # one provincial word only: a county report with a guest's title stays unplaced
    assert locate_article(None, "省委常委到县里调研，推进四川发展。").locality is None


@pytest.mark.parametrize(("text", "organ"), [
    ("3月6日，某某县委中心组召开学习会议，传达学习文件精神。", None),
    ("据中共湖南省委组织部消息，经过组织推荐考察，确定了拟推荐对象。", "省委组织部"),
    ("据中共中央办公厅消息，印发了有关意见。", None),
    ("近年来，某某县确立科学发展主题。\n（洞口县委办 张三）", "县委办"),
    ("近年来，某某县确立科学发展主题。\n（记者 张三）", None),
])
def test_agency_study_group_party_prefix_and_foot_credit(text, organ):
    assert find_agency(None, text, None) == organ


def test_officials_titles_do_not_outweigh_the_town_they_visit():
    # the county's organ words here only open titles; the town is named once and pointed at once
    text = ("18日，县委书记赵某到岩山镇调研易地搬迁工作。县委常委、县委办公室主任钱某，"
            "县政府副县长孙某随同调研。赵某一行深入该镇各安置点，查看建设进度。")
    got = locate_article(None, text, home="洞口县")
    assert (got.level, got.township) == ("township", "岩山镇")
    # the same visit in a report that speaks of the county's own work stays the county's
    county = text + "赵某要求，全县上下要确保完成全县搬迁任务，县政府各部门要加强协调。"
    assert locate_article(None, county, home="洞口县").level == "county"


def test_shared_district_name_settled_by_home_or_by_its_township():
    # 和平区 is a district of 天津 and of 沈阳; the home decides it
    got = locate_article("区领导走访老旧小区", "19日，和平区领导走访老旧小区，听取居民意见。",
                         home="天津市")
    assert (got.locality, got.prefecture, got.province) == ("和平区", "天津市", "天津市")
    # 龙华区 is a district of 深圳 and of 海口; a township printed after it decides, and the
    # name printed again later means the same district
    text = ("25日，省领导到龙华区新坡镇检查灾后恢复生产。随后，龙华区负责同志汇报了工作。"
            "龙华区要求加快恢复生产。")
    got = locate_article(None, text)
    assert (got.locality, got.prefecture, got.province) == ("龙华区", "海口市", "海南省")


def test_visiting_delegation_is_not_the_report_s_unit():
    text = ("7月25日，清涧县党政考察团在清涧县委副书记、县长带领下来我县考察学习市政建设。"
            "考察团先后深入我县多个建设现场，详细听取了我县相关负责人的介绍。")
    got = locate_article(None, text, home="子长县")
    assert got.locality in ("子长县", "子长市")
    # the host named a clause before: a leader coming to it is no visitor from it
    host = ("22日，县长主持召开开江县政府常务会议，传达学习省委领导来开调研指示精神，"
            "研究开江县贯彻落实意见。")
    assert locate_article(None, host).locality == "开江县"


def test_city_leaders_meeting_held_in_one_county_is_the_county():
    # the city's organ words here open titles (市委书记, 市长, 市政协主席…): who came, not the unit
    text = ("12月7日，市委常委会赴歙县现场办公。市委书记主持会议并讲话，强调歙县要抓住机遇，"
            "交出属于歙县的高分答卷。市委副书记、市长，市人大常委会主任，市政协主席，"
            "市委常委，市政府有关副市长，市政府秘书长出席会议。")
    got = locate_article(None, text, home="黄山市")
    assert (got.locality, got.level) == ("歙县", "county")
    # a home's own meeting named only through its head's title stays the home's
    own = "9月23日，区委书记主持召开工作调度会，听取有关部门情况汇报，并对下一步工作作出部署。"
    assert locate_article(None, own, home="麻章区").locality == "麻章区"


def test_a_superior_delegation_coming_honorifically_is_a_visitor():
    text = ("3月28日，牡丹江市政协副主席一行莅临穆棱市调研工作，实地察看工业项目建设情况。"
            "市委常委陪同调研。一行先后深入穆棱市多家企业。")
    got = locate_article(None, text, home="穆棱市")
    assert got.locality == "穆棱市"


def test_two_character_county_printed_as_its_town_s_address():
    text = "5月16日，省委宣传部派驻理县薛城镇驻村工作队在交流会上分享帮扶经验。"
    got = locate_article(None, text)
    assert (got.locality, got.township) == ("理县", "薛城镇")
    # the same two characters inside other words stay words
    assert locate_article(None, "他说这个道理县里干部都懂，要派驻理论宣讲队。").locality is None


def test_places_of_a_cited_national_visit_are_not_the_report_s():
    text = ("10月31日，市委副书记前往北碚区调研乡村振兴工作。他强调，要深入学习贯彻习近平总书记"
            "在河南省安阳市考察时的重要指示要求，把习近平总书记在河南省安阳市殷墟遗址考察时的"
            "重要讲话精神落到实处。")
    got = locate_article(None, text)
    assert (got.locality, got.province) == ("北碚区", "重庆市")


def test_village_word_after_a_county_is_no_township():
    got = locate_article(None, "10月31日，市领导前往北碚区调研乡村振兴工作，察看产业发展。北碚区负责同志汇报。")
    assert (got.locality, got.township) == ("北碚区", None)


def test_a_municipal_leader_inspecting_one_district_is_the_district_s_report():
    # a municipal paper (home 重庆市) speaks of 市委 and 重庆 throughout; its leader's inspection
    # of one district is that district's report
    text = ("11月2日，市委副书记前往江津区调研生态环境保护工作。他强调，要按照市委、市政府部署，"
            "奋力谱写重庆生态文明建设新篇章，让重庆的山更绿、水更清。\n"
            "在江津区，他察看了长江岸线整治情况，要求巩固重庆生态屏障。")
    got = locate_article(None, text, home="重庆市")
    assert (got.locality, got.level, got.province) == ("江津区", "county", "重庆市")
    # a tour of two districts stays the municipality's
    tour = text.replace("前往江津区调研", "前往江津区、永川区调研")
    assert locate_article(None, tour, home="重庆市").locality != "江津区"


def test_a_county_s_townships_as_a_whole_are_no_township():
    text = ("近日，外省援藏干部一行深入申扎县各乡镇开展调研，详细了解各乡镇基本情况。"
            "调研组先后走访申扎县五个乡镇，听取各乡镇工作汇报。")
    got = locate_article("援藏干部深入申扎县各乡镇调研", text)
    assert (got.locality, got.level, got.township) == ("申扎县", "county", None)


def test_organs_whose_officials_accompany_a_visit_are_not_the_reporting_organ():
    text = ("近日，外省挂职干部深入刚察县开展调研，县委办公室、县政府办公室负责人陪同调研。"
            "调研组察看了牧区水利工程。")
    assert locate_article(None, text).agency is None
    # the organ acting stays the agency
    own = "近日，县委办公室组织干部深入牧区开展调研，察看了水利工程。"
    assert locate_article(None, own, home="刚察县").agency == "县委办公室"


def test_a_county_paper_s_own_county_by_its_short_name():
    text = ("8月11日，汝州火车站派出所民警两小时内抓获在逃嫌疑人3名。"
            "据了解，汝州火车站派出所全面加大巡逻力度，维护辖区治安秩序。")
    got = locate_article(None, text, home="汝州市")
    assert (got.locality, got.province) == ("汝州市", "河南省")
    # without the home the short name is no evidence
    assert locate_article(None, text).locality is None


def test_a_visiting_delegation_leading_the_headline_does_not_lead_the_report():
    text = ("8月28日，兴安盟阿尔山市党政考察团一行来我旗考察，旗领导陪同。\n"
            "考察团一行表示，乌审旗资源丰富，乌审旗的发展理念值得学习。")
    got = locate_article("阿尔山市党政考察团一行来我旗考察", text, home="乌审旗")
    assert (got.locality, got.prefecture) == ("乌审旗", "鄂尔多斯市")


def test_a_county_s_delegation_coming_to_its_own_township_stays_the_county_s():
    text = ("12月23日，郯城县重点项目观摩团莅临归昌乡观摩指导工作。观摩团先后来到归昌乡"
            "扶贫产业园等项目现场，详细了解了归昌乡重点项目建设情况。")
    got = locate_article("郯城县重点项目观摩团莅临归昌乡观摩指导", text)
    assert (got.locality, got.township) == ("郯城县", "归昌乡")


def test_a_party_committee_s_inspection_team_is_an_organ():
    text = "根据县委统一安排，4月8日，县委第二巡察组正式进驻某镇，开展为期两个月的巡察工作。"
    assert find_agency(None, text, None) == "县委巡察组"  # without its ordinal (A-group)
    notice = "根据省委统一部署，省委第三巡视组对某县进行集中巡视，期间设立举报电话，推动整改落实。"
    assert find_agency(None, notice, None) == "省委巡视组"


def test_an_inspected_unit_s_rectification_report_has_no_team_as_organ():
    text = ("根据省委统一部署，省委第三巡视组于6月对我县进行了巡视。9月，巡视组向我县反馈了"
            "巡视意见。现将巡视整改情况予以公布：\n一、加强组织领导")
    assert find_agency(None, text, None) is None


def test_an_organ_after_a_county_s_short_name_takes_the_county_s_level():
    text = "9月2日，麦积公安分局治安大队民警在高速公路出口开展勤务，抓获盗窃嫌疑人两名。"
    assert find_agency(None, text, None) == "区公安分局"
    court = "6月2日，清丰法院法官把法庭开到田间地头，公开审理了一起土地纠纷。"
    assert find_agency(None, court, None) == "县人民法院"  # a court by its full name
    # a short name shared by units of two levels gives no level
    assert find_agency(None, "近日，长沙公安分局民警开展巡逻。", None) is None


def test_a_slogan_ending_in_ban_is_no_office():
    text = "近日，北京深化接诉即办改革，推动群众诉求快速办理。"
    assert find_agency(None, text, None) is None


def test_organs_whose_people_attend_a_meeting_are_not_the_reporting_organ():
    meeting = ("5月14日，县政府召开县长办公会，听取近期工作汇报。县领导出席会议，"
               "县政府办有关人员参加了会议。")
    assert find_agency(None, meeting, None) is None
    guests = "11月26日，省军区司令员一行到某县调研，县人武部政委某某参加活动。"
    assert find_agency(None, guests, None) is None
    # an organ attending in its own name remains the subject of its own report
    assert find_agency(None, "5月14日，县民政局参加全市养老服务培训会。", None) == "县民政局"


def test_a_named_county_wins_a_tie_with_a_we_whose_home_is_unknown():
    text = "5月26日，外县党政考察团来我县参观考察。考察团认为，庆云县大力弘扬实干精神，发展势头良好。"
    assert locate_article(None, text).locality == "庆云县"
    # with two counties named, 我县 points at neither: no guess
    two = text.replace("发展势头良好", "发展势头良好，值得宁津县学习") + "考察团对我县的发展给予高度评价。"
    assert locate_article(None, two).locality is None


def test_we_in_an_anonymous_copy_is_the_one_county_of_its_kind_named():
    text = ("9月16日，国家卫生县城复审组深入我县复查。\n"
            "9月20日，曲靖市运动会在罗平县开幕，曲靖市领导出席。全市旅游大会在我县召开，"
            "曲靖市市长出席。我县万亩油菜花吸引游客。")
    got = locate_article("执政大事", text)
    assert (got.locality, got.prefecture) == ("罗平县", "曲靖市")
    # without the county named, no county is guessed
    assert locate_article("执政大事", text.replace("罗平县", "某地")).locality != "罗平县"


def test_a_county_feature_naming_its_province_by_short_name_is_the_county_s():
    text = ("行走西藏，路总是很长。汽车从仲巴县折向北方，通往措勤县的路不断延伸。"
            "措勤县是西藏腹地的一个纯牧业县，湖泊面积排名西藏第三。\n"
            "村党支部书记介绍，村里想了很多办法帮助群众增收。")
    got = locate_article(None, text)
    assert (got.locality, got.level, got.province) == ("措勤县", "county", "西藏自治区")
    # the region speaking for itself (全区, 自治区党委) keeps a regional item the region's
    regional = ("自治区党委召开全区牧业工作会议，会议在措勤县举行。会议要求全区各地推进西藏"
                "牧业发展，自治区党委书记讲话。西藏各地市负责人参加。")
    assert locate_article(None, regional).level == "province"


def test_the_city_s_own_zone_said_with_its_level_character():
    text = ("近日，市政协主席来到市高新区调研企业发展情况。他强调，市高新区要发挥自身优势，"
            "打造发展新引擎。")
    got = locate_article(None, text, home="荆门市")
    assert (got.level, got.prefecture) == ("zone", "荆门市")
    # the bare word twice without the level character is too little for a zone
    assert locate_article(None, text.replace("市高新区", "高新区"), home="荆门市").level == "prefecture"


def test_a_case_told_as_a_microcosm_of_a_province_s_work_is_the_province_s():
    text = ("今年4月，兴义市纪委在核查一所中学时发现超标接待问题，校长被全市通报批评。\n"
            "这是贵州以集中整治巩固作风建设成效的一个缩影。\n"
            "开展作风问题集中整治，是省纪委作出的部署。兴义市纪委随后开展了专项检查，"
            "兴义市各单位举一反三。")
    got = locate_article(None, text)
    assert (got.locality, got.level) == ("贵州省", "province")
    # the same case without the framing sentence stays the county's
    plain = text.replace("这是贵州以集中整治巩固作风建设成效的一个缩影。\n", "")
    assert locate_article(None, plain).locality == "兴义市"


def test_town_and_country_after_a_county_is_no_township():
    got = locate_article(None, "近日，阜南县城乡环境综合整治推进会召开。阜南县城乡面貌焕然一新。")
    assert (got.locality, got.level, got.township) == ("阜南县", "county", None)


def test_a_visit_in_the_lead_to_one_town_is_the_town_s_report():
    # the headline names the county the head comes from, the body ends on a demand to the
    # county's projects: the visit in the first sentence still went to one town
    text = ("24日，洞口县县长某某带领县直部门负责人深入到高沙镇检查春耕生产。在高沙镇育秧基地，"
            "某某查看了秧苗长势。某某要求洞口县各农业项目以此为标准加快进度。")
    got = locate_article("洞口县县长检查春耕生产", text)
    assert (got.locality, got.level, got.township) == ("洞口县", "township", "高沙镇")
    # a first visit to two towns is a tour of the county
    tour = text.replace("深入到高沙镇检查", "深入到高沙镇、竹市镇检查")
    assert locate_article("洞口县县长检查春耕生产", tour).level == "county"
    # a province's leaders, a comma between the place and the looking, the town named once
    province = ("10日，省领导来到洞口县岩山镇安置小区，督查易地搬迁工作。县委书记某某陪同。"
                "省领导要求县里加快建设进度，县政府各部门要加强协调。")
    got = locate_article(None, province)
    assert (got.level, got.township) == ("township", "岩山镇")


def test_a_township_named_by_its_stem_in_the_headline():
    # the headline names the town by its stem only; the body prints its full name
    text = ("3日，洞口县高沙镇新时代文明实践站揭牌。洞口县委常委某某出席，要求高沙镇把实践站"
            "建好用好。洞口县融媒体中心负责人参加活动，洞口县各乡镇宣传委员观摩。")
    got = locate_article("洞口县融媒体中心高沙分中心揭牌", text)
    assert (got.locality, got.level, got.township) == ("洞口县", "township", "高沙镇")
    # ... or speaks as a township of that ending (我镇) on the county's site
    own = "5日下午，县委宣传部部长到我镇查看文化长廊建设，听取了镇村两级的汇报。"
    got = locate_article("宣传部长莅临高沙查看文化长廊", own, home="洞口县")
    assert (got.level, got.township) == ("township", "高沙镇")
    # a stem the body never confirms is a word, and the county stays the unit
    plain = "5日下午，县委宣传部部长查看全县文化长廊建设。"
    assert locate_article("宣传部长莅临高沙查看文化长廊", plain, home="洞口县").township is None


def test_an_unnamed_county_found_by_its_short_name_as_a_word():
    # an anonymous copy of a county paper: 县委/全县 speak, the county only as 新洞口
    text = ("18日，县委书记某某带领县直部门负责人到重点项目工地调研。某某要求，全县上下要加快"
            "项目建设，为建设新洞口作出贡献。")
    got = locate_article(None, text)
    assert (got.locality, got.prefecture, got.level) == ("洞口县", "邵阳市", "county")
    # a county-level city speaking as 我市 (市委, 全市) by its short name
    city = "近日，市委常委会召开扩大会议。会议强调，全市上下要重塑东阳干部良好形象，我市要走在前列。"
    assert locate_article(None, city).locality == "东阳市"
    # a short name inside another word (友邻水库 holds 邻水) names no county
    reservoir = text.replace("为建设新洞口作出贡献", "确保友邻水库按期完工")
    got = locate_article(None, reservoir)
    assert (got.locality, got.level) == (None, "county")
    # nor does the short name of a unit of another level than the one speaking (我区, 洞口县)
    district = text.replace("县委书记", "区委书记").replace("全县", "我区")
    assert locate_article(None, district).locality is None


def test_a_report_on_the_townships_together_is_the_county_s():
    # a weekly digest of the towns' work dwells on one town but tells what all of them did
    text = ("这一周，各镇街聚焦项目建设，以实干推动工作落地。\n高沙镇：高沙镇召开项目推进会，"
            "部署高沙镇下一阶段工作。\n竹市镇：开展安全生产检查。")
    got = locate_article("镇街一周看点", text, home="洞口县")
    assert (got.locality, got.level, got.township) == ("洞口县", "county", None)
    # without the words for all the towns, the town named most is the report's
    one = text.replace("这一周，各镇街聚焦项目建设，以实干推动工作落地。\n", "")
    assert locate_article("镇街一周看点", one, home="洞口县").township == "高沙镇"


def test_villages_of_one_township_make_the_report_that_township_s():
    # a town's own report on the county site: 我镇, the town never named, two of its villages
    text = ("28日上午，县长某某深入我镇检查防汛工作，县水利局负责人陪同。某某先后来到峙山村、南泥村，查看河道和"
            "山塘的防汛情况，要求镇村两级压实责任。")
    got = locate_article(None, text, home="洞口县")
    assert (got.locality, got.level, got.township) == ("洞口县", "township", "高沙镇")
    # villages of two townships are a tour of the county
    tour = text.replace("南泥村", "大水村")
    assert locate_article(None, tour, home="洞口县").level == "county"
    # one village alone is a setting
    alone = text.replace("、南泥村", "")
    assert locate_article(None, alone, home="洞口县").township is None


def test_a_village_named_as_often_as_its_county_makes_the_report_its_township_s():
    # a meeting held in one village: the village named on its own as often as the county
    text = ("村官论坛执委会议在洞口县高沙镇峙山村召开。与会人员参观了峙山村村史馆和峙山村"
            "产业园。峙山村党委书记分享了经验，洞口县文旅局介绍了洞口县的规划。")
    got = locate_article(None, text)
    assert (got.locality, got.level, got.township) == ("洞口县", "township", "高沙镇")
    # the county referred to once more than the village: the county's report
    more = text + "洞口县文旅局介绍了全域旅游规划。"
    assert locate_article(None, more).level == "county"


def test_a_town_of_a_city_without_counties_reporting_through_its_head():
    # 中山市 has no counties: its towns are directly under it; 某镇镇长 is the town and a title
    text = ("29日下午，中山市南朗镇镇长某某带领镇市场监管分局工作人员到辖区农贸市场检查食品安全。"
            "某某强调，南朗镇各部门要加强监管。")
    got = locate_article(None, text)
    assert (got.locality, got.prefecture, got.level, got.township) == (
        "中山市", "中山市", "township", "南朗镇")
    city = ("29日下午，中山市副市长某某带领市市场监管局工作人员到农贸市场检查食品安全。"
            "某某强调，全市各部门要加强监管。")
    got = locate_article(None, city)
    assert (got.level, got.township) == ("prefecture", None)


def test_townships_printed_in_a_former_or_everyday_form():
    # 高沙镇 printed as 高沙乡 (before it became a town): the township, under the printed name
    text = ("本网讯 为迎接脱贫攻坚督导，高沙乡召开工作推进会。会议由副乡长某某主持，"
            "高沙乡党政班子成员参加。会议要求，高沙乡各村要完善资料。县扶贫办负责人到会。")
    got = locate_article(None, text, home="洞口县")
    assert (got.locality, got.level, got.township) == ("洞口县", "township", "高沙乡")
    # 文昌街道 printed as 文昌街 (到文昌街调研, 文昌街办事处): reported by its name
    street = ("2日，县委副书记、县长某某带队到文昌街开展调研，听取文昌街工作情况汇报。"
              "某某要求文昌街办事处发挥作用。县政府办公室负责人陪同。")
    got = locate_article(None, street, home="洞口县")
    assert (got.level, got.township) == ("township", "文昌街道")


def test_a_home_township_in_its_former_form_places_a_report_that_names_no_county():
    # a town's report on its county's site naming only itself, as 高沙乡 (today's 高沙镇)
    text = ("本网讯 高沙乡召开脱贫攻坚推进会。会议由副乡长某某主持，乡党政班子成员参加。"
            "会议要求，高沙乡各村要完善资料。")
    got = locate_article(None, text, home="洞口县")
    assert (got.locality, got.level, got.township) == ("洞口县", "township", "高沙乡")



def test_a_town_speaking_through_its_organs_and_this_town_is_its_own_report():
    # a short unique name (毓兰镇) alone is no evidence; 全镇 once and 该镇 once, with the
    # town's party committee and government, make the text the town's own
    text = ("今年以来，毓兰镇党委、镇政府把产业发展作为头等大事来抓。\n"
            "全镇新建蔬菜基地2000亩。该镇还引进农业企业3家，带动群众增收。")
    loc = locate_article("产业兴旺促振兴", text)
    assert (loc.locality, loc.level, loc.township) == ("洞口县", "township", "毓兰镇")


def test_a_town_congress_naming_its_government_in_full_is_the_towns_report():
    # 镇人民政府 is the town's government in full, 镇人大 its congress: with the short unique
    # name printed throughout they make the text the town's own, no county named
    text = ("8月2日上午，高沙镇第十八届人民代表大会第三次会议召开，应到代表60人，实到55人。\n"
            "会议听取并审议了《高沙镇人民政府工作报告》《高沙镇人大主席团工作报告》，"
            "选举某某为高沙镇人民政府副镇长。\n会议要求，要凝聚力量，推动高沙镇高质量发展。")
    loc = locate_article(None, text)
    assert (loc.locality, loc.level, loc.township) == ("洞口县", "township", "高沙镇")


def test_a_county_report_naming_far_places_in_passing_stays_the_county():
    # the home county once, in the lead (twice the weight); where the suspect was born, worked
    # and hid, once each, in units of three provinces: no parent is shared, so no bulletin, and
    # the leading county is the report
    text = ("近日，洞口县公安局成功抓获一名潜逃多年的网上逃犯。\n"
            "犯罪嫌疑人李某，山东省梁山县人，曾在河南省周口市淮阳区务工，后逃往四川省成都市温江区。"
            "民警连夜赶赴当地，将其抓获。")
    loc = locate_article("潜逃多年终落网", text)
    assert _core(loc) == ("洞口县", "邵阳市", HUNAN, "county")


def test_a_headline_moving_a_county_from_a_city_is_the_county_not_their_prefecture():
    # two units of one prefecture in the headline, but not as a list: the county is the
    # subject and the city only where its seat moves from
    text = ("近日，邵阳市人民政府发布公告，洞口县人民政府驻地由武冈市迁至洞口县城关镇。\n"
            "此前洞口县政府一直设在武冈市，武冈市表示支持。")
    loc = locate_article("告别有县无城：湖南批准洞口县政府驻地由武冈市迁出", text)
    assert _core(loc) == ("洞口县", "邵阳市", HUNAN, "county")


def test_a_contact_address_line_is_not_the_place_reported_on():
    # a province's notice whose office address (in a district of the capital) heads the item:
    # the address is where objections go, the counties listed are the province's candidates
    text = ("经各市推荐、省民政厅评审，拟认定洞口县某镇等5个乡镇、澧县某村等20个村为全省示范村镇。\n"
            "如有异议，请于8月4日前以书面形式向省民政厅反映。")
    loc = locate_article("联系地址：长沙市芙蓉区某某路7号 邮政编码：410011", text)
    assert _core(loc) == (HUNAN, None, HUNAN, "province")


def test_a_city_paper_on_its_own_zones_with_a_visiting_citys_zone_is_the_city():
    # two zones of the host city, one of the visiting city (its head among the guests): the
    # units spread over two cities of one province, but the host city is named more than the
    # province and holds most of the zones' weight, so the report is the city's
    text = ("3月5日，岳阳市党政代表团来我市考察。常德市领导某某、某某陪同考察。\n"
            "代表团先后来到常德经济技术开发区、常德高新技术产业开发区，"
            "岳阳经济技术开发区党工委书记某某参加考察。\n"
            "双方表示，要坚决落实湖南省的部署要求，深化两地合作，常德市将全力支持。")
    loc = locate_article("岳阳市党政代表团来我市考察", text)
    assert _core(loc) == ("常德市", "常德市", HUNAN, "prefecture")


def test_an_anonymous_copy_of_a_county_study_trip_is_the_sending_county():
    # no home: the county named before the trip in the first sentence sent the travellers,
    # the county they learned from is named more often (each stop with its towns)
    text = ("近日，湖南省邵阳市洞口县组织到村任职干部跨市取经，前往常德市澧县、岳阳市湘阴县开展为期5天的学习。\n"
            "第一站来到澧县某镇某村，随后来到澧县某乡某村，在澧县某镇学习产业经验。"
            "又到湘阴县某村，学习各地乡村振兴经验。")
    loc = locate_article(None, text)
    assert _core(loc) == ("洞口县", "邵阳市", HUNAN, "county")


def test_a_county_named_once_in_full_then_by_its_short_name_outweighs_its_city():
    # a county delegation at the city's congress: the city in full twice, the county in full
    # once (its secretary) and by its short name throughout: the report is the county's
    text = ("3月2日，出席邵阳市第五届人民代表大会第三次会议的洞口代表团举行全团会议，审议邵阳市政府工作报告。"
            "洞口县委书记某某参加审议。\n"
            "某某指出，报告为洞口的发展指明了方向，要在邵阳市委的坚强领导下，加压奋进，"
            "为洞口高质量发展作出贡献，为全面建设社会主义现代化新洞口而努力。")
    loc = locate_article(None, text)
    assert _core(loc) == ("洞口县", "邵阳市", HUNAN, "county")


def test_a_home_site_item_naming_no_unit_is_the_homes():
    # a county government's meeting on its own site: no unit named, its leaders by title only;
    # the site's unit is what reports; without a home nothing is known (never a guess)
    text = ("6月2日上午，代县长某某主持召开县长办公会，县领导某某、某某参加会议。\n"
            "会议听取了各位副县长分管工作情况汇报，要求对照目标任务，找差距、补短板，确保实现双过半。")
    assert _core(locate_article(None, text, home="洞口县")) == ("洞口县", "邵阳市", HUNAN, "county")
    assert locate_article(None, text).locality is None


def test_a_home_sites_street_sharing_a_far_towns_name_stays_the_homes():
    # the street names itself only; jionlp lists a street of that name in another province,
    # not in the home: the home site's own street office reports, not the far county
    text = ("一是压实责任。完善街道防汛指挥部职能，对辖区水库、山坪塘等12个重点区域明确责任人。\n"
            "二是排查隐患。拉网式排查辖区堤防、排水设施30余处，整治隐患3处。")
    loc = locate_article("通惠街道筑牢防汛屏障", text, home="洞口县")
    assert (loc.locality, loc.province, loc.level, loc.township) == (
        "洞口县", HUNAN, "township", "通惠街道")


def test_the_home_provinces_short_name_in_a_list_of_provinces_is_not_the_setting():
    # a city paper's weather report: its province's short name only as one item of a list of
    # provinces hit by the snow, the city's own office named once: the city's item
    text = ("本报讯 1月30日，中央气象台预计，1月31日至2月5日，我国中东部地区将遭遇大范围雨雪冰冻天气，"
            "河南、河北、湖南、湖北、辽宁等地的降雪量具有极端性。\n"
            "邵阳市减灾委员会办公室提醒市民，出行前关注天气预报，注意防寒保暖。")
    loc = locate_article("春运遭遇复杂天气", text, home="邵阳市")
    assert _core(loc) == ("邵阳市", "邵阳市", HUNAN, "prefecture")


def test_a_city_printed_by_its_short_name_is_what_its_later_deixis_refers_to():
    # the city's vice mayor named with the city's short name (no 市 printed); 全市 and the
    # city's bureau point back to the city, the one county named at the end is an example
    text = ("昨天，邵阳副市长某某带领市农业农村局相关负责人，对各县（市、区）秋收工作进行检查，"
            "要求各县（市、区）加快秋收进度。\n"
            "据了解，目前全市秋收工作已经完成86%，其中武冈市水稻收割已全面告捷。")
    loc = locate_article(None, text)
    assert _core(loc) == ("邵阳市", "邵阳市", HUNAN, "prefecture")


def test_a_town_addressed_under_its_prefecture_with_no_county_is_its_countys():
    # 某省某市某镇: the county left out of the address; the town belongs to one county of that
    # city, and the report on the town is that county's township report, not the city's
    text = ("“没有乡亲们帮忙，我的病不会好得这么快。”湖南省邵阳市高沙镇的村民李大娘说。\n"
            "高沙镇是全市有名的蔬菜大镇。去年，高沙镇新建蔬菜基地2000亩，村民人均增收3000元。\n"
            "镇干部某某走遍了高沙镇所有的村，帮助群众解决实际困难。")
    loc = locate_article(None, text)
    assert (loc.locality, loc.prefecture, loc.level, loc.township) == (
        "洞口县", "邵阳市", "township", "高沙镇")


def test_a_banner_named_in_full_then_by_first_character_and_banner_outweighs_its_city():
    # a banner's forum of city political-consultative members living there, on the city's
    # site: the city by its organs throughout, the banner in full once, then as 翁旗
    text = ("近日，翁牛特旗召开住翁旗市政协委员座谈会。市政协副主席、旗委书记某某，市政协委员某某等出席。\n"
            "座谈会听取住翁旗市政协委员对市政协工作和全旗发展的意见建议。\n"
            "会议要求，代表们要站在全市发展的高度，结合翁旗实际，充分利用市政协各类会议平台，讲好翁旗故事，"
            "扩大翁旗在全市的影响，争取市里对翁旗各项工作的支持，为翁旗发展贡献力量。")
    loc = locate_article(None, text, home="赤峰市")
    assert (loc.locality, loc.prefecture, loc.level) == ("翁牛特旗", "赤峰市", "county")


def test_a_bare_development_zone_ending_is_the_ending_the_zone_is_printed_with():
    # the zone's tribunal printed as 某市开发区 and the zone once in full as 某经济开发区: one zone,
    # named as printed in full, not completed to a national 经济技术开发区
    text = ("近日，常州市开发区法庭法官来到村里开庭，调解一起赡养纠纷。\n"
            "常州市开发区法庭负责人介绍，法庭为常州经济开发区的三个镇提供上门立案服务。")
    loc = locate_article(None, text)
    assert (loc.locality, loc.prefecture, loc.level) == ("常州经济开发区", "常州市", "zone")


# --- townships that outweigh a neighbour -------------------------------------------------------


def test_border_township_named_throughout_outweighs_the_neighbour_county():
    # one county named once, in the township's address; the county across the border named in
    # full once and then three times by its short name (a township report, not a list)
    text = ("湖南省醴陵市白兔潭镇地处湘赣两省交界，与江西省上栗县相邻。\n"
            "入夏以来，白兔潭镇组织党员志愿者帮助上栗的种粮户抢收早稻。\n"
            "白兔潭镇农办负责人介绍，镇里为上栗农户代购化肥二十吨。\n"
            "下一步，白兔潭镇将与上栗有关乡镇建立联络机制。")
    loc = locate_article("两省农户互帮互助抢农时", text)
    assert _core(loc) == ("醴陵市", "株洲市", HUNAN, "township")
    assert loc.township == "白兔潭镇"


def test_township_named_only_in_its_address_does_not_count_again():
    # the towns are printed only after their counties: the counties' own mentions, no extra
    # weight, so a province's photo page with three counties stays the province's
    text = ("青海省牧区近年来推进草畜平衡。青海省多地牧民增收。\n"
            "在青海省海北藏族自治州刚察县泉吉乡，牧民转场。"
            "在青海省海北藏族自治州门源回族自治县皇城蒙古族乡，牛羊上山。"
            "在青海省海北藏族自治州祁连县扎麻什乡，牧民查看羊羔。"
            "在青海省海北藏族自治州门源回族自治县皇城蒙古族乡，新建畜棚投用。"
            "在青海省海北藏族自治州门源回族自治县皇城蒙古族乡，草场返青。")
    assert locate_article(None, text).level != "township"


def test_ethnic_township_printed_without_its_people_is_the_same_township():
    # named in full once, then twice without its people (偏坡营乡): three references to the
    # town, which outweigh the neighbour county named in full once and by its short name twice
    text = ("偏坡营满族乡位于河北省承德市隆化县北部，与丰宁满族自治县相邻。\n"
            "今年，偏坡营乡的务工队在丰宁承接了三处绿化工程。\n"
            "偏坡营乡还组织村民到丰宁学习食用菌种植。")
    loc = locate_article(None, text)
    assert _core(loc) == ("隆化县", "承德市", "河北省", "township")
    assert loc.township == "偏坡营满族乡"


def test_short_unique_township_before_its_own_village_names_the_county():
    # a town's own post: the county never named, 我镇 once, the short town name printed
    # before villages of its own
    text = ("3月2日上午，县委书记到我镇调研。在军店镇三溪沟村，书记察看了香菇大棚；"
            "在军店镇刘家畈村，书记听取了村集体经济发展汇报。军店镇镇长陪同调研。")
    loc = locate_article(None, text)
    assert _core(loc) == ("房县", "十堰市", "湖北省", "township")
    assert loc.township == "军店镇"


def test_short_unique_township_without_a_village_stays_a_word():
    # the same short name with no village of its own after it is no evidence by itself
    text = "县委书记到我镇调研，要求军店镇加快产业发展，推动乡村振兴。"
    assert locate_article(None, text).locality is None


def test_both_forms_of_an_ethnic_township_count_as_one():
    from helpers.places.townships import find_township

    county = Place("隆化县", "承德市", "河北省", "county")
    # twice in full, twice short: one town named four times (not two forms tied at two), the
    # neighbouring town once
    text = ("偏坡营满族乡地处山区，与七家镇相邻。偏坡营乡今年新修公路。"
            "偏坡营满族乡的合作社扩大了规模。偏坡营乡的民宿住满了游客。")
    assert find_township(county, "", text, 1) == "偏坡营满族乡"


# --- a short name that is itself a unit's name ---------------------------------------------------


def test_short_name_ending_in_its_level_counts_without_deixis():
    # a photo report: no 我县, no 县委; the county-level city printed by its old 县 name once
    text = "图①大棚里的西红柿红了。\n在辉县一个山村里，村民们在新建的日光温棚里采摘。记者 摄"
    loc = locate_article(None, text)
    assert _core(loc) == ("辉县市", "新乡市", "河南省", "county")


def test_other_short_names_without_deixis_stay_words():
    # a short name without a level character is read only with deixis of its level
    assert locate_article(None, "在东阳的一个山村里，村民们在温棚里采摘。").locality is None


def test_short_name_inside_a_word_is_no_county():
    # 河南县 is the short name of a county, but here 县域 is the word (河南|县域经济)
    loc = locate_article(None, "近年来，河南县域经济发展迅速，民营企业数量持续增长。")
    assert loc.locality != "河南蒙古族自治县"


# -- a discipline report on one township's leadership ------------------------------------------
def test_a_county_commissions_sanction_of_one_towns_leadership_is_the_towns():
    # the county commission acts and is named more often, but the report is on 高沙镇's own
    # party committee and government
    text = ("洞口县纪委监委下发通知，要求全县各级各部门开展自查自纠。高沙镇未按要求完成整改，"
            "经洞口县纪委常委会议研究，决定对高沙镇党委、政府给予全县通报批评。"
            "全县各级党组织要引以为戒，洞口县纪委将持续监督。")
    loc = locate_article("", text)
    assert (loc.locality, loc.level, loc.township) == ("洞口县", "township", "高沙镇")


def test_a_sanction_of_a_towns_village_official_alone_stays_the_countys():
    # only a village official of the town is punished: the town is where it happened, the
    # county's commission and its warning to the county make the report the county's
    text = ("洞口县纪委监委通报一起典型案例。高沙镇某村村委委员李某违规操办酒席，"
            "经洞口县纪委研究，给予李某党内警告处分。全县各级党组织要引以为戒，洞口县纪委将持续监督。")
    loc = locate_article("", text)
    assert (loc.locality, loc.level) == ("洞口县", "county")


def test_a_towns_leadership_named_without_a_sanction_stays_the_countys():
    # a county meeting where one town's leaders report: no sanction, the county's count decides
    text = ("洞口县召开脱贫攻坚推进会。高沙镇党委书记汇报了工作，"
            "洞口县县长要求洞口县直部门抓好落实，洞口县政府督查室跟踪问效。")
    loc = locate_article("", text)
    assert (loc.locality, loc.level) == ("洞口县", "county")
