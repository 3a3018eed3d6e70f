"""Textual's screen lines of a paragraph, found without a `Content` for each line.

Wrapping a megabyte through `Content.wrap` builds and trims a `Content` per line:
about a second of work, which the detail pane does a piece at a time between key
presses. Text of one cell a character (Latin, French, most punctuation) needs only
the greedy rule Textual applies (Rich's `divide_line`), on offsets: a tenth of the
time. Other text (wide or combining characters) still goes through `Content.wrap`.
A test holds the two equal over generated paragraphs.
"""

from __future__ import annotations

import re
from itertools import pairwise

from textual.content import Content

from accordtui.rendering.textwidth import NARROW

_WORD = re.compile(r"(\s*\S+)\s*")
"""A word as Rich reads it: its spaces before (at the start of a text) and after."""


def lines_of(paragraph: str, width: int) -> list[str]:
    """`paragraph` (no line break) as Textual wraps it to `width` cells, one string a line."""
    width = max(1, width)
    if NARROW.fullmatch(paragraph) is None:  # tabs and controls too: Textual changes them
        return [line.plain for line in Content(paragraph).wrap(width)] or [""]
    bounds = [0, *_breaks(paragraph, width), len(paragraph)]
    last = len(bounds) - 2
    return [
        (paragraph[start:end] if index == last else paragraph[start:end].rstrip())[:width]
        for index, (start, end) in enumerate(pairwise(bounds))
    ]


def _breaks(text: str, width: int) -> list[int]:
    """Where lines start after the first: a word goes on while it fits without its
    trailing spaces; a word longer than a line is cut every `width` characters."""
    breaks: list[int] = []
    column = 0
    for word in _WORD.finditer(text):
        start, end = word.span()
        length = word.end(1) - start
        if width - column >= length:
            column += end - start
        elif length > width:
            cuts = range(start, end, width)
            breaks.extend(cut for cut in cuts if cut)
            column = end - cuts[-1]
        elif column and start:
            breaks.append(start)
            column = end - start
    return breaks
