"""Property tests: arbitrary text never crashes the parser, and nothing is lost or invented."""

from __future__ import annotations

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers.corpus import (
    ARTICLE_COLUMNS,
    check_conservation,
    paragraphs,
    parse_page,
    parse_text,
)

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
    parsed = parse_text(text, source="p")
    articles = parsed.articles
    assert list(articles.columns) == ARTICLE_COLUMNS
    report = check_conservation(text, articles, parsed.furniture)
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


# --- byline parentheses: every byline line's pair is accounted for ----------------------------

MERGED_BYLINES = (
    "今年以来，桃源县坚持“小事不出村”，全县 ２１０ 个\n\n"
    "村（社区）建起调解室，化解纠纷 ３１２ 起。\n\n"
    "（龚 平 宋晓东）\n\n"
    "（通讯员 向 阳）\n\n"
    "桃源：调解室建到家门口\n"
)


def test_consecutive_byline_lines_merge_and_are_conserved():
    """Two byline lines in a row go to one article: both pairs of parentheses are its byline's."""
    articles = parse_page(MERGED_BYLINES, source="p")
    assert len(articles) == 1
    assert articles.loc[0, "byline"] == ["龚平", "宋晓东", "通讯员", "向阳"]
    report = check_conservation(MERGED_BYLINES, articles)
    assert report == {"ok": True, "missing": {"（": 2, "）": 2}, "invented": {}}


def test_lost_parentheses_that_are_no_byline_are_reported():
    """The check allows only the parentheses of byline groups: 村（社区） losing its own is loss."""
    articles = parse_page(MERGED_BYLINES, source="p")
    articles.loc[0, "text"] = articles.loc[0, "text"].replace("（社区）", "社区")
    report = check_conservation(MERGED_BYLINES, articles)
    assert not report["ok"]
    assert report["missing"] == {"（": 3, "）": 3}


def test_a_byline_pair_kept_in_no_field_only_once():
    """A byline printed once accounts for one pair, not for every article naming the person."""
    page = MERGED_BYLINES.replace("（通讯员 向 阳）\n\n", "")
    articles = parse_page(page, source="p")
    articles.at[0, "byline"] = ["龚平", "宋晓东", "龚平", "宋晓东"]  # names doubled, one group
    report = check_conservation(page + "（）", articles)  # and an empty pair, which is no byline
    assert not report["ok"]


NAMES = st.lists(st.sampled_from(["龚 平", "宋晓东", "向 阳", "欧阳春花", "李 娜", "通讯员 周 敏"]),
                 min_size=1, max_size=3).map(" ".join)


@SETTINGS
@given(st.lists(NAMES, min_size=1, max_size=4), st.booleans())
def test_any_run_of_byline_lines_is_conserved(bylines, trailing):
    """One to four byline lines after a paragraph (the first one on the paragraph's last line or
    alone), then a headline: conservation holds whatever the parser groups."""
    last = "村（社区）建起调解室，化解纠纷 ３１２ 起。"
    groups = [f"（{names}）" for names in bylines]
    if trailing:
        body = f"{last}{groups.pop(0)}\n\n"
    else:
        body = f"{last}\n\n"
    page = (MERGED_BYLINES.split("村（社区）")[0] + body
            + "".join(f"{g}\n\n" for g in groups) + "桃源：调解室建到家门口\n")
    assert_conserved(page)
