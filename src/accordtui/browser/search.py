"""Search over every entry of the document, through one fold (see `fold`)."""

from __future__ import annotations

from functools import lru_cache

from accordtui.agreement.lang import Lang
from accordtui.browser.fold import Folded, fold, needle
from accordtui.rendering.blocks import Bullets, Field, Heading, Para, Quotation
from accordtui.rendering.document import Document
from accordtui.rendering.labels import SECTIONS


@lru_cache(maxsize=8)
def _folded(text: str) -> Folded:
    """Kept: each keystroke of a search folds the same entry again."""
    return Folded(text)


class Finder:
    """Where a query occurs in one text: the text is folded once, any stretch searched.

    Offsets in and out are the text's; the fold may be shorter or longer than the text.
    """

    def __init__(self, text: str, query: str) -> None:
        self.needle = needle(query)
        self._folded = _folded(text) if self.needle else Folded("")
        self._haystack = self._folded.text

    def first(self) -> int | None:
        """Where the first match starts, if there is one."""
        found = self._haystack.find(self.needle) if self.needle else -1
        return self._folded.start_of(found) if found >= 0 else None

    def spans(self, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        """The matches that overlap characters `start` to `end`, as (start, end) offsets.

        Matches may overlap each other ("xx" in "xxx" is found twice): then any stretch
        finds the same ones as the whole text, whatever its first character.
        """
        size = len(self.needle)
        if not size:
            return []
        folded, haystack = self._folded, self._haystack
        first = folded.in_fold(start) - 1  # a mark folded away may end a match before it
        limit = len(haystack) if end is None else folded.in_fold(end) + size
        out: list[tuple[int, int]] = []
        found = haystack.find(self.needle, max(0, first - size + 1), limit)
        while found >= 0:
            span = (folded.start_of(found), folded.end_of(found + size))
            if span[1] > start and (end is None or span[0] < end):
                out.append(span)
            found = haystack.find(self.needle, found + 1, limit)
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
        self._texts = dict(self._entries)
        self.keys = [key for key, _ in self._entries]
        """Every entry, in reading order."""

    def has(self, key: str, query: str) -> bool:
        """Whether entry `key` contains `query`."""
        wanted = needle(query)
        return bool(wanted) and wanted in self._texts.get(key, "")

    def search(self, query: str) -> list[str]:
        """Keys of the entries that contain `query`, in reading order."""
        wanted = needle(query)
        if not wanted:
            return []
        return [key for key, text in self._entries if wanted in text]


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
