"""The rows above the panes: which agreement, the language shown, the section tabs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.geometry import Region
from textual.strip import Strip

from accordtui.agreement.lang import Lang
from accordtui.browser.widgets.backdrop import backdrop_lines
from accordtui.browser.widgets.section_tabs import SectionTabs
from accordtui.browser.widgets.title_line import TitleLine
from accordtui.rendering.labels import SECTIONS, Labels, Section, label

if TYPE_CHECKING:
    from accordtui.agreement.model import Title


def tab_names(lang: Lang) -> list[str]:
    """Each section's tab as the row names it: its number key, then its name."""
    return [f"{n} {label(section, lang)}" for n, section in enumerate(SECTIONS, start=1)]


def tabs_width(lang: Lang) -> int:
    """Columns the tabs need on their row (each name, then one blank)."""
    return sum(cell_len(name) + 1 for name in tab_names(lang))


class TopBar(Vertical):
    """The agreement's title (cut to fit) and the language, then the tabs.

    Where the tabs do not fit, the screen's `-compact-tabs` class hides them and shows
    `3/6 Objectifs` before the title, on the title's row.
    """

    def __init__(self, section: Section, lang: Lang, *, id: str | None = None) -> None:
        """The tabs are made named in `lang` and on `section`: made blank, they would be
        laid out again at once, each named in turn."""
        super().__init__(id=id)
        self._start = (section, lang)

    def compose(self) -> ComposeResult:
        yield TitleLine(id="title-line")
        section, lang = self._start
        yield SectionTabs(tab_names(lang), section, id="sections")

    def render_lines(self, crop: Region) -> list[Strip]:
        """Under the title and the tabs, nothing is drawn (see backdrop)."""
        return backdrop_lines(self, crop) or super().render_lines(crop)

    def show(self, section: Section, lang: Lang, words: Labels) -> None:
        """Mark `section` as the current one, in the tabs and the compact indicator."""
        self.query_one(SectionTabs).active = section
        indicator = words.section_indicator.format(
            number=SECTIONS.index(section) + 1, count=len(SECTIONS), name=label(section, lang)
        )
        self.query_one(TitleLine).show(section=indicator)

    def relabel(self, title: Title, lang: Lang, words: Labels) -> None:
        """The agreement's title, tab names and the language indicator in `lang`."""
        mark = words.grouping_mark if title.editorial else ""  # ours says so, even cut short
        self.query_one(TitleLine).relabel(title.pick(lang), mark, words.lang_indicator)
        self.query_one(SectionTabs).relabel(tab_names(lang))
