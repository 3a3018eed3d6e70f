"""Every key of the browser, read from the bindings themselves so it cannot go stale."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content, Span
from textual.widgets import Label, Static

from accordtui.browser.screens.once import OnceModal

KEYS_WIDTH = 12
"""Widest keys column; longer key lists put their description on the next line."""


def rows_to_content(rows: Iterable[tuple[str, str]]) -> Content:
    """Keys in bold beside their description; a row without keys is a group heading."""
    rows = list(rows)
    width = min(KEYS_WIDTH, max((len(k) for k, _ in rows), default=0)) + 2
    text, spans = "", []
    for keys, description in rows:
        if not keys:
            if text:
                text += "\n"
            spans.append(Span(len(text), len(text) + len(description), "bold underline"))
            text += f"{description}\n"
            continue
        spans.append(Span(len(text) + 2, len(text) + 2 + len(keys), "bold"))
        if len(keys) > KEYS_WIDTH:  # a long list of keys gets its own line
            keys += "\n  "
        text += f"  {keys.ljust(width)}{description}\n"
    return Content(text.rstrip("\n"), spans)


class HelpScreen(OnceModal[None]):
    """A modal list of all keys; any of escape, q, ? or F1 closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close help", id="help.close"),
    ]

    def __init__(self, title: str, rows: list[tuple[str, str]]) -> None:
        super().__init__()
        self._title = title
        self._rows = rows

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog help"):
            yield Label(self._title, classes="dialog-title", markup=False)
            with VerticalScroll(id="help-scroll"):
                yield Static(rows_to_content(self._rows), id="help-keys")

    def on_mount(self) -> None:
        self.query_one("#help-scroll").focus()
