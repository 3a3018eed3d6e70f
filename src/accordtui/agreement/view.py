"""The plain form of a cached agreement, read as the model without building it.

On a cache hit the browser paints from this, before pydantic, the model or the YAML
reader are imported. Each JSON object becomes a `View` whose attributes are its keys,
the same names the model's fields have (the plain form is the model's own dump); an
entry's view also bears its kind (`kinds`), recorded from the model when the entry
was written. A view has the model's `pick` and `editorial`, and `model_dump` for
JSON export: that is all the document and export read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from accordtui.agreement import kinds
from accordtui.agreement.lang import Lang

if TYPE_CHECKING:
    from accordtui.agreement.model import Agreement, Title


class ViewError(ValueError):
    """The plain form does not have the shape of an agreement's."""


class View:
    """A JSON object of the plain form; its keys are its attributes."""

    def pick(self, lang: Lang) -> str:
        return cast(str, getattr(self, lang))

    @property
    def editorial(self) -> bool:
        return getattr(self, "origin", None) == "editorial"

    def model_dump(self, *, mode: str = "json", exclude_none: bool = False) -> dict[str, Any]:
        """The JSON object again, as the model's `model_dump(mode="json")` gives it."""
        return {
            name: _dumped(value, exclude_none)
            for name, value in vars(self).items()
            if not (exclude_none and value is None)
        }


_ENTRY_VIEWS: dict[str, type[View]] = {
    name: type(f"{name}View", (View, kind), {}) for name, kind in kinds.KINDS.items()
}


def agreement_view(plain: Any) -> Agreement:
    """The agreement of a plain form (`{"kinds": …, "agreement": …}`), as views.

    Typed as the model, which it stands for wherever the document and export read it.
    """
    try:
        by_id = plain["kinds"]
        root = _view(plain["agreement"], by_id)
    except (TypeError, KeyError, AttributeError) as error:
        raise ViewError(f"not the plain form of an agreement: {error}") from None
    if not isinstance(root, View):
        raise ViewError("not the plain form of an agreement: no object at the top")
    return cast("Agreement", root)


def made_title(fr: str, en: str, origin: str) -> Title:
    """A title made by the document (a release subheading, a grouping of ours)."""
    return cast("Title", _view({"fr": fr, "en": en, "origin": origin}, {}))


def _view(value: Any, by_id: dict[str, str]) -> Any:
    if type(value) is dict:
        ident = value.get("id")
        cls = _ENTRY_VIEWS.get(by_id.get(ident, ""), View) if ident.__class__ is str else View
        made = object.__new__(cls)
        made.__dict__.update((name, _view(item, by_id)) for name, item in value.items())
        return made
    if type(value) is list:
        return [_view(item, by_id) for item in value]
    return value


def _dumped(value: Any, exclude_none: bool) -> Any:
    if isinstance(value, View):
        return value.model_dump(exclude_none=exclude_none)
    if isinstance(value, list):
        return [_dumped(item, exclude_none) for item in value]
    return value
