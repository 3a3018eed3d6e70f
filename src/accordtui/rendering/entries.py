"""What each kind of entry says, as blocks: a passage, the signing, a party, a person,
a quote, a release paragraph.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import TYPE_CHECKING

from accordtui.rendering.blocks import Block, Bullets, Field, Note, Para, Quotation, format_date
from accordtui.rendering.labels import label
from accordtui.rendering.unfilled import field_value, filled

if TYPE_CHECKING:
    from accordtui.agreement.lang import Lang
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
    )
    from accordtui.rendering.document import Document
else:  # the model's entries and a cached start's views share these kinds
    from accordtui.agreement.kinds import Paragraph, Party, Passage, Person, Quote, Signing


def _passage(doc: Document, item: Item, lang: Lang) -> Iterator[Block]:
    assert isinstance(item, Passage)
    yield Para(item.text.pick(lang))
    if item is doc.agreement.lead:
        yield from _agreement_fields(doc, lang)
    if item.priority:
        yield Field(label("priority", lang), label("yes", lang))
    if item.programmes:
        names = (titled(p, lang) for p in item.programmes)
        yield Bullets(label("programmes", lang), tuple(names))
    if item.in_line_with:
        yield Field(label("in_line_with", lang), titled(item.in_line_with, lang))


def titled(text: Bilingual, lang: Lang) -> str:
    """A name or a short text, marked when it is our wording rather than the release's."""
    name = text.pick(lang)
    if not filled(name):
        return field_value(name, lang)
    return f"{name} ({label('editorial_name', lang)})" if text.editorial else name


def _agreement_fields(doc: Document, lang: Lang) -> Iterator[Block]:
    a = doc.agreement
    yield Field(label("kind", lang), titled(a.kind, lang))
    yield Field(label("page_date", lang), format_date(a.publication.page_date, lang))
    yield _signing_date(doc.agreement.signing.date, lang)  # beside the page's date
    if a.publication.publisher:
        yield Field(label("publisher", lang), a.publication.publisher)
    if a.publication.url:
        yield Field(label("release_url", lang), a.publication.url)
    names = (p.name if p.short_name == p.name else f"{p.name} ({p.short_name})" for p in a.parties)
    yield Bullets(label("parties", lang), tuple(names))


def _signing(doc: Document, item: Item, lang: Lang) -> Iterator[Block]:
    assert isinstance(item, Signing)
    yield Para(item.text.pick(lang))
    yield Field(label("place", lang), titled(item.place, lang))
    yield _signing_date(item.date, lang)
    yield Bullets(label("signatories", lang), _people(doc, item.signatories, lang))
    if item.witnesses:
        yield Bullets(label("witnesses", lang), _people(doc, item.witnesses, lang))


def _signing_date(day: date | str | None, lang: Lang) -> Field:
    """The signing's date as the file gives it, or that the release gives none: the
    page's date must never stand in for it."""
    value = format_date(day, lang) if day else label("signing_date_none", lang)
    return Field(label("signing_date", lang), value)


def _people(doc: Document, ids: list[str], lang: Lang) -> tuple[str, ...]:
    return tuple(doc.person_line(i, lang) for i in ids)


def _party(doc: Document, item: Item, lang: Lang) -> Iterator[Block]:
    assert isinstance(item, Party)
    yield Field(label("short_name", lang), item.short_name)
    yield Field(label("kind", lang), titled(item.kind, lang))


def _person(doc: Document, item: Item, lang: Lang) -> Iterator[Block]:
    assert isinstance(item, Person)
    yield Field(label("role", lang), titled(item.role, lang))
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


def quote_roles(a: Agreement) -> dict[str, str]:
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


RENDERERS: dict[type[Item], Callable[[Document, Item, Lang], Iterator[Block]]] = {
    Passage: _passage,
    Signing: _signing,
    Party: _party,
    Person: _person,
    Quote: _quote,
    Paragraph: _paragraph,
}
