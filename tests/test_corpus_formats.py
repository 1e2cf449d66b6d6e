"""The three input formats through ``helpers.corpus`` (``load_corpus``, ``read_corpus``,
``parse_text``, ``check_corpus``): article files, tables, pages; format detection; conservation;
bad input; determinism.

Every file is written in ``tmp_path`` from texts typed here (county-site and newspaper forms,
places real, people and events invented), except the tests' own copy of the seed page.  The
seed's articles are checked by ``test_corpus_seed.py``; here only what the formats add to it.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from helpers.corpus import (
    check_conservation,
    check_corpus,
    load_corpus,
    parse_page,
    parse_text,
    read_corpus,
)
from helpers.errors import CorpusError
from helpers.formats.detect import detect_format
from helpers.text import read_page

SEED = Path(__file__).parent / "fixtures" / "seed" / "000_ae97290bc4d96e06.txt"

ARTICLE = """首页 > 新闻中心 > 乡镇动态
湘阴县鹤龙湖镇开展防溺水宣传活动
发布时间：2023-05-12 10:20  来源：湘阴县融媒体中心  作者：张三 李四
【字体：大 中 小】 打印本页

　　5月10日，鹤龙湖镇组织志愿者走进辖区学校，开展防溺水安全宣传。
　　活动中，志愿者通过案例讲解、发放资料等方式，提醒学生不私自下水游泳。
　　据了解，今年以来该镇已开展此类活动12场，覆盖学生3000余人。

（责任编辑：王芳）
上一篇：湘阴县召开春季森林防火工作会议
"""

ASCII_COPY = ("湘阴县召开防汛工作会议\n"
              "来源:湘阴县人民政府网 作者:李晓红\n"
              "5月11日,湘阴县召开防汛工作会议.\n"
              "会议要求,各乡镇要压实责任.\n"
              "会议强调,要加强值班值守.\n"
              "县防汛办负责人参加会议.\n")

# e-paper column text: short printed lines that break mid-sentence
COLUMN_TEXT = """　　本报讯 9月23日，洞口县在
县城广场举办农民丰收节，来
自全县各乡镇的农户带来了稻
谷、蔬菜和水产品，现场展销
持续了一整天。
"""


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    def cell(v: str) -> str:
        return '"' + v.replace('"', '""') + '"' if any(c in v for c in ',"\n') else v
    path.write_text("".join(",".join(map(cell, row)) + "\n" for row in rows), encoding="utf-8")
    return path


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


# -- article files --------------------------------------------------------------------------------


def test_article_file_row(tmp_path):
    corpus = read_corpus(write(tmp_path / "xy0512.txt", ARTICLE))
    assert len(corpus.articles) == 1
    row = corpus.articles.iloc[0]
    assert (row["article_id"], row["source"], row["format"]) == ("xy0512-01", "xy0512", "article")
    assert row["headline"] == "湘阴县鹤龙湖镇开展防溺水宣传活动"
    assert row["header"] == ["发布时间：2023-05-12 10:20  来源：湘阴县融媒体中心  作者：张三 李四",
                             "（责任编辑：王芳）"]
    assert row["newspaper"] == "湘阴县融媒体中心"
    assert row["published"] == dt.date(2023, 5, 12)
    assert row["byline"] == ["张三", "李四"]
    assert row["text"].split("\n") == [
        "5月10日，鹤龙湖镇组织志愿者走进辖区学校，开展防溺水安全宣传。",
        "活动中，志愿者通过案例讲解、发放资料等方式，提醒学生不私自下水游泳。",
        "据了解，今年以来该镇已开展此类活动12场，覆盖学生3000余人。",
    ]
    assert (row["page"], row["url"], row["dateline"]) == (None, None, None)
    assert (row["locality"], row["prefecture"], row["province"]) == ("湘阴县", "岳阳市", "湖南省")
    assert (row["line_start"], row["line_end"]) == (2, 8)
    assert row["extra"] == "{}"
    assert corpus.furniture.to_dict("records") == [
        {"source": "xy0512", "format": "article", "line": 1, "kind": "navigation",
         "text": "首页 > 新闻中心 > 乡镇动态"},
        {"source": "xy0512", "format": "article", "line": 4, "kind": "tools",
         "text": "【字体：大 中 小】 打印本页"},
        {"source": "xy0512", "format": "article", "line": 11, "kind": "navigation",
         "text": "上一篇：湘阴县召开春季森林防火工作会议"},
    ]


def test_newspaper_article_dateline_and_byline(tmp_path):
    text = """湘阴县：农村公路提质改造全面完工
本报记者 刘晓明 通讯员 陈志强 报道
　　本报讯 近日，湘阴县农村公路提质改造工程全面完工，新修道路四十余公里。
"""
    row = load_corpus(write(tmp_path / "a.txt", text)).iloc[0]
    assert row["byline"] == ["刘晓明", "陈志强"]
    assert row["dateline"] == "本报讯"
    assert row["text"].startswith("本报讯近日")  # the dateline stays in the text
    assert row["header"] == ["本报记者 刘晓明 通讯员 陈志强 报道"]


def test_article_file_parse_text(tmp_path):
    corpus = parse_text(ARTICLE, "xy", format="article")
    assert corpus.articles["article_id"].tolist() == ["xy-01"]
    assert corpus.furniture["line"].tolist() == [1, 4, 11]
    assert parse_page(ARTICLE, "xy", format="article")["headline"].tolist() == [
        "湘阴县鹤龙湖镇开展防溺水宣传活动"]


def test_home_in_parse_text():
    text = "我县举办农民丰收节\n　　9月23日，我县在县城广场举办农民丰收节。\n"
    assert parse_text(text, "a", format="article").articles["locality"].tolist() == [None]
    got = parse_text(text, "a", format="article", home="洞口县").articles
    assert got["locality"].tolist() == ["洞口县"]


# -- tables ---------------------------------------------------------------------------------------


CSV_ROWS = [
    ["标题", "正文", "日期", "来源", "版次", "作者", "地区", "栏目"],
    ["我县新建三座便民桥", "近日，我县新建的三座便民桥正式通车，沿线群众出行更方便了。",
     "2023-05-12", "洞口新闻", "A02", "张三", "洞口县", "乡镇动态"],
    ["全县春耕生产有序推进", "全县春耕生产有序推进，机耕面积已过半。",
     "2023年5月13日", "洞口新闻", "3", "李四、王五", "", "要闻"],
]


def test_csv_with_chinese_column_names(tmp_path):
    articles = load_corpus(write_csv(tmp_path / "dkxw.csv", CSV_ROWS))
    assert articles["article_id"].tolist() == ["dkxw-01", "dkxw-02"]
    assert articles["format"].tolist() == ["table", "table"]
    assert articles["headline"].tolist() == ["我县新建三座便民桥", "全县春耕生产有序推进"]
    assert articles["text"].tolist() == [CSV_ROWS[1][1], CSV_ROWS[2][1]]
    assert articles["published"].tolist() == [dt.date(2023, 5, 12), dt.date(2023, 5, 13)]
    assert articles["newspaper"].tolist() == ["洞口新闻", "洞口新闻"]
    assert articles["page"].tolist() == ["A02", "3"]
    assert articles["byline"].tolist() == [["张三"], ["李四", "王五"]]
    # rows in file order, the line is the data row
    assert articles["line_start"].tolist() == [1, 2]
    assert articles["line_end"].tolist() == [1, 2]
    # unknown columns kept, as JSON
    assert [json.loads(e) for e in articles["extra"]] == [{"栏目": "乡镇动态"}, {"栏目": "要闻"}]
    # the 地区 column is what 我县 refers to; a row without it falls back on the publisher it
    # prints (洞口新闻, the county's outlet: tests/test_places_publisher.py)
    assert articles["locality"].tolist()[0] == "洞口县"
    assert articles["admin_code"].tolist()[0] == "430525"
    assert articles["locality"].tolist()[1] == "洞口县"


def test_csv_row_without_home_or_placed_publisher_gets_no_guess(tmp_path):
    rows = [CSV_ROWS[0], [*CSV_ROWS[2][:3], "新华社", *CSV_ROWS[2][4:]]]
    articles = load_corpus(write_csv(tmp_path / "wire.csv", rows))
    assert articles["newspaper"].tolist() == ["新华社"]
    assert articles["locality"].tolist() == [None]
    assert articles["level"].tolist() == ["county"]


def test_xlsx_with_english_column_names(tmp_path):
    rows = [["title", "content", "date", "media", "page", "link", "author", "region", "section"],
            ["Village roads", "近日，我县新修的乡村公路通车了。", dt.datetime(2021, 8, 27), "洞口新闻",
             2, "http://example.org/1", "Zhang San", "洞口县", "news"]]
    row = load_corpus(write_xlsx(tmp_path / "export.xlsx", rows)).iloc[0]
    assert (row["headline"], row["published"], row["newspaper"], row["page"], row["url"]) == (
        "Village roads", dt.date(2021, 8, 27), "洞口新闻", "2", "http://example.org/1")
    assert row["byline"] == ["Zhang San"]  # not a list of Chinese names: the cell as printed
    assert json.loads(row["extra"]) == {"section": "news"}
    assert row["locality"] == "洞口县"


def test_jsonl_rows_in_file_order(tmp_path):
    lines = [{"headline": "全县秋粮收购启动", "text": "9月20日，全县秋粮收购工作全面启动。", "published": "2021-09-20",
              "source": "洞口新闻"},
             {"headline": "县里召开防汛会议", "text": "5月11日，县里召开防汛工作会议。", "published": "2021-05-11",
              "source": "洞口新闻", "tags": ["防汛", "会议"]}]
    path = write(tmp_path / "rows.jsonl",
                 "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines))
    articles = load_corpus(path)
    assert articles["headline"].tolist() == ["全县秋粮收购启动", "县里召开防汛会议"]
    assert articles["line_start"].tolist() == [1, 2]
    extra = json.loads(articles["extra"].iloc[1])
    assert list(extra) == ["tags"] and json.loads(extra["tags"]) == ["防汛", "会议"]


def test_columns_mapping(tmp_path):
    path = write_csv(tmp_path / "export.csv", [["篇目", "原稿", "刊发日期"],
                                               ["县里召开防汛会议", "5月11日，县里召开防汛工作会议。", "2021-05-11"]])
    with pytest.raises(CorpusError) as info:
        load_corpus(path)
    assert info.value.path == path and "原稿" in str(info.value)
    articles = load_corpus(path, columns={"篇目": "headline", "原稿": "text", "刊发日期": "published"})
    assert articles["headline"].tolist() == ["县里召开防汛会议"]
    assert articles["published"].tolist() == [dt.date(2021, 5, 11)]
    assert articles["extra"].tolist() == ["{}"]
    # the same mapping from metadata.yaml
    write(tmp_path / "metadata.yaml", "columns: {篇目: headline, 原稿: text, 刊发日期: published}\n")
    pd.testing.assert_frame_equal(load_corpus(tmp_path), articles)


def test_text_cell_with_header_lines_and_furniture(tmp_path):
    cell = "本报记者 张三\n上一篇：县里召开春耕会议\n近日，我县新建的三座便民桥正式通车。\n（责任编辑：王芳）"
    path = write_csv(tmp_path / "t.csv", [["标题", "正文", "作者"], ["我县新建三座便民桥", cell, "李四"]])
    corpus = read_corpus(path)
    row = corpus.articles.iloc[0]
    assert row["text"] == "近日，我县新建的三座便民桥正式通车。"
    assert row["header"] == ["本报记者 张三", "（责任编辑：王芳）"]
    assert row["byline"] == ["李四", "张三"]  # the author column first
    assert corpus.furniture[["line", "kind", "text"]].values.tolist() == [
        [1, "navigation", "上一篇：县里召开春耕会议"]]  # the line of a table is its row


# -- pages ----------------------------------------------------------------------------------------


def test_seed_page_is_a_page_without_furniture(tmp_path):
    corpus = read_corpus(SEED.parent)
    assert set(corpus.articles["format"]) == {"page"}
    assert len(corpus.articles) == 9
    assert corpus.furniture.empty
    assert corpus.articles["published"].isna().all() and corpus.articles["page"].isna().all()


def test_page_navigation_blanked_into_furniture():
    seed = read_page(SEED)
    plain = parse_page(seed, "p")
    corpus = parse_text("第A02版：要闻\n\n上一版  下一版\n\n" + seed, "p")
    got = corpus.articles
    assert corpus.furniture[["line", "kind", "text"]].values.tolist() == [
        [1, "edition", "第A02版：要闻"], [3, "navigation", "上一版  下一版"]]
    assert got["page"].tolist() == ["A02"] * len(plain)
    # the articles are the seed's, four lines down
    assert got["text"].tolist() == plain["text"].tolist()
    assert got["headline"].tolist() == plain["headline"].tolist()
    assert (got["line_start"] - plain["line_start"]).tolist() == [4] * len(plain)


def test_page_running_head_is_furniture_and_dates_the_page():
    """The issue's date with its weekday and a line of editors' credits head the page: furniture,
    and the date is the articles' publication date (the page's own, over the metadata's)."""
    seed = read_page(SEED)
    plain = parse_page(seed, "p")
    head = "2022年3月4日 星期五\n\n责任编辑：周小红  版式：李立\n\n"
    corpus = parse_text(head + seed, "p")
    assert corpus.furniture[["line", "kind"]].values.tolist() == [[1, "page header"],
                                                                  [3, "page header"]]
    assert set(corpus.articles["published"]) == {dt.date(2022, 3, 4)}
    assert corpus.articles["text"].tolist() == plain["text"].tolist()
    assert check_conservation(head + seed, corpus.articles, corpus.furniture)["ok"]


def test_a_column_line_that_is_only_a_date_stays_text():
    """A date without its weekday can be a line of a sentence broken at the column."""
    page = "会议定于\n\n2022年3月4日\n\n在县政府三楼召开，各乡镇主要负责人参加。\n"
    corpus = parse_text(page, "p")
    assert corpus.furniture.empty
    assert check_conservation(page, corpus.articles, corpus.furniture)["ok"]
    assert corpus.articles["published"].isna().all()


def test_page_number_from_the_edition_line_over_the_metadata(tmp_path):
    shutil.copy(SEED, tmp_path / "2021-08-27_01.txt")
    text = (tmp_path / "2021-08-27_01.txt").read_text(encoding="utf-8")
    write(tmp_path / "2021-08-27_01.txt", "第3版 综合新闻\n\n" + text)
    write(tmp_path / "metadata.yaml", "newspaper: 湖南日报\nname_pattern: YYYY-MM-DD_PP\n")
    articles = load_corpus(tmp_path)
    assert set(articles["page"]) == {"3"}
    assert set(articles["published"]) == {dt.date(2021, 8, 27)}
    assert set(articles["newspaper"]) == {"湖南日报"}


# -- format detection -----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["a.csv", "a.tsv", "a.XLSX", "a.jsonl", "a.parquet"])
def test_tables_by_extension(name):
    assert detect_format(Path(name), COLUMN_TEXT) == "table"


@pytest.mark.parametrize("text, fmt", [
    (None, "article"),
    ("", "article"),
    (ARTICLE, "article"),
    (ASCII_COPY, "article"),
    ("湘阴县召开防汛工作会议\n县里召开防汛工作会议，部署工作\n", "article"),  # too few lines to tell
    (COLUMN_TEXT, "page"),
    ("第A02版：要闻\n上一版  下一版\n" + COLUMN_TEXT, "page"),  # debris is not counted
])
def test_text_detected(text, fmt):
    assert detect_format(Path("a.txt"), text) == fmt


def test_seed_detected_as_page():
    assert detect_format(SEED, read_page(SEED)) == "page"


def test_mixed_folder_each_file_its_format(tmp_path):
    shutil.copy(SEED, tmp_path / "b_page.txt")
    write(tmp_path / "a_article.txt", ARTICLE)
    write_csv(tmp_path / "c_table.csv", CSV_ROWS)
    articles = load_corpus(tmp_path)
    assert articles.groupby("source", sort=False)["format"].first().to_dict() == {
        "a_article": "article", "b_page": "page", "c_table": "table"}
    assert articles["source"].tolist() == ["a_article"] + ["b_page"] * 9 + ["c_table"] * 2


def test_format_per_call(tmp_path):
    page = shutil.copy(SEED, tmp_path / "page.txt")
    as_article = load_corpus(page, format="article")
    assert as_article["format"].tolist() == ["article"]
    article = write(tmp_path / "a.txt", ARTICLE)
    assert set(load_corpus(article, format="page")["format"]) == {"page"}
    with pytest.raises(ValueError):
        load_corpus(article, format="web")


# -- conservation ---------------------------------------------------------------------------------


def test_check_corpus_ok_on_every_format(tmp_path):
    shutil.copy(SEED, tmp_path / "b_page.txt")
    write(tmp_path / "a_article.txt", ARTICLE)
    write(tmp_path / "a_ascii.txt", ASCII_COPY)
    write_csv(tmp_path / "c_table.csv", CSV_ROWS)
    write_xlsx(tmp_path / "d_sheet.xlsx", [["标题", "正文"], ["县里召开防汛会议",
                                                              "本报记者 张三\n5月11日，县里召开防汛工作会议。\n上一篇：县里召开春耕会议"]])
    write(tmp_path / "e_epaper.txt", "第A02版：要闻\n\n上一版  下一版\n\n" + read_page(SEED))
    report = check_corpus(tmp_path)
    assert report["source"].tolist() == ["a_article", "a_ascii", "b_page", "c_table", "d_sheet",
                                         "e_epaper"]
    assert report["format"].tolist() == ["article", "article", "page", "table", "table", "page"]
    assert report["ok"].all(), report
    assert (report["invented"] == "").all()
    assert report["furniture"].tolist() == [3, 0, 0, 0, 1, 2]


def test_conservation_catches_an_invented_character():
    corpus = parse_text(ARTICLE, "a", format="article")
    assert check_conservation(ARTICLE, corpus.articles, corpus.furniture)["ok"]
    bad = corpus.articles.copy()
    bad.loc[0, "text"] = bad.loc[0, "text"] + "鑫"
    report = check_conservation(ARTICLE, bad, corpus.furniture)
    assert not report["ok"] and report["invented"] == {"鑫": 1}
    bad = corpus.articles.copy()
    bad.at[0, "header"] = [*bad.at[0, "header"], "编辑：赵六"]
    assert not check_conservation(ARTICLE, bad, corpus.furniture)["ok"]


def test_conservation_counts_furniture():
    corpus = parse_text(ARTICLE, "a", format="article")
    report = check_conservation(ARTICLE, corpus.articles)  # furniture left out
    assert not report["ok"]
    assert report["missing"]["首"] == 1 and report["missing"]["篇"] == 1


# -- bad input ------------------------------------------------------------------------------------


def test_table_without_a_text_column(tmp_path):
    path = write_csv(tmp_path / "t.csv", [["标题", "摘要", "日期"], ["县里召开防汛会议", "会议部署防汛工作。", "2021-05-11"]])
    with pytest.raises(CorpusError) as info:
        load_corpus(tmp_path)
    assert info.value.path == path
    assert "摘要" in str(info.value) and "columns=" in str(info.value)


def test_table_date_that_does_not_parse(tmp_path):
    rows = [["标题", "正文", "日期"], ["县里召开防汛会议", "会议部署防汛工作。", "2021-05-11"],
            ["全县春耕生产有序推进", "机耕面积已过半。", "2021-02-30"]]
    path = write_csv(tmp_path / "t.csv", rows)
    with pytest.raises(CorpusError) as info:
        load_corpus(tmp_path)
    message = str(info.value)
    assert info.value.path == path and info.value.line == 3
    assert "row 2" in message and "'日期'" in message and "2021-02-30" in message


def test_xlsx_date_that_does_not_parse(tmp_path):
    path = write_xlsx(tmp_path / "t.xlsx", [["标题", "正文", "日期"], ["县里召开防汛会议", "会议部署防汛工作。", "5月11日"]])
    with pytest.raises(CorpusError) as info:
        load_corpus(path)
    assert info.value.path == path
    assert "row 1" in str(info.value) and "'日期'" in str(info.value)


def test_article_header_date_that_does_not_parse(tmp_path):
    path = write(tmp_path / "a.txt", ARTICLE.replace("2023-05-12", "2023-02-30"))
    with pytest.raises(CorpusError) as info:
        load_corpus(tmp_path)
    assert info.value.path == path and info.value.line == 3
    assert "2023-02-30" in str(info.value)


# -- determinism ----------------------------------------------------------------------------------


def test_reading_twice_gives_equal_tables(tmp_path):
    shutil.copy(SEED, tmp_path / "b_page.txt")
    write(tmp_path / "a_article.txt", ARTICLE)
    write_csv(tmp_path / "c_table.csv", CSV_ROWS)
    write(tmp_path / "metadata.yaml", "newspaper: 洞口新闻\nhome: 洞口县\n")
    first, second = read_corpus(tmp_path), read_corpus(tmp_path)
    pd.testing.assert_frame_equal(first.articles, second.articles)
    pd.testing.assert_frame_equal(first.furniture, second.furniture)
    assert first.articles.attrs == second.articles.attrs


def test_table_source_cell_naming_an_organ_is_the_agency(tmp_path):
    rows = [["标题", "正文", "来源"],
            ["网络安全宣传周活动启动", "9月10日，洞口县开展网络安全宣传周活动，发放宣传资料。",
             "洞口县网信办"],
            ["春耕生产有序推进", "洞口县各地抢抓农时，开展春耕生产。", "洞口新闻"]]
    articles = load_corpus(write_csv(tmp_path / "src.csv", rows))
    assert articles["agency"].tolist() == ["县网信办", None]
    assert articles["newspaper"].tolist() == ["洞口县网信办", "洞口新闻"]
