"""Containers that do not draw the cells their children cover.

Textual draws every widget on screen, a container under its children too, and keeps
the frontmost cells (`Compositor._render_chops`): the browser's screen and its four
containers drew 82 of the first frame's 126 lines only for them to be thrown away.
"""

from __future__ import annotations

from textual.containers import Horizontal
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget


def covered(widget: Widget, crop: Region) -> bool:
    """Whether every cell of `crop` (in `widget`'s own cells) lies under a displayed,
    visible child of `widget`."""
    area = crop.translate(widget.region.offset)
    spans = sorted(
        (part.x, part.right, part.y, part.bottom)
        for child in widget.displayed_children
        if child.visible
        for part in (child.region.intersection(area),)
        if part
    )
    for y in range(area.y, area.bottom):
        x = area.x
        for left, right, top, bottom in spans:
            if top <= y < bottom and left <= x:
                x = max(x, right)
        if x < area.right:
            return False
    return True


def backdrop_lines(widget: Widget, crop: Region) -> list[Strip]:
    """Blank lines for a `crop` the children cover (never seen); none otherwise, and
    the widget draws itself as usual."""
    if crop and covered(widget, crop):
        return [Strip.blank(crop.width)] * crop.height
    return []


class Panes(Horizontal):
    """Panes side by side, drawn by themselves: the row under them is not drawn."""

    def render_lines(self, crop: Region) -> list[Strip]:
        return backdrop_lines(self, crop) or super().render_lines(crop)
