"""Text: bytes -> normalized text (``decoding``), words (``tokenizing``), parts of speech (``pos``).

The public names of the text stage are importable from here.  ``pos_tagger`` is loaded on first
use (``helpers.text.pos`` imports ``jieba.posseg``, ~0.4 s), so ``import helpers`` stays light.
"""

from __future__ import annotations

from typing import Any

from helpers.text.decoding import (
    CorpusError,
    check_simplified,
    decode_bytes,
    is_cjk,
    normalize_text,
    read_page,
    traditional_share,
)
from helpers.text.tokenizing import (
    Tokenizer,
    content_tokens,
    default_tokenizer,
    dictionary_additions,
    get_tokenizer,
    load_stopwords,
    load_tokenizer,
    spans_word,
    tokenize,
    tokenize_default,
    tokenize_spans,
    tokenizer_backend,
    word_boundaries,
)

__all__ = [
    "CorpusError", "Tokenizer", "check_simplified", "content_tokens", "decode_bytes",
    "default_tokenizer", "dictionary_additions", "get_tokenizer", "is_cjk", "load_stopwords",
    "load_tokenizer", "normalize_text", "pos_tagger", "read_page", "spans_word", "tokenize",
    "tokenize_default", "tokenize_spans", "tokenizer_backend", "traditional_share",
    "word_boundaries",
]


def __getattr__(name: str) -> Any:
    if name == "pos_tagger":
        from helpers.text.pos import pos_tagger

        return pos_tagger
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
