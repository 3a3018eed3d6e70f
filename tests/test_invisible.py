"""Every code point: what a text may hold is seen, a space, a mark or a joiner."""

from __future__ import annotations

import re
import sys
import unicodedata

import pytest
import regex

from accordtui.agreement.errors import AgreementError
from accordtui.agreement.invisible import (
    COMMON_RANGES,
    IGNORABLE_BY_CATEGORY_VISIBLE,
    JOINERS,
    SPACES,
    forbidden_char,
    refusal,
)
from accordtui.agreement.loader import parse_agreement
from accordtui.writing.inert import inert
from tests.conftest import DATA

ALL = range(sys.maxunicode + 1)
VISIBLE = ("L", "N", "P", "S")
DEFAULT_IGNORABLE = regex.compile(r"\p{Default_Ignorable_Code_Point}")


def accepted(char: str) -> bool:
    return forbidden_char(char) is None and forbidden_char(f"a{char}b") is None


def test_every_accepted_character_is_visible_a_space_a_mark_or_a_joiner() -> None:
    count = 0
    for code in ALL:
        char = chr(code)
        if not accepted(char):
            continue
        count += 1
        category = unicodedata.category(char)
        assert (
            category[0] in VISIBLE
            or category == "Zs"
            or category[0] == "M"
            or char in JOINERS
            or char in "\n\t"
        ), f"U+{code:04X} {category}"
        assert char in JOINERS or not DEFAULT_IGNORABLE.match(char), f"U+{code:04X}"
    assert count > 100_000  # real scripts are kept, not thrown out with the rest


def test_the_ignorable_table_is_the_derived_property() -> None:
    """Default_Ignorable_Code_Point = Other_DI + Cf + Variation_Selector - a few; the
    Cf part is refused by category, the table holds the rest (regex knows the property)."""
    derived = {
        code
        for code in ALL
        if DEFAULT_IGNORABLE.match(chr(code))
        and unicodedata.category(chr(code)) not in ("Cf", "Cn")
    }
    table = {code for a, b in IGNORABLE_BY_CATEGORY_VISIBLE for code in range(a, b + 1)}
    assert table == derived


def test_what_real_scripts_need_is_kept() -> None:
    for text in [
        "Institut Mines-Télécom",  # precomposed
        "Te\u0301le\u0301com",  # combining acute accents
        "la\u00a0«\u202fcharte\u202f»",  # French no-break spaces
        "मनुष्य",  # Devanagari with vowel signs and virama
        "می\u200cخواهم",  # Persian with ZWNJ
        "👩\u200d💻",  # emoji ZWJ sequence
        "漢字 かな 한국어",
    ]:
        assert forbidden_char(text) is None, text


@pytest.mark.parametrize(
    ("char", "what"),
    [
        ("\u2028", "line separator"),
        ("\u2029", "paragraph separator"),
        ("\u3164", "default-ignorable"),
        ("\u115f", "default-ignorable"),
        ("\ufe0f", "default-ignorable"),
        ("\U000e0100", "default-ignorable"),
        ("\u200b", "format"),
        ("\u00ad", "format"),
        ("\ue000", "private-use"),
        ("\u0378", "unassigned"),
    ],
)
def test_invisible_characters_are_refused(char: str, what: str) -> None:
    found = forbidden_char(f"Nom{char}Deux")
    assert found is not None and found[0] == 3 and what in found[1]


@pytest.mark.parametrize("char", ["\u2028", "\u3164", "\u115f"])
def test_invisible_characters_in_a_file_are_located(char: str) -> None:
    good = DATA.read_text(encoding="utf-8")
    old = '    short_name: "IMT"'
    text = good.replace(old, f'    short_name: "IM{char}T"', 1)
    with pytest.raises(AgreementError) as caught:
        parse_agreement(text.encode(), "a.yaml")
    problem = next(p for p in caught.value.problems if p.path == "parties[0].short_name")
    assert f"U+{ord(char):04X}" in problem.message
    assert problem.line == text[: text.index('short_name: "IM')].count("\n") + 1


def test_printed_names_escape_exactly_what_values_may_not_hold() -> None:
    """One table: `inert` escapes what `refusal` refuses, plus newline, tab and joiners.

    Planes 0-3 and the tags and selectors of plane 14: the rest is unassigned or
    private use, refused and escaped by category alike.
    """
    allowed_unseen = set("\n\t" + JOINERS)
    disagree = [
        f"U+{code:04X}"
        for code in [*range(0x40000), *range(0xE0000, 0xE1000)]
        if (inert(chr(code)) != chr(code))
        != (refusal(chr(code)) is not None or chr(code) in allowed_unseen)
    ]
    assert disagree == []


def test_the_written_out_spaces_are_every_space_separator() -> None:
    """`SPACES` is a literal (scanning at import cost every start); it must stay exact."""
    every = "".join(map(chr, ALL))
    separators = "".join(c for c in every[:0x3001] if unicodedata.category(c) == "Zs")
    assert "".join(re.findall(f"[{SPACES}]", every)) == separators


def test_the_common_characters_taken_in_one_pass_are_each_allowed() -> None:
    """The one-pass answer for common text agrees with the character-by-character one."""
    common = [chr(c) for start, end in COMMON_RANGES for c in range(start, end + 1)]
    assert all(refusal(char) is None for char in common)
    assert forbidden_char("".join(common)) is None
    assert forbidden_char("Inria\u00adIMT") == (
        5,
        "an invisible format character U+00AD (SOFT HYPHEN)",
    )
