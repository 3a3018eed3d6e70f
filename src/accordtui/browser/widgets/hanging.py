"""A list entry with a hanging indent: wrapped lines align under the text, not the marker."""

from __future__ import annotations

from rich.cells import cell_len
from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual


class Hanging(Visual):
    """`marker` then `text`; the marker starts each entry, so a wrapped entry never reads as two.

    A Textual Visual, wrapped once per width: a list of thousands of entries is
    measured without building a layout for each. `str()` gives the plain words.
    """

    def __init__(self, marker: str, text: str) -> None:
        self.marker = marker
        self.text = text
        self._indent = cell_len(marker)
        self._wrapped: tuple[int, Content] | None = None

    def __str__(self) -> str:
        return f"{self.marker}{self.text}"

    def _at(self, width: int) -> Content:
        """The entry wrapped to `width` cells, marker and indent in place."""
        if self._wrapped is None or self._wrapped[0] != width:
            lines = Content(self.text).wrap(max(1, width - self._indent)) or [Content("")]
            pad = " " * self._indent
            parts = [
                Content(self.marker if index == 0 else pad) + line
                for index, line in enumerate(lines)
            ]
            self._wrapped = (width, Content("\n").join(parts))
        return self._wrapped[1]

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self._indent + cell_len(self.text)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return len(self._at(width).plain.split("\n"))

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        return self._at(width).render_strips(width, height, style, options)
