"""Copy and export on the main screen: what leaves the browser.

A base of `BrowserScreen`: the entry as a citation, the section as
`accordtui export` writes it, and the export dialog.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, cast

from textual import work

from accordtui.browser.screens.navigating import Navigating
from accordtui.rendering.labels import label

if TYPE_CHECKING:
    from accordtui.browser.app import AccordApp
    from accordtui.rendering.export import Format


class Sharing(Navigating):
    """Copy the entry or the section, or export them, in the language shown.

    The citation, export and dialog modules are imported at the first copy or export:
    the first frame does not wait for them.
    """

    def action_copy_item(self) -> None:
        """The entry as a citation, ready to paste; the notice shows its first words."""
        from accordtui.rendering.citation import citation, opening_words

        text = citation(self.document, self.key, self.lang)
        self._copy(text, self.words.copied.format(start=opening_words(text)))

    @work(exclusive=True, group="copy")
    async def action_copy_section(self) -> None:
        """The section exactly as `accordtui export SECTION` writes it.

        Written out in a thread: a section of 10,000 entries takes a third of a second,
        during which the reader keeps scrolling. What is copied is what was shown at
        the key press, even if the reader moves on meanwhile.
        """
        from accordtui.rendering.citation import opening_words
        from accordtui.rendering.export import render_document

        document, section, lang, words = self.document, self.section, self.lang, self.words
        text = await asyncio.to_thread(render_document, document, section, "text", lang)
        name = label(section, lang)
        self._copy(text, words.copied_section.format(section=name, start=opening_words(text)))

    def _copy(self, text: str, done: str) -> None:
        """Copy, or say why the reader's clipboard is out of reach (a web page over http)."""
        if cast("AccordApp", self.app).clipboard_refused:
            title = self.words.cannot_copy_title
            self.notify(self.words.cannot_copy, title=title, severity="warning", markup=False)
            return
        self.app.copy_to_clipboard(text)
        self.notify(done, markup=False)

    @work(exclusive=True, group="export")
    async def action_export_section(self, scope: str = "", fmt: Format = "text") -> None:
        """The export dialog, on this section (or `scope`: `all`) and `fmt` at first."""
        from accordtui.browser.screens.export_flow import export_chosen

        choice = (scope or self.section, fmt)
        await export_chosen(self, self.document, self.section, self.lang, self.words, choice)
