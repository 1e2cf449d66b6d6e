"""The places scans made faster (issue 16) find what the scans they replace found."""

from __future__ import annotations

import random
import re

from helpers.places.gazetteer import Place, load_gazetteer
from helpers.places.locate import _addressed_townships, _province_forms
from helpers.places.townships import _ADDRESSED, _addressed_runs, townships_of
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


#: Sentences written for these tests: a county's name before townships, alone and enumerated,
#: before words that are not townships, and overlapping names.
SENTENCES = [
    "洞口县高沙镇、石江镇召开会议，洞口县各乡镇参加。",
    "某县城乡环境整治，某县下镇乡的干部到某县某某街道走访。",
    "县县甲镇乙乡丙街道，县城关镇。",
    "某某县某县某镇镇长说，某县乡村振兴。",
    "",
]


def _runs_by_finditer(name: str, text: str) -> list[str]:
    """What ``_addressed_runs`` stands for: one pattern per name."""
    return [m.group(1) for m in
            re.finditer(re.escape(name) + f"({_ADDRESSED}(?:、{_ADDRESSED})*)", text)]


def test_addressed_runs_reads_an_enumeration() -> None:
    assert _addressed_runs("洞口县", SENTENCES[0]) == ["高沙镇、石江镇"]
    # 城乡 and a quantifier (各) open no township
    assert _addressed_runs("某县", SENTENCES[1]) == ["下镇乡", "某某街道"]


def test_addressed_runs_equal_the_pattern_per_name() -> None:
    rng = random.Random(7)
    alphabet = "某县甲乙镇乡街道、城各村区"
    texts = SENTENCES + ["".join(rng.choice(alphabet) for _ in range(40)) for _ in range(300)]
    for text in texts:
        for name in ("某县", "县", "洞口县", "某某县", "县县", "甲"):
            assert _addressed_runs(name, text) == _runs_by_finditer(name, text), (name, text)


def test_township_index_kept_equals_the_built_one(tmp_path, monkeypatch) -> None:
    from helpers import config
    from helpers.places import townships

    built = townships._build_index()
    monkeypatch.setattr(config, "BUILT_CACHE", tmp_path)
    townships._index.cache_clear()
    try:
        first = townships._index()  # built and written
        assert any(tmp_path.glob("townships-*.marshal"))
        townships._index.cache_clear()
        again = townships._index()  # read back
        assert list(again.items()) == list(built.items()) == list(first.items())
        assert again[("湖南省", "邵阳市", "洞口县")] == built[("湖南省", "邵阳市", "洞口县")]
    finally:
        townships._index.cache_clear()


def test_cached_answers_are_the_same_for_the_same_text() -> None:
    from helpers.places.townships import with_addressed

    county = Place("洞口县", "邵阳市", "湖南省", "county")
    text = "洞口县高沙镇、石江镇召开会议。"
    assert with_addressed(county, text, frozenset({"洞口县"})) is with_addressed(
        county, text, frozenset({"洞口县"}))
