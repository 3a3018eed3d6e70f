"""A quote pasted with its quotation marks is refused (it passed, and the export
printed « « … » »)."""

from __future__ import annotations

import pytest

from accordtui.agreement.errors import AgreementError
from accordtui.agreement.loader import parse_agreement
from accordtui.agreement.quote_checks import unmarked
from tests.conftest import DATA

GOOD = DATA.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("«\u00a0Les océans sont notre bien commun\u00a0»", "Les océans sont notre bien commun"),
        ("« Les océans »", "Les océans"),
        ("“The oceans”", "The oceans"),
        ('"The oceans"', "The oceans"),
        ("Les océans", None),
        ("« Vivre » est notre devise", None),  # a quotation inside, not around
        ("Il dit : « oui »", None),
    ],
)
def test_a_text_between_quotation_marks(text: str, words: str | None) -> None:
    assert unmarked(text) == words


def test_the_error_stands_at_the_quote_s_text() -> None:
    """In a release that prints the quote with its « », the text validated as it was."""
    start = GOOD.index("    text:\n      fr: ") + len("    text:\n      fr: ")
    said = GOOD[start : GOOD.index("\n", start)]  # the first quote, as the release has it
    text = GOOD.replace(said, f'"«\u00a0{said[1:-1]}\u00a0»"')  # in the quote and release
    with pytest.raises(AgreementError) as raised:
        parse_agreement(text.encode(), "a.yaml")
    (problem,) = raised.value.problems
    assert (problem.line, problem.column) == (GOOD[:start].count("\n") + 1, 11)
    assert problem.path == "quotes[0].text.fr"
    assert problem.message == (
        "the quote stands between quotation marks ('«' … '»'); expected its words alone: "
        "leave the quotation marks out, the program adds them"
    )
