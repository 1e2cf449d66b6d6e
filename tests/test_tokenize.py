"""Tokenization: the project dictionary keeps governance terms whole; initialization is silent."""

from __future__ import annotations

import subprocess
import sys

import pytest

from helpers.coding import default_codebook
from helpers.text import content_tokens, dictionary_additions, load_stopwords, tokenize

SLOGANS = ["枫桥经验", "三高四新", "我为群众办实事", "质量强县", "一站式", "河长办", "纪委监委",
           "党史学习教育", "专项整治", "百日大会战"]


def codebook_terms() -> list[str]:
    return sorted({t for c in default_codebook().codes for t in c.terms
                   if len(t) > 1 and not t.startswith("re:")})


@pytest.mark.parametrize("term", codebook_terms())
def test_codebook_term_is_one_token(term):
    assert tokenize(term) == [term]
    assert term in tokenize(f"据了解，{term}取得明显成效。")
    assert term in tokenize(f"该县把{term}作为重点。")


@pytest.mark.parametrize("slogan", SLOGANS)
def test_slogans_whole_in_newspaper_sentences(slogan):
    assert slogan in tokenize(f"近年来，洞口县坚持{slogan}，群众满意率达98.6%。")


def test_default_jieba_splits_what_the_user_dictionary_keeps():
    import jieba

    jieba.setLogLevel(60)
    plain = jieba.Tokenizer()
    split = [s for s in ["枫桥经验", "我为群众办实事", "纪委监委", "党史学习教育"]
             if plain.lcut(s) != [s]]
    assert len(split) == 4  # the reason the project dictionary exists
    assert all(tokenize(s) == [s] for s in split)


def test_additions_have_explicit_frequencies():
    adds = dictionary_additions()
    assert all(isinstance(f, int) and f > 0 for _, f, _ in adds)
    words = [w for w, _, _ in adds]
    assert len(words) == len(set(words))
    assert "枫桥经验" in words and "纪委监委" in words


def test_content_tokens_drop_stopwords_punctuation_numbers_and_single_characters():
    toks = content_tokens("今年以来，该县共受理了群众困难诉求399件，全部得到合理化解。")
    assert "群众" in toks and "诉求" in toks
    for gone in ("今年以来", "该县", "了", "，", "399", "件", "。"):
        assert gone not in toks
    assert "的" in load_stopwords() and "近年来" in load_stopwords()


def test_tokenize_is_deterministic_and_drops_whitespace():
    text = "汉寿县 禁毒办、县公安局联合县龙阳街道办，深入开展“禁毒宣传进社区”主题活动。"
    assert tokenize(text) == tokenize(text)
    assert all(not t.isspace() for t in tokenize(text))


def test_initialization_prints_nothing():
    code = "from helpers.text import tokenize; tokenize('江华坚持和发展新时代枫桥经验')"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout == "" and run.stderr == ""


@pytest.mark.parametrize("sentence", [
    "江华坚持和发展新时代江华特色“枫桥经验”",
    "“引领高质量发展 建设现代化新城”，全县 319 个村",
    "  前后有空格\t和制表符  ",
    "PM2.5浓度下降12.5%，A股、T恤与5G基站",
    "",
])
def test_word_boundaries_are_those_of_the_token_spans(sentence):
    from helpers.text import tokenize_spans, word_boundaries

    spans = tokenize_spans(sentence)
    starts, ends = word_boundaries(sentence)
    assert starts == {s for _, s, _ in spans} and ends == {e for _, _, e in spans}
    if sentence.strip():
        assert 0 in starts or sentence[0].isspace()
        assert len(sentence) in ends or sentence[-1].isspace()


# --- jieba's prefix-dictionary cache read in one piece (issue 16) -----------------------------

@pytest.mark.parametrize("damage", [b"", b"not a marshal file", None])
def test_a_damaged_jieba_cache_is_rebuilt(tmp_path, monkeypatch, damage) -> None:
    """A cache file that does not load (empty, garbage, cut short) is rebuilt from dict.txt and
    rewritten; the tokenizer read from the rewritten file equals the one just built."""
    import marshal

    from helpers import config
    from helpers.text import tokenizing

    monkeypatch.setattr(config, "JIEBA_CACHE", tmp_path)
    path = tmp_path / tokenizing._jieba_cache_name()
    if damage is None:  # a good file cut short
        tokenizing._build_jieba(())
        damage = path.read_bytes()[:1000]
    path.write_bytes(damage)
    built = tokenizing._build_jieba(())
    assert path.read_bytes() != damage
    assert marshal.loads(path.read_bytes()) == (built.FREQ, built.total)
    read = tokenizing._build_jieba(())
    assert (read.FREQ, read.total, read.initialized) == (built.FREQ, built.total, True)
    # dict.txt lists 中华人民共和国 (9989) and 中华人民 (3); 中华人民共 is only a prefix (0)
    assert (read.FREQ["中华人民共和国"], read.FREQ["中华人民"], read.FREQ["中华人民共"]) == (
        9989, 3, 0)
