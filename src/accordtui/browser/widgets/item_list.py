"""A virtualised list with the keys people expect from pagers and editors."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import chain, islice
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
FIRST_ROWS = 200
"""Rows made before the first frame: a screenful and more. The hub entry's 5,714 links
(or a section's thousands of entries) come after it, and no sooner than needed."""


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
        self._rest: Iterator[Option] | None = None
        """Options past the first `FIRST_ROWS`, not made yet."""

    def fill(self, shown: object, options: Callable[[], Iterable[Option]]) -> None:
        """Show the options `options` makes from `shown`, unless they are shown already:
        a file saved again that changed nothing here does not make thousands again.

        The first `FIRST_ROWS` at once, the rest once the screen is drawn, or as soon as
        a row among them is asked for (a key, a highlight, `has_row`)."""
        if shown == self._shown:
            return
        self._rest = None
        self.clear_options()
        made = iter(options())
        first = list(islice(made, FIRST_ROWS + 1))
        self.add_options(first[:FIRST_ROWS])
        self._rest = chain(first[FIRST_ROWS:], made) if len(first) > FIRST_ROWS else None
        if self._rest is not None:
            self.call_after_refresh(self.fill_rest)
        self._shown = shown

    @property
    def filling(self) -> bool:
        """Some rows are still to come (there are more than `FIRST_ROWS`)."""
        return self._rest is not None

    def fill_rest(self) -> None:
        """Every row in the list, now."""
        rest, self._rest = self._rest, None
        if rest is not None:
            self.add_options(rest)

    def has_row(self, index: int) -> bool:
        """Whether the list has row `index`, made now if it was still to come."""
        if index >= self.option_count:
            self.fill_rest()
        return 0 <= index < self.option_count

    def validate_highlighted(self, highlighted: int | None) -> int | None:
        """A row still to come, highlighted (the entry shown, a link gone back to): every
        row is made first, so the highlight lands on it rather than on the last made."""
        if highlighted is not None:
            self.has_row(highlighted)
        return super().validate_highlighted(highlighted)

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
        while self.has_row(index):
            if not self.get_option_at_index(index).disabled:
                self.highlighted = index
                return
            index += direction

    def action_last(self) -> None:
        self.fill_rest()
        super().action_last()

    def action_page_down(self) -> None:
        # OptionList raises KeyError when paging before new options are laid out
        # (options just replaced, keys typed fast): then the last item is the page end.
        self.fill_rest()
        try:
            super().action_page_down()  # type: ignore[no-untyped-call]
        except KeyError:
            self.action_last()

    def action_page_up(self) -> None:
        try:
            super().action_page_up()  # type: ignore[no-untyped-call]
        except KeyError:
            self.action_first()


class EntryList(ItemList):
    """The section's entries: a class as deep below ItemList as LinkList, so that both
    give Textual the same rank for the styles of their bases. Textual ranks a base's
    DEFAULT_CSS by its depth below the widget's class, and a new rank is a new parse:
    with ItemList itself here, OptionList's styles were parsed again as LinkList mounted."""
