"""Roles read from more than the figure's own clause (issue 13, roles from context): an
intention word whose scope runs over the later items of its sentence's list, a word of a thing
done that ends that scope, tasks as the thing counted, a count's own floor (以上) before what it
counts.

Sentences written for these tests, modelled on constructions of county plans and reports."""

from __future__ import annotations

import pytest

from helpers import metrics


def _role(sentence: str, value: float) -> str:
    found = [r for r in metrics.extract_from_text(sentence)
             if r["kind"] != "date" and r["value"] == value]
    assert len(found) == 1, found
    return str(found[0]["role"])


@pytest.mark.parametrize(("sentence", "value"), [
    # 计划 near the start of a quantified item governs the items after it, across ；
    ("明年，本镇计划新建村级养老站6个，改造农村公路42公里；推进集镇提档升级，铺设雨污管网9公里。", 42),
    ("明年，本镇计划新建村级养老站6个，改造农村公路42公里；推进集镇提档升级，铺设雨污管网9公里。", 9),
    # 力争 over a list whose later members print no verb of their own
    ("力争培育省级示范社4家，家庭农场12家，致富带头人30名。", 12),
    ("力争培育省级示范社4家，家庭农场12家，致富带头人30名。", 30),
    # the work to come after 下一步 alone
    ("下一步，镇里将继续推进厕所改造，完成改厕150户。", 150),
])
def test_an_intention_governs_the_later_items_of_its_list(sentence, value):
    assert _role(sentence, value) == "target"


@pytest.mark.parametrize(("sentence", "value"), [
    # the item reports what was done: 已, 累计, a reporting period
    ("本镇计划新建村级养老站6个，目前已建成4个。", 4),
    ("本镇计划新建村级养老站6个，1-9月建成4个。", 4),
    # the rest of the figure's segment reports progress: a class of planned projects counted
    ("计划新开工项目21个，总投资16亿元，1-6月累计完成投资5亿元。", 16),
    # what was achieved of the sum the plan printed in the same unit
    ("本村计划筹集修路资金48万元，完成36万元。", 36),
    # 确保 with no figure of its own is the purpose of the work before it, no list of aims
    ("窗口推行容缺受理，确保群众少跑腿；全镇共办理事项860件，按时办结率99.5%。", 860),
    # 计划 as a noun (年度投资计划, 提升计划): no intention over the list
    ("全县重点项目18个，年度投资计划9亿元，完成投资3亿元。", 3),
    ("镇里推进校园提升计划建设，新建教学楼2栋。", 2),
    # 下一步 inside a phrase (部署下一步工作) opens no list
    ("会议部署下一步工作，现场发放慰问金12万元。", 12),
    # no intention word anywhere
    ("今年全镇新建村级养老站6个，改造农村公路42公里。", 42),
])
def test_no_intention_or_a_thing_done_keeps_a_level(sentence, value):
    assert _role(sentence, value) == "level"


def test_the_size_of_a_planned_work_stays_its_level():
    # 总投资3亿元的12项工程: the figure describes the works the plan counts
    sentence = "明年，本县计划开工8个产业项目，年内实施总投资3亿元的12项民生工程。"
    assert _role(sentence, 3) == "level"
    assert _role(sentence, 12) == "target"


@pytest.mark.parametrize(("sentence", "value"), [
    ("《全镇重点工作任务清单》明确48项具体任务，涉及12个责任单位。", 48),
    ("会议细化分解了26项重点任务。", 26),
])
def test_tasks_counted_are_no_target(sentence, value):
    assert _role(sentence, value) == "level"


def test_a_task_aimed_at_is_still_a_target():
    assert _role("镇里今年的目标任务是新建养老站6个。", 6) == "target"


@pytest.mark.parametrize(("sentence", "value", "role"), [
    # the count of things of a class or above a floor, printed before them
    ("全镇有17家规模以上工业企业。", 17, "level"),
    ("今年引进8个以上亿元项目。", 8, "level"),
    ("本县计划招引8个以上亿元项目。", 8, "target"),
    # with 的 the figure bounds the group (counted elsewhere)
    ("对办件量30件以上的窗口进行表彰。", 30, "limit"),
    # an amount before 以上 still names a class of projects
    ("全县5亿元以上项目达12个。", 5, "limit"),
])
def test_a_counts_own_floor_is_no_category(sentence, value, role):
    assert _role(sentence, value) == role


@pytest.mark.parametrize(("sentence", "value"), [
    # every member of a 、-list whose last member is named the value of an aim
    ("实施健康乡村工程，实现儿童免疫接种率98%以上、孕产妇系统管理率92%以上的目标。", 98),
    ("实施健康乡村工程，实现儿童免疫接种率98%以上、孕产妇系统管理率92%以上的目标。", 92),
])
def test_the_members_of_an_aims_list_are_targets(sentence, value):
    assert _role(sentence, value) == "target"


def test_a_list_that_names_no_aim_keeps_its_levels():
    sentence = "全镇儿童免疫接种率98%、孕产妇系统管理率92%，均高于上年。"
    assert _role(sentence, 98) == "level"
