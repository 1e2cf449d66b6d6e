"""helpers.text.pos: jieba's part-of-speech tagger with a faster Viterbi gives jieba's tags."""

from __future__ import annotations

from pathlib import Path

import jieba
import jieba.posseg
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import text
from helpers.text.pos import _pos_viterbi, pos_tagger

FIXTURES = Path(__file__).parent / "fixtures"
PAGES = [FIXTURES / "seed" / "000_ae97290bc4d96e06.txt", *sorted((FIXTURES / "pages").glob("*.txt"))]


@pytest.fixture(scope="module")
def taggers():
    jieba.setLogLevel(60)
    fast = pos_tagger()
    fast.makesure_userdict_loaded()  # takes the user words' tags from the tokenizer
    reference = jieba.posseg.POSTokenizer(text.load_tokenizer())
    reference.word_tag_tab = fast.word_tag_tab  # the same dictionary: only Viterbi differs
    return fast, reference


def _tags(tagger, sentence: str) -> list[tuple[str, str]]:
    return [(w.word, w.flag) for w in tagger.lcut(sentence)]


def test_same_tags_over_every_page(taggers):
    fast, reference = taggers
    n = 0
    for page in PAGES:
        body = text.read_page(page)
        for start in range(0, len(body), 5):  # windows as metrics tags them, and long ones
            for size in (12, 60):
                piece = body[start:start + size]
                assert _tags(fast, piece) == _tags(reference, piece), piece
                n += 1
    assert n > 2000


# unknown names, rare characters, digits and Latin letters: the HMM path of the tagger
_CHARS = st.sampled_from(list("县委书记李铁柱嵬峁垭犇淼焱鑫赟昇旻和瑞欢乐城枫桥经验乡镇村组"
                              "抽检合格率达百分之九十七点五元万亿AQTx0123.%、，。的了在股恤G"))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_CHARS, min_size=1, max_size=30))
def test_same_tags_on_arbitrary_text(taggers, sentence):
    fast, reference = taggers
    assert _tags(fast, sentence) == _tags(reference, sentence)


def test_same_tags_with_latin_letters_and_digits(taggers):
    fast, reference = taggers
    for sentence in ("A股市场3家企业", "T恤衫20件", "QQ群100个", "5G基站12座建成", "iPhone手机",
                     "PM2.5浓度下降12.5%", "G60科创走廊", "3A级景区2个", "ab", "县里7家C类"):
        for size in range(1, len(sentence) + 1):
            piece = sentence[:size]
            assert _tags(fast, piece) == _tags(reference, piece), piece


def test_viterbi_same_scores_as_jieba():
    from jieba.posseg import char_state_tab_P, emit_P, start_P, trans_P
    from jieba.posseg.viterbi import viterbi

    preds: dict = {}
    for y0, nexts in trans_P.items():
        for y in nexts:
            preds.setdefault(y, []).append(y0)
    samples = ["嵬峁垭", "和瑞欢乐城", "犇淼焱鑫", "李铁柱同志", "镕", "乡村振兴示范点",
               "𠀋𠀌", "枫𠀋桥"]  # characters the model never saw
    for s in samples:
        assert _pos_viterbi(s, char_state_tab_P, start_P, trans_P, emit_P, preds) == \
            viterbi(s, char_state_tab_P, start_P, trans_P, emit_P), s
