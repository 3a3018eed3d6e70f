"""An entry's text with its styles, and its screen lines, a piece at a time.

Pure functions over strings and Textual `Content`, with no widget: the detail pane
draws from them, and tests compare the piecewise wrap with Textual's own.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from copy import copy
from typing import NamedTuple

from textual.content import Content, Span

from accordtui.agreement.lang import Lang
from accordtui.browser.line_breaks import lines_of
from accordtui.browser.search import Finder
from accordtui.rendering.blocks import Block, Bullets, Field, Heading, Note, Para, colon, quoted
from accordtui.rendering.textwidth import bind_spaces

HIGHLIGHT = "bold reverse"
EXCERPT = "underline"
"""How the words an entry quotes stand out in their paragraph (visible without colour)."""
PIECE = 8_000
"""Characters wrapped at a time: a few milliseconds of work, even with many highlights."""


_LONG = 256


def _start(span: Span) -> int:
    return span.start


class Styled:
    """Plain text, its style spans and a search; any stretch of it as Content.

    Matches are found per stretch drawn, not for the whole text at once: a one-letter
    search in a megabyte would otherwise make a quarter of a million spans.
    """

    def __init__(self, text: str, styles: list[Span], query: str = "", heading: int = 0) -> None:
        self.text = text
        self.heading = heading
        """Where the entry's heading (its title, a quote's speaker) ends; 0 without one."""
        self._finder = Finder(text, query)
        # Long spans (a whole quotation in italics) are few and always looked at; short
        # ones (headings, fields) are found by where they start.
        self._long = [s for s in styles if s.end - s.start > _LONG]
        self._short = sorted((s for s in styles if s.end - s.start <= _LONG), key=_start)
        self._short_starts = [span.start for span in self._short]

    def finding(self, finder: Finder) -> Styled:
        """The same text and styles with another search's matches: the screen lines,
        which matches never move, stay as they were wrapped."""
        other = copy(self)
        other._finder = finder
        return other

    @property
    def spans(self) -> list[Span]:
        """Every span, matches included."""
        return self._spans(0, len(self.text))

    def content(self) -> Content:
        return Content(self.text, self.spans)

    def stretch(self, start: int, end: int) -> Content:
        """Characters `start` to `end` with their styles and matches."""
        spans = [
            Span(max(s.start, start) - start, min(s.end, end) - start, s.style)
            for s in self._spans(start, end)
        ]
        return Content(self.text[start:end], spans)

    def _spans(self, start: int, end: int) -> list[Span]:
        first = bisect_left(self._short_starts, start - _LONG)
        last = bisect_left(self._short_starts, end)
        styles = sorted([*self._long, *self._short[first:last]], key=_start)
        matches = [Span(s, e, HIGHLIGHT) for s, e in self._finder.spans(start, end)]
        return [s for s in styles + matches if s.end > start and s.start < end]

    @property
    def first_match(self) -> int | None:
        """Where the first match of the search starts, if there is one."""
        return self._finder.first()


class _Builder:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.spans: list[Span] = []

    def add(self, part: str, style: str = "") -> None:
        if style and part:
            self.spans.append(Span(self.length, self.length + len(part), style))
        self.parts.append(part)
        self.length += len(part)

    def block(self, block: Block, lang: Lang) -> None:
        if isinstance(block, Heading):
            self.add(block.text, "bold underline" if block.level == 1 else "bold")
        elif isinstance(block, Para):
            self.add(block.text)
        elif isinstance(block, Note):
            self.add(block.text, "dim italic")
        elif isinstance(block, Field):
            self.add(f"{block.name}{colon(lang)} ", "bold")
            self.add(block.value)
        elif isinstance(block, Bullets):
            if block.name:
                self.add(f"{block.name}{colon(lang)}", "bold")
            for index, item in enumerate(block.items):
                self.add("\n • " if index or block.name else " • ")
                self.add(item)
        else:
            self.add(quoted(block, lang), "italic")


class Then(NamedTuple):
    """The entry in the other language, shown below the first under its `name`."""

    name: str
    blocks: tuple[Block, ...]
    lang: Lang


RULE = "──"
"""Either side of the name that parts the two languages in one pane."""


def styled(
    blocks: Iterable[Block],
    lang: Lang,
    query: str = "",
    excerpts: Iterable[str] = (),
    then: Then | None = None,
) -> Styled:
    """An entry's blocks as text, with `query` and exact `excerpts` highlighted, and
    `then` the other language under it.

    Text is never markup. An excerpt is the release's words an entry quotes, shown in
    the paragraph it comes from.
    """
    builder = _Builder()
    heading = 0
    for index, block in enumerate(blocks):
        if index:
            builder.add("\n\n")
        builder.block(block, lang)
        if not index and isinstance(block, Heading):
            heading = builder.length
    if then is not None:
        builder.add("\n\n")
        builder.add(f"{RULE} {then.name} {RULE}", "bold")
        for block in then.blocks:
            builder.add("\n\n")
            builder.block(block, then.lang)
    text = "".join(builder.parts)
    spans = builder.spans
    for excerpt in excerpts:
        start = text.find(excerpt)
        if start >= 0:
            spans.append(Span(start, start + len(excerpt), EXCERPT))
    return Styled(text, spans, query, heading)


class Lines:
    """Screen lines as character ranges (and an indent in cells for each): plain numbers,
    so a long entry costs the garbage collector nothing; `Styled.stretch` makes the few
    lines on screen."""

    __slots__ = ("ends", "indents", "starts")

    def __init__(
        self,
        starts: list[int] | None = None,
        ends: list[int] | None = None,
        indents: list[int] | None = None,
    ) -> None:
        self.starts = starts if starts is not None else []
        self.ends = ends if ends is not None else []
        self.indents = indents if indents is not None else []

    def __len__(self) -> int:
        return len(self.starts)

    def extend(self, other: Lines) -> None:
        self.starts += other.starts
        self.ends += other.ends
        self.indents += other.indents

    def head(self, count: int) -> Lines:
        return Lines(self.starts[:count], self.ends[:count], self.indents[:count])

    def line_of(self, offset: int) -> int:
        """The line that holds character `offset`."""
        return max(0, bisect_right(self.starts, offset) - 1)


BULLET = " • "
"""How the detail starts a list item; its wrapped lines hang under the item's text."""
_NO_BREAK = str.maketrans({"\u00a0": "x", "\u202f": "x", "\u2060": "x"})
"""No-break spaces read as letters while lines are cut, so « Inria » never splits at
them (Textual's wrap treats every space alike); the text shown keeps its spaces."""


def _measured(text: str, start: int, end: int) -> str:
    """`text[start:end]` as the wrap sees it: no-break spaces, and spaces French
    typography binds to `:` `;` `!` `?` `»` `«`, read as letters. One character of
    context each side, so a piece's edge binds as the whole text would."""
    low = max(start - 1, 0)
    seen = bind_spaces(text[low : end + 1].translate(_NO_BREAK), "x")
    return seen[start - low : start - low + end - start]


def wrap_pieces(entry: Styled, width: int, piece: int = PIECE) -> Iterator[Lines]:
    """The lines of `entry` at `width` cells, at most `piece` characters at a time.

    Greedy wrapping depends only on where a line starts. So a piece cut inside a
    paragraph keeps its lines but the last, and the next piece starts where that line
    started: together they are the lines Textual gives for the whole paragraph. A
    paragraph that starts with BULLET is wrapped after it, and its lines hang under it.
    """
    text = entry.text
    paragraph = 0
    while paragraph <= len(text):
        paragraph_end = text.find("\n", paragraph)
        paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
        hang = len(BULLET) if text.startswith(BULLET, paragraph) and width > 2 * len(BULLET) else 0
        start, size = paragraph + hang, piece
        while True:
            end = min(paragraph_end, start + size)
            lines = _wrap(_measured(text, start, end), width - hang, start, hang)
            if start == paragraph + hang:  # the paragraph's first line shows its bullet
                lines.starts[0], lines.indents[0] = paragraph, 0
            if end >= paragraph_end:
                yield lines
                break
            # Restart at the last line that starts with text: an empty line (spaces
            # folded away) has no place of its own in the text to restart from.
            keep = len(lines) - 1
            while keep > 0 and lines.starts[keep] == lines.ends[keep]:
                keep -= 1
            if keep < 1:  # a piece within one line says nothing yet: take more
                size *= 2
                continue
            start, size = lines.starts[keep], piece
            yield lines.head(keep)
        paragraph = paragraph_end + 1


def cut_lines(text: str, width: int) -> list[str]:
    """`text` (one paragraph) wrapped to `width` cells, never at a no-break space."""
    lines = _wrap(_measured(text, 0, len(text)), width, 0, 0)
    return [text[start:end] for start, end in zip(lines.starts, lines.ends, strict=True)]


def _wrap(plain: str, width: int, offset: int, indent: int) -> Lines:
    out = Lines()
    position = 0
    for line in lines_of(plain, width):
        found = plain.find(line, position) if line else -1
        position = found if found >= 0 else position
        out.starts.append(offset + position)
        out.ends.append(offset + position + len(line))
        out.indents.append(indent)
        position += len(line)
    return out
