"""Navigation on the main screen: sections, entries, links, and back and forward.

A base of `BrowserScreen` (which draws the panes), above `Searching`: where the
reader is (the section, the entry, the paragraph they came from) and how they move.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.reactive import reactive
from textual.widgets import OptionList

from accordtui.browser.history import History, Place
from accordtui.browser.screens.searching import Searching
from accordtui.browser.widgets.detail import Detail
from accordtui.browser.widgets.item_list import ItemList
from accordtui.browser.widgets.link_list import LinkList
from accordtui.browser.widgets.section_tabs import SectionTabs
from accordtui.rendering.blocks import colon
from accordtui.rendering.labels import SECTIONS, Section, label

if TYPE_CHECKING:
    from accordtui.browser.widgets.live_file import LiveFile
    from accordtui.rendering.document import Document


class Navigating(Searching):
    """Move between sections and entries, follow links, and come back."""

    section: reactive[Section] = reactive("overview", init=False)

    def __init__(self, document: Document) -> None:
        super().__init__(document)
        self.came_from: str | None = None
        """The entry whose excerpt is highlighted when showing its source paragraph."""
        self.history = History()

    if TYPE_CHECKING:  # the screen that browses draws the panes its own way

        def _refresh_all(self) -> None: ...
        def _show_detail(self) -> None: ...
        def _relabel(self) -> None: ...

    def place(self) -> Place:
        """Where the reader is now, for back and forward."""
        focused = self.focused
        panes = ("items", "detail", "links")
        focus = focused.id if focused is not None and focused.id in panes else "items"
        links = self.query_one("#links", ItemList)
        scroll = self.query_one(Detail).scroll_y
        return Place(self.key, focus, scroll, links.highlighted, self.came_from)

    def go_to(self, key: str, *, remember: bool = True) -> None:
        """Show `key` in its section; `remember` lets back return here."""
        if key not in self.document:
            return
        if remember and key != self.key:
            self.history.moved(self.place())
            self.refresh_bindings()
        source = self.document.source_of(self.key)
        self.came_from = self.key if source == key else None
        self._show(key)

    def _show(self, key: str) -> None:
        self.key = key
        section = self.document.section_of(key)
        if section != self.section:
            self.section = section  # the watcher redraws everything
        else:
            self._refresh_all()

    def on_live_file_reloaded(self, event: LiveFile.Reloaded) -> None:
        """Named for Textual to route it: `--watch` alone imports the LiveFile."""
        changed = event.changed if event.before is self.document else None
        self.show_document(event.document, changed)

    def show_document(self, document: Document, changed: frozenset[str] | None = None) -> None:
        """The file saved again: the same section, entry, focus, link and scroll, where
        they still exist (an entry gone gives its section's first, or the Overview's).

        `changed`: the entries whose lines differ from the document shown (None: any
        may); a list of links is kept, and only their lines say something new.
        """
        place = self.place()
        if changed is None:
            self.query_one("#links", ItemList).forget()
        self.document = document
        self._indexes.clear()
        self._relabel()  # the title may have changed
        if place.key not in document:
            keys = document.keys(self.section) or document.keys("overview")
            place = place._replace(key=keys[0], scroll=0, link=None, came_from=None)
        elif place.came_from is not None and place.came_from not in document:
            place = place._replace(came_from=None)
        self._restore(place)
        if changed:
            self.query_one(LinkList).renew(document, self.key, self.lang, changed)
        self._update_matches()

    def action_show_section(self, section: Section) -> None:
        keys = self.document.keys(section)
        if not keys:
            name = label(section, self.lang)
            self.notify(f"{name}{colon(self.lang)} {self.words.empty}", markup=False)
        elif section != self.section:
            self.go_to(keys[0])
        self.query_one("#items").focus()

    def action_step_section(self, step: int) -> None:
        """`]` and `[`: the next or previous section, stopping at the ends."""
        index = SECTIONS.index(self.section) + step
        if 0 <= index < len(SECTIONS):
            self.action_show_section(SECTIONS[index])

    def action_back(self) -> None:
        """Escape closes the search bar first; then it steps back through history."""
        if self._bar is not None and self._bar.is_open:
            self._bar.action_close()
            return
        self._restore(self.history.go_back(self.place()))

    def action_forward(self) -> None:
        self._restore(self.history.go_forward(self.place()))

    def _restore(self, place: Place | None) -> None:
        self.refresh_bindings()  # back and forward are dimmed where there is nowhere to go
        if place is None or place.key not in self.document:
            return
        self.came_from = place.came_from
        self._show(place.key)
        links = self.query_one("#links", ItemList)
        if place.link is not None and links.has_row(place.link):
            links.highlighted = place.link
        target = self.query_one(f"#{place.focus}")
        (target if target.display else self.query_one("#items")).focus()
        detail = self.query_one(Detail)
        detail.call_after_refresh(detail.scroll_to_line, round(place.scroll))

    @on(OptionList.OptionHighlighted, "#items")
    def _item_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        key = event.option.id
        if key is None or self.document.section_of(key) != self.section:
            return  # posted for a list that fast keys have already replaced
        if key != self.key:
            self.key = key
            self.came_from = None
            self._show_detail()

    @on(OptionList.OptionSelected, "#items")
    def _item_opened(self) -> None:
        links = self.query_one("#links", ItemList)
        target = links if links.display else self.query_one(Detail)
        target.focus()

    @on(SectionTabs.Clicked, "#sections")
    def _tab_clicked(self, event: SectionTabs.Clicked) -> None:
        if event.section != self.section:
            self.action_show_section(event.section)

    @on(OptionList.OptionSelected, "#links")
    def _link_followed(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.go_to(event.option.id)
            self.query_one("#items").focus()

    def jump_to(self, key: str) -> None:
        """The palette's jump: the entry shown, and the list's focus on it, so `j` and `k`
        go on from there."""
        self.go_to(key)
        self.query_one("#items").focus()
