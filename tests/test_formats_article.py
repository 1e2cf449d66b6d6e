"""One article as a site or a table cell gives it (``helpers.formats.article.read_article``), and
the dateline that opens a report (``helpers.formats.datelines``).

Every text is typed here, modelled on how county government sites, newspaper sites and e-paper
article pages print an article: title, header lines, page tools and navigation, paragraphs
indented with ideographic spaces or hard-wrapped, foot credits.  Places are real (the gazetteer
is), people and events invented.  Line numbers in the expectations are counted by hand.
"""

from __future__ import annotations

import pytest

from helpers.formats.article import HEADLINE_MAX, clean_text, read_article
from helpers.formats.datelines import DATELINE_MAX, find_dateline

COUNTY_SITE = """首页 > 新闻中心 > 乡镇动态
湘阴县鹤龙湖镇开展防溺水宣传活动
发布时间：2023-05-12 10:20  来源：湘阴县融媒体中心  作者：张三
【字体：大 中 小】 打印本页

　　5月10日，鹤龙湖镇组织志愿者走进辖区学校，开展防溺水安全宣传。
　　活动中，志愿者通过案例讲解、发放资料等方式，提醒学生不私自下水游泳。
　　据了解，今年以来该镇已开展此类活动12场，覆盖学生3000余人。

（责任编辑：王芳）
上一篇：湘阴县召开春季森林防火工作会议
下一篇：湘阴县举办农民丰收节
"""


def test_county_site_article():
    p = read_article(COUNTY_SITE)
    assert p.headline == "湘阴县鹤龙湖镇开展防溺水宣传活动"
    assert p.subheads == []
    assert p.paragraphs == [
        "5月10日，鹤龙湖镇组织志愿者走进辖区学校，开展防溺水安全宣传。",
        "活动中，志愿者通过案例讲解、发放资料等方式，提醒学生不私自下水游泳。",
        "据了解，今年以来该镇已开展此类活动12场，覆盖学生3000余人。",
    ]
    # header lines kept as printed (stripped), with their file lines
    assert p.header_lines == [
        (3, "发布时间：2023-05-12 10:20  来源：湘阴县融媒体中心  作者：张三"),
        (10, "（责任编辑：王芳）"),
    ]
    assert p.field_value("source") == "湘阴县融媒体中心"
    assert p.field_value("published") == "2023-05-12 10:20"
    assert p.field_values("author") == ["张三"]
    assert p.field_values("editor") == ["王芳"]
    assert p.furniture == [
        (1, "navigation", "首页 > 新闻中心 > 乡镇动态"),
        (4, "tools", "【字体：大 中 小】 打印本页"),
        (11, "navigation", "上一篇：湘阴县召开春季森林防火工作会议"),
        (12, "navigation", "下一篇：湘阴县举办农民丰收节"),
    ]
    assert p.lines == [2, 6, 7, 8]
    assert p.page is None


def test_every_printed_line_lands_in_one_place():
    p = read_article(COUNTY_SITE)
    printed = [n for n, line in enumerate(COUNTY_SITE.split("\n"), 1) if line.strip()]
    placed = p.lines + [n for n, _ in p.header_lines] + [n for n, _, _ in p.furniture]
    assert sorted(placed) == printed


NEWSPAPER_SITE = """湘阴县：农村公路提质改造全面完工
——记县交通运输局公路养护队
本报记者 刘晓明 通讯员 陈志强
　　本报讯 近日，湘阴县农村公路提质改造工程全面完工，新修道路四十余公里。
　　“路修好了，我们的果子运出去更方便了。”鹤龙湖镇果农周建国说。
"""


def test_newspaper_article_with_subtitle_and_byline():
    p = read_article(NEWSPAPER_SITE)
    assert p.headline == "湘阴县：农村公路提质改造全面完工"
    assert p.subheads == ["——记县交通运输局公路养护队"]  # the dash is printed, so kept
    assert p.header_lines == [(3, "本报记者 刘晓明 通讯员 陈志强")]
    assert p.field_values("author") == ["刘晓明 陈志强"]
    assert p.paragraphs[0] == "本报讯近日，湘阴县农村公路提质改造工程全面完工，新修道路四十余公里。"
    assert p.paragraphs[1].startswith("“路修好了")
    assert p.lines == [1, 2, 4, 5]


def test_subtitle_only_under_the_title():
    text = "湘阴县农村公路提质改造全面完工\n　　近日，工程全面完工。\n——记县交通运输局公路养护队\n"
    p = read_article(text)
    assert p.subheads == []
    assert p.paragraphs[-1] == "——记县交通运输局公路养护队"


def test_title_field_and_disclosure_block():
    text = """索引号：430624000/2023-01234    信息分类：工作动态
发布机构：湘阴县人民政府办公室    生成日期：2023-05-12
标题：湘阴县春季农业生产工作方案
文号：湘阴政办发〔2023〕5号
　　为做好今年春季农业生产工作，确保粮食稳产增收，制定本方案。
　　一、各乡镇要落实早稻种植面积。
"""
    p = read_article(text)
    assert p.headline == "湘阴县春季农业生产工作方案"
    # the label stays in the header, the title is the headline: every character once
    assert [line for _, line in p.header_lines] == [
        "索引号：430624000/2023-01234    信息分类：工作动态",
        "发布机构：湘阴县人民政府办公室    生成日期：2023-05-12",
        "标题：",
        "文号：湘阴政办发〔2023〕5号",
    ]
    assert p.field_value("source") == "湘阴县人民政府办公室"
    assert p.field_value("published") == "2023-05-12"
    assert p.paragraphs == ["为做好今年春季农业生产工作，确保粮食稳产增收，制定本方案。",
                            "一、各乡镇要落实早稻种植面积。"]
    assert p.lines == [3, 5, 6]


def test_body_never_starts_with_header_debris():
    # header lines in any order between the title and the body, a date line, tools
    text = """湘阴县召开防汛工作会议
2023年05月12日 星期五
来源：湘阴县人民政府网
作者：李晓红
浏览次数：1024
【打印】【关闭】
　　5月11日，湘阴县召开防汛工作会议，部署今年防汛工作。
"""
    p = read_article(text)
    assert p.headline == "湘阴县召开防汛工作会议"
    assert p.paragraphs == ["5月11日，湘阴县召开防汛工作会议，部署今年防汛工作。"]
    assert [n for n, _ in p.header_lines] == [2, 3, 4, 5]
    assert p.field_value("published") == "2023年05月12日 星期五"
    assert p.furniture == [(6, "tools", "【打印】【关闭】")]


def test_caption_is_not_the_headline():
    text = ("图为鹤龙湖镇志愿者向学生讲解防溺水知识\n"
            "　　5月10日，鹤龙湖镇组织志愿者走进辖区学校，开展防溺水安全宣传。\n")
    p = read_article(text)
    assert p.headline is None
    assert p.paragraphs == ["图为鹤龙湖镇志愿者向学生讲解防溺水知识",
                            "5月10日，鹤龙湖镇组织志愿者走进辖区学校，开展防溺水安全宣传。"]


def test_file_without_title():
    first = ("5月10日上午，湘阴县鹤龙湖镇组织三十余名志愿者走进辖区五所中小学校，"
             "通过案例讲解、发放资料和现场演示等方式开展防溺水安全宣传教育活动。")
    assert len(first) > HEADLINE_MAX
    p = read_article(first + "\n活动共发放宣传资料两千余份。\n")
    assert p.headline is None
    assert p.paragraphs == [first, "活动共发放宣传资料两千余份。"]
    # nor is a short first sentence a title
    p = read_article("近日，全县防汛工作会议召开。\n会议部署了今年的防汛工作。\n")
    assert p.headline is None
    assert len(p.paragraphs) == 2


def test_headline_given_makes_every_line_body():
    # a table's title cell: the text cell's short first line is not a second title
    p = read_article("全县春耕生产有序推进\n机耕面积已过半。", headline="全县春耕忙")
    assert p.headline == "全县春耕忙"
    assert p.paragraphs == ["全县春耕生产有序推进", "机耕面积已过半。"]
    assert p.lines == [1, 2]


def test_foot_credits_lifted():
    text = """湘阴县举办农民丰收节
　　9月23日，湘阴县在鹤龙湖镇举办农民丰收节。
来源：湖南日报
编辑：李四  审核：王五
"""
    p = read_article(text)
    assert p.paragraphs == ["9月23日，湘阴县在鹤龙湖镇举办农民丰收节。"]
    assert p.header_lines == [(3, "来源：湖南日报"), (4, "编辑：李四  审核：王五")]
    assert p.field_values("editor") == ["李四", "王五"]


def test_epaper_article_page():
    text = """湖南日报
第A02版：要闻
上一版  下一版
2023年09月06日 星期三
长沙县推进城乡供水一体化
　　湖南日报·新湖南客户端9月5日讯（记者 周海波 通讯员 谭晓）近日，长沙县城乡供水一体化工程通水。
　　工程覆盖全县十余个镇街，惠及群众约28. 1万人。
湖南日报
上一篇：浏阳市推进乡村振兴  下一篇：宁乡市开展植树活动
湖南日报
"""
    p = read_article(text, newspaper="湖南日报")
    assert p.headline == "长沙县推进城乡供水一体化"
    assert p.page == "A02"
    assert p.field_value("published") == "2023年09月06日 星期三"
    assert [(n, kind) for n, kind, _ in p.furniture] == [
        (1, "masthead"), (2, "edition"), (3, "navigation"), (8, "masthead"), (9, "navigation"),
        (10, "masthead")]
    assert p.paragraphs[1] == "工程覆盖全县十余个镇街，惠及群众约28.1万人。"


def test_navigation_bar_with_the_edition_gives_the_page():
    # the e-paper bar of the issue: edition, column, navigation on one line
    text = "第AA02版:时政新闻|上一版|下一版|||\n长沙县推进城乡供水一体化\n　　近日，工程通水。\n"
    p = read_article(text)
    assert p.furniture == [(1, "navigation", "第AA02版:时政新闻|上一版|下一版|||")]
    assert p.page == "AA02"
    assert p.headline == "长沙县推进城乡供水一体化"


# -- paragraphs ----------------------------------------------------------------------------------


def test_web_copy_one_paragraph_per_line():
    text = ("湘阴县召开防汛工作会议\n"
            "5月11日，湘阴县召开防汛工作会议。\n"
            "会议要求，各乡镇要压实责任。\n"
            "会议强调，要做好物资储备。\n"
            "县防汛办负责人参加会议。\n")
    p = read_article(text)
    assert len(p.paragraphs) == 4


HARD_WRAPPED = """全县秋粮收购工作启动
　　9月20日，全县秋粮收购工作全面启动。县粮食
购销公司在各乡镇设立收购点十二个，实行“一站
式”服务，方便群众就近售粮。
　　今年全县粮食种植面积稳中有增，预计总产量
较上年增长三个百分点，丰收已成定局。
"""


def test_hard_wrapped_lines_joined_by_indentation():
    p = read_article(HARD_WRAPPED)
    assert p.headline == "全县秋粮收购工作启动"
    assert p.paragraphs == [
        ("9月20日，全县秋粮收购工作全面启动。县粮食购销公司在各乡镇设立收购点十二个，"
         "实行“一站式”服务，方便群众就近售粮。"),
        "今年全县粮食种植面积稳中有增，预计总产量较上年增长三个百分点，丰收已成定局。",
    ]
    assert p.lines == [1, 2, 3, 4, 5, 6]


def test_hard_wrapped_line_ending_at_a_full_stop_runs_on():
    # the width fell right after 。 in the middle of an indented paragraph: the indentation,
    # not the full stop, marks where a paragraph starts
    text = """全县秋粮收购工作启动
　　9月20日，全县秋粮收购工作全面启动。县粮食
购销公司在各乡镇设立收购点，共十二个。
收购点实行“一站式”服务，方便群众就近售粮，
也减少了农户往返奔波的时间。
　　今年全县粮食种植面积稳中有增，预计总产量
较上年增长三个百分点，丰收已成定局。
"""
    p = read_article(text)
    assert len(p.paragraphs) == 2
    assert p.paragraphs[0].endswith("也减少了农户往返奔波的时间。")


def test_hard_wrapped_paragraphs_by_blank_lines():
    text = """全县秋粮收购工作启动

9月20日，全县秋粮收购工作全面启动。县粮食
购销公司在各乡镇设立收购点，共十二个。
收购点实行“一站式”服务，方便群众就近售粮。

今年全县粮食种植面积稳中有增，预计总产量
较上年增长三个百分点，丰收已成定局。
"""
    p = read_article(text)
    assert len(p.paragraphs) == 2
    assert p.paragraphs[1] == "今年全县粮食种植面积稳中有增，预计总产量较上年增长三个百分点，丰收已成定局。"


def test_ascii_punctuation_web_copy():
    # a web copy with ASCII punctuation: each line is a paragraph ending in "."
    text = ("湘阴县召开防汛工作会议\n"
            "来源:湘阴县人民政府网 作者:李晓红\n"
            "5月11日,湘阴县召开防汛工作会议.\n"
            "会议要求,各乡镇要压实责任,做好物资储备.\n"
            "会议强调,要加强值班值守.\n"
            "县防汛办负责人参加会议.\n")
    p = read_article(text)
    assert p.headline == "湘阴县召开防汛工作会议"
    assert p.field_value("source") == "湘阴县人民政府网"
    assert p.paragraphs == ["5月11日,湘阴县召开防汛工作会议.", "会议要求,各乡镇要压实责任,做好物资储备.",
                            "会议强调,要加强值班值守.", "县防汛办负责人参加会议."]


def test_crlf_and_cr_line_ends():
    text = COUNTY_SITE.replace("\n", "\r\n")
    assert read_article(text).paragraphs == read_article(COUNTY_SITE).paragraphs
    assert read_article(text).lines == [2, 6, 7, 8]


def test_empty_and_furniture_only_texts():
    assert read_article("").lines == []
    p = read_article("上一版  下一版\n\n【打印】【关闭】\n")
    assert p.headline is None and p.paragraphs == [] and p.lines == []
    assert [n for n, _, _ in p.furniture] == [1, 3]


# -- clean_text ----------------------------------------------------------------------------------


@pytest.mark.parametrize("printed, clean", [
    ("　　全县粮食增产。", "全县粮食增产。"),
    ("同比增长28. 1%", "同比增长28.1%"),
    ("同比增长 28.1 %，", "同比增长28.1%，"),
    ("全 县 粮 食", "全县粮食"),
    ("GDP 增长", "GDP增长"),
    ("the Belt and Road Initiative", "the Belt and Road Initiative"),  # Latin words keep spaces
])
def test_clean_text(printed, clean):
    assert clean_text(printed) == clean


# -- datelines -----------------------------------------------------------------------------------


@pytest.mark.parametrize("text, dateline", [
    ("本报讯（记者 张三）近日，湘阴县召开会议。", "本报讯"),
    ("本报湘阴讯 近日，湘阴县召开会议。", "本报湘阴讯"),
    ("新华社长沙9月5日电 近日，湖南省召开会议。", "新华社长沙9月5日电"),
    ("湖南日报·新湖南客户端9月5日讯（记者 李四）近日", "湖南日报·新湖南客户端9月5日讯"),
    ("新华网湖南频道长沙9月5日专电 近日", "新华网湖南频道长沙9月5日专电"),
    ("  本报讯 近日", "本报讯"),
    ("近日，湘阴县召开会议。", None),
    ("9月5日，湘阴县召开会议。", None),  # a date opening the text is no dateline
    ("湘阴县召开会议，本报讯员到场。", None),  # only at the start
])
def test_find_dateline(text, dateline):
    assert find_dateline(text) == dateline


def test_dateline_length_bound():
    long = "某" * DATELINE_MAX + "9月5日电 近日"
    assert find_dateline(long) is None


# --- the title group, e-paper article pages, official documents, foot debris ------------------

EPAPER_ARTICLE_PAGE = """第A03版：县域经济 上一版  下一版
版面导航
第A01版
要闻
第A02版
综合
标题导航
首页 | 版面导航 | 标题导航
桃源县茶叶产业综合产值突破30亿元
冬修水利正当时
2023年12月05日 星期二
上一篇  下一篇 放大+ 缩小- 默认
产业振兴
桃源县茶叶产业综合产值突破30亿元

  本报讯（记者 周小红）12月4日，记者从桃源县农业农村局获悉，今年全县茶叶产业综合产值突破30亿元。
  近年来，该县建成标准化茶园基地12万亩，带动茶农增收。
"""


def test_epaper_article_page_lists_are_navigation_and_the_kicker_a_subhead():
    """The page list and the title list above the article are furniture; of the title group
    (引题 产业振兴, then the title), the line the title list prints is the headline."""
    p = read_article(EPAPER_ARTICLE_PAGE)
    assert p.headline == "桃源县茶叶产业综合产值突破30亿元"
    assert p.subheads == ["产业振兴"]
    assert p.page == "A03"
    kinds = {n: kind for n, kind, _ in p.furniture}
    assert kinds[1] == "navigation" and kinds[3] == "edition"
    assert kinds[4] == "navigation" and kinds[9] == "navigation"  # 要闻, the listed title
    assert kinds[12] == "navigation"  # 上一篇 下一篇 with the zoom tools
    assert p.paragraphs[0].startswith("本报讯（记者周小红）12月4日")
    assert [line for _, line in p.header_lines] == ["2023年12月05日 星期二"]


def test_title_with_a_long_subtitle_keeps_the_first_line():
    """A first line a little over half the second is the title; the second its 副题."""
    p = read_article("县政府常务会议召开\n\n研究部署冬春农田水利建设等工作\n\n"
                     "12月4日，县长主持召开县政府常务会议，研究部署有关工作。\n")
    assert p.headline == "县政府常务会议召开"
    assert p.subheads == ["研究部署冬春农田水利建设等工作"]


def test_document_title_over_two_lines_is_one_headline():
    p = read_article("临澧县防汛抗旱指挥部\n关于做好2023年汛期安全防范工作的通知\n"
                     "各镇人民政府，县直各单位：\n为切实做好今年汛期安全防范工作，现将有关事项通知如下。\n")
    assert p.headline == "临澧县防汛抗旱指挥部关于做好2023年汛期安全防范工作的通知"
    assert p.subheads == []
    assert p.paragraphs[0] == "各镇人民政府，县直各单位："


def test_document_title_split_inside_its_matter():
    p = read_article("第12期\n关于对全县农村人居环境整治\n工作进展情况的通报\n"
                     "11月20日至22日，县督查组对各乡镇工作进展进行了督查。\n")
    assert p.headline == "关于对全县农村人居环境整治工作进展情况的通报"
    assert p.subheads == ["第12期"]


def test_shared_indentation_means_nothing_and_a_title_may_end_with_an_exclamation():
    p = read_article("    守护碧水蓝天！秸秆禁烧我们在行动！\n\n"
                     "    连日来，全县各乡镇组织干部深入田间地头宣传秸秆禁烧政策。\n"
                     "    截至目前，共发放宣传资料5000余份。\n")
    assert p.headline == "守护碧水蓝天！秸秆禁烧我们在行动！"
    assert len(p.paragraphs) == 2


def test_comment_boxes_are_tools_and_a_bare_name_at_the_foot_is_the_byline():
    p = read_article("临湘市开展安全生产大检查\n\n"
                     "　　近日，临湘市组织开展安全生产大检查，排查整改隐患36处。\n\n"
                     "（周 敏）\n\n评论一下\n评论 0人参与，0条评论\n还没有评论，快来抢沙发吧！\n")
    assert p.paragraphs == ["近日，临湘市组织开展安全生产大检查，排查整改隐患36处。"]
    assert [line for _, line in p.header_lines] == ["（周 敏）"]
    assert p.field_values("author") == ["周敏"]
    assert [kind for _, kind, _ in p.furniture] == ["tools", "tools", "tools"]


def test_words_in_parentheses_at_the_foot_are_no_byline():
    p = read_article("临湘市开展安全生产大检查\n\n近日，临湘市组织开展安全生产大检查。\n（待续）\n")
    assert p.paragraphs[-1] == "（待续）"
    assert p.header_lines == []


ARCHIVE_RECORD = """返回概览 <<上一记录 下一记录>> 打印预览 下载记录


【日期】= 2003.05.16
【期号】= 318
【标题】= 白沙镇里谈发展
【版次】= 02
【版名】=
【作者】= 陈晓梅
【专栏】=
【正文】=

白沙镇里谈发展

陈晓梅  (2003.05.16)

   白沙镇里谈发展
    本报记者 陈晓梅
    5月14日上午，白沙镇党委会议室里，一场现场办公会正在进行。
    镇里今年新修村道12公里。
"""


def test_newspaper_archive_record():
    """A record of a newspaper archive: 【标题】= fields, the title printed again, an author line
    with the date in brackets; every field read, nothing of it in the body."""
    p = read_article(ARCHIVE_RECORD)
    assert p.headline == "白沙镇里谈发展"
    assert p.field_value("published") == "2003.05.16"
    assert p.field_value("page") == "02"
    assert p.field_values("author") == ["陈晓梅", "陈晓梅", "陈晓梅"]
    assert p.paragraphs == ["5月14日上午，白沙镇党委会议室里，一场现场办公会正在进行。",
                            "镇里今年新修村道12公里。"]
    kinds = [kind for _, kind, _ in p.furniture]
    assert kinds.count("repeat") == 1 and kinds.count("navigation") == 1


def test_breadcrumb_without_home_page():
    p = read_article("您当前的位置 : 某某在线 > 某县新闻网 > 时政新闻\n\n县政府召开常务会议\n\n"
                     "　　3日上午，县政府召开常务会议，研究部署近期重点工作。\n")
    assert p.headline == "县政府召开常务会议"
    assert [kind for _, kind, _ in p.furniture] == ["navigation"]


def test_forum_post_copy():
    """A post copied from a local forum: counters and buttons, the poster's line, login tools."""
    p = read_article("• 0\n\n某县高新区召开党工委扩大会议\n\n"
                     "山间明月 发表于 2023-11-6 09:13:50 | 显示全部楼层 |阅读模式\n208 0\n\n"
                     "马上登录，结交更多好友，享用更多功能\n\nx\n"
                     "11月5日，某县高新区党工委召开扩大会议，部署近期重点工作。\n")
    assert p.headline == "某县高新区召开党工委扩大会议"
    assert p.field_value("published") == "2023-11-6 09:13:50"
    assert p.paragraphs == ["11月5日，某县高新区党工委召开扩大会议，部署近期重点工作。"]
    assert [kind for _, kind, _ in p.furniture] == ["tools", "tools", "tools", "tools"]


def test_site_menu_above_the_title_and_an_image_name_below_the_header():
    lines = [
        "首页 要闻 时评 党建 市情 文化 法治 原创 视频 文件 新闻 政务 旅游 生态 体育 专题 图片 融媒  某某省人民政府网",
        "",
        "您当前的位置 : 某某新闻网 图说某某",
        "牧区草场管护站长的二十年",
        "来源:某某日报",
        "发布时间:2024-09-02 08:40:11",
        "wechat_2024-09-02_040000_101",
        "",
        "  某某新闻网讯 站长张某正弯腰查看草情。",
    ]
    parsed = read_article("\n".join(lines))
    assert parsed.headline == "牧区草场管护站长的二十年"
    assert parsed.subheads == []
    assert [k for _, k, _ in parsed.furniture] == ["navigation", "navigation", "credit"]


def test_time_stamp_line_is_a_header_not_the_title_and_trailing_bars_are_layout():
    lines = [
        "某县开展送法下乡活动-某某网",
        "某某网 > 时政 > 正文",
        "2024 11/03 07:15:09",
        "来源:某某日报",
        "某县开展送法下乡活动 |",
        "",
        "  11月2日，某县司法局在集镇开展送法下乡。",
    ]
    parsed = read_article("\n".join(lines))
    assert parsed.headline == "某县开展送法下乡活动"
    assert "2024 11/03 07:15:09" in [line for _, line in parsed.header_lines]
