"""The detail of an entry above its links, sharing the rows between them."""

from __future__ import annotations

from textual.containers import Vertical
from textual.geometry import Region
from textual.strip import Strip

from accordtui.browser.widgets.backdrop import backdrop_lines
from accordtui.browser.widgets.detail import Detail
from accordtui.browser.widgets.item_list import ItemList


class DetailPane(Vertical):
    """The detail, then the links pane, capped in the stylesheet so a long entry keeps
    its rows; when the entry and all its links fit, the cap goes (class `-all`): no
    scrollbar over a link while empty rows stand above it."""

    def on_mount(self) -> None:
        # The detail wraps its text once it knows its width, and a long text a piece
        # at a time: each new line count may change the answer.
        self.watch(self.query_one(Detail), "virtual_size", self.share_rows, init=False)

    def on_resize(self) -> None:
        self.share_rows()

    def render_lines(self, crop: Region) -> list[Strip]:
        """Under the detail and the links, nothing is drawn (see backdrop)."""
        return backdrop_lines(self, crop) or super().render_lines(crop)

    def share_rows(self) -> None:
        """Decide again, for the entry and links now shown (or a new size)."""
        detail = self.query_one(Detail)
        links = self.query_one(ItemList)
        height = self.size.height
        needed = detail.virtual_size.height + detail.gutter.height + links.gutter.height
        fits = False
        # Each link takes a line at least: its lines are counted only when they may fit
        # (a hub entry's thousands of links are never measured on each move), and
        # all of them (a list still filling has more than any screen's rows).
        if links.display and not links.filling and links.option_count <= height - needed:
            width = links.scrollable_content_region.width
            fits = needed + links.get_content_height(self.size, self.size, width) <= height
        links.set_class(fits, "-all")
