"""Export a section to a file the user chose, asking before replacing anything."""

from __future__ import annotations

from pathlib import Path

from textual.screen import Screen

from accordtui.atomic import WriteError, write_atomic
from accordtui.browser.screens.dialogs import ConfirmDialog, ExportDialog


async def export_section(screen: Screen[None], section: str, text: str) -> None:
    """Run the dialog, confirm an overwrite, write atomically, report in a notification."""
    app = screen.app
    chosen = await app.push_screen_wait(
        ExportDialog(f"Export the {section} section as plain text to:", f"accord-{section}.txt")
    )
    if chosen is None:
        return
    path = Path.cwd() / chosen
    overwrite = False
    if path.exists() or path.is_symlink():
        if path.is_dir():
            app.notify(f"{path} is a folder; choose a file name", severity="error", markup=False)
            return
        overwrite = await app.push_screen_wait(ConfirmDialog(f"{path} exists. Replace it?"))
        if not overwrite:
            app.notify("Export cancelled; nothing was written", markup=False)
            return
    try:
        write_atomic(path, text, overwrite=overwrite)
    except WriteError as error:
        app.notify(str(error), title="Export failed", severity="error", markup=False)
        return
    app.notify(f"Exported {section} to {path}", title="Exported", markup=False)
