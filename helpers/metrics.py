"""Performance figures: extract the quantities localities report, normalize and compare them.

``extract_metrics`` finds every quantity in the paragraphs (Arabic and Chinese numerals, with
万/亿 magnitudes, qualifiers such as 约/余/以上, and units), classifies it (rate, money, count,
area, weight, length, volume, duration, age, date, other), names the indicator it measures
(消费品抽检合格率, 追缴资金, 群众困难诉求), marks changes (同比增长 14.39%, 提高 0.6 个百分点) so
that they are never compared with levels, and expresses it in standard units (money in 元, areas
in m², 万 and 亿 expanded).  Dates and years are kind ``date``, never counts.

Numbers are read as printed.  A minus sign printed directly before an Arabic number (``-``,
full-width ``－`` or ``−``, not after a digit, letter or ``%``, where a hyphen joins a range or
a code: ``1-3月``, ``G-12``) makes the value negative: ``最低气温-3℃`` gives -3.0; words of
change (``下降 3%``) never do, they set ``change``.  A number is read whole or not at all: one
with more than ``MAX_NUMBER_DIGITS`` digits (15; or a longer run of Chinese numerals)
gives no row, and no part of it is read as another quantity or a date.

Every numeral form is read by ``helpers.numerals`` (thousands separators ``82，225.00元``,
financial numerals 壹万二千三百四十五元 and 肆佰叁拾萬圆, mixed ``1.2万`` and ``25万6千``, layout
spaces ``28. 1%``), and these forms by passes of their own, before plain quantities:

- 百分之 / 千分之 / 万分之 with any numeral: unit ``%``, ``‰``, ``‱`` (百分之二点四 = 2.4 %);
- 成: ``九成`` is 9 成 = 90 % (``八成以上``: qualifier over; 三成半 = 3.5 成);
- fractions: ``三分之一`` is value 1/3 with unit ``分之``, ``value_std`` 33.33… %;
- 翻一番 / 翻两番: a change (``change`` True, kind rate) with value 1 or 2 (番, as printed) and
  ``value_std`` the multiple 2 or 4 in ``倍``: a doubling is a ratio, not a percentage;
- 元角分 amounts (``123元1角1分``, ``十块三毛``) in 元;
- ranges (``3至5万元``, ``20%—30%``, ``3-5万``, ``三至五成``, ``1万(含)-5万元``) and neighbour-digit
  pairs (``三五百``): one row whose ``value`` is the low end as printed, ``value_low`` and
  ``value_high`` the two ends in the unit of ``value`` (so ``value_std`` is the low end
  standardized); the low end takes the high end's magnitude when it is smaller than the high
  end as printed (3至5万 = 3万 to 5万), else it stands alone (8500至3万元 = 8500 to 30000 元,
  in 元); ``八到九百亿`` (8亿 or 800亿?) gives no row.  ``value_low`` and ``value_high`` are
  None for a single figure.

A number that cannot be read whole (``10.1万零100``, ``12 34人`` where a space may part two
numbers) gives no row, and no piece of it is read.

Every printed unit counts (F-unit of the annotation conventions): Latin and symbol units are
the Chinese units they stand for (``UNIT_ALIASES``: 8000t = 8000吨, 497.7mm = 497.7毫米, 1500hm^2
= 1500公顷, 4.23万㎡); a compound unit keeps its denominator (60元/天, 2.80元/kg, 1.2万元/亩 are
money in 元/天, 元/kg, 元/亩; 47μg/m3 is ``other``); energy, power and temperature (吨标准煤,
亿度, 吉瓦, ℃) and foreign money (美元) are kept in the unit printed, their magnitudes expanded;
a unit in Latin letters that no list holds (10kV) is the figure's unit as printed, kind
``other`` -- never a reason to drop the figure or to read it bare.  The unit lists grew from an
inventory of what the open sentence sets and the bench corpus print after numbers.

Further readings: 增长3.94倍 is a rate in 倍 as printed (a multiple; 翻番 with its 一 unsaid is
one doubling, every doubling a rise); the parts of a ratio of shares that add up to 100
(三次产业结构比为25.72:26.84:47.44) are rates in %; a unit printed once after the last member
of a list is every member's (分别回落2.16和1.66个百分点); a bare number of a counted noun
(受伤人数为0) is a count; ranks are read after a verb (排名, 位列, 排列, 位于 …), after a
whole set without a verb (群众安全感全市第一, 全省第23名) and in lists after a first rank
(位列全市第四、第四、第六); the pool of a ranking (全市20个区县排名第4), list headers, hotline
numbers (靖江12345), named sets (八项规定, 三年攻坚战, 16字改革), 两位数, road numbers,
anniversaries and 近五年来 are no quantities.  A printed comparison base and the current value
before it are linked as from/to (``_link_bases``; rule in ``helpers.metric_context``), and so
are a level set in the past and the next one set in the present (本来要8个工作日，现在2天:
``_link_then_now``); a count named by its action alone borrows the object acted on before it
(受理矛盾纠纷…，成功化解301件: ``_borrow_objects``).
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import math
import re
import sys
from collections.abc import Iterator
from decimal import Decimal

import pandas as pd

from helpers import config, metric_labels, metric_pairs, numerals
from helpers.corpus import iter_paragraphs
from helpers.metric_context import (
    DOWN_WORDS,
    figure_context,
    mark_planned,
    open_bracket,
    plan_parts,
    quoted_spans,
)
from helpers.metric_periods import PERIOD, figure_period, period_dates
from helpers.regex_scan import prefilter
from helpers.text import normalize_text, tokenize

METRIC_COLUMNS = ["article_id", "para_no", "sentence", "indicator", "value", "unit", "kind",
                  "qualifier", "change", "value_std", "unit_std", "value_low", "value_high",
                  "direction", "role", "pair", "family", "period", "period_start", "period_end",
                  "quoted", "object", "action"]

# numerals without magnitudes (万/亿): a run of them stays below 10^4 unless written digit by digit
_CN_DIGITS = numerals.CN_DIGITS + numerals.CN_PLACES
_CN_ALL = numerals.CN_NUMERALS
_NUM = numerals.NUMBER
#: The most digits a printed number may have to be read.  A decimal of up to
#: ``sys.float_info.dig`` (15) significant digits comes back from a float64 exactly as printed;
#: a longer one would be stored with other digits than the page prints, and one of ~309 digits
#: as ``inf``.  Reported figures stay far below: the largest, budgets in 元, have 12 digits.
MAX_NUMBER_DIGITS = sys.float_info.dig
# a run of digits (or Chinese numerals, which without 万/亿 stay below 10^4 unless written digit
# by digit) too long to be read whole: no part of it may be read as a quantity or a date
_TOO_LONG = re.compile(
    rf"\d(?:(?:[,.]|，(?=\d{{3}}(?!\d)))?\d){{{MAX_NUMBER_DIGITS},}}"
    rf"|[{_CN_DIGITS}]{{{MAX_NUMBER_DIGITS + 1},}}")
# a minus sign directly before an Arabic number; after a digit, a letter, a point or a percent
# sign, a hyphen joins a range (1-3月, 5%-8%) or a code (G-12) instead
_SIGN = r"(?<![0-9A-Za-z.%‰℃°])[-－−](?=\d)"
# magnitude characters printed before a unit (万元, 千万元, 万亿元, 萬圆): their product
_MAGNITUDE_CHARS = {"万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8, "千": 1e3, "百": 1e2}

#: Kinds whose ``value_std`` is the value in the unit printed (magnitudes 万/亿 expanded): no
#: standard unit compares them across reports, so none is invented (1.6吉瓦 -> 1.6 吉瓦).
OTHER_UNITS_AS_PRINTED = "other"
# unit -> (kind, standard unit, factor to the standard unit); longest units first in the regex
UNITS: dict[str, tuple[str, str, float]] = {
    "%": ("rate", "%", 1.0), "‰": ("rate", "%", 0.1),
    "个百分点": ("rate", "pp", 1.0), "百分点": ("rate", "pp", 1.0),
    "‱": ("rate", "%", 0.01), "成": ("rate", "%", 10.0), "分之": ("rate", "%", 100.0),
    "番": ("rate", "倍", 1.0),  # value_std set apart: 翻两番 is 2^2 = 4 times
    "元": ("money", "元", 1.0), "圆": ("money", "元", 1.0), "块钱": ("money", "元", 1.0),
    "平方公里": ("area", "m²", 1e6), "平方米": ("area", "m²", 1.0), "平米": ("area", "m²", 1.0),
    "亩": ("area", "m²", 10000 / 15), "公顷": ("area", "m²", 1e4),
    "立方米": ("volume", "m³", 1.0),
    "吨": ("weight", "kg", 1000.0), "公斤": ("weight", "kg", 1.0), "千克": ("weight", "kg", 1.0),
    "斤": ("weight", "kg", 0.5), "克": ("weight", "kg", 0.001),
    "担": ("weight", "kg", 50.0),  # 市担 = 100 斤 (crop yields in county gazetteers)
    # capacities and energy of power equipment (变压器2828.08万千伏安): no kind of their own
    "千伏安": ("other", "千伏安", 1.0), "千瓦时": ("other", "千瓦时", 1.0),
    "千瓦": ("other", "千瓦", 1.0),
    "倍": ("rate", "倍", 1.0),  # 增长3.94倍, 是去年的2倍: a multiple, as printed
    "公里": ("length", "m", 1000.0), "千米": ("length", "m", 1000.0), "米": ("length", "m", 1.0),
    "周岁": ("age", "岁", 1.0), "岁": ("age", "岁", 1.0),
    "个多月": ("duration", "月", 1.0), "个月": ("duration", "月", 1.0), "年多": ("duration", "年", 1.0),
    "年": ("duration", "年", 1.0), "天": ("duration", "天", 1.0), "小时": ("duration", "小时", 1.0),
    "个工作日": ("duration", "天", 1.0), "分钟": ("duration", "分钟", 1.0),
    "周": ("duration", "周", 1.0), "个季度": ("duration", "季度", 1.0),
    # lengths, areas and volumes below a metre or in other forms of the same units
    "毫米": ("length", "m", 0.001), "厘米": ("length", "m", 0.01),
    "平方千米": ("area", "m²", 1e6), "立方": ("volume", "m³", 1.0),  # 1000立方 (of water)
    "毫克": ("weight", "kg", 1e-6), "微克": ("weight", "kg", 1e-9),
    # energy in 吨标准煤 (standard coal equivalent) is no weight of coal; power and energy of
    # electricity; temperatures: kept in the unit printed (``OTHER_UNITS_AS_PRINTED``)
    "吨标准煤": ("other", "吨标准煤", 1.0), "吨标煤": ("other", "吨标准煤", 1.0),
    "度": ("other", "千瓦时", 1.0),  # 5.39亿度 (of electricity): read only where _UNIT_GUARDS let
    "兆瓦": ("other", "兆瓦", 1.0), "吉瓦": ("other", "吉瓦", 1.0),
    "℃": ("other", "℃", 1.0), "°C": ("other", "℃", 1.0), "摄氏度": ("other", "℃", 1.0),
    # seconds (风速33米/秒 has them as its denominator); wind force and other scales in 级
    # (3~5级偏西风, 14级), read only after Arabic digits (``_UNIT_GUARDS``: 一级响应 is a name)
    "秒": ("duration", "秒", 1.0), "级": ("other", "级", 1.0),
    "分贝": ("other", "分贝", 1.0),  # noise (区域环境噪声昼间平均53.2分贝)
    # the physical units of JioNLP's list of measure words (dictionary/quantifiers_stat.txt, a
    # maintained count of each word's uses after numbers) that at least 95 % of their uses
    # measure, converted by their legal or international definitions; 加仑 (US or imperial) and
    # 公分 (centimetre or gram) are left out, their factor is not certain
    "毫升": ("volume", "m³", 1e-6), "公升": ("volume", "m³", 0.001),
    "立方厘米": ("volume", "m³", 1e-6), "平方厘米": ("area", "m²", 1e-4),
    "平方毫米": ("area", "m²", 1e-6), "平方英尺": ("area", "m²", 0.09290304),
    "平方英里": ("area", "m²", 2589988.110336), "市斤": ("weight", "kg", 0.5),
    "磅": ("weight", "kg", 0.45359237), "盎司": ("weight", "kg", 0.028349523125),
    "克拉": ("weight", "kg", 0.0002), "华里": ("length", "m", 500.0),
    "纳米": ("length", "m", 1e-9), "微米": ("length", "m", 1e-6), "英寸": ("length", "m", 0.0254),
    "英尺": ("length", "m", 0.3048), "英里": ("length", "m", 1609.344),
    "毫秒": ("duration", "毫秒", 1.0), "马力": ("other", "马力", 1.0),
    "安培": ("other", "安培", 1.0), "毫米汞柱": ("other", "毫米汞柱", 1.0),
    # air pressure in weather reports (中心气压950百帕): 百 is part of the unit, never a magnitude
    "百帕": ("other", "百帕", 1.0), "千帕": ("other", "千帕", 1.0),
    # foreign currencies: money, but in their own unit (a rate and a date would convert them)
    "美元": ("money", "美元", 1.0), "欧元": ("money", "欧元", 1.0), "港元": ("money", "港元", 1.0),
    "港币": ("money", "港元", 1.0), "日元": ("money", "日元", 1.0), "英镑": ("money", "英镑", 1.0),
}
#: Units printed in Latin letters or symbols (F-unit of the annotation conventions): each is the
#: Chinese unit it stands for (t = 吨, mm = 毫米, hm² = 公顷, ㎡ = 平方米), so that 8000t and
#: 8000吨 give the same kind and standard value.
UNIT_ALIASES = {
    "t": "吨", "kg": "公斤", "mg": "毫克", "μg": "微克", "ug": "微克",
    "mm": "毫米", "cm": "厘米", "km": "公里", "m": "米",
    "hm²": "公顷", "hm^2": "公顷", "hm2": "公顷", "ha": "公顷",
    "m²": "平方米", "m^2": "平方米", "m2": "平方米", "㎡": "平方米",
    "km²": "平方公里", "km^2": "平方公里", "km2": "平方公里", "k㎡": "平方公里",
    "m³": "立方米", "m^3": "立方米", "m3": "立方米",
    "kWh": "千瓦时", "kW·h": "千瓦时", "kw·h": "千瓦时", "kwh": "千瓦时", "kW": "千瓦",
    "MW": "兆瓦", "GW": "吉瓦", "hPa": "百帕", "kPa": "千帕",
    # hours and minutes in Latin letters (年日照时数2375.3h, 24h值守, 80km/h; not s: 4s店)
    "h": "小时", "min": "分钟", "dB": "分贝",
}
UNITS.update({alias: UNITS[unit] for alias, unit in UNIT_ALIASES.items()})
#: The base units of ``numerals.PREFIXED_UNITS`` that have a standard unit of their kind: a
#: prefixed one is that kind (千升 = 1 m³); every other prefixed unit (千焦, 千赫) is ``other``
#: in the unit printed, as 千瓦 is.
_PREFIX_BASE_KINDS = {"米": ("length", "m", 1.0), "克": ("weight", "kg", 0.001),
                      "升": ("volume", "m³", 0.001)}
for _unit in sorted(numerals.PREFIXED_UNITS - set(UNITS)):
    _base_kind = _PREFIX_BASE_KINDS.get(_unit[1:])
    UNITS[_unit] = (_base_kind[0], _base_kind[1], _base_kind[2] * numerals.SI_PREFIX_FACTORS[
        _unit[0]]) if _base_kind else (OTHER_UNITS_AS_PRINTED, _unit, 1.0)
# measure words of counts (the unit of a count is its measure word)
COUNT_WORDS = ["人次", "家次", "批次", "户次", "架次", "余人", "个", "件", "户", "人", "名", "位",
               "家", "起", "项", "份", "栋", "艘", "辆", "场", "次", "条", "处", "所", "座", "宗",
               "批", "台", "套", "支", "株", "头", "只", "篇", "期", "间", "张", "本", "例", "根",
               "块", "种", "类", "组", "村", "镇", "所", "门", "笔", "盏", "册",
               # trips, sessions and doses (the unit inventory of the open sets: 420车次, 36场次,
               # 10万剂次), rounds, trees, animals and pieces
               "车次", "班次", "场次", "剂次", "辆次", "艘次", "航次", "轮次", "个次",
               "轮", "棵", "尾", "羽", "匹", "枚",
               # pairs (开行班次400对), banners (锦旗617面), wagonloads (装车4226车) and
               # counties (全省55县, 七县(市)): measure words that also begin other words,
               # read only at the end of their words (``_UNIT_GUARDS``)
               "对", "面", "车", "县",
               # trips counted by the time (2.2万趟次, 4685件次, 120台次) and doses (2剂)
               "件次", "台次", "趟次", "剂",
               # measure words of JioNLP's list used so at least 95 % of the time (seeds and
               # pills, buildings; grains and tablets seized: 34万余粒)
               "颗", "幢", "粒",
               # calls answered or made (热线应答3738通, 回访500通电话), read only before 电话 or
               # where no further word follows (``_UNIT_GUARDS``: not 通知, 通过, 通报)
               "通",
               # what police seize (手机12部, 子弹20发, 管制刀具24把), read only before the
               # thing seized or where no further word follows (not 部门, 发展, 把握)
               "部", "发", "把"]
# units the forms of their own read (九成, 三分之一, 翻一番): never after a plain number (五成员)
_OWN_FORM_UNITS = frozenset({"成", "分之", "番"})
#: Units read only where the words around them make them units: 度 of electricity after a
#: magnitude or before 电 (5.39亿度, 100度电; not 35度 of heat or an angle), and measure words
#: that begin longer words (三轮车, 羽毛球, 尾号, 匹配).
_UNIT_GUARDS = {"度": r"(?<=[万亿])度|度(?=电)", "轮": r"轮(?![车胎])", "羽": r"羽(?![毛绒])",
                "尾": r"尾(?![号款数声])", "粒": r"粒(?![子径度])", "匹": r"匹(?!配)", "级": r"(?<=\d)级", "剂": r"剂(?![量型])",
                # a measure word only where no further word follows it (400对, 617面,; not 对于,
                # 面积, 车辆, 县城, nor 1对1 帮扶, a ratio)
                "对": r"对(?![\u4e00-\u9fff\d])", "面": r"面(?![\u4e00-\u9fff\d])",
                "车": r"车(?![\u4e00-\u9fff])", "县": r"县(?![\u4e00-\u9fff])",
                "通": r"通(?=电话|[^\u4e00-\u9fff\d.]|$)",
                "部": r"部(?=手机|电话|车辆|[^\u4e00-\u9fff\d.]|$)",
                "发": r"发(?=子弹|炮弹|[^\u4e00-\u9fff\d.]|$)",
                "把": r"把(?=刀|管制刀具|枪|[^\u4e00-\u9fff\d.]|$)"}


def _unit_pattern(unit: str) -> str:
    """The regex of one unit: guarded (``_UNIT_GUARDS``), and a Latin one never followed by a
    further letter or digit (5mg is no 5 m; 10m3 is no 10 m)."""
    if unit in _UNIT_GUARDS:
        return _UNIT_GUARDS[unit]
    return re.escape(unit) + ("(?![A-Za-z0-9])" if re.search(r"[A-Za-z0-9]$", unit) else "")


_KNOWN_UNIT_ALT = "|".join(_unit_pattern(u) for u in sorted(
    (set(UNITS) | set(COUNT_WORDS)) - _OWN_FORM_UNITS, key=lambda u: (-len(u), u)))
#: A unit printed in Latin letters that no list holds (10kV, 24h, 300Mbps): kept as printed, the
#: figure is of kind ``other`` in that unit (F-unit: an unknown unit is never a reason to drop
#: the figure, nor to read it without its unit).
_LATIN_UNIT = r"[A-Za-zμ]{1,5}(?:[²³]|\^[23])?(?![A-Za-z0-9])"
#: The denominator of a compound unit (60元/天, 2.80元/kg, 0.5亿元/平方公里, 47μg/m3, 80km/h).
_PER_DENOMINATORS = ("天", "日", "年", "月", "小时", "周", "人", "户", "亩", "斤", "公斤", "吨", "平方米",
                     "平方公里", "立方米", "公顷", "千瓦时", "度", "次", "人次", "辆", "台", "头", "只",
                     "株", "个", "件", "套", "张", "份", "瓶", "盒", "箱", "袋", "间", "床", "班", "趟",
                     "公里", "米", "升", "L", "秒", "分钟")
_PER_ALT = "|".join(_unit_pattern(u) for u in sorted(
    set(_PER_DENOMINATORS) | set(UNIT_ALIASES), key=lambda u: (-len(u), u)))
#: Every unit a figure may print: a known one or a Latin one, with a denominator (元/天).
_UNIT_ALT = (rf"(?:(?:{_KNOWN_UNIT_ALT}|{_LATIN_UNIT})(?:[/／](?:{_PER_ALT}|{_LATIN_UNIT}))?"
             rf"|μg/m3)")
_PRE = r"(?P<pre>大约|将近|接近|超过|不足|不到|不超过|至少|小于|低于|高于|约|近|逾|达)?"
_POST = r"(?P<post>左右|上下|以上|以下|之多)?"
_MAG = rf"千万|百万|万|亿|萬|億|{numerals.not_before_prefixed_unit('千')}"
# no numeral (or point) directly before: the pass would read the tail of a longer number
_FREE = rf"(?<![\d.{_CN_ALL}])"
_QUANTITY = re.compile(
    rf"{_PRE}(?P<sign>{_SIGN})?"
    rf"(?P<num>{_NUM})(?P<more>余|多)?(?P<mag>{_MAG})?(?P<more2>余|多|来(?=块|个|人|天|年|元|斤|亩))?"
    rf"(?P<unit>{_UNIT_ALT})?{_POST}"
)
# 百分之二点四, 千分之一, 万分之三 (仟 and 萬 their financial forms)
_PER_WORDS = re.compile(rf"{_PRE}{_FREE}(?P<den>[百佰千仟万萬])分之(?P<num>{_NUM}){_POST}")
_PER_UNITS = {"百": "%", "佰": "%", "千": "‰", "仟": "‰", "万": "‱", "萬": "‱"}
# 三分之一, 4分之3 (a fraction of a whole)
_FRACTION = re.compile(rf"{_PRE}{_FREE}(?P<den>{_NUM})分之(?P<num>{_NUM}){_POST}")
# 九成, 8.5成, 三成半, 半成, 八成以上; not 成本, 成果, 一成不变 … (words that begin with 成)
_CHENG = re.compile(
    rf"{_PRE}{_FREE}(?P<num>{_NUM}|半)(?P<unit>成)(?:(?P<half>半)|(?P<tenth>[一二三四五六七八九])"
    rf"(?![{_CN_ALL}\d个人户家名项件元]))?"
    rf"(?![本果效员绩立为交都长熟品功型片规群家就形年不])(?P<more>多)?{_POST}")
# 翻一番, 翻了两番
# 翻一番, 翻了两番; 翻番 and 实现翻番 with the 一 left unsaid
_DOUBLING = re.compile(r"翻了?(?P<pre>近|约)?(?P<num>一|两|二|三|四|[1-4])?(?P<unit>番)(?P<post>多)?")
# 123元1角1分, 十块三毛, 一百三十五块六角七分钱 (角/毛 and 分 are single digits)
_YUAN_JIAO = re.compile(
    rf"{_PRE}{_FREE}(?P<num>{_NUM})(?P<unit>元|圆|块)(?:(?P<jiao>[\d{_CN_DIGITS}])[角毛])?"
    rf"(?:(?P<fen>[\d{_CN_DIGITS}])分(?!钟))?(?:钱)?")
# 3至5万元, 20%—30%, 3-5万, 三至五成, 1万(含)-5万元, 一百二十到一百五十万元
#: Either end may be below zero (-1~1℃, -5.6~-5.1℃: temperatures); the high end's sign only
#: after a separator that is no hyphen (-5--2 is not read).
_RANGE = re.compile(
    rf"{_PRE}(?P<losign>{_SIGN})?{_FREE}(?P<lo>{_NUM})(?P<lounit>{_UNIT_ALT})?(?:[(（]含[)）])?"
    rf"(?:(?P<sep>至|到|~|～|-{{1,2}}|－{{1,2}}|—{{1,2}})|(?P<signsep>至|到|~|～)(?P<hisign>[-－−]))"
    rf"(?P<num>{_NUM})(?P<more>余|多)?(?P<mag>{_MAG})?(?P<unit>{_UNIT_ALT}|成)?{_POST}")
_EARLIER_COUNT = re.compile(
    r"\d+(?:\.\d+)?(?:余|多)?(?:万|亿)?(?:" + "|".join(
        re.escape(w) for w in sorted(COUNT_WORDS, key=len, reverse=True)) + ")")
#: An amount whose 一 is left unsaid (近万元, 上千人, 逾万人, 超百万元): after a word of size, and
#: 百万/千万 alone before 以上 (注册资金千万元以上); bare 万元以上/亿元以上 name a class of
#: projects (亿元以上项目), no amount.  百万 and 千万 are read as 100 and 1000 万 (the unit
#: amounts are printed in), the others as 1.
_IMPLICIT_ONE = re.compile(
    rf"(?<![\d.{_CN_ALL}])(?P<pre>近|约|上|超过|超|逾)?(?P<mag>百万|千万|万|千|亿)"
    r"(?P<unit>元|美元|人次|人|户|名)(?P<post>以上)?")
#: A noun right after an amount with 超 makes it a class (超亿元投资项目, 超万元订单).
_CLASS_NOUN_AFTER = re.compile(r"(?![的了，。；、,;])[\u4e00-\u9fff]")
#: 个亿 is spoken for 亿元 (投入3个亿): money, read whole; 3个亿元以上项目 counts projects of a
#: class (亿元以上), 亿万富翁 and 个亿人 are no amounts.
_GE_YI = re.compile(rf"{_PRE}{_FREE}(?P<num>{_NUM})个(?P<mag>亿)(?![元万]|[\u4e00-\u9fff]?人){_POST}")
# 半天, 半个月, 半小时: half of a unit of time; not 上半年, 近半年来, 每半年, 半年度 (periods and
# frequencies) nor 一个半月 (read whole elsewhere)
_HALF = re.compile(r"(?<![上下前后近这那多大小每\d一二三四五六七八九十两个])半(?P<unit>天|个月|小时)(?!来|以来|度)")
_YEAR = r"(?:\d{4}|[〇零一二三四五六七八九]{4})"
_TO = r"[-－—~～至到]"  # joins the ends of a period: 1-9月, 1至11月份, 2011-2015年
# a day, with the clock time a dateline prints after it (2026年01月22日 19:53)
_DAY = r"\d{1,2}[日号](?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?"
_MONTH = rf"(?:\d{{1,2}}{_TO})?\d{{1,2}}月份?(?:{_DAY})?"
#: Words after a month.day that make it a named day (3.15消费者权益日, 3.15晚会), not a decimal.
_NAMED_DAY_WORDS = r"国际|消费者|晚会|活动|期间|当天|当日|纪念日|主题|宣传|前夕|权益日|节"
_DATE = re.compile(
    rf"(?:(?:今年|去年|明年)?(?:{_YEAR}{_TO})?{_YEAR}年度?(?:{_MONTH})?"
    # a day, or a span of days (2-3日, 12至13日: the days of a weather outlook)
    rf"|(?:今年|去年|明年)?{_MONTH}|(?:\d{{1,2}}{_TO})?\d{{1,2}}日(?:\s*\d{{1,2}}[:：]\d{{2}})?"
    # run together: 202310月份 (2023年10月份), 截至1031日 (10月31日)
    r"|(?<!\d)(?:19|20)\d{2}(?:1[0-2]|0?[1-9])月份?|(?<!\d)(?:1[0-2]|0?[1-9])(?:[12]\d|3[01]|0[1-9])日)"
    r"(?:底|初|中旬|上旬|下旬|以来|前后)?"
    r"|(?:上午|下午|晚上|凌晨|中午|早上|傍晚)?\d{1,2}时(?:\d{1,2}分)?(?:许)?"
    r"|(?:上午|下午|晚上|凌晨|中午|早上|傍晚)\d{1,2}(?:[:：]\d{2}|点(?:\d{1,2}分|半)?)|\d{1,2}点\d{1,2}分"
    r"|(?:[一二三四1-4][-－—~～至到])?前?[一二三四1-4]季度"  # 1-3季度: a span of quarters
    r"|(?:今年|去年|(?:\d{4}|[〇零一二三四五六七八九]{4})年)?[前后](?:\d{1,2}|[一二三四五六七八九十]{1,2})个月"
    r"|\d{1,2}[·•・]\d{1,2}"  # 3·15 消费者权益日 (middle dot, bullet or katakana dot)
    # 3.15 with a full stop: a named day only in quotation marks or before the day's own words
    r"|(?<=“)(?:1[0-2]|[1-9])\.(?:[12]\d|3[01]|0?[1-9])(?=”)"
    r"|(?<![\d.])(?:1[0-2]|[1-9])\.(?:[12]\d|3[01]|0?[1-9])(?=" + _NAMED_DAY_WORDS + ")"
)
_CN_N = "一二三四五六七八九十两"  # numerals of slogans and named sets (五个一, 三大攻坚战)
#: Numbers that are no reported quantity (issue 13): each pattern claims its span before dates
#: and quantities are read, so that no piece of it gives a row.
_NOT_QUANTITIES = {
    # identifiers and standards, before the codes they begin with (11500229759293419E/2025-00009,
    # 431100000/2023-01234, GB 2762-2017, GB/T 19001-2016; not 120km/h)
    "identifier": r"(?:[A-Za-z]|\d[\dA-Za-z]{4,}[A-Za-z])[\dA-Za-z]*(?:\s*[/／\-－]\s*[\dA-Za-z]+)+"
                  r"|(?<![\d.])\d{5,}\s*[/／]\s*\d+(?:\s*[-－]\s*\d+)*"
                  r"|(?<![A-Za-z])(?:GB|DB\d*|HJ|JGJ|CJJ|ISO|IEC|NY|SN|SL|JT|YY|QB|GA|WS)"
                  r"(?:\s*/\s*[TZ])?\s*\d+(?:\.\d+)*(?:\s*[-－—]\s*\d{2,4})?",
    # the base of a ratio (城乡收入比2.05:1): the 1 is the unit compared with, no figure
    "ratio base": r"(?<=\d)[:∶]1(?![\d.:∶])",
    "code": r"\d+\+[\dA-Za-z]+|[A-Za-z]+\d+(?:\.\d+)?"  # 1+117 模式, G207, PM2.5
            r"|(?<![\d.])\d{2,4}(?=国道|省道|县道|乡道)"  # 344国道: a road's name
            r"|(?<![\dA-Za-z.])\d[A-Z](?![A-Za-z\d])"  # 5G, 4A级景区
            # a street address's house and room numbers (枋湖南路161号722室, 人民路8号)
            r"|(?<=[路街巷弄道])\d+号(?:\d+(?:室|楼|层|单元))?|(?<=号)\d+(?:室|房)(?![\u4e00-\u9fff])"
            # postcodes (邮编:030600) and printed timestamps (2021-12-07 14:27)
            r"|(?:邮编|邮政编码)\s*[:：]?\s*\d{6}(?!\d)"
            r"|(?<!\d)(?:19|20)\d{2}-[01]?\d-[0-3]?\d(?:\s*[0-2]?\d:[0-5]\d(?::[0-5]\d)?)?(?!\d)"
            # a computation printed in brackets (同比— (292/0)%: the base was zero)
            r"|[(（]\s*\d+(?:\.\d+)?\s*/\s*\d+(?:\.\d+)?\s*[)）]\s*%?"
            # the earlier years of a list sharing one 年 (继2007、2009、2012年之后)
            r"|(?<![\d.])(?:19|20)\d{2}(?=(?:[、和](?:19|20)\d{2})*[、和](?:19|20)\d{2}年)",
    # 第五条, 第3号令, 第二次党代会, 党的十九大, 党的二十大
    "ordinal": rf"第[\d{_CN_DIGITS}]+|党的[二十]{{1,2}}[一二三四五六七八九]?大"
               # 二次退回补充侦查, 二次供水: 二次 is the second time (a count prints 两次)
               rf"|(?<![\d{_CN_ALL}两])二次(?=[\u4e00-\u9fff])",
    "url": r"(?:https?://|www\.)[\w\-./?%&=#:~+@]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
           r"|[\w-]+(?:\.[\w-]+)*\.(?:cn|com|net|org)(?:/[\w\-./?%&=#~+]*)?",
    # telephone numbers (0731-12345678, mobiles, the number after 电话/拨打 …) and hotline and
    # service numbers as names (12345热线, 110宣传日, 县12345政务服务热线中心)
    # (a list of numbers after the area code: 0354-2416500、2416530)
    "phone": r"(?<!\d)0\d{2,3}\s*[-－—]{1,2}\s*\d{7,8}(?:[-－—]\d{1,4})?(?:[、/]\d{7,8})*(?!\d)"
             r"|(?<!\d)1[3-9]\d{9}(?!\d)"
             r"|(?:电话|热线|手机|传真|拨打|致电|专线)\s*[:：]?\s*\d{3,}(?:[-－—]{1,2}\d+)*(?:[、/]\d{7,8})*"
             rf"(?![\d.万亿余多]|\s*(?:{_UNIT_ALT}))"
             r"|(?<![\d.])(?:1[0-2]\d|1\d{4}|9\d{4})(?![\d.])(?=\s*(?:政务|便民|服务|热线|宣传日"
             r"|系统|平台|报警|接警|接处警|指挥|专线|举报|电话|短信|号码|话务|工单|中心|投诉|咨询"
             r"|来电|急救|救护|出警|联动|接报|在线|网络))"
             # the government hotlines 123xx (12345, 12315, 12388) without a unit or a
             # magnitude: a name (靖江12345受理19346个); 12399万元 is an amount
             rf"|(?<![\d.])123\d\d(?![\d.]|\s*(?:{_MAG}|{_UNIT_ALT}))",
    # the pool of a ranking (全市20个区县排名第4, 在全省102个县中位列第9): the denominator of
    # the rank printed before it, no reported count
    # (a note in brackets and the measure ranked may stand between: 在16个县市区(含…)经济指标
    # 综合排名中)
    "pool": r"(?<![\d.])\d+个[^\d，。；,;、：:()（）]{1,8}?(?:[(（][^()（）]{0,16}[)）])?"
            r"[^\d，。；,;、：:()（）]{0,8}?(?=中?(?:排名|排在|排位|位列|位居|名列|居第|居全))"
            # …in an assessment of them (在全省77个县(市)经济社会发展监测考评中)
            r"|(?<=[在对])(?:全[省市州国区县])?\d+个[^\d，。；,;、：:()（）]{1,8}?"
            r"(?:[(（][^()（）]{0,16}[)）])?[^\d，。；,;、：:()（）]{0,14}?"
            r"(?:考评|考核|评比|测评|评价|评估|排名|排位)中",
    # the header of a list (诉求量前10位的分别是：): the size of the list, no count or rank
    "header": r"前(?:\d+|[一二三四五六七八九十两]+)[位名](?=的[^，,。；;：:]{0,8}[：:])",
    # document numbers (〔2021〕12号, 宣政秘〔20208号 as printed, [2021]12号), house numbers (88号)
    "document": r"〔\s*\d+\s*(?:〕\s*(?:第\s*)?\d+\s*号?|号)?"
                r"|[［\[(（【]\s*(?:19|20)\d{2}\s*[］\])）】]\s*(?:第\s*)?\d+\s*号"
                r"|(?<![\d.月])\d+(?:[-－]\d+)?号(?![召称角脉])",
    # sessions: 十四届三次全会, 县十九届人大四次会议
    "session": rf"[\d{_CN_N}]+届[^\d，。、；;,]{{0,10}}?[\d{_CN_N}]+次"
               r"(?:全体|全委|常委|代表)?(?:会议|全会|大会)"
               rf"|[\d{_CN_N}]+届(?=人大|政协|县委|市委|省委|区委|党委|纪委|委员|代表|全国|中央"
               r"|全会|会议)|[\d{_CN_N}]+次(?:全体会议|全会|党代会|代表大会)",
    # list ordinals and captions: 1.加强领导, 1、, （三）, 附件1, 图1
    "list": r"(?:^|(?<=[\s。；;：:！？!?]))\d{1,2}\s*[.．、](?!\d)"
            # a list number glued to its heading (2刑事执行活动违法): one digit opening the
            # sentence before words that are no unit
            rf"|^\d(?![\d.])(?!\s*(?:{_UNIT_ALT}|[万亿千百年月日号时点余多个至到成倍分番]))(?=[\u4e00-\u9fff])"
            rf"|[(（]\s*(?:\d{{1,2}}|[{_CN_N}]{{1,3}})\s*[)）]"
            r"|(?<![代发列报年统简清地蓝试意企版制])(?:附件|附图|附表|图|表)\s*\d+(?:[-.－]\d+)?"
            r"(?=[:：\s)）、，,.。和及与]|$)",
    # phases: 二期工程, 小区二期, 三期项目
    "phase": rf"(?<![\d.])(?:\d{{1,2}}|[{_CN_N}])期(?=工程|项目|建设|改造|扩建|续建|工地|厂房|小区"
             r"|园区|用地|规划|整合|开工|建成|投产|主体|道路|安置|棚改|提质|标段)"
             rf"|(?<=[区园苑城厦庭府居湾院])(?:\d{{1,2}}|[{_CN_N}])期",
    # slogans and named sets: 五个一, 两个维护, 三大攻坚战, 七大行动, 十户联防, 三次产业 (and
    # ``_QUOTED_NAME``); the number in a name is no count (the count of a plan's parts is
    # printed as 7 个方面)
    "slogan": rf"[{_CN_N}]个[{_CN_N}]|[{_CN_N}]个(?=意识|自信|维护|确立|全面|代表|务必|毫不动摇|最严)"
              rf"|(?:\d+|[{_CN_N}]+)大(?=[\u4e00-\u9fff])(?!于|幅|大|约|概|致|都|多|量|力|批|型|户|学|会)"
              rf"|[\d{_CN_N}]+户联[防保动治创勤]|[一二三]次产业"
              # 八项规定 (a named set of rules), 三年攻坚战 and 三年行动 (campaign names),
              # 16字改革 (the characters of a slogan), 两位数增长 (a vague size)
              rf"|[{_CN_N}]项(?=规定|禁令)|[\d{_CN_N}]年(?=攻坚|行动|大会战)"
              r"|\d+字(?=方针|改革|诀|要诀|口诀|工作法|经验|要求)"
              rf"|[{_CN_N}]位数"
              # 世界500强 (a league's name), 三天两头 (an idiom: often)
              r"|(?<![\d.])\d+强(?![化度])|三天两头"
              # the parts of a text (报告用八个部分回顾…); a working rhythm (两天一巡查, 一周一评比)
              rf"|(?:\d+|[{_CN_N}]+)个部分"
              rf"|(?:\d+|[{_CN_N}]+)(?:天|周|月|年)一(?=[\u4e00-\u9fff])"
              # 五个县之一: one of a set, not a count
              rf"|(?:\d+|[{_CN_N}]+)个[\u4e00-\u9fff]{{1,4}}之一",
    # times: 两天前, 三年前 (a reference, not a duration); the basis of a conversion (1分兑换2元)
    # 近五年来 (a period, read by ``metric_periods.PERIOD``); 70周年 (an anniversary)
    "relative": rf"(?<![\d.])(?:\d{{1,2}}|[{_CN_N}几]+)(?:天|年|个月|周|小时|分钟)之?前(?![列茅沿期])"
                rf"|近(?:\d{{1,2}}|[{_CN_N}]{{1,3}})(?:年|个月)(?=来|以来|间|的(?:增幅|增速|平均|趋势|数据|情况))"
                # 过去五年, 五年间, 近三年的增幅, 两年平均增长: the span a report looks back over (困扰近
                # 二十年的难题 is a duration)
                rf"|过去(?:\d{{1,2}}|[{_CN_N}]{{1,3}})(?:年|个月)"
                rf"|(?<![\d.{_CN_ALL}])(?<!连续)(?:[{_CN_N}]{{1,2}}|\d{{1,2}})年(?=间|平均)"
                # 五年来 (a period), 回顾了法院五年的工作 (the span a report covers)
                # (连续三年来 stays a streak's duration)
                rf"|(?<![\d.{_CN_ALL}])(?<!连续)(?:[{_CN_N}]{{1,2}}|\d{{1,2}})年(?=来|以来|的?工作(?!日|时))"
                rf"|(?<![\d.])(?:\d{{1,3}}|[{_CN_N}]{{1,3}})周年"
                # 与前两年平均数相比: the base of a comparison, no duration
                rf"|前(?:\d|[{_CN_N}])年(?=平均|均值|同期)"
                r"|(?<![\d.])1[分元](?=兑换|折合|可兑|抵)",
}
_SKIP = re.compile("|".join(f"(?:{p})" for p in _NOT_QUANTITIES.values()))
#: Every match of the ``url`` patterns holds one of these; a sentence without them is scanned
#: with the others only, each tried where it can start (a digit, a letter, a numeral, a few
#: words: ``regex_scan``), instead of at every character (issue 16: 1.1 of the stage's 7 s)
_URL_MARK = re.compile(r"https?://|www\.|@|\.(?:cn|com|net|org)")
_SKIP_NO_URL = prefilter(re.compile("|".join(
    f"(?:{p})" for kind, p in _NOT_QUANTITIES.items() if kind != "url")))
#: A short phrase in quotation marks without punctuation is a name (“三天办结”, “15分钟生活圈”,
#: “双十条”): no figure is read inside it after its dates (“3·15”).  A quoted speech has its
#: punctuation and keeps its figures, marked ``quoted``.
_QUOTED_NAME = re.compile(r"[“‘「][^“”‘’「」，。！？、；：,.!?;:]{1,10}[”’」]")
# a character that every quantity, date and implicit one (近万元) holds
_ANY_NUMBER = re.compile(rf"[\d{_CN_ALL}半]")  # 半 for 半成
_SENTENCES = re.compile(r"[^。！？]*[。！？]?")
#: Marks that end a sentence for ``metric_pairs`` but not for ``split_sentences``.
_ASCII_STOPS = re.compile(r"[!?]")
_DELIMS = "，。；：、！？,;:（）()“”‘’《》"
_RATE_VERBS = ("均达到", "均达", "均为", "都达到", "都为", "分别为", "分别达", "达到", "提升至",
               "提高到", "提高至", "上升至", "下降至", "降至", "降低到", "稳定在", "保持在",
               "维持在", "达", "为", "是", "至")
_CHANGE = re.compile(r"(同比|环比|较上年|比上年)?(?:分别)?(增长|下降|提高|提升|降低|增加|减少|上升|"
                     r"下滑|回落|增收|减收|增幅|降幅|减幅|涨幅|跌幅)")
_LEADING = re.compile(
    r"^(?:今年以来|今年来|近年来|截至目前|截至|目前|至今|其中|同时|此外|另外|现在|如今|共计|共|累计|"
    r"已经|已|先后|连续三年来|全县|全市|全区|全镇|全乡|全省|全村|该县|该市|该区|该局|该镇|县里|"
    r"市里|现|还|均|都|已有|有|达)+"
)
_TRAILING_WORDS = frozenset(_RATE_VERBS) | {"共计", "共", "累计", "约", "近", "超过", "逾", "已",
                                             "达", "有", "新增", "均", "均为", "都", "分别"}
_QUALIFIERS = {"约": "approx", "近": "approx", "大约": "approx", "将近": "approx",
               "接近": "approx", "左右": "approx", "上下": "approx", "超过": "over", "逾": "over", "超": "over",
               "余": "over", "多": "over", "以上": "over", "之多": "over", "上": "over",
               "不足": "under", "不到": "under", "不超过": "under", "以下": "under",
               "至少": "over", "高于": "over", "来": "approx", "小于": "under", "低于": "under"}


def to_number(text: str) -> float | None:
    """An Arabic or Chinese numeral as a number (1,234.5 / 二十 / 两 / 一百二十); None when it
    is no numeral or cannot be read whole (more than ``MAX_NUMBER_DIGITS`` digits, 10^15 or
    more: never ``inf``).  See ``helpers.numerals.read_number``."""
    return numerals.read_number(text)


def unit_factor(unit: str) -> tuple[str, str, float]:
    """(kind, standard unit, factor to it) of a printed unit, magnitudes included (万元 ->
    money, 元, 10^4; 万亿元 -> 10^12; 万人次 -> count, 人次, 10^4; 万 -> other, '', 10^4).

    A compound unit is money when its numerator is (万元/亩 -> money, 元/亩, 10^4); any other
    ratio of units (μg/m3, km/h) is ``other`` in the unit printed.  A unit no list holds (10kV)
    is ``other`` in the unit printed, its magnitudes expanded (F-unit: never dropped, never
    read without its unit)."""
    mag, base = _split_unit(unit)
    factor = math.prod((_MAGNITUDE_CHARS[ch] for ch in mag), start=1.0)
    per = re.search(r"[/／]", base)
    if per:  # 元/天, 万元/亩, μg/m3
        kind, unit_std, to_std = unit_factor(base[:per.start()])
        if kind == "money":
            return kind, f"{unit_std}/{base[per.end():]}", factor * to_std
        return "other", base, factor
    if base in UNITS:
        kind, unit_std, to_std = UNITS[base]
        return kind, unit_std, factor * to_std
    if base in COUNT_WORDS:
        return "count", base.removeprefix("余"), factor
    return "other", base, factor


def _split_unit(unit: str) -> tuple[str, str]:
    """The magnitudes a printed unit opens with and the unit itself (万元 -> 万, 元; 千克 -> '',
    千克: a unit that is known whole keeps its 千; 万kV -> 万, kV)."""
    if unit in UNITS or unit in COUNT_WORDS or "/" in unit and unit.split("/")[0] in UNITS:
        return "", unit
    for i in range(len(unit), 0, -1):  # the longest run of magnitudes leaving a known unit
        head, base = unit[:i], unit[i:]
        if all(ch in _MAGNITUDE_CHARS for ch in head) and (
                not base or _split_unit(base)[0] == "" and _known_unit(base)):
            return head, base
    head = re.match(f"[{''.join(_MAGNITUDE_CHARS)}]*", unit).group()
    return head, unit[len(head):]  # an unknown unit after its magnitudes (万kV)


def _known_unit(unit: str) -> bool:
    base = re.split(r"[/／]", unit)[0]
    return base in UNITS or base in COUNT_WORDS


def split_sentences(text: str) -> list[tuple[int, str]]:
    """Sentences of a paragraph with their start offsets (ending at 。！？)."""
    return [(m.start(), m.group()) for m in _SENTENCES.finditer(text) if m.group().strip()]


def _clause_before(sentence: str, start: int) -> tuple[str, int]:
    """The stretch of ``sentence`` from the last delimiter (or earlier figure) up to ``start``,
    and where it begins."""
    i = start
    while i > 0 and sentence[i - 1] not in _DELIMS:
        i -= 1
    clause = sentence[i:start]
    earlier = list(_EARLIER_COUNT.finditer(clause))
    if earlier:  # 111户违建业主足额缴纳罚金 4500 余万元: the clause starts after 111户
        cut = earlier[-1].end()
        return clause[cut:], i + cut
    return clause, i


def _clause_after(sentence: str, end: int) -> str:
    j = end
    while j < len(sentence) and sentence[j] not in _DELIMS:
        j += 1
    return sentence[end:j]


def _strip_indicator(clause: str, rate: bool = False) -> str:
    """The name in the words before a figure (``helpers.metric_labels.clean_name``): without
    scope words, time markers and verbs of reaching (全县消费品抽检合格率达 -> 消费品抽检合格率)."""
    return metric_labels.clean_name(clause, rate=rate)


def _qualifier(m: re.Match[str]) -> str | None:
    for key in ("pre", "post", "more", "more2"):
        q = _QUALIFIERS.get(m.groupdict().get(key) or "")
        if q:
            return q
    return None


def extract_metrics(articles: pd.DataFrame) -> pd.DataFrame:
    """The metrics table (see docs/DESIGN.md): one row per reported quantity and indicator."""
    rows: list[dict[str, object]] = []
    published = (dict(zip(articles["article_id"], articles["published"], strict=True))
                 if "published" in articles.columns else {})
    for aid, para_no, para, planned in _paragraphs_with_plans(articles):
        date = published.get(aid)
        date = date if isinstance(date, dt.date) else None
        for sentence_row in extract_from_text(para, planned=planned):
            start, end = period_dates(sentence_row["period"], date)
            pair = sentence_row["pair"]
            rows.append({"article_id": aid, "para_no": para_no, **sentence_row,
                         "pair": ";".join(f"{aid}-{para_no}-{one}"  # B16: two bases
                                          for one in str(pair).split(";")) if pair else None,
                         "period_start": start, "period_end": end})
    out = pd.DataFrame(rows, columns=METRIC_COLUMNS)
    out = out.astype({"para_no": "int64", "value": "float64", "value_std": "float64",
                      "change": "bool", "qualifier": object, "value_low": "float64",
                      "value_high": "float64"})
    for col in ("qualifier", "direction", "role", "pair", "family", "period", "period_start",
                "period_end", "object", "action"):
        out[col] = pd.Series([v if isinstance(v, (str, dt.date)) else None for v in out[col]],
                             index=out.index, dtype=object)
    out["quoted"] = out["quoted"].astype("bool")
    return out


def _paragraphs_with_plans(articles: pd.DataFrame) -> Iterator[tuple[str, int, str, bool]]:
    """``iter_paragraphs``'s rows, each with whether it stands in a part of its article setting
    out work to come (``metric_context.plan_parts`` over the article's paragraphs as
    ``iter_paragraphs`` cuts them, so the flags cannot fall out of step with the paragraphs)."""
    headlines = (dict(zip(articles["article_id"], articles["headline"], strict=True))
                 if "headline" in articles.columns else {})
    for aid, group in itertools.groupby(iter_paragraphs(articles), key=lambda row: row[0]):
        rows = list(group)
        head = headlines.get(aid)
        flags = plan_parts([para for _, _, para in rows],
                           headline=head if isinstance(head, str) else "")
        for (_, para_no, para), planned in zip(rows, flags, strict=True):
            yield aid, para_no, para, planned


def extract_from_text(text: str, *, planned: bool = False) -> list[dict[str, object]]:
    """Quantities in one paragraph (the metrics columns without article_id and para_no);
    ``planned``: the paragraph stands in a part of its article setting out work to come
    (``metric_context.plan_parts``), whose figures are targets."""
    text = numerals.close_decimal_dots(numerals.close_word_spaces(
        numerals.close_spaces(normalize_text(text))))
    out: list[dict[str, object]] = []
    quotes = quoted_spans(text)
    for offset, sentence in split_sentences(text):
        first_row = len(out)
        if _ANY_NUMBER.search(sentence) is None and not _FIRST_PLACE.search(sentence):
            continue  # every pattern below needs a digit or a numeral
        # numbers too long to read, and digit runs a space may part into two numbers: no piece
        # of them is ever read
        taken: list[tuple[int, int]] = [m.span() for m in _TOO_LONG.finditer(sentence)]
        taken += numerals.unsure_spans(sentence)
        moves = []
        for m in _RANK_FROM_TO_SCAN.finditer(sentence):
            ends = _rank_movement(sentence, m, offset, quotes, pair=f"r{len(out)}")
            if ends:
                taken.append(m.span())
                moves.append(m)
                out.extend(ends)
        ranks = [*_RANK_SCAN.finditer(sentence), *_RANK_SCOPED.finditer(sentence),
                 *_RANK_BARE.finditer(sentence)]
        for m in ranks:  # before _SKIP, which drops every other 第N
            rows = _rank(sentence, m)
            if rows is not None and not _overlaps(m.span(), taken):  # []: a list header
                taken.append(m.span())
                out.extend(_in_context(rows, sentence, m.span(), offset, quotes))
                end = m.end()
                while rows and (more := _RANK_NEXT.match(sentence, end)) is not None:
                    nxt = _rank(sentence, more)
                    if not nxt:
                        break
                    for row in nxt:  # 分居全省第二和第三位: ranked in what the first one is
                        row["indicator"] = rows[0]["indicator"]
                    taken.append(more.span())
                    out.extend(_in_context(nxt, sentence, more.span(), offset, quotes))
                    end = more.end()
        for m in _RANK_MOVE.finditer(sentence):
            value = numerals.read_number(m.group("num"))
            if (value is not None and not _overlaps(m.span("num"), taken)
                    and (_RANK_WORDS.search(_clause_before(sentence, m.start())[0])
                         # 增速居全市第6位，较1-5月上升1位: a rank printed before in the sentence
                         or any(r.end() <= m.start() for r in ranks)
                         # 由…第54位前进到第42位，前进12个位次: the move's size after its ends
                         or any(r.end() <= m.start() for r in moves))):
                taken.append(m.span())
                name = metric_labels.figure_labels(sentence, m.start("num"), m.end(),
                                                   "rank")[0].indicator
                rows = _in_context([_row(sentence, name, value, m.group("unit"), "rank", None,
                                         True, value, "rank")],
                                   sentence, m.span("num"), offset, quotes)
                for row in rows:  # a move up the ranking is a better place
                    row.update(role="change", direction="down" if m.group("verb") in (
                        "后退", "下降", "下滑", "回落") else "up")
                    if any(r.end() <= m.start() for r in moves):
                        # the size of a move printed after its ends: of no time of its own,
                        # and of what moved
                        row["period"] = figure_period(sentence, m.start(), not_periods=tuple(
                            r.span() for r in moves))
                        ends = [r for r in out[first_row:] if r["kind"] == "rank"
                                and r["role"] == "to" and int(r["_at"]) < m.start()]
                        if ends:
                            row.update(indicator=ends[-1]["indicator"],
                                       family=ends[-1]["family"])
                out.extend(rows)
        for m in _SCORE_SCAN.finditer(sentence):
            # the assessment may be named once for the sentence's later scores (平均得分99.87分,
            # 较上月提高0.36分; 从综合得分上看：…低于100分的单位)
            if not _overlaps(m.span(), taken) and _SCORE_WORDS.search(sentence[:m.start()]):
                value = numerals.read_number(m.group("num"))
                if value is not None:
                    taken.append(m.span())
                    name = _strip_indicator(_clause_before(sentence, m.start())[0])
                    out.extend(_in_context([_row(sentence, name, value, "分", "score", None,
                                                 False, value, "分")],
                                           sentence, m.span(), offset, quotes))
        for m in (_SKIP if _URL_MARK.search(sentence) else _SKIP_NO_URL).finditer(sentence):
            taken.append(m.span())
        for m in _DATE_SCAN.finditer(sentence):
            if _overlaps(m.span(), taken) or not re.search(
                    r"\d|[〇零一二三四五六七八九]{4}|季度|个月", m.group()):
                continue
            taken.append(m.span())
            value, unit = _date_value(m.group())
            out.extend(_in_context([_row(sentence, m.group(), value, unit, "date", None, False,
                                         None, "date")], sentence, m.span(), offset, quotes))
        for m in _STREAK_SCAN.finditer(sentence):  # also inside a quoted title (“十七连冠”)
            rows = None if _overlaps(m.span(), taken) else _streak(sentence, m)
            if rows:
                taken.append(m.span())
                out.extend(_in_context(rows, sentence, m.span(), offset, quotes))
        taken += [m.span() for m in _QUOTED_NAME.finditer(sentence)]
        for m in _TALLY.finditer(sentence):  # after the quoted names: “一升三降” is a slogan
            if not _overlaps(m.span(), taken):
                taken.append(m.span())
                out.extend(_tally(sentence, m, offset, quotes))
        # the forms of their own first, longest first: each claims its span whole
        for pattern, reader in _FORMS_SCAN:
            for m in pattern.finditer(sentence):
                if _overlaps(m.span(), taken):
                    continue
                rows = reader(sentence, m)
                if rows is not None:  # [] : the span is claimed but cannot be read
                    taken.append(m.span())
                    rows = _in_context(rows, sentence, m.span(), offset, quotes)
                    if reader is _range and _VARYING.match(sentence, m.end()):
                        for row in rows:  # 从60元/天至250元/天不等: the values span, none moves
                            if row["role"] == "from":
                                row.update(role="level", direction=None)
                    out.extend(rows)
        for m in _HALF_SCAN.finditer(sentence):
            if not _overlaps(m.span(), taken):
                taken.append(m.span())
                out.extend(_in_context(_quantity_rows(sentence, m, 0.5, m.group("unit")),
                                       sentence, m.span(), offset, quotes))
        for m in _IMPLICIT_ONE.finditer(sentence):
            if _overlaps(m.span(), taken) or not (
                    m.group("pre") or m.group("mag") in ("百万", "千万") and m.group("post")):
                continue
            if (m.group("pre") in ("超", "超过") and m.group("mag") in ("万", "亿")
                    and not m.group("post") and _CLASS_NOUN_AFTER.match(sentence, m.end())):
                continue  # 超亿元投资项目: a class of projects, as 亿元以上项目, no amount
            taken.append(m.span())
            hundreds = {"百万": 100.0, "千万": 1000.0}.get(m.group("mag"))
            out.extend(_in_context(
                _quantity_rows(sentence, m, hundreds or 1.0,
                               ("万" if hundreds else m.group("mag")) + m.group("unit")),
                sentence, m.span(), offset, quotes))
        for m in _QUANTITY_SCAN.finditer(sentence):
            if not m.group("num") or _overlaps(m.span("num"), taken):
                continue
            taken.append(m.span())  # read whole or not at all: no piece is read later
            if _cut(sentence, *m.span("num")):
                continue
            row = _interpret(sentence, m)
            if row is not None:
                out.extend(_in_context(row, sentence, m.span(), offset, quotes))
            else:
                taken.pop()
        out[first_row:] = sorted(out[first_row:], key=lambda r: r["_start"])
    _borrow_objects(out)
    _borrow_subjects(out)
    metric_pairs.mark_printed_bases(out)
    _link_bases(out)
    _name_unnamed_changes(out)
    _name_framed_figures(out)
    _name_rank_sets(out)
    _name_bracketed_parts(out)
    _name_bracket_parts_of_counts(out)
    _name_places(out)
    _name_listed_members(out)
    _name_casualties(out)
    _name_shares(out)
    _name_bare_measures(out)
    _name_bare_sectors(out)
    _name_led_items(out)
    _name_stage_changes(out)
    _name_bare_stages(out)
    _name_bare_acts(out)
    _name_treated_objects(out)
    _name_seized_items(out)
    _link_then_now(out)
    # a plan announced in an earlier sentence (主要预期目标是：): its figures are targets; the
    # sentences are ours (an ASCII ! or ? ends none: 得分98.24!兰溪位列第三 is one)
    metric_pairs.carry_announced_targets(_ASCII_STOPS.sub("，", text), out)
    if planned:
        mark_planned(out)
    metric_pairs.link_pairs(out)
    _name_kinds(out)
    for row in out:
        for key in ("_start", "_at", "_base"):
            del row[key]
    return out


def _name_kinds(rows: list[dict[str, object]]) -> None:
    """A change's label says it is one (``metric_labels.kind_named``: 旅游综合收入增速), last, so
    that the names other rows borrow are their subjects' own."""
    for row in rows:
        if row["kind"] == "date":
            continue
        word = (_fall_word(str(row["sentence"]), int(row["_at"]))
                if row["direction"] == "down" else None)
        name = metric_labels.kind_named(row["indicator"], role=row["role"],
                                          unit=row["unit"], direction=row["direction"],
                                          fall_word=word)
        if name != row["indicator"]:
            row.update(indicator=name, family=indicator_family(name, str(row["kind"])))


#: The words a fall is printed with (``metric_context.DOWN_WORDS``, and a rank's 后退), longest
#: first so that 下降 is read whole and not as its 降.
_FALL_WORDS = re.compile("|".join(sorted((*DOWN_WORDS, "后退"), key=lambda w: (-len(w), w))))
#: Where the clause of a figure starts: its change word is printed inside it.
_CLAUSE_START = re.compile(r"[，,；;：:。！？!?]")


def _fall_word(sentence: str, at: int) -> str | None:
    """The change word a fall is printed with: the last fall word of the figure's clause before
    it (同比下降23%: 下降; 降幅为5%: 降幅), or None when the clause prints none."""
    clause = sentence[:at]
    cut = max((m.end() for m in _CLAUSE_START.finditer(clause)), default=0)
    words = _FALL_WORDS.findall(clause[cut:])
    return words[-1] if words else None


def _in_context(rows: list[dict[str, object]], sentence: str, span: tuple[int, int],
                offset: int, quotes: list[tuple[int, int]]) -> list[dict[str, object]]:
    """The rows of one figure with what its words say (``helpers.metric_context``): direction,
    role, period, whether it stands in a quotation, and its family."""
    at = offset + span[0]
    quoted = any(a <= at < b for a, b in quotes)
    for row in rows:
        if row["kind"] == "date":
            ctx_dir, role, period = None, None, None
        else:
            ctx = figure_context(sentence, span[0], span[1], kind=str(row["kind"]),
                                 value=row["value"])
            ctx_dir, role, period = ctx.direction, ctx.role, ctx.period
        if row["unit"] == "番":  # a doubling is a rise, achieved or planned
            role, ctx_dir = ("target" if role == "target" else "change"), "up"
        row.update(direction=ctx_dir, role=role, period=period, quoted=quoted, pair=None,
                   family=indicator_family(row["indicator"], str(row["kind"]))
                   if row["kind"] != "date" else None, _start=at, _at=span[0],
                   _base=row["kind"] != "date" and ctx.base)
    return rows


def _date_value(text: str) -> tuple[float | None, str]:
    """The first number of a date and what it counts: 2023年3月 -> (2023, 年), 1-9月 -> (1, 月),
    前三季度 -> (3, 季度), 今年前10个月 -> (10, 月), 10时30分 -> (10, 时), 3·15 -> (3, 月·日);
    run together, 202310月份 -> (2023, 年) and 1031日 -> (10, 月)."""
    m = re.search(r"\d+|[〇零一二三四五六七八九十]+", text)
    if m is None:
        return None, ""
    digits, rest = m.group(), text[m.end():]
    if digits.isdigit() and len(digits) > 4 and rest.startswith("月"):  # 202310月份
        return to_number(digits[:4]), "年"
    if digits.isdigit() and len(digits) > 2 and rest.startswith("日"):  # 1031日
        return to_number(digits[:-2]), "月"
    unit = re.match(r"\s*(?:[-－—~～至到]\s*\d+)?\s*个?(年|月|日|号|时|点|[·•・.]|季度|[:：])?", rest)
    word = unit.group(1) if unit else None
    return to_number(digits), {"·": "月·日", "•": "月·日", "・": "月·日", ".": "月·日", "号": "日", "点": "时", ":": "时", "：": "时",
                               None: ""}.get(word, word)


#: The stages of a court's or an office's case load, printed alone after the cases they are
#: part of (受理执行案件500件，其中旧存55件，新收445件): a stage, not a thing counted.
CASE_STAGES = frozenset({"旧存", "新收", "已结", "未结", "结转", "执结", "审结", "办结",
                         "存案", "新立"})


#: Labels that name a property of a growth without whose growth it is (增速, 增幅较一季度, 位次)
#: or a comparison without its subject (高于全县规上工业增速, 拉动全县…增速).
_SUBJECTLESS = re.compile("^(?:(?:年均|累计)?(?:" + "|".join(metric_labels.GROWTH_SIZE_WORDS) + ")"
                          + "|位次|排名|名次|高于|低于|高出|低出|快于|慢于|拉动|下拉)")
#: The words of a comparison or a contribution inside a label (…高于全县规上工业增速).
_OWN_COMPARISON = re.compile(r"(?:高于|低于|高出|低出|快于|慢于|拉动|下拉|落后于|领先于)")
#: The words of a gap to a benchmark opening a label (高于全省平均), not of a contribution
#: (拉动: a sector's output lifts the total's growth).
_GAP_WORDS = re.compile(r"(?:高于|低于|高出|低出|快于|慢于|落后于|领先于)")
#: The growth words a subject's own label may end in (规上工业增加值增速 + 位次).
_GROWTH_WORDS = re.compile("(?:" + "|".join(metric_labels.GROWTH_SIZE_WORDS) + ")$")


def _borrow_subjects(rows: list[dict[str, object]]) -> None:
    """A label naming a growth's property or a comparison without its subject (规上工业增加值
    增长1.3%，增速较一季度提高15.5个百分点，居全市第6位: 增速, 位次) is of the figure before it in
    its sentence's segment (up to ；): it is prefixed with that figure's label (规上工业增加值增速;
    制造业高于全县规上工业增速)."""
    for i, row in enumerate(rows):
        label = str(row["indicator"] or "")
        if row["kind"] == "date" or not _SUBJECTLESS.match(label):
            continue
        sentence = str(row["sentence"])
        for other in reversed(rows[:i]):
            if other["sentence"] != row["sentence"]:
                break
            between = sentence[int(other["_start"]):int(row["_start"])]
            if re.search(r"[；;。]", between):
                break
            subject = str(other["indicator"] or "")
            if label.startswith(("年均", "累计")) and other["kind"] in ("count", "duration"):
                continue  # 五年跨越3个台阶，年均增速8%: a rate over years grows an amount
            if other["kind"] == "date" or not subject or _SUBJECTLESS.match(subject) or (
                    metric_labels.NOT_A_SUBJECT.match(subject)):
                continue
            # a subject itself named by a comparison (城镇登记失业率低于省控线) lends only
            # what it compared (城镇登记失业率低于市控线, not …低于省控线低于市控线)
            subject = _OWN_COMPARISON.split(subject, maxsplit=1)[0] or subject
            if label.startswith(metric_labels.GROWTH_SIZE_WORDS) and _GROWTH_WORDS.search(subject):
                subject = _GROWTH_WORDS.sub("", subject)
            if (_GAP_WORDS.match(label) and row["unit"] == "个百分点"
                    and other["role"] == "change" and other["unit"] == "%"
                    and not re.search(r"[率速幅度重]$", subject)):
                subject += "增速"  # 增长70.9%，高于全省平均水平38.1个百分点: growths compared
            row.update(indicator=subject + label,
                       family=indicator_family(subject + label, str(row["kind"])))
            break


def _borrow_objects(rows: list[dict[str, object]]) -> None:
    """A count named by its action alone (受理矛盾纠纷1221件，成功化解1005件: 成功化解) is of what
    the count before it in its sentence, with the same measure word, was done to: it borrows
    that object (成功化解矛盾纠纷), when that count has both an action and an object."""
    for i, row in enumerate(rows):
        action = row["action"] if row["object"] is None else (
            row["indicator"] if row["indicator"] in CASE_STAGES else None)
        if row["kind"] != "count" or not action:
            continue
        for other in reversed(rows[:i]):
            if other["sentence"] != row["sentence"]:
                break
            if (other["kind"] == "count" and other["unit"] == row["unit"] and other["object"]
                    and other["action"]  # an object someone acted on (受理|矛盾纠纷), not
                    and not str(other["object"]).endswith(("数", "量"))):  # a total (收案总数)
                name = f"{action}{other['object']}"
                row.update(indicator=name, object=other["object"], action=action,
                           family=indicator_family(name, "count"))
                break


def _link_bases(rows: list[dict[str, object]]) -> None:
    """A comparison's printed base (比上年同期847件, 去年同期为26天: role ``from``) and the
    current value it is compared with, the nearest level of the same kind and unit before it in
    its sentence (接受信访举报550件…，比上年同期847件少297件), become the two ends of a movement:
    the current value is ``to``, both share a ``pair`` and the direction the two values show.
    A value inside brackets closed before the base (含上级转办246件) is a part, never the current
    value; a base with no such level stays a lone ``from``."""
    n = 0
    for i, row in enumerate(rows):
        if not row["_base"] or row["pair"] is not None:
            continue
        for other in reversed(rows[:i]):
            between = str(row["sentence"])[int(other["_at"]):int(row["_at"])]
            # a growth rate compared with a base growth rate in brackets (增长11.6%,较上年同期
            # (3.2%)): the current rate is the movement's end, not a change (rule B1, set 3)
            rate_vs_rate = (other["role"] == "change" and other["kind"] == "rate"
                            and str(row["sentence"])[int(row["_at"]) - 1:int(row["_at"])] in "(（")
            # a current value already the end of one base takes a second (环比…21起…；同比去年
            # 同期42): rule B16 of the fourth set, its pair ids joined by ;
            second = other["role"] == "to" and str(other["pair"] or "").startswith("b")
            if (other["sentence"] != row["sentence"]
                    or (other["role"] != "level" and not rate_vs_rate and not second)
                    or (other["pair"] is not None and not second)
                    or not _same_measure(other, row)
                    or (other["change"] and not rate_vs_rate)):
                continue
            if _closes_bracket(between):
                continue
            n += 1
            if _bare_unit(row) and other["kind"] != row["kind"]:
                # 同比去年同期42, 环比259.43万: the base printed without the unit (or with its
                # magnitude only) is in the current value's measure
                row.update(kind=other["kind"], unit_std=other["unit_std"],
                           family=other["family"])
            direction = _direction_between(other["value_std"], row["value_std"])
            row.update(pair=f"b{n}", direction=direction)
            if other["indicator"] and other["kind"] == "count" or not row["indicator"]:
                # the base is of what the current value counts (同比去年同期42: 立案数)
                row.update(indicator=other["indicator"], object=other["object"],
                           action=other["action"], family=other["family"])
            if second:
                other.update(pair=f"{other['pair']};b{n}")
            else:
                other.update(pair=f"b{n}", direction=direction, role="to")
            break


#: Digits that belong to a name, not to a figure (PM2.5年均浓度, PM10, 12345热线, 110接报警,
#: 5G基站): a name holding only these holds no number.
_NAME_DIGITS = re.compile(r"PM\s?(?:2\.5|10)|(?<!\d)(?:123\d\d|110|119|120|122)(?!\d)"
                          r"|(?<![\dA-Za-z])[45]G|[SN]O2|CO2")


def _holds_number(name: str) -> bool:
    """Whether a name holds a figure's digits (同比去年同期42下降), not only a name's own."""
    return re.search(r"\d", _NAME_DIGITS.sub("", name)) is not None


def _name_unnamed_changes(rows: list[dict[str, object]]) -> None:
    """A change left without a usable name (同比去年同期42下降26.19%: none, or a name holding
    a number) is a change of the figure named before it in its sentence: the base or the
    current value it follows takes precedence over nothing."""
    for i, row in enumerate(rows):
        label = str(row["indicator"] or "")
        if row["role"] != "change" or (label and not _holds_number(label)):
            continue
        for other in reversed(rows[:i]):
            if other["sentence"] != row["sentence"]:
                break
            name = str(other["indicator"] or "")
            if open_bracket(str(other["sentence"]), int(other["_at"])) is not None:
                continue  # a part in brackets (含旧存256件) is not what changed
            if other["kind"] == "rank" and row["kind"] != "rank":
                continue  # 排名第7，同比下降9.84%: the change is of the measure ranked
            if name.endswith(metric_labels.THRESHOLD_NOUN):
                continue  # 10亿元以上项目投资增长8.1%: the threshold bounds what changed
            if (other["kind"] != "date" and name and not _holds_number(name)
                    and not metric_labels.NOT_A_SUBJECT.match(name)):  # 占任务数: a share's
                row.update(indicator=name,
                           family=indicator_family(name, str(row["kind"])))
                break


#: The frame a ranking or a score is reported in (在全市2014年度禁毒综合考评中，长沙县排名前三;
#: 在社会治安群众安全感方面，某县获得97.95分): what is ranked or scored; the clause after it
#: names only who is.
_FRAME = re.compile(r"在(?P<frame>[^，,。；;：:]{2,30}?)(?:中|方面|上)[，,]")
#: The scope and year a frame begins with (全省77个县(市), 全市, 2014年度): the set and the
#: time, not what is measured.
_FRAME_SCOPE = re.compile(r"^(?:全[国省市州县区]|本[省市州县区]|[\d一二三四五六七八九十]+个[\u4e00-\u9fff]{1,4}?"
                          r"(?:\([^()]*\)|（[^（）]*）)?|(?:19|20)\d\d年度?|[今去上本]年度?|的)+")
#: Who a framed figure is of, printed right after the frame (长沙县, 齐河, 白河县): a few
#: characters before the verb of ranking or scoring; longer words name a measure of their own.
MAX_FRAMED_SUBJECT = 5
_FRAMED_SUBJECT = re.compile(rf"[\u4e00-\u9fff]{{1,{MAX_FRAMED_SUBJECT}}}?"
                             r"(?=获得|得到|取得|荣获|得分|综合排名|排名|名次|位列|位居|名列|居|由|以)")


#: The words of a rank's clause that name no measure (居全市第, 名次位于全省第): a label made
#: only of them is no name.
_RANK_WORDS_ONLY = re.compile(r"全[市省州县区国盟]|本[市省州县区]|第|居|位于|位列|位居|名次|排名|并列")


#: The last character of a measure (覆盖率, 满意度, 指数, 总量): a word ending so after a frame
#: is what is ranked, not who.
_MEASURE_END = re.compile(r"[率度数量额值感]$")


def _name_framed_figures(rows: list[dict[str, object]]) -> None:
    """A rank or a score named by nothing or by who holds it (白河县综合排名, 齐河获得) in a
    clause after a frame (在…考评中, 在…方面) is a rank or score of what the frame names: the
    frame without its scope and year, with 排名 (综合排名) or 得分."""
    for row in rows:
        if row["kind"] not in ("rank", "score"):
            continue
        label = str(row["indicator"] or "")
        sentence, at = str(row["sentence"]), int(row["_at"])
        frame = None
        for m in _FRAME.finditer(sentence, 0, at):
            frame = m
        if frame is None or re.search(r"[。；;]", sentence[frame.end():at]):
            continue
        who = _FRAMED_SUBJECT.match(sentence, frame.end())
        if who is None or _MEASURE_END.search(who.group()) or (label and not label.startswith(who.group())
                           and _RANK_WORDS_ONLY.sub("", label)):
            continue  # a label of its own (森林覆盖率排名) stays
        core = _FRAME_SCOPE.sub("", frame.group("frame"))
        if len(core) < 2:
            continue
        if row["kind"] == "score":
            name = core + "得分"
        else:  # the set printed in the rank's own clause (名次位于全市第1名，全省第23名)
            begin = max(sentence.rfind(ch, 0, at) for ch in "，。；,;：:") + 1
            stop = re.search(r"第|前|首位|榜首", sentence[at:])
            span = sentence[max(begin, frame.end()):at + (stop.start() if stop else 0)]
            sets = _RANK_SET_WORD.findall(span)
            name = core + (sets[-1] if sets else "") + ("综合排名" if "综合" in label else "排名")
        row.update(indicator=name, family=indicator_family(name, str(row["kind"])))


#: The set a rank is taken in, printed between what is ranked and the rank (位居全省第15位,
#: 全市20个区县排名第4, 六县市排名第三, 位居全国法院第二位): its head (全省, 全市, 六县市, 全国).
_RANK_SET_WORD = re.compile(r"全[市省州县区国盟]|本[市省州县区]"
                            r"|(?:周边)?[一二三四五六七八九十\d]+个?(?:县市区|县市|区县|县区|市县|地市|市州)")
#: Words a rank's label may end in that the set and 排名 replace (生活垃圾无害化处理率排, …均排).
_RANK_TAIL = re.compile(r"(?:均|分别)?(?:排名|排位|排列|排|位列|位居|居)$")


def _name_rank_sets(rows: list[dict[str, object]]) -> None:
    """A rank's label names the set it is taken in (综合指数全市排名, 综合指数全省排名): the same
    indicator ranked in a city and in a province are two indicators.  The set is the one printed
    before the rank's number in its clause; a label already naming a ranking (排名, 位次, 名次)
    or a rank without a set keeps its label."""
    for row in rows:
        label = str(row["indicator"] or "")
        if row["kind"] != "rank" or row["role"] != "rank" or not label or re.search(
                r"排名|位次|名次|\d$", label):
            continue
        sentence, at = str(row["sentence"]), int(row["_at"])
        begin = max(sentence.rfind(ch, 0, at) for ch in "，。；,;：:！？(（") + 1
        stop = re.search(r"第|前|首位|榜首", sentence[at:])
        span = sentence[begin:at + (stop.start() if stop else 0)]
        sets = list(_RANK_SET_WORD.finditer(span))
        if not sets:
            continue
        k = len(sets) - 1
        while k > 0 and not span[sets[k - 1].end():sets[k].start()].strip():
            k -= 1  # 全市20个区县: the head of a set printed in two parts
        word = sets[k].group()
        label = _RANK_TAIL.sub("", label)
        if word in label:
            label = label[:label.rindex(word)]
        if label:
            # 在全市法院绩效考核中荣获第二名: the set before what is ranked stays in front
            front = span.find(label, sets[k].end()) >= 0
            name = f"{word}{label}排名" if front else f"{label}{word}排名"
            row.update(indicator=name, family=indicator_family(name, "rank"))


#: A part's name this short inside brackets after a whole (建设项目27项(省级6项、市级5项))
#: names only a grade or a kind (省级, 续建) of what the whole counts.
MAX_PART_NAME = 4
#: A count printed right before a bracket (27项(, 42座().
_COUNT_BEFORE_BRACKET = re.compile(r"[\d一二三四五六七八九十][余多]?\s*(?:" + "|".join(
    re.escape(w) for w in sorted(COUNT_WORDS, key=len, reverse=True)) + ")$")


def _count_before_bracket(rows: list[dict[str, object]], row: dict[str, object],
                          opened: int) -> dict[str, object] | None:
    """The last count of ``row``'s sentence and unit printed before the bracket opening at
    ``opened`` and outside any bracket: the whole its bracketed parts belong to, or None."""
    sentence = row["sentence"]
    whole = [r for r in rows if r["sentence"] == sentence and r["kind"] == "count"
             and r["unit"] == row["unit"] and int(r["_at"]) < opened
             and open_bracket(str(sentence), int(r["_at"])) is None]
    return whole[-1] if whole else None


def _name_bracketed_parts(rows: list[dict[str, object]]) -> None:
    """A count in brackets named by a grade alone (省级6项) after the count of a whole printed
    right before the bracket (建设项目27项(…)) is that grade of the whole: 省级建设项目."""
    for row in rows:
        label = str(row["indicator"] or "")
        sentence = str(row["sentence"])
        if row["kind"] != "count" or not label or len(label) > MAX_PART_NAME:
            continue
        opened = open_bracket(sentence, int(row["_at"]))
        if opened is None or not _COUNT_BEFORE_BRACKET.search(sentence, 0, opened) or (
                sentence.startswith(("含", "其中", "包括"), opened + 1)):
            continue  # (含旧存123件): a part named with its own noun, counted elsewhere
        whole = _count_before_bracket(rows, row, opened)
        name = str(whole["indicator"] or "") if whole else ""
        if (name and not name.startswith(label) and not re.search(r"\d", name)
                and label[-2:] not in name  # 旧存案件 of 受理案件: the part names its noun
                and metric_labels.NOT_A_SUBJECT.match(name) is None):
            name = label + name
            row.update(indicator=name, family=indicator_family(name, "count"))


#: The words that close a list's heading before its colon (排名前三位的是, 前五名依次为): they
#: say the members follow, not what is measured.
_LIST_OPENER = re.compile(r"(?:排名|排在|位居|位列)?(?:前|后)[\d一二三四五六七八九十]+[位名]?的?"
                          r"(?:依次|分别)?(?:是|为)?$|(?:依次|分别)(?:是|为)$")
#: A member of a list printed before its figure's bracket (南湖洲镇(100分)): a short name.
MAX_LISTED_MEMBER = 10
_LISTED_MEMBER = re.compile(rf"(?:(?<=[和及与])|(?<![\u4e00-\u9fffA-Za-z]))"
                            rf"[\u4e00-\u9fffA-Za-z]{{2,{MAX_LISTED_MEMBER}}}$")


def _name_listed_members(rows: list[dict[str, object]]) -> None:
    """A figure without a name in brackets after a member of a list that follows a heading's
    colon (综合考核分值排名前三位的是：南湖洲镇(100分)、东塘镇(98.2分)) is the heading's
    measure of that member: 综合考核分值(南湖洲镇), as places are named (_name_places)."""
    for row in rows:
        if row["kind"] == "date" or row["indicator"]:
            continue
        sentence = str(row["sentence"])
        opened = open_bracket(sentence, int(row["_at"]))
        if opened is None:
            continue
        member = _LISTED_MEMBER.search(sentence, 0, opened)
        colon = max(sentence.rfind("：", 0, opened), sentence.rfind(":", 0, opened))
        if member is None or colon < 0 or re.search(r"[；;。]", sentence[colon:opened]):
            continue
        begin = max(sentence.rfind(ch, 0, colon) for ch in "，,。；;！？") + 1
        head = _LIST_OPENER.sub("", sentence[begin:colon]).rsplit("的", 1)[-1].strip()
        if len(head) < 2 or re.search(r"\d", head):
            continue
        name = f"{head}({re.sub(r'^[和及与]', '', member.group())})"
        row.update(indicator=name, family=indicator_family(head, str(row["kind"])))


#: Counts named by a stage or an act alone (已结197831件, 结案1779件, 已竣工13498户) after a count
#: of what they are stages of.
BARE_STAGES = CASE_STAGES | {"结案", "收案", "受案", "开工", "竣工", "完工"}
#: The stages and acts that end what a count's name says of its object (执行案件|收案总数,
#: 诉讼案件|收案, 全州|开工): what comes before them is the object.
_STAGE_IN_NAME = re.compile("|".join(sorted(BARE_STAGES | {"受理", "立案"}, key=len, reverse=True)))


def _bracketed_apart(sentence: str, at: int, later: int) -> bool:
    """Does the figure at ``at`` stand in a bracket the figure at ``later`` is outside of (a
    count's parts, printed in brackets after it)?"""
    opened = open_bracket(sentence, at)
    return opened is not None and open_bracket(sentence, later) != opened


#: Longest stage or channel word two labels may share at their end (受理, 办结, 立案).
MAX_SHARED_ACTION = 4


def _name_bracket_parts_of_counts(rows: list[dict[str, object]]) -> None:
    """Counts in brackets right after a count that share its action (咨询类诉求受理120件(热线受理
    100件，网络受理20件)) are parts of it by channel or kind: they take the whole's object
    (咨询类诉求热线受理), which a sibling category's parts would otherwise share."""
    for row in rows:
        label = str(row["indicator"] or "")
        sentence = str(row["sentence"])
        if row["kind"] != "count" or not label:
            continue
        opened = open_bracket(sentence, int(row["_at"]))
        if opened is None:
            continue
        whole = _count_before_bracket(rows, row, opened)
        if whole is None or re.search(r"[，,。；;]", sentence[int(whole["_at"]):opened]):
            continue  # only the count printed right before the bracket is its whole
        name = str(whole["indicator"] or "")
        if label.startswith(("含", "其中", "包括")):
            continue  # (含旧存12件): a part named with its own noun
        shared = next((n for n in range(min(MAX_SHARED_ACTION, len(label) - 1), 1, -1)
                       if name.endswith(label[-n:]) and len(name) > n
                       and metric_labels.is_action(label[-n:])), 0)
        if not shared:
            continue
        obj = name[:-shared]
        # a part already named by its category (多媒体举报类诉求受理, 建议热线受理) keeps its name
        if obj and obj not in label and not label.startswith(obj[:2]) and not _holds_number(obj):
            new = obj + label
            row.update(indicator=new, family=indicator_family(new, "count"))


def _name_bare_stages(rows: list[dict[str, object]]) -> None:
    """A count named by a stage alone (已结, 结案, 竣工) after a count of the same unit in its
    sentence whose name is an object and a stage (执行案件收案总数, 诉讼案件收案, 全州开工) counts
    that object at its own stage: 执行案件已结, 诉讼案件结案, 全州竣工."""
    for i, row in enumerate(rows):
        label = str(row["indicator"] or "")
        if row["kind"] != "count" or label not in BARE_STAGES:
            continue
        for other in reversed(rows[:i]):
            if other["sentence"] != row["sentence"]:
                break
            sentence, at = str(row["sentence"]), int(row["_at"])
            semi = max(sentence.rfind("；", 0, at), sentence.rfind(";", 0, at))
            if semi > int(other["_at"]) and sentence[semi + 1:sentence.rfind(label, 0, at)].strip(
                    " ，,已"):
                break  # a segment opening with another subject (；从江县…已开工) counts its own
            if (other["kind"] != "count" or other["unit"] != row["unit"]
                    or other["role"] in ("target", "limit")):
                continue  # 占今年88641户任务数: a target is no stage of the object
            if _bracketed_apart(sentence, int(other["_at"]), at):
                continue  # (热线受理…件，多媒体受理…件)，办结…件: the parts of the count before
            name = str(other["indicator"] or "")
            stage = _STAGE_IN_NAME.search(name)
            obj = name[:stage.start()] if stage else ""
            if obj and not _holds_number(obj) and not re.search(r"[占“”]", obj):
                new = obj + label
                row.update(indicator=new, family=indicator_family(new, "count"))
            break  # only the count right before names the object


#: Labels naming a casualty alone (死亡77人 -> 死亡人数; its change: 死亡人数同比下降): whose
#: casualties they are is the incident counted before them (发生生产安全事故274起、死亡77人).
_CASUALTY_ONLY = re.compile(r"^(?P<who>死亡|受伤|伤亡|遇难|失踪|重伤|轻伤)(?:人数)?$")
#: The classifiers of an incident count (事故274起, 火灾12宗) whose label names the incident.
INCIDENT_UNITS = frozenset({"起", "宗"})


def _name_casualties(rows: list[dict[str, object]]) -> None:
    """A casualty named alone (死亡人数, 受伤人数, and the changes of them) after an incident
    count in its sentence (共发生生产安全事故274起、死亡77人，同比分别下降18.21%和32.46%) is a
    casualty of that incident: 生产安全事故死亡人数."""
    for i, row in enumerate(rows):
        m = _CASUALTY_ONLY.match(str(row["indicator"] or ""))
        if row["kind"] == "date" or m is None:
            continue
        for other in reversed(rows[:i]):
            if other["sentence"] != row["sentence"]:
                break
            incident = str(other["indicator"] or "")
            if (other["kind"] != "count" or other["unit"] not in INCIDENT_UNITS or not incident
                    or re.search(r"\d|死亡|受伤|伤亡|遇难|失踪", incident)):
                continue
            name = re.sub(r"(?:起数|数量|数)$", "", incident) + m.group("who") + "人数"
            row.update(indicator=name, family=indicator_family(name, str(row["kind"])))
            break


#: A share's label: a part, 占, and the whole it is a share of (一般食品类占商品类投诉总量).
_SHARE_LABEL = re.compile(r"^(?P<part>[^占\d]+?)占(?P<whole>[^占\d]{2,})$")
#: Words a share's label already ends in that name it a share or a rate (占比, 比重, 比例, 份额,
#: 发案率), and the verbs with 占 that are no share (占地, 占用, 占道, 侵占, 挤占).
_SHARE_NAMED = re.compile(r"(?:比重|比例|占比|份额|率|比)$")
_NOT_A_SHARE = re.compile(r"占地|占用|占道|侵占|挤占|抢占|霸占|占补")
#: The share noun a share's label ends in (一般食品类占商品类投诉比重): the whole's 总量, 总数,
#: 总额 (占咨询总量 = 占全部咨询) give way to it.
SHARE_LABEL_NOUN = "比重"
_WHOLE_TOTAL = re.compile(r"(?:总量|总数|总额)$")


def _name_shares(rows: list[dict[str, object]]) -> None:
    """A rate labelled by a part and its whole alone (噪音污染占环境污染投诉总量 52.3%) is the
    part's share of the whole: its label ends in ``SHARE_LABEL_NOUN`` (噪音污染占环境污染投诉
    比重), as the same share printed 占…的比重 elsewhere is labelled."""
    for row in rows:
        label = str(row["indicator"] or "")
        m = _SHARE_LABEL.match(label)
        if (row["kind"] != "rate" or row["role"] == "change" or m is None or "占比" in label
                or _SHARE_NAMED.search(label) or _NOT_A_SHARE.search(label)):
            continue
        whole = _WHOLE_TOTAL.sub("", m.group("whole"))  # 占总数: of all, named by the part
        name = m.group("part") + ("占" + whole + SHARE_LABEL_NOUN if whole else "占比")
        row.update(indicator=name, family=indicator_family(name, "rate"))


def _name_bare_measures(rows: list[dict[str, object]]) -> None:
    """A figure named by a measure alone (其中10月份增加值同比增长7.3%: 增加值) after a figure of
    its sentence whose name ends in that measure (规模以上工业增加值; or whose share's part does:
    高新技术产业增加值占…的比重) measures the same thing: it takes that name."""
    for i, row in enumerate(rows):
        label = str(row["indicator"] or "")
        if row["kind"] == "date" or label not in metric_labels.LIST_SHARED_MEASURES:
            continue
        for other in reversed(rows[:i]):
            if other["sentence"] != row["sentence"]:
                break
            name = str(other["indicator"] or "").split("占", 1)[0]
            if (len(name) > len(label) and name.endswith(label) and not re.search(r"\d", name)
                    and name not in metric_labels.ATTRIBUTES):  # 总投资 names no owner
                row.update(indicator=name, family=indicator_family(name, str(row["kind"])))
                break


#: A sector of the economy named alone (第一产业, 制造业, 交通运输业, 批发零售业): statistics
#: print a sector's amount and growth without the measure, which the reader supplies from the
#: sentence.  The list of sector heads is closed on purpose: 企业, 就业, 物业, 专业 end in 业
#: too and are no sectors.
BARE_SECTOR = re.compile(
    r"第[一二三]产业|(?:其他|其它)?[\u4e00-\u9fff、，]{0,14}?"
    r"(?:农|林|牧|畜牧|渔|工|制造|采矿|建筑|金融|房地产|服务|批发|零售|批发零售|批发和零售"
    r"|住宿|餐饮|住宿餐饮|住宿和餐饮|运输|交通运输|仓储|邮政|供应|信息技术服务|商务服务)业")
#: What a sector's amount or growth measures when its sentence is about the economy's output
#: (地区生产总值, 增加值, GDP) or prints a sector's amount in money: its value added.
SECTOR_OUTPUT = "增加值"
_OUTPUT_WORDS = re.compile(r"增加值|生产总值|GDP")
#: Measure words printed after a list of sectors (农业、林业增速分别为…): the list names its own
#: measure, so no other is supplied.
_AFTER_SECTOR_MEASURE = re.compile(r"(?:分别)?(?:增速|增幅|降幅|增加值|投资|零售额|产值|产量"
                                   r"|营业收入|收入|用电量|税收|利润|占比|比重|企业|项目)")


def _name_bare_sectors(rows: list[dict[str, object]]) -> None:
    """A money figure or a growth rate named by a sector alone (第一产业4.41亿元，同比增长1.8%)
    measures what its sentence's sectors measure: the measure a sibling sector prints
    (批发业零售额 … 零售业49.82亿元: 零售额), else value added where the sentence is about
    output or gives sectors' amounts in money; a list that prints its own measure after the
    sectors (农业、林业增速分别为) keeps its label."""
    for row in rows:
        label = str(row["indicator"] or "")
        if not BARE_SECTOR.fullmatch(label) or not (
                row["kind"] == "money" or (row["role"] == "change" and row["unit"] == "%")):
            continue
        sentence, at = str(row["sentence"]), int(row["_at"])
        begin = sentence.rfind(label, 0, at)
        if begin < 0:
            continue
        after = re.sub(r"^(?:[、和及与]" + BARE_SECTOR.pattern + ")*", "",
                       sentence[begin + len(label):at])
        if _AFTER_SECTOR_MEASURE.match(after):
            continue
        siblings = [str(o["indicator"] or "") for o in rows
                    if o["sentence"] == row["sentence"] and o is not row]
        measure = next((m for name in siblings for m in metric_labels.LIST_SHARED_MEASURES
                        if name.endswith(m) and BARE_SECTOR.fullmatch(name[:-len(m)])), None)
        if measure is None and (_OUTPUT_WORDS.search(sentence) or any(
                o["kind"] == "money" and BARE_SECTOR.fullmatch(str(o["indicator"] or ""))
                for o in rows if o["sentence"] == row["sentence"])):
            measure = SECTOR_OUTPUT
        if measure:
            name = label + measure
            row.update(indicator=name, family=indicator_family(name, str(row["kind"])))


#: A sentence's lead naming the measure of the items after it (从主要工业产品产量看，精制茶增长
#: 23.9%; 从所属区域的信访量看，丘北52件): the items are named alone.
_MEASURE_LEAD = re.compile(r"^(?:从|分)[^，,。；;:：]{0,16}?(?P<measure>产量|信访量|来信量|诉求量|"
                           r"零售额|销售额|营业收入|产值|增加值|投资|用电量)(?:上)?看[，,:：]")
#: The endings of a label that names a measure of its own (…率, …量, …额, …数, …投资).
_OWN_MEASURE = re.compile(r"(?:率|量|额|值|数|比重|占比|投资|收入|面积|人次|排名|得分|指数)$")


def _name_led_items(rows: list[dict[str, object]]) -> None:
    """Items named alone after a lead naming their measure (从主要工业产品产量看，精制茶增长23.9%,
    纱增长16.2%) are that measure of each: 精制茶产量, 纱产量."""
    for row in rows:
        lead = _MEASURE_LEAD.match(str(row["sentence"]))
        label = str(row["indicator"] or "")
        if (lead is None or row["kind"] in ("date", "rank", "score") or not label
                or int(row["_at"]) < lead.end() or _OWN_MEASURE.search(label)
                or lead.group("measure") in label or _holds_number(label)):
            continue
        name = label + lead.group("measure")
        row.update(indicator=name, family=indicator_family(name, str(row["kind"])))


def _name_stage_changes(rows: list[dict[str, object]]) -> None:
    """A change named by a case stage alone (``CASE_STAGES``) that begins the name of the figure
    it follows (其中旧存670件，同比上升204.55%: 旧存 after 旧存审判类案件, its object borrowed) is
    the change of that figure: it takes the figure's whole name."""
    for i, row in enumerate(rows):
        label = str(row["indicator"] or "")
        if row["role"] != "change" or label not in CASE_STAGES or i == 0:
            continue
        other = rows[i - 1]
        name = str(other["indicator"] or "")
        between = str(row["sentence"])[int(other["_at"]):int(row["_at"])]
        if (other["sentence"] == row["sentence"] and other["kind"] != "date"
                and len(name) > len(label) and name.startswith(label)
                and not re.search(r"\d", name) and not re.search(r"[；;]", between)):
            row.update(indicator=name, family=indicator_family(name, str(row["kind"])))


#: The kinds a place alone may be named by in a breakdown (counts, and sums of money: 甲镇完成
#: 投资2.3亿元、乙镇完成6056万元, whose units may differ in magnitude).
PLACED_KINDS = frozenset({"count", "money"})


#: The organs whose act a count may be named by when the act alone is printed (省纪委处置283件,
#: 县公安局破获120起): a bare verb says nothing of whose act it is, the organ does.
_ACTING_ORGAN = re.compile(r"(?:[\u4e00-\u9fff]{1,8}?(?:纪委|监委|公安局|公安分局|法院|检察院|派出所|"
                           r"警方|执法局|监管局|大队|支队))$")
#: Longest label read as a bare act (处置, 破获, 审结).
MAX_BARE_ACT = 3


def _name_bare_acts(rows: list[dict[str, object]]) -> None:
    """A count named by one verb alone (处置, 破获) printed right after the organ that acts (省纪委
    处置283件) is named with that organ (省纪委处置), and so is its change."""
    named: dict[tuple[str, str], str] = {}
    for row in rows:
        label = str(row["indicator"] or "")
        if row["kind"] != "count" or not label or len(label) > MAX_BARE_ACT or not (
                metric_labels.is_action(label)):
            continue
        sentence, at = str(row["sentence"]), int(row["_at"])
        before = sentence[:at].rstrip(" 共计达")
        if not before.endswith(label):
            continue
        organ = _ACTING_ORGAN.search(re.split(r"[，,。；;：:、]", before[:-len(label)])[-1])
        if organ is None:
            continue
        name = organ.group() + label
        named[(sentence, label)] = name
        row.update(indicator=name, family=indicator_family(name, "count"))
    for row in rows:
        label = str(row["indicator"] or "")
        for (sentence, act), name in named.items():
            if row["sentence"] == sentence and row["role"] == "change" and label.startswith(act) \
                    and label != name:
                new = name + label[len(act):]
                row.update(indicator=new, family=indicator_family(new, str(row["kind"])))


#: A count of what an act was done to (对全区59个单位党组织开展了常规巡察, 对120名干部进行约谈):
#: the scope before it, then the objects, the verb of doing and the act.
_TREATED_BEFORE = re.compile(r"对(?:全[省市州县区镇乡]|各|辖区|全体)?$")
_TREATED_AFTER = re.compile(r"(?P<what>[\u4e00-\u9fff]{1,8}?)(?:开展|进行|实施)了?"
                            r"(?P<act>[\u4e00-\u9fff]{2,8}?)(?=[，,。；;、！？!?]|$)")


def _name_treated_objects(rows: list[dict[str, object]]) -> None:
    """A count printed after 对 and before the objects and the act done to them (对35家企业开展
    专项检查) counts the objects of that act: 专项检查企业; the objects alone (企业) do not say
    why they were counted."""
    for row in rows:
        if row["kind"] != "count" or row["role"] not in (None, "level"):
            continue
        sentence, at = str(row["sentence"]), int(row["_at"])
        if not _TREATED_BEFORE.search(sentence, 0, at):
            continue
        number = re.match(r"[\d.,，]+\s*(?:余|多)?", sentence[at:])
        unit = str(row["unit"])
        rest = at + (number.end() if number else 0)
        if not sentence.startswith(unit, rest):
            continue
        m = _TREATED_AFTER.match(sentence, rest + len(unit))
        if m is None:
            continue
        name = m["act"] + m["what"]
        row.update(indicator=name, family=indicator_family(name, "count"))


#: Verbs of seizing whose list of things seized goes on after the first (缴获毒品海洛因7030克、
#: 冰毒1.36克，枪支4支): each item after the first is seized too.
SEIZING = ("缴获", "扣押", "收缴", "查扣", "没收", "查获")
#: A label that opens with a verb of seizing, after a few words of place or manner (现场扣押).
MAX_BEFORE_SEIZING = 4
_SEIZING_OPENS = re.compile(rf"^[\u4e00-\u9fff]{{0,{MAX_BEFORE_SEIZING}}}?(?P<verb>"
                            + "|".join(SEIZING) + ")")
#: What ends a list of things seized: a sentence's part, or a further verb of handling.
_SEIZED_LIST_END = re.compile(r"[；;。！？]")


def _name_seized_items(rows: list[dict[str, object]]) -> None:
    """The things seized after the first of a list (冰毒1.36克, 子弹20发 after 缴获毒品海洛因
    7030克) take its verb of seizing: 缴获冰毒; alone they read as stocks of their kind."""
    for i, row in enumerate(rows):
        label = str(row["indicator"] or "")
        if not label or row["kind"] == "date" or row["role"] not in (None, "level") or i == 0:
            continue
        # the row before must open with a verb of seizing (rare): checked before any tokenizing
        before = rows[i - 1]
        seized = _SEIZING_OPENS.match(str(before["indicator"] or ""))
        if seized is None or before["sentence"] != row["sentence"] or before["kind"] == "date":
            continue
        verb = seized.group("verb")
        first = tokenize(label)[0]
        if first in metric_labels.HANDLING_VERBS or first in SEIZING:
            continue
        sentence = str(row["sentence"])
        between = sentence[int(before["_at"]):int(row["_at"])]
        if _SEIZED_LIST_END.search(between) or any(
                w in metric_labels.HANDLING_VERBS for w in tokenize(between)):
            continue
        name = verb + label
        row.update(indicator=name, family=indicator_family(name, str(row["kind"])))


def _leading_place(name: str) -> re.Match[str] | None:
    """The county, city or township ``name`` opens with (杨家园则镇完成投资), by the gazetteer's
    names: ``PLACE_ONLY``'s shape alone also fits words (转办旗区)."""
    from helpers.places import load_gazetteer
    from helpers.places.townships import all_township_names
    gaz = load_gazetteer()
    for end in range(len(name) - 1, 1, -1):
        m = metric_labels.PLACE_ONLY.fullmatch(name, 0, end)
        if m and (gaz.lookup(m.group()) or m.group() in all_township_names()):
            return m
    return None


def _name_places(rows: list[dict[str, object]]) -> None:
    """A count named by a place alone (其它依次为砚山县147件，文山市120件) after a count of the
    same unit named by what it measures (信访量203件) in its sentence is that measure of the
    place: 信访量(砚山县)."""
    for i, row in enumerate(rows):
        label = str(row["indicator"] or "")
        if row["kind"] not in PLACED_KINDS or not metric_labels.PLACE_ONLY.fullmatch(label):
            continue
        for other in reversed(rows[:i]):
            if other["sentence"] != row["sentence"]:
                break
            name = str(other["indicator"] or "")
            if other["kind"] != row["kind"] or not name or (
                    row["kind"] == "count" and other["unit"] != row["unit"]):
                continue
            if metric_labels.is_place_name(name):
                continue
            measure = re.sub(r"[(（][^()（）]*[)）]$", "", name)
            # the first place's own figure (甲镇完成投资2.3亿元、乙镇完成6056万元): its measure
            # without its place
            lead = _leading_place(measure)
            if lead and len(measure) > lead.end() + 1:
                measure = measure[lead.end():]
                first = f"{measure}({lead.group()})"  # named as its siblings will be
                other.update(indicator=first, family=indicator_family(first, str(other["kind"])))
            name = f"{measure}({label})"
            row.update(indicator=name, family=indicator_family(name, "count"))
            break


def _bare_unit(row: dict[str, object]) -> bool:
    """Whether the row's number was printed without a unit, or with a magnitude alone (42,
    259.43万)."""
    return row["kind"] == "other" and str(row["unit"]) in ("", "万", "亿")


def _same_measure(current: dict[str, object], base: dict[str, object]) -> bool:
    """Whether a base may be compared with a current value: the same kind and standard unit,
    or a base printed bare (``_bare_unit``) after a count or an amount of money."""
    if current["kind"] == base["kind"] and current["unit_std"] == base["unit_std"]:
        return True
    if not _bare_unit(base) or current["kind"] not in ("count", "money"):
        return False
    # a bare magnitude (259.43万) only where the current value has it too (186.30万元)
    return str(base["unit"]) == "" if current["kind"] == "count" else (
        str(base["unit"]) != "" and str(current["unit"]).startswith(str(base["unit"])))


#: Words that set a figure in the past of a comparison (审批本来要8个工作日, 过去要跑5趟) and
#: words that set a later one in the present (现在2天就办好了, 如今只需1趟).
_THEN = re.compile(r"本来|原来|原先|原本|过去|以前|以往|之前")
_NOW = re.compile(r"现在|如今|现|目前|只需|仅需|只要")


def _link_then_now(rows: list[dict[str, object]]) -> None:
    """A level set in the past (本来要8个工作日) and a later level of the same kind and standard
    unit set in the present in its sentence (现在2天就办好了) are the two ends of a movement:
    ``from`` and ``to``, paired, with the direction the two values show."""
    n = 0
    for i, row in enumerate(rows):
        if row["role"] != "level" or row["pair"] is not None or not _THEN.search(
                _words_before(str(row["sentence"]), int(row["_at"]))):
            continue
        for other in rows[i + 1:]:
            if (other["sentence"] != row["sentence"] or other["role"] != "level"
                    or other["pair"] is not None or other["kind"] != row["kind"]
                    or other["unit_std"] != row["unit_std"]):
                continue
            if _NOW.search(_words_before(str(other["sentence"]), int(other["_at"]))):
                n += 1
                direction = _direction_between(other["value_std"], row["value_std"])
                row.update(role="from", pair=f"t{n}", direction=direction)
                other.update(role="to", pair=f"t{n}", direction=direction)
            break


def _words_before(sentence: str, at: int) -> str:
    """The words of the clause before ``at``, a list's 、 included (过去要跑5趟、等15个工作日)."""
    begin = max(sentence.rfind(ch, 0, at) for ch in "，。；,;：:！？") + 1
    return sentence[begin:at]


def _closes_bracket(text: str) -> bool:
    """Whether ``text`` closes a bracket it did not open (246件)，比上年同期)."""
    depth = 0
    for ch in text:
        depth += (ch in "(（") - (ch in ")）")
        if depth < 0:
            return True
    return False


def _direction_between(new: object, old: object) -> str | None:
    """up when the current value is above its base, down when below, None when equal or not
    comparable."""
    if not isinstance(new, float) or not isinstance(old, float) or new == old:
        return None
    return "up" if new > old else "down"


#: A person count printed right after 案件/案 with no case count between (审查逮捕案件34475263人):
#: the stored text lost the 件 of the case count before it (3447件5263人), and where the case
#: count ends cannot be told — the digits are two numbers glued, read as neither.
_GLUED_CASES_PERSONS = re.compile(r"案件?\s*$")
#: Digits a glued case-and-person run holds at least (one for the cases, two for the persons:
#: 涉黑案件352人 = 3件52人); a shorter run after 案件 is read as printed.
MIN_GLUED_DIGITS = 3


def _cut(sentence: str, start: int, end: int) -> bool:
    """Whether the number at ``start:end`` continues a digit run or a point around it: the
    piece of a number that could not be read whole (10..1万); or is a case count and a person
    count glued together (``_GLUED_CASES_PERSONS``)."""
    before = sentence[start - 1:start] if start else ""
    if (_GLUED_CASES_PERSONS.search(sentence, 0, start) and sentence[end:end + 1] in ("人", "名")
            and end - start >= MIN_GLUED_DIGITS and sentence[start:end].isdigit()):
        return True
    return bool(before and (before.isdigit() or before == ".")) or bool(
        re.match(r"\.[.\d]|\d", sentence[end:end + 2]))


def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(a < span[1] and span[0] < b for a, b in taken)


def _row(sentence: str, indicator: str, value: float | None, unit: str, kind: str,
         qualifier: str | None, change: bool, value_std: float | None,
         unit_std: str | None, low: float | None = None,
         high: float | None = None) -> dict[str, object]:
    return {"sentence": sentence, "indicator": indicator or None, "value": value, "unit": unit,
            "kind": kind, "qualifier": qualifier, "change": change,
            "value_std": value_std, "unit_std": unit_std, "value_low": low, "value_high": high,
            "object": None, "action": None}


def _interpret(sentence: str, m: re.Match[str]) -> list[dict[str, object]] | None:
    """Rows for one number match, or None when it is not a reported quantity.

    A Chinese numeral counts only with a unit or measure word (三人, 两艘, 近二十年) or with a
    magnitude (三百万), and never alone as 一 / 百 / 千 (一批, 一站式, 百日, 千钧); the numeral of
    a named set (七大行动, 三大攻坚战) is no count (``_NOT_QUANTITIES``).
    """
    num = m.group("num")
    unit = m.group("unit") or ""
    core, mag = numerals.split_magnitude(num)
    mag += m.group("mag") or ""
    more = bool(m.group("more"))
    if not num[0].isdigit():
        if num in ("一", "百", "千") or num == "十" and not (more and mag):  # 十余万 is a figure
            return None
        if not unit and not (mag and (len(core) > 1 or more)):
            return None
    if not num[0].isdigit() and _restates_list(sentence, m.start(), num):
        return None  # 高亭、衢山、岱西三个乡镇: the size of the list just printed
    vague = numerals.read_vague(num) if not num[0].isdigit() else None
    if vague:  # 三五百人: 300 to 500
        return _quantity_rows(sentence, m, vague[0], unit, low=vague[0], high=vague[1],
                              qualifier="approx")
    value = numerals.read_number(core)
    if value is None:
        return None
    if m.group("sign"):
        value = -value
    if not unit and not mag:
        shared = _shared_unit(sentence, m.end())
        if shared:  # 分别回落2.16和1.66个百分点: the unit printed once, after the last
            return _quantity_rows(sentence, m, value, shared)
        before = _clause_before(sentence, m.start())[0]
        if _SCORE_NOUN_BEFORE.search(before):  # 得分91.49: a score with 分 left out
            return [{**row, "kind": "score", "unit_std": "分"}
                    for row in _quantity_rows(sentence, m, value, "")]
        if 0 <= value <= MAX_BARE_RATE and _bare_rate(sentence, m.start()):
            return [{**row, "kind": "rate", "unit_std": "%"}
                    for row in _quantity_rows(sentence, m, value, "")]
        if value.is_integer() and _COUNTED.search(before):
            return [{**row, "kind": "count"} for row in _quantity_rows(sentence, m, value, "")]
        lead = _LIST_BEFORE.sub("", sentence[:m.start()])  # 提高0.49、-1.3、0.9: the list's verb
        if _POINTS_CHANGE.search(lead) and "%" in lead:
            # 满意率…96.2%，…分别比上年提高0.49、-1.3: points of the rates before, unit unsaid
            return [{**row, "kind": "rate", "unit_std": "pp"}
                    for row in _quantity_rows(sentence, m, value, "")]
    if not unit and _unit_text(mag) in ("万", "亿", "万亿") and _MONEY_BEFORE.search(
            _clause_before(sentence, m.start())[0]):
        # 完成生产总值56.7亿: 元 left out after a measure of money
        return [{**row, "kind": "money", "unit_std": "元"}
                for row in _quantity_rows(sentence, m, value, _unit_text(mag))]
    rows = _quantity_rows(sentence, m, value, _unit_text(mag) + unit)
    if unit == "块" and mag:  # 两万块, 两万来块: 块 is spoken for 元 after a magnitude
        return [{**row, "kind": "money", "unit_std": "元"} for row in rows]
    if not unit and mag:
        if _PEOPLE_AFTER.match(sentence, m.end()):  # 277.82万农村居民: people counted
            return [{**row, "kind": "count", "unit_std": "人"} for row in rows]
        if _unit_text(mag) in ("万", "亿") and _MONEY_AFTER.match(sentence, m.end()):
            # 区200亿招商引资任务: 元 left out before what the money is for
            return [{**row, "kind": "money", "unit_std": "元"} for row in rows]
    return rows


#: Nouns of people after a number in 万 printed without a measure word (277.82万农村居民,
#: 4.7万农村人口): a count of people.
_PEOPLE_AFTER = re.compile(r"(?:农村|城镇|城乡|贫困|困难|低收入|脱贫)?(?:居民|人口|群众|村民|农民|市民"
                           r"|职工|学生|游客|旅客|老人|儿童|妇女)")
#: What money is for, printed right after an amount in 万/亿 without 元 (200亿招商引资任务).
_MONEY_AFTER = re.compile(r"(?:的)?(?:招商|投资|资金|融资|贷款|营收|销售额|产值)")


#: A score named right before a number printed without 分 (考评中得分91.49).
_SCORE_NOUN_BEFORE = re.compile(r"(?:得分|总分|评分|分数|分值)(?:为|是|达到?)?$")
#: A rate named right before a number printed without % (审结率0, 满意率为98.5).
_RATE_NOUN_BEFORE = re.compile(r"(?<![汇功频速倍积比])率(?:为|是|达到?|均为|均达)?$")
#: Rates that are no shares in % (汇率6.8985, 功率, 频率, 容积率): ``_RATE_NOUN_BEFORE`` leaves
#: them out.
#: The names a list of values printed without a unit is given for (支持率、信心率、满意率和获得感
#: 分别为99.9、99.7、99.1和89.6): the Nth value is the Nth name's.
_LISTED_NAMES = re.compile(r"(?P<names>[^，,。；;：:]+?)(?:分别为|分别是|分别达到?|依次为)$")
#: A bare number above 100 is no share in % whatever its name says.
MAX_BARE_RATE = 100


def _bare_rate(sentence: str, start: int) -> bool:
    """Whether the number at ``start``, printed without %, is the value of a rate named right
    before it or named in its place of a 分别为 list."""
    lead = sentence[:start]
    listed = _LIST_BEFORE.search(lead)
    position = len(re.findall(r"[、和]", listed.group())) if listed else 0
    head = lead[:listed.start()] if listed else lead
    names = _LISTED_NAMES.search(head)
    if names is None:
        return position == 0 and bool(_RATE_NOUN_BEFORE.search(head))
    parts = re.split(r"[、和及]", names.group("names"))  # not 与: 参与率
    return position < len(parts) and bool(_RATE_NOUN_BEFORE.search(parts[position]))


#: A list of short names joined by 、 (and a last 和/及) right before a number (高亭、衢山、岱西三个
#: 乡镇): a numeral equal to the list's length restates it.
_NAME_LIST_BEFORE = re.compile(r"(?:[\u4e00-\u9fff]{1,4}[、和及])+[\u4e00-\u9fff]{1,4}$")


def _restates_list(sentence: str, start: int, num: str) -> bool:
    """Whether the Chinese numeral ``num`` at ``start`` counts the names listed right before it."""
    listed = _NAME_LIST_BEFORE.search(sentence[max(0, start - 40):start])
    if listed is None:
        return False
    return numerals.read_number(num) == len(re.split(r"[、和及]", listed.group()))


#: Measures of money after which 元 may be left out of an amount in 万 or 亿 (生产总值56.7亿).
_MONEY_BEFORE = re.compile(r"(?:生产总值|总产值|产值|收入|投资|销售额|营业额|增加值|支出|税收|资金"
                           r"|贷款|存款|余额|金额|利润|营收|零售总额|总额|社零"
                           # what is paid or earned (专项经费320万, 增收100余万, 罚款5万)
                           r"|经费|增收|创收|补贴|补助|奖补|奖励|罚款|罚没|拨付|筹集|融资)"
                           # 总投资额121.5亿, 投资总计1.85亿
                           r"(?:额|总额)?(?:总计|合计|共计|累计)?(?:为|达到?|实现|完成|是|约)?$")


#: Kinds whose unit a list prints once, after its last member (2.16和1.66个百分点, 3.2、4.1亿元,
#: 5和8个); durations and dates are left out (2019、2020年 are two years, not two durations).
SHARED_UNIT_KINDS = frozenset({"rate", "money", "count", "area", "weight", "volume", "length"})
#: A count named by the words before a number printed without a measure word (受伤人数为0,
#: 财产数量8, 流拍标的物数目10); 指数, 系数, 分数, 倍数, 基数 are no counts.
_COUNTED = re.compile(r"(?<![指系分倍基参函])(?:数|数量|数目)(?:为|是|达|共)?$")


#: A change verb right before a number printed without a unit, in a sentence of percentages:
#: the change is in percentage points of those rates (提高0.49, 回落1.2).
_POINTS_CHANGE = re.compile(r"(?:提高|提升|下降|降低|上升|回落|增长|减少)了?$")
#: The members of a list of bare numbers before a later member (0.49、-1.3、 before 0.9).
_LIST_BEFORE = re.compile(r"(?:[-－−]?\d+(?:\.\d+)?[、和])+$")


#: Members of a list read for the unit printed once after the last (a longer run of bare
#: numbers is a table row, not a list of one indicator's values).
MAX_SHARED_MEMBERS = 6


def _shared_unit(sentence: str, end: int) -> str | None:
    """The unit of the next member of a list when this member prints none (和, 、, 及, 与
    between them), if the next one's kind shares its unit; a member without a unit passes on
    the unit of the one after it (提升3.67、3.56、1.02个百分点)."""
    for _member in range(MAX_SHARED_MEMBERS):
        if sentence[end:end + 1] not in ("和", "、", "及", "与"):
            return None
        nxt = _QUANTITY.match(sentence, end + 1)
        if nxt is None or not nxt.group("num") or nxt.group("pre"):
            return None
        if nxt.group("unit"):
            break
        if nxt.group("mag") or nxt.group("more") or nxt.group("more2"):
            return None  # 3万、5万 without a unit: no bare list of numbers
        end = nxt.end("num")
    else:
        return None
    _core, mag = numerals.split_magnitude(nxt.group("num"))
    unit = _unit_text(mag + (nxt.group("mag") or "")) + nxt.group("unit")
    return unit if unit_factor(unit)[0] in SHARED_UNIT_KINDS else None


def _unit_text(mag: str) -> str:
    """Magnitudes as the unit prints them (financial 萬 and 億 as 万 and 亿, so that 万元 is
    one unit however the amount was written)."""
    return mag.replace("萬", "万").replace("億", "亿")


def _per_words(sentence: str, m: re.Match[str]) -> list[dict[str, object]] | None:
    """百分之二点四 = 2.4 %, 千分之一 = 1 ‰, 万分之三 = 3 ‱, 百分之百 = 100 %."""
    num = m.group("num")
    value = 100.0 if num == "百" and m.group("den") in "百佰" else numerals.read_number(num)
    if value is None:
        return []
    return _quantity_rows(sentence, m, value, _PER_UNITS[m.group("den")])


def _fraction(sentence: str, m: re.Match[str]) -> list[dict[str, object]] | None:
    """三分之一: value 1/3 (unit 分之), 33.33… %."""
    value = numerals.read_number(f"{m.group('den')}分之{m.group('num')}")
    if value is None:
        return []
    return _quantity_rows(sentence, m, value, "分之")


#: 十成 is the whole: a larger number before 成 is no share (a word beginning with 成 follows)
_MAX_CHENG = 10


def _cheng(sentence: str, m: re.Match[str]) -> list[dict[str, object]] | None:
    """九成 = 90 %, 三成半 = 35 %, 半成 = 5 %."""
    num = m.group("num")
    value = 0.5 if num == "半" else numerals.read_number(num)
    if value is None or not num[0].isdigit() and num in ("百", "千"):
        return None
    value += 0.5 if m.group("half") else 0.0
    if m.group("tenth"):  # 七成六 = 7.6 成 = 76 %
        value = float(Decimal(repr(value)) + Decimal(numerals.read_number(m.group("tenth")) or 0)
                      / 10)
    if value > _MAX_CHENG:
        return None
    return _quantity_rows(sentence, m, value, "成")


def _ge_yi(sentence: str, m: re.Match[str]) -> list[dict[str, object]] | None:
    """3个亿 = 3亿元: 个亿 is the spoken form of an amount in 亿元."""
    value = numerals.read_number(m.group("num"))
    if value is None or not m.group("num")[0].isdigit() and m.group("num") in ("一", "几"):
        return [] if value is None else None
    return _quantity_rows(sentence, m, value, "亿元")


def _doubling(sentence: str, m: re.Match[str]) -> list[dict[str, object]] | None:
    """翻一番 and 翻番 (value 1 番, the amount times 2), 翻两番 (times 4): a change, never a
    level (a target when planned: 力争…实现翻番)."""
    times = numerals.read_number(m.group("num") or "一")  # 翻番: one doubling
    if times is None:
        return None
    return _quantity_rows(sentence, m, times, "番", change=True, value_std=2.0 ** times)


def _yuan_jiao(sentence: str, m: re.Match[str]) -> list[dict[str, object]] | None:
    """123元1角1分, 十块三毛: the 角 (1/10) and 分 (1/100) belong to the amount in 元."""
    if not (m.group("jiao") or m.group("fen")):
        return None  # a plain amount: the general pass reads it
    _core, mag = numerals.split_magnitude(m.group("num"))
    yuan = numerals.read_number(m.group("num"))
    jiao = numerals.read_number(m.group("jiao") or "0")
    fen = numerals.read_number(m.group("fen") or "0")
    if mag or yuan is None or jiao is None or fen is None:
        return []
    value = float(Decimal(repr(yuan)) + Decimal(repr(jiao)) / 10 + Decimal(repr(fen)) / 100)
    return _quantity_rows(sentence, m, value, "圆" if m.group("unit") == "圆" else "元")


#: Words after 从X至Y that make it a span of values (工钱从60元/天至250元/天不等), not a movement.
_VARYING = re.compile(r"不等|之间|区间")
#: A movement going on after a hyphened range (由10-15cm|增加到…): the range is its start.
_MOVES_ON = re.compile(r"[^，。；,;！？\d]{0,8}?(?:到|至)")
#: A movement's verb right before a hyphened range (…增加到|14.6-21.9cm), the end's year between
#: (…提升到2024年的|14.6-21.9cm): the range is its end.
_MOVED_TO = re.compile(r"(?:到|至|为)(?:(?:19|20)\d\d年|今年|去年|目前)?的?$")
#: a digit before a place value the high end ends in: 八到九百亿 is 8亿 or 800亿 (no row)
_AMBIGUOUS_LOW = re.compile(rf"[{numerals.CN_DIGITS}]")


def _range(sentence: str, m: re.Match[str]) -> list[dict[str, object]] | None:
    """3至5万元: one row, value 3 (the low end) in 万元, value_low 3, value_high 5."""
    before, _ = _clause_before(sentence, m.start())
    if re.search(r"[由从]", before) and not _VARYING.match(sentence, m.end()) and not (
            m.group("sep") and m.group("sep")[0] not in "至到"
            and (_MOVES_ON.match(sentence, m.end()) or _MOVED_TO.search(before))):
        # 由40%到85%: a baseline and a result, not a range; but a hyphened range is one end of
        # such a movement (由10-15cm增加到14.6-21.9cm: both ends are ranges)
        return None
    lo_core, lo_mag = numerals.split_magnitude(m.group("lo"))
    hi_core, hi_mag = numerals.split_magnitude(m.group("num"))
    hi_mag += m.group("mag") or ""
    unit = m.group("unit") or ""
    lounit = m.group("lounit") or ""
    if lounit.startswith(tuple(_MAGNITUDE_CHARS)) and lounit[1:] == unit:
        lo_mag, lounit = lo_mag + lounit[0], lounit[1:]  # 1万元--5万元
    if not (unit or hi_mag) or (lounit and lounit != unit):
        return None  # 1-3 (no unit: a code or a score) or two units: two figures
    if (_AMBIGUOUS_LOW.fullmatch(lo_core) and not lo_mag and len(hi_core) > 1
            and hi_core[-1] in numerals.CN_PLACES):
        return []
    low, high = numerals.read_number(lo_core), numerals.read_number(hi_core)
    if low is None or high is None:
        return []
    if m.group("losign"):
        low = -low
    if m.group("hisign"):
        high = -high
    hi_factor = math.prod(_MAGNITUDE_CHARS[ch] for ch in hi_mag)
    lo_factor = math.prod(_MAGNITUDE_CHARS[ch] for ch in lo_mag)
    if lo_mag == hi_mag and low < high or not lo_mag and low < high:
        printed = _unit_text(hi_mag) + unit  # 3至5万元: both ends in 万元
    elif low * lo_factor < high * hi_factor:  # 8500至3万元, 5千至2万元: both ends in 元
        low, high, printed = low * lo_factor, high * hi_factor, unit
    else:
        return None
    return _quantity_rows(sentence, m, low, printed, low=low, high=high)


#: A rank: a verb of ranking, the set ranked in (全市, 全省20个县市区: up to ``MAX_RANK_SCOPE``
#: characters) and 第N (位/名), or 首位/榜首 (= 1).  Without such a verb 第N is an ordinal (第3次,
#: 第二批) and never a figure, unless a whole set names it and nothing is counted after it
#: (``_RANK_SCOPED``).
MAX_RANK_SCOPE = 10
_RANK = re.compile(
    rf"(?P<verb>排名|排在|排位|排列|位列|位居|位于|名列|分列|(?<![总得积评计])分居|居于|居"
    rf"|稳住|稳居|保持|巩固|荣获|夺得"  # 确保稳住第一位: a rank kept; 考核中荣获第二名
    # 获/获得/取得 only before a place named as such (郑州获第一名; not 获第二批 or 获得第三届)
    rf"|(?:获得?|取得)(?=第(?:\d+|[{_CN_DIGITS}]+)名))"
    rf"(?P<scope>[^，。；,;！？!?\d第]{{0,{MAX_RANK_SCOPE}}}?)"
    rf"(?:第(?P<num>\d+|[{_CN_DIGITS}]+)(?P<unit>位|名)?"
    rf"(?:[至到\-－—]第(?P<hi>\d+|[{_CN_DIGITS}]+)(?:位|名)?)?"  # 居第4位至第7位: a range
    rf"|前(?P<top>\d+|[{_CN_DIGITS}两]+)(?P<topunit>位|名)?"  # 居全市前3位: rank 3 or better
    rf"|(?P<first>首位|榜首))")
#: A move in a ranking (排名…前进了5位, 位次上升3位): kind rank, a change
#: (升 alone as 上升: 较上年升5位, 从第12位升至第7位)
_RANK_MOVE = re.compile(rf"(?P<verb>前进|上升|提升|提高|跃升|进位|后退|下降|下滑|回落"
                        rf"|(?<![上提跃回])升)了?(?P<num>\d+|[{_CN_DIGITS}两]+)(?P<unit>个位次|位次|位|名)")
_RANK_WORDS = re.compile(r"排名|排位|位次|名次")
#: A movement between two ranks (位次由第一位下滑到第六位, 由一季度的第15位上升到第8位): the
#: ends are ``from`` and ``to``, paired; the direction is the verb's (下滑: the standing worsened
#: although the number grew), rule B1 of the third measurement set.  The base (二季度) is the
#: ``from`` end's period.
_RANK_SET = r"(?:全[市省州县区国盟])?"
_RANK_FROM_TO = re.compile(
    rf"(?:由|从)(?P<base>[^，。；,;！？!?第]{{0,{8}}}?)的?{_RANK_SET}"
    # the first end with 第 or with 位/名 (由2018年的全省53位前进到…)
    rf"(?:第(?P<a>\d+|[{_CN_DIGITS}]+)(?:位|名)?|(?P<a2>\d+)(?:位|名))"
    rf"(?P<verb>上升|提升|提高|跃升|前移|前进|进位|下滑|下降|后退|回落|滑落|降|升)(?:到|至)"
    # the later end's time, as the first end's (…前进到2019年的第16位, …上升到今年的第5位)
    rf"(?:[^，。；,;！？!?第]{{0,{8}}}?的?)?{_RANK_SET}"
    rf"第(?P<b>\d+|[{_CN_DIGITS}]+)(?P<unit>位|名)?")
_RANK_WORSE = ("下滑", "下降", "后退", "回落", "滑落", "降")
#: What may follow a rank without a verb or a further rank: a break, a conjunction of ranks,
#: the end.  第N followed by anything else is an ordinal (全市第二批, 全省第一家, 全县第一书记).
_RANK_END = r"(?=[，。；,;！？!?、和及与)）\s]|$)"
#: A rank without a verb, after the whole set it is taken in (群众安全感全市第一, 全省第23名,
#: 升幅全市第1): 全市, 全省, 全州, 全县, 全区, 全国 and up to ``MAX_RANK_SCOPE`` characters.
_RANK_SCOPED = re.compile(
    rf"(?P<scope>全[市省州县区国盟])[^，。；,;！？!?\d第]{{0,{MAX_RANK_SCOPE}}}?"
    rf"(?:第(?P<num>\d+|[{_CN_DIGITS}]+)(?P<unit>位|名)?|(?P<first>首位|榜首)){_RANK_END}")
#: A rank printed without 第 after 列/居/排 and the whole set (列全省56位, 居全市3名): a
#: count of people printed so (全市10名干部) has no such verb before its set.
_RANK_BARE = re.compile(rf"(?<=[列居排])(?P<scope>全[市省州县区国])(?P<num>\d{{1,3}})(?P<unit>位|名)"
                        rf"{_RANK_END}")
#: The ranks listed after a first one (位列全市第四、第四、第六; 分居全省第二和第三位; 第1、2名: the
#: later ones without 第 when 位 or 名 closes the list).
_RANK_NEXT = re.compile(rf"[、和及与](?:第|(?=(?:\d+|[{_CN_DIGITS}]+)(?:、(?:\d+|[{_CN_DIGITS}]+))*(?:位|名)))"
                        rf"(?P<num>\d+|[{_CN_DIGITS}]+)(?P<unit>位|名)?{_RANK_END}")
#: 位居前三位的工单：… : a header that introduces a list (a colon follows), no locality's rank
_LIST_HEADER = re.compile(r"的[^，,。；;：:]{1,8}[：:]")
#: A score: a number of 分 in a clause about an assessment (考核总分76.26分, 测评得分97.95分);
#: elsewhere 分 is a minute or a share (3分钟, 三分之一), never read as a score.
_FIRST_PLACE = re.compile(r"首位|榜首")  # ranks without a numeral (居全市首位)
_SCORE = re.compile(r"(?<![\d.时点])(?P<num>\d+(?:\.\d+)?)分(?![钟之类别期批])")
_SCORE_WORDS = re.compile(r"得分|总分|分数|评分|成绩|考核|测评|考评|评价|评估|打分|获得|获评")


def _rank_movement(sentence: str, m: re.Match[str], offset: int,
                   quotes: list[tuple[int, int]], *, pair: str) -> list[dict[str, object]]:
    """The two ends of a movement between ranks (``_RANK_FROM_TO``), or [] when a rank cannot
    be read whole."""
    first = "a" if m.group("a") else "a2"
    values = [numerals.read_number(m.group(g)) for g in (first, "b")]
    if None in values:
        return []
    name = metric_labels.figure_labels(sentence, m.start(), m.end(), "rank")[0].indicator
    direction = "down" if m.group("verb") in _RANK_WORSE else "up"
    base = m.group("base")
    rows = []
    for group, value, role in ((first, values[0], "from"), ("b", values[1], "to")):
        for row in _in_context([_row(sentence, name, value, m.group("unit") or "", "rank", None,
                                     False, value, "rank")], sentence, m.span(group), offset,
                               quotes):
            row.update(role=role, direction=direction, pair=pair)
            if base and PERIOD.fullmatch(base):  # the base is the from end's time only
                row["period"] = base if role == "from" else figure_period(
                    sentence, m.start(group), not_periods=(m.span("base"),))
            if role == "to" and str(row["period"] or "").startswith(("到", "至")):
                row["period"] = str(row["period"])[1:]  # 前进到2019年的第16位: of 2019年
            rows.append(row)
    return rows


def _rank(sentence: str, m: re.Match[str]) -> list[dict[str, object]] | None:
    """A rank row: value N (1 for 首位/榜首), kind rank; the indicator is what is ranked, the
    words before the verb (群众安全感测评排名全市第一 -> 群众安全感测评).  A top-N rank
    (居前3位) is value 3 with qualifier ``under`` (3rd or better); a range of ranks (居第4位至第7位)
    has value_low and value_high; a top-N that heads a list (位居前三位的工单：…) gives no row."""
    groups = m.groupdict()
    if groups.get("top"):
        if _LIST_HEADER.match(sentence, m.end()):
            return []
        value = numerals.read_number(m.group("top"))
        return None if value is None else [
            _row(sentence, metric_labels.figure_labels(sentence, m.start(), m.end(), "rank")[0]
                 .indicator, value, m.group("topunit") or "", "rank", "under", False, value,
                 "rank")]
    value = 1.0 if groups.get("first") else numerals.read_number(m.group("num"))
    high = numerals.read_number(groups["hi"]) if groups.get("hi") else None
    if value is None or groups.get("hi") and (high is None or high <= value):
        return None
    name = metric_labels.figure_labels(sentence, m.start(), m.end(), "rank")[0].indicator
    unit = m.group("unit") or ""
    return [_row(sentence, name, value, unit, "rank", None, False, value, "rank",
                 low=value if high else None, high=high)]


#: Shares printed as a ratio (三次产业结构比为25.72:26.84:47.44): parts joined by : or ∶ that
#: add up to 100 within ``SHARES_TOLERANCE`` (the rounding of the printed parts) are each a share
#: in %; other ratios (1:3, 男女比例103:100) are no shares and give no rows here.
SHARES_TOLERANCE = 0.5
_SHARES = re.compile(r"(?<![\d.:∶])\d+(?:\.\d+)?(?:[:∶]\d+(?:\.\d+)?)+(?![\d.:∶])")
_PART = re.compile(r"(?P<num>\d+(?:\.\d+)?)")


def _shares(sentence: str, m: re.Match[str]) -> list[dict[str, object]] | None:
    """Each part of a ratio of shares adding up to 100 (6.01:55.04:38.95): kind rate, no unit
    printed, ``value_std`` in %."""
    parts = [_PART.match(sentence, i.start() + m.start()) for i in _PART.finditer(m.group())]
    values = [numerals.read_number(part.group()) for part in parts if part]
    if len(values) < 2 or None in values or abs(sum(values) - 100) > SHARES_TOLERANCE:
        return None
    rows = []
    for part, value in zip(parts, values, strict=True):
        for row in _quantity_rows(sentence, part, value, ""):
            rows.append({**row, "kind": "rate", "unit_std": "%"})
    return rows


#: A streak fused into an idiom (考核七连冠, 粮食生产十一连增): the number of years or rounds in
#: a row, a count (set 2's 十七连冠, set 4's STREAK rows).
_STREAK = re.compile(rf"(?<![\d{_CN_ALL}])(?P<num>\d{{1,2}}|[{_CN_DIGITS}]{{1,3}})连"
                     r"(?P<word>冠|增|胜|涨|降|跌|升|丰|稳|创)")


def _streak(sentence: str, m: re.Match[str]) -> list[dict[str, object]] | None:
    value = numerals.read_number(m.group("num"))
    if value is None or value < 2:  # 一连 is no streak
        return None
    return [{**row, "kind": "count", "unit_std": ""}
            for row in _quantity_rows(sentence, m, value, "")]


#: A tally of how many items rose and how many fell (价格4涨6降, 消费量六增二降, 四升一降): two or
#: more numbers each followed by one character of a rise or a fall.  Each number counts items
#: (a ``count`` level with no direction of its own); in quotation marks the tally is a slogan
#: (“一升三降”) and no figure (``_QUOTED_NAME`` claims it first).
_TALLY_DIGITS = "一二三四五六七八九十两"
_TALLY_MEMBER = rf"(?P<num>\d+|[{_TALLY_DIGITS}]{{1,2}})[增减降涨跌升]"
_TALLY = re.compile(rf"(?<![\d.{_CN_ALL}])(?:(?:\d+|[{_TALLY_DIGITS}]{{1,2}})[增减降涨跌升]){{2,}}"
                    rf"(?![\d{_CN_ALL}])")
_TALLY_MEMBERS = re.compile(_TALLY_MEMBER)


def _tally(sentence: str, m: re.Match[str], offset: int,
           quotes: list[tuple[int, int]]) -> list[dict[str, object]]:
    """A count row for each number of a tally (``_TALLY``); none when a number cannot be read."""
    rows = []
    for member in _TALLY_MEMBERS.finditer(sentence, m.start(), m.end()):
        value = numerals.read_number(member.group("num"))
        if value is None:
            return []
        name = metric_labels.figure_labels(sentence, member.start(), member.end(),
                                           "count")[0].indicator
        for row in _in_context([_row(sentence, name, value, "", "count", None, False, value,
                                     "")], sentence, member.span(), offset, quotes):
            row.update(role="level", direction=None)
            rows.append(row)
    return rows


_FORMS: list[tuple[re.Pattern[str], object]] = [
    (_PER_WORDS, _per_words), (_FRACTION, _fraction), (_DOUBLING, _doubling),
    (_YUAN_JIAO, _yuan_jiao), (_RANGE, _range), (_CHENG, _cheng), (_SHARES, _shares),
    (_GE_YI, _ge_yi)]
#: The scans of each sentence that ``re`` would try at every character (they open with a
#: lookbehind or an optional group), tried only where a match can start, and not at all in a
#: sentence without a character every match holds (``regex_scan``: the same matches)
_FORMS_SCAN = [(prefilter(pattern), reader) for pattern, reader in _FORMS]
_DATE_SCAN = prefilter(_DATE)
_RANK_SCAN = prefilter(_RANK)
#: ... and those that a sentence lacking a character every match holds (连, 半, 分, 第) skips
_QUANTITY_SCAN, _SCORE_SCAN, _STREAK_SCAN, _HALF_SCAN, _RANK_FROM_TO_SCAN = map(
    prefilter, (_QUANTITY, _SCORE, _STREAK, _HALF, _RANK_FROM_TO))


def _quantity_rows(sentence: str, m: re.Match[str], value: float, unit: str, *,
                   change: bool | None = None, value_std: float | None = None,
                   low: float | None = None, high: float | None = None,
                   qualifier: str | None = None) -> list[dict[str, object]]:
    kind, unit_std, factor = unit_factor(unit)
    qualifier = qualifier or _qualifier(m)
    before, _ = _clause_before(sentence, m.start())
    if change is None:
        change = bool(_CHANGE.search(before[-8:])) and not re.search(r"[至到]$", before)
        if unit in ("个百分点", "百分点"):
            change = True
    if value_std is None:
        value_std = float(Decimal(repr(value)) * Decimal(repr(factor)))
    rows = []
    for label in _indicators(sentence, m, kind, unit):
        row = _row(sentence, label.indicator, value, unit, kind, qualifier, change,
                   round(value_std, 6) if math.isfinite(value_std) else None, unit_std, low,
                   high)
        rows.append({**row, "object": label.object, "action": label.action})
    return rows


def _indicators(sentence: str, m: re.Match[str], kind: str,
                unit: str = "") -> list[metric_labels.Label]:
    """What a quantity measures: its indicator, object and action (``helpers.metric_labels``);
    one label per indicator when a value serves several (信访及时受理率、办结率均为 100%)."""
    return metric_labels.figure_labels(sentence, m.start(), m.end(), kind, unit,
                                       unit_printed=bool(m.groupdict().get("unit")))


# --- comparison ------------------------------------------------------------------------------

@functools.lru_cache(maxsize=1)
def load_families() -> list[tuple[str, re.Pattern[str], frozenset[str]]]:
    """Indicator families (``config.INDICATOR_FAMILIES``): (family, pattern, kinds), in order;
    ``kinds`` empty when the family takes figures of any kind."""
    import yaml

    data = yaml.safe_load(config.INDICATOR_FAMILIES.read_text(encoding="utf-8"))
    return [(f["family"], re.compile("|".join(re.escape(str(s)) for s in f["suffixes"])),
             frozenset(f.get("kinds") or ())) for f in data["families"]]


#: Indicators whose family is kept: a report repeats its names, and each is searched for the
#: suffixes of every family in turn (issue 16)
FAMILY_CACHE_SIZE = 8192


@functools.lru_cache(maxsize=FAMILY_CACHE_SIZE)
def indicator_family(indicator: str | None, kind: str | None = None) -> str | None:
    """The family of comparable indicators an indicator belongs to (pass rate, satisfaction …):
    the first whose suffixes it contains and, when the family names kinds and ``kind`` is
    given, whose kinds hold it."""
    if not indicator:
        return None
    for family, pattern, kinds in load_families():
        if pattern.search(indicator) and not (kinds and kind is not None and kind not in kinds):
            return family
    return None


#: The roles that are a level the locality reports having reached: a plain level and the new
#: level of a movement (提高到85%).  Baselines (from), targets, limits, completions, changes and
#: ranks are never compared as levels.
LEVEL_ROLES = ("level", "to")


def is_level(metrics: pd.DataFrame) -> pd.Series:
    """Rows that are levels a locality reports (``LEVEL_ROLES``), outside quotations, no change:
    the only figures compared across localities, drawn as levels or counted for heaping."""
    role = metrics["role"] if "role" in metrics.columns else pd.Series("level", metrics.index)
    quoted = metrics["quoted"] if "quoted" in metrics.columns else pd.Series(False, metrics.index)
    return role.isin(LEVEL_ROLES) & ~quoted.astype(bool) & ~metrics["change"]


def indicator_table(metrics: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Tidy table of reported indicators across localities: one row per metric with its locality,
    level, prefecture, the article's date, the indicator family and what the figure is (role,
    direction, period); dates left out."""
    wanted = [c for c in ("locality", "level", "prefecture", "province", "published")
              if c in articles.columns]
    places = articles.set_index("article_id")[wanted]
    table = metrics[metrics["kind"] != "date"].join(places, on="article_id")
    if "family" not in table.columns:
        table = table.assign(family=[indicator_family(i, k) for i, k in
                                     zip(table["indicator"], table["kind"], strict=True)])
    cols = [c for c in ("locality", "level", "prefecture", "published", "article_id", "para_no",
                        "indicator", "family", "kind", "role", "direction", "value", "unit",
                        "qualifier", "change", "value_std", "unit_std", "period", "quoted",
                        "pair", "sentence") if c in table.columns]
    return table[cols].reset_index(drop=True)


def rates_by_locality(metrics: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Reported rate levels side by side: one row per indicator family and locality, with how
    many figures, their mean, minimum and maximum.  Levels only (``LEVEL_ROLES``): never a
    baseline, a target, a ceiling, a completion share or a change, nor a figure in quotation."""
    table = indicator_table(metrics[is_level(metrics)], articles)
    rates = table[(table["kind"] == "rate") & (table["unit_std"] == "%")]
    rates = rates.assign(family=rates["family"].fillna("other rates"))
    out = (rates.groupby(["family", "locality"], dropna=False)["value_std"]
           .agg(figures="count", mean="mean", min="min", max="max").reset_index())
    return out.sort_values(["family", "locality"], ignore_index=True)


def widest_family(rates: pd.DataFrame) -> str | None:
    """The named family whose rate levels come from the most localities (``rates_by_locality``'s
    table; ties broken by name), the natural first comparison; None when there is none."""
    named = rates[rates["family"] != "other rates"]
    if named.empty:
        return None
    spread = named.groupby("family")["locality"].nunique()
    return str(spread.sort_index().sort_values(ascending=False, kind="stable").index[0])


def compare_family(metrics: pd.DataFrame, articles: pd.DataFrame, family: str) -> pd.DataFrame:
    """One indicator family across localities, levels only (``LEVEL_ROLES``), each figure with
    its sentence: like compared with like, and every value a call away from its source."""
    table = indicator_table(metrics[is_level(metrics)], articles)
    table = table[table["family"] == family]
    return table.sort_values(["locality", "value_std", "article_id", "para_no"],
                             ignore_index=True, na_position="last")


def targets_vs_achievements(metrics: pd.DataFrame) -> pd.DataFrame:
    """Targets and what was achieved against them, where a report prints both: one row per
    ``pair`` holding a target (``helpers.metric_pairs``: 目标任务50亿元 … 已完成42亿元), with
    ``ratio`` = achieved / target, or the pair's printed completion share when no amount done is
    printed (完成市下达任务100亿的100.2%: ``achieved`` NaN, ``ratio`` 1.002); and one row per
    completion share outside any pair (完成年度目标的87%) with ``ratio`` 0.87 and no target.
    Values in standard units."""
    cols = ["article_id", "para_no", "indicator", "family", "unit_std", "target", "achieved",
            "ratio", "period_target", "period_achieved", "sentence"]
    rows = []
    if "pair" in metrics.columns:
        paired = metrics[metrics["pair"].notna()]
        for _pair, group in paired.groupby("pair", sort=False):
            target = group[group["role"] == "target"]
            done = group[group["role"].isin(("level", "to"))]
            share = group[(group["role"] == "completion") & (group["unit_std"] == "%")]
            if target.empty or done.empty and share.empty:
                continue
            # the amount done against the task where printed, else the printed share of it
            # (完成市下达任务100亿的100.2%: helpers.metric_pairs)
            t, d = target.iloc[0], (done if not done.empty else share).iloc[0]
            achieved = d["value_std"] if not done.empty else float("nan")
            ratio = (achieved / t["value_std"] if not done.empty and t["value_std"]
                     else d["value_std"] / 100 if done.empty else float("nan"))
            rows.append([t["article_id"], t["para_no"], t["indicator"], t["family"],
                         t["unit_std"], t["value_std"], achieved, ratio, t["period"],
                         d["period"], t["sentence"] if t["sentence"] == d["sentence"]
                         else f"{t['sentence']}{d['sentence']}"])
        shares = metrics[(metrics["role"] == "completion") & metrics["pair"].isna()
                         & (metrics["unit_std"] == "%")]
        for _, r in shares.iterrows():
            rows.append([r["article_id"], r["para_no"], r["indicator"], r["family"], "%",
                         float("nan"), r["value_std"], r["value_std"] / 100, None, r["period"],
                         r["sentence"]])
    out = pd.DataFrame(rows, columns=cols)
    return out.astype({"target": "float64", "achieved": "float64", "ratio": "float64"})


def heaping_summary(metrics: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """How reported rates heap: the share exactly 100% and at or above 95%, the distribution of
    last digits, and the passages behind each figure (rate levels in %: no changes, targets,
    baselines, ceilings or quoted figures)."""
    rates = metrics[(metrics["kind"] == "rate") & is_level(metrics)
                    & (metrics["unit_std"] == "%")].copy()
    n = len(rates)
    summary = pd.DataFrame({
        "measure": ["rates reported", "exactly 100%", "at least 95%", "whole numbers",
                    "ending in 0 or 5"],
        "count": [n, int((rates["value_std"] == 100).sum()), int((rates["value_std"] >= 95).sum()),
                  int((rates["value"] % 1 == 0).sum()),
                  int(rates["value"].map(lambda v: _last_digit(v) in (0, 5)).sum())],
    })
    summary["share"] = summary["count"] / n if n else float("nan")
    digits = rates["value"].map(_last_digit).value_counts().reindex(range(10), fill_value=0)
    last = pd.DataFrame({"last digit": range(10), "count": digits.to_numpy()})
    passages = rates[["article_id", "para_no", "indicator", "value", "qualifier", "sentence"]]
    return {"summary": summary, "last_digits": last,
            "passages": passages.sort_values(["value", "article_id", "para_no"],
                                             ascending=[False, True, True], ignore_index=True)}


def _last_digit(value: float) -> int:
    """The last printed digit of a reported number (98.6 -> 6, 100 -> 0, 87.5 -> 5)."""
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return int(text[-1])
