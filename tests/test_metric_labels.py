"""Indicator labels, objects and actions (helpers.metric_labels), on sentences written for these
tests: each models a construction whose label used to be unusable."""

from __future__ import annotations

import pytest

from helpers.metrics import METRIC_COLUMNS, extract_from_text


def _labels(sentence: str) -> list[tuple[float, str | None]]:
    return [(r["value"], r["indicator"]) for r in extract_from_text(sentence)
            if r["kind"] != "date"]


def _row(sentence: str, value: float) -> dict:
    return next(r for r in extract_from_text(sentence) if r["value"] == value)


def test_columns_object_and_action_come_last():
    assert METRIC_COLUMNS[-2:] == ["object", "action"]
    row = _row("今年以来，县公安局共抓获犯罪嫌疑人86名。", 86)
    assert set(METRIC_COLUMNS) - {"article_id", "para_no", "period_start", "period_end"} <= set(row)


# --- 分别 lists: each value takes its own member ----------------------------------------------

def test_respectively_rates_named_in_a_list():
    got = _labels("全镇养老保险、医疗保险参保率分别为97.3%和96.8%。")
    assert [v for v, _ in got] == [97.3, 96.8]
    assert all(name and "分别" not in name and "%" not in name for _, name in got)
    assert got[1][1].endswith("参保率")


def test_respectively_changes_get_no_value_as_label():
    got = _labels("两项收入分别增长8.2%和10.1%。")
    assert all(name is None or not any(ch.isdigit() for ch in name) for _, name in got)


def test_respectively_numeral_run_expands():
    got = _labels("全县一二三产业增加值分别完成12.5亿元、48.1亿元和30.2亿元，"
                  "分别增长3.1%、7.4%和6.6%。")
    levels = ["第一产业增加值", "第二产业增加值", "第三产业增加值"]
    assert [name for _, name in got] == levels + [name + "增速" for name in levels]


def test_respectively_members_before_it():
    got = _labels("刑事案件、治安案件分别下降12.4%、9.8%。")
    assert [name for _, name in got] == ["刑事案件下降", "治安案件下降"]


def test_respectively_town_and_country_pair():
    got = _labels("全县城乡居民人均可支配收入分别为38210元、19650元。")
    assert [name for _, name in got] == ["城镇居民人均可支配收入", "农村居民人均可支配收入"]


def test_respectively_without_subject_takes_the_figures_before():
    got = _labels("全县共发生火灾12起、死亡1人、受伤4人，同比分别下降25%、50%、20%。")
    names = [name for _, name in got]
    assert names[3:] == [name + "下降" for name in names[:3]]  # falls say so (F-change-label)
    # the casualties are of the fires counted before them (_name_casualties)
    assert names[0] == "火灾" and names[1] == "火灾死亡人数" and names[2] == "火灾受伤人数"


def test_a_second_list_follows_the_first():
    got = _labels("其中第一产业、第二产业分别完成8.4亿元、21.3亿元，增长2%、6.5%。")
    # sectors' amounts in money are their value added (_name_bare_sectors)
    assert [name for _, name in got] == ["第一产业增加值", "第二产业增加值",
                                         "第一产业增加值增速", "第二产业增加值增速"]


def test_abbreviated_list_is_expanded():
    got = _labels("群众安全感、满意度(简称“两度”)分别为95.1%、93.2%，全县“两度”分别为96.3%、94.0%。")
    names = [name for _, name in got]
    assert names[2:] == names[:2] and names[1] == "满意度"


def test_ratio_of_three_sectors():
    got = _labels("全县三次产业结构调整为12.3:40.5:47.2。")
    assert [name for _, name in got] == ["第一产业占比", "第二产业占比", "第三产业占比"]


# --- a change is named after the level it changes --------------------------------------------

def test_change_takes_the_name_of_the_level_before():
    got = _labels("全县完成规上工业总产值86.3亿元，比上年增长7.9%；粮食产量21.5万吨，下降1.2%。")
    # the rise says it is a growth rate; the fall says it with the text's word (kind_named)
    assert got == [(86.3, "规上工业总产值"), (7.9, "规上工业总产值增速"), (21.5, "粮食产量"),
                   (1.2, "粮食产量下降")]


def test_change_after_a_note_in_parentheses():
    got = _labels("全年受理行政复议案件132件(含上年结转9件)，同比上升6.4%。")
    assert got[-1] == (6.4, "受理行政复议案件增速")
    assert got[1][1] == "上年结转行政复议案件"  # the part carried over is of the cases before


def test_growth_rate_of_the_named_level():
    row = _row("全县税收收入18.2亿元，同比增长4.1%，增速高于全市2.3个百分点。", 2.3)
    assert row["indicator"] == "税收收入增速高于全市"


# --- agent, time and scope words are no part of a label ---------------------------------------

@pytest.mark.parametrize("sentence,value,label", [
    ("11月份县法院共受理民事案件412件。", 412, "受理民事案件"),
    ("今年以来，某市警方累计止付涉诈资金3200万元。", 3200, "止付涉诈资金"),
    ("全省公安机关冻结涉案账户资金5.6亿元。", 5.6, "冻结涉案账户资金"),
    ("区综治中心已化解矛盾纠纷263件。", 263, "化解矛盾纠纷"),
    ("今年力争全县接待游客达320万人次。", 320, "接待游客"),
    ("县调解委员会通过线上平台调处各类纠纷58件。", 58, "调处纠纷"),
])
def test_agent_and_time_words_cut(sentence, value, label):
    assert _row(sentence, value)["indicator"] == label


def test_verb_of_reaching_inside_a_name():
    assert _row("第二产业完成投资9.3亿元。", 9.3)["indicator"] == "第二产业投资"
    assert _row("全县实现地区生产总值215亿元。", 215)["indicator"] == "地区生产总值"


def test_long_reaching_verb():
    row = _row("执法队员沿江徒步巡查，巡堤长达36公里。", 36)
    assert row["indicator"] == "巡堤"


def test_occurrence_is_no_action():
    row = _row("全县共发生道路交通事故37起。", 37)
    assert row["indicator"] == "道路交通事故" and row["action"] is None


def test_a_loan_in_a_quotation_is_named_by_its_verb():
    row = _row("“他去年向我借了800块钱，一直没还。”", 800)
    assert row["indicator"] == "借" and row["quoted"]


# --- counts: the noun after the measure word -------------------------------------------------

def test_descriptive_words_before_the_noun():
    assert _row("她双手捧着三本红彤彤的荣誉证书。", 3)["indicator"] == "荣誉证书"


def test_every_village_is_a_village():
    assert _row("全乡48个村村村都设立了调解室。", 48)["indicator"] == "村"


def test_a_verb_after_the_noun_is_the_predicate():
    assert _row("核查发现12名工作人员存在违规操作。", 12)["indicator"].endswith("工作人员")
    name = _row("导致60多户居民长期以来无法办证。", 60)["indicator"]
    assert name.endswith("居民") and "长期" not in name


def test_persons_of_a_bare_verb():
    row = _row("事故造成2人死亡，另有受伤5人。", 5)
    assert row["indicator"] == "受伤人数" and row["action"] == "受伤" and row["object"] is None


def test_no_unit_as_label():
    for r in extract_from_text("村里连续五年获评先进，60岁的老李仍在值守。"):
        assert r["indicator"] not in ("岁", "年", "连续", "%", "人")


# --- object and action -------------------------------------------------------------------------

@pytest.mark.parametrize("sentence,value,obj,action", [
    ("今年以来，全县共抓获犯罪嫌疑人143名。", 143, "犯罪嫌疑人", "抓获"),
    ("镇综治中心已化解矛盾纠纷87件。", 87, "矛盾纠纷", "化解"),
    ("市纪委监委共受理问题线索205条。", 205, "问题线索", "受理"),
    ("县纪委查处违规吃喝问题14个。", 14, "违规吃喝问题", "查处"),
    ("全县追缴违纪资金356万元。", 356, "违纪资金", "追缴"),
    ("已成功化解19件信访积案。", 19, "信访积案", "化解"),
])
def test_object_and_action(sentence, value, obj, action):
    row = _row(sentence, value)
    assert (row["object"], row["action"]) == (obj, action)
    assert row["indicator"] == action + obj


def test_rates_have_no_object_or_action():
    row = _row("全县群众满意率达到98.2%。", 98.2)
    assert row["indicator"] == "群众满意率" and row["object"] is None and row["action"] is None


def test_target_and_achievement_of_one_thing_differ():
    got = _labels("全县排查出重点信访积案26件，目前已化解17件信访积案。")
    assert got[0][1] != got[1][1] and got[1][1] == "化解信访积案"


def test_labels_of_a_movement_a_target_a_ceiling_and_a_completion():
    from helpers.metrics import extract_from_text

    rows = extract_from_text("群众安全感由不足六成提高到91%，力争明年达到95%以上。")
    assert [r["indicator"] for r in rows] == ["群众安全感"] * 3
    rows = [r for r in extract_from_text(
        "今年目标任务是完成招商引资30亿元，截至9月底已完成24亿元，完成年度目标的80%。")
        if r["kind"] != "date"]
    # the completion share names the plan it completes (as readers of five annotated sets do)
    assert [r["indicator"] for r in rows] == ["招商引资"] * 2 + ["招商引资完成年度目标比例"]
    rows = extract_from_text("将万元产值能耗增幅控制在3%以内。")
    assert rows[0]["indicator"] == "万元产值能耗增幅"


# --- completions, bases, changes after a figure, ranks after their pool ------------------------

def test_a_completion_of_the_budget_and_the_change_after_it_name_the_revenue():
    got = dict(_labels("1-5月，全县税收收入完成3.1亿元，为年预算的45.2%，同比下降4.1%。"))
    assert got[4.1] == "税收收入下降"
    assert got[45.2] == "税收收入完成年预算比例"


def test_a_change_printed_after_its_base_names_what_changed():
    got = _labels("全镇接待群众来访312人次，比上年同期405人次少93人次。")
    # the change is named by the base and the text's fall word (少 -> 减少)
    assert [n for v, n in got if v == 93] == [n + "减少" for v, n in got if v == 405]
    assert got[-1][1] not in ("少", "次少", None)


def test_a_base_printed_alone_names_the_figure_before_it():
    got = _labels("重污染天数为9天，去年同期为15天。")
    assert got == [(9.0, "重污染天数"), (15.0, "重污染天数")]


@pytest.mark.parametrize(("sentence", "value", "name"), [
    ("年末常住人口32.6万人，比上年末增加0.4万人。", 0.4, "年末常住人口变化"),
    ("全院受案增加167件。", 167, "受案数变化"),
])
def test_the_name_of_a_change_leaves_its_comparison_and_verb(sentence, value, name):
    assert dict(_labels(sentence))[value] == name


def test_a_rank_after_its_pool_names_the_figure_before_it():
    got = _labels("全县空气质量综合指数为4.9，全市18个区县排名第6。")
    assert got == [(4.9, "空气质量综合指数"), (6.0, "空气质量综合指数全市排名")]


@pytest.mark.parametrize(("sentence", "value", "name"), [
    ("全年新收案件数为412件。", 412, "新收案件数"),
    ("二审改判率为1.8%。", 1.8, "二审改判率"),
    ("有罪判决630人。", 630, "有罪判决"),
    ("确保全县火灾死亡人数连续3年同比下降5%。", 5, "火灾死亡人数下降"),
])
def test_copulas_streaks_and_intentions_are_no_part_of_a_name(sentence, value, name):
    assert dict(_labels(sentence))[value] == name


def test_an_attribute_takes_the_name_of_what_was_counted_before_it():
    got = _labels("全镇民生项目24个，总投资9.6亿元，年度计划投资3.2亿元，1-8月完成投资2.5亿元；"
                  "其中续建项目10个，总投资4.1亿元。")
    assert got == [(24.0, "民生项目"), (9.6, "民生项目总投资"), (3.2, "民生项目年度计划投资"),
                   (2.5, "民生项目投资"), (10.0, "续建项目"), (4.1, "续建项目总投资")]


def test_an_attribute_without_an_owner_keeps_its_own_name():
    assert _labels("总投资5.2亿元。") == [(5.2, "总投资")]


def test_a_counted_noun_ends_before_the_adverb_of_its_predicate():
    assert _labels("全县83个贫困村全部脱贫出列。") == [(83.0, "贫困村")]


def test_ranks_listed_after_a_first_share_its_name():
    got = _labels("全县营商环境评价分居全省第二和第五位。")
    assert got[0][1] == got[1][1] and got[0][1]


@pytest.mark.parametrize(("sentence", "value", "name"), [
    ("本月接收市民工单2140件，较上期相比减少63件。", 63, "接收市民工单减少"),
    ("受理群众来信128件，总量上升12.5%。", 12.5, "受理群众来信增速"),
    ("投诉主要是施工引起的噪音污染（占投诉总量41.2%）。", 41.2, "噪音污染占投诉比重"),
])
def test_generic_words_and_bracketed_shares_take_the_name_they_refer_to(sentence, value, name):
    assert dict(_labels(sentence))[value] == name


def test_a_count_in_brackets_is_no_bracketed_share():
    got = _labels("全年受理案件2313件（去年同期为2296件）。")
    assert got == [(2313.0, "受理案件"), (2296.0, "受理案件")]


def test_a_hotline_number_is_no_figure_a_change_is_named_after():
    got = dict(_labels("县12345热线共受理诉求3046件，较上月相比增加112件。"))
    assert "受理诉求" in got[112]


def test_a_count_named_by_its_action_borrows_the_object_acted_on_before():
    got = _labels("今年以来，全镇受理矛盾纠纷316件，成功化解301件。")
    assert got == [(316.0, "受理矛盾纠纷"), (301.0, "成功化解矛盾纠纷")]


def test_no_object_is_borrowed_from_a_total_or_across_measure_words():
    got = dict(_labels("全县执行案件收案总数为2190件，已结1870件。"))
    assert got[1870] != "已结案件收案总数"
    got = dict(_labels("受理矛盾纠纷316件，调解员出动45人。"))
    assert "矛盾纠纷" not in (got[45] or "")


@pytest.mark.parametrize(("sentence", "value", "name"), [
    ("2023年，全县城镇化率56.2%，比年末提高0.9个百分点。", 0.9, "城镇化率变化"),
    ("审结民事案件820件（含再审4件）。", 4, "再审民事案件"),
])
def test_year_end_comparisons_and_retrials(sentence, value, name):
    assert dict(_labels(sentence))[value] == name


def test_stages_of_a_case_load_are_of_the_cases_before_them():
    got = _labels("受理执行案件612件，其中旧存87件，新收525件。")
    assert got[0] == (612.0, "受理执行案件")
    for (value, name), stage in zip(got[1:], ("旧存", "新收"), strict=True):
        assert name.startswith(stage) and name.endswith("案件"), (value, name)


def test_a_growth_property_or_a_gap_borrows_its_subject():
    """Own sentences: 增速 and 位次 and a gap name no subject; the figure before them does."""
    from helpers.metrics import extract_from_text

    rows = extract_from_text("全县农产品加工业产值增长6.2%，增速较上月提高0.4个百分点。")
    assert [r["indicator"] for r in rows] == ["农产品加工业产值增速", "农产品加工业产值增速变化"]
    gap = extract_from_text("建材业增长4.1%，高于全县工业增速1.6个百分点。")
    # the gap in points after a growth compares the growths (建材业增速, not 建材业)
    assert [r["indicator"] for r in gap] == ["建材业增速", "建材业增速高于全县工业增速"]


@pytest.mark.parametrize(("sentence", "label"), [
    # own sentences: a price rise names the price, not the verb; 即/共/该院 and a dashed span of
    # months open no name
    ("其中，衣着类价格上涨2.3%。", "衣着类价格涨幅"),
    ("即道路交通事故起数下降12%。", "道路交通事故起数下降"),
    ("今年以来共立盗窃案件86起。", "立盗窃案件"),
    ("该院全年审结民事案件1260件。", "审结民事案件"),
    ("1—8月规上工业产值218亿元。", "规上工业产值"),
])
def test_openings_and_price_verbs_name_nothing(sentence, label):
    from helpers.metrics import extract_from_text

    rows = [r for r in extract_from_text(sentence) if r["kind"] != "date"]
    assert rows[0]["indicator"] == label


@pytest.mark.parametrize(("sentence", "value", "label"), [
    # the number of a list item is no part of the name
    ("2.建筑施工事故发生6起、死亡5人。", 6.0, "建筑施工事故"),
    ("(三)全镇规上工业产值同比增长9.1%。", 9.1, "规上工业产值增速"),
    ("二是新登记市场主体820户。", 820.0, "新登记市场主体"),
    # a verb of occurrence before or after what occurred
    ("全区发生森林火灾3起。", 3.0, "森林火灾"),
])
def test_list_numbers_and_occurrence_verbs_are_no_part_of_a_name(sentence, value, label):
    assert [lab for v, lab in _labels(sentence) if v == value] == [label]


def test_persons_of_cases_in_a_list_before_fenbie_are_named_by_the_cases():
    got = _labels("全年办理审查逮捕案件210件305人，同比分别上升4.5%、上升6.2%。")
    assert got == [(210.0, "办理审查逮捕案件"), (305.0, "办理审查逮捕人数"),
                   (4.5, "办理审查逮捕案件增速"), (6.2, "办理审查逮捕人数增速")]


def test_a_faster_growth_is_of_the_figure_before_and_no_name_of_its_own():
    got = _labels("全镇工业产值同比增长8.1%，比去年同期加快1.9个百分点。")
    assert got == [(8.1, "工业产值增速"), (1.9, "工业产值增速变化")]


def test_a_growth_ranked_after_an_excess_is_of_the_amount_not_the_excess():
    got = _labels("税收收入增长12.3%，超序时进度4.1个百分点，增幅位居全市第三位。")
    assert got[-1] == (3.0, "税收收入增幅全市排名")


def test_a_list_of_shares_takes_its_members_from_the_clauses_before():
    got = _labels("其中来电820件,来信180件,分别占信访总量的82%、18%。")
    assert got[2:] == [(82.0, "来电占信访比重"), (18.0, "来信占信访比重")]


def test_ordinals_before_one_sector_noun_share_it():
    got = _labels("一、二、三产业增加值分别占全县生产总值的12%、38%、50%。")
    assert [label for _, label in got] == ["第一产业增加值占全县生产总值比重",
                                           "第二产业增加值占全县生产总值比重",
                                           "第三产业增加值占全县生产总值比重"]


@pytest.mark.parametrize(("sentence", "value", "label"), [
    ("居前两位的依次是邻里纠纷58件、婚姻家庭纠纷41件。", 58.0, "邻里纠纷"),
    ("其中求助类73件，占比率达6.2%。", 6.2, "求助类占比"),
    # a number after Latin letters is part of a name (PM 2.5), never the figure a rank is of
    ("PM 2.5 平均浓度为38μg/m3，全市 9 个县区排名第 2。", 2.0, "PM2.5平均浓度全市排名"),
])
def test_members_in_turn_redundant_rate_and_latin_names(sentence, value, label):
    assert [lab for v, lab in _labels(sentence) if v == value] == [label]


@pytest.mark.parametrize(("sentence", "value", "label"), [
    # 达 of 达标率 is part of the rate's name, not a verb of reaching
    ("全县集中式饮用水源地水质达标率为100%。", 100.0, "集中式饮用水源地水质达标率"),
    # a bare amount after 累计 is the subject's, not an agent's act
    ("今年全区火灾累计损失38.2万元。", 38.2, "火灾损失"),
    # 同口径 is a comparison: the change is of the figure before it
    ("全镇税收收入2.3亿元，同口径增长4.2%。", 4.2, "税收收入增速"),
])
def test_reaching_amounts_after_leiji_and_like_for_like_changes(sentence, value, label):
    assert [lab for v, lab in _labels(sentence) if v == value] == [label]


@pytest.mark.parametrize(("sentence", "value", "label"), [
    # a second gap lends only what the first compared
    ("全县城镇登记失业率为2.9%，低于省控线1.1个百分点，低于市控线0.6个百分点。", 0.6,
     "城镇登记失业率低于市控线"),
    # a deadline and a modal verb are no part of a requirement's name
    ("并于9月30日前户厕改造完工率必须达到90%。", 90.0, "户厕改造完工率"),
    # the agent, the months and the quotation marks of a named ratio
    ("本院2023年1-6月“案-件比”为1.12。", 1.12, "案-件比"),
    ("经排查后发现安全隐患46处。", 46.0, "发现安全隐患"),
])
def test_gaps_deadlines_agents_and_quoted_names(sentence, value, label):
    assert [lab for v, lab in _labels(sentence) if v == value] == [label]


def test_values_after_a_pair_subject_without_fenbie_and_their_changes():
    got = _labels("全年城乡居民人均可支配收入达到41200元和19800元、分别增长5.1%和7.3%。")
    assert got == [(41200.0, "城镇居民人均可支配收入"), (19800.0, "农村居民人均可支配收入"),
                   (5.1, "城镇居民人均可支配收入增速"), (7.3, "农村居民人均可支配收入增速")]


@pytest.mark.parametrize(("sentence", "value", "label"), [
    ("全县有9项指标高于全市平均水平。", 9.0, "高于全市平均水平的指标数"),
    ("考核的20项指标中，6项指标未完成年度目标。", 6.0, "未完成年度目标的指标数"),
    # a count of indicators without a predicate keeps its noun
    ("测评体系共设置12项指标。", 12.0, "指标"),
])
def test_counted_indicators_are_named_by_what_they_do(sentence, value, label):
    assert [lab for v, lab in _labels(sentence) if v == value] == [label]


def test_a_heading_names_the_domain_of_a_bare_kind():
    assert _labels("(二)水上交通领域：事故2起。") == [(2.0, "水上交通事故")]
    # a long lead before the colon is no heading
    assert _labels("据县应急管理局统计全年全县各行业领域情况如下：事故14起。") == [(14.0, "事故")]


def test_a_heading_names_the_domain_of_every_item_after_it():
    got = _labels("(二)水上交通：事故2起、死亡3人、直接经济损失12万元。")
    assert got == [(2.0, "水上交通事故"), (3.0, "水上交通死亡人数"), (12.0, "水上交通直接经济损失")]
    # a way of reading the figures is no domain
    assert _labels("分行业看：制造业增长5.2%。") == [(5.2, "制造业增速")]


def test_a_share_of_people_is_named_by_what_they_say():
    got = _labels("抽样调查显示有87.5%的受访群众认为“办事更方便了”，同比提高3.2个百分点。")
    assert got == [(87.5, "认为办事更方便了的受访群众比例"), (3.2, "认为办事更方便了的受访群众比例变化")]


# --- the size of a fall (减幅, 跌幅) and a bare 占 borrow the subject before them --------------

def test_fall_size_noun_is_a_downward_change_of_the_count_before_it():
    sentence = "全年共受理群众来信820件，同比减少45件，减幅5.2%。"
    row = _row(sentence, 5.2)
    assert (row["role"], row["direction"]) == ("change", "down")
    assert row["indicator"].startswith(_row(sentence, 820)["indicator"])
    assert row["indicator"].endswith("减幅")


def test_price_fall_size_points_down():
    row = _row("生猪出栏均价同比跌幅3.4%。", 3.4)
    assert row["direction"] == "down"


def test_bare_share_names_the_group_counted_before_it():
    got = _labels("运用第三种形态处理28人次，占4.1%；运用第四种形态处理9人次，占1.3%。")
    names = dict(got)
    assert "第三种形态" in names[4.1] and names[4.1].endswith("占比")
    assert "第四种形态" in names[1.3] and names[1.3].endswith("占比")


# --- casualties named alone are of the incident counted before them ---------------------------

def test_casualties_after_an_incident_count_name_the_incident():
    sentence = "上半年全区共发生道路交通事故15起，死亡4人，受伤9人，同比分别下降20%和12.5%。"
    assert _row(sentence, 4)["indicator"] == "道路交通事故死亡人数"
    assert _row(sentence, 9)["indicator"] == "道路交通事故受伤人数"
    assert _row(sentence, 15)["indicator"] == "道路交通事故"


def test_accident_deaths_are_one_family_however_the_accident_is_called():
    from helpers.metrics import indicator_family
    assert indicator_family("工矿商贸事故死亡人数", "count") == indicator_family("事故死亡人数", "count")
    assert indicator_family("事故死亡人数", "count") is not None
    assert indicator_family("事故受伤人数", "count") != indicator_family("事故死亡人数", "count")


def test_casualties_without_an_incident_keep_their_own_name():
    # 320人 is no incident (its unit is no 起/宗): nothing is borrowed from it
    row = _row("洪水过后，全镇转移群众320人，受伤2人。", 2)
    assert "转移" not in row["indicator"] and "受伤" in row["indicator"]


# --- a part and its whole name a share ---------------------------------------------------------

def test_part_of_a_whole_is_named_as_a_share():
    sentence = "受理投诉中，物业服务类占投诉总量的41.2%，家装建材类占投诉总量的9.8%。"
    assert _row(sentence, 41.2)["indicator"] == "物业服务类占投诉比重"
    assert _row(sentence, 9.8)["indicator"] == "家装建材类占投诉比重"


def test_share_of_all_is_the_part_share_and_named_rates_stay():
    assert _row("参评单位中，获评优秀的单位占总数的62.5%。", 62.5)["indicator"].endswith("单位占比")
    row = _row("全县城镇人口占总人口的比重为58.3%。", 58.3)
    assert row["indicator"].count("比重") == 1
    row = _row("本地品牌市场占有率达到35%。", 35)
    assert not row["indicator"].endswith("比重")


# --- a measure printed once after a list's last member is every member's -----------------------

def test_measure_after_the_last_member_is_shared_by_the_list():
    got = _labels("其中，食品制造业、化学原料制造业、汽车制造业增加值同比分别增长9.1%、6.4%、15.2%。")
    assert [name for _, name in got] == ["食品制造业增加值增速", "化学原料制造业增加值增速",
                                         "汽车制造业增加值增速"]


def test_whole_income_measure_is_shared_not_its_last_word():
    got = _labels("全县城镇居民、农村居民人均可支配收入分别增长5.1%和7.3%。")
    assert [name for _, name in got] == ["城镇居民人均可支配收入增速", "农村居民人均可支配收入增速"]


def test_members_with_their_own_measure_keep_it():
    got = _labels("全县工业产值、服务业营业收入分别增长4.2%和6.6%。")
    assert [name for _, name in got] == ["工业产值增速", "服务业营业收入增速"]


# --- 就 and 再 at a label's start are adverbs only before other words ----------------------------

@pytest.mark.parametrize(("sentence", "value", "start"), [
    ("全镇就业困难人员实现就业356人。", 356.0, "就业困难人员"),
    ("再就业人员达到1200人。", 1200.0, "再就业人员"),
    ("就医群众满意率达到96%。", 96.0, "就医群众满意率"),
])
def test_employment_words_keep_their_first_character(sentence, value, start):
    assert _row(sentence, value)["indicator"].startswith(start)


# --- a measure named alone is the measure of the figure named with it before -------------------

def test_bare_measure_takes_the_full_name_printed_before_it():
    sentence = ("1-8月，全县规模以上工业增加值同比增长5.6%，其中8月份增加值同比增长9.2%，"
                "比7月份加快1.4个百分点。")
    assert _row(sentence, 9.2)["indicator"] == "规模以上工业增加值增速"
    assert _row(sentence, 1.4)["indicator"] == "规模以上工业增加值增速变化"


def test_bare_measure_after_a_share_takes_the_part():
    sentence = "全县数字经济核心产业增加值占生产总值的比重为8.1%；增加值同比增长12.3%。"
    assert _row(sentence, 12.3)["indicator"] == "数字经济核心产业增加值增速"


def test_bare_measure_takes_no_attribute_for_an_owner():
    sentence = "重点工程总投资86亿元，当年投资21亿元。"
    assert _row(sentence, 21)["indicator"] != "总投资"


def test_change_of_a_case_stage_names_the_cases_it_follows():
    sentence = "全年受理民事案件1520件，其中新收1310件，同比上升12.5%；旧存210件，同比下降8.1%。"
    new = _row(sentence, 1310)["indicator"]
    assert new.startswith("新收") and len(new) > 2
    assert _row(sentence, 12.5)["indicator"] == new + "增速"
    assert _row(sentence, 8.1)["indicator"] == _row(sentence, 210)["indicator"] + "下降"


def test_change_after_a_share_does_not_take_the_share_as_its_name():
    sentence = "其中国税部门完成8120万元，占任务数的61.2%，同比增长12.5%。"
    assert not str(_row(sentence, 12.5)["indicator"] or "").startswith("占")


def test_office_reaching_a_sum_names_the_sum_by_the_office():
    sentence = "其中国税部门完成8120万元，地税部门完成5230万元。"
    assert "国税部门" in str(_row(sentence, 8120)["indicator"])
    assert "地税部门" in str(_row(sentence, 5230)["indicator"])
    # an office followed by what it did keeps only the act (as before)
    assert _row("县公安局抓获犯罪嫌疑人35名。", 35)["indicator"].startswith("抓获")


def test_sector_named_alone_measures_value_added_in_an_output_sentence():
    sentence = "全县生产总值88.6亿元，其中第二产业增长7.2%，服务业增长5.5%。"
    assert _row(sentence, 7.2)["indicator"] == "第二产业增加值增速"
    assert _row(sentence, 5.5)["indicator"] == "服务业增加值增速"


def test_sector_named_alone_takes_the_measure_its_sibling_prints():
    sentence = "限上批发业销售额12.3亿元，增长4.1%；零售业9.8亿元，增长6.6%。"
    assert _row(sentence, 9.8)["indicator"] == "零售业销售额"
    assert _row(sentence, 6.6)["indicator"] == "零售业销售额增速"


def test_sectors_listed_before_their_own_measure_get_no_other():
    sentence = "今年前三季度，渔业、林业增速分别为2.1%和3.3%，生产总值增长5%。"
    assert "增加值" not in str(_row(sentence, 2.1)["indicator"])
    # 企业 ends in 业 but is no sector: nothing is supplied to it
    assert "增加值" not in str(_row("规上工业增加值增长6%，新增企业12家。", 12)["indicator"] or "")


def test_rank_after_a_frame_names_what_the_frame_assesses():
    sentence = "在全省2022年度营商环境评价中，某县排名第五。"
    assert _row(sentence, 5)["indicator"] == "营商环境评价排名"
    sentence = "在全省38个县(市)综合考核中，某县综合排名由第20位前进到第11位。"
    assert _row(sentence, 20)["indicator"] == "综合考核综合排名"
    assert _row(sentence, 11)["indicator"] == "综合考核综合排名"


def test_score_and_ranks_after_a_frame_keep_their_own_sets():
    sentence = "在食品安全满意度方面，某区获得91.3分，居全市第2名，全省第17名。"
    assert _row(sentence, 91.3)["indicator"] == "食品安全满意度得分"
    assert _row(sentence, 2)["indicator"] == "食品安全满意度全市排名"
    assert _row(sentence, 17)["indicator"] == "食品安全满意度全省排名"


def test_a_frame_leaves_a_rank_named_by_its_own_measure():
    sentence = "在今年的考核中，森林覆盖率排名全市第一。"
    assert "森林覆盖率" in str(_row(sentence, 1)["indicator"])


def test_change_after_a_rank_is_of_the_measure_ranked_even_with_digits_in_its_name():
    sentence = "全县空气质量综合指数为4.8，同比下降6.1%；PM10平均浓度为71微克/立方米，全市18个县区排名第5(全省排名第40)，同比下降3.2%。"
    assert _row(sentence, 3.2)["indicator"] == "PM10平均浓度下降"
    assert _row(sentence, 6.1)["indicator"] == "空气质量综合指数下降"


def test_bracketed_figures_of_a_listed_member_take_the_heading_measure():
    sentence = "街道群众满意度测评得分排名前三位的是：城东街道(96.5分)、西湖街道(95.1分)和北山街道(94.8分)。"
    assert _row(sentence, 96.5)["indicator"] == "街道群众满意度测评得分(城东街道)"
    assert _row(sentence, 94.8)["indicator"] == "街道群众满意度测评得分(北山街道)"


def test_bracketed_figure_without_a_colon_list_is_left_alone():
    # no heading's colon: the bracket is no member's figure of a list
    row = _row("今年全县新建公园两处(面积12公顷)。", 12)
    assert "(" not in str(row["indicator"] or "")


def test_count_named_by_a_stage_alone_counts_the_object_of_the_count_before():
    sentence = "全年民事案件收案1320件，结案1187件，结案率89.9%。"
    assert _row(sentence, 1187)["indicator"] == "民事案件结案"
    sentence = "全州已开工420户，占今年500户任务数的84%，已竣工300户；某县任务数为80户，已开工75户。"
    assert _row(sentence, 300)["indicator"] == "全州竣工"
    # a segment that opens with another subject does not borrow the first segment's object
    assert "全州" not in str(_row(sentence, 75)["indicator"] or "")


def test_a_headline_bar_ends_the_clause_before_a_figure():
    label = str(_row("城关派出所 | 辖区可防性案件同比下降12.5%", 12.5)["indicator"])
    assert "|" not in label and "派出所" not in label
    assert label.startswith(("辖区可防性案件", "可防性案件"))


def test_average_yearly_growth_is_of_the_amount_not_of_a_count_between():
    sentence = "到2027年，全区规上工业产值达到150亿元，三年新增企业40家，年均增速10%。"
    assert _row(sentence, 10)["indicator"] == "规上工业产值年均增速"


def test_items_after_a_lead_naming_their_measure_take_it():
    sentence = "从主要农产品产量看，茶叶增长6.2%，油菜籽下降3.5%。"
    assert _row(sentence, 6.2)["indicator"] == "茶叶产量增速"
    assert _row(sentence, 3.5)["indicator"] == "油菜籽产量下降"
    # an item naming a measure of its own keeps it
    sentence = "从产品产量看，规上企业产值增长4%。"
    assert _row(sentence, 4)["indicator"] == "规上企业产值增速"


# --- completion shares whose clause names only the plan ----------------------------------------

def test_completion_share_after_a_printed_target_names_the_achievement():
    # the plan's size printed between the verb and 的 (目标任务800人的) used to leave no name,
    # or the plan and its size as the name
    got = dict(_labels("全镇农村劳动力转移就业930人，完成年度目标任务800人的116.3%；"
                       "发放贴息贷款4200万元，占全年计划5000万元的84%。"))
    assert got[116.3] == "农村劳动力转移就业完成年度目标任务比例"
    assert got[84] == "发放贴息贷款完成全年计划比例"


def test_completion_share_skips_the_growth_and_the_completion_before_it():
    got = dict(_labels("全县税收收入完成35.2亿元，同比增长6.1%，完成省定目标的102.4%，"
                       "市定目标的98.7%。"))
    assert got[102.4] == "税收收入完成省定目标比例"
    assert got[98.7] == "税收收入完成市定目标比例"


def test_completion_share_takes_the_last_figure_of_the_clause_before():
    got = dict(_labels("一季度，8个市级重点项目累计完成投资12.6亿元，占年计划31.5%。"))
    assert got[31.5] == "市级重点项目投资完成年计划比例"


def test_comparison_with_a_target_is_no_completion():
    got = dict(_labels("城镇调查失业率控制在4.2%，比年度目标5.5%低1.3个百分点。"))
    assert "完成" not in str(got.get(5.5))


def test_a_hotline_like_count_with_its_measure_word_is_a_figure_of_the_clause():
    # 123xx is read as a hotline number only without a measure word after it
    got = dict(_labels("全年城镇新增就业12316人，完成年度目标任务的102.6%。"))
    assert got[102.6] == "城镇新增就业完成年度目标任务比例"


def test_a_month_range_with_a_long_dash_is_a_comparison_base():
    got = dict(_labels("规上工业增加值增长6.4%，增速比1—8月份加快0.7个百分点。"))
    assert got[0.7] == "规上工业增加值增速变化"


# --- a change after an attribute; a category's threshold ----------------------------------------

def test_a_growth_after_a_total_investment_names_whose_investment():
    got = dict(_labels("前三季度，全县新开工亿元以上项目36个，总投资215.4亿元，同比增长12.3%。"))
    assert got[12.3] == got[215.4] + "增速"
    assert got[12.3].endswith("项目总投资增速") and len(got[12.3]) > len("总投资增速")


def test_a_sum_bounding_the_group_after_it_is_named_as_its_threshold():
    got = dict(_labels("从投资结构看，5亿元以上工业项目投资同比增长9.2%。"))
    assert got[5] == "工业项目投资规模门槛"
    assert got[9.2] and "门槛" not in got[9.2]  # the growth is of the projects, not their bound


def test_a_threshold_after_its_measure_names_the_measure():
    got = dict(_labels("全县营业收入超5000万元企业达到42家。"))
    assert got[5000] == "企业营业收入门槛"


def test_thresholds_listed_after_a_threshold_keep_the_list_name():
    got = _labels("力争年收入20万元以上的村15个、50万元以上的村4个。")
    assert got[0][1].endswith("门槛") and got[2][1] != "村规模门槛"


def test_a_share_of_a_budget_measure_keeps_the_measure():
    # 一般公共预算支出 is the whole, not the plan of a completion (为年预算的 is one)
    got = dict(_labels("其中教育支出完成8.6亿元，占一般公共预算支出的21.4%。"))
    assert got[21.4] == "教育支出占一般公共预算支出比重"


# --- gaps to a benchmark -------------------------------------------------------------------------

def test_a_gap_in_points_after_a_growth_compares_the_growths():
    got = dict(_labels("全县完成工业投资58.2亿元，同比增长21.6%，高于全市平均水平6.3个百分点。"))
    assert got[6.3] == "工业投资增速高于全市平均"


def test_a_contribution_after_a_growth_is_not_renamed_as_a_growth():
    got = dict(_labels("食品加工业产值增长12.1%，拉动规上工业产值增长2.2个百分点。"))
    assert "增速拉动" not in str(got[2.2])


# --- cut words the tagger joins to the verb after them ------------------------------------------

def test_gong_joined_to_the_verb_still_cuts_the_reporting_agent():
    got = dict(_labels("去年县消防救援大队共接火警312起。"))
    assert got[312] == "接火警"


def test_a_second_cut_word_before_the_amount_lets_the_first_cut():
    got = dict(_labels("三季度区文化市场监管局共办理游客投诉共计96件。"))
    assert got[96] == "办理游客投诉"


def test_a_stage_ending_the_clause_is_not_split():
    got = dict(_labels("全市法院受理执行案件5120件，其中执行案件已结4300件。"))
    assert got[4300] != "结"


def test_respectively_amounts_in_dollars_go_to_each_member_with_the_shared_measure():
    got = _labels("两家龙头企业中，华达公司和新宇电子出口额分别达到2150万美元和1870万美元。")
    assert [n for v, n in got if v in (2150, 1870)] == ["华达公司出口额", "新宇电子出口额"]


def test_fine_particles_by_either_name_are_one_family():
    from helpers.metrics import indicator_family

    assert indicator_family("可吸入颗粒物月平均浓度") == indicator_family("PM10浓度均值") is not None
    assert indicator_family("细颗粒物平均浓度") == indicator_family("PM2.5年均浓度") is not None
    assert indicator_family("PM2.5年均浓度") != indicator_family("PM10浓度均值")


def test_the_urban_population_share_is_the_urbanization_rate():
    from helpers.metrics import indicator_family

    assert indicator_family("城镇人口占总人口比重", "rate") == indicator_family("城镇化率", "rate")
    assert indicator_family("城镇化率", "rate") is not None


def test_a_bare_share_after_the_largest_part_of_a_whole_is_that_parts_share():
    got = dict(_labels("一季度受理的投诉中，食品类投诉中最多的是预包装食品投诉，占46%；"
                       "而服务类投诉中最多的为教育培训投诉，占31%。"))
    assert got[46] == "预包装食品投诉占食品类投诉比重"
    assert got[31] == "教育培训投诉占服务类投诉比重"


def test_a_gap_to_the_target_keeps_the_target_in_its_name():
    got = dict(_labels("一季度，全县规上工业增加值同比增长6.2%，高于目标0.7个百分点；"
                       "固定资产投资同比增长2.5%，塌目标4.5个百分点。"))
    assert got[0.7] == "规上工业增加值增速高于目标"
    assert got[4.5] == "固定资产投资增速低于目标"


def test_a_figure_compared_with_the_yearly_target_and_the_gap_to_it():
    got = dict(_labels("全县城镇调查失业率为4.6%，比年度目标5.5%低0.9个百分点。"))
    assert got[5.5] == "城镇调查失业率年度目标"
    assert got[0.9] == "城镇调查失业率低于年度目标"


def test_a_benchmark_listed_after_a_gap_shares_what_was_compared():
    got = dict(_labels("全县居民人均可支配收入增长8.1%，增速高于全市0.6个百分点、全省1.2个百分点。"))
    assert got[0.6] == "居民人均可支配收入增速高于全市"
    assert got[1.2] == "居民人均可支配收入增速高于全省"  # not …增速增速…, not 全省 alone


def test_respectively_gaps_to_listed_benchmarks_and_the_growth_gap_after_them():
    got = dict(_labels("全县出口总额分别高于甲县、乙县2.4亿元和0.6亿元，增幅高于甲县15个百分点、"
                       "乙县9个百分点。"))
    assert got[2.4] == "出口总额高于甲县" and got[0.6] == "出口总额高于乙县"
    assert got[15] == "出口总额增幅高于甲县" and got[9] == "出口总额增幅高于乙县"


# --- a label says what kind of figure it names (kind_named) -------------------------------------

@pytest.mark.parametrize(("sentence", "value", "label"), [
    # a rise in per cent is the growth rate of what rose, not its level
    ("全乡农家乐营业收入860万元，同比增长18.4%。", 18.4, "农家乐营业收入增速"),
    # a price's rise is its 涨幅
    ("十月份，猪肉价格环比上涨3.6%。", 3.6, "猪肉价格涨幅"),
    # a change in points of a rate is the rate's change
    ("全镇垃圾分类覆盖率达到92%，较上年提高4.5个百分点。", 4.5, "垃圾分类覆盖率变化"),
    # points moved by a quantity that is no rate move its growth rate
    ("全乡粮食产量增长3.2%，增幅比上年回落1.1个百分点。", 1.1, "粮食产量增幅回落"),  # a fall says its word (F-change-label)
    ("全区税收收入同比增长6.5%，比一季度加快2.3个百分点。", 2.3, "税收收入增速变化"),
    # a gap or a contribution already says what it is
    ("其中建筑业拉动全区生产总值增长0.8个百分点。", 0.8, None),
    # a rise in the quantity's own unit is its change; a rank's move, the rank's change
    ("全县市场主体比上年增加1260户。", 1260, "市场主体变化"),
    ("全县营商环境评价排名由第9位上升到第5位，前进4个位次。", 4, "营商环境评价排名变化"),
    # a change of a case-handling step is a change of the number of cases
    ("全年共办理案件930件，其中结案866件，同比上升9.7%。", 9.7, "结案数增速"),
    # a growth printed as a multiple is the growth rate too, never the bare name
    ("全县网络零售额同比增长1.5倍。", 1.5, "网络零售额增速"),
])
def test_a_change_label_names_the_change(sentence, value, label):
    got = _row(sentence, value)["indicator"]
    if label is None:
        assert not str(got).endswith("变化")
    else:
        assert got == label


@pytest.mark.parametrize(("sentence", "value", "label"), [
    # a label that already says its kind gets nothing more
    ("全区社会消费品零售总额增速为6.8%。", 6.8, "社会消费品零售总额增速"),
    # a multiple named as a ratio to its base is no growth rate
    ("全县税收收入是上年的2倍。", 2, "税收收入是上年"),
])
def test_a_label_already_saying_its_kind_or_left_to_the_unit_stays(sentence, value, label):
    assert _row(sentence, value)["indicator"] == label


@pytest.mark.parametrize(("sentence", "value", "label"), [
    # CONVENTIONS F-change-label: a fall is named by the indicator and the text's change word,
    # in per cent and in the quantity's own unit alike, never by the bare name
    ("全县道路交通事故起数同比下降23.1%。", 23.1, "道路交通事故起数下降"),
    ("全镇户籍人口比上年减少312人。", 312, "户籍人口减少"),
    ("全市生猪出栏量同比回落4.6%。", 4.6, "生猪出栏量回落"),
    # the word printed is the text's, a noun of the fall included
    ("全县粮食播种面积8.2万亩，降幅为2.4%。", 2.4, "粮食播种面积降幅"),
    # a single character before the figure stands for its word
    ("其中，一般公共预算支出降6.1%。", 6.1, "一般公共预算支出下降"),
    # a fall aimed at in per cent says it as a fall achieved does
    ("力争全县万元地区生产总值能耗下降3.5%。", 3.5, "万元地区生产总值能耗下降"),
])
def test_a_fall_is_named_by_the_texts_change_word(sentence, value, label):
    assert _row(sentence, value)["indicator"] == label


def test_a_gap_to_another_unit_is_no_fall():
    # 比全市低 says the figure is a gap; the gap names no fall of the income (F-change-label)
    got = _row("上半年某县农村居民人均可支配收入比全市低315元，增幅比全省高0.4个百分点。", 315)
    assert got["indicator"].endswith("比全市低")


def test_a_fall_label_already_ending_in_its_word_gets_it_once():
    assert _row("全县信访总量比去年少了46件。", 46)["indicator"] == "信访总量减少"
    assert _row("全县营商环境排名较上季度后退3位。", 3)["indicator"] == "营商环境排名较上季度后退"
    # a word ending in a fall's character is read whole (压减, not 减 -> 减少), and a label
    # holding the printed word already says the fall
    sentence = "全县学科类校外培训机构压减31家，压减率72.1%。"
    assert _row(sentence, 31)["indicator"] == "学科类校外培训机构压减"
    assert _row(sentence, 72.1)["indicator"] == "压减率"


def test_a_level_keeps_its_name_beside_its_growth():
    rows = [r for r in extract_from_text("全年接待游客52.3万人次，增长11.2%。") if r["kind"] != "date"]
    assert rows[0]["indicator"] + "增速" == rows[1]["indicator"]
    assert rows[0]["role"] != "change" and rows[1]["role"] == "change"


def test_a_growth_label_keeps_its_indicator_family():
    from helpers.metrics import indicator_family

    row = _row("全县规上工业增加值同比增长7.7%。", 7.7)
    assert row["indicator"].endswith("增速")
    assert row["family"] == indicator_family("规上工业增加值", "rate") is not None
