"""The full text of one entry, drawn a screen line at a time."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator, Sequence
from typing import ClassVar

from textual import work
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.worker import get_current_worker

from accordtui.agreement.lang import Lang
from accordtui.browser.search import Finder
from accordtui.browser.styled import Lines, Styled, styled, wrap_pieces
from accordtui.rendering.blocks import Block

SYNC_CHARS = 20_000
"""Entries up to this size are wrapped at once. A longer one shows its first lines at
once and the rest a piece at a time between key presses, so no key waits on it."""

STICKY = "reverse"
"""The heading kept on top: set apart from the lines that scroll under it."""
PUBLISH_EVERY = 16
"""Pieces wrapped between two updates of the scrollbar while a long entry is wrapped."""


class Detail(ScrollView, can_focus=True):
    """Scrollable detail of the highlighted entry.

    | Key(s) | Description |
    | :- | :- |
    | j, down / k, up | Scroll a line. |
    | g, home / G, end | Scroll to the top / the end. |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "scroll_down", "Scroll", show=False, id="detail.scroll"),
        Binding("up,k", "scroll_up", "Scroll", show=False, id="detail.scroll"),
        Binding("home,g", "scroll_home", "Scroll", show=False, id="detail.scroll"),
        Binding("end,G", "scroll_end", "Scroll", show=False, id="detail.scroll"),
    ]

    DEFAULT_CSS = """
    Detail { height: 1fr; padding: 0 1; scrollbar-gutter: stable; overflow-x: hidden; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        self._entry = Styled("", [])
        self._request: tuple[list[Block], Lang, str, list[str]] | None = None
        self._lines = Lines()
        self._width = 0
        self._offset: int | None = None
        """A character to bring into view once the line that holds it is wrapped."""
        self._placed: tuple[int, float] | None = None
        self._wrapping = False
        """Whether a long entry's lines are still being wrapped, a piece at a time."""
        self._to_end = False
        """`G` was pressed while wrapping: follow the end as lines arrive, until done."""
        """The line put at the top by `scroll_to_line`, and where that left the scroll."""
        self._line_cache: LRUCache[tuple[int, int, int], Strip] = LRUCache(256)
        super().__init__(id=id)

    @property
    def shown(self) -> Content:
        """What the detail shows now, as one Content."""
        return self._entry.content()

    def show_blocks(
        self, blocks: Sequence[Block], lang: Lang, query: str = "", excerpts: Sequence[str] = ()
    ) -> None:
        """Show an entry from its top, or scrolled to the first match of `query`."""
        request = (list(blocks), lang, query, list(excerpts))
        if request == self._request:
            return  # drawn again with the same words: keep the place
        previous, self._request = self._request, request
        if previous is None or (previous[:2], previous[3]) != (request[:2], request[3]):
            self._entry = styled(blocks, lang, "", excerpts)
            self._offset = self._placed = None
            self.scroll_to(0, 0, animate=False, force=True, immediate=True)  # now: a match's
            self._wrap()  # scroll, made while wrapping, must come after it
        self._search(query)

    def _search(self, query: str) -> None:
        """Highlight `query` in the lines as they are: a keystroke wraps nothing again.
        A long text is folded in a thread (40 ms a megabyte), its matches shown after."""
        text = self._entry.text
        if query and len(text) > SYNC_CHARS:
            self._find_in_thread(text, query)  # the last matches stay until then: no flicker
        else:
            self._found(Finder(text, query))

    @work(exclusive=True, thread=True, group="detail-find")
    def _find_in_thread(self, text: str, query: str) -> None:
        finder = Finder(text, query)
        if not get_current_worker().is_cancelled:  # replaced, or the app is closing
            self.app.call_from_thread(self._found, finder, (text, query))

    def _found(self, finder: Finder, asked: tuple[str, str] | None = None) -> None:
        """Show `finder`'s matches and scroll to the first, or to the top without one;
        `asked` (text, query) drops an answer to a search since replaced."""
        if asked is not None and self._request and asked != (self._entry.text, self._request[2]):
            return
        self._entry = self._entry.finding(finder)
        self._line_cache.clear()
        self.refresh()
        first = finder.first()
        self._offset = self._placed = None
        lines = self._lines
        if first is None:
            self.scroll_to(0, 0, animate=False, force=True, immediate=True)
        elif not self._wrapping or (lines.starts and lines.starts[-1] > first):
            self.scroll_to_line(max(0, lines.line_of(first) - 1))
        else:
            self._offset = first  # placed once the line that holds it is wrapped

    @property
    def _text_width(self) -> int:
        """Cells for text: the pane less its padding and the scrollbar's gutter."""
        return self.scrollable_content_region.width

    def scroll_to_line(self, line: int) -> None:
        """Put `line` at the top, and keep it there through resizes until the reader scrolls.

        The pane's height often changes right after (the links pane below shows, hides
        or grows with the new entry): a scroll clamped to the old height would leave the
        line out of view, so the next resize scrolls again.
        """
        self.scroll_to(y=line, animate=False, force=True, immediate=True)
        self._placed = (line, self.scroll_y)

    def on_resize(self) -> None:
        if self._text_width != self._width:
            self._wrap()
        if self._placed is not None and self._placed[1] == self.scroll_y:
            self.scroll_to_line(self._placed[0])

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._line_cache.clear()  # a new theme: every line is drawn again

    def _wrap(self) -> None:
        width = self._text_width
        if width <= 0:  # not laid out yet (a pane just shown): the lines come on resize
            self._lines, self._wrapping, self._width = Lines(), True, 0
            return
        self._width = width
        self._lines = Lines()  # a wrap still running for older lines sees this and stops
        self._line_cache.clear()
        pieces = wrap_pieces(self._entry, width)
        self._wrapping = len(self._entry.text) > SYNC_CHARS
        if not self._wrapping:
            for lines in pieces:
                self._lines.extend(lines)
            self._publish(complete=True)
        else:
            self._wrap_a_piece_at_a_time(self._lines, pieces)

    @work(exclusive=True, group="detail-wrap")
    async def _wrap_a_piece_at_a_time(self, target: Lines, pieces: Iterator[Lines]) -> None:
        for count, lines in enumerate(pieces):
            if target is not self._lines:
                return
            target.extend(lines)
            if count % PUBLISH_EVERY == 0:  # each publication lays the screen out again
                self._publish(complete=False)
            await asyncio.sleep(0)  # let keys and painting in
        if target is self._lines:
            self._publish(complete=True)

    def action_scroll_end(self) -> None:
        """To the last line: of those wrapped so far, then of each piece that follows."""
        self.scroll_end(animate=False, immediate=True)
        self._to_end = self._wrapping

    def _publish(self, *, complete: bool) -> None:
        """Let the scrollbar, the screen and a pending scroll know of the lines so far."""
        lines = self._lines
        follow = self._to_end and self.scroll_y >= self.max_scroll_y  # not scrolled since
        self.virtual_size = Size(self._width, len(lines))
        self.refresh()
        if follow:
            self.scroll_end(animate=False, immediate=True, force=True)
        if complete:
            self._wrapping = self._to_end = False
        offset = self._offset
        if offset is not None and (complete or (lines.starts and lines.starts[-1] > offset)):
            self._offset = None
            self.scroll_to_line(max(0, lines.line_of(offset) - 1))

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self._text_width
        style = self.rich_style
        if index >= len(self._lines):
            return Strip.blank(width, style)
        sticky = y == 0 and scroll_y > 0 and self._entry.heading > 0
        key = (-1 if sticky else index, scroll_x, width)
        strip = self._line_cache.get(key)
        if strip is None:
            line = self._sticky_line() if sticky else self._line(index)
            strip = Strip(line.render_segments(self.visual_style), line.cell_length)
            strip = strip.crop_extend(scroll_x, scroll_x + width, style)
            self._line_cache[key] = strip
        return strip

    def _line(self, index: int) -> Content:
        lines = self._lines
        line = self._entry.stretch(lines.starts[index], lines.ends[index])
        return Content(" " * lines.indents[index]) + line if lines.indents[index] else line

    def _sticky_line(self) -> Content:
        """The heading's first line stays on top once scrolled past: the reader of a match
        sees whose words they are."""
        line = self._line(0)
        if self._lines.ends[0] < self._entry.heading:
            line = line.truncate(self._text_width - 2) + " …"
        return line.stylize(STICKY)
