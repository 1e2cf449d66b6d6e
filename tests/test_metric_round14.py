"""Figures, round 14: calls counted with 通, places in a breakdown named with the whole's measure,
parts in brackets named with the whole's object, labels that keep the words a leading adverb's
character begins (现行, 现场, 达拉特旗).

Sentences written by the project's developers, modelled on constructions met in real bulletins
(figure sets 12 and 13); none is copied from them."""

from __future__ import annotations

from helpers import metrics


def _rows(text: str) -> list[tuple[float, str, str, str]]:
    return [(r["value"], r["unit"], r["kind"], r["indicator"])
            for r in metrics.extract_from_text(text) if r["kind"] != "date"]


def test_calls_are_counted_with_tong():
    (value, unit, kind, label), = _rows("本周市民热线共接听来电1260通。")
    assert (value, unit, kind) == (1260.0, "通", "count") and label.endswith("接听来电")
    assert [r[:3] for r in _rows("回访群众300通电话。")] == [(300.0, "通", "count")]


def test_tong_that_begins_a_word_is_no_unit():
    assert all(r[1] != "通" for r in _rows("全县发出3通知书，开展3通报批评。"))


def test_each_banner_of_a_breakdown_takes_the_wholes_measure():
    rows = _rows("本月转办各旗区诉求共900通，其中康巴什区420通，乌拉特前旗260通，达拉特旗220通。")
    assert [r[3] for r in rows] == ["转办旗区诉求", "转办旗区诉求(康巴什区)",
                                    "转办旗区诉求(乌拉特前旗)", "转办旗区诉求(达拉特旗)"]


def test_parts_by_channel_in_brackets_take_the_wholes_object():
    text = ("求助类诉求受理3200件（电话受理3000件，网络受理200件），办结3150件；"
            "表扬类诉求受理50件（电话受理45件，网络受理5件），办结50件。")
    labels = [r[3] for r in _rows(text)]
    assert labels == ["求助类诉求受理", "求助类诉求电话受理", "求助类诉求网络受理", "求助类诉求办结",
                      "表扬类诉求受理", "表扬类诉求电话受理", "表扬类诉求网络受理", "表扬类诉求办结"]


def test_a_part_named_with_its_own_noun_keeps_its_name():
    labels = [r[3] for r in _rows("全院受理执行案件860件（含旧存案件75件）。")]
    assert labels[1].endswith("旧存案件") and "受理" not in labels[1]


def test_a_leading_adverbs_character_that_begins_a_word_stays():
    labels = [r[3] for r in _rows("今年以来，现行命案同比下降20%。")]
    assert labels == ["现行命案下降"]
    labels = [r[3] for r in _rows("按时办结率、现场办结率均为100%。")]
    assert labels[1] == "现场办结率"


def test_a_leading_adverb_still_goes_where_it_is_a_word_of_its_own():
    assert [r[3] for r in _rows("今年以来全县共破获刑事案件86起。")] == ["破获刑事案件"]


def test_towns_of_a_money_breakdown_take_the_measure_without_the_first_towns_name():
    rows = _rows("项目建设方面，花明楼镇完成投资1.2亿元、道林镇完成4800万元、灰汤镇完成3100万元。")
    assert [r[3] for r in rows] == ["投资(花明楼镇)", "投资(道林镇)", "投资(灰汤镇)"]


def test_a_word_shaped_like_a_place_is_not_taken_for_the_first_place():
    rows = _rows("本周分办各区县工单共500件，其中雨花区300件，岳麓区200件。")
    assert rows[0][3].startswith("分办") and rows[1][3].endswith("(雨花区)")


def test_a_change_after_a_semicolon_is_not_read_into_the_lists_before_it():
    text = "全市受理举报640件，立案210件，分别比去年同期增长12.5%和8.2%；留置9人，同比增长50%。"
    rows = _rows(text)
    assert rows[-1][3] == "留置增速"


def test_a_bare_act_is_named_with_the_organ_printed_before_it():
    rows = _rows("第一季度，市纪委监委处置问题线索以外，县纪委处置186件，同比增长12%。")
    assert rows[0][3] == "县纪委处置" and rows[1][3] == "县纪委处置增速"


def test_an_act_with_its_object_keeps_its_name():
    assert _rows("县法院审结民事案件430件。")[0][3] == "审结民事案件"


def test_a_count_of_what_an_act_was_done_to_is_named_with_the_act():
    assert _rows("区纪委对全区46个村党组织开展了专项巡察。")[0][3] == "专项巡察村党组织"
    assert _rows("执法大队对18家餐饮店进行突击检查。")[0][3] == "突击检查餐饮店"


def test_a_count_after_dui_without_an_act_keeps_its_noun():
    assert _rows("县里对28名困难群众发放慰问金。")[0][3] != "发放慰问金困难群众"


def test_things_seized_after_the_first_are_seized_too():
    rows = _rows("民警当场缴获冰毒26.5克、麻古120粒，仿真枪2支、弹丸300发，砍刀3把。")
    assert [r[1] for r in rows] == ["克", "粒", "支", "发", "把"]
    assert "缴获" in rows[0][3] and all(r[3].startswith("缴获") for r in rows[1:])


def test_a_list_after_another_verb_does_not_take_the_seizing_verb():
    rows = _rows("缴获毒品12克，抓获嫌疑人3人，刑拘2人。")
    assert rows[1][3] == "抓获嫌疑人" and not rows[2][3].startswith("缴获")


def test_measure_words_of_seized_things_are_not_read_in_other_words():
    assert all(r[1] not in ("部", "发", "把") for r in _rows(
        "全市3个部门参加，把握3个重点，发展产业5个，6部门联动。"))
    assert _rows("扣押手机7部。")[0][1] == "部"
