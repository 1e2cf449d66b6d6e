"""Short names of county-level units read where the context shows they are names.

``resolve_locality`` trusts jionlp's aliases only in a headline's lead (江华：), because in
running text many are words.  ``locate_article`` reads three more constructions, each of which
shows by itself that the short form is a name (no names typed here: aliases, townships and zone
endings come from jionlp):

- an *address*: a county's short name, optionally followed by 县, directly followed by one of its
  own townships (赣县五云镇), or the short name + 县 repeated (``MIN_FORMER_FORM_REPEATS``).  A word that happens to equal a county's short name is not followed
  by a township of that very county, nor printed after that county's province (江西省赣县).  The
  short name + 县 before any township-shaped name
  (垦利县下镇乡, a township jionlp no longer lists) counts too: the printed 县 makes it a name.  Such a printed 县 form that jionlp does not
  know as a name is a former name it has no record of (a county made a district): the article
  printing it and never today's name was written under it (``printed_former_name``);
- a *confirmed headline lead*: a headline starting with a county's short name followed by more
  words (龙海经济社会...) is that county's when the body names the county by its full name;
- a *bare zone lead*: a headline starting with a zone ending alone (高新区“三十工程”...), which
  jionlp lists as an alias of one zone somewhere in the country, is the zone of that kind in the
  article's own city (``home``), never a zone in another province.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from helpers.places.gazetteer import Gazetteer, Place, load_gazetteer
from helpers.places.resolve import _DIRECTIONS, _TOWNS, HEADLINE_WEIGHT, _Mention
from helpers.places.townships import MAX_ADDRESSED_STEM, townships_of
from helpers.places.zones import SUFFIX_SYNONYMS, ZONE_SUFFIXES, zone_named

__all__ = ["address_mentions", "bare_zone_lead", "confirmed_lead", "printed_former_name"]

#: Shortest short name read as an address or a lead: a single character (澧) is part of too many
#: words.
MIN_ALIAS_CHARS = 2
#: The level character a county's former printed form may add to its short name (赣县, 垦利县):
#: the county a district was before it became one.
COUNTY_CHAR = "县"
#: A township's name after a county's printed 县 form, when jionlp does not list it (merged away
#: since): a short stem and a township ending.
_ADDRESSED = re.compile(rf"[^\W\d_]{{1,{MAX_ADDRESSED_STEM}}}(?:镇|乡|街道)")
#: A county's short name + 县 that jionlp knows as no name, printed this many times, is the
#: county's former name (静海县 for a 静海区 made a district, which jionlp has no record of): one
#: printing may be a slip or a phrase, a form repeated is the name the article uses.
MIN_FORMER_FORM_REPEATS = 2


@functools.lru_cache(maxsize=1)
def _county_aliases() -> dict[str, tuple[Place, ...]]:
    """County-level units by their jionlp short names (at least ``MIN_ALIAS_CHARS``); a short
    name a city or province shares (长沙: 长沙市 and 长沙县) is the larger unit's as often, and is
    left out."""
    gaz = load_gazetteer()
    return {name: places for name, places in gaz.alias.items()
            if len(name) >= MIN_ALIAS_CHARS and all(p.level == "county" for p in places)
            and not gaz.full.get(name)}


@functools.lru_cache(maxsize=1)
def _aliases_by_head() -> dict[str, tuple[str, ...]]:
    """The county short names by their first two characters, longest first."""
    heads: dict[str, list[str]] = {}
    for name in sorted(_county_aliases(), key=len, reverse=True):
        heads.setdefault(name[:2], []).append(name)
    return {head: tuple(names) for head, names in heads.items()}


def _alias_matches(source: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, printed form) of county short names (+ an optional 县), left to right,
    non-overlapping, the longest at each position: what one alternation of every name would
    find, in one pass with a dictionary look-up per position instead."""
    heads = _aliases_by_head()
    i, n = 0, len(source)
    while i < n - 1:
        name = next((x for x in heads.get(source[i:i + 2], ()) if source.startswith(x, i)),
                    None)
        if name is None:
            i += 1
            continue
        end = i + len(name)
        if source.startswith(COUNTY_CHAR, end):
            end += 1
        yield i, end, source[i:end]
        i = end


def address_mentions(headline: str, text: str, mentions: list[_Mention], weight_of
                     ) -> list[_Mention]:
    """Mentions of counties printed as the address of one of their townships (赣县五云镇),
    outside the spans already found; ``weight_of(in_headline, start)`` gives the weight."""
    aliases = _county_aliases()
    out: list[_Mention] = []
    for in_head, source in ((True, headline), (False, text)):
        taken = [(m.start, m.end) for m in mentions if m.headline == in_head]
        for start, end, form in _alias_matches(source):
            if any(s < end and start < e for s, e in taken):
                continue
            short = form.removesuffix(COUNTY_CHAR) if form not in aliases else form
            owners = [p for p in aliases.get(short, ()) if
                      any(source.startswith(t, end) for t in townships_of(p))]
            if not owners and short != form and _ADDRESSED.match(source, end):
                owners = list(aliases.get(short, ()))  # 垦利县下镇乡: a township merged away
            if not owners:
                owners = [p for p in aliases.get(short, ())
                          if _after_province(source, start, p)]
            if not owners and _repeated_former_form(form, short, headline, text):
                owners = list(aliases.get(short, ()))
            if len(owners) != 1:
                continue
            x = _Mention(start, end, (owners[0],), weight_of(in_head, start),
                         headline=in_head)
            x.place = owners[0]
            out.append(x)
    return out


def _repeated_former_form(form: str, short: str, headline: str, text: str) -> bool:
    """Is ``form`` a short name + 县 that jionlp knows as no name, printed at least
    ``MIN_FORMER_FORM_REPEATS`` times in the article?"""
    return (form == short + COUNTY_CHAR and form not in load_gazetteer().full
            and headline.count(form) + text.count(form) >= MIN_FORMER_FORM_REPEATS)


def _after_province(text: str, start: int, place: Place) -> bool:
    """Is ``place``'s province named directly before ``start`` (江西省|赣县)?"""
    gaz = load_gazetteer()
    forms = [f for f in gaz.forms.get(place.province, (place.province,)) if len(f) >= 2]
    return any(text.startswith(f, start - len(f)) for f in forms if len(f) <= start)


def printed_former_name(gaz: Gazetteer, place: Place, printed: set[str]) -> str | None:
    """The county's short name + 县 (or a short name ending in 县) as printed, when the article
    never prints today's name and jionlp knows the form as no full name: a former name jionlp has
    no record of (赣县 for 赣县区)."""
    if place.name in printed or place.level != "county":
        return None
    for form in sorted(printed):
        short = form.removesuffix(COUNTY_CHAR)
        if (form.endswith(COUNTY_CHAR) and form not in gaz.full
                and place in _county_aliases().get(form, _county_aliases().get(short, ()))):
            return form
    return None


def confirmed_lead(gaz: Gazetteer, headline: str, mentions: list[_Mention]) -> _Mention | None:
    """A headline starting with a county's short name (not followed by a direction or 镇/街道),
    when the body names that county by its full name: the headline's lead."""
    offset = len(headline) - len(headline.lstrip())
    s = headline.strip()
    named = {m.place for m in mentions if not m.headline and m.place is not None}
    aliases = _county_aliases()
    for length in range(min(gaz._longest, len(s)), MIN_ALIAS_CHARS - 1, -1):
        cands = [p for p in aliases.get(s[:length], ()) if p in named]
        if not cands:
            continue
        rest = s[length:]
        if rest and (rest[0] in _DIRECTIONS or rest.startswith(_TOWNS)):
            return None
        if len(cands) != 1:
            return None
        lead = _Mention(offset, offset + length, (cands[0],), HEADLINE_WEIGHT, headline=True,
                        lead=True)
        lead.place = cands[0]
        return lead
    return None


def bare_zone_lead(headline: str, lead: _Mention, home: Place | None) -> _Mention | None:
    """A lead that is a bare zone ending (高新区) read as the zone of that kind in the home's
    city (焦作高新技术产业开发区); None when there is no home city to place it in."""
    printed = headline[lead.start:lead.end]
    if printed not in ZONE_SUFFIXES:
        return lead
    city = None
    if home is not None:
        city = home.prefecture if home.level in ("prefecture", "county", "zone") else None
    if city is None:
        return None
    gaz = load_gazetteer()
    place = next((p for p in gaz.full.get(city, ()) if p.level == "prefecture"), None)
    if place is None:
        return None
    shorts = [f for f in gaz.forms.get(city, (city,)) if len(f) >= MIN_ALIAS_CHARS]
    short = min(shorts, key=len) if shorts else city
    zone = zone_named(short + SUFFIX_SYNONYMS.get(printed, printed))
    if zone is None or zone.prefecture != city:
        return None
    out = _Mention(lead.start, lead.end, (zone,), lead.weight, headline=True, lead=True)
    out.place = zone
    return out
