"""The seed page, read by hand: every article's headline, byline, subheads, locality,
paragraph openings, first and last sentence.

The expectations below were written by reading the seed page (the tests' copy in
``tests/fixtures/seed/``) line by line (paragraph starts are the printed lines that open a
paragraph), not from parser output.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import config, load_corpus, paragraphs, parse_page
from helpers.corpus import check_conservation
from helpers.text import read_page

SEED = Path(__file__).parent / "fixtures" / "seed" / "000_ae97290bc4d96e06.txt"

# (headline, byline, subheads, (locality, prefecture, province), paragraph openings,
#  first sentence, last sentence, (line_start, line_end))
EXPECTED = [
    (
        "洞口县实施“质量强县”战略聚力高质量发展",
        [],
        ["深植质量意识 优化工作机制", "夯实质量基础 打造亮点特色", "树立质量标杆 助推高质量发展"],
        ("洞口县", "邵阳市", "湖南省"),
        ["“企业荣获", "今年7月，", "作为湖南省", "近年来，洞", "“质量是生", "高站位推进",
         "高起点规划", "同时，通过", "突出重点，", "聚焦“主战", "当好“店小", "抓牢质量主",
         "播下质量的", "开展县长质", "坚持绿色引", "同时，加大"],
        "“企业荣获国家级‘双认证’，标志着我们公司质量发展迈上了新台阶！”",
        ("加大品牌维权服务，聚焦“雪峰蜜橘”地理标志产品，持续开展打击侵权假冒专项活动，"
        "为洞口品牌保驾护航。"),
        (1, 220),
    ),
    (
        "江华：村村设有矛盾调解室",
        ["杨丁香", "尹天虎", "邓吉前"],
        [],
        ("江华瑶族自治县", "永州市", "湖南省"),
        ["“李某20", "调解员黄相", "近年来，江", "如今，全县"],
        "“李某2017年向我借了1000块钱，到现在也不肯还，每次都以各种理由推脱。”",
        "群众满意率为87.5%。",
        (222, 282),
    ),
    (
        "汉寿县：禁毒宣传进社区，密织防毒安全网",
        ["杨婵"],
        [],
        ("汉寿县", "常德市", "湖南省"),
        ["为加大毒品", "活动中，禁", "汉寿县始终"],
        ("为加大毒品预防教育宣传力度，不断提高辖区群众的禁毒法律意识和自我防范能力，"
        "营造全民参与、全民禁毒的良好氛围。"),
        "共建“绿色无毒”美好家园。",
        (283, 343),
    ),
    (
        "江华：严肃处理非法捕鱼者",
        ["杨丁香", "蒋海花"],
        [],
        ("江华瑶族自治县", "永州市", "湖南省"),
        ["日前，涉嫌", "当日，联合"],
        "日前，涉嫌非法捕捞河鱼逃逸的李某主动到江华瑶族自治县森林公安局投案自首。",
        "第二天，慑于法律的威严，10月26日，李某主动投案自首。",
        (345, 397),
    ),
    (
        None,
        ["程昕"],
        ["把握高铁新机遇 产业提档强动能", "城市经营破难题 精致管理风尚新",
         "笃定信念办实事 幸福真切有温度"],
        ("武陵区", "常德市", "湖南省"),
        ["2021年", "这是一个崭", "这是一个崭", "深秋十月，", "随着常益长", "为了确保经",
         "产业兴则经", "10月20", "这得益于芷", "芷兰街道党", "芷兰街道党", "今年以来，",
         "在华达幸福", "奋楫破浪行"],
        "2021年，对于常德市武陵区芷兰街道来说，是不平凡的一年。",
        ("芷兰街道将沿着武陵区第十三次党代会擘画的新蓝图，砥砺奋进，守正创新，"
        "为“引领高质量发展 建设现代化新城”贡献芷兰力量。"),
        (399, 656),
    ),
    (
        "邵阳经济技术开发区：擂响百日大会战战鼓",
        ["刘波", "肖薇", "陈志强"],
        [],
        ("邵阳经济技术开发区", "邵阳市", "湖南省"),  # a zone is its own unit (issue 12)
        ["“全年目标", "回望前三季", "来之不易的", "此次行动，", "为扎实推进"],
        ("“全年目标任务冲刺在即，我们要大力弘扬‘主动担当、奋勇争先、高效务实’的园区精神，"
        "撸起袖子加油干，甩开膀子拼命干……”"),
        ("同时，加强督查考核问责力度，以铁的纪律、铁的作风、铁的措施，确保各项目标任务"
        "抓到实处、取得实效。"),
        (657, 759),
    ),
    (
        "双牌县：扎实做好精神障碍患者救治救助工作",
        ["袁程", "崔晓云"],
        [],
        ("双牌县", "永州市", "湖南省"),
        ["“我儿子得", "近年来，双", "目前，全县"],
        "“我儿子得了精神分裂症，每年光是治疗费就要近万元。”",
        "目前，全县精神障碍患者规范管理率达到96.23%，面访率95.78%，规范服药率96.93%。",
        (761, 825),
    ),
    (
        "常德市西湖管理区：念好“严字诀”护好种粮地",
        ["彭宇菲", "李梦浮"],
        [],
        ("常德市西湖管理区", "常德市", "湖南省"),  # a 管理区 is its own unit (issue 12)
        ["今年以来，", "抓实动态巡", "定期报备核", "强化依法行"],
        ("今年以来，常德市西湖管理区自然资源局时刻将耕地保护工作放在首位，建章立制，多措并举，"
        "通过建立健全源头严防、过程严管、后果严惩的监管体系，坚决打赢“复耕复垦、守土守粮”"
        "这场攻坚硬仗。"),
        "目前，该局完成立案调查3起，依法问询破坏耕地违法人员2人，恢复耕种面积268亩。",
        (826, 890),
    ),
    (
        None,
        ["戴一菥", "王姣"],
        ["听群众说，办真实事", "解群众难，啃硬骨头", "应群众盼，促实事实", "暖群众心，盯利民事"],
        ("张家界市", "张家界市", "湖南省"),
        ["党史学习教", "“我为群众", "4月26日", "为了找准群", "在“我为群", "今年以来，",
         "“困扰近二", "对此，张家", "为了推进小", "今年以来，", "今年6月，", "陈某初隐瞒",
         "针对群众反", "对群众有利", "7月以来，", "社保卡是切"],
        ("党史学习教育开展以来，张家界市纪委监委坚持把“我为群众办实事”当作落脚点和着力点，"
        "开展“一案一证一房一卡一热线”集中攻坚行动，以实际工作成效推动党史学习教育走深走实。"),
        "发现职能部门问题12个，推动60个问题整改，建立和完善2项制度。",
        (892, 1162),
    ),
]


@pytest.fixture(scope="module")
def seed():
    return parse_page(read_page(SEED), source=SEED.stem)


def test_seed_is_in_corpus_byte_for_byte():
    assert SEED.is_file()
    raw = SEED.read_bytes()
    assert raw.decode("utf-8").count("\n") == 1164
    assert raw.startswith(" “企业荣获".encode())


def test_nine_articles(seed):
    assert len(seed) == 9
    assert list(seed["article_id"]) == [f"{SEED.stem}-{n:02d}" for n in range(1, 10)]
    assert set(seed["source"]) == {SEED.stem}


@pytest.mark.parametrize("n", range(9))
def test_article(seed, n):
    headline, byline, subheads, place, openings, first, last, lines = EXPECTED[n]
    row = seed.iloc[n]
    assert row["headline"] == headline
    assert row["byline"] == byline
    assert row["subheads"] == subheads
    assert (row["locality"], row["prefecture"], row["province"]) == place
    paras = row["text"].split("\n")
    assert [p[:5] for p in paras] == openings
    assert paras[0].startswith(first)
    assert paras[-1].endswith(last)
    assert (row["line_start"], row["line_end"]) == lines


def test_levels_read_by_hand(seed):
    """The level of each report, read by hand: the 芷兰街道 feature is about one subdistrict of
    武陵区, the two zone reports are zones, the 张家界 discipline report is the city's."""
    assert list(seed["level"]) == ["county", "county", "county", "county", "township", "zone",
                                   "county", "zone", "prefecture"]
    assert seed["township"].iloc[4] == "芷兰街道"
    assert seed["agency"].iloc[8] == "市纪委监委"
    assert list(seed["format"]) == ["page"] * 9
    assert seed["admin_code"].iloc[0] == "430525"  # 洞口县


def test_layout_spaces_removed_slogan_spaces_kept(seed):
    text = "\n".join(seed["text"])
    assert "今年7月，洞口县湘木豪庭新材料有限公司" in text
    assert "全县319个村村村都建立了矛盾调解室" in text
    assert "“3·15消费者权益日”“5·20世界计量日”" in text
    assert "“引领高质量发展 建设现代化新城”" in text
    assert "‘我是党员我先行 垃圾分类重践行’" in text
    assert "“学百年党史 担千钧使命”" in text
    # outside quotes no space survives
    for para in text.split("\n"):
        outside = para
        for q_open, q_close in ("“”", "‘’"):
            while q_open in outside and q_close in outside.split(q_open, 1)[1]:
                head, rest = outside.split(q_open, 1)
                outside = head + rest.split(q_close, 1)[1]
        assert " " not in outside, para


def test_side_column_continues_paragraph(seed):
    zhilan = seed.iloc[4]["text"].split("\n")
    para = next(p for p in zhilan if p.startswith("这得益于"))
    assert "形成“芷兰经验”。作为全市垃圾分类试点街道，他们实行“一小区一方案”" in para
    assert para.endswith("征地拆迁、违法建设、城市治理等一系列涉及城市经营的难题迎刃而解。")


def test_subheads_not_in_text(seed):
    for row in seed.itertuples():
        paras = row.text.split("\n")
        for sub in row.subheads:
            assert sub.replace(" ", "") not in row.text
            assert not any(p.startswith(sub.split(" ")[0]) for p in paras), sub


def test_bylines_not_in_text(seed):
    text = "\n".join(seed["text"])
    for name in ("杨婵", "袁程", "崔晓云", "程昕", "戴一菥"):
        assert name not in text
    assert "（" not in text.replace("村（社区）", "")


def test_conservation(seed):
    raw = read_page(SEED)
    report = check_conservation(raw, seed)
    assert report["ok"], report
    assert report["invented"] == {}
    assert report["missing"] == {"（": 7, "）": 7}  # seven parenthesized bylines


def test_paragraphs_table(seed):
    paras = paragraphs(seed)
    assert list(paras.columns) == ["article_id", "para_no", "text"]
    assert len(paras) == sum(len(e[4]) for e in EXPECTED)
    first = paras[paras["article_id"] == seed.iloc[1]["article_id"]]
    assert list(first["para_no"]) == [1, 2, 3, 4]
    assert first.iloc[3]["text"].startswith("如今，全县319个村")


def test_iter_paragraphs_gives_the_rows_of_the_table(seed):
    from helpers.corpus import iter_paragraphs

    rows = list(iter_paragraphs(seed))
    assert rows == list(paragraphs(seed).itertuples(index=False, name=None))
    assert all(isinstance(aid, str) and isinstance(n, int) for aid, n, _ in rows)


def test_load_corpus_reads_raw_folder(monkeypatch):
    monkeypatch.setattr(config, "CORPUS_RAW", SEED.parent)  # the default folder, read at call time
    corpus = load_corpus()
    assert SEED.stem in set(corpus["source"])
    assert corpus["article_id"].is_unique


def test_subhead_positions(seed):
    """Each subhead stands before the paragraph it introduces (read off the page)."""
    from helpers.corpus import subhead_paragraphs

    where = subhead_paragraphs(seed)
    got = {(r.article_id[-2:], r.para_no): r.subhead for r in where.itertuples()}
    assert got[("01", 5)] == "深植质量意识 优化工作机制"  # before “质量是生命，品质是灵魂”
    assert got[("05", 8)] == "城市经营破难题 精致管理风尚新"  # before 10月20日，武陵区垃圾分类
    assert got[("09", 2)] == "听群众说，办真实事"  # before “我为群众办实事”，办什么才是实事？
    assert got[("09", 14)] == "暖群众心，盯利民事"  # before 对群众有利的事
    assert len(where) == 10
