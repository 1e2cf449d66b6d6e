"""docs/CODEBOOK.md is generated from the codebook YAML (`make docs`) and must match it; the
renderer on a small codebook of its own."""

from __future__ import annotations

import pytest

from helpers import codebook_docs, config
from helpers.codebook_docs import CODING_RULES, render_codebook_markdown, write_codebook_markdown
from helpers.coding import load_codebook

SMALL = """\
version: 1
codes:
  - id: alpha
    dimension: domain
    label_zh: 甲
    label_en: Alpha things
    definition: Everything alpha.
    include: >-
      Alpha parks (园区),
      alpha | pipes
    exclude: Beta things (beta).
    terms: [园区, 招商, 're:“[^”]{2,4}”(?:行动|整治)']
    exclude_terms: [高质量发展]
    example: 园区建设
  - id: act
    dimension: mode
    label_zh: 动
    label_en: Acting
    definition: Acting now.
    include: ""
    exclude: ""
    terms: [行动, 专项行动, 攻坚, 整治, 百日, 大会战, 清零]
    example: 专项行动
  - id: beta
    dimension: domain
    label_zh: 乙
    label_en: Beta things
    definition: Everything beta.
    include: Beta halls.
    exclude: Alpha things (alpha).
    terms: [大厅]
    example: 大厅
"""


@pytest.fixture
def small(tmp_path):
    path = tmp_path / "codebook.yaml"
    path.write_text(SMALL, encoding="utf-8")
    return load_codebook(path)


def test_docs_codebook_matches_the_yaml():
    path = config.CODEBOOK_DOC
    expected = render_codebook_markdown(load_codebook(config.CODEBOOK))
    actual = path.read_text(encoding="utf-8") if path.exists() else None
    if actual != expected:
        pytest.fail(f"{path.relative_to(config.ROOT)} is out of date with "
                    f"{config.CODEBOOK.relative_to(config.ROOT)}: run `make docs` and commit "
                    "both files", pytrace=False)


def test_header_says_generated_and_not_to_edit(small):
    top = render_codebook_markdown(small).splitlines()[:6]
    assert "Generated from helpers/data/codebook.yaml by `make docs`" in top[0]
    assert "Do not edit by hand" in top[0]
    assert "# Codebook: what the codes mean" in top


def test_one_table_per_dimension_in_codebook_order(small):
    text = render_codebook_markdown(small)
    domain, mode = text.index("## Dimension `domain`: what the report"), \
        text.index("## Dimension `mode`: how the government acts")
    assert domain < mode < text.index("## The codes in full")
    table = text[domain:mode]
    assert table.index("`alpha`") < table.index("`beta`") and "`act`" not in table
    assert ("| [`alpha`](#alpha) | 甲 | Alpha things | Everything alpha. | "
            "Alpha parks (园区), alpha \\| pipes | Beta things (beta). |") in table


def test_evidence_falls_back_to_the_first_terms(small):
    text = render_codebook_markdown(small)
    row = next(line for line in text.splitlines() if line.startswith("| [`act`]"))
    assert row == "| [`act`](#act) | 动 | Acting | Acting now. | 行动、专项行动、攻坚、整治、百日、大会战 |  |"


def test_every_code_in_full(small):
    text = render_codebook_markdown(small)
    alpha = text[text.index('<a id="alpha"></a>'):text.index('<a id="act"></a>')]
    assert "### `alpha` 甲 — Alpha things" in alpha
    assert "- **Terms (2):** 园区、招商" in alpha
    assert "- **Patterns (1, regular expressions written `re:…`):** `“[^”]{2,4}”(?:行动|整治)`" \
        in alpha
    assert "- **Exclude terms:** 高质量发展" in alpha
    assert "- **Example:** 园区建设" in alpha
    act = text[text.index('<a id="act"></a>'):text.index('<a id="beta"></a>')]
    assert "- **Terms (7):** 行动、专项行动、攻坚、整治、百日、大会战、清零" in act
    assert "- **Not this code:** —" in act and "- **Exclude terms:** —" in act
    assert "Patterns" not in act


def test_coding_rules(small):
    text = render_codebook_markdown(small)
    rules = text[text.index("## Coding rules"):text.index("## Dimension")]
    for n, rule in enumerate(CODING_RULES, start=1):
        assert f"{n}. {rule}" in rules
    assert "Unit of coding: the paragraph" in rules and "Primary domain" in rules


def test_deterministic(small, tmp_path):
    again = tmp_path / "again.yaml"
    again.write_text(SMALL, encoding="utf-8")
    assert render_codebook_markdown(small) == render_codebook_markdown(load_codebook(again))
    assert render_codebook_markdown(small).endswith("\n")
    assert not render_codebook_markdown(small).endswith("\n\n")


def test_code_span_outfences_backticks():
    assert codebook_docs.code_span("a|b") == "`a|b`"
    assert codebook_docs.code_span("a`b") == "``a`b``"
    assert codebook_docs.code_span("`x") == "`` `x ``"


def test_write_and_main(tmp_path, monkeypatch, capsys):
    out = write_codebook_markdown(tmp_path / "CODEBOOK.md")
    assert out.read_text(encoding="utf-8") == render_codebook_markdown(load_codebook())
    monkeypatch.setattr(config, "CODEBOOK_DOC", tmp_path / "docs" / "CODEBOOK.md")
    codebook_docs.main()
    assert (tmp_path / "docs" / "CODEBOOK.md").read_text(encoding="utf-8") == \
        out.read_text(encoding="utf-8")
    assert "CODEBOOK.md: generated from helpers/data/codebook.yaml" in capsys.readouterr().out
