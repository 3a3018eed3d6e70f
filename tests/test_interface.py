"""One interface in the reader's language: the catalogue, the chrome, the keys."""

from __future__ import annotations

import dataclasses
import re

import pytest
from textual.pilot import Pilot

from accordtui.browser.app import AccordApp
from accordtui.document import Document
from accordtui.export import render_document
from accordtui.labels import EN, FR, SECTIONS, Labels
from accordtui.model import Agreement, Lang
from tests.screen_text import screen_words

FIELDS = [f.name for f in dataclasses.fields(Labels)]
UNTRANSLATED = {"translated"}
"""French shows no "translation" mark: French is the original."""


def catalogue_words(labels: Labels) -> set[str]:
    text = " ".join(str(getattr(labels, name)) for name in FIELDS)
    text = re.sub(r"\{\w+\}", " ", text)
    return {w.lower() for w in re.findall(r"[^\W\d_]+", text)}


ENGLISH_ONLY = catalogue_words(EN) - catalogue_words(FR)
FRENCH_ONLY = catalogue_words(FR) - catalogue_words(EN)


def content_words(agreement: Agreement, lang: Lang) -> set[str]:
    """Words of the agreement itself (English mode keeps French names, such as "du")."""
    document = Document(agreement)
    text = " ".join(render_document(document, s, "text", lang) for s in SECTIONS)
    return {w.lower() for w in re.findall(r"[^\W\d_]+", text)}


def test_catalogues_have_every_word_and_no_defaults() -> None:
    assert all(f.default is dataclasses.MISSING for f in dataclasses.fields(Labels))
    with pytest.raises(TypeError):
        Labels(overview="x")  # type: ignore[call-arg]
    for labels in (FR, EN):
        empty = [n for n in FIELDS if not getattr(labels, n) and n not in UNTRANSLATED]
        assert empty == []
    for name in FIELDS:  # the same placeholders in both languages
        assert re.findall(r"\{\w+\}", getattr(FR, name)) == re.findall(
            r"\{\w+\}", getattr(EN, name)
        ), name


@pytest.mark.parametrize("name", FIELDS)
def test_french_typography(name: str) -> None:
    text = getattr(FR, name)
    assert not re.search(r"[^\u00a0][:;?!]", text.replace("://", "")), text
    assert "« " not in text and " »" not in text, text
    assert not re.search(r"\u00a0[:;?!]", getattr(EN, name)), getattr(EN, name)


async def walk_chrome(pilot: Pilot[None], app: AccordApp, lang: Lang) -> set[str]:
    """Every word shown across sections, search, help and the export dialog."""
    seen: set[str] = set()

    async def look(*keys: str) -> None:
        await pilot.press(*keys)
        await pilot.pause()
        seen.update(w.lower() for w in screen_words(app) if len(w) > 1)  # not key letters

    for key in "123456":
        await look(key)
    await look("slash", *"pepr")
    await pilot.pause(0.3)  # the search bar waits for a pause in typing
    await look("enter", "n")
    await look("escape", "question_mark")
    await look("end")
    await look("escape", "e")
    await look("escape", "ctrl+p")
    await look("escape")
    return seen


@pytest.mark.parametrize(("lang", "foreign"), [("fr", ENGLISH_ONLY), ("en", FRENCH_ONLY)])
async def test_chrome_speaks_one_language(agreement: Agreement, lang: Lang, foreign) -> None:
    app = AccordApp(agreement, lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        seen = await walk_chrome(pilot, app, lang)
    assert seen & (foreign - content_words(agreement, lang)) == set()
    assert "chercher" in seen if lang == "fr" else "search" in seen


async def test_footer_follows_the_language(agreement: Agreement) -> None:
    app = AccordApp(agreement)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert {"Aide", "Quitter", "Retour"} <= screen_words(app)
        await pilot.press("l")
        await pilot.pause()
        words = screen_words(app)
        assert {"Help", "Quit", "Back"} <= words
        assert not {"Aide", "Quitter"} & words
