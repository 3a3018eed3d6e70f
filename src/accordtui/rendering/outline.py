"""The agreement's sections as groups of entries in reading order: what the lists show.

Each entry is placed once, in its section and at its depth (a party's people one
level down), and each release paragraph gets the number references name it by.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, NamedTuple, TypeAlias

from accordtui.agreement.view import made_title
from accordtui.rendering.labels import Section, label

if TYPE_CHECKING:
    from accordtui.agreement.model import Agreement, Item, Person, Title


class Placed(NamedTuple):
    """An entry in its section's group, and how deep it sits (a party's people: 1)."""

    key: str
    depth: int = 0


Groups: TypeAlias = "list[tuple[Title | None, list[Placed]]]"
"""A section: its groups in order, each with its heading (None: no heading) and entries."""


class Outline:
    """Every entry with its section and its group; release paragraphs with their numbers."""

    def __init__(self, agreement: Agreement) -> None:
        self.agreement = agreement
        self.items: dict[str, Item] = {}
        self.sections: dict[str, Section] = {}
        self.groups: dict[Section, Groups] = {}
        self.numbers: dict[str, tuple[int, int]] = {}
        """A release paragraph's number, and its item's number in a list (0: none)."""
        self._build()

    def _build(self) -> None:
        a = self.agreement
        intro = [self._entry("overview", a.lead), self._entry("overview", a.signing)]
        self.groups["overview"] = [(None, intro), *self._grouped("overview")]
        self.groups["parties"] = self._party_groups()
        self.groups["objectives"] = self._grouped("objectives")
        self.groups["themes"] = self._grouped("themes")
        self.groups["quotes"] = [(None, [self._entry("quotes", q) for q in a.quotes])]
        self.groups["source"] = list(self._release_groups())

    def _entry(self, section: Section, item: Item, depth: int = 0) -> Placed:
        self.items[item.id] = item
        self.sections[item.id] = section
        return Placed(item.id, depth)

    def _grouped(self, section: Section) -> Groups:
        return [
            (group.heading, [self._entry(section, item) for item in group.items])
            for group in getattr(self.agreement, section)
        ]

    def _party_groups(self) -> Groups:
        """Each party with its people beneath it; then, under a heading of ours, the
        people of no party, so that a witness is not read as a third party."""
        members: dict[str | None, list[Person]] = {}
        for person in self.agreement.people:
            members.setdefault(person.party, []).append(person)
        rows: list[Placed] = []
        for party in self.agreement.parties:
            rows.append(self._entry("parties", party))
            rows += [self._entry("parties", p, 1) for p in members.get(party.id, ())]
        groups: Groups = [(None, rows)]
        if None in members:
            fr, en = label("outside_parties", "fr"), label("outside_parties", "en")
            title = made_title(fr, en, "editorial")
            groups.append((title, [self._entry("parties", p) for p in members[None]]))
        return groups

    def _release_groups(self) -> Iterator[tuple[Title | None, list[Placed]]]:
        current: Title | None = None
        rows: list[Placed] = []
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
            self.numbers[item.id] = (paragraph, bullet)
            rows.append(self._entry("source", item, int(item.kind == "bullet")))
        if rows:
            yield current, rows
