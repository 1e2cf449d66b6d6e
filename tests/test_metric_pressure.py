"""Air pressure in weather reports (issue 13: a number is read whole or not at all): 百 in
百帕 and 千 in 千帕 are the unit's prefixes, never magnitudes.  Read as magnitudes, a
typhoon's 950百帕 would have become 95,000 of nothing.  Sentences written for these tests."""

from __future__ import annotations

import pytest

from helpers.metrics import extract_from_text


def _one(sentence: str) -> dict:
    rows = [r for r in extract_from_text(sentence) if r["kind"] != "date"]
    assert len(rows) == 1, rows
    return rows[0]


@pytest.mark.parametrize(("sentence", "value", "unit_std"), [
    ("今年第5号台风登陆时中心最低气压为965百帕。", 965.0, "百帕"),
    ("冷空气过境后地面气压回升到1021.5百帕。", 1021.5, "百帕"),
    ("高压中心气压值约为103.2千帕。", 103.2, "千帕"),
    ("监测站测得气压1008hPa。", 1008.0, "百帕"),
])
def test_pressure_keeps_its_prefix_in_the_unit(sentence, value, unit_std):
    row = _one(sentence)
    assert (row["value"], row["value_std"], row["unit_std"]) == (value, value, unit_std)


@pytest.mark.parametrize(("sentence", "value_std"), [
    ("全年完成投资3百万元。", 3_000_000.0),
    ("项目总投资2千万元。", 20_000_000.0),
])
def test_a_magnitude_before_another_unit_is_still_a_magnitude(sentence, value_std):
    assert _one(sentence)["value_std"] == value_std
