"""The people and the quotes `accordtui new` writes: who the release names, and what
each said, every one a guess from the release's words marked for its author to check."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from accordtui.agreement import guesses
from accordtui.agreement.placeholders import ROLE_TO_WRITE, UNTRANSLATED
from accordtui.agreement.quotations import Quoted
from accordtui.agreement.template_fields import (
    CHECK,
    GUESS,
    QUOTED,
    Ids,
    bilingual,
    q,
    slug,
    unique,
)


@dataclass(frozen=True)
class NamedParty:
    id: str
    party: guesses.Party


@dataclass(frozen=True)
class NamedPerson:
    id: str
    person: guesses.Person
    member_of: str | None
    """The id of the party their title names, if it names one."""


def member_of(person: guesses.Person, parties: Sequence[NamedParty]) -> str | None:
    """The party whose name, or acronym, the person's title names."""
    for each in parties:
        name, short = each.party.name, each.party.short
        if name in person.role or re.search(rf"\b{re.escape(short)}\b", person.role):
            return each.id
    return None


class _Names:
    """Who is named by which words: each run of whole words of a person's name
    ("Claire Martin", "Martin") leads to the first person whose name holds it. One
    look-up per quote: scanning everyone for each quote took 1.2 s for 4,000 speakers,
    and grew with their square."""

    def __init__(self, people: Sequence[NamedPerson]) -> None:
        self._by: dict[tuple[str, ...], NamedPerson] = {}
        for each in people:
            self.add(each)

    def add(self, person: NamedPerson) -> None:
        words = tuple(person.person.name.split())
        for start in range(len(words)):
            for end in range(start + 1, len(words) + 1):
                self._by.setdefault(words[start:end], person)

    def said_by(self, quoted: Quoted) -> NamedPerson | None:
        """The person named who said it: their name is the speaker's, or holds it."""
        return self._by.get(tuple(quoted.speaker.split()))


def speakers(
    said: Sequence[Quoted],
    people: Sequence[NamedPerson],
    parties: Sequence[NamedParty],
    taken: Ids,
) -> list[NamedPerson]:
    """The speakers of quotes whom `people` does not name yet: their title from the
    attribution, else a placeholder to replace."""
    names = _Names(people)
    found: list[NamedPerson] = []
    for quoted in said:
        if names.said_by(quoted) is None:
            person = guesses.Person(quoted.speaker, quoted.role or ROLE_TO_WRITE, False)
            party = member_of(person, parties)
            found.append(NamedPerson(unique(slug(person.name), taken), person, party))
            names.add(found[-1])
    return found


_NO_PARTY = "    # party: an id of `parties`, when their title places them in one\n"


def people_yaml(named: Sequence[NamedPerson]) -> str:
    out = "people:  # everyone the release names: signatories, witnesses, speakers\n"
    for each in named:
        person = each.person
        party = f"    party: {each.member_of}  # {CHECK}: their title names it\n"
        out += (
            f"  - id: {each.id}\n"
            f"    name: {q(person.name)}  # {GUESS}\n"
            + _role(person.role)
            + (party if each.member_of else _NO_PARTY)
        )
    return out


def _role(role: str) -> str:
    if role != ROLE_TO_WRITE:
        return "    role:  # their title\n" + bilingual("      ", role, GUESS)
    return (
        "    role:  # their title: the release gives none beside their quote\n"
        f"      fr: {q(ROLE_TO_WRITE)}  # write it: the release's words, or ours\n"
        f"      en: {q(UNTRANSLATED)}  # our English translation (shown marked as ours)\n"
        "      origin: editorial  # ours; write `release` (or remove it) if you quote the release\n"
    )


_EXAMPLE_QUOTE = """\
#  - id: first-quote
#    speaker: an-id-of-people
#    attribution: {fr: "…", en: "…"}  # QUOTES the words that name the speaker
#    text: {fr: "…", en: "…"}  # fr QUOTES the release word for word, without « »
"""
_NONE_FOUND = (
    "quotes: []  # the release's quotes; `new` found none in « » with a speaker named\n"
    + _EXAMPLE_QUOTE
)
QUOTES_LEFT_OUT = (
    "quotes: []  # the release's quotes: those `new` guessed did not validate, so are left"
    " out; write them\n" + _EXAMPLE_QUOTE
)


def quotes_yaml(said: Sequence[Quoted], people: Sequence[NamedPerson], taken: Ids) -> str:
    """Each quote the release prints, verbatim, its speaker one of `people`."""
    if not said:
        return _NONE_FOUND
    out = ["quotes:  # what the people above said, as the release prints it\n"]
    names = _Names(people)
    for quoted in said:  # joined once: adding to the text each time was quadratic
        speaker = names.said_by(quoted)
        assert speaker is not None  # `speakers` named everyone who speaks
        out.append(
            f"  - id: {unique('quote-' + speaker.id, taken)}\n"
            f"    speaker: {speaker.id}  # the id in `people` of who said it: a guess, check it\n"
            "    attribution:  # the release's words that name the speaker\n"
            + bilingual("      ", quoted.attribution, GUESS)
            + "    text:  # what they said, without the « »\n"
            + bilingual("      ", quoted.text, f"{QUOTED}; a guess: check where it starts, ends")
        )
    return "".join(out)
