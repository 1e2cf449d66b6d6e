"""Errors for bad input: each names the file and, when known, the 1-based line.

``CorpusError`` is raised for raw pages, ``CodebookError`` for codebook files, ``QDAError`` for
REFI-QDA projects and codebooks (helpers/qda.py).  All keep their file and line when pickled,
so an error raised in a worker process reaches the notebook whole.
"""

from __future__ import annotations

import os

__all__ = ["CodebookError", "CorpusError", "InputError", "QDAError"]


class InputError(ValueError):
    """Bad input data: names the file (``path``) and, when known, the 1-based ``line``."""

    def __init__(self, message: str, path: str | os.PathLike[str] | None = None,
                 line: int | None = None) -> None:
        self.message = message
        self.path = path
        self.line = line
        super().__init__(self._format())

    def _format(self) -> str:
        where = [os.fspath(self.path)] if self.path is not None else []
        if self.line is not None:
            where.append(f"line {self.line}")
        return f"{', '.join(where)}: {self.message}" if where else self.message

    def __str__(self) -> str:
        return self._format()

    def __reduce__(self) -> tuple[type[InputError], tuple[object, ...]]:
        # Keep path and line when pickled (e.g. across multiprocessing workers).
        return (type(self), (self.message, self.path, self.line))


class CorpusError(InputError):
    """A raw page (or corpus folder) that cannot be read or parsed."""


class CodebookError(InputError):
    """A codebook file that cannot be used."""


class QDAError(InputError):
    """A REFI-QDA project or codebook (.qdpx, .qde, .qdc) that cannot be read, or tables that
    cannot be written as one; the message names the member of the archive and the element."""
