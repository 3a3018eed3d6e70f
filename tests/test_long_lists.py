"""Lists of thousands: a link's words are made when drawn, and every link stays reachable."""

from __future__ import annotations

import pytest

from accordtui.agreement.model import Lang
from accordtui.browser.app import AccordApp
from accordtui.browser.screens.browser import BrowserScreen
from accordtui.browser.widgets.hanging import LONG_LIST, Hanging
from accordtui.browser.widgets.item_list import ItemList
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
