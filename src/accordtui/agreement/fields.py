"""The scalar fields of an agreement file: text, ids, dates, web addresses, places.

Each is a typed string with its own check, shared by the model and its JSON Schema.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator, Field, StringConstraints, WithJsonSchema
from pydantic_core import PydanticCustomError

from accordtui.agreement.invisible import forbidden_char

Loc = tuple[str | int, ...]
"""A place in the file: keys and list indexes from the top (`("people", 2, "role")`)."""


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


Text = Annotated[str, AfterValidator(_check_text)]
"""Visible, non-empty text as written (a number must be quoted): see `invisible`."""

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,63}$")]
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

IsoDate = Annotated[
    date,
    BeforeValidator(_iso_date),
    WithJsonSchema({"type": "string", "format": "date", "pattern": f"^{_ISO_DATE.pattern}$"}),
]
"""A calendar date written `"YYYY-MM-DD"`, in quotes (YAML 1.1 readers, which many
editors' validators use, turn an unquoted date into something that is not text: the
YAML reader refuses it, see `safe_yaml`). The pattern holds it for validators that
do not check formats."""


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
