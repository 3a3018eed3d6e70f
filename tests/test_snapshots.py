"""What the screen looks like. Review new SVGs in snapshot_report.html before committing."""

from __future__ import annotations

import pytest

from accordtui.agreement.model import Agreement
from accordtui.browser.app import AccordApp

SECTION_KEYS = ["1", "2", "3", "4", "5", "6"]


@pytest.mark.parametrize("key", SECTION_KEYS)
def test_sections_at_80x24(snap_compare, agreement: Agreement, key: str) -> None:
    assert snap_compare(AccordApp(agreement), press=[key], terminal_size=(80, 24))


def test_english_quotes(snap_compare, agreement: Agreement) -> None:
    assert snap_compare(AccordApp(agreement, lang="en"), press=["5"], terminal_size=(80, 24))


def test_help_screen(snap_compare, agreement: Agreement) -> None:
    assert snap_compare(AccordApp(agreement), press=["question_mark"], terminal_size=(80, 24))


def test_narrow_layout(snap_compare, agreement: Agreement) -> None:
    assert snap_compare(AccordApp(agreement), press=["5"], terminal_size=(60, 20))


def test_search_highlight(snap_compare, agreement: Agreement) -> None:
    press = ["slash", *"pepr", "enter", "n"]
    assert snap_compare(AccordApp(agreement), press=press, terminal_size=(80, 24))


def test_paragraph_with_the_excerpt_marked(snap_compare, agreement: Agreement) -> None:
    press = ["4", "j", "enter", "end", "enter"]
    assert snap_compare(AccordApp(agreement), press=press, terminal_size=(80, 24))


def test_export_dialog(snap_compare, agreement: Agreement) -> None:
    assert snap_compare(AccordApp(agreement), press=["3", "e"], terminal_size=(80, 24))
