"""Locality resolution: which county (or city) an article reports on, nationwide.

Two functions.  ``resolve_locality(headline, text)`` gives (locality, prefecture, province) and
is what the page parser uses to recognise headline leads; its rules are below and its results
are pinned.  ``locate_article(headline, text, *, published, home, source)`` gives a
``Locality`` with the level (township, county, zone, prefecture, province), jionlp's division
code, the township and the reporting organ; it reads zones as their own units, masks datelines,
resolves 我县/全县 to ``home``, reads bulletins as their parent, names units as of ``published``
and reads traditional texts.  Its parts: ``locate`` (the decision), ``weigh`` (the weights of
the units), ``zones``, ``deixis`` (datelines, 我县), ``history`` (renames), ``townships``,
``agency`` (organs), ``script`` (traditional characters); each module says why it decides as it
does.

The gazetteer is jionlp's administrative-division data (``jionlp.china_location_loader``): it is
maintained and knows recent changes (宁乡县 -> 宁乡市 in 2017, 祁阳县 -> 祁阳市 in 2021), which
cpca's bundled table does not.  jionlp also ships the list of renames
(``china_location_change_loader``), so an old name in an older article (宁乡县, 襄樊市) still
resolves to today's unit.  No place names are typed in this module: every name comes from jionlp.

How the jionlp tree is read (see ``load_gazetteer``):

- province -> prefecture-level unit (city 市, autonomous prefecture 自治州, 地区, 盟) ->
  county-level unit (district 区, county 县, county-level city 市, banner 旗, autonomous
  county/banner).
- Municipalities (北京市, 上海市, 天津市, 重庆市; also 香港/澳门) are one place that is both
  province and prefecture: ``Place("北京市", "北京市", "北京市", "prefecture")``; their districts
  and counties have prefecture 北京市 / 重庆市.
- County-level units administered directly by the province (jionlp groups them under a pseudo
  city "省直辖行政区划": 湖北 仙桃市/天门市/潜江市/神农架林区, 河南 济源市, Hainan's counties
  and county-level cities such as 琼海市, Xinjiang's corps cities such as 石河子市) have
  ``prefecture=None``: there is no prefecture-level unit above them, and inventing one (the
  province, or the unit itself) would break ``locality == prefecture`` meaning a city-level
  report.  Their province is known.
- Prefecture-level cities without counties (儋州市, 东莞市, 中山市, 嘉峪关市; jionlp lists a
  pseudo child "市直辖行政区划") are prefecture-level places only.
- Functional zones that the statistical division code lists at county level (code digit 5 is
  7: development zones 经济技术开发区/高新区, 管理区 such as 常德市西洞庭管理区, 示范区) are not
  administrative divisions.  A mention of one counts as a mention of its prefecture-level city,
  just like a zone that jionlp does not list (邵阳经济技术开发区, 常德市西湖管理区).  A zone's
  name without the city prefix (西洞庭管理区, 屈原管理区) is indexed too when jionlp's alias
  shows what the distinctive part is.
- Taiwan's county list repeats 金门县 and 连江县, which jionlp also lists under 泉州市 and
  福州市; a province-administered duplicate of a name that has a prefecture is dropped.

Names indexed as *full names* (searched anywhere in a text): the standard full names, the
standard short forms of autonomous units (alias + 县/州/旗: 江华县, 湘西州), jionlp's former
names, and the zone names above.  jionlp's *aliases* (江华, 常德, 湖南) are trusted only at the
start of a headline (see ``resolve_locality``): in running text 湘西, 永定, 城关, 长安, 新城 are
ordinary words.  Two-character full names (澧县, 道县, 范县, 城区, 郊区) are words too (示范县,
管理县, 城区); they count only after their parent's name (阳泉市城区), or for 县/市 names also
after a non-Han character or a preposition (在澧县) and not before 长/域/级 (代县长, 新县域).  A
district name before 域 or 县 is read as 区域 / 区县 (新城区域 is not 新城区), a city name before
场 as 市场 (东方市场 is not 东方市).  ``locate_article`` also reads a district name that is a
common phrase (老城区 "the old town area", 新城区; see ``weigh.generic_districts``) as the phrase
unless its city is named before it or elsewhere, or nothing else is named.
"""

from typing import Any

from helpers.places.gazetteer import Gazetteer, Place, load_gazetteer
from helpers.places.resolve import find_places, resolve_locality

__all__ = ["Gazetteer", "Locality", "Place", "find_places", "load_gazetteer", "locate_article",
           "resolve_locality"]


def __getattr__(name: str) -> Any:
    """``locate_article`` and ``Locality`` are loaded on first use: the parser needs only
    ``resolve_locality``, and the parse stage's cache version covers the modules it imports."""
    if name in ("locate_article", "Locality"):
        from helpers.places import locate

        return getattr(locate, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
