"""Search on the main screen: the bar, the matches, `n` and `N`, and the counter.

A base of `BrowserScreen`, which adds the sections, the panes and navigation; the
reactives both read (the language shown, the query) are declared here.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from textual import work
from textual.reactive import reactive
from textual.screen import Screen

from accordtui.agreement.lang import Lang
from accordtui.browser.search import SearchIndex
from accordtui.rendering.labels import Labels, labels_for

if TYPE_CHECKING:
    from accordtui.browser.widgets.search_bar import SearchBar
    from accordtui.rendering.document import Document


class Searching(Screen[None]):
    """Find entries by their words, in the language shown (with `both`, in either)."""

    lang: reactive[Lang] = reactive("fr", init=False)
    query_text: reactive[str] = reactive("", init=False)
    both: reactive[bool] = reactive(False, init=False)
    """The other language shown beside (or under) the shown one."""

    def __init__(self, document: Document) -> None:
        super().__init__()
        self.document = document
        self.key = document.keys("overview")[0]
        """The entry shown."""
        self.matches: list[str] = []
        self.matched_query = ""
        """The query that `matches` answers (the search runs in a thread)."""
        self._indexes: dict[Lang, SearchIndex] = {}
        self._index_lock = threading.Lock()
        self._last_query = ""
        """The query of the search bar last closed: `n` and `N` take it up again."""
        self._bar: SearchBar | None = None
        """The search bar, once built (with its module: not before the first frame)."""

    @property
    def words(self) -> Labels:
        """The interface words of the language shown."""
        return labels_for(self.lang)

    @property
    def other_lang(self) -> Lang:
        return "en" if self.lang == "fr" else "fr"

    if TYPE_CHECKING:  # the screen that browses shows an entry its own way

        def go_to(self, key: str, *, remember: bool = True) -> None: ...

    async def search_bar(self) -> SearchBar:
        """The bar, built at the first search: most readings never search, and building
        it with the first screen cost every start 34 M instructions (of 1,345 M). Keys
        typed meanwhile wait: the app reads its next key once the action that awaits
        this returns."""
        if self._bar is None:
            from accordtui.browser.widgets.search_bar import SearchBar

            self._bar = SearchBar(id="search-bar")
            await self.mount(self._bar, before="KeyFooter")
            self._bar.set_placeholder(self.words.search_placeholder)
        return self._bar

    async def action_search(self) -> None:
        (await self.search_bar()).open()
        self.add_class("-searching")  # notices rise above the match counter
        self._build_indexes()

    @work(thread=True, group="search-index")
    def _build_indexes(self) -> None:
        """While the query is typed: enter pressed before the search bar reports it then
        finds the indexes built (it built them on the loop: 240-440 ms with `b` and an
        entry of 1 MB)."""
        for lang in (self.lang, self.other_lang) if self.both else (self.lang,):
            self._index(lang)

    def on_search_bar_query_changed(self, event: SearchBar.QueryChanged) -> None:
        self.query_text = event.query.strip()
        self._update_matches()

    def _search(self, query: str, lang: Lang) -> list[str]:
        """Entries that hold `query`; with both languages shown, in either language."""
        if not query:
            return []  # no index built for nothing: a toggle must not fold every entry
        found = self._index(lang).search(query)
        if not self.both:
            return found
        either = set(found) | set(self._index(self.other_lang).search(query))
        return [key for key in self._index(lang).keys if key in either]

    def _index(self, lang: Lang) -> SearchIndex:
        """Built once, by the first to ask (a thread, mostly): the others wait for it
        rather than build it again. An index of a document since replaced is not kept."""
        with self._index_lock:
            index = self._indexes.get(lang)
            if index is None:
                document = self.document
                index = SearchIndex(document, lang)
                if document is self.document:
                    self._indexes[lang] = index
            return index

    @work(exclusive=True, thread=True, group="search")
    def _update_matches(self) -> None:
        """Search off the event loop, so typing never waits on a large document."""
        query = self.query_text
        matches = self._search(query, self.lang)
        self.app.call_from_thread(self._show_matches, query, matches)

    def _show_matches(self, query: str, matches: list[str]) -> None:
        if query != self.query_text:
            return  # a newer query is on its way
        self.matches = matches
        self.matched_query = query
        if self.key in matches:
            self._show_position()
        else:
            self._show_count(self._count_text(query, matches))

    def _show_count(self, text: str) -> None:
        if self._bar is not None:  # none before the first search: nothing to count
            self._bar.show_count(text)

    def _count_text(self, query: str, matches: list[str]) -> str:
        """How many entries match, in words, before the reader steps through them."""
        if not query:
            return ""
        if len(matches) > 1:
            return self.words.match_count.format(count=len(matches))
        return self.words.match_count_one if matches else self.words.match_none

    def on_search_bar_submitted(self, event: SearchBar.Submitted) -> None:
        self._submit(event.query)

    async def search_text(self, query: str) -> None:
        """The palette's fallback: the search bar opens on `query`, at its first match."""
        (await self.search_bar()).show_query(query)
        self.add_class("-searching")
        self._submit(query)

    def _submit(self, query: str) -> None:
        """Enter keeps the match the reader sees; elsewhere it shows the first one."""
        self.query_text = query.strip()
        self._show_matches(self.query_text, self._search(self.query_text, self.lang))
        if self.matches:
            if self.key not in self.matches:
                self.go_to(self.matches[0])
            self.query_one("#items").focus()
            self._show_position()

    def on_search_bar_closed(self) -> None:
        self._last_query = self.query_text or self._last_query
        self.remove_class("-searching")
        self.query_text = ""
        self.matches = []
        self.query_one("#items").focus()

    def action_next_match(self, step: int) -> None:
        if not self.matches and self._last_query:  # as in less and vi: the last search again
            query = self._last_query
            assert self._bar is not None, "a query is kept only from a bar closed"
            self._bar.show_query(query)
            self.add_class("-searching")
            self.query_text = query
            self.matched_query = query
            self.matches = self._search(query, self.lang)
        if not self.matches:
            self.notify(self.words.no_matches, markup=False)
            return
        position = self.matches.index(self.key) if self.key in self.matches else -1
        if position < 0 and step < 0:
            position = 0
        self.go_to(self.matches[(position + step) % len(self.matches)])
        self._show_position()

    def _show_position(self) -> None:
        """The counter says which match is shown: "2/5" (with both languages, "2/5 · EN")."""
        query = self.matched_query or self.query_text
        if self.key in self.matches:
            position = self.matches.index(self.key) + 1
            text = self.words.match_position.format(position=position, count=len(self.matches))
            if self.both:  # which language holds the words: FR, EN or both
                langs = (lang for lang in ("fr", "en") if self._index(lang).has(self.key, query))
                text += f" · {'+'.join(lang.upper() for lang in langs)}"
            self._show_count(text)
