"""The fold table through the real browser, on a file written in decomposed Unicode."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from accordtui.agreement.loader import bundled_path, load_agreement
from accordtui.agreement.model import Agreement, Lang
from accordtui.browser.app import AccordApp
from accordtui.browser.screens.browser import BrowserScreen
from accordtui.browser.widgets.detail import Detail
from accordtui.browser.widgets.search_bar import SearchBar
from tests.test_interface import highlight_on_screen

SAME: dict[Lang, dict[str, list[str]]] = {
    "fr": {
        "l'institut": ["l’Institut", "lʼINSTITUT", "l′institut"],
        "mines-telecom": ["Mines‑Télécom", "mines—te\u0301le\u0301com", "Mines–ＴＥＬＥＣＯＭ"],
        "prioritaire\u00a0:": ["prioritaire :", "prioritaire\u202f:"],
    },
    "en": {"“5g et": ['"5G et', "«5G et", "„5G et"], "field": ["ﬁeld"]},
}
"""Apostrophes, case, dashes, decomposed accents, wide letters (NFKC), spaces, double
quotes, ligatures (NFKC): each reads as the plain form the file has."""


@pytest.fixture(scope="module")
def decomposed(tmp_path_factory: pytest.TempPathFactory) -> Agreement:
    """The bundled agreement in NFD: every accent a character of its own."""
    text = bundled_path().read_text(encoding="utf-8")
    path: Path = tmp_path_factory.mktemp("nfd") / "accord.yaml"
    path.write_text(unicodedata.normalize("NFD", text), encoding="utf-8")
    return load_agreement(path)


async def test_what_readers_cannot_see_never_parts_a_match(decomposed: Agreement) -> None:
    app = AccordApp(decomposed)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, BrowserScreen)
        bar = await screen.search_bar()
        for lang, same in SAME.items():
            screen.lang = lang
            for plain, variants in same.items():
                found: list[str] = []
                for query in [plain, *variants]:
                    bar.post_message(SearchBar.Submitted(query))  # what enter sends
                    await pilot.pause()
                    assert screen.matches, query
                    assert found in ([], screen.matches), query
                    found = screen.matches
                    detail = screen.query_one(Detail)
                    assert screen.key in found and highlight_on_screen(detail), query
