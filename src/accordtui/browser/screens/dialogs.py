"""Modal dialogs with typed results."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label

from accordtui.browser.screens.once import OnceModal
from accordtui.rendering.labels import Labels
from accordtui.writing.atomic import WriteError, resolve_target
from accordtui.writing.inert import inert


class ExportDialog(OnceModal[Path | None]):
    """Ask where to write an exported section; dismisses with the path or None.

    A path that cannot be a file (no such user, too long, missing folder, a device)
    is refused here with a one-line reason, and the dialog stays open to fix it.
    """

    DEFAULT_CSS = """
    ExportDialog #export-error {
        color: $error;
        display: none;
        width: 100%;
    }
    ExportDialog #export-error.-shown {
        display: block;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="export.cancel"),
    ]

    def __init__(self, title: str, default_name: str, words: Labels) -> None:
        super().__init__()
        self._title = title
        self._default_name = default_name
        self._words = words

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self._title, classes="dialog-title", markup=False)
            yield Input(self._default_name, id="export-path", select_on_focus=False)
            yield Label("", id="export-error", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(self._words.export_button, variant="primary", id="export-ok")
                yield Button(self._words.cancel_button, id="export-cancel")

    @on(Input.Submitted, "#export-path")
    @on(Button.Pressed, "#export-ok")
    def _accept(self) -> None:
        value = self.query_one("#export-path", Input).value.strip()
        if not value:
            return
        try:
            path = resolve_target(value)
        except WriteError as error:
            shown = self.query_one("#export-error", Label)
            shown.update(inert(error.worded(self._words)))
            shown.add_class("-shown")
            return
        self.dismiss(path)

    @on(Button.Pressed, "#export-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmDialog(OnceModal[bool]):
    """A yes/no question; dismisses with True only on an explicit yes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y,o", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
    ]

    def __init__(self, question: str, words: Labels) -> None:
        super().__init__()
        self._question = question
        self._words = words

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self._question, classes="dialog-title", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(self._words.yes_button, variant="warning", id="confirm-yes")
                yield Button(self._words.no_button, variant="primary", id="confirm-no")

    def on_mount(self) -> None:
        self.query_one("#confirm-no", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "confirm-yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
