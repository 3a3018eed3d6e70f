"""The agreement as validated data.

This module knows nothing of YAML, files or the terminal: it describes what a
valid agreement is, so that every other part can trust what it is handed.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from functools import cache
from typing import Annotated, Any, Literal, get_args, get_origin

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

from accordtui.agreement.invisible import forbidden_char

Lang = Literal["fr", "en"]
"""`fr` is the original language of the release; `en` is our translation."""

LANGS: tuple[Lang, ...] = ("fr", "en")


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


Text = Annotated[
    str,
    AfterValidator(_check_text),
    Field(
        description="Visible text. Not expressed in this schema, checked by `accordtui "
        "validate`: no control, bidi, invisible or default-ignorable character "
        "(forbidden characters)."
    ),
]
"""Visible, non-empty text as written (a number must be quoted): see `invisible`."""

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,63}$"),
    Field(
        description="A short identifier: lowercase letters, digits and hyphens. Not "
        "expressed in this schema, checked by `accordtui validate`: ids are unique in "
        "the file (duplicate ids) and every reference names an existing entry "
        "(cross-references)."
    ),
]
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

IsoDate = Annotated[date, BeforeValidator(_iso_date)]
"""A calendar date written `YYYY-MM-DD` (quoted or not)."""


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

UNEXPRESSED_RULES = (
    "Rules this JSON Schema cannot express, checked only by `accordtui validate`: "
    "cross-references (speakers, signatories, parties, links name existing entries); "
    "duplicate ids; forbidden characters (control, bidi, invisible, default-ignorable); "
    "YAML rules (no aliases, anchors, tags, directives, tabs or duplicate keys; nesting "
    "at most 32 deep); verbatim-in-release (every "
    "French text but editorial titles is the release's exact words). "
    "An empty value, ~ or null is accepted where a field may be left out."
)
"""Listed in the root description of the generated schema."""


def _note_unexpressed(schema: dict[str, Any], model: type[BaseModel]) -> None:
    """The root model (the one checking cross-references) names what the schema cannot."""
    validators = model.__pydantic_decorators__.model_validators.values()
    if any(v.info.mode == "after" for v in validators):
        schema["description"] = f"{schema.get('description', '')}\n\n{UNEXPRESSED_RULES}"


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
        json_schema_extra=_note_unexpressed,
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


class Bilingual(Strict):
    """A text in the French original and its English translation."""

    fr: Text
    """The French text, exactly as the release states it."""
    en: Text
    """Our English translation; always shown marked as a translation."""

    def pick(self, lang: Lang) -> str:
        return self.fr if lang == "fr" else self.en


Origin = Literal["release", "editorial"]
"""`release`: the release's own words (checked); `editorial`: written by us."""

CUT = "[…]"
"""Marks where a verbatim text leaves out part of the release's sentence."""


class Title(Bilingual):
    """A title: the release's own heading, or one we wrote to help navigation."""

    origin: Origin
    """`release` when `fr` is a heading of the release; `editorial` when it is ours."""

    @property
    def editorial(self) -> bool:
        return self.origin == "editorial"


class Item(Strict):
    """Anything a reader can open, quote or follow."""

    id: Id
    """Identifier, unique in the whole file: links and references use it."""


class Link(Strict):
    """A link from one entry to another, stated by the release or inferred by us."""

    to: Id
    """Id of the entry linked to."""
    inferred: bool
    """True when the release does not state the link and it is our reading."""


class Passage(Item, MayLeaveOut):
    """An entry of the agreement: whole sentences of the release under a title."""

    title: Title
    text: Bilingual
    """Whole sentences of the release (`fr`); `[…]` marks any part left out."""
    priority: bool = False
    """True only where the release calls this a priority."""
    programmes: list[Title] = []
    """Research programmes the text names."""
    in_line_with: Bilingual | None = None
    """What the release says the entry is "en cohérence avec la dynamique de"."""
    links: list[Link] = []


class Group(Strict):
    """Entries under one heading: the release's subheading or our own grouping."""

    heading: Title
    items: list[Passage] = Field(min_length=1)


class Publication(MayLeaveOut):
    """Where the facts come from."""

    publisher: Text | None = None
    """Who published the release; omitted (or null) when the release does not say."""
    url: Url | None = None
    """The release's web address; omitted (or null) when unknown. Never invented."""
    page_date: IsoDate
    """The date the web page was last changed ("Changed on …"), not a signing date."""
    language: Lang = "fr"
    """Language of the original release."""


class Signing(Item, MayLeaveOut):
    """Who signed, where, and who attended."""

    title: Title
    text: Bilingual
    """The release's sentence on the signing."""
    place: Bilingual
    signatories: list[Id] = Field(min_length=1)
    """Person ids of those who signed."""
    witnesses: list[Id] = []
    """Person ids of those in whose presence it was signed."""


class Party(Item):
    """One of the institutions bound by the agreement."""

    name: Text
    short_name: Text
    kind: Bilingual


class Person(Item, MayLeaveOut):
    """Someone the release names."""

    name: Text
    role: Bilingual
    """The person's title, as the release words it."""
    party: Id | None = None
    """The party the person's title places them in, when it names one."""


class Quote(Item):
    """A verbatim quote: `text.fr` is exactly the release's words."""

    speaker: Id
    """Person id of who said it."""
    attribution: Bilingual
    """The line the release prints above the quote."""
    text: Bilingual


class Paragraph(Item):
    """One paragraph, list item or subheading of the release body, in order."""

    kind: Literal["paragraph", "bullet", "heading"]
    fr: Text
    """The release's words, exactly."""
    en: Text
    """Our translation."""

    def pick(self, lang: Lang) -> str:
        return self.fr if lang == "fr" else self.en


class Agreement(MayLeaveOut):
    """The framework partnership agreement and everything the release says of it.

    Sections of the browser are fields here: `lead`, `signing` and `overview` make the
    Overview; `parties` and `people` the Parties; then `objectives`, `themes`, `quotes`
    and `release` (the Source).
    """

    title: Title
    kind: Bilingual
    publication: Publication
    lead: Passage
    signing: Signing
    overview: list[Group] = []
    parties: list[Party] = Field(min_length=1)
    people: list[Person] = []
    objectives: list[Group] = []
    themes: list[Group] = []
    quotes: list[Quote] = []
    release: list[Paragraph] = Field(min_length=1)
    """The release body; every `fr` text above, save editorial titles, must occur in it."""

    @model_validator(mode="after")
    def _check_references(self) -> Agreement:
        errors = [*_reference_errors(self), *_verbatim_errors(self)]
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


_VERBATIM_FIELDS = ("name", "short_name")
"""Plain-text fields that are the release's words too (names as printed)."""


def french_texts(a: Agreement) -> list[tuple[Loc, str]]:
    """Every French text that must be the release's words, with its place in the file.

    That is every `fr` of a bilingual text or release title, and every name; not
    editorial titles, not the release paragraphs themselves.
    """
    return [(_loc(place), text) for place, text in _french_places(a)]


_Place = tuple[Any, str | int]
"""(the parent's place or None, a key): made in one step per level, where a `Loc` copies
its parent's; made a `Loc` only for a text that is reported."""


def _loc(place: _Place | None) -> Loc:
    keys: list[str | int] = []
    while place is not None:
        place, key = place
        keys.append(key)
    return tuple(reversed(keys))


def _french_places(a: Agreement) -> list[tuple[_Place, str]]:
    found: list[tuple[_Place, str]] = []
    for name in type(a).model_fields:
        if name not in ("release", "title"):
            _add_french((None, name), getattr(a, name), found)
    return found


def _add_french(place: _Place, value: object, found: list[tuple[_Place, str]]) -> None:
    """Appends rather than yields: nested generators made this a third of validation.
    Texts first: most calls are for one."""
    if isinstance(value, Bilingual):
        if not (isinstance(value, Title) and value.editorial):
            found.append(((place, "fr"), value.fr))
    elif isinstance(value, list):
        for index, element in enumerate(value):
            _add_french((place, index), element, found)
    elif isinstance(value, BaseModel):
        for name, is_a_name in _french_fields(type(value)):
            field = getattr(value, name)
            if is_a_name:
                if isinstance(field, str):
                    found.append(((place, name), field))
            elif field is not None:
                _add_french((place, name), field, found)


@cache
def _french_fields(model: type[BaseModel]) -> tuple[tuple[str, bool], ...]:
    """The fields of `model` that can hold French, and whether each is a name."""
    return tuple(
        (name, name in _VERBATIM_FIELDS)
        for name, info in model.model_fields.items()
        if name in _VERBATIM_FIELDS or _may_hold_french(info.annotation)
    )


def _may_hold_french(annotation: object) -> bool:
    if get_origin(annotation) is None and isinstance(annotation, type):
        if issubclass(annotation, Bilingual):
            return True
        return issubclass(annotation, BaseModel) and bool(_french_fields(annotation))
    return any(_may_hold_french(arg) for arg in get_args(annotation))


def verbatim_parts(text: str) -> list[str]:
    """The pieces of `text` that must appear in the release, split at `[…]` cuts."""
    if CUT not in text:  # most texts: whole sentences
        whole = text.strip()
        return [whole] if whole else []
    return [part.strip() for part in text.split(CUT) if part.strip()]


class ReleaseText:
    """The release's French paragraphs, to find where a verbatim text comes from.

    Linear in the release's size however many texts are looked up: whole paragraphs
    by a dict; an excerpt by the first characters at each word start of the release
    (an index built once plain searches have cost four reads of the release), so
    it checks a few candidates, not every paragraph. An excerpt that starts inside
    a word, is shorter than the key or is not there costs one search (C speed).
    """

    _KEY = 12
    """Characters of an excerpt's start that select its candidates."""
    _WORD_START = re.compile(r"(?<!\w)(?=\S)")
    _SEPARATOR = "\0"
    """Joins paragraphs; no text may hold it, so no match spans two paragraphs."""

    def __init__(self, paragraphs: Iterable[Paragraph]) -> None:
        self._by_text: dict[str, str] = {}
        self._ids: list[str] = []
        self._starts: list[int] = []
        texts: list[str] = []
        offset = 0
        for paragraph in paragraphs:
            self._by_text.setdefault(paragraph.fr, paragraph.id)
            self._ids.append(paragraph.id)
            self._starts.append(offset)
            texts.append(paragraph.fr)
            offset += len(paragraph.fr) + len(self._SEPARATOR)
        self._joined = self._SEPARATOR.join(texts)
        self._by_start: dict[str, list[int]] | None = None
        self._scanned = 0
        """Characters read by whole-release searches so far."""
        self._found: dict[str, str | None] = {}

    def find(self, excerpt: str) -> str | None:
        """Id of the first paragraph holding `excerpt`, or None."""
        found = self._by_text.get(excerpt)
        if found is not None:
            return found
        if excerpt not in self._found:
            self._found[excerpt] = self._search(excerpt)
        return self._found[excerpt]

    def _search(self, excerpt: str) -> str | None:
        if not excerpt or self._SEPARATOR in excerpt:
            return None
        at = self._indexed(excerpt) if self._scanned > 4 * len(self._joined) else None
        if at is None:
            at = self._joined.find(excerpt)
            self._scanned += len(self._joined) if at < 0 else at
        return None if at < 0 else self._ids[bisect.bisect_right(self._starts, at) - 1]

    def _indexed(self, excerpt: str) -> int | None:
        """Offset of `excerpt` where it first starts at a word's start, if it does.

        Built once searches have read the release four times over, so a small file
        or a few lookups never pay for it, and a large one pays once.
        """
        if len(excerpt) < self._KEY:
            return None
        if self._by_start is None:
            joined, key = self._joined, self._KEY
            self._by_start = {}
            for match in self._WORD_START.finditer(joined):
                start = match.start()
                self._by_start.setdefault(joined[start : start + key], []).append(start)
        candidates = self._by_start.get(excerpt[: self._KEY], ())
        return next((at for at in candidates if self._joined.startswith(excerpt, at)), None)


def _verbatim_errors(a: Agreement) -> Iterator[InitErrorDetails]:
    release = ReleaseText(a.release)
    for place, text in _french_places(a):
        parts = verbatim_parts(text)
        if not parts:
            message = "expected words of the release, not only a cut"
            yield _error("not_verbatim", message, _loc(place), text)
        for part in parts:
            if release.find(part) is None:
                yield _error(
                    "not_verbatim",
                    "text not found in any paragraph of `release`; expected the release's "
                    "exact words (mark a left-out part with […], or mark a title "
                    "`origin: editorial`)",
                    _loc(place),
                    text,
                )
                break
