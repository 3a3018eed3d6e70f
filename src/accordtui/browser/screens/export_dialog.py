"""The export dialog: what to export (this section or the whole agreement), in which
format, and to which file; its typed result says all three."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, RadioButton, RadioSet

from accordtui.agreement.lang import Lang
from accordtui.browser.screens.once import OnceModal
from accordtui.rendering.export import FORMATS, Format
from accordtui.rendering.labels import Labels, Section, label
from accordtui.writing.atomic import WriteError, resolve_target
from accordtui.writing.inert import inert

EXTENSIONS: dict[Format, str] = {"text": "txt", "markdown": "md", "json": "json"}
"""The extension a proposed name gets for each format."""
_TYPED: dict[str, Format] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".json": "json",
}
"""Extensions a reader may type, and the format each selects."""


def export_name(scope: str, lang: Lang, fmt: Format = "text") -> str:
    """The file name offered: what is exported, its language, its format's extension."""
    return f"accord-{scope}.{lang}.{EXTENSIONS[fmt]}"


@dataclass(frozen=True)
class ExportChoice:
    """What to export (a section or `all`), how, and where (in a web page: a name)."""

    path: Path
    scope: str
    fmt: Format


class ExportDialog(OnceModal[ExportChoice | None]):
    """Ask what to export, how and where; dismisses with the choice or None.

    The proposed name follows the scope and format chosen; an extension the reader
    types (`.md`, `.json`, `.txt`) selects its format. A path that cannot be a file
    (no such user, too long, missing folder, a device) is refused here with a one-line
    reason, and the dialog stays open. In a web page only the name counts: the file is
    downloaded, nothing is written on the server.
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
    ExportDialog RadioSet, ExportDialog RadioSet:focus {
        layout: horizontal;
        width: 100%;
        border: none;
        padding: 0;
        margin-bottom: 1;
    }
    ExportDialog RadioSet:focus {
        background: $boost;
    }
    ExportDialog RadioSet > RadioButton {
        width: auto;
        margin-right: 2;
    }
    ExportDialog.-short RadioSet {
        margin-bottom: 0;
    }
    ExportDialog.-short RadioSet > RadioButton {
        margin-right: 0;
    }
    """

    AUTO_FOCUS = "#export-path"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="export.cancel"),
    ]

    def __init__(
        self,
        words: Labels,
        section: Section,
        lang: Lang,
        choice: tuple[str, Format],
        web: bool = False,
    ) -> None:
        super().__init__()
        self._words, self._section, self._lang, self._web = words, section, lang, web
        self._scope, self._fmt = choice
        self._proposed = export_name(self._scope, lang, self._fmt)
        self._named = False
        """The reader wrote a name of their own: a new choice changes only its extension."""

    def compose(self) -> ComposeResult:
        words = self._words
        with Vertical(classes="dialog"):
            yield Label(words.export_prompt, classes="dialog-title", markup=False)
            with RadioSet(id="export-scope"):
                yield self._radio(label(self._section, self._lang), "section", self._scope != "all")
                yield self._radio(words.export_all, "all", self._scope == "all")
            with RadioSet(id="export-format"):
                for fmt in FORMATS:
                    yield self._radio(getattr(words, f"format_{fmt}"), fmt, fmt == self._fmt)
            yield Input(self._proposed, id="export-path", select_on_focus=False)
            yield Label("", id="export-error", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(words.export_button, variant="primary", id="export-ok")
                yield Button(words.cancel_button, id="export-cancel")

    @staticmethod
    def _radio(text: str, name: str, chosen: bool) -> RadioButton:
        button = RadioButton(text, chosen, id=f"export-{name}")
        button.label = text  # plain text: a section name is never markup
        return button

    @on(RadioSet.Changed, "#export-scope")
    def _scope_chosen(self, event: RadioSet.Changed) -> None:
        self._scope = "all" if event.pressed.id == "export-all" else self._section
        self._propose()

    @on(RadioSet.Changed, "#export-format")
    def _format_chosen(self, event: RadioSet.Changed) -> None:
        fmt = FORMATS[event.index]
        if fmt != self._fmt:  # not the echo of an extension the reader typed
            self._fmt = fmt
            self._propose()

    def _propose(self) -> None:
        """The proposed name follows the choice; a name the reader wrote keeps its stem."""
        field = self.query_one("#export-path", Input)
        typed = field.value.strip()
        proposed = export_name(self._scope, self._lang, self._fmt)
        if typed and self._named:
            stem = typed[: -len(PurePath(typed).suffix)] if PurePath(typed).suffix else typed
            proposed = f"{stem}.{EXTENSIONS[self._fmt]}"
        self._proposed = proposed
        field.value = proposed

    @on(Input.Changed, "#export-path")
    def _extension_typed(self, event: Input.Changed) -> None:
        self._named = self._named or event.value.strip() != self._proposed
        fmt = _TYPED.get(PurePath(event.value.strip()).suffix.lower())
        if fmt is not None and fmt != self._fmt:
            self._fmt = fmt
            self.query_one(f"#export-{fmt}", RadioButton).value = True

    @on(Input.Submitted, "#export-path")
    @on(Button.Pressed, "#export-ok")
    def _accept(self) -> None:
        value = self.query_one("#export-path", Input).value.strip()
        if not value:
            return
        if self._web:  # a download: only the name reaches the reader's browser
            self.dismiss(
                ExportChoice(Path(PurePath(value).name or "accord"), self._scope, self._fmt)
            )
            return
        try:
            path = resolve_target(value)
        except WriteError as error:
            shown = self.query_one("#export-error", Label)
            shown.update(inert(error.worded(self._words)))
            shown.add_class("-shown")
            return
        self.dismiss(ExportChoice(path, self._scope, self._fmt))

    @on(Button.Pressed, "#export-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
