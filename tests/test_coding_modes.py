"""Mode precision on real-set constructions: when an institution, mass_line, service,
quantified_evaluation or campaign word names the mode and when it only sounds like it.  Every
paragraph is written for these tests (invented places, people and figures), modelled on the
kinds of sentence met in published county news; each asserts what must not be coded and, where
the code is rightly there, that it still is."""

from __future__ import annotations

from coded import codes

from helpers.coding import deadline_list_spans, followed_rule_spans

# --- institution -------------------------------------------------------------------------------

def test_a_leading_group_set_up_is_institution():
    assert "institution" in codes("柳河镇成立由镇长任组长的秸秆综合利用工作领导小组，统筹全镇工作。")


def test_a_leading_group_named_as_actor_or_host_is_not():
    assert "institution" not in codes("会上，县招商领导小组要主动对接客商，加强调度。")
    assert "institution" not in codes("3月2日，县文明创建领导小组办公室召开第三次会议。")


def test_levels_acting_on_one_case_are_no_structure_of_levels():
    assert "institution" not in codes("一起宅基地纠纷在镇、村两级的耐心调解下得到化解。")
    assert "institution" not in codes("镇、村两级迅速组成调解小组，当天上门。")
    # a standing structure of levels still is
    assert "institution" in codes("全县建成县、乡、村三级调解网络，实现纠纷不出村。")


def test_a_ledger_with_a_time_limit_is_an_assignment():
    text = "对群众反映的问题，要建立台账、限时解决，做到件件有回音。"
    assert [text[a:b] for a, b in deadline_list_spans(text)] == ["要建立台账、限时解决"]
    assert "institution" not in codes(text)


def test_a_list_closed_by_the_rules_it_names_stays_institution():
    text = "大厅推行首问负责、一次告知和限时办结等制度，群众少跑腿。"
    assert deadline_list_spans(text) == []
    assert "institution" in codes(text)


def test_a_law_cited_as_the_basis_is_no_rule_built():
    text = "依据《河湖管理条例》及《实施细则》等规定，县水利局对12处河道进行了检查。"
    assert [text[a:b] for a, b in followed_rule_spans(text)] == ["依据《河湖管理条例》及《实施细则》"]
    assert "institution" not in codes(text)
    # a rule drawn up is still coded
    assert "institution" in codes("县水利局制定出台《河道采砂管理办法》，明确审批程序。")


def test_a_rule_broken_is_no_rule_built():
    text = "个别村干部违反县里八项规定和乡里公务接待管理办法，公款吃喝。"
    assert [text[a:b] for a, b in followed_rule_spans(text)] == [
        "违反县里八项规定和乡里公务接待管理办法"]
    assert "institution" not in codes(text)


def test_records_and_plans_looked_into_by_a_check_are_no_mechanism():
    assert "institution" not in codes("工作组查阅了该村近三年的土地流转台账，逐户核对。")
    assert "institution" not in codes("督查组重点检查了各校防汛应急预案制定和物资储备情况。")


def test_ways_and_means_are_no_rule():
    assert "institution" not in codes("各部门要梳理措施办法，确保项目按期投产。")


def test_a_list_of_problems_and_a_technical_standard_system_are_no_mechanism():
    assert "institution" not in codes("各村对照问题清单逐项整改，确保月底前整改到位。")
    assert "institution" not in codes("合作社从建立标准体系入手，规范猕猴桃种植。")


# --- quantified_evaluation -----------------------------------------------------------------------

def test_forest_cover_describes_the_land_not_a_performance():
    assert "quantified_evaluation" not in codes("全县有林地180万亩，森林覆盖率68.5%，防火任务繁重。")


def test_a_patrol_rate_with_its_figure_is_a_performance_rate():
    assert "quantified_evaluation" in codes("今年各级河长巡河率达到100%，发现问题32个。")


def test_a_quantity_to_be_done_by_a_date_is_a_target():
    assert "quantified_evaluation" in codes("力争在6月底前完成今年新建高标准农田3.5万亩的任务。")
    assert "quantified_evaluation" in codes("年内计划改造老旧供水管网12公里以上。")
    assert "quantified_evaluation" in codes("到今年底，将有80个村建成标准化卫生室。")


def test_a_year_after_complete_is_no_target_figure():
    assert "quantified_evaluation" not in codes("确保2026年完成新区道路建设，方便群众出行。")


# --- service -----------------------------------------------------------------------------------

def test_help_to_people_in_need_is_welfare_not_the_service_mode():
    found = codes("村干部与留守老人结成帮扶对子，每周上门一次。")
    assert "service" not in found


def test_help_to_firms_stays_service_even_beside_the_elderly():
    assert "service" in codes("镇里对养老服务企业开展一对一帮扶，解决用工难题。")


# --- institution: organs -----------------------------------------------------------------------

def test_a_standing_organ_set_up_is_institution():
    assert "institution" in codes("新成立的县行政审批局承接了28个部门的审批事项。")
    assert "institution" in codes("去年该县成立了渔政综合执法中心，统一巡查湖区。")


def test_the_founding_of_the_state_and_the_general_situation_are_no_organ():
    found = codes("要以优异成绩迎接新中国成立75周年，自觉服从服务全县发展大局。")
    assert "institution" not in found


# --- campaign ----------------------------------------------------------------------------------

def test_the_party_history_study_is_a_campaign():
    found = codes("3月5日，青山镇召开党史学习教育动员大会，部署全镇学习安排。")
    assert {"campaign", "party_building"} <= found


# --- mass_line ---------------------------------------------------------------------------------

def test_a_knowledge_talk_of_a_sector_does_not_reach_the_masses():
    assert "mass_line" not in codes("镇应急办在集市开展防汛避险知识宣讲，发放手册300份。")
    assert "mass_line" not in codes("民警登船宣讲了禁渔期相关法律知识，收缴地笼2个。")


def test_explaining_policy_among_the_people_still_does():
    assert "mass_line" in codes("乡干部骑摩托进山宣讲惠农补贴政策，覆盖牧民800余人。")


def test_mediation_face_to_face_and_visits_to_investigate_are_not_mass_line():
    found = codes("司法所组织两名当事人面对面调解，当场签订协议。")
    assert "mass_line" not in found and "stability" in found
    assert "mass_line" not in codes("调解员走访调查了解纠纷经过，查阅当年合同。")


def test_an_upsurge_raised_and_a_launch_ceremony_are_a_campaign():
    assert "campaign" in codes("全县上下掀起一轮整治违规占道经营、乱搭乱建的高潮。")
    assert "campaign" in codes("当天，县里举行全民反诈宣传活动启动仪式。")


# --- domains: an address is no subject ---------------------------------------------------------

def test_the_address_of_a_site_names_no_domain():
    from helpers.coding import venue_spans

    text = "城管队员拆除了位于县教育局大门右侧的两处违建棚房。"
    assert [text[a:b] for a, b in venue_spans(text)] == ["县教育局大门右侧"]
    found = codes(text)
    assert "education_culture" not in found and "urban" in found


def test_a_farm_product_made_the_leading_industry_is_agriculture_not_economy():
    found = codes("该镇把高山蜜柚作为农户增收的主导产业，扩大种植面积3000亩。")
    assert "economy" not in found and "agriculture_rural" in found


def test_a_leading_industry_alone_stays_economy():
    assert "economy" in codes("全区把新能源装备作为主导产业，今年引进企业12家。")


def test_a_development_programme_named_an_action_is_no_campaign():
    assert "campaign" not in codes("县里实施“专精特新”企业培育行动，三年内培育企业30家。")
    assert "campaign" not in codes("深入开展百亿产业提升行动和老旧设备改造行动。")
    # a named operation still is
    assert "campaign" in codes("县公安局开展“清风”统一行动，抓获嫌疑人9名。")


def test_a_roster_closed_by_and_is_the_participants_too():
    from helpers.coding import roster_spans

    text = "县城管局、县农业农村局及青石镇政府联合组成工作组，拆除违建4处。"
    assert [text[a:b] for a, b in roster_spans(text)[0]] == ["县城管局", "县农业农村局", "青石镇"]
    found = codes(text)
    assert "agriculture_rural" not in found and "urban" in found


def test_the_central_tasks_a_drive_is_combined_with_are_not_its_subject():
    from helpers.coding import purpose_spans

    text = "镇党委把软弱涣散党组织整顿与乡村振兴、禁毒等重点工作相结合，整顿村党支部3个。"
    assert any(text[a:b].startswith("与乡村振兴") for a, b in purpose_spans(text))
    found = codes(text)
    assert "agriculture_rural" not in found and "law_enforcement" not in found
    assert "party_building" in found
