"""Indicator labels, round 11 (issue 13): the classes the blind judges of the ninth figure set
rejected most, on sentences written for these tests."""

from __future__ import annotations

from helpers.metrics import extract_from_text


def _names(sentence: str) -> dict[float, str | None]:
    """value -> indicator of each non-date row (the values of a test sentence differ)."""
    return {r["value"]: r["indicator"] for r in extract_from_text(sentence) if r["kind"] != "date"}


# --- a measure named without its product takes the product named before ----------------------

def test_fruit_measures_after_the_first_take_the_fruit():
    got = _names("今年全镇柑橘种植面积达3.6万亩，挂果面积2.1万亩，预计实现总产4.8万吨，总产值5.5亿元。")
    assert got[2.1] == "柑橘挂果面积"
    assert got[4.8] == "柑橘总产"
    assert got[5.5] == "柑橘总产值"  # not the output's 总产 + 总产值


def test_sales_take_the_product_printed_before_the_agent_word():
    got = _names("目前全县柑橘销售已近尾声，全县以沃柑为主的晚熟柑橘累计销售3.1万吨。")
    assert got[3.1] == "晚熟柑橘销售"


def test_a_class_after_a_description_names_the_next_measures():
    got = _names("以砂糖橘为主的早熟品种1.2万亩，挂果6300亩，总产2.4万吨。")
    assert got[6300] == "早熟品种挂果面积"
    assert got[2.4] == "早熟品种总产"


def test_a_repeated_price_is_the_first_price_without_its_month():
    got = _names("该县1月份收购生猪均价15.2元/公斤，2月份均价14.8元/公斤，到3月份跌至13.1元/公斤。")
    assert got[14.8] == "收购生猪均价"
    assert got[13.1] == "收购生猪均价"


def test_a_bare_yearly_output_takes_the_crop_of_the_area_before():
    got = _names("全县核桃种植面积有12万亩，年产量达3万吨。")
    assert got[3] == "核桃年产量"


# --- the normal a forecast is compared with ---------------------------------------------------

def test_a_value_in_brackets_after_the_normal_is_the_normal():
    got = _names("预计全县平均降水量为420~460毫米，较常年同期(505.3毫米)偏少1~2成。")
    assert got[505.3] == "常年同期平均降水量"
    assert got[420] == "平均降水量"  # (the range before: its low end is no part of the name)


def test_a_departure_from_the_normal_names_its_measure_and_way():
    got = _names("平均气温为8.2~8.7℃，较常年同期(7.6℃)偏高0.6~1.1℃。")
    assert got[7.6] == "常年同期平均气温"
    assert got[0.6] == "平均气温较常年同期偏高"
    low = _names("预计全市平均降水量为30~40毫米，较常年同期(52.4毫米)偏少2~3成。")
    assert low[2] == "平均降水量较常年同期偏少"  # 偏少 said once, not made 偏减少


def test_last_years_growth_in_brackets_is_a_growth():
    got = _names("全镇实现工业增加值8600万元，增长7.4%，较上年同期(2.9%)明显加快。")
    assert got[2.9] == "上年同期工业增加值增速"


def test_a_change_on_the_week_before_names_its_subject():
    got = _names("本周共接报各类警情1320起，较前一周环比下降8.40%。")
    assert got[8.4].startswith("接报警情") and got[8.4].endswith("下降")


# --- a share printed after its count in the same clause ---------------------------------------

def test_a_share_after_a_count_is_the_share_of_what_was_counted():
    got = _names("咨询812件 占比 41.26%")
    assert got[41.26] == "咨询占比"


# --- parts of a sentence that repeat one measure ----------------------------------------------

def test_parts_repeating_a_measure_are_told_apart_by_their_subject():
    got = _names("全年全县风灾受灾人口1204人，农作物受灾面积88.5公顷，直接经济损失96.4万元；"
                 "冰雹受灾人口2310人，农作物受灾面积140.2公顷，直接经济损失210.7万元。")
    assert got[88.5] == "风灾农作物受灾面积"
    assert got[140.2] == "冰雹农作物受灾面积"
    assert got[210.7] == "冰雹直接经济损失"
    assert got[1204] == "风灾受灾人口"  # its own name holds the subject already


def test_transport_modes_repeating_passengers_are_told_apart():
    got = _names("全市长途客运运送乘客约12.4万人次；全市地铁累计投入运力3.2万列次，运送乘客约260万人次。")
    assert got[260] == "地铁运送乘客"
    assert got[12.4] == "长途客运运送乘客"


def test_a_measure_printed_once_keeps_its_name():
    got = _names("全年雪灾受灾人口3100人，农作物受灾面积60.2公顷；洪涝受灾人口4200人，成灾面积30.5公顷。")
    assert got[30.5] == "成灾面积"


# --- the items of a count keep the count's action ---------------------------------------------

def test_items_of_cases_solved_are_cases_solved():
    got = _names("侦破63起刑事案件中，入室盗窃案件41起、诈骗案件15起、抢夺案7起。")
    assert got[41] == "侦破入室盗窃案件"
    assert got[7] == "侦破抢夺案"


def test_an_item_after_qizhong_takes_the_catch():
    got = _names("全年共抓获各类违法人员52人，其中赌博人员17人。")
    assert got[17] == "抓获赌博人员"


def test_a_count_with_its_own_verb_ends_the_items():
    got = _names("该所破获侵财案件26起，其中入室盗窃9起，追回赃款3万元，收缴管制刀具12把。")
    assert got[12] == "收缴管制刀具"


def test_items_of_a_stock_stay_as_they_are():
    got = _names("全镇共有低保对象320户，其中农村低保户286户。")
    assert not got[286].startswith("共有")


# --- an area named by what is built or planted after it ---------------------------------------

def test_an_area_built_is_the_area_of_what_is_built():
    got = _names("到2025年，新建3万亩高标准生态茶园，改建1.5万亩老茶园。")
    assert got[3] == "新建高标准生态茶园"
    assert got[1.5] == "改建老茶园"


def test_an_area_before_a_clause_takes_no_clause():
    got = _names("她家8亩柑橘今年大丰收。")
    assert "丰收" not in (got[8] or "")


# --- offices ranked by a count ----------------------------------------------------------------

def test_offices_ranked_by_a_count_name_what_is_counted():
    got = _names("来电数量较多的部门为：人力资源和社会保障局932件(同比上升12.40%)，教育局518件(同比下降6.10%)。")
    assert got[932] == "人力资源和社会保障局来电数"
    assert got[518] == "教育局来电数"
    assert got[12.4].startswith("人力资源和社会保障局来电数")
    assert got[6.1].startswith("教育局来电数")


def test_an_office_without_a_ranking_heading_keeps_its_name():
    got = _names("城市管理局受理投诉86件。")
    assert "数" not in got[86]


# --- a chain of counts closed by what befell them ---------------------------------------------

def test_a_chain_of_counts_closed_by_a_disaster_is_of_those_hit():
    got = _names("此次洪涝共造成3个乡镇17个村民小组428户1320人受灾。")
    assert got[3] == "受灾乡镇"
    assert got[17] == "受灾村民小组"
    assert got[428] == "受灾户数"
    assert got[1320] == "受灾人数"


def test_counts_with_a_verb_between_are_no_chain():
    got = _names("全县转移群众86人，3人受伤。")
    assert got[86] != "受伤人数"


# --- a programme's payment named by its verb alone --------------------------------------------

def test_a_payment_named_by_its_verb_takes_the_programme_before():
    got = _names("全年孤儿基本生活费累计发放86.4万元，累计保障1.2万人次，临时救助累计3200人次，累计发放95.5万元。")
    assert got[1.2] == "孤儿基本生活费保障"
    assert got[95.5] == "临时救助发放"  # 救助 names the programme, it stays


def test_a_count_of_persons_paid_is_left_to_its_own_rules():
    got = _names("受理司法救助案件40件，发放42人。")
    assert not got[42].startswith("受理")


# --- items of a list that print only their level ----------------------------------------------

def test_a_level_alone_after_a_named_item_takes_its_name():
    got = _names("该县获国家级示范称号12项、省级26项。")
    assert got[26] == "获省级示范称号"


def test_levels_listed_before_a_shared_name_take_it():
    got = _names("共有4个国家级、15个省级重点实验室在园区运行。")
    assert got[4] == "国家级重点实验室"
    assert got[15] == "省级重点实验室"


# --- a fall in points says its printed word (CONVENTIONS F-change-label) ----------------------

def test_a_narrowing_in_points_says_it_narrowed():
    got = _names("全县居民消费价格同比上涨0.9%，涨幅较上月收窄1.4个百分点。")
    assert got[1.4].endswith("涨幅收窄")


def test_a_rise_in_points_stays_a_change():
    got = _names("全县规上工业增加值增长7.2%，增速较一季度加快2.3个百分点。")
    assert got[2.3].endswith("增速变化")


# --- a change after a clause that says what moved ---------------------------------------------

def test_a_change_after_a_clause_naming_what_fell_is_of_that():
    got = _names("水产品价格继续下降，同比下降7.3%。")
    assert got[7.3] == "水产品价格下降"


def test_a_change_after_a_figure_keeps_that_figure_as_its_subject():
    got = _names("全县粮食总产12.6万吨，同比下降2.1%。")
    assert got[2.1].startswith("粮食总产")
