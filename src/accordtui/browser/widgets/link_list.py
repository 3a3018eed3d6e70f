"""The entry's links: a line each, `→ ` hanging before the linked entry's kind and title."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING

from textual.widgets.option_list import Option

from accordtui.browser.widgets.hanging import LONG_LIST, Hanging
from accordtui.browser.widgets.item_list import ItemList

if TYPE_CHECKING:
    from accordtui.agreement.lang import Lang
    from accordtui.rendering.blocks import Related
    from accordtui.rendering.document import Document


class LinkList(ItemList):
    """Kept over a save where its lines say the same: thousands of links are not made
    again for one title changed."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._document: Document | None = None
        """The document shown: a line says its words when first drawn, from it."""

    def show(self, document: Document, key: str, lang: Lang) -> None:
        """The links of entry `key`, the first highlighted; hidden when it has none."""
        self._document = document
        related = document.links(key)
        self.fill((lang, related), partial(self._lines_of, related, lang))
        self.display = self.option_count > 0
        if self.option_count:
            self.highlighted = 0

    def renew(self, document: Document, key: str, lang: Lang, changed: frozenset[str]) -> None:
        """After a save, the links to the entries whose line `changed` say it anew."""
        self._document = document
        related = document.links(key)
        most = 1 if len(related) > LONG_LIST else None
        self.fill_rest()  # lines are replaced by their index
        for index, link in enumerate(related):
            if link.key in changed:
                self.replace_option_prompt_at_index(index, self._line(link, lang, most))

    def _lines_of(self, related: list[Related], lang: Lang) -> Iterator[Option]:
        most = 1 if len(related) > LONG_LIST else None
        for link in related:
            yield Option(self._line(link, lang, most), id=link.key)

    def _line(self, link: Related, lang: Lang, most: int | None) -> Hanging:
        return Hanging("→ ", partial(self._text, link, lang), most=most)

    def _text(self, related: Related, lang: Lang) -> str:
        """Made when first drawn, from the document shown then: a list kept over a save
        that changed none of its lines holds no earlier document."""
        assert self._document is not None, "drawn before shown"
        return self._document.link_text(related, lang)
