"""Localities, round 13 (issue 12): the general rules of the constructions met in locality set 17's
development half, on items written for these tests, each with a near miss."""

from __future__ import annotations

from helpers.places import locate_article

# --- a unit printed as the example of a counted list ------------------------------------------

LIST_BODY = ("近日，省农业农村厅公布评选结果，经县市申报、专家评审，宁乡市金洲镇等30个乡镇被确定为全省美丽乡镇"
             "创建对象。\n其中，长沙市共有4个乡镇入选，分别是宁乡市金洲镇、浏阳市大瑶镇、长沙县开慧镇、"
             "望城区乔口镇。（记者 李明）")


def test_a_list_example_does_not_make_the_report_its_own():
    got = locate_article("全省美丽乡镇创建名单公布 长沙4个乡镇入选", LIST_BODY)
    assert (got.locality, got.level) == ("长沙市", "prefecture")


def test_a_unit_named_alone_before_deng_stays_the_subject():
    got = locate_article("", "近日，宁乡市金洲镇等地开展秸秆禁烧巡查。")
    assert got.locality == "宁乡市"


# --- a province's list carried by a city site whose headline names the city -------------------

PROVINCE_LIST = ("省文化和旅游厅公布第三批省级全域旅游示范区名单，分别是浏阳市、韶山市、平江县、凤凰县、"
                 "桑植县、汝城县、江永县、新化县。")


def test_a_city_site_carrying_its_provinces_list_under_its_own_name():
    got = locate_article("名单出炉，长沙一地入选", PROVINCE_LIST, home="长沙市")
    assert (got.locality, got.level) == ("长沙市", "prefecture")


def test_a_city_site_carrying_the_list_under_the_provinces_name():
    got = locate_article("省级全域旅游示范区名单公布", PROVINCE_LIST, home="长沙市")
    assert got.level == "province"


# --- a township organ opening the body speaks as the town ---------------------------------------

def test_a_town_organ_opening_the_lead_makes_a_township_report():
    got = locate_article("", "9月3日，镇综治办组织各村开展矛盾纠纷排查。", home="洞口县")
    assert (got.locality, got.level, got.township) == ("洞口县", "township", None)


def test_township_organs_together_are_no_town_of_their_own():
    got = locate_article("", "9月3日，乡镇综治中心负责人参加全县综治工作培训。", home="洞口县")
    assert (got.locality, got.level) == ("洞口县", "county")


# --- renames the gazetteer package's tree has not applied yet --------------------------------------

def test_a_rename_the_tree_lacks_is_applied_from_the_change_records():
    import datetime as dt
    after = locate_article("", "近日，无为市召开防汛工作会议。", published=dt.date(2021, 6, 1))
    before = locate_article("", "近日，无为县召开防汛工作会议。", published=dt.date(2018, 6, 1))
    assert (after.locality, after.prefecture) == ("无为市", "芜湖市")
    assert before.locality == "无为县"


def test_the_new_name_is_a_home_the_loader_accepts(tmp_path):
    from helpers.corpus import load_corpus
    folder = tmp_path / "wuwei"
    folder.mkdir()
    (folder / "metadata.yaml").write_text("home: 无为市\n", encoding="utf-8")
    (folder / "a.txt").write_text("我市开展河道清淤\n\n近日，我市组织清理河道淤泥。\n", encoding="utf-8")
    assert load_corpus(folder)["locality"].tolist() == ["无为市"]


# --- a township's central station is the township's -------------------------------------------------

def test_a_central_market_station_named_by_its_township_is_that_townships():
    text = ("本周，宁乡市市场监管局灰汤中心市场监督管理所对温泉区餐饮门店逐户抽查，共查看门店21家。"
            "\n灰汤中心市场监督管理所表示，抽查将延续到国庆前。")
    got = locate_article("", text)
    assert (got.locality, got.level, got.township) == ("宁乡市", "township", "灰汤镇")


def test_the_county_bureau_alone_stays_the_countys():
    got = locate_article("", "本周，宁乡市市场监管局对全市餐饮门店逐户抽查。")
    assert (got.locality, got.level) == ("宁乡市", "county")
