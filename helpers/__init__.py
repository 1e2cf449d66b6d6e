"""govreports helpers: Chinese local-governance newspaper pages -> research data.

The public API, re-exported from one module per stage (see DESIGN.md):

- corpus: ``parse_page``, ``load_corpus``, ``paragraphs``, ``check_conservation``,
  ``check_corpus``, ``describe_articles``, ``raw_excerpt``, ``save_table``,
  ``subhead_paragraphs``
- places: ``resolve_locality``
- text: ``read_page``, ``CorpusError``
"""

from helpers.corpus import (
    check_conservation,
    check_corpus,
    describe_articles,
    load_corpus,
    paragraphs,
    parse_page,
    raw_excerpt,
    save_table,
    subhead_paragraphs,
)
from helpers.places import resolve_locality
from helpers.text import CorpusError, read_page

__all__ = [
    "CorpusError",
    "check_conservation",
    "check_corpus",
    "describe_articles",
    "load_corpus",
    "paragraphs",
    "parse_page",
    "raw_excerpt",
    "read_page",
    "resolve_locality",
    "save_table",
    "subhead_paragraphs",
]
