"""The parser is not fitted to one page: pages composed in the same layout, with other column
widths, article mixes, missing headlines, inline bylines, author lines and side columns, parse
back into exactly the articles they were composed from; so do the same pages in the dense form
other extractors give (issue 12)."""

from __future__ import annotations

import json
import random
from collections import Counter
from pathlib import Path

import pytest
from compose import ArticleSpec, PageForm, compose_page

from helpers.corpus import check_conservation, parse_page
from helpers.layout import parse_articles
from helpers.text import read_page

FIXTURES = Path(__file__).parent / "fixtures"
SEED = FIXTURES / "seed" / "000_ae97290bc4d96e06.txt"  # the tests' own copy of the seed page

# Articles written for these tests (not from the seed page), in the seed's style.
OWN_ARTICLES = [
    ArticleSpec(
        headline="诸暨市：“枫桥经验”让矛盾不出村",
        byline=["王丽", "陈建国"],
        subheads={2: "听民声 解民忧"},
        paragraphs=[
            ("“邻里之间闹了三年的宅基地纠纷，调解员三次上门就解决了。”10月12日，诸暨市枫桥镇"
            "枫源村村民楼某说起这件事，连连称赞。"),
            ("今年以来，诸暨市坚持和发展新时代“枫桥经验”，在全市502个行政村建立矛盾调解室，"
            "组建专职调解员队伍1260人，累计排查化解各类矛盾纠纷3872件，化解率达98.7%。"),
            ("该市还推行“一站式”矛盾纠纷调处化解中心建设，整合信访、司法、人社等12个部门力量，"
            "群众只进一扇门、最多跑一地。"),
            "下一步，诸暨市将持续深化基层治理，让更多矛盾纠纷化解在萌芽状态。",
        ],
    ),
    ArticleSpec(
        headline="安吉县开展安全生产大检查",
        byline=["李 明".replace(" ", "")],
        paragraphs=[
            ("为切实防范化解重大安全风险，近日，安吉县应急管理局联合消防、住建等部门，"
            "对全县86家重点企业开展安全生产隐患排查整治。"),
            ("检查组深入企业生产车间、仓储区域，重点检查消防设施配备、危险化学品储存等情况，"
            "共发现隐患问题214处，当场整改153处，其余已下达限期整改通知书。"),
            "安吉县将以“百日攻坚”专项行动为抓手，确保全县安全生产形势持续稳定。",
        ],
        byline_style="inline",
    ),
    ArticleSpec(
        headline=None,
        byline=["赵敏"],
        byline_style="author",
        subheads={1: "双减落地见效", 3: "课后服务 提质增效"},
        paragraphs=[
            "今年秋季学期开学以来，昆山市各中小学全面落实“双减”政策，学生作业负担明显减轻。",
            ("在昆山市玉山镇第二中心小学，课后服务时间里，学生们有的在操场上踢足球，"
            "有的在教室里学习书法，校园里处处洋溢着欢声笑语。"),
            "据统计，全市开展课后服务的学校达到213所，参与学生15.6万人，参与率为96.4%。",
            ("昆山市教育局还组织开展校外培训机构专项治理，压减学科类培训机构47家，"
            "家长满意度达到93.2%。"),
        ],
    ),
    ArticleSpec(
        headline="昭觉县：易地搬迁群众住上新房",
        byline=["阿依", "吉克曲布"],
        paragraphs=[
            "走进昭觉县沐恩邸社区，一排排崭新的楼房整齐排列，搬迁群众脸上洋溢着幸福的笑容。",
            ("近年来，昭觉县累计建成集中安置点29个，安置搬迁群众4万余人，"
            "配套建设学校、卫生院、就业车间等公共服务设施。"),
        ],
        side_column=1,
    ),
]


def seed_specs() -> list[ArticleSpec]:
    """The seed page's articles (content only), as parsed, with varied byline styles."""
    seed = parse_page(read_page(SEED), "seed")
    specs = []
    for row in seed.itertuples():
        paras = row.text.split("\n")
        subs = {}
        if row.subheads:
            step = max(len(paras) // (len(row.subheads) + 1), 1)
            for n, sub in enumerate(row.subheads, start=1):
                subs[min(n * step, len(paras) - 1)] = sub
        specs.append(ArticleSpec(paragraphs=paras, headline=row.headline, byline=row.byline,
                                 subheads=subs))
    return specs


def fixture_specs() -> list[ArticleSpec]:
    """Articles of the hand-composed pages in tests/fixtures/pages (when present)."""
    specs = []
    for path in sorted((FIXTURES / "pages").glob("*.json")):
        for art in json.loads(path.read_text(encoding="utf-8")):
            specs.append(ArticleSpec(paragraphs=art["paragraphs"], headline=art["headline"],
                                     byline=art["byline"]))
    return specs


@pytest.fixture(scope="module")
def pool() -> list[ArticleSpec]:
    return seed_specs() + OWN_ARTICLES + fixture_specs()


def variant(spec: ArticleSpec, rng: random.Random) -> ArticleSpec:
    """The same article with a random byline style, and sometimes no headline."""
    style = rng.choice(["line", "inline", "author"]) if spec.byline else "line"
    headline = spec.headline if rng.random() < 0.8 else None
    side = spec.side_column
    if side is None and rng.random() < 0.15:
        long_paras = [k for k, p in enumerate(spec.paragraphs) if len(p) > 120 and k > 0]
        side = rng.choice(long_paras) if long_paras else None
    return ArticleSpec(paragraphs=spec.paragraphs, headline=headline, byline=spec.byline,
                       subheads=spec.subheads, byline_style=style, side_column=side)


def compare(page: str, expected: list[dict], label: str) -> None:
    got = parse_page(page, "t")
    report = check_conservation(page, got)
    assert report["ok"], (label, report)
    assert len(got) == len(expected), (label, list(got["headline"]), [e["headline"] for e in expected])
    for row, exp in zip(got.itertuples(), expected, strict=True):
        assert row.headline == exp["headline"], label
        assert row.byline == exp["byline"], label
        assert row.subheads == exp["subheads"], label
        assert row.text.split("\n") == exp["paragraphs"], label
        assert (row.line_start, row.line_end) == (exp["line_start"], exp["line_end"]), label


def matches(row, exp: dict) -> bool:
    """Is a parsed article exactly the composed one (every field, paragraph breaks, lines)?"""
    return (row.headline, row.byline, row.subheads, row.text.split("\n"),
            row.line_start, row.line_end) == (
        exp["headline"], exp["byline"], exp["subheads"], exp["paragraphs"],
        exp["line_start"], exp["line_end"])


def test_composed_pages_parse_back(pool):
    """78 pages, column widths 12-24, six articles each in random mixes: every character is
    conserved on every page, and at least 95% of the articles come back exactly.

    Some layouts are ambiguous even to a reader (a full line ending a sentence followed by a
    line wrapped early before a long number), so exactness is measured, not demanded per page.
    """
    total = exact = 0
    for width in range(12, 25):
        for seed in range(6):
            rng = random.Random(1000 * width + seed)
            arts = [variant(s, rng) for s in rng.sample(pool, k=6)]
            page, expected = compose_page(arts, width=width, seed=seed)
            got = parse_page(page, "t")
            report = check_conservation(page, got)
            assert report["ok"], (width, seed, report)
            rows = list(got.itertuples())
            total += len(expected)
            exact += sum(matches(r, e) for r, e in zip(rows, expected, strict=False))
    assert exact / total >= 0.95, f"{exact}/{total} articles parsed exactly"


@pytest.mark.parametrize("width", [13, 16, 19])
def test_own_articles_each_layout(width):
    for style in ("line", "inline", "author"):
        arts = [ArticleSpec(**{**a.__dict__, "byline_style": style}) for a in OWN_ARTICLES]
        page, expected = compose_page(arts, width=width, seed=3)
        compare(page, expected, f"{style} {width}")


@pytest.mark.parametrize("form", [
    PageForm(dense=True),
    PageForm(dense=True, justify=False, gaps=0.3, debris=2),
    PageForm(dense=True, justify=False, spaced_digits=True, gaps=0.3),
], ids=["dense", "dense_plain", "dense_digits"])
def test_composed_pages_parse_back_dense(pool, form):
    """The same 78 pages as other extractors give them (issue 12): printed lines one per text
    line, blank lines only at real gaps and blanked debris lines, without justification spaces,
    numbers split (28. 1%).  The layout parser itself (the caller's debris and format detection
    aside): every character conserved, at least 95% of the articles exact (measured 96.4%)."""
    total = exact = 0
    for width in range(12, 25):
        for seed in range(6):
            rng = random.Random(1000 * width + seed)
            arts = [variant(s, rng) for s in rng.sample(pool, k=6)]
            page, expected = compose_page(arts, width=width, seed=seed, form=form)
            got = parse_articles(page)
            parts = [p for a in got for p in [a.headline or "", *a.subheads, *a.byline,
                                              *a.paragraphs]]
            have = Counter(ch for ch in page if not ch.isspace())
            kept = Counter(ch for p in parts for ch in p if not ch.isspace())
            assert not kept - have and set(have - kept) <= set("（）"), (width, seed)
            found = [(a.headline, a.subheads, a.byline, a.paragraphs) for a in got]
            total += len(expected)
            exact += sum((e["headline"], e["subheads"], e["byline"], e["paragraphs"]) in found
                         for e in expected)
    assert exact / total >= 0.95, f"{exact}/{total} articles parsed exactly"
