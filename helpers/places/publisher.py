"""The unit an item's publisher belongs to, read from the 来源 it prints or its newspaper's name.

Why: an article scraped from a county site often names no county in its body (西河镇开展…, with
``来源：永靖县人民政府`` above it), and a WeChat copy carries only its account's name (文明灌南).
A researcher who gathered such items from many sites has no folder ``home`` to give; the
publisher the item itself prints is the same evidence a home is, so it stands in for one when the
metadata gives none.  Only a county-level unit, zone or city is taken: a provincial paper or portal
(湖南日报, 中国江西网) covers all its province, so its name tells nothing of the place reported on.

Two forms are read: an organ or outlet with a full name (永靖县人民政府, 宁乡市融媒体中心), and an
outlet brand made of a short name and brand words (文明灌南, 马鞍山日报, 平安鄂尔多斯, 今日宁乡).
A short name that several units share is read only when they are a city and its own namesake
county (长沙 → 长沙市: a paper is the city's); otherwise nothing (朝阳 is a district of Beijing and
a city of Liaoning).
"""

from __future__ import annotations

import functools
import re

from helpers.places.gazetteer import Place, load_gazetteer

#: Levels a publisher's unit may have to stand in for a home.  A province is left out: its
#: papers and portals report on every county of it.
PUBLISHER_LEVELS = frozenset({"county", "zone", "prefecture"})

#: Words that make an outlet brand of a short place name, before it (文明灌南, 平安鄂尔多斯,
#: 今日宁乡) or after it (马鞍山日报, 德州新闻网, 灌南发布).  Longer words first, so that 融媒体中心
#: is taken whole before 中心 could be.
BRAND_PREFIXES = ("文明", "平安", "今日", "美丽", "魅力", "掌上", "智慧", "大美", "最美", "幸福",
                  "活力", "清风", "清廉", "廉洁", "法治", "健康", "印象", "云上", "无线", "数字",
                  "爱")
BRAND_SUFFIXES = ("融媒体中心", "广播电视台", "新闻中心", "新闻网", "融媒体", "电视台", "都市报",
                  "日报", "晚报", "晨报", "时报", "发布", "融媒", "新闻", "在线", "头条", "手机台",
                  "之窗", "之声", "报", "网", "台")
#: The brand words a county's own outlets use (今日宁乡, 灌南发布, 宁乡新闻网).  A paper or a
#: portal (日报, 晚报, 网) with a county-level name is left out: the national and provincial ones
#: carry names that counties and districts also bear (光明日报, 东方网, 新民晚报, 天山网).
COUNTY_BRAND_SUFFIXES = frozenset({"融媒体中心", "广播电视台", "新闻中心", "新闻网", "融媒体",
                                   "电视台", "发布", "融媒", "新闻", "在线", "头条", "手机台",
                                   "之窗", "之声"})
#: A district's short name is too often a word (光明, 解放, 泰山, 天山) to be read from a brand.
DISTRICT_END = "区"

#: The longest short name a brand holds (鄂尔多斯, 马鞍山, 西双版纳 …).
MAX_SHORT_NAME = 6

_SEPARATORS = re.compile(r"[\s·•|｜/、，,：:—\-]+")


@functools.lru_cache(maxsize=4096)
def publisher_home(source: str | None) -> str | None:
    """The full name of the county-level unit, zone or city ``source`` (a 来源 line, a newspaper
    name) belongs to, or None when it names none or names one ambiguously.  Kept by the string:
    a site's articles print the same 来源 again and again."""
    if not source:
        return None
    parts = [p for p in _SEPARATORS.split(source.strip()) if p]
    found = {name for part in parts if (name := _full_name(part) or _brand_name(part))}
    return found.pop() if len(found) == 1 else None


def _full_name(part: str) -> str | None:
    """The unit a part names in full (永靖县人民政府), by the resolver's own reading."""
    from helpers.places import locate_article  # loaded on first use, as the package does

    place = locate_article(part, "")
    return place.locality if place.level in PUBLISHER_LEVELS else None


def _brand_name(part: str) -> str | None:
    place = _brand_place(part)
    return place.name if place is not None else None


def _brand_place(part: str) -> Place | None:
    """The unit of an outlet brand: a short name with brand words around it."""
    core, prefixed, suffix_used = part, False, ""
    for prefix in BRAND_PREFIXES:
        if core.startswith(prefix) and len(core) > len(prefix) + 1:
            core, prefixed = core[len(prefix):], True
            break
    for suffix in BRAND_SUFFIXES:
        if core.endswith(suffix) and len(core) > len(suffix) + 1:
            core, suffix_used = core[: -len(suffix)], suffix
            break
    if core == part or len(core) > MAX_SHORT_NAME:
        return None
    place = _short_name_place(core)
    if place is None or place.level == "prefecture":
        return place
    if place.name.endswith(DISTRICT_END):
        return None
    if suffix_used and suffix_used not in COUNTY_BRAND_SUFFIXES:
        return None
    return place if prefixed or suffix_used else None


@functools.lru_cache(maxsize=4096)
def _short_name_place(short: str) -> Place | None:
    """The one unit a short name denotes; a city over its namesake county; else None."""
    cands = [p for p in load_gazetteer().alias.get(short, ()) if p.level != "province"]
    units = list(dict.fromkeys(cands))
    if len(units) == 1:
        return units[0]
    cities = [p for p in units if p.level == "prefecture"]
    if len(cities) == 1 and all(p.prefecture == cities[0].name for p in units if p != cities[0]):
        return cities[0]
    return None
