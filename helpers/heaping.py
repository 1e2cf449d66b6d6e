"""Heaping of reported rates, tested: last digits against uniform per printed precision, and
the share at exactly 100 % and at round values against what the rest of the distribution
predicts.

Figures *heap* when they cluster on round or target values more than measurement gives.  A
printed rate's last digit is close to uniform when the rate is measured (the last digit of a
count divided by a count carries no preference), so a last digit that prefers 0 or 5 is a sign
of rounding or of figures set to a target.  The test is run per printed precision (75 %, 98.6 %,
96.23 % are three precisions whose last digits mean different things: the last digit of 75 is in
whole points, of 96.23 in hundredths) and always says how many figures it rests on; below
``MIN_CONCLUSIVE_N`` it says that a result that is not significant means nothing.

No scipy (not a project dependency): the exact multinomial test is computed by dynamic
programming over the chi-square statistic, the chi-square and binomial tails in closed form.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from helpers.metrics import is_level

__all__ = [
    "ALPHA", "BOUND_QUALIFIERS", "CEILING", "CEILING_WINDOW", "CHI2_MIN_EXPECTED", "COARSE_UNITS",
    "MIN_CONCLUSIVE_N", "PRECISIONS", "binomial_sf", "ceiling_test", "chi2_sf",
    "exact_uniform_p", "heaping_rates", "heaping_tests", "last_digit", "last_digit_test",
    "printed_count", "printed_decimals", "round_test",
]

#: Significance level of every test here (the conventional 5 %; tests are one per precision and
#: one for the ceiling, read side by side, not a search over many).
ALPHA = 0.05

#: The printed precisions tested apart (decimals -> name); a rate printed with more decimals is
#: counted in ``other`` and not tested (too rare in government reports to hold a test).
PRECISIONS: dict[int, str] = {0: "integers", 1: "one decimal", 2: "two decimals"}

#: Cochran's rule: the chi-square approximation holds when every expected count is at least 5;
#: with ten equally likely digits that is n >= 50.  Below it the exact multinomial test is used.
CHI2_MIN_EXPECTED = 5

#: Fewest figures of one precision before "no significant heaping" is a finding: from 38 on, the
#: one-sided binomial test of the share ending in 0 or 5 (20 % if digits are uniform) detects a
#: doubling to 40 % with power at least 0.8 at ALPHA = 0.05 for every n (the power is
#: saw-toothed in n: 35 and 36 reach 0.8, 37 falls back to 0.78).  Below it only strong heaping
#: shows, and a result that is not significant says nothing.
MIN_CONCLUSIVE_N = 38

#: The ceiling of a rate in %: a figure at exactly 100 is the heap a target of "all" leaves.
CEILING = 100.0

#: Unit-wide bins just below the ceiling whose counts predict the count at exactly 100: rates
#: near the ceiling are dense, so five points ([95, 100)) hold enough figures to compare, and
#: stay close enough to 100 for the density to be about flat.
CEILING_WINDOW = 5

#: Qualifiers whose figures are bounds or estimates, not measurements (95 %以上, 不足60 %, 约80 %):
#: a bound is round by construction, so it is left out of every test and counted apart.
BOUND_QUALIFIERS = frozenset({"over", "under", "approx"})

#: Units of rates whose printed digits are not percentage digits (九成 is 90 % printed in tenths).
COARSE_UNITS = frozenset({"成"})

_NUMBER = re.compile(r"(?<![\d.．])\d+(?:[.．]\d+)?(?![\d.．])")


# --- printed form ---------------------------------------------------------------------------

def printed_decimals(value: float, sentence: str | None) -> tuple[int, str]:
    """How many decimals the report printed ``value`` with, and where that was read: from the
    sentence when an Arabic number there equals the value (98.60 has two decimals, which the
    float 98.6 lost), else from the value itself (Chinese numerals: 百分之九十五 -> 0).  Several
    printings of one value with different decimals: the fewest (a tie broken explicitly)."""
    if value is None or not math.isfinite(value):
        raise ValueError(f"printed_decimals: value must be a finite number, not {value!r}")
    found = sorted({len(m.group().replace("．", ".").partition(".")[2])
                    for m in _NUMBER.finditer(sentence or "")
                    if _same(float(m.group().replace("．", ".")), value)})
    if found:
        return found[0], "sentence"
    return _decimals_of(value), "value"


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(b))


def _decimals_of(value: float) -> int:
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return len(text.partition(".")[2])


def last_digit(value: float, decimals: int) -> int:
    """The last printed digit of ``value`` printed with ``decimals`` decimals (98.60, 2 -> 0)."""
    return round(abs(value) * 10**decimals) % 10


def printed_count(value: float, sentence: str | None) -> int:
    """How many times the sentence prints ``value`` in Arabic digits (0: not found)."""
    return sum(_same(float(m.group().replace("．", ".")), value)
               for m in _NUMBER.finditer(sentence or ""))


def heaping_rates(metrics: pd.DataFrame) -> pd.DataFrame:
    """The rate levels in % that heaping is tested on, one row per *printed* figure, with
    ``decimals``, ``precision`` (``PRECISIONS`` name or ``other``), ``decimals_from`` and
    ``last_digit``; and ``tested`` (False for bounds and estimates, ``BOUND_QUALIFIERS``, and
    coarse units).  One printing shared by several indicators (信访受理率、办结率均为100%) is one
    figure: rows of one sentence with the same value count as often as the sentence prints it."""
    needed = {"kind", "unit_std", "value", "value_std", "sentence", "change"}
    missing = needed - set(metrics.columns)
    if missing:
        raise KeyError(f"heaping_rates: metrics table lacks column(s) {sorted(missing)}")
    rates = metrics[(metrics["kind"] == "rate") & (metrics["unit_std"] == "%")
                    & is_level(metrics)].copy()
    bad = rates["value"].isna() | ~np.isfinite(rates["value"].astype(float))
    if bad.any():
        row = rates.index[bad][0]
        raise ValueError(f"heaping_rates: metrics row {row} (column 'value') is not a number: "
                         f"{rates.loc[row, 'value']!r}")
    keys = [c for c in ("article_id", "para_no", "sentence") if c in rates.columns] + ["value"]
    rates["_k"] = rates.groupby(keys, sort=False, dropna=False).cumcount()
    # a value the sentence does not print in Arabic digits (百分之九十五) cannot be counted: kept
    printed = [printed_count(v, s) or k + 1
               for v, s, k in zip(rates["value"], rates["sentence"], rates["_k"], strict=True)]
    rates = rates[rates["_k"].to_numpy() < np.asarray(printed, dtype=int)].drop(columns="_k")
    read = [printed_decimals(float(v), s) for v, s in zip(rates["value"], rates["sentence"],
                                                          strict=True)]
    rates["decimals"] = [d for d, _ in read]
    rates["decimals_from"] = [w for _, w in read]
    rates["precision"] = rates["decimals"].map(lambda d: PRECISIONS.get(d, "other"))
    rates["last_digit"] = [last_digit(float(v), d) for v, d in zip(rates["value"],
                                                                   rates["decimals"], strict=True)]
    qualifier = rates["qualifier"] if "qualifier" in rates.columns else pd.Series(None, rates.index)
    unit = rates["unit"] if "unit" in rates.columns else pd.Series("%", rates.index)
    rates["tested"] = ~qualifier.isin(BOUND_QUALIFIERS) & ~unit.isin(COARSE_UNITS)
    return rates.reset_index(drop=True)


# --- distributions --------------------------------------------------------------------------

def chi2_sf(x: float, df: int) -> float:
    """P(χ²_df ≥ x) for a whole number of degrees of freedom, in closed form (even df: a
    Poisson sum; odd df: erfc plus a sum)."""
    if df < 1:
        raise ValueError(f"chi2_sf: df must be at least 1, not {df}")
    if x <= 0:
        return 1.0
    h = x / 2
    if df % 2 == 0:
        term, total = 1.0, 1.0
        for j in range(1, df // 2):
            term *= h / j
            total += term
        return min(1.0, math.exp(-h) * total)
    total = math.erfc(math.sqrt(h))
    term = math.sqrt(h) / math.gamma(1.5)
    for j in range(1, (df - 1) // 2 + 1):
        total += math.exp(-h) * term
        term *= h / (j + 0.5)  # Γ(j + 3/2) = (j + 1/2) Γ(j + 1/2)
    return min(1.0, total)


def binomial_sf(k: int, n: int, p: float) -> float:
    """P(X ≥ k) for X ~ Binomial(n, p), exact."""
    if k <= 0:
        return 1.0
    if k > n:
        return 0.0
    return min(1.0, sum(math.comb(n, i) * p**i * (1 - p) ** (n - i) for i in range(k, n + 1)))


def exact_uniform_p(counts: Sequence[int]) -> float:
    """Exact p-value of the multinomial test of ``counts`` against equal probabilities: the
    probability, under uniformity, of a table at least as far from uniform by the chi-square
    statistic (equivalently by the sum of squared counts).  Dynamic programming over (figures
    placed, sum of squares); fine up to a few hundred figures."""
    k, n = len(counts), int(sum(counts))
    if k < 2 or n == 0:
        return 1.0
    if any(c < 0 for c in counts):
        raise ValueError(f"exact_uniform_p: negative count in {list(counts)}")
    observed = sum(int(c) ** 2 for c in counts)
    top = n * n
    inv_fact = np.array([1 / math.factorial(x) for x in range(n + 1)])
    dist = np.zeros((n + 1, top + 1))
    dist[0, 0] = 1.0
    for _ in range(k):
        new = np.zeros_like(dist)
        for x in range(n + 1):
            sq = x * x
            new[x:, sq:] += dist[: n + 1 - x, : top + 1 - sq] * inv_fact[x]
        dist = new
    probs = dist[n] * (math.factorial(n) / k**n)
    return float(min(1.0, probs[observed:].sum()))


# --- tests ----------------------------------------------------------------------------------

def last_digit_test(digits: Iterable[int]) -> dict[str, object]:
    """Last digits (0-9) against uniform: counts, n, the chi-square statistic, its p-value
    (exact multinomial when an expected count is below ``CHI2_MIN_EXPECTED``, else chi-square
    on 9 df) and the method used."""
    digits = list(digits)
    bad = [d for d in digits if not (isinstance(d, int | np.integer) and 0 <= d <= 9)]
    if bad:
        raise ValueError(f"last_digit_test: not a digit 0-9: {bad[0]!r}")
    counts = [0] * 10
    for d in digits:
        counts[int(d)] += 1
    n = len(digits)
    if n == 0:
        return {"n": 0, "counts": counts, "chi2": float("nan"), "p": float("nan"),
                "method": "none"}
    expected = n / 10
    chi2 = sum((c - expected) ** 2 / expected for c in counts)
    if expected < CHI2_MIN_EXPECTED:
        return {"n": n, "counts": counts, "chi2": chi2, "p": exact_uniform_p(counts),
                "method": "exact multinomial"}
    return {"n": n, "counts": counts, "chi2": chi2, "p": chi2_sf(chi2, 9), "method": "chi-square"}


def round_test(digits: Iterable[int]) -> dict[str, object]:
    """The share of figures whose last digit is 0 or 5 against the 20 % that uniform last digits
    (a smooth distribution: one value in five lands on a multiple of five) predict; one-sided
    exact binomial p-value."""
    digits = list(digits)
    n = len(digits)
    k = sum(int(d) in (0, 5) for d in digits)
    return {"n": n, "round": k, "expected": 0.2 * n,
            "p": binomial_sf(k, n, 0.2) if n else float("nan")}


def ceiling_test(values: Iterable[float]) -> dict[str, object]:
    """The count at exactly ``CEILING`` against what the rates just below predict: if the
    density were flat over [100 − CEILING_WINDOW, 100], exactly 100 would hold about as many
    figures as one unit-wide bin below it (generous: a printed 100 stands for at most
    [99.5, 100], half a bin).  One-sided exact binomial test of the share at 100 among the
    figures in the window and at 100, against 1 / (CEILING_WINDOW + 1)."""
    values = [float(v) for v in values]
    at = sum(_same(v, CEILING) for v in values)
    below = sum(CEILING - CEILING_WINDOW <= v < CEILING and not _same(v, CEILING) for v in values)
    n = at + below
    return {"at_ceiling": at, "window": below, "expected": below / CEILING_WINDOW,
            "ratio": at / (below / CEILING_WINDOW) if below else float("inf") if at else
            float("nan"),
            "p": binomial_sf(at, n, 1 / (CEILING_WINDOW + 1)) if n else float("nan")}


def _verdict(p: float, n: int) -> str:
    """heaping (p < ALPHA), too few to conclude (n < MIN_CONCLUSIVE_N), or no sign of it."""
    if n == 0:
        return "no figures"
    if p < ALPHA:
        return "heaping"
    if n < MIN_CONCLUSIVE_N:
        return "too few to conclude"
    return "no sign of heaping"


def heaping_tests(metrics: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Every heaping test on the rate levels of ``metrics`` (``heaping_rates``):

    - ``precision``: one row per printed precision (integers, one decimal, two decimals):
      n, the last-digit test (chi2, p, method), figures ending in 0 or 5 against the 20 %
      uniform digits give (round, round_expected, round_p), ``p_either`` (the smaller p-value
      of the two, doubled: Bonferroni) and a ``verdict`` from it (heaping, no sign of heaping,
      too few to conclude);
    - ``digits``: precision × last digit: count and the count uniform digits expect;
    - ``ceiling``: the count at exactly 100 % against the bins below it (all precisions);
    - ``rates``: the figures, with what was left out (``tested`` False) and why.

    Figures exactly at 100 % are left out of the last-digit tests (their digit is forced by the
    ceiling, which has its own test)."""
    rates = heaping_rates(metrics)
    tested = rates[rates["tested"]]
    rows, digit_rows = [], []
    for decimals, name in PRECISIONS.items():
        group = tested[(tested["decimals"] == decimals)
                       & ~tested["value_std"].map(lambda v: _same(float(v), CEILING))]
        digits = [int(d) for d in group["last_digit"]]
        test = last_digit_test(digits)
        rnd = round_test(digits)
        # two tests of one set of digits: Bonferroni, the smaller p-value doubled
        p = min(1.0, 2 * min(test["p"], rnd["p"])) if test["n"] else 1.0
        rows.append({"precision": name, "decimals": decimals, "n": test["n"],
                     "chi2": test["chi2"], "p": test["p"], "method": test["method"],
                     "round": rnd["round"], "round_expected": rnd["expected"],
                     "round_p": rnd["p"],
                     "p_either": p, "verdict": _verdict(p, test["n"])})
        for d, c in enumerate(test["counts"]):
            digit_rows.append({"precision": name, "last_digit": d, "count": c,
                               "expected": test["n"] / 10})
    ceiling = ceiling_test(tested["value_std"])
    ceiling_row = {"measure": f"exactly {CEILING:g}%", "n": ceiling["at_ceiling"] +
                   ceiling["window"], **ceiling,
                   "verdict": _verdict(ceiling["p"] if ceiling["window"] + ceiling["at_ceiling"]
                                       else 1.0, ceiling["at_ceiling"] + ceiling["window"])}
    return {"precision": pd.DataFrame(rows), "digits": pd.DataFrame(digit_rows),
            "ceiling": pd.DataFrame([ceiling_row]), "rates": rates}
