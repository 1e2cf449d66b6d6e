"""The checks that a project folder copied with its .venv/ is caught: check_checkout (notebooks'
setup cell), find_venv_problem (make setup), and `make setup` itself on fake venvs (no real venv
is created, nothing is installed: the venv's python and pip are small shell scripts)."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import config, environment
from helpers.environment import (
    CheckoutError,
    check_checkout,
    find_checkout,
    find_venv_problem,
    read_script_interpreter,
)

needs_make = pytest.mark.skipif(shutil.which("make") is None or not Path("/bin/sh").exists(),
                                reason="needs make and /bin/sh")


def make_checkout(folder: Path) -> Path:
    """A folder that looks like a checkout: pyproject.toml, helpers/__init__.py, notebooks/."""
    (folder / "helpers").mkdir(parents=True)
    (folder / "helpers" / "__init__.py").write_text("", encoding="utf-8")
    (folder / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    (folder / "notebooks").mkdir()
    return folder


def write_script(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return path


def make_fake_venv(venv: Path, helpers_origin: str = "", interpreter: Path | None = None,
                   stamp: str | None = None) -> Path:
    """A venv whose bin/python answers the helpers probe with ``helpers_origin`` (empty: not
    installed), runs anything else with this Python, and whose pip starts ``interpreter``."""
    write_script(venv / "bin" / "python",
                 f'#!/bin/sh\nif [ "$1" = "-c" ]; then echo "{helpers_origin}"; exit 0; fi\n'
                 f'exec "{sys.executable}" "$@"\n')
    python = interpreter or venv.absolute() / "bin" / "python3"
    write_script(venv / "bin" / "pip", f"#!{python}\nimport sys\n")
    if stamp is not None:
        (venv / environment.STAMP_NAME).write_text(stamp, encoding="utf-8")
    return venv


# --- check_checkout: the notebooks' setup cell ---------------------------------------------------

def test_find_checkout_walks_up_to_the_project_folder(tmp_path):
    root = make_checkout(tmp_path / "project")
    assert find_checkout(root / "notebooks") == root.resolve()
    assert find_checkout(root) == root.resolve()
    assert find_checkout(tmp_path) is None


def test_check_checkout_is_silent_when_helpers_is_this_folders(capsys):
    assert check_checkout(config.NOTEBOOKS) is None
    assert capsys.readouterr() == ("", "")


def test_check_checkout_defaults_to_the_working_folder(tmp_path, monkeypatch, capsys):
    here, other = make_checkout(tmp_path / "copy"), make_checkout(tmp_path / "original")
    monkeypatch.setattr(config, "ROOT", other)
    monkeypatch.chdir(here / "notebooks")
    with pytest.raises(CheckoutError):
        check_checkout()
    monkeypatch.setattr(config, "ROOT", here)
    check_checkout()
    assert capsys.readouterr() == ("", "")


def test_check_checkout_names_both_folders_and_the_command(tmp_path, monkeypatch):
    copy, original = make_checkout(tmp_path / "copy"), make_checkout(tmp_path / "original")
    monkeypatch.setattr(config, "ROOT", original)
    with pytest.raises(CheckoutError) as err:
        check_checkout(copy / "notebooks")
    message = str(err.value)
    assert str(copy.resolve()) in message and str(original.resolve() / "helpers") in message
    assert f"cd {copy.resolve()} && make setup" in message


def test_check_checkout_outside_any_checkout_says_nothing(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(config, "ROOT", make_checkout(tmp_path / "original"))
    (tmp_path / "loose").mkdir()
    check_checkout(tmp_path / "loose")
    assert capsys.readouterr() == ("", "")


# --- find_venv_problem: make setup's check -------------------------------------------------------

def test_read_script_interpreter(tmp_path):
    assert read_script_interpreter(write_script(tmp_path / "a", "#!/x/.venv/bin/python3\n")) \
        == Path("/x/.venv/bin/python3")
    long_form = "#!/bin/sh\n'''exec' \"/very/long/.venv/bin/python\" \"$0\" \"$@\"\n' '''\n"
    assert read_script_interpreter(write_script(tmp_path / "b", long_form)) \
        == Path("/very/long/.venv/bin/python")
    assert read_script_interpreter(write_script(tmp_path / "c", "#!/bin/bash\necho\n")) is None
    (tmp_path / "d").write_bytes(b"\x7fELF\x02\x01")
    assert read_script_interpreter(tmp_path / "d") is None
    assert read_script_interpreter(tmp_path / "missing") is None


def test_no_venv_yet_is_no_problem(tmp_path):
    assert find_venv_problem(tmp_path / ".venv", tmp_path) is None


def test_venv_of_this_folder_is_no_problem(tmp_path):
    root = make_checkout(tmp_path / "project")
    venv = make_fake_venv(root / ".venv", f"{root}/helpers/__init__.py",
                          stamp=f"root={root}\n")
    assert find_venv_problem(venv, root) is None
    (venv / environment.STAMP_NAME).write_text("", encoding="utf-8")  # a stamp of before the root
    assert find_venv_problem(venv, root) is None


def test_stamp_of_another_folder(tmp_path):
    root = make_checkout(tmp_path / "copy")
    venv = make_fake_venv(root / ".venv", f"{root}/helpers/__init__.py",
                          stamp="root=/work/original\n")
    problem = find_venv_problem(venv, root)
    assert "/work/original" in problem and str(root.resolve()) in problem


def test_scripts_that_start_another_folders_python(tmp_path):
    root = make_checkout(tmp_path / "copy")
    venv = make_fake_venv(root / ".venv", f"{root}/helpers/__init__.py",
                          interpreter=Path("/work/original/.venv/bin/python3"))
    problem = find_venv_problem(venv, root)
    assert "pip" in problem and "/work/original/.venv/bin/python3" in problem


def test_helpers_imported_from_another_folder(tmp_path):
    root = make_checkout(tmp_path / "copy")
    venv = make_fake_venv(root / ".venv", "/work/original/helpers/__init__.py")
    problem = find_venv_problem(venv, root)
    assert "/work/original/helpers" in problem and str(root.resolve() / "helpers") in problem


def test_helpers_from_pythonpath_cannot_be_fixed_by_a_new_venv(tmp_path, monkeypatch):
    root = make_checkout(tmp_path / "copy")
    venv = make_fake_venv(root / ".venv", "/work/original/helpers/__init__.py")
    monkeypatch.setenv("PYTHONPATH", "/work/original")
    with pytest.raises(CheckoutError, match="unset PYTHONPATH"):
        find_venv_problem(venv, root)


def test_helpers_not_installed(tmp_path):
    root = make_checkout(tmp_path / "project")
    venv = make_fake_venv(root / ".venv", "")
    assert find_venv_problem(venv, root) is None  # being built: make setup installs it next
    (venv / environment.STAMP_NAME).write_text(f"root={root}\n", encoding="utf-8")
    assert "no `helpers` installed" in find_venv_problem(venv, root)


def test_broken_venvs(tmp_path):
    root = make_checkout(tmp_path / "project")
    (root / ".venv" / "bin").mkdir(parents=True)  # no python at all
    assert "does not run" in find_venv_problem(root / ".venv", root)
    (tmp_path / "link").symlink_to(tmp_path / "gone")
    assert "missing folder" in find_venv_problem(tmp_path / "link", root)


def test_main_exit_status_and_messages(tmp_path, monkeypatch, capsys):
    root = make_checkout(tmp_path / "copy")
    assert environment.main(["--root", str(root), str(root / ".venv")]) == 0
    venv = make_fake_venv(root / ".venv", "/work/original/helpers/__init__.py")
    assert environment.main(["--root", str(root), str(venv)]) == environment.EXIT_RECREATE
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and "/work/original/helpers" in out
    monkeypatch.setenv("PYTHONPATH", "/work/original")
    assert environment.main(["--root", str(root), str(venv)]) == environment.EXIT_STOP
    assert "unset PYTHONPATH" in capsys.readouterr().err


# --- make setup on fake venvs ---------------------------------------------------------------------

@pytest.fixture
def fake_project(tmp_path):
    """A checkout with the real Makefile and environment.py, and a PYTHON whose ``-m venv`` makes
    a fake venv (pip only logs its arguments): make setup runs whole in a fraction of a second."""
    root = make_checkout(tmp_path / "copy")
    shutil.copy(config.ROOT / "Makefile", root / "Makefile")
    shutil.copy(Path(environment.__file__), root / "helpers" / "environment.py")
    for name in ("requirements.lock", "pyproject.toml"):
        (root / name).write_text("# fake\n", encoding="utf-8")
    venv_python = write_script(
        tmp_path / "venv-python",
        '#!/bin/sh\n'
        'if [ "$1" = "-m" ] && [ "$2" = "pip" ]; then echo "$*" >> "$(dirname "$0")/../pip.log";'
        ' exit 0; fi\n'
        'if [ "$1" = "-c" ]; then echo "$(cd "$(dirname "$0")/../.." && pwd)/helpers/__init__.py";'
        ' exit 0; fi\n'
        f'exec "{sys.executable}" "$@"\n')
    write_script(
        tmp_path / "python3",
        '#!/bin/sh\n'
        'if [ "$1" = "-m" ] && [ "$2" = "venv" ]; then mkdir -p "$3/bin" &&'
        f' cp "{venv_python}" "$3/bin/python"; exit $?; fi\n'
        f'exec "{sys.executable}" "$@"\n')
    return root


def run_make(root: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("MAKE", "PYTHONPATH"))}
    return subprocess.run(["make", "--no-print-directory", "-C", str(root),
                           f"PYTHON={root.parent / 'python3'}", *args],
                          env={**environ, **env}, capture_output=True, text=True, timeout=60,
                          check=False)


@needs_make
def test_make_setup_recreates_a_venv_copied_from_another_folder(fake_project):
    root = fake_project
    venv = make_fake_venv(root / ".venv", "/work/original/helpers/__init__.py",
                          interpreter=Path("/work/original/.venv/bin/python3"),
                          stamp="root=/work/original\n")
    os.utime(venv / environment.STAMP_NAME)  # newer than the lock: only the check can see it
    done = run_make(root, "setup")
    assert done.returncode == 0, done.stderr
    first = done.stdout.splitlines()[0]
    assert first.startswith("make setup: .venv/ was made for /work/original")
    assert first.endswith("recreating .venv/ here")
    assert (venv / environment.STAMP_NAME).read_text() == f"root={root}\n"
    assert len((venv / "pip.log").read_text().splitlines()) == 2  # the lock, then -e .
    assert not (venv / "bin" / "pip").exists()  # the copied scripts went with the old venv

    again = run_make(root, "setup")  # now a silent no-op
    assert (again.returncode, again.stdout, again.stderr) == (0, "", "")
    assert len((venv / "pip.log").read_text().splitlines()) == 2


@needs_make
def test_make_setup_without_a_venv_builds_one(fake_project):
    done = run_make(fake_project, "setup")
    assert done.returncode == 0, done.stderr
    assert "recreating" not in done.stdout
    assert (fake_project / ".venv" / ".installed").read_text() == f"root={fake_project}\n"


@needs_make
def test_make_setup_stops_when_pythonpath_is_the_cause(fake_project):
    venv = make_fake_venv(fake_project / ".venv", "/work/original/helpers/__init__.py",
                          stamp=f"root={fake_project}\n")
    os.utime(venv / environment.STAMP_NAME)
    done = run_make(fake_project, "setup", PYTHONPATH="/work/original")
    assert done.returncode != 0
    assert "unset PYTHONPATH" in done.stderr
    assert venv.exists()
