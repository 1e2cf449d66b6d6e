"""Compose synthetic raw pages in the e-paper layout (test and benchmark support, not runtime).

``compose_page`` lays out article specifications the way the extracted e-paper text looks
(see ``corpus/README.md``): one printed line then a blank line, lines broken at a column width
with a two-character first-line indent, justification spaces when the next unbreakable unit
does not fit, spaces around Latin digits, bylines on their own line or after the last
sentence, author lines, one- and two-line subheads, headlines printed after the body (one or
two lines), optional narrow side columns, and text-block boundaries.  It returns the page text
and the expected parse, so a parser can be checked on pages it has never seen.

A :class:`PageForm` gives the page as other extractors do (pdftotext, PyMuPDF, county sites):
*dense* (printed lines not separated by blank lines; blank lines only at real gaps: around
titles, between articles, at a column break, and where the caller blanked a debris line),
optionally without justification spaces and with extraction spaces inside numbers (``28. 1%``,
``1 2 3 4 万元``).  A :class:`Shaped` paragraph puts a line break where the parser must read the
geometry right: a first line wrapped early before a long unit (``28.1%，``), or a line ending
with a closing quote whose sentence goes on.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

from helpers.layout.lines import measure_width
from helpers.layout.thresholds import (
    DIGIT_SPACE_WIDTH,
    GRID_PUNCT_WIDTH,
    INDENT,
    SLOGAN_SPACE_WIDTH,
)
from helpers.text.decoding import is_cjk

# Punctuation that may not open a line / may not close a line (kinsoku rules).
_NO_LINE_START = set("，。、；：？！”’）》」』%…")
_NO_LINE_END = set("“‘（《「『")
_ASCII_RUN = re.compile(r"[0-9A-Za-z.%+\-/·]+")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


@dataclass(frozen=True)
class PageForm:
    """How the page's text was extracted (the default: the seed's layout)."""

    dense: bool = False  # printed lines follow each other without blank lines
    justify: bool = True  # justification spaces between the characters of spread lines
    spaced_digits: bool = False  # extraction spaces inside numbers: 28. 1%, 1 2 3 4 万元
    gaps: float = 0.0  # dense: chance of a blank line at a real gap (titles, articles)
    debris: int = 0  # dense: blanked debris lines (navigation bar, page header) on the page
    # Spaces around Latin runs (``全县 319 个``): "always" (the composer's first convention) charges
    # a run a quarter em on each side wherever it stands, also at a line's edge and next to
    # punctuation, where none is printed (``58064， 惠及``), so a line measures up to 0.5
    # narrower than the room it took; "between" sets a quarter em only between a Latin run and
    # an ideograph on the same line, as typesetting engines do and as printed (the parser's
    # measure).
    latin_spaces: str = "always"


@dataclass(frozen=True)
class Shaped:
    """A paragraph whose words are chosen so that a line break falls at ``pivot``.

    The paragraph is ``filler`` (its first and last pieces always, the pieces between as
    chosen) + ``pivot`` + ``rest``.  ``kind`` "wrap": the first (indented) line ends right
    before ``pivot``, a long unit such as ``28.1%，`` that did not fit, so the line falls short.
    ``kind`` "close": a line ends right after ``pivot`` (a quotation closing with ”) and the
    sentence goes on in ``rest``.
    """

    kind: str
    filler: tuple[str, ...]
    pivot: str
    rest: str


@dataclass
class ArticleSpec:
    """What an article contains; ``subheads`` maps a paragraph index to the subhead before it."""

    paragraphs: list[str | Shaped]
    headline: str | None = None
    byline: list[str] = field(default_factory=list)
    subheads: dict[int, str] = field(default_factory=dict)
    byline_style: str = "line"  # line | inline | author
    side_column: int | None = None  # index of a paragraph partly set in a narrow side column


def _units(text: str) -> list[str]:
    """Unbreakable units: one ideograph, or a run of Latin digits/letters, with the punctuation
    that may not be separated from it."""
    raw: list[str] = []
    pos = 0
    for m in _ASCII_RUN.finditer(text):
        raw.extend(text[pos:m.start()])
        raw.append(m.group())
        pos = m.end()
    raw.extend(text[pos:])
    units: list[str] = []
    pending = ""
    for u in raw:
        if u == " " and units:  # a real space (quoted slogan) ends the unit before it
            units[-1] += u
            continue
        if u in _NO_LINE_END:
            pending += u
            continue
        if u in _NO_LINE_START and units and not pending:
            units[-1] += u
            continue
        units.append(pending + u)
        pending = ""
    if pending:
        units.append(pending)
    return units


def _width(unit: str) -> float:
    """A unit's width as the parser measures a line (punctuation a full cell: the composed
    pages are set on a character grid), a real space half a character."""
    return measure_width(unit, GRID_PUNCT_WIDTH) + SLOGAN_SPACE_WIDTH * unit.count(" ")


def _space_number(unit: str, rng: random.Random) -> str:
    """A unit as an extractor may split its number: ``28. 1%`` or ``1 2 3 4`` (no width: the
    digits are where they were printed, the extractor cut the run)."""
    def split(m: re.Match[str]) -> str:
        if "." in m.group():
            return m.group().replace(".", ". ")
        return " ".join(m.group()) if len(m.group()) > 2 else m.group()
    return _NUMBER.sub(split, unit) if rng.random() < 0.5 else unit


def _render(units: list[str], justify: bool, spaced_digits: bool,
            form: PageForm = PageForm(), rng: random.Random | None = None) -> str:
    if form.spaced_digits and rng is not None:
        units = [_space_number(u, rng) if _NUMBER.search(u) else u for u in units]
    if justify and form.justify:
        return " ".join(units)
    if spaced_digits and form.latin_spaces == "between":
        return "".join((" " if k and _latin_gap(units[k - 1], u) else "") + u
                       for k, u in enumerate(units))
    out = ""
    for u in units:
        if spaced_digits and u[:1].isascii() and u[:1].isalnum():
            out = out.rstrip() + (" " if out else "") + u + " "
        else:
            out += u
    return out.rstrip()


def _latin_gap(left: str, right: str) -> bool:
    """Is a quarter-em space set between two units on a line: a Latin run next to an
    ideograph (not next to punctuation)?"""
    def latin(ch: str) -> bool:
        return ch.isascii() and (ch.isalnum() or ch == "%")
    return bool(left and right) and ((latin(left[-1]) and is_cjk(right[0]))
                                     or (is_cjk(left[-1]) and latin(right[0])))


def layout_paragraph(text: str, width: float, rng: random.Random, indent: float = INDENT,
                     side: tuple[int, float] | None = None, form: PageForm = PageForm(),
                     spaced: bool | None = None) -> tuple[list[str], str]:
    """Break one paragraph into printed lines of ``width`` (first line indented).

    Returns the lines and the paragraph as a reader sees it (a real space that falls at the
    end of a line is not visible there and is dropped).  ``spaced``: quarter-em spaces around
    Latin digits (drawn at random when None).
    """
    units = _units(text)
    lines: list[str] = []
    cur: list[str] = []
    seen: list[str] = []
    used = 0.0
    n_side, w_side = side if side else (0, width)
    if spaced is None:
        spaced = rng.random() < 0.5  # quarter-em spaces around Latin digits take room too

    def capacity() -> float:
        w = w_side if len(lines) < n_side else width
        return w - (indent if not lines else 0.0)

    for u in units:
        if form.latin_spaces == "between":
            uw = _width(u) + (DIGIT_SPACE_WIDTH if spaced and cur and _latin_gap(cur[-1], u)
                              else 0.0)
        else:
            uw = _width(u) + (0.5 if spaced and u[:1].isascii() and u[:1].isalnum() else 0.0)
        if cur and used + uw > capacity():
            if form.latin_spaces == "between" and spaced and _latin_gap(cur[-1], u):
                uw -= DIGIT_SPACE_WIDTH  # no space at the start of the next line
            slack = capacity() - used
            # a justified line right after a full line that ends a sentence reads as a new
            # paragraph (as on the seed page), so a continuation is not justified there
            prev_open = bool(lines) and not lines[-1].endswith(tuple("。！？”"))
            justify = (slack >= 1.0 and rng.random() < 0.8 and not any(" " in c for c in cur)
                       and (not lines or prev_open))
            lines.append(_render(cur, justify, spaced, form, rng))
            seen.append("".join(cur))
            cur, used = [], 0.0
        cur.append(u)
        used += uw
    if cur:
        lines.append(_render(cur, False, spaced, form, rng))
        seen.append("".join(cur))
    return lines, "".join(part.rstrip(" ") for part in seen[:-1]) + seen[-1] if seen else ""


def _byline_text(names: list[str]) -> str:
    return " ".join(" ".join(n) if len(n) == 2 else n for n in names)


def _compact(text: str) -> str:
    return "".join(text.split())


def _line_ends(lines: list[str]) -> list[int]:
    """Where each printed line ends, in characters of the paragraph without spaces."""
    ends, n = [], 0
    for line in lines:
        n += len(_compact(line))
        ends.append(n)
    return ends


def _fillers(pieces: tuple[str, ...]) -> list[str]:
    """Every filler a :class:`Shaped` allows: its first and last pieces, and any of the others
    in order."""
    inner = pieces[1:-1]
    out = []
    for mask in range(1 << len(inner)):
        kept = [p for b, p in enumerate(inner) if mask >> b & 1]
        out.append("".join([pieces[0], *kept, pieces[-1]] if len(pieces) > 1 else pieces))
    return out


def resolve_shaped(shape: Shaped, width: float, spaced: bool, rng: random.Random,
                   form: PageForm = PageForm()) -> str:
    """The text of a :class:`Shaped` paragraph: a filler that puts the break at the pivot in a
    column ``width`` (one of those that do, drawn with ``rng``; all the pieces when none
    does)."""
    options = []
    for filler in _fillers(shape.filler):
        text = filler + shape.pivot + shape.rest
        lines, _ = layout_paragraph(text, width, random.Random(0), spaced=spaced,
                                    form=PageForm(latin_spaces=form.latin_spaces))
        ends = _line_ends(lines)
        before = len(_compact(filler))
        at_pivot = (ends[0] == before if shape.kind == "wrap"
                    else before + len(_compact(shape.pivot)) in ends[:-1])
        if at_pivot:
            options.append(text)
    return rng.choice(options) if options else "".join(shape.filler) + shape.pivot + shape.rest


def compose_page(articles: list[ArticleSpec], width: float, seed: int = 0,
                 form: PageForm = PageForm()) -> tuple[str, list[dict[str, object]]]:
    """Lay out ``articles`` on one page in ``form``; return (page text, expected rows).

    Expected rows carry ``headline``, ``subheads``, ``byline``, ``paragraphs``, ``line_start``
    and ``line_end`` (1-based raw lines) as a careful reader would record them, and ``roles``:
    what the composer printed on each of the article's lines (``first`` / ``body``: a
    paragraph's first / other line, ``subhead``, ``headline``, ``byline``, ``author``), for
    diagnostics only (a reader has the text, not these).
    """
    return _Page(width, seed, form).compose(articles)


class _Page:
    """The page being composed: its raw lines, and where the form puts blank lines."""

    def __init__(self, width: float, seed: int, form: PageForm) -> None:
        self.width, self.form = width, form
        self.rng = random.Random(seed)
        # the form's own draws, so that pages of the default form stay as they were
        self.frng = random.Random(seed + 0x5EED)
        self.out: list[str] = [""] * (form.debris if form.dense else 0)
        self.roles: dict[int, str] = {}  # raw line number -> what the composer printed there
        self.gap_next = False

    def maybe_gap(self) -> bool:
        return self.form.dense and self.frng.random() < self.form.gaps

    def emit(self, line: str, tight: bool = False, gap: bool = False, role: str = "") -> int:
        """Append a printed line: after a blank line (the seed's form, unless ``tight``), or
        in the dense form directly (a blank line only at a real gap); ``role`` records what it
        is (see ``compose_page``)."""
        out = self.out
        blank = (gap or self.gap_next) if self.form.dense else not tight
        if any(out) and blank:
            out.append("")
        self.gap_next = False
        out.append(line)
        self.roles[len(out)] = role
        return len(out)

    def compose(self, articles: list[ArticleSpec]) -> tuple[str, list[dict[str, object]]]:
        rng, out = self.rng, self.out
        expected: list[dict[str, object]] = []
        boundary = True  # the page starts a text block
        tight_next = False  # the next article follows its predecessor's headline directly
        for spec in articles:
            first_no = None
            paras: list[str] = []
            if spec.byline_style == "author" and spec.byline:
                lead = boundary and any(out)
                first_no = self.emit((" " if lead else "") + _byline_text(spec.byline),
                                     tight=lead or tight_next, gap=lead, role="author")
                tight_next = False
            for k, para in enumerate(spec.paragraphs):
                if k in spec.subheads:
                    parts = spec.subheads[k].split(" ")
                    no = self.emit(parts[0], gap=self.maybe_gap(), role="subhead")
                    first_no = first_no or no
                    for part in parts[1:]:
                        self.emit(part, tight=True, role="subhead")
                    self.gap_next = self.maybe_gap()
                side = (rng.randint(6, 12), rng.choice([5.0, 6.0])) if spec.side_column == k else None
                plines, printed = self.paragraph(para, side)
                paras.append(printed)
                if spec.byline_style == "inline" and spec.byline and k == len(spec.paragraphs) - 1:
                    plines[-1] += rng.choice([" ", ""]) + "（" + _byline_text(spec.byline) + "）"
                column_break = (self.frng.randrange(1, len(plines))
                                if len(plines) > 2 and self.maybe_gap() and self.maybe_gap()
                                else None)
                for j, pl in enumerate(plines):
                    lead = boundary and j == 0 and first_no is None
                    no = self.emit((" " + pl) if lead else pl,
                                   tight=(lead and any(out)) or tight_next,
                                   gap=lead or j == column_break,
                                   role="first" if j == 0 else "body")
                    tight_next = False
                    first_no = first_no or no
                boundary = False
            last_no = len(out)
            if spec.byline and spec.byline_style == "line":
                last_no = self.emit("（" + _byline_text(spec.byline) + "）", role="byline")
            if spec.headline:
                head = spec.headline
                split = head.find("：") + 1 if "：" in head[:-1] and rng.random() < 0.4 else 0
                parts = [head[:split], head[split:]] if split else [head]
                self.gap_next = self.maybe_gap()
                for part in parts:
                    last_no = self.emit(part, role="headline")
                tight_next = rng.random() < 0.3  # the next text block follows with one newline
                self.gap_next = self.maybe_gap()
            # an article no byline closes is followed by a new text block: otherwise nothing on
            # the page (only the headline's type size) tells its headline from a subhead
            boundary = not (spec.byline and spec.byline_style in ("line", "inline"))
            expected.append({
                "headline": spec.headline,
                "subheads": [spec.subheads[k] for k in sorted(spec.subheads)],
                "byline": list(spec.byline),
                "paragraphs": paras,
                "line_start": first_no,
                "line_end": last_no,
                "roles": {no: self.roles[no] for no in range(first_no or last_no, last_no + 1)
                          if no in self.roles},
            })
        return "\n".join(out) + "\n", expected

    def paragraph(self, para: str | Shaped, side: tuple[int, float] | None
                  ) -> tuple[list[str], str]:
        """One paragraph's printed lines and its text as a reader sees it."""
        spaced = self.rng.random() < 0.5  # quarter-em spaces around Latin digits take room too
        if isinstance(para, Shaped):
            para = resolve_shaped(para, self.width, spaced, self.frng, self.form)
        return layout_paragraph(para, self.width, self.rng, side=side, form=self.form,
                                spaced=spaced)
