"""The publisher an item prints stands in for a home the metadata does not give."""

from __future__ import annotations

import pytest

from helpers.corpus import parse_text
from helpers.places.publisher import publisher_home


@pytest.mark.parametrize("source, home", [
    ("永靖县人民政府", "永靖县"),        # an organ with the county's full name
    ("宁乡市融媒体中心", "宁乡市"),
    ("文明灌南", "灌南县"),              # a county's outlet brand: prefix + short name
    ("灌南发布", "灌南县"),              # short name + brand word
    ("今日宁乡", "宁乡市"),
    ("马鞍山日报", "马鞍山市"),          # a city's paper
    ("平安鄂尔多斯", "鄂尔多斯市"),
    ("长沙晚报", "长沙市"),              # 长沙 is also 长沙县: the paper is the city's
    ("株洲日报 记者 李明", "株洲市"),    # parts around a separator are read one by one
])
def test_publisher_names_a_unit(source, home):
    assert publisher_home(source) == home


@pytest.mark.parametrize("source", [
    None, "", "新华社", "人民网", "县纪委监委", "新区安监局",
    "湖南日报", "江苏省人民政府", "人民网-湖南频道",   # a province's outlets cover all of it
    "光明日报", "东方网", "新民晚报", "天山网",         # names a district or county also bears
    "朝阳日报",                                          # 朝阳: a district and a city
    "马鞍山日报 长沙晚报",                               # two units: no one publisher
])
def test_publisher_names_no_unit(source):
    assert publisher_home(source) is None


def test_source_line_places_an_item_naming_no_county():
    text = ("高沙镇开展人居环境整治\n来源：洞口县人民政府  发布时间：2022-05-06\n\n"
            "近日，高沙镇组织干部群众清理房前屋后垃圾。\n")
    got = parse_text(text, "a", format="article").articles.iloc[0]
    assert (got["locality"], got["level"], got["township"]) == ("洞口县", "township", "高沙镇")


def test_metadata_home_wins_over_the_source_line():
    text = "我县召开会议\n来源：洞口新闻\n\n近日，我县召开春耕生产会议。\n"
    got = parse_text(text, "a", format="article", home="隆回县").articles.iloc[0]
    assert got["locality"] == "隆回县"


def test_author_line_above_the_body_places_a_page_article():
    page = ("2025年07月02日\n\n稻田变粮仓 夜校进村组\n\n灌南县新安镇党委书记 周明\n\n"
            "新安镇地处平原腹地，是远近闻名的鱼米之乡。\n\n"
            "近年来，新安镇建成高标准农田3万亩，群众收入稳步增长。\n")
    got = parse_text(page, "p", format="page").articles.iloc[0]
    assert (got["locality"], got["township"]) == ("灌南县", "新安镇")



def test_a_title_printed_twice_reads_as_once():
    title = "某地水质排名出炉:全省14市地表水质量季度排名"
    body = ("\n\n4月8日，本报记者在省环保厅举行的季度通报会上获悉，全省地表水质量持续向好。"
            "省环保厅通报了一季度14市水质排名。\n\n来源:某某晚报\n")
    once = parse_text(title + body, "a", format="article").articles.iloc[0]
    twice = parse_text(title + "\n" + title + body, "b", format="article").articles.iloc[0]
    assert once["agency"] == "省环保厅"
    assert (twice["locality"], twice["agency"]) == (once["locality"], once["agency"])
