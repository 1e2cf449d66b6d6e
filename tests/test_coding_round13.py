"""Rules of session 13 (issue 14, point 6): the eight-point rules' conduct as discipline, a party
post as an offender's title, poor-household registration and industrial sewage as settings.
Every sentence is written for these tests (invented places and people)."""

from __future__ import annotations

import pytest
from coded import codes


@pytest.mark.parametrize("text", [
    "国庆期间，检查组重点查纠公车私用、违规吃喝等问题。",
    "通报指出，大吃大喝、违规收送礼品礼金等问题是节日期间的多发病。",
])
def test_the_conduct_the_eight_point_rules_forbid_is_discipline(text):
    assert "discipline" in codes(text)


def test_an_offenders_party_post_is_no_party_building():
    text = ("经查，某村原党总支书记王某某违规发放补贴资金2万元，受到镇纪委党内警告处分。")
    assert "discipline" in codes(text)
    assert "party_building" not in codes(text)


def test_a_party_branch_at_work_beside_discipline_stays_party_building():
    text = "镇纪委联合各村党组织开展廉政教育，党员干部参加警示教育大会。"
    assert {"discipline", "party_building"} <= codes(text)


def test_poor_household_registration_is_no_institution():
    assert "institution" not in codes("驻村工作队覆盖全县21个建档立卡贫困村。")


def test_a_file_system_built_is_institution():
    assert "institution" in codes("该镇为每户困难群众建档，实行动态管理。")


def test_industrial_sewage_is_no_economy():
    assert "economy" not in codes("某公司将工业污水排入雨水管网，被生态环境局罚款20万元。")


@pytest.mark.parametrize("text", [
    "五一假期前后，区纪委组织3个检查组，对各单位值班纪律开展专项督查。",
    "国庆前夕，县应急管理局组织开展安全生产大检查。",
])
def test_a_check_timed_by_a_holiday_is_no_campaign(text):
    assert "campaign" not in codes(text)


def test_a_check_with_no_holiday_stays_a_campaign():
    assert "campaign" in codes("县市场监管局在全县开展食品安全专项检查。")


def test_a_named_drive_in_a_holiday_stays_a_campaign():
    assert "campaign" in codes("春节期间，县公安局开展“冬季攻势”专项行动。")


def test_a_notice_served_on_one_party_is_no_institution():
    assert "institution" not in codes("检查组当场下发《责令整改通知书》，要求其限期整改。")


def test_a_plan_issued_is_institution():
    assert "institution" in codes("县政府办印发《农村人居环境整治实施方案》。")
