"""How terms match at coding time (issue 11, items 7 and 10): every ``re:`` term is matched on
its own (its groups and backreferences are its own), and the excluded spans are looked up in
logarithmic time, so a long paragraph costs n log n, not n²."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from helpers.codebook import load_codebook
from helpers.coding import ExcludedSpans, match_codes

BOOK = """\
version: 1
codes:
  - id: environment
    dimension: domain
    label_zh: 生态
    label_en: Ecology
    definition: Rivers.
    include: River clean-ups.
    exclude: Farming.
    terms:
      - 河长
      - 're:(县)\\1'
      - 're:(?P<n>[一二三])级(?P=n)'
      - 're:(?P<n>[甲乙])类'
    exclude_terms: [高质量河长]
    example: 河长巡河
  - id: campaign
    dimension: mode
    label_zh: 运动式治理
    label_en: Campaign
    definition: Operations.
    include: Special operations.
    exclude: Rules.
    terms:
      - 're:(?i)abc'
      - 're:“[^”]{2,8}”行动'
      - 're:“[^”]{2,8}行动”'
    example: 专项行动
"""


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    path = Path(tmp_path_factory.mktemp("book")) / "book.yaml"
    path.write_text(BOOK, encoding="utf-8")
    return load_codebook(path)


def found(text: str, book) -> list[tuple[str, str, int, int]]:
    return [(code, term, start, end) for code, _, term, start, end in match_codes(text, book)]


# --- item 7: each re: term on its own -----------------------------------------------------

def test_a_backreference_matches(book):
    assert ("environment", "县县", 1, 3) in found("本县县城", book)


def test_group_names_do_not_clash_between_terms(book):
    assert [t for _, t, *_ in found("二级二，甲类", book)] == ["二级二", "甲类"]


def test_global_flags_at_the_start_of_a_term(book):
    assert found("xxABCxx", book) == [("campaign", "ABC", 2, 5)]


def test_regex_terms_of_a_code_do_not_overlap_first_term_first(book):
    # both patterns match at the same quotation mark: the first in the codebook wins, as one
    # alternation of the terms would have it, and scanning goes on after its end
    text = "开展“清网行动”行动，又开展“护渔行动”。"
    assert found(text, book) == [("campaign", "“清网行动”行动", 2, 10),
                                 ("campaign", "“护渔行动”", 14, 20)]


# --- item 10: excluded spans in log time --------------------------------------------------

def brute_overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a < end and start < b for a, b in spans)


def random_spans(rng: random.Random, n: int) -> list[tuple[int, int]]:
    """``n`` disjoint, sorted spans (as finditer gives them), some touching."""
    spans, pos = [], 0
    for _ in range(n):
        pos += rng.choice([0, 0, 1, 3, 10])
        width = rng.randint(1, 6)
        spans.append((pos, pos + width))
        pos += width
    return spans


def test_excluded_spans_agree_with_the_brute_force_check():
    rng = random.Random(11)
    for n in (0, 1, 2, 7, 200):
        spans = random_spans(rng, n)
        index = ExcludedSpans(spans)
        limit = spans[-1][1] + 5 if spans else 10
        for _ in range(2000):
            start = rng.randint(0, limit)
            end = start + rng.randint(1, 8)
            assert index.overlaps(start, end) == brute_overlaps(spans, start, end), (
                spans, start, end)


class CountingList(list):
    """A list that counts how often an item is read (bisect reads through ``__getitem__``)."""

    reads = 0

    def __getitem__(self, i):
        CountingList.reads += 1
        return super().__getitem__(i)


def test_a_lookup_reads_log_n_spans():
    n = 1 << 16
    index = ExcludedSpans([(3 * i, 3 * i + 2) for i in range(n)])
    index.ends = CountingList(index.ends)
    index.starts = CountingList(index.starts)
    CountingList.reads = 0
    lookups = 1000
    for k in range(lookups):
        index.overlaps(k * 97 % (3 * n), k * 97 % (3 * n) + 1)
    # a binary search: log2(n) = 16 reads of the ends, one of the starts (a scan would read n)
    assert lookups * 16 <= CountingList.reads <= lookups * (16 + 4)


def test_match_codes_checks_each_match_once(book, monkeypatch):
    calls = []
    real = ExcludedSpans.overlaps

    def counted(self, start, end):
        calls.append((start, end))
        return real(self, start, end)

    monkeypatch.setattr(ExcludedSpans, "overlaps", counted)
    unit = "高质量河长巡查，河长到岗。"
    text = unit * 2000
    matches = found(text, book)
    assert len(matches) == 2000  # the masked 河长 of each unit is dropped
    assert len(calls) == 4000  # one lookup per candidate match, whatever the number of spans


def test_no_match_inside_an_excluded_span_of_a_long_paragraph(book):
    rng = random.Random(7)
    pieces = ["高质量河长", "河长", "县县", "，", "abc", "“清网行动”", "巡查", "二级二"]
    text = "".join(rng.choice(pieces) for _ in range(3000))
    masked = [m.span() for m in re.finditer("高质量河长", text)]
    got = match_codes(text, book)
    words = [(s, e) for code, _, term, s, e in got if (code, term) == ("environment", "河长")]
    assert len(words) >= 200
    assert not any(brute_overlaps(masked, s, e) for s, e in words)
    assert match_codes(text, book) == got  # deterministic
