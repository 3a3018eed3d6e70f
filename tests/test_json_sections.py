"""Per-section JSON, as the README describes it: the agreement's keys, split by section."""

from __future__ import annotations

import json
from typing import Any

from accordtui.agreement.model import Agreement
from accordtui.rendering.export import render
from accordtui.rendering.labels import SECTIONS


def _json(agreement: Agreement, section: str) -> dict[str, Any]:
    data = json.loads(render(agreement, section, "json"))
    assert isinstance(data, dict)
    return data


def test_sections_split_the_agreement_without_overlap(agreement: Agreement) -> None:
    merged: dict[str, Any] = {}
    for section in SECTIONS:
        part = _json(agreement, section)
        assert part and not set(part) & set(merged), section
        merged.update(part)
    assert merged == _json(agreement, "all")


def test_readme_names_the_keys_of_each_section(agreement: Agreement) -> None:
    keys = {section: sorted(_json(agreement, section)) for section in SECTIONS}
    assert keys == {
        "overview": sorted(["title", "kind", "publication", "lead", "signing", "overview"]),
        "parties": ["parties", "people"],
        "objectives": ["objectives"],
        "themes": ["themes"],
        "quotes": ["quotes"],
        "source": ["release"],
    }
