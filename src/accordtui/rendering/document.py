"""The agreement as a readable document: sections of rows, entries of blocks, links.

Export and the browser both read this, so a section copied from the app and the
same section exported from the command line say exactly the same thing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from accordtui.agreement.kinds import kind_of
from accordtui.agreement.lang import LANGS, Lang
from accordtui.agreement.verbatim import ReleaseText, verbatim_parts
from accordtui.rendering.blocks import (
    Block,
    Bullets,
    Field,
    Heading,
    Note,
    Related,
    Row,
    colon,
)
from accordtui.rendering.entries import RENDERERS
from accordtui.rendering.labels import Section, label
from accordtui.rendering.outline import Groups, Outline
from accordtui.rendering.speaker import speaker_label
from accordtui.rendering.unfilled import name_and_title, unwritten

if TYPE_CHECKING:
    from accordtui.agreement.model import (
        Agreement,
        Item,
        Paragraph,
        Party,
        Passage,
        Person,
        Quote,
        Signing,
    )
else:  # the model's entries and a cached start's views share these kinds
    from accordtui.agreement.kinds import Paragraph, Party, Passage, Person, Quote, Signing


_Edge = tuple[str, bool]
"""A link as the index keeps it: (key, inferred). A hub file has tens of thousands;
a plain tuple is made five times as fast as a `Related`, made only when asked for."""

FIRST_WORDS = 12
"""Words of a release paragraph in the Source list, before the list cuts it to fit."""
_WITH_TEXT = (Passage, Signing, Quote)
"""The kinds of entry whose `text` the release holds, verbatim or cut with `[…]`."""


class Document:
    """Entries of the agreement, addressed by id, with their sections and links."""

    def __init__(self, agreement: Agreement, file_name: str | None = None) -> None:
        self.agreement = agreement
        self.file_name = file_name
        """The agreement file's name, as exports name it (printable: the caller escapes it)."""
        found = Outline(agreement)
        self._items, self._sections = found.items, found.sections
        self._groups, self._numbers = found.groups, found.numbers
        self._edges: dict[str, list[_Edge]] = {}
        self._outside: dict[tuple[str, Section], list[_Edge]] = {}
        self._build_links()

    # -- indexing ----------------------------------------------------------------

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

    def groups(self, section: Section) -> Groups:
        """A section's groups in order: each one's heading (None: none) and entries."""
        return self._groups[section]

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
            return speaker_label(item, self._items.get(item.speaker), lang)
        assert isinstance(item, Paragraph)
        paragraph, bullet = self._numbers[key]
        if bullet:
            return label("bullet", lang).format(paragraph=paragraph, bullet=bullet)
        return label("paragraph", lang).format(paragraph=paragraph)

    def excerpt(self, key: str, lang: Lang) -> list[str]:
        """The release's words an entry quotes, to highlight in its paragraph; for a
        person, who they are as the paragraph on the signing names them (in `lang`)."""
        item = self._items[key]
        if isinstance(item, Person):
            return [self.person_line(key, lang), item.name]
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
        said = RENDERERS[kind_of(type(item))](self, item, lang)
        out.extend(unwritten(block, lang) for block in said)
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

    def changed_lines(self, before: Document) -> frozenset[str]:
        """Entries whose line in a list of links is not the same in `before` (kind,
        section or title), or that `before` lacks: after a save, a list of links that
        shows none of them is kept as it is."""
        return frozenset(key for key in self._items if self._line(key) != before._line(key))

    def _line(self, key: str) -> tuple[object, ...] | None:
        item = self._items.get(key)
        if item is None:
            return None
        titles = (self.title(key, lang) for lang in LANGS)
        return (kind_of(type(item)), self._sections[key], *titles)

    def person_line(self, person_id: str, lang: Lang) -> str:
        person = self._items[person_id]
        assert isinstance(person, Person)
        return name_and_title(person, lang)


_KINDS: dict[type[Item], str] = {
    Party: "party",
    Person: "person",
    Quote: "quote",
    Paragraph: "source",
}
"""How a link names what it leads to, where the section name would not say it."""
_ONE_OF: dict[Section, str] = {"objectives": "objective", "themes": "theme"}
"""A link leads to one entry: "Objectif : …", not "Objectifs : …"."""
