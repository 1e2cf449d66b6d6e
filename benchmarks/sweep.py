"""The fault sweep of issue 11 (``make sweep``): bad input, cache damage, concurrency, kills and
random pages, tried as a careless or unlucky user would, through the helpers' public API.

Each class of faults is one function that returns its cases, passed, failed and examples of the
failures; the checks encode the behaviour issue 11 asks for (what the fixes must give), so a class
fails until its fixes land.  Every class runs in a fresh process of its own (a crash or a hang
costs that row, not the report), in a temporary folder, with ``$TMPDIR``, jieba's dictionary cache and
``$GOVREPORTS_CACHE`` pointed into it and ``config.CORPUS_RAW`` at a folder that does not exist:
the sweep never reads ``corpus/raw`` and leaves nothing behind (every process it started, even
indirectly, is found by a marker in its environment and ended by pid; the folder is deleted).

==================  =============================================================  ==========
class               what is tried                                                  issue 11
==================  =============================================================  ==========
random_pages        ``--pages`` pages (composed by ``tests/compose.py`` from the       9
                    benchmark's article pool, varied widths, plus dense, tiny,
                    noise and fixture pages), perturbed at random: line deletions,
                    characters of many Unicode blocks, whitespace, truncation,
                    CRLF/CR, full-width digits, mixed punctuation, encodings.
                    Each: a ``CorpusError`` naming the file (never for a clean
                    page), or articles that pass ``check_conservation``; two
                    parses equal
encodings           the seed page and a dense page in UTF-8 (±BOM), UTF-16 LE/BE   8, 12
                    (±BOM), UTF-32, GB18030, GBK, GB2312 -> identical tables;
                    traditional Chinese (UTF-8 and Big5): converted (the articles
                    of the simplified page) or refused with a message that says so
degenerate_files    empty, blank, binary, index.html, notes.md, dot-file, dangling   2, 3
                    symlink, symlink loop, FIFO, directory x.txt beside a good page
                    -> a CorpusError naming the entry (load_corpus, run_pipeline,
                    stream_pipeline); all at once -> one error naming them all
codebooks           duplicate keys, empty items, unquoted yes/1.50/dates/..., bad   6, 7
                    ``re:`` terms, backreferences, GBK file, odd versions, missing
                    files -> CodebookError with file (and line) or the terms as
                    written; errors pickle and cross processes with file and line
cache_damage        per-file and consolidated entries truncated, garbled, emptied   11
                    or swapped between tables -> tables equal to ``cache=False``;
                    a bogus ``$TMPDIR/jieba.cache`` changes nothing
concurrency         two run_pipeline on one corpus and cache; two stream_pipeline   1, 4
                    into one out_dir (one wins, the other a clear error or waits;
                    read_tables gives one run's tables); failed reruns keep the
                    previous output
kills               kill -9 of run_pipeline / stream_pipeline (workers=2, and one   5
                    serial) -> no descendant alive 10 s later; the next run right;
                    an interrupted stream rerun keeps the previous output
numbers             ``温度-3℃`` -> -3, ranges stay positive, 309-digit numbers ->     12
                    no inf; the published hard cases (82，225.00元, 壹万二千三百四十五元,
                    百分之二点四, 九成) as an informational row (a later issue)
long_paragraphs     coding one-line pages of 1, 2, 4 MB: time ratio 4 MB/1 MB < 6    10
codebook_edit       run_pipeline(codebook=p), edit p, rerun in the same process      6
                    (cache=False and cached; same size and mtime too) -> the edit
==================  =============================================================  ==========

    make sweep                                                    # all, 10,000 random pages
    make sweep SWEEP_ARGS="--pages 1000 --json /tmp/sweep.json"
    .venv/bin/python benchmarks/sweep.py                          # the same
    .venv/bin/python benchmarks/sweep.py --pages 1000 --classes random_pages,numbers
    .venv/bin/python benchmarks/sweep.py --json /tmp/sweep.json   # the table as JSON too
    .venv/bin/python benchmarks/sweep.py --dump-case 1234 --out /tmp/case.txt  # one random page

Prints the table (class, cases, passed, failed) and the first failures of each class; the exit
code is 0 whatever the results (it is a report).  Random pages are reproducible from ``--seed``
and the case number printed with each failure (``--dump-case``).
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import json
import marshal
import math
import os
import pickle
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
for _p in (ROOT, ROOT / "benchmarks", ROOT / "tests"):
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))

SEED_PAGE = ROOT / "tests" / "fixtures" / "seed" / "000_ae97290bc4d96e06.txt"
FIXTURE_PAGES = sorted((ROOT / "tests" / "fixtures" / "pages").glob("page_*.txt"))
#: Environment variable set in every process the sweep starts (value: the sweep's folder), so
#: that each one, however deep, is found and ended by pid.
MARKER = "GOVREPORTS_SWEEP"
#: Environment variable naming the folder a process of the sweep points the user-data paths at
#: (``guard``): set for the processes the sweep starts, read again by their worker processes.
GUARD_ENV = "GOVREPORTS_SWEEP_GUARD"
#: The seconds one random page may take before it counts as a hang.
PAGE_TIMEOUT = 60
#: Seconds after ``kill -9`` within which no descendant of the killed run may survive.
KILL_GRACE = 10
#: Examples of failures printed per class (the JSON keeps more).
SHOWN = 3
KEPT = 40


class SweepTimeout(BaseException):
    """A step took too long (BaseException: a helper's ``except Exception`` cannot hide it)."""


@contextlib.contextmanager
def deadline(seconds: int, what: str) -> Iterator[None]:
    def on_alarm(signum: int, frame: Any) -> None:
        raise SweepTimeout(f"{what}: no answer after {seconds} s")

    old = signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


class Tally:
    """Cases of one class: how many, which passed, what failed (with why)."""

    def __init__(self) -> None:
        self.cases = 0
        self.passed = 0
        self.failures: list[str] = []
        self.notes: list[str] = []

    def add(self, ok: bool, case: str, why: str = "") -> bool:
        self.cases += 1
        if ok:
            self.passed += 1
        else:
            self.failures.append(f"{case}: {why}" if why else case)
        return ok

    def result(self) -> dict[str, Any]:
        return {"cases": self.cases, "passed": self.passed, "failed": self.cases - self.passed,
                "failures": self.failures[:KEPT], "notes": self.notes}


_T0 = time.monotonic()


def log(message: str) -> None:
    """A progress line on stderr (seconds since this process started)."""
    print(f"  [{time.monotonic() - _T0:6.1f} s] {message}", file=sys.stderr, flush=True)


def short(err: BaseException | str, n: int = 240) -> str:
    text = err if isinstance(err, str) else f"{type(err).__name__}: {err}"
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1] + "…"


def names(err: BaseException, entry: str | Path) -> bool:
    """Whether an error names the file ``entry`` (its ``path`` or its message)."""
    name = Path(entry).name
    path = getattr(err, "path", None)
    return (path is not None and Path(path).name == name) or name in str(err)


def guard(root: Path) -> None:
    """Point the project's user-data paths into ``root`` (as tests/conftest.py does): nothing of
    the user's corpus, derived tables, figures or cache is read or written."""
    from helpers import config

    config.CORPUS_RAW = root / "corpus-raw-is-not-for-the-sweep"  # never created
    config.CORPUS_DERIVED = root / "derived"
    config.DERIVED_TABLES = root / "derived" / "tables"
    config.FIGURES = root / "figures"
    config.CACHE = root / "default-cache"
    if hasattr(config, "JIEBA_CACHE"):  # jieba's dictionary cache: one for the whole sweep
        config.JIEBA_CACHE = Path(os.environ.get(MARKER) or root) / "jieba-cache"


def fingerprint(tables: dict[str, Any]) -> dict[str, str]:
    """A digest per table (``benchmarks/run.py``'s: values, dtypes, index, attrs)."""
    from run import fingerprint as bench_fingerprint

    return bench_fingerprint(tables)


def differing(a: dict[str, str], b: dict[str, str]) -> list[str]:
    return sorted(t for t in set(a) | set(b) if a.get(t) != b.get(t))


def quiet_imports() -> None:
    """Import the helpers once, with jionlp's banner on stdout silenced."""
    with open(os.devnull, "w") as null, contextlib.redirect_stdout(null):
        import helpers.pipeline  # noqa: F401 -- imported here, silently


# --- processes the sweep starts ------------------------------------------------------------------

def child_env(root: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    tmp = root / "tmp"
    tmp.mkdir(parents=True, exist_ok=True)
    env.update({"TMPDIR": str(tmp), "GOVREPORTS_CACHE": str(root / "default-cache"),
                "PYTHONHASHSEED": "0", "MPLBACKEND": "Agg", MARKER: env.get(MARKER, str(root)),
                GUARD_ENV: str(root)})
    env.pop("PYTHONPATH", None)
    env.update(extra)
    return env


class Task:
    """One pipeline call in a fresh process (``sweep.py --task spec.json``): its result is read
    from a JSON file the process writes when done."""

    counter = 0

    def __init__(self, folder: Path, spec: dict[str, Any], env: dict[str, str] | None = None,
                 new_session: bool = True) -> None:
        Task.counter += 1
        folder.mkdir(parents=True, exist_ok=True)
        stem = folder / f"task-{os.getpid()}-{Task.counter:04d}"
        self.result_path = stem.with_suffix(".json")
        self.log = stem.with_suffix(".log")
        spec = {**spec, "result": str(self.result_path), "guard": str(folder)}
        stem.with_suffix(".spec").write_text(json.dumps(spec), encoding="utf-8")
        with open(self.log, "w") as log:
            self.proc = subprocess.Popen(
                [sys.executable, str(Path(__file__).resolve()), "--task",
                 str(stem.with_suffix(".spec"))],
                stdout=subprocess.DEVNULL, stderr=log, env=env or child_env(folder),
                start_new_session=new_session)

    @property
    def pid(self) -> int:
        return self.proc.pid

    def wait(self, timeout: float = 600) -> dict[str, Any]:
        try:
            self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            end_tree(self.proc.pid)
            self.proc.wait()
            return {"ok": False, "type": "timeout", "error": f"no answer after {timeout:.0f} s"}
        if self.result_path.exists():
            return json.loads(self.result_path.read_text(encoding="utf-8"))
        tail = self.log.read_text(encoding="utf-8", errors="replace")[-400:]
        return {"ok": False, "type": "died", "error": f"exit {self.proc.returncode}: {tail}"}


def run_task(spec: dict[str, Any]) -> None:
    """The body of ``--task``: one pipeline call, its outcome written as JSON."""
    guard(Path(spec["guard"]))
    quiet_imports()
    from helpers import pipeline

    out: dict[str, Any]
    try:
        kind = spec["kind"]
        kwargs = dict(spec.get("kwargs", {}))
        if kind == "run":
            out = {"ok": True, "fingerprint": fingerprint(
                pipeline.run_pipeline(spec["path"], **kwargs))}
        elif kind == "stream":
            pipeline.stream_pipeline(spec["path"], **kwargs)
            out = {"ok": True}
        elif kind == "read":
            out = {"ok": True, "fingerprint": fingerprint(pipeline.read_tables(spec["out_dir"]))}
        elif kind == "tokens":
            from helpers import read_page, tokenize

            pages = sorted(Path(spec["path"]).glob("*.txt"))
            tokens = [tokenize(read_page(p)) for p in pages]
            out = {"ok": True, "tokens": fingerprint({"t": _frame_of(tokens)})["t"],
                   "fingerprint": fingerprint(pipeline.run_pipeline(spec["path"], cache=False))}
        else:
            raise ValueError(f"unknown task kind {kind!r}")
    except BaseException as err:  # noqa: BLE001 -- reported to the parent as it is
        out = {"ok": False, "type": type(err).__name__, "error": str(err)[:800],
               "path": str(getattr(err, "path", None)), "line": getattr(err, "line", None),
               "trace": traceback.format_exc()[-1500:]}
    tmp = Path(spec["result"] + ".tmp")
    tmp.write_text(json.dumps(out), encoding="utf-8")
    tmp.replace(spec["result"])


def _frame_of(rows: list[Any]) -> Any:
    import pandas as pd

    return pd.DataFrame({"x": [repr(r) for r in rows]})


def marked_processes(root: str) -> list[Any]:
    """Every live process (but this one) whose environment carries the sweep's marker."""
    import psutil

    found = []
    for proc in psutil.process_iter(["pid"]):
        if proc.pid == os.getpid():
            continue
        try:
            if proc.environ().get(MARKER) == root and proc.status() != psutil.STATUS_ZOMBIE:
                found.append(proc)
        except (psutil.Error, OSError):
            continue
    return found


def end_tree(pid: int) -> None:
    """Kill ``pid`` and its descendants, by pid (processes this sweep started)."""
    import psutil

    try:
        parent = psutil.Process(pid)
        procs = [*parent.children(recursive=True), parent]
    except psutil.Error:
        return
    for proc in procs:
        with contextlib.suppress(psutil.Error):
            proc.kill()
    psutil.wait_procs(procs, timeout=10)


def describe(proc: Any) -> str:
    import psutil

    try:
        cmd = " ".join(proc.cmdline())[:90]
        return f"pid {proc.pid} ({proc.memory_info().rss / 1e6:.0f} MB) {cmd}"
    except psutil.Error:
        return f"pid {proc.pid}"


# --- pages --------------------------------------------------------------------------------------

#: Unicode blocks the random characters come from (ranges, or lists of code points).
BLOCKS: dict[str, tuple[int, int] | list[int]] = {
    "cjk": (0x4E00, 0x9FFF), "cjk_ext_a": (0x3400, 0x4DBF), "cjk_ext_b": (0x20000, 0x2A6DF),
    "cjk_compat": (0xF900, 0xFAFF), "cjk_punct": (0x3001, 0x303F), "fullwidth": (0xFF01, 0xFF5E),
    "halfwidth_kana": (0xFF61, 0xFF9F), "ascii": (0x21, 0x7E), "latin1": (0xA1, 0xFF),
    "greek": (0x391, 0x3C9), "cyrillic": (0x410, 0x44F), "hangul": (0xAC00, 0xD7A3),
    "kana": (0x3041, 0x30FF), "arabic": (0x621, 0x64A), "combining": (0x300, 0x36F),
    "box": (0x2500, 0x257F), "emoji": (0x1F300, 0x1F64F), "private_use": (0xE000, 0xF8FF),
    "math": (0x2200, 0x22FF), "enclosed": (0x2460, 0x24FF), "punct": (0x2010, 0x205E),
    "zero_width": [0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF],
    "spaces": [0x20, 0xA0, 0x1680, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000],
    "line_breaks": [0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029],
    "controls": [*range(0x01, 0x09), 0x0E, 0x0F, 0x10, 0x1B, 0x7F, 0x9B],
    "numbers": [*range(0x30, 0x3A), *range(0xFF10, 0xFF1A), *map(ord, "〇零一二三四五六七八九十百千万亿两")],
}
_BLOCK_NAMES = sorted(BLOCKS)
_HALF_PUNCT = {"，": ",", "。": ".", "：": ":", "；": ";", "？": "?", "！": "!", "（": "(",
               "）": ")", "“": '"', "”": '"', "‘": "'", "’": "'", "、": ",", "—": "-"}
_FULL_PUNCT = {".": "．", "-": "－", "/": "／", "%": "％", "+": "＋", ",": "，", ":": "："}


def rand_chars(rng: random.Random, n: int) -> str:
    out = []
    for _ in range(n):
        spec = BLOCKS[rng.choice(_BLOCK_NAMES)]
        out.append(chr(rng.choice(spec) if isinstance(spec, list) else rng.randint(*spec)))
    return "".join(out)


def _at_random(text: str, rng: random.Random, count: int, make: Callable[[], str]) -> str:
    pieces = sorted(rng.randint(0, len(text)) for _ in range(count))
    out, last = [], 0
    for pos in pieces:
        out.append(text[last:pos])
        out.append(make())
        last = pos
    out.append(text[last:])
    return "".join(out)


def _lines_op(text: str, rng: random.Random, op: str) -> str:
    lines = text.split("\n")
    for _ in range(rng.randint(1, 6)):
        if len(lines) < 2:
            break
        k = rng.randrange(len(lines))
        if op == "delete":
            del lines[k]
        elif op == "duplicate":
            lines.insert(rng.randrange(len(lines)), lines[k])
        else:  # swap
            j = rng.randrange(len(lines))
            lines[k], lines[j] = lines[j], lines[k]
    return "\n".join(lines)


#: Text perturbations: name -> function(text, rng).
PERTURB: dict[str, Callable[[str, random.Random], str]] = {
    "delete_lines": lambda t, r: _lines_op(t, r, "delete"),
    "duplicate_lines": lambda t, r: _lines_op(t, r, "duplicate"),
    "swap_lines": lambda t, r: _lines_op(t, r, "swap"),
    "unicode_chars": lambda t, r: _at_random(t, r, r.randint(1, 40),
                                             lambda: rand_chars(r, r.randint(1, 3))),
    "whitespace": lambda t, r: _at_random(t, r, r.randint(1, 40), lambda: r.choice(
        [" ", "  ", "\t", "\u3000", "\xa0", "\n", "\n\n", "\n\n\n", " \n", "\u3000\u3000"])),
    "fullwidth_digits": lambda t, r: "".join(
        chr(ord(c) + 0xFEE0) if c.isascii() and c.isalnum() and r.random() < 0.8 else c
        for c in t),
    "mixed_punctuation": lambda t, r: "".join(
        (_HALF_PUNCT.get(c) or _FULL_PUNCT.get(c) or c) if r.random() < 0.5 else c for c in t),
    "crlf": lambda t, r: t.replace("\n", "\r\n"),
    "lone_cr": lambda t, r: t.replace("\n", "\r"),
    "join_lines": lambda t, r: "".join(
        c if c != "\n" or r.random() < 0.7 else "" for c in t),
    "drop_blank_lines": lambda t, r: t.replace("\n\n", "\n", r.randint(1, 40)),
    "split_lines": lambda t, r: _at_random(t, r, r.randint(1, 20), lambda: r.choice(
        ["\n", "\n\n"])),
    "zero_width": lambda t, r: _at_random(t, r, r.randint(1, 20), lambda: r.choice(
        ["\u200b", "\u200c", "\u200d", "\ufeff", "\u2060"])),
    "line_breaks": lambda t, r: _at_random(t, r, r.randint(1, 6), lambda: chr(r.choice(
        BLOCKS["line_breaks"]))),
    "byline_lines": lambda t, r: _byline_lines(t, r),
    "indent": lambda t, r: "\n".join((" " * r.randint(0, 6) if r.random() < 0.3 else "") + ln
                                     for ln in t.split("\n")),
}


def _byline_lines(text: str, rng: random.Random) -> str:
    """Byline lines added after byline lines and after random lines (runs of bylines)."""
    lines = text.split("\n")
    out = []
    for line in lines:
        out.append(line)
        is_byline = line.startswith("（") and line.endswith("）")
        if (is_byline and rng.random() < 0.7) or rng.random() < 0.03:
            out += ["", rng.choice(["（记者 王 强）", "（通讯员 李明 张华）", "（赵 敏）",
                                    "（龚 平 宋晓东）"])]
    return "\n".join(out)


#: Byte perturbations, after the page is encoded.
BYTE_PERTURB: dict[str, Callable[[bytes, random.Random], bytes]] = {
    "truncate": lambda b, r: b[: r.randint(0, len(b))],
    "garbage_bytes": lambda b, r: _insert_bytes(b, r),
}


def _insert_bytes(data: bytes, rng: random.Random) -> bytes:
    k = rng.randint(0, len(data))
    return data[:k] + rng.randbytes(rng.randint(1, 16)) + data[k:]

ENCODINGS = (["utf-8"] * 15) + ["utf-8-sig", "gb18030", "gbk", "utf-16", "utf-16-le"]


class PageMaker:
    """Random pages, each reproducible from (seed, case number)."""

    def __init__(self) -> None:
        with open(os.devnull, "w") as null, contextlib.redirect_stdout(null):
            from run import article_pool

            self.pool = article_pool()
        self.fixtures = [p.read_bytes().decode("utf-8-sig") for p in [SEED_PAGE, *FIXTURE_PAGES]]

    def composed(self, rng: random.Random) -> tuple[str, str]:
        from compose import ArticleSpec, compose_page

        arts = []
        for spec in rng.sample(self.pool, k=rng.randint(1, 9)):
            style = rng.choice(["line", "inline", "author"]) if spec.byline else "line"
            side = (rng.randrange(len(spec.paragraphs))
                    if rng.random() < 0.1 and spec.paragraphs else None)
            arts.append(ArticleSpec(paragraphs=spec.paragraphs,
                                    headline=spec.headline if rng.random() < 0.85 else None,
                                    byline=spec.byline, subheads=spec.subheads,
                                    byline_style=style, side_column=side))
        width = rng.randint(5, 36) if rng.random() < 0.8 else round(rng.uniform(6, 30), 2)
        page, _ = compose_page(arts, width=width, seed=rng.randrange(1 << 30))
        return page, f"composed({len(arts)} articles, width {width})"

    def dense(self, rng: random.Random) -> tuple[str, str]:
        lines = []
        for spec in rng.sample(self.pool, k=rng.randint(1, 6)):
            if spec.headline:
                lines.append(spec.headline)
            lines.extend(spec.paragraphs)
        sep = rng.choice(["\n", "\n\n"])
        return sep.join(lines) + "\n", "dense(one paragraph per line)"

    def salad(self, rng: random.Random) -> tuple[str, str]:
        """Lines of every kind in random order: byline lines (runs of them too), author lines,
        headlines, pieces of paragraphs."""
        names = sorted({n for spec in self.pool for n in spec.byline}) or ["王强"]
        lines = []
        for _ in range(rng.randint(1, 25)):
            spec = rng.choice(self.pool)
            kind = rng.random()
            if kind < 0.3:
                who = rng.sample(names, k=min(rng.randint(1, 3), len(names)))
                lines.append("（" + rng.choice(["", "记者 ", "通讯员 "])
                             + " ".join(" ".join(n) if len(n) == 2 else n for n in who) + "）")
            elif kind < 0.45:
                lines.append(spec.headline or "标题")
            elif kind < 0.55:
                lines.append(" ".join(rng.choice(names)))
            else:
                para = rng.choice(spec.paragraphs)
                start = rng.randrange(len(para))
                lines.append(para[start:start + rng.randint(1, 40)])
        return rng.choice(["\n", "\n\n"]).join(lines) + "\n", "salad(lines of every kind)"

    def make(self, seed: int, case: int) -> tuple[bytes, str, bool]:
        """(the page's bytes, its description, whether it is clean: unperturbed)."""
        rng = random.Random(seed * 1_000_003 + case)
        kind = rng.random()
        if kind < 0.66:
            text, what = self.composed(rng)
        elif kind < 0.74:
            text, what = self.salad(rng)
        elif kind < 0.82:
            text, what = self.dense(rng)
        elif kind < 0.87:
            k = rng.randrange(len(self.fixtures))
            text, what = self.fixtures[k], f"fixture({k})"
        elif kind < 0.93:
            spec = rng.choice(self.pool)
            text = rng.choice([spec.headline or "标题", spec.paragraphs[0], "县", "。",
                               spec.paragraphs[0][: rng.randint(1, 30)]])
            text, what = text + rng.choice(["", "\n"]), "tiny"
        else:
            text = "\n".join(rand_chars(rng, rng.randint(0, 40)) for _ in range(rng.randint(1, 30)))
            what = "noise"
        ops: list[str] = []
        if what != "noise" and rng.random() < 0.3:
            pass  # clean
        else:
            ops = rng.sample(sorted(PERTURB), k=rng.randint(1, 4))
            for op in ops:
                text = PERTURB[op](text, rng)
        encoding = rng.choice(ENCODINGS)
        try:
            data = text.encode(encoding)
        except UnicodeEncodeError:
            encoding = "gb18030" if encoding == "gbk" else "utf-8"
            data = text.encode(encoding, errors="surrogatepass")
        byte_ops = []
        if what != "noise" and rng.random() < 0.06:
            byte_ops = [rng.choice(sorted(BYTE_PERTURB))]
            data = BYTE_PERTURB[byte_ops[0]](data, rng)
        # a clean page must be read; a few characters of BOM-less UTF-16 are ambiguous (。 is
        # the bytes 02 30), so such a tiny page may be refused
        clean = (not ops and not byte_ops and what != "noise"
                 and not (what == "tiny" and encoding == "utf-16-le"))
        desc = f"{what} +[{', '.join(ops + byte_ops)}] {encoding}"
        return data, desc, clean


_MAKER: PageMaker | None = None


def _page_worker_init(folder: str) -> None:
    global _MAKER
    guard(Path(folder))
    quiet_imports()
    _MAKER = PageMaker()


def judge_page(path: Path, clean: bool) -> tuple[bool, str, str]:
    """(passed, outcome, detail) for one random page file."""
    import pandas as pd

    from helpers import CorpusError, check_conservation, parse_text, read_page

    try:
        with deadline(PAGE_TIMEOUT, "read and parse"):
            text = read_page(path)
            parsed = parse_text(text, path.stem)
            first, second = parsed.articles, parse_text(text, path.stem).articles
    except CorpusError as err:
        if not names(err, path):
            return False, "error naming no file", short(err)
        if clean:
            return False, "clean page refused", short(err)
        return True, "CorpusError", ""
    except SweepTimeout as err:
        return False, "hang", str(err)
    except Exception as err:  # noqa: BLE001 -- any other exception is a fault
        return False, f"crash {type(err).__name__}", short(err)
    report = check_conservation(text, first, parsed.furniture)
    if not report["ok"]:
        return False, "conservation", (f"missing {report['missing']} invented "
                                       f"{report['invented']}")[:240]
    try:
        pd.testing.assert_frame_equal(first, second)
        same = first.attrs == second.attrs
    except AssertionError:
        same = False
    if not same:
        return False, "nondeterministic", "two parses of the same text differ"
    return True, "articles", ""


def _page_chunk(args: tuple[int, list[int], str]) -> list[tuple[int, bool, str, str, str, float]]:
    seed, cases, folder = args
    assert _MAKER is not None
    out = []
    for case in cases:
        data, desc, clean = _MAKER.make(seed, case)
        path = Path(folder) / f"case_{case:06d}.txt"
        path.write_bytes(data)
        start = time.perf_counter()
        try:
            ok, outcome, detail = judge_page(path, clean)
        finally:
            path.unlink()
        out.append((case, ok, outcome, detail, desc, time.perf_counter() - start))
    return out


# --- 1. random pages ---------------------------------------------------------------------------

def c_random_pages(root: Path, args: argparse.Namespace) -> Tally:
    import multiprocessing

    tally = Tally()
    folder = root / "pages"
    folder.mkdir(parents=True)
    n, step = args.pages, 50
    chunks = [(args.seed, list(range(k, min(k + step, n))), str(folder)) for k in range(0, n, step)]
    outcomes: Counter[str] = Counter()
    slowest = (0.0, -1)
    start = time.perf_counter()
    ctx = multiprocessing.get_context("spawn")
    workers = max(1, args.workers)
    done = 0
    with ctx.Pool(workers, initializer=_page_worker_init, initargs=(str(root),)) as pool:
        for results in pool.imap_unordered(_page_chunk, chunks):
            for case, ok, outcome, detail, desc, secs in results:
                outcomes[outcome] += 1
                slowest = max(slowest, (secs, case))
                tally.add(ok, f"case {case} ({desc})", f"{outcome}: {detail}")
            before, done = done, done + len(results)
            if done * 10 // n != before * 10 // n:
                print(f"  random_pages: {done}/{n} pages, {time.perf_counter() - start:.0f} s",
                      file=sys.stderr, flush=True)
    tally.failures.sort(key=lambda s: int(s.split()[1]))
    secs = time.perf_counter() - start
    tally.notes.append(f"{n} pages (seed {args.seed}) in {secs:.0f} s on {workers} processes "
                       f"({n / secs:.0f} pages/s); outcomes: "
                       + ", ".join(f"{k} {v}" for k, v in outcomes.most_common())
                       + f"; slowest page {slowest[0]:.2f} s (case {slowest[1]})")
    tally.notes.append(f"replay one: benchmarks/sweep.py --seed {args.seed} --dump-case N "
                       "--out page.txt")
    return tally


# --- 2. encodings ------------------------------------------------------------------------------

def dense_page() -> str:
    """A page of dense Chinese lines: one paragraph per line, little ASCII."""
    from run import article_pool

    with open(os.devnull, "w") as null, contextlib.redirect_stdout(null):
        pool = article_pool()
    lines = []
    for spec in pool[:6]:
        if spec.headline:
            lines.append(spec.headline)
        lines.extend(spec.paragraphs)
    return "\n".join(lines) + "\n"


def _bom(bom: bytes, codec: str) -> Callable[[str], bytes]:
    return lambda s: bom + s.encode(codec)


#: name -> (encoder, may the project refuse it with a CorpusError?)
ENCODERS: dict[str, tuple[Callable[[str], bytes], bool]] = {
    "utf-8": (lambda s: s.encode("utf-8"), False),
    "utf-8 BOM": (_bom(codecs.BOM_UTF8, "utf-8"), False),
    "utf-16-le BOM": (_bom(codecs.BOM_UTF16_LE, "utf-16-le"), False),
    "utf-16-be BOM": (_bom(codecs.BOM_UTF16_BE, "utf-16-be"), False),
    "utf-16-le": (lambda s: s.encode("utf-16-le"), False),
    "utf-16-be": (lambda s: s.encode("utf-16-be"), False),
    "utf-32-le BOM": (_bom(codecs.BOM_UTF32_LE, "utf-32-le"), False),
    "utf-32-be BOM": (_bom(codecs.BOM_UTF32_BE, "utf-32-be"), False),
    "utf-32-le": (lambda s: s.encode("utf-32-le"), True),
    "gb18030": (lambda s: s.encode("gb18030"), False),
    "gbk": (lambda s: s.encode("gbk"), False),
    "gb2312": (lambda s: s.encode("gb2312"), False),
}
_TRADITIONAL = re.compile(r"traditional|繁|big5|big-5", re.IGNORECASE)


def _tables_of(folder: Path) -> tuple[dict[str, str] | None, Any, BaseException | None]:
    """(fingerprint of the tables but files, articles, error) of run_pipeline(cache=False)."""
    from helpers.pipeline import run_pipeline

    try:
        with deadline(300, "run_pipeline"):
            tables = run_pipeline(folder, cache=False)
    except (Exception, SweepTimeout) as err:  # noqa: BLE001 -- judged by the caller
        return None, None, err
    tables.pop("files")
    return fingerprint(tables), tables["articles"], None


def _structure(articles: Any) -> list[tuple[Any, ...]]:
    cols = ["line_start", "line_end", "locality", "prefecture", "province"]
    return [tuple(r) for r in articles[cols].itertuples(index=False)]


def to_traditional(text: str) -> str:
    """The page in traditional characters (jionlp's converter), Big5-encodable: a character
    Big5 lacks stays simplified when Big5 has that, else becomes □."""
    with open(os.devnull, "w") as null, contextlib.redirect_stdout(null):
        import jionlp

    out = []
    for simp, trad in zip(text, jionlp.sim2tra(text), strict=True):
        for ch in (trad, simp, "□"):
            try:
                ch.encode("big5")
            except UnicodeEncodeError:
                continue
            out.append(ch)
            break
    return "".join(out)


def c_encodings(root: Path, args: argparse.Namespace) -> Tally:
    tally = Tally()
    pages = {"seed page": SEED_PAGE.read_bytes().decode("utf-8-sig"), "dense page": dense_page()}
    for page_name, text in pages.items():
        base_dir = root / page_name.replace(" ", "_")
        results: dict[str, Any] = {}
        for enc, (encode, may_refuse) in ENCODERS.items():
            try:
                data = encode(text)
            except UnicodeEncodeError:
                tally.notes.append(f"{page_name}: {enc} cannot encode it (not tried)")
                continue
            folder = base_dir / enc.replace(" ", "_")
            folder.mkdir(parents=True)
            (folder / "page.txt").write_bytes(data)
            fp, _, err = _tables_of(folder)
            results[enc] = fp
            case = f"{page_name} in {enc}"
            if enc == "utf-8":
                tally.add(err is None, case, f"the reference fails: {short(err or '')}")
            elif err is not None:
                clear = may_refuse and type(err).__name__ == "CorpusError" and names(err, "page.txt")
                tally.add(clear, case, f"refused: {short(err)}")
            else:
                ref = results.get("utf-8")
                tally.add(ref is not None and fp == ref, case,
                          f"tables differ from UTF-8: {differing(fp, ref or {})}")
        # traditional characters: converted (the simplified page's articles) or refused clearly
        _, simplified, _ = _tables_of(base_dir / "utf-8")
        trad = to_traditional(text)
        trad_fp = None
        for enc in ("utf-8", "big5"):
            folder = base_dir / f"traditional-{enc}"
            folder.mkdir(parents=True)
            (folder / "page.txt").write_bytes(trad.encode(enc))
            fp, articles, err = _tables_of(folder)
            case = f"{page_name} in traditional characters, {enc}"
            if err is not None:
                tally.add(type(err).__name__ == "CorpusError" and bool(_TRADITIONAL.search(
                    str(err))) and names(err, "page.txt"), case,
                    f"refused without saying it is traditional Chinese: {short(err)}")
                continue
            if enc == "utf-8":
                trad_fp = fp
            same = simplified is not None and _structure(articles) == _structure(simplified)
            why = (f"parsed, not converted: {len(articles)} articles (simplified: "
                   f"{len(simplified) if simplified is not None else '?'}), localities "
                   f"{[s[2] for s in _structure(articles)]}")
            if enc == "big5" and trad_fp is not None and fp != trad_fp:
                same, why = False, f"Big5 tables differ from UTF-8's: {differing(fp, trad_fp)}"
            tally.add(same, case, why)
    return tally


# --- 3. degenerate files -----------------------------------------------------------------------

def _degenerate_entries(folder: Path) -> dict[str, str]:
    """Create every degenerate entry in ``folder``; returns name -> what it is."""
    seed = SEED_PAGE.read_bytes()
    made = {
        "empty.txt": (b"", "an empty file"),
        "blank.txt": ("  \n\t\n\u3000\n\n".encode(), "whitespace only"),
        "pdf_bytes.txt": (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "PDF bytes"),
        "scan.pdf": (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "a PDF"),
        "photo.png": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "a PNG"),
        "archive.zip": (b"PK\x03\x04" + bytes(range(64)), "a zip"),
        "index.html": ("<html><body><a href='000_ae97290bc4d96e06.txt'>洞口县质量强县</a>"
                       "</body></html>\n".encode(), "an HTML index"),
        "notes.md": ("# 采集笔记\n\n这些页面来自县级报纸电子版，2021年10月。\n".encode(), "notes"),
        ".hidden.txt": (seed, "a dot-file holding a page"),
    }
    for name, (data, _) in made.items():
        (folder / name).write_bytes(data)
    os.symlink("no-such-target.txt", folder / "dangling.txt")
    os.symlink("loop.txt", folder / "loop.txt")
    os.mkfifo(folder / "fifo.txt")
    (folder / "x.txt").mkdir()
    return {**{k: v[1] for k, v in made.items()}, "dangling.txt": "a dangling symlink",
            "loop.txt": "a symlink loop", "fifo.txt": "a FIFO", "x.txt": "a directory"}


def _route(route: str, folder: Path, out: Path) -> Any:
    from helpers import load_corpus
    from helpers.pipeline import read_tables, run_pipeline, stream_pipeline

    if route == "load_corpus":
        return load_corpus(folder)
    if route == "run_pipeline":
        return run_pipeline(folder, cache=False)["articles"]
    stream_pipeline(folder, out_dir=out, cache=False)
    return read_tables(out, tables=["articles"])["articles"]


def _judge_listing(route: str, folder: Path, out: Path, entries: list[str]) -> tuple[bool, str]:
    from helpers import CorpusError

    try:
        with deadline(60, route):
            articles = _route(route, folder, out)
    except CorpusError as err:
        unnamed = [e for e in entries if e not in str(err)]
        return not unnamed, f"the error does not name {unnamed}: {short(err)}"
    except (Exception, SweepTimeout) as err:  # noqa: BLE001 -- any other outcome is a fault
        return False, f"not a CorpusError: {short(err)}"
    read = sorted({Path(e).stem for e in entries} & set(articles["source"]))
    if read:
        return False, f"read as a page: articles {sorted(set(articles['article_id']))[:3]}…"
    return False, "skipped unsaid (no error)"


def c_degenerate_files(root: Path, args: argparse.Namespace) -> Tally:
    tally = Tally()
    routes = ("load_corpus", "run_pipeline", "stream_pipeline")
    probe = root / "probe"
    probe.mkdir(parents=True)
    kinds = _degenerate_entries(probe)
    for entry, what in kinds.items():
        for route in routes:
            folder = root / f"one-{entry.lstrip('.')}-{route}"
            folder.mkdir()
            shutil.copy(SEED_PAGE, folder / "page_good.txt")
            _degenerate_entries_only(folder, entry)
            ok, why = _judge_listing(route, folder, root / f"out-{entry}-{route}", [entry])
            tally.add(ok, f"{entry} ({what}) beside a page, {route}", why)
    # all at once: the entries that are no page by name or kind (the .txt files with bad
    # content are refused when read, each case above)
    content = ("empty.txt", "blank.txt", "pdf_bytes.txt")
    together = [e for e in kinds if e not in content]
    for route in routes:
        folder = root / f"all-{route}"
        folder.mkdir()
        shutil.copy(SEED_PAGE, folder / "page_good.txt")
        _degenerate_entries(folder)
        for name in content:
            (folder / name).unlink()
        ok, why = _judge_listing(route, folder, root / f"out-all-{route}", together)
        tally.add(ok, f"all {len(together)} non-page entries at once, {route}", why)
    return tally


def _degenerate_entries_only(folder: Path, entry: str) -> None:
    """Create the one degenerate ``entry`` in ``folder`` (made in a scratch folder, moved)."""
    scratch = folder / ".." / f".scratch-{os.getpid()}-{time.monotonic_ns()}"
    scratch.mkdir()
    _degenerate_entries(scratch)
    os.rename(scratch / entry, folder / entry)
    shutil.rmtree(scratch)


# --- 4. broken codebooks -----------------------------------------------------------------------

BOOK = """version: {version}
codes:
  - id: police
    dimension: domain
    label_zh: 公安
    label_en: Police
    definition: Policing.
    include: Police work.
    exclude: Courts.
{terms}
    example: 公安机关
  - id: campaign
    dimension: mode
    label_zh: 专项行动
    label_en: Campaign
    definition: Campaigns.
    include: Named campaigns.
    exclude: Routine work.
    terms: [专项行动, 百日行动]
    example: 开展专项行动
{tail}"""


def book_text(terms: str = "    terms: [公安, 派出所]", version: str = "1", tail: str = "") -> str:
    return BOOK.format(terms=terms, version=version, tail=tail)


def _segments(book: Any, text: str) -> Any:
    import pandas as pd

    from helpers.coding import code_segments

    return code_segments(pd.DataFrame({"article_id": ["t-01"], "text": [text]}), book)


def _police(book: Any) -> tuple[str, ...]:
    """The terms of the test codebooks' first code (none when it did not load)."""
    found = [c.terms for c in book.codes if c.id == "police"] if book is not None else []
    return tuple(found[0]) if found else ()


def _refused(err: BaseException | None, path: Path, line: bool) -> bool:
    return (type(err).__name__ == "CodebookError" and names(err, path)
            and (not line or getattr(err, "line", None) is not None))


def c_codebooks(root: Path, args: argparse.Namespace) -> Tally:
    import concurrent.futures
    import multiprocessing

    from helpers import load_codebook
    from helpers.pipeline import run_pipeline

    tally = Tally()
    root.mkdir(parents=True, exist_ok=True)
    n = 0

    def load(text: str | bytes) -> tuple[Path, Any, BaseException | None]:
        nonlocal n
        n += 1
        path = root / f"book-{n:02d}.yaml"
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
        try:
            return path, load_codebook(path), None
        except Exception as err:  # noqa: BLE001 -- judged by the case
            return path, None, err

    def outcome(book: Any, err: BaseException | None) -> str:
        if err is not None:
            return f"raised {short(err)}"
        police = [c.terms for c in book.codes if c.id == "police"]
        return f"loaded, {len(book.codes)} codes, police terms {police}"

    # refused with file and line
    must_refuse = {
        "duplicate terms: keys": book_text("    terms: [公安]\n    terms: [派出所]"),
        "duplicate id: key in one code": book_text("    terms: [公安]\n    id: other"),
        "duplicate codes: key": book_text(tail="codes: []\n"),
        "terms: a string, not a list": book_text("    terms: 公安"),
        "re: (empty pattern)": book_text("    terms: [公安, 're:']"),
        "re:[ (invalid pattern)": book_text("    terms: [公安, 're:[']"),
        "YAML syntax error (tab)": book_text("    terms: [公安\n\t- x"),
    }
    for case, text in must_refuse.items():
        path, book, err = load(text)
        tally.add(_refused(err, path, line=True), case,
                  f"expected CodebookError with file and line; {outcome(book, err)}")
    # refused with file and line, or loaded as written
    written = {"yes": "yes", "no": "no", "on": "on", "1.50": "1.50", "2021-10-01": "2021-10-01",
               "0x1F": "0x1F", "010": "010", "1e3": "1e3", "null": "null", "~": "~"}
    for raw, expected in written.items():
        path, book, err = load(book_text(f"    terms: [公安, {raw}]"))
        ok = _refused(err, path, line=True) or expected in _police(book)
        tally.add(ok, f"unquoted term {raw}", f"expected the term {expected!r} or a "
                  f"CodebookError with file and line; {outcome(book, err)}")
    path, book, err = load(book_text("    terms:\n      - 公安\n      -\n      - 派出所"))
    ok = _refused(err, path, line=True) or _police(book) == ("公安", "派出所")
    tally.add(ok, "empty list item", f"expected it refused or dropped; {outcome(book, err)}")
    # patterns matching the empty string: refused, or never an empty segment
    for pattern in ("re:x*", "re:(?:)", r"re:\s*"):
        path, book, err = load(book_text(f"    terms: [公安, '{pattern}']"))
        if err is None:
            try:
                segs = _segments(book, "县公安局开展专项行动。")
                bad = int((segs["start"] == segs["end"]).sum())
                why = f"loaded; {bad} empty segments"
            except Exception as exc:  # noqa: BLE001
                bad, why = 1, f"loaded, coding raised {short(exc)}"
            tally.add(bad == 0, f"term {pattern}", why)
        else:
            tally.add(_refused(err, path, line=True), f"term {pattern}",
                      f"expected CodebookError with file and line; {outcome(book, err)}")
    # inline flags: refused at load with file and line, or coding works
    path, book, err = load(book_text("    terms: [公安, 're:(?i)abc']"))
    if err is None:
        try:
            segs = _segments(book, "县公安局推进ABC项目。")
            tally.add("ABC" in set(segs["term"]), "term re:(?i)abc",
                      f"loaded; ABC not matched: {list(segs['term'])}")
        except Exception as exc:  # noqa: BLE001
            tally.add(False, "term re:(?i)abc", f"loaded, then coding raised {short(exc)}")
    else:
        tally.add(_refused(err, path, line=True), "term re:(?i)abc", outcome(book, err))
    # backreferences, with another pattern before (group numbers shift when terms are joined)
    path, book, err = load(book_text(r"    terms: [公安, 're:(乡)镇', 're:(县)\1']"))
    if err is None:
        try:
            terms = set(_segments(book, "该县县城和乡镇的公安")["term"])
            tally.add({"县县", "乡镇"} <= terms, r"term re:(县)\1 after re:(乡)镇",
                      f"segments {sorted(terms)}")
        except Exception as exc:  # noqa: BLE001
            tally.add(False, r"term re:(县)\1", f"coding raised {short(exc)}")
    else:
        tally.add(False, r"term re:(县)\1", f"a valid codebook refused: {short(err)}")
    # encodings and versions: CodebookError with the file, or loaded right
    path, book, err = load(book_text().encode("gbk"))
    ok = _refused(err, path, line=False) or _police(book) == ("公安", "派出所")
    tally.add(ok, "GBK-encoded codebook", outcome(book, err))
    for version, expected in (("1.2", 1.2), ("'1.2'", "1.2"), ("abc", None), ("[1]", None)):
        path, book, err = load(book_text(version=version))
        ok = _refused(err, path, line=False) or (
            expected is not None and book is not None and book.version == expected)
        tally.add(ok, f"version: {version}", f"expected CodebookError with the file or the "
                  f"version as written; {outcome(book, err) if err else f'version {book.version!r}'}")
    for case, make in (("missing file", lambda p: None), ("a folder", lambda p: p.mkdir()),
                       ("empty file", lambda p: p.write_bytes(b""))):
        path = root / f"special-{case.replace(' ', '_')}.yaml"
        make(path)
        try:
            load_codebook(path)
            err = None
        except Exception as exc:  # noqa: BLE001
            err = exc
        tally.add(_refused(err, path, line=False), case,
                  f"expected CodebookError with the file; {short(err or 'loaded')}")
    # errors keep file and line when pickled, in a worker process, and from run_pipeline
    bad, _, err = load(book_text("    terms: [公安, 're:[']"))
    if err is not None:
        again = pickle.loads(pickle.dumps(err))
        tally.add(type(again) is type(err) and again.path == err.path and again.line == err.line
                  and str(again) == str(err), "CodebookError pickled",
                  f"{short(err)} -> {short(again)}")
    ctx = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(1, mp_context=ctx) as pool:
        try:
            pool.submit(_load_in_worker, str(bad), str(root)).result(timeout=120)
            err = None
        except Exception as exc:  # noqa: BLE001
            err = exc
    tally.add(_refused(err, bad, line=True), "CodebookError raised in a worker process",
              short(err or "loaded"))
    page_dir = root / "corpus"
    page_dir.mkdir()
    shutil.copy(SEED_PAGE, page_dir / SEED_PAGE.name)
    for case, text in (("invalid regex", book_text("    terms: [公安, 're:[']")),
                       ("duplicate terms: keys", book_text("    terms: [公安]\n    terms: [派出所]"))):
        path = root / f"pipeline-{case.replace(' ', '_')}.yaml"
        path.write_text(text, encoding="utf-8")
        try:
            run_pipeline(page_dir, cache=False, codebook=path)
            err = None
        except Exception as exc:  # noqa: BLE001
            err = exc
        tally.add(_refused(err, path, line=True), f"run_pipeline(codebook=...) with {case}",
                  short(err or "ran"))
    return tally


def _load_in_worker(path: str, root: str) -> None:
    guard(Path(root))
    from helpers.codebook import load_codebook

    load_codebook(path)


# --- 5. cache damage ---------------------------------------------------------------------------

def small_corpus(folder: Path, pages: int = 3, seed: int = 7) -> Path:
    """The seed page and a few composed pages."""
    from run import generate

    folder.mkdir(parents=True, exist_ok=True)
    with open(os.devnull, "w") as null, contextlib.redirect_stdout(null):
        generate(folder, size_mb=0.001 * pages * 10, seed=seed)
    for extra in sorted(folder.glob("page_*.txt"))[pages:]:
        extra.unlink()
    shutil.copy(SEED_PAGE, folder / SEED_PAGE.name)
    return folder


def _entries(cache: Path, table: str, consolidated: bool) -> list[Path]:
    base = cache / "runs" / table if consolidated else cache / table
    return sorted(p for p in base.rglob("*") if p.is_file()) if base.is_dir() else []


def _damage(kind: str, entry: Path, rng: random.Random) -> None:
    data = entry.read_bytes()
    if kind == "truncated":
        entry.write_bytes(data[: len(data) // 2])
    elif kind == "emptied":
        entry.write_bytes(b"")
    else:  # garbled: 64 random bytes a third of the way in
        start = len(data) // 3
        entry.write_bytes(data[:start] + rng.randbytes(64) + data[start + 64:])


def c_cache_damage(root: Path, args: argparse.Namespace) -> Tally:
    from helpers.cache import CACHED_TABLES
    from helpers.pipeline import run_pipeline

    tally = Tally()
    rng = random.Random(args.seed)
    corpus = small_corpus(root / "corpus")
    reference = fingerprint(run_pipeline(corpus, cache=False))
    warm = root / "warm"
    run_pipeline(corpus, cache_dir=warm)
    again = fingerprint(run_pipeline(corpus, cache_dir=warm))
    tally.add(again == reference, "undamaged cache", f"differs: {differing(again, reference)}")
    n = 0

    def check(case: str, damage: Callable[[Path], str | None]) -> None:
        nonlocal n
        n += 1
        cache = root / f"cache-{n:03d}"
        shutil.copytree(warm, cache, symlinks=True)
        problem = damage(cache)
        if problem:
            tally.add(False, case, problem)
            return
        try:
            first = fingerprint(run_pipeline(corpus, cache_dir=cache))
            second = fingerprint(run_pipeline(corpus, cache_dir=cache))
        except Exception as err:  # noqa: BLE001
            tally.add(False, case, f"raised {short(err)}")
            return
        bad = differing(first, reference) or [f"{t} (second run)" for t in
                                              differing(second, reference)]
        tally.add(not bad, case, f"tables differ from cache=False: {bad}")

    def damage_entry(table: str, kind: str, consolidated: bool) -> Callable[[Path], str | None]:
        def go(cache: Path) -> str | None:
            if not consolidated:
                shutil.rmtree(cache / "runs", ignore_errors=True)  # so per-file entries are read
            found = _entries(cache, table, consolidated)
            if not found:
                return f"no entry of {table} found in the cache (layout changed? update the sweep)"
            _damage(kind, found[0], rng)
            return None
        return go

    def swap(src: str, dst: str, consolidated: bool) -> Callable[[Path], str | None]:
        def go(cache: Path) -> str | None:
            if not consolidated:
                shutil.rmtree(cache / "runs", ignore_errors=True)
            a, b = _entries(cache, src, consolidated), _entries(cache, dst, consolidated)
            if not a or not b:
                return f"no entry of {src}/{dst} found (layout changed? update the sweep)"
            b[0].write_bytes(a[0].read_bytes())
            return None
        return go

    for consolidated in (False, True):
        where = "consolidated" if consolidated else "per-file"
        tables = [*CACHED_TABLES, "subheads"] if consolidated else list(CACHED_TABLES)
        for table in tables:
            for kind in ("truncated", "garbled", "emptied"):
                check(f"{where} {table} entry {kind}", damage_entry(table, kind, consolidated))
        for src, dst in (("articles", "metrics"), ("segments", "codes")):
            check(f"{where} {src} entry copied over a {dst} entry", swap(src, dst, consolidated))
    # a bogus jieba cache in $TMPDIR: tokens and tables as without it
    import jieba

    jieba.setLogLevel(60)
    dict_path = Path(jieba.__file__).parent / "dict.txt"
    with open(dict_path, "rb") as handle:
        freq, total = jieba.Tokenizer().gen_pfdict(handle)
    bogus = ({w: f for w, f in freq.items() if len(w) == 1}, total)
    for backend in ("jieba", ""):
        label = backend or "default backend"
        env_extra = {"GOVREPORTS_TOKENIZER": backend} if backend else {}
        outs = []
        for kind in ("clean", "bogus"):
            tmp = root / f"jieba-{label.replace(' ', '_')}-{kind}"
            tmp.mkdir()
            if kind == "bogus":
                with open(tmp / "jieba.cache", "wb") as handle:
                    marshal.dump(bogus, handle)
                later = time.time() + 3600
                os.utime(tmp / "jieba.cache", (later, later))
            env = child_env(root, TMPDIR=str(tmp), GOVREPORTS_CACHE=str(tmp / "cache"),
                            **env_extra)
            outs.append(Task(root / "tasks", {"kind": "tokens", "path": str(corpus)},
                             env=env).wait(600))
        clean, bad = outs
        if not clean.get("ok") or not bad.get("ok"):
            tally.add(False, f"bogus $TMPDIR/jieba.cache, {label}",
                      f"a run failed: {short(clean.get('error') or bad.get('error') or '')}")
            continue
        diff = differing(bad["fingerprint"], clean["fingerprint"])
        if bad["tokens"] != clean["tokens"]:
            diff.insert(0, "tokenize()")
        tally.add(not diff, f"bogus $TMPDIR/jieba.cache, {label}",
                  f"results changed: {diff}")
    return tally


# --- 6. concurrency ----------------------------------------------------------------------------

_CLEAR = re.compile(r"lock|another|in use|running|busy|owned|pid", re.IGNORECASE)


def _corpora(root: Path, specs: dict[str, tuple[float, int]]) -> dict[str, Path]:
    from run import generate

    out = {}
    for name, (mb, seed) in specs.items():
        folder = root / f"corpus-{name}"
        with open(os.devnull, "w") as null, contextlib.redirect_stdout(null):
            generate(folder, size_mb=mb, seed=seed)
        out[name] = folder
    return out


def _references(root: Path, corpora: dict[str, Path], **kwargs: Any) -> dict[str, dict[str, str]]:
    refs = {}
    for name, folder in corpora.items():
        res = Task(root / "tasks", {"kind": "run", "path": str(folder),
                                    "kwargs": {"cache": False, **kwargs}}).wait(900)
        if not res.get("ok"):
            raise RuntimeError(f"reference run of {name} failed: {res.get('error')}")
        refs[name] = res["fingerprint"]
    return refs


def _together(specs: list[dict[str, Any]], folder: Path, timeout: float = 900
              ) -> list[dict[str, Any]]:
    tasks = [Task(folder, spec) for spec in specs]
    return [t.wait(timeout) for t in tasks]


def c_concurrency(root: Path, args: argparse.Namespace) -> Tally:
    tally = Tally()
    tasks = root / "tasks"
    corpora = _corpora(root, {"A": (1.5, 101), "B": (1.2, 202)})
    changed = root / "corpus-A2"
    shutil.copytree(corpora["A"], changed)
    page = sorted(changed.glob("*.txt"))[50]
    page.write_bytes(page.read_bytes().replace("，".encode(), "、".encode(), 3))
    corpora["A2"] = changed
    refs = _references(root, corpora)
    # two run_pipeline on one corpus and one cache
    cache = root / "shared-cache"
    for n, (name, workers) in enumerate((("A", 1), ("A", 2), ("A2", 1)), start=1):
        spec = {"kind": "run", "path": str(corpora[name]),
                "kwargs": {"cache_dir": str(cache), "workers": workers,
                           "min_parallel_bytes": 0}}
        label = f"try {n}: two run_pipeline on {name} (workers={workers}), " + (
            "one cache (warm, one page changed)" if name == "A2" else "one cache")
        for k, res in enumerate(_together([spec, spec], tasks), start=1):
            tally.add(res.get("ok") and res["fingerprint"] == refs[name], f"{label}, run {k}",
                      short(res.get("error") or f"differs: {differing(res['fingerprint'], refs[name])}"))
        after = Task(tasks, spec).wait(900)
        tally.add(after.get("ok") and after["fingerprint"] == refs[name],
                  f"{label}: a third run from that cache", short(after.get("error") or "differs"))
    # two stream_pipeline into one out_dir
    for n in range(1, 4):
        out = root / f"stream-out-{n}"
        # two workers each: many small parts, so that runs that overlap interleave their parts
        specs = [{"kind": "stream", "path": str(corpora[name]),
                  "kwargs": {"out_dir": str(out), "cache": False, "workers": 2,
                             "min_parallel_bytes": 0}} for name in ("A", "B")]
        results = _together(specs, tasks)
        label = f"try {n}: two stream_pipeline (A, B) into one out_dir"
        tally.notes.append(f"{label}: " + "; ".join(
            f"{name} {'ok' if r.get('ok') else short(r.get('type', '') + ': ' + r.get('error', ''), 200)}"
            for name, r in zip("AB", results, strict=True)))
        oks = [r.get("ok") for r in results]
        errors = [r for r in results if not r.get("ok")]
        clear = all(_CLEAR.search(r.get("error", "")) or out.name in r.get("error", "")
                    for r in errors)
        tally.add(any(oks) and clear, f"{label}: one succeeds, the other a clear error or waits",
                  "; ".join(f"{name}: {'ok' if r.get('ok') else short(r.get('type', '') + ': ' + r.get('error', ''), 160)}"
                            for name, r in zip("AB", results, strict=True)))
        read = Task(tasks, {"kind": "read", "out_dir": str(out)}).wait(600)
        winners = [refs[name] for name, ok in zip("AB", oks, strict=True) if ok]
        tally.add(read.get("ok") and read["fingerprint"] in winners,
                  f"{label}: read_tables gives one run's tables",
                  short(read.get("error") or "tables of neither run alone (mixed): differ from "
                        f"A in {differing(read['fingerprint'], refs['A'])}, from B in "
                        f"{differing(read['fingerprint'], refs['B'])}"))
    # a failed stream_pipeline rerun keeps the previous output
    bad_pages = {
        "an empty page at the end": ("zz_empty.txt", b""),
        "a PDF in the middle": (sorted(p.name for p in corpora["A"].glob("*.txt"))[100],
                                b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"),
    }
    for n, (case, (name, data)) in enumerate(bad_pages.items(), start=1):
        out = root / f"rerun-out-{n}"
        first = Task(tasks, {"kind": "stream", "path": str(corpora["A"]),
                             "kwargs": {"out_dir": str(out), "cache": False}}).wait(600)
        if not first.get("ok"):
            tally.add(False, f"failed rerun ({case})", f"the first run failed: {first.get('error')}")
            continue
        broken = root / f"corpus-broken-{n}"
        shutil.copytree(corpora["A"], broken)
        (broken / name).write_bytes(data)
        rerun = Task(tasks, {"kind": "stream", "path": str(broken),
                             "kwargs": {"out_dir": str(out), "cache": False}}).wait(600)
        tally.add(not rerun.get("ok") and rerun.get("type") == "CorpusError"
                  and name in rerun.get("error", ""), f"rerun with {case}: a CorpusError naming it",
                  short(rerun.get("error") or "no error"))
        read = Task(tasks, {"kind": "read", "out_dir": str(out)}).wait(600)
        tally.add(read.get("ok") and read["fingerprint"] == refs["A"],
                  f"rerun with {case}: the previous output kept",
                  short(read.get("error") or f"differs: {differing(read['fingerprint'], refs['A'])}"))
    return tally


# --- 7. kills ----------------------------------------------------------------------------------

def _kill_during(spec: dict[str, Any], folder: Path, delay: float, workers: int
                 ) -> tuple[str | None, list[Any], list[str]]:
    """Start ``spec``, kill -9 it ``delay`` s after its worker processes appeared (or after it
    started, serially); returns (a problem of the sweep's timing, survivors, their description)."""
    import psutil

    task = Task(folder, spec)
    seen: dict[int, Any] = {}
    started = time.monotonic()
    ready_at = None
    while True:
        try:
            kids = psutil.Process(task.pid).children(recursive=True)
        except psutil.Error:
            kids = []
        for kid in kids:
            seen.setdefault(kid.pid, kid)
        if ready_at is None and (workers == 1 or len(kids) >= 2 + workers):
            ready_at = time.monotonic()
        if task.proc.poll() is not None:
            return "the run ended before the kill (sweep timing: a bigger corpus?)", [], []
        if ready_at is not None and time.monotonic() - ready_at >= delay:
            break
        if time.monotonic() - started > 300:
            end_tree(task.pid)
            task.proc.wait()
            return "no worker processes appeared within 300 s", [], []
        time.sleep(0.05)
    os.kill(task.pid, signal.SIGKILL)
    task.proc.wait()
    limit = time.monotonic() + KILL_GRACE
    alive = list(seen.values())
    while alive and time.monotonic() < limit:
        alive = [p for p in alive if _alive(p)]
        time.sleep(0.1)
    alive = [p for p in alive if _alive(p)]
    described = [describe(p) for p in alive]
    for proc in alive:  # our own (indirect) children: ended by pid
        with contextlib.suppress(psutil.Error):
            proc.kill()
    psutil.wait_procs(alive, timeout=10)
    return None, alive, described


def _alive(proc: Any) -> bool:
    import psutil

    try:
        return proc.is_running() and proc.status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False


def c_kills(root: Path, args: argparse.Namespace) -> Tally:
    tally = Tally()
    tasks = root / "tasks"
    corpora = _corpora(root, {"K": (8.0, 303), "S": (0.3, 404)})
    log("kills: corpora made")
    refs = _references(root, corpora, workers=2)
    log("kills: reference tables made")
    plan = [("run_pipeline", 2, 0.5), ("run_pipeline", 2, 3.0), ("run_pipeline", 1, 8.0),
            ("stream_pipeline", 2, 0.5), ("stream_pipeline", 2, 3.0)]
    for n, (fn, workers, delay) in enumerate(plan, start=1):
        cache = root / f"cache-{n}"
        out = root / f"out-{n}"
        kwargs: dict[str, Any] = {"workers": workers, "min_parallel_bytes": 0,
                                  "cache_dir": str(cache)}
        label = (f"kill -9 of {fn}(workers={workers}) "
                 + (f"{delay:g} s after its workers appeared" if workers > 1
                    else f"{delay:g} s after it started"))
        if fn == "stream_pipeline":
            kwargs["out_dir"] = str(out)
            first = Task(tasks, {"kind": "stream", "path": str(corpora["S"]),
                                 "kwargs": {"out_dir": str(out), "cache": False}}).wait(600)
            if not first.get("ok"):
                tally.add(False, label, f"the earlier run failed: {first.get('error')}")
                continue
        spec = {"kind": "stream" if fn == "stream_pipeline" else "run",
                "path": str(corpora["K"]), "kwargs": kwargs}
        log(f"kills: {label}")
        problem, alive, described = _kill_during(spec, tasks, delay, workers)
        log(f"kills: killed; {len(alive)} left after {KILL_GRACE} s")
        if problem:
            tally.add(False, label, problem)
            continue
        if workers > 1:
            tally.add(not alive, f"{label}: no process left {KILL_GRACE} s later",
                      f"{len(alive)} alive: " + "; ".join(described))
        if fn == "stream_pipeline":
            read = Task(tasks, {"kind": "read", "out_dir": str(out)}).wait(600)
            log("kills: the previous output read")
            tally.add(read.get("ok") and read["fingerprint"] == refs["S"],
                      f"{label}: the previous output kept",
                      short(read.get("error") or "differs from the previous run's: "
                            f"{differing(read['fingerprint'], refs['S'])}"))
        rerun = Task(tasks, {**spec, "kwargs": {**kwargs}}).wait(900)
        log(f"kills: the next run: {'ok' if rerun.get('ok') else rerun.get('type')}")
        if fn == "stream_pipeline" and rerun.get("ok"):
            rerun = Task(tasks, {"kind": "read", "out_dir": str(out)}).wait(600)
            log("kills: read back")
        tally.add(rerun.get("ok") and rerun["fingerprint"] == refs["K"],
                  f"{label}: the next run gives the right tables",
                  short(rerun.get("error") or f"differs: {differing(rerun['fingerprint'], refs['K'])}"))
    return tally


# --- 8. numbers --------------------------------------------------------------------------------

def _rows(text: str) -> list[dict[str, Any]]:
    from helpers.metrics import extract_from_text

    return extract_from_text(text)


def _numbers(rows: list[dict[str, Any]]) -> list[float]:
    out = []
    for row in rows:
        for key in ("value", "value_std"):
            v = row.get(key)
            if isinstance(v, (int, float)) and not math.isnan(v):
                out.append(float(v))
    return out


def c_numbers(root: Path, args: argparse.Namespace) -> tuple[Tally, Tally]:
    import pandas as pd

    from helpers.metrics import extract_metrics

    tally = Tally()
    signed = {"今天温度-3℃。": (-3.0, 3.0), "最低气温-3.5℃，最高气温5℃。": (-3.5, 3.5),
              "温度－3℃。": (-3.0, 3.0)}
    for text, (want, not_want) in signed.items():
        try:
            got = _numbers(_rows(text))
            tally.add(want in got and not_want not in got, f"{text!r}", f"values {got}")
        except Exception as err:  # noqa: BLE001
            tally.add(False, f"{text!r}", f"raised {short(err)}")
    for text in ("气温3-5℃。", "2021-2022年完成改造。", "编号G-12的项目投资5万元。"):
        try:
            got = _numbers(_rows(text))
            tally.add(all(v >= 0 for v in got), f"{text!r}: no negative value", f"values {got}")
        except Exception as err:  # noqa: BLE001
            tally.add(False, f"{text!r}", f"raised {short(err)}")
    absurd = {"a 309-digit amount": "投资" + "9" * 309 + "元。",
              "1 followed by 300 zeros, in 亿元": "投资1" + "0" * 300 + "亿元。",
              "a 400-digit rate": "比例" + "9" * 400 + "%。",
              "a 330-digit amount with commas": "投资1," + "000," * 110 + "000元。",
              "a 309-digit number of people": "共有" + "9" * 309 + "人参加。"}
    for case, text in absurd.items():
        try:
            rows = _rows(text)
            articles = pd.DataFrame({"article_id": ["n-01"], "text": [text]})
            table = extract_metrics(articles)
            values = [float(v) for v in _numbers(rows)]
            for col in table.columns:
                values += [float(v) for v in table[col]
                           if isinstance(v, (int, float)) and not isinstance(v, bool)]
            bad = [v for v in values if math.isinf(v)]
            tally.add(not bad, f"{case}: no inf in metrics", f"{len(bad)} inf values")
        except Exception as err:  # noqa: BLE001
            tally.add(False, case, f"raised {short(err)}")
    later = Tally()
    hard = {"82，225.00元": 82225.0, "壹万二千三百四十五元": 12345.0, "百分之二点四": 2.4,
            "九成": 90.0}
    for text, want in hard.items():
        try:
            rows = _rows(f"全年收入{text}。" if "元" in text else f"满意率{text}。")
            got = [r.get("value_std") for r in rows]
            later.add(want in got, f"{text} -> {want:g}", f"value_std {got}")
        except Exception as err:  # noqa: BLE001
            later.add(False, text, f"raised {short(err)}")
    later.notes.append("informational: these belong to a later issue, not to issue 11's pass/fail")
    return tally, later


# --- 9. long paragraphs ------------------------------------------------------------------------

def one_line_page(mb: float) -> str:
    """``mb`` MB (UTF-8) of one line: the seed page's text without its layout, repeated (a page
    about quality: many matches of a code with exclude_terms, and many excluded spans)."""
    from helpers import read_page

    chunk = "".join(read_page(SEED_PAGE).split())
    size = int(mb * 1e6)
    text = chunk * (size // len(chunk.encode("utf-8")) + 1)
    return text[: size // 3]  # ideographs and CJK punctuation: 3 bytes each


def c_long_paragraphs(root: Path, args: argparse.Namespace) -> Tally:
    from helpers import code_segments, parse_page

    tally = Tally()
    code_segments(parse_page("县公安局推进高质量发展。\n", "warm"))  # tokenizer and codebook
    times: dict[float, float] = {}
    for mb in (1.0, 2.0, 4.0):
        articles = parse_page(one_line_page(mb) + "\n", f"long{mb:g}")
        best = float("inf")
        for _ in range(2):  # CPU seconds, the better of two: other load on the machine aside
            start = time.process_time()
            try:
                with deadline(900, f"coding a {mb:g} MB paragraph"):
                    segments = code_segments(articles)
            except SweepTimeout as err:
                tally.notes.append(str(err))
                break
            best = min(best, time.process_time() - start)
        if best == float("inf"):
            break
        times[mb] = best
        tally.notes.append(f"{mb:g} MB one-line page: {len(articles)} article(s), coded in "
                           f"{best:.2f} CPU s ({len(segments)} segments)")
    measured = 1.0 in times and 4.0 in times
    ratio = times[4.0] / times[1.0] if measured else float("inf")
    tally.add(ratio < 6, "coding time 4 MB / 1 MB < 6 (linear)",
              f"ratio {ratio:.1f}; " + ", ".join(f"{k:g} MB {v:.2f} s" for k, v in times.items()))
    return tally


# --- 10. a codebook edited in one process ------------------------------------------------------

def c_codebook_edit(root: Path, args: argparse.Namespace) -> Tally:
    from helpers import config
    from helpers.pipeline import run_pipeline

    tally = Tally()
    corpus = root / "corpus"
    corpus.mkdir(parents=True)
    shutil.copy(SEED_PAGE, corpus / SEED_PAGE.name)
    book = root / "codebook.yaml"
    original = config.CODEBOOK.read_text(encoding="utf-8")
    book.write_text(original, encoding="utf-8")
    cache = root / "cache"

    def terms(tables: dict[str, Any]) -> set[str]:
        return set(tables["segments"]["term"])

    first = run_pipeline(corpus, codebook=book, cache_dir=cache)
    first_fp = fingerprint(first)
    # 1. a term removed, then a new term that the page holds
    assert "质量强县, " in original
    book.write_text(original.replace("质量强县, ", "", 1), encoding="utf-8")
    for label, kwargs in (("cache=False", {"cache": False}), ("cached", {"cache_dir": cache}),
                          ("cache=False, two workers",
                           {"cache": False, "workers": 2, "min_parallel_bytes": 0})):
        tables = run_pipeline(corpus, codebook=book, **kwargs)
        tally.add("质量强县" not in terms(tables), f"a term removed, rerun {label}",
                  "the removed term 质量强县 is still coded: the old codebook was used")
    assert "竹木纤维" not in original
    book.write_text(original.replace("terms: [园区,", "terms: [竹木纤维, 园区,", 1),
                    encoding="utf-8")
    for label, kwargs in (("cache=False", {"cache": False}), ("cached", {"cache_dir": cache}),
                          ("cached, path as str", {"cache_dir": str(cache)})):
        path: Any = str(book) if "str" in label else book
        tables = run_pipeline(corpus, codebook=path, **kwargs)
        tally.add("竹木纤维" in terms(tables), f"a term added, rerun {label}",
                  "the new term 竹木纤维 is not coded: the old codebook was used")
    # 2. an edit of the same size and mtime: one term replaced by another of its length
    stat = book.stat()
    text = book.read_text(encoding="utf-8")
    assert "品牌" in text and "墙板" not in text
    book.write_text(text.replace("品牌", "墙板"), encoding="utf-8")
    os.utime(book, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    for label, kwargs in (("cache=False", {"cache": False}), ("cached", {"cache_dir": cache})):
        tables = run_pipeline(corpus, codebook=book, **kwargs)
        got = terms(tables)
        tally.add("墙板" in got and "品牌" not in got,
                  f"a term replaced (same size, same mtime), rerun {label}",
                  f"墙板 coded: {'墙板' in got}, 品牌 still coded: {'品牌' in got}")
    # 3. back to the original: the first run's tables
    book.write_text(original, encoding="utf-8")
    back = fingerprint(run_pipeline(corpus, codebook=book, cache_dir=cache))
    tally.add(back == first_fp, "the edit undone, rerun cached: the first tables",
              f"differs: {differing(back, first_fp)}")
    # 4. a definition edited (no term): the same codes
    book.write_text(original.replace("definition: Growth", "definition: Growth (edited)", 1),
                    encoding="utf-8")
    same = fingerprint(run_pipeline(corpus, codebook=book, cache=False))
    diff = [t for t in differing(same, first_fp) if t not in ("files",)]
    tally.add(not diff, "a definition edited: tables unchanged", f"differs: {diff}")
    return tally


# --- the classes and the report ------------------------------------------------------------------

#: name -> (function, issue 11 items, timeout in seconds)
CLASSES: dict[str, tuple[Callable[..., Any], str, int]] = {
    "random_pages": (c_random_pages, "9", 3600),
    "encodings": (c_encodings, "8, 12", 900),
    "degenerate_files": (c_degenerate_files, "2, 3", 900),
    "codebooks": (c_codebooks, "6, 7", 900),
    "cache_damage": (c_cache_damage, "11", 1200),
    "concurrency": (c_concurrency, "1, 4", 1800),
    "kills": (c_kills, "5", 1800),
    "numbers": (c_numbers, "12", 600),
    "long_paragraphs": (c_long_paragraphs, "10", 2400),
    "codebook_edit": (c_codebook_edit, "6", 900),
}
LATER = "numbers_later"


def run_class(name: str, root: Path, result: Path, args: argparse.Namespace) -> None:
    """The body of ``--class-run``: one class in this process, its result written as JSON."""
    guard(root)
    quiet_imports()
    start = time.perf_counter()
    out: dict[str, Any]
    try:
        got = CLASSES[name][0](root, args)
        tallies = got if isinstance(got, tuple) else (got,)
        out = {name: tallies[0].result()}
        if len(tallies) > 1:
            out[LATER] = tallies[1].result()
    except BaseException as err:  # noqa: BLE001 -- the class itself broke: reported as such
        out = {name: {"cases": 1, "passed": 0, "failed": 1,
                      "failures": [f"the sweep of this class stopped: {short(err, 600)}"],
                      "notes": [traceback.format_exc()[-2000:]]}}
    for row in out.values():
        row["seconds"] = round(time.perf_counter() - start, 1)
    result.write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")


def sweep(args: argparse.Namespace) -> dict[str, Any]:
    root = Path(tempfile.mkdtemp(prefix="govreports-sweep-"))
    rows: dict[str, Any] = {}
    leftovers: list[str] = []
    try:
        for name in args.classes:
            folder = root / name
            folder.mkdir()
            result = root / f"{name}.json"
            timeout = CLASSES[name][2]
            print(f"{name} …", file=sys.stderr, flush=True)
            cmd = [sys.executable, str(Path(__file__).resolve()), "--class-run", name,
                   "--root", str(folder), "--result", str(result), "--pages", str(args.pages),
                   "--workers", str(args.workers), "--seed", str(args.seed)]
            start = time.perf_counter()
            proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, env=child_env(root),
                                    start_new_session=True)
            try:
                proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                end_tree(proc.pid)
                proc.wait()
            if result.exists():
                rows.update(json.loads(result.read_text(encoding="utf-8")))
            else:
                rows[name] = {"cases": 1, "passed": 0, "failed": 1, "notes": [],
                              "seconds": round(time.perf_counter() - start, 1),
                              "failures": [(f"the sweep of this class gave no result "
                                            f"(exit {proc.returncode}; timeout {timeout} s)")]}
            stray = marked_processes(str(root))
            if stray:
                leftovers += [f"after {name}: {describe(p)}" for p in stray]
                for p in stray:
                    with contextlib.suppress(Exception):
                        p.kill()
            print(f"{name}: {rows[name]['passed']}/{rows[name]['cases']} passed "
                  f"({rows[name]['seconds']:.0f} s)", file=sys.stderr, flush=True)
    finally:
        for p in marked_processes(str(root)):
            with contextlib.suppress(Exception):
                p.kill()
        shutil.rmtree(root, ignore_errors=True)
    return {"rows": rows, "leftover_processes": leftovers, "folder_removed": not root.exists()}


def report(summary: dict[str, Any], args: argparse.Namespace, seconds: float) -> str:
    rows = summary["rows"]
    lines = [(f"{'class':<18} {'issue':>6} {'cases':>7} {'passed':>7} {'failed':>7} "
              f"{'seconds':>8}")]
    for name, row in rows.items():
        if name == LATER:
            continue
        items = CLASSES[name][1]
        lines.append(f"{name:<18} {items:>6} {row['cases']:>7} {row['passed']:>7} "
                     f"{row['failed']:>7} {row['seconds']:>8.0f}")
    total = [r for n, r in rows.items() if n != LATER]
    lines.append(f"{'total':<18} {'':>6} {sum(r['cases'] for r in total):>7} "
                 f"{sum(r['passed'] for r in total):>7} {sum(r['failed'] for r in total):>7} "
                 f"{seconds:>8.0f}")
    if LATER in rows:
        row = rows[LATER]
        lines.append(f"{LATER:<18} {'later':>6} {row['cases']:>7} {row['passed']:>7} "
                     f"{row['failed']:>7}   informational: published hard cases of a later "
                     "issue, not pass/fail of this sweep")
    for name, row in rows.items():
        if row["failures"] or row["notes"]:
            lines.append(f"\n{name}: {row['failed']} failed" + (
                f" (first {min(SHOWN, len(row['failures']))})" if row["failures"] else ""))
            lines += [f"  - {f}" for f in row["failures"][:SHOWN]]
            lines += [f"  note: {n}" for n in row["notes"] if not n.startswith("Traceback")]
    lines.append("")
    lines.append("processes left behind: " + ("; ".join(summary["leftover_processes"])
                                             or "none"))
    lines.append("temporary folder removed: " + ("yes" if summary["folder_removed"] else "NO"))
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=10_000, help="random pages (default 10000)")
    parser.add_argument("--classes", default=",".join(CLASSES),
                        help=f"comma-separated, in this order by default: {','.join(CLASSES)}")
    parser.add_argument("--json", type=Path, default=None, help="also write the table here")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                        help="processes for the random pages (default: every core)")
    parser.add_argument("--seed", type=int, default=11, help="seed of the random pages")
    parser.add_argument("--dump-case", type=int, help="write random page N to --out and exit")
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--task", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--class-run", help=argparse.SUPPRESS)
    parser.add_argument("--root", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--result", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.task:
        run_task(json.loads(args.task.read_text(encoding="utf-8")))
        return
    if args.class_run:
        run_class(args.class_run, args.root, args.result, args)
        return
    if args.dump_case is not None:
        quiet_imports()
        data, desc, clean = PageMaker().make(args.seed, args.dump_case)
        target = args.out or Path(f"case_{args.dump_case:06d}.txt")
        target.write_bytes(data)
        print(f"case {args.dump_case} (seed {args.seed}): {desc}{' (clean)' if clean else ''}"
              f" -> {target}")
        return
    chosen = [c.strip() for c in args.classes.split(",") if c.strip()]
    unknown = [c for c in chosen if c not in CLASSES]
    if unknown:
        parser.error(f"unknown classes {unknown}; choose among {list(CLASSES)}")
    args.classes = chosen
    start = time.perf_counter()
    summary = sweep(args)
    seconds = time.perf_counter() - start
    text = report(summary, args, seconds)
    print(text)
    if args.json:
        commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"],
                                check=False, capture_output=True, text=True).stdout.strip()
        payload = {"command": " ".join([Path(sys.executable).name, *sys.argv]),
                   "commit": commit, "seconds": round(seconds, 1), "pages": args.pages,
                   "seed": args.seed, "workers": args.workers, "cores": os.cpu_count(),
                   "classes": {n: {"issue_items": CLASSES[n][1] if n in CLASSES else "later",
                                   **r} for n, r in summary["rows"].items()},
                   "informational": [LATER],
                   "leftover_processes": summary["leftover_processes"],
                   "folder_removed": summary["folder_removed"]}
        args.json.write_text(json.dumps(payload, ensure_ascii=False, indent=1) + "\n",
                             encoding="utf-8")
        print(f"written {args.json}")


if __name__ == "__mp_main__" and os.environ.get(GUARD_ENV):
    # this module as the main module of a worker process (the pipeline's fork server preloads
    # it; spawned workers import it): the guard of the process that started it
    guard(Path(os.environ[GUARD_ENV]))

if __name__ == "__main__":
    main()
