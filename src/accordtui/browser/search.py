"""Accent- and case-insensitive search over every entry of the document."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from accordtui.agreement.model import Lang
from accordtui.rendering.document import Bullets, Document, Field, Heading, Para, Quotation
from accordtui.rendering.labels import SECTIONS

_CHUNK = 1 << 16
"""Characters folded at a time. Each character folds on its own (accents are dropped,
not reordered), so folding in pieces gives the same text."""


_APOSTROPHE = ord("’")
"""Our titles and translation write ’, the release and keyboards ': either finds both."""


def fold(text: str) -> str:
    """Lowercase, strip accents and straighten apostrophes: `l'ecole` finds `L’École`."""
    if len(text) > _CHUNK:  # short calls into C, so a thread folding a long text lets keys in
        return "".join(fold(text[i : i + _CHUNK]) for i in range(0, len(text), _CHUNK))
    decomposed = unicodedata.normalize("NFD", text)
    marks: dict[int, str | None] = {
        ord(c): None for c in set(decomposed) if unicodedata.combining(c)
    }
    marks[_APOSTROPHE] = "'"
    return decomposed.translate(marks).casefold()  # in C: a megabyte in milliseconds


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    folded = fold(char)
    return folded if len(folded) == 1 else char.lower()


@lru_cache(maxsize=8)
def fold_each(text: str) -> str:
    """`text` folded one character for one character, so offsets carry over.

    A table built from the characters present lets `str.translate` fold a megabyte
    in C; the result is kept, as each keystroke of a search folds the same entry.
    """
    return text.translate({ord(char): _fold_char(char) for char in set(text)})


class Finder:
    """Where a query occurs in one text: the text is folded once, any stretch searched."""

    def __init__(self, text: str, query: str) -> None:
        self.needle = fold(query.strip())
        self._haystack = fold_each(text) if self.needle else ""

    def first(self) -> int | None:
        """Where the first match starts, if there is one."""
        found = self._haystack.find(self.needle) if self.needle else -1
        return found if found >= 0 else None

    def spans(self, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        """The matches that overlap characters `start` to `end`, as (start, end) offsets.

        Matches may overlap each other ("xx" in "xxx" is found twice): then any stretch
        finds the same ones as the whole text, whatever its first character.
        """
        size = len(self.needle)
        if not size:
            return []
        limit = len(self._haystack) if end is None else min(len(self._haystack), end + size - 1)
        out: list[tuple[int, int]] = []
        found = self._haystack.find(self.needle, max(0, start - size + 1), limit)
        while found >= 0:
            out.append((found, found + size))
            found = self._haystack.find(self.needle, found + 1, limit)
        return out


class SearchIndex:
    """Folded text of every entry in one language, in reading order."""

    def __init__(self, document: Document, lang: Lang) -> None:
        self.lang = lang
        self._entries: list[tuple[str, str]] = [
            (key, fold(entry_text(document, key, lang)))
            for section in SECTIONS
            for key in document.keys(section)
        ]

    def search(self, query: str) -> list[str]:
        """Keys of the entries that contain `query`, in reading order."""
        needle = fold(query.strip())
        if not needle:
            return []
        return [key for key, text in self._entries if needle in text]


def entry_text(document: Document, key: str, lang: Lang) -> str:
    """The words an entry itself says, for searching."""
    parts: list[str] = []
    for block in document.blocks(key, lang, links=False):  # links name other entries
        if isinstance(block, Heading | Para):
            parts.append(block.text)
        elif isinstance(block, Field):
            parts.append(block.value)
        elif isinstance(block, Bullets):
            parts.extend(block.items)
        elif isinstance(block, Quotation):
            parts.append(block.text)
    return "\n".join(parts)
