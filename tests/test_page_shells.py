"""Page shells never decide the place (issue 12: furniture, locality; CONVENTIONS L-boilerplate).

One invented report is wrapped in the shells real items arrive in: a government site with a
bulleted footer giving a provincial address, a mirror with an outlet's promotion and QR-code
lines, an e-paper copy whose headline opens with a column tag, a page that prints a photo caption
before the dateline, a site header with breadcrumbs and font tools after 来源.  Every shell must
give the same locality as the bare report, its shell lines must go to the furniture table, and
every line of the report must stay text.  All sentences, names and addresses are invented.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.corpus import check_corpus, read_corpus
from helpers.formats.article import read_article
from helpers.formats.datelines import dateline_span, find_dateline
from helpers.formats.furniture import (
    FURNITURE_KINDS,
    furniture_kind,
    is_footer_field,
    is_table_cell,
)
from helpers.formats.headers import parse_header
from helpers.places import locate_article
from helpers.places.weigh import tagged_lead

HEADLINE = "秋季森林防火巡查有序开展"
BODY = ["10月12日，洞口县林业局组织巡查队深入高沙镇、石江镇林区，逐一检查防火设施和野外用火管理。",
        "巡查队对发现的问题当场交办，要求各乡镇压实防火责任，确保林区安全。"]
REPORT = HEADLINE + "\n\n" + "\n\n".join(BODY) + "\n"

# A provincial department's site: header tools after 来源, and a footer set as a bulleted list
# whose address is in the provincial capital.
GOVERNMENT = (
    "首页 > 新闻中心 > 市县动态\n\n" + HEADLINE + "\n\n"
    "发布时间：2024-10-14 来源：湖南省林业局 字体显示：【 大 中 小 】 阅读：\n\n"
    + "\n\n".join(BODY) + "\n\n附件下载\n\n"
    "  • 主办单位：湖南省林业局\n"
    "  • 地址：长沙市天心区林政路8号\n"
    "  • 邮编：410004\n"
    "  • 联系邮箱：office@example.com\n"
    "  • 邮箱系统   网站地图\n"
    "  • 总访问量: 1234567 人次\n")
# A mirror of a city outlet's post: the brand's promotion names its city, twice.
MIRROR = (
    HEADLINE + "\n" + "\n".join(BODY) + "\n"
    "了解邵阳市更多资讯，尽在邵阳市某某网微信，扫描下方二维码免费阅读。\n"
    "长按识别二维码，关注邵阳市某某网公众号\n")
# An e-paper copy: the headline opens with the column's tag, and the dateline is the paper's.
EPAPER = (
    "【林区一线】洞口：" + HEADLINE + "\n\n"
    "邵阳市某某报讯 " + BODY[0] + "\n\n" + BODY[1] + "\n")
# A page that prints the photo's caption first, then the dateline with the city's name.
CAPTION_FIRST = (
    HEADLINE + "\n\n图为巡查队员在林区检查灭火器材。\n\n"
    "邵阳市融媒讯（记者 李明）" + BODY[0] + "\n\n" + BODY[1] + "\n")
# A plain footer, one field per line, with the province's government as the host.
FOOTER_PLAIN = (
    REPORT + "\n主办：湖南省人民政府 承办：湖南省人民政府办公厅\n"
    "地址：长沙市岳麓区某某路1号 邮政编码：410001\n"
    "联系电话：0731-00000000\n")

SHELLS = {"government": GOVERNMENT, "mirror": MIRROR, "epaper": EPAPER,
          "caption first": CAPTION_FIRST, "footer plain": FOOTER_PLAIN}


def _article(tmp_path: Path, name: str, text: str):
    folder = tmp_path / name.replace(" ", "_")
    folder.mkdir()
    (folder / "item.txt").write_text(text, encoding="utf-8")
    corpus = read_corpus(folder, format="article")
    assert len(corpus.articles) == 1
    assert check_corpus(folder, format="article")["ok"].all()  # nothing lost, nothing invented
    return corpus.articles.iloc[0], corpus.furniture


def test_bare_report_is_the_county(tmp_path):
    row, _ = _article(tmp_path, "bare", REPORT)
    assert (row["locality"], row["level"], row["province"]) == ("洞口县", "county", "湖南省")


@pytest.mark.parametrize("name", sorted(SHELLS))
def test_every_shell_gives_the_same_locality(tmp_path, name):
    row, _ = _article(tmp_path, name, SHELLS[name])
    assert (row["locality"], row["level"], row["province"]) == ("洞口县", "county", "湖南省")


@pytest.mark.parametrize("name", sorted(SHELLS))
def test_the_report_stays_whole(tmp_path, name):
    row, _ = _article(tmp_path, name, SHELLS[name])
    for sentence in BODY:
        assert sentence in row["text"]


def test_government_footer_leaves_the_text(tmp_path):
    row, furniture = _article(tmp_path, "government", GOVERNMENT)
    assert "长沙市" not in row["text"] and "主办单位" not in row["text"]
    footer = furniture[furniture["kind"] == "site footer"]["text"].tolist()
    assert any("地址：长沙市天心区" in line for line in footer)
    assert len(footer) == 6  # the whole bulleted block, its address and postcode included
    assert row["newspaper"] == "湖南省林业局"  # the 来源 without the page's font tools


def test_mirror_promotion_leaves_the_text(tmp_path):
    row, furniture = _article(tmp_path, "mirror", MIRROR)
    assert "邵阳市" not in row["text"]
    assert furniture["kind"].tolist() == ["promo", "promo"]


def test_caption_first_dateline_is_found(tmp_path):
    row, _ = _article(tmp_path, "caption", CAPTION_FIRST)
    assert row["dateline"] == "邵阳市融媒讯"
    assert row["text"].startswith("图为巡查队员")  # the caption stays the article's text


@pytest.mark.parametrize("line", [
    "了解某州更多资讯，尽在某某网微信，扫描下方二维码免费阅读。",
    "欢迎关注“某县发布”微信公众号",
    "长按识别二维码，关注我们",
    "查看更多精彩内容",
    "下载某某新闻客户端",
])
def test_promotion_lines(line):
    assert furniture_kind(line) == "promo"
    assert "promo" in FURNITURE_KINDS


@pytest.mark.parametrize("line", [
    "群众扫描二维码即可在线办理，县政务服务中心提供帮办服务。",  # a report's sentence
    "了解群众最新诉求",  # a headline: no channel, no promotion
    "关注民生实事 办好群众小事",
    "县融媒体中心开通微信公众号，及时发布政务信息。",
])
def test_report_lines_are_no_promotion(line):
    assert furniture_kind(line) != "promo"


def test_promotion_only_in_article_files():
    assert furniture_kind("扫描下方二维码免费阅读", menus=False) is None


@pytest.mark.parametrize("line", [
    "• 地址：长沙市天心区林政路8号",
    "  · 邮编：410004",
    "● 联系邮箱：office@example.com",
    "| 联系方式：0731-00000000",
    "通讯地址：某某路1号",
])
def test_bulleted_footer_fields(line):
    assert is_footer_field(line)


def test_address_without_a_footer_stays_text():
    got = read_article("洞口县便民服务中心搬迁\n\n新址正式启用。\n\n• 地址：洞口县某某路1号\n")
    assert got.paragraphs == ["新址正式启用。", "•地址：洞口县某某路1号"]
    assert got.furniture == []


def test_site_map_and_visit_counter_are_footer():
    assert furniture_kind("网站地图") == "site footer"
    assert furniture_kind("总访问量: 11712196 人次") == "site footer"
    assert parse_header("访问量：52") is not None  # an article's own counter stays a header field


def test_source_value_ends_before_page_tools():
    header = parse_header("发布时间:2024-10-14 来源:某县纪委监委网 字体显示:【 大 中 小 】 阅读:")
    assert header.first("source") == "某县纪委监委网"
    assert header.first("published") == "2024-10-14"
    assert parse_header("来源：某县融媒体中心  作者：张三 李四").first("author") == "张三 李四"


@pytest.mark.parametrize("text, dateline", [
    ("图为民警将耕牛交还失主。\n亮点某州讯 11月14日，某县公安局找回两头耕牛。", "亮点某州讯"),
    ("某县启动植树活动。张三 摄\n新华社长沙3月12日电 某县…", "新华社长沙3月12日电"),
    ("本报讯 近日，某县…", "本报讯"),
    ("喜讯传来，某县获评先进。", None),
    ("通讯员 张三 报道", None),
])
def test_dateline_after_a_caption(text, dateline):
    assert find_dateline(text) == dateline


def test_dateline_span_points_into_the_text():
    text = "图为民警将耕牛交还失主。\n亮点某州讯 11月14日，某县公安局找回两头耕牛。"
    start, end = dateline_span(text)
    assert text[start:end] == "亮点某州讯"


def test_dateline_after_caption_does_not_decide():
    text = ("图为巡查队员在林区检查灭火器材。\n"
            "邵阳市融媒讯 10月12日，洞口县林业局组织巡查队检查林区防火设施。")
    assert locate_article(HEADLINE, text).locality == "洞口县"


def test_column_tag_does_not_hide_the_lead():
    got = locate_article("【林区一线】江华：秋季森林防火巡查有序开展", "巡查队逐一检查了防火设施。")
    assert got.locality == "江华瑶族自治县"
    got = locate_article("林区一线丨江华：秋季森林防火巡查有序开展", "巡查队逐一检查了防火设施。")
    assert got.locality == "江华瑶族自治县"


def test_column_tag_lead_needs_the_whole_colon_lead():
    # 长白 opens 长白时评 (a column's name), not a place lead
    assert tagged_lead("【评论】长白时评：春耕正当时", []) is None
    assert tagged_lead("【评论】没有地名：春耕正当时", []) is None
    lead = tagged_lead("【服务群众】本溪：农忙警相随", [])
    assert lead is not None and lead.place.name == "本溪市"  # the city, not the county in it


@pytest.mark.parametrize("line, kind", [
    ("扫一扫关注官方微信", "promo"),
    ("扫码阅读手机版", "promo"),
    ("版权声明：凡注明“来源：某某网”的所有作品，版权归某某公司所有。", "site footer"),
    ("凡本网注明“来源：某某信息港”的所有作品，均为本网合法拥有版权的作品。", "site footer"),
    ("转载请注明地址：http://www.example.com/a/1.html", "site footer"),
    ("某省新闻出版局主管 某市广播电视台主办", "site footer"),
    ("报料电话：0000-12345678", "site footer"),
    ("地址：http://www.example.com/news/1.html", "tools"),
    ("原文地址：访问原文地址", "tools"),
])
def test_site_notices_and_page_links(line, kind):
    assert furniture_kind(line) == kind


@pytest.mark.parametrize("line", [
    "凡符合条件的农户均可申请补贴，具体以县农业农村局公布的名单为准。",
    "地址：洞口县文昌街道某某路8号",  # an address is text unless a footer stands beside it
    "2024年10月16日 星期三  报料热线：000000",  # a page header: its date is the article's
])
def test_report_lines_are_no_notice(line):
    assert furniture_kind(line) is None


def test_mirrored_account_post():
    # a mirror of an account's post: the mirror's trail, the account's stamp with the date
    text = ("某某镜像站  ›  专栏  ›  洞口发布\n\n" + HEADLINE + "\n\n洞口发布  · 公众号  ·  · 2024-10-14 17:30\n\n"
            "文章预览\n\n" + "\n\n".join(BODY) + "\n")
    got = read_article(text)
    assert got.headline == HEADLINE
    assert got.paragraphs == BODY
    assert got.field_value("source") == "洞口发布"
    assert got.field_value("published") == "2024-10-14 17:30"
    assert [k for _, k, _ in got.furniture] == ["navigation", "tools"]
    assert parse_header("我们是公众号 · 的运营者") is None


def test_share_box_buttons_are_no_title():
    # the title, its header, then a share box whose buttons stand one a line
    text = ("某某网 正文\n" + HEADLINE + "\n2024-10-14 15:00:29 来源：某某网\n关注某某网\n微博\nQzone\n评论\n\n"
            + "\n\n".join(BODY) + "\n")
    got = read_article(text)
    assert got.headline == HEADLINE
    assert got.paragraphs == BODY
    assert [k for _, k, _ in got.furniture].count("tools") == 3


def test_header_values_printed_below_their_labels():
    text = (HEADLINE + "\n发布时间:\n2024-10-14\n作者:\n来源:\n洞口县林业局\n" + "\n".join(BODY) + "\n")
    got = read_article(text)
    assert got.headline == HEADLINE
    assert got.field_value("published") == "2024-10-14"
    assert got.field_value("source") == "洞口县林业局"
    assert got.paragraphs == BODY
    assert got.furniture == []


def test_bare_date_without_a_label_above_stays_a_tool():
    # a reader page's own date line (today's date in an e-paper reader) is no header value
    got = read_article("电子报阅读器\n2024-10-14\n" + HEADLINE + "\n" + "\n".join(BODY) + "\n")
    assert (2, "tools") in [(n, k) for n, k, _ in got.furniture]


def test_table_cells_one_a_line_stay_the_report():
    # a bulletin's table as a scraper sets it: one cell a line, figures included
    text = ("洞口县12345热线十月办理情况通报\n\n十月，县12345热线共受理群众诉求。各单位办理情况如下。\n"
            "单位 |\n办结率 |\n县林业局 |\n98.06% |\n高沙镇 |\n100.00% |\n受理总量\n4226\n2006\n99.3\n")
    got = read_article(text)
    body = "\n".join(got.paragraphs)
    for cell in ("98.06%", "100.00%", "4226", "2006", "99.3"):
        assert cell in body
    assert got.furniture == []
    assert furniture_kind("208 0") == "tools" and furniture_kind("• 0") == "tools"  # counters


def test_table_cells_do_not_make_an_article_a_page(tmp_path):
    # a bulletin whose annex is a table set one cell a line is still one article
    cells = "".join(f"{unit} |\n{n} |\n{share} |\n" for unit, n, share in
                    [("县林业局", 99, "98.06%"), ("高沙镇", 87, "100.00%"), ("石江镇", 41, "97.40%")] * 6)
    text = ("各乡镇人民政府，县直各单位：\n现将十月12345热线办理情况通报如下。\n"
            "十月，县12345热线共受理群众诉求2877件，办结率98.9%。\n附件：办理情况统计表\n"
            "单位 |\n交办总量 |\n办结率 |\n" + cells)
    folder = tmp_path / "bulletin"
    folder.mkdir()
    (folder / "item.txt").write_text(text, encoding="utf-8")
    articles = read_corpus(folder).articles
    assert articles["format"].tolist() == ["article"]
    assert "98.06%" in articles["text"].iloc[0]
    assert is_table_cell("县林业局 |") and is_table_cell("2006") and not is_table_cell("县林业局")


def test_title_after_an_empty_date_label_stays_the_title():
    text = ("当前版:03版\n发布日期:\n" + HEADLINE + "\n文章字数:243\n" + "\n".join(BODY) + "\n")
    got = read_article(text)
    assert got.headline == HEADLINE
    assert got.field_value("published") is None
