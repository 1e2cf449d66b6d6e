"""Built tables kept on disk between kernels, named by the key of their inputs (issue 16).

A fresh kernel rebuilds, on first use, tables that only change when their inputs do: the
gazetteer's name indexes from jionlp's division lists, rjieba's merged dictionary from jieba's
dict.txt, the POS tagger's word tags.  ``load_stored`` keeps each in ``config.BUILT_CACHE`` as a
``marshal`` file (plain data only: unlike pickle, reading one runs no code) named by the SHA-256
of everything the table is built from (``stored_key``: the inputs' bytes, the building code's
source, library and Python versions).  A file is served only when it names that key inside and
its payload has the digest it records; anything else (stale, truncated, damaged, another
table's) is rebuilt and replaced, never trusted.  A folder that cannot be written is not an
error: the table is built and returned, as without the cache.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from helpers import config

__all__ = ["STORED_FORMAT", "STORED_KEPT", "load_stored", "stored_key", "stored_path"]

#: Files kept per table name: the ones used last (an edited codebook changes the tokenizer's
#: dictionary, so each edit would otherwise leave a ~6 MB file behind); a few, so that switching
#: between two codebooks or versions does not rebuild every time.
STORED_KEPT = 3
#: Version of the file layout below; part of every key, so a change of layout rebuilds.
STORED_FORMAT = "govreports-stored-1"
_MAGIC = b"GRST1\n"
_DIGEST = 32  # bytes of a SHA-256 digest

T = TypeVar("T")


def stored_key(*parts: bytes | str) -> str:
    """SHA-256 hex of ``parts`` (each length-prefixed, so no two lists of parts collide), of the
    file layout and of the marshal format and Python version that read it back."""
    key = hashlib.sha256()
    for part in (STORED_FORMAT, str(marshal.version), "{}.{}".format(*sys.version_info[:2]),
                 *parts):
        data = part.encode("utf-8") if isinstance(part, str) else part
        key.update(len(data).to_bytes(8, "little"))
        key.update(data)
    return key.hexdigest()


def stored_path(name: str, key: str, folder: Path | None = None) -> Path:
    """Where the table ``name`` built under ``key`` is kept."""
    return (config.BUILT_CACHE if folder is None else folder) / f"{name}-{key}.marshal"


def _read(path: Path, key: str) -> tuple[bool, Any]:
    """(True, the table) if ``path`` holds the table of ``key`` intact, else (False, None)."""
    try:
        data = path.read_bytes()
    except OSError:
        return False, None
    head = _MAGIC + key.encode("ascii")
    if not data.startswith(head) or len(data) < len(head) + _DIGEST:
        return False, None
    digest, payload = data[len(head):len(head) + _DIGEST], data[len(head) + _DIGEST:]
    if hashlib.sha256(payload).digest() != digest:
        return False, None
    try:
        return True, marshal.loads(payload)
    except (ValueError, EOFError, TypeError):
        return False, None


def _write(path: Path, key: str, value: object) -> None:
    """Write the table atomically (a temporary file renamed over ``path``); a folder that
    cannot be written leaves no file and raises nothing."""
    payload = marshal.dumps(value)
    data = _MAGIC + key.encode("ascii") + hashlib.sha256(payload).digest() + payload
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.replace(tmp, path)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def load_stored(name: str, key: str, build: Callable[[], T], *,
                folder: Path | None = None) -> T:
    """The table ``name`` of inputs ``key``: read from its file when that holds it intact,
    else ``build()``-t and written for the next kernel.  ``build`` must return plain data
    (dicts, lists, tuples, strings, numbers, None) and be a pure function of what ``key``
    covers."""
    path = stored_path(name, key, folder)
    ok, value = _read(path, key)
    if ok:
        with contextlib.suppress(OSError):
            os.utime(path)  # used last: kept by _prune
        return value
    value = build()
    _write(path, key, value)
    _prune(path.parent, name)
    return value


def _prune(folder: Path, name: str) -> None:
    """Keep the ``STORED_KEPT`` files of table ``name`` used last, delete the older ones."""
    found = []
    for path in folder.glob(f"{name}-*.marshal"):
        if len(path.name) == len(name) + 1 + 64 + len(".marshal"):  # not another name's
            with contextlib.suppress(OSError):
                found.append((path.stat().st_mtime_ns, path.name, path))
    for *_, path in sorted(found, reverse=True)[STORED_KEPT:]:
        with contextlib.suppress(OSError):
            path.unlink()
