"""Accent- and case-insensitive search over every entry of the document."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from accordtui.document import Bullets, Document, Field, Heading, Para, Quotation
from accordtui.labels import SECTIONS
from accordtui.model import Lang


def fold(text: str) -> str:
    """Lowercase and strip accents, so `telecom` finds `Télécom`."""
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    folded = fold(char)
    return folded if len(folded) == 1 else char.lower()


def find_spans(text: str, query: str) -> list[tuple[int, int]]:
    """Where `query` occurs in `text`, as (start, end) offsets into `text` itself."""
    needle = fold(query.strip())
    if not needle:
        return []
    haystack = "".join(map(_fold_char, text))  # same length as text, so offsets carry over
    spans: list[tuple[int, int]] = []
    start = haystack.find(needle)
    while start >= 0:
        spans.append((start, start + len(needle)))
        start = haystack.find(needle, start + len(needle))
    return spans


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
