"""A quote pasted with its quotation marks is refused; a speaker its attribution does
not name is warned of (both passed: the export printed « « … » » and linked one
person's words to another)."""

from __future__ import annotations

from pathlib import Path

import pytest

from accordtui.agreement.errors import AgreementError
from accordtui.agreement.loader import parse_agreement
from accordtui.agreement.model import Agreement
from accordtui.agreement.quote_checks import speaker_doubts, unmarked
from accordtui.cli import main
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


@pytest.fixture(scope="module")
def agreement() -> Agreement:
    return parse_agreement(GOOD.encode(), "a.yaml")


def _attributed(agreement: Agreement, speaker: str, said: str) -> Agreement:
    quote = agreement.quotes[0]
    attribution = quote.attribution.model_copy(update={"fr": said})
    changed = quote.model_copy(update={"speaker": speaker, "attribution": attribution})
    return agreement.model_copy(update={"quotes": [changed, *agreement.quotes[1:]]})


def test_an_attribution_naming_another_person_is_doubted(agreement: Agreement) -> None:
    assert list(speaker_doubts(agreement)) == []
    quote = agreement.quotes[0]
    wrong = _attributed(agreement, "bruno-sportisse", quote.attribution.fr)
    assert list(speaker_doubts(wrong)) == [
        (
            ("quotes", 0, "speaker"),
            "the attribution names 'Odile Gauthier', not 'Bruno Sportisse'; expected "
            "`speaker: odile-gauthier` if they said it, or the attribution the release "
            "prints above the words of 'Bruno Sportisse'",
        )
    ]
    nameless = _attributed(agreement, quote.speaker, "La directrice générale de l'IMT")
    ((_, message),) = speaker_doubts(nameless)
    assert message.startswith("the attribution does not name 'Odile Gauthier'; expected")


def test_validate_warns_where_the_speaker_stands(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(GOOD.replace("speaker: odile-gauthier", "speaker: loic-duflot", 1), "utf-8")
    assert main(["validate", str(path)]) == 0
    out, err = capsys.readouterr()
    assert out == f"{path}: OK, 1 speaker to check (warnings above)\n"
    line = GOOD[: GOOD.index("speaker: odile-gauthier")].count("\n") + 1
    assert err.startswith(f"{path}:{line}:14: quotes[0].speaker: the attribution names")
    assert main(["validate", "--strict", str(path)]) == 1
