"""How the layout parser does on e-paper pages it has never seen, in each form of page text.

Composes ``--pages`` pages per layout (seeded, deterministic) with ``tests/compose.py`` from
article specs written here (sentence patterns and word lists of our own, never text from real
pages): county reports with numbers, quotations, subheads, bylines in three styles, headlines
missing at times, side columns, and the constructions the parser must read from geometry
(first lines wrapped early before a long unit, quotation lines whose sentence continues).
Each page is parsed with the layout parser (``helpers.layout.parse_articles``: the articles
table's ids, localities and the caller's debris detection are not what is measured); an article
is *exact* when its headline, subheads, byline and paragraphs all equal the composed ones, a
page when all its articles are and no article is added or lost.  Every page must also conserve
its characters: each non-whitespace character in exactly one field, byline parentheses aside.

Layouts: ``blank`` (the seed's: every printed line followed by a blank line, justification
spaces), ``dense`` (no blank lines but at real gaps and blanked debris lines, justification
spaces), ``dense_plain`` (the same without justification spaces), ``dense_digits`` (and
numbers split by the extractor: ``28. 1%``, ``1 2 3 4 万元``).

    .venv/bin/python benchmarks/unseen_pages.py                 # 200 pages per layout
    .venv/bin/python benchmarks/unseen_pages.py --pages 500 --seed 1 --json /tmp/unseen.json
    .venv/bin/python benchmarks/unseen_pages.py --show 3         # and the first misses
    .venv/bin/python benchmarks/unseen_pages.py --latin-spaces between   # see compose.PageForm

Prints per layout: pages, pages exact, articles, articles exact, conservation failures.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(1, str(ROOT / "tests"))  # compose.py: the page composer of the tests

from compose import ArticleSpec, PageForm, Shaped, _units, _width, compose_page

from helpers.layout import ParsedArticle, parse_articles
from helpers.layout.assemble import _Assembler
from helpers.layout.classify import classify_lines, estimate_columns, mark_side_columns
from helpers.layout.lines import Line, clean_line, ends_sentence, read_lines
from helpers.layout.thresholds import FIT_EPSILON, INDENT, SIDE_MAX_WIDTH

LAYOUTS = {
    "blank": {},
    "dense": {"dense": True},
    "dense_plain": {"dense": True, "justify": False},
    "dense_digits": {"dense": True, "justify": False, "spaced_digits": True},
}

# -- word lists (our own) -------------------------------------------------------------------------

PLACES = [("安吉县", "安吉"), ("桐庐县", "桐庐"), ("德清县", "德清"), ("宁远县", "宁远"),
          ("平江县", "平江"), ("石门县", "石门"), ("泸溪县", "泸溪"), ("宜章县", "宜章"),
          ("嘉禾县", "嘉禾"), ("蓝山县", "蓝山"), ("隆回县", "隆回"), ("武冈市", "武冈"),
          ("新化县", "新化"), ("安化县", "安化"), ("龙泉市", "龙泉"), ("永嘉县", "永嘉")]
TOWNS = ["城关镇", "白沙镇", "清水乡", "马田镇", "桥头镇", "石塘乡", "黄土铺镇", "东湖街道"]
VILLAGES = ["杨柳村", "新塘村", "双溪村", "花园村", "李家坪村", "青山村", "和平社区"]
ORGS = ["县农业农村局", "县应急管理局", "县人社局", "县住建局", "县市场监管局", "县教育局",
        "县卫健局", "县司法局", "县文旅广体局", "县林业局"]
TOPICS = ["人居环境整治", "高标准农田建设", "基层矛盾调解", "安全生产排查", "稳岗就业帮扶",
          "农村饮水安全", "森林防火", "文明城市创建", "义务教育提质", "特色产业发展"]
THINGS = ["示范点", "服务站", "调解室", "培训班", "产业基地", "便民窗口", "检查组"]
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋谢唐韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程"
GIVEN = "明华军平芳丽伟强敏静磊洋勇艳杰娟涛超霞秀兰鹏辉玲飞红斌波宁婷雪梅琳"
SPEECH = ["现在路修好了，出门再也不怕下雨天了", "这项政策真是帮了我们大忙",
          "以前办事要跑好几趟，现在一次就办好了", "有了这个服务站，老人看病方便多了",
          "我们一定把群众的事当成自己的事来办", "家门口就能上班，还能照顾家里老人",
          "大家心里都有一本账，日子一年比一年好", "只要肯干，在家门口也能致富"]
SCENES = ["田间地头一派繁忙景象", "新修的道路干净整洁", "一排排大棚整齐排列",
          "村民们正在文化广场上排练节目", "工人们正忙着调试设备"]
DOCS = ["实施方案", "工作细则", "考核办法", "三年行动计划", "管理办法"]
SLOGANS = [("三个一", "五个好"), ("一村一品", "一户一策"), ("网格员", "明白人"),
           ("两不愁", "三保障")]
PHRASES = ["奏响乡村振兴奋进曲", "织密基层治理网", "念好安全生产经", "答好民生实事卷",
           "绘就美丽乡村新画卷", "跑出项目建设加速度", "筑牢森林防火墙", "守好百姓米袋子"]
SUBHEADS = ["聚焦短板 精准发力", "党建引领 凝聚合力", "创新机制 提质增效", "访民情，解民忧",
            "建强队伍 夯实基础", "产业兴旺 百姓增收", "多措并举，守牢底线", "服务下沉 暖心惠民"]


@dataclass
class Writer:
    """Writes one article's content from the word lists, with ``rng``."""

    rng: random.Random

    def pick(self, items: list):
        return self.rng.choice(items)

    def name(self) -> str:
        return self.pick(list(SURNAMES)) + "".join(
            self.rng.sample(GIVEN, self.rng.choice([1, 1, 2])))

    def number(self) -> str:
        kind = self.rng.random()
        if kind < 0.3:
            return f"{self.rng.randint(2, 99)}.{self.rng.randint(1, 9)}%"
        if kind < 0.6:
            return f"{self.rng.randint(100, 99999)}"
        return f"{self.rng.randint(10, 9999)}.{self.rng.randint(1, 99)}"

    def sentence(self, place: str) -> str:
        r, n = self.rng, self.number
        town, village, org, topic = (self.pick(TOWNS), self.pick(VILLAGES), self.pick(ORGS),
                                     self.pick(TOPICS))
        a, b = self.pick(SLOGANS)
        options = [
            f"{r.randint(1, 12)}月{r.randint(1, 28)}日，记者走进{town}{village}，只见{self.pick(SCENES)}。",
            f"近年来，{place}坚持把{topic}作为民生实事来抓，层层压实责任，推动各项工作落地见效。",
            (f"截至{r.randint(1, 12)}月底，全县累计建成{self.pick(THINGS)}{r.randint(3, 400)}个，"
             f"投入资金{n().rstrip('%')}万元，同比增长{r.randint(2, 60)}.{r.randint(1, 9)}%。"),
            f"“{self.pick(SPEECH)}！”{village}村民{self.name()}笑着说。",
            f"{org}还组织开展“{a}”“{b}”活动，发放宣传资料{r.randint(200, 9000)}余份。",
            f"{org}制定出台《{topic}{self.pick(DOCS)}》，明确了目标任务和时间节点。",
            f"目前，该县{topic}覆盖率达到{r.randint(60, 99)}.{r.randint(1, 9)}%，群众满意度明显提升。",
            (f"{r.randint(2015, 2023)}年以来，{town}先后投入{n().rstrip('%')}万元，"
             f"新建改建道路{r.randint(3, 90)}公里。"),
            f"下一步，{place}将持续深化{topic}，让群众的获得感成色更足。",
            f"{self.name()}说。",
            f"在{town}，{org}工作人员逐户走访，详细了解群众的实际困难。",
        ]
        return self.pick(options)

    def paragraph(self, place: str) -> str:
        return "".join(self.sentence(place) for _ in range(self.rng.randint(1, 4)))

    def shaped(self, place: str) -> Shaped:
        """A paragraph built around a construction the geometry must read right: a first line
        wrapped early before a long number, or a line ending with a quotation whose sentence
        goes on (on the next line: the speaker, or the rest of a phrase)."""
        r = self.rng
        if r.random() < 0.5:
            filler = ("今年以来，", place, self.pick(ORGS), "多方筹措资金，", "围绕",
                      self.pick(TOPICS), "在全县范围内", "累计投入")
            pivot = self.number().rstrip("%")
            return Shaped("wrap", filler, f"{pivot}万元，" if r.random() < 0.5 else f"{pivot}，",
                          f"惠及群众{r.randint(2, 90)}万人。{self.sentence(place)}")
        filler = (self.sentence(place), self.sentence(place), self.sentence(place),
                  f"在{self.pick(TOWNS)}，", f"提起{self.pick(TOPICS)}，")
        if r.random() < 0.5:
            return Shaped("close", filler, f"“{self.pick(SPEECH)}！”",
                          f"{self.pick(VILLAGES)}村民{self.name()}笑着说。")
        slogan = self.pick(SLOGANS)[0]
        return Shaped("close", filler[:-1] + ("全面推行",), f"“{slogan}”",
                      f"工作法，{self.pick(ORGS)}{self.pick(THINGS)}由此建了起来。")

    def article(self) -> ArticleSpec:
        r = self.rng
        place, short = self.pick(PLACES)
        paras: list[str | Shaped] = [
            self.shaped(place) if r.random() < 0.3 else self.paragraph(place)
            for _ in range(r.randint(2, 7))]
        if r.random() < 0.3:
            paras[0] = f"“{self.pick(SPEECH)}。”{self.sentence(place)}"
        subheads = {}
        if len(paras) >= 4 and r.random() < 0.4:
            for k in sorted(r.sample(range(1, len(paras)), r.randint(1, 2))):
                subheads[k] = self.pick(SUBHEADS)
        headline = self.pick([f"{short}：{self.pick(PHRASES)}", f"{place}{self.pick(PHRASES)}",
                              self.pick(PHRASES)])
        style = r.choice(["line", "inline", "author"])
        # an author line holds at most two names (more spaced names read as a justified line)
        byline = [self.name() for _ in range(r.randint(1, 2 if style == "author" else 3))]
        side = None
        if r.random() < 0.1:
            longs = [k for k, p in enumerate(paras) if isinstance(p, str) and len(p) > 120 and k]
            side = r.choice(longs) if longs else None
        return ArticleSpec(paragraphs=paras, headline=headline if r.random() < 0.85 else None,
                           byline=byline, subheads=subheads,
                           byline_style=style, side_column=side)


# -- measuring -----------------------------------------------------------------------------------

def compose(layout: str, n: int, seed: int, latin_spaces: str = "always"
            ) -> tuple[str, list[dict]]:
    """Page ``n`` of ``layout`` (deterministic in layout, n and seed); ``latin_spaces``: see
    ``PageForm`` (the text is the same either way, only where lines break may change)."""
    page, expected, _ = compose_with_width(layout, n, seed, latin_spaces)
    return page, expected


def compose_with_width(layout: str, n: int, seed: int, latin_spaces: str = "always"
                       ) -> tuple[str, list[dict], int]:
    """``compose``, and the column width the page was set in."""
    rng = random.Random(f"{seed}-{layout}-{n}")
    writer = Writer(rng)
    arts = [writer.article() for _ in range(rng.randint(3, 7))]
    form = PageForm(**LAYOUTS[layout], gaps=rng.choice([0.0, 0.3]) if layout != "blank" else 0.0,
                    debris=rng.randint(0, 3) if layout != "blank" else 0,
                    latin_spaces=latin_spaces)
    width = rng.randint(12, 24)
    page, expected = compose_page(arts, width=width, seed=rng.randrange(1 << 30), form=form)
    return page, expected, width


def fields(row: dict) -> tuple:
    return (row["headline"], list(row["subheads"]), list(row["byline"]),
            list(row["paragraphs"]))


def conserved(page: str, arts: list[ParsedArticle]) -> bool:
    """Every non-whitespace character of the page in one field, none invented; only
    parentheses (around bylines) may be left out."""
    have = Counter(ch for ch in page if not ch.isspace())
    got = Counter(ch for a in arts for part in [a.headline or "", *a.subheads, *a.byline,
                                               *a.paragraphs] for ch in part if not ch.isspace())
    return not (got - have) and set(have - got) <= set("（）()")


def measure(layout: str, pages: int, seed: int, show: int = 0,
            latin_spaces: str = "always", why: bool = False) -> dict[str, object]:
    """Parse ``pages`` composed pages of ``layout``; the exact shares and conservation (and with
    ``why``: the missed articles whose differences are all undecidable, the ceiling, and the
    decidable differences by class)."""
    exact_pages = arts = exact_arts = unconserved = 0
    shown = 0
    undecidable = 0
    classes: Counter[str] = Counter()
    for n in range(pages):
        page, expected, width = compose_with_width(layout, n, seed, latin_spaces)
        if why:
            got, plabel = parse_labelled(page)
        else:
            got = parse_articles(page)
        unconserved += not conserved(page, got)
        parsed = [fields(a.__dict__) for a in got]
        want = [fields(e) for e in expected]
        hits = sum(w in parsed for w in want)
        arts += len(want)
        exact_arts += hits
        exact_pages += parsed == want
        reasons = why_missed(page, expected, width, want, parsed, plabel) if why else []
        for und, diffs in reasons:
            undecidable += und
            classes.update(set(diffs) if not und else ())
        if parsed != want and shown < show:
            shown += 1
            print(f"--- {layout} page {n} (width {width}): {hits}/{len(want)} articles exact")
            missed = iter(reasons)
            for w in want:
                if w not in parsed:
                    near = min(parsed, key=lambda p, w=w: _distance(p, w), default=None)
                    if why:
                        und, diffs = next(missed)
                        print("  why:", "undecidable" if und else "decidable", diffs)
                    print("  expected:", w, "\n  parsed:  ", near)
    res: dict[str, object] = {
        "layout": layout, "pages": pages, "pages_exact": exact_pages / pages,
        "articles": arts, "articles_exact": exact_arts / arts, "not_conserved": unconserved}
    if why:
        res.update(missed=arts - exact_arts, undecidable=undecidable,
                   decidable=arts - exact_arts - undecidable,
                   ceiling=(arts - undecidable) / arts, classes=dict(classes.most_common()))
    return res


# -- why an article is missed (--why) -------------------------------------------------------------
#
# Each missed article's differences are found line by line: every printed line gets a label on
# both sides (which article, which field: a paragraph, a subhead, the headline, the byline), from
# the composer's roles on the expected side and from the parser's assembly on the parsed side.  A
# difference is at an *undecidable* boundary when the printed lines read the same both ways under
# the composer's own rules (its unit widths, the column ``width``, the indent of a first line):
#
# * a paragraph break the parser missed (expected: ``b`` opens a paragraph after ``a``): ``a`` ends
#   a sentence and is full (``b``'s first unit would not have fitted after it: the composer would
#   have wrapped there had the paragraph gone on), and ``b`` could be a continuation line: it is
#   not justified (the composer does not justify a continuation after a full sentence end), and it
#   is its paragraph's last line or is full at the whole column width too (the next line's first
#   unit would not have fitted after it even without the indent);
# * a paragraph break the parser invented (expected: ``b`` continues ``a``'s paragraph): ``a`` ends
#   a sentence (it is full: the composer wrapped there) and ``b`` fits in an indented first line
#   (its units take no more than the column less the indent).
#
# Every other difference (a line read as a title or not, a title's lines split or glued, an
# article cut elsewhere, a paragraph break that the widths do tell, text read differently, a
# side-column line) is decidable.  The ceiling counts the articles exact if every article whose
# differences are all decidable were fixed.


def parse_labelled(page: str) -> tuple[list[ParsedArticle], dict[int, tuple]]:
    """``parse_articles`` and, for every printed line, where the parser put it: (article index,
    field kind, field index)."""
    text = page.replace("\r\n", "\n").replace("\r", "\n")
    sentinel = next(chr(c) for c in range(0xE000, 0xF900) if chr(c) not in text)
    lines = read_lines(text, sentinel)
    mark_side_columns(lines)
    estimate_columns(lines)
    classify_lines(lines)
    rec = _Recorder(lines, sentinel)
    arts = rec.run()
    label = dict(rec.label)
    for k, art in enumerate(arts):
        for no in art.lines:
            label.setdefault(no, (k, "byline", 0))
    return arts, label


class _Recorder(_Assembler):
    """The parser's assembly, recording which field each line went to."""

    def __init__(self, lines: list[Line], sentinel: str) -> None:
        super().__init__(lines, sentinel)
        self.label: dict[int, tuple] = {}

    def flush(self) -> None:
        for ln in self.para:
            self.label[ln.no] = (len(self.articles), "para", len(self.cur.paragraphs))
        super().flush()

    def add_titles(self, i: int) -> int:
        cur, n_sub = self.cur, len(self.cur.subheads)
        j = super().add_titles(i)
        headline = self.cur is not cur  # a headline closes its article
        for ln in self.lines[i:j]:
            self.label[ln.no] = ((len(self.articles) - 1, "headline", 0) if headline
                                 else (len(self.articles), "subhead", n_sub))
        return j


def expected_labels(expected: list[dict]) -> dict[int, tuple]:
    """For every printed line, where the composer put it (as ``parse_labelled``)."""
    label: dict[int, tuple] = {}
    for k, exp in enumerate(expected):
        para = sub = -1
        prev = ""
        for no, role in sorted(exp["roles"].items()):
            if role == "first":
                para += 1
            if role == "subhead" and prev != "subhead":
                sub += 1
            kind = {"first": "para", "body": "para", "author": "byline"}.get(role, role)
            label[no] = (k, kind, {"para": para, "subhead": sub}.get(kind, 0))
            prev = role
    return label


_LATIN_SPACE = re.compile(r"[^\x00-\x7f] +[0-9A-Za-z]|[0-9A-Za-z%] +[^\x00-\x7f]")


class _Geometry:
    """The composer's accounting of one page's paragraph lines: the room each took."""

    def __init__(self, raws: list[str], exp: dict, width: float) -> None:
        self.width = width
        self.raws = raws
        roles = sorted(exp["roles"].items())
        self.role = dict(roles)
        # a paragraph's lines; spaced when its unjustified lines set Latin runs off by spaces
        self.para_of: dict[int, list[int]] = {}
        cur: list[int] = []
        for no, role in roles:
            if role == "first":
                cur = [no]
            if role in ("first", "body"):
                if role == "body":
                    cur.append(no)
                self.para_of[no] = cur
        self.last_no = max((no for no, r in roles if r in ("first", "body")), default=0)
        self.byline_inline = exp["byline"] and not any(r in ("byline", "author")
                                                        for _, r in roles)

    def compact(self, no: int) -> str:
        raw = self.raws[no - 1]
        if self.byline_inline and no == self.last_no:
            raw = re.sub(r"\s*（[^（）]*）\s*$", "", raw)
        return "".join(raw.split())

    def justified(self, no: int) -> bool:
        return clean_line(self.raws[no - 1], "\ue000")[1]

    def spaced(self, no: int) -> bool:
        return any(_LATIN_SPACE.search(self.raws[k - 1]) and not self.justified(k)
                   for k in self.para_of[no])

    def units(self, no: int) -> list[float]:
        spaced = self.spaced(no)
        return [_width(u) + (0.5 if spaced and u[:1].isascii() and u[:1].isalnum() else 0.0)
                for u in _units(self.compact(no))]

    def used(self, no: int) -> float:
        return sum(self.units(no))

    def head(self, no: int) -> float:
        units = self.units(no)
        return units[0] if units else 0.0

    def side(self, no: int) -> bool:
        """A line of a narrow side column (no full line of the main column is this narrow)."""
        return any(self.used(k) <= SIDE_MAX_WIDTH for k in self.para_of[no][:-1])

    def next_in_para(self, no: int) -> int | None:
        para = self.para_of[no]
        k = para.index(no)
        return para[k + 1] if k + 1 < len(para) else None

    def undecidable(self, a: int, b: int, expected_break: bool) -> bool:
        """Do lines ``a`` and ``b`` (paragraph lines, ``a`` ending a sentence) read the same with
        and without a paragraph break between them (see the comment above)?"""
        if not ends_sentence(self.compact(a)) or self.side(a) or self.side(b):
            return False
        w = self.width
        if expected_break:
            cap_a = w - INDENT if self.role[a] == "first" else w
            c = self.next_in_para(b)
            return (self.used(a) + self.head(b) > cap_a + FIT_EPSILON
                    and not self.justified(b)
                    and (c is None or self.used(b) + self.head(c) > w + FIT_EPSILON))
        return self.used(b) <= w - INDENT + FIT_EPSILON


def why_missed(page: str, expected: list[dict], width: float, want: list[tuple],
               parsed: list[tuple], plabel: dict[int, tuple]) -> list[tuple[bool, list[str]]]:
    """For each missed article: (undecidable, its differences)."""
    raws = page.split("\n")
    elabel = expected_labels(expected)
    out = []
    for k, (w, exp) in enumerate(zip(want, expected, strict=True)):
        if w in parsed:
            continue
        geo = _Geometry(raws, exp, width)
        nos = sorted(exp["roles"])
        diffs: list[tuple[str, bool]] = []  # (class, undecidable)
        for no in nos:
            e, p = elabel[no], plabel.get(no)
            if p is None or e[1] != p[1]:
                diffs.append((f"{e[1]}->{p[1] if p else 'lost'}", False))
        # boundaries inside the article and at its two ends
        pairs = list(itertools.pairwise(nos))
        printed = sorted(elabel)
        at = printed.index(nos[0])
        if at:
            pairs.insert(0, (printed[at - 1], nos[0]))
        at = printed.index(nos[-1])
        if at + 1 < len(printed):
            pairs.append((nos[-1], printed[at + 1]))
        for a, b in pairs:
            ea, eb, pa, pb = elabel[a], elabel[b], plabel.get(a), plabel.get(b)
            if pa is None or pb is None or (ea[1], eb[1]) != (pa[1], pb[1]):
                continue  # a kind difference, counted above
            same_e, same_p = ea == eb, pa == pb
            if same_e == same_p and (ea[0] == eb[0]) == (pa[0] == pb[0]):
                continue
            if (ea[0] == eb[0]) != (pa[0] == pb[0]):
                diffs.append(("article-" + ("split" if ea[0] == eb[0] else "join"), False))
            elif ea[1] == "para":
                und = geo.undecidable(a, b, expected_break=not same_e) if (
                    a in geo.para_of and b in geo.para_of) else False
                diffs.append(("para-" + ("join" if same_p else "split"), und))
            else:
                diffs.append((f"{ea[1]}-" + ("join" if same_p else "split"), False))
        if not diffs:
            diffs.append(("text", False))
        undecidable = all(u for _, u in diffs)
        out.append((undecidable, [c + ("?" if u else "") for c, u in diffs]))
    return out


def _distance(a: tuple, b: tuple) -> int:
    return sum(x != y for x, y in zip(a, b, strict=True))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, default=200, help="pages per layout")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--layouts", default=",".join(LAYOUTS))
    ap.add_argument("--show", type=int, default=0, help="print the first misses per layout")
    ap.add_argument("--why", action="store_true",
                    help="classify each missed article: undecidable (only boundaries that read "
                         "the same both ways) or decidable; print the ceiling per layout and the "
                         "decidable differences by class")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--latin-spaces", choices=["always", "between"], default="always",
                    help="how the composer spaces Latin runs (compose.PageForm): 'always' "
                         "charges room for spaces it does not print at line edges and next to "
                         "punctuation; 'between' only between a run and an ideograph")
    args = ap.parse_args(argv)
    results = []
    print(f"{'layout':<14}{'pages':>7}{'exact':>9}{'articles':>10}{'exact':>9}{'unconserved':>13}")
    for layout in args.layouts.split(","):
        res = measure(layout, args.pages, args.seed, args.show, args.latin_spaces, args.why)
        results.append(res)
        print(f"{layout:<14}{res['pages']:>7}{res['pages_exact']:>9.1%}{res['articles']:>10}"
              f"{res['articles_exact']:>9.1%}{res['not_conserved']:>13}", flush=True)
    if args.why:
        print(f"\n{'layout':<14}{'missed':>8}{'undecidable':>13}{'decidable':>11}{'ceiling':>9}"
              "  decidable differences (articles with each)")
        for res in results:
            print(f"{res['layout']:<14}{res['missed']:>8}{res['undecidable']:>13}"
                  f"{res['decidable']:>11}{res['ceiling']:>9.1%}  {res['classes']}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
