"""Heaping tests on synthetic rates where the answer is known: all last digits 0 -> heaping; a
uniform design -> none; few figures -> too few to conclude; the distributions against values
from tables and from hand computation."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from helpers.heaping import (
    ALPHA,
    MIN_CONCLUSIVE_N,
    binomial_sf,
    ceiling_test,
    chi2_sf,
    exact_uniform_p,
    heaping_rates,
    heaping_tests,
    last_digit,
    last_digit_test,
    printed_decimals,
    round_test,
)


def rates(values: list[float], sentences: list[str] | None = None,
          qualifiers: list[str | None] | None = None) -> pd.DataFrame:
    """A metrics table of rate levels in % (one article per value unless sentences say)."""
    n = len(values)
    sentences = sentences or [f"甲县第{i}项工作的完成率为{v:g}%。" for i, v in enumerate(values)]
    return pd.DataFrame({
        "article_id": [f"a-{i:02d}" for i in range(n)], "para_no": [1] * n,
        "sentence": sentences, "indicator": ["完成率"] * n, "value": values,
        "unit": ["%"] * n, "kind": ["rate"] * n, "qualifier": qualifiers or [None] * n,
        "change": [False] * n, "value_std": values, "unit_std": ["%"] * n,
        "role": ["level"] * n, "quoted": [False] * n,
    })


# --- distributions against known values ------------------------------------------------------

@pytest.mark.parametrize(("x", "df", "p"), [(3.841, 1, 0.05), (5.991, 2, 0.05), (7.815, 3, 0.05),
                                            (16.919, 9, 0.05), (21.666, 9, 0.01),
                                            (2.088, 9, 0.99)])
def test_chi2_sf_matches_the_printed_table(x, df, p):
    assert chi2_sf(x, df) == pytest.approx(p, abs=2e-4)


def test_binomial_sf_by_hand():
    assert binomial_sf(2, 2, 0.5) == pytest.approx(0.25)
    assert binomial_sf(1, 3, 0.5) == pytest.approx(7 / 8)
    assert binomial_sf(0, 5, 0.2) == 1.0 and binomial_sf(6, 5, 0.2) == 0.0


def test_exact_multinomial_by_hand():
    # two categories, two figures: (2,0) (1,1) (0,2) with probabilities 1/4, 1/2, 1/4
    assert exact_uniform_p([2, 0]) == pytest.approx(0.5)
    assert exact_uniform_p([1, 1]) == pytest.approx(1.0)
    # five figures all on one of ten digits: only the ten one-digit tables are that extreme
    assert exact_uniform_p([5] + [0] * 9) == pytest.approx(10 * 10**-5)


def test_exact_and_chi_square_agree_when_n_is_large():
    counts = [15, 11, 9, 10, 8, 13, 10, 8, 7, 9]  # n = 100
    n = sum(counts)
    chi2 = sum((c - n / 10) ** 2 / (n / 10) for c in counts)
    assert exact_uniform_p(counts) == pytest.approx(chi2_sf(chi2, 9), abs=0.02)


def test_min_conclusive_n_has_the_power_it_claims():
    """From MIN_CONCLUSIVE_N on, a doubling of the 0/5 share (20 % -> 40 %) is detected with
    power >= 0.8; just below, not always."""
    def power(n: int) -> float:
        k = next(k for k in range(n + 2) if binomial_sf(k, n, 0.2) <= ALPHA)
        return binomial_sf(k, n, 0.4)

    assert all(power(n) >= 0.8 for n in range(MIN_CONCLUSIVE_N, MIN_CONCLUSIVE_N + 60))
    assert power(MIN_CONCLUSIVE_N - 1) < 0.8


# --- printed precision ------------------------------------------------------------------------

def test_printed_decimals_reads_the_sentence_then_the_value():
    assert printed_decimals(99.6, "抽样合格率达99.60%，覆盖率100%。") == (2, "sentence")
    assert printed_decimals(100.0, "抽样合格率达99.60%，覆盖率100%。") == (0, "sentence")
    assert printed_decimals(95.0, "群众满意率达百分之九十五。") == (0, "value")
    assert printed_decimals(87.5, None) == (1, "value")
    assert last_digit(99.6, 2) == 0 and last_digit(87.5, 1) == 5 and last_digit(100, 0) == 0
    assert last_digit(96.23, 2) == 3


def test_one_printing_shared_by_two_indicators_is_one_figure():
    shared = "信访及时受理率、办结率均为100%，满意率为87.5%。"
    twice = "合格率100%，覆盖率100%。"
    table = rates([100, 100, 87.5, 100, 100], [shared, shared, shared, twice, twice])
    table["article_id"] = ["a-01"] * 3 + ["a-02"] * 2
    got = heaping_rates(table)
    assert got.groupby("article_id").size().to_dict() == {"a-01": 2, "a-02": 2}


def test_bounds_are_kept_out_of_the_tests():
    got = heaping_rates(rates([95, 90, 87.3], qualifiers=["over", "under", None]))
    assert got["tested"].tolist() == [False, False, True]


def test_a_rate_that_is_not_a_number_is_named():
    table = rates([90.0, float("nan")])
    with pytest.raises(ValueError, match="column 'value'"):
        heaping_rates(table)


# --- the tests on designs with a known answer -------------------------------------------------

def test_all_last_digits_zero_is_heaping():
    values = [float(v) for v in [10, 20, 30, 40, 50, 60, 70, 80, 90] * 5]  # n = 45
    result = heaping_tests(rates(values))["precision"].set_index("precision")
    row = result.loc["integers"]
    assert row["n"] == 45 and row["round"] == 45
    assert row["p"] < 1e-10 and row["round_p"] < 1e-10
    assert row["verdict"] == "heaping"
    assert result.loc["one decimal", "n"] == 0 and result.loc["one decimal", "verdict"] == \
        "no figures"


def test_uniform_design_is_not_heaping():
    values = [float(v) for v in range(80, 90)] * 5  # every digit five times, n = 50
    row = heaping_tests(rates(values))["precision"].set_index("precision").loc["integers"]
    assert row["chi2"] == 0 and row["p"] == pytest.approx(1.0)
    assert row["method"] == "chi-square"  # expected 5 per digit: Cochran's rule holds
    assert row["verdict"] == "no sign of heaping"


def test_few_uniform_figures_are_too_few_to_conclude():
    values = [round(80 + i + i / 10, 1) for i in range(1, 10)]  # 81.1, 82.2 … 89.9
    values.append(80.05)  # two decimals: not in the one-decimal test
    result = heaping_tests(rates(values))["precision"].set_index("precision")
    row = result.loc["one decimal"]
    assert row["n"] == 9 and row["method"] == "exact multinomial"
    assert row["p"] > 0.5 and row["verdict"] == "too few to conclude"
    assert result.loc["two decimals", "n"] == 1


def test_precisions_are_tested_apart():
    values = [75.0, 98.6, 96.23]
    digits = heaping_tests(rates(values))["digits"]
    per = digits[digits["count"] > 0].set_index("precision")["last_digit"].to_dict()
    assert per == {"integers": 5, "one decimal": 6, "two decimals": 3}


def test_ceiling_heap_against_the_bins_below():
    heap = ceiling_test([100.0] * 10 + [95, 96, 97, 98, 99])
    assert heap["at_ceiling"] == 10 and heap["expected"] == pytest.approx(1.0)
    assert heap["p"] < 1e-4
    flat = ceiling_test([100.0, 95, 96, 97, 98, 99, 80])  # 80 is outside the window
    assert flat["window"] == 5 and flat["p"] > 0.5
    table = heaping_tests(rates([100.0] * 10 + [95.0, 96.0, 97.0, 98.0, 99.0]))["ceiling"]
    assert table.loc[0, "verdict"] == "heaping"


def test_ceiling_values_stay_out_of_the_digit_test():
    result = heaping_tests(rates([100.0] * 6 + [81.0, 83.0]))["precision"]
    assert result.set_index("precision").loc["integers", "n"] == 2


def test_round_test_counts_zero_and_five():
    got = round_test([0, 5, 5, 1, 2])
    assert got["round"] == 3 and got["expected"] == pytest.approx(1.0)
    assert got["p"] == pytest.approx(binomial_sf(3, 5, 0.2))
    assert math.isnan(round_test([])["p"])


def test_last_digit_test_refuses_what_is_not_a_digit():
    with pytest.raises(ValueError, match="not a digit"):
        last_digit_test([1, 12])
