"""The unit tests never touch the user's project folders.

A researcher's own pages in ``corpus/raw/``, the tables in ``corpus/derived/``, the figures and the
pipeline cache belong to the researcher: adding, removing or re-encoding pages there must leave
``pytest tests`` green, and a test run must not write there.  Tests read their own copy of the
seed page (``tests/fixtures/seed/``, same file name, so the same article ids) and the validation
sets in ``corpus/annotations/`` (``config.ANNOTATIONS``, research data that nothing writes), and
pass those paths explicitly.

So every path of ``helpers.config`` that names user data or output is pointed elsewhere, on the
config module itself (helpers read ``config.X`` when called):

- ``CORPUS_RAW`` at a folder that does not exist: a test (or a helper default) that would read the
  user's corpus fails loudly (``CorpusError: no such file or folder``) instead of depending on
  which pages the user happens to have;
- ``CORPUS_DERIVED``, ``DERIVED_TABLES``, ``FIGURES`` and ``CACHE`` at fresh temporary folders (not
  created: code that writes creates them), and the environment variable ``GOVREPORTS_CACHE`` (which
  worker processes inherit) at the same cache folder.

Three layers, because module-level code and module-scoped fixtures run before any per-test fixture:
while test modules are imported (collection), for the whole session (module- and session-scoped
fixtures) and, fresh, for each test.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

from helpers import config

#: The config paths that name the user's data or the project's outputs.
GUARDED = ("CORPUS_RAW", "CORPUS_DERIVED", "DERIVED_TABLES", "FIGURES", "CACHE")
CACHE_ENV = "GOVREPORTS_CACHE"

_collection: tuple[pytest.MonkeyPatch, Path] | None = None


def _point_away(mp: pytest.MonkeyPatch, root: Path) -> None:
    """Point the guarded config paths and ``$GOVREPORTS_CACHE`` into ``root`` (nothing created)."""
    mp.setattr(config, "CORPUS_RAW", root / "corpus-raw-is-not-for-tests")  # never created
    mp.setattr(config, "CORPUS_DERIVED", root / "derived")
    mp.setattr(config, "DERIVED_TABLES", root / "derived" / "tables")
    mp.setattr(config, "FIGURES", root / "figures")
    mp.setattr(config, "CACHE", root / "cache")
    mp.setenv(CACHE_ENV, str(root / "cache"))


def pytest_configure() -> None:
    """While test modules are imported: module-level code sees the guarded paths too."""
    global _collection
    mp = pytest.MonkeyPatch()
    root = Path(tempfile.mkdtemp(prefix="govreports-tests-"))
    _point_away(mp, root)
    _collection = (mp, root)


def _end_collection_guard() -> None:
    global _collection
    if _collection is not None:
        mp, root = _collection
        _collection = None
        mp.undo()  # the session fixture below takes over for the tests of this folder
        shutil.rmtree(root, ignore_errors=True)


def pytest_collection_finish() -> None:
    _end_collection_guard()


def pytest_unconfigure() -> None:
    _end_collection_guard()  # collection interrupted by an error


@pytest.fixture(scope="session", autouse=True)
def _guard_project_folders_session(tmp_path_factory):
    """For session- and module-scoped fixtures, which are set up before any per-test fixture."""
    with pytest.MonkeyPatch.context() as mp:
        _point_away(mp, tmp_path_factory.mktemp("project"))
        yield


@pytest.fixture(autouse=True)
def _guard_project_folders(monkeypatch, tmp_path_factory):
    """Each test: fresh folders, so nothing one test writes by default is seen by another."""
    _point_away(monkeypatch, tmp_path_factory.mktemp("project"))
