"""Step 2 of the layout parser: the column each line runs in, and what kind of line it is.

Lines are classified as body, title-like (headline or subhead: lines that end no sentence and
are shorter than an indented first line could be, or run over the column, or stand alone where
a first line could not; a title never ends inside a word, checked by segmenting across the line
break), byline, author line (``程 昕`` opening an article), side column (a run of narrow lines
that continues the paragraph).  Widths are compared with the local column width.  The fit tests
here (``fits``, ``is_short``, ``is_indented``) also decide where paragraphs end (step 3).
"""

from __future__ import annotations

import bisect
import re

from helpers.layout.lines import Line, is_author_like, is_name_line
from helpers.layout.thresholds import (
    COLUMN_DROP_RATIO,
    COLUMN_FLOOR_MARGIN,
    COLUMN_MIN_WIDTH,
    COLUMN_RADIUS,
    COLUMN_TOP,
    DIGIT_SPACE_WIDTH,
    FIT_EPSILON,
    FULL_LINE_GAP,
    FULL_LINE_MARGIN,
    GRID_SHORT_SLACK,
    GRID_SNAP,
    GRID_TITLE_FIT_MARGIN,
    INDENT,
    INDENTED_OVERRUN,
    LEAD_MAX_CHARS,
    LEAD_MIN_CHARS,
    MAIN_COLUMN_QUANTILE,
    MAX_TITLE_LINES,
    NEXT_INDENT_GAP,
    ONE_LINE_MARGIN,
    SHORT_SLACK,
    SHORT_SLACK_SHARE,
    SIDE_FIT_MARGIN,
    SIDE_MAX_WIDTH,
    SIDE_MIN_CHARS_PER_LINE,
    SIDE_MIN_LINES,
    STANDALONE_GAP,
    TITLE_FIT_GAP,
    TITLE_FIT_MARGIN,
    TITLE_GAP,
    TITLE_GAP_SHARE,
    TITLE_OVERRUN,
)
from helpers.places import resolve_locality
from helpers.text import spans_word

_FULL_STOPS = re.compile("[。；;]")  # a line holding one of these is text, never a title
_COLONS = ("：", ":")
# A line opening with a number that a comma closes (``58064，惠及``, ``28.1%，``) ends a clause
# begun on the line before: paragraphs open with a dated or counted phrase (``2017年以来，``,
# ``5月22日，``, a list's ``1、``), never with a bare figure and a comma.  So it is no first line,
# however narrow it measures.
_LATIN_RUN = re.compile(r"[0-9A-Za-z.%+\-/·]+")  # a run set with spaces around it
_CLAUSE_NUMBER = re.compile(r"^[0-9][0-9.,]*%?[，,]")


def mark_side_columns(lines: list[Line]) -> None:
    """Mark runs of narrow body lines (a side column continuing a paragraph)."""
    i = 0
    while i < len(lines):
        j = i
        while (j < len(lines) and lines[j].byline is None
               and 0 < lines[j].width <= SIDE_MAX_WIDTH
               and not (j > i and lines[j].tight) and not (j == i and is_author_like(lines, j))
               and not (j > i and lines[j].plain.endswith("：")
                        and lines[j - 1].end_plain)):
            j += 1
        start = _side_start(lines, i, j)
        if (j - start >= SIDE_MIN_LINES
                and sum(len(ln.text) for ln in lines[start:j])
                >= SIDE_MIN_CHARS_PER_LINE * SIDE_MIN_LINES):
            col = max(ln.width for ln in lines[start:j])
            for ln in lines[start:j]:
                ln.kind, ln.col = "side", col
        i = max(j, i + 1)


def _side_start(lines: list[Line], i: int, j: int) -> int:
    """Where a run of narrow lines ``i:j`` starts to be a side column: not at a paragraph's
    short last line (it ends a sentence: the main column's), nor at a line after a sentence end
    that is not indented in the run (a title: a paragraph opening in the side column is)."""
    # a line glued to the one before on the seed's form is a subhead's second line
    after_title = i < j and lines[i].tight and not lines[i].lead
    while i < j:
        ln, prev = lines[i], lines[i - 1] if i else None
        col = max(x.width for x in lines[i:j])
        opens = prev is None or prev.end_plain or prev.byline is not None or after_title
        if ln.end_plain or (opens and not ln.justified and (
                ln.width > col - INDENT or not _side_paragraph(lines, i, j, col))):
            after_title = not ln.end_plain
            i += 1
            continue
        return i
    return i


def _side_paragraph(lines: list[Line], i: int, j: int, col: float) -> bool:
    """Can line ``i`` of a narrow run ``:j`` open a paragraph in a side column ``col`` wide: it
    is full for an indented line, and so is the line after it for a whole one (unless either
    ends a sentence)?  A subhead before a side column (``服务下沉`` / ``暖心惠民``) is not: its
    lines leave room the next line's first unit would have taken."""
    def full(k: int, room: float) -> bool:
        ln = lines[k]
        return (ln.end_plain or ln.justified or k + 1 >= j
                or ln.width + lines[k + 1].head > room - SIDE_FIT_MARGIN)
    return full(i, col - INDENT) and (i + 1 >= j or full(i + 1, col))


def estimate_columns(lines: list[Line]) -> None:
    """Estimate each line's local column width from the widest nearby body lines.

    For each line, the median of the ``COLUMN_TOP`` widest of up to ``COLUMN_RADIUS`` body lines
    before it (``col_before``: the column its own paragraph ran in) and after it (``col``: the
    column a paragraph it opens runs in), not reaching across bylines or text-block boundaries.
    """
    cand = [i for i, ln in enumerate(lines)  # justified lines are full, but measure narrower
            if ln.kind == "body" and ln.byline is None and ln.width >= COLUMN_MIN_WIDTH
            and not ln.justified]
    widths = sorted(lines[i].width for i in cand)
    # the page's main column: most body lines are full, so the upper quartile is a full line
    glob = widths[int(MAIN_COLUMN_QUANTILE * len(widths))] if widths else 0.0
    stops = [i for i, ln in enumerate(lines) if ln.byline_only or ln.block]
    # the candidates' widths, in candidate order: a window of candidates is a slice of it (the
    # candidates are in line order, so "not before the stop" and "before the next stop" cut a
    # window at one end, found by bisection, without a pass over it)
    cand_width = [lines[k].width for k in cand]
    # the windows' ends, kept as the walk goes down the page (each one moves forward only):
    # ``at`` candidates lie before line i, ``s_at`` stops at or before it; ``lo_c``/``hi_c``
    # are the candidates before the stop before line i and before the stop after it
    estimates: dict[tuple[int, int], float | None] = {}  # a window is met up to twice

    def estimate(start: int, end: int) -> float | None:
        """The median of the ``COLUMN_TOP`` widest of ``cand_width[start:end]`` (None for
        fewer): an odd number, so the middle one (indexing: statistics.median costs more)."""
        if end - start < COLUMN_TOP:
            return None
        key = (start, end)
        got = estimates.get(key, estimates)
        if got is estimates:
            got = estimates[key] = sorted(cand_width[start:end])[
                end - start - COLUMN_TOP + COLUMN_TOP // 2]
        return got

    floor = glob - COLUMN_FLOOR_MARGIN  # a window of first and last lines underestimates
    n_cand, n_stops = len(cand), len(stops)
    at = s_at = lo_c = 0
    hi_c = bisect.bisect_left(cand, stops[0]) if stops else n_cand
    for i, ln in enumerate(lines):
        while at < n_cand and cand[at] < i:
            at += 1
        if s_at < n_stops and stops[s_at] <= i:
            while s_at < n_stops and stops[s_at] <= i:
                s_at += 1
            lo_c = bisect.bisect_left(cand, stops[s_at - 1])
            hi_c = bisect.bisect_left(cand, stops[s_at]) if s_at < n_stops else n_cand
        if ln.kind == "side":
            ln.col_before = ln.col
            continue
        # up to COLUMN_RADIUS candidates before line i, from the stop before it on
        start = max(at - COLUMN_RADIUS, lo_c)
        # up to COLUMN_RADIUS candidates after it (itself left out), before the next stop
        first = at + 1 if at < n_cand and cand[at] == i else at
        end = min(first + COLUMN_RADIUS, hi_c)
        est_b, est_a = estimate(start, at), estimate(first, end)
        if est_b is None:
            est_b = est_a if est_a is not None else _estimate_joined(
                cand_width[start:at] + cand_width[first:end])
            if est_b is None:
                est_b = glob
        if est_a is None or est_a < COLUMN_DROP_RATIO * est_b:
            est_a = est_b  # too few full lines ahead (a headline, a short article follows)
        ln.col_before = _on_grid(max(est_b, floor), ln.ceiling)
        ln.col = _on_grid(max(est_a, floor), ln.ceiling)


def _estimate_joined(ws: list[float]) -> float | None:
    """``estimate_columns``' estimate of the widths before and after a line taken together."""
    if len(ws) < COLUMN_TOP:
        return None
    return sorted(ws)[-COLUMN_TOP:][COLUMN_TOP // 2]


def _on_grid(col: float, ceiling: float) -> float:
    """On a grid page the column is the ceiling its full lines reach: a local estimate a little
    under it was read from lines that fell short of it (a unit that did not fit)."""
    return ceiling if ceiling and ceiling - GRID_SNAP <= col < ceiling else col


def fits(line: Line, nxt: Line | None, col: float) -> bool:
    """Would the next line's first unit have fitted at the end of ``line`` in a column ``col``
    (so ``line`` was short)?"""
    if nxt is None or nxt.kind not in ("body", "side") or not nxt.text:
        return True
    return line.width + nxt.head <= (col or line.width) + FIT_EPSILON


def is_short(a: Line, b: Line | None, first: bool = False) -> bool:
    """Is ``a`` clearly shorter than its column (a paragraph's last line)?

    ``first``: ``a`` opens its paragraph, so its capacity is the column less the indent.
    """
    if a.justified:
        return False  # justification spreads a line to the full width
    col = a.col_before or a.width
    indent = INDENT if first else 0.0
    slack = min(SHORT_SLACK, SHORT_SLACK_SHARE * col)  # narrower in a side column
    if a.ceiling and a.kind != "side":
        slack = min(slack, GRID_SHORT_SLACK)  # the column is exact: the fit test decides
    return a.width <= col - indent - slack and fits(a, b, a.col_before - indent)


def is_indented(b: Line, c: Line | None) -> bool:
    """Is ``b`` indented (a paragraph's first line) rather than a full continuation line?

    It must be narrower than the column, and not full: the first unit of the line after it
    would have fitted (a long unit such as ``2022年`` or ``办法》，`` wraps a full line early).
    """
    if b.justified and b.kind != "side":  # a side column justifies every line
        return True
    if _CLAUSE_NUMBER.match(b.plain):
        return False  # it closes a clause begun on the line before
    col = b.col or b.width
    if b.width > col - FULL_LINE_MARGIN:
        return False
    if b.end_text:
        # a one-line paragraph: indented only if it (nearly) fills an indented line; a short
        # sentence end after a full line (…‘幸福湾’。” / 杨元香说。) continues the paragraph
        return b.width >= col - ONE_LINE_MARGIN
    return c is None or fits(b, c, b.col)


def names_place(text: str) -> bool:
    """Does ``text`` open like a headline, with a place and a colon (``江华：``, ``汉寿县：``)?"""
    head, colon, _ = text.partition("：")
    return (bool(colon) and LEAD_MIN_CHARS <= len(head) <= LEAD_MAX_CHARS
            and resolve_locality(head, "")[0] is not None)


def classify_lines(lines: list[Line]) -> None:
    """Mark bylines, title-like lines (headlines, subheads) and author lines.

    Titles are found front to back (``is_title``: each decision sees the titles before it),
    then back to front (the line before an author line or a headline's second line), then
    author lines among the name lines.
    """
    for ln in lines:
        if ln.kind != "side" and ln.byline_only:
            ln.kind = "byline"
    for i, ln in enumerate(lines):
        # (is_title's first test, asked here: most lines are no body line that runs on)
        if ln.kind == "body" and not ln.end_text and is_title(lines, i):
            ln.kind = "title"
    _mark_titles_backwards(lines)
    _mark_authors(lines)


def is_title(lines: list[Line], i: int) -> bool:
    """Is body line ``i`` a title line (headline or subhead), given the lines classified so far?

    A title line does not end a sentence, holds no 。or ；, is not justified, and follows a
    sentence end, a byline or another title (a line after a mid-sentence line continues it).
    Then it is a title when it is longer than the column, or shorter than an indented first
    line could be (the next line's first unit would have fitted even after the indent); when it
    is about as wide as an indented first line, only where such a line could not be: right after
    a byline or a headline line ending in a colon, before a new text block or the end of the
    page, or with a colon, and each time only when the next line does not continue it.
    """
    ln = lines[i]
    if (ln.kind != "body" or ln.byline is not None or ln.justified or not ln.text
            or ln.end_text):
        return False
    prev = lines[i - 1] if i else None
    if prev is not None and prev.kind in ("body", "side") and prev.byline is None and not (
            prev.end_text or ln.block):
        return False  # the line before is mid-sentence: this one continues it
    # (most lines have left by now, before the search)
    if _FULL_STOPS.search(ln.text):
        return False
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    gap = max(ln.col, ln.col_before) - ln.width
    if ln.width >= max(ln.col, ln.col_before) + TITLE_OVERRUN:
        return True
    # far shorter than its column though the next line's first unit would have fitted even
    # after an indent: no body line (full, or a paragraph's last line, which ends a sentence),
    # whatever a segmenter makes of the break (暖心惠民|县教育局 reads 惠民县)
    if gap >= max(TITLE_GAP, TITLE_GAP_SHARE * ln.col) and fits(ln, nxt, ln.col - INDENT):
        return True
    # on a grid page the fit is exact: a line with room for the next line's first unit even as
    # an indented first line ended early, whatever a segmenter makes of the break (治理网|下一步
    # read as 网下)
    room = gap >= TITLE_FIT_GAP and fits(ln, nxt, ln.col - INDENT - (
        GRID_TITLE_FIT_MARGIN if ln.ceiling else TITLE_FIT_MARGIN))
    if room and ln.ceiling:
        return True
    if (nxt is not None and nxt.kind in ("body", "side") and not nxt.block
            and not is_name_line(nxt) and spans_word(ln.plain, nxt.plain)):
        # wrapped inside a word (冲刺全|年目标): titles end at a word boundary; no word runs on
        # into a new text block or a line of names (奋进曲| 张 超 is no 曲张)
        return False
    # short of the column by more than a wrap leaves: a title, unless the next line's first
    # unit explains the gap (it did not fit even after the indent) and that line continues
    # this one (a first line wrapped early before 28.1%，)
    wrapped = not fits(ln, nxt, ln.col - INDENT) and _continued(lines, i)
    if (gap >= max(TITLE_GAP, TITLE_GAP_SHARE * ln.col) and not wrapped) or room:
        return True
    after_colon_title = prev is not None and prev.kind == "title" and prev.text.endswith(_COLONS)
    after_byline = prev is not None and (prev.byline is not None or after_colon_title)
    colon = "：" in ln.text[:LEAD_MAX_CHARS] or ln.text.endswith(":")
    too_wide = ln.width >= ln.col - INDENT + INDENTED_OVERRUN  # for an indented first line
    if (after_byline and (colon or too_wide)) or after_colon_title:
        return True
    # after a paragraph's short last line comes an indented first line or a title; a full line
    # there is a title, unless the next line continues it (then it is a first line that
    # measures full: the column or the punctuation width estimated a little narrow)
    if _after_paragraph(lines, i) and (
            (gap < FULL_LINE_GAP and not _continued(lines, i)) or names_place(ln.plain)):
        return True
    return _stands_alone(lines, i, gap, after_byline, colon)


def _continued(lines: list[Line], i: int) -> bool:
    """Does the line after line ``i`` continue it (a full body line, not a paragraph's first
    line, or a sentence end that line ``i`` had no room for)?"""
    ln = lines[i]
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    nxt2 = lines[i + 2] if i + 2 < len(lines) else None
    # a line opening a text block (set in after a gap: the dense form's mark of what a single
    # newline marks on the seed's form) starts something of its own, as a tight line does
    return (nxt is not None and nxt.kind == "body" and not nxt.tight and not nxt.block
            and not is_name_line(nxt)
            and (nxt.justified or not is_indented(nxt, nxt2) or (
                nxt.end_text and not fits(ln, nxt, ln.col - INDENT))))


def _after_paragraph(lines: list[Line], i: int) -> bool:
    """Does line ``i`` follow the short last line of a paragraph?"""
    ln = lines[i]
    prev = lines[i - 1] if i else None
    prev2 = lines[i - 2] if i >= 2 else None
    prev_first = prev is not None and (  # does the line before open its paragraph?
        prev2 is None or prev2.kind not in ("body", "side") or prev2.byline is not None
        or prev.block or (prev2.end_text and is_short(prev2, prev)))
    return (prev is not None and prev.kind in ("body", "side")
            and prev.byline is None and prev.end_text
            and is_short(prev, ln, first=prev_first))


def _stands_alone(lines: list[Line], i: int, gap: float, after_byline: bool,
                  colon: bool) -> bool:
    """Is line ``i``, about as wide as an indented first line, a title because the next line
    does not continue it and a first line could not stand here?"""
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    nxt2 = lines[i + 2] if i + 2 < len(lines) else None
    if after_byline and _first_line_fits(lines, i):
        # after a byline comes the closed article's headline or the next article's indented
        # first line; a line that ends no sentence before a line no wider than an indented one
        # (“只要肯干… after 武冈市跑出项目建设加速度) reads both ways: the headline, which
        # nearly every article prints there
        return True
    if _continued(lines, i):
        return False
    if nxt is None:
        return True  # the page ends, and a paragraph ends at a sentence end
    before_block = ((nxt.tight or nxt.block) and nxt.kind in ("body", "side")) or (
        is_name_line(nxt) and nxt2 is not None and nxt2.kind in ("body", "side"))
    # the next line opens a paragraph, so this line, which ends no sentence, stands alone
    standalone = (nxt.kind == "body" and nxt.byline is None
                  and not nxt.end_text and gap >= STANDALONE_GAP
                  and (gap >= TITLE_FIT_GAP or (nxt.col - nxt.width >= NEXT_INDENT_GAP
                                                and is_indented(nxt, nxt2))))
    # after a sentence end a line too wide for an indented first line continues nothing: a
    # paragraph it went on would go on past it, not stop before a new text block
    ln = lines[i]
    too_wide = ln.width >= ln.col - INDENT + INDENTED_OVERRUN
    return after_byline or standalone or (
        (before_block or colon) and (gap >= STANDALONE_GAP or (before_block and too_wide)))


def _first_line_fits(lines: list[Line], i: int) -> bool:
    """Is the line after line ``i`` a body line no wider than an indented first line?"""
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    nxt2 = lines[i + 2] if i + 2 < len(lines) else None
    if nxt is not None and nxt.justified and nxt.kind == "body" and not nxt.end_text:
        # a justified line was spread because the next unit did not fit; if it would have fitted
        # in a whole line (each Latin run counted with the spaces it may have taken unprinted),
        # the line had only an indented first line's room
        runs = len(_LATIN_RUN.findall(nxt.plain))
        return (nxt2 is not None and nxt2.kind == "body" and nxt.width + nxt2.head
                + 2 * DIGIT_SPACE_WIDTH * runs <= nxt.col + FIT_EPSILON)
    return (nxt is not None and nxt.kind == "body" and not nxt.justified and not nxt.end_text
            and nxt.width <= nxt.col - INDENT + FIT_EPSILON)


def _mark_titles_backwards(lines: list[Line]) -> None:
    """The line before an author line ends a headline, and so does a line ending in a colon
    before a headline line."""
    for i in range(len(lines) - 2, -1, -1):
        ln, nxt = lines[i], lines[i + 1]
        if ln.kind != "body" or ln.byline is not None or ln.justified or ln.end_plain:
            continue
        nxt2 = lines[i + 2] if i + 2 < len(lines) else None
        before_author = (nxt.kind in ("body", "title") and not nxt.tight and nxt2 is not None
                         and nxt2.kind == "body" and is_name_line(nxt))
        colon_head = ln.plain.endswith(_COLONS) and nxt.kind == "title"
        if (before_author or colon_head) and not _FULL_STOPS.search(ln.text):
            ln.kind = "title"


def _after_headline(lines: list[Line], i: int) -> bool:
    """Does line ``i`` follow a headline: title lines right after a byline (a subhead, whose
    second line is glued to its first, follows a paragraph)?"""
    k = i - 1
    while k >= 0 and i - k <= MAX_TITLE_LINES and lines[k].kind == "title":
        k -= 1
    return k < i - 1 and k >= 0 and lines[k].byline is not None


def _mark_authors(lines: list[Line]) -> None:
    """Name lines that open an article (at the top, after a title or a byline, or opening a
    text block, before a body line) are author lines."""
    for i, ln in enumerate(lines):
        if ln.kind in ("title", "body") and ln.byline is None and is_name_line(ln):
            prev_k = lines[i - 1].kind if i else "start"
            prev_by = i > 0 and lines[i - 1].byline is not None
            nxt = lines[i + 1] if i + 1 < len(lines) else None
            block = ln.block
            if (ln.tight and not ln.lead and len(ln.raw.split()) < 2
                    and not _after_headline(lines, i)):
                continue  # glued to the line before: the second line of a subhead pair
            if (prev_k in ("start", "title") or prev_by or block) and nxt is not None and (
                    nxt.kind in ("body", "side") and not nxt.tight):
                ln.kind = "author"
