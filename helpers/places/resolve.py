"""Resolution: the places an article mentions, and the locality it reports on.

The rules are in ``resolve_locality``'s docstring and in ``helpers.places``.
"""

from __future__ import annotations

import functools
import itertools
from collections import defaultdict
from dataclasses import dataclass

from helpers.places.gazetteer import Gazetteer, Place, load_gazetteer
from helpers.text.decoding import is_cjk

__all__ = ["find_places", "resolve_locality"]

# Mention weights by position: headline > first paragraph > rest of the body.
HEADLINE_WEIGHT = 5.0
FIRST_PARAGRAPH_WEIGHT = 2.0
BODY_WEIGHT = 1.0

# Characters that may precede a two-character county name (在澧县, 到道县, 与南县): prepositions and
# conjunctions, so that words ending in the same character (示范县, 管理县) are not read as names.
_FUNCTION_CHARS = frozenset("在到赴从向与和及至于是由往对了为")
# After a two-character county name these make a word with 县/市: 代县长, 新县域, 兴县级.
_SHORT_NAME_BREAKERS = frozenset("长域级")
# After a district name these make 区域 / 区县: 新城区域, 西安区县.
_DISTRICT_BREAKERS = frozenset("域县")
# After a city name this makes 市场: 东方市场 is a market, not 东方市.
_CITY_BREAKERS = frozenset("场")
# An alias followed by a direction is a region, not the unit: 湘西北, 湘南; followed by 镇 or 街道
# it names a town or subdistrict: 城关镇, 长安镇.
_DIRECTIONS = frozenset("东南西北")
_TOWNS = ("镇", "街道")
_COLONS = "：:"
#: The fewest characters of a full name (澧县, 城区): ``_scan`` looks the names up by their last
#: ``MIN_NAME`` characters.
MIN_NAME = 2
_LEAD_MAX = 15  # longest headline lead before a colon that can be a place (邵阳经济技术开发区)
_LEAD_PUNCT = frozenset("，。、；！？（）()《》“”‘’,;!?")


@dataclass
class _Mention:
    start: int
    end: int
    cands: tuple[Place, ...]
    weight: float = 1.0
    headline: bool = False
    lead: bool = False
    dropped: bool = False  # a parent name directly before its child: 常德市|武陵区
    short: bool = False  # a headline lead read through an alias (江华：)
    echo: bool = False  # a named county's short name repeated (河津 after 河津市): weight only
    place: Place | None = None  # after disambiguation


def _addresses_own_township(text: str, j: int, cands: tuple[Place, ...]) -> bool:
    """Is a county name ending at ``j`` followed by one of that county's own townships?  A word
    that happens to spell a two-character county (派驻理县, 道理县) is not followed by a town of
    that very county."""
    from helpers.places.townships import townships_of  # the township tree, only when needed
    return any(c.level == "county" and any(text.startswith(t, j) for t in townships_of(c))
               for c in cands)


def _acceptable(gaz: Gazetteer, text: str, i: int, j: int, cands: tuple[Place, ...]) -> bool:
    """Boundary rules for a full-name match text[i:j] (see the module docstring)."""
    name = text[i:j]
    nxt = text[j:j + 1]
    if len(name) == 2:
        for place in cands:
            if any(f and i >= len(f) and text.startswith(f, i - len(f))
                   for f in gaz.parent_forms(place)):
                return True
        if _addresses_own_township(text, j, cands):
            return True  # 理县薛城镇: a two-character county printed as its town's address
        if name.endswith("区"):
            return False
        prev = text[i - 1:i]
        if prev and is_cjk(prev) and prev not in _FUNCTION_CHARS:
            return False
        return not (nxt and nxt in _SHORT_NAME_BREAKERS)
    if not nxt:
        return True
    if name.endswith("区"):
        return nxt not in _DISTRICT_BREAKERS
    return not (name.endswith("市") and nxt in _CITY_BREAKERS)


@functools.lru_cache(maxsize=1)
def _tail_lengths(gaz: Gazetteer) -> dict[str, tuple[int, ...]]:
    """The lengths of the full names by their last two characters (every name has at least
    two): at an ending character ``_scan`` tries only the lengths of names ending like the text
    there (城市, 社区 try few or none), not every length of names ending in that character."""
    lengths: dict[str, set[int]] = {}
    for name in gaz.full:
        if len(name) < MIN_NAME:
            raise ValueError(f"gazetteer full name {name!r} is shorter than {MIN_NAME} characters")
        lengths.setdefault(name[-2:], set()).add(len(name))
    return {tail: tuple(sorted(v, reverse=True)) for tail, v in lengths.items()}


def _scan(gaz: Gazetteer, text: str) -> list[_Mention]:
    """Full-name matches: leftmost, then longest, non-overlapping, left to right.

    Every name ends in one of a few characters (县区市州旗盟省...), so candidates are looked up in
    the name dict ending at each occurrence of such a character: linear in the text.
    """
    found: list[tuple[int, int, tuple[Place, ...]]] = []
    tails = _tail_lengths(gaz)
    for m in gaz._ends.finditer(text):
        j = m.end()
        for length in tails.get(text[j - MIN_NAME:j], ()):
            i = j - length
            if i < 0:
                continue
            cands = gaz.full.get(text[i:j])
            if cands and _acceptable(gaz, text, i, j, cands):
                found.append((i, j, cands))
    found.sort(key=lambda t: (t[0], t[0] - t[1]))
    out: list[_Mention] = []
    last = 0
    for i, j, cands in found:
        if i >= last:
            out.append(_Mention(i, j, cands))
            last = j
    return out


def _is_ancestor(parent: Place, child: Place) -> bool:
    if parent == child:
        return False
    if parent.level == "province":
        return child.province == parent.name
    if parent.level == "prefecture":
        return child.level == "county" and child.prefecture == parent.name
    return False


def _narrow_adjacent(mentions: list[_Mention]) -> None:
    """常德市武陵区: the prefecture directly before its county is dropped and narrows the county."""
    for a, b in itertools.pairwise(mentions):
        if a.end != b.start:
            continue
        under = tuple(c for c in b.cands if any(_is_ancestor(p, c) for p in a.cands))
        if under:
            a.dropped = True
            b.cands = under


def _support(c: Place, context: set[Place]) -> float:
    """How well the other places in a text fit candidate ``c``."""
    s = 0.0
    for u in context:
        if u == c:
            s += 5
        elif c.level == "county":
            if u.level == "prefecture" and u.name == c.prefecture:
                s += 3
            elif (u.level == "county" and c.prefecture and u.prefecture == c.prefecture) or (
                u.level == "province" and u.name == c.province
            ):
                s += 1  # a sibling county or the province
            elif u.province == c.province:
                s += 0.5
        elif c.level == "prefecture":
            if u.level == "county" and u.prefecture == c.name:
                s += 2
            elif u.level == "province" and u.name == c.province:
                s += 1
            elif u.province == c.province:
                s += 0.5
        elif u.province == c.name:
            s += 1
    return s


def _choose(cands: tuple[Place, ...], context: set[Place]) -> Place | None:
    """The candidate the context supports best; a unit over its own subordinate on a tie."""
    scores = [(_support(c, context), c) for c in cands]
    top = max(s for s, _ in scores)
    best = [c for s, c in scores if s == top]
    if len(best) == 1:
        return best[0]
    heads = [p for p in best if all(p == c or _is_ancestor(p, c) for c in best)]
    return heads[0] if len(heads) == 1 else None


def _disambiguate(mentions: list[_Mention]) -> None:
    """Set ``place`` of each mention, using the unambiguous mentions as context (two passes)."""
    for m in mentions:
        if len(m.cands) == 1:
            m.place = m.cands[0]
    for _ in range(2):
        context = {m.place for m in mentions if m.place is not None}
        chosen: dict[tuple[Place, ...], Place | None] = {}
        for m in mentions:
            if m.place is None:
                if m.cands not in chosen:
                    chosen[m.cands] = _choose(m.cands, context)
                m.place = chosen[m.cands]


def find_places(text: str) -> list[tuple[int, int, Place]]:
    """All mentions of places by full name in ``text``: (start, end, place), left to right.

    Matching is leftmost-longest and non-overlapping (常德市西洞庭管理区 is one match, read as
    常德市).  A name several units share (朝阳区, 鼓楼区) is read in the context of the other
    names in ``text`` (a parent name just before it, the prefecture, the province, siblings); if
    the text does not decide, the unit with the lowest administrative code is returned.
    """
    gaz = load_gazetteer()
    mentions = _scan(gaz, text)
    _narrow_adjacent(mentions)
    _disambiguate(mentions)
    return [(m.start, m.end, m.place or m.cands[0]) for m in mentions]


# ---------------------------------------------------------------------------------------------
# resolving an article


def _match_prefix(gaz: Gazetteer, s: str, pos: int, within: tuple[Place, ...] | None):
    """Longest full name or alias at s[pos:] (children of ``within`` only, if given)."""
    for length in range(min(gaz._longest, len(s) - pos), 0, -1):
        name = s[pos:pos + length]
        for table, is_alias in ((gaz.full, False), (gaz.alias, True)):
            cands = table.get(name, ())
            if cands and not is_alias and not _acceptable(gaz, s, pos, pos + length, cands):
                cands = ()
            if within is not None:
                cands = tuple(c for c in cands if any(_is_ancestor(p, c) for p in within))
            if cands:
                return pos + length, cands, is_alias
    return None


def _lead(gaz: Gazetteer, s: str) -> _Mention | None:
    """The place a headline starts with, short forms included: 江华：, 常德市武陵区, 邵阳经开区：.

    The lead is the part before a colon (at most ``_LEAD_MAX`` characters, no punctuation), or
    else the start of the string.  A full name is taken (two-character ones under the rules of
    ``find_places``); an alias only if the lead ends with it, or it starts a colon lead
    (邵阳经济技术开发区：), or a non-Han character follows it (江华 村村...), and never when a
    direction (湘西北) or 镇/街道 (城关镇) follows.  After a province or city, a unit under it may
    follow (永州江华：, 常德市武陵区).
    """
    offset = len(s) - len(s.lstrip())
    s = s.strip()
    cut = min((s.find(c) for c in _COLONS if c in s), default=-1)
    colon = 0 < cut <= _LEAD_MAX and not any(ch in _LEAD_PUNCT for ch in s[:cut])
    seg = s[:cut] if colon else s
    pos, cands, short = 0, None, False
    while pos < len(seg):
        hit = _match_prefix(gaz, seg, pos, cands)
        if hit is None:
            break
        end, found, is_alias = hit
        rest = seg[end:]
        if is_alias and rest and (
            rest[0] in _DIRECTIONS
            or rest.startswith(_TOWNS)
            or (not colon and is_cjk(rest[0]))
        ):
            break
        pos, cands, short = end, found, is_alias
        if all(c.level == "county" for c in found):
            break
    if not cands:
        return None
    lead = _Mention(offset, offset + pos, cands, HEADLINE_WEIGHT, headline=True, lead=True)
    lead.short = short
    return lead


def _key(m: _Mention) -> Place | None:
    """The place a mention stands for; an undecided shared name keeps what its readings share.

    An undecided short form (a headline lead such as 长安汽车： or 新华社：) stands for nothing.
    """
    if m.place is not None:
        return m.place
    if m.short:
        return None
    names = {c.name for c in m.cands}
    if len(names) != 1:
        return None
    prefs = {c.prefecture for c in m.cands}
    provs = {c.province for c in m.cands}
    levels = {c.level for c in m.cands}
    return Place(
        names.pop(),
        prefs.pop() if len(prefs) == 1 else None,
        provs.pop() if len(provs) == 1 else "",
        levels.pop() if len(levels) == 1 else "county",
    )


def _result(p: Place) -> tuple[str | None, str | None, str | None]:
    province = p.province or None
    if p.level == "province":
        return None, None, province
    if p.level == "prefecture":
        return p.name, p.name, province
    return p.name, p.prefecture, province


def resolve_locality(
    headline: str | None, text: str
) -> tuple[str | None, str | None, str | None]:
    """(locality, prefecture, province) an article reports on, as standard full names.

    Rules, in order:

    1. Mentions: full names anywhere in the headline and the body (see ``find_places``), weighted
       by position: headline 5, first paragraph (up to the first newline) 2, rest 1.  The
       headline's *lead* (its start, or the part before a colon) may also be a short form (江华：,
       邵阳经济技术开发区：); without a headline the start of the text is read the same way (as a
       first-paragraph mention).  Short forms elsewhere are ignored: 湘西北 in the body is not
       湘西州.
    2. A prefecture (or province) name directly before one of its units counts as that unit
       only and decides which unit a shared name means: 常德市武陵区 is 武陵区, 福州市鼓楼区 is
       Fuzhou's.
    3. A name several units share (朝阳区, 鼓楼区; the alias 朝阳) is read as the unit best
       supported by the other mentions in headline and body: the same unit by full name, its
       prefecture, its province, sibling counties; on a tie a unit wins over its own subordinate
       (长沙: 长沙市, not 长沙县).  If nothing decides, the name is kept with prefecture/province
       None unless all readings share them.
    4. A county-level unit in the headline (the headline's lead first, else the best-scored one)
       is the locality: 江华：... -> 江华瑶族自治县, 永州市, 湖南省.
    5. Otherwise the best-scored county competes with the best-scored prefecture-level city and
       the best-scored province (sums of mention weights).  The city wins if it scores strictly
       more than the county (张家界市纪委监委 ... one paragraph on 桑植县): (city, city, province).
       A development zone or a 管理区 that is not a county in jionlp counts as its city:
       邵阳经济技术开发区： -> 邵阳市; 常德市西湖管理区： -> 常德市.  The province wins only if it
       scores strictly more than both (吉林：... 吉林省 ... 长春市): (None, None, province).
    6. Only provinces found: (None, None, province).  Nothing found: (None, None, None).

    County-level units directly under a province (仙桃市, 琼海市, 石河子市) have prefecture None.
    """
    mentions, lead = _weighted_mentions(load_gazetteer(), headline or "", text or "")
    return _decide(mentions, lead)


def _weighted_mentions(gaz: Gazetteer, headline: str, text: str
                       ) -> tuple[list[_Mention], _Mention | None]:
    """Rules 1-3 of ``resolve_locality``: the mentions of headline and body with their weights,
    narrowed and disambiguated, and the headline's lead (None without one)."""
    head = _scan(gaz, headline)
    body = _scan(gaz, text)
    first_end = text.find("\n")
    first_end = len(text) if first_end < 0 else first_end
    for m in head:
        m.weight, m.headline = HEADLINE_WEIGHT, True
    for m in body:
        m.weight = FIRST_PARAGRAPH_WEIGHT if m.start < first_end else BODY_WEIGHT

    lead = _lead(gaz, headline) if headline.strip() else None
    if lead is not None:
        head = [lead] + [m for m in head if m.start >= lead.end]
    elif not headline.strip():
        # No headline: the text's start may hold a short form, read as a first-paragraph mention.
        start = _lead(gaz, text[:first_end])
        if start is not None:
            start.weight, start.headline, start.lead = FIRST_PARAGRAPH_WEIGHT, False, False
            body = [start] + [m for m in body if m.start >= start.end]
    _narrow_adjacent(head)
    _narrow_adjacent(body)
    mentions = head + body
    _disambiguate(mentions)
    return mentions, lead


def _decide(mentions: list[_Mention], lead: _Mention | None
            ) -> tuple[str | None, str | None, str | None]:
    """Rules 4-6 of ``resolve_locality``: the locality from the weighted mentions."""
    counties: dict[Place, float] = defaultdict(float)
    cities: dict[Place, float] = defaultdict(float)
    provinces: dict[Place, float] = defaultdict(float)
    first_seen: dict[Place, int] = {}
    headline_counties: list[Place] = []
    for n, m in enumerate(mentions):
        key = _key(m)
        if key is None or m.dropped:
            continue
        first_seen.setdefault(key, n)
        table = {"county": counties, "prefecture": cities, "province": provinces}[key.level]
        table[key] += m.weight
        if key.level == "county" and m.headline:
            headline_counties.append(key)

    def best(scores: dict[Place, float]) -> Place | None:
        if not scores:
            return None
        return min(scores, key=lambda p: (-scores[p], first_seen[p]))

    lead_key = _key(lead) if lead is not None else None
    if lead_key is not None and lead_key.level == "county":
        return _result(lead_key)
    if headline_counties:
        return _result(best({p: counties[p] for p in headline_counties}))
    # The highest score wins; on a tie the lower level (county, then city, then province).
    ranked = [
        (scores[p], rank, p)
        for rank, scores in enumerate((provinces, cities, counties))
        if (p := best(scores)) is not None
    ]
    if not ranked:
        return None, None, None
    return _result(max(ranked, key=lambda t: (t[0], t[1]))[2])
