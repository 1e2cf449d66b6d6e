"""What the words around a reported figure say of it: direction, role, period, quotation.

A number alone does not say whether a county's 21.5 % is a rise or a fall, an achieved level, a
target, a ceiling or last year's baseline.  Reports say it in a few words next to the figure
(同比下降, 力争, 控制在…以内, 由…提高到, 完成年度目标的), and in the time phrase before it (今年以来,
1至9月).  This module reads those words for one figure in its sentence; ``helpers.metrics`` calls it
for every quantity it extracts.  Word lists here are the vocabulary of Chinese government
reporting, each with the reason it belongs.

Rules the two annotated measurement sets (the real-sentence sets, kept outside the repository)
settle, and this module follows:

- **Printed comparison bases (set 2, rule N2).**  When a sentence prints both the current value
  and the base period's value (比上年同期847件少297件, 去年同期为26天), the base value is
  ``from`` with the base as its period (上年同期), the current value ``to``, both paired and
  with the direction the two values show (``helpers.metrics`` links them); a printed difference
  (少297件) stays a ``change``.  Set 1 prints no such base: it used from/to for 由…到…
  movements only, and its rule 6 defines from/to as "the two ends of a movement" — a base and
  the current value are such ends, so the rules do not conflict; N2 extends set 1's rule.  A
  gap to a base (高于去年同期9个百分点) and a change after one (比去年同期增长5%) are changes.
- **Gaps and shortfalls** (高于全省平均水平38.1个百分点, 比全国平均水平高10.9%, 距离年目标值差
  85天) are changes with the comparison's direction (set 1 rule 6, set 2 rule N7).
- **Category thresholds** (三年以上有期徒刑, 10亿元以上项目, 16周岁以上的人口) and printed
  standards (最低标准92%) are limits; a planned growth (力争…增长15%以上) is a target with
  its direction (set 1 rules 6 and 7).
- **Periods** are printed phrases only (rule 9): the last one before the figure in its segment
  of the sentence (segments end at ；and ：), else the sentence's lead period, else one after the
  figure in its own clause; a day (5月19日, 今天) is the time of the figures after it; a
  compared period (比去年, 好于去年, 去年同期, and the later bases of a list: 较一季度和1-5月) is
  never the period of the other figures.

- **Roles from context** (issue 13): 42 of the 172 targets of the opened sets carry no target
  word in their sentence.  An intention verb (力争, 计划, 确保…) near the start of a quantified
  item governs the later items of its sentence's list, across ，/；/：, until an item tells of
  something done (``_in_intention_scope``); the members of a 、-list ending in 的目标 share it;
  titles (《…任务分解》) and counted tasks (明确133项具体任务) mark no intention.  Beyond the
  sentence, ``plan_parts`` finds the parts of an article that set out work to come (a plan's
  headline, a heading 下一步工作打算 / 任务清单, an announcement without figures) and
  ``mark_planned`` makes their figures targets (``helpers.metrics.extract_metrics`` passes the
  article's headline and paragraphs).

Set 3 (rules B1–B15 of its protocol) differs from sets 1–2 on these points, decided so:

- **A growth rate against a base growth rate** (增长11.6%，较上年同期(3.2%)大幅增长; 增长-8.7%，较一季度
  (-10.8%)回升2.1个百分点): the bracketed base is ``from`` (period 一季度), the current rate ``to``
  (not ``change``), the direction the movement's (−10.8 → −8.7: up, although −8.7 % is a fall
  year on year).  Set 2's N2 paired only levels; B1 extends it to rates and sets 1–2 print no
  such case, so the table follows B1.  A printed difference stays a ``change``.
- **降幅收窄/扩大** (B2): the direction follows the quantity the verb is applied to, the 降幅:
  收窄 down, 扩大 up.  Sets 1–2 print no such case.
- **Contributions** (B4): 拉动 up, 下拉 down, whatever growth word they name.
- **Multiples of a base** (B5, 是去年同期的18倍): a ``change`` up; the table keeps the multiple
  (18 倍) in ``value_std`` as it keeps 翻一番 = 2 倍, where the protocol writes the increase
  ((18 − 1) × 100): the benchmark converts, the table does not.
- **Completion** (B6): only rates are completions (an amount done, 已完成改厕任务40926座, is a
  level); a 开工率/竣工率/化解率 is a completion when the sentence prints the task it is measured
  against (任务为960户, 交办积案1876件), a level otherwise (项目开工率 of signed projects) — as sets
  1–2, which print no task beside such rates.  A count right before 任务 (88641户任务数) is a
  ``target`` (B7).
- **Periods** (B8): a period is not carried across ；(sets 1–2's segments) although set 3
  carries 截止5月12日 over later items of one list; the sets disagree and the table keeps the
  rule two sets agreed on.  A deadline keeps its 前 (6月30日前); a title's years (2018年—2020年
  《…手册》) and a dateline (9月22日讯) are no periods.
- **Flagged rows** (category thresholds, anecdotes, streaks, typos, dropped characters) are
  annotated and extracted like any other; the benchmark can leave them out (``--drop-flagged``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from helpers import config

# the period of a figure is read in its own module; period_dates is re-exported for callers
from helpers.metric_periods import (
    MONTH_NUMBER,
    PERIOD,
    figure_period,
    period_dates,
)

__all__ = ["FigureContext", "figure_context", "mark_planned", "open_bracket", "period_dates",
           "plan_parts", "quoted_spans"]

#: Verbs (and nouns) of a rise: 增长 of output, 提高/提升 of rates, 上升 of indicators, 增加 of
#: counts, 增收 of income, 增幅 (the rise's size), 扩大, 上涨 of prices, 回升/提速 of growth, 多
#: (比去年多3件, 同比多出12件, 多了, 多发生), 偏高 (above the normal: 较常年同期偏高1.2℃, only
#: right before the figure).
UP_WORDS = ("增长", "提高", "提升", "上升", "增加", "增收", "增幅", "增速", "扩大", "上涨", "涨幅",
            "攀升", "递增", "增多", "回升", "反弹", "跃升", "提速", "多出", "多了", "多发生", "高出", "超出",
            "增产", "偏高", "增", "多", "涨", "升")
#: Verbs (and nouns) of a fall: 下降/减少/降低 of counts and rates, 回落 of growth, 压减/压降 of
#: spending and cases, 下滑, 减收, 降幅, 缩减/缩小/下调, 收窄/减低 (降幅收窄: the quantity named, a
#: fall, became smaller — rule B2 of the third measurement set), 少 (比去年少3件, 少了, 少发生5起);
#: a growth that
#: slows (增速放缓/减缓/趋缓1.2个百分点: the growth word names the quantity, the verb its fall),
#: 萎缩/缩水 of markets and 负增长 (a growth below zero, 负增长3.1%: a fall printed without its
#: sign), 跌 (跌0.5%), 精简/削减 of procedures and spending (审批事项精简30%), 下行 of prices,
#: 偏低 (below the normal, only right before the figure).
DOWN_WORDS = ("下降", "减少", "降低", "回落", "压减", "压降", "压缩", "缩短", "下滑", "减收", "降幅", "减幅",
              "跌幅", "缩减", "放缓", "减缓", "趋缓", "萎缩", "缩水", "负增长", "精简", "削减", "下行", "低出",
              "缩小", "下调", "下跌", "递减", "收窄", "减低", "少了", "少发生", "减产", "偏低", "偏少", "减", "降", "少", "跌")
#: Single characters that are directions only right before the figure (增5%, 降3个百分点, 多3件,
#: 涨2.1%, 跌0.5%): elsewhere they are parts of other words (增强, 减负, 多措并举, 涨价).
_SINGLE = frozenset({"增", "减", "降", "多", "少", "涨", "跌", "升"})
#: Words that make the figure a comparison with an earlier one (a change) even without a verb
#: right before it: 同比, 环比, 比上年, 较去年.
COMPARISON = re.compile(r"同比|环比|比上年|比去年|较上年|较去年|比上年同期|较上年同期|比年初|较年初"
                        r"|比\d{4}年|较\d{4}年")
#: A change reached to a level (提高到, 降至, 增至): the figure after it is the new level (``to``).
_TO = re.compile(r"(?P<verb>提高|提升|上升|增长|增加|下降|降低|减少|压减|压降|压缩|缩短|缩减|回落|扩大|"
                 r"缩小|下滑|下跌|上涨|收窄|放缓|精简|削减|发展|增|降|减|升|涨|跌)(?:到|至|为)"
                 r"(?:(?:20\d\d年|今年|本年|当年)(?:底|末)?的?)?(?:法定时限的?|原来的|原先的)?"
                 # the base a price or a yield is given per (涨到一公斤2元, 提高到每亩600公斤)
                 r"(?:每|一)?(?:公斤|千克|斤|吨|亩|人|户)?$")
#: Verbs of a movement that name no direction themselves: the end they reach is higher (全村柑橘
#: 种植已发展至6000余亩: a lone endpoint, rule D4 of the sixth measurement set).
_RISE_VERBS = frozenset({"发展"})
#: A baseline: 由/从 + (the year it stood in: 由2014年的) + (qualifier) + the figure, before a
#: change verb later in the clause.
_FROM = re.compile(r"(?:由|从)(?:(?:20\d\d年|去年|上年|今年|当年|年初)(?:同期|底|末|初)?的?)?"
                   r"(?:不足|不到|超过|近|约|原来的|原先的|过去的|之前的|上年的|去年的)?$")
#: Words of intention that make a figure a target: 力争, 目标, 计划, 确保, 争取 (not 争取到/争取了,
#: obtained: 共争取到补助资金1.2亿元 is an amount received; 争取到2025年 is an aim), 任务 (in
#: 目标任务), 承诺 (a commitment, B7; not 承诺时限 or 承诺件, the promised deadline), 力求, 拟, 要 (要达到), 将 (将达到), 到…年 (到2025年…达到); 计划 and 规划 not in an
#: organ's name (规划局), in a policy's name (计划生育, 计划单列) or as an attribute (列入治理计划的
#: 隐患: what a plan holds, counted as it stands); 确保了 (ensured) is done, not aimed at.  预计 is not one: year-end reports print the year's estimated level
#: with it (预计全年实现…).  A completed plan
#: (完成计划的87%) is a completion, not a target: ``COMPLETION`` is tried first.
TARGET = re.compile(r"力争|目标|承诺(?![^，,。；;]{0,2}时限|件|书|制|事项)|"
                    r"(?:计划|规划)(?![局委办司处科院]|生育|单列|的)|确保(?!了)|"
                    r"争取(?!到(?!20\d\d年)|了)|任务|力求|拟|预期(?!性)|要求|将要|"
                    # what is still to come (下一步将开展, 今年还将采购): 将 after 还/下一步 is
                    # no disposal marker (将320户纳入…)
                    r"下一步|还将|"
                    r"将(?=达到|达|突破|超过|实现|建成|完成|新增|增加|提高|带动|惠及|形成|投入|投资)|"
                    r"要(?=达到|达|完成|实现|确保|力争|突破|建成|提高|控制)|"
                    r"必须(?=达到|达|完成|实现)|"
                    r"到20\d\d年|至20\d\d年底?")
#: A ceiling: 控制在…以内/以下, 不超过, 不高于, 低于 (as a requirement).
LIMIT_BEFORE = re.compile(r"控制在|不超过|不高于|不得超过|不大于|控制到|控制值(?:为|是)?$"
                          # a ceiling of a reward or a subsidy (最高可获五万元)
                          r"|最高(?:可获得?|可得|可领取?|可享受?|可达|奖励|补助|补贴)$"
                          r"|门槛(?:为|是)?$|[上下]限(?:为|是)?$")
#: A standard set for a rate or an amount (最低标准92%) is a limit; a number of standards
#: (观察测评内容标准328个) is a count.
_STANDARD = re.compile(r"(?:最低|最高)?标准(?:为|是)?$")
LIMIT_AFTER = re.compile(r"^\s*(?:以内|之内|以下)")
#: The bound printed after a figure 控制在 holds (控制在5.5%以内, 控制在7天内): without it the
#: figure is the value reached (set 7's rule E3).
_BOUND_AFTER = re.compile(r"^\s*(?:以内|之内|以下|内|左右)")
#: A completion: the share of a plan done (完成年度目标任务的87%, 占年度计划的87.3%, 为年度任务的,
#: 占市下达全年控制指标的16.67%, 为年预算的32.3%, 占年计划投资的64.49%, 序时进度的); up to 8
#: characters name whose plan it is, up to ``MAX_PLAN_NOUN`` what was planned (投资, 收入).  The
#: figure is a level of progress against a target, not a level of the indicator.
MAX_PLAN_OWNER = 8
MAX_PLAN_NOUN = 4
COMPLETION = re.compile(rf"(?:完成|占|为|达|达到|实现)[^，,。；;：:]{{0,{MAX_PLAN_OWNER}}}?"
                        rf"(?:目标|计划|任务|指标|预算)(?:任务)?(?:[^，,。；;：:的]{{1,{MAX_PLAN_NOUN}}}的|的)?$"
                        r"|(?<!一次)(?<!按期)(?<!按时)(?<!及时)(?<!首次)(?<!当日)完成率(?:为|达到?|是)?$"
                        r"|序时进度的$"
                        # the progress of a plan printed as such (收入完成进度为58%), and a share
                        # of the whole planned (完成总里程的31%, 完成总投资的40%)
                        r"|完成进度(?:分别)?(?:为|达到?|是)?$"
                        # the progress of a named plan (累计完成减排目标进度72.5%)
                        rf"|完成[^，,。；;：:\d]{{1,{MAX_PLAN_OWNER}}}?(?:目标|计划|任务)进度(?:为|达到?|是)?$"
                        rf"|完成总[^，,。；;：:的\d]{{1,{MAX_PLAN_NOUN}}}的$"
                        # 市民生工程目标任务的127% (完成 shared with the item before), 占年度投资
                        # 计划比例70.4%
                        r"|(?:目标|计划)任务数?的$|(?:计划|任务|目标)数?的?比例(?:为|达到?|是)?$"
                        # a share of the work done printed right after 完成 (已完成32%, 完成工程量
                        # 82%): the whole is the project's own
                        r"|完成(?:工程量|工程总量|总工程量|工作量)?$")
#: The planned sum a share of completion is of, printed with its figure (占年初预算数109466万元
#: 的56.3%): the figure is the target, the share after it a completion.
_PLANNED_SUM = re.compile(r"(?:占|为|完成)(?:全?年度?|年初|全年)?(?:预算|任务|计划|目标)数(?:为|是)?$")
#: A task's size printed inside its completion (完成全年目标任务7家的114.29%, 完成年目标任务8亿元
#: 的124%): the figure before 的 is the target the share is of, not an amount done.
_TASK_BEFORE_SHARE = re.compile(r"完成(?:全?年度?|年初|全年|省定|市定)?(?:目标任务|目标|任务|计划)$")
_PLANNED_SUM_FIGURE = re.compile(r"(?<=[预算任务计划目标]数)\d+(?:\.\d+)?[万亿]?(?:元|户|件|个|项)")
#: A rate of work started, finished or resolved (开工率, 竣工率, 化解率) is the share of a task
#: done when the sentence prints the task (任务为43801户, 交办积案1876件): rule B6 of the third
#: measurement set; measured against ordinary totals (项目开工率 of signed projects) it is a level.
_TASK_RATE = re.compile(r"(?:开工|开复工|复工|动工|竣工|入住|化解|完成)率(?:为|达到?|是)?$")
_TASK = re.compile(r"任务数?(?:为|是|共)?\d|\d+[\u4e00-\u9fff]任务|交办[^，,。；;]{0,6}\d"
                   r"|承诺[^，,。；;]{0,8}\d")  # 承诺3月份开复工36项: a commitment is a task
#: A gap to a benchmark (高于全省平均水平38.1个百分点, 比全国平均水平高10.9%, 较第二名多出0.34分): a change whose
#: direction is the comparison's; the benchmark (up to ``MAX_BENCHMARK`` characters) stands
#: between the word and the figure.
MAX_BENCHMARK = 14
_GAP = re.compile(rf"(?:(?P<word>高于|低于|高出|低出|快于|慢于|好于|优于|落后于|领先于|落后|领先)[^，,。；;：:]{{1,{MAX_BENCHMARK}}}"
                  rf"|(?:比|较)[^，,。；;：:]{{1,{MAX_BENCHMARK}}}?(?P<adj>[高低快慢多少])(?:出|了)?)$")
_GAP_UP = frozenset("高快好优多领")
#: A floor set in a plan (不少于3个, 不低于95%): a target, never a gap (低于).
_FLOOR = re.compile(r"(?:不少于|不低于|不得少于|不得低于)$")
#: A contribution to a whole's growth (拉动全县规上工业增加值增速2.4个百分点, 下拉…1.1个百分点):
#: a change up (拉动) or down (下拉) whatever the growth word it names.
_CONTRIBUTION = re.compile(rf"(?P<verb>拉动|下拉)[^，,。；;：:]{{0,{MAX_BENCHMARK}}}$")
#: A shortfall to a target (距离年目标值差85天, 离目标还差3个): a change down.
_SHORTFALL = re.compile(r"(?:距离?|离)[^，,。；;：:]{1,12}?(?:还)?差$")
#: An excess over a task (超任务数1286户, 超出目标2个): a change up (set 2's rule N7).
_EXCESS = re.compile(r"超(?:出|过|额)?(?:年度)?(?:任务|目标|计划|序时进度)数?$")
#: A category threshold: the figure bounds a group named right after it (三年以上有期徒刑,
#: 10亿元以上基础设施项目, 收入10万元以上的村, 16周岁以上的常住人口), not a level reached; rates
#: before 以上的 are shares of people (90%以上的群众), no threshold.
_CATEGORY_AFTER = re.compile(r"^(?:规模)?及?(?:以上|以下)的?(?=[\u4e00-\u9fff])(?![和及与并且等])")
#: A count's own floor or class printed before what it counts, without 的 (招引20个以上过亿项目,
#: 24家规模以上工业企业): the count of those things, not the bound of a category; with 的
#: (办理量10件以上的单位) the figure bounds the group counted elsewhere.
_COUNTED_CLASS = re.compile(r"(?:规模)?及?以上(?!的)")
#: The figures a base period names: right after it (比上年同期847件), or after 为/是 (去年同期为
#: 26天); not after a word of change or a benchmark (比去年同期增长, 高于去年同期9个百分点),
#: which make the figure a change.
_BASE_BEFORE = re.compile(r"(?:^|[比较])(?P<base>(?:去年|上年|上一年)同期)(?:为|是|的)?$")
#: Units a figure's 标准 belongs to (18669吨标准煤: tonnes of standard coal), not a standard set.
STANDARD_UNITS = ("标准煤", "标准箱", "标准亩", "标准间")
#: 超 and a benchmark before a gap in points (超中央级9个百分点, 超全省平均2个百分点): a change
#: up; the benchmark is up to ``MAX_BENCHMARK`` characters without a figure.
_SURPASS = re.compile(rf"(?:^|[^不])超(?:过|出)?[^，,。；;：:\d]{{1,{MAX_BENCHMARK}}}$")
#: Words before a base period that make the figure after it a gap, not the base's value.
_GAP_BEFORE_BASE = re.compile(r"(?:高于|低于|高出|低出|好于|快于|慢于)$")


@dataclass(frozen=True)
class FigureContext:
    """What a figure's sentence says of it (see the module docstring)."""

    direction: str | None  # "up", "down" or None
    role: str  # level, change, from, to, target, limit, completion, rank
    period: str | None  # the time phrase as printed
    base: bool = False  # the value of a comparison's printed base (去年同期为26天)


def figure_context(sentence: str, start: int, end: int, *, kind: str, value: float | None = None
                   ) -> FigureContext:
    """Direction, role and period of the figure at ``sentence[start:end]`` of kind ``kind``.

    The value of a comparison's printed base (比上年同期847件, 去年同期为26天) is role ``from``
    with the base as its period; its direction, and the ``to`` role of the current value it is
    compared with, come from the two values (``helpers.metrics`` links them).  This is rule N2
    of the second measurement set; the first set prints no such base and keeps from/to for
    由…到… movements, which this rule extends without contradicting (a base and its current
    value are the two ends of a movement over a year).
    """
    base = base_period(sentence, start) if kind != "rank" else None
    if base == "" and kind == "rate":
        base = None  # 同比3.2%上升 would be a change printed oddly, not a bare base rate
    if base is not None:
        return FigureContext(None, "from", base, base=True)
    clause_start = _clause_start(sentence, start)
    before = sentence[clause_start:start]
    aside = _WORD_ASIDE.search(sentence, 0, start) if not before else None
    if aside is not None:  # 较上年下降（减少）3.1个百分点: the bracket holds another name of
        # the verb before it, which is the figure's own
        clause_start = _clause_start(sentence, aside.start())
        before = sentence[clause_start:aside.start()]
    if _SUBJECTLESS.fullmatch(before) and clause_start > 1:
        clause_start = _clause_start(sentence, clause_start - 1)
        before = sentence[clause_start:start]
    head = _list_head(sentence, clause_start) if before in _LIST_LEADS else None
    if head is not None:  # 增速分别为10.0%,10.5%: a later member is read as the first one
        first = figure_context(sentence, head, _figure_end(sentence, head), kind=kind,
                               value=value)
        direction = first.direction
        if first.role == "change" and value is not None and value < 0:
            direction = "down"
        return FigureContext(direction, first.role, figure_period(sentence, start))
    # the figure's own qualifier (以上 in 10亿元以上) belongs to what follows it
    bound = end - 2 if sentence[end - 2:end] in ("以上", "以下") else end
    after = sentence[bound:bound + CATEGORY_REACH]
    earlier = list(_FIGURE_THEN_WORDS.finditer(before))
    if earlier and (_direction_of(before[:earlier[-1].start()]) or COMPARISON.search(
            before[:earlier[-1].start()])):
        # 新收案件同比增加180.37%结案1058件 (a comma lost): the change before 180.37% is its
        # own; a share of a task printed before (占今年88641户任务数的80.26%) is not cut
        before = before[earlier[-1].end():]
    role, direction = _role(sentence, clause_start, before, after, kind,
                            ahead=sentence[start:min(end, start + TARGET_LOOKAHEAD)])
    if kind != "count" and (after.startswith("标准") and not after.startswith(
            STANDARD_UNITS) or _REQUIREMENT_AFTER.match(
            sentence, end)) and (role == "level" or role == "change" and _GAP.search(before)):
        # 远超国家规定的80%标准, 高于省定的85%标准, “…稳定在90%以上”要求: the standard or the
        # requirement a rule sets (set 4's S20-03), never a gap to it
        role, direction = "limit", None
    if role == "level" and sentence[start:end].endswith("百分点") and _SURPASS.search(before):
        role, direction = "change", "up"  # 超中央级9个百分点: a gap above a benchmark
    if role == "level" and kind == "duration" and _PLANNED_SPAN.search(before) and sentence[
            end - 1:end] == "年" and not _TOLD_AS_PAST.search(before):
        role = "target"  # 开展为期三年的专项整治, 分两年实施完成: the years a campaign is planned over
    if role == "level" and kind == "duration" and _DEADLINE_AFTER.match(sentence, end):
        role = "limit"  # 1个工作日内完成预审, 在18个月内实施完成: the time a rule allows
    if role == "level" and kind not in ("rate", "count") and (_THRESHOLD_BEFORE.search(
            before) or _THRESHOLD_BEFORE.search(before + sentence[start])) and _THRESHOLD_AFTER.match(
            sentence, end):
        # 超10亿元投资项目2个, 超10万元村达120个, 超千万美元企业17家 (超 printed as the figure's
        # own first character): the bound of a category counted
        role = "limit"
    if role == "level" and kind not in ("rate", "count") and _BOUND_THEN_COUNT.match(after):
        role = "limit"  # 注册资金千万元以上46家: the bound of the firms counted right after it
    if role in ("level", "change") and (_BOUND_WORD.search(before) or _BOUND_WORD_AHEAD.match(
            sentence, start)) and _GROUP_AFTER.match(sentence, end):
        # 低于100分高于95分的单位, 满意率不足80%的乡镇: the bound of a group of units counted
        role, direction = "limit", None
    if role == "level" and kind == "money" and _PER_AWARD.search(before):
        role = "limit"  # 每条线索给予人民币10万元奖励: a fixed amount of a rule (set 4's B18)
    if role in ("level", "change") and any(
            m.start("aim") <= start < m.end("aim") for m in _AIM.finditer(sentence)):
        role = "target"  # 为全面实现…增长10%以上…的目标: the figures of an aim named after them
    if role in ("level", "change") and (_TARGET_AFTER.match(sentence, end)
                                        or _LIST_AIM_AFTER.match(sentence, end)
                                        or _quoted_aim(sentence, start, end)):
        # 低于全年12%的目标: the figure is the target's value, not a change; “下降15%、下降20%”
        # 的目标: the figures of a quoted aim
        role, direction = "target", direction if role == "change" and not _GAP.search(
            before) else None
    opened = open_bracket(sentence, start)
    aim = _AIM_BEFORE_BRACKET.search(sentence, 0, opened + 1) if (
        role == "level" and opened == start - 1 and sentence[end:end + 1] in ")）") else None
    if aim is not None:
        # 高于省定年度指标(88.0%), 未超过年度用水控制目标(31.2万吨): the bracket holds
        # nothing but the value of the aim named before it; a control aim is a ceiling
        role = "limit" if aim.group("control") else "target"
    if role in ("target", "level") and _CONTROL_AIM.search(before):
        role = "limit"  # 控制目标为133万吨: a ceiling
    if not before and role == "level" and sentence[start - 1:start] in ")）":
        # 高出市下达年度指标(90.1%)5.9个百分点: the gap's word stands before the bracket that
        # holds the benchmark's value
        shut = _bracket_opening(sentence, start - 1)
        benchmark = sentence[_clause_start(sentence, shut):shut] if shut is not None else ""
        gap = _GAP.search(benchmark) if benchmark else None
        if gap is not None and gap.group("word"):
            role, direction = "change", "up" if gap.group("word")[0] in _GAP_UP else "down"
        elif benchmark and sentence[start:end].endswith("百分点") and _SURPASS.search(benchmark):
            role, direction = "change", "up"  # 超过年度目标(95%)3.2个百分点, as 超全省平均2个百分点
    if role == "level" and kind == "rate" and opened is not None and _COMPARATOR.fullmatch(
            sentence, opened + 1, start):
        change = _CHANGE_BEFORE_BRACKET.search(sentence, 0, opened)
        if change:  # 同比增长7.5%(全市11.1%): the larger unit's change, set beside the figure's
            role, direction = "change", _direction_of(change.group("verb"))
        elif _POINTS_BEFORE_BRACKET.search(sentence, 0, opened) and _GROWTH_NAMED.search(
                sentence, _segment_start(sentence, opened), opened):
            # 增幅比全市低1.5个百分点(全市为5.4%): the bracket holds the larger unit's value of
            # the growth the gap is of, a change as the figure's own growth is
            role = "change"
            direction = "down" if value is not None and value < 0 else "up"
    if role == "level" and opened is not None:
        outer = _clause_start(sentence, opened)
        if _intended(sentence, outer, sentence[outer:opened]):
            role = "target"  # 承诺开复工36项(续建29项,新建7项): the parts of a target
    if role == "level" and sentence[start:end].endswith("倍") and _MULTIPLE_BEFORE.search(before):
        # 是去年同期的18倍: the multiple of a base is a change (rule B5 of the third set)
        role, direction = "change", "down" if value is not None and value < 1 else "up"
    if role == "target" and kind == "count" and _GROUP_COUNT.search(before):
        # 目标任务…达到序时进度的有5项: how many of the tasks a state holds is a count, not a
        # task's size (how many tasks a plan sets, 分解目标任务405项, is read as its target:
        # the sets differ on a bare 任务10项, so it is left so)
        role = "level"
    if role == "change" and _BARE_CHANGE.fullmatch(before) and _follows_target(
            sentence, clause_start):
        role = "target"  # 力争完成投资80亿元，增长10%: the growth of the amount aimed at
    if role == "level" and _PLAN_ITEM.match(before) and not ACHIEVED.search(before) and not (
            PERIOD.search(before)) and _follows_target(
            sentence, clause_start, unit=_unit_of(sentence[start:end])):
        # 计划投资2430万元,完成62个行政村…,铺设管网575公里: the later works of the plan's list
        role = "target"
    if (role == "change" and direction is not None or role == "level" and _REACHED.search(
            before + _ahead_word(sentence, start))) and not (COMPARISON.search(before) or ACHIEVED.search(before) or PERIOD.search(
            before)) and _follows_target(sentence, clause_start, over_bare=MAX_PLAN_ASIDES,
                                         unit=None if role == "change" else _unit_of(
                                             sentence[start:end])):
        # 力争…零售总额增长11%以上,居民收入分别增长8%、9%以上; …到2020年超过80亿元,…,R&D支出
        # 占比3%,高新技术企业达16家: the later items of a plan's list, told without a base or a
        # period of their own, are aimed at as the item before them is
        role = "target"
    if direction is None and role in ("level", "change") and kind == "rate":
        # a judged share or points is the indicator's own change; a count after 改善 (改善
        # 办学条件3项) counts the things improved
        judged = judged_direction(sentence, start, before)
        if judged is not None:  # 综合指数…同比改善7.5%: a fall of an index lower when better
            role, direction = "change", judged
    if role in ("level", "change") and not after.startswith("的") and _in_intention_scope(
            sentence, start, _unit_of(sentence[start:end])):
        # 计划招引20个项目,招商引资15亿元;…新增绿化面积28万平方米; 力争新增龙头企业3户,…企业5户:
        # an intention word governs the later items of its sentence's list
        role = "target"
    if direction == "up" and value is not None and value < 0:
        direction = "down"  # 增长-3.2%: a printed negative growth is a fall
    if role == "change" and direction is None and value is not None and value < 0:
        direction = "down"  # 同比分别-6.2%、-19.3%: the sign is the only word of the fall
    period = figure_period(sentence, start)
    if role == "change" and kind == "rate" and sentence[end - 2:end] == "以上" and not ACHIEVED.search(
            sentence[clause_start:start]) and (period is None or period in PLAN_PERIODS):
        # 实现工业投资增长20%以上, 全年…同比增长7%以上: a growth rate bounded from below, of
        # no period a report counts over, is the pace a plan asks for (sets 1, 4, 6: a target);
        # an amount (人均年增收2万元以上) is told of a result as often as of a plan
        role = "target"
    return FigureContext(direction, role, period)


#: Periods a plan names as well as a report (全年…增长7%以上 in a year's plan): with them a
#: growth bounded from below is still read as aimed at.
PLAN_PERIODS = frozenset({"全年", "今年", "年内", "明年"})
#: What may stand before a later member of a list parted by commas (10.0%,10.5%和10.3%).
_LIST_LEADS = frozenset({"", "和", "及", "与"})
#: A word or two in brackets right before a figure (下降（减少）3.1个百分点, 增长（下降）): another
#: name of the verb printed before the bracket, up to ``MAX_ASIDE`` characters.
MAX_ASIDE = 4
_WORD_ASIDE = re.compile(rf"[（(][\u4e00-\u9fff]{{1,{MAX_ASIDE}}}[）)]$")
#: A clause that is a bare member of a list (10.5%), and one opening the list with 分别 (增速
#: 分别为10.0%): the members after the first are read as the first.
_BARE_MEMBER = re.compile(r"(?:和|及|与)?-?\d+(?:\.\d+)?(?:%|‰|个百分点|[万亿]?[元件人起项户家个次])?")
_LIST_OPENING = re.compile(r"分别[^，,。；;：:\d]{0,12}?(?=-?\d)")
#: A clause that names no quantity of its own before its figure (…的增速保持在10.0%左右,分别为
#: 10.0%): the clause before it says what the figure is.
_SUBJECTLESS = re.compile(r"(?:分别|均|依次)(?:为|是|达到?)?")
#: How many bare members a list parted by commas is followed back over.
MAX_LIST_MEMBERS = 8


def _list_head(sentence: str, clause_start: int) -> int | None:
    """Where the first member of the 分别 list that the clause at ``clause_start`` continues
    stands (增速分别为10.0%,10.5%,10.3%: 10.5% and 10.3% continue it), or None."""
    at = clause_start
    for _ in range(MAX_LIST_MEMBERS):
        if at < 2 or sentence[at - 1] not in "，,":
            return None
        prev = _clause_start(sentence, at - 1)
        clause = sentence[prev:at - 1]
        if _BARE_MEMBER.fullmatch(clause):
            at = prev
            continue
        m = None
        for m in _LIST_OPENING.finditer(clause):
            pass
        if m is None or not _BARE_MEMBER.fullmatch(clause, m.end()):
            return None
        return prev + m.end()
    return None


#: A clause naming nothing but a change (，增长10%; ，同比下降5%): it tells of the figure before.
_BARE_CHANGE = re.compile(r"(?:同比|环比|比上年|较上年|比去年|较去年)?(?:分别)?(?:增长|增加|提高|上升"
                          r"|下降|减少|降低)")
#: The last figure of a clause: its number and what follows it.
_LAST_FIGURE = re.compile(r"-?\d+(?:\.\d+)?(?P<tail>[^\d]{0,3})$")
_LAST_FIGURE_ANYWHERE = re.compile(r"-?\d+(?:\.\d+)?(?P<tail>[万亿]?[^\d万亿、，,]?)")


#: The members of a group named before their number (…达到序时进度的有5项, …的共3个).
_GROUP_COUNT = re.compile(r"的(?:有|共有?|为)$")
#: Verbs opening a clause without a subject that lists a work of a plan (计划投资2430万元,
#: 完成62个…改建, 铺设管网575公里, 配备设备47台, 新增受益人口40690人).
_PLAN_ITEM = re.compile(r"(?:完成|铺设|配备|新增|新建|建设|实施|改造|培训|建成|开工|引进|安排|投入|新开工"
                        r"|续建|带动|打造|创建|改建|扩建|修建|硬化|整治|种植|植树|造林|新改建)")


def _unit_of(figure: str) -> str:
    """The last character of a figure's unit (元 of 2430万元, 个 of 62个), or ''."""
    tail = re.sub(r"(?:以上|左右|以内|以下)$", "", figure)
    return tail[-1:] if tail[-1:] and not tail[-1:].isdigit() else ""


def _follows_target(sentence: str, clause_start: int, *, unit: str | None = None,
                    over_bare: int = 0) -> bool:
    """Whether the clause before the one at ``clause_start`` (parted by a comma) ends with a
    figure that is a target (力争完成投资80亿元，增长10%); with ``unit``, one of another unit (an
    amount done after an amount planned, 计划投资5亿元,完成3亿元, is no further item); with
    ``over_bare``, up to that many clauses without a figure between are passed over (…超过80亿元,
    产业结构继续优化,研发投入占比2.5%)."""
    if clause_start < 2 or sentence[clause_start - 1] not in "，,":
        return False
    prev = _clause_start(sentence, clause_start - 1)
    clause = sentence[prev:clause_start - 1]
    while over_bare > 0 and not re.search(r"\d", clause) and prev >= 2 and sentence[
            prev - 1] in "，,":
        over_bare -= 1
        end = prev - 1
        prev = _clause_start(sentence, end)
        clause = sentence[prev:end]
    if unit is None:  # the figure ends the clause (…80亿元，增长10%)
        m = _LAST_FIGURE.search(re.sub(r"(?:以上|左右|以内)$", "", clause))
    else:  # a list's earlier item, its figure anywhere in it (完成62个…工程,铺设…)
        m = None
        for m in _LAST_FIGURE_ANYWHERE.finditer(clause):
            pass
    if m is None:
        return False
    tail = m.group("tail")
    if unit is not None and (not unit or _unit_of(m.group()) == unit):
        return False
    kind = "rate" if tail.startswith("%") else "money" if "元" in tail else "count"
    first = figure_context(sentence, prev + m.start(), prev + m.end(), kind=kind)
    return first.role == "target"


#: How many clauses without a figure may stand between two items of a plan's list (…超过80亿元,
#: 产业结构继续优化,研发投入占比2.5%): a remark on the plan, not a new subject.
MAX_PLAN_ASIDES = 2
#: How an item of a plan's list names the value aimed at (占比3%, 达16家, 达到95%).
_REACHED = re.compile(r"(?:达到?|占比|超过|突破)$")
#: The word a figure's own text may open with (达16家, 超过80亿元: the row's match holds it).
_OPENING_WORD = re.compile(r"达到?|超过|突破")


def _ahead_word(sentence: str, start: int) -> str:
    """The word of reaching the figure at ``start`` opens with (达 of 达16家), or ''."""
    m = _OPENING_WORD.match(sentence, start)
    return m.group() if m else ""
#: A figure followed by words without a break (180.37%结案1058件, a comma lost in print): the
#: words before it are its own, not the next figure's.
_FIGURE_THEN_WORDS = re.compile(r"\d(?:%|‰|个百分点|[件人起项户家次名元])(?=[\u4e00-\u9fff])"
                                r"(?![和及与或]|左右|以上|以下|上下)")
#: An aim whose figures are printed before the word that names it (为全面实现2013年农业总产值
#: 增长10%以上…的目标进一步统一思想).
_AIM = re.compile(r"为了?(?:全面|确保|如期|顺利)?(?:实现|完成|达到|达成)(?P<aim>[^。；;]*?)的(?:目标|任务)")
#: A figure named the value of an aim right after it (低于全年12%的目标, 增长8%的预期目标):
#: the target, not a level nor the gap's size.
_TARGET_AFTER = re.compile(r"(?:以上|以内|左右)?的?(?:全年|年度|预期|计划|既定|奋斗)*(?:目标|预期目标)(?!任务数)")
#: A figure whose 、-list runs on to a last member named the value of an aim (实现产前筛查率90%
#: 以上、儿童健康管理率92%以上的目标): every member is a value of that aim.
_LIST_AIM_AFTER = re.compile(r"(?:以上|以内|左右)?[、和及][^，,。；;：:]*?\d[\d.]*(?:%|‰|个百分点|[万亿]?"
                             r"[\u4e00-\u9fff])?" + _TARGET_AFTER.pattern)
#: A quotation closed before words naming an aim (提出“下降15%、下降20%”的目标): the quoted
#: figures are the aim's values; up to ``MAX_AIM_WORDS`` characters qualify it (的硬目标).
MAX_AIM_WORDS = 4
_AIM_AFTER_QUOTE = re.compile(rf"”(?:的)?[\u4e00-\u9fff]{{0,{MAX_AIM_WORDS}}}?(?:目标|任务|指标)")


def _quoted_aim(sentence: str, start: int, end: int) -> bool:
    """Whether the figure stands in a quotation (“ before it in its sentence, not closed) that
    is closed before words naming an aim."""
    opening = sentence.rfind("“", 0, start)
    if opening < 0 or sentence.find("”", opening, start) >= 0:
        return False
    closing = sentence.find("”", end)
    return closing >= 0 and bool(_AIM_AFTER_QUOTE.match(sentence, closing))


#: A larger unit's figure set in brackets beside a change (增长7.5%(全市11.1%)): the scope alone.
_COMPARATOR = re.compile(r"(?:全[市省国州区县]|[省市州]|全国)(?:平均|平均水平)?(?:为|是|:|：)?")
_CHANGE_BEFORE_BRACKET = re.compile(r"(?P<verb>增长|下降|提高|降低|增加|减少|上升|回落|回升)"
                                    r"-?\d+(?:\.\d+)?\s*%$")
#: A gap in points printed right before a bracket (比全市低1.5个百分点(全市为5.4%)).
_POINTS_BEFORE_BRACKET = re.compile(r"\d个?百分点$")
#: A growth rate named as such (增幅, 增速, 涨幅): the measure a gap in points compares.
_GROWTH_NAMED = re.compile(r"增幅|增速|涨幅")
#: What ends the stretch of a sentence that names one measure (；, 。): a list of measures
#: parted by ； names each in its own stretch.
_SEGMENT_BREAKS = "。；;"


def _segment_start(sentence: str, at: int) -> int:
    """Where the stretch of ``sentence`` holding position ``at`` begins (after ；or 。)."""
    return max(sentence.rfind(ch, 0, at) for ch in _SEGMENT_BREAKS) + 1


#: A requirement the figure is the value of (“化解率稳定在90%以上”要求, 达到95%以上的要求): the
#: bound a rule sets, like a standard.
_REQUIREMENT_AFTER = re.compile(r"(?:以上|以下|以内)?”?的?要求")
#: Words before the years a campaign or a task is planned over (为期三年, 分两年): a target
#: (sets 2 and 3); days and months of an event held (为期3天的培训) are not read so.
_PLANNED_SPAN = re.compile(r"(?:为期|分)$")
#: Words telling of a span already passed (参加了为期三年的函授学习, 已分两年完成).
_TOLD_AS_PAST = re.compile(r"了|已|曾|过")
#: What follows a time allowed for an action (1个工作日内完成, 18个月内实施完成, 3日内答复): a
#: limit, not a stretch of time that passed (14天内实现零新增, a level).
_DEADLINE_AFTER = re.compile(r"(?:以内|之内|内)[^，,。；;]{0,4}?(?:完成|办结|办理|答复|回复|反馈|处理"
                             r"|解决|审结|结案|到场|到达|送达|兑现|拨付|发放)")
#: 超/超过 right before an amount bounding a category named after it (超10亿元投资项目2个).
_THRESHOLD_BEFORE = re.compile(r"(?:^|[^不])(?:超|超过|过)$")
#: The category after the bound and its count in the same clause (…投资项目2个, …村达120个,
#: …的企业有5家): up to ``MAX_CATEGORY_NOUN`` characters name the category.
MAX_CATEGORY_NOUN = 6
_THRESHOLD_AFTER = re.compile(rf"的?[\u4e00-\u9fff]{{1,{MAX_CATEGORY_NOUN}}}?(?:达到?|有|共|为)?"
                              r"\d+(?:\.\d+)?[个家户项村家座所]")
#: A bound right before the count of what it bounds (注册资金千万元以上46家, 亿元以上5家): the figure
#: names the category, the count after it how many fall in it.
_BOUND_THEN_COUNT = re.compile(r"^及?以上\d+(?:\.\d+)?[家个户项所座]")
#: Words right before a figure that bound a group (低于100分, 不足80%, 未达到90%) when a group
#: of units follows it (…的单位, …的乡镇): then a limit, not a gap.
_BOUND_WORDS = "低于|高于|不足|不到|未达到?|达不到|超过|大于|小于"
_BOUND_WORD = re.compile(rf"(?:{_BOUND_WORDS})$")
#: The same words read as the figure's own qualifier (不足80% printed as one figure).
_BOUND_WORD_AHEAD = re.compile(_BOUND_WORDS)
#: The units a bounded group is made of (…的单位, …的乡镇).
_GROUP_NOUNS = "单位|县区|县|区|乡镇|镇|街道|村|社区|企业|项目|学校|部门|医院|科室"
#: The group of units a bound names, up to ``MAX_GROUP_REACH`` characters after the figure.
MAX_GROUP_REACH = 10
_GROUP_AFTER = re.compile(rf"(?:以上|以下)?[^，,。；;]{{0,{MAX_GROUP_REACH}}}?的(?:{_GROUP_NOUNS})")
#: A bound of a group inside a gap's benchmark (高于 95分的单位共): the figure after it counts the
#: group.
_BOUND_OF_GROUP = re.compile(rf"\d[^，,。；;\d]{{0,4}}的(?:{_GROUP_NOUNS})")
#: A fixed amount a rule gives for each unit (每条线索给予人民币10万元奖励, 每户补助3000元).
_PER_AWARD = re.compile(r"每(?:条|个|人|户|名|家|次|件|位|亩)[^，,。；;]{0,12}?(?:给予|奖励|补贴|补助|奖补)")
#: A viewpoint (从28项监测指标全省位次情况看): 从 opens no baseline there.
_VIEWPOINT = re.compile(r"[^，,。；;]{0,16}?(?:情况|方面|角度|总体|整体|数据)?(?:来)?看[，,]")


#: An aim named right before a bracket holding its value (年度指标(90.1%), 控制目标(26.6万吨)).
_AIM_BEFORE_BRACKET = re.compile(r"(?P<control>控制)?(?:目标|指标|任务|计划)(?:值|数)?[(（]$")
#: An aim of control right before its value (控制目标为133万吨): a ceiling, not a target.
_CONTROL_AIM = re.compile(r"控制(?:目标|指标)(?:值|数)?(?:为|是)$")


def _bracket_opening(sentence: str, close: int) -> int | None:
    """Where the bracket closed at ``close`` opens, or None."""
    depth = 0
    for i in range(close, -1, -1):
        if sentence[i] in ")）":
            depth += 1
        elif sentence[i] in "(（":
            depth -= 1
            if depth == 0:
                return i
        elif sentence[i] in "。；;":
            return None
    return None


def open_bracket(sentence: str, start: int) -> int | None:
    """Where the bracket the figure at ``start`` stands in opens, or None."""
    if sentence.find("(", 0, start) < 0 and sentence.find("（", 0, start) < 0:
        return None  # no bracket opens before the figure (issue 16: most sentences)
    depth = 0
    for i in range(start - 1, -1, -1):
        ch = sentence[i]
        if ch in ")）":
            depth += 1
        elif ch in "(（":
            if depth == 0:
                return i
            depth -= 1
        elif ch in "。；;":
            return None
    return None


#: What stands before the multiple of a base (是去年同期的18倍, 为上年的2.5倍).
_MULTIPLE_BEFORE = re.compile(r"(?:是|为)[^，,。；;：:]{0,12}的$")
#: The characters that end the stretch of words read as belonging to a figure: a clause break.
#: The comma-like 、 is not one (信访受理率、办结率均为 100%); neither is 和 (由X和Y提高到…).
_CLAUSE_BREAKS = "，。；：！？,;:!?（）()"


def _clause_start(sentence: str, start: int) -> int:
    i = start
    while i > 0 and sentence[i - 1] not in _CLAUSE_BREAKS:
        i -= 1
    return i


#: Characters after a figure read for a category it bounds (以上的村: 以上, 的 and a noun;
#: 规模以上工业: 规模, 以上 and a noun).
CATEGORY_REACH = 5
#: Characters of the figure itself that an intention word before it may need to be seen (将 in
#: 将达1.6吉瓦 and 或将超过5500件 is an intention only before 达/超过, which the figure's own
#: qualifier holds).
TARGET_LOOKAHEAD = 2


#: 新增 right before the figure or before its noun (比年初新增125.5亿元, 比去年新增产值3亿元).
_ADDED_SINCE = re.compile(r"新增[^\d，,；;。]{0,6}$")


def _role(sentence: str, clause_start: int, before: str, after: str, kind: str, *,
          ahead: str = "") -> tuple[str, str | None]:
    if kind == "rank":  # 确保稳住第一位, 力争进入全省前十: a rank aimed at (set 4's S09-06)
        return ("target" if _intended(sentence, clause_start, before) else "rank"), None
    if kind != "rate" and (_PLANNED_SUM.search(before) or (
            _TASK_BEFORE_SHARE.search(before) and after.startswith("的"))):
        return "target", None  # 占年初预算数109466万元的: the planned sum a share is of
    if kind == "rate" and (COMPLETION.search(before) or COMPLETION.search(
            _PLANNED_SUM_FIGURE.sub("", before)) or COMPLETION.search(
            _without_members(before)) or (
            _TASK_RATE.search(before) and _TASK.search(sentence))):
        # a share of a plan done; an amount done (已完成改厕任务40926座) is a level
        return "completion", None
    if _FROM.search(before) and not _VIEWPOINT.match(sentence, clause_start + len(before)):
        rest = sentence[clause_start:]
        return "from", _direction_of(rest, anywhere=True)
    to = _TO.search(before)
    if to:
        direction = _direction_of(before) or _direction_of(to.group("verb")) or (
            "up" if to.group("verb") in _RISE_VERBS else None)
        if kind == "duration" and _BOUND_AFTER.match(after) and not after.lstrip().startswith("左右"):
            return "limit", None  # 压缩至2个工作日内: the time a rule now allows (set 7's E9)
        return ("target" if _intended(sentence, clause_start) else "to"), direction
    ceiling = LIMIT_BEFORE.search(before)
    if ceiling and ceiling.group().startswith("控制在") and not _BOUND_AFTER.match(after):
        # 失业率控制在3.37%: the rate a year ended at (set 7's E3: a level); aimed at, a target
        return ("target" if _intended(sentence, clause_start, before, ahead=ahead)
                else "level"), None
    if ceiling or (kind != "count" and _STANDARD.search(before)) or (
            LIMIT_AFTER.search(after) and _intended(
            sentence, clause_start, ahead=ahead)):
        return "limit", None

    if kind != "rate" and _CATEGORY_AFTER.search(after) and not (
            kind == "count" and _COUNTED_CLASS.match(after)):
        return "limit", None
    if _FLOOR.search(before):  # 项目不少于3个, 保证率不低于95%: a floor set in a plan (set 1 rule 6)
        return "target", None
    contribution = _CONTRIBUTION.search(before)
    if contribution:  # 拉动/下拉…增速1.4个百分点: a part's push on the whole's growth; 拉动…
        # 下降0.78个百分点: a push downwards, by the fall word printed after 拉动
        fall = _direction_of(before[contribution.end("verb"):]) == "down"
        return "change", "down" if contribution.group("verb") == "下拉" or fall else "up"
    gap = _GAP.search(before)
    if gap and _BOUND_OF_GROUP.search(gap.group()):
        gap = None  # 高于95分的单位共22家: the count of a group a bound names, no gap
    if gap:
        word = gap.group("word") or gap.group("adj")
        return "change", "up" if word[0] in _GAP_UP else "down"
    if _SHORTFALL.search(before):
        return "change", "down"
    if _EXCESS.search(before):
        return "change", "up"
    direction = _direction_of(before)
    more = _MORE_THEN_VERB.search(before) if direction is None else None
    if more and (_COMPARED_WITH.search(before[:more.start()])):
        direction = "up" if more.group("word") == "多" else "down"  # 较上年多收入1200万元
    if direction is None and COMPARISON.search(_without_members(before)[-COMPARISON_REACH:]) and _ADDED_SINCE.search(before):
        direction = "up"  # 比年初新增125.5亿元, 比去年新增产值3亿元: what was added since the base
    if direction is not None or COMPARISON.search(_without_members(before)[-COMPARISON_REACH:]):
        # 力争…较去年均上升30%以上: a growth planned is a target with its direction
        return ("target" if _intended(sentence, clause_start, before, ahead=ahead)
                else "change"), direction
    if kind != "rate" and after.startswith("任务"):
        return "target", None  # 今年88641户任务数, 其中22816户任务已完成: the task's size (B7)
    if _intended(sentence, clause_start, before, ahead=ahead):
        return "target", None
    return "level", None


#: Characters before a figure (earlier members of its list aside) searched for a comparison word
#: that makes it a change without a verb (同比8.4%, 较上年分别-3.4%、-12.8%).
COMPARISON_REACH = 10
#: Earlier members of a list printed right before a figure (-3.4%、 in 分别-3.4%、-12.8%).
_EARLIER_MEMBERS = re.compile(r"(?:-?\d+(?:\.\d+)?(?:%|‰|个百分点)?[、和及与])+$")


def _without_members(before: str) -> str:
    """The words before a figure without the earlier members of its list."""
    return _EARLIER_MEMBERS.sub("", before)


#: 多/少 and a verb of one or two characters right before a figure (较上年多收入1200万元, 比上年
#: 少支出200万元, 少发案5起): more or less of what the verb does than in the base.
_MORE_THEN_VERB = re.compile(r"(?<![最较至])(?P<word>[多少])[\u4e00-\u9fff]{1,2}$")
#: The base of a comparison before 多/少 (比上年, 较去年, 同比, 环比).
_COMPARED_WITH = re.compile(r"同比|环比|(?:比|较)[^，,。；;：:]{1,12}$")


def _intended(sentence: str, clause_start: int, before: str = "", *, ahead: str = "") -> bool:
    """Does the figure's clause (or the sentence's opening clause that governs it) speak of an
    intention?  力争…达到95%以上, 今年目标任务是完成50亿元, 计划投资…: a target.  A clause saying
    the figure is done (已, 已经, 累计, 实际) is an achievement whatever the sentence opened with;
    an opening clause governs the later ones only when it holds no figure of its own (力争到2025年,
    …) — 今年目标任务是完成50亿元, 截至10月底已完成42亿元 has its target in the first clause only."""
    own = sentence[clause_start:clause_start + OWN_CLAUSE_REACH]
    if ACHIEVED.search(before) or ACHIEVED.match(own):
        return False
    head = sentence[:clause_start]
    lead = head.split("。")[-1]
    lead_clause = re.split(r"[，,；;：:]", lead, maxsplit=1)[0] if lead else ""
    if re.search(r"\d", PERIOD.sub("", lead_clause)) or lead_clause.startswith(PURPOSE_OR_SOURCE):
        lead_clause = ""
    for text in (before + ahead, own, lead_clause):
        m = TARGET.search(_without_named_tasks(text))
        if m and not _completed_plan(text, m) and (
                text is not lead_clause or m.start() <= LEAD_INTENT_REACH):
            return True
    return False


#: A title in guillemets (《2025年任务分解》): its words name a document, not the figure's intention.
_TITLE = re.compile(r"《[^》]*(?:》|$)")
#: Tasks as the thing counted (明确133项具体任务, 细化15项重点任务): 任务 names what the count
#: counts, not an aim the figure is set as.
_COUNTED_TASKS = re.compile(r"(?<=[\d一二三四五六七八九十百千][项条件个])(?:具体|重点|主要|各项|工作)?任务")


def _without_named_tasks(text: str) -> str:
    """``text`` with titles and counted tasks masked: neither marks an intention."""
    return _COUNTED_TASKS.sub(_masked, _TITLE.sub(_masked, text))


#: Words of an intention whose scope runs over the later items of a sentence's list (计划招引
#: 20个项目,招商引资15亿元; 力争新增龙头企业3户,合作社10户): verbs of aiming, not the nouns 目标,
#: 任务, 要求, which as often name an aim reached (完成目标任务) or a source (按照…要求); 计划 only
#: as a verb before a verb (not 年度计划, 投资计划9亿元, 计划投资: a planned sum of its own item,
#: 提升计划: a name).
SCOPED_TARGET = re.compile(r"力争|(?<![年度占的划资])计划(?=[\u4e00-\u9fff])(?![局委办司处科院内外数的任务]|(?:总)?投资)"
                           r"|确保|争取(?!到(?!20\d\d年)|了)|力求|拟|还将"
                           r"|将(?=达到|达|突破|超过|实现|建成|完成|新增|增加|提高|新建|建设|实施|培育"
                           r"|打造|引进|开工)"
                           r"|要(?=达到|达|完成|实现|确保|力争|突破|建成|提高|新增|新建)|到20\d\d年")
#: An intention opens a list's scope only near its item's start (力争…, 全年力争…, 五莲县计划…,
#: after a printed period): further in, the word sits inside another phrase (安排部署下一步工作).
SCOPE_OPEN_REACH = 6
#: An item that is the word 下一步 alone, or opens with it (下一步,将…): the work to come.
_NEXT_STEP = re.compile(r"^(?:下一步|下步|明年)")
#: Words telling that an item of a list is done, which end an intention's scope (已, 累计, 目前,
#: 截至, 以来, 完成了, 同比 and 环比 of a report, a reporting period: 1-5月, 上半年, 一季度; last
#: year named as a time and not as a base: 去年 but not 比去年).
_TOLD_DONE = re.compile(r"已经|已|累计|实际|共计|目前|以来|截至|截止|[成现到得]了|同比|环比"
                        r"|(?<![比较])(?:去年|上年)|[一二三四1-4]季度|上半年|前三季度"
                        r"|\d{1,2}[-—至]\d{1,2}月")
#: A number in an item (digits or a Chinese count: 3户, 二十个).
_QUANTIFIED = re.compile(r"\d|[一二三四五六七八九十两百千万][个项家户条名座所亩]")
#: What parts the items of a sentence's list (a comma, a semicolon, a colon).
_LIST_BREAKS = re.compile(r"[，,；;：:]")


def _done_of_plan(own: str, scope: str, unit: str) -> bool:
    """Whether the figure's item tells the achievement of a sum the plan printed before it in its
    unit (计划投入资金860万元,完成620万元): it opens with a verb of achieving."""
    return bool(_ACHIEVING.match(own)) and bool(unit) and any(
        _unit_of(m.group()) == unit for m in _LAST_FIGURE_ANYWHERE.finditer(scope))


#: Verbs opening an item that tells what was achieved of a plan printed before it.
_ACHIEVING = re.compile(r"(?:完成|实现|达成|落实)")


def _in_intention_scope(sentence: str, start: int, unit: str) -> bool:
    """Whether an earlier item of the figure's sentence opens an intention (``SCOPED_TARGET``
    near its start, or 下一步) whose scope reaches the figure: no item from that word to the
    figure's own item (read whole) tells of something done (``_TOLD_DONE``); a word in a purpose
    or a source clause (为确保…, 按照…计划) or a plan spoken of as done (完成计划) opens none."""
    head = sentence[:start].split("。")[-1]
    items = _LIST_BREAKS.split(head)
    rest = re.split(r"[；;。]", sentence[start:], maxsplit=1)[0]
    if len(items) < 2 or _TOLD_DONE.search(items[-1] + rest):
        return False  # the figure's item, or the rest of its segment, reports what was done
    for item in reversed(items[:-1]):
        text = _without_named_tasks(item)
        if _NEXT_STEP.match(text):
            return True
        opening = PERIOD.sub("", text)
        found = [m for m in SCOPED_TARGET.finditer(opening) if not _completed_plan(opening, m)]
        if found and found[0].start() <= SCOPE_OPEN_REACH and not item.startswith(
                PURPOSE_OR_SOURCE) and _QUANTIFIED.search(opening, found[0].end()):
            # a plan's list opens with a quantified item (力争新增龙头企业3户,…); 确保群众办成事
            # is the purpose of the work before it, no list of aims
            return not _TOLD_DONE.search(opening, found[0].end()) and not _done_of_plan(
                items[-1], head[head.rfind(item):], unit)
        if _TOLD_DONE.search(text):
            return False
    return False


# --- the article's parts that set out work to come -------------------------------------------

#: A headline naming a plan or a task list (2024年工作要点, 三年行动方案, 任务清单): the whole
#: article sets out work to come ...
PLAN_HEADLINE = re.compile(r"计划|规划|要点|工作安排|工作打算|工作思路|预期目标|任务清单|任务分解"
                           r"|实施方案|行动方案|工作方案")
#: ... unless it reports on one (完成情况, 进展, 通报, 总结): then the article tells what was done.
REPORT_HEADLINE = re.compile(r"完成|进展|进度|通报|总结|回顾|成效|成绩|情况|综述|纪实")
#: A heading or an announcement opening a part on work to come (下一步工作打算, 2025年工作安排,
#: 任务清单, 主要预期目标, 今后工作): the figures of the paragraphs after it are aims.
PLAN_HEADING = re.compile(r"下一步|下步|今后|明年|工作打算|工作安排|工作计划|工作思路|工作重点|重点工作"
                          r"|任务清单|任务分解|预期目标|主要目标|目标任务|努力方向")
#: A heading opening a part on what was done (工作回顾, 主要成效, 完成情况, 存在的问题, 全面完成
#: 规划目标任务): it ends a part on work to come, and wins over a plan word in the same heading
#: (重点工作完成情况).
REVIEW_HEADING = re.compile(r"回顾|总结|成效|成绩|完成|实现|超额|进展|开展情况|主要做法|存在的?问题"
                            r"|不足|困难|基本情况|工作情况|取得")
#: An announcement of the work to come, with no figure of its own (全县将着力抓好五项重点工作。
#: 明年要重点做好以下几项工作：).
PLAN_ANNOUNCEMENT = re.compile(r"(?:将|要|拟|计划)[^。，,；;]{0,12}(?:抓好|做好|推进|实施|突出|办好"
                               r"|完成|落实)[^。]{0,20}(?:工作|方面|任务|事项|实事)[^。\d]{0,4}[：:。]?$")
#: A paragraph opening with the work to come (下一步，…; 明年，…): it and the paragraphs after it.
_PLAN_OPENING = re.compile(r"^(?:下一步|下步|今后|明年)")
#: The longest paragraph read as a heading or an announcement (二、县商务局牵头事项(6项)):
#: longer ones are running text.
HEADING_MAX = 40
def _is_heading(paragraph: str) -> bool:
    """A short paragraph not ended as a sentence (三、县发改局牵头项目(5项)); a numbered one ended
    as a sentence is an item of a list (1.投资3000万元建设…基地。)."""
    text = paragraph.strip()
    return len(text) <= HEADING_MAX and not re.search(r"[。！？!?；;]$", text)


def plan_parts(paragraphs: list[str], *, headline: str = "") -> list[bool]:
    """For each paragraph of an article, whether it stands in a part setting out work to come.

    Reports mark that part by the document, not by each sentence: a plan's headline (工作要点,
    任务清单), a heading (下一步工作打算, 2025年工作安排) or an announcement without figures (该县
    将重点抓好七个方面工作) opens it, and the numbered items under it (一是…, 1.投资…建设…) print no
    word of intention of their own.  A heading of what was done (工作回顾, 完成情况) closes it.
    Why: 42 of the 172 targets of the opened figure sets carry no target word in their sentence.
    """
    planned = bool(PLAN_HEADLINE.search(headline)) and not REPORT_HEADLINE.search(headline)
    out: list[bool] = []
    for paragraph in paragraphs:
        text = paragraph.strip()
        if _is_heading(text) or (len(text) <= HEADING_MAX and not re.search(r"\d", text)):
            if REVIEW_HEADING.search(text):
                planned = False
            elif PLAN_HEADING.search(text) or PLAN_ANNOUNCEMENT.search(text):
                planned = True
            out.append(False)  # a heading's own count sizes its list (牵头工作(8项)), no aim
            continue
        if _PLAN_OPENING.match(text):
            planned = True
        out.append(planned)
    return out


#: Roles a figure of a part on work to come takes as a target (a change planned keeps its
#: direction); a limit, a completion, a base and the ends of a movement keep theirs.
PLANNED_ROLES = frozenset({"level", "change"})


#: A verb told as done (共实施了, 改善了): 了 after a verb, not in 为了, 除了, 了解.
_PERFECTIVE = re.compile(r"(?<![为除])了(?!解)")


def mark_planned(rows: list[dict[str, object]]) -> None:
    """The figures of a paragraph in a part on work to come (``plan_parts``) are targets, except
    in a sentence that tells what was done (``_TOLD_DONE``: 已, 累计, 截至, 今年以来, 1-9月) and
    a figure describing a work (总投资35亿元的80项工程: the size of the works planned).  ``rows``
    are the rows of ``helpers.metrics.extract_from_text`` for one paragraph, with ``_at`` (the
    figure's place in its sentence) still on them."""
    for row in rows:
        if row["kind"] == "date" or row["role"] not in PLANNED_ROLES:
            continue
        sentence, at = str(row["sentence"]), int(row["_at"])  # type: ignore[call-overload]
        if _TOLD_DONE.search(sentence) or _PERFECTIVE.search(sentence) or sentence.startswith(
                "的", _figure_end(sentence, at)):
            continue
        row["role"] = "target"


#: An opening clause governs the figures after it only when it opens with the intention (力争
#: 到2025年, 计划今年): within this many characters of its start (今年计划, 全年力争).  Further in,
#: the word belongs to a purpose or a source (为了确保经济发展, 按照上级部门要求), not to the figures.
LEAD_INTENT_REACH = 3
#: Openings of a purpose or a source clause (为了确保…, 按照…要求): an intention there is not the
#: figures' own.
PURPOSE_OR_SOURCE = ("为了", "为", "按照", "根据", "依据", "按")
#: Words saying a figure is already reached: 已, 已经, 累计, 实际, 共计 (已完成42亿元).
ACHIEVED = re.compile(r"已经|已|累计|实际|共计|目前")
#: How much of the figure's own clause is read for an intention when the words sit after its
#: start (计划投资5亿元 read from 计划): the verb and its object's first characters.
OWN_CLAUSE_REACH = 6
#: How far before an intention word a verb of achieving makes it a plan spoken of as done
#: (超额完成年度目标, 提前完成全年任务): the verb and up to four characters of 全年度/省定.
COMPLETED_REACH = 6


def _completed_plan(text: str, m: re.Match[str]) -> bool:
    """完成计划, 超额完成任务, 计划内: a plan spoken of as done is no intention; neither are
    将 in 将近 (nearly) and 要 in 主要/重要/需要 (words, not intentions)."""
    word = m.group()
    before = text[max(0, m.start() - COMPLETED_REACH):m.start()]
    if word == "要":
        return before[-1:] in ("主", "重", "需", "只", "纪", "必", "摘", "提", "概", "简", "首")
    return any(verb in before for verb in ("完成", "实现", "超额", "达到", "达成"))



#: Nouns that hold a direction word without being a change: 增加值 (value added), 增长点/增长极
#: (sources of growth), 减量 as in 减量化; the name of a campaign or a works programme (职业技能
#: 提升行动, 饮水巩固提升工程, 能力提升年活动: what it trained or built is a level); 增长面 (the
#: share of industries that grew, a level); 新增 before its noun (新增产值 is the output the new
#: projects added, a level by CONVENTIONS F-new; unmasked its 增产 would read as a rise) —
#: masked before directions are read.
NOT_CHANGES = re.compile(r"增加值|增长点|增长极|减量化|降本增效|增收渠道|增长的?贡献|增长面|新增(?=产)"
                         r"|(?:提升|提高|提质|增效|增收|减负)(?:行动|工程|年活动|年|专项行动|计划)")


#: How many distinct clause texts keep their direction (issue 16: a clause is read for each of
#: its figures; the cache's memory stays a few MB).
DIRECTION_CACHE_SIZE = 4096


def _direction_of(text: str, *, anywhere: bool = False) -> str | None:
    """The direction word nearest before the figure (the end of ``text``): within a few
    characters of it for single characters, anywhere in the clause for full words.  The earlier
    members of the figure's list are read past (分别比降36.6%、28.4%: 28.4% is after 比降 as
    36.6% is), so a later member has the direction of the first."""
    return _direction_cached(text if anywhere else _without_members(text), anywhere)


@lru_cache(maxsize=DIRECTION_CACHE_SIZE)
def _direction_cached(text: str, anywhere: bool) -> str | None:
    """``_direction_of``, kept by the text (the same clause is read for several figures)."""
    text = NOT_CHANGES.sub(_masked, text)
    best: tuple[tuple[int, int], str] | None = None
    # the nearest word; at one place the longer (负增长 holds 增长): one search of every word,
    # longest first, in the text reversed (the last end) or as printed (the first start)
    found = _WORDS_FIRST.search(text) if anywhere else _WORDS_LAST.search(text[::-1])
    if found is not None:
        word = found.group() if anywhere else found.group()[::-1]
        score = (-found.start(), len(word)) if anywhere else (len(text) - found.start(), len(word))
        best = (score, _DIRECTION_OF_WORD[word])
    for word in _NEAR_ONLY_ORDERED:  # only right before the figure (精简30%, 削减了12%)
        if not text.endswith((word, word + "了")):
            continue
        pos = text.rfind(word) if not anywhere else text.find(word)
        score = (pos + len(word) if not anywhere else -pos, len(word))
        if best is None or score > best[0]:
            best = (score, _DIRECTION_OF_WORD[word])
    if best is not None:
        return best[1]
    last = text[-1:]
    if last not in _SINGLE or text[-2:] in _NOT_SINGLE or _TALLY_BEFORE.search(text):
        return None
    return "up" if last in "增多涨升" else "down"


def _masked(m: re.Match[str]) -> str:
    """A masked stretch as long as the words it hides."""
    return "□" * len(m.group())


#: Words that are directions only right before the figure (审批事项精简30%, 削减了12%, 增速提速
#: 1.2个百分点, a gap whose benchmark was named before: 高于全国平均水平，高出1.2个百分点): earlier
#: in the clause they tell of something else (精简后保留审批事项120项, 超出预期).
#: 偏高/偏低 (a departure from the normal: 较常年同期偏高1.2℃) are changes only right before the
#: figure; elsewhere they describe a level (气温偏高，平均气温为18.5℃).
_NEAR_ONLY = frozenset({"精简", "削减", "提速", "下行", "高出", "超出", "低出", "偏高", "偏低", "偏少"})
#: Two-character words ending in a single direction character that are no change: 新增 (newly
#: added: 新增就业2000人 is a level of new jobs), 最多/最少 (an extreme), 至少 (a floor).
_NOT_SINGLE = frozenset({"新增", "最多", "最少", "至少", "较多", "较少", "晋升"})
#: A single direction character right after a number (价格4涨6降, 呈四升一降): a tally of how many
#: items rose and fell, whose numbers are counts, never the verb of the figure after it.
_TALLY_BEFORE = re.compile(r"[\d一二三四五六七八九十两][增减降涨跌升]$")
#: Each direction word's direction (a word is in one list only; the rise's read first).
_DIRECTION_OF_WORD = {word: direction for words, direction in ((DOWN_WORDS, "down"),
                                                              (UP_WORDS, "up")) for word in words}
_FULL_WORDS = sorted((w for w in _DIRECTION_OF_WORD if w not in _SINGLE and w not in _NEAR_ONLY),
                     key=lambda w: (-len(w), w))
#: The full words, longest first: the first start in the text (``anywhere``) ...
_WORDS_FIRST = re.compile("|".join(map(re.escape, _FULL_WORDS)))
#: ... and, over the text reversed, the last end.
_WORDS_LAST = re.compile("|".join(re.escape(w[::-1]) for w in _FULL_WORDS))
_NEAR_ONLY_ORDERED = sorted(_NEAR_ONLY)




#: The value of a comparison's base printed in brackets after it (较一季度(-10.8%)回升2.1个百分点,
#: 较上年同期(3.2%)大幅增长): rule B1 of the third measurement set, N2's base in brackets.
_BRACKET_BASE = re.compile(r"(?:比|较|与)(?P<base>(?:去年|上年|上一年)同期|上年|去年|上月|上季度"
                           r"|(?:" + PERIOD.pattern + r"))[(（]$")
#: Characters before a figure searched for a bracketed base (较2023年1-9月( : the longest
#: period phrases).
BRACKET_BASE_REACH = 16


#: A base named by 环比/同比 and the month or period it stands for, the figure right after it
#: (通城-style bulletins: 本月…31起,环比今年2月份21起,上升47.62%; 环比4月的49.48万元上升81.77%):
#: the base's value (rule B16 of the fourth measurement set), its period the printed one.
_SEQUENTIAL_BASE = re.compile(
    r"(?:环比|同比)(?P<base>(?:(?:今年|去年|上年)?" + MONTH_NUMBER + r"月份?"
    r"|上月|上个月|上季度|上一季度|(?:去年|上年|上一年)同期)?)的?(?:为|是)?$")
#: A verb of change after a figure and at most a comma (环比259.43万,上升213.47%).
_DIRECTION_NEXT = re.compile(r"[，,]?(?:上升|下降|增长|增加|减少|降低|提高|回落|下滑)")
#: The characters of a figure's number, magnitude and unit read past to see what follows it.
_FIGURE_TAIL = re.compile(r"[\d.]*(?:万|亿)?(?:元|起|件|人|户|个|次|%)?")


def _figure_end(sentence: str, start: int) -> int:
    """Where the figure starting at ``start`` ends (its digits, magnitude and unit)."""
    m = _FIGURE_TAIL.match(sentence, start)
    return m.end() if m else start


def base_period(sentence: str, start: int) -> str | None:
    """The base period printed right before the figure at ``start`` when the figure is the
    value of the comparison's base (比上年同期847件少297件, 去年同期为26天: rule N2 of the
    measurement sets), else None.  A gap (高于去年同期9个百分点) or a change (比去年同期增长5%)
    is no base value."""
    bracketed = _BRACKET_BASE.search(sentence[max(0, start - BRACKET_BASE_REACH):start])
    if bracketed is not None:  # 较一季度(-10.8%)回升: the base's value printed in brackets
        return bracketed.group("base")
    clause = sentence[_clause_start(sentence, start):start]
    sequential = _SEQUENTIAL_BASE.search(clause)
    if sequential is not None and (sequential.group("base") or _DIRECTION_NEXT.match(
            sentence, _figure_end(sentence, start))):
        # 环比今年2月份21起, 环比4月的49.48万元上升; bare 环比259.43万 only when a verb of
        # change follows the figure (环比259.43万,上升…): the base's value, not a change
        return sequential.group("base") or ""
    m = _BASE_BEFORE.search(clause)
    if m is None or _GAP_BEFORE_BASE.search(clause[:m.start("base")]):
        return None
    return m.group("base")


#: Words that judge a change instead of naming its direction (同比改善7.5%, 恶化11.1%, 好转):
#: the direction is the indicator's better or worse way (``load_polarity``).
JUDGED_BETTER = ("改善", "好转", "向好")
JUDGED_WORSE = ("恶化", "变差")
_JUDGED = re.compile("(?P<word>" + "|".join(JUDGED_BETTER + JUDGED_WORSE) + r")了?$")
#: The file of indicator polarities: which way is better for each family of indicators.
POLARITY_FILE = config.DATA_DIR / "indicator_polarity.yaml"
_BETTER_WAYS = {"lower": "down", "higher": "up"}


@lru_cache(maxsize=1)
def load_polarity() -> tuple[tuple[str, str], ...]:
    """(indicator name, direction of its improvement) for every name of ``POLARITY_FILE``,
    longest names first; a family whose ``better`` is neither lower nor higher is an error
    naming the family."""
    import yaml

    data = yaml.safe_load(POLARITY_FILE.read_text(encoding="utf-8"))
    pairs: dict[str, str] = {}
    for family in data["families"]:
        better = _BETTER_WAYS.get(str(family.get("better")))
        if better is None or not family.get("names") or not family.get("reason"):
            raise ValueError(f"{POLARITY_FILE}: family {family.get('family')!r} needs better "
                             f"(lower or higher), names and a reason")
        for name in family["names"]:
            if pairs.get(str(name), better) != better:
                raise ValueError(f"{POLARITY_FILE}: {name!r} is named both lower and higher")
            pairs[str(name)] = better
    return tuple(sorted(pairs.items(), key=lambda pair: (-len(pair[0]), pair[0])))


def judged_direction(sentence: str, start: int, before: str) -> str | None:
    """The direction of a figure printed after a word of judgement (改善, 好转, 恶化) ending
    ``before``: the improvement's way of the indicator named nearest before the figure in its
    sentence (PM2.5浓度…改善20% = down, 优良天数比例…改善 = up), its opposite for a worsening;
    None when no word judges the figure or no indicator of the table is named."""
    judged = _JUDGED.search(before)
    if judged is None:
        return None
    text = sentence[:start]
    nearest: tuple[int, int, str] | None = None
    for name, better in load_polarity():
        at = text.rfind(name)
        if at >= 0 and (nearest is None or (at + len(name), len(name)) > nearest[:2]):
            nearest = (at + len(name), len(name), better)
    if nearest is None:
        return None
    better = nearest[2]
    if judged.group("word") in JUDGED_BETTER:
        return better
    return "down" if better == "up" else "up"


_QUOTE_MARKS = re.compile("[“”]")


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans inside quotation marks “…” (a resident's words) in a paragraph; an unclosed
    quotation runs to the paragraph's end, as a quotation continued over paragraphs does; a
    closing mark before any opening one ends a quotation begun in an earlier paragraph, which
    runs from the paragraph's start (…今年总产量预计可达150万斤。”)."""
    spans: list[tuple[int, int]] = []
    if "“" not in text and "”" not in text:
        return spans  # most paragraphs quote no one (issue 16: no walk over their characters)
    depth, begin = 0, 0
    for found in _QUOTE_MARKS.finditer(text):
        i, ch = found.start(), found.group()
        if ch == "”" and depth == 0 and not spans and "“" not in text[:i]:
            spans.append((0, i + 1))
        elif ch == "“":
            if depth == 0:
                begin = i
            depth += 1
        elif ch == "”" and depth:
            depth -= 1
            if depth == 0:
                spans.append((begin, i + 1))
    if depth:
        spans.append((begin, len(text)))
    return spans
