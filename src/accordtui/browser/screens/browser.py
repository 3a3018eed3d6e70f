"""The main screen: sections as tabs, a list of entries, the detail and its links."""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, ClassVar, cast

from textual import on, work
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding, BindingType
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.widgets import Input, OptionList, Tabs
from textual.widgets.option_list import Option

from accordtui.agreement.lang import Lang
from accordtui.browser.history import History, Place
from accordtui.browser.keys import help_rows, translate, while_searching
from accordtui.browser.legend import legend_rows
from accordtui.browser.screens.export_flow import export_chosen
from accordtui.browser.screens.help import HelpScreen
from accordtui.browser.screens.once import SHORT_ROWS
from accordtui.browser.screens.searching import Searching
from accordtui.browser.widgets.detail import Detail
from accordtui.browser.widgets.detail_pane import DetailPane
from accordtui.browser.widgets.hanging import LONG_LIST, Hanging
from accordtui.browser.widgets.item_list import ItemList, row_option
from accordtui.browser.widgets.key_footer import KeyFooter
from accordtui.browser.widgets.live_file import LiveFile
from accordtui.browser.widgets.search_bar import SearchBar
from accordtui.browser.widgets.top_bar import SectionTabs, TopBar, tabs_width
from accordtui.rendering.blocks import colon
from accordtui.rendering.citation import citation, opening_words
from accordtui.rendering.document import Document
from accordtui.rendering.export import Format, render_document
from accordtui.rendering.labels import SECTIONS, Section, label

if TYPE_CHECKING:
    from accordtui.browser.app import AccordApp


BOTH_SIDE_BY_SIDE = 80
"""From this width both languages stand side by side (about 22 cells of text each at
80 columns); below, where the panes stack, one under the other."""
PALETTE_KEY_COLUMNS = 110
"""From this width the footer also shows the palette's key; below, it would cover
"Quitter" (the French keys need 106 columns)."""


class BrowserScreen(Searching):
    """Browse the agreement; every action here is also in the command palette."""

    HORIZONTAL_BREAKPOINTS = [  # noqa: RUF012 (Textual declares it as an instance attribute)
        (0, "-narrow"),
        (72, "-wide"),
    ]

    AUTO_FOCUS = "#items"
    """Only when nothing has focus: a `/` typed while the app starts keeps the search field."""
    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(str(n), f"show_section('{s}')", s, show=False, id=f"section.{s}")
            for n, s in enumerate(SECTIONS, start=1)
        ),
        Binding("tab", "app.focus_next", "Next pane", show=False, id="pane.next"),
        Binding("shift+tab", "app.focus_previous", "Previous pane", show=False, id="pane.previous"),
        Binding("escape,backspace,alt+left", "back", "Back", id="back"),
        Binding("f,alt+right", "forward", "Forward", show=False, id="forward"),
        Binding("right_square_bracket", "step_section(1)", "Next", show=False, id="section.next"),
        Binding(
            "left_square_bracket", "step_section(-1)", "Previous", show=False, id="section.previous"
        ),
        # Priority: handled on arrival, so keys typed right after / land in the search field.
        Binding("slash", "search", "Search", id="search", priority=True),
        Binding("n", "next_match(1)", "Next match", show=False, id="search.next"),
        Binding("N", "next_match(-1)", "Previous match", show=False, id="search.previous"),
        Binding("e", "export_section", "Export", id="export"),
        Binding("y", "copy_item", "Copy", id="copy.item"),
        Binding("Y", "copy_section", "Copy section", show=False, id="copy.section"),
        Binding("l", "toggle_lang", "FR/EN", id="lang"),
        Binding("b", "toggle_both", "Both languages", show=False, id="lang.both"),
        Binding("question_mark,f1", "help", "Help", id="help"),
    ]

    section: reactive[Section] = reactive("overview", init=False)

    def __init__(
        self, document: Document, lang: Lang = "fr", live_file: LiveFile | None = None
    ) -> None:
        super().__init__(document)
        self._live_file = live_file
        """Shown under the panes with `--watch`: the file's problems, if it has any."""
        self.set_reactive(BrowserScreen.lang, lang)
        self.came_from: str | None = None
        """The entry whose excerpt is highlighted when showing its source paragraph."""
        self.history = History()

    def compose(self) -> ComposeResult:
        yield TopBar(id="topbar")
        with Horizontal(id="body"):
            yield ItemList(id="items")
            with DetailPane(id="detail-pane"):
                with Horizontal(id="details"):
                    yield Detail(id="detail")
                    yield Detail(id="detail-other")
                yield ItemList(id="links")
        if self._live_file is not None:
            yield self._live_file
        yield SearchBar(id="search-bar")
        yield KeyFooter(show_command_palette=self.app.size.width >= PALETTE_KEY_COLUMNS)

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """Footer and help read this: descriptions in the reader's language, fitted to width.

        While the search bar is open, `back` closes it, and says so (in the search field,
        the field's own escape says so), `/` (search) makes room for it, and `n` and `N`
        show, as they step through the matches.
        """
        width = self.size.width
        bindings = translate(super().active_bindings, self.words, width)
        if self._search_is_open():
            in_field = isinstance(self.focused, Input)
            return while_searching(bindings, self.words, width, in_field=in_field)
        return bindings

    def _search_is_open(self) -> bool:
        return any(bar.is_open for bar in self.query(SearchBar))

    def on_resize(self) -> None:
        """Narrow screens: a compact section indicator, a footer that keeps help and quit."""
        width = self.size.width
        self.set_class(width < tabs_width(self.words), "-compact-tabs")
        self.set_class(self.size.height < SHORT_ROWS, "-short")
        details = self.query_one("#details")
        details.set_class(width < BOTH_SIDE_BY_SIDE, "-stacked")
        self.query_one(KeyFooter).show_command_palette = width >= PALETTE_KEY_COLUMNS
        self.refresh_bindings()

    def on_mount(self) -> None:
        self._relabel()
        self._refresh_all()

    def on_screen_suspend(self) -> None:
        """Help, dialogs and the palette have keys of their own: ours would mislead."""
        self.query_one(KeyFooter).display = False

    def on_screen_resume(self) -> None:
        self.query_one(KeyFooter).display = True

    # -- drawing ---------------------------------------------------------------

    def _refresh_all(self) -> None:
        self.query_one(TopBar).show(self.section, self.lang, self.words)
        self._fill_items()
        self._show_detail()

    def _relabel(self) -> None:
        """Interface words follow the content language."""
        self.query_one(TopBar).relabel(self.document.agreement.title, self.lang, self.words)
        self.query_one(SearchBar).set_placeholder(self.words.search_placeholder)
        if self._live_file is not None:
            self._live_file.relabel(self.words)
        self.refresh_bindings()

    def _fill_items(self) -> None:
        items = self.query_one("#items", ItemList)
        rows = self.document.rows(self.section, self.lang)
        keys = [row.key for row in rows if row.key]
        items.clear_options()
        one_line = len(rows) > LONG_LIST
        ours = self.words.grouping_mark
        items.add_options(row_option(row, ours, one_line=one_line or row.brief) for row in rows)
        if self.key not in keys:
            self.key = keys[0]
        items.highlighted = next(i for i, row in enumerate(rows) if row.key == self.key)

    def _show_detail(self) -> None:
        blocks = self.document.blocks(self.key, self.lang, links=False)  # the links pane has them
        excerpts = self.document.excerpt(self.came_from) if self.came_from else []
        self.query_one(Detail).show_blocks(blocks, self.lang, self.query_text, excerpts)
        if self.both:
            other = self.other_lang
            blocks = self.document.blocks(self.key, other, links=False)
            other_detail = self.query_one("#detail-other", Detail)
            other_detail.show_blocks(blocks, other, self.query_text, excerpts)
        links = self.query_one("#links", ItemList)
        links.clear_options()
        related = self.document.links(self.key)
        one_line = len(related) > LONG_LIST
        links.add_options(
            Option(
                Hanging("→ ", partial(self.document.link_text, r, self.lang), one_line=one_line),
                id=r.key,
            )
            for r in related
        )
        links.display = links.option_count > 0
        if links.option_count:
            links.highlighted = 0
        self.query_one(DetailPane).share_rows()

    def watch_section(self) -> None:
        self._refresh_all()

    def watch_lang(self) -> None:
        self.app.clear_notifications()  # a notice in the other language would linger
        self._name_panes()
        self.on_resize()  # tab labels change width with the language
        self._relabel()
        self._refresh_all()
        self._update_matches()

    def watch_query_text(self) -> None:
        self._show_detail()

    def watch_both(self, both: bool) -> None:
        self.set_class(both, "-both")
        self._name_panes()
        self._show_detail()
        self._update_matches()

    def _name_panes(self) -> None:
        """With both languages shown, each pane says which it holds, in the reader's words."""
        names = {"fr": self.words.pane_fr, "en": self.words.pane_en}
        shown, other = (names[self.lang], names[self.other_lang]) if self.both else ("", "")
        self.query_one("#detail", Detail).border_title = shown
        self.query_one("#detail-other", Detail).border_title = other

    # -- navigation ------------------------------------------------------------

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

    @on(LiveFile.Reloaded)
    def _file_reloaded(self, event: LiveFile.Reloaded) -> None:
        self.show_document(event.document)

    def show_document(self, document: Document) -> None:
        """The file saved again: the same section, entry, focus, link and scroll, where
        they still exist (an entry gone gives its section's first, or the Overview's)."""
        place = self.place()
        self.document = document
        self._indexes.clear()
        self._relabel()  # the title may have changed
        if place.key not in document:
            keys = document.keys(self.section) or document.keys("overview")
            place = replace(place, key=keys[0], scroll=0, link=None, came_from=None)
        elif place.came_from is not None and place.came_from not in document:
            place = replace(place, came_from=None)
        self._restore(place)
        self._update_matches()

    def action_show_section(self, section: Section) -> None:
        keys = self.document.keys(section)
        if not keys:
            self.query_one(SectionTabs).active = f"tab-{self.section}"
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
        bar = self.query_one(SearchBar)
        if bar.is_open:
            bar.action_close()
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
        if place.link is not None and place.link < links.option_count:
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

    @on(Tabs.TabActivated, "#sections")
    def _tab_clicked(self, event: Tabs.TabActivated) -> None:
        if event.tab.id != event.tabs.active:
            return  # posted for an earlier change, already overtaken by fast keys
        section = str(event.tab.id).removeprefix("tab-")
        for candidate in SECTIONS:
            if candidate == section and candidate != self.section:
                self.action_show_section(candidate)

    @on(OptionList.OptionSelected, "#links")
    def _link_followed(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.go_to(event.option.id)
            self.query_one("#items").focus()

    # -- search: see Searching -------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """`/` typed in the search field is part of the query; back and forward are
        dimmed when there is nowhere to go (back also closes an open search)."""
        if action == "search":
            return not isinstance(self.focused, Input)
        if action == "back":
            return True if self.history.back or self._search_is_open() else None
        if action == "forward":
            return True if self.history.forward else None
        return True

    def jump_to(self, key: str) -> None:
        """The palette's jump: the entry shown, and the list's focus on it, so `j` and `k`
        go on from there."""
        self.go_to(key)
        self.query_one("#items").focus()

    # -- export, copy, language, help -----------------------------------------

    def action_toggle_both(self) -> None:
        self.both = not self.both

    def action_toggle_lang(self) -> None:
        self.lang = "en" if self.lang == "fr" else "fr"

    def section_text(self) -> str:
        return render_document(self.document, self.section, "text", self.lang)

    def action_copy_item(self) -> None:
        """The entry as a citation, ready to paste; the notice shows its first words."""
        text = citation(self.document, self.key, self.lang)
        self._copy(text, self.words.copied.format(start=opening_words(text)))

    def action_copy_section(self) -> None:
        """The section exactly as `accordtui export SECTION` writes it."""
        text = self.section_text()
        section = label(self.section, self.lang)
        done = self.words.copied_section.format(section=section, start=opening_words(text))
        self._copy(text, done)

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
        choice = (scope or self.section, fmt)
        await export_chosen(self, self.document, self.section, self.lang, self.words, choice)

    def action_help(self) -> None:
        bindings = [
            *self.BINDINGS,
            *ItemList.BINDINGS,
            *Detail.BINDINGS,
            *SearchBar.BINDINGS,
            *self.app.BINDINGS,
        ]
        rows = help_rows(self.words, bindings, self.app.get_key_display)
        rows += legend_rows(self.words)
        self.app.push_screen(HelpScreen(self.words.help_title, rows))
