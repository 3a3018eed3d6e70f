"""The palette searches the text when no title matches, and leaves the list in charge."""

from __future__ import annotations

from textual.widgets import Input

from accordtui.agreement.model import Agreement
from accordtui.browser.app import AccordApp
from accordtui.browser.screens.browser import BrowserScreen
from accordtui.rendering.labels import FR
from tests.screen_text import screen_lines


async def test_palette_falls_back_to_the_text_and_jumps_to_the_list(agreement: Agreement) -> None:
    app = AccordApp(agreement)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, BrowserScreen)
        await pilot.press("tab", "tab")  # the links pane
        await pilot.press("ctrl+p", *"souverainete")
        await pilot.pause(0.4)
        fallback = FR.palette_search_text.format(query="souverainete").replace("\xa0", " ")
        assert fallback in "".join(screen_lines(app))
        await pilot.press("enter")
        await pilot.pause()
        assert screen.matches and screen.key == screen.matches[0]
        assert screen.query_one("#search-input", Input).value == "souverainete"

        await pilot.press("escape", "tab", "tab")  # the search closed; the links pane
        await pilot.press("ctrl+p", *"sportisse")
        await pilot.pause(0.4)
        await pilot.press("enter")
        await pilot.pause()
        assert screen.key == "bruno-sportisse" and app.focused is screen.query_one("#items")

        await pilot.press("2", "G")  # the last entry of a list, then the window shrinks
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        await pilot.pause()
        title = screen.document.title(screen.key, "fr")
        region = screen.query_one("#items").region
        assert title in "\n".join(screen_lines(app)[region.y : region.bottom])
