"""Performance figures: every percentage, money amount and date of the seed page (read by hand),
a sample of its counts, and sentences written for these tests in the same style."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import pandas as pd
import pytest

from helpers import load_corpus
from helpers.metrics import (
    METRIC_COLUMNS,
    compare_family,
    extract_from_text,
    extract_metrics,
    heaping_summary,
    indicator_family,
    indicator_table,
    rates_by_locality,
    targets_vs_achievements,
    to_number,
    widest_family,
)

SEED_DIR = Path(__file__).parent / "fixtures" / "seed"  # the tests' copy of the seed page


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(SEED_DIR)


@pytest.fixture(scope="module")
def metrics(corpus):
    return extract_metrics(corpus)


# --- the seed page -------------------------------------------------------------------------

# the 15 printed percentages (16 indicators), read off the page: (indicator part, value,
# qualifier, change)
SEED_RATES = [
    ("消费品抽检合格率", 98.6, None, False),
    ("食品生产领域监督抽样合格率", 99.6, None, False),
    ("食用农产品质量抽检合格率", 99.0, "over", False),  # 达到 99% 以上
    ("安全监测合格率", 100.0, None, False),
    ("工程竣工验收合格率", 100.0, None, False),
    ("诉求在村一级得到解决", 95.0, "over", False),  # 95%以上的诉求在村一级得到解决
    ("信访及时受理率", 100.0, None, False),  # 受理率、办结率均为 100%: one value, two rows
    ("办结率", 100.0, None, False),
    ("群众满意率", 87.5, None, False),
    ("完成全年项目", 75.0, None, False),
    ("限上商贸", 14.39, None, True),  # 同比增长 14.39%
    ("垃圾投放精准率", 70.0, None, False),
    ("规范管理率", 96.23, None, False),
    ("面访率", 95.78, None, False),
    ("规范服药率", 96.93, None, False),
    ("化解率", 93.5, None, False),
]

# every money amount on the page, in 元
SEED_MONEY = [
    ("增收", 1_000_000, "over"),  # 助力企业增收 100 余万元
    ("借", 1_000, None),  # 借了 1000 块钱
    ("总投资", 2_000_000_000, "approx"),  # 总投资约 20 亿元
    ("固定资产投资", 1_380_000_000, None),  # 13.8 亿元
    ("治疗费", 10_000, "approx"),  # 近万元
    ("列支", 300_000, None),  # 30 万元
    ("追缴资金", 4_837_300, None),
    ("退还群众资金", 423_200, None),
    ("罚金", 45_000_000, "over"),  # 4500 余万元
    ("没收违纪违法所得", 7_324, None),
    ("追缴资金", 2_446_100, None),
]

# every date on the page (as printed, spaces removed)
SEED_DATES = ["今年7月", "2018年度", "3·15", "5·20", "今年9月以来", "2021年4月", "2017年",
              "10月25日", "下午4时", "10月26日", "2021年", "9月底", "10月20日", "10月13日",
              "10月30日", "四季度", "前三季度", "四季度", "10月底", "2022年1月底", "今年5月",
              "10月底", "4月26日", "2004年", "今年6月", "7月以来"]


def test_columns(metrics):
    assert list(metrics.columns) == METRIC_COLUMNS


def test_seed_percentages(metrics):
    rates = metrics[metrics["kind"] == "rate"]
    assert len(rates) == 16
    assert rates["sentence"].nunique() == 7  # 15 printed figures in 7 sentences
    got = list(zip(rates["indicator"], rates["value"], rates["qualifier"], rates["change"],
                   strict=True))
    for (part, value, qualifier, change), (ind, val, qual, chg) in zip(SEED_RATES, got,
                                                                      strict=True):
        assert part in ind, (part, ind)
        assert val == pytest.approx(value)
        assert (qual if isinstance(qual, str) else None) == qualifier, part
        assert chg == change, part
    assert (rates["unit_std"] == "%").all()


def test_seed_money(metrics):
    money = metrics[metrics["kind"] == "money"]
    assert len(money) == len(SEED_MONEY)
    for (part, yuan, qualifier), row in zip(SEED_MONEY, money.itertuples(), strict=True):
        assert part in (row.indicator or "") or part in row.sentence, (part, row.indicator)
        assert row.value_std == pytest.approx(yuan), part
        assert row.unit_std == "元"
        assert (row.qualifier if isinstance(row.qualifier, str) else None) == qualifier, part


def test_seed_dates_are_dates_never_counts(metrics):
    dates = metrics[metrics["kind"] == "date"]
    assert list(dates["indicator"]) == SEED_DATES
    not_dates = metrics[metrics["kind"] != "date"]
    for year in ("2017", "2018", "2021", "2022", "2004"):
        assert not (not_dates["value"] == float(year)).any(), year


def test_seed_counts_sample(metrics):
    def find(part: str, value: float) -> pd.Series:
        hit = metrics[(metrics["value"] == value) & metrics["indicator"].fillna("").str.contains(
            part)]
        assert len(hit) >= 1, (part, value)
        return hit.iloc[0]

    assert find("群众困难诉求", 399)["unit"] == "件"
    assert find("执法船", 2)["unit"] == "艘"  # 两艘执法船
    assert find("市场主体", 1790)["unit_std"] == "家"
    assert find("信访积案", 39)["kind"] == "count"
    assert find("土地违法行为", 8)["unit"] == "起"  # 行为 keeps its 为
    fine = metrics[metrics["value"] == 4500].iloc[0]  # 111户违建业主足额缴纳罚金4500余万元
    assert fine["indicator"].startswith("违建业主") and fine["qualifier"] == "over"
    assert metrics["qualifier"].map(lambda q: q is None or isinstance(q, str)).all()
    # 围绕…等 7 个方面…开展…等七大行动: the plan's parts are counted as 7 个方面; the 七 of the
    # programme's name 七大行动 is no count (issue 13: named programmes are no quantities)
    assert find("方面", 7)["kind"] == "count"
    programme = metrics[metrics["sentence"].str.contains("七大行动")]
    assert not (programme["unit"] == "大").any()
    three = metrics[metrics["sentence"].str.contains("已有三人")]
    assert (three["value"] == 3).any() and (three["unit"] == "人").any()
    visits = metrics[metrics["unit"] == "万人次"].iloc[0]  # 日均客流预计可达 5 万多人次
    assert visits["value_std"] == 50_000 and visits["qualifier"] == "over"
    assert visits["unit_std"] == "人次"


def test_seed_other_kinds(metrics):
    def one(unit: str) -> pd.Series:
        return metrics[metrics["unit"] == unit].iloc[0]

    assert one("公斤")[["kind", "value_std", "unit_std"]].tolist() == ["weight", 59, "kg"]
    assert one("万平方米")["value_std"] == pytest.approx(236_000)  # 23.6 万平方米
    assert one("万立方米")["kind"] == "volume"
    assert one("岁")["kind"] == "age"
    assert one("公里")["value_std"] == pytest.approx(100_000)
    mu = metrics[metrics["unit"] == "亩"]
    assert sorted(mu["value"]) == [85, 268, 300, 5600]
    assert mu[mu["value"] == 5600]["value_std"].iloc[0] == pytest.approx(5600 * 10000 / 15)
    twenty = metrics[metrics["sentence"].str.contains("困扰近二十年")].iloc[0]  # 近二十年
    assert (twenty["value"], twenty["unit"], twenty["kind"], twenty["qualifier"]) == (
        20, "年", "duration", "approx")


# --- sentences written for these tests -------------------------------------------------------

OWN = [
    # (sentence, [(indicator part, value, unit, kind, qualifier, change, value_std, unit_std)])
    ("今年以来，昆山市共接待游客826.4万人次，实现旅游综合收入71.35亿元。",
     [("游客", 826.4, "万人次", "count", None, False, 8_264_000, "人次"),
      ("旅游综合收入", 71.35, "亿元", "money", None, False, 7_135_000_000, "元")]),
    ("全市规模以上工业增加值同比增长8.2%，增速比上年提高0.6个百分点。",
     [("规模以上工业增加值", 8.2, "%", "rate", None, True, 8.2, "%"),
      ("增速", 0.6, "个百分点", "rate", None, True, 0.6, "pp")]),
    ("全县刑事案件发案数同比下降21.5%，群众安全感满意度达到98.1%。",
     [("刑事案件发案数", 21.5, "%", "rate", None, True, 21.5, "%"),
      ("群众安全感满意度", 98.1, "%", "rate", None, False, 98.1, "%")]),
    ("截至10月底，全县共排查整治安全隐患1260处，整改率达100%。",
     [("10月底", 10, "月", "date", None, False, None, "date"),
      ("安全隐患", 1260, "处", "count", None, False, 1260, "处"),
      ("整改率", 100, "%", "rate", None, False, 100, "%")]),
    ("该镇新建高标准农田3.2万亩，带动种粮大户增收约500万元。",
     [("高标准农田", 3.2, "万亩", "area", None, False, 32_000 * 10000 / 15, "m²"),
      ("种粮大户增收", 500, "万元", "money", "approx", True, 5_000_000, "元")]),
    ("县消防救援大队组织开展演练二十余场，培训网格员三百余人次。",
     [("演练", 20, "场", "count", "over", False, 20, "场"),
      ("网格员", 300, "人次", "count", "over", False, 300, "人次")]),
    ("全市累计发放惠农补贴资金2.6亿元，惠及农户12万余户。",
     [("惠农补贴资金", 2.6, "亿元", "money", None, False, 260_000_000, "元"),
      ("农户", 12, "万户", "count", "over", False, 120_000, "户")]),
    ("两年来，县纪委监委立案审查调查党员干部47人，给予党纪政务处分39人。",
     [("立案审查调查党员干部", 47, "人", "count", None, False, 47, "人"),
      ("党纪政务处分", 39, "人", "count", None, False, 39, "人")]),
    ("洱海主要入湖河道水质优良比例达到８５．７％，比去年提高６个百分点。",
     [("水质优良比例", 85.7, "%", "rate", None, False, 85.7, "%"),
      ("", 6, "个百分点", "rate", None, True, 6, "pp")]),
    ("该县建成污水处理设施46座，日处理能力1.8万立方米，铺设管网120公里。",
     [("污水处理设施", 46, "座", "count", None, False, 46, "座"),
      ("日处理能力", 1.8, "万立方米", "volume", None, False, 18_000, "m³"),
      ("铺设管网", 120, "公里", "length", None, False, 120_000, "m")]),
    ("全年完成造林面积1.5万公顷，森林覆盖率提升至62.3%。",
     [("造林面积", 1.5, "万公顷", "area", None, False, 150_000_000, "m²"),
      ("森林覆盖率", 62.3, "%", "rate", None, False, 62.3, "%")]),
    ("镇卫生院为辖区65岁以上老年人免费体检4100人次，签约率不足60%。",
     [("", 65, "岁", "age", "over", False, 65, "岁"),
      ("免费体检", 4100, "人次", "count", None, False, 4100, "人次"),
      ("签约率", 60, "%", "rate", "under", False, 60, "%")]),
    ("2023年3月15日，县市场监管局查扣假冒伪劣食品1.2吨，罚没款近百万元。",
     [("2023年3月15日", 2023, "年", "date", None, False, None, "date"),
      ("假冒伪劣食品", 1.2, "吨", "weight", None, False, 1200, "kg"),
      # 近百万元: 百万 read as 100 万 (the unit amounts are printed in)
      ("罚没款", 100, "万元", "money", "approx", False, 1_000_000, "元")]),
    ("全市42个乡镇全部建成综治中心，平均办结时间压缩至3个工作日。",
     [("乡镇", 42, "个", "count", None, False, 42, "个"),
      ("办结时间", 3, "个工作日", "duration", None, False, 3, "天")]),
    ("五常市出动执法人员860人次，检查大米加工企业312家，查处案件9起。",
     [("执法人员", 860, "人次", "count", None, False, 860, "人次"),
      ("大米加工企业", 312, "家", "count", None, False, 312, "家"),
      ("案件", 9, "起", "count", None, False, 9, "起")]),
    ("村里流转土地四百亩，发展蜜瓜大棚两百个，户均增收1.2万元左右。",
     [("流转土地", 400, "亩", "area", None, False, 400 * 10000 / 15, "m²"),
      ("", 200, "个", "count", None, False, 200, "个"),
      ("户均增收", 1.2, "万元", "money", "approx", True, 12_000, "元")]),
    ("全县贫困发生率由2014年的13.5%下降到0.3%以下。",
     [("2014年", 2014, "年", "date", None, False, None, "date"),
      ("贫困发生率", 13.5, "%", "rate", None, False, 13.5, "%"),
      ("", 0.3, "%", "rate", "under", False, 0.3, "%")]),
    ("全区新增城镇就业岗位8600余个，城镇登记失业率控制在3.5%以内。",
     [("城镇就业岗位", 8600, "个", "count", "over", False, 8600, "个"),
      ("城镇登记失业率", 3.5, "%", "rate", None, False, 3.5, "%")]),
    ("他在这个岗位上坚守了近三十年，帮助群众挽回经济损失120余万元。",
     [("", 30, "年", "duration", "approx", False, 30, "年"),
      ("经济损失", 120, "万元", "money", "over", False, 1_200_000, "元")]),
    ("该街道今年改造老旧小区17个，惠及居民2300多户、6800余人。",
     [("老旧小区", 17, "个", "count", None, False, 17, "个"),
      ("居民", 2300, "户", "count", "over", False, 2300, "户"),
      ("", 6800, "人", "count", "over", False, 6800, "人")]),
]


# a second batch, written after the extractor was built and run once before any change to it
# (14 of 15 came out right; 千克 was then read as 千 + 克)
OWN += [
    ("截至9月底，全县农村集体经济收入10万元以上的村达到156个，占比达62.4%。",
     [("", 156, "个", "count", None, False, 156, "个"),
      ("占比", 62.4, "%", "rate", None, False, 62.4, "%")]),
    ("今年1至10月，全市共办理各类行政审批事项5.3万件，按时办结率99.8%。",
     [("行政审批事项", 5.3, "万件", "count", None, False, 53_000, "件"),
      ("按时办结率", 99.8, "%", "rate", None, False, 99.8, "%")]),
    ("全县粮食播种面积稳定在85万亩以上，总产量达到38.6万吨，同比增长2.1%。",
     [("粮食播种面积", 85, "万亩", "area", "over", False, 850_000 * 10000 / 15, "m²"),
      ("总产量", 38.6, "万吨", "weight", None, False, 386_000_000, "kg"),
      ("", 2.1, "%", "rate", None, True, 2.1, "%")]),
    ("县法院今年受理一审民商事案件3412件，结案率为96.7%，调撤率同比提高4.3个百分点。",
     [("一审民商事案件", 3412, "件", "count", None, False, 3412, "件"),
      ("结案率", 96.7, "%", "rate", None, False, 96.7, "%"),
      ("调撤率", 4.3, "个百分点", "rate", None, True, 4.3, "pp")]),
    ("该区投入资金1.26亿元，完成43个老旧小区改造，惠及居民近万户。",
     [("投入资金", 1.26, "亿元", "money", None, False, 126_000_000, "元"),
      ("老旧小区", 43, "个", "count", None, False, 43, "个"),
      ("居民", 1, "万户", "count", "approx", False, 10_000, "户")]),
    ("巡查组历时45天，行程3000余公里，发现问题线索76条。",
     [("", 45, "天", "duration", None, False, 45, "天"),
      ("行程", 3000, "公里", "length", "over", False, 3_000_000, "m"),
      ("问题线索", 76, "条", "count", None, False, 76, "条")]),
    ("全市72家规上企业完成技改投资28.5亿元，较上年增长17%。",
     [("规上企业", 72, "家", "count", None, False, 72, "家"),
      ("技改投资", 28.5, "亿元", "money", None, False, 2_850_000_000, "元"),
      ("", 17, "%", "rate", None, True, 17, "%")]),
    ("十一月八日，县应急管理局组织三家企业开展危化品泄漏应急演练。",
     [("企业", 3, "家", "count", None, False, 3, "家")]),
    ("该县城乡居民医保参保率连续五年保持在97%以上。",
     [("", 5, "年", "duration", None, False, 5, "年"),
      ("城乡居民医保参保率", 97, "%", "rate", "over", False, 97, "%")]),
    ("今年全县PM2.5平均浓度为31微克每立方米，优良天数比例达92.6%。",
     [("优良天数比例", 92.6, "%", "rate", None, False, 92.6, "%")]),
    ("村集体通过土地入股，年分红达80余万元，户均增收3000元以上。",
     [("年分红", 80, "万元", "money", "over", False, 800_000, "元"),
      ("户均增收", 3000, "元", "money", "over", True, 3000, "元")]),
    ("县禁毒办共收戒吸毒人员23名，破获毒品案件11起，缴获毒品1.3千克。",
     [("吸毒人员", 23, "名", "count", None, False, 23, "名"),
      ("毒品案件", 11, "起", "count", None, False, 11, "起"),
      ("缴获毒品", 1.3, "千克", "weight", None, False, 1.3, "kg")]),
    ("2021年全县地区生产总值达到356.8亿元，增长8.6%，增速居全市第一。",
     [("2021年", 2021, "年", "date", None, False, None, "date"),
      ("地区生产总值", 356.8, "亿元", "money", None, False, 35_680_000_000, "元"),
      ("", 8.6, "%", "rate", None, True, 8.6, "%")]),
    ("全县学校课后服务覆盖率达到100%，学生参与率为93%左右。",
     [("课后服务覆盖率", 100, "%", "rate", None, False, 100, "%"),
      ("学生参与率", 93, "%", "rate", "approx", False, 93, "%")]),
    ("县里组建了12支应急救援队伍共680人，储备防汛物资价值超过500万元。",
     [("应急救援队伍", 12, "支", "count", None, False, 12, "支"),
      ("", 680, "人", "count", None, False, 680, "人"),
      ("防汛物资价值", 500, "万元", "money", "over", False, 5_000_000, "元")]),
]


def _check(sentence: str, expected: list[tuple]) -> list[str]:
    """Problems found (empty: the sentence comes out right)."""
    got = extract_from_text(sentence)
    problems = []
    for exp in expected:
        part, value, unit, kind, qualifier, change, value_std, unit_std = exp
        hits = [r for r in got if r["value"] is not None and math.isclose(r["value"], value)
                and r["unit"] == unit]
        if not hits:
            problems.append(f"{value}{unit} not found in {[(r['value'], r['unit']) for r in got]}")
            continue
        r = hits[0]
        checks = {"indicator": part in (r["indicator"] or ""), "kind": r["kind"] == kind,
                  "qualifier": r["qualifier"] == qualifier, "change": r["change"] == change,
                  "unit_std": r["unit_std"] == unit_std,
                  "value_std": (value_std is None and (r["value_std"] is None or math.isnan(
                      r["value_std"]))) or (value_std is not None and r["value_std"] is not None
                                            and math.isclose(r["value_std"], value_std,
                                                             rel_tol=1e-6))}
        problems += [f"{value}{unit}: {k} ({r})" for k, ok in checks.items() if not ok]
    return problems


@pytest.mark.parametrize("sentence,expected", OWN, ids=[s[:12] for s, _ in OWN])
def test_own_sentences(sentence, expected):
    assert _check(sentence, expected) == []


def test_own_sentences_score():
    """How many of the written sentences come out entirely right (reported in notebook 03)."""
    passed = sum(not _check(s, e) for s, e in OWN)
    assert passed == len(OWN)


def test_to_number():
    assert to_number("1,234.5") == 1234.5
    assert to_number("二十") == 20 and to_number("两") == 2 and to_number("一百二十") == 120
    assert to_number("abc") is None


def test_no_quantities_in_names_and_ordinals():
    rows = extract_from_text("探索“1+117”自治模式，落实党的十九大精神，第十三次党代会，PM2.5浓度。")
    assert all(r["kind"] == "date" or r["value"] not in (1, 117, 19, 13, 2.5) for r in rows)


# --- comparison ----------------------------------------------------------------------------

def test_indicator_families():
    assert indicator_family("消费品抽检合格率") == "pass rate (合格率)"
    assert indicator_family("群众满意率") == "satisfaction (满意率)"
    assert indicator_family("办结率") == indicator_family("化解率")
    assert indicator_family("垃圾清运量") is None


def test_indicator_table_and_rates_by_locality(corpus, metrics):
    table = indicator_table(metrics, corpus)
    assert "date" not in set(table["kind"])
    assert {"locality", "family"} <= set(table.columns)
    rates = rates_by_locality(metrics, corpus)
    dongkou = rates[(rates["locality"] == "洞口县") & (rates["family"] == "pass rate (合格率)")]
    assert dongkou["figures"].iloc[0] == 5
    assert dongkou["max"].iloc[0] == 100
    # changes are never compared with levels
    assert not ((rates["locality"] == "武陵区") & (rates["max"] == 14.39)).any()


def test_heaping(metrics):
    heap = heaping_summary(metrics)
    summary = heap["summary"].set_index("measure")
    # 16 rate rows less one growth rate and the 70% a community head gives in quotation marks
    assert summary.loc["rates reported", "count"] == 14
    assert summary.loc["exactly 100%", "count"] == 4
    assert summary.loc["at least 95%", "count"] == 11
    assert heap["last_digits"]["count"].sum() == 14
    assert heap["last_digits"].set_index("last digit").loc[0, "count"] == 4  # 100×4
    assert len(heap["passages"]) == 14


# --- signs and numbers too long to read whole --------------------------------------------------

@pytest.mark.parametrize("sentence,value,unit", [
    ("当日最低气温-3℃，道路结冰。", -3.0, "℃"),  # kind other, in the unit printed
    ("当日最低气温－3℃，道路结冰。", -3.0, "℃"),  # full-width minus
    ("当日最低气温−3.5℃，道路结冰。", -3.5, "℃"),  # U+2212 minus sign
    ("该指标由上年的 2.1% 变为-0.8%。", -0.8, "%"),
    ("水位（-1.2米）低于警戒线。", -1.2, "米"),
])
def test_printed_minus_sign_is_kept(sentence, value, unit):
    rows = [r for r in extract_from_text(sentence) if r["value"] is not None and r["value"] < 0]
    assert [(r["value"], r["unit"]) for r in rows] == [(value, unit)]
    row = rows[0]
    assert isinstance(row["value"], float)
    assert row["indicator"] is None or "-" not in row["indicator"]
    if row["value_std"] is not None and unit:
        assert row["value_std"] < 0


@pytest.mark.parametrize("sentence,values", [
    ("全年同比下降3%，降幅收窄。", [3.0]),  # a fall in words is no sign: the value stays 3
    ("1-3月共办结案件 45 件。", [45.0]),  # a hyphen between months: the period 1-3月 (a date)
    ("2021-2022年度考核优秀。", None),  # years joined by a hyphen
    ("G-12 号线路改造完成。", None),
    ("第1-3名获得表彰。", None),
])
def test_hyphen_and_fall_words_are_no_sign(sentence, values):
    rows = extract_from_text(sentence)
    assert all(r["value"] is None or r["value"] >= 0 for r in rows), rows
    if values is not None:
        assert sorted(r["value"] for r in rows if r["kind"] != "date") == values


def test_metrics_table_keeps_negative_values():
    articles = pd.DataFrame({"article_id": ["p-01"], "text": ["当日最低气温-3℃，库区水温-1.5℃。"]})
    table = extract_metrics(articles)
    assert table["value"].dtype == "float64"
    assert sorted(table["value"]) == [-3.0, -1.5]


@pytest.mark.parametrize("digits", ["9" * 309, "1" * 20, "1" * 16, "1" * 15 + ".5",
                                    "1,000,000,000,000,000,000", "九" * 40])
def test_absurdly_long_numbers_are_not_read(digits):
    """A number is read whole or not at all: never inf, never its last digits as a year."""
    for sentence in (f"共有{digits}人参加。", f"全年投入{digits}元。", f"始于{digits}年。"):
        rows = extract_from_text(sentence)
        assert rows == [], rows


def test_longest_readable_number():
    rows = extract_from_text("全年投入123456789012345元。")
    assert [(r["value"], r["kind"]) for r in rows] == [(123456789012345.0, "money")]
    assert to_number("123456789012345") == 123456789012345.0
    assert to_number("1234567890123456") is None
    assert to_number("9" * 309) is None
    assert to_number("九" * 40) is None


# --- every numeral form (issue 13, part 1): rows of the table -----------------------------------

def test_range_columns_in_the_table():
    """value is the low end as printed; value_low and value_high are both ends in the unit of
    value (NaN for a single figure); value_std is the low end standardized."""
    articles = pd.DataFrame({"article_id": ["p-01"],
                             "text": ["每户补助2至3万元，签约率达百分之九十二。"]})
    table = extract_metrics(articles)
    assert list(table.columns) == METRIC_COLUMNS
    assert table["value_low"].dtype == "float64" and table["value_high"].dtype == "float64"
    money = table[table["kind"] == "money"].iloc[0]
    assert (money["value"], money["unit"], money["value_std"]) == (2.0, "万元", 20_000.0)
    assert (money["value_low"], money["value_high"]) == (2.0, 3.0)
    rate = table[table["kind"] == "rate"].iloc[0]
    assert (rate["value"], rate["unit_std"]) == (92.0, "%")
    assert math.isnan(rate["value_low"]) and math.isnan(rate["value_high"])


def test_no_partial_amount_rows():
    """A number read in pieces gave 225 元 for 82,225 元 and 2345 元 for 壹万二千三百四十五元."""
    rows = extract_from_text("两笔拨款分别为57，310.00元和壹万四千二百元。")  # 两笔: a count
    assert [(r["value_std"], r["unit_std"]) for r in rows if r["kind"] == "money"] == [
        (57310.0, "元"), (14200.0, "元")]
    rows = extract_from_text("奖金区间为2万-6万元。")  # a range, never -60000
    assert [(r["value"], r["value_high"], r["unit"]) for r in rows] == [(2.0, 6.0, "万元")]


# -- ranks, scores and the context columns ------------------------------------------------------

def test_rank_and_score_of_an_assessment():
    rows = extract_from_text("全县平安建设考核总分96.5分，排名全市第二，群众满意度居全省首位。")
    got = [(r["kind"], r["value"], r["role"]) for r in rows]
    assert got == [("score", 96.5, "level"), ("rank", 2.0, "rank"), ("rank", 1.0, "rank")]


def test_ordinals_are_no_ranks_and_minutes_no_scores():
    rows = extract_from_text("第三批项目第2次调度会开了40分钟。")
    assert [(r["kind"], r["value"]) for r in rows] == [("duration", 40.0)]


def test_direction_role_and_pair_columns():
    rows = extract_from_text("村级集体经济收入由不足5万元提高到12万元，同比增长18.5%。")
    got = [(r["value"], r["role"], r["direction"]) for r in rows]
    assert got == [(5.0, "from", "up"), (12.0, "to", "up"), (18.5, "change", "up")]
    assert rows[0]["pair"] == rows[1]["pair"] is not None and rows[2]["pair"] is None


def test_target_and_achievement_are_paired_in_a_paragraph():
    rows = [r for r in extract_from_text("今年目标任务是新增就业2000人。截至9月底，已新增就业1850人。")
            if r["kind"] != "date"]
    assert [r["role"] for r in rows] == ["target", "level"]
    assert rows[0]["pair"] == rows[1]["pair"] is not None


def test_a_figure_inside_quotation_marks_is_quoted():
    rows = extract_from_text("“我去年养了30头牛，收入8万元。”村民说。全村养牛户达到46户。")
    assert [(r["value"], r["quoted"]) for r in rows] == [(30.0, True), (8.0, True), (46.0, False)]


def test_period_dates_come_from_the_article_date():
    articles = pd.DataFrame({"article_id": ["x-01"], "text": ["1至9月，全县税收收入同比下降3.2%。"],
                             "published": [dt.date(2022, 10, 12)]})
    table = extract_metrics(articles)
    row = table[table["kind"] == "rate"].iloc[0]
    assert (row["period"], row["direction"], row["family"]) == ("1至9月", "down",
                                                                "fiscal revenue (财政收入)")
    assert (row["period_start"], row["period_end"]) == (dt.date(2022, 1, 1), dt.date(2022, 9, 30))


def test_targets_vs_achievements_pairs_a_target_with_what_was_done():
    text = ("今年全县目标任务是完成固定资产投资50亿元，截至10月底已完成42亿元。"
            "1至10月，全县招商引资到位资金完成年度目标的87%。")
    articles = pd.DataFrame({"article_id": ["t-01"], "text": [text]})
    table = targets_vs_achievements(extract_metrics(articles))
    assert table[["target", "achieved"]].values.tolist()[0] == [5e9, 4.2e9]
    assert table["ratio"].round(2).tolist() == [0.84, 0.87]


def test_levels_only_in_rate_comparisons():
    articles = pd.DataFrame({"article_id": ["r-01", "r-02"], "locality": ["甲县", "乙县"],
                             "prefecture": ["某市", "某市"], "province": ["某省", "某省"],
                             "text": ["群众满意率由80%提高到95%，力争明年达到98%以上。",
                                      "群众满意率为91.5%，同比提高2个百分点。"]})
    rates = rates_by_locality(extract_metrics(articles), articles)
    assert rates[["locality", "figures", "mean"]].values.tolist() == [["乙县", 1, 91.5],
                                                                      ["甲县", 1, 95.0]]
    one = compare_family(extract_metrics(articles), articles, "satisfaction (满意率)")
    assert one["value_std"].tolist() == [91.5, 95.0]


def test_widest_family_prefers_more_localities_then_the_name():
    rates = pd.DataFrame({"family": ["b", "b", "a", "a", "c", "other rates", "other rates"],
                          "locality": ["甲", "乙", "甲", "丙", "甲", "甲", "乙"]})
    assert widest_family(rates) == "a"  # a and b span two localities each; a comes first
    assert widest_family(rates[rates["family"] == "other rates"]) is None


def test_a_printed_base_and_the_current_value_are_the_ends_of_a_movement():
    rows = [r for r in extract_from_text(
        "1至6月，全县受理信访事项312件（含网上信访88件），比上年同期405件少93件。")
        if r["kind"] != "date"]
    got = [(r["value"], r["role"], r["direction"], r["period"]) for r in rows]
    assert got == [(312.0, "to", "down", "1至6月"), (88.0, "level", None, "1至6月"),
                   (405.0, "from", "down", "上年同期"), (93.0, "change", "down", "1至6月")]
    assert rows[0]["pair"] == rows[2]["pair"] is not None and rows[1]["pair"] is None


def test_a_base_in_brackets_pairs_with_the_value_before_the_bracket():
    rows = extract_from_text("空气优良天数为163天（去年同期为171天），重污染天数为4天，去年同期为9天。")
    got = [(r["value"], r["role"], r["direction"]) for r in rows]
    assert got == [(163.0, "to", "down"), (171.0, "from", "down"),
                   (4.0, "to", "down"), (9.0, "from", "down")]
    assert rows[0]["pair"] != rows[2]["pair"]


def test_a_base_of_another_unit_stays_alone():
    rows = extract_from_text("全县接待游客42万人次，去年同期为3.1亿元。")
    assert [(r["role"], r["pair"]) for r in rows] == [("level", None), ("from", None)]


# -- units, multiples, doublings ---------------------------------------------------------------

def _figures(sentence: str) -> list[tuple]:
    return [(r["value"], r["unit"], r["kind"], r["value_std"], r["unit_std"])
            for r in extract_from_text(sentence) if r["kind"] != "date"]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("缴获冰毒1250.5克。", [(1250.5, "克", "weight", 1.2505, "kg")]),
    ("发放贷款36笔。", [(36.0, "笔", "count", 36.0, "笔")]),
    ("参加体检的为60周岁以上老人。", [(60.0, "周岁", "age", 60.0, "岁")]),
    ("民间投资同比增长2.5倍。", [(2.5, "倍", "rate", 2.5, "倍")]),
])
def test_more_units(sentence, expected):
    assert _figures(sentence) == expected


@pytest.mark.parametrize(("sentence", "role"), [
    ("全县税收收入较五年前实现翻番。", "change"),
    ("力争到2030年实现农民收入翻番。", "target"),
])
def test_a_doubling_without_a_numeral_is_one_doubling_and_a_rise(sentence, role):
    rows = [r for r in extract_from_text(sentence) if r["kind"] != "date"]
    assert [(r["value"], r["unit"], r["value_std"], r["role"], r["direction"]) for r in rows] == [
        (1.0, "番", 2.0, role, "up")]


# -- ranks without a verb, ranks in a list ----------------------------------------------------

@pytest.mark.parametrize(("sentence", "values"), [
    ("县融媒体中心传播力全省第一", [1.0]),
    ("群众满意度得分为95.2分，全市第2名，全省第17名。", [2.0, 17.0]),
    ("降幅全市第3。", [3.0]),
    ("知晓率、参与率分别位列全市第二、第五。", [2.0, 5.0]),
    ("两项工作分居全省第一和第四位。", [1.0, 4.0]),
    ("该县信访量排列全州首位。", [1.0]),
    ("名次位于全市第6名。", [6.0]),
])
def test_ranks_without_a_verb_and_in_lists(sentence, values):
    assert [r["value"] for r in extract_from_text(sentence) if r["kind"] == "rank"] == values


@pytest.mark.parametrize("sentence", [
    "全市第二批示范村名单公布，全省第一家智慧药房开业。",
    "全县第一书记培训班开班。",
])
def test_ordinals_after_a_whole_set_are_no_ranks(sentence):
    assert [r for r in extract_from_text(sentence) if r["kind"] == "rank"] == []


def test_a_score_someone_obtained():
    rows = extract_from_text("在平安建设考评中，该镇获得96.5分。")
    assert [(r["value"], r["kind"]) for r in rows] == [(96.5, "score")]


# -- shares of a ratio, a unit printed once, counts named by their noun --------------------------

def test_parts_of_a_ratio_of_shares_are_rates():
    rows = _figures("全县三次产业结构比为12.4:40.2:47.4。")
    assert rows == [(12.4, "", "rate", 12.4, "%"), (40.2, "", "rate", 40.2, "%"),
                    (47.4, "", "rate", 47.4, "%")]


def test_a_ratio_that_is_no_set_of_shares_gives_no_rates():
    rows = _figures("全县师生比为1:13。")
    assert all(kind != "rate" for _v, _u, kind, _s, _us in rows)


@pytest.mark.parametrize(("sentence", "expected"), [
    ("城乡居民收入分别增长6.1和7.3个百分点。",
     [(6.1, "个百分点", "rate", 6.1, "pp"), (7.3, "个百分点", "rate", 7.3, "pp")]),
    ("东西两片分别完成投资3.2和4.5亿元。",
     [(3.2, "亿元", "money", 3.2e8, "元"), (4.5, "亿元", "money", 4.5e8, "元")]),
])
def test_a_unit_printed_once_after_the_last_member(sentence, expected):
    assert _figures(sentence) == expected


def test_a_list_of_years_shares_no_unit():
    # the earlier year of the list is a year too, never a duration nor a figure (set 4's traps)
    rows = extract_from_text("该项目在2019、2020年获奖。")
    assert [r for r in rows if r["value"] == 2019 or r["kind"] != "date"] == []


@pytest.mark.parametrize(("sentence", "value"), [
    ("当月死亡人数为0。", 0.0),
    ("涉案车辆数量12，已全部扣押。", 12.0),
])
def test_a_bare_number_of_a_counted_noun_is_a_count(sentence, value):
    rows = [r for r in extract_from_text(sentence) if r["kind"] != "date"]
    assert [(r["value"], r["kind"]) for r in rows] == [(value, "count")]


def test_an_index_is_no_count():
    rows = extract_from_text("空气质量综合指数为4.86。")
    assert [(r["value"], r["kind"]) for r in rows] == [(4.86, "other")]


def test_a_level_then_and_a_level_now_are_the_ends_of_a_movement():
    rows = extract_from_text("办理不动产登记过去要提交材料12份、等15个工作日，现在只需3天就能办结。")
    got = [(r["value"], r["role"], r["direction"]) for r in rows if r["kind"] == "duration"]
    assert got == [(15.0, "from", "down"), (3.0, "to", "down")]


def test_a_level_now_without_a_level_then_stays_a_level():
    rows = extract_from_text("全县共有村卫生室120个，现在已有86个完成标准化建设。")
    assert [r["role"] for r in rows] == ["level", "level"]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("“没想到半天就办好了，以前要等半个月。”", [(0.5, "天"), (0.5, "个月")]),
    ("上半年全县新增就业820人。", [(820.0, "人")]),
    ("每半年开展一次排查。", []),
])
def test_half_a_unit_of_time(sentence, expected):
    assert [(r["value"], r["unit"]) for r in extract_from_text(sentence)
            if r["kind"] not in ("date",)] == expected


def test_points_of_rates_printed_without_their_unit():
    rows = extract_from_text("满意率、知晓率分别为95.1%、80.2%，分别比上年提高0.6、-1.1。")
    got = [(r["value"], r["kind"], r["unit_std"], r["direction"]) for r in rows
           if r["role"] == "change"]
    assert got == [(0.6, "rate", "pp", "up"), (-1.1, "rate", "pp", "down")]


def test_a_bare_number_after_a_change_without_rates_stays_other():
    rows = extract_from_text("参赛队伍比上年增加3。")
    assert [(r["value"], r["kind"]) for r in rows] == [(3.0, "other")]


def test_the_year_a_plan_runs_to_is_its_period():
    rows = extract_from_text("力争到2030年全县森林覆盖率达到70%。")
    assert [(r["value"], r["role"], r["period"]) for r in rows if r["kind"] == "rate"] == [
        (70.0, "target", "到2030年")]


def test_a_current_count_with_a_sequential_and_a_yearly_base():
    # a police bulletin printing one month's count against last month and against a year ago
    rows = extract_from_text("本月全镇共接报盗窃案18起,环比今年5月份12起,上升50%;"
                             "同比去年同期24下降25%。")
    got = [(r["value"], r["kind"], r["role"], r["direction"], r["pair"], r["period"])
           for r in rows if r["kind"] != "date" and r["role"] != "change"]
    assert got == [(18.0, "count", "to", "up", "b1;b2", "本月"),
                   (12.0, "count", "from", "up", "b1", "今年5月份"),
                   (24.0, "count", "from", "down", "b2", "去年同期")]


def test_a_bare_sequential_base_of_money_before_a_verb_of_change():
    rows = extract_from_text("本月辖区群众被骗金额共计36.5万元,环比48.2万,下降24.27%。")
    got = [(r["value"], r["kind"], r["role"], r["direction"]) for r in rows]
    assert got == [(36.5, "money", "to", "down"), (48.2, "money", "from", "down"),
                   (24.27, "rate", "change", "down")]


def test_sequential_words_before_a_change_keep_it_a_change():
    rows = extract_from_text("本月受理投诉86件,环比下降12%。")
    assert [(r["value"], r["role"], r["direction"]) for r in rows] == [
        (86.0, "level", None), (12.0, "change", "down")]


def test_a_rank_movement_printed_without_first_ordinal_and_its_size():
    rows = extract_from_text("某县营商环境评价排名由2021年的全市15位前进到2022年的第4位,"
                             "前进了11个位次。")
    got = [(r["value"], r["role"], r["direction"], r["period"]) for r in rows
           if r["kind"] == "rank"]
    assert got == [(15.0, "from", "up", "2021年"), (4.0, "to", "up", "2022年"),
                   (11.0, "change", "up", None)]
    # the size names what moved, and that it is the move (kind_named)
    assert rows[-1]["indicator"] == rows[0]["indicator"] + "变化"


def test_a_lead_over_the_runner_up_is_a_change_up():
    rows = extract_from_text("本次测评我镇总得分较第二名的东山镇多出1.25分。")
    assert [(r["value"], r["kind"], r["role"], r["direction"]) for r in rows] == [
        (1.25, "score", "change", "up")]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("全县民事案件调解率0。", [(0.0, "rate")]),
    ("群众对环境整治的知晓率、参与率和认同感分别为96.4、88.1和79.5。",
     [(96.4, "rate"), (88.1, "rate"), (79.5, "other")]),
    ("按年均汇率6.72折算。", [(6.72, "other")]),
    ("该县在年度考评中得分88.6,位列全市第三。", [(88.6, "score"), (3.0, "rank")]),
])
def test_rates_and_scores_printed_without_their_unit(sentence, expected):
    assert [(r["value"], r["kind"]) for r in extract_from_text(sentence)] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("力争全县目标考核实现五连冠。", [(5.0, "count", "target")]),
    ("全市油菜生产实现9连增。", [(9.0, "count", "level")]),
    ("他一连三天守在工地。", []),  # 一连 + a duration: no streak count
])
def test_a_streak_fused_into_an_idiom_is_a_count(sentence, expected):
    got = [(r["value"], r["kind"], r["role"]) for r in extract_from_text(sentence)
           if r["kind"] not in ("date", "duration")]
    assert got == expected


def test_a_change_verb_before_a_figure_that_lost_its_comma_stays_with_it():
    rows = extract_from_text("新收信访件同比减少12.5%办结210件,办结率98%。")
    assert [(r["value"], r["role"], r["direction"]) for r in rows] == [
        (12.5, "change", "down"), (210.0, "level", None), (98.0, "level", None)]


def test_a_promise_its_parts_in_brackets_and_the_share_done():
    rows = extract_from_text("各乡镇承诺4月份开工项目20项(新建12项,续建8项),已开工15项,"
                             "开工率75%。")
    got = [(r["value"], r["role"]) for r in rows if r["kind"] != "date"]
    assert got == [(20.0, "target"), (12.0, "target"), (8.0, "target"), (15.0, "level"),
                   (75.0, "completion")]
    pairs = {r["value"]: r["pair"] for r in rows}
    assert pairs[20.0] == pairs[15.0] is not None and pairs[12.0] is None


@pytest.mark.parametrize(("sentence", "figure", "role"), [
    ("为全面实现明年全镇财政收入增长8%以上的目标而努力。", 8.0, "target"),
    ("对举报属实的,每条线索给予举报人2000元奖励。", 2000.0, "limit"),
    ("两项指标均高于省定的85%标准。", 85.0, "limit"),
    ("从30项考核指标完成情况看,我县已有25项完成。", 30.0, "level"),
    ("服务业对经济增长贡献率达61.5%。", 61.5, "level"),
])
def test_set_four_roles(sentence, figure, role):
    rows = [r for r in extract_from_text(sentence) if r["value"] == figure]
    assert [(r["role"], r["direction"] if role != "target" else None) for r in rows] == [
        (role, None)]


def test_a_deadline_in_a_part_of_the_month_is_the_period():
    rows = extract_from_text("截至5月中旬,全县各项贷款余额88亿元。")
    assert [r["period"] for r in rows if r["kind"] == "money"] == ["截至5月中旬"]


@pytest.mark.parametrize(("sentence", "value", "label"), [
    # persons counted right after the cases they belong to
    ("全年共受理审查起诉案件88件120人。", 120.0, "受理审查起诉人数"),
    ("决定不起诉(含附条件不起诉)12件15人。", 15.0, "决定不起诉人数"),
    # a count after a share that lost its comma is named by its own words
    ("新收信访件同比减少12.5%办结210件。", 210.0, "办结"),
    # the frame of an assessment names the score
    ("我县在全市营商环境考评中得分93.2。", 93.2, "营商环境考评得分"),
])
def test_set_four_labels(sentence, value, label):
    rows = [r for r in extract_from_text(sentence) if r["value"] == value]
    assert [r["indicator"] for r in rows] == [label]


def test_a_change_after_a_bare_base_is_named_by_the_base():
    rows = extract_from_text("本月共接报盗窃警情40起;同比去年同期52下降23.08%。")
    assert [(r["value"], r["indicator"]) for r in rows] == [
        (40.0, "接报盗窃警情"), (52.0, "接报盗窃警情"), (23.08, "接报盗窃警情下降")]


def test_a_threshold_in_a_name_is_not_an_earlier_figure():
    rows = extract_from_text("集体经济收入超20万元村达85个。")
    assert rows[-1]["value"] == 85.0 and rows[-1]["indicator"] == "集体经济收入超20万元村"


def test_periods_printed_back_to_back_at_the_start_are_one_reference():
    rows = extract_from_text("今年以来,截至9月上旬,全镇共办理户籍业务320件;"
                             "调处矛盾纠纷41起。")
    assert [r["period"] for r in rows if r["kind"] == "count"] == [
        "今年以来,截至9月上旬", "今年以来,截至9月上旬"]


def test_a_period_inside_a_noun_phrase_is_not_the_figures():
    rows = extract_from_text("截至5月31日,本院自2022年以来受理的案件已全部公开,共计860件。")
    assert [r["period"] for r in rows if r["kind"] == "count"] == ["截至5月31日"]


@pytest.mark.parametrize(("sentence", "value", "label"), [
    ("上半年全镇实现工业总产值18.2亿元,按可比价计算同比增长7.4%。", 7.4, "工业总产值增速"),
    ("2024年1—9月全县共调处纠纷312件(含上年结转12件),同比增加15.2%。", 15.2, "调处纠纷增速"),
])
def test_a_change_is_of_the_figure_before_not_of_a_method_or_a_part(sentence, value, label):
    assert [r["indicator"] for r in extract_from_text(sentence) if r["value"] == value] == [
        label]


def test_a_list_of_changes_without_fenbie_follows_the_figures_before_it():
    rows = extract_from_text("全年共受理信访件420件,办结398件,同比上升6.1%、7.3%。")
    assert [(r["value"], r["indicator"]) for r in rows if r["role"] == "change"] == [
        (6.1, "受理信访件增速"), (7.3, "办结数增速")]


def test_a_place_won_in_an_assessment_is_a_rank_named_by_it():
    rows = extract_from_text("今年我局在全市营商环境考评中荣获第三名。")
    assert [(r["value"], r["kind"], r["indicator"]) for r in rows] == [
        (3.0, "rank", "全市营商环境考评排名")]


def test_a_rate_after_a_bare_sequential_word_is_no_base():
    rows = extract_from_text("本月受理量860件,同比3.2%上升。")
    assert [(r["value"], r["role"]) for r in rows] == [(860.0, "level"), (3.2, "change")]


@pytest.mark.parametrize(("sentence", "labels"), [
    # the same index ranked in a city and in a province: two indicators
    ("本县空气质量指数为4.9，全市 12 个区县排名第3(全省排名第41)。",
     ["空气质量指数全市排名", "空气质量指数全省排名"]),
    # a set counted in words before the verb; the rank of the growth printed before it
    ("全县财政收入8.1亿元，同比增长3.3%，五县区排名第二。", ["财政收入五县区排名"]),
    ("调解成功率为97.5%，位居全省第4位。", ["调解成功率全省排名"]),
])
def test_a_rank_is_named_with_the_set_it_is_taken_in(sentence, labels):
    assert [r["indicator"] for r in extract_from_text(sentence) if r["kind"] == "rank"] == labels


def test_grades_in_brackets_are_grades_of_the_whole_before_them():
    rows = extract_from_text("全年新建公共厕所42座(城区15座、乡镇27座)。")
    assert [(r["value"], r["indicator"]) for r in rows] == [
        (42.0, "新建公共厕所"), (15.0, "城区新建公共厕所"), (27.0, "乡镇新建公共厕所")]
    # a part that names its own noun, or one said to be included, keeps its name
    rows = extract_from_text("全年受理各类案件960件(旧存案件85件)。")
    assert [r["indicator"] for r in rows][1] == "旧存案件"


def test_counts_named_by_a_place_alone_are_the_measure_before_them_of_that_place():
    rows = extract_from_text("从各镇的来信量看,城关镇的来信量96件,居全县首位,其次为河口镇51件,石门乡38件。")
    assert [(r["value"], r["indicator"]) for r in rows if r["kind"] == "count"] == [
        (96.0, "来信量"), (51.0, "来信量(河口镇)"), (38.0, "来信量(石门乡)")]


# --- layout spaces between Chinese characters part no words ------------------------------------

def test_spaced_out_change_verb_still_gives_the_direction():
    rows = [r for r in extract_from_text("全县接待游客12.4万人次，较上年同 期 增 长 18.6%。")
            if r["value"] == 18.6]
    assert [(r["role"], r["direction"]) for r in rows] == [("change", "up")]


def test_spaces_next_to_latin_or_digits_stay():
    from helpers.numerals import close_word_spaces
    assert close_word_spaces("PM2.5 浓度 下降") == "PM2.5 浓度下降"
    assert close_word_spaces("同 期\u3000增 长") == "同期增长"
