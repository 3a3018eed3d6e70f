"""Command palette entries: jump to any entry, and every browser action by name."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from accordtui.browser.screens.browser import BrowserScreen
from accordtui.labels import SECTIONS, label


class AgreementCommands(Provider):
    """Offers every entry of the agreement and the browser's actions."""

    def _commands(self) -> list[tuple[str, Callable[[], object], str]]:
        screen = self.screen
        if not isinstance(screen, BrowserScreen):
            return []
        doc, lang = screen.document, screen.lang
        commands: list[tuple[str, Callable[[], object], str]] = [
            ("Export section as text", screen.action_export_section, "e"),
            ("Copy item as text", screen.action_copy_item, "y"),
            ("Copy section as text", screen.action_copy_section, "Y"),
            ("Toggle language FR/EN", screen.action_toggle_lang, "l"),
            ("Search", screen.action_search, "/"),
            ("Show keys", screen.action_help, "?"),
        ]
        for section in SECTIONS:
            for key in doc.keys(section):
                title = f"{label(section, lang)} › {doc.title(key, lang)}"
                commands.append((title, partial(screen.go_to, key), "go to"))
        return commands

    async def discover(self) -> Hits:
        for name, run, help_text in self._commands()[:6]:
            yield DiscoveryHit(Content(name), run, text=name, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, run, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                # Content, not matcher.highlight(): that parses the entry as markup.
                yield Hit(score, Content(name), run, text=name, help=help_text)
