"""Export a section to a file the user chose, asking before replacing anything."""

from __future__ import annotations

import io
from pathlib import Path

from textual.screen import Screen

from accordtui.atomic import WriteError, write_atomic
from accordtui.browser.screens.dialogs import ConfirmDialog, ExportDialog
from accordtui.inert import inert


async def export_section(screen: Screen[None], section: str, text: str) -> None:
    """Run the dialog, confirm an overwrite, write atomically, report in a notification.

    In a web page (`accordtui serve`) the file is offered as a download instead.
    """
    app = screen.app
    if app.is_web:  # the server's disk is not the reader's: the browser downloads the file
        app.deliver_text(io.StringIO(text), save_filename=f"accord-{section}.txt", encoding="utf-8")
        app.notify(f"Downloading accord-{section}.txt", title="Exported", markup=False)
        return
    path: Path | None = await app.push_screen_wait(
        ExportDialog(f"Export the {section} section as plain text to:", f"accord-{section}.txt")
    )
    if path is None:  # cancelled; a chosen path is absolute and checked (not a folder or device)
        return
    overwrite = False
    if path.exists() or path.is_symlink():
        question = inert(f"{path} exists. Replace it?")
        overwrite = await app.push_screen_wait(ConfirmDialog(question))
        if not overwrite:
            app.notify("Export cancelled; nothing was written", markup=False)
            return
    try:
        write_atomic(path, text, overwrite=overwrite)
    except WriteError as error:
        app.notify(inert(str(error)), title="Export failed", severity="error", markup=False)
        return
    app.notify(inert(f"Exported {section} to {path}"), title="Exported", markup=False)
