"""Findings as sentences, computed from the tables, so that notebook prose never goes stale.

A notebook's markdown explains the method and how to read a result; the numbers of the result
come from these functions, which print what the current corpus gives.  Each returns one short
paragraph of plain text (English with the Chinese names as printed).
"""

from __future__ import annotations

import pandas as pd

from helpers.coding import unit_keys
from helpers.metrics import is_level

__all__ = [
    "describe_agreement", "describe_campaign_codes", "describe_coding", "describe_disagreements",
    "describe_heaping", "describe_metrics", "describe_primary_domains", "describe_rate_families",
    "describe_reliability", "describe_roles", "describe_roundtrip",
]


def _share(part: int, whole: int) -> str:
    return f"{part} of {whole} ({part / whole:.0%})" if whole else f"{part} of {whole}"


def describe_metrics(metrics: pd.DataFrame, articles: pd.DataFrame) -> str:
    """How many figures, of which kinds, from how many of the articles."""
    if metrics.empty:
        return "The corpus reports no figure."
    kinds = metrics["kind"].value_counts()
    kinds = kinds.sort_index().sort_values(ascending=False, kind="stable")  # ties by name
    listed = ", ".join(f"{n} {kind}" for kind, n in kinds.items())
    with_figures = metrics.loc[metrics["kind"] != "date", "article_id"].nunique()
    return (f"{len(metrics)} rows: {listed}. {_share(with_figures, len(articles))} articles "
            "report at least one figure other than a date.")


def describe_roles(metrics: pd.DataFrame) -> str:
    """How the figures divide into levels, changes (by direction), targets, ceilings,
    baselines, completion shares and ranks, and how many stand in quotation marks."""
    figures = metrics[metrics["kind"] != "date"]
    if figures.empty:
        return "No figure to describe."
    roles = figures["role"].value_counts()
    roles = roles.sort_index().sort_values(ascending=False, kind="stable")
    listed = ", ".join(f"{n} {role}" for role, n in roles.items())
    changes = figures[figures["role"] == "change"]
    up = int((changes["direction"] == "up").sum())
    down = int((changes["direction"] == "down").sum())
    quoted = int(figures["quoted"].sum())
    return (f"Of {len(figures)} figures: {listed}. Changes: {up} up, {down} down, "
            f"{len(changes) - up - down} without a direction word. {quoted} stand in quotation "
            "marks.")


def describe_rate_families(rates: pd.DataFrame) -> str:
    """Which families of rate levels have figures from more than one locality (the only ones
    a comparison across localities can use)."""
    if rates.empty:
        return "No rate level to compare."
    named = rates[rates["family"] != "other rates"]
    spread = named.groupby("family")["locality"].nunique()
    several = sorted(spread[spread > 1].index)
    text = (f"{named['family'].nunique()} named families have rate levels; "
            f"{len(several)} of them from more than one locality")
    return text + (": " + "; ".join(several) + "." if several else ".")


def describe_heaping(summary: pd.DataFrame) -> str:
    """The heaping summary as a sentence, with the warning when the figures are too few."""
    counts = summary.set_index("measure")["count"]
    n = int(counts["rates reported"])
    if n == 0:
        return "No rate level to examine."
    text = (f"{_share(int(counts['exactly 100%']), n)} rate levels are exactly 100%, "
            f"{_share(int(counts['at least 95%']), n)} at least 95%, "
            f"{_share(int(counts['ending in 0 or 5']), n)} end in 0 or 5.")
    if n < MIN_HEAPING_FIGURES:
        text += (f" With fewer than {MIN_HEAPING_FIGURES} figures the last digits say nothing "
                 "about heaping: read the counts as a description of these figures only.")
    return text


#: Fewest rate levels before a last-digit distribution is worth reading: with ten digits, fewer
#: than about 10 figures per digit leave every count within chance of every other (a chi-square
#: test on 9 degrees of freedom wants expected counts of 5 or more, i.e. 50 figures; 100 keeps
#: it from resting on a few sentences that print several rates each).
MIN_HEAPING_FIGURES = 100


# --------------------------------------------------------------------------------------------
# Notebook 04 (figures): what each figure rests on, as sentences.

__all__ += ["describe_article_codes", "describe_cooccurrence", "describe_levels",
            "describe_panels", "describe_scope", "describe_top_terms"]


def _listed(counts: pd.Series) -> str:
    """"3 a, 2 b, 1 c": counts sorted by size, ties by name."""
    counts = counts.sort_index().sort_values(ascending=False, kind="stable")
    return ", ".join(f"{int(n)} {name}" for name, n in counts.items())


def describe_scope(articles: pd.DataFrame) -> str:
    """What the corpus covers: reports, source files, newspapers, dates, localities by level and
    provinces, and how many localities rest on a single report (their figures compare reports,
    not places)."""
    if articles.empty:
        return "The corpus holds no report."
    n = len(articles)
    text = f"{_n(n, 'report')} from {_n(articles['source'].nunique(), 'source file')}"
    if "newspaper" in articles.columns and articles["newspaper"].notna().any():
        text += f" ({_n(articles['newspaper'].nunique(), 'newspaper')} named)"
    if "published" in articles.columns and articles["published"].notna().any():
        dates = pd.to_datetime(articles["published"].dropna())
        first, last = dates.min().date().isoformat(), dates.max().date().isoformat()
        span = f"on {first}" if first == last else f"from {first} to {last}"
        text += (f", all dated, published {span}" if len(dates) == n else
                 f"; {_share(len(dates), n)} dated, published {span}, the others undated")
    else:
        text += ", no publication dates known"
    known = articles[articles["locality"].notna()]
    per = known.groupby("locality").size()
    if per.empty:
        return text + "; no report has a known locality."
    text += f". {len(per)} localities"
    if "level" in known.columns:
        levels = known.drop_duplicates("locality")["level"].fillna("unknown level").value_counts()
        text += f" ({_listed(levels)})"
    if "province" in known.columns and known["province"].notna().any():
        text += f" in {known['province'].nunique()} province(s)"
    single = int((per == 1).sum())
    text += (f"; {_share(single, len(per))} localities have a single report, the most is "
             f"{int(per.max())}")
    missing = n - len(known)
    return text + (f"; {_n(missing, 'report')} without a known locality." if missing else ".")


def describe_top_terms(by_article: pd.DataFrame, n: int = 5) -> str:
    """The corpus's most frequent words and how much of each comes from one report.
    ``by_article`` is ``coding.term_frequencies(articles, by="article_id")`` (group, term,
    count): a word that one long report repeats is large in the cloud of the whole corpus."""
    if by_article.empty:
        return "The corpus has no content word."
    totals = by_article.groupby("term")["count"].sum()
    totals = totals.sort_index().sort_values(ascending=False, kind="stable")
    top = by_article[by_article["term"].isin(totals.index[:n])]
    most = top.sort_values(["count", "group"], ascending=[False, True]).drop_duplicates("term")
    most = most.set_index("term")
    parts = []
    for term, total in totals.iloc[:n].items():
        one = int(most.loc[term, "count"])
        parts.append(f"{term} {int(total)} ({one} in report {most.loc[term, 'group']})")
    tokens = by_article.groupby("group")["count"].sum()
    longest = tokens.sort_index().sort_values(ascending=False, kind="stable")
    heavy = sum(int(most.loc[t, "count"]) * 2 > int(totals[t]) for t in totals.index[:n])
    return (f"The {len(parts)} most frequent words: " + "; ".join(parts) + ". "
            f"{heavy} of them take more than half of their count from a single report. The "
            f"longest report ({longest.index[0]}) holds {_share(int(longest.iloc[0]), int(tokens.sum()))} "
            "content tokens of the corpus.")


def describe_panels(groups: pd.Series, what: str = "panels", *,
                    max_panels: int | None = None) -> str:
    """How many reports stand behind each group of a grouped figure: ``groups`` holds one
    value per article (its locality, its primary domain …; missing values form their own
    group).  A group of one report shows that report, not its group.  With ``max_panels``
    (a figure's limit, e.g. ``viz.MAX_CLOUD_PANELS``) also how many of the groups are drawn."""
    if groups.empty:
        return f"No {what}."
    per = groups.fillna("(none)").astype(str).value_counts()
    single = int((per == 1).sum())
    text = f"{len(per)} {what}"
    if max_panels is not None:
        drawn = min(len(per), max_panels)
        text += (", all drawn as panels" if drawn == len(per) else
                 f", {drawn} of them drawn as panels (most reports first, ties by most tokens)")
    return (text + f"; {_share(single, len(per))} of them rest on a single report; "
            f"the largest holds {_n(int(per.max()), 'report')}.")


def describe_article_codes(units: pd.DataFrame, codebook) -> str:
    """From the paragraph codes (``coding.paragraph_codes``): how many reports are dominated by
    one domain (more than half of their domain-coded paragraphs), in how many reports each mode
    occurs, and how many reports and paragraphs are coded campaign."""
    reports = units["article_id"].nunique()
    if not reports:
        return "No paragraph carries a code."
    labels = {c.id: c.label_zh for c in codebook.codes}
    domains = units[units["code"].isin(codebook.domains)]
    per = domains.drop_duplicates(["article_id", "para_no", "code"]).groupby(
        ["article_id", "code"]).size()
    paragraphs = domains.drop_duplicates(["article_id", "para_no"]).groupby("article_id").size()
    dominated = 0
    with_domain = 0
    for aid, counts in per.groupby(level="article_id"):
        with_domain += 1
        dominated += int(counts.max() * 2 > paragraphs[aid])  # of its domain-coded paragraphs
    modes = units[units["code"].isin(codebook.modes)].groupby("code")["article_id"].nunique()
    modes = modes.rename(index=labels)
    listed = ", ".join(f"{name} {int(k)}" for name, k in modes.sort_index().sort_values(
        ascending=False, kind="stable").items())
    text = (f"{reports} reports carry a code. {_share(dominated, with_domain)} reports with a "
            "domain code have one domain in more than half of their domain-coded paragraphs. "
            f"Reports per mode: {listed or 'none'}.")
    if "campaign" in codebook.ids:
        camp = units[units["code"] == "campaign"]
        paras = len(camp.drop_duplicates(["article_id", "para_no"]))
        text += (f" Campaign ({labels['campaign']}): {_n(paras, 'paragraph')} in "
                 f"{_n(camp['article_id'].nunique(), 'report')}.")
    return text


def describe_cooccurrence(matrix: pd.DataFrame, units: pd.DataFrame, codebook, *, n: int = 3,
                          level: str = "paragraph") -> str:
    """The strongest pairs of a co-occurrence matrix (``coding.cooccurrence``) with the number
    of reports each pair comes from: a pair found in one report describes that report."""
    labels = {c.id: c.label_zh for c in codebook.codes}
    sets = units.groupby(unit_keys(level))["code"].agg(frozenset)
    unit_word = "paragraphs" if level == "paragraph" else "reports"
    codes = list(matrix.index)
    pairs = [(int(matrix.loc[a, b]), a, b) for i, a in enumerate(codes) for b in codes[i + 1:]
             if matrix.loc[a, b] > 0]
    if not pairs:
        return f"{len(sets)} coded {unit_word}; no two codes share one."
    pairs.sort(key=lambda p: (-p[0], codes.index(p[1]), codes.index(p[2])))
    parts = []
    for count, a, b in pairs[:n]:
        both = sets[sets.map(lambda s, a=a, b=b: a in s and b in s)]
        reports = both.index.get_level_values("article_id").nunique() if level == "paragraph" \
            else len(both)
        parts.append(f"{labels[a]} × {labels[b]} {count} (from {_n(reports, 'report')})")
    return (f"{len(sets)} coded {unit_word}, {len(pairs)} pairs of codes share at least one. "
            "Strongest: " + "; ".join(parts) + ".")


def describe_levels(table: pd.DataFrame, kind: str) -> str:
    """What a figure of levels draws from an indicator table (``metrics.indicator_table``),
    with the figure's own filter (``viz.rate_levels``/``viz.money_levels`` and
    ``viz.drawn_families``): of the figures of ``kind`` (rates: in %), how many are levels
    (role level or to, no change, not quoted) and what is left out, by role and quotation; of
    the levels, those the figure does not draw (rates of no named family, money of 0 元 or
    less, families beyond the panels) and how many dots it draws, a printing shared by several
    indicators counted once.  Rates: floors or ceilings and the lowest drawn; money: the range
    drawn in 元."""
    from helpers import viz

    rows = table[table["kind"] == kind]
    if kind == "rate":
        rows = rows[rows["unit_std"] == "%"]
    if rows.empty:
        return f"No {kind} figure."
    kept = is_level(rows)
    levels = rows[kept]
    out = rows[~kept]
    text = f"{len(rows)} {kind} figures{' in %' if kind == 'rate' else ''}; {len(levels)} are levels"
    left = out[~out["quoted"].astype(bool)]["role"].fillna("no role").value_counts()
    nq = int(out["quoted"].astype(bool).sum())
    if len(out):
        text += "; left out: " + ", ".join(filter(None, [_listed(left), f"{nq} quoted" if nq
                                                         else ""]))
    text += "."
    if levels.empty:
        return text
    drawable = viz.rate_levels(rows) if kind == "rate" else viz.money_levels(rows)
    shown, families = viz.drawn_families(drawable, kind)
    drawn = drawable[drawable["family"].isin(shown)]
    notes = []
    if kind == "rate":
        named = levels["family"].notna() & ~levels["family"].isin(viz._UNNAMED)
        if (~named).sum():
            notes.append(f"{int((~named).sum())} of no named family are not drawn")
        shared = int(named.sum()) - len(drawable)
        if shared:
            notes.append(f"{shared} share a printing with another (…率、…率均为100%: one dot)")
    else:
        low = len(levels) - len(drawable)
        if low:
            notes.append(f"{low} of 0 元 or less are not drawn")
    if len(families) > len(shown):
        beyond = len(families) - len(shown)
        missed = len(drawable) - len(drawn)
        notes.append(f"{missed} in {beyond} famil{'y' if beyond == 1 else 'ies'} beyond the "
                     f"panels {'is' if missed == 1 else 'are'} not drawn")
    places = drawn.loc[drawn["locality"] != "—", "locality"].nunique()
    text += (" Of the levels, " + "; ".join(notes) + "." if notes else "")
    # the unclassified amounts are a panel but no family (as the figure's title counts them)
    named = [f for f in shown if f != viz.UNCLASSIFIED]
    panels = f"{len(named)} famil{'y' if len(named) == 1 else 'ies'}" if named else ""
    if len(named) < len(shown):
        panels = f"{panels} and the unclassified panel" if named else "the unclassified panel"
    text += (f" The figure draws {_n(len(drawn), 'dot')} in {panels}, from "
             f"{places} of {table['locality'].nunique()} localities with any figure.")
    if drawn.empty:
        return text
    if kind == "rate":
        bounds = int(drawn["qualifier"].isin(["over", "under"]).sum())
        low = drawn.sort_values(["value_std", "indicator"]).iloc[0]
        where = "no locality" if low["locality"] == "—" else low["locality"]
        verb = "is a floor or ceiling" if bounds == 1 else "are floors or ceilings"
        text += (f" {bounds} of them {verb} (open markers). Lowest drawn: "
                 f"{low['indicator']} {low['value_std']:g}% ({where}).")
    else:
        lo, hi = float(drawn["value_std"].min()), float(drawn["value_std"].max())
        text += (f" They range from {lo:,.0f} 元 to {hi:,.0f} 元, {_magnitudes(hi / lo)}.")
    return text


def _magnitudes(ratio: float) -> str:
    """A ratio of amounts in orders of magnitude: "within one order of magnitude", "about 3
    orders of magnitude"."""
    import math

    span = math.log10(ratio) if ratio > 0 else 0.0
    return ("within one order of magnitude" if span < 1
            else f"about {round(span)} orders of magnitude")


# --- thematic coding (notebook 02) ------------------------------------------------------------

def describe_coding(paragraphs: pd.DataFrame, units: pd.DataFrame, codebook) -> str:
    """How many articles and paragraphs, and how many paragraphs carry a code, a domain code,
    a mode code (``units``: the ``coding.paragraph_codes`` table)."""
    n_par = len(paragraphs)
    if n_par == 0:
        return "The corpus has no paragraph."
    n_art = paragraphs["article_id"].nunique()
    keys = ["article_id", "para_no"]

    def coded(codes) -> int:
        return len(units.loc[units["code"].isin(codes), keys].drop_duplicates())

    return (f"{n_art} articles, {n_par} paragraphs. {_share(coded(codebook.ids), n_par)} "
            f"paragraphs carry at least one code: {_share(coded(codebook.domains), n_par)} a "
            f"domain code, {_share(coded(codebook.modes), n_par)} a mode code.")


def describe_primary_domains(article_codes: pd.DataFrame) -> str:
    """The articles' primary domains, most frequent first (ties by name), the articles without
    any domain code, and the articles flagged ``campaign``."""
    n = len(article_codes)
    if n == 0:
        return "No article to describe."
    primary = article_codes["primary_domain"].dropna().value_counts()
    primary = primary.sort_index().sort_values(ascending=False, kind="stable")
    listed = ", ".join(f"{code} {k}" for code, k in primary.items()) or "none"
    none = n - int(primary.sum())
    campaign = int(article_codes["campaign"].astype(bool).sum())
    return (f"Primary domains of the {n} articles: {listed}. {none} without any domain code. "
            f"{_share(campaign, n)} articles carry the campaign code in at least one paragraph.")


def describe_agreement(table: pd.DataFrame, label: str) -> str:
    """One validation table (``coding.validate_corpus`` / ``validate_texts``) as a sentence:
    macro precision, recall and F1 per dimension, and the code of each dimension with the
    lowest F1 among the codes the hand coder used."""
    parts = []
    for dim in ("domain", "mode"):
        macro = table[table["code"] == f"macro ({dim})"]
        used = table[(table["dimension"] == dim) & ~table["code"].str.startswith("macro")
                     & (table["support"].fillna(0) > 0)]
        if macro.empty or used.empty:
            parts.append(f"no {dim} code in the hand coding")
            continue
        m = macro.iloc[0]
        low = used.sort_values(["f1", "code"], kind="stable").iloc[0]
        parts.append(f"{dim} macro-F1 {m['f1']:.2f} (precision {m['precision']:.2f}, recall "
                     f"{m['recall']:.2f}; {len(used)} codes used, lowest {low['code']} "
                     f"{low['f1']:.2f})")
    return f"{label}: " + "; ".join(parts) + "."


def describe_roundtrip(exported: pd.DataFrame, imported: pd.DataFrame,
                       columns: list[str]) -> str:
    """Whether a QDA import gives back the exported segments: row for row on ``columns``
    (in order), and by which coders."""
    a = exported[columns].reset_index(drop=True).astype(object)
    b = imported[columns].reset_index(drop=True).astype(object)
    coders = ", ".join(sorted(map(str, imported["coder"].dropna().unique()))) \
        if "coder" in imported else "no coder column"
    if len(a) == len(b) and a.equals(b):
        return (f"The import gives back all {len(a)} exported segments, identical in "
                f"{', '.join(columns)} and in order (coder: {coders}).")
    merged = a.merge(b, how="outer", indicator=True)
    only_a = int((merged["_merge"] == "left_only").sum())
    only_b = int((merged["_merge"] == "right_only").sum())
    return (f"The import does NOT give back the export: {len(a)} exported, {len(b)} imported; "
            f"{only_a} exported rows missing from the import, {only_b} imported rows not "
            "exported.")


def describe_reliability(table: pd.DataFrame) -> str:
    """The pooled rows of a ``reliability.reliability`` table, pair by pair: paragraphs,
    agreement, kappa with its interval, alpha; then the codes with the lowest kappa.  Says so
    when no pair is two human coders."""
    if table.empty:
        return "No pair of coders to compare."
    dictionary = "dictionary"
    out = []
    for (a, b), rows in table.groupby(["coder_a", "coder_b"], sort=False):
        pooled = rows[rows["code"].str.startswith("(")]
        parts = []
        for r in pooled.itertuples(index=False):
            ci = (f" [{r.kappa_low:.2f}, {r.kappa_high:.2f}]"
                  if pd.notna(getattr(r, "kappa_low", float("nan"))) else "")
            parts.append(f"{r.code} agreement {r.agreement:.2f}, kappa {r.kappa:.2f}{ci}, "
                         f"alpha {r.alpha:.2f}")
        codes = rows[~rows["code"].str.startswith("(") & rows["kappa"].notna()]
        low = codes.sort_values(["kappa", "code"], kind="stable").head(3)
        lows = ", ".join(f"{c} {k:.2f}" for c, k in zip(low["code"], low["kappa"], strict=True))
        per_code = rows[~rows["code"].str.startswith("(")]
        n_par = int(per_code["units"].max()) if not per_code.empty else 0  # paragraphs
        out.append(f"{a} vs {b}, {n_par} paragraphs: " + "; ".join(parts)
                   + (f". Lowest kappa: {lows}." if lows else "."))
    humans = [(a, b) for a, b in table[["coder_a", "coder_b"]].drop_duplicates()
              .itertuples(index=False) if dictionary not in (a, b)]
    if not humans:
        out.append("No pair of human coders: these figures are agreement between the "
                   "dictionary and one coder, not intercoder reliability between people.")
    return " ".join(out)


def describe_disagreements(table: pd.DataFrame, coders: list[str]) -> str:
    """How many paragraph-code disagreements between two coders, and which way they go."""
    a, b = coders
    if table.empty:
        return f"{a} and {b} agree on every paragraph and code."
    only_a = int(((table[a] == 1) & (table[b] == 0)).sum())
    only_b = int(((table[a] == 0) & (table[b] == 1)).sum())
    paras = len(table[["article_id", "para_no"]].drop_duplicates())
    return (f"{len(table)} paragraph-code disagreements in {paras} paragraphs: {only_a} codes "
            f"given by {a} only, {only_b} by {b} only.")


def describe_campaign_codes(segments: pd.DataFrame, units: pd.DataFrame,
                            article_codes: pd.DataFrame, top: int = 8) -> str:
    """How many paragraphs and articles carry the campaign code, and the campaign terms the
    dictionary matched, most frequent first (the names the reports give their operations)."""
    camp = units[units["code"] == "campaign"]
    n_par = len(camp[["article_id", "para_no"]].drop_duplicates())
    n_art = int(article_codes["campaign"].astype(bool).sum())
    text = (f"{n_par} paragraphs in {_share(n_art, len(article_codes))} articles carry the "
            "campaign code.")
    terms = segments.loc[segments["code"] == "campaign", "term"].value_counts()
    terms = terms.sort_index().sort_values(ascending=False, kind="stable")
    if terms.empty:
        return text
    shown = "; ".join(f"{t} ({k})" for t, k in terms.head(top).items())
    more = f"; and {len(terms) - top} more" if len(terms) > top else ""
    return text + f" Matched campaign terms, most frequent first: {shown}{more}."


def _n(k: int, word: str) -> str:
    """"1 report", "3 reports"."""
    return f"{k} {word}" if k == 1 else f"{k} {word}s"


# --------------------------------------------------------------------------------------------
# Notebook 03 (comparisons): locality profiles, change over time, targets, campaign contrast.

__all__ += ["describe_campaign_contrast", "describe_change", "describe_profiles",
            "describe_targets"]

#: Fewest figures in a group before a share of it is worth comparing with another group's: at
#: 30 figures a share near one half is known to within about ±18 points (95 %, 1.96·√(¼/30)),
#: so smaller groups differ by chance alone as much as campaign studies' effects.
MIN_GROUP_FIGURES = 30


#: Places named as reporting most families, and how many a tie may stretch the list to before
#: the tied places are counted instead of named (a tie is never cut by name).
MOST_FAMILIES = 3
MOST_FAMILIES_LISTED = 6


def describe_profiles(profiles: pd.DataFrame) -> str:
    """How many places the profiles cover, at which levels, how many rest on a single article
    (their shares describe one report, not a place) and how many report no level of any
    indicator family; the places reporting the most families."""
    if profiles.empty:
        return "No place to profile."
    n = len(profiles)
    levels = profiles["level"].fillna("unknown level").value_counts()
    text = f"{_n(n, 'place')} ({_listed(levels)})"
    unknown = int(profiles["locality"].isna().sum())
    if unknown:
        text += ", one of them the articles without a known locality"
    single = int((profiles["articles"] == 1).sum())
    text += (f". {_share(single, n)} rest on a single article: their shares describe one "
             "report, not the place.")
    none = int((profiles["families"] == 0).sum())
    text += f" {_share(none, n)} report no level of any indicator family."
    top = profiles[profiles["families"] > 0]
    if not top.empty:
        top = top.assign(place=top["locality"].fillna("(no locality)")).sort_values(
            ["families", "place"], ascending=[False, True], kind="stable")
        cut = int(top["families"].iloc[min(MOST_FAMILIES, len(top)) - 1])
        above, tied = top[top["families"] > cut], top[top["families"] == cut]
        word = "family" if cut == 1 else "families"
        parts = [f"{r.place} ({int(r.families)} families)" for r in above.itertuples()]
        if len(above) + len(tied) <= MOST_FAMILIES_LISTED:  # ties listed, never cut by name
            parts += [f"{r.place} ({cut} {word})" for r in tied.itertuples()]
        else:
            parts.append(f"{len(tied)} places with {cut} {word} each")
        text += f" Most families: {', '.join(parts)}."
    return text


def describe_change(change: pd.DataFrame, articles: pd.DataFrame, *, period: str = "year"
                    ) -> str:
    """Whether the corpus spans dates (how many articles are dated, from when to when, in how
    many periods) and how many family-place series ``change_over_time`` found, the largest
    changes first."""
    dated = pd.to_datetime(articles["published"].dropna()) if "published" in articles else \
        pd.Series(dtype="datetime64[ns]")
    if dated.empty:
        return ("No article has a publication date: the corpus says nothing of change over "
                "time.")
    fmt = {"year": "%Y", "month": "%Y-%m"}.get(period, "%Y")
    periods = dated.dt.strftime(fmt).nunique()
    text = (f"{_share(len(dated), len(articles))} articles are dated, from "
            f"{dated.min():%Y-%m-%d} to {dated.max():%Y-%m-%d}, in {_n(periods, period)}.")
    if periods < 2:
        return text + f" With one {period} there is no change over time to compare."
    if change.empty:
        return text + (f" No family has levels from one place in two or more {period}s: "
                       "nothing to compare over time.")
    keys = ["family", "unit_std", "locality", "level", "prefecture", "province"]
    series = change.drop_duplicates(keys).shape[0]
    text += f" {series} family-place series have levels in two or more {period}s"
    moves = change[change["change"].notna() & (change["change"] != 0)]
    if moves.empty:
        return text + "; the mean of none of them moves."
    moved = moves.drop_duplicates(keys).shape[0]
    moves = moves.assign(_abs=moves["change"].abs()).sort_values(
        ["_abs", "family", "period"], ascending=[False, True, True], kind="stable")
    shown = "; ".join(f"{r.locality if isinstance(r.locality, str) else '(no locality)'} "
                      f"{r.family} {_with_unit(r.previous_mean, r.unit_std)} → "
                      f"{_with_unit(r.mean, r.unit_std)} ({r.period})"
                      for r in moves.head(3).itertuples())
    return text + (f"; the mean of {moved} of them moves, the largest changes: {shown}.")


def describe_targets(targets: pd.DataFrame) -> str:
    """How many targets are set against an achievement and how many completion shares are
    printed, and how many of each reach 100 % of the target."""
    if targets.empty:
        return "The corpus prints no target with its achievement and no completion share."
    paired = targets[targets["target"].notna()]
    shares = targets[targets["target"].isna()]
    parts = []
    if len(paired):
        met = int((paired["ratio"] >= 1).sum())
        parts.append(f"{_n(len(paired), 'target')} with the achievement printed after it "
                     f"({_share(met, len(paired))} met or exceeded)")
    if len(shares):
        met = int((shares["ratio"] >= 1).sum())
        parts.append(f"{_n(len(shares), 'completion share')} printed as such "
                     f"({_share(met, len(shares))} at 100% or more)")
    return ("The corpus prints " + " and ".join(parts) + ". A report chooses which targets to "
            "print with their result, so these are not a rate of meeting targets.")


def describe_campaign_contrast(contrast: pd.DataFrame) -> str:
    """Figures in campaign paragraphs against the rest (``campaign_contrast``): the group sizes,
    and the shares at 100 % and round of the rate levels, with a warning below
    ``MIN_GROUP_FIGURES``."""
    camp, other = contrast["campaign paragraphs"], contrast["other paragraphs"]
    n_c, n_o = int(camp["figures"]), int(other["figures"])
    if n_c == 0:
        return f"No figure stands in a campaign paragraph ({_n(n_o, 'figure')} elsewhere)."
    text = (f"{_n(n_c, 'figure')} stand in campaign paragraphs, {n_o} elsewhere; rate levels "
            f"{int(camp['rate levels'])} and {int(other['rate levels'])}.")
    if "share count" in contrast.index and n_o:
        text += (f" Counts (of people, cases, visits …) are {camp['share count']:.0%} of the "
                 f"figures in campaign paragraphs and {other['share count']:.0%} of the others.")
    r_c, r_o = int(camp["rate levels"]), int(other["rate levels"])
    if r_c and r_o:
        text += (f" At exactly 100%: {camp['share at 100%']:.0%} of the campaign rate levels, "
                 f"{other['share at 100%']:.0%} of the others; at a round value: "
                 f"{camp['share round']:.0%} and {other['share round']:.0%}.")
    if min(n_c, n_o, r_c, r_o) < MIN_GROUP_FIGURES:
        text += (f" With fewer than {MIN_GROUP_FIGURES} figures (or rate levels) in a group, "
                 "shares differ by chance alone by tens of points: read them as a description "
                 "of these figures, not as a difference between campaign and other reporting.")
    return text


def _with_unit(value: float, unit: str | None) -> str:
    """"92%", "3.5 亿元": a percent sign sticks to its number, other units stand apart."""
    if not isinstance(unit, str) or not unit:
        return f"{value:g}"
    return f"{value:g}{unit}" if unit in ("%", "‰") else f"{value:g} {unit}"


__all__ += ["describe_family"]


def describe_family(one: pd.DataFrame, family: str | None) -> str:
    """One family across places (``metrics.compare_family``): how many levels from how many
    places and sentences (several levels printed in one sentence are not independent), and the
    range per standard unit."""
    if not family:
        return "No named family has rate levels to compare."
    if one.empty:
        return f"{family}: no level in this corpus."
    places = one["locality"].fillna("(no locality)").value_counts()
    text = (f"{family}: {_n(len(one), 'level')} from {_n(len(places), 'place')} "
            f"({_listed(places)}), printed in {_n(one['sentence'].nunique(), 'sentence')}.")
    ranges = []
    for unit, part in one.groupby(one["unit_std"].fillna(""), sort=True):
        low, high = part["value_std"].min(), part["value_std"].max()
        ranges.append(f"{_with_unit(low, unit)} to {_with_unit(high, unit)}" if low != high
                      else f"all {_with_unit(low, unit)}")
    text += " Values: " + "; ".join(ranges) + "."
    if len(places) < 2:
        text += " With one place there is nothing to compare across places."
    return text


# --- heaping, tested (notebook 04) ------------------------------------------------------------

__all__ += ["describe_heaping_tests"]


def describe_heaping_tests(result: dict[str, pd.DataFrame]) -> str:
    """``heaping.heaping_tests`` as sentences: per printed precision n, the figures ending in 0
    or 5 against the 20 % uniform digits give, the last-digit test and its verdict; exactly
    100 % against the bins below; and, where n is below ``heaping.MIN_CONCLUSIVE_N``, that a
    result that is not significant says nothing."""
    from helpers.heaping import CEILING, CEILING_WINDOW, MIN_CONCLUSIVE_N

    rates = result["rates"]
    if rates.empty:
        return "No rate level in % to examine for heaping."
    left = int((~rates["tested"].astype(bool)).sum())
    parts = []
    for r in result["precision"].itertuples(index=False):
        if r.n == 0:
            parts.append(f"{r.precision}: none")
            continue
        parts.append(f"{r.precision}: n = {r.n}, {r.round} ending in 0 or 5 against "
                     f"{r.round_expected:.1f} expected (p = {r.round_p:.2g}), last digits "
                     f"against uniform {r.method} p = {r.p:.2g}: {r.verdict}")
    c = result["ceiling"].iloc[0]
    lo = CEILING - CEILING_WINDOW
    p = f"p = {c['p']:.2g}" if pd.notna(c["p"]) else "no test"
    text = (f"{_n(len(rates), 'printed rate level')} in % ({left} bounds or estimates left "
            f"out, figures at exactly {CEILING:g}% tested apart). " + "; ".join(parts) + ". "
            f"Exactly {CEILING:g}%: {int(c['at_ceiling'])} against {float(c['expected']):.1f} "
            f"expected from the {int(c['window'])} figures in [{lo:g}, {CEILING:g}) ({p}): "
            f"{c['verdict']}.")
    few = [r.precision for r in result["precision"].itertuples(index=False)
           if r.verdict == "too few to conclude"]
    if c["verdict"] == "too few to conclude":
        few.append(f"exactly {CEILING:g}%")
    if few:
        text += (f" Too few to conclude ({', '.join(few)}): below {MIN_CONCLUSIVE_N} figures a "
                 "test that finds nothing says nothing; only strong heaping would show.")
    return text
