"""A whole section as exported or copied: its groups, then their entries.

The release's paragraphs are given as the release has them, each under the number
references name it by ("Paragraphe 4, point 2").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from accordtui.rendering.blocks import Block, Field, Heading, Note, Para, Quotation, format_date
from accordtui.rendering.entries import quote_roles
from accordtui.rendering.labels import Section, label
from accordtui.rendering.unfilled import field_value, unwritten

if TYPE_CHECKING:
    from accordtui.agreement.lang import Lang
    from accordtui.agreement.model import Paragraph
    from accordtui.rendering.document import Document
    from accordtui.rendering.outline import Placed
else:
    from accordtui.agreement.kinds import Paragraph


def section_blocks(doc: Document, section: Section, lang: Lang) -> list[Block]:
    """A whole section, as exported or copied: groups, then entries under their
    heading, people one level under their party, and the release's paragraphs and
    items headed by their numbers, as references name them ("Paragraphe 4, point 2")."""
    out: list[Block] = [Heading(label(section, lang), 1)]
    roles = quote_roles(doc.agreement) if section == "source" else {}
    if section == "source":
        day = format_date(doc.agreement.publication.page_date, lang)
        out.append(Note(label("release_note", lang).format(date=day)))
    if not doc.keys(section):  # asked for by name: say so rather than end on a heading
        out.append(Note(f"[{label('empty', lang)}]"))
    for heading, rows in doc.groups(section):
        level = 2
        if heading is not None:
            note = "editorial_grouping" if heading.editorial else "release_heading"
            out += [Heading(heading.pick(lang), 2), Note(label(note, lang))]
            level = 3
        for row in rows:
            out += _section_entry(doc, section, row, level, lang, roles)
    return out


def _section_entry(
    doc: Document, section: Section, row: Placed, level: int, lang: Lang, roles: dict[str, str]
) -> list[Block]:
    """An entry as its section exports it. The release's paragraphs as the release has
    them, under their numbers, without our links (the section says whose translation
    it is); a quote's paragraph as a quotation, the line before it as its attribution."""
    if section != "source":
        return doc.blocks(row.key, lang, level + row.depth)
    item = doc.entry(row.key)
    assert isinstance(item, Paragraph)
    text = item.pick(lang)
    body: Block = Para(text)
    if roles.get(row.key) == "quotation":
        body = Quotation(text, lang == "en", marked=False)
    elif roles.get(row.key) == "attribution":
        body = Field(label("attribution_line", lang), field_value(text, lang))
    return [Heading(doc.title(row.key, lang), level + row.depth, row.key), unwritten(body, lang)]
