"""The Textual application: owns the validated agreement and the browser screen."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen

from accordtui.browser.commands import AgreementCommands
from accordtui.browser.screens.browser import BrowserScreen
from accordtui.browser.screens.once import OnceCommandPalette
from accordtui.document import Document
from accordtui.model import Agreement, Lang


class AccordApp(App[None]):
    """Browse a validated agreement. Parsing and validation happen before this starts."""

    CSS_PATH = "app.tcss"
    TITLE = "accordtui"
    COMMANDS: ClassVar = App.COMMANDS | {AgreementCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="quit"),
    ]

    def __init__(
        self, agreement: Agreement, lang: Lang = "fr", theme_name: str | None = None
    ) -> None:
        super().__init__()
        self.document = Document(agreement)
        self._lang: Lang = lang
        self._theme_name = theme_name
        self.clipboard_refusal: str | None = None
        """Why copy cannot reach the reader's clipboard (None: it can); set for web pages."""

    def get_default_screen(self) -> Screen[None]:
        return BrowserScreen(self.document, self._lang)

    def action_command_palette(self) -> None:
        if self.use_command_palette and not OnceCommandPalette.is_open(self):  # type: ignore[arg-type]
            self.push_screen(OnceCommandPalette(id="--command-palette"))

    def on_mount(self) -> None:
        if self._theme_name:
            self.theme = self._theme_name
