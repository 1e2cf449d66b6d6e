"""Townships: the 乡, 镇, 街道 (and 苏木) of each county, from jionlp's detailed tree.

``jionlp.china_location_loader(detail=True)`` lists, under each county-level unit, its
township-level units (no codes).  Township names repeat across counties (城关镇 is in dozens), so
a township is only ever looked for inside the county an article has been resolved to.
"""

from __future__ import annotations

import contextlib
import functools
import io
import re

from helpers.places.gazetteer import Place, _children, load_gazetteer

__all__ = ["TOWNSHIP_ENDINGS", "find_township", "townships_of"]

#: The endings of township-level units: 镇 (town), 乡 (township; 民族乡 too), 街道 (urban
#: subdistrict) and 苏木 (Inner Mongolia's township).  jionlp's list also holds farms, prisons and
#: forestry bureaus under a county; those are not the townships reports are about.
TOWNSHIP_ENDINGS = ("镇", "乡", "街道", "苏木")


def _detail_tree() -> dict:
    """jionlp's tree with townships; jionlp prints a banner on import, swallowed here."""
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        import jionlp

        return jionlp.china_location_loader(detail=True)


@functools.lru_cache(maxsize=1)
def _index() -> dict[tuple[str, str | None, str], tuple[str, ...]]:
    """(province, prefecture, county) -> the county's township names."""
    gaz = load_gazetteer()
    out: dict[tuple[str, str | None, str], tuple[str, ...]] = {}
    for prov in _detail_tree().values():
        for city in _children(prov).values():
            for county in _children(city).values():
                names = tuple(t for t in _children(county) if t.endswith(TOWNSHIP_ENDINGS))
                for place in gaz.full.get(county["_full_name"], ()):
                    if place.province == prov["_full_name"] and place.level == "county":
                        out.setdefault((place.province, place.prefecture, place.name), names)
    return out


def townships_of(county: Place) -> tuple[str, ...]:
    """The township names of a county-level unit (empty for anything else)."""
    if county.level != "county":
        return ()
    return _index().get((county.province, county.prefecture, county.name), ())


@functools.lru_cache(maxsize=4096)
def township_pattern(county: Place) -> re.Pattern[str] | None:
    """A pattern finding the county's township names, longest first (None without any)."""
    names = townships_of(county)
    if not names:
        return None
    return re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))


#: A township in the lead makes a township report only if the article comes back to it: named
#: this often in all (the lead counts), or referred to as 全镇 / 该乡 / 镇党委.  A township named
#: once is a setting (家住江村镇的张某), not the subject.
TOWNSHIP_MIN_MENTIONS = 2
#: Forms that refer back to the township the article is about.
_TOWNSHIP_DEIXIS = re.compile(r"(?:全|该|本|我)(?:镇|乡|街道)|(?:镇|乡)(?:党委|政府)")
_SENTENCE_END = re.compile(r"[。！？!?\n]")


def find_township(county: Place, headline: str, text: str) -> str | None:
    """The township of ``county`` an article is about, or None.

    The headline names exactly one of the county's townships (高沙镇：...; in a lead before a
    colon also without its ending, 高沙：), or else the body's first sentence names exactly one
    and the article refers to it at least ``TOWNSHIP_MIN_MENTIONS`` times and more than to any
    other township of the county.
    """
    pattern = township_pattern(county)
    if pattern is None:
        return None
    named = set(pattern.findall(headline)) or _short_lead(county, headline)
    if len(named) == 1:
        return named.pop()
    if named:
        return None
    first = _SENTENCE_END.split(text.strip(), maxsplit=1)[0] if text.strip() else ""
    in_lead = set(pattern.findall(first))
    if len(in_lead) != 1:
        return None
    counts: dict[str, int] = {}
    for name in pattern.findall(text):
        counts[name] = counts.get(name, 0) + 1
    township = in_lead.pop()
    score = counts.get(township, 0) + len(_TOWNSHIP_DEIXIS.findall(text))
    others = max((n for t, n in counts.items() if t != township), default=0)
    return township if score >= TOWNSHIP_MIN_MENTIONS and counts[township] > others else None


def _short_lead(county: Place, headline: str) -> set[str]:
    """高沙： -> 高沙镇: a headline lead before a colon that is a township without its ending."""
    head, colon, _rest = headline.strip().partition("：")
    if not colon:
        return set()
    head = head.removeprefix(county.name)
    return {t for t in townships_of(county)
            if len(head) >= 2 and t != head and t.startswith(head)
            and t[len(head):] in TOWNSHIP_ENDINGS}
