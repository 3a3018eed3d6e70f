"""The help's legend explains every mark the browser and the exports print."""

from __future__ import annotations

import re

import pytest

from accordtui.agreement.model import Agreement
from accordtui.browser.legend import legend_rows
from accordtui.rendering.document import Document
from accordtui.rendering.export import render_document
from accordtui.rendering.labels import SECTIONS, labels_for


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_bracketed_mark_of_the_exports_is_in_the_legend(agreement: Agreement, lang) -> None:
    words = labels_for(lang)  # type: ignore[arg-type]
    marks = {mark for mark, _ in legend_rows(words)}
    document = Document(agreement)
    shown = set()
    for fmt in ("text", "markdown"):
        for section in SECTIONS:
            text = render_document(document, section, fmt, lang)  # type: ignore[arg-type]
            shown |= set(re.findall(r"\[[^\]\[]{3,40}\]", text.replace("\\", "")))
    marks_in_text = {m for m in shown if m.strip("[]").split()[0] in {"titre", "texte", "nom",
                     "regroupement", "intertitre", "notre", "our", "release"}}  # fmt: skip
    assert marks_in_text and marks_in_text <= marks
    assert words.grouping_mark in marks and f"({words.inferred})" in marks
    assert all(meaning for _, meaning in legend_rows(words))
