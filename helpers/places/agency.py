"""The reporting organ of an article: 县纪委监委, 市公安局, 省纪委监委, 县市场监管局.

An organ is written as a place name or a bare level character, then the organ's own name, then
an organ ending (``ORGAN_SUFFIXES``): 湘阴县民政局, 县纪委监委, 湖南省纪委监委, 市12345热线.  It is
returned as the level character + the organ, the place name removed (湘阴县民政局 -> 县民政局,
广西壮族自治区纪委 -> 自治区纪委), so that organs compare across places.  No organ names are
listed: the pattern is the level, a short name and an ending.

Where (``find_agency``): the 来源 string printed with the article, else the headline's subject,
else the subject of the body's first sentence; the subject is an organ at the start of its
clause, with at most place names or a time phrase (近日，) before it.  Not organs: the party
committee and the government as the whole locality (县委, 县政府, 县人民政府), their leaders
(县委常委, 县委书记), the media (融媒体中心, 电视台) and journalists.
"""

from __future__ import annotations

import re

from helpers.places.resolve import find_places

__all__ = ["ORGAN_SUFFIXES", "find_agency", "organs"]

#: Level characters an organ's name starts with (after its place name, or standing alone):
#: province, autonomous region, city, county, district, prefecture (州), banner, league.
LEVELS = "省市县区州旗盟"
#: Endings of organ names, longest first: discipline commissions (纪委监委, 监委, 纪委), bureaus
#: (局), commissions and committees (委员会, 委), offices (办公室, 办), courts and procuratorates
#: (法院, 检察院, 院), service and command centres (中心), provincial departments (厅), party
#: departments (部), hotlines (热线: 12345热线), police and enforcement units (大队, 支队).
ORGAN_SUFFIXES = ("纪委监委", "委员会", "办公室", "检察院", "法院", "监委", "纪委", "中心", "热线",
                  "大队", "支队", "局", "委", "办", "院", "厅", "部")
#: Second names of one organ printed after the first: 纪委监委 (the discipline commission and
#: the supervisory commission share their staff).
CONTINUATIONS = ("监委",)
#: Most characters of an organ's own name between the level and the ending (市场监督管理 in
#: 县市场监督管理局 is 6; 行政审批服务 6, 人力资源和社会保障 9): longer stretches are sentences.
MAX_ORGAN_NAME = 10
#: Characters that do not occur in organ names but join words in a sentence: a stretch holding
#: one is not a name (县长在县民政局 is not one organ).  Level characters are excluded too, except
#: in the words 市场 / 市政 / 城市 / 区域 (县市场监管局, 市城市管理局).
_JOINERS = "在到对和与及等了的是将把被向从给由为于以所着过召开长"
#: Township characters: a county's organ is not named after a town (县白楼镇群众工作中心 is the
#: town's centre), except in the word 乡村 (县乡村振兴局).
_TOWNSHIPS = "镇乡"
_NAME_CHAR = rf"(?:市场|市政|城市|区域|乡村|[^\W_{LEVELS}{_JOINERS}{_TOWNSHIPS}])"
#: Verbs ending in 办 (举办, 开办, 承办): 洞口县举办 is not an organ called 县举办.
_VERBS_BEFORE_BAN = "举开承主创协合督查包代兴操置筹申难好来"
#: Names that end like organs but are the leadership or the media, not a reporting organ.
NOT_ORGANS = ("常委", "书记", "融媒体中心", "新闻中心", "传媒中心", "报社", "电视台")
_ORGAN = re.compile(
    rf"(?P<level>自治区|[{LEVELS}])(?P<name>{_NAME_CHAR}{{1,{MAX_ORGAN_NAME}}}?"
    rf"(?:{'|'.join(ORGAN_SUFFIXES)}))"
)
#: A clause that is only a time phrase (近日，今年以来，9月5日，) may stand before the subject.
_TIME_CLAUSE = re.compile(r"^[^，。]{0,12}?(?:日|月|年|以来|近期|目前|日前|近日|当前|期间|之际)$")
#: Where a sentence or the 来源 label ends.
_SENTENCE_END = re.compile(r"[。！？!?\n]")
#: Clauses of a headline or sentence: split at commas, colons and the spaces of headlines.
_CLAUSE_BREAK = re.compile(r"[，,：:；;\s]+")
#: Longest place lead before a headline's colon (as in ``helpers.places.resolve``).
MAX_LEAD = 15
_SOURCE_LABEL = re.compile(r"^\s*(?:来源|来源于|稿源|供稿)\s*[：:]?\s*")


def organs(text: str) -> list[tuple[int, int, str]]:
    """Every organ in ``text``: (start, end, level + organ) with the place name removed."""
    out = []
    for m in _ORGAN.finditer(text):
        name = m["name"]
        if m["level"] == "委" or name.startswith("委") and name.endswith(("常委", "委")):
            continue
        if name.endswith(NOT_ORGANS) or (name.endswith("办") and name[-2:-1] in _VERBS_BEFORE_BAN):
            continue
        level = "自治区" if m["level"] == "区" and text[m.start() - 2:m.start()] == "自治" else (
            m["level"])
        end = m.end()
        while text.startswith(CONTINUATIONS, end):  # 县纪委|监委: one organ, two names
            more = next(c for c in CONTINUATIONS if text.startswith(c, end))
            name, end = name + more, end + len(more)
        out.append((m.start("level"), end, level + name))
    return out


def _subject(clause: str) -> str | None:
    """The organ a clause starts with, place names allowed before it (湘阴县民政局, 县纪委监委)."""
    found = organs(clause)
    if not found:
        return None
    start, _end, organ = found[0]
    pos = 0
    for s, e, _place in find_places(clause):
        if s > pos:
            break
        pos = e
    # the level character may be the last one of a place name (湘阴县|民政局 starts at 县)
    return organ if start <= pos else None


def find_agency(headline: str | None, text: str, source: str | None) -> str | None:
    """The reporting organ: in ``source``, else the headline's subject, else the first
    sentence's (see the module docstring); None if none is named."""
    if source:
        found = organs(_SOURCE_LABEL.sub("", source))
        if found:
            return found[0][2]
    for segment in (_after_lead(headline or ""), _first_sentence(text)):
        organ = _segment_subject(segment)
        if organ is not None:
            return organ
    return None


def _after_lead(headline: str) -> str:
    """A headline without its place lead (湘阴县：县民政局... -> 县民政局...)."""
    head, colon, rest = headline.strip().partition("：")
    if colon and len(head) <= MAX_LEAD and not organs(head):
        return rest
    return headline


def _first_sentence(text: str) -> str:
    stripped = text.strip()
    return _SENTENCE_END.split(stripped, maxsplit=1)[0] if stripped else ""


def _segment_subject(segment: str) -> str | None:
    """The organ that is the subject of the first clause not a time phrase."""
    for clause in _CLAUSE_BREAK.split(segment):
        clause = clause.strip()
        if clause and not _TIME_CLAUSE.match(clause):
            return _subject(clause)
    return None
