"""The e-paper page-layout parser: raw page text -> articles (headline, subheads, byline,
paragraphs, raw lines).

A raw page is text extracted from an e-paper PDF (see ``corpus/README.md``): lines are broken at
the column width, justification spaces may sit between characters, paragraphs are not marked,
and each article's headline is printed *after* its body and byline.  It comes in two forms, told
apart from the page itself (``lines.is_dense``): the seed's, where every printed line is followed
by a blank line, and the dense form of other extractors (pdftotext, PyMuPDF, county sites), one
printed line per text line, where a blank line is a real gap or a debris line the caller blanked.
``parse_articles`` rebuilds the articles from the same geometry in both, in steps that each have
their module:

1. ``lines``: every non-blank raw line becomes a :class:`Line` (layout spaces removed, display
   width measured with the page's own punctuation width, trailing byline split off, how it
   follows the line before against the page's form);
2. ``classify``: each line's local column width, then its kind: body, title-like (headline or
   subhead), byline, author line, side column;
3. ``assemble``: body lines joined into paragraphs, title groups made headlines or subheads,
   and the lines cut into articles.

Every threshold these steps compare with is named, with its reason, in ``thresholds``.  The
articles table (ids, localities, subhead positions) is built from the result by
``helpers.corpus``; nothing is lost or invented: every non-whitespace character of the page lands
in exactly one field of one article, except the parentheses around bylines
(``corpus.check_conservation``).
"""

from __future__ import annotations

from helpers.layout.assemble import ParsedArticle, assemble_articles
from helpers.layout.classify import classify_lines, estimate_columns, mark_side_columns
from helpers.layout.lines import (
    Line,
    clean_line,
    ends_sentence,
    estimate_punct_width,
    measure_width,
    read_lines,
    split_names,
)

__all__ = [
    "Line",
    "ParsedArticle",
    "clean_line",
    "ends_sentence",
    "estimate_punct_width",
    "measure_width",
    "parse_articles",
    "split_names",
]

# Private-use code points: one the page does not hold marks the spaces kept between ideographs.
_SENTINELS = range(0xE000, 0xF900)


def parse_articles(text: str) -> list[ParsedArticle]:
    """The articles of one raw page, in page order (empty for a page without text)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    sentinel = next(chr(c) for c in _SENTINELS if chr(c) not in text)
    lines = read_lines(text, sentinel)
    mark_side_columns(lines)
    estimate_columns(lines)
    classify_lines(lines)
    return assemble_articles(lines, sentinel)
