"""Issue 14, item 6: domain and mode precision on words that are on topic only in some senses,
domain words used as a venue, a roster of participants or a topic of calls, and generic
institution or service words.  Every paragraph is written for these tests (invented places,
people and figures); each says what the word must not be read as, and, where the code is
rightly there, that it still is."""

from __future__ import annotations

import pytest
from coded import codes

from helpers.coding import (
    deadline_list_spans,
    roster_spans,
    venue_spans,
)

# --- the coder's rules -----------------------------------------------------------------------

def test_a_roster_of_several_sectors_is_the_participants_not_the_subject():
    text = "会议传达了方案精神，青石镇、白沙镇、县农业农村局、县民政局作了表态发言。"
    assert [text[a:b] for a, b in roster_spans(text)[0]] == [
        "青石镇", "白沙镇", "县农业农村局", "县民政局"]
    found = codes(text)
    assert "agriculture_rural" not in found and "health_welfare" not in found


def test_a_roster_of_one_sector_keeps_its_domain():
    text = "县公安局、县检察院、县法院联合召开案件会商会。"
    assert "law_enforcement" in codes(text)


def test_a_list_of_tasks_with_a_deadline_is_an_assignment_not_a_mechanism():
    text = "各村要制定整治计划，明确包片责任人、整改措施、完成时限，按期完成。"
    assert [text[a:b] for a, b in deadline_list_spans(text)] == ["明确包片责任人、整改措施、完成时限"]
    assert "institution" not in codes(text)


def test_a_standing_answerable_person_is_still_institution():
    text = "水利站为每条山塘落实巡查责任人，汛期每天巡查一次。"
    assert "institution" in codes(text)


def test_the_venue_of_a_meeting_is_not_its_subject():
    text = "9月2日，全县招商引资推进会在县文化馆召开。"
    assert [text[a:b] for a, b in venue_spans(text)] == ["县文化馆"]
    found = codes(text)
    assert "education_culture" not in found
    assert "economy" in found


def test_topics_of_calls_before_dengfangmian_are_not_coded():
    text = "县长现场接听热线，一小时内接到学校招生、污水管网改造等方面群众来电12件。"
    found = codes(text)
    assert "education_culture" not in found and "environment" not in found
    assert "government_services" in found


def test_the_business_of_a_service_counter_is_not_the_subject():
    text = "镇便民服务中心设5个窗口，办理社会保障、民政事务、户籍咨询等业务。"
    found = codes(text)
    assert "health_welfare" not in found
    assert "government_services" in found


# --- words on topic in one sense only --------------------------------------------------------

@pytest.mark.parametrize("text, absent, present", [
    # 公安县 is a county: the renovation of its compounds is urban, not the police
    ("公安县今年改造老旧小区12个，惠及居民1800户。", "law_enforcement", "urban"),
    # the city's government-service centre is not municipal engineering
    ("镇中心与市政务服务中心联网，群众办事不出镇。", "urban", "government_services"),
    # disguised tourism is a breach of discipline, not tourism
    ("区纪委通报3起党员干部借考察之名变相旅游问题。", "education_culture", "discipline"),
    # the pollution of industry is environment
    ("环保热线本月受理工业废水直排投诉6件，已全部督促整改。", "economy", "environment"),
    # the agency of industry and IT names who certified the firms
    ("2家企业被认定为省工业和信息化领域标准化示范企业。", "economy", "quality"),
    # a school built to the standard type is education, not standardisation work
    ("新校区建成后可达到标准化学校要求，容纳学生1500名。", "quality", "education_culture"),
    # -化 slogans of modern farming
    ("该镇以规模化、标准化、机械化为重点，建设高标准农田2万亩。", "quality", "agriculture_rural"),
    # rice and oil are gifts on a visit of condolence
    ("党员干部带着大米和食用油走访困难党员，送上节日问候。", "agriculture_rural", "mass_line"),
])
def test_a_word_in_another_sense_does_not_carry_its_code(text: str, absent: str,
                                                          present: str) -> None:
    found = codes(text)
    assert absent not in found
    assert present in found


@pytest.mark.parametrize("text, code", [
    ("县市场监管局推行农业标准化生产，建成示范基地5个。", "quality"),
    ("县里推进标准化，全年制修订地方标准3项。", "quality"),
    ("县公安局破获一起电信诈骗案，抓获嫌疑人4名。", "law_enforcement"),
    ("县工业经济运行平稳，规上工业增加值同比增长7%。", "economy"),
    ("区纪委对公款旅游问题开展专项整治。", "discipline"),
])
def test_the_word_in_its_own_sense_still_counts(text: str, code: str) -> None:
    assert code in codes(text)


@pytest.mark.parametrize("text, absent", [
    # a solution, a design scheme: not a standing plan
    ("县长要求责任单位尽快落实解决方案，限期答复来电群众。", "institution"),
    ("在方案设计阶段，设计单位充分听取了居民意见。", "institution"),
    # 规划 as a verb or a park's layout
    ("设计单位结合现场条件进行科学规划。", "institution"),
    # receiving a report from the masses is not reaching them
    ("镇纪委接到群众举报后，对该村干部违规收礼问题严肃查处。", "mass_line"),
    # 帮扶 as aftercare of drug users, a hospital's help to clinics, cadres stationed in villages
    ("禁毒大队全年开展涉毒人员帮扶，落实社区康复措施。", "service"),
    ("县医院专家对乡镇卫生院进行技术指导帮扶。", "service"),
    ("支部通过驻村帮扶、红色教育等形式推动党建与乡村振兴融合。", "service"),
    # the monthly party day is a standing routine; 攻坚力量 names no drive
    ("今年全县党支部开展“主题党日”活动1300余次。", "campaign"),
    ("通过党务培训，为干部干事创业凝聚攻坚力量。", "campaign"),
    # a sector department's special inspection is not discipline supervision
    ("区安委办牵头对园区企业隐患整改情况开展专项督查。", "discipline"),
])
def test_a_generic_mode_word_in_another_sense_does_not_count(text: str, absent: str) -> None:
    assert absent not in codes(text)


@pytest.mark.parametrize("text, code", [
    ("县政府印发《城区老旧小区改造实施方案》，明确改造范围和标准。", "institution"),
    ("县里编制了“十五五”文化旅游发展规划。", "institution"),
    ("县工信局组建服务专班，对20家企业开展“一对一”帮扶。", "service"),
    ("开展为期三个月的“护河”专项行动。", "campaign"),
])
def test_the_mode_word_in_its_own_sense_still_counts(text: str, code: str) -> None:
    assert code in codes(text)


# --- a project of another sector, a notice's venue, a service brand ------------------------

def test_the_investment_in_a_school_is_education_not_economy():
    text = "新建城东小学占地40亩，总投资6200万元，设教室48间。"
    found = codes(text)
    assert "economy" not in found
    assert "education_culture" in found


def test_the_building_of_a_sewage_plant_is_environment_not_economy():
    text = "督导组查看了各乡镇污水处理项目建设进度。"
    found = codes(text)
    assert "economy" not in found
    assert "environment" in found


def test_investment_with_other_economic_evidence_stays_economy():
    text = "新建城东小学周边商业街，招商引资项目12个，总投资8亿元。"
    assert "economy" in codes(text)


def test_investment_alone_is_economy():
    text = "全县重点工程进展顺利，1-9月完成投资52亿元。"
    assert "economy" in codes(text)


def test_a_service_hall_where_a_notice_is_posted_is_a_venue():
    text = "村便民服务中心外的公示栏贴出了镇纪委对一名村干部违规收礼的通报。"
    assert [text[a:b] for a, b in venue_spans(text)] == ["村便民服务中心"]
    found = codes(text)
    assert "government_services" not in found and "service" not in found
    assert "discipline" in found


def test_a_brand_of_elderly_care_is_no_product_brand():
    text = "街道打造居家养老品牌，建成日间照料中心6个。"
    found = codes(text)
    assert "quality" not in found
    assert "health_welfare" in found


# --- folk culture, handed-down complaints, listed sites and compounds, followed plans -------

@pytest.mark.parametrize("text, absent, present", [
    # 原生态 is 'authentic' folk culture
    ("春节期间，县里举办原生态民歌展演和社火表演，吸引游客3万人次。", "environment", "education_culture"),
    # complaints handed down by an environmental inspection are environment's to rectify
    ("督导组深入砂石厂查看环保督察交办信访件整改情况，要求加快污染治理。", "stability", "environment"),
    # sites listed before 等…点位 are where the inspectors went
    ("督察组跟踪生态环境保护督察整改，调研了青山石料厂、城南工业园区污水处理厂、白鹭码头等9个点位。",
     "economy", "environment"),
    # compounds named after an agency, counted after the list
    ("商业局小区、农业局小区、粮站小区3个小区已开工改造。", "agriculture_rural", "urban"),
])
def test_a_setting_is_not_the_subject(text: str, absent: str, present: str) -> None:
    found = codes(text)
    assert absent not in found
    assert present in found


def test_grassland_ecology_is_still_environment():
    assert "environment" in codes("全旗落实草原生态保护补助奖励资金，对草场实行禁牧。")


@pytest.mark.parametrize("text, absent", [
    ("县环境局按照《扬尘整治工作方案》要求，对工地开展检查。", "institution"),
    ("3家企业建立了院士工作站，2家通过两化融合管理体系贯标。", "institution"),
])
def test_following_a_plan_or_a_firm_station_is_no_institution(text: str, absent: str) -> None:
    assert absent not in codes(text)


# --- mode recall: sweeps, upsurges, honours and progress --------------------------------------

@pytest.mark.parametrize("text, code", [
    ("各乡镇要深入企业和人员密集场所开展安全生产大检查，将此次大检查纳入年度考核。", "campaign"),
    ("全镇掀起党史学习教育热潮。", "campaign"),
    ("该调委会被司法部授予“全国模范人民调解委员会”荣誉称号。", "quantified_evaluation"),
    ("我县推进质量工作成效突出，被省政府通报表扬。", "quantified_evaluation"),
    ("项目5月开工，截至目前已完成项目施工总进度的 90%。", "quantified_evaluation"),
    ("计划年内完成总工程量的60%。", "quantified_evaluation"),
])
def test_mode_evidence_of_the_held_out_kinds_is_found(text: str, code: str) -> None:
    assert code in codes(text)


def test_a_count_of_work_done_is_no_progress_rate():
    assert "quantified_evaluation" not in codes("今年完成老旧小区改造12个，惠及居民900户。")


# --- audiences, framing tasks, and the held-out kinds of evidence ----------------------------

def test_residents_counted_at_a_stall_are_no_participation():
    text = "社区在集市摆起禁毒宣传摊12场，吸引800余名居民参与。"
    assert "mass_line" not in codes(text)


def test_pupils_taught_drug_prevention_are_its_audience():
    text = "禁毒民警走进全县28所中小学开展毒品预防教育，覆盖学生1.5万名。"
    found = codes(text)
    assert "education_culture" not in found
    assert "law_enforcement" in found


def test_a_school_report_without_prevention_stays_education():
    assert "education_culture" in codes("城东小学新学期开学，新增教师12名。")


def test_the_central_tasks_a_supervision_serves_are_not_its_subject():
    text = "镇纪委围绕人居环境整治、乡村振兴等中心工作，开展专项监督。"
    found = codes(text)
    assert "environment" not in found and "agriculture_rural" not in found
    assert "discipline" in found


@pytest.mark.parametrize("text, code", [
    ("县里开展城乡环境整治，清理垃圾死角300处。", "agriculture_rural"),
    # village living-environment work is rural work (convention C-rural-environment, session 12)
    ("全县农村人居环境整治纳入乡镇年度考核。", "agriculture_rural"),
    ("举报信被投入市委第三巡察组设置的举报信箱。", "discipline"),
    ("村党支部书记以乔迁为名违规操办酒宴20桌。", "discipline"),
    ("改造方案充分尊重百姓意见，让居民参与其中。", "mass_line"),
    ("县长一边耐心听取来电群众反映的问题，一边记录。", "mass_line"),
    ("这是他第一次接听县长热线。", "mass_line"),
])
def test_more_evidence_of_the_held_out_kinds_is_found(text: str, code: str) -> None:
    assert code in codes(text)


@pytest.mark.parametrize("text, code", [
    ("暑假前，全县中小学开展防溺水教育，在危险水域增设警示牌。", "safety"),
    ("城关镇棚户区改造项目涉及征收房屋600户。", "urban"),
])
def test_drowning_prevention_and_shanty_towns_are_found(text: str, code: str) -> None:
    assert code in codes(text)


def test_a_shanty_town_project_is_not_economy():
    assert "economy" not in codes("城关镇棚户区改造项目建设加快推进，涉及征收房屋600户。")


def test_a_clinic_among_the_sites_inspected_is_a_site():
    text = ("督导组先后深入青石砂石厂、河口镇卫生院、白沙石料厂等环保督察交办问题整改现场，"
            "要求加快污染治理。")
    found = codes(text)
    assert "health_welfare" not in found
    assert "environment" in found


def test_checking_against_a_list_of_problems_fed_back_is_no_institution():
    text = "要求各责任单位对照督察反馈问题清单逐项整改。"
    assert "institution" not in codes(text)


def test_judging_by_a_yardstick_is_evaluation():
    assert "quantified_evaluation" in codes("要坚持以项目论英雄、以亩产论英雄的鲜明导向。")


def test_retail_brought_in_keeps_an_urban_project_economic_too():
    text = "城区道路改造工程总投资1.8亿元，改造后沿街引进零售、餐饮商户90余家。"
    found = codes(text)
    assert {"economy", "urban"} <= found


def test_healthy_growth_of_pupils_is_a_slogan_not_health():
    text = "民警走进中学开展禁毒讲座，为学生健康成长营造良好环境。"
    assert "health_welfare" not in codes(text)
