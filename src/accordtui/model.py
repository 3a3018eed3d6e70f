"""The agreement as validated data.

This module knows nothing of YAML, files or the terminal: it describes what a
valid agreement is, so that every other part can trust what it is handed.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

Lang = Literal["fr", "en"]
"""`fr` is the original language of the release; `en` is our translation."""

LANGS: tuple[Lang, ...] = ("fr", "en")

_ALLOWED_FORMAT_CHARS = {"\u200d"}  # zero-width joiner: needed by some emoji and scripts


def forbidden_char(text: str) -> tuple[int, str] | None:
    """Find the first character that must not reach a terminal or hide text.

    Returns its index and a readable description, or None when the text is clean.
    """
    if text.isprintable():  # C-speed answer for almost every text
        return None
    for index, char in enumerate(text):
        code = ord(char)
        if char in "\n\t":
            continue
        if code < 0x20 or code == 0x7F or 0x80 <= code <= 0x9F:
            return index, f"a control character U+{code:04X}"
        if 0xD800 <= code <= 0xDFFF:
            return index, f"a lone surrogate U+{code:04X}"
        if unicodedata.category(char) == "Cf" and char not in _ALLOWED_FORMAT_CHARS:
            name = unicodedata.name(char, "format character")
            return index, f"an invisible format character U+{code:04X} ({name})"
    return None


def _check_text(text: str) -> str:
    found = forbidden_char(text)
    if found is not None:
        index, what = found
        raise PydanticCustomError(
            "forbidden_character",
            "text contains {what} at character {index}; "
            "expected printable text (newlines and tabs allowed)",
            {"what": what, "index": index + 1},
        )
    if not text.strip():
        raise PydanticCustomError("empty_text", "expected non-empty text")
    return text


Text = Annotated[str, AfterValidator(_check_text)]
"""Printable, non-empty text: no control, bidi or invisible format characters."""

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,63}$")]
"""A short identifier: lowercase letters, digits and hyphens."""


class Strict(BaseModel):
    """Base for every model: unknown keys are errors and inputs never echo back."""

    model_config = ConfigDict(extra="forbid", frozen=True, hide_input_in_errors=True)


class Bilingual(Strict):
    """A text in the French original and its English translation."""

    fr: Text
    """The French text, exactly as the release states it."""
    en: Text
    """Our English translation; always shown marked as a translation."""

    def pick(self, lang: Lang) -> str:
        return self.fr if lang == "fr" else self.en


class Item(Strict):
    """Anything a reader can open, quote or follow."""

    id: Id
    """Stable identifier used by cross-references."""
    source: Text | None = None
    """The exact sentence (or part of it) of the release this item comes from."""


class Publication(Strict):
    """Where the facts come from."""

    publisher: Text | None = None
    """Who published the release; omitted when the release does not say."""
    page_date: date
    """The date printed on the page ("Changed on …"), not a signing date."""
    language: Lang = "fr"
    """Language of the original release."""
    source: Text | None = None


class Signing(Strict):
    """Who signed, where, and who attended."""

    place: Bilingual
    signatories: list[Id] = Field(min_length=1)
    """Person ids of those who signed."""
    witnesses: list[Id] = []
    """Person ids of those in whose presence it was signed."""
    source: Text | None = None


class Party(Item):
    """One of the institutions bound by the agreement."""

    name: Text
    short_name: Text
    kind: Bilingual
    representative: Id | None = None
    """Person id of who represents the party in the release."""


class Person(Item):
    """Someone the release names."""

    name: Text
    role: Bilingual
    party: Id | None = None
    """The party this person belongs to, when they belong to one."""
    affiliation: Bilingual | None = None
    """Where the person works when that is not a party (e.g. a ministry service)."""


class Objective(Item):
    """One of the three objectives the collaboration is structured around."""

    title: Bilingual
    text: Bilingual
    themes: list[Id] = []


class Theme(Item):
    """A theme of the collaboration."""

    title: Bilingual
    text: Bilingual | None = None
    priority: bool = False
    """True only where the release calls the theme a priority."""


class Project(Item):
    """A programme or action the release ties to the agreement."""

    title: Bilingual
    text: Bilingual
    themes: list[Id] = []
    carried_by: list[Id] = []
    """Party ids that carry the project, where the release says so."""


class Statement(Item):
    """A goal or a piece of context, in the release's words."""

    title: Bilingual
    text: Bilingual


class Quote(Item):
    """A verbatim quote: `text.fr` is exactly the release's words."""

    speaker: Id
    """Person id of who said it."""
    attribution: Bilingual
    """The line that introduces the quote, as printed."""
    text: Bilingual


class Agreement(Strict):
    """The framework partnership agreement and everything the release says of it."""

    title: Bilingual
    kind: Bilingual
    summary: Bilingual
    publication: Publication
    signing: Signing
    parties: list[Party] = Field(min_length=1)
    people: list[Person] = []
    objectives: list[Objective] = []
    themes: list[Theme] = []
    projects: list[Project] = []
    goals: list[Statement] = []
    context: list[Statement] = []
    quotes: list[Quote] = []

    @model_validator(mode="after")
    def _check_references(self) -> Agreement:
        errors = list(_reference_errors(self))
        if errors:
            raise ValidationError.from_exception_data("Agreement", errors)
        return self


Loc = tuple[str | int, ...]


def _error(loc: Loc, kind: str, ref: str, known: Iterable[str]) -> InitErrorDetails:
    choices = ", ".join(sorted(known)) or "none defined"
    return InitErrorDetails(
        type=PydanticCustomError(
            "dangling_reference",
            "unknown {kind} id '{ref}'; expected one of: {choices}",
            {"kind": kind, "ref": ref, "choices": choices},
        ),
        loc=loc,
        input=ref,
    )


def _duplicate_ids(name: str, items: Iterable[Item]) -> Iterator[InitErrorDetails]:
    seen: set[str] = set()
    for index, item in enumerate(items):
        if item.id in seen:
            yield InitErrorDetails(
                type=PydanticCustomError(
                    "duplicate_id",
                    "id '{ref}' is already used in {name}; expected a unique id",
                    {"ref": item.id, "name": name},
                ),
                loc=(name, index, "id"),
                input=item.id,
            )
        seen.add(item.id)


def _reference_errors(agreement: Agreement) -> Iterator[InitErrorDetails]:
    """Every id that points nowhere, located at the field that holds it."""
    a = agreement
    for name in (
        "parties",
        "people",
        "objectives",
        "themes",
        "projects",
        "goals",
        "context",
        "quotes",
    ):
        yield from _duplicate_ids(name, getattr(a, name))
    people = {p.id for p in a.people}
    parties = {p.id for p in a.parties}
    themes = {t.id for t in a.themes}

    def check(loc: Loc, kind: str, ref: str | None, known: set[str]) -> Iterator[InitErrorDetails]:
        if ref is not None and ref not in known:
            yield _error(loc, kind, ref, known)

    for field in ("signatories", "witnesses"):
        for i, ref in enumerate(getattr(a.signing, field)):
            yield from check(("signing", field, i), "person", ref, people)
    for i, party in enumerate(a.parties):
        yield from check(("parties", i, "representative"), "person", party.representative, people)
    for i, person in enumerate(a.people):
        yield from check(("people", i, "party"), "party", person.party, parties)
    for i, objective in enumerate(a.objectives):
        for j, ref in enumerate(objective.themes):
            yield from check(("objectives", i, "themes", j), "theme", ref, themes)
    for i, project in enumerate(a.projects):
        for j, ref in enumerate(project.themes):
            yield from check(("projects", i, "themes", j), "theme", ref, themes)
        for j, ref in enumerate(project.carried_by):
            yield from check(("projects", i, "carried_by", j), "party", ref, parties)
    for i, quote in enumerate(a.quotes):
        yield from check(("quotes", i, "speaker"), "person", quote.speaker, people)
