"""Publication dates (``helpers.formats.dates``): the printed forms read, the rest refused.

Every refusal must name the value and where it stood; nothing is guessed (day/month order,
serial numbers, a month without its day).
"""

from __future__ import annotations

import datetime as dt
import pickle

import pandas as pd
import pytest

from helpers.errors import CorpusError, InputError
from helpers.formats.dates import MAX_YEARS_AHEAD, MIN_YEAR, find_date, parse_date

DAY = dt.date(2021, 8, 27)
WHERE = "row 7, column '日期'"


@pytest.mark.parametrize("value", [
    "2021-08-27", "2021/8/27", "2021.08.27", "20210827", "2021-8-27", " 2021-08-27 ",
    "2021年8月27日", "2021年08月27日", "2021 年 8 月 27 日", "2021年8月27号",
    "2021年08月27日 09:30", "2021年08月27日09:30", "2021年8月27日 星期五", "2021年8月27日（周五）",
    "2021-08-27 09:30", "2021-08-27 09:30:15", "2021/08/27 9:30:15.250",
    "2021-08-27T09:30:15", "2021-08-27T09:30:15+08:00", "2021-08-27T09:30:15Z",
    "2021-08-27T23:59:00-05:00",  # the printed date, not the UTC one (28 August)
    "２０２１－０８－２７", "２０２１年８月２７日",  # full-width digits
    "二〇二一年八月二十七日", "二○二一年八月二十七日", "二零二一年八月二十七日",
])
def test_printed_forms(value):
    assert parse_date(value, where=WHERE) == DAY


@pytest.mark.parametrize(("value", "expected"), [
    ("二〇二一年十二月三十一日", dt.date(2021, 12, 31)),
    ("二〇二一年十月十日", dt.date(2021, 10, 10)),
    ("二〇二一年一月二十日", dt.date(2021, 1, 20)),
    ("二〇〇八年五月十二日", dt.date(2008, 5, 12)),
    ("1949-10-01", dt.date(1949, 10, 1)),
    ("2021年2月28日 星期日", dt.date(2021, 2, 28)),
    ("2021年2月28日 星期天", dt.date(2021, 2, 28)),
])
def test_other_days(value, expected):
    assert parse_date(value, where=WHERE) == expected


@pytest.mark.parametrize("value", [
    DAY, dt.datetime(2021, 8, 27), dt.datetime(2021, 8, 27, 23, 59),
    pd.Timestamp("2021-08-27 09:30"), pd.Timestamp("2021-08-27 23:30", tz="Asia/Shanghai"),
    dt.datetime(2021, 8, 27, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5))),
    20210827, 20210827.0,  # a number cell of eight digits: its printed digits
])
def test_objects_and_numbers(value):
    got = parse_date(value, where=WHERE)
    assert got == DAY
    assert type(got) is dt.date  # not a datetime or Timestamp


@pytest.mark.parametrize(("value", "says"), [
    ("2021-02-30", "no real date"),
    ("2021-13-01", "no real date"),
    ("2021年2月29日", "no real date"),
    ("二〇二一年二月三十日", "no real date"),
    ("二〇二一年一二月三日", "no real date"),  # 一二 is no month
    ("2021年8月", "month without its day"),
    ("2021-08", "month without its day"),
    ("08/09/2021", "give ISO dates"),
    ("8-9-2021", "give ISO dates"),
    ("27.08.21", "give ISO dates"),
    ("08/09/2021 10:00", "give ISO dates"),
    ("Aug 27 2021 X", "not a date"),  # a named month needs its year right after the day
    ("上周五", "not a date"),
    ("", "not a date"),
    ("2021-08/27", "not a date"),  # two separators
    ("2021-08-27 本报讯", "not a date"),  # more than the date
    ("2021-08-27 25:00", "no real time"),
    ("2021-08-27 09:61", "no real time"),
    ("2021年8月27日 星期一", "is a 星期五"),
    ("1948-12-31", "outside the years"),
    ("1900-01-01", "outside the years"),
    ("2999-01-01", "outside the years"),
    (44435, "serial"),  # a spreadsheet serial day number is never converted
    ("44435", "serial"),
    (2021, "serial"),
    (20210827.5, "fraction"),
    (True, "bool"),
    (None, "not a date"),
    (pd.NaT, "NaT"),
    (dt.time(9, 30), "not a date"),
    (dt.date(1900, 1, 1), "outside the years"),
])
def test_refused(value, says):
    with pytest.raises(InputError) as info:
        parse_date(value, where=WHERE)
    message = str(info.value)
    assert message.startswith(WHERE + ": ")
    assert says in message
    if isinstance(value, str) and value:
        assert repr(value.strip()) in message  # names the value as printed
    assert not isinstance(info.value, CorpusError)  # the table reader adds the file


def test_years_in_range():
    last = dt.date.today().year + MAX_YEARS_AHEAD
    assert parse_date(f"{MIN_YEAR}-01-01", where=WHERE) == dt.date(MIN_YEAR, 1, 1)
    assert parse_date(f"{last}-12-31", where=WHERE) == dt.date(last, 12, 31)
    with pytest.raises(InputError, match=f"{MIN_YEAR}-{last}"):
        parse_date(f"{last + 1}-01-01", where=WHERE)
    with pytest.raises(InputError, match="outside"):
        parse_date(dt.datetime(last + 1, 1, 1), where=WHERE)


def test_ambiguous_message_says_iso():
    with pytest.raises(InputError) as info:
        parse_date("08/09/2021", where=WHERE)
    assert "YYYY-MM-DD" in str(info.value)
    assert "ambiguous" in str(info.value)


def test_error_pickles_whole():
    with pytest.raises(InputError) as info:
        parse_date("2021-02-30", where=WHERE)
    again = pickle.loads(pickle.dumps(info.value))
    assert str(again) == str(info.value)


@pytest.mark.parametrize(("text", "expected"), [
    ("发布时间：2021-08-27 10:20", DAY),
    ("2021年08月27日 来源：本报", DAY),
    ("来源：县融媒体中心  2021/8/27", DAY),
    ("日期:2021.08.27 作者：李明", DAY),
    ("二〇二一年八月二十七日 星期五", DAY),
    ("本报讯（记者 王芳）2021年8月27日", DAY),
    ("２０２１年８月２７日", DAY),
    ("首发 2021-08-27，更新 2021-09-01", DAY),  # the first one
    ("更新 2021-09-01；首发 2021年8月27日", dt.date(2021, 9, 1)),  # first in the text
    ("本报讯 记者 王芳", None),
    ("第3版 要闻", None),
    ("稿件编号 20210827", None),  # bare eight digits are no date in a header
    ("2021年8月 第3期", None),  # a month, not a full date
    ("电话 0731-8888-1234", None),
    ("12021-08-27", None),  # inside a longer number
])
def test_find_date(text, expected):
    assert find_date(text) == expected


@pytest.mark.parametrize(("text", "says"), [
    ("发布时间：2021-02-30 10:20", "no real date"),
    ("发布时间：08/09/2021", "give ISO dates"),
    ("发布时间：1937-07-07", "outside the years"),
])
def test_find_date_refuses_a_wrong_date(text, says):
    with pytest.raises(InputError) as info:
        find_date(text, where="line 3")
    assert str(info.value).startswith("line 3: ")
    assert says in str(info.value)


def test_find_date_takes_a_date_before_an_ambiguous_one():
    assert find_date("2021-08-27 (08/09/2021 修订)") == DAY


@pytest.mark.parametrize("value", [
    "25 February 2020", "25 Feb 2020", "February 25, 2020", "Feb. 25, 2020", "Feb 25th, 2020",
    "Tuesday, 25 February 2020", "Tue Feb 25 08:50:37 CST 2020",
])
def test_english_dates_of_international_databases(value):
    """Factiva, LexisNexis and Java timestamps name the month: no day/month confusion."""
    assert parse_date(value, where="row 1, column 'date'") == dt.date(2020, 2, 25)


@pytest.mark.parametrize("value", ["31 Feb 2020", "Febuary 25, 2020", "Feb 25 25:61:00 CST 2020"])
def test_english_dates_that_are_no_dates_are_refused(value):
    with pytest.raises(InputError, match="row 1"):
        parse_date(value, where="row 1")


def test_a_cms_time_stamp_with_a_two_digit_year_is_year_first():
    assert find_date("发布日期：09-01-06 09:18:41 来源：某某社区") == dt.date(2009, 1, 6)
    assert find_date("更新时间：98-12-30 17:05") == dt.date(1998, 12, 30)


@pytest.mark.parametrize("text", ["发布日期：09-13-06 09:18", "发布日期：09-01-06 25:18"])
def test_a_two_digit_year_stamp_must_still_be_a_real_date_and_time(text):
    with pytest.raises(InputError):
        find_date(text)


def test_a_two_digit_year_without_a_clock_time_stays_ambiguous():
    with pytest.raises(InputError, match="ambiguous"):
        find_date("发布日期：09-01-06")


def test_year_apart_time_stamp_is_read_year_first():
    # a portal's stamp: year, space, month/day, clock time
    assert parse_date("2024 11/03 07:15:09", where="x") == dt.date(2024, 11, 3)
    assert find_date("发布于 2024 11/03 07:15") == dt.date(2024, 11, 3)
    assert parse_date("2024 11/ 03 07:15:09", where="x") == dt.date(2024, 11, 3)
    # without its clock time the same digits are no date
    assert find_date("2024 11/03") is None
