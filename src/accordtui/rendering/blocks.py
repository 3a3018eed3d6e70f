"""The pieces a document is made of: headings, paragraphs, fields, lists, quotations.

Plain frozen data: export writes them as text, Markdown or JSON, the browser draws
them; neither needs to know where they came from.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from accordtui.agreement.lang import Lang
from accordtui.rendering.labels import label


class _Value:
    """Immutable, and equal to another of its own class with equal fields: a frozen
    dataclass's behaviour, written once. A dataclass compiles six methods for each class
    at every start (3 M instructions a class; these seven are defined before the first frame).
    """

    __slots__: tuple[str, ...] = ()

    def _fields(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash((type(self), self._fields()))

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{type(self).__name__}({fields})"

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def _set(self, **fields: object) -> None:
        for name, value in fields.items():
            object.__setattr__(self, name, value)


class Heading(_Value):
    """The title of what follows: the agreement, a section, a group or an entry."""

    __slots__ = ("key", "level", "text")
    text: str
    level: int
    """0: the agreement's title; 1: a section; 2 and deeper: groups and entries."""
    key: str | None
    """The entry it heads, so that links to the entry can point at it."""

    def __init__(self, text: str, level: int = 1, key: str | None = None) -> None:
        self._set(text=text, level=level, key=key)


class Para(_Value):
    """A paragraph of running text."""

    __slots__ = ("text",)
    text: str

    def __init__(self, text: str) -> None:
        self._set(text=text)


class Note(_Value):
    """A word from us about what follows (an editorial title, a translation)."""

    __slots__ = ("text",)
    text: str

    def __init__(self, text: str) -> None:
        self._set(text=text)


class Field(_Value):
    """A named value: a party's role, a person's title, a date."""

    __slots__ = ("link", "name", "value")
    name: str
    value: str
    link: str | None
    """The entry the value names, if it names one."""

    def __init__(self, name: str, value: str, link: str | None = None) -> None:
        self._set(name=name, value=value, link=link)


class Bullets(_Value):
    """A list of short items, perhaps each a link."""

    __slots__ = ("items", "links", "name")
    name: str
    """Shown above the items; empty for a list that continues the text."""
    items: tuple[str, ...]
    links: tuple[str, ...]
    """For a list of links: the entry each item names, in the same order."""

    def __init__(self, name: str, items: tuple[str, ...], links: tuple[str, ...] = ()) -> None:
        self._set(name=name, items=items, links=links)


class Quotation(_Value):
    """Words someone said, in quotation marks."""

    __slots__ = ("marked", "text", "translated")
    text: str
    translated: bool
    marked: bool
    """In the language's quotation marks; not in exported Source, which gives the
    release's words as the release prints them."""

    def __init__(self, text: str, translated: bool, marked: bool = True) -> None:
        self._set(text=text, translated=translated, marked=marked)


Block = Heading | Para | Note | Field | Bullets | Quotation


class Row(_Value):
    """One line of a section's list: an entry, or the heading of a group."""

    __slots__ = ("brief", "depth", "editorial", "key", "text")
    text: str
    key: str | None
    """The entry's id; None for a group heading, which cannot be opened."""
    depth: int
    editorial: bool
    """For a heading: the grouping is ours, not a subheading of the release."""
    brief: bool
    """A line cut to fit, never wrapped: a release paragraph's number and first words."""

    def __init__(
        self,
        text: str,
        key: str | None = None,
        depth: int = 0,
        editorial: bool = False,
        brief: bool = False,
    ) -> None:
        self._set(text=text, key=key, depth=depth, editorial=editorial, brief=brief)


class Related(NamedTuple):
    """A link from one entry to another; `inferred` when it is our reading.

    Made for the entry asked about; the index keeps its links as plain `_Edge` tuples.
    """

    key: str
    inferred: bool = False


def colon(lang: Lang) -> str:
    """French typography puts a (non-breaking) space before a colon."""
    return "\u00a0:" if lang == "fr" else ":"


def quote_marks(lang: Lang) -> tuple[str, str]:
    return ("«\u00a0", "\u00a0»") if lang == "fr" else ("“", "”")


def quoted(block: Quotation, lang: Lang) -> str:
    """The quote in the language's quotation marks, marked when it is our translation."""
    opening, closing = quote_marks(lang) if block.marked else ("", "")
    text = f"{opening}{block.text}{closing}"
    return f"{text} ({label('translated', lang)})" if block.translated else text


_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
"""English month names, not the locale's: the interface language decides, not the machine."""


def format_date(day: date | str, lang: Lang) -> str:
    """The page's own style in French (01/07/2024); written out in English (1 July 2024),
    which no reader takes for 7 January. A cached start's view holds the ISO text."""
    if isinstance(day, str):
        day = date.fromisoformat(day)
    if lang == "fr":
        return day.strftime("%d/%m/%Y")
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
