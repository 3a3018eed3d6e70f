"""Cross-references: every id unique in the file, every reference to an id that exists.

Run by the model once its fields are valid; each problem is placed at the field that
holds it.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from pydantic_core import InitErrorDetails, PydanticCustomError

from accordtui.agreement.errors import format_path
from accordtui.agreement.fields import Loc

if TYPE_CHECKING:
    from accordtui.agreement.model import Agreement, Passage


def _error(kind: str, message: str, loc: Loc, value: str, **context: object) -> InitErrorDetails:
    return InitErrorDetails(type=PydanticCustomError(kind, message, context), loc=loc, input=value)


_SHOWN = 10
"""Ids an error lists at most: a file of 10,000 entries made each message 10,000 ids."""


def _dangling(loc: Loc, what: str, ref: str, known: Sequence[str]) -> InitErrorDetails:
    """`known` is sorted: where there are many, those that sort nearest `ref` are shown."""
    choices = ", ".join(known) or "none defined"
    if len(known) > _SHOWN:
        at = bisect.bisect_left(known, ref)
        near = known[max(0, at - _SHOWN // 2) :][:_SHOWN]
        choices = f"{', '.join(near)}, … ({len(known):,} in all; these sort nearest)"
    return _error(
        "dangling_reference",
        "unknown {what} id '{ref}'; expected one of: {choices}",
        loc,
        ref,
        what=what,
        ref=ref,
        choices=choices,
    )


DUPLICATE = "id '{ref}' is already used{where}; expected an id unique in the file"


def _duplicate(loc: Loc, ref: str, first: Loc) -> InitErrorDetails:
    """`first`, where the id was first used, is in the context: the parser, which knows
    the lines, names its line too (`parsing.py`)."""
    context = {"ref": ref, "where": f" (first at `{format_path(first)}`)", "first": first}
    return _error("duplicate_id", DUPLICATE, loc, ref, **context)


def reference_errors(a: Agreement) -> Iterator[InitErrorDetails]:
    """Every duplicate id and every id that points nowhere, at the field that holds it."""
    from accordtui.agreement.model import Passage as passage_type  # the model imports us

    seen: dict[str, Loc] = {}
    doubled: set[str] = set()
    passages: list[tuple[Loc, Passage]] = []
    for loc, item in a.entries():
        if item.id in seen:
            yield _duplicate((*loc, "id"), item.id, (*seen[item.id], "id"))
            doubled.add(item.id)
        else:
            seen[item.id] = loc
        if isinstance(item, passage_type):  # the only entries with links
            passages.append((loc, item))
    people = {p.id for p in a.people}
    parties = {p.id for p in a.parties}
    names = {"people": sorted(people), "parties": sorted(parties)}

    for field in ("signatories", "witnesses"):
        for i, ref in enumerate(getattr(a.signing, field)):
            if ref not in people:
                yield _dangling(("signing", field, i), "person", ref, names["people"])
    for i, person in enumerate(a.people):  # a check per entry: no generator per entry
        if person.party is not None and person.party not in parties:
            yield _dangling(("people", i, "party"), "party", person.party, names["parties"])
    for i, quote in enumerate(a.quotes):
        if quote.speaker not in people:
            yield _dangling(("quotes", i, "speaker"), "person", quote.speaker, names["people"])
    linkable = seen.keys() - {p.id for p in a.release}
    ordered: list[str] = []  # sorted once, when a link points nowhere
    for loc, passage in passages:
        for j, link in enumerate(passage.links):
            if link.to == passage.id and link.to in doubled:
                continue  # its own id is the one reported twice: a link to the other
            if link.to == passage.id or link.to not in linkable:
                ordered = ordered or sorted(linkable)
                others = [key for key in ordered if key != passage.id]
                yield _dangling((*loc, "links", j, "to"), "entry", link.to, others)
