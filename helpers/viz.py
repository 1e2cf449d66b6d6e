"""Figures with correct Chinese text: the project font, word clouds, charts and ``save_figure``.

Nothing changes at import.  ``setup_fonts()`` (called once in a notebook's setup cell) registers
the project font — Noto Sans CJK SC, OFL-licensed, installed by the project's own setup from
PyPI (package ``noto-cjk-sans-otc``) — with matplotlib and makes the house style the default;
it returns the font file, which every word cloud uses.  Figure functions build
``matplotlib.figure.Figure`` objects without pyplot, so they never show anything by themselves;
a notebook displays the returned figure and ``save_figure`` writes it to ``figures/``.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Mapping
from pathlib import Path

import matplotlib as mpl
import pandas as pd
from matplotlib.figure import Figure

from helpers import config
from helpers.codebook import Codebook

FONT_FAMILY = "Noto Sans CJK SC"
FONT_FILE = "NotoSansCJKsc-Regular.otf"
_SC_FACE = "Noto Sans CJK SC"

# The house style: one place for sizes, colors and fonts (DejaVu Sans draws Latin text and
# digits; CJK characters fall back to Noto Sans CJK SC).
STYLE: dict[str, object] = {
    "font.family": ["DejaVu Sans", FONT_FAMILY],
    "font.size": 9,
    "axes.titlesize": 10,
    "axes.labelsize": 9,
    "xtick.labelsize": 8,
    "ytick.labelsize": 8,
    "legend.fontsize": 8,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "figure.dpi": 100,
    "savefig.dpi": 300,
    "savefig.bbox": "tight",
    "svg.fonttype": "path",
    "svg.hashsalt": "govreports",  # stable SVG element ids
    "image.cmap": "Blues",
}
PALETTE = ["#1f4e79", "#c0504d", "#4f8a3c", "#8064a2", "#d4a017", "#2f8f9d", "#7f7f7f"]
WORDCLOUD_COLORMAP = "cividis"  # dark enough on white, colour-blind safe

# The figure catalogue: the number of each figure in figures/ (NN_name), in paper order.
FIGURES = ["wordcloud_corpus", "wordcloud_domains", "wordcloud_localities", "domain_mode_articles",
           "codes_by_locality", "cooccurrence", "rates_by_locality", "heaping", "money"]


def font_path() -> Path:
    """The project font file (Noto Sans CJK SC), taken out of the Noto CJK collection installed
    by the project's setup; written once to ``.cache/fonts`` (no network)."""
    target = config.FONT_CACHE / FONT_FILE
    if target.exists():
        return target
    from fontTools.ttLib import TTCollection  # fontTools ships with matplotlib
    from noto_cjk_sans_otc import FONT_PATH

    collection = TTCollection(str(FONT_PATH), recalcTimestamp=False, recalcBBoxes=False,
                              lazy=True)
    face = next(f for f in collection.fonts if f["name"].getDebugName(1) == _SC_FACE)
    config.FONT_CACHE.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".tmp")
    face.save(str(tmp))
    collection.close()
    tmp.replace(target)
    return target


@functools.lru_cache(maxsize=1)
def setup_fonts() -> Path:
    """Register the project font with matplotlib, make the house style the default, and return
    the font file (for word clouds).  Safe to call more than once."""
    from matplotlib import font_manager

    path = font_path()
    font_manager.fontManager.addfont(str(path))
    mpl.rcParams.update(STYLE)
    return path


def font_missing(text: str) -> set[str]:
    """The characters of ``text`` (not whitespace) that the project font has no glyph for."""
    from fontTools.ttLib import TTFont

    with TTFont(str(font_path()), lazy=True) as font:
        cmap = font.getBestCmap()
    return {ch for ch in set(text) if not ch.isspace() and ord(ch) not in cmap}


def save_figure(fig: Figure, name: str, number: int | None = None,
                folder: Path | None = None) -> list[Path]:
    """Write ``figures/NN_name.png`` (300 dpi) and ``.svg``; NN is the figure's place in the
    catalogue ``FIGURES`` (or ``number``).  Returns the paths written."""
    if number is None:
        if name not in FIGURES:
            raise ValueError(f"unknown figure {name!r}: add it to viz.FIGURES or pass number=")
        number = FIGURES.index(name) + 1
    out = folder or config.FIGURES
    out.mkdir(parents=True, exist_ok=True)
    stem = out / f"{number:02d}_{name}"
    png, svg = stem.with_suffix(".png"), stem.with_suffix(".svg")
    with mpl.rc_context(STYLE):
        fig.savefig(png, dpi=300, bbox_inches="tight", metadata={"Software": None})
        fig.savefig(svg, bbox_inches="tight", metadata={"Date": None, "Creator": None})
    return [png, svg]


def _figure(width: float = 6.5, height: float = 4.0) -> Figure:
    with mpl.rc_context(STYLE):
        return Figure(figsize=(width, height), layout="constrained")


def bilingual(zh: str, en: str) -> str:
    """A title or label in Chinese with its English translation: ``质量 · Quality``."""
    return f"{zh} · {en}"


# --- word clouds ---------------------------------------------------------------------------

def wordcloud_frequencies(articles: pd.DataFrame, by: str | pd.Series | None = None,
                          ) -> dict[str, Counter[str]]:
    """Content-token frequencies (``tokenize`` minus stopwords and single characters) per group
    of articles (a column name or an aligned Series; without ``by``, one group ``all``)."""
    from helpers.text import content_tokens

    if by is None:
        keys = ["all"] * len(articles)
    else:
        values = articles[by] if isinstance(by, str) else pd.Series(list(by), index=articles.index)
        keys = [str(v) if isinstance(v, str) else "(none)" for v in values]
    out: dict[str, Counter[str]] = {}
    for key, text in zip(keys, articles["text"], strict=True):
        out.setdefault(key, Counter()).update(content_tokens(text))
    return dict(sorted(out.items()))


def render_wordcloud(freqs: Mapping[str, int], font: Path | None, width: int = 800,
                     height: int = 500, seed: int = 7, max_words: int = 80):
    """A word cloud image from frequencies; deterministic (fixed ``random_state``)."""
    from wordcloud import WordCloud

    cloud = WordCloud(font_path=str(font) if font else None, width=width, height=height,
                      background_color="white", colormap=WORDCLOUD_COLORMAP, random_state=seed,
                      prefer_horizontal=1.0, max_words=max_words, relative_scaling=0.5,
                      min_font_size=max(8, height // 28))
    return cloud.generate_from_frequencies(dict(freqs))


def wordcloud_figure(groups: Mapping[str, Counter[str]], title: str, ncols: int = 3,
                     top: int = 120) -> Figure:
    """Word clouds of several groups in one figure (one panel per group, its name as title)."""
    font = setup_fonts()
    names = list(groups)
    ncols = min(ncols, len(names)) or 1
    nrows = math.ceil(len(names) / ncols)
    panel = (6.5 / ncols, 6.5 / ncols * 0.66)  # a 16.5 cm wide figure, 3:2 panels
    fig = _figure(6.5, panel[1] * nrows + 0.5)
    axes = fig.subplots(nrows, ncols, squeeze=False)
    for ax, name in zip(axes.flat, names, strict=False):
        freqs = dict(sorted(groups[name].items(), key=lambda kv: (-kv[1], kv[0]))[:top])
        pixels = (int(panel[0] * 300), int(panel[1] * 300))  # print resolution
        cloud = render_wordcloud(freqs, font, *pixels, max_words=120 if ncols == 1 else 50)
        ax.imshow(cloud.to_array(), interpolation="nearest")
        if len(names) > 1:
            ax.set_title(name)
    for ax in axes.flat:
        ax.set_axis_off()
    fig.suptitle(title)
    return fig


# --- charts ---------------------------------------------------------------------------------

def heatmap_figure(table: pd.DataFrame, title: str, xlabel: str, ylabel: str,
                   fmt: str = "{:.0f}", width: float = 6.5, height: float | None = None,
                   split_after: int | None = None) -> Figure:
    """A labelled heatmap of a numeric table (rows × columns), values written in the cells;
    ``split_after``: a line after that many columns (and rows, when square) — domains | modes."""
    setup_fonts()
    height = height or max(2.5, 0.32 * len(table) + 1.5)
    fig = _figure(width, height)
    ax = fig.add_subplot()
    values = table.to_numpy(dtype=float)
    image = ax.imshow(values, cmap="Blues", aspect="auto", vmin=0)
    ax.set_xticks(range(table.shape[1]), [str(c) for c in table.columns], rotation=45,
                  ha="right")
    ax.set_yticks(range(table.shape[0]), [str(i) for i in table.index])
    top = values.max() if values.size else 0
    for (r, c), v in pd.DataFrame(values).stack().items():
        if v:
            ax.text(c, r, fmt.format(v), ha="center", va="center", fontsize=7,
                    color="white" if v > 0.6 * top else "black")
    if split_after:
        ax.axvline(split_after - 0.5, color="#333333", lw=1)
        if table.shape[0] == table.shape[1]:
            ax.axhline(split_after - 0.5, color="#333333", lw=1)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    from matplotlib.ticker import MaxNLocator

    bar = fig.colorbar(image, ax=ax, shrink=0.8)
    bar.locator = MaxNLocator(integer=True)
    bar.update_ticks()
    return fig


def code_labels(codebook: Codebook) -> dict[str, str]:
    """Display labels of the codes: 中文 (id)."""
    return {c.id: f"{c.label_zh} ({c.id})" for c in codebook.codes}


def prevalence_figure(article_codes: pd.DataFrame, articles: pd.DataFrame, codebook: Codebook
                      ) -> Figure:
    """Coded paragraphs per article for every domain and mode code (a heatmap): articles are
    labelled by locality and headline."""
    from helpers.coding import paragraph_codes

    book = codebook
    labels = code_labels(book)
    names = articles.set_index("article_id").reindex(article_codes.index)
    rows = [f"{n[-2:]} {loc or '—'}" for n, loc in zip(article_codes.index, names["locality"],
                                                        strict=True)]
    units = paragraph_codes(articles, book)  # paragraph counts (code_articles' campaign is a flag)
    table = (pd.crosstab(units["article_id"], units["code"])
             .reindex(index=article_codes.index, columns=book.ids, fill_value=0)
             .rename(columns=labels))
    table.index = rows
    return heatmap_figure(table, bilingual("各篇报道的主题与治理方式（编码段落数）",
                                           "Domains and modes per article (coded paragraphs)"),
                          bilingual("代码", "code"), bilingual("报道", "article"), width=6.5,
                          split_after=len(book.domains))


def cooccurrence_figure(matrix: pd.DataFrame, codebook: Codebook, *, level: str = "paragraph"
                        ) -> Figure:
    """Code co-occurrence as a heatmap (diagonal: units carrying the code)."""
    labels = code_labels(codebook)
    table = matrix.rename(index=labels, columns=labels)
    zh = "段落" if level == "paragraph" else "报道"
    return heatmap_figure(table, bilingual(f"代码共现（{zh}）", f"Code co-occurrence ({level}s)"),
                          bilingual("代码", "code"), bilingual("代码", "code"), width=6.5,
                          height=6.5, split_after=len(codebook.domains))


def rates_figure(table: pd.DataFrame) -> Figure:
    """Reported rate levels by locality: a dot per figure with its indicator, and the 100% line.
    ``table`` is an indicator_table; changes and non-% rates are left out."""
    setup_fonts()
    rates = table[(table["kind"] == "rate") & ~table["change"] & (table["unit_std"] == "%")]
    rates = rates.assign(locality=rates["locality"].fillna("—")).sort_values(
        ["locality", "value_std", "indicator"], ignore_index=True)
    localities = list(dict.fromkeys(rates["locality"]))
    fig = _figure(6.5, max(2.5, 0.25 * len(rates) + 1.0))
    ax = fig.add_subplot()
    y = list(range(len(rates)))
    colors = [PALETTE[localities.index(loc) % len(PALETTE)] for loc in rates["locality"]]
    floor = rates["qualifier"].isin(["over", "under"]).to_numpy()
    ax.scatter(rates["value_std"][~floor], [v for v, f in zip(y, floor, strict=True) if not f],
               c=[c for c, f in zip(colors, floor, strict=True) if not f], s=24, zorder=3)
    ax.scatter(rates["value_std"][floor], [v for v, f in zip(y, floor, strict=True) if f],
               facecolors="white", edgecolors=[c for c, f in zip(colors, floor, strict=True)
                                               if f], s=24, zorder=3)
    ax.axvline(100, color="#c0504d", lw=1, ls="--", zorder=2)
    ax.text(100, -0.6, "100%", color="#c0504d", ha="center", va="bottom", fontsize=7)
    marks = {"over": "≥ ", "under": "< "}
    ax.set_yticks(y, [f"{marks.get(q or '', '')}{ind}（{loc}）" for ind, loc, q in zip(
        rates["indicator"], rates["locality"], rates["qualifier"], strict=True)])
    for i in range(1, len(rates)):
        if rates["locality"].iloc[i] != rates["locality"].iloc[i - 1]:
            ax.axhline(i - 0.5, color="#dddddd", lw=0.6)
    lo = min(50.0, float(rates["value_std"].min()) - 5) if len(rates) else 50.0
    ax.set_xlim(lo, 103)
    ax.invert_yaxis()
    ax.grid(axis="x", color="#dddddd", lw=0.5)
    ax.set_xlabel(bilingual("报告的比率（%）", "reported rate (%)"))
    ax.set_title(bilingual("各地报告的比率", "Rates reported by locality"))
    return fig


def heaping_figure(heaping: Mapping[str, pd.DataFrame]) -> Figure:
    """Heaping of reported rates: shares at 100% and at or above 95%, and last digits."""
    setup_fonts()
    summary = heaping["summary"].set_index("measure")
    fig = _figure(6.5, 2.8)
    left, right = fig.subplots(1, 2, width_ratios=[1, 1.3])
    shares = summary.loc[["exactly 100%", "at least 95%", "ending in 0 or 5"], "share"]
    left.barh(["= 100%", "≥ 95%", "末位 0/5 · last digit 0/5"], shares.to_numpy() * 100,
              color=PALETTE[0])
    for i, v in enumerate(shares.to_numpy() * 100):
        left.text(v + 1, i, f"{v:.0f}%", va="center", fontsize=7)
    left.set_xlim(0, 105)
    left.invert_yaxis()
    left.set_xlabel(bilingual("占报告比率的比例（%）", "share of reported rates (%)"))
    digits = heaping["last_digits"]
    right.bar(digits["last digit"].astype(str), digits["count"], color=PALETTE[2])
    right.set_xlabel(bilingual("末位数字", "last digit"))
    right.set_ylabel(bilingual("个数", "count"))
    n = int(summary.loc["rates reported", "count"])
    fig.suptitle(bilingual(f"比率的堆积（n = {n}）", f"Heaping of reported rates (n = {n})"))
    return fig


def money_figure(table: pd.DataFrame) -> Figure:
    """Money amounts (in 元) on a log scale, one bar per figure, labelled by indicator."""
    setup_fonts()
    money = table[table["kind"] == "money"].assign(
        locality=lambda t: t["locality"].fillna("—")).sort_values(
        ["value_std", "indicator"], ascending=[False, True], ignore_index=True)
    fig = _figure(6.5, max(2.5, 0.28 * len(money) + 1.0))
    ax = fig.add_subplot()
    ax.hlines(range(len(money)), 0, money["value_std"], color="#cccccc", lw=0.8)
    ax.scatter(money["value_std"], range(len(money)), color=PALETTE[0], s=24, zorder=3)
    ax.set_xscale("log")
    ax.set_yticks(range(len(money)), [f"{_short(i)}（{loc}）" for i, loc in zip(
        money["indicator"], money["locality"], strict=True)])
    for i, row in enumerate(money.itertuples()):
        ax.text(row.value_std * 1.15, i, _printed(row.value, row.unit, row.qualifier),
                va="center", fontsize=7)
    ax.invert_yaxis()
    if len(money):
        ax.set_xlim(money["value_std"].min() / 3, money["value_std"].max() * 12)
    ax.set_xlabel(bilingual("金额（元，对数坐标）", "amount (yuan, log scale)"))
    ax.set_title(bilingual("报告的金额", "Money amounts reported"))
    return fig


def _printed(value: float, unit: str, qualifier: str | None) -> str:
    """A figure as the report printed it: 约20亿元, 100余万元, 不足60%."""
    pre = {"approx": "约", "under": "不足"}.get(qualifier or "", "")
    more = "余" if qualifier == "over" else ""
    mag = next((m for m in ("亿", "万") if unit.startswith(m)), "")
    return f"{pre}{value:g}{more}{mag}{unit[len(mag):]}" if more else f"{pre}{value:g}{unit}"


def _short(text: str | None, n: int = 14) -> str:
    text = re.sub(r"\s+", "", text or "")
    return text if len(text) <= n else text[: n - 1] + "…"
