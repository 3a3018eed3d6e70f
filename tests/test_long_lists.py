"""Lists of thousands: a link's words are made when drawn, and every link stays reachable."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.widgets.option_list import Option

from accordtui.agreement.model import Lang
from accordtui.browser.app import AccordApp
from accordtui.browser.screens.browser import BrowserScreen
from accordtui.browser.widgets.hanging import LONG_LIST, Hanging
from accordtui.browser.widgets.item_list import FIRST_ROWS, ItemList
from accordtui.rendering.blocks import Related
from accordtui.rendering.document import Document
from benchmarks.shapes import one_speaker
from tests.screen_text import screen_lines

QUOTES = 3 * LONG_LIST


def test_a_late_text_is_made_once_and_only_when_needed() -> None:
    made: list[str] = []

    def words() -> str:
        made.append("once")
        return "Citation : un très long titre qui ne tient pas sur la ligne"

    entry = Hanging("→ ", words, most=1)
    assert entry.get_height(None, 20) == 1  # type: ignore[arg-type]
    assert made == []
    assert str(entry).startswith("→ Citation")
    assert str(entry) == str(entry)
    assert made == ["once"]


async def test_a_speaker_s_thousands_of_quotes_are_made_as_drawn_and_all_reachable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    agreement = one_speaker(QUOTES)
    speaker = agreement.quotes[0].speaker
    made: list[str] = []
    link_text = Document.link_text

    def counted(document: Document, related: Related, lang: Lang) -> str:
        made.append(related.key)
        return link_text(document, related, lang)

    monkeypatch.setattr(Document, "link_text", counted)
    app = AccordApp(agreement)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, BrowserScreen)
        screen.go_to(speaker)
        await pilot.pause()
        links = screen.query_one("#links", ItemList)
        assert links.option_count >= QUOTES
        assert 0 < len(made) < 50, "only the links on screen"
        links.focus()
        await pilot.press("G")
        await pilot.pause()
        last = links.get_option_at_index(links.option_count - 1)
        assert links.highlighted == links.option_count - 1
        assert last.id in made
        words = str(last.prompt).split(" ", 1)[1].replace("\u00a0", " ")
        assert words[:20] in "\n".join(screen_lines(app))


class _Listed(App[None]):
    """One list of `ROWS` rows, filled as the browser fills its lists."""

    ROWS = FIRST_ROWS * 3

    def compose(self) -> ComposeResult:
        yield ItemList(id="rows")

    def on_mount(self) -> None:
        self.fill("rows")

    def fill(self, shown: str) -> None:
        made = (Option(f"{shown} {i}", id=f"r{i}") for i in range(self.ROWS))
        self.query_one(ItemList).fill(shown, lambda: made)


async def test_a_long_list_makes_a_screenful_first_and_the_rest_after_the_frame() -> None:
    app = _Listed()
    async with app.run_test(size=(40, 10)) as pilot:
        rows = app.query_one(ItemList)
        assert rows.option_count == FIRST_ROWS and rows.filling
        await pilot.pause()
        assert rows.option_count == _Listed.ROWS and not rows.filling


async def test_rows_still_to_come_are_made_when_asked_for() -> None:
    """A highlight, the last row (G) or a row gone back to: each lands where asked.
    (Each asked at once: a key pressed would let the rest come first.)"""
    app = _Listed()
    async with app.run_test(size=(40, 10)):
        rows = app.query_one(ItemList)
        for ask in ("highlight", "G", "has_row"):
            app.fill(ask)
            assert rows.filling
            if ask == "highlight":
                rows.highlighted = FIRST_ROWS + 5
                assert rows.highlighted == FIRST_ROWS + 5
            elif ask == "G":
                rows.action_last()
                assert rows.highlighted == _Listed.ROWS - 1
            else:
                assert rows.has_row(_Listed.ROWS - 1) and not rows.has_row(_Listed.ROWS)
            assert rows.option_count == _Listed.ROWS and not rows.filling
