"""Site footers, contact banners and forum debris in article files: furniture, never the
headline or the body (``helpers.formats.furniture``, ``helpers.formats.article``).

The lines are written here in the forms sites print them (a provincial government site's
footer, a news site's contact banner, a forum's login prompts and edit stamp, a script
converter's traditional characters with pinyin); names, numbers and places are invented.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from helpers.corpus import audit_corpus, load_corpus, read_corpus
from helpers.formats.article import read_article
from helpers.formats.furniture import FURNITURE_KINDS, forum_stamp, furniture_kind, is_footer_field


@pytest.mark.parametrize("line", [
    "主办：南山省人民政府  承办：南山省人民政府办公厅",
    "主辦:南山省人民政府 承辦:南山省人民政府辦公廳",
    "主办单位：青石县人民政府 承办单位：青石县信息中心 备案序号：南ICP备01234567号",
    "政府网站标识码：9900000001",
    "政府網(wǎng)站標(biāo)識(shí)碼:9900000001",
    "南ICP备12345678号-1",
    "南公网安备 99010102000001号",
    "Copyright © 2001-2024 青石日报社 All Rights Reserved",
    "（版权所有 不得转载）",
    "合作热线:0000-12345678      来稿邮箱:news@example.com",
    "投稿邮箱：xinwen@example.com",
])
def test_site_footer_lines(line):
    assert furniture_kind(line) == "site footer"


@pytest.mark.parametrize("line", [
    "主办单位：青石县文化馆",  # an event notice names its organizer: no 承办 on the line
    "合作社社员大会在青石县召开",  # 合作 alone is a word of the text
    "版权保护宣传周活动启动",
    "近日，青石县召开合作热线开通仪式。",  # a sentence is never furniture
])
def test_not_site_footer(line):
    assert furniture_kind(line) != "site footer"


def test_site_footer_only_in_article_files():
    # on e-paper page text (menus=False) the footer kinds are not looked for
    assert furniture_kind("政府网站标识码：9900000001", menus=False) is None


@pytest.mark.parametrize("line, kind", [
    ("字號(hào): 大 中 小", "tools"),
    ("字號: 大 中 小", "tools"),
    ("字體：大 中 小", "tools"),
    ("本帖最后由 山水客 于 2016-3-5 21:08 编辑", "forum"),
    ("本帖最後由 山水客 於 2016-3-5 21:08 編輯", "forum"),
    ("马上注册，结交更多好友，享用更多功能，让你轻松玩转青石论坛", "tools"),
    ("您需要 登录 才可以下载或查看，没有账号？会员注册", "tools"),
    ("x", "tools"),
])
def test_tools_and_forum_lines(line, kind):
    assert furniture_kind(line) == kind


def test_new_kinds_documented():
    assert {"site footer", "forum"} <= set(FURNITURE_KINDS)


def test_forum_stamp_with_the_post_run_on():
    line = "本帖最后由 山水客 于 2016-3-5 21:08 编辑 <br /><br />3月4日，青石镇召开人代会。"
    printed, date = forum_stamp(line)
    assert date == "2016-3-5 21:08"
    assert line[len(printed):] == "3月4日，青石镇召开人代会。"
    assert forum_stamp("3月4日，本帖最后由 山水客 于 2016-3-5 编辑") is None  # not at the start


def test_footer_field_only_beside_a_footer():
    assert is_footer_field("地址：南山省青石市河东区中山路1号 邮政编码：999001")
    assert is_footer_field("郵政編碼:999001")
    assert not is_footer_field("青石县中山路1号")
    text = ("青石县开展秋季安全检查\n\n近日，青石县应急管理局开展秋季安全检查。\n\n"
            "地址：南山省青石市河东区中山路1号\n\n电话：0000-1234567\n\n"
            "主办：南山省人民政府 承办：南山省人民政府办公厅\n\n政府网站标识码：9900000001\n")
    got = read_article(text)
    assert got.paragraphs == ["近日，青石县应急管理局开展秋季安全检查。"]
    assert [(n, k) for n, k, _ in got.furniture] == [
        (5, "site footer"), (7, "site footer"), (9, "site footer"), (11, "site footer")]
    # without a footer beside it, an address line is the article's text
    alone = read_article("青石县便民服务中心搬迁\n\n新址启用。\n\n地址：青石县中山路1号\n")
    assert alone.paragraphs == ["新址启用。", "地址：青石县中山路1号"]


def test_contact_banner_is_not_the_headline():
    text = ("南山新闻网乡镇频\n合作热线:0000-12345678      来稿邮箱:news@example.com\n"
            "青石镇开展市场安全检查\n来源: 王五 2021-09-08 15:37:22 责编: 赵六\n\n"
            "近日，青石市青石镇组织开展市场安全检查。\n")
    got = read_article(text)
    assert got.headline == "青石镇开展市场安全检查"
    assert (2, "site footer") in [(n, k) for n, k, _ in got.furniture]


def test_traditional_footer_and_font_tools_leave_the_body():
    text = ("字號(hào): 大 中 小\n今天，青石縣舉行豐收節(jié)活動。\n"
            "主辦:南山省人民政府 承辦:南山省人民政府辦公廳\n"
            "地址:南山省青石市河東區(qū)中山路1號(hào) 郵政編碼:999001\n"
            "政府網(wǎng)站標(biāo)識(shí)碼:9900000001\n")
    got = read_article(text)
    assert got.headline is None
    assert got.paragraphs == ["今天，青石縣舉行豐收節(jié)活動。"]
    assert [k for _, k, _ in got.furniture] == ["tools", "site footer", "site footer",
                                                "site footer"]


FORUM = ("马上注册，结交更多好友，享用更多功能，让你轻松玩转青石论坛\n"
         "您需要 登录 才可以下载或查看，没有账号？会员注册\n"
         "x\n"
         "本帖最后由 山水客 于 2016-3-5 21:08 编辑 <br /><br />3月4日，青石镇第八届人民代表大会"
         "第一次会议召开，全镇代表参加会议。\n")


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_forum_post_body_dated_by_its_stamp(tmp_path):
    got = read_article(FORUM)
    assert got.paragraphs == ["3月4日，青石镇第八届人民代表大会第一次会议召开，全镇代表参加会议。"]
    assert [k for _, k, _ in got.furniture] == ["tools", "tools", "tools", "forum"]
    row = load_corpus(write(tmp_path / "post.txt", FORUM), format="article").iloc[0]
    assert row["published"] == dt.date(2016, 3, 5)
    assert not row["text"].startswith("本帖")


def test_header_date_wins_over_the_edit_stamp(tmp_path):
    text = "青石镇召开人代会\n发布时间：2016-03-04\n\n" + FORUM.split("\n")[3] + "\n"
    row = load_corpus(write(tmp_path / "post.txt", text), format="article").iloc[0]
    assert row["published"] == dt.date(2016, 3, 4)


def test_nothing_lost_with_site_and_forum_debris(tmp_path):
    write(tmp_path / "post.txt", FORUM)
    write(tmp_path / "site.txt", "字號(hào): 大 中 小\n今天，青石縣舉行豐收節(jié)活動。\n"
          "主辦:南山省人民政府 承辦:南山省人民政府辦公廳\n政府網(wǎng)站標(biāo)識(shí)碼:9900000001\n")
    audit = audit_corpus(tmp_path, format="article")
    assert audit.checks["ok"].all()
    kinds = read_corpus(tmp_path, format="article").furniture["kind"]
    assert {"forum", "site footer", "tools"} <= set(kinds)


@pytest.mark.parametrize("line, kind", [
    ("免费电影一区,在线观看国产精品,亚洲欧美日韩无码,永久入口最新地址", "spam"),
    ("首頁 | 快訊 | 新聞 | 評論 | 財經 | 軍事 | 科技 | 教育", "navigation"),
    ("青石网首页", "tools"),
    ("字號(hào)", "tools"),
    ("字体：", "tools"),
    ("分享：", "tools"),
    ("您好，歡迎訪問(wèn)青石食品網(wǎng)！", "tools"),
    ("一鍵登錄", "tools"),
    ("相关新闻", "navigation"),
    ("【相關閱讀】", "navigation"),
])
def test_more_site_debris(line, kind):
    assert furniture_kind(line) == kind


@pytest.mark.parametrize("line", [
    "免费午餐走进青石县山区小学",  # one or two such words are a title's
    "青石县精品民宿助农增收 在线直播带货",
    "相关部门联合开展检查",  # 相关 opening a title is no heading over links
    "首页建设项目在青石县开工",  # 首页 inside a title, not a link to the home page
])
def test_titles_that_are_not_spam_or_headings(line):
    assert furniture_kind(line) is None


def test_spam_above_the_title_is_not_the_headline():
    text = ("免费电影一区,在线观看国产精品,亚洲欧美日韩无码,永久入口最新地址\n\n"
            "青石网首页\n\n首頁 | 快訊 | 新聞 | 評論 | 財經 | 軍事 | 科技 | 教育\n\n"
            "青石縣新村面貌新\n\n隆冬時節，記者來到青石縣新村。\n")
    got = read_article(text)
    assert got.headline == "青石縣新村面貌新"
    assert got.paragraphs == ["隆冬時節，記者來到青石縣新村。"]


@pytest.mark.parametrize("line, key, value", [
    ("發布時間:2025-10-03 08:46:57", "published", "2025-10-03 08:46:57"),
    ("來源:青石日報", "source", "青石日報"),
    ("責(zé)任編輯: 王五", "editor", "王五"),
    ("發(fā)布時(shí)間:2022-12-26 16:17:00", "published", "2022-12-26 16:17:00"),
])
def test_traditional_header_labels(line, key, value):
    from helpers.formats.headers import parse_header
    header = parse_header(line)
    assert header is not None and header.first(key) == value


def test_traditional_header_is_not_the_headline():
    text = ("【家住河源】守護草原二十七載\n來源:青石日報\n作者:王五 趙六\n"
            "發布時間:2025-10-03 08:46:57\n編輯:李四\n\n十月的草原，牧民們忙著轉場。\n")
    got = read_article(text)
    assert got.headline == "【家住河源】守護草原二十七載"
    assert got.field_value("published") == "2025-10-03 08:46:57"


@pytest.mark.parametrize("line, kind", [
    ("已有3人发表了评论", "tools"),
    ("已有3人發表了評論", "tools"),
    ("请输入验证码", "tools"),
    ("手机+密码登录", "tools"),
    ("扫码手机轻阅读", "tools"),
    ("喜欢就按个赞吧！！！", "tools"),
    ("标签：", "tools"),
    ("关闭", "tools"),
    ("上篇：", "navigation"),
    ("推荐阅读", "navigation"),
    ("热门跟贴", "navigation"),
])
def test_comment_login_and_link_debris(line, kind):
    assert furniture_kind(line) == kind


@pytest.mark.parametrize("line", [
    "关闭小散乱污企业十二家",  # a title that starts with 关闭
    "上篇文章引起了读者关注",
])
def test_debris_words_inside_titles(line):
    assert furniture_kind(line) is None
