"""A codebook edit is never lost or changed silently (issue 11, items 6 and 7): duplicate keys,
empty items, scalars YAML would retype, bad ``re:`` terms, wrong encodings and versions all stop
with a ``CodebookError`` naming the file and the line; what loads is what was typed."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from helpers.codebook import CodebookError, load_codebook

# One code per dimension; the terms are written one per line, so that every term has its own
# line and an error can point at it.
HEAD = """\
version: 1
codes:
  - id: environment
    dimension: domain
    label_zh: 生态
    label_en: Ecology
    definition: Rivers.
    include: River clean-ups.
    exclude: Farming.
    terms:
      - 河长
      - 巡河
"""
TAIL = """\
    example: 河长巡河
  - id: campaign
    dimension: mode
    label_zh: 运动式治理
    label_en: Campaign
    definition: Operations.
    include: Special operations.
    exclude: Rules.
    terms: [专项行动]
    example: 专项行动
"""


def write_book(folder: Path, extra_terms: str = "", *, head: str = HEAD, tail: str = TAIL,
               encoding: str = "utf-8") -> Path:
    """A codebook whose first code has ``extra_terms`` (lines of YAML) after its two terms."""
    path = folder / "book.yaml"
    path.write_bytes((head + extra_terms + tail).encode(encoding))
    return path


def line_no(path: Path, needle: str, nth: int = 1) -> int:
    """The 1-based line of the ``nth`` line of ``path`` that contains ``needle``."""
    hits = [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
            if needle in line]
    return hits[nth - 1]


def refused(path: Path, match: str) -> CodebookError:
    """The CodebookError loading ``path`` raises; it names the file and survives pickling."""
    with pytest.raises(CodebookError, match=match) as info:
        load_codebook(path)
    err = info.value
    assert err.path is not None and Path(err.path).name == path.name
    assert path.name in str(err)
    back = pickle.loads(pickle.dumps(err))
    assert (type(back), back.path, back.line, str(back)) == (type(err), err.path, err.line,
                                                             str(err))
    return err


def test_the_small_book_loads(tmp_path):
    book = load_codebook(write_book(tmp_path))
    assert book.codes[0].terms == ("河长", "巡河") and book.version == 1


# --- item 6: duplicate keys, empty items, scalars as written -------------------------------

def test_a_second_terms_key_is_refused_at_its_line(tmp_path):
    path = write_book(tmp_path, "    terms: [禁捕]\n")
    err = refused(path, "duplicate key 'terms'")
    assert err.line == line_no(path, "terms:", 2)


def test_a_second_codes_key_is_refused_at_its_line(tmp_path):
    path = write_book(tmp_path, tail=TAIL + "codes: []\n")
    err = refused(path, "duplicate key 'codes'")
    assert err.line == line_no(path, "codes:", 2)


@pytest.mark.parametrize("item", ["      -\n", "      - ~\n", "      - null\n", "      - ''\n",
                                  "      - '  '\n"])
def test_an_empty_term_is_an_error_at_its_line(tmp_path, item):
    path = write_book(tmp_path, item + "      - 禁捕\n")
    err = refused(path, "empty term")
    assert err.line == line_no(path, "巡河") + 1


def test_terms_and_fields_are_kept_as_typed(tmp_path):
    typed = ["yes", "1.50", "2021-10-01", "0x1F", "1_000", "1e3", "on", ".inf", "007", "12:30",
             "True", "None"]
    path = write_book(tmp_path, "".join(f"      - {t}\n" for t in typed),
                      tail=TAIL.replace("example: 河长巡河", "example: 2021-10-01"))
    path.write_text(path.read_text(encoding="utf-8").replace("label_en: Ecology",
                                                             "label_en: yes"), encoding="utf-8")
    code = load_codebook(path).codes[0]
    assert code.terms == ("河长", "巡河", *typed)
    assert (code.label_en, code.example) == ("yes", "2021-10-01")


def test_quoted_null_is_a_term(tmp_path):
    path = write_book(tmp_path, "      - 'null'\n")
    assert load_codebook(path).codes[0].terms[-1] == "null"


def test_a_misspelled_field_is_refused_at_its_line(tmp_path):
    path = write_book(tmp_path, "    exclude_term: [高质量发展]\n")
    err = refused(path, "unknown field 'exclude_term'")
    assert err.line == line_no(path, "exclude_term:")


def test_a_field_that_is_not_text_is_refused(tmp_path):
    path = write_book(tmp_path, tail=TAIL.replace("example: 河长巡河", "example: [河长]"))
    err = refused(path, "'example'")
    assert err.line == line_no(path, "example: [河长]")


@pytest.mark.parametrize("version", ["1.2", "one", "-1", "[1]"])
def test_a_version_that_is_not_a_whole_number_is_refused(tmp_path, version):
    path = write_book(tmp_path, head=HEAD.replace("version: 1", f"version: {version}"))
    err = refused(path, "version")
    assert err.line == 1


def test_a_whole_version_number_loads(tmp_path):
    path = write_book(tmp_path, head=HEAD.replace("version: 1", "version: 2"))
    assert load_codebook(path).version == 2


def test_each_load_reads_the_file_again(tmp_path):
    path = write_book(tmp_path)
    first = load_codebook(path)
    write_book(tmp_path, "      - 禁捕\n")
    second = load_codebook(path)
    assert second.codes[0].terms == ("河长", "巡河", "禁捕")
    assert second.sha256 != first.sha256


# --- item 7: encodings and re: terms ------------------------------------------------------

def test_a_gbk_codebook_is_refused_at_the_first_bad_line(tmp_path):
    path = write_book(tmp_path, encoding="gbk")
    err = refused(path, "UTF-8")
    assert err.line == 5  # label_zh: 生态, the first line that is not ASCII


def test_control_characters_are_refused_with_their_line(tmp_path):
    path = write_book(tmp_path, "      - 禁\x07捕\n")
    err = refused(path, "special characters")
    assert err.line == line_no(path, "禁\x07捕")


def test_a_deeply_nested_file_is_refused(tmp_path):
    path = write_book(tmp_path, "      - " + "[" * 5000 + "]" * 5000 + "\n")
    refused(path, "nested too deeply")


@pytest.mark.parametrize(("term", "why"), [
    ("'re:'", "empty"),
    ("re:", "quote"),  # unquoted, YAML reads `re:` as a mapping {re: null}
    ("'re:   '", "empty"),
    ("re:x*", "empty string"),
    ("re:(?:县|)", "empty string"),
    ("re:(?=县)", "empty string"),
    ("re:\\b", "empty string"),
    ("re:[县", "invalid"),
    ("re:县(?i)abc", "global flags"),
    ("re:a{99999999999}", "invalid"),
])
def test_a_bad_regular_expression_is_refused_at_its_line(tmp_path, term, why):
    path = write_book(tmp_path, f"      - {term}\n      - 禁捕\n")
    err = refused(path, why)
    assert err.line == line_no(path, "巡河") + 1
    assert "environment" in err.message


def test_good_regular_expressions_load(tmp_path):
    terms = ["re:(?i)abc", "re:(县)\\1", "re:(?P<n>[一二三])级河长", "re:(?P<n>[甲乙])类"]
    path = write_book(tmp_path, "".join(f"      - '{t}'\n" for t in terms))
    assert load_codebook(path).codes[0].terms[2:] == tuple(terms)


def test_exclude_terms_have_the_same_rules(tmp_path):
    path = write_book(tmp_path, "    exclude_terms:\n      - 高质量发展\n      -\n")
    err = refused(path, "empty")
    assert err.line == line_no(path, "高质量发展") + 1
    path = write_book(tmp_path, "    exclude_terms: 高质量发展\n")
    refused(path, "exclude_terms")


@pytest.mark.parametrize("text", ["", "- a\n- b\n", "codes:\n", "codes: [河长]\n",
                                  "version: 1\ncodes: []\n---\ncodes: []\n"])
def test_a_file_that_is_no_codebook_is_refused(tmp_path, text):
    path = tmp_path / "book.yaml"
    path.write_text(text, encoding="utf-8")
    refused(path, "mapping|codes|document")


def test_an_unreadable_path_is_refused(tmp_path):
    refused(tmp_path, "cannot read")
