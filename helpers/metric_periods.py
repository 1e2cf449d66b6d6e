"""The time a reported figure is for: the printed period phrase and its dates.

A county's 21.5 % means little until one knows whether it counts 今年以来, 1至9月 or 2021年.
Reports print the time in a phrase before the figure (rule 9 of the measurement sets: printed
phrases only); this module finds those phrases in a sentence, chooses the one a figure is
reported for, and turns it into dates when the article's date is known.  ``helpers.metric_context``
reads the figure's other words (direction, role) and asks this module for its period.

- **Periods** are printed phrases only: the last one before the figure in its segment of the
  sentence (segments end at ；and ：), else the sentence's lead period, else one after the
  figure in its own clause; a day (5月19日, 今天) is the time of the figures after it; a
  compared period (比去年, 好于去年, 去年同期, and the later bases of a list: 较一季度和1-5月) is
  never the period of the other figures.
- A deadline keeps its 前 (6月30日前); a title's years (2018年—2020年《…手册》) and a dateline
  (9月22日讯) are no periods.
- **The printed time reference in full** (F-period of the annotation conventions): phrases are
  built from parts (``_COMPOSED``): a year, a quarter or a month with its end, start or third
  (二季度末, 7月初, 3月下旬), spans (1-3季度, 2016年到今年9月底, 前四月), dates counted to
  (截止目前, 截至去年年底, 截至6月, 截至23日17时) and festivals and events with a word of their
  span (2016年春运期间, 春运首日, “五一”节三天, 2016年春节黄金周, 报告期内) or their year (2024年春运),
  and a day with the hour of a reading (今天上午10时, 1月14日早晨, 9月19日02点30分), so that no
  period is cut short.  今年 in a storm's number (今年第13号台风) is a name, not a time.
- **A ；-list carries its periods** (F-period): an item that prints none keeps the period heading
  the nearest earlier item (``_carried``), when the list prints periods from its first item on;
  a period inside an item (…，1-6月累计完成投资…) stays that figure's own.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re

__all__ = ["BASE_PERIOD", "MONTH_NUMBER", "PERIOD", "figure_period", "period_dates"]

#: Time phrases a figure is reported for, longest first.  Each names a stretch of the year the
#: report counts over; ``period_dates`` turns them into dates when the article's date is known.
_CN = "一二三四五六七八九十"
#: The numerals of a five-year plan's name (十四五): written out, since the code-point range
#: 一-九 leaves out 二, 五, 六 and 八.
_PLAN_CN = "一二三四五六七八九"
_M = r"(?:\d{1,2}|[" + _CN + r"]{1,2})"  # a month's number
MONTH_NUMBER = _M
_YEAR_WORD = r"(?:今年|去年|20\d\d年)"
_TO_SIGN = r"(?:至|到|-|—|－|~)"
# -- the parts a printed time phrase is built from (F-period: the time reference in full) -----
#: A year: 2023年, 2023年度, 今年, 去年, 上年, 当年.
_YEAR_ANY = r"(?:20\d\d年度?|今年|去年|上年|当年)"
#: A date counted to (截至, 截止, 截止到; 到 only before a position in a month: 到9月底).
_AS_OF = r"(?:截至|截止到|截止至|截止)"
#: A position inside a month: its end, start or a third of it (9月底, 7月初, 3月下旬).
_IN_MONTH = r"(?:底|末|初|[上中下]旬)"
#: A day, and the hour of a count taken that day (截至23日17时).
_DAY_HOUR = r"\d{1,2}[日号](?:\d{1,2}[时点](?:\d{1,2}分)?)?"
#: The time of day a dated reading is for (今天上午10时, 1月14日早晨, 9月19日02点30分): weather
#: and traffic reports give the hour of a reading, which is part of its time (F-period: in full).
_TIME_OF_DAY = (r"(?:(?:凌晨|早晨|清晨|早上|上午|中午|午后|下午|傍晚|晚上|晚间|夜间|夜里|白天|深夜|"
                r"前半夜|后半夜)(?:\d{1,2}[时点](?:\d{1,2}分|半)?)?|\d{1,2}[时点](?:\d{1,2}分|半)?)")
#: A quarter's number.
_Q = r"[一二三四1-4]"
#: Festivals whose holidays a report counts over (春节, “五一”, 国庆…), named with their year
#: (今年春节) or followed by a word of their span (期间, 黄金周, 首日, 三天).
_FESTIVALS = (r"(?:春节|国庆|中秋|元旦|清明|端午|“五一”|\"五一\"|‘五一’|五一|“十一”|劳动节|国庆节|中秋节"
              r"|“双节”|双节)")
#: Stretches of the year named by what happens in them (春运, 汛期, 暑期, 报告期): periods only
#: with a word of their span after them (春运期间, 春运首日, 汛期以来, 报告期内).
_EVENT_SPANS = r"(?:春运|暑期|暑假|寒假|主汛期|汛期|黄金周|小长假|长假|假期|节假日|节日|报告期|报告)"
#: Words of the span of a festival or an event: its days, its first day, the time since.
_SPAN_WORDS = (r"(?:期间内?|期内|首日|当天|当日|前后|以来|"
               r"[一二三四五六七八九十两\d]{1,2}天(?![\d" + _CN + r"]))")
#: Time phrases built from the parts above, tried before the fixed forms below (a longer phrase
#: opening at the same character wins: 二季度末 over 二季度, 截止目前 over 目前).
_COMPOSED = (
    # a date counted to: 截止目前, 截至去年年底, 截止2019年年底, 截至6月, 截至23日17时
    _AS_OF + r"(?:目前|当前|现在|今(?![年天日]))"
    r"|" + _AS_OF + r"(?:20\d\d年|今年|去年|上年)(?:年底|年末|底|末)"
    r"|(?:" + _AS_OF + r"|到)" + _YEAR_ANY + r"?" + _M + r"月份?(?:" + _IN_MONTH + r"|"
    + _DAY_HOUR + r")"
    r"|" + _AS_OF + r"(?:20\d\d年|今年|去年)?" + _M + r"月份?(?![\d" + _CN + r"底末初旬])"
    r"|" + _AS_OF + r"(?:20\d\d年)?(?:\d{1,2}月)?" + _DAY_HOUR
    # a span from a year to a month: 2016年到今年9月底
    + r"|(?:从|自)?20\d\d年(?:到|至|—|-)(?:今年|去年|20\d\d年)" + _M + r"月份?" + _IN_MONTH + r"?"
    # quarters and their spans, ends and starts: 1-3季度, 二季度末, 2018年度第三季度
    r"|" + _YEAR_ANY + r"?(?:前|第)?" + _Q + _TO_SIGN + _Q + r"季度(?:末|底)?"
    r"|" + _YEAR_ANY + r"?(?:前|第)?" + _Q + r"季度(?:末|初|底)"
    r"|" + _YEAR_ANY + r"(?:前|第)?" + _Q + r"季度"
    r"|" + _YEAR_ANY + r"?(?:上|下)半年(?:末|底)"
    # the first months: 前四月, 前4月 (前4个月 below); a month as its own: 10月当月
    r"|" + _YEAR_ANY + r"?前" + _M + r"月份?(?![\d" + _CN + r"])"
    r"|" + _M + r"月份?当月"
    # festivals and events: 2016年春运期间, 春运首日, “五一”节三天, 2016年春节黄金周, 今年春节
    r"|" + _YEAR_ANY + r"?" + _FESTIVALS + r"节?(?:(?:黄金周|小长假|长假|假期)" + _SPAN_WORDS
    + r"?|" + _SPAN_WORDS + r")"
    r"|" + _YEAR_ANY + _FESTIVALS + r"(?![\u4e00-\u9fff]{0,1}(?:慰问|走访|前夕|活动))"
    r"|" + _YEAR_ANY + r"?" + _EVENT_SPANS + _SPAN_WORDS
    # a season as a clause of its own (预计夏季，全市平均降水量…), not a campaign's name
    # (冬季执行风暴, 夏季治安打击整治行动): the season is followed by a comma or a bracket
    + r"|(?:20\d\d年|今年|明年|去年)?[春夏秋冬]季(?=[，,(（])"
    # an event's stretch with its year and no span word (2024年春运, 今年主汛期): the year makes
    # it a time, where 春运 alone may be the subject (春运工作)
    + r"|" + _YEAR_ANY + r"(?:春运|主汛期|汛期)"
    # since a year: 自今年以来; a clause of its own: 年初，… 如今，…; N years: 5年来, 五年来
    + r"|(?:自|从)(?:今年|去年|年初|20\d\d年)以来"
    r"|(?<![比较\u4e00-\u9fff])年初(?=[，,])|如今(?=[，,])"
    # (连续三年来 is a streak's duration, read as such by helpers.metrics)
    r"|(?<![\d." + _CN + r"两近多])(?<!连续)(?:\d{1,2}|[" + _CN + r"两]{1,3})年来"
)
PERIOD = re.compile(
    _COMPOSED + r"|"
    # a span of years and one of days: 2020年至2024年间, 从2017年至2019年, 1月1日-12月13日
    r"(?:从|自)?20\d\d年?" + _TO_SIGN + r"20\d\d年(?:间|期间|以来)?"
    # with the hours of a weather report (8月20日08时至21日08时, 7月12日夜间至13日22时)
    r"|(?:20\d\d年)?(?:\d{1,2}月)?\d{1,2}(?:日(?:\d{1,2}[时点])?|日?夜间|日?白天)" + _TO_SIGN
    + r"(?:\d{1,2}月)?\d{1,2}日(?:\d{1,2}[时点])?"
    # since an event: 自2023年6月1日投入使用以来, 自今年3月16日启动以来
    r"|(?:自|从)(?:(?:20\d\d年|今年|去年)(?:\d{1,2}月(?:\d{1,2}日)?)?|\d{1,2}月(?:\d{1,2}日)?)[^，,。；;]{0,"
    + str(12) + r"}?以来"
    r"|(?:截至|截止|截止到)(?:今年|去年|20\d\d年)[底末]"
    # run together as printed: 截至1031日 (10月31日)
    r"|(?:截至|截止|截止到)(?:1[0-2]|0?[1-9])(?:[12]\d|3[01]|0[1-9])日"
    r"|(?:截至|截止|截止到|到)" + _YEAR_WORD + r"?" + _M + r"月(?:底|末|初|[上中下]旬|\d{1,2}日)"
    r"|" + _YEAR_WORD + r"?" + _M + r"月份?" + _TO_SIGN + _M + r"月(?:份)?"
    # 元至九月 (元 = 元月, January), not the 元 of an amount (5亿元至九月底)
    r"|(?<![\d" + _CN + r"万亿千百])元月?" + _TO_SIGN + _M + r"月(?:份)?"
    r"|" + _YEAR_WORD + r"?" + _M + _TO_SIGN + _M + r"月(?:份)?"
    # the end of a month the stock is taken at (3月末，全县存贷余额…)
    r"|(?<![\d" + _CN + r"至到\-—－~])" + _YEAR_WORD + r"?" + _M + r"月(?:末|底|初|[上中下]旬)"
    r"|" + _YEAR_WORD + r"?前" + _M + r"个月"
    r"|" + _YEAR_WORD + r"?(?:前|第)?[一二三四1-4]季度"
    r"|" + _YEAR_WORD + r"?(?:上|下)半年"
    # a deadline keeps its 前 (于6月30日前…必须达到100%)
    r"|(?:20\d\d年)?\d{1,2}月\d{1,2}[日号](?:" + _TIME_OF_DAY + r"|以?前(?![\d" + _CN + r"]))?"
    r"|" + _YEAR_WORD + _M + r"月(?:份)?"
    # 去年来 (since last year) only as an opening phrase: 去年来我县考察 is a visit last year
    r"|今年以来|今年来|年初以来|去年以来|去年来(?=[，,])"
    # the years a report looks back over (五年间, 3年间), not a count of years' streak (连续五年间)
    r"|(?<![\d" + _CN + r"两近多])(?<!连续)(?:\d{1,2}|[" + _CN + r"两]{1,3})年间"
    r"|20\d\d年以来|近年来|近[一二三四五六七八九十两\d]+年(?:来)?"
    # recent months and the year just past as an opening phrase (近两个月来，…; 过去一年，…)
    r"|近[一二三四五六七八九十两\d]+个?(?:月|周)(?:来|以来)?"
    r"|过去(?:的)?[一二三四五六七八九十两\d]+年(?:里|间|中)?"
    # since a body or a service began (调处中心成立至今, 平台开通以来): the event and its span
    r"|(?:成立|建成|开通|启用|运行|投用|投入使用|挂牌)(?:以来|至今)"
    r"|(?:今年|年初)(?:至|到)(?:目前|今)|截至目前|截至当前|目前|至今"
    # a five-year plan's span and its end (“十三五”时期, 到“十二五”末)
    r"|(?:到|至)?“十[" + _PLAN_CN + r"]五”(?:期间|以来|时期|末|期末)?"
    r"|(?:到|至)?十[" + _PLAN_CN + r"]五(?:期间|以来|时期|末|期末)"
    r"|(?:本|上|当)(?:周|月|季度)|本年度?|(?:今年|去年)一年|一年来|(?:当日|当天|今天|今日|昨天|昨日)(?:" + _TIME_OF_DAY + r")?"
    # the year a plan runs to (力争到2030年), not the new level's year (增加到2019年的860件)
    r"|(?<![增降提升少加长高低减])(?:到|至)20\d\d年(?:底|末)?"
    # 年内 (within the year), not the end of a duration (3年内, 两年内: a deadline's span)
    r"|20\d\d年(?:度|全年|初|底|末)?|今年(?!第[\d" + _CN + r"]+号)|去年|全年|(?<![\d" + _CN + r"两个])年内|当年"
    # the years of a gazetteer (1996 年，…平均每亩纯收入 1680 元)
    r"|(?<!\d)19[5-9]\d年(?!代)"
    r"|(?<![\d" + _CN + r"])(?:1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])月份?(?![\d" + _CN + r"]|底|末|初|[上中下]旬)"
)
#: The base period of a comparison (去年同期为26天, 比上年同期847件): the time of the figure
#: it names (``base_period``), never the period of the sentence's other figures.
BASE_PERIOD = re.compile(r"(?:去年|上年|上一年)同期")


#: Characters before a year word that make it the base of a comparison (比去年, 较上年, 同2020年
#: 相比), not the period the figure is for.
COMPARISON_BASE = frozenset({"比", "较", "同", "与"})


#: Sentences whose periods are kept: a sentence's figures are read one after the other, so its
#: periods are found once, not once per figure (issue 16).
PERIOD_CACHE_SIZE = 256


@functools.lru_cache(maxsize=PERIOD_CACHE_SIZE)
def _sentence_periods(sentence: str
                      ) -> tuple[list[re.Match[str]], tuple[str, list[re.Match[str]]] | None]:
    """The time phrases of ``sentence`` that may be a period of its figures (no base of a
    comparison, no title or dateline) and its lead chain; callers must not change the lists."""
    bases = [m.span() for m in BASE_PERIOD.finditer(sentence)]
    # a title and the years before it (2018年—2020年《…测评体系操作手册》) and a dateline
    # (每日甘肃网9月22日讯) print no time of the figures
    bases += [m.span() for m in _NOT_PERIOD_SPANS.finditer(sentence)]
    found = [m for m in PERIOD.finditer(sentence)
             if not _compared(sentence, m.start(), m.end())
             and not any(a < m.end() and m.start() < b for a, b in bases)
             and sentence[m.end():m.end() + 1] != "《"
             # 自2021年以来立案的案件: the time of the cases counted, not of the count
             and not _ATTRIBUTE_AFTER.match(sentence, m.end())
             # 占今年88641户任务数的: the year of the plan, not of the figures
             and not _PLAN_AFTER.match(sentence, m.end())]
    # 今年春运从1月24日开展，到3月3日结束: the bounds of an event's span, not the time of the
    # figures counted over it
    starts = [m for m in found if sentence[m.start() - 1:m.start()] in ("从", "自")
              and _SPAN_START.match(sentence, m.end())]
    # (到/至 printed inside the date's phrase or right before it: 至3月1日春运结束)
    ends = [m for m in found if (m.group()[0] in "到至" or sentence[m.start() - 1:m.start()] in (
        "到", "至")) and _SPAN_END.match(sentence, m.end())]
    if starts and ends:
        found = [m for m in found if m not in starts and m not in ends]
    # 2018年7-9月份(截止到9月30日): a period restated in brackets right after another is the
    # same time, printed once
    found = [m for m in found if not any(
        sentence[m.start() - 1:m.start()] in ("(", "（") and other.end() == m.start() - 1
        for other in found)]
    return found, _lead_chain(sentence, found)


def _period(sentence: str, start: int) -> str | None:
    """The time phrase the figure is reported for: the last one printed before it in its
    segment of the sentence (今年1至9月，全县…增长8.2%; segments end at ；and ：, which part
    items of a list), else the sentence's lead period (printed before any figure: 2023年县级重点
    项目…，1-6月累计完成投资…；在建项目185项 is of 2023年), else the first after it in its own
    clause (满意率达到97.5%（2022年度）); a period later in the sentence belongs to the figures
    after it.  The base of a comparison (比去年, 高于去年, 去年同期) is no period of the figures.
    全年 after a printed year (2025年，…；全年满意度达96.32%) is that year."""
    found, chain = _sentence_periods(sentence)
    segment = max(sentence.rfind(ch, 0, start) for ch in _SEGMENT_BREAKS) + 1
    before = [m for m in found if segment <= m.start() and m.end() <= start]
    if before:
        if chain and before[-1] in chain[1]:
            return chain[0]
        return _in_year(before[-1], found)
    carried = _carried(sentence, found, start)
    if carried is not None:  # 二季度末…；上半年…出栏…；猪肉产量15.12万吨: 上半年
        return chain[0] if chain and carried in chain[1] else _in_year(carried, found)
    as_of = [m for m in found if m.end() <= start and m.group().startswith(("截至", "截止"))
             and sentence[m.start() - 1:m.start()] in ("", "，", ",")
             and sentence[m.end():m.end() + 1] in ("，", ",")]
    if as_of:  # 截止5月12日，已动工…；竣工…: a date counted to, a clause of its own, holds for
        # the segments after it
        return chain[0] if chain and as_of[-1] in chain[1] else as_of[-1].group()
    lead = next(iter(found), None)
    if lead is not None and lead.end() <= start and not re.search(r"\d", sentence[:lead.start()]):
        return chain[0] if chain and lead in chain[1] else lead.group()
    clause_end = _clause_end(sentence, start)
    after = [m for m in found if start <= m.start() < clause_end]
    return after[0].group() if after else None


#: Verbs after a date that make it the start or the end of an event's span (从1月24日开展,
#: 到3月3日结束; 从1月21日起, with 起 ending its phrase: 起草 is no start); both bounds printed:
#: the span of the event, not the time of the figures.
_SPAN_START = re.compile(r"(?:正式)?(?:开始|开展|启动|开启)|起(?![\u4e00-\u9fff])")
#: The end of the span, up to ``SPAN_NAME_REACH`` characters naming the event before it (至3月1日
#: 春运结束).
SPAN_NAME_REACH = 4
_SPAN_END = re.compile(rf"[\u4e00-\u9fff]{{0,{SPAN_NAME_REACH}}}?结束")


def _in_year(period: re.Match[str], found: list[re.Match[str]]) -> str:
    """The printed period, or the year printed before it when it names that year (2025年，…；
    全年满意度达96.32%: 2025年)."""
    years = [m.group() for m in found if m.end() <= period.start() and YEAR.fullmatch(m.group())]
    return years[-1] if period.group() in YEAR_OF_SENTENCE and years else period.group()


#: The breaks of a list's items a period is carried across (F-period: an item of a list parted
#: by ；keeps the period of the nearest earlier item that printed one).
_ITEM_BREAKS = "；;"


def _carried(sentence: str, found: list[re.Match[str]], start: int) -> re.Match[str] | None:
    """The period of the nearest earlier item of a ；-list, when the figure's own item prints
    none (二季度末…存栏…；上半年…出栏…；猪肉产量…: 上半年).  The period must head its item
    (printed before the item's first figure: a period inside an item, 在建项目185项…，1-6月累计
    完成投资…, is that figure's own), and the list must print its periods from its first item on
    (a list whose first items print none, 咨询2157件…；投诉920件…；截至目前已办结…；举报345件,
    gives a period to the item that prints it only).  No colon may stand between (it opens a
    list of its own)."""
    earlier = [m for m in found if m.end() <= start]
    if not earlier:
        return None
    last = earlier[-1]
    between = sentence[last.end():start]
    if not any(ch in between for ch in _ITEM_BREAKS) or any(ch in between for ch in "：:"):
        return None
    item = max(sentence.rfind(ch, 0, last.start()) for ch in _SEGMENT_BREAKS) + 1
    head = _TITLE.sub("", _without_periods(sentence, item, last.start(), found))
    if re.search(r"\d", head):
        return None  # the period of one figure inside its item
    list_start = max(sentence.rfind(ch, 0, last.start()) for ch in "：:") + 1
    first_break = min((i for i in (sentence.find(ch, list_start) for ch in _ITEM_BREAKS)
                       if i >= 0), default=len(sentence))
    if not any(list_start <= m.start() < first_break for m in found):
        return None  # the list's first item prints no period
    return last


#: A title in book-title marks (《2019年某市水资源公报》): its digits are no figure.
_TITLE = re.compile(r"《[^》]*》")


def _without_periods(sentence: str, begin: int, end: int, found: list[re.Match[str]]) -> str:
    """``sentence[begin:end]`` with the periods ``found`` there masked (日前发布《2013年…》, 2013年
    全市…: dates and periods are no figure of the item)."""
    chars = list(sentence[begin:end])
    for m in found:
        for i in range(max(m.start(), begin), min(m.end(), end)):
            chars[i - begin] = "□"
    return "".join(chars)


#: A plan after a year word (今年88641户任务数, 今年目标): the year names the plan.
_PLAN_AFTER = re.compile(r"\d+(?:\.\d+)?[万亿]?[\u4e00-\u9fff]?(?:任务|目标|计划|预算)|任务数"
                         r"|(?<=全年)(?:目标)?任务")  # 完成全年任务的32.4%: the plan's year
#: A verb and 的 after a period since an event (自2021年以来立案的案件): the period qualifies the
#: things counted.
_ATTRIBUTE_AFTER = re.compile(r"(?<=以来)[\u4e00-\u9fff]{1,4}的")


def _lead_chain(sentence: str, found: list[re.Match[str]]
                ) -> tuple[str, list[re.Match[str]]] | None:
    """Periods printed one after the other at the sentence's start, parted by commas only
    (今年以来,截至8月中旬,…): one time reference, as printed (set 4's S25-02), with its parts."""
    parts: list[re.Match[str]] = []
    at = 0
    for m in found:
        if sentence[at:m.start()].strip("，, ") or (parts and m.start() == at):
            break
        parts.append(m)
        at = m.end()
    if len(parts) < 2:
        return None
    return sentence[parts[0].start():parts[-1].end()], parts


_NOT_PERIOD_SPANS = re.compile(r"《[^》]*》|\d{1,2}月\d{1,2}日(?:电|讯)")
#: A climatological normal printed right before its value (比历年平均值12.7℃偏高, 较常年同期(-6.1℃)
#: 偏高): the value is for the normal's period (F-baseline: 常年同期, 历年), not the report's year.
_NORMAL_BEFORE = re.compile(
    r"(?:[比较](?P<normal>常年同期|历年同期|多年同期|常年|历年|多年)"
    r"(?:[\u4e00-\u9fff]{0,6}?(?:平均值?|平均水平))?[(（]?"
    r"|(?P<bracketed>常年同期|历年同期|多年同期)[(（])$")
#: Characters before a figure searched for a normal (较常年同期平均值( is 10).
NORMAL_REACH = 12


def figure_period(sentence: str, start: int, *, not_periods: tuple[tuple[int, int], ...] = ()
                  ) -> str | None:
    """The period of the figure at ``start`` (``_period``) when the spans ``not_periods`` print
    no time of it (the base of a rank movement: 由一季度的第15位上升到第8位); the normal's own
    period for the value of a climatological normal (``_NORMAL_BEFORE``)."""
    normal = _NORMAL_BEFORE.search(sentence[max(0, start - NORMAL_REACH):start])
    if normal is not None:
        return normal.group("normal") or normal.group("bracketed")
    for a, b in not_periods:
        sentence = sentence[:a] + "□" * (b - a) + sentence[b:]
    return _period(sentence, start)


#: Words naming the year a sentence already printed (2025年，…；全年…): that year.
YEAR_OF_SENTENCE = frozenset({"全年", "当年"})
YEAR = re.compile(r"20\d\d年度?")
#: Adjectives of a comparison before 于 (高于去年, 好于上年): the year after them is a base.
_COMPARATIVES = "高低好差多少快慢优强大小"
#: The characters that end a segment of a sentence, the item of a list (；) or what a colon
#: introduces: a period printed in one item is not the next item's.
_SEGMENT_BREAKS = "；;：:"
#: The characters that end a figure's own clause when a period is looked for after it: a
#: bracket does not (满意率达到97.5%（2022年度））.
_CLAUSE_ENDS = "，。；！？,;!?"


#: What follows the base of a multiple or a share (是2010年的2.5倍, 为去年的87%).
_MULTIPLE_OF = re.compile(r"的\d+(?:\.\d+)?(?:倍|%)")


#: Joins of a list of bases (较一季度和1-5月) and the longest period phrase looked back for.
_LIST_JOINS = "和、及与"
PERIOD_REACH = 16


def _compared(sentence: str, start: int, end: int) -> bool:
    """Whether the time phrase at ``start:end`` is the base of a comparison (比去年, 较上年,
    同2020年相比, 高于去年, 是2010年的2.5倍)."""
    before = sentence[max(0, start - 2):start]
    if before[-1:] in _LIST_JOINS and start > 1:  # 较一季度和1-5月: the list's later bases
        prev = next((m for m in PERIOD.finditer(sentence, max(0, start - 1 - PERIOD_REACH),
                                                 start - 1) if m.end() == start - 1), None)
        if prev is not None and _compared(sentence, prev.start(), prev.end()):
            return True
    return before[-1:] in COMPARISON_BASE or (
        before[-1:] == "于" and before[:1] in _COMPARATIVES) or (
        before[-1:] in ("是", "为") and _MULTIPLE_OF.match(sentence, end) is not None)


def _clause_end(sentence: str, start: int) -> int:
    j = start
    while j < len(sentence) and sentence[j] not in _CLAUSE_ENDS:
        j += 1
    return j


# -- dates of a period ---------------------------------------------------------------------------

_QUARTER_END = {1: 3, 2: 6, 3: 9, 4: 12}


def _month(text: str) -> int | None:
    if text.isdigit():
        n = int(text)
    else:
        try:
            import cn2an  # the maintained converter of Chinese numerals

            n = int(cn2an.cn2an(text, "smart"))
        except (ValueError, KeyError, TypeError):
            return None
    return n if 1 <= n <= 12 else None


def _year_of(period: str, published: dt.date) -> int:
    m = re.search(r"(20\d\d)年", period)
    if m:
        return int(m.group(1))
    return published.year - 1 if re.search("去年|上年", period) else published.year


def _day(year: int, month: int | None, day: int) -> dt.date | None:
    """The date, or None when the month or the day does not exist (2月30日)."""
    if month is None or not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return dt.date(year, month, day)


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def period_dates(period: str | None, published: dt.date | None
                 ) -> tuple[dt.date | None, dt.date | None]:
    """First and last day a printed period covers, read against the article's date: 今年以来 →
    1 January to the date, 1至9月 → 1 January to 30 September, 前三季度 → to 30 September, 上半年 →
    to 30 June, 2021年 → the year, 截至10月底 → (None, 31 October).  (None, None) when there is no
    period or no date (near, vague ones such as 近年来 and 目前 give none)."""
    if not period or published is None:
        return None, None
    year = _year_of(period, published)
    m = re.search(r"(20\d\d)年?" + _TO_SIGN + r"(20\d\d)年", period)
    if m:  # 2020年至2024年间
        first_year, last_year = int(m.group(1)), int(m.group(2))
        return ((dt.date(first_year, 1, 1), dt.date(last_year, 12, 31))
                if first_year <= last_year else (None, None))
    m = re.search(r"(20\d\d)年(?:到|至|—|-)(今年|去年|20\d\d年)(\d{1,2}|[" + _CN + r"]{1,2})月",
                  period)
    if m:  # 2016年到今年9月底: from the first year's start to the month's end
        last_year = _year_of(m.group(2), published)
        last = _month(m.group(3))
        if last is None or int(m.group(1)) > last_year:
            return None, None
        return dt.date(int(m.group(1)), 1, 1), _month_end(last_year, last)
    m = re.search(r"([一二三四1-4])" + _TO_SIGN + r"([一二三四1-4])季度", period)
    if m:  # 1-3季度: from the first quarter's start to the last one's end
        first, last = (int(q) if q.isdigit() else "一二三四".find(q) + 1 for q in m.groups())
        if first > last:
            return None, None
        return dt.date(year, _QUARTER_END[first] - 2, 1), _month_end(year, _QUARTER_END[last])
    m = re.search(r"(?:(\d{1,2})月)?(\d{1,2})日" + _TO_SIGN + r"(?:(\d{1,2})月)?(\d{1,2})日", period)
    if m:  # 1月1日-12月13日, 12月1日-13日
        first_month = int(m.group(1) or 0) or None
        last_month = int(m.group(3) or 0) or first_month
        first = _day(year, first_month, int(m.group(2)))
        last = _day(year, last_month, int(m.group(4)))
        return (first, last) if first and last and first <= last else (None, None)
    m = re.match(r"(?:自|从)(20\d\d年)?(?:(\d{1,2})月(?:(\d{1,2})日)?)?", period)
    if m and period.endswith("以来") and (m.group(1) or m.group(2)):  # 自2025年4月30日…以来
        first = _day(year, int(m.group(2) or 1), int(m.group(3) or 1))
        return (first, published) if first and first <= published else (None, None)
    m = re.search(rf"前(\d{{1,2}}|[{_CN}]{{1,2}})个?月", period)
    if m:  # 今年前10个月
        last = _month(m.group(1))
        return (dt.date(year, 1, 1), _month_end(year, last)) if last else (None, None)
    m = re.search(rf"(\d{{1,2}}|[{_CN}]{{1,2}}|元)(?:月份?)?(?:至|到|-|—|－|~)(\d{{1,2}}|[{_CN}]{{1,2}})月",
                  period)
    if m:  # 1至9月; 元至九月 (元月 = January)
        first = 1 if m.group(1) == "元" else _month(m.group(1))
        last = _month(m.group(2))
        if first and last and first <= last:
            return dt.date(year, first, 1), _month_end(year, last)
        return None, None
    m = re.fullmatch(r"截[至止]到?(1[0-2]|0?[1-9])([12]\d|3[01]|0[1-9])日", period)
    if m:  # 截至1031日: 10月31日 run together
        day = _day(year, int(m.group(1)), int(m.group(2)))
        return (None, day) if day else (None, None)
    if re.search(r"截[至止]到?(?:今年|去年|20\d\d年)年?[底末]", period):
        return None, dt.date(year, 12, 31)
    m = re.search(r"截[至止]到?.*?(\d{1,2}|[" + _CN + r"]{1,2})月份?(底|末|(\d{1,2})日|$)", period)
    if m:
        month = _month(m.group(1))
        if month is None:
            return None, None
        if m.group(3):
            day = int(m.group(3))
            if day > calendar.monthrange(year, month)[1]:
                return None, None
            return None, dt.date(year, month, day)
        return None, _month_end(year, month)
    m = re.fullmatch(r"(20\d\d年)?(\d{1,2})月(\d{1,2})[日号]以?前", period)
    if m:  # a deadline: 6月30日前
        day = _day(year, int(m.group(2)), int(m.group(3)))
        return (None, day) if day else (None, None)
    m = re.fullmatch(r"(20\d\d年)?(\d{1,2})月(\d{1,2})[日号]", period)
    if m:  # a day: 5月19日, without its year the latest such day up to the article's date
        month, day_no = int(m.group(2)), int(m.group(3))
        if not m.group(1) and (month, day_no) > (published.month, published.day):
            year = published.year - 1
        day = _day(year, month, day_no)
        return (day, day) if day else (None, None)
    if period in ("今天", "今日"):
        return published, published
    if period in ("昨天", "昨日"):
        return published - dt.timedelta(days=1), published - dt.timedelta(days=1)
    m = re.search(r"(前|第)?([一二三四1-4])季度", period)
    if m:
        q = "一二三四".find(m.group(2)) + 1 if not m.group(2).isdigit() else int(m.group(2))
        last = _QUARTER_END[q]
        first = 1 if m.group(1) == "前" else last - 2
        if re.search(r"季度[末底]", period):  # 二季度末: the stock at the quarter's end
            return None, _month_end(year, last)
        return dt.date(year, first, 1), _month_end(year, last)
    if "上半年" in period:
        return dt.date(year, 1, 1), dt.date(year, 6, 30)
    if "下半年" in period:
        return dt.date(year, 7, 1), dt.date(year, 12, 31)
    m = re.search(r"(?:今年|去年|20\d\d年)(\d{1,2}|[" + _CN + r"]{1,2})月", period)
    if m:
        month = _month(m.group(1))
        return (dt.date(year, month, 1), _month_end(year, month)) if month else (None, None)
    m = re.fullmatch(rf"(1[0-2]|[1-9]|十[一二]?|[{_CN}])月份?", period)
    if m:  # a month without its year: the latest such month up to the article's date
        month = _month(m.group(1))
        if month is None:
            return None, None
        year = published.year if month <= published.month else published.year - 1
        return dt.date(year, month, 1), _month_end(year, month)
    m = re.fullmatch(rf"(1[0-2]|[1-9]|十[一二]?|[{_CN}])月份?当月", period)
    if m:  # 10月当月: that month, the latest one up to the article's date
        month = _month(m.group(1))
        if month is None:
            return None, None
        year = published.year if month <= published.month else published.year - 1
        return dt.date(year, month, 1), _month_end(year, month)
    if period in ("本月", "当月", "上月"):
        year, month = published.year, published.month
        if period == "上月":
            year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        return dt.date(year, month, 1), _month_end(year, month)
    if period in ("今年以来", "今年来", "年初以来", "今年至目前", "今年到目前", "今年至今",
                  "年初至今", "年初至目前"):
        return dt.date(published.year, 1, 1), published
    m = re.fullmatch(r"(20\d\d)年以来", period)
    if m:
        return dt.date(int(m.group(1)), 1, 1), published
    if period in ("去年以来",):
        return dt.date(published.year - 1, 1, 1), published
    if re.fullmatch(r"(?:20\d\d年(?:度|全年)?|今年|去年|全年|当年|本年度?)", period):
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    m = re.fullmatch(r"(19[5-9]\d)年", period)
    if m:  # a gazetteer's year
        return dt.date(int(m.group(1)), 1, 1), dt.date(int(m.group(1)), 12, 31)
    return None, None

