"""The main screen: sections as tabs, a list of entries, the detail and its links."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding, BindingType
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.widgets import Input

from accordtui.agreement.lang import Lang
from accordtui.browser.keys import help_rows, translate, while_searching
from accordtui.browser.screens.sharing import Sharing
from accordtui.browser.screens.too_small import SHORT_ROWS
from accordtui.browser.styled import Then
from accordtui.browser.widgets.backdrop import Panes, backdrop_lines
from accordtui.browser.widgets.detail import Detail
from accordtui.browser.widgets.detail_pane import DetailPane
from accordtui.browser.widgets.hanging import LONG_LIST
from accordtui.browser.widgets.item_list import EntryList, ItemList, row_option
from accordtui.browser.widgets.key_footer import KeyFooter
from accordtui.browser.widgets.link_list import LinkList
from accordtui.browser.widgets.title_line import TitleLine
from accordtui.browser.widgets.top_bar import TopBar, tabs_width
from accordtui.rendering.document import Document
from accordtui.rendering.labels import SECTIONS

if TYPE_CHECKING:
    from accordtui.browser.widgets.live_file import LiveFile


BOTH_SIDE_BY_SIDE = 80
"""From this width both languages stand side by side (about 22 cells of text each at
80 columns); below, one under the other in the same pane, sharing its scroll."""
PALETTE_KEY_COLUMNS = 110
"""From this width the footer also shows the palette's key; below, it would cover
"Quitter" (the French keys need 106 columns)."""


class BrowserScreen(Sharing):
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

    def __init__(
        self, document: Document, lang: Lang = "fr", live_file: LiveFile | None = None
    ) -> None:
        super().__init__(document)
        self._live_file = live_file
        """Shown under the panes with `--watch`: the file's problems, if it has any."""
        self._shown_once = False
        """Whether the screen has been shown: its first showing is not styled again."""
        self.set_reactive(BrowserScreen.lang, lang)

    def compose(self) -> ComposeResult:
        self._fit(self.app.size)  # before the first layout: no restyle at the first resize
        self._first_breakpoint(self.app.size)
        yield TopBar(self.section, self.lang, id="topbar")
        with Panes(id="body"):
            yield EntryList(id="items")
            with DetailPane(id="detail-pane"):
                with Panes(id="details", classes=self._stacked(self.app.size)):
                    yield Detail(id="detail")
                    yield Detail(id="detail-other")
                yield LinkList(id="links")
        if self._live_file is not None:
            yield self._live_file
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
        return self._bar is not None and self._bar.is_open

    def on_resize(self) -> None:
        """Narrow screens: a compact section indicator, a footer that keeps help and quit."""
        self._fit(self.size)
        width = self.size.width
        stacked = width < BOTH_SIDE_BY_SIDE
        if stacked != self.query_one("#details").has_class("-stacked"):
            self.query_one("#details").set_class(stacked, "-stacked")
            if self.both:  # one pane for both languages, or a pane each
                self._name_panes()
                self._show_detail()
        self.query_one(KeyFooter).show_command_palette = width >= PALETTE_KEY_COLUMNS
        self.refresh_bindings()

    def _fit(self, size: Size) -> None:
        compact = size.width < tabs_width(self.lang)
        if compact != self.has_class("-compact-tabs"):
            self.set_class(compact, "-compact-tabs")
            for line in self.query(TitleLine):  # it shows the section when the tabs hide
                line.refresh()
        self.set_class(size.height < SHORT_ROWS, "-short")

    def _first_breakpoint(self, size: Size) -> None:
        """Textual's breakpoint class, set before the first layout: Textual's own setting
        of it at the first resize then changes nothing, and the whole screen is not
        styled again. Only then: afterwards Textual keeps it."""
        above = [(at, name) for at, name in self.HORIZONTAL_BREAKPOINTS if size.width >= at]
        for _, name in self.HORIZONTAL_BREAKPOINTS:
            self.set_class(name == max(above)[1], name)

    @staticmethod
    def _stacked(size: Size) -> str:
        """The panes' class: one under the other where two would not fit side by side."""
        return "-stacked" if size.width < BOTH_SIDE_BY_SIDE else ""

    def on_mount(self) -> None:
        self._relabel()
        self._refresh_all()

    def render_lines(self, crop: Region) -> list[Strip]:
        """Under the bars and panes, nothing is drawn (see backdrop)."""
        return backdrop_lines(self, crop) or super().render_lines(crop)

    async def on_event(self, event: events.Event) -> None:
        """At its first showing the screen is not styled again: every node was styled as
        it mounted, a moment before (Textual restyles the whole screen at each showing:
        31 M instructions of a 1,310 M start). Later showings are left to Textual."""
        if isinstance(event, events.ScreenResume) and not self._shown_once:
            self._shown_once = True
            event.refresh_styles = False
        await super().on_event(event)

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
        if self._bar is not None:  # built at the first search
            self._bar.set_placeholder(self.words.search_placeholder)
        if self._live_file is not None:
            self._live_file.relabel(self.words)
        self.refresh_bindings()

    def _fill_items(self) -> None:
        items = self.query_one("#items", ItemList)
        rows = self.document.rows(self.section, self.lang)
        keys = [row.key for row in rows if row.key]
        one_line = len(rows) > LONG_LIST
        ours = self.words.grouping_mark
        items.fill(
            (ours, rows),
            lambda: (row_option(row, ours, one_line=one_line) for row in rows),
        )
        if self.key not in keys:
            self.key = keys[0]
        items.highlighted = next(i for i, row in enumerate(rows) if row.key == self.key)

    def _show_detail(self) -> None:
        """The entry in the detail; with both languages, the other beside it, or under
        it in the same pane when stacking would leave each pane two or three rows."""
        blocks = self.document.blocks(self.key, self.lang, links=False)  # the links pane has them
        came_from, other = self.came_from, self.other_lang
        excerpts = self.document.excerpt(came_from, self.lang) if came_from else []
        other_blocks = self.document.blocks(self.key, other, links=False) if self.both else []
        then = None
        if self.both and self._one_pane:
            then = Then(self._pane_names[other], tuple(other_blocks), other)
        self.query_one(Detail).show_blocks(blocks, self.lang, self.query_text, excerpts, then)
        if self.both and not self._one_pane:
            other_detail = self.query_one("#detail-other", Detail)
            other_excerpts = self.document.excerpt(came_from, other) if came_from else []
            other_detail.show_blocks(other_blocks, other, self.query_text, other_excerpts)
        self.query_one(LinkList).show(self.document, self.key, self.lang)
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

    @property
    def _one_pane(self) -> bool:
        return self.query_one("#details").has_class("-stacked")

    @property
    def _pane_names(self) -> dict[Lang, str]:
        return {"fr": self.words.pane_fr, "en": self.words.pane_en}

    def _name_panes(self) -> None:
        """With both languages shown, each pane says which it holds, in the reader's words
        (in one pane, the other language's name parts it from the first)."""
        names = self._pane_names
        shown, other = (names[self.lang], names[self.other_lang]) if self.both else ("", "")
        self.query_one("#detail", Detail).border_title = shown
        self.query_one("#detail-other", Detail).border_title = other

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

    # -- language, help --------------------------------------------------------

    def action_toggle_both(self) -> None:
        self.both = not self.both

    def action_toggle_lang(self) -> None:
        self.lang = "en" if self.lang == "fr" else "fr"

    def action_help(self) -> None:
        from accordtui.browser.legend import legend_rows
        from accordtui.browser.screens.help import HelpScreen
        from accordtui.browser.widgets.search_bar import SearchBar

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
