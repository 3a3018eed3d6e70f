"""Model rules: text hygiene, ids, cross-references, unknown keys."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from accordtui.model import Agreement, forbidden_char


def data(agreement: Agreement) -> dict[str, Any]:
    return agreement.model_dump(mode="json", exclude_none=True)


def errors(raw: dict[str, Any]) -> list[tuple[tuple[Any, ...], str]]:
    with pytest.raises(ValidationError) as caught:
        Agreement.model_validate(raw)
    return [(e["loc"], e["type"]) for e in caught.value.errors()]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("plain", None),
        ("line\nbreak\tand tab", None),
        ("non\u00a0breaking", None),
        ("emoji 👩\u200d💻 joiner", None),
        ("esc \x1b[31m", "U+001B"),
        ("del \x7f", "U+007F"),
        ("c1 \x9b", "U+009B"),
        ("bidi \u202e", "U+202E"),
        ("zero width \u200b", "U+200B"),
        ("bom \ufeff", "U+FEFF"),
        ("lone \ud800", "U+D800"),
    ],
)
def test_forbidden_characters(text: str, found: str | None) -> None:
    result = forbidden_char(text)
    assert (result[1] if result else None) is None if found is None else found in result[1]


def test_bundled_agreement_round_trips(agreement: Agreement) -> None:
    assert Agreement.model_validate(data(agreement)) == agreement


def test_dangling_quote_speaker_is_named_at_its_field(agreement: Agreement) -> None:
    raw = data(agreement)
    raw["quotes"][1]["speaker"] = "nobody"
    assert errors(raw) == [(("quotes", 1, "speaker"), "dangling_reference")]


@pytest.mark.parametrize(
    ("mutate", "loc"),
    [
        (lambda r: r["signing"]["witnesses"].append("ghost"), ("signing", "witnesses", 1)),
        (lambda r: r["people"][0].update(party="nowhere"), ("people", 0, "party")),
        (lambda r: r["objectives"][2]["themes"].append("x"), ("objectives", 2, "themes", 1)),
        (lambda r: r["projects"][2]["carried_by"].append("cnrs"), ("projects", 2, "carried_by", 1)),
        (lambda r: r["parties"][1].update(representative="x"), ("parties", 1, "representative")),
    ],
)
def test_every_reference_is_checked(
    agreement: Agreement, mutate: Any, loc: tuple[Any, ...]
) -> None:
    raw = data(agreement)
    mutate(raw)
    assert errors(raw) == [(loc, "dangling_reference")]


def test_duplicate_ids_are_refused(agreement: Agreement) -> None:
    raw = data(agreement)
    raw["themes"][1]["id"] = raw["themes"][0]["id"]
    assert (("themes", 1, "id"), "duplicate_id") in errors(raw)


def test_unknown_keys_are_refused(agreement: Agreement) -> None:
    raw = data(agreement)
    raw["quotes"][0]["mood"] = "happy"
    assert errors(raw) == [(("quotes", 0, "mood"), "extra_forbidden")]


def test_empty_text_and_bad_ids_are_refused(agreement: Agreement) -> None:
    raw = data(agreement)
    raw["title"]["en"] = "   "
    raw["parties"][0]["id"] = "Not An Id"
    found = errors(raw)
    assert (("title", "en"), "empty_text") in found
    assert (("parties", 0, "id"), "string_pattern_mismatch") in found


def test_validation_errors_never_echo_the_input(agreement: Agreement) -> None:
    raw = data(agreement)
    raw["title"]["fr"] = "secret \x1b]52;c;payload\x07"
    with pytest.raises(ValidationError) as caught:
        Agreement.model_validate(raw)
    assert "payload" not in str(caught.value)
