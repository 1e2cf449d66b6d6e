"""Measure how places are read against other projects' published test cases.

The cases are others' files and stay outside the repository: bring them in for the measurement
(e.g. with ``git show`` from a clone) and pass their paths:

    python benchmarks/peer_places.py /tmp/peers_loc/jionlp_test_location_parser.py \\
        /tmp/peers_loc/cpca_test_cpca.py /tmp/peers_loc/addressparser_test_*.py [--show]

Suites, recognized by file name:

- ``*test_location_parser.py`` (JioNLP, ``jio.parse_location``): each location string with the
  expected province, city, county and, when the case asks for it, town;
- ``*test_cpca.py`` (cpca) and ``addressparser_test_*.py`` (addressparser, its fork): the
  strings handed to ``transform`` in a test function and the province, city and county its
  asserts expect (``_assert_line``, ``df.loc[i, '省'] == …``, and the concatenated
  ``string_dataframe`` form).

Each string goes through ``locate_article`` as the text of an article without headline, dated
``AS_OF`` (the peers expect today's names: 襄樊 → 襄阳).  Our answer in the peers' terms: the
province; the city is the prefecture (a municipality's own name for its districts, as the peers
print it); the county is the locality when the level is county or township, else none; the town
is the township.  A case passes when every field the peer asserts agrees.  Our output is one
unit per article, not an address split: the peers' ``detail``/``地址`` remainder and character
positions are not compared.  Out-of-scope cases are counted by class with the reason.
"""

from __future__ import annotations

import argparse
import ast
import datetime as dt
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from helpers.places import locate_article

#: The date the strings are read as of: the peers' expectations use today's division names.
AS_OF = dt.date(2024, 1, 1)

#: The peers' word for "the city of a municipality's district" (cpca prints 市辖区).
MUNICIPAL_CITY = {"市辖区"}

#: Out of scope: (class, reason, test on the case).
OUT_OF_SCOPE: list[tuple[str, str, Callable[[Case], bool]]] = [
    ("Taiwan, Hong Kong, Macao",
     "the gazetteer holds the mainland's divisions, where county news comes from",
     lambda c: any(p in (dict(c.expected).get("province") or dict(c.expected).get("joined") or "")
                   for p in ("台湾", "香港", "澳门"))),
    ("市辖区 as a county",
     ("the code table's placeholder for a city's districts together (320801), not a unit a "
      "news item is about"),
     lambda c: dict(c.expected).get("county") == "市辖区"),
    ("a user's mapping (cpca's umap)",
     "the answer comes from the caller's own table for an ambiguous name, not from the text",
     lambda c: dict(c.expected).keys() == {"umap"}),
]


@dataclass(frozen=True)
class Case:
    """One peer case: the string and the fields its test asserts (absent = not asserted)."""

    suite: str
    text: str
    expected: tuple[tuple[str, str | None], ...]


def _literal(node: ast.AST) -> object:
    """A node's literal value, or a marker when it is not a literal."""
    try:
        return ast.literal_eval(node)
    except (ValueError, SyntaxError):
        return _literal


def read_jionlp(path: Path) -> list[Case]:
    """``location_string_list`` of JioNLP's test: [text, town_village, change2new, expected]."""
    cases = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == "location_string_list" for t in node.targets):
            for text, town_village, _change2new, exp in _literal(node.value):
                fields = [("province", exp["province"]), ("city", exp["city"]),
                          ("county", exp["county"])]
                if town_village:
                    fields.append(("town", exp.get("town")))
                cases.append(Case("jionlp", text, tuple(fields)))
    return cases


def _name(node: ast.AST) -> str | None:
    """The called function's last name (``transform`` of ``cpca.transform``)."""
    if isinstance(node, ast.Call):
        f = node.func
        return f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", None)
    return None


#: ``transform`` options that only change the output's layout; any other option (cpca's
#: ``umap``: the user's own answer for an ambiguous name) takes the case out of scope.
LAYOUT_OPTIONS = {"pos_sensitive", "cut"}


def _transform_cases(func: ast.FunctionDef, suite: str,
                     helpers: dict[str, ast.FunctionDef]) -> tuple[list[Case], int]:
    """One test function: its string lists, what ``transform`` got and what the asserts say
    (its own and those of a module-level helper it hands the frame to, as cpca's
    ``assert_addr``).  Also the number of cases set aside because of a user's mapping."""
    lists: dict[str, list[object]] = {}
    frames: dict[str, list[object]] = {}
    strings: dict[str, str] = {}
    got: dict[tuple[str, int, str], str | None] = {}
    joined: list[tuple[str, str]] = []
    mapped: set[str] = set()
    called = []
    for node in ast.walk(func):
        if _name(node) in helpers:
            called.append(helpers[_name(node)])
    for node in [n for f in [func, *called] for n in ast.walk(f)]:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            target, value = node.targets[0].id, node.value
            lit = _literal(value)
            if isinstance(lit, list) and lit:
                lists[target] = lit
            if _name(value) == "string_dataframe" and value.args:
                inner = value.args[0]
                if _name(inner) == "transform":
                    one = _literal(inner.args[0])
                    if isinstance(one, list) and len(one) == 1:
                        strings[target] = one[0]
            elif _name(value) == "transform" and value.args:
                arg = value.args[0]
                if isinstance(arg, ast.Name) and arg.id in lists:
                    frames[target] = lists[arg.id]
                    if {k.arg for k in value.keywords} - LAYOUT_OPTIONS:
                        mapped.add(target)
        elif _name(node) in helpers and node.args and isinstance(node.args[0], ast.Name):
            helper = helpers[_name(node)]
            if node.args[0].id in frames and helper.args.args:
                frames[helper.args.args[0].arg] = frames[node.args[0].id]
        elif _name(node) == "_assert_line":
            args = [_literal(a) for a in node.args]
            first = next((i for i, a in enumerate(args[:3]) if isinstance(a, int)
                          and not isinstance(a, bool)), None)
            if first is None or len(args) < first + 4:
                continue
            frame = node.args[0].id if first and isinstance(node.args[0], ast.Name) else "*"
            line = args[first]
            province, city, area = args[first + 1:first + 4]
            fields = [("province", province), ("city", city), ("county", area)]
            if len(args) > first + 5 and isinstance(args[first + 5], str):
                fields.append(("admin_code", args[first + 5][:6]))
            for field, value in fields:
                got[(frame, line, field)] = value or None
        elif isinstance(node, ast.Assert) and isinstance(node.test, ast.Compare):
            left, right = node.test.left, _literal(node.test.comparators[0])
            if isinstance(left, ast.Subscript) and isinstance(right, str):
                key = _literal(left.slice)
                if isinstance(key, tuple) and len(key) == 2 and key[1] == "省":
                    frame = getattr(left.value.value, "id", "*") if isinstance(
                        left.value, ast.Attribute) else "*"
                    got[(frame, key[0], "province")] = right or None
            elif isinstance(left, ast.Name) and left.id in strings and isinstance(right, str):
                joined.append((strings[left.id], right))
    cases, set_aside = [], 0
    for frame, line in sorted({k[:2] for k in got}):
        texts = frames.get(frame) or (next(iter(frames.values())) if frame == "*" and frames
                                      else None)
        if texts is None or line >= len(texts) or not isinstance(texts[line], str):
            continue  # not a transform frame (a text with several addresses) or not a string
        if frame in mapped:
            set_aside += 1
            continue
        fields = tuple((f, got[(frame, line, f)]) for f in
                       ("province", "city", "county", "admin_code") if (frame, line, f) in got)
        cases.append(Case(suite, texts[line], fields))
    cases += [Case(suite, text, (("joined", want),)) for text, want in joined]
    return cases, set_aside


def read_transform_suite(path: Path, suite: str) -> list[Case]:
    """Every test function's transform cases (cpca and addressparser share the form)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    functions = [f for f in tree.body if isinstance(f, ast.FunctionDef)]
    helpers = {f.name: f for f in functions if not f.name.startswith("test")
               and f.name != "_assert_line"}
    cases: list[Case] = []
    for f in functions:
        if f.name.startswith("test"):
            found, set_aside = _transform_cases(f, suite, helpers)
            cases += found
            cases += [Case(suite, "", (("umap", None),))] * set_aside
    return cases


def read_suite(path: Path) -> list[Case]:
    """The cases of one peer file, by its name."""
    if path.name.endswith("test_location_parser.py"):
        return read_jionlp(path)
    if path.name.endswith("test_cpca.py"):
        return read_transform_suite(path, "cpca")
    if path.name.startswith("addressparser_test_"):
        return read_transform_suite(path, "addressparser")
    raise SystemExit(f"{path}: not a known peer suite (see the module docstring)")


def our_fields(text: str) -> dict[str, str | None]:
    """Our reading of one string in the peers' terms."""
    r = locate_article("", text, published=AS_OF)
    county = r.locality if r.level in ("county", "township") else None
    fields = {"province": r.province, "city": r.prefecture, "county": county,
              "town": r.township, "admin_code": r.admin_code}
    fields["joined"] = "".join(v or "" for v in (r.province, r.prefecture, county))
    return fields


def _agrees(field: str, want: str | None, ours: str | None) -> bool:
    """One field: a municipality's 市辖区 is its own name in our table."""
    if field == "city" and want in MUNICIPAL_CITY:
        return ours is not None and ours.endswith("市")
    return (want or None) == (ours or None)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", type=Path, nargs="+")
    parser.add_argument("--show", action="store_true", help="print every failed case")
    args = parser.parse_args()
    passed, total, skipped = Counter(), Counter(), Counter()
    failures = defaultdict(list)
    for path in args.files:
        for case in read_suite(path):
            out = next((cls for cls, _why, test in OUT_OF_SCOPE if test(case)), None)
            if out:
                skipped[(case.suite, out)] += 1
                continue
            ours = our_fields(case.text)
            total[case.suite] += 1
            wrong = [(f, w, ours[f]) for f, w in case.expected if not _agrees(f, w, ours[f])]
            if wrong:
                failures[case.suite].append((case.text, wrong))
            else:
                passed[case.suite] += 1
    for suite in sorted(total):
        print(f"{suite:14s} {passed[suite]:3d}/{total[suite]:3d} = "
              f"{100 * passed[suite] / total[suite]:5.1f} %")
        if args.show:
            for text, wrong in failures[suite]:
                print("   ", text, "|", "; ".join(f"{f}: want {w} got {o}" for f, w, o in wrong))
    reasons = {cls: why for cls, why, _test in OUT_OF_SCOPE}
    for (suite, cls), n in sorted(skipped.items()):
        print(f"out of scope: {suite}, {cls}: {n} ({reasons[cls]})")


if __name__ == "__main__":
    main()
