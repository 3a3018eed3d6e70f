"""The agreement as validated data.

This module knows nothing of YAML, files or the terminal: it describes what a
valid agreement is, so that every other part can trust what it is handed.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    model_validator,
)

from accordtui.agreement import kinds
from accordtui.agreement.fields import Id, IsoDate, Loc, Text, Url
from accordtui.agreement.lang import LANGS as LANGS
from accordtui.agreement.lang import Lang as Lang


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
    date: IsoDate | None = None
    """The day it was signed, only when the release states it ("YYYY-MM-DD", in
    quotes). Left out, the browser and exports say the release gives no date."""


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
        from accordtui.agreement.quote_checks import mark_errors  # they walk these models
        from accordtui.agreement.quoting import verbatim_errors
        from accordtui.agreement.references import reference_errors

        errors = [*reference_errors(self), *verbatim_errors(self), *mark_errors(self)]
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
