"""``locate_article``: the unit an article reports on, its level, township and reporting organ.

It builds on ``resolve_locality``'s mentions (full names anywhere, short forms in the headline's
lead, a parent name narrowing its child, shared names read in context) and changes what the
parser's function must keep:

- zones are units of their own (``helpers.places.zones``);
- the dateline is blanked before mentions are weighed (``helpers.places.deixis``);
- 我县 / 本市 / 全县 count as mentions of ``home`` (``helpers.places.deixis``);
- a bulletin naming many units with none dominating is about their common parent
  (``_bulletin``): a city's ranking of its counties is the city, a province's list of counties in
  several cities the province, a list across provinces a national item (all None);
- the name is the one in force when the item was published (``helpers.places.history``);
- a report on one township of the county says so (``helpers.places.township``);
- the reporting organ (``helpers.places.agency``).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from helpers.places.agency import find_agency, organs
from helpers.places.deixis import find_deixis, level_char, mask_dateline
from helpers.places.gazetteer import Gazetteer, Place, load_gazetteer
from helpers.places.history import as_of
from helpers.places.resolve import (
    BODY_WEIGHT,
    FIRST_PARAGRAPH_WEIGHT,
    HEADLINE_WEIGHT,
    _key,
    _Mention,
    _weighted_mentions,
)
from helpers.places.townships import find_township
from helpers.places.zones import find_zones, zone_code, zone_places

__all__ = ["Locality", "locate_article"]

#: A bulletin names at least this many units below its subject (a city's ranking of its
#: counties, a province's list of cases): two units are a comparison or an exchange visit.
BULLETIN_MIN_UNITS = 3
#: ... and none of them holds this share of the units' mention weight or more: a report on one
#: county names its neighbours in passing, a bulletin spreads its weight.
BULLETIN_TOP_SHARE = 0.5
#: A province or city named as the place of an organ (湖南省纪委监委通报..., 邵阳市公安局) is the
#: body reporting, not the unit reported on: such a mention counts this much of its weight, so a
#: provincial body's report on one county is the county's; the body is the agency.
ORGAN_PLACE_FACTOR = 0.5
#: Units of the lower level that must share the parent for the bulletin to be the parent's: most
#: of them (a city's list may name a county of a neighbouring city it competes with).
BULLETIN_PARENT_SHARE = 0.75

_LEVEL_RANK = {"province": 0, "prefecture": 1, "county": 2, "zone": 2}


@dataclass(frozen=True)
class Locality:
    """The unit an article reports on (see ``locate_article``).

    ``level`` is "township", "county", "zone", "prefecture" or "province" (None when nothing
    is known).  ``locality`` is the county for a township report, the province's name for a
    province-level one.  ``admin_code`` is the 6-digit division code of ``locality`` from jionlp,
    today's code (a unit renamed since gets its successor's code), None for a zone jionlp lacks.
    ``township`` is the 乡/镇/街道 of a township report; ``agency`` the reporting organ as level
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
    such words point nowhere (never a guess).  ``source`` is the 来源 string printed with the
    article; it may name the organ.  ``published`` dates the names (renames in jionlp's list).
    Rules, beyond ``resolve_locality``'s: a county or zone leading the headline, else the
    best-scored one in the headline, is the locality; else a bulletin (``BULLETIN_*``) is its
    units' common parent; else the best score wins, the lower level on a tie.  A provincial or
    city body reporting on one county gives the county (the body is the agency).
    """
    headline = headline or ""
    text = mask_dateline(text or "")
    gaz = load_gazetteer()
    mentions, lead = _weighted_mentions(gaz, headline, text)
    lead = _apply_zones(mentions, lead, headline, text)
    home_place = _home(gaz, home, mentions)
    scores, first_seen, unknown = _scores(mentions, headline, text, home_place)
    place = _decide(mentions, lead, scores, first_seen, unknown)
    agency = find_agency(headline, text, source)
    if place is None:
        return Locality(agency=agency)
    return _locality(gaz, place, headline, text, mentions, published, agency)


# ---------------------------------------------------------------------------------------------
# mentions: zones and home


def _apply_zones(mentions: list[_Mention], lead: _Mention | None, headline: str, text: str
                 ) -> _Mention | None:
    """Zone mentions replace the city mentions they overlap (常德市西湖管理区 is the zone)."""
    first_end = text.find("\n")
    first_end = len(text) if first_end < 0 else first_end
    for in_head, source in ((True, headline), (False, text)):
        for zone in find_zones(source):
            hit = [m for m in mentions if m.headline == in_head
                   and m.start < zone.end and zone.start < m.end]
            weight = HEADLINE_WEIGHT if in_head else (
                FIRST_PARAGRAPH_WEIGHT if zone.start < first_end else BODY_WEIGHT)
            new = _Mention(zone.start, zone.end, (zone.place,), weight, headline=in_head)
            new.place = zone.place
            if in_head and (lead in hit or zone.start <= len(headline) - len(headline.lstrip())):
                new.lead = True
                lead = new
            for m in hit:
                mentions.remove(m)
            mentions.append(new)
    mentions.sort(key=lambda m: (not m.headline, m.start))
    return lead


def _home(gaz: Gazetteer, home: str | None, mentions: list[_Mention]) -> Place | None:
    """The home unit named by ``home`` (a full name; a shared one read with the mentions)."""
    if not home:
        return None
    zone = zone_places().get(home)
    if zone is not None:
        return zone
    cands = gaz.full.get(home, ()) or gaz.alias.get(home, ())
    named = {m.place for m in mentions if m.place is not None}
    for place in cands:
        if place in named:
            return place
    return cands[0] if cands else None


# ---------------------------------------------------------------------------------------------
# scores and the decision


def _scores(mentions: list[_Mention], headline: str, text: str, home: Place | None):
    """Mention weight per place (deixis counted for ``home``), the order places were first
    seen, and the weight of first-person deixis that points at no known unit."""
    scores: dict[Place, float] = defaultdict(float)
    first_seen: dict[Place, int] = {}
    organ_ends = {True: _organ_places(headline), False: _organ_places(text)}
    for n, m in enumerate(mentions):
        key = _key(m)
        if key is None or m.dropped:
            continue
        first_seen.setdefault(key, n)
        body = key.level in ("prefecture", "province") and m.end - 1 in organ_ends[m.headline]
        scores[key] += m.weight * (ORGAN_PLACE_FACTOR if body else 1.0)
    unknown = 0.0
    first_end = text.find("\n")
    first_end = len(text) if first_end < 0 else first_end
    for in_head, source in ((True, headline), (False, text)):
        spans = [(m.start, m.end) for m in mentions if m.headline == in_head]
        for d in find_deixis(source, spans):
            weight = HEADLINE_WEIGHT if in_head else (
                FIRST_PARAGRAPH_WEIGHT if d.start < first_end else BODY_WEIGHT)
            if home is not None and d.level_char == level_char(home.name):
                others = any(p != home and level_char(p.name) == d.level_char for p in scores)
                if d.first_person or not others:
                    scores[home] += weight
                    first_seen.setdefault(home, len(mentions))
            elif d.first_person and d.level_char in "县区旗":
                unknown += weight
    return scores, first_seen, unknown


def _organ_places(text: str) -> set[int]:
    """Positions of the level characters organs start with (湖南省|纪委监委: the 省)."""
    return {start for start, _end, _organ in organs(text)}


def _decide(mentions: list[_Mention], lead: _Mention | None, scores: dict[Place, float],
            first_seen: dict[Place, int], unknown: float) -> Place | None:
    """The place reported on (see ``locate_article``); None when nothing, or a national item."""
    def best(places) -> Place | None:
        places = list(places)
        return min(places, key=lambda p: (-scores[p], first_seen[p])) if places else None

    lead_key = _key(lead) if lead is not None else None
    if lead_key is not None and lead_key.level in ("county", "zone"):
        return lead_key
    in_headline = {k for m in mentions if m.headline and not m.dropped
                   and (k := _key(m)) is not None and k.level in ("county", "zone")}
    if in_headline:
        return best(in_headline)
    locals_ = [p for p in scores if p.level in ("county", "zone")]
    bulletin = _bulletin(locals_, scores)
    if bulletin is not False:
        return bulletin
    ranked = [(scores[p], _LEVEL_RANK[p.level], p) for p in
              filter(None, (best(p for p in scores if p.level == lvl)
                            for lvl in ("province", "prefecture", "county")))]
    top_local = best(locals_)
    if top_local is not None:
        ranked.append((scores[top_local], _LEVEL_RANK[top_local.level], top_local))
    if not ranked or unknown >= max(r[0] for r in ranked):
        return None
    return max(ranked, key=lambda t: (t[0], t[1]))[2]


def _bulletin(locals_: list[Place], scores: dict[Place, float]) -> Place | None | bool:
    """The parent of a bulletin's units (city, province, None for a national list), or False
    when the units are not a bulletin."""
    if len(locals_) < BULLETIN_MIN_UNITS:
        return False
    total = sum(scores[p] for p in locals_)
    if max(scores[p] for p in locals_) >= BULLETIN_TOP_SHARE * total:
        return False
    for attr, level in (("prefecture", "prefecture"), ("province", "province")):
        counts: dict[str, int] = defaultdict(int)
        for p in locals_:
            if getattr(p, attr):
                counts[getattr(p, attr)] += 1
        if counts:
            name, n = max(counts.items(), key=lambda kv: kv[1])
            if n >= BULLETIN_PARENT_SHARE * len(locals_):
                return _parent(name, level, locals_)
    return None


def _parent(name: str, level: str, units: list[Place]) -> Place:
    gaz = load_gazetteer()
    for p in gaz.full.get(name, ()):
        if p.level in (level, "prefecture") and p.province in {u.province for u in units}:
            return p
    province = next(u.province for u in units if getattr(u, level) == name)
    return Place(name, name if level == "prefecture" else None, province, level)


# ---------------------------------------------------------------------------------------------
# the result


def _locality(gaz: Gazetteer, place: Place, headline: str, text: str,
              mentions: list[_Mention], published: dt.date | None, agency: str | None
              ) -> Locality:
    """The Locality of ``place``: names as of ``published``, code, township, level."""
    code = zone_code(place) if place.level == "zone" else gaz.codes.get(place)
    if place.level == "province":
        return Locality(place.name, None, place.province, "province", code, None, agency)
    printed = {headline[m.start:m.end] if m.headline else text[m.start:m.end] for m in mentions}
    name, prefecture = as_of(place, published, printed)
    township = find_township(place, headline, text) if place.level == "county" else None
    level = "township" if township else place.level
    return Locality(name, prefecture, place.province, level, code, township, agency)
