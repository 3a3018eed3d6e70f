"""The pieces a document is made of: headings, paragraphs, fields, lists, quotations.

Plain frozen data: export writes them as text, Markdown or JSON, the browser draws
them; neither needs to know where they came from.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from accordtui.agreement.lang import Lang
from accordtui.rendering.labels import label


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1
    """0: the agreement's title; 1: a section; 2 and deeper: groups and entries."""
    key: str | None = None
    """The entry it heads, so that links to the entry can point at it."""


@dataclass(frozen=True)
class Para:
    text: str


@dataclass(frozen=True)
class Note:
    """A word from us about what follows (an editorial title, a translation)."""

    text: str


@dataclass(frozen=True)
class Field:
    name: str
    value: str
    link: str | None = None
    """The entry the value names, if it names one."""


@dataclass(frozen=True)
class Bullets:
    name: str
    """Shown above the items; empty for a list that continues the text."""
    items: tuple[str, ...]
    links: tuple[str, ...] = ()
    """For a list of links: the entry each item names, in the same order."""


@dataclass(frozen=True)
class Quotation:
    text: str
    translated: bool
    marked: bool = True
    """In the language's quotation marks; not in exported Source, which gives the
    release's words as the release prints them."""


Block = Heading | Para | Note | Field | Bullets | Quotation


@dataclass(frozen=True)
class Row:
    """One line of a section's list: an entry, or the heading of a group."""

    text: str
    key: str | None = None
    """The entry's id; None for a group heading, which cannot be opened."""
    depth: int = 0
    editorial: bool = False
    """For a heading: the grouping is ours, not a subheading of the release."""
    brief: bool = False
    """A line cut to fit, never wrapped: a release paragraph's number and first words."""


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
