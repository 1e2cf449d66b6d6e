"""The per-folder ``metadata.yaml`` (``helpers.formats.metadata``), on its own and through
``load_corpus``.

Folders are built in ``tmp_path``; the article files are short self-written reports (places
real, events invented).  Every refusal must name the metadata file and the line at fault.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from helpers.corpus import file_settings, load_corpus
from helpers.errors import CorpusError
from helpers.formats.metadata import METADATA_FILE, FileMeta, load_metadata

# An article naming its county only as 我县: the newspaper's home decides its locality.
HOME_ONLY = """我县举办农民丰收节
　　9月23日，我县在县城广场举办农民丰收节，各乡镇农户带来了稻谷和蔬菜。
　　活动当天，县农业农村局工作人员向农户讲解了秋冬种植技术。
"""
# The same kind of report with a dated header line of its own.
DATED = """洞口县召开防汛工作会议
发布时间：2023-05-12 10:20
　　5月11日，洞口县召开防汛工作会议，部署今年防汛工作。
"""


def folder(tmp_path: Path, meta: str | None, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    if meta is not None:
        (tmp_path / METADATA_FILE).write_text(meta, encoding="utf-8")
    return tmp_path


def refusal(tmp_path: Path, meta: str, files: dict[str, str], line: int) -> str:
    root = folder(tmp_path, meta, files)
    with pytest.raises(CorpusError) as info:
        load_corpus(root)
    assert info.value.path == root / METADATA_FILE
    assert info.value.line == line
    assert str(info.value).startswith(f"{root / METADATA_FILE}, line {line}: ")
    return str(info.value)


# -- what the metadata gives ---------------------------------------------------------------------


def test_no_metadata_file(tmp_path):
    assert load_metadata(tmp_path) == load_metadata(tmp_path / "nowhere")
    assert load_metadata(tmp_path).for_file(tmp_path / "a.txt") == FileMeta()


def test_empty_metadata_file(tmp_path):
    (tmp_path / METADATA_FILE).write_text("", encoding="utf-8")
    assert load_metadata(tmp_path).for_file(tmp_path / "a.txt") == FileMeta()


def test_newspaper_and_home(tmp_path):
    root = folder(tmp_path, "newspaper: 洞口新闻\nhome: 洞口县\n", {"a.txt": HOME_ONLY})
    row = load_corpus(root).iloc[0]
    assert row["newspaper"] == "洞口新闻"
    assert (row["locality"], row["prefecture"], row["province"]) == ("洞口县", "邵阳市", "湖南省")
    assert row["admin_code"] == "430525"


def test_without_home_no_guess(tmp_path):
    root = folder(tmp_path, "newspaper: 洞口新闻\n", {"a.txt": HOME_ONLY})
    row = load_corpus(root).iloc[0]
    assert row["newspaper"] == "洞口新闻"
    assert row["locality"] is None and row["province"] is None


def test_metadata_file_is_not_a_corpus_file(tmp_path):
    root = folder(tmp_path, "newspaper: 洞口新闻\n", {"a.txt": HOME_ONLY})
    assert [p.name for p, _ in file_settings(root)] == ["a.txt"]


def test_name_pattern_gives_date_and_page(tmp_path):
    root = folder(tmp_path, "newspaper: 洞口新闻\nname_pattern: YYYY-MM-DD_PP\n",
                  {"2021-08-27_01.txt": HOME_ONLY, "2021-08-28_A03.txt": HOME_ONLY})
    articles = load_corpus(root)
    assert articles["published"].tolist() == [dt.date(2021, 8, 27), dt.date(2021, 8, 28)]
    assert articles["page"].tolist() == ["01", "A03"]
    assert articles["source"].tolist() == ["2021-08-27_01", "2021-08-28_A03"]


def test_name_pattern_with_wildcard_and_extension(tmp_path):
    meta = load_metadata(folder(tmp_path, "name_pattern: dkxw_YYYYMMDD_*.txt\n", {}))
    got = meta.for_file(tmp_path / "dkxw_20210827_头版.txt")
    assert (got.published, got.page) == (dt.date(2021, 8, 27), None)


def test_the_file_own_date_comes_first(tmp_path):
    root = folder(tmp_path, "name_pattern: YYYY-MM-DD_PP\n", {"2023-05-13_02.txt": DATED})
    row = load_corpus(root).iloc[0]
    assert row["published"] == dt.date(2023, 5, 12)  # the header line, over the file name
    assert row["page"] == "02"


def test_files_entries(tmp_path):
    meta = """newspaper: 洞口新闻
home: 洞口县
name_pattern: YYYY-MM-DD_PP
files:
  2021-08-27_01.txt: {page: A01, url: "http://example.org/dkxw/1"}
  2021-08-28_02.txt:
    newspaper: 邵阳日报
    home: 邵阳市
    published: 2021年8月29日
"""
    root = folder(tmp_path, meta, {"2021-08-27_01.txt": HOME_ONLY, "2021-08-28_02.txt": HOME_ONLY})
    first, second = (m for _, m in file_settings(root))
    assert first == FileMeta(newspaper="洞口新闻", home="洞口县", published=dt.date(2021, 8, 27),
                             page="A01", url="http://example.org/dkxw/1")
    assert second == FileMeta(newspaper="邵阳日报", home="邵阳市", published=dt.date(2021, 8, 29),
                              page="02")
    articles = load_corpus(root)
    assert articles["newspaper"].tolist() == ["洞口新闻", "邵阳日报"]
    assert articles["url"].tolist() == ["http://example.org/dkxw/1", None]


def test_format_override_in_metadata(tmp_path):
    # a web-copy article that detection reads as an article, declared an e-paper page
    assert load_corpus(folder(tmp_path, None, {"a.txt": HOME_ONLY}))["format"].tolist() == [
        "article"]
    (tmp_path / METADATA_FILE).write_text("format: page\n", encoding="utf-8")
    assert set(load_corpus(tmp_path)["format"]) == {"page"}


def test_format_per_file_and_per_call(tmp_path):
    meta = "files:\n  b.txt: {format: page}\n"
    root = folder(tmp_path, meta, {"a.txt": HOME_ONLY, "b.txt": HOME_ONLY})
    assert [m.format for _, m in file_settings(root)] == [None, "page"]
    assert [m.format for _, m in file_settings(root, format="article")] == ["article", "article"]
    with pytest.raises(ValueError, match="format='pdf'"):
        file_settings(root, format="pdf")


# -- refusals: the metadata file and the line ---------------------------------------------------


def test_unknown_key(tmp_path):
    message = refusal(tmp_path, "newspaper: 洞口新闻\nhomes: 洞口县\n", {"a.txt": HOME_ONLY}, 2)
    assert "'homes'" in message


def test_unknown_key_in_a_files_entry(tmp_path):
    meta = "files:\n  a.txt:\n    page: A01\n    publish: 2021-08-27\n"
    assert "'publish'" in refusal(tmp_path, meta, {"a.txt": HOME_ONLY}, 4)


def test_bad_format(tmp_path):
    message = refusal(tmp_path, "newspaper: 洞口新闻\nformat: pdf\n", {"a.txt": HOME_ONLY}, 2)
    assert "'pdf'" in message and "page" in message


@pytest.mark.parametrize("home", ["火星县", "''"])
def test_unknown_home(tmp_path, home):
    assert "home" in refusal(tmp_path, f"newspaper: 洞口新闻\nhome: {home}\n",
                             {"a.txt": HOME_ONLY}, 2)


def test_bad_date_in_a_files_entry(tmp_path):
    meta = "newspaper: 洞口新闻\nfiles:\n  a.txt:\n    published: 2023-02-30\n"
    assert "2023-02-30" in refusal(tmp_path, meta, {"a.txt": HOME_ONLY}, 4)


def test_files_entry_naming_no_file(tmp_path):
    meta = "newspaper: 洞口新闻\nfiles:\n  a.txt: {page: A01}\n  b.txt: {page: A02}\n"
    assert "'b.txt'" in refusal(tmp_path, meta, {"a.txt": HOME_ONLY}, 4)


def test_name_not_matching_the_pattern(tmp_path):
    meta = "newspaper: 洞口新闻\nname_pattern: YYYY-MM-DD_PP\n"
    message = refusal(tmp_path, meta, {"2021-08-27_01.txt": HOME_ONLY, "头版.txt": HOME_ONLY}, 2)
    assert "头版.txt" in message and "YYYY-MM-DD_PP" in message


def test_date_in_a_name_that_is_no_date(tmp_path):
    meta = "newspaper: 洞口新闻\nname_pattern: YYYY-MM-DD_PP\n"
    message = refusal(tmp_path, meta, {"2021-02-30_01.txt": HOME_ONLY}, 2)
    assert "2021-02-30_01.txt" in message


@pytest.mark.parametrize("pattern", ["YYYY-MM_PP", "YYYY-MM-DD_PP_PP"])
def test_pattern_that_cannot_give_a_date(tmp_path, pattern):
    assert pattern in refusal(tmp_path, f"name_pattern: {pattern}\n", {"a.txt": HOME_ONLY}, 1)


def test_not_a_mapping(tmp_path):
    refusal(tmp_path, "- 洞口新闻\n- 洞口县\n", {"a.txt": HOME_ONLY}, 1)
    (tmp_path / METADATA_FILE).write_text("newspaper: [洞口新闻, 邵阳日报]\n", encoding="utf-8")
    with pytest.raises(CorpusError) as info:
        load_corpus(tmp_path)
    assert info.value.line == 1


def test_key_given_twice(tmp_path):
    assert "twice" in refusal(tmp_path, "newspaper: 洞口新闻\nnewspaper: 邵阳日报\n",
                              {"a.txt": HOME_ONLY}, 2)


def test_unreadable_yaml(tmp_path):
    root = folder(tmp_path, "newspaper: 洞口新闻\nhome: [洞口县\n", {"a.txt": HOME_ONLY})
    with pytest.raises(CorpusError) as info:
        load_corpus(root)
    assert info.value.path == root / METADATA_FILE
    assert info.value.line is not None
