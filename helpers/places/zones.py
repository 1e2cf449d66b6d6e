"""Functional zones as units of their own: development zones, 管理区, 高新区, 新区.

A zone is not an administrative division, but a county-level body runs it and newspapers report
on it as on a county, so ``locate_article`` returns it with level "zone", its parent prefecture
and province.  (``resolve_locality`` keeps reading a zone as its city: the parser relies on it.)

Two sources, no names typed here:

- jionlp lists some zones at county level (division code digit 5 is 7): 常德市西洞庭管理区,
  云龙示范区.  They keep jionlp's full name and code; the short names the gazetteer indexes
  (西洞庭管理区) find them too.
- Others jionlp lacks (邵阳经济技术开发区, 常德市西湖管理区, 湖南湘江新区) are recognised by their
  name pattern: a prefecture's or province's name (full or short) + its rank where printed
  (国家, 国家级: ``NATIONAL_RANK``) + at most ``MAX_ZONE_CORE`` characters + one of
  ``ZONE_SUFFIXES``.  They have no code; the name is the
  city's name as printed + the zone's own name + the full ending (邵阳经开区 -> 邵阳经济技术开发区,
  ``SUFFIX_SYNONYMS``).  Two kinds joined before one ending (某市经济技术和高新技术产业开发区) are
  the first kind's zone; a listed zone by its own name and ending with its twin county bracketed
  after it (医药高新区(高港区)) is the zone.  A province's zone named after one of its counties or cities (湖北某某
  经济开发区) lies in that unit's prefecture.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from helpers.places.gazetteer import (
    Gazetteer,
    Place,
    _children,
    _jionlp_tables,
    jionlp_detail_tree,
    load_gazetteer,
)
from helpers.regex_scan import pair_starts

__all__ = ["ZONE_SUFFIXES", "Zone", "find_zones", "listed_zone_code", "parent_names",
           "printed_zone_name",
           "self_named_zones", "zone_endings", "zone_named", "zone_own_name", "zone_places"]

#: The name endings that make a zone, longest first so that the full ending is taken.  Each is a
#: kind of functional area a county-level body administers: national/provincial development
#: zones (经济技术开发区 and its short form 经开区, 经济开发区, 开发区), high-tech zones
#: (高新技术产业开发区/园区, 高新区), 管理区 (farms and lake districts run as counties), 新区
#: (national and city new areas), 示范区/试验区/实验区 (pilot zones), the customs-bonded zones
#: (保税区, 综合保税区, 保税港区: each run by its own management committee) and 工业园区/产业园区
#: (parks with their own management committee).
ZONE_SUFFIXES = (
    "高新技术产业开发区", "高新技术产业园区", "高新技术开发区", "经济技术开发区", "综合保税区",
    "经济开发区", "保税港区", "工业园区", "产业园区", "高新区", "经开区", "开发区", "管理区", "示范区",
    "试验区", "实验区", "保税区", "新区",
)
#: Short endings that stand for a longer one: one zone printed both ways is one zone, and its
#: name is written with the full ending (盐城经开区 -> 盐城经济技术开发区).  A bare 开发区 after a
#: city (淮安开发区) is how the national economic-technological zones are shortened.
SUFFIX_SYNONYMS = {"经开区": "经济技术开发区", "高新区": "高新技术产业开发区",
                   "开发区": "经济技术开发区"}
#: The bare ending and the plain development-zone ending it may stand for (see ``find_zones``).
BARE_DEVELOPMENT = "开发区"
PLAIN_DEVELOPMENT = "经济开发区"
#: Most characters between a city's name and the ending (湘江 in 湖南湘江新区, 九华 in 湘潭九华
#: 示范区): a zone's own name is short; more is a phrase (常德市召开全市开发区...).
MAX_ZONE_CORE = 4
#: The rank a zone may print between its city's name and its own (海口国家高新区, 某市国家级经济
#: 技术开发区): part of the printed name, not of what tells one zone of the city from another.
NATIONAL_RANK = "国家级?"
#: Characters that cannot be inside a zone's own name: they make the stretch a phrase (全市,
#: 各开发区, 县城新区) rather than a name.  After a city's name numerals too (两个园区); a name
#: printed alone before its organs may hold them (两江新区管委会: ``self_named_zones``).
_NOT_IN_OWN_NAME = "全各等和与及的个家省市县区在对了为是将把被从向召开有"
_NOT_IN_CORE = _NOT_IN_OWN_NAME + "两三四五六七八九十几多"


@dataclass(frozen=True)
class Zone:
    """A zone mention: the span, the zone as a Place (level "zone") and its code (or None)."""

    start: int
    end: int
    place: Place
    code: str | None


@dataclass(frozen=True)
class _ZoneTables:
    listed: dict[str, Place]  # jionlp zones by every name the gazetteer finds them by
    codes: dict[Place, str]
    pattern: re.Pattern[str]
    prefix_places: dict[str, Place]  # a city's or province's printed name -> that unit
    listed_by_head: dict[str, tuple[str, ...]]  # listed names by their first two characters


@functools.lru_cache(maxsize=1)
def _tables() -> _ZoneTables:
    gaz = load_gazetteer()
    tree, _changes = _jionlp_tables()
    listed: dict[str, Place] = {}
    codes: dict[Place, str] = {}
    for prov in tree.values():
        for city in _children(prov).values():
            if "直辖" in city["_full_name"]:
                continue  # a zone needs a prefecture-level parent
            parent = _city_place(gaz, prov["_full_name"], city["_full_name"])
            for county in _children(city).values():
                if county["_admin_code"][4] == "7" and parent is not None:
                    zone = Place(county["_full_name"], parent.name, parent.province, "zone")
                    listed[zone.name] = zone
                    codes[zone] = county["_admin_code"]
    _add_short_names(gaz, listed)
    prefixes = _prefix_places(gaz)
    names = "|".join(re.escape(n) for n in sorted(prefixes, key=len, reverse=True))
    suffixes = "|".join(re.escape(s) for s in ZONE_SUFFIXES)
    pattern = re.compile(
        rf"(?P<pre>{names})(?P<rank>{NATIONAL_RANK})?(?P<core>[^\W\d_{_NOT_IN_CORE}]{{0,{MAX_ZONE_CORE}}}?)"
        rf"(?P<suf>{suffixes})"
    )
    # the listed names by their first two characters, longest first: one pass over a text finds
    # at each position the longest name starting there (a shorter one at the same start is never
    # kept by _leftmost_longest), instead of one search per name
    heads: dict[str, list[str]] = {}
    for name in sorted(listed, key=len, reverse=True):
        heads.setdefault(name[:2], []).append(name)
    by_head = {head: tuple(names) for head, names in heads.items()}
    return _ZoneTables(listed, codes, pattern, prefixes, by_head)


def _city_place(gaz: Gazetteer, province: str, city: str) -> Place | None:
    """The gazetteer's place for a prefecture (the municipality itself for 北京市's districts)."""
    for name in (city, province):
        for place in gaz.full.get(name, ()):
            if place.level == "prefecture" and place.province == province:
                return place
    return None


def _add_short_names(gaz: Gazetteer, listed: dict[str, Place]) -> None:
    """西洞庭管理区 -> 常德市西洞庭管理区: the gazetteer's shorter names of a listed zone."""
    for name, places in gaz.full.items():
        if name in listed or len(places) != 1 or places[0].level != "prefecture":
            continue
        owners = [z for full, z in listed.items()
                  if full.endswith(name) and z.prefecture == places[0].name]
        if len(owners) == 1:
            listed[name] = owners[0]


def _prefix_places(gaz: Gazetteer) -> dict[str, Place]:
    """Printed names (full and short) of prefectures and provinces, each to its unit."""
    out: dict[str, Place] = {}
    for full, forms in gaz.forms.items():
        unit = next((p for p in gaz.full.get(full, ()) if p.level in ("prefecture", "province")),
                    None)
        if unit is None:
            continue
        for form in forms:
            if len(form) >= 2 and "直辖" not in form:
                out.setdefault(form, unit)
    return out


def parent_names() -> dict[str, Place]:
    """Printed names (full and short) of prefectures and provinces, each to its unit (the
    table the zone pattern opens with; not to be changed)."""
    return _tables().prefix_places


def zone_places() -> dict[str, Place]:
    """jionlp's zones by name (full names and the short names the gazetteer indexes)."""
    return dict(_tables().listed)


def zone_named(name: str) -> Place | None:
    """The zone a whole string names (a ``home`` such as 常德市西洞庭管理区 or 天津东疆保税港区):
    jionlp's by any indexed name, else one found by the name pattern; None otherwise."""
    listed = _tables().listed.get(name)
    if listed is not None:
        return listed
    found = find_zones(name)
    if len(found) == 1 and (found[0].start, found[0].end) == (0, len(name)):
        return found[0].place
    return _county_named_zone(name)


def _county_named_zone(name: str) -> Place | None:
    """A zone named by one county's name or short name and a zone ending alone (江都经济开发区,
    瑞金经开区): in that county's city."""
    suffix = next((s for s in ZONE_SUFFIXES if name.endswith(s)), None)
    if suffix is None or len(name) <= len(suffix):
        return None
    gaz = load_gazetteer()
    counties = {p for p in gaz.lookup(name[: -len(suffix)]) if p.level == "county"}
    if len(counties) != 1:
        return None
    county = counties.pop()
    return Place(name, county.prefecture, county.province, "zone")


#: Shortest own name of a zone that stands for it alone (东疆 for 天津东疆保税港区 on the zone's
#: own site): a single character (湘 of a 湘新区) is part of too many words.
MIN_OWN_NAME = 2


def zone_own_name(zone: Place) -> str | None:
    """A zone's own name, without its city's or province's name and its ending (东疆 for
    天津东疆保税港区, 西洞庭 for 常德市西洞庭管理区); None when nothing distinctive is left
    (邵阳经济技术开发区) or it is shorter than ``MIN_OWN_NAME``."""
    tables = _tables()
    rest = zone.name
    prefixes = sorted((n for n, p in tables.prefix_places.items()
                       if p.name in (zone.prefecture, zone.province)), key=len, reverse=True)
    rest = next((rest[len(n):] for n in prefixes if rest.startswith(n)), rest)
    suffix = next((s for s in ZONE_SUFFIXES if rest.endswith(s)), None)
    if suffix is None:
        return None
    rest = rest[: -len(suffix)]
    return rest if len(rest) >= MIN_OWN_NAME else None


def zone_code(place: Place) -> str | None:
    """jionlp's code of a listed zone; None for a zone found by its name pattern."""
    return _tables().codes.get(place)


def listed_zone_code(name: str) -> str | None:
    """jionlp's code of the county-level zone called ``name`` (安徽安庆经济开发区); None when
    jionlp lists it under no such name or only as a township-level entry."""
    tables = _tables()
    place = tables.listed.get(name)
    return tables.codes.get(place) if place is not None else None


def zone_endings(zone: Place) -> tuple[str, ...]:
    """The endings a zone is called by on its own (开发区, 经开区 for 连云港经济技术开发区): its
    own ending and the short ones that stand for it, by ``SUFFIX_SYNONYMS``."""
    own = next((s for s in ZONE_SUFFIXES if zone.name.endswith(s)), None)
    if own is None:
        return ()
    full = SUFFIX_SYNONYMS.get(own, own)
    return (own, *(s for s, f in SUFFIX_SYNONYMS.items() if f == full and s != own))


@functools.lru_cache(maxsize=1)
def _listed_starts() -> re.Pattern[str]:
    """Where a listed zone's name can start (``find_zones`` looks its first two characters up
    only there)."""
    return pair_starts(_tables().listed_by_head)


#: How many texts' zones ``find_zones`` keeps: an article's headline and body are each asked
#: for twice (the zones that replace city mentions, the bare zone words), its clauses once.
TEXTS_KEPT = 16


def find_zones(text: str) -> list[Zone]:
    """``_find_zones`` of ``text`` (a fresh list), computed once for the last texts asked."""
    return list(_zones_of(text))


@functools.lru_cache(maxsize=TEXTS_KEPT)
def _zones_of(text: str) -> tuple[Zone, ...]:
    return tuple(_find_zones(text))


@functools.lru_cache(maxsize=1)
def _zone_chars() -> tuple[str, ...]:
    """Characters one of which every zone ``_find_zones`` finds contains: the last characters of
    the listed names, of the zone endings (pattern zones, bare mentions, twinned and coordinated
    zones end their zone part with one) and of the organ zone words.  A text with none of them
    (most clauses) names no zone, and its regex passes are skipped (issue 16)."""
    words = (*_tables().listed, *ZONE_SUFFIXES, *ORGAN_ZONE_WORDS, _SHARED)
    return tuple(sorted({w[-1] for w in words}))


@functools.lru_cache(maxsize=1)
def _core_endings() -> tuple[str, ...]:
    """The zone endings that hold no shorter one (开发区 for 经济技术开发区, 新区 for 高新区): every
    zone but a listed one ends with one of the ``ZONE_SUFFIXES`` (the pattern's ending, the
    bare, twinned and coordinated forms) or ``ORGAN_ZONE_WORDS``, so a text printing none of
    these names only listed zones, and the other passes are skipped (issue 16)."""
    endings = {*ZONE_SUFFIXES, *ORGAN_ZONE_WORDS, _SHARED}
    return tuple(sorted(e for e in endings if not any(o != e and o in e for o in endings)))


def _find_zones(text: str) -> list[Zone]:
    """Zones named in ``text``: jionlp's (by any indexed name) and pattern zones, left to right.

    A pattern zone named once with its city (邵阳经济技术开发区) is found again without it
    (经开区, 西湖管理区) when the text names no other zone: newspapers drop the city after the first
    mention.  Overlaps keep the leftmost, then longest, match.
    """
    if not any(c in text for c in _zone_chars()):
        return []
    tables = _tables()
    found: list[tuple[int, int, Place, str | None]] = []
    for at in _listed_starts().finditer(text):
        i = at.start()
        names = tables.listed_by_head.get(text[i:i + 2])
        if names:
            name = next((n for n in names if text.startswith(n, i)), None)
            if name is not None:
                zone = tables.listed[name]
                found.append((i, i + len(name), zone, tables.codes[zone]))
    if not any(s in text for s in _core_endings()):
        return _leftmost_longest(found)  # no pattern, bare, twinned, coordinated or organ zone
    printed: dict[tuple, str] = {}
    ranks: dict[tuple, tuple[bool, int]] = {}
    pattern_hits: list[tuple[int, int, tuple]] = []
    hits = list(tables.pattern.finditer(text))
    # a bare 开发区 stands for the ending the same zone is printed with elsewhere in the text
    # (镇江市开发区 and 镇江经济开发区: one zone, the 经济开发区), else for 经济技术开发区
    printed_endings = {(tables.prefix_places[m["pre"]].name, m["core"], m["suf"]) for m in hits}
    for m in hits:
        unit = tables.prefix_places[m["pre"]]
        suffix = SUFFIX_SYNONYMS.get(m["suf"], m["suf"])
        if m["suf"] == BARE_DEVELOPMENT and (unit.name, m["core"], PLAIN_DEVELOPMENT) in (
                printed_endings):
            suffix = PLAIN_DEVELOPMENT
        key = (unit.name, m["core"], suffix)
        name = m["pre"] + (m["rank"] or "") + m["core"] + key[2]
        # a name printed so (with its full ending) before one completed from a shorter ending,
        # then the longer (the city's full name)
        rank = (name == m.group(), len(name))
        if rank > ranks.get(key, (False, 0)):
            printed[key], ranks[key] = name, rank
        pattern_hits.append((m.start(), m.end(), key))
    for start, end, key in pattern_hits:
        found.append((start, end, _pattern_place(tables, key, printed[key]), None))
    if len(printed) == 1:
        found += _bare_mentions(tables, text, next(iter(printed.items())))
    found += _twinned(text)
    found += _coordinated(tables, text)
    found += _organ_zones(tables, text)
    return _leftmost_longest(found)


def printed_zone_name(zone: Place, texts: tuple[str, ...], home: str | None = None) -> str:
    """The name a zone without a code of its own is written with (CONVENTIONS L-zone-name).

    jionlp's name when jionlp lists the zone at county level (安庆经济技术开发区 printed ->
    安徽安庆经济开发区); else the fullest form printed with its city's or province's name (龙岩经开区
    when only that is printed, 盐城经济技术开发区 when both forms are), the home's name counting as
    printed (a zone's own site); a form the text prints with its full ending (常德市西湖管理区) is
    kept, but a short or bare one (天津高新区, 开发区 on 杜集区's site) gives way to the name of the
    zone's entry in jionlp's township list (天津滨海新区高新技术产业开发区, 淮北杜集经济开发区);
    else the completed name (市高新区 on the city's site).  Ties go to the first printed."""
    if zone.level != "zone" or zone_code(zone) is not None:
        return zone.name
    gazetteer_name = _gazetteer_zone(zone)
    if gazetteer_name is not None and gazetteer_name in _tables().listed:
        return gazetteer_name
    tables = _tables()
    forms: list[str] = []
    for text in texts:
        for z in find_zones(text):
            form = text[z.start:z.end]
            if z.place == zone and _city_prefixed(tables, form):
                forms.append(form)
    if gazetteer_name is not None and not any(_full_ending(f) for f in forms):
        return gazetteer_name  # the text prints no full form (a site's name is no print)
    if home and zone_named(home) == zone:
        forms.append(home)
    return max(forms, key=len) if forms else zone.name


def _full_ending(form: str) -> bool:
    """Does ``form`` end with a zone ending in full (管理区, 经济开发区), not a short form that
    stands for a longer one (高新区, 经开区, 开发区)?"""
    ending = next((s for s in ZONE_SUFFIXES if form.endswith(s)), None)
    return ending is not None and ending not in SUFFIX_SYNONYMS


#: A zone's kind by its ending: the endings of one kind name the same zone (安庆经济技术开发区 and
#: 安徽安庆经济开发区; 天津高新区 and 天津滨海新区高新技术产业开发区).
_KINDS = {"经济技术开发区": "development", "经济开发区": "development", "开发区": "development",
          "经开区": "development", "高新技术产业开发区": "high-tech", "高新技术开发区": "high-tech",
          "高新技术产业园区": "high-tech", "高新区": "high-tech"}


@functools.lru_cache(maxsize=1)
def _gazetteer_zones() -> tuple[tuple[Place, str, str, str], ...]:
    """Every zone jionlp lists, at county level and as a township-level entry under a county
    (淮北杜集经济开发区 under 杜集区, 天津滨海新区高新技术产业开发区 under 滨海新区): (zone, its
    own name without its province's and city's names, the same without its county's name too,
    its kind).  An entry that is an ending alone (开发区) names nothing."""
    gaz = load_gazetteer()
    out: list[tuple[Place, str, str, str]] = []
    for prov in jionlp_detail_tree().values():
        province = prov["_full_name"]
        for city in _children(prov).values():
            city_name = province if "直辖" in city["_full_name"] else city["_full_name"]
            above = [city_name, province, *gaz.forms.get(city_name, ()),
                     *gaz.forms.get(province, ())]
            for county in _children(city).values():
                names = [county["_full_name"]] if county["_admin_code"][4] == "7" else []
                names += [t for t in _children(county) if t.endswith(ZONE_SUFFIXES)]
                county_forms = [county["_full_name"], *gaz.forms.get(county["_full_name"], ())]
                for name in names:
                    own, kind = _own_and_kind(name, above)
                    if kind is None or name in ZONE_SUFFIXES:
                        continue
                    bare, _kind = _own_and_kind(name, above + county_forms)
                    out.append((Place(name, city_name, province, "zone"), own, bare, kind))
    return tuple(out)


def _own_and_kind(name: str, strip: list[str]) -> tuple[str, str | None]:
    """A zone name's own part, every leading unit name in ``strip`` removed, and its kind."""
    suffix = next((s for s in ZONE_SUFFIXES if name.endswith(s)), None)
    if suffix is None:
        return name, None
    rest = name[: -len(suffix)]
    forms = sorted({f for f in strip if len(f) >= 2}, key=len, reverse=True)
    changed = True
    while changed:
        changed = False
        for form in forms:
            if rest.startswith(form):
                rest, changed = rest[len(form):], True
                break
    return rest, _KINDS.get(suffix, suffix)


def _gazetteer_zone(zone: Place) -> str | None:
    """jionlp's name of a zone found by its pattern or completed from a bare word, when jionlp
    lists exactly one zone of that city with the same own name and kind (CONVENTIONS
    L-zone-name: one zone, the gazetteer's name)."""
    gaz = load_gazetteer()
    strip = [zone.prefecture or "", zone.province or "",
             *gaz.forms.get(zone.prefecture or "", ()), *gaz.forms.get(zone.province or "", ())]
    own, kind = _own_and_kind(zone.name, strip)
    if kind is None:
        return None
    same_kind = [(z, z_own, bare) for z, z_own, bare, z_kind in _gazetteer_zones()
                 if z.prefecture == zone.prefecture and z.province == zone.province
                 and z_kind == kind]
    # the own name as jionlp prints it first; else without the county it is listed under
    # (天津高新区 is 天津滨海新区高新技术产业开发区, the one high-tech zone of 天津)
    for found in ({z.name for z, z_own, _b in same_kind if z_own == own},
                  {z.name for z, _o, bare in same_kind if bare == own}):
        if found:
            return found.pop() if len(found) == 1 else None
    return None


def _city_prefixed(tables: _ZoneTables, form: str) -> bool:
    """Does ``form`` open with a city's or province's name (a full zone name, not 经开区)?"""
    return any(form[:n] in tables.prefix_places
               for n in range(2, len(form)))


#: Most characters of a unit's name inside the bracket after a zone (高港区, 某某县): a county's
#: name is short; a longer bracket is a remark.
MAX_TWIN_NAME = 8


@functools.lru_cache(maxsize=1)
def _twin_forms() -> tuple[re.Pattern[str] | None, dict[str, Place]]:
    """Each listed zone's own name + one of its endings (医药高新区), when no other listed zone
    is called so, and a pattern for such a form directly followed by a bracketed name."""
    forms: dict[str, set[Place]] = {}
    for zone in set(_tables().listed.values()):
        own = zone_own_name(zone)
        if own is not None:
            for ending in zone_endings(zone):
                forms.setdefault(own + ending, set()).add(zone)
    unique = {f: next(iter(z)) for f, z in forms.items() if len(z) == 1}
    if not unique:
        return None, {}
    names = "|".join(re.escape(f) for f in sorted(unique, key=len, reverse=True))
    return re.compile(rf"(?P<form>{names})[（(](?P<unit>[^（()）]{{2,{MAX_TWIN_NAME}}})[)）]"), unique


def _twinned(text: str) -> list:
    """A zone by its own name and ending with the county it shares its administration with in
    brackets (医药高新区(高港区): one body under two names, the zone named first as the subject):
    the zone, over the whole stretch, when the county lies in the zone's city."""
    pattern, forms = _twin_forms()
    if pattern is None:
        return []
    gaz = load_gazetteer()
    out = []
    for m in pattern.finditer(text):
        zone = forms[m["form"]]
        if any(p.level == "county" and p.prefecture == zone.prefecture
               for p in gaz.full.get(m["unit"], ())):
            out.append((m.start(), m.end(), zone, _tables().codes.get(zone)))
    return out


#: Words joining two kinds of zone that share one ending and one administration (某市经济技术
#: 和高新技术产业开发区).
_AND = "和与及"


@functools.lru_cache(maxsize=1)
def _coordinated_pattern() -> re.Pattern[str]:
    """A city's or province's name + a kind of zone + ``_AND`` + a kind + 开发区."""
    tables = _tables()
    kinds = sorted({s[: -len(_SHARED)] for s in ZONE_SUFFIXES
                    if s.endswith(_SHARED) and len(s) > len(_SHARED)}, key=len, reverse=True)
    names = "|".join(re.escape(n) for n in sorted(tables.prefix_places, key=len, reverse=True))
    alt = "|".join(re.escape(k) for k in kinds)
    return re.compile(rf"(?P<pre>{names})(?P<first>{alt})[{_AND}](?:{alt}){_SHARED}")


#: The ending two coordinated kinds of zone share.
_SHARED = "开发区"


def _coordinated(tables: _ZoneTables, text: str) -> list:
    """A city + two kinds of zone joined by ``_AND`` before one shared ending (某市经济技术和
    高新技术产业开发区): the zones are run as one, and the item is the first kind's zone (经济技术
    + 开发区)."""
    out: list = []
    if _SHARED not in text:  # every match ends with it
        return out
    for m in _coordinated_pattern().finditer(text):
        unit = tables.prefix_places[m["pre"]]
        suffix = m["first"] + _SHARED
        key = (unit.name, "", SUFFIX_SYNONYMS.get(suffix, suffix))
        out.append((m.start(), m.end(), _pattern_place(tables, key, m["pre"] + suffix), None))
    return out


#: Bare zone words a city organ's zone branch is printed with (开封市市场监管局示范区, 某市公安局
#: 高新区分局): the zone of that kind in the city.
ORGAN_ZONE_WORDS = ("示范区", "高新区", "经开区", "开发区")
#: Most characters of the organ between the city and the zone word (市场监管局, 自然资源和规划局).
MAX_ORGAN_CHARS = 10
#: Endings of the organ.
_ORGAN_ENDS = "局委办院"


@functools.lru_cache(maxsize=1)
def _organ_zone_pattern() -> re.Pattern[str]:
    """A prefecture's name + an organ + a bare zone word."""
    tables = _tables()
    names = "|".join(re.escape(n) for n, p in sorted(tables.prefix_places.items(),
                                                      key=lambda t: len(t[0]), reverse=True)
                     if p.level == "prefecture")
    words = "|".join(re.escape(w) for w in ORGAN_ZONE_WORDS)
    return re.compile(rf"(?P<pre>{names})(?P<organ>[^\W\d_]{{1,{MAX_ORGAN_CHARS}}}?"
                      rf"[{_ORGAN_ENDS}])(?P<suf>{words})(?!域)")


def _organ_zones(tables: _ZoneTables, text: str) -> list:
    """A bare zone word right after a city organ (开封市市场监管局示范区: the bureau's branch in
    the city's zone): the city's zone of that kind, jionlp's when it lists one such zone in the
    city, else named by the city's name as printed and the word (CONVENTIONS L-zone-name)."""
    out: list = []
    if not any(w in text for w in ORGAN_ZONE_WORDS):
        return out
    for m in _organ_zone_pattern().finditer(text):
        city = tables.prefix_places[m["pre"]]
        word = m["suf"]
        endings = BARE_ZONE_WORDS.get(word, (word,))
        listed = {z for z in tables.listed.values()
                  if z.prefecture == city.name and z.name.endswith(endings)}
        if len(listed) > 1:
            continue
        place = listed.pop() if listed else Place(m["pre"] + word, city.name, city.province,
                                                  "zone")
        out.append((m.start("suf"), m.end("suf"), place, tables.codes.get(place)))
    return out


def _pattern_place(tables: _ZoneTables, key: tuple, name: str) -> Place:
    """A pattern zone's Place: the prefecture is the city in its name, or for a province's zone
    (湖北某某经济开发区) the city of the unit its own name is the short name of, when that short
    name is one unit's of the province (a zone named after its county or city)."""
    unit = next(p for p in tables.prefix_places.values() if p.name == key[0])
    prefecture = unit.name if unit.level == "prefecture" else None
    known = _known_unit(tables, key, unit)
    if known is not None:
        return known
    if unit.level == "province" and key[1]:
        gaz = load_gazetteer()
        owners = {p.prefecture for p in gaz.lookup(key[1])
                  if p.province == unit.province and p.level in ("county", "prefecture")}
        if len(owners) == 1:
            prefecture = owners.pop()
    return Place(name, prefecture, unit.province, "zone")


def _known_unit(tables: _ZoneTables, key: tuple, unit: Place) -> Place | None:
    """The gazetteer's unit a city's zone is when its own name and ending alone name one in that
    city (成都天府新区 is jionlp's county-level 天府新区 of 成都市): one zone whatever its printed
    form.  None without an own name (成都新区 is no 新区) or such a unit."""
    _city, core, suffix = key
    if not core:
        return None
    gaz = load_gazetteer()
    endings = (suffix, *(s for s, full in SUFFIX_SYNONYMS.items() if full == suffix))
    for ending in endings:
        name = core + ending
        for place in (*gaz.full.get(name, ()), *((tables.listed[name],) if name in tables.listed
                                                  else ())):
            if place.level in ("county", "zone") and unit.name in (place.prefecture,
                                                                   place.province):
                return place
    return None


def _bare_mentions(tables: _ZoneTables, text: str, item: tuple[tuple, str]) -> list:
    """经开区 / 西湖管理区 after 邵阳经济技术开发区 / 常德市西湖管理区: the zone without its city."""
    key, name = item
    _unit, core, suffix = key
    forms = {core + suffix, *(core + s for s, full in SUFFIX_SYNONYMS.items() if full == suffix)}
    place = _pattern_place(tables, key, name)
    out = []
    for form in forms:
        for m in re.finditer(re.escape(form), text):
            out.append((m.start(), m.end(), place, None))
    return out


def _leftmost_longest(found: list) -> list[Zone]:
    found.sort(key=lambda t: (t[0], t[0] - t[1]))
    out: list[Zone] = []
    last = 0
    for start, end, place, code in found:
        if start >= last:
            out.append(Zone(start, end, place, code))
            last = end
    return out


#: Bare zone words an item on a zone's own site (or its city's) calls the zone by: 开发区召开…,
#: 高新区党工委…  Each with the endings the zone's full name may carry.
BARE_ZONE_WORDS = {
    "开发区": ("经济技术开发区", "经济开发区", "开发区"),
    "经开区": ("经济技术开发区", "经济开发区"),
    "高新区": ("高新技术产业开发区", "高新技术开发区", "高新技术产业园区", "高新区"),
    "管理区": ("管理区",),
    "新区": ("新区",),
}
#: A zone's bare stem before one of its organs (高新分局, 高新警方, 经开管委会) calls the zone as
#: its bare word does (a zone police branch's report on the city's site).
ZONE_STEMS = {"高新": "高新区", "经开": "经开区"}
ZONE_STEM_ORGANS = r"(?:分局|警方|公安|管委会|党工委)"
#: The ending a county's bare 开发区 is named with: counties' development zones are provincial
#: ones, named 某某经济开发区 (a city's bare 开发区 is its national 经济技术开发区).
COUNTY_ZONE_ENDING = {"开发区": "经济开发区", "经开区": "经济开发区"}
#: Least number of references (headline ones count ``BARE_HEADLINE_WEIGHT`` times) before a bare
#: zone word makes the item the zone's: once or twice is a setting (项目落户开发区).
MIN_BARE_ZONE_REFS = 3
BARE_HEADLINE_WEIGHT = 2
#: Bare words that are also common nouns (城市新区, 景区管理区): counted only after the characters
#: of ``_BARE_BEFORE``, punctuation and function words.  开发区, 经开区 and 高新区 are counted after
#: any character but inside a zone ``find_zones`` names.
_GENERIC_BARE = frozenset({"新区", "管理区"})
#: A bare zone word after a level character (市高新区, 县开发区) is the city's or county's own
#: zone, said as its site says it: it counts double, like a headline's.
OWNER_LEVELS = frozenset("市县区")
OWNED_BARE_WEIGHT = 2
_BARE_BEFORE = set("到在是了全和与及对为将把从向由于的、，。：；（“”《》 ,.:;()\"'\n") | {""}


def bare_zone_refs(headline: str, text: str) -> tuple[str | None, int]:
    """The bare zone word an item uses most and its weighted count (``BARE_HEADLINE_WEIGHT``)."""
    counts: dict[str, int] = {}
    for source, weight in ((headline, BARE_HEADLINE_WEIGHT), (text, 1)):
        named = [(z.start, z.end) for z in find_zones(source)]
        for word in sorted(BARE_ZONE_WORDS, key=len, reverse=True):
            for m in re.finditer(re.escape(word), source):
                before = source[m.start() - 1:m.start()] if m.start() else ""
                if (word in _GENERIC_BARE and before not in _BARE_BEFORE) or any(
                        a < m.end() and m.start() < b for a, b in named):
                    continue
                if source.startswith("域", m.end()):
                    continue  # 开发区域: an area being developed, not a zone
                owned = before in OWNER_LEVELS and word not in _GENERIC_BARE
                counts[word] = counts.get(word, 0) + weight * (OWNED_BARE_WEIGHT if owned else 1)
        for stem, word in ZONE_STEMS.items():
            hits = len(re.findall(re.escape(stem) + ZONE_STEM_ORGANS, source))
            if hits:
                counts[word] = counts.get(word, 0) + weight * hits
    if not counts:
        return None, 0
    word = max(counts, key=lambda w: (counts[w], len(w)))
    return word, counts[word]


def home_zone(word: str, home: Place) -> Place | None:
    """The zone a bare ``word`` (开发区, 高新区) means on the site of ``home``: the one zone of that
    kind jionlp lists in the home's city (and, for a county home, with the county's name in its
    own), else the name the city's or county's short name and the ending make; None when the home
    is no county or city."""
    if home.level == "zone":
        return home
    if home.level not in ("county", "prefecture") or word not in BARE_ZONE_WORDS:
        return None
    gaz = load_gazetteer()
    city = home.prefecture if home.level == "county" else home.name
    shorts = [f for f in gaz.forms.get(home.name, (home.name,)) if len(f) >= 2]
    short = min(shorts, key=len) if shorts else home.name
    endings = BARE_ZONE_WORDS[word]
    listed = {z for z in _tables().listed.values()
              if z.prefecture == city and z.name.endswith(endings)
              and (home.level == "prefecture" or short in z.name)}
    if len(listed) == 1:
        return listed.pop()
    if listed:
        return None
    if home.level == "prefecture":
        return zone_named(short + SUFFIX_SYNONYMS.get(word, word))
    if short == home.name and len(short) > COUNTY_STEM_MIN and short[-1] in "县区市旗":
        short = short[:-1]  # 金坛区 -> 金坛经济开发区: a zone is named by the county's stem
    ending = COUNTY_ZONE_ENDING.get(word, SUFFIX_SYNONYMS.get(word, word))
    return Place(short + ending, city, home.province, "zone")


#: Shortest county stem a zone is named by (金坛 of 金坛区); 2 characters keep 沛县's 沛县.
COUNTY_STEM_MIN = 2


#: The organs only a functional zone has (a county has a 政府 and a 县委): a name with a zone
#: ending directly before one is a zone even when it carries no city's name (郑蒲港新区管委会,
#: 南太湖新区党工委) or spells a district's name of today (a 新区 run by a 管委会 before it became
#: a 区).
ZONE_ORGANS = ("党工委", "管委会", "管理委员会")
#: Characters before which such a name can start: a text's start, spacing, punctuation and the
#: words that put a place after them (在, 到, 来, 赴, 对…); elsewhere the characters before could be
#: part of a longer word.
_SELF_NAMED_BEFORE = r"\s，。、；：！？“”‘’《》（）()【】,.;:!?\"'在到来赴对与和及为由经据向"


@functools.lru_cache(maxsize=1)
def _self_named_pattern() -> re.Pattern[str]:
    suffixes = "|".join(re.escape(s) for s in ZONE_SUFFIXES)
    organs = "|".join(ZONE_ORGANS)
    return re.compile(
        rf"(?:^|(?<=[{_SELF_NAMED_BEFORE}]))(?P<core>[^\W\d_{_NOT_IN_OWN_NAME}]{{{MIN_OWN_NAME},"
        rf"{MAX_ZONE_CORE}}})(?P<suf>{suffixes})(?=(?:{organs}))", re.MULTILINE)


#: How often an item must print a zone's own name found only before an organ (郑蒲港新区党工委)
#: when that name names no county or city: once may be a phrase cut wrong (…，听取关于新区党工委
#: 工作的汇报); a zone's report names it in its headline or again in its body.
MIN_SELF_NAMED_REFS = 2


def self_named_zones(headline: str, text: str) -> list[Zone]:
    """Zones printed by their own name alone before one of their ``ZONE_ORGANS`` in ``text``
    (郑蒲港新区党工委), named as printed, outside the zones ``find_zones`` names.  Their city is the
    one their own name names (瑞金经开区管委会: 瑞金市's city) when that is a single county or city;
    else unknown here (``locate_article`` takes it from the item's home or the one city the item
    names), and then the name must be printed ``MIN_SELF_NAMED_REFS`` times in the item."""
    if not any(o in text for o in ZONE_ORGANS):
        return []
    named = [(z.start, z.end) for z in find_zones(text)]
    gaz = load_gazetteer()
    out: list[Zone] = []
    for m in _self_named_pattern().finditer(text):
        owners = {(p.prefecture if p.level == "county" else p.name, p.province)
                  for p in gaz.lookup(m["core"]) if p.level in ("county", "prefecture")}
        prefecture, province = owners.pop() if len(owners) == 1 else (None, None)
        name = m["core"] + m["suf"]
        if any(a < m.end() and m.start() < b for a, b in named):
            continue
        if prefecture is None and (headline + text).count(name) < MIN_SELF_NAMED_REFS:
            continue
        out.append(Zone(m.start(), m.end(), Place(name, prefecture, province, "zone"), None))
    return out
