"""Figures: the project font draws every character of the corpus, no glyph is missing, word
clouds use it, figure functions do not show anything, saved figures are reproducible, printed
at journal widths with no text below 7 pt or outside the canvas, colours never reused, full
locality names, normalized co-occurrence, rates by family, money without quoted anecdotes."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
import warnings
from pathlib import Path

import numpy as np
import pytest

from helpers import load_corpus
from helpers.coding import code_articles, cooccurrence, default_codebook, paragraph_codes
from helpers.heaping import heaping_tests
from helpers.metrics import extract_metrics, indicator_table
from helpers.profiles import locality_profiles
from helpers.viz import (
    COLUMN_WIDTH_CM,
    DPI,
    FONT_FAMILY,
    MARKERS,
    MIN_FONT_PT,
    PAGE_WIDTH_CM,
    PALETTE,
    WORDCLOUD_MIN_PT,
    PrintError,
    category_styles,
    check_print,
    cloud_words,
    cooccurrence_figure,
    cooccurrence_table,
    drawn_texts,
    font_missing,
    heaping_figure,
    is_cloud_word,
    jaccard_matrix,
    keyness_by_group,
    keyness_figure,
    money_figure,
    prevalence_figure,
    profiles_figure,
    prune_figures,
    rates_figure,
    render_wordcloud,
    save_figure,
    setup_fonts,
    wordcloud_figure,
    wordcloud_frequencies,
)

SEED = Path(__file__).parent / "fixtures" / "seed" / "000_ae97290bc4d96e06.txt"  # the tests' copy, never the user's corpus
CHINESE = "江华瑶族自治县：村村设有矛盾调解室 · 群众满意率 87.5%"


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(SEED)


def render(fig) -> None:
    """Really draw a figure (a bare Figure's own canvas draws nothing)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(fig).draw()


def draw(text: str, family: list[str] | None = None) -> None:
    import matplotlib as mpl
    from matplotlib.figure import Figure

    with mpl.rc_context({"font.family": family} if family else {}):
        fig = Figure()
        fig.add_subplot().set_title(text)
        render(fig)


def test_no_rcparams_change_at_import():
    code = ("import matplotlib as mpl; before = dict(mpl.rcParams); import helpers.viz; "
            "import helpers; assert dict(mpl.rcParams) == before; print('ok')")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "ok" and run.stderr == ""


def test_setup_fonts_registers_the_font():
    import matplotlib as mpl
    from matplotlib import font_manager

    path = setup_fonts()
    assert path.is_file() and path.suffix == ".otf"
    assert FONT_FAMILY in {f.name for f in font_manager.fontManager.ttflist}
    assert FONT_FAMILY in mpl.rcParams["font.family"]
    assert setup_fonts() == path  # once


def test_chinese_renders_without_missing_glyphs():
    setup_fonts()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph N missing from font(s)" would raise
        draw(CHINESE)


def test_without_the_font_glyphs_go_missing():
    """The control: matplotlib's own font has no Chinese, and says so."""
    with pytest.warns(UserWarning, match="missing from font"):
        draw(CHINESE, family=["DejaVu Sans"])


def test_font_covers_every_han_character_of_the_seed_page():
    text = SEED.read_text(encoding="utf-8")
    han = "".join(re.findall(r"[\u3400-\u9fff\uf900-\ufaff]", text))
    assert len(set(han)) > 800
    assert font_missing(han) == set()
    assert font_missing(text) == set()  # punctuation, digits and Latin too


def test_wordcloud_with_the_project_font_differs_from_the_default(corpus):
    freqs = wordcloud_frequencies(corpus)["all"]
    ours = np.asarray(render_wordcloud(freqs, setup_fonts(), 300, 200).to_image())
    default = np.asarray(render_wordcloud(freqs, None, 300, 200).to_image())
    assert ours.shape == default.shape
    assert (ours != default).mean() > 0.05  # the default font draws boxes, silently
    again = np.asarray(render_wordcloud(freqs, setup_fonts(), 300, 200).to_image())
    assert (ours == again).all()  # random_state: the same cloud every time


def test_wordcloud_frequencies_drop_stopwords_and_single_characters(corpus):
    freqs = wordcloud_frequencies(corpus, by="locality")
    assert "江华瑶族自治县" in freqs
    words = set().union(*freqs.values())
    assert all(len(w) > 1 for w in words)
    assert not {"的", "近年来", "今年以来"} & words


def all_figures(corpus) -> dict[str, object]:
    from helpers.coding import term_frequencies

    book = default_codebook()
    codes = code_articles(corpus)
    metrics = extract_metrics(corpus)
    table = indicator_table(metrics, corpus)
    units = paragraph_codes(corpus, book)
    return {
        "wordcloud_localities": wordcloud_figure(wordcloud_frequencies(corpus, by="locality"),
                                                 "词云 · Word clouds"),
        "keyness_localities": keyness_figure(term_frequencies(corpus, by="locality"),
                                             what="localities"),
        "domain_mode_articles": prevalence_figure(codes, corpus, book),
        "codes_by_locality": profiles_figure(locality_profiles(corpus, units, metrics, book), book),
        "cooccurrence": cooccurrence_figure(cooccurrence(units, book), book),
        "rates_by_family": rates_figure(table),
        "heaping": heaping_figure(heaping_tests(metrics)),
        "money_by_family": money_figure(table),
    }


@pytest.fixture(scope="module")
def figures(corpus):
    return all_figures(corpus)


def test_figure_functions_return_figures_without_showing(figures):
    import matplotlib.pyplot as plt
    from matplotlib.figure import Figure

    assert all(isinstance(f, Figure) for f in figures.values())
    assert plt.get_fignums() == []
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a missing glyph (tofu) would raise
        for fig in figures.values():
            render(fig)


def test_every_figure_prints_at_its_width_with_legible_text_and_a_claim(figures, tmp_path):
    from PIL import Image

    for name, fig in figures.items():
        png, svg = save_figure(fig, name, folder=tmp_path)  # check_print raises otherwise
        with Image.open(png) as image:
            assert abs(image.width - PAGE_WIDTH_CM / 2.54 * DPI) <= 1, name
        assert svg.stat().st_size > 0
        assert min(t.get_fontsize() for t in drawn_texts(fig)) >= MIN_FONT_PT
        title = fig._suptitle.get_text()
        assert len(fig.claim) > 20, name  # topic, then the claim it makes
        assert " ".join(fig.claim.split()) in " ".join(title.split()), name


def test_save_figure_writes_the_column_width_and_renumbers(tmp_path):
    from matplotlib.figure import Figure
    from PIL import Image

    fig = Figure(figsize=(3, 2), layout="constrained")
    fig.add_subplot().set_title("满意率 · satisfaction", fontsize=8)
    (tmp_path / "03_heaping.png").write_bytes(b"old catalogue")
    png, _ = save_figure(fig, "heaping", width="column", folder=tmp_path)
    with Image.open(png) as image:
        assert abs(image.width - COLUMN_WIDTH_CM / 2.54 * DPI) <= 1
        assert abs(image.height - 2 * DPI) <= 1  # the height is kept
    assert not (tmp_path / "03_heaping.png").exists()
    with pytest.raises(ValueError, match="say width="):
        save_figure(Figure(), "heaping", folder=tmp_path)


def test_check_print_refuses_small_and_clipped_text():
    from matplotlib.figure import Figure

    setup_fonts()
    fig = Figure(figsize=(3.3, 2), layout="constrained")
    ax = fig.add_subplot()
    ax.set_title("群众满意率", fontsize=8)
    check_print(fig)  # fine
    ax.set_xlabel("比率（%）", fontsize=6)
    with pytest.raises(PrintError, match="is 6 pt"):
        check_print(fig)
    ax.set_xlabel("比率（%）", fontsize=8)
    fig.text(0.9, 0.5, "常德市西湖管理区", fontsize=8)  # runs past the right edge
    with pytest.raises(PrintError, match="clipped"):
        check_print(fig)


def test_check_print_refuses_labels_drawn_over_each_other():
    from matplotlib.figure import Figure

    setup_fonts()
    fig = Figure(figsize=(3.3, 2.5), layout="constrained")
    ax = fig.add_subplot()
    ax.set_xlim(0, 10)
    ax.text(2, 0.5, "群众满意率", fontsize=8)
    ax.text(6, 0.5, "办结率", fontsize=8)
    check_print(fig)  # apart: fine
    ax.text(2.3, 0.52, "及时受理率", fontsize=8)
    with pytest.raises(PrintError, match="overlaps"):
        check_print(fig)
    crowded = Figure(figsize=(3.3, 2.5), layout="constrained")
    ax = crowded.add_subplot()
    ax.set_xticks(range(40), [f"代码{i}" for i in range(40)], rotation=60)
    with pytest.raises(PrintError, match="rotated labels"):
        check_print(crowded)


def test_a_page_word_cloud_shrunk_to_a_column_is_refused(corpus, tmp_path):
    fig = wordcloud_figure(wordcloud_frequencies(corpus, by="locality"), "词云 · Word clouds")
    with pytest.raises(PrintError, match="smallest word"):
        save_figure(fig, "wordcloud_localities", width="column", folder=tmp_path)


def test_word_clouds_have_few_words_no_numbers_and_a_minimum_size(corpus):
    assert not any(is_cloud_word(w) for w in ["亿元", "万元", "30%", "2023年", "三年", "两个",
                                              "第一期", "余万元", "万平方米", "十九"])
    assert all(is_cloud_word(w) for w in ["三高四新", "群众", "一站式", "矛盾纠纷"])
    freqs = wordcloud_frequencies(corpus)["all"]
    words = cloud_words(freqs, 30)
    assert len(words) == 30 and all(is_cloud_word(w) for w in words)
    min_px = int(np.ceil(WORDCLOUD_MIN_PT / 72 * DPI))
    cloud = render_wordcloud(words, setup_fonts(), 1500, 900, min_font_px=min_px)
    sizes = [size for _, size, _, _, _ in cloud.layout_]
    assert sizes and min(sizes) >= min_px
    assert len({color for *_, color in cloud.layout_}) == 1  # colour carries no meaning


def test_keyness_finds_the_word_a_group_overuses():
    import pandas as pd

    freq = pd.DataFrame({"group": ["甲县"] * 3 + ["乙县"] * 3,
                         "term": ["禁毒", "群众", "亿元", "质量", "群众", "亿元"],
                         "count": [30, 10, 5, 30, 10, 5]})
    key = keyness_by_group(freq)
    assert "亿元" not in set(key["term"])  # a unit is no keyword
    jia = key[key["group"] == "甲县"].set_index("term")
    assert jia.index[0] == "禁毒" and jia.loc["禁毒", "g2"] > 10.83 > jia.loc["禁毒", "p"]
    assert jia.loc["群众", "g2"] == pytest.approx(0.0)  # equal shares: nothing to say
    assert key[key["group"] == "乙县"]["term"].iloc[0] == "质量"
    fig = keyness_figure(freq, what="localities")
    assert "2 of 2 localities" in fig._suptitle.get_text()


def test_cooccurrence_is_jaccard_with_the_diagonal_removed():
    import pandas as pd

    counts = pd.DataFrame([[4, 2, 0], [2, 2, 0], [0, 0, 1]], index=list("abc"),
                          columns=list("abc"))
    jac = jaccard_matrix(counts)
    assert jac.loc["a", "b"] == pytest.approx(2 / 4) and jac.loc["a", "c"] == 0
    assert np.isnan(jac.loc["a", "a"]) and np.isnan(jac.loc["c", "c"])
    pairs = cooccurrence_table(counts, units=10).set_index(["code_a", "code_b"])
    assert pairs.loc[("a", "b"), "both"] == 2
    assert pairs.loc[("a", "b"), "lift"] == pytest.approx(2 * 10 / (4 * 2))


def test_category_styles_never_reuse_a_colour():
    assert len(set(PALETTE)) == len(PALETTE) and "#F0E442" not in PALETTE  # no yellow
    few = category_styles([f"县{i}" for i in range(len(PALETTE))])
    assert len({s["color"] for s in few.values()}) == len(PALETTE)
    many = category_styles([f"县{i}" for i in range(len(PALETTE) + 2)])
    assert len({s["color"] for s in many.values()}) == 1
    assert len({s["marker"] for s in many.values()}) == len(many)
    with pytest.raises(ValueError, match="facets"):
        category_styles([f"县{i}" for i in range(len(MARKERS) + 1)])


def _levels():
    import pandas as pd

    shared = "信访受理率、办结率均为100%。"
    rows = [  # locality, family, indicator, value, sentence, quoted, kind, unit
        ("常德市西湖管理区", "pass rate (合格率)", "抽检合格率", 98.6, "抽检合格率98.6%。", False,
         "rate", "%"),
        ("邵阳经济技术开发区", "pass rate (合格率)", "抽检合格率", 99.1, "抽检合格率99.1%。", False,
         "rate", "%"),
        ("江华瑶族自治县", "resolution (办结率)", "信访受理率", 100.0, shared, False, "rate", "%"),
        ("江华瑶族自治县", "resolution (办结率)", "办结率", 100.0, shared, False, "rate", "%"),
        ("双牌县", "poverty (贫困发生率)", "贫困发生率", 1.2, "贫困发生率降至1.2%。", False, "rate",
         "%"),
        ("双牌县", "poverty (贫困发生率)", "贫困发生率", 3.9, "贫困发生率为3.9%。", False, "rate",
         "%"),
        ("双牌县", None, "某率", 50.0, "某率50%。", False, "rate", "%"),
        ("汉寿县", "accuracy (准确率)", "精准率", 70.0, "“精准率达到70%”", True, "rate", "%"),
        ("汉寿县", "budget (财政)", "县财政列支", 3e5, "县财政列支30万元。", False, "money", "元"),
        ("汉寿县", None, "借", 1000.0, "“借了1000块钱”", True, "money", "元"),
        ("汉寿县", None, "总投资", 2e9, "总投资20亿元。", False, "money", "元"),
    ]
    table = pd.DataFrame(rows, columns=["locality", "family", "indicator", "value_std",
                                        "sentence", "quoted", "kind", "unit_std"])
    n = len(table)
    return table.assign(article_id=[f"a-{i}" for i in range(n)], para_no=1,
                        value=[v / 1e4 if k == "money" else v for v, k in
                               zip(table["value_std"], table["kind"], strict=True)],
                        unit=["万元" if k == "money" else "%" for k in table["kind"]],
                        role="level", change=False, qualifier=None)


def test_rates_are_small_multiples_by_family_with_full_names():
    table = _levels()
    table.loc[table["indicator"] == "办结率", "article_id"] = "a-2"  # one report printed both
    fig = rates_figure(table)
    axes = [ax for ax in fig.axes if ax.get_yticklabels()]
    titles = [ax.get_title(loc="left") for ax in axes]
    assert len(axes) == 3  # pass rate, resolution, poverty; no family and quoted left out
    labels = [t.get_text() for ax in axes for t in ax.get_yticklabels()]
    assert any(lab.startswith("常德市西湖管理区 · ") for lab in labels)
    assert any(lab.startswith("邵阳经济技术开发区 · ") for lab in labels)
    assert sum("办结率" in lab for lab in labels) == 1  # 均为100% is one dot
    poverty = axes[next(i for i, t in enumerate(titles) if t.startswith("poverty"))]
    assert poverty.get_xlim()[0] > 0.5  # its own axis: not stretched to 0 …
    assert poverty.get_xlim()[1] < 5  # … nor to 100
    colours = {tuple(c.get_facecolors()[0]) for ax in axes for c in ax.collections}
    assert len(colours) == 4  # one colour per locality, none reused


def test_money_leaves_out_quoted_anecdotes_and_is_logarithmic():
    fig = money_figure(_levels())
    axes = [ax for ax in fig.axes if ax.get_yticklabels()]
    labels = [t.get_text() for ax in axes for t in ax.get_yticklabels()]
    assert not any("借" in lab for lab in labels) and len(labels) == 2
    assert all(ax.get_xscale() == "log" for ax in axes)
    assert [ax.get_title(loc="left").split(":")[0] for ax in axes] == [
        "budget (财政)", "未归类 · unclassified"]
    assert "the largest 总投资 in 汉寿县" in fig._suptitle.get_text()


def test_heaping_figure_states_its_verdict():
    import pandas as pd

    values = [10.0, 20.0, 30.0, 40.0, 50.0] * 10
    metrics = pd.DataFrame({"article_id": [f"a-{i}" for i in range(50)], "para_no": 1,
                            "sentence": [f"完成率{v:g}%。" for v in values], "value": values,
                            "value_std": values, "unit": "%", "unit_std": "%", "kind": "rate",
                            "qualifier": None, "change": False, "role": "level",
                            "quoted": False})
    assert "Rates heap (integers)" in heaping_figure(heaping_tests(metrics))._suptitle.get_text()
    # five figures all ending in 0: strong enough to show even at n = 5
    assert "Rates heap" in heaping_figure(heaping_tests(metrics.head(5))).claim
    few = metrics.head(3).assign(value=[81.0, 92.0, 73.0], value_std=[81.0, 92.0, 73.0],
                                 sentence=["完成率81%。", "完成率92%。", "完成率73%。"])
    assert heaping_figure(heaping_tests(few)).claim.startswith("Too few rate levels")


def test_locality_names_are_printed_whole(figures):
    for name in ("domain_mode_articles", "codes_by_locality"):
        labels = " ".join(t.get_text() for ax in figures[name].axes
                          for t in ax.get_yticklabels())
        assert "常德市西湖管理区" in labels and "邵阳经济技术开发区" in labels, name


def test_save_figure_is_reproducible(tmp_path, corpus):
    metrics = extract_metrics(corpus)
    first = save_figure(heaping_figure(heaping_tests(metrics)), "heaping", folder=tmp_path / "a")
    fig = heaping_figure(heaping_tests(metrics))
    second = save_figure(fig, "heaping", folder=tmp_path / "b")
    assert [p.name for p in first] == ["10_heaping.png", "10_heaping.svg"]
    for a, b in zip(first, second, strict=True):
        assert hashlib.sha256(a.read_bytes()).digest() == hashlib.sha256(b.read_bytes()).digest()
    with pytest.raises(ValueError, match="unknown figure"):
        save_figure(fig, "no_such_figure", folder=tmp_path)


def test_prune_figures_removes_only_leftovers_of_an_older_catalogue(tmp_path):
    keep = [tmp_path / "10_heaping.png", tmp_path / "01_wordcloud_corpus.svg",
            tmp_path / "notes.txt"]
    gone = [tmp_path / "07_rates_by_locality.png", tmp_path / "08_heaping.svg"]
    for path in keep + gone:
        path.write_bytes(b"x")
    assert prune_figures(tmp_path) == sorted(gone)
    assert all(p.exists() for p in keep) and not any(p.exists() for p in gone)


def test_many_figures_and_localities_still_fit_a_page(tmp_path):
    import pandas as pd

    from helpers.viz import MAX_HEATMAP_ROWS, MAX_HEIGHT_CM, MAX_PANEL_ROWS

    rows = []
    for i in range(36):  # 36 pass rates from 12 localities, 3 each
        value = 90 + (i * 7 % 10) + i / 100
        rows.append({"locality": f"第{i % 12:02d}测试县", "family": "pass rate (合格率)",
                     "indicator": "抽检合格率", "value_std": value, "value": value,
                     "sentence": f"抽检合格率{value:g}%。", "quoted": False, "kind": "rate",
                     "unit_std": "%", "unit": "%", "article_id": f"a-{i}", "para_no": 1,
                     "role": "level", "change": False, "qualifier": None})
    fig = rates_figure(pd.DataFrame(rows))
    ax = next(ax for ax in fig.axes if ax.get_yticklabels())
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert len(labels) == MAX_PANEL_ROWS and all(lab.endswith("（3）") for lab in labels)
    assert "8 of 12 localities shown" in ax.get_title(loc="left").replace("\n", " ")
    save_figure(fig, "rates_by_family", folder=tmp_path)  # fits: no PrintError
    assert fig.get_figheight() * 2.54 <= MAX_HEIGHT_CM

    book = default_codebook()
    profiles = pd.DataFrame({"locality": [f"第{i:02d}测试县" for i in range(45)],
                             "prefecture": "测试市", "articles": [1 + i % 4 for i in range(45)],
                             **{c: 0.5 for c in book.ids}})
    fig = profiles_figure(profiles, book)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]  # not the colour bar
    assert len(labels) == MAX_HEATMAP_ROWS  # 11 localities of 4 and 11 of 3 reports, then 2s
    assert sum("（4篇）" in lab or "（3篇）" in lab for lab in labels) == 22
    assert not any("（1篇）" in lab for lab in labels)
    assert labels[0] == "第01测试县（2篇）"  # in profile order, not re-sorted
    assert f"{MAX_HEATMAP_ROWS} of 45 localities" in fig._suptitle.get_text().replace("\n", " ")


def test_a_figure_taller_than_a_page_is_refused():
    from matplotlib.figure import Figure

    fig = Figure(figsize=(6.9, 30 / 2.54), layout="constrained")
    fig.add_subplot().set_title("群众满意率", fontsize=8)
    with pytest.raises(PrintError, match="more than a printed page"):
        check_print(fig)


def test_reported_figures_also_print_in_one_column(corpus, tmp_path):
    from PIL import Image

    metrics = extract_metrics(corpus)
    table = indicator_table(metrics, corpus)
    for name, fig in {"rates_by_family": rates_figure(table, width="column"),
                      "heaping": heaping_figure(heaping_tests(metrics), width="column"),
                      "money_by_family": money_figure(table, width="column")}.items():
        png, _ = save_figure(fig, name, folder=tmp_path)
        with Image.open(png) as image:
            assert abs(image.width - COLUMN_WIDTH_CM / 2.54 * DPI) <= 1, name


# --- issue 15: the prose of 04 stays true of its figures on any corpus -----------------------

def test_panels_tied_in_reports_keep_the_one_with_most_tokens():
    from collections import Counter

    from helpers.viz import MAX_CLOUD_PANELS, rank_groups

    # ten one-report groups; the biggest by tokens sorts last by name
    groups = {f"甲{i}县": Counter({"治理": 2}) for i in range(MAX_CLOUD_PANELS)}
    groups["乙县"] = Counter({"治理": 40, "群众": 30})
    reports = dict.fromkeys(groups, 1)
    assert rank_groups(groups, reports)[0] == "乙县"
    fig = wordcloud_figure(groups, "词云 · Word clouds", reports=reports)
    titles = [ax.get_title(loc="left") for ax in fig.axes]
    assert any(t.startswith("乙县") for t in titles)
    assert "ties by most tokens" in fig._suptitle.get_text().replace("\n", " ")
    assert rank_groups({"a": 5, "b": 9}, {"a": 2, "b": 1}) == ["a", "b"]  # reports first


def test_a_square_table_of_reports_gets_no_row_separator():
    import pandas as pd

    from helpers.viz import heatmap_figure

    square = pd.DataFrame([[1, 0], [0, 2]], index=["r-01", "r-02"], columns=["x", "y"])
    plain = heatmap_figure(square, "t", "x", "y", split_after=1)
    assert len(plain.axes[0].lines) == 1  # the column separator only
    codes = heatmap_figure(square, "t", "x", "y", split_after=1, split_rows=True)
    assert len(codes.axes[0].lines) == 2


def test_report_rows_are_labelled_by_the_whole_article_id(corpus):
    book = default_codebook()
    two = corpus.head(2).assign(article_id=["p1-01", "p2-01"], locality=["甲县", "乙县"])
    codes = code_articles(two, book)
    labels = [t.get_text() for t in
              prevalence_figure(codes, two, book).axes[0].get_yticklabels()]
    assert labels == ["p1-01 甲县", "p2-01 乙县"]  # "01" alone would repeat


def test_money_keeps_the_unclassified_panel_beyond_the_family_limit():
    import pandas as pd

    from helpers.viz import MAX_FAMILY_PANELS, UNCLASSIFIED, drawn_families, money_levels

    rows = []
    for i in range(MAX_FAMILY_PANELS + 2):  # more named families than panels, each 2 figures
        for j in range(2):
            rows.append(("甲县", f"family {i}", f"资金{i}", 1e4 * (i + 1) + j))
    rows.append(("乙县", None, "总投资", 5e8))
    table = pd.DataFrame(rows, columns=["locality", "family", "indicator", "value_std"]).assign(
        kind="money", unit_std="元", role="level", change=False, quoted=False, qualifier=None,
        value=lambda t: t["value_std"], unit="元", sentence="投入资金。",
        article_id=[f"a-{i}" for i in range(len(rows))])
    shown, families = drawn_families(money_levels(table), "money")
    assert len(shown) == MAX_FAMILY_PANELS and shown[-1] == UNCLASSIFIED
    assert len(families) == MAX_FAMILY_PANELS + 3
    fig = money_figure(table)
    titles = [ax.get_title(loc="left").split(":")[0] for ax in fig.axes if ax.get_yticklabels()]
    assert titles[-1] == UNCLASSIFIED
    # the unclassified amounts are no family: named families drawn of named families
    title = fig._suptitle.get_text().replace("\n", " ")
    assert f"({MAX_FAMILY_PANELS - 1} of {MAX_FAMILY_PANELS + 2} families shown)" in title
    # the claim gives the range drawn as printed, no rounded count of orders of magnitude
    assert "Amounts run from 10000元 to 500000000元, the largest 总投资 in 乙县" in title


def test_heaping_title_describes_both_dashed_lines():
    import pandas as pd

    values = [96.0, 97.0, 100.0, 100.0, 98.5]
    metrics = pd.DataFrame({"article_id": [f"a-{i}" for i in range(5)], "para_no": 1,
                            "sentence": [f"完成率{v:g}%。" for v in values], "value": values,
                            "value_std": values, "unit": "%", "unit_std": "%", "kind": "rate",
                            "qualifier": None, "change": False, "role": "level",
                            "quoted": False})
    title = heaping_figure(heaping_tests(metrics))._suptitle.get_text().replace("\n", " ")
    assert "uniform last digits" in title and "mean of the bins below" in title


def test_the_rates_claim_counts_only_the_levels_drawn():
    import pandas as pd

    from helpers.viz import MAX_FAMILY_PANELS

    n = MAX_FAMILY_PANELS + 1  # the last family (fewest localities: one) is not drawn
    rows = []
    for i in range(n):
        for j in range(2 if i < n - 1 else 1):
            value = 80.0 + i if i < n - 1 else 99.0
            rows.append({"locality": f"{i}{j}号县", "family": f"family {i}", "indicator": "合格率",
                         "value_std": value, "value": value, "sentence": f"合格率{value:g}%。",
                         "quoted": False, "kind": "rate", "unit_std": "%", "unit": "%",
                         "article_id": f"a-{i}-{j}", "para_no": 1, "role": "level",
                         "change": False, "qualifier": None})
    claim = rates_figure(pd.DataFrame(rows)).claim
    assert f"0 of {2 * (n - 1)} levels drawn are 95 % or more" in claim  # the 99 % is not drawn


def test_a_locality_split_evenly_leads_with_both_domains():
    import pandas as pd

    from helpers.viz import lead_domains

    book = default_codebook()
    a, b, c = book.domains[:3]
    shares = pd.DataFrame({a: [0.5, 0.7, 0.0], b: [0.5, 0.2, 0.0], c: [0.0, 0.1, 0.0]},
                          index=["甲县", "乙县", "丙县"])
    # 甲县 ties two domains; 丙县 has no coded paragraph and leads with nothing
    assert lead_domains(shares) == {"甲县": (a, b), "乙县": (a,)}
    profiles = pd.DataFrame({"locality": ["甲县", "乙县"], "prefecture": "测试市",
                             "articles": [2, 3], **{code: 0.0 for code in book.ids}})
    profiles.loc[0, [a, b]] = 0.5
    profiles.loc[1, a] = 0.8
    title = profiles_figure(profiles, book)._suptitle.get_text().replace("\n", " ")
    # 甲县's tie counts for the first domain too: it leads in both localities, not "no two"
    assert "leads the domains in 2 of 2 localities" in title
    assert "1 tie for the lead, each counted" in title


def test_cooccurrence_cells_give_the_count_and_the_colour_the_index():
    import pandas as pd

    book = default_codebook()
    a, b, c = book.ids[:3]
    counts = pd.DataFrame(0, index=book.ids, columns=book.ids)
    counts.loc[a, a], counts.loc[b, b], counts.loc[c, c] = 6, 4, 3
    counts.loc[a, b] = counts.loc[b, a] = 3  # Jaccard 3 / 7
    counts.loc[a, c] = counts.loc[c, a] = 1  # Jaccard 1 / 8
    fig = cooccurrence_figure(counts, book)
    ax = fig.axes[0]
    cells = sorted(t.get_text() for t in ax.texts)
    assert cells == ["1", "1", "3", "3"]  # counts alone, each pair in both halves
    assert "Jaccard 0.43, 3 paragraphs carry both" in fig._suptitle.get_text().replace("\n", " ")
    image = ax.get_images()[0].get_array()
    assert image[0, 1] == pytest.approx(3 / 7) and image[0, 2] == pytest.approx(1 / 8)
