"""The browser at the three sizes people try, in both languages. Review SVGs before committing."""

from __future__ import annotations

from pathlib import Path

import pytest

from accordtui.agreement.model import Agreement
from accordtui.browser.app import AccordApp

SIZES = [(80, 24), (60, 20), (40, 15)]
LANGS = ["fr", "en"]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_objectives(snap_compare, agreement: Agreement, size, lang) -> None:
    assert snap_compare(AccordApp(agreement, lang=lang), press=["3"], terminal_size=size)


def test_the_readme_screenshot_is_the_current_objectives_screen() -> None:
    """The README shows the 80x24 French snapshot above; a UI change must update both."""
    here = Path(__file__).parent
    snapshot = here / "__snapshots__" / "test_snapshots_interface" / "test_objectives[80x24-fr].svg"
    assert (here.parent / "docs" / "screenshot.svg").read_bytes() == snapshot.read_bytes()


@pytest.mark.parametrize("lang", LANGS)
def test_help_at_60x20(snap_compare, agreement: Agreement, lang) -> None:
    app = AccordApp(agreement, lang=lang)
    assert snap_compare(app, press=["question_mark"], terminal_size=(60, 20))


@pytest.mark.parametrize("lang", LANGS)
def test_export_dialog_at_40x15(snap_compare, agreement: Agreement, lang) -> None:
    assert snap_compare(AccordApp(agreement, lang=lang), press=["5", "e"], terminal_size=(40, 15))


@pytest.mark.parametrize("lang", LANGS)
def test_search_position_at_80x24(snap_compare, agreement: Agreement, lang) -> None:
    async def run_before(pilot) -> None:
        await pilot.press("slash", *"bercy")
        await pilot.pause(0.3)
        await pilot.press("enter", "n")
        await pilot.pause()

    app = AccordApp(agreement, lang=lang)
    assert snap_compare(app, run_before=run_before, terminal_size=(80, 24))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES[:2], ids=lambda s: f"{s[0]}x{s[1]}")
def test_help_ends_with_the_legend(snap_compare, agreement: Agreement, size, lang) -> None:
    app = AccordApp(agreement, lang=lang)
    assert snap_compare(app, press=["question_mark", "G"], terminal_size=size)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES[:2], ids=lambda s: f"{s[0]}x{s[1]}")
def test_both_languages(snap_compare, agreement: Agreement, size, lang) -> None:
    """Side by side at 80x24; one under the other at 60x20."""
    app = AccordApp(agreement, lang=lang)
    assert snap_compare(app, press=["5", "b"], terminal_size=size)
