"""The Source list says what each paragraph holds; a person's entry, their part in the signing."""

from __future__ import annotations

import pytest

from accordtui.agreement.model import Agreement, Lang
from accordtui.browser.app import AccordApp
from accordtui.browser.screens.browser import BrowserScreen
from accordtui.browser.styled import EXCERPT, styled
from accordtui.browser.widgets.detail import Detail
from accordtui.browser.widgets.hanging import Hanging
from accordtui.rendering.blocks import Field
from accordtui.rendering.document import Document
from accordtui.rendering.labels import labels_for


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_source_rows_give_the_number_and_first_words(agreement: Agreement, lang: Lang) -> None:
    document = Document(agreement)
    rows = [row for row in document.rows("source", lang) if row.key]
    assert rows and all(row.brief for row in rows)
    first = next(p for p in agreement.release if p.kind == "paragraph")
    assert rows[0].text.startswith("1. " + " ".join(first.pick(lang).split()[:3]))
    assert any(row.text.startswith("4.1 ") for row in rows)  # a bullet under paragraph 4


def test_a_brief_row_is_cut_after_a_whole_word() -> None:
    row = Hanging("• ", "4.1 Le développement de la recherche", most=1)
    assert str(row._at(20).plain) == "• 4.1 Le…"
    assert str(row._at(60).plain) == "• 4.1 Le développement de la recherche"


def test_a_brief_row_takes_a_second_line_where_the_list_is_narrow() -> None:
    """At 80 columns the list gives a row 24 cells: one line held "1. L'Institut…"."""
    text = "1. L'Institut Mines-Télécom (IMT) et Inria ont signé un accord-cadre…"
    row = Hanging("• ", text, most=2, wide=40)
    assert row._at(26).plain == "• 1. L'Institut\n  Mines-Télécom (IMT) et…"
    assert row.get_height({}, 26) == 2
    assert row._at(52).plain == "• 1. L'Institut Mines-Télécom (IMT) et Inria ont…"
    assert row.get_height({}, 52) == 1


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_person_says_signatory_or_witness_and_links_the_words(
    agreement: Agreement, lang: Lang
) -> None:
    document = Document(agreement)
    words = labels_for(lang)
    signing = agreement.signing
    where = document.source_of(signing.id)
    assert where is not None
    for person, part in [
        (signing.signatories[0], words.signatory),
        (signing.witnesses[0], words.witness),
    ]:
        assert Field(words.signing_part, part) in document.blocks(person, lang)
        assert where in [r.key for r in document.links(person)]
    said = document.blocks(where, "fr")
    assert any("ont signé" in getattr(b, "text", "") and "en présence de" in b.text for b in said)  # type: ignore[attr-defined]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_persons_paragraph_underlines_who_they_are(agreement: Agreement, lang: Lang) -> None:
    """From a person, the paragraph on the signing underlined nothing: now their name and
    title, as it writes them, signatory or witness alike."""
    document = Document(agreement)
    signing = agreement.signing
    where = document.source_of(signing.signatories[0])
    assert where is not None
    for person in (signing.signatories[0], signing.witnesses[0]):
        assert document.source_of(person) == where
        entry = styled(document.blocks(where, lang), lang, "", document.excerpt(person, lang))
        marked = [entry.text[s.start : s.end] for s in entry.spans if s.style == EXCERPT]
        assert document.person_line(person, lang) in marked


async def test_following_a_person_to_the_source_underlines_them(agreement: Agreement) -> None:
    app = AccordApp(agreement)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, BrowserScreen)
        person = agreement.signing.witnesses[0]
        screen.go_to(person)
        await pilot.pause()
        screen.go_to(screen.document.source_of(person) or "")
        await pilot.pause()
        shown = screen.query_one(Detail).shown
        marked = [shown.plain[s.start : s.end] for s in shown.spans if s.style == EXCERPT]
        assert screen.document.person_line(person, "fr") in marked
