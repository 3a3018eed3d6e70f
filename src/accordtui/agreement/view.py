"""The plain form of a cached agreement, read as the model without building it.

On a cache hit the browser paints from this, before pydantic, the model or the YAML
reader are imported. Each JSON object becomes a `View` whose attributes are its keys,
the same names the model's fields have (the plain form is the model's own dump); an
entry's view also bears its kind (`kinds`), recorded from the model when the entry
was written. A view has the model's `pick` and `editorial`, and `model_dump` for
JSON export: that is all the document and export read.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Literal, cast

from accordtui.agreement import kinds
from accordtui.agreement.lang import Lang

if TYPE_CHECKING:
    from accordtui.agreement.model import Agreement, Title


class ViewError(ValueError):
    """The plain form does not have the shape of an agreement's."""


class View:
    """A JSON object of the plain form; its keys are its attributes, and a field the
    plain form left out (absent) answers None, as the model's does."""

    def pick(self, lang: Lang) -> str:
        return cast(str, getattr(self, lang))

    @property
    def editorial(self) -> bool:
        return getattr(self, "origin", None) == "editorial"

    def model_dump(self, *, mode: str = "json", exclude_none: Literal[True]) -> dict[str, Any]:
        """The JSON object again, as the model's `model_dump(mode="json",
        exclude_none=True)` gives it: the plain form does not hold absent fields."""
        return {name: _dumped(value) for name, value in vars(self).items() if value is not None}


for _name in kinds.MAY_BE_ABSENT:
    setattr(View, _name, None)

_ENTRY_VIEWS: dict[str, type[View]] = {
    name: type(f"{name}View", (View, kind), {}) for name, kind in kinds.KINDS.items()
}


def agreement_view(body: bytes) -> Agreement:
    """The agreement of a plain form's JSON (`{"kinds": …, "agreement": …}`), as views.

    Each object becomes its view as the decoder finishes it (`object_hook`), with the
    decoded dict as the view's own `__dict__`: no second walk over the agreement, no
    copy of its fields (hub file: 270 ms -> 225, loaded machine). Typed as the model,
    which it stands for wherever the document and export read it.
    """
    kinds: dict[str, Any] | None = None

    def made(value: dict[str, Any]) -> Any:
        nonlocal kinds
        if kinds is None:  # the first object finished is the map of kinds
            kinds = value
            return value
        ident = value.get("id")
        cls = _ENTRY_VIEWS.get(kinds.get(ident, ""), View) if ident.__class__ is str else View
        view = _new(cls)  # as `_made` does, without a call per object (hub: 33,578)
        view.__dict__ = value
        return view

    try:
        top = json.loads(body, object_hook=made)
        root = top.agreement
        if top.kinds is not kinds or not isinstance(root, View):
            raise ViewError("not the plain form of an agreement: no object at the top")
    except (ValueError, AttributeError) as error:
        raise ViewError(f"not the plain form of an agreement: {error}") from None
    return cast("Agreement", root)


def made_title(fr: str, en: str, origin: str) -> Title:
    """A title made by the document (a release subheading, a grouping of ours)."""
    return cast("Title", _made(View, {"fr": fr, "en": en, "origin": origin}))


_new = object.__new__


def _made(cls: type[View], fields: dict[str, Any]) -> View:
    made = _new(cls)
    made.__dict__ = fields
    return made


def _dumped(value: Any) -> Any:
    if isinstance(value, View):
        return value.model_dump(exclude_none=True)
    if isinstance(value, list):
        return [_dumped(item) for item in value]
    return value
