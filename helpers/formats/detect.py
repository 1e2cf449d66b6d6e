"""Which format a corpus file is in: from its extension, and for text files from its lines.

Tables are known by their extension.  A ``.txt`` file is an e-paper ``page`` or an ``article``.
Text extracted from an e-paper PDF is printed lines one column wide (a dozen to two dozen
characters) that break mid-sentence; a scraped article is paragraphs, one per line, that end at
a sentence end and often run to a hundred characters.  So a text file is a page when nearly all
its lines (debris and header lines aside) are column-short and most of them run on.  ``format=``
(per call, or per folder in ``metadata.yaml``) overrides the guess where a file is neither.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import islice
from pathlib import Path

from helpers.formats.furniture import furniture_kind, is_table_cell, spaceless_candidates
from helpers.formats.headers import parse_header

__all__ = ["TABLE_SUFFIXES", "TEXT_SUFFIXES", "detect_format"]

#: Extensions of table files (database exports), one article per row.
TABLE_SUFFIXES = (".csv", ".tsv", ".xlsx", ".jsonl", ".parquet")
#: Extensions of text files: e-paper pages and article files.
TEXT_SUFFIXES = (".txt",)
#: Longest line (spaces removed) of a page's column, in characters: e-paper columns are 10-25
#: wide (the seed's 13-17); a headline across columns is longer, hence a quantile below.
PAGE_LINE_MAX = 36
#: The share of lines that must be column-short: all but the headlines and spanning lines.
PAGE_SHORT_SHARE = 0.9
#: The share of lines that must run on (end without a sentence end): a column breaks lines
#: wherever the width ends, a web copy at the end of each paragraph.
PAGE_RUN_ON_SHARE = 0.5
#: Lines read to tell the format (the first ones): a page shows its column within a hundred
#: lines (the seed's first 200 tell it as its whole 586 do), and a large file is not read whole
#: twice.
DETECT_LINES = 200
#: Fewer lines than this cannot show a column (a title and one paragraph): such a file is an
#: article.  Three short run-on lines already are column text.
PAGE_MIN_LINES = 3
# A line that ends a sentence: an ASCII full stop counts (a web copy with ASCII punctuation), not
# after a digit (a decimal point the column width split: 28.|1%).
_SENTENCE_END = re.compile(r"(?:[。！？!?…；;：:]|(?<!\d)\.)['\"”’」』）)]*\s*$")
# ``_SENTENCE_END`` as ``_ends_sentence`` reads it without a search: its end marks, closing marks
# and whitespace share no character, so the mark stands right before the closing marks and
# spaces that end the line.
_END_MARKS = "。！？!?…；;：:"
_CLOSERS = "'\"”’」』）)"


#: On a file long enough to show it (this many lines), a page's lines have one length, the
#: column's: at least ``PAGE_COLUMN_SHARE`` of them within ``COLUMN_TOLERANCE`` characters of the
#: commonest length (0.61-0.81 on the seed and the fixture pages).  A list or a bulletin of
#: short lines (名单, 第一组：…) varies far more (0.37 on a real city bulletin).
PAGE_COLUMN_MIN_LINES = 12
PAGE_COLUMN_SHARE = 0.5
#: Characters a column's lines differ by: punctuation and digits are narrower than ideographs.
COLUMN_TOLERANCE = 2


def _column_share(lengths: list[int]) -> float:
    """The largest share of lines within ``COLUMN_TOLERANCE`` of one length."""
    counts = Counter(lengths)
    best = max(sum(counts[m + d] for d in range(-COLUMN_TOLERANCE, COLUMN_TOLERANCE + 1))
               for m in counts)
    return best / len(lengths)


def _ends_sentence(line: str) -> bool:
    """``_SENTENCE_END.search(line)``: the line ends a sentence."""
    core = line.rstrip().rstrip(_CLOSERS)
    if not core:
        return False
    if core[-1] in _END_MARKS:
        return True
    return core[-1] == "." and not core[-2:-1].isdecimal()


def detect_format(path: Path, text: str | None = None) -> str:
    """"table" for a table file, else "page" or "article" by the lines of ``text``."""
    if path.suffix.lower() in TABLE_SUFFIXES:
        return "table"
    spaceless = ("".join(line.split()) for line in (text or "").splitlines())
    lines = list(islice((s for s in spaceless if s), DETECT_LINES))  # the first ones only
    # (only the lines that may be furniture are asked: spaceless_candidates)
    maybe = set(spaceless_candidates(lines))
    # (nor do a table's cells set one a line: 住建局 |, 98.06% |, 4226)
    lines = [s for i, s in enumerate(lines)
             if (i not in maybe or furniture_kind(s) is None) and parse_header(s) is None
             and not is_table_cell(s)]
    if len(lines) < PAGE_MIN_LINES:
        return "article"
    short = sum(len(s) <= PAGE_LINE_MAX for s in lines)
    run_on = sum(not _ends_sentence(s) for s in lines)
    column = (len(lines) < PAGE_COLUMN_MIN_LINES
              or _column_share([len(s) for s in lines]) >= PAGE_COLUMN_SHARE)
    if (short >= PAGE_SHORT_SHARE * len(lines) and run_on >= PAGE_RUN_ON_SHARE * len(lines)
            and column):
        return "page"
    return "article"
