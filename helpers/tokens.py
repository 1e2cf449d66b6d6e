"""Tokens stage: how many words each article body has (the denominator of word frequencies)."""

from __future__ import annotations

import pandas as pd

from helpers.text.tokenizing import tokenize

__all__ = ["token_counts"]


def token_counts(articles: pd.DataFrame) -> pd.DataFrame:
    """Tokens per article body (``article_id``, ``n_tokens``), with the project tokenizer."""
    counts = [len(tokenize(body)) for body in articles["text"]]
    return pd.DataFrame({"article_id": list(articles["article_id"]), "n_tokens": counts},
                        columns=["article_id", "n_tokens"]).astype({"n_tokens": "int64"})
