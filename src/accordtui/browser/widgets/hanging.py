"""A list entry with a hanging indent: wrapped lines align under the text, not the marker."""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property

from rich.cells import cell_len
from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

from accordtui.browser.styled import cut_lines

LONG_LIST = 500
"""Lists longer than this show each entry on one line, cut with an ellipsis: measuring
thousands of wrapped entries would keep the first screen waiting (the hub benchmark)."""


class Hanging(Visual):
    """`marker` then `text`; the marker starts each entry, so a wrapped entry never reads as two.

    A Textual Visual, wrapped once per width and only when it does not fit on one line.
    With `most` lines (one from `wide` cells), an entry that needs more is cut there
    with an ellipsis.
    `text` may be a function that makes the words when they are first needed: a
    one-line entry needs them only when drawn, so a list of thousands makes a screenful.
    `str()` gives the plain words.
    """

    def __init__(
        self,
        marker: str,
        text: str | Callable[[], str],
        *,
        most: int | None = None,
        wide: int | None = None,
    ) -> None:
        self.marker = marker
        self._text = text
        self.most = most
        self.wide = wide
        self._indent = cell_len(marker)
        self._at_width: dict[int, Content] = {}

    @cached_property
    def text(self) -> str:
        return self._text if isinstance(self._text, str) else self._text()

    @cached_property
    def _width(self) -> int:
        return self._indent + cell_len(self.text)

    def __str__(self) -> str:
        return f"{self.marker}{self.text}"

    def _at(self, width: int) -> Content:
        """The entry laid out in `width` cells, marker and indent in place."""
        laid_out = self._at_width.get(width)
        if laid_out is None:
            if self._width <= width:
                laid_out = Content(f"{self.marker}{self.text}")
            else:
                pad = " " * self._indent
                laid_out = Content("\n").join(
                    Content((self.marker if index == 0 else pad) + line).truncate(width)
                    for index, line in enumerate(self._lines(width - self._indent))
                )
            if len(self._at_width) > 3:  # lists are measured at a few widths, then one
                self._at_width.clear()
            self._at_width[width] = laid_out
        return laid_out

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self._width

    def _lines(self, width: int) -> list[str]:
        """The text's lines at `width`; past `most`, the last is cut after a whole word
        (no fragment reads as a word) and ends with an ellipsis."""
        lines = cut_lines(self.text, max(1, width))
        most = 1 if self.wide is not None and width >= self.wide else self.most
        if most is None or len(lines) <= most:
            return lines
        kept = lines[: most - 1]
        start = 0
        for line in kept:  # where the last line shown starts in the text
            start = self.text.find(line, start) + len(line)
        rest = self.text[start:].lstrip()
        return [*kept, cut_lines(rest, max(1, width - 1))[0].rstrip() + "…"]

    def get_height(self, rules: RulesMap, width: int) -> int:
        if self.most == 1 or self._width <= width:
            return 1
        return self._at(width).plain.count("\n") + 1

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        return self._at(width).render_strips(width, height, style, options)
