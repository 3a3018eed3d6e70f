"""Both languages at once: beside each other when wide, one under the other in one pane
when not."""

from __future__ import annotations

import threading

import pytest
from textual.widgets import Input, Label

from accordtui.agreement.model import Agreement, Lang
from accordtui.browser.app import AccordApp
from accordtui.browser.screens.browser import BrowserScreen
from accordtui.browser.search import SearchIndex
from accordtui.browser.styled import RULE
from accordtui.browser.widgets.detail import Detail
from accordtui.browser.widgets.search_bar import SearchBar
from accordtui.rendering.document import Document
from accordtui.rendering.labels import labels_for


async def test_both_languages_side_by_side_then_stacked_and_searched(agreement: Agreement) -> None:
    app = AccordApp(agreement)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, BrowserScreen)
        await pilot.press("5", "b")
        await pilot.pause()
        shown, other = (
            screen.query_one("#detail", Detail),
            screen.query_one("#detail-other", Detail),
        )
        assert other.display and other.region.x > shown.region.right - 1  # beside
        assert other.region.y == shown.region.y
        quote = agreement.quotes[0].text
        assert str(shown.shown).count(quote.fr[:30]) == 1 and quote.en[:30] in str(other.shown)
        await pilot.press("l")  # the other direction: English shown, French beside
        await pilot.pause()
        assert quote.en[:30] in str(shown.shown) and quote.fr[:30] in str(other.shown)

        await pilot.press("slash")
        bar = screen.query_one(SearchBar)
        bar.post_message(SearchBar.Submitted("formidable opportunité"))  # French words, in English
        await pilot.pause()
        count = str(screen.query_one("#search-count", Label).render())
        assert screen.matches and count.endswith("· FR"), count

        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        await pilot.pause()
        # Stacked, each pane had two or three rows: one pane holds both, English then
        # French under its name, and the French match is scrolled into view.
        assert not other.display and shown.region.height >= 8
        text = str(shown.shown)
        rule = f"{RULE} {labels_for('en').pane_fr} {RULE}"
        assert text.index(quote.en[:30]) < text.index(rule) < text.index(quote.fr[:30])
        assert "formidable" in on_screen(shown)
        await pilot.press("escape", "b")
        await pilot.pause()
        assert not other.display and rule not in str(shown.shown)
        await pilot.press("b")
        await pilot.resize_terminal(80, 24)  # wide again: a pane each
        await pilot.pause()
        assert other.display and rule not in str(shown.shown) and quote.fr[:30] in str(other.shown)


def on_screen(detail: Detail) -> str:
    strips = (detail.render_line(y) for y in range(detail.size.height))
    return " ".join("".join(segment.text for segment in strip).strip() for strip in strips)


async def test_the_search_bar_builds_both_indexes_off_the_loop(
    agreement: Agreement, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Enter pressed before the bar reported the query searched on the loop, building
    the index of each language there (240-440 ms with an entry of 1 MB)."""
    built_on_loop: list[str] = []
    original = SearchIndex.__init__

    def recorded(index: SearchIndex, document: Document, lang: Lang) -> None:
        if threading.current_thread() is threading.main_thread():
            built_on_loop.append(lang)
        original(index, document, lang)

    monkeypatch.setattr(SearchIndex, "__init__", recorded)
    app = AccordApp(agreement)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, BrowserScreen)
        await pilot.press("b", "slash")
        await app.workers.wait_for_complete()
        screen.query_one("#search-input", Input).value = "inria"  # as pasted, then enter
        await pilot.press("enter")
        await pilot.pause()
        assert screen.matches and built_on_loop == []
