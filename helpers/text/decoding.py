"""Decoding: raw page bytes -> normalized text, and ``CorpusError`` for bad input.

Raw pages are text extracted from e-paper PDFs.  They arrive in whatever encoding the export
tool used (UTF-8, UTF-16 from Windows tools, GBK/GB18030 from older Chinese software);
``read_page`` decodes them and applies a minimal, idempotent normalization that keeps the page
layout (line breaks, blank lines, spaces) byte for byte, because the layout parser rebuilds
the articles from that layout.
"""

from __future__ import annotations

import functools
import os
import re
import stat
import unicodedata
from collections.abc import Callable
from pathlib import Path

# charset-normalizer is the maintained, pure-Python encoding detector (it is what `requests`
# uses); it names non-UTF, non-GB encodings such as Big5 that a hand-written sniffer would not.
from charset_normalizer import from_bytes

from helpers.errors import CorpusError

__all__ = [
    "IDEOGRAPHS", "TRADITIONAL_SHARE", "CorpusError", "check_simplified", "decode_bytes", "is_cjk",
    "normalize_text", "read_page", "read_raw_bytes", "traditional_share",
]


# Binary formats a user may drop into corpus/raw by mistake, for a clearer message than
# "undecodable bytes".  Only an aid: any binary file is also caught by the NUL/control checks.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF file (extract its text first)"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or .docx/.xlsx)"),
    (b"PK\x05\x06", "a ZIP archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document (.doc/.xls)"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (  # UTF-32 first: its LE BOM starts with UTF-16's
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
# Chinese encodings other than GB18030 that the detector may name and we accept.
_DETECTED_CHINESE = {"big5", "big5hkscs", "cp950"}
# Control characters other than the layout ones \t \n \v \f (pdftotext's page break) \r.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1f\x7f]")
# The same bytes, for ``bytes.translate`` to delete: the count is what the deletion takes away
# (five times quicker than ``findall``'s list of matches over a whole file).
_CONTROL_BYTE_VALUES = bytes([*range(0x09), *range(0x0E, 0x20), 0x7F])
_MAX_CONTROL_SHARE = 0.01
_MIN_COMMON_SHARE = 0.6  # GB18030 decode: share of GB2312-zone characters among non-ASCII
_MIN_CJK_SHARE = 0.9  # any decode: share of CJK text characters among non-ASCII
_ASCII_WORD = re.compile(r"[A-Za-z]{2}")
_UTF8_DOMINANCE = 8  # valid multi-byte UTF-8 chars per invalid sequence in a damaged UTF-8 file
_UTF16 = ("utf-16-le", "utf-16-be")
# BOM-less UTF-16 read by its content (dense Chinese: one paragraph per line, so too few NUL
# bytes for the ASCII-parity sniff): the share of ideographs among its non-whitespace
# characters.  Chinese running text is ~85 % ideographs, the rest punctuation; other bytes
# read as UTF-16 spread over the whole BMP, where ideographs are about a third of the code
# points (and fail the _MIN_CJK_SHARE test of text characters first).
_MIN_UTF16_IDEOGRAPH_SHARE = 0.5
# Binary data after a UTF-16 head: the head counts as UTF-16 text (so that the error's line is
# counted in it) only from this many characters on.  Random bytes read as UTF-16 are text
# characters less than half the time, so 16 in a row happen by chance about once in 10^5.
_MIN_UTF16_HEAD_CHARS = 16
# the first character of decoded text that is no text: a control character or a replaced byte
_NOT_TEXT = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")


# normalize_text: one translation table, then three context-dependent full-width signs.
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\ufeff"))
_TRANSLATE: dict[int, int | None] = {
    **{0xFF10 + i: ord("0") + i for i in range(10)},  # ０-９
    **{0xFF21 + i: ord("A") + i for i in range(26)},  # Ａ-Ｚ
    **{0xFF41 + i: ord("a") + i for i in range(26)},  # ａ-ｚ
    ord("％"): ord("%"),
    ord("＋"): ord("+"),
    0x3000: ord(" "),  # ideographic space: layout whitespace
    0x00A0: ord(" "),  # no-break space
    **_ZERO_WIDTH,  # invisible: removed
}
# the characters _TRANSLATE changes, and what each becomes: replaced by a regular expression,
# which skips the unchanged text at C speed (str.translate looks every character up)
_TRANSLATED = {chr(k): "" if v is None else chr(v) for k, v in _TRANSLATE.items()}
_TO_TRANSLATE = re.compile("[" + "".join(map(re.escape, sorted(_TRANSLATED))) + "]")
_NOT_BLANK = re.compile("[^\\s" + "".join(map(chr, _ZERO_WIDTH)) + "]")
_NUMERIC_SIGN = re.compile(r"(?<=[0-9])[．／](?=[0-9])|－(?=[0-9])")
_HALF_WIDTH_SIGN = {"．": ".", "／": "/", "－": "-"}


def _line_of(data: bytes, offset: int, codec: str = "latin-1") -> int:
    """1-based line number of byte ``offset`` (LF, CRLF and lone CR end lines).

    Counting raw bytes is right for ASCII-compatible encodings (UTF-8, GB18030, Big5 never use
    0x0A or 0x0D inside a character); UTF-16/32 data is decoded first.
    """
    return _count_lines(data[:offset].decode(codec, errors="replace"))


def _count_lines(head: str) -> int:
    """1-based line number of the character that follows ``head`` (LF, CRLF and CR end lines)."""
    return head.count("\n") + head.count("\r") - head.count("\r\n") + 1


#: The ideographs ``is_cjk`` accepts, as the body of a regular-expression character class (for
#: patterns that need them inside a class, such as the characters a name is written with).
IDEOGRAPHS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"


def is_cjk(ch: str) -> bool:
    """True for a CJK ideograph of the basic block, extension A or the compatibility block: the
    one test of "is this a Chinese character" that the parser, places and metrics share (the
    same ranges as ``IDEOGRAPHS``, compared directly: faster than a regex per character)."""
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\uf900" <= ch <= "\ufaff"


def _is_cjk_text(ch: str) -> bool:
    """True for characters of Chinese running text: ideographs, CJK/full-width punctuation."""
    cp = ord(ch)
    return (
        is_cjk(ch)
        or 0x20000 <= cp <= 0x3FFFF  # extensions B+
        or 0x3000 <= cp <= 0x303F  # CJK symbols and punctuation
        or 0xFF01 <= cp <= 0xFFEF  # full-width forms
        or 0xFE30 <= cp <= 0xFE4F  # CJK compatibility forms
        or 0x2010 <= cp <= 0x2027  # dashes, quotes, ellipsis
        or 0x2030 <= cp <= 0x205E  # per mille, primes, reference mark
        or 0x2100 <= cp <= 0x218F  # letterlike symbols (℃), number forms (Ⅱ)
        or 0x2460 <= cp <= 0x24FF  # enclosed numbers ①
        or 0x25A0 <= cp <= 0x25FF  # geometric shapes ■●
        or ch in "·×÷°±§"
    )


def _is_gb2312_common(ch: str) -> bool:
    """True when ``ch`` sits in GB2312's hanzi rows or punctuation/number rows (in GBK bytes).

    Mis-decoded Big5 or UTF-8 lands largely in kana/Greek rows or in GBK's rare-hanzi extension,
    so this share separates real GBK text from mojibake.
    """
    try:
        raw = ch.encode("gb18030")
    except UnicodeEncodeError:  # lone surrogates
        return False
    if len(raw) != 2 or not 0xA1 <= raw[1] <= 0xFE:
        return False
    return raw[0] in (0xA1, 0xA2, 0xA3) or 0xB0 <= raw[0] <= 0xF7


def _share(text: str, pred: Callable[[str], bool]) -> float:
    """Share of non-ASCII, non-whitespace characters of ``text`` satisfying ``pred``."""
    chars = [ch for ch in text if ord(ch) > 0x7F and not ch.isspace()]
    if not chars:
        return 1.0
    return sum(1 for ch in chars if pred(ch)) / len(chars)


def _is_textlike(ch: str) -> bool:
    """True for whitespace, printable ASCII and the characters of Chinese running text."""
    return ch.isspace() or 0x20 < ord(ch) < 0x7F or _is_cjk_text(ch)


def _is_chinese_text(text: str) -> bool:
    """True when decoded ``text`` reads as Chinese running text: text characters only (up to
    ``1 - _MIN_CJK_SHARE``), mostly ideographs (``_MIN_UTF16_IDEOGRAPH_SHARE``)."""
    visible = [ch for ch in text if not ch.isspace()]
    if not visible or sum(map(_is_textlike, text)) < _MIN_CJK_SHARE * len(text):
        return False
    return sum(map(is_cjk, visible)) >= _MIN_UTF16_IDEOGRAPH_SHARE * len(visible)


def _sniff_utf16(data: bytes) -> str | None:
    """Codec name when BOM-less ``data`` is clearly UTF-16, else None.

    Clearly UTF-16: NULs at one parity (ASCII and layout characters), or -- for dense Chinese,
    whose ideographs rarely hold a zero byte -- data that is not UTF-8 (ASCII text read as
    UTF-16 looks like ideographs) and reads as Chinese text in UTF-16 (``_is_chinese_text``).
    Called only for data that GB18030 cannot read as text: with NUL or many control bytes, or
    after ``_gb18030_text`` failed.
    """
    if len(data) < 2 or len(data) % 2:
        return None
    units = len(data) // 2
    nul_even, nul_odd = data[0::2].count(0), data[1::2].count(0)
    for codec, high, low in (("utf-16-le", nul_odd, nul_even), ("utf-16-be", nul_even, nul_odd)):
        # ASCII/layout characters put their zero byte at one parity; ideographs such as 一
        # (U+4E00) rarely put one at the other.
        if high >= max(1, units // 20) and low * 4 <= high:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                continue
            if sum(map(_is_textlike, text)) >= _MIN_CJK_SHARE * len(text):
                return codec
    if _first_error(data, "utf-8") is None:
        return None
    for codec in _UTF16:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _is_chinese_text(text):
            return codec
    return None


def _gb18030_text(data: bytes) -> str | None:
    """The GB18030 reading of ``data`` when it is all valid and reads as Chinese (common
    GB2312 characters, or mostly CJK ones such as the rare name characters 堃, 犇), else None.

    Detectors misname short GBK samples (Big5, cp949, johab, UTF-16...), so this decides first.
    """
    if _first_error(data, "gb18030") is not None:
        return None
    text = data.decode("gb18030")
    if (
        _share(text, _is_gb2312_common) >= _MIN_COMMON_SHARE
        or _share(text, _is_cjk_text) >= _MIN_CJK_SHARE
    ):
        return text
    return None


def _binary_error(data: bytes, source: str, controls: int) -> CorpusError:
    """CorpusError for BOM-less ``data`` with NUL bytes or ``controls`` control bytes that is
    no text.

    When it starts as Chinese UTF-16 text (``_MIN_UTF16_HEAD_CHARS`` or more), the error names
    where that text stops and the line is counted in it (UTF-16 bytes of ideographs such as
    上 U+4E0A hold 0x0A: counting bytes would be wrong); else the first NUL byte and its line.
    """
    for codec in _UTF16:
        text = data[: len(data) - len(data) % 2].decode(codec, errors="replace")
        bad = _NOT_TEXT.search(text)
        head = text[: bad.start()] if bad else text
        if (
            len(head) >= _MIN_UTF16_HEAD_CHARS
            and _is_chinese_text(head)
            and _first_error(head.encode(codec), "utf-8") is not None
        ):
            at = len(head.encode(codec))
            return CorpusError(
                f"binary file, not text: {data[at:at + 2]!r} at byte {at} after "
                f"{codec.upper()} text",
                path=source,
                line=_count_lines(head),
            )
    nul = data.find(b"\x00")
    if nul >= 0:
        return CorpusError(
            f"binary file, not text: NUL byte at byte {nul}", path=source, line=_line_of(data, nul)
        )
    first = _CONTROL_BYTES.search(data)
    return CorpusError(
        f"binary file, not text: {controls} control bytes in {len(data)}",
        path=source,
        line=_line_of(data, first.start()) if first else None,
    )


def _short_gbk_as_utf8(data: bytes, text: str) -> str | None:
    """GB18030 reading of GBK bytes that happen to be valid UTF-8, else None.

    Short GBK input can be valid UTF-8 by chance (一 = D2 BB reads as Cyrillic һ, 么 = C3 B4 as
    ô, 路 = C2 B7 as ·, 蚪蕉 as one unassigned code point).  The GB18030 reading is taken when
    the UTF-8 one has no assigned character beyond U+07FF (real UTF-8 Chinese has them) and no
    Latin-1 sign or Latin letter in Latin text ("Café", "25°C", "© 2021 Hunan Daily"), and the
    GB18030 reading is made of common GB2312 characters only -- or, if the UTF-8 reading holds
    C1 control, unassigned or private-use characters, is mostly CJK.
    """
    if text.isascii():
        return None
    odd = False
    non_ascii = 0
    latin_text: bool | None = None  # (searched for at the first Latin-1 character only)
    for i, ch in enumerate(text):
        cp = ord(ch)
        if cp < 0x80:
            continue
        non_ascii += 1
        if unicodedata.category(ch) in ("Cc", "Cn", "Co"):
            odd = True
        elif cp > 0x7FF:  # an assigned ideograph...: real UTF-8
            return None
        elif cp <= 0x24F:  # Latin-1 sign or Latin letter: plausible UTF-8 in Latin text
            neighbours = text[max(i - 1, 0) : i] + text[i + 1 : i + 2]
            if latin_text is None:
                latin_text = _ASCII_WORD.search(text) is not None
            if latin_text or any(c.isascii() and c.isalnum() for c in neighbours):
                return None
    if not non_ascii:
        return None
    try:
        gb_text = data.decode("gb18030")
    except UnicodeDecodeError:
        return None
    if _share(gb_text, _is_gb2312_common) == 1.0 or (
        odd and _share(gb_text, _is_cjk_text) >= _MIN_CJK_SHARE
    ):
        return gb_text
    return None


def _first_error(data: bytes, codec: str) -> int | None:
    """Offset of the first byte ``codec`` cannot decode, or None when all of ``data`` decodes."""
    try:
        data.decode(codec)
    except UnicodeDecodeError as err:
        return err.start
    return None


def _undecodable(
    data: bytes, offset: int, source: str, why: str, codec: str = "latin-1"
) -> CorpusError:
    """CorpusError for the bad byte at ``offset``."""
    bad = data[offset : offset + 4]
    return CorpusError(
        f"undecodable bytes ({bad!r} at byte {offset}; {why})",
        path=source,
        line=_line_of(data, offset, codec),
    )


def _decode_legacy(data: bytes, source: str, utf8_error: int) -> str:
    """Decode bytes that are neither BOM-marked nor valid UTF-8: GB18030 first, then detector.

    ``utf8_error`` is the offset of the first byte that is not UTF-8.
    """
    # A UTF-8 file with a few damaged bytes: report the damage, don't read it as GB18030.
    lenient = data.decode("utf-8", errors="replace")
    bad_utf8 = lenient.count("\ufffd")
    good_utf8 = sum(1 for ch in lenient if ord(ch) > 0x7F) - bad_utf8
    if good_utf8 >= _UTF8_DOMINANCE * bad_utf8:
        raise _undecodable(data, utf8_error, source, "invalid UTF-8 in an otherwise UTF-8 file")

    gb_text = _gb18030_text(data)
    if gb_text is not None:
        return gb_text
    codec = _sniff_utf16(data)  # dense Chinese UTF-16 holds no NUL byte at all
    if codec is not None:
        return data.decode(codec)

    best = from_bytes(data).best()
    guess = best.encoding if best is not None else None
    if guess in _DETECTED_CHINESE:  # e.g. Big5, which GB18030 reads as kana and private use
        try:
            text = data.decode(guess)
        except UnicodeDecodeError:
            pass
        else:
            if _share(text, _is_cjk_text) >= _MIN_CJK_SHARE:
                return text

    hint = f"; encoding detector's guess: {guess}" if guess else ""
    gb_error = _first_error(data, "gb18030")
    offset = utf8_error if gb_error is None else max(utf8_error, gb_error)
    raise _undecodable(data, offset, source, f"not UTF-8, UTF-16 or GB18030/GBK{hint}")


def _decode_without_bom(data: bytes, source: str) -> str:
    """Decode BOM-less bytes: UTF-16 when they hold NUL or control bytes and read as UTF-16
    (``_sniff_utf16``), else UTF-8, else GB18030 (or Big5, or dense Chinese UTF-16)."""
    # UTF-8, GB18030 and Big5 use bytes below 0x20 for ASCII controls only; UTF-16 uses them
    # in ASCII characters (a NUL byte) and in ideographs and punctuation (。 U+3002: 0x02).
    controls = len(data) - len(data.translate(None, _CONTROL_BYTE_VALUES))
    if b"\x00" in data or controls > _MAX_CONTROL_SHARE * len(data):
        codec = _sniff_utf16(data)
        if codec is None:
            raise _binary_error(data, source, controls)
        return data.decode(codec)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        return _decode_legacy(data, source, err.start)
    return _short_gbk_as_utf8(data, text) or text


def decode_bytes(data: bytes, source: str = "<bytes>") -> str:
    """Decode a raw page: BOM-marked UTF-8/16/32, BOM-less UTF-16, UTF-8, else GB18030 (or Big5).

    Raises CorpusError naming ``source`` for empty, binary or undecodable input.
    """
    data = bytes(data)
    if not data:
        raise CorpusError("empty file (0 bytes)", path=source)
    for magic, kind in _SIGNATURES:
        if data.startswith(magic):
            raise CorpusError(f"binary file, not text: looks like {kind}", path=source)

    text: str | None = None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            try:
                text = body.decode(codec)
            except UnicodeDecodeError as err:
                why = f"invalid {codec.upper()} after its byte-order mark"
                raise _undecodable(body, err.start, source, why, codec) from None
            break
    if text is None:
        text = _decode_without_bom(data, source)

    controls = len(_CONTROL.findall(text))
    if "\x00" in text or controls > _MAX_CONTROL_SHARE * len(text):
        first = _CONTROL.search(text)  # \x00 is one
        raise CorpusError(
            f"binary file, not text: {controls} control characters in {len(text)}",
            path=source,
            line=_count_lines(text[: first.start()]) if first else None,
        )
    if _NOT_BLANK.search(text) is None:  # only whitespace and zero-width characters
        raise CorpusError("empty file (only whitespace)", path=source)
    return text


def normalize_text(text: str) -> str:
    """Minimal, idempotent normalization that keeps the layout (lines, blank lines, spaces).

    CRLF/CR -> LF; full-width digits and Latin letters -> ASCII; ％＋ -> %+; ． and ／ between
    digits and － before a digit -> . / -; U+3000 and NBSP -> space; zero-width characters
    and BOMs removed.  Chinese punctuation (，。、；：“”（）《》！？·— ...) is kept.
    """
    # Line ends first, so that "\r<zero-width>\n" still counts as two lines, as in the raw file.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _TO_TRANSLATE.sub(lambda m: _TRANSLATED[m.group()], text)  # = .translate(_TRANSLATE)
    if not any(sign in text for sign in _HALF_WIDTH_SIGN):  # (a scan whose lookbehind
        return text  # tries every position, skipped on the many pages without these signs)
    return _NUMERIC_SIGN.sub(lambda m: _HALF_WIDTH_SIGN[m.group()], text)


#: A page is in traditional characters when more than this share of its ideographs are not in
#: GB2312, the simplified character set (``traditional_share``).  Measured: simplified pages
#: hold almost none -- the seed page 0, the four fixture pages at most 0.07 %, 436 composed
#: pages at most 0.09 % (rare name and place characters such as 堃, 堌) -- and traditional text
#: about a third (31 %, 33 % and 41 % in three samples written for the tests), since every
#: character that simplification changed is outside GB2312.  5 % is ~50 times the first and
#: ~6 times below the second.
TRADITIONAL_SHARE = 0.05
# Fewer ideographs than this are not judged: a real page holds thousands, and on a few dozen
# a couple of rare name characters (王堃, 李喆) would weigh several per cent.
_TRADITIONAL_MIN_IDEOGRAPHS = 100
_IDEOGRAPH = re.compile(f"[{IDEOGRAPHS}]")


@functools.lru_cache(maxsize=1)
def _not_gb2312() -> re.Pattern[str]:
    """The ideographs (``IDEOGRAPHS``) GB2312 cannot encode, as a character class: taken from
    the codec, so that no table of traditional characters is typed by hand."""
    ranges: list[tuple[int, int]] = []
    for lo, hi in ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF)):
        for cp in range(lo, hi + 1):
            try:
                chr(cp).encode("gb2312")
            except UnicodeEncodeError:
                if ranges and ranges[-1][1] == cp - 1:
                    ranges[-1] = (ranges[-1][0], cp)
                else:
                    ranges.append((cp, cp))
    return re.compile("[" + "".join(f"{chr(a)}-{chr(b)}" for a, b in ranges) + "]")


def traditional_share(text: str) -> float:
    """Share of the ideographs of ``text`` that GB2312 (simplified characters) cannot encode."""
    odd = len(_not_gb2312().findall(text))
    if not odd:  # most articles: no ideograph to count (the count is the longer scan)
        return 0.0
    return odd / len(_IDEOGRAPH.findall(text))


def check_simplified(text: str, source: str | os.PathLike[str] = "<text>") -> None:
    """Raise ``CorpusError`` when ``text`` is in traditional characters (``TRADITIONAL_SHARE``).

    The parser, the gazetteer and the codebook read simplified Chinese: a traditional page would
    parse into wrong articles with no localities.  It is refused rather than converted, because
    a conversion changes the text a researcher cites; the message says how to convert it.
    """
    odd = _not_gb2312().findall(text)
    if not odd:  # the rule for a simplified page: no ideograph to count
        return
    total = len(_IDEOGRAPH.findall(text))
    if total < _TRADITIONAL_MIN_IDEOGRAPHS or len(odd) <= TRADITIONAL_SHARE * total:
        return
    first = _not_gb2312().search(text)
    examples = "".join(sorted(set(odd))[:12])
    raise CorpusError(
        f"page in traditional Chinese characters ({len(odd)} of {total} ideographs, "
        f"{len(odd) / total:.0%}, are not simplified ones: {examples}...); the parser, places and "
        "codebook read simplified Chinese.  Convert it and put the converted file here instead "
        "(keep the original elsewhere), e.g. with OpenCC's t2s configuration: pip install "
        "opencc, then opencc.OpenCC('t2s').convert(text)",
        path=source,
        line=_count_lines(text[: first.start()]) if first else None,
    )


def read_page(path: str | os.PathLike[str]) -> str:
    """Read a raw page file (never writing it): decode and normalize it.

    Raises CorpusError naming ``path`` for a missing, unreadable or non-regular file, for
    empty, binary or undecodable content, and for a page in traditional characters
    (``check_simplified``).
    """
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        raise CorpusError("no such file", path=path) from None
    except OSError as err:
        raise CorpusError(f"cannot access file ({err.strerror or err})", path=path) from None
    if stat.S_ISDIR(mode):
        raise CorpusError("is a directory, not a page file", path=path)
    if not stat.S_ISREG(mode):
        raise CorpusError("not a regular file", path=path)
    try:
        data = Path(path).read_bytes()
    except OSError as err:
        raise CorpusError(f"cannot read file ({err.strerror or err})", path=path) from None
    try:
        text = normalize_text(decode_bytes(data, source=os.fspath(path)))
        check_simplified(text, source=path)
    except CorpusError as err:
        raise CorpusError(err.message, path=path, line=err.line) from None
    return text


def read_raw_bytes(path: str | os.PathLike[str]) -> bytes:
    """The bytes of a raw file as they are (for hashing); a file that cannot be read raises the
    ``CorpusError`` naming it (as ``read_page`` would)."""
    try:
        return Path(path).read_bytes()
    except OSError:
        read_page(path)  # raises the CorpusError naming the file and what is wrong
        raise
