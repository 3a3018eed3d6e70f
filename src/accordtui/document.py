"""The agreement as a readable document: sections of entries, each a list of blocks.

Export and the browser both read this, so a section copied from the app and the
same section exported from the command line say exactly the same thing.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from accordtui.labels import SECTIONS, Section, label
from accordtui.model import (
    Agreement,
    Bilingual,
    Item,
    Lang,
    Objective,
    Party,
    Person,
    Project,
    Quote,
    Statement,
    Theme,
)


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1


@dataclass(frozen=True)
class Para:
    text: str


@dataclass(frozen=True)
class Field:
    name: str
    value: str


@dataclass(frozen=True)
class Bullets:
    name: str
    items: tuple[str, ...]


@dataclass(frozen=True)
class Quotation:
    text: str
    attribution: str
    translated: bool


Block = Heading | Para | Field | Bullets | Quotation

_COLLECTIONS = (
    "parties",
    "people",
    "objectives",
    "goals",
    "themes",
    "projects",
    "context",
    "quotes",
)

_GROUPS: dict[Section, tuple[str, ...]] = {
    "overview": ("agreement", "context"),
    "parties": ("parties", "people"),
    "objectives": ("objectives", "goals"),
    "themes": ("themes", "projects"),
    "quotes": ("quotes",),
}
"""Which collections each section lists, in order; a key is `collection:id`."""


def _references(item: Item) -> Iterator[str]:
    """Keys of the entries an item names by id."""
    if isinstance(item, Party) and item.representative:
        yield f"people:{item.representative}"
    elif isinstance(item, Person) and item.party:
        yield f"parties:{item.party}"
    elif isinstance(item, Objective | Project):
        yield from (f"themes:{t}" for t in item.themes)
        if isinstance(item, Project):
            yield from (f"parties:{p}" for p in item.carried_by)
    elif isinstance(item, Quote):
        yield f"people:{item.speaker}"


def format_date(day: date, lang: Lang) -> str:
    """The page's own style in French (01/07/2024); ISO in English, which no one misreads."""
    return day.strftime("%d/%m/%Y") if lang == "fr" else day.isoformat()


class Document:
    """Entries of the agreement addressed by `collection:id` keys."""

    def __init__(self, agreement: Agreement) -> None:
        self.agreement = agreement
        self._items: dict[str, Item] = {}
        self._refers_to: dict[str, list[str]] = {}
        self._referred_by: dict[str, list[str]] = {}
        for collection in _COLLECTIONS:
            for item in getattr(agreement, collection):
                key = f"{collection}:{item.id}"
                self._items[key] = item
                self._refers_to[key] = targets = list(_references(item))
                for target in targets:
                    self._referred_by.setdefault(target, []).append(key)

    def person(self, person_id: str) -> Person:
        person = self._items[f"people:{person_id}"]
        assert isinstance(person, Person)
        return person

    def party(self, party_id: str) -> Party:
        party = self._items[f"parties:{party_id}"]
        assert isinstance(party, Party)
        return party

    def keys(self, section: Section) -> list[str]:
        """Entry keys of a section, in reading order."""
        out: list[str] = []
        for collection in _GROUPS[section]:
            if collection == "agreement":
                out.append("agreement:")
            else:
                out.extend(f"{collection}:{i.id}" for i in getattr(self.agreement, collection))
        return out

    def section_of(self, key: str) -> Section:
        collection = key.partition(":")[0]
        return next(s for s in SECTIONS if collection in _GROUPS[s])

    def __contains__(self, key: str) -> bool:
        return key == "agreement:" or key in self._items

    def title(self, key: str, lang: Lang) -> str:
        """One-line label of an entry, for lists and links."""
        if key == "agreement:":
            return label("agreement", lang)
        item = self._items[key]
        if isinstance(item, Person | Party):
            return item.name
        if isinstance(item, Quote):
            return item.attribution.pick(lang)
        assert isinstance(item, Objective | Theme | Project | Statement)
        return item.title.pick(lang)

    def links(self, key: str) -> list[str]:
        """Entries this one refers to or is referred by, then those of the people among them.

        So a party leads to its people and their quotes, a quote to its speaker and
        the speaker's party, a theme to the objectives and projects tied to it.
        """
        if key == "agreement:":
            a = self.agreement
            people = (*a.signing.signatories, *a.signing.witnesses)
            return [*(f"parties:{p.id}" for p in a.parties), *(f"people:{p}" for p in people)]
        collection = key.partition(":")[0]
        direct = self._direct(key)
        via_people = (
            k
            for d in direct
            if d.startswith("people:")
            for k in self._direct(d)
            if not k.startswith(f"{collection}:")  # a quote's speaker's other quotes: no
        )
        return [k for k in dict.fromkeys([*direct, *via_people]) if k != key]

    def _direct(self, key: str) -> list[str]:
        return [*self._refers_to.get(key, []), *self._referred_by.get(key, [])]

    def blocks(self, key: str, lang: Lang) -> list[Block]:
        """Everything an entry says, followed by its source sentence."""
        collection = key.partition(":")[0]
        if key == "agreement:":
            return list(self._agreement_blocks(lang))
        item = self._items[key]
        render = _RENDERERS[collection]
        out = [Heading(self.title(key, lang), 2), *render(self, item, lang)]
        links = self.links(key)
        if links:
            out.append(Bullets(label("related", lang), tuple(self.title(k, lang) for k in links)))
        shown_texts = {b.text for b in out if isinstance(b, Para | Quotation)}
        if item.source and not (lang == "fr" and item.source in shown_texts):
            out.append(Field(label("source", lang), item.source))
        return out

    def section_blocks(self, section: Section, lang: Lang) -> list[Block]:
        """A whole section, as exported or copied."""
        out: list[Block] = [Heading(label(section, lang), 1)]
        for key in self.keys(section):
            out.extend(self.blocks(key, lang))
        return out

    def _agreement_blocks(self, lang: Lang) -> Iterator[Block]:
        a = self.agreement
        yield Heading(a.title.pick(lang), 2)
        yield Para(a.summary.pick(lang))
        yield Field(label("kind", lang), a.kind.pick(lang))
        yield Field(label("page_date", lang), format_date(a.publication.page_date, lang))
        if a.publication.publisher:
            yield Field(label("publisher", lang), a.publication.publisher)
        yield Field(label("place", lang), a.signing.place.pick(lang))
        yield Bullets(label("parties", lang), tuple(self._party_names()))
        yield Bullets(label("signatories", lang), self._people(a.signing.signatories, lang))
        if a.signing.witnesses:
            yield Bullets(label("witnesses", lang), self._people(a.signing.witnesses, lang))
        if a.signing.source:
            yield Field(label("source", lang), a.signing.source)

    def _party_names(self) -> Iterator[str]:
        for party in self.agreement.parties:
            short = party.short_name
            yield party.name if short == party.name else f"{party.name} ({short})"

    def _people(self, ids: list[str], lang: Lang) -> tuple[str, ...]:
        return tuple(self.person_line(i, lang) for i in ids)

    def person_line(self, person_id: str, lang: Lang) -> str:
        person = self.person(person_id)
        return f"{person.name}, {person.role.pick(lang)}"


def _party(doc: Document, item: Item, lang: Lang) -> Iterator[Block]:
    assert isinstance(item, Party)
    yield Field(label("short_name", lang), item.short_name)
    yield Field(label("kind", lang), item.kind.pick(lang))
    if item.representative:
        yield Field(label("representative", lang), doc.person_line(item.representative, lang))


def _person(doc: Document, item: Item, lang: Lang) -> Iterator[Block]:
    assert isinstance(item, Person)
    yield Field(label("role", lang), item.role.pick(lang))
    if item.party:
        yield Field(label("party", lang), doc.party(item.party).name)
    if item.affiliation:
        yield Field(label("affiliation", lang), item.affiliation.pick(lang))


def _text(doc: Document, item: Item, lang: Lang) -> Iterator[Block]:
    text: Bilingual | None = getattr(item, "text", None)
    if text is not None:
        yield Para(text.pick(lang))
    if getattr(item, "priority", False):
        yield Field(label("priority", lang), label("yes", lang))


def _quote(doc: Document, item: Item, lang: Lang) -> Iterator[Block]:
    assert isinstance(item, Quote)
    speaker = doc.person(item.speaker)
    yield Quotation(item.text.pick(lang), item.attribution.pick(lang), lang == "en")
    yield Field(label("speaker", lang), doc.person_line(speaker.id, lang))
    if speaker.party:
        yield Field(label("party", lang), doc.party(speaker.party).name)


_RENDERERS = {
    "parties": _party,
    "people": _person,
    "objectives": _text,
    "goals": _text,
    "themes": _text,
    "projects": _text,
    "context": _text,
    "quotes": _quote,
}
