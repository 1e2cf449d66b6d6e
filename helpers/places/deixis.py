"""What an article's words point at without naming it: datelines and 我县 / 本市 / 全县.

- A *dateline* (新华网长沙9月5日电, 本报长沙讯, 湖南日报·新湖南客户端9月5日讯, each optionally
  followed by a bracket of reporters) says where the reporter filed from, not what the report is
  about: ``mask_dateline`` blanks it (same length, so offsets keep) before mentions are weighed.
- *Deixis* (我县, 本县, 全县, 该县, an unnamed 县委 / 县政府, an organ printed with its level alone
  such as 县环保局) refers to a unit of its level character (县 for 洞口县, 市 for 宁乡市 or
  邵阳市, 区 for a district or a zone).  First-person forms (我, 本) refer to the newspaper's own
  unit, the ``home`` of ``locate_article``; the others to the nearest unit of that level named
  before them (全县 after 澧县 is 澧县's), else to ``home``, else to the one unit of that level the
  article names further on (县委书记 opening a report that names one county later).  Otherwise
  the referent is unknown, and ``locate_article`` never guesses it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from helpers.places.agency import organs
from helpers.places.gazetteer import Place, load_gazetteer

__all__ = ["Deixis", "caption_last", "find_deixis", "level_char", "mask_dateline", "referents"]

#: A dateline at the start of a text: up to ``_DATELINE_HEAD`` characters of agency or paper
#: name and place, then a date (9月5日) or 本报/本台/本网, then up to 12 more, ending in 电, 讯 or
#: 报道, optionally followed by a bracket (（记者 张三 通讯员 李四）).  The date or 本报 is
#: required so that an ordinary first clause ending in 电 (供电) is not taken.
_DATELINE_HEAD = 30
DATELINE = re.compile(
    rf"^\s*(?:[【\[（(]?[^，。！？\n]{{0,{_DATELINE_HEAD}}}?"
    r"(?:\d{1,2}月\d{1,2}日|本报|本台|本网|本刊)"
    r"[^，。！？\n]{0,12}?(?:电|讯|报道))(?:\s*[（(][^）)\n]{0,60}[）)])?"
)
#: Deictic forms: a determiner + a level character (我县, 本市, 全区, 该旗), or the unnamed party
#: committee and government (县委, 县政府, 县人民政府) of that level.
DEIXIS = re.compile(r"(?P<det>[我本全该])(?P<lvl>[县市区旗州])|(?P<lvl2>[县市区旗州])(?:委|人民政府|政府)")
#: Level characters of organs that stand for their unit when printed without a place name:
#: 县环保局 in a county paper is the county's bureau, 省纪委 the province's commission.
BARE_ORGAN_LEVELS = "省市县区州旗"
#: A form after 各 (each) or next to another level character (县市区, 各县市) names many units,
#: a form before 级 (县级) a level: neither refers to one unit.
PLURALS = "各"
LEVEL_CHARS = "省市县区州旗"
#: Level characters whose forms may refer to a unit named only further on (县委书记 opening a
#: report that names one county later): a county's own organs.  全市 / 全省 in a county report
#: are its surroundings, never the one city or province it names.
FORWARD_LEVELS = "县区旗"
#: Determiners that make the form first person: the newspaper's own unit, whatever else is named.
FIRST_PERSON = "我本"
#: The level character of a county: a county-level city or district that was a county (子长县 ->
#: 子长市 in 2019) is what its own paper's 我县 meant before the change.
FORMER_COUNTY = "县"


@dataclass(frozen=True)
class Deixis:
    """A deictic form: where (in the headline or the body), its level character, and whether it
    is first person (我县, 本市: always the newspaper's own unit)."""

    start: int
    end: int
    level_char: str
    first_person: bool
    headline: bool


def mask_dateline(text: str) -> str:
    """``text`` with a leading dateline blanked by spaces (offsets unchanged)."""
    m = DATELINE.match(text)
    if m is None:
        return text
    return " " * m.end() + text[m.end():]


#: A photo caption ends with its photographer's credit: a short name (记者 某某, two names,
#: ``MAX_CREDIT`` characters at most) and 摄, in brackets or not.
MAX_CREDIT = 12
_CREDIT = re.compile(rf"(?:^|[。.！!\s（(])[^。\n]{{1,{MAX_CREDIT}}}摄[)）]?\s*$")


#: Where an article's first sentence ends: a full stop, a question or exclamation mark, or the
#: end of its first paragraph line.
_FIRST_SENTENCE_END = re.compile(r"[。！？\n]")


def first_sentence(text: str) -> tuple[str, int]:
    """The article's first sentence (its lead: who visits, who reports) and where it starts in
    ``text`` (after leading blanks), so spans found in it map back onto ``text``."""
    body = text.lstrip()
    return _FIRST_SENTENCE_END.split(body, maxsplit=1)[0], len(text) - len(body)


def caption_last(text: str) -> str:
    """``text`` with a leading photo caption (某区启动某工程。某某 摄) moved to the end: a picture's
    caption printed before the report is not its lead paragraph, which the first paragraph's
    weight is for (a regional paper's report on a city opens with a photo of one county)."""
    first, newline, rest = text.lstrip().partition("\n")
    if not newline or not rest.strip() or _CREDIT.search(first) is None:
        return text
    return rest + "\n" + first


def find_deixis(text: str, named_spans: list[tuple[int, int]], headline: bool) -> list[Deixis]:
    """Deictic forms in ``text``: 我县, 全县, an unnamed 县委, and organs named by their level
    alone (县环保局, 市公安局: the county's, the city's).  A form that is the end of a named unit
    (洞口县委, 湘阴县民政局) is not one."""
    out: dict[int, Deixis] = {}
    for m in DEIXIS.finditer(text):
        det = m["det"] or ""
        out[m.start()] = Deixis(m.start(), m.end(), m["lvl"] or m["lvl2"],
                                bool(det) and det in FIRST_PERSON, headline)
    for start, end, organ in organs(text):
        if organ[0] in BARE_ORGAN_LEVELS:
            out.setdefault(start, Deixis(start, end, organ[0], False, headline))
    inside = _Spans(named_spans)
    return [d for pos, d in sorted(out.items()) if not inside(pos) and not _plural(text, d)]


class _Spans:
    """Is a position inside one of a set of non-overlapping spans?  (log n per question)"""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self._spans = sorted(spans)
        self._starts = [s for s, _e in self._spans]

    def __call__(self, pos: int) -> bool:
        i = bisect.bisect_right(self._starts, pos) - 1
        return i >= 0 and pos < self._spans[i][1]


def _plural(text: str, d: Deixis) -> bool:
    """各县 / 县市区 / 县市纪委 / 县级纪委: many units of a level, or the level itself, not one."""
    if text[d.start] != d.level_char:  # 全县, 我市: a determiner makes it one unit
        return False
    before = text[d.start - 1:d.start] if d.start else ""
    after = text[d.start + 1:d.start + 2]
    return before in PLURALS or (before != "" and before in LEVEL_CHARS) or (
        after in LEVEL_CHARS or after == "级")


def level_char(name: str) -> str:
    """The character deixis uses for a unit: the last of its name (洞口县 -> 县, 邵阳市 -> 市;
    湘西土家族苗族自治州 -> 州; 正蓝旗 -> 旗; 湖南省 -> 省; a zone 邵阳经济技术开发区 -> 区)."""
    return name[-1:] if name else ""


def referents(forms: list[Deixis], named: list[tuple[bool, int, str, Place]],
              home: Place | None) -> list[tuple[Deixis, Place | None]]:
    """What each form refers to: first person -> ``home`` (of the form's level; without a home,
    the only county-level unit of that level character the article names); otherwise the
    nearest unit of that level named before it (全县 after 澧县 is 澧县), else ``home``, else the
    only unit of that level the article names (further on).  None
    when nothing fits (no home given, or a home of another level): the referent is unknown.
    ``named`` holds (in headline, position, printed name, place): the printed name gives the
    level character (淮阳县, a former name of 淮阳区, is followed by 该县)."""
    order = sorted(((_reading_order(in_head, pos), _printed_level(printed, p), p)
                    for in_head, pos, printed, p in named), key=lambda t: t[0])
    last: dict[str, Place] = {}  # the latest unit named so far, per level character
    only: dict[str, set[Place]] = {}  # every unit named, per level character
    for _o, lvl, p in order:
        only.setdefault(lvl, set()).add(p)
    i = 0
    out = []
    for d in sorted(forms, key=lambda f: _reading_order(f.headline, f.start)):
        here = _reading_order(d.headline, d.start)
        while i < len(order) and order[i][0] < here:
            last[order[i][1]] = order[i][2]
            i += 1
        fits_home = home if home is not None and level_char(home.name) == d.level_char else None
        if fits_home is None and home is not None:
            # 我市 on a county's or district's site (a city paper's story it carries): its city
            fits_home = _home_city(home, d.level_char)
        if d.first_person:
            if (fits_home is None and home is not None and home.level == "county"
                    and d.level_char == FORMER_COUNTY):
                fits_home = home  # 我县 in the paper of a county made a city or district since
            named_only = only.get(d.level_char, set())
            if (home is None and len(named_only) == 1 and d.level_char in FORWARD_LEVELS):
                # no home given (an anonymous copy): 我县 is the one county the text names
                fits_home = next(iter(named_only))
            out.append((d, fits_home))
            continue
        later = only.get(d.level_char, set())
        ahead = (next(iter(later)) if fits_home is None and len(later) == 1
                 and d.level_char in FORWARD_LEVELS else None)
        out.append((d, last.get(d.level_char, fits_home or ahead)))
    return out


def _home_city(home: Place, lvl: str) -> Place | None:
    """The prefecture-level city of a county-level ``home`` when ``lvl`` is its level character
    and not the home's own (我市 on 周宁县's site is 宁德市; on 宁乡市's it is 宁乡市 itself)."""
    if home.level not in ("county", "zone") or not home.prefecture or level_char(
            home.name) == lvl or level_char(home.prefecture) != lvl:
        return None
    return next((p for p in load_gazetteer().full.get(home.prefecture, ())
                 if p.level == "prefecture" and p.province == home.province), None)


def _printed_level(printed: str, place: Place) -> str:
    """The level character a unit is referred back to by: its printed name's (淮阳县, a former
    name of 淮阳区, is followed by 该县), or its own when printed by a short name without an
    ending (哈尔滨副市长…全市: 哈尔滨市)."""
    last = level_char(printed)
    return last if last in LEVEL_CHARS else level_char(place.name)


def _reading_order(headline: bool, pos: int) -> tuple[int, int]:
    """The headline is read before the body."""
    return (0 if headline else 1, pos)
