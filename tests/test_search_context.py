"""A match read in context: enter keeps it, its heading stays in view, the counter uncovered."""

from __future__ import annotations

from textual.widgets import Label
from textual.widgets._toast import Toast

from accordtui.agreement.model import Agreement
from accordtui.browser.app import AccordApp
from accordtui.browser.screens.browser import BrowserScreen
from accordtui.browser.widgets.detail import Detail
from accordtui.browser.widgets.search_bar import SearchBar
from accordtui.rendering.labels import FR
from tests.screen_text import screen_lines
from tests.test_interface import highlight_on_screen


async def test_a_match_is_kept_with_its_heading_and_its_counter(agreement: Agreement) -> None:
    app = AccordApp(agreement)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = app.screen
        assert isinstance(screen, BrowserScreen)
        await pilot.press("slash")
        bar = screen.query_one(SearchBar)
        bar.post_message(SearchBar.Submitted("souveraineté"))  # what enter sends
        await pilot.press("n", "n")
        await pilot.pause()
        matches, third = screen.matches, screen.matches[2]
        assert screen.key == third
        bar.post_message(SearchBar.Submitted("souverainete"))  # enter again, here
        await pilot.pause()
        count = screen.query_one("#search-count", Label)
        assert screen.key == third and str(count.render()) == f"3/{len(matches)}"
        detail = screen.query_one(Detail)
        title = screen.document.title(third, "fr")  # a quote's speaker
        assert detail.scroll_y > 0 and highlight_on_screen(detail)
        assert detail.render_line(0).text.startswith(title[:20])  # whose words they are

        await pilot.press("n")
        await pilot.pause()
        assert screen.key == matches[3]  # n goes on from the match kept

        footer = screen_lines(app)[-1]
        assert f"n {FR.key_match_next_short}" in footer and f"q {FR.key_quit}" in footer

        await pilot.press("y")  # a notice
        await pilot.pause()
        await pilot.pause()
        toast = screen.query_one(Toast)
        assert not toast.region.overlaps(count.region)
        assert not toast.region.overlaps(bar.region)
