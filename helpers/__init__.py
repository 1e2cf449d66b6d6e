"""govreports helpers: Chinese local-governance newspaper pages -> research data.

The public API, re-exported from one module per stage (see docs/DESIGN.md):

- corpus: ``parse_page``, ``load_corpus``, ``paragraphs``, ``check_conservation``,
  ``check_corpus``, ``describe_articles``, ``raw_excerpt``, ``save_table``,
  ``subhead_paragraphs``
- codebook: ``load_codebook``, ``Codebook``, ``CodebookError``
- coding: ``code_segments``, ``code_articles``, ``kwic`` (more in ``helpers.coding``:
  frequencies, keyness, co-occurrence, agreement)
- places: ``resolve_locality``
- text: ``read_page``, ``tokenize``, ``CorpusError``
"""

from helpers.codebook import Codebook, CodebookError, load_codebook
from helpers.coding import (
    code_articles,
    code_segments,
    kwic,
)
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
from helpers.text import CorpusError, read_page, tokenize

__all__ = [
    "Codebook",
    "CodebookError",
    "CorpusError",
    "check_conservation",
    "check_corpus",
    "code_articles",
    "code_segments",
    "describe_articles",
    "kwic",
    "load_codebook",
    "load_corpus",
    "paragraphs",
    "parse_page",
    "raw_excerpt",
    "read_page",
    "resolve_locality",
    "save_table",
    "subhead_paragraphs",
    "tokenize",
]
