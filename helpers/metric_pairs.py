"""Pairs of the metrics table (issue 13): which rows of a paragraph are the ends of one movement
or one task and what was done against it, so that a baseline or a target never stands alone as
if it were a current level.

A ``pair`` id is shared by

- the ``from`` and the ``to`` of one movement in a sentence (由40%提高到85%, 从X提高到Y; a base
  printed after the current value, 较2020年同期的94%提升, 比2015年的58.3%提高:
  ``mark_printed_bases``, for ``helpers.metrics._link_bases``; what a procedure took and takes
  after a change, …要11天，而…只需9天).  A ``from`` takes the next ``to`` of its kind in its
  sentence, none when another ``from`` comes first;
- a ``target`` (目标, 任务, 计划, 预算 + figure), the achievement of the same task (完成, 实现,
  已, 累计 + figure: role ``level`` or ``to``) and the ``completion`` share printed with them
  (完成率40%, 完成年度目标任务12500人的98.5%).  The forms a report prints them in:

  - the task inside its own completion share, the achievement before it (实现新增就业12314人，
    完成年目标任务12500人的98.5%; 累计完成61646万元，占年初预算数109466万元的56.3%);
  - the task in brackets right after the achievement (引进企业21家(任务数18家));
  - the task as the base of a gap (失业率3.37%，比年目标任务4%低0.63个百分点);
  - a total and the part of it done (65件民生实事已完成26件, the 65 a task);
  - the task named after what was done (计划总投资215亿元，完成率107.52%，提前完成区200亿招商
    引资任务);
  - a task and a later achievement of its kind and unit in the paragraph (目标任务50亿元 …
    已完成42亿元; a list of tasks and the results named alike in a later sentence), or the
    amount done right before the task (完成投资9.6亿元，年度计划投资12亿元);

  with the completion share printed right after the achievement (a rate the words leave a level
  joins when it is the achievement over the task: 已开工98个，开工率81.7%).

Each row is in one pair at most (a current value compared with two printed bases, rule B16 of
the fourth measurement set, is the one exception: ``helpers.metrics._link_bases``).  Ids are
``p1``, ``p2``… in the order of the pair's first row in the paragraph: the same text always
gives the same ids.

The roles inside these forms are settled here too (``settle_task_roles``): the share after a
task (…任务12500人的98.5%) is a ``completion`` whatever its clause says, and the task printed
inside it a ``target`` (完成市下达任务100亿的100.2%: 100亿 is no amount done); a gap to a task
not printed (塌目标1.8个百分点) is a ``change``; the planned total investment of projects is
their size, a ``level``; the end of a movement printed with its year (由…13.4万人减少到2016年底的
7.96万人) a ``to``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from helpers.metric_context import open_bracket

#: Words naming a task, a plan or a budget a figure is measured against (B6/B7 of the third
#: measurement set: a completion share is one only against these).
TASK_WORDS = ("任务", "目标", "计划", "预算")
#: The task words, 计划 not inside the names 计划生育 and 计划单列 (占全县计划生育人口的3%), 预算
#: not inside the names of the public budget's totals (占一般公共预算支出的64.7%: a share of the
#: year's spending, a level; 占年初预算的56.3%: of the budget set, a completion).
_TASK = "(?:任务|目标|计划(?!生育|单列)|(?<!公共)预算(?!收入|支出|内))"
_BUDGET_TOTAL = re.compile(r"公共预算(?:收入|支出)|预算内(?:收入|支出)")
#: The characters between 完成/占 and the 的 of a completion share (完成全年目标任务12500人的,
#: 占今年88641户任务数的): a task's name and its size.
TASK_SHARE_REACH = 20
#: A completion share: 完成/占/为/达 + a task (and its size) + 的, right before the share
#: (为年度目标的52%; 为上年的87% names no task and stays what its words make it).
_TASK_SHARE = re.compile(rf"(?:完成|占|为|是|达到|达)(?P<task>[^，,；;。！？!?：:()（）]{{0,{TASK_SHARE_REACH}}})的$")
#: The words of a bracket before a task printed in it (引进企业21家(任务数18家), 占比64.9%(任务数
#: 占比60%), (目标20家)): at most ``BRACKET_TASK_REACH`` characters on each side of the task word.
BRACKET_TASK_REACH = 6
_BRACKET_TASK = re.compile(rf"^[(（][^()（）]{{0,{BRACKET_TASK_REACH}}}{_TASK}"
                           rf"[^()（）]{{0,{BRACKET_TASK_REACH}}}$")
#: A task printed as the base of a gap (比年目标任务4%低0.63个百分点, 较计划, 高出市下达年度指标
#: (90.1%)): the words between the comparison and the task's figure.
GAP_TASK_REACH = 8
_GAP_TASK = re.compile(rf"(?:比|较|高于|高出|低于|低出|超出|超过)[^，,；;。！？!?]{{0,{GAP_TASK_REACH}}}"
                       rf"(?:{_TASK}|指标)"
                       rf"[^，,；;。！？!?\d]{{0,4}}$")
#: A total and the part of it done in one clause (65件民生实事已完成26件, 20个项目已全部完成18个).
_PART_DONE = re.compile(r"^[^，,；;。！？!?\d]{0,12}已(?:全部)?(?:完成|办结)[^，,；;。！？!?\d]{0,6}$")
#: Words of an achievement before a figure in its clause (已完成42亿元, 实现新增就业, 累计化解):
#: what was done, not what was set.  达/达到 are not among them: they reach any level (登记失业
#: 人员达3500人 is no achievement of a task of new jobs).
_ACHIEVED = re.compile(r"已|完成|实现|累计")
#: What ends a clause and a segment of a sentence.
_CLAUSE_ENDS = "，,；;。！？!?：:"
_SEGMENT_ENDS = "；;。！？!?"
#: A printed base after the current value (优良率98.3%，较2020年同期的94%提升4.3个百分点; 852件，
#: 较2017年同期575件，增长48.2%; 比2015年的58.3%提高, 较上年末的48.6%): a year, its same period
#: or its end before the base's value, a change verb after it (rule B1 of the third measurement
#: set).  比上年同期847件少297件 is read in ``helpers.metric_context`` already.
#: A task named after its size at the end of what was done (提前完成区200亿招商引资任务, 全面完成
#: …3个试点建设任务): 完成 before the figure in its clause, 任务 after it within the words of
#: its name (``TASK_NAME_REACH`` characters).
TASK_NAME_REACH = 8
_TASK_NAMED_AFTER = re.compile(rf"^[^，,；;。！？!?：:()（）占\d]{{0,{TASK_NAME_REACH}}}(?:任务|目标)")
#: The verbs before a task's size named after it (完成/落实/确保…60万亩森林资源保护发展目标).
_TASK_VERB = re.compile(r"完成|落实|确保|下达")
#: The planned total investment of projects signed or under way (签约项目58个，计划总投资215亿元):
#: the size of those projects, a level, not a plan to reach (set 7's S21-04, S21-08).
_PROJECTS_TOTAL = re.compile(r"计划总投资额?(?:为|达|约)?$")
#: A gap to a task whose value is not printed (塌目标1.8个百分点, 高于目标2.1个百分点, 超任务数
#: 1286户): a ``change`` (rules B3 and N7 of the measurement sets), the verb's direction; the
#: task is no figure of the sentence.  塌 (fell short of) is the reports' colloquial word.
_GAP_TO_TASK = re.compile(r"(?:(?P<down>塌|低于|落后于?|少于|慢于)|(?P<up>高于|高出|超出|超过|超|快于|多于))"
                          r"(?:年度?|全年|序时)?(?:目标|任务|计划)(?:任务|值|数)?$")
#: A time or a number a procedure took and what it takes after a change, contrasted in one
#: sentence (审批下来就要11天，而改成日历日，只需9天): the words of the later figure's clause,
#: the words between the two (a contrast or a change of rule) and the earlier figure's verb.
_NOW_ONLY = re.compile(r"只需|仅需|只要|仅用|只用")
_CONTRAST = re.compile(r"而|现在|如今|改为|改成|改革后")
_TOOK = re.compile(r"要|需要|需|得")
#: The end of a movement printed with the year it was reached (由2013年底的13.4万人减少到2016年
#: 底的7.96万人): the figure after a verb of movement and 到/至/为 (and the year), a ``to``.
_MOVED_TO = re.compile(r"(?:增加|减少|減少|提高|提升|上升|下降|降低|扩大|擴大|缩小|縮小|增长|增長"
                       r"|压减|壓減|压缩|壓縮)(?:到|至|为|為)(?:(?:19|20)\d\d年(?:底|末)?的?)?$")
_YEAR_BASE = re.compile(r"[比较](?P<base>(?:(?:19|20)\d\d年|上年|去年|上一年)(?:同期|年?底|年?末)?)的?$")
_CHANGE_NEXT = re.compile(r"^[，,]?(?:提升|提高|上升|增长|增加|回升|下降|减少|降低|回落|下滑)")
#: A base restated with the verb of what it counts between the base period and its value
#: (较上年同期破案420起上升12.5%, 比去年同期查处365起下降): up to ``MAX_BASE_VERB``
#: characters that name no change themselves (比去年同期增长5%, 同比多收入 are changes).
MAX_BASE_VERB = 4
_VERB_BASE = re.compile(rf"[比较](?P<base>(?:(?:19|20)\d\d年|上年|去年|上一年)同期)"
                        rf"(?P<verb>[\u4e00-\u9fff]{{1,{MAX_BASE_VERB}}})$")
_NOT_A_BASE_VERB = re.compile(r"增|减|降|升|提|多|少|高|低|为|是|的|共|累计|分别|均")


#: A figure's number from where its row's match begins: the words a match may open with (达3500人,
#: 约821万人次, 近10万, 超17万: at most ``LEAD_REACH`` characters) and the number itself.
LEAD_REACH = 3
_CN = "〇零一二两三四五六七八九十百千"
_NUMBER = re.compile(rf"[^\d{_CN}万亿]{{0,{LEAD_REACH}}}?(?P<num>[-－−]?[\d{_CN}]"
                     rf"(?:[.,，]?\s?[\d{_CN}])*[万亿]*)")


#: How many (sentence, position) look-ups of numbers and clauses are kept (issue 16: each row's
#: clause is read by several rules; a few thousand rows of one call at a time).
SPAN_CACHE_SIZE = 8192


def _number_span(row: dict[str, object]) -> tuple[int, int]:
    """Where the row's number starts and ends in its sentence (its lead words left out)."""
    return _number_span_at(str(row["sentence"]), int(row["_at"]))


@lru_cache(maxsize=SPAN_CACHE_SIZE)
def _number_span_at(sentence: str, at: int) -> tuple[int, int]:
    """``_number_span`` by the sentence and the match's start, the only things it reads."""
    m = _NUMBER.match(sentence, at)
    return (m.start("num"), m.end("num")) if m else (at, at)


def _clause_before(row: dict[str, object], ends: str = _CLAUSE_ENDS) -> str:
    """The words of the row's clause before its number (the lead words of its match, 达 in
    达3500人, included)."""
    return _clause_before_at(str(row["sentence"]), int(row["_at"]), ends)


@lru_cache(maxsize=SPAN_CACHE_SIZE)
def _clause_before_at(sentence: str, match_at: int, ends: str) -> str:
    """``_clause_before`` by the sentence, the match's start and the clause ends."""
    at = _number_span_at(sentence, match_at)[0]
    begin = at
    while begin > 0 and sentence[begin - 1] not in ends:  # clauses are short: walk back
        begin -= 1
    return sentence[begin:at]


def _figure_end(row: dict[str, object]) -> int:
    """Where the row's figure ends in its sentence: after its unit as printed, or after its
    number when the unit is not printed right there."""
    sentence, end = str(row["sentence"]), _number_span(row)[1]
    unit = str(row["unit"] or "")
    if unit and sentence.startswith(unit, end):
        return end + len(unit)
    if unit.lstrip("万亿千百") and sentence.startswith(unit.lstrip("万亿千百"), end):
        return end + len(unit.lstrip("万亿千百"))
    return end


def _same_sentence(a: dict[str, object], b: dict[str, object]) -> bool:
    return a["sentence"] == b["sentence"] and a["_start"] - a["_at"] == b["_start"] - b["_at"]


def _between(a: dict[str, object], b: dict[str, object]) -> str:
    """The text of their sentence between the figures ``a`` and ``b`` (a before b)."""
    return str(a["sentence"])[int(a["_at"]):int(b["_at"])]


def _figures(rows: list[dict[str, object]]) -> list[int]:
    """The indexes of the rows that are figures (dates aside)."""
    return [i for i, r in enumerate(rows) if r["kind"] != "date"]


def mark_printed_bases(rows: list[dict[str, object]]) -> None:
    """A year's same period printed with its value after the current value (较2020年同期的94%
    提升4.3个百分点; 较2017年同期575件，增长48.2%) is a comparison's printed base: role ``from``
    with the base as its period, for ``helpers.metrics._link_bases`` to pair with the current
    value."""
    for row in rows:
        if row["kind"] in ("date", "rank") or row["_base"] or row["role"] not in ("level",
                                                                                 "change"):
            continue
        clause = _clause_before(row)
        m = _YEAR_BASE.search(clause)
        if m is None:
            m = _VERB_BASE.search(clause)
            if m is not None and _NOT_A_BASE_VERB.search(m.group("verb")):
                m = None
        after = str(row["sentence"])[_figure_end(row):]
        if m is not None and _CHANGE_NEXT.match(after):
            row.update(role="from", direction=None, period=m.group("base"), change=False,
                       _base=True)


def settle_task_roles(rows: list[dict[str, object]]) -> None:
    """The share after a task in a completion (完成年目标任务12500人的98.5%, 占年初预算数的56.3%)
    is a ``completion``; the figure of the task inside it (12500人, 100亿) a ``target``, and so
    is a task's size named after 完成/落实/确保 (提前完成区200亿招商引资任务, 落实60万亩森林资源
    保护发展目标).  The planned total
    investment of projects (项目58个，计划总投资215亿元) is their size: a ``level``; a gap to a
    task whose value is not printed (塌目标1.8个百分点) a ``change``."""
    for k, row in enumerate(rows):
        if row["role"] == "target" and _MOVED_TO.search(_clause_before(row)):
            start = next((r for r in reversed(rows[:k]) if r["role"] == "from"
                          and r["kind"] == row["kind"] and _same_sentence(r, row)
                          and not any(ch in _between(r, row) for ch in _CLAUSE_ENDS)), None)
            if start is not None:  # 由…13.4万人减少到2016年底的7.96万人: reached, not planned
                row.update(role="to", direction=start["direction"])
    for row in rows:
        gap = None if row["kind"] == "date" else _GAP_TO_TASK.search(_clause_before(row))
        if gap is not None and row["role"] in ("target", "level"):
            row.update(role="change", direction="down" if gap.group("down") else "up",
                       change=True)
    for row in rows:
        if row["kind"] in ("date", "rate", "rank"):
            continue
        if row["role"] == "target" and _PROJECTS_TOTAL.search(_clause_before(row)):
            row["role"] = "level"
        elif row["role"] == "level" and _TASK_VERB.search(_clause_before(row)) and (
                _TASK_NAMED_AFTER.match(str(row["sentence"])[_figure_end(row):])):
            row["role"] = "target"
    for row in rows:
        if row["kind"] != "rate" or row["unit"] != "%" or row["role"] in ("from", "to"):
            continue
        m = _TASK_SHARE.search(_clause_before(row))
        if m is not None and row["role"] == "completion" and not re.search(
                _TASK, m.group("task")) and _BUDGET_TOTAL.search(m.group("task")):
            row["role"] = "level"  # 占一般公共预算支出的64.7%: a share of a total
        if m is None or not re.search(_TASK, m.group("task")):
            continue
        row.update(role="completion", direction=None, change=False)
        for task in _tasks_inside(rows, row, len(m.group("task")) + 1):
            task.update(role="target", direction=None)


def _tasks_inside(rows: list[dict[str, object]], share: dict[str, object], reach: int
                  ) -> list[dict[str, object]]:
    """The figures printed in the ``reach`` characters before the share (its task's size)."""
    at = int(share["_at"])
    return [r for r in rows if r is not share and r["kind"] != "date"
            and _same_sentence(r, share) and at - reach <= int(r["_at"]) < at]


def link_pairs(rows: list[dict[str, object]]) -> None:
    """Give the rows of each movement and of each task with what was done against it one
    ``pair`` id (see the module docstring); rows already paired (printed bases, rank
    movements, past and present levels) keep theirs."""
    settle_task_roles(rows)
    groups: list[list[int]] = []
    taken = {i for i, r in enumerate(rows) if r["pair"] is not None}

    def add(group: list[int]) -> None:
        group = sorted(set(group))
        if len(group) > 1 and not taken & set(group):
            groups.append(group)
            taken.update(group)

    figures = _figures(rows)
    for i in figures:  # the two ends of one movement in a sentence (由40%提高到85%)
        if rows[i]["role"] == "from" and i not in taken:
            end = _movement_end(rows, figures, taken, i)
            if end is not None:
                add([i, end])
    for i in figures:  # what a procedure took and what it takes now (…要11天，而…只需9天)
        if i not in taken:
            add(_contrast_then_now(rows, figures, taken, i))
    for i in figures:  # a level, then the end it moved to (2月份均价11.21元,到3月份跌至9.29元)
        if i not in taken:
            add(_level_then_moved(rows, figures, taken, i))
    for form in (_share_of_task, _task_in_brackets, _task_as_gap_base, _total_and_part_done,
                 _task_after_its_achievement, _task_and_later_achievement,
                 _task_after_the_amount_done):
        for i in figures:
            if i not in taken:
                group = form(rows, figures, taken, i)
                if group:
                    add(_with_completion(rows, figures, taken, group))
    for n, group in enumerate(sorted(groups), start=1):
        for i in group:
            rows[i]["pair"] = f"p{n}"


def _movement_end(rows: list[dict[str, object]], figures: list[int], taken: set[int], i: int
                  ) -> int | None:
    """The ``to`` of the movement that starts at the ``from`` row ``i``: the next ``to`` of its
    kind (or a bare number: 从14.14%下降到0) in its sentence, unless another ``from`` comes first (贫困人口由13.4万人减少到…，贫困
    发生率由23.61%下降到14.31%: the rate's end is not the head count's)."""
    start = rows[i]
    for j in figures:
        if j <= i or j in taken or not _same_sentence(rows[j], start):
            continue
        if rows[j]["role"] == "from":
            return None
        if rows[j]["role"] == "to":  # of the same kind, or a bare number (下降到0)
            return j if rows[j]["kind"] == start["kind"] or not rows[j]["unit"] else None
    return None


def _contrast_then_now(rows: list[dict[str, object]], figures: list[int], taken: set[int],
                       i: int) -> list[int]:
    """A level a procedure took (审批下来就要11天) and the level of the same kind and unit it
    takes after a contrast in the same sentence (而改成日历日，只需9天): ``from`` and ``to``,
    the direction the two values show."""
    now = rows[i]
    if now["role"] != "level" or not _NOW_ONLY.search(_clause_before(now)):
        return []
    for j in reversed([j for j in figures if j < i and _same_sentence(rows[j], now)]):
        then = rows[j]
        if (j in taken or then["role"] != "level" or then["kind"] != now["kind"]
                or then["unit_std"] != now["unit_std"]):
            continue
        if not _CONTRAST.search(_between(then, now)) or not _TOOK.search(_clause_before(then)):
            return []
        old, new = then["value_std"], now["value_std"]
        direction = (None if not isinstance(old, float) or not isinstance(new, float)
                     or old == new else "up" if new > old else "down")
        then.update(role="from", direction=direction)
        now.update(role="to", direction=direction)
        return [j, i]
    return []


#: The clause of a movement's end that starts from a new period (到3月份跌至, 3月份降至): the end
#: of the level printed in the clause before.  Up to ``MONTH_LEAD_REACH`` characters before the
#: month (到了, 而到), up to ``MOVED_VERB_REACH`` after it (均价跌至, 收购价回落到).
MONTH_LEAD_REACH = 2
MOVED_VERB_REACH = 6
_NEW_PERIOD_THEN_MOVED = re.compile(
    rf"^(?:到|至)?[^，,；;。！？!?\d]{{0,{MONTH_LEAD_REACH}}}\d{{1,2}}月份?"
    rf"[^，,；;。！？!?\d]{{0,{MOVED_VERB_REACH}}}$")


def _level_then_moved(rows: list[dict[str, object]], figures: list[int], taken: set[int],
                      i: int) -> list[int]:
    """A lone ``to`` whose clause opens with a new period (到3月份跌至9.29元/公斤) and the level
    of the same kind and unit printed in the clause right before it (2月份均价11.21元/公斤):
    the movement's ``from``, when the two values move the way the ``to``'s verb says."""
    now = rows[i]
    if now["role"] != "to" or now["direction"] not in ("up", "down") or not (
            _NEW_PERIOD_THEN_MOVED.match(_clause_before(now))):
        return []
    j = _previous(rows, figures, i)
    if j is None or j in taken:
        return []
    then = rows[j]
    between = _between(then, now)
    if (then["role"] != "level" or then["kind"] != now["kind"]
            or then["unit_std"] != now["unit_std"] or sum(between.count(c) for c in "，,") != 1):
        return []
    old, new = then["value_std"], now["value_std"]
    if not isinstance(old, float) or not isinstance(new, float) or old == new or (
            (new > old) != (now["direction"] == "up")):
        return []
    then.update(role="from", direction=now["direction"])
    return [j, i]


def _previous(rows: list[dict[str, object]], figures: list[int], i: int) -> int | None:
    """The figure right before row ``i`` in its sentence's segment (no ；/。 between)."""
    earlier = [j for j in figures if j < i and _same_sentence(rows[j], rows[i])]
    if not earlier or any(ch in _between(rows[earlier[-1]], rows[i]) for ch in _SEGMENT_ENDS):
        return None
    return earlier[-1]


def _done(row: dict[str, object]) -> bool:
    return row["role"] in ("level", "to")


def _share_of_task(rows: list[dict[str, object]], figures: list[int], taken: set[int], i: int
                   ) -> list[int]:
    """A completion share with its task printed inside it (完成年目标任务12500人的98.5%) and the
    achievement right before it (实现新增就业12314人): the three, or the task and the share."""
    share = rows[i]
    if share["role"] != "completion":
        return []
    m = _TASK_SHARE.search(_clause_before(share))
    if m is None:
        return []
    inside = {id(r) for r in _tasks_inside(rows, share, len(m.group("task")) + 1)}
    tasks = [j for j in figures if j not in taken and id(rows[j]) in inside
             and rows[j]["role"] == "target"]
    if not tasks:
        return []
    task = tasks[0]
    done = _previous(rows, figures, task)
    if done is not None and done not in taken and _done(rows[done]) and (
            rows[done]["kind"] == rows[task]["kind"]):
        return [done, task, i]
    return [task, i]


def _task_in_brackets(rows: list[dict[str, object]], figures: list[int], taken: set[int],
                      i: int) -> list[int]:
    """A task in brackets right after what was done (引进企业21家(任务数18家))."""
    task = rows[i]
    if task["role"] not in ("target", "level") or open_bracket(
            str(task["sentence"]), _number_span(task)[0]) is None:
        return []
    done = _previous(rows, figures, i)
    if done is None or done in taken:
        return []
    between = str(task["sentence"])[_figure_end(rows[done]):int(task["_at"])]
    if not _BRACKET_TASK.match(between) or not _done(rows[done]) or (
            rows[done]["kind"] != task["kind"]):
        return []
    task["role"] = "target"
    return [done, i]


def _task_as_gap_base(rows: list[dict[str, object]], figures: list[int], taken: set[int],
                      i: int) -> list[int]:
    """A task printed as the base of a gap (失业率3.37%，比年目标任务4%低0.63个百分点) and the
    figure it is compared with."""
    task = rows[i]
    if task["role"] != "target" or not _GAP_TASK.search(_clause_before(task, _SEGMENT_ENDS)):
        return []
    done = _previous(rows, figures, i)
    if done is None or done in taken or rows[done]["kind"] != task["kind"] or (
            rows[done]["unit_std"] != task["unit_std"]) or rows[done]["role"] not in (
            "level", "to", "limit"):
        return []
    return [done, i]


def _total_and_part_done(rows: list[dict[str, object]], figures: list[int], taken: set[int],
                         i: int) -> list[int]:
    """A total and the part of it done in one clause (65件民生实事已完成26件): the total is the
    task."""
    total = rows[i]
    later = [j for j in figures if j > i and _same_sentence(rows[j], total)]
    if total["role"] not in ("level", "target") or total["kind"] != "count" or not later:
        return []
    part = later[0]
    if (part in taken or rows[part]["unit"] != total["unit"] or not _done(rows[part])
            or not _PART_DONE.match(str(total["sentence"])[_figure_end(total):
                                                           int(rows[part]["_at"])])):
        return []
    total["role"] = "target"
    return [i, part]


def _task_after_its_achievement(rows: list[dict[str, object]], figures: list[int],
                                taken: set[int], i: int) -> list[int]:
    """A task's size named after what was done against it (签约项目计划总投资215亿元，完成率
    107.52%，提前完成区200亿招商引资任务): the task, the completion share right before it and
    the amount before that share."""
    task = rows[i]
    if task["role"] != "target" or not _TASK_VERB.search(_clause_before(task)) or not (
            _TASK_NAMED_AFTER.match(str(task["sentence"])[_figure_end(task):])):
        return []
    group = [i]
    before = _previous(rows, figures, i)
    if before is not None and before not in taken and rows[before]["role"] == "completion":
        group.append(before)
        before = _previous(rows, figures, before)
    if before is not None and before not in taken and _done(rows[before]) and (
            _same_amount(rows[before], task)):
        group.append(before)
    return group if len(group) > 1 else []


def _same_amount(done: dict[str, object], task: dict[str, object]) -> bool:
    """Whether ``done`` measures what ``task`` does: the same kind, or money for a task printed
    with its magnitude alone (200亿招商引资任务: 元 left out)."""
    return done["kind"] == task["kind"] or (
        done["kind"] == "money" and str(task["unit"]) in ("万", "亿", "万亿"))


def _task_and_later_achievement(rows: list[dict[str, object]], figures: list[int],
                                taken: set[int], i: int) -> list[int]:
    """A task and the next achievement of its kind and unit in the paragraph, printed with a
    word of achievement (目标任务50亿元 … 已完成42亿元) or, in a later sentence, named as the task
    is (目标任务是城镇新增就业5000人、…。截至目前，全县城镇新增就业4200人), before another task of
    the same name (a list of tasks of other names is read past)."""
    task = rows[i]
    if task["role"] != "target" or _in_parts(task):
        return []
    passed = False  # other tasks of the list read past: only a result named alike is this one's
    for j in figures:
        if j <= i or j in taken:
            continue
        other = rows[j]
        if other["kind"] != task["kind"] or other["unit_std"] != task["unit_std"]:
            continue
        if other["role"] == "target" and not _in_parts(other):
            if _same_name(task, other) or not other["indicator"]:
                return []  # a new task of this name begins
            passed = True
            continue
        if not _done(other):
            continue
        if _ACHIEVED.search(_clause_before(other)) and not passed and (
                _same_sentence(task, other) or _share_a_word(task, other)):
            return [i, j]
        if not _same_sentence(task, other) and _same_name(task, other):
            return [i, j]  # the results of a list of tasks, reported after it
    return []


#: The fewest characters a task's name must have to be found in an achievement's label.
MIN_SHARED_NAME = 2
#: The words before a task's name in its label (目标任务是城镇新增就业, 为新增造林, 计划新建).
_TASK_LEAD = re.compile(r"^(?:.*?(?:目标任务|任务数?|目标|计划))?(?:是|为)?")


def _task_name(row: dict[str, object]) -> str:
    return _TASK_LEAD.sub("", str(row["indicator"] or ""), count=1)


def _same_name(task: dict[str, object], other: dict[str, object]) -> bool:
    """Whether ``other``'s label holds the whole name of ``task`` (目标任务是城镇新增就业 and
    城镇新增就业; not 新建公厕 and 公厕, a stock)."""
    name = _task_name(task)
    label = _task_name(other) if other["role"] == "target" else str(other["indicator"] or "")
    return len(name) >= MIN_SHARED_NAME and name in label


def _task_after_the_amount_done(rows: list[dict[str, object]], figures: list[int],
                                taken: set[int], i: int) -> list[int]:
    """A task printed right after the amount done in its segment, with no later achievement
    (1-9月完成投资9.6亿元，年度计划投资12亿元): the two."""
    task = rows[i]
    done = _previous(rows, figures, i)
    if (task["role"] != "target" or _in_parts(task) or done is None or done in taken
            or re.search(r"达|进展", _clause_before(task)) or _ACHIEVED.search(
                _clause_before(task))):
        return []  # 目标任务进展顺利并达到序时进度的有5项: what was reached, not a task
    other = rows[done]
    if (_done(other) and other["kind"] == task["kind"] and other["unit_std"] == task["unit_std"]
            and _ACHIEVED.search(_clause_before(other))):
        return [done, i]
    return []


def _share_a_word(a: dict[str, object], b: dict[str, object]) -> bool:
    """Whether the labels of two figures share two characters in a row (新增就业 and 已新增
    就业): a task and an achievement in different sentences must name the same thing."""
    x, y = str(a["indicator"] or ""), str(b["indicator"] or "")
    return any(x[k:k + 2] in y for k in range(len(x) - 1))


def _in_parts(row: dict[str, object]) -> bool:
    """Whether the figure stands in brackets that list parts (续建29项,新建7项), not a task."""
    sentence, at = str(row["sentence"]), int(row["_at"])
    depth = 0
    for k in range(at - 1, -1, -1):
        ch = sentence[k]
        if ch in ")）":
            depth += 1
        elif ch in "(（":
            if depth == 0:
                return not _BRACKET_TASK.match(sentence[k:at])
            depth -= 1
        elif ch in _SEGMENT_ENDS:
            return False
    return False


#: How far (in percentage points) a printed share may be from the achievement over the task
#: and still be that share: a share printed to the whole percent is off by up to 0.5.
COMPLETION_TOLERANCE = 0.55


def _with_completion(rows: list[dict[str, object]], figures: list[int], taken: set[int],
                     group: list[int]) -> list[int]:
    """The group and the completion share printed right after its last row in the same segment
    (已完成26件，完成率40%).  A rate the sentence's words leave a level (已开工98个，开工率81.7%)
    is that share, and becomes a ``completion``, when it is the achievement over the task."""
    last = max(group)
    later = [j for j in figures if j > last and _same_sentence(rows[j], rows[last])]
    if not later or any(rows[j]["role"] == "completion" for j in group):
        return group
    nxt = later[0]
    share = rows[nxt]
    if (nxt in taken or share["unit"] != "%"
            or any(ch in _between(rows[last], share) for ch in _SEGMENT_ENDS)):
        return group
    if share["role"] == "level" and _is_share_done(rows, group, share):
        share["role"] = "completion"
    return [*group, nxt] if share["role"] == "completion" else group


def _is_share_done(rows: list[dict[str, object]], group: list[int], share: dict[str, object]
                   ) -> bool:
    """Whether ``share`` (in %) is the group's achievement over its task."""
    tasks = [rows[j] for j in group if rows[j]["role"] == "target"]
    done = [rows[j] for j in group if _done(rows[j])]
    if len(tasks) != 1 or len(done) != 1 or not isinstance(share["value"], float):
        return False
    task, achieved = tasks[0]["value_std"], done[0]["value_std"]
    if not isinstance(task, float) or not isinstance(achieved, float) or task <= 0 or (
            tasks[0]["unit_std"] != done[0]["unit_std"]):
        return False
    return abs(100 * achieved / task - share["value"]) <= COMPLETION_TOLERANCE


# --- targets announced for the sentences after them --------------------------------------------

#: A sentence (or its words before a colon) ending in the announcement of a plan's targets
#: (今年全县经济社会发展的主要预期目标是：; 明年的主要目标和重点工作安排如下。): the figures of the
#: plan sentences after it are targets.  Words of a target reached (完成年度目标, 实现…目标) or
#: a target merely named inside a sentence (围绕年度目标狠抓落实) announce nothing.
ANNOUNCED_TARGETS = re.compile(r"(?:目标|任务|重点工作|工作安排|安排|计划)(?:是|为|如下)?$")
_TARGET_REACHED = re.compile(r"完成|实现|达到|达成|超额")
#: Words of a report (已, 累计, 同比, 截至, 今年以来): a sentence holding one tells what was done,
#: and the plan announced before it has ended.
NARRATIVE = re.compile(r"已|累计|同比|环比|今年以来|年初以来|截至|截止|实际完成|完成了|实现了"
                       r"|[一二三四1-4]季度|上半年|前三季度|\d{1,2}[-—至]\d{1,2}月")
#: How many sentences after an announcement are read as its plan at most: a plan's list is
#: short, and a paragraph that runs on without a word of report has left it all the same.
MAX_PLAN_SENTENCES = 6
#: Roles a plan sentence's figures take as targets (a change planned keeps its direction); a
#: limit, a completion, a base or the ends of a movement keep theirs.
PLANNED_ROLES = frozenset({"level", "change", "rank"})
_SENTENCE = re.compile(r"[^。！？!?]+[。！？!?]*")
#: A figure in an announcement's own words (目标是增长7%：): then it announces nothing; the
#: year a plan is for (2025年主要预期目标是：) is no figure.
_FIGURE_IN = re.compile(r"\d")
_YEAR = re.compile(r"(?:19|20)\d\d年度?")


def _key(sentence: str) -> str:
    """The characters and digits of a sentence, which the extraction's normalization of
    punctuation and spaces leaves as printed."""
    return re.sub(r"[^\u4e00-\u9fff\d]", "", sentence)


def carry_announced_targets(text: str, rows: list[dict[str, object]]) -> None:
    """The figures of the sentences after one announcing a plan's targets (…的主要预期目标是：) are
    targets, until a sentence tells of what was done (已, 累计, 同比…) or ``MAX_PLAN_SENTENCES``
    have passed: the sentence-level roles (``helpers.metric_context``) cannot see an intention
    printed in an earlier sentence.  ``rows`` are the rows of the paragraph ``text`` in the
    order ``helpers.metrics.extract_from_text`` gives them; a sentence with figures of its own
    (dates aside) announces nothing."""
    sentences = [m.group() for m in _SENTENCE.finditer(text) if m.group().strip()]
    by_sentence: dict[int, list[dict[str, object]]] = {}
    k = 0
    for row in rows:
        while k < len(sentences) and _key(str(row["sentence"])) not in _key(sentences[k]):
            k += 1
        if k == len(sentences):
            raise ValueError(f"row of {row['sentence']!r} is not a sentence of the paragraph")
        by_sentence.setdefault(k, []).append(row)
    left = 0
    for k, sentence in enumerate(sentences):
        figures = [r for r in by_sentence.get(k, []) if r["kind"] != "date"]
        if NARRATIVE.search(sentence):
            left = 0
            continue
        head = re.split(r"[：:]", sentence, maxsplit=1)[0]
        said = head.rstrip("。！？!? ")
        if ANNOUNCED_TARGETS.search(said) and not _TARGET_REACHED.search(said) and (
                head != sentence or not figures) and not _FIGURE_IN.search(_YEAR.sub("", head)):
            # the announcement alone, or before a colon that opens the plan's first items
            left = MAX_PLAN_SENTENCES + (1 if figures else 0)
        if left and figures:
            for row in figures:
                if row["role"] in PLANNED_ROLES:
                    row["role"] = "target"
            left -= 1
