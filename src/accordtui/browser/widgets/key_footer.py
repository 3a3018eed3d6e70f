"""The key bar at the bottom: Textual's Footer, rebuilt in its own task and only on change."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class KeyFooter(Footer):
    """Textual's Footer, minus a hang when the terminal shrinks below the minimum size.

    Textual's Footer rebuilds its keys with `call_after_refresh`, which runs on whichever
    screen is on top. When the bindings change just as TooSmallScreen is pushed, the rebuild
    runs in that screen's task; popping it mid-rebuild leaves the rebuild waiting for ever,
    holding the app's update batch, and nothing is drawn again (issue 13, a fast resize).
    `refresh(recompose=True)` rebuilds in the footer's own task instead.

    A rebuild that would draw the same keys is skipped: the browser refreshes its
    bindings on every resize and relabel, and each rebuild mounts a widget per key.
    """

    _drawn: tuple[object, ...] | None = None

    def bindings_changed(self, screen: Screen[object]) -> None:
        self._bindings_ready = True
        if not (screen.app.app_focus and self.is_attached and screen is self.screen):
            return
        keys = self._keys()
        if keys != self._drawn:
            self._drawn = keys
            self.refresh(recompose=True)

    def _keys(self) -> tuple[object, ...]:
        """Everything `compose` reads to draw the keys: the shown bindings, and the
        palette's (hidden) one when its key is drawn. A focus change that only brings
        other hidden bindings draws nothing new."""
        palette = self.app.COMMAND_PALETTE_BINDING if self.show_command_palette else None
        return tuple(
            (binding, self.app.get_key_display(binding), enabled, tooltip)
            for key, (_, binding, enabled, tooltip) in self.screen.active_bindings.items()
            if binding.show or key == palette
        )
