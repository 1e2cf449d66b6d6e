"""``locate_article``: the unit an article reports on, its level, township and reporting organ.

It builds on ``resolve_locality``'s mentions (full names anywhere, short forms in the headline's
lead, a parent name narrowing its child, shared names read in context) and changes what the
parser's function must keep:

- zones are units of their own (``helpers.places.zones``);
- the dateline is blanked before mentions are weighed (``helpers.places.deixis``);
- 我县 / 本市 / 全县 count as mentions of ``home`` (``helpers.places.deixis``);
- a bulletin naming many units with none dominating is about their common parent
  (``_bulletin``; also a headline listing three of a city's units with one printed ending,
  ``_headline_list``): a city's ranking of its counties is the city, a province's list of counties in
  several cities the province, a list across provinces a national item (all None);
- a province or city the article is set in counts its short name anywhere (海南, 巴州:
  ``helpers.places.aliases.context_short_mentions``): a province's conference held in one county,
  a province's round-up of its mountain counties, a city-wide feature opening on one town;
- the name is the one in force when the item was published (``helpers.places.history``);
- a report on one township of the county says so (``helpers.places.township``);
- the reporting organ (``helpers.places.agency``).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from itertools import pairwise

from helpers.places.agency import (
    CITIZEN_HOTLINE,
    find_agency,
    hotline_report,
    organs,
    printed_organ_place,
    station_bureau,
    town_acting,
    with_place_name,
)
from helpers.places.aliases import (
    NOT_UNIT_AFTER,
    address_mentions,
    alias_matches,
    bare_zone_lead,
    branch_mentions,
    chain_mentions,
    confirmed_lead,
    context_short_mentions,
    county_aliases,
    printed_former_name,
)
from helpers.places.deixis import (
    DEIXIS,
    FIRST_PERSON,
    caption_last,
    first_sentence,
    level_char,
    mask_dateline,
)
from helpers.places.gazetteer import Gazetteer, Place, load_gazetteer
from helpers.places.history import as_of, former_by_own_organs
from helpers.places.resolve import (
    BODY_WEIGHT,
    FIRST_PARAGRAPH_WEIGHT,
    HEADLINE_WEIGHT,
    _choose,
    _key,
    _lead,
    _Mention,
    _weighted_mentions,
)
from helpers.places.script import to_simplified
from helpers.places.townships import (
    TOWNSHIP_ENDINGS,
    find_township,
    speaks_as_town,
    townships_of,
    unique_township,
    with_addressed,
)
from helpers.places.weigh import (
    Weights,
    apply_urban_areas,
    apply_zones,
    drop_generic_districts,
    home_place,
    weigh,
)
from helpers.places.zones import (
    BARE_ZONE_WORDS,
    MIN_BARE_ZONE_REFS,
    ZONE_ORGANS,
    bare_zone_refs,
    home_zone,
    listed_zone_code,
    printed_zone_name,
    zone_code,
)
from helpers.text.tokenizing import word_boundaries

__all__ = ["Locality", "locate_article"]

#: A bulletin names at least two units below its subject (a city's report on its two
#: districts, a province's list of cases) ...
BULLETIN_MIN_UNITS = 2
#: ... three when the parent is not referred to at all: two units alone are as often a
#: comparison or an exchange visit.
BULLETIN_MIN_UNITS_UNREFERRED = 3
#: ... and none of them weighs this many times the next unit: a report on one county names its
#: neighbours in passing and itself far more than any of them (我县...位居郧阳区、丹江口市之后),
#: while a bulletin spreads its weight (a city's report on its two districts names one 11 times
#: and the other 7).  (A second test, the top unit's share of all units' weight, decided nothing
#: the ratio does not: dropped.)
BULLETIN_LEAD_RATIO = 3.0
#: Units of the lower level that must share the parent for the bulletin to be the parent's: most
#: of them (a city's list may name a county of a neighbouring city it competes with).
BULLETIN_PARENT_SHARE = 0.75
#: Lead over the runner-up that makes units sharing no parent one unit's report, not a
#: national list: a county's item naming where a fugitive or a visitor came from (甲县 twice,
#: 乙县 and 丙区 of other provinces once each) is lower than a bulletin's lead ratio because no
#: parent could be what the item is about.
UNRELATED_LEAD_RATIO = 2.0

_LEVEL_RANK = {"province": 0, "prefecture": 1, "county": 2, "zone": 2}


@dataclass(frozen=True)
class Locality:
    """The unit an article reports on (see ``locate_article``).

    ``level`` is "township", "county", "zone", "prefecture" or "province" (None when nothing
    is known).  ``locality`` is the county for a township report, the province's name for a
    province-level one.  ``admin_code`` is the 6-digit division code of ``locality`` from jionlp,
    today's code (a unit renamed since gets its successor's code), None for a zone jionlp lacks.
    ``township`` is the 乡/镇/街道 of a township report (None for a town's own report that never
    names the town: level "township" all the same); ``agency`` the reporting organ as level
    character + organ (县纪委监委, 市公安局).
    """

    locality: str | None = None
    prefecture: str | None = None
    province: str | None = None
    level: str | None = None
    admin_code: str | None = None
    township: str | None = None
    agency: str | None = None


def locate_article(headline: str | None, text: str, *, published: dt.date | None = None,
                   home: str | None = None, source: str | None = None) -> Locality:
    """The unit an article reports on: locality, prefecture, province, level, code, township and
    reporting organ.

    ``home`` is the newspaper's own unit (洞口县, 邵阳市), what 我县 / 本市 refer to; without it
    such words point nowhere (never a guess: an article about an unnamed county gives level
    "county" and nothing else).  ``source`` is the 来源 string printed with the article; it may
    name the organ.  ``published`` dates the names (renames in jionlp's list).  Texts in
    traditional characters are read in simplified ones (``helpers.places.script``).

    Rules, beyond ``resolve_locality``'s: a county or zone leading the headline, else the
    best-scored one in the headline (a county home referred to there as 我县 counts), is the
    locality; else a bulletin (``BULLETIN_*``) is its
    units' common parent; else the best score wins, the lower level on a tie.  A provincial or
    city body reporting on one county gives the county (the body is the agency).  When nothing
    is named (or only an unnamed county), a township whose name only one county has gives that
    county.  A headline speaking as a province (its name opening it, or on a provincial site its
    organ) over a body where the province speaks is the province's (``_headline_speaks_province``);
    with no unit in the headline, a county's short name opening the lead sentence as its subject
    is the county over another decided (``_lead_subject_county``).  A report speaking as a town it never names (我镇, 全镇, 镇党委), with no word of its
    county, is that town's: level "township", township None (``speaks_as_town``).
    """
    headline, text, source = to_simplified(headline or "", text or "", source or "")
    text = caption_last(mask_dateline(text))
    gaz = load_gazetteer()
    mentions, lead = _weighted_mentions(gaz, headline, text)
    home_p = home_place(home, mentions)
    lead = _short_forms(gaz, mentions, lead, headline, text, home_p)
    lead = apply_zones(mentions, lead, headline, text)
    apply_urban_areas(mentions, headline, text)
    drop_generic_districts(gaz, mentions, headline, text, home_p)
    _settle_shared_names(mentions, home_p, headline, text)
    _drop_visitors(mentions, headline, text, home_p)
    _drop_cited_visits(mentions, text)
    _drop_contact_addresses(mentions, headline, text)
    _drop_list_examples(mentions, headline, text)
    _prefecture_addresses(gaz, mentions, headline, text)
    weights = weigh(mentions, headline, text, home_p)
    _township_support(mentions, text, weights)
    place = _headline_list(gaz, headline, mentions) or _decide(mentions, lead, weights, headline)
    # without a home, a city the item names stands in for it (a city's inspection of the zone
    # it calls by its bare word, copied to a site of nowhere)
    stand_in = home_p or (place if place is not None and place is not _UNNAMED_COUNTY
                          and place.level == "prefecture" and _bare_zone_organ(headline, text)
                          else None)
    place = _bare_home_zone(headline, text, place, stand_in, weights) or place
    place = (_home_study_trip(headline, text, place, home_p)
             or _named_study_trip(mentions, text, place, home_p) or place)
    place = _inspected_county(mentions, headline, text, place, weights) or place
    place = _set_in_province(mentions, headline, text, place, weights) or place
    place = _microcosm(mentions, text, place) or place
    place = _headline_speaks_province(gaz, mentions, weights, headline, text, home_p) or place
    place = _lead_subject_county(mentions, headline, text, place) or place
    place = _home_in_bulletin(mentions, place, home_p, headline) or place
    place = _zone_parent(place, mentions, home_p, headline, text) or place
    agency = find_agency(headline, text, source)
    if place is _UNNAMED_COUNTY or (place is None and not weights.scores):
        spoken = _speaking_by_short_name(headline, text)
        holder = _county_of_townships(headline + "\n" + text)
        if holder is not None and (spoken is None or spoken[0] != holder):
            spoken = holder, _holder_refs(holder, headline + "\n" + text)
        if spoken is not None:
            place, refs_by_short_name = spoken
            weights.refs[place] += refs_by_short_name
            place = _city_zone(headline, text, place, refs_by_short_name) or place
    site_own = place is None and not weights.scores and not weights.unknown and home_p is not None
    own_street = None
    if place is _UNNAMED_COUNTY or (place is None and not weights.scores):
        unique = unique_township(headline, text)
        if unique is not None and site_own and not _within_home(unique[0], home_p):
            # a town of the same name far away: the site's own street, which jionlp's list of
            # the home's towns lacks (below)
            unique, own_street = None, unique[1]
        if unique is not None:
            county, township = unique
            return _locality(gaz, county, headline, text, mentions, published, agency, township,
                             home)
    if site_own:
        # nothing named, no unit of another level spoken of: the site's own unit reports (a
        # county government's meeting, a street office's own work), or a provincial paper's
        # city called by its short name
        place = _home_province_city(gaz, home_p, headline, text) or home_p
    if place is _UNNAMED_COUNTY or (place is None and not weights.scores):
        town = _headline_town(headline)
        if town is not None:
            # a town's or street's report opening its headline with its name, a name several
            # counties' towns have and the item never tells which: its level and name only
            return Locality(level="township", township=town, agency=agency)
    if place is _UNNAMED_COUNTY:
        return Locality(level="county", agency=agency)
    if place is None:
        province = _province_speaking(gaz, headline, text)
        if province is None:
            return Locality(agency=agency)
        place = _city_speaking(gaz, province, headline, text) or province
    township = None
    # a city without counties (中山市, 东莞市) has its towns directly under it; a zone jionlp
    # lists at county level may have streets of its own (its street office's report)
    if place.level == "county" or (place.level in ("prefecture", "zone") and townships_of(place)):
        printed = frozenset(headline[m.start:m.end] if m.headline else text[m.start:m.end]
                            for m in mentions if m.place == place and not m.dropped
                            and not m.echo)
        township = find_township(place, headline, text, weights.refs[place], printed) or (
            own_street)
        if township is None and speaks_as_town(place, headline, text, weights.refs[place],
                                               printed):
            # a town's own report that never names the town: its level, no name
            return replace(_locality(gaz, place, headline, text, mentions, published, agency,
                                     None, home), level="township")
    return _locality(gaz, place, headline, text, mentions, published, agency, township, home)


def _zone_parent(place: Place | None, mentions: list[_Mention], home: Place | None,
                 headline: str, text: str) -> Place | None:
    """A zone printed by its own name alone (郑蒲港新区党工委) with its city: the home's (the
    zone's own site, or its city's or county's), else the one city the item's other mentions lie
    in, else the one city it calls by name or short name (马鞍山 in the weather report that opens
    it).  None when ``place`` is no such zone or no
    single city is told (never a guess: the zone then stays without city and province)."""
    if place is None or place.level != "zone" or place.prefecture is not None:
        return None
    if home is not None and home.level in ("county", "prefecture", "zone") and home.province:
        city = home.name if home.level == "prefecture" else home.prefecture
        return Place(place.name, city, home.province, "zone")
    cities = set()
    for m in mentions:
        k = _key(m)
        if m.dropped or k is None or k == place or k.level not in ("county", "prefecture", "zone"):
            continue
        city = k.name if k.level == "prefecture" else k.prefecture
        if city is not None:
            cities.add((city, k.province))
    if not cities:
        cities = _cities_by_short_name(headline + "\n" + text)
    if len(cities) != 1:
        return None
    city, province = cities.pop()
    return Place(place.name, city, province, "zone")


@functools.lru_cache(maxsize=1)
def _city_short_names() -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    """Prefecture-level cities' names and short names (马鞍山), each to (city, province); a
    short name two cities share is left out."""
    gaz = load_gazetteer()
    owners: dict[str, set[tuple[str, str]]] = {}
    for full, forms in gaz.forms.items():
        for p in gaz.full.get(full, ()):
            if p.level == "prefecture" and "直辖" not in full:
                for form in forms:
                    if len(form) >= 2:
                        owners.setdefault(form, set()).add((p.name, p.province))
    unique = {f: next(iter(o)) for f, o in owners.items() if len(o) == 1}
    names = "|".join(re.escape(n) for n in sorted(unique, key=len, reverse=True))
    return re.compile(names), unique


def _cities_by_short_name(text: str) -> set[tuple[str, str]]:
    """The cities whose names or short names ``text`` prints."""
    pattern, unique = _city_short_names()
    return {unique[m.group()] for m in pattern.finditer(text)}


#: How often a provincial paper must call one of its province's cities by its short name (济宁的
#: 城市发展) for an item naming nothing else to be that city's: once is a word in passing.
MIN_HOME_CITY_REFS = 2


def _home_province_city(gaz: Gazetteer, home: Place, headline: str, text: str) -> Place | None:
    """The one city of a province ``home`` that an item naming no unit calls by its short name
    (济宁 for 济宁市) ``MIN_HOME_CITY_REFS`` times or more (a provincial paper's photo of a city's
    new bridges); None when the home is no province, or none or several are so named."""
    if home.level != "province":
        return None
    cities = {p for places in gaz.full.values() for p in places
              if p.level == "prefecture" and p.province == home.name and p.name != home.name}
    found = [c for c in sorted(cities, key=lambda p: p.name)
             if sum((headline + "\n" + text).count(f) for f in gaz.forms.get(c.name, ())
                    if f != c.name and len(f) >= 2) >= MIN_HOME_CITY_REFS]
    return found[0] if len(found) == 1 else None


def _city_zone(headline: str, text: str, county: Place, county_refs: int) -> Place | None:
    """The city's zone when an item naming no unit in full speaks as a city (市委, 全市: deixis
    of 市) and calls a zone by its bare word (高新区) ``MIN_BARE_ZONE_REFS`` times and more often
    than the one county it names by short name: the county is where one of the zone's parks lies
    (高新区隆昌园区), the city's zone the subject."""
    if county.level != "county" or not county.prefecture:
        return None
    word, refs = bare_zone_refs(headline, text)
    if word is None or refs < MIN_BARE_ZONE_REFS or refs <= county_refs:
        return None
    if not any((m["lvl"] or m["lvl2"]) == "市" for m in DEIXIS.finditer(headline + "\n" + text)):
        return None
    city = next((p for p in load_gazetteer().full.get(county.prefecture, ())
                 if p.level == "prefecture" and p.province == county.province), None)
    return home_zone(word, city) if city is not None else None


def _within_home(county: Place, home: Place) -> bool:
    """Is ``county`` the home, by name too (a name two provinces share, 海州区), or inside it?"""
    return county.name == home.name or home.name in (county.prefecture, county.province)


#: A short name ending in a level character (辉县 for 辉县市, 塔县) is a unit's name as it is
#: spoken, never an ordinary word: read even when the article has no deixis to say which level it
#: speaks as (a photo report naming one county so, and nothing else).  Other short names (东阳,
#: 闽侯) are read only with deixis: alone they are as often a word or a person's name.
SELF_NAMING_END = "县"


def _speaking_by_short_name(headline: str, text: str) -> tuple[Place, int] | None:
    """The county an article speaks as (我县, 县委, 全市: the level character its deixis uses
    most, first-person forms first) without naming it in full, when it prints the short name
    (jionlp's alias) of exactly one county-level unit of that level character (建设新闽侯 with
    县委书记; 重塑东阳 with 我市; 调研璧山 with 我区), as a word of its own: jieba's segmentation
    must begin and end a word at the short name, so a short name inside another word (友邻水库
    holds 邻水) or a phrase (共和国) is none, and so is one opening a township's name (长岭镇).
    With the county, how often the article refers to it (its deixis and short names), which
    a township must outnumber to make the report the town's (``find_township``)."""
    source = headline + "\n" + text
    forms = list(DEIXIS.finditer(source))
    # first-person forms (我区) say whose paper it is more surely than organs (市委书记)
    own = [m for m in forms if m["det"] and m["det"] in FIRST_PERSON]
    kinds = Counter(m["lvl"] or m["lvl2"] for m in own or forms)
    kind = None
    if kinds:
        (kind, n), *rest = kinds.most_common()
        if rest and rest[0][1] == n:
            return None
    aliases = county_aliases()
    found: Counter = Counter()
    # a short name inside a longer township or street name (卧龙 in 卧龙寺街道) is that
    # township's, never the county's
    towns = [(s, e) for s, e, _name in printed_townships(source)]
    # without deixis only a short name that is itself a unit's name (ends in 县) is read
    hits = [(s, e, owners[0]) for s, e, f in alias_matches(source)
            if not any(a <= s and e <= b for a, b in towns)
            and (kind is not None or f.endswith(SELF_NAMING_END))
            and len(owners := [p for p in aliases.get(f, ())
                               if kind is None or level_char(p.name) == kind]) == 1
            and source[e:e + 1] not in NOT_UNIT_AFTER]
    if hits:
        starts, ends = word_boundaries(source)
        found.update(p for s, e, p in hits if s in starts and e in ends)
    if len(found) != 1:
        return None
    ((county, named),) = found.items()
    return county, named + sum((m["lvl"] or m["lvl2"]) == kind for m in forms if kind)


#: Fewest distinct township names an item must print for the one county holding them all to be
#: its unit: one name may be any county's (城关镇 is in dozens); two or more that one county alone
#: holds together are that county's list.
MIN_HELD_TOWNSHIPS = 2
#: Shortest township name (ending included) read in ``printed_townships``: two-character names
#: (东乡, 新镇) are words as often as names.
MIN_PRINTED_TOWNSHIP = 3


def printed_townships(text: str) -> list[tuple[int, int, str]]:
    """Every township or street name of any county printed in ``text`` (start, end, name), the
    longest at each ending (中山西路街道, not 西路街道), none overlapping the one before."""
    names = _township_owners()
    out: list[tuple[int, int, str]] = []
    last_end = 0
    for m in re.finditer("|".join(re.escape(e) for e in TOWNSHIP_ENDINGS), text):
        end = m.end()
        for start in range(max(last_end, end - _MAX_TOWNSHIP_NAME), end - MIN_PRINTED_TOWNSHIP + 1):
            if text[start:end] in names:
                out.append((start, end, text[start:end]))
                last_end = end
                break
    return out


def _headline_town(headline: str) -> str | None:
    """The township or street name a headline opens with (西园街道召开…), or None."""
    found = printed_townships(headline.lstrip())
    return found[0][2] if found and found[0][0] == 0 else None


#: Longest township name looked for (ending included).
_MAX_TOWNSHIP_NAME = 10


@functools.lru_cache(maxsize=1)
def _township_owners() -> dict[str, frozenset[Place]]:
    """Each township name -> the county-level units (or cities without counties) that have one."""
    gaz = load_gazetteer()
    owners: dict[str, set[Place]] = defaultdict(set)
    units = sorted({p for places in gaz.full.values() for p in places
                    if p.level in ("county", "prefecture")}, key=lambda p: (p.province, p.name))
    for unit in units:
        for name in townships_of(unit):
            owners[name].add(unit)
    return {name: frozenset(units) for name, units in owners.items()}


def _county_of_townships(source: str) -> Place | None:
    """The one county holding every township or street an item naming no county prints
    (卧龙寺街道, 中山东路街道, 中山西路街道: one district has all three, though each name alone is
    several counties'), with ``MIN_HELD_TOWNSHIPS`` names or more; else, of the counties holding
    them all, the one whose short name the item prints outside them; None otherwise."""
    found = printed_townships(source)
    names = {name for _s, _e, name in found}
    owners = _township_owners()
    held: set[Place] | None = None
    for name in sorted(names):
        units = owners.get(name, frozenset())
        held = set(units) if held is None else held & units
    if not held:
        return None
    if len(held) == 1:
        # one name alone that one county has is ``unique_township``'s to read
        return held.pop() if len(names) >= MIN_HELD_TOWNSHIPS else None
    # several counties hold them: the one whose short name is printed too, outside the
    # townships' names (龙岗街道 is in three districts; 大足中学 says which)
    spans = [(s, e) for s, e, _n in found]
    shorts = _short_names()
    named = {unit for unit in held for form in shorts.get(unit, ())
             if _printed_outside(source, form, spans)}
    return named.pop() if len(named) == 1 else None


#: Shortest short name of a county that tells it from the other holders of a township name.
MIN_SHORT_OWNER = 2


@functools.lru_cache(maxsize=1)
def _short_names() -> dict[Place, tuple[str, ...]]:
    """Each county-level unit's short names (jionlp's aliases, ``MIN_SHORT_OWNER`` characters or
    more, its full name excluded)."""
    out: dict[Place, list[str]] = defaultdict(list)
    for alias, places in sorted(load_gazetteer().alias.items()):
        for place in places:
            if place.level == "county" and len(alias) >= MIN_SHORT_OWNER and alias != place.name:
                out[place].append(alias)
    return {place: tuple(forms) for place, forms in out.items()}


def _holder_refs(county: Place, source: str) -> int:
    """How often an item refers to a county it never names in full: its short names outside
    township names and the deixis of its level character (全区, 区委)."""
    spans = [(s, e) for s, e, _n in printed_townships(source)]
    named = sum(1 for form in _short_names().get(county, ())
                for m in re.finditer(re.escape(form), source)
                if not any(a <= m.start() < b for a, b in spans))
    kind = level_char(county.name)
    return named + sum((m["lvl"] or m["lvl2"]) == kind for m in DEIXIS.finditer(source))


def _printed_outside(source: str, form: str, spans: list[tuple[int, int]]) -> bool:
    """Is ``form`` printed in ``source`` somewhere outside the ``spans``?"""
    return any(not any(a <= m.start() < b for a, b in spans)
               for m in re.finditer(re.escape(form), source))


def _bare_home_zone(headline: str, text: str, place: Place | None, home: Place | None,
                    w: Weights) -> Place | None:
    """The home's zone when the item calls it by a bare zone word (开发区召开…, 高新区党工委…) at
    least ``MIN_BARE_ZONE_REFS`` times and more often than the unit otherwise decided, which is
    none, an unnamed county, the home or the home's city (a zone's report on its own site, or on
    its city's or county's, names the zone so: the city or county there is its address)."""
    if home is None:
        return None
    if place is not None and place is not _UNNAMED_COUNTY:
        own = place == home or (place.level == "prefecture" and place.name == home.prefecture)
        if not own:
            return None
    word, refs = bare_zone_refs(headline, text)
    leads = word is not None and _bare_zone_leads(word, headline, text)
    if word is None or refs < (MIN_LEAD_BARE_ZONE_REFS if leads else MIN_BARE_ZONE_REFS):
        return None
    if place is not None and place is not _UNNAMED_COUNTY and (
            refs < w.refs[place] if leads else refs <= w.refs[place]):
        return None
    return home_zone(word, home)


def _bare_zone_organ(headline: str, text: str) -> bool:
    """Does the item print a bare zone word directly before one of the zone's own organs
    (经开区管委会, 高新区党工委)?  Without a home, only that tells a zone's own report from a
    city's words on its zones (全市开发区建设)."""
    source = headline + "\n" + text
    return any(word + organ in source for word in BARE_ZONE_WORDS for organ in ZONE_ORGANS)


#: References enough for a bare zone word that is the subject of the headline's or the lead
#: sentence's clause (…，开发区举行签约仪式): the zone acts there (CONVENTIONS L-zone-city), so
#: once more in the body confirms it.
MIN_LEAD_BARE_ZONE_REFS = 2
#: What may stand before a clause's subject: its start, a comma, a space, a column tag's end.
_CLAUSE_START = frozenset(",，;；:：】] \u3000")


def _bare_zone_leads(word: str, headline: str, text: str) -> bool:
    """Does the bare zone ``word`` open a clause of the headline or the body's first sentence
    (开发区举行…, …召开在即，开发区举行…): the zone is the acting subject there."""
    lead, _start = first_sentence(text)
    for source in (headline, lead):
        for m in re.finditer(re.escape(word), source):
            if m.start() == 0 or source[m.start() - 1] in _CLAUSE_START:
                return True
    return False


#: A study trip: travelling to (赴, 到, 前往) other places to learn from them (考察学习,
#: 观摩学习, 学习取经...), within one sentence.  The places learned from are where the travellers
#: went, not what the report is about: an inspection (赴某县调研, 考察) reports on the place
#: visited, a study trip on the unit that sent the delegation.
STUDY_TRIP = re.compile(r"(?:赴|到|前往)[^。！？\n]{1,80}?(?:考察学习|学习考察|参观学习|观摩学习|"
                        r"学习取经|交流学习|学习交流|取经)")


#: A visit: someone coming to us (来我县, 来我市), to a place by its one-character short name
#: (来徐考察), or 莅临 (the honorific coming of a superior's delegation) to look at its work.  The units named before the coming, in the same sentence, are
#: where the visitors (a 考察团, a city's leaders) are from: the report is the host's.  Only the
#: clause of the coming counts (开江县政府…，…省委领导来开调研: the host named a clause before).
VISIT = re.compile(r"莅临|来(?:到)?(?:(?:我|本)[县市区旗]|[^\W\d_](?=考察|参观|调研|学习|交流|观摩))")
#: Longest stretch before the coming that can hold the visitors' origin (齐河县委书记某某带领
#: 齐河党政考察团), within its clause.
MAX_VISITOR_LEAD = 60


#: Shortest township name read after a prefecture as its address (上拉秀乡): two characters
#: plus the ending; shorter names are words as often (新乡).
MIN_ADDRESSED_TOWNSHIP = 3


@functools.lru_cache(maxsize=1)
def _counties_by_prefecture() -> dict[tuple[str, str], tuple[Place, ...]]:
    """(province, prefecture) -> its county-level units, by name."""
    out: dict[tuple[str, str], list[Place]] = defaultdict(list)
    for places in load_gazetteer().full.values():
        for p in places:
            if p.level == "county" and p.prefecture:
                out[(p.province, p.prefecture)].append(p)
    return {k: tuple(sorted(set(v), key=lambda p: p.name)) for k, v in out.items()}


@functools.lru_cache(maxsize=256)
def _addressed_townships(province: str, prefecture: str
                         ) -> tuple[dict[str, frozenset[Place]], tuple[int, ...]]:
    """The townships of a prefecture's counties read after its name (``MIN_ADDRESSED_TOWNSHIP``)
    -> their counties, and the names' lengths: looked up by the text after the prefecture,
    built once per prefecture instead of tried name by name per mention (issue 16)."""
    towns: dict[str, set[Place]] = defaultdict(set)
    for county in _counties_by_prefecture().get((province, prefecture), ()):
        for town in townships_of(county):
            if len(town) >= MIN_ADDRESSED_TOWNSHIP:
                towns[town].add(county)
    return ({t: frozenset(c) for t, c in towns.items()},
            tuple(sorted({len(t) for t in towns})))


def _prefecture_addresses(gaz: Gazetteer, mentions: list[_Mention], headline: str,
                          text: str) -> None:
    """A prefecture printed directly before a township of one of its counties, the county left
    out (某州上拉秀乡): the address of that county's town.  The prefecture's mention becomes
    the county's (as 常德市|武陵区 is the district's): a report on a town so addressed is the
    town's county's, not the prefecture's."""
    del gaz  # the county index is built from the same gazetteer
    for m in mentions:
        key = _key(m)
        if m.dropped or key is None or key.level != "prefecture":
            continue
        source = headline if m.headline else text
        towns, lengths = _addressed_townships(key.province, key.name)
        owners = {c for n in lengths for c in towns.get(source[m.end:m.end + n], ())}
        if len(owners) == 1:
            m.place = owners.pop()
            m.cands = (m.place,)


#: How often a county's townships must be named in the body for them to count for the county:
#: a report on one township names it throughout (a town on a province border named six times,
#: the neighbouring county across the border three), while a township named once or twice is an
#: address or a setting (家住某镇的张某) that must not outweigh the county's own mentions.
MIN_TOWNSHIP_SUPPORT = 3


def _township_support(mentions: list[_Mention], text: str, w: Weights) -> None:
    """Add to each named county the references to its townships in the body not printed after
    the county's name, when all of them are ``MIN_TOWNSHIP_SUPPORT`` or more: a township report
    names its county once or twice (in full address form: 某省某县某乡) and the township
    itself throughout, so a neighbouring unit named in passing a few times (across a border, by
    its short name) does not outweigh the county the report is in."""
    for county in sorted((p for p in w.scores if p.level == "county"), key=lambda p: p.name):
        printed = frozenset(text[m.start:m.end] for m in mentions
                            if m.place == county and not m.dropped and not m.headline)
        pattern = with_addressed(county, text, printed)
        if pattern is None:
            continue
        found = [m.start() for m in pattern.finditer(text)]
        if len(found) < MIN_TOWNSHIP_SUPPORT:
            continue
        # a township printed after its county (某县某乡) is the county's address, weighed already
        alone = [s for s in found if not any(text.endswith(n, 0, s) for n in printed)]
        w.scores[county] += len(alone) * BODY_WEIGHT


def _drop_where(mentions: list[_Mention], drop) -> None:
    """Mark the mentions ``drop(mention)`` selects as dropped (kept in the list: their spans
    still block other readings of the same characters)."""
    for x in mentions:
        if drop(x):
            x.dropped = True


def _drop_visitors(mentions: list[_Mention], headline: str, text: str, home: Place | None
                   ) -> None:
    """Drop the units a visiting delegation comes from (``VISIT``), in the headline and the
    first sentence: 某县党政考察团来我县考察 is the host's report, whatever the visitors' titles
    repeat.  The home is never a visitor."""
    first, offset = first_sentence(text)
    for in_head, source, shift in ((True, headline, 0), (False, first, offset)):
        for m in VISIT.finditer(source):
            clause = max(source.rfind(c, 0, m.start()) for c in "，,；;：:") + 1
            lead_start = max(clause, m.start() - MAX_VISITOR_LEAD)
            visitors = {_key(x) for x in mentions if x.headline == in_head
                        and lead_start + shift <= x.start < m.start() + shift
                        and _key(x) is not None}
            visitors.discard(home)
            # a county's delegation coming to one of its own townships (某县观摩团莅临某乡) is
            # the county's tour, no visit from outside
            visitors = {v for v in visitors if not source.startswith(townships_of(v), m.end())}
            _drop_where(mentions, lambda x, away=visitors: _key(x) in away)


#: A national leader's visit or speech cited as guidance (习近平总书记在陕西省延安市、河南省安阳市
#: 考察时的重要指示): the places of that visit are the source of the instruction, not the report's.
CITED_VISIT = re.compile(r"(?:总书记|总理|习近平同志|中央领导同志?)[^。！？，\n]{0,6}?在"
                         r"(?P<places>[^。！？，\n]{2,40}?)(?:考察|视察|调研|主持召开|出席|讲话|座谈)")


def _drop_cited_visits(mentions: list[_Mention], text: str) -> None:
    """Drop the body's mentions inside a cited visit of a national leader (``CITED_VISIT``)."""
    for m in CITED_VISIT.finditer(text):
        start, end = m.span("places")
        _drop_where(mentions, lambda x, s=start, e=end: not x.headline and s <= x.start < e)


#: A contact line (联系地址：某市某区某街7号, 通讯地址, 地址) at the start of a line: where to send
#: letters, not what the item reports on (a province's 公示 printed with its office's address).
CONTACT_ADDRESS = re.compile(r"^[ \t]*(?:联系|通讯|通信)?地址[:：]", re.MULTILINE)


def _drop_contact_addresses(mentions: list[_Mention], headline: str, text: str) -> None:
    """Drop the mentions on a line that opens as a contact address (``CONTACT_ADDRESS``)."""
    for in_head, source in ((True, headline), (False, text)):
        for m in CONTACT_ADDRESS.finditer(source):
            start, end = m.start(), source.find("\n", m.end())
            end = len(source) if end < 0 else end
            _drop_where(mentions, lambda x, s=start, e=end, h=in_head:
                        x.headline == h and s <= x.start < e)


#: The longest name (a township's) that may stand between a unit and the 等 of its list.
MAX_EXAMPLE_TAIL = 6
#: A unit printed as the example of a counted list (某市某镇等40个乡镇, 某县等5个县市): one item
#: of many the item reports together, not its subject.
LIST_EXAMPLE = re.compile(rf"[^，,。；;、：:\s]{{0,{MAX_EXAMPLE_TAIL}}}?等(?:[0-9０-９]+|[一二两三四五六七八九十百]+)"
                          r"(?:个|家|地|县|市|区|镇|乡|村|所)")
#: How many other placed mentions must remain for an example to be dropped: with none, the
#: example is all the item says of its place.
MIN_OTHER_PLACED = 2


def _drop_list_examples(mentions: list[_Mention], headline: str, text: str) -> None:
    """Drop the units printed as the example of a counted list (``LIST_EXAMPLE``) when the item
    names ``MIN_OTHER_PLACED`` other units: a province's list of 40 towns opening with one of
    them is not that town's report."""
    examples = [m for m in mentions if not m.dropped and _key(m) is not None
                and LIST_EXAMPLE.match(headline if m.headline else text, m.end)]
    for m in examples:
        others = {_key(x) for x in mentions
                  if x is not m and not x.dropped and _key(x) not in (None, _key(m))}
        if len(others) >= MIN_OTHER_PLACED:
            m.dropped = True


#: An inspection: a higher body's leaders going to (前往, 到, 赴, 深入, 来到) a place to look at its
#: work (调研, 检查, 考察, 视察, 督导, 暗访, 走访), within one clause.
INSPECTION = re.compile(r"(?:前往|来到|深入|赴|到)(?P<site>[^，。；！？\n]{2,30}?)"
                        r"(?:调研|检查|考察|视察|督导|督查|暗访|走访)")


def _inspected_county(mentions: list[_Mention], headline: str, text: str, place: Place | None,
                      w: Weights) -> Place | None:
    """The county a province's or city's leaders inspect, when the item was decided for that
    province or city: the headline or the first sentence sends them to it (市委副书记前往某区调研)
    and it is the only county or zone the article names.  A higher body reporting on one county
    gives the county (the body is the agency); a tour of two counties stays the city's."""
    if place is None or place is _UNNAMED_COUNTY or place.level not in ("prefecture", "province"):
        return None
    locals_ = [p for p in w.scores if p.level in ("county", "zone")]
    if len(locals_) != 1:
        return None
    county = locals_[0]
    if place.name not in (county.prefecture, county.province):
        return None
    first, offset = first_sentence(text)
    for in_head, source, shift in ((True, headline, 0), (False, first, offset)):
        for m in INSPECTION.finditer(source):
            start, end = m.start("site") + shift, m.end("site") + shift
            if any(x.headline == in_head and not x.dropped and _key(x) == county
                   and start <= x.start < end for x in mentions):
                return county
    return None


#: Provincial words of an autonomous region (全区, 自治区党委), besides ``_PROVINCE_DEIXIS``.
_REGION_DEIXIS = re.compile(r"全区|自治区(?:党委|政府|人大|政协|主席)")


#: Counties or zones an item named for its province by short name must name (in two cities or
#: more) to range over the province: a feature on one county names one more on the road there.
MIN_SPREAD_UNITS = 3


def _set_in_province(mentions: list[_Mention], headline: str, text: str, place: Place | None,
                     w: Weights) -> Place | None:
    """The county an item names most (strictly more than any other: a county passed on the road
    there weighs less), when the item was decided for that county's province only through the
    province's short name (行走西藏, 西藏腹地的偏远县): a feature on one county names its
    province as the setting.  Not when the province speaks (全省, 省委, 全区,
    自治区党委: ``MIN_PROVINCE_DEIXIS`` times) or is printed in full: a province's conference
    held in one county stays the province's; nor when the headline names the province alone
    and the body goes to two of its cities or more (``_headline_province``), nor when the item
    names ``MIN_SPREAD_UNITS`` counties or more in two cities or more (a provincial paper's page
    on several)."""
    if place is None or place is _UNNAMED_COUNTY or place.level != "province":
        return None
    locals_ = sorted((p for p in w.scores if p.level in ("county", "zone")),
                     key=lambda p: (-w.scores[p], w.first_seen[p]))
    if not locals_ or locals_[0].province != place.name or (
            len(locals_) > 1 and w.scores[locals_[1]] >= w.scores[locals_[0]]):
        return None
    if _headline_province(mentions, locals_, headline) == place:
        return None  # the headline's province, voices from its cities
    if (len(locals_) >= MIN_SPREAD_UNITS
            and len({p.prefecture for p in locals_}) >= MIN_HEADLINE_PROVINCE_CITIES):
        return None  # counties of several cities: the province's page, not one county's feature
    for m in mentions:
        if not m.dropped and _key(m) == place:
            printed = (headline if m.headline else text)[m.start:m.end]
            if printed == place.name:
                return None
    source = headline + "\n" + text
    speaking = len(_PROVINCE_DEIXIS.findall(source)) + len(_REGION_DEIXIS.findall(source))
    return locals_[0] if speaking < MIN_PROVINCE_DEIXIS else None


#: A case told as a microcosm of a larger unit's work (这是贵州…的一个缩影, 正是某市…的生动写照):
#: the opening anecdote is an example, the report is the larger unit's.
MICROCOSM = re.compile(r"(?:这|此|这些)(?:正|就|也)?是(?P<span>[^。！？\n]{2,60}?)的?(?:一个|一个个)?"
                       r"(?:缩影|写照|侧面)")


def _microcosm(mentions: list[_Mention], text: str, place: Place | None) -> Place | None:
    """The province or city a case of ``place`` is called a microcosm of (``MICROCOSM``): the
    one unit named in that sentence, when it contains ``place``."""
    if place is None or place is _UNNAMED_COUNTY:
        return None
    for m in MICROCOSM.finditer(text):
        start, end = m.span("span")
        units = {k for x in mentions if not x.headline and not x.dropped
                 and start <= x.start < end and (k := _key(x)) is not None}
        if len(units) != 1:
            continue
        unit = units.pop()
        if unit != place and unit.level in ("province", "prefecture") and unit.name in (
                place.province, place.prefecture):
            return unit
    return None


def _home_study_trip(headline: str, text: str, place: Place | None, home: Place | None
                     ) -> Place | None:
    """The home county when the article reports its own delegation's study trip: the first
    sentence's subject, before the trip, is the home by name, by 我县 or by an organ of its level
    (旗政协党组书记带队赴甲旗、乙县考察学习), whatever units the trip went to."""
    if home is None or home.level not in ("county", "zone") or place == home:
        return None
    first, _ = first_sentence(text)
    trip = STUDY_TRIP.search(first)
    if trip is None:
        return None
    subject = first[:trip.start()]
    lvl = level_char(home.name)
    if (home.name in subject or f"我{lvl}" in subject or f"本{lvl}" in subject
            or any(organ.startswith(lvl) for _s, _e, organ in organs(subject))):
        return home
    return None


def _named_study_trip(mentions: list[_Mention], text: str, place: Place | None,
                      home: Place | None) -> Place | None:
    """Without a home (an anonymous copy), the one county or zone the first sentence names
    before a study trip (``STUDY_TRIP``: 甲市乙县组织干部赴丙市、丁县考察学习): the unit that
    sent the travellers, whatever the places they learned from weigh (each stop is named with
    its towns and villages, the sender once)."""
    if home is not None:
        return None
    first, offset = first_sentence(text)
    trip = STUDY_TRIP.search(first)
    if trip is None:
        return None
    senders = {k for x in mentions if not x.headline and not x.dropped
               and offset <= x.start < offset + trip.start()
               and (k := _key(x)) is not None and k.level in ("county", "zone")}
    if len(senders) != 1:
        return None
    sender = senders.pop()
    return sender if sender != place else None


def _short_forms(gaz: Gazetteer, mentions: list[_Mention], lead: _Mention | None,
                 headline: str, text: str, home: Place | None) -> _Mention | None:
    """The short names ``helpers.places.aliases`` reads: a bare zone lead placed in the home's
    city (or dropped), a headline lead confirmed by the body, addresses before townships."""
    if lead is not None and lead.short:
        placed = bare_zone_lead(headline, lead, home)
        if placed is not lead:
            mentions[:] = [m for m in mentions if m is not lead]
            lead = placed
            if placed is not None:
                mentions.insert(0, placed)
    if lead is None and headline.strip():
        lead = confirmed_lead(gaz, headline, mentions)
        if lead is not None:
            mentions[:] = [lead] + [m for m in mentions if not (m.headline and m.start < lead.end)]
    first_end = text.find("\n")
    first_end = len(text) if first_end < 0 else first_end

    def weight_of(in_head: bool, start: int) -> float:
        if in_head:
            return HEADLINE_WEIGHT
        return FIRST_PARAGRAPH_WEIGHT if start < first_end else BODY_WEIGHT

    added = address_mentions(headline, text, mentions, weight_of)
    added += branch_mentions(headline, text, mentions + added, weight_of)
    added += chain_mentions(gaz, headline, text, mentions + added, weight_of)
    added += context_short_mentions(gaz, headline, text, mentions + added, home, weight_of)
    if added:
        mentions[:] = sorted(mentions + added, key=lambda m: (not m.headline, m.start))
    return lead


# ---------------------------------------------------------------------------------------------
# the decision

#: A provincial body's own report names its province rarely: 省委 / 全省 / 省长 at least this
#: often make the text a province's (twice: once is a guest's title in a county report).
MIN_PROVINCE_DEIXIS = 2
_PROVINCE_DEIXIS = re.compile(r"[全我本该]省|省(?:委|政府|人大|政协|长)")


def _province_speaking(gaz: Gazetteer, headline: str, text: str) -> Place | None:
    """The province of an article that names no unit but speaks as a province (省委召开…,
    全省) and prints one province's short name (推进四川发展): that province.  With two
    provinces' names, or without the provincial words, nothing is known."""
    source = headline + "\n" + text
    if len(_PROVINCE_DEIXIS.findall(source)) < MIN_PROVINCE_DEIXIS:
        return None
    found = {place for place, forms in _province_forms(gaz) if any(f in source for f in forms)}
    return found.pop() if len(found) == 1 else None


#: Deixis of a city (市长, 市政府, 市委) an item naming no unit must print, more often than
#: provincial words, to speak as a city: the province it names is then in passing (湖南大学的
#: 教授 at a city government's meeting, 省委的部署 it carries out).
MIN_CITY_DEIXIS = 3


def _city_speaking(gaz: Gazetteer, province: Place, headline: str, text: str) -> Place | None:
    """The city of ``province`` an item speaking as a city (``MIN_CITY_DEIXIS``) calls by its
    short name (株洲担当, 株洲力量: ``_home_province_city``), or None."""
    source = headline + "\n" + text
    cities = sum((m["lvl"] or m["lvl2"]) == "市" for m in DEIXIS.finditer(source))
    if cities < MIN_CITY_DEIXIS or cities <= len(_PROVINCE_DEIXIS.findall(source)):
        return None
    return _home_province_city(gaz, province, headline, text)


@functools.lru_cache(maxsize=4)
def _province_forms(gaz: Gazetteer) -> tuple[tuple[Place, tuple[str, ...]], ...]:
    """Each province with its names (四川省, 四川), by name (built once per gazetteer: it
    reads every index entry)."""
    provinces = {p for places in gaz.full.values() for p in places if p.level == "province"}
    return tuple((p, gaz.forms.get(p.name, (p.name,)))
                 for p in sorted(provinces, key=lambda p: p.name))


#: The result for an article about a county it never names (县委书记 in a city paper).
_UNNAMED_COUNTY = Place("", None, "", "county")


def _decide(mentions: list[_Mention], lead: _Mention | None, w: Weights,
            headline: str) -> Place | None:
    """The place reported on (see ``locate_article``); None when nothing, or a national item;
    ``_UNNAMED_COUNTY`` when deixis with an unknown referent outweighs every named unit."""
    def best(places) -> Place | None:
        places = list(places)
        return min(places, key=lambda p: (-w.scores[p], w.first_seen[p])) if places else None

    # a lead dropped since (a visiting delegation's unit) leads nothing
    lead_key = _key(lead) if lead is not None and not lead.dropped else None
    if lead_key is not None and lead_key.level in ("county", "zone"):
        return lead_key
    in_headline = {k for m in mentions if m.headline and not m.dropped
                   and (k := _key(m)) is not None and k.level in ("county", "zone")}
    if w.headline_home is not None and w.headline_home.level in ("county", "zone"):
        in_headline.add(w.headline_home)  # 我县 in the headline is the home named there
    if not in_headline and w.headline_township is not None:
        in_headline.add(w.headline_township)  # a town of one named county leads the headline
    if len(in_headline) >= BULLETIN_MIN_UNITS and _listed_in_headline(mentions, w, headline):
        # a headline naming several units of one city, none leading it (某某到甲区和乙县调研):
        # a visit to or a list of the city's units, the bulletin rule over the headline's units
        parent = _bulletin(sorted(in_headline, key=lambda p: w.first_seen[p]), w)
        if parent:
            return parent
    if in_headline and _city_subject(lead, lead_key, mentions, headline):
        return lead_key
    tagged = _tagged_city_county(lead, lead_key, mentions, w, headline)
    if tagged is not None:
        return tagged
    if in_headline:
        return best(in_headline)
    locals_ = [p for p in w.scores if p.level in ("county", "zone")]
    if w.headline_person is not None:
        # 我县参加... with no home given: one county's own report, never a bulletin; the
        # best-scored unit of that level the body names is the county speaking
        own = best(p for p in locals_ if level_char(p.name) == w.headline_person)
        if own is not None:
            return own
    bulletin = _bulletin(locals_, w)
    if bulletin is not False:
        return bulletin
    headline_province = _headline_province(mentions, locals_, headline)
    if headline_province is not None:
        return headline_province
    ranked = [(w.scores[p], _LEVEL_RANK[p.level], p) for p in
              filter(None, (best(p for p in w.scores if p.level == lvl)
                            for lvl in ("province", "prefecture")))]
    top_local = best(locals_)
    if top_local is not None:
        ranked.append((w.scores[top_local], _LEVEL_RANK[top_local.level], top_local))
    # deixis with an unknown referent must outweigh every named unit: on a tie the one county
    # the article names is what its 我县 most likely means (no guess beyond the text)
    if w.unknown and w.unknown > max((r[0] for r in ranked), default=0.0):
        return _UNNAMED_COUNTY
    winner = max(ranked, key=lambda t: (t[0], t[1]))[2] if ranked else None
    if winner is not None and winner.level == "province" and _national(w):
        return None
    return winner


#: What ends a headline's first clause: a space between its parts, a comma, a stop.
_HEADLINE_CLAUSE_END = re.compile(r"[\s,，;；!！?？。]")


def _city_subject(lead: _Mention | None, lead_key: Place | None, mentions: list[_Mention],
                  headline: str) -> bool:
    """Is the headline's first clause the city's, its lead (no colon after it: 某市在某地招商签约
    …), with the city's counties and zones named only in a later clause (…某新区项目是签约重点)?
    The city acts and its zone is where some of it happens (CONVENTIONS L-zone-city)."""
    if lead is None or lead_key is None or lead_key.level != "prefecture":
        return False
    if headline[lead.end:lead.end + 1] in _COLON_AFTER_LEAD:
        return False
    end = _HEADLINE_CLAUSE_END.search(headline, lead.end)
    if end is None:
        return False
    below = [m for m in mentions if m.headline and not m.dropped and m is not lead
             and (k := _key(m)) is not None and k.level in ("county", "zone")]
    return bool(below) and all(m.start >= end.start() and _key(m).prefecture == lead_key.name
                               for m in below)


def _tagged_city_county(lead: _Mention | None, lead_key: Place | None, mentions: list[_Mention],
                        w: Weights, headline: str) -> Place | None:
    """The one county-level unit of a city whose name tags the headline (本溪：…, a colon after
    it), when the body names no other county or zone and names that one in its first paragraph:
    the city's paper or site labels the report with its city, the county is where it happens.
    Without a lead, the place after a column tag counts when a colon follows it (【栏目】本溪：)."""
    if lead is None:
        # the place after a column tag (【栏目】本溪：) leads what follows the tag
        tag = _COLUMN_TAG.match(headline)
        rest = headline[tag.end():] if tag else headline
        lead = _lead(load_gazetteer(), rest)
        cities = [p for p in (lead.cands if lead is not None else ()) if p.level == "prefecture"]
        if len(cities) != 1:
            return None  # (本溪 is 本溪市's and 本溪满族自治县's short name: the city tags)
        lead_key = cities[0]
        headline = rest.strip()
    if lead_key is None or lead_key.level != "prefecture":
        return None
    if headline[lead.end:lead.end + 1] not in _COLON_AFTER_LEAD:
        return None
    body = {k for m in mentions if not m.headline and not m.dropped
            and (k := _key(m)) is not None and k.level in ("county", "zone")}
    if len(body) != 1:
        return None
    (unit,) = body
    first = [m for m in mentions if not m.headline and not m.dropped and _key(m) == unit
             and m.weight >= FIRST_PARAGRAPH_WEIGHT]
    return unit if unit.prefecture == lead_key.name and first else None


#: A column tag in brackets opening a headline (【服务群众】).
_COLUMN_TAG = re.compile(r"\s*[【\[][^】\]]{1,12}[】\]]")
#: A colon after a headline's lead makes it a tag (某市：某区…), not a subject.
_COLON_AFTER_LEAD = frozenset(":：")


#: Cities of a province whose units a report must name for a headline naming the province alone
#: to make it the province's: voices from across the province (西藏各族各界热议自治区两会:
#: a city's vice mayor, herders of two counties of another city).
MIN_HEADLINE_PROVINCE_CITIES = 2


def _headline_province(mentions: list[_Mention], locals_: list[Place], headline: str
                       ) -> Place | None:
    """The province when the headline names it (西藏, 四川省) and no unit below it, and the
    body's counties and zones lie in ``MIN_HEADLINE_PROVINCE_CITIES`` or more of its cities."""
    if any(m.headline and not m.dropped for m in mentions):
        return None
    named = [p for p, forms in _province_forms(load_gazetteer())
             if any(f in headline for f in forms if len(f) >= 2)]
    if len(named) != 1:
        return None
    province = named[0]
    cities = {p.prefecture for p in locals_ if p.province == province.name}
    return province if len(cities) >= MIN_HEADLINE_PROVINCE_CITIES else None


#: What may open a lead sentence before its subject: a date and a time of day (9月2日上午，),
#: or a word for "recently" (近日，).
_LEAD_PREFIX = re.compile(r"(?:\d{4}年)?(?:\d{1,2}月\d{1,2}日)?(?:上午|下午|晚上|晚|早上|凌晨)?[,，\s]*"
                          r"|(?:近日|日前|近期|今年以来|连日来)[,，]")
#: A month after a name makes a season phrase (阳春三月: 阳春 is also a city's short name).
_MONTH_AFTER = re.compile(r"[一二三四五六七八九十正腊冬]{1,2}月")


def _lead_subject_county(mentions: list[_Mention], headline: str, text: str,
                         place: Place | None) -> Place | None:
    """The county whose short name opens the body's lead sentence as its subject (庆元把全县…
    窗口进驻…; 秦州公安分局…民警…), a word of its own and the one county-level unit so called,
    when the headline names no unit and another county was decided: that county is named in
    full only as where someone comes from or who asked for help (福建松溪县市民, 接到某县公安局的
    协查请求).  Not when the lead sentence tells a visit or study trip, or speaks as 我 (某县考察团
    来我县: the subject is the visitor)."""
    if place is None or place is _UNNAMED_COUNTY or place.level != "county":
        return None
    if any(m.headline and not m.dropped for m in mentions):
        return None
    lead, start = first_sentence(text)
    prefix = _LEAD_PREFIX.match(lead)
    at = start + prefix.end()
    hit = next(alias_matches(text[at:at + MAX_LEAD_ALIAS]), None)
    if hit is None or hit[0] != 0:
        return None
    owners = [p for p in county_aliases().get(hit[2], ()) if p.level == "county"]
    if len(owners) != 1 or owners[0] == place:
        return None
    after = text[at + hit[1]:]
    if after[:1] in NOT_UNIT_AFTER or _MONTH_AFTER.match(after):
        return None
    sentence = lead[prefix.end():]
    if VISIT.search(sentence) or STUDY_TRIP.search(sentence) or "我" in sentence:
        return None
    starts, ends = word_boundaries(text)
    return owners[0] if at in starts and at + hit[1] in ends else None


#: Longest county short name (+ 县) looked for at the start of the lead sentence.
MAX_LEAD_ALIAS = 8


def _home_in_bulletin(mentions: list[_Mention], place: Place | None,
                      home: Place | None, headline: str) -> Place | None:
    """The site's own county when the item was read as its province's or prefecture's and
    the county is named in the headline or the lead paragraph: a county's site carrying a
    higher body's list or award reports its own county's place in it (issue 12: a report on
    one county by a provincial body gets that county, the body as agency).  A city's site
    carrying its province's list reports its own city's place in it when its headline names the
    city (省级示范县名单公布，某市两地上榜)."""
    if place is None or place is _UNNAMED_COUNTY or home is None:
        return None
    if home.level == "prefecture":
        forms = load_gazetteer().forms.get(home.name, (home.name,))
        named = place.level == "province" and place.name == home.province and any(
            form in headline for form in forms)
        return home if named else None
    if home.level != "county":
        return None
    if place.level not in ("province", "prefecture") or place.name not in (
            home.prefecture, home.province):
        return None
    lead = any(not m.dropped and _key(m) == home
               and (m.headline or m.weight >= FIRST_PARAGRAPH_WEIGHT) for m in mentions)
    return home if lead else None


#: A provincial organ or a province's own word in a headline (省政府常务会议, 省委召开, 全省): on a
#: provincial site (home a province) the headline speaks as that province.
_PROVINCE_ORGAN = re.compile(r"省(?:委|政府|人大|政协|长|纪委)|[全我本]省")
#: What after a province's name opening a headline makes it the setting of a unit below it, not
#: the subject: a count or an unnamed one (云南一县…, 某省某县).
_NOT_AFTER_PROVINCE = frozenset("一二三四五六七八九十两0123456789某")


def _headline_speaks_province(gaz: Gazetteer, mentions: list[_Mention], w: Weights,
                              headline: str, text: str, home: Place | None) -> Place | None:
    """The province whose name opens the headline (浙江获…表扬激励, after a column tag), the only
    province it names, or on a provincial site (home a province) whose organ the headline names
    (省政府常务会议), when the headline names no unit below a province (no city, county, zone,
    我县 or township) and the item speaks as the province (省政府, 全省, 自治区党委:
    ``MIN_PROVINCE_DEIXIS`` times): the province is the subject, the cities and counties the body
    names are items of its lists (杭州市等5个设区市) or the zone it sets up (设立某开发区)."""
    if any(m.headline and not m.dropped and (k := _key(m)) is not None and k.level != "province"
           for m in mentions):
        return None
    if w.headline_home is not None or w.headline_township is not None or w.headline_person:
        return None
    tag = _COLUMN_TAG.match(headline)
    rest = (headline[tag.end():] if tag else headline).strip()
    forms = [(p, f) for p, fs in _province_forms(gaz) for f in fs if len(f) >= 2 and f in rest]
    named = {p for p, _f in forms}
    leading = [(p, f) for p, f in forms if rest.startswith(f)]
    if leading and len(named) == 1:
        province, form = max(leading, key=lambda t: len(t[1]))
        if rest[len(form):len(form) + 1] in _NOT_AFTER_PROVINCE:
            return None
    elif (not named and home is not None and home.level == "province"
          and _PROVINCE_ORGAN.search(rest)):
        province = home
    else:
        return None
    source = headline + "\n" + text
    speaking = len(_PROVINCE_DEIXIS.findall(source))
    if province.name.endswith("自治区"):
        speaking += len(_REGION_DEIXIS.findall(source))  # 全区 is a district's word elsewhere
    return province if speaking >= MIN_PROVINCE_DEIXIS else None


#: What may stand between the units a headline lists (甲区、乙县; 甲区和乙县; 甲区与乙县).
_LIST_GAP = re.compile(r"[、和与及,，\s]*")


def _listed_in_headline(mentions: list[_Mention], w: Weights, headline: str) -> bool:
    """Are the headline's units printed as a list (到甲区和乙县调研), not as the subject and a
    place it moves from or meets (甲县政府驻地由乙市迁出)?  A home or township standing for a
    unit (我县) counts as listed."""
    if w.headline_home is not None or w.headline_township is not None:
        return True
    spans = sorted((m.start, m.end) for m in mentions if m.headline and not m.dropped
                   and (k := _key(m)) is not None and k.level in ("county", "zone"))
    return all(_LIST_GAP.fullmatch(headline[a[1]:b[0]]) for a, b in pairwise(spans))


#: Longest stem of a unit listed before the last one in a headline that prints the level
#: ending once (呼兰、道外、松北区): county names are short, a longer stretch is a phrase.
MAX_LISTED_STEM = 4
_LISTED = re.compile(rf"((?:[^\W\d_、]{{1,{MAX_LISTED_STEM}}}、)+)$")


def _headline_list(gaz: Gazetteer, headline: str, mentions: list[_Mention]) -> Place | None:
    """A headline listing units of one city with the level ending printed once, on the last
    (某市成立甲、乙、丙区): each stem + that ending is a unit of the same prefecture.  With at
    least ``BULLETIN_MIN_UNITS_UNREFERRED`` units it is a bulletin on them: the city's item."""
    for m in mentions:
        key = _key(m)
        if not m.headline or m.dropped or key is None or key.level != "county" or not key.prefecture:
            continue
        run = _LISTED.search(headline[:m.start])
        if run is None:
            continue
        ending = headline[m.end - 1]

        def sibling(stem: str, key: Place = key, ending: str = ending) -> Place | None:
            same = [p for p in gaz.full.get(stem + ending, ())
                    if p.level == "county" and p.prefecture == key.prefecture]
            return same[0] if len(same) == 1 else None

        first, *rest = run.group(1).rstrip("、").split("、")
        # the first stem follows the headline's other words (某市成立甲): its longest tail
        head = next((u for k in range(len(first), 0, -1) if (u := sibling(first[-k:]))), None)
        units = {key, head, *map(sibling, rest)}
        if None not in units and len(units) >= BULLETIN_MIN_UNITS_UNREFERRED:
            return _parent(key.prefecture, "prefecture", list(units))
    return None


def _national(w: Weights) -> bool:
    """A list of provinces with none dominating is a national item (粮食主产区: 河北省, 山东省,
    河南省...): the bulletin rule one level up, with the nation as the parent."""
    provinces = sorted((v for p, v in w.scores.items() if p.level == "province"), reverse=True)
    if len(provinces) < BULLETIN_MIN_UNITS_UNREFERRED:
        return False
    return provinces[0] < BULLETIN_LEAD_RATIO * provinces[1]


def _bulletin(locals_: list[Place], w: Weights) -> Place | None | bool:
    """The parent of a bulletin's units (city, province, None for a national list), or False
    when the units are not a bulletin.  Two units make a bulletin only when the parent is
    referred to (named, or by deixis of its level: 市创城督查组 over 秦州区 and 麦积区)."""
    if len(locals_) < BULLETIN_MIN_UNITS:
        return False
    ranked = sorted((w.scores[p] for p in locals_), reverse=True)
    if ranked[0] >= BULLETIN_LEAD_RATIO * ranked[1]:
        return False
    for attr, level in (("prefecture", "prefecture"), ("province", "province")):
        counts: dict[str, int] = defaultdict(int)
        for p in locals_:
            if getattr(p, attr):
                counts[getattr(p, attr)] += 1
        if not counts:
            continue
        name, n = max(counts.items(), key=lambda kv: kv[1])
        if n < BULLETIN_PARENT_SHARE * len(locals_):
            continue
        parent = _parent(name, level, locals_)
        referred = parent in w.scores or level_char(parent.name) in w.deixis_levels
        if len(locals_) >= BULLETIN_MIN_UNITS_UNREFERRED or referred:
            return _weighty_city(parent, locals_, w) if level == "province" else parent
        return False
    if ranked[0] >= UNRELATED_LEAD_RATIO * ranked[1]:
        return False  # one county's report naming unrelated places in passing
    return None if len(locals_) >= BULLETIN_MIN_UNITS_UNREFERRED else False


def _weighty_city(province: Place, locals_: list[Place], w: Weights) -> Place:
    """The city, not the province, of a bulletin whose units spread over several cities when
    that city is named more than the province and holds ``BULLETIN_PARENT_SHARE`` of the
    units' weight: a city's report on its own zones naming a visiting city's zone once (甲市经开区,
    甲市试验区 and the visitors' 乙市经开区) is the city's, not its province's."""
    total = sum(w.scores[p] for p in locals_)
    by_city: dict[str, float] = defaultdict(float)
    for p in locals_:
        if p.prefecture:
            by_city[p.prefecture] += w.scores[p]
    for city in sorted(w.scores, key=lambda p: (-w.scores[p], p.name)):
        if (city.level == "prefecture" and city.province == province.name
                and w.scores[city] > w.scores.get(province, 0.0)
                and by_city.get(city.name, 0.0) >= BULLETIN_PARENT_SHARE * total):
            return city
    return province


def _parent(name: str, level: str, units: list[Place]) -> Place:
    gaz = load_gazetteer()
    for p in gaz.full.get(name, ()):
        if p.level in (level, "prefecture") and p.province in {u.province for u in units}:
            return p
    province = next(u.province for u in units if getattr(u, level) == name)
    return Place(name, name if level == "prefecture" else None, province, level)


# ---------------------------------------------------------------------------------------------
# the result


def _settle_shared_names(mentions: list[_Mention], home: Place | None, headline: str,
                         text: str) -> None:
    """A name several units share (和平区 in 天津 and 沈阳) that the full names alone left
    undecided, read again: the one of them whose township is printed right after it (龙华区新坡镇)
    is meant; else the home and the short names found since (天津) decide, as a parent printed
    beside it would."""
    context = {m.place for m in mentions if m.place is not None and not m.dropped}
    if home is not None:
        context.add(home)
    undecided = [m for m in mentions if m.place is None and len(m.cands) > 1]
    for m in undecided:
        source = headline if m.headline else text
        addressed = [c for c in m.cands if c.level == "county"
                     and any(source.startswith(t, m.end) for t in townships_of(c))]
        if len(addressed) == 1:
            m.place = addressed[0]
            context.add(m.place)
    for m in undecided:
        # else the one of them whose townships the article names anywhere (新新街街道 of one
        # 新华区 of three), a name the others' townships do not share
        if m.place is None:
            named = [c for c in m.cands if c.level == "county" and _names_own_township(
                c, [o for o in m.cands if o != c], headline + "\n" + text)]
            if len(named) == 1:
                m.place = named[0]
                context.add(m.place)
    for m in undecided:  # the name printed again means the unit it meant before
        if m.place is None:
            m.place = _choose(m.cands, context)


#: Shortest township name (ending included) that tells one of several same-named counties from
#: the others: two-character names (东乡) are words as often as names.
MIN_TELLING_TOWNSHIP = 3


def _names_own_township(county: Place, others: list[Place], text: str) -> bool:
    """Does ``text`` print a township of ``county`` that none of ``others`` has?"""
    shared = {t for o in others for t in townships_of(o)}
    return any(len(t) >= MIN_TELLING_TOWNSHIP and t not in shared and t in text
               for t in townships_of(county))


def _municipality(place: Place) -> bool:
    """Is ``place`` a municipality (北京市, 重庆市: one place, province and prefecture)?"""
    return place.level == "prefecture" and place.name == place.province


def _locality(gaz: Gazetteer, place: Place, headline: str, text: str,
              mentions: list[_Mention], published: dt.date | None, agency: str | None,
              township: str | None, home: str | None = None) -> Locality:
    """The Locality of ``place``: names as of ``published``, code, township, level."""
    code = zone_code(place) if place.level == "zone" else gaz.codes.get(place)
    if place.level == "province" or _municipality(place):
        # a municipality's own report (北京市 as a whole) is a province-level unit's, as the
        # division code (110000) and provincial yearbooks count it; its districts keep it as
        # their prefecture
        return Locality(place.name, None, place.province, "province", code, None, agency)
    printed = {headline[m.start:m.end] if m.headline else text[m.start:m.end] for m in mentions}
    if home:  # the newspaper's own unit as its metadata names it (宁乡县 in an undated item)
        printed.add(home)
    name, prefecture = as_of(place, published, printed)
    if name == place.name:
        name = printed_former_name(gaz, place, printed) or name
    if published is None and name == place.name and not any(
            place.name in source for source in (headline, text)):
        # undated, today's name never printed: 县纪委 in a unit now a 区 is the former county
        name, prefecture = former_by_own_organs(place, headline + "\n" + text) or (
            name, prefecture)
    if place.level == "zone":
        name = printed_zone_name(place, (headline, text), home)
        code = code or listed_zone_code(name)
    level = "township" if township else place.level
    if agency is None:
        agency = unit_agency(headline, text, place, name) or (
            town_acting(headline, text, township=township) if township else None) or (
            hotline_report(headline, text, level=name[-1]) if name[-1] in UNIT_LEVELS else None)
    elif agency == CITIZEN_HOTLINE and name[-1] in UNIT_LEVELS:
        agency = name[-1] + agency  # a hotline office printed with no level: the unit's line
    else:
        agency = outside_agency(headline, text, agency, place)
    return Locality(name, prefecture, place.province, level, code, township, agency)


#: Level characters of a unit's name an organ printed without its level takes (辽源市 -> 市).
UNIT_LEVELS = "市县区州旗盟"


def outside_agency(headline: str, text: str, agency: str, place: Place) -> str:
    """``agency`` with its place name when the organ is printed with the name of a unit outside
    ``place``'s chain (not the unit, its prefecture or province, nor a unit under it): 黑龙江省政协
    visiting a Jiangsu county keeps 黑龙江省 so that it cannot be read as the county's province's
    own (CONVENTIONS A-form).  Otherwise ``agency`` unchanged."""
    printed = printed_organ_place(headline, text, agency)
    if printed is None:
        return agency
    name, unit = printed
    chain = {place.name, place.prefecture, place.province}
    if unit.name in chain or place.name in (unit.prefecture, unit.province):
        return agency
    if place.level == "zone" and unit.prefecture == place.prefecture:
        return agency  # a zone lies in a county of its prefecture (杜集区人大 on 某开发区)
    if place.province + name in headline + "\n" + text:
        return agency  # printed under the item's own province (四川省某市): of its chain as printed
    return with_place_name(agency, name)


def unit_agency(headline: str, text: str, place: Place, name: str) -> str | None:
    """The reporting organ that only the unit reported on makes known, for a report whose
    opening names none: a station's bureau (泽国派出所 in 温岭市 -> 市公安局, CONVENTIONS
    A-station) takes its level from the county-level unit ``name``."""
    if place.level != "county":
        return None
    return station_bureau(headline, text, unit=name)
