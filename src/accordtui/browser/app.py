"""The Textual application: owns the validated agreement and the browser screen."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.app import App
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.screen import Screen

from accordtui.browser.commands import AgreementCommands
from accordtui.browser.screens.browser import BrowserScreen
from accordtui.browser.screens.once import OnceCommandPalette
from accordtui.browser.screens.too_small import TooSmallScreen
from accordtui.document import Document
from accordtui.model import Agreement, Lang


class AccordApp(App[None]):
    """Browse a validated agreement. Parsing and validation happen before this starts."""

    CSS_PATH = "app.tcss"
    TITLE = "accordtui"
    COMMANDS: ClassVar = App.COMMANDS | {AgreementCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="quit"),
        Binding("ctrl+z", "suspend_process", "Suspend (fg resumes)", show=False, id="suspend"),
    ]
    MIN_SIZE = Size(40, 16)
    """Below this the browser cannot show a list and a readable detail at once."""

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
        if isinstance(self.screen, TooSmallScreen):
            return
        if self.use_command_palette and not OnceCommandPalette.is_open(self):  # type: ignore[arg-type]
            self.push_screen(OnceCommandPalette(id="--command-palette"))

    def on_mount(self) -> None:
        if self._theme_name:
            self.theme = self._theme_name
        self._fit(self.size)
        self.app_resume_signal.subscribe(self, self._redraw)

    def _redraw(self, _app: App[None]) -> None:
        """After `fg` the terminal shows whatever ran meanwhile: paint every cell again."""
        self.refresh(layout=True)

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size)

    def _fit(self, size: Size) -> None:
        """Cover everything with TooSmallScreen while the terminal is below MIN_SIZE."""
        small = size.width < self.MIN_SIZE.width or size.height < self.MIN_SIZE.height
        shown = isinstance(self.screen, TooSmallScreen)
        if small and not shown:
            self.push_screen(TooSmallScreen(self.MIN_SIZE))
        elif shown and not small:
            self.pop_screen()
