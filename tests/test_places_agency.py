"""The reporting organ (helpers.places.agency): hotline bulletins, 来源 strings with a time,
the 政协 acting through its members, and lists of organs acting as one body."""

from __future__ import annotations

import pytest

from helpers.places.agency import find_agency, source_organ


# -- a hotline's bulletin is compiled by the hotline's office named in the body -----------------
def test_hotline_bulletin_gives_the_office_named_in_the_body():
    headline = "12345便民服务热线第三周运行情况通报"
    text = ("一、总体情况\n本周共接到群众来电812件，比上周减少3%。转交责任单位790件，"
            "县热线办直接答复22件。\n二、回访情况\n满意率为98%。")
    assert find_agency(headline, text, None) == "县12345热线"  # the office's line (A-hotline)


def test_hotline_bulletin_without_a_leveled_office_has_no_organ():
    headline = "12345热线月度办理情况通报"
    text = "本月共受理诉求1200件，办结率100%。热线平台回访群众300人次。"
    assert find_agency(headline, text, None) is None


def test_hotline_office_in_a_story_that_is_no_bulletin_is_not_the_organ():
    headline = "热线员的一天"
    text = "清晨六点，接线员小王走进大厅。电话响个不停。她每天接听两百个电话，市热线办表彰了她。"
    assert find_agency(headline, text, None) is None


# -- a 来源 string with the publication time printed after the name ------------------------------
@pytest.mark.parametrize(("source", "organ"), [
    ("湘阴县热线办   2023-02-20 09:25", "县热线办"),
    ("湘阴县民政局2021-3-5", "县民政局"),
    ("湘阴县民政局  发布时间:2021-03-05 10:11:12", "县民政局"),
    ("湘阴县人大    发稿日期:2019-09-25 18:08", "县人大"),
    ("王小明 2021-09-08 15:37:22", None),
])
def test_source_with_a_publication_time(source, organ):
    assert source_organ(source) == organ


def test_people_congress_short_name_is_an_organ_only_as_a_source():
    assert source_organ("湘阴县人大") == "县人大"
    # in running text 县人大 is mostly a person's title: no organ from it there
    assert find_agency(None, "县人大代表张某来到村里走访群众。", None) is None


# -- the 政协 acting through its members or organising them -------------------------------------
@pytest.mark.parametrize(("headline", "text", "organ"), [
    ("湘阴县政协委员视察重点项目", "3月2日，委员们先后来到三个项目现场。", "县政协"),
    (None, "5月8日，市政协组织部分委员深入乡镇开展调研。", "市政协"),
    (None, "5月8日，县政协委员会召开常委会议。", "县政协委员会"),
])
def test_cppcc_members_and_organising(headline, text, organ):
    assert find_agency(headline, text, None) == organ


# -- a list of three or more organs acting as one body has no single reporting organ ------------
@pytest.mark.parametrize(("text", "organ"), [
    # attendance of a meeting held by a person
    (("6月3日，副县长李某主持召开防汛会议，县应急管理局、水利局、气象局、交通运输局等单位"
      "负责同志参加会议。"), None),
    # a work team stationed by several organs
    ("近日，县委办、县财政局、县交通局驻某村工作队组织村民开展培训。", None),
    # several organisers named as such
    ("由市委宣传部、县委宣传部、县文联等主办单位共同举办的摄影展开幕。", None),
    # two organs: the first leads
    ("由县委宣传部、县文联主办的摄影展近日开幕。", "县委宣传部"),
    # a list without a word of joint action: the first leads
    ("10月9日，县扶贫办、农业农村局、民政局等县直部门在广场开展宣传活动。", "县扶贫办"),
])
def test_list_of_organs(text, organ):
    assert find_agency(None, text, None) == organ


# -- an organ's head leading (率) its staff: the organ acts ---------------------------------------
@pytest.mark.parametrize(("text", "organ"), [
    ("3月4日，省农业农村厅副厅长王某率种植业处负责人到某县调研春耕生产。", "省农业农村厅"),
    ("5月6日，区人大常委会主任李某率部分常委会组成人员视察重点项目。", "区人大常委会"),
    # 率先 is "take the lead", no group led: the head is a person, no organ
    ("县统计局局长张某率先垂范，带头走访企业。", None),
    # 一行 (a party) makes the organ act too (CONVENTIONS A-led-group)
    ("6月1日，区政协主席刘某一行到某镇调研。", "区政协"),
    # ... but a head alone, no party, is a person
    ("6月1日，区政协主席刘某到某镇调研。", None),
])
def test_head_leading_staff(text, organ):
    assert find_agency(None, text, None) == organ


# -- national organs cited as the channel or the guide; websites as the 来源 -----------------------
@pytest.mark.parametrize(("source", "organ"), [
    ("中央纪委国家监委网站", None),
    ("某某县人民政府网", None),
    ("湘阴县纪委监委", "县纪委监委"),
])
def test_website_source_is_no_organ(source, organ):
    assert source_organ(source) == organ


@pytest.mark.parametrize(("text", "organ"), [
    ("由中央网信办某局指导，省委网信办主办的网络宣传活动在某市启动。", "省委网信办"),
    ("据中央纪委国家监委网站消息，日前，湘阴县纪委监委通报了3起典型问题。", "县纪委监委"),
    ("中央纪委近日通报了5起典型问题。", "中央纪委"),
])
def test_centre_organ_cited(text, organ):
    assert find_agency(None, text, None) == organ
