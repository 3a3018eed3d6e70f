"""Make text safe to print: nothing in it can steer a terminal or hide itself.

File names, YAML keys and OS messages come from outside; printed raw, an escape
sequence in them could rewrite the screen, set the clipboard (OSC 52) or fake an
"OK" line. Each such character is shown as `\\u001b` instead, the way
`errors.shown` reports forbidden characters in values.
"""

from __future__ import annotations

from accordtui.agreement.invisible import unseen


def inert(text: str) -> str:
    """`text` with every control, bidi, invisible or line-breaking character escaped.

    Printable characters, accents and ordinary spaces are kept; a backslash is kept
    as is, so already-escaped text stays the same.
    """
    return "".join(_escaped(c) if unseen(c) else c for c in text)


def _escaped(char: str) -> str:
    code = ord(char)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"
