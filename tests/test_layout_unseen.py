"""Constructions that the never-seen pages (``benchmarks/unseen_pages.py --why``) showed read
wrong, each on a page fragment written for this test (dense form: one printed line per text
line, as pdftotext gives it; a grid page, punctuation one cell)."""

from __future__ import annotations

from helpers.layout import parse_articles

LEAD = ("为改善群众出行条件，\n"
        "白石县交通运输局今年新修\n"
        "和改造农村公路一批，打通\n"
        "了多条断头路，沿线的茶\n"
        "园、果园和村部都通了硬化\n"
        "路。\n"
        "记者在双河村看到，新\n"
        "修的公路平整宽阔，路边装\n"
        "上了护栏和路灯，运送茶叶\n"
        "的货车来来往往。\n")
TAIL = ("下一步，该县将继续完\n"
        "善路网，加强公路养护，让\n"
        "群众出行更加便捷。\n"
        "（罗 青）\n"
        "白石县：\n"
        "农村公路通到家门口\n")
FIRST = "为改善群众出行条件，白石县交通运输局今年新修和改造农村公路一批，打通了多条断头路，沿线的茶园、果园和村部都通了硬化路。"
SECOND = "记者在双河村看到，新修的公路平整宽阔，路边装上了护栏和路灯，运送茶叶的货车来来往往。"
LAST = "下一步，该县将继续完善路网，加强公路养护，让群众出行更加便捷。"


def fields(page: str) -> list[tuple]:
    return [(a.headline, a.subheads, a.byline, a.paragraphs) for a in parse_articles(page)]


def expected(middle: str) -> list[tuple]:
    return [("白石县：农村公路通到家门口", [], ["罗青"], [FIRST, SECOND, middle, LAST])]


# A paragraph's first line wrapped early because the next unit is a long number that a comma
# closes: the line is far short of the column and ends no sentence, like a subhead; the number
# on the next line closes the clause, so that line continues it (no paragraph opens with a bare
# figure and a comma), whether the extractor kept the spaces around the number or not.
WRAPPED = ("今年以来，累计投入\n"
           "37512， 惠及群众 15 万\n"
           "人。新修的公路连起了村里\n"
           "的茶园和果园，村民卖茶再\n"
           "也不用肩挑背扛。\n")
WRAPPED_TEXT = "今年以来，累计投入37512，惠及群众15万人。新修的公路连起了村里的茶园和果园，村民卖茶再也不用肩挑背扛。"


def test_a_first_line_wrapped_before_a_number_is_no_subhead():
    assert fields(LEAD + WRAPPED + TAIL) == expected(WRAPPED_TEXT)


def test_a_number_closing_a_clause_opens_no_paragraph():
    page = LEAD + WRAPPED.replace("37512， 惠及群众 15 万", "37512，惠及群众15万") + TAIL
    assert fields(page) == expected(WRAPPED_TEXT)


# The space printed after the comma that closes a spaced number (``375， 惠及``) took room on
# the line: measured, the line is full (the next line's first character did not fit), so the
# sentence end on it does not end the paragraph.
SPACED_END = ("今年以来，累计投入\n"
              "375， 惠及群众 15 万人。\n"
              "新修的公路连起了村里的茶\n"
              "园和果园，村民卖茶再也不\n"
              "用肩挑背扛。\n")
SPACED_END_TEXT = "今年以来，累计投入375，惠及群众15万人。新修的公路连起了村里的茶园和果园，村民卖茶再也不用肩挑背扛。"


def test_the_space_after_a_spaced_number_takes_room():
    assert fields(LEAD + SPACED_END + TAIL) == expected(SPACED_END_TEXT)


# A two-line subhead before a paragraph partly set in a narrow side column: its lines are as
# narrow as the side column's, but they leave room the next line's first character would have
# taken (a side column's lines are full), so they are the subhead's, not the column's first
# lines; on the seed's form the second line is glued to the first (a single newline).
SIDE = ("为帮助农户种好春茶，白石县农\n"
        "业农村局组织农技专家走进茶园，手\n"
        "把手传授修剪和施肥技术。\n"
        "记者在双河村看到，专家们一边\n"
        "示范一边讲解，村民们围在一旁认真\n"
        "听，不时提出问题。\n"
        "田间课堂\n"
        "助农增收\n"
        "专家们\n"
        "还在村部开\n"
        "设了田间课\n"
        "堂，围绕病\n"
        "虫害防治、\n"
        "茶叶采摘和\n"
        "加工等内容\n"
        "集中授课，\n"
        "并发放技术\n"
        "手册，村民们纷纷表示学到了真本\n"
        "事，今年的茶叶一定能卖出好价钱。\n"
        "下一步，该县将继续组织专家下\n"
        "乡，让更多农户掌握实用技术。\n"
        "（罗 青）\n"
        "白石县：农技专家走进田间\n")
SIDE_EXPECTED = [("白石县：农技专家走进田间", ["田间课堂 助农增收"], ["罗青"], [
    "为帮助农户种好春茶，白石县农业农村局组织农技专家走进茶园，手把手传授修剪和施肥技术。",
    "记者在双河村看到，专家们一边示范一边讲解，村民们围在一旁认真听，不时提出问题。",
    ("专家们还在村部开设了田间课堂，围绕病虫害防治、茶叶采摘和加工等内容集中授课，并发放技术手册，"
     "村民们纷纷表示学到了真本事，今年的茶叶一定能卖出好价钱。"),
    "下一步，该县将继续组织专家下乡，让更多农户掌握实用技术。"])]


def seed_form(dense: str) -> str:
    """The page as the seed's extractor gives it: a blank line after every printed line, the
    subhead's second line glued to its first."""
    out = dense.replace("\n", "\n\n").replace("田间课堂\n\n", "田间课堂\n")
    return " " + out.rstrip("\n") + "\n"


def test_a_subhead_before_a_side_column_is_not_the_column():
    assert fields(" " + SIDE) == SIDE_EXPECTED
    assert fields(seed_form(SIDE)) == SIDE_EXPECTED


# On the seed's form a single newline glues a line to the one before: a subhead's second line,
# or the next text block following a headline directly.  A name there (``罗青松``: an author
# line of one unspaced name) after a headline, which a byline before it marks as one, opens the
# next article: it is no second line of the headline.
GLUED_AUTHOR = ("记者在双河村看到，专家们一边\n\n"
                "示范一边讲解，村民们围在一旁认真\n\n"
                "听，不时提出问题。下一步，该县将\n\n"
                "继续组织专家下乡，让更多农户掌握\n\n"
                "实用技术。\n\n"
                "（罗 青）\n\n"
                "白石县：农技专家走进田间\n"
                "罗青松\n\n"
                "为改善群众出行条件，白石县交\n\n"
                "通运输局今年新修和改造农村公路一\n\n"
                "批，打通了多条断头路，沿线的茶园、\n\n"
                "果园和村部都通了硬化路。记者在双\n\n"
                "河村看到，新修的公路平整宽阔，路\n\n"
                "边装上了护栏和路灯。\n\n"
                "农村公路通到家门口\n")


def test_an_author_line_glued_under_a_headline_opens_the_next_article():
    assert fields(GLUED_AUTHOR) == [
        ("白石县：农技专家走进田间", [], ["罗青"],
         [("记者在双河村看到，专家们一边示范一边讲解，村民们围在一旁认真听，不时提出问题。"
          "下一步，该县将继续组织专家下乡，让更多农户掌握实用技术。")]),
        ("农村公路通到家门口", [], ["罗青松"],
         [("为改善群众出行条件，白石县交通运输局今年新修和改造农村公路一批，打通了多条断头路，"
          "沿线的茶园、果园和村部都通了硬化路。记者在双河村看到，新修的公路平整宽阔，"
          "路边装上了护栏和路灯。")])]


# A first line wrapped before a spaced number (``50.4， 惠及``: the extractor printed the space
# after its comma): set on the line before, the number would have taken its spaces too, so it did
# not fit even after the indent, and the short line is no subhead.
SPACED_HEAD = ("今年以来共投入\n"
               "50.4， 惠及沿线群众 15\n"
               "万人。新修的公路连起了村\n"
               "里的茶园和果园，村民卖茶\n"
               "再也不用肩挑背扛。\n")
SPACED_HEAD_TEXT = "今年以来共投入50.4，惠及沿线群众15万人。新修的公路连起了村里的茶园和果园，村民卖茶再也不用肩挑背扛。"


def test_a_spaced_number_does_not_fit_after_a_short_first_line():
    assert fields(LEAD + SPACED_HEAD + TAIL) == expected(SPACED_HEAD_TEXT)


# On a dense page a text block opens after a blank line with a leading space.  A line before it
# that ends no sentence is a headline when it follows a full sentence end and is too wide for an
# indented first line (a paragraph it went on would not stop before a new block) ...
FULL_END = ("下一步，该县将继续完\n"
            "善路网，加强公路养护，让\n"
            "群众出行更加便捷和安全。\n")
FULL_END_TEXT = "下一步，该县将继续完善路网，加强公路养护，让群众出行更加便捷和安全。"
NEXT_ARTICLE = ("加工厂，收购鲜叶的价格比\n"
                "往年高了一成。\n"
                "（李 明）\n"
                "茶叶卖出好价钱\n")
NEXT_TEXT = "茶叶合作社今年新建了加工厂，收购鲜叶的价格比往年高了一成。"


def test_a_wide_line_before_a_new_block_is_a_headline():
    page = LEAD + FULL_END + "白石县修通农村致富公路\n\n 茶叶合作社今年新建了\n" + NEXT_ARTICLE
    assert fields(page) == [
        ("白石县修通农村致富公路", [], [], [FIRST, SECOND, FULL_END_TEXT]),
        ("茶叶卖出好价钱", [], ["李明"], [NEXT_TEXT])]


# ... and a shorter one stays a headline although the block's first line wrapped early before a
# long number (read alone, that line continues the one before it; a new block does not).
def test_a_block_wrapped_before_a_number_does_not_continue_a_headline():
    page = (LEAD + FULL_END + "白石县修通村致富路\n\n"
            " 今年以来，累计投入\n"
            "4184.90万元，惠及群众9万\n"
            "人。新修的公路连起了村里\n"
            "的茶园和果园。\n"
            "（李 明）\n"
            "茶叶卖出好价钱\n")
    assert fields(page) == [
        ("白石县修通村致富路", [], [], [FIRST, SECOND, FULL_END_TEXT]),
        ("茶叶卖出好价钱", [], ["李明"],
         ["今年以来，累计投入4184.90万元，惠及群众9万人。新修的公路连起了村里的茶园和果园。"])]


# A page that prints a space after the comma closing a spaced number (``375， 惠及``) sets a
# quarter em around every Latin run, at a line's edges too, where none is printed: a line opening
# and ending with a run (``56.7 万元，增长了 19%。``) took half a character more than its
# characters, so the next line's first character did not fit and the sentence end on it does not
# end the paragraph.  On a page that prints no such space the same line is a paragraph's end.
EDGES = ("今年全县累计投入资金\n"
         "56.7 万元，增长了 19%。\n"
         "新修的公路连起了村里的茶\n"
         "园和果园。\n")
EDGES_FIRST = "今年全县累计投入资金56.7万元，增长了19%。"
EDGES_REST = "新修的公路连起了村里的茶园和果园。"


def test_runs_at_line_edges_take_their_spaces_where_the_page_sets_them_always():
    assert fields(LEAD + SPACED_END + EDGES + TAIL) == [
        ("白石县：农村公路通到家门口", [], ["罗青"],
         [FIRST, SECOND, SPACED_END_TEXT, EDGES_FIRST + EDGES_REST, LAST])]


def test_runs_at_line_edges_take_no_room_where_the_page_sets_spaces_between():
    between = SPACED_END.replace("375， 惠及", "375，惠及")  # (its first sentence now ends short)
    first, rest = SPACED_END_TEXT.split("。", 1)
    assert fields(LEAD + between + EDGES + TAIL) == [
        ("白石县：农村公路通到家门口", [], ["罗青"],
         [FIRST, SECOND, first + "。", rest, EDGES_FIRST, EDGES_REST, LAST])]


# On a grid page the column is exact: a line after a paragraph's end that leaves room for the
# next line's first character even as an indented first line is no first line but a subhead,
# also when the line after it wrapped early before a long number (so that, read alone, it seems
# to continue the subhead).
def test_a_subhead_with_room_for_the_next_character_on_a_grid_page():
    page = (LEAD + "聚焦短板，精准发力\n"
            "今年以来，累计投入\n"
            "4184.90万元，惠及群众9万\n"
            "人。新修的公路连起了村里\n"
            "的茶园和果园。\n" + TAIL)
    assert fields(page) == [
        ("白石县：农村公路通到家门口", ["聚焦短板，精准发力"], ["罗青"], [
            FIRST, SECOND,
            "今年以来，累计投入4184.90万元，惠及群众9万人。新修的公路连起了村里的茶园和果园。",
            LAST])]


# On a page that sets spaces around every Latin run (``375， 惠及``), a number opening a
# justified line after a line of spaced text would have taken its spaces on that line too:
# ``截至 10 月底，全县`` had no room for ``112`` with them, so it is a first line, not a subhead.
RUN_HEAD = ("截至 10 月底，全县\n"
            "112 个， 投 入 资 金 9 万 元，\n"
            "同比增长 5.8%。\n")
RUN_HEAD_TEXT = "截至10月底，全县112个，投入资金9万元，同比增长5.8%。"


def test_a_number_opening_a_justified_line_takes_its_spaces():
    assert fields(LEAD + SPACED_END + RUN_HEAD + TAIL) == [
        ("白石县：农村公路通到家门口", [], ["罗青"],
         [FIRST, SECOND, SPACED_END_TEXT, RUN_HEAD_TEXT, LAST])]


# After a byline comes the closed article's headline or the next article's first line.
CLOSED = ("下一步，该县将继续完\n"
          "善路网，加强公路养护，让\n"
          "群众出行更加便捷。\n"
          "（罗 青）\n")
NEXT_TAIL = ("（李 明）\n"
             "白石县：\n"
             "农村公路通到家门口\n")


# On a grid page a line there with room for the next line's first character even as an indented
# first line is the headline, although a segmenter reads a word across the break (网|下一步 as
# 网下).
def test_a_headline_with_room_on_a_grid_page_whatever_the_segmenter_reads():
    page = (LEAD + CLOSED + "县里织密基层治理网\n"
            "下一步，该县将继续完\n"
            "善调解机制，把矛盾化解在\n"
            "村里。\n" + NEXT_TAIL)
    assert fields(page) == [
        ("县里织密基层治理网", [], ["罗青"], [FIRST, SECOND, LAST]),
        ("白石县：农村公路通到家门口", [], ["李明"], ["下一步，该县将继续完善调解机制，把矛盾化解在村里。"])]


# A justified line was spread because the next unit did not fit; when that unit would have
# fitted in a whole line, the line had only an indented first line's room: it opens the next
# article, and the line before it is the closed article's headline.
def test_a_justified_first_line_after_a_headline():
    page = (LEAD + CLOSED + "白石县答好民生实事卷\n"
            "“大 家 心 里 都 有 一 本\n"
            "账，日子一年比一年好。”\n" + NEXT_TAIL)
    assert fields(page) == [
        ("白石县答好民生实事卷", [], ["罗青"], [FIRST, SECOND, LAST]),
        ("白石县：农村公路通到家门口", [], ["李明"], ["“大家心里都有一本账，日子一年比一年好。”"])]


# A line opening with a number printed against an ideograph without a space (``2021年以来``) is
# not spaced text, so its paragraph is not the spaced one before it: its number is not charged
# the spaces that paragraph sets, and the line before, which had room for it, ends a paragraph.
def test_an_unspaced_number_after_spaced_text_takes_no_spaces():
    page = (LEAD + SPACED_END + "全县覆盖率已经达到\n"
            "91.5%， 群众都满意。\n"
            "2021年以来，县里投\n"
            "7918.41万元，修路9公里。\n" + TAIL)
    assert fields(page) == [
        ("白石县：农村公路通到家门口", [], ["罗青"], [
            FIRST, SECOND, SPACED_END_TEXT, "全县覆盖率已经达到91.5%，群众都满意。",
            "2021年以来，县里投7918.41万元，修路9公里。", LAST])]


# A headline before a new text block opening with an author line (on the seed's form glued to
# it by a single newline and set in: `` 张 超``) ends at a word boundary whatever a segmenter reads
# across the break (奋进曲|张超 as 曲张).
def test_no_word_runs_on_into_an_author_line():
    dense = (LEAD + "下一步，该县将继续完\n"
             "善路网，加强公路养护，让\n"
             "群众出行更加便捷。\n"
             "白石县奏响乡村振兴奋进曲\n"
             " 张 超\n"
             "茶叶合作社今年新建了\n" + NEXT_ARTICLE.split("（")[0] + "茶叶卖出好价钱\n")
    page = dense.replace("\n", "\n\n").replace("奋进曲\n\n", "奋进曲\n")
    assert fields(page) == [
        ("白石县奏响乡村振兴奋进曲", [], [], [FIRST, SECOND, LAST]),
        ("茶叶卖出好价钱", [], ["张超"], [NEXT_TEXT])]
