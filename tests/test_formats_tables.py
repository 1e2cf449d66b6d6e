"""Database exports of articles (``helpers.formats.tables.read_table``).

Every file is built in ``tmp_path`` from short texts typed here (no real news): CSV and TSV in
several encodings, XLSX (openpyxl), JSON Lines and Parquet (pyarrow).  Errors must name the
file, the row and the column.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from helpers.errors import CorpusError
from helpers.formats.tables import (
    EXTRA,
    FIELD_NAMES,
    FIELDS,
    TableFile,
    TableRow,
    read_table,
)

BODY_1 = "县里新修的乡村公路通车了，沿线三个村的果农不再为运输发愁。"
BODY_2 = "社区卫生服务站增设夜间门诊，居民下班后也能就近看病。"


def write_csv(path: Path, rows: list[list[str]], *, delimiter: str = ",",
              encoding: str = "utf-8", newline: str = "\n") -> Path:
    """A delimited file from cells typed here (quoted when a cell needs it)."""
    def cell(value: str) -> str:
        special = delimiter in value or '"' in value or "\n" in value or "\r" in value
        return '"' + value.replace('"', '""') + '"' if special else value
    text = newline.join(delimiter.join(cell(v) for v in row) for row in rows) + newline
    path.write_bytes(text.encode(encoding))
    return path


def write_xlsx(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def write_jsonl(path: Path, lines: list[object]) -> Path:
    path.write_text("".join((x if isinstance(x, str) else json.dumps(x, ensure_ascii=False))
                            + "\n" for x in lines), encoding="utf-8")
    return path


def error_of(path: Path, **options: object) -> str:
    with pytest.raises(CorpusError) as info:
        read_table(path, **options)
    message = str(info.value)
    assert message.startswith(str(path))  # every error names the file
    assert info.value.path == path
    return message


BASIC = [["标题", "正文", "日期", "来源", "版次"],
         ["公路通车", BODY_1, "2021-08-27", "县报", "2"],
         ["夜间门诊", BODY_2, "2021年8月28日", "县报", "3"]]


def check_basic(table: TableFile) -> None:
    assert [r.row for r in table.rows] == [1, 2]
    first, second = table.rows
    assert (first.headline, first.text, first.published, first.newspaper, first.page) == (
        "公路通车", BODY_1, dt.date(2021, 8, 27), "县报", "2")
    assert (second.text, second.published) == (BODY_2, dt.date(2021, 8, 28))
    assert table.field_columns == {"headline": "标题", "text": "正文", "published": "日期",
                                   "newspaper": "来源", "page": "版次"}
    assert table.extra_columns == []


# -- encodings and delimiters -------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16"])
def test_csv_in_any_common_encoding(tmp_path, encoding):
    path = write_csv(tmp_path / "export.csv", BASIC, encoding=encoding, newline="\r\n")
    table = read_table(path)
    check_basic(table)
    assert table.path == path
    assert table.field_columns["headline"] == "标题"  # no BOM left on the first name


@pytest.mark.parametrize("delimiter", [",", "\t", ";"])
def test_csv_delimiter_sniffed(tmp_path, delimiter):
    rows = [r[:2] + [r[2].replace(",", "")] + r[3:] for r in BASIC]
    rows[1][1] = "果农说：“路通了，心也亮了；日子更有奔头。”"  # every delimiter inside a cell
    table = read_table(write_csv(tmp_path / "export.csv", rows, delimiter=delimiter))
    assert table.rows[0].text == rows[1][1]
    assert len(table.field_columns) == 5


def test_tsv(tmp_path):
    check_basic(read_table(write_csv(tmp_path / "export.tsv", BASIC, delimiter="\t")))


def test_utf16_tsv_as_excel_writes_it(tmp_path):
    # Excel's "Unicode text": UTF-16 LE with a BOM, tab-delimited, CRLF
    path = write_csv(tmp_path / "export.tsv", BASIC, delimiter="\t", encoding="utf-16",
                     newline="\r\n")
    check_basic(read_table(path))


def test_ambiguous_delimiter_refused(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("text;x,y\na;b,c\nd;e,f\n", encoding="utf-8")
    message = error_of(path)
    assert "delimiter" in message and "','" in message and "';'" in message
    table = read_table(path, delimiter=";")
    assert table.extra_columns == ["x,y"]
    assert table.rows[1].extra == {"x,y": "e,f"}


def test_one_column_csv(tmp_path):
    table = read_table(write_csv(tmp_path / "export.csv", [["正文"], [BODY_1], [BODY_2]]))
    assert [r.text for r in table.rows] == [BODY_1, BODY_2]


def test_broken_row_names_row_and_line(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(f"标题,正文,日期\n甲,{BODY_1},2021-08-27\n乙,第一段\n第二段,2021-08-28\n",
                    encoding="utf-8")  # a line break in a cell that is not quoted
    message = error_of(path)
    assert "line 3" in message and "row 2" in message and "2 cells" in message


def test_broken_quoting_names_line(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(f'标题,正文\n甲,{BODY_1}\n乙,"未闭合的引号\n', encoding="utf-8")
    message = error_of(path)
    assert "quoting" in message and "line 3" in message


def test_undecodable_csv(tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes(b"text\n" + bytes(range(0x80, 0x100)) * 4)
    message = error_of(path)
    assert "undecodable bytes" in message and "line 2" in message


# -- column names -------------------------------------------------------------------------------


@pytest.mark.parametrize(("field", "name"),
                         [(f, n) for f, names in FIELD_NAMES.items() for n in names])
def test_every_recognized_name(tmp_path, field, name):
    value = {"published": "2021-08-27", "text": BODY_1}.get(field, "甲乙")
    header, cells = [name], [value]
    if field != "text":
        header, cells = [*header, "正文"], [*cells, BODY_1]
    table = read_table(write_csv(tmp_path / "export.csv", [header, cells]))
    assert table.field_columns[field] == name
    row = table.rows[0]
    expected = dt.date(2021, 8, 27) if field == "published" else value
    assert getattr(row, field) == expected
    assert row.extra == {}


def test_a_researchers_own_sheet_words(tmp_path):
    # a sheet typed by hand: 题目 for the title, 发表时间 for the date, 原文地址 for the link
    table = read_table(write_csv(tmp_path / "mine.csv", [
        ["题目", "发表时间", "出处", "全文", "原文地址"],
        ["乡村公路通车", "2022年3月4日", "某县报", BODY_1, "http://example.org/1"]]))
    assert table.field_columns == {"headline": "题目", "text": "全文", "published": "发表时间",
                                   "newspaper": "出处", "url": "原文地址"}
    assert table.rows[0].headline == "乡村公路通车"
    assert table.rows[0].published == dt.date(2022, 3, 4)


def test_compound_names_of_text_title_and_publication_date(tmp_path):
    # a scraper's own names: the words text / title inside them, a date with a word of publishing
    table = read_table(write_csv(tmp_path / "scraped.csv", [
        ["news_title", "pub_date", "article_text", "crawl_date"],
        ["乡村公路通车", "2024/04/14", BODY_1, "2024-05-01"]]))
    assert table.field_columns == {"headline": "news_title", "text": "article_text",
                                   "published": "pub_date"}
    assert table.rows[0].published == dt.date(2024, 4, 14)
    assert table.rows[0].extra == {"crawl_date": "2024-05-01"}  # when the scraper ran: no date


def test_chinese_compound_names_end_in_a_usual_name(tmp_path):
    table = read_table(write_csv(tmp_path / "sheet.csv", [
        ["新闻标题名称", "文章内容", "采集时间"], ["夜间门诊开诊", BODY_2, "2024-05-01"]]))
    assert table.field_columns["text"] == "文章内容"
    assert "published" not in table.field_columns  # 采集时间: when it was collected


def test_an_exact_name_wins_over_a_compound_one(tmp_path):
    # 正文 is the text; 新闻正文 only looks like it and stays an extra column
    table = read_table(write_csv(tmp_path / "both.csv", [
        ["标题", "新闻正文", "正文"], ["甲", "摘要一句", BODY_1]]))
    assert table.field_columns["text"] == "正文"
    assert table.rows[0].extra == {"新闻正文": "摘要一句"}


def test_two_compound_names_for_the_text_are_refused(tmp_path):
    path = write_csv(tmp_path / "two.csv", [["body_text", "full_text"], [BODY_1, BODY_2]])
    assert "both read as 'text'" in error_of(path)


def test_subject_keywords_are_no_headline(tmp_path):
    # CNKI's 主题 holds subject keywords beside the 题名: kept as an extra column
    table = read_table(write_csv(tmp_path / "cnki.csv", [
        ["题名", "主题", "正文"], ["夜间门诊开诊", "基层医疗;便民", BODY_2]]))
    assert table.field_columns["headline"] == "题名"
    assert table.rows[0].extra == {"主题": "基层医疗;便民"}


def test_names_case_insensitive_and_trimmed(tmp_path):
    table = read_table(write_csv(tmp_path / "export.csv",
                                 [[" TITLE ", "Content", "PubDate"], ["甲", BODY_1, "20210827"]]))
    assert table.field_columns == {"headline": "TITLE", "text": "Content", "published": "PubDate"}
    assert table.rows[0].published == dt.date(2021, 8, 27)


def test_extra_columns_kept_in_order_as_text(tmp_path):
    rows = [["编号", "正文", "点击量", "标题", "备注"],
            ["007", BODY_1, "1200", "公路通车", ""],
            ["008", BODY_2, "35", "夜间门诊", "  待核  "]]
    table = read_table(write_csv(tmp_path / "export.csv", rows))
    assert table.extra_columns == ["编号", "点击量", "备注"]
    assert list(table.rows[0].extra.items()) == [("编号", "007"), ("点击量", "1200"), ("备注", "")]
    assert table.rows[1].extra["备注"] == "待核"  # trimmed, otherwise as printed


def test_columns_mapping(tmp_path):
    rows = [["文章题目", "正文内容", "见报日期"], ["甲", BODY_1, "2021-08-27"]]
    table = read_table(write_csv(tmp_path / "export.csv", rows),
                       columns={"见报日期": "published", "正文内容": "text", "文章题目": "headline"})
    assert list(table.field_columns) == [f for f in FIELDS if f in table.field_columns]
    assert table.field_columns == {"headline": "文章题目", "text": "正文内容",
                                   "published": "见报日期"}
    assert table.rows[0].published == dt.date(2021, 8, 27)


def test_columns_mapping_wins_over_recognition(tmp_path):
    rows = [["内容", "全文"], ["一句摘要", BODY_1]]
    path = write_csv(tmp_path / "export.csv", rows)
    assert "'内容' and '全文'" in error_of(path)  # both recognized as text
    table = read_table(path, columns={"内容": "headline"})
    assert table.field_columns == {"headline": "内容", "text": "全文"}
    table = read_table(path, columns={"全文": "text"})  # the other is kept as extra
    assert table.field_columns == {"text": "全文"}
    assert table.extra_columns == ["内容"]


def test_two_date_columns_settled_with_extra(tmp_path):
    rows = [["正文", "日期", "时间"], [BODY_1, "2021-08-27", "09:30"]]
    path = write_csv(tmp_path / "export.csv", rows)
    message = error_of(path)
    assert "'日期' and '时间'" in message and "columns=" in message
    table = read_table(path, columns={"时间": EXTRA})
    assert table.rows[0].published == dt.date(2021, 8, 27)
    assert table.rows[0].extra == {"时间": "09:30"}


def test_columns_key_absent_from_file(tmp_path):
    path = write_csv(tmp_path / "export.csv", BASIC)
    message = error_of(path, columns={"正文内容": "text"})
    assert "'正文内容'" in message and "'标题'" in message  # names the key and the columns


@pytest.mark.parametrize("columns", [{"正文": "body"}, {"正文": "text", "标题": "text"}])
def test_columns_mapping_checked(tmp_path, columns):
    with pytest.raises(ValueError, match="columns="):
        read_table(write_csv(tmp_path / "export.csv", BASIC), columns=columns)


def test_no_text_column(tmp_path):
    path = write_csv(tmp_path / "export.csv", [["标题", "文章"], ["甲", BODY_1]])
    message = error_of(path)
    assert "no column holds the article text" in message
    assert "['标题', '文章']" in message and "columns=" in message


def test_duplicate_and_nameless_columns(tmp_path):
    path = write_csv(tmp_path / "a.csv", [["正文", "标题", "标题"], [BODY_1, "甲", "乙"]])
    assert "'标题' twice" in error_of(path)
    path = write_csv(tmp_path / "b.csv", [["正文", ""], [BODY_1, "甲"]])
    message = error_of(path)
    assert "row 1" in message and "column 2" in message and "no name" in message
    table = read_table(write_csv(tmp_path / "c.csv", [["正文", ""], [BODY_1, ""]]))
    assert table.extra_columns == []  # an empty nameless column (a trailing comma) is dropped


# -- cells --------------------------------------------------------------------------------------


def test_cells_as_printed(tmp_path):
    rows = [["标题", "正文", "版次", "作者", "链接"],
            ["  公路通车 ", "第一段\r\n第二段\r第三段  ", "A02", " 王芳 李明 ", "http://x.test/1"]]
    table = read_table(write_csv(tmp_path / "export.csv", rows))
    row = table.rows[0]
    assert row.headline == "公路通车"
    assert row.text == "第一段\n第二段\n第三段"
    assert (row.page, row.author, row.url) == ("A02", "王芳 李明", "http://x.test/1")
    assert row.published is None and row.newspaper is None


def test_empty_cells_are_none(tmp_path):
    rows = [["标题", "正文", "日期", "版次"], ["", BODY_1, "  ", ""]]
    row = read_table(write_csv(tmp_path / "export.csv", rows)).rows[0]
    assert (row.headline, row.published, row.page) == (None, None, None)


def test_bad_date_names_file_row_and_column(tmp_path):
    rows = [["正文", "发布日期"], [BODY_1, "2021-08-27"], [BODY_2, "08/09/2021"]]
    path = write_csv(tmp_path / "export.csv", rows)
    message = error_of(path)
    assert "line 3" in message and "row 2" in message and "'发布日期'" in message
    assert "'08/09/2021'" in message and "ISO" in message
    with pytest.raises(CorpusError) as info:
        read_table(path)
    assert info.value.line == 3
    assert info.value.__cause__ is not None


def test_empty_text_in_a_row_with_values(tmp_path):
    rows = [["标题", "正文"], ["甲", BODY_1], ["乙", ""]]
    message = error_of(write_csv(tmp_path / "export.csv", rows))
    assert "row 2" in message and "'正文'" in message and "no text" in message


def test_trailing_blank_rows_skipped_inner_ones_refused(tmp_path):
    rows = [["标题", "正文"], ["甲", BODY_1], ["乙", BODY_2], ["", ""], [" ", ""]]
    path = write_csv(tmp_path / "a.csv", rows)
    path.write_bytes(path.read_bytes() + b"\n\n")
    assert [r.row for r in read_table(path).rows] == [1, 2]
    rows = [["标题", "正文"], ["甲", BODY_1], ["", ""], ["乙", BODY_2]]
    message = error_of(write_csv(tmp_path / "b.csv", rows))
    assert "row 2 is empty" in message and "line 3" in message


@pytest.mark.parametrize("content", ["标题,正文\n", "标题,正文\n,\n\n"])
def test_no_rows(tmp_path, content):
    path = tmp_path / "export.csv"
    path.write_text(content, encoding="utf-8")
    assert "no data rows" in error_of(path)


def test_empty_file(tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes(b"")
    assert "empty" in error_of(path)


def test_row_numbers_count_records_not_lines(tmp_path):
    rows = [["标题", "正文", "日期"], ["甲", "第一段\n第二段\n第三段", "2021-08-27"],
            ["乙", BODY_2, "2021-08-28"], ["丙", BODY_1, "2021-02-30"]]
    path = write_csv(tmp_path / "export.csv", rows)
    message = error_of(path)
    assert "row 3" in message and "line 6" in message  # record 3 starts on line 6
    table = read_table(write_csv(tmp_path / "ok.csv", rows[:3]))
    assert [r.row for r in table.rows] == [1, 2]


def test_deterministic(tmp_path):
    path = write_csv(tmp_path / "export.csv", [*BASIC, ["", BODY_2, "", "", ""]], encoding="gbk")
    first, second = read_table(path), read_table(str(path))
    assert first == second
    assert isinstance(first.rows[0], TableRow)


# -- file kinds ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["export.txt", "export.xls", "export.json", "export"])
def test_unsupported_extension(tmp_path, name):
    path = tmp_path / name
    path.write_text("正文\n" + BODY_1, encoding="utf-8")
    message = error_of(path)
    assert "not a table file" in message and ".csv" in message
    if name.endswith(".xls"):
        assert "save it as .xlsx" in message


def test_missing_file_and_folder(tmp_path):
    assert "no such file" in error_of(tmp_path / "absent.csv")
    (tmp_path / "folder.csv").mkdir()
    assert "not a regular file" in error_of(tmp_path / "folder.csv")


def test_options_for_their_kind_only(tmp_path):
    path = write_csv(tmp_path / "export.csv", BASIC)
    with pytest.raises(ValueError, match="sheet="):
        read_table(path, sheet="Sheet1")
    with pytest.raises(ValueError, match="delimiter="):
        read_table(path, delimiter="|")


# -- XLSX ---------------------------------------------------------------------------------------


def test_xlsx_values_and_row_numbers(tmp_path):
    rows = [["Headline", "Body", "Published", "Page", "Media", "分值", "核对"],
            ["公路通车", BODY_1, dt.datetime(2021, 8, 27), 2, "县报", 2.5, True],
            ["夜间门诊", BODY_2, "2021/8/28", 3.0, "县报", 4.0, None],
            [None] * 7, [None] * 7]
    table = read_table(write_xlsx(tmp_path / "export.xlsx", {"导出": rows}))
    first, second = table.rows
    assert [r.row for r in table.rows] == [1, 2]  # sheet row 2 is row 1; trailing blanks skipped
    assert (first.published, first.page, first.newspaper) == (dt.date(2021, 8, 27), "2", "县报")
    assert (second.published, second.page) == (dt.date(2021, 8, 28), "3")  # 3.0 prints as 3
    assert first.extra == {"分值": "2.5", "核对": "true"}
    assert second.extra == {"分值": "4", "核对": ""}


def test_xlsx_errors_name_sheet_row_and_column(tmp_path):
    rows = [["标题", "正文", "日期"], ["甲", BODY_1, "2021-08-27"], ["乙", BODY_2, 44435]]
    message = error_of(write_xlsx(tmp_path / "export.xlsx", {"导出": rows}))
    assert "row 2 (sheet '导出' row 3), column '日期'" in message and "44435" in message
    rows = [["标题", "正文"], ["甲", BODY_1], [None, None], ["乙", BODY_2]]
    message = error_of(write_xlsx(tmp_path / "gap.xlsx", {"导出": rows}))
    assert "row 2 (sheet '导出' row 3) is empty" in message


def test_xlsx_sheets(tmp_path):
    data = [["标题", "正文"], ["甲", BODY_1]]
    path = write_xlsx(tmp_path / "one.xlsx", {"说明": [], "数据": data, "空白": []})
    assert read_table(path).rows[0].text == BODY_1  # the only non-empty sheet, not the first
    path = write_xlsx(tmp_path / "two.xlsx", {"八月": data, "九月": [["正文"], [BODY_2]]})
    message = error_of(path)
    assert "'八月'" in message and "'九月'" in message and "sheet=" in message
    assert read_table(path, sheet="九月").rows[0].text == BODY_2
    message = error_of(path, sheet="十月")
    assert "no sheet '十月'" in message and "'八月'" in message
    assert "no sheet holds any value" in error_of(write_xlsx(tmp_path / "e.xlsx", {"空": []}))


def test_xlsx_header_only(tmp_path):
    path = write_xlsx(tmp_path / "export.xlsx", {"导出": [["标题", "正文"]]})
    assert "no data rows" in error_of(path)


def test_corrupt_xlsx(tmp_path):
    good = write_xlsx(tmp_path / "good.xlsx", {"导出": [["正文"], [BODY_1]]}).read_bytes()
    for name, data in [("garbage.xlsx", b"not a workbook at all"),
                       ("truncated.xlsx", good[: len(good) // 2])]:
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(CorpusError) as info:
            read_table(path)
        assert str(info.value).startswith(str(path)) and "cannot read" in str(info.value)
        assert info.value.__cause__ is not None  # the library's error, chained


# -- JSON Lines ---------------------------------------------------------------------------------


def test_jsonl(tmp_path):
    path = write_jsonl(tmp_path / "export.jsonl", [
        {"title": "公路通车", "content": BODY_1, "publish_date": "2021-08-27", "id": 7},
        {"content": BODY_2, "publish_date": 20210828, "source": "县报", "tags": ["民生", "医疗"]},
    ])
    path.write_text(path.read_text(encoding="utf-8") + "\n  \n", encoding="utf-8")  # trailing
    table = read_table(path)
    assert [r.row for r in table.rows] == [1, 2]
    assert table.extra_columns == ["id", "tags"]  # keys in first-seen order
    first, second = table.rows
    assert (first.headline, first.published, first.extra) == (
        "公路通车", dt.date(2021, 8, 27), {"id": "7", "tags": ""})
    assert (second.headline, second.newspaper, second.published) == (
        None, "县报", dt.date(2021, 8, 28))
    assert second.extra["tags"] == '["民生", "医疗"]'


@pytest.mark.parametrize(("line", "says"), [
    ('["正文", "不是对象"]', "a JSON list, not an object"),
    ('{"text": "未闭合', "not JSON"),
    ("", "not JSON"),  # a blank line between objects
    ('{"text": "甲", "text": "乙"}', "'text' given twice"),
    ("{}", "row 2 is empty"),
    ('{"title": "乙"}', "no text"),
])
def test_jsonl_errors_name_the_line(tmp_path, line, says):
    path = write_jsonl(tmp_path / "export.jsonl", [{"text": BODY_1}, line, {"text": BODY_2}])
    with pytest.raises(CorpusError) as info:
        read_table(path)
    assert info.value.line == 2
    assert str(info.value).startswith(f"{path}, line 2: ")
    assert says in str(info.value)


def test_jsonl_row_is_line_number(tmp_path):
    path = write_jsonl(tmp_path / "export.jsonl",
                       [{"text": BODY_1}, {"text": BODY_2, "date": "2021年8月"}])
    message = error_of(path)
    assert "line 2" in message and "column 'date'" in message and "month without its day" in message


# -- Parquet ------------------------------------------------------------------------------------


def test_parquet(tmp_path):
    table = pa.table({
        "标题": ["公路通车", None],
        "正文": [BODY_1, BODY_2],
        "出版日期": pa.array([dt.date(2021, 8, 27), dt.date(2021, 8, 28)], pa.date32()),
        "版面": pa.array([2, 3], pa.int64()),
        "评分": [1.0, 2.25],
    })
    pq.write_table(table, tmp_path / "export.parquet")
    result = read_table(tmp_path / "export.parquet")
    assert [r.row for r in result.rows] == [1, 2]
    assert [r.published for r in result.rows] == [dt.date(2021, 8, 27), dt.date(2021, 8, 28)]
    assert [r.page for r in result.rows] == ["2", "3"]
    assert [r.headline for r in result.rows] == ["公路通车", None]
    assert [r.extra for r in result.rows] == [{"评分": "1"}, {"评分": "2.25"}]
    assert result == read_table(tmp_path / "export.parquet")


def test_parquet_timestamps_and_null_text(tmp_path):
    pq.write_table(pa.table({
        "text": [BODY_1, None],
        "time": pa.array([dt.datetime(2021, 8, 27, 23, 30), dt.datetime(2021, 8, 28)],
                         pa.timestamp("ms")),
    }), tmp_path / "export.parquet")
    message = error_of(tmp_path / "export.parquet")
    assert "row 2" in message and "'text'" in message and "no text" in message


def test_corrupt_parquet(tmp_path):
    path = tmp_path / "export.parquet"
    path.write_bytes(b"PAR1 this is not a parquet file PAR1")
    with pytest.raises(CorpusError) as info:
        read_table(path)
    assert "cannot read this Parquet file" in str(info.value)
    assert info.value.__cause__ is not None


# -- columns found by what they hold (names no list has) --------------------------------------

LONG_1 = ("3月2日上午，县农业农村局组织技术人员深入田间地头，指导农户做好春耕备耕工作。"
          "技术人员现场讲解了种子处理和测土配方施肥的要点，并发放了明白纸二百余份。")
LONG_2 = ("近日，某街道联合辖区派出所开展出租房屋安全检查，共排查房屋四十余户，发现隐患五处，"
          "已当场督促房东整改。下一步，街道将建立台账，定期回访，确保整改到位。")
LONG_3 = ("为方便群众办事，县政务服务中心在午间和周末开设延时服务窗口。"
          "上线一个月来，窗口共受理各类事项三百余件，群众满意度明显提升。")


def opaque_table(tmp_path: Path, header: list[str], rows: list[list[str]]) -> Path:
    return write_csv(tmp_path / "export.csv", [header, *rows])


def test_text_title_link_and_date_found_by_their_cells(tmp_path):
    # column names a scraper made up: none of them is on any list
    path = opaque_table(tmp_path, ["f0", "f1", "f2", "f3", "f4"], [
        ["县里部署春耕备耕工作", "2023-03-02", "某县融媒体中心", LONG_1, "http://example.org/a/1"],
        ["某街道排查出租房屋安全隐患", "2023-03-05", "某市日报", LONG_2, "http://example.org/a/2"],
        ["政务服务中心开设延时服务窗口", "2023年3月9日", "某县融媒体中心", LONG_3,
         "https://example.org/a/3"]])
    table = read_table(path)
    assert table.field_columns == {"headline": "f0", "text": "f3", "published": "f1",
                                   "url": "f4"}
    assert table.extra_columns == ["f2"]  # an outlet name: no field is guessed for it
    assert table.rows[2].published == dt.date(2023, 3, 9)


def test_an_organ_column_shorter_than_the_titles_is_no_title(tmp_path):
    # both columns are distinct short Chinese cells; the headline is the clearly longer one
    path = opaque_table(tmp_path, ["a", "b", "c"], [
        ["县农业农村局", "技术人员下田指导农户春耕备耕", LONG_1],
        ["某街道办事处", "街道联合派出所排查出租房屋隐患", LONG_2],
        ["县政务服务中心", "政务服务中心午间周末延时服务", LONG_3]])
    assert read_table(path).field_columns == {"headline": "b", "text": "c"}


def test_full_text_chosen_over_a_summary(tmp_path):
    path = opaque_table(tmp_path, ["zy", "qw"], [
        ["县里部署春耕。", LONG_1], ["街道排查房屋隐患。", LONG_2], ["中心延时服务。", LONG_3]])
    assert read_table(path).field_columns["text"] == "qw"


def test_two_texts_of_about_the_same_length_are_no_call(tmp_path):
    # the original and a lightly edited copy: which is the article is the researcher's choice
    path = opaque_table(tmp_path, ["yuan", "gai"], [[LONG_1, LONG_1[:-10]], [LONG_2, LONG_2[:-8]]])
    message = error_of(path)
    assert "no column holds the article text" in message
    assert "columns=" in message
    assert read_table(path, columns={"gai": "text"}).field_columns == {"text": "gai"}


def test_two_date_columns_give_no_publication_date(tmp_path):
    # cjsj (when a scraper ran, named in pinyin initials) and fbsj both hold dates: no guess
    path = opaque_table(tmp_path, ["nr", "fbsj", "cjsj"], [
        [LONG_1, "2023-03-02", "2024-01-05 08:00"], [LONG_2, "2023-03-05", "2024-01-05 08:01"]])
    table = read_table(path)
    assert "published" not in table.field_columns
    assert table.extra_columns == ["fbsj", "cjsj"]
    assert table.rows[0].published is None


def test_a_date_column_named_for_the_crawl_is_never_the_publication_date(tmp_path):
    path = opaque_table(tmp_path, ["nr", "crawled_at"], [[LONG_1, "2024-01-05"], [LONG_2, "2024-01-06"]])
    assert read_table(path).field_columns == {"text": "nr"}


def test_a_column_of_dates_with_one_odd_cell_is_not_a_date_column(tmp_path):
    # one cell that does not parse: the column is not read as dates (and no cell is coerced)
    path = opaque_table(tmp_path, ["nr", "rq"], [[LONG_1, "2023-03-02"], [LONG_2, "三月上旬"]])
    table = read_table(path)
    assert "published" not in table.field_columns
    assert table.rows[1].extra["rq"] == "三月上旬"


def test_short_cells_are_never_taken_for_the_text(tmp_path):
    # keywords without sentences: the usual error, not a keyword column read as articles
    path = opaque_table(tmp_path, ["gjc", "bt"], [["春耕;备耕;农技", "县里部署春耕"],
                                                   ["安全;出租房;排查", "街道排查隐患"]])
    assert "no column holds the article text" in error_of(path)
