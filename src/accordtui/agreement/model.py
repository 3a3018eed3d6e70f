"""The agreement as validated data.

This module knows nothing of YAML, files or the terminal: it describes what a
valid agreement is, so that every other part can trust what it is handed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

from accordtui.agreement import kinds
from accordtui.agreement.invisible import forbidden_char
from accordtui.agreement.lang import LANGS as LANGS
from accordtui.agreement.lang import Lang as Lang


def _check_text(text: str) -> str:
    found = forbidden_char(text)
    if found is not None:
        index, what = found
        raise PydanticCustomError(
            "forbidden_character",
            "text contains {what} at character {index}; expected visible text "
            "(spaces, newlines, tabs, combining marks and the zero-width joiners allowed)",
            {"what": what, "index": index + 1},
        )
    if not text.strip():
        raise PydanticCustomError("empty_text", "expected non-empty text")
    return text


Text = Annotated[str, AfterValidator(_check_text)]
"""Visible, non-empty text as written (a number must be quoted): see `invisible`."""

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,63}$")]
"""A short identifier: lowercase letters, digits and hyphens."""


def _iso_date(value: object) -> object:
    """A date is `YYYY-MM-DD` and nothing else: no Unix time, no time of day."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        raise PydanticCustomError("date_format", "expected a date written YYYY-MM-DD")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise PydanticCustomError("date_value", "no such day; expected a real date") from None


_ISO_DATE = re.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}")

IsoDate = Annotated[
    date,
    BeforeValidator(_iso_date),
    WithJsonSchema({"type": "string", "format": "date", "pattern": f"^{_ISO_DATE.pattern}$"}),
]
"""A calendar date written `"YYYY-MM-DD"`, in quotes (YAML 1.1 readers, which many
editors' validators use, turn an unquoted date into something that is not text: the
YAML reader refuses it, see `safe_yaml`). The pattern holds it for validators that
do not check formats."""


_PORT = "[1-9][0-9]{0,3}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5]"
URL_PATTERN = (
    r"^https?://(?:[^\s/?#@\\:\[\]]+|\[[0-9A-Fa-f:.]+\])"
    f"(?::(?:{_PORT}))?"
    r"(?:[/?#][^\s\\]*)?$(?!\n)"
)
"""http(s), a host, a port from 1 to 65535, then a path; no user name, space or
backslash. One pattern for the model and the schema, so they agree (`(?!\\n)`: in
Python `$` also matches before a final newline)."""
_URL = re.compile(URL_PATTERN)


def _check_url(value: str) -> str:
    """Kept as the file writes it (no normalising): it is printed, never fetched."""
    if not _URL.match(value):
        raise PydanticCustomError(
            "url",
            "expected a web address starting http:// or https:// (lowercase), with a "
            "host and no spaces, backslashes or user name (https://example.org/page)",
        )
    return value


Url = Annotated[
    Text,
    AfterValidator(_check_url),
    Field(
        description="The web address, starting http:// or https://.",
        json_schema_extra={"pattern": URL_PATTERN},
    ),
]
"""An http(s) address, kept exactly as written."""


class Strict(BaseModel):
    """Base for every model: unknown keys are errors and inputs never echo back.

    Strict mode: no value is coerced (a number is not text, "true" or `yes` is not a
    boolean, 1719792000 is not a date). The loader hands over YAML 1.2 values.
    """

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        hide_input_in_errors=True,
        strict=True,
        defer_build=True,
    )


class MayLeaveOut(Strict):
    """Base for a model with fields that may be left out.

    Only these models check for nulls: the check is a Python call per instance, and
    texts, titles and links, most of a file, have no field to leave out.
    """

    @model_validator(mode="before")
    @classmethod
    def _absent(cls, data: Any) -> Any:
        """`null`, `~` or an empty value leave out a field that may be left out."""
        if isinstance(data, dict) and None in data.values():
            fields = cls.model_fields
            return {
                k: v
                for k, v in data.items()
                if v is not None or k not in fields or fields[k].is_required()
            }
        return data


Origin = Literal["release", "editorial"]
"""`release`: the release's own words (checked); `editorial`: written by us."""


class Bilingual(Strict):
    """A text in the French of the release and our English translation."""

    fr: Text
    """The French: the release's words (see the quoting rule), unless `origin` is
    `editorial`."""
    en: Text
    """Our English translation of `fr`; words a translator adds stand in [square brackets]."""
    origin: Origin | None = None
    """`editorial` when `fr` is our words, not the release's; left out (or `release`)
    when it quotes the release."""

    def pick(self, lang: Lang) -> str:
        return self.fr if lang == "fr" else self.en

    @property
    def editorial(self) -> bool:
        return self.origin == "editorial"


class Title(Bilingual):
    """A title or heading: the release's own, or one we wrote to help navigation."""

    origin: Origin
    """`release` when `fr` is a heading of the release; `editorial` when we wrote it.
    Always written: most titles are ours."""


class Item(Strict):
    """Anything a reader can open, quote or follow."""

    id: Id
    """Unique in the file; links, speakers, signatories and parties name entries by it."""


class Link(Strict):
    """A link from one entry to another, stated by the release or inferred by us."""

    to: Id
    """The `id` of the entry linked to (not a paragraph of `release`)."""
    inferred: bool
    """`true` when the release does not state the link and it is our reading."""


class Passage(Item, MayLeaveOut, kinds.Passage):
    """An entry of the agreement: whole sentences of the release under a title."""

    title: Title
    """The entry's title in lists and links."""
    text: Bilingual
    """Whole sentences of the release; `[…]` marks a part left out."""
    priority: bool = False
    """`true` only where the release calls this a priority."""
    programmes: list[Title] = []
    """Named programmes, projects or initiatives the text refers to (research
    programmes, funding schemes, labs), each with its own origin; any agreement may
    have them."""
    in_line_with: Bilingual | None = None
    """A policy, strategy or body the release says the entry follows or serves ("en
    cohérence avec …", "dans le cadre de …"); any agreement may have it."""
    links: list[Link] = []
    """Other entries this one leads to; the reverse links are made by the program."""


class Group(Strict):
    """Entries under one heading: the release's subheading or our own grouping."""

    heading: Title
    """The group's heading: a subheading of the release, or ours."""
    items: list[Passage] = Field(min_length=1)
    """The entries, in the release's order."""


class Publication(MayLeaveOut):
    """Where the facts come from."""

    publisher: Text | None = None
    """Who published the release, as its page says; left out when it does not say
    (not checked against `release`)."""
    url: Url | None = None
    """The release's web address; omitted (or null) when unknown. Never invented."""
    page_date: IsoDate
    """The date the release's web page gives, in quotes ("2024-07-01"); not a signing date."""
    language: Lang = "fr"
    """The language the release is written in."""


class Signing(Item, MayLeaveOut, kinds.Signing):
    """Who signed, where, and who attended."""

    title: Title
    """The entry's title in lists and links."""
    text: Bilingual
    """The release's sentence on the signing."""
    place: Bilingual
    """Where it was signed, in the release's words."""
    signatories: list[Id] = Field(min_length=1)
    """The `id`s of the people who signed."""
    witnesses: list[Id] = []
    """The `id`s of the people in whose presence it was signed."""


class Party(Item, kinds.Party):
    """One of the institutions bound by the agreement."""

    name: Text
    """The institution's name as the release writes it."""
    short_name: Text
    """The shorter name the release also uses (the same as `name` if none)."""
    kind: Bilingual
    """What sort of body it is ("établissement", "université" …)."""
    origin: Origin | None = None
    """`editorial` when `name` and `short_name` are our words, not the release's; left
    out (or `release`) when they quote it."""


class Person(Item, MayLeaveOut, kinds.Person):
    """Someone the release names."""

    name: Text
    """The person's name as the release writes it."""
    role: Bilingual
    """The person's title or office, in the release's words."""
    party: Id | None = None
    """The `id` of the party the person's title places them in, when it names one."""
    origin: Origin | None = None
    """`editorial` when `name` is our words, not the release's; left out (or `release`)
    when it quotes it."""


class Quote(Item, kinds.Quote):
    """A verbatim quote of someone the release names."""

    speaker: Id
    """The `id` of the person who said it."""
    attribution: Bilingual
    """The line the release prints above the quote."""
    text: Bilingual
    """What they said: exactly the release's words."""


class Paragraph(Item, kinds.Paragraph):
    """One paragraph, list item or subheading of the release body, in order."""

    kind: Literal["paragraph", "bullet", "heading"]
    """`paragraph`, `bullet` (an item of a list) or `heading` (a subheading)."""
    fr: Text
    """The release's words, exactly: what every quoted text is checked against."""
    en: Text
    """Our translation."""

    def pick(self, lang: Lang) -> str:
        return self.fr if lang == "fr" else self.en


class Agreement(MayLeaveOut):
    """An agreement and everything its press release says of it.

    Sections of the browser are fields here: `lead`, `signing` and `overview` make the
    Overview; `parties` and `people` the Parties; then `objectives`, `themes`, `quotes`
    and `release` (the Source).
    """

    title: Title
    """The agreement's name, shown first."""
    kind: Bilingual
    """What sort of agreement it is ("accord-cadre de partenariat" …)."""
    publication: Publication
    """The release's page: its date, publisher and language."""
    lead: Passage
    """The release's opening: what was agreed, by whom."""
    signing: Signing
    """The signing: who, where, before whom."""
    overview: list[Group] = []
    """Background: groups of entries on the context of the agreement."""
    parties: list[Party] = Field(min_length=1)
    """The institutions bound by it."""
    people: list[Person] = []
    """Everyone the release names: signatories, witnesses, speakers."""
    objectives: list[Group] = []
    """What the agreement sets out to do, in groups."""
    themes: list[Group] = []
    """Fields, priorities and first projects, in groups."""
    quotes: list[Quote] = []
    """What the people said, as the release prints it."""
    release: list[Paragraph] = Field(min_length=1)
    """The release body, paragraph by paragraph: the words every quoted text is
    checked against."""

    @model_validator(mode="after")
    def _check_references(self) -> Agreement:
        from accordtui.agreement.quoting import verbatim_errors  # it walks these models

        errors = [*_reference_errors(self), *verbatim_errors(self)]
        if errors:
            raise ValidationError.from_exception_data("Agreement", errors)
        return self

    def entries(self) -> Iterator[tuple[Loc, Item]]:
        """Every entry with an id, with where it sits in the file."""
        yield ("lead",), self.lead
        yield ("signing",), self.signing
        for name in ("overview", "objectives", "themes"):
            for g, group in enumerate(getattr(self, name)):
                for i, item in enumerate(group.items):
                    yield (name, g, "items", i), item
        for name in ("parties", "people", "quotes", "release"):
            for i, item in enumerate(getattr(self, name)):
                yield (name, i), item


Loc = tuple[str | int, ...]


def _error(kind: str, message: str, loc: Loc, value: str, **context: str) -> InitErrorDetails:
    return InitErrorDetails(type=PydanticCustomError(kind, message, context), loc=loc, input=value)


def _dangling(loc: Loc, what: str, ref: str, known: Iterable[str]) -> InitErrorDetails:
    choices = ", ".join(sorted(known)) or "none defined"
    return _error(
        "dangling_reference",
        "unknown {what} id '{ref}'; expected one of: {choices}",
        loc,
        ref,
        what=what,
        ref=ref,
        choices=choices,
    )


def _reference_errors(a: Agreement) -> Iterator[InitErrorDetails]:
    """Every duplicate id and every id that points nowhere, at the field that holds it."""
    seen: set[str] = set()
    passages: list[tuple[Loc, Passage]] = []
    for loc, item in a.entries():
        if item.id in seen:
            message = "id '{ref}' is already used; expected an id unique in the file"
            yield _error("duplicate_id", message, (*loc, "id"), item.id, ref=item.id)
        seen.add(item.id)
        if isinstance(item, Passage):  # the only entries with links
            passages.append((loc, item))
    people = {p.id for p in a.people}
    parties = {p.id for p in a.parties}

    for field in ("signatories", "witnesses"):
        for i, ref in enumerate(getattr(a.signing, field)):
            if ref not in people:
                yield _dangling(("signing", field, i), "person", ref, people)
    for i, person in enumerate(a.people):  # a check per entry: no generator per entry
        if person.party is not None and person.party not in parties:
            yield _dangling(("people", i, "party"), "party", person.party, parties)
    for i, quote in enumerate(a.quotes):
        if quote.speaker not in people:
            yield _dangling(("quotes", i, "speaker"), "person", quote.speaker, people)
    linkable = seen - {p.id for p in a.release}
    for loc, passage in passages:
        for j, link in enumerate(passage.links):
            if link.to == passage.id or link.to not in linkable:
                yield _dangling((*loc, "links", j, "to"), "entry", link.to, linkable - {passage.id})
