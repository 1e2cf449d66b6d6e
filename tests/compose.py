"""Compose synthetic raw pages in the e-paper layout (test and benchmark support, not runtime).

``compose_page`` lays out article specifications the way the extracted e-paper text looks
(see ``corpus/README.md``): one printed line then a blank line, lines broken at a column width
with a two-character first-line indent, justification spaces when the next unbreakable unit
does not fit, spaces around Latin digits, bylines on their own line or after the last
sentence, author lines, one- and two-line subheads, headlines printed after the body (one or
two lines), optional narrow side columns, and text-block boundaries.  It returns the page text
and the expected parse, so a parser can be checked on pages it has never seen.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

from helpers.layout.lines import measure_width
from helpers.layout.thresholds import GRID_PUNCT_WIDTH, INDENT, SLOGAN_SPACE_WIDTH

# Punctuation that may not open a line / may not close a line (kinsoku rules).
_NO_LINE_START = set("，。、；：？！”’）》」』%…")
_NO_LINE_END = set("“‘（《「『")
_ASCII_RUN = re.compile(r"[0-9A-Za-z.%+\-/·]+")


@dataclass
class ArticleSpec:
    """What an article contains; ``subheads`` maps a paragraph index to the subhead before it."""

    paragraphs: list[str]
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


def _render(units: list[str], justify: bool, spaced_digits: bool) -> str:
    if justify:
        return " ".join(units)
    out = ""
    for u in units:
        if spaced_digits and u[:1].isascii() and u[:1].isalnum():
            out = out.rstrip() + (" " if out else "") + u + " "
        else:
            out += u
    return out.rstrip()


def layout_paragraph(text: str, width: float, rng: random.Random, indent: float = INDENT,
                     side: tuple[int, float] | None = None) -> tuple[list[str], str]:
    """Break one paragraph into printed lines of ``width`` (first line indented).

    Returns the lines and the paragraph as a reader sees it (a real space that falls at the
    end of a line is not visible there and is dropped).
    """
    units = _units(text)
    lines: list[str] = []
    cur: list[str] = []
    seen: list[str] = []
    used = 0.0
    n_side, w_side = side if side else (0, width)
    spaced = rng.random() < 0.5  # quarter-em spaces around Latin digits take room too

    def capacity() -> float:
        w = w_side if len(lines) < n_side else width
        return w - (indent if not lines else 0.0)

    for u in units:
        uw = _width(u) + (0.5 if spaced and u[:1].isascii() and u[:1].isalnum() else 0.0)
        if cur and used + uw > capacity():
            slack = capacity() - used
            # a justified line right after a full line that ends a sentence reads as a new
            # paragraph (as on the seed page), so a continuation is not justified there
            prev_open = bool(lines) and not lines[-1].endswith(tuple("。！？”"))
            justify = (slack >= 1.0 and rng.random() < 0.8 and not any(" " in c for c in cur)
                       and (not lines or prev_open))
            lines.append(_render(cur, justify, spaced))
            seen.append("".join(cur))
            cur, used = [], 0.0
        cur.append(u)
        used += uw
    if cur:
        lines.append(_render(cur, False, spaced))
        seen.append("".join(cur))
    return lines, "".join(part.rstrip(" ") for part in seen[:-1]) + seen[-1] if seen else ""


def _byline_text(names: list[str]) -> str:
    return " ".join(" ".join(n) if len(n) == 2 else n for n in names)


def compose_page(articles: list[ArticleSpec], width: float, seed: int = 0
                 ) -> tuple[str, list[dict[str, object]]]:
    """Lay out ``articles`` on one page; return (page text, expected rows).

    Expected rows carry ``headline``, ``subheads``, ``byline``, ``paragraphs``, ``line_start``
    and ``line_end`` (1-based raw lines) as a careful reader would record them.
    """
    rng = random.Random(seed)
    out: list[str] = []  # raw lines
    expected: list[dict[str, object]] = []

    def emit(line: str, tight: bool = False) -> int:
        if out and not tight:
            out.append("")
        out.append(line)
        return len(out)

    boundary = True  # the page starts a text block
    tight_next = False  # the next article follows its predecessor's headline with one newline
    for spec in articles:
        first_no = None
        paras: list[str] = []
        if spec.byline_style == "author" and spec.byline:
            lead = boundary and bool(out)
            first_no = emit((" " if lead else "") + _byline_text(spec.byline),
                            tight=lead or tight_next)
            tight_next = False
        for k, para in enumerate(spec.paragraphs):
            if k in spec.subheads:
                parts = spec.subheads[k].split(" ")
                no = emit(parts[0])
                first_no = first_no or no
                for part in parts[1:]:
                    emit(part, tight=True)
            side = (rng.randint(6, 12), rng.choice([5.0, 6.0])) if spec.side_column == k else None
            plines, printed = layout_paragraph(para, width, rng, side=side)
            paras.append(printed)
            if spec.byline_style == "inline" and spec.byline and k == len(spec.paragraphs) - 1:
                plines[-1] += rng.choice([" ", ""]) + "（" + _byline_text(spec.byline) + "）"
            for j, pl in enumerate(plines):
                lead = boundary and j == 0 and first_no is None
                no = emit((" " + pl) if lead else pl, tight=(lead and bool(out)) or tight_next)
                tight_next = False
                first_no = first_no or no
            boundary = False
        last_no = len(out)
        if spec.byline and spec.byline_style == "line":
            last_no = emit("（" + _byline_text(spec.byline) + "）")
        if spec.headline:
            head = spec.headline
            split = head.find("：") + 1 if "：" in head[:-1] and rng.random() < 0.4 else 0
            parts = [head[:split], head[split:]] if split else [head]
            for part in parts:
                last_no = emit(part)
            tight_next = rng.random() < 0.3  # the next text block follows with a single newline
        else:
            boundary = not (spec.byline and spec.byline_style in ("line", "inline"))
        expected.append({
            "headline": spec.headline,
            "subheads": [spec.subheads[k] for k in sorted(spec.subheads)],
            "byline": list(spec.byline),
            "paragraphs": paras,
            "line_start": first_no,
            "line_end": last_no,
        })
    return "\n".join(out) + "\n", expected
