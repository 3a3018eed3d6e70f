"""Export is pure: golden text per section and language, Markdown, JSON round trip."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from accordtui import __version__
from accordtui.agreement.model import Agreement
from accordtui.rendering.export import EXPORT_SECTIONS, render
from accordtui.rendering.labels import SECTIONS
from accordtui.rendering.markdown_text import inline as md_inline

GOLDEN = Path(__file__).parent / "golden"
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("section", SECTIONS)
def test_golden_text(agreement: Agreement, section: str, lang: str) -> None:
    """Set UPDATE_GOLDEN=1 to rewrite the files, then read the diff before committing.

    The header's program version reads `VERSION`, so that a release changes no file."""
    text = render(agreement, section, "text", lang, 80, "accord.yaml")  # type: ignore[arg-type]
    text = text.replace(f"accordtui {__version__}]", "accordtui VERSION]")
    golden = GOLDEN / f"{section}.{lang}.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
@pytest.mark.parametrize("section", EXPORT_SECTIONS)
def test_no_control_characters(agreement: Agreement, section: str, fmt: str) -> None:
    for lang in ("fr", "en"):
        assert not CONTROL.search(render(agreement, section, fmt, lang))  # type: ignore[arg-type]


def test_all_in_french_holds_every_fact(agreement: Agreement) -> None:
    text = " ".join(render(agreement, "all", "text", "fr", 10_000).split())
    for fact in [
        "Institut Mines-Télécom (IMT)",
        "Inria",
        "accord-cadre de partenariat",
        "01/07/2024",
        "Bercy",
        "Odile Gauthier, Directrice générale de l'IMT",
        "Bruno Sportisse, Président-directeur général d'Inria",
        "Loïc Duflot, chef du service de l'économie numérique",
        "PEPR 5G et Réseaux du Futur",
        "PEPR Cloud",
        "Agence de programme dans le numérique",
        "à horizon 2030",
        "frugalité, de soutenabilité et d'acceptabilité sociétale",
        "réindustrialisation verte",
        "ministère en charge de l'industrie",
        "Les thématiques prioritaires et les projets",
        "Des objectifs communs pour un avenir durable",
        *(" ".join(q.text.fr.split()) for q in agreement.quotes),
    ]:
        assert fact in text, fact


def test_english_is_marked_as_translation(agreement: Agreement) -> None:
    text = render(agreement, "quotes", "text", "en")
    assert "\n\nEnglish translation of the French press release" in text.split("Quotes\n")[0]
    assert " ".join(text.split()).count("(our translation)") == 2  # wrapped at 80
    assert "in our translation" in render(agreement, "source", "text", "en")
    assert "translation)" not in render(agreement, "quotes", "text", "fr")


def test_width_is_respected(agreement: Agreement) -> None:
    for width in (40, 60, 100):
        lines = render(agreement, "all", "text", "fr", width).splitlines()
        # Only a single word longer than the width may overflow (never split).
        assert all(len(line) <= width or " " not in line.strip() for line in lines)


def test_markdown_escapes_data(agreement: Agreement) -> None:
    data = agreement.model_dump()
    data["lead"]["title"]["fr"] = "[click](http://x) *bold* <b>"
    hostile = Agreement.model_validate(data)
    text = render(hostile, "overview", "markdown", "fr")
    assert r"\[click\](http\://x) \*bold\* \<b>" in text


def test_json_all_round_trips(agreement: Agreement) -> None:
    assert Agreement.model_validate_json(render(agreement, "all", "json")) == agreement


def test_json_section_holds_both_languages(agreement: Agreement) -> None:
    data = json.loads(render(agreement, "quotes", "json", "en"))
    assert set(data) == {"quotes"}
    assert data["quotes"][0]["text"]["fr"] == agreement.quotes[0].text.fr


def test_unknown_section_is_refused(agreement: Agreement) -> None:
    with pytest.raises(ValueError, match="unknown section"):
        render(agreement, "annexes")


def test_the_release_address_and_publisher_show_when_the_file_gives_them(
    agreement: Agreement,
) -> None:
    assert agreement.publication.url is None  # the release gives none: none is invented
    url = "https://example.org/communique"
    publication = agreement.publication.model_copy(update={"url": url, "publisher": "Inria"})
    given = agreement.model_copy(update={"publication": publication})
    assert "Adresse du communiqué\u00a0: https://example.org/communique" in render(
        given, "overview", "text", "fr", 200
    )
    english = render(given, "overview", "text", "en", 200)
    assert "Address of the release: https://example.org/communique" in english
    assert "Publisher: Inria" in english
    assert json.loads(render(given, "overview", "json", "en"))["publication"]["url"] == url


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_exported_source_marks_attributions_and_quotations(agreement: Agreement, lang: str) -> None:
    """The release prints a speaker's line, then the quote: the export says which is which.

    The quote is set apart (indented, or a Markdown block quote) in the release's own
    words: no quotation marks of ours around them."""
    marker = "Citation de\u00a0:" if lang == "fr" else "Quotation from:"
    opening = ""
    markdown = render(agreement, "source", "markdown", lang)  # type: ignore[arg-type]
    text = render(agreement, "source", "text", lang, 10_000)  # type: ignore[arg-type]
    for quote in agreement.quotes:
        said = quote.text.fr if lang == "fr" else quote.text.en
        by = quote.attribution.fr if lang == "fr" else quote.attribution.en
        assert f"{marker} {by}" in text
        assert f"\n\n  {opening}{said}" in text
        assert f"**{marker}** {md_inline(by)}" in markdown
        assert f"\n\n> {opening}{md_inline(said)}" in markdown
    assert text.count(marker) == len(agreement.quotes)  # the other paragraphs stay plain


@pytest.mark.parametrize(("lang", "shown"), [("fr", "10/03/2025"), ("en", "10 March 2025")])
def test_a_signing_date_the_file_gives_is_shown_not_denied(
    agreement: Agreement, lang: str, shown: str
) -> None:
    """A release that dates its signing was said to give no date, with nowhere to put it."""
    data = agreement.model_dump(mode="json", exclude_none=True)
    data["signing"]["date"] = "2025-03-10"
    dated = Agreement.model_validate(data)
    text = render(dated, "overview", "text", lang, 10_000)  # type: ignore[arg-type]
    none = "non précisée par le communiqué" if lang == "fr" else "not given in the release"
    assert shown in text and none not in text
    assert none in render(agreement, "overview", "text", lang, 10_000)  # type: ignore[arg-type]


def _without_objectives(agreement: Agreement) -> Agreement:
    """The bundled agreement as a file that lists no objectives (and so no links to them)."""
    data = agreement.model_dump(mode="json", exclude_none=True)
    gone = {item["id"] for group in data.pop("objectives") for item in group["items"]}
    for group in data["overview"] + data["themes"]:
        for item in group["items"]:
            item["links"] = [link for link in item.get("links", []) if link["to"] not in gone]
    return Agreement.model_validate(data)


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_a_section_the_file_leaves_empty_is_left_out_of_all(agreement: Agreement, fmt: str) -> None:
    """A heading with nothing under it, mailed as Markdown, reads as a fault of ours."""
    out = render(_without_objectives(agreement), "all", fmt, "en")  # type: ignore[arg-type]
    assert "Objectives" not in out
    assert "Themes" in out and "Quotes" in out


def test_an_empty_section_asked_for_by_name_says_it_is_empty(agreement: Agreement) -> None:
    out = render(_without_objectives(agreement), "objectives", "markdown", "fr")
    assert out.endswith("## Objectifs\n\n\\[*rien dans cette section*\\]\n")
    assert render(_without_objectives(agreement), "objectives", "text", "en").endswith(
        "Objectives\n==========\n\n[nothing in this section]\n"
    )
