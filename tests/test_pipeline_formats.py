"""The pipeline on a folder of mixed formats (a page, an article file, a table) with a
metadata.yaml: every route gives the whole-corpus tables, and an edit of the metadata file
re-reads exactly the files it concerns.  All text written for these tests."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from test_pipeline import SEED, _direct, assert_same

from helpers import pipeline

ARTICLE = """首页 > 新闻中心 > 乡镇动态
我县召开秋冬季森林防火工作推进会
发布时间：2022-10-18 09:30  来源：县融媒体中心  作者：刘晓东
【字体：大 中 小】 打印本页
　　10月17日，我县召开秋冬季森林防火工作推进会，全县18个乡镇主要负责人参加会议。
　　会议要求，各乡镇要落实网格化管护责任，确保不发生重大森林火灾。
上一篇：县人大常委会视察农村公路建设
"""
TABLE = (
    "标题,日期,来源,版次,正文,栏目\n"
    "醴陵市开展电动自行车消防安全专项整治,2023-04-06,株洲日报,A03,"
    "\"本报讯 醴陵市消防救援大队近日联合各镇街开展电动自行车消防安全专项整治。\n"
    "整治期间共检查小区86个，清理违规停放电动自行车312辆。\",县域\n"
    "攸县12345热线一季度办结率达99.2%,2023年4月12日,株洲日报,A04,"
    "\"一季度，攸县12345政务服务便民热线共受理群众诉求4126件，办结率达99.2%。\",民生\n"
)
METADATA = "home: 平江县\nnewspaper: 平江新闻\n"


def _make_folder(folder: Path) -> Path:
    folder.mkdir(parents=True)
    shutil.copyfile(SEED, folder / "a_page.txt")
    (folder / "b_article.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "c_table.csv").write_text(TABLE, encoding="utf-8-sig")
    (folder / "metadata.yaml").write_text(METADATA, encoding="utf-8")
    return folder


@pytest.fixture
def folder(tmp_path) -> Path:
    return _make_folder(tmp_path / "raw")


def test_mixed_formats_every_route_equals_load_corpus(folder, tmp_path):
    direct = _direct(folder)
    articles = direct["articles"]
    assert list(articles["format"].drop_duplicates()) == ["page", "article", "table"]
    # the article file: 我县 is the folder's home, the date from its header line
    art = articles[articles["format"] == "article"].iloc[0]
    assert (art["locality"], art["published"]) == ("平江县", dt.date(2022, 10, 18))
    assert art["newspaper"] == "平江新闻"  # the metadata's name over the 来源 header
    # the table: rows in order, the newspaper cell wins, unknown columns kept
    rows = articles[articles["format"] == "table"]
    assert list(rows["locality"]) == ["醴陵市", "攸县"]
    assert list(rows["published"]) == [dt.date(2023, 4, 6), dt.date(2023, 4, 12)]
    assert list(rows["newspaper"]) == ["株洲日报", "株洲日报"]
    assert list(rows["extra"]) == ['{"栏目": "县域"}', '{"栏目": "民生"}']
    assert_same(pipeline.run_pipeline(folder, cache=False), direct)
    cache = tmp_path / "cache"
    assert_same(pipeline.run_pipeline(folder, cache_dir=cache, workers=2, min_parallel_bytes=0),
                direct)
    warm = pipeline.run_pipeline(folder, cache_dir=cache)
    assert_same(warm, direct)
    assert warm["files"]["cached_articles"].all()
    out = pipeline.stream_pipeline(folder, out_dir=tmp_path / "out", cache=False)
    assert_same(pipeline.read_tables(out), direct)


def test_metadata_edit_rereads_the_files_it_concerns(folder, tmp_path):
    cache = tmp_path / "cache"
    pipeline.run_pipeline(folder, cache_dir=cache)
    (folder / "metadata.yaml").write_text(
        METADATA + "files:\n  b_article.txt: {page: A02}\n", encoding="utf-8")
    got = pipeline.run_pipeline(folder, cache_dir=cache)
    files = got["files"].set_index("file")
    assert not files.loc["b_article.txt", "cached_articles"]
    assert files.drop(index="b_article.txt")["cached_articles"].all()
    arts = got["articles"].set_index("source")
    assert arts.loc["b_article", "page"] == "A02"
    assert_same(got, _direct(folder))
