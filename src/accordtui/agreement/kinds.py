"""The kinds of entry, as classes that need no model.

The model's entry classes derive from these, and so do the plain views a cached start
reads (`view`): the document asks `isinstance(item, kinds.Quote)` and gets the same
answer from either, without importing pydantic.
"""

from __future__ import annotations

from functools import cache
from typing import Any


class Kind:
    """A kind of entry: whatever a reader can open, quote or follow."""

    __slots__ = ()


class Passage(Kind):
    __slots__ = ()


class Signing(Kind):
    __slots__ = ()


class Party(Kind):
    __slots__ = ()


class Person(Kind):
    __slots__ = ()


class Quote(Kind):
    __slots__ = ()


class Paragraph(Kind):
    __slots__ = ()


KINDS: dict[str, type[Kind]] = {
    kind.__name__: kind for kind in (Passage, Signing, Party, Person, Quote, Paragraph)
}
"""By name: the model's entry classes bear the same names."""


MAY_BE_ABSENT = ("origin", "in_line_with", "publisher", "url", "date", "party")
"""The fields the model lets a file leave out with no value (their default is None).

The plain form does not write them when absent (the hub file's 17,144 nulls), and a
view answers None for them; `tests/test_view.py` holds this
list equal to the model's fields that default to None."""


@cache
def kind_of(cls: type) -> type[Any]:
    """The kind an entry's class belongs to (for tables keyed by kind)."""
    return next(base for base in cls.__mro__ if base in KINDS.values())
