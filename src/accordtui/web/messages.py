"""What a page may say to its tab, read strictly: anything else is malformed, not an error.

textual.js sends JSON arrays: `["stdin", text]`, `["resize", {"width": w, "height": h}]`,
`["ping", text]`, `["focus"]` and `["blur"]`. Nothing here trusts the page: a value of
the wrong type is refused with a short reason that never repeats the input.
"""

from __future__ import annotations

import json
from dataclasses import dataclass


class Malformed(ValueError):
    """A message the server ignores; the reason is safe to log (it echoes nothing)."""


@dataclass(frozen=True, slots=True)
class Keys:
    """Keys, mouse and pastes, as terminal input."""

    data: bytes


@dataclass(frozen=True, slots=True)
class Resize:
    width: int
    height: int


@dataclass(frozen=True, slots=True)
class Ping:
    data: str


@dataclass(frozen=True, slots=True)
class Focus:
    focused: bool


Message = Keys | Resize | Ping | Focus


def parse_message(text: str) -> Message:
    """The message in `text`; raises Malformed when it is not one textual.js sends."""
    try:
        envelope = json.loads(text)
    except ValueError:
        raise Malformed("not JSON") from None
    except RecursionError:
        raise Malformed("nested too deep") from None
    if not isinstance(envelope, list) or not envelope or not isinstance(envelope[0], str):
        raise Malformed("not a [type, data] list")
    kind, args = envelope[0], envelope[1:]
    if kind in ("focus", "blur"):
        return Focus(kind == "focus")
    if len(args) != 1:
        raise Malformed(f"{kind!r} takes one value" if kind in _KINDS else "unknown type")
    if kind == "stdin":
        return Keys(_text(args[0], kind).encode("utf-8"))
    if kind == "resize":
        return _resize(args[0])
    if kind == "ping":
        return Ping(_text(args[0], kind))
    raise Malformed("unknown type")


_KINDS = ("stdin", "resize", "ping")


def _text(value: object, kind: str) -> str:
    if not isinstance(value, str):
        raise Malformed(f"{kind!r} data is not text")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise Malformed(f"{kind!r} data has a lone surrogate") from None
    return value


def _resize(value: object) -> Resize:
    if not isinstance(value, dict):
        raise Malformed("'resize' data is not an object")
    width, height = value.get("width"), value.get("height")
    if not all(isinstance(n, int) and not isinstance(n, bool) for n in (width, height)):
        raise Malformed("'resize' width and height are not whole numbers")
    assert isinstance(width, int) and isinstance(height, int)
    return Resize(width, height)
