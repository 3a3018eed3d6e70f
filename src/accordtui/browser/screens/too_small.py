"""Shown instead of the browser while the terminal is smaller than the layout needs."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.geometry import Size
from textual.screen import Screen
from textual.widgets import Static

from accordtui.browser.tcss import beside
from accordtui.rendering.labels import Labels

SHORT_ROWS = 18
"""Below this many rows, screens drop frames and padding (the `-short` class in app.tcss
and dialogs.tcss). Here, not with the dialogs that also use it: the main screen's first
frame needs it."""


class TooSmallScreen(Screen[None]):
    """Names the size needed; the app removes it once the terminal is large enough."""

    DEFAULT_CSS = beside(__file__, "too_small.tcss")

    def __init__(self, needed: Size, words: Labels) -> None:
        super().__init__()
        self.needed = needed
        self._words = words

    def compose(self) -> ComposeResult:
        yield Static(id="too-small", markup=False)

    def on_mount(self) -> None:
        self._show(self.app.size)

    def on_resize(self, event: events.Resize) -> None:
        self._show(event.size)

    def _show(self, now: Size) -> None:
        needed = self.needed
        self.query_one(Static).update(
            self._words.too_small.format(
                needed=f"{needed.width}×{needed.height}", now=f"{now.width}×{now.height}"
            )
        )
