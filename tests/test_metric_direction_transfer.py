"""Directions that transfer (issue 13): a list's later members take the direction of the first
(比降 / 比升 in a 、 list), a tally's numbers (4涨6降) take none, a judged change (改善 / 恶化)
takes the direction its indicator improves or worsens in (helpers/data/indicator_polarity.yaml),
and a move between two ranks keeps its ends whatever time the later one is printed with.
F-new and F-baseline of the annotation conventions hold.  Sentences written for these tests."""

from __future__ import annotations

import pytest
import yaml

from helpers import metric_context
from helpers.metrics import extract_from_text


def _rows(sentence: str) -> list[dict]:
    return [r for r in extract_from_text(sentence) if r["kind"] != "date"]


def _by_value(sentence: str) -> dict[float, dict]:
    return {r["value"]: r for r in _rows(sentence)}


def test_a_list_after_a_single_character_verb_shares_its_direction():
    rows = _by_value("一季度,盗窃、诈骗和抢夺案件分别比降12.5%、20.1%、7.4%,"
                     "破案数和挽回损失分别比升3.6%和18.2%。")
    assert {v: (r["role"], r["direction"]) for v, r in rows.items()} == {
        12.5: ("change", "down"), 20.1: ("change", "down"), 7.4: ("change", "down"),
        3.6: ("change", "up"), 18.2: ("change", "up")}


def test_sheng_alone_before_a_figure_is_a_rise():
    row = _rows("上月全县用电量环比升4.2%。")[0]
    assert (row["role"], row["direction"]) == ("change", "up")


@pytest.mark.parametrize("sentence", [
    "本周监测的12种水果价格5涨7降。",
    "上月各乡镇税收呈八增三降。",
])
def test_a_tally_gives_its_numbers_no_direction(sentence):
    assert all(r["direction"] is None for r in _rows(sentence))


def test_a_promotion_is_no_rise():
    row = _rows("今年全系统晋升干部15人。")[0]
    assert row["direction"] is None


@pytest.mark.parametrize(("sentence", "directions"), [
    # lower is better: an index and a concentration fall when they improve
    ("9月,全县空气质量综合指数为3.12,同比改善4.3%;PM10浓度为41μg/m3,同比恶化2.6%。",
     {4.3: "down", 2.6: "up"}),
    # higher is better: a share of good days rises when it improves
    ("全市优良天数比例为88.1%,同比好转1.5个百分点。", {1.5: "up"}),
    # the indicator named in an earlier segment of the sentence
    ("细颗粒物浓度下降最多的是东城区;改善幅度最小的是西城区,仅改善1.1%。", {1.1: "down"}),
])
def test_a_judged_change_takes_its_indicators_polarity(sentence, directions):
    rows = _by_value(sentence)
    for value, direction in directions.items():
        assert (rows[value]["role"], rows[value]["direction"]) == ("change", direction)


@pytest.mark.parametrize("sentence", [
    "全镇人居环境改善明显,群众认可度达到92%。",  # no judged figure
    "农村饮水条件同比改善8.5%。",  # no indicator of the polarity table: never guessed
    "今年共改善办学条件14项。",  # a count of things improved
])
def test_no_polarity_no_judged_direction(sentence):
    assert all(r["direction"] is None for r in _rows(sentence))


def test_every_polarity_family_has_a_reason_and_a_side():
    data = yaml.safe_load(metric_context.POLARITY_FILE.read_text(encoding="utf-8"))
    for family in data["families"]:
        assert family["better"] in ("lower", "higher") and family["reason"] and family["names"]
    names = dict(metric_context.load_polarity())
    assert names["PM2.5"] == "down" and names["优良天数比例"] == "up"


def test_a_contradictory_polarity_file_is_refused(tmp_path, monkeypatch):
    bad = tmp_path / "polarity.yaml"
    bad.write_text("families:\n  - family: a\n    better: lower\n    names: [指数]\n    reason: r\n"
                   "  - family: b\n    better: higher\n    names: [指数]\n    reason: r\n",
                   encoding="utf-8")
    monkeypatch.setattr(metric_context, "POLARITY_FILE", bad)
    metric_context.load_polarity.cache_clear()
    try:
        with pytest.raises(ValueError, match="指数"):
            metric_context.load_polarity()
    finally:
        metric_context.load_polarity.cache_clear()


def test_a_rank_move_with_the_later_ends_year_in_words():
    rows = [r for r in _rows("该县综合考评从上年第11位跃升到本年度的第4位。") if r["kind"] == "rank"]
    assert [(r["value"], r["role"], r["direction"]) for r in rows] == [
        (11.0, "from", "up"), (4.0, "to", "up")]
    assert rows[0]["pair"] == rows[1]["pair"] is not None


def test_f_new_bare_xinzeng_is_a_level_without_direction():
    row = _rows("今年新增市场主体860户。")[0]
    assert (row["role"], row["direction"]) == ("level", None)
    row = _rows("贷款余额比年初新增12.4亿元。")[0]
    assert (row["role"], row["direction"]) == ("change", "up")


def test_f_baseline_value_and_climatic_mean_are_levels():
    rows = _by_value("全年降水量812.5毫米,较常年(730.2毫米)偏多82.3毫米。")
    assert (rows[812.5]["role"], rows[812.5]["direction"]) == ("level", None)
    assert (rows[730.2]["role"], rows[730.2]["direction"]) == ("level", None)
    assert (rows[82.3]["role"], rows[82.3]["direction"]) == ("change", "up")


def test_sheng_alone_moves_a_rank():
    rows = [r for r in _rows("该镇综合考核排名从第15位升至第9位,较上年升6位。") if r["kind"] == "rank"]
    assert [(r["value"], r["role"], r["direction"]) for r in rows] == [
        (15.0, "from", "up"), (9.0, "to", "up"), (6.0, "change", "up")]
