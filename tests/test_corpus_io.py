"""load_corpus on real folders: encodings, several pages, and bad input that must raise."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import CorpusError, load_corpus

SEED = Path(__file__).parent / "fixtures" / "seed" / "000_ae97290bc4d96e06.txt"

PAGE = (
    "今年以来，宁乡市坚持和发展新时代“枫桥经验”，全市 ２８ 个乡镇\n\n"
    "建立矛盾纠纷调处化解中心，化解率达 ９８．６％。\n\n"
    "（周 敏 李建华）\n\n"
    "宁乡：矛盾纠纷就地化解\n"
)


def test_pages_in_any_encoding(tmp_path):
    for name, enc in [("a_utf8", "utf-8"), ("b_bom", "utf-8-sig"), ("c_gbk", "gbk"),
                      ("d_gb18030", "gb18030"), ("e_utf16", "utf-16")]:
        (tmp_path / f"{name}.txt").write_bytes(PAGE.replace("\n", "\r\n").encode(enc))
    corpus = load_corpus(tmp_path)
    assert list(corpus["source"]) == ["a_utf8", "b_bom", "c_gbk", "d_gb18030", "e_utf16"]
    assert corpus["text"].nunique() == 1
    row = corpus.iloc[0]
    assert row["text"].endswith("化解率达98.6%。")  # full-width digits and signs normalized
    assert row["headline"] == "宁乡：矛盾纠纷就地化解"
    assert row["byline"] == ["周敏", "李建华"]
    assert (row["locality"], row["prefecture"], row["province"]) == ("宁乡市", "长沙市", "湖南省")
    assert (row["line_start"], row["line_end"]) == (1, 7)


def test_several_pages_keep_order_and_ids(tmp_path):
    (tmp_path / "p2.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "p1.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / ".gitkeep").write_text("", encoding="utf-8")  # housekeeping: left out, documented
    corpus = load_corpus(tmp_path)
    assert list(corpus["article_id"][:2]) == ["p1-01", "p2-01"]
    assert len(corpus) == 10
    assert corpus["article_id"].is_unique


def test_raw_files_are_not_written(tmp_path):
    page = tmp_path / "p.txt"
    page.write_bytes(PAGE.encode("gbk"))
    before = (page.read_bytes(), page.stat().st_mtime_ns)
    load_corpus(tmp_path)
    assert (page.read_bytes(), page.stat().st_mtime_ns) == before


@pytest.mark.parametrize("content", [b"", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64),
                                     bytes(range(256)) * 4])
def test_bad_page_raises_naming_the_file(tmp_path, content):
    (tmp_path / "good.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "bad_page.txt").write_bytes(content)
    with pytest.raises(CorpusError) as err:
        load_corpus(tmp_path)
    assert "bad_page.txt" in str(err.value)


def test_missing_path_and_empty_folder(tmp_path):
    with pytest.raises(CorpusError, match="nowhere"):
        load_corpus(tmp_path / "nowhere")
    with pytest.raises(CorpusError, match="no corpus files"):
        load_corpus(tmp_path)


def test_one_file_path(tmp_path):
    corpus = load_corpus(SEED)
    assert len(corpus) == 9


def test_duplicate_source_names_raise(tmp_path):
    (tmp_path / "p.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "p.TXT").write_bytes(PAGE.encode("gbk"))  # the extension in any case
    with pytest.raises(CorpusError, match="source name"):
        load_corpus(tmp_path)


# written for this test in traditional characters
TRADITIONAL_PAGE = (
    "為加大禁毒宣傳力度，該區組織志願者走進社區、學校和企業，發放宣傳\n\n"
    "資料兩千餘份，舉辦專題講座十二場，現場解答群眾提出的問題。活動中，\n\n"
    "工作人員結合真實案例，講解新型毒品的危害和識別方法，提醒居民遠離\n\n"
    "毒品、守護健康。\n\n"
    "（陳 明）\n\n"
    "漢壽：禁毒宣傳進社區\n"
)


@pytest.mark.parametrize("encoding", ["big5", "utf-8"])
def test_traditional_page_stops_the_corpus_naming_the_file(tmp_path, encoding):
    """Not parsed into wrong articles without localities: refused, naming the file and t2s."""
    (tmp_path / "good.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "trad_page.txt").write_bytes(TRADITIONAL_PAGE.encode(encoding))
    with pytest.raises(CorpusError, match="traditional") as err:
        load_corpus(tmp_path)
    assert "trad_page.txt" in str(err.value) and "t2s" in str(err.value)
