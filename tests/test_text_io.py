"""Raw page decoding and normalization (``helpers.text``): encodings, layout kept, clear errors.

Encoded fixtures are written to ``tmp_path`` from strings typed here in the style of the
e-paper pages (justification spaces, a blank line after every printed line, bylines in
full-width parentheses); the seed page is used too when it is on disk.
"""

from __future__ import annotations

import codecs
import os
import pickle
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.text import CorpusError, decode_bytes, normalize_text, read_page

SEED_NAME = "000_ae97290bc4d96e06.txt"
SEED = Path(__file__).parent / "fixtures" / "seed" / SEED_NAME  # the tests' copy, never the user's corpus

# Deterministic property tests: the same examples on every run, no example database.
PROPERTY = settings(database=None, derandomize=True, max_examples=300, deadline=None)

PAGE = (
    " “党员干部带头干，群众跟着干，村里\n"
    "\n"
    "的路越修越宽了！”\n"
    "\n"
    "今 年 7 月 ，洞 口 县 湘 木 豪 庭 新 材 料 有\n"
    "\n"
    "限公司通过专家评审，全县消费品抽\n"
    "\n"
    "检合格率达 98.6%，较上年提高 1.2 个\n"
    "\n"
    "百 分 点 ，群 众 满 意 度 稳 步 提 升 。\n"
    "\n"
    "强化源头治理\n"
    "夯实基层基础\n"
    "\n"
    "近年来，该县累计投入资金 2.3 亿元，\n"
    "\n"
    "新建改建农村公路 126 公里，“一站式”\n"
    "\n"
    "服务覆盖全部乡镇·街道。\n"
    "\n"
    "（刘 波 肖 薇 陈志强）\n"
    "\n"
    "洞口县：小切口推动大治理\n"
    "\n"
    "\n"
)


def _encode(text: str, encoding: str) -> bytes:
    """``text`` in ``encoding``; the BOM-marked UTF-16 variants are spelled out."""
    if encoding == "utf-16-le-bom":
        return codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    if encoding == "utf-16-be-bom":
        return codecs.BOM_UTF16_BE + text.encode("utf-16-be")
    return text.encode(encoding)


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


# --- round trips: every supported encoding gives back the page exactly ---

ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le-bom", "utf-16-be-bom", "gb18030", "gbk"]


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_seed_page_round_trips(tmp_path: Path, encoding: str) -> None:
    seed = _seed_text()
    try:
        data = _encode(seed, encoding)
    except UnicodeEncodeError:
        pytest.skip(f"seed page has characters outside {encoding}")
    path = _write(tmp_path, f"seed.{encoding}.txt", data)
    assert read_page(path) == seed


@pytest.mark.parametrize("encoding", [*ENCODINGS, "utf-16-le", "utf-16-be", "utf-32"])
def test_hand_page_round_trips(tmp_path: Path, encoding: str) -> None:
    # utf-16-le/-be: no BOM, recognized by the NUL bytes of ASCII characters at one parity.
    path = _write(tmp_path, "page.txt", _encode(PAGE, encoding))
    text = read_page(path)
    assert text == PAGE
    assert text.count("\n") == PAGE.count("\n")


def test_seed_layout_is_already_normal() -> None:
    seed = _seed_text()
    assert normalize_text(seed) == seed
    assert "\n\n" in seed and " ，" in seed  # blank lines and justification spaces exist


SHORT_GBK = [
    "洞口",
    "县",
    "质量",
    "激励。",
    "一",  # D2 BB: also valid UTF-8 (Cyrillic һ)
    "路",  # C2 B7: also valid UTF-8 (·)
    "陆路",  # C2 BD C2 B7: also valid UTF-8 (½·)
    "么",  # C3 B4: also valid UTF-8 (ô)
    "犇",  # GBK extension character, detectors guess Big5
    "（王堃 李喆）",
    "（刘 波 肖 薇 陈志强）",
    "今 年 7 月 ，洞 口 县 湘 木 豪 庭 新 材 料 有",
    "获 2018 年 度 国 务 院",
]


@pytest.mark.parametrize("encoding", ["gbk", "gb18030"])
@pytest.mark.parametrize("text", SHORT_GBK)
def test_short_gbk_strings_decode_as_gbk(text: str, encoding: str) -> None:
    assert decode_bytes(text.encode(encoding)) == text


def test_short_gbk_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "short.txt", "（刘 波 肖 薇 陈志强）\n".encode("gbk"))
    assert read_page(path) == "（刘 波 肖 薇 陈志强）\n"


def test_every_gb2312_hanzi_alone_decodes_as_itself() -> None:
    hanzi = [chr(cp) for cp in range(0x4E00, 0xA000)]
    common = [ch for ch in hanzi if ch.encode("gb2312", errors="ignore")]
    assert len(common) == 6763
    wrong = [ch for ch in common if decode_bytes(ch.encode("gbk")) != ch]
    assert wrong == []


def test_gb18030_four_byte_characters() -> None:
    text = "（刘䶮 陈𠮷）"  # extension A and B ideographs: four bytes each in GB18030
    assert decode_bytes(text.encode("gb18030")) == text


def test_big5_page_is_read_through_the_detector() -> None:
    text = (
        "今 年 七 月 ，洞 口 縣 湘 木 豪 庭 新 材 料 有\n\n限公司在縣質量基礎「一站式」服務平\n\n"
        "臺的指導下，順利通過了專家評審，其\n\n豪庭牌竹木纖維牆板獲得了「中國綠\n\n"
        "色產品」和「兒童安全級產品」雙認證。\n\n（劉 波 肖 薇）\n"
    )
    assert decode_bytes(text.encode("big5")) == text


@pytest.mark.parametrize(
    "text",
    ["Café crème brûlée", "25°C", "© 2021 Hunan Daily", "Привет мир", "a·b"],
)
def test_utf8_latin_and_cyrillic_stay_utf8(text: str) -> None:
    assert decode_bytes(text.encode("utf-8")) == text


def test_bom_is_stripped_and_zero_width_removed(tmp_path: Path) -> None:
    path = _write(tmp_path, "bom.txt", "\ufeff洞口\u200b县\n".encode())
    assert read_page(path) == "洞口县\n"


def test_form_feed_page_break_is_kept() -> None:
    assert decode_bytes("第一版\n\f第二版\n".encode()) == "第一版\n\f第二版\n"


# --- normalization ---


def test_crlf_and_cr_become_lf(tmp_path: Path) -> None:
    crlf = PAGE.replace("\n", "\r\n")
    assert read_page(_write(tmp_path, "crlf.txt", crlf.encode("gbk"))) == PAGE
    assert read_page(_write(tmp_path, "cr.txt", PAGE.replace("\n", "\r").encode())) == PAGE
    assert normalize_text("甲\r\n\r\n乙\r丙\n") == "甲\n\n乙\n丙\n"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("全县消费品抽检合格率达 ９８．６％，食", "全县消费品抽检合格率达 98.6%，食"),
        ("ＧＤＰ同比增长 ７．５％", "GDP同比增长 7.5%"),
        ("最低气温 －５℃", "最低气温 -5℃"),
        ("同比＋１２．３％", "同比+12.3%"),
        ("占比 ３／４", "占比 3/4"),
        ("评为 Ａ 级，ａｂｃ", "评为 A 级，abc"),
        ("１２：３０ 开始", "12：30 开始"),
        ("共 ３ 项．其中", "共 3 项．其中"),  # ． not between digits: kept
        ("第３．", "第3．"),
        ("甲－乙", "甲－乙"),  # － not before a digit: kept
        ("ａ／ｂ", "a／b"),  # ／ not between digits: kept
        ("ａ／１", "a／1"),
        ("约．５", "约．5"),
        ("１．２．３", "1.2.3"),
        ("\u3000\u3000近年来", "  近年来"),
        ("洞口\u00a0县", "洞口 县"),
        ("洞\u200b口\u200c县\u200d城\ufeff", "洞口县城"),
    ],
)
def test_normalize_examples(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


def test_chinese_punctuation_is_kept() -> None:
    punct = "，。、；：“”‘’（）《》！？·—…「」【】"
    assert normalize_text(punct) == punct
    between_digits = "1，2。3、4；5：6（7）8！9？0·1—2"
    assert normalize_text(between_digits) == between_digits


def test_layout_whitespace_is_kept() -> None:
    layout = "  首行缩进\n\n\n   行 内 空 格   \n\t制表\n\n"
    assert normalize_text(layout) == layout
    assert normalize_text(PAGE) == PAGE


_SPECIAL = "０１９．－／％＋ＡＺａｚ\u3000\u00a0\u200b\u200c\u200d\ufeff\r\n ，。·—1a"
_TEXTS = st.text(alphabet=st.one_of(st.sampled_from(_SPECIAL), st.characters()), max_size=60)
_ZERO_WIDTH = "\u200b\u200c\u200d\ufeff"


def _non_whitespace(text: str) -> int:
    return sum(1 for ch in text if not ch.isspace())


@PROPERTY
@given(_TEXTS)
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once


@PROPERTY
@given(_TEXTS)
def test_normalize_keeps_non_whitespace_count(text: str) -> None:
    zero_width = sum(text.count(ch) for ch in _ZERO_WIDTH)
    assert _non_whitespace(normalize_text(text)) == _non_whitespace(text) - zero_width


@PROPERTY
@given(_TEXTS)
def test_normalize_keeps_line_count(text: str) -> None:
    out = normalize_text(text)
    assert "\r" not in out
    assert out.count("\n") == text.count("\n") + text.count("\r") - text.count("\r\n")


# Everything normalize_text may touch: full-width digits and letters, signs, spaces, CR.
_MAPPED = (
    "".join(
        chr(cp) for cp in [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B)]
    )
    + "％＋．－／\u3000\u00a0\r"
    + _ZERO_WIDTH
)


@PROPERTY
@given(st.text(alphabet=st.characters(exclude_characters=_MAPPED)))
def test_normalize_leaves_other_text_alone(text: str) -> None:
    assert normalize_text(text) == text


_HANZI = "洞口县湘木豪庭新材料有限公司质量强县战略聚力高发展村民调解室矛盾堃喆犇菥"
_NEWS_LINES = st.lists(
    st.text(alphabet=_HANZI + "，。、“”（）《》0123456789 ", min_size=1, max_size=18),
    min_size=1,
    max_size=8,
).map(lambda lines: "，\n\n".join(lines) + "。\n")


@PROPERTY
@given(_NEWS_LINES, st.sampled_from(["utf-8", "gbk", "gb18030", "utf-16"]))
def test_newspaper_text_round_trips(text: str, encoding: str) -> None:
    assert decode_bytes(text.encode(encoding)) == text


@PROPERTY
@given(st.binary(max_size=200))
def test_arbitrary_bytes_decode_or_raise_corpus_error(data: bytes) -> None:
    try:
        text = decode_bytes(data, source="x.bin")
    except CorpusError as err:
        assert str(err).startswith("x.bin")
    else:
        assert text.strip()


# --- errors: one exception type, naming the file (and line) ---


def test_corpus_error_format_and_attributes() -> None:
    err = CorpusError("undecodable bytes", path=Path("pages/x.txt"), line=12)
    assert isinstance(err, ValueError)
    assert str(err) == "pages/x.txt, line 12: undecodable bytes"
    assert (err.path, err.line, err.message) == (Path("pages/x.txt"), 12, "undecodable bytes")
    assert str(CorpusError("empty file", path="a.txt")) == "a.txt: empty file"
    assert str(CorpusError("bad")) == "bad"
    copy = pickle.loads(pickle.dumps(err))
    assert (str(copy), copy.path, copy.line) == (str(err), err.path, err.line)


def _raises(path: Path) -> CorpusError:
    with pytest.raises(CorpusError) as info:
        read_page(path)
    assert path.name in str(info.value)
    assert info.value.path == path
    return info.value


def test_empty_file(tmp_path: Path) -> None:
    assert "empty" in _raises(_write(tmp_path, "empty.txt", b"")).message


@pytest.mark.parametrize(
    "data",
    [b" \n\n  \n", "\u3000\u3000\n\u00a0\n".encode(), codecs.BOM_UTF8, "\ufeff\u200b\n".encode()],
)
def test_whitespace_only_file(tmp_path: Path, data: bytes) -> None:
    assert "empty" in _raises(_write(tmp_path, "blank.txt", data)).message


PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06"


@pytest.mark.parametrize(
    "data",
    [
        PNG_HEADER,
        PNG_HEADER[8:],  # no signature: caught by its NUL bytes
        b"\x89PNG\r\n\x1a\n",  # signature alone
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
        random.Random(0).randbytes(4096),
        random.Random(1).randbytes(4096).replace(b"\x00", b""),  # binary without NUL bytes
        ("洞口县" + "\x01\x02\x03" * 5 + "\n").encode(),  # control characters
    ],
    ids=["png", "png-body", "png-signature", "zip", "pdf", "random", "random-no-nul", "controls"],
)
def test_binary_file(tmp_path: Path, data: bytes) -> None:
    err = _raises(_write(tmp_path, "image.png", data))
    assert "binary" in err.message


def test_nul_character_in_utf16_is_binary(tmp_path: Path) -> None:
    data = codecs.BOM_UTF16_LE + (PAGE + "\x00").encode("utf-16-le")
    assert "binary" in _raises(_write(tmp_path, "nul16.txt", data)).message


def test_binary_nul_names_its_line(tmp_path: Path) -> None:
    err = _raises(_write(tmp_path, "nul.txt", "第一行\n第二行\n".encode() + b"\x00\x01\x02"))
    assert err.line == 3 and "line 3" in str(err) and "binary" in err.message


def test_invalid_utf8_and_gb18030_names_the_line(tmp_path: Path) -> None:
    lines = PAGE.splitlines(keepends=True)
    data = "".join(lines[:4]).encode() + b"\xff\xfe\x80" + "".join(lines[4:]).encode()
    for codec in ("utf-8", "gb18030"):
        with pytest.raises(UnicodeDecodeError):
            data.decode(codec)
    err = _raises(_write(tmp_path, "broken.txt", data))
    assert err.line == 5
    assert "line 5" in str(err) and "undecodable" in err.message


def test_damaged_gbk_names_the_line(tmp_path: Path) -> None:
    lines = PAGE.splitlines(keepends=True)
    data = "".join(lines[:6]).encode("gbk") + b"\x80" + "".join(lines[6:]).encode("gbk")
    err = _raises(_write(tmp_path, "damaged.txt", data))
    assert err.line == 7 and "line 7" in str(err)


def test_damaged_utf8_is_reported_not_read_as_gbk(tmp_path: Path) -> None:
    good = "今年以来共化解矛盾纠纷，\n\n企业办事更方便，\n\n洞口县城市面貌焕然一新，\n".encode()
    at = good.index("洞".encode())
    data = good[:at] + b"\x81" + good[at + 1 :]  # first byte of 洞 damaged
    assert "纠纷" not in data.decode("gb18030")  # valid, but mojibake, as GB18030
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    err = _raises(_write(tmp_path, "damaged-utf8.txt", data))
    assert err.line == 5 and "UTF-8" in err.message


def test_truncated_utf8_names_the_last_line(tmp_path: Path) -> None:
    data = PAGE.rstrip("\n").encode()[:-1]  # cut inside the last character
    err = _raises(_write(tmp_path, "cut.txt", data))
    assert err.line == PAGE.rstrip("\n").count("\n") + 1


def test_bad_utf16_after_bom_names_the_line(tmp_path: Path) -> None:
    data = codecs.BOM_UTF16_LE + "上一行\n下一行\n".encode("utf-16-le") + b"\x00\xd8"
    err = _raises(_write(tmp_path, "utf16.txt", data))
    assert err.line == 3  # 上 = U+4E0A holds a 0x0A byte: lines are counted on decoded text


def test_western_codepage_is_rejected(tmp_path: Path) -> None:
    data = "Café crème brûlée, naïve façade.\nÜber Straße\n".encode("cp1252")
    err = _raises(_write(tmp_path, "latin.txt", data))
    assert "not UTF-8" in err.message and err.line == 1


def test_missing_path(tmp_path: Path) -> None:
    err = _raises(tmp_path / "missing.txt")
    assert "no such file" in err.message


def test_directory(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    assert "directory" in _raises(folder).message


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path, "locked.txt", PAGE.encode())

    def deny(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", deny)
    assert "cannot read" in _raises(path).message


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_bad_byte_line_counts_every_line_end(newline: str) -> None:
    data = f"第一行{newline}第二行{newline}".encode() + b"\xff\xff"
    with pytest.raises(CorpusError) as info:
        decode_bytes(data, source="page.txt")
    assert info.value.line == 3


def test_decode_bytes_names_its_source() -> None:
    with pytest.raises(CorpusError, match=r"^<bytes>: empty"):
        decode_bytes(b"")
    with pytest.raises(CorpusError, match=r"^page\.txt, line 2: undecodable"):
        decode_bytes(b"abc\n\xff\xff\n", source="page.txt")


def test_read_page_never_writes(tmp_path: Path) -> None:
    path = _write(tmp_path, "page.txt", PAGE.replace("\n", "\r\n").encode("gbk"))
    before = (path.read_bytes(), os.stat(path).st_mtime_ns)
    read_page(str(path))  # a str path works too
    assert (path.read_bytes(), os.stat(path).st_mtime_ns) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["page.txt"]


def test_is_cjk_and_the_ideograph_class_agree():
    """One definition of a Chinese character: the function and the regex class accept the same
    code points (the whole BMP and the first supplementary plane checked)."""
    import re

    from helpers.text.decoding import IDEOGRAPHS, is_cjk

    pattern = re.compile(f"[{IDEOGRAPHS}]")
    for cp in range(0x20000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        ch = chr(cp)
        assert is_cjk(ch) == (pattern.fullmatch(ch) is not None), hex(cp)
    assert is_cjk("县") and is_cjk("㮾") and not is_cjk("，") and not is_cjk("a")


# --- dense UTF-16 without a byte-order mark: one paragraph per line, almost no ASCII ---

# 上 (U+4E0A), 中 (U+4E2D), 区 (U+533A) hold a 0x0A or 0x2D byte, 一 (U+4E00) a NUL byte: the
# bytes of Chinese UTF-16 are no guide to its lines.
DENSE = (
    "今年以来，县里把矛盾调解工作落到村组一级，每个村都有调解室和调解员，群众有事找得到人，"
    "说得上话，办得成事。\n"
    "上半年全县受理各类纠纷，绝大多数在村里就地化解，没有一件上交到县里，群众对调解工作的"
    "满意程度明显上升。\n"
    "下一步，该县将继续完善调解网络，把调解室建到城区每一个居民小区，让群众在家门口就能把"
    "心里的疙瘩解开。\n"
    "县司法局负责人说，调解员中有退休教师、老党员和乡贤，熟悉乡情，说话管用。\n"
)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [DENSE, DENSE.replace("\n", ""), DENSE.replace("\n", "\r\n"),
                                  DENSE.replace("\n", "\n\n")],
                         ids=["lines", "one-line", "crlf", "blank-lines"])
def test_dense_utf16_without_bom_decodes(tmp_path: Path, codec: str, text: str) -> None:
    data = text.encode(codec)
    newline_nuls = data[int(codec == "utf-16-le") :: 2].count(0)
    assert newline_nuls < len(data) // 2 // 20  # too few NULs for the ASCII-parity sniff
    for other in ("utf-8", "gb18030"):
        with pytest.raises(UnicodeDecodeError):
            data.decode(other)
    assert decode_bytes(data) == text
    assert read_page(_write(tmp_path, "dense.txt", data)) == text.replace("\r\n", "\n")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_nul_character_in_dense_utf16_names_its_line(tmp_path: Path, codec: str) -> None:
    lines = DENSE.splitlines(keepends=True)
    data = "".join([*lines[:2], lines[2][:10] + "\x00" + lines[2][10:], *lines[3:]]).encode(codec)
    err = _raises(_write(tmp_path, "nul16.txt", data))
    assert "binary" in err.message and err.line == 3


@pytest.mark.parametrize("bom", [codecs.BOM_UTF16_LE, b""])
def test_control_characters_in_utf16_name_their_line(tmp_path: Path, bom: bytes) -> None:
    lines = DENSE.splitlines(keepends=True)
    text = "".join([*lines[:3], "\x01\x02\x03\x04" * 3 + lines[3]])
    err = _raises(_write(tmp_path, "ctl16.txt", bom + text.encode("utf-16-le")))
    assert "binary" in err.message and err.line == 4


def test_binary_tail_after_utf16_text_names_the_utf16_line(tmp_path: Path) -> None:
    """Dense UTF-16 text, then binary bytes: the line is counted in the text as UTF-16, not by
    0x0A bytes (上 and 区 hold one each)."""
    data = DENSE.encode("utf-16-le") + random.Random(2).randbytes(512)
    err = _raises(_write(tmp_path, "tail16.txt", data))
    assert "binary" in err.message and err.line == DENSE.count("\n") + 1


def test_byte_swapped_and_odd_data_stay_errors() -> None:
    """Chinese GBK bytes of even length are never taken for UTF-16, nor UTF-16 cut mid-unit."""
    gbk = DENSE.encode("gbk")
    assert len(gbk) % 2 == 0
    assert decode_bytes(gbk) == DENSE
    for codec in ("utf-16-le", "utf-16-be"):
        with pytest.raises(CorpusError):
            decode_bytes(DENSE.encode(codec)[:-1])


# --- traditional characters: refused with how to convert, never parsed as simplified ---

# written for this test in traditional characters (and its simplified form below)
TRADITIONAL = (
    "今年以來，縣裡把矛盾調解工作落到村組一級，每個村都設有調解室和\n\n"
    "調解員，群眾有事找得到人，說得上話，辦得成事。上半年，全縣受理各\n\n"
    "類糾紛三百餘件，絕大多數在村裡就地化解，沒有一件上交到縣裡，群眾\n\n"
    "對調解工作的滿意程度明顯上升。\n\n"
    "（劉 波 蕭 薇）\n\n"
    "桃源：調解室建到家門口\n"
)
SIMPLIFIED = (
    "今年以来，县里把矛盾调解工作落到村组一级，每个村都设有调解室和\n\n"
    "调解员，群众有事找得到人，说得上话，办得成事。上半年，全县受理各\n\n"
    "类纠纷三百余件，绝大多数在村里就地化解，没有一件上交到县里，群众\n\n"
    "对调解工作的满意程度明显上升。\n\n"
    "（刘 波 萧 薇）\n\n"
    "桃源：调解室建到家门口\n"
)


@pytest.mark.parametrize("encoding", ["big5", "utf-8", "utf-16"])
def test_traditional_page_is_refused_with_how_to_convert(tmp_path: Path, encoding: str) -> None:
    path = _write(tmp_path, "trad.txt", TRADITIONAL.encode(encoding))
    assert decode_bytes(path.read_bytes()) == TRADITIONAL  # decoded right, then refused
    err = _raises(path)
    assert "traditional" in err.message and "t2s" in err.message and "OpenCC" in err.message
    assert err.line == 1  # 來 is the first traditional-only character


def test_simplified_pages_are_not_refused(tmp_path: Path) -> None:
    assert read_page(_write(tmp_path, "simp.txt", SIMPLIFIED.encode("gbk"))) == SIMPLIFIED
    assert read_page(SEED) == _seed_text()
    names = "（王堃 李喆 张犇 赵珺 钱昇）\n"  # rare name characters GB2312 lacks, on a short page
    assert read_page(_write(tmp_path, "names.txt", names.encode())) == names
    pages = sorted((Path(__file__).parent / "fixtures" / "pages").glob("page_*.txt"))
    assert len(pages) == 4
    for page in pages:
        read_page(page)


def test_traditional_share_threshold_is_measured() -> None:
    """The threshold sits far from both sides: simplified pages (seed, fixture pages) and the
    traditional sample."""
    from helpers.text.decoding import TRADITIONAL_SHARE, traditional_share

    simplified = [traditional_share(SIMPLIFIED), traditional_share(_seed_text())] + [
        traditional_share(read_page(p))
        for p in sorted((Path(__file__).parent / "fixtures" / "pages").glob("page_*.txt"))
    ]
    assert max(simplified) < TRADITIONAL_SHARE / 10
    assert traditional_share(TRADITIONAL) > 5 * TRADITIONAL_SHARE
