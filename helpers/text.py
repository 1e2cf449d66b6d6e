"""Text stage: raw page bytes -> normalized text; sentences and tokens.

Raw pages are text extracted from e-paper PDFs.  They arrive in whatever encoding the export
tool used (UTF-8, UTF-16 from Windows tools, GBK/GB18030 from older Chinese software);
``read_page`` decodes them and applies a minimal, idempotent normalization that keeps the page
layout (line breaks, blank lines, spaces) byte for byte, because ``helpers.corpus`` rebuilds
the articles from that layout.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import logging
import os
import re
import stat
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

# charset-normalizer is the maintained, pure-Python encoding detector (it is what `requests`
# uses); it names non-UTF, non-GB encodings such as Big5 that a hand-written sniffer would not.
from charset_normalizer import from_bytes

from helpers import config

if TYPE_CHECKING:
    import jieba
    import jieba.posseg

# --- raw page decoding and normalization ---

__all__ = [
    "CorpusError", "content_tokens", "decode_bytes", "dictionary_additions", "is_cjk",
    "load_stopwords", "load_tokenizer", "normalize_text", "pos_tagger", "read_page",
    "spans_word", "tokenize", "tokenize_default", "tokenize_spans", "tokenizer_backend",
    "word_boundaries",
]


class CorpusError(ValueError):
    """Bad input data: names the file (``path``) and, when known, the 1-based ``line``."""

    def __init__(
        self,
        message: str,
        path: str | os.PathLike[str] | None = None,
        line: int | None = None,
    ) -> None:
        self.message = message
        self.path = path
        self.line = line
        super().__init__(self._format())

    def _format(self) -> str:
        where = [os.fspath(self.path)] if self.path is not None else []
        if self.line is not None:
            where.append(f"line {self.line}")
        return f"{', '.join(where)}: {self.message}" if where else self.message

    def __str__(self) -> str:
        return self._format()

    def __reduce__(self) -> tuple[type[CorpusError], tuple[object, ...]]:
        # Keep path and line when pickled (e.g. across multiprocessing workers).
        return (type(self), (self.message, self.path, self.line))


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
_MAX_CONTROL_SHARE = 0.01
_MIN_COMMON_SHARE = 0.6  # GB18030 decode: share of GB2312-zone characters among non-ASCII
_MIN_CJK_SHARE = 0.9  # any decode: share of CJK text characters among non-ASCII
_ASCII_WORD = re.compile(r"[A-Za-z]{2}")
_UTF8_DOMINANCE = 8  # valid multi-byte UTF-8 chars per invalid sequence in a damaged UTF-8 file


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
    head = data[:offset].decode(codec, errors="replace")
    return head.count("\n") + head.count("\r") - head.count("\r\n") + 1


def _is_cjk_text(ch: str) -> bool:
    """True for characters of Chinese running text: ideographs, CJK/full-width punctuation."""
    cp = ord(ch)
    return (
        0x4E00 <= cp <= 0x9FFF  # CJK unified ideographs
        or 0x3400 <= cp <= 0x4DBF  # extension A
        or 0x20000 <= cp <= 0x3FFFF  # extensions B+
        or 0xF900 <= cp <= 0xFAFF  # compatibility ideographs
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


def _sniff_utf16(data: bytes) -> str | None:
    """Codec name when BOM-less ``data`` is clearly UTF-16 (NULs at one parity), else None."""
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
            textlike = sum(
                1 for ch in text if ch.isspace() or 0x20 < ord(ch) < 0x7F or _is_cjk_text(ch)
            )
            if textlike >= _MIN_CJK_SHARE * len(text):
                return codec
    return None


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
    latin_text = _ASCII_WORD.search(text) is not None
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

    gb_error = _first_error(data, "gb18030")
    if gb_error is None:
        # GBK/GB2312 text decodes as GB18030 (a superset).  Detectors misname short GBK samples
        # (Big5, cp949, johab, UTF-16...), so a strict GB18030 decode that yields common
        # characters, or mostly CJK ones (rare name characters such as 堃, 犇), wins.
        text = data.decode("gb18030")
        if (
            _share(text, _is_gb2312_common) >= _MIN_COMMON_SHARE
            or _share(text, _is_cjk_text) >= _MIN_CJK_SHARE
        ):
            return text

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
    offset = utf8_error if gb_error is None else max(utf8_error, gb_error)
    raise _undecodable(data, offset, source, f"not UTF-8, UTF-16 or GB18030/GBK{hint}")


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
    if text is None and b"\x00" in data:
        codec = _sniff_utf16(data)
        if codec is None:
            nul = data.index(b"\x00")
            raise CorpusError(
                f"binary file, not text: NUL byte at byte {nul}",
                path=source,
                line=_line_of(data, nul),
            )
        text = data.decode(codec)
    if text is None:
        # UTF-8, GB18030 and Big5 use bytes below 0x20 for ASCII controls only.
        controls = len(_CONTROL_BYTES.findall(data))
        if controls > _MAX_CONTROL_SHARE * len(data):
            raise CorpusError(
                f"binary file, not text: {controls} control bytes in {len(data)}", path=source
            )
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as err:
            text = _decode_legacy(data, source, err.start)
        else:
            text = _short_gbk_as_utf8(data, text) or text

    controls = len(_CONTROL.findall(text))
    if "\x00" in text or controls > _MAX_CONTROL_SHARE * len(text):
        raise CorpusError(
            f"binary file, not text: {controls} control characters in {len(text)}", path=source
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
    return _NUMERIC_SIGN.sub(lambda m: _HALF_WIDTH_SIGN[m.group()], text)


def read_page(path: str | os.PathLike[str]) -> str:
    """Read a raw page file (never writing it): decode and normalize it.

    Raises CorpusError naming ``path`` for a missing, unreadable or non-regular file and for
    empty, binary or undecodable content.
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
        return normalize_text(decode_bytes(data, source=os.fspath(path)))
    except CorpusError as err:
        raise CorpusError(err.message, path=path, line=err.line) from None


# --- tokenization ---
#
# jieba segments Chinese text with a dictionary.  The project adds a user dictionary of
# governance terms and slogans (helpers/data/userdict.txt, explicit frequencies) and the terms
# of the default codebook, so that 枫桥经验, 我为群众办实事 or 纪委监委 come out as one token.
# The tokenizer is built once per process, silently (jieba logs to stderr on initialization).
#
# Two backends segment identically: jieba (pure Python, ~1 MB/s; the reference, and the one
# jieba.posseg works with) and rjieba, the binding of jieba-rs (~20x faster), used when it is
# installed.  GOVREPORTS_TOKENIZER=jieba|rjieba forces one.  rjieba is given jieba's own
# dict.txt and the same additions, and ``_RjiebaTokenizer`` evens out the few places where
# jieba-rs departs from jieba; tests/test_rjieba.py checks that the two agree token for token.

USER_DICT = config.DATA_DIR / "userdict.txt"
STOPWORDS_EXTRA = config.DATA_DIR / "stopwords_extra.txt"
CODEBOOK_FILE = config.DATA_DIR / "codebook.yaml"
TOKENIZER_ENV = "GOVREPORTS_TOKENIZER"
TOKENIZER_BACKENDS = ("jieba", "rjieba")
_CODEBOOK_TERM_FREQ = 20000  # frequency given to codebook terms missing from the user dictionary
_TOKEN_SKIP = re.compile(r"^[\W\d_]+$")  # punctuation, digits, symbols


def _read_word_list(path: Path) -> list[str]:
    """Non-empty, non-comment lines of a word list."""
    return [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.startswith("#")]


def dictionary_additions() -> list[tuple[str, int, str | None]]:
    """The words added to jieba's dictionary, in order: (word, frequency, tag).

    The user dictionary first, then every multi-character term of the default codebook that it
    does not list.  The same list configures any other jieba-compatible tokenizer identically.
    """
    import yaml

    additions: list[tuple[str, int, str | None]] = []
    seen: set[str] = set()
    for line in _read_word_list(USER_DICT):
        parts = line.split()
        word, freq = parts[0], int(parts[1]) if len(parts) > 1 else _CODEBOOK_TERM_FREQ
        additions.append((word, freq, parts[2] if len(parts) > 2 else None))
        seen.add(word)
    book = yaml.safe_load(CODEBOOK_FILE.read_text(encoding="utf-8"))
    for code in book.get("codes", []):
        for term in code.get("terms", []):
            term = str(term)
            if len(term) > 1 and term not in seen and not term.startswith("re:"):
                additions.append((term, _CODEBOOK_TERM_FREQ, None))
                seen.add(term)
    return additions


@functools.lru_cache(maxsize=1)
def _rjieba_installed() -> bool:
    try:
        import rjieba  # noqa: F401
    except ImportError:
        return False
    return True


def tokenizer_backend() -> str:
    """The segmenter ``tokenize``, ``tokenize_spans`` and ``spans_word`` use: "rjieba" or "jieba".

    rjieba when it can be imported, else jieba; the environment variable GOVREPORTS_TOKENIZER
    (``jieba`` or ``rjieba``) forces one.  Both give the same tokens.
    """
    forced = os.environ.get(TOKENIZER_ENV, "").strip().lower()
    if not forced:
        return "rjieba" if _rjieba_installed() else "jieba"
    if forced not in TOKENIZER_BACKENDS:
        raise ValueError(
            f"{TOKENIZER_ENV}={forced!r}: expected one of {', '.join(TOKENIZER_BACKENDS)}"
        )
    if forced == "rjieba" and not _rjieba_installed():
        raise ModuleNotFoundError(f"{TOKENIZER_ENV}=rjieba, but rjieba is not installed")
    return forced


@functools.lru_cache(maxsize=1)
def _jieba_tokenizer() -> jieba.Tokenizer:
    """jieba with the default dictionary plus ``dictionary_additions`` (built once, silently)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    for word, freq, tag in dictionary_additions():
        tokenizer.add_word(word, freq, tag)
    return tokenizer


def load_tokenizer() -> jieba.Tokenizer:
    """The project's jieba tokenizer: default dictionary plus ``dictionary_additions``.

    Built once per process; nothing is printed.  This is the jieba object itself (for
    ``jieba.posseg``); ``tokenize`` and friends may segment with rjieba instead, identically.
    """
    return _jieba_tokenizer()


# Where jieba-rs 0.11 (rjieba 0.2.2) departs from jieba 0.42.1, in the default mode:
# - its blocks of dictionary text also take CJK extension and compatibility ideographs and
#   U+9FD6-9FFF, which jieba leaves out of them and yields one character at a time;
# - inside an unknown stretch handed to the HMM, it keeps ASCII runs joined by . _ - whole
#   ("A-B", "2.5.1"), which jieba cuts with re_skip ("A", "-", "B"; "2.5", ".", "1");
# - it keeps the dictionary total as the sum of the current frequencies, while jieba adds
#   every frequency it is given (a repeated dict.txt line, a word of the additions already
#   in the dictionary); the total enters every word's probability.
# Rust strings also cannot hold lone surrogates.  Such characters are cut out before rjieba
# sees the text, joined tokens are cut again, and the total is made up with an unmatchable word.
_RJIEBA_APART = re.compile(
    "[\u3400-\u4dbf\u9fd6-\u9fff\uf900-\ufaff\ud800-\udfff\U00020000-\U0003ffff]"
)
_JOINED_ASCII = re.compile(r"[a-zA-Z0-9][._-][a-zA-Z0-9]")
_JUNCTION_AT = re.compile(r"(?=[a-zA-Z0-9][._-][a-zA-Z0-9])")  # every start, overlapping
_JOINED_RUN = re.compile(r"[a-zA-Z0-9]+(?:[._-][a-zA-Z0-9]+)+")
_DECIMAL = re.compile(r"[a-zA-Z0-9]+\.[0-9]+")
_HMM_SKIP = re.compile(r"([a-zA-Z0-9]+(?:\.\d+)?%?)")  # jieba.finalseg.re_skip
# Private-use character: outside every block jieba-rs segments, so it never matches text.
_TOTAL_FILLER = "\U0010fffd"


class _RjiebaTokenizer:
    """rjieba set up and corrected to segment exactly as ``_jieba_tokenizer()``."""

    def __init__(self, dictionary: Path, additions: list[tuple[str, int, str | None]]) -> None:
        import rjieba

        self._rjieba = rjieba.Jieba.empty()
        freq: dict[str, int] = {}
        total = 0  # jieba's total: every frequency given, as jieba.Tokenizer.gen_pfdict sums
        # jieba's own dict.txt, parsed as gen_pfdict does (rjieba embeds the same words and
        # frequencies, but not byte for byte: this keeps the two in step whatever the versions).
        with open(dictionary, "rb") as f:
            for line in f:
                word, count = line.strip().decode("utf-8").split(" ")[:2]
                freq[word] = int(count)
                total += int(count)
        for word, count, _tag in additions:
            if count <= 0:
                # jieba force-splits zero-frequency words; jieba-rs has no such notion.
                raise ValueError(f"dictionary addition {word!r} needs a positive frequency")
            freq[word] = count
            total += count
        add_word = self._rjieba.add_word
        for word, count in freq.items():
            add_word(word, count, None)
        filler = total - sum(freq.values())
        if filler:
            add_word(_TOTAL_FILLER, filler, None)
        self.total = total

    def cut(self, text: str, hmm: bool = True) -> list[str]:
        """``jieba.Tokenizer.lcut(text, HMM=hmm)``, token for token."""
        cut = self._rjieba.cut
        if _RJIEBA_APART.search(text) is None:
            words = cut(text, hmm)
        else:
            words, pos = [], 0
            for m in _RJIEBA_APART.finditer(text):
                if m.start() > pos:
                    words += cut(text[pos : m.start()], hmm)
                words.append(m.group())
                pos = m.end()
            if pos < len(text):
                words += cut(text[pos:], hmm)
        # A run that jieba's re_skip matches whole (a decimal such as 98.6) needs nothing.
        if hmm and any(_DECIMAL.fullmatch(m.group()) is None for m in _JOINED_RUN.finditer(text)):
            words = self._recut_joined(text, words)
        return words

    def _recut_joined(self, text: str, words: list[str]) -> list[str]:
        """Cut the joined ASCII runs among ``words`` (the tokens of ``text``) as jieba does.

        A token holding a junction (letter or digit, one of . _ -, letter or digit) is cut
        with jieba's re_skip unless it is a dictionary word, which jieba keeps whole too.
        (Characters the HMM gets are off the best dictionary route, so a run that is a
        word never comes from it.)  Only the tokens at a junction of ``text`` are looked at.
        """
        ends = list(itertools.accumulate(map(len, words)))
        recut: dict[int, list[str]] = {}
        for m in _JUNCTION_AT.finditer(text):
            i = bisect.bisect_right(ends, m.start())
            word = words[i]
            if (i not in recut and word.isascii() and _JOINED_ASCII.search(word)
                    and not self._rjieba.has_word(word)):
                parts = [part for part in _HMM_SKIP.split(word) if part]
                if len(parts) > 1:
                    recut[i] = parts
        if not recut:
            return words
        out: list[str] = []
        start = 0
        for i in sorted(recut):
            out += words[start:i]
            out += recut[i]
            start = i + 1
        out += words[start:]
        return out


@functools.lru_cache(maxsize=1)
def _rjieba_tokenizer() -> _RjiebaTokenizer:
    """rjieba with jieba's dict.txt plus ``dictionary_additions`` (built once, silently)."""
    import importlib.util

    spec = importlib.util.find_spec("jieba")  # its dictionary, without importing jieba
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("rjieba is set up with jieba's dictionary: install jieba")
    dictionary = Path(spec.submodule_search_locations[0]) / "dict.txt"
    return _RjiebaTokenizer(dictionary, dictionary_additions())


def _cut(text: str, hmm: bool = True) -> list[str]:
    """All tokens of ``text`` (whitespace included), from the backend in use."""
    if tokenizer_backend() == "rjieba":
        return _rjieba_tokenizer().cut(text, hmm)
    return _jieba_tokenizer().lcut(text, HMM=hmm)


def tokenize_default(text: str) -> list[str]:
    """Words of ``text`` from jieba's default dictionary alone (to compare with ``tokenize``)."""
    return [tok for tok in _default_tokenizer().lcut(text) if not tok.isspace()]


@functools.lru_cache(maxsize=1)
def _default_tokenizer() -> jieba.Tokenizer:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


# --- part-of-speech tagging --------------------------------------------------------------------

_WHITESPACE = re.compile(r"\s")
_POS_HAN = re.compile("[\u4E00-\u9FD5]+")  # a run of ideographs of jieba.posseg's blocks
_MIN_FLOAT = -3.14e100  # jieba.posseg.viterbi's floor for an unseen emission
_MIN_INF = float("-inf")


def _pos_viterbi(obs: str, states: dict, start_p: dict, trans_p: dict, emit_p: dict,
                 preds: dict) -> tuple[float, list]:
    """``jieba.posseg.viterbi`` with the same result, float for float: each state is scored
    only from the states that can precede it (``preds``), not from every state of the step
    before (a transition jieba does not know scores -inf there and never wins).  Ties are
    broken as jieba does, by the larger state."""
    all_states = trans_p.keys()
    prev: dict = {}
    paths: list[dict] = []
    first = obs[0]
    for y in states.get(first, all_states):
        prev[y] = start_p[y] + emit_p[y].get(first, _MIN_FLOAT)
    paths.append(dict.fromkeys(prev, ""))
    for t in range(1, len(obs)):
        ch = obs[t]
        prev_states = [x for x in paths[-1] if trans_p[x]]
        expect = {y for x in prev_states for y in trans_p[x]}
        obs_states = set(states.get(ch, all_states)) & expect
        if not obs_states:
            obs_states = expect if expect else set(all_states)
        cur: dict = {}
        back: dict = {}
        for y in obs_states:
            emit = emit_p[y].get(ch, _MIN_FLOAT)
            before = preds.get(y, ())
            if len(before) < len(prev_states):
                cands = [y0 for y0 in before if y0 in prev]
            else:
                cands = [y0 for y0 in prev_states if y in trans_p[y0]]
            if cands:
                prob, state = max((prev[y0] + trans_p[y0][y] + emit, y0) for y0 in cands)
            else:  # jieba's fallback: no state leads here, every score is -inf
                prob, state = max((prev[y0] + _MIN_INF + emit, y0) for y0 in prev_states)
            cur[y] = prob
            back[y] = state
        prev = cur
        paths.append(back)
    prob, state = max((prev[y], y) for y in paths[-1])
    route: list = [None] * len(obs)
    for i in range(len(obs) - 1, -1, -1):
        route[i] = state
        state = paths[i][state]
    return prob, route


@functools.lru_cache(maxsize=1)
def pos_tagger() -> jieba.posseg.POSTokenizer:
    """jieba's part-of-speech tagger over the project tokenizer (``load_tokenizer``), with
    ``_pos_viterbi`` in place of jieba's Viterbi: the same tags, about twice as fast."""
    from jieba import posseg

    model = (posseg.char_state_tab_P, posseg.start_P, posseg.trans_P, posseg.emit_P)
    preds: dict = {}
    for y0, nexts in model[2].items():
        for y in nexts:
            preds.setdefault(y, []).append(y0)

    # the best dictionary route of a run of ideographs, from rjieba when it is the backend (its
    # cut without HMM is that route, word for word: the same dictionary and total as jieba)
    route = _rjieba_tokenizer()._rjieba.cut if tokenizer_backend() == "rjieba" else None

    class _Tagger(posseg.POSTokenizer):
        def _POSTokenizer__cut_DAG(self, sentence: str):
            """jieba's ``__cut_DAG`` (dictionary words tagged, runs of single characters
            that are no word tagged by the HMM), the route computed by rjieba."""
            words = None if route is None else route(sentence, False)
            if words is not None and not sentence.isascii() and _POS_HAN.fullmatch(sentence) is None:
                # rjieba joins the single Latin letters and digits of the route (jieba's
                # no-HMM cut does too): split such a run again, unless it is also a word
                freq = self.tokenizer.FREQ
                steps: list[str] = []
                for word in words:
                    if len(word) > 1 and word.isascii() and word.isalnum():
                        if freq.get(word):
                            words = None  # a word or a run of letters: jieba decides
                            break
                        steps.extend(word)
                    else:
                        steps.append(word)
                else:
                    words = steps
            if words is None or sentence.isascii():
                yield from posseg.POSTokenizer._POSTokenizer__cut_DAG(self, sentence)
                return
            tags = self.word_tag_tab
            buf = ""
            for word in [*words, ""]:
                if len(word) == 1:
                    buf += word
                    continue
                if len(buf) == 1:
                    yield posseg.pair(buf, tags.get(buf, "x"))
                elif buf and not self.tokenizer.FREQ.get(buf):
                    yield from self._POSTokenizer__cut_detail(buf)
                elif buf:
                    for elem in buf:
                        yield posseg.pair(elem, tags.get(elem, "x"))
                buf = ""
                if word:
                    yield posseg.pair(word, tags.get(word, "x"))

        def _POSTokenizer__cut(self, sentence: str):
            _, pos_list = _pos_viterbi(sentence, *model, preds)
            begin, nexti = 0, 0
            for i, char in enumerate(sentence):
                pos = pos_list[i][0]
                if pos == "B":
                    begin = i
                elif pos == "E":
                    yield posseg.pair(sentence[begin:i + 1], pos_list[i][1])
                    nexti = i + 1
                elif pos == "S":
                    yield posseg.pair(char, pos_list[i][1])
                    nexti = i + 1
            if nexti < len(sentence):
                yield posseg.pair(sentence[nexti:], pos_list[nexti][1])

    return _Tagger(load_tokenizer())


def tokenize(text: str) -> list[str]:
    """Words of ``text`` (jieba with the project dictionary), whitespace dropped."""
    if _WHITESPACE.search(text) is None:
        return _cut(text)  # (a fresh list: no whitespace token to drop)
    return [tok for tok in _cut(text) if not tok.isspace()]


def word_boundaries(text: str) -> tuple[set[int], set[int]]:
    """Where the words of ``text`` start and where they end (character offsets; whitespace is
    no word): ``({start for _, start, _ in tokenize_spans(text)}, {end for ...})``."""
    if _WHITESPACE.search(text):  # whitespace tokens are no words
        spans = tokenize_spans(text)
        return {s for _, s, _ in spans}, {e for _, _, e in spans}
    bounds = list(itertools.accumulate(map(len, _cut(text)), initial=0))
    return set(bounds[:-1]), set(bounds[1:])


def tokenize_spans(text: str) -> list[tuple[str, int, int]]:
    """Words of ``text`` with their character offsets (word, start, end)."""
    spans = []
    start = 0
    for tok in _cut(text):
        end = start + len(tok)
        if not tok.isspace():
            spans.append((tok, start, end))
        start = end
    return spans


@functools.lru_cache(maxsize=1)
def load_stopwords() -> frozenset[str]:
    """Chinese stopwords: the stopwords-iso list plus helpers/data/stopwords_extra.txt."""
    # stopwords-iso is the maintained multilingual collection (794 Chinese entries)
    import stopwordsiso

    return frozenset(stopwordsiso.stopwords("zh")) | frozenset(_read_word_list(STOPWORDS_EXTRA))


def content_tokens(text: str) -> list[str]:
    """Tokens that carry content: no stopwords, punctuation, numbers or single characters."""
    stop = load_stopwords()
    return [tok for tok in tokenize(text)
            if len(tok) > 1 and tok not in stop and not _TOKEN_SKIP.match(tok)]


def spans_word(left: str, right: str, context: int = 6) -> bool:
    """Does the segmentation of ``left + right`` put a word across the boundary?

    ``spans_word("冲刺全", "年目标")`` is True (冲刺/全年/目标): a line that ends so was wrapped
    inside a word, so it is not a headline or subhead, which end at a word boundary.
    ``spans_word("助推高质量发展", "播下质量")`` is False (发展/播下), though 展播 is a word.
    """
    head, tail = left[-context:], right[:context]
    if not head or not tail or not (is_cjk(head[-1]) and is_cjk(tail[0])):
        return False
    pos = 0
    for token in _cut(head + tail, hmm=False):
        if pos < len(head) < pos + len(token):
            return True
        pos += len(token)
    return False


def is_cjk(ch: str) -> bool:
    """True for a CJK ideograph."""
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\uf900" <= ch <= "\ufaff"
