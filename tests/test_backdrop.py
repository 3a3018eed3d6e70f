"""Containers skip drawing the cells their children cover, and only those."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from textual._styles_cache import StylesCache
from textual.geometry import Region

from accordtui.agreement.model import Agreement
from accordtui.browser.app import AccordApp
from accordtui.browser.widgets.backdrop import covered


def _box(x: int, y: int, width: int, height: int, *children: Any, visible: bool = True) -> Any:
    return SimpleNamespace(
        region=Region(x, y, width, height), displayed_children=children, visible=visible
    )


@pytest.mark.parametrize(
    ("children", "crop", "expected"),
    [
        ([_box(10, 5, 4, 3), _box(14, 5, 6, 3)], Region(0, 0, 10, 3), True),
        ([_box(14, 5, 6, 3), _box(10, 5, 4, 3)], Region(0, 0, 10, 3), True),  # any order
        ([_box(10, 5, 3, 3), _box(14, 5, 6, 3)], Region(0, 0, 10, 3), False),  # a column gap
        ([_box(10, 5, 10, 2)], Region(0, 0, 10, 3), False),  # the last row bare
        ([_box(10, 5, 10, 2)], Region(0, 0, 10, 2), True),  # ...unless it is not asked for
        ([_box(10, 5, 10, 1), _box(10, 6, 10, 2)], Region(2, 1, 5, 2), True),
        ([_box(10, 5, 8, 3), _box(12, 5, 8, 3)], Region(0, 0, 10, 3), True),  # overlapping
        ([_box(10, 5, 10, 3, visible=False)], Region(0, 0, 10, 3), False),
        ([], Region(0, 0, 10, 3), False),
    ],
)
def test_covered_asks_every_cell_of_the_crop(children, crop: Region, expected: bool) -> None:
    assert covered(_box(10, 5, 10, 3, *children), crop) is expected


async def test_the_first_frame_draws_no_container_its_children_cover(
    agreement: Agreement, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The screen and its containers lie under their children: only these draw."""
    drawn: list[str] = []
    render_widget = StylesCache.render_widget

    def recording(cache: StylesCache, widget: Any, crop: Region) -> Any:
        drawn.append(type(widget).__name__)
        return render_widget(cache, widget, crop)

    monkeypatch.setattr(StylesCache, "render_widget", recording)
    app = AccordApp(agreement)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert {"EntryList", "Detail"} <= set(drawn)
        assert {"BrowserScreen", "Panes", "DetailPane", "TopBar"}.isdisjoint(drawn)
