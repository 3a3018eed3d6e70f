"""The detail pane on entries far longer than a screen: every line reachable, matches found."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from textual.widgets import Input

import accordtui.browser.widgets.detail as detail_module
from accordtui.agreement.model import Agreement
from accordtui.browser.app import AccordApp
from accordtui.browser.screens.browser import BrowserScreen
from accordtui.browser.styled import HIGHLIGHT, Lines, Styled, wrap_pieces
from accordtui.browser.widgets.detail import SYNC_CHARS, Detail

END = "Fin du très long paragraphe."


def long_entry(agreement: Agreement, repeats: int = 7_000) -> tuple[Agreement, str]:
    """The bundled agreement with a passage (and its release paragraph) of ~300,000
    characters (42 a repeat)."""
    data = agreement.model_dump(mode="json", exclude_none=True)
    text = "Un mot après l'autre, sans fin apparente. " * repeats + END
    data["release"].append({"id": "long", "kind": "paragraph", "fr": text, "en": text})
    passage = data["themes"][0]["items"][0]
    passage["text"] = {"fr": text, "en": text}
    assert len(text) > SYNC_CHARS  # wrapped a piece at a time
    return Agreement.model_validate(data), passage["id"]


def shown(detail: Detail) -> str:
    """The words on the detail's screen, line after line."""
    strips = (detail.render_line(y) for y in range(detail.size.height))
    return " ".join("".join(segment.text for segment in strip).strip() for strip in strips)


def open_long_entry(app: AccordApp, key: str) -> tuple[BrowserScreen, Detail]:
    screen = app.screen
    assert isinstance(screen, BrowserScreen)
    screen.go_to(key)
    return screen, screen.query_one(Detail)


async def test_a_long_entry_is_wrapped_to_its_last_line(agreement: Agreement) -> None:
    big, key = long_entry(agreement)
    app = AccordApp(big)
    async with app.run_test(size=(80, 24)) as pilot:
        _, detail = open_long_entry(app, key)
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert detail.virtual_size.height > 5_000
        detail.focus()
        await pilot.press("G")
        await pilot.pause()
        assert END.split()[-1] in shown(detail)


async def test_a_match_at_the_end_of_a_long_entry_is_scrolled_into_view(
    agreement: Agreement,
) -> None:
    big, key = long_entry(agreement)
    app = AccordApp(big)
    async with app.run_test(size=(80, 24)) as pilot:
        screen, detail = open_long_entry(app, key)
        await pilot.press("slash")
        screen.query_one("#search-input", Input).value = "paragraphe."  # as pasted
        await pilot.press("enter")
        await pilot.pause(0.3)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.key == key
        assert detail.scroll_y > 5_000
        assert "paragraphe." in shown(detail)


async def test_end_pressed_while_wrapping_lands_on_the_last_line(agreement: Agreement) -> None:
    """`G` before the wrap is done follows the end as lines arrive (it stopped short)."""
    big, key = long_entry(agreement)
    app = AccordApp(big)
    async with app.run_test(size=(80, 24)) as pilot:
        _, detail = open_long_entry(app, key)
        assert detail.virtual_size.height < 5_000  # still wrapping
        detail.action_scroll_end()  # what G does, before the wrap goes on
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert END.split()[-1] in shown(detail)


async def test_a_search_highlights_the_lines_as_wrapped(
    agreement: Agreement, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each keystroke of a search used to wrap the whole entry again, in both panes with
    `b`: matches never move a line break, so the lines stay and only the matches change."""
    wraps: list[int] = []

    def counted(entry: Styled, width: int) -> Iterator[Lines]:
        wraps.append(width)
        return wrap_pieces(entry, width)

    monkeypatch.setattr(detail_module, "wrap_pieces", counted)
    big, key = long_entry(agreement, repeats=1_000)
    app = AccordApp(big)
    async with app.run_test(size=(80, 24)) as pilot:
        screen, detail = open_long_entry(app, key)
        await pilot.press("b")
        await app.workers.wait_for_complete()
        await pilot.pause()
        wrapped = len(wraps)
        await pilot.press("slash")
        screen.query_one("#search-input", Input).value = "paragraphe."  # as pasted
        for _ in range(100):  # the bar reports the query after a pause in typing
            if screen.matched_query == "paragraphe.":
                break
            await pilot.pause(0.05)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(wraps) == wrapped
        for pane in (detail, screen.query_one("#detail-other", Detail)):
            assert pane.scroll_y > 500 and "paragraphe." in shown(pane)
            assert any(span.style == HIGHLIGHT for span in pane.shown.spans)
