"""E-paper and web-page debris ("furniture"): lines that belong to the page, not to an article.

An e-paper article page saved from a newspaper site carries its navigation
(``第A02版：要闻|上一版|下一版``), a county site's page its breadcrumb (``首页 > 新闻中心 > 乡镇动态``)
and tools (``【字体：大 中 小】``, ``打印本页``, ``关闭窗口``, ``扫一扫在手机打开当前页``).  Read as text,
they would become a headline or the first paragraph of the article, and then words the codebook
counts.  ``furniture_kind`` names what such a line is; the readers put it in the ``furniture``
table with its file and line, never in an article (the nothing-lost check counts it there).

Only lines that are furniture through and through are taken: a line that also holds a sentence
(an ideographic full stop) stays text, so that an article that happens to say 上一篇 is never cut.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from helpers.formats.headers import parse_header
from helpers.text.decoding import IDEOGRAPHS

__all__ = ["FURNITURE_KINDS", "edition_page", "forum_stamp", "furniture_candidates", "furniture_kind",
           "is_bare_date", "is_footer_field", "is_table_cell", "spaceless_candidates"]

#: What each kind of furniture is (the ``kind`` column of the furniture table).
FURNITURE_KINDS = {
    "navigation": "e-paper or site navigation: 上一版/下一版, 上一篇/下一篇, breadcrumbs, 返回目录",
    "edition": "the e-paper edition line: 第A02版：要闻 (its page number goes to the page column)",
    "tools": "page tools: font size, print, close, share, QR code, view counts, reading time, "
             "comment boxes",
    "masthead": "the newspaper's name or a short line printed again and again on the page",
    "credit": "an image credit line: 图片来源：…, or an image's file name left in place of the image",
    "page header": "a page's running head: the issue date with its weekday, editors' credits",
    "repeat": "the title printed again above the text (an archive record, a site's page title)",
    "site footer": "a web site's footer and contact block: 主办：… 承办：…, 网站标识码, ICP备案, "
                   "公网安备, 版权所有, 合作热线/来稿邮箱, and the address, postcode and telephone "
                   "lines printed beside them",
    "spam": "search-engine spam a hijacked page prints above its article: a line of adult or "
            "piracy site keywords (国产, 在线观看, 精品, 一区二区 …)",
    "forum": "a forum's debris: the edit stamp 本帖最后由 某某 于 2015-4-13 00:37 编辑 (its date "
             "dates the post when no header line does)",
    "promo": "an outlet's brand and promotion line, every clause of it: 了解某地更多资讯，尽在某某网; "
             "扫描下方二维码; 关注某某微信公众号; 下载某某客户端",
}

# Words that only navigation uses (e-paper: 上一版 下一版 版面导航 标题导航 往期回顾; sites:
# 上一篇 下一篇 返回首页 返回列表 当前位置 您的位置).
_NAVIGATION = re.compile(
    r"上一版|下一版|上一篇|下一篇|上一条|下一条|版面导航|标题导航|往期回顾|返回目录|返回首页|返回列表"
    r"|返回顶部|当前位置|您的位置|您现在的位置|所在位置|PDF\s*下载|版面概览|本版标题"
    r"|上一期|下一期|返回主页|通版阅读|展开通版|收缩通版|当前的位置|所在的位置"
    r"|上一记录|下一记录|返回概览|打印预览|下载记录")
# A breadcrumb: 首页 followed by a separator (首页 > 新闻中心 > 乡镇动态, 首页>>政务公开).
_BREADCRUMB = re.compile(r"^\s*(网站)?首页\s*(>|＞|»|›|/|→|-)")
# A breadcrumb that does not start at 首页: three or more items joined by > (浙江在线 > 安吉新闻网 >
# 时政新闻), or by › (某某 › 专栏 › 某区发布), the separator printed once or doubled (>>); the
# rest of a trail whose 首页 stood on the line above, opening with its separator (>> 新区新闻 >>
# 新区要闻); a site's name (…网) and one section (某某网>生态).
#: Longest site name (before 网) and section name of a two-item trail (中国某某网>生态): a
#: headline comparing two things with > is longer or names no site.
TRAIL_SITE_MAX = 12
TRAIL_SECTION_MAX = 8
_TRAIL = re.compile(r"[^>＞»›]+(?:[>＞»›]{1,2}[^>＞»›]+){2,}"
                    r"|\s*[>＞»›]{1,2}[^>＞»›]+(?:[>＞»›]{1,2}[^>＞»›]+)+"
                    rf"|[^>＞»›\s]{{2,{TRAIL_SITE_MAX}}}网\s*[>＞»›]{{1,2}}\s*"
                    rf"[^>＞»›\s]{{1,{TRAIL_SECTION_MAX}}}")
# Page tools of government and newspaper sites.
_TOOLS = re.compile(
    r"字[体體][：:]?\s*【?\s*大\s*】?\s*【?\s*中\s*】?\s*【?\s*小"
    r"|字[号號](?:\([a-zü\u00e0-\u01dc]+\))?\s*[：:]?\s*【?\s*大|【\s*打印\s*】"
    r"|【\s*关闭\s*】|打印本页|关闭窗口|打印此页|收藏本页|扫一扫在手机|手机扫一扫|分享到[：:]"
    r"|放大\W{0,6}缩小\W{0,6}默认|加入收藏|视力保护色|【\s*我要纠错\s*】|报刊搜索|站内搜索|全文检索"
    r"|欢迎(?:来到|访问|光临)|歡迎(?:來到|訪問|光臨)|一[键鍵]登[录錄]"
    r"|评论一下|我要评论|发表评论|网友评论|最热评论|最新评论|抢沙发"
    r"|查看更多精彩评论|分享到微信|分享到微博|微信扫一扫分享|扫一扫分享"
    r"|马上登录|立即注册|结交更多好友|享用更多功能|没有帐号|没有账号|忘记密码|快捷导航"
    r"|只看该作者|倒序浏览|输入验证码|密码登录|扫码手机|按个赞|点击关闭提示|正文已[结結]束"
    r"|文章预览|本篇文章\s*\d+\s*字|读完约\s*\d+\s*分钟|阅读时间[：:]?\s*约?\s*\d+\s*分钟")
# ... and the counts among them (12 人参与, 3 条评论), apart: every alternative of ``_TOOLS`` opens
# with a character, so the regex engine skips the positions none of them opens at; one opening
# with a digit class would make it try every alternative at every position of every line.
_TOOLS_COUNT = re.compile(r"\d+\s*(?:人参与|条评论|人[发發]表了?[评評]论|人[发發]表了?[评評]論)")
# The e-paper edition line: 第A02版：要闻, 第AA02版:时政新闻, 第3版 综合新闻.  Short, or it would
# be a sentence about an edition; and its column name (up to 12 characters, no clause
# punctuation) ends the line or a space or bar follows it (a date, navigation): a line of text
# that starts with one (第3版刊发的通知引起了关注，…) runs on into words.
_EDITION = re.compile(r"^\s*第\s*([A-Z]{0,2}\s*\d{1,3})\s*版"
                      r"(?:\s*[：:]?\s*[^\s，,、。；;|｜]{0,12})?(?=\s|[|｜]|$)")
#: Longest edition line, in characters (第AA02版：时政新闻 and a column name; a longer line that
#: starts with 第3版 is a sentence).
EDITION_LINE_MAX = 40
# An image credit: 图片来源：网络 / （图片来源：县委宣传部）.
_CREDIT = re.compile(r"^\s*[（(]?\s*图片来源\s*[：:]")
# An image's file name left where the image stood (wechat_2025-10-03_042038_246, IMG_0231.jpg):
# one token of letters, digits and _ - . with an underscore or an image extension.
_IMAGE_NAME = re.compile(r"(?=[\w.-]*(?:_|\.(?:jpe?g|png|gif|webp)$))[A-Za-z0-9_.-]+", re.IGNORECASE)
# ... named by a Chinese system's default (微信图片_20210507092459, 截图_20230102_1): the word, _
# and the time stamp of a digit run.
_IMAGE_NAME_CN = re.compile(r"(?:微信图片|微信截图|屏幕截图|截图|图片)_\d{8,}(?:_\d+)?"
                            r"(?:\.(?:jpe?g|png|gif|webp))?", re.IGNORECASE)
# A site's menu: many short items side by side (要闻速览 三农视点 各地动态 惠农政策 …).
_MENU_ITEM = re.compile(f"^[{IDEOGRAPHS}]{{%d,%d}}$")
#: Fewest items of a menu line: four items side by side can be a title's phrases.
MENU_MIN_ITEMS = 5
#: Shortest and longest menu item, in ideographs (栏目 names are two to six; single characters
#: side by side are a justified line of text).
MENU_ITEM_MIN = 2
MENU_ITEM_MAX = 6
#: A long menu also links a few sites by their names (青海省人民政府网, 藏文网): at most this many
#: of its items may be longer than ``MENU_ITEM_MAX``, when at least ``MENU_LONG_MIN_ITEMS`` items
#: make the line a menu beyond doubt (a title has a few phrases, not a dozen).
MENU_LONG_ITEMS = 2
MENU_LONG_MIN_ITEMS = 10
#: Longest such site-name item, in ideographs.
MENU_LONG_ITEM_MAX = 12
#: Longest line without an ideograph that is a site's button or counter (x, • 0, 208 0) in an
#: article file: a line of text holds Chinese.
BUTTON_MAX = 12
_IDEOGRAPH = re.compile(f"[{IDEOGRAPHS}]")
# A table's cell as a scraper sets it, one a line and closed by a bar (4226 |, 98.06% |), or a
# share, a decimal or a number of two digits or more alone (98.06%, 99.3, 2006, 83000): the
# report's figures, however short, never a button (a lone digit may be a page's counter).
_TABLE_VALUE = re.compile(r"[^|｜]*[0-9A-Za-z%][^|｜]*[|｜]|\d[\d,]*(?:\.\d+)?\s*%|\d[\d,]*\.\d+"
                          r"|\d[\d,]*\d")
# A menu's items: short ones, and the longer site names a long menu may hold.
_MENU_SHORT = re.compile(_MENU_ITEM.pattern % (MENU_ITEM_MIN, MENU_ITEM_MAX))
_MENU_LONG = re.compile(_MENU_ITEM.pattern % (MENU_ITEM_MIN, MENU_LONG_ITEM_MAX))
#: A full stop inside the line: the line is a sentence, text whatever words it holds.  (！ and ？
#: do not count: page tools exclaim -- 快来抢沙发吧！ -- and linked titles ask.)
FULL_STOP = "。"
# A separator of a breadcrumb trail (``_TRAIL`` needs two of them).
_TRAIL_MARK = re.compile("[>＞»›]")
# A web site's footer (article files only): its identifiers (政府网站标识码, ICP备案号, 公网安备),
# copyright, an organ hosting the site with the one running it on one line (主办：某省人民政府
# 承办：某省人民政府办公厅), a newsroom's contact banner (合作热线：…, 来稿邮箱：…); simplified or
# traditional, as sites' converters print them.  (主办 alone is an event notice's line: 主办单位：…)
_FOOTER = re.compile(
    r"[网網]站[标標][识識][码碼]|ICP\s*[备備证證]|[公网網]安[备備]|版[权權]所有|Copyright|©"
    r"|主[办辦](?:单位|單位)?\s*[：:].{1,40}?承[办辦](?:单位|單位)?\s*[：:]"
    r"|合作[热熱][线線]|[来來投]稿[邮郵][箱件]|投稿信箱|新[闻聞][热熱][线線]"
    # a site map link, a site-wide visit counter (总访问量: 11712196 人次; an article's own
    # counter, 访问量：52, is a header field)
    r"|[网網]站地[图圖]|(?:[总總]|[网網]站|本站)[访訪][问問](?:量|人次)\s*[：:]?\s*\d"
    # a newsroom's tip line (报料热线 is a header field: a page header prints it with the
    # date), a publication's supervising and hosting bodies (某省新闻出版局主管 某市广播电视台主办)
    r"|[报報]料[电電][话話]\s*[：:]|主管(?:单位|單位)?\s*[：:]?.{1,40}?主[办辦]",
    re.IGNORECASE)
# A site's notices, full stops and all: its copyright or disclaimer statement (版权声明：凡注明
# “来源：某某网”的所有作品…), a request to credit it when copying (转载请注明地址：…).
_NOTICE = re.compile(r"^[【\[]?(?:版[权權]|免[责責]|特别)[声聲]明[】\]]?\s*[：:]|^凡(?:本[网網站])?"
                     r"(?:注明|注有|[标標]明|署名)[^。]{0,40}?[版权權]|^[转轉]载请注明")
# The page's own address or a link to a copy of it (地址：http://…, 原文地址：访问原文地址).
_PAGE_ADDRESS = re.compile(r"^(?:原文|快照|文章|本文|[页頁]面|[网網][页頁]|[总總][结結]与[预預][览覽])?"
                           r"地址\s*[：:]\s*(?:https?://\S+|[访訪][问問]\S{0,8})$")
# The lines a footer prints beside those (地址：… 邮政编码：…, 电话：…, 传真：…, 主办单位：… on a
# line of its own): a footer only next to a line ``_FOOTER`` takes (an article may print an
# address, an event notice its organizer).  A site may set each field as an item of a list,
# after a bullet (• 地址：…, · 邮编：…) or a bar.
FOOTER_BULLETS = "•·●○▪■□◆◇▶►-—*|｜"
_FOOTER_FIELD = re.compile(
    rf"^[\s{re.escape(FOOTER_BULLETS)}]*"
    r"(?:[联聯]系|通[讯訊]|[单單]位|[网網]站)?(?:地址|[邮郵]政?[编編][码碼]?|[电電][话話]|[传傳]真"
    r"|[联聯]系我[们們]|[联聯]系方式|E-?mail|[邮郵]箱|[主承协協][办辦](?:单位|單位)?|技[术術]支持"
    r"|[备備]案[号號序]{1,2}|[运運][维維](?:单位|單位)?|管理[维維][护護](?:单位|單位)?)\s*[：:]",
    re.IGNORECASE)
# An outlet's promotion, clause by clause (``PROMO_CLAUSE``): a line all of whose clauses are
# such is the outlet's, never the report's, whatever place its brand names (了解某州更多资讯，
# 尽在某某网微信，扫描下方二维码免费阅读。).  Each clause is judged whole, so a report's
# sentence that mentions a QR code among its own words (群众扫码即可办理) stays text.
PROMO_CLAUSE = re.compile(
    r"(?:了解|获取|阅读|查看|浏览)?[^，,。；;！!]{0,16}?(?:更多|最新)[^，,。；;！!]{0,8}?"
    r"(?:资讯|新闻|信息|动态|内容|精彩)[^，,。；;！!]{0,20}"
    r"|(?:扫一扫|扫码|长按识别)?(?:尽在|敬请关注|欢迎关注|请关注|关注|下载|订阅|阅读)[^，,。；;！!]{0,20}?"
    r"(?:网|微信|公众号|客户端|APP|App|app|微博|抖音号?|头条号|视频号|手机版)[^，,。；;！!]{0,6}"
    r"|(?:右键)?(?:长按|扫描|扫一扫|扫码|识别|点击)[^，,。；;！!]{0,10}?(?:二维码|小程序|阅读原文|蓝字)"
    r"[^，,。；;！!]{0,10}"
    r"|(?:敬请|欢迎|请)?关注我们|免费(?:阅读|订阅|下载)")
# A word every promotion clause holds: lines without one are not asked (most lines are text).
_PROMO_SIGN = re.compile(r"更多|最新|尽在|关注|下载|订阅|二维码|小程序|阅读原文|蓝字|免费|阅读|手机版")
_CLAUSE_BREAK = re.compile(r"[，,。；;！!、]+")
#: Longest promotion line, in characters: a brand line and two or three calls to follow.
PROMO_LINE_MAX = 80
# A site's heading over links to other articles (相关链接, 相关新闻, 推荐阅读, 上篇：), alone on its
# line (article files only).
_RELATED = re.compile(r"【?(?:相[关關](?:[链鏈]接|新[闻聞]|[阅閱][读讀]|文章|[报報]道|推荐|推薦)"
                      r"|推[荐薦][阅閱][读讀]|新[闻聞]推[荐薦]|最新[热熱]文|[热熱]门跟[贴帖]|[热熱]点推[荐薦]"
                      r"|上篇|下篇)】?\s*[：:]?")
# Search-engine spam a hijacked site prints in place of a page's title: strings of adult and
# piracy video-site keywords.  One or two of them are words a title may use (免费, 视频, 精品);
# ``SPAM_MIN_TERMS`` different ones on a line are spam.
_SPAM_TERM = re.compile(r"国产|在线观看|在线视频|一区|二区|三区|无码|久久|人成|人妻|激情|成人|"
                        r"亚洲|欧美|日韩|AV|av(?![a-z])|永久入口|最新地址|免费观看|精品|自拍|中文字幕|"
                        r"伦|午夜|天堂|福利|乱码|影院")
#: Fewest different spam keywords on a spam line.
SPAM_MIN_TERMS = 4
# A site's button alone on its line (article files only): 字号 / 字體： / 分享： / 标签： / 关闭 (the
# sizes, icons or tags after them not scraped), a link to the home page (央广网首页).
_BUTTON_LINE = re.compile(r"(?:字[号號体體]|分享到?|[标標][签簽]|[关關]闭)\s*[：:]?|[^\s。，,]{0,10}首[页頁]"
                          # a share box's buttons, one a line (微博, QQ空间, 评论, 收藏)
                          r"|(?:新浪)?微博|微信|QQ空[间間]|朋友圈|[评評]论|收藏|点赞|[转轉][发發]|打印|[纠糾][错錯]")
# A date alone on its line (2019-09-17): a button's size, but the value of a 发布时间： printed
# on the line above it (``is_bare_date``; the reader decides by that line).
_BARE_DATE = re.compile(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?")
# Pinyin a site's script converter prints after characters (號(hào), 網(wǎng)): removed before a
# footer is looked for.
_PINYIN = re.compile(r"\([a-zü\u00e0-\u01dc]{1,6}\)")
# A forum's edit stamp: 本帖最后由 某某 于 2015-4-13 00:37 编辑, with the line breaks the page's
# HTML left after it (<br /><br />); the post may follow on the same line.
_FORUM_STAMP = re.compile(
    r"^\s*本帖最[后後]由\s*(?P<who>\S.{0,29}?)\s*[于於]\s*(?P<date>\d{4}\s*[年\-/.]\s*\d{1,2}\s*[月\-/.]"
    r"\s*\d{1,2}\s*日?(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?)\s*[编編][辑輯](?:\s*<br\s*/?>)*\s*")
#: Longest line that can be furniture, in characters: navigation bars with a few article
#: titles are long, whole paragraphs are longer.
FURNITURE_LINE_MAX = 200
#: A short line printed at least this often in one file is a repeated masthead or running head.
MASTHEAD_REPEATS = 3
#: Longest masthead or running head, in characters (邵阳日报 · 数字报 2021年08月27日).
MASTHEAD_MAX = 30


def furniture_kind(line: str, *, newspaper: str | None = None, menus: bool = True
                   ) -> str | None:
    """The furniture kind of one line (a key of ``FURNITURE_KINDS``), or None for text.

    ``newspaper``: the newspaper's name from the folder metadata; a line that is just that
    name is its masthead.  ``menus``: whether a line of short items side by side is a site's
    menu (not on e-paper page text, where a justified line looks like one).
    """
    # Each regex is tried only where the line holds what it cannot match without (a 版 for
    # an edition line, ASCII only for a file name, 首页 for a breadcrumb, two > for a trail,
    # 图片来源 for a credit): nearly every line of a page is text, and it is read once per line.
    s = line.strip()
    if menus and len(s) <= PROMO_LINE_MAX and _is_promo(s):
        return "promo"  # (a promotion ends its calls with a full stop: asked before the rule)
    if menus and len(s) <= FURNITURE_LINE_MAX and _NOTICE.match(s):
        return "site footer"  # (so does a site's notice)
    if not s or len(s) > FURNITURE_LINE_MAX or FULL_STOP in s:
        return None
    if len(s) <= EDITION_LINE_MAX and "版" in s[:8] and _EDITION.match(s):
        return "edition" if not _NAVIGATION.search(s) else "navigation"
    if (s.isascii() and _IMAGE_NAME.fullmatch(s)) or ("_" in s and _IMAGE_NAME_CN.fullmatch(s)):
        return "credit"
    if menus and len(s) <= BUTTON_MAX and not _IDEOGRAPH.search(s) and not _TABLE_VALUE.fullmatch(s):
        return "tools"  # a site's button or counter (x, • 0, 208 0)
    if (_NAVIGATION.search(s) or ("首页" in s and _BREADCRUMB.match(s))
            or (_TRAIL_MARK.search(s) and _TRAIL.fullmatch(s))
            or (menus and _is_menu(s))):
        return "navigation"
    if _TOOLS.search(s) or _TOOLS_COUNT.search(s):
        return "tools"
    if "图片来源" in s and _CREDIT.match(s):
        return "credit"
    if newspaper and "".join(s.split()) == "".join(newspaper.split()):
        return "masthead"
    if menus and len(set(_SPAM_TERM.findall(s))) >= SPAM_MIN_TERMS:
        return "spam"
    if menus and "地址" in s and _PAGE_ADDRESS.match(s):
        return "tools"
    if menus and _BUTTON_LINE.fullmatch(_PINYIN.sub("", s)):
        return "tools"
    if menus and _RELATED.fullmatch(s):
        return "navigation"
    if menus and _FOOTER.search(_PINYIN.sub("", s)):
        return "site footer"
    if menus and (stamp := _FORUM_STAMP.match(s)) and stamp.end() == len(s):
        return "forum"
    return None


def _is_promo(s: str) -> bool:
    """Every clause of ``s`` is an outlet's promotion (``PROMO_CLAUSE``)."""
    if _PROMO_SIGN.search(s) is None:
        return False
    clauses = [c.strip() for c in _CLAUSE_BREAK.split(s) if c.strip()]
    return bool(clauses) and all(PROMO_CLAUSE.fullmatch(c) for c in clauses)


# Any cell of a table set one a line, its words too (住建局 |): what ``detect_format`` leaves out
# of the lines that tell a page's column from an article's paragraphs.
_TABLE_CELL = re.compile(r"[^|｜]*[^\s|｜][^|｜]*[|｜]\s*")


def is_table_cell(line: str) -> bool:
    """Whether a line is a table's cell set one a line (4226 |, 住建局 |) or a figure alone
    (98.06%, 2006): it tells nothing of a page's column or an article's paragraphs."""
    s = line.strip()
    if not s or not (s[-1] in "|｜" or s[0].isdecimal()):  # most lines: no regex asked
        return False
    return bool(_TABLE_CELL.fullmatch(s) or _TABLE_VALUE.fullmatch(s))


def is_bare_date(line: str) -> bool:
    """Whether a line is only a date (2019-09-17, 2023/02/01 10:20)."""
    return bool(_BARE_DATE.fullmatch(line.strip()))


def is_footer_field(line: str) -> bool:
    """Whether a line is an address, postcode or telephone field (地址：…, 邮政编码：…): a site's
    footer when it stands next to one (the reader decides by its neighbours)."""
    s = line.strip()
    return bool(s) and FULL_STOP not in s and len(s) <= FURNITURE_LINE_MAX and bool(
        _FOOTER_FIELD.match(_PINYIN.sub("", s)))


def forum_stamp(line: str) -> tuple[str, str] | None:
    """(the stamp as printed, its date) of a line that opens with a forum's edit stamp
    (本帖最后由 某某 于 2015-4-13 00:37 编辑), else None; the post may follow it on the line."""
    m = _FORUM_STAMP.match(line)
    return (line[:m.end()], m["date"]) if m else None


# What a line that ``furniture_kind(menus=False)`` takes holds besides ``_NAVIGATION``, ``_TOOLS``
# or ``_TOOLS_COUNT``: 版 (an edition line), 首页 (a breadcrumb), a trail's separator, 图片来源 (a
# credit), _ or an image extension (an image's file name).
# (Each alternative of a sign opens with one literal character, no class or IGNORECASE before
# it, so that re jumps to the characters that can open a match instead of trying every position.)
_OTHER_SIGNS = re.compile(r"版|首页|图片来源|>|＞|»|›|_|\.(?i:jpe?g|png|gif|webp)")
# What every match of ``_TOOLS_COUNT`` holds on its line, as a sign: the words after the figure.
_TOOLS_COUNT_SIGN = re.compile(r"人参与|条评论|人[发發]表")


def furniture_candidates(page: str, *, newspaper: str | None = None,
                         signs: Iterable[re.Pattern[str]] = ()) -> list[int]:
    """The 0-based numbers of the lines of ``page`` (split at ``\\n``) that may be furniture of a
    page (``furniture_kind(line, newspaper=newspaper, menus=False)`` not None) or that one of
    the caller's ``signs`` matches in: every other line is text, so a page is read with a few
    regex scans of its whole text instead of a dozen regexes per printed line.

    Sound because each sign regex has no anchor, word boundary or lookaround: one that matches
    in a line matches at the same place in the page, and a scan of the page either finds that
    match or one that covers its start, so every line a match of the page touches is taken.
    """
    patterns = [_NAVIGATION, _TOOLS, _TOOLS_COUNT_SIGN, _OTHER_SIGNS, *signs]
    name = "".join((newspaper or "").split())
    if name:  # a masthead line: the name, spaced as the page may space it
        patterns.append(re.compile(r"\s*".join(map(re.escape, name))))
    starts = [0]
    starts += [m.end() for m in re.finditer("\n", page)]
    found: set[int] = set()
    for pattern in patterns:
        for m in pattern.finditer(page):
            first = bisect.bisect_right(starts, m.start()) - 1
            last = bisect.bisect_right(starts, max(m.end() - 1, m.start())) - 1
            found.update(range(first, last + 1))
    return sorted(found)


# What a spaceless line that ``furniture_kind(menus=True)`` takes holds besides the signs of
# ``furniture_candidates`` and a spam term: a menu's bar (its items have no spaces to stand apart
# by), a ``(`` of the pinyin the footer and button rules remove first, a forum's edit stamp, and
# a piece every match of ``_BUTTON_LINE``, ``_RELATED`` and ``_FOOTER`` holds (字号, 首页, 相关,
# 推荐, 热, 承办, 版权所有, ICP, …).  A scan for these is several times quicker than for those
# patterns, whose leading classes and lazy gaps try every position; each alternative opens with
# one literal character (no class, no IGNORECASE: ICP and Copyright spell out their cases) so
# that the scan jumps to the characters that can open one (ten times quicker again).
_SPACELESS_SIGNS = re.compile(
    r"\||｜|\(|©|本帖最[后後]由|字[号號体體]|分享|标[签簽]|標[签簽]|关闭|關闭|首[页頁]"
    r"|标[识識][码碼]|標[识識][码碼]|I[Cc][Pp]|i[Cc][Pp]|安[备備]|版[权權]所有"
    r"|C[Oo][Pp][Yy][Rr][Ii][Gg][Hh][Tt]|c[Oo][Pp][Yy][Rr][Ii][Gg][Hh][Tt]|承[办辦]|热|熱|稿[邮郵信]"
    r"|相[关關]|推[荐薦]|上篇|下篇|站地[图圖]|[访訪][问問]"
    r"|更多|最新|尽在|关注|下载|订阅|二维码|小程序|阅读原文|蓝字|免费|阅读|手机版"
    r"|报料|報料|主管|版[权權]|免[责責]|特别|凡|转载|轉载|地址"
    r"|微博|微信|QQ|朋友圈|评论|評論|收藏|点赞|转发|轉發|打印|纠错|糾錯")


def spaceless_candidates(lines: list[str]) -> list[int]:
    """The 0-based numbers of ``lines`` (each without whitespace, as ``detect_format`` reads
    them) that may be furniture of an article file (``furniture_kind(line)`` not None, without
    a newspaper's name): a few regex scans over their joined text, so most lines skip the dozen
    per-line regexes.

    Sound as ``furniture_candidates`` is, with every menus-only rule's sign added
    (``_SPACELESS_SIGNS``, the spam terms); a line of ``BUTTON_MAX`` or fewer characters without
    an ideograph (a site's button or counter) is a candidate too.
    """
    found = set(furniture_candidates("\n".join(lines), signs=(_SPACELESS_SIGNS, _SPAM_TERM)))
    found.update(i for i, s in enumerate(lines)
                 if len(s) <= BUTTON_MAX and _IDEOGRAPH.search(s) is None)
    return sorted(found)


# What separates a menu's items: spaces, or bars (首頁 | 快訊 | 新聞 | 評論 …).
_MENU_SEPARATOR = re.compile(r"\s*[|｜]\s*|\s+")


def _is_menu(s: str) -> bool:
    """Short items side by side; a byline line is made the same way (本报记者 刘晓明 通讯员
    陈志强 报道: roles and names), so a line ``parse_header`` reads is never a menu."""
    items = _MENU_SEPARATOR.split(s.strip(" |｜"))
    if len(items) < MENU_MIN_ITEMS:
        return False
    short = sum(bool(_MENU_SHORT.match(item)) for item in items)
    longer = sum(bool(_MENU_LONG.match(item)) for item in items) - short
    fits = short == len(items) or (len(items) >= MENU_LONG_MIN_ITEMS
                                   and longer <= MENU_LONG_ITEMS and short + longer == len(items))
    return len(items) >= MENU_MIN_ITEMS and fits and parse_header(s) is None


def repeated_lines(lines: list[str]) -> set[str]:
    """Short lines without a sentence that a file prints ``MASTHEAD_REPEATS`` times or more:
    running heads, mastheads and ad slots (广告) repeated down a web page.  Used on article files
    only: on a page, the same byline line recurs when one team wrote several articles.  A
    table's cells set one a line repeat as its values do (0 |, 100% |, 县林业局 |): never
    mastheads (``is_table_cell``)."""
    counts: dict[str, int] = {}
    for line in lines:
        s = line.strip()
        if s and len(s) <= MASTHEAD_MAX and FULL_STOP not in s and not is_table_cell(s):
            counts[s] = counts.get(s, 0) + 1
    return {s for s, n in counts.items() if n >= MASTHEAD_REPEATS}


def edition_page(line: str) -> str | None:
    """The page an edition line names (第A02版：要闻 -> "A02"), None if it names none."""
    m = _EDITION.match(line)
    return "".join(m.group(1).split()) if m else None
