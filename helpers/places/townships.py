"""Townships: the 乡, 镇, 街道 (and 苏木) of each county, from jionlp's detailed tree.

``jionlp.china_location_loader(detail=True)`` lists, under each county-level unit, its
township-level units (no codes).  Township names repeat across counties (城关镇 is in dozens), so
a township is only ever looked for inside the county an article has been resolved to.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from pathlib import Path

from helpers import config
from helpers.places import gazetteer
from helpers.places.deixis import DEIXIS, first_sentence, level_char
from helpers.places.gazetteer import (
    Place,
    _children,
    _jionlp_key,
    jionlp_detail_tree,
    load_gazetteer,
)
from helpers.text.stored import load_stored, stored_key
from helpers.text.tokenizing import tokenize

__all__ = ["TOWNSHIP_ENDINGS", "all_township_names", "find_township", "speaks_as_town", "townships_of",
           "unique_township", "with_addressed"]

#: The endings of township-level units: 镇 (town), 乡 (township; 民族乡 too), 街道 (urban
#: subdistrict) and 苏木 (Inner Mongolia's township).  jionlp's list also holds farms, prisons and
#: forestry bureaus under a county; those are not the townships reports are about.
TOWNSHIP_ENDINGS = ("镇", "乡", "街道", "苏木")


def _detail_tree() -> dict:
    """jionlp's tree with townships, kept between kernels by the gazetteer (read only here)."""
    return jionlp_detail_tree()


@functools.lru_cache(maxsize=1)
def _index() -> dict[tuple[str, str | None, str], tuple[str, ...]]:
    """(province, prefecture, county) -> the county's township names, kept between kernels in
    ``config.BUILT_CACHE`` under the key of jionlp's files, the gazetteer's and this module's
    source: a notebook's first article then reads a small table instead of jionlp's tree with
    its villages (~0.05 s against ~0.9 s; the villages are read when a report needs them)."""
    key = stored_key("townships", _jionlp_key(), Path(__file__).read_bytes(),
                     Path(gazetteer.__file__).read_bytes(), config.CHANGES_EXTRA.read_bytes())
    return load_stored("townships", key, _build_index)


def _build_index() -> dict[tuple[str, str | None, str], tuple[str, ...]]:
    """``_index`` built from jionlp's detailed tree."""
    gaz = load_gazetteer()
    out: dict[tuple[str, str | None, str], tuple[str, ...]] = {}
    for prov in _detail_tree().values():
        for city in _children(prov).values():
            for county in _children(city).values():
                names = tuple(t for t in _children(county) if t.endswith(TOWNSHIP_ENDINGS))
                # a prefecture-level city without counties lists its towns under a pseudo county
                # ("市直辖"): they are the city's own
                unit, level = ((city["_full_name"], "prefecture") if _NO_COUNTIES in
                               county["_full_name"] else (county["_full_name"], "county"))
                for place in gaz.full.get(unit, ()):
                    if place.province == prov["_full_name"] and place.level == level:
                        out.setdefault((place.province, place.prefecture, place.name), names)
    return out


@functools.lru_cache(maxsize=1)
def _zone_index() -> dict[tuple[str, str, str], tuple[str, ...]]:
    """(province, prefecture, zone) -> the township names jionlp lists under a zone it lists at
    county level (division code digit 5 is 7), kept like ``_index``: a zone's own street office
    reports as a county's township does."""
    key = stored_key("zone_townships", _jionlp_key(), Path(__file__).read_bytes(),
                     Path(gazetteer.__file__).read_bytes())
    return load_stored("zone_townships", key, _build_zone_index)


def _build_zone_index() -> dict[tuple[str, str, str], tuple[str, ...]]:
    """``_zone_index`` built from jionlp's detailed tree (zones under a municipality or a
    province's directly administered units have no prefecture and are left out, as in
    ``helpers.places.zones``)."""
    out: dict[tuple[str, str, str], tuple[str, ...]] = {}
    for prov in _detail_tree().values():
        for city in _children(prov).values():
            if "直辖" in city["_full_name"]:
                continue
            for county in _children(city).values():
                if county["_admin_code"][4] != _ZONE_CODE_DIGIT:
                    continue
                names = tuple(t for t in _children(county) if t.endswith(TOWNSHIP_ENDINGS))
                if names:
                    out[(prov["_full_name"], city["_full_name"], county["_full_name"])] = names
    return out


#: The fifth digit of a county-level division code that marks a functional zone.
_ZONE_CODE_DIGIT = "7"
#: jionlp's pseudo county under a prefecture-level city without counties (中山市, 东莞市).
_NO_COUNTIES = "市直辖"


@functools.lru_cache(maxsize=1)
def _county_nodes() -> dict[tuple[str, str | None, str], list[dict]]:
    """(province, prefecture, county) -> the county's nodes in jionlp's detailed tree (a city
    without counties: its pseudo county's)."""
    gaz = load_gazetteer()
    out: dict[tuple[str, str | None, str], list[dict]] = {}
    for prov in _detail_tree().values():
        for city in _children(prov).values():
            for county in _children(city).values():
                unit, level = ((city["_full_name"], "prefecture") if _NO_COUNTIES in
                               county["_full_name"] else (county["_full_name"], "county"))
                for place in gaz.full.get(unit, ()):
                    if place.province == prov["_full_name"] and place.level == level:
                        out.setdefault((place.province, place.prefecture, place.name),
                                       []).append(county)
    return out


@functools.lru_cache(maxsize=256)
def villages_of(county: Place) -> dict[str, str]:
    """The villages (村, 社区, 嘎查...) of a county's townships, each with its township, from
    jionlp's detailed tree; a village name found under two townships of the county is left out
    (it points to neither)."""
    owners: dict[str, set[str]] = {}
    for node in _county_nodes().get((county.province, county.prefecture, county.name), ()):
        for town, town_node in _children(node).items():
            if town.endswith(TOWNSHIP_ENDINGS):
                for village in _children(town_node):
                    owners.setdefault(village, set()).add(town)
    return {v: next(iter(t)) for v, t in sorted(owners.items()) if len(t) == 1}


@functools.lru_cache(maxsize=1)
def all_township_names() -> frozenset[str]:
    """Every township name of every county (the names repeat: 城关镇 is in dozens)."""
    return frozenset(name for names in _index().values() for name in names)


def townships_of(county: Place) -> tuple[str, ...]:
    """The township names of a county-level unit, or of a prefecture-level city without counties
    (its towns are directly under it), or of a zone jionlp lists at county level with streets of
    its own (威海火炬高技术产业开发区's 怡园街道); empty for anything else."""
    if county.level == "zone":
        return _zone_index().get((county.province, county.prefecture, county.name), ())
    if county.level not in ("county", "prefecture"):
        return ()
    return _index().get((county.province, county.prefecture, county.name), ())


@functools.lru_cache(maxsize=4096)
def township_pattern(county: Place) -> re.Pattern[str] | None:
    """A pattern finding the county's township names, longest first (None without any)."""
    names = townships_of(county)
    if not names:
        return None
    return re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))


#: Forms that refer back to the township an article is about.
_TOWNSHIP_DEIXIS = re.compile(r"(?:全|该|本|我)(?:镇|乡|街道)|(?:镇|乡)(?:党委|政府)|街道党工委"
                              r"|(?<![城乡村市县区])(?:镇|乡)(?:上|干部|(?:相关)?负责人)")


#: A sanction a discipline commission decides (处分, 通报批评, 问责, 诫勉谈话, 免职).
_SANCTION = re.compile(r"处分|通报批评|问责|诫勉|免职")
#: A township's own organs or leaders as the ones sanctioned: the township's name (or 该镇) with
#: its party committee, government or head (某乡党委、政府, 该镇党委书记、镇长).
_TOWN_ORGAN_TAIL = r"(?:党委|政府|人民政府|党工委|办事处|镇长|乡长|主任)"


def _organs_sanctioned(town: str, text: str) -> bool:
    """Is the one township named a discipline report's target: a sanction decided and the
    township's own organs or leaders (某乡党委、政府, 该镇党委书记) named?  The county's discipline
    commission acts, but the report is on that town's leadership, so the town's (set 5's
    reading of a 通报 on one township's party committee); a village official of the town alone
    sanctioned keeps the county's count."""
    if _SANCTION.search(text) is None:
        return False
    level = town[-2:] if town.endswith("街道") else town[-1]
    return re.search(rf"(?:{re.escape(town)}|该{level}){_TOWN_ORGAN_TAIL}", text) is not None


def find_township(county: Place, headline: str, text: str, county_refs: int,
                  printed: frozenset[str] = frozenset()) -> str | None:
    """The township of ``county`` an article is about, or None (see ``_find_township``); a
    township printed in a variant form (双新街) is reported by its name (``_variant_forms``)."""
    town = _find_township(county, headline, text, county_refs, printed)
    return (_variant_forms(county, headline + "\n" + text).get(town, town) if town is not None
            else None)


def _find_township(county: Place, headline: str, text: str, county_refs: int,
                   printed: frozenset[str] = frozenset()) -> str | None:
    """The township of ``county`` an article is about, or None.

    The headline names exactly one of the county's townships (高沙镇：...; in a lead before a
    colon also without its ending, 高沙：); or else one township of the county is referred to
    more often than any other and more often than the county itself (``county_refs``: its names
    and the deixis pointing at it, less the names that are only the township's address,
    洞口县|高沙镇).  A township named once is thus a setting (家住某镇的张某) whenever the county
    is referred to on its own, and a photo caption on one town stating a county-wide fact stays
    the county's.  (A minimum of two references, once required, decided nothing this comparison
    does not: a single reference beats the county only when the county has none.)

    A village printed after its township (某镇某某村) and named on its own at least as often as
    the county is referred to makes the report the village's, so the township's
    (``_village_repeats``); a tour passing through a village, in a report naming its county
    as often, stays the county's.

    An article speaking of the county as a whole (``county_wide``), or whose headline names the
    county and none of its townships (某县见闻: the body's town is an example), is the county's.  Besides
    jionlp's townships, a name printed directly after the county's name (``printed``: the
    county's names as the article prints them) and ending in 镇/乡/街道 is the county's township
    (垦利县下镇乡: a township merged away since, which jionlp's current list lacks).
    """
    # a township printed after the county in the headline only (某市某县某乡“村官”…, the body
    # naming it alone) is an address as in the body
    pattern = with_addressed(county, headline + "\n" + text, printed)
    if pattern is None:
        return None
    named = (set(pattern.findall(headline)) or _short_lead(county, headline)
             or _headline_stem(county, headline, text, printed))
    visited = None if named else _lead_visit(county, pattern, headline, text)
    if named and _beside_town_area(named, headline):
        return None
    if not named and visited is None and _county_visited(printed, text):
        return None
    # a station the first sentence names acts for its town even under a headline naming only the
    # county (某县干部村民齐参与…: 某县公安局某某派出所采取…): a paper's summary of the town's work
    lead_station = _lead_station(county, text) if not named and visited is None else None
    if lead_station is not None and not county_wide(county, headline, text, printed):
        return lead_station
    if not named and visited is None and (county_wide(county, headline, text, printed)
                                          or _named_beyond_titles(headline, printed)):
        return None
    if len(named) == 1:
        return named.pop()
    if named:
        return None
    found = list(pattern.finditer(text))
    # a township printed in two forms (某某满族乡 and 某某乡) is one township, counted once
    variants = _variant_forms(county, headline + "\n" + text)
    counts = Counter(variants.get(m.group(), m.group()) for m in found)
    if not counts:
        return _township_of_villages(county, text)
    if visited is not None and _only_stop(variants.get(visited, visited), counts):
        return visited
    station = _lead_station(county, text)
    if station is not None:
        return station
    if _spread(counts):
        return None
    villages = [name for name in counts
                if (repeats := _village_repeats(name, text)) and repeats >= county_refs]
    if len(villages) == 1:
        return villages[0]
    if _tour(counts):
        return None
    (top, n), *rest = counts.most_common()
    if rest and rest[0][1] == n:
        return None
    if not rest and _organs_sanctioned(top, text):
        return top
    county_refs = max(0, county_refs - sum(_after_county(county, text, m.start(), printed)
                                           for m in found
                                           if variants.get(m.group(), m.group()) == top)
                      - _in_titles(text, printed) - _station_addresses(text, printed)
                      - _deferring(county, text))
    refs = n + (len(_TOWNSHIP_DEIXIS.findall(text)) if not rest else 0) + _station_refs(
        top, variants, text)
    return top if refs > county_refs else None


def speaks_as_town(county: Place, headline: str, text: str, county_refs: int,
                   printed: frozenset[str] = frozenset()) -> bool:
    """Does the article speak as one town of ``county`` that it never names (我镇, 全镇, 镇党委
    at least ``MIN_OWN_DEIXIS`` times: a town's own meeting on the county's site), with no
    reference to the county itself and no township of it named?  The report is then a town's,
    its name unknown."""
    if county_refs or _own_township_kind(headline, text) is None:
        return False
    pattern = with_addressed(county, headline + "\n" + text, printed)
    return pattern is None or pattern.search(headline + "\n" + text) is None


#: A visit in the lead: someone going to (到, 赴, 前往, 来到, 深入, 走进, 莅临) a place to look at
#: its work (调研, 检查, 督查, 视察...), within one sentence (a comma may part the place from the
#: looking: 来到某街道某社区，督查…).
LEAD_VISIT = re.compile(r"(?:前往|来到|深入(?:到)?|赴|到|走进|莅临)(?P<site>[^。！？；\n]{2,30}?)"
                        r"(?:调研|检查|考察|视察|督导|督查|暗访|走访|慰问|踏勘|现场办公)")


def _lead_visit(county: Place, pattern: re.Pattern[str], headline: str, text: str
                ) -> str | None:
    """The township the first sentence sends its visitors to (县长深入到某镇检查…, 省领导到我市某区
    某镇检查…): the one township of the county named at the place of the first visit.  Whoever
    comes (a county head, a province's leaders, a college's delegation), the report tells what
    they saw in that town: the town's report, even under a headline naming the county they came
    to or a demand addressed to the county's units (某县各项目).  Not when the article speaks of
    the county as a whole (全县, ``WHOLE``): the visit then opens a county-wide report."""
    if county.name and WHOLE + county.name[-1] in headline + text:
        return None
    first, _ = first_sentence(text)
    m = LEAD_VISIT.search(first)
    if m is None:
        return None
    towns = set(pattern.findall(m["site"]))
    return towns.pop() if len(towns) == 1 else None


#: The county seat's urban area as a site of its own (县城, 城区): a headline naming it beside a
#: township (督查城区及某镇防汛工作) names two sites of the county.
TOWN_AREA = r"(?:县城区|县城|城区)"
_AND = r"(?:及|和|与|、)"


def _beside_town_area(named: set[str], headline: str) -> bool:
    """Does the headline name its township beside the county seat's urban area?"""
    return any(re.search(TOWN_AREA + _AND + re.escape(t) + "|" + re.escape(t) + _AND + TOWN_AREA,
                         headline) for t in named)


def _county_visited(printed: frozenset[str], text: str) -> bool:
    """Does the first sentence send its visitors to the county by name (省领导到某县调研)?  What
    they saw there, in one town or more, is the county's report."""
    first, _ = first_sentence(text)
    m = LEAD_VISIT.search(first)
    return m is not None and any(m["site"].strip().endswith(p) for p in printed)


def _only_stop(town: str, counts: Counter) -> bool:
    """Is ``town`` named more often than any other township of the county, and no tour?"""
    (top, n), *rest = counts.most_common()
    return top == town and not (rest and rest[0][1] == n) and not _tour(counts)


#: Shortest village name (村 included) looked for on its own: two-character names (新村, 东村)
#: are words as often as names.
MIN_VILLAGE_CHARS = 3
#: Villages of one township the article must name, with no township named, for the report to be
#: that township's: one village is a setting or an example, two or more of the same town (and of
#: no other) are where the report went.
MIN_VILLAGES = 2


def _township_of_villages(county: Place, text: str) -> str | None:
    """The township whose villages the article names (``MIN_VILLAGES`` of them, each the name of a
    village in only one township of the county per jionlp's tree, all in the same township),
    when it names no township of the county: a town's own report says 我镇 and names its
    villages (县长深入我镇…来到桃园村、西坡村), a police station's names the villages of its area
    (派出所在辖区东河村、三新村…)."""
    named = {village: town for village, town in villages_of(county).items()
             if len(village) >= MIN_VILLAGE_CHARS and village in text}
    towns = set(named.values())
    return towns.pop() if len(named) >= MIN_VILLAGES and len(towns) == 1 else None


#: A township named this often is a stop of the report, not a passing setting: two or more
#: townships of the county named so often each make a tour (a county head's visit to two towns,
#: a meeting held in one town with reports from others), which is the county's report.
MIN_TOUR_MENTIONS = 2


#: Townships of the county an article must name, its headline naming none, to be a report on the
#: county across them: a leader's visit to three towns, a bulletin of cases in five.
MIN_SPREAD = 3
#: ... unless one of them is named this often and more often than all the others together: a
#: town's own report naming the neighbours it borders (东与甲镇、西与乙乡交界).
MIN_DOMINANT = 3


def _spread(counts: Counter) -> bool:
    """Does the article range over the county's townships (``MIN_SPREAD``, none dominant)?"""
    if len(counts) < MIN_SPREAD:
        return False
    (_top, n), *rest = counts.most_common()
    return not (n >= MIN_DOMINANT and n > sum(k for _, k in rest))


def _tour(counts: Counter) -> bool:
    """Are two or more of the county's townships each named ``MIN_TOUR_MENTIONS`` times?"""
    return sum(n >= MIN_TOUR_MENTIONS for n in counts.values()) >= 2


#: Longest stem of a village printed after its township (某镇|某某村): village names are short.
MAX_VILLAGE_STEM = 5


def _village_repeats(township: str, text: str) -> int:
    """How often the article names, on their own, the villages it prints after ``township`` (某镇
    某某村, then 某某村 throughout): a report on one village is its township's, and each later
    mention of the village refers to the township as its address did."""
    villages = set(re.findall(re.escape(township) + rf"([^\W\d_]{{2,{MAX_VILLAGE_STEM}}}?村)", text))
    return sum(text.count(v) - text.count(township + v) for v in villages)


def _after_county(county: Place, text: str, start: int, printed: frozenset[str] = frozenset()
                  ) -> bool:
    """Is the county named directly before ``start`` (洞口县|高沙镇)?  Such a county name is the
    township's address, not a reference to the county of its own: a caption on one village of a
    town (城步苗族自治县某镇某村的村民...) names the county only there."""
    gaz = load_gazetteer()
    return any(text.startswith(p, start - len(p)) for p in printed if len(p) <= start) or any(
        county in gaz.lookup(text[start - k:start]) for k in range(2, min(start, gaz._longest) + 1))


#: An official's title after the county's name (某县委书记, 某县县长, 某县人大常委会主任): the
#: county named there says who came, not what the report is about — a county head's visit to one
#: town is that town's report.
_TITLE_AFTER = re.compile(r"(?:县|区|市|旗)?(?:委(?:副|常委)?书记|委常委|委副书记|长|副县长|副区长|"
                          r"副市长|人大常委会(?:副)?主任|政协(?:副)?主席)")


def _named_beyond_titles(headline: str, printed: frozenset[str]) -> bool:
    """Does the headline name the county other than in an official's title (某县见闻, not
    某县县长到某镇检查)?"""
    return any(not _TITLE_AFTER.match(headline, m.end())
               for name in printed for m in re.finditer(re.escape(name), headline))


def _in_titles(text: str, printed: frozenset[str]) -> int:
    """How many of the county's printed names in ``text`` begin an official's title."""
    return sum(1 for name in printed for m in re.finditer(re.escape(name), text)
               if _TITLE_AFTER.match(text, m.end()))


#: The county as a whole: 全县 (全 + the county's level character) in the headline, or the
#: county's printed name followed by 各 (某县各地, 某县各乡镇) anywhere.  A report that speaks of
#: the whole county is the county's, whichever town its pictures were taken in.
WHOLE = "全"
EACH = "各"


#: The townships of the county together (各乡镇, 各镇街, 各街道): a report that addresses them or
#: tells what they did (各乡镇要…, 这一周，各镇街聚焦…) is the county's, whichever town it
#: dwells on.
ALL_TOWNSHIPS = re.compile(EACH + r"(?:乡镇|镇街|镇|乡|街道)")


#: Townships listed as examples of the county's townships (项目分布甲乡、乙镇、丙镇等乡镇): three
#: or more names, then 等 and the word for townships.  The report is on what spreads over them.
TOWNSHIP_LIST = re.compile(r"(?:[^\W\d_、，。]{1,6}?(?:镇|乡|街道)、){2,}[^\W\d_、，。]{1,6}?"
                           r"(?:镇|乡|街道)等(?:\d+个|[一二三四五六七八九十]+个)?(?:乡镇|镇街|镇|乡|街道)")


def county_wide(county: Place, headline: str, text: str, printed: frozenset[str]) -> bool:
    """Does the article speak of the county as a whole (see ``WHOLE``, ``ALL_TOWNSHIPS``,
    ``TOWNSHIP_LIST``)?"""
    if county.name and WHOLE + county.name[-1] in headline:
        return True
    if _townships_together(headline) or _townships_together(text):
        return True
    return any(name + EACH in source for name in printed for source in (headline, text))
#: Longest stem of a township printed after its county's name that jionlp does not list (下镇乡):
#: township names are short; a longer stretch is a phrase.
MAX_ADDRESSED_STEM = 3
# 乡 before 村 is the word 乡村 (某县调研乡村振兴), not a township's ending; 乡镇 is the word for
# townships (某县各乡镇, 某县五个乡镇), and a stem opening with a quantifier (各, 全, 所, 多, 几,
# 部分) counts townships, names none; 城乡 (某县城乡环境整治) is the word for town and country.
_ADDRESSED = (rf"(?![各全所多几诸]|部分|城乡)[^\W\d_]{{1,{MAX_ADDRESSED_STEM}}}"
              r"(?:(?<!乡)镇|乡(?![村镇])|街道)")


#: How many (county, text) answers of ``with_addressed`` and ``_variant_forms`` are kept: one
#: article asks each several times for the same county and text (its township, the township's
#: support, the starts of its townships), the next article asks anew.
TEXTS_KEPT = 32


#: The endings a township listed before 、 is printed with: every ``TOWNSHIP_LIST`` match opens
#: with one of them followed by 、.
_LISTED_ENDINGS = tuple(end + "、" for end in ("镇", "乡", "街道"))


@functools.lru_cache(maxsize=TEXTS_KEPT)
def _townships_together(text: str) -> bool:
    """Does ``text`` address the townships together (``ALL_TOWNSHIPS``) or list some as examples
    (``TOWNSHIP_LIST``)?  Asked once per text, not per candidate county (issue 16); the list's
    pattern only runs on a text that prints a township ending before 、."""
    if ALL_TOWNSHIPS.search(text):
        return True
    return (any(end in text for end in _LISTED_ENDINGS)
            and TOWNSHIP_LIST.search(text) is not None)


@functools.lru_cache(maxsize=TEXTS_KEPT)
def with_addressed(county: Place, text: str, printed: frozenset[str]) -> re.Pattern[str] | None:
    """The county's township pattern, with the names printed directly after the county's own
    printed names that jionlp does not list (and the ones enumerated with them: 某县甲镇、乙镇)."""
    pattern = township_pattern(county)
    extra = set()
    for name in printed:
        for run in _addressed_runs(name, text):
            for town in run.split("、"):  # 某县甲镇、乙镇: each an address
                # a listed name opening it is that township and a title (某镇镇长)
                if pattern is None or not pattern.match(town):
                    extra.add(town)
    extra |= set(_variant_forms(county, text))
    if not extra:
        return pattern
    return _with_extra(county, frozenset(extra))


#: The names printed after a county's name (``_ADDRESSED``, enumerated with 、), compiled once.
_ADDRESSED_RUN = re.compile(f"{_ADDRESSED}(?:、{_ADDRESSED})*")


def _addressed_runs(name: str, text: str) -> list[str]:
    """The runs of township names printed directly after ``name`` in ``text``: the group
    ``re.finditer(re.escape(name) + f"({_ADDRESSED}(?:、{_ADDRESSED})*)", text)`` gives, found
    by ``str.find`` and one pattern compiled once instead of a pattern compiled per name (its
    class of letters costs about a millisecond to compile; issue 16)."""
    runs = []
    start = text.find(name)
    while start >= 0:
        m = _ADDRESSED_RUN.match(text, start + len(name))
        if m is not None:
            runs.append(m.group())
            start = text.find(name, m.end())  # finditer goes on after its match
        else:
            start = text.find(name, start + 1)
    return runs


@functools.lru_cache(maxsize=256)
def _with_extra(county: Place, extra: frozenset[str]) -> re.Pattern[str]:
    """The county's township names and ``extra``, longest first, as one pattern."""
    names = set(townships_of(county)) | extra
    return re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))


#: Shortest stem (name without its ending) whose variant forms are read: a one-character stem
#: + 乡 or 街 is a word (城乡, 上街).
MIN_VARIANT_STEM = 2


# (the dict is shared between the callers asking for one text: read, never changed)
@functools.lru_cache(maxsize=TEXTS_KEPT)
def _variant_forms(county: Place, text: str) -> dict[str, str]:
    """Forms of the county's townships that ``text`` prints other than jionlp lists them, with
    the name to report: a 镇 printed with 乡 (霍龙门乡 for today's 霍龙门镇) is the township under
    its name before it became a town, reported as printed (names as of the item); a 街道
    printed as 街 (双新街办事处, 到双新街调研) is the 街道 by its everyday short form."""
    out: dict[str, str] = {}
    for town, former, short, stem, bare in _variant_candidates(county):
        # (a town has a former 乡 name or a short 街 name, never both)
        if former is not None and former in text and re.search(
                re.escape(former) + "(?![村镇])", text):
            out[former] = former
        if short is not None and short in text and re.search(re.escape(short) + "(?!道)", text):
            out[short] = town
        if stem is not None and stem in text:
            for m in re.finditer(re.escape(stem) + _CENTRAL + STATION, text):
                out[m.group()] = town
        if bare is not None and bare in text and re.search(
                re.escape(bare) + "(?![村镇])", text):
            out[bare] = town
    police = _police_stations(county, text)
    if len(set(police.values())) == 1:
        out.update({form: town for form, town in police.items() if form[:-3] != town})
    return out


@functools.lru_cache(maxsize=256)
def _variant_candidates(county: Place) -> tuple[tuple[str, str | None, str | None, str | None,
                                                      str | None], ...]:
    """Per township of ``county``, the forms ``_variant_forms`` looks for (None where a rule does
    not apply): its former 乡 name, its short 街 name, its stem before a station, its name without
    its people.  They depend on the gazetteer only, so they are built once per county, not per
    text (issue 16)."""
    out = []
    for town in townships_of(county):
        former = short = None
        if town.endswith("镇") and len(town) - 1 >= MIN_VARIANT_STEM:
            former = town[:-1] + "乡"
        elif town.endswith("街道") and len(town) - 2 >= MIN_VARIANT_STEM:
            short = town[:-1]
        stem: str | None = town[:-2] if town.endswith(("街道", "苏木")) else town[:-1]
        if len(stem) < MIN_VARIANT_STEM or stem in county.name:
            stem = None
        bare = None
        if (ethnic := ETHNIC_TOWNSHIP.fullmatch(town)) is not None and len(
                ethnic.group("stem")) >= MIN_VARIANT_STEM:
            bare = ethnic.group("stem") + ethnic.group("end")
        out.append((town, former, short, stem, bare))
    return tuple(out)


def _police_stations(county: Place, text: str) -> dict[str, str]:
    """The police stations of ``county`` that ``text`` names after a township (云雾山派出所,
    马尼干戈镇派出所), each with its township; empty when stations are listed together
    (``_STATION_LIST``: the county's police at work in several towns)."""
    if POLICE_STATION not in text or _STATION_LIST.search(text):
        return {}
    out: dict[str, str] = {}
    for town in townships_of(county):
        stem = town[:-2] if town.endswith(("街道", "苏木")) else town[:-1]
        if len(stem) < MIN_VARIANT_STEM or stem in county.name or stem.endswith(_ROAD):
            continue
        for form in (town + POLICE_STATION, stem + POLICE_STATION):
            if form in text:
                out[form] = town
                break
    return out


def _lead_station(county: Place, text: str) -> str | None:
    """The township of the one police station of ``county`` the article names, when its first
    sentence names it (某某派出所民警摸黑出发…): the station's report, whichever other town its
    case leads to (CONVENTIONS L-station)."""
    police = _police_stations(county, text)
    if len(set(police.values())) != 1:
        return None
    first, _ = first_sentence(text)
    return next((town for form, town in police.items() if form in first), None)


#: A township's own station of a county bureau, named by the township's stem (槐林市场监管所,
#: 万坊分局): the stem names the township as surely as its full name, and the station's work
#: (its inspections of the town's markets) is the township's.  A stem inside the county's own
#: name is left out (龙岗分局 of a city bureau is the district's).
STATION = r"(?:市场监管所|市场监督管理所|司法所|财政所|分局)"
#: A township's central station serving its neighbours too (某某中心市场监督管理所): still named
#: by, and seated in, that township.
_CENTRAL = r"(?:中心)?"
#: A police station named after a township (某县公安局云雾山派出所) is that township's too
#: (CONVENTIONS L-station: a station's beat is its town), when it is the one station of the
#: county the report names: two stations named after two townships, or stations listed together
#: (甲派出所、乙派出所), make a report on the county's police.  A station named after a road or a
#: street (东风路派出所) names no township, even where a 街道 bears the road's name.
POLICE_STATION = "派出所"
_ROAD = ("路", "街")
_STATION_LIST = re.compile(r"派出所[、和与及][^，。；！？]{0,8}?派出所")
#: A county bureau printed before one of its stations (某县公安局某某派出所, 某县市场监管局某某
#: 分局; a district's branch by its short name, 某某公安分局某某派出所, 某市公安局某某|分局某某派出所):
#: the county's name there is the station's address, as 某县某镇 is the town's.
_STATION_ADDRESS = re.compile(r"(?:公安局|市场监管局|市场监督管理局|司法局|财政局|公安分局|分局)"
                              r"[^\W\d_]{2,6}?(?:派出所|所|分局)")


def _station_refs(town: str, variants: dict[str, str], text: str) -> int:
    """How often ``text`` refers back to the township's police station by the bare word (民警
    把牛牵回派出所, 于是派出所…): the station named once is the report's subject, its later bare
    mentions are references to the same town.  Zero when the town is named through no station."""
    named = [form for form, t in variants.items() if t == town and form.endswith(POLICE_STATION)]
    if not named:
        return 0
    return text.count(POLICE_STATION) - sum(text.count(form) for form in named)


def _station_addresses(text: str, printed: frozenset[str]) -> int:
    """How many of the county's printed names in ``text`` are a township station's address."""
    return sum(1 for name in printed for m in re.finditer(re.escape(name), text)
               if _STATION_ADDRESS.match(text, m.end()))


#: A town doing what the county's organs asked (按照县委、县政府的统一部署, 根据县局工作要求):
#: the organs named there are whom the town obeys, not what the report is about.
_DEFERENCE = re.compile(r"(?:按照|根据|遵照|落实)(?P<organs>[^。！？；，,]{1,30}?)(?:的)?"
                        r"(?:统一|总体|工作|相关|有关)?(?:部署|要求|安排|指示)")


def _deferring(county: Place, text: str) -> int:
    """How many references to the county (its deixis: 县委, 县政府) stand in a phrase of
    deference (``_DEFERENCE``)."""
    lvl = level_char(county.name)
    return sum((d["lvl"] or d["lvl2"]) == lvl for m in _DEFERENCE.finditer(text)
               for d in DEIXIS.finditer(m["organs"]))


#: The peoples whose names ethnic townships carry (某某满族乡, 某某回族镇, 某某苗族瑶族乡).
PEOPLES = ("蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白",
           "土家", "哈尼", "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡",
           "纳西", "景颇", "柯尔克孜", "土", "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬",
           "锡伯", "阿昌", "普米", "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安",
           "裕固", "京", "塔塔尔", "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺")
#: An ethnic township is printed as often without its peoples' names (某某满族乡 as 某某乡): the
#: stem (shortest, so that a people's name is never taken into it), the peoples, the ending.
ETHNIC_TOWNSHIP = re.compile(r"(?P<stem>[^\W\d_]+?)(?:(?:"
                             + "|".join(sorted(PEOPLES, key=len, reverse=True))
                             + r")族)+(?P<end>乡|镇)")


def _short_lead(county: Place, headline: str) -> set[str]:
    """高沙： -> 高沙镇: a headline lead before a colon that is a township without its ending."""
    head, colon, _rest = headline.strip().partition("：")
    if not colon:
        return set()
    head = head.removeprefix(county.name)
    return {t for t in townships_of(county)
            if len(head) >= 2 and t != head and t.startswith(head)
            and t[len(head):] in TOWNSHIP_ENDINGS}


#: Shortest stem (township name without its ending) read on its own in a headline: a
#: one-character stem is a word (新, 城).
MIN_HEADLINE_STEM = 2


def _headline_stem(county: Place, headline: str, text: str, printed: frozenset[str]) -> set[str]:
    """Townships the headline names by their stem alone (某县融媒体中心大曹分中心揭牌, 部长莅临叠石
    查看…), when the body confirms the township: it prints the full name (大曹镇), or speaks as a
    township of that ending (我乡 for 叠石乡).  A stem inside the county's own printed name in the
    headline (墨竹工卡县 holds 工卡) is no township."""
    bare = headline
    for name in sorted(printed | {county.name}, key=len, reverse=True):
        bare = bare.replace(name, " ")  # a stem holds no space
    found = set()
    for town in townships_of(county):
        ending = next((e for e in TOWNSHIP_ENDINGS if town.endswith(e)), "")
        stem = town[:-len(ending)] if ending else ""
        if len(stem) < MIN_HEADLINE_STEM or stem not in bare:
            continue
        if town in text or f"我{ending}" in text:
            found.add(town)
    return found


@functools.lru_cache(maxsize=1)
def _unique_names() -> dict[str, Place]:
    """Township names that only one county has, with that county (names of at least
    ``MIN_UNIQUE_TOWNSHIP_CHARS``)."""
    gaz = load_gazetteer()
    owners: dict[str, list[tuple]] = {}
    for key, names in _index().items():
        for name in names:
            owners.setdefault(name, []).append(key)
    unique: dict[str, Place] = {}
    for name, keys in owners.items():
        if len(keys) == 1 and len(name) >= MIN_UNIQUE_TOWNSHIP_CHARS:
            province, prefecture, county = keys[0]
            place = next(p for p in gaz.full[county]
                         if p.province == province and p.prefecture == prefecture)
            unique[name] = place
    return unique


#: A township name must have at least this many characters (ending included) to identify its
#: county: two-character names such as 东乡 or 新镇 are words as often as names.
MIN_UNIQUE_TOWNSHIP_CHARS = 3
#: ... and a name this short (a one- or two-character stem) only with another unique name of
#: the same county beside it: many such names are words too (小城镇, 合作镇, 资源镇), but two
#: words each matching a name unique to one and the same county do not happen by chance (a county
#: paper listing 某村镇、某庵镇 负责同志发言).
SHORT_TOWNSHIP_CHARS = 3
#: Longest stem (name without its ending) of a township name searched for on its own.
MAX_TOWNSHIP_STEM = 8


def unique_township(headline: str, text: str) -> tuple[Place, str | None] | None:
    """(county, township) when an article names no unit but names townships of one county only,
    at least one of them a name no other county has (七角井镇 is only in 伊州区; a short name
    counts with a second unique name of the county, ``SHORT_TOWNSHIP_CHARS``).  The township is
    the one most named; when several are named equally often (a list) the report is the
    county's and the township None."""
    unique = _unique_names()
    found = Counter()
    for source in (headline, text):
        for name in _township_names(source, unique):
            found[name] += 1
    by_county: dict[Place, list[str]] = {}
    for name in found:
        by_county.setdefault(unique[name], []).append(name)
    # a short name alone is no evidence (a word such as 小城镇): it neither decides nor vetoes,
    # unless the article speaks as a town of that kind (我镇, 全镇) and it is the only such name:
    # a town's own report names itself once and says 我镇 throughout
    own = _own_township_kind(headline, text)
    counties = {county: names for county, names in by_county.items()
                if len(names) >= 2 or len(names[0]) > SHORT_TOWNSHIP_CHARS
                or (own is not None and names[0].endswith(own))
                or _before_own_village(county, names[0], headline + "\n" + text)
                or (found[names[0]] >= MIN_SHORT_REPEATS
                    and _opens_clause(names[0], headline + "\n" + text))}
    if own is not None and len(counties) > 1:
        counties = {c: n for c, n in counties.items() if any(x.endswith(own) for x in n)}
    if len(counties) > 1:
        # a short name let in once by the deixis alone (小城镇化) yields to a long or repeated one
        counties = {c: n for c, n in counties.items()
                    if len(n) >= 2 or len(n[0]) > SHORT_TOWNSHIP_CHARS or found[n[0]] >= 2
                    } or counties
    if len(counties) != 1:
        return None
    county, names = counties.popitem()
    counts = Counter({name: found[name] for name in names})
    (top, n), *rest = counts.most_common()
    if (rest and rest[0][1] == n) or _tour(counts):
        return county, None
    speaks = len(_OWN_DEIXIS.findall(headline + text))
    return county, (None if _county_speaks(county, headline + text) > n + speaks else top)


#: How often a short unique township name must be printed, once as a clause's subject, to
#: stand alone (日前，某时镇召开…；…某时镇辖区): a word matching a name by chance (小城镇) is
#: neither repeated nor a subject.
MIN_SHORT_REPEATS = 2
_CLAUSE_OPENERS = "，,。；;：:！？!?\n 日前近期"


def _opens_clause(town: str, text: str) -> bool:
    """Is ``town`` printed at a clause's start, after a date or 日前/近日 (日前，某镇召开…), and
    not one word of the dictionary (小城镇, 古镇: words before they are names)?"""
    if len(tokenize(town)) == 1:
        return False
    return any(m.start() == 0 or text[m.start() - 1] in _CLAUSE_OPENERS
               for m in re.finditer(re.escape(town), text))


def _before_own_village(county: Place, town: str, text: str) -> bool:
    """Is a short township name printed directly before a village of its own (某某镇某某村)?
    A word that happens to match a township name (小城镇) is not followed by one of that
    township's villages: the pair is an address, so the name a name."""
    own = [v for v, t in villages_of(county).items() if t == town and len(v) >= MIN_VILLAGE_CHARS]
    return bool(own) and re.search(re.escape(town) + "(?:" + "|".join(
        re.escape(v) for v in sorted(own, key=len, reverse=True)) + ")", text) is not None


def _county_speaks(county: Place, text: str) -> int:
    """How often ``text`` refers to a county of ``county``'s kind as a whole or through its
    organs (全县, 该县, 县委, 县政府: the deixis of ``helpers.places.deixis`` at the county's level
    character): a county government's meeting that names one town once (held in 某镇) is the
    county's report."""
    lvl = level_char(county.name)
    return sum((m["lvl"] or m["lvl2"]) == lvl for m in DEIXIS.finditer(text))


#: How often a text must say 我镇/本镇/全镇/该镇 or name the town's organs (镇政府; or 乡, 街道) to
#: speak as a town of its own: once is a quotation (a town head's words); twice or more is the
#: town's own report.
MIN_OWN_DEIXIS = 2
#: 我镇/本镇/全镇/该镇 and a town's own organs (镇党委, 镇政府 or in full 镇人民政府, 镇人大; not
#: 乡镇政府, the townships together).
_OWN_DEIXIS = re.compile(r"(?:我|本|全|该)(镇|乡|街道)|(?<![乡城])(镇|乡)(?=党委|(?:人民)?政府|人大)")


#: A township's organ opening the first sentence as its subject, after a date (9月18日，镇环保办
#: 组织…; 近日，乡纪委…): the town's own report, said once as its lead.
_LEAD_TOWN_ORGAN = re.compile(r"(?:[^，,。！？\n]{0,12}?(?:日|近日|近期|日前)\s*[，,]?\s*)?"
                              r"(镇|乡(?![镇村])|街道)(?:党委|党工委|(?:人民)?政府|人大|纪委|纪工委|"
                              r"[^\W\d_]{1,5}?(?:办公室|办|站|所|中心))")


def _own_township_kind(headline: str, text: str) -> str | None:
    """镇, 乡 or 街道 when the text speaks as a township of that kind (``MIN_OWN_DEIXIS``; a
    township organ opening the body, ``_LEAD_TOWN_ORGAN``, counts that often alone)."""
    kinds = Counter(m.group(1) or m.group(2) for m in _OWN_DEIXIS.finditer(headline + text))
    lead = _LEAD_TOWN_ORGAN.match(text.lstrip())
    if lead is not None:
        kinds[lead.group(1)] += MIN_OWN_DEIXIS
    if not kinds:
        return None
    (kind, n), *rest = kinds.most_common()
    return kind if n >= MIN_OWN_DEIXIS and not (rest and rest[0][1] == n) else None


def _township_names(text: str, unique: dict[str, Place]) -> list[str]:
    """The unique township names in ``text``: every substring ending in a township ending,
    longest first at each end (so 四川北路街道 and not 北路街道).  A name overlapping the one
    found before it is none (鉴江镇|镇长 holds 江镇镇), nor is 乡 before 村 or 镇 (促进|乡村振兴:
    the words 乡村, 乡镇)."""
    out = []
    last_end = 0
    for m in re.finditer("|".join(re.escape(e) for e in TOWNSHIP_ENDINGS), text):
        end = m.end()
        if m.group() == "乡" and text.startswith(("村", "镇"), end):
            continue
        for start in range(max(last_end, end - MAX_TOWNSHIP_STEM - 2), end - 1):
            if text[start:end] in unique:
                out.append(text[start:end])
                last_end = end
                break
    return out
