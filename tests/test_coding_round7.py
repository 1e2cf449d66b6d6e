"""Rules of session 12 (issue 14, point 6): the annotation convention C-rural-environment, and
vocabulary written from the codebook's definitions.  Each rule was measured on every opened real
coding set separately and kept only if it lowered none.  Every sentence is written for these
tests (invented places and people)."""

from __future__ import annotations

import pandas as pd
import pytest
from coded import codes

from helpers.codebook import default_codebook
from helpers.coding import (
    KEPT_ONCE,
    VILLAGE_WORKS,
    code_segments,
    code_texts,
    drop_single_word_domains,
    inherit_campaigns,
)

# --- C-rural-environment: village living-environment work is agriculture_rural ---------------


@pytest.mark.parametrize("text", [
    "为改善农村人居环境，柳溪村组织村民开展房前屋后清理，共清运垃圾30车。",
    "石门镇全面推进“三清三拆”，各村拆除危旧土坯房42间。",
    "今年全乡完成农村改厕860户，户厕普及率明显提高。",
    "各村持续开展村庄清洁行动，集中清理沟渠杂草和乱堆乱放。",
])
def test_village_clean_up_is_rural_work_not_ecology(text: str) -> None:
    found = codes(text)
    assert "agriculture_rural" in found
    assert "environment" not in found


def test_a_clean_up_with_sewage_treatment_is_also_environment() -> None:
    text = "桃源镇推进农村人居环境整治，今年新建村级污水处理设施12座，生活污水治理率达到85%。"
    found = codes(text)
    assert "agriculture_rural" in found
    assert "environment" in found


def test_a_party_day_spent_on_the_village_clean_up_keeps_the_rural_code() -> None:
    # the party words describe the paragraph twice; the clean-up, named once, is still its work
    text = "青松村党支部组织党员开展人居环境整治主题党日活动，党员志愿者清理路边垃圾。"
    found = codes(text)
    assert "party_building" in found
    assert "agriculture_rural" in found


def test_a_discipline_check_of_the_clean_up_carries_both_codes() -> None:
    text = "镇纪委对各村三清三拆工作开展监督检查，对推进缓慢的2名村干部进行约谈问责。"
    found = codes(text)
    assert "discipline" in found
    assert "agriculture_rural" in found


def test_a_village_look_improved_by_a_branch_is_village_work() -> None:
    # the branch's clean-up improved the village's look: village living-environment work
    text = "此次义务劳动优化了村容村貌，增强了村党支部的凝聚力，让每一名党员都受到了教育。"
    found = codes(text)
    assert "party_building" in found
    assert "agriculture_rural" in found


def test_beautiful_countryside_as_a_slogan_is_no_village_work() -> None:
    text = "全县要以更高标准建设美丽城镇、美丽乡村，同时抓好招商引资重点项目。"
    assert "agriculture_rural" not in codes(text)


def test_the_central_tasks_listed_for_a_supervision_stay_uncoded() -> None:
    text = "镇纪委围绕农村人居环境整治、防汛救灾等中心工作，开展专项监督。"
    found = codes(text)
    assert "agriculture_rural" not in found
    assert "discipline" in found


def test_city_living_environment_is_not_village_work() -> None:
    text = "县城区开展为期10天的市容环境集中整治，努力营造良好的城市人居环境。"
    assert "agriculture_rural" not in codes(text)


def test_village_works_are_kept_when_named_once() -> None:
    assert VILLAGE_WORKS <= KEPT_ONCE
    matches = [("agriculture_rural", "domain", "三清三拆", 0, 4),
               ("discipline", "domain", "纪委", 5, 7), ("discipline", "domain", "问责", 8, 10)]
    assert drop_single_word_domains("三清三拆 纪委 问责", matches) == matches


# --- vocabulary by definition: each sub-area of a definition has its administrative terms ----


@pytest.mark.parametrize("text, code", [
    # livestock and pastoral areas (agriculture_rural)
    ("白音镇召开冬季牧业普查会议，要求摸清各牧户的牲畜存栏数。", "agriculture_rural"),
    ("全旗落实禁牧休牧和草畜平衡制度，春季休牧期为45天。", "agriculture_rural"),
    ("兽医站人员深入牧区开展接羔保育技术指导。", "agriculture_rural"),
    # forestry and fisheries as livelihoods, rural reform
    ("该乡发展林下经济，种植中药材1200亩。", "agriculture_rural"),
    ("县里稳妥推进土地流转和农村集体产权制度改革。", "agriculture_rural"),
    # pollution control, rivers, grassland (environment)
    ("执法人员查处一家企业偷排废水的违法行为。", "environment"),
    ("各乡镇全力做好秸秆双禁工作，确保不出现火点。", "environment"),
    ("县林草局组织力量开展退牧还草和湿地保护。", "environment"),
    ("全县落实建筑工地扬尘治理“六个百分百”要求。", "environment"),
    # forest and grassland fire prevention is safety as well
    ("旗里部署森林草原防灭火工作，加强野外用火管控。", "safety"),
    # policing: crimes named by their legal terms
    ("派出所侦破一起电信网络诈骗刑事案件，抓获犯罪嫌疑人2名。", "law_enforcement"),
    # stability, quality, evaluation, party building, mass line
    ("网格员每周排查矛盾隐患，推动矛盾化解在萌芽状态。", "stability"),
    ("检查组发现一家超市销售超过保质期的食品。", "quality"),
    ("政务大厅推行好差评制度，群众可对每一笔业务作出评价。", "quantified_evaluation"),
    ("村党支部开展主题党日活动，重温入党誓词。", "party_building"),
    ("驻村干部走门串户，倾听群众心声。", "mass_line"),
])
def test_a_definitions_sub_area_is_found_by_its_administrative_terms(text: str, code: str) -> None:
    assert code in codes(text)


@pytest.mark.parametrize("text, code", [
    # a herder hired as a ranger is the setting of ecological work, not herding
    ("县里从当地牧民中聘用护林员，负责巡山和防火。", "agriculture_rural"),
    # a forest named in a weather report is no forest protection
    ("预计明天森林地区有小到中雪，气温下降4到6摄氏度。", "environment"),
])
def test_words_left_out_because_they_name_settings_stay_out(text: str, code: str) -> None:
    assert code not in codes(text)


# --- article context: a drive named in one paragraph and referred to in another ---------------

_LAUNCH = ("5月8日，清水镇召开“三清三拆”环境专项整治动员会，要求各村在6月底前完成清理拆除任务，"
           "镇村干部全员参与。")
_FOLLOW = "镇纪委将对各村“三清三拆”工作开展督查，对推进缓慢的村通报批评。"
_REFER = "此次活动中，民警走进12个村宣传防范知识，发放宣传资料3000余份。"
_OPEN = "9月1日，平川县启动打击电信网络诈骗“百日攻坚”专项行动。"


def _campaigns(texts: list[str], articles: list[str] | None) -> list[bool]:
    series = pd.Series(texts, index=[f"p{i}" for i in range(len(texts))])
    keys = None if articles is None else pd.Series(articles, index=series.index)
    table = code_texts(series, default_codebook(), articles=keys)
    return table["campaign"].tolist()


def test_a_drive_named_in_one_paragraph_is_the_drive_its_name_names_in_the_next() -> None:
    assert _campaigns([_LAUNCH, _FOLLOW], ["a", "a"]) == [True, True]
    # without its article, the follow-up paragraph names no drive
    assert _campaigns([_LAUNCH, _FOLLOW], None) == [True, False]


def test_the_name_of_another_articles_drive_gives_nothing() -> None:
    assert _campaigns([_LAUNCH, _FOLLOW], ["a", "b"]) == [True, False]


def test_a_reference_back_takes_the_drive_of_an_earlier_paragraph() -> None:
    assert _campaigns([_OPEN, _REFER], ["a", "a"]) == [True, True]
    # a reference with no drive before it refers to an ordinary activity
    assert _campaigns([_REFER, _OPEN], ["a", "a"]) == [False, True]


def test_a_quoted_behaviour_inside_a_drive_is_not_the_drives_name() -> None:
    first = "县纪委把违规“造景”行为排查整治列为乡村振兴领域专项整治的重点。"
    second = "各乡镇逐一排查近三年的“造景”项目，建立问题清单。"
    assert _campaigns([first, second], ["a", "a"])[1] is False


def test_a_name_carried_on_as_routine_is_not_inherited() -> None:
    first = "今年6月，石桥社区开展为期一个月的“敲门问事”专项行动。"
    second = "此后社区常态化推进“敲门问事”，网格员每月入户一次。"
    assert _campaigns([first, second], ["a", "a"])[1] is False


def test_code_segments_adds_the_inherited_drive_with_its_offsets() -> None:
    articles = pd.DataFrame({"article_id": ["x1"], "headline": ["清水镇推进三清三拆"],
                             "text": [_LAUNCH + "\n" + _FOLLOW]})
    seg = code_segments(articles, default_codebook())
    row = seg[(seg["para_no"] == 2) & (seg["code"] == "campaign")]
    assert len(row) == 1
    start, end = int(row["start"].iloc[0]), int(row["end"].iloc[0])
    assert _FOLLOW[start:end] == "“三清三拆”"


def test_article_keys_must_match_the_texts() -> None:
    with pytest.raises(ValueError, match="article keys"):
        code_texts(pd.Series([_LAUNCH, _FOLLOW]), default_codebook(), articles=pd.Series(["a"]))


def test_inherit_campaigns_leaves_a_paragraph_that_has_the_code() -> None:
    found = [[("campaign", "mode", "专项行动", 3, 7)], [("campaign", "mode", "会战", 0, 2)]]
    assert inherit_campaigns(["……专项行动", "会战此次行动"], found) == found


# --- campaign: a contest's length is no drive's time bound (the codebook's exclusion) ----------


def test_a_tournament_of_some_days_is_no_campaign() -> None:
    text = "本届乡村篮球联赛共有12支代表队参赛，将进行为期6天的角逐。"
    assert "campaign" not in codes(text)


def test_a_drive_of_some_months_is_still_a_campaign() -> None:
    text = "县市场监管局开展为期三个月的农村假冒伪劣食品专项整治。"
    assert "campaign" in codes(text)


def test_a_contest_beside_a_named_drive_keeps_the_drive() -> None:
    # the drive is named by its own words, not only by the length
    text = "为期一个月的“百日攻坚”行动期间，镇里还举办了一场篮球比赛。"
    assert "campaign" in codes(text)


# --- mass_line practised: at the people's homes (C-practised) ----------------------------------


@pytest.mark.parametrize("text", [
    "在青石村村民家中，镇干部与村民拉起家常，记下大家反映的问题。",
    "民警分组走访辖区住户，每到一户都耐心讲解防范知识。",
    "暑假前，班主任通过家访逐一提醒家长看护好孩子。",
])
def test_work_done_at_the_peoples_homes_is_mass_line(text: str) -> None:
    assert "mass_line" in codes(text)


def test_a_home_named_as_a_crime_scene_is_no_visit() -> None:
    text = "经查，犯罪嫌疑人趁夜潜入一家商铺盗窃现金2000元。"
    assert "mass_line" not in codes(text)


# --- institution: long-acting work named as an aim is no mechanism built (C-practised) --------


@pytest.mark.parametrize("text", [
    "社区表示，防诈骗宣传今后将作为一项长效工作坚持下去。",
    "为推动理论学习常态化长效化，镇党委开展了系列主题党日活动。",
])
def test_long_acting_work_named_as_an_aim_is_no_mechanism(text: str) -> None:
    assert "institution" not in codes(text)


def test_a_mechanism_built_is_still_found_by_its_own_words() -> None:
    text = "县里建立矛盾纠纷多元化解联席会议机制，每月召开一次会议。"
    assert "institution" in codes(text)


# --- C-setting: a development zone or "industry" named as the place of other work -------------


@pytest.mark.parametrize("text, other", [
    ("近年来，开发区整合养老资源，建成15个居家养老服务中心，覆盖全区各个乡办。", "health_welfare"),
    ("市委组织部副部长到三个街道和市高新区调研基层党组织建设情况。", "party_building"),
    ("民警在开发区一家宾馆内将被非法拘禁的吴某解救，抓获犯罪嫌疑人3名。", "law_enforcement"),
])
def test_a_zone_named_as_the_place_of_other_work_is_not_economy(text: str, other: str) -> None:
    found = codes(text)
    assert other in found
    assert "economy" not in found


def test_a_zone_reported_for_its_own_growth_is_economy() -> None:
    text = "今年前三季度，经济开发区完成招商引资项目18个，工业总产值同比增长12%。"
    assert "economy" in codes(text)


# --- service: 帮扶 naming the pairing role of a cadre or a village is no service given ---------


@pytest.mark.parametrize("text", [
    "督导组询问脱贫户：结对帮扶干部多久来您家一次？",
    "会议要求帮扶村第一书记和驻村工作队积极参与本村的普查工作。",
])
def test_the_pairing_role_of_a_cadre_is_no_service(text: str) -> None:
    assert "service" not in codes(text)


def test_help_given_to_firms_is_still_service() -> None:
    assert "service" in codes("工作专班深入园区帮扶企业解决用工难题12个。")


# --- quantified_evaluation: rank, rate and plan share in their synonyms -----------------------


@pytest.mark.parametrize("text", [
    "一季度，全县规模以上工业增加值增速位居全市榜首。",
    "全县通过说事会化解纠纷，矛盾不出村比例达96%。",
    "1至6月累计完成投资36亿元，占年计划投资的62.5%。",
])
def test_rank_rate_and_plan_share_in_synonyms_are_evaluation(text: str) -> None:
    assert "quantified_evaluation" in codes(text)


def test_a_share_without_a_plan_is_no_evaluation() -> None:
    text = "该县常住人口中，城镇人口占总人口的46%。"
    assert "quantified_evaluation" not in codes(text)


# --- C-setting: what a weather report says the weather suits is its setting --------------------


def test_farm_work_named_in_a_forecast_is_no_farm_report() -> None:
    text = "预计未来三天我县以多云到晴为主，气温18至27摄氏度，利于秋收工作开展。"
    assert "agriculture_rural" not in codes(text)


def test_a_farm_report_that_names_the_weather_stays_farm_work() -> None:
    text = "面对持续高温少雨天气，镇农技站组织农技人员指导农户科学灌溉，保障秋粮生产，确保农民增收。"
    assert "agriculture_rural" in codes(text)


def test_industry_named_with_a_zones_growth_keeps_economy() -> None:
    # 工业 is no setting word: an industrial-growth paragraph naming a green firm stays economy
    text = "前三季度，园区新上节能装备等19个项目，带动园区工业产值增长9.6个百分点。"
    assert "economy" in codes(text)
