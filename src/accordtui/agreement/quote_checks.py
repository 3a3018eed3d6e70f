"""A quote checked against what the program adds to it.

The program prints a quote's text between « » (French) or “ ” (English): a text pasted
with its own marks was printed with both (« « Les océans … » »), so it is an error.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic_core import InitErrorDetails, PydanticCustomError

from accordtui.agreement.errors import shown

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
