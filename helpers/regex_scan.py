"""``finditer`` tried only where a match can start (issue 16: the metrics stage's scans; the
gazetteer's scans by a name's first two characters: ``pair_starts``).

``re`` skips ahead to a match's possible first character only when a pattern opens with a
literal or a character class; a pattern that opens with a lookbehind, an optional group or an
alternation of such (the figure forms, ``_DATE``, ``_SKIP``) is tried at every position of a
sentence, each of its alternatives in turn.  ``first_characters`` reads from the parser ``re``
compiles with the characters a match can start with; ``PrefilteredPattern.finditer`` searches
for those and tries the pattern only there.  The matches are the pattern's own, found at the same
places in the same order: ``Pattern.match(text, pos)`` sees lookbehinds, ``^`` and ``\\b`` as the
scan does, and a pattern that cannot match the empty string starts every match at a character
of the set.  A pattern whose first characters cannot be read (``.``, a negated class, a
backreference, case-insensitive, or one that may match nothing) is scanned as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

__all__ = ["PrefilteredPattern", "first_characters", "pair_starts", "prefilter",
           "required_characters"]

_parser = getattr(re, "_parser", None)  # CPython 3.11+: the parser re compiles with
_constants = getattr(re, "_constants", None)
#: Flags under which a class of the same characters would not mean what the pattern's does.
_UNREAD_FLAGS = re.IGNORECASE | re.ASCII | re.LOCALE


def _class_char(code: int) -> str:
    """One character, escaped for a character class."""
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def _categories() -> dict[object, str]:
    c = _constants
    if c is None:
        return {}
    return {c.CATEGORY_DIGIT: r"\d", c.CATEGORY_NOT_DIGIT: r"\D", c.CATEGORY_SPACE: r"\s",
            c.CATEGORY_NOT_SPACE: r"\S", c.CATEGORY_WORD: r"\w", c.CATEGORY_NOT_WORD: r"\W"}


_CATEGORIES = _categories()

#: (class parts, may match nothing) of a sequence; None: not read
_First = tuple[set[str], bool] | None


def _class_parts(items: Any) -> set[str] | None:
    """The parts of a parsed character class, or None for a negated one (most characters: not
    worth a filter)."""
    c = _constants
    parts = set()
    for kind, value in items:
        if kind is c.LITERAL:
            parts.add(_class_char(value))
        elif kind is c.RANGE:
            parts.add(f"{_class_char(value[0])}-{_class_char(value[1])}")
        elif kind is c.CATEGORY and value in _CATEGORIES:
            parts.add(_CATEGORIES[value])
        else:
            return None
    return parts


def _first_of_sequence(items: Any) -> _First:
    """The characters a match of the parsed sequence ``items`` can start with."""
    out: set[str] = set()
    for op, av in items:
        got = _first_of_item(op, av)
        if got is None:
            return None
        out |= got[0]
        if not got[1]:
            return out, False
    return out, True


def _first_of_item(op: object, av: Any) -> _First:
    """The characters a match of one parsed item can start with, and whether it can match
    nothing."""
    c = _constants
    if op is c.LITERAL:
        return {_class_char(av)}, False
    if op is c.IN:
        parts = _class_parts(av)
        return None if parts is None else (parts, False)
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):  # zero-width: the next item starts the match
        return set(), True
    if op is c.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        return None if add_flags & _UNREAD_FLAGS else _first_of_sequence(sub.data)
    if op is c.ATOMIC_GROUP:
        return _first_of_sequence(av.data)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        least, _most, sub = av
        got = _first_of_sequence(sub.data)
        return None if got is None else (got[0], got[1] or least == 0)
    if op is c.BRANCH:
        out: set[str] = set()
        empty = False
        for alternative in av[1]:
            got = _first_of_sequence(alternative.data)
            if got is None:
                return None
            out |= got[0]
            empty = empty or got[1]
        return out, empty
    return None  # ., a backreference, a conditional group: any character may start a match


def first_characters(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A class of the characters every match of ``pattern`` starts with, or None when they
    cannot be read (then every position is a possible start)."""
    if _parser is None or _constants is None or pattern.flags & _UNREAD_FLAGS:
        return None
    got = _first_of_sequence(_parser.parse(pattern.pattern, pattern.flags).data)
    if got is None or got[1] or not got[0]:
        return None
    return re.compile("[" + "".join(sorted(got[0])) + "]")


#: How many characters a category (\\d, \\w ...) counts as when the narrowest class a match
#: needs is chosen: more than any class written out.
_CATEGORY_SIZE = 1 << 16


def _class_size(parts: set[str]) -> int:
    """Roughly how many characters a class of ``parts`` holds (``_required_of_sequence``
    keeps the narrowest)."""
    size = 0
    for part in parts:
        if part in _CATEGORIES.values():
            size += _CATEGORY_SIZE
            continue
        chars = part.encode("ascii").decode("unicode_escape")  # one character or a range
        size += ord(chars[-1]) - ord(chars[0]) + 1
    return size


def _required_of_sequence(items: Any) -> set[str] | None:
    """A class of characters one of which every match of the parsed sequence holds (the
    narrowest of its items'), or None."""
    best: set[str] | None = None
    for op, av in items:
        got = _required_of_item(op, av)
        if got is not None and (best is None or _class_size(got) < _class_size(best)):
            best = got
    return best


def _required_of_item(op: object, av: Any) -> set[str] | None:
    """A class of characters one of which every match of one parsed item holds, or None
    (an item that may match nothing, a lookaround, ``.``)."""
    c = _constants
    if op is c.LITERAL:
        return {_class_char(av)}
    if op is c.IN:
        return _class_parts(av)
    if op is c.SUBPATTERN:
        return None if av[1] & _UNREAD_FLAGS else _required_of_sequence(av[-1].data)
    if op is c.ATOMIC_GROUP:
        return _required_of_sequence(av.data)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        return _required_of_sequence(av[2].data) if av[0] >= 1 else None
    if op is c.BRANCH:
        out: set[str] = set()
        for alternative in av[1]:
            got = _required_of_sequence(alternative.data)
            if got is None:
                return None
            out |= got
        return out
    return None


def required_characters(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A class of characters one of which every match of ``pattern`` holds: a text without
    any has no match.  None when none can be read."""
    if _parser is None or _constants is None or pattern.flags & _UNREAD_FLAGS:
        return None
    got = _required_of_sequence(_parser.parse(pattern.pattern, pattern.flags).data)
    return re.compile("[" + "".join(sorted(got)) + "]") if got else None


class PrefilteredPattern:
    """A compiled pattern whose ``finditer`` tries it only where a match can start; every other
    attribute is the pattern's."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.compiled = pattern
        self.starts = first_characters(pattern)
        self.needs = required_characters(pattern)

    def __getattr__(self, name: str) -> object:
        return getattr(self.compiled, name)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """The matches ``self.compiled.finditer(text)`` gives, in its order."""
        if self.needs is not None and self.needs.search(text) is None:
            return iter(())  # a character every match holds is missing
        if self.starts is None:
            return self.compiled.finditer(text)
        return self._scan(text)

    def _scan(self, text: str) -> Iterator[re.Match[str]]:
        match = self.compiled.match
        resume = 0  # the scan goes on after the last match, as finditer's does
        for start in self.starts.finditer(text):
            at = start.start()
            if at >= resume and (found := match(text, at)) is not None:
                yield found
                resume = found.end()


def prefilter(pattern: re.Pattern[str]) -> PrefilteredPattern:
    """``pattern`` with a ``finditer`` that skips the positions no match can start at."""
    return PrefilteredPattern(pattern)


def pair_starts(pairs: Iterable[str]) -> re.Pattern[str]:
    """Where one of the two-character ``pairs`` can start: a pair's first character before a
    pair's second one (a superset of the places, found by ``re`` instead of a dictionary
    look-up at every character: the gazetteer's scans by a name's first two characters)."""
    heads = [pair for pair in pairs if len(pair) == 2]
    if not heads:
        return re.compile("(?!)")

    def one_of(chars: set[str]) -> str:
        return "[" + "".join(_class_char(ord(c)) for c in sorted(chars)) + "]"

    return re.compile(one_of({h[0] for h in heads}) + "(?=" + one_of({h[1] for h in heads})
                      + ")")
