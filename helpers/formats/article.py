"""One article as a web page or a database cell gives it: title, header lines, paragraphs.

Used for the ``article`` format (one article per text file, as scraped from a county government
or newspaper site, or an e-paper article page) and for the text cell of the ``table`` format.
Every line ends in exactly one place: ``furniture`` (navigation and page tools, see
``furniture``), ``header`` (来源/作者/发布时间 lines, see ``headers``, kept as printed), the
``headline``, a ``subheads`` line (a 副题 printed under the title after a dash), or a paragraph.

The body is read line by line: in a web copy each line is a paragraph; in hard-wrapped text
(database exports and some scrapers break lines at a width and mark paragraphs by indenting
their first line) the lines of a paragraph are joined.  Layout whitespace is removed from text
(indentation, spaces around digits and between ideographs, ``28. 1%`` -> ``28.1%``); spaces
between Latin words stay.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from helpers.formats.furniture import edition_page, furniture_kind, repeated_lines
from helpers.formats.headers import Header, parse_header

__all__ = ["ParsedText", "clean_text", "clean_title", "read_article"]

#: Longest first line taken for a headline, in characters: a title is rarely over 50; a
#: longer first line is the article's first paragraph (a file saved without its title).
HEADLINE_MAX = 60
#: A 副题 under the title starts with a dash (——记县人大代表张三) and is about as short.
_SUBTITLE = re.compile(r"^\s*(——|--|—)")
# A photo caption printed above the text (图为社区老人…, 图：…): text, never the title.
_CAPTION = re.compile(r"^[（(]?\s*(图为|图片为|上图|下图|图[：:])")
# An indented line (ideographic spaces, two or more spaces, a tab): a paragraph's first line
# in hard-wrapped text.
_INDENT = re.compile(r"^(\u3000|\s{2,}|\t)")
#: Hard-wrapped text: at least this share of its lines run on (do not end a sentence or a
#: quotation) -- web copies end nearly every line at a sentence end.
WRAPPED_SHARE = 0.5
#: ... and it has at least this many lines (two lines prove nothing).
WRAPPED_MIN_LINES = 4
_ENDS = re.compile(r"[。！？!?：:；;…”’」』）)]\s*$")
# Layout whitespace: next to a non-ASCII character (ideograph, full-width punctuation).
_CJK_SPACE = re.compile(r"(?<=[^\x00-\x7f])\s+|\s+(?=[^\x00-\x7f])")
# A gap between two ideographs in a title: the space that separates its phrases.
_PHRASE_GAP = re.compile(r"(?<=[\u4e00-\u9fff])[ \u3000\t]+(?=[\u4e00-\u9fff])")
# Spaces a PDF puts into a number: 28. 1% / 28 .1 / 3 % .
_NUMBER_SPACE = re.compile(r"(?<=\d)\s+(?=[.．%％])|(?<=\d[.．])\s+(?=\d)")


@dataclass
class ParsedText:
    """The parts of one article text; line numbers are 1-based within the text read."""

    headline: str | None = None
    subheads: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    header_lines: list[tuple[int, str]] = field(default_factory=list)
    headers: list[Header] = field(default_factory=list)
    furniture: list[tuple[int, str, str]] = field(default_factory=list)  # (line, kind, text)
    lines: list[int] = field(default_factory=list)  # lines holding headline, subheads, paragraphs
    page: str | None = None  # from an edition line (第A02版)

    def field_value(self, key: str) -> str | None:
        """The first value of a header field over all header lines."""
        return next((v for h in self.headers if (v := h.first(key))), None)

    def field_values(self, key: str) -> list[str]:
        return [v for h in self.headers for v in h.fields.get(key, []) if v]

    def numbered_values(self, key: str) -> list[tuple[int, str]]:
        """(line, value) of a header field over all header lines, in line order."""
        return [(n, v) for (n, _), h in zip(self.header_lines, self.headers, strict=True)
                for v in h.fields.get(key, []) if v]


def clean_text(s: str) -> str:
    """Remove layout whitespace from one paragraph (see the module docstring)."""
    return _NUMBER_SPACE.sub("", _CJK_SPACE.sub("", s.strip()))


def clean_title(s: str) -> str:
    """A title's whitespace: a space between two phrases (嘉鱼开展交叉巡查 营造风清气正节日环境)
    separates them, as a headline prints it, so it stays as one space; the rest goes as in
    ``clean_text``."""
    phrases = [clean_text(p) for p in _PHRASE_GAP.split(s.strip())]
    return " ".join(p for p in phrases if p)


def read_article(text: str, *, newspaper: str | None = None,
                 headline: str | None = None) -> ParsedText:
    """Split one article's text into its parts.

    ``headline``: the title when it comes from elsewhere (a table's title cell); the text is
    then all body.  ``newspaper``: the newspaper's name, a line of which is its masthead.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    out = ParsedText(headline=clean_title(headline) or None if headline is not None else None)
    content = _strip_furniture(lines, out, newspaper)
    first = _read_top(content, out, title_given=headline is not None)
    last = _read_foot(content, out, first)
    _read_body(content[first:last], out)
    out.lines.sort()
    order = sorted(range(len(out.header_lines)), key=lambda k: out.header_lines[k][0])
    out.header_lines = [out.header_lines[k] for k in order]
    out.headers = [out.headers[k] for k in order]
    return out


def _strip_furniture(lines: list[str], out: ParsedText, newspaper: str | None
                     ) -> list[tuple[int, str]]:
    """The numbered non-blank lines that are not furniture; furniture goes to ``out``."""
    repeated = repeated_lines(lines)
    content = []
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        kind = furniture_kind(line, newspaper=newspaper)
        if kind is None and line.strip() in repeated:
            kind = "masthead"
        if kind is None:
            content.append((n, line))
            continue
        out.furniture.append((n, kind, line.strip()))
        if out.page is None:  # an edition line, or a navigation bar that starts with one
            out.page = edition_page(line)
    return content


def _read_top(content: list[tuple[int, str]], out: ParsedText, *, title_given: bool) -> int:
    """Header lines, the headline and a 副题 at the top; returns where the body starts."""
    i = 0
    while i < len(content):
        n, line = content[i]
        header = parse_header(line)
        title = _title_field(line, header) if not title_given else None
        if title is not None and out.headline is None:
            label, value = title
            _add_header(out, n, label, Header())  # the label stays header, the title is text
            out.headline = clean_title(value)
            out.lines.append(n)
        elif header is not None:
            _add_header(out, n, line, header)
        elif out.headline is None and not title_given and _looks_like_title(line):
            out.headline = clean_title(line)
            out.lines.append(n)
        elif out.headline is not None and not out.subheads and _SUBTITLE.match(line) \
                and len(line.strip()) <= HEADLINE_MAX and not title_given:
            out.subheads.append(clean_title(line))
            out.lines.append(n)
        else:
            break
        i += 1
    return i


def _title_field(line: str, header: Header | None) -> tuple[str, str] | None:
    """(label, title) of a line that is only a 标题：/名称： field, else None."""
    if header is None or list(header.fields) != ["headline"] or len(header.fields["headline"]) != 1:
        return None
    value = header.fields["headline"][0]
    if not value:
        return None
    cut = line.rindex(value)
    return line[:cut].strip(), value


def _looks_like_title(line: str) -> bool:
    s = line.strip()
    return (len(s) <= HEADLINE_MAX and not re.search(r"[。！？]$", s)
            and not _CAPTION.match(s))


def _read_foot(content: list[tuple[int, str]], out: ParsedText, first: int) -> int:
    """Header lines at the foot (（责任编辑：李四）, 来源：…); returns where the body ends."""
    last = len(content)
    while last > first:
        n, line = content[last - 1]
        header = parse_header(line)
        if header is None:
            break
        _add_header(out, n, line, header)
        last -= 1
    return last


def _add_header(out: ParsedText, n: int, line: str, header: Header) -> None:
    out.header_lines.append((n, line.strip()))
    out.headers.append(header)


def _read_body(body: list[tuple[int, str]], out: ParsedText) -> None:
    """Paragraphs: a line each in a web copy, indented-first-line blocks in wrapped text."""
    wrapped = _is_wrapped([line for _, line in body])
    para: list[str] = []
    for k, (n, line) in enumerate(body):
        starts = not wrapped or k == 0 or _INDENT.match(line) or _ENDS.search(body[k - 1][1])
        if starts and para:
            out.paragraphs.append(clean_text("".join(para)))
            para = []
        para.append(line)
        out.lines.append(n)
    if para:
        out.paragraphs.append(clean_text("".join(para)))
    out.paragraphs = [p for p in out.paragraphs if p]


def _is_wrapped(lines: list[str]) -> bool:
    """Whether the body is hard-wrapped text (most lines run on into the next)."""
    if len(lines) < WRAPPED_MIN_LINES:
        return False
    run_on = sum(1 for line in lines[:-1] if not _ENDS.search(line))
    return run_on >= WRAPPED_SHARE * (len(lines) - 1)
