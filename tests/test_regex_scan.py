"""regex_scan: a prefiltered finditer finds exactly the matches of the plain one."""

from __future__ import annotations

import re

import pytest

from helpers import regex_scan

#: Patterns built like the metrics stage's: opening with lookbehinds, anchors, optional groups
#: and alternations, so that re itself cannot skip ahead.
PATTERNS = [
    r"(?<![\d.])\d{5,}\s*[/／]\s*\d+|(?:^|(?<=[。；]))\d{1,2}\s*[.．、](?!\d)",
    r"(?P<pre>约|近)?(?P<num>\d+(?:\.\d+)?|[一二三四五六七八九十]+)(?P<unit>万元|元|个|%)?",
    r"(?:今年|去年)?(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日)?|前?[一二三四]季度",
    r"(?<=“)\d\.\d(?=”)|\b[A-Z]\d+",
    r"(?:第|党的)[\d二十]+(?:次|大)?",
]
TEXTS = [
    "2023年3月，全县完成投资12.5亿元，同比增长8.3%。",
    "1.加强领导；2、落实责任。今年一季度新增企业约120个",
    "文号431100000/2023-01234，“3.15”当天G207改造完成。",
    "党的二十大以来，第3次会议审议了前三季度的预算，去年12月20日通过。",
    "",
    "没有数字的句子",
]


@pytest.mark.parametrize("source", PATTERNS)
def test_prefiltered_finditer_gives_the_plain_matches(source):
    pattern = re.compile(source)
    fast = regex_scan.prefilter(pattern)
    assert fast.starts is not None  # each of these has a readable set of first characters
    for text in TEXTS:
        plain = [(m.span(), m.groupdict(), m.group()) for m in pattern.finditer(text)]
        got = [(m.span(), m.groupdict(), m.group()) for m in fast.finditer(text)]
        assert got == plain, (source, text)


def test_first_characters_of_a_pattern_with_lookarounds_and_optional_parts():
    starts = regex_scan.first_characters(re.compile(r"(?<!\d)(?:约|近)?[1-3]+(?=元)"))
    assert starts is not None
    assert {c for c in "约近123" if starts.match(c)} == set("约近123")
    assert not any(starts.match(c) for c in "4元a第")


@pytest.mark.parametrize("source", [r"a*", r"(?:x)?", r".b", r"[^a]b", r"(a)?\1b",
                                    r"(?i)abc", r"(?=a)"])
def test_patterns_without_readable_first_characters_are_scanned_as_before(source):
    pattern = re.compile(source)
    fast = regex_scan.prefilter(pattern)
    assert fast.starts is None
    text = "aab xb Abc ab"
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in pattern.finditer(text)]


def test_other_attributes_are_the_patterns():
    fast = regex_scan.prefilter(re.compile(r"(?<!\d)\d+元"))
    assert fast.search("共5元").group() == "5元"
    assert fast.pattern == r"(?<!\d)\d+元"


def test_pair_starts_finds_every_place_a_pair_starts_and_no_other_with_both_characters():
    starts = regex_scan.pair_starts(["长沙", "沙县", "宁乡", "x"])  # a one-character key is no pair
    text = "长沙县与宁乡市，沙县小吃；长江"
    got = [m.start() for m in starts.finditer(text)]
    # every start of a pair is found (长沙 0, 沙县 1, 宁乡 4, 沙县 8); 长 of 长江 is a first
    # character, but 江 no second one
    assert {0, 1, 4, 8} <= set(got)
    assert 13 not in got
    assert all(text[i] in "长沙宁" and text[i + 1] in "沙县乡" for i in got)
    assert list(regex_scan.pair_starts([]).finditer(text)) == []


def test_required_characters_of_a_pattern_every_match_of_which_holds_one():
    needs = regex_scan.required_characters(re.compile(r"(?<!\d)(?:约|近)?\d+(?:万)?(?:元|块)钱?"))
    assert needs is not None
    assert {c for c in "元块" if needs.match(c)} == set("元块")  # narrower than the digits
    assert not any(needs.match(c) for c in "约近万钱5")
    # nothing every match holds: an optional part, a lookaround, any character
    for source in (r"(?:元)?\d?", r"(?=元)", r"a|.", r"(?i)yuan"):
        assert regex_scan.required_characters(re.compile(source)) is None, source


def test_a_text_without_a_required_character_gives_no_match_and_others_all():
    pattern = re.compile(r"(?<![\d.])(?P<num>\d+(?:\.\d+)?)分(?!钟)")
    fast = regex_scan.prefilter(pattern)
    assert fast.needs is not None
    for text in ("考核得分96.5分，排名第一", "用时15分钟", "共96.5", "", "90分、85分和80分"):
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in
                                                           pattern.finditer(text)], text
