"""Test support, not runtime: the codes the project codebook gives a paragraph of text, for the
coding tests that assert which codes a sentence written for them does or does not carry."""

from __future__ import annotations

from helpers.coding import default_codebook, match_codes


def codes(text: str) -> set[str]:
    """The code ids matched in ``text`` with the project codebook."""
    return {m[0] for m in match_codes(text, default_codebook())}
