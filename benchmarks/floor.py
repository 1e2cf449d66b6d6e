"""What a 5x-jieba pipeline would have to fit in: the cost of the unavoidable steps alone.

The scale issue asks for the full pipeline on one core at five times the throughput of bare
``jieba.lcut``.  This script measures, on a corpus of pages (e.g. the one ``benchmarks/run.py
--keep`` leaves), the budget that target leaves (``jieba.lcut`` time / 5) and what the steps
that no implementation of this pipeline can skip cost by themselves, in CPU seconds:

- reading and normalizing every page (``read_page``);
- tokenizing every article with the fast tokenizer (rjieba);
- walking the printed lines once in Python with one small object per line (the least a
  line-by-line layout parser does);
- finding the quantities of every paragraph with the extractor's regular expression;
- naming what each count counts: the nouns after its measure word, from the part-of-speech
  tagger (``extract_metrics``'s own function, for the counts only).

    python benchmarks/floor.py /tmp/bench50
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


@dataclass
class _Line:
    no: int
    raw: str
    text: str


def cpu(label: str, fn, results: dict) -> object:
    start = time.process_time()
    out = fn()
    results[label] = time.process_time() - start
    print(f"  {label:<58} {results[label]:7.2f} s", flush=True)
    return out


def main() -> None:
    import jieba

    from helpers import metrics, text
    from helpers.corpus import load_corpus
    from helpers.text.pos import pos_tagger

    folder = Path(sys.argv[1])
    pages = sorted(folder.glob("*.txt"))
    mb = sum(p.stat().st_size for p in pages) / 1e6
    jieba.setLogLevel(60)
    jieba.initialize()
    text.tokenize("预热")
    tagger = pos_tagger()
    tagger.lcut("预热")
    articles = load_corpus(folder)
    bodies = list(articles["text"])
    print(f"{len(pages)} pages, {mb:.1f} MB (CPU seconds, one core):")
    res: dict[str, float] = {}
    cpu("bare jieba.lcut of every article", lambda: [jieba.lcut(b) for b in bodies], res)
    budget = res["bare jieba.lcut of every article"] / 5
    docs = cpu("read_page (decode + normalize) of every page",
               lambda: [text.read_page(p) for p in pages], res)
    cpu("tokenize every article (rjieba)", lambda: [text.tokenize(b) for b in bodies], res)
    cpu("one Python object per printed line",
        lambda: [_Line(no, raw, raw.strip()) for d in docs
                 for no, raw in enumerate(d.split("\n"), 1)], res)
    paras = [p for b in bodies for p in b.split("\n") if p]
    found = cpu("quantity regex over every paragraph",
                lambda: [(p, m) for p in paras for m in metrics._QUANTITY.finditer(p)
                         if m.group("num")], res)
    counts = [(p, m) for p, m in found if m.group("unit") in metrics.COUNT_WORDS]
    cpu(f"POS: what each of the {len(counts):,} counts counts",
        lambda: [metrics._noun_phrase_after(p[m.end():]) for p, m in counts], res)
    floor = sum(v for k, v in res.items() if not k.startswith("bare"))
    print(f"  5x budget (jieba.lcut / 5): {budget:.2f} s; these steps alone: {floor:.2f} s "
          f"({floor / budget:.1f}x the budget)")


if __name__ == "__main__":
    main()
