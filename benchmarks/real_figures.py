"""Measure the metrics extractor on real published sentences annotated by reading them.

The sentences are others' text and stay outside the repository.  Give the folder holding
``sentences.csv`` (sentence_id, split, url, site, province, sentence) and ``figures.csv`` (one
row per figure a reader finds: sentence_id, split, value, printed, unit, value_std, kind,
direction, role, pair, indicator, period, quoted, low, high, notes):

    .venv/bin/python benchmarks/real_figures.py --items /path/to/folder --split dev [--show]

Each annotated figure is matched to the extracted row of the same sentence with the same printed
value (the row whose unit agrees first); a range (``value`` blank, ``low`` and ``high`` given: 2-3个,
第4位至第7位) to the row with the same two ends.  Scores, over the annotated figures:

- ``value+kind``: a row with the figure's value, ``value_std`` and kind.  The protocol (rule 4)
  expands only 万/亿 in ``value_std`` and leaves physical units as printed (3938公顷 → 3938,
  60万亩 → 600000), where the table converts them to m², kg, m³, m (``UNITS``), and gives
  multiples (增长3.94倍, 翻一番) as the increase in %, where the table keeps them in 倍: for those
  the row's ``value_std`` is compared in the protocol's convention (``_std_as_printed``);
- ``direction``: of the figures annotated with a direction (changes and from/to movements);
- ``pair``: of the figures annotated in a pair, whether our row shares a pair id with the row
  of every other member of its pairs; a current value that is the ``to`` of two bases (set 4's
  rule B16) holds two ids joined by ``;`` and must be linked to both bases; ``pair first id``
  keeps the first id of every row only (the single-id reading the protocol allows);
- ``pair precision`` (an extra measure, added after the two above and changing neither): of the
  links our table makes between annotated figures (two matched rows sharing a pair id), the
  share the annotation makes too.  ``pair`` counts only the annotated pairs we miss, never the
  pairs we add; a row linked to a row no figure matches is not counted here either;
- ``role``; ``period`` (the printed time phrase, empty when none); ``quoted``;
- ``indicator exact`` and ``indicator usable``: the annotated label itself, or a usable one
  (``_usable``: containment or the same characters in order within ``USABLE_SLACK``
  characters, or the same indicator family);
- ``extra rows``: rows matching no annotated figure (dates aside) — wrong or unwanted values.

``--article-context`` reads the sentences of one ``url``, in file order, as the paragraphs of
one article, as ``extract_metrics`` reads an article: a part of it that sets out work to come
(``metric_context.plan_parts``) makes its figures targets.  The sets hold chosen sentences, not
whole articles (no headline, gaps between sentences), so this is a partial view of the context
the pipeline has; without the option every sentence stands alone, as the earlier sets were
scored.

``--drop-flagged`` leaves out the rows set 3's protocol flags as debatable
(``FLAGS_A_SCORER_MAY_DROP``); report both numbers.
"""

from __future__ import annotations

import argparse
import csv
import math
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from helpers import metrics

#: Characters a label may differ by from the annotated one and still name the same thing
#: (全县群众满意率 for 群众满意率; 满意率 for 群众满意率).
USABLE_SLACK = 3
#: Flags set 3's protocol puts in ``notes`` for rows a scorer may drop (category thresholds,
#: anecdotes told as a story, streak counts, typos and numbers that lost characters in the
#: stored text): with ``--drop-flagged`` they are left out and both numbers are reported.
FLAGS_A_SCORER_MAY_DROP = ("CATEGORY_THRESHOLD", "ANECDOTE", "STREAK", "TYPO", "DROPPED_CHARS")
#: Relative tolerance of value comparison: printed decimals survive float64 exactly; 1e-9 only
#: absorbs the rounding of value_std products (万 × 1e4).
REL_TOL = 1e-9


def _float(text: str) -> float | None:
    text = (text or "").strip()
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        return None


def _same(a: object, b: float | None) -> bool:
    if b is None or a is None:
        return a is None and b is None
    try:
        a = float(a)
    except (TypeError, ValueError):
        return False
    return math.isfinite(a) and math.isclose(a, b, rel_tol=REL_TOL, abs_tol=1e-9)


#: Kinds whose ``value_std`` the table converts to SI units while the protocol keeps the printed
#: unit (rule 4): compared as printed, magnitudes (万, 亿) expanded.
PHYSICAL_KINDS = frozenset({"area", "weight", "volume", "length"})


def _std_as_printed(row: dict, sentence: str = "") -> object:
    """The row's ``value_std`` in the protocol's convention: ``PHYSICAL_KINDS`` in the printed
    unit with its magnitudes expanded (千米 and 千克 are units, not magnitudes: 42748千米 →
    42748); ‰ as printed (rule 4: %, ‰ unchanged, where the table gives ‰ in %); multiples as
    the increase in % (rule 4: 增长3.94倍 → 394; rule N1: 翻一番 → (2^1 − 1) × 100 = 100; set
    3's B5: 是去年同期的18倍 → (18 − 1) × 100), where the table keeps the multiple in 倍 (3.94
    倍; 翻一番 = 2 倍, the amount doubled; 是…的18倍 = 18 倍); every other kind as the table has
    it."""
    if row["unit_std"] == "倍" and isinstance(row["value_std"], float):
        of_base = row["unit"] == "倍" and re.search(
            r"(?:是|为)[^，,。；;！？]{0,12}的" + re.escape(f"{row['value']:g}") + "倍", sentence)
        return (row["value_std"] - (row["unit"] == "番" or bool(of_base))) * 100
    if row["unit"] == "‰" and row["value"] is not None:
        return row["value"]
    if row["kind"] not in PHYSICAL_KINDS or row["value"] is None:
        return row["value_std"]
    unit = str(row["unit"])
    _kind, _unit_std, factor = metrics.unit_factor(unit)
    base = unit if unit in metrics.UNITS else unit.lstrip("千百万亿萬億")
    base_factor = metrics.unit_factor(base)[2] if base else 1.0
    return row["value"] * factor / base_factor


#: Magnitudes a range's annotated ends leave in the unit (三五万元: low 3, high 5, unit 万元),
#: where the table may give the ends expanded (30000, 50000 元).
RANGE_MAGNITUDES = {"万": 1e4, "亿": 1e8}


def _same_range(row: dict, low: float | None, high: float | None, unit: str = "") -> bool:
    """Whether the row is the range ``low``-``high`` (both ends as printed, or both expanded by
    the magnitude the annotated unit starts with)."""
    if low is None or high is None or row.get("value_high") is None:
        return False
    for factor in {1.0, RANGE_MAGNITUDES.get(unit[:1], 1.0)}:
        if _same(row.get("value_low"), low * factor) and _same(row["value_high"], high * factor):
            return True
    return False


def _usable(ours: str | None, gold: str, kind: str) -> bool:
    """Whether our label names what the annotated one names (rule fixed once, before tuning).

    ``ours`` is usable for ``gold`` when both are empty or they are equal; or when, against the
    annotated label or against it without a trailing parenthesised qualifier (the protocol's
    rule 12 adds ``(全市)``, ``(三次产业结构)`` to tell rows of one base name apart; the sentence
    itself gives them as scope, which a label leaves to the row's context):

    - one contains the other, and they differ by at most ``USABLE_SLACK`` characters
      (全县群众满意率 for 群众满意率; 地区生产总值 for 地区生产总值增速);
    - or the characters of one appear in order in the other (a word inserted: 第一产业完成投资
      for 第一产业投资, 审执结各类案件 for 审执结案件), again within ``USABLE_SLACK``
      characters;
    - or both belong to the same indicator family (``metrics.indicator_family``).
    """
    if not ours or not gold:
        return not ours and not gold
    golds = {gold, re.sub(r"[(（][^()（）]*[)）]$", "", gold)} - {""}
    for want in golds:
        if ours == want:
            return True
        if abs(len(ours) - len(want)) > USABLE_SLACK:
            continue
        short, long = sorted((ours, want), key=len)
        if short in long or _in_order(short, long):
            return True
    fam = metrics.indicator_family(gold)
    return fam is not None and metrics.indicator_family(ours) == fam


def _in_order(short: str, long: str) -> bool:
    """Whether the characters of ``short`` appear in ``long`` in the same order."""
    it = iter(long)
    return all(ch in it for ch in short)


def _pair_ids(text: object, *, first_only: bool) -> set[str]:
    """The pair ids of a row: one, or several joined by ``;`` (set 4's rule B16: a current
    value that is the ``to`` of two bases); ``first_only`` keeps the first, as a scorer wanting
    a single id may."""
    ids = [part.strip() for part in _norm(text).split(";") if part.strip()]
    return set(ids[:1] if first_only else ids)


def _pair_checks(golds: list[dict], matched: list[tuple[dict, dict]], *, first_only: bool
                 ) -> list[tuple[str, bool]]:
    """For each annotated figure in a pair: whether our row shares a pair id with the row of
    every other annotated member of its pairs (members we did not find count as failures)."""
    ours_of = {id(gold): row for gold, row in matched}
    checks = []
    for gold in golds:
        ids = _pair_ids(gold["pair"], first_only=first_only)
        if not ids:
            continue
        partners = [other for other in golds if other is not gold
                    and ids & _pair_ids(other["pair"], first_only=first_only)]
        row = ours_of.get(id(gold))
        mine = _pair_ids(row.get("pair") if row else None, first_only=first_only)
        ok = row is not None and all(
            id(other) in ours_of and mine & _pair_ids(ours_of[id(other)].get("pair"),
                                                      first_only=first_only)
            for other in partners)
        checks.append((f"{gold['printed']} ({gold['role']} {gold['pair']})", ok))
    return checks


def _pair_links(matched: list[tuple[dict, dict]]) -> list[tuple[str, bool]]:
    """For each two annotated figures whose rows in our table share a pair id: whether the
    annotation links them too (an extra measure: the pairs we add that the reader did not)."""
    links = []
    for k, (gold_a, row_a) in enumerate(matched):
        for gold_b, row_b in matched[k + 1:]:
            if _pair_ids(row_a.get("pair"), first_only=False) & _pair_ids(
                    row_b.get("pair"), first_only=False):
                ok = bool(_pair_ids(gold_a["pair"], first_only=False)
                          & _pair_ids(gold_b["pair"], first_only=False))
                name = (f"{gold_a['printed']} ({gold_a['role']}) ~ {gold_b['printed']} "
                        f"({gold_b['role']})")
                links.append((name, ok))
    return links


def _norm(text: object) -> str:
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return ""
    return str(text).strip()


def _planned(sentences: dict[str, dict]) -> dict[str, bool]:
    """sentence_id -> whether it stands in a planning part of its article, the sentences of one
    url read in file order as that article's paragraphs (``metric_context.plan_parts``)."""
    from helpers.metric_context import plan_parts

    by_url: dict[str, list[str]] = {}
    for sid, srow in sentences.items():
        by_url.setdefault(srow["url"], []).append(sid)
    flags: dict[str, bool] = {}
    for sids in by_url.values():
        parts = plan_parts([sentences[sid]["sentence"] for sid in sids])
        flags.update(zip(sids, parts, strict=True))
    return flags


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--items", type=Path, required=True)
    parser.add_argument("--split", default="all")
    parser.add_argument("--show", action="store_true", help="list every miss")
    parser.add_argument("--drop-flagged", action="store_true",
                        help="leave out the annotated rows whose notes carry a flag of "
                             "FLAGS_A_SCORER_MAY_DROP (set 3's protocol); their rows in the "
                             "table are then not counted as extra")
    parser.add_argument("--article-context", action="store_true",
                        help="read each url's sentences as the paragraphs of one article")
    args = parser.parse_args(argv)

    with open(args.items / "sentences.csv", encoding="utf-8", newline="") as f:
        sentences = {r["sentence_id"]: r for r in csv.DictReader(f)}
    with open(args.items / "figures.csv", encoding="utf-8", newline="") as f:
        figures = [r for r in csv.DictReader(f)]
    if args.split != "all":
        sentences = {k: v for k, v in sentences.items() if v["split"] == args.split}
        figures = [r for r in figures if r["sentence_id"] in sentences]
    dropped: dict[str, list[dict]] = {}
    if args.drop_flagged:
        kept = []
        for row in figures:
            flagged = any(flag in row["notes"] for flag in FLAGS_A_SCORER_MAY_DROP)
            (dropped.setdefault(row["sentence_id"], []) if flagged else kept).append(row)
        figures = kept
    gold_by_sentence: dict[str, list[dict]] = {}
    for row in figures:
        gold_by_sentence.setdefault(row["sentence_id"], []).append(row)

    score: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    misses: list[str] = []
    extra: list[str] = []
    planned = _planned(sentences) if args.article_context else {}
    for sid, srow in sentences.items():
        rows = [r for r in metrics.extract_from_text(srow["sentence"],
                                                     planned=planned.get(sid, False))
                if r["kind"] != "date"]
        used: set[int] = set()
        matched: list[tuple[dict, dict]] = []  # (annotated figure, our row)
        for gold in gold_by_sentence.get(sid, []):
            value = _float(gold["value"])
            low, high = _float(gold["low"]), _float(gold["high"])
            cands = [i for i, r in enumerate(rows) if i not in used and (
                _same(r["value"], value) if value is not None
                else _same_range(r, low, high, gold["unit"]))]
            cands.sort(key=lambda i: (rows[i]["unit"] != gold["unit"], i))
            totals["figures"] += 1
            if not cands:
                misses.append(f"{sid} MISSING {gold['printed']} ({gold['kind']} "
                              f"{gold['indicator']})")
                for field in ("direction", "role", "period", "indicator", "quoted"):
                    if field != "direction" or gold["direction"]:
                        totals[field] += 1
                continue
            i = cands[0]
            used.add(i)
            row = rows[i]
            matched.append((gold, row))
            std = _float(gold["value_std"])
            ok = row["kind"] == gold["kind"] and (
                std is None or _same(_std_as_printed(row, srow["sentence"]), std))
            score["value+kind"] += ok
            if not ok:
                misses.append(f"{sid} VALUE {gold['printed']}: ours {row['value']} "
                              f"{row['unit']} {row['kind']} std={row['value_std']}, gold "
                              f"{gold['kind']} std={gold['value_std']}")
            checks = {
                "role": (_norm(row.get("role")), _norm(gold["role"])),
                # spaces inside a printed date (1 月 1 日) are layout: the table reads the text
                # with them closed (``numerals.close_spaces``)
                "period": (_norm(row.get("period")), re.sub(r"\s+", "", _norm(gold["period"]))),
                "quoted": (str(bool(row.get("quoted"))).lower(),
                           (_norm(gold["quoted"]) or "false").lower()),
            }
            if gold["direction"]:
                checks["direction"] = (_norm(row.get("direction")), _norm(gold["direction"]))
            for field, (ours, want) in checks.items():
                totals[field] += 1
                score[field] += ours == want
                if ours != want:
                    misses.append(f"{sid} {field.upper()} {gold['printed']}: ours {ours!r} "
                                  f"gold {want!r}")
            totals["indicator"] += 1
            ours = _norm(row.get("indicator"))
            score["indicator exact"] += ours == gold["indicator"]
            usable = _usable(ours, gold["indicator"], gold["kind"])
            score["indicator usable"] += usable
            if not usable:
                misses.append(f"{sid} INDICATOR {gold['printed']}: ours {ours!r} gold "
                              f"{gold['indicator']!r}")
        for field, ok in _pair_links(matched):
            totals["pair precision"] += 1
            score["pair precision"] += ok
            if not ok:
                misses.append(f"{sid} PAIRLINK not annotated: {field}")
        for variant, first_only in (("pair", False), ("pair first id", True)):
            for field, ok in _pair_checks(gold_by_sentence.get(sid, []), matched,
                                          first_only=first_only):
                totals[variant] += 1
                score[variant] += ok
                if not ok and not first_only:
                    misses.append(f"{sid} PAIR {field}")
        for flagged in dropped.get(sid, []):  # the table's row of a dropped figure: no extra
            value = _float(flagged["value"])
            match = next((i for i, r in enumerate(rows) if i not in used and (
                _same(r["value"], value) if value is not None else _same_range(
                    r, _float(flagged["low"]), _float(flagged["high"]), flagged["unit"]))), None)
            if match is not None:
                used.add(match)
        for i, row in enumerate(rows):
            if i not in used:
                extra.append(f"{sid} EXTRA {row['value']} {row['unit']} {row['kind']} "
                             f"{row['indicator']!r}")
    n = totals["figures"]
    n_dropped = sum(len(v) for v in dropped.values())
    print(f"split={args.split} sentences={len(sentences)} figures={n}"
          + (f" (flagged rows left out: {n_dropped})" if args.drop_flagged else ""))
    for field, total in (("value+kind", n), ("direction", totals["direction"]),
                         ("role", totals["role"]), ("period", totals["period"]),
                         ("quoted", totals["quoted"]),
                         ("pair", totals["pair"]), ("pair first id", totals["pair first id"]),
                         ("pair precision", totals["pair precision"]),
                         ("indicator exact", totals["indicator"]),
                         ("indicator usable", totals["indicator"])):
        pct = 100 * score[field] / total if total else float("nan")
        print(f"  {field:17} {score[field]:4}/{total:<4} = {pct:5.1f} %")
    print(f"  extra rows        {len(extra):4}")
    if args.show:
        for line in misses + extra:
            print("  " + line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
