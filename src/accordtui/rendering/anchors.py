"""Headings an export can link to: each made unique, each given the anchor GitHub gives.

A Markdown reader follows `[Paragraphe 9](#paragraphe9)` only if the fragment is the
one its renderer derives from the heading, and only to one heading if no other reads
the same. So a repeated heading is qualified by its section ("… (Source)"), in every
format, and anchors are derived as GitHub (and markdown-it-py's anchors) derive them.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from accordtui.rendering.blocks import Block, Heading


class HeadingNames:
    """Heading texts given so far in one export; a repeat gets its section's name, then a
    number: "… (Source)", "… (Source, 2)". Each repeat costs one step, whatever their
    number (10,000 entries of one title would otherwise cost 50 million)."""

    def __init__(self) -> None:
        self._taken: set[str] = set()
        self._next: dict[tuple[str, str], int] = {}

    def unique(self, text: str, qualifier: str) -> str:
        if text not in self._taken:
            self._taken.add(text)
            return text
        number = self._next.get((text, qualifier), 1)
        candidate = text
        while candidate in self._taken:
            number += 1
            extra = qualifier if number == 2 else f"{qualifier}, {number - 1}"
            candidate = f"{text} ({extra})"
        self._next[(text, qualifier)] = number
        self._taken.add(candidate)
        return candidate

    def blocks(self, blocks: Iterable[Block], qualifier: str) -> list[Block]:
        """`blocks` with each heading given a text no earlier heading has."""
        out: list[Block] = []
        for block in blocks:
            if isinstance(block, Heading):
                text = self.unique(block.text, qualifier)
                if text != block.text:
                    block = Heading(text, block.level, block.key)
            out.append(block)
        return out


def slug(text: str) -> str:
    """GitHub's anchor for a heading: lower case, letters, marks, digits, `_` and `-`
    kept, the rest dropped, each space a `-`."""
    kept = (c for c in text.lower() if c in " -_" or c.isalnum() or _is_mark(c))
    return "".join(kept).replace(" ", "-")


def _is_mark(char: str) -> bool:
    return unicodedata.category(char)[0] == "M"


def anchors(headings: Iterable[str | None], texts: Iterable[str]) -> dict[str, str]:
    """Entry key → anchor, for headings in document order (`headings`: each one's key).

    A slug met before gets `-1`, `-2`… as GitHub numbers repeated anchors.
    """
    found: dict[str, str] = {}
    counts: dict[str, int] = {}
    for key, text in zip(headings, texts, strict=True):
        base = slug(text)
        count = counts.get(base, 0)
        counts[base] = count + 1
        if key is not None:
            found[key] = base if count == 0 else f"{base}-{count}"
    return found
