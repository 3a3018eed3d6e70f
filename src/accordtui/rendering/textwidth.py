"""Display width of text in terminal cells, and a word wrap that counts cells.

`len()` counts code points: a CJK ideograph takes two cells and a combining accent
none, so wrapping by `len()` gives Chinese lines twice the width asked for. Widths
come from `rich.cells`, the measure Textual draws with, so an export and the screen
agree on every line; the rendering layer imports that module of Rich and nothing else.

French typography binds punctuation to its word: the space before `:` `;` `!` `?` `»`
and after `«` never breaks a line (`BOUND_SPACE`), whether the text has a no-break
space there or, as the release often does, an ordinary one.
"""

from __future__ import annotations

import re
from functools import cache

from rich.cells import cell_len

NARROW = re.compile("[\x20-\x7e\xa0-\u02ff\u0400-\u0482\u2010-\u2027\u202f-\u205e\u20a0-\u20c0]*")
"""Text made only of these (Latin, Cyrillic, common punctuation) is one cell per character."""

BOUND_SPACE = re.compile(r"(?<=«) | (?=[:;!?»])")
"""A space that French typography binds to the punctuation beside it: no line may start
with `:` `;` `!` `?` `»` or end with `«`. The one place the wraps (text export and the
browser's screen lines) learn it from."""
_BREAK_SPACES = re.compile(r"(?<!«) ++(?![:;!?»])")
"""Spaces a line may break at: every run but one touching bound punctuation."""
_BOUND_MARKS = frozenset(":;!?»«")

_CJK = (
    "\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
    "\uf900-\ufaff\ufe30-\ufe4f\uff01-\uff60\U00020000-\U0003fffd"
)


@cache
def _split() -> re.Pattern[str]:
    """Where a line may break: at spaces (captured) not bound to French punctuation, and
    with no space between two CJK characters, except after opening or before closing
    punctuation and small kana (Japanese kinsoku).

    Compiled at the first wrap: its CJK look-arounds would cost the browser's start 3%
    of a minimal Textual app's, and the browser's first frame wraps nothing this way."""
    return re.compile(
        f"({_BREAK_SPACES.pattern})|(?<=[{_CJK}])(?<![「『（【〔〈《〘〖｛［〝])(?=[{_CJK}])"
        "(?![、。，．・：；？！ー々ゝゞヽヾ」』）】〕〉》〙〗｝］〟゛゜ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ])"
    )


def _narrow(text: str) -> bool:
    """One cell per character; `isascii` answers without reading the text."""
    return text.isascii() or NARROW.fullmatch(text) is not None


def cell_width(text: str) -> int:
    """Cells a single line of text takes in a terminal, as Rich (and so Textual) counts."""
    if _narrow(text):
        return len(text)
    return cell_len(text)


def bind_spaces(text: str, glue: str) -> str:
    """`text` with each `BOUND_SPACE` replaced by `glue`, one character for one, so
    offsets still match: a wrap that breaks at spaces then never breaks there."""
    return BOUND_SPACE.sub(glue, text) if _BOUND_MARKS.intersection(text) else text


def _words(paragraph: str) -> list[str]:
    """The paragraph's unbreakable words; a bound space stays inside its word."""
    if _BOUND_MARKS.isdisjoint(paragraph):
        return paragraph.split(" ")
    return _BREAK_SPACES.split(paragraph)


def _runs(paragraph: str) -> list[tuple[str, int, str]]:
    """(text, cells, glue) per unbreakable run; glue joins it to the run before."""
    parts = _split().split(paragraph)  # run, separator, run, …: spaces or None (CJK break)
    runs: list[tuple[str, int, str]] = []
    glue = " "
    for index in range(0, len(parts), 2):
        run = parts[index]
        if run:
            runs.append((run, cell_width(run), glue))
            glue = ""
        if index + 1 < len(parts) and parts[index + 1]:
            glue = " "
    return runs


def wrap(text: str, width: int, first: str = "", rest: str = "") -> str:
    """Greedy wrap to `width` cells; `first` and `rest` prefix the first and later lines.

    Breaks at spaces (a no-break space stays inside its word, and so does a space
    bound to French punctuation) and between CJK characters, where Chinese and
    Japanese break; a longer word overflows rather than being cut. One cell per
    character is the common case and is measured with `len()`: textwrap is 4× slower,
    which shows at 10,000 entries.
    """
    lines: list[str] = []
    narrow = _narrow(first + rest)
    for number, paragraph in enumerate(text.split("\n")):
        line = first if number == 0 else rest
        if not (narrow and _narrow(paragraph)):
            _fill(paragraph, width, line, rest, lines)
            continue
        bare = True
        for word in _words(paragraph):
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
