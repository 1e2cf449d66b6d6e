"""quantified_evaluation needs a measure: the codebook's decision that an indicator, a standard
or an appraisal counts as evaluation when a figure, share or rank is stated (or a rate word),
not when the word alone is named (``coding.drop_unmeasured_evaluation``).  Sentences written
for these tests."""

from __future__ import annotations

from coded import codes

from helpers.coding import UNMEASURED_EVALUATION_TERMS, drop_unmeasured_evaluation

EVAL = "quantified_evaluation"


def test_an_indicator_named_without_a_measure_is_no_evaluation():
    text = "镇党委把禁毒工作细化为每个村的工作指标，落实到人，确保各项措施按时推进。"
    assert EVAL not in codes(text)


def test_an_appraisal_of_model_villagers_without_a_rank_is_no_evaluation():
    text = "村里召开群众大会，由村民代表评选出年度孝老爱亲模范五户。"
    assert EVAL not in codes(text)


def test_the_same_indicator_with_a_share_is_evaluation():
    text = "全县共分解下达工作指标12项，目前已完成9项，完成率75%。"
    assert EVAL in codes(text)


def test_a_standard_reached_with_a_rank_is_evaluation():
    text = "经考核，该乡镇水质达标，在全市综合排名中位列第二。"
    assert EVAL in codes(text)


def test_other_terms_of_the_code_are_kept_without_a_figure():
    # 考核 is not in the unmeasured words: an assessment named as work done carries the mode
    text = "县委组织部对各乡镇班子开展年度考核，考核结果与干部任用挂钩。"
    assert EVAL in codes(text)
    assert "考核" not in UNMEASURED_EVALUATION_TERMS


def test_the_rule_leaves_other_codes_alone():
    matches = [("economy", "domain", "招商", 0, 2), (EVAL, "mode", "指标", 5, 7)]
    assert drop_unmeasured_evaluation("招商引资有指标要求。", matches) == matches[:1]
