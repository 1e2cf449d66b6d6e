"""The gazetteer: jionlp's administrative divisions read into places and the names that find them.

See ``helpers.places`` for how the jionlp tree is read (municipalities, province-administered
units, functional zones, former names, short forms of autonomous units).  No place names are typed
here: every name comes from jionlp.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import functools
import importlib.util
import io
import re
from collections import defaultdict
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from types import ModuleType

from helpers import config
from helpers.text.stored import load_stored, stored_key

__all__ = ["Gazetteer", "Place", "jionlp_detail_tree", "load_gazetteer"]


@dataclass(frozen=True)
class Place:
    """An administrative unit: its standard full name, prefecture-level parent and province.

    ``level`` is "county" (county-level unit), "prefecture" (prefecture-level unit, or a
    municipality such as 北京市) or "province".  ``prefecture`` is the unit itself for a
    prefecture, None for a province and for county-level units under no prefecture.
    """

    name: str
    prefecture: str | None
    province: str
    level: str  # "county" | "prefecture" | "province"


@dataclass(frozen=True, eq=False)
class Gazetteer:
    """Name indexes built from jionlp's division tree (see ``load_gazetteer``).

    ``full`` maps full names (and the other names searched in running text) to the candidate
    places, sorted by administrative code; ``alias`` maps short forms; ``codes`` gives each
    place's administrative code; ``forms`` the names (full name first, then aliases) of each
    province and prefecture, keyed by full name.
    """

    full: dict[str, tuple[Place, ...]]
    alias: dict[str, tuple[Place, ...]]
    codes: dict[Place, str]
    forms: dict[str, tuple[str, ...]]
    _ends: re.Pattern[str] = field(repr=False)
    _lengths: dict[str, tuple[int, ...]] = field(repr=False)
    _longest: int = field(repr=False)

    def lookup(self, name: str) -> tuple[Place, ...]:
        """Places a full name or an alias can denote (full-name readings first)."""
        seen = dict.fromkeys(self.full.get(name, ()) + self.alias.get(name, ()))
        return tuple(seen)

    def parent_forms(self, place: Place) -> tuple[str, ...]:
        """Names of the prefecture and province above ``place`` (full names and aliases)."""
        out: list[str] = []
        if place.level == "county" and place.prefecture:
            out += self.forms.get(place.prefecture, ())
        if place.level != "province" and place.province != place.name:
            out += self.forms.get(place.province, ())
        return tuple(out)


# ---------------------------------------------------------------------------------------------
# building the gazetteer


#: jionlp's files the division tables are read from (under its package folder).  The wheel
#: ships china_location.zip; jionlp unzips it to china_location.txt on its first load, so on a
#: fresh install the .txt does not exist yet: every file present counts, a missing one by name.
_JIONLP_FILES = ("dictionary/china_location.zip", "dictionary/china_location.txt",
                 "dictionary/china_location_change.txt")


def _jionlp_quietly() -> ModuleType:
    """jionlp, imported with its banner swallowed (it prints one on import)."""
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        import jionlp
    return jionlp


@functools.lru_cache(maxsize=1)
def _jionlp_key() -> str:
    """The key of what jionlp's tables are read from: its version and its files' bytes, found
    without importing jionlp (~0.3 s)."""
    spec = importlib.util.find_spec("jionlp")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("the gazetteer is read from jionlp's tables: install jionlp")
    return stored_key("jionlp", metadata.version("jionlp"),
                      *files_key_parts(Path(spec.submodule_search_locations[0]), _JIONLP_FILES))


def files_key_parts(folder: Path, names: tuple[str, ...]) -> list[bytes | str]:
    """Each file's name and bytes, or its name and ``absent``: a file created later (jionlp's
    unzipped table) changes the key, so the table is rebuilt once, never read under a stale key."""
    parts: list[bytes | str] = []
    for name in names:
        path = folder / name
        parts += [name, path.read_bytes() if path.is_file() else "absent"]
    return parts


def _read_jionlp_tables() -> tuple[dict, list]:
    jionlp = _jionlp_quietly()
    return jionlp.china_location_loader(), jionlp.china_location_change_loader()


@functools.lru_cache(maxsize=1)
def _jionlp_tables() -> tuple[dict, list]:
    """jionlp's division tree and rename list, the list followed by the changes of
    ``config.CHANGES_EXTRA`` in jionlp's form (read once per process, jionlp's kept between
    kernels in ``config.BUILT_CACHE``: callers must not change them)."""
    tree, changes = load_stored("jionlp-tables", _jionlp_key(), _read_jionlp_tables)
    return tree, [*changes, *_extra_changes()]


#: The columns of ``config.CHANGES_EXTRA``, in order; the two county columns are both empty for
#: a prefecture-level change (as jionlp's records leave them None).
EXTRA_CHANGE_COLUMNS = ("date", "department", "province", "old_prefecture", "old_county",
                        "new_prefecture", "new_county", "source")
_COUNTY_COLUMNS = ("old_county", "new_county")


def _extra_changes() -> list[dict]:
    """The rows of ``config.CHANGES_EXTRA`` as jionlp's change records; a malformed row is an
    error naming the file, row and column, never skipped."""
    path = config.CHANGES_EXTRA
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    if not rows or tuple(rows[0]) != EXTRA_CHANGE_COLUMNS:
        raise ValueError(f"{path}: row 1: the header must be {','.join(EXTRA_CHANGE_COLUMNS)}")
    out = []
    for n, values in enumerate(rows[1:], start=2):
        if not any(v.strip() for v in values):
            continue  # a blank line
        if len(values) != len(EXTRA_CHANGE_COLUMNS):
            raise ValueError(f"{path}: row {n}: {len(values)} columns, expected "
                             f"{len(EXTRA_CHANGE_COLUMNS)}")
        row = dict(zip(EXTRA_CHANGE_COLUMNS, (v.strip() for v in values), strict=True))
        for column in EXTRA_CHANGE_COLUMNS:
            if not row[column] and column not in _COUNTY_COLUMNS:
                raise ValueError(f"{path}: row {n}, column {column}: empty")
        if bool(row["old_county"]) != bool(row["new_county"]):
            raise ValueError(f"{path}: row {n}, columns old_county/new_county: both or neither")
        try:
            dt.date.fromisoformat(row["date"])
        except ValueError:
            raise ValueError(f"{path}: row {n}, column date: {row['date']!r} is not "
                             "YYYY-MM-DD") from None
        out.append({
            "date": row["date"], "department": row["department"],
            "old_loc": [[row["province"], None], [row["old_prefecture"], None],
                        [row["old_county"] or None, None]],
            "new_loc": [row["province"], row["new_prefecture"], row["new_county"] or None],
        })
    return out


@functools.lru_cache(maxsize=1)
def jionlp_detail_tree() -> dict:
    """jionlp's tree with townships and villages (``china_location_loader(detail=True)``, ~1.2
    s to parse; ~0.15 s from ``config.BUILT_CACHE``): read once per process, not to be changed."""
    return load_stored("jionlp-detail", _jionlp_key(),
                       lambda: _jionlp_quietly().china_location_loader(detail=True))


def _aliases(entry: dict) -> list[str]:
    raw = entry.get("_alias") or []
    return [raw] if isinstance(raw, str) else list(raw)


def _children(entry: dict) -> dict[str, dict]:
    return {k: v for k, v in entry.items() if not k.startswith("_")}


def _strip_prefixes(name: str, prefixes: list[str]) -> str:
    """Remove leading parent names (湖南衡阳松木经济开发区 -> 松木经济开发区)."""
    changed = True
    while changed:
        changed = False
        for p in sorted(prefixes, key=len, reverse=True):
            if p and name.startswith(p) and len(name) > len(p):
                name = name[len(p):]
                changed = True
                break
    return name


@functools.lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The name indexes, built once from jionlp's data (prints nothing) and kept between
    kernels in ``config.BUILT_CACHE`` under the key of jionlp's files and of this module's
    source (~0.05 s to read against ~0.5 s to build)."""
    key = stored_key("gazetteer", _jionlp_key(), Path(__file__).read_bytes(),
                     config.CHANGES_EXTRA.read_bytes())
    return _gazetteer_from(load_stored("gazetteer", key,
                                       lambda: _gazetteer_data(_build_gazetteer())))


def _gazetteer_data(gaz: Gazetteer) -> dict:
    """``gaz`` as plain data (marshal's types): places as tuples, referred to by position."""
    places: dict[Place, int] = {}
    for place in (*gaz.codes, *(p for ps in (*gaz.full.values(), *gaz.alias.values())
                                for p in ps)):
        places.setdefault(place, len(places))
    return {
        "places": [(p.name, p.prefecture, p.province, p.level) for p in places],
        "full": {k: tuple(places[p] for p in v) for k, v in gaz.full.items()},
        "alias": {k: tuple(places[p] for p in v) for k, v in gaz.alias.items()},
        "codes": [(places[p], code) for p, code in gaz.codes.items()],
        "forms": dict(gaz.forms),
        "ends": gaz._ends.pattern,
        "lengths": dict(gaz._lengths),
        "longest": gaz._longest,
    }


def _gazetteer_from(data: dict) -> Gazetteer:
    """The ``Gazetteer`` that ``_gazetteer_data`` wrote down."""
    places = [Place(*p) for p in data["places"]]
    return Gazetteer(
        full={k: tuple(places[i] for i in v) for k, v in data["full"].items()},
        alias={k: tuple(places[i] for i in v) for k, v in data["alias"].items()},
        codes={places[i]: code for i, code in data["codes"]},
        forms=data["forms"],
        _ends=re.compile(data["ends"]),
        _lengths=data["lengths"],
        _longest=data["longest"],
    )


def _build_gazetteer() -> Gazetteer:
    """Build the name indexes from jionlp's tables."""
    tree, changes = _jionlp_tables()
    renamed = _renames_not_in_tree(tree, changes)
    full: dict[str, list[Place]] = defaultdict(list)
    alias: dict[str, list[Place]] = defaultdict(list)
    codes: dict[Place, str] = {}
    forms: dict[str, tuple[str, ...]] = {}
    zones: list[tuple[str, Place, list[str], list[str]]] = []  # name, city, aliases, prefixes

    def add(place: Place, code: str, names: list[str], short: list[str]) -> None:
        codes.setdefault(place, code)
        for n in names:
            if n and place not in full[n]:
                full[n].append(place)
        for a in short:
            # a short form opens as its unit's name does (宁乡 of 宁乡市, 西洞庭 of 西洞庭管理区);
            # one that does not is a generic word (jionlp's 高新区 for 成都高新技术产业开发区),
            # which would make every city's bare 高新区 that one zone
            if a and "直辖" not in a and a[0] == place.name[0] and place not in alias[a]:
                alias[a].append(place)

    for prov in tree.values():
        prov_name = prov["_full_name"]
        prov_alias = _aliases(prov)
        cities = _children(prov)
        municipality = any(c["_full_name"] in (prov_name, *prov_alias) for c in cities.values())
        if municipality:
            prov_place = Place(prov_name, prov_name, prov_name, "prefecture")
        else:
            prov_place = Place(prov_name, None, prov_name, "province")
        add(prov_place, prov["_admin_code"], [prov_name], prov_alias)
        forms[prov_name] = (prov_name, *prov_alias)
        for city in cities.values():
            city_name = city["_full_name"]
            direct = "直辖" in city_name  # 省直辖行政区划: province-administered counties
            if municipality:
                city_place = prov_place
                add(prov_place, prov["_admin_code"], [city_name], _aliases(city))
                forms[prov_name] = tuple(dict.fromkeys(forms[prov_name] + (city_name,)))
            elif direct:
                city_place = None
            else:
                city_place = Place(city_name, city_name, prov_name, "prefecture")
                add(city_place, city["_admin_code"], [city_name], _aliases(city))
                forms[city_name] = (city_name, *_aliases(city))
            for county in _children(city).values():
                name, code = county["_full_name"], county["_admin_code"]
                name = renamed.get((prov_name, city_name, name), name)
                if "直辖" in name:  # 市直辖行政区划: a city without counties
                    continue
                if code[4] == "7" and city_place is not None:  # functional zone -> its city
                    prefixes = [prov_name, *prov_alias, city_name, *_aliases(city)]
                    zones.append((name, city_place, _aliases(county), prefixes))
                    add(city_place, codes.get(city_place, code), [name], [])
                    continue
                pref = city_place.name if city_place is not None else None
                place = Place(name, pref, prov_name, "county")
                add(place, code, [name], _aliases(county))

    _add_zone_short_names(full, alias, zones)
    _add_autonomous_short_forms(full, alias)
    _add_former_names(full, changes)
    _drop_province_duplicates(full)
    _drop_province_duplicates(alias)

    def order(places: list[Place]) -> tuple[Place, ...]:
        return tuple(sorted(places, key=lambda p: (codes.get(p, "999999"), p.name)))

    full_t = {k: order(v) for k, v in full.items() if v}
    alias_t = {k: order(v) for k, v in alias.items() if v}
    lengths: dict[str, set[int]] = defaultdict(set)
    for name in full_t:
        lengths[name[-1]].add(len(name))
    ends = re.compile("[" + "".join(re.escape(c) for c in sorted(lengths)) + "]")
    return Gazetteer(
        full=full_t,
        alias=alias_t,
        codes=codes,
        forms=forms,
        _ends=ends,
        _lengths={c: tuple(sorted(v, reverse=True)) for c, v in lengths.items()},
        _longest=max(len(n) for n in (*full_t, *alias_t)),
    )


def _renames_not_in_tree(tree: dict, changes: list[dict]) -> dict[tuple[str, str, str], str]:
    """(province, prefecture, old name) -> new name for the county renames of the change records
    that jionlp's tree has not applied: the old name still stands under its prefecture and no
    unit there bears the new one (无为县 -> 无为市 in 2019, 湟中县 -> 湟中区, 长泰县 -> 长泰区).
    The unit keeps jionlp's code (the code of its old name); ``history.as_of`` gives the old name
    for items dated before the change, as for every rename."""
    present: dict[tuple[str, str], set[str]] = defaultdict(set)
    for prov in tree.values():
        for city in _children(prov).values():
            present[(prov["_full_name"], city["_full_name"])].update(
                c["_full_name"] for c in _children(city).values())
    out: dict[tuple[str, str, str], str] = {}
    for change in sorted(changes, key=lambda c: c["date"]):
        old = [o[0] if o else None for o in change["old_loc"]]
        new = list(change["new_loc"])
        if not (old[2] and new[2] and old[2] != new[2] and old[1] == new[1]):
            continue
        names = present.get((old[0], old[1]), set())
        if old[2] in names and new[2] not in names and new[2] not in out.values():
            out[(old[0], old[1], old[2])] = new[2]
    return out


def _add_zone_short_names(full, alias, zones) -> None:
    """Index 西洞庭管理区 for 常德市西洞庭管理区 when the alias shows the distinctive part.

    Kept when the name without its city prefix starts with the zone's own alias (西洞庭), or ends
    with an alias that several zones share (屈原管理区 / 管理区); generic remainders such as
    经济技术开发区 are not indexed.
    """
    alias_count: dict[str, int] = defaultdict(int)
    for _name, _city, aliases, _prefixes in zones:
        for a in aliases:
            alias_count[a] += 1
    for name, city, aliases, prefixes in zones:
        rest = _strip_prefixes(name, prefixes)
        if rest == name or len(rest) < 4 or rest in full:
            continue
        for a in aliases:
            generic = alias_count[a] > 1 or a in alias
            if (not generic and rest.startswith(a)) or (
                generic and rest.endswith(a) and len(rest) > len(a)
            ):
                full[rest].append(city)
                break


def _add_autonomous_short_forms(full, alias) -> None:
    """江华县 for 江华瑶族自治县, 湘西州 for 湘西土家族苗族自治州: alias + the unit's suffix."""
    for a, places in list(alias.items()):
        for place in places:
            if "自治" not in place.name or a.endswith(place.name[-1]):
                continue
            form = a + place.name[-1]
            if form in full and place not in full[form]:
                continue  # the short form is some other unit's full name
            if place not in full[form]:
                full[form].append(place)


def _add_former_names(full, changes) -> None:
    """Former names from jionlp's rename list (宁乡县 -> 宁乡市, 襄樊市 -> 襄阳市).

    A former name that is a current name of some unit (城区, 桥西区) is not indexed.
    """
    current = set(full)
    for change in changes:
        old = [o[0] if o else None for o in change["old_loc"]]
        new = list(change["new_loc"])
        if old[2] and new[2] and old[2] != new[2]:
            old_name, new_name, new_pref = old[2], new[2], new[1]
            targets = [p for p in full.get(new_name, []) if p.prefecture in (new_pref, None)]
        elif old[2] is None and new[2] is None and old[1] and new[1] and old[1] != new[1]:
            old_name, new_name = old[1], new[1]
            targets = [p for p in full.get(new_name, []) if p.level == "prefecture"]
        else:
            continue
        if old_name in current or len(targets) != 1:
            continue
        if targets[0] not in full[old_name]:
            full[old_name].append(targets[0])


def _drop_province_duplicates(index) -> None:
    """Taiwan's 金门县/连江县 repeat Fujian's: keep the reading that has a prefecture."""
    for key, places in index.items():
        with_prefecture = {p.name for p in places if p.level == "county" and p.prefecture}
        index[key] = [
            p for p in places
            if not (p.level == "county" and not p.prefecture and p.name in with_prefecture)
        ]


# ---------------------------------------------------------------------------------------------
# finding mentions
