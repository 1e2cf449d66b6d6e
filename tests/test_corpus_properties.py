"""Property tests: arbitrary text never crashes the parser, and nothing is lost or invented."""

from __future__ import annotations

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers.corpus import ARTICLE_COLUMNS, check_conservation, paragraphs, parse_page

SETTINGS = settings(max_examples=300, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow])

# newspaper-like material: ideographs, Chinese punctuation and brackets, digits, Latin, spaces
# of several kinds, line breaks, and the characters the parser treats specially
ALPHABET = st.sampled_from(
    list("洞口县江华质量调解群众纪委监委村镇街道说是的了")
    + list("，。、；：？！“”‘’（）《》…—·")
    + list(string.digits + "%.+-/")
    + list("ABCxyz")
    + [" ", " ", "\u3000", "\t", "\n", "\n", "\n\n", "\r\n", "(", ")", "：", "\ue000"]
)
PAGE_TEXT = st.lists(ALPHABET, max_size=400).map("".join)
ANY_TEXT = st.text(max_size=300)


def assert_conserved(text: str) -> None:
    articles = parse_page(text, source="p")
    assert list(articles.columns) == ARTICLE_COLUMNS
    report = check_conservation(text, articles)
    assert report["ok"], report
    assert articles["article_id"].is_unique
    for row in articles.itertuples():
        assert row.line_start <= row.line_end
        assert all(" " not in name for name in row.byline)
        assert "\n\n" not in row.text
    paras = paragraphs(articles)
    assert (paras["para_no"] >= 1).all()


@SETTINGS
@given(PAGE_TEXT)
def test_newspaper_like_text_is_conserved(text):
    assert_conserved(text)


@SETTINGS
@given(ANY_TEXT)
def test_any_unicode_is_conserved(text):
    assert_conserved(text)


@SETTINGS
@given(st.lists(st.text(alphabet="质量调解群众工作，。“”", min_size=1, max_size=22),
                min_size=1, max_size=60))
def test_layout_shaped_pages_are_conserved(lines):
    """Lines separated by blank lines, as on an e-paper page."""
    assert_conserved("\n\n".join(lines) + "\n")


def test_empty_page_gives_empty_table():
    assert parse_page("", "p").empty
    assert parse_page("\n\n  \n", "p").empty
