"""Where a quoted text stands in the release, and, when it is not there, how it differs.

No model here: paragraphs are anything with an `id` and a French `fr`, so the model
module can import this one.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from accordtui.agreement.difference import Difference, Nearest


CUT = "[…]"
"""Marks where a verbatim text leaves out part of the release's sentence."""


class Quotable(Protocol):
    """A paragraph of the release, as this module needs it."""

    @property
    def id(self) -> str: ...
    @property
    def fr(self) -> str: ...


def verbatim_parts(text: str) -> list[str]:
    """The pieces of `text` that must appear in the release, split at `[…]` cuts."""
    if CUT not in text:  # most texts: whole sentences
        whole = text.strip()
        return [whole] if whole else []
    return [part.strip() for part in text.split(CUT) if part.strip()]


class ReleaseText:
    """The release's French paragraphs, to find where a verbatim text comes from.

    Linear in the release's size however many texts are looked up: whole paragraphs
    by a dict; an excerpt by the first characters at each word start of the release
    (an index built once plain searches have cost four reads of the release), so
    it checks a few candidates, not every paragraph. An excerpt that starts inside
    a word, is shorter than the key or is not there costs one search (C speed).
    """

    _KEY = 12
    """Characters of an excerpt's start that select its candidates."""
    _WORD_START = re.compile(r"(?<!\w)(?=\S)")
    _SEPARATOR = "\0"
    """Joins paragraphs; no text may hold it, so no match spans two paragraphs."""

    def __init__(self, paragraphs: Iterable[Quotable]) -> None:
        self._by_text: dict[str, str] = {}
        self._ids: list[str] = []
        self._starts: list[int] = []
        self._texts: list[str] = []
        offset = 0
        for paragraph in paragraphs:
            self._by_text.setdefault(paragraph.fr, paragraph.id)
            self._ids.append(paragraph.id)
            self._starts.append(offset)
            self._texts.append(paragraph.fr)
            offset += len(paragraph.fr) + len(self._SEPARATOR)
        self._joined = self._SEPARATOR.join(self._texts)
        self._by_start: dict[str, list[int]] | None = None
        self._scanned = 0
        """Characters read by whole-release searches so far."""
        self._found: dict[str, str | None] = {}
        self._nearest: Nearest | None = None
        self._index: dict[str, int] | None = None
        """Each paragraph's position by its id, built when an excerpt's is first asked."""

    def find(self, excerpt: str) -> str | None:
        """Id of the first paragraph holding `excerpt`, or None."""
        found = self._by_text.get(excerpt)
        if found is not None:
            return found
        if excerpt not in self._found:
            self._found[excerpt] = self._search(excerpt)
        return self._found[excerpt]

    def around(self, excerpt: str) -> tuple[str, str] | None:
        """The paragraph's text before and after `excerpt`, where it is found first;
        None when it is not in the release. A whole paragraph has nothing around it."""
        found = self.find(excerpt)
        if found is None or excerpt in self._by_text:
            return None if found is None else ("", "")
        if self._index is None:
            self._index = {ident: index for index, ident in enumerate(self._ids)}
        text = self._texts[self._index[found]]
        at = text.find(excerpt)
        return text[:at], text[at + len(excerpt) :]

    def difference(self, excerpt: str) -> tuple[str, Difference] | None:
        """The id of the paragraph nearest to `excerpt`, not in the release, and how they
        differ; None when no paragraph shares a word with it.

        Its index is built at the first call: a valid file never pays for it.
        """
        if self._nearest is None:
            from accordtui.agreement.difference import Nearest  # not for a valid file

            self._nearest = Nearest(self._texts)
        found = self._nearest.difference(excerpt)
        return None if found is None else (self._ids[found.index], found)

    def _search(self, excerpt: str) -> str | None:
        if not excerpt or self._SEPARATOR in excerpt:
            return None
        at = self._indexed(excerpt) if self._scanned > 4 * len(self._joined) else None
        if at is None:
            at = self._joined.find(excerpt)
            self._scanned += len(self._joined) if at < 0 else at
        return None if at < 0 else self._ids[bisect.bisect_right(self._starts, at) - 1]

    def _indexed(self, excerpt: str) -> int | None:
        """Offset of `excerpt` where it first starts at a word's start, if it does.

        Built once searches have read the release four times over, so a small file
        or a few lookups never pay for it, and a large one pays once.
        """
        if len(excerpt) < self._KEY:
            return None
        if self._by_start is None:
            joined, key = self._joined, self._KEY
            self._by_start = {}
            for match in self._WORD_START.finditer(joined):
                start = match.start()
                self._by_start.setdefault(joined[start : start + key], []).append(start)
        candidates = self._by_start.get(excerpt[: self._KEY], ())
        return next((at for at in candidates if self._joined.startswith(excerpt, at)), None)
