"""A list entry with a hanging indent: wrapped lines align under the text, not the marker."""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text


class Hanging:
    """`marker` then `text`; the marker starts each entry, so a wrapped entry never reads as two.

    `str()` gives the plain words, as the list shows them on one line.
    """

    def __init__(self, marker: str, text: str) -> None:
        self.marker = marker
        self.text = text

    def __str__(self) -> str:
        return f"{self.marker}{self.text}"

    def _grid(self) -> Table:
        grid = Table.grid()
        grid.add_column(width=len(self.marker), no_wrap=True)
        grid.add_column(ratio=1)
        grid.add_row(self.marker, Text(self.text))
        return grid

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self._grid()

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self._grid())
