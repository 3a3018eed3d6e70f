"""The quoting rule: its words, the texts it applies to, and an error for each that
breaks it, saying how it differs from the release and how to fix it."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING, Any, get_args, get_origin

from pydantic import BaseModel
from pydantic_core import InitErrorDetails, PydanticCustomError

from accordtui.agreement.cuts import other_mark, other_mark_problem, unmarked_cut
from accordtui.agreement.errors import format_path, shown
from accordtui.agreement.fields import Loc
from accordtui.agreement.model import Agreement, Bilingual, Party, Person
from accordtui.agreement.verbatim import ReleaseText, verbatim_parts

if TYPE_CHECKING:
    from accordtui.agreement.difference import Difference  # made only for a stray quote

QUOTING_RULE = (
    "Quoting rule: every French text quotes the release: each `fr` (but in `release`, "
    "which is the release, and in the top-level `title`, which may be the release's "
    "headline) and each `name` and `short_name`. It must stand word for word "
    "in one paragraph of `release`, with the same case, typography and spaces; `[…]` "
    "marks where it leaves part of a sentence out (not `...`), and an entry's `text` "
    "starts and ends with a sentence, a quotation or a clause, or with `[…]`. Where the "
    "release does not say it in those words, write `origin: editorial` beside it: in a "
    "mapping, `origin: editorial` "
    "marks the texts directly in it as ours (its `fr`, or a party's or a person's `name` "
    "and `short_name`). Titles and headings always say their `origin`; elsewhere it is "
    "`release` unless written. Every `en` is our translation."
)
"""One rule, quoted whole in the schema's root description, the README and the errors'
suggestions."""

_NAMES = ("name", "short_name")
"""Plain-text fields that quote the release too (names as printed)."""


def french_texts(a: Agreement) -> list[tuple[Loc, str]]:
    """Every French text that must be the release's words, with its place in the file.

    That is every `fr` and every name, but those marked `origin: editorial`, the
    release paragraphs themselves and the agreement's title (the release's headline,
    which is not in its body, or ours).
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
        if name not in ("release", "title"):  # the title may be the release's headline
            _add_french((None, name), getattr(a, name), found)
    return found


def _add_french(place: _Place, value: object, found: list[tuple[_Place, str]]) -> None:
    """Appends rather than yields: nested generators made this a third of validation.
    Texts first: most calls are for one."""
    if isinstance(value, Bilingual):
        if value.origin != "editorial":
            found.append(((place, "fr"), value.fr))
    elif isinstance(value, list):
        for index, element in enumerate(value):
            _add_french((place, index), element, found)
    elif isinstance(value, BaseModel):
        # Only these have an `origin` for their names: asking any other model for one
        # (getattr with a default) made validation 10 % slower.
        names_are_ours = isinstance(value, Party | Person) and value.origin == "editorial"
        for name, is_a_name in _french_fields(type(value)):
            field = getattr(value, name)
            if is_a_name:
                if isinstance(field, str) and not names_are_ours:
                    found.append(((place, name), field))
            elif field is not None:
                _add_french((place, name), field, found)


@cache
def _french_fields(model: type[BaseModel]) -> tuple[tuple[str, bool], ...]:
    """The fields of `model` that can hold French, and whether each is a name."""
    return tuple(
        (name, name in _NAMES)
        for name, info in model.model_fields.items()
        if name in _NAMES or _may_hold_french(info.annotation)
    )


def _may_hold_french(annotation: object) -> bool:
    if get_origin(annotation) is None and isinstance(annotation, type):
        if issubclass(annotation, Bilingual):
            return True
        return issubclass(annotation, BaseModel) and bool(_french_fields(annotation))
    return any(_may_hold_french(arg) for arg in get_args(annotation))


def verbatim_errors(a: Agreement) -> Iterator[InitErrorDetails]:
    """An error for each French text that is not the release's words, at its place."""
    release = ReleaseText(a.release)
    explained = 0
    for place, text in _french_places(a):
        parts = verbatim_parts(text)
        if not parts:
            yield _not_verbatim(_loc(place), "expected words of the release, not only a cut")
        for missing in parts:  # a loop, not a generator for each of thousands of texts
            if release.find(missing) is None:
                break
        else:
            cut = unmarked_cut(text, release) if _is_text(place) else None
            if cut is not None:
                yield _cut(_loc(place), cut)
            continue
        mark = other_mark(text, release)
        if mark is not None:
            yield _cut(_loc(place), other_mark_problem(mark))
            continue
        explained += 1
        if explained <= EXPLAINED:
            found = _found(release.difference(missing))
        else:
            found = f"its nearest paragraph is named for the first {EXPLAINED} such texts only"
        yield _not_verbatim(_loc(place), f"text not found in the release; {found}")


EXPLAINED = 20
"""Texts not in the release whose nearest paragraph is sought: each search reads the
whole release, so a file of thousands of stray texts (6,000 in a 10,000-item file took
9.6 s, against 3 s valid) is not read thousands of times."""


def _found(nearest: tuple[str, Difference] | None) -> str:
    """What the nearest paragraph says, and where it differs, in words."""
    if nearest is None:
        return "no paragraph of `release` shares a whole word with it"
    ident, difference = nearest
    kinds = " and ".join(_KIND_WORDS.get(k, k) for k in difference.kinds)
    where = f"`release[{difference.index}]` ({shown(ident)})"
    first = f"here {_quoted(difference.here)}, release {_quoted(difference.release)}"
    if difference.alike:
        return f"{where} has it but for {kinds}, first {first}"
    return f"nearest is {where}, which differs first in {kinds}: {first}"


_KIND_WORDS = {
    "wording": "its words",
    "apostrophe": "the apostrophe (’ or ')",
    "quotation marks": "the quotation marks",
    "dash": "the dash",
    "ellipsis": "the ellipsis (… or ...)",
}


def _quoted(text: str) -> str:
    """A piece of the text or of the release, whole and escaped (never clipped: the
    marked words are what to change)."""
    return shown(text, limit=len(text))


def _is_text(place: _Place) -> bool:
    """Whether the French is an entry's `text`: sentences, cut only with `[…]`."""
    parent = place[0]
    return place[1] == "fr" and parent is not None and parent[1] == "text"


def _cut(loc: Loc, problem: str) -> InitErrorDetails:
    error = PydanticCustomError("cut_not_marked", "{message}", {"message": problem})
    return InitErrorDetails(type=error, loc=loc, input="")


def _not_verbatim(loc: Loc, problem: str) -> InitErrorDetails:
    """The error, with both fixes: the release's words, or the text marked as ours."""
    holder = format_path(loc[:-1]) or "the top level"
    message = (
        f"{problem}; write the release's words, or, if these words are ours, write "
        f"`origin: editorial` in `{holder}` (the quoting rule)"
    )
    error = PydanticCustomError("not_verbatim", "{message}", {"message": message})
    return InitErrorDetails(type=error, loc=loc, input="")
