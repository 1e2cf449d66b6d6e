"""The places scans made faster (issue 16) find what the scans they replace found."""

from __future__ import annotations

from helpers.places.gazetteer import Place, load_gazetteer
from helpers.places.locate import _addressed_townships, _province_forms
from helpers.places.townships import townships_of
from helpers.places.zones import find_zones


def test_addressed_townships_are_the_counties_towns() -> None:
    gaz = load_gazetteer()
    prefecture = next(p for ps in gaz.full.values() for p in ps
                      if p.level == "prefecture" and p.name == "邵阳市")
    towns, lengths = _addressed_townships(prefecture.province, prefecture.name)
    county = Place("洞口县", "邵阳市", "湖南省", "county")
    assert "高沙镇" in townships_of(county)
    assert county in towns["高沙镇"]
    assert all(len(t) >= 3 for t in towns) and sorted(lengths) == list(lengths)
    assert {len(t) for t in towns} == set(lengths)


def test_province_forms_are_built_once() -> None:
    gaz = load_gazetteer()
    first = _province_forms(gaz)
    assert first is _province_forms(gaz)
    names = [p.name for p, _forms in first]
    assert names == sorted(names) and "湖南省" in names
    assert all(forms[0] == p.name or p.name in forms for p, forms in first)


def test_kept_zones_are_a_fresh_list() -> None:
    zones = find_zones("常德市西湖管理区召开会议")
    assert [(z.start, z.end, z.place.name) for z in zones] == [(0, 8, "常德市西湖管理区")]
    zones.append(None)  # a caller's list is its own
    assert None not in find_zones("常德市西湖管理区召开会议")
