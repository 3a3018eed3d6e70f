"""Which characters a text may hold: what a reader sees, spaces, combining marks, joiners.

Decided from Unicode properties, not from a list of known tricks: a character is
refused when its general category says it is not a visible glyph (controls, format
characters, surrogates, line and paragraph separators, private-use and unassigned
code points), or when it is Default_Ignorable_Code_Point (fillers and variation
selectors render as nothing, yet are letters or marks by category). The zero-width
joiner and non-joiner stay: emoji sequences and Indic and Persian spellings need them.
Newline and tab are the two controls a text may hold.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import NamedTuple

JOINERS = "\u200c\u200d"
"""Zero-width non-joiner and joiner: invisible, but real scripts need them."""

_REFUSED_CATEGORIES = {
    "Cc": "a control character",
    "Cf": "an invisible format character",
    "Cs": "a lone surrogate",
    "Zl": "a line separator",
    "Zp": "a paragraph separator",
    "Co": "a private-use character",
    "Cn": "an unassigned code point",
}

IGNORABLE_BY_CATEGORY_VISIBLE = (
    (0x034F, 0x034F),  # combining grapheme joiner
    (0x115F, 0x1160),  # Hangul choseong and jungseong fillers
    (0x17B4, 0x17B5),  # Khmer inherent vowels
    (0x180B, 0x180D),  # Mongolian free variation selectors 1-3
    (0x180F, 0x180F),  # Mongolian free variation selector 4
    (0x3164, 0x3164),  # Hangul filler
    (0xFE00, 0xFE0F),  # variation selectors 1-16
    (0xFFA0, 0xFFA0),  # halfwidth Hangul filler
    (0xE0100, 0xE01EF),  # variation selectors 17-256
)
"""Default_Ignorable_Code_Point characters whose category is not Cf, Cc or Cn.

Python's unicodedata has no Default_Ignorable property. DerivedCoreProperties.txt
defines it as Other_Default_Ignorable_Code_Point + Cf + Variation_Selector, minus
White_Space, U+FFF9..FFFB, U+13430..1343F and Prepended_Concatenation_Mark. Every Cf
character but the joiners is refused by category already; the rest of the property
is this table (Unicode 14-16), checked in tests against the `regex` module's
\\p{Default_Ignorable_Code_Point}.
"""

SPACES = " \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
"""Every space separator (category Zs; U+3000 is the last), as a character class:
no-break spaces are French typography. Written out, not found by scanning 12,289
characters at every start (a test scans them)."""


COMMON_RANGES = (
    (0x0A, 0x0A),  # newline
    (0x09, 0x09),  # tab
    (0x20, 0x7E),  # printable ASCII
    (0xA0, 0xAC),  # no-break space, Latin-1 signs (U+00AD, the soft hyphen, is Cf)
    (0xAE, 0x024F),  # Latin-1 letters, Latin Extended-A and -B
    (0x2010, 0x2027),  # dashes, quotation marks, bullets, the ellipsis
    (0x202F, 0x205F),  # narrow no-break space, per mille, primes, guillemets
    (0x20AC, 0x20AC),  # the euro sign
)
"""Characters a text may always hold, the French of the release among them: a text made
only of these is clean in one regex pass (a test checks each against `refusal`)."""


class _Scans(NamedTuple):
    """The quick passes over a whole text, compiled at the first text checked: a start
    that only escapes names (a cached one) does not compile them (~10 M instructions)."""

    uncommon: re.Pattern[str]
    """Any character outside COMMON_RANGES."""
    ignorable: re.Pattern[str]
    """Any character of IGNORABLE_BY_CATEGORY_VISIBLE."""
    benign: re.Pattern[str]
    """What `str.isprintable` calls unprintable yet a text may hold."""


@cache
def _scans() -> _Scans:
    def ranges(table: tuple[tuple[int, int], ...]) -> str:
        return "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in table)

    return _Scans(
        re.compile(f"[^{ranges(COMMON_RANGES)}]"),
        re.compile(f"[{ranges(IGNORABLE_BY_CATEGORY_VISIBLE)}]"),
        re.compile(f"[\n\t{JOINERS}{SPACES}]"),
    )


def forbidden_char(text: str) -> tuple[int, str] | None:
    """Find the first character that must not reach a terminal or hide text.

    Returns its index and a readable description, or None when the text is clean.
    """
    scans = _scans()
    if scans.uncommon.search(text) is None:
        return None  # one pass, no copy: most texts (a third of the checks before)
    if scans.ignorable.search(text) is None and (
        text.isprintable() or scans.benign.sub("", text).isprintable()
    ):
        return None  # C-speed answer for almost every text
    for index, char in enumerate(text):
        what = refusal(char)
        if what is not None:
            name = unicodedata.name(char, "")
            return index, f"{what} U+{ord(char):04X}" + (f" ({name})" if name else "")
    return None


def refusal(char: str) -> str | None:
    """Why `char` may not stand in a text, or None when it may."""
    if char in "\n\t" or char in JOINERS:
        return None
    what = _REFUSED_CATEGORIES.get(unicodedata.category(char))
    if what is None and _ignorable(char):
        what = "an invisible default-ignorable character"
    return what


def unseen(char: str) -> bool:
    """Whether `char` prints nothing, or steers the terminal, instead of a glyph.

    The one table behind both the refusal of values and the escaping of printed
    names (`writing.inert`); newline, tab and the joiners are unseen too, though a
    text may hold them.
    """
    return unicodedata.category(char) in _REFUSED_CATEGORIES or _ignorable(char)


def _ignorable(char: str) -> bool:
    code = ord(char)
    return any(first <= code <= last for first, last in IGNORABLE_BY_CATEGORY_VISIBLE)
