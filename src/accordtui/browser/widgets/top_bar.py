"""The row above the panes: section tabs (or a compact indicator) and the language shown."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label, Tab, Tabs

from accordtui.agreement.lang import Lang
from accordtui.rendering.labels import SECTIONS, Labels, Section, label


class SectionTabs(Tabs, can_focus=False):
    """Section tabs; reached with the number keys or the mouse, not with tab."""


def tabs_width(words: Labels) -> int:
    """Columns the tabs and the language indicator need on one row (tab: label + 1)."""
    tabs = sum(len(f"{n} {getattr(words, s)}") + 1 for n, s in enumerate(SECTIONS, start=1))
    return tabs + len(words.lang_indicator) + 2


class TopBar(Horizontal):
    """Tabs when they fit; otherwise the screen's `-compact-tabs` class shows `3/6 Objectifs`."""

    def compose(self) -> ComposeResult:
        yield SectionTabs(*(Tab("", id=f"tab-{s}") for s in SECTIONS), id="sections")
        yield Label(id="section-indicator", markup=False)
        yield Label(id="lang-indicator", markup=False)

    def show(self, section: Section, lang: Lang, words: Labels) -> None:
        """Mark `section` as the current one, in the tabs and the compact indicator."""
        self.query_one(SectionTabs).active = f"tab-{section}"
        indicator = words.section_indicator.format(
            number=SECTIONS.index(section) + 1, count=len(SECTIONS), name=label(section, lang)
        )
        self.query_one("#section-indicator", Label).update(indicator)

    def relabel(self, lang: Lang, words: Labels) -> None:
        """Tab names and the language indicator in the words of `lang`."""
        tabs = self.query_one(SectionTabs)
        for n, section in enumerate(SECTIONS, start=1):
            tabs.query_one(f"#tab-{section}", Tab).label = f"{n} {label(section, lang)}"
        self.query_one("#lang-indicator", Label).update(words.lang_indicator)
