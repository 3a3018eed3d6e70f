"""Export what the reader chose to a file, asking before replacing anything."""

from __future__ import annotations

import io

from textual.screen import Screen

from accordtui.agreement.lang import Lang
from accordtui.browser.screens.dialogs import ConfirmDialog
from accordtui.browser.screens.export_dialog import ExportChoice, ExportDialog
from accordtui.rendering.document import Document
from accordtui.rendering.export import Format, render_document
from accordtui.rendering.labels import Labels, Section, label
from accordtui.writing.atomic import WriteError, write_atomic
from accordtui.writing.inert import inert


async def export_chosen(
    screen: Screen[None],
    document: Document,
    section: Section,
    lang: Lang,
    words: Labels,
    choice: tuple[str, Format],
) -> None:
    """Run the dialog (`choice`: the scope and format it starts on), confirm an
    overwrite, write atomically, report in a notification. The bytes are those of
    `accordtui export` for the same scope, format and language.

    In a web page (`accordtui serve`) the file is offered as a download instead.
    """
    app = screen.app
    dialog = ExportDialog(words, section, lang, choice, web=app.is_web)
    chosen: ExportChoice | None = await app.push_screen_wait(dialog)
    if chosen is None:  # cancelled; a chosen path is absolute and checked (not a folder or device)
        return
    text = render_document(document, chosen.scope, chosen.fmt, lang)
    if app.is_web:  # the server's disk is not the reader's: the browser downloads the file
        name = chosen.path.name
        app.deliver_text(io.StringIO(text), save_filename=name, encoding="utf-8")
        app.notify(words.downloading.format(name=name), title=words.exported_title, markup=False)
        return
    path = chosen.path
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
    if chosen.scope == "all":
        message = inert(words.exported_all.format(path=path))
    else:
        message = inert(words.exported.format(section=label(section, lang), path=path))
    app.notify(message, title=words.exported_title, markup=False)
