"""Measure how numbers are read against other projects' published test cases.

The cases are others' files and stay outside the repository: bring them in for the measurement
(e.g. with ``git show`` from a clone) and pass their paths:

    python benchmarks/peer_numbers.py /tmp/peers/test_money_parser.py \\
        /tmp/peers/PercentModel.json /tmp/peers/CurrencyModel.json \\
        /tmp/peers/NumberModel.json /tmp/peers/cn2an_test.py [--show]

Suites, recognized by file name:

- ``test_money_parser.py`` (JioNLP, ``jio.parse_money``): each amount goes through
  ``extract_from_text``; it passes when a row comes back with the expected value in 元 (and the
  high end of a range), and no row holds another value (a partial number is wrong).  An amount
  printed without any unit (三百万) is a bare number in a report: its value must come back, of
  any kind.
- ``PercentModel.json`` / ``CurrencyModel.json`` (Recognizers-Text, Chinese): the input goes
  through ``extract_from_text``; every expected percentage (rate rows, % or percentage
  points) or amount in 元 must come back, and no rate (money) row may hold another value; when
  the input is nothing but the expression, no row of any kind may hold another value.
- ``NumberModel.json`` (Recognizers-Text) and ``cn2an_test.py`` (cn2an): each expected number
  text is read whole by ``helpers.numerals.read_number`` (``helpers.metrics.to_number`` before
  that module existed); a different value is wrong, None a miss; cn2an's error cases must give
  None.  Amounts with 元/角/分 go through ``extract_from_text``.

Out-of-scope cases are counted by class with the reason and never scored.  Prints the score by
suite, the wrong values, the misses (``--show``) and the out-of-scope classes.
"""

from __future__ import annotations

import argparse
import ast
import json
import math
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from helpers import metrics

try:  # the reader of one printed number (the metrics module's before numerals existed)
    from helpers.numerals import read_number
except ImportError:  # the first measurement, before any change
    read_number = metrics.to_number

#: Relative tolerance of a value: the peers print 52.3333333333333 for 157/3 (15 digits).
REL_TOL = 1e-9

# --- out-of-scope classes: (class, reason, test on the case text) ----------------------------
FOREIGN = re.compile(r"美元|欧元|日元|港元|港币|台币|泰铢|卢布|韩元|澳元|瑞士法郎|奈拉|日币|美分|"
                     r"比特币|美刀|美圆|日本銭|\$|英镑")
OUT_OF_SCOPE: list[tuple[str, str, Callable[[str], bool]]] = [
    ("discount 折", "a price discount (打八折 = 80 % of the price) is no reported figure",
     lambda t: bool(re.search(r"[折]", t))),
    ("foreign currency", "reports compare amounts in 元; other currencies need a rate and a date",
     lambda t: bool(FOREIGN.search(t))),
    ("traditional script", ("the corpus readers refuse traditional-character pages (CorpusError:"
                            " convert with OpenCC first); 萬 and 億 alone are financial forms"),
     lambda t: bool(re.search(r"[個點兩倆陸負對貳參]", t))),
    ("k/w shorthand", "15k, 30w are internet shorthand, never printed in official reports",
     lambda t: bool(re.search(r"\d\s*[kKＫwWM](?![a-z])", t))),
    ("兆", "兆 is 10^6 in mainland usage and 10^12 in Taiwan and Japan: not read",
     lambda t: "兆" in t),
    ("vague amount", "几十万, 数十亿, 十几块 print no number; a range would be invented",
     lambda t: bool(re.search(r"[几数幾]", t))),
    ("scientific notation", "2e5, 2^5, .5 are notations of formulas and code, not of reports",
     lambda t: bool(re.search(r"\d[eE][-+]?\d|\^|(?<![\d.])\.\d", t))),
    ("dozen 打, 半百", "counting by dozens and the literary 半百 do not occur in reports",
     lambda t: bool(re.search(r"打$|半百", t))),
    ("English text", "English text is no Chinese report", lambda t: bool(re.search(
        r"[A-Za-z]{3,}", t)) and not re.search(r"[\u4e00-\u9fff]", t)),
    ("URL", "numbers in URLs are not quantities", lambda t: "http" in t),
    ("range read as its high end", ("the spec reads 5-20% as 20% alone; the metrics table"
                                    " reads the range (value 5, value_high 20)"), lambda t: bool(re.search(r"\d[-~至到—]\d+%", t))),
    ("fraction with 又", "mixed fractions (三又二分之一) do not occur in reports",
     lambda t: "又" in t and "分之" in t),
    ("slash fraction", "1/2 and 1 4/3 are arithmetic notation, not report figures",
     lambda t: bool(re.search(r"\d\s*/\s*\d", t))),
    ("digit-by-digit", "一七二零, 幺八九 are codes or years read digit by digit, not quantities",
     lambda t: bool(re.fullmatch(r"负?[零〇一二三四五六七八九幺壹贰叁肆伍陆柒捌玖]{2,}"
                                 r"(?:点[零〇一二三四五六七八九]+)?", t)) and t not in ("零点零",)),
    ("negative word 负", "a negative printed as 负 in words; reports print declines as 下降",
     lambda t: t.startswith(("负", "負"))),
    (*(OUT_OF_SCOPE_LARGE := ("archaic 万万 / beyond 10^15", (
        "万万 is archaic; values beyond 10^15 cannot be stored as printed (MAX_NUMBER_DIGITS)"))),
     lambda t: bool(re.search(r"万万|萬萬|亿亿|万亿.*万亿|百万万|千万分|百万分", t))),
    ("cn2an direct mode", "digit strings kept as text (零一 -> '01') are codes, not quantities",
     lambda t: False),  # assigned by the loader
]


def _too_large(value: float) -> tuple[str, str] | None:
    """Values of 10^15 and more cannot be stored as printed (``MAX_NUMBER_DIGITS``)."""
    if abs(value) >= 10.0 ** metrics.MAX_NUMBER_DIGITS:
        return OUT_OF_SCOPE_LARGE
    return None


def out_of_scope(text: str) -> tuple[str, str] | None:
    text = re.sub(r"\s+", "", text)  # 三分  之一: the classes look at the characters
    for name, reason, test in OUT_OF_SCOPE:
        if test(text):
            return name, reason
    return None


# --- cases ------------------------------------------------------------------------------------

@dataclass
class Case:
    suite: str
    text: str
    mode: str  # "money", "rate", "number", "none" (nothing may be read)
    expected: list[tuple[float, float | None]] = field(default_factory=list)  # (low, high)
    whole: bool = False  # the text is nothing but the expression(s)
    bare: bool = False  # an amount printed without unit: any kind will do
    scope: tuple[str, str] | None = None


def load_jionlp(path: Path) -> Iterator[Case]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == \
                "money_string_list":
            for text, exp in ast.literal_eval(node.value):
                nums = exp["num"] if isinstance(exp["num"], list) else [exp["num"]]
                low = float(nums[0])
                high = float(nums[1]) if len(nums) > 1 else None
                scope = out_of_scope(text) or (
                    ("foreign currency", "reports compare amounts in 元")
                    if exp["case"] != "元" else None)
                bare = not re.search(r"[元块圆钱]|人民币", text)
                yield Case("jionlp parse_money", text, "money", [(low, high)], whole=True,
                           bare=bare, scope=scope)


def load_recognizers(path: Path) -> Iterator[Case]:
    name = path.stem
    suite = f"recognizers {name}"
    for item in json.loads(path.read_text(encoding="utf-8-sig")):
        text = item["Input"]
        results = item.get("Results", [])
        if name == "NumberModel":
            if not results:
                yield Case(suite, text, "none", whole=False, scope=out_of_scope(text))
                continue
            for r in results:
                value = r.get("Resolution", {}).get("value")
                if r.get("TypeName") != "number" or value is None:
                    continue
                qualified = bool(re.search(r"[余多]", r["Text"]))  # 500余万: value + qualifier
                yield Case(suite, r["Text"], "money" if qualified else "number",
                           [(float(value), None)], whole=True, bare=qualified,
                           scope=out_of_scope(r["Text"]) or out_of_scope(text)
                           or _too_large(float(value)))
            continue
        mode = "rate" if name == "PercentModel" else "money"
        expected: list[tuple[float, float | None]] = []
        scope = out_of_scope(text)
        for r in results:
            res = r.get("Resolution") or {}
            if mode == "money" and res.get("unit") != "Chinese yuan":
                scope = scope or ("foreign currency", "reports compare amounts in 元")
            if res.get("value") is None:
                scope = scope or ("unit without amount", "a currency name alone is no figure")
                continue
            expected.append((float(res["value"].rstrip("%")), None))
        joined = "".join(r["Text"] for r in results)
        whole = bool(results) and re.sub(r"[\s,，、。；]", "", joined) == re.sub(
            r"[\s,，、。；]", "", text)
        yield Case(suite, text, mode if results else "none", expected, whole=whole, scope=scope)


def load_cn2an(path: Path) -> Iterator[Case]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Attribute)):
            continue
        target = node.targets[0].attr
        if target.endswith("_data_dict") and isinstance(node.value, ast.Dict):
            data = ast.literal_eval(node.value)
            for text, value in data.items():
                if target == "direct_data_dict":
                    yield Case("cn2an", text, "number", [(0.0, None)],
                               scope=("cn2an direct mode", OUT_OF_SCOPE[-1][1]))
                    continue
                money = bool(re.search(r"[元圆角分]", text))
                yield Case("cn2an", text, "money" if money else "number",
                           [(float(value), None)], whole=True,
                           scope=out_of_scope(text) or _too_large(float(value)))
        # errors in every mode; error_strict_datas holds forms only the strict mode refuses
        elif target in ("error_normal_datas", "error_smart_datas") and isinstance(
                node.value, ast.List):
            for text in ast.literal_eval(node.value):
                yield Case("cn2an", text, "none", whole=True, scope=out_of_scope(text))


def load(path: Path) -> list[Case]:
    if path.name.startswith("test_money_parser"):
        return list(load_jionlp(path))
    if path.suffix == ".json":
        return list(load_recognizers(path))
    if path.name.startswith("cn2an_test"):
        return list(load_cn2an(path))
    raise SystemExit(f"{path}: not a known suite (test_money_parser.py, *Model.json, "
                     "cn2an_test.py)")


# --- judging ----------------------------------------------------------------------------------

def _close(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and math.isclose(a, b, rel_tol=REL_TOL, abs_tol=1e-12)


def _std_high(row: dict) -> float | None:
    """The high end of a range row in standard units (value_high is printed like value)."""
    high = row.get("value_high")
    if high is None or (isinstance(high, float) and math.isnan(high)):
        return None
    factor = metrics.unit_factor(row["unit"])[2] if hasattr(metrics, "unit_factor") else 1.0
    return high * factor


def judge(case: Case) -> tuple[str, str]:
    """("pass" | "miss" | "wrong", detail)."""
    if case.mode == "number":
        got = read_number(case.text)
        want = case.expected[0][0]
        if got is None:
            return "miss", "None"
        return ("pass", "") if _close(got, want) else ("wrong", f"{got} != {want}")
    rows = [r for r in metrics.extract_from_text(case.text) if r["kind"] != "date"]
    got = [(r["value_std"], _std_high(r), r["kind"], r["unit_std"], r["unit"]) for r in rows]
    if case.mode == "none":
        if case.whole and rows:
            return "wrong", f"read {got}"
        return "pass", ""
    kind = "money" if case.mode == "money" else "rate"
    wanted = {v for low, high in case.expected for v in (low, high) if v is not None}
    wrong = [g for g in got if not any(_close(g[0], w) for w in wanted)
             and (case.whole or g[2] == kind)]
    if wrong:
        return "wrong", f"read {wrong}"
    missing = []
    for low, high in case.expected:
        def ok(g: tuple, low: float = low, high: float | None = high) -> bool:
            unit_ok = case.bare or g[2] == kind
            return unit_ok and _close(g[0], low) and (high is None or _close(g[1], high))
        if not any(ok(g) for g in got):
            missing.append((low, high))
    if missing:
        return "miss", f"missing {missing}; read {got}"
    return "pass", ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--show", action="store_true", help="list the misses too")
    args = parser.parse_args(argv)
    cases = [c for path in args.files for c in load(path)]
    by_suite: dict[str, Counter] = defaultdict(Counter)
    scope_classes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    wrongs, misses = [], []
    for case in cases:
        if case.scope:
            scope_classes[case.scope][case.suite] += 1
            by_suite[case.suite]["out of scope"] += 1
            continue
        verdict, detail = judge(case)
        by_suite[case.suite][verdict] += 1
        if verdict == "wrong":
            wrongs.append((case.suite, case.text, detail))
        elif verdict == "miss":
            misses.append((case.suite, case.text, detail))
    total = Counter()
    print(f"{'suite':34} {'in scope':>8} {'pass':>6} {'wrong':>6} {'miss':>6} {'share':>7}"
          f" {'out':>5}")
    for suite, c in sorted(by_suite.items()):
        n = c["pass"] + c["wrong"] + c["miss"]
        total.update(c)
        print(f"{suite:34} {n:8} {c['pass']:6} {c['wrong']:6} {c['miss']:6} "
              f"{c['pass'] / n if n else float('nan'):7.1%} {c['out of scope']:5}")
    n = total["pass"] + total["wrong"] + total["miss"]
    print(f"{'all':34} {n:8} {total['pass']:6} {total['wrong']:6} {total['miss']:6} "
          f"{total['pass'] / n:7.1%} {total['out of scope']:5}")
    print("\nwrong values:" if wrongs else "\nwrong values: none")
    for suite, text, detail in wrongs:
        print(f"  [{suite}] {text!r}: {detail}")
    if args.show:
        print("\nmisses:")
        for suite, text, detail in misses:
            print(f"  [{suite}] {text!r}: {detail}")
    print("\nout of scope:")
    for (name, reason), c in sorted(scope_classes.items(), key=lambda kv: -sum(kv[1].values())):
        print(f"  {name} ({sum(c.values())}: {', '.join(f'{s} {k}' for s, k in c.items())}): "
              f"{reason}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
