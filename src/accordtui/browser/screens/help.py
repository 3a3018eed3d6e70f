"""Every key of the browser, read from the bindings themselves so it cannot go stale."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content, Span
from textual.widgets import Label, Static

from accordtui.browser.screens.once import OnceModal


def binding_rows(
    bindings: Iterable[BindingType], display: Callable[[Binding], str]
) -> list[tuple[str, str]]:
    """(keys as the user types them, description) for each described binding."""
    rows: list[tuple[str, str]] = []
    for binding in bindings:
        if isinstance(binding, Binding) and binding.description:
            keys = [Binding(k.strip(), binding.action) for k in binding.key.split(",")]
            rows.append((", ".join(display(k) for k in keys), binding.description))
    return rows


def rows_to_content(rows: Iterable[tuple[str, str]]) -> Content:
    rows = list(rows)
    width = max((len(k) for k, _ in rows), default=0) + 2
    text, spans = "", []
    for keys, description in rows:
        spans.append(Span(len(text), len(text) + len(keys), "bold"))
        text += f"{keys.ljust(width)}{description}\n"
    return Content(text.rstrip("\n"), spans)


class HelpScreen(OnceModal[None]):
    """A modal list of all keys; any of escape, q, ? or F1 closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close help", id="help.close"),
    ]

    def __init__(self, rows: list[tuple[str, str]]) -> None:
        super().__init__()
        self._rows = rows

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog help"):
            yield Label("Keys — ↑↓ scroll, escape closes", classes="dialog-title")
            with VerticalScroll(id="help-scroll"):
                yield Static(rows_to_content(self._rows), id="help-keys")

    def on_mount(self) -> None:
        self.query_one("#help-scroll").focus()
