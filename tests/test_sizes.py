"""Any terminal size: the layout never crashes, and below the minimum a screen says so."""

from __future__ import annotations

import asyncio

from textual.geometry import Size
from textual.widgets import Static

from accordtui.agreement.model import Agreement
from accordtui.browser.app import AccordApp
from accordtui.browser.screens.browser import BrowserScreen
from accordtui.browser.screens.export_dialog import ExportDialog
from accordtui.browser.screens.too_small import TooSmallScreen
from accordtui.browser.widgets.key_footer import KeyFooter
from accordtui.rendering.labels import FR
from tests.screen_text import screen_lines


async def test_the_browser_lays_out_at_every_width_from_1_to_40(agreement: Agreement) -> None:
    app = AccordApp(agreement)
    app.MIN_SIZE = Size(1, 1)  # keep the browser itself on screen at every size
    async with app.run_test(size=(80, 24)) as pilot:
        for width in range(1, 41):
            await pilot.resize_terminal(width, 24)
            assert app.return_code is None, f"crashed at {width}×24"
        for height in (1, 2, 5):
            await pilot.resize_terminal(1, height)
            assert app.return_code is None, f"crashed at 1×{height}"
        assert isinstance(app.screen, BrowserScreen)


async def test_too_small_below_the_minimum_and_back_when_enlarged(agreement: Agreement) -> None:
    app = AccordApp(agreement)
    needed = app.MIN_SIZE
    async with app.run_test(size=(1, 1)) as pilot:
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.resize_terminal(80, 24)
        assert isinstance(app.screen, BrowserScreen)
        await pilot.press("e")
        for width, height in [(1, 1), (needed.width - 1, 80), (needed.width, needed.height)]:
            await pilot.resize_terminal(width, height)
            small = width < needed.width or height < needed.height
            assert isinstance(app.screen, TooSmallScreen) == small, (width, height)
        await pilot.resize_terminal(needed.width, needed.height - 1)
        message = str(app.screen.query_one(Static).render())
        assert f"il faut {needed.width}×{needed.height}" in message  # French, as the app is
        await pilot.press("ctrl+p")  # nothing opens over the message
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.resize_terminal(80, 24)
        assert isinstance(app.screen, ExportDialog)  # as it was before shrinking
        assert [type(s) for s in app.screen_stack] == [BrowserScreen, ExportDialog]


async def test_updates_resume_when_the_too_small_screen_leaves_mid_footer_rebuild(
    agreement: Agreement,
) -> None:
    """Issue 13's hang (a resize every 20 ms across 40 columns): the bindings changed as
    TooSmallScreen came, and it left with the footer's rebuild queued on it."""
    app = AccordApp(agreement)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        browser = app.screen
        footer = browser.query_one(KeyFooter)
        for turns in [*range(8)] * 2:  # the window is a few turns of the event loop wide
            browser.refresh_bindings()
            app.push_screen(TooSmallScreen(app.MIN_SIZE, browser.words))
            for _ in range(turns):
                await asyncio.sleep(0)
            app.pop_screen()
            await asyncio.wait_for(pilot.pause(), 5)
            # While an update batch is open Textual draws nothing: the app looked frozen.
            assert app._batch_count == 0, f"screen updates held for ever ({turns} turns)"
            assert not footer.lock.is_locked, f"the footer rebuild never ended ({turns} turns)"
        assert f"q {FR.key_quit}" in screen_lines(app)[-1], "the footer shows its keys"
