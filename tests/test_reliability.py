"""Intercoder reliability (helpers/reliability.py): a small table worked out by hand, the
krippendorff package's own documented examples, the bootstrap against the package, the
dictionary as a coder, disagreements."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from helpers.codebook import Code, Codebook
from helpers.reliability import (  # _statistics: the closed form the bootstrap uses
    CODING_COLUMNS,
    RELIABILITY_COLUMNS,
    _statistics,
    dictionary_codings,
    disagreements,
    nominal_alpha,
    reliability,
)


def _code(cid: str, dimension: str) -> Code:
    return Code(id=cid, dimension=dimension, label_zh=cid, label_en=cid, definition="",
                include="", exclude="", terms=(cid,), example="")


BOOK = Codebook(codes=(_code("economy", "domain"), _code("campaign", "mode")))

# The hand-worked table: two human coders (王, 李) and the dictionary, codes economy (domain)
# and campaign (mode), paragraphs a/1 … a/9.  李 did not code a/9 (a sheet without that row).
#
#   paragraph      1 2 3 4 5 6 7 8 9
#   economy   王   1 1 1 0 0 0 0 1 0
#             李   1 1 0 0 0 0 1 1 .
#   campaign  王   0 0 0 0 0 1 0 0 0
#             李   0 0 0 0 1 1 1 0 .
#   dictionary: economy as 王 (all nine), campaign never.
#
# 王 vs 李, over the 8 paragraphs both coded (a/9 left out):
#   economy:  both 3 (1,2,8), 王 only 1 (3), 李 only 1 (7), neither 3.
#     agreement = 6/8 = 0.75
#     kappa: p_o = 0.75; 王 codes 1 in 4/8, 李 in 4/8: p_e = .5·.5 + .5·.5 = 0.5;
#            kappa = (0.75 − 0.5) / (1 − 0.5) = 0.5
#     alpha: 16 pairable values, n₁ = 2·3 + 1 + 1 = 8, n₀ = 2·3 + 1 + 1 = 8, o₀₁ = o₁₀ = 2;
#            D_o = (o₀₁ + o₁₀)/n = 4/16, D_e = 2·n₀n₁/(n(n−1)) = 128/240;
#            alpha = 1 − D_o/D_e = 1 − (4/16)/(128/240) = 1 − 30/64 = 34/64 = 0.53125
#   campaign: both 1 (6), 王 only 0, 李 only 2 (5, 7), neither 5.
#     agreement = 6/8 = 0.75
#     kappa: 王 1/8, 李 3/8: p_e = (1/8)(3/8) + (7/8)(5/8) = 38/64;
#            kappa = (48/64 − 38/64) / (26/64) = 10/26 = 5/13 ≈ 0.384615
#     alpha: n₁ = 2·1 + 2 = 4, n₀ = 2·5 + 2 = 12, o₀₁ + o₁₀ = 4;
#            alpha = 1 − (n − 1)(o₀₁ + o₁₀)/(2·n₀n₁) = 1 − 15·4/96 = 1 − 30/48 = 0.375
#   (all): the 16 paragraph × code decisions: both 4, 王 only 1, 李 only 3, neither 8.
#     agreement = 12/16 = 0.75
#     kappa: 王 5/16, 李 7/16: p_e = 35/256 + 99/256 = 134/256;
#            kappa = (192 − 134) / (256 − 134) = 58/122 = 29/61 ≈ 0.475410
#     alpha: 32 values, n₁ = 8 + 1 + 3 = 12, n₀ = 16 + 1 + 3 = 20, o₀₁ + o₁₀ = 8;
#            alpha = 1 − 31·8/(2·240) = 1 − 248/480 = 29/60 ≈ 0.483333
# dictionary vs 王 (all 9 paragraphs):
#   economy: identical, both 4, neither 5: agreement 1, kappa 1, alpha 1.
#   campaign: dictionary never, 王 once (6): both 0, dictionary only 0, 王 only 1, neither 8.
#     agreement = 8/9; p_e = 0·(1/9) + 1·(8/9) = 8/9: kappa = (8/9 − 8/9)/(1/9) = 0;
#     alpha: n₁ = 1, n₀ = 17, n = 18: alpha = 1 − 17·2/(2·17·1) = 0.
#   (all): both 4, dictionary only 0, 王 only 1, neither 13 (18 decisions).
#     agreement = 17/18; 王 5/18, dictionary 4/18: p_e = 20/324 + 182/324 = 202/324;
#     kappa = (306 − 202)/(324 − 202) = 104/122 = 52/61 ≈ 0.852459
#     alpha: n₁ = 8 + 1 = 9, n₀ = 26 + 1 = 27, n = 36: alpha = 1 − 35·1/(9·27) = 208/243
#            ≈ 0.855967
# dictionary vs 李 (8 paragraphs): economy is 王's economy, so as 王 vs 李: 0.75, 0.5, 0.53125;
#   campaign: 李 only 3 (5, 6, 7), neither 5: agreement 5/8, p_e = 0·3/8 + 1·5/8 = 5/8:
#     kappa = 0; alpha: n₁ = 3, n₀ = 13, n = 16: alpha = 1 − 15·3/(13·3) = 1 − 15/13 = −2/13.
HUMAN = {
    "王": {"economy": [1, 1, 1, 0, 0, 0, 0, 1, 0], "campaign": [0, 0, 0, 0, 0, 1, 0, 0, 0]},
    "李": {"economy": [1, 1, 0, 0, 0, 0, 1, 1], "campaign": [0, 0, 0, 0, 1, 1, 1, 0]},
}
TEXTS = pd.DataFrame({"article_id": ["a"] * 9, "para_no": range(1, 10),
                      "text": [f"第{i}段" for i in range(1, 10)]})


def _codings(coders: dict[str, dict[str, list[int]]]) -> pd.DataFrame:
    rows = [("a", i, code, coder, v)
            for coder, codes in coders.items()
            for code, values in codes.items()
            for i, v in enumerate(values, start=1)]
    return pd.DataFrame(rows, columns=CODING_COLUMNS)


def _table() -> pd.DataFrame:
    dictionary = pd.DataFrame({"article_id": "a", "para_no": [1, 2, 3, 8], "code": "economy"})
    return pd.concat([dictionary_codings(dictionary, TEXTS, BOOK), _codings(HUMAN)],
                     ignore_index=True)


def _row(table: pd.DataFrame, a: str, b: str, code: str) -> pd.Series:
    (i,) = np.flatnonzero((table["coder_a"] == a) & (table["coder_b"] == b)
                          & (table["code"] == code))
    return table.iloc[i]


HAND = [  # coder_a, coder_b, code, units, (both, a_only, b_only, neither), agreement, kappa, alpha
    ("王", "李", "economy", 8, (3, 1, 1, 3), 0.75, 0.5, 34 / 64),
    ("王", "李", "campaign", 8, (1, 0, 2, 5), 0.75, 5 / 13, 0.375),
    ("王", "李", "(all)", 16, (4, 1, 3, 8), 0.75, 29 / 61, 29 / 60),
    ("王", "李", "(domain)", 8, (3, 1, 1, 3), 0.75, 0.5, 34 / 64),
    ("王", "李", "(mode)", 8, (1, 0, 2, 5), 0.75, 5 / 13, 0.375),
    ("dictionary", "王", "economy", 9, (4, 0, 0, 5), 1.0, 1.0, 1.0),
    ("dictionary", "王", "campaign", 9, (0, 0, 1, 8), 8 / 9, 0.0, 0.0),
    ("dictionary", "王", "(all)", 18, (4, 0, 1, 13), 17 / 18, 52 / 61, 208 / 243),
    ("dictionary", "李", "economy", 8, (3, 1, 1, 3), 0.75, 0.5, 34 / 64),
    ("dictionary", "李", "campaign", 8, (0, 0, 3, 5), 5 / 8, 0.0, -2 / 13),
]


def test_hand_computed_table() -> None:
    table = reliability(_table(), codebook=BOOK, resamples=0)
    assert list(table.columns) == RELIABILITY_COLUMNS
    # default pairs: the dictionary against each human coder, then the humans
    assert list(dict.fromkeys(zip(table["coder_a"], table["coder_b"], strict=True))) == [
        ("dictionary", "王"), ("dictionary", "李"), ("王", "李")]
    assert table["code"].tolist()[:5] == ["economy", "campaign", "(all)", "(domain)", "(mode)"]
    for a, b, code, units, cells, agreement, kappa, alpha in HAND:
        row = _row(table, a, b, code)
        assert row["units"] == units
        assert (row["both"], row["a_only"], row["b_only"], row["neither"]) == cells
        assert row["agreement"] == pytest.approx(agreement, abs=1e-12)
        assert row["kappa"] == pytest.approx(kappa, abs=1e-12)
        assert row["alpha"] == pytest.approx(alpha, abs=1e-12)
        assert math.isnan(row["alpha_low"]) and row["undefined"] == 0  # no resamples


def test_unused_code_is_undefined() -> None:
    codings = _codings({"x": {"economy": [0, 0, 1]}, "y": {"economy": [0, 0, 1]}})
    codings = pd.concat([codings, _codings({"x": {"campaign": [0, 0, 0]},
                                            "y": {"campaign": [0, 0, 0]}})])
    table = reliability(codings, resamples=50, seed=3)
    row = _row(table, "x", "y", "campaign")
    assert row["agreement"] == 1.0 and math.isnan(row["kappa"]) and math.isnan(row["alpha"])
    assert row["undefined"] == 50 and math.isnan(row["kappa_low"])
    row = _row(table, "x", "y", "economy")
    assert (row["kappa"], row["alpha"]) == (1.0, 1.0)
    assert 0 < row["undefined"] < 50  # the draws without paragraph 3 have no variation


# The krippendorff package's own examples: the docstring of ``krippendorff.alpha``
# (krippendorff 0.9.0, krippendorff/krippendorff.py, section "Examples"; the same examples are
# in the project's README, github.com/pln-fing-udelar/fast-krippendorff).  The second is
# Krippendorff's worked example (K. Krippendorff, "Computing Krippendorff's Alpha-Reliability",
# 2011, p. 8 of the copy the docstring cites), whose nominal alpha is 0.743.  Only the numbers
# are copied: coders × units, None for a missing value.
_ = None
EXAMPLE_1 = [[_, _, _, _, _, 3, 4, 1, 2, 1, 1, 3, 3, _, 3],
             [1, _, 2, 1, 3, 3, 4, 3, _, _, _, _, _, _, _],
             [_, _, 2, 1, 3, 4, 4, _, 2, 1, 1, 3, 3, _, 4]]
EXAMPLE_1_NOMINAL = 0.691358  # "print(round(alpha(..., level_of_measurement='nominal'), 6))"
EXAMPLE_2 = [[1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
             [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
             [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
             [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _]]
EXAMPLE_2_NOMINAL = 0.743  # rounded to 3 places in the docstring (its string-labelled version)


def test_package_examples() -> None:
    assert round(nominal_alpha(EXAMPLE_1), 6) == EXAMPLE_1_NOMINAL
    assert round(nominal_alpha(EXAMPLE_2), 3) == EXAMPLE_2_NOMINAL
    labels = {1: "very low", 2: "low", 3: "mid", 4: "high", 5: "very high"}
    as_labels = [[labels.get(v) for v in row] for row in EXAMPLE_2]  # nominal: labels work too
    assert round(nominal_alpha(as_labels), 3) == EXAMPLE_2_NOMINAL


def test_example_through_long_tables() -> None:
    """Example 1's three coders as long codings of one binary code (category 3 or not): each
    pair's alpha in reliability() is the package's alpha on the units both coded."""
    codings = pd.DataFrame(
        [("e", u + 1, "three", f"c{c}", int(v == 3))
         for c, row in enumerate(EXAMPLE_1) for u, v in enumerate(row) if v is not None],
        columns=CODING_COLUMNS)
    table = reliability(codings, resamples=0)
    for a, b in [("c0", "c1"), ("c0", "c2"), ("c1", "c2")]:
        ra, rb = EXAMPLE_1[int(a[1])], EXAMPLE_1[int(b[1])]
        both = [(x == 3, y == 3) for x, y in zip(ra, rb, strict=True)
                if x is not None and y is not None]
        expected = nominal_alpha([[x for x, _ in both], [y for _, y in both]])
        got = _row(table, a, b, "three")["alpha"]
        assert got == pytest.approx(expected, nan_ok=True)


def test_closed_form_matches_package() -> None:
    """The bootstrap's closed form of alpha (two coders, binary) is the package's alpha."""
    rng = np.random.default_rng(7)
    for _ in range(300):
        n = int(rng.integers(2, 40))
        a = rng.integers(0, 2, n)
        b = np.where(rng.random(n) < 0.7, a, rng.integers(0, 2, n))
        cells = [np.array([np.sum((a == x) & (b == y))]) for x, y in ((1, 1), (1, 0), (0, 1),
                                                                      (0, 0))]
        closed = _statistics(*cells)["alpha"][0]
        assert closed == pytest.approx(nominal_alpha([a, b]), nan_ok=True, abs=1e-12)


def test_bootstrap_is_seeded_and_matches_package_per_resample() -> None:
    codings = _codings(HUMAN)
    first = reliability(codings, resamples=300, seed=11)
    assert first.equals(reliability(codings, resamples=300, seed=11))
    assert not first.equals(reliability(codings, resamples=300, seed=12))
    with pytest.raises(TypeError):
        reliability(codings, 300)  # resamples is keyword-only
    # the same draws redone by hand: paragraphs 1-8 (a/9 only 王 coded), the package's alpha
    a = np.array([HUMAN["王"]["economy"][:8], HUMAN["王"]["campaign"][:8]]).T
    b = np.array([HUMAN["李"]["economy"], HUMAN["李"]["campaign"]]).T
    idx = np.random.default_rng(11).integers(0, 8, size=(300, 8))
    per_code = {0: [], 1: []}
    pooled = []
    for draw in idx:
        for k in (0, 1):
            per_code[k].append(nominal_alpha([a[draw, k], b[draw, k]]))
        pooled.append(nominal_alpha([a[draw].ravel(), b[draw].ravel()]))
    for code, values in (("economy", per_code[0]), ("campaign", per_code[1]),
                         ("(all)", pooled)):
        values = np.array(values)
        defined = values[~np.isnan(values)]
        row = _row(first, "王", "李", code)
        assert row["undefined"] == len(values) - len(defined)
        lo, hi = np.quantile(defined, [0.025, 0.975])
        assert (row["alpha_low"], row["alpha_high"]) == (pytest.approx(lo), pytest.approx(hi))
        assert row["alpha_low"] <= row["alpha"] <= row["alpha_high"]
    # perfect agreement with variation: every interval is [1, 1]
    same = _codings({"x": {"c": [1, 0, 1, 0, 1]}, "y": {"c": [1, 0, 1, 0, 1]}})
    row = reliability(same, resamples=100, seed=0).iloc[0]
    assert (row["kappa_low"], row["kappa_high"], row["alpha_low"], row["alpha_high"]) == \
        (1.0, 1.0, 1.0, 1.0)


def test_dictionary_codings() -> None:
    paragraph_codes = pd.DataFrame({"article_id": ["a", "a", "a"], "para_no": [2, 2, 5],
                                    "code": ["economy", "campaign", "economy"],
                                    "source": ["text", "text", "subhead"]})
    got = dictionary_codings(paragraph_codes, TEXTS.iloc[:5], BOOK)
    assert list(got.columns) == CODING_COLUMNS and set(got["coder"]) == {"dictionary"}
    assert len(got) == 5 * 2
    assert got.loc[got["value"] == 1, ["para_no", "code"]].values.tolist() == [
        [2, "economy"], [2, "campaign"], [5, "economy"]]
    with pytest.raises(ValueError, match="not among the units"):
        dictionary_codings(paragraph_codes, TEXTS.iloc[:3], BOOK)
    with pytest.raises(ValueError, match="not in the codebook"):
        dictionary_codings(paragraph_codes.assign(code="x"), TEXTS, BOOK)


def test_bad_codings_refused() -> None:
    codings = _codings(HUMAN)
    with pytest.raises(ValueError, match="not 0 or 1"):
        reliability(codings.assign(value=2))
    with pytest.raises(ValueError, match="twice"):
        reliability(pd.concat([codings, codings.iloc[:1]]))
    with pytest.raises(ValueError, match="lack the column"):
        reliability(codings.drop(columns="coder"))
    with pytest.raises(ValueError, match="no codings of coder 'x'"):
        reliability(codings, pairs=[("王", "x")])
    with pytest.raises(ValueError, match="not in the codebook"):
        reliability(codings.replace({"code": {"campaign": "other"}}), codebook=BOOK)


def test_disagreements() -> None:
    table = disagreements(_table(), TEXTS, codebook=BOOK)
    assert list(table.columns) == ["article_id", "para_no", "code", "dictionary", "王", "李",
                                   "text"]
    got = [(r.para_no, r.code) for r in table.itertuples()]
    # economy: 3 (王 1, 李 0), 7 (李 1); campaign: 5, 6, 7 (dictionary 0, 李 1), 6 (王 1)
    assert got == [(3, "economy"), (5, "campaign"), (6, "campaign"), (7, "economy"),
                   (7, "campaign")]
    first = table.iloc[0]
    assert (first["dictionary"], first["王"], first["李"], first["text"]) == (1, 1, 0, "第3段")
    # humans only: paragraph 6 (王 1, 李 1) is no longer a disagreement; a/9 has no 李 value
    humans = disagreements(_table(), coders=["王", "李"], codebook=BOOK)
    assert [(r.para_no, r.code) for r in humans.itertuples()] == [
        (3, "economy"), (5, "campaign"), (7, "economy"), (7, "campaign")]
    assert "text" not in humans.columns
