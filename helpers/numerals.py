"""Printed numbers read whole, or not at all.

One job: turn the text of one printed number into its value -- Arabic numerals with ASCII or
full-width thousands separators (``82，225.00``), Chinese and financial numerals (二千三百四十五,
壹万二千三百四十五, 肆佰叁拾萬), mixed forms (``1.2万``, ``25万6千``), fractions (三分之一) and
the vague pairs of neighbouring digits (三五百 = 300 to 500) -- and say where a printed number
is cut by layout spaces so badly that it cannot be read (``12 34``).  When the text is not one
number read whole the answer is None: a wrong or partial value is worse than none, because a
researcher cannot see it in a table of thousands of figures.

Chinese numerals go through ``cn2an`` (the maintained converter; it reads place values,
colloquial 三万五 = 35000 and financial digits right); this module only decides what is handed
to it: separators checked, trailing magnitudes (万, 亿, 万亿) multiplied exactly in decimal, and
digit-by-digit strings (一二, 九九) refused, since cn2an reads those as 12 and 99 while in a
report they are years (dates) or a vague 'one or two'.
"""

from __future__ import annotations

import functools
import math
import re
import sys
from decimal import Decimal, InvalidOperation

#: The most significant digits a value may have: float64 keeps 15 (``sys.float_info.dig``)
#: exactly as printed; a longer one would be stored with other digits than the page prints.
MAX_DIGITS = sys.float_info.dig

CN_DIGITS = "零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖廿"
CN_PLACES = "十百千拾佰仟"
CN_MAGNITUDES = "万亿萬億"
CN_NUMERALS = CN_DIGITS + CN_PLACES + CN_MAGNITUDES
#: the value of each magnitude character (萬 and 億 are the financial forms of 万 and 亿)
MAGNITUDES = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
_PLACE_VALUES = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_DIGIT_VALUES = {ch: i for i, chars in enumerate(
    ["零〇", "一壹", "二两贰", "三叁", "四肆", "五伍", "六陆", "七柒", "八捌", "九玖"])
    for ch in chars}

# -- regex sources (no capture groups: callers wrap them in their own) --------------------------
#: Arabic digits, with thousands separators only where every group after the first has
#: exactly three digits (82,225 / 82，225.00); otherwise a comma separates a list (3，5).
ARABIC = r"\d{1,3}(?:[,，]\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?"
#: The SI prefixes that are also Chinese numerals, with the base units (their names in the
#: legal units of measurement, GB 3100-1993) each is printed before in reports: 千 (kilo-) before
#: any of them (千克, 千米, 千瓦, 千瓦时, 千伏安, 千帕, 千焦, 千卡, 千赫, 千升), 百 (hecto-) only in
#: air pressure (950百帕: 百米 and 百克 are read as 100 of the unit, the same quantity).  There
#: the character is part of the unit, never a magnitude: read as one, 950百帕 was 95,000 of a
#: unit 百 (a silently wrong value).  A magnitude before an unknown word stays a magnitude
#: (5千字 is 5000 characters): only a unit of this table takes the prefix.
SI_BASE_UNITS = ("米", "克", "瓦时", "瓦", "伏安", "伏", "帕", "焦", "卡", "赫兹", "赫", "升")
SI_PREFIXED_BASES = {"千": SI_BASE_UNITS, "百": ("帕",)}
#: Each prefixed unit and its prefix's factor (千克: 1000 克).
SI_PREFIX_FACTORS = {"千": 1000.0, "百": 100.0}
PREFIXED_UNITS = frozenset(prefix + base for prefix, bases in SI_PREFIXED_BASES.items()
                           for base in bases)


def not_before_prefixed_unit(prefix: str) -> str:
    """The regex of ``prefix`` read as a numeral: not where it begins a prefixed unit (千 but
    not the 千 of 千瓦时)."""
    bases = "|".join(sorted(SI_PREFIXED_BASES.get(prefix, ()), key=lambda b: (-len(b), b)))
    return f"{prefix}(?!{bases})" if bases else prefix


_PREFIXED = f"{not_before_prefixed_unit('千')}|{not_before_prefixed_unit('百')}"
_CN_CHAR = rf"(?:[{CN_DIGITS}{CN_PLACES.replace('千', '').replace('百', '')}{CN_MAGNITUDES}]|{_PREFIXED})"
_CN_PLACE = rf"(?:[{CN_PLACES.replace('千', '').replace('百', '')}{CN_MAGNITUDES}]|{_PREFIXED})"
#: one printed number: Arabic-led (1.2万, 25万6千, 2千零30万 -- the digits after the first
#: are Arabic too, so 10万一批 stops at 10万) or Chinese-led (二千三百四十五, 二点四, 一百点5)
NUMBER = (rf"(?:(?:{ARABIC})(?:{_CN_PLACE}+零?\d+(?:\.\d+)?)*{_CN_PLACE}*"
          rf"|{_CN_CHAR}+(?:点(?:[{CN_DIGITS}]+|\d+))?)")

_NUMBER_RE = re.compile(NUMBER)
_GROUPED = re.compile(r"\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?")
_PLAIN = re.compile(r"\d+(?:\.\d+)?")
_TRAILING_MAGNITUDE = re.compile(rf"^(?P<core>.*?)(?P<mag>[{CN_MAGNITUDES}]+)$")
_SIGN = re.compile(r"^(?:[-－−]|负)")
_FRACTION = re.compile(r"^(?P<den>[^分]+)分之(?P<num>[^分]+)$")
#: two neighbouring digits before a place value: 三五百 (300 to 500), 七八十 (70 to 80);
#: without a place value (三五成群, 一二线城市) such pairs are words, not figures
_VAGUE = re.compile(rf"^(?P<a>[一二三四五六七八九])(?P<b>[二三四五六七八九])"
                    rf"(?P<place>[{CN_PLACES}{CN_MAGNITUDES}]+)$")


#: Printed numbers whose value is kept: a report prints the same numbers again (years, small
#: counts, 100%), and each reading runs several patterns and cn2an (issue 16)
NUMBER_CACHE_SIZE = 8192


@functools.lru_cache(maxsize=NUMBER_CACHE_SIZE)
def read_number(text: str) -> float | None:
    """The value of one printed number, read whole; None when ``text`` is not exactly one
    readable number (a partial reading is never returned)."""
    text = close_spaces(text.strip())
    if re.search(r"\s", text) or not text:
        return None  # pieces that may be two numbers: not one number
    sign = 1
    if _SIGN.match(text):
        sign, text = -1, _SIGN.sub("", text, count=1)
    fraction = _FRACTION.match(text)
    if fraction:
        den, num = read_number(fraction["den"]), read_number(fraction["num"])
        if den is None or num is None or den == 0:
            return None
        return sign * num / den
    value = _read_unsigned(text)
    return None if value is None else sign * value


def _read_unsigned(text: str) -> float | None:
    if _GROUPED.fullmatch(text) or _PLAIN.fullmatch(text):
        digits = re.sub(r"\D", "", text.split(".")[0]) + (text.split(".")[1] if "." in text
                                                           else "")
        if len(digits.lstrip("0")) > MAX_DIGITS:
            return None
        return _finite(Decimal(re.sub(r"[,，]", "", text)))
    if re.search(r"[,，]", text):
        if not re.match(ARABIC, text) or re.match(ARABIC, text).group() == text:
            return None
        head = re.match(ARABIC, text).group()  # 1,100万: the grouped Arabic part, then 万
        if not _GROUPED.fullmatch(head):
            return None
        text = head.replace(",", "").replace("，", "") + text[len(head):]
    trailing = _TRAILING_MAGNITUDE.match(text)
    # 4.78万亿 = 4.78 × 10^12; but 四十五亿四千零四万 holds a magnitude before its last one
    # and is read whole (45亿 + 4004万), never as (45亿4004) × 万
    if trailing and trailing["core"] and not re.search(rf"[{CN_MAGNITUDES}]", trailing["core"]):
        core = _read_unsigned(trailing["core"])
        if core is None:
            return None
        factor = math.prod(MAGNITUDES[ch] for ch in trailing["mag"])
        return _finite(Decimal(repr(core)) * factor)
    if not re.fullmatch(rf"[\d.{CN_NUMERALS}点]+", text):
        return None
    integer = text.split("点")[0].split(".")[0]
    if (len(integer) > 1 and not re.search(rf"[{CN_PLACES}{CN_MAGNITUDES}廿]", integer)
            and not integer.isdigit()):
        return None  # 一二, 九九, 一七二零: digit by digit (a year or a vague pair)
    try:
        import cn2an  # the maintained reader of Chinese numerals (place values, 大写 digits)

        value = cn2an.cn2an(text, "smart")
    except (ValueError, KeyError, TypeError, IndexError, OverflowError):
        return None
    return _finite(Decimal(str(value)))


def _finite(value: Decimal) -> float | None:
    """A float of ``value`` when it can be stored as printed (below 10^15)."""
    try:
        out = float(value)
    except (InvalidOperation, OverflowError):
        return None
    return out if math.isfinite(out) and abs(out) < 10.0 ** MAX_DIGITS else None


def read_vague(text: str) -> tuple[float, float] | None:
    """The low and high ends of a pair of neighbouring digits before a place value
    (三五百 -> 300, 500; 七八十 -> 70, 80; 四五千 -> 4000, 5000); None otherwise."""
    m = _VAGUE.match(text)
    if not m:
        return None
    a, b = _DIGIT_VALUES[m["a"]], _DIGIT_VALUES[m["b"]]
    if not (b == a + 1 or (a, b) == (3, 5)):  # the pairs in use: 一二 … 八九, and 三五
        return None
    place = read_number("一" + m["place"])
    if place is None:
        return None
    return a * place, b * place


def split_magnitude(number: str) -> tuple[str, str]:
    """A printed number and the magnitude printed at its end (300万 -> 300, 万; 1.2万亿 ->
    1.2, 万亿; 3千万 -> 3, 千万; 二千三百万 -> 二千三百, 万), so that the value stays as printed
    and the magnitude joins the unit.  A Chinese numeral keeps its place values (三千 -> 三千, '');
    an Arabic one gives up a trailing 千 or 百 too (3千 -> 3, 千)."""
    m = re.match(rf"^(?P<core>.*?)(?P<mag>[{CN_MAGNITUDES}]*)$", number)
    core, mag = m["core"], m["mag"]
    if re.search(rf"[{CN_MAGNITUDES}]", core):
        return number, ""  # 1亿2000万, 四十五亿四千零四万: the magnitudes are inside the number
    if core and core[-1] in "千百" and len(core) > 1 and core[-2].isdigit():
        core, mag = core[:-1], core[-1] + mag
    if not core:
        return number, ""
    return core, mag


# -- layout spaces ------------------------------------------------------------------------------
_BETWEEN_DIGITS = re.compile(r"(?P<left>[\d.]*\d\.?)(?P<gap>[ \t]+)(?=(?P<right>\.?\d[\d.]*))")
# the characters of Chinese numerals and of the words around them (百分之, 个百分点, 成, 余):
# a space between two of them is layout; a space between other words may be printed on purpose
# (a slogan's two halves) and stays
_NUMBER_WORDS = CN_NUMERALS + "点分之成个余多半"


def _gap_kind(left: str, right: str) -> str:
    """How to read a space between two digit runs: "join" (one number cut by layout),
    "apart" (two numbers) or "unsure" (could be either: read neither)."""
    if left.endswith(".") or right.startswith("."):
        return "join"  # 28. 1: a number never ends in a point
    if "." in left:
        return "apart"  # 98.6 99.2: the left number is complete
    if len(left) <= 3 and re.fullmatch(r"\d{3}(?:\.\d+)?", right):
        return "join"  # 1 234: a space as thousands separator (three digits after it)
    return "unsure"


_LAYOUT_SPACE = re.compile("[ \t\u3000]")


def close_spaces(text: str) -> str:
    """``text`` with the layout spaces inside printed numbers removed.

    A space between a number and its unit, magnitude or qualifier (``4500 余万元``), before
    a number, or between two characters of a Chinese numeral and its words (``百 分 之 五``,
    ``四点 五个百分点``) is layout.  Between two digit runs the space is removed only where the
    pieces cannot be two numbers (``28. 1``, ``1 234``); elsewhere it stays, and
    ``unsure_spans`` names the pieces no number may be read from.
    """
    if _LAYOUT_SPACE.search(text) is None:
        return text  # (each space closed below is one of these: most texts have none)
    out = _BETWEEN_DIGITS.sub(
        lambda m: m["left"] + ("" if _gap_kind(m["left"], m["right"]) == "join" else m["gap"]),
        text)
    out = re.sub(rf"(?<=[{_NUMBER_WORDS}])[ \t\u3000]+(?=[{_NUMBER_WORDS}])", "", out)
    return re.sub(r"(?<=\d)[ \t]+(?=[^\d\s.])|(?<=[^\d\s])[ \t]+(?=\d)", "", out)


#: A space between two Chinese characters (同 期 增 长, from a page's justified layout): Chinese
#: puts no spaces between words, so it is layout and would part the words a figure is read by.
_SPACE_IN_WORDS = re.compile(r"(?<=[\u4e00-\u9fff])[ \t\u3000]+(?=[\u4e00-\u9fff])")


def close_word_spaces(text: str) -> str:
    """``text`` with the layout spaces between two Chinese characters removed (较2019年同 期 增
    长98.3% → 较2019年同期增长98.3%)."""
    return _SPACE_IN_WORDS.sub("", text)


#: A middle dot between digits before a percent sign is a decimal point set in the wrong font
#: (价格上涨1·8%); elsewhere it parts the day of a named date (3·15, 5·12), never read as a number.
_DECIMAL_DOT = re.compile(r"(?<=\d)[·•・](?=\d+\s*(?:%|‰|％|个百分点))")


def close_decimal_dots(text: str) -> str:
    """``text`` with the middle dots used as decimal points of rates read as points (1·8% →
    1.8%); the same length, so positions stay."""
    return _DECIMAL_DOT.sub(".", text)


def unsure_spans(text: str) -> list[tuple[int, int]]:
    """Spans of digit runs separated by a space that may be one number or two (``12 34``):
    no value may be read from them (after ``close_spaces``)."""
    spans = []
    for m in re.finditer(r"(?P<left>[\d.,，]*\d)[ \t]+(?P<right>\d[\d.,，]*)", text):
        if _gap_kind(m["left"], m["right"]) == "unsure":
            spans.append(m.span())
    return spans


def find_numbers(text: str) -> list[tuple[int, int, float | None]]:
    """Every printed number in ``text`` (start, end, value or None when unreadable)."""
    return [(m.start(), m.end(), read_number(m.group())) for m in _NUMBER_RE.finditer(text)]
