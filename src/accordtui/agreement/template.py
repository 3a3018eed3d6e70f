"""A starting agreement file written from a release (`accordtui new`).

What it writes validates as it stands, so an author starts from a file that opens and
changes one field at a time. Every field has a comment saying what it holds and whether
it quotes the release. Fields that must quote the release get the release's words: the
lead is its first paragraph, the signing its next paragraph that speaks of signing; a
name, a kind, a role or a place is a guess from those words, said to be one. English
texts are left to translate, marked so; titles of ours are placeholders, marked ours.
"""

from __future__ import annotations

import json
import re
import textwrap
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from accordtui.agreement import guesses
from accordtui.agreement.errors import shown
from accordtui.agreement.placeholders import KIND_TO_WRITE, TITLE_TO_WRITE, UNTRANSLATED
from accordtui.agreement.quoting import QUOTING_RULE
from accordtui.agreement.release_text import Block, Release
from accordtui.agreement.schema import editor_line
from accordtui.agreement.template_examples import EXAMPLES

_CAPITALISED_RUN = re.compile(r"[A-ZÀ-ÖØ-Þ][\w-]+(?:\s+[A-ZÀ-ÖØ-Þ][\w-]+)+")
_AGREEMENT_WORDS = re.compile(
    r"(?:accord|convention|contrat|protocole)(?:-cadre)?(?: d[e'’] ?[a-zà-ÿ]+)?"
)
_PLACE = re.compile(r"\bà ([A-ZÀ-ÖØ-Þ][\w-]+)")
_SIGNING_WORDS = re.compile(r"\bsign", re.IGNORECASE)


def agreement_yaml(release: Release, source: str, page_date: date) -> str:
    """The YAML text of a valid agreement holding `release`, commented for its author."""
    lead = next((b for b in release.blocks if b.kind == "paragraph"), release.blocks[0])
    signing = next(
        (b for b in release.blocks if b is not lead and _SIGNING_WORDS.search(b.fr)), lead
    )
    taken = {"lead", "signing", *(block.id for block in release.blocks)}
    named = _parties_named(lead, signing, taken)
    people = _people_named(signing, lead, taken, named)
    parts = [
        _header(source),
        _title(release.title),
        _kind(release),
        _publication(page_date),
        _lead(lead),
        _signing(signing, people),
        _parties(named, f"{lead.fr}\n{signing.fr}"),
        _people(people),
        EXAMPLES,
        _release(release.blocks),
    ]
    return "\n".join(parts)


def _unique(slug: str, taken: set[str]) -> str:
    """`slug`, or `slug-2`, `slug-3`…: ids are unique in the file, release ids included."""
    found, n = slug, 1
    while found in taken:
        n += 1
        found = f"{slug[:60]}-{n}"
    taken.add(found)
    return found


def _q(text: str) -> str:
    """A double-quoted YAML scalar: JSON's string syntax is YAML's, escapes included."""
    return json.dumps(text, ensure_ascii=False)


def _bilingual(indent: str, fr: str, fr_note: str, en_note: str = "") -> str:
    en_note = en_note or "our English translation (shown marked as ours)"
    return f"{indent}fr: {_q(fr)}  # {fr_note}\n{indent}en: {_q(UNTRANSLATED)}  # {en_note}\n"


_QUOTED = "QUOTES the release word for word"
_GUESS = f"{_QUOTED}; a guess from it: check it"


def _header(source: str) -> str:
    return (
        f"{editor_line()}\n"
        f"# A starting agreement written by `accordtui new` from {shown(source, 200)}.\n"
        "#\n"
        "# It validates as it stands: change one field at a time and check with\n"
        "# `accordtui validate FILE`, or see each save live with `accordtui FILE --watch`.\n"
        "#\n" + "".join(f"# {line}\n" for line in textwrap.wrap(QUOTING_RULE, 82)) + "#\n"
        f"# Replace each {UNTRANSLATED}. Ids are lowercase letters, digits and hyphens,\n"
        "# unique in the file. Editors check and complete fields with the schema beside\n"
        "# this file (the first line names it; `accordtui new` writes it if absent).\n"
    )


def _title(title: str | None) -> str:
    if title is not None:
        return (
            "title:  # the agreement's title: here the release's own title\n"
            + _bilingual("  ", title, f"{_GUESS}: its first line, taken for its title")
            + "  origin: release  # release: the release's heading; editorial: ours\n"
        )
    return (
        "title:  # the agreement's title: ours (the release's text has no title line)\n"
        f"  fr: {_q(TITLE_TO_WRITE['fr'])}  # ours: write it\n"
        f"  en: {_q(TITLE_TO_WRITE['en'])}  # ours: write it\n"
        "  origin: editorial  # release: the release's heading; editorial: ours\n"
    )


def _kind(release: Release) -> str:
    found = (_AGREEMENT_WORDS.search(b.fr) for b in release.blocks)
    match = next((m for m in found if m), None)
    words = match.group() if match else _first_words(release.blocks[0].fr)
    return "kind:  # what kind of agreement it is\n" + _bilingual("  ", words, _GUESS)


def _publication(page_date: date) -> str:
    return (
        "publication:\n"
        f'  page_date: "{page_date.isoformat()}"  # the day the web page was last'
        " changed, YYYY-MM-DD, quoted\n"
        "  language: fr  # language of the release\n"
        '  # publisher: "…"  # who published the release, only if the release says\n'
    )


def _lead(lead: Block) -> str:
    return (
        "lead:  # the agreement in brief: the first entry of the Overview\n"
        "  id: lead\n"
        "  title:\n"
        '    fr: "L’accord en bref"  # ours\n'
        '    en: "The agreement in brief"  # ours\n'
        "    origin: editorial\n"
        "  text:\n" + _bilingual("    ", lead.fr, f"{_QUOTED}: whole sentences")
    )


def _signing(signing: Block, people: list[_Person]) -> str:
    place = _PLACE.search(signing.fr)
    signed = ", ".join(p.id for p in people if not p.person.attended)
    attended = ", ".join(p.id for p in people if p.person.attended)
    return (
        "signing:  # who signed, where, and who attended\n"
        "  id: signing\n"
        "  title:\n"
        '    fr: "La signature"  # ours\n'
        '    en: "The signing"  # ours\n'
        "    origin: editorial\n"
        "  text:\n"
        + _bilingual("    ", signing.fr, f"{_QUOTED}: the release's sentences on the signing")
        + "  place:  # where it was signed\n"
        + _bilingual("    ", place.group(1) if place else people[0].person.name, _GUESS)
        + f"  signatories: [{signed}]  # ids of the people below who signed: {_CHECK}\n"
        f"  witnesses: [{attended}]  # ids of the people in whose presence it was signed\n"
        + _signing_date(signing.fr)
    )


def _signing_date(text: str) -> str:
    found = guesses.signing_date(text)
    if found is None:
        return '  # date: "YYYY-MM-DD"  # the day it was signed, only if the release states it\n'
    day, words = found
    return (
        f'  date: "{day.isoformat()}"  # the day it was signed, YYYY-MM-DD, quoted;'
        f" a guess from {_q(words)}: check it\n"
    )


_CHECK = "guessed, check them"


@dataclass(frozen=True)
class _Party:
    id: str
    party: guesses.Party


@dataclass(frozen=True)
class _Person:
    id: str
    person: guesses.Person
    member_of: str | None
    """The id of the party their title names, if it names one."""


def _parties_named(lead: Block, signing: Block, taken: set[str]) -> list[_Party]:
    """The parties the lead and the signing name with their acronym; else a guess from
    the lead's first capitalised words, as before any acronym was read."""
    found = guesses.parties(f"{lead.fr}\n{signing.fr}")
    if not found:
        names = _CAPITALISED_RUN.findall(lead.fr)
        name = names[0] if names else _first_words(lead.fr)
        found = [guesses.Party(name, name)]
    return [_Party(_unique(_slug(p.short), taken), p) for p in found]


def _people_named(
    signing: Block, lead: Block, taken: set[str], parties: list[_Party]
) -> list[_Person]:
    """Everyone the signing names with a title, then a party of theirs if the title
    names one; else a guess from its first capitalised words."""
    found = guesses.people(signing.fr)
    if not found:
        names = _CAPITALISED_RUN.findall(signing.fr) or _CAPITALISED_RUN.findall(lead.fr)
        name = names[0] if names else _first_words(signing.fr)
        found = [guesses.Person(name, name, attended=False)]
    return [_Person(_unique(_slug(p.name), taken), p, _member_of(p, parties)) for p in found]


def _member_of(person: guesses.Person, parties: list[_Party]) -> str | None:
    """The party whose name, or acronym, the person's title names."""
    for each in parties:
        name, short = each.party.name, each.party.short
        if name in person.role or re.search(rf"\b{re.escape(short)}\b", person.role):
            return each.id
    return None


def _parties(named: list[_Party], text: str) -> str:
    out = "parties:  # the institutions bound by the agreement: one entry each\n"
    for each in named:
        out += (
            f"  - id: {each.id}\n"
            f"    name: {_q(each.party.name)}  # {_GUESS}\n"
            f"    short_name: {_q(each.party.short)}  # {_GUESS}: an acronym, or the name again\n"
            + _party_kind(guesses.kind_before(text, each.party.name))
        )
    for name in guesses.left_out(text):
        out += f"  # not made a party: ({name}), a name in brackets; add it if it is one\n"
    return out


def _party_kind(words: str | None) -> str:
    """The words the release gives before the name as its kind; else a placeholder of
    ours to replace (a word of the release picked at random would validate, wrongly)."""
    if words:
        return "    kind:  # what the party is\n" + _bilingual("      ", words, _GUESS)
    return (
        "    kind:  # what the party is: the release says it nowhere before its name\n"
        f"      fr: {_q(KIND_TO_WRITE)}  # write it: the release's words, or ours\n"
        f"      en: {_q(UNTRANSLATED)}  # our English translation (shown marked as ours)\n"
        "      origin: editorial  # ours; write `release` (or remove it) if you quote the release\n"
    )


_NO_PARTY = "    # party: an id of `parties`, when their title places them in one\n"


def _people(named: list[_Person]) -> str:
    out = "people:  # everyone the release names: signatories, witnesses, speakers\n"
    for each in named:
        person = each.person
        party = f"    party: {each.member_of}  # {_CHECK}: their title names it\n"
        out += (
            f"  - id: {each.id}\n"
            f"    name: {_q(person.name)}  # {_GUESS}\n"
            "    role:  # their title\n"
            + _bilingual("      ", person.role, _GUESS)
            + (
                party
                if each.member_of
                else "    # party: an id of `parties`, when their title places them in one\n"
            )
        )
    return out


def _first_words(text: str) -> str:
    """The text's first word: a quotation that validates, to be replaced."""
    return text.split()[0]


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", _ascii(text).lower()).strip("-")[:64].strip("-")
    return slug or "entry"


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def _release(blocks: tuple[Block, ...]) -> str:
    return "\n".join(_release_lines(blocks)) + "\n"


def _release_lines(blocks: tuple[Block, ...]) -> Iterator[str]:
    yield "release:  # the release body, in order: the texts above quote it; keep it verbatim"
    for block in blocks:
        yield f"  - id: {block.id}"
        yield f"    kind: {block.kind}"
        yield f"    fr: {_q(block.fr)}"
        yield f"    en: {_q(UNTRANSLATED)}"
