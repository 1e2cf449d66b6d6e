"""Coding, round 14: 健康 as an adjective (积极健康, 平稳健康) is no health care.

Paragraphs written by the project's developers."""

from __future__ import annotations

from coded import codes


def test_healthy_as_an_adjective_is_no_health_care():
    text = "文艺汇演展现了全镇群众积极健康、昂扬向上的精神风貌，全县经济保持平稳健康态势。"
    assert "health_welfare" not in codes(text)


def test_health_care_is_still_health_care():
    assert "health_welfare" in codes("乡镇卫生院为65岁以上老人开展免费健康体检，村医上门随访。")


def test_a_party_organ_inspected_in_a_discipline_report_is_no_party_building():
    text = "按照区委部署，区委第二巡察组进驻区教育局机关党支部，开展为期两个月的常规巡察。"
    found = codes(text)
    assert "discipline" in found and "party_building" not in found


def test_building_a_party_organ_in_a_discipline_report_is_still_party_building():
    text = "区纪委监委督促各村加强党组织建设，推动巡察整改落实。"
    assert "party_building" in codes(text)
