"""The Codebook object: loaded once, hashed by content, handed to the tokenizer and the pipeline;
its errors keep file and line across processes."""

from __future__ import annotations

import multiprocessing
import pickle
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from helpers import config
from helpers.codebook import (
    Codebook,
    CodebookError,
    default_codebook,
    load_codebook,
    resolve_codebook,
)
from helpers.coding import code_segments, match_codes
from helpers.corpus import parse_page
from helpers.errors import CorpusError
from helpers.text.tokenizing import dictionary_additions, get_tokenizer

# A small codebook of our own: one domain code whose word 清河专班 jieba's dictionary lacks
# (it cuts it as 清河 / 专班), one regular-expression term and a one-character term.
SMALL = """\
version: 1
codes:
  - id: environment
    dimension: domain
    label_zh: 生态与资源保护
    label_en: Ecology and resource protection
    definition: Rivers, lakes and their protection.
    include: River clean-ups.
    exclude: Farming (agriculture_rural).
    terms: [清河专班, 河长, "re:[一二三]级河长", 水]
    example: "县清河专班巡查河道"
  - id: campaign
    dimension: mode
    label_zh: 运动式治理
    label_en: Campaign-style governance
    definition: A named, time-bounded operation.
    include: Special operations.
    exclude: Standing rules (institution).
    terms: [专项行动, 百日攻坚]
    example: "开展百日攻坚专项行动"
"""


def write_small(folder: Path, text: str = SMALL) -> Path:
    path = folder / "small.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_dictionary_words_are_the_multi_character_word_terms(tmp_path):
    book = load_codebook(write_small(tmp_path))
    assert book.dictionary_words == ("清河专班", "河长", "专项行动", "百日攻坚")


def test_content_hash_follows_the_content_not_the_layout(tmp_path):
    book = load_codebook(write_small(tmp_path))
    relaid = load_codebook(write_small(tmp_path, "# a comment\n" + SMALL.replace(
        "terms: [专项行动, 百日攻坚]", "terms:\n      - 专项行动\n      - 百日攻坚")))
    assert relaid.sha256 == book.sha256
    edited = load_codebook(write_small(tmp_path, SMALL.replace("百日攻坚]", "百日会战]")))
    assert edited.sha256 != book.sha256
    assert len(book.sha256) == 64


def test_resolve_codebook_takes_an_object_a_file_or_nothing(tmp_path):
    book = load_codebook(write_small(tmp_path))
    assert resolve_codebook(book) is book
    assert resolve_codebook(None) is default_codebook()
    assert resolve_codebook(tmp_path / "small.yaml").sha256 == book.sha256
    with pytest.raises(CodebookError, match="nowhere.yaml"):
        resolve_codebook(tmp_path / "nowhere.yaml")


def test_tokenizer_takes_the_codebook_words_without_reading_the_file(tmp_path, monkeypatch):
    book = load_codebook(write_small(tmp_path))
    monkeypatch.setattr(config, "CODEBOOK", tmp_path / "does-not-exist.yaml")
    added = [w for w, _, _ in dictionary_additions(book.dictionary_words)]
    assert "清河专班" in added
    tokens = get_tokenizer(book.dictionary_words).tokenize("县清河专班巡查河道")
    assert "清河专班" in tokens


def test_coding_uses_the_tokenizer_of_its_codebook(tmp_path):
    book = load_codebook(write_small(tmp_path))
    text = "县清河专班巡查河道，二级河长带队。"
    found = {(code, term) for code, _, term, *_ in match_codes(text, book)}
    assert ("environment", "清河专班") in found
    assert ("environment", "二级河长") in found  # the re: term sets its own bounds
    assert ("environment", "河长") in found
    articles = parse_page("县清河专班开展百日攻坚专项行动。\n", "small")
    segments = code_segments(articles, book)
    assert set(segments["term"]) == {"清河专班", "百日攻坚", "专项行动"}


def _load(path: str) -> Codebook:
    return load_codebook(path)


def test_codebook_error_keeps_file_and_line_from_a_worker_process(tmp_path):
    path = write_small(tmp_path, SMALL.replace("dimension: mode", "dimension: manner"))
    with pytest.raises(CodebookError) as local:
        load_codebook(path)
    assert local.value.line == 12 and "small.yaml" in str(local.value)
    back = pickle.loads(pickle.dumps(local.value))
    assert (back.path, back.line, back.message, str(back)) == (
        local.value.path, local.value.line, local.value.message, str(local.value))
    ctx = multiprocessing.get_context("spawn")
    with (ProcessPoolExecutor(max_workers=1, mp_context=ctx) as pool,
          pytest.raises(CodebookError) as remote):
        pool.submit(_load, str(path)).result()
    assert remote.value.line == 12  # the line of the code's id
    assert str(remote.value) == str(local.value)


def test_input_errors_are_one_family():
    err = CorpusError("undecodable bytes", path="raw/x.txt", line=3)
    book_err = CodebookError("duplicate code id 'x'", path="book.yaml", line=7)
    assert str(err) == "raw/x.txt, line 3: undecodable bytes"
    assert str(book_err) == "book.yaml, line 7: duplicate code id 'x'"
    assert isinstance(err, ValueError) and isinstance(book_err, ValueError)
    assert not isinstance(book_err, CorpusError)
