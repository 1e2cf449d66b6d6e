"""govreports helpers: Chinese local-governance newspaper pages -> research data.

The public API, re-exported from one module per stage (see docs/DESIGN.md):

- corpus: ``load_corpus``, ``read_corpus`` (articles + furniture), ``parse_page``,
  ``parse_text``, ``paragraphs``, ``check_conservation``, ``check_corpus``,
  ``audit_corpus`` (conservation + furniture),
  ``describe_articles``, ``raw_excerpt``, ``save_table``,
  ``subhead_paragraphs``
- codebook: ``load_codebook``, ``Codebook``, ``CodebookError``
- coding: ``code_segments``, ``code_articles``, ``kwic`` (more in ``helpers.coding``:
  frequencies, keyness, co-occurrence, agreement)
- places: ``locate_article`` (locality, level, code, township, agency), ``resolve_locality``
- text: ``read_page``, ``tokenize``, ``CorpusError``
"""

from helpers.codebook import Codebook, CodebookError, load_codebook
from helpers.coding import (
    code_articles,
    code_segments,
    kwic,
)
from helpers.corpus import (
    Audit,
    Corpus,
    audit_corpus,
    check_conservation,
    check_corpus,
    describe_articles,
    load_corpus,
    paragraphs,
    parse_page,
    parse_text,
    raw_excerpt,
    read_corpus,
    save_table,
    subhead_paragraphs,
)
from helpers.places import locate_article, resolve_locality
from helpers.text import CorpusError, read_page, tokenize

__all__ = [
    "Audit",
    "Codebook",
    "CodebookError",
    "Corpus",
    "CorpusError",
    "audit_corpus",
    "check_conservation",
    "check_corpus",
    "code_articles",
    "code_segments",
    "describe_articles",
    "kwic",
    "load_codebook",
    "load_corpus",
    "locate_article",
    "paragraphs",
    "parse_page",
    "parse_text",
    "raw_excerpt",
    "read_corpus",
    "read_page",
    "resolve_locality",
    "save_table",
    "subhead_paragraphs",
    "tokenize",
]
