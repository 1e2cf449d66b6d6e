"""Renamed units as of a date, from jionlp's rename list (``china_location_change_loader``).

The gazetteer finds a unit by its current and its former names (宁乡县 finds 宁乡市).  An
article is about the unit as it was when published: an item dated before a change gets the name
then in force (an item from 2020 on 龙海区 is on 龙海市, under 漳州市), an item dated on or after
it, or undated, the current name; an old name in a recent item is the current unit.  The
prefecture changes the same way (襄樊市 before 2010-12-09; 公主岭市 under 四平市 before 2020).
The division code stays today's: a unit renamed since gets its successor's code.  No names are
typed here: names and dates come from jionlp.

Limitation: a change jionlp does not record is not known.  户县 became 鄠邑区 in 2016 and jionlp
has neither the record nor the old name (not as an alias, not in its township tree), so an item
printing only 户县 cannot be read by that name, and ``home: 户县`` is refused (the metadata check
asks for today's name).  Such an item is still placed when it names towns of the county (two
short town names unique to 鄠邑区 give 鄠邑区 with its prefecture, province and code), but under
today's name.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from helpers.places.gazetteer import Place, _jionlp_tables, load_gazetteer

__all__ = ["Change", "as_of", "former_by_own_organs"]


@dataclass(frozen=True)
class Change:
    """One record of jionlp's list: on ``date`` the unit (old names) became (new names).

    ``county`` names are None for a change of the prefecture itself (襄樊市 -> 襄阳市).
    """

    date: dt.date
    province: str
    old_prefecture: str
    old_county: str | None
    new_prefecture: str
    new_county: str | None


@functools.lru_cache(maxsize=1)
def changes() -> tuple[Change, ...]:
    """jionlp's renames, newest first (applied in that order to walk back in time)."""
    _tree, raw = _jionlp_tables()
    out = set()
    for rec in raw:
        old = [o[0] if o else None for o in rec["old_loc"]]
        new = list(rec["new_loc"])
        if not (old[1] and new[1]):
            continue
        date = dt.date.fromisoformat(rec["date"])
        out.add(Change(date, new[0], old[1], old[2], new[1], new[2]))
    return tuple(sorted(out, key=lambda c: c.date, reverse=True))


def as_of(place: Place, published: dt.date | None, mentioned: set[str] = frozenset()
          ) -> tuple[str, str | None]:
    """(name, prefecture) of ``place`` (a current unit) as in force on ``published``.

    Walking back through the changes dated after ``published``: a county-level unit that a
    change created takes the old name (of several merged units, the one ``mentioned`` in the
    article, else the first jionlp lists); a prefecture renamed takes its old name, and so does
    the prefecture of its counties.  ``published=None`` means today (the current names), unless
    the article names the unit only by a former name: it was then written before the change
    (an undated item on 淮阳县 is from before 淮阳区), and the former name is the one in force.
    """
    name, prefecture = place.name, place.prefecture
    if published is None:
        return _undated(place, mentioned)
    for change in changes():
        if change.date <= published or change.province != place.province:
            continue
        if place.level == "prefecture" and change.new_county is None:
            if change.new_prefecture == name:
                name = prefecture = change.old_prefecture
        elif place.level == "county" and change.new_county == name and (
            change.new_prefecture == prefecture
        ):
            old = [c for c in _olds(change) if c in mentioned] or _olds(change)
            name, prefecture = old[0], change.old_prefecture
        elif place.level in ("county", "zone") and change.new_county is None and (
            change.new_prefecture == prefecture
        ):
            prefecture = change.old_prefecture
    return name, prefecture


def _olds(change: Change) -> list[str]:
    """Every old name of the unit ``change`` made (merges list several records)."""
    return [c.old_county for c in changes()
            if c.date == change.date and c.new_county == change.new_county
            and c.new_prefecture == change.new_prefecture and c.old_county]


def _undated(place: Place, mentioned: set[str]) -> tuple[str, str | None]:
    """An undated item: the former name it prints when it never prints the current one."""
    if place.name in mentioned or place.level != "county":
        return place.name, place.prefecture
    for change in changes():
        if change.new_county == place.name and change.new_prefecture == place.prefecture and (
            change.old_county in mentioned
        ):
            return change.old_county, change.old_prefecture
    return place.name, place.prefecture


#: A unit's own forms printed with its level character alone: 全县, 我区, 该县, and its organs
#: (县委, 县纪委, 区政府, 县人大常委会...).  Which character they carry tells a county from the district
#: or city it became (CONVENTIONS L-renamed).
_OWN_FORMS = re.compile(
    r"[我本全该](?P<det>[县区市旗])|(?P<org>[县区市旗])(?:委|纪委|监委|人民政府|政府|人大|政协)"
)
#: Longest unit name looked back for before a form (株洲县委 is a named county's organ, not a
#: bare one).
_MAX_NAME_BEFORE = 8
#: The level character of a county, the one a renamed county-level city or district had before.
_COUNTY_CHAR = "县"


def own_level_chars(text: str) -> dict[str, int]:
    """How often ``text`` refers to a unit by its level character alone (全县, 县纪委, 区政府),
    per character; a form right after a unit's name (株洲县委, 某某区政府) is that named unit's
    and not counted."""
    gaz = load_gazetteer()
    out: dict[str, int] = {}
    for m in _OWN_FORMS.finditer(text):
        char = m["det"] or m["org"]
        at = m.start("org") if m["org"] else m.start("det")
        if m["org"] and any(text[j:at + 1] in gaz.full or text[j:at] in gaz.alias
                            for j in range(max(0, at - _MAX_NAME_BEFORE), at)):
            continue
        out[char] = out.get(char, 0) + 1
    return out


def former_by_own_organs(place: Place, text: str) -> tuple[str, str | None] | None:
    """(former name, its prefecture) of a county-level unit made from a county (株洲县 ->
    渌口区), for an undated item that refers to the unit by 县 alone (县纪委, 全县) and never by
    its present level character: it was written before the change.  None otherwise (no such
    change, both characters used, or neither)."""
    if place.level != "county" or place.name.endswith(_COUNTY_CHAR):
        return None
    current = place.name[-1]
    counts = own_level_chars(text)
    if not counts.get(_COUNTY_CHAR) or counts.get(current):
        return None
    olds = sorted({(c.old_county, c.old_prefecture) for c in changes()
                   if c.new_county == place.name and c.new_prefecture == place.prefecture
                   and c.province == place.province and c.old_county
                   and c.old_county.endswith(_COUNTY_CHAR)})
    return olds[0] if len(olds) == 1 else None
