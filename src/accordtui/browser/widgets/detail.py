"""The full text of one entry, drawn a screen line at a time."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator, Sequence
from typing import ClassVar

from rich.style import Style
from textual import work
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.worker import get_current_worker

from accordtui.agreement.lang import Lang
from accordtui.browser.search import Finder
from accordtui.browser.styled import Lines, Styled, Then, styled, wrap_pieces
from accordtui.rendering.blocks import Block

SYNC_CHARS = 20_000
"""Entries up to this size are wrapped at once. A longer one shows its first lines at
once and the rest a piece at a time between key presses, so no key waits on it."""

STICKY = "reverse"
"""The heading kept on top: set apart from the lines that scroll under it."""
PUBLISH_EVERY = 16
"""Pieces wrapped between two updates of the scrollbar while a long entry is wrapped."""


_Words = tuple[list[Block], Lang, list[str], Then | None]
"""An entry's blocks, language, excerpts and other language: what the lines hold."""


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
        self._request: tuple[_Words, str] | None = None
        """What is shown, and the search in it."""
        self._lines = Lines()
        self._width = 0
        self._offset: tuple[int, int] | None = None
        """A character, and how many lines to show above its own, to bring to the top
        once the line that holds it is wrapped."""
        self._placed: tuple[int, tuple[int, int] | None, float] | None = None
        """The line put at the top by `scroll_to_line`, what it was put there for (a
        character and the lines above its own, once wrapped), and where that left the
        scroll."""
        self._wrapping = False
        """Whether a long entry's lines are still being wrapped, a piece at a time."""
        self._to_end = False
        """`G` was pressed while wrapping: follow the end as lines arrive, until done."""
        self._line_cache: LRUCache[tuple[int, int, int], Strip] = LRUCache(256)
        self._drawing = (0, Style())
        """The text's width and the pane's own style (for the cells right of a line),
        read once for each drawing, not for each line: Textual works them out again
        at each reading, the style from every ancestor's styles."""
        super().__init__(id=id)

    @property
    def shown(self) -> Content:
        """What the detail shows now, as one Content."""
        return self._entry.content()

    def show_blocks(
        self,
        blocks: Sequence[Block],
        lang: Lang,
        query: str = "",
        excerpts: Sequence[str] = (),
        then: Then | None = None,
    ) -> None:
        """Show an entry (and `then` the other language under it) from its top, or
        scrolled to the first match of `query`."""
        words = (list(blocks), lang, list(excerpts), then)
        if (words, query) == self._request:
            return  # drawn again with the same words: keep the place
        previous, self._request = self._request, (words, query)
        if previous is None or previous[0] != words:
            self._entry = styled(blocks, lang, "", excerpts, then)
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
        if asked is not None and self._request and asked != (self._entry.text, self._request[1]):
            return
        self._entry = self._entry.finding(finder)
        self._line_cache.clear()
        self.refresh()
        first = finder.first()
        self._offset = self._placed = None
        if first is None:
            self.scroll_to(0, 0, animate=False, force=True, immediate=True)
        else:
            self._bring(first, above=1)

    def _bring(self, offset: int, above: int) -> None:
        """Put the line holding character `offset` at the top, `above` lines under it;
        now if it is wrapped, else once it is."""
        lines = self._lines
        if not self._wrapping or (lines.starts and lines.starts[-1] > offset):
            self.scroll_to_line(max(0, lines.line_of(offset) - above), (offset, above))
        else:
            self._offset = (offset, above)

    @property
    def _text_width(self) -> int:
        """Cells for text: the pane less its padding and the scrollbar's gutter."""
        return self.scrollable_content_region.width

    def scroll_to_line(self, line: int, anchor: tuple[int, int] | None = None) -> None:
        """Put `line` at the top, and keep it there through resizes until the reader scrolls.

        The pane's height often changes right after (the links pane below shows, hides
        or grows with the new entry): a scroll clamped to the old height would leave the
        line out of view, so the next resize scrolls again.
        """
        self.scroll_to(y=line, animate=False, force=True, immediate=True)
        if anchor is None and line < len(self._lines):
            anchor = (self._lines.starts[line], 0)
        self._placed = (line, anchor, self.scroll_y)

    def on_resize(self) -> None:
        """Wrap again for a new width; a line placed on top stays there, found again by
        the character it was placed for when the lines change (its number does not hold)."""
        placed = self._placed
        if placed is not None and placed[2] != self.scroll_y:
            placed = None  # the reader has scrolled since
        if self._text_width != self._width:
            self._wrap()
            if placed is not None and placed[1] is not None:
                self._bring(*placed[1])
                return
        if placed is not None:
            self.scroll_to_line(placed[0])

    def render_lines(self, crop: Region) -> list[Strip]:
        # Laid out for the first time, the pane is drawn before the Resize that gives its
        # width arrives: wrap now, or the first frame shows it empty, the text a frame later.
        if not self._width and self._text_width > 0:
            self._wrap()
        self._drawing = (self._text_width, self.rich_style)
        return super().render_lines(crop)

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
        pending = self._offset
        if pending is not None and (complete or (lines.starts and lines.starts[-1] > pending[0])):
            self._offset = None
            self._bring(*pending)

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width, style = self._drawing
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
