"""Are the tables of the load stage unchanged by a speed change?  (Never run by the tests.)

A speed change to the readers must leave the articles and furniture tables identical.  Other
helpers change other modules (places, metrics, coding) at the same time, so comparing today's
tables with tables saved this morning would mix their changes with ours.  This script isolates
the change: it builds two copies of ``helpers/`` as committed at ``--others`` (default HEAD), one
with the files under ``--paths`` (default: the readers: layout, formats, text, pipeline) as they
were at ``--baseline``, one with them as they are in the working tree, then runs ``read_corpus``
in each copy on the same folders, each in its own process, and compares every column with
``DataFrame.equals`` (and the attrs).

``--make-mixed DIR`` first writes a folder of varied input: pages in the seed's form and in the
dense forms of other extractors (with and without justification spaces, spaced digits, blank
gaps, blanked debris lines), page debris (edition lines, navigation, a dated running head) and
article files with header lines and site debris, so that every branch of the readers is run.

    python benchmarks/compare_tables.py --baseline a4620610 --make-mixed /tmp/mixed \
        corpus/raw tests/fixtures/pages /tmp/mixed /tmp/bench10
"""

from __future__ import annotations

import argparse
import os
import pickle
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: The files whose change is compared: the readers (the other modules stay as they are today).
OWN_PATHS = ("helpers/layout", "helpers/formats", "helpers/text", "helpers/pipeline.py")
#: Debris printed on the dense pages (what ``formats.furniture`` and the running-head rule take).
PAGE_DEBRIS = ("第A02版：要闻", "上一版  下一版  版面导航", "2021年8月27日 星期五",
               "责任编辑：张三  版式：李四")
#: The header and debris lines of a made-up county-site article file.
ARTICLE_HEAD = ("首页 > 新闻中心 > 乡镇动态", "发布时间：2022-10-18 09:30  来源：县融媒体中心  作者：刘晓东",
                "【字体：大 中 小】 打印本页")
ARTICLE_FOOT = ("上一篇：县人大常委会视察农村公路建设", "（责任编辑：王敏）")


def make_mixed(folder: Path, *, pages: int = 120, seed: int = 0) -> None:
    """Write ``pages`` pages of varied forms and as many article files into ``folder`` (with the
    helpers first on ``sys.path``)."""
    sys.path[1:1] = [str(ROOT / "benchmarks"), str(ROOT / "tests")]
    from compose import ArticleSpec, PageForm, compose_page
    from run import article_pool

    forms = [PageForm(), PageForm(dense=True),
             PageForm(dense=True, justify=False, gaps=0.3, debris=2),
             PageForm(dense=True, justify=False, spaced_digits=True, gaps=0.3),
             PageForm(latin_spaces="between")]
    pool = article_pool()
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(pages):
        specs = [ArticleSpec(paragraphs=s.paragraphs,
                             headline=s.headline if rng.random() < 0.85 else None,
                             byline=s.byline, subheads=s.subheads,
                             byline_style=rng.choice(["line", "inline", "author"])
                             if s.byline else "line")
                 for s in rng.sample(pool, k=rng.randint(2, 6))]
        page, _ = compose_page(specs, width=rng.randint(12, 24), seed=n, form=forms[n % len(forms)])
        if n % 3 == 0:  # debris at the top of the page
            page = "\n\n".join(rng.sample(PAGE_DEBRIS, k=2)) + "\n\n" + page
        (folder / f"page_{n:04d}.txt").write_text(page, encoding="utf-8")
        spec = rng.choice(pool)
        body = [("　　" if rng.random() < 0.7 else "") + p for p in spec.paragraphs]
        lines = [*ARTICLE_HEAD[:rng.randint(0, 3)], spec.headline or "无题", *body,
                 *ARTICLE_FOOT[:rng.randint(0, 2)]]
        (folder / f"article_{n:04d}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


def build_tree(where: Path, *, others: str, own: str | None,
               paths: tuple[str, ...]) -> Path:
    """A copy of ``helpers/`` as committed at ``others``, with the files under ``paths`` as at
    commit ``own`` (None: as they are in the working tree).  Others' files come from a commit,
    not the working tree, where another helper may be half-way through an edit."""
    where.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", others, "helpers"],
                             check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(where)], input=archive, check=True)
    for path in paths:
        target = where / path
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()
    if own is None:
        for path in paths:
            source = ROOT / path
            if source.is_dir():
                shutil.copytree(source, where / path,
                                ignore=shutil.ignore_patterns("__pycache__"))
            else:
                shutil.copyfile(source, where / path)
        return where
    listed = subprocess.run(["git", "-C", str(ROOT), "ls-tree", "-r", "--name-only", own,
                             "--", *paths], check=True, capture_output=True, text=True)
    for name in listed.stdout.split():
        data = subprocess.run(["git", "-C", str(ROOT), "show", f"{own}:{name}"],
                              check=True, capture_output=True).stdout
        (where / name).parent.mkdir(parents=True, exist_ok=True)
        (where / name).write_bytes(data)
    return where


_READ = """
import pickle, sys, warnings
warnings.simplefilter("ignore", UserWarning)  # the ignore= notice
sys.path.insert(0, sys.argv[1])
from helpers.corpus import read_corpus
out = {}
for folder in sys.argv[3:]:
    got = read_corpus(folder, ignore=["*.md", "*.json"])
    out[folder] = (got.articles, got.furniture)
with open(sys.argv[2], "wb") as handle:
    pickle.dump(out, handle)
"""


def read_tables(tree: Path, folders: list[Path], out: Path) -> dict:
    """``read_corpus`` of every folder with the helpers of ``tree``, in a fresh process."""
    subprocess.run([sys.executable, "-c", _READ, str(tree), str(out), *map(str, folders)],
                   check=True)
    with out.open("rb") as handle:
        return pickle.load(handle)


def differences(name: str, ref, new) -> list[str]:
    """What differs between two tables (empty when they are identical)."""
    if list(ref.columns) != list(new.columns) or len(ref) != len(new):
        return [f"{name}: columns or length differ ({len(ref)} vs {len(new)} rows)"]
    out = []
    for col in ref.columns:
        if not ref[col].equals(new[col]) or ref[col].dtype != new[col].dtype:
            bad = [i for i, (a, b) in enumerate(zip(ref[col], new[col], strict=True))
                   if repr(a) != repr(b)]
            out.append(f"{name}.{col}: {len(bad)} rows differ, first {bad[:5]}")
    if ref.attrs != new.attrs:
        out.append(f"{name}: attrs differ")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--baseline", required=True, help="the commit to compare with")
    parser.add_argument("--paths", default=",".join(OWN_PATHS),
                        help="the files put back as at --baseline (comma-separated)")
    parser.add_argument("--others", default="HEAD",
                        help="the commit the other helpers' files are taken from")
    parser.add_argument("--make-mixed", type=Path, help="first write a varied folder here")
    parser.add_argument("--mixed-pages", type=int, default=120, help=argparse.SUPPRESS)
    parser.add_argument("--only-make", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.only_make:  # the child that writes the mixed folder with the new tree's helpers
        make_mixed(args.make_mixed, pages=args.mixed_pages)
        return
    paths = tuple(args.paths.split(","))
    with tempfile.TemporaryDirectory(prefix="compare-tables-") as tmp:
        where = Path(tmp)
        ref_tree = build_tree(where / "ref", others=args.others, own=args.baseline, paths=paths)
        new_tree = build_tree(where / "new", others=args.others, own=None, paths=paths)
        if args.make_mixed and not any(args.make_mixed.glob("*.txt")):
            subprocess.run([sys.executable, __file__, "--make-mixed", str(args.make_mixed),
                            "--baseline", args.baseline, "--mixed-pages",
                            str(args.mixed_pages), "--only-make", *map(str, args.folders)],
                           check=True, env={**os.environ, "PYTHONPATH": str(new_tree)})
        ref = read_tables(ref_tree, args.folders, where / "ref.pkl")
        new = read_tables(new_tree, args.folders, where / "new.pkl")
    problems = []
    for folder in args.folders:
        (ref_art, ref_fur), (new_art, new_fur) = ref[str(folder)], new[str(folder)]
        problems += differences(f"{folder} articles", ref_art, new_art)
        problems += differences(f"{folder} furniture", ref_fur, new_fur)
        print(f"{folder}: {len(new_art)} articles, {len(new_fur)} furniture rows", flush=True)
    for line in problems:
        print("DIFFERENT", line)
    print("identical" if not problems else f"{len(problems)} differences")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
