"""Name what a figure measures: its indicator, and for counts and money its object and action.

``figure_labels(sentence, start, end, kind, unit)`` gives one ``Label`` per indicator a figure
serves (one value may serve several: 受理率、办结率均为100%):

- ``indicator``: a clean noun phrase — a rate noun (群众满意率), or for counts and money what
  was done to what (抓获犯罪嫌疑人, 化解矛盾纠纷, 追缴资金), without the reporting agent
  (莆田警方, 我院, 县纪委监委), time and scope words (12月份, 全县, 各类), verbs of reaching
  (达到, 为, 完成) or comparisons (同比, 比上年);
- ``object``: what is counted (犯罪嫌疑人, 矛盾纠纷) and ``action``: what was done to it (抓获,
  化解), for counts and money only.

How a figure is named, in order:

1. a value of a 分别 list takes the name of its place in the list before 分别 (一二三产业增加值
   分别完成 a、b和c: 第一产业增加值, 第二产业增加值, 第三产业增加值; 事故起数和死亡人数分别下降
   a、b), or, when 分别 has no subject, of the list before it (分别增长 a、b、c after 分别完成 …)
   or of the figures of the clause before (事故301起、死亡279人、受伤110人，同比分别下降 …);
2. a count takes the noun phrase after its measure word (3家企业, 两艘执法船), with the verb
   before the figure as its action (化解21件信访积案 -> 化解信访积案);
3. else the phrase before the figure in its clause, cleaned (``clean_name``);
4. a figure whose clause names nothing of its own (比上年增长5.2%, 、2833人次) or only 增速/占…
   takes the name of the nearest figure before it in the sentence (全市实现生产总值617.50亿元，
   比上年增长5.2%: 生产总值).

The part-of-speech tags are jieba's (``helpers.text.pos``); every word list below says why it
holds its words.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass

from helpers.text import is_cjk, tokenize
from helpers.text.pos import pos_tagger

__all__ = ["Label", "clean_name", "figure_labels", "noun_phrase_after"]


@dataclass(frozen=True)
class Label:
    indicator: str | None
    object: str | None = None
    action: str | None = None


#: Where a clause ends.  Quotation marks do not end one: they mark names (“两抢”案件); a bar
#: (某县公安 | 群众安全感全市第一) separates a headline's parts as a comma does.
_DELIMS = "，。；：！？,;:（）()《》、|｜"
#: Clause ends for a 分别 list, whose members are joined by 、 and 和.
_LIST_DELIMS = "，。；：！？,;:"
_NUMBER = r"[-+－]?\d+(?:\.\d+)?"
#: Words after 第N that make it the name of a kind, a batch or a stage (第一产业, 第二种形态,
#: 第三类, 第五批, 第二届, 第一阶段), not a rank: no figure of a clause.
ORDINAL_OF_A_KIND = ("产业", "种", "类", "批", "届", "期", "阶段", "轮")
#: a figure inside a clause (Arabic digits; 第N and 四成 for ranks and shares); never a date
#: (2015年, 1-9月) nor an ordinal in a name (第一产业)
#: (12345, 12315: the five digits of a government hotline, 123xx, are no figure unless a
#: measure word follows: 实现城镇新增就业12314人)
_FIGURE = re.compile(rf"(?<![\d.A-Za-z])(?<![A-Za-z]\s)(?!123\d\d(?![\d万亿]|\s*(?:人次|[人名件户个家起项条次元]))){_NUMBER}(?![\d.年月日时号]|[-－—~至]\d)"  # not 12345
                     rf"|第[一二三四五六七八九十]+(?!{'|'.join(ORDINAL_OF_A_KIND)})"
                     r"|[一二三四五六七八九十]成")
#: one value of a 分别 list: a number with its magnitude and unit, nothing else
_LIST_VALUE = re.compile(
    # the change verb may be repeated before each value (同比分别下降17.5%、下降15.2%)
    r"^(?:增长|下降|上升|提高|降低|增加|减少)?"
    rf"(?:第)?(?:{_NUMBER}|[一二三四五六七八九十]+)[余多]?[万亿千]?"
    # (an amount in a foreign currency: 分别达到6637万美元和6576万美元)
    r"(?:%|‰|个百分点|百分点|倍|成|位|名|[元件起人个户名家项条次]|万?亿?元|[万亿]?美元|人次"
    # (physical units and measure words: 分别达到12.5万吨和1.8万吨)
    r"|吨|公斤|千克|亩|公顷|平方米|平方公里|立方米|公里|千米|米|辆|台|套|座|所|处|宗|批|场|天|小时)?"
    r"(?:以上|左右)?$")
#: words that join the members of a list (a、b和c)
#: (及 and 与 join no list here: they are parts of words such as 及时受理率, 参与率)
_LIST_JOIN = re.compile(r"[、和]|(?<=\d)[:∶](?=\d)")  # 6.01:55.04:38.95 for 三次产业结构
#: A reporting agent, time or target word after which the label starts: they stand between
#: who reports (莆田警方, 我院, 县公共法律服务中心) or when (12月份) and what was done
#: (共受理诉讼案件, 累计止付…资金, 确保…经营率).
_AGENT_CUTS = ("共计", "共", "累计", "总共", "合计", "已经", "已", "先后", "均已", "现已", "确保",
               "力争", "争取", "计划", "预计", "目标", "尚有")
#: Organs that report what they did: a label starts after them (甘肃省公安机关止付冻结…资金 ->
#: 止付冻结…资金).
_AGENTS = ("机关", "警方", "公安局", "法院", "检察院", "纪委", "监委", "政府", "部门", "委员会",
           "中心", "大队", "派出所")
#: Verbs of occurrence: what happened is no action of anyone (发生事故23起 -> 生产安全事故).
_OCCURRENCE = ("发生", "出现", "存在")
#: Verbs of reaching a level: they say nothing of what is measured (第一产业完成投资 = 第一
#: 产业投资; 全市实现生产总值 = 生产总值).
_REACHING = ("累计完成", "完成", "实现")
#: Quantifiers of "every kind" that qualify nothing (受理各类案件 = 受理案件).
_EVERY = re.compile(r"各类|各项|各级|各种|各")
#: Comparisons and change verbs: what changed is named before them (比上年增长 -> '').
_COMPARE_BASE = (r"(?:上年同期|去年同期|常年同期|常年|上年末|上年底|去年底|去年末|上年|去年|上周|上月|上期|"
                 r"[前上]一(?:周|月|年|期)|"
                 r"年初|年末|年底|同期|前?[一二三四]季度|上半年|[\d\-－—–~～至年月份]+)")
#: (较一季度和1-5月: a list of bases is one comparison)
_COMPARE = re.compile(
    r"(?:与|和|同)[^，,]{1,10}?相比|同比|环比|同口径|(?:比|较)" + _COMPARE_BASE
    + r"(?:[和、]" + _COMPARE_BASE + r")*(?:相比较?)?")
#: (回升, 收窄, 扩大 of growth rates and their falls: 降幅较一季度收窄 names the 降幅)
_CHANGE_END = re.compile(r"(?:分别)?(?:增长|下降|提高|提升|降低|增加|减少|上升|下滑|回落|回升|收窄|"
                         r"扩大|缩小|减低|上涨|下跌|增收|减收|降|升|新增|"
                         # a departure from the normal (较常年同期偏少1~2成)
                         r"偏高|偏低|偏多|偏少|"
                         # the pace of a growth rate (比去年同期加快2.2个百分点)
                         r"加快|放缓|减缓|趋缓)(?:了)?$")
#: Time and scope words at the start of a label (today's counts of a county are not part of
#: the name of what is counted).
_LEADING_PIECES = (
    r"(?:今年以来|今年来|近年来|截至目前|截至|目前|至今|其中|同时|此外|另外|现在|如今|全年|今年|"
    r"去年|当年|本周|本月|上半年|下半年|前三季度|全县|全市|全区|全镇|全乡|全省|全村|全院|该县|该市|该区|"
    r"该局|该镇|该中心|该院|该所|本县|本市|本区|本镇|本乡|本院|但是|但|经[^，,]{1,4}?后|即|共计|共(?![青享同建治商有性识计])|我县|我市|我区|我院|我省|县里|市里|尤其是|其中|含|包括|另有|现|还|均(?!价)|都|"
    r"有(?![罪效关序力机])|达(?!标)|并|确保|力争|争取|运用|采取|"
    r"目标任务是|目标任务为|目标任务|任务是|目标是|目标为|将|"
    # 就 and 再 as adverbs (就有, 再次), not the first characters of 就业, 就医, 就学, 再就业
    r"又|仍|再(?!审|就业|生)|就(?![业医学诊读地])|"
    # the number of an item in a list (1.工矿商贸事故, (二)全县…, 三是…)
    r"\d{1,2}[.．、](?!\d)|[(（][一二三四五六七八九十\d]{1,2}[)）]|[一二三四五六七八九十]{1,2}是)")
_LEADING_PIECE = re.compile(_LEADING_PIECES)


def _strip_leading(text: str) -> str:
    """``text`` without the ``_LEADING_PIECES`` at its start, piece by piece, never cutting a
    noun or place name that a single-character piece begins (现, 达, 有, 还, 均… also begin
    现行刑案, 现场办结率, 达拉特旗); a longer piece (今年以来, 全县) is a word of its own."""
    ends = [0]
    while (m := _LEADING_PIECE.match(text, ends[-1])) and m.end() > ends[-1]:
        ends.append(m.end())
    inside: set[int] | None = None
    for k in range(len(ends) - 1, 0, -1):
        end = ends[k]
        if end - ends[k - 1] > 1 or end >= len(text) or not is_cjk(text[end]):
            return text[end:]
        if inside is None:  # tagged only when a single character could begin a word
            inside = _inside_nouns(text)
        if end not in inside:
            return text[end:]
    return text


def _inside_nouns(text: str) -> set[int]:
    """The positions inside a noun, a place name or a distinguishing word of ``text`` (现行,
    现场, 达拉特旗): no cut there.  A verb may be cut (共立 of 共立盗窃案件 is 共 + 立)."""
    inside, at = set(), 0
    for word, flag in _flags(text):
        if flag.startswith(("n", "b", "s", "j")):
            inside.update(range(at + 1, at + len(word)))
        at += len(word)
    return inside
_TIME_PREFIX = re.compile(r"^(?:\d{4}年度?|\d{1,2}月份?|\d{1,2}[-－—–~～至]\d{1,2}月份?|"
                          r"[一二三四]季度|在[^，,]{0,12}?(?:中|以来|期间|当天)|"
                          # a deadline (于6月30日前)
                          r"于?(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日)?(?:底|末)?(?:前|以前)|"
                          # a named day (3·15, 3.15) and the event held on it
                          r"\d{1,2}[·•・.]\d{1,2}(?:当天|期间|活动|晚会|前后)?)+")
#: Trailing words that are no part of a name: verbs of reaching, adverbs of amount, time
#: (满意率为 -> 满意率; 垃圾清运量每天 -> 垃圾清运量).
_TRAILING = frozenset({"由", "从", "不足", "不到", "控制在", "控制到", "不超过", "不高于", "均达到", "均达", "均为", "都达到", "都为", "分别为", "分别达", "达到",
                       "提升至", "提高到", "提高至", "上升至", "下降至", "降至", "降低到", "稳定在",
                       "保持在", "维持在", "达", "为", "是", "至", "共计", "共", "累计", "约",
                       "近", "超过", "逾", "已", "有", "均", "都", "分别", "每天", "每年",
                       "每月", "日均", "就要", "要", "可", "预计", "只需", "只有", "仅",
                       "仅占", "完成", "累计完成", "实现", "超", "过", "突破", "总计", "计",
                       "长", "高", "多", "宽", "深", "年", "全部", "基本", "均已",
                       # modal verbs of a requirement (开工率必须达到100%)
                       "必须", "须", "需", "需要", "应", "应当"})
#: Prepositions that open a label's adverbial (向我借 -> 借, 对5名责任人 ...).
_PREPOSITIONS = ("向", "对", "给", "为", "按照", "按", "经过", "据", "通过", "凭借")
#: POS flags of the words of a noun phrase after a measure word.  A verb or set phrase (v, l)
#: only as a modifier before the first noun (违建业主, 专兼职精防医生): after a noun a verb is
#: the predicate (党员干部|存在违规, 业主|长期以来有房).
_NOUN_FLAGS = ("n", "j", "b", "vn", "an", "nz", "ng")
_PERSON_UNITS = frozenset({"人", "名", "余人", "位"})
#: Pairs a subject list may abbreviate: 城乡居民 … 分别为 a、b is 城镇居民 and 农村居民.
_PAIRS = {"城乡": ("城镇", "农村"), "中小": ("中", "小"), "男女": ("男", "女")}
_CN_ORDINALS = "一二三四五六七八九"


def figure_labels(sentence: str, start: int, end: int, kind: str,
                  unit: str = "", *, unit_printed: bool = True) -> list[Label]:
    """The labels of the figure at ``sentence[start:end]`` (see the module docstring).
    ``unit_printed`` is False when the figure has no measure word of its own (七大行动: the
    noun follows one character later)."""
    tallied = _tally_name(sentence, start, end) if kind == "count" else ""
    if tallied:
        return [Label(tallied)]
    names = _listed_name(sentence, start, end)
    if names is None:
        names = _names(sentence, start, end, kind, unit_printed)
    names = [_with_part_qualifier(sentence, start, name) for name in names]
    names = [_coordinated_item(sentence, end, name) for name in names]
    if kind == "count":
        names = [_with_head_action(sentence, start, name) for name in names]
    return [_label(name, kind, unit, sentence, start, end) for name in names]


# --- the second item of a coordinated pair (公厕12座和垃圾中转站3座) ------------------------------

#: Words joining two quantified items of one verb (新建公厕12座和垃圾中转站3座, 实施25万亩间作套种
#: 和10万亩晚秋作物扩种).
_CONJUNCTION = r"(?:以及|和|及|与|、)"
_JOINED = re.compile(_CONJUNCTION)  # at the start of what follows the earlier figure
_JOINING = re.compile(_CONJUNCTION + "$")  # at the end of it: the earlier noun came after
#: A figure with its magnitude and measure word inside a label: the item before ours.
_FIGURE_IN_NAME = re.compile(r"\d+(?:\.\d+)?(?:余|多)?[万亿千百]?[\u4e00-\u9fff]?(?=[\u4e00-\u9fff]|$)")
#: Where the noun after a figure ends (实施…10万亩晚秋作物扩种。).
_ITEM_END = re.compile(r"[，,。；;、：:！？!?（(和及与]")


def _coordinated_item(sentence: str, end: int, name: str) -> str:
    """A label that holds the item before ours (新建公厕12座和垃圾中转站 for 3座) keeps only its own
    item: what follows the earlier figure and the conjunction (垃圾中转站).  When the earlier
    figure's own noun follows it (实施25万亩间作套种和 for 10万亩), ours follows ours too
    (晚秋作物扩种).  A label with no conjunction next to a figure in it is left alone (12345热线
    受理工单: a number that names)."""
    found = list(_FIGURE_IN_NAME.finditer(name))
    if not found:
        return name
    rest = name[found[-1].end():]
    if _JOINING.search(rest):
        after = sentence[end:]
        stop = _ITEM_END.search(after)
        return clean_name(after[:stop.start()] if stop else after) or name
    joined = _JOINED.match(rest)
    return (rest[joined.end():] or name) if joined else name


# --- a tally of rises and falls (六增二降, 价格4涨6降) -------------------------------------------

_TALLY_NUMERAL = r"(?:\d+|[一二三四五六七八九十两]{1,2})"
#: A tally: numbers each followed by one character of a rise or a fall (六增二降, 四升一降).
_TALLY = re.compile(rf"(?:{_TALLY_NUMERAL}[增减降涨跌升]){{2,}}")
#: The change each character of a tally counts the items of (增 -> 增长: 增长的县市数).
TALLY_WORDS = {"增": "增长", "升": "上升", "涨": "上涨", "降": "下降", "减": "减少", "跌": "下跌"}
#: The set a tally counts in, printed before what is measured (八县市, 五大高耗能行业, 10个蔬菜
#: 品种): a count and its noun; the count may be a figure of its own.
_TALLIED_SET = re.compile(rf"^{_TALLY_NUMERAL}(?:大|个)?(?P<set>[\u4e00-\u9fff]{{0,6}}?"
                          r"(?:县市区|县市|区县|县区|市县|乡镇|镇街|行业|品种|企业|产品|指标|类))")
#: The longest tally looked for around a number (十二增十五降 and more).
MAX_TALLY = 12
#: What a tally counts when no set is printed (猪肉、牛肉价格2涨1降: 价格上涨的个数).
TALLY_ITEMS = "个"
#: Words between what is measured and its tally (消费量呈四升一降): no part of the measure.
_TALLY_VERB = re.compile(r"(?:呈现?|为|出现|实现|是)$")


def _tally_name(sentence: str, start: int, end: int) -> str:
    """The label of a number of a tally (六增二降: 规模工业综合能源消费量增长的县市数): how many
    items of the set printed before the measure moved the member's way, or ''."""
    window = (max(0, start - MAX_TALLY), min(len(sentence), end + MAX_TALLY))
    tally = next((m for m in _TALLY.finditer(sentence, *window)
                  if m.start() <= start and end <= m.end()), None)
    word = TALLY_WORDS.get(sentence[end - 1:end])
    if tally is None or word is None:
        return ""
    begin = _clause_start(sentence, tally.start())
    while begin > 0 and sentence[begin - 1] == "、":
        begin = _clause_start(sentence, begin - 1)
    before = _TALLY_VERB.sub("", sentence[begin:tally.start()])
    before = _TIME_PREFIX.sub("", _strip_leading(before))
    before = re.sub(r"^(?:所|被)?(?:监测|调查|统计)的", "", before)
    counted = _TALLIED_SET.match(before)
    measure = clean_name(before[counted.end():] if counted else before)
    if not measure or re.search(r"\d", measure):
        return ""
    return f"{measure}{word}的{counted.group('set') if counted else TALLY_ITEMS}数"


# --- the items of a count (其中…) ------------------------------------------------------------

#: Verbs an item of a count may print as its own action (其中审结80件, 其中立案侦查12起): a verb
#: the tagger gives a kind of case or person (涉毒案件, 吸毒人员) is no action.
HANDLING_VERBS = frozenset({"受理", "审结", "办结", "结案", "立案", "查处", "破获", "抓获", "刑拘",
                            "逮捕", "起诉", "处理", "处分", "化解", "调解", "办理", "完成", "新增",
                            "引进", "签约", "开工", "竣工", "发放", "救助", "走访", "排查", "整改",
                            "移送", "追回", "挽回", "查获", "侦破", "打掉", "发现", "判处"})
#: Actions that make an item of their count a different indicator from the item alone: cases
#: solved and persons caught are not cases or persons of that kind (set 9's judges); a stock
#: (共有), an input (投入) or an intake (受理) lists its items as they are.
ITEM_ACTIONS = frozenset({"破获", "侦破", "抓获", "查获", "刑拘", "缴获", "扣押", "收缴", "查扣",
                          "没收"})
#: Clauses walked back from an item of a count to the count it is part of.
MAX_ITEM_CLAUSES = 6


def _head_action(sentence: str, start: int) -> str:
    """The verb of the count the figure at ``start`` is an item of (破获58起刑事案件中，“盗抢
    骗”案件48起、…; 抓获…36人，其中吸毒人员19人: 破获, 抓获), or ''."""
    begin = _clause_start(sentence, start)
    item = _strip_leading(sentence[begin:start]) != sentence[begin:start] and (
        sentence[begin:start].lstrip().startswith("其中"))
    j = begin
    for _ in range(MAX_ITEM_CLAUSES):
        if j <= 0 or sentence[j - 1] in _PART_ENDS:
            return ""
        pbegin = _clause_start(sentence, j - 1)
        clause = sentence[pbegin:j - 1]
        j = pbegin
        if clause.lstrip().startswith("其中"):
            item = True
            continue
        figure = _FIGURE.search(clause)
        if figure is None:
            continue
        words = _flags(clean_name(clause[:figure.start()]))
        acting = words[0][0] if words and words[0][1] == "v" else ""
        if item or clause.endswith("中"):
            return acting if acting in ITEM_ACTIONS else ""
        if acting:
            return ""  # (…，抓获犯罪嫌疑人11人，打掉…: a count with its own verb ends the items)
    return ""


def _with_head_action(sentence: str, start: int, name: str) -> str:
    """An item of a count named by what it is (涉毒案件, 吸毒人员) with the verb of the count it
    is part of (破获涉毒案件, 抓获吸毒人员): without it the item reads as a total of its kind."""
    first = tokenize(name)[0] if name else ""
    if not name or first in HANDLING_VERBS:
        return name  # (其中审结80件, 其中立案12起: the item has its own verb)
    verb = _head_action(sentence, start)
    return verb + name if verb and verb not in name else name


# --- parts of a sentence that repeat one measure ---------------------------------------------

#: Where a part of a sentence ends: a report gives each part (雪灾…；洪涝…；干旱…) its own
#: segment.
_PART_ENDS = "；;。！？"
#: A qualifier of one character is a word's piece (新签项目: 新), not a part's name.
MIN_QUALIFIER = 2
#: POS flags of the words that open a part's qualifier (雪灾, 出租汽车, 城市, 干旱).
_QUALIFIER_FLAGS = ("n", "ns", "nz", "a", "j")


def _parts(sentence: str) -> list[tuple[int, int]]:
    """The (begin, end) of each part of the sentence between part ends."""
    cuts = [-1] + [i for i, ch in enumerate(sentence) if ch in _PART_ENDS] + [len(sentence)]
    return [(a + 1, b) for a, b in itertools.pairwise(cuts) if b > a + 1]


def _part_qualifier(sentence: str, begin: int, end: int) -> str:
    """The words that open a part's first named figure (本月全县冰雹受灾人口1200人 -> 冰雹;
    全市公交累计投入运力 -> 公交): the nouns before the first word of another kind."""
    first = _FIGURE.search(sentence, begin, end)
    if first is None:
        return ""
    opening = _clause_start(sentence, first.start())
    if opening > begin and clean_name(sentence[begin:opening].rstrip("，,、 ")):
        return ""  # 出台…方案，筛选出…11个重点乡镇: the part opens with no figure's subject
    text = sentence[opening:first.start()]
    prev = None
    while prev != text:
        prev = text
        text = _TIME_PREFIX.sub("", _strip_leading(text))
    words = []
    for word, flag in _flags(text):
        if not flag.startswith(_QUALIFIER_FLAGS) or flag.startswith("ad"):
            break
        words.append(word)
    return "".join(words) if len(words) < len(_flags(text)) else ""


def _with_part_qualifier(sentence: str, start: int, name: str) -> str:
    """``name`` with the qualifier of its part when the same name is printed in another part
    too (…农作物受灾面积56.21公顷；洪涝…农作物受灾面积669.46公顷: 洪涝农作物受灾面积), so
    that the parts' figures are told apart; ``name`` itself otherwise."""
    if not name or len(name) < 2 or NOT_A_SUBJECT.match(name) or name.startswith(
            GROWTH_SIZE_WORDS):
        return name  # (下拉规上工业产值增速: a gap or contribution gets its subject later)
    parts = _parts(sentence)
    if len(parts) < 2 or sum(name in sentence[a:b] for a, b in parts) < 2:
        return name
    own = next((a, b) for a, b in parts if a <= start < b)
    qualifier = _part_qualifier(sentence, *own)
    others = {_part_qualifier(sentence, a, b) for a, b in parts if (a, b) != own
              and name in sentence[a:b]}
    if (len(qualifier) < MIN_QUALIFIER or qualifier.startswith("全")
            or qualifier in name or qualifier in others or name[:2] in qualifier
            or _COMPARE.search(qualifier)):
        return name  # (同比火灾起数和受伤人数分别下降…: the name itself opens the part)
    return qualifier + name


# --- 分别 lists -------------------------------------------------------------------------------

def _list_clause(sentence: str, start: int) -> tuple[int, int]:
    """The clause of a list around ``start``: a colon between digits joins a ratio (a:b:c)."""
    def stops(k: int) -> bool:
        return sentence[k] in _LIST_DELIMS and not (
            sentence[k] in ":∶" and sentence[k - 1:k].isdigit() and sentence[k + 1:k + 2].isdigit())
    i = start
    while i > 0 and not stops(i - 1):
        i -= 1
    j = start
    while j < len(sentence) and not stops(j):
        j += 1
    return i, j


def _listed_name(sentence: str, start: int, end: int) -> list[str] | None:
    """The name of a figure that is one value of a 分别 list, None for any other figure."""
    begin, stop = _list_clause(sentence, start)
    at = sentence.rfind("分别", begin, start)
    unsaid = _unsaid_list(sentence, begin, stop, start)
    if at < 0 and unsaid is not None:
        return unsaid
    if at < 0:  # 分别完成 a、b、c，增长 x、y、z: the second list follows the first
        first = _FIGURE.search(sentence, begin, stop)
        if first is None:
            return None
        if re.search(r"\d[:∶]\d", sentence[first.start():stop]):
            at = first.start()  # 三次产业结构比例为 a:b:c
        elif clean_name(sentence[begin:first.start()]) or sentence.rfind(
                "分别", _segment_start(sentence, begin), begin) < 0:
            # (a 分别 list of an earlier segment, before a ；, is not continued here)
            return _paired_values(sentence, begin, first, stop, start)
        else:
            at = begin
    else:
        first = _FIGURE.search(sentence, at, stop)
    if first is None or first.start() > start:
        return None
    verb_end = first.start()
    items, pos = [], verb_end
    for part in _LIST_JOIN.split(sentence[verb_end:stop]):
        items.append((pos, part))
        pos += len(part) + 1
    index = next((k for k, (p, part) in enumerate(items) if p <= start < p + len(part)), None)
    if index is None or not all(_LIST_VALUE.match(part.strip()) for _, part in items[:index + 1]):
        return None
    n = sum(1 for _ in _list_values(items))
    subjects = _subjects(sentence, begin, at, n)
    if subjects is None:
        return None
    subject = subjects[index] if index < len(subjects) else subjects[-1]
    whole = _SHARE_OF.match(sentence[at:verb_end])
    if whole and subject and "占" not in subject:  # 分别占投诉总量的a、b: each member's share
        subject += "占" + whole.group("whole")
    gaps = _GAPS_TO_LISTED.match(sentence, at, verb_end)
    if gaps and subject:  # 进出口总量分别高于奉化、宁海a和b: each value is a gap to one of them
        marks = [b for b in _LIST_JOIN.split(gaps.group("marks")) if b]
        if len(marks) == n:
            subject += gaps.group("word") + marks[index]
    return [subject]


def _segment_start(sentence: str, at: int) -> int:
    """Where the segment holding ``at`` starts: after the last ；, ; or 。 before it."""
    return max(sentence.rfind(mark, 0, at) for mark in "；;。") + 1


def _paired_values(sentence: str, begin: int, first: re.Match[str], stop: int,
                   start: int) -> list[str] | None:
    """The name of a value of a list printed without 分别 after a subject that names a pair
    (城乡居民收入达到a元和b元: 城镇居民收入, 农村居民收入); None for any other figure."""
    items, pos = [], first.start()
    for part in _LIST_JOIN.split(sentence[first.start():stop]):
        items.append((pos, part))
        pos += len(part) + 1
    n = sum(1 for _ in _list_values(items))
    index = next((k for k, (p, part) in enumerate(items) if p <= start < p + len(part)), None)
    if n < 2 or index is None or index >= n:
        return None
    names = _expand(clean_name(sentence[begin:first.start()]), n)
    return [names[index]] if names else None


#: The head of a list of changes printed without 分别 (受理10008件，结案9127件，同比上升a、b).
_CHANGE_LIST_HEAD = re.compile(r"(?:同比|环比|比上年|较上年|比去年|较去年)(?:上升|增长|下降|增加|减少|提高|降低)")


def _unsaid_list(sentence: str, begin: int, stop: int, start: int) -> list[str] | None:
    """The name of a value of a list of changes without 分别 (同比上升8.48%、9.77%): the nth
    value is the change of the nth of as many figures printed before it in its segment."""
    first = _FIGURE.search(sentence, begin, stop)
    if first is None or first.start() > start or not _CHANGE_LIST_HEAD.fullmatch(
            sentence[begin:first.start()]):
        return None
    items, pos = [], first.start()
    for part in re.split("、", sentence[first.start():stop]):
        items.append((pos, part))
        pos += len(part) + 1
    values = list(_list_values(items))
    index = next((k for k, (p, part) in enumerate(items) if p <= start < p + len(part)), None)
    if len(values) < 2 or index is None or index >= len(values):
        return None
    segment = max(sentence.rfind(ch, 0, begin) for ch in "；;。：:") + 1
    figures = [m for m in _FIGURE.finditer(sentence, segment, begin)
               if not re.match(r"\s*(?:%|‰|个百分点)", sentence[m.end():])]
    if len(figures) != len(values):
        return None
    m = figures[index]
    names = _names(sentence, m.start(), m.end(), "money", True, inherit=False)
    return [names[0]] if names and names[0] else None


def _list_values(items: list[tuple[int, str]]):
    for _, part in items:
        if not _LIST_VALUE.match(part.strip()):
            return
        yield part


def _subjects(sentence: str, begin: int, at: int, n: int) -> list[str] | None:
    """The names a 分别 list of ``n`` values refers to: the members before 分别."""
    printed = [m for m in _FIGURE.finditer(sentence, begin, at)
               if not _SHARE_AFTER.match(sentence, m.end())]
    if n > 1 and len(printed) == n:  # 收入达到a元和b元、分别增长c和d: the changes of a and b
        named = [(_listed_name(sentence, m.start(), m.end())
                  or _names(sentence, m.start(), m.end(), "money", True, inherit=False)
                  or [""])[0] for m in printed]
        if all(name and not re.search(r"\d", name) for name in named):
            return named
    text = sentence[begin:at]
    for short, members in _abbreviations(sentence[:begin]).items():
        if f"“{short}”" in text:  # 全市“三率”分别为 …: the members 简称“三率”
            return members if len(members) == n else None
    text = re.sub(r"[(（][^()（）]*[)）]", "", text)
    text = _COMPARE.sub("", text)
    text = _TIME_PREFIX.sub("", _strip_leading(text))
    parts = [clean_name(p) for p in _LIST_JOIN.split(text)]
    parts = [p for p in parts if p]
    if len(parts) != n:  # 社会保障和就业: a member whose name holds 和, when 、 parts the list
        members = [p for p in (clean_name(x) for x in _MEMBER_JOIN.split(text)) if p]
        parts = members if len(members) == n else parts
    if len(parts) == n and n > 1:
        shared = _shared_after_deng(parts)
        if shared is not None:  # 教育、科技等支出增速: the head after 等 is every member's
            return shared
    last = re.match(rf"^([{_CN_ORDINALS}])(产业.*)$", parts[-1]) if parts else None
    if last and len(parts) == n and all(p in _CN_ORDINALS for p in parts[:-1]):
        # 一、二、三产业增加值: the ordinals share the noun printed after the last one
        return [f"第{d}{last.group(2)}" for d in [*parts[:-1], last.group(1)]]
    if len(parts) == n:
        return _share_measure(parts)
    if len(parts) == 1 and n > 1:
        expanded = _expand(parts[0], n)
        if expanded:
            return expanded
    if len(parts) == 1:
        return [parts[0]] * n
    # no subject of its own: the 分别 list before it, or the figures of the clause before
    before = sentence.rfind("分别", 0, begin)
    if before >= 0:
        b2, s2 = _list_clause(sentence, before)
        first = _FIGURE.search(sentence, before, s2)
        if first is not None:
            prev = _subjects(sentence, b2, before, n)
            if prev:
                return prev
    if begin > 0:
        # the figures of the clause before, or of the clauses before it in the segment when
        # each holds fewer (其中商品类1367件,服务类1094件,分别占…)
        pbegin, _ = _list_clause(sentence, begin - 1)
        figures = list(_FIGURE.finditer(sentence, pbegin, begin - 1))
        j = pbegin - 1
        while 1 < n and len(figures) < n and j > 0 and sentence[j] not in "；;。：:":
            pbegin, _ = _list_clause(sentence, j)
            figures = [m for m in _FIGURE.finditer(sentence, pbegin, j)
                       if not _SHARE_AFTER.match(sentence, m.end())] + figures
            j = pbegin - 1
        if len(figures) == n:  # 发生火灾12起、死亡1人 …，同比分别下降 a、b
            names = [(_names(sentence, m.start(), m.end(), "money", True, inherit=False)
                      or [""])[0] for m in figures]
            for k in range(1, len(names)):  # 审查起诉案件533件645人: the persons of the cases
                if not names[k] and names[k - 1] and sentence[figures[k].end():][:1] in "人名":
                    base = re.sub(r"(?:案件|案|件数|件)$", "", names[k - 1])
                    names[k] = base + "人数" if base else ""
            return [name + "人数" if name and not _has_noun(name)
                    and sentence[m.end():m.end() + 1] in "人名" else name
                    for name, m in zip(names, figures, strict=True)]
    return None


#: Measures a list prints once, after its last member (金属制品业、纺织业增加值分别增长 a、b:
#: both are 增加值), longest first so that the whole measure is shared (人均可支配收入, not 收入).
LIST_SHARED_MEASURES = ("人均可支配收入", "营业收入", "利润总额", "总产值", "增加值", "零售额",
                        "进出口总额", "进出口额", "出口额", "进口额",
                        "销售额", "营业额",
                        # the coverage rates of insurance schemes (医保和养老保险参保率)
                        "参保率", "覆盖率",
                        "产值", "产量", "营收", "利润", "投资",
                        # spending and revenue by item (教育、社保支出)
                        "支出", "收入")


#: What parts the members of a list when 和 belongs to a member's name (社会保障和就业).
_MEMBER_JOIN = re.compile(r"[、]")
#: The longest head a list's members share after 等 (等支出增速, 等行业增加值).
MAX_SHARED_HEAD = 8


def _shared_after_deng(parts: list[str]) -> list[str] | None:
    """The members of a list that ends in 等 + a head (住房保障、交通运输、农林水等支出增速), each
    with that head (住房保障支出增速, 交通运输支出增速, 农林水支出增速); None when the last
    part holds no 等 with a member before it and a head after it."""
    member, deng, head = parts[-1].rpartition("等")
    if not deng or not member or not head or len(head) > MAX_SHARED_HEAD:
        return None
    return [p + head for p in parts[:-1]] + [member + head]


def _share_measure(parts: list[str]) -> list[str]:
    """The members of a list with the measure printed after the last one given to each member
    that names none of its own (金属制品业、纺织业增加值 -> 金属制品业增加值, 纺织业增加值)."""
    measure = next((m for m in LIST_SHARED_MEASURES
                    if parts[-1].endswith(m) and len(parts[-1]) > len(m)), None)
    if measure is None or len(parts) < 2:
        return parts
    return [p if any(m in p for m in LIST_SHARED_MEASURES) else p + measure for p in parts]


#: The words of a gap to a benchmark (高于全市, 低于目标).
_GAP_WORD = re.compile(r"高于|低于|高出|低出|快于|慢于")
#: Benchmarks a 分别 list of gaps is to (分别高于奉化、宁海 a和b): the gap word and the benchmarks.
_GAPS_TO_LISTED = re.compile(r"分别(?P<word>高于|低于|高出|低出|快于|慢于)"
                             r"(?P<marks>[^，,。；;\d]+?)(?:[和及]?)$")
#: The whole a list of shares is of (分别占投诉总量的 a、b).
_SHARE_OF = re.compile(r"分别占(?P<whole>[^，,。；;的]{1,12})的?$")
#: A share or a rate after a number: no member a later list of values is of.
_SHARE_AFTER = re.compile(r"\s*(?:%|‰|个百分点)")


def _abbreviations(text: str) -> dict[str, list[str]]:
    """Lists a sentence names for short (满意率、知晓率、参与率(简称“三率”)): short -> members."""
    out = {}
    for m in re.finditer(r"([^，,；;。(（]+)[(（](?:以下)?简称“([^”]+)”[)）]", text):
        parts = [clean_name(p) for p in _LIST_JOIN.split(_strip_leading(m.group(1)))]
        if len(parts) > 1:
            out[m.group(2)] = parts
    return out


def _expand(subject: str, n: int) -> list[str] | None:
    """一二三产业增加值 -> 第一产业增加值, 第二…, 第三…; 城乡居民收入 -> 城镇居民收入, 农村…."""
    m = re.match(rf"^(.*?)([{_CN_ORDINALS}]{{2,}})(产业.*)$", subject)
    if m and len(m.group(2)) == n:
        return [f"{m.group(1)}第{d}{m.group(3)}" for d in m.group(2)]
    if "三次产业" in subject and n == 3:  # 三次产业结构(比)为 a:b:c: the shares of the three
        return [f"第{d}产业占比" for d in "一二三"]
    for pair, (a, b) in _PAIRS.items():
        if n == 2 and pair in subject:
            return [subject.replace(pair, a, 1), subject.replace(pair, b, 1)]
    return None


# --- a figure's own clause -------------------------------------------------------------------

def _clause_start(sentence: str, start: int) -> int:
    """Where the clause ending at ``start`` begins; a parenthetical note in it is no end
    (农业总产值(现价)51.62亿元, 诉讼案件6380件(含旧存214件)，同比上升3.85%)."""
    i = start
    while i > 0 and sentence[i - 2:i] != "——":
        ch = sentence[i - 1]
        if ch in ")）":
            opening = max(sentence.rfind("(", 0, i - 1), sentence.rfind("（", 0, i - 1))
            if opening < 0:
                break
            i = opening
            continue
        if ch in _DELIMS:
            break
        i -= 1
    return i


def _names(sentence: str, start: int, end: int, kind: str, unit_printed: bool,
           inherit: bool = True) -> list[str]:
    begin = _clause_start(sentence, start)
    # notes in brackets masked in place, so that positions stay the sentence's
    masked = re.sub(r"[(（][^()（）]*[)）]", lambda m: _MASK * len(m.group()),
                    sentence[begin:start])
    # the low end of a range printed before the figure (为8~9毫米: the figure is its high end)
    masked = _RANGE_LOW.sub(lambda m: _MASK * len(m.group()), masked)
    raw = masked.replace(_MASK, "")
    if inherit and sentence[begin - 1:begin] == "、" and len(raw) <= MAX_BENCHMARK_NAME:
        gap = _GAP_BEFORE.match(sentence, _clause_start(sentence, begin - 1), begin - 1)
        if gap and not re.search(r"\d", raw) and raw:  # 高于全市22个百分点、全国18个百分点
            return [clean_name(gap.group("head") + raw, rate=kind == "rate")]
    if kind == "count":
        suffered = _CHAIN_SUFFERED.match(sentence, end)
        if suffered:  # 造成4个乡镇…557户2487人受灾: each count is of those hit
            noun = noun_phrase_after(sentence[end:suffered.start("verb")])
            unit = sentence[end - 1:end]
            if noun and not re.search(r"\d", noun):
                return [suffered.group("verb") + noun]
            if unit in _HOLDER_COUNTS:
                return [suffered.group("verb") + _HOLDER_COUNTS[unit]]
    if inherit and not raw and sentence[begin - 1:begin] in "(（":
        compared = _COMPARED_TO_BASE.search(sentence, _clause_start(sentence, begin - 1), begin - 1)
        if compared:  # 较常年同期(10.0毫米)偏少: the normal's value of the measure before
            before = _clause_start(sentence, begin - 1)
            what = _previous_name(sentence, before)
            if what and kind == "rate" and _GROWTH_BEFORE.search(sentence, 0, before):
                what += GROWTH_RATE_NOUN  # 增长11.6%，较上年同期(3.2%): last year's growth
            return [compared.group("base") + what] if what else [""]
    departure = _DEPARTURE.fullmatch(raw) if inherit else None
    if departure:  # 平均气温为…，较常年同期(-6.1℃)偏高0.5~1.0℃: a departure from the normal
        what = _previous_name(sentence, begin)
        return [what + raw] if what else [""]
    versus = _VERSUS_PLAN.fullmatch(_strip_leading(raw)) if inherit else None
    if versus:  # 失业率控制在3.37%，比年目标任务4%低0.63个百分点: the plan, the gap to it
        what = _previous_name(sentence, begin)
        gap = f"{versus.group('word')}于" if versus.group("word") else ""
        return [f"{what}{gap}{versus.group('plan')}"] if what else [""]
    earlier = list(_EARLIER_FIGURE.finditer(masked))
    verb = _DIRECTION_ONLY_END.search(masked)
    if not earlier and re.search(rf"{_NUMBER}$", masked[:verb.start()] if verb else ""):
        # 同比去年同期42下降26.19%: a bare base before the change's verb
        earlier = list(re.finditer(_NUMBER, masked))
    if earlier:  # 111户违建业主缴纳罚金 4500 余万元: the name starts after 111户
        last = earlier[-1]
        raw = masked[last.end():].replace(_MASK, "")
        if not raw and kind == "count" and sentence[end - 1:end] in "人名":
            # 审查逮捕案件63件72人: the persons of the cases counted right before
            cases = _names(sentence, begin + last.start(), begin + last.end(), "count", True,
                           inherit=inherit)
            # (1200户2100人享受低保: the persons of the households counted right before)
            base = re.sub(r"(?:案件|案|件数|件|户数)$", "", cases[0]) if cases and cases[0] else ""
            if base and not base.endswith(("人", "人员", "犯罪嫌疑人")):
                return [base + "人数"]
        if not raw and kind in MEASURED_ALONG:
            # 建设项目47条267公里: the length of the items counted right before
            counted = _names(sentence, begin + last.start(), begin + last.end(), "count", True,
                             inherit=inherit)
            if counted and counted[0]:
                return [counted[0]]
        if kind == "rate" and raw.strip() in (SHARE_NOUN, "占"):
            counted = _names(sentence, begin + last.start(), begin + last.end(), "count", True,
                             inherit=inherit)
            if counted and counted[0]:  # 投诉3751件 占比 82.13%: the share of what was counted
                return [counted[0] + SHARE_NOUN]
        if _DIRECTION_ONLY.fullmatch(raw):  # 比上年同期847件少297件: a change of the 847件's
            name = _names(sentence, begin + last.start(), begin + last.end(), kind, True,
                          inherit=inherit)
            if name and name[0] and not re.search(r"\d", name[0]):
                return name
    if kind == "money" and inherit:
        bounded = _threshold_name(sentence, start, end, masked.replace(_MASK, ""))
        if bounded:
            return [bounded]
    if inherit and kind == "rate" and sentence[end - 1:end] in "%％":
        completion = _completion_name(sentence, begin, masked.replace(_MASK, ""))
        if completion:
            return [completion]
    average = _AVERAGE_CHANGE.fullmatch(_strip_leading(raw)) if inherit else None
    if average:  # 工业增加值同比增长10.2%，两年平均增长6.1%: the average growth of that value
        what = _previous_name(sentence, begin)
        if what:
            return [what + average.group("average")]
    reaching = sentence[start:start + 1] == "达" or raw.endswith("达")
    if sentence[start:start + 1] == "达" and raw.endswith(tuple(_ARRIVING)):
        raw += "达"  # 到达31.2万人: the figure read from its 达 on counts arrivals
    name = clean_name(raw, rate=kind == "rate", reaching=reaching, money=kind == "money")
    name = _PER_QUANTITY_END.sub("", name)
    if kind == "rate" and name.endswith("率") and begin > 0 and sentence[begin - 1] == "、":
        names = [name]  # 信访及时受理率、办结率均为100%: one value, two indicators
        j = begin - 1
        while j > 0 and sentence[j] == "、":
            pbegin = _clause_start(sentence, j)
            prev = clean_name(sentence[pbegin:j], rate=True)
            if not prev.endswith("率"):
                break
            names.insert(0, prev)
            j = pbegin - 1
        return names
    shared = _coordinated_before(sentence, begin) if name and "、" not in name else ""
    if shared:  # 服装、鞋帽、针纺织品类零售额增长12.5%: the head is shared by the whole list
        name = shared + name
    if kind == "money" and name and not _has_noun(name) and sentence[end - 1:end] == "元":
        paid = noun_phrase_after(sentence[end:])
        if paid and _has_noun(paid):  # 累计发放858.27万元供养金: what was paid out
            return [name + paid]
    listed = _LEVELS_AFTER.match(sentence, end) if kind == "count" else None
    if kind == "count" and (not name or _LEVEL.fullmatch(name) or (
            listed and "、" in listed.group())):
        leveled = _leveled_name(sentence, begin, end, name)
        if leveled:  # 获国家级奖项12项、省级20项; 4个国家级、9个省级体育赛事
            return [leveled]
    if (kind == "count" or not inherit) and name.endswith(_UNIT_ENDS):
        counted = _counted_by_units(sentence, begin)
        if counted:  # 工单数量较多的单位为：城市管理局1076件: that office's work orders
            return [name + counted]
    if kind == "count":
        rest = sentence[end + (0 if unit_printed else 1):]
        after = noun_phrase_after(rest)
        benefit = _benefit_after(rest, after, name, sentence[end - 1:end])
        if benefit:
            return [benefit]
        said = _PREDICATE_OF_SET.match(rest)
        if after and said and after == said.group("noun"):
            # 3项指标未达到序时进度: the indicators counted are those the predicate names
            return [f"{said.group('what')}的{after}数"]
        if after:
            verb = _verb_before(name)
            return [verb + after if verb else after]
    if kind == "area" and (not _has_noun(name) or _flags(name)[-1][1] == "v"
                           or name in _BUILDING_VERBS) and not (
            _REACHED_TO.search(raw)):
        planted = re.match(rf"[^{_DELIMS}]{{1,{MAX_PLANTED}}}(?=[{_DELIMS}]|$)", sentence[end:])
        planted = planted.group() if planted else ""
        if not (planted and _flags(planted)[-1][1].startswith(_NOUN_FLAGS) and all(
                flag.startswith(_PLANTED_FLAGS) for _, flag in _flags(planted))):
            planted = noun_phrase_after(sentence[end:])
        if planted and _has_noun(planted):  # 新建5万亩高标准茶园: the area of what is built
            return [name + planted]
    colon = max(sentence.rfind("：", 0, begin), sentence.rfind(":", 0, begin))
    if name and len(name) <= MAX_HEADED_NAME and colon >= 0 and not re.search(
            r"[；;。]", sentence[colon:begin]):
        head = _heading(sentence, colon)
        if head and head not in name:
            name = head + name  # (一)道路交通：事故9起、死亡4人: the heading names whose
    if name and kind not in ("count", "money", "rate") and not _has_noun(name) and not (
            name.startswith(GROWTH_SIZE_WORDS)):
        # 连续三年, 经过10个多月: a verb names no duration; a growth rate ranked (增速全市第一)
        # is named by its noun, which the tagger may read as a verb
        name = ""
    if kind == "rank" and _SCOPE_ONLY.fullmatch(name):
        name = ""  # 全市20个区县排名第4: the set ranked in names nothing ranked
    if kind == "rank" and not name and inherit and not _previous_name(sentence, begin) and not (
            _FRAME_BEFORE.search(sentence, 0, begin)):
        # (在全省…评价中，某县排名第五: the frame names what is ranked, metrics' rule)
        scopes = _RANKED_SCOPE.findall(sentence, 0, begin)
        scope = _RANKED_SCOPE.search(sentence, begin, end)
        scope = scope.group() if scope else scopes[-1] if scopes else ""
        ranked = ""
        if begin > 1 and sentence[begin - 1] in "，,":
            before = sentence[_clause_start(sentence, begin - 1):begin - 1]
            ranked = "" if _FIGURE.search(before) else clean_name(before)
            ranked = ranked if ranked and _nominal_subject(ranked) and not is_place_name(
                ranked) else ""
        if scope or ranked:  # 其次是某处理率，由全省23位前进到第3位: that rate's place
            # (我区闯进全省十强，位列第九位: ranked in the province, in nothing named)
            return [ranked + scope + RANK_NOUN]
    if inherit and name in ATTRIBUTES and begin > 0:
        owner = _owner_name(sentence, begin)
        # (葡萄总产…，总产值…: a measure before is no owner, the product they share is)
        measured = name in SUBJECTLESS_MEASURES and owner.endswith(tuple(SUBJECTLESS_MEASURES))
        if owner and not measured:  # 重点项目50个，总投资178.7亿元: the projects' total investment
            return [owner + name]
    if begin > 0 and _GAP_TO_SCOPE.match(raw) and not _GAP_TO_SCOPE.match(raw).group("what"):
        subject = _earlier_gap_subject(sentence, begin)
        subject = _LEADING_PLACE.sub("", subject) if not is_place_name(subject) else ""
        if subject and not subject.startswith(GROWTH_SIZE_WORDS):
            return [subject + clean_name(raw)]  # …收入比全市低2568元，比全省低5121元
    if begin > 0 and sentence[begin - 1:begin] in "(（" and _COMPARATOR_SCOPE.fullmatch(raw):
        measured = _gap_measure(sentence, begin - 1)
        if measured:  # …收入比全市低2568元(全市为21585元): the city's value of that income
            return [measured]
    if (inherit and kind == "rate" and (not name or name.startswith(("占", "比重")))
            and sentence[begin - 1:begin] in "(（"):
        owner = _before_bracket(sentence, begin - 1)
        if owner:  # …引起的空气污染(占31.3%): the share of what the bracket follows
            return [owner + name if name.startswith("占") else owner]
    name = _bare_measure(name)
    measure = name if name in SUBJECTLESS_MEASURES else _verb_led_measure(name)
    if measure:
        if kind == "area" and measure == name:
            name = measure = _AREA_OF_VERB.get(name, name)
        subject = _own_subject(raw, measure) or (_subject_before(
            sentence, begin, measure, qualified=measure != name) if begin > 0 else "")
        if subject:  # 水果种植面积为…亩，产量为…吨: the fruit's output
            return [subject + name]
    paid = _PAID_ALONE.fullmatch(name)
    if inherit and paid and begin > 0 and (kind == "money" or sentence[:end].endswith("人次")):
        programme = _PAYING_VERB_END.sub("", _previous_name(sentence, begin))
        if programme and len(programme) <= MAX_PROGRAMME and _has_noun(_flags(programme)[-1][0]):
            return [programme + name]  # …护理补贴累计发放413.78万元，累计保障5.911万人次
    if _REACHED_TO.search(name) and not _has_noun(_PERIOD_INSIDE.sub("", name)[:-2]):
        name = ""  # 到3月份跌至: the same measure as the figure before, now at its new level
    if not name and begin > 1 and sentence[begin - 1] in "，,":
        moved = _MOVED_BEFORE.match(sentence, _clause_start(sentence, begin - 1), begin - 1)
        subject = clean_name(moved.group("what")) if moved else ""
        if subject and _has_noun(subject) and not _previous_name(sentence, begin):
            return [subject]  # 蛋类价格继续下降，同比下降16.6%: the fall of what the clause names
    generic = (not name or name.startswith((*GROWTH_SIZE_WORDS, "占", "比重"))
               or name in _GENERIC_AMOUNTS)
    if inherit and generic and (not name or begin > 0):
        prev = _previous_name(sentence, begin)
        if prev:
            if name == "占":  # 处理262人次，占26%: the share of what was counted before
                return [prev + SHARE_NOUN]
            return [prev + name if name.startswith((*GROWTH_SIZE_WORDS, "占")) else prev]
        if name == "占" and begin > 1:
            named = _named_before(sentence, begin - 1)
            if named:  # 投诉中最多的为服装类投诉，占27%: the share of what the clause names
                return [named]
    said = _SHARE_WHO_SAY.match(sentence, end)
    if said and not (said.group("pct") or sentence[end - 1:end] in "%％"):
        said = None  # only a share of people says something
    if said and (not name or raw.endswith("有")):
        # 有64.98%的群众认为“…”: the share of the people who say so
        what = said.group("what").replace("“", "").replace("”", "")
        return [f"{said.group('verb')}{what}的{said.group('who')}比例"]
    if not name and kind == "rate":  # 95%以上的诉求在村一级得到解决
        stop = start
        while stop < len(sentence) and sentence[stop] not in _DELIMS:
            stop += 1
        name = sentence[end:stop].lstrip("的以上下左右之多")
    return [name]


#: The longest member of a coordinated list whose last member carries the shared head (粮油、
#: 食品、饮料、烟酒类零售额): longer members are clauses of their own.
MAX_COORDINATED_MEMBER = 8


#: Endings of a name that is a quantity of its own (起数, 城镇化率, 增加值, 总投资, 人次): such a
#: member of a list is an indicator of its own, not a thing the list's last head is of.
_OWN_QUANTITY = re.compile(r"(?:率|量|额|值|数|比重|占比|投资|收入|面积|人次|指数|价格|均价)$")


def _coordinated_before(sentence: str, begin: int) -> str:
    """The members coordinated by 、 before the clause at ``begin`` when they open their clause and
    are bare nouns without figures (粮油、食品、饮料、 before 烟酒类零售额), so that the head the
    last member carries is the whole list's; else ''."""
    members: list[str] = []
    j = begin - 1
    while j > 0 and sentence[j] == "、":
        pbegin = _clause_start(sentence, j)
        member = sentence[pbegin:j]
        if pbegin == 0 or sentence[pbegin - 1] != "、":
            member = clean_name(member)
        if not member or len(member) > MAX_COORDINATED_MEMBER or re.search(r"\d", member) or not (
                _nominal_subject(member)) or is_place_name(member) or _OWN_QUANTITY.search(member):
            # (宁乡市、浏阳市、长沙县财政总收入: places are the rows' localities; 事故起数、死亡
            # 人数下降1起、1人: members naming a quantity of their own share no head)
            return ""
        members.insert(0, member)
        j = pbegin - 1
    if not members or (j > 0 and sentence[j] == "、"):
        return ""
    return "".join(f"{member}、" for member in members)


#: The set a rank without a name of its own is taken in, printed earlier in its sentence
#: (闯进全省十强，位列第九位): the whole province, city, country or prefecture.
_RANKED_SCOPE = re.compile(r"全[省市国州县区]")
#: A frame printed before a rank (在全省…评价中): it names what is ranked.
_FRAME_BEFORE = re.compile(r"在[^，,。；;]{1,30}中")
#: What such a rank names with its set (全省排名): the place in a ranking.
RANK_NOUN = "排名"


#: A clause naming only an average change over years (两年平均增长, 三年年均增长, 年均增长): the
#: average of the change named before it in the sentence, whose name it leaves out.
_AVERAGE_CHANGE = re.compile(
    r"(?:同比|比上年|较上年|比去年|较去年)?(?P<average>(?:近|连续)?[两三四五六七八九十\d]+年(?:来)?"
    r"(?:平均|年均))(?:增长|增速|增幅|下降|降幅|提高|上升|上涨|减少)?(?:为|达到?)?")
#: A quantity a price or a yield is per, printed after the measure (收购均价每公斤70元): it
#: belongs with the unit, and no part of what is measured.
_PER_QUANTITY_END = re.compile(r"每\d*(?:公斤|千克|斤|克|吨|升|亩|平方米|立方米)$")


#: Kinds of a physical size printed right after a count (项目47条267公里, 水库3座库容1200万立方米
#: aside): the size of what was counted.
MEASURED_ALONG = frozenset({"length", "area", "volume", "weight"})
#: Measures named without what they measure (产量, 价格, 总面积, 挂果面积, 均价, 销售): in a list of
#: one crop's or one product's figures the subject is named once, before the first (水果种植面积
#: 为…亩，产量为…吨; 葡萄种植面积…，挂果面积…，总产…).
SUBJECTLESS_MEASURES = frozenset({"产量", "总产量", "亩产量", "平均亩产量", "单产", "价格", "面积",
                                  "总面积", "种植面积", "产值", "总产值", "总产", "年产量",
                                  "亩均年产量", "亩均产量", "挂果面积", "挂果", "销售", "销量",
                                  "销售量", "平均销售单价", "销售单价", "单价", "均价",
                                  "平均价格", "收购价",
                                  # the stock and the slaughter of a herd, and the value added
                                  # of a sector (生猪存栏…，出栏…; 农业产值…，增加值…): statistics
                                  # name the herd or the sector once, before the first
                                  "存栏", "出栏", "存栏量", "出栏量", "增加值"})
#: Measures an earlier clause may name its subject before, besides those (苹果优质果率).
_SUBJECT_HOLDING_MEASURES = ("播种面积", "优质果率")
#: A subject named before one of those measures in an earlier clause (水果种植面积, 桃产量基本持平).
_SUBJECT_OF_MEASURE = re.compile(
    r"^(?P<subject>[\u4e00-\u9fff]{1,8}?)(?:" + "|".join(sorted(
        {*SUBJECTLESS_MEASURES, *_SUBJECT_HOLDING_MEASURES}, key=lambda w: (-len(w), w))) + ")")
#: A subject printed alone right before its figure (梨1500公顷): at most this many characters.
MAX_BARE_SUBJECT = 4
#: A class of the product named after a description ending in 的 (以红提为主的中晚熟品种): at most
#: this many characters.
MAX_CLASS_SUBJECT = 6
#: Words before a subjectless measure that are no part of its subject (葡萄累计销售, 预计实现总产).
_BEFORE_MEASURE = re.compile(r"(?:累计|共计|共|预计|实现|完成|已|达)+$")
#: POS flags of the words of what an area is of (高标准 n, 无性系 l, 良种 m, 茶园 n): no verb,
#: pronoun or time (她家…今年大丰收 is a clause, not a name).
_PLANTED_FLAGS = ("n", "l", "m", "a", "b", "j", "vn")
#: Verbs of building or planting the tagger may read as a place (新建 is also a county).
_BUILDING_VERBS = frozenset({"新建", "改建", "扩建", "建成", "建设", "打造", "新增", "种植", "发展"})
#: Endings of the names of offices and places a list of counts ranks (住房和城乡建设局, 市直部门).
_UNIT_ENDS = ("局", "委", "办", "院", "部门", "中心", "街道", "镇", "乡", "所", "队", "公司")
#: A heading that ranks offices by a count (工单数量较多的单位为：, 诉求量排名前五的部门是：):
#: what is counted is named before it.
_RANKED_UNITS = re.compile(
    r"(?P<what>[\u4e00-\u9fff]{1,8}?)(?:数量|量|数)?(?:较多|最多|较大|居前|排名?前[\d一二三四五六七八九十]+位?)"
    r"的(?:单位|部门|职能部门|乡镇|街道|地区)(?:依次为|分别为|分别是|为|是|有)?[：:]$")
#: The noun a count of an office takes from such a heading (工单 -> 工单数).
COUNT_NOUN_OF_UNITS = "数"


def _counted_by_units(sentence: str, begin: int) -> str:
    """What a list after a heading ranking offices counts (工单数量较多的单位为： -> 工单数), for
    the counts after its colon in the same part; else ''."""
    colon = max(sentence.rfind("：", 0, begin), sentence.rfind(":", 0, begin))
    if colon < 0 or any(ch in _PART_ENDS for ch in sentence[colon:begin]):
        return ""
    head = sentence[max(sentence.rfind(ch, 0, colon) for ch in f"{_PART_ENDS}，,") + 1:colon + 1]
    m = _RANKED_UNITS.search(head)
    if m is None:
        return ""
    what = clean_name(m.group("what"))
    # (来电 and 来信 are verbs to the tagger: the heading's words are taken as printed)
    return what + COUNT_NOUN_OF_UNITS if what and not _ONLY_TIME.fullmatch(what) else ""


#: A chain of counts printed without a break and closed by what befell them (4个乡镇9个村委会
#: 557户2487人受灾): every count of the chain is of those it befell.
_CHAIN_SUFFERED = re.compile(
    r"(?:[\u4e00-\u9fff]{0,6}?\d+(?:\.\d+)?万?[个户人名间座家所处])*[\u4e00-\u9fff]{0,6}?"
    r"(?P<verb>受灾|受损|遇难|受伤|死亡|失踪|被困)(?=[，,。；;、]|$)")
#: A programme's payment or coverage named by its verb alone (发放, 累计保障, 发放金额): the
#: programme is named by the figure before (重度残疾人护理补贴发放…，累计保障…人次).
_PAID_ALONE = re.compile(r"(?:发放|保障|救助|资助|补助|支付|拨付|兑现)(?:金额|资金)?$")
#: The verb a programme's figure ends in (…护理补贴发放); 救助, 补助 and 资助 also name programmes
#: (困难残疾人生活救助) and stay.
_PAYING_VERB_END = re.compile(r"(?:发放|保障|支付|拨付|兑现)$")
#: A programme's name is at most this many characters (困难残疾人生活救助).
MAX_PROGRAMME = 12
#: The level of a body, an honour or an event (国家级, 省级, 市级): in a list each item may print
#: its level alone and share the rest of the name with its neighbour.
_LEVEL = re.compile(r"(?:国家|省部|省|市|县|区|乡|镇|村)级")
#: Levels listed after a count, up to the name they share (国家级、9个省级体育赛事).
_LEVELS_AFTER = re.compile(rf"(?:{_LEVEL.pattern})(?:、{_NUMBER}[个项家名处]?(?:{_LEVEL.pattern}))*")


def _leveled_name(sentence: str, begin: int, end: int, name: str) -> str:
    """The name of a count that prints only its level (省级17项 after 国家级荣誉称号31项; 6个国家级、
    13个省级重要会议活动): the level and the name its neighbour prints, or ''."""
    after = _LEVELS_AFTER.match(sentence, end)
    if after:
        shared = noun_phrase_after(sentence[after.end():])
        if shared and _has_noun(shared):
            level = _LEVEL.match(sentence, end).group()
            return level + shared
    if name and sentence[begin - 1:begin] == "、":
        before = _previous_name(sentence, begin)
        if _LEVEL.search(before):
            return _LEVEL.sub(name, before, count=1)
    return ""


#: A clause without a figure that says what moved (蛋类价格继续下降): the change after it is of that.
_MOVED_BEFORE = re.compile(r"(?P<what>[^，,。；;：:\d]{2,12}?)(?:继续|持续|仍然|仍|也|均|略有|有所|小幅|大幅)?"
                           r"(?:下降|下跌|回落|减少|降低|上涨|上升|增长|增加|回升|提高)了?$")
#: What an area is of, printed after it up to the clause's end (新建3万亩高标准节水灌溉果园): at
#: most this many characters, else the noun phrase after it.
MAX_PLANTED = 12
#: A period printed inside a name, after its scope (遵义县1月份出售肥猪均价).
_PERIOD_INSIDE = re.compile(r"\d{1,2}[-－—~～至]?\d{0,2}月份?|[一二三四]季度|上半年|下半年")
#: A verb a level moves by to a new value (跌至, 降到, 升至): with only a time before it, the
#: name is that of the figure before.
_REACHED_TO = re.compile(r"(?:跌|降|升|增|涨|提高|提升|下降|上升|增加|减少|回落|下跌|上涨)(?:至|到)$")
#: A comparison base a bracketed value follows (较常年同期(10.0毫米), 比上年同期(…)): the value is
#: the base's.
_COMPARED_TO_BASE = re.compile(r"(?:较|比)(?P<base>常年同期|上年同期|去年同期|常年|上年|去年)$")
#: A growth in per cent ending the text before a clause (增长11.6%，较上年同期(3.2%)).
_GROWTH_BEFORE = re.compile(rf"(?:增长|增速|增幅|上涨|上升|提高){_NUMBER}\s*[%％][，,]$")
#: A departure from the normal, named by its base and word (较常年同期偏少): the measure before
#: departs.
_DEPARTURE = re.compile(r"(?:较|比)(?:常年同期|常年|历年同期|同期)(?:偏高|偏低|偏多|偏少)")
#: The low end of a range right before its high end (8~9毫米, -5.6~-5.1℃).
_RANGE_LOW = re.compile(rf"{_NUMBER}\s*[~～〜—－-]\s*$")
#: A label ending in a departure from the normal (…较常年同期偏少): it says which way.
_DEPARTURE_END = re.compile(r"偏(?:高|低|多|少)$")
#: A count of an area figure: a crop hanging fruit is measured by its area (挂果7.03万亩).
_AREA_OF_VERB = {"挂果": "挂果面积"}


def _all_nouns(text: str) -> bool:
    """Whether every word of ``text`` is tagged a noun (梨, 水果; not 基地种植)."""
    return all(flag.startswith(_NOUN_FLAGS) for _, flag in _flags(text))


#: Words joining the nouns of one coordinated subject (蔬菜及食用菌, 牛和羊).
_SUBJECT_JOINS = frozenset({"及", "和", "与", "、"})


def _nominal_subject(text: str) -> bool:
    """Whether ``text`` is a subject a measure can be of: nouns, joined by 及/和/与 (蔬菜及食用菌)
    and led by a modifier the tagger may read as an adjective (平和茶叶), ending in a noun (a set
    phrase, ``l``, is one: 油料作物)."""
    words = _flags(text)
    if not words or not (words[-1][1].startswith(_NOUN_FLAGS) or words[-1][1] == "l"):
        return False
    return all(flag.startswith(_NOUN_FLAGS) or flag == "l" or word in _SUBJECT_JOINS or (
        k == 0 and flag in ("a", "b")) for k, (word, flag) in enumerate(words))


#: POS flags of the words a verb-led measure opens with (收购均价, 可采面积): verbs and adverbs,
#: which name how the measure is taken, not whose it is; a verb used as a noun (服装 vn, 养殖)
#: names a product or a trade, which is whose it is.
_MEASURE_VERB_FLAGS = frozenset({"v", "vd", "d", "ad"})


def _verb_led_measure(name: str) -> str:
    """The subjectless measure ``name`` ends in when only verbs or adverbs precede it (收购均价 ->
    均价, 可采面积 -> 面积), or ''."""
    if NOT_A_SUBJECT.match(name):
        return ""  # 占总产量: a share of the measure, whose subject the share's rule finds
    for measure in sorted(SUBJECTLESS_MEASURES, key=lambda w: (-len(w), w)):
        if name.endswith(measure) and len(name) > len(measure):
            words = _flags(name[:-len(measure)])
            if words and all(flag in _MEASURE_VERB_FLAGS for _, flag in words):
                return measure
            return ""
    return ""


def _bare_measure(name: str) -> str:
    """``name`` without the verbs of reaching before a subjectless measure (实现总产 -> 总产),
    or ``name`` itself."""
    for verb in _REACHING:
        if name.startswith(verb) and name[len(verb):] in SUBJECTLESS_MEASURES:
            return name[len(verb):]
    return name


def _class_after_of(cleaned: str) -> str:
    """The class named after the last 的 of a description (以红提为主的中晚熟品种 -> 中晚熟品种),
    when it is short and ends in a noun; else ''."""
    if "的" not in cleaned:
        return ""
    tail = cleaned.rsplit("的", 1)[1]
    flags = _flags(tail) if tail else ()
    if 1 < len(tail) <= MAX_CLASS_SUBJECT and flags and flags[-1][1].startswith(_NOUN_FLAGS):
        return tail
    return ""


def _own_subject(raw: str, name: str) -> str:
    """The subject printed in the figure's own clause before a subjectless measure that the
    agent cut dropped (全乡以蜜桔为主的早熟柑橘累计销售 -> 早熟柑橘), or ''."""
    at = raw.rfind(name)
    if at <= 0:
        return ""
    before = _BEFORE_MEASURE.sub("", raw[:at])
    cleaned = clean_name(before) if before else ""
    if not cleaned or re.search(r"\d", cleaned):
        return ""
    if len(cleaned) <= MAX_BARE_SUBJECT and _all_nouns(cleaned):
        return cleaned
    return _class_after_of(cleaned)


#: Places opening a name (浙江省龙游县水果): the rows' locality, no part of what is measured.
_OPENING_PLACES = re.compile(r"^(?:[\u4e00-\u9fff]{1,4}?(?:省|自治区|市|自治州|州|县|区))+")


def _without_places(name: str) -> str:
    """``name`` without the places opening it when what follows is still a name (浙江省龙游县水果
    总产量 -> 水果总产量), else ``name``."""
    rest = _OPENING_PLACES.sub("", name)
    return rest if rest != name and len(rest) >= 2 and _has_noun(rest) else name


def _subject_before(sentence: str, begin: int, measure: str = "", *,
                    qualified: bool = False) -> str:
    """The subject of the nearest earlier clause of the segment (up to ；or 。) that names one
    before a measure (水果种植面积为…) or alone before its figure (梨1500公顷), or ''.  An
    earlier clause naming the same ``measure`` gives its whole name (1月份出售肥猪均价…，2月份
    均价…: the same price).  A measure ``qualified`` by words of its own (可采面积, 超市价格)
    takes only a subject printed before a measure, and passes over an earlier clause naming one
    word before the same measure: a sibling of it (成灾面积…，绝收面积; 集市价格…、超市价格)."""
    j = begin - 1
    while j > 0 and sentence[j] not in "；;。！？":
        pbegin = _clause_start(sentence, j)
        clause = sentence[pbegin:j]
        head = re.split(r"\d", clause, maxsplit=1)[0]
        cleaned = clean_name(head) if head else ""
        cleaned = _without_places(cleaned)
        if qualified:
            m = _SUBJECT_OF_MEASURE.match(cleaned)
            sibling = m is not None and cleaned == m.group("subject") + measure and len(
                _flags(m.group("subject"))) == 1
            if m is not None and not sibling and _nominal_subject(m.group("subject")) and (
                    m.group("subject") not in SUBJECTLESS_MEASURES):
                return m.group("subject")
            j = pbegin - 1
            continue
        figures = list(re.finditer(_NUMBER, clause))
        named = clean_name(clause[:figures[-1].start()]) if measure and figures else ""
        if named.endswith(measure) and len(named) > len(measure) and (
                _has_noun(named[:-len(measure)])):
            # (遵义县1月份出售肥猪均价…，2月份均价…: the earlier month is no part of the name)
            return _PERIOD_INSIDE.split(named[:-len(measure)])[-1] or named[:-len(measure)]
        m = _SUBJECT_OF_MEASURE.match(cleaned)
        if m is not None and _nominal_subject(m.group("subject")) and (
                m.group("subject") not in SUBJECTLESS_MEASURES):
            return m.group("subject")
        bare = _bare_measure(cleaned)
        if cleaned and head != clause and len(cleaned) <= MAX_BARE_SUBJECT and bare not in (
                SUBJECTLESS_MEASURES) and _all_nouns(cleaned):
            return cleaned  # (基地种植了300多亩土豆: a verb, the subject follows the figure)
        described = _class_after_of(cleaned) if head != clause else ""
        if described and described not in SUBJECTLESS_MEASURES:
            return described  # 以蜜桔为主的早熟品种3.2万亩
        j = pbegin - 1
    return ""


#: Holders of a benefit named after their count (有4800名对象享受…补贴, 共有1200户2100人享受低保):
#: the count is of those who receive it.
_HOLDERS = frozenset({"对象", "人员", "群众", "村民", "居民", "家庭", "困难群众"})
_RECEIVING = re.compile(r"(?:享受|领取|获得|纳入)[^，,。；;：:]{1,16}")
#: A count of persons or households printed right after the first (1200户2100人享受低保).
_NEXT_COUNT = re.compile(r"^\d+(?:\.\d+)?万?[人户名]")
#: What a count of persons or households is a count of, by its measure word.
_HOLDER_COUNTS = {"人": "人数", "名": "人数", "位": "人数", "户": "户数"}


def _benefit_after(rest: str, after: str, name: str, unit: str) -> str:
    """The benefit a count of holders receives, named after it (对象享受困难残疾人生活补贴 ->
    享受困难残疾人生活补贴人数), when the count is named by nothing but a holder or a verb of
    having (全区共有2357户…享受城乡低保); else ''."""
    if after in _HOLDERS:
        rest = rest[len(after):]
    elif after or name not in ("", "有", "共有", "共"):
        return ""
    m = _RECEIVING.match(_NEXT_COUNT.sub("", rest))
    if m is None:
        return ""
    return m.group() + _HOLDER_COUNTS.get(unit, after or "数")


#: A share of people followed by what they say (64.98%的群众认为“社会治安状况好于去年”): up to
#: ``MAX_SAID`` characters of what is said, within its clause.
MAX_SAID = 16
_SHARE_WHO_SAY = re.compile(
    r"(?P<pct>[%％])?(?:以上|左右)?的?(?P<who>群众|市民|居民|村民|受访者|受访群众|受访市民|网民|企业|患者)"
    rf"(?P<verb>认为|表示|对)(?P<what>[^，,。；;！？]{{2,{MAX_SAID}}})(?=[，,。；;！？]|$)")


#: A count of indicators followed by what they do (14项指标位于全省前30位, 3项指标未达到序时
#: 进度): the indicators are named by it; up to ``MAX_PREDICATE`` characters, before a break.
MAX_PREDICATE = 16
_PREDICATE_OF_SET = re.compile(rf"(?P<noun>指标)(?P<what>[^，,。；;：:(（“”]{{2,{MAX_PREDICATE}}}?)"
                               r"(?=[，,。；;：:(（]|$)")
#: A name this short after a heading's colon (道路交通：事故9起, 死亡人数) names only a kind of
#: thing, whose domain the heading gives.
MAX_HEADED_NAME = 6
#: Words before a colon that announce, not head (喜讯：县法院…).
_LEAD_INS = frozenset({"喜讯", "捷报", "通报", "消息", "提示", "公告", "通知", "记者", "导读",
                       "摘要", "简讯", "快讯"})
#: How long a heading (道路交通, 消防领域) may be to name a domain.
MAX_HEADING = 6


def _heading(sentence: str, colon: int) -> str:
    """The domain a heading before ``colon`` names ((三)消防领域： -> 消防), or ''."""
    start = max(sentence.rfind(ch, 0, colon) for ch in "。；;！？") + 1
    head = re.sub(r"^\s*(?:[(（][一二三四五六七八九十\d]{1,2}[)）]|\d{1,2}[.．、])", "",
                  sentence[start:colon])
    head = re.sub(r"(?:领域|方面|板块|类|工作)$", "", head)
    if head.endswith(("看", "如下", "显示", "为", "是")) or head.startswith(
            ("从", "分", "据", "其中")) or head in _LEAD_INS:
        return ""  # 分产业看：, 其中：, 喜讯：: a way of reading or a lead-in, no domain
    return head if 2 <= len(head) <= MAX_HEADING and all(is_cjk(ch) for ch in head) else ""


#: The set a rank is taken in, alone before the verb (全市20个区县, 市, 全省): it names no
#: indicator; the rank is of the figure before it (综合指数为5.57，全市20个区县排名第4).
_SCOPE_ONLY = re.compile(r"(?:全|本|周边)?[省市州县区国]?内?(?:[\d一二三四五六七八九十]+个?)?"
                         r"(?:区县|县市区|县区|县市|市县|乡镇|街道|地市|市州)?(?:中)?")
#: Names of an amount of something named before (受理信访举报71件，总量上升77.5%): alone they
#: say nothing of what; the figure takes the name before.
_GENERIC_AMOUNTS = frozenset({"总量", "数量", "总数", "规模", "总额", "数"})


#: A larger unit named alone before its value in brackets (全市为, 全省平均), after a gap to it.
_COMPARATOR_SCOPE = re.compile(r"(?:全[市省国州区县]|[省市州]|全国)(?:平均|平均水平)?(?:为|是|:|：)?")
#: A gap to a larger unit before a bracket (…收入比全市低2568元, 增幅比全省高0.6个百分点): what
#: is compared stands before 比/较.
_GAP_TO_SCOPE = re.compile(r"^(?P<what>[^，,。；;]*?)(?:比|较)(?:全[市省国州区县]|[省市州]|全国)"
                           r"(?:平均水平|平均)?(?:高出|低出|多出|高|低|多|少|快|慢)")
#: The words of such a gap inside a label (…收入比全省低): what stands before them is compared.
_GAP_TO_SCOPE_WORDS = re.compile(r"(?:比|较)(?:全[市省国州区县]|[省市州]|全国)(?:平均水平|平均)?"
                                 r"(?:高出|低出|多出|高|低|多|少|快|慢)")
#: A county-level place opening a name (歙县城镇居民…): the value in brackets is another unit's.
_LEADING_PLACE = re.compile(r"^[\u4e00-\u9fff]{1,3}[县市区](?=[\u4e00-\u9fff]{2})")


def _gap_measure(sentence: str, at: int) -> str:
    """What the gap before the bracket at ``at`` compares (城镇常住居民人均可支配收入 of
    某县城镇居民人均可支配收入比全市低1500元), without the place it is of, or ''."""
    begin = _clause_start(sentence, at)
    m = _GAP_TO_SCOPE.match(sentence[begin:at])
    if m is None:
        return ""
    what = clean_name(m.group("what")) if m.group("what") else _earlier_gap_subject(
        sentence, begin)
    what = _LEADING_PLACE.sub("", what) if not is_place_name(what) else ""
    return what if _has_noun(what) and not what.startswith(GROWTH_SIZE_WORDS) else ""


def _earlier_gap_subject(sentence: str, begin: int) -> str:
    """What the nearest earlier gap of the segment (up to ；or 。) compares (…收入比全市低2568元
    (…),比全省低5121元: the second gap is of the same income), or ''."""
    j = begin - 1
    while j > 0 and sentence[j] not in "；;。！？":
        pbegin = _clause_start(sentence, j)
        m = _GAP_TO_SCOPE.match(sentence[pbegin:j])
        if m is not None and m.group("what"):
            return clean_name(m.group("what"))
        j = pbegin - 1
    return ""


def _before_bracket(sentence: str, at: int) -> str:
    """The noun phrase right before the bracket at ``at`` (…工业生产引起的噪音污染(…): 噪音污染)."""
    begin = _clause_start(sentence, at)
    text = sentence[begin:at]
    text = text[text.rfind("的") + 1:]
    return clean_name(text) if _has_noun(text) and not re.search(r"\d", text) else ""


#: The words of a change between a figure and the next, alone (847件少297件, 9人增加2人): they
#: name nothing; the change is of what the figure before them is.
_DIRECTION_ONLY = re.compile(r"[多少增减降升]|增加|减少|下降|上升|增长"
                             # the new level of a movement: 543件增加到2017年的 (1955件)
                             r"|(?:提高|提升|上升|增长|增加|下降|降低|减少|压减|压缩|缩短|回落)"
                             r"(?:到|至)(?:20\d\d年(?:底|末)?的?)?")


#: A figure earlier in the clause, with its unit (111户, 180.37%, 4500余万元): the name of the
#: figure after it starts after it.
_EARLIER_FIGURE = re.compile(rf"{_NUMBER}[余多]?[万亿]?(?:人次|[个件户人名家起项条次])"
                             # a share or an amount only when words of its own follow (增加
                             # 180.37%结案), not a threshold in a name (收入10万元以上的村,
                             # 超10万元村)
                             rf"|(?<![超逾满过])(?<!达到){_NUMBER}(?:\s*%|‰|个百分点|[余多]?[万亿]?元)"
                             r"(?![以的及超上下左右村户和、与或])")
#: What stands in for a bracketed note while positions are kept.
_MASK = "\x00"
#: The two-character verbs of change a name may end on (42下降, 受案增加167件).
_CHANGE_VERB = "(?:增加|减少|下降|上升|增长|提高|降低)"
#: A verb of change ending a clause (42下降): the words after a bare base.
_DIRECTION_ONLY_END = re.compile(rf"{_CHANGE_VERB}$")
#: Names of an attribute of what a sentence counted before them (重点项目50个，总投资178.7亿元，
#: 年度计划投资17.68亿元，1-5月完成投资4.28亿元): alone they say whose is unknown.
ATTRIBUTES = frozenset({"总投资", "投资", "计划投资", "年度计划投资", "年度投资计划", "年度投资",
                         "完成投资", "累计完成投资", "总面积", "总产值", "总金额", "总规模"})


def _owner_name(sentence: str, begin: int) -> str:
    """The name of the nearest figure before the clause at ``begin`` that is no attribute itself
    (up to a ；or ：, which open another item): whose total or planned investment it is."""
    j = begin - 1
    while j > 0 and sentence[j] not in "；;。！？：:":
        pbegin = _clause_start(sentence, j)
        for m in _FIGURE.finditer(sentence, pbegin, j):
            if sentence[m.end():m.end() + 1] in ("%", "％"):
                continue  # 开工率42.4%, 完成总里程的31%: a share owns no investment
            # named by the words before it (县级重点项目共530项), as _previous_name does
            names = _names(sentence, m.start(), m.end(), "money", True, inherit=False)
            name = names[0] if names else ""
            if name and name not in ATTRIBUTES and _has_noun(name):
                return name
        j = pbegin - 1
    return ""


#: Nouns naming the size of a rise or a fall (增速, 增幅, 涨幅, 降幅, 减幅, 跌幅) without saying
#: whose: a label opening with one (同比减幅9.48%) is of the figure named before it.
GROWTH_SIZE_WORDS = ("增速", "增幅", "涨幅", "降幅", "减幅", "跌幅")

#: What a bare 占 (占26%) measures once it has the subject it borrows: the share (处理人次占比).
SHARE_NOUN = "占比"

#: Labels of a gap, an excess or a share (超序时进度, 占任务数): the figure they name is no
#: subject a later growth or rank (增幅位居全省第二位) is of.
NOT_A_SUBJECT = re.compile(r"^(?:超|高于|低于|高出|低出|快于|慢于|拉动|下拉|占|比重)"
                           # a tally's count (消费量增长的县市数): how many moved, not what did
                           r"|^[^的]+(?:增长|上升|上涨|下降|减少|下跌)的[^的]{1,8}数$")


#: A clause naming the largest part of a whole (日用百货类投诉中涉及最多的为服装类投诉): the part
#: and the whole a bare 占 after it is the share of.
_LARGEST_PART = re.compile(r"^(?P<whole>[^，,。；;]+?)中[^，,。；;]*?的(?:为|是)(?P<part>[^，,。；;为是]+)$")
#: The noun ending the name of a part's share of a named whole (as metrics.SHARE_LABEL_NOUN).
WHOLE_SHARE_NOUN = "比重"


def _named_before(sentence: str, comma: int) -> str:
    """The share a bare 占 after the clause ending at ``comma`` names, when that clause has no
    figure but names a part of a whole (…投诉中最多的为服装类投诉，占27%: 服装类投诉占日用百货类
    投诉比重)."""
    pbegin = _clause_start(sentence, comma)
    clause = sentence[pbegin:comma]
    if _FIGURE.search(clause):
        return ""
    m = _LARGEST_PART.match(clause)
    if m is None:
        return ""
    whole = _strip_leading(m.group("whole").lstrip("而但并且"))
    return f"{m.group('part')}占{whole}{WHOLE_SHARE_NOUN}" if whole else ""


def _previous_name(sentence: str, begin: int) -> str:
    """The name of the nearest figure before the clause at ``begin`` in its sentence part (up
    to a ；): what a change without a subject of its own (比上年增长5.2%) is a change of."""
    j = begin - 1
    while j > 0 and sentence[j] not in "；;。！？":
        pbegin = _clause_start(sentence, j)
        figures = list(_FIGURE.finditer(sentence, pbegin, j))
        if figures and _COMPLETION_OF_PLAN.fullmatch(_strip_leading(sentence[pbegin:figures[0].start()])):
            figures = []  # 完成省…目标任务的130%，市…目标任务的127%: a completion achieves nothing
        if figures:
            m = figures[0]
            # (a value of a 分别 list of gaps is named by its member: 分别高于奉化、宁海a和b;
            # other lists' members are left to the figures they name)
            listed = _listed_name(sentence, m.start(), m.end())
            names = listed if listed and _GAP_WORD.search(listed[0]) else _names(
                sentence, m.start(), m.end(), "money", True, inherit=False)
            name = _CHANGE_END.sub("", names[0]) if names else ""  # 投资同比增长2.7%
            # a gap's name lends what it compared (进出口总量高于奉化 -> 进出口总量)
            name = _GAP_WORD.split(name, maxsplit=1)[0] or name
            # (…收入比全省低5121元，在全市排第6位: the income is ranked, not its gap)
            name = _GAP_TO_SCOPE_WORDS.split(name, maxsplit=1)[0] or name
            if name and not name.startswith(("增速", "增幅", "占")) and not (
                    NOT_A_SUBJECT.match(name)):
                if name in ATTRIBUTES:  # 项目219个，总投资1115亿元，同比增长49.8%: whose
                    name = _owner_name(sentence, pbegin) + name
                return name
        j = pbegin - 1
    return ""


#: Clauses whose cleaned names are kept: a report repeats its names (受理…件, 同比增长) and the
#: cleaning tokenizes and tags each clause several times (issue 16).
CLEAN_NAME_CACHE_SIZE = 8192


@functools.lru_cache(maxsize=CLEAN_NAME_CACHE_SIZE)
def clean_name(clause: str, *, rate: bool = False, reaching: bool = False,
               money: bool = False) -> str:
    """The name in the words before a figure: without the agent, time and scope words, verbs
    of reaching, comparisons and change verbs (全县消费品抽检合格率达 -> 消费品抽检合格率;
    莆田警方累计止付电信诈骗涉案资金 -> 止付电信诈骗涉案资金; 第一产业完成投资 -> 第一产业投资;
    比上年增长 -> '')."""
    clause = _IN_FRAME.sub(r"\g<what>", clause)  # 在2018年度…考评中得分 -> 2018年度…考评得分
    clause = _METHOD.sub("", clause)  # 按可比价计算同比增长 -> 同比增长: how, not what
    clause = _FROM_PART.sub("", clause)  # 满意率由不足40%提高到 -> 满意率
    clause = _SHORT_OF.sub("低于", clause)  # 塌目标 -> 低于目标
    if not _GAP_TO_PLAN.search(clause):  # 高于目标: the plan is what the gap is to
        clause = _PLAN_TAIL.sub("", clause)  # 完成年度目标的 -> '' (a completion share's plan)
    if "了" in clause:  # 受理了群众困难诉求 -> 群众困难诉求; 达到了 -> 达到
        at = clause.rindex("了")
        clause = clause[at + 1:] if clause[at + 1:] else clause[:at]
    if rate and "对" in clause:  # 国家、省、市对该县农产品的安全监测合格率
        clause = clause[clause.rindex("对") + 1:]
    clause = _COMPARE.sub("", clause)
    if rate or not _CHANGE_END.sub("", clause):  # 同比增长 -> ''; 企业增收100万元 keeps 增收
        clause = _CHANGE_END.sub("", clause)
    elif _CHANGE_OF_NAMED.search(clause):  # 受案增加167件: a change of 受案
        clause = _CHANGE_OF_NAMED.sub("", clause)
    clause = _EVERY.sub("", clause)
    clause = _TIME_PREFIX.sub("", clause)
    clause = _IN_TURN.sub("", clause)  # 排名前三位的依次是一般食品类 -> 一般食品类
    clause = re.sub(r"占比率", "占比", clause)  # 占比率 is 占比 with a redundant 率
    # a cut word the tagger joined to the verb after it (共接 in …系统共接报警, 已开 in 已开复工)
    # stands alone, unless the joined word ends the clause (执行案件已结: 已结 is a stage)
    words = tokenize(clause)
    tokens = [part for i, w in enumerate(words) for part in (
        [p for p, _ in _flags(w)] if i < len(words) - 1 and len(_flags(w)) > 1
        and _flags(w)[0][0] in _AGENT_CUTS else [w])]
    for k in range(len(tokens) - 1, -1, -1):  # after the last agent or target word
        only_reaching = tokens[k + 1:] in ([w] for w in _REACHING)  # 税务部门完成28684万元
        if (tokens[k].endswith(_AGENTS) and k + 1 < len(tokens)
                and _is_verb(tokens[k + 1]) and not only_reaching):  # the office's own sum
            tokens = tokens[k + 1:]
            break
        if tokens[k] in _AGENT_CUTS and not (k and _GAP_TO_PLAN.search(tokens[k - 1] + tokens[k])):
            rest = tokens[k + 1:]
            head = "".join(tokens[:k])
            if (len(rest) == 1 and _flags(rest[0])[0][1].startswith("n") and _has_noun(head)
                    and not head.endswith(_AGENTS)):
                del tokens[k]  # 电诈案件累计损失: a bare amount after 累计 is the subject's
            elif _has_noun("".join(rest)) and not (rest and rest[0] in _REACHING):
                tokens = rest
            else:
                del tokens[k]
                if not rest:  # …共接转登记案件共计: the amount's 共计; an earlier 共 may cut
                    continue
            break
    opens = [k for k, w in enumerate(tokens) if w in _PREPOSITIONS]
    if opens and len(tokens) > opens[0] + 2:  # …向我借, …通过线上平台调处纠纷: the verbs after it
        tokens = tokens[opens[0]:]
        verbs = [k for k, w in enumerate(tokens) if _is_verb(w) and k > 1]
        if verbs:  # 向我借 -> 借; 通过…平台止付冻结涉案金额 -> 止付冻结涉案金额 (the last verbs)
            k = verbs[-1]
            while k > 2 and _flags(tokens[k - 1])[-1][1] in ("v", "vn", "d", "ad"):
                k -= 1  # 为辖区老年人免费体检 -> 免费体检
            tokens = tokens[k:]
    if tokens and tokens[0] in _OCCURRENCE and len(tokens) > 1:
        tokens = tokens[1:]
    if money and tokens and tokens[0] in _REACHING and len(tokens) > 1:
        tokens = tokens[1:]  # 完成财政总收入110.3亿元: the amount is the revenue
    # X完成Y / X实现Y: the verb of reaching goes (第一产业完成投资 -> 第一产业投资)
    tokens = [w for k, w in enumerate(tokens)
              if not (w in _REACHING and 0 < k < len(tokens) - 1)]
    prev = None
    clause = "".join(tokens)
    while prev != clause:
        prev = clause
        tokens = tokenize(clause)
        while tokens and tokens[-1] in _TRAILING and (tokens[-1] not in "长高多宽深"
                                                       or reaching) and not (
                tokens[-1] == "达" and len(tokens) > 1 and tokens[-2] in _ARRIVING):
            tokens.pop()
        if len(tokens) > 1 and tokens[-1] in _OCCURRENCE:
            tokens.pop()  # 工矿商贸事故发生20起: what occurred is named before the verb
        clause = "".join(tokens)
        clause = _strip_leading(clause)
        timeless = _TIME_PREFIX.sub("", clause)
        if timeless != clause and _has_noun(timeless):
            clause = timeless  # 本院2021年1-11月“案-件比”: the time after the agent
        clause = _strip_leading(clause)
        occurred = next((w for w in _OCCURRENCE if clause.startswith(w)), "")
        if occurred and _has_noun(clause[len(occurred):]):
            clause = clause[len(occurred):]  # 全县发生道路交通事故 -> 道路交通事故
        if rate:
            clause = _CHANGE_END.sub("", clause)
        clause = clause.lstrip("的对与和及、 ").rstrip("的均、 ")
        if clause.count("“") != clause.count("”") or clause.count("‘") != clause.count("’"):
            clause = clause.strip("“”‘’")  # a quotation mark of speech around the figure
    if reaching and clause[-1:] in "长高多宽深" and len(clause) > 2:
        clause = clause[:-1]  # 巡河长达100公里: 长达 is a verb of reaching
    clause = _AVERAGE_LEVEL.sub(r"\1平均", clause)  # 高于全省平均水平 -> 高于全省平均
    clause = _HOLDING.sub("", clause)  # 人口自然增长率控制在 -> 人口自然增长率
    clause = _STREAK.sub("", clause)  # 死亡人数连续3(年同比下降8%) -> 死亡人数
    if len(clause) > 2 and clause[-1] in "为是" and clause[-2] in _MEASURE_NOUN_ENDS:
        clause = clause[:-1]  # 结案数为, 发回重审率为: the copula left by the tagger
    owner = _PLACE_OWNER.match(clause)
    if owner and _has_noun(clause[owner.end():]):
        clause = clause[owner.end():]  # 广南县的信访量: the place is the scope, not the name
    quoted = re.fullmatch(r"“([^“”]+)”", clause)
    if quoted:  # “案-件比”: a name in quotation marks is the name
        clause = quoted.group(1)
    if _ONLY_TIME.fullmatch(clause):
        clause = ""  # 明年, 10月底: a time names nothing; the figure takes the name before it
    return _dedouble(clause)


#: The words that open a list of members in order (前三位的依次是, 其它依次为): the name is the
#: member after them.
_IN_TURN = re.compile(r"^[^，,。；;]*?(?:依次是|依次为|依次|其次为|其次是|其次)(?=[\u4e00-\u9fff])")
#: A county, city, district or township owning what is named (广南县的信访量).
_PLACE_OWNER = re.compile(r"^[\u4e00-\u9fff]{1,5}?(?:县|市|区|州|镇|乡|街道)的")
#: A name that is a place alone (砚山县147件 after 广南县的信访量203件): the place of a figure
#: of what the figure before it measures.
#: A place alone: a name and the level character of a county, city, district, banner, league,
#: town or street (砚山县, 伊金霍洛旗, 西园街道).
PLACE_ONLY = re.compile(r"[\u4e00-\u9fff]{1,5}(?:县|市|区|镇|乡|旗|盟|街道)")
def is_place_name(text: str) -> bool:
    """Whether a label is a place alone (砚山县, 丘北): a county-like name or place words only."""
    return bool(PLACE_ONLY.fullmatch(text)) or bool(text) and all(
        flag in ("ns", "nr") for _, flag in _flags(text))  # 丘北 is tagged a person's name


#: How a figure was computed (按可比价计算, 按现价核算, 按常住人口统计): no part of its name.
_METHOD = re.compile(r"(?:按|按照)[^，,。；;按]{1,8}?(?:计算|核算|统计|测算)")
#: The frame of an event a figure was obtained in (我市在…考评中得分91.49, 今年我局在…考评中荣获
#: 第三名): the event names it; the time and agent before it go.
_IN_FRAME = re.compile(r"^[^在，,。；;]{0,6}在(?P<what>[^在中，,。；;]{0,22}(?:考评|考核|评比|测评|评价|评估"
                       r"|竞赛|检查|督查|普查|调查|排名))中(?=[\u4e00-\u9fff]|$)")
#: A two-character verb of change after what changed (受案增加167件, 结案减少34件): the name is
#: what stands before it (single characters and 增收 stay: 企业增收100万元).
_CHANGE_OF_NAMED = re.compile(rf"(?<=[\u4e00-\u9fff]){_CHANGE_VERB}了?$")
#: The baseline of a movement before its new level (群众满意率由不足40%提高到 85%): the name is
#: what stands before 由/从.
_FROM_PART = re.compile(r"(?:由|从)[^，,；;]*?[\d一二三四五六七八九十两半][^，,；;]*?(?:提高|提升|下降|降低|增加|减少|增长|上升|"
                        r"压缩|缩短|缩减|压减|扩大|回落|降|增|升)(?:到|至)(?:20\d\d年(?:底|末)?的?)?$"
                        # the baseline's own start: 执行结案数由2014年的 (543件)
                        r"|(?:由|从)(?:(?:20\d\d年|去年|上年|今年|年初)(?:同期|底|末|初)?的?)?$")
#: The plan a completion share is of (完成年度目标的84%, 占年度计划的): no part of the name.
_PLAN_TAIL = re.compile(r"(?:完成|占|为|达到?)?(?:全?年度?|全年|省定|市定)?(?:目标任务|目标|计划|任务)的?$"
                        # 为年预算的, 占年计划投资的: a budget or a planned sum, before 的
                        # (a verb or a year before it: 占一般公共预算支出的 names a measure)
                        r"|(?:(?:完成|占|为|达到?)(?:全?年度?|全年|年初)?|全?年度?|全年|年初)"
                        r"(?:预算|计划|目标)(?:投资|收入|支出)?的$")
#: A money figure bounding a group named right after it (10亿元以上基础设施项目, 5000万元以上
#: 项目投资, 超10亿元投资项目, 进出口500万美元以上企业): a category's threshold, no amount.
_THRESHOLD_AFTER = re.compile(r"(?:及|或)?(?:以上|以下)的?(?=[\u4e00-\u9fff])(?![和及与并且等])")
#: The noun ending a threshold's name (基础设施项目规模门槛): a bound of a group, no subject of
#: the figures after it.
THRESHOLD_NOUN = "门槛"
#: Words the tagger reads as verbs that name what a threshold measures (收入超10万元的村).
_MEASURED_BY = frozenset({"收入", "投资", "进出口", "产值", "营收", "销售", "纳税", "出口", "进口"})
#: Characters before a figure that make it a lower bound when a group follows (超10亿元投资项目).
_THRESHOLD_BEFORE = "超逾"


def _threshold_name(sentence: str, start: int, end: int, clause: str) -> str:
    """The name of a category's threshold: the group it bounds and what it bounds it by, the
    measure printed before the figure (进出口500万美元以上企业 -> 企业进出口门槛) or its size
    (10亿元以上基础设施项目 -> 基础设施项目规模门槛)."""
    begin = _clause_start(sentence, start)
    if sentence[begin - 1:begin] == "、" and re.search(
            rf"{_NUMBER}[^、]*?(?:以上|以下)", sentence[_clause_start(sentence, begin - 1):begin]):
        return ""  # 50万元以上的村3个、100万元以上的村1个: a list of thresholds keeps its name
    after = _THRESHOLD_AFTER.match(sentence, end)
    if after is not None:
        at = after.end()
    elif re.search(r"(?:以上|以下)$", sentence[start:end]) or (
            sentence[start - 1:start] in _THRESHOLD_BEFORE):  # the figure's span holds 以上
        at = end + (sentence[end:end + 1] == "的")
    else:
        return ""
    # the group without what the sentence then says of it (…项目投资同比增长8.1%)
    group = _CHANGE_END.sub("", _COMPARE.split(noun_phrase_after(sentence[at:]))[0])
    if not group:
        return ""
    measure = clean_name(clause.rstrip(_THRESHOLD_BEFORE), money=True)
    if measure.startswith(group):  # 村集体经济收入10万元以上的村: the group named already
        group = ""
    if measure.endswith(tuple(_MEASURED_BY)) or (measure and _has_noun(measure)):
        return f"{group}{measure}{THRESHOLD_NOUN}"
    return f"{group}规模{THRESHOLD_NOUN}"


#: The most characters of whose plan a completion share is (省民生工程, 市下达, 年初): a longer
#: text before 目标/任务/计划/预算 is a name of its own, not a plan's owner.
MAX_PLAN_OWNER = 8
#: A clause that is only the plan a share completes, its printed size allowed (完成年目标任务12500
#: 人的, 占全年目标任务6.9亿元的, 为年预算的, 完成省分解任务, 市民生工程目标任务的): the share is
#: of the achievement named before it.
_COMPLETION_OF_PLAN = re.compile(
    r"(?:累计)?(?:完成|占|为|达到?)?"
    # (not 比年目标任务4%: a comparison with a target, not its completion; no verb in the owner)
    rf"(?P<plan>[^，,。；;的\d%％比较完占为]{{0,{MAX_PLAN_OWNER}}}?(?:目标任务|目标|计划|任务数|任务|预算))"
    rf"(?:{_NUMBER}\s*[余多]?[万亿]?[\u4e00-\u9fff]{{0,2}})?的?")

#: A clause naming what was achieved and the plan it completes (招商引资完成年度目标的,
#: 财政支出为年预算的): the share's name is both.
_OWN_COMPLETION = re.compile(r"(?P<what>[^，,。；;]+?)(?:累计)?(?:完成|占|为|达到?)"
                             + _COMPLETION_OF_PLAN.pattern.split("(?:完成|占|为|达到?)?", 1)[1])


def _completion_name(sentence: str, begin: int, clause: str) -> str:
    """The name of a completion share whose clause names only the plan (完成年目标任务12500人的
    98.5%): what the figure before it achieved, completing that plan (城镇新增就业完成年目标
    任务比例); without a figure before it, the plan's completion alone (完成市下达任务比例)."""
    plan = _COMPLETION_OF_PLAN.fullmatch(_strip_leading(clause))
    if plan is None or not plan.group("plan"):
        own = _OWN_COMPLETION.fullmatch(clause)
        if own is None:
            return ""
        # 全年财政支出完成年预算的44%: the achievement is named in the clause itself
        what = clean_name(own.group("what"), money=True)
        return f"{what}完成{own.group('plan')}比例" if what else ""
    return f"{_achieved_name(sentence, begin)}完成{plan.group('plan')}比例"


def _achieved_name(sentence: str, begin: int) -> str:
    """The name of the nearest figure before the clause at ``begin`` in its sentence part that
    names an achievement: the last figure of a clause first (13个重点项目累计完成投资35.42亿元:
    重点项目投资), no change (同比增长5%) and no completion share of its own."""
    j = begin - 1
    while j > 0 and sentence[j] not in "；;。！？":
        pbegin = _clause_start(sentence, j)
        figures = list(_FIGURE.finditer(sentence, pbegin, j))
        if figures and _COMPLETION_OF_PLAN.fullmatch(
                _strip_leading(sentence[pbegin:figures[0].start()])):
            figures = []
        for m in reversed(figures):
            names = _names(sentence, m.start(), m.end(), "money", True, inherit=False)
            name = names[0] if names else ""
            if name and not _CHANGE_END.search(name) and not NOT_A_SUBJECT.match(name) and (
                    _CHANGE_END.sub("", name) == name):
                return name
        j = pbegin - 1
    return ""


#: The average a figure is compared with (高于全省平均水平): 水平 adds nothing to 平均.
_AVERAGE_LEVEL = re.compile(r"(?<=[于出])([^，,。；;]{0,8}?)平均水平$")
#: The most characters of a benchmark named alone after 、 (全国, 奉化, 全省平均).
MAX_BENCHMARK_NAME = 4
#: A clause of a gap to a benchmark (进出口增幅高于全市22个百分点): what is compared and the gap
#: word, which a benchmark listed after it with its own gap (、全国18个百分点) shares.
_GAP_BEFORE = re.compile(rf"(?P<head>[^，,。；;、]*?(?:高于|低于|高出|低出|快于|慢于))[^\d，,。；;、]+"
                         rf"{_NUMBER}\s*(?:个百分点|%|％)$")
#: A figure compared with a plan (比年目标任务4%) or the gap after it (比年目标任务4%低): the plan
#: of what the figure before it measures, or that figure's gap to it.
_VERSUS_PLAN = re.compile(r"(?:比|较)(?P<plan>(?:全?年度?|全年|年)?(?:目标任务|目标|计划|任务))"
                          rf"(?:{_NUMBER}\s*[%％](?P<word>[高低快慢]))?")
#: 塌 before a plan (塌目标1.8个百分点: fell short of the target by) is 低于.
_SHORT_OF = re.compile(r"^塌(?=(?:全?年度?)?(?:目标|计划|任务))")
#: A gap to a plan (高于目标2.1个百分点, 低于年度计划): the plan stays in the name.
_GAP_TO_PLAN = re.compile(r"(?:高于|低于|高出|低出|快于|慢于)(?:全?年度?)?(?:目标任务|目标|计划|任务)$")
#: Verbs of holding a figure at a level, after the name (控制在5‰以内, 稳定在95%以上).
_HOLDING = re.compile(r"(?:控制|稳定|保持|维持|压降|压减)(?:在|到|至)$")
#: A streak after the name (连续3年同比下降, 连续五年实现): how long, not what.
_STREAK = re.compile(r"连续[\d一二三四五六七八九十两]*(?:年|个月|天)?$")
#: Last characters of the name of a measure (数, 率, 额, 量, 比, 值) before a copula 为/是.
_MEASURE_NOUN_ENDS = "数率额量比值"
#: A label that is only a time (明年, 10月底, 今年1至9月): no name at all.
_ONLY_TIME = re.compile(r"(?:截至|截止|到|至)?(?:今年|明年|去年|上年|当年|全年|年内|同期|\d{4}年度?|"
                        r"\d{1,2}(?:[-－至]\d{1,2})?月(?:份|底|末|初)?|[一二三四]季度|[上下]半年)+")


def _dedouble(text: str) -> str:
    """村村村 -> 村: a character repeated says 'every' (村村都建立), it names nothing more."""
    return re.sub(r"(.)\1+", r"\1", text) if len(set(text)) == 1 else re.sub(
        r"([^\d])\1+(?=[^\d]?$)", r"\1", text) if re.search(r"(.)\1\1", text) else text


@functools.lru_cache(maxsize=4096)
def _flags(text: str) -> tuple[tuple[str, str], ...]:
    return tuple((w.word, w.flag) for w in pos_tagger().cut(text))


def is_action(word: str) -> bool:
    """Whether ``word`` is one verb (受理, 办结): the action two counts' labels may share."""
    return word in HANDLING_VERBS or _is_verb(word)


def _is_verb(word: str) -> bool:
    flags = _flags(word)
    return len(flags) == 1 and flags[0][1] == "v"


def _has_noun(text: str) -> bool:
    """Whether a noun (or a set phrase such as 粮食产量, 第一产业) is among the words."""
    return any(f.startswith(_NOUN_FLAGS) or f == "l" or (f == "x" and all(is_cjk(c) for c in w))
               for w, f in _flags(text))


def _verb_before(name: str) -> str:
    """The verb that ends the words before a count (化解21件信访积案: 化解), when they are
    nothing but that verb."""
    words = _flags(name)
    if words and words[-1][1] == "v" and not any(f[:1] in ("n", "l", "j") for _, f in words):
        return words[-1][0]  # 核查发现12名工作人员 -> 发现
    return ""


#: Adverbs that open the predicate after a counted noun (全部, 均, 都, 已, 基本): the noun
#: phrase ends before them.
_PHRASE_ENDS = frozenset({"全部", "均", "都", "已", "已经", "基本", "全面", "均已"})


@dataclass(frozen=True, slots=True)
class _Word:
    """A tagged word as jieba.posseg gives it (``noun_phrase_after`` reads ``_flags``' cache)."""

    word: str
    flag: str


#: The first characters of 到达 and 抵达 (arrived): their 达 is no verb of reaching to drop
#: (到达31.2万人 counts arrivals).
_ARRIVING = frozenset({"到", "抵"})
#: A name in quotation marks right after a measure word (207个“警民联调室”): the counted thing,
#: whatever its words' tags; longer quotes are sayings, not names.
_QUOTED_NAME = re.compile(r"[“\"]([^”\"，,。；;\d]{2,12})[”\"]")


def noun_phrase_after(text: str) -> str:
    """The noun phrase that follows a measure word (3 家企业 -> 企业, 两艘执法船 -> 执法船,
    两份沉甸甸的证书 -> 证书, 35名党员干部存在违规 -> 党员干部): modifiers, then nouns; a verb
    after the first noun is the predicate and ends it.  A name in quotation marks is taken
    whole (“警民联调室”)."""
    quoted = _QUOTED_NAME.match(text)
    if quoted:
        return quoted.group(1)
    # the tags kept by ``_flags``: a report repeats what it counts (issue 16)
    words = [_Word(*pair) for pair in _flags(text[:14])]
    if len(words) > 2 and words[1].word == "的" and words[0].flag in ("z", "a", "ad", "d"):
        words = words[2:]  # 沉甸甸的证书
    out: list[tuple[str, str]] = []
    seen_noun = False
    for w in words:
        if w.word in _PHRASE_ENDS:  # 169个贫困村全部脱贫: the predicate's adverb
            break
        added = w.flag == "x" and all(is_cjk(ch) for ch in w.word)  # a dictionary addition
        noun = w.flag.startswith(_NOUN_FLAGS) or added
        modifier = (w.flag[:1] in ("v", "l", "a") and w.flag != "ad") and not seen_noun
        if noun or modifier:
            out.append((w.word, w.flag))
            seen_noun = seen_noun or noun
        else:
            break
    while out and out[-1][1][:1] in ("v", "a", "l") and out[-1][1] not in ("vn", "an"):
        out.pop()
    if len(out) == 1 and len(out[0][0]) == 1 and len(words) > 2 and len(words[1].word) == 1 and (
            words[1].flag == "v" and words[2].flag.startswith(_NOUN_FLAGS)):
        # 32个省考断面: one character, a one-character verb and a noun are one name
        out = [(out[0][0] + words[1].word + words[2].word, "n")]
    return _dedouble("".join(w for w, _ in out))


# --- object and action -----------------------------------------------------------------------

#: Endings of words that name persons (党员, 网格员, 劳动者, 农户): such a word is an object.
PERSON_NOUN_ENDS = ("人", "员", "者", "户", "民", "生", "工", "长", "士", "属", "女", "众", "象")


#: Tags of words the tokenizer holds whole, a set phrase (l) or a dictionary addition (x): one
#: may open with a verb of its own (化解矛盾).
_WHOLE_WORD_FLAGS = ("l", "x")
#: The length of the verb such a word may open with (化解, 排查, 查处).
VERB_LENGTH = 2


def _verb_split(words: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    """``words`` with a first word held whole that opens with a verb and goes on with a noun
    (化解矛盾 of 化解矛盾纠纷) parted into that verb and the rest, so that the action is found
    whatever words the tokenizer's dictionary holds."""
    if not words or words[0][1] not in _WHOLE_WORD_FLAGS or len(words[0][0]) < 2 * VERB_LENGTH:
        return words  # (执法船: a verb and one character are one noun, a boat)
    head, rest = words[0][0][:VERB_LENGTH], words[0][0][VERB_LENGTH:]
    if _flags(head) == ((head, "v"),) and _has_noun(rest):
        return ((head, "v"), (rest, "n"), *words[1:])
    return words


def _label(name: str, kind: str, unit: str, sentence: str, start: int, end: int) -> Label:
    if not name:
        return Label(None)
    if kind not in ("count", "money"):
        return Label(name)
    words = _verb_split(_flags(name))
    k = 0
    while k < len(words) and words[k][1] == "v" and k < len(words) - 1:
        k += 1
    action = "".join(w for w, _ in words[:k]) or None
    obj = "".join(w for w, _ in words[k:]) or None
    if obj and not _has_noun(obj):  # 死亡, 处分, 办结: an action without an object
        action, obj = name, None
    indicator = name
    if len(words) == 1 and words[0][1] in ("vn", "x") and not name.endswith(PERSON_NOUN_ENDS):
        obj = None  # 约谈52人, 问责15人: an action done to persons, named alone
    if unit in _PERSON_UNITS and (obj is None or re.search(r"(?:死亡|受伤|伤亡|遇难|失踪)$", name)):
        indicator = name + "人数"  # 死亡3人 -> 死亡人数; 道路交通：…死亡4人 -> 道路交通死亡人数
    return Label(indicator, obj, action)


# --- what kind of figure a label names ---------------------------------------------------------

#: The noun a rise's label ends in when it is printed in per cent of the quantity: its growth
#: rate (旅游综合收入增长14.2% -> 旅游综合收入增速).  The open sets' annotators write …增速 for
#: 354 of 410 such rises (同比增速 included; 增幅 19, 涨幅 5, 同比变化 9, the bare quantity 20).
#: A fall in per cent keeps its name: they write 增速 58 times, 降幅/减幅 51 (one set's habit),
#: 同比变化 24 and the bare quantity 42 (set 1's habit) of 175, and either word loses on a set.
GROWTH_RATE_NOUN = "增速"
#: A rise of a price is its 涨幅 (居住价格涨幅): all 5 price rises of the open sets' gold.
PRICE_RISE_NOUN = "涨幅"
_PRICE = re.compile(r"(?:价格|价格指数|物价|房价|CPI)$")
#: The noun a change in percentage points ends in (城镇登记失业率变化): the annotators write
#: …变化 for 71 of 125 (同比变化 included; 增速 7, the bare rate 33).  A rise in the quantity's
#: own unit or a rank's move is its change too (…变化 25 of 56 rises, 增加/提高 6, bare 16;
#: rank moves 4 of 5); a fall there keeps its name, as a fall in per cent does (set 1 writes
#: the bare quantity for falls).
POINT_CHANGE_NOUN = "变化"
#: Words naming a rate, a share or an index (城镇化率, 比重, 满意度, 综合指数): only such a figure
#: moves in percentage points; the points of any other quantity move its growth rate, which
#: the annotators name (…增速较1-9月变化, …增速高于全省: 65 of the 71 point changes so named).
_RATE_NAME = re.compile(r"率|比|重|例|度|指数|份额")
#: Units that say the figure's kind themselves (a multiple: 是上年的1.5倍) or are a share (九成).
_SELF_NAMED_UNITS = frozenset({"倍", "番", "成"})
#: Of those, the units of a growth printed as a multiple of the base (增长1.5倍, 翻两番).
_MULTIPLE_UNITS = frozenset({"倍", "番"})
#: A multiple named as a ratio to its base (税收收入是上年的2倍): no growth, left as printed.
_RATIO_SAID = re.compile(r"(?:是|为|相当于)[^，,；;]*$")
#: Units of a change measured as a share of the quantity changed, and of one in points.
_PERCENT_UNITS = frozenset({"%", "％", "‰"})
_POINT_UNITS = frozenset({"个百分点", "百分点"})
#: Label words that already name a change, a gap or a contribution (增速, 增幅较一季度, 降幅,
#: 变化, 增量, 高于全省, 拉动…): such a label says its kind and is left alone.
_KIND_SAID = re.compile("|".join(GROWTH_SIZE_WORDS) + r"|变化|变动|增量|增减|差距|差值|幅度"
                        # (改善, 恶化: a pollution index's way, read as its direction)
                        r"|(?:增加|减少|增长|下降|提高|降低|上升|回落|缩短|延长|改善|恶化)$")
_COMPARED = re.compile(r"高于|低于|高出|低出|快于|慢于|拉动|下拉|落后于|领先于")
#: A case-handling step named alone (结案, 受案, 立案): a change of it is a change of the number
#: of cases, which the annotators write …数 (结案数 27 times, 立案数 11, 受案数 3, 收案数 4; bare
#: 结案/收案 13); 结案增速 would read as how fast cases are closed.  The count itself keeps its
#: name, its unit (件) says it counts; 未结案 (the cases still open) is a noun of its own.
_CASE_STEP = re.compile(r"(?<!未)(?:结案|受案|立案|收案|破案|办结|审结|执结)$")
COUNT_NOUN = "数"
#: The change word of a fall whose text prints none before its figure: the general one (the
#: sets' keys that name a fall by a verb write 下降 or 减少; 下降 fits rates and counts alike).
FALL_WORD = "下降"
#: Fall words printed in a form that is no label's word: a single character right before the
#: figure (降3个百分点, 减5户, 少3件, 跌0.5%) and a spoken form (少了, 少发生).
_FALL_WORD_FORMS = {"降": "下降", "减": "减少", "少": "减少", "跌": "下跌", "少了": "减少",
                    "少发生": "减少"}


def kind_named(label: str | None, *, role: str | None, unit: str | None,
               direction: str | None, fall_word: str | None = None) -> str | None:
    """``label`` made to say what kind of figure it names where the unit does not: a rise in
    per cent names the growth rate (``GROWTH_RATE_NOUN``; a price's ``PRICE_RISE_NOUN``), a
    change in points, a rise in the quantity's own unit and a rank's move the change
    (``POINT_CHANGE_NOUN``; points of a quantity that is no rate move its growth rate: 工业产值
    增速变化); a change of a case-handling step is one of their number (结案数增速).  Other
    roles, gaps and labels that already say their kind stay as they are (a departure from the
    normal, 平均气温较常年同期偏高, among them).  A target rising in per cent (力争固定资产投资增长13%) is a growth aimed at: it names the growth
    rate as a rise does (固定资产投资增速).  A fall outside points, achieved or (in per cent)
    aimed at, is named by the change word of the text (``fall_word``: 粮食产量下降, 户籍人口减少;
    CONVENTIONS F-change-label), never by the bare name of what fell."""
    if not label or role not in ("change", "target"):
        return label
    if _DEPARTURE_END.search(label):
        return label  # 平均气温较常年同期偏高: a departure from the normal says its kind and way
    if role == "target":
        if unit not in _PERCENT_UNITS or _KIND_SAID.search(label) or _COMPARED.search(label):
            return label
        if direction == "down":
            return _with_fall_word(label, fall_word)
        if direction != "up":
            return label
        return label + (PRICE_RISE_NOUN if _PRICE.search(label) else GROWTH_RATE_NOUN)
    if _COMPARED.search(label):
        return label
    if unit in _POINT_UNITS and label.endswith(GROWTH_SIZE_WORDS):
        # 增速较1-9月加快2个百分点: the growth rate's change; a fall says its printed word
        # (涨幅较上月收窄1.5个百分点 -> 涨幅收窄: CONVENTIONS F-change-label)
        return label + _points_fall_word(direction, fall_word)
    if _KIND_SAID.search(label):
        return label
    if _CASE_STEP.search(label):
        label += COUNT_NOUN
    if unit in _POINT_UNITS:
        if not _RATE_NAME.search(label):  # 工业产值增长8.1%，加快1.9个百分点: its growth's change
            label += PRICE_RISE_NOUN if _PRICE.search(label) else GROWTH_RATE_NOUN
        return label + _points_fall_word(direction, fall_word)
    if direction == "down":
        return _with_fall_word(label, fall_word)
    if unit in _PERCENT_UNITS:
        return label + (PRICE_RISE_NOUN if _PRICE.search(label) else GROWTH_RATE_NOUN)
    if unit in _MULTIPLE_UNITS and direction == "up" and not _RATIO_SAID.search(label):
        # 增长1.5倍, 翻一番: a growth printed as a multiple is still the growth (the open sets'
        # keys: …增速 6 of 9, 增幅/增长/倍数 the rest; never the bare name)
        return label + (PRICE_RISE_NOUN if _PRICE.search(label) else GROWTH_RATE_NOUN)
    if unit in _SELF_NAMED_UNITS:
        return label
    return label + POINT_CHANGE_NOUN


#: A gap to another unit's figure printed as such (比全市低, 比全省高): a comparison that says
#: its kind, as 低于全市 does, and no fall of the quantity named.
_GAP_SAID = re.compile(r"比[^，,；;。]{1,8}?(?:低|高|少|多)$")


def _with_fall_word(label: str, word: str | None) -> str:
    """``label`` ending in the fall's word, once: a label holding it already says it (排名较上季度
    后退, 压减率); one ending in a character or spoken form of it (火灾起数比去年少 -> 火灾起数少) takes
    the word that form stands for (火灾起数减少); a gap (比全市低) names no fall."""
    if _GAP_SAID.search(label) or (word and len(word) > 1 and word in label):
        return label  # 压减率, 学科类校外培训机构压减: the printed word is the label's own
    if _DEPARTURE_END.search(label):
        return label  # 平均降水量较常年同期偏少: a departure from the normal says its way
    if word is None or word in _FALL_WORD_FORMS:
        for form in sorted(_FALL_WORD_FORMS, key=lambda f: (-len(f), f)):
            if label.endswith(form):
                return label[:-len(form)] + _FALL_WORD_FORMS[form]
    word = fall_named(word)
    return label if label.endswith(word) else label + word


def _points_fall_word(direction: str | None, fall_word: str | None) -> str:
    """The word a change in points ends in: a fall's printed word of two characters or more
    (收窄, 回落, 下降: a reader must see the fall, set 9's judge B), else ``POINT_CHANGE_NOUN``."""
    if direction == "down" and fall_word and len(fall_word) > 1 and fall_word not in (
            "降幅", "减幅", "跌幅"):
        return fall_named(fall_word)
    return POINT_CHANGE_NOUN


def fall_named(word: str | None) -> str:
    """The word a fall's label ends in: the text's own (下降, 减少, 回落, 降幅, 缩短), a single
    character or a spoken form made the word it stands for (降 -> 下降, 少了 -> 减少), and
    ``FALL_WORD`` when the text prints none before the figure (负 sign, 比去年少 after it)."""
    if not word:
        return FALL_WORD
    return _FALL_WORD_FORMS.get(word, word)
