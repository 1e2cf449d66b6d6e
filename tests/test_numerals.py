"""Printed numbers read whole or not at all (helpers/numerals.py), and the rows they give.

Each failure class found against other projects' published cases (benchmarks/peer_numbers.py)
is pinned here with sentences written for these tests; the values are worked out by hand.
"""

from __future__ import annotations

import math
import re

import pytest

from helpers.metrics import extract_from_text
from helpers.numerals import NUMBER, close_spaces, read_number, read_vague, split_magnitude


@pytest.mark.parametrize("text,value", [
    ("36，418.50", 36418.5),  # full-width thousands separator
    ("1,207,300", 1207300.0),
    ("4,512，306.25", 4512306.25),  # ASCII and full-width mixed, groups of three
    ("叁万伍仟", 35000.0),  # financial numerals
    ("壹佰贰拾萬", 1200000.0),
    ("贰万三千六百", 23600.0),  # financial and ordinary mixed
    ("二千三百四十五", 2345.0),
    ("2万5千", 25000.0),
    ("6万300", 60300.0),
    ("3.06亿", 306000000.0),
    ("2.5万亿", 2.5e12),  # 万亿 = 10^12, multiplied exactly
    ("2,400万", 24000000.0),  # separator and magnitude
    ("四十五亿四千零四万", 4540040000.0),  # 45亿 + 4004万, never (45亿4004) × 万
    ("八点七五", 8.75),
    ("廿三", 23.0),
    ("四分之三", 0.75),
    ("5分之2", 0.4),
    ("123456789012345", 123456789012345.0),
])
def test_read_number_whole(text, value):
    got = read_number(text)
    assert got is not None and math.isclose(got, value, rel_tol=1e-12), (text, got)


@pytest.mark.parametrize("text", [
    "3，5",  # a list of two numbers, not 35 and not 3.5
    "12,3456",  # groups not of three: no thousands separator
    "7.2万零45",  # no reading of this form: none rather than a guess
    "6..2万",
    "九九", "一二", "三八",  # digit by digit: a year or a vague pair, never 99 or 12
    "12 34",  # a space that may part two numbers
    "1234567890123456",  # 16 digits: not storable as printed
    "万", "亿万", "",
])
def test_read_number_none_rather_than_wrong(text):
    assert read_number(text) is None


def test_vague_pairs_and_magnitudes():
    assert read_vague("七八十") == (70, 80)
    assert read_vague("三五百") == (300, 500)
    assert read_vague("三五") is None  # 三五成群: no place value, a word
    assert read_vague("二七百") is None  # not neighbours
    assert split_magnitude("480万") == ("480", "万")
    assert split_magnitude("6千万") == ("6", "千万")
    assert split_magnitude("九百万") == ("九百", "万")
    assert split_magnitude("1亿3000万") == ("1亿3000万", "")


def test_number_pattern_stops_where_a_number_ends():
    found = [m.group() for m in re.finditer(NUMBER, "奖励10万一次性，共2万5千人，称重3千克")]
    assert found == ["10万", "一", "2万5千", "3"]  # 10万一 is never read as 101000


@pytest.mark.parametrize("text,expected", [
    ("达标率98. 4%", "达标率98.4%"),  # a number never ends in a point
    ("投入1 250万元", "投入1250万元"),  # a space as thousands separator
    ("共 36 人", "共36人"),
    ("百分之 八 十 五", "百分之八十五"),
    ("宣传 发动 群众", "宣传 发动 群众"),  # spaces between words stay
    ("2019 2020", "2019 2020"),  # may be two numbers: left as printed
])
def test_close_spaces(text, expected):
    assert close_spaces(text) == expected


# --- rows --------------------------------------------------------------------------------

def _figures(sentence: str) -> list[tuple]:
    return [(r["value"], r["unit"], r["kind"], r["value_std"], r["unit_std"], r["qualifier"],
             r["value_low"], r["value_high"])
            for r in extract_from_text(sentence) if r["kind"] != "date"]


def _one(sentence: str) -> dict:
    rows = [r for r in extract_from_text(sentence) if r["kind"] != "date"]
    assert len(rows) == 1, rows
    return rows[0]


@pytest.mark.parametrize("sentence,value,unit,value_std,unit_std", [
    # a full-width thousands separator: never 418.5 元
    ("全年共拨付临时救助资金36，418.50元。", 36418.5, "元", 36418.5, "元"),
    ("村集体向入股农户分红叁万伍仟元。", 35000.0, "元", 35000.0, "元"),
    ("合作社当年收入壹佰贰拾萬圆整。", 120.0, "万圆", 1_200_000.0, "元"),
    ("镇里为困难群众代缴医保费二千三百四十五元。", 2345.0, "元", 2345.0, "元"),
    ("每户发放燃气补贴86元5角。", 86.5, "元", 86.5, "元"),
    ("公交票价调整为十二块五毛。", 12.5, "元", 12.5, "元"),
    ("全县常住人口10.3万人。", 10.3, "万人", 103_000.0, "人"),
    ("活动吸引游客十余万人次。", 10.0, "万人次", 100_000.0, "人次"),
    ("该项目总投资达四十五亿四千零四万元。", 4_540_040_000.0, "元", 4_540_040_000.0, "元"),
    ("抽检合格率为99. 4%。", 99.4, "%", 99.4, "%"),
    ("今年投入资金1 250万元。", 1250.0, "万元", 12_500_000.0, "元"),
])
def test_amounts_read_whole(sentence, value, unit, value_std, unit_std):
    row = _one(sentence)
    assert (row["value"], row["unit"], row["unit_std"]) == (value, unit, unit_std)
    assert math.isclose(row["value_std"], value_std, rel_tol=1e-12)
    assert row["value_low"] is None and row["value_high"] is None


@pytest.mark.parametrize("sentence,value,unit,value_std,qualifier", [
    ("全县农村饮水达标率已达百分之八十五点五。", 85.5, "%", 85.5, None),
    ("慢性病发病率控制在万分之二以下。", 2.0, "‱", 0.02, "under"),
    ("不良贷款率约为千分之三。", 3.0, "‰", 0.3, None),
    ("全村八成以上的农户种植茶叶。", 8.0, "成", 80.0, "over"),
    ("村里约六成半的青壮年外出务工。", 6.5, "成", 65.0, "approx"),
    ("参保群众中七成六来自农村。", 7.6, "成", 76.0, None),
    ("近三分之一的农户加入了合作社。", 1 / 3, "分之", 100 / 3, "approx"),
    ("四分之三的村建起了文化广场。", 0.75, "分之", 75.0, None),
])
def test_shares_in_words(sentence, value, unit, value_std, qualifier):
    row = _one(sentence)
    assert row["kind"] == "rate" and row["unit"] == unit and row["unit_std"] == "%"
    assert math.isclose(row["value"], value, rel_tol=1e-9)
    assert math.isclose(row["value_std"], value_std, rel_tol=1e-6)
    assert row["qualifier"] == qualifier


def test_cheng_words_are_no_shares():
    for sentence in ("项目建成三年来运行良好。", "五成员单位联合检查。", "局面一成不变。"):
        assert not [r for r in extract_from_text(sentence) if r["unit"] == "成"], sentence


def test_doubling_is_a_multiple():
    row = _one("近年来全镇农民人均收入翻了一番。")
    assert (row["value"], row["unit"], row["kind"], row["change"]) == (1.0, "番", "rate", True)
    assert (row["value_std"], row["unit_std"]) == (2.0, "倍")
    assert _one("十年来全县财政收入翻两番。")["value_std"] == 4.0


@pytest.mark.parametrize("sentence,expected", [
    ("每户可获补助2至3万元。", (2.0, "万元", "money", 20_000.0, "元", None, 2.0, 3.0)),
    ("预计增幅在20%—30%之间。", (20.0, "%", "rate", 20.0, "%", None, 20.0, 30.0)),
    ("产量可提高三至五成。", (3.0, "成", "rate", 30.0, "%", None, 3.0, 5.0)),
    ("单笔贷款额度为5千元至2万元。", (5000.0, "元", "money", 5000.0, "元", None, 5000.0,
                                    20000.0)),
    ("奖励标准为1万元-3万元。", (1.0, "万元", "money", 10_000.0, "元", None, 1.0, 3.0)),
    ("每场活动约有七八十人参加。", (70.0, "人", "count", 70.0, "人", "approx", 70.0, 80.0)),
])
def test_ranges_give_one_row_with_both_ends(sentence, expected):
    assert _figures(sentence) == [expected]


def test_ambiguous_or_partial_numbers_give_no_row():
    # 八到九百亿: 8亿 or 800亿 -- no row rather than a guess
    assert _figures("该产业年产值有望达到八到九百亿元。") == []
    # a space that may part two numbers: neither piece is read
    assert _figures("各片区分别登记12 34人。") == []
    # a list, not a thousands separator
    assert [f[0] for f in _figures("各小组分别查出问题4，6个。")] == [4.0, 6.0]
    # a colloquial tail is not read into an Arabic number: 10万, never 101000
    assert [f[3] for f in _figures("对获评企业给予10万一次性奖励。")] == [100_000.0]
    assert _figures("一二线城市房价趋稳。") == []  # digit by digit: a word


def test_from_to_is_no_range():
    values = [f[0] for f in _figures("贫困发生率由12%降至1%以下。")]
    assert values == [12.0, 1.0]
    assert all(f[6] is None for f in _figures("贫困发生率由12%降至1%以下。"))


def test_kilo_of_a_unit_after_wan_is_no_magnitude():
    """Own sentence: 千 of 千伏安 belongs to the unit (as 千克, 千米), never to the number."""
    from helpers.metrics import extract_from_text

    rows = extract_from_text("全年生产变压器136.5万千伏安。")
    assert [(r["value"], r["unit"], r["value_std"]) for r in rows] == [(136.5, "万千伏安", 1365000.0)]
