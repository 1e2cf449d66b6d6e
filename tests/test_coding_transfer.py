"""Mode families kept because they transfer (issue 14, point 6, round 2): each rule here was
adopted only after it raised the score of at least two real sets it was not derived from and
lowered none by more than 0.01 (the leave-one-set-out table of the round's report).  Every
sentence is written for these tests (invented places, offices and figures)."""

from __future__ import annotations

from coded import codes

EVAL = "quantified_evaluation"

# --- quantified_evaluation: any office's rate with its figure ------------------------------------


def test_a_rate_of_an_office_with_its_figure_is_evaluation():
    # rates the codebook never listed one by one: a vaccination rate, a reply rate, a filing rate
    assert EVAL in codes("今年，全镇适龄儿童疫苗接种率达到98.6%，位于前列。")
    assert EVAL in codes("县信访局来信答复率为97%，较去年有所提高。")
    assert EVAL in codes("全县农村房屋登记建档率已达90%以上。")


def test_a_rate_that_describes_the_economy_or_the_people_is_not():
    assert EVAL not in codes("一季度，全县规上工业增加值增长率为8.2%。")
    assert EVAL not in codes("全县城镇化率达到52%，常住人口稳步增加。")
    assert EVAL not in codes("去年全县人口出生率为7.1‰，死亡率为6.8‰。")
    assert EVAL not in codes("农户贷款利率下调至4.2%，减轻了种植户负担。")


def test_a_rate_without_a_figure_is_not_reported():
    assert EVAL not in codes("各村要提高垃圾清运率，改善村容村貌。")


# --- quantified_evaluation: progress as a share of the task ---------------------------------------


def test_progress_as_a_share_of_the_task_is_evaluation():
    assert EVAL in codes("截至5月底，南湖片区雨污分流工程已完成全部工程量的62%。")
    assert EVAL in codes("全乡秋粮收购已达到计划的85%，预计月底结束。")


def test_work_done_ahead_of_or_beyond_its_target_is_evaluation():
    assert EVAL in codes("东河镇提前完成全年植树任务，栽植苗木两万余株。")
    assert EVAL in codes("该局超额完成年度招商任务。")


def test_a_growth_figure_is_not_progress_against_a_task():
    assert EVAL not in codes("前三季度，全县实现地区生产总值同比增长6.5%。")
    assert EVAL not in codes("景区实现旅游收入增长12%，游客人数创新高。")
