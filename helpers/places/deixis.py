"""What an article's words point at without naming it: datelines and 我县 / 本市 / 全县.

- A *dateline* (新华网长沙9月5日电, 本报长沙讯, 湖南日报·新湖南客户端9月5日讯, each optionally
  followed by a bracket of reporters) says where the reporter filed from, not what the report is
  about: ``mask_dateline`` blanks it (same length, so offsets keep) before mentions are weighed.
- *Deixis* (我县, 本县, 全县, 该县, and an unnamed 县委 / 县政府) refers to the newspaper's own unit,
  the ``home`` of ``locate_article``, when its level character is the home's (我县 for a county
  home ending in 县, 我市 for 宁乡市 or 邵阳市, 全区 for a district).  First-person forms (我, 本)
  always do; 全, 该 and an unnamed 县委 only when the article names no other unit of that level
  (全县 after 澧县 is 澧县's).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Deixis", "find_deixis", "mask_dateline"]

#: A dateline at the start of a text: up to ``_DATELINE_HEAD`` characters of agency or paper
#: name and place, then a date (9月5日) or 本报/本台/本网, then up to 12 more, ending in 电, 讯 or
#: 报道, optionally followed by a bracket (（记者 张三 通讯员 李四）).  The date or 本报 is
#: required so that an ordinary first clause ending in 电 (供电) is not taken.
_DATELINE_HEAD = 30
DATELINE = re.compile(
    rf"^\s*(?:[【\[（(]?[^，。！？\n]{{0,{_DATELINE_HEAD}}}?"
    r"(?:\d{1,2}月\d{1,2}日|本报|本台|本网|本刊)"
    r"[^，。！？\n]{0,12}?(?:电|讯|报道))(?:\s*[（(][^）)\n]{0,60}[）)])?"
)
#: Deictic forms: a determiner + a level character (我县, 本市, 全区, 该旗), or the unnamed party
#: committee and government (县委, 县政府, 县人民政府) of that level.
DEIXIS = re.compile(r"(?P<det>[我本全该])(?P<lvl>[县市区旗州])|(?P<lvl2>[县市区旗州])(?:委|人民政府|政府)")
#: Determiners that make the form first person: the newspaper's own unit, whatever else is named.
FIRST_PERSON = "我本"


@dataclass(frozen=True)
class Deixis:
    start: int
    end: int
    level_char: str
    first_person: bool


def mask_dateline(text: str) -> str:
    """``text`` with a leading dateline blanked by spaces (offsets unchanged)."""
    m = DATELINE.match(text)
    if m is None:
        return text
    return " " * m.end() + text[m.end():]


def find_deixis(text: str, named_spans: list[tuple[int, int]]) -> list[Deixis]:
    """Deictic forms in ``text``; a 县委 that is the end of a named one (洞口县委) is not one."""
    out = []
    for m in DEIXIS.finditer(text):
        if any(s <= m.start() < e for s, e in named_spans):
            continue
        det = m["det"] or ""
        out.append(Deixis(m.start(), m.end(), m["lvl"] or m["lvl2"], det in FIRST_PERSON and
                          bool(det)))
    return out


def level_char(name: str) -> str:
    """The character deixis uses for a unit: the last of its name (洞口县 -> 县, 邵阳市 -> 市;
    湘西土家族苗族自治州 -> 州; 正蓝旗 -> 旗)."""
    return name[-1:] if name else ""
