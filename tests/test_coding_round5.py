"""Rules kept in issue 14, point 6, round 5 (modes): each raised the score of at least two real
coding sets it was not derived from and lowered none by more than 0.01 in the leave-one-set-out
table of the round's report.  Every sentence is written for these tests (invented places and
people)."""

from __future__ import annotations

from coded import codes

from helpers.coding import (
    MASSES_CODE,
    drop_unreached_masses,
    face_reaches_masses,
)

# --- mass_line follows who is reached: 面对面 ----------------------------------------------------


def test_face_to_face_talk_with_the_parties_of_one_dispute_reaches_no_masses():
    text = ("为化解这起土地纠纷，桃源乡组成调解小组，先后与双方亲属沟通。"
            "在征得同意后，调解员再与张某、李某本人进行面对面交流，两人最终签订调解协议。")
    assert MASSES_CODE not in codes(text)
    assert "stability" in codes(text)


def test_face_to_face_talk_with_a_village_official_about_an_application_reaches_no_masses():
    text = ("县市场监管局工作人员听取了青山村负责同志关于茶叶商标申报进展的介绍，"
            "就申报材料要求进行了面对面交流，并提出指导意见。")
    assert MASSES_CODE not in codes(text)


def test_face_to_face_with_the_masses_still_counts():
    text = "副县长在县信访接待大厅接待来访群众，与群众面对面交流，了解诉求。"
    assert MASSES_CODE in codes(text)


def test_face_to_face_publicity_counts_when_publicity_is_named_in_the_clause_before():
    text = "民警走进集市开展防诈宣传，一对一、面对面讲解常见骗术。"
    assert MASSES_CODE in codes(text)


def test_face_reaches_masses_looks_at_its_clause_and_the_one_before_only():
    text = "镇里召开群众大会，会后干部与企业主座谈，双方面对面交流。"
    start = text.index("面对面")
    # 群众 stands two clauses back: the talk itself is with business owners
    assert not face_reaches_masses(text, start, start + 3)
    text2 = "干部走进村民家中，面对面交流。"
    start2 = text2.index("面对面")
    assert face_reaches_masses(text2, start2, start2 + 3)


# --- mass_line follows who is reached: a civil-affairs office's visits ------------------------


def test_civil_affairs_visits_that_check_eligibility_are_welfare_provision():
    text = ("为掌握困难群众最新情况，白沙镇组织民政干部进村入户，走访重病、重残家庭，"
            "核实家庭收入，将符合条件的边缘户及时纳入低保。")
    assert MASSES_CODE not in codes(text)


def test_a_civil_affairs_bureaus_holiday_visits_are_not_the_mass_line():
    text = "春节前夕，县民政局开展走访慰问活动，为五个乡镇一百余户困难群众送去米面油和慰问金。"
    assert MASSES_CODE not in codes(text)


def test_leaders_holiday_visits_stay_the_mass_line():
    text = "春节前夕，县委书记带队走访慰问困难党员和老农民，为他们送去慰问金。"
    assert MASSES_CODE in codes(text)


def test_civil_affairs_paragraph_with_another_mass_line_word_keeps_the_mode():
    matches = [(MASSES_CODE, "mode", "走访", 10, 12), (MASSES_CODE, "mode", "听取群众意见", 20, 26)]
    text = "县民政局干部到村里走访困难户，认真听取群众意见并记录在册。"
    assert drop_unreached_masses(text, matches) == matches


def test_visits_without_a_civil_affairs_office_are_kept():
    text = "社区网格员逐户走访独居老人，了解他们的生活困难。"
    matches = [(MASSES_CODE, "mode", "走访", 6, 8)]
    assert drop_unreached_masses(text, matches) == matches
