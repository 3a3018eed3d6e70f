"""Every key of the browser, read from the bindings themselves so it cannot go stale."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual
from textual.widgets import Label, Static

from accordtui.browser.screens.once import OnceModal
from accordtui.browser.styled import cut_lines
from accordtui.browser.tcss import beside

KEYS_WIDTH = 15
"""Widest keys column (fits "échap, ⌫, alt+←"); longer key lists put their description on
the next line."""


class KeyRows(Visual):
    """Keys in bold beside their description; a row without keys is a group heading.

    A description that wraps continues under itself, not under the keys, so each key
    reads as one entry at any width.
    """

    def __init__(self, rows: Iterable[tuple[str, str]]) -> None:
        self.rows = list(rows)
        self.indent = 2 + min(KEYS_WIDTH, max((len(k) for k, _ in self.rows), default=0)) + 2
        self._at_width: tuple[int, Content] | None = None

    def __str__(self) -> str:
        return self._layout(10_000).plain

    def _layout(self, width: int) -> Content:
        if self._at_width is not None and self._at_width[0] == width:
            return self._at_width[1]
        pad = Content(" " * self.indent)
        lines: list[Content] = []
        for keys, description in self.rows:
            if not keys:
                if lines:
                    lines.append(Content(""))
                lines.append(Content.styled(description, "bold underline"))
                continue
            marker = Content("  ") + Content.styled(keys, "bold")
            if len(keys) > KEYS_WIDTH:  # a long list of keys gets its own line
                lines.append(marker)
                marker = pad
            for index, line in enumerate(cut_lines(description, width - self.indent)):
                lead = marker.pad_right(self.indent - marker.cell_length) if index == 0 else pad
                lines.append(lead + Content(line))
        laid_out = Content("\n").join(lines)
        self._at_width = (width, laid_out)
        return laid_out

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return max(line.cell_length for line in self._layout(10_000).split("\n"))

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self._layout(width).plain.count("\n") + 1

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        return self._layout(width).render_strips(width, height, style, options)


class KeysScroll(VerticalScroll):
    """The help's scrolling pane, with the browser's own keys.

    | Key(s) | Description |
    | :- | :- |
    | j, down / k, up | Scroll a line. |
    | pagedown / pageup | Scroll a page. |
    | g, home / G, end | Scroll to the top / the end. |

    Each press scrolls at once: the container's own keys scroll after the next frame,
    from the last frame's position, so keys pressed fast or held down were lost.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "lines(1)", "Scroll", show=False, id="help.down"),
        Binding("up,k", "lines(-1)", "Scroll", show=False, id="help.up"),
        Binding("pagedown", "pages(1)", "Scroll", show=False, id="help.page_down"),
        Binding("pageup", "pages(-1)", "Scroll", show=False, id="help.page_up"),
        Binding("home,g", "top", "Scroll", show=False, id="help.top"),
        Binding("end,G", "end", "Scroll", show=False, id="help.end"),
    ]

    def action_lines(self, count: int) -> None:
        self._to(round(self.scroll_y) + count)

    def action_pages(self, count: int) -> None:
        self.action_lines(count * max(1, self.scrollable_content_region.height - 1))

    def action_top(self) -> None:
        self._to(0)

    def action_end(self) -> None:
        self._to(self.max_scroll_y)

    def _to(self, y: int) -> None:
        self.scroll_to(y=y, animate=False, immediate=True)


class HelpScreen(OnceModal[None]):
    """A modal list of all keys; any of escape, q, ? or F1 closes it."""

    DEFAULT_CSS = beside(__file__, "help.tcss")

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close help", id="help.close"),
    ]

    def __init__(self, title: str, rows: list[tuple[str, str]]) -> None:
        super().__init__()
        self._title = title
        self._rows = rows

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog help"):
            yield Label(self._title, classes="dialog-title", markup=False)
            with KeysScroll(id="help-scroll"):
                yield Static(KeyRows(self._rows), id="help-keys")

    def on_mount(self) -> None:
        self.query_one("#help-scroll").focus()
