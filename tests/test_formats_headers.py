"""Header lines of article files (``helpers.formats.headers``).

The lines are typed here in the forms county government sites and newspaper sites print above
and below an article (发布时间/来源/作者 rows, disclosure blocks, bylines without colons, foot
credits); the people are invented.  Each case states the fields a reader finds by reading the
line.
"""

from __future__ import annotations

import datetime as dt

import pytest

from helpers.formats.dates import find_date
from helpers.formats.headers import HEADER_LABELS, Header, parse_header, split_people


def fields(line: str) -> dict[str, list[str]] | None:
    header = parse_header(line)
    return None if header is None else header.fields


# -- labelled fields ------------------------------------------------------------------------------


def test_county_site_row_of_three_fields():
    assert fields("发布时间：2023-05-12 10:20  来源：湘阴县融媒体中心  作者：张三") == {
        "published": ["2023-05-12 10:20"], "source": ["湘阴县融媒体中心"], "author": ["张三"]}


def test_ascii_colons_of_a_web_copy():
    assert fields("来源:湘阴县人民政府网 作者:李晓红") == {
        "source": ["湘阴县人民政府网"], "author": ["李晓红"]}


def test_date_before_the_first_label():
    # a site prints the date bare, then the labelled fields
    assert fields("2023-05-12 10:20 来源：湘阴县人民政府网") == {
        "published": ["2023-05-12 10:20"], "source": ["湘阴县人民政府网"]}


def test_longest_label_wins():
    # 发布时间 is one label, not 发布 + 时间; 责任编辑 not 责任 + 编辑
    assert fields("发布时间：2023年05月12日") == {"published": ["2023年05月12日"]}
    assert fields("责任编辑：王芳") == {"editor": ["王芳"]}


@pytest.mark.parametrize("line", ["（责任编辑：王芳）", "(责任编辑:王芳)", "【责任编辑：王芳】"])
def test_foot_credit_in_brackets(line):
    assert fields(line) == {"editor": ["王芳"]}


def test_two_editor_fields():
    assert fields("编辑：李四  审核：王五") == {"editor": ["李四", "王五"]}


def test_disclosure_block_lines():
    assert fields("索引号：430624000/2023-01234    信息分类：工作动态") == {
        "other": ["430624000/2023-01234", "工作动态"]}
    assert fields("发布机构：湘阴县人民政府办公室    生成日期：2023-05-12") == {
        "source": ["湘阴县人民政府办公室"], "published": ["2023-05-12"]}


def test_title_field():
    assert fields("标题：湘阴县春季农业生产工作方案") == {"headline": ["湘阴县春季农业生产工作方案"]}


def test_date_only_line():
    # an e-paper article page prints the issue's date on its own line
    assert fields("2023年09月06日 星期三") == {"published": ["2023年09月06日 星期三"]}


# -- bylines without colons -----------------------------------------------------------------------


def test_newspaper_byline():
    assert fields("本报记者 张三 通讯员 李四") == {"author": ["张三 李四"]}


@pytest.mark.parametrize("line, names", [
    ("记者 欧阳晓明", ["欧阳晓明"]),
    ("文/图 刘晓明", ["刘晓明"]),
    ("融媒记者 陈志强 实习生 周敏", ["陈志强", "周敏"]),
    # the word 报道 closing a byline is no one's name
    ("记者 张三 通讯员 李四 报道", ["张三", "李四"]),
    ("本报记者 张三 报道", ["张三"]),
    ("（本报记者 张三报道）", ["张三"]),
])
def test_byline_names(line, names):
    header = parse_header(line)
    assert header is not None
    assert split_people(header.first("author")) == names


# -- not header lines -----------------------------------------------------------------------------


@pytest.mark.parametrize("line", [
    "湘阴县鹤龙湖镇开展防溺水宣传活动",          # a title
    "近日，湘阴县召开防汛工作会议。",             # a sentence
    "记者从县农业农村局获悉，今年全县早稻丰收。",  # starts with a role word, is a sentence
    "日期已经确定，活动将在下月举行。",           # a label word without a colon
    "会议由县长主持 时间：5月20日上午",           # text before the first label
    "　",
    "",
])
def test_not_a_header(line):
    assert parse_header(line) is None


def test_first_value():
    header = Header({"author": ["", "张三"], "source": ["湘阴县融媒体中心"]})
    assert header.first("author") == "张三"
    assert header.first("editor") is None


def test_labels_are_unique():
    labels = [label for group in HEADER_LABELS.values() for label in group]
    assert len(labels) == len(set(labels))  # a label feeds one column only


# -- split_people ---------------------------------------------------------------------------------


@pytest.mark.parametrize("value, names", [
    ("张三、李四", ["张三", "李四"]),
    ("张三，李四 王五", ["张三", "李四", "王五"]),
    ("张三 摄", ["张三"]),
    ("湘阴县融媒体中心", []),      # an organ, not a person
    ("张三 湘阴县融媒体中心", []),  # any part not a name: no names at all
    ("", []),
])
def test_split_people(value, names):
    assert split_people(value) == names


def test_disclosure_metadata_printed_as_a_table():
    """A disclosure page's metadata rows: label and value cells between bars, labels spaced."""
    h = parse_header("索 引 号 | XYZ012/2024-000118 | 主题分类 | |")
    assert h is not None and h.fields == {"other": ["XYZ012/2024-000118", ""]}
    h = parse_header("文 号 | 发布日期 | 2024-06-03 09:12:40 | |")
    assert h is not None and h.first("published") == "2024-06-03 09:12:40"
    assert parse_header("县委书记 | 王明 | 出席") is None  # cells that are no labels: text


def test_newspaper_and_issue_date_on_one_line():
    h = parse_header("湖南日报    2019年09月28日")
    assert h is not None and h.fields == {"source": ["湖南日报"], "published": ["2019年09月28日"]}
    assert parse_header("我县召开会议    2019年09月28日") is None  # no outlet's name


def test_marked_byline():
    h = parse_header("■周小红 李立")
    assert h is not None and h.first("author") == "周小红 李立"


def test_dates_printed_without_a_label_or_a_day_sign():
    h = parse_header("2016年09月12 16:08:26 来源:某县人民政府网站")
    assert h is not None and find_date(h.first("published")) == dt.date(2016, 9, 12)
    h = parse_header("来源: 某某在线 | 作者:某某新闻 | 2019-03-08 09:02")
    assert h is not None and h.first("published") == "2019-03-08 09:02"
    h = parse_header("2020-11-02 07:27:00   掌上某城")
    assert h is not None and h.fields == {"published": ["2020-11-02 07:27:00"],
                                          "source": ["掌上某城"]}


@pytest.mark.parametrize(("line", "date"), [
    # a classified-ads site's post stamp under the title: the date, 发布 and a view count
    ("2019-05-06 8:30:00发布120次查看", "2019-05-06 8:30:00"),
    ("2019-05-06 发布 7 次浏览", "2019-05-06"),
])
def test_post_stamp_with_view_count_is_a_date_line(line, date):
    header = parse_header(line)
    assert header is not None and header.first("published") == date


def test_a_sentence_opening_with_a_date_and_a_count_is_no_post_stamp():
    assert parse_header("2019年5月6日发布的通知已有120次查看，群众反响热烈。") is None


def test_disclosure_table_row_with_colons_after_its_labels():
    # the same metadata row as a disclosure page prints it with a colon after each label
    h = parse_header("索 引 号: | XYZ012/2024-000118 | 发布日期: | 2024-03-05 |")
    assert h is not None
    assert h.first("other") == "XYZ012/2024-000118" and h.first("published") == "2024-03-05"
    h = parse_header("发布机构: | 某市某某中心 | 责任部门: | |")
    assert h is not None and h.first("source") == "某市某某中心"


def test_issue_date_with_weekday_and_a_news_hotline_is_a_header_line():
    # an e-paper article page's top line: the issue's date and weekday, the paper's hotline
    h = parse_header("2023年3月5日 星期日  报料热线:0000-1234567")
    assert h is not None and h.first("published") == "2023年3月5日 星期日"
    assert parse_header("2023年3月5日 星期日 我县举行植树节活动") is None  # a date, then text
