"""The key bar at the bottom: every shown key drawn as one line of one widget."""

from __future__ import annotations

from typing import ClassVar, NamedTuple

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget


class FooterEntry(NamedTuple):
    """One key as drawn: what to press, what it shows, whether it does anything now."""

    key: str
    display: str
    description: str
    enabled: bool
    apart: bool = False
    """Drawn at the right end, set apart (the palette's key)."""


class KeyFooter(Widget, can_focus=False):
    """The shown bindings, as Textual's Footer draws them, but as a single widget.

    Textual's Footer mounts a widget per key and mounts them again whenever the bindings
    change (four times before our first frame); each is styled on its own. Drawn as one
    line, the bar costs one render, and a change of bindings repaints it (no rebuild, so
    no rebuild can be left waiting on a screen that is popped: issue 13's hang).
    """

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "key-footer--key",
        "key-footer--description",
        "key-footer--hover",
        "key-footer--separator",
    }

    show_command_palette = reactive(False)
    """Also draw the palette's (hidden) key, at the right end of the bar."""
    _hover: reactive[int | None] = reactive(None)

    def __init__(self, *, show_command_palette: bool = False) -> None:
        super().__init__()
        self.set_reactive(KeyFooter.show_command_palette, show_command_palette)
        self._drawn: tuple[FooterEntry, ...] | None = None
        """The keys as last read (None: never read yet)."""
        self._reading = False
        self._spans: list[tuple[int, int, FooterEntry]] = []
        """Cells each drawn key covers, for the mouse."""

    def watch_show_command_palette(self) -> None:
        self._drawn = None  # read again at the repaint this change brings

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        """Bindings change in bursts (mount, focus, resize, relabel each refresh them):
        the keys are read once after a burst, and the bar repaints only if they changed."""
        if self.is_attached and screen is self.screen and not self._reading:
            self._reading = True
            self.call_later(self._read_keys)

    def _read_keys(self) -> None:
        """Not before the bar is first drawn: drawing reads them (the bindings change
        at mount and at the first focus, and were read for each, before the first frame)."""
        self._reading = False
        if self._drawn is None:
            return
        entries = self.entries()
        if entries != self._drawn:
            self._drawn = entries
            self.refresh()

    def entries(self) -> tuple[FooterEntry, ...]:
        """The keys the bar shows, one per action, then the palette's when asked."""
        active = self.screen.active_bindings
        by_action: dict[str, FooterEntry] = {}
        for _, binding, enabled, _tooltip in active.values():
            if binding.show and binding.action not in by_action:
                display = self.app.get_key_display(binding)
                by_action[binding.action] = FooterEntry(
                    binding.key, display, binding.description, enabled
                )
        palette = active.get(self.app.COMMAND_PALETTE_BINDING)
        if self.show_command_palette and palette is not None:
            binding = palette.binding
            display = self.app.get_key_display(binding)
            by_action["\0palette"] = FooterEntry(
                binding.key, display, binding.description, palette.enabled, apart=True
            )
        return tuple(by_action.values())

    def render(self) -> Text:
        entries = self._drawn if self._drawn is not None else self.entries()
        self._drawn = entries
        line = Text(no_wrap=True, overflow="crop", end="")
        self._spans = []
        for index, entry in enumerate(entries):
            if entry.apart:
                self._append_palette(line, entry, index)
            else:
                self._append(line, entry, index)
        return line

    def _append(self, line: Text, entry: FooterEntry, index: int) -> None:
        """` q Quitter `: the key in the key's colours, then what it does."""
        start = line.cell_len
        dim = Style(dim=not entry.enabled)
        hover = None
        if index == self._hover:  # the background only, as Textual's footer does
            hover = Style(bgcolor=self.get_component_rich_style("key-footer--hover").bgcolor)
        key_style = self.get_component_rich_style("key-footer--key") + dim + hover
        line.append(f" {entry.display} ", key_style)
        description = self.get_component_rich_style("key-footer--description") + dim + hover
        line.append(f"{entry.description} ", description)
        self._spans.append((start, line.cell_len, entry))

    def _append_palette(self, line: Text, entry: FooterEntry, index: int) -> None:
        """The palette's key at the right end, set apart by a rule on its left."""
        width = cell_len(f"▏ {entry.display} {entry.description}  ")
        line.pad_right(max(0, self.size.width - line.cell_len - width))
        line.append("▏", self.get_component_rich_style("key-footer--separator"))
        self._append(line, entry, index)
        line.append(" ")

    def _entry_at(self, x: int) -> tuple[int, FooterEntry] | None:
        """The key drawn at cell `x`, and its place in the bar."""
        for index, (start, end, entry) in enumerate(self._spans):
            if start <= x < end:
                return index, entry
        return None

    def on_mouse_move(self, event: events.MouseMove) -> None:
        found = self._entry_at(event.x)
        self._hover = found[0] if found else None

    def on_leave(self) -> None:
        self._hover = None

    def on_mouse_down(self, event: events.MouseDown) -> None:
        """A click on a key does what pressing it does; a dimmed key only rings."""
        found = self._entry_at(event.x)
        if found is None:
            return
        _, entry = found
        if entry.enabled:
            self.app.simulate_key(entry.key)
        else:
            self.app.bell()
