"""The dateline that opens a news report: 本报讯, 新华网长沙9月5日电, 湖南日报·新湖南客户端9月5日讯.

A dateline names where the *newsroom* filed from, not what the report is about (a Xinhua
report filed in 长沙 may be on any county of the province), so the locality resolver masks it;
the ``dateline`` column keeps it for the researcher.  It stays in the article's text too (the
codes' and figures' offsets are into the text as printed): the column is a copy, and the
nothing-lost check does not count it.
"""

from __future__ import annotations

import re

__all__ = ["find_dateline"]

#: Longest dateline, in characters (新华网湖南频道长沙9月5日专电 is 17; the name of an outlet
#: and a city rarely exceed 30).
DATELINE_MAX = 32
_DATED = re.compile(
    r"^[^\s，。、；：！？“”（）()]{2,30}?\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:专电|电|讯|消息)")
_HOUSE = re.compile(r"^本报[^\s，。、；：！？“”（）()]{0,12}?讯")
# An outlet's own 讯 without a date: 兰州晨报讯, 临汾新闻网讯, 红网时刻讯 (its name ends in what
# outlets are called: 报 网 台 社 端 号 新闻 频道 时刻), never 通讯 (通讯员).
_OUTLET = re.compile(r"^[^\s，。、；：！？“”（）()]{1,16}?(?:报|网|台|社|端|号|新闻|频道|时刻)讯")


def find_dateline(text: str) -> str | None:
    """The dateline at the start of ``text`` (an article's first paragraph), or None."""
    head = text.lstrip()[:DATELINE_MAX + 1]
    m = _HOUSE.match(head) or _DATED.match(head) or _OUTLET.match(head)
    return m.group(0) if m and len(m.group(0)) <= DATELINE_MAX else None
