"""The full text of one entry, drawn from document blocks as plain data."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content, Span
from textual.widgets import Static

from accordtui.browser.search import find_spans
from accordtui.document import Block, Bullets, Field, Heading, Note, Para, colon
from accordtui.export import quoted
from accordtui.model import Lang

HIGHLIGHT = "bold reverse"
EXCERPT = "underline"
"""How the words an entry quotes stand out in their paragraph (visible without colour)."""


class _ContentBuilder:
    """Accumulates plain text and the style spans laid over it."""

    def __init__(self) -> None:
        self.text = ""
        self.spans: list[Span] = []

    def add(self, part: str, style: str = "") -> None:
        if style and part:
            self.spans.append(Span(len(self.text), len(self.text) + len(part), style))
        self.text += part

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


def blocks_to_content(
    blocks: Iterable[Block], lang: Lang, query: str = "", excerpts: Iterable[str] = ()
) -> Content:
    """Styled Content from blocks, with `query` and exact `excerpts` highlighted.

    Text is never markup. An excerpt is the release's words an entry quotes, shown in
    the paragraph it comes from.
    """
    builder = _ContentBuilder()
    for index, block in enumerate(blocks):
        if index:
            builder.add("\n\n")
        builder.block(block, lang)
    spans = builder.spans + [Span(s, e, HIGHLIGHT) for s, e in find_spans(builder.text, query)]
    for excerpt in excerpts:
        start = builder.text.find(excerpt)
        if start >= 0:
            spans.append(Span(start, start + len(excerpt), EXCERPT))
    return Content(builder.text, spans)


class Detail(VerticalScroll):
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
    Detail { height: 1fr; padding: 0 1; }
    Detail > Static { width: 1fr; }
    """

    shown = Content("")
    """What the detail shows now."""

    def compose(self) -> ComposeResult:
        yield Static(id="detail-text", markup=False)

    def show(self, content: Content, offset: int | None = None) -> None:
        """Show `content` from its top, or scrolled so that character `offset` is in view."""
        self.shown = content
        self.query_one("#detail-text", Static).update(content)
        self.scroll_home(animate=False)
        if offset:
            self.call_after_refresh(self._scroll_to_offset, offset)

    def _scroll_to_offset(self, offset: int) -> None:
        width = self.query_one("#detail-text", Static).content_region.width
        if width > 0:
            line = len(Content(self.shown.plain[:offset]).wrap(width)) - 1
            self.scroll_to(y=max(0, line - 1), animate=False)
