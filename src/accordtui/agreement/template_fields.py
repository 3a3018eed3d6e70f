"""How `accordtui new` writes a field: YAML scalars, ids, and the comment on each guess."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable

from accordtui.agreement.placeholders import UNTRANSLATED

QUOTED = "QUOTES the release word for word"
GUESS = f"{QUOTED}; a guess from it: check it"
CHECK = "guessed, check them"


class Ids:
    """The ids taken in the file, and for each slug the last number given: the next
    `quote-jean-dupont` starts there, where counting from 2 each time was quadratic
    (2,000 quotes of one speaker: 0.62 s; 16,000: over a minute)."""

    def __init__(self, taken: Iterable[str]) -> None:
        self.taken = set(taken)
        self.last: dict[str, int] = {}


def unique(slug: str, ids: Ids) -> str:
    """`slug`, or `slug-2`, `slug-3`…: ids are unique in the file, release ids included."""
    n = ids.last.get(slug, 1)
    found = slug if n == 1 else f"{slug[:60]}-{n}"
    while found in ids.taken:
        n += 1
        found = f"{slug[:60]}-{n}"
    ids.last[slug] = n
    ids.taken.add(found)
    return found


def q(text: str) -> str:
    """A double-quoted YAML scalar: JSON's string syntax is YAML's, escapes included."""
    return json.dumps(text, ensure_ascii=False)


def bilingual(indent: str, fr: str, fr_note: str, en_note: str = "") -> str:
    en_note = en_note or "our English translation (shown marked as ours)"
    return f"{indent}fr: {q(fr)}  # {fr_note}\n{indent}en: {q(UNTRANSLATED)}  # {en_note}\n"


def slug(text: str) -> str:
    found = re.sub(r"[^a-z0-9]+", "-", _ascii(text).lower()).strip("-")[:64].strip("-")
    return found or "entry"


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
