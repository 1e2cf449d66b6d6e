"""Header fields as sites list them (• 发布时间：…, 索 引 号：…, 2023 - 05 - 03), breadcrumb trails
that do not open at 首页, pictures' default file names and column tags alone on a line.  Every
line is written here (no real page)."""

from __future__ import annotations

import datetime as dt

import pytest

from helpers.formats.article import read_article
from helpers.formats.dates import find_date, parse_date
from helpers.formats.furniture import furniture_kind
from helpers.formats.headers import parse_header


# -- bulleted and spaced header fields -----------------------------------------------------------
@pytest.mark.parametrize(("line", "fields"), [
    ("  • 发布时间：2019-04-02 08:15", {"published": ["2019-04-02 08:15"]}),
    ("• 2019-04-02 16:40", {"published": ["2019-04-02 16:40"]}),
    ("  • 日期：2019-04-02", {"published": ["2019-04-02"]}),
    ("● 公开日期：2019-04-02", {"published": ["2019-04-02"]}),
    ("• 索 引 号：11430000/2019-00321", {"other": ["11430000/2019-00321"]}),
    ("标  题：乡村公路通车", {"headline": ["乡村公路通车"]}),
    ("  • 信息索引号：", {"other": [""]}),
])
def test_listed_and_spaced_fields(line, fields):
    header = parse_header(line)
    assert header is not None and header.fields == fields


@pytest.mark.parametrize("line", [
    "• 一是加强组织领导，层层压实责任。",  # a list item of the body
    "我 们 的 家：写在建县七十年",        # spaced words that are no label
    "·县里新修的公路通车",                 # a middle dot is no bullet
])
def test_not_header_lines(line):
    assert parse_header(line) is None


@pytest.mark.parametrize("value", ["2019 - 04 - 02", "2019 -04- 02", "2019 / 4 / 2"])
def test_separators_set_apart_by_a_space(value):
    assert parse_date(value, where="test") == dt.date(2019, 4, 2)
    assert find_date(f"发布日期: {value} 字体:[ ]") == dt.date(2019, 4, 2)


def test_a_subtraction_is_no_date():
    assert find_date("得分 2019 - 04") is None
    with pytest.raises(ValueError):
        parse_date("2019  -  04  -  02", where="test")  # two spaces: no template prints them


# -- breadcrumbs ----------------------------------------------------------------------------------
@pytest.mark.parametrize("line", [
    ">> 县区新闻 >> 乡镇动态",     # the rest of a trail whose 首页 stood on the line above
    "某某新闻网>民生",            # a site and one section
    "某某新闻网 > 乡村振兴",
    "县政府网>>政务公开>>通知公告",
])
def test_trails_are_navigation(line):
    assert furniture_kind(line) == "navigation"
    assert furniture_kind(line, menus=False) == "navigation"


@pytest.mark.parametrize("line", [
    "全县粮食产量>50万吨的目标提前实现",
    "收入>支出 县财政运行平稳",
    "网络安全宣传周启动 市民>千人参与",
])
def test_a_comparison_in_a_headline_is_no_trail(line):
    assert furniture_kind(line) is None


# -- pictures' file names and column tags --------------------------------------------------------
@pytest.mark.parametrize("line", ["微信图片_20190402101530", "截图_20190402_2", "图片_20190402.jpg"])
def test_default_picture_names_are_credits(line):
    assert furniture_kind(line) == "credit"


def test_a_word_with_an_underscore_is_no_picture():
    assert furniture_kind("图片_说明") is None


def test_column_tag_after_the_header_is_no_headline():
    text = ("县里新修的乡村公路通车\n\n• 2019-04-02 作者：张三\n【民生实事】\n\n微信图片_20190402101530\n\n"
            "4月1日，县里新修的乡村公路正式通车，沿线三个村的果农不再为运输发愁。\n")
    parsed = read_article(text)
    assert parsed.headline == "县里新修的乡村公路通车"
    assert "【民生实事】" in parsed.subheads
    assert parsed.numbered_values("published") == [(3, "2019-04-02")]  # 1-based line


def test_a_column_tag_alone_stays_the_headline():
    text = "【图片新闻】\n\n4月1日，县里新修的乡村公路正式通车。张三 摄\n"
    assert read_article(text).headline == "【图片新闻】"


def test_a_trail_above_a_disclosure_block_leaves_the_title():
    text = ("首页\n>> 县区新闻 >> 乡镇动态\n  • 信息索引号：\n\n  • 发布机构：\n\n  • 公开方式：\n\n"
            "县人大常委会组织代表视察全县农村公路建设情况\n\n发布时间: 2019-04-02 08:22 信息来源: 县融媒体中心\n\n"
            "4月1日，县人大常委会组织部分代表视察农村公路建设。\n")
    parsed = read_article(text)
    assert parsed.headline == "县人大常委会组织代表视察全县农村公路建设情况"
    assert [v for _n, v in parsed.numbered_values("published")] == ["2019-04-02 08:22"]


# -- a header line with a site's tools or bars on it keeps its date ----------------------------
@pytest.mark.parametrize(("line", "date"), [
    ("2019-04-02 09:15:00  来源：某某日报  说两句  分享到：", "2019-04-02 09:15:00"),
    ("2019-04-02 09:15:00|来源：某某日报|编辑：张三 |责编：李四", "2019-04-02 09:15:00"),
    ("来源：县融媒体 | 作者：张三 | 发布时间: 2019-04-02 | 668 次浏览: | 分享到：", "2019-04-02"),
])
def test_header_line_with_tools_keeps_its_date(line, date):
    text = f"县里新修的乡村公路通车\n\n{line}\n\n4月1日，县里新修的乡村公路正式通车，沿线果农不再为运输发愁。\n"
    parsed = read_article(text)
    assert parsed.headline == "县里新修的乡村公路通车"
    assert [v for _n, v in parsed.numbered_values("published")] == [date]


def test_a_reader_clock_alone_stays_furniture():
    # an e-paper reader prints today's date on its own line: no label asks for it
    text = ("电子报阅读机\n2025-10-28\n星期二\n\n县里新修的乡村公路通车\n\n"
            "本报讯 4月1日，县里新修的乡村公路正式通车。\n")
    assert read_article(text).numbered_values("published") == []


def test_tools_without_a_date_stay_furniture():
    text = "县里新修的乡村公路通车\n\n说两句  分享到：\n\n4月1日，县里新修的乡村公路正式通车。\n"
    parsed = read_article(text)
    assert parsed.numbered_values("published") == []
    assert any(kind == "tools" for _n, kind, _l in parsed.furniture)


# -- a document's signature date -----------------------------------------------------------------
def test_the_date_under_the_issuer_dates_a_notice():
    text = ("关于表彰文明村镇的决定\n\n各乡镇人民政府：\n\n经研究，决定表彰十个文明村。\n\n"
            "某市文明创建工作领导小组\n2022年3月4日\n\n全市文明村名单\n\n东山镇前进村、西河乡红旗村\n")
    parsed = read_article(text)
    assert parsed.numbered_values("published") == [(8, "2022年3月4日")]


def test_issuer_and_date_closing_the_last_paragraph():
    text = "对巡视工作的大力支持表示感谢！特此公告。 省委第三巡视组 2018年5月5日\n"
    assert read_article(text).numbered_values("published") == [(1, "2018年5月5日")]


def test_a_header_date_comes_before_a_signature():
    text = ("县里表彰文明村\n\n发布时间：2022-03-09 10:00\n\n经研究，决定表彰十个文明村。\n\n"
            "县文明办\n2022年3月4日\n")
    # (the foot's date is read too, after it: the first date that parses is the article's)
    assert read_article(text).numbered_values("published")[0] == (3, "2022-03-09 10:00")


@pytest.mark.parametrize("middle", [
    "张三\n2022年3月4日",                                  # a person signs no document
    "会议决定，表彰大会于\n2022年3月4日",                  # a wrapped sentence
    "县文明办在会上通报了2022年3月4日的检查结果。",          # a date in a sentence
])
def test_no_signature(middle):
    text = f"县里表彰文明村\n\n4月1日上午，表彰大会召开。\n{middle}\n\n十个村受到表彰，村民很高兴。\n"
    parsed = read_article(text)
    assert parsed.signed == []
    assert parsed.numbered_values("published") == []
