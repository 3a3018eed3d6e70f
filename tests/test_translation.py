"""What we write (English translation, editorial titles, interface words) follows one set
of rules, so that a reader never mistakes our words for the release's."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

import pytest
from pydantic import BaseModel

from accordtui.agreement.model import Agreement, Bilingual, Lang, Paragraph, Title
from accordtui.browser.search import SearchIndex
from accordtui.rendering.blocks import Field, colon, format_date
from accordtui.rendering.document import Document
from accordtui.rendering.labels import CATALOGUES, labels_for

ROUND = re.compile(r"\(([^()]*)\)")


def pairs(value: object) -> Iterator[tuple[str, str, bool]]:
    """Every (French, English, editorial) text pair of the agreement."""
    if isinstance(value, Bilingual | Paragraph):
        yield value.fr, value.en, isinstance(value, Title) and value.editorial
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from pairs(getattr(value, name))
    elif isinstance(value, list):
        for element in value:
            yield from pairs(element)


def test_english_round_brackets_only_translate_french_ones(agreement: Agreement) -> None:
    """A translator's addition stands in [square brackets]: round ones are the release's."""
    found = [
        (fr, en)
        for fr, en, _ in pairs(agreement)
        if len(ROUND.findall(en)) != len(ROUND.findall(fr))
    ]
    assert found == []


def test_the_translator_s_additions_are_bracketed(agreement: Agreement) -> None:
    english = [en for _, en, _ in pairs(agreement)]
    quote = agreement.quotes[0].text.en
    assert "the strength of [IMT’s] interdisciplinarity" in quote  # "son", resolved by us
    assert any(en == "PEPR 5G et Réseaux du Futur [5G and future networks]" for en in english)
    assert any("[Agence de programme dans le numérique]" in en for en in english)


def test_what_we_write_has_one_apostrophe(agreement: Agreement) -> None:
    """’ in English and in our titles; the release's French keeps its own '."""
    ours = [en for _, en, _ in pairs(agreement)]
    ours += [fr for fr, _, editorial in pairs(agreement) if editorial]
    assert [text for text in ours if "'" in text] == []


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_interface_words_have_one_apostrophe(lang: str) -> None:
    words = CATALOGUES[lang]._asdict()  # type: ignore[index]
    assert {name: word for name, word in words.items() if "'" in word} == {}


def test_english_dates_are_written_out() -> None:
    assert format_date(date(2024, 7, 1), "en") == "1 July 2024"
    assert format_date(date(2024, 12, 31), "en") == "31 December 2024"
    assert format_date(date(2024, 7, 1), "fr") == "01/07/2024"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_page_date_is_never_read_as_a_signing_date(agreement: Agreement, lang: Lang) -> None:
    """Beside the page's date and in the signing, the release gives no signing date."""
    words = labels_for(lang)
    said = f"{words.signing_date}{colon(lang)} {words.signing_date_none}"
    doc = Document(agreement)
    for key in ("lead", "signing"):
        fields = [
            f"{b.name}{colon(lang)} {b.value}"
            for b in doc.blocks(key, lang)
            if isinstance(b, Field)
        ]
        assert said in fields, key


def test_either_apostrophe_finds_both(agreement: Agreement) -> None:
    """Our titles write ’, the release and keyboards write ': a search finds either."""
    index = SearchIndex(Document(agreement), "fr")
    assert "lead" in index.search("l'accord en bref")
    assert "agreement-aim" in index.search("l’accord vise")
