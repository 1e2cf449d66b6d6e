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
from dataclasses import dataclass

from helpers.places.gazetteer import Place, _jionlp_tables

__all__ = ["Change", "as_of"]


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
