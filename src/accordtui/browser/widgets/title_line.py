"""The top row: the section (where the tabs do not fit), the title cut to fit, the language."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual.widget import Widget


class TitleLine(Widget, can_focus=False):
    """`3/6 Objectifs` (only where the screen has `-compact-tabs`), the agreement's title
    cut with "…" to the room left, our mark when the title is ours, the language shown.

    Drawn as one line of one widget: as four labels in a row it was five widgets, each
    styled on its own before the first frame.
    """

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "title-line--section",
        "title-line--title",
        "title-line--mark",
        "title-line--lang",
    }

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._section = self._title = self._mark = self._lang = ""

    def show(self, *, section: str | None = None, title: str | None = None) -> None:
        """The section's indicator, or the title, changed."""
        self._section = self._section if section is None else section
        self._title = self._title if title is None else title
        self.refresh()

    def relabel(self, title: str, mark: str, lang: str) -> None:
        """The title (`mark`: our mark after it, or empty) and the language, in new words."""
        self._title, self._mark, self._lang = title, mark, lang
        self.refresh()

    def render(self) -> Text:
        style = self.get_component_rich_style
        row = Text(no_wrap=True, overflow="crop", end="")
        if self.screen.has_class("-compact-tabs"):
            row.append(f" {self._section}", style("title-line--section"))
        mark = f" {self._mark}" if self._mark else ""
        lang = f" {self._lang} "
        room = self.size.width - row.cell_len - cell_len(mark) - cell_len(lang) - 1
        if room > 0:  # the title takes the room left, cut with "…" where it is short
            title = Text(self._title, end="")
            title.truncate(room, overflow="ellipsis", pad=True)
            row.append(f" {title.plain}", style("title-line--title"))
        row.append(mark, style("title-line--mark"))
        row.append(lang, style("title-line--lang"))
        return row
