"""Any terminal size: the layout never crashes, and below the minimum a screen says so."""

from __future__ import annotations

from textual.geometry import Size
from textual.widgets import Static

from accordtui.browser.app import AccordApp
from accordtui.browser.screens.browser import BrowserScreen
from accordtui.browser.screens.dialogs import ExportDialog
from accordtui.browser.screens.too_small import TooSmallScreen
from accordtui.model import Agreement


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
