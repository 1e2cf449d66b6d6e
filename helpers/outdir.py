"""Output folders of ``stream_pipeline``: owned by one run at a time, replaced only by a run
that finished, never read half replaced.

Two runs writing into one folder would mix their parts (each reading back the other's rows),
and a run that deleted the earlier output before it started would leave nothing when it fails.
So an output folder ``out`` is handled in three steps:

**Ownership.**  ``claim_output(out)`` takes an exclusive ``flock`` on ``out/RUN_LOCK`` for the
whole run and writes there who holds it (pid, host, start time).  A second run gets
``OutputInUseError`` naming the folder and that run.  The kernel releases the lock when the
process ends, however it ends (``kill -9`` included): a lock never outlives its run.

**Staging.**  The run writes its tables into a hidden folder inside ``out``
(``STAGING_PREFIX``...: the same file system, so moving a file out of it is an atomic rename);
the earlier output stays untouched and readable meanwhile.  A run that fails removes its
staging folder; a killed run's is removed by the next run that owns the folder.

**Swap.**  When the run finished, under an exclusive ``flock`` on ``out/SWAP_LOCK``: the old
manifest goes first (a folder without a manifest is refused by ``read_tables``), then the old
parts of each table folder, then the new parts move in, and the new manifest last.  Only the
run's own entries are touched (the manifest, and in each table folder the files named like a
part): any other file in ``out`` or in its table folders stays.  ``reading_output(out)`` (what
``read_tables`` holds while it reads) takes the same lock shared, so a reader waits for a swap
in progress and a swap waits for the readers: nobody reads a folder half replaced.

Locks are ``fcntl.flock`` (Linux and macOS, local file systems and NFSv4).
"""

from __future__ import annotations

import contextlib
import datetime
import fcntl
import json
import os
import re
import shutil
import socket
import tempfile
from collections.abc import Iterator
from pathlib import Path

from helpers.errors import CorpusError

__all__ = ["RUN_LOCK", "STAGING_PREFIX", "SWAP_LOCK", "OutputInUseError", "claim_output",
           "reading_output"]

#: Held (exclusive) by the run that owns the folder, for the whole run; records who that is.
RUN_LOCK = ".govreports-run.lock"
#: Held exclusive while a finished run swaps its tables in, shared while ``read_tables`` reads.
SWAP_LOCK = ".govreports-swap.lock"
#: Name start of a run's staging folder inside the output folder.
STAGING_PREFIX = ".govreports-staging-"
#: Leftover temporary files of ``frames.write_frame`` (an interrupted write), removed with parts.
_WRITE_TMP = ".tmp-"
#: Bytes of the run lock's owner record read for an error message (a few dozen are written).
_OWNER_BYTES = 4096


class OutputInUseError(CorpusError):
    """Another run is writing into this output folder (``path``)."""


def _owner_record() -> bytes:
    started = datetime.datetime.now().astimezone().isoformat(timespec="seconds")
    return json.dumps({"pid": os.getpid(), "host": socket.gethostname(),
                       "started": started}).encode("utf-8")


def _describe_owner(fd: int) -> str:
    """Who holds the run lock open as ``fd``, from what it recorded."""
    try:
        owner = json.loads(os.pread(fd, _OWNER_BYTES, 0))
        return f"pid {owner['pid']} on {owner['host']}, started {owner['started']}"
    except (OSError, ValueError, KeyError, TypeError):
        return "a run that has not yet recorded itself"


@contextlib.contextmanager
def _run_lock(out: Path) -> Iterator[None]:
    """Own ``out`` for the block (``OutputInUseError`` if another run does)."""
    fd = os.open(out / RUN_LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OutputInUseError(
                f"another stream_pipeline run is writing into this folder ({_describe_owner(fd)});"
                " wait for it to finish, or give this run another out_dir", path=out) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, _owner_record(), 0)
        try:
            yield
        finally:
            os.ftruncate(fd, 0)  # nobody's now
    finally:
        os.close(fd)  # releases the lock


def _open_swap_lock(out: Path, *, exclusive: bool) -> int | None:
    """The swap lock file of ``out``, opened (created if need be).  None for a reader that can
    neither create nor open it (a folder no run could write into either): it reads unlocked."""
    try:
        return os.open(out / SWAP_LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        if exclusive:
            raise
    try:
        return os.open(out / SWAP_LOCK, os.O_RDONLY)
    except OSError:
        return None


@contextlib.contextmanager
def _swap_lock(out: Path, *, exclusive: bool) -> Iterator[None]:
    """The swap lock of ``out`` for the block: exclusive for a swap, shared for a reader."""
    fd = _open_swap_lock(out, exclusive=exclusive)
    if fd is None:
        yield
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)
        yield
    finally:
        os.close(fd)


def reading_output(out: Path) -> contextlib.AbstractContextManager[None]:
    """Read ``out`` in the block: no swap begins or ends meanwhile (waits for one under way)."""
    return _swap_lock(out, exclusive=False)


def _remove_parts(folder: Path, part: re.Pattern[str]) -> None:
    """Delete the parts (and leftover temporary files) in ``folder``; the folder too if it is
    left empty.  Other files stay."""
    if not folder.is_dir():
        return
    for entry in folder.iterdir():
        if entry.is_file() and (part.fullmatch(entry.name) or entry.name.startswith(_WRITE_TMP)):
            entry.unlink()
    with contextlib.suppress(OSError):
        folder.rmdir()


def _move_parts(source: Path, target: Path) -> None:
    """Move every file of ``source`` into ``target`` (renames: the same file system)."""
    if not source.is_dir():
        return
    target.mkdir(exist_ok=True)
    for entry in sorted(source.iterdir()):
        os.replace(entry, target / entry.name)


def _swap_in(staging: Path, out: Path, folders: tuple[str, ...], manifest: str,
             part: re.Pattern[str]) -> None:
    """Replace ``out``'s manifest and parts by ``staging``'s (see the module docstring)."""
    with _swap_lock(out, exclusive=True):
        (out / manifest).unlink(missing_ok=True)  # from here to the end: refused by readers
        for name in folders:
            _remove_parts(out / name, part)
            _move_parts(staging / name, out / name)
        os.replace(staging / manifest, out / manifest)


def _remove_staging(out: Path) -> None:
    """Delete the staging folders of runs that were killed (only the owner calls this)."""
    for entry in out.iterdir():
        if entry.name.startswith(STAGING_PREFIX) and entry.is_dir():
            shutil.rmtree(entry, ignore_errors=True)


@contextlib.contextmanager
def claim_output(out: Path, *, folders: tuple[str, ...], manifest: str,
                 part: re.Pattern[str]) -> Iterator[Path]:
    """Own the output folder ``out`` (created if need be) for the block, which writes the
    run's tables into the staging folder it is given: ``{folder}/{part}`` files for the names
    ``folders`` and the ``manifest``, written last.  When the block ends without error they
    replace ``out``'s manifest and parts; when it fails, ``out`` keeps what it had."""
    out.mkdir(parents=True, exist_ok=True)
    with _run_lock(out):
        _remove_staging(out)
        staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=out))
        try:
            yield staging
            if not (staging / manifest).is_file():
                raise RuntimeError(f"the run wrote no manifest {manifest} in {staging}")
            _swap_in(staging, out, folders, manifest, part)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
