"""Targets announced for the sentences after them (issue 13, roles from wider context): a
sentence announcing a plan's targets makes the figures of the plan sentences after it targets,
until a sentence tells of what was done.  ``metric_pairs.carry_announced_targets`` works on the
rows ``metrics.extract_from_text`` gives for a paragraph, which calls it before pairing them.

Paragraphs written for these tests, modelled on the work plans of county reports."""

from __future__ import annotations

import pytest

from helpers import metrics
from helpers.metric_pairs import carry_announced_targets


def _roles(text: str) -> dict[float, str]:
    rows = metrics.extract_from_text(text)
    return {float(r["value"]): str(r["role"]) for r in rows if r["kind"] != "date"}


def test_the_plan_after_an_announcement_is_a_list_of_targets():
    text = ("今年全县经济社会发展的主要预期目标是：地区生产总值增长7%左右。"
            "全年新增规上工业企业20家，新增高新技术企业8家。"
            "推动建设重点项目150个，完成投资180亿元以上。")
    roles = _roles(text)
    assert roles == {7.0: "target", 20.0: "target", 8.0: "target", 150.0: "target",
                     180.0: "target"}


def test_an_announcement_alone_governs_the_next_sentences():
    text = "2025年全县主要预期目标和重点工作安排如下。全年新增规上工业企业20家。"
    assert _roles(text) == {20.0: "target"}


def test_the_plan_ends_where_the_report_resumes():
    text = ("明年的主要目标是：新增规上工业企业12家。"
            "一季度，全县规上工业增加值同比增长6.2%，已新增规上工业企业5家。")
    roles = _roles(text)
    assert roles[12.0] == "target"
    assert roles[6.2] == "change"
    assert roles[5.0] == "level"


@pytest.mark.parametrize("first", [
    "全县围绕年度目标狠抓落实。",  # a target named inside a sentence announces nothing
    "全县超额完成年度目标任务。",  # a target reached
    "全县年度目标是增长8%。",  # an announcement with a figure of its own
])
def test_sentences_that_only_name_a_target_announce_nothing(first):
    roles = _roles(first + "全年新增规上工业企业20家。")
    assert roles[20.0] == "level"


def test_a_plan_runs_no_longer_than_its_reach():
    text = "今年的工作安排如下。" + "".join(
        f"新建村级服务站{n}个。" for n in range(11, 11 + 8))
    roles = _roles(text)
    planned = [v for v, role in roles.items() if role == "target"]
    assert planned == [11.0, 12.0, 13.0, 14.0, 15.0, 16.0]
    assert roles[17.0] == roles[18.0] == "level"


def test_a_second_pass_changes_nothing():
    text = "今年的主要目标是：新建村级服务站11个。一季度已新建村级服务站3个。"
    rows = metrics.extract_from_text(text)
    before = [dict(r) for r in rows]
    carry_announced_targets(text, rows)
    assert rows == before
    assert [r["role"] for r in rows if r["kind"] != "date"] == ["target", "level"]


def test_an_ascii_exclamation_mark_inside_a_sentence_is_no_sentence_end():
    # the extraction's sentences end at 。！？ only: 得分96.5!某县位列第二 is one sentence
    text = "全市考核结果公布，我县得分96.5!位列全市第二。今年的主要目标是：新增市场主体800户。"
    roles = _roles(text)
    assert roles[96.5] == "level" and roles[800.0] == "target"


def test_rows_not_of_the_paragraph_are_refused():
    rows = metrics.extract_from_text("全年新增规上工业企业20家。")
    with pytest.raises(ValueError, match="not a sentence of the paragraph"):
        carry_announced_targets("今年的主要目标是：新建村级服务站11个。", rows)
