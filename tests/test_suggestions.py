"""Every fix an error suggests works: each case breaks the bundled file, reads the fix
from the error's own words, applies it and validates again. (The quoting rule's two
fixes: `tests/test_quoting.py`.)"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable

import pytest

from accordtui.agreement.errors import AgreementError
from accordtui.agreement.loader import parse_agreement
from tests.conftest import DATA

GOOD = DATA.read_text(encoding="utf-8")


def problem(text: str) -> str | None:
    """The last problem of the file (a misspelt field is also a missing one), if any."""
    try:
        parse_agreement(text.encode(), "case.yaml")
    except AgreementError as error:
        return error.problems[-1].message
    return None


def one_of(message: str, wrong: str) -> str:
    """The listed choice nearest to what was written."""
    choices = re.search(r"expected one of: (.*)$", message).group(1).split(", ")
    return difflib.get_close_matches(wrong, choices, n=1, cutoff=0)[0]


def written(message: str, which: int) -> str:
    """One of the values a missing field's message says to write, as written."""
    assert "missing required field" in message
    return re.findall(r"`(\w+: \w+)`", message)[which]


def quoted(line: str) -> Callable[[str, str], str]:
    def fix(text: str, message: str) -> str:
        assert "write it in quotes" in message
        key, value = line.split(": ", 1)
        return text.replace(line, f'{key}: "{value}"', 1)

    return fix


def closed_at_the_end_of_its_line(text: str, message: str) -> str:
    """The closing mark the message says is missing, written at the end of that line."""
    mark, line = re.search(r"lacks its closing (\S) at the end of line (\d+)", message).groups()
    lines = text.split("\n")
    lines[int(line) - 1] += mark
    return "\n".join(lines)


def in_place_of(text: str, message: str) -> str:
    """The cut mark the message says to write, in place of the one it names."""
    new, old = re.search(r"write `(.+?)` in place of `(.+?)`", message).groups()
    return text.replace(old, new, 1)


def cut_marked(line: str) -> Callable[[str, str], str]:
    """`[…]` written where the message says, at the start or the end of `line`'s text."""

    def fix(text: str, message: str) -> str:
        where = re.search(r"write `\[…\]` at its (start|end) to mark the cut", message).group(1)
        key, value = line.split(': "', 1)
        marked = f'{key}: "[…] {value}' if where == "start" else f'{line[:-1]} […]"'
        return text.replace(line, marked, 1)

    return fix


def letters_written(line: str) -> Callable[[str, str], str]:
    """The letters of the release's word the text starts inside, written before it."""

    def fix(text: str, message: str) -> str:
        missing = re.search(r"write `(.+?)` before its first letters", message).group(1)
        key, value = line.split(': "', 1)
        return text.replace(line, f'{key}: "{missing}{value}', 1)

    return fix


QUOTE = next(line for line in GOOD.splitlines() if '"Ce partenariat avec Inria' in line)
SAID = "une formidable opportunité de décupler les synergies entre nos institutions"
CUT_OUT = ", permettant de renforcer l'impact de nos recherches et innovations sur le monde "
CUT_OUT += "socio-économique. Il élargit également le champ des possibles"
ENDS_INSIDE = f'      fr: "Ce partenariat avec Inria représente {SAID}"'
STARTS_INSIDE = QUOTE.replace("Ce partenariat avec Inria représente ", "", 1)
IN_A_WORD = QUOTE.replace('"Ce partenariat', '"e partenariat', 1)

CASES: dict[str, tuple[str, str, Callable[[str, str], str]]] = {
    **{
        f"cut-as-{name}": (SAID + CUT_OUT, SAID + mark, in_place_of)
        for name, mark in (("dots", "... "), ("ellipsis", " … "), ("bracketed-dots", " [...] "))
    },
    "cut-not-marked-at-the-end": (QUOTE, ENDS_INSIDE, cut_marked(ENDS_INSIDE)),
    "cut-not-marked-at-the-start": (QUOTE, STARTS_INSIDE, cut_marked(STARTS_INSIDE)),
    "cut-inside-a-word": (QUOTE, IN_A_WORD, letters_written(IN_A_WORD)),
    "number-as-text": (
        '    short_name: "IMT"',
        "    short_name: 2030",  # in the release: "à horizon 2030"
        quoted("    short_name: 2030"),
    ),
    "unquoted-date": (
        '  page_date: "2024-07-01"',
        "  page_date: 2024-07-01",
        quoted("  page_date: 2024-07-01"),
    ),
    "misspelt-field": (
        '    short_name: "IMT"',
        '    shortname: "IMT"',
        lambda text, m: text.replace("shortname:", one_of(m, "shortname") + ":", 1),
    ),
    "unknown-speaker": (
        "    speaker: bruno-sportisse",
        "    speaker: bruno-sportise",
        lambda text, m: text.replace("bruno-sportise\n", one_of(m, "bruno-sportise") + "\n", 1),
    ),
    "yes-for-true": (
        "{to: research, inferred: false}",
        "{to: research, inferred: no}",
        lambda text, m: (
            text.replace("inferred: no}", "inferred: false}", 1)
            if "expected true or false, unquoted" in m
            else text
        ),
    ),
    "missing-inferred": (
        "{to: research, inferred: false}",
        "{to: research}",
        lambda text, m: text.replace("research}", f"research, {written(m, 0)}}}", 1),
    ),
    "missing-origin": (
        "  origin: editorial\n",
        "",
        lambda text, m: text.replace("\nkind:", f"\n  {written(m, -1)}\nkind:", 1),
    ),
    "key-short-of-its-item": (  # was "start it with '- '", which breaks the file further
        "    speaker: bruno-sportisse",
        "   speaker: bruno-sportisse",
        lambda text, m: (
            text.replace("   speaker: bruno-sportisse", "    speaker: bruno-sportisse", 1)
            if "indent it like the line above" in m
            else text.replace("   speaker: bruno", "-  speaker: bruno", 1)  # the old advice
        ),
    ),
    "capitalised-keyword": (
        "{to: research, inferred: false}",
        "{to: research, inferred: False}",
        lambda text, m: text.replace("False}", "false}", 1) if "in lowercase" in m else text,
    ),
    "quote-not-closed-in-a-block": (  # was reported lines below, at text for a key
        '  en: "Framework partnership agreement between IMT and Inria"\n',
        '  en: "Framework partnership agreement between IMT and Inria\n',
        closed_at_the_end_of_its_line,
    ),
    "tab": (
        '    short_name: "IMT"',
        '    short_name:\t"IMT"',
        lambda text, m: text.replace("\t", " ") if "separate with spaces" in m else text,
    ),
}


QUOTE_FR = GOOD.split("    text:\n      fr: ", 1)[1].split("\n", 1)[0]
QUOTE_EN = GOOD.split(f"{QUOTE_FR}\n      en: ", 1)[1].split("\n", 1)[0]


def unmarked(text: str, message: str) -> str:
    """The fix the message says: the quotation marks left out, the words kept."""
    if "leave the quotation marks out" not in message:
        return text
    for marked in re.findall(r'\n      (?:fr|en): "((?:«\xa0|“|\\")[^\n]*(?:\xa0»|”|\\"))"', text):
        words = marked.removeprefix('\\"').removesuffix('\\"').strip("«»“”\xa0")
        text = text.replace(marked, words, 1)
    return text


CASES |= {
    "quote-in-guillemets": (QUOTE_FR, f'"«\xa0{QUOTE_FR[1:-1]}\xa0»"', unmarked),
    "quote-in-english-marks": (QUOTE_EN, f'"“{QUOTE_EN[1:-1]}”"', unmarked),
    "quote-in-straight-marks": (QUOTE_EN, f'"\\"{QUOTE_EN[1:-1]}\\""', unmarked),
}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES)
def test_the_suggested_fix_makes_the_file_valid(case) -> None:
    old, new, fix = case
    assert old in GOOD
    broken = GOOD.replace(old, new, 1)
    message = problem(broken)
    assert message is not None
    assert problem(fix(broken, message)) is None, message


def test_an_unknown_id_among_thousands_lists_ten_that_sort_nearest() -> None:
    """Not every id of the file: on 10,000 entries each message was 10,000 ids long."""
    from accordtui.agreement.loader import bundled_path, load_agreement
    from accordtui.agreement.model import Agreement

    data = load_agreement(bundled_path()).model_dump(mode="json", exclude_none=True)
    person = data["people"][0]
    data["people"] += [{**person, "id": f"person-{n:03}"} for n in range(300)]
    data["quotes"][0]["speaker"] = "person-150x"
    with pytest.raises(ValueError, match="unknown person id") as raised:
        Agreement.model_validate(data)
    message = str(raised.value)
    listed = message.split("expected one of: ")[1].split(", …")[0].split(", ")
    assert listed == [f"person-{n:03}" for n in range(146, 156)]
    assert "(303 in all; these sort nearest)" in message
