"""The likely cause of an unclosed `{ }` or `[ ]`, or of a key missing in a block: a
quoted text that lacks its closing quotation mark, and so runs on to the next one,
taking in the separator and key after it (`{fr: "Les océans, en: "The oceans"}`), or
the next lines' keys (`en: "The oceans` then `origin: release`). The parser then reports
only the brackets, or text where a key should be, lines below the mistake."""

from __future__ import annotations

import re
from dataclasses import dataclass

_SEPARATOR = re.compile(r",[ \t]*[A-Za-z_][\w-]*:(?=[ \t]|$)", re.MULTILINE)
"""A `, key:` a quoted text took in: where its closing quotation mark belongs."""
_KEY_LINE = re.compile(r"\n[ \t]*(?:-[ \t]+)?([A-Za-z_][\w-]*:)(?=[ \t]|$)", re.MULTILINE)
"""A line of a block that starts with its key, taken into a quoted text."""
_COMMENT = re.compile(r"[ \t]+#")


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
    found = _quoted_before(text, line, column)
    if found is None:
        return None
    before, quote, start = found
    separator = _SEPARATOR.search(before, start + 1, len(before) - 1)
    if separator is None:
        return None
    missing = _place(before, separator.start())
    return Swallowed(quote, _place(before, start), separator.group(), missing)


def swallowed_lines(text: str, line: int, column: int) -> Swallowed | None:
    """The quoted text that ends just before `line`, `column` (0-based), if it took in
    a line that starts with a key: its end belongs at the end of the line before that
    one, before a comment there (the file's `  # …`, read as text once the quote ran
    on). None when no quoted text ends there, or it took in no key."""
    found = _quoted_before(text, line, column)
    if found is None:
        return None
    before, quote, start = found
    key = _KEY_LINE.search(before, start + 1, len(before) - 1)
    if key is None:
        return None
    line_start = before.rfind("\n", 0, key.start()) + 1
    last = before[max(line_start, start + 1) : key.start()]
    comment = _COMMENT.search(last)
    end = max(line_start, start + 1) + len((last[: comment.start()] if comment else last).rstrip())
    return Swallowed(quote, _place(before, start), key.group(1), _place(before, end))


def _quoted_before(text: str, line: int, column: int) -> tuple[str, str, int] | None:
    """The text before `line`, `column`, its closing quotation mark and where the
    quoted text it closes opens; None when no quoted text ends there."""
    lines = text.split("\n")
    if line >= len(lines):
        return None
    before = "\n".join([*lines[:line], lines[line][:column].rstrip(" \t")])
    if not before.endswith(('"', "'")):
        return None
    start = _opening(before, len(before) - 1, before[-1])
    return None if start is None else (before, before[-1], start)


def _opening(text: str, end: int, quote: str) -> int | None:
    """Where the quoted text that closes at `end` opens: the quote before it that is not
    escaped (`\\"` in double quotes, `''` in single quotes)."""
    at = end
    while (at := text.rfind(quote, 0, at)) >= 0:
        if quote == '"' and _backslashes_before(text, at) % 2:
            continue  # an escaped \"
        if quote == "'" and at > 0 and text[at - 1] == "'":
            at -= 1  # a doubled '' inside single quotes
            continue
        return at
    return None


def _backslashes_before(text: str, at: int) -> int:
    """How many backslashes stand just before `at`, counted back from it: each quote's
    run is its own, so a file of many `\\"` is read once (a copy of the text before each
    took 42 s on 223 KB of them)."""
    count = 0
    while at - count > 0 and text[at - count - 1] == "\\":
        count += 1
    return count


def _place(text: str, offset: int) -> tuple[int, int]:
    return text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)
