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

from helpers.errors import InputError
from helpers.formats.dates import find_date
from helpers.formats.furniture import (
    edition_page,
    forum_stamp,
    furniture_kind,
    is_bare_date,
    is_footer_field,
    repeated_lines,
)
from helpers.formats.headers import Header, parse_header
from helpers.text.decoding import IDEOGRAPHS

__all__ = ["ParsedText", "clean_text", "clean_title", "read_article"]

#: Longest first line taken for a headline, in characters: a title is rarely over 50; a
#: longer first line is the article's first paragraph (a file saved without its title).
HEADLINE_MAX = 60
#: Most lines of a title group: 引题, title, 副题.  More title-like lines in a row before the
#: first paragraph are a list of titles (an e-paper page's 标题导航): only the last three can
#: be the article's own.
TITLE_GROUP_MAX = 3
#: The title is the group's first line (a 副题 follows it) unless that line is at most this
#: share of the longest: then it is a 引题 (kicker: 二七区 建中街街道, 8 characters, above
#: 聚力文化建设 提升社区治理服务水平, 16), and the longest line is the title.  (A first line a little
#: over half the second is a title with a long 副题: 市政府常务会议召开 / 研究部署“双节”期间重点工作等.)
#: A line of the group that the page's title list (an earlier run) prints is the title, whatever
#: its length.
KICKER_SHARE = 0.5
# An official document's title, printed over two or three lines: [issuer] 关于 … 的通知/通报/
# 决定/意见/办法/方案/报告/批复/公告/通告/函 (大英县脱贫攻坚领导小组 / 关于下达2017年脱贫攻坚
# 目标任务的通知).  Its lines are one headline.
_DOC_START = re.compile(r"^关于")
_DOC_END = re.compile(r"的?(通知|通报|决定|意见|办法|方案|报告|批复|公告|通告|函|规定|细则|请示|"
                      r"纪要|决议|公报)$")
# The issuer's line above a 关于 line ends with what organs are called (领导小组, 办公室, 人民政府,
# 委员会, 局, 中心 …), unlike an issue number (第6期) or a column name.
_ISSUER = re.compile(r"(组|室|府|会|局|委|院|部|厅|办|处|中心|公司|队|所|站|社|监委)$")
# A photo caption printed above the text (图为社区老人…, 图：…): text, never the title.
_CAPTION = re.compile(r"^[（(]?\s*(图为|图片为|上图|下图|图[：:])")
# How a line that is no title ends: a sentence, or a lead-in (各乡镇人民政府：); an ASCII full
# stop too (web copies with ASCII punctuation), but not after a digit (a title may end in 2.0).
# A title may end with ！ or ？ (守护“孝昌蓝”！秸秆禁烧，孝昌在行动！).
_TITLE_END = re.compile(r"(?:[。；;：:…]|(?<!\d)\.)$")
# A full stop inside a line: a title holds none (it may hold ！ or ？: 好消息！…), a hard-wrapped
# first line of a paragraph does (9月20日，收购工作全面启动。县粮食).
_FULL_STOP = "。"
# A numbered section heading of the body (一、基本情况, （二）工作措施, 1. 总体要求).
_ENUMERATION = re.compile(r"^[（(]?[一二三四五六七八九十]{1,3}[)）、]|^\d{1,2}[.、．]\s*\D")
# An indented line (ideographic spaces, two or more spaces, a tab): a paragraph's first line
# in hard-wrapped text.
_INDENT = re.compile(r"^(\u3000|\s{2,}|\t)")
#: Longest column tag printed alone on a line in brackets (【高端访谈】, 【时政要闻】).
COLUMN_TAG_MAX = 8
# A column's tag alone on a line: the column the article runs in, no part of its title (a title
# in brackets goes on after them: 【栏目】某某镇：…), unless it is the only title-like line (a
# picture's caption under 【图片新闻】 has no other).
_COLUMN_TAG = re.compile(rf"【[^【】]{{1,{COLUMN_TAG_MAX}}}】")
#: Hard-wrapped text: at least this share of its lines run on (do not end a sentence or a
#: quotation) -- web copies end nearly every line at a sentence end.
WRAPPED_SHARE = 0.5
#: ... and it has at least this many lines (two lines prove nothing).
WRAPPED_MIN_LINES = 4
# A line that ends a sentence or a quotation; an ASCII full stop counts (web copies with ASCII
# punctuation), except after a digit, where it may be a decimal point split by the wrap (28.|1%).
_ENDS = re.compile(r"(?:[。！？!?：:；;…”’」』）)]|(?<!\d)\.)\s*$")
# Layout whitespace: next to a non-ASCII character (ideograph, full-width punctuation).
_CJK_SPACE = re.compile(r"(?<=[^\x00-\x7f])\s+|\s+(?=[^\x00-\x7f])")
# A gap between two ideographs in a title: the space that separates its phrases.
_PHRASE_GAP = re.compile(f"(?<=[{IDEOGRAPHS}])[ \u3000\t]+(?=[{IDEOGRAPHS}])")
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
    edited: list[tuple[int, str]] = field(default_factory=list)  # (line, date) of forum edit stamps
    signed: list[tuple[int, str]] = field(default_factory=list)  # (line, date) under an issuer

    def field_value(self, key: str) -> str | None:
        """The first value of a header field over all header lines."""
        return next((v for h in self.headers if (v := h.first(key))), None)

    def field_values(self, key: str) -> list[str]:
        return [v for h in self.headers for v in h.fields.get(key, []) if v]

    def numbered_values(self, key: str) -> list[tuple[int, str]]:
        """(line, value) of a header field over all header lines, in line order; for
        ``published``, when no header line gives one, the dates of forum edit stamps (a post is
        edited after it is written: a late date, but the only one), else the dates an issuer
        signed a document with (``_signature_dates``)."""
        found = [(n, v) for (n, _), h in zip(self.header_lines, self.headers, strict=True)
                 for v in h.fields.get(key, []) if v]
        if found or key != "published":
            return found
        return list(self.edited or self.signed)


#: Bars a site's template prints after a title (閘北區開展活動 |): layout, not the title's.
_TRAILING_BARS = " \u3000|丨｜"


def clean_text(s: str) -> str:
    """Remove layout whitespace from one paragraph (see the module docstring)."""
    return _NUMBER_SPACE.sub("", _CJK_SPACE.sub("", s.strip()))


def clean_title(s: str) -> str:
    """A title's whitespace: a space between two phrases (嘉鱼开展交叉巡查 营造风清气正节日环境)
    separates them, as a headline prints it, so it stays as one space; the rest goes as in
    ``clean_text``."""
    phrases = [clean_text(p) for p in _PHRASE_GAP.split(s.strip().rstrip(_TRAILING_BARS))]
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
    _read_body(content[first:last], out, lines)
    out.signed = _signature_dates(lines)
    out.lines.sort()
    order = sorted(range(len(out.header_lines)), key=lambda k: out.header_lines[k][0])
    out.header_lines = [out.header_lines[k] for k in order]
    out.headers = [out.headers[k] for k in order]
    return out


def _strip_furniture(lines: list[str], out: ParsedText, newspaper: str | None
                     ) -> list[tuple[int, str]]:
    """The numbered non-blank lines that are not furniture; furniture goes to ``out``."""
    repeated = repeated_lines(lines)
    content: list[tuple[int, str]] = []
    above = ""  # the last non-blank line
    seen = 0  # non-blank lines read so far
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        seen += 1
        kind = furniture_kind(line, newspaper=newspaper)
        if kind == "tools" and is_bare_date(line) and (
                _empty_label(above) or (seen == 2 and _under_title(above, lines[n:]))):
            # 发布时间： / 2019-09-17: the label's value, not a button; and a date printed
            # right under the file's first line (its title) is the article's date, where a
            # reader's clock stands above the title or among the site's tools
            kind = None
        elif kind in ("tools", "navigation") and not is_bare_date(line) and _dated_header(line):
            # 2015-02-02 11:34  来源：某报  分享到：: a header line with page tools (a date alone
            # is a reader's clock unless a label above asks for it)
            kind = None
        above = line
        if kind is None and line.strip() in repeated:
            kind = "masthead"
        if kind is None and (stamp := forum_stamp(line)) is not None:
            # a forum's edit stamp with the post run on after it: the stamp is furniture
            printed, date = stamp
            out.furniture.append((n, "forum", printed.strip()))
            out.edited.append((n, date))
            line = line[len(printed):]
        if kind is None:
            content.append((n, line))
            continue
        out.furniture.append((n, kind, line.strip()))
        if out.page is None:  # an edition line, or a navigation bar that starts with one
            out.page = edition_page(line)
    return _dedent(_take_footer_fields(_drop_chrome_between_titles(content, out), out))


#: The shortest first line read as a title a date under it belongs to (a reader's or a site's
#: name above its clock, 电子报阅读机, is shorter than a headline).
MIN_TITLE_CHARS = 8
_WEEKDAY_LINE = re.compile(r"^\s*(?:星期|周|礼拜)[一二三四五六日天]\s*$")


def _under_title(first: str, rest: list[str]) -> bool:
    """Is a date line right under ``first`` the article's date: ``first`` long enough to be a
    headline and the next printed line no weekday (a clock prints 2025-10-28 / 星期二)?"""
    following = next((line for line in rest if line.strip()), "")
    return len("".join(first.split())) >= MIN_TITLE_CHARS and not _WEEKDAY_LINE.match(following)


#: How far below the first line a scraped page may print its title again (the site's name, an
#: app-download button, a breadcrumb stand between: 标题 / 某县广播电视台 / • 客户端下载 / 标题).
MAX_TITLE_REPEAT = 8


def _drop_chrome_between_titles(content: list[tuple[int, str]], out: ParsedText
                                ) -> list[tuple[int, str]]:
    """The lines without what stands between the title and the title printed again a few lines
    below it (``MAX_TITLE_REPEAT``): the site's chrome, furniture ("navigation"), except header
    lines (发布时间, 来源, 作者 printed between the two titles are the article's); the title's
    first printing goes with the chrome, the second is kept where the article's own title group
    begins (a 副题 or a date stamp may follow it)."""
    if len(content) < 3:
        return content
    first = "".join(content[0][1].split())
    for j in range(2, min(len(content), MAX_TITLE_REPEAT + 1)):
        if "".join(content[j][1].split()) == first:
            kept = [(n, line) for n, line in content[1:j] if parse_header(line) is not None]
            kept_lines = {n for n, _ in kept}
            out.furniture.extend((n, "navigation", line.strip())
                                 for n, line in content[:j] if n not in kept_lines)
            out.furniture.sort()
            return [*kept, *content[j:]]
    return content


def _take_footer_fields(content: list[tuple[int, str]], out: ParsedText
                        ) -> list[tuple[int, str]]:
    """A site footer's address, postcode and telephone lines: furniture when they stand next to
    a footer line (or to one of them that does), text elsewhere (an article may give an
    address).  Neighbours are the next non-blank lines above and below."""
    footer = {n for n, kind, _ in out.furniture if kind == "site footer"}
    if not footer:
        return content
    order = sorted([n for n, _ in content] + [n for n, _, _ in out.furniture])
    place = {n: k for k, n in enumerate(order)}
    fields = {n for n, line in content if is_footer_field(line)}
    changed = True
    while changed:
        changed = False
        for n in sorted(fields - footer):
            k = place[n]
            near = {order[k - 1] if k else None, order[k + 1] if k + 1 < len(order) else None}
            if near & footer:
                footer.add(n)
                changed = True
    taken = fields & footer
    out.furniture.extend((n, "site footer", line.strip()) for n, line in content if n in taken)
    out.furniture.sort()
    return [(n, line) for n, line in content if n not in taken]


def _dedent(content: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The lines without the indentation they all share: a page that indents everything (a
    site's layout) indents no paragraph in particular."""
    if not content:
        return content
    common = min(len(line) - len(line.lstrip()) for _, line in content)
    return [(n, line[common:]) for n, line in content] if common else content


def _read_top(content: list[tuple[int, str]], out: ParsedText, *, title_given: bool) -> int:
    """The top of an article, down to its first paragraph: header lines, and the title group.

    An e-paper article page prints its page list and title list above the article, separated
    from it by navigation (上一篇 下一篇 放大 缩小); a county site prints its title, header
    and page tools.  The title group is the last run of title-like lines before the first
    paragraph (runs are cut by furniture lines); its longest line is the headline, the others
    (引题 above, 副题 below) are subheads.  Title-like lines of earlier runs are the page's
    lists: furniture ("navigation").  Returns where the body starts."""
    i = 0
    candidates: list[tuple[int, str]] = []
    field_title: tuple[int, str, Header] | None = None  # the 名称： line the title came from
    while i < len(content):
        n, line = content[i]
        header = parse_header(line)
        title = _title_field(line, header) if not title_given else None
        if title is not None and out.headline is None:
            label, value = title
            _add_header(out, n, label, Header())  # the label stays header, the title is text
            out.headline = clean_title(value)
            out.lines.append(n)
            field_title = (n, line, header)
        elif field_title is not None and clean_title(line) == out.headline:
            # the title printed again as a line of its own: the line is the headline, the
            # field line all header
            k = next(k for k, (m, _) in enumerate(out.header_lines) if m == field_title[0])
            out.header_lines[k] = (field_title[0], field_title[1].strip())
            out.headers[k] = field_title[2]
            out.lines.remove(field_title[0])
            out.lines.append(n)
            field_title = None
        elif header is not None:
            _add_header(out, n, line, header)
        elif i and (value := _value_below(out, line, content[i - 1][0])) is not None:
            _add_header(out, n, line, value)  # 来源： with its value on the next line
        elif out.headline is not None and (k := _repeats_title(content, i, out.headline)):
            out.furniture.extend((m, "repeat", text.strip()) for m, text in content[i:i + k])
            i += k  # the title printed again (on one line or broken over a few)
            continue
        elif not title_given and out.headline is None and _looks_like_title(line):
            candidates.append((n, line))
        else:
            break
        i += 1
    if candidates and out.headline is None:
        _choose_title(candidates, out)
    elif candidates:  # the title came from a 标题： field: the title printed again is furniture,
        # other title-like lines are subheads
        for n, line in candidates:
            if clean_title(line) == out.headline:
                out.furniture.append((n, "repeat", line.strip()))
            else:
                out.subheads.append(clean_title(line))
                out.lines.append(n)
        out.furniture.sort()
    return i


#: Longest issuer line above a signature date (某县乡村振兴工作领导小组办公室 is 15; a sentence is
#: longer).
MAX_ISSUER = 30
# A document's signature date: the date alone on its line in 年月日 (印发 after it), under the
# line of its issuer; or the issuer and the date on one line (省委第六巡视组 2018年5月5日).
_SIGNATURE_DATE = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日(?:印发)?")
_ISSUER_NAME = re.compile(rf"[{IDEOGRAPHS}（）()]{{2,{MAX_ISSUER}}}")
# ... also at the end of the text's last paragraph, after its last sentence (特此公告。 某组 日期).
_ISSUER_AND_DATE = re.compile(rf"(?:^|(?<=[。！？]))\s*(?P<issuer>[{IDEOGRAPHS}（）()]{{2,{MAX_ISSUER}}}?)\s+"
                              r"(?P<date>\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)(?:印发)?$")
# How an issuer's name ends (``_ISSUER``'s endings, in simplified and traditional characters).
_SIGNER = re.compile(r"(组|組|室|府|会|會|局|委|院|部|厅|廳|办|辦|处|處|中心|队|隊|所|站|社)$")


def _signature_dates(lines: list[str]) -> list[tuple[int, str]]:
    """(line, date) of the dates an issuer signed the text with (a notice, a report, a list:
    the organ's name, then the date in 年月日 on its own line), in line order: the document's
    date where the page prints no publication date."""
    out: list[tuple[int, str]] = []
    above = ""
    for n, line in enumerate(lines, start=1):
        s = line.strip()
        if not s:
            continue
        if _SIGNATURE_DATE.fullmatch(s) and _ISSUER_NAME.fullmatch(above) and _SIGNER.search(above):
            out.append((n, s.removesuffix("印发")))
        elif "年" in s and (m := _ISSUER_AND_DATE.search(s)) is not None and _SIGNER.search(
                m["issuer"]):
            out.append((n, m["date"]))
        above = s
    return out


def _dated_header(line: str) -> bool:
    """Whether a line is a header line whose publication date is a full date (a site's tools
    or separators printed on it do not make it furniture: the date would be lost)."""
    header = parse_header(line)
    value = header.first("published") if header is not None else None
    if value is None:
        return False
    try:
        return find_date(value) is not None
    except InputError:
        return False  # an impossible date: the line stays what the furniture rules say


def _empty_label(line: str) -> bool:
    """Whether a line is a header line whose last field has no value (来源：, 发布时间：)."""
    header = parse_header(line) if line.strip() else None
    if header is None or not header.fields:
        return False
    return not list(header.fields.values())[-1][-1]


#: Longest value a header label prints on the line below it (来源：/ 某某乡党政办), in characters.
VALUE_BELOW_MAX = 30
#: ... when the value is a name or an organ (an organ's name is rarely over 15; a title is
#: often longer).
VALUE_BELOW_NAME_MAX = 15


def _value_below(out: ParsedText, line: str, above: int) -> Header | None:
    """A header field's value printed on the line below its label (来源： / 某乡党政办), when the
    line ``above`` it is a header line that ends with that label and no value: that field, with
    the line as its value.  Only a short line without a sentence."""
    if not out.headers or out.header_lines[-1][0] != above:
        return None
    last = out.headers[-1]
    if not last.fields:
        return None
    key, values = list(last.fields.items())[-1]
    s = line.strip()
    if values[-1] or key == "headline" or not s or len(s) > VALUE_BELOW_MAX or _FULL_STOP in s:
        return None
    if key == "published" and not is_bare_date(s):
        return None  # 发布日期： / the title: a date's label takes a date only
    if key != "published" and not _NAME_VALUE.fullmatch(s):
        return None  # a name or an organ, never a title (phrases, punctuation)
    return Header({key: [s]})


# A name or an organ printed as a header value: ideographs, · and brackets only, no phrases
# (a title printed after an empty label has spaces or punctuation more often than not).
_NAME_VALUE = re.compile(f"[{IDEOGRAPHS}·（）()]{{2,{VALUE_BELOW_NAME_MAX}}}")


def _choose_title(candidates: list[tuple[int, str]], out: ParsedText) -> None:
    """Headline and subheads from the last run of title-like lines; earlier runs are lists.
    A column tag alone on its line (【高端访谈】) is a subhead when other lines can be the title."""
    tags = [(n, line) for n, line in candidates if _COLUMN_TAG.fullmatch(line.strip())]
    tag_heads: list[str] = []
    if tags and len(tags) < len(candidates):
        candidates = [c for c in candidates if c not in tags]
        tag_heads = [clean_title(line) for _, line in tags]
        out.lines.extend(n for n, _ in tags)
    cuts = sorted(n for n, _, _ in out.furniture)
    runs: list[list[tuple[int, str]]] = []
    for n, line in candidates:
        if runs and not any(runs[-1][-1][0] < c < n for c in cuts):
            runs[-1].append((n, line))
        else:
            runs.append([(n, line)])
    group = runs[-1]
    lists = [line for run in runs[:-1] for _, line in run] + [
        line for _, line in group[:-TITLE_GROUP_MAX]]
    if len(group) > TITLE_GROUP_MAX:  # a title list, not one title: its last lines
        for n, line in group[:-TITLE_GROUP_MAX]:
            out.furniture.append((n, "navigation", line.strip()))
        group = group[-TITLE_GROUP_MAX:]
    for run in runs[:-1]:
        out.furniture.extend((n, "navigation", line.strip()) for n, line in run)
    out.furniture.sort()
    out.lines.extend(n for n, _ in group)
    doc = _document_title(group)
    if doc is not None:
        first, last = doc
        out.headline = "".join(clean_title(line) for _, line in group[first:last + 1])
        out.subheads = [clean_title(line) for k, (_, line) in enumerate(group)
                        if not first <= k <= last] + tag_heads
        return
    listed = {clean_text(line) for line in lists}
    sizes = [len(clean_text(line)) for _, line in group]
    longest = max(range(len(group)), key=lambda k: (sizes[k], -k))
    main = 0 if sizes[0] > KICKER_SHARE * sizes[longest] else longest
    main = next((k for k, (_, line) in enumerate(group) if clean_text(line) in listed), main)
    out.headline = clean_title(group[main][1])
    out.subheads = [clean_title(line) for k, (_, line) in enumerate(group) if k != main] + tag_heads


def _document_title(group: list[tuple[int, str]]) -> tuple[int, int] | None:
    """The first and last line of an official document's title in a title group: from the
    issuer's line (or the 关于 line) to the line that ends with the kind of document."""
    texts = [clean_text(line) for _, line in group]
    end = next((k for k, t in enumerate(texts) if _DOC_END.search(t)), None)
    if end is None:
        return None
    start = next((k for k in range(end, -1, -1) if "关于" in texts[k]), None)
    if start is None:
        return None
    if _DOC_START.match(texts[start]) and start > 0 and _ISSUER.search(texts[start - 1]):
        start -= 1  # the issuer on the line above
    return (start, end) if end > start else None  # a one-line title needs no joining


#: Most lines a title printed again at the top is broken over.
TITLE_REPEAT_LINES = 3


def _repeats_title(content: list[tuple[int, str]], i: int, headline: str) -> int:
    """How many lines from ``i`` print the headline again (0 if they do not)."""
    want = "".join(headline.split())
    got = ""
    for k, (_, line) in enumerate(content[i:i + TITLE_REPEAT_LINES], start=1):
        got += clean_text(line)
        if got == want:
            return k
        if not want.startswith(got):
            return 0
    return 0


def _title_field(line: str, header: Header | None) -> tuple[str, str] | None:
    """(the line without its title, title) of a line that is only a 标题：/名称： field (the
    label, and a table row's separators after the value: 名 称 | … | ||), else None."""
    if header is None or list(header.fields) != ["headline"] or len(header.fields["headline"]) != 1:
        return None
    value = header.fields["headline"][0]
    if not value:
        return None
    cut = line.rindex(value)
    rest = " ".join(p for p in (line[:cut].strip(), line[cut + len(value):].strip()) if p)
    return rest, value


def _looks_like_title(line: str) -> bool:
    """A line that can be (part of) a title: short, not a sentence, not a paragraph's first
    line (indented), not a caption or a numbered section heading."""
    s = line.strip()
    return (len(s) <= HEADLINE_MAX and not _TITLE_END.search(s) and _FULL_STOP not in s
            and not _INDENT.match(line) and not _CAPTION.match(s) and not _ENUMERATION.match(s))


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


def _read_body(body: list[tuple[int, str]], out: ParsedText, lines: list[str]) -> None:
    """Paragraphs: a line each in a web copy; in wrapped text, by the text's own paragraph
    mark (``_paragraph_starts``).  ``lines``: the text's lines (for the blank lines)."""
    wrapped = _is_wrapped([line for _, line in body])
    starts_at = _paragraph_starts(body, lines) if wrapped else None
    para: list[str] = []
    for k, (n, line) in enumerate(body):
        starts = starts_at is None or k == 0 or starts_at(k)
        if starts and para:
            out.paragraphs.append(clean_text("".join(para)))
            para = []
        para.append(line)
        out.lines.append(n)
    if para:
        out.paragraphs.append(clean_text("".join(para)))
    out.paragraphs = [p for p in out.paragraphs if p]


def _paragraph_starts(body: list[tuple[int, str]], lines: list[str]):
    """Where a paragraph starts in hard-wrapped text, by the mark the text uses: an indented
    first line if any line after the first is indented; else a blank line before it if some
    lines but not all have one (all: a double-spaced extraction, which marks nothing); else a
    sentence end at the end of the line before (a line that the width happened to end at a
    full stop then starts a paragraph: nothing better is known)."""
    if any(_INDENT.match(line) for _, line in body[1:]):
        return lambda k: bool(_INDENT.match(body[k][1]))
    blank = [n >= 2 and not lines[n - 2].strip() for n, _ in body[1:]]
    if any(blank) and not all(blank):
        return lambda k: blank[k - 1]
    return lambda k: bool(_ENDS.search(body[k - 1][1]))


def _is_wrapped(lines: list[str]) -> bool:
    """Whether the body is hard-wrapped text (most lines run on into the next)."""
    if len(lines) < WRAPPED_MIN_LINES:
        return False
    run_on = sum(1 for line in lines[:-1] if not _ENDS.search(line))
    return run_on >= WRAPPED_SHARE * (len(lines) - 1)
