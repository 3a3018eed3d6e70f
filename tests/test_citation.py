"""`y` copies a citation: quoted text on one line per paragraph, source, reference."""

from __future__ import annotations

import pytest

from accordtui.agreement.model import Agreement, Bilingual
from accordtui.rendering.citation import citation, opening_words, quoted
from accordtui.rendering.document import Document

NBSP = "\u00a0"


@pytest.fixture(scope="module")
def doc(agreement: Agreement) -> Document:
    return Document(agreement)


def test_a_french_quote_is_one_line_in_guillemets_then_speaker_then_reference(
    doc: Document, agreement: Agreement
) -> None:
    quote = agreement.quotes[0]
    lines = citation(doc, quote.id, "fr").splitlines()
    assert lines == [
        f"«{NBSP}{quote.text.fr}{NBSP}»",
        "— Odile Gauthier, Directrice générale de l'Institut Mines-Télécom",
        f"{agreement.title.fr} [titre de la rédaction], communiqué de presse, "
        f"paragraphe{NBSP}9, page modifiée le 01/07/2024",
    ]


def test_an_english_quote_is_marked_as_our_translation(doc: Document) -> None:
    first, speaker, reference = citation(doc, "sportisse", "en").splitlines()
    assert first.startswith("“In line with") and first.endswith("” (our translation)")
    assert speaker == "— Bruno Sportisse, Chairman and CEO of Inria"
    assert reference.startswith("Framework partnership agreement between IMT and Inria")
    assert f"[our title], press release, paragraph{NBSP}11, page last changed on " in reference


def test_the_release_is_the_source_of_its_own_words(doc: Document) -> None:
    lines = citation(doc, "common-approach", "fr").splitlines()
    assert lines[0].startswith(f"«{NBSP}La promotion d'une approche commune")
    assert lines[1] == "— Communiqué de presse"
    assert f"paragraphe{NBSP}4, point{NBSP}2, page modifiée" in lines[2]
    assert citation(doc, "p4-2", "fr") == citation(doc, "common-approach", "fr")


def test_nested_english_quotation_marks_become_single(doc: Document) -> None:
    first = citation(doc, "first-actions", "en").splitlines()[0]
    assert first.count("“") == first.count("”") == 1
    assert "‘5G et Réseaux du Futur’" in first


def test_people_and_parties_are_named_with_their_role(doc: Document) -> None:
    assert citation(doc, "loic-duflot", "fr").splitlines()[0] == (
        "Loïc Duflot, chef du service de l'économie numérique"
    )
    assert citation(doc, "imt", "en").splitlines()[0] == (
        "Institut Mines-Télécom (IMT), institution (our translation)"
    )


def test_the_publisher_and_address_are_cited_when_the_file_gives_them(
    agreement: Agreement,
) -> None:
    url = "https://example.org/communique"
    publication = agreement.publication.model_copy(update={"url": url, "publisher": "Inria"})
    doc = Document(agreement.model_copy(update={"publication": publication}))
    lines = citation(doc, "first-actions", "fr").splitlines()
    assert lines[1] == "— Communiqué de presse (Inria)"
    assert lines[2].endswith(f"page modifiée le 01/07/2024, {url}")


def test_a_text_of_several_paragraphs_has_a_line_each_and_closes_once() -> None:
    text = Bilingual(fr="Un.\ndeux\n\n  Trois.", en="One.\n\nTwo.")
    assert quoted(text.fr, "fr") == [f"«{NBSP}Un. deux", f"«{NBSP}Trois.{NBSP}»"]
    assert quoted(text.en, "en") == ["“One.", "“Two.” (our translation)"]


def test_the_notice_shows_the_first_words_and_no_underline() -> None:
    assert opening_words("Citations\n=========\n\nOdile Gauthier, Directrice", 3) == (
        "Citations Odile Gauthier,…"
    )
    assert opening_words(f"«{NBSP}Ce partenariat", 8) == f"«{NBSP}Ce partenariat"


@pytest.mark.parametrize(
    ("text", "lang"), [("« Déjà entre guillemets. »", "fr"), ("“Already quoted.”", "en")]
)
def test_a_text_the_release_already_quotes_gets_no_second_marks(text: str, lang: str) -> None:
    """A release paragraph in its own quotation marks was wrapped a second time."""
    (line,) = quoted(text, lang)  # type: ignore[arg-type]
    assert line.startswith(text)  # its marks, once, and its words as written


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_kind_or_role_of_ours_keeps_its_mark_in_a_citation(
    agreement: Agreement, lang: str
) -> None:
    """The Parties export marks an editorial kind; the citation dropped the mark."""
    party = agreement.parties[0]
    kind = Bilingual(fr=party.kind.fr, en=party.kind.en, origin="editorial")
    marked = agreement.model_copy(
        update={"parties": [party.model_copy(update={"kind": kind}), *agreement.parties[1:]]}
    )
    line = citation(Document(marked), party.id, lang).splitlines()[0]  # type: ignore[arg-type]
    ours = "intitulé de la rédaction" if lang == "fr" else "our wording"
    assert f"{kind.pick(lang)} ({ours})" in line  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("fr", "en"),
    [("a déclaré Odile Gauthier", "said Odile Gauthier"), ("Pour Odile Gauthier", "For Odile")],
)
def test_an_attribution_inside_the_sentence_is_not_the_speakers_label(
    agreement: Agreement, fr: str, en: str
) -> None:
    quote = agreement.quotes[0].model_copy(update={"attribution": Bilingual(fr=fr, en=en)})
    doc = Document(agreement.model_copy(update={"quotes": [quote]}))
    assert doc.title(quote.id, "fr") == "Odile Gauthier, Directrice générale de l'IMT"
    assert doc.title(quote.id, "en") == "Odile Gauthier, Director General of IMT"
    assert citation(doc, quote.id, "fr").splitlines()[1] == f"— {doc.title(quote.id, 'fr')}"


@pytest.mark.parametrize(
    ("en", "lang", "expected"),
    [
        ("IGN, Cerema and Ifremer join forces", "en", "{fr} [{en}: our translation]"),
        ("IGN, Cerema and Ifremer join forces", "fr", "{fr}"),
        ("[translation to write]", "en", "{fr}"),  # new's placeholder is no title
    ],
)
def test_the_release_s_own_title_is_cited_as_printed_and_a_translation_marked_ours(
    agreement: Agreement, en: str, lang: str, expected: str
) -> None:
    """A new author's `y` in English gave our translation as if it were the release's
    title: a reader searching for it finds nothing."""
    fr = "L'IGN, le Cerema et l'Ifremer s'allient pour cartographier le littoral"
    title = Bilingual(fr=fr, en=en, origin="release")
    doc = Document(agreement.model_copy(update={"title": title}))
    reference = citation(doc, agreement.quotes[0].id, lang).splitlines()[-1]  # type: ignore[arg-type]
    assert reference.startswith(expected.format(fr=fr, en=en) + ", ")
