"""Display width of text in terminal cells, and a word wrap that counts cells.

`len()` counts code points: a CJK ideograph takes two cells and a combining accent
none, so wrapping by `len()` gives Chinese lines twice the width asked for. Widths
come from Unicode properties (East Asian Width, general category), as terminals
and `wcwidth` decide them; the data layer stays free of Rich and Textual.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

_ZERO_CATEGORIES = frozenset({"Mn", "Me", "Cf"})
_PREPENDED = frozenset(
    "\u00ad\u0600\u0601\u0602\u0603\u0604\u0605\u06dd\u070f\u0890\u0891\u08e2\U000110bd\U000110cd"
)
"""Format characters that terminals draw one cell wide (soft hyphen, Arabic number signs)."""
_HANGUL_FILLERS = frozenset("\u3164\uffa0")

NARROW = re.compile("[\x20-\x7e\xa0-\u02ff\u0400-\u0482\u2010-\u2027\u202f-\u205e\u20a0-\u20c0]*")
"""Text made only of these (Latin, Cyrillic, common punctuation) is one cell per character."""

_CJK = (
    "\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
    "\uf900-\ufaff\ufe30-\ufe4f\uff01-\uff60\U00020000-\U0003fffd"
)
_SPLIT = re.compile(
    f"( +)|(?<=[{_CJK}])(?<![「『（【〔〈《〘〖｛［〝])(?=[{_CJK}])"
    "(?![、。，．・：；？！ー々ゝゞヽヾ」』）】〕〉》〙〗｝］〟゛゜ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ])"
)
"""Where a line may break: at spaces (captured), and with no space between two CJK
characters, except after opening or before closing punctuation and small kana
(Japanese kinsoku)."""


@cache
def char_width(char: str) -> int:
    """Cells one character takes after a base: 0 (combining, joiner), 1, or 2 (wide).

    A spacing mark (Mc, as in Devanagari का) takes a cell of its own, as glibc's
    wcwidth and `wcwidth.wcswidth` count it; a non-spacing one (é as e + U+0301) none.
    """
    category = unicodedata.category(char)
    if char in _PREPENDED or category == "Mc":
        return 1
    if (
        category in _ZERO_CATEGORIES
        or "\u1160" <= char <= "\u11ff"  # Hangul medial vowels and final consonants
        or "\ud7b0" <= char <= "\ud7ff"
        or char in _HANGUL_FILLERS
    ):
        return 0
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def _narrow(text: str) -> bool:
    """One cell per character; `isascii` answers without reading the text."""
    return text.isascii() or NARROW.fullmatch(text) is not None


def cell_width(text: str) -> int:
    """Cells a single line of text takes in a terminal."""
    if _narrow(text):
        return len(text)
    return sum(map(char_width, text))


def _runs(paragraph: str) -> list[tuple[str, int, str]]:
    """(text, cells, glue) per unbreakable run; glue joins it to the run before."""
    parts = _SPLIT.split(paragraph)  # run, separator, run, …: spaces or None (CJK break)
    runs: list[tuple[str, int, str]] = []
    glue = " "
    for index in range(0, len(parts), 2):
        run = parts[index]
        if run:
            runs.append((run, char_width(run) if len(run) == 1 else cell_width(run), glue))
            glue = ""
        if index + 1 < len(parts) and parts[index + 1]:
            glue = " "
    return runs


def wrap(text: str, width: int, first: str = "", rest: str = "") -> str:
    """Greedy wrap to `width` cells; `first` and `rest` prefix the first and later lines.

    Breaks at spaces (a no-break space stays inside its word) and between CJK
    characters, where Chinese and Japanese break; a longer word overflows rather
    than being cut. One cell per character is the common case and is measured
    with `len()`: textwrap is 4× slower, which shows at 10,000 entries.
    """
    lines: list[str] = []
    narrow = _narrow(first + rest)
    for number, paragraph in enumerate(text.split("\n")):
        line = first if number == 0 else rest
        if not (narrow and _narrow(paragraph)):
            _fill(paragraph, width, line, rest, lines)
            continue
        bare = True
        for word in paragraph.split(" "):
            if not word:
                continue
            if not bare and len(line) + 1 + len(word) > width:
                lines.append(line)
                line = rest + word
            else:
                line, bare = (line + word if bare else f"{line} {word}"), False
        lines.append(line.rstrip() if bare else line)
    return "\n".join(lines)


def _fill(paragraph: str, width: int, line: str, rest: str, lines: list[str]) -> None:
    """Any script: runs measured in cells, joined by a space or, between CJK, nothing."""
    used, rest_cells, bare = cell_width(line), cell_width(rest), True
    for run, cells, glue in _runs(paragraph):
        if bare:
            line, used, bare = line + run, used + cells, False
        elif used + len(glue) + cells > width:
            lines.append(line)
            line, used = rest + run, rest_cells + cells
        else:
            line, used = line + glue + run, used + len(glue) + cells
    lines.append(line.rstrip() if bare else line)
