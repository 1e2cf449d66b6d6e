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
  article's own city (``home``), never a zone in another province;
- a *province or city in context*: the short name (海南, 巴州) of a province or city that the
  article names in full, or whose unit it names, or that is ``home`` or home's parent, read
  anywhere in the body (``context_short_mentions``), except inside an organisation's name or
  opening an address;
- a *chain of units*: a unit's short name printed directly after its own parent's name, full or
  short (湖南湘潭, 孝感安陆, 通辽市科尔沁), read anywhere in the body and opening a headline
  (``chain_mentions``).  A province's or prefecture's short name alone opening a headline or a
  headline-less text (湘潭城塘社区) is not read: over the 667 real items of the validation sets
  it stood there 14 times outside the names already found, 6 of them part of another name (a
  zone's, 淮安开发区; an organisation's, a city's news site) and once a province's headline on
  one county's story, whose locality it would have lost; it gained none.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterator

from helpers.places.agency import organ_units
from helpers.places.gazetteer import Gazetteer, Place, load_gazetteer
from helpers.places.resolve import _DIRECTIONS, _TOWNS, HEADLINE_WEIGHT, _key, _Mention
from helpers.places.townships import MAX_ADDRESSED_STEM, townships_of
from helpers.places.zones import SUFFIX_SYNONYMS, ZONE_SUFFIXES, zone_named
from helpers.regex_scan import pair_starts
from helpers.text.tokenizing import word_boundaries

__all__ = [
    "NOT_UNIT_AFTER",
    "address_mentions",
    "alias_matches",
    "bare_zone_lead",
    "chain_mentions",
    "confirmed_lead",
    "context_short_mentions",
    "county_aliases",
    "printed_former_name",
]

#: Shortest short name read as an address or a lead: a single character (澧) is part of too many
#: words.
MIN_ALIAS_CHARS = 2
#: The level character a county's former printed form may add to its short name (赣县, 垦利县):
#: the county a district was before it became one.
COUNTY_CHAR = "县"
#: A township's name after a county's printed 县 form, when jionlp does not list it (merged away
#: since): a short stem and a township ending.
_ADDRESSED = re.compile(rf"(?!城乡)[^\W\d_]{{1,{MAX_ADDRESSED_STEM}}}(?:镇|乡(?!村)|街道)")  # not 乡村, 城乡
#: A county's short name + 县 that jionlp knows as no name, printed this many times, is the
#: county's former name (静海县 for a 静海区 made a district, which jionlp has no record of): one
#: printing may be a slip or a phrase, a form repeated is the name the article uses.
MIN_FORMER_FORM_REPEATS = 2


@functools.lru_cache(maxsize=1)
def county_aliases() -> dict[str, tuple[Place, ...]]:
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
    for name in sorted(county_aliases(), key=len, reverse=True):
        heads.setdefault(name[:2], []).append(name)
    return {head: tuple(names) for head, names in heads.items()}


@functools.lru_cache(maxsize=1)
def _head_starts() -> re.Pattern[str]:
    """Where a county short name can start (about one position of running text in nine)."""
    return pair_starts(_aliases_by_head())


def alias_matches(source: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, printed form) of county short names (+ an optional 县), left to right,
    non-overlapping, the longest at each position: what one alternation of every name would
    find, in one pass with a dictionary look-up per position instead (only where a name's first
    two characters can stand: ``_head_starts``)."""
    heads = _aliases_by_head()
    end = 0  # the scan goes on after the last name found
    for at in _head_starts().finditer(source):
        i = at.start()
        if i < end:
            continue
        name = next((x for x in heads.get(source[i:i + 2], ()) if source.startswith(x, i)),
                    None)
        if name is None:
            continue
        end = i + len(name)
        if source.startswith(COUNTY_CHAR, end):
            end += 1
        yield i, end, source[i:end]


@functools.lru_cache(maxsize=256)
def _forms_pattern(forms: tuple[str, ...]) -> re.Pattern[str]:
    """One alternation of ``forms`` in their order, compiled once per set of forms (an article
    set in a city brings that city's forms, and the next article from there the same)."""
    return re.compile("|".join(re.escape(f) for f in forms))


def address_mentions(headline: str, text: str, mentions: list[_Mention], weight_of
                     ) -> list[_Mention]:
    """Mentions of counties printed as the address of one of their townships (赣县五云镇),
    outside the spans already found; ``weight_of(in_headline, start)`` gives the weight."""
    aliases = county_aliases()
    named = {_key(m) for m in mentions if not m.dropped}
    out: list[_Mention] = []
    for in_head, source in ((True, headline), (False, text)):
        taken = [(m.start, m.end) for m in mentions if m.headline == in_head]
        for start, end, form in alias_matches(source):
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
            if not owners and form[-1] in COUNTY_FORM_ENDINGS:
                # the county named in full elsewhere in the article: its printed short form
                # (河南县 after 河南蒙古族自治县) is the county, not a word
                owners = [p for p in aliases.get(short, ()) if p in named]
            if len(owners) != 1:
                continue
            x = _Mention(start, end, (owners[0],), weight_of(in_head, start),
                         headline=in_head)
            x.place = owners[0]
            out.append(x)
    return out


#: The last characters of a county's printed short form (河南县, 新会区, 达茂旗) that make it a
#: name rather than a word, once the county is named in full in the same article.
COUNTY_FORM_ENDINGS = "县区市旗"


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
                and place in county_aliases().get(form, county_aliases().get(short, ()))):
            return form
    return None


def confirmed_lead(gaz: Gazetteer, headline: str, mentions: list[_Mention]) -> _Mention | None:
    """A headline starting with a county's short name (not followed by a direction or 镇/街道),
    when the body names that county by its full name: the headline's lead."""
    offset = len(headline) - len(headline.lstrip())
    s = headline.strip()
    named = {m.place for m in mentions if not m.headline and m.place is not None}
    aliases = county_aliases()
    for length in range(min(gaz._longest, len(s)), MIN_ALIAS_CHARS - 1, -1):
        cands = [p for p in aliases.get(s[:length], ()) if p in named] or [
            p for p in gaz.alias.get(s[:length], ()) if p.level == "prefecture" and p in named]
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


#: Characters after a province's or city's short name that make it part of another name or a
#: word: a direction (湘西北 is a region), a township (中山镇), a street (中山路), 籍 (吉林籍).
NOT_UNIT_AFTER = frozenset("东南西北镇乡村路街道巷桥籍")
#: Longest stretch between a short name and the word ending an organisation's name that it opens
#: (湖北妍琪生物科技有限公司, 湖北日报, 新疆生产建设兵团): the short name is then part of that
#: name, the organisation's, not a reference to the unit.
MAX_ORG_NAME_GAP = 10
_ORG_NAME = re.compile(rf"[^\W\d_]{{0,{MAX_ORG_NAME_GAP}}}?(?:有限|公司|集团|日报|晚报|报社|"
                       r"电视|广播|卫视|新闻|大学|学院|学校|银行|医院|兵团|协会|商会)")


def context_short_mentions(gaz: Gazetteer, headline: str, text: str, mentions: list[_Mention],
                           home: Place | None, weight_of) -> list[_Mention]:
    """Mentions of a province or city by its short name (巴州, 海南, 浙江) anywhere in the
    article, when the article places itself in that unit: the unit is named in full, or it is
    the province or city of a unit the article names, or of ``home``.  A short name in running
    text is a word as often as a name (长治久安, 中山路), but inside an article already set in
    the unit it is the unit: a prefecture-wide feature says 巴州 and names 巴音郭楞蒙古自治州
    once, a province's conference says 海南 throughout.  A short form that another unit in the
    article's context also answers to (吉林 beside 吉林市) is left out, and so are forms followed
    by ``NOT_UNIT_AFTER``."""
    context: dict[str, Place] = {}
    for p in [*(_key(m) for m in mentions if not m.dropped), home]:
        if p is None:
            continue
        for name in (p.name if p.level in ("province", "prefecture") else None,
                     p.prefecture, p.province):
            if not name or name in context:
                continue
            unit = next((q for q in gaz.full.get(name, ())
                         if q.level in ("province", "prefecture")), None)
            if unit is not None:
                context[name] = unit
    forms: dict[str, Place] = {}
    named_local = any((k := _key(m)) is not None and k.level in ("county", "zone")
                      for m in mentions if not m.dropped)
    if (home is not None and home.level == "county" and len(home.name) > MIN_ALIAS_CHARS
            and not named_local):
        # the newspaper's own county by its short name only (汝州火车站 for 汝州市): its readers
        # know no other unit of that name; where a county is named in full, the full names
        # weigh alone
        short = home.name[:-1]
        if home in gaz.lookup(short) and not any(
                q.name in context or q in context.values() for q in gaz.lookup(short) if q != home):
            forms[short] = home
    county_forms = _named_county_forms(mentions, context)
    for unit in context.values():
        for form in gaz.forms.get(unit.name, ())[1:]:
            if len(form) < MIN_ALIAS_CHARS or "直辖" in form:
                continue
            others = [q for q in gaz.lookup(form) if q != unit]
            if any(q.name in context or q in context.values() for q in others):
                continue
            forms.setdefault(form, unit)
    for form, unit in county_forms.items():
        forms.setdefault(form, unit)
    if not forms:
        return []
    # the text's word boundaries, cut once the first county's short name outside the names
    # already found needs them (issue 16: most articles print none)
    bounds: tuple[set[int], set[int]] | None = None
    pattern = _forms_pattern(tuple(sorted(forms, key=len, reverse=True)))
    out: list[_Mention] = []
    for in_head, source in ((False, text),):
        taken = sorted((m.start, m.end) for m in mentions if m.headline == in_head)
        taken_starts = [s for s, _e in taken]
        reach = list(itertools.accumulate((e for _s, e in taken), max))
        for hit in pattern.finditer(source):
            start, end = hit.span()
            # a taken span overlaps when it starts before ``end`` and reaches past ``start``
            i = bisect.bisect_left(taken_starts, end)
            if i and reach[i - 1] > start:
                continue
            if source[end:end + 1] in NOT_UNIT_AFTER and source[end:end + 1]:
                continue
            if _ORG_NAME.match(source, end):
                continue
            unit = forms[hit.group()]
            if hit.group() in county_forms:
                bounds = bounds or word_boundaries(text)
                if not (start in bounds[0] and end in bounds[1]):
                    continue  # a county's short name inside a word (友邻水库 holds 邻水)
            if unit.level == "province" and _in_province_list(source, start, end):
                continue  # 河南、河北、山东等地: one of a list of provinces, not the setting
            if _opens_address(gaz, unit, source, end):
                continue
            x = _Mention(start, end, (unit,), weight_of(in_head, start), headline=in_head,
                         echo=hit.group() in county_forms)
            x.place = unit
            out.append(x)
    return out


def branch_mentions(headline: str, text: str, mentions: list[_Mention], weight_of
                    ) -> list[_Mention]:
    """Mentions of a county named only by its short name before a branch (榆阳分局 -> 榆阳区,
    CONVENTIONS L-branch; the branch read by ``agency.organ_units``):
    the short name of one county, or of one county of a city the article names.  Never inside
    a span already taken (a zone's 高新分局, a township's 某某镇分局)."""
    aliases = county_aliases()
    cities = {k.name if k.level == "prefecture" else k.prefecture
              for m in mentions if not m.dropped and (k := _key(m)) is not None}
    out: list[_Mention] = []
    for in_head, source in ((True, headline), (False, text)):
        if "分局" not in source:
            continue
        taken = [(m.start, m.end) for m in mentions if m.headline == in_head]
        # the branch grammar is the agency's (榆林市公安局|榆阳|分局, 溪湖|公安分局); the names
        # it may open with are the counties' short names
        for start, end, form in organ_units(source, names=alias_matches(source)):
            if any(a < end and start < b for a, b in taken):
                continue
            owners = aliases.get(form, ())
            if len(owners) > 1:
                owners = tuple(p for p in owners if p.prefecture in cities)
            if len(owners) != 1:
                continue
            x = _Mention(start, end, owners, weight_of(in_head, start), headline=in_head)
            x.place = owners[0]
            out.append(x)
    return out


#: What separates the items of a list of provinces by short name (河南、河北、山东).
_LIST_SEPARATORS = "、，,和及与"


def _in_province_list(text: str, start: int, end: int) -> bool:
    """Is the short name at ``start:end`` an item of a list of provinces' short names (河南、河北、
    山东、辽宁等地): a separator and another province's name on either side."""
    provinces = _province_short_forms()
    before = text[start - 1:start] in _LIST_SEPARATORS and start > 0 and any(
        text.endswith(f, 0, start - 1) for f in provinces)
    after = text[end:end + 1] in _LIST_SEPARATORS and end < len(text) and any(
        text.startswith(f, end + 1) for f in provinces)
    return before or after


@functools.lru_cache(maxsize=1)
def _province_short_forms() -> tuple[str, ...]:
    """Every province's names, full and short (河南省, 河南)."""
    gaz = load_gazetteer()
    return tuple(sorted({f for places in gaz.full.values() for p in places
                         if p.level == "province" for f in gaz.forms.get(p.name, (p.name,))
                         if len(f) >= MIN_ALIAS_CHARS}))


def _named_county_forms(mentions: list[_Mention], context: dict[str, Place]
                        ) -> dict[str, Place]:
    """The short names (jionlp's, ``county_aliases``) of the county-level units the article
    names in full, each answering to that unit only: a report on one county names it in full
    once and then says 河津 throughout (河津代表团, 作出河津贡献), while the city it sits in is
    named in full where its congress or its leaders appear.  A short name another unit in the
    article's context answers to is left out, and so is one inside a word.  Such an echo adds
    weight, not references: a town's report that names its county in full and by short name
    is still the town's (``find_township`` counts the county's references)."""
    named = {k for m in mentions if not m.dropped and not m.short
             and (k := _key(m)) is not None and k.level == "county"}
    out: dict[str, Place] = {}
    unique = _unique_county_forms()
    # in county_aliases' order (the position first), as a scan of the whole table gives them
    for _, form, place in sorted(f for p in named for f in unique.get(p, ())):
        if form not in context:
            out[form] = place
    banners = _banner_abbreviations()
    for place in named:
        form = place.name[:1] + BANNER
        if banners.get(form) == place and form not in context:
            out.setdefault(form, place)
    return out


@functools.lru_cache(maxsize=1)
def _unique_county_forms() -> dict[Place, tuple[tuple[int, str, Place], ...]]:
    """Each county-level unit -> the short names only it answers to, with their position in
    ``county_aliases``: built once, so an article looks up the few units it names instead of
    testing every short name of the country against them."""
    out: dict[Place, list[tuple[int, str, Place]]] = {}
    for i, (form, places) in enumerate(county_aliases().items()):
        if len(places) == 1:
            out.setdefault(places[0], []).append((i, form, places[0]))
    return {p: tuple(v) for p, v in out.items()}


#: The banner (旗), Inner Mongolia's county: a long banner name is shortened to its first
#: character + 旗 (翁旗 for 翁牛特旗, 克旗 for 克什克腾旗) where no other banner starts with it.
BANNER = "旗"
#: Shortest banner name shortened so: a three-character one (正蓝旗) is short already.
MIN_ABBREVIATED_BANNER = 4


@functools.lru_cache(maxsize=1)
def _banner_abbreviations() -> dict[str, Place]:
    """First character + 旗 -> the one banner of ``MIN_ABBREVIATED_BANNER`` characters or more
    it shortens, when no other county-level unit's name starts with that character and ends in
    旗 and no unit is named so."""
    gaz = load_gazetteer()
    by_form: dict[str, set[Place]] = {}
    for places in gaz.full.values():
        for p in places:
            if p.level == "county" and p.name.endswith(BANNER):
                by_form.setdefault(p.name[:1] + BANNER, set()).add(p)
    return {form: next(iter(ps)) for form, ps in by_form.items()
            if len(ps) == 1 and len(next(iter(ps)).name) >= MIN_ABBREVIATED_BANNER
            and not gaz.full.get(form)}


def _opens_address(gaz: Gazetteer, unit: Place, text: str, end: int) -> bool:
    """Is the short name at ``end`` followed by a name of a unit inside ``unit`` (广东江门新会,
    江门新会): an address, whose last unit is the one meant."""
    for n in range(_LONGEST_FOLLOWER, MIN_ALIAS_CHARS - 1, -1):
        for q in gaz.lookup(text[end:end + n]):
            if unit.name in (q.province, q.prefecture) and q != unit:
                return True
    return False


#: Longest name looked up after a short name to see whether it opens an address.
_LONGEST_FOLLOWER = 6


# ---------------------------------------------------------------------------------------------
# a chain of units: 湖南湘潭, 孝感安陆, 通辽市科尔沁


def _parent_of(place: Place) -> str | None:
    """The unit directly above ``place``: a county's prefecture (or its province when under
    none), a prefecture's province; None for a province and a municipality (its own province)."""
    if place.level == "county":
        return place.prefecture or place.province
    if place.level == "prefecture" and place.province != place.name:
        return place.province
    return None


@functools.lru_cache(maxsize=1)
def _children_by_form() -> dict[str, dict[str, tuple[Place, ...]]]:
    """Each province and prefecture -> its own units' short names (jionlp's aliases of at least
    ``MIN_ALIAS_CHARS``) -> the units of that name directly under it."""
    out: dict[str, dict[str, list[Place]]] = {}
    for form, places in load_gazetteer().alias.items():
        if len(form) < MIN_ALIAS_CHARS:
            continue
        for p in places:
            parent = _parent_of(p)
            if parent is not None:
                out.setdefault(parent, {}).setdefault(form, []).append(p)
    return {parent: {f: tuple(ps) for f, ps in forms.items()} for parent, forms in out.items()}


@functools.lru_cache(maxsize=1)
def _child_lengths() -> dict[str, tuple[int, ...]]:
    """Each parent -> the lengths of its own units' short names, longest first."""
    return {parent: tuple(sorted({len(f) for f in forms}, reverse=True))
            for parent, forms in _children_by_form().items()}


@functools.lru_cache(maxsize=1)
def _parent_short_forms() -> dict[str, Place]:
    """The short names (海南, 湘潭, 巴州) of the provinces and prefectures with units under
    them, each answering to one such unit only."""
    gaz = load_gazetteer()
    parents = _children_by_form()
    owners: dict[str, set[Place]] = {}
    for name in parents:
        unit = next((q for q in gaz.full.get(name, ()) if q.level in ("province", "prefecture")),
                    None)
        if unit is None:
            continue
        for form in gaz.forms.get(name, ())[1:]:
            if len(form) >= MIN_ALIAS_CHARS and "直辖" not in form:
                owners.setdefault(form, set()).add(unit)
    return {form: next(iter(us)) for form, us in sorted(owners.items()) if len(us) == 1}


@functools.lru_cache(maxsize=1)
def _parents_by_head() -> dict[str, tuple[str, ...]]:
    """``_parent_short_forms`` by their first two characters, longest first."""
    heads: dict[str, list[str]] = {}
    for form in sorted(_parent_short_forms(), key=lambda f: (-len(f), f)):
        heads.setdefault(form[:2], []).append(form)
    return {head: tuple(forms) for head, forms in heads.items()}


@functools.lru_cache(maxsize=1)
def _parent_starts() -> re.Pattern[str]:
    """Where a province's or prefecture's short name can start."""
    return pair_starts(_parents_by_head())


def _parent_matches(source: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, form) of the short names of provinces and prefectures, left to right,
    non-overlapping, the longest at each position (as ``alias_matches`` finds counties')."""
    heads = _parents_by_head()
    end = 0
    for at in _parent_starts().finditer(source):
        i = at.start()
        if i < end:
            continue
        form = next((f for f in heads.get(source[i:i + 2], ()) if source.startswith(f, i)), None)
        if form is not None:
            end = i + len(form)
            yield i, end, form


def _child_at(gaz: Gazetteer, source: str, pos: int, parent: Place
              ) -> tuple[int, Place] | None:
    """(end, unit) of the short name of one of ``parent``'s own units printed at ``pos``, the
    longest; None when none is, when the name is one of two units under ``parent``, or when it
    opens a longer name of another unit (吉林通化县: the county 通化县, not the city 通化)."""
    forms = _children_by_form().get(parent.name, {})
    for n in _child_lengths().get(parent.name, ()):
        units = forms.get(source[pos:pos + n])
        if not units:
            continue
        end = pos + n
        if len(units) != 1 or _opens_longer_name(gaz, source, pos, end, units[0]):
            return None
        return end, units[0]
    return None


def _opens_longer_name(gaz: Gazetteer, source: str, start: int, end: int, unit: Place) -> bool:
    """Is the name at ``start:end`` the beginning of a longer name of another unit?"""
    reach = min(gaz._longest, len(source) - start)
    return any(q != unit for n in range(end - start + 1, reach + 1)
               for q in gaz.lookup(source[start:start + n]))


def _runs_on(source: str, end: int) -> bool:
    """Does the text after a name ending at ``end`` make it part of a word that is no unit
    (``NOT_UNIT_AFTER``: 湘西北, 中山路) or of an organisation's name (武汉理工大学)?"""
    return bool(source[end:end + 1] and source[end:end + 1] in NOT_UNIT_AFTER
                or _ORG_NAME.match(source, end))


def chain_mentions(gaz: Gazetteer, headline: str, text: str, mentions: list[_Mention],
                   weight_of) -> list[_Mention]:
    """Mentions of units printed by their short names directly after their own parent's name,
    full or short, in a chain (湖南湘潭, 孝感安陆, 通辽市科尔沁, 青海西宁): a word that happens
    to equal a unit's short name does not follow that unit's own province or prefecture.  The
    chain starts at a province's or prefecture's full name already found or at its short name
    (outside the spans already found); each unit printed directly after its parent drops that
    parent, as a prefecture before its county does (``resolve._narrow_adjacent``).  The last
    unit's name must not open a longer name of another unit (``_opens_longer_name``), and the
    last one's must not run on into a word or an organisation's name (``_runs_on``: a unit's
    name may start with a direction, 广东汕头南澳).  In a headline only a chain opening it is read, as its lead is
    (广东江门新会举办…): one inside it names a venue (全国村官齐聚某市某县), and a headline
    naming the county makes the report the county's (``townships.find_township``).  A short
    parent alone (湘潭城塘社区) is no chain (the module's docstring says why)."""
    shorts = _parent_short_forms()
    out: list[_Mention] = []
    for in_head, source in ((True, headline), (False, text)):
        own = [m for m in mentions if m.headline == in_head]
        taken = [(m.start, m.end) for m in own]
        anchors: list[tuple[int, int, Place, _Mention | None]] = [
            (m.start, m.end, k, m) for m in own
            if not m.dropped and (k := _key(m)) is not None
            and k.level in ("province", "prefecture")]
        for start, end, form in _parent_matches(source):
            if not any(s < end and start < e for s, e in taken):
                anchors.append((start, end, shorts[form], None))
        opening = len(source) - len(source.lstrip())
        for start, end, parent, anchor in sorted(anchors, key=lambda a: (a[0], -a[1])):
            if in_head and start != opening:
                continue  # 齐聚某市某县: a headline's venue, not its subject
            links: list[_Mention] = []
            at, unit = end, parent
            while (found := _child_at(gaz, source, at, unit)) is not None:
                if any(s < found[0] and at < e for s, e in taken):
                    break
                link = _Mention(at, found[0], (found[1],), weight_of(in_head, at),
                                headline=in_head)
                link.place = found[1]
                links.append(link)
                at, unit = found
            if not links or _runs_on(source, links[-1].end):
                continue
            if anchor is not None:
                anchor.dropped = True
            else:
                first = _Mention(start, end, (parent,), weight_of(in_head, start),
                                 headline=in_head, dropped=True)
                first.place = parent
                links.insert(0, first)
            for link in links[:-1]:
                link.dropped = True
            taken += [(m.start, m.end) for m in links]
            out += links
    return out
