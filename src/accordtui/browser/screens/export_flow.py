"""Export a section to a file the user chose, asking before replacing anything."""

from __future__ import annotations

import io
from pathlib import Path

from textual.screen import Screen

from accordtui.agreement.lang import Lang
from accordtui.browser.screens.dialogs import ConfirmDialog, ExportDialog
from accordtui.rendering.labels import Labels, Section, label
from accordtui.writing.atomic import WriteError, write_atomic
from accordtui.writing.inert import inert


def export_name(section: Section, lang: Lang) -> str:
    """The file name offered first: the section and the language it is written in."""
    return f"accord-{section}.{lang}.txt"


async def export_section(
    screen: Screen[None], section: Section, text: str, lang: Lang, words: Labels
) -> None:
    """Run the dialog, confirm an overwrite, write atomically, report in a notification.

    In a web page (`accordtui serve`) the file is offered as a download instead.
    """
    app = screen.app
    name = export_name(section, lang)
    section_name = label(section, lang)
    if app.is_web:  # the server's disk is not the reader's: the browser downloads the file
        app.deliver_text(io.StringIO(text), save_filename=name, encoding="utf-8")
        app.notify(words.downloading.format(name=name), title=words.exported_title, markup=False)
        return
    prompt = words.export_prompt.format(section=section_name)
    path: Path | None = await app.push_screen_wait(ExportDialog(prompt, name, words))
    if path is None:  # cancelled; a chosen path is absolute and checked (not a folder or device)
        return
    overwrite = False
    if path.exists() or path.is_symlink():
        question = inert(words.confirm_replace.format(path=path))
        overwrite = await app.push_screen_wait(ConfirmDialog(question, words))
        if not overwrite:
            app.notify(words.export_cancelled, markup=False)
            return
    try:
        write_atomic(path, text, overwrite=overwrite)
    except WriteError as error:
        message = inert(error.worded(words))
        app.notify(message, title=words.export_failed_title, severity="error", markup=False)
        return
    message = inert(words.exported.format(section=section_name, path=path))
    app.notify(message, title=words.exported_title, markup=False)
