"""A field still holding `accordtui new`'s placeholder is shown as one still to write.

`validate` warns of each placeholder but accepts the file: it is valid, only
unfinished, so the browser opens it as it stands. What it must not do is show a
placeholder ("[nature de l’institution à écrire]", "[translation to write]") as if it
were the release's words or our translation: the reader sees "to write" instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from accordtui.agreement.lang import Lang
from accordtui.agreement.placeholders import PLACEHOLDERS
from accordtui.rendering.blocks import Block, Note, Para, Quotation
from accordtui.rendering.labels import label

if TYPE_CHECKING:
    from accordtui.agreement.model import Person


def filled(text: str) -> bool:
    return text not in PLACEHOLDERS


def field_value(value: str, lang: Lang) -> str:
    """`value`, or that it is still to write."""
    return value if filled(value) else label("unfilled", lang)


def name_and_title(person: Person, lang: Lang) -> str:
    """ "Name, title"; the name alone while the title is still to write."""
    role = person.role.pick(lang)
    return f"{person.name}, {role}" if filled(role) else person.name


def unwritten(block: Block, lang: Lang) -> Block:
    """A text still a placeholder says so, rather than read as our translation."""
    if isinstance(block, Para | Quotation) and not filled(block.text):
        return Note(label("unwritten", lang))
    return block
