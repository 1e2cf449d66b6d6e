"""Roles from the article around a paragraph (issue 13, roles from context): a plan's headline,
a heading or an announcement of the work to come makes the figures of the paragraphs under it
targets, without a word of intention in their own sentences; a heading of what was done, a
sentence telling what was done and the size of a planned work keep their levels.

Articles written for these tests, modelled on the parts of county work reports and task lists."""

from __future__ import annotations

import pandas as pd

from helpers import metrics
from helpers.metric_context import plan_parts


def _roles(text: str, *, headline: str | None = None) -> dict[float, str]:
    articles = pd.DataFrame({"article_id": ["p-01"], "headline": [headline], "text": [text]})
    table = metrics.extract_metrics(articles)
    table = table[table["kind"] != "date"]
    return dict(zip(table["value"], table["role"], strict=True))


def test_a_heading_of_work_to_come_opens_a_part_of_targets():
    text = ("今年以来，全镇新建村级养老站4个，改造危房31户。\n"
            "二、下一步工作打算\n"
            "新建村级养老站6个，改造农村公路42公里。\n"
            "组织农技培训12场。")
    assert _roles(text) == {4: "level", 31: "level", 6: "target", 42: "target", 12: "target"}


def test_a_heading_of_what_was_done_closes_it():
    text = ("一、明年工作安排\n"
            "新建村级养老站6个。\n"
            "二、今年工作回顾\n"
            "新建村级养老站4个。")
    assert _roles(text) == {6: "target", 4: "level"}


def test_an_announcement_without_figures_opens_the_list_after_it():
    text = ("全乡将重点抓好五个方面工作。\n"
            "一是壮大村集体经济，培育专业合作社8家，新增家庭农场15户。")
    # the announcement's own count (五个方面) sizes the list, no aim
    assert _roles(text) == {5: "level", 8: "target", 15: "target"}


def test_numbered_items_of_a_task_list_are_targets_and_the_heading_count_is_not():
    text = ("附件：全镇重点任务清单\n"
            "一、农业农村牵头工作（5项）\n"
            "1.投资800万元建设冷链仓储中心。\n"
            "2.新建高标准农田3000亩。")
    assert _roles(text) == {5: "level", 800: "target", 3000: "target"}


def test_a_plan_headline_makes_the_article_a_plan():
    text = "新建村级养老站6个，改造农村公路42公里。"
    assert _roles(text, headline="全镇2025年民生实事工作要点") == {6: "target", 42: "target"}
    # a report on a plan tells what was done
    assert _roles(text, headline="全镇民生实事计划完成情况通报") == {6: "level", 42: "level"}
    assert _roles(text) == {6: "level", 42: "level"}


def test_inside_a_plan_part_what_is_done_and_sizes_of_works_stay_levels():
    text = ("三、下一步工作\n"
            "目前已建成养老站4个。\n"
            "实施总投资5亿元的12项民生工程。\n"
            "共实施了改厕工程310户。")
    assert _roles(text) == {4: "level", 5: "level", 12: "target", 310: "level"}


def test_a_change_planned_keeps_its_direction():
    articles = pd.DataFrame({"article_id": ["p-02"], "headline": ["2025年全县经济工作要点"],
                             "text": ["地区生产总值增长6.5%左右。"]})
    row = metrics.extract_metrics(articles).iloc[0]
    assert (row["role"], row["direction"]) == ("target", "up")


def test_plan_parts_flags_each_paragraph():
    paragraphs = ["工作回顾", "全年新建养老站4个。", "下步打算", "新建养老站6个。",
                  "存在的问题", "资金缺口1200万元。"]
    assert plan_parts(paragraphs) == [False, False, False, True, False, False]
    assert plan_parts(["新建养老站6个。"], headline="三年行动方案") == [True]


def test_each_article_keeps_its_own_parts():
    # the plan part of the first article does not run into the second
    articles = pd.DataFrame({"article_id": ["p-03", "p-04"], "headline": [None, "镇里新闻"],
                             "text": ["下一步工作打算\n新建村级养老站6个。",
                                      "新建村级养老站4个。\n改造危房31户。"]})
    table = metrics.extract_metrics(articles)
    roles = dict(zip(zip(table["article_id"], table["value"]), table["role"], strict=True))
    assert roles == {("p-03", 6): "target", ("p-04", 4): "level", ("p-04", 31): "level"}
