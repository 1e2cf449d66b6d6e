"""Every printed unit counts (F-unit, issue 13): Latin and symbol units, compound per-units,
units of energy and currency, measure words of trips and doses, and units that no list holds.

Sentences written for these tests, modelled on constructions of county reports."""

from __future__ import annotations

import pytest

from helpers.metrics import extract_from_text, unit_factor


def figures(sentence: str) -> list[tuple[float, str, str]]:
    return [(r["value"], r["unit"], r["kind"]) for r in extract_from_text(sentence)
            if r["kind"] != "date"]


def only(sentence: str) -> dict[str, object]:
    rows = [r for r in extract_from_text(sentence) if r["kind"] != "date"]
    assert len(rows) == 1, rows
    return rows[0]


@pytest.mark.parametrize("sentence,value,unit,kind,std,unit_std", [
    # Latin abbreviations are the Chinese units they stand for
    ("本月全镇降水量达312.4mm。", 312.4, "mm", "length", 0.3124, "m"),
    ("本月全镇降水量达312.4毫米。", 312.4, "毫米", "length", 0.3124, "m"),
    ("全年生猪出栏折合猪肉6500t。", 6500, "t", "weight", 6_500_000, "kg"),
    ("全年粮食总产量达3.2万t。", 3.2, "万t", "weight", 32_000_000, "kg"),
    ("新植油茶林800hm^2。", 800, "hm^2", "area", 8_000_000, "m²"),
    ("新植油茶林800hm²。", 800, "hm²", "area", 8_000_000, "m²"),
    ("新建标准厂房2.5万㎡。", 2.5, "万㎡", "area", 25_000, "m²"),
    ("清运淤泥1200m3。", 1200, "m3", "volume", 1200, "m³"),
    ("新修机耕道18.5km。", 18.5, "km", "length", 18_500, "m"),
    # kept in the unit printed: energy, power, temperature, foreign money
    ("规上企业综合能耗2.36万吨标准煤。", 2.36, "万吨标准煤", "other", 23_600, "吨标准煤"),
    ("全县全社会用电量7.8亿度。", 7.8, "亿度", "other", 780_000_000, "千瓦时"),
    ("光伏装机容量达到0.8吉瓦。", 0.8, "吉瓦", "other", 0.8, "吉瓦"),
    ("午后最高气温38.5℃。", 38.5, "℃", "other", 38.5, "℃"),
    ("实际利用外资3260万美元。", 3260, "万美元", "money", 32_600_000, "美元"),
    # compound per-units: money per something is money
    ("枇杷收购价每斤上调至6.5元/斤。", 6.5, "元/斤", "money", 6.5, "元/斤"),
    ("土地流转费提高到1.2万元/亩。", 1.2, "万元/亩", "money", 12_000, "元/亩"),
    ("二氧化氮浓度为18μg/m3。", 18, "μg/m3", "other", 18, "μg/m3"),
    # measure words of trips and doses are counts
    ("春节期间共发送客车1260车次。", 1260, "车次", "count", 1260, "车次"),
    ("全年接种疫苗3.4万剂次。", 3.4, "万剂次", "count", 34_000, "剂次"),
    ("开展联合巡查6轮。", 6, "轮", "count", 6, "轮"),
    ("村里补种了两棵银杏。", 2, "棵", "count", 2, "棵"),
])
def test_printed_units_are_read(sentence, value, unit, kind, std, unit_std):
    row = only(sentence)
    assert (row["value"], row["unit"], row["kind"], row["unit_std"]) == (value, unit, kind,
                                                                          unit_std)
    assert row["value_std"] == pytest.approx(std)


@pytest.mark.parametrize("sentence,low,high,unit", [
    ("预计下旬降水量为40-60毫米。", 40, 60, "毫米"),
    ("预计下旬降水量为40-60mm。", 40, 60, "mm"),
    ("下旬平均气温为21.5-23.0℃。", 21.5, 23.0, "℃"),
    ("早熟桃收购价为3.20~3.80元/kg。", 3.2, 3.8, "元/kg"),
    # 从…至…不等: values that vary, no movement from one to the other
    ("护林员补助从80元/天至120元/天不等。", 80, 120, "元/天"),
])
def test_ranges_keep_their_unit(sentence, low, high, unit):
    row = only(sentence)
    assert (row["value_low"], row["value_high"], row["unit"]) == (low, high, unit)
    assert row["role"] == "level"


def test_standard_coal_is_no_limit():
    """吨标准煤 is a unit: its 标准 is no printed standard (最低标准) of a limit."""
    row = only("1-6月全县工业能耗4521吨标准煤。")
    assert (row["kind"], row["role"]) == ("other", "level")
    # a standard printed after a figure stays a limit
    assert only("优良率高于省定的85%标准。")["role"] == "limit"


def test_unknown_latin_unit_is_kept_as_printed():
    """An abbreviation no list holds is the figure's unit, never a reason to drop it or to
    read the number bare."""
    rows = figures("新建10kV线路12km，改造400V台区5个。")
    assert rows == [(10, "kV", "other"), (12, "km", "length"), (400, "V", "other"),
                    (5, "个", "count")]


@pytest.mark.parametrize("sentence,expected", [
    # 度 is energy only after a magnitude or before 电
    ("户外温度超过35度。", [(35, "", "other")]),
    ("全年节约用电1200度电。", [(1200, "度", "other")]),
    # measure words that begin longer words
    ("全镇新增三轮车登记。", []),
    ("建成2片羽毛球场。", [(2, "", "other")]),
    # a Latin letter that goes on is no unit (5mg is no 5 m)
    ("每片含量5mg。", [(5, "mg", "weight")]),
    # codes keep no figure
    ("全面推广5G基站建设。", []),
])
def test_unit_guards(sentence, expected):
    assert figures(sentence) == expected


@pytest.mark.parametrize("unit,expected", [
    ("万元/亩", ("money", "元/亩", 1e4)),
    ("亿元/平方公里", ("money", "元/平方公里", 1e8)),
    ("μg/m3", ("other", "μg/m3", 1.0)),
    ("万kV", ("other", "kV", 1e4)),
    ("千克", ("weight", "kg", 1.0)),
    ("万t", ("weight", "kg", 1e7)),
    ("万", ("other", "", 1e4)),
])
def test_unit_factor(unit, expected):
    kind, unit_std, factor = unit_factor(unit)
    assert (kind, unit_std) == expected[:2]
    assert factor == pytest.approx(expected[2])


@pytest.mark.parametrize("sentence,value,unit,kind,std", [
    # colloquial amounts, read whole (issue 13: never a piece of them)
    ("去年全镇投入人居环境整治4个亿。", 4, "亿元", "money", 400_000_000),
    ("合作社向社员发放分红超百万元。", 100, "万元", "money", 1_000_000),
    ("全县秋季接种流感疫苗逾万人。", 1, "万人", "count", 10_000),
    ("他说一年能多挣三万来块。", 3, "万块", "money", 30_000),
    ("她说那年卖菜挣了一万块。", 1, "万块", "money", 10_000),
    ("项目引进注册资本千万元以上企业。", 1000, "万元", "money", 10_000_000),
    ("全年实际到位投资总额8.6亿。", 8.6, "亿", "money", 860_000_000),
])
def test_colloquial_amounts_are_read_whole(sentence, value, unit, kind, std):
    row = only(sentence)
    assert (row["value"], row["unit"], row["kind"]) == (value, unit, kind)
    assert row["value_std"] == pytest.approx(std)


@pytest.mark.parametrize("sentence,expected", [
    # a class of projects named by its size is no amount
    ("其中超亿元投资项目5个。", [(5, "个", "count")]),
    ("招引3个亿元以上项目。", [(3, "个", "count")]),
    # 块 without a magnitude stays a measure word (三块地)
    ("流转土地三块。", [(3, "块", "count")]),
    # a spelled-out magnitude after a numeral is no 一 left unsaid
    ("筹集资金三百万元以上。", [(300, "万元", "money")]),
])
def test_colloquial_look_alikes(sentence, expected):
    assert figures(sentence) == expected


@pytest.mark.parametrize("sentence,expected", [
    # a number in 万 before people counted is a count of people
    ("项目惠及12.6万城乡居民。", (12.6, "万", "count", 126_000)),
    # 元 left out before what the money is for
    ("全年完成50亿招商引资任务。", (50, "亿", "money", 5_000_000_000)),
    # a rank printed without 第 after 列 and the whole set
    ("综合指数列全省23位。", (23, "位", "rank", 23)),
])
def test_unit_read_from_the_words_around(sentence, expected):
    row = only(sentence)
    assert (row["value"], row["unit"], row["kind"]) == expected[:3]
    assert row["value_std"] == pytest.approx(expected[3])


@pytest.mark.parametrize("sentence,expected", [
    ("全市20名干部参加培训。", [(20, "名", "count")]),  # no verb of ranking: people
    ("累计完成8万亩复垦。", [(8, "万亩", "area")]),
    ("全镇人口1.2万，常住人口9800人。", [(1.2, "万", "other"), (9800, "人", "count")]),
])
def test_unit_look_alikes(sentence, expected):
    assert figures(sentence) == expected


@pytest.mark.parametrize("sentence,kind", [
    ("县财政安排专项经费260万。", "money"),  # 元 left out after what is paid
    ("帮助合作社增收80余万。", "money"),
    ("全镇常住人口2.3万。", "other"),  # people, but no word of money: no unit invented
])
def test_yuan_left_out_after_what_is_paid(sentence, kind):
    assert only(sentence)["kind"] == kind
