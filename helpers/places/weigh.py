"""The weight of each unit in an article: named mentions, zones, deixis, the home's townships.

``locate_article`` starts from ``resolve_locality``'s mentions (full names anywhere, the
headline's lead, weighted headline 5, first paragraph 2, rest 1) and adds:

- zones as units of their own (a zone mention replaces the city mention it overlaps);
- a city's short name + 城区 as the city (定西城区 is not 西城区);
- deictic forms (我县, 全县, 县委, 县环保局) for the unit they refer to (``helpers.places.deixis``),
  at the weight of their position; forms whose referent is unknown are summed apart; a
  first-person form in the headline (我县蝉联...) names the home there (``headline_home``);
- a township of ``home`` named in the article counts as a mention of ``home`` (the county paper
  writing about one of its towns without naming itself), and so does a zone home's bare ending
  or own name (开发区, 东疆 on the zone's own site);
- a township of the only county-level unit the article names counts as a mention of it: a
  report on one town (济南市平阴县玫瑰镇, then 玫瑰镇 throughout) is its county's, not the city's
  that a series' editor's note names.  With several counties named the towns are items of a
  list (a city's bulletin on its districts' streets), and the counties' own names decide;
- a township in the headline of exactly one named county names that county there
  (``headline_township``: a county's town leading a report names the county);
- a province or city named as an organ's place (湖南省纪委监委) counts ``ORGAN_PLACE_FACTOR``;
- a dateline is the newsroom's, not the report's place, also where a photo caption precedes it
  or a brand's 讯 opens it (``helpers.formats.datelines.dateline_span``): its mentions count 0;
- a headline that opens with a column tag (【服务群众】本溪：…, 新春走基层丨某县…) has its place lead
  after the tag: a short name there counts as a headline mention (``tagged_lead``).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from helpers.formats.datelines import dateline_span
from helpers.places.agency import organs
from helpers.places.deixis import find_deixis, referents
from helpers.places.gazetteer import Gazetteer, Place, load_gazetteer
from helpers.places.resolve import (
    _COLONS,
    BODY_WEIGHT,
    FIRST_PARAGRAPH_WEIGHT,
    HEADLINE_WEIGHT,
    _key,
    _lead,
    _Mention,
)
from helpers.places.townships import township_pattern, with_addressed
from helpers.places.zones import (
    Zone,
    find_zones,
    parent_names,
    self_named_zones,
    zone_endings,
    zone_named,
    zone_own_name,
)

__all__ = ["ORGAN_PLACE_FACTOR", "Weights", "apply_urban_areas", "apply_zones",
           "drop_generic_districts", "generic_districts", "home_candidates", "home_place",
           "tagged_lead", "weigh"]

#: A province or city named as the place of an organ (湖南省纪委监委通报..., 邵阳市公安局) is the
#: body reporting, not the unit reported on: such a mention counts this much of its weight, so a
#: provincial body's report on one county is the county's (湖南省纪委监委 in the headline and
#: the lead, 洞口县 twice in the body), while a city body's report on its own work, naming a
#: county once among many city mentions, stays the city's; the body is the agency.
ORGAN_PLACE_FACTOR = 0.25
#: A city's short name followed by this is its urban area (定西城区, 常德城区): the city, even
#: where the last character of the short name and the word make a district's name (西城区).
URBAN_AREA = "城区"
#: Deixis whose referent is unknown is kept for these level characters only: an unnamed county
#: (县委书记 in a city paper) is a county nobody can name, while 全市 / 全省 in a county report
#: are its surroundings.
UNKNOWN_LEVELS = "县区旗"


@dataclass
class Weights:
    """Per unit: summed weight, first position, number of references (names and deixis); the
    weight of deixis with an unknown referent; the level characters deixis used."""

    scores: dict[Place, float] = field(default_factory=lambda: defaultdict(float))
    first_seen: dict[Place, int] = field(default_factory=dict)
    refs: Counter = field(default_factory=Counter)
    unknown: float = 0.0
    deixis_levels: set[str] = field(default_factory=set)
    headline_home: Place | None = None  # the home a first-person form in the headline names
    headline_township: Place | None = None  # the one named county a headline township is in
    headline_person: str | None = None  # the level of a headline 我县 whose referent is unknown

    def add(self, place: Place, weight: float, order: int, ref: bool = True) -> None:
        self.scores[place] += weight
        self.first_seen.setdefault(place, order)
        self.refs[place] += ref


def _position_weight(in_head: bool, start: int, first_end: int) -> float:
    if in_head:
        return HEADLINE_WEIGHT
    return FIRST_PARAGRAPH_WEIGHT if start < first_end else BODY_WEIGHT


def _first_end(text: str) -> int:
    end = text.find("\n")
    return len(text) if end < 0 else end


def apply_zones(mentions: list[_Mention], lead: _Mention | None, headline: str, text: str
                ) -> _Mention | None:
    """Zone mentions replace the city mentions they overlap (常德市西湖管理区 is the zone); a
    zone at the headline's start is its lead."""
    first_end = _first_end(text)
    new: list[_Mention] = []
    body_zones = find_zones(text) + self_named_zones(headline, text)
    for in_head, source in ((True, headline), (False, text)):
        zones = find_zones(source) + _echoed_zones(text, headline, body_zones) if in_head else (
            body_zones)
        for zone in zones:
            weight = _position_weight(in_head, zone.start, first_end)
            m = _Mention(zone.start, zone.end, (zone.place,), weight, headline=in_head)
            m.place = zone.place
            new.append(m)
    replaced = _replace(mentions, new)
    for m in new:
        at_start = m.start <= len(headline) - len(headline.lstrip())
        if m.headline and (at_start or (lead is not None and id(lead) in replaced.get(id(m), ()))):
            m.lead = True
            lead = m
    return lead


def _echoed_zones(text: str, headline: str, body_zones: list[Zone]) -> list[Zone]:
    """The body's zones printed by their own name alone (郑蒲港新区 before its 党工委) where the
    headline prints that name with no organ after it: the headline's zone too."""
    named = [(z.start, z.end) for z in find_zones(headline)]
    out = []
    for zone in body_zones:
        form = text[zone.start:zone.end]
        if form != zone.place.name:
            continue
        for m in re.finditer(re.escape(form), headline):
            if not any(a < m.end() and m.start() < b for a, b in named):
                out.append(Zone(m.start(), m.end(), zone.place, zone.code))
    return sorted(set(out), key=lambda z: z.start)


def _replace(mentions: list[_Mention], new: list[_Mention]) -> dict[int, set[int]]:
    """Put ``new`` mentions in place of the ones they overlap (same string), in one sweep;
    returns, per new mention, the ids of those it replaced."""
    by_start = sorted(new, key=lambda m: (m.headline, m.start))
    starts = [(m.headline, m.start) for m in by_start]
    replaced: dict[int, set[int]] = defaultdict(set)
    kept = []
    for m in mentions:
        i = bisect.bisect_left(starts, (m.headline, m.end))  # new ones starting before m ends
        hit = None
        for j in (i - 1, i - 2):  # non-overlapping new mentions: at most the nearest two
            if j >= 0 and by_start[j].headline == m.headline and by_start[j].end > m.start:
                hit = by_start[j]
                break
        if hit is None:
            kept.append(m)
        else:
            replaced[id(hit)].add(id(m))
    mentions[:] = sorted(kept + new, key=lambda m: (not m.headline, m.start))
    return replaced


@functools.lru_cache(maxsize=1)
def _urban_areas() -> tuple[re.Pattern[str], dict[str, Place]]:
    """A pattern for a prefecture's short name + ``URBAN_AREA`` (定西城区), and the names' units."""
    gaz = load_gazetteer()
    units: dict[str, Place] = {}
    for full, forms in gaz.forms.items():
        for place in gaz.full.get(full, ()):
            if place.level == "prefecture":
                units.update((f, place) for f in forms[1:] if len(f) >= 2 and "直辖" not in f)
    names = "|".join(re.escape(n) for n in sorted(units, key=len, reverse=True))
    return re.compile(f"(?:{names}){URBAN_AREA}"), units


def apply_urban_areas(mentions: list[_Mention], headline: str, text: str) -> None:
    """定西城区 is the city of 定西, not 西城区 inside it: such a stretch is a mention of the city
    and replaces the mentions it overlaps."""
    pattern, units = _urban_areas()
    first_end = _first_end(text)
    new: list[_Mention] = []
    for in_head, source in ((True, headline), (False, text)):
        for m in pattern.finditer(source):
            city = units[m.group()[: -len(URBAN_AREA)]]
            x = _Mention(m.start(), m.end(), (city,),
                         _position_weight(in_head, m.start(), first_end), headline=in_head)
            x.place = city
            new.append(x)
    _replace(mentions, new)


#: A district name's stem (老城 in 老城区) that this many counties use for their towns is a
#: descriptive word (the old town, the new town, east of the city), not a name one place owns:
#: the towns named after a stem are counted in jionlp's township list.  Ten separates the words
#: (城关 139, 新城 51, 东城 46, 老城 17, 河北 11) from names shared by a few places (龙城 9,
#: 铁东 8, 鹤城 4).
GENERIC_STEM_COUNTIES = 10


@functools.lru_cache(maxsize=1)
def generic_districts() -> frozenset[str]:
    """District names that are common phrases: a character before a two-character district name
    that is itself a word (城区, 郊区, 矿区, 东区: 老城区 "the old town area", 新城区) whose
    stem (老城) is a descriptive word by ``GENERIC_STEM_COUNTIES``.  All names from jionlp."""
    from helpers.places.townships import TOWNSHIP_ENDINGS, _index

    gaz = load_gazetteer()
    counties = [(n, p) for n, ps in gaz.full.items() for p in ps if p.level == "county"]
    words = {n for n, _p in counties if len(n) == 2 and n.endswith("区")}
    stems: dict[str, set] = defaultdict(set)
    for key, towns in _index().items():
        for town in towns:
            for ending in TOWNSHIP_ENDINGS:
                if town.endswith(ending):
                    stems[town[: -len(ending)]].add(key)
    return frozenset(n for n, _p in counties if len(n) == 3 and n[1:] in words
                     and len(stems.get(n[:-1], ())) >= GENERIC_STEM_COUNTIES)


def drop_generic_districts(gaz: Gazetteer, mentions: list[_Mention], headline: str, text: str,
                           home: Place | None) -> None:
    """A district name that is a common phrase (``generic_districts``: 老城区) names the
    district only with its parent's name before it (洛阳市老城区), when its city or another
    unit of the city is named too or is the home, or when no other unit is named at all; else
    it is the phrase (a county's report on its own 老城区) and is dropped."""
    generic = generic_districts()

    def is_generic(m: _Mention) -> bool:
        key = _key(m)
        return (key is not None and key.level == "county" and not m.dropped
                and (headline if m.headline else text)[m.start:m.end] in generic)

    suspects = [m for m in mentions if is_generic(m)]
    if not suspects:
        return
    others = [k for m in mentions if not m.dropped and not is_generic(m)
              and (k := _key(m)) is not None]
    if not others:
        return
    drop = set()
    for m in suspects:
        key = _key(m)
        source = headline if m.headline else text
        after_parent = any(f and source.startswith(f, m.start - len(f))
                           for f in gaz.parent_forms(key) if m.start >= len(f))
        near = [*others, *((home,) if home is not None else ())]
        same_city = any(p.prefecture == key.prefecture or p.name == key.prefecture
                        for p in near if p != key)
        if not (after_parent or same_city):
            drop.add(id(m))
    mentions[:] = [m for m in mentions if id(m) not in drop]


def home_place(home: str | None, mentions: list[_Mention]) -> Place | None:
    """The unit ``home`` names: a full name, or one with its city or province before it
    (舟山市普陀区).  A name several units share is read as the one the article mentions, else
    as none (``check_home`` refuses such a home in metadata: never a guess)."""
    if not home:
        return None
    zone = zone_named(home)
    if zone is not None:
        return zone
    cands = home_candidates(home)
    if len(cands) == 1:
        return cands[0]
    named = {m.place for m in mentions if m.place is not None}
    return next((place for place in cands if place in named), None)


#: Home strings whose readings are kept (a corpus has a home per folder, asked once per article).
HOMES_KEPT = 256


@functools.lru_cache(maxsize=HOMES_KEPT)
def home_candidates(home: str) -> tuple[Place, ...]:
    """The units a ``home`` string may name: by its full name or alias, else by a unit's name
    after the name of its prefecture or province (舟山市普陀区, 浙江省舟山市普陀区)."""
    gaz = load_gazetteer()
    cands = gaz.full.get(home, ()) or gaz.alias.get(home, ())
    if cands:
        return tuple(dict.fromkeys(cands))
    parents = parent_names()
    found: dict[Place, None] = {}
    for n in range(len(home) - 1, 1, -1):
        parent = parents.get(home[:n])
        if parent is None:
            continue
        for place in home_candidates(home[n:]):
            if parent.name in (place.prefecture, place.province):
                found[place] = None
    return tuple(found)


def weigh(mentions: list[_Mention], headline: str, text: str, home: Place | None) -> Weights:
    """The weights of the units of an article (see the module docstring)."""
    w = Weights()
    first_end = _first_end(text)
    organ_at = {True: {s for s, _e, _o in organs(headline)},
                False: {s for s, _e, _o in organs(text)}}
    named: list[tuple[bool, int, str, Place]] = []
    dateline = dateline_span(text) or (0, 0)
    for n, m in enumerate(mentions):
        key = _key(m)
        if key is None or m.dropped or (not m.headline and dateline[0] <= m.start < dateline[1]):
            continue
        as_organ = key.level in ("prefecture", "province") and m.end - 1 in organ_at[m.headline]
        source = headline if m.headline else text
        as_title = bool(_TITLE_AFTER_NAME.match(source, m.end))
        w.add(key, m.weight * (ORGAN_PLACE_FACTOR if as_organ else 1.0)
              * (TITLE_FACTOR if as_title else 1.0), n, ref=not m.echo)
        printed = (headline if m.headline else text)[m.start:m.end]
        named.append((m.headline, m.start, printed, key))
    order = len(mentions)
    tagged = tagged_lead(headline, mentions)
    if tagged is not None and (key := _key(tagged)) is not None:
        w.add(key, HEADLINE_WEIGHT, order)
        named.append((True, tagged.start, headline[tagged.start:tagged.end], key))
    for in_head, source in ((True, headline), (False, text)):
        spans = [(m.start, m.end) for m in mentions if m.headline == in_head]
        forms = find_deixis(source, spans, in_head)
        for d, place in referents(forms, named, home):
            title = _opens_title(source, d)
            weight = _position_weight(in_head, d.start, first_end) * (
                TITLE_FACTOR if title else 1.0)
            w.deixis_levels.add(d.level_char)
            if place is not None:
                w.add(place, weight, order, ref=not title)
                if in_head and d.first_person:
                    w.headline_home = place
            elif d.level_char in UNKNOWN_LEVELS:
                w.unknown += weight
                if in_head and d.first_person:
                    w.headline_person = d.level_char
        for start in _home_parts(home, source, spans):
            w.add(home, _position_weight(in_head, start, first_end), order, ref=False)
        counties = [p for p in w.scores if p.level in ("county", "zone")]
        if len(counties) == 1 and counties[0] != home:
            printed = frozenset(n for _h, _s, n, p in named if p == counties[0])
            for start in _township_starts(counties[0], source, printed):
                w.add(counties[0], _position_weight(in_head, start, first_end), order,
                      ref=False)
    w.headline_township = _headline_township(w, headline)
    return w


#: Longest column tag before a headline's place lead, in characters (【服务群众】, 新春走基层丨):
#: a column's name is a short phrase; a longer run before a bar is the headline's own clause.
COLUMN_TAG_MAX = 12
# A column tag opening a headline: a bracketed phrase, or a phrase before a vertical bar.
_COLUMN_TAG = re.compile(rf"^\s*(?:【[^】\n]{{1,{COLUMN_TAG_MAX}}}】|\[[^\]\n]{{1,{COLUMN_TAG_MAX}}}\]"
                         rf"|[^\s，。：:丨|｜【]{{1,{COLUMN_TAG_MAX}}}\s*[丨|｜])\s*")


def tagged_lead(headline: str, mentions: list[_Mention]) -> _Mention | None:
    """The place lead of a headline behind a column tag (【服务群众】本溪：…): the lead the
    headline would have without the tag, as a headline mention, when no mention stands there
    already (a full name after the tag is one; a short name is read only as a lead)."""
    tag = _COLUMN_TAG.match(headline)
    if tag is None or tag.end() >= len(headline):
        return None
    if any(m.headline and not m.dropped and m.start == tag.end() for m in mentions):
        return None
    rest = headline[tag.end():]
    lead = _lead(load_gazetteer(), rest)
    if lead is None or rest[lead.end:lead.end + 1] not in _COLONS:
        return None  # a place lead is the whole of a colon lead (本溪：), not a word's start
    cities = [c for c in lead.cands if c.level == "prefecture"]
    if len(lead.cands) == 1:
        lead.place = lead.cands[0]
    elif len(cities) == 1 and all(c.prefecture == cities[0].name for c in lead.cands):
        lead.place = cities[0]  # 本溪 is the city, not 本溪满族自治县 inside it
    else:
        return None
    lead.start += tag.end()
    lead.end += tag.end()
    lead.lead = False
    return lead


#: An organ word opening an official's title (市委书记, 县政府副县长) names who was there more
#: than the unit reported on: it counts this much of its weight (like an organ's place, see
#: ``ORGAN_PLACE_FACTOR``), so a city's leaders at a meeting held in one county leave the
#: report the county's, while a home's own meeting, named only through its head's title
#: (区委书记某某主持召开…), stays the home's.
TITLE_FACTOR = ORGAN_PLACE_FACTOR
#: Longest run between an organ word (市委, 县政府) and the official's title it opens (市委常委、
#: 宣传部部长; 市政府有关副市长): titles are short chains.
MAX_TITLE_CHAIN = 8
_TITLE = re.compile(rf"[^，。；、\s]{{0,{MAX_TITLE_CHAIN}}}?(?:书记|常委|[县区市旗州]长|秘书长|主任|主席)")


# A unit's printed name followed by an organ and an official's title (牡丹江市政协副主席,
# 某县委书记): the name says where a person comes from (see ``TITLE_FACTOR``).
_TITLE_AFTER_NAME = re.compile(rf"(?:委|人民政府|政府|人大常委会|人大|政协)?{_TITLE.pattern}")


def _opens_title(source: str, d) -> bool:
    """Does an organ word (市委, 县政府; not 全县, 我市) open an official's title (市委书记,
    市政府副市长)?  See ``TITLE_FACTOR``."""
    return not d.first_person and source[d.start] not in "全该" and bool(
        _TITLE.match(source, d.end))


def _headline_township(w: Weights, headline: str) -> Place | None:
    """The county of a township the headline names (九龙人看某镇), when of the counties the
    article names exactly one has a township of that name: the headline names the county through
    its town (a town name repeats across the country, never looked for outside named counties)."""
    owners = [p for p in w.scores if p.level == "county"
              and (pattern := township_pattern(p)) is not None and pattern.search(headline)]
    return owners[0] if len(owners) == 1 else None


def _township_starts(county: Place, text: str, printed: frozenset[str]) -> list[int]:
    """Where ``text`` names a township of ``county`` (a county the article names; also a
    township jionlp lacks printed after the county's ``printed`` name, 垦利县下镇乡)."""
    pattern = with_addressed(county, text, printed)
    return [m.start() for m in pattern.finditer(text)] if pattern is not None else []


def _home_parts(home: Place | None, text: str, named: list[tuple[int, int]]) -> list[int]:
    """Where ``text`` names a part of ``home`` or ``home`` by its kind or own name alone: a
    township of a county home; on a zone home's own site, the zone's bare ending (开发区) or its
    own name without city and ending (东疆 for 天津东疆保税港区)."""
    if home is None:
        return []
    if home.level == "zone":
        own = zone_own_name(home)
        forms = [*zone_endings(home), *((own,) if own else ())]
        if not forms:
            return []
        pattern = re.compile("|".join(re.escape(e) for e in sorted(forms, key=len, reverse=True)))
        return [m.start() for m in pattern.finditer(text)
                if not any(s < m.end() and m.start() < e for s, e in named)]
    # the home's townships also in their variant forms (霍龙门乡 for today's 霍龙门镇)
    pattern = with_addressed(home, text, frozenset())
    return [m.start() for m in pattern.finditer(text)] if pattern is not None else []
