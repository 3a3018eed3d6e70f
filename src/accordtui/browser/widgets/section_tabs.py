"""The section tabs: six names on a row and a bar under the current one, one widget."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.cells import cell_len
from rich.console import Group
from rich.style import Style
from rich.text import Text
from textual import events
from textual.message import Message
from textual.reactive import reactive
from textual.renderables.bar import Bar
from textual.widget import Widget

from accordtui.rendering.labels import SECTIONS, Section


class SectionTabs(Widget, can_focus=False):
    """Drawn as Textual's Tabs draws them (names, then an underline that slides to the
    current one), but as one widget: Tabs is ten widgets, each styled on its own before
    the first frame. Reached with the number keys or the mouse, not with tab.
    """

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "section-tabs--tab",
        "section-tabs--active",
        "section-tabs--bar",
    }

    active: reactive[Section] = reactive[Section]("overview")
    """The section shown; the bar slides under it."""
    _bar_start = reactive(0.0)
    _bar_end = reactive(0.0)
    _hover: reactive[int | None] = reactive(None)

    class Clicked(Message):
        """A tab (or the bar under it) was clicked: the reader asks for that section."""

        def __init__(self, tabs: SectionTabs, section: Section) -> None:
            super().__init__()
            self.tabs = tabs
            self.section: Section = section

        @property
        def control(self) -> SectionTabs:
            """The tabs clicked (`@on(SectionTabs.Clicked, "#sections")` matches on it)."""
            return self.tabs

    def __init__(self, names: Sequence[str], active: Section, *, id: str | None = None) -> None:
        """`names`: each section's tab name, in `SECTIONS` order."""
        super().__init__(id=id)
        self._names = tuple(names)
        self.set_reactive(SectionTabs.active, active)
        start, end = self._span(active)
        self.set_reactive(SectionTabs._bar_start, float(start))
        self.set_reactive(SectionTabs._bar_end, float(end))

    def relabel(self, names: Sequence[str]) -> None:
        """New names (the other language): the bar moves at once under the same tab."""
        if tuple(names) != self._names:
            self._names = tuple(names)
            self._bar_start, self._bar_end = map(float, self._span(self.active))
            self.refresh()

    def _span(self, section: Section) -> tuple[int, int]:
        """Cells of `section`'s name on the row (each name is followed by one blank)."""
        index = SECTIONS.index(section)
        start = sum(cell_len(name) + 1 for name in self._names[:index])
        return start, start + cell_len(self._names[index])

    def watch_active(self, section: Section) -> None:
        start, end = self._span(section)
        self.animate("_bar_start", float(start), duration=0.3, level="basic")
        self.animate("_bar_end", float(end), duration=0.3, level="basic")

    def render(self) -> Group:
        tab = self.get_component_rich_style("section-tabs--tab")
        current = self.get_component_rich_style("section-tabs--active")
        row = Text(no_wrap=True, overflow="crop")
        for index, (section, name) in enumerate(zip(SECTIONS, self._names, strict=True)):
            shown = section == self.active or index == self._hover
            row.append(name, current if shown else tab)
            row.append(" ")
        bar = self.get_component_rich_style("section-tabs--bar")
        underline = Bar(
            highlight_range=(self._bar_start, self._bar_end),
            highlight_style=Style.from_color(bar.color),
            background_style=Style.from_color(bar.bgcolor),
        )
        return Group(row, underline)

    def _section_at(self, x: int) -> int | None:
        """The tab at cell `x` (its name and the blank after it), on either row."""
        start = 0
        for index, name in enumerate(self._names):
            end = start + cell_len(name) + 1
            if start <= x < end:
                return index
            start = end
        return None

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._hover = self._section_at(event.x)

    def on_leave(self) -> None:
        self._hover = None

    def on_click(self, event: events.Click) -> None:
        index = self._section_at(event.x)
        if index is not None:
            self.post_message(self.Clicked(self, SECTIONS[index]))
