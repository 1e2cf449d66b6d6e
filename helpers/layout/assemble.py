"""Steps 3-5 of the layout parser: classified lines -> paragraphs -> articles.

Body lines are joined into paragraphs: a paragraph ends at a sentence end when its line is
short for the column (the next line's first word would have fitted), or the next line is
indented or justified.  Title groups become headlines (after a byline, before an author line or
a new text block, at the end of the page, or when they name a place / run over the column) or
subheads.  Articles end at their headline, after a byline not followed by a headline, before an
author line, and at a text-block boundary (a single newline and a leading space).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from helpers.layout.classify import is_indented, is_short
from helpers.layout.lines import Line, author_names
from helpers.layout.thresholds import (
    COLON_SCORE,
    HEADLINE_COLON_WITHIN,
    HEADLINE_MIN_SCORE,
    HEADLINE_OVERRUN,
    LEAD_MAX_CHARS,
    MAX_TITLE_LINES,
    OVERRUN_SCORE,
    PLACE_LEAD_SCORE,
    PLACE_SCORE,
    TIGHT_PAIR_PENALTY,
)
from helpers.places import find_places, resolve_locality

_OPEN_QUOTES = "“‘「『《"
_CLOSE_QUOTES = "”’」』》"


@dataclass
class ParsedArticle:
    """One article as the layout gives it (the articles table adds ids and localities)."""

    headline: str | None = None
    subheads: list[str] = field(default_factory=list)
    byline: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)  # raw line numbers (1-based)
    subhead_paras: list[int] = field(default_factory=list)  # para_no each subhead precedes

    def empty(self) -> bool:
        return not (self.headline or self.subheads or self.byline or self.paragraphs)


def is_paragraph_break(a: Line, b: Line, c: Line | None = None, first: bool = False) -> bool:
    """Does a paragraph end between body lines ``a`` and ``b`` (``c`` follows ``b``)?

    ``first``: ``a`` is the first line of its paragraph.
    """
    if not a.end_text:
        return False
    if b.block:
        return True
    if is_short(a, b, first):
        return True
    # a quotation closing at the end of a full line is often the middle of its sentence (the
    # speaker follows: “……！” / 村民王明笑着说。): a one-line sentence end after it continues
    # the paragraph; only a first line that goes on to the next one opens a new paragraph
    if a.plain.endswith(tuple(_CLOSE_QUOTES)) and b.end_text:
        return False
    return is_indented(b, c)


def join_lines(texts: list[str], sentinel: str) -> str:
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


def headline_score(group: list[Line]) -> int:
    """How much a title group looks like a headline (``HEADLINE_MIN_SCORE`` and more) rather
    than a subhead: a colon, a place at the start, running over the column; a tight two-line
    pair is a subhead."""
    text = "".join(ln.text for ln in group)
    score = 0
    if "：" in text[:HEADLINE_COLON_WITHIN] or ":" in text[:HEADLINE_COLON_WITHIN]:
        score += COLON_SCORE
    places = find_places(text[:LEAD_MAX_CHARS])
    if places and places[0][0] == 0:
        score += PLACE_SCORE
    elif (resolve_locality(text[:LEAD_MAX_CHARS], "")[0] is not None
          and "：" in text[:LEAD_MAX_CHARS]):
        score += PLACE_LEAD_SCORE
    if any(ln.width >= ln.col + HEADLINE_OVERRUN for ln in group):
        score += OVERRUN_SCORE
    if len(group) == 2 and group[1].tight:
        score -= TIGHT_PAIR_PENALTY
    return score


def assemble_articles(lines: list[Line], sentinel: str) -> list[ParsedArticle]:
    """Walk the classified lines and cut them into articles."""
    return _Assembler(lines, sentinel).run()


class _Assembler:
    """The walk of ``assemble_articles``: the article being built, its open paragraph, and
    whether a byline closed it (then anything but a headline or byline starts the next)."""

    def __init__(self, lines: list[Line], sentinel: str) -> None:
        self.lines = lines
        self.sentinel = sentinel
        self.articles: list[ParsedArticle] = []
        self.cur = ParsedArticle()
        self.para: list[Line] = []
        self.closed_by_byline = False

    def run(self) -> list[ParsedArticle]:
        i = 0
        while i < len(self.lines):
            ln = self.lines[i]
            if self.closed_by_byline and ln.kind not in ("title", "byline"):
                self.flush()
                self.close()
            if ln.kind in ("body", "side"):
                self.add_body(i)
                i += 1
                continue
            self.flush()
            if ln.kind == "byline":
                self.cur.byline.extend(ln.byline or [])
                self.cur.lines.append(ln.no)
                self.closed_by_byline = True
                i += 1
            elif ln.kind == "author":
                self.close()
                self.cur.byline.extend(author_names(ln))
                self.cur.lines.append(ln.no)
                i += 1
            else:
                i = self.add_titles(i)
        self.flush()
        self.close()
        return self.articles

    def close(self) -> None:
        """End the current article (kept if it holds anything) and start the next."""
        if not self.cur.empty():
            self.articles.append(self.cur)
        self.cur = ParsedArticle()
        self.closed_by_byline = False

    def flush(self) -> None:
        """End the open paragraph: its joined text (if any) and its lines go to the article."""
        if self.para:
            joined = join_lines([ln.text for ln in self.para], self.sentinel)
            if joined:
                self.cur.paragraphs.append(joined)
            self.cur.lines.extend(ln.no for ln in self.para)
        self.para = []

    def add_body(self, i: int) -> None:
        """Body or side-column line ``i``: continue the paragraph or start one (and maybe a new
        article at a text-block boundary); a trailing byline closes the article."""
        ln = self.lines[i]
        nxt = self.lines[i + 1] if i + 1 < len(self.lines) else None
        para = self.para
        if para and is_paragraph_break(para[-1], ln, nxt, first=len(para) == 1):
            self.flush()
            if ln.block:
                self.close()
        elif not para and ln.block and self.cur.paragraphs:
            self.close()
        self.para.append(ln)
        if ln.byline is not None:
            self.flush()
            self.cur.byline.extend(ln.byline)
            self.closed_by_byline = True

    def add_titles(self, i: int) -> int:
        """The title group starting at line ``i``: the article's headline (which closes it) or
        a subhead; returns the index after the group."""
        lines = self.lines
        j = i
        while j < len(lines) and lines[j].kind == "title" and j - i < MAX_TITLE_LINES:
            j += 1
        group = lines[i:j]
        nxt = lines[j] if j < len(lines) else None
        headline = (
            self.closed_by_byline
            or nxt is None
            or nxt.kind == "author"
            or ((nxt.tight or nxt.block) and nxt.kind in ("body", "side"))
            or headline_score(group) >= HEADLINE_MIN_SCORE
        )
        cur = self.cur
        if headline and cur.headline is None:
            cur.headline = "".join(ln.text.replace(self.sentinel, " ") for ln in group)
            cur.lines.extend(ln.no for ln in group)
            self.close()
        else:
            cur.subheads.append(" ".join(ln.text.replace(self.sentinel, " ") for ln in group))
            cur.subhead_paras.append(len(cur.paragraphs) + 1)
            cur.lines.extend(ln.no for ln in group)
        return j
