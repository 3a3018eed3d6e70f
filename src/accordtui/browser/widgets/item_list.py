"""A virtualised list with the keys people expect from pagers and editors."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from accordtui.browser.widgets.hanging import Hanging
from accordtui.rendering.blocks import Row

BRIEF_LINES = 2
"""A brief row (a Source paragraph's number and first words) takes two lines at most
where the list is narrow: on one, at 80 columns, it showed a word or two."""
BRIEF_WIDE = 40
"""From this many cells of text one line holds enough of a brief row's words."""


def row_option(row: Row, ours: str, *, one_line: bool = False) -> Option:
    """An entry of the list, or a group heading that the cursor passes over; a grouping
    of ours (italic) says so in words, `ours`, as the release's subheadings (bold) do not."""
    if row.key is None:
        if row.editorial:
            heading = Content.styled(row.text, "italic") + Content.styled(f" {ours}", "dim")
            return Option(heading, disabled=True)
        return Option(Content.styled(row.text, "bold"), disabled=True)
    marker = "  " * row.depth + "• "
    if row.brief and not one_line:
        return Option(Hanging(marker, row.text, most=BRIEF_LINES, wide=BRIEF_WIDE), id=row.key)
    return Option(Hanging(marker, row.text, most=1 if one_line else None), id=row.key)


class ItemList(OptionList):
    """An OptionList that also answers to vi-style keys.

    | Key(s) | Description |
    | :- | :- |
    | j, down | Next item. |
    | k, up | Previous item. |
    | g, home | First item. |
    | G, end | Last item. |
    | (at either end) | Stay: the list does not wrap round. |
    | enter | Open the highlighted item. |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor_down", "Down", show=False, id="list.down"),
        Binding("up,k", "cursor_up", "Up", show=False, id="list.up"),
        Binding("home,g", "first", "First", show=False, id="list.first"),
        Binding("end,G", "last", "Last", show=False, id="list.last"),
        Binding("enter", "select", "Open", show=False, id="list.open"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self._shown: object = None
        """What the options were made from, as `fill` was told."""

    def fill(self, shown: object, options: Callable[[], Iterable[Option]]) -> None:
        """Show the options `options` makes from `shown`, unless they are shown already:
        a file saved again that changed nothing here does not make thousands again."""
        if shown == self._shown:
            return
        self.clear_options()
        self.add_options(options())
        self._shown = shown

    def forget(self) -> None:
        """What the options say may have changed: the next `fill` makes them again."""
        self._shown = None

    def on_resize(self) -> None:
        """A window made smaller (or panes stacked) keeps the highlighted entry in view."""
        self.call_after_refresh(self.scroll_to_highlight)

    def action_cursor_down(self) -> None:
        self._step(1)

    def action_cursor_up(self) -> None:
        self._step(-1)

    def _step(self, direction: int) -> None:
        """Move to the next enabled option; stop at the ends instead of wrapping round."""
        if self.highlighted is None:
            self.action_first() if direction > 0 else self.action_last()
            return
        index = self.highlighted + direction
        while 0 <= index < self.option_count:
            if not self.get_option_at_index(index).disabled:
                self.highlighted = index
                return
            index += direction

    def action_page_down(self) -> None:
        # OptionList raises KeyError when paging before new options are laid out
        # (options just replaced, keys typed fast): then the last item is the page end.
        try:
            super().action_page_down()  # type: ignore[no-untyped-call]
        except KeyError:
            self.action_last()

    def action_page_up(self) -> None:
        try:
            super().action_page_up()  # type: ignore[no-untyped-call]
        except KeyError:
            self.action_first()
