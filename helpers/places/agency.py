"""The reporting organ of an article: 县纪委监委, 市公安局, 省纪委监委, 县市场监管局.

An organ is written as a place name or a bare level character, then the organ's own name, then
an organ ending (``ORGAN_SUFFIXES``): 湘阴县民政局, 县纪委监委, 湖南省纪委监委, 市12345热线.  It is
returned as the level character + the organ, the place name removed (湘阴县民政局 -> 县民政局,
广西壮族自治区纪委 -> 自治区纪委), so that organs compare across places.  No organ names are
listed: the pattern is the level, a short name and an ending.

Where (``find_agency``): the headline's subject, else the subject of the body's first
sentences, else the 来源 string printed with the article (an acting organ comes before a printed
one, CONVENTIONS A-source), else the service hall the report is about (``_service_hall``); a subject is an organ at the start of a clause, with at most place
names, a time phrase (近日，) or an intro (由, 记者从) before it.  Not organs: the party committee
and the government as the whole locality (县委, 县政府, 县人民政府), their leaders (县委常委,
县委书记), the media (融媒体中心, 电视台) and journalists.  A township's organs are organs
(CONVENTIONS A-township: 镇纪委, 镇党委, 镇政府, 街道办事处), its committee or government
meeting as a whole is not.  The one grammar of organ names, [place or short name][level][organ]
[branch][station], is ``read_organs``: a station reports through the organ above it, a city
bureau's district branch is the district's bureau (某市公安局某某分局某某派出所 -> 区公安分局).
Two organs only the unit reported on makes known, which ``helpers.places.locate`` asks for when
``find_agency`` finds none: the bureau of a station the report is about (``station_bureau``: a
bare 某某派出所 takes the county's level) and the government of a town taking up a case
(``town_acting``: 镇政府, 街道办事处).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from helpers.places.gazetteer import Place
from helpers.places.resolve import find_places
from helpers.places.zones import find_zones

__all__ = ["ORGAN_SUFFIXES", "OrganName", "branch_organ", "find_agency", "hotline_report",
           "official_form", "organ_units", "organs", "printed_organ_place", "read_organs",
           "source_organ", "station_bureau", "town_acting", "township_organ"]

#: Level characters an organ's name starts with (after its place name, or standing alone):
#: province, autonomous region, city, county, district, prefecture (州), banner, league; and the
#: centre (中央纪委), written as a word.
LEVELS = "省市县区州旗盟"
CENTRE = "中央"
#: Endings of organ names, longest first: discipline commissions (纪委监委, 监委, 纪委), bureaus
#: (局), commissions and committees (委员会, 委), offices (办公室, 办; a provincial government's
#: general office 办公厅, listed before 办 so that 省政府办公厅 is not cut to 省政府办), courts and procuratorates
#: (法院, 检察院, 院), service and command centres (中心), provincial departments (厅), party
#: departments (部), hotlines (热线: 12345热线), police and enforcement units (大队, 支队).
#: The political consultative conference (政协) is a body of its own, with no name before it
#: (区政协: ``WHOLE_NAMES``; 县领导看望政协 is no organ); 委会 is the short form of 委员会 (管委会);
#: a government's research office is its 研究室, its office following up decisions its 督查室
#: (市政府政务督查室); a party committee's inspection team (县委第一巡察组,
#: 省委第六巡视组) and a government's supervision, inspection or survey group (省政府督查组) act as
#: organs of their own (CONVENTIONS A-group); a weather observatory (县气象台, the weather
#: bureau's forecasting office) issues warnings in its own name.
ORGAN_SUFFIXES = ("纪委监委", "委员会", "办公室", "办公厅", "研究室", "督查室", "检察院", "法院", "监委", "纪委", "中心",
                  "巡视组", "巡察组", "督查组", "督察组", "检查组", "调研组",
                  "热线", "大队", "支队", "委会", "局", "委", "办", "院", "厅", "部", "台")
#: The kinds of group an organ sends to inspect, supervise or survey (CONVENTIONS A-group): the
#: group is written as its organ's level form and its kind, without its ordinal or its
#: 专项 (区委专项巡察组 -> 区委巡察组, 省委第六巡视组 -> 省委巡视组).
GROUP_KINDS = ("巡视组", "巡察组", "督查组", "督察组", "检查组", "调研组")
#: The two spellings of the supervision group: 督察组 is written 督查组.
GROUP_SPELLINGS = (("督察组", "督查组"),)
#: Second names of one organ printed after the first: 纪委监委 (the discipline commission and
#: the supervisory commission share their staff; before 2018 纪委监察厅/局; also written 纪委监察委),
#: and the office of a command (指挥部办公室).
CONTINUATIONS = ("监委", "监察委", "监察厅", "监察局", "办公室")
#: Most characters of an organ's own name between the level and the ending (市场监督管理 in
#: 县市场监督管理局 is 6; 人力资源和社会保障 9; 12345政务服务便民 11): longer stretches are
#: sentences.
MAX_ORGAN_NAME = 12
#: Organ endings that are whole names on their own after the level (县纪委, 区政协); every
#: other organ has a name before its ending (县委 alone is the party committee).
WHOLE_NAMES = ("纪委监委", "纪委", "监委", "政协")
#: Characters that do not occur in organ names but join words in a sentence: a stretch holding
#: one is not a name (县长在县民政局 is not one organ).  Level characters are excluded too, except
#: in the words 市场 / 市政 / 城市 / 区域 (县市场监管局, 市城市管理局); 长 only as the head named by a
#: hotline (市长热线办公室: the mayor's hotline office, 县长信箱).  Also 获 (某省获国务院表扬), 各
#: (省政府各厅委: every department) and 最 (an advert's 最好医院): no organ's name holds them.
_JOINERS = "在到对和与及等了的是将把被向从给由为于以所着过召开长获各最"
#: Township characters: a county's organ is not named after a town (县白楼镇群众工作中心 is the
#: town's centre, 区交道口街道党群服务中心 the subdistrict's), except in 乡村 (县乡村振兴局).
_TOWNSHIPS = "镇乡街"
_NAME_CHAR = rf"(?:市场|市政|城市|区域|乡村|长(?=热线|信箱)|[^\W_{LEVELS}{_JOINERS}{_TOWNSHIPS}])"
#: Verbs ending in 办 (举办, 开办, 承办; 即办 of the slogan 接诉即办): 洞口县举办 is not an organ
#: called 县举办.
_VERBS_BEFORE_BAN = "举开承主创协合督查包代兴操置筹申难好来即"
#: Names that end like organs but are the leadership or the media, not a reporting organ.
NOT_ORGANS = ("常委", "书记", "融媒体中心", "新闻中心", "传媒中心", "报社", "电视台")
#: The county's or city's media centre is no organ as the 来源 that published an item (every
#: item of its site says so), but it is one as the subject that acts (县融媒体中心一行来到某村,
#: 县融媒体中心：发挥媒体优势...), except as the unit being founded (某县融媒体中心挂牌成立).
MEDIA_CENTRES = ("融媒体中心", "新闻中心", "传媒中心")
_FOUNDED = re.compile(r"(?:正式)?(?:挂牌|成立|揭牌)")
#: The weather observatory's ending: the national one (中央气象台) is cited in local weather news.
OBSERVATORY = "气象台"
#: A hotline's name ending: a hotline named without its office (市12345热线) is a channel.
HOTLINE = "热线"
#: A hotline's organ printed with its second name (12345政务服务热线中心, 12345热线平台): one organ.
HOTLINE_CONTINUATIONS = ("中心", "平台", "办公室")
#: A person leading the organ's group (某局党组书记某某带队, 市委常委、组织部部长某某率队到某县):
#: the organ acts, through its head, with its staff.  The title may name the party committee's
#: department (市委常委、组织部部长: 市委组织部).  率 alone is the same verb (某局副局长某某率
#:某处负责人到某县调研, 主任某某率部分委员视察), but not in 率先 (takes the lead in doing).  Not
#: 一行 (a party) too: the organ whose member leads a group, or whose group visits, reports
#: (CONVENTIONS A-led-group: 县纪委副书记某某一行到某镇督查 -> 县纪委).
MAX_TITLE_RUN = 40
_LEADS_GROUP = re.compile(rf"[^，。；！？]{{0,{MAX_TITLE_RUN}}}?(?:率队|带队|带领|率领|率(?!先)|一行)")
#: ... also with 一行 (a party), when the titles name the committee's department: an official
#: with one title and 一行 may travel with staff of several posts (市政协副主席、市工信委主任某某一行).
_DEPARTMENT_GROUP = re.compile(rf"[^，。；！？]{{0,{MAX_TITLE_RUN}}}?(?:率队|带队|带领|率领|一行)")
_COMMITTEE_DEPARTMENT = re.compile(r"(委)常委、([^\W\d_、]{1,4}?部)(?:部长|副部长|长)")
#: 部 before 门 is the common noun 部门 ("department(s)": 县直各部门, 县直有关部门 are all or
#: some of the county's departments, no one organ), before 分 the word 部分 (part: 某县大部分人口,
#: most of the county's people), never a party department's ending (宣传部).
_NOT_ENDING = {"部": "(?![门分])"}
#: 部 after a direction is a region (地处广西西北部, 中部), never a department's ending; after 干 it
#: is the word for cadres (某县各族干部、群众: people, no department).  台 ends an organ only as
#: the weather observatory (气象台; 县政府出台 is a verb, 电视台 the media).
_NOT_AFTER = {"部": "(?<![东南西北中干])", "台": "(?<=气象)"}
#: Names that are the party committee as a whole (县党委, 街道党工委), not an organ of it.
WHOLE_COMMITTEES = ("党委", "党工委")
_ORGAN = re.compile(
    rf"(?P<level>自治区|{CENTRE}|[{LEVELS}])(?P<name>{_NAME_CHAR}{{1,{MAX_ORGAN_NAME}}}?"
    rf"(?:{'|'.join(_NOT_AFTER.get(s, '') + s + _NOT_ENDING.get(s, '') for s in ORGAN_SUFFIXES)})"
    rf"|{'|'.join(WHOLE_NAMES)})"
)
#: The political consultative conference, and the words after it that leave it the organ
#: rather than start an organ's name: its members (政协委员, whose 委 would end a 政协委) and the
#: verb 组织 (市政协组织部分委员调研 is no 政协组织部).
CPPCC = "政协"
_CPPCC_ITSELF = re.compile(rf"{CPPCC}(?:委$|组织)")
#: The party's name before a local party organ (中共某省委组织部): the organ is the subject.
PARTY_PREFIX = "中共"
#: A party committee's study group (县委中心组): the committee's leaders meeting, not an organ.
_STUDY_GROUP = re.compile(r"中心组(?![建织成合])")  # not 中心组建 (a centre forming something)
#: A credit at an article's foot, in brackets: an organ and its writer ((某县委办 张三)): the
#: organ supplied the report, as a printed 供稿 does.
_FOOT_CREDIT = re.compile(r"[（(]\s*(?P<organ>[^\s（）()]{2,20}?)\s+[^\W\d_]{2,4}\s*[)）]\s*$")
#: A clause that is only a time phrase (近日，今年以来，9月5日，) may stand before the subject.
_TIME_CLAUSE = re.compile(r"^[^，。]{0,12}?(?:日|月|年|以来|近期|目前|日前|近日|当前|期间|之际)$")
#: A clause ending in a verb of speech (某某说, 他强调): the clauses after it are the words said.
_SPEECH = re.compile(r"(?:说|表示|指出|强调|介绍)$")
#: A clause that opens with a level character and is no date: its subject may be an organ.
_OPENS_ORGAN = re.compile(rf"(?:自治区|{CENTRE}|[{LEVELS}])(?!.*(?:以来|期间|之际)$)")
#: Where a sentence or the 来源 label ends.
_SENTENCE_END = re.compile(r"[。！？!?\n]")
#: Clauses of a headline or sentence: split at commas, colons, the spaces of headlines and the
#: bars that part a column's name from the headline (新春走基层丨市市场监管局开展…).
_CLAUSE_BREAK = re.compile(r"[，,：:；;\s丨|｜]+")
#: Longest place lead before a headline's colon (as in ``helpers.places.resolve``).
MAX_LEAD = 15
#: The body's sentences read for the subject: the first, and the second for a first one that
#: is a subtitle or a scene (我市举行扶贫日主题宣传活动 / 10月17日，市扶贫办在...).
FIRST_SENTENCES = 2
#: Words before a subject that leave it the subject: 由 (由县委宣传部牵头), 记者从/据 (记者从县公安局
#: 获悉: the organ the news comes from; 笔者从, the writer's own word for the same).
_INTRO = re.compile(r"^(?:由|从|据|(?:记者|笔者)(?:近日|日前|今天|昨天)?从)")
#: Words after an organ that make it a person's affiliation: its officials and staff.
_TITLE = re.compile(r"常委|党组|党工委|党委|书记|副|主任|主席|局长|部长|院长|检察长|负责人|领导|干部")
#: Organs listed with their officials who accompany a visit or attend a meeting (县委办公室、
#: 政府办公室负责人陪同调研; 县政府办有关人员参加了会议; 县人武部政委某某参加活动): the people of
#: each organ named, in attendance; the visitors or the meeting's holder are the subject.  The
#: organ itself attending (县民政局参加全市培训会) names no person before the verb and stays.
MAX_ACCOMPANYING_LIST = 30
_ACCOMPANYING = re.compile(rf"[^，。；！？]{{0,{MAX_ACCOMPANYING_LIST}}}?(?:陪同|"
                           r"(?:人员|负责人|负责同志|干部|政委|领导)[^，。；！？]{0,10}?"
                           r"(?:参加|出席|列席))")
#: Longest 来源 string read as one organ; a string with a space or punctuation is not one name.
MAX_SOURCE = 30
_NOT_NAME = re.compile(r"[\s，。、：:；;（）()]")
_SOURCE_LABEL = re.compile(r"^\s*(?:来源|来源于|稿源|供稿)\s*[：:]?\s*")
#: A site prints the publication time after the 来源 name (某县热线办   2023-02-20 09:25,
#: 某区人大  发稿日期:2019-09-25 18:08, 热线办2017-07-17 10:07): a date, its label and the time
#: of day are no part of the name.
_SOURCE_TIME = re.compile(r"\s*(?:(?:发稿|发布|信息)?(?:日期|时间)\s*[：:]\s*)?"
                          r"\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$")


def organs(text: str, *, media: bool = False) -> list[tuple[int, int, str]]:
    """Every organ in ``text``: (start, end, level + organ) with the place name removed; with
    ``media`` the media centres too (``MEDIA_CENTRES``)."""
    out = []
    for m in _ORGAN.finditer(text):
        name = m["name"]
        if name.startswith("委") and ("常委" in name or name.endswith("委")):
            continue  # 县委常委(会): the party committee's standing committee, its leadership
        if name in WHOLE_COMMITTEES:
            continue
        if name.endswith("中心") and _STUDY_GROUP.match(text, m.end() - 2):
            continue  # 县委中心组: the committee's study group
        if name.startswith("领导"):
            continue  # 县领导看望政协委员: the county's leaders, persons
        if m["level"] == CENTRE and name.endswith(OBSERVATORY):
            continue  # 中央气象台预计: the national forecast cited, no local organ reports
        is_media = media and name.endswith(MEDIA_CENTRES)
        if (name.endswith(NOT_ORGANS) and not is_media) or (
                name.endswith("办") and name[-2:-1] in _VERBS_BEFORE_BAN):
            continue
        if is_media and _FOUNDED.match(text, m.end()):
            continue
        if _CPPCC_ITSELF.match(name):  # 县政协委员视察, 市政协组织委员调研: the 政协 acts
            name = CPPCC
            out.append((m.start("level"), m.start("name") + len(name), m["level"] + name))
            continue
        level = "自治区" if m["level"] == "区" and text[m.start() - 2:m.start()] == "自治" else (
            m["level"])
        end = m.end()
        while text.startswith(CONTINUATIONS, end):  # 县纪委|监委: one organ, two names
            more = next(c for c in CONTINUATIONS if text.startswith(c, end))
            name, end = name + more, end + len(more)
        if name.endswith("热线"):
            more = next((c for c in HOTLINE_CONTINUATIONS if text.startswith(c, end)), "")
            name, end = name + more, end + len(more)
        if name == COURT:
            name = PEOPLES_COURT  # 县法院 is the county's people's court, written in full
        out.append((m.start("level"), end, level + name))
    return out


#: A court by its short name (县法院, 宾川法院) and its full name (县人民法院), the form the
#: annotated sets report.
COURT = "法院"
PEOPLES_COURT = "人民法院"


# -- one grammar for organ, branch and station names ------------------------------------------
# [place or short name][level][organ][branch][station]: 榆林市|市|公安局|榆阳分局|新明楼派出所,
# 石泉县|县|公安局||云雾山派出所, 复兴|镇|纪委, 溪湖||公安|分局|张其寨派出所.  ``read_organs`` reads
# it over a text; the agency (``_subject``) and the place reading (``organ_units``,
# ``helpers.places.townships``) use its parts.

#: Levels of township units, whose own organs are agencies (CONVENTIONS A-township), longest
#: first: 街道 (urban subdistrict), 苏木 (Inner Mongolia), 镇, 乡.
TOWNSHIP_LEVELS = ("街道", "苏木", "镇", "乡")
#: A township's organs, longest first, each with the name it is reported by (the level
#: character + the organ, the place name removed): its discipline committee, its party
#: committee (a subdistrict's 党工委), its government (人民政府 written short), a subdistrict's
#: office (街道办事处).  Other township units (财政所, 卫生院) are stations of county bureaus or
#: services, no agency of their own.
TOWNSHIP_ORGANS = {"纪委监委": "纪委监委", "纪委": "纪委", "纪工委": "纪工委", "党工委": "党工委",
                   "党委": "党委", "人民政府": "政府", "政府": "政府", "办事处": "办事处"}
#: Longest township stem (the name without its level: 复兴, 马尼干戈) read before a township organ.
MAX_TOWNSHIP_STEM = 5
#: Words opening a stem that count or contrast townships and name none (全镇, 各乡镇, 城乡, 乡镇),
#: or refer back to one (该镇): the organ of no named town.
_NOT_TOWNSHIP_STEM = "全各该城乡每"
_TOWNSHIP_ORGAN = re.compile(
    rf"(?P<stem>(?![{_NOT_TOWNSHIP_STEM}])[^\W\d_]{{1,{MAX_TOWNSHIP_STEM}}}?)??"
    rf"(?P<level>{'|'.join(TOWNSHIP_LEVELS)})"
    rf"(?P<organ>{'|'.join(sorted(TOWNSHIP_ORGANS, key=len, reverse=True))})")
#: A township's party committee by its formal name (中共某某镇委员会, 中共某某街道工作委员会; the
#: clause reader has taken 中共 off).
_TOWNSHIP_FORMAL = re.compile(rf"(?:{PARTY_PREFIX})?(?P<stem>[^\W\d_]{{1,{MAX_TOWNSHIP_STEM}}}?)"
                              rf"(?P<level>{'|'.join(TOWNSHIP_LEVELS)})(?P<work>工作)?委员会")
#: A committee or government meeting as a whole (镇党委会议, 镇政府常务会议, 镇党委班子), its
#: report (审议镇政府工作报告), or the committee and the government together (镇党委、政府: the
#: town's leadership as a whole, as 县委县政府 is the county's): no agency (CONVENTIONS
#: A-township).
_MEETING = re.compile(r"(?:常务|扩大|专题|理论学习中心组)?(?:会议|会|班子|中心组)|(?:工作)?报告"
                      r"|[、和与及](?:镇|乡|街道)?(?:人民)?(?:政府|党委|办事处)")


def is_township_name(name: str) -> bool:
    """Is ``name`` the name of a township somewhere (jionlp's list)?"""
    from helpers.places.townships import all_township_names

    return name in all_township_names()


def township_organ(text: str, pos: int = 0, *, any_stem: bool = False
                   ) -> tuple[str, int] | None:
    """The township organ ``text`` prints at ``pos`` (复兴镇纪委, 镇政府, 中共某镇委员会):
    (level + organ, its end) as 镇纪委, 镇政府, 镇党委, 街道党工委, 街道办事处; else None.  A
    stem opening the text (``pos`` 0, no county printed before it) must be a township's name
    (孝儿镇政府接到来信: a township; 认真审议镇政府工作报告 is no town called 认真审议), unless
    ``any_stem`` (where the context says a unit is named: 巡察组对某某镇党委开展巡察)."""
    m = _TOWNSHIP_FORMAL.match(text, pos)
    if m is not None:
        return m["level"] + ("党工委" if m["work"] else "党委"), m.end()
    m = _TOWNSHIP_ORGAN.match(text, pos)
    if m is None or (m["stem"] and pos == 0 and not any_stem
                     and not is_township_name(m["stem"] + m["level"])):
        return None
    organ = TOWNSHIP_ORGANS[m["organ"]]
    end = m.end()
    if organ in ("纪委", "纪工委") and text.startswith(CONTINUATIONS[:2], end):
        more = next(c for c in CONTINUATIONS[:2] if text.startswith(c, end))
        organ, end = organ + more, end + len(more)
    return m["level"] + organ, end


#: A city or county bureau's branch in a district of it, named by the district's short name
#: (榆林市公安局|榆阳分局, 市公安局|秦州公安分局); the branch is the district's bureau.
_BRANCH = re.compile(r"(?P<short>[^\W\d_]{2,3}?)(?P<name>[^\W\d_]{0,4}?)分局")
#: Levels of the units a branch may be named after: districts, counties, county-level cities,
#: banners.
BRANCH_LEVELS = "区县市旗"
#: Endings of a station under a bureau or its branch (某某派出所, 某某司法所, 某某交警中队): the
#: station reports to the organ above it (CONVENTIONS A-station).
STATION_ENDINGS = ("派出所", "市场监管所", "市场监督管理所", "司法所", "财政所", "中队", "所")
MAX_STATION_STEM = 6
_STATION = re.compile(rf"(?P<stem>[^\W\d_]{{2,{MAX_STATION_STEM}}}?)"
                      rf"(?P<ending>{'|'.join(STATION_ENDINGS)})")


def short_name_level(short: str) -> str | None:
    """The level character of the county-level units a short name stands for (榆阳 -> 区, 秦州
    -> 区), when all of them share one and it is a branch level (``BRANCH_LEVELS``); else None
    (长沙 is a city and a county)."""
    from helpers.places.gazetteer import load_gazetteer

    units = [p for p in load_gazetteer().lookup(short) if p.name != short]
    chars = {p.name[-1] for p in units if p.level == "county"}
    if len(chars) != 1 or len(units) != sum(p.level == "county" for p in units):
        return None
    char = chars.pop()
    return char if char in BRANCH_LEVELS else None


def branch_organ(text: str, end: int, organ: str) -> tuple[str, int] | None:
    """The district branch printed right after a bureau ending at ``end`` (市公安局|榆阳分局 ->
    区公安分局): (level + bureau + 分局, its end), or None (a township's 分局 of a county
    bureau, 县市场监管局|万坊分局, is a station: the bureau reports)."""
    if not organ.endswith("局"):
        return None
    m = _BRANCH.match(text, end)
    if m is None or m["name"] not in ("", organ[1:-1]):
        return None
    level = short_name_level(m["short"])
    if level is None:
        return None
    return level + organ[1:-1] + "分局", m.end()


@dataclass(frozen=True)
class OrganName:
    """One organ name read by the grammar: the place or short name printed before it (榆林市,
    复兴; "" when bare), the organ as level + name (市公安局, 镇纪委), its district branch
    (区公安分局) with the short name that names the branch's unit (榆阳), its station
    (新明楼派出所) with the station's stem (新明楼).  ``reporting`` is the organ that reports for
    the chain: the most specific organ above the station (CONVENTIONS A-station)."""

    start: int
    end: int
    place: str
    organ: str
    branch: str | None = None
    branch_place: str | None = None
    station: str | None = None
    station_stem: str | None = None

    @property
    def reporting(self) -> str:
        return self.branch or self.organ


def read_organs(text: str) -> list[OrganName]:
    """Every organ name in ``text`` with its branch and station (see ``OrganName``), in text
    order: the county-and-above organs of ``organs`` and the townships' organs (read from their
    level on, with no place: a town's name in running text has no sure start).  ``start`` is
    the organ's level character."""
    found = [(s, e, o) for s, e, o in organs(text)]
    for m in _TOWNSHIP_LEVEL_ORGAN.finditer(text):
        hit = township_organ(text, m.start())
        if hit is not None and text[max(0, m.start() - 1):m.start()] not in _NOT_TOWNSHIP_STEM:
            found.append((m.start(), hit[1], hit[0]))
    # the place name printed before an organ ends at its level character (湘阴县|民政局 starts at
    # 县) or right before the organ
    place_at = {e: text[s:e] for s, e, _p in find_places(text)}
    out: list[OrganName] = []
    for start, end, organ in sorted(found):
        if out and start < out[-1].end:
            continue
        place = place_at.get(start + 1) or place_at.get(start) or ""
        branch, branch_place = branch_organ(text, end, organ), None
        if branch is not None:
            branch_place = _BRANCH.match(text, end)["short"]
            branch, end = branch
        station = _STATION.match(text, end)
        out.append(OrganName(start, station.end() if station else end, place, organ, branch,
                             branch_place, station.group() if station else None,
                             station["stem"] if station else None))
    return out


#: A township level directly followed by one of its organs (镇纪委, 街道办事处).
_TOWNSHIP_LEVEL_ORGAN = re.compile(rf"(?:{'|'.join(TOWNSHIP_LEVELS)})"
                                   rf"(?:{'|'.join(TOWNSHIP_ORGANS)})")


def organ_units(text: str, *, names: Iterable[tuple[int, int, str]] | None = None
                ) -> list[tuple[int, int, str]]:
    """The county-level units named only inside organ names (CONVENTIONS L-branch): the short
    name of a bureau's district branch (榆林市公安局|榆阳|分局 -> 榆阳区's short name) and a
    unit's name opening a branch of its own (溪湖|公安分局, 永吉县|分局): (start, end, name),
    for the place reading to count as a mention of the unit it names.  ``names`` are the
    spans that may name a unit (the place reading passes its county short names); by default
    the 2 or 3 characters before a branch that are one level's short name (``short_name_level``).
    One grammar for the agency and the place reading: a name that is itself a branch's kind
    (公安 of 公安分局, not 公安县) names no unit."""
    out = []
    for organ in read_organs(text):
        if organ.branch_place is not None:
            start = text.index(organ.branch_place, organ.start)
            out.append((start, start + len(organ.branch_place), organ.branch_place))
    if names is None:
        names = _short_names_before_branches(text)
    for start, end, name in names:
        if (_UNIT_BRANCH.match(text, end) and not _UNIT_BRANCH.match(text, start)
                and not any(s < end and start < e for s, e, _n in out)):
            out.append((start, end, name))
    return sorted(out)


def _short_names_before_branches(text: str) -> list[tuple[int, int, str]]:
    """The short names (2 or 3 characters, ``short_name_level``) printed right before a branch
    (大祥|公安分局, 榆阳|分局)."""
    out = []
    for m in _UNIT_BRANCH.finditer(text):
        for k in SHORT_PLACE_CHARS:
            short = text[max(0, m.start() - k):m.start()]
            if len(short) == k and short_name_level(short) is not None:
                out.append((m.start() - k, m.start(), short))
                break
    return out


#: Kinds of a branch printed after its unit's name alone, with no bureau before it (溪湖公安分局,
#: 某某税务分局, 某某交警分局): the kinds the annotated sets met; bare 分局 follows a bureau's name.
BRANCH_KINDS = ("公安", "税务", "交警", "市场监管", "自然资源", "生态环境")
_UNIT_BRANCH = re.compile(rf"(?:{'|'.join(BRANCH_KINDS)})?分局")


#: The enumeration comma after a subject organ: the subject is a list of organs (a joint action
#: or a meeting's attendance, 由县直工委、县卫体局、县总工会联合举办), which no one organ reports.
LIST_MARK = "、"
#: Fewest organs in such a list: two organs named together are the organiser and its partner
#: (由市委宣传部、市委网信办主办: the first is the reporting organ), three or more a joint body.
MIN_JOINT = 3
#: Words that make a list of organs one body with no head: the 主办单位 (organisers) they are,
#: 参加 (a meeting's attendance: 区应急局、水务局、气象局…负责同志参加会议), 驻 (a work team
#: stationed in a village by several organs: 县委巡察办、政府办、乡村振兴局驻某村工作队).  Not
#: 联合 (jointly): the annotated sets give a joint action by three or more organs sometimes its
#: first organ (某县委宣传部、县教育局、县文联…联合举办) and sometimes none; nor a list without
#: such a word (某县扶贫办、农业局、民政局等部门开展…), whose first organ leads.
_JOINT_ACT = re.compile(r"主办单位|参加|驻")
#: What a clause's subject is when it is such a list: the article has no reporting organ, and
#: no later clause is read for one (the list's members are not it either).
JOINT = ""


def _subject(clause: str) -> str | None:
    """The organ a clause starts with, place names allowed before it (湘阴县民政局, 县纪委监委);
    not when a title follows it (市政协副主席某某出席: a person, named by the organ).  A township's
    organ (某镇纪委, 某街道办事处) and a city bureau's district branch (某市公安局某某分局) are read by
    the grammar of ``read_organs``."""
    cppcc = _CPPCC_FORMAL.match(clause)
    if cppcc is not None:
        if _SESSION.match(clause, cppcc.end()):
            return JOINT  # 政协某某区委员会第四次会议召开: the body in session (A-whole)
        # 政协第十一届某某自治区委员会: the autonomous region's, not a district's
        autonomous = cppcc[1] == "区" and clause[:cppcc.start(1)].endswith("自治")
        return ("自治区" if autonomous else cppcc[1]) + "政协"
    if _RAILWAY_POLICE.match(clause):
        return JOINT  # railway police act: no local organ reports, and none after them
    pos = _places_end(clause)
    police = _UNIT_POLICE.match(clause, pos)
    if police is not None:
        level = police["level"]
        return level + (DISTRICT_POLICE if level == DISTRICT else POLICE_BUREAU)
    government = _government_acting(clause, pos)
    if government is not None:
        return government
    township = township_organ(clause, pos)
    if township is not None:
        organ, end = township
        if _acts(clause, end) and not _MEETING.match(clause, end):
            return organ
        return None
    found = _committee_department(clause) or organs(clause, media=True)
    if not found:
        return _station_subject(clause, pos)
    led = next((o for s, _e, o in found if o.endswith(GROUP_KINDS) and _LEADS.search(clause[:s])),
               None)
    if led is not None:
        return led  # 省委副秘书长某某率省委第一督查组到我县: the named group acts (A-group)
    start, end, organ = found[0]
    if organ.endswith(MEDIA_CENTRES) and clause.startswith(DATELINE_MARK, end):
        return None  # 某区融媒体中心讯: the dateline of the outlet, not an organ acting
    if not _acts(clause, end):
        return None
    # the level character may be the last one of a place name (湘阴县|民政局 starts at 县)
    if start > pos:
        return None
    if _SESSION.match(clause, end):
        return JOINT  # 区政协十五届三次会议开幕: the body in session, no organ (A-whole)
    branch = branch_organ(clause, end, organ)
    if branch is not None:
        organ, end = branch
    group = _GROUP_AFTER.match(clause, end)
    if group is not None and not organ.endswith(GROUP_KINDS):
        return organ + group["kind"]  # 省民政厅调研组, 省委宣传部某某建设督查组 (A-group)
    if organ.endswith(DISCIPLINE) and _SECOND_NAME_TITLE.match(clause, end):
        organ += SUPERVISION  # 县纪委副书记、监委副主任某某一行: one organ, its two names
    if organ.startswith(CENTRE) and _CITED.search(clause, end):
        return None  # 据中央纪委国家监委网报道, 由中央网信办指导: the local organ reports
    if _is_joint(clause, end):
        return JOINT  # 县公安局、县城管局、县环保局联合开展: several organs act, none alone
    return organ


#: A unit holding a meeting (CONVENTIONS A-whole: a unit acting as a whole, a meeting of a body
#: as a whole): 某乡召开…推进会, 经开区召开第4次管委会会议 as the clause after the unit's name.  The
#: report has no agency, and a printed 来源 is only the source.
_HOLDS_MEETING = re.compile(r"(?:召开|举行)[^，。；]{0,30}?(?:会议|会)$")
#: A zone named by its kind alone on its own site (经开区召开管委会会议): the unit as a whole.
BARE_ZONES = ("经开区", "高新区", "开发区", "管理区", "新区")
#: Longest township name read before a meeting (马尼干戈乡).
_TOWNSHIP_NAME = re.compile(rf"[^\W\d_]{{1,{MAX_TOWNSHIP_STEM}}}?(?:{'|'.join(TOWNSHIP_LEVELS)})")


def _unit_meeting(segment: str) -> bool:
    """Does ``segment`` open (after time phrases) with a unit holding a meeting: a place, zone or
    township name directly followed by 召开/举行 …会议 in the same clause, or a clause of the unit's
    name alone (a headline lead, 某乡：召开…会) followed by such a clause?"""
    lead = False
    for clause in _CLAUSE_BREAK.split(segment):
        clause = _INTRO.sub("", clause.strip())
        if not clause or _TIME_CLAUSE.match(clause):
            continue
        pos = _unit_name_end(clause)
        if pos and pos == len(clause) and not lead:
            lead = True  # 某乡： the unit's name as a lead
            continue
        return bool((pos or lead) and _HOLDS_MEETING.match(clause, pos))
    return False


def _unit_name_end(clause: str) -> int:
    """Where the unit's name a clause opens with ends: place names and zones (``_places_end``),
    else a township's name (老爷庙乡, 西昌乡); 0 when none."""
    pos = _places_end(clause)
    if pos:
        return pos
    if clause.startswith(BARE_ZONES):  # 经开区 of the zone's own site
        return len(next(z for z in BARE_ZONES if clause.startswith(z)))
    m = _TOWNSHIP_NAME.match(clause)
    return m.end() if m is not None and is_township_name(m.group()) else 0


#: A body meeting as a whole (CONVENTIONS A-whole): its plenary session printed right after its
#: name (区政协十五届三次会议, 政协某某区委员会第四次会议, 市人大常委会第十次会议) is no reporting
#: organ, nor is any organ after it (its members discussing are the session's).
_SESSION = re.compile(r"(?:第?[一二三四五六七八九十\d]+届)?(?:第?[一二三四五六七八九十\d]+次)"
                      r"(?:全体|常委会|常务)?(?:会议|大会)")
#: A people's government printed acting (CONVENTIONS A-government: issuing, approving,
#: commending, deciding) is the agency, written level + 政府 (湖南省人民政府决定 -> 省政府); the
#: government meeting (县政府常务会议) or named with the party committee (县委县政府) is the
#: unit as a whole, no agency (A-whole), and a bare 县政府 with any other verb is the locality.
_GOVERNMENT_ACTS = re.compile(
    r"(?P<level>[省市县区州旗盟])(?:人民)?政府(?:近日|日前|正式|已|专门|首次|再次)?"
    r"(?:印发|下发|发布|出台|批复|批准|同意|表彰|通报表扬|授予|命名|决定|公布|颁发|认定|向社会|邀请|面向)")
GOVERNMENT = "政府"


def _government_acting(clause: str, pos: int) -> str | None:
    """The government a clause opens with (after its place names) when it acts
    (``_GOVERNMENT_ACTS``): level + 政府, 自治区政府 for an autonomous region's; else None."""
    start = pos - 1 if pos else 0
    m = _GOVERNMENT_ACTS.match(clause, start)
    if m is None:
        return None
    autonomous = m["level"] == "区" and clause[:m.start()].endswith("自治")
    return ("自治区" if autonomous else m["level"]) + GOVERNMENT


#: The verbs of leading a group (CONVENTIONS A-led-group), right before a named group: the group
#: is the agency (A-group: 某某率省委第一督查组 -> 省委督查组).
_LEADS = re.compile(r"(?:率|带领|率领)$")
#: A group named after its organ (省民政厅调研组, 省委宣传部县级融媒体中心建设督查组): the organ's
#: group, its topic words dropped (A-group); not a verb before the group (县纪委组成两个督查组,
#: 某局派出督查组: the organ acts).
MAX_GROUP_TOPIC = 12
_GROUP_AFTER = re.compile(rf"[^\W\d_{_JOINERS}组派抽成]{{0,{MAX_GROUP_TOPIC}}}?"
                          rf"(?:第[一二三四五六七八九十\d]+)?(?:专项)?(?P<kind>{'|'.join(GROUP_KINDS)})")


#: The mark of a dateline after an outlet's name (某县融媒体中心讯, 本报讯).
DATELINE_MARK = "讯"
#: The bureau each kind of township station belongs to (CONVENTIONS A-station): a station printed
#: after its unit's name or short name alone (某县胡集派出所, 汝州火车站派出所) reports through the
#: unit's bureau.
STATION_BUREAUS = {"派出所": "公安局", "司法所": "司法局", "市场监管所": "市场监管局",
                   "市场监督管理所": "市场监管局", "财政所": "财政局"}


#: A city district's police station belongs to the district's branch of the city bureau
#: (某市公安局某区分局, reported as 区公安分局), not to a bureau of the district's own.
DISTRICT = "区"
POLICE_BUREAU = "公安局"
DISTRICT_POLICE = "公安分局"
#: The police of a whole unit (全市公安机关, 全县公安机关) acting as the subject: the unit's bureau,
#: which leads them, reports (a city bureau's year review or clearance drive on its own site).
_UNIT_POLICE = re.compile(r"全(?P<level>[市县区州旗])公安机关")
#: Railway police (某铁路公安处, 某铁路公安局) run the stations of railway lines: no local
#: government organ, and the stations they name (某某站派出所) are theirs.
_RAILWAY_POLICE = re.compile(r"^[^\W\d_]{0,6}?铁路公安(?:处|局)")


def _station_subject(clause: str, pos: int) -> str | None:
    """The bureau of a station a clause opens with after its unit's name (湘阴县东塘派出所 ->
    县公安局) or a bare level character (the short name read by ``_short_place_subject``);
    None for a station with no unit before it (its bureau's level is not printed)."""
    level_end = pos or (1 if clause[:1] in BRANCH_LEVELS else 0)
    if not level_end or clause[level_end - 1] not in BRANCH_LEVELS:
        return None
    m = _STATION.match(clause, level_end)
    if m is None or m["ending"] not in STATION_BUREAUS:
        return None
    if not _acts(clause, m.end()):
        return None
    level, bureau = clause[level_end - 1], STATION_BUREAUS[m["ending"]]
    if level == DISTRICT and bureau == POLICE_BUREAU:
        bureau = DISTRICT_POLICE  # a city district's police is a branch of the city's bureau
    return level + bureau


#: The discipline commission's second name printed with its officer's second title (县纪委副书记、
#: 监委副主任某某一行): the official heads one organ under both names, 纪委监委.
DISCIPLINE = "纪委"
SUPERVISION = "监委"
_SECOND_NAME_TITLE = re.compile(r"[^，。；！？、]{1,6}?、监委")


def _acts(clause: str, end: int) -> bool:
    """Does the organ ending at ``end`` act itself: no title after it (市政协副主席某某出席 is a
    person) unless its head leads a group, and no list of accompanying officials?"""
    if _TITLE.match(clause, end):
        group = _LEADS_GROUP.match(clause, end)
        if group is None or _TWO_POSTS.search(group.group()):
            return False
    return not _ACCOMPANYING.match(clause, end)


#: A group led by an official holding posts in two organs (市政协副主席、市工信委主任某某一行;
#: 高新区工委书记、管委会主任某某带队): which organ travels is not said, so none reports.  The
#: discipline commission's second name (、监委副主任) is the same organ.
_TWO_POSTS = re.compile(r"、(?!监委)(?:自治区|[省市县区州旗盟])?[^、，]{0,10}?(?:委员会|委会|委|局|办|厅|部|中心)"
                        r"副?(?:主任|主席|书记|局长|部长|厅长|院长)")


def _places_end(clause: str) -> int:
    """Where the place names (and zones) a clause opens with end: 0 when it opens with none.  A
    unit's short name may open the run (许昌|禹州市纪委监委: the city's short name before the
    county's full name)."""
    pos = 0
    spans = [(s, e) for s, e, _p in find_places(clause)] + [
        (z.start, z.end) for z in find_zones(clause)]
    if spans and min(spans)[0] in SHORT_PLACE_CHARS and _is_short_name(clause[:min(spans)[0]]):
        spans.append((0, min(spans)[0]))
    for s, e in sorted(spans):
        if s > pos:
            break
        pos = max(pos, e)
    return pos


def _is_short_name(short: str) -> bool:
    """Is ``short`` the short name of some unit (许昌 for 许昌市)?"""
    from helpers.places.gazetteer import load_gazetteer

    return any(p.name != short for p in load_gazetteer().lookup(short))


#: A national organ in a clause that cites its website (据中央纪委国家监委网报道) or its guidance
#: (由中央网信办网络传播局指导，省委网信办主办): the item is a local organ's, named after it.
_CITED = re.compile(r"网站|网(?!络)|指导")


def _is_joint(clause: str, end: int) -> bool:
    """Whether the subject organ ending at ``end`` heads a list of ``MIN_JOINT`` or more organs
    that act together (``_JOINT_ACT``)."""
    return (clause.startswith(LIST_MARK, end)
            and clause.count(LIST_MARK, end) >= MIN_JOINT - 1
            and _JOINT_ACT.search(clause, end) is not None)


#: The political consultative conference by its formal name (中国人民政治协商会议某某区第十五届委员会,
#: 政协某某县委员会): the unit's 政协, written with the unit's level character.
_CPPCC_FORMAL = re.compile(r"(?:中国人民政治协商会议|政协)[^\W\d_]{1,20}?([县市区旗州])"
                           r"(?:第[一二三四五六七八九十]{1,3}届)?委员会")


def _committee_department(clause: str) -> list[tuple[int, int, str]]:
    """A department of the party committee named by its head's titles (市委常委、组织部部长某某
    率队): [(start, end, 市委组织部)] when the head leads a group, else []."""
    for m in re.finditer(rf"(?P<level>自治区|[{LEVELS}])委常委、", clause):
        dept = _COMMITTEE_DEPARTMENT.match(clause, m.end("level"))
        if dept is not None and _DEPARTMENT_GROUP.match(clause, dept.end()):
            return [(m.start(), dept.end(), m["level"] + "委" + dept[2])]
        break
    return []


def find_agency(headline: str | None, text: str, source: str | None) -> str | None:
    """The reporting organ: the headline's subject, else that of the body's first
    ``FIRST_SENTENCES`` sentences, else the ``source`` string (or a foot credit) as an organ
    (CONVENTIONS A-source: an acting organ comes before a printed one; a hotline named as the
    subject is the channel of the printed organ); None if none is named.  Written in its
    short official form (``official_form``)."""
    organ = _find_agency(headline, text, source)
    if not organ:
        return organ
    level = re.match(rf"自治区|{CENTRE}|.", organ).group()
    if HOTLINE in organ and level not in LEVELS and CITIZEN_NUMBER in (
            (headline or "") + "\n" + text[:HOTLINE_CONTEXT]):
        return CITIZEN_HOTLINE  # a 热线办 printed with no level: the caller's unit's line
    if HOTLINE in organ and level in LEVELS and CITIZEN_NUMBER in (
            (headline or "") + "\n" + text[:HOTLINE_CONTEXT]):
        return level + CITIZEN_HOTLINE  # 县热线办 of a 12345 report: the hotline (A-hotline)
    return official_form(organ)


# -- the short official form of an organ (CONVENTIONS A-form, A-group, A-hotline) -------------
#: Long names and their short official forms (CONVENTIONS A-form): the market regulator
#: (市场监督管理局, 市监局 -> 市场监管局) and the people's government (县人民政府办公室 ->
#: 县政府办公室).  Not the courts: the annotated sets write 县人民法院 in full (``PEOPLES_COURT``).
SHORT_FORMS = (("市场监督管理", "市场监管"), ("人民政府", "政府"))
#: The market regulator by its two-character abbreviation (市监局): the whole name after the level.
MARKET_ABBREVIATION = "监局"
MARKET_REGULATOR = "市场监管局"
_GROUP_ORDINAL = re.compile(r"第[一二三四五六七八九十百\d]+|专项")
#: A citizen hotline (CONVENTIONS A-hotline) is written as level + 12345热线, whatever name and
#: second name it is printed with (12345政务服务便民热线, 12345热线平台, 12345政务服务热线中心):
#: the service's names with the number, or 政务服务 before 热线 (开平政务服务便民热线 is the
#: city's 12345 line).  Another named line (市长热线, 市民热线) keeps its name.
CITIZEN_HOTLINE = "12345热线"
#: A hotline's office (县热线办, 市长热线办公室) in a report that names 12345 in its headline or
#: its first ``HOTLINE_CONTEXT`` characters runs the 12345 line: written as the hotline.
HOTLINE_CONTEXT = 400
_CITIZEN_HOTLINE = re.compile(r"^(?P<level>自治区|中央|.)[^热]*?(?:12345|政务服务)[^热]*?热线")


def official_form(organ: str) -> str:
    """``organ`` (level + name, as ``organs`` writes it) in its short official form: SHORT_FORMS
    replaced, a group without ordinal or 专项, a citizen hotline as level + 12345热线."""
    hotline = _CITIZEN_HOTLINE.match(organ)
    if hotline is not None:
        return hotline["level"] + CITIZEN_HOTLINE
    for long, short in SHORT_FORMS:
        organ = organ.replace(long, short)
    level = re.match(rf"自治区|{CENTRE}|.", organ).group()
    if organ[len(level):] == MARKET_ABBREVIATION:
        return level + MARKET_REGULATOR
    if organ.endswith(GROUP_KINDS):
        organ = level + _GROUP_ORDINAL.sub("", organ[len(level):])
        for variant, spelling in GROUP_SPELLINGS:
            organ = organ.removesuffix(variant) + spelling if organ.endswith(variant) else organ
    return organ


def printed_organ_place(headline: str | None, text: str, organ: str
                        ) -> tuple[str, Place] | None:
    """The place name printed before the first mention of ``organ`` (as ``find_agency`` writes
    it) in the headline or the body's first sentences, with its unit (黑龙江省|政协副主席某某一行
    -> 黑龙江省); None when the organ is printed bare (市政协) or not found.  The caller keeps the
    name of an organ of a unit outside the item's locality chain (CONVENTIONS A-form)."""
    for segment in (headline or "", *_first_sentences(text)):
        ends = {e: (segment[s:e], place) for s, e, place in find_places(segment)}
        for found in read_organs(segment):
            if official_form(found.organ) != organ:
                continue
            printed = ends.get(found.start + 1) or ends.get(found.start)
            if printed is not None:
                return printed
    return None


def with_place_name(organ: str, printed: str) -> str:
    """``organ`` (level + name) written after the place name ``printed`` that ends with its
    level (黑龙江省 + 省政协 -> 黑龙江省政协; 某县 + 民政局 -> 某县民政局)."""
    level = re.match(rf"自治区|{CENTRE}|.", organ).group()
    return printed + organ[len(level):] if printed.endswith(level) else printed + organ


def _find_agency(headline: str | None, text: str, source: str | None) -> str | None:
    """``find_agency`` before the organ's official form."""
    printed = source_organ(source or "")
    if printed is None:
        credit = _FOOT_CREDIT.search(text.rstrip())
        printed = source_organ(credit["organ"]) if credit is not None else None
    rectifying = _RECTIFICATION.search((headline or "") + text.split("\n", 1)[0]) is not None
    if _unit_meeting(headline or ""):
        return None  # 某乡：召开…会 (the lead read before it is taken off)
    for segment in (_after_lead(headline or ""), *_first_sentences(text)):
        if _unit_meeting(segment):
            return None  # the unit holds a meeting as a whole: no organ, nor the printed one
        organ = _segment_subject(segment)
        if organ is not None and rectifying and organ.endswith(INSPECTION_TEAMS):
            # the inspected unit's rectification report, not the team's
            return _inspected_organ(segment) or printed
        if organ == JOINT:
            return printed
        if organ is not None and printed is not None and organ.endswith(HOTLINE):
            return printed  # the hotline is a channel: the printed organ runs it
        if organ is not None:
            return organ
    if printed is not None:
        return printed
    hotline = hotline_report(headline or "", text)
    if hotline is not None:
        return hotline
    if _HOTLINE_BULLETIN.search(headline or ""):
        return _hotline_office(text)
    return _service_hall(headline or "", text) or _acting_commission(headline or "", text)


#: Characters of a report read for a discipline commission acting further down (a county's
#: sanction notice opens with the situation, the commission comes in its third sentence).
MAX_COMMISSION_SEARCH = 1500
#: A discipline commission's names (县纪委, 县纪委监委, 市纪委监察局).
_COMMISSION = re.compile(r"纪委|监委|纪工委")
#: What a commission does in its own clause (经县纪委查实, 县纪委监委会同公安机关查处,
#: 某县纪委组织巡查小组检查): within ``MAX_ACT_GAP`` characters after its name.  Not 查处 of
#: 调查处理 (a report of findings sent to it).
MAX_ACT_GAP = 12
_COMMISSION_ACTS = re.compile(rf"[^，。；！？、\n]{{0,{MAX_ACT_GAP}}}?"
                              r"(?:查实|(?<!调)查处|决定|给予|立案|审查|组织|开展|督促|成立|组建|统筹)")
#: Words before a commission that make it the aim or the place of another's act (向县纪委报告,
#: 到县纪委上访, 对…): not its act.
_COMMISSION_OBJECT = "到向在对与给和及"
#: Words after it that make it a person's affiliation (县纪委副书记, 县纪委常委, 县纪委委员).
_COMMISSION_TITLE = re.compile(r"副|书记|常委|委员")
#: Two commissions acting together (某市纪委与某县纪委成立联合调查组): no one of them reports.
_TWO_COMMISSIONS = re.compile(r"[与和、][^，。]{0,6}?(?:纪委|监委)")
#: ... only in a discipline report (a sanction, a case, a notice of cases).
_DISCIPLINE_REPORT = re.compile(r"处分|诫勉|问责|通报|查处|立案|审查调查|留置|违纪")


def _acting_commission(headline: str, text: str) -> str | None:
    """The discipline commission (county level or above, not the centre's) that acts further
    down a discipline report whose opening names no acting organ: the first one whose name is
    followed by its act (``_COMMISSION_ACTS``) or preceded by 经/由, never the aim of another's
    act, a title's affiliation or one of two commissions acting together."""
    whole = (headline + "\n" + text)[:MAX_COMMISSION_SEARCH]
    if not _DISCIPLINE_REPORT.search(whole):
        return None
    for start, end, organ in organs(whole):
        if not _COMMISSION.search(organ) or organ.startswith(CENTRE):
            continue
        if (whole[start - 1:start] in _COMMISSION_OBJECT and start > 0) or (
                _COMMISSION_TITLE.match(whole, end)):
            continue
        if _TWO_COMMISSIONS.match(whole, end):
            return None
        if _COMMISSION_ACTS.match(whole, end) or whole[max(0, start - 1):start] in ("经", "由"):
            return organ
    return None


#: Government service halls, where a unit's windows sit together (政务服务中心, 便民服务中心,
#: 行政服务中心): a report on the hall itself (it opens, it serves, people praise it) is the
#: hall's, though no clause has it as the subject (CONVENTIONS C-services reads such paragraphs as
#: the hall's work).  Not a party-and-masses centre (党群服务中心: a venue for activities).
SERVICE_HALLS = ("政务服务中心", "便民服务中心", "行政服务中心")
#: Fewest times the hall is named (in any form, its level printed or not) for it to be the topic
#: of the report: one mention is a place visited or a window moved in (参观了县政务服务中心).
MIN_HALL_MENTIONS = 2
#: The hall must be named with its level where the report opens: in the headline or the first
#: characters of the body (its first paragraph or two).
HALL_OPENING = 400
#: Level characters a hall is named with (县行政服务中心, 区政务服务中心, 镇便民服务中心, 街道…).
HALL_LEVELS = "省市县区州旗镇乡"
#: Characters before a level character that make it a common noun (全县, 各区, 该镇, 每个乡), and
#: the common nouns 城市, 乡镇, 城镇: no one unit's level.
_NOT_HALL_UNIT = "全各该每"
_NOT_HALL_UNIT_WORDS = ("城市", "乡镇", "城镇")


def _service_hall(headline: str, text: str) -> str | None:
    """The service hall a report is about (``SERVICE_HALLS``): named at least
    ``MIN_HALL_MENTIONS`` times, once with its unit's level within the report's opening; written
    as level + hall (街道 as 街道); None when no hall is, or halls of two kinds are."""
    whole = headline + "\n" + text
    counts = {hall: whole.count(hall) for hall in SERVICE_HALLS}
    kinds = [hall for hall in SERVICE_HALLS if counts[hall] >= MIN_HALL_MENTIONS]
    if len(kinds) != 1:
        return None
    hall = kinds[0]
    opening = headline + "\n" + text[:HALL_OPENING]
    for m in re.finditer(rf"(街道|[{HALL_LEVELS}]){hall}", opening):
        before = opening[max(0, m.start() - 1):m.start()]
        if (before and before in _NOT_HALL_UNIT) or before + m[1] in _NOT_HALL_UNIT_WORDS:
            continue
        return m[1] + hall
    return None


#: A hotline's periodic bulletin (12345政府服务热线一周情况通报, 二季度12345热线运行情况通报):
#: the headline names the hotline without its level, and the body opens with figures; the
#: hotline's own office, named with its level where the body cites it (县热线办直办11件, 市热线办
#: 回访工单), compiled the bulletin.
_HOTLINE_BULLETIN = re.compile(r"热线[^，。]{0,12}?(?:通报|运行情况|办理情况|分析报告)")
#: Most characters of a bulletin's body searched for its hotline office.
MAX_HOTLINE_SEARCH = 2000


#: A citizen hotline opening a clause (CONVENTIONS A-hotline: the hotline reporting its own work,
#: its work orders, its figures, a call it took): 12345 with or without a name (12345政务服务便民热线,
#: 12345热线办, 12345平台), or a bare 热线 of its own (热线平台通过电话…受理) where the opening names 12345; a
#: short name with its level the gazetteer does not know may stand before the number, the level its
#: own (博州12345热线 -> 州; not 用好12345热线).
_HOTLINE_SUBJECT = re.compile(rf"(?:[^\W\d_{_JOINERS}我本该]{{0,3}}?(?P<lead>[{LEVELS}])(?=12345))?(?P<num>12345)?"
                              r"(?:(?P<name>[^\W\d_]{0,8}?)热线(?:办公室|办|中心|平台|工作人员)?|(?<=12345)平台)"
                              r"(?P<next>.?)")
#: A date opening a headline's clause before the hotline (2017年4月份市12345平台考评结果通报).
_DATE_PREFIX = re.compile(r"^(?:\d{4}年)?(?:\d{1,2}月份?)?(?:\d{1,2}日)?")
#: Names of the citizen hotline besides its number (政务服务便民热线, 公众服务热线, 市民服务热线).
_CITIZEN_NAMES = re.compile(r"政务|便民|公众|市民")
CITIZEN_NUMBER = "12345"
#: Words that refer to the report's own unit before its hotline (我市12345热线办, 本县): the level.
_OWN_UNIT = re.compile(r"(?:我|本|全)(?P<level>[市县区州旗])")


def hotline_report(headline: str, text: str, *, level: str | None = None) -> str | None:
    """The citizen hotline reporting its own work (CONVENTIONS A-hotline): a 12345 hotline opening
    a clause of the headline or the body's first sentences, after its unit's name (郧阳区, 博州 ->
    州), 我市 or nothing: level + 12345热线.  A hotline printed without a level takes ``level``
    (the caller's unit's level character); None without one, or when no hotline opens a clause."""
    opening = [_after_lead(headline), *_first_sentences(text)]
    if CITIZEN_NUMBER not in headline + "\n" + "\n".join(opening):
        return None
    for segment in opening:
        for clause in _CLAUSE_BREAK.split(segment):
            clause = _DATE_PREFIX.sub("", _INTRO.sub("", _TAG.sub("", clause.strip())))
            printed, pos = _hotline_level(clause)
            m = _HOTLINE_SUBJECT.match(clause, pos)
            if m is None or m["next"] == "号" or not (
                    m["num"] or not m["name"] or _CITIZEN_NAMES.search(m["name"] or "")):
                continue  # 热线号码, a line of another kind (市长热线)
            found = printed or m["lead"] or level
            return found + CITIZEN_HOTLINE if found else None
    return None


def _hotline_level(clause: str) -> tuple[str | None, int]:
    """The level of the unit named at the start of ``clause`` before its hotline, and where the
    name ends: a full name's last character (郧阳区 -> 区, 某自治州 -> 州), 我市 -> 市, a short name
    all of whose units share one level (博州 -> 州); (None, 0) when no unit is named."""
    own = _OWN_UNIT.match(clause)
    if own is not None:
        return own["level"], own.end()
    pos = _places_end(clause)
    if pos:
        return ("自治区" if clause[:pos].endswith("自治区") else clause[pos - 1]), pos
    from helpers.places.gazetteer import load_gazetteer

    for k in SHORT_PLACE_CHARS:
        units = [p for p in load_gazetteer().lookup(clause[:k]) if p.name != clause[:k]]
        chars = {p.name[-1] for p in units}
        if len(chars) == 1 and chars <= set(LEVELS):
            return chars.pop(), k
    return None, 0


def _hotline_office(text: str) -> str | None:
    """The first hotline organ with its level in the body (县热线办), or None."""
    return next((organ for _s, _e, organ in organs(text[:MAX_HOTLINE_SEARCH])
                 if "热线" in organ), None)


#: A party committee's inspection teams (``ORGAN_SUFFIXES``).
INSPECTION_TEAMS = ("巡视组", "巡察组")
#: The state of a rectification (整改情况, 整改进展, 整改阶段进展情况) in the headline or the first
#: paragraph: the
#: report is the inspected unit's account of what it corrected after the team's visit (巡视组对
#: 我县进行了巡视…现将整改情况予以公布), whose opening recalls the team's work; the team is no
#: reporting organ there.  (A team's own notice may still promise to push 整改落实.)
_RECTIFICATION = re.compile(r"整改[^，。]{0,6}?(?:情况|进展)")
#: The unit a team inspected (巡察组对某镇党委开展了巡察, 巡视组进驻某局): the organ that reports
#: the rectification.
_INSPECTED = re.compile(r"(?:巡察|巡视)[^，。]{0,4}?组?(?:对|进驻)(?P<unit>[^，。]{2,30}?)"
                        r"(?:开展|进行|实施)")


def _inspected_organ(segment: str) -> str | None:
    """The organ the inspection team of ``segment`` inspected (a township's 镇党委, a county
    bureau), or None when the inspected unit is no organ (a county as a whole: 对某县开展巡察)."""
    m = _INSPECTED.search(segment)
    if m is None:
        return None
    township = township_organ(m["unit"], _places_end(m["unit"]), any_stem=True)
    if township is not None and township[1] == len(m["unit"]):
        return township[0]
    organ = _subject(m["unit"])
    return organ or None


#: Bodies printed as a 来源 by their short name alone after the place (某区人大: the people's
#: congress; 某县政协): in running text 县人大 is mostly a person's title (县人大代表), so only here.
SOURCE_WHOLE_NAMES = ("人大", "政协")


#: Endings of a website's name: a 来源 that is a site (某某新闻网, 中央纪委国家监委网站) is the
#: channel that carried the item, not its reporting organ, even where an organ runs the site.
WEBSITES = ("网站", "网")


def source_organ(source: str) -> str | None:
    """The organ a 来源 string names: the whole string when it is one organ (衡东县12345政务服务
    热线中心 -> 县12345政务服务热线中心; 经济发展局 printed without a level stays as printed),
    else the first organ in it; None for a newspaper, a site or a media centre."""
    source = _SOURCE_TIME.sub("", _SOURCE_LABEL.sub("", source)).strip()
    if not source or len(source) > MAX_SOURCE or _NOT_NAME.search(source):
        return None
    if source.endswith(WEBSITES):
        return None  # 中央纪委国家监委网站, 某县人民政府网: the site that carried the item
    places = find_places(source)
    level, rest = "", source
    if places and places[0][0] == 0:
        end = max(e for s, e, _p in places if s == 0)
        level, rest = source[end - 1], source[end:]
    whole = (rest.endswith(ORGAN_SUFFIXES) and not rest.endswith(NOT_ORGANS) and (
        len(rest) > 1)) or (bool(level) and rest in SOURCE_WHOLE_NAMES)
    if whole:
        return level + rest
    found = organs(source)
    return found[0][2] if found else None


def _after_lead(headline: str) -> str:
    """A headline without its place lead (湘阴县：县民政局... -> 县民政局...)."""
    head, colon, rest = headline.strip().partition("：")
    if colon and len(head) <= MAX_LEAD and not organs(head):
        return rest
    return headline


def _first_sentences(text: str) -> list[str]:
    # a sentence end followed by a line break ends one sentence, not two
    pieces = (p for p in _SENTENCE_END.split(text.strip()) if p.strip())
    return [p for _n, p in zip(range(FIRST_SENTENCES), pieces)]


def _segment_subject(segment: str) -> str | None:
    """The organ that begins a clause of ``segment`` (after an intro such as 由 or 记者从)."""
    for clause in _CLAUSE_BREAK.split(segment):
        if _SPEECH.search(clause):
            return None  # what follows 某某说, is what was said
        clause = _INTRO.sub("", clause.strip())
        if not clause.startswith(PARTY_PREFIX + CENTRE):  # national bodies are cited, not reporting
            clause = clause.removeprefix(PARTY_PREFIX)
        # a clause ending like a time phrase may still open with its subject (县政协开展今年…)
        if clause and (not _TIME_CLAUSE.match(clause) or _OPENS_ORGAN.match(clause)):
            organ = _subject(clause)
            if organ is None:
                organ = _short_place_subject(clause)
            if organ is not None:
                return organ
    return None


#: Lengths of a county's or city's short name (秦州 for 秦州区, 清丰 for 清丰县) opening a clause.
SHORT_PLACE_CHARS = (2, 3)


def _short_place_subject(clause: str) -> str | None:
    """The organ a clause opens with after a unit's short name (秦州公安分局 -> 区公安分局): the
    short name stands for the unit, its level character for the organ's level.  Only a short
    name all of whose units share one level character counts (长沙 is a city and a county)."""
    from helpers.places.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    for k in SHORT_PLACE_CHARS:
        units = [p for p in gaz.lookup(clause[:k]) if p.name != clause[:k]]
        chars = {p.name[-1] for p in units}
        if len(chars) != 1 or chars & {"盟"} or not chars <= set(LEVELS):
            continue
        organ = _subject(chars.pop() + clause[k:])
        if organ is not None:
            return organ
    return None


# -- a station's report with no acting organ at its head (CONVENTIONS A-station) -------------
#: Fewest times a station's kind (派出所, 司法所…) is printed for a report to be the station's own
#: (its case, its officers, a banner brought to it): once is a place passed through.
MIN_STATION_MENTIONS = 2
#: The station must be named where the report opens: in the headline or the first characters of
#: the body (as a service hall, ``HALL_OPENING``).
STATION_OPENING = HALL_OPENING
#: A city bureau's district branch printed with 公安 before the district's short name and no
#: bureau (公安某某分局张贵庄派出所): the district's branch.
_KIND_BRANCH = re.compile(r"公安(?P<short>[^\W\d_]{2,3}?)分局$")
#: A station named with another unit as partners (某街道与某派出所联动, 派出所和司法所联合调解):
#: a joint report, which no one organ gives (CONVENTIONS: a list of organs acting together).
_JOINT_MARK = re.compile(r"[与和及同]|联动|联合")
#: Longest stem of a station named after its township, the level character included (马尼干戈镇).
MAX_BARE_STEM = 6


def _bare_station_stem(text: str, start: int) -> int:
    """Length of the township name printed right before the station starting at ``start``
    (泽国|派出所, 大济|派出所, 马尼干戈镇|派出所), or 0: a station after any other words is no named
    station."""
    for k in range(2, MAX_BARE_STEM + 1):
        stem = text[max(0, start - k):start]
        if len(stem) < k:
            break
        names = (stem,) if stem.endswith(TOWNSHIP_LEVELS) else tuple(
            stem + level for level in TOWNSHIP_LEVELS)
        if any(is_township_name(n) for n in names):
            return k
    return 0


def station_bureau(headline: str, text: str, *, unit: str | None) -> str | None:
    """The bureau of the station a report is about (CONVENTIONS A-station), for a report whose
    opening names no acting organ: the station's kind printed ``MIN_STATION_MENTIONS`` times, the
    station named in the opening (``STATION_OPENING``) with its bureau or branch before it
    (某区公安分局某某派出所 -> 区公安分局, 公安某某分局某某派出所 -> 区公安分局), or bare after its
    township's name (泽国派出所), whose bureau is that of ``unit``, the county-level unit the
    report is on (温岭市 -> 市公安局; a district's police is the city bureau's branch: 区公安分局).
    None when the station is named with a partner (某街道与某派出所, ``_JOINT_MARK`` next to its
    full name), for railway police (their stations are no local organ's), or when the unit's
    level is not a county's."""
    whole = headline + "\n" + text
    opening = headline + "\n" + text[:STATION_OPENING]
    for ending, bureau in STATION_BUREAUS.items():
        if whole.count(ending) < MIN_STATION_MENTIONS:
            continue
        for m in re.finditer(ending, opening):
            clause_start = max(opening.rfind(c, 0, m.start()) for c in "，。；！？\n,;") + 1
            before = opening[clause_start:m.start()]
            if "铁路" in before:
                return None  # 某铁路公安处某站派出所: railway police
            named = [o for o in read_organs(before + ending) if o.station and o.end == len(
                before) + len(ending)]
            branch = _KIND_BRANCH.search(before[:len(before) - _stem_length(before)])
            bare = _bare_station_stem(opening, m.start())
            if named:
                organ = named[-1]  # its full name starts at its place name (赛罕区|公安分局)
                found = organ.reporting
                start = organ.start + 1 - len(organ.place) if organ.place else organ.start
            elif branch is not None and short_name_level(branch["short"]) is not None:
                found, start = short_name_level(branch["short"]) + DISTRICT_POLICE, branch.start()
            elif bare and unit and unit[-1] in BRANCH_LEVELS:
                found, start = unit[-1] + bureau, len(before) - bare
                if found == DISTRICT + POLICE_BUREAU:
                    found = DISTRICT + DISTRICT_POLICE
            else:
                continue
            if _JOINT_MARK.search(before[max(0, start - 2):start]) or _JOINT_MARK.match(
                    opening, m.end()):
                return None
            return found
    return None


def _stem_length(before: str) -> int:
    """Length of the station's stem at the end of ``before`` (公安某某分局|张贵庄): the characters
    after the last 局 (a branch or bureau ending), at most ``MAX_STATION_STEM``."""
    cut = before.rfind("局")
    return min(len(before) - cut - 1, MAX_STATION_STEM) if cut >= 0 else 0


# -- a town acting as a whole (CONVENTIONS A-township) -------------------------------------------
#: Words that open a predicate right after a subject (its adverbs, the prepositions of manner,
#: the verbs of taking up work): 某镇高度重视, 某街道以…为出发点, 某镇按照…要求, 某街道全面开展,
#: 某镇投入2万元.  After a town's name they make the town the actor; a noun after it (某镇某村,
#: 某街道工作人员, 某镇的) makes it a place.  Not 召开 / 举行: a meeting of the town as a whole is no
#: agency (CONVENTIONS A-township).
_ACTS_AS_TOWN = re.compile(
    r"(?:高度重视|全面|积极|按照|依照|根据|以|坚持|立即|迅速|第一时间|组织|开展|投入|启动|聚焦|围绕|"
    r"把|将|通过|结合|针对|认真|扎实|大力|持续|不断|切实|着力|创新|探索|接诉|接到|及时|主动|精心|"
    r"多措并举|始终|深入|落实|推行|实行|建立|成立|抓实|狠抓)")
#: The organ a town acting as a whole reports by (CONVENTIONS A-township; a town of which no
#: organ is printed acts through its government, a subdistrict through its office).
TOWN_GOVERNMENTS = {"街道": "街道办事处", "镇": "镇政府", "乡": "乡政府"}
#: A case the town takes up (CONVENTIONS A-township: 镇政府 or 街道办事处 acting on a case): a
#: complaint, a letter or a call, a hotline's work order (12345, 工单).  A town opening a
#: drive, a contest or a session is the town as a whole, no agency (sets 1-14 read so).
_CASE = re.compile(r"12345|工单|投诉|接诉|来信|来电")
#: The town's own hotline before its act (某街道民生服务热线接到工单): the town takes the case.
_TOWN_HOTLINE = re.compile(r"[^\W\d_]{0,8}?热线")
#: Characters of the report read for the town acting: its opening paragraphs.
TOWN_OPENING = 600
#: Marks that may stand before the town's name in its clause: a column tag's brackets.
_TAG = re.compile(r"[\[\]【】〔〕]")


def town_acting(headline: str, text: str, *, township: str) -> str | None:
    """The organ of ``township`` taking up a case (``_CASE`` in the opening): the town, by its
    full name (or its own hotline), opens a clause of the headline or of the report's opening
    (``TOWN_OPENING``) and acts (``_ACTS_AS_TOWN``): 镇政府, 乡政府 or 街道办事处 (CONVENTIONS
    A-township); None when it never does, when no case is reported, or for a level with no
    such organ."""
    level = next((lv for lv in TOWN_GOVERNMENTS if township.endswith(lv)), None)
    if level is None or not _CASE.search(headline + "\n" + text[:TOWN_OPENING]):
        return None
    for segment in (headline, text[:TOWN_OPENING]):
        for clause in _CLAUSE_BREAK.split(segment):
            clause = _INTRO.sub("", _TAG.sub("", clause).strip("“”\""))
            if not clause.startswith(township) or clause.startswith(
                    township + TOWN_GOVERNMENTS[level]):
                continue
            hotline = _TOWN_HOTLINE.match(clause, len(township))
            if _ACTS_AS_TOWN.match(clause, hotline.end() if hotline else len(township)):
                return TOWN_GOVERNMENTS[level]
    return None
