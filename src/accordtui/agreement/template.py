"""A starting agreement file written from a release (`accordtui new`).

What it writes validates as it stands, so an author starts from a file that opens and
changes one field at a time. Every field has a comment saying what it holds and whether
it quotes the release. Fields that must quote the release get the release's words: the
lead is its first paragraph, the signing its next paragraph that speaks of signing; a
name, a kind, a role or a place is a guess from those words, said to be one. English
texts are left to translate, marked so; titles of ours are placeholders, marked ours.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterator
from datetime import date

from accordtui.agreement import guesses, quotations
from accordtui.agreement.errors import shown
from accordtui.agreement.placeholders import KIND_TO_WRITE, TITLE_TO_WRITE, UNTRANSLATED
from accordtui.agreement.quoting import QUOTING_RULE
from accordtui.agreement.release_text import Block, Release
from accordtui.agreement.schema import editor_line
from accordtui.agreement.template_examples import EXAMPLES
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
from accordtui.agreement.template_people import (
    QUOTES_LEFT_OUT,
    NamedParty,
    NamedPerson,
    member_of,
    people_yaml,
    quotes_yaml,
    speakers,
)

_CAPITALISED_RUN = re.compile(r"[A-ZÀ-ÖØ-Þ][\w-]+(?:\s+[A-ZÀ-ÖØ-Þ][\w-]+)+")
_AGREEMENT_WORDS = re.compile(
    r"(?:accord|convention|contrat|protocole)(?:-cadre)?(?: d[e'’] ?[a-zà-ÿ]+)?"
)
_PLACE = re.compile(r"\bà ([A-ZÀ-ÖØ-Þ][\w-]+)")
_SIGNING_WORDS = re.compile(r"\bsign", re.IGNORECASE)


def agreement_yaml(
    release: Release, source: str, page_date: date, *, with_quotes: bool = True
) -> str:
    """The YAML text of a valid agreement holding `release`, commented for its author;
    `with_quotes=False` leaves the guessed quotes out, should they not validate."""
    lead = next((b for b in release.blocks if b.kind == "paragraph"), release.blocks[0])
    signing = next(
        (b for b in release.blocks if b is not lead and _SIGNING_WORDS.search(b.fr)), lead
    )
    taken = Ids(["lead", "signing", *(block.id for block in release.blocks)])
    named = _parties_named(lead, signing, taken)
    people = _people_named(signing, lead, taken, named)
    said = quotations.quotes(release.blocks) if with_quotes else []
    everyone = people + speakers(said, people, named, taken)
    parts = [
        _header(source),
        _title(release.title),
        _kind(release),
        _publication(page_date),
        _lead(lead),
        _signing(signing, people),
        _parties(named, _naming(lead, signing)),
        people_yaml(everyone),
        EXAMPLES,
        quotes_yaml(said, everyone, taken) if with_quotes else QUOTES_LEFT_OUT,
        _release(release.blocks),
    ]
    return "\n".join(parts)


def _header(source: str) -> str:
    return (
        f"{editor_line()}\n"
        f"# A starting agreement written by `accordtui new` from {shown(source, 200)}.\n"
        "#\n"
        "# It validates as it stands: change one field at a time and check with\n"
        "# `accordtui validate FILE`, or see each save live with `accordtui FILE --watch`.\n"
        "#\n" + "".join(f"# {line}\n" for line in textwrap.wrap(QUOTING_RULE, 82)) + "#\n"
        "# What `new` drew from the release (names, kinds, titles, the place, the date,\n"
        '# the quotes and who said them) says "a guess": check each against it.\n'
        f"# Replace each {UNTRANSLATED}. Ids are lowercase letters, digits and hyphens,\n"
        "# unique in the file. Editors check and complete fields with the schema beside\n"
        "# this file (the first line names it; `accordtui new` writes it if absent).\n"
    )


def _title(title: str | None) -> str:
    if title is not None:
        return (
            "title:  # the agreement's title: here the release's own title\n"
            + bilingual("  ", title, "the release's title as printed; a guess: check it")
            + "  origin: release  # release: the release's heading; editorial: ours\n"
        )
    return (
        "title:  # the agreement's title: ours (the release's text has no title line)\n"
        f"  fr: {q(TITLE_TO_WRITE['fr'])}  # ours: write it\n"
        f"  en: {q(TITLE_TO_WRITE['en'])}  # ours: write it\n"
        "  origin: editorial  # release: the release's heading; editorial: ours\n"
    )


def _kind(release: Release) -> str:
    found = (_AGREEMENT_WORDS.search(b.fr) for b in release.blocks)
    match = next((m for m in found if m), None)
    words = match.group() if match else _first_words(release.blocks[0].fr)
    return "kind:  # what kind of agreement it is\n" + bilingual("  ", words, GUESS)


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
        "  text:\n" + bilingual("    ", lead.fr, f"{QUOTED}: whole sentences")
    )


def _signing(signing: Block, people: list[NamedPerson]) -> str:
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
        + bilingual("    ", signing.fr, f"{QUOTED}: the release's sentences on the signing")
        + "  place:  # where it was signed\n"
        + bilingual("    ", place.group(1) if place else people[0].person.name, GUESS)
        + f"  signatories: [{signed}]  # ids of the people below who signed: {CHECK}\n"
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
        f" a guess from {q(words)}: check it\n"
    )


def _naming(lead: Block, signing: Block) -> str:
    """The text that names the parties: the lead and the signing, once if they are one."""
    return lead.fr if signing is lead else f"{lead.fr}\n{signing.fr}"


def _parties_named(lead: Block, signing: Block, taken: Ids) -> list[NamedParty]:
    """The parties the lead and the signing name with their acronym; else a guess from
    the lead's first capitalised words, as before any acronym was read."""
    found = guesses.parties(_naming(lead, signing))
    if not found:
        names = _CAPITALISED_RUN.findall(lead.fr)
        name = names[0] if names else _first_words(lead.fr)
        found = [guesses.Party(name, name)]
    return [NamedParty(unique(slug(p.short), taken), p) for p in found]


def _people_named(
    signing: Block, lead: Block, taken: Ids, parties: list[NamedParty]
) -> list[NamedPerson]:
    """Everyone the signing names with a title, then a party of theirs if the title
    names one; else a guess from its first capitalised words."""
    found = guesses.people(signing.fr)
    if not found:
        names = _CAPITALISED_RUN.findall(signing.fr) or _CAPITALISED_RUN.findall(lead.fr)
        name = names[0] if names else _first_words(signing.fr)
        found = [guesses.Person(name, name, attended=False)]
    return [NamedPerson(unique(slug(p.name), taken), p, member_of(p, parties)) for p in found]


def _parties(named: list[NamedParty], text: str) -> str:
    """The parties, then a note for each name in brackets not made one; joined once, as
    adding to the text each time was quadratic (17,000 parties: 82 s)."""
    out = ["parties:  # the institutions bound by the agreement: one entry each\n"]
    out.extend(
        f"  - id: {each.id}\n"
        f"    name: {q(each.party.name)}  # {GUESS}\n"
        f"    short_name: {q(each.party.short)}  # {GUESS}: an acronym, or the name again\n"
        + _party_kind(guesses.kind_before(text, each.party.name))
        for each in named
    )
    taken = {each.party.short for each in named}  # `parties` is not run twice
    out.extend(
        f"  # not made a party: ({name}), a name in brackets after"
        f" {q(guesses.words_before(text, name, at))}; add it if it is one\n"
        for name, at in guesses.left_out_at(text, taken).items()
    )
    return "".join(out)


def _party_kind(words: str | None) -> str:
    """The words the release gives before the name as its kind; else a placeholder of
    ours to replace (a word of the release picked at random would validate, wrongly)."""
    if words:
        return "    kind:  # what the party is\n" + bilingual("      ", words, GUESS)
    return (
        "    kind:  # what the party is: the release says it nowhere before its name\n"
        f"      fr: {q(KIND_TO_WRITE)}  # write it: the release's words, or ours\n"
        f"      en: {q(UNTRANSLATED)}  # our English translation (shown marked as ours)\n"
        "      origin: editorial  # ours; write `release` (or remove it) if you quote the release\n"
    )


def _first_words(text: str) -> str:
    """The text's first word: a quotation that validates, to be replaced."""
    return text.split()[0]


def _release(blocks: tuple[Block, ...]) -> str:
    return "\n".join(_release_lines(blocks)) + "\n"


def _release_lines(blocks: tuple[Block, ...]) -> Iterator[str]:
    yield "release:  # the release body, in order: the texts above quote it; keep it verbatim"
    for block in blocks:
        yield f"  - id: {block.id}"
        yield f"    kind: {block.kind}"
        yield f"    fr: {q(block.fr)}"
        yield f"    en: {q(UNTRANSLATED)}"
