"""Scraped article files, round 13 (issue 12): a date printed right under the title, and a site's
chrome between the title and its second printing.  Texts written for these tests."""

from __future__ import annotations

import datetime as dt

from helpers.corpus import audit_corpus, read_corpus
from helpers.formats.article import read_article

DATED = "某区第二批重点项目集中开工\n2022-03-18\n来源:某某新闻网\n\n3月18日上午，某区第二批重点项目集中开工。\n"


def test_a_date_right_under_the_title_is_the_published_date(tmp_path):
    (tmp_path / "a.txt").write_text(DATED, encoding="utf-8")
    got = read_corpus(tmp_path, format="article").articles.iloc[0]
    assert got["published"] == dt.date(2022, 3, 18)
    assert got["text"].startswith("3月18日上午")


CHROME = ("某派出所救助走失老人\n某市广播电视台\n• 客户端下载\n\n某派出所救助走失老人\n\n"
          "时间:2025-04-30 09:27:59 来源:平安某市\n\n近日，某派出所民警在巡逻中救助一名走失老人。\n")


def test_the_sites_chrome_between_two_printings_of_the_title_is_furniture(tmp_path):
    (tmp_path / "b.txt").write_text(CHROME, encoding="utf-8")
    corpus = read_corpus(tmp_path, format="article")
    got = corpus.articles.iloc[0]
    assert got["headline"] == "某派出所救助走失老人"
    assert got["published"] == dt.date(2025, 4, 30)
    assert got["text"].startswith("近日，某派出所")
    assert "• 客户端下载" in corpus.furniture["text"].tolist()
    assert audit_corpus(tmp_path, format="article").checks["ok"].all()  # nothing lost


def test_a_title_never_printed_again_keeps_its_subhead():
    parsed = read_article("某县召开两会\n——聚焦高质量发展\n\n会议听取了政府工作报告。\n")
    assert parsed.headline == "某县召开两会"
    assert parsed.paragraphs[0].startswith("会议听取")


def test_header_lines_between_the_two_printings_of_the_title_stay_headers(tmp_path):
    text = ("某区召开新城建设联络员会议\n发布时间:2021-03-10\n来源: 某市规划和自然资源局\n作者:佚名\n"
            "某区召开新城建设联络员会议\n2021-02-25 某区规划资源局\n\n近日，某区召开新城建设联络员会议。\n")
    (tmp_path / "c.txt").write_text(text, encoding="utf-8")
    got = read_corpus(tmp_path, format="article").articles.iloc[0]
    assert (got["headline"], got["published"]) == ("某区召开新城建设联络员会议", dt.date(2021, 3, 10))
    assert got["text"].startswith("近日，某区")
