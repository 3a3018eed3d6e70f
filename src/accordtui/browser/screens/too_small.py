"""Shown instead of the browser while the terminal is smaller than the layout needs."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.geometry import Size
from textual.screen import Screen
from textual.widgets import Static


class TooSmallScreen(Screen[None]):
    """Names the size needed; the app removes it once the terminal is large enough."""

    def __init__(self, needed: Size) -> None:
        super().__init__()
        self.needed = needed

    def compose(self) -> ComposeResult:
        yield Static(id="too-small", markup=False)

    def on_mount(self) -> None:
        self._show(self.app.size)

    def on_resize(self, event: events.Resize) -> None:
        self._show(event.size)

    def _show(self, now: Size) -> None:
        needed = self.needed
        self.query_one(Static).update(
            f"Terminal too small (needs {needed.width}×{needed.height}, "
            f"now {now.width}×{now.height}). Enlarge it, or press q to quit."
        )
