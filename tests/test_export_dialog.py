"""The export dialog: scope × format chosen in the dialog give the bytes of `accordtui
export` for the same choice; the proposed name follows the choice, a typed extension
selects the format, and the palette offers every combination."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, RadioSet

from accordtui.agreement.model import Agreement
from accordtui.browser.app import AccordApp
from accordtui.browser.screens.export_dialog import ExportDialog
from accordtui.cli import main
from accordtui.rendering.export import FORMATS
from accordtui.rendering.labels import FR
from tests.test_interface import palette_prompts

SIZE = (80, 24)


def _name(app: AccordApp) -> str:
    return app.screen.query_one("#export-path", Input).value


def _chosen(app: AccordApp, radio_set: str) -> str | None:
    pressed = app.screen.query_one(radio_set, RadioSet).pressed_button
    return pressed.id if pressed else None


async def test_each_scope_and_format_writes_what_the_command_line_writes(
    agreement: Agreement, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = AccordApp(agreement, file_name="accord.yaml")  # as `accordtui` names its file
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")
        for scope in ("quotes", "all"):
            for fmt in FORMATS:
                await pilot.press("e")
                await pilot.click("#export-all" if scope == "all" else "#export-section")
                await pilot.click(f"#export-{fmt}")
                name = _name(app)
                await pilot.click("#export-ok")
                await pilot.pause()
                command = tmp_path / f"cli-{name}"
                assert main(["export", scope, "-f", fmt, "-o", str(command)]) == 0
                assert (tmp_path / name).read_bytes() == command.read_bytes(), name
    written = sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("cli-"))
    assert written == sorted(
        f"accord-{scope}.fr.{ext}" for scope in ("quotes", "all") for ext in ("txt", "md", "json")
    )


async def test_the_name_follows_the_choice_and_a_typed_extension_chooses(
    agreement: Agreement,
) -> None:
    app = AccordApp(agreement)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "e")
        assert _name(app) == "accord-objectives.fr.txt"
        await pilot.click("#export-all")
        await pilot.click("#export-json")
        assert _name(app) == "accord-all.fr.json"
        app.screen.query_one("#export-path", Input).value = "notes/accord.MD"
        await pilot.pause()
        assert _chosen(app, "#export-format") == "export-markdown"
        assert _name(app) == "notes/accord.MD"  # the reader's name is left as typed
        await pilot.click("#export-text")
        assert _name(app) == "notes/accord.txt"  # their stem, the format's extension
        await pilot.click("#export-section")
        assert _name(app) == "notes/accord.txt"
        await pilot.press("escape")
        await pilot.press("ctrl+p", *"export")
        await pilot.pause(0.4)
        prompts = [p.split("\n")[0] for p in palette_prompts(app)]
        combos = [
            FR.palette_export.format(scope=scope, format=fmt)
            for scope in (FR.objectives, FR.export_all)
            for fmt in (FR.format_text, FR.format_markdown, FR.format_json)
        ]
        assert [p for p in prompts if p in combos] == combos
        await pilot.press("down", "down", "enter")  # the third: this section as JSON
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        assert _name(app) == "accord-objectives.fr.json"
        assert _chosen(app, "#export-format") == "export-json"
