"""Numbers that are not reported quantities give no row (issue 13, part 3).

Every sentence here was written for these tests; the expected rows are what a reader finds.
Dates and periods come out as kind ``date`` (never as a count or a bare number).
"""

from __future__ import annotations

import pytest

from helpers.metrics import extract_from_text


def figures(sentence: str) -> list[tuple[float, str, str]]:
    """(value, unit, kind) of the rows that are not dates."""
    return [(r["value"], r["unit"], r["kind"]) for r in extract_from_text(sentence)
            if r["kind"] != "date"]


def dates(sentence: str) -> list[str]:
    return [r["indicator"] for r in extract_from_text(sentence) if r["kind"] == "date"]


@pytest.mark.parametrize("sentence,expected", [
    # phases of a project or an estate
    ("新区污水厂二期工程上月动工，三期项目完成投资1.5亿元。", [(1.5, "亿元", "money")]),
    ("住在阳光花园小区三期的业主反映停车难。", []),
    ("该园区二期建成后可容纳企业40家。", [(40, "家", "count")]),
    # a count of issues with 期 stays a count
    ("今年共编发工作简报18期，印发宣传册5000份。",
     [(18, "期", "count"), (5000, "份", "count")]),
])
def test_phases_are_no_counts(sentence, expected):
    assert figures(sentence) == expected


@pytest.mark.parametrize("sentence,expected", [
    ("全镇扎实推进“五个一”帮扶机制，对照“两不愁三保障”逐户排查。", []),
    ("各级干部牢固树立“四个意识”，做到两个维护。", []),
    ("全市打好三大攻坚战，实施六大提升行动，新建村级服务站26个。", [(26, "个", "count")]),
    ("该村推行五户联保，落实“一户一档”，发展一二三次产业融合。", []),
    # a short quoted slogan is a name; a quoted speech keeps its figures (and is quoted)
    ("开展“百村千户”结对活动，结对干部320名。", [(320, "名", "count")]),
    ("全面推行“两天办结”承诺，建成“10分钟健身圈”23个。", [(23, "个", "count")]),
    ("村民说：“以前跑三趟，现在两天就办好了。”", [(2, "天", "duration")]),  # speech: a row
])
def test_slogans_and_named_programmes_are_no_counts(sentence, expected):
    assert figures(sentence) == expected


def test_an_age_in_a_description_is_an_age():
    rows = figures("村民赵某某（67岁）家住新村小区二期，去年种植烟叶12亩。")
    assert rows == [(67, "岁", "age"), (12, "亩", "area")]


@pytest.mark.parametrize("sentence,expected", [
    ("详情请登录https://www.example.gov.cn/zwgk/2024/05/17/art_3321_889.html查询。", []),
    ("相关政策已在www.example.gov.cn/col/col1234/公开。", []),
    ("意见可发至xinfang2024@example.gov.cn，已收到建议86条。", [(86, "条", "count")]),
])
def test_numbers_of_addresses_are_no_figures(sentence, expected):
    assert figures(sentence) == expected


@pytest.mark.parametrize("sentence,expected", [
    ("群众可拨打12345热线或0745-8223456反映诉求。", []),
    ("县12345政务服务便民热线本月受理来电3250件。", [(3250, "件", "count")]),
    ("110指挥中心全年接警1.2万起，120急救中心出车860次。",
     [(1.2, "万起", "count"), (860, "次", "count")]),
    ("举报电话：0739-5321234，联系手机13907391234。", []),
    ("报社热线 :26881234", []),
    ("热线共转办工单1320件。", [(1320, "件", "count")]),
])
def test_phone_and_hotline_numbers_are_names(sentence, expected):
    assert figures(sentence) == expected


@pytest.mark.parametrize("sentence,expected", [
    ("根据《实施方案》（永政发〔2022〕15号）要求，落实资金300万元。",
     [(300, "万元", "money")]),
    ("依据县政办秘〔20219号通知执行。", []),  # a malformed number, as pages print them
    ("按照[2023]7号文件和第12号令，依照第三十五条处理。", []),
    ("[ 索引号 ] | 431100000/2023-01234 | [ 发文字号 ] | 县财发〔2023〕9号", []),
    ("项目部设在建设路128号，共投入机械25台。", [(25, "台", "count")]),
])
def test_document_article_and_house_numbers_are_no_figures(sentence, expected):
    assert figures(sentence) == expected


@pytest.mark.parametrize("sentence,expected", [
    ("县委十五届四次全会审议通过了报告。", []),
    ("县十七届人大三次会议和第二次党代会相继召开。", []),
    ("政协九届委员共提交提案128件。", [(128, "件", "count")]),
    # a number of meetings is a count
    ("今年以来召开专题会议9次，督办事项46项。", [(9, "次", "count"), (46, "项", "count")]),
])
def test_session_numbers_are_no_counts(sentence, expected):
    assert figures(sentence) == expected


@pytest.mark.parametrize("sentence,expected", [
    ("1.夯实基层基础。", []),
    ("2、完善工作机制；3.强化督查问责。", []),
    ("（二）加强队伍建设，培训骨干180人次。", [(180, "人次", "count")]),
    ("(4)压实属地责任。", []),
    ("一是抓统筹，二是抓落实。", []),
    ("具体数据见附件3和图2。", []),
    ("全国人大代表5人参加视察。", [(5, "人", "count")]),  # 代表 + 5人: a count
    ("增长1.5%。", [(1.5, "%", "rate")]),  # a decimal is no list number
])
def test_list_ordinals_and_captions_are_no_figures(sentence, expected):
    assert figures(sentence) == expected


@pytest.mark.parametrize("sentence,expected", [
    ("所有产品须符合GB 2763-2021标准，沿S312省道设置检测点4处。", [(4, "处", "count")]),
    ("企业通过GB/T 19001-2016认证，新建5G基站42个。", [(42, "个", "count")]),
    ("全县新增4A级景区1家。", [(1, "家", "count")]),
    ("PM2.5平均浓度下降3.1%。", [(3.1, "%", "rate")]),
    # a unit in Latin letters is no code: the 60 stays, with its printed unit (F-unit)
    ("限速60km/h的路段有8条。", [(60, "km/h", "other"), (8, "条", "count")]),
])
def test_standards_and_codes_are_no_figures(sentence, expected):
    assert figures(sentence) == expected


@pytest.mark.parametrize("sentence,expected_dates,expected", [
    ("2023年度考核结果显示，满意率为96.5%。", ["2023年度"], [(96.5, "%", "rate")]),
    ("事故发生在凌晨2时15分，过火面积约30平方米。", ["凌晨2时15分"],
     [(30, "平方米", "area")]),
    ("记者于下午3点半赶到现场。", ["下午3点半"], []),
    ("2025年03月18日 08:45 来源：县融媒体中心", ["2025年03月18日08:45"], []),
    # run together as pages print them: 2024年5月份, 截至9月30日
    ("关于20245月份重点项目进展情况的通报", ["20245月份"], []),
    ("截至930日，已完成项目38个。", ["930日"], [(38, "个", "count")]),
    # periods: month and year ranges, the first months of a year
    ("1-6月，全县实现税收4.3亿元。", ["1-6月"], [(4.3, "亿元", "money")]),
    ("今年1至8月份受理案件560件。", ["今年1至8月份"], [(560, "件", "count")]),
    ("从2016-2020年，累计投入资金2亿元。", ["2016-2020年"], [(2, "亿元", "money")]),
    ("今年前8个月，全县新增市场主体3100户。", ["今年前8个月"], [(3100, "户", "count")]),
    ("10月1号起施行。", ["10月1号"], []),
])
def test_dates_times_and_periods_are_dates(sentence, expected_dates, expected):
    assert dates(sentence) == expected_dates
    assert figures(sentence) == expected


@pytest.mark.parametrize("sentence,expected", [
    ("三天前递交的材料今天就批了。", []),  # a time reference, not a duration
    ("审批时限压缩至3天。", [(3, "天", "duration")]),
    ("按每1分兑换1元的标准，累计兑换物品折合4500元。", [(1, "元", "money"),
                                                (4500, "元", "money")]),
])
def test_relative_times_and_conversion_bases(sentence, expected):
    assert figures(sentence) == expected


def test_a_quoted_anecdote_stays_a_row_marked_quoted():
    rows = extract_from_text("“去年我家卖橙子挣了3万元，”果农老李笑着说，全村果园共800亩。")
    got = [(r["value"], r["unit"], r["quoted"]) for r in rows]
    assert got == [(3, "万元", True), (800, "亩", False)]


def test_a_year_shaped_count_is_still_a_count():
    assert figures("全年执行到位案件2019件。") == [(2019, "件", "count")]


def test_a_top_n_rank_is_a_rank_and_a_list_header_no_figure():
    rows = extract_from_text("全县营商环境评价得分位居全省前五名。")
    assert [(r["value"], r["kind"], r["qualifier"]) for r in rows] == [(5, "rank", "under")]
    # a top-N that introduces a list ranks categories, not the locality: no row
    header = extract_from_text("投诉量排在前两位的问题：物业服务类96件、噪音扰民类41件。")
    assert [(r["value"], r["unit"]) for r in header] == [(96, "件"), (41, "件")]


def test_a_range_of_ranks_and_a_move_in_a_ranking():
    rows = extract_from_text("考核结果居第5名至第9名的乡镇为一般等次。")
    assert [(r["value"], r["value_low"], r["value_high"], r["kind"]) for r in rows] == [
        (5, 5, 9, "rank")]
    move = extract_from_text("该县群众安全感排名较上年后退了2位。")
    assert [(r["value"], r["kind"], r["role"], r["direction"]) for r in move] == [
        (2, "rank", "change", "down")]
    up = extract_from_text("综合考核排位上升4个位次。")
    assert [(r["value"], r["kind"], r["direction"]) for r in up] == [(4, "rank", "up")]


@pytest.mark.parametrize("sentence,expected", [
    # the pool a rank is taken in, repeated before each rank
    ("全市18个区县排名第5，同比下降6.2%，全市18个区县排名第9。",
     [(5, "", "rank"), (6.2, "%", "rate"), (9, "", "rank")]),
    ("在全省96个县中位列第12位。", [(12, "位", "rank")]),
    # a list header is no rank and no count
    ("反映问题前5位的分别是：", []),
    # a hotline's number as a name
    ("其中，东城12345受理3120个，占41.2%。", [(3120, "个", "count"), (41.2, "%", "rate")]),
    # named sets of rules, campaigns, slogans, vague sizes, roads, anniversaries, periods
    ("全县严格落实中央八项规定精神，查处问题12起。", [(12, "起", "count")]),
    ("启动道路安全三年攻坚战，开展三年行动。", []),
    ("推行“放管服”12字改革，办件提速。", []),
    ("工业投资连续三年保持两位数增长。", [(3, "年", "duration")]),
    ("208国道改造完工，新建桥梁4座。", [(4, "座", "count")]),
    ("迎接建党100周年，举办展览6场。", [(6, "场", "count")]),
    ("近五年来，全县新增造林9.6万亩。", [(9.6, "万亩", "area")]),
    ("合理安排今年后8个月的工作。", []),
])
def test_pools_headers_hotlines_and_names_are_no_counts(sentence, expected):
    assert figures(sentence) == expected


def test_party_congresses_are_no_counts():
    assert figures("深入学习党的二十大和党的十九大精神。") == []


# --- set 3 causes (issue 13): own sentences modelled on the constructions met ---------------

@pytest.mark.parametrize("sentence,expected", [
    # a league's name, an idiom, the base of a comparison, codes and timestamps
    ("引进国内500强企业投资项目不少于2个。", [(2, "个", "count")]),
    ("他三天两头往镇里跑。", []),
    ("与前三年平均数相比下降12%。", [(12, "%", "rate")]),
    ("发布时间：2023-05-16 09:42 来源：县水利局", []),
    ("举报地址：县纪委信访室，邮编：321400。", []),
    ("联系电话：0571-6612345、6612346", []),
])
def test_names_codes_and_timestamps_of_set_three(sentence, expected):
    assert figures(sentence) == expected


def test_a_middle_dot_before_a_percent_is_a_decimal_point():
    assert figures("交通类价格上涨3·4%，衣着类下降0.6%。") == [(3.4, "%", "rate"),
                                                          (0.6, "%", "rate")]
    # the dot of a named day stays no number
    assert figures("围绕“3·15”开展宣传。") == []


def test_scores_named_once_for_the_sentence():
    rows = extract_from_text("本季度12个乡镇平均得分92.5分，较上季度提高1.8分。")
    scores = [(r["value"], r["kind"], r["role"], r["direction"]) for r in rows
              if r["unit"] == "分"]
    assert scores == [(92.5, "score", "level", None), (1.8, "score", "change", "up")]


def test_a_crop_weight_in_dan():
    assert figures("当年收获烤烟 640 担。") == [(640, "担", "weight")]


def test_a_move_between_two_ranks_gives_the_two_ends():
    rows = extract_from_text("全县综合考核位次由第二位下滑到第五位。")
    assert [(r["value"], r["kind"], r["role"], r["direction"]) for r in rows] == [
        (2, "rank", "from", "down"), (5, "rank", "to", "down")]
    assert rows[0]["pair"] is not None and rows[0]["pair"] == rows[1]["pair"]
    up = extract_from_text("在全市12个县区考核排名中，我县由一季度的第9位上升到第4位。")
    assert [(r["value"], r["role"], r["direction"], r["period"]) for r in up
            if r["kind"] != "date"] == [(9, "from", "up", "一季度"), (4, "to", "up", None)]


def test_a_unit_printed_once_after_a_list_of_three():
    rows = extract_from_text("受理率、办结率、满意率分别提升1.25、0.8、2.1个百分点。")
    assert [(r["value"], r["unit"], r["indicator"]) for r in rows] == [
        (1.25, "个百分点", "受理率变化"), (0.8, "个百分点", "办结率变化"),
        (2.1, "个百分点", "满意率变化")]


def test_an_amount_in_yi_after_a_measure_of_money_is_money():
    rows = extract_from_text("前三季度，全区实现地区生产总值48.2亿，增长6.1%。")
    assert [(r["value"], r["kind"], r["value_std"]) for r in rows if r["kind"] != "date"] == [
        (48.2, "money", 4.82e9), (6.1, "rate", 6.1)]
    # a population in 万 stays no money
    assert [r["kind"] for r in extract_from_text("全县常住人口38.5万。")] == ["other"]


def test_one_of_a_set_and_a_rank_move_after_a_rank():
    assert figures("该县是全省首批三个试点县之一。") == []
    rows = extract_from_text("增速居全市第4位，较上月上升2位。")
    assert [(r["value"], r["kind"], r["role"], r["direction"]) for r in rows
            if r["kind"] != "date"] == [(4, "rank", "rank", None), (2, "rank", "change", "up")]


@pytest.mark.parametrize("sentence,expected", [
    # 二次 is the second round; a count of rounds prints 两次
    ("首次审查退回8件,二次审查退回3件。", [(8, "件", "count"), (3, "件", "count")]),
    ("全年开展两次集中排查。", [(2, "次", "count")]),
    # a ratio printed in brackets after a change with a zero base
    ("受理环境类投诉57件,同比— (57/0)%。", [(57, "件", "count")]),
    # a list number glued to its heading, but never a count or a month range
    ("3强化源头治理。", []),
    ("3名干部受到表彰。", [(3, "名", "count")]),
    ("8成受访群众表示满意。", [(8, "成", "rate")]),
    ("1至6月,全县接警量同比下降4.2%。", [(4.2, "%", "rate")]),
    # the parts of a report and a working rhythm
    ("报告分六个部分总结了一年来的工作。", []),
    ("镇里对各村道路保洁实行三天一检查、一月一通报。", []),
    # the span a report looks back on
    ("报告回顾了检察院三年的工作。", []),
    ("十年来,该村集体收入增长到86万元。", [(86, "万元", "money")]),
    ("连续五年来,全镇未发生重大安全事故。", [(5, "年", "duration")]),  # a streak stays
    # the earlier years of a list sharing 年, a hotline printed with a double dash
    ("这是继2015、2018年之后第三次获此称号。", []),
    ("举报电话:0736——7221155", []),
    # the pool of an assessment the locality is ranked in
    ("在全市12个乡镇(街道)年度目标考核中,我镇位列第2名。", [(2, "名", "rank")]),
])
def test_set_four_traps(sentence, expected):
    assert figures(sentence) == expected


@pytest.mark.parametrize("sentence,expected", [
    # the numeral restates the list just printed
    ("东山、西岭、南湖三个社区共安装路灯86个。", [(86, "个", "count")]),
    # a numeral that is not the list's length stays a count
    ("东山、西岭两地共新建五个停车场。", [(5, "个", "count")]),
])
def test_a_numeral_restating_a_list_is_no_count(sentence, expected):
    assert figures(sentence) == expected


def test_a_rank_kept_as_an_aim_is_a_target():
    rows = extract_from_text("明年要确保保持全市第一位。")
    assert [(r["value"], r["kind"], r["role"]) for r in rows] == [(1.0, "rank", "target")]


@pytest.mark.parametrize("sentence,expected_dates,expected", [
    # a named day printed with a full stop, a bullet or a katakana dot: a date, not a decimal
    ("围绕“4.22”世界地球日开展宣传，发放手册900册。", ["4.22"], [(900, "册", "count")]),
    ("消协在3.15消费者权益日前夕抽检商品120批次。", ["3.15"], [(120, "批次", "count")]),
    ("县市场监管局3•15当天接到投诉18件。", ["3•15"], [(18, "件", "count")]),
    # a decimal stays a decimal
    ("全县物价指数为3.15，同比上涨1.2个百分点。", [],
     [(3.15, "", "other"), (1.2, "个百分点", "rate")]),
])
def test_a_named_day_with_a_dot_is_a_date(sentence, expected_dates, expected):
    assert dates(sentence) == expected_dates
    assert figures(sentence) == expected


def test_lamps_and_volumes_are_counts():
    assert figures("今年沿河新装太阳能路灯486盏。") == [(486, "盏", "count")]
    assert figures("向农户赠送农技读本2300册。") == [(2300, "册", "count")]


def test_the_base_of_a_ratio_is_no_figure():
    assert figures("城乡居民收入比由上年的2.31:1缩小为2.26:1。") == [
        (2.31, "", "other"), (2.26, "", "other")]


# --- a case count and a person count glued together (the 件 lost) are read as neither -------------

def test_person_count_glued_to_a_case_noun_gives_no_row():
    from helpers.metrics import extract_from_text
    rows = [r for r in extract_from_text("三年来共受理审查起诉案件21563108人。") if r["kind"] != "date"]
    assert all(r["value"] != 21563108 for r in rows)


def test_case_and_person_counts_printed_apart_are_both_read():
    from helpers.metrics import extract_from_text
    rows = [(r["value"], r["unit"]) for r in extract_from_text("共受理审查起诉案件215件310人。")
            if r["kind"] != "date"]
    assert rows == [(215.0, "件"), (310.0, "人")]


@pytest.mark.parametrize("sentence, expected", [
    # an amount whose digits run like a hotline's (123xx) is still an amount when a magnitude
    # or a unit follows; only the bare number is the hotline's name
    ("全年完成项目投资12356万元，同比增长6.2%。",
     [(12356, "万元", "money"), (6.2, "%", "rate")]),
    ("全县接待游客12310万人次。", [(12310, "万人次", "count")]),
    ("拨打12345反映问题的群众明显增多。", []),
])
def test_an_amount_in_the_hotline_range_is_read_whole(sentence, expected):
    assert figures(sentence) == expected


# --- every five-digit amount comes back whole (a rule that fires where it should not drops a
#     figure silently: the 123xx hotline rule did, for every amount 12300-12399 before 万) ------

#: A sample of the five-digit numbers (every ``AMOUNT_STEP``-th) and the whole hotline block.
AMOUNT_STEP = 331
_AMOUNTS = sorted({*range(10000, 100000, AMOUNT_STEP), *range(12300, 12400)})


@pytest.mark.parametrize("unit,factor", [("万元", 1e4), ("亿元", 1e8), ("元", 1.0)])
def test_every_five_digit_amount_is_read_whole(unit, factor):
    wrong = []
    for n in _AMOUNTS:
        rows = [r for r in extract_from_text(f"全年完成投资{n}{unit}。") if r["kind"] != "date"]
        got = [(r["value"], r["unit"], r["kind"], r["value_std"]) for r in rows]
        if got != [(n, unit, "money", n * factor)]:
            wrong.append((n, got))
    assert not wrong, wrong[:5]


def test_a_span_of_days_is_a_date():
    """2-3日 (the days of a weather outlook) is a span of days: its 2 is no figure."""
    assert figures("预计2-3日有中到大雨，过程降水量30-50毫米。") == [(30, "毫米", "length")]
    assert dates("预计2-3日有中到大雨。") == ["2-3日"]
