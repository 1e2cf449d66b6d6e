"""Units that transfer (issue 13, F-unit): a prefixed unit of the legal units of measurement keeps
its prefix (千/百 before a base unit are never magnitudes), measure words that also begin other
words count only at the end of their words, Latin hours and seconds are durations, compound units
with seconds, ranges with a negative end.  Sentences written for these tests."""

from __future__ import annotations

import pytest

from helpers import metrics, numerals
from helpers.metrics import extract_from_text


def _rows(sentence: str) -> list[dict]:
    return [r for r in extract_from_text(sentence) if r["kind"] != "date"]


def _one(sentence: str) -> dict:
    rows = _rows(sentence)
    assert len(rows) == 1, rows
    return rows[0]


@pytest.mark.parametrize(("sentence", "value", "unit", "kind", "value_std"), [
    ("新建光伏电站装机容量12千瓦。", 12.0, "千瓦", "other", 12.0),
    ("全年节约用电35千瓦时。", 35.0, "千瓦时", "other", 35.0),
    ("新架设输电线路电压等级110千伏。", 110.0, "千伏", "other", 110.0),
    ("每份营养餐热量不低于600千卡。", 600.0, "千卡", "other", 600.0),
    ("应急水箱容量为8千升。", 8.0, "千升", "volume", 8.0),
    ("外地游客人均步行6千米。", 6.0, "千米", "length", 6000.0),
    ("每户发放大米15千克。", 15.0, "千克", "weight", 15.0),
    ("热带低压中心气压990百帕。", 990.0, "百帕", "other", 990.0),
])
def test_a_prefixed_unit_keeps_its_prefix(sentence, value, unit, kind, value_std):
    row = _one(sentence)
    assert (row["value"], row["unit"], row["kind"], row["value_std"]) == (
        value, unit, kind, value_std)


@pytest.mark.parametrize(("sentence", "value_std", "unit"), [
    ("征文作品不少于5千字。", 5000.0, "千"),  # an unknown word after 千: still a magnitude
    ("全村共有3千人参加体检。", 3000.0, "千人"),
    ("项目总投资8百万元。", 8_000_000.0, "百万元"),
    ("今年修缮房屋两千间。", 2000.0, "间"),
])
def test_a_magnitude_before_other_words_stays_a_magnitude(sentence, value_std, unit):
    row = _one(sentence)
    assert (row["value_std"], row["unit"]) == (value_std, unit)


def test_every_prefixed_unit_has_a_unit_entry():
    assert numerals.PREFIXED_UNITS <= set(metrics.UNITS)
    assert all(u[0] in numerals.SI_PREFIX_FACTORS for u in numerals.PREFIXED_UNITS)


@pytest.mark.parametrize(("sentence", "value", "unit", "kind"), [
    ("春节期间高铁共开行动车120对", 120.0, "对", "count"),
    ("街道办共收到群众送来的锦旗36面,感谢信20封。", 36.0, "面", "count"),
    ("当月铁路发运粮食215车4.2万吨", 215.0, "车", "count"),
    ("寒潮影响全省31县,其中12县出现冰冻。", 31.0, "县", "count"),
])
def test_measure_words_at_the_end_of_their_words(sentence, value, unit, kind):
    row = _rows(sentence)[0]
    assert (row["value"], row["unit"], row["kind"]) == (value, unit, kind)


@pytest.mark.parametrize("sentence", [
    "镇干部3对面积不足的问题逐户解释。",
    "开展1对1结对帮扶。",
    "已建成8车道快速路。",
    "全镇有5县级示范村。",
])
def test_measure_words_inside_other_words_are_no_units(sentence):
    assert all(r["unit"] not in ("对", "面", "车", "县") for r in _rows(sentence))


@pytest.mark.parametrize(("sentence", "value", "unit", "kind", "unit_std"), [
    ("本站全年累计日照1980.6h。", 1980.6, "h", "duration", "小时"),
    ("应急队伍平均到场用时45min。", 45.0, "min", "duration", "分钟"),
    ("台风中心附近最大风速38米/秒。", 38.0, "米/秒", "other", "米/秒"),
    ("午后最高气温回升到8摄氏度。", 8.0, "摄氏度", "other", "℃"),
])
def test_time_units_and_speeds(sentence, value, unit, kind, unit_std):
    row = _one(sentence)
    assert (row["value"], row["unit"], row["kind"], row["unit_std"]) == (
        value, unit, kind, unit_std)


def test_wind_force_in_grades_after_arabic_digits_only():
    rows = _rows("预计沿海有6~8级偏北风,阵风10级。")
    assert [(r["value"], r["value_high"], r["unit"]) for r in rows] == [
        (6.0, 8.0, "级"), (10.0, None, "级")]
    assert all(r["unit"] != "级" for r in _rows("全县启动防汛一级应急响应。"))


@pytest.mark.parametrize(("sentence", "low", "high", "unit"), [
    ("明晨山区最低气温-4~2℃。", -4.0, 2.0, "℃"),
    ("下周平均气温在-7.5~-3.2℃之间。", -7.5, -3.2, "℃"),
    ("过程降温4到7摄氏度。", 4.0, 7.0, "摄氏度"),
])
def test_ranges_with_a_sign_or_a_named_unit(sentence, low, high, unit):
    row = _one(sentence)
    assert (row["value_low"], row["value_high"], row["unit"]) == (low, high, unit)


@pytest.mark.parametrize(("sentence", "value", "unit", "kind"), [
    ("节日期间公交车共发车3.6万趟次。", 36000.0, "万趟次", "count"),
    ("全年出动巡逻车辆2100余台次。", 2100.0, "台次", "count"),
    ("热线共转办群众诉求870件次。", 870.0, "件次", "count"),
    ("为辖区老人免费接种疫苗2剂。", 2.0, "剂", "count"),
    ("城区道路交通噪声平均值为66.8分贝。", 66.8, "分贝", "other"),
])
def test_counts_by_the_time_doses_and_noise(sentence, value, unit, kind):
    row = _one(sentence)
    assert (row["value_std"], row["unit"], row["kind"]) == (value, unit, kind)


@pytest.mark.parametrize(("sentence", "values"), [
    ("本月监测的9种肉类价格3涨6降。", [3.0, 6.0]),
    ("前三季度全区十个乡镇财政收入七增三减。", [7.0, 3.0]),
])
def test_a_tally_counts_what_rose_and_what_fell(sentence, values):
    rows = [r for r in _rows(sentence) if r["unit"] == ""]
    assert [(r["value"], r["kind"], r["role"], r["direction"]) for r in rows] == [
        (v, "count", "level", None) for v in values]


def test_a_quoted_tally_is_a_slogan():
    assert _rows("上半年全县安全生产呈现“两升四降”的态势。") == []


@pytest.mark.parametrize(("sentence", "unit", "kind", "value_std"), [
    ("每名学生每天饮奶250毫升。", "毫升", "volume", 0.00025),
    ("新建安置楼6幢。", "幢", "count", 6.0),
    ("教室配备86英寸触控一体机。", "英寸", "length", 2.1844),
    ("每亩增产稻谷120市斤。", "市斤", "weight", 60.0),
])
def test_units_of_a_maintained_list_of_measure_words(sentence, unit, kind, value_std):
    row = _one(sentence)
    assert (row["unit"], row["kind"]) == (unit, kind)
    assert row["value_std"] == pytest.approx(value_std)


def test_a_latin_s_is_no_second():
    assert all(r["kind"] != "duration" for r in _rows("新开一家汽车4s店,投资800万元。"))
