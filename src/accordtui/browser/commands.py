"""Command palette entries: every entry of the agreement and every browser action by name."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from accordtui.browser.fold import fold
from accordtui.browser.screens.browser import BrowserScreen
from accordtui.rendering.export import FORMATS
from accordtui.rendering.labels import SECTIONS, label

Command = tuple[str, Callable[[], object], str]


def prefix_score(name: str, query: str) -> float:
    """How well `query` matches `name` word by word (0: not at all).

    Each word of the query must begin a word of the name, in order, accents and case
    ignored: "bru" finds "Bruno Sportisse", "bruno" never finds "promotion".
    """
    words = fold(name).replace("›", " ").split()
    position = 0
    for needle in fold(query).split():
        while position < len(words) and not words[position].startswith(needle):
            position += 1
        if position == len(words):
            return 0.0
        position += 1
    return 1.0 / (1 + position / 10)


class AgreementCommands(Provider):
    """Offers every entry of the agreement and the browser's actions."""

    def _commands(self) -> list[Command]:
        screen = self.screen
        if not isinstance(screen, BrowserScreen):
            return []
        doc, lang, words = screen.document, screen.lang, screen.words
        commands: list[Command] = [
            *_exports(screen),
            (words.key_copy_item, screen.action_copy_item, "y"),
            (words.key_copy_section, screen.action_copy_section, "Y"),
            (words.key_lang, screen.action_toggle_lang, "l"),
            (words.key_search, screen.action_search, "/"),
            (words.key_help, screen.action_help, "?"),
        ]
        for section in SECTIONS:
            for key in doc.keys(section):
                title = f"{label(section, lang)} › {doc.title(key, lang)}"
                commands.append((title, partial(screen.jump_to, key), words.palette_go_to))
        return commands

    async def discover(self) -> Hits:
        for name, run, help_text in self._commands():
            yield DiscoveryHit(Content(name), run, text=name, help=help_text)

    async def search(self, query: str) -> Hits:
        found = False
        for name, run, help_text in self._commands():
            score = prefix_score(name, query)
            if score > 0:
                found = True
                # Content, not matcher.highlight(): that parses the entry as markup.
                yield Hit(score, Content(name), run, text=name, help=help_text)
        screen = self.screen
        if not found and query.strip() and isinstance(screen, BrowserScreen):
            # No title says it: the words may still be in the text (not "no match").
            name = screen.words.palette_search_text.format(query=query.strip())
            run = partial(screen.search_text, query)
            yield Hit(1.0, Content(name), run, text=name, help=screen.words.key_search)


def _exports(screen: BrowserScreen) -> list[Command]:
    """Export, once per scope and format; each opens the dialog on that choice."""
    words, lang = screen.words, screen.lang
    scopes = ((screen.section, label(screen.section, lang)), ("all", words.export_all))
    return [
        (
            words.palette_export.format(scope=name, format=getattr(words, f"format_{fmt}")),
            partial(screen.action_export_section, scope, fmt),
            "e",
        )
        for scope, name in scopes
        for fmt in FORMATS
    ]
