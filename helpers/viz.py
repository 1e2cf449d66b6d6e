"""Figures for print with correct Chinese text: the project font, the house style, figures at
the widths journals print, and ``save_figure``, which checks them at their final size.

Nothing changes at import.  ``setup_fonts()`` (called once in a notebook's setup cell) registers
the project font — Noto Sans CJK SC, OFL-licensed, installed by the project's own setup from
PyPI (package ``noto-cjk-sans-otc``) — with matplotlib and makes the house style the default;
it returns the font file, which every word cloud uses.  Figure functions build
``matplotlib.figure.Figure`` objects without pyplot, so they never show anything by themselves;
a notebook displays the returned figure and ``save_figure`` writes it to ``figures/``.

Every figure is drawn at the width it is printed at (``COLUMN_WIDTH_CM``, ``PAGE_WIDTH_CM``), so
a point on screen is a point on paper; ``save_figure`` refuses a figure with text below
``MIN_FONT_PT`` or a label outside the canvas.  Every figure's title states what it shows (its
claim), computed from the data it draws.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path

import matplotlib as mpl
import pandas as pd
from matplotlib.figure import Figure

from helpers import config
from helpers.codebook import Codebook

FONT_FAMILY = "Noto Sans CJK SC"
FONT_FILE = "NotoSansCJKsc-Regular.otf"
_SC_FACE = "Noto Sans CJK SC"

#: Printed widths (cm).  One column: Elsevier 9.0, Nature 8.9, Springer 8.4, Cambridge 8.4 —
#: 8.5 fits every journal's column within a millimetre.  A full page: Elsevier 19.0, Nature
#: 18.3, Springer 17.4 — 17.5, the narrowest common text block (a figure shrunk by 1 % keeps its
#: text above the floor).
COLUMN_WIDTH_CM = 8.5
PAGE_WIDTH_CM = 17.5
WIDTHS_CM: dict[str, float] = {"column": COLUMN_WIDTH_CM, "page": PAGE_WIDTH_CM}
CM = 1 / 2.54  # inches per cm

#: Smallest text at printed size (pt): journals ask for 6-8 pt (Elsevier 7, Springer 8 for
#: body, 6 minimum; Nature 5-7); 7 pt is the common floor that is still legible in CJK.
MIN_FONT_PT = 7.0

#: Raster resolution: 300 dpi is what journals require for colour and greyscale images.
DPI = 300

#: How far text may reach past the canvas before it counts as clipped (pixels at the figure's
#: dpi): anti-aliasing of a glyph's edge, not a label.
CLIP_TOLERANCE_PX = 1.0

# The house style: one place for sizes, colours and fonts (DejaVu Sans draws Latin text and
# digits; CJK characters fall back to Noto Sans CJK SC).  Sizes are final printed sizes: the
# figures are drawn at the printed width, so no size shrinks on paper.
STYLE: dict[str, object] = {
    "font.family": ["DejaVu Sans", FONT_FAMILY],
    "font.size": 8,
    "axes.titlesize": 8,
    "axes.labelsize": 8,
    "figure.titlesize": 9,
    "xtick.labelsize": 7,
    "ytick.labelsize": 7,
    "legend.fontsize": 7,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.linewidth": 0.6,
    "xtick.major.width": 0.6,
    "ytick.major.width": 0.6,
    "figure.dpi": 100,
    "savefig.dpi": DPI,
    "svg.fonttype": "path",
    "svg.hashsalt": "govreports",  # stable SVG element ids
    "image.cmap": "Blues",
}

#: The colour-blind-safe categorical palette of Okabe & Ito (2008, "Color universal design"),
#: distinguishable under the three common colour-vision deficiencies.  Its yellow (#F0E442) is
#: left out: on white it has a contrast of 1.3:1 and disappears in print.
PALETTE = ["#000000", "#E69F00", "#56B4E9", "#009E73", "#0072B2", "#D55E00", "#CC79A7"]
#: Markers that tell categories apart once there are more categories than colours.
MARKERS = ["o", "s", "^", "D", "v", "P", "X", "<", ">", "h"]
INK = "#1b2a3a"  # text-dark blue-black: every single-colour mark and word cloud word
HIGHLIGHT = "#D55E00"  # Okabe-Ito vermillion: the one emphasised category of a figure
MUTED = "#b8c4cf"  # context marks (not significant, not the claim)
WORDCLOUD_COLORMAP = "cividis"  # kept for callers; clouds are drawn in INK (colour means nothing)

# The figure catalogue: the number of each figure in figures/ (NN_name), in paper order.
FIGURES = ["wordcloud_corpus", "wordcloud_domains", "keyness_domains", "wordcloud_localities",
           "keyness_localities", "domain_mode_articles", "codes_by_locality", "cooccurrence",
           "rates_by_family", "heaping", "money_by_family"]


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


class PrintError(ValueError):
    """A figure that would not print legibly: text below MIN_FONT_PT or outside the canvas."""


def figure_width(width: str) -> float:
    """The printed width in inches of ``"column"`` or ``"page"``."""
    if width not in WIDTHS_CM:
        raise ValueError(f"width must be one of {sorted(WIDTHS_CM)}, not {width!r}")
    return WIDTHS_CM[width] * CM


def save_figure(fig: Figure, name: str, *, width: str | None = None,
                height_cm: float | None = None, number: int | None = None,
                folder: Path | None = None) -> list[Path]:
    """Write ``figures/NN_name.png`` (``DPI``) and ``.svg`` at the printed ``width``
    (``"column"`` or ``"page"``; default: the width the figure was drawn for), after checking
    the text at that size (``check_print``).  NN is the figure's place in the catalogue
    ``FIGURES`` (or ``number``); a file of the same name under another number (an older
    catalogue) is removed.  The height is kept (figures size their height by their rows) unless
    ``height_cm`` is given.  Returns the paths written."""
    if number is None:
        if name not in FIGURES:
            raise ValueError(f"unknown figure {name!r}: add it to viz.FIGURES or pass number=")
        number = FIGURES.index(name) + 1
    width = width or getattr(fig, "print_width", None)
    if width is None:
        raise ValueError(f"save_figure({name!r}): say width='column' or 'page' (the figure "
                         "was not drawn by a viz function that knows its width)")
    height = height_cm * CM if height_cm else fig.get_figheight()
    fig.set_size_inches(figure_width(width), height)
    fig.print_width = width
    fit_titles(fig)
    check_print(fig, name=name)
    out = folder or config.FIGURES
    out.mkdir(parents=True, exist_ok=True)
    stem = out / f"{number:02d}_{name}"
    for old in sorted(out.glob(f"[0-9][0-9]_{name}.*")):
        if old.stem != stem.name and old.suffix in (".png", ".svg"):
            old.unlink()
    png, svg = stem.with_suffix(".png"), stem.with_suffix(".svg")
    with mpl.rc_context(STYLE):
        # no bbox_inches="tight": the file must be exactly the printed width
        fig.savefig(png, dpi=DPI, metadata={"Software": None})
        fig.savefig(svg, metadata={"Date": None, "Creator": None})
    return [png, svg]


def prune_figures(folder: Path | None = None) -> list[Path]:
    """Remove figure files (``NN_name.png``/``.svg``) that the catalogue no longer makes: a
    name not in ``FIGURES`` or under another number (figures/ is written by notebooks only, so
    these are leftovers of an older catalogue).  Returns the paths removed."""
    out = folder or config.FIGURES
    removed = []
    for path in sorted(out.glob("[0-9][0-9]_*")):
        number, _, name = path.stem.partition("_")
        if path.suffix not in (".png", ".svg"):
            continue
        if name not in FIGURES or FIGURES.index(name) + 1 != int(number):
            path.unlink()
            removed.append(path)
    return removed


def _renderer(fig: Figure):
    """Lay the figure out and return its renderer (attaching an Agg canvas if it has none)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = fig.canvas if isinstance(fig.canvas, FigureCanvasAgg) else FigureCanvasAgg(fig)
    canvas.draw()
    return canvas.get_renderer()


def drawn_texts(fig: Figure) -> list:
    """The text artists the figure draws (visible, not empty; tick labels only for the ticks
    inside the view)."""
    from matplotlib.text import Text

    _renderer(fig)
    tick_labels: set[int] = set()
    drawn: list[Text] = []
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            for tick in axis.majorTicks + axis.minorTicks:
                tick_labels.update({id(tick.label1), id(tick.label2)})
            if not (ax.axison and axis.get_visible()):  # an axis turned off draws nothing
                tick_labels.update({id(axis.label), id(axis.offsetText)})
                continue
            for tick in axis._update_ticks():  # the ticks matplotlib draws
                drawn += [t for t in (tick.label1, tick.label2) if t.get_visible()]
    drawn += [t for t in fig.findobj(Text) if id(t) not in tick_labels]
    return [t for t in drawn if t.get_visible() and t.get_text().strip()]


#: Two labels overlap when their boxes share more than this fraction of the smaller box's
#: height (and more than a pixel of width): line boxes include leading, so rows of labels at
#: their natural spacing touch without their glyphs meeting.
OVERLAP_SHARE = 0.25


def _overlaps(texts: list, renderer) -> list[str]:
    """Labels drawn over each other: horizontal and vertical texts by their boxes, rotated tick
    labels by their spacing across the text direction (adjacent labels closer than the font
    size overlap)."""
    import numpy as np

    found = []
    upright = [t for t in texts if round(t.get_rotation()) % 90 == 0]
    boxes = sorted(((t.get_window_extent(renderer), t) for t in upright),
                   key=lambda bt: (bt[0].x0, bt[0].y0))
    for i, (a, ta) in enumerate(boxes):
        for b, tb in boxes[i + 1:]:
            if b.x0 >= a.x1 - 1:
                break
            dy = min(a.y1, b.y1) - max(a.y0, b.y0)
            if min(a.x1, b.x1) - b.x0 > 1 and dy > OVERLAP_SHARE * min(a.height, b.height):
                found.append(f"{ta.get_text()[:15]!r} overlaps {tb.get_text()[:15]!r}")
    rotated: dict[tuple[int, float], list] = {}
    for t in texts:
        if round(t.get_rotation()) % 90:
            rotated.setdefault((id(t.axes), round(t.get_rotation())), []).append(t)
    for (_, angle), group in rotated.items():
        points = np.array([t.get_transform().transform(t.get_position()) for t in group])
        normal = np.array([-math.sin(math.radians(angle)), math.cos(math.radians(angle))])
        across = np.sort(points @ normal)
        size_px = max(t.get_fontsize() for t in group) / 72 * group[0].figure.dpi
        if len(across) > 1 and float(np.diff(across).min()) < size_px:
            found.append(f"rotated labels {group[0].get_text()[:15]!r}… are closer than their "
                         "font size")
    return found


def check_print(fig: Figure, *, name: str = "figure") -> None:
    """Raise ``PrintError`` when, at the figure's size, any text is smaller than MIN_FONT_PT,
    reaches outside the canvas or lies over another text, or a word cloud's smallest word is
    below MIN_FONT_PT."""
    renderer = _renderer(fig)
    canvas = fig.bbox
    problems = []
    for text in drawn_texts(fig):
        label = text.get_text().replace("\n", " ")[:40]
        if text.get_fontsize() < MIN_FONT_PT - 1e-6:
            problems.append(f"{label!r} is {text.get_fontsize():g} pt")
        box = text.get_window_extent(renderer)
        if (box.x0 < canvas.x0 - CLIP_TOLERANCE_PX or box.y0 < canvas.y0 - CLIP_TOLERANCE_PX
                or box.x1 > canvas.x1 + CLIP_TOLERANCE_PX
                or box.y1 > canvas.y1 + CLIP_TOLERANCE_PX):
            problems.append(f"{label!r} is clipped (outside the canvas)")
    problems += _overlaps(drawn_texts(fig), renderer)
    if fig.get_figheight() / CM > MAX_HEIGHT_CM + 1e-6:
        problems.append(f"{fig.get_figheight() / CM:.1f} cm tall, more than a printed page "
                        f"({MAX_HEIGHT_CM:g} cm)")
    for ax in fig.axes:
        for image in ax.get_images():
            px = getattr(image, "min_text_px", None)
            if px is None:
                continue
            rows, cols = image.get_array().shape[:2]
            box = image.get_window_extent(renderer)
            scale = min(box.width / cols, box.height / rows)  # displayed px per image px
            pt = px * scale * 72 / fig.dpi
            if pt < MIN_FONT_PT - 1e-6:
                problems.append(f"the smallest word of a word cloud is {pt:.1f} pt")
    if problems:
        raise PrintError(f"{name} at {fig.get_figwidth() / CM:.1f} cm wide: "
                         + "; ".join(problems[:8])
                         + (f" (and {len(problems) - 8} more)" if len(problems) > 8 else ""))


def _figure(width: str = "page", height_cm: float = 8.0) -> Figure:
    with mpl.rc_context(STYLE):
        fig = Figure(figsize=(figure_width(width), height_cm * CM), layout="constrained")
    fig.print_width = width
    return fig


def bilingual(zh: str, en: str) -> str:
    """A title or label in Chinese with its English translation: ``质量 · Quality``."""
    return f"{zh} · {en}"


@functools.lru_cache(maxsize=1)
def _measurer():
    """A 72-dpi Agg renderer: measures text in points with the house fonts (and fallback)."""
    from matplotlib.backends.backend_agg import RendererAgg

    setup_fonts()
    return RendererAgg(1, 1, 72)


def text_width_pt(text: str, size: float) -> float:
    """The width of one line of ``text`` at ``size`` pt in the house fonts."""
    from matplotlib.font_manager import FontProperties

    if not text:
        return 0.0
    with mpl.rc_context(STYLE):
        prop = FontProperties(size=size)
        return _measurer().get_text_width_height_descent(text, prop, ismath=False)[0]


_NO_LINE_START = set("）」』】》〉，。、；：！？)]},.;:!?%")  # closing marks stay with their text


def wrap_text(text: str, width_in: float, size: float) -> str:
    """Break ``text`` into lines that fit ``width_in`` inches at ``size`` pt (measured in the
    house fonts): between Latin words and between CJK characters, never inside a Latin word."""
    limit = width_in * 72
    out = []
    for line in text.split("\n"):
        pieces = re.findall(r"（[^（）]{0,8}）|[\u2e80-\U0002ffff]|[^\s\u2e80-\U0002ffff]+|\s+",
                            line)  # a short bracket (（1篇）) is one piece
        current = ""
        for piece in pieces:
            if current.strip() and not piece.isspace() and piece[0] not in _NO_LINE_START \
                    and text_width_pt(current + piece, size) > limit:
                out.append(current.rstrip())
                current = ""
            current += "" if piece.isspace() and not current else piece
        out.append(current.rstrip())
    return "\n".join(out)


#: Title lines the figure heights allow for (topic and claim, one line each at page width).
TITLE_LINES = 3


def set_title(fig: Figure, topic: str, claim: str) -> None:
    """The figure's title: its topic (bilingual) and, below, its claim, wrapped to the width."""
    size = 9.0  # STYLE's figure.titlesize
    fig.claim = claim  # what the figure shows, as a sentence (tests and captions read it)
    width = fig.get_figwidth() * 0.96
    text = wrap_text(topic, width, size) + "\n" + wrap_text(claim, width, size)
    fig.suptitle(text, fontsize=size, ha="center")
    extra = text.count("\n") + 1 - TITLE_LINES  # a narrow figure's title takes more lines:
    if extra > 0:  # the figure grows by them, so the panels keep their height
        fig.set_figheight(fig.get_figheight() + extra * size * 1.25 / 72)


def category_styles(categories: Sequence[str]) -> dict[str, dict[str, str]]:
    """Colour and marker per category, never reusing a colour within a figure: up to
    ``len(PALETTE)`` categories get a colour each; more get one colour (INK) and a marker each;
    more than ``len(MARKERS)``: an error (facet the figure instead)."""
    cats = list(dict.fromkeys(categories))
    if len(cats) <= len(PALETTE):
        return {c: {"color": PALETTE[i], "marker": "o"} for i, c in enumerate(cats)}
    if len(cats) <= len(MARKERS):
        return {c: {"color": INK, "marker": MARKERS[i]} for i, c in enumerate(cats)}
    raise ValueError(f"{len(cats)} categories: more than {len(MARKERS)} markers; draw them "
                     "as facets, not as colours")


def panel_title(ax, text: str, *, ncols: float = 1, size: float = 8.0) -> None:
    """A panel's title, left-aligned and wrapped to the panel's share of the figure width
    (``ncols``: how many such widths fit across; more when tick labels take part of it);
    ``fit_titles`` wraps it again to the room the laid-out figure leaves it."""
    width = ax.get_figure().get_figwidth() / ncols * 0.9
    title = ax.set_title(wrap_text(text, width, size), fontsize=size, loc="left")
    title.raw_text = text


def axis_label(ax, text: str, *, axis: str = "x", size: float = 8.0) -> None:
    """An axis label that ``fit_titles`` wraps to the room the laid-out figure leaves it."""
    label = (ax.set_xlabel if axis == "x" else ax.set_ylabel)(text, fontsize=size)
    label.raw_text = text


def fit_titles(fig: Figure) -> None:
    """Wrap every panel title (``panel_title``) to the room between its start and the right
    edge of its panel, and every x label (``axis_label``) to the canvas, once the figure is
    laid out at its size (twice: wrapping changes the layout)."""
    for _ in range(2):
        renderer = _renderer(fig)
        changed = False
        for ax in fig.axes:
            title = ax._left_title  # the title panel_title sets (loc="left")
            raw = getattr(title, "raw_text", None)
            if not raw:
                continue
            box = title.get_window_extent(renderer)
            right = min(fig.bbox.x1, ax.get_window_extent(renderer).x1 + 0.1 * fig.dpi)
            room = (right - box.x0) / fig.dpi * 0.97  # its own panel, not the neighbour's
            wrapped = wrap_text(raw, room, title.get_fontsize())
            if wrapped != title.get_text():
                title.set_text(wrapped)
                changed = True
        for ax in fig.axes:  # x labels (axis_label): centred, so twice the nearer edge
            label = ax.xaxis.label
            raw = getattr(label, "raw_text", None)
            if not raw or not ax.axison:
                continue
            box = label.get_window_extent(renderer)
            centre = (box.x0 + box.x1) / 2
            room = 2 * min(centre - fig.bbox.x0, fig.bbox.x1 - centre) / fig.dpi * 0.97
            wrapped = wrap_text(raw, room, label.get_fontsize())
            if wrapped != label.get_text():
                label.set_text(wrapped)
                changed = True
        if not changed:
            return


def _ordered(counts: pd.Series) -> pd.Series:
    """Largest first, ties by name (deterministic)."""
    return counts.sort_index().sort_values(ascending=False, kind="stable")


def _short(text: str | None, n: int = 14) -> str:
    text = re.sub(r"\s+", "", text or "")
    return text if len(text) <= n else text[: n - 1] + "…"


def _place(name: object) -> str:
    """A locality's full name as printed on an axis ("—" when unknown); never shortened."""
    return name if isinstance(name, str) and name else "—"


# --- word clouds and keyness ---------------------------------------------------------------

#: Words of a cloud drawn alone at page width, and of each panel of a grouped cloud: few enough
#: that every word stays at or above WORDCLOUD_MIN_PT and no word fits inside another.
WORDCLOUD_WORDS = 30
WORDCLOUD_PANEL_WORDS = 12
#: Smallest word of a cloud (pt at printed size): a point above MIN_FONT_PT, since CJK glyphs
#: are dense and a cloud's words stand alone, without context to guess them from.
WORDCLOUD_MIN_PT = 8.0
#: Free space kept around each word (px at DPI, 2 mm): no word is placed inside another's
#: strokes, and two words on one line never read as one (群众 问题, not 群众问题).
WORDCLOUD_MARGIN_PX = 24

_CN_NUMERALS = "零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟萬億廿半"
_UNIT_WORDS = ("元", "万元", "亿元", "块钱", "%", "％", "‰", "百分点", "个百分点", "平方米",
               "平方公里", "立方米", "公里", "公斤", "千克", "吨", "亩", "公顷", "人次", "户次",
               "家次", "万人", "万户", "小时", "分钟", "个月", "季度", "年度")
_MEASURE = ("年", "月", "日", "天", "周", "个", "件", "户", "人", "名", "位", "家", "起", "项",
            "份", "次", "条", "处", "所", "座", "批", "期", "类", "级", "批次", "季度", "多",
            "余", "元")
_NUMERIC_WORD = re.compile(
    rf"^[{_CN_NUMERALS}第余多]*(?:{'|'.join(map(re.escape, sorted(set(_UNIT_WORDS) | set(_MEASURE), key=len, reverse=True)))})+$")


def is_cloud_word(word: str) -> bool:
    """Whether a word may stand in a word cloud: no digit, no unit (亿元, 万元, %), no numeral
    with a measure word (三年, 两个, 第一期); slogans with numerals (三高四新) stay."""
    if any(ch.isdigit() for ch in word) or any(ch in "%％‰.．" for ch in word):
        return False
    if word in _UNIT_WORDS or _NUMERIC_WORD.match(word):
        return False
    return not all(ch in _CN_NUMERALS for ch in word)


def cloud_words(freqs: Mapping[str, int], n: int) -> dict[str, int]:
    """The ``n`` most frequent cloud words (``is_cloud_word``), ties by word."""
    kept = [(w, c) for w, c in freqs.items() if c > 0 and is_cloud_word(w)]
    return dict(sorted(kept, key=lambda kv: (-kv[1], kv[0]))[:n])


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
                     height: int = 500, seed: int = 7, max_words: int = WORDCLOUD_WORDS,
                     min_font_px: int | None = None):
    """A word cloud image from frequencies, every word in INK; deterministic (fixed
    ``random_state``).  ``min_font_px``: the smallest word in pixels (words that would be smaller
    are left out, never shrunk)."""
    from wordcloud import WordCloud

    min_px = min_font_px or max(8, height // 28)
    cloud = WordCloud(font_path=str(font) if font else None, width=width, height=height,
                      background_color="white", color_func=lambda *a, **k: INK,
                      random_state=seed, prefer_horizontal=1.0, max_words=max_words,
                      relative_scaling=0.5, min_font_size=min_px,
                      max_font_size=max(min_px, min(height // 3, min_px * 4)),
                      margin=WORDCLOUD_MARGIN_PX, repeat=False)
    return cloud.generate_from_frequencies(dict(freqs) or {" ": 1})


#: Panels of a grouped word cloud at most (three rows of three at page width).
MAX_CLOUD_PANELS = 9
_RANK_NOTE = "most reports first, ties by most tokens"


def rank_groups(tokens: Mapping[str, Mapping[str, int]] | Mapping[str, int],
                reports: Mapping[str, int] | None = None) -> list[str]:
    """Groups largest first, the order in which grouped figures keep panels: by reports (when
    given), ties by content tokens (so a tie in reports never drops the biggest group for its
    name), then by name.  ``tokens``: per group a word counter or a token total."""
    def total(name: str) -> int:
        value = tokens[name]
        return int(value) if isinstance(value, int | float) else int(sum(value.values()))

    return sorted(tokens, key=lambda n: (-(reports or {}).get(n, 0), -total(n), str(n)))



def _cloud_claim(kept: Mapping[str, Mapping[str, int]]) -> str:
    """What a cloud shows: its largest words (one cloud), or whether panels share their
    largest word (several)."""
    note = " (size = frequency; numbers and units left out)"
    tops = {name: next(iter(words)) for name, words in kept.items() if words}
    if not tops:
        return "No content word to draw"
    if len(kept) == 1:
        words = list(next(iter(kept.values())))[:3]
        return "Largest words: " + ", ".join(words) + note
    shared = _ordered(pd.Series(list(tops.values())).value_counts())
    if int(shared.iloc[0]) > 1:
        return (f"{shared.index[0]} is the largest word in {int(shared.iloc[0])} of {len(kept)} "
                "panels" + note)
    return f"No two of the {len(kept)} panels share their largest word" + note


def wordcloud_figure(groups: Mapping[str, Counter[str]], title: str, *, claim: str | None = None,
                     ncols: int = 3, width: str = "page", words: int | None = None,
                     reports: Mapping[str, int] | None = None) -> Figure:
    """Word clouds of several groups in one figure (one panel per group, its full name and, with
    ``reports``, its number of reports as title).  Each cloud is rendered at the printed size of
    its panel (``DPI``), its smallest word at WORDCLOUD_MIN_PT; numbers and units are left out
    (``is_cloud_word``).  Without ``claim`` the title names the largest words."""
    font = setup_fonts()
    names = list(groups)
    more = ""
    if len(names) > MAX_CLOUD_PANELS:  # most reports, then most tokens, then by name
        names = sorted(rank_groups(groups, reports)[:MAX_CLOUD_PANELS])
        more = f" ({MAX_CLOUD_PANELS} of {len(groups)} groups drawn, {_RANK_NOTE})"
        title += more
    single = len(names) == 1
    ncols = min(ncols, len(names)) or 1
    nrows = math.ceil(len(names) / ncols)
    words = words or (WORDCLOUD_WORDS if single else WORDCLOUD_PANEL_WORDS)
    panel_w = figure_width(width) / ncols
    fig = _figure(width, (panel_w * 0.62 * nrows) / CM + 2.2)
    axes = fig.subplots(nrows, ncols, squeeze=False)
    kept = {name: cloud_words(groups[name], words) for name in names}
    for ax, name in zip(axes.flat, names, strict=False):
        if not single:
            n = f"（{reports[name]}篇）" if reports and name in reports else ""
            panel_title(ax, f"{name}{n}", ncols=ncols)
    if claim is None:
        claim = _cloud_claim(kept)
    set_title(fig, title, claim)
    for ax in axes.flat:
        ax.set_axis_off()
    renderer = _renderer(fig)  # lay out first: render each cloud at its panel's printed size
    min_px = math.ceil(WORDCLOUD_MIN_PT / 72 * DPI)
    for ax, name in zip(axes.flat, names, strict=False):
        box = ax.get_window_extent(renderer)
        pixels = (max(50, int(box.width / fig.dpi * DPI)), max(50, int(box.height / fig.dpi * DPI)))
        cloud = render_wordcloud(kept[name], font, *pixels, max_words=words, min_font_px=min_px)
        image = ax.imshow(cloud.to_array(), interpolation="nearest", aspect="auto")
        image.min_text_px = min_px  # image px; check_print scales it to the displayed size
    return fig


#: Words shown per group in a keyness chart.
KEYNESS_WORDS = 6
#: Significance of a keyness bar: hundreds of words are tested per group, so the corpus-
#: linguistic convention G² ≥ 10.83 (p < 0.001, Rayson et al. 2004) rather than 0.05.
KEYNESS_P = 0.001
#: Groups shown at most (those with most reports, ties by name): more panels would not print.
KEYNESS_MAX_GROUPS = 9


def keyness_by_group(freq: pd.DataFrame, *, min_count: int = 2) -> pd.DataFrame:
    """For every group of a ``coding.term_frequencies`` table (group, term, count): each cloud
    word's signed log-likelihood G² against all other groups (Rayson & Garside; p on 1 df), its
    counts in and out of the group, and the log₂ ratio.  Sorted by group, G² (largest first),
    term."""
    from helpers.coding import chi2_sf_1df, log_likelihood, log_ratio

    freq = freq[freq["term"].map(is_cloud_word)]
    totals = freq.groupby("term")["count"].sum()
    sizes = freq.groupby("group")["count"].sum()
    all_tokens = int(sizes.sum())
    rows = []
    for group, part in freq.groupby("group", sort=True):
        a_tot = int(sizes[group])
        b_tot = all_tokens - a_tot
        for term, a in zip(part["term"], part["count"], strict=True):
            b = int(totals[term]) - int(a)
            if a + b < min_count:
                continue
            g2 = log_likelihood(int(a), b, a_tot, b_tot)
            rows.append((group, term, int(a), b, g2, chi2_sf_1df(abs(g2)),
                         log_ratio(int(a), b, a_tot, b_tot)))
    out = pd.DataFrame(rows, columns=["group", "term", "target", "reference", "g2", "p",
                                      "log_ratio"])
    return out.sort_values(["group", "g2", "term"], ascending=[True, False, True],
                           ignore_index=True)


def keyness_figure(freq: pd.DataFrame, *, what: str, reports: Mapping[str, int] | None = None,
                   width: str = "page", ncols: int = 3) -> Figure:
    """Which words set each group apart from the rest: per group (panel, full name), the
    KEYNESS_WORDS words with the largest positive G², as bars; dark when p < KEYNESS_P, light
    otherwise.  ``freq``: ``coding.term_frequencies(articles, by=...)``; ``what``: the groups'
    name in the title ("domains", "localities")."""
    setup_fonts()
    key = keyness_by_group(freq)
    key = key[key["g2"] > 0]
    groups = rank_groups(freq.groupby("group")["count"].sum().to_dict(), reports)
    shown = groups[:KEYNESS_MAX_GROUPS]
    ncols = min(ncols, len(shown)) or 1
    nrows = math.ceil(len(shown) / ncols)
    fig = _figure(width, nrows * (KEYNESS_WORDS * 0.42 + 1.3) + 2.0)
    axes = fig.subplots(nrows, ncols, squeeze=False)
    top_g2 = float(key["g2"].max()) if len(key) else 1.0
    distinct = 0
    best = None
    for ax, group in zip(axes.flat, shown, strict=False):
        part = key[key["group"] == group].head(KEYNESS_WORDS)
        strong = part["p"] < KEYNESS_P
        distinct += bool(strong.any())
        if len(part) and (best is None or part["g2"].iloc[0] > best[2]):
            best = (group, part["term"].iloc[0], float(part["g2"].iloc[0]))
        y = list(range(len(part)))
        ax.barh(y, part["g2"], color=[INK if s else MUTED for s in strong], height=0.7)
        ax.set_yticks(y, list(part["term"]))
        ax.invert_yaxis()
        ax.set_xlim(0, top_g2 * 1.05)
        n = f"（{reports[group]}篇）" if reports and group in reports else ""
        panel_title(ax, f"{group}{n}", ncols=ncols * 1.3)  # the word labels take a part
        ax.tick_params(axis="x", labelsize=7)
        ax.set_xlabel("G²", fontsize=7)
        if part.empty:
            ax.text(0.5, 0.5, "no word above the rest", transform=ax.transAxes, ha="center",
                    va="center", fontsize=7, color="#555555")
    for ax in list(axes.flat)[len(shown):]:
        ax.set_axis_off()
    more = f" ({len(shown)} of {len(groups)} groups drawn, {_RANK_NOTE})" if len(groups) > \
        len(shown) else ""
    claim = (f"{distinct} of {len(shown)} {what} have words used significantly more than in the "
             f"rest (dark bars: log-likelihood G², p < {KEYNESS_P:g})")
    if best:
        claim += f"; strongest: {best[1]} in {best[0]} (G² = {best[2]:.1f})"
    if reports:
        single = sum(int(reports.get(g, 0)) == 1 for g in shown)
        if single:  # one report's words set it apart from any other report
            claim += f"; {single} of {len(shown)} {what} are a single report"
    set_title(fig, bilingual("区分各组的词语", f"Words that set {what} apart") + more, claim)
    return fig


# --- codes -----------------------------------------------------------------------------------

def heatmap_figure(table: pd.DataFrame, title: str, xlabel: str, ylabel: str, *,
                   claim: str = "", fmt: str = "{:.0f}", width: str = "page",
                   height_cm: float | None = None, split_after: int | None = None,
                   counts: pd.DataFrame | None = None, vmax: float | None = None,
                   colorbar_label: str = "", split_rows: bool = False,
                   write_values: bool = True) -> Figure:
    """A labelled heatmap of a numeric table (rows × columns), values written in the cells
    (``fmt``; with ``counts``, the count below the value, or the count alone when
    ``write_values`` is false: the colour then carries the value); NaN cells (a removed diagonal) are
    left blank; ``split_after``: a line after that many columns; ``split_rows``: the rows are
    the same codes as the columns (a code × code matrix), so the line is drawn after as many
    rows too — never merely because the table happens to be square."""
    setup_fonts()
    height_cm = height_cm or max(6.0, 0.55 * len(table) + 5.5)
    fig = _figure(width, height_cm)
    ax = fig.add_subplot()
    values = table.to_numpy(dtype=float)
    finite = values[~pd.isna(values)]
    top = vmax if vmax is not None else (float(finite.max()) if finite.size else 0.0)
    cmap = mpl.colormaps["Blues"].with_extremes(bad="#e9e9e9")  # NaN (removed diagonal): grey
    image = ax.imshow(values, cmap=cmap, aspect="auto", vmin=0, vmax=top or 1)
    ax.set_xticks(range(table.shape[1]), [str(c) for c in table.columns], rotation=60,
                  ha="right", rotation_mode="anchor")
    ax.set_yticks(range(table.shape[0]), [str(i) for i in table.index])
    for r in range(values.shape[0]):
        for c in range(values.shape[1]):
            v = values[r, c]
            if pd.isna(v) or not v:
                continue
            text = fmt.format(v) if write_values or counts is None else ""
            if counts is not None:
                text = f"{text}\n{int(counts.iat[r, c])}" if text else str(int(counts.iat[r, c]))
            ax.text(c, r, text, ha="center", va="center", fontsize=7, linespacing=1.0,
                    color="white" if v > 0.6 * top else INK)
    if split_after:
        ax.axvline(split_after - 0.5, color="#333333", lw=1)
        if split_rows:
            ax.axhline(split_after - 0.5, color="#333333", lw=1)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    set_title(fig, title, claim)
    bar = fig.colorbar(image, ax=ax, shrink=0.8, aspect=30)
    if colorbar_label:
        bar.set_label(colorbar_label, fontsize=7)
    bar.ax.tick_params(labelsize=7)
    return fig


def code_labels(codebook: Codebook) -> dict[str, str]:
    """Display labels of the codes: 中文 (id)."""
    return {c.id: f"{c.label_zh} ({c.id})" for c in codebook.codes}


#: Rows of a heatmap at most: at 0.55 cm a row (7-pt labels and cell text) 30 rows and the
#: column labels fit MAX_HEIGHT_CM.  More reports or localities: those with most coded
#: paragraphs or reports are drawn, and the title says how many of how many.
MAX_HEATMAP_ROWS = 30


def prevalence_figure(article_codes: pd.DataFrame, articles: pd.DataFrame, codebook: Codebook,
                      *, width: str = "page") -> Figure:
    """Coded paragraphs per article for every domain and mode code (a heatmap): articles are
    labelled by their whole ``article_id`` (source file and number: the number alone repeats
    across files) and their locality's full name."""
    from helpers.coding import paragraph_codes

    book = codebook
    labels = code_labels(book)
    names = articles.set_index("article_id").reindex(article_codes.index)
    rows = [f"{n} {_place(loc)}" for n, loc in
            zip(article_codes.index, names["locality"], strict=True)]
    units = paragraph_codes(articles, book)  # paragraph counts (code_articles' campaign is a flag)
    table = (pd.crosstab(units["article_id"], units["code"])
             .reindex(index=article_codes.index, columns=book.ids, fill_value=0))
    table.index = rows
    total = len(table)
    more = ""
    if total > MAX_HEATMAP_ROWS:  # the most coded reports, in their corpus order
        coded = table.sum(axis=1).reset_index(drop=True)
        keep = sorted(sorted(range(total), key=lambda i: (-coded[i], i))[:MAX_HEATMAP_ROWS])
        table = table.iloc[keep]
        more = f" ({MAX_HEATMAP_ROWS} of {total} reports, the most coded)"
    domains = table[book.domains].sum()
    reach = (table[book.domains] > 0).sum()
    claim = "No paragraph carries a domain code"
    if domains.sum():
        top = _ordered(domains).index[0]
        claim = (f"{labels[top]} is the most coded domain: {int(domains[top])} paragraphs in "
                 f"{int(reach[top])} of {len(table)} reports")
    table = table.rename(columns=labels)
    return heatmap_figure(table, bilingual("各篇报道的主题与治理方式", "Domains and modes per report")
                          + more,
                          bilingual("代码", "code"), bilingual("报道", "report"), claim=claim,
                          width=width, split_after=len(book.domains),
                          colorbar_label="coded paragraphs")


def lead_domains(shares: pd.DataFrame) -> dict[str, tuple[str, ...]]:
    """Per row with any coded paragraph, every column at the row's maximum: a locality whose
    coded paragraphs split evenly between two domains leads with both, not with whichever
    column comes first."""
    out = {}
    for name, row in shares.iterrows():
        values = row.fillna(0.0)
        top = float(values.max()) if len(values) else 0.0
        if top > 0:
            out[str(name)] = tuple(c for c in shares.columns if float(values[c]) == top)
    return out


def profiles_figure(profiles: pd.DataFrame, codebook: Codebook, *, width: str = "page"
                    ) -> Figure:
    """Per locality (``profiles.locality_profiles``), the share of its coded paragraphs that
    carry each code: rows comparable across localities of unequal coverage.  Row labels give
    the full locality name and its number of reports."""
    labels = code_labels(codebook)
    ids = [c for c in codebook.ids if c in profiles.columns]
    more = ""
    if len(profiles) > MAX_HEATMAP_ROWS:  # the localities with most reports, in profile order
        order = sorted(range(len(profiles)), key=lambda i: (-int(profiles["articles"].iloc[i]),
                                                            i))
        more = f" ({MAX_HEATMAP_ROWS} of {len(profiles)} localities, most reports first)"
        profiles = profiles.iloc[sorted(order[:MAX_HEATMAP_ROWS])]
    table = profiles[ids].astype(float)
    table.index = [f"{_place(loc)}（{int(n)}篇）" for loc, n in
                   zip(profiles["locality"], profiles["articles"], strict=True)]
    if table.index.duplicated().any():  # one name in two prefectures: say which
        table.index = [f"{_place(loc)}·{pref or '—'}（{int(n)}篇）" for loc, pref, n in zip(
            profiles["locality"], profiles["prefecture"], profiles["articles"], strict=True)]
    domains = [c for c in codebook.domains if c in ids]
    leads = lead_domains(table[domains]) if domains else {}
    claim = "No locality has a coded paragraph"
    if leads:
        counts = _ordered(pd.Series([c for codes in leads.values() for c in codes]
                                    ).value_counts())
        code, top = counts.index[0], int(counts.iloc[0])
        tied = sum(len(codes) > 1 for codes in leads.values())
        share = "share of each locality's coded paragraphs"
        note = (f"; {tied} tie{'s' if tied != 1 else ''} for the lead, each counted"
                if tied else "")
        if top == 1:
            claim = (f"No two of the {len(leads)} localities lead with the same domain "
                     f"({share}{note})")
        else:
            claim = (f"{labels[code]} leads the domains in {top} of {len(leads)} localities "
                     f"({share}{note})")
    return heatmap_figure(table.rename(columns=labels) * 100,
                          bilingual("各地区编码段落的构成", "What each locality writes about")
                          + more,
                          bilingual("代码", "code"), bilingual("地区（篇数）", "locality (reports)"),
                          claim=claim, fmt="{:.0f}", width=width, vmax=100,
                          split_after=len(domains), colorbar_label="% of coded paragraphs")


def cooccurrence_table(matrix: pd.DataFrame, *, units: int | None = None) -> pd.DataFrame:
    """Every pair of codes of a co-occurrence matrix (``coding.cooccurrence``): the units
    carrying both (``both``) and each (``units_a``, ``units_b``), the Jaccard index
    both / (a + b − both), and, given the number of ``units``, the lift
    both · units / (a · b) (1: as often as chance)."""
    codes = list(matrix.index)
    rows = []
    for i, a in enumerate(codes):
        for b in codes[i + 1:]:
            both, na, nb = int(matrix.loc[a, b]), int(matrix.loc[a, a]), int(matrix.loc[b, b])
            union = na + nb - both
            rows.append({"code_a": a, "code_b": b, "both": both, "units_a": na, "units_b": nb,
                         "jaccard": both / union if union else float("nan"),
                         "lift": both * units / (na * nb) if units and na and nb else
                         float("nan")})
    return pd.DataFrame(rows, columns=["code_a", "code_b", "both", "units_a", "units_b",
                                       "jaccard", "lift"])


def jaccard_matrix(matrix: pd.DataFrame) -> pd.DataFrame:
    """The co-occurrence matrix as Jaccard indices, the diagonal removed (NaN)."""
    diag = pd.Series([matrix.iat[i, i] for i in range(len(matrix))], index=matrix.index)
    union = diag.to_numpy()[:, None] + diag.to_numpy()[None, :] - matrix.to_numpy()
    with_both = matrix.to_numpy().astype(float)
    out = pd.DataFrame(with_both / union.clip(min=1), index=matrix.index, columns=matrix.columns)
    out = out.where(union > 0)
    for i in range(len(out)):
        out.iat[i, i] = float("nan")
    return out


#: Fewest units a pair must share before it can be the figure's claim: one shared paragraph
#: gives a Jaccard of 1 between two codes used once, which says nothing.
MIN_PAIR_UNITS = 3


def cooccurrence_figure(matrix: pd.DataFrame, codebook: Codebook, *, level: str = "paragraph",
                        width: str = "page") -> Figure:
    """Which codes go together: the colour gives the Jaccard index of every pair (share of the
    units carrying either code that carry both; 0 never together, 1 always), the diagonal
    removed; each cell's number is the units carrying both (an index and a count in a cell
    0.6 cm wide run into their neighbours at print size; the claim and ``cooccurrence_table``
    give the indices)."""
    labels = code_labels(codebook)
    jac = jaccard_matrix(matrix)
    pairs = cooccurrence_table(matrix)
    pairs = pairs[pairs["both"] >= MIN_PAIR_UNITS].sort_values(
        ["jaccard", "both", "code_a", "code_b"], ascending=[False, False, True, True])
    unit = "paragraphs" if level == "paragraph" else "reports"
    zh = "段落" if level == "paragraph" else "报道"
    if pairs.empty:
        claim = f"No two codes share {MIN_PAIR_UNITS} or more {unit}"
    else:
        p = pairs.iloc[0]
        claim = (f"{labels[p['code_a']]} and {labels[p['code_b']]} go together most: Jaccard "
                 f"{p['jaccard']:.2f}, {int(p['both'])} {unit} carry both")
    return heatmap_figure(jac.rename(index=labels, columns=labels),
                          bilingual(f"代码共现（{zh}，Jaccard）",
                                    f"Code co-occurrence ({unit}, Jaccard index)"),
                          bilingual("代码", "code"), bilingual("代码", "code"), claim=claim,
                          fmt="{:.2f}", width=width, height_cm=17.0,
                          vmax=max(0.1, math.ceil(float(jac.max().max() or 0) * 10) / 10),
                          split_after=len(codebook.domains), split_rows=True, counts=matrix,
                          write_values=False,
                          colorbar_label=f"Jaccard index (number: {unit} with both)")


# --- reported figures ------------------------------------------------------------------------

#: A printed page's text block height (cm): Elsevier 24, Nature 24.7 — the lower.
MAX_HEIGHT_CM = 24.0
#: Rows of a small-multiples figure, all panels together, and of one panel: at ROW_CM a row plus
#: a panel's title and axis (PANEL_CM), 30 rows keep the figure within MAX_HEIGHT_CM; 8 rows a
#: panel leave room for several families.  A panel with more figures than that draws one row
#: per locality (the localities with most figures) with all its figures as dots.
MAX_FIGURE_ROWS = 30
MAX_PANEL_ROWS = 8
ROW_CM = 0.42
PANEL_CM = 1.3
#: Families drawn at most (most localities first, ties by name); the title says how many were
#: left out.
MAX_FAMILY_PANELS = 6
#: Characters of an indicator kept in an axis label on a page, and in a column (the locality is
#: always whole; the column leaves about 4 cm of labels beside a 4 cm axis).
INDICATOR_CHARS = 12
INDICATOR_CHARS_COLUMN = 6
#: What a rate near the ceiling is, for the rates figure's claim.
HIGH_RATE = 95.0
_UNNAMED = {"other rates", "other", ""}


def _shared_printings(rows: pd.DataFrame) -> pd.DataFrame:
    """One row per printed figure: rows of one sentence with the same value beyond the number
    of times the sentence prints it (均为100%) become one, their indicators joined by 、."""
    from helpers.heaping import printed_count

    keys = ["article_id", "sentence", "value"]
    out = []
    for _, group in rows.groupby(keys, sort=False, dropna=False):
        printed = printed_count(float(group["value"].iloc[0]), group["sentence"].iloc[0])
        if printed and len(group) > printed:
            first = group.iloc[[0]].copy()
            first["indicator"] = "、".join(dict.fromkeys(str(i) for i in group["indicator"]))
            out.append(first)
        else:
            out.append(group)
    return pd.concat(out) if out else rows


def _row_label(locality: object, indicator: object, mark: str = "", *,
               width: str = "page") -> str:
    chars = INDICATOR_CHARS_COLUMN if width == "column" else INDICATOR_CHARS
    return f"{_place(locality)} · {mark}{_short(str(indicator or ''), chars)}"


def _panel_size(rows: pd.DataFrame) -> int:
    """Rows a panel takes: one per figure, or one per locality (at most MAX_PANEL_ROWS)."""
    if len(rows) <= MAX_PANEL_ROWS:
        return len(rows)
    return min(MAX_PANEL_ROWS, rows["locality"].nunique())


def _choose_panels(frame: pd.DataFrame, order: list[str], *, last: str | None = None
                   ) -> list[str]:
    """The families (in ``order``) that fit MAX_FAMILY_PANELS and MAX_FIGURE_ROWS; ``last``
    (the unclassified amounts), when among them, always keeps the last panel, so the figure
    never hides that some amounts have no family."""
    chosen, total = [], 0
    reserved = [last] if last in order else []
    room = MAX_FAMILY_PANELS - len(reserved)
    rows = MAX_FIGURE_ROWS - sum(max(2, _panel_size(frame[frame["family"] == f]))
                                 for f in reserved)
    for family in [f for f in order if f not in reserved]:
        size = max(2, _panel_size(frame[frame["family"] == family]))
        if len(chosen) == room or (chosen and total + size > rows):
            break
        chosen.append(family)
        total += size
    return chosen + reserved


def rate_levels(table: pd.DataFrame) -> pd.DataFrame:
    """The rows the rates figure draws from: rate levels in % (``metrics.is_level``) of a named
    family, one row per printing (…率、…率均为100% is one, its indicators joined), the locality
    as printed on the axis."""
    from helpers.metrics import is_level

    rates = table[(table["kind"] == "rate") & (table["unit_std"] == "%") & is_level(table)]
    rates = rates[rates["family"].notna() & ~rates["family"].isin(_UNNAMED)]
    return _shared_printings(rates.assign(locality=rates["locality"].map(_place)))


def money_levels(table: pd.DataFrame) -> pd.DataFrame:
    """The rows the money figure draws from: money levels above 0 (``metrics.is_level``), the
    amounts of no named family under ``UNCLASSIFIED``."""
    from helpers.metrics import is_level

    money = table[(table["kind"] == "money") & is_level(table)]
    return money[money["value_std"] > 0].assign(
        locality=lambda t: t["locality"].map(_place),
        family=lambda t: t["family"].where(t["family"].notna() & ~t["family"].isin(_UNNAMED),
                                           UNCLASSIFIED))


def drawn_families(levels: pd.DataFrame, kind: str) -> tuple[list[str], list[str]]:
    """(families drawn, all families in order) of ``rate_levels`` or ``money_levels``: rates by
    most localities, money by most figures (the unclassified amounts last and always drawn),
    ties by name; as many as fit MAX_FAMILY_PANELS and MAX_FIGURE_ROWS."""
    if kind == "rate":
        spread = levels.groupby("family")["locality"].nunique()
        families = sorted(spread.index, key=lambda f: (-spread[f], f))
        return _choose_panels(levels, families), families
    per = levels.groupby("family").size()
    families = sorted(per.index, key=lambda f: (f == UNCLASSIFIED, -per[f], f))
    return _choose_panels(levels, families, last=UNCLASSIFIED), families


def _panel_rows(rows: pd.DataFrame, label) -> tuple[pd.DataFrame, str]:
    """``rows`` (sorted) with a ``row`` position and a ``label``: one row per figure when they
    fit MAX_PANEL_ROWS; else one row per locality, the MAX_PANEL_ROWS with most figures (ties
    by name), its figures in brackets; and a note of that for the panel title."""
    rows = rows.reset_index(drop=True)
    if len(rows) <= MAX_PANEL_ROWS:
        return rows.assign(row=range(len(rows)), label=[label(r) for r in rows.itertuples()]), ""
    per = rows.groupby("locality").size()
    keep = sorted(per.index, key=lambda loc: (-per[loc], loc))[:MAX_PANEL_ROWS]
    rows = rows[rows["locality"].isin(keep)]
    rows = rows.assign(row=rows["locality"].map({loc: i for i, loc in enumerate(keep)}),
                       label=rows["locality"].map(lambda loc: f"{loc}（{per[loc]}）"))
    note = "; a row per locality (its figures in brackets)"
    if len(per) > len(keep):
        note += f", {len(keep)} of {len(per)} localities shown"
    return rows, note


def _locality_styles(localities: list[str]) -> dict[str, dict[str, str]]:
    """Colours (then markers) per locality; beyond the markers one style for all: the row
    labels name the localities, so nothing repeats a colour for two of them."""
    if len(localities) <= len(MARKERS):
        return category_styles(localities)
    return {loc: {"color": INK, "marker": "o"} for loc in localities}


def _yticks(ax, rows: pd.DataFrame) -> None:
    ticks = rows.drop_duplicates("row").sort_values("row")
    ax.set_yticks(list(ticks["row"]), list(ticks["label"]))
    ax.set_ylim(max(1, len(ticks)) - 0.5, -0.5)


def rates_figure(table: pd.DataFrame, *, width: str = "page") -> Figure:
    """Rate levels as small multiples, one panel per indicator family (rates are comparable only
    within one): levels only (``metrics.is_level``: no changes, targets, ceilings, baselines or
    quoted figures), in %, named families only.  Each panel has its own axis (a 4 % ceiling is not
    stretched to 0), a row per printed figure labelled by the full locality name and the
    indicator (a row per locality when the figures are many); one colour per locality (never
    reused; markers when there are more localities than colours; one style for all beyond the
    markers, the labels naming them); floors and ceilings (以上, 不足) as open markers.  The
    claim counts the levels drawn."""
    setup_fonts()
    rates = rate_levels(table)
    spread = rates.groupby("family")["locality"].nunique()
    shown, families = drawn_families(rates, "rate")
    multi = int((spread > 1).sum())
    rates = rates[rates["family"].isin(shown)]  # the claim's levels: those drawn
    n = len(rates)
    high = int((rates["value_std"] >= HIGH_RATE).sum())
    styles = _locality_styles(sorted(rates["locality"].unique()))
    sizes = [max(2, _panel_size(rates[rates["family"] == f])) for f in shown]
    fig = _figure(width, sum(ROW_CM * h + PANEL_CM for h in sizes) + 2.5 if shown else 5.0)
    claim = (f"Compare within a family only: {multi} of {len(families)} families have levels "
             f"from more than one locality; {high} of {n} levels drawn are {HIGH_RATE:g} % or "
             "more"
             if n else "No rate level in a named family")
    more = (f" ({len(shown)} of {len(families)} families shown, most localities first)"
            if len(families) > len(shown) else "")
    set_title(fig, bilingual("各类比率（仅水平值）", "Rate levels by indicator family") + more,
              claim)
    if not shown:
        return fig
    axes = fig.subplots(len(shown), 1, squeeze=False, height_ratios=sizes)[:, 0]
    marks = {"over": "≥", "under": "<"}

    def label(r) -> str:
        return _row_label(r.locality, r.indicator,
                          marks.get(r.qualifier if isinstance(r.qualifier, str) else "", ""),
                          width=width)

    for ax, family in zip(axes, shown, strict=True):
        part = rates[rates["family"] == family]
        rows, note = _panel_rows(part.sort_values(["locality", "value_std", "indicator"]), label)
        for row in rows.itertuples():
            style = styles[row.locality]
            bound = row.qualifier in marks
            ax.scatter([row.value_std], [row.row], s=22, zorder=3, marker=style["marker"],
                       facecolors="white" if bound else style["color"],
                       edgecolors=style["color"], linewidths=1)
        _yticks(ax, rows)
        lo, hi = float(rows["value_std"].min()), float(rows["value_std"].max())
        pad = max(0.5, 0.08 * (hi - lo))
        ax.set_xlim(lo - pad, hi + pad)
        if lo - pad <= 100 <= hi + pad:
            ax.axvline(100, color=MUTED, lw=0.8, ls="--", zorder=1)
        ax.grid(axis="x", color="#e4e4e4", lw=0.5)
        figures, places = len(part), part["locality"].nunique()
        panel_title(ax, f"{family}: {figures} figure{'' if figures == 1 else 's'}, "
                    f"{places} localit{'y' if places == 1 else 'ies'}{note}")
    axis_label(axes[-1], bilingual("报告的比率（%，各面板坐标独立）",
                                   "reported rate (%, each panel its own axis)"))
    return fig


def heaping_figure(result: Mapping[str, pd.DataFrame], *, width: str = "page") -> Figure:
    """Heaping of rate levels (``heaping.heaping_tests``): per printed precision, the count of
    each last digit against the count uniform digits give (dashed), 0 and 5 highlighted, with n,
    the test and its verdict; and the figures near the ceiling in unit-wide bins, exactly 100 %
    against the mean of the bins below."""
    from matplotlib.ticker import MaxNLocator

    from helpers.heaping import ALPHA, CEILING, CEILING_WINDOW, MIN_CONCLUSIVE_N

    setup_fonts()
    prec = result["precision"]
    digits = result["digits"]
    column = width == "column"  # one panel under another in a column, 2 × 2 on a page
    fig = _figure(width, 21.0 if column else 11.0)
    axes = fig.subplots(4, 1).flat if column else fig.subplots(2, 2).flat
    for ax, row in zip(axes, prec.itertuples(), strict=False):
        part = digits[digits["precision"] == row.precision]
        ax.bar(part["last_digit"], part["count"], width=0.7,
               color=[HIGHLIGHT if d in (0, 5) else INK for d in part["last_digit"]])
        if row.n:
            ax.axhline(row.n / 10, color="#555555", lw=0.8, ls="--")
        ax.set_xticks(range(10))
        axis_label(ax, bilingual("末位数字", "last digit"), size=7)
        ax.set_ylabel(bilingual("个数", "count"), fontsize=7)
        ax.set_ylim(0, max(1.0, float(part["count"].max()) * 1.25))
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        test = f"{row.method} p = {row.p:.2g}" if row.n else "no test"
        panel_title(ax, f"{row.precision}: n = {row.n}, {test}; {row.verdict}")
    ceiling = result["ceiling"].iloc[0]
    ax = list(fig.axes)[3]
    tested = result["rates"]
    tested = tested[tested["tested"]]["value_std"].astype(float)
    bins = list(range(int(CEILING) - CEILING_WINDOW, int(CEILING)))
    counts = [int(((tested >= b) & (tested < b + 1)).sum()) for b in bins]
    ax.bar([str(b) for b in bins], counts, color=INK, width=0.7)
    ax.bar([f"{CEILING:g}"], [int(ceiling["at_ceiling"])], color=HIGHLIGHT, width=0.7)
    ax.axhline(float(ceiling["expected"]), color="#555555", lw=0.8, ls="--")
    axis_label(ax, bilingual("比率（%，单位宽度分箱）", "rate (%, unit-wide bins)"), size=7)
    ax.set_ylabel(bilingual("个数", "count"), fontsize=7)
    ax.set_ylim(0, max(1.0, max(counts + [int(ceiling["at_ceiling"])]) * 1.25))
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    p = ceiling["p"]
    panel_title(ax, f"exactly {CEILING:g}%: {int(ceiling['at_ceiling'])} vs "
                f"{float(ceiling['expected']):.1f} expected, "
                f"{'p = ' + format(p, '.2g') if pd.notna(p) else 'no test'}; "
                f"{ceiling['verdict']}")
    heaped = list(prec.loc[prec["verdict"] == "heaping", "precision"])
    if ceiling["verdict"] == "heaping":
        heaped.append(f"exactly {CEILING:g}%")
    if heaped:
        claim = f"Rates heap ({', '.join(heaped)}): more than uniform digits give, p < {ALPHA:g}"
    elif (prec["verdict"] == "no sign of heaping").any():
        claim = "No sign of heaping where the figures are enough to tell"
    else:
        claim = (f"Too few rate levels to tell heaping from chance (n = "
                 f"{', '.join(str(n) for n in prec['n'])} by precision; {MIN_CONCLUSIVE_N} "
                 "needed per precision)")
    set_title(fig, bilingual("比率的堆积：末位数字与100%", "Heaping: last digits and 100 %")
              + " (dashed: expected count — uniform last digits; at 100 %, the mean of the bins "
              "below)", claim)
    return fig


def _printed(value: float, unit: str, qualifier: str | None) -> str:
    """A figure as the report printed it: 约20亿元, 100余万元, 不足60%."""
    pre = {"approx": "约", "under": "不足"}.get(qualifier or "", "")
    more = "余" if qualifier == "over" else ""
    mag = next((m for m in ("亿", "万") if unit.startswith(m)), "")
    number = f"{value:.15g}"  # digits as printed, never 5e+08 (15: all a float holds exactly)
    return f"{pre}{number}{more}{mag}{unit[len(mag):]}" if more else f"{pre}{number}{unit}"


UNCLASSIFIED = "未归类 · unclassified"


def money_figure(table: pd.DataFrame, *, width: str = "page") -> Figure:
    """Money levels (in 元) by indicator family on one log scale: small multiples sharing the
    axis, a row per figure labelled by the full locality name and the indicator (a row per
    locality when the figures are many), the amount as printed beside a lone dot.  Levels only
    (``metrics.is_level``): quoted figures (a resident's 1000块钱 is an anecdote, not a budget),
    targets and changes are left out.  The unclassified amounts always keep the last panel."""
    setup_fonts()
    money = money_levels(table)
    shown, families = drawn_families(money, "money")
    sizes = [max(1, _panel_size(money[money["family"] == f])) for f in shown]
    fig = _figure(width, sum(ROW_CM * h + PANEL_CM for h in sizes) + 2.5 if shown else 5.0)
    if money.empty:
        set_title(fig, bilingual("报告的金额", "Money amounts reported"), "No money level")
        return fig
    drawn = money[money["family"].isin(shown)]  # the claim and axis: what the panels draw
    lo, hi = float(drawn["value_std"].min()), float(drawn["value_std"].max())
    top = drawn.sort_values(["value_std", "indicator"], ascending=[False, True]).iloc[0]
    low = drawn.sort_values(["value_std", "indicator"], ascending=[True, True]).iloc[0]
    claim = (f"Amounts run from {_printed(low['value'], low['unit'], low['qualifier'])} to "
             f"{_printed(top['value'], top['unit'], top['qualifier'])}, the largest "
             f"{_short(str(top['indicator']), 20)} in {top['locality']}"
             if hi > lo else
             f"One amount: {_short(str(top['indicator']), 20)} in {top['locality']} "
             f"({_printed(top['value'], top['unit'], top['qualifier'])})")
    named = [f for f in families if f != UNCLASSIFIED]  # unclassified is no family
    named_shown = [f for f in shown if f != UNCLASSIFIED]
    more = (f" ({len(named_shown)} of {len(named)} families shown)"
            if len(named) > len(named_shown) else "")
    set_title(fig, bilingual("各类金额（仅水平值，对数坐标）", "Money levels by family (log scale)")
              + more, claim)
    axes = fig.subplots(len(shown), 1, squeeze=False, sharex=True, height_ratios=sizes)[:, 0]
    for ax, family in zip(axes, shown, strict=True):
        part = money[money["family"] == family]
        rows, note = _panel_rows(part.sort_values(["value_std", "locality", "indicator"],
                                                  ascending=[False, True, True]),
                                 lambda r: _row_label(r.locality, r.indicator, width=width))
        ax.scatter(rows["value_std"], rows["row"], color=INK, s=20, zorder=3)
        if not note:  # a row per figure: the amount as printed beside it
            for row in rows.itertuples():
                ax.text(row.value_std * 1.4, row.row,
                        _printed(row.value, row.unit, row.qualifier), va="center", fontsize=7,
                        color="#333333")
        _yticks(ax, rows)
        ax.set_xscale("log")
        ax.grid(axis="x", color="#e4e4e4", lw=0.5)
        panel_title(ax, f"{family}: {len(part)} figure{'s' if len(part) != 1 else ''}{note}")
    axes[0].set_xlim(lo / 3, hi * 40)
    axis_label(axes[-1], bilingual("金额（元，对数坐标）", "amount (yuan, log scale)"))
    return fig
