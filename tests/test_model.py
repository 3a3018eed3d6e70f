"""Model rules: text hygiene, ids, cross-references, unknown keys."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from accordtui.agreement.invisible import forbidden_char
from accordtui.agreement.model import Agreement


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
        (
            lambda r: r["themes"][0]["items"][2]["links"].append({"to": "x", "inferred": True}),
            ("themes", 0, "items", 2, "links", 2, "to"),
        ),
        (  # a link to itself is no link
            lambda r: r["lead"].update(links=[{"to": "lead", "inferred": False}]),
            ("lead", "links", 0, "to"),
        ),
        (  # paragraphs of the release are linked to by what quotes them, not by hand
            lambda r: r["lead"].update(links=[{"to": "p1", "inferred": False}]),
            ("lead", "links", 0, "to"),
        ),
    ],
)
def test_every_reference_is_checked(
    agreement: Agreement, mutate: Any, loc: tuple[Any, ...]
) -> None:
    raw = data(agreement)
    mutate(raw)
    assert errors(raw) == [(loc, "dangling_reference")]


def test_ids_are_unique_across_the_whole_file(agreement: Agreement) -> None:
    raw = data(agreement)
    raw["quotes"][0]["id"] = "imt"  # a party's id
    assert errors(raw) == [(("quotes", 0, "id"), "duplicate_id")]


@pytest.mark.parametrize(
    ("mutate", "loc"),
    [
        (lambda r: r["lead"]["text"].update(fr="Texte inventé."), ("lead", "text", "fr")),
        (  # a release heading must be the release's words
            lambda r: r["themes"][1]["heading"].update(fr="Des objectifs communs"),
            None,
        ),
        (
            lambda r: r["themes"][1]["heading"].update(fr="Objectifs durables"),
            ("themes", 1, "heading", "fr"),
        ),
        (lambda r: r["people"][0].update(name="Odile Gautier"), ("people", 0, "name")),
        (
            lambda r: r["quotes"][0]["attribution"].update(fr="Odile Gauthier, DG"),
            ("quotes", 0, "attribution", "fr"),
        ),
        (lambda r: r["lead"]["text"].update(fr="[…]"), ("lead", "text", "fr")),
    ],
)
def test_french_text_must_be_the_release_words(
    agreement: Agreement, mutate: Any, loc: tuple[Any, ...] | None
) -> None:
    raw = data(agreement)
    mutate(raw)
    if loc is None:
        Agreement.model_validate(raw)  # a shorter excerpt of a heading is still verbatim
    else:
        assert errors(raw) == [(loc, "not_verbatim")]


def test_cuts_are_marked_and_each_part_checked(agreement: Agreement) -> None:
    raw = data(agreement)
    cut = "L'Institut Mines-Télécom (IMT) et Inria ont signé un accord-cadre de partenariat […]"
    raw["lead"]["text"]["fr"] = cut + " illustre leur engagement commun […]"
    Agreement.model_validate(raw)
    raw["lead"]["text"]["fr"] = cut + " illustre leur engagement unique […]"
    assert errors(raw) == [(("lead", "text", "fr"), "not_verbatim")]
    raw["lead"]["text"]["fr"] = cut + " illustre leur engagement commun"  # cut, not marked
    assert errors(raw) == [(("lead", "text", "fr"), "cut_not_marked")]


def test_editorial_titles_are_not_checked(agreement: Agreement) -> None:
    raw = data(agreement)
    raw["lead"]["title"]["fr"] = "Un titre à nous"
    Agreement.model_validate(raw)
    raw["lead"]["title"]["origin"] = "release"
    assert errors(raw) == [(("lead", "title", "fr"), "not_verbatim")]


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


def test_every_model_with_a_field_to_leave_out_leaves_out_nulls() -> None:
    """Only `MayLeaveOut` models turn `null` into an absent field; a model that gains an
    optional field that cannot hold None must be one, or a null there would be refused."""
    from accordtui.agreement import model

    models = [
        value
        for value in vars(model).values()
        if isinstance(value, type) and issubclass(value, model.Strict)
    ]
    optional = [
        m
        for m in models
        if any(not f.is_required() and f.default is not None for f in m.model_fields.values())
    ]
    assert optional, "the agreement has optional fields"
    assert [m.__name__ for m in optional if not issubclass(m, model.MayLeaveOut)] == []


def test_a_duplicate_id_is_reported_alone_not_its_links(agreement: Agreement) -> None:
    """An entry given the id of the entry it links to: the links are to that other
    entry, so only the duplicate is wrong (was also "unknown entry id" on the link)."""
    raw = data(agreement)
    item = next(i for group in raw["themes"] for i in group["items"] if i.get("links"))
    item["id"] = item["links"][0]["to"]
    assert [kind for _, kind in errors(raw)] == ["duplicate_id"]
