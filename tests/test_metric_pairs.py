"""Pairs and the roles inside them (``helpers.metric_pairs``): the ends of one movement, and a
task with what was done against it and the completion share.  Sentences written for these
tests, modelled on the constructions of county work reports."""

from __future__ import annotations

import math

import pandas as pd

from helpers.metrics import extract_from_text, extract_metrics, targets_vs_achievements


def _rows(text: str) -> list[dict[str, object]]:
    return [r for r in extract_from_text(text) if r["kind"] != "date"]


def _by_value(rows: list[dict[str, object]]) -> dict[float, dict[str, object]]:
    return {float(r["value"]): r for r in rows}


# -- movements ---------------------------------------------------------------------------------

def test_the_two_ends_of_a_rise_from_one_value_to_another_share_a_pair():
    rows = _rows("全镇污水集中处理率从78%提高到92%。")
    assert [(r["value"], r["role"], r["direction"]) for r in rows] == [
        (78.0, "from", "up"), (92.0, "to", "up")]
    assert rows[0]["pair"] == rows[1]["pair"] == "p1"


def test_two_movements_in_one_sentence_each_keep_their_own_ends():
    rows = _rows("全县农村低保人数由2018年底的2.6万人减少到2022年底的1.9万人，"
                 "低保覆盖率由5.2%下降到3.8%。")
    got = [(r["value"], r["role"], r["direction"], r["pair"]) for r in rows]
    assert got == [(2.6, "from", "down", "p1"), (1.9, "to", "down", "p1"),
                   (5.2, "from", "down", "p2"), (3.8, "to", "down", "p2")]


def test_a_fall_to_a_bare_zero_is_the_end_of_its_movement():
    rows = _rows("全镇因病致贫发生率从3.5%下降到0。")
    assert [(r["role"], r["pair"]) for r in rows] == [("from", "p1"), ("to", "p1")]


def test_a_head_count_movement_without_its_end_does_not_take_the_next_rate():
    rows = _rows("参保人数由上年的1.2万人继续增加，参保率由91%提高到95%。")
    by = _by_value(rows)
    assert by[91.0]["pair"] == by[95.0]["pair"] is not None
    assert by[1.2]["pair"] is None


def test_a_base_of_a_named_year_printed_after_the_current_rate():
    rows = _rows("全县森林覆盖率为61.2%，较2019年同期的58.7%提高2.5个百分点。")
    got = [(r["value"], r["role"], r["direction"]) for r in rows]
    assert got == [(61.2, "to", "up"), (58.7, "from", "up"), (2.5, "change", "up")]
    assert rows[1]["period"] == "2019年同期"
    assert rows[0]["pair"] == rows[1]["pair"] is not None and rows[2]["pair"] is None


def test_a_base_count_of_a_named_year_before_a_fall():
    rows = _rows("今年前三季度共受理消费投诉230件，较2021年同期310件，下降25.8%。")
    got = [(r["value"], r["role"], r["direction"]) for r in rows]
    assert got == [(230.0, "to", "down"), (310.0, "from", "down"), (25.8, "change", "down")]
    assert rows[0]["pair"] == rows[1]["pair"] is not None


def test_a_base_of_a_year_or_its_end_printed_after_the_current_value():
    rows = _rows("全县森林覆盖率达62.5%，比2015年的58.3%提高4.2个百分点；"
                 "城镇化率为55.1%，较上年末的56.0%回落0.9个百分点。")
    got = [(r["value"], r["role"], r["direction"], r["pair"]) for r in rows]
    assert got == [(62.5, "to", "up", "b1"), (58.3, "from", "up", "b1"),
                   (4.2, "change", "up", None), (55.1, "to", "down", "b2"),
                   (56.0, "from", "down", "b2"), (0.9, "change", "down", None)]
    assert (rows[1]["period"], rows[4]["period"]) == ("2015年", "上年末")


def test_a_change_against_a_named_year_is_no_base():
    rows = _rows("全县森林覆盖率较2019年同期提高2.5个百分点。")
    assert [(r["value"], r["role"], r["pair"]) for r in rows] == [(2.5, "change", None)]


def test_what_a_procedure_took_and_what_it_takes_after_a_change_of_rule():
    rows = _rows("办理一张营业执照按原流程需要6天，而实行并联审批后，只需2天即可领取。")
    assert [(r["value"], r["role"], r["direction"]) for r in rows] == [
        (6.0, "from", "down"), (2.0, "to", "down")]
    assert rows[0]["pair"] == rows[1]["pair"] is not None


def test_two_durations_without_a_contrast_stay_levels():
    rows = _rows("窗口受理需要1天，审核只需2天。")
    assert [(r["role"], r["pair"]) for r in rows] == [("level", None), ("level", None)]


# -- a task inside its completion share ------------------------------------------------------

def test_achievement_task_and_share_of_the_task_form_one_pair():
    rows = _rows("全镇完成植树造林3200亩，完成年度目标任务3000亩的106.7%。")
    assert [(r["value"], r["role"]) for r in rows] == [
        (3200.0, "level"), (3000.0, "target"), (106.7, "completion")]
    assert len({r["pair"] for r in rows}) == 1 and rows[0]["pair"] is not None


def test_a_share_of_a_plain_total_is_no_completion_and_no_pair():
    rows = _rows("全镇完成植树造林3200亩，占全县植树总面积的12.5%。")
    by = _by_value(rows)
    assert by[12.5]["role"] != "completion"
    assert all(r["pair"] is None for r in rows)


def test_a_share_of_the_public_budget_spending_is_a_level_and_of_the_budget_set_a_completion():
    rows = _rows("教育支出累计完成5.6亿元，占一般公共预算支出的18.2%；"
                 "一般公共预算收入完成3.1亿元，为年初预算的61.5%。")
    by = _by_value(rows)
    assert (by[18.2]["role"], by[61.5]["role"]) == ("level", "completion")


def test_a_task_assigned_from_above_and_its_share_without_the_amount_done():
    rows = _rows("全区招商引资完成省下达任务80亿元的95.2%。")
    assert [(r["value"], r["role"]) for r in rows] == [(80.0, "target"), (95.2, "completion")]
    assert rows[0]["pair"] == rows[1]["pair"] is not None


def test_a_share_of_a_budget_printed_after_the_amount_collected():
    rows = _rows("1-9月税收收入累计完成8.6亿元，占年初预算数11.2亿元的76.8%。")
    by = _by_value(rows)
    assert (by[8.6]["role"], by[11.2]["role"], by[76.8]["role"]) == (
        "level", "target", "completion")
    assert by[8.6]["pair"] == by[11.2]["pair"] == by[76.8]["pair"] is not None


def test_counts_in_different_measure_words_are_paired_by_the_form():
    rows = _rows("新增公益性岗位310个，完成全年目标任务300人的103.3%；"
                 "培训农民工1250人次，完成全年目标任务1500人次的83.3%。")
    assert [(r["value"], r["role"], r["pair"]) for r in rows] == [
        (310.0, "level", "p1"), (300.0, "target", "p1"), (103.3, "completion", "p1"),
        (1250.0, "level", "p2"), (1500.0, "target", "p2"), (83.3, "completion", "p2")]


# -- a task in brackets, a task as the base of a gap --------------------------------------------

def test_a_task_in_brackets_after_what_was_done():
    rows = _rows("新增市场主体520户(目标数500户)，新增规上企业12家(新建8家,技改4家)。")
    by = _by_value(rows)
    assert (by[520.0]["role"], by[500.0]["role"]) == ("level", "target")
    assert by[520.0]["pair"] == by[500.0]["pair"] is not None
    assert by[8.0]["pair"] is None and by[4.0]["pair"] is None and by[12.0]["pair"] is None


def test_a_yearly_task_as_the_base_of_a_gap():
    rows = _rows("城镇调查失业率为4.6%，比年度目标任务5.5%低0.9个百分点。")
    by = _by_value(rows)
    assert by[5.5]["role"] == "target" and by[0.9]["role"] == "change"
    assert by[4.6]["pair"] == by[5.5]["pair"] is not None and by[0.9]["pair"] is None


def test_a_gap_to_last_year_has_no_task():
    rows = _rows("城镇调查失业率为4.6%，比上年低0.9个百分点。")
    assert all(r["pair"] is None for r in rows)
    assert all(r["role"] != "target" for r in rows)


def test_a_gap_to_a_task_whose_value_is_not_printed_is_a_change():
    rows = _rows("一般公共预算收入同比增长2.1%，塌目标3.9个百分点；"
                 "规上工业增加值同比增长9.6%，高于年度目标1.6个百分点。")
    by = _by_value(rows)
    assert (by[3.9]["role"], by[3.9]["direction"]) == ("change", "down")
    assert (by[1.6]["role"], by[1.6]["direction"]) == ("change", "up")
    assert all(r["pair"] is None for r in rows)


def test_a_task_of_growth_stays_a_target():
    rows = _rows("今年全县固定资产投资目标增长8%。")
    assert [(r["value"], r["role"]) for r in rows] == [(8.0, "target")]


# -- a total and the part done; a task and a later achievement -----------------------------------

def test_a_total_of_promised_projects_and_the_part_already_done():
    rows = _rows("今年安排的30件惠民实事已完成24件，完成率80%。")
    assert [(r["value"], r["role"]) for r in rows] == [
        (30.0, "target"), (24.0, "level"), (80.0, "completion")]
    assert len({r["pair"] for r in rows}) == 1 and rows[0]["pair"] is not None


def test_a_total_and_a_part_that_merely_has_something_is_no_task():
    rows = _rows("全县30个行政村已有24个通了公交。")
    assert all(r["role"] != "target" and r["pair"] is None for r in rows)


def test_a_yearly_plan_the_investment_done_and_its_rate():
    rows = _rows("重点项目年度计划投资12亿元，1-9月累计完成投资9.6亿元，完成率80%。")
    by = _by_value(rows)
    assert (by[12.0]["role"], by[9.6]["role"], by[80.0]["role"]) == (
        "target", "level", "completion")
    assert by[12.0]["pair"] == by[9.6]["pair"] == by[80.0]["pair"] is not None


def test_a_rate_that_is_the_part_started_of_the_planned_projects_is_their_completion():
    rows = _rows("全年计划实施项目120个，已开工98个，开工率81.7%。")
    assert [(r["value"], r["role"]) for r in rows] == [
        (120.0, "target"), (98.0, "level"), (81.7, "completion")]
    assert len({r["pair"] for r in rows}) == 1 and rows[0]["pair"] is not None


def test_a_rate_after_a_task_that_is_not_its_share_stays_a_level_outside_the_pair():
    rows = _rows("全年计划实施项目120个，已开工98个，签约率60%。")
    assert (rows[2]["role"], rows[2]["pair"]) == ("level", None)
    assert rows[0]["pair"] == rows[1]["pair"] is not None


def test_a_plan_and_a_later_figure_without_a_word_of_achievement_stay_apart():
    rows = _rows("计划新建城市道路15公里，总投资3亿元；改造背街小巷8公里。")
    assert all(r["pair"] is None for r in rows)


def test_a_new_task_of_the_same_kind_closes_the_earlier_one():
    rows = _rows("一季度目标任务改造农房40户，二季度目标任务改造农房60户，"
                 "截至6月底已改造农房85户。")
    by = _by_value(rows)
    assert by[40.0]["pair"] is None
    assert by[60.0]["pair"] == by[85.0]["pair"] is not None


def test_a_list_of_tasks_and_the_results_named_alike_in_the_next_sentence():
    rows = _rows("县里下达的目标任务是新增造林2万亩、森林抚育3万亩。"
                 "截至11月底，全县新增造林2.2万亩，森林抚育2.7万亩。")
    by = _by_value(rows)
    assert by[2.0]["pair"] == by[2.2]["pair"] is not None
    assert by[3.0]["pair"] == by[2.7]["pair"] is not None
    assert by[2.0]["pair"] != by[3.0]["pair"]


def test_a_result_after_two_tasks_goes_to_the_task_it_is_named_after():
    rows = _rows("今年计划新建通信基站120个、新建村级服务站30个，已建成村级服务站26个。")
    by = _by_value(rows)
    assert by[120.0]["pair"] is None
    assert by[30.0]["pair"] == by[26.0]["pair"] is not None


def test_a_plan_and_a_later_sentence_without_achievement_are_not_paired():
    rows = _rows("今年计划新建公厕20座。全县现有公厕150座。")
    assert all(r["pair"] is None for r in rows)


def test_a_task_named_after_the_amount_done_and_its_rate():
    rows = _rows("全县新签约项目36个，计划总投资86.5亿元，完成率108.1%，超额完成80亿元招商任务。")
    by = _by_value(rows)
    assert (by[86.5]["role"], by[108.1]["role"], by[80.0]["role"]) == (
        "level", "completion", "target")
    assert by[86.5]["pair"] == by[108.1]["pair"] == by[80.0]["pair"] is not None
    assert by[36.0]["pair"] is None


def test_an_amount_done_before_its_share_of_the_task_in_brackets_stays_a_level():
    rows = _rows("完成造林1.8万亩（占年度任务的90%）；完成改造2.6万亩的年度任务。")
    by = _by_value(rows)
    assert (by[1.8]["role"], by[90.0]["role"], by[2.6]["role"]) == (
        "level", "completion", "target")
    assert all(r["pair"] is None for r in rows)


def test_tasks_counted_as_done_are_no_task_size():
    rows = _rows("全年42项工作任务完成或超额完成，全面完成东湖、西湖2个示范建设任务。")
    by = _by_value(rows)
    assert by[42.0]["role"] == "level" and by[2.0]["role"] == "target"


def test_a_task_size_named_after_a_verb_of_carrying_out_a_goal():
    rows = _rows("全面落实25万亩耕地保护目标责任，落实惠民政策惠及群众3万人。")
    by = _by_value(rows)
    assert (by[25.0]["role"], by[3.0]["role"]) == ("target", "level")


def test_a_yearly_planned_investment_stays_a_target_and_a_projects_total_is_their_size():
    rows = _rows("续建项目12个，计划总投资45亿元，年度计划投资9亿元。")
    by = _by_value(rows)
    assert (by[45.0]["role"], by[9.0]["role"]) == ("level", "target")


def test_a_level_merely_reached_is_no_achievement_of_a_task():
    rows = _rows("目标新增就业2000人，全县登记失业人员达3500人。")
    assert [(r["role"], r["pair"]) for r in rows] == [("target", None), ("level", None)]


def test_a_task_and_an_achievement_of_something_else_in_the_next_sentence_stay_apart():
    rows = _rows("今年计划新建通信基站300个。截至目前，已建成标准化学校12个。")
    assert all(r["pair"] is None for r in rows)


def test_a_task_in_brackets_printed_with_an_approximate_word():
    rows = _rows("引进企业21家(任务数约18家)，完成年度目标任务近20家的105%。")
    assert [(r["value"], r["role"], r["pair"]) for r in rows] == [
        (21.0, "level", "p1"), (18.0, "target", "p1"), (20.0, "target", "p2"),
        (105.0, "completion", "p2")]


def test_a_share_of_a_task_introduced_by_wei_and_of_last_year():
    rows = _rows("新增城镇就业3200人，是年度目标任务3000人的106.7%；农民人均收入为上年的108%。")
    by = _by_value(rows)
    assert (by[3000.0]["role"], by[106.7]["role"]) == ("target", "completion")
    assert by[3200.0]["pair"] == by[3000.0]["pair"] == by[106.7]["pair"] is not None
    assert by[108.0]["role"] != "completion" and by[108.0]["pair"] is None


def test_a_task_printed_after_the_amount_done():
    rows = _rows("1-9月完成投资9.6亿元，年度计划投资12亿元。")
    assert [(r["value"], r["role"]) for r in rows] == [(9.6, "level"), (12.0, "target")]
    assert rows[0]["pair"] == rows[1]["pair"] is not None


def test_a_count_of_tasks_that_reached_their_schedule_is_not_paired_back():
    rows = _rows("十项实事已完成年度任务2项，目标任务达到序时进度的有6项。")
    assert all(r["pair"] is None for r in rows)


# -- ids --------------------------------------------------------------------------------------

def test_pair_ids_follow_the_order_of_the_text_and_repeat_across_runs():
    text = ("农村危房改造任务为420户，已开工436户；养老床位建设任务为300张，"
            "已建成210张，完成率70%。")
    first, second = _rows(text), _rows(text)
    assert [r["pair"] for r in first] == [r["pair"] for r in second]
    assert [r["pair"] for r in first] == ["p1", "p1", "p2", "p2", "p2"]


def test_table_pair_ids_name_article_and_paragraph_and_feed_the_targets_table():
    articles = pd.DataFrame({"article_id": ["a-07"], "text": [
        ("全镇完成植树造林3200亩，完成年度目标任务3000亩的106.7%。\n"
         "全区招商引资完成省下达任务80亿元的95.2%。")]})
    table = extract_metrics(articles)
    assert set(table["pair"]) == {"a-07-1-p1", "a-07-2-p1"}
    got = targets_vs_achievements(table)
    # the amount done against the task where it is printed, else the printed share
    assert got["ratio"].round(3).tolist() == [round(3200 / 3000, 3), 0.952]
    assert got["target"].tolist()[1] == 8e9 and math.isnan(got["achieved"].tolist()[1])
