"""Held-out pages: four pages hand-composed in the seed's layout (other provinces, column widths,
article mixes; see tests/fixtures/pages/README.md), with the parse a careful reader records."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers.corpus import check_conservation, parse_page
from helpers.text import normalize_text, read_page

PAGES = Path(__file__).parent / "fixtures" / "pages"
NAMES = sorted(p.stem for p in PAGES.glob("page_*.txt"))


@pytest.fixture(scope="module", params=NAMES)
def page(request):
    text = read_page(PAGES / f"{request.param}.txt")
    expected = json.loads((PAGES / f"{request.param}.json").read_text(encoding="utf-8"))
    return request.param, text, parse_page(text, source=request.param), expected


def test_fixture_pages_exist():
    assert len(NAMES) >= 4


def test_article_count(page):
    name, _, got, expected = page
    assert len(got) == len(expected), (name, list(got["headline"]))


def test_structure(page):
    name, _, got, expected = page
    for row, exp in zip(got.itertuples(), expected, strict=False):
        assert (row.headline, row.byline, row.subheads) == (
            exp["headline"], exp["byline"], exp["subheads"]), (name, row.article_id)
        assert (row.line_start, row.line_end) == (exp["line_start"], exp["line_end"]), name


def test_paragraphs(page):
    name, _, got, expected = page
    for row, exp in zip(got.itertuples(), expected, strict=False):
        # the fixtures keep full-width digits as printed (９８．６％); read_page normalizes them
        paras = [normalize_text(p) for p in exp["paragraphs"]]
        assert row.text.split("\n") == paras, (name, row.article_id)


def test_localities(page):
    name, _, got, expected = page
    for row, exp in zip(got.itertuples(), expected, strict=False):
        assert (row.locality, row.prefecture, row.province) == (
            exp["locality"], exp["prefecture"], exp["province"]), (name, row.article_id)


def test_conservation(page):
    _, text, got, _ = page
    report = check_conservation(text, got)
    assert report["ok"], report
