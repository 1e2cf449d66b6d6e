"""Publication dates as database exports and news web pages print them -> ``datetime.date``.

``parse_date`` reads one cell: the forms below, whole, and nothing else.  ``find_date`` finds
the first full date in a short header line (``发布时间：2021-08-27 10:20``).  Both refuse
rather than guess: an impossible date, a month without a day, a year outside
``MIN_YEAR``..this year + ``MAX_YEARS_AHEAD``, and day/month orders that differ between
countries (``08/09/2021``) raise ``InputError`` naming the value and where it stood.

Accepted (digits may be full-width; spaces around 年月日, and one around - / ., are allowed)::

    2021-08-27   2021/8/27   2021.08.27   20210827   2021年8月27日   2021年08月27日 09:30
    27 August 2021   Aug 27, 2021   Fri Aug 27 09:30:15 CST 2021 (the month named: no confusion)
    2021-08-27 09:30:15   2021-08-27T09:30:15+08:00   二〇二一年八月二十七日   2021年8月27日 星期五

A time of day after the date is checked (a valid clock time) and dropped.  A timezone is never
applied: ``2021-08-27T23:30:00-05:00`` is 27 August, the date the publisher printed, not the
UTC date.  ``datetime``/``pandas.Timestamp``/``date`` objects give their own (local) date; an
XLSX date cell arrives as a ``datetime`` from openpyxl.  A bare number is read as its decimal
digits (so only ``20210827`` is a date): a serial day count such as 44435 is never converted,
since the same integer is a page number or an id in another column.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable

from helpers.errors import InputError

__all__ = ["MAX_YEARS_AHEAD", "MIN_YEAR", "find_date", "parse_date"]

#: The earliest year accepted.  The corpus is newspapers of the People's Republic (founded
#: 1949): an earlier year in a publication-date column is a typo or a two-digit year read wrong.
MIN_YEAR = 1949
#: Years after the current one accepted.  One: an issue dated 1 January that a database exported
#: on 31 December (time zones, pre-dated issues); anything later is a typo.
MAX_YEARS_AHEAD = 1

_Match = re.Match[str]

# -- the forms (matched on the NFKC form of the text: full-width digits and ：／－ are ASCII) --

# A clock time after a date, with optional seconds, fraction and ISO timezone: after a space
# or T (2021-08-27 09:30, 2021-08-27T09:30:15+08:00), or directly after 日 (2021年8月27日09:30).
_CLOCK = (
    r"(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:\.\d+)?)?"
    r"(?:\s*(?:Z|[+-]\d{2}:?\d{2}))?"
)
_TIME_AFTER_DIGIT = r"(?:(?:\s*T\s*|\s+)" + _CLOCK + r")?"
_TIME_AFTER_DAY_SIGN = r"(?:\s*" + _CLOCK + r")?"
# Year, month, day with one separator used twice: 2021-08-27, 2021/8/27, 2021.08.27; a site's
# template may set the separators apart with one space each (2023 - 05 - 03).
_SEPARATED = (r"(?P<year>\d{4}) ?(?P<sep>[-/.]) ?(?P<month>\d{1,2}) ?(?P=sep) ?"
              r"(?P<day>\d{1,2})")
# The weekday a Chinese date is often followed by (星期五, 周五); checked against the date.
_WEEKDAY = r"(?:\s*[(（]?\s*(?:星期|礼拜|周)(?P<weekday>[一二三四五六日天])\s*[)）]?)?"
_CHINESE = (
    r"(?P<year>\d{4})\s*年\s*(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*[日号]" + _WEEKDAY
)
# Year digit by digit (〇 U+3007 and the look-alike ○ U+25CB are both printed for zero),
# month and day as numbers (八, 十二, 二十七).
_CN_DIGIT_VALUES = {"〇": 0, "○": 0, "零": 0, **{ch: i for i, ch in enumerate("一二三四五六七八九", 1)}}
_CN_DIGITS = "".join(_CN_DIGIT_VALUES)
_CN_NUMBER = "[一二三四五六七八九十]{1,3}"
_CHINESE_NUMERALS = (
    f"(?P<year>[{_CN_DIGITS}]{{4}})\\s*年\\s*(?P<month>{_CN_NUMBER})\\s*月"
    f"\\s*(?P<day>{_CN_NUMBER})\\s*[日号]" + _WEEKDAY
)
# Eight digits: the compact form of exports (20210827).  Whole cells only: in a header line
# eight digits are as often an id or a telephone number.
_COMPACT = r"(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})"

# English dates of international databases (Factiva: 25 February 2020; LexisNexis: February 25,
# 2020) and of Java's Date.toString in scraped data (Tue Feb 25 08:50:37 CST 2020): the month is
# named, so day and month cannot be confused.  Whole cells only.
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")
_MONTH_NAME = r"(?P<mname>[A-Za-z]{3,9})\.?"
_WEEKDAY_EN = r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+)?"
_ENGLISH_FORMS = tuple(re.compile(p, re.IGNORECASE) for p in (
    _WEEKDAY_EN + r"(?P<day>\d{1,2})\s+" + _MONTH_NAME + r",?\s+(?P<year>\d{4})",
    _WEEKDAY_EN + _MONTH_NAME + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})",
    _WEEKDAY_EN + _MONTH_NAME + r"\s+(?P<day>\d{1,2})\s+" + _CLOCK + r"\s+[A-Z]{2,5}\s+"
    r"(?P<year>\d{4})",
))

# -- forms refused with their own message ------------------------------------------------------

# Day and month first (08/09/2021, 8-9-2021): 8 September in Britain, 9 August in the US.
_DAY_MONTH_YEAR = r"\d{1,2}(?P<sep>[-/.])\d{1,2}(?P=sep)(?:\d{4}|\d{2})"
# A month without its day: 2021年8月, 2021-08.
_MONTH_ONLY = r"\d{4}\s*年\s*\d{1,2}\s*月|\d{4}[-/.]\d{1,2}"

# A site's time stamp with the year apart (2025 12/01 08:54:15): year first, then month/day;
# only with its clock time, which makes the line a stamp rather than two numbers.
_YEAR_APART = r"(?P<year>\d{4})\s+(?P<month>\d{1,2})\s*/\s*(?P<day>\d{1,2})\s+" + _CLOCK

_WHOLE_FORMS: tuple[tuple[re.Pattern[str], bool], ...] = (  # (pattern, numerals are Chinese)
    (re.compile(_SEPARATED + _TIME_AFTER_DIGIT), False),
    (re.compile(_YEAR_APART), False),
    (re.compile(_CHINESE + _TIME_AFTER_DAY_SIGN), False),
    (re.compile(_COMPACT), False),
    (re.compile(_CHINESE_NUMERALS), True),
)
# In running text a form must not sit inside a longer number (12021-08-27, 2021-08-275).
# 年 and 月 printed but the 日 left out before a clock time (2013年05月06 16:08:26), as some site
# templates print the publication time.
_CHINESE_NO_DAY_SIGN = (r"(?P<year>\d{4})\s*年\s*(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})"
                        r"(?=\s+\d{1,2}[:：]\d{2})")
_IN_TEXT_FORMS: tuple[tuple[re.Pattern[str], bool], ...] = (
    (re.compile(r"(?<!\d)" + _SEPARATED + r"(?!\d)"), False),
    (re.compile(r"(?<!\d)" + _CHINESE), False),
    (re.compile(r"(?<!\d)" + _CHINESE_NO_DAY_SIGN), False),
    (re.compile(r"(?<!\d)" + _YEAR_APART), False),
    (re.compile(_CHINESE_NUMERALS), True),
)
_AMBIGUOUS_IN_TEXT = re.compile(r"(?<![\d./-])" + _DAY_MONTH_YEAR + r"(?![\d./-])")
_WEEKDAYS = "一二三四五六日"  # Monday first, as date.weekday(); 天 is a second 日


def parse_date(value: object, *, where: str) -> dt.date:
    """The publication date in ``value`` (a cell: text, number or date object).

    ``where`` says where the value stood (``"row 3, column '日期'"``) for the error message.
    Raises ``InputError`` for anything that is not one full, real date in the accepted range.
    """
    if isinstance(value, dt.date):  # datetime and pandas.Timestamp too
        if type(value).__name__ == "NaTType":  # pandas' missing time, a datetime subclass
            raise InputError(f"{where}: no date (NaT)")
        day = value.date() if isinstance(value, dt.datetime) else value
        return _in_range(day, value, where)
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise InputError(f"{where}: {value!r} ({type(value).__name__}) is not a date")
    text = _number_text(value, where) if isinstance(value, int | float) else value.strip()
    normal = unicodedata.normalize("NFKC", text)
    for pattern, chinese in _WHOLE_FORMS:
        match = pattern.fullmatch(normal)
        if match:
            return _to_date(match, chinese, text, where)
    for pattern in _ENGLISH_FORMS:
        match = pattern.fullmatch(normal)
        if match and _month_number(match["mname"]):
            return _english_date(match, text, where)
    raise InputError(f"{where}: {text!r} is not a date{_why_not(normal)}")


def _month_number(name: str) -> int | None:
    """1-12 for an English month name or its three-letter abbreviation (Sept too)."""
    name = name.lower()
    return next((k for k, month in enumerate(_MONTHS, 1)
                 if name == month or name == month[:3] or name == "sept" and k == 9), None)


def _english_date(match: _Match, text: str, where: str) -> dt.date:
    try:
        day = dt.date(int(match["year"]), _month_number(match["mname"]) or 0, int(match["day"]))
    except ValueError as err:
        raise InputError(f"{where}: {text!r} is no real date ({err})") from None
    if match.groupdict().get("hour") is not None:
        _check_time(match.groupdict(), text, where)
    return _in_range(day, text, where)


def find_date(text: str, *, where: str = "header") -> dt.date | None:
    """The first full date printed in ``text`` (a short header line), None when it holds none.

    Separated (2021-08-27, 2021/8/27 10:20), 年月日 and Chinese-numeral dates are found; bare
    eight-digit numbers are not (ids, telephone numbers).  A date-shaped text that is no real
    date (2021-02-30), out of range, or in day/month order (08/09/2021) raises ``InputError``:
    a header that prints a wrong date is bad input, not a header without a date.
    """
    normal = unicodedata.normalize("NFKC", text)
    found: list[tuple[int, _Match, bool]] = []
    for pattern, chinese in _IN_TEXT_FORMS:
        match = pattern.search(normal)
        if match:
            found.append((match.start(), match, chinese))
    stamp = _SHORT_YEAR_STAMP.search(normal)
    if stamp and all(stamp.start() < start for start, _, _ in found):
        return _short_year_date(stamp, where)
    ambiguous = _AMBIGUOUS_IN_TEXT.search(normal)
    if ambiguous and all(ambiguous.start() < start for start, _, _ in found):
        raise InputError(f"{where}: {ambiguous.group()!r} in {text!r}{_DAY_MONTH_MESSAGE}")
    if not found:
        return None
    _, match, chinese = min(found, key=lambda item: item[0])
    return _to_date(match, chinese, match.group(), where)


#: A content-management system's time stamp with a two-digit year: 09-01-06 09:18:41.  Chinese
#: sites print the year first in this form (year-month-day, then the clock time); a day-first
#: date is not followed by a clock time there.  Only with hyphens and a clock time: 08/09/21
#: stays ambiguous.
_SHORT_YEAR_STAMP = re.compile(
    r"(?<![\d./-])(?P<year>\d{2})-(?P<month>\d{1,2})-(?P<day>\d{1,2})\s+" + _CLOCK + r"(?![\d:])")
#: The century of a two-digit year, as POSIX strptime's %y reads it: 69-99 are 1969-1999,
#: 00-68 are 2000-2068 (a year beyond this one is then refused as out of range).
SHORT_YEAR_PIVOT = 69


def _short_year_date(match: _Match, where: str) -> dt.date:
    """The date of a two-digit-year time stamp (``_SHORT_YEAR_STAMP``), checked like any other."""
    yy = int(match["year"])
    full = (1900 if yy >= SHORT_YEAR_PIVOT else 2000) + yy
    try:
        day = dt.date(full, int(match["month"]), int(match["day"]))
    except ValueError as err:
        raise InputError(f"{where}: {match.group()!r} is no real date ({err})") from None
    _check_time(match.groupdict(), match.group(), where)
    return _in_range(day, match.group(), where)


_DAY_MONTH_MESSAGE = (
    ": day and month order is ambiguous (8 September or 9 August?); give ISO dates, "
    "YYYY-MM-DD (e.g. 2021-08-27)"
)


def _why_not(normal: str) -> str:
    """The reason a text that matched no form is refused, for the forms that are near misses."""
    if re.fullmatch(_DAY_MONTH_YEAR + r"(?:\s+.*)?", normal):
        return _DAY_MONTH_MESSAGE
    if re.fullmatch(_MONTH_ONLY, normal):
        return ": a month without its day; a full date (YYYY-MM-DD) is needed"
    if re.fullmatch(r"\d+", normal):
        return (
            ": a number, only eight digits YYYYMMDD are read as a date (spreadsheet serial day "
            "numbers are read only from cells formatted as dates)"
        )
    return "; give a full date, e.g. 2021-08-27 or 2021年8月27日"


def _number_text(value: float, where: str) -> str:
    """A number cell as its decimal digits (an integral float such as 20210827.0 too)."""
    if isinstance(value, float):
        if not value.is_integer():
            raise InputError(f"{where}: {value!r} is a number with a fraction, not a date")
        return str(int(value))
    return str(value)


def _to_date(match: _Match, chinese: bool, text: str, where: str) -> dt.date:
    """The checked date of a matched form (real day, real clock time, weekday, range)."""
    parts = match.groupdict()
    year: Callable[[str], int] = _cn_year if chinese else int
    small: Callable[[str], int] = _cn_small if chinese else int
    try:
        day = dt.date(year(parts["year"]), small(parts["month"]), small(parts["day"]))
    except ValueError as err:
        raise InputError(f"{where}: {text!r} is no real date ({err})") from None
    if parts.get("hour") is not None:
        _check_time(parts, text, where)
    weekday = parts.get("weekday")
    if weekday is not None and _WEEKDAYS.index(weekday.replace("天", "日")) != day.weekday():
        raise InputError(
            f"{where}: {text!r}: {day.isoformat()} is a 星期{_WEEKDAYS[day.weekday()]}, "
            f"not 星期{weekday}"
        )
    return _in_range(day, text, where)


def _check_time(parts: dict[str, str | None], text: str, where: str) -> None:
    """Refuse an impossible clock time after the date (25:99 says the cell is no timestamp)."""
    try:
        dt.time(int(parts["hour"] or 0), int(parts["minute"] or 0), int(parts["second"] or 0))
    except ValueError as err:
        raise InputError(f"{where}: {text!r} has no real time of day ({err})") from None


def _cn_year(text: str) -> int:
    """A year in Chinese digits, read digit by digit (二〇二一 -> 2021)."""
    return int("".join(str(_CN_DIGIT_VALUES[ch]) for ch in text))


def _cn_small(text: str) -> int:
    """A month or day in Chinese numerals: 八, 十, 十二, 二十, 二十七 (ValueError otherwise)."""
    tens, ten, units = text.partition("十")
    if not ten:
        tens, units = "", tens
    if len(tens) > 1 or len(units) > 1 or not set(tens + units) <= set("一二三四五六七八九"):
        raise ValueError(f"{text} is not a Chinese number of a month or day")
    value = _CN_DIGIT_VALUES[units] if units else 0
    if ten:
        value += 10 * (_CN_DIGIT_VALUES[tens] if tens else 1)
    return value


def _in_range(day: dt.date, value: object, where: str) -> dt.date:
    """``day`` when its year is in MIN_YEAR .. this year + MAX_YEARS_AHEAD."""
    last = dt.date.today().year + MAX_YEARS_AHEAD
    if not MIN_YEAR <= day.year <= last:
        raise InputError(
            f"{where}: {value!r} is outside the years a publication date can have "
            f"({MIN_YEAR}-{last})"
        )
    return day
