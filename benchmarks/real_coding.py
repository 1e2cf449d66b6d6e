"""Score the dictionary coder on hand-coded paragraphs: per-code precision, recall and F1, and
macro-F1 over the domain and the mode codes.

The paragraphs of a real validation set are others' published text and stay outside the
repository; the file is a CSV with the columns of ``corpus/annotations/heldout_*.csv``
(``item``, ``text``, ``codes`` as ``a;b;c``; other columns are ignored).  Run

    python benchmarks/real_coding.py /path/to/real_dev.csv [more.csv ...] [--show]

Each file is scored with ``coding.validate_texts`` (the same agreement table as notebook 02).
The domain macro-F1 is printed twice: over every domain code with support (government_services
included), and without government_services, the figure comparable with scores measured before
that code existed; government_services' own row is printed as well.  ``--show`` lists the
disagreements (missed = hand only, extra = dictionary only) with their text.

``--article-context`` codes each paragraph in its article's context, as the pipeline does
(``code_segments``: a drive named in one paragraph and referred to in the next): the set's
``sources.csv`` beside the file (columns ``item``, ``url``) gives each paragraph its article, and
consecutive paragraphs of one URL are one article.  Without it every paragraph stands alone, as
the scores of the earlier sets were measured.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pandas as pd

from helpers.coding import ARTICLE_COLUMN, Codebook, default_codebook, validate_texts

#: The domain added after the first sets were coded: reported on its own and left out of the
#: second domain macro-F1, so the figure stays comparable with the earlier measurements.
NEW_DOMAIN = "government_services"
#: Columns of the per-code table printed.
SHOWN = ["code", "support", "tp", "fp", "fn", "precision", "recall", "f1"]


def with_articles(path: Path, out: Path) -> Path:
    """A copy of the hand-coded CSV with an ``article`` column: each item's URL from the
    ``sources.csv`` beside it (an item without one is refused, naming it)."""
    sources_path = path.parent / "sources.csv"
    if not sources_path.is_file():
        raise FileNotFoundError(f"{sources_path}: --article-context needs the set's sources.csv")
    hand = pd.read_csv(path, keep_default_na=False, dtype=str)
    sources = pd.read_csv(sources_path, keep_default_na=False, dtype=str)
    urls = dict(zip(sources["item"], sources["url"], strict=True))
    missing = [item for item in hand["item"] if not urls.get(item)]
    if missing:
        raise ValueError(f"{sources_path}: no url for item(s) {', '.join(missing[:5])}")
    hand[ARTICLE_COLUMN] = hand["item"].map(urls)
    hand.to_csv(out, index=False)
    return out


def score_file(path: Path, codebook: Codebook, *, article_context: bool = False
               ) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, float]]:
    """The per-code table, the disagreements and the macro scores of one hand-coded CSV."""
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such hand-coded CSV")
    if article_context:
        with tempfile.TemporaryDirectory() as tmp:
            table, dis = validate_texts(with_articles(path, Path(tmp) / path.name), codebook)
    else:
        table, dis = validate_texts(path, codebook)
    codes = table[~table["code"].str.startswith("macro")]
    domains = codes[(codes["dimension"] == "domain") & (codes["support"] > 0)]
    without = domains[domains["code"] != NEW_DOMAIN]
    macro = table.set_index("code")
    scores = {
        "domain_macro_f1": float(macro.loc["macro (domain)", "f1"]),
        f"domain_macro_f1_without_{NEW_DOMAIN}": float(without["f1"].mean()),
        "mode_macro_f1": float(macro.loc["macro (mode)", "f1"]),
        f"{NEW_DOMAIN}_f1": float(codes.set_index("code").loc[NEW_DOMAIN, "f1"]),
    }
    return table, dis, scores


def print_report(path: Path, table: pd.DataFrame, dis: pd.DataFrame, scores: dict[str, float],
                 *, show: bool) -> None:
    """Per-code table, macro scores and (with ``show``) the disagreements of one file."""
    units = int(table["tp"].iloc[0] + table["fp"].iloc[0] + table["fn"].iloc[0]
                + table["tn"].iloc[0])
    print(f"== {path}: {units} paragraphs")
    with pd.option_context("display.width", 140, "display.max_rows", 100,
                           "display.float_format", "{:.2f}".format):
        print(table[SHOWN].to_string(index=False))
    for name, value in scores.items():
        print(f"{name}: {value:.3f}")
    if show:
        for r in dis.sort_values(["unit", "code"], kind="stable").itertuples(index=False):
            print(f"  {r.unit}\t{r.kind}\t{r.code}\t{r.text}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", type=Path, help="hand-coded CSV files")
    parser.add_argument("--show", action="store_true", help="list the disagreements")
    parser.add_argument("--article-context", action="store_true",
                        help="code paragraphs in their article's context (sources.csv's url)")
    args = parser.parse_args(argv)
    book = default_codebook()
    for path in args.files:
        table, dis, scores = score_file(path, book, article_context=args.article_context)
        print_report(path, table, dis, scores, show=args.show)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
