"""Which files of a corpus folder are read: nothing by accident, nothing skipped unsaid.

``list_pages`` gives the corpus files under a path (one file, or a folder's files in name order)
and refuses, in one error listing them all, every other entry of a folder: notes, PDFs,
subfolders, broken links.  Only housekeeping files and ``metadata.yaml`` are left out without a
word; ``ignore=`` leaves out more, with a warning that says what.
"""

from __future__ import annotations

import errno
import fnmatch
import stat
import warnings
from collections import Counter
from collections.abc import Iterable
from os import PathLike
from pathlib import Path

from helpers import config
from helpers.errors import CorpusError
from helpers.formats.detect import TABLE_SUFFIXES, TEXT_SUFFIXES
from helpers.formats.metadata import METADATA_FILE

__all__ = ["CORPUS_SUFFIXES", "HOUSEKEEPING_FILES", "list_pages"]

#: The extensions of corpus files in a folder (compared in lower case, so ``P1.TXT`` is read):
#: text files (e-paper pages and article files: every extraction tool and scraper saves
#: ``.txt``) and tables (database exports).  A folder also collects notes, indexes and the PDFs
#: themselves, which read as text would invent articles.  A file with another extension is
#: read (as text) only when named on its own.
CORPUS_SUFFIXES = TEXT_SUFFIXES + TABLE_SUFFIXES
#: Files that version control or the operating system put in any folder and that never hold a
#: page: left out of a corpus folder without a word (documented in corpus/README.md), so that
#: an empty folder kept in git or a folder opened in the macOS Finder or Windows Explorer is
#: not refused.  Only regular files of exactly these names.
HOUSEKEEPING_FILES = (".gitkeep", ".gitignore", ".DS_Store", "Thumbs.db", "desktop.ini",
                      METADATA_FILE)
# What to do with the files researchers most often bring that are not read as they are.
_SAVE_AS = {
    ".xls": " -- an old Excel workbook: save it as .xlsx or .csv",
    ".et": " -- a WPS spreadsheet: save it as .xlsx or .csv",
    ".doc": " -- a Word document: save its text as .txt",
    ".docx": " -- a Word document: save its text as .txt",
    ".wps": " -- a WPS document: save its text as .txt",
    ".pdf": " -- a PDF: extract its text to .txt (see corpus/README.md)",
    ".html": " -- a web page: save the article's text as .txt",
    ".htm": " -- a web page: save the article's text as .txt",
    ".json": " -- JSON: one article per line as .jsonl",
}
# why an entry of a corpus folder (or an explicit path) is not read as a page
_NOT_A_PAGE = {
    "hidden": "hidden file (name starts with a dot)",
    "extension": f"extension is not a corpus file extension ({', '.join(CORPUS_SUFFIXES)})",
    "named like a page": "a directory named like a corpus file, not a file",
    "subfolder": "a subfolder (subfolders are not read)",
    "loop": "a symbolic link loop",
    "dangling": "a dangling symbolic link (its target does not exist)",
    "missing": "no such file or folder",
    "fifo": "a FIFO (named pipe), not a regular file",
    "socket": "a socket, not a regular file",
    "device": "a device, not a regular file",
}



def list_pages(path: str | PathLike[str] | None = None, *,
               ignore: str | Iterable[str] = ()) -> list[Path]:
    """The raw pages under ``path`` (default ``corpus/raw``): one file, or a folder's pages.

    A folder's corpus files are its ``CORPUS_SUFFIXES`` files (sorted by name).  Every other entry --
    another extension, a dot-file, a subfolder, a directory named like a page, a dangling or
    looping symlink, a FIFO, socket or device -- is refused: one ``CorpusError`` names the
    folder and lists each entry with why, so that nothing is read by accident (``notes.md``
    becoming articles) and nothing is skipped unsaid.  Only ``HOUSEKEEPING_FILES`` are left
    out without a word (documented).  ``ignore``: glob patterns (or one pattern) of entry names
    to leave out instead, pages included; a ``UserWarning`` lists what they left out.  A path
    to one file is read whatever its extension (``read_page`` refuses it if it is not text).
    """
    root = Path(path) if path is not None else config.CORPUS_RAW
    kind = _entry_kind(root)
    if kind == "folder":
        return _folder_pages(root, (ignore,) if isinstance(ignore, str) else tuple(ignore))
    if kind != "page":
        raise CorpusError(_NOT_A_PAGE.get(kind, kind), path=root)
    return [root]


def _folder_pages(root: Path, patterns: tuple[str, ...]) -> list[Path]:
    """The pages of folder ``root``; raises for entries that are not pages (see list_pages)."""
    pages: list[Path] = []
    refused: list[str] = []
    ignored: list[str] = []
    for entry in sorted(root.iterdir(), key=lambda p: p.name):
        pattern = next((p for p in patterns if fnmatch.fnmatchcase(entry.name, p)), None)
        if pattern is not None:
            ignored.append(f"{entry.name} (ignore={pattern!r})")
            continue
        kind = _entry_kind(entry)
        if kind == "page" and entry.name in HOUSEKEEPING_FILES:
            continue
        if kind == "page" and entry.name.startswith("."):
            kind = "hidden"
        elif kind == "page" and entry.suffix.lower() not in CORPUS_SUFFIXES:
            kind = "extension"
        elif kind == "folder":
            kind = "named like a page" if entry.suffix.lower() in CORPUS_SUFFIXES else "subfolder"
        if kind == "page":
            pages.append(entry)
        else:
            hint = _SAVE_AS.get(entry.suffix.lower(), "") if kind == "extension" else ""
            refused.append(f"  {entry.name}: {_NOT_A_PAGE.get(kind, kind)}{hint}")
    if ignored:
        warnings.warn(f"{root}: left out by ignore=: {', '.join(ignored)}", UserWarning,
                      stacklevel=3)
    if refused:
        raise CorpusError(
            f"{_count(len(refused), 'entry is not a corpus file', 'entries are not corpus files')} "
            f"(corpus files are the files ending in {', '.join(CORPUS_SUFFIXES)}, and "
            f"{METADATA_FILE}; nothing else is read or skipped):\n"
            + "\n".join(refused)
            + "\nMove what is not a corpus file out of the folder, or name it with ignore=[...] (glob "
            "patterns of names, e.g. ignore=['*.md'])", path=root)
    if not pages:
        raise CorpusError("folder holds no corpus files (drop raw text files or tables here)",
                          path=root)
    stems = Counter(p.stem for p in pages)
    dupes = [p for p in pages if stems[p.stem] > 1]
    if dupes:
        raise CorpusError(f"two pages share the source name {dupes[0].stem!r}", path=dupes[0])
    return pages


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _entry_kind(path: Path) -> str:
    """What ``path`` is, following symlinks: "page" (a regular file), "folder", or the key
    in ``_NOT_A_PAGE`` of why it cannot be read as one."""
    try:
        mode = path.stat().st_mode
    except OSError as err:
        if err.errno == errno.ELOOP:
            return "loop"
        if path.is_symlink():
            return "dangling"
        if err.errno == errno.ENOENT:
            return "missing"
        return f"cannot be accessed ({err.strerror or err})"
    if stat.S_ISREG(mode):
        return "page"
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISFIFO(mode):
        return "fifo"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "device"
