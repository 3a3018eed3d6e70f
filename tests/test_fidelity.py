"""Fidelity to the source: the bundled release is the release, and the data tells it as it is.

`tests/data/release.txt` is a byte copy of the press release page as received; the
data's `release` section must be its body, paragraph by paragraph. Everything else
(every French text, name and release heading) is checked against `release` by the
model itself, so `accordtui validate` catches what these tests catch.
"""

from __future__ import annotations

import re

import pytest

from accordtui.agreement.model import Agreement, Lang, Passage
from accordtui.agreement.quoting import french_texts
from accordtui.rendering.document import Document
from accordtui.rendering.export import render
from accordtui.rendering.labels import SECTIONS, labels_for

PAGE_CHROME = ("Changed on ", "Photo de la signature")
"""Lines of the page that are not the release's body."""


def body_paragraphs(release_text: str) -> list[str]:
    lines = (line.strip(" \u00a0\t") for line in release_text.splitlines())
    return [line.removeprefix("• ") for line in lines if line and not line.startswith(PAGE_CHROME)]


def test_the_release_section_is_the_page_body(agreement: Agreement, release_text: str) -> None:
    assert [p.fr for p in agreement.release] == body_paragraphs(release_text)


def test_the_release_has_its_structure(agreement: Agreement) -> None:
    kinds = [p.kind for p in agreement.release]
    assert kinds.count("bullet") == 3
    headings = [p.fr for p in agreement.release if p.kind == "heading"]
    assert headings == [
        "Les thématiques prioritaires et les projets",
        "Des objectifs communs pour un avenir durable",
    ]


def test_every_french_text_is_checked(agreement: Agreement) -> None:
    checked = dict(french_texts(agreement))
    assert ("quotes", 1, "text", "fr") in checked
    assert ("themes", 0, "items", 2, "programmes", 0, "fr") in checked
    assert ("themes", 1, "heading", "fr") in checked  # a release heading
    assert ("objectives", 0, "heading", "fr") not in checked  # an editorial one
    assert len(checked) == 34


def passages(agreement: Agreement) -> list[Passage]:
    groups = [*agreement.overview, *agreement.objectives, *agreement.themes]
    return [agreement.lead, *(item for group in groups for item in group.items)]


def test_three_objectives_and_nothing_else_under_objectives(agreement: Agreement) -> None:
    (objectives,) = agreement.objectives
    assert len(objectives.items) == 3
    assert objectives.heading.editorial
    first, _, third = (o.text.fr for o in objectives.items)
    assert first.startswith("Le développement de la recherche")
    assert third.startswith("Le soutien à l'émergence de champions")


def test_themes_follow_the_release_from_its_first_subheading(agreement: Agreement) -> None:
    """The release's two subheadings, in its order: the shared goals come after the
    priorities and projects, and are no objectives a reader could count with the three."""
    group, goals = agreement.themes
    assert group.heading.fr == "Les thématiques prioritaires et les projets"
    assert goals.heading.fr == "Des objectifs communs pour un avenir durable"
    assert not group.heading.editorial and not goals.heading.editorial
    assert [item.priority for item in group.items] == [False, True, False]
    actions = group.items[2]
    assert [p.fr for p in actions.programmes] == ["PEPR 5G et Réseaux du Futur", "PEPR Cloud"]
    assert [p.editorial for p in actions.programmes] == [False, True]  # "PEPR Cloud" is ours
    assert actions.in_line_with is not None
    assert "Agence de programme dans le numérique" in actions.in_line_with.fr


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_screen_and_export_meets_the_subheadings_in_the_release_s_order(
    agreement: Agreement, lang: Lang
) -> None:
    headings = [p.pick(lang) for p in agreement.release if p.kind == "heading"]
    doc = Document(agreement)
    rows = [row.text for section in SECTIONS for row in doc.rows(section, lang) if not row.key]
    shown = [text for text in rows if text in headings]
    assert shown[: len(headings)] == headings  # the lists, read tab after tab
    for fmt in ("text", "markdown"):
        exported = render(agreement, "all", fmt, lang, 10_000)  # type: ignore[arg-type]
        firsts = [exported.index(h) for h in headings]
        assert firsts == sorted(firsts), fmt
    assert len(doc.keys("objectives")) == 3


def test_texts_are_whole_sentences(agreement: Agreement) -> None:
    for passage in passages(agreement):
        text = passage.text.fr
        assert text[0].isupper(), passage.id
        assert text.endswith((".", ";", ":")), passage.id


def test_titles_are_not_fragments_of_their_text(agreement: Agreement) -> None:
    for passage in passages(agreement):
        if passage.title.editorial:
            assert passage.title.fr not in passage.text.fr, passage.id
        assert passage.title.fr[0].isupper() and passage.title.en[0].isupper(), passage.id


def test_first_person_words_are_quotes_not_context(agreement: Agreement) -> None:
    first_person = re.compile(r"\b(Nos|nos|nous|notre|Notre)\b")
    assert not any(first_person.search(p.text.fr) for p in passages(agreement))
    assert all(first_person.search(q.text.fr) for q in agreement.quotes)


def test_each_quote_is_attributed_once(agreement: Agreement) -> None:
    doc = Document(agreement)
    for quote in agreement.quotes:
        shown = "\n".join(str(block) for block in doc.blocks(quote.id, "fr"))
        assert shown.count(quote.attribution.fr) == 1


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_witness_is_not_listed_as_a_party(agreement: Agreement, lang: Lang) -> None:
    """Loïc Duflot signed nothing: he stood beside the parties, level with them."""
    rows = Document(agreement).rows("parties", lang)
    witness = next(i for i, row in enumerate(rows) if row.key == "loic-duflot")
    heading = rows[witness - 1]
    assert heading.key is None and heading.editorial
    assert heading.text == labels_for(lang).outside_parties
    assert rows[witness].depth == 1
    assert [row.key for row in rows if row.depth == 0 and row.key] == ["imt", "inria"]


def test_inferred_links_are_marked(agreement: Agreement) -> None:
    links = {(p.id, link.to): link.inferred for p in passages(agreement) for link in p.links}
    assert links[("research", "priority-field")] is True
    assert links[("first-actions", "inria")] is False  # "que porte Inria"


def test_facts_of_the_release(agreement: Agreement) -> None:
    assert [p.short_name for p in agreement.parties] == ["IMT", "Inria"]
    assert agreement.signing.place.fr == "Bercy"
    assert agreement.signing.signatories == ["odile-gauthier", "bruno-sportisse"]
    assert agreement.signing.witnesses == ["loic-duflot"]
    assert str(agreement.publication.page_date) == "2024-07-01"
    assert agreement.publication.publisher is None  # the release does not say


def test_entry_translations_match_the_paragraph_translations(agreement: Agreement) -> None:
    """One translation of each sentence: an entry says in English what its paragraph says."""
    doc = Document(agreement)
    english = {p.id: p.en for p in agreement.release}
    for passage in passages(agreement):
        source = doc.source_of(passage.id)
        assert source is not None, passage.id
        assert passage.text.en in english[source], passage.id
    for quote in agreement.quotes:
        assert any(quote.attribution.en in text for text in english.values())


@pytest.mark.parametrize(
    "mistranslation",
    [
        "solidarity-based",
        "social acceptability",
        "multiply the synergies",
        "field of possibilities",
        "entrepreneurial pool",
        "industrial fabric",
        "it is logical",
        "carried by",
        "socio-economic world",
        "Chairman-CEO",
        "poursuivre les PEPR",  # the release continues the PEPRs' priorities, not the PEPRs
        "continuing the PEPRs",
        "driven at national level by",  # Inria leads the agency at national level
        "by now involving",  # read as "by this time"; the release means "from now on"
        "Digital Programmes Agency",  # capitalised as if it were the agency's English name
        "Programmes Agency",
    ],
)
def test_known_mistranslations_stay_out(agreement: Agreement, mistranslation: str) -> None:
    assert mistranslation not in agreement.model_dump_json()


def test_english_is_always_a_translation(agreement: Agreement) -> None:
    texts = [agreement.lead.text, *(q.text for q in agreement.quotes)]
    assert all(t.en != t.fr for t in texts)
    assert all(p.en != p.fr for p in agreement.release)
