"""The agreement as a readable document: sections of rows, entries of blocks, links.

Export and the browser both read this, so a section copied from the app and the
same section exported from the command line say exactly the same thing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, NamedTuple, TypeAlias

from accordtui.agreement.kinds import kind_of
from accordtui.agreement.lang import Lang
from accordtui.agreement.verbatim import ReleaseText, verbatim_parts
from accordtui.agreement.view import made_title
from accordtui.rendering.labels import Section, label

if TYPE_CHECKING:
    from accordtui.agreement.model import (
        Agreement,
        Bilingual,
        Item,
        Paragraph,
        Party,
        Passage,
        Person,
        Quote,
        Signing,
        Title,
    )
else:  # the model's entries and a cached start's views share these kinds
    from accordtui.agreement.kinds import Paragraph, Party, Passage, Person, Quote, Signing


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


class _Placed(NamedTuple):
    """An entry in its section's group, and how deep it sits (a party's people: 1)."""

    key: str
    depth: int = 0


_Edge = tuple[str, bool]
"""A link as the index keeps it: (key, inferred). A hub file has tens of thousands;
a plain tuple is made five times as fast as a `Related`, made only when asked for."""

_Groups: TypeAlias = "list[tuple[Title | None, list[_Placed]]]"
"""A section: its groups in order, each with its heading (None: no heading) and entries."""

FIRST_WORDS = 12
"""Words of a release paragraph in the Source list, before the list cuts it to fit."""
_WITH_TEXT = (Passage, Signing, Quote)
"""The kinds of entry whose `text` the release holds, verbatim or cut with `[…]`."""


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


class Document:
    """Entries of the agreement, addressed by id, with their sections and links."""

    def __init__(self, agreement: Agreement, file_name: str | None = None) -> None:
        self.agreement = agreement
        self.file_name = file_name
        """The agreement file's name, as exports name it (printable: the caller escapes it)."""
        self._items: dict[str, Item] = {}
        self._sections: dict[str, Section] = {}
        self._groups: dict[Section, _Groups] = {}
        self._edges: dict[str, list[_Edge]] = {}
        self._numbers: dict[str, tuple[int, int]] = {}
        self._outside: dict[tuple[str, Section], list[_Edge]] = {}
        self._build_sections()
        self._build_links()

    # -- indexing ----------------------------------------------------------------

    def _build_sections(self) -> None:
        a = self.agreement
        intro = [self._entry("overview", a.lead), self._entry("overview", a.signing)]
        self._groups["overview"] = [(None, intro), *self._grouped("overview")]
        self._groups["parties"] = self._party_groups()
        self._groups["objectives"] = self._grouped("objectives")
        self._groups["themes"] = self._grouped("themes")
        self._groups["quotes"] = [(None, [self._entry("quotes", q) for q in a.quotes])]
        self._groups["source"] = list(self._release_groups())

    def _entry(self, section: Section, item: Item, depth: int = 0) -> _Placed:
        self._items[item.id] = item
        self._sections[item.id] = section
        return _Placed(item.id, depth)

    def _grouped(self, section: Section) -> _Groups:
        return [
            (group.heading, [self._entry(section, item) for item in group.items])
            for group in getattr(self.agreement, section)
        ]

    def _party_groups(self) -> _Groups:
        """Each party with its people beneath it; then, under a heading of ours, the
        people of no party, so that a witness is not read as a third party."""
        members: dict[str | None, list[Person]] = {}
        for person in self.agreement.people:
            members.setdefault(person.party, []).append(person)
        rows: list[_Placed] = []
        for party in self.agreement.parties:
            rows.append(self._entry("parties", party))
            rows += [self._entry("parties", p, 1) for p in members.get(party.id, ())]
        groups: _Groups = [(None, rows)]
        if None in members:
            fr, en = label("outside_parties", "fr"), label("outside_parties", "en")
            title = made_title(fr, en, "editorial")
            groups.append((title, [self._entry("parties", p) for p in members[None]]))
        return groups

    def _release_groups(self) -> Iterator[tuple[Title | None, list[_Placed]]]:
        current: Title | None = None
        rows: list[_Placed] = []
        paragraph = bullet = 0
        for item in self.agreement.release:
            if item.kind == "heading":
                if rows:
                    yield current, rows
                current = made_title(item.fr, item.en, "release")
                rows = []
                continue
            if item.kind == "bullet":
                bullet += 1
            else:
                paragraph, bullet = paragraph + 1, 0
            self._numbers[item.id] = (paragraph, bullet)
            rows.append(self._entry("source", item, int(item.kind == "bullet")))
        if rows:
            yield current, rows

    def _build_links(self) -> None:
        a = self.agreement
        release = ReleaseText(a.release)
        forward: dict[str, list[_Edge]] = {key: [] for key in self._items}
        forward[a.lead.id] += [(p.id, False) for p in a.parties]
        signing = (*a.signing.signatories, *a.signing.witnesses)
        forward[a.signing.id] += [(person, False) for person in signing]
        said = verbatim_parts(a.signing.text.fr)
        where = release.find(said[0]) if said else None
        if where is not None:  # each person leads to the words that say who signed
            for person in signing:
                forward[person].append((where, False))
        for key, item in self._items.items():
            targets = forward[key]
            if isinstance(item, Passage):
                targets += [(link.to, link.inferred) for link in item.links]
            elif isinstance(item, Person) and item.party:
                targets.append((item.party, False))
            elif isinstance(item, Quote):
                targets.append((item.speaker, False))
            if isinstance(item, _WITH_TEXT):
                parts = verbatim_parts(item.text.fr)
                paragraph = release.find(parts[0]) if parts else None
                if paragraph is not None:
                    targets.append((paragraph, False))
        self._edges = {key: targets.copy() for key, targets in forward.items()}
        edges = self._edges
        for key, targets in forward.items():
            for target, inferred in targets:
                edges[target].append((key, inferred))

    # -- what sections hold --------------------------------------------------------

    def rows(self, section: Section, lang: Lang) -> list[Row]:
        """The lines of a section's list: group headings and entry titles, in order."""
        out: list[Row] = []
        for heading, rows in self._groups[section]:
            indent = 0
            if heading is not None:
                out.append(Row(heading.pick(lang), editorial=heading.editorial))
                indent = 1
            if section == "source":
                out.extend(Row(self._opening(r.key, lang), r.key, r.depth + indent, brief=True)
                           for r in rows)  # fmt: skip
            else:
                out.extend(Row(self.title(r.key, lang), r.key, r.depth + indent) for r in rows)
        return out

    def _opening(self, key: str, lang: Lang) -> str:
        """A release paragraph's number and first words ("4.1 Recherche sur les…"): the
        Source list says what each paragraph holds, not only "Paragraphe 4"."""
        item = self._items[key]
        assert isinstance(item, Paragraph)
        paragraph, bullet = self._numbers[key]
        words = item.pick(lang).split(maxsplit=FIRST_WORDS)
        cut = "…" if len(words) > FIRST_WORDS else ""
        number = f"{paragraph}.{bullet}" if bullet else f"{paragraph}."
        return f"{number} {' '.join(words[:FIRST_WORDS])}{cut}"

    def keys(self, section: Section) -> list[str]:
        """Entry keys of a section, in reading order."""
        return [r.key for _, rows in self._groups[section] for r in rows]

    def section_of(self, key: str) -> Section:
        return self._sections[key]

    def __contains__(self, key: str) -> bool:
        return key in self._sections

    def title(self, key: str, lang: Lang) -> str:
        """One-line label of an entry, for lists and links."""
        item = self._items[key]
        if isinstance(item, Passage | Signing):
            return item.title.pick(lang)
        if isinstance(item, Party | Person):
            return item.name
        if isinstance(item, Quote):
            return item.attribution.pick(lang)
        assert isinstance(item, Paragraph)
        paragraph, bullet = self._numbers[key]
        if bullet:
            return label("bullet", lang).format(paragraph=paragraph, bullet=bullet)
        return label("paragraph", lang).format(paragraph=paragraph)

    def excerpt(self, key: str) -> list[str]:
        """The release's words an entry quotes, to highlight in its paragraph."""
        item = self._items[key]
        return verbatim_parts(item.text.fr) if isinstance(item, _WITH_TEXT) else []

    def links(self, key: str) -> list[Related]:
        """Entries this one refers to or is referred by, then those of the people among them.

        So a party leads to its people and their quotes, a quote to its speaker and
        the speaker's party, a paragraph to the entries drawn from it.
        """
        direct = self._edges[key]
        via_people: list[_Edge] = []
        if isinstance(self._items[key], Party | Quote):
            section = self._sections[key]
            for target, _ in direct:
                if isinstance(self._items[target], Person):
                    via_people += self._person_links(target, section)
        out: dict[str, Related] = {}
        for target, inferred in (*direct, *via_people):
            if target != key and target not in out:
                out[target] = Related(target, inferred)
        return sorted(out.values(), key=lambda r: self._sections[r.key] == "source")

    def _person_links(self, person: str, section: Section) -> list[_Edge]:
        """A person's links outside `section`, computed once per person and section.

        One speaker with 10,000 quotes would otherwise cost 10,000 steps per quote.
        """
        found = self._outside.get((person, section))
        if found is None:
            found = [
                edge
                for edge in self._edges[person]
                if self._sections[edge[0]] not in (section, "source")
            ]
            self._outside[(person, section)] = found
        return found

    # -- what an entry says ----------------------------------------------------------

    def blocks(self, key: str, lang: Lang, level: int = 2, links: bool = True) -> list[Block]:
        """Everything an entry says, then (unless `links` is false) its links."""
        item = self._items[key]
        out: list[Block] = [Heading(self.title(key, lang), level, key)]
        if isinstance(item, Passage | Signing) and item.title.editorial:
            out.append(Note(label("editorial_title", lang)))
        if isinstance(item, Party | Person) and item.origin == "editorial":
            out.append(Note(label("editorial_names", lang)))
        if isinstance(item, Passage | Signing | Quote) and item.text.editorial:
            out.append(Note(label("editorial_text", lang)))
        out.extend(_RENDERERS[kind_of(type(item))](self, item, lang))
        if not links:
            return out
        related = [r for r in self.links(key) if self._sections[r.key] != "source"]
        if related:
            name = label("drawn" if isinstance(item, Paragraph) else "related", lang)
            texts = tuple(self.link_text(r, lang) for r in related)
            out.append(Bullets(name, texts, tuple(r.key for r in related)))
        source = self.source_of(key)
        if source is not None:
            out.append(Field(label("source_paragraph", lang), self.title(source, lang), source))
        return out

    def entry(self, key: str) -> Item:
        return self._items[key]

    def entry_text(self, key: str, lang: Lang) -> str:
        """What an entry says in its own words (the release's, or our translation)."""
        item = self._items[key]
        if isinstance(item, Paragraph):
            return item.pick(lang)
        assert isinstance(item, _WITH_TEXT)
        return item.text.pick(lang)

    def release_number(self, key: str) -> tuple[int, int]:
        """A release paragraph's number, and its item's number in a list (0: none)."""
        return self._numbers[key]

    def source_of(self, key: str) -> str | None:
        """The release paragraph an entry's text comes from, if any."""
        if isinstance(self._items[key], Paragraph):
            return None
        return next((k for k, _ in self._edges[key] if self._sections[k] == "source"), None)

    def link_text(self, related: Related, lang: Lang) -> str:
        """`Section: title`, marked when the link is our inference."""
        item = self._items[related.key]
        section = self._sections[related.key]
        kind = _KINDS.get(kind_of(type(item))) or _ONE_OF.get(section, section)
        text = f"{label(kind, lang)}{colon(lang)} "
        text += self.title(related.key, lang)
        return f"{text} ({label('inferred', lang)})" if related.inferred else text

    def section_blocks(self, section: Section, lang: Lang) -> list[Block]:
        """A whole section, as exported or copied: groups, then entries under their
        heading, people one level under their party, and the release's paragraphs and
        items headed by their numbers, as references name them ("Paragraphe 4, point 2")."""
        out: list[Block] = [Heading(label(section, lang), 1)]
        roles = _quote_roles(self.agreement) if section == "source" else {}
        if section == "source":
            day = format_date(self.agreement.publication.page_date, lang)
            out.append(Note(label("release_note", lang).format(date=day)))
        for heading, rows in self._groups[section]:
            level = 2
            if heading is not None:
                note = "editorial_grouping" if heading.editorial else "release_heading"
                out += [Heading(heading.pick(lang), 2), Note(label(note, lang))]
                level = 3
            for row in rows:
                out += self._section_entry(section, row, level, lang, roles)
        return out

    def _section_entry(
        self, section: Section, row: _Placed, level: int, lang: Lang, roles: dict[str, str]
    ) -> list[Block]:
        """An entry as its section exports it. The release's paragraphs as the release has
        them, under their numbers, without our links (the section says whose translation
        it is); a quote's paragraph as a quotation, the line before it as its attribution."""
        if section != "source":
            return self.blocks(row.key, lang, level + row.depth)
        item = self._items[row.key]
        assert isinstance(item, Paragraph)
        text = item.pick(lang)
        body: Block = Para(text)
        if roles.get(row.key) == "quotation":
            body = Quotation(text, lang == "en")
        elif roles.get(row.key) == "attribution":
            body = Field(label("attribution_line", lang), text)
        return [Heading(self.title(row.key, lang), level + row.depth, row.key), body]

    def person_line(self, person_id: str, lang: Lang) -> str:
        person = self._items[person_id]
        assert isinstance(person, Person)
        return f"{person.name}, {person.role.pick(lang)}"


def _quote_roles(a: Agreement) -> dict[str, str]:
    """Release paragraphs that are a quote, whole ("quotation"), and the line just
    before each that names its speaker ("attribution")."""
    roles: dict[str, str] = {}
    texts = {q.text.fr.strip(): q for q in a.quotes}
    for index, paragraph in enumerate(a.release):
        quote = texts.get(paragraph.fr.strip())
        if quote is None:
            continue
        roles[paragraph.id] = "quotation"
        before = a.release[index - 1] if index else None
        if before is not None and before.kind == "paragraph" and quote.attribution.fr in before.fr:
            roles[before.id] = "attribution"
    return roles


def colon(lang: Lang) -> str:
    """French typography puts a (non-breaking) space before a colon."""
    return "\u00a0:" if lang == "fr" else ":"


def _passage(doc: Document, item: Item, lang: Lang) -> Iterator[Block]:
    assert isinstance(item, Passage)
    yield Para(item.text.pick(lang))
    if item is doc.agreement.lead:
        yield from _agreement_fields(doc, lang)
    if item.priority:
        yield Field(label("priority", lang), label("yes", lang))
    if item.programmes:
        names = (_titled(p, lang) for p in item.programmes)
        yield Bullets(label("programmes", lang), tuple(names))
    if item.in_line_with:
        yield Field(label("in_line_with", lang), _titled(item.in_line_with, lang))


def _titled(text: Bilingual, lang: Lang) -> str:
    """A name or a short text, marked when it is our wording rather than the release's."""
    name = text.pick(lang)
    return f"{name} ({label('editorial_name', lang)})" if text.editorial else name


def _agreement_fields(doc: Document, lang: Lang) -> Iterator[Block]:
    a = doc.agreement
    yield Field(label("kind", lang), _titled(a.kind, lang))
    yield Field(label("page_date", lang), format_date(a.publication.page_date, lang))
    yield _no_signing_date(lang)  # beside the page's date, so it is not read as one
    if a.publication.publisher:
        yield Field(label("publisher", lang), a.publication.publisher)
    if a.publication.url:
        yield Field(label("release_url", lang), a.publication.url)
    names = (p.name if p.short_name == p.name else f"{p.name} ({p.short_name})" for p in a.parties)
    yield Bullets(label("parties", lang), tuple(names))


def _signing(doc: Document, item: Item, lang: Lang) -> Iterator[Block]:
    assert isinstance(item, Signing)
    yield Para(item.text.pick(lang))
    yield Field(label("place", lang), _titled(item.place, lang))
    yield _no_signing_date(lang)
    yield Bullets(label("signatories", lang), _people(doc, item.signatories, lang))
    if item.witnesses:
        yield Bullets(label("witnesses", lang), _people(doc, item.witnesses, lang))


def _no_signing_date(lang: Lang) -> Field:
    """The release dates no signing; the page's date must never stand in for it."""
    return Field(label("signing_date", lang), label("signing_date_none", lang))


def _people(doc: Document, ids: list[str], lang: Lang) -> tuple[str, ...]:
    return tuple(doc.person_line(i, lang) for i in ids)


def _party(doc: Document, item: Item, lang: Lang) -> Iterator[Block]:
    assert isinstance(item, Party)
    yield Field(label("short_name", lang), item.short_name)
    yield Field(label("kind", lang), _titled(item.kind, lang))


def _person(doc: Document, item: Item, lang: Lang) -> Iterator[Block]:
    assert isinstance(item, Person)
    yield Field(label("role", lang), _titled(item.role, lang))
    signing = doc.agreement.signing
    part = "signatory" if item.id in signing.signatories else None
    part = "witness" if item.id in signing.witnesses else part
    if part is not None:  # as the release tells it: signed, or was present
        yield Field(label("signing_part", lang), label(part, lang))


def _quote(doc: Document, item: Item, lang: Lang) -> Iterator[Block]:
    assert isinstance(item, Quote)
    yield Quotation(item.text.pick(lang), lang == "en")


def _paragraph(doc: Document, item: Item, lang: Lang) -> Iterator[Block]:
    assert isinstance(item, Paragraph)
    yield Para(item.pick(lang))
    if lang == "en":
        yield Note(label("translated_paragraph", lang))


_KINDS: dict[type[Item], str] = {
    Party: "party",
    Person: "person",
    Quote: "quote",
    Paragraph: "source",
}
"""How a link names what it leads to, where the section name would not say it."""
_ONE_OF: dict[Section, str] = {"objectives": "objective", "themes": "theme"}
"""A link leads to one entry: "Objectif : …", not "Objectifs : …"."""

_RENDERERS: dict[type[Item], Callable[[Document, Item, Lang], Iterator[Block]]] = {
    Passage: _passage,
    Signing: _signing,
    Party: _party,
    Person: _person,
    Quote: _quote,
    Paragraph: _paragraph,
}
