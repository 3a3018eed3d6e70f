"""Fidelity to the source: French text and excerpts are the release's own words."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import DATA, RELEASE

SHARED_SEED = Path(__file__).resolve().parents[2] / "shared/seeds/000_eb50bd189fd4d3cc.txt"
NAMES_NOT_VERBATIM = {"PEPR Cloud"}
"""The release writes "PEPR 5G et Réseaux du Futur et Cloud"; the project's name is ours."""


def french_texts(node: Any, path: str = "") -> list[tuple[str, str]]:
    """Every `fr` text and `source` excerpt of the data file, with its path."""
    found: list[tuple[str, str]] = []
    if isinstance(node, dict):
        for key, value in node.items():
            here = f"{path}.{key}" if path else key
            if key in ("fr", "source") and isinstance(value, str):
                found.append((here, value))
            else:
                found.extend(french_texts(value, here))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found.extend(french_texts(value, f"{path}[{index}]"))
    return found


def test_the_release_copy_matches_the_shared_seed() -> None:
    if not SHARED_SEED.exists():
        pytest.skip("../shared/seeds is not beside this checkout")
    assert RELEASE.read_bytes() == SHARED_SEED.read_bytes()


@pytest.mark.parametrize(
    ("path", "text"), french_texts(yaml.safe_load(DATA.read_text(encoding="utf-8")))
)
def test_french_text_is_verbatim(path: str, text: str, release_text: str) -> None:
    if text in NAMES_NOT_VERBATIM:
        return
    capitalised = text[:1].upper() + text[1:]
    lowered = text[:1].lower() + text[1:]
    assert any(t in release_text for t in (text, capitalised, lowered)), path


def test_quotes_are_verbatim_and_complete(agreement, release_text: str) -> None:
    assert len(agreement.quotes) == 2
    for quote in agreement.quotes:
        assert quote.text.fr in release_text
        assert quote.attribution.fr in release_text
        assert quote.source == quote.text.fr


def test_facts_of_the_release(agreement) -> None:
    assert [p.short_name for p in agreement.parties] == ["IMT", "Inria"]
    assert agreement.signing.place.fr == "Bercy"
    assert agreement.signing.signatories == ["odile-gauthier", "bruno-sportisse"]
    assert agreement.signing.witnesses == ["loic-duflot"]
    assert len(agreement.objectives) == 3
    assert {p.id for p in agreement.projects} == {"pepr-5g", "pepr-cloud", "programme-agency"}
    assert str(agreement.publication.page_date) == "2024-07-01"
    assert agreement.publication.publisher is None  # the release does not say


def test_english_is_always_a_translation(agreement) -> None:
    texts = [agreement.title, agreement.summary, *(q.text for q in agreement.quotes)]
    assert all(t.en != t.fr for t in texts)
