"""spaceless_candidates: the lines detect_format asks furniture_kind about (issue 16)."""

from helpers.formats.furniture import furniture_kind, spaceless_candidates

# Furniture of each menus-only rule and of the page rules, spaceless as detect_format reads it.
FURNITURE = [
    "第A02版：要闻",
    "上一篇下一篇",
    "首页>新闻>本地",
    "要闻|时政|经济|社会|文化|体育",
    "字号：大中小",
    "相关新闻：",
    "版权所有：某市融媒体中心",
    "网站标识码1234567890",
    "本帖最后由某某于2015-4-13 00:37编辑",
    "• 0",  # a counter (208 0 read spaceless is 2080: a figure, as a table's cell is)
    "分享到：",
    "字(zì)號(hào)：",
    "icp备12345678号",  # the footer's ICP in any case
    "COPYRIGHT2020某某网",
    "合作熱線：0000-1234567",
    "關闭",
]
# Column text of a page: no sign of furniture, so no per-line check.
TEXT = ["今年以来，全县围绕产业", "发展目标，扎实推进各项", "工作落地见效，群众满意"]


def test_every_furniture_line_is_a_candidate() -> None:
    lines = ["".join(s.split()) for s in FURNITURE]
    assert all(furniture_kind(s) is not None for s in lines)  # the fixtures are furniture
    assert spaceless_candidates(lines) == list(range(len(lines)))


def test_column_text_is_no_candidate() -> None:
    assert spaceless_candidates(TEXT) == []
    assert spaceless_candidates([*TEXT, "上一版"]) == [3]
