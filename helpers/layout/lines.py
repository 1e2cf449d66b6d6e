"""Step 1 of the layout parser: read a raw page's printed lines and measure them.

Every non-blank raw line becomes a :class:`Line`: layout spaces removed (``clean_line``), a
trailing byline ``（刘 波 肖 薇 陈志强）`` split off (``split_names``), display width measured
with the page's own punctuation width (``measure_width``, ``estimate_punct_width``).  Also here:
what a sentence end and an author line (``程 昕``) look like, which the later steps ask.

Pages come in two forms, told apart from the page itself (``is_dense``): the seed's, where
every printed line is followed by a blank line (a single newline then glues a line to the one
before: a subhead's second line, a new text block), and the *dense* form other extractors give
(pdftotext, PyMuPDF, county sites), one printed line per text line, where a blank line is a real
gap (around a title, between blocks, a blanked debris line).  Each line records how it follows
the one before against its page's norm (``tight``: closer, ``gap``: farther), so that the later
steps read both forms with the same geometry.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from dataclasses import dataclass

from helpers.layout.thresholds import (
    AUTHOR_MAX_NAME_CHARS,
    AUTHOR_MAX_NAMES,
    AUTHOR_MAX_SINGLES,
    AUTHOR_MIN_CHARS,
    AUTHOR_TOKEN_MAX_CHARS,
    DENSE_ADJACENT_SHARE,
    DIGIT_SPACE_WIDTH,
    GRID_PUNCT_WIDTH,
    GRID_SHARE,
    GRID_TOLERANCE,
    GRID_TOP_QUANTILE,
    JUSTIFIED_GAP_SHARE,
    JUSTIFIED_MIN_GAPS,
    MAX_BYLINE_NAMES,
    MAX_NAME_CHARS,
    NARROW_WIDTH,
    PUNCT_MIN_LINES,
    PUNCT_SAMPLE_MIN_CHARS,
    SLOGAN_SIDE_CHARS,
    SLOGAN_SPACE_WIDTH,
    TYPESET_PUNCT_WIDTH,
)
from helpers.text.decoding import IDEOGRAPHS, is_cjk

# Sentence end: 。！？ (or ASCII !?, or an ellipsis), optionally closed by quotes or brackets.
_SENTENCE_END = re.compile(r"(?:[。！？!?]|…{1,2}|\.{3,})[”’」』）)》\"']*$")
# The same, as ``ends_sentence`` reads it: closing marks stripped, then one of the end marks.
_CLOSERS = "”’」』）)》\"'"
_END_MARKS = ("。", "！", "？", "!", "?", "…", "...")
# Any whitespace: a printed line without any inside is read without cleaning (``read_lines``).
_SPACE = re.compile(r"\s")
# Punctuation that printers compress; counted narrower than an ideograph when measuring lines.
_CJK_PUNCT = set("，。、；：“”‘’（）《》！？「」『』【】·—…")
_BYLINE = re.compile(r"^(?P<body>.*?)\s*[（(](?P<names>[^（）()]*)[）)]\s*$")
_NAME_CHAR = IDEOGRAPHS + "·•"  # what a name is written with
_NAME_TOKEN = re.compile(rf"^[{_NAME_CHAR}]{{1,{MAX_NAME_CHARS}}}$")
_NAME_CHARS = re.compile(rf"[{_NAME_CHAR}\s]+")  # a line of name tokens and spaces
# Only characters below the CJK blocks (U+2E80 on) that Unicode calls narrow (ASCII, Latin)
# are set half-width; everything from the CJK blocks on takes a full cell.
_CJK_BLOCKS_START = 0x2E80
_GAPS = re.compile(r"\s+")
_GAP_SPLIT = re.compile(r"(\s+)")
_WIDE_GAP = re.compile(r"[^\x00-\x7f]\s+(?=[^\x00-\x7f])")  # spaces between non-ASCII characters
# A space set around a Latin run takes room; so does one after the punctuation that closes the
# run (``58064， 惠及``): the extractor prints a space only where the line left room.
_DIGIT_SPACE = re.compile(r"(?<=[0-9A-Za-z%])\s|\s(?=[0-9A-Za-z])"
                          r"|(?<=[0-9A-Za-z%][，。、；：？！）”’])\s")
# A space inside a number (28. 1%, 1 2 3 4): the extractor cut the run, the digits take no more
# room than unspaced ones.
_NUMBER_SPACE = re.compile(r"(?<=[0-9])\s+(?=[0-9])|(?<=[0-9][.,])\s+(?=[0-9])")
# The first unbreakable unit of a line: opening quotes, then an ASCII run or one character,
# then the punctuation that may not start a line.
# A line opening with a Latin run set off by a space (``3222 余份``, or after the mark that
# closes it: ``50.4， 惠及``): on the line before, the run would take its spaces too.
_SPACED_HEAD = re.compile(r"[0-9A-Za-z.%+\-/·]+[，。、；：？！）”’]?\s")
# A space printed after the mark that closes a Latin run, inside a line: the page sets spaces
# around runs whatever stands next to them (``_charge_edge_spaces``).
_MARK_SPACE = re.compile(r"[0-9A-Za-z%][，。、；：？！）”’]\s+\S")
# A printed line opening with a Latin run, or ending with one (and the marks that close it).
_LATIN_START = re.compile(r"[0-9A-Za-z]")
_LATIN_END = re.compile(r"[0-9A-Za-z%][，。、；：？！）”’]*$")
_HEAD_UNIT = re.compile(r"[“‘「『（《(]*(?:[0-9A-Za-z.%+\-/·]+|.)[，。、；：？！”’）》」』%…,.;:?!)]*",
                        re.DOTALL)


class _CharClass(dict):
    """Character -> 'p' (CJK punctuation), 'n' (narrow: half a character), 'w' (wide)."""

    def __missing__(self, ch: str) -> str:
        if ch in _CJK_PUNCT:
            cls = "p"
        elif ord(ch) < _CJK_BLOCKS_START and unicodedata.east_asian_width(ch) in "NaH":
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


def count_classes(text: str) -> tuple[int, int, int]:
    """How many wide, narrow and punctuation characters ``text`` holds (whitespace aside)."""
    classes = text.translate(_CLASS_TABLE)
    return classes.count("w"), classes.count("n"), classes.count("p")


@functools.lru_cache(maxsize=1)
def _class_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Character classes of what ``_CharClass`` calls narrow ('n': every character below the
    CJK blocks that is no whitespace, no CJK punctuation and narrow by Unicode) and CJK
    punctuation ('p'); every other character that is no whitespace is wide."""
    ranges: list[list[int]] = []
    for code in range(_CJK_BLOCKS_START):
        ch = chr(code)
        if not ch.isspace() and _CHAR_CLASS[ch] == "n":
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    narrow = "".join(f"\\u{a:04x}-\\u{b:04x}" for a, b in ranges)
    punct = "".join(f"\\u{ord(ch):04x}" for ch in sorted(_CJK_PUNCT))
    return re.compile(f"[{narrow}]"), re.compile(f"[{punct}]")


def count_page_classes(texts: list[str]) -> list[tuple[int, int, int]]:
    """``count_classes`` of each of ``texts`` (none holding whitespace: a page's cleaned lines),
    from two scans of them joined: each scan deletes one class, and what a line loses is its
    count (a page's lines in one C pass each instead of a translation and three counts per
    line)."""
    if not texts:
        return []
    narrow_class, punct_class = _class_patterns()
    joined = "\n".join(texts)
    narrow = narrow_class.sub("", joined).split("\n")
    marks = punct_class.sub("", joined).split("\n")
    out = []
    for text, left_n, left_p in zip(texts, narrow, marks, strict=True):
        n, p = len(text) - len(left_n), len(text) - len(left_p)
        out.append((len(text) - n - p, n, p))
    return out


def width_of_counts(counts: tuple[int, int, int], punct: float) -> float:
    """The one line-width formula: wide characters 1, narrow ``NARROW_WIDTH``, punctuation
    ``punct`` (from ``count_classes``, so a line counted once can be measured twice)."""
    wide, narrow, marks = counts
    return wide + NARROW_WIDTH * narrow + punct * marks


def measure_width(text: str, punct: float = TYPESET_PUNCT_WIDTH) -> float:
    """Display width of a cleaned line in ideograph units: ASCII 0.5, CJK punctuation ``punct``
    (printers compress it; ``estimate_punct_width`` finds a page's value), the rest 1;
    whitespace 0 (``Line.spacing`` accounts for the spaces a line keeps)."""
    return width_of_counts(count_classes(text), punct)


def estimate_punct_width(widths_at_full: list[float]) -> float:
    """The width of a CJK punctuation mark on this page: 1.0 or 0.8.

    ``widths_at_full`` are the widths (punctuation counted 1) of lines inside paragraphs, which
    were filled to the column.  On a page set on a character grid (every character one cell)
    the column is a hard ceiling: many of them measure it exactly, the others fall short where
    a unit did not fit.  Typeset e-paper pages compress punctuation, so their lines hold varying
    character counts and spread on both sides of the column; a narrower punctuation width (0.8,
    the seed page's) fits them.
    """
    if len(widths_at_full) < PUNCT_MIN_LINES:
        return GRID_PUNCT_WIDTH
    return GRID_PUNCT_WIDTH if grid_ceiling(widths_at_full) else TYPESET_PUNCT_WIDTH


def grid_ceiling(widths_at_full: list[float]) -> float:
    """The column of a page set on a character grid, read from its full lines (see
    ``estimate_punct_width``), or 0.0 when the page is typeset or has too few lines to tell."""
    if len(widths_at_full) < PUNCT_MIN_LINES:
        return 0.0
    ranked = sorted(widths_at_full)
    ceiling = ranked[min(int(GRID_TOP_QUANTILE * len(ranked)), len(ranked) - 1)]
    at_top = sum(abs(w - ceiling) <= GRID_TOLERANCE for w in ranked) / len(ranked)
    return ceiling if at_top >= GRID_SHARE else 0.0


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends at a sentence end (。！？…, possibly followed by a closing quote).

    ``_SENTENCE_END`` read without a regex search (which tries every position of the line): the
    closing marks and the end marks share no character, so the end mark can only stand right
    before the run of closing marks that ends the text."""
    if text.endswith("\n"):  # ``$`` also matches before a final newline
        return bool(_SENTENCE_END.search(text))
    return text.rstrip(_CLOSERS).endswith(_END_MARKS)


def split_names(content: str) -> list[str] | None:
    """Names of a byline's content, or None if it is not a byline.

    Two-character names are printed with a space (``刘 波 肖 薇 陈志强``): consecutive
    single characters are paired up again (刘波, 肖薇, 陈志强).
    """
    tokens = content.split()
    # a spaced two-character name is two tokens
    if not tokens or len(tokens) > 2 * MAX_BYLINE_NAMES:
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
    if len(names) > MAX_BYLINE_NAMES or any(len(n) > MAX_NAME_CHARS for n in names):
        return None
    return names


@dataclass(slots=True)
class Line:
    """One printed (non-blank) line of a raw page."""

    no: int  # 1-based line number in the raw file
    raw: str
    text: str  # layout spaces removed; candidate slogan spaces kept as the page's sentinel
    plain: str  # text without the sentinel
    spacing: float  # width of the spaces set around Latin digits
    justified: bool
    tight: bool  # follows the previous printed line closer than the page's norm (see is_dense)
    lead: bool  # starts with whitespace
    byline: list[str] | None = None  # names of a trailing parenthesized byline
    byline_only: bool = False
    width: float = 0.0  # display width (see measure_width), spacing included
    kind: str = "body"  # body | title | byline | author | side
    col: float = 0.0  # local column width: the column a paragraph this line opens runs in
    head: float = 0.0  # width of the line's first unbreakable unit
    col_before: float = 0.0  # column width of the lines before (the paragraph this line ends)
    end_text: bool = False  # ends_sentence(text), computed once
    end_plain: bool = False  # ends_sentence(plain)
    name_line: bool | None = None  # _name_line, computed on first use (see is_name_line)
    gap: bool = False  # follows the previous printed line farther than the page's norm
    ceiling: float = 0.0  # the page's grid column (grid_ceiling), 0.0 on a typeset page
    spaced: bool = True  # the stripped raw line holds whitespace (else no spaced head)
    head_spaced: bool = False  # ``head`` includes the spaces set around a Latin run

    @property
    def block(self) -> bool:
        """Does this line open a text block: out of the page's line spacing (a single newline
        on the seed's form, a blank line on a dense page) and set in by a space?"""
        return self.lead and (self.tight or self.gap)


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
    between = len(_WIDE_GAP.findall(s))
    justified = (between >= JUSTIFIED_MIN_GAPS
                 and len(gaps) >= JUSTIFIED_GAP_SHARE * max(chars - 1, 1))
    if justified or not between:
        # (no gap between two non-ASCII characters: none between two ideographs, where alone
        # a sentinel is kept, so every space goes, as the loop below would decide)
        return "".join(s.split()), justified
    out = []
    parts = _GAP_SPLIT.split(s)
    n = SLOGAN_SIDE_CHARS
    for i, part in enumerate(parts):
        if not part or not part.isspace():
            out.append(part)
            continue
        left = parts[i - 1] if i > 0 else ""
        right = parts[i + 1] if i + 1 < len(parts) else ""
        # a real space separates two phrases: two ideographs on either side, or all the
        # ideographs up to the line's edge
        ok_left = all(is_cjk(ch) for ch in left[-n:]) and (len(left) >= n or i == 1) and left
        ok_right = (all(is_cjk(ch) for ch in right[:n])
                    and (len(right) >= n or i + 2 == len(parts)) and right)
        if ok_left and ok_right:
            out.append(sentinel)
    return "".join(out), False


def _split_byline(raw: str) -> tuple[str, list[str] | None]:
    """A raw line without its trailing parenthesized byline, and the byline's names (or None).

    The parentheses hold a byline only when they hold names and close the line's last
    sentence (or stand alone)."""
    stripped = raw.strip()
    m = _BYLINE.match(stripped) if stripped.endswith(("）", ")")) else None
    if m:
        names = split_names(m.group("names"))
        head = m.group("body")
        if names is not None and (not head.strip() or ends_sentence(clean_line(head, "")[0])):
            return head, names
    return raw, None


def is_dense(raws: list[str]) -> bool:
    """Are the printed lines of this page set one per text line, not separated by blank lines?

    Counted over consecutive printed lines: on the seed's form only a subhead's second line and
    a new text block follow the line before directly, on a dense page only a real gap or a
    blanked debris line separates them; more than ``DENSE_ADJACENT_SHARE`` adjacent is dense.
    """
    before: list[int] = []
    blanks = 0
    for raw in raws:
        if not raw.strip():
            blanks += 1
            continue
        before.append(blanks)
        blanks = 0
    return _dense_form(before)


def _dense_form(before: list[int]) -> bool:
    """``is_dense`` from the number of blank lines before each printed line."""
    adjacent = before[1:].count(0)
    return adjacent > DENSE_ADJACENT_SHARE * max(len(before) - 1, 1)


def read_lines(text: str, sentinel: str) -> list[Line]:
    """The printed lines of a page (newlines already ``\\n``), cleaned and measured.

    Most printed lines hold no space inside and no trailing byline: for those, cleaning,
    the byline split and the spacing around Latin runs change nothing, so they are skipped
    (``_plain_line``); the others go through ``_spaced_line``.  The page's form (``is_dense``)
    is counted in the same pass, and ``tight``/``gap`` set once it is known."""
    raws = text.split("\n")
    lines: list[Line] = []
    before: list[int] = []  # blank lines before each printed line
    blanks = 0
    for no, raw in enumerate(raws, start=1):
        stripped = raw.strip()
        if not stripped:
            blanks += 1
            continue
        if _SPACE.search(stripped) is None and not stripped.endswith(("）", ")")):
            lines.append(_plain_line(no, raw, stripped))
        else:
            lines.append(_spaced_line(no, raw, sentinel))
        before.append(blanks)
        blanks = 0
    # the page's norm: one blank line between printed lines (seed), none (dense)
    norm = 0 if _dense_form(before) else 1
    for ln, gap in zip(lines[1:], before[1:], strict=True):
        ln.tight = gap < norm
        ln.gap = gap > norm
    edges = any(ln.spacing and not ln.justified and _MARK_SPACE.search(ln.raw) for ln in lines)
    if edges:
        _charge_edge_spaces(lines)
    _measure_lines(lines)
    if edges:
        _space_run_heads(lines)
    return lines


def _space_run_heads(lines: list[Line]) -> None:
    """On such a page, a line opening with a Latin run after a line of spaced text (its
    paragraph sets the spaces) would have taken the run's spaces on that line, though its own
    line shows none (a justified line, or the run alone: ``16.9%。``)."""
    for prev, ln in itertools.pairwise(lines):
        if (prev.spacing and not prev.justified and ln.plain and _LATIN_START.match(ln.plain)
                and not ln.head_spaced and (ln.justified or ln.spacing
                                            or _HEAD_UNIT.match(ln.plain).group() == ln.plain)):
            # (a line printing its run against an ideograph without a space is not spaced
            # text: its paragraph is not the spaced one before it)
            ln.head += 2 * DIGIT_SPACE_WIDTH
            ln.head_spaced = True


def _charge_edge_spaces(lines: list[Line]) -> None:
    """On a page that sets a quarter em around every Latin run, also next to punctuation
    (``58064， 惠及``: the space after the comma is printed), a run at a line's edge took its
    space there too, though nothing is printed at an edge: a line of spaced text (it prints
    such spaces) that opens or ends with a run is that much wider than its characters.  (A page
    that sets the spaces only between a run and an ideograph never prints one after a comma.)"""
    for ln in lines:
        if ln.spacing and not ln.justified and ln.plain:
            ln.spacing += DIGIT_SPACE_WIDTH * (bool(_LATIN_START.match(ln.plain))
                                               + bool(_LATIN_END.search(ln.plain)))


def _plain_line(no: int, raw: str, stripped: str) -> Line:
    """A printed line without whitespace inside and without a trailing byline: what
    ``_spaced_line`` gives for it (cleaning keeps it whole, no spacing, no justification)."""
    end = ends_sentence(stripped)
    return Line(no=no, raw=raw, text=stripped, plain=stripped, spacing=0.0, justified=False,
                tight=False, lead=raw[:1].isspace(), end_text=end, end_plain=end,
                spaced=False)


def _spaced_line(no: int, raw: str, sentinel: str) -> Line:
    """A printed line with spaces inside or a trailing parenthesized group: cleaned (layout
    spaces, justification), its byline split off, the spaces around Latin runs measured."""
    body, byline = _split_byline(raw)
    cleaned, justified = clean_line(body, sentinel) if body.strip() else ("", False)
    plain = cleaned.replace(sentinel, "")
    spacing = 0.0 if justified else (
        DIGIT_SPACE_WIDTH * len(_DIGIT_SPACE.findall(_NUMBER_SPACE.sub("", body.strip())))
        + SLOGAN_SPACE_WIDTH * cleaned.count(sentinel))
    return Line(
        no=no, raw=raw, text=cleaned, plain=plain, spacing=spacing,
        justified=justified, tight=False, lead=raw[:1].isspace(),
        byline=byline, byline_only=byline is not None and not body.strip(),
        end_text=ends_sentence(cleaned), end_plain=ends_sentence(plain),
        spaced=_SPACE.search(raw.strip()) is not None,
    )


def _measure_lines(lines: list[Line]) -> None:
    """Set each line's width and head width, with the page's punctuation width (estimated from
    the full lines inside paragraphs, measured with punctuation counted 1)."""
    counts = count_page_classes([ln.plain for ln in lines])
    inner = [width_of_counts(cnt, GRID_PUNCT_WIDTH) + b.spacing
             for a, b, c, cnt in zip(lines, lines[1:], lines[2:], counts[1:], strict=False)
             if not a.end_plain and not b.end_plain and not b.justified
             and not b.tight and b.byline is None and len(b.plain) >= PUNCT_SAMPLE_MIN_CHARS
             and c.plain]
    punct = estimate_punct_width(inner)
    ceiling = grid_ceiling(inner)
    heads: dict[str, float] = {"": measure_width("", punct)}  # a page's heads repeat
    for ln, cnt in zip(lines, counts, strict=True):
        ln.ceiling = ceiling
        ln.width = width_of_counts(cnt, punct) + ln.spacing
        unit = _HEAD_UNIT.match(ln.plain).group() if ln.plain else ""
        head = heads.get(unit)
        if head is None:
            head = heads[unit] = measure_width(unit, punct)
        ln.head = head
        # (a line without whitespace has no spaced head: _SPACED_HEAD needs one)
        if (ln.spaced and not ln.justified
                and _SPACED_HEAD.match(_NUMBER_SPACE.sub("", ln.raw.strip()))):
            ln.head += 2 * DIGIT_SPACE_WIDTH  # set with a space before and after it
            ln.head_spaced = True


#: The most characters (whitespace aside) an author line holds: ``AUTHOR_MAX_NAMES`` names of
#: ``AUTHOR_MAX_NAME_CHARS`` at most (``_name_line``); a line without a byline has them all in
#: ``plain``, so a longer one is no author line, known without a regex.
NAME_LINE_MAX_CHARS = AUTHOR_MAX_NAMES * AUTHOR_MAX_NAME_CHARS


def is_name_line(line: Line) -> bool:
    """An author line such as ``程 昕`` or ``刘 波 陈志强``: up to four names, nothing else."""
    if line.name_line is None:
        line.name_line = (line.byline is None and len(line.plain) <= NAME_LINE_MAX_CHARS
                          and _name_line(line))
    return line.name_line


def _name_line(line: Line) -> bool:
    if line.byline is not None or _NAME_CHARS.fullmatch(line.raw.strip()) is None:
        return False  # (split_names refuses a character outside its name tokens)
    names = split_names(line.raw.strip())
    singles = sum(len(tok) == 1 for tok in line.raw.split())
    if (not names or len(names) > AUTHOR_MAX_NAMES or singles > AUTHOR_MAX_SINGLES
            or any(len(n) > AUTHOR_MAX_NAME_CHARS for n in names)):
        return False
    text = "".join(names)
    return len(text) >= AUTHOR_MIN_CHARS and (
        len(line.raw.split()) > 1 or len(text) <= AUTHOR_TOKEN_MAX_CHARS)


def is_author_like(lines: list[Line], i: int) -> bool:
    """A name line where an article can start: at the top, after a byline or a headline."""
    prev = lines[i - 1] if i else None
    return is_name_line(lines[i]) and (
        prev is None or prev.byline is not None or not prev.end_plain
        or lines[i].block)


def author_names(line: Line) -> list[str]:
    """The names on an author line (``程 昕`` -> 程昕)."""
    names = split_names(line.raw.strip())
    return names if names is not None else ["".join(line.raw.split())]
