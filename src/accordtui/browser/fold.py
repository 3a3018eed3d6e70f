"""One fold for search: what a reader cannot see on screen does not tell texts apart.

Each character folds on its own, with no look at its neighbours, so the fold of a
text is the folds of its pieces put together: the index, the counter, the highlight
and the scroll find the same matches, in an entry and in any stretch of it.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from bisect import bisect_left, bisect_right
from functools import lru_cache

_SAME = {
    "'": "'\u2018\u2019\u201a\u201b\u02bc\u2032\u2035",
    '"': '"\u00ab\u00bb\u201c\u201d\u201e\u201f\u2033\u2039\u203a',
    "-": "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63",
}
"""Apostrophes and single quotes, double quotes and guillemets, hyphens and dashes."""
_PUNCTUATION = {char: plain for plain, chars in _SAME.items() for char in chars}


def _fold_char(char: str) -> str:
    """Compatibility forms (NFKC), accents and other marks, case, punctuation, spaces.

    The result may be empty (a combining accent, a soft hyphen) or longer than one
    character (`ß` is `ss`, `ﬁ` is `fi`).
    """
    if char == "\n":
        return char  # a line break parts blocks; a query never holds one
    if char.isspace():
        return " "
    if unicodedata.category(char) == "Cf":
        return ""  # soft hyphens, zero-width joiners: invisible
    text = unicodedata.normalize("NFKD", char)
    text = unicodedata.normalize("NFKD", text.casefold())  # İ casefolds to i and a dot
    out = []
    for part in text:
        if unicodedata.combining(part):
            continue
        part = _PUNCTUATION.get(part, part)
        out.append(" " if part.isspace() else part)
    return "".join(out)


class _Table(dict[int, str]):
    """Each character's fold, worked out the first time it is seen."""

    def __missing__(self, code: int) -> str:
        folded = _fold_char(chr(code))
        self[code] = folded
        return folded


_TABLE = _Table()
_SMALL = 4_096
"""Up to this length a text folds through the shared table; a longer one through a
plain table of its own characters, which `str.translate` reads twice as fast."""
_CHUNK = 1 << 16
"""Characters read at a time: short calls into C, so a thread folding a long text
lets keys in."""
_SHARED = 32_768
"""A line longer than this is folded once, by the first thread to ask, while the
others wait: the search index and both detail panes fold the same long paragraph."""
_LOCK = threading.Lock()


def fold(text: str) -> str:
    """`text` as search compares it: `l’Institut`, `L'INSTITUT` and `l'institut` agree."""
    if len(text) <= _SMALL:
        return text.translate(_TABLE)
    return _fold_lines(text)[0]


def needle(query: str) -> str:
    """What a query looks for: its fold, without the spaces around it (a soft hyphen or
    a no-break space pasted at an end is no part of the words)."""
    return fold(query).strip()


def _fold_lines(text: str) -> tuple[str, bool]:
    """`text` folded line by line (a line break folds to itself), and whether any
    character folds to other than one character."""
    if len(text) <= _SHARED:
        return _fold_long(text)
    lines = text.split("\n")
    folds = [_fold_shared(line) if len(line) > _SHARED else _fold_long(line) for line in lines]
    return "\n".join(folded for folded, _ in folds), any(odd for _, odd in folds)


def _fold_shared(line: str) -> tuple[str, bool]:
    with _LOCK:
        return _fold_kept(line)


@lru_cache(maxsize=16)
def _fold_kept(line: str) -> tuple[str, bool]:
    return _fold_long(line)


def _chars(text: str) -> set[str]:
    chars: set[str] = set()
    for i in range(0, len(text), _CHUNK):
        chars.update(text[i : i + _CHUNK])
    return chars


def _fold_long(text: str) -> tuple[str, bool]:
    table = {code: _TABLE[code] for code in map(ord, _chars(text))}
    folded = "".join(text[i : i + _CHUNK].translate(table) for i in range(0, len(text), _CHUNK))
    return folded, any(len(part) != 1 for part in table.values())


class Folded:
    """A text's fold, and the way back from a place in the fold to one in the text.

    Most characters fold to one: only the others (an accent written apart, `ß`) are
    remembered, so a megabyte of ordinary text costs one `translate` and one scan.
    """

    def __init__(self, text: str) -> None:
        self.text, odd_chars = _fold_lines(text)
        self._folded: list[int] = []
        """Where each irregular character's fold starts in the fold."""
        self._original: list[int] = []
        """Where each irregular character is in the text."""
        self._sizes: list[int] = []
        if not odd_chars:
            return
        odd = [re.escape(c) for c in _chars(text) if len(_TABLE[ord(c)]) != 1]
        shift = 0
        for found in re.finditer(f"[{''.join(odd)}]", text):
            size = len(_TABLE[ord(found.group())])
            self._folded.append(found.start() + shift)
            self._original.append(found.start())
            self._sizes.append(size)
            shift += size - 1

    def in_fold(self, offset: int) -> int:
        """Where the text's character `offset` starts in the fold."""
        index = bisect_left(self._original, offset) - 1
        if index < 0:
            return offset
        return self._folded[index] + self._sizes[index] + offset - self._original[index] - 1

    def start_of(self, offset: int) -> int:
        """The text's character where a match starting at `offset` of the fold starts."""
        index = bisect_right(self._folded, offset) - 1
        if index < 0:
            return offset
        start, size = self._folded[index], self._sizes[index]
        if offset < start + size:
            return self._original[index]  # inside `ss` from `ß`: the `ß`
        return self._original[index] + 1 + offset - start - size

    def end_of(self, offset: int) -> int:
        """Where a match ending at `offset` of the fold ends in the text (marks included)."""
        index = bisect_right(self._folded, offset - 1) - 1
        if index >= 0 and offset < self._folded[index] + self._sizes[index]:
            return self._original[index] + 1
        return self.start_of(offset)
