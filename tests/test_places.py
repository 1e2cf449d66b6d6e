"""Locality resolution through jionlp's gazetteer (helpers.places).

The nine seed cases are short excerpts of ``000_ae97290bc4d96e06.txt`` (layout spaces removed,
paragraphs joined by newlines, as in the articles table); the expected localities were read off
the page.  The nationwide cases are written in the same newspaper style.
"""

from __future__ import annotations

import dataclasses
import itertools
import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers.places import Place, find_places, load_gazetteer, resolve_locality

ROOT = Path(__file__).resolve().parents[1]

HUNAN = "湖南省"

# (case id, headline, text, expected (locality, prefecture, province))
SEED_CASES = [
    (
        "dongkou-quality",
        "洞口县实施“质量强县”战略聚力高质量发展",
        (
            "“企业荣获国家级‘双认证’，标志着我们公司质量发展迈上了新台阶！”\n"
            "今年7月，洞口县湘木豪庭新材料有限公司在县质量基础“一站式”服务平台的指导下，"
            "顺利通过了专家评审。\n"
            "作为湖南省竹木纤维集成墙板领域首家获此殊荣的企业，湘木豪庭公司成功打造了质量“升级版”。\n"
            "近年来，洞口县大力倡导“质量优先、品质洞口”质量精神，在邵阳市政府质量工作考核中评为A级。"
        ),
        ("洞口县", "邵阳市", HUNAN),
    ),
    (
        "jianghua-mediation",
        "江华：村村设有矛盾调解室",
        (
            "“李某2017年向我借了1000块钱，到现在也不肯还，每次都以各种理由推脱。”近日，"
            "在江华瑶族自治县码市镇刘家寨村矛盾调解室，村民刘某因为欠款事宜找到信访员。\n"
            "近年来，江华坚持和发展新时代江华特色“枫桥经验”，绘制“矛盾纠纷调处化解流程图”。\n"
            "如今，全县319个村村村都建立了矛盾调解室，95%以上的诉求在村一级得到解决。"
        ),
        ("江华瑶族自治县", "永州市", HUNAN),
    ),
    (
        "hanshou-antidrug",
        "汉寿县：禁毒宣传进社区，密织防毒安全网",
        (
            "为加大毒品预防教育宣传力度，不断提高辖区群众的禁毒法律意识和自我防范能力，"
            "营造全民参与、全民禁毒的良好氛围。近日，汉寿县禁毒办、县公安局联合县龙阳街道办，"
            "深入开展“禁毒宣传进社区，密织防毒安全网”主题活动。\n"
            "汉寿县始终把禁毒工作当作重要的民心工程来抓,牢牢构筑基层禁毒网。"
        ),
        ("汉寿县", "常德市", HUNAN),
    ),
    (
        "jianghua-fishing",
        "江华：严肃处理非法捕鱼者",
        (
            "日前，涉嫌非法捕捞河鱼逃逸的李某主动到江华瑶族自治县森林公安局投案自首。至此，"
            "该县河长办、县水利局联合畜牧水产事物中心、森林公安、市场监督管理局、交通局及涔天河镇"
            "政府，于10月25日在湘江东源涔天河水库库区开展专项整治行动。\n"
            "当日，联合执法人员分别乘坐两艘执法船从涔天河旅游码头出发。"
        ),
        ("江华瑶族自治县", "永州市", HUNAN),
    ),
    (
        "wuling-zhilan-no-headline",
        None,
        (
            "2021年，对于常德市武陵区芷兰街道来说，是不平凡的一年。\n"
            "这是一个崭新的起点——常德高铁枢纽站开工建设。\n"
            "这是一个崭新的时代——成立只有7年多的芷兰街道，积极践行省委省政府“三高四新”战略，"
            "紧紧围绕武陵区委“引领高质量发展建设现代化新城”的部署。\n"
            "“两期和瑞欢乐城的商业体量达37万立方米，成为常德CBD中心、湘西北经济的桥头堡。”\n"
            "10月20日，武陵区垃圾分类办公室组织全区14个乡镇街道相关人员，来到芷兰街道柳菱社区。"
        ),
        ("武陵区", "常德市", HUNAN),
    ),
    (
        "shaoyang-development-zone",
        "邵阳经济技术开发区：擂响百日大会战战鼓",
        (
            "“全年目标任务冲刺在即，我们要大力弘扬‘主动担当、奋勇争先、高效务实’的园区精神。”"
            "10月30日，邵阳经济技术开发区擂响战鼓，动员园区全体干部职工投身百日大会战行动。\n"
            "回望前三季度，成绩鼓舞人心。今年来，乘着获批国家级经开区的“东风”，"
            "邵阳经济技术开发区上下齐心，埋头苦干。"
        ),
        ("邵阳市", "邵阳市", HUNAN),
    ),
    (
        "shuangpai-mental-health",
        "双牌县：扎实做好精神障碍患者救治救助工作",
        (
            "“我儿子得了精神分裂症，每年光是治疗费就要近万元。”日前，家住双牌县江村镇的张某一家"
            "为儿子的高额治疗费用发愁。\n"
            "近年来，双牌县建立了康民精神病医院，成立技术指导专家组。"
        ),
        ("双牌县", "永州市", HUNAN),
    ),
    (
        "xihu-management-area",
        "常德市西湖管理区：念好“严字诀”护好种粮地",
        (
            "今年以来，常德市西湖管理区自然资源局时刻将耕地保护工作放在首位，建章立制，多措并举。\n"
            "抓实动态巡察，严格用地源头管控。通过动态巡查，西湖管理区发现土地违法行为8起。\n"
            "定期报备核查，严格土地用途管制。今年5月，西湖管理区启动新增耕地报备核查工作。"
        ),
        ("常德市", "常德市", HUNAN),
    ),
    (
        "zhangjiajie-discipline-no-headline",
        None,
        (
            "党史学习教育开展以来，张家界市纪委监委坚持把“我为群众办实事”当作落脚点和着力点。\n"
            "带着这些问题，张家界市纪委监委把了解民之所需作为“第一步”。\n"
            "4月26日，清廉张家界微信公众号发布了征集群众身边腐败和作风问题线索的公告。\n"
            "“困扰近二十年的这个难题，终于解决了！”家住张家界市广茂园小区二期的业主张平香说。\n"
            "今年6月，桑植县官地坪镇司法所所长陈某初被给予党内警告处分。\n"
            "桑植县纪委监委在对陈某初立案查处的同时，对县住房保障服务中心进行问责。\n"
            "7月以来，张家界市纪委监委聚焦社保卡资金管理漏洞风险问题。截至目前，"
            "张家界市在社保领域的问题线索及信访举报共107件。"
        ),
        ("张家界市", "张家界市", HUNAN),
    ),
]

NATIONWIDE_CASES = [
    (
        "zhuji-fengqiao",
        "诸暨：“枫桥经验”焕发新活力",
        (
            "近日，浙江省诸暨市枫桥镇召开基层社会治理现场会。\n"
            "枫桥镇坚持“小事不出村、大事不出镇、矛盾不上交”，全镇矛盾纠纷调解成功率达98.6%。"
        ),
        ("诸暨市", "绍兴市", "浙江省"),
    ),
    (
        "chaoyang-beijing-by-body",
        "朝阳区：老旧小区综合整治提速",
        (
            "今年以来，朝阳区加快推进老旧小区综合整治，全区已完成改造小区36个。\n"
            "北京市住建委在朝阳区召开现场推进会，海淀区、丰台区相关负责人参加。"
        ),
        ("朝阳区", "北京市", "北京市"),
    ),
    (
        "chaoyang-changchun-by-body",
        "朝阳区：老旧小区综合整治提速",
        (
            "今年以来，朝阳区加快推进老旧小区综合整治，全区已完成改造小区36个。\n"
            "吉林省住建厅在朝阳区召开现场推进会，南关区、宽城区相关负责人参加。"
        ),
        ("朝阳区", "长春市", "吉林省"),
    ),
    (
        "gulou-fuzhou-no-headline",
        None,
        (
            "近日，福州市鼓楼区温泉街道开展垃圾分类入户宣传活动。\n"
            "鼓楼区城管局负责人介绍，全区生活垃圾分类覆盖率已达95%以上。"
        ),
        ("鼓楼区", "福州市", "福建省"),
    ),
    (
        "gulou-nanjing-by-siblings",
        "鼓楼区：“家门口”养老服务站全覆盖",
        (
            "今年以来，鼓楼区新建社区养老服务站23个，实现街道全覆盖。\n"
            "南京市民政局表示，将把鼓楼区经验推广到玄武区、秦淮区。"
        ),
        ("鼓楼区", "南京市", "江苏省"),
    ),
    (
        "ningxiang-city-alias",
        "宁乡：乡村振兴跑出加速度",
        (
            "近年来，宁乡市大力发展现代农业，全市农业总产值增长8.2%。\n"
            "宁乡花猪、沩山毛尖等特色品牌叫响全国。"
        ),
        ("宁乡市", "长沙市", HUNAN),
    ),
    (
        "ningxiang-former-county-name",
        None,
        "2016年，宁乡县大力发展现代农业，全县农业总产值增长7.5%。",
        ("宁乡市", "长沙市", HUNAN),
    ),
    (
        "jishou-autonomous-prefecture",
        "吉首：老旧小区改造惠民生",
        (
            "近日，湘西土家族苗族自治州吉首市召开城市更新推进会。\n"
            "吉首市住建局介绍，今年全市计划改造老旧小区41个，惠及居民6800余户。"
        ),
        ("吉首市", "湘西土家族苗族自治州", HUNAN),
    ),
    (
        "xiangxi-prefecture-short-form",
        "湘西州：文旅融合促振兴",
        (
            "今年以来，湘西州围绕“旅游+”推动文旅深度融合。\n"
            "全州接待游客增长12%，吉首市、凤凰县客流最旺。"
        ),
        ("湘西土家族苗族自治州", "湘西土家族苗族自治州", HUNAN),
    ),
    (
        "zhenglan-banner-league",
        "正蓝旗：草原网格员守护好牧场",
        "近年来，锡林郭勒盟正蓝旗推行“草原网格员”制度，全旗牧民满意率达96%。",
        ("正蓝旗", "锡林郭勒盟", "内蒙古自治区"),
    ),
    (
        "shihezi-xinjiang-province-administered",
        "石河子：兵地融合发展见实效",
        (
            "近日，新疆维吾尔自治区石河子市召开兵地融合发展推进会。\n"
            "石河子市与周边县市签订合作协议12项。"
        ),
        ("石河子市", None, "新疆维吾尔自治区"),
    ),
    (
        "qionghai-hainan-province-administered",
        "琼海：博鳌镇打造乡村振兴样板",
        "近年来，海南省琼海市博鳌镇以美丽乡村建设为抓手，全镇接待游客增长三成。",
        ("琼海市", None, "海南省"),
    ),
    (
        "xiantao-hubei-province-administered",
        "仙桃市：非织造布产业集群加快发展",
        "近年来，湖北省仙桃市彭场镇大力发展非织造布产业，产值突破300亿元。",
        ("仙桃市", None, "湖北省"),
    ),
    (
        "jiangbei-chongqing",
        "江北区：“老马工作法”化解基层矛盾",
        (
            "今年以来，江北区观音桥街道推广“老马工作法”，化解矛盾纠纷600余件。\n"
            "重庆市委政法委在江北区召开现场会，渝中区、渝北区相关负责人参加。"
        ),
        ("江北区", "重庆市", "重庆市"),
    ),
    (
        "jiangbei-ningbo",
        None,
        "今年以来，宁波市江北区推进甬江两岸绿道建设，新增绿道12公里。",
        ("江北区", "宁波市", "浙江省"),
    ),
    (
        "xiushan-chongqing-county",
        "秀山：农村电商助农增收",
        (
            "近年来，秀山土家族苗族自治县大力发展农村电商，带动农户增收。\n"
            "重庆市商务委将秀山经验向全市推广。"
        ),
        ("秀山土家族苗族自治县", "重庆市", "重庆市"),
    ),
    (
        "xiangxibei-is-not-xiangxi",
        None,
        (
            "作为湘西北重要的交通枢纽，常德市加快推进高铁新城建设。\n"
            "湘西北经济的桥头堡正在崛起，全市固定资产投资增长10.2%。"
        ),
        ("常德市", "常德市", HUNAN),
    ),
    (
        "changsha-alias-is-the-city",
        "长沙：高新区营收跑出加速度",
        "今年以来，长沙高新区营业总收入增长15%，新增规模以上企业86家。",
        ("长沙市", "长沙市", HUNAN),
    ),
    (
        "jilin-province-level-report",
        "吉林：冰雪经济持续升温",
        "今年冬季，吉林省冰雪旅游人数同比增长30%，长春市、吉林市等地游客大增。",
        (None, None, "吉林省"),
    ),
    (
        "beijing-municipality-city-level",
        "北京：冬奥场馆赛后利用成效显著",
        "北京市冬奥场馆已全部向社会开放，累计接待市民游客超过200万人次。",
        ("北京市", "北京市", "北京市"),
    ),
    (
        "jiyuan-henan-province-administered",
        "济源：产城融合示范区建设提速",
        "近年来，河南省济源市推进产城融合，全市城镇化率达66%。",
        ("济源市", None, "河南省"),
    ),
    (
        "xidongting-zone-in-jionlp",
        "西洞庭管理区：渔民上岸安居乐业",
        "近日，西洞庭管理区完成退捕渔民安置房建设，186户渔民喜迁新居。",
        ("常德市", "常德市", HUNAN),
    ),
    (
        "county-in-headline-after-city-lead",
        "永州市：双牌县扎实推进精神卫生工作",
        "近年来，永州市加强严重精神障碍患者救治救助，各县区工作指标均居全省前列。",
        ("双牌县", "永州市", HUNAN),
    ),
    (
        "two-character-county-li",
        "澧县：城头山遗址公园获评国家考古遗址公园",
        "近日，在澧县召开的文物保护工作会上传来消息。",
        ("澧县", "常德市", HUNAN),
    ),
    (
        "yangquan-chengqu-after-parent",
        None,
        "近日，山西省阳泉市城区义井街道开展文明创建活动。",
        ("城区", "阳泉市", "山西省"),
    ),
]

NOTHING_CASES = [
    ("no-place", "全力以赴抓好秋冬季疫情防控", "今年以来，全市上下凝心聚力，推进高质量发展。"),
    ("xiangxibei-only-headline", "湘西北：春耕备耕正当时", "各地抢抓农时，全力备耕。"),
    ("xiangxibei-only-body", None, "湘西北经济发展迅速，全域旅游蓬勃兴起。"),
    ("shifan-county-word", "国家级示范县创建有序推进", "该县创建国家级示范县工作通过验收。"),
    ("acting-county-head", "代县长到村调研", "县委副书记、代县长李某到村调研脱贫攻坚工作。"),
    ("generic-chengqu", None, "城区绿化覆盖率达45%，郊区新建公园3个。"),
    ("chengqu-headline-start", "城区环境大变样", "今年以来，城区新增绿地12万平方米。"),
    ("undecided-alias-xinhua", "新华社：国务院常务会议部署秋冬季生产", ""),
    ("undecided-alias-changan", "长安汽车：新能源汽车销量大增", "前三季度销量同比增长40%。"),
    ("town-not-district", "城关镇：老街换新颜", "近日，城关镇完成老街改造。"),
    ("empty", None, ""),
]


def _ids(cases):
    return [c[0] for c in cases]


@pytest.mark.parametrize(("case", "headline", "text", "expected"), SEED_CASES, ids=_ids(SEED_CASES))
def test_seed_page_articles(case, headline, text, expected):
    assert resolve_locality(headline, text) == expected


@pytest.mark.parametrize(
    ("case", "headline", "text", "expected"), NATIONWIDE_CASES, ids=_ids(NATIONWIDE_CASES)
)
def test_nationwide_articles(case, headline, text, expected):
    assert resolve_locality(headline, text) == expected


@pytest.mark.parametrize(("case", "headline", "text"), NOTHING_CASES, ids=_ids(NOTHING_CASES))
def test_no_locality(case, headline, text):
    assert resolve_locality(headline, text) == (None, None, None)


def test_province_only():
    text = "近日，湖南省农业农村厅召开全省春耕生产工作会议，湘西北地区降雨偏多。"
    assert resolve_locality(None, text) == (None, None, HUNAN)


def test_headline_alone_resolves_a_short_lead():
    # corpus.py asks this of headline candidates, with an empty body.
    assert resolve_locality("江华：村村设有矛盾调解室", "") == ("江华瑶族自治县", "永州市", HUNAN)
    assert resolve_locality("汉寿县: 禁毒宣传进社区", "") == ("汉寿县", "常德市", HUNAN)
    assert resolve_locality("  双牌县：扎实做好", "") == ("双牌县", "永州市", HUNAN)


def test_text_start_lead_without_headline():
    text = "江华：近日，全县319个村都建立了矛盾调解室。"
    assert resolve_locality(None, text) == ("江华瑶族自治县", "永州市", HUNAN)


def test_alias_only_at_the_start():
    # 江华 in the body is an alias: not counted; the full name 双牌县 is.
    text = "近日，江华、江华、江华等地代表来到双牌县交流。"
    assert resolve_locality(None, text) == ("双牌县", "永州市", HUNAN)
    # an alias glued to running text at the headline start is not trusted without a colon
    assert resolve_locality("江华村村设有矛盾调解室", "") == (None, None, None)


def test_alias_chain_in_lead():
    assert resolve_locality("永州江华：瑶族盘王节开幕", "") == ("江华瑶族自治县", "永州市", HUNAN)
    assert resolve_locality("常德市武陵区：高铁新城建设提速", "") == ("武陵区", "常德市", HUNAN)


def test_shared_alias_in_headline_resolved_by_body():
    # 朝阳 is the short form of 朝阳市 (辽宁) and of two 朝阳区; the body says which.
    text = "近日，长春市委在朝阳召开现场会。"
    assert resolve_locality("朝阳：老旧小区改造提速", text) == ("朝阳区", "长春市", "吉林省")
    text = "近日，重庆市委政法委在江北召开现场会，渝中区参加。"
    assert resolve_locality("江北：基层治理出新招", text) == ("江北区", "重庆市", "重庆市")


def test_shared_full_name_undecided_keeps_only_the_name():
    # 鼓楼区 is in four cities and nothing in the text says which.
    text = "近日，鼓楼区温泉街道开展垃圾分类宣传。"
    assert resolve_locality("鼓楼区：垃圾分类进小区", text) == ("鼓楼区", None, None)


def test_prefecture_before_county_counts_as_county():
    # 常德市 is named three times, but every time directly before 武陵区.
    text = "常德市武陵区芷兰街道。\n常德市武陵区委。\n常德市武陵区政府。"
    assert resolve_locality(None, text) == ("武陵区", "常德市", HUNAN)


def test_city_beats_county_only_when_more_prominent():
    county_heavy = "张家界市召开会议。\n桑植县纪委监委立案。\n桑植县住建局整改。"
    city_heavy = "张家界市召开会议。\n张家界市纪委监委立案。\n桑植县住建局整改。"
    assert resolve_locality(None, county_heavy) == ("桑植县", "张家界市", HUNAN)
    assert resolve_locality(None, city_heavy) == ("张家界市", "张家界市", HUNAN)


def test_tie_goes_to_the_county():
    text = "张家界市、桑植县联合开展专项整治。"
    assert resolve_locality(None, text) == ("桑植县", "张家界市", HUNAN)


def test_weights_headline_over_body():
    # the headline county wins even though the body names another county more often
    text = "近日，双牌县、双牌县、双牌县代表到道县考察。"
    assert resolve_locality("道县：考察交流促发展", text) == ("道县", "永州市", HUNAN)


# --- find_places -------------------------------------------------------------------------------


def test_find_places_spans_and_places():
    text = "湖南省常德市武陵区芷兰街道和江华瑶族自治县码市镇"
    found = find_places(text)
    assert [text[s:e] for s, e, _ in found] == ["湖南省", "常德市", "武陵区", "江华瑶族自治县"]
    assert [p.level for _, _, p in found] == ["province", "prefecture", "county", "county"]
    assert found[2][2] == Place("武陵区", "常德市", HUNAN, "county")
    assert found[3][2] == Place("江华瑶族自治县", "永州市", HUNAN, "county")


def test_find_places_longest_match_first():
    text = "常德市西洞庭管理区和江华瑶族自治县"
    found = find_places(text)
    assert [(s, e) for s, e, _ in found] == [(0, 9), (10, 17)]
    # a functional zone counts as its city
    assert found[0][2] == Place("常德市", "常德市", HUNAN, "prefecture")


def test_find_places_non_overlapping_left_to_right():
    text = "长沙市区和长沙县城" * 3
    found = find_places(text)
    starts = [s for s, _, _ in found]
    assert starts == sorted(starts)
    assert all(e1 <= s2 for (_, e1, _), (s2, _, _) in itertools.pairwise(found))
    assert [text[s:e] for s, e, _ in found] == ["长沙市", "长沙县"] * 3


def test_find_places_ignores_aliases():
    assert find_places("湘西北经济、江华特色、常德高铁、城关镇、长安街、新城建设") == []


def test_find_places_disambiguates_by_context():
    beijing = find_places("北京市朝阳区")[1][2]
    changchun = find_places("长春市朝阳区")[1][2]
    assert (beijing.prefecture, beijing.province) == ("北京市", "北京市")
    assert (changchun.prefecture, changchun.province) == ("长春市", "吉林省")
    fuzhou = find_places("鼓楼区召开会议，福州市、台江区代表参加")[0][2]
    assert fuzhou.prefecture == "福州市"
    xuzhou = find_places("鼓楼区召开会议，徐州市代表参加")[0][2]
    assert xuzhou.prefecture == "徐州市"
    for name in ("新华区", "铁西区", "普陀区", "江北区"):
        assert find_places(name)[0][2].name == name  # undecided: still a definite answer


def test_find_places_short_names():
    assert find_places("国家级示范县") == []
    assert find_places("代县长") == []
    assert find_places("创新县域经济") == []
    assert find_places("城区和郊区") == []
    assert [p.name for _, _, p in find_places("在澧县、到道县")] == ["澧县", "道县"]
    assert [p.name for _, _, p in find_places("阳泉市城区")] == ["阳泉市", "城区"]


def test_find_places_word_boundaries():
    assert find_places("高铁新城区域") == []
    assert find_places("东方市场繁荣") == []
    assert [p.name for _, _, p in find_places("东方市委")] == ["东方市"]


def test_find_places_recent_and_former_names():
    assert [p.name for _, _, p in find_places("宁乡市")] == ["宁乡市"]
    assert [p.name for _, _, p in find_places("宁乡县")] == ["宁乡市"]
    assert [p.name for _, _, p in find_places("襄樊市")] == ["襄阳市"]


def test_find_places_autonomous_short_forms():
    assert [p.name for _, _, p in find_places("湘西州")] == ["湘西土家族苗族自治州"]
    assert [p.name for _, _, p in find_places("江华县")] == ["江华瑶族自治县"]


def test_find_places_one_megabyte():
    unit = "今年以来，常德市武陵区芷兰街道、江华瑶族自治县码市镇和福州市鼓楼区加快发展。"
    text = unit * (1_000_000 // len(unit) + 1)
    assert len(text) >= 1_000_000
    found = find_places(text)
    assert len(found) == 5 * (1_000_000 // len(unit) + 1)


# --- the gazetteer -----------------------------------------------------------------------------


def test_gazetteer_is_cached():
    assert load_gazetteer() is load_gazetteer()


def test_gazetteer_municipalities():
    gaz = load_gazetteer()
    assert gaz.full["北京市"] == (Place("北京市", "北京市", "北京市", "prefecture"),)
    assert Place("朝阳区", "北京市", "北京市", "county") in gaz.full["朝阳区"]
    assert Place("秀山土家族苗族自治县", "重庆市", "重庆市", "county") in gaz.full[
        "秀山土家族苗族自治县"
    ]


def test_gazetteer_province_administered_units():
    gaz = load_gazetteer()
    assert gaz.full["仙桃市"] == (Place("仙桃市", None, "湖北省", "county"),)
    assert gaz.full["济源市"] == (Place("济源市", None, "河南省", "county"),)
    assert gaz.full["琼海市"] == (Place("琼海市", None, "海南省", "county"),)
    assert gaz.full["石河子市"] == (Place("石河子市", None, "新疆维吾尔自治区", "county"),)
    # a prefecture-level city without counties
    assert gaz.full["儋州市"] == (Place("儋州市", "儋州市", "海南省", "prefecture"),)


def test_gazetteer_leagues_and_banners():
    gaz = load_gazetteer()
    assert gaz.full["锡林郭勒盟"][0].level == "prefecture"
    assert gaz.full["正蓝旗"] == (Place("正蓝旗", "锡林郭勒盟", "内蒙古自治区", "county"),)


def test_gazetteer_zones_and_aliases():
    gaz = load_gazetteer()
    changde = Place("常德市", "常德市", HUNAN, "prefecture")
    assert gaz.full["常德市西洞庭管理区"] == (changde,)
    assert gaz.full["西洞庭管理区"] == (changde,)
    assert "西湖管理区" not in gaz.full
    assert "邵阳经济技术开发区" not in gaz.full
    # jionlp keeps 邵阳 for the city; the county's short form is 邵阳县
    assert gaz.lookup("邵阳") == (Place("邵阳市", "邵阳市", HUNAN, "prefecture"),)
    assert gaz.lookup("江华") == (Place("江华瑶族自治县", "永州市", HUNAN, "county"),)
    assert "湘西北" not in gaz.full and "湘西北" not in gaz.alias


def test_gazetteer_taiwan_duplicates_dropped():
    gaz = load_gazetteer()
    assert gaz.full["连江县"] == (Place("连江县", "福州市", "福建省", "county"),)


def test_place_is_frozen():
    place = Place("洞口县", "邵阳市", HUNAN, "county")
    with pytest.raises(dataclasses.FrozenInstanceError):
        place.name = "邵阳县"  # type: ignore[misc]


# --- no side effects ---------------------------------------------------------------------------


def _run(code: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env,
        check=False, timeout=300,
    )


def test_import_prints_nothing_and_loads_nothing():
    proc = _run(
        "import helpers.places as p\n"
        "assert p.load_gazetteer.cache_info().currsize == 0\n"
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == ""
    assert proc.stderr == ""


def test_loading_the_gazetteer_prints_nothing():
    proc = _run(
        "from helpers.places import resolve_locality\n"
        "r = resolve_locality('江华：村村设有矛盾调解室', '')\n"
        "assert r == ('江华瑶族自治县', '永州市', '湖南省'), r\n"
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == ""
    assert proc.stderr == ""


def test_first_sentence_ends_at_a_full_stop_or_line_end_and_maps_back() -> None:
    from helpers.places.deixis import first_sentence

    text = "  甲县考察团来我县考察。随后召开座谈会"
    first, offset = first_sentence(text)
    assert first == "甲县考察团来我县考察"
    assert text[offset:offset + len(first)] == first
    assert first_sentence("乙镇召开会议\n会议强调") == ("乙镇召开会议", 0)
    assert first_sentence("没有句号的一行") == ("没有句号的一行", 0)
