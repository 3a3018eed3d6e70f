"""The Textual application: owns the validated agreement and the browser screen."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen

from accordtui.browser.commands import AgreementCommands
from accordtui.browser.keys import key_display
from accordtui.browser.screens.browser import BrowserScreen
from accordtui.browser.screens.once import OnceCommandPalette
from accordtui.document import Document
from accordtui.labels import labels_for
from accordtui.model import Agreement, Lang


class AccordApp(App[None]):
    """Browse a validated agreement. Parsing and validation happen before this starts."""

    CSS_PATH = "app.tcss"
    TITLE = "accordtui"
    COMMANDS: ClassVar = {AgreementCommands}
    """Only our commands: Textual's system commands speak English and some fail here."""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="quit"),
        Binding("ctrl+p", "command_palette", "Palette", show=False, priority=True, id="palette"),
    ]

    def __init__(
        self, agreement: Agreement, lang: Lang = "fr", theme_name: str | None = None
    ) -> None:
        super().__init__()
        self.document = Document(agreement)
        self._lang: Lang = lang
        self._theme_name = theme_name
        self.browser: BrowserScreen | None = None
        self.clipboard_refused = False
        """Copy cannot reach the reader's clipboard: a web page that is not secure."""

    def get_default_screen(self) -> Screen[None]:
        self.browser = BrowserScreen(self.document, self._lang)
        return self.browser

    def action_command_palette(self) -> None:
        if self.use_command_palette and not OnceCommandPalette.is_open(self):  # type: ignore[arg-type]
            placeholder = labels_for(
                self.browser.lang if self.browser else self._lang
            ).palette_placeholder
            self.push_screen(OnceCommandPalette(placeholder=placeholder, id="--command-palette"))

    def get_key_display(self, binding: Binding) -> str:
        """Key names as the reader's keyboard prints them (footer and help use this)."""
        lang = self.browser.lang if self.browser else self._lang
        return key_display(super().get_key_display(binding), labels_for(lang))

    def on_mount(self) -> None:
        if self._theme_name:
            self.theme = self._theme_name
