"""The readers' shortcuts (issue 16) give what the longer ways they skip gave.  All text here is
written for these tests."""

from __future__ import annotations

import bisect
import random
import re

from helpers.layout.classify import _estimate_joined, _on_grid, estimate_columns
from helpers.layout.lines import (
    NAME_LINE_MAX_CHARS,
    Line,
    _name_line,
    count_classes,
    count_page_classes,
    is_name_line,
    read_lines,
)
from helpers.layout.thresholds import (
    COLUMN_DROP_RATIO,
    COLUMN_FLOOR_MARGIN,
    COLUMN_MIN_WIDTH,
    COLUMN_RADIUS,
    MAIN_COLUMN_QUANTILE,
)
from helpers.text.decoding import _CONTROL_BYTE_VALUES, _CONTROL_BYTES, normalize_text

SENTINEL = "\ue000"


def test_name_line_bound_agrees_with_the_full_test() -> None:
    page = ("刘 波 陈志强\n\n"  # names
            "欧阳晓明 司马光明 诸葛明亮 上官婉儿\n\n"  # four names of four: at the bound
            "欧阳晓明 司马光明 诸葛明亮 上官婉儿 王\n\n"  # one character over it
            "王 芳 李 强 赵 敏 孙 丽 周 杰\n\n"  # five two-character names
            "县农业农村局召开全县春耕生产调度会议部署相关工作\n\n"
            "程 昕")
    lines = read_lines(page, SENTINEL)
    assert [is_name_line(ln) for ln in lines] == [_name_line(ln) for ln in lines]
    assert [is_name_line(ln) for ln in lines] == [True, True, False, False, False, True]
    assert len(lines[1].plain) == NAME_LINE_MAX_CHARS


def test_name_line_bound_on_random_name_lines() -> None:
    rng = random.Random(7)
    chars = "王李张刘陈杨黄赵周吴徐孙马朱胡郭何高林罗"
    for _ in range(300):
        tokens = ["".join(rng.choices(chars, k=rng.randint(1, 5)))
                  for _ in range(rng.randint(1, 9))]
        (ln,) = read_lines(" ".join(tokens), SENTINEL)
        assert is_name_line(ln) == _name_line(ln), tokens


def _columns_by_bisection(lines: list[Line]) -> list[tuple[float, float]]:
    """(col_before, col) of every line as ``estimate_columns`` found them before its walk kept
    the window ends (four bisections per line): the reference the walk must agree with."""
    cand = [i for i, ln in enumerate(lines) if ln.kind == "body" and ln.byline is None
            and ln.width >= COLUMN_MIN_WIDTH and not ln.justified]
    widths = sorted(lines[i].width for i in cand)
    glob = widths[int(MAIN_COLUMN_QUANTILE * len(widths))] if widths else 0.0
    stops = [i for i, ln in enumerate(lines) if ln.byline_only or ln.block]
    cand_width = [lines[k].width for k in cand]
    floor, n, out = glob - COLUMN_FLOOR_MARGIN, len(lines), []
    for i, ln in enumerate(lines):
        if ln.kind == "side":
            out.append((ln.col, ln.col))
            continue
        at = bisect.bisect_left(cand, i)
        s_at = bisect.bisect_right(stops, i)
        lo = stops[s_at - 1] if s_at else -1
        hi = stops[s_at] if s_at < len(stops) else n
        before = cand_width[max(at - COLUMN_RADIUS, 0, bisect.bisect_left(cand, lo)):at]
        first = at + 1 if at < len(cand) and cand[at] == i else at
        after = cand_width[first:min(first + COLUMN_RADIUS, bisect.bisect_left(cand, hi))]
        est_b, est_a = _estimate_joined(before), _estimate_joined(after)
        if est_b is None:
            est_b = est_a if est_a is not None else _estimate_joined(before + after)
            if est_b is None:
                est_b = glob
        if est_a is None or est_a < COLUMN_DROP_RATIO * est_b:
            est_a = est_b
        out.append((_on_grid(max(est_b, floor), ln.ceiling), _on_grid(max(est_a, floor),
                                                                        ln.ceiling)))
    return out


def test_column_walk_agrees_with_bisection() -> None:
    rng = random.Random(3)
    for _ in range(40):
        parts = []
        for _ in range(rng.randint(1, 40)):
            text = "县" * rng.randint(2, 19) + rng.choice(["", "", "。", "，"])
            lead = "  " if rng.random() < 0.1 else ""  # a text block's first line
            byline = "（刘 波）" if rng.random() < 0.05 else ""
            parts.append(lead + text + byline + rng.choice(["\n\n", "\n\n", "\n"]))
        lines = read_lines("".join(parts), SENTINEL)
        for ln in lines:
            if rng.random() < 0.05:
                ln.kind, ln.col = "side", 9.0
        expected = _columns_by_bisection(lines)
        estimate_columns(lines)
        assert [(ln.col_before, ln.col) for ln in lines] == expected


def test_control_bytes_counted_by_deletion() -> None:
    every = bytes(range(256))
    assert len(every) - len(every.translate(None, _CONTROL_BYTE_VALUES)) == len(
        _CONTROL_BYTES.findall(every)) == 9 + 18 + 1  # 00-08, 0e-1f, 7f
    rng = random.Random(11)
    for _ in range(200):
        data = bytes(rng.choices(range(256), k=rng.randint(0, 80)))
        assert len(data) - len(data.translate(None, _CONTROL_BYTE_VALUES)) == len(
            _CONTROL_BYTES.findall(data))


def test_normalize_without_numeric_signs_is_unchanged() -> None:
    assert normalize_text("增长２８．１％，达到１２／３０") == "增长28.1%，达到12/30"
    assert normalize_text("全年增长三成．／－") == "全年增长三成．／－"  # no digit: signs stay
    assert normalize_text("温度－３度") == "温度-3度"
    plain = "全县今年新建道路十二公里，惠及群众。\n"
    assert normalize_text(plain) is not None and normalize_text(plain) == plain
    assert re.search("[．／－]", normalize_text("１．５ １／２ －３")) is None


def test_page_class_counts_are_each_lines_counts() -> None:
    written = ["全县今年新建道路12.5公里，", "“乡村振兴”—", "GDP增长3%…", "", "·α°Ω┌"]
    assert count_page_classes(written) == [count_classes(t) for t in written]
    assert count_page_classes(["增长3%，"]) == [(2, 2, 1)]  # 增长 wide, 3% narrow, ，a mark
    assert count_page_classes([]) == []
    rng = random.Random(5)
    pools = [(0x00, 0x7E), (0x80, 0x2E7F), (0x2E80, 0xD7FF), (0xE000, 0xFFFF), (0x10000, 0x10FFF)]
    for _ in range(500):
        texts = []
        for _ in range(rng.randint(1, 5)):
            chars = [chr(rng.randint(*rng.choice(pools))) for _ in range(rng.randint(0, 15))]
            texts.append("".join("".join(chars).split()))  # (a page's lines hold no whitespace)
        assert count_page_classes(texts) == [count_classes(t) for t in texts], texts
