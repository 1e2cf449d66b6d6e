"""Raw newspaper pages -> articles: undo the e-paper page layout.

A raw page is text extracted from an e-paper PDF (see ``corpus/README.md``): every printed line
is followed by a blank line, lines are broken at the column width, justification spaces sit
between characters, paragraphs are not marked, and each article's headline is printed *after*
its body and byline.  ``parse_page`` rebuilds the articles from that geometry:

1. every non-blank raw line becomes a :class:`Line` (layout spaces removed, display width
   measured, trailing byline ``（刘 波 肖 薇 陈志强）`` split off);
2. lines are classified: body, title-like (headline or subhead: lines that end no sentence and
   are shorter than an indented first line could be, or run over the column, or stand alone
   where a first line could not; a title never ends inside a word, checked by segmenting across
   the line break), byline, author line (``程 昕`` opening an article), side column (a run of
   narrow lines that continues the paragraph).  Widths are measured with the page's own
   punctuation width (typeset pages compress it) against the local column width;
3. body lines are joined into paragraphs: a paragraph ends at a sentence end when its line is
   short for the column (the next line's first word would have fitted), or the next line is
   indented or justified;
4. title groups become headlines (after a byline, before an author line or a new text block, at
   the end of the page, or when they name a place / run over the column) or subheads;
5. articles end at their headline, after a byline not followed by a headline, before an author
   line, and at a text-block boundary (a single newline and a leading space).

Nothing is lost or invented: every non-whitespace character of the page lands in exactly one
field of one article, except the parentheses around bylines (see ``check_conservation``).
"""

from __future__ import annotations

import bisect
import functools
import json
import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path

import pandas as pd

from helpers import config
from helpers.places import find_places, resolve_locality
from helpers.text import CorpusError, is_cjk, read_page, spans_word

ARTICLE_COLUMNS = [
    "article_id", "source", "headline", "subheads", "byline", "text",
    "locality", "prefecture", "province", "line_start", "line_end",
]
PARAGRAPH_COLUMNS = ["article_id", "para_no", "text"]
# articles.attrs[SUBHEAD_PARAS]: JSON of article_id -> the para_no each of its subheads precedes
# (the codebook counts a subhead as part of the paragraph that follows it); see
# subhead_paragraphs.  A string, because pandas deep-copies attrs on every operation.
SUBHEAD_PARAS = "subhead_paras"

# Sentence end: 。！？ (or ASCII !?, or an ellipsis), optionally closed by quotes or brackets.
_SENTENCE_END = re.compile(r"(?:[。！？!?]|…{1,2}|\.{3,})[”’」』）)》\"']*$")
_OPEN_QUOTES = "“‘「『《"
_CLOSE_QUOTES = "”’」』》"
# Punctuation that printers compress; counted narrower than an ideograph when measuring lines.
_CJK_PUNCT = set("，。、；：“”‘’（）《》！？「」『』【】·—…")
_BYLINE = re.compile(r"^(?P<body>.*?)\s*[（(](?P<names>[^（）()]*)[）)]\s*$")
_NAME_CHAR = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff·•"  # what a name is written with
_NAME_TOKEN = re.compile(rf"^[{_NAME_CHAR}]{{1,6}}$")
_NAME_CHARS = re.compile(rf"[{_NAME_CHAR}\s]+")  # a line of name tokens and spaces
_MAX_BYLINE_NAMES = 8
_GAPS = re.compile(r"\s+")
_INDENT = 2.0  # a paragraph's first line is indented by two characters
_DIGIT_SPACE = re.compile(r"(?<=[0-9A-Za-z%])\s|\s(?=[0-9A-Za-z])")
# The first unbreakable unit of a line: opening quotes, then an ASCII run or one character,
# then the punctuation that may not start a line.
_HEAD_UNIT = re.compile(r"[“‘「『（《(]*(?:[0-9A-Za-z.%+\-/·]+|.)[，。、；：？！”’）》」』%…,.;:?!)]*",
                        re.DOTALL)


class _CharClass(dict):
    """Character -> 'p' (CJK punctuation), 'n' (narrow: half a character), 'w' (wide)."""

    def __missing__(self, ch: str) -> str:
        if ch in _CJK_PUNCT:
            cls = "p"
        elif ord(ch) < 0x2E80 and unicodedata.east_asian_width(ch) in "NaH":
            cls = "n"
        else:
            cls = "w"
        self[ch] = cls
        return cls


_CHAR_CLASS = _CharClass()


class _ClassTable(dict):
    """``str.translate`` table: code point -> its class letter (see ``_CharClass``), whitespace
    -> deleted; filled as characters are met."""

    def __missing__(self, code: int) -> str | None:
        ch = chr(code)
        cls = None if ch.isspace() else _CHAR_CLASS[ch]
        self[code] = cls
        return cls


_CLASS_TABLE = _ClassTable()


def _class_counts(text: str) -> tuple[int, int, int]:
    """How many wide, narrow and punctuation characters ``text`` holds (whitespace aside)."""
    classes = text.translate(_CLASS_TABLE)
    return classes.count("w"), classes.count("n"), classes.count("p")


def measure_width(text: str, punct: float = 0.8) -> float:
    """Display width of a cleaned line in ideograph units: ASCII 0.5, CJK punctuation ``punct``
    (printers compress it; ``estimate_punct_width`` finds a page's value), the rest 1."""
    wide, narrow, marks = _class_counts(text)
    return wide + 0.5 * narrow + punct * marks


def estimate_punct_width(widths_at_full: list[float]) -> float:
    """The width of a CJK punctuation mark on this page: 1.0 or 0.8.

    ``widths_at_full`` are the widths (punctuation counted 1) of lines inside paragraphs, which
    were filled to the column.  On a page set on a character grid (every character one cell)
    most of them are equal; typeset e-paper pages compress punctuation, so their lines hold
    varying character counts and a narrower punctuation width (0.8, the seed page's) fits.
    """
    if len(widths_at_full) < 8:
        return 1.0
    mid = statistics.median(widths_at_full)
    even = sum(abs(w - mid) <= 0.3 for w in widths_at_full) / len(widths_at_full)
    return 1.0 if even >= 0.6 else 0.8


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends at a sentence end (。！？…, possibly followed by a closing quote)."""
    return bool(_SENTENCE_END.search(text))


def split_names(content: str) -> list[str] | None:
    """Names of a byline's content, or None if it is not a byline.

    Two-character names are printed with a space (``刘 波 肖 薇 陈志强``): consecutive
    single characters are paired up again (刘波, 肖薇, 陈志强).
    """
    tokens = content.split()
    if not tokens or len(tokens) > 2 * _MAX_BYLINE_NAMES:
        return None
    if not all(_NAME_TOKEN.match(tok) for tok in tokens):
        return None
    names: list[str] = []
    singles: list[str] = []
    for tok in tokens + [""]:
        if len(tok) == 1:
            singles.append(tok)
            continue
        while singles:
            names.append("".join(singles[:2]))
            singles = singles[2:]
        if tok:
            names.append(tok)
    if len(names) > _MAX_BYLINE_NAMES or any(len(n) > 6 for n in names):
        return None
    return names


@dataclass
class Line:
    """One printed (non-blank) line of a raw page."""

    no: int  # 1-based line number in the raw file
    raw: str
    text: str  # layout spaces removed; candidate slogan spaces kept as the page's sentinel
    plain: str  # text without the sentinel
    spacing: float  # width of the spaces set around Latin digits
    justified: bool
    tight: bool  # follows the previous printed line with a single newline (no blank line)
    lead: bool  # starts with whitespace
    byline: list[str] | None = None  # names of a trailing parenthesized byline
    byline_only: bool = False
    width: float = 0.0  # display width (see measure_width)
    kind: str = "body"  # body | title | byline | author | side
    col: float = 0.0  # local column width (compressed-punctuation measure)
    cwidth: float = 0.0  # width for the fit tests (the same measure as ``width``)
    ccol: float = 0.0  # local column width for the fit tests
    head: float = 0.0  # count width of the line's first unbreakable unit
    col_before: float = 0.0  # column width of the lines before (the paragraph this line ends)
    ccol_before: float = 0.0
    end_text: bool = False  # ends_sentence(text), computed once
    end_plain: bool = False  # ends_sentence(plain)
    name_line: bool | None = None  # _is_name_line, computed on first use


@dataclass
class _Article:
    headline: str | None = None
    subheads: list[str] = field(default_factory=list)
    byline: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    subhead_paras: list[int] = field(default_factory=list)  # para_no each subhead precedes
    closed_by_byline: bool = False

    def empty(self) -> bool:
        return not (self.headline or self.subheads or self.byline or self.paragraphs)


def clean_line(raw: str, sentinel: str) -> tuple[str, bool]:
    """Remove layout spaces from one printed line; return (text, justified).

    A line is *justified* when spaces separate most of its characters (``今 年 7 月 ，洞 口``):
    all its spaces go.  Otherwise spaces next to digits, Latin letters or punctuation go
    (``全县 319 个``), and a single space between two ideographs is kept as ``sentinel`` so
    that a real space inside a quoted slogan can survive (decided per paragraph).
    """
    s = raw.strip()
    gaps = _GAPS.findall(s)
    if not gaps:
        return s, False
    chars = len(s) - sum(map(len, gaps))
    # spaces set around Latin digits do not make a line justified
    between = len(re.findall(r"[^\x00-\x7f]\s+(?=[^\x00-\x7f])", s))
    justified = between >= 2 and len(gaps) >= 0.3 * max(chars - 1, 1)
    if justified or not gaps:
        return "".join(s.split()), justified
    out = []
    parts = re.split(r"(\s+)", s)
    for i, part in enumerate(parts):
        if not part or not part.isspace():
            out.append(part)
            continue
        left = parts[i - 1] if i > 0 else ""
        right = parts[i + 1] if i + 1 < len(parts) else ""
        # a real space separates two phrases: two ideographs on either side, or all the
        # ideographs up to the line's edge
        ok_left = all(is_cjk(ch) for ch in left[-2:]) and (len(left) >= 2 or i == 1) and left
        ok_right = all(is_cjk(ch) for ch in right[:2]) and (len(right) >= 2 or i + 2 == len(parts)) and right
        if ok_left and ok_right:
            out.append(sentinel)
    return "".join(out), False


def _read_lines(text: str, sentinel: str) -> list[Line]:
    lines: list[Line] = []
    prev_blank = True
    for no, raw in enumerate(text.split("\n"), start=1):
        if not raw.strip():
            prev_blank = True
            continue
        byline = None
        byline_only = False
        stripped = raw.strip()
        m = _BYLINE.match(stripped) if stripped.endswith(("）", ")")) else None
        body = raw
        if m:
            names = split_names(m.group("names"))
            head = m.group("body")
            if names is not None and (not head.strip() or ends_sentence(clean_line(head, "")[0])):
                byline, byline_only = names, not head.strip()
                body = head
        cleaned, justified = clean_line(body, sentinel) if body.strip() else ("", False)
        plain = cleaned.replace(sentinel, "")
        # spaces set around Latin digits (``全县 319 个``) take a quarter of an em on the line
        spacing = 0.0 if justified else (0.25 * len(_DIGIT_SPACE.findall(body.strip()))
                                         + 0.5 * cleaned.count(sentinel))
        lines.append(Line(
            no=no, raw=raw, text=cleaned, plain=plain, spacing=spacing,
            justified=justified, tight=not prev_blank and bool(lines), lead=raw[:1].isspace(),
            byline=byline, byline_only=byline_only, end_text=ends_sentence(cleaned),
            end_plain=ends_sentence(plain),
        ))
        prev_blank = False
    classes = [_class_counts(ln.plain) for ln in lines]
    inner = [cls[0] + 0.5 * cls[1] + cls[2] + b.spacing
             for a, b, c, cls in zip(lines, lines[1:], lines[2:], classes[1:], strict=False)
             if not a.end_plain and not b.end_plain and not b.justified
             and not b.tight and b.byline is None and len(b.plain) >= 6 and c.plain]
    punct = estimate_punct_width(inner)
    for ln, cls in zip(lines, classes, strict=True):
        # measure_width(ln.plain, punct), from the character classes counted once
        ln.width = ln.cwidth = cls[0] + 0.5 * cls[1] + punct * cls[2] + ln.spacing
        ln.head = measure_width(_HEAD_UNIT.match(ln.plain).group() if ln.plain else "", punct)
    return lines


def _is_name_line(line: Line) -> bool:
    """An author line such as ``程 昕`` or ``刘 波 陈志强``: up to four names, nothing else."""
    if line.name_line is None:
        line.name_line = _name_line(line)
    return line.name_line


def _name_line(line: Line) -> bool:
    if line.byline is not None or _NAME_CHARS.fullmatch(line.raw.strip()) is None:
        return False  # (split_names refuses a character outside its name tokens)
    names = split_names(line.raw.strip())
    singles = sum(len(tok) == 1 for tok in line.raw.split())
    if not names or len(names) > 4 or singles > 4 or any(len(n) > 4 for n in names):
        return False
    text = "".join(names)
    return len(text) >= 2 and (len(line.raw.split()) > 1 or len(text) <= 3)


def _author_like(lines: list[Line], i: int) -> bool:
    """A name line where an article can start: at the top, after a byline or a headline."""
    prev = lines[i - 1] if i else None
    return _is_name_line(lines[i]) and (
        prev is None or prev.byline is not None or not prev.end_plain
        or (lines[i].tight and lines[i].lead))


def _mark_side_columns(lines: list[Line], narrow: float = 8.0, min_run: int = 4) -> None:
    """Mark runs of >= ``min_run`` narrow body lines (a side column continuing a paragraph)."""
    i = 0
    while i < len(lines):
        j = i
        while (j < len(lines) and lines[j].byline is None and 0 < lines[j].width <= narrow
               and not (j > i and lines[j].tight) and not (j == i and _author_like(lines, j))
               and not (j > i and lines[j].plain.endswith("：")
                        and lines[j - 1].end_plain)):
            j += 1
        if j - i >= min_run and sum(len(ln.text) for ln in lines[i:j]) >= 3 * min_run:
            col = max(ln.width for ln in lines[i:j])
            ccol = max(ln.cwidth for ln in lines[i:j])
            for ln in lines[i:j]:
                ln.kind, ln.col, ln.ccol = "side", col, ccol
        i = max(j, i + 1)


def _column_widths(lines: list[Line], radius: int = 6) -> None:
    """Estimate each line's local column width from the widest nearby body lines.

    For each line, the median of the three widest of up to ``radius`` body lines before it
    (``col_before``: the column its own paragraph ran in) and after it (``col``: the column a
    paragraph it opens runs in), not reaching across bylines or text-block boundaries.  ``ccol``
    is the same on the character-count measure.
    """
    cand = [i for i, ln in enumerate(lines)  # justified lines are full, but measure narrower
            if ln.kind == "body" and ln.byline is None and ln.width >= 4 and not ln.justified]
    widths = sorted(lines[i].width for i in cand)
    # the page's main column: most body lines are full, so the upper quartile is a full line
    glob = widths[3 * len(widths) // 4] if widths else 0.0
    stops = [i for i, ln in enumerate(lines) if ln.byline_only or (ln.tight and ln.lead)]

    width = [ln.width for ln in lines]

    def estimate(ks: list[int]) -> float | None:
        if len(ks) < 3:
            return None
        return sorted([width[k] for k in ks])[-2]  # the median of the three widest

    floor = glob - 0.5  # a window of first and last lines underestimates the column
    n = len(lines)
    for i, ln in enumerate(lines):
        if ln.kind == "side":
            ln.col_before, ln.ccol_before = ln.col, ln.ccol
            continue
        at = bisect.bisect_left(cand, i)
        s_at = bisect.bisect_right(stops, i)
        lo = stops[s_at - 1] if s_at else -1
        hi = stops[s_at] if s_at < len(stops) else n
        before = [k for k in cand[max(at - radius, 0):at] if k >= lo]
        after = [k for k in cand[at:at + radius + 1] if k != i and k < hi][:radius]
        est_b, est_a = estimate(before), estimate(after)
        if est_b is None:
            est_b = est_a if est_a is not None else estimate(before + after)
            if est_b is None:
                est_b = glob
        if est_a is None or est_a < 0.85 * est_b:
            est_a = est_b  # too few full lines ahead (a headline, a short article follows)
        # (ccol: cwidth is the same measure as width)
        ln.col_before = ln.ccol_before = max(est_b, floor)
        ln.col = ln.ccol = max(est_a, floor)


def _classify(lines: list[Line]) -> None:
    """Mark bylines, title-like lines (headlines, subheads) and author lines.

    A title line does not end a sentence, holds no 。or ；, is not justified, and follows a
    sentence end, a byline or another title (a line after a mid-sentence line continues it).
    Then it is a title when it is longer than the column, or shorter than an indented first
    line could be (the next line's first unit would have fitted even after the indent); when it
    is about as wide as an indented first line, only where such a line could not be: right after
    a byline or a headline line ending in a colon, before a new text block or the end of the
    page, or with a colon, and each time only when the next line does not continue it.
    """
    for ln in lines:
        if ln.kind != "side" and ln.byline_only:
            ln.kind = "byline"
    for i, ln in enumerate(lines):
        if ln.kind != "body" or ln.byline is not None or ln.justified or not ln.text:
            continue
        if ln.end_text or re.search("[。；;]", ln.text):
            continue
        prev = lines[i - 1] if i else None
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if prev is not None and prev.kind in ("body", "side") and prev.byline is None and not (
                prev.end_text or (ln.tight and ln.lead)):
            continue  # the line before is mid-sentence: this one continues it
        gap = max(ln.col, ln.col_before) - ln.width
        indent = _INDENT
        if ln.width >= max(ln.col, ln.col_before) + 1.5:
            ln.kind = "title"
            continue
        if nxt is not None and nxt.kind in ("body", "side") and spans_word(ln.plain, nxt.plain):
            continue  # wrapped inside a word (冲刺全|年目标): titles end at a word boundary
        if gap >= max(4.5, 0.3 * ln.col) or (gap >= 3.0 and _fits(ln, nxt, ln.ccol - indent - 0.5)):
            ln.kind = "title"
            continue
        after_byline = prev is not None and (
            prev.byline is not None or (prev.kind == "title" and prev.text.endswith(("：", ":"))))
        colon = "：" in ln.text[:12] or ln.text.endswith(":")
        too_wide = ln.width >= ln.ccol - indent + 1.0  # for an indented first line
        if (after_byline and (colon or too_wide)) or (
                prev is not None and prev.kind == "title" and prev.text.endswith(("：", ":"))):
            ln.kind = "title"
            continue
        # after a paragraph's short last line comes an indented first line or a title
        prev2 = lines[i - 2] if i >= 2 else None
        prev_first = prev is not None and (  # does the line before open its paragraph?
            prev2 is None or prev2.kind not in ("body", "side") or prev2.byline is not None
            or (prev.tight and prev.lead) or (prev2.end_text and _is_short(prev2, prev)))
        after_paragraph = (prev is not None and prev.kind in ("body", "side")
                           and prev.byline is None and prev.end_text
                           and _is_short(prev, ln, first=prev_first))
        if after_paragraph and (gap < 1.25 or _names_place(ln.plain)):
            ln.kind = "title"
            continue
        nxt2 = lines[i + 2] if i + 2 < len(lines) else None
        continued = (nxt is not None and nxt.kind == "body" and not nxt.tight
                     and not _is_name_line(nxt)
                     and (nxt.justified or not _is_indented(nxt, nxt2) or (
                         nxt.end_text and not _fits(ln, nxt, ln.ccol - indent))))
        if continued:
            continue
        if nxt is None:
            ln.kind = "title"  # the page ends, and a paragraph ends at a sentence end
            continue
        before_block = (nxt.tight and nxt.kind in ("body", "side")) or (
            _is_name_line(nxt) and nxt2 is not None and nxt2.kind in ("body", "side"))
        # the next line opens a paragraph, so this line, which ends no sentence, stands alone
        standalone = (nxt is not None and nxt.kind == "body" and nxt.byline is None
                      and not nxt.end_text and gap >= 1.5
                      and (gap >= 3.0 or (nxt.col - nxt.width >= 1.75 and _is_indented(nxt, nxt2))))
        if after_byline or standalone or ((before_block or colon) and gap >= 1.5):
            ln.kind = "title"
    # backwards: the line before an author line ends a headline, and so does a line ending in
    # a colon before a headline line
    for i in range(len(lines) - 2, -1, -1):
        ln, nxt = lines[i], lines[i + 1]
        if ln.kind != "body" or ln.byline is not None or ln.justified or ln.end_plain:
            continue
        nxt2 = lines[i + 2] if i + 2 < len(lines) else None
        before_author = (nxt.kind in ("body", "title") and _is_name_line(nxt) and not nxt.tight
                         and nxt2 is not None and nxt2.kind == "body")
        colon_head = ln.plain.endswith(("：", ":")) and nxt.kind == "title"
        if (before_author or colon_head) and not re.search("[。；;]", ln.text):
            ln.kind = "title"
    for i, ln in enumerate(lines):
        if ln.kind in ("title", "body") and ln.byline is None and _is_name_line(ln):
            prev_k = lines[i - 1].kind if i else "start"
            prev_by = i > 0 and lines[i - 1].byline is not None
            nxt = lines[i + 1] if i + 1 < len(lines) else None
            block = ln.tight and ln.lead
            if ln.tight and not ln.lead and len(ln.raw.split()) < 2:
                continue  # glued to the line before: the second line of a subhead pair
            if (prev_k in ("start", "title") or prev_by or block) and nxt is not None and nxt.kind in (
                    "body", "side") and not nxt.tight:
                ln.kind = "author"


def _fits(line: Line, nxt: Line | None, ccol: float) -> bool:
    """Would the next line's first unit have fitted at the end of ``line`` (so it was short)?"""
    if nxt is None or nxt.kind not in ("body", "side") or not nxt.text:
        return True
    return line.cwidth + nxt.head <= (ccol or line.cwidth) + 0.01


def _is_short(a: Line, b: Line | None, first: bool = False) -> bool:
    """Is ``a`` clearly shorter than its column (a paragraph's last line)?

    ``first``: ``a`` opens its paragraph, so its capacity is the column less the indent.
    """
    if a.justified:
        return False  # justification spreads a line to the full width
    col = a.col_before or a.width
    indent = _INDENT if first else 0.0
    slack = min(1.75, 0.35 * col)  # narrower in a side column
    return a.width <= col - indent - slack and _fits(a, b, a.ccol_before - indent)


def _is_indented(b: Line, c: Line | None) -> bool:
    """Is ``b`` indented (a paragraph's first line) rather than a full continuation line?

    It must be narrower than the column, and not full: the first unit of the line after it
    would have fitted (a long unit such as ``2022年`` or ``办法》，`` wraps a full line early).
    """
    if b.justified and b.kind != "side":  # a side column justifies every line
        return True
    col = b.col or b.width
    if b.width > col - 1.3:
        return False
    if b.end_text:
        # a one-line paragraph: indented only if it (nearly) fills an indented line; a short
        # sentence end after a full line (…‘幸福湾’。” / 杨元香说。) continues the paragraph
        return b.width >= col - 3.5
    return c is None or _fits(b, c, b.ccol)


def _paragraph_break(a: Line, b: Line, c: Line | None = None, first: bool = False) -> bool:
    """Does a paragraph end between body lines ``a`` and ``b`` (``c`` follows ``b``)?

    ``first``: ``a`` is the first line of its paragraph.
    """
    if not a.end_text:
        return False
    if b.tight and b.lead:
        return True
    return _is_short(a, b, first) or _is_indented(b, c)


def _join(texts: list[str], sentinel: str) -> str:
    """Join a paragraph's lines; keep a sentinel space only inside quotes."""
    joined = "".join(texts)
    if sentinel not in joined:
        return joined.strip(" ")
    out: list[str] = []
    depth = 0
    for ch in joined:
        if ch in _OPEN_QUOTES:
            depth += 1
        elif ch in _CLOSE_QUOTES:
            depth = max(depth - 1, 0)
        if ch == sentinel:
            if depth > 0 and out and out[-1] != " ":
                out.append(" ")
            continue
        out.append(ch)
    return "".join(out).strip(" ")


def _names_place(text: str) -> bool:
    """Does ``text`` open like a headline, with a place and a colon (``江华：``, ``汉寿县：``)?"""
    head, colon, _ = text.partition("：")
    return bool(colon) and 2 <= len(head) <= 12 and resolve_locality(head, "")[0] is not None


def _headline_score(group: list[Line]) -> int:
    """How much a title group looks like a headline (>= 2) rather than a subhead: a colon, a
    place at the start, running over the column; a tight two-line pair is a subhead."""
    text = "".join(ln.text for ln in group)
    score = 0
    if "：" in text[:16] or ":" in text[:16]:
        score += 2
    places = find_places(text[:12])
    if places and places[0][0] == 0:
        score += 2
    elif resolve_locality(text[:12], "")[0] is not None and "：" in text[:12]:
        score += 1
    if any(ln.width >= ln.col + 1 for ln in group):
        score += 2
    if len(group) == 2 and group[1].tight:
        score -= 2
    return score


def parse_page(text: str, source: str = "page") -> pd.DataFrame:
    """Parse one raw page into the articles table (see DESIGN.md).

    ``text`` is the page as extracted from the e-paper (``read_page`` decodes and normalizes a
    file); ``source`` names the page and prefixes each ``article_id`` ("{source}-{NN}").
    """
    rows, where = _page_rows(text, source)
    frame = _articles_frame(rows)
    set_subhead_positions(frame, where)
    return frame


def _page_rows(text: str, source: str) -> tuple[list[dict[str, object]], dict[str, list[int]]]:
    """The article rows of one page, and where their subheads stand."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    sentinel = next(chr(c) for c in range(0xE000, 0xF900) if chr(c) not in text)
    lines = _read_lines(text, sentinel)
    _mark_side_columns(lines)
    _column_widths(lines)
    _classify(lines)
    articles = _assemble(lines, sentinel)
    rows = []
    where: dict[str, list[int]] = {}
    for n, art in enumerate(articles, start=1):
        where[f"{source}-{n:02d}"] = art.subhead_paras
        body = "\n".join(art.paragraphs)
        locality = resolve_locality(art.headline, body)
        rows.append({
            "article_id": f"{source}-{n:02d}", "source": source, "headline": art.headline,
            "subheads": art.subheads, "byline": art.byline, "text": body,
            "locality": locality[0], "prefecture": locality[1], "province": locality[2],
            "line_start": min(art.lines), "line_end": max(art.lines),
        })
    return rows, where


def _articles_frame(rows: list[dict[str, object]]) -> pd.DataFrame:
    """Build the articles table with object columns (so a missing headline stays ``None``)."""
    frame = pd.DataFrame(rows, columns=ARTICLE_COLUMNS, dtype=object)
    return frame.astype({"line_start": "int64", "line_end": "int64"})


def _assemble(lines: list[Line], sentinel: str) -> list[_Article]:
    """Walk the classified lines and cut them into articles."""
    articles: list[_Article] = []
    cur = _Article()

    def close() -> None:
        nonlocal cur
        if not cur.empty():
            articles.append(cur)
        cur = _Article()

    para: list[Line] = []

    def flush() -> None:
        nonlocal para
        if para:
            joined = _join([ln.text for ln in para], sentinel)
            if joined:
                cur.paragraphs.append(joined)
            cur.lines.extend(ln.no for ln in para)
        para = []

    i = 0
    while i < len(lines):
        ln = lines[i]
        if cur.closed_by_byline and ln.kind not in ("title", "byline"):
            flush()
            close()
        if ln.kind in ("body", "side"):
            nxt = lines[i + 1] if i + 1 < len(lines) else None
            if para and _paragraph_break(para[-1], ln, nxt, first=len(para) == 1):
                flush()
                if ln.tight and ln.lead:
                    close()
            elif not para and ln.tight and ln.lead and cur.paragraphs:
                close()
            para.append(ln)
            if ln.byline is not None:
                flush()
                cur.byline.extend(ln.byline)
                cur.closed_by_byline = True
            i += 1
            continue
        flush()
        if ln.kind == "byline":
            cur.byline.extend(ln.byline or [])
            cur.lines.append(ln.no)
            cur.closed_by_byline = True
            i += 1
            continue
        if ln.kind == "author":
            close()
            cur.byline.extend(_author_names(ln))
            cur.lines.append(ln.no)
            i += 1
            continue
        # a title group: consecutive title lines
        j = i
        while j < len(lines) and lines[j].kind == "title" and j - i < 3:
            j += 1
        group = lines[i:j]
        nxt = lines[j] if j < len(lines) else None
        headline = (
            cur.closed_by_byline
            or nxt is None
            or nxt.kind == "author"
            or (nxt.tight and nxt.kind in ("body", "side"))
            or _headline_score(group) >= 2
        )
        if headline and cur.headline is None:
            cur.headline = "".join(ln.text.replace(sentinel, " ") for ln in group)
            cur.lines.extend(ln.no for ln in group)
            cur.closed_by_byline = False
            close()
        else:
            cur.subheads.append(" ".join(ln.text.replace(sentinel, " ") for ln in group))
            cur.subhead_paras.append(len(cur.paragraphs) + 1)
            cur.lines.extend(ln.no for ln in group)
        i = j
    flush()
    close()
    return articles


def _author_names(line: Line) -> list[str]:
    """The names on an author line (``程 昕`` -> 程昕)."""
    names = split_names(line.raw.strip())
    return names if names is not None else ["".join(line.raw.split())]


def paragraphs(articles: pd.DataFrame) -> pd.DataFrame:
    """The paragraphs table: one row per paragraph (``article_id``, ``para_no`` from 1, ``text``)."""
    return pd.DataFrame(list(iter_paragraphs(articles)), columns=PARAGRAPH_COLUMNS)


def iter_paragraphs(articles: pd.DataFrame) -> Iterator[tuple[str, int, str]]:
    """The rows of ``paragraphs(articles)`` as (article_id, para_no, text) tuples, without
    building the table (the stages that read every paragraph once)."""
    for aid, body in zip(articles["article_id"].tolist(), articles["text"].tolist(), strict=True):
        for n, para in enumerate((p for p in body.split("\n") if p), start=1):
            yield aid, n, para


def check_conservation(text: str, articles: pd.DataFrame) -> dict[str, object]:
    """Compare a page's non-whitespace characters with those in the articles' fields.

    Returns ``{"ok", "missing", "invented"}``: characters of the page not found in any field
    (only byline parentheses may be missing, at most two per article with a byline) and
    characters in the fields that are not on the page (must be none).
    """
    page = Counter(ch for ch in text if not ch.isspace())
    fields: Counter[str] = Counter()
    for row in articles.itertuples(index=False):
        parts = [row.headline or "", *row.subheads, *row.byline, row.text]
        fields.update(ch for part in parts for ch in part if not ch.isspace())
    missing = page - fields
    invented = fields - page
    with_byline = int(sum(bool(b) for b in articles["byline"])) if len(articles) else 0
    parens_ok = (
        set(missing) <= set("（）()")
        and missing["（"] + missing["("] == missing["）"] + missing[")"]
        and missing["（"] + missing["("] <= with_byline
    )
    return {"ok": parens_ok and not invented, "missing": dict(missing),
            "invented": dict(invented)}


def list_pages(path: str | PathLike[str] | None = None) -> list[Path]:
    """The raw page files under ``path`` (a folder or one file), sorted; raises if there are none."""
    root = Path(path) if path is not None else config.CORPUS_RAW
    if not root.exists():
        raise CorpusError("no such file or folder", path=root)
    if root.is_file():
        return [root]
    files = sorted(p for p in root.iterdir() if p.is_file() and not p.name.startswith("."))
    if not files:
        raise CorpusError("folder holds no pages (drop raw text files here)", path=root)
    stems = Counter(p.stem for p in files)
    dupes = [p for p in files if stems[p.stem] > 1]
    if dupes:
        raise CorpusError(f"two pages share the source name {dupes[0].stem!r}", path=dupes[0])
    return files


def load_corpus(path: str | PathLike[str] | None = None) -> pd.DataFrame:
    """Read and parse every page under ``path`` (default ``corpus/raw``) into one articles table."""
    rows: list[dict[str, object]] = []
    where: dict[str, list[int]] = {}
    for page in list_pages(path):  # one table at the end: no per-page DataFrames
        page_rows, page_where = _page_rows(read_page(page), page.stem)
        rows.extend(page_rows)
        where.update(page_where)
    corpus = _articles_frame(rows)
    set_subhead_positions(corpus, where)
    return corpus


def set_subhead_positions(articles: pd.DataFrame, where: dict[str, list[int]]) -> None:
    """Attach where the subheads stand (article_id -> para_no list) to an articles table."""
    articles.attrs[SUBHEAD_PARAS] = json.dumps(where, ensure_ascii=False, sort_keys=True)


def subhead_positions(articles: pd.DataFrame) -> dict[str, list[int]]:
    """The subhead positions attached to an articles table (empty when there are none)."""
    return _load_positions(articles.attrs.get(SUBHEAD_PARAS) or "{}")


@functools.lru_cache(maxsize=8)
def _load_positions(encoded: str) -> dict[str, list[int]]:
    return json.loads(encoded)


def subhead_paragraphs(articles: pd.DataFrame) -> pd.DataFrame:
    """Where the subheads stand: one row per subhead (``article_id``, ``para_no`` of the paragraph
    it precedes, ``subhead``).  The positions travel with the articles table from ``parse_page``
    / ``load_corpus`` (``articles.attrs``); a table read back from disk has none and gives an
    empty result."""
    where = subhead_positions(articles)
    rows = [
        (aid, para_no, sub)
        for aid, subs in zip(articles["article_id"], articles["subheads"], strict=True)
        for sub, para_no in zip(subs, where.get(aid, []), strict=False)
    ]
    return pd.DataFrame(rows, columns=["article_id", "para_no", "subhead"])


def describe_articles(articles: pd.DataFrame) -> pd.DataFrame:
    """Per-article diagnostics: lines, paragraphs, characters, subheads, byline and locality."""
    return pd.DataFrame({
        "article_id": articles["article_id"],
        "headline": articles["headline"],
        "lines": articles["line_start"].astype(str) + "–" + articles["line_end"].astype(str),
        "paragraphs": [len([p for p in t.split("\n") if p]) for t in articles["text"]],
        "characters": [len(t.replace("\n", "")) for t in articles["text"]],
        "subheads": [len(s) for s in articles["subheads"]],
        "byline": ["、".join(b) for b in articles["byline"]],
        "locality": articles["locality"],
        "prefecture": articles["prefecture"],
    }).reset_index(drop=True)


def raw_excerpt(path: str | PathLike[str], first: int, last: int) -> str:
    """Lines ``first``..``last`` (1-based, inclusive) of a raw page as stored, numbered."""
    lines = read_page(path).split("\n")
    return "\n".join(f"{n:>4}│{lines[n - 1]}" for n in range(first, min(last, len(lines)) + 1))


def check_corpus(path: str | PathLike[str] | None = None) -> pd.DataFrame:
    """Conservation check for every page: one row per file (source, articles, ok, missing,
    invented), where ``missing`` may only hold byline parentheses."""
    rows = []
    for page in list_pages(path):
        text = read_page(page)
        articles = parse_page(text, source=page.stem)
        report = check_conservation(text, articles)
        rows.append({"source": page.stem, "articles": len(articles), "ok": report["ok"],
                     "missing": " ".join(f"{k}×{v}" for k, v in sorted(report["missing"].items())),
                     "invented": "".join(sorted(report["invented"]))})
    return pd.DataFrame(rows)


def save_table(table: pd.DataFrame, name: str, folder: str | PathLike[str] | None = None
               ) -> list[Path]:
    """Write ``table`` to ``corpus/derived/{name}.parquet`` and ``{name}.csv``.

    The CSV is UTF-8 with a byte-order mark so that Excel shows the Chinese text; list columns
    (subheads, byline) are written there as JSON arrays.  Returns the two paths.
    """
    import json

    out = Path(folder) if folder is not None else config.CORPUS_DERIVED
    out.mkdir(parents=True, exist_ok=True)
    parquet, csv = out / f"{name}.parquet", out / f"{name}.csv"
    table.to_parquet(parquet, index=False)
    flat = table.copy()
    for col in flat.columns:
        if flat[col].map(lambda v: isinstance(v, list)).any():
            flat[col] = flat[col].map(lambda v: json.dumps(list(v), ensure_ascii=False))
    flat.to_csv(csv, index=False, encoding="utf-8-sig", lineterminator="\n")
    return [parquet, csv]
