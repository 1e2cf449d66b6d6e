"""The rjieba backend segments token for token as jieba, the reference.

Both tokenizers are built in this one process (``default_tokenizer().jieba`` / ``.rjieba``),
whatever GOVREPORTS_TOKENIZER says; the public functions are run under each backend by setting
the variable.  No timings here: the speed-up is measured outside the test suite.
"""

from __future__ import annotations

import csv
import functools
import itertools
import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

import helpers
from helpers import text
from helpers.corpus import list_pages
from helpers.text import (
    dictionary_additions,
    read_page,
    spans_word,
    tokenize,
    tokenize_spans,
    tokenizer_backend,
)
from helpers.text.tokenizing import TOKENIZER_ENV

pytest.importorskip("rjieba")

FIXTURES = Path(__file__).parent / "fixtures"
SEED_DIR = FIXTURES / "seed"  # the tests' copy of the seed page, never the user's corpus

TRICKY = [
    "", " ", "\u3000", "\u3000\u3000全县上下", "，。、；：！？", "“”（）《》……——", "...", "%%%",
    "PM2.5浓度", "PM2.5浓度下降12.3%", "PM2.5-PM10", "1+N服务模式", "“1+N”服务模式", "５ 万",
    "5 万", "５万元", "3.5%", "98.6%", "2.5.1", "1.2.3.4版", "A-B", "x.y.z", "a_b", "WES-5.4.5",
    "G60-S1高速", "WiFi6", "5G基站", "COVID-19疫情", "H5N1", "O2O", "C#和AT&T", "B超和T恤",
    "中a-b-c国", "中5.a国", "中a-5%国", "中..5国", "中a.5%国", "拍A-B", "甲PM2.5乙",
    "ＰＭ２.５浓度", "2021年12月31日", "第1-3季度", "10:30", "12/31",
    "😀", "😀点赞👍🏻", "群众满意😊度", "é\u0301", "€100", "℃", "①②③", "Ⅱ级", "■●",
    "㮾梨街道", "𠀀𠀁中国", "鿖鿿豈", "\ud800中国",
    "a\r\nb", "\t\v\f\x1c\x85\xa0", "\u200b中\u200b国",
    "枫桥经验" * 500, "我为群众办实事" * 300, "a" * 3000, "1" * 3000, "A-" * 1500,
]


@functools.cache
def corpus_paragraphs() -> list[str]:
    return list(helpers.paragraphs(helpers.load_corpus(SEED_DIR))["text"])


@functools.cache
def corpus_lines() -> list[str]:
    return [ln for page in list_pages(SEED_DIR) for ln in read_page(page).split("\n")]


@functools.cache
def fixture_paragraphs() -> list[str]:
    return [para for page in sorted((FIXTURES / "pages").glob("*.json"))
            for article in json.loads(page.read_text(encoding="utf-8"))
            for para in article["paragraphs"]]


@functools.cache
def fixture_lines() -> list[str]:
    return [ln for page in sorted((FIXTURES / "pages").glob("*.txt"))
            for ln in read_page(page).split("\n")]


@functools.cache
def heldout_texts() -> list[str]:
    texts = []
    for path in sorted(helpers.config.ANNOTATIONS.glob("heldout_*.csv")):
        with path.open(encoding="utf-8", newline="") as f:
            texts += [row["text"] for row in csv.DictReader(f)]
    return texts


@functools.cache
def long_lines() -> list[str]:
    prose = "".join(corpus_paragraphs() + fixture_paragraphs())
    return [prose, prose * 4, "\n".join(heldout_texts()) * 3]


@functools.cache
def spliced() -> list[str]:
    """Seeded mixtures of real prose, dictionary additions and odd characters and runs."""
    rng = random.Random(20240501)
    prose = corpus_paragraphs() + fixture_paragraphs() + heldout_texts()
    chars = sorted(set("".join(prose)))
    words = [w for w, _, _ in dictionary_additions()]
    odd = [*"0123456789abXYZ+#&._%-/:： \t\r\n\u3000\xa0㮾𠀀鿖豈ａ１！@$^*()|'\"😀é€℃Ⅱ①",
           "\r\n", "PM2.5", "1+N", "3.5%", "2.5.1", "A-B", "C#", "AT&T", "x_y", "..5", "5%%"]
    out = []
    for _ in range(3000):
        parts = []
        for _ in range(rng.randint(1, 25)):
            roll = rng.random()
            if roll < 0.45:
                parts.append(rng.choice(chars))
            elif roll < 0.65:
                parts.append(rng.choice(odd))
            elif roll < 0.75:
                parts.append(rng.choice(words))
            else:
                para = rng.choice(prose)
                i = rng.randrange(len(para))
                parts.append(para[i : i + rng.randint(1, 15)])
        out.append("".join(parts))
    return out


TEXT_SETS = {
    "corpus_paragraphs": corpus_paragraphs,
    "corpus_lines": corpus_lines,
    "fixture_paragraphs": fixture_paragraphs,
    "fixture_lines": fixture_lines,
    "heldout": heldout_texts,
    "tricky": lambda: TRICKY,
    "long_lines": long_lines,
    "spliced": spliced,
}


@pytest.fixture(scope="module")
def jieba_tok():
    return text.default_tokenizer().jieba


@pytest.fixture(scope="module")
def rjieba_tok():
    return text.default_tokenizer().rjieba


def first_difference(a: list, b: list) -> str:
    i = next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    return f"at token {i}: jieba {a[max(i - 3, 0) : i + 4]!r}, rjieba {b[max(i - 3, 0) : i + 4]!r}"


def test_text_sets_are_not_empty():
    assert len(corpus_paragraphs()) > 10 and len(corpus_lines()) > 10
    assert len(fixture_paragraphs()) > 10 and len(fixture_lines()) > 10
    assert len(heldout_texts()) > 10


def test_same_dictionary_and_total(jieba_tok, rjieba_tok):
    # jieba's total counts every frequency it was given (a repeated dict.txt line, additions
    # that replace a dictionary word); the rjieba side is made up to the same figure.
    assert rjieba_tok.total == jieba_tok.total
    for word, _, _ in dictionary_additions():
        assert rjieba_tok._rjieba.has_word(word)


@pytest.mark.parametrize("hmm", [True, False], ids=["hmm", "no_hmm"])
@pytest.mark.parametrize("name", list(TEXT_SETS))
def test_rjieba_cuts_as_jieba(name, hmm, jieba_tok, rjieba_tok):
    for t in TEXT_SETS[name]():
        want, got = jieba_tok.lcut(t, HMM=hmm), rjieba_tok.cut(t, hmm)
        assert got == want, f"{t[:80]!r}: {first_difference(want, got)}"


def test_joined_ascii_runs_are_cut_as_jieba_does(rjieba_tok):
    # jieba-rs keeps "A-B" or "2.5.1" whole in text its HMM segments; jieba does not.
    assert rjieba_tok.cut("拍A-B安") == ["拍", "A", "-", "B", "安"]
    assert rjieba_tok.cut("中2.5.1国") == ["中", "2.5", ".", "1", "国"]
    assert rjieba_tok.cut("PM2.5浓度") == ["PM2.5", "浓度"]  # a dictionary word stays whole


def test_extension_ideographs_stand_alone(rjieba_tok):
    # jieba leaves CJK extension / compatibility ideographs out of its blocks: one token each.
    assert rjieba_tok.cut("㮾梨街道") == ["㮾", "梨", "街道"]
    assert rjieba_tok.cut("中\ud800国") == ["中", "\ud800", "国"]


def every_text() -> list[str]:
    return [t for load in TEXT_SETS.values() for t in load() if len(t) < 20000]


def test_public_functions_agree_across_backends(monkeypatch, jieba_tok):
    texts = every_text()
    results = {}
    for backend in ("jieba", "rjieba"):
        monkeypatch.setenv(TOKENIZER_ENV, backend)
        assert tokenizer_backend() == backend
        results[backend] = [(tokenize(t), tokenize_spans(t)) for t in texts]
    assert results["rjieba"] == results["jieba"]
    for t, (tokens, spans) in zip(texts, results["rjieba"], strict=True):
        assert [w for w, _, _ in spans] == tokens
        assert all(t[s:e] == w for w, s, e in spans)  # character offsets
        reference = [(w, s, e) for w, s, e in jieba_tok.tokenize(t) if not w.isspace()]
        assert spans == reference


def test_spans_word_agrees_across_backends(monkeypatch):
    pairs = []
    for lines in (corpus_lines(), fixture_lines()):
        pairs += [(a, b) for a, b in itertools.pairwise(lines) if a and b]
    for para in corpus_paragraphs() + fixture_paragraphs():
        pairs += [(para[:i], para[i:]) for i in range(1, len(para))]
    for t in TRICKY + spliced()[:500]:
        pairs += [(t[:i], t[i:]) for i in range(1, min(len(t), 40))]
    results = {}
    for backend in ("jieba", "rjieba"):
        monkeypatch.setenv(TOKENIZER_ENV, backend)
        results[backend] = [spans_word(a, b) for a, b in pairs]
    assert results["rjieba"] == results["jieba"]
    assert any(results["jieba"]) and not all(results["jieba"])


def test_backend_choice(monkeypatch):
    monkeypatch.delenv(TOKENIZER_ENV, raising=False)
    assert tokenizer_backend() == "rjieba"  # installed: the default
    monkeypatch.setenv(TOKENIZER_ENV, "")
    assert tokenizer_backend() == "rjieba"
    monkeypatch.setenv(TOKENIZER_ENV, " JIEBA ")
    assert tokenizer_backend() == "jieba"
    monkeypatch.setenv(TOKENIZER_ENV, "pkuseg")
    with pytest.raises(ValueError, match=TOKENIZER_ENV):
        tokenizer_backend()


@pytest.mark.parametrize("backend", ["jieba", "rjieba"])
def test_initialization_prints_nothing(backend):
    code = ("from helpers.text import tokenize, tokenizer_backend; "
            f"assert tokenizer_backend() == {backend!r}; tokenize('江华坚持和发展新时代枫桥经验')")
    env = {**os.environ, TOKENIZER_ENV: backend}
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env=env)
    assert run.stdout == "" and run.stderr == ""
