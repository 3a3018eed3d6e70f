"""Make text safe to print: nothing in it can steer a terminal or hide itself.

File names, YAML keys and OS messages come from outside; printed raw, an escape
sequence in them could rewrite the screen, set the clipboard (OSC 52) or fake an
"OK" line. Each such character is shown as `\\u001b` instead, the way
`errors.shown` reports forbidden characters in values.
"""

from __future__ import annotations

import unicodedata

_HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
"""Controls, format (bidi, zero-width), surrogates, private use, unassigned, line breaks."""

_DEFAULT_IGNORABLE = (
    (0x00AD, 0x00AD),
    (0x034F, 0x034F),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFFA0, 0xFFA0),
    (0xE0100, 0xE01EF),
)
"""Default-ignorable code points outside those categories (fillers, variation selectors)."""


def inert(text: str) -> str:
    """`text` with every control, bidi, invisible or line-breaking character escaped.

    Printable characters, accents and ordinary spaces are kept; a backslash is kept
    as is, so already-escaped text stays the same.
    """
    return "".join(_escaped(c) if _hidden(c) else c for c in text)


def _hidden(char: str) -> bool:
    if unicodedata.category(char) in _HIDDEN_CATEGORIES:
        return True
    code = ord(char)
    return any(low <= code <= high for low, high in _DEFAULT_IGNORABLE)


def _escaped(char: str) -> str:
    code = ord(char)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"
