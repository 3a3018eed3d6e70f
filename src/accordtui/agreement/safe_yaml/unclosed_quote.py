"""The likely cause of an unclosed `{ }` or `[ ]`: a quoted text that lacks its closing
quotation mark, and so runs on to the next one, taking in the separator and key after it
(`{fr: "Les océans, en: "The oceans"}`). The parser then reports only the brackets."""

from __future__ import annotations

import re
from dataclasses import dataclass

_SEPARATOR = re.compile(r",[ \t]*[A-Za-z_][\w-]*:(?=[ \t]|$)", re.MULTILINE)
"""A `, key:` a quoted text took in: where its closing quotation mark belongs."""


@dataclass(frozen=True)
class Swallowed:
    """A quoted text that took in a separator: where it opens, and where it lacks its end."""

    quote: str
    opened: tuple[int, int]
    separator: str
    missing: tuple[int, int]
    """Line and column (1-based) of the separator, before which the quote is missing."""


def swallowed(text: str, line: int, column: int) -> Swallowed | None:
    """The quoted text that ends just before `line`, `column` (0-based), if a separator
    stands inside it; None when no quoted text ends there, or it took in none."""
    lines = text.split("\n")
    if line >= len(lines):
        return None
    before = "\n".join([*lines[:line], lines[line][:column].rstrip(" \t")])
    if not before.endswith(('"', "'")):
        return None
    quote, body_end = before[-1], len(before) - 1
    start = _opening(before, body_end, quote)
    found = None if start is None else _SEPARATOR.search(before, start + 1, body_end)
    if start is None or found is None:
        return None
    return Swallowed(quote, _place(before, start), found.group(), _place(before, found.start()))


def _opening(text: str, end: int, quote: str) -> int | None:
    """Where the quoted text that closes at `end` opens: the quote before it that is not
    escaped (`\\"` in double quotes, `''` in single quotes)."""
    at = end
    while (at := text.rfind(quote, 0, at)) >= 0:
        if quote == '"' and (at - len(text[:at].rstrip("\\"))) % 2:
            continue  # an escaped \"
        if quote == "'" and at > 0 and text[at - 1] == "'":
            at -= 1  # a doubled '' inside single quotes
            continue
        return at
    return None


def _place(text: str, offset: int) -> tuple[int, int]:
    return text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)
