"""Header lines of article files: 来源, 作者, 发布时间 … lifted out of the body into columns.

A county site prints ``发布时间：2021-08-27 10:20  来源：湘阴县融媒体中心  作者：张三`` above an
article (one field or several on a line), a disclosure page a block of 索引号/发布机构/生成日期
lines, a newspaper site ``本报记者 张三 通讯员 李四``, and the foot of many articles ``（责任编辑：
李四）``.  Left in, they would be the body's first paragraph.  ``parse_header`` reads one such
line into its fields, or says it is not one; the reader keeps the line as printed in the
``header`` column (so nothing is lost) and fills ``newspaper``, ``published`` and ``byline`` from
the fields.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from helpers.text.decoding import IDEOGRAPHS

__all__ = ["HEADER_LABELS", "Header", "parse_header", "split_people"]

#: The labels a header line starts its fields with, by the column they feed.  Web and
#: e-paper pages print each with a colon (来源：…); a label without one is text.
HEADER_LABELS: dict[str, tuple[str, ...]] = {
    "headline": ("标题", "名称", "题名"),
    "page": ("版次", "版号", "版面"),
    "body": ("正文",),  # an archive record's 【正文】= before the text (no value)
    "source": ("来源", "信息来源", "文章来源", "稿件来源", "稿源", "供稿", "出处", "发布机构",
               "发布单位", "发文机关", "发布部门", "发文单位"),
    "published": ("发布时间", "发布日期", "发表时间", "日期", "时间", "发文日期", "成文日期",
                  "生成日期", "更新时间", "录入时间", "刊发时间", "印发日期", "公开日期"),
    "author": ("作者", "记者", "通讯员", "撰稿", "撰文", "文", "摄影", "摄像", "图", "文/图",
               "文图", "本报记者", "实习生", "见习记者", "特约记者", "融媒记者"),
    "editor": ("编辑", "责任编辑", "责编", "审核", "审校", "校对", "核稿", "终审", "签发", "编审",
               "值班编辑", "美编", "版式", "一审", "二审", "三审", "初审", "复审"),
    "other": ("索引号", "信息索引号", "文号", "发文字号", "组配分类", "信息分类", "主题分类", "分类", "主题词",
              "关键词", "浏览次数", "点击数", "阅读次数", "访问量", "字号", "内容概述", "生效时间",
              "废止时间", "有效性", "公开方式", "公开范围", "责任部门", "体裁分类", "所属机构", "栏目", "当前版", "文章字数", "字数",
              "累计次数", "期号", "期次", "版名", "专栏", "专题", "报料热线", "新闻热线"),
}
# Traditional characters of the labels, as Hong Kong, Taiwan and converted mainland pages print
# them (發布時間, 來源, 責任編輯): each label is also read in its traditional form.
_TRADITIONAL = str.maketrans("发时间来编辑责审核记讯员图摄题标号类机构关键词点击数浏览阅读录签终复实见习发刊态专栏组配分范围效废创问",
                             "發時間來編輯責審核記訊員圖攝題標號類機構關鍵詞點擊數瀏覽閱讀錄簽終複實見習發刊態專欄組配分範圍效廢創問")
_LABEL_FIELD = {label: key for key, labels in HEADER_LABELS.items() for label in labels}
_LABEL_FIELD |= {label.translate(_TRADITIONAL): key for label, key in list(_LABEL_FIELD.items())}
# Longest labels first, so 发布时间 is taken before 时间 and 责任编辑 before 编辑.
_LABELS = sorted(_LABEL_FIELD, key=len, reverse=True)
_LABEL = re.compile(
    r"(?:(?<=^)|(?<=[\s【\[（(|丨｜]))(" + "|".join(map(re.escape, _LABELS)) + r")\s*[：:]"
    # a newspaper archive's record: 【日期】= 1990.03.18, 【标题】= …
    r"|(?:(?<=^)|(?<=【))(" + "|".join(map(re.escape, _LABELS)) + r")】\s*[=：:]")
# What may stand before the first label: a date or time (2021-08-27 10:20 来源：…, or with a bar
# after it: 2021-08-27 10:20|来源：…), brackets.
# A label is closed by a colon (来源：) or, in an archive's record, by 】= (``_LABEL``).
_LABEL_MARK = re.compile("[：:=]")
_LEAD = re.compile(r"^[\s【\[（(]*[0-9年月日\-/.:：\s]*(?:(?:星期|周)[一二三四五六日天]\s*)?[|｜丨]?\s*$")
# Role words of a byline line printed without colons: 本报记者 张三 通讯员 李四 / 记者 张三.
_ROLE = re.compile(r"(本报|融媒|实习|见习|特约)?(记者|通讯员|实习生)|文/图|文／图|图/文|摄影|摄")
#: A byline line without colons is at most this long (a few roles and names).
BYLINE_LINE_MAX = 40
#: Longest personal name taken from a byline, in characters (复姓 + two; 4 covers 欧阳晓明).
NAME_MAX = 4
# The pieces of the dates header lines print: a full date (2021-08-27, 2021年08月27日, 2021.8.27,
# separators mixed as sites mix them), an optional clock time, an ideograph.
_DATE = r"\d{4}\s*[年\-/.]\s*\d{1,2}\s*[月\-/.]\s*\d{1,2}\s*日?"
_TIME = r"(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?"
_HAN = f"[{IDEOGRAPHS}]"
# A line that is only a date (e-paper article pages print the date: 2021年08月27日 星期五).
# A site's time stamp with the year apart from month/day and the clock time (2025 12/01 08:54:15).
_YEAR_APART = r"\d{4}\s+\d{1,2}\s*/\s*\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?"
_DATE_ONLY = re.compile(f"(?:{_DATE}{_TIME}|{_YEAR_APART})" + r"(?:\s*(?:星期|周)[一二三四五六日天]?)?"
                        # a site's post stamp: 2017-12-13 0:00:00发布50次查看
                        r"(?:\s*发布)?(?:\s*\d+\s*次(?:查看|浏览|阅读|点击))?")
# Words printed in parentheses at an article's foot that are no one's name (（待续）, （图片）).
_NOT_NAMES = frozenset({"待续", "未完待续", "续完", "全文完", "图片", "资料", "图文", "供图", "摄影",
                        "视频", "原创", "转载", "通讯员", "记者", "编辑", "本报", "完"})
# Names followed by a bracketed date: an archive record's author line.
_NAMES_DATE = re.compile(rf"(?P<names>[{IDEOGRAPHS}·\s、]{{2,30}}?)\s*[（(]\s*(?P<date>{_DATE})"
                         r"\s*[)）]")
# A newspaper's name and the issue date on one line (四川日报    2017年09月28日), as newspaper
# sites print them under the title.
_SOURCE_DATE = re.compile(rf"(?P<source>[{IDEOGRAPHS}·]{{2,14}}(?:报|网|社|台|刊))\s+(?P<date>{_DATE})")
# A full date (with its time) anywhere in a header line.
_DATE_IN_LINE = re.compile(_DATE + _TIME)
# The date and time, then the outlet's name without a label (2022-12-01 07:27:00   掌中九江).
_DATE_SOURCE = re.compile(rf"(?P<date>{_DATE}{_TIME})\s{{2,}}(?P<source>{_HAN}{{2,14}})")
# A social-media account's stamp as mirrors of its posts print it: the account, its platform
# (公众号, 头条号 …) and the post's date, set apart by middle dots (某区发布 · 公众号 · · 2025-02-07
# 17:30).
_ACCOUNT_STAMP = re.compile(
    rf"(?P<source>[^\s·•]{{2,20}})\s*[·•]\s*(?:微信)?(?:公众号|头条号|百家号|企鹅号|网易号|搜狐号|视频号|抖音号)"
    rf"(?:\s*[·•])*\s*(?P<date>{_DATE}{_TIME})?")
# A forum post's header: the poster, 发表于 and the date (the rest of the line: forum tools).
_FORUM_POST = re.compile(rf"(?P<who>\S{{1,20}})\s+发表于\s*(?P<date>{_DATE}{_TIME})")
# Pinyin after a character (號(hào), 編(biān)): not part of the line's words.
_PINYIN = re.compile(r"(?<=[^\x00-\x7f])\([a-zü\u00e0-\u01dc]{1,6}\)")
_PERSON = re.compile(rf"[{IDEOGRAPHS}·]{{2,4}}")
# The word that closes a byline after the names (记者 张三 通讯员 李四 报道, （本报记者 张三报道）):
# no one's name, so it is dropped before the names are read.
_CLOSING = re.compile(r"报道\s*$")
_SEPARATORS = re.compile(r"[\s,，、;；/|丨｜]+")
# Page tools a site prints after the last field of a header line (来源：某县纪委监委网 字体显示：
# 【 大 中 小 】 阅读：): after a space, a label no field has (字体显示：, 阅读：, 浏览：) or the
# font-size buttons, or at a bar set apart by spaces (发布时间: 2021-01-06 | 668 次浏览).  A field's
# value ends there; the line stays as printed in the header.
_VALUE_DEBRIS = re.compile(rf"\s+(?:{_HAN}{{1,6}}\s*[：:]|【\s*大\s|[【\[]?\s*打印|[【\[]?\s*关闭)"
                           r"|\s+[|｜]\s")


# A label opening the line with its characters spaced out to align with longer labels (索 引 号：,
# 标  题：): read as the label (one or more spaces or ideographic spaces between characters).
_SPACED_LABEL = re.compile(rf"((?:[{IDEOGRAPHS}][ \u3000]+){{1,5}}[{IDEOGRAPHS}])\s*[：:]")
#: Bullets a site prints before each field of its header list (• 发布时间：…, • 2020-05-26 16:17,
#: • 日期：…): no part of the field.  Not the middle dot ·, which joins an account's stamp.
LIST_BULLETS = "•●▪"


@dataclass
class Header:
    """The fields of one header line (values as printed, stripped), by column."""

    fields: dict[str, list[str]] = field(default_factory=dict)

    def first(self, key: str) -> str | None:
        """The first non-empty value of a field, or None."""
        return next((v for v in self.fields.get(key, []) if v), None)


def parse_header(line: str) -> Header | None:
    """The fields of a header line, or None if the line is not one.

    A header line is made of labelled fields only (``来源：… 作者：…``), optionally after a date,
    in brackets (``（责任编辑：李四）``), or is a byline line of role words and names
    (``本报记者 张三 通讯员 李四``).
    """
    s = line.strip()
    if s[:1] in LIST_BULLETS:  # • 发布时间：2012-07-11 09:00: a site lists its fields as items
        s = s[1:].strip()
    if (spaced := _SPACED_LABEL.match(s)) is not None and (
            label := "".join(spaced[1].split())) in _LABEL_FIELD:
        s = label + s[spaced.end(1):]  # 索 引 号：… spaced to align with 发布机构：
    s = s.strip("【】[]")
    if "(" in s:  # pinyin a site's script converter prints after characters: 時(shí)間
        s = _PINYIN.sub("", s)
    bracketed = s[:1] in "（(" and s[-1:] in "）)"
    s = s[1:-1] if bracketed else s
    if not s:
        return None
    # (each regex below is tried only where the line holds what it cannot match without: a
    # leading digit for a date, 发表于 for a forum post, a colon or = for labels; most lines
    # read are text, and detect_format asks of each of a file's first lines)
    if s[:1].isdecimal() and (stamp := _DATE_ONLY.fullmatch(s)):
        return Header({"published": [_DATE_IN_LINE.match(s)[0].strip() if "发布" in s or "次" in s
                                     else stamp[0]]})
    if bracketed and s not in _NOT_NAMES and (names := _bare_names(s)):  # （王素娟）: a byline
        return Header({"author": [" ".join(names)]})
    if "|" in s and (table := _table_row(s)) is not None:
        return table
    if (dated := _SOURCE_DATE.fullmatch(s)) is not None:  # 四川日报    2017年09月28日
        return Header({"source": [dated["source"]], "published": [dated["date"]]})
    if "号" in s and (stamp := _ACCOUNT_STAMP.fullmatch(s)) is not None:  # 某区发布 · 公众号 · 日期
        fields = {"source": [stamp["source"]]}
        if stamp["date"]:
            fields["published"] = [stamp["date"].strip()]
        return Header(fields)
    if "发表于" in s and (post := _FORUM_POST.match(s)) is not None:  # 某某 发表于 2023-11-6 09:13:50 | …
        return Header({"author": [post["who"]], "published": [post["date"]]})
    if (dated := _DATE_SOURCE.fullmatch(s)) is not None:  # 2022-12-01 07:27:00   掌中九江
        return Header({"published": [dated["date"]], "source": [dated["source"]]})
    matches = list(_LABEL.finditer(s)) if _LABEL_MARK.search(s) else []
    if matches and _LEAD.match(s[:matches[0].start()]):
        header = Header()
        lead = s[:matches[0].start()].strip(" 【[（(|｜丨")
        if lead:
            header.fields.setdefault("published", []).append(lead)
        for m, nxt in zip(matches, [*matches[1:], None], strict=True):
            value = s[m.end():nxt.start() if nxt else len(s)]
            if (debris := _VALUE_DEBRIS.search(value)) is not None:
                value = value[:debris.start()]
            value = value.strip(" 　|丨｜【】[]（）()")
            header.fields.setdefault(_LABEL_FIELD[m.group(1) or m.group(2)], []).append(value)
        if "published" not in header.fields and (date := _DATE_IN_LINE.search(s)):
            # 来源：中安在线 | 作者：中安新闻 | 2018-12-08 09:02: the date printed without a label
            header.fields["published"] = [date.group()]
        return header
    return _byline_line(s)


def _table_row(s: str) -> Header | None:
    """A disclosure page's metadata row printed as a table (索 引 号 | CJS044/2025-000234 | 主题分类
    | |): cells alternate label and value; every label one of ``HEADER_LABELS``."""
    cells = [c.strip() for c in s.strip("|").split("|")]
    header = Header()
    k = 0
    while k < len(cells):
        label = "".join(cells[k].split()).rstrip("：:")  # 索 引 号: | …: the colon is no part
        if not label:
            k += 1
            continue
        if label not in _LABEL_FIELD:
            return None
        value = cells[k + 1] if k + 1 < len(cells) else ""
        if "".join(value.split()).rstrip("：:") in _LABEL_FIELD:  # 文号 | 发布日期 | …: empty
            value, k = "", k + 1
        else:
            k += 2
        header.fields.setdefault(_LABEL_FIELD[label], []).append(value)
    return header if header.fields else None


def _byline_line(s: str) -> Header | None:
    """A byline line without colons: role words and names only, or names and the date in
    brackets (刘元琴  (1990.03.18), as newspaper archives print a record's author line)."""
    marked = s.lstrip("■●▲◆□◇★☆")
    if marked != s and (names := split_people(marked)):  # ■李秋怡 衡洁: a marked byline
        return Header({"author": [" ".join(names)]})
    dated = _NAMES_DATE.fullmatch(s) if "（" in s or "(" in s else None
    if dated and (names := split_people(dated["names"])):
        return Header({"author": [" ".join(names)], "published": [dated["date"]]})
    if len(s) > BYLINE_LINE_MAX or not _ROLE.match(s):
        return None
    names = split_people(_ROLE.sub(" ", s))
    if not names:
        return None
    return Header({"author": [" ".join(names)]})


def _bare_names(s: str) -> list[str]:
    """The names of a bare byline; two-character names set with a space (周 敏) are joined, as
    e-paper bylines print them."""
    tokens = s.split()
    merged: list[str] = []
    k = 0
    while k < len(tokens):
        if len(tokens[k]) == 1:
            if k + 1 >= len(tokens) or len(tokens[k + 1]) != 1:
                return []  # a lone character is no name
            merged.append(tokens[k] + tokens[k + 1])
            k += 2
        else:
            merged.append(tokens[k])
            k += 1
    return split_people(" ".join(merged))


def split_people(value: str) -> list[str]:
    """Personal names in a byline value (张三 李四 / 张三、李四); [] if any part is not a name."""
    parts = [p for p in _SEPARATORS.split(_ROLE.sub(" ", _CLOSING.sub("", value.strip()))) if p]
    if not parts or not all(_PERSON.fullmatch(p) and len(p) <= NAME_MAX for p in parts):
        return []
    return parts
