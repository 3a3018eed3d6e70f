"""Find-in-document bar: reports queries after a pause in typing."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input, Label

DEBOUNCE_SECONDS = 0.15


class SearchBar(Horizontal):
    """An input and a match counter, docked under the panes.

    | Key(s) | Description |
    | :- | :- |
    | enter | Jump to the first match. |
    | escape | Close the search and clear highlights. |
    """

    DEFAULT_CSS = """
    SearchBar { height: 1; display: none; }
    SearchBar.-open { display: block; }
    SearchBar > Input, SearchBar > Input:focus {
        width: 1fr; height: 1; border: none; padding: 0 1;
    }
    SearchBar > Label { width: auto; padding: 0 1; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close search", id="search.close"),
    ]

    class QueryChanged(Message):
        """The user paused typing; `query` is what the input holds now."""

        def __init__(self, query: str) -> None:
            super().__init__()
            self.query = query

    class Submitted(Message):
        """The user pressed enter in the search input."""

        def __init__(self, query: str) -> None:
            super().__init__()
            self.query = query

    class Closed(Message):
        """The user closed the search."""

    _timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Input(id="search-input", placeholder="/ …", select_on_focus=False)
        yield Label("", id="search-count", markup=False)

    @property
    def is_open(self) -> bool:
        return self.has_class("-open")

    def _set_open(self, is_open: bool) -> None:
        """The screen's keys depend on it: escape closes the search while it is open."""
        self.set_class(is_open, "-open")
        self.screen.refresh_bindings()

    def open(self) -> None:
        self._set_open(True)
        # Focus now, not after the next refresh, so keys typed right after / land here.
        self.screen.set_focus(self.query_one(Input))

    def show_query(self, query: str) -> None:
        """Open with `query` in the field, leaving the focus where it is."""
        self._set_open(True)
        field = self.query_one(Input)
        field.value = query
        field.cursor_position = len(query)  # what is typed next goes after it

    def action_close(self) -> None:
        self._set_open(False)
        self.query_one(Input).value = ""
        self.post_message(self.Closed())

    def set_placeholder(self, text: str) -> None:
        self.query_one(Input).placeholder = text

    def show_count(self, text: str) -> None:
        self.query_one("#search-count", Label).update(text)

    @on(Input.Changed, "#search-input")
    def _debounce(self, event: Input.Changed) -> None:
        event.stop()
        if self._timer is not None:
            self._timer.stop()
        query = event.value
        self._timer = self.set_timer(
            DEBOUNCE_SECONDS, lambda: self.post_message(self.QueryChanged(query))
        )

    @on(Input.Submitted, "#search-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self._timer is not None:
            self._timer.stop()
        self.post_message(self.Submitted(event.value))
