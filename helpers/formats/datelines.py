"""The dateline that opens a news report: 本报讯, 新华网长沙9月5日电, 湖南日报·新湖南客户端9月5日讯.

A dateline names where the *newsroom* filed from, not what the report is about (a Xinhua
report filed in 长沙 may be on any county of the province), so the locality resolver masks it;
the ``dateline`` column keeps it for the researcher.  It stays in the article's text too (the
codes' and figures' offsets are into the text as printed): the column is a copy, and the
nothing-lost check does not count it.
"""

from __future__ import annotations

import re

__all__ = ["dateline_span", "find_dateline"]

#: Longest dateline, in characters (新华网湖南频道长沙9月5日专电 is 17; the name of an outlet
#: and a city rarely exceed 30).
DATELINE_MAX = 32
_DATED = re.compile(
    r"^[^\s，。、；：！？“”（）()]{2,30}?\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:专电|电|讯|消息)")
_HOUSE = re.compile(r"^本报[^\s，。、；：！？“”（）()]{0,12}?讯")
# An outlet's own 讯 without a date: 兰州晨报讯, 临汾新闻网讯, 红网时刻讯 (its name ends in what
# outlets are called: 报 网 台 社 端 号 新闻 频道 时刻), never 通讯 (通讯员).
_OUTLET = re.compile(r"^[^\s，。、；：！？“”（）()]{1,16}?(?:报|网|台|社|端|号|新闻|频道|时刻)讯")
# A brand's 讯 without an outlet word, set apart from what follows (亮点某州讯 11月14日，…; 某县
# 融媒讯（记者 …）): the name, 讯, then a space, a bracket or the date.  (通讯 and 资讯 are words.)
_BRAND = re.compile(r"^[^\s，。、；：！？“”（）()]{2,12}?(?<![通资])讯(?=[\s\u3000（(【\[]|\d)")
# A photo caption printed before the report (图为…, 图：…, or a line ending with the photographer's
# credit, 某某 摄): the dateline is then in the paragraph after it.
_CAPTION = re.compile(r"^[（(]?\s*(?:图为|图片为|上图|下图|图[：:])|摄\s*[)）]?\s*$")


def find_dateline(text: str) -> str | None:
    """The dateline at the start of ``text`` (an article's first paragraph, or the paragraph
    after a leading photo caption), or None."""
    span = dateline_span(text)
    return text[span[0]:span[1]] if span else None


def dateline_span(text: str) -> tuple[int, int] | None:
    """Where the dateline of ``text`` stands (start, end offsets into ``text``): at the start of
    its first paragraph, or, when that paragraph is a photo caption, of the next one."""
    at = len(text) - len(text.lstrip())
    found = _dateline_at(text, at)
    if found is None:
        first, newline, _rest = text[at:].partition("\n")
        if newline and _CAPTION.search(first.strip()):
            nxt = at + len(first) + 1
            nxt += len(text[nxt:]) - len(text[nxt:].lstrip())
            found = _dateline_at(text, nxt)
    return found


def _dateline_at(text: str, at: int) -> tuple[int, int] | None:
    head = text[at:at + DATELINE_MAX + 1]
    m = _HOUSE.match(head) or _DATED.match(head) or _OUTLET.match(head) or _BRAND.match(head)
    return (at, at + m.end()) if m and m.end() <= DATELINE_MAX else None
