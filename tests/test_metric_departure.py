"""A departure from the normal (issue 13): 较常年同期偏高1.3℃ is a change up against the normal,
偏低 one down, and the label says so as printed (CONVENTIONS F-change-label) without 变化 added;
偏高/偏低 elsewhere in the clause, or with no figure after them, describe a level.  Sentences
written for these tests."""

from __future__ import annotations

import pytest

from helpers.metric_labels import kind_named
from helpers.metrics import extract_from_text


def _rows(sentence: str) -> dict[float, dict[str, object]]:
    """value -> row of each non-date row (the values of a test sentence differ)."""
    return {float(r["value"]): r for r in extract_from_text(sentence) if r["kind"] != "date"}


# --- right before the figure: a change with its way ------------------------------------------

def test_above_the_normal_right_before_the_figure_is_a_rise():
    got = _rows("上月全区平均气温为9.6℃，较常年同期(8.1℃)偏高1.5℃。")
    assert (got[1.5]["role"], got[1.5]["direction"]) == ("change", "up")
    assert (got[9.6]["role"], got[9.6]["direction"]) == ("level", None)
    assert got[8.1]["direction"] is None  # the normal's value, no change


def test_below_the_normal_right_before_the_figure_is_a_fall():
    got = _rows("本月降水量为22毫米，较常年同期(35.0毫米)偏低13毫米。")
    assert (got[13]["role"], got[13]["direction"]) == ("change", "down")


def test_above_the_normal_without_a_base_is_still_a_rise():
    got = _rows("全月平均气温偏高1.1℃。")
    assert (got[1.1]["role"], got[1.1]["direction"]) == ("change", "up")


def test_below_the_normal_after_a_plain_base_is_a_fall():
    got = _rows("入冬以来全县平均气温比常年偏低0.9℃。")
    assert (got[0.9]["role"], got[0.9]["direction"]) == ("change", "down")


def test_below_the_normal_followed_by_le_is_still_a_fall():
    got = _rows("本旬最低气温较常年同期偏低了2.5℃。")
    assert got[2.5]["direction"] == "down"


# --- elsewhere, or without a figure after it: no change --------------------------------------

def test_above_the_normal_earlier_in_the_clause_makes_no_change():
    got = _rows("今年以来气温持续偏高的情况下全镇蓄水量为1850万立方米。")
    assert got[1850]["role"] == "level"
    assert got[1850]["direction"] is None


def test_above_the_normal_as_a_description_makes_the_next_figure_no_change():
    got = _rows("本周气温偏高，全市共出动洒水车46辆次。")
    assert got[46]["direction"] is None
    assert got[46]["role"] == "level"


def test_below_the_normal_as_a_description_makes_the_next_figure_no_change():
    got = _rows("在春季气温偏低的条件下全乡早稻播种面积仍达3200亩。")
    assert got[3200]["direction"] is None
    assert got[3200]["role"] == "level"


# --- the label: the departure as printed, never 变化 or a fall word --------------------------

def test_a_departure_label_keeps_its_word():
    got = _rows("全月平均气温为15.2℃，较常年同期偏高0.7℃。")
    label = got[0.7]["indicator"]
    assert isinstance(label, str) and label.endswith("偏高")
    assert "平均气温" in label and "变化" not in label


def test_a_departure_in_brackets_keeps_its_word():
    label = _rows("全区平均气温为9.6℃，较常年同期(8.1℃)偏高1.5℃。")[1.5]["indicator"]
    assert label == "平均气温较常年同期偏高"


def test_a_departure_below_is_not_named_a_fall():
    label = _rows("全市平均气温较常年同期偏低1.6℃。")[1.6]["indicator"]
    assert isinstance(label, str) and label.endswith("偏低")
    assert "下降" not in label


def test_a_rainfall_below_the_normal_is_not_named_a_decrease():
    label = _rows("全县降水量较常年同期偏少4成。")[4]["indicator"]
    assert isinstance(label, str) and label.endswith("偏少")
    assert "减少" not in label


@pytest.mark.parametrize(("label", "direction"), [("平均气温较常年同期偏高", "up"),
                                                  ("平均气温较常年偏低", "down"),
                                                  ("降水量较常年同期偏多", "up")])
def test_kind_named_leaves_a_departure_unchanged(label: str, direction: str):
    assert kind_named(label, role="change", unit="℃", direction=direction,
                      fall_word="偏低" if direction == "down" else None) == label


def test_kind_named_still_names_an_ordinary_change_in_points():
    got = kind_named("平均气温", role="change", unit="℃", direction="up")
    assert got is not None and got != "平均气温"  # a rise in its own unit says it is a change
