"""benchmarks/real_coding.py and the checks of ``coding.validate_texts`` on a hand-coded
paragraph CSV: macro-F1 with and without government_services, and refusals that name the file,
row and column.  The paragraphs are written for these tests."""

from __future__ import annotations

import csv
import importlib.util
from pathlib import Path

import pytest

from helpers.coding import default_codebook, validate_texts

ROOT = Path(__file__).resolve().parents[1]


def load_benchmark():
    spec = importlib.util.spec_from_file_location("real_coding", ROOT / "benchmarks" / "real_coding.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def write_csv(path: Path, rows: list[tuple[str, str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["set", "item", "text", "codes", "note"])
        for item, text, codes in rows:
            writer.writerow(["dev", item, text, codes, ""])
    return path


ROWS = [
    ("1", "县公安局破获电信诈骗案件3起，抓获嫌疑人5名。", "law_enforcement"),
    ("2", "本月12345热线受理来电2100件，按期办结率97%。",
     "government_services;quantified_evaluation"),
    # the coder finds government_services in the hall and misses nothing else; the hand coder
    # gave economy as well, which the coder cannot see here
    ("3", "县政务服务中心新设企业开办专区。", "economy;government_services;service"),
]


def test_macro_scores_with_and_without_the_new_domain(tmp_path):
    bench = load_benchmark()
    table, dis, scores = bench.score_file(write_csv(tmp_path / "h.csv", ROWS), default_codebook())
    per_code = table.set_index("code")
    # domains with support: law_enforcement (1/1), government_services (2/2), economy (0/1)
    assert per_code.loc["economy", "fn"] == 1
    assert scores["domain_macro_f1"] == pytest.approx((1 + 1 + 0) / 3)
    assert scores["domain_macro_f1_without_government_services"] == pytest.approx(0.5)
    assert scores["government_services_f1"] == pytest.approx(1.0)
    assert ("3", "economy", "missed") in set(zip(dis["unit"].astype(str), dis["code"], dis["kind"]))


def test_the_script_prints_per_code_rows_and_macros(tmp_path, capsys):
    bench = load_benchmark()
    assert bench.main([str(write_csv(tmp_path / "h.csv", ROWS)), "--show"]) == 0
    out = capsys.readouterr().out
    assert "3 paragraphs" in out and "domain_macro_f1:" in out and "missed" in out


@pytest.mark.parametrize(("rows", "message"), [
    ([("1", "县里开展禁毒宣传。", "law_enforcement"), ("1", "镇里调解纠纷。", "stability")],
     "row 3, column item"),
    ([("1", "县里开展禁毒宣传。", "law_enforcement;policing")], "row 2, column codes"),
    ([("1", "  ", "law_enforcement")], "row 2, column text"),
])
def test_bad_hand_codes_are_refused_with_row_and_column(tmp_path, rows, message):
    path = write_csv(tmp_path / "bad.csv", rows)
    with pytest.raises(ValueError, match=message) as err:
        validate_texts(path, default_codebook())
    assert "bad.csv" in str(err.value)


def test_a_missing_column_is_named(tmp_path):
    path = tmp_path / "nocodes.csv"
    path.write_text("item,text\n1,县里开展禁毒宣传。\n", encoding="utf-8")
    with pytest.raises(ValueError, match="missing column.*codes"):
        validate_texts(path, default_codebook())


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(FileNotFoundError, match="nothere.csv"):
        load_benchmark().score_file(tmp_path / "nothere.csv", default_codebook())
