"""Tokenizing: jieba's segmentation with the project dictionary, from jieba or rjieba alike.

jieba segments Chinese text with a dictionary.  The project adds a user dictionary of
governance terms and slogans (``config.USER_DICT``, explicit frequencies) and the terms of the
codebook in use, so that 枫桥经验, 我为群众办实事 or 纪委监委 come out as one token.  The codebook
words are handed in by the caller (a ``Codebook``'s ``dictionary_words``): this module never
reads the codebook file.  A tokenizer is built once per set of words and process, silently
(jieba logs to stderr on initialization).

Two backends segment identically: jieba (pure Python, ~1 MB/s; the reference, and the one
jieba.posseg works with) and rjieba, the binding of jieba-rs (~20x faster), used when it is
installed.  GOVREPORTS_TOKENIZER=jieba|rjieba forces one.  rjieba is given jieba's own
dict.txt and the same additions, and ``_RjiebaTokenizer`` evens out the few places where
jieba-rs departs from jieba; tests/test_rjieba.py checks that the two agree token for token.

jieba caches its prefix dictionary in a file and loads whatever file it finds under the default
name (``$TMPDIR/jieba.cache``), whoever wrote it.  The project's jieba objects keep that cache
in ``config.JIEBA_CACHE`` instead, named by the key of the dictionary (``_jieba_cache_name``).
"""

from __future__ import annotations

import bisect
import collections
import functools
import hashlib
import itertools
import logging
import marshal
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from helpers import config
from helpers.text.decoding import is_cjk
from helpers.text.stored import load_stored, stored_key

if TYPE_CHECKING:
    import jieba

__all__ = [
    "Tokenizer", "content_tokens", "default_tokenizer", "dictionary_additions", "load_stopwords",
    "load_tokenizer", "spans_word", "tokenize", "tokenize_default", "tokenize_spans",
    "tokenizer_backend", "word_boundaries",
]

TOKENIZER_ENV = "GOVREPORTS_TOKENIZER"
TOKENIZER_BACKENDS = ("jieba", "rjieba")
#: Frequency given to codebook words the user dictionary lacks: high enough that jieba keeps
#: such a term whole against the default dictionary's splits, as a user-dictionary word would be.
CODEBOOK_TERM_FREQ = 20000
#: How many distinct tokenizers (sets of codebook words) a process keeps: the default codebook's
#: and one or two edited ones; each costs ~1-2 s to build and ~50 MB.
TOKENIZERS_KEPT = 4
#: Characters of context either side of a line break that ``spans_word`` segments: longer than
#: any dictionary word that could straddle the break, short enough to stay cheap per line.
SPAN_CONTEXT = 6
_TOKEN_SKIP = re.compile(r"^[\W\d_]+$")  # punctuation, digits, symbols
_WHITESPACE = re.compile(r"\s")


def _read_word_list(path: Path) -> list[str]:
    """Non-empty, non-comment lines of a word list."""
    return [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.startswith("#")]


def dictionary_additions(words: Iterable[str] | None = None) -> list[tuple[str, int, str | None]]:
    """The words added to jieba's dictionary, in order: (word, frequency, tag).

    The user dictionary first, then every one of ``words`` (the codebook's dictionary words;
    None: the default codebook's) that it does not list.  The same list configures any other
    jieba-compatible tokenizer identically.
    """
    if words is None:
        words = _default_words()
    additions: list[tuple[str, int, str | None]] = []
    seen: set[str] = set()
    for line in _read_word_list(config.USER_DICT):
        parts = line.split()
        word, freq = parts[0], int(parts[1]) if len(parts) > 1 else CODEBOOK_TERM_FREQ
        additions.append((word, freq, parts[2] if len(parts) > 2 else None))
        seen.add(word)
    for word in words:
        if word not in seen:
            additions.append((word, CODEBOOK_TERM_FREQ, None))
            seen.add(word)
    return additions


def _default_words() -> tuple[str, ...]:
    """The dictionary words of the default codebook (the ``Codebook`` object parses the file)."""
    from helpers.codebook import default_codebook

    return default_codebook().dictionary_words


@functools.lru_cache(maxsize=1)
def _rjieba_installed() -> bool:
    try:
        import rjieba  # noqa: F401
    except ImportError:
        return False
    return True


def tokenizer_backend() -> str:
    """The segmenter tokenizers use: "rjieba" or "jieba".

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
def _jieba_cache_name() -> str:
    """The file name of jieba's prefix-dictionary cache: the key of what the cache holds (the
    SHA-256 of jieba's dict.txt, jieba's version, the marshal format and Python's version)."""
    import jieba

    key = hashlib.sha256()
    key.update(_jieba_dictionary().read_bytes())
    key.update(f"\0{jieba.__version__}\0{marshal.version}\0{sys.version_info[:2]}".encode())
    return f"jieba-{key.hexdigest()}.cache"


def _initialize_jieba(tokenizer: jieba.Tokenizer) -> None:
    """Build ``tokenizer``'s prefix dictionary with its cache in ``config.JIEBA_CACHE`` under
    its key (never jieba's ``$TMPDIR/jieba.cache``, which anything may have written).  In a
    folder that cannot be written, a private temporary one is used and removed."""
    folder, scratch = config.JIEBA_CACHE, None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        writable = os.access(folder, os.W_OK)
    except OSError:
        writable = False
    if not writable:
        folder = scratch = Path(tempfile.mkdtemp(prefix="govreports-jieba-"))
    tokenizer.tmp_dir = str(folder)
    tokenizer.cache_file = _jieba_cache_name()
    try:
        if not _load_jieba_cache(tokenizer, folder / tokenizer.cache_file):
            tokenizer.initialize()  # builds the prefix dictionary and writes the cache
    finally:
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)


def _load_jieba_cache(tokenizer: jieba.Tokenizer, path: Path) -> bool:
    """Set ``tokenizer``'s prefix dictionary from its cache file, as ``initialize`` would, but
    from the file's bytes in one read: jieba's ``marshal.load`` of the open file reads it in
    small pieces (~3x the CPU time).  False when there is no file or it does not load (then
    ``initialize`` rebuilds and rewrites it, as jieba does with a damaged cache)."""
    import jieba

    if tokenizer.dictionary != jieba.DEFAULT_DICT:  # (jieba also compares times then)
        return False
    try:
        freq, total = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return False
    if not isinstance(freq, dict) or not isinstance(total, int):
        return False
    tokenizer.FREQ, tokenizer.total, tokenizer.initialized = freq, total, True
    return True


def _build_jieba(additions: Iterable[tuple[str, int, str | None]]) -> jieba.Tokenizer:
    """A fresh jieba tokenizer: the default dictionary plus ``additions`` (silently)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    _initialize_jieba(tokenizer)
    for word, freq, tag in additions:
        tokenizer.add_word(word, freq, tag)
    return tokenizer


def _jieba_dictionary() -> Path:
    """jieba's own dict.txt, found without importing jieba."""
    import importlib.util

    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("rjieba is set up with jieba's dictionary: install jieba")
    return Path(spec.submodule_search_locations[0]) / "dict.txt"


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


def _read_jieba_dictionary(dictionary: Path) -> tuple[list[str], list[int], int]:
    """jieba's dict.txt as rjieba is given it: its words and frequencies (a later line of a
    word replacing an earlier one, in first-seen order) and jieba's total, which counts every
    line (as jieba.Tokenizer.gen_pfdict sums).  rjieba embeds the same words and frequencies,
    but not byte for byte: reading jieba's file keeps the two in step whatever the versions."""
    freq: dict[str, int] = {}
    total = 0
    with open(dictionary, "rb") as f:
        for line in f:
            word, count = line.strip().decode("utf-8").split(" ")[:2]
            freq[word] = int(count)
            total += int(count)
    return list(freq), list(freq.values()), total


def _merged_dictionary(dictionary: Path, additions: list[tuple[str, int, str | None]]
                       ) -> tuple[dict[str, int], int]:
    """The words and frequencies rjieba is given: jieba's dict.txt (kept between kernels in
    ``config.BUILT_CACHE``: ~0.6 s to parse), then ``additions``, a later frequency replacing
    an earlier one; and jieba's total (every frequency given).  Where that total exceeds the
    sum of the frequencies kept, an unmatchable word carries the difference, as jieba-rs's
    total is that sum."""
    key = stored_key("jieba-dict", dictionary.read_bytes(), Path(__file__).read_bytes())
    words, counts, total = load_stored("jieba-dict", key,
                                       lambda: _read_jieba_dictionary(dictionary))
    freq = dict(zip(words, counts, strict=True))
    for word, count, _tag in additions:
        freq[word] = count
        total += count
    filler = total - sum(freq.values())
    if filler:
        freq[_TOTAL_FILLER] = filler
    return freq, total


class _RjiebaTokenizer:
    """rjieba set up and corrected to segment exactly as ``_jieba_tokenizer()``."""

    def __init__(self, dictionary: Path, additions: list[tuple[str, int, str | None]]) -> None:
        import rjieba

        for word, count, _tag in additions:
            if count <= 0:
                # jieba force-splits zero-frequency words; jieba-rs has no such notion.
                raise ValueError(f"dictionary addition {word!r} needs a positive frequency")
        self._rjieba = rjieba.Jieba.empty()
        freq, self.total = _merged_dictionary(dictionary, additions)
        # one add_word per word, looped in C (map) rather than in Python
        collections.deque(map(self._rjieba.add_word, freq, freq.values(), itertools.repeat(None)),
                          maxlen=0)

    @property
    def raw_cut(self) -> Callable[[str, bool], list[str]]:
        """jieba-rs's own cut, without the corrections of ``cut``."""
        return self._rjieba.cut

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


class Tokenizer:
    """jieba's segmentation with the user dictionary and a set of codebook words.

    ``cut`` comes from the backend in use (``tokenizer_backend()``, read at each call, as the
    environment variable may change in a session), token for token the same either way;
    ``jieba`` is the jieba object itself (for ``jieba.posseg``) and ``rjieba`` the rjieba one,
    each built on first use.
    """

    def __init__(self, words: tuple[str, ...]) -> None:
        self.words = words
        self.additions = dictionary_additions(words)

    @functools.cached_property
    def jieba(self) -> jieba.Tokenizer:
        return _build_jieba(self.additions)

    @functools.cached_property
    def rjieba(self) -> _RjiebaTokenizer:
        return _RjiebaTokenizer(_jieba_dictionary(), self.additions)

    def cut(self, text: str, hmm: bool = True) -> list[str]:
        """All tokens of ``text`` (whitespace included)."""
        if tokenizer_backend() == "rjieba":
            return self.rjieba.cut(text, hmm)
        return self.jieba.lcut(text, HMM=hmm)

    @property
    def rjieba_route(self) -> Callable[[str, bool], list[str]] | None:
        """rjieba's raw cut (``route(text, False)`` is the best dictionary route of a run of
        ideographs, word for word jieba's) when rjieba is the backend, else None."""
        return self.rjieba.raw_cut if tokenizer_backend() == "rjieba" else None

    def tokenize(self, text: str) -> list[str]:
        """Words of ``text``, whitespace dropped."""
        if _WHITESPACE.search(text) is None:
            return self.cut(text)  # (a fresh list: no whitespace token to drop)
        return [tok for tok in self.cut(text) if not tok.isspace()]

    def spans(self, text: str) -> list[tuple[str, int, int]]:
        """Words of ``text`` with their character offsets (word, start, end)."""
        spans = []
        start = 0
        for tok in self.cut(text):
            end = start + len(tok)
            if not tok.isspace():
                spans.append((tok, start, end))
            start = end
        return spans

    def word_boundaries(self, text: str) -> tuple[set[int], set[int]]:
        """Where the words of ``text`` start and where they end (character offsets; whitespace
        is no word)."""
        if _WHITESPACE.search(text):  # whitespace tokens are no words
            spans = self.spans(text)
            return {s for _, s, _ in spans}, {e for _, _, e in spans}
        bounds = list(itertools.accumulate(map(len, self.cut(text)), initial=0))
        return set(bounds[:-1]), set(bounds[1:])

    def spans_word(self, left: str, right: str, context: int = SPAN_CONTEXT) -> bool:
        """Does the segmentation of ``left + right`` put a word across the boundary?

        ``spans_word("冲刺全", "年目标")`` is True (冲刺/全年/目标): a line that ends so was
        wrapped inside a word, so it is not a headline or subhead, which end at a word boundary.
        ``spans_word("助推高质量发展", "播下质量")`` is False (发展/播下), though 展播 is a word.
        """
        head, tail = left[-context:], right[:context]
        if not head or not tail or not (is_cjk(head[-1]) and is_cjk(tail[0])):
            return False
        pos = 0
        for token in self.cut(head + tail, hmm=False):
            if pos < len(head) < pos + len(token):
                return True
            pos += len(token)
        return False


@functools.lru_cache(maxsize=TOKENIZERS_KEPT)
def get_tokenizer(words: tuple[str, ...]) -> Tokenizer:
    """The tokenizer for a codebook's dictionary words (built once per process and words)."""
    return Tokenizer(tuple(words))


@functools.lru_cache(maxsize=1)
def default_tokenizer() -> Tokenizer:
    """The project tokenizer: user dictionary plus the default codebook's words."""
    return get_tokenizer(_default_words())


def load_tokenizer() -> jieba.Tokenizer:
    """The project's jieba object (default dictionary plus ``dictionary_additions()``), for
    ``jieba.posseg``; ``tokenize`` and friends may segment with rjieba instead, identically."""
    return default_tokenizer().jieba


def tokenize(text: str) -> list[str]:
    """Words of ``text`` (the project tokenizer), whitespace dropped."""
    return default_tokenizer().tokenize(text)


def tokenize_spans(text: str) -> list[tuple[str, int, int]]:
    """Words of ``text`` with their character offsets (word, start, end)."""
    return default_tokenizer().spans(text)


def word_boundaries(text: str) -> tuple[set[int], set[int]]:
    """Where the words of ``text`` start and end (the project tokenizer)."""
    return default_tokenizer().word_boundaries(text)


def spans_word(left: str, right: str, context: int = SPAN_CONTEXT) -> bool:
    """``Tokenizer.spans_word`` with the project tokenizer."""
    return default_tokenizer().spans_word(left, right, context)


@functools.lru_cache(maxsize=1)
def _plain_jieba() -> jieba.Tokenizer:
    return _build_jieba(())


def tokenize_default(text: str) -> list[str]:
    """Words of ``text`` from jieba's default dictionary alone (to compare with ``tokenize``)."""
    return [tok for tok in _plain_jieba().lcut(text) if not tok.isspace()]


@functools.lru_cache(maxsize=1)
def load_stopwords() -> frozenset[str]:
    """Chinese stopwords: the stopwords-iso list plus ``config.STOPWORDS_EXTRA``."""
    # stopwords-iso is the maintained multilingual collection (794 Chinese entries)
    import stopwordsiso

    extra = _read_word_list(config.STOPWORDS_EXTRA)
    return frozenset(stopwordsiso.stopwords("zh")) | frozenset(extra)


def content_tokens(text: str) -> list[str]:
    """Tokens that carry content: no stopwords, punctuation, numbers or single characters."""
    stop = load_stopwords()
    return [tok for tok in tokenize(text)
            if len(tok) > 1 and tok not in stop and not _TOKEN_SKIP.match(tok)]
