"""The coder's shortcuts (issue 16) change no match: a ``re:`` term is skipped only where the
text lacks a string every match of it needs, and the spans that discount a term are found
only where a term is there."""

from __future__ import annotations

import re

from helpers.codebook import Code, Codebook, required_literals
from helpers.coding import enumeration_spans, enumerations, match_codes, roster_spans


def test_required_literals_take_the_most_selective_item():
    # the literal run 领导小组 is needed; the verbs are five alternatives
    assert required_literals(re.compile("(?:成立|组建|设立|调整|建立)[^，。]{0,20}?领导小组")) \
        == ("领导小组",)
    # a set of literal characters is a requirement of single characters
    assert required_literals(re.compile("[“\"][^”\"]{2,8}[”\"]活动")) == ("活动",)
    assert required_literals(re.compile("[“\"][^”\"]{2,8}[”\"]")) == ('"', "“")


def test_required_literals_of_branches_are_their_union():
    assert required_literals(re.compile("(?:此次|本次)行动|集中整治")) == ("行动", "集中整治")


def test_no_requirement_where_a_match_may_lack_every_literal():
    # an optional literal, a lookaround, a class of ranges, a case-insensitive flag
    assert required_literals(re.compile("(?:专项)?[\u4e00-\u9fff]{2}")) is None
    assert required_literals(re.compile("(?<=开展)[\u4e00-\u9fff]{2}")) is None
    assert required_literals(re.compile("(?i)abc")) is None
    assert required_literals(re.compile("a|[0-9]")) is None


def _book() -> Codebook:
    def code(cid: str, dim: str, terms: tuple[str, ...]) -> Code:
        return Code(id=cid, dimension=dim, label_zh=cid, label_en=cid, definition="", include="",
                    exclude="", terms=terms, example="")
    return Codebook(codes=(
        code("environment", "domain", ("污水", "re:(?:春季|秋季)[\u4e00-\u9fff]{0,4}整治")),
        code("campaign", "mode", ("re:[“\"][^”\"]{2,10}[”\"]行动", "专项行动")),
    ))


def test_skipped_patterns_change_no_match():
    book = _book()
    # 行动 absent: the quoted-name pattern is not run, and nothing of it is lost
    assert [m[2] for m in match_codes("开展“清河”整治和秋季河道整治", book)] == ["秋季河道整治"]
    assert [m[2] for m in match_codes("开展“清河护岸”行动，治理污水", book)] \
        == ["“清河护岸”行动", "污水"]


def test_one_scan_gives_both_lists_of_items():
    text = "县民政局、县教体局等部门参加，中小学、卫生院等重点场所"
    every, agencies = enumerations(text)
    assert every == enumeration_spans(text)
    assert agencies == enumeration_spans(text, agencies_only=True)
    assert len(agencies) == 2 and len(every) == 4


def test_a_long_first_name_of_a_roster_is_found_whole():
    # the scan starts a name's length before the first 、 after a name's last word
    text = "会议由副县长主持，县人力资源和社会保障局、县住建局、县民政局作了表态发言"
    names = roster_spans(text)[0]
    assert text[names[0][0]:names[0][1]] == "县人力资源和社会保障局"
    assert [text[a:b] for a, b in names[1:]] == ["县住建局", "县民政局"]


def test_an_enumeration_far_into_a_paragraph_keeps_its_first_item():
    text = "今年以来，我们持续推进各项工作，" * 3 + "县民政局、县教体局等部门参加"
    spans = enumeration_spans(text)
    assert [text[a:b] for a, b in spans] == ["县民政局", "县教体局"]


def test_a_list_without_a_closing_word_is_no_enumeration():
    # 、 joins the items but neither 等, 个 nor a word for agencies closes them
    assert enumerations("会议研究了人事、财务、后勤工作") == ([], [])
    # each closing word still lets its enumerations through: a word for agencies, 个, 等
    text = "县民政局、县教体局两个部门"
    assert [text[a:b] for a, b in enumeration_spans(text)] == ["县民政局", "县教体局两个"]
    text = "检查了东风小区、利达小区3个小区"
    assert [text[a:b] for a, b in enumeration_spans(text)] == ["东风小区", "利达小区"]
    text = "走访砂石厂、石料厂等问题整改现场"
    assert [text[a:b] for a, b in enumeration_spans(text)] == ["砂石厂", "石料厂"]
