"""Does the environment belong to this folder?  The venv and the imported `helpers` checked.

A project folder copied together with its ``.venv/`` keeps a venv that belongs to the original:
its editable install maps ``import helpers`` to the original ``helpers/`` and its scripts
(``pip``, ``jupyter``, ``pytest``) start the original ``.venv/bin/python``.  Notebooks run in the
copy then read and write the original's corpus without a word.  Two checks catch it:

- ``check_checkout()``, for the notebooks' setup cell: raises ``CheckoutError`` when the
  ``helpers`` package imported is not the one of the checkout the notebook lives in; prints
  nothing when all is right (nbval compares notebook outputs byte for byte).
- ``find_venv_problem(venv, root)``, for ``make setup``: why ``venv`` does not belong to the
  checkout ``root`` (or None).  ``make setup`` runs this file as a script before anything else::

      python3 -I helpers/environment.py --root "$PWD" .venv

  exit 0: nothing to do (also when there is no venv yet); exit 3: the venv must be recreated (one
  line on stdout says why; the Makefile says so, removes it and builds it again); exit 2: the
  cause lies outside the venv and recreating it would not help (the message on stderr says what
  to run).

This module uses only the standard library and does not import the rest of ``helpers``, so the
system ``python3`` can run it before the venv exists.  Importing it has no side effects.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from os import PathLike
from pathlib import Path

__all__ = ["STAMP_NAME", "CheckoutError", "check_checkout", "find_checkout", "find_venv_problem",
           "main", "read_helpers_origin", "read_script_interpreter", "read_stamp_root"]

#: The venv's stamp file (written by ``make setup`` when the venv is complete); its line
#: ``root=<folder>`` records the checkout the venv was made for.
STAMP_NAME = ".installed"
#: Exit status of the script: recreate the venv / stop, the cause is elsewhere.
EXIT_RECREATE = 3
EXIT_STOP = 2

# Run by the venv's python: where ``import helpers`` would load from, as a notebook sees it (the
# working directory is the venv folder, which holds no ``helpers``, so sys.path[0] adds nothing).
_PROBE = (
    "import importlib.util\n"
    "spec = importlib.util.find_spec('helpers')\n"
    "where = spec and (spec.origin or next(iter(spec.submodule_search_locations or []), ''))\n"
    "print(where or '')\n"
)
#: Scripts a user knows, named first in the message.
_KNOWN_SCRIPTS = ("pip", "jupyter", "pytest")
_SH_EXEC = re.compile(r"""^'''exec' "?([^" ]+)"?""")


class CheckoutError(RuntimeError):
    """The ``helpers`` package (or the venv) in use belongs to another copy of the project."""


def find_checkout(start: str | PathLike[str]) -> Path | None:
    """The checkout holding ``start``: the nearest folder, ``start`` included, with
    ``pyproject.toml`` and ``helpers/__init__.py``; None outside any checkout."""
    here = Path(start).resolve()
    for folder in (here, *here.parents):
        if (folder / "pyproject.toml").is_file() and (folder / "helpers" / "__init__.py").is_file():
            return folder
    return None


def check_checkout(notebook_dir: str | PathLike[str] | None = None) -> None:
    """Stop a notebook that would run another folder's ``helpers`` (and so its corpus).

    ``notebook_dir``: the folder of the notebook (default: the working directory, which is the
    notebook's folder under JupyterLab, nbval and nbconvert).  Raises ``CheckoutError`` naming
    both folders and the command that fixes it; returns None, printing nothing, when the imported
    ``helpers`` is this checkout's or when ``notebook_dir`` is in no checkout at all.
    """
    from helpers import config  # here, not at import: the script mode must not import helpers

    notebook_root = find_checkout(Path.cwd() if notebook_dir is None else notebook_dir)
    imported_root = Path(config.ROOT).resolve()
    if notebook_root is None or notebook_root == imported_root:
        return
    raise CheckoutError(
        f"this notebook belongs to {notebook_root}, but `import helpers` loaded "
        f"{imported_root / 'helpers'}: it would read and write the corpus, tables and figures of "
        f"{imported_root}. The Python environment running it was made for {imported_root} "
        f"(a project folder copied with its .venv/ keeps the original's). Fix: "
        f"`cd {notebook_root} && make setup` (it recreates .venv/ there), then reopen the "
        f"notebook with `make lab` in {notebook_root} (or run `make analysis` / `make test` there)."
    )


def read_script_interpreter(script: Path) -> Path | None:
    """The Python a venv script starts (from its ``#!`` line, or from the ``exec`` line pip
    writes under ``#!/bin/sh`` when the path is too long); None for other files."""
    try:
        with open(script, "rb") as f:
            head = f.read(1024).decode("utf-8", "replace").splitlines()
    except OSError:
        return None
    if not head or not head[0].startswith("#!"):
        return None
    command = head[0][2:].strip().split()
    if not command:
        return None
    if Path(command[0]).name.startswith("python"):
        return Path(command[0])
    if command[0] == "/bin/sh":
        for line in head[1:4]:
            m = _SH_EXEC.match(line)
            if m and Path(m.group(1)).name.startswith("python"):
                return Path(m.group(1))
    return None


def read_stamp_root(venv: Path) -> Path | None:
    """The checkout recorded in the venv's stamp (``root=...``); None for an older stamp
    without one, or no stamp."""
    try:
        lines = (venv / STAMP_NAME).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    for line in lines:
        if line.startswith("root="):
            return Path(line[len("root="):].strip())
    return None


def read_helpers_origin(python: Path, cwd: Path) -> Path | None:
    """Where ``python`` would import ``helpers`` from (its ``__init__.py``), with the user's
    environment variables; None when it finds none.  Raises OSError when ``python`` cannot run."""
    done = subprocess.run([str(python), "-c", _PROBE], cwd=cwd, capture_output=True, text=True,
                          timeout=120, check=False)
    if done.returncode != 0:
        raise OSError(f"{python} failed: {done.stderr.strip().splitlines()[-1:]}")
    where = done.stdout.strip()
    return Path(where) if where else None


def _inside(path: Path, folder: Path) -> bool:
    """``path`` is ``folder`` or lies under it, symbolic links resolved."""
    path, folder = path.resolve(), folder.resolve()
    return path == folder or folder in path.parents


def _foreign_scripts(venv: Path) -> tuple[list[str], Path | None]:
    """Names of the venv's scripts whose Python is not the venv's own, and that Python."""
    bin_dir = venv / "bin"
    names, other = [], None
    try:
        entries = sorted(bin_dir.iterdir())
    except OSError:
        return [], None
    entries.sort(key=lambda p: (p.name not in _KNOWN_SCRIPTS, p.name))  # the familiar names first
    for script in entries:
        if script.is_symlink() or not script.is_file():
            continue
        interpreter = read_script_interpreter(script)
        if interpreter is not None and not _inside(interpreter.parent, bin_dir):
            names.append(script.name)
            other = other or interpreter
    return names, other


def find_venv_problem(venv: str | PathLike[str], root: str | PathLike[str]) -> str | None:
    """Why the venv at ``venv`` must be recreated for the checkout ``root``, in one line; None
    when it belongs to ``root`` or does not exist yet (``make setup`` then creates it).

    Checks, cheapest first: the folder recorded in the stamp, the Python the venv's scripts start,
    whether the venv's Python runs at all, and where it imports ``helpers`` from.  A ``helpers``
    found elsewhere because of ``PYTHONPATH`` is not the venv's fault: ``CheckoutError``.
    """
    venv, root = Path(venv), Path(root).resolve()
    if not venv.exists():
        return f"{venv}/ is a link to a missing folder" if venv.is_symlink() else None
    stamp_root = read_stamp_root(venv)
    if stamp_root is not None and stamp_root.resolve() != root:
        return f"{venv}/ was made for {stamp_root}, not for this folder {root}"
    names, other = _foreign_scripts(venv)
    if names:
        shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
        return (f"{venv}/ belongs to another folder: its scripts ({shown}) start {other}, not "
                f"{venv}/bin/python of this folder {root}")
    python = venv.absolute() / "bin" / "python"  # not resolved: the link keeps the venv's context
    try:
        origin = read_helpers_origin(python, cwd=venv)
    except (OSError, subprocess.SubprocessError) as err:
        return f"{venv}/ is broken: {python} does not run ({err})"
    if origin is None:
        if (venv / STAMP_NAME).exists():
            return f"{venv}/ is incomplete: it has no `helpers` installed"
        return None  # a venv still being built: make setup installs helpers next
    if _inside(origin, root / "helpers"):
        return None
    for entry in filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep)):
        if _inside(origin, Path(entry)):
            raise CheckoutError(
                f"`import helpers` loads {origin.parent}, not {root / 'helpers'}, because "
                f"PYTHONPATH contains {entry}. Run `unset PYTHONPATH` (or remove {entry} from it), "
                f"then `make setup` again in {root}.")
    return (f"{venv}/ belongs to another folder: `import helpers` loads {origin.parent}, not "
            f"{root / 'helpers'}")


def main(argv: list[str] | None = None) -> int:
    """``make setup``'s check: exit status and message as described in the module docstring."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("venv", type=Path, help="the venv folder, e.g. .venv")
    parser.add_argument("--root", type=Path, default=Path.cwd(),
                        help="the checkout the venv must belong to (default: the working folder)")
    args = parser.parse_args(argv)
    try:
        problem = find_venv_problem(args.venv, args.root)
    except CheckoutError as err:
        print(f"make setup: error: {err}", file=sys.stderr)
        return EXIT_STOP
    if problem is None:
        return 0
    print(problem)
    return EXIT_RECREATE


if __name__ == "__main__":
    sys.exit(main())
