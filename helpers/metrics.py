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
"""

from __future__ import annotations

import functools
import math
import re
import sys

import pandas as pd

from helpers import config
from helpers.corpus import iter_paragraphs
from helpers.text import is_cjk, normalize_text, tokenize
from helpers.text.pos import pos_tagger

METRIC_COLUMNS = ["article_id", "para_no", "sentence", "indicator", "value", "unit", "kind",
                  "qualifier", "change", "value_std", "unit_std"]

_CN_DIGITS = "零〇一二两三四五六七八九十百千"
_NUM = rf"(?:\d+(?:,\d{{3}})*(?:\.\d+)?|[{_CN_DIGITS}]+)"
#: The most digits a printed number may have to be read.  A decimal of up to
#: ``sys.float_info.dig`` (15) significant digits comes back from a float64 exactly as printed;
#: a longer one would be stored with other digits than the page prints, and one of ~309 digits
#: as ``inf``.  Reported figures stay far below: the largest, budgets in 元, have 12 digits.
MAX_NUMBER_DIGITS = sys.float_info.dig
# a run of digits (or Chinese numerals, which without 万/亿 stay below 10^4 unless written digit
# by digit) too long to be read whole: no part of it may be read as a quantity or a date
_TOO_LONG = re.compile(
    rf"\d(?:[,.]?\d){{{MAX_NUMBER_DIGITS},}}|[{_CN_DIGITS}]{{{MAX_NUMBER_DIGITS + 1},}}")
# a minus sign directly before an Arabic number; after a digit, a letter, a point or a percent
# sign, a hyphen joins a range (1-3月, 5%-8%) or a code (G-12) instead
_SIGN = r"(?<![0-9A-Za-z.%‰℃°])[-－−](?=\d)"
_MAGNITUDES = {"万": 1e4, "亿": 1e8, "千": 1e3, "百万": 1e6, "千万": 1e7, "百": 1e2}
_MAGNITUDES_LONGEST_FIRST = sorted(_MAGNITUDES, key=len, reverse=True)

# unit -> (kind, standard unit, factor to the standard unit); longest units first in the regex
UNITS: dict[str, tuple[str, str, float]] = {
    "%": ("rate", "%", 1.0), "‰": ("rate", "%", 0.1),
    "个百分点": ("rate", "pp", 1.0), "百分点": ("rate", "pp", 1.0),
    "元": ("money", "元", 1.0), "块钱": ("money", "元", 1.0),
    "平方公里": ("area", "m²", 1e6), "平方米": ("area", "m²", 1.0), "平米": ("area", "m²", 1.0),
    "亩": ("area", "m²", 10000 / 15), "公顷": ("area", "m²", 1e4),
    "立方米": ("volume", "m³", 1.0),
    "吨": ("weight", "kg", 1000.0), "公斤": ("weight", "kg", 1.0), "千克": ("weight", "kg", 1.0),
    "斤": ("weight", "kg", 0.5),
    "公里": ("length", "m", 1000.0), "千米": ("length", "m", 1000.0), "米": ("length", "m", 1.0),
    "岁": ("age", "岁", 1.0),
    "个多月": ("duration", "月", 1.0), "个月": ("duration", "月", 1.0), "年多": ("duration", "年", 1.0),
    "年": ("duration", "年", 1.0), "天": ("duration", "天", 1.0), "小时": ("duration", "小时", 1.0),
    "个工作日": ("duration", "天", 1.0), "分钟": ("duration", "分钟", 1.0),
    "周": ("duration", "周", 1.0), "个季度": ("duration", "季度", 1.0),
}
# measure words of counts (the unit of a count is its measure word)
COUNT_WORDS = ["人次", "家次", "批次", "户次", "架次", "余人", "个", "件", "户", "人", "名", "位",
               "家", "起", "项", "份", "栋", "艘", "辆", "场", "次", "条", "处", "所", "座", "宗",
               "批", "台", "套", "支", "株", "头", "只", "篇", "期", "间", "张", "本", "例", "根",
               "块", "种", "类", "组", "村", "镇", "所", "门", "万人"]
_UNIT_ALT = "|".join(re.escape(u) for u in sorted(set(UNITS) | set(COUNT_WORDS), key=len,
                                                   reverse=True))
_QUANTITY = re.compile(
    rf"(?P<pre>大约|将近|接近|超过|不足|不到|不超过|约|近|逾|达)?(?P<sign>{_SIGN})?"
    rf"(?P<num>{_NUM})(?P<more>余|多)?(?P<mag>千万|百万|万|亿|千(?![克米瓦]))?(?P<more2>余|多)?"
    rf"(?P<unit>{_UNIT_ALT})?(?P<post>左右|上下|以上|以下|之多)?"
)
_EARLIER_COUNT = re.compile(
    r"\d+(?:\.\d+)?(?:余|多)?(?:万|亿)?(?:" + "|".join(
        re.escape(w) for w in sorted(COUNT_WORDS, key=len, reverse=True)) + ")")
_IMPLICIT_ONE = re.compile(r"(?P<pre>近|约|上)(?P<mag>百万|千万|万|千|亿)(?P<unit>元|人次|人|户|名)")
_DATE = re.compile(
    r"(?:(?:今年|去年|明年)?(?:\d{4}|[〇零一二三四五六七八九]{4})年度?"
    r"(?:\d{1,2}月(?:\d{1,2}日)?)?|(?:今年|去年|明年)?\d{1,2}月(?:\d{1,2}日)?|\d{1,2}日)"
    r"(?:底|初|中旬|上旬|下旬|以来|前后)?"
    r"|(?:上午|下午|晚上|凌晨|中午)?\d{1,2}时(?:许)?"
    r"|前?[一二三四1-4]季度"
    r"|\d{1,2}·\d{1,2}"  # 3·15 消费者权益日
)
_SKIP = re.compile(r"\d+\+[\dA-Za-z]+|[A-Za-z]+\d+(?:\.\d+)?|第[\d" + _CN_DIGITS + r"]+|党的十[一-九]大")
# a character that every quantity, date and implicit one (近万元) holds
_ANY_NUMBER = re.compile(rf"[\d{_CN_DIGITS}万亿]")
_SENTENCES = re.compile(r"[^。！？]*[。！？]?")
_DELIMS = "，。；：、！？,;:（）()“”‘’《》"
_RATE_VERBS = ("均达到", "均达", "均为", "都达到", "都为", "分别为", "分别达", "达到", "提升至",
               "提高到", "提高至", "上升至", "下降至", "降至", "降低到", "稳定在", "保持在",
               "维持在", "达", "为", "是", "至")
_CHANGE = re.compile(r"(同比|环比|较上年|比上年)?(?:分别)?(增长|下降|提高|提升|降低|增加|减少|上升|"
                     r"下滑|回落|增收|减收|增幅|降幅)")
_LEADING = re.compile(
    r"^(?:今年以来|今年来|近年来|截至目前|截至|目前|至今|其中|同时|此外|另外|现在|如今|共计|共|累计|"
    r"已经|已|先后|连续三年来|全县|全市|全区|全镇|全乡|全省|全村|该县|该市|该区|该局|该镇|县里|"
    r"市里|现|还|均|都|已有|有|达)+"
)
_TRAILING_WORDS = frozenset(_RATE_VERBS) | {"共计", "共", "累计", "约", "近", "超过", "逾", "已",
                                             "达", "有", "新增", "均", "均为", "都", "分别"}
_QUALIFIERS = {"约": "approx", "近": "approx", "大约": "approx", "将近": "approx",
               "接近": "approx", "左右": "approx", "上下": "approx", "超过": "over", "逾": "over",
               "余": "over", "多": "over", "以上": "over", "之多": "over", "上": "over",
               "不足": "under", "不到": "under", "不超过": "under", "以下": "under"}


def to_number(text: str) -> float | None:
    """An Arabic or Chinese numeral as a number (1,234.5 / 二十 / 两 / 一百二十); None when it
    is no numeral or cannot be read whole (more than ``MAX_NUMBER_DIGITS`` digits, 10^15 or
    more: never ``inf``)."""
    if re.fullmatch(r"\d+(?:,\d{3})*(?:\.\d+)?", text):
        digits = sum(ch.isdigit() for ch in text)
        return float(text.replace(",", "")) if digits <= MAX_NUMBER_DIGITS else None
    try:
        import cn2an  # the maintained converter of Chinese numerals

        value = float(cn2an.cn2an(text, "smart"))
    except (ValueError, KeyError, TypeError, OverflowError):
        return None
    return value if math.isfinite(value) and abs(value) < 10.0 ** MAX_NUMBER_DIGITS else None


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
    """Drop scope words, time markers and verbs of reaching around an indicator phrase
    (全县消费品抽检合格率达 -> 消费品抽检合格率; 受理了群众困难诉求 -> 群众困难诉求)."""
    if "了" in clause:
        clause = clause[clause.rindex("了") + 1:]
    if rate and "对" in clause:  # 国家、省、市对该县农产品的安全监测合格率
        clause = clause[clause.rindex("对") + 1:]
    if rate:  # a change names what changed: 限上商贸同比增长 -> 限上商贸
        tail = _CHANGE.search(clause)
        if tail and len(clause) - tail.end() <= 1:
            clause = clause[:tail.start()]
    prev = None
    while prev != clause:
        prev = clause
        tokens = tokenize(clause)
        while tokens and tokens[-1] in _TRAILING_WORDS:  # 满意率为 -> 满意率; not 行为 -> 行
            tokens.pop()
        clause = "".join(tokens)
        clause = _LEADING.sub("", clause)
        clause = clause.lstrip("的对与和及 ").rstrip("的均 ")
    return clause


def _noun_phrase_after(text: str) -> str:
    """The noun phrase that follows a measure word (3 家企业 -> 企业, 两艘执法船 -> 执法船,
    60 个问题整改 -> 问题): content words up to a function word, without trailing verbs."""
    words: list[tuple[str, str]] = []
    for w in pos_tagger().cut(text[:12]):  # lazily: tagging stops at the break
        added = w.flag == "x" and all(is_cjk(ch) for ch in w.word)  # a dictionary addition
        if (w.flag[:1] in ("n", "v", "j", "b", "l", "a") and w.flag != "ad") or added:
            words.append((w.word, w.flag))
        else:
            break
    while words and words[-1][1][:1] in ("v", "a") and words[-1][1] not in ("vn", "an"):
        words.pop()
    return "".join(w for w, _ in words)


def _qualifier(m: re.Match[str]) -> str | None:
    for key in ("pre", "post", "more", "more2"):
        q = _QUALIFIERS.get(m.groupdict().get(key) or "")
        if q:
            return q
    return None


def extract_metrics(articles: pd.DataFrame) -> pd.DataFrame:
    """The metrics table (see docs/DESIGN.md): one row per reported quantity and indicator."""
    rows: list[dict[str, object]] = []
    for aid, para_no, para in iter_paragraphs(articles):
        for sentence_row in extract_from_text(para):
            rows.append({"article_id": aid, "para_no": para_no, **sentence_row})
    out = pd.DataFrame(rows, columns=METRIC_COLUMNS)
    out = out.astype({"para_no": "int64", "value": "float64", "value_std": "float64",
                      "change": "bool", "qualifier": object})
    out["qualifier"] = pd.Series([q if isinstance(q, str) else None for q in out["qualifier"]],
                                 index=out.index, dtype=object)
    return out


def extract_from_text(text: str) -> list[dict[str, object]]:
    """Quantities in one paragraph (the metrics columns without article_id and para_no)."""
    text = normalize_text(text)
    text = re.sub(r"(?<=[\d.])\s+(?=[\d.%万亿千百元个件户人名家])|(?<=\d)\s+|\s+(?=\d)", "", text)
    out: list[dict[str, object]] = []
    for offset, sentence in split_sentences(text):
        if _ANY_NUMBER.search(sentence) is None:
            continue  # every pattern below needs a digit or a numeral
        taken: list[tuple[int, int]] = [m.span() for m in _TOO_LONG.finditer(sentence)]
        for m in _SKIP.finditer(sentence):
            taken.append(m.span())
        for m in _DATE.finditer(sentence):
            if _overlaps(m.span(), taken) or not re.search(r"\d|[〇零一二三四五六七八九]{4}|季度",
                                                           m.group()):
                continue
            taken.append(m.span())
            first = re.match(r"(?:今年|去年|明年|上午|下午|晚上|凌晨|中午|前)?"
                             r"(\d+|[〇零一二三四五六七八九]{4}|[一二三四])\s*(年|月|日|时|·|季度)?",
                             m.group())
            value = to_number(first.group(1)) if first else None
            unit = {"·": "月·日", None: "日"}.get(first.group(2), first.group(2)) if first else ""
            out.append(_row(sentence, m.group(), value, unit, "date", None, False, None, "date"))
        for m in _IMPLICIT_ONE.finditer(sentence):
            if _overlaps(m.span(), taken):
                continue
            taken.append(m.span())
            out.extend(_quantity_rows(sentence, m, 1.0, m.group("mag") + m.group("unit")))
        for m in _QUANTITY.finditer(sentence):
            if not m.group("num") or _overlaps(m.span("num"), taken):
                continue
            row = _interpret(sentence, m)
            if row is not None:
                taken.append(m.span())
                out.extend(row)
    return out


def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(a < span[1] and span[0] < b for a, b in taken)


def _row(sentence: str, indicator: str, value: float | None, unit: str, kind: str,
         qualifier: str | None, change: bool, value_std: float | None,
         unit_std: str | None) -> dict[str, object]:
    return {"sentence": sentence, "indicator": indicator or None, "value": value, "unit": unit,
            "kind": kind, "qualifier": qualifier, "change": change,
            "value_std": value_std, "unit_std": unit_std}


def _interpret(sentence: str, m: re.Match[str]) -> list[dict[str, object]] | None:
    """Rows for one number match, or None when it is not a reported quantity.

    A Chinese numeral counts only with a unit or measure word (三人, 两艘, 近二十年) or as
    七大行动, and never alone as 一 / 百 / 千 (一批, 一站式, 百日, 千钧).
    """
    num = m.group("num")
    unit = m.group("unit") or ""
    if not num[0].isdigit():
        if num in ("一", "百", "千", "十"):
            return None
        if not unit:
            if sentence[m.end():m.end() + 1] == "大" and len(num) == 1:
                unit = "大"
            else:
                return None
    value = to_number(num)
    if value is None:
        return None
    if m.group("sign"):
        value = -value
    return _quantity_rows(sentence, m, value, (m.group("mag") or "") + unit)


def _quantity_rows(sentence: str, m: re.Match[str], value: float, unit: str
                   ) -> list[dict[str, object]]:
    mag = next((k for k in _MAGNITUDES_LONGEST_FIRST if unit.startswith(k)
                and unit != k), "") if unit not in UNITS and unit not in COUNT_WORDS else ""
    base = unit[len(mag):]
    factor = _MAGNITUDES.get(mag, 1.0)
    if base in UNITS:
        kind, unit_std, to_std = UNITS[base]
    elif base in COUNT_WORDS or base == "大":
        kind, unit_std, to_std = "count", base.removeprefix("余"), 1.0
    elif not base and mag:
        kind, unit_std, to_std = "other", "", 1.0
    else:
        kind, unit_std, to_std = "other", base, 1.0
    qualifier = _qualifier(m)
    before, _ = _clause_before(sentence, m.start())
    change = bool(_CHANGE.search(before[-8:])) and not re.search(r"[至到]$", before)
    if base in ("个百分点", "百分点"):
        change = True
    value_std = value * factor * to_std if kind != "date" else float("nan")
    indicators = _indicators(sentence, m, kind)
    return [_row(sentence, ind, value, unit, kind, qualifier, change,
                 round(value_std, 6) if math.isfinite(value_std) else None, unit_std)
            for ind in indicators]


def _indicators(sentence: str, m: re.Match[str], kind: str) -> list[str]:
    """What a quantity measures: for a count, the nouns after its measure word when there are
    any (3 家企业, 两艘执法船, 七大行动), else the phrase before it (群众困难诉求 399 件); for
    other kinds the phrase before it; one per indicator when a value serves several
    (信访及时受理率、办结率均为 100%)."""
    rate = kind == "rate"
    before, begin = _clause_before(sentence, m.start())
    name = _strip_indicator(before, rate)
    if rate and name.endswith("率") and begin > 0 and sentence[begin - 1] == "、":
        names = [name]
        j = begin - 1
        while j > 0 and sentence[j] == "、":
            prev, pbegin = _clause_before(sentence, j)
            prev = _strip_indicator(prev, rate)
            if not prev.endswith("率"):
                break
            names.insert(0, prev)
            j = pbegin - 1
        return names
    if kind == "count":
        end = m.end() + (1 if not m.group("unit") else 0)  # 七大行动: skip 大
        after = _noun_phrase_after(sentence[end:])
        if after:
            return [after]
    if not name:
        after = _clause_after(sentence, m.end())
        name = after.lstrip("的以上下左右之多") if rate else _noun_phrase_after(after)
    if not name and "了" in before:  # 向我借了1000块钱 -> 向我借
        name = before[:before.rindex("了")][-3:]
    return [name or (m.group("unit") or "")]


# --- comparison ------------------------------------------------------------------------------

@functools.lru_cache(maxsize=1)
def load_families() -> list[tuple[str, re.Pattern[str]]]:
    """Indicator families (``config.INDICATOR_FAMILIES``): (family, pattern), in order."""
    import yaml

    data = yaml.safe_load(config.INDICATOR_FAMILIES.read_text(encoding="utf-8"))
    return [(f["family"], re.compile("|".join(re.escape(s) for s in f["suffixes"])))
            for f in data["families"]]


def indicator_family(indicator: str | None) -> str | None:
    """The family of comparable indicators an indicator belongs to (pass rate, satisfaction …)."""
    if not indicator:
        return None
    for family, pattern in load_families():
        if pattern.search(indicator):
            return family
    return None


def indicator_table(metrics: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Tidy table of reported indicators across localities: one row per metric with its locality,
    prefecture and indicator family (dates left out)."""
    places = articles.set_index("article_id")[["locality", "prefecture", "province"]]
    table = metrics[metrics["kind"] != "date"].join(places, on="article_id")
    table = table.assign(family=table["indicator"].map(indicator_family))
    cols = ["locality", "prefecture", "article_id", "para_no", "indicator", "family", "kind",
            "value", "unit", "qualifier", "change", "value_std", "unit_std", "sentence"]
    return table[cols].reset_index(drop=True)


def rates_by_locality(metrics: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Reported rate levels (not changes) side by side: one row per indicator family and
    locality, with how many figures, their mean, minimum and maximum."""
    table = indicator_table(metrics, articles)
    rates = table[(table["kind"] == "rate") & ~table["change"] & (table["unit_std"] == "%")]
    rates = rates.assign(family=rates["family"].fillna("other rates"))
    out = (rates.groupby(["family", "locality"], dropna=False)["value_std"]
           .agg(figures="count", mean="mean", min="min", max="max").reset_index())
    return out.sort_values(["family", "locality"], ignore_index=True)


def heaping_summary(metrics: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """How reported rates heap: the share exactly 100% and at or above 95%, the distribution of
    last digits, and the passages behind each figure (rate levels in %, no changes)."""
    rates = metrics[(metrics["kind"] == "rate") & ~metrics["change"]
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
