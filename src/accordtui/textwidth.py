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

_ZERO_CATEGORIES = frozenset({"Mn", "Me", "Mc", "Cf"})
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
_BREAK_INSIDE = re.compile(
    f"(?<=[{_CJK}])(?<![「『（【〔〈《〘〖｛［〝])(?=[{_CJK}])"
    "(?![、。，．・：；？！ー々ゝゞヽヾ」』）】〕〉》〙〗｝］〟゛゜ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ])"
)
"""Where a line may break without a space: between two CJK characters, except after
opening or before closing punctuation and small kana (Japanese kinsoku)."""
_SPLIT = re.compile(f"( +)|{_BREAK_INSIDE.pattern}")


@cache
def char_width(char: str) -> int:
    """Cells one character takes: 0 (combining, joiner), 1, or 2 (wide, fullwidth)."""
    if char in _PREPENDED:
        return 1
    if (
        unicodedata.category(char) in _ZERO_CATEGORIES
        or "\u1160" <= char <= "\u11ff"  # Hangul medial vowels and final consonants
        or "\ud7b0" <= char <= "\ud7ff"
        or char in _HANGUL_FILLERS
    ):
        return 0
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def cell_width(text: str) -> int:
    """Cells a single line of text takes in a terminal."""
    if NARROW.fullmatch(text):
        return len(text)
    return sum(map(char_width, text))


def _tokens(paragraph: str) -> list[tuple[str, int, str]]:
    """(text, cells, glue) per unbreakable run; glue joins it to the run before."""
    if NARROW.fullmatch(paragraph):
        return [(word, len(word), " ") for word in paragraph.split(" ") if word]
    parts = _SPLIT.split(paragraph)  # run, separator, run, …: spaces or None (CJK break)
    tokens: list[tuple[str, int, str]] = []
    glue = " "
    for index in range(0, len(parts), 2):
        run = parts[index]
        if run:
            tokens.append((run, char_width(run) if len(run) == 1 else cell_width(run), glue))
            glue = ""
        if index + 1 < len(parts) and parts[index + 1]:
            glue = " "
    return tokens


def wrap(text: str, width: int, first: str = "", rest: str = "") -> str:
    """Greedy wrap to `width` cells; `first` and `rest` prefix the first and later lines.

    Breaks at spaces (a no-break space stays inside its word) and between CJK
    characters, where Chinese and Japanese break; a longer word overflows rather
    than being cut. textwrap is 4× slower, which shows at 10,000 entries.
    """
    lines: list[str] = []
    rest_cells = cell_width(rest)
    for number, paragraph in enumerate(text.split("\n")):
        line = first if number == 0 else rest
        used = cell_width(line)
        bare = True
        for word, cells, glue in _tokens(paragraph):
            if bare:
                line, used, bare = line + word, used + cells, False
            elif used + len(glue) + cells > width:
                lines.append(line)
                line, used = rest + word, rest_cells + cells
            else:
                line, used = f"{line}{glue}{word}", used + len(glue) + cells
        lines.append(line.rstrip() if bare else line)
    return "\n".join(lines)
