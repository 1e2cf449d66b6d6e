"""Page and site debris (``helpers.formats.furniture``): which lines are furniture, of what kind.

Lines typed here in the forms e-paper article pages and county government sites print
(navigation bars, edition lines, breadcrumbs, page tools, image credits, mastheads); the text
lines around them are invented.
"""

from __future__ import annotations

import re

import pytest

from helpers.formats.furniture import (
    FURNITURE_KINDS,
    FURNITURE_LINE_MAX,
    MASTHEAD_REPEATS,
    edition_page,
    furniture_candidates,
    furniture_kind,
    repeated_lines,
)


@pytest.mark.parametrize("line, kind", [
    ("第A02版：要闻", "edition"),
    ("第AA02版:时政新闻", "edition"),
    ("第3版 综合新闻", "edition"),
    ("  第 5 版  ", "edition"),
    ("上一版  下一版", "navigation"),
    ("第AA02版:时政新闻|上一版|下一版|||", "navigation"),
    ("上一篇：湘阴县召开春季森林防火工作会议", "navigation"),
    ("下一篇:湘阴县举办农民丰收节", "navigation"),
    ("首页 > 新闻中心 > 乡镇动态", "navigation"),
    ("网站首页>>政务公开>>部门动态", "navigation"),
    ("当前位置：首页 > 政务公开 > 工作动态", "navigation"),
    ("版面导航  标题导航  往期回顾", "navigation"),
    ("【字体：大 中 小】 打印本页", "tools"),
    ("【打印】【关闭】", "tools"),
    ("扫一扫在手机打开当前页", "tools"),
    ("微信扫一扫分享", "tools"),  # a share widget's caption alone on its line
    ("本篇文章1200字，读完约3分钟", "tools"),
    ("图片来源：县委宣传部", "credit"),
    ("（图片来源：网络）", "credit"),
])
def test_kinds(line, kind):
    assert kind in FURNITURE_KINDS
    assert furniture_kind(line) == kind


_DEBRIS = ["第A02版：要闻", "  第 5 版  ", "上一版  下一版", "首页 > 新闻中心 > 乡镇动态",
           "网站首页>>政务公开>>部门动态", "【字体：大 中 小】 打印本页", "【打印】【关闭】",
           "本篇文章1200字，读完约3分钟", "128 人参与", "（图片来源：网络）", "IMG_20230501.jpg",
           "photo-3.PNG", "浙江在线 » 安吉新闻网 » 时政新闻", " 平 江 新 闻 "]
_TEXT = ["湘阴县鹤龙湖镇开展防溺水宣传活动，全镇", "各村组织志愿者巡查河塘，发放", "宣传资料三千余份。"]


def test_page_candidates_hold_every_debris_line_and_skip_plain_text():
    lines = [line for pair in zip(_DEBRIS, _TEXT * 5) for line in pair]
    lines += ["版面更新后，读者可下载 PDF", "下载记录"]  # 下载记录 alone on its line
    page = "\n".join(lines)
    taken = set(furniture_candidates(page, newspaper="平江新闻"))
    debris = {i for i, line in enumerate(lines)
              if furniture_kind(line, newspaper="平江新闻", menus=False) is not None}
    assert len(debris) == len(_DEBRIS) + 1  # the examples are debris, and so is 下载记录
    assert debris <= taken
    # a text line without any sign of debris is not asked
    assert lines.index(_TEXT[1]) not in taken
    # the caller's signs add lines (the page reader's running-head hint)
    signs = furniture_candidates("今日要闻\n责任编辑：张三", signs=[re.compile("编辑")])
    assert signs == [1]


@pytest.mark.parametrize("line", [
    # a sentence is text whatever words it holds
    "近日，记者在上一篇报道的基础上回访了鹤龙湖镇的农户。",
    "首页设计大赛在县文化馆举行",                 # 首页 without a breadcrumb separator
    "湘阴县鹤龙湖镇开展防溺水宣传活动",            # a title
    # a line of text (hard-wrapped or a page column) that happens to start with 第3版
    "第3版刊发的通知引起了关注，不少读者",
    "第2版上刊登的那篇报道，让村民们",
    # a byline line: roles and names side by side, like a menu's items, but a header line
    "本报记者 刘晓明 通讯员 陈志强 报道",
    "记者 张三 李四 通讯员 王五",
    "",
    "   ",
])
def test_text_is_not_furniture(line):
    assert furniture_kind(line) is None


def test_site_menu():
    assert furniture_kind("要闻速览 三农视点 各地动态 惠农政策 便民服务") == "navigation"
    assert furniture_kind("要闻速览 三农视点 各地动态 惠农政策 便民服务", menus=False) is None


def test_long_line_is_never_furniture():
    line = "上一篇：" + "湘阴县" * (FURNITURE_LINE_MAX // 3)
    assert furniture_kind(line) is None


def test_masthead_needs_the_newspaper():
    assert furniture_kind("洞口新闻") is None
    assert furniture_kind("洞口新闻", newspaper="洞口新闻") == "masthead"
    assert furniture_kind("洞 口 新 闻", newspaper="洞口新闻") == "masthead"
    assert furniture_kind("洞口新闻网", newspaper="洞口新闻") is None


@pytest.mark.parametrize("line, page", [
    ("第A02版：要闻", "A02"),
    ("第AA02版:时政新闻|上一版|下一版", "AA02"),
    ("第 3 版  综合新闻", "3"),
    ("第B 12版", "B12"),
    ("上一版  下一版", None),
])
def test_edition_page(line, page):
    assert edition_page(line) == page


def test_repeated_lines():
    running = "湖南日报 · 数字报"
    lines = [running, "县里召开防汛工作会议", running, "近日，全县防汛工作会议召开。", running,
             "近日，全县防汛工作会议召开。", "近日，全县防汛工作会议召开。"]
    assert MASTHEAD_REPEATS == 3
    # the running head (three times) is taken; a sentence repeated is text
    assert repeated_lines(lines) == {running}
    assert repeated_lines(lines[:3]) == set()  # twice is not enough
    long = "湘阴县" * 11  # over the masthead length
    assert repeated_lines([long] * 4) == set()


def test_long_site_menu_may_link_a_couple_of_sites_by_name():
    menu = ("首页 要闻 时评 党建 市情 文化 法治 原创 视频 文件 新闻 政务 旅游 生态 体育 专题 "
            "图片 融媒  某某省人民政府网  民族文网")
    assert furniture_kind(menu) == "navigation"
    # five phrases, one of them long: a title's phrases, not a menu
    assert furniture_kind("春耕 备耕 正当时 各地农民抢抓农时忙生产 田间地头") is None


@pytest.mark.parametrize("line", ["wechat_2024-05-01_101010_77", "IMG_20230501.jpg",
                                  "photo-3.png"])
def test_image_file_names_left_in_place_of_images_are_credits(line):
    assert furniture_kind(line) == "credit"


def test_a_plain_word_or_number_line_is_no_image_name():
    # short lines without Chinese are page tools (counters) in article files, but no image name
    assert furniture_kind("COVID-19") != "credit"
    assert furniture_kind("2023.05") != "credit"
    assert furniture_kind("新冠疫苗_接种点") is None
