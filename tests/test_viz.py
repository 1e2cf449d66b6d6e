"""Figures: the project font draws every character of the corpus, no glyph is missing, word
clouds use it, figure functions do not show anything, saved figures are reproducible."""

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
from helpers.metrics import extract_metrics, heaping_summary, indicator_table
from helpers.viz import (
    FONT_FAMILY,
    cooccurrence_figure,
    font_missing,
    heaping_figure,
    money_figure,
    prevalence_figure,
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


def test_figure_functions_return_figures_without_showing(corpus):
    import matplotlib.pyplot as plt
    from matplotlib.figure import Figure

    codes = code_articles(corpus)
    metrics = extract_metrics(corpus)
    table = indicator_table(metrics, corpus)
    figures = [
        prevalence_figure(codes, corpus, default_codebook()),
        cooccurrence_figure(cooccurrence(paragraph_codes(corpus, default_codebook()), default_codebook()),
                            default_codebook()),
        rates_figure(table),
        heaping_figure(heaping_summary(metrics)),
        money_figure(table),
        wordcloud_figure(wordcloud_frequencies(corpus, by="locality"), "词云 · Word clouds"),
    ]
    assert all(isinstance(f, Figure) for f in figures)
    assert plt.get_fignums() == []
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for fig in figures:
            render(fig)


def test_save_figure_is_reproducible(tmp_path, corpus):
    metrics = extract_metrics(corpus)
    first = save_figure(heaping_figure(heaping_summary(metrics)), "heaping", folder=tmp_path / "a")
    fig = heaping_figure(heaping_summary(metrics))
    second = save_figure(fig, "heaping", folder=tmp_path / "b")
    assert [p.name for p in first] == ["08_heaping.png", "08_heaping.svg"]
    for a, b in zip(first, second, strict=True):
        assert hashlib.sha256(a.read_bytes()).digest() == hashlib.sha256(b.read_bytes()).digest()
    with pytest.raises(ValueError, match="unknown figure"):
        save_figure(fig, "no_such_figure", folder=tmp_path)
