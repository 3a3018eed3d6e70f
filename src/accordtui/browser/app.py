"""The Textual application: owns the validated agreement and the browser screen."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, NamedTuple

from textual import events
from textual.app import App
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.screen import Screen

from accordtui.agreement import collector
from accordtui.agreement.lang import Lang
from accordtui.browser.keys import key_display
from accordtui.browser.screens.browser import BrowserScreen
from accordtui.browser.screens.too_small import TooSmallScreen
from accordtui.rendering.document import Document
from accordtui.rendering.labels import Labels, labels_for

if TYPE_CHECKING:
    from textual.command import Provider

    from accordtui.agreement.model import Agreement
    from accordtui.browser.widgets.live_file import LiveFile


class WatchedFile(NamedTuple):
    """`--watch`: the file to read again on each save, and its size cap."""

    path: Path
    max_bytes: int


def _agreement_commands() -> type[Provider]:
    """The palette's provider, imported when the palette first opens, not at start."""
    from accordtui.browser.commands import AgreementCommands

    return AgreementCommands


class AccordApp(App[None]):
    """Browse a validated agreement. Parsing and validation happen before this starts."""

    CSS_PATH = "app.tcss"
    TITLE = "accordtui"
    COMMANDS: ClassVar = {_agreement_commands}
    """Only our commands: Textual's system commands speak English and some fail here."""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="quit"),
        Binding("ctrl+z", "suspend_process", "Suspend (fg resumes)", show=False, id="suspend"),
        Binding("ctrl+p", "command_palette", "Palette", show=False, priority=True, id="palette"),
    ]
    MIN_SIZE = Size(40, 15)
    """Below this the browser cannot show a list and a readable detail at once."""

    def __init__(
        self,
        agreement: Agreement,
        lang: Lang = "fr",
        theme_name: str | None = None,
        watch: WatchedFile | None = None,
        file_name: str | None = None,
    ) -> None:
        """`file_name` names the agreement's file in exports (printable, escaped)."""
        super().__init__()
        self.document = Document(agreement, file_name)
        self._lang: Lang = lang
        self._theme_name = theme_name
        self._watch = watch
        self.browser: BrowserScreen | None = None
        self.clipboard_refused = False
        """Copy cannot reach the reader's clipboard: a web page that is not secure."""

    @property
    def words(self) -> Labels:
        """The interface words of the language the reader has chosen (`l` toggles it)."""
        return labels_for(self.browser.lang if self.browser else self._lang)

    def get_default_screen(self) -> Screen[None]:
        live = None
        if self._watch is not None:
            from accordtui.browser.widgets.live_file import LiveFile

            words = labels_for(self._lang)
            live = LiveFile(self._watch.path, self._watch.max_bytes, words, self.document)
        self.browser = BrowserScreen(self.document, self._lang, live)
        return self.browser

    def on_live_file_reloaded(self, event: LiveFile.Reloaded) -> None:
        """The screen shows the new document; the old one is let go."""
        self.document = event.document

    def action_command_palette(self) -> None:
        if isinstance(self.screen, TooSmallScreen):
            return
        from accordtui.browser.screens.once import OnceCommandPalette

        if self.use_command_palette and not OnceCommandPalette.is_open(self):  # type: ignore[arg-type]
            placeholder = self.words.palette_placeholder
            self.push_screen(OnceCommandPalette(placeholder=placeholder, id="--command-palette"))

    async def on_event(self, event: events.Event) -> None:
        """A key still queued when the app closes is dropped: its screen may be gone
        already (Textual would look for a screen or its widgets, and fail)."""
        if isinstance(event, events.Key) and not self.is_running:
            return
        await super().on_event(event)

    def get_key_display(self, binding: Binding) -> str:
        """Key names as the reader's keyboard prints them (footer and help use this)."""
        return key_display(super().get_key_display(binding), self.words)

    def on_mount(self) -> None:
        if self._theme_name:
            self.theme = self._theme_name
        self._fit(self.size)
        self.app_resume_signal.subscribe(self, self._redraw)

    def on_ready(self) -> None:
        """The first frame is on screen: the program's start is over."""
        collector.release()

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
            self.push_screen(TooSmallScreen(self.MIN_SIZE, self.words))
        elif shown and not small:
            self.pop_screen()
