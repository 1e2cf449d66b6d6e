"""Test support, not runtime: the context (role, direction, period…) the metrics give one figure
of a sentence written for a test, found by its printed text."""

from __future__ import annotations

from helpers.metric_context import FigureContext, figure_context


def context_of(sentence: str, figure: str, kind: str = "rate", value: float | None = None,
               occurrence: int = 0) -> FigureContext:
    """The context of the ``occurrence``-th printing of ``figure`` in ``sentence``."""
    start = -1
    for _ in range(occurrence + 1):
        start = sentence.index(figure, start + 1)
    return figure_context(sentence, start, start + len(figure), kind=kind, value=value)
