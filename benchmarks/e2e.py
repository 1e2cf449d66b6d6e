"""``make e2e``: every notebook run the way a researcher runs it, in JupyterLab in a real browser.

Why: ``make test`` (nbval) and ``make analysis`` execute the notebooks in a bare kernel; neither
sees what JupyterLab shows.  A figure that the kernel produced but the page does not display, or
Chinese text drawn as empty boxes ("tofu") because the machine has no CJK font, passes them both.
This script starts JupyterLab as ``make lab`` does (the same ``jupyter lab`` of ``.venv/`` with the
same flags, passed in by the Makefile), opens each notebook in headless Chromium driven by
Playwright, clicks Run > Run All Cells, waits until the kernel is idle and every queued cell has
run, and checks what the page shows:

- no cell shows an error output, and every code cell ran (Run All stops at the first error);
- every figure output is an ``<img>`` that loaded and has a size, and the page shows at least as
  many figures as the saved notebook holds (``make test`` keeps those in step with the code);
- Chinese text renders: each CJK character sampled from the page (markdown, code, outputs) is
  drawn, in the font the page gives that element, on a canvas and compared pixel for pixel with
  a character no font has (U+0378, unassigned): a match, an empty glyph, or one identical box for
  all characters is tofu.  The fonts Chromium actually used are reported (DevTools
  ``CSS.getPlatformFontsForNode``).

The notebooks in ``notebooks/`` are never touched: JupyterLab serves a copy in a temporary folder
(their SHA-256 are compared before and after).  Like ``make analysis``, the notebooks themselves
write ``corpus/derived/`` and ``figures/``.  JupyterLab gets its own empty settings and workspace
folders (the user's own settings do not change the check), with three settings: every cell
attached to the page (``windowingMode: none``, so that the checks see cells scrolled out of
view), no news or update toasts, and ``expose_app_in_browser`` so that the check reads each
cell's outputs (an error output and a warning on stderr look the same on the page).

Screenshots go to ``config.E2E_SCREENSHOTS`` (git-ignored): the top of each notebook after the
run, every figure output, the first Chinese text of each kind (markdown, code, output) and every
error; JupyterLab's log beside them (``jupyter-lab.log``).

    make e2e                                            # all notebooks
    make e2e E2E_ARGS="notebooks/04_visualization.ipynb"
    .venv/bin/python benchmarks/e2e.py --chromium /usr/bin/chromium notebooks/01_load_and_clean.ipynb

Needs Chromium and a CJK font from the system: ``apt-get install -y chromium fonts-noto-cjk``.
Exit status: 0 all checks passed, 1 a check failed, 2 something to install is missing.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from helpers import config

#: What a fresh Debian/Ubuntu machine needs besides ``make e2e``'s own Python packages.
APT_LINE = "apt-get install -y chromium fonts-noto-cjk"

#: Chromium binaries looked for on PATH, in order (Debian: chromium; Ubuntu: chromium-browser).
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")

#: Seconds one notebook may take from Run All to idle: the bound ``make analysis`` gives one cell
#: (``ExecutePreprocessor.timeout=1800``); all four notebooks take a few minutes on 2 cores.
NOTEBOOK_TIMEOUT_S = 1800.0

#: Seconds for JupyterLab to answer /api/status (about 5 s on a loaded 2-core machine).
SERVER_START_TIMEOUT_S = 120.0

#: Seconds for the page to load and the notebook's kernel to start and report idle.
KERNEL_START_TIMEOUT_S = 180.0

#: Seconds between two looks at the page while cells run.
POLL_S = 1.0

#: Looks in a row that must find the kernel idle and no cell queued before the run counts as
#: finished: the kernel is idle for an instant between two cells of a Run All.
IDLE_POLLS = 3

#: Seconds JupyterLab gets to shut its kernels down after SIGTERM before it is killed.
SERVER_STOP_TIMEOUT_S = 30.0

#: Browser window: wide enough for a 160-character table row next to the file browser.
VIEWPORT = {"width": 1400, "height": 1000}

#: Tallest element screenshot (px): two screens; a taller one (a table of 300 rows, 20,000 px)
#: cannot be read when viewed, so the notebook's visible area around it is taken instead.
MAX_SHOT_HEIGHT_PX = 2 * VIEWPORT["height"]

#: Font size (px) at which glyphs are drawn for the tofu check: large enough that two different
#: characters never give the same bitmap, small enough to draw a few hundred in well under 1 s.
GLYPH_PX = 32

#: Characters that no font has a glyph for: U+0378 is unassigned, U+10FFFD is private use (plane
#: 16).  Chromium draws them as the missing-glyph box, which is what tofu looks like.
MISSING_GLYPHS = ("\u0378", "\U0010fffd")

#: Page elements whose Chinese is checked per notebook, and distinct characters per element.
CJK_ELEMENTS = 12
CJK_CHARS_PER_ELEMENT = 6

#: CJK Unified Ideographs and Extension A: the characters of the corpus's text.
CJK_CLASS = "[\u3400-\u4dbf\u4e00-\u9fff]"

#: The cell around an element (class jp-Cell exactly, not jp-Cell-outputWrapper and the like).
CELL_XPATH = "xpath=ancestor::div[contains(concat(' ', normalize-space(@class), ' '), ' jp-Cell ')][1]"

#: Where a sampled Chinese element sits, for the screenshot names (one screenshot each).
CJK_PLACES = ("markdown", "code", "output")


@dataclass
class NotebookResult:
    """What the page showed for one notebook, and which checks failed."""

    name: str
    seconds: float = 0.0
    code_cells: int = 0
    cells_run: int = 0
    figures_shown: int = 0
    figures_saved: int = 0
    cjk_elements: int = 0
    cjk_fonts: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    screenshots: list[Path] = field(default_factory=list)


# Read by page.evaluate: the notebook panel JupyterLab shows, through the exposed application.
PANEL_JS = "window.jupyterapp && window.jupyterapp.shell.currentWidget"

READY_JS = f"""() => {{
  const w = {PANEL_JS};
  if (!w || !w.content || !w.context || !w.context.isReady || !w.sessionContext) return false;
  const kernel = w.sessionContext.session && w.sessionContext.session.kernel;
  return !!kernel && kernel.status === 'idle' && w.content.widgets.length > 0;
}}"""

STATE_JS = f"""() => {{
  const w = {PANEL_JS};
  const dialog = document.querySelector('.jp-Dialog');
  const kernel = w.sessionContext.session && w.sessionContext.session.kernel;
  let queued = 0, executed = 0;
  for (const cell of w.content.widgets) {{
    if (cell.model.type !== 'code') continue;
    const prompt = cell.node.querySelector('.jp-InputPrompt');
    if (prompt && prompt.textContent.includes('*')) queued += 1;
    if (cell.model.executionCount !== null) executed += 1;
  }}
  return {{queued, executed, status: kernel ? kernel.status : 'none',
           dialog: dialog ? dialog.innerText.slice(0, 500) : null}};
}}"""

CELLS_JS = f"""() => {{
  const w = {PANEL_JS};
  return w.content.widgets.map((cell, index) => {{
    cell.node.setAttribute('data-e2e-cell', String(index));
    const model = cell.model;
    const outputs = model.type === 'code' ? model.outputs.toJSON() : [];
    const images = [...cell.node.querySelectorAll('.jp-OutputArea-output img')].map(img => {{
      const box = img.getBoundingClientRect();
      return {{loaded: img.complete && img.naturalWidth > 0, width: box.width,
               height: box.height}};
    }});
    return {{
      index, id: model.id, type: model.type,
      source: model.sharedModel.getSource(),
      executionCount: model.type === 'code' ? model.executionCount : null,
      errors: outputs.filter(o => o.output_type === 'error')
                     .map(o => ({{ename: o.ename, evalue: String(o.evalue).slice(0, 300)}})),
      imageOutputs: outputs.filter(o => o.data && Object.keys(o.data)
                                           .some(m => m.startsWith('image/'))).length,
      images,
    }};
  }});
}}"""

# Marks up to maxElements elements with Chinese text (data-e2e-cjk="k") and draws their characters
# in the element's own font on a canvas; returns per element the characters drawn as tofu.
CJK_JS = f"""(args) => {{
  const cjk = new RegExp('{CJK_CLASS}');
  const w = {PANEL_JS};
  const px = args.px;
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 2 * px;
  const g = canvas.getContext('2d', {{willReadFrequently: true}});
  const draw = (ch, font) => {{
    g.clearRect(0, 0, 2 * px, 2 * px);
    g.font = font; g.textBaseline = 'top'; g.fillStyle = '#000';
    g.fillText(ch, px / 4, px / 4);
    const data = g.getImageData(0, 0, 2 * px, 2 * px).data;
    let bits = '', ink = 0;
    for (let i = 3; i < data.length; i += 4) {{ bits += data[i].toString(16) + ','; if (data[i]) ink++; }}
    return {{bits, ink}};
  }};
  const place = el => el.closest('.jp-MarkdownOutput') ? 'markdown'
    : el.closest('.jp-OutputArea') ? 'output' : el.closest('.jp-InputArea') ? 'code' : 'other';
  const elements = [];
  const seen = new Set();
  const walker = document.createTreeWalker(w.content.node, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {{
    const el = walker.currentNode.parentElement;
    if (!el || seen.has(el) || !cjk.test(walker.currentNode.data)) continue;
    // Only text a reader can see (not CodeMirror's measuring nodes, tooltips, hidden panels).
    if (!el.checkVisibility() || el.getClientRects().length === 0) continue;
    seen.add(el);
    elements.push(el);
  }}
  // Spread the sample over the notebook: every n-th element, the first of each place included.
  const step = Math.max(1, Math.floor(elements.length / args.maxElements));
  const sample = elements.filter((el, i) => i % step === 0).slice(0, args.maxElements);
  for (const p of ['markdown', 'code', 'output']) {{
    const first = elements.find(el => place(el) === p);
    if (first && !sample.includes(first)) sample.push(first);
  }}
  return sample.map((el, k) => {{
    el.setAttribute('data-e2e-cjk', String(k));
    const style = getComputedStyle(el);
    const font = `${{style.fontStyle}} ${{style.fontWeight}} ${{px}}px ${{style.fontFamily}}`;
    const chars = [...new Set([...el.textContent].filter(c => cjk.test(c)))]
      .slice(0, args.maxChars);
    const missing = args.missing.map(c => draw(c, font).bits);
    const drawn = chars.map(c => draw(c, font));
    const tofu = chars.filter((c, i) => drawn[i].ink === 0 || missing.includes(drawn[i].bits));
    const distinct = new Set(drawn.map(d => d.bits)).size;
    return {{k, place: place(el), text: el.textContent.trim().slice(0, 40), font: style.fontFamily,
             chars: chars.join(''), tofu: tofu.join(''), distinct}};
  }});
}}"""


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The command line (see the module docstring)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebooks", nargs="*", type=Path,
                        help="notebooks to check (default: every notebooks/*.ipynb, sorted)")
    parser.add_argument("--jupyter", type=Path, default=Path(sys.executable).parent / "jupyter",
                        help="the jupyter command of `make lab` (default: beside this Python)")
    parser.add_argument("--lab-arg", action="append", default=[], dest="lab_args",
                        help="a flag `make lab` passes to `jupyter lab` (repeatable; "
                             "--lab-arg=--allow-root)")
    parser.add_argument("--chromium", type=Path, default=None,
                        help="the Chromium binary (default: $CHROMIUM, else chromium on PATH)")
    parser.add_argument("--out", type=Path, default=None,
                        help="screenshot folder (default: config.E2E_SCREENSHOTS)")
    parser.add_argument("--timeout", type=float, default=NOTEBOOK_TIMEOUT_S,
                        help=f"seconds per notebook (default {NOTEBOOK_TIMEOUT_S:.0f})")
    return parser.parse_args(argv)


def find_chromium(explicit: Path | None) -> Path | None:
    """The Chromium to drive: the one named, else $CHROMIUM, else the first on PATH."""
    if explicit is not None:
        return explicit if explicit.is_file() else None
    if os.environ.get("CHROMIUM"):
        named = Path(os.environ["CHROMIUM"])
        return named if named.is_file() else None
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return Path(found)
    return None


def hash_files(paths: list[Path]) -> dict[Path, str]:
    """SHA-256 of each file: the notebooks must be byte for byte the same after the run."""
    return {path: hashlib.sha256(path.read_bytes()).hexdigest() for path in paths}


def count_saved_figures(notebook: Path) -> int:
    """Image outputs in the notebook as saved (the figures the browser must show at least)."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    return sum(
        1
        for cell in cells
        for output in cell.get("outputs", [])
        if any(mime.startswith("image/") for mime in output.get("data", {}))
    )


def write_lab_settings(settings_dir: Path) -> None:
    """JupyterLab settings of the check (see the module docstring for why each one)."""
    settings = {
        "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
        "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
            "fetchNews": "false", "checkForUpdates": False,
        },
    }
    for relative, values in settings.items():
        path = settings_dir / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values), encoding="utf-8")


def pick_free_port() -> int:
    """A TCP port on the loopback interface that nothing listens on now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_lab(
    *, jupyter: Path, lab_args: list[str], root_dir: Path, work: Path
) -> tuple[subprocess.Popen[bytes], str, str, Path]:
    """Start ``jupyter lab`` on ``root_dir`` (the notebooks' copy); returns process, URL, token, log."""
    port = pick_free_port()
    token = secrets.token_hex(16)
    settings_dir = work / "lab-settings"
    write_lab_settings(settings_dir)
    log = work / "jupyter-lab.log"
    command = [
        str(jupyter), "lab", *lab_args, "--no-browser",
        "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--LabApp.user_settings_dir={settings_dir}",
        f"--LabApp.workspaces_dir={work / 'lab-workspaces'}",
        "--LabApp.expose_app_in_browser=True",
        str(root_dir),
    ]
    with open(log, "wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + SERVER_START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"jupyter lab exited with status {process.returncode}:\n"
                               + read_tail(log))
        try:
            with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=5):
                return process, base, token, log
        except (urllib.error.URLError, OSError):
            time.sleep(POLL_S)
    stop_lab(process)
    raise RuntimeError(f"jupyter lab did not answer within {SERVER_START_TIMEOUT_S:.0f} s:\n"
                       + read_tail(log))


def stop_lab(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM (JupyterLab shuts its kernels down), then SIGKILL if it hangs."""
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=SERVER_STOP_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def read_tail(path: Path, *, lines: int = 30) -> str:
    """The last lines of a log, for an error message."""
    if not path.exists():
        return ""
    return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])


def name_shot(out: Path, notebook: str, what: str) -> Path:
    """Screenshot path: the notebook's stem, then what it shows."""
    return out / f"{Path(notebook).stem}--{what}.png"


def select_cell(index: int) -> str:
    """CSS selector of the cell at ``index`` (0-based), as marked by CELLS_JS."""
    return f'[data-e2e-cell="{index}"]'


def shoot(page: Any, element: Any, path: Path, *, focus: Any = None) -> None:
    """Screenshot of ``element``; of an element taller than MAX_SHOT_HEIGHT_PX (a 300-row table),
    the notebook as the reader sees it with ``focus`` (default: the element) scrolled into view."""
    box = element.bounding_box()
    if box is not None and box["height"] <= MAX_SHOT_HEIGHT_PX:
        element.screenshot(path=str(path))
        return
    (focus or element).scroll_into_view_if_needed()
    panel = page.locator(".jp-NotebookPanel-notebook").bounding_box()
    page.screenshot(path=str(path), clip=panel)


def wait_for_run(page: Any, *, timeout: float) -> str | None:
    """Wait until no cell is queued and the kernel has been idle IDLE_POLLS looks in a row.

    Returns None when the run finished, else why not (timeout, a dialog such as "Kernel
    Restarting" after the kernel died)."""
    deadline = time.monotonic() + timeout
    idle_looks = 0
    while time.monotonic() < deadline:
        state = page.evaluate(STATE_JS)
        if state["dialog"]:
            return f"JupyterLab showed a dialog: {' '.join(state['dialog'].split())}"
        started = state["executed"] > 0
        if started and state["queued"] == 0 and state["status"] == "idle":
            idle_looks += 1
            if idle_looks >= IDLE_POLLS:
                return None
        else:
            idle_looks = 0
        time.sleep(POLL_S)
    return f"the cells had not finished after {timeout:.0f} s (kernel {state['status']}, " \
           f"{state['queued']} cells queued)"


def check_cells(page: Any, result: NotebookResult, out: Path) -> None:
    """Errors, cells not run, figures: from the cell models and the page's <img> elements."""
    cells = page.evaluate(CELLS_JS)
    code = [c for c in cells if c["type"] == "code" and c["source"].strip()]
    result.code_cells = len(code)
    result.cells_run = sum(1 for c in code if c["executionCount"] is not None)
    for cell in code:
        label = f"cell {cell['index'] + 1} (id {cell['id']})"
        for error in cell["errors"]:
            result.failures.append(f"{label} shows an error: {error['ename']}: {error['evalue']}")
            shot = name_shot(out, result.name, f"error-cell{cell['index'] + 1:03d}")
            shoot(page, page.locator(select_cell(cell["index"])), shot)
            result.screenshots.append(shot)
    not_run = [str(c["index"] + 1) for c in code if c["executionCount"] is None]
    if not_run:
        result.failures.append(
            f"{len(not_run)} of {len(code)} code cells did not run (cells {', '.join(not_run)}, "
            "counted from the top with the markdown cells): Run All stops at the first error"
        )
    for cell in code:
        shown = [img for img in cell["images"] if img["loaded"] and img["width"] > 0
                 and img["height"] > 0]
        result.figures_shown += len(shown)
        if len(shown) < cell["imageOutputs"]:
            result.failures.append(
                f"cell {cell['index'] + 1} (id {cell['id']}) has {cell['imageOutputs']} figure "
                f"outputs but the page shows {len(shown)} loaded <img> of non-zero size"
            )
        if cell["images"]:
            shot = name_shot(out, result.name, f"figure-cell{cell['index'] + 1:03d}")
            area = page.locator(select_cell(cell["index"])).locator(".jp-OutputArea")
            shoot(page, area.first, shot)
            result.screenshots.append(shot)
    if result.figures_shown < result.figures_saved:
        result.failures.append(
            f"the saved notebook holds {result.figures_saved} figures, the page shows "
            f"{result.figures_shown}"
        )


def check_chinese(page: Any, result: NotebookResult, out: Path) -> None:
    """Chinese drawn with real glyphs (canvas against the missing-glyph box); fonts used."""
    sample = page.evaluate(CJK_JS, {
        "px": GLYPH_PX, "maxElements": CJK_ELEMENTS, "maxChars": CJK_CHARS_PER_ELEMENT,
        "missing": list(MISSING_GLYPHS),
    })
    result.cjk_elements = len(sample)
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    fonts: set[str] = set()
    shot_places: set[str] = set()
    tofu = [e for e in sample
            if e["tofu"] or (len(e["chars"]) > 1 and e["distinct"] == 1)]
    for element in sample:
        selector = f'[data-e2e-cjk="{element["k"]}"]'
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
        if node:
            used = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
            fonts.update(font["familyName"] for font in used)
        if element["place"] in CJK_PLACES and element["place"] not in shot_places:
            shot_places.add(element["place"])
            shot = name_shot(out, result.name, f"chinese-{element['place']}")
            # The cell around the text, so that the screenshot shows it in context.
            shoot(page, page.locator(selector).locator(CELL_XPATH), shot,
                  focus=page.locator(selector))
            result.screenshots.append(shot)
    if tofu:
        first = tofu[0]
        result.failures.append(
            f"Chinese drawn as missing-glyph boxes (tofu) in {len(tofu)} of {len(sample)} "
            f"elements checked ({', '.join(sorted({e['place'] for e in tofu}))}), e.g. "
            f"{first['place']} text {first['text']!r}: {first['tofu'] or first['chars']} "
            f"(CSS font-family {first['font']}; fonts Chromium used: "
            f"{', '.join(sorted(fonts)) or 'none reported'}); install a CJK font: {APT_LINE}"
        )
    cdp.detach()
    result.cjk_fonts = sorted(fonts)


def check_notebook(
    browser: Any, *, base: str, token: str, notebook: Path, out: Path, timeout: float
) -> NotebookResult:
    """Open one notebook, Run All Cells from the Run menu, wait, check, screenshot, shut down."""
    from playwright.sync_api import Error as PlaywrightError  # installed: main checked

    result = NotebookResult(name=notebook.name, figures_saved=count_saved_figures(notebook))
    page = browser.new_page(viewport=VIEWPORT)
    started = time.monotonic()
    try:
        page.goto(f"{base}/lab/tree/{quote(notebook.name)}?reset&token={token}")
        page.wait_for_function(READY_JS, timeout=KERNEL_START_TIMEOUT_S * 1000)
        page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
        page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Run All Cells$")).click()
        unfinished = wait_for_run(page, timeout=timeout)
        result.seconds = time.monotonic() - started
        if unfinished:
            result.failures.append(unfinished)
            shot = name_shot(out, result.name, "unfinished")
            page.screenshot(path=str(shot))
            result.screenshots.append(shot)
            return result
        check_cells(page, result, out)
        check_chinese(page, result, out)
        page.locator(select_cell(0)).scroll_into_view_if_needed()
        shot = name_shot(out, result.name, "top")
        page.screenshot(path=str(shot))
        result.screenshots.insert(0, shot)
    except PlaywrightError as exc:  # a page that never loads, a selector JupyterLab lost
        result.seconds = time.monotonic() - started
        result.failures.append(f"the browser check itself failed: {type(exc).__name__}: "
                               f"{str(exc).splitlines()[0] if str(exc) else ''}")
        shot = name_shot(out, result.name, "broken")
        try:
            page.screenshot(path=str(shot))
            result.screenshots.append(shot)
        except PlaywrightError as gone:
            print(f"    no screenshot of the page: {gone}", file=sys.stderr)
    finally:
        try:
            page.evaluate(f"() => {PANEL_JS} && {PANEL_JS}.sessionContext.shutdown()")
        except PlaywrightError as gone:  # the server stops every kernel when it stops anyway
            print(f"    kernel left to the server's shutdown: {gone}", file=sys.stderr)
        page.close()
    return result


def print_report(results: list[NotebookResult], *, out: Path, total_s: float) -> None:
    """One line per notebook, then every failure."""
    for r in results:
        status = "ok" if not r.failures else "FAILED"
        print(f"{status:6} {r.name}: {r.cells_run}/{r.code_cells} code cells run in "
              f"{r.seconds:.0f} s, {r.figures_shown} figures shown (saved: {r.figures_saved}), "
              f"Chinese checked in {r.cjk_elements} elements, fonts used: "
              f"{', '.join(r.cjk_fonts) or '-'}")
    failures = [(r.name, f) for r in results for f in r.failures]
    for name, failure in failures:
        print(f"  {name}: {failure}", file=sys.stderr)
    shots = sum(len(r.screenshots) for r in results)
    rel = out.relative_to(config.ROOT) if out.is_relative_to(config.ROOT) else out
    print(f"JupyterLab's log: {rel}/jupyter-lab.log")
    print(f"{len(results) - len({n for n, _ in failures})} passed, "
          f"{len({n for n, _ in failures})} failed: {len(results)} notebooks in {total_s:.0f} s; "
          f"{shots} screenshots in {rel}/")


def main(argv: list[str] | None = None) -> int:
    """Run the check; the exit status says whether it passed (see the module docstring)."""
    args = parse_args(argv)
    notebooks = [p.resolve() for p in args.notebooks] or sorted(config.NOTEBOOKS.glob("*.ipynb"))
    missing = [str(p) for p in notebooks if not p.is_file()]
    if missing or not notebooks:
        print(f"make e2e: no such notebook: {', '.join(missing) or config.NOTEBOOKS}",
              file=sys.stderr)
        return 2
    names = [p.name for p in notebooks]
    if len(set(names)) != len(names):
        print(f"make e2e: two notebooks share a file name: {names}", file=sys.stderr)
        return 2
    chromium = find_chromium(args.chromium)
    if chromium is None:
        print(f"make e2e: no Chromium found ({args.chromium or ', '.join(CHROMIUM_NAMES)}); "
              f"install it with: {APT_LINE}", file=sys.stderr)
        return 2
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("make e2e: playwright is not installed in this Python; `make e2e` installs it "
              "from requirements-e2e.lock", file=sys.stderr)
        return 2
    if not args.jupyter.is_file():
        print(f"make e2e: no jupyter at {args.jupyter}; run `make setup`", file=sys.stderr)
        return 2
    out = (args.out or config.E2E_SCREENSHOTS).resolve()
    out.mkdir(parents=True, exist_ok=True)
    for old in [*out.glob("*.png"), out / "jupyter-lab.log"]:
        old.unlink(missing_ok=True)
    before = hash_files(notebooks)
    started = time.monotonic()
    results: list[NotebookResult] = []
    with tempfile.TemporaryDirectory(prefix="govreports-e2e-") as tmp:
        work = Path(tmp)
        root_dir = work / "notebooks"
        root_dir.mkdir()
        for notebook in notebooks:
            shutil.copy2(notebook, root_dir / notebook.name)
        process, base, token, log = start_lab(
            jupyter=args.jupyter, lab_args=args.lab_args, root_dir=root_dir, work=work)
        try:
            print(f"JupyterLab at {base} on a copy of {len(notebooks)} notebooks; "
                  f"Chromium {chromium}", flush=True)
            with sync_playwright() as playwright:
                launch_args = ["--no-sandbox"] if os.geteuid() == 0 else []
                browser = playwright.chromium.launch(
                    executable_path=str(chromium), headless=True, args=launch_args)
                print(f"Chromium {browser.version}", flush=True)
                for notebook in notebooks:
                    print(f"==> {notebook.name}: Run > Run All Cells", flush=True)
                    result = check_notebook(browser, base=base, token=token, notebook=notebook,
                                            out=out, timeout=args.timeout)
                    print(f"    {result.seconds:.0f} s, "
                          f"{'ok' if not result.failures else 'FAILED'}", flush=True)
                    results.append(result)
                browser.close()
        finally:
            stop_lab(process)
            shutil.copy2(log, out / log.name)
    changed = [str(p) for p, digest in hash_files(notebooks).items() if digest != before[p]]
    print_report(results, out=out, total_s=time.monotonic() - started)
    if changed:
        print(f"make e2e: the notebooks changed during the run: {', '.join(changed)}",
              file=sys.stderr)
        return 1
    return 1 if any(r.failures for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
