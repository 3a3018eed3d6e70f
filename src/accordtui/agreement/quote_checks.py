"""A quote checked against what the program adds to it and against its attribution.

The program prints a quote's text between « » (French) or “ ” (English): a text pasted
with its own marks was printed with both (« « Les océans … » »), so it is an error. A
speaker the attribution does not name is a doubt, not an error: a release may name a
speaker by title only, or spell a name otherwise, and the file stays readable; it is
a warning, as a placeholder left is (`--strict` makes both fail).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic_core import InitErrorDetails, PydanticCustomError

from accordtui.agreement.errors import shown
from accordtui.agreement.fields import Loc

if TYPE_CHECKING:
    from accordtui.agreement.model import Agreement

_OPENING = '«“„"'
_CLOSING = '»”“"'
_SPACES = " \u00a0\u202f"


def unmarked(text: str) -> str | None:
    """`text` without the quotation marks it starts and ends with; None when it has none."""
    inner = text.strip(_SPACES)
    if len(inner) < 2 or inner[0] not in _OPENING or inner[-1] not in _CLOSING:
        return None
    return inner[1:-1].strip(_SPACES)


def mark_errors(a: Agreement) -> Iterator[InitErrorDetails]:
    """An error for each quote's text written between quotation marks, at that text."""
    for i, quote in enumerate(a.quotes):
        for lang in ("fr", "en"):
            text: str = getattr(quote.text, lang)
            if unmarked(text) is None:
                continue
            marks = f"{shown(text.strip(_SPACES)[0])} … {shown(text.strip(_SPACES)[-1])}"
            message = (
                f"the quote stands between quotation marks ({marks}); expected its words "
                "alone: leave the quotation marks out, the program adds them"
            )
            error = PydanticCustomError("quote_marks", "{message}", {"message": message})
            yield InitErrorDetails(type=error, loc=("quotes", i, "text", lang), input="")


def speaker_doubts(a: Agreement) -> Iterator[tuple[Loc, str]]:
    """Each quote whose attribution names another person of `people` rather than its
    speaker, or does not name its speaker: where it stands, and why it is doubted."""
    names = {person.id: person.name for person in a.people}
    for i, quote in enumerate(a.quotes):
        said = quote.attribution.fr
        speaker = names.get(quote.speaker)
        if speaker is None or speaker in said:
            continue
        others = [pid for pid, name in names.items() if name in said]
        if others:
            why = f"names {shown(names[others[0]])}, not {shown(speaker)}"
            fix = (
                f"expected `speaker: {others[0]}` if they said it, or the attribution the "
                f"release prints above the words of {shown(speaker)}"
            )
        else:
            why = f"does not name {shown(speaker)}"
            fix = (
                "expected the speaker it names: check `speaker` (if the release names "
                "them otherwise, it may stand)"
            )
        yield ("quotes", i, "speaker"), f"the attribution {why}; {fix}"
