"""Part-of-speech tagging: jieba's tagger over the project tokenizer, with a faster Viterbi.

``metrics`` reads the part of speech of the words after a count (what the count counts).
``POSTagger`` is ``jieba.posseg.POSTokenizer`` with two of its steps replaced, each giving the
same tags as jieba's (tests/test_pos.py checks it token for token):

- the best dictionary route of a run of ideographs comes from rjieba when that is the
  tokenizer backend (its cut without HMM is that route, word for word: the same dictionary and
  total as jieba);
- the Viterbi of the HMM that tags unknown runs scores each state only from the states that can
  precede it (``_pos_viterbi``), about twice as fast, float for float the same.
"""

from __future__ import annotations

import functools
import io
import re
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO

from helpers.text.stored import load_stored, stored_key
from helpers.text.tokenizing import default_tokenizer

# (``POSTagger`` is importable too: the module's ``__getattr__`` defines it on first use)
__all__ = ["pos_tagger"]

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


def _predecessors(trans_p: dict) -> dict:
    """For each state, the states that can precede it."""
    preds: dict = {}
    for y0, nexts in trans_p.items():
        for y in nexts:
            preds.setdefault(y, []).append(y0)
    return preds


@functools.lru_cache(maxsize=1)
def _tagger_class() -> type:
    """``POSTagger``, defined on first use: it subclasses ``jieba.posseg.POSTokenizer``, and
    jieba.posseg (its HMM tables) takes ~0.3-0.6 s to import, which every ``import`` of the
    pipeline paid even when the metrics came from the cache."""
    import jieba
    from jieba import posseg

    class POSTagger(posseg.POSTokenizer):
        """jieba's POS tagger over ``tokenizer`` (a jieba object), its dictionary route from
        ``route`` (rjieba's raw cut, or None: jieba's own) and ``_pos_viterbi`` for its HMM."""

        _MODEL = (posseg.char_state_tab_P, posseg.start_P, posseg.trans_P, posseg.emit_P)
        _PREDS = _predecessors(posseg.trans_P)

        def __init__(self, tokenizer: object,
                     route: Callable[[str, bool], list[str]] | None = None) -> None:
            super().__init__(tokenizer)
            self._route = route

        def load_word_tag(self, f: BinaryIO) -> None:
            """jieba's word tags from its dictionary file ``f``, as jieba reads them (~0.6 s), kept
            between kernels in ``config.BUILT_CACHE`` under the key of the file's bytes and jieba's
            version (~0.1 s to read)."""
            with f:
                data = f.read()

            def parse() -> dict[str, str]:
                posseg.POSTokenizer.load_word_tag(self, io.BytesIO(data))
                return self.word_tag_tab

            key = stored_key("pos-word-tags", data, jieba.__version__)
            self.word_tag_tab = load_stored("pos-word-tags", key, parse)

        def _dictionary_route(self, sentence: str) -> list[str] | None:
            """The route of ``sentence`` from ``route``, or None where jieba must decide: rjieba
            joins the single Latin letters and digits of the route (jieba's no-HMM cut does too),
            so such a run is split again, unless it is also a word."""
            if self._route is None or sentence.isascii():
                return None
            words = self._route(sentence, False)
            if _POS_HAN.fullmatch(sentence) is not None:
                return words
            freq = self.tokenizer.FREQ
            steps: list[str] = []
            for word in words:
                if len(word) > 1 and word.isascii() and word.isalnum():
                    if freq.get(word):
                        return None  # a word or a run of letters: jieba decides
                    steps.extend(word)
                else:
                    steps.append(word)
            return steps

        def _POSTokenizer__cut_DAG(self, sentence: str) -> Iterator[posseg.pair]:
            """jieba's ``__cut_DAG`` (dictionary words tagged, runs of single characters that are
            no word tagged by the HMM), the route from ``_dictionary_route``."""
            words = self._dictionary_route(sentence)
            if words is None:
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

        def _POSTokenizer__cut(self, sentence: str) -> Iterator[posseg.pair]:
            """jieba's HMM cut of an unknown run, with ``_pos_viterbi``."""
            _, pos_list = _pos_viterbi(sentence, *self._MODEL, self._PREDS)
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

    return POSTagger


def __getattr__(name: str) -> Any:
    if name == "POSTagger":
        return _tagger_class()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@functools.lru_cache(maxsize=1)
def pos_tagger() -> Any:
    """The project's POS tagger (a ``POSTagger`` over the default tokenizer), built once per
    process."""
    tokenizer = default_tokenizer()
    return _tagger_class()(tokenizer.jieba, tokenizer.rjieba_route)
