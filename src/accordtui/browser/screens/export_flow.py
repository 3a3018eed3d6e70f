"""Export a section to a file the user chose, asking before replacing anything."""

from __future__ import annotations

import io
from pathlib import Path

from textual.screen import Screen

from accordtui.atomic import WriteError, write_atomic
from accordtui.browser.screens.dialogs import ConfirmDialog, ExportDialog


async def export_section(screen: Screen[None], section: str, text: str) -> None:
    """Run the dialog, confirm an overwrite, write atomically, report in a notification.

    In a web page (`accordtui serve`) the file is offered as a download instead.
    """
    app = screen.app
    if app.is_web:  # the server's disk is not the reader's: the browser downloads the file
        app.deliver_text(io.StringIO(text), save_filename=f"accord-{section}.txt", encoding="utf-8")
        app.notify(f"Downloading accord-{section}.txt", title="Exported", markup=False)
        return
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
