"""French typography at every width: no line starts with `:` `;` `!` `?` `»`, none ends
with `«`, in every export and in the browser's screen lines, on the bundled file and on
a made-up one whose every « et » is followed by stray punctuation."""

from __future__ import annotations

import re
from functools import cache

import pytest

from accordtui.agreement.loader import bundled_path, parse_agreement
from accordtui.agreement.model import Agreement, Lang
from accordtui.browser.styled import Styled, styled, wrap_pieces
from accordtui.rendering.document import Document
from accordtui.rendering.export import render_document
from accordtui.rendering.labels import SECTIONS

STRAY = re.compile(r"^[\s>•-]*[:;!?»]|«\s*$", re.MULTILINE)
"""A line (after its indent, bullet or quote marker) that starts with bound punctuation,
or ends with an opening guillemet."""
MARKS = re.compile(r"[«:;!?»]")
WIDTHS = range(20, 201)
DETAIL_WIDTHS = range(35, 201)
"""The detail pane is 35 cells wide in the smallest terminal the browser draws in (40×15);
narrower, a word longer than the line would be cut by Textual wherever it falls."""


@cache
def _documents() -> dict[str, Document]:
    data = bundled_path().read_bytes()
    # Made up: the same substitution everywhere keeps every quote verbatim in the release.
    made_up = data.replace(b" et ", " et : « ? » ; ! les ".encode())
    return {
        "bundled": Document(parse_agreement(data, "accord.yaml")),
        "made-up": Document(parse_agreement(made_up, "made-up.yaml")),
    }


def _stray(text: str) -> list[str]:
    return [text[max(0, m.start() - 30) : m.end() + 5] for m in STRAY.finditer(text)]


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("name", ["bundled", "made-up"])
def test_text_exports_bind_french_punctuation_at_every_width(name: str, lang: Lang) -> None:
    doc = _documents()[name]
    found = {width: _stray(render_document(doc, "all", "text", lang, width)) for width in WIDTHS}
    assert {width: lines for width, lines in found.items() if lines} == {}
    assert _stray(render_document(doc, "all", "markdown", lang)) == []  # lines are the data's


def _screen_lines(entry: Styled, width: int) -> str:
    return "\n".join(
        entry.text[start:end]
        for lines in wrap_pieces(entry, width)
        for start, end in zip(lines.starts, lines.ends, strict=True)
    )


@pytest.mark.parametrize("name", ["bundled", "made-up"])
def test_the_browser_binds_french_punctuation_at_every_width(name: str) -> None:
    """In French (English puts no space before a colon). Each distinct block once: blocks
    are paragraphs apart in an entry, so they wrap alone as they do together."""
    doc = _documents()[name]
    blocks = {
        block
        for section in SECTIONS
        for key in doc.keys(section)
        for block in doc.blocks(key, "fr")
    }
    entries = [entry for block in blocks if MARKS.search((entry := styled([block], "fr")).text)]
    found = {
        width: [line for entry in entries for line in _stray(_screen_lines(entry, width))]
        for width in DETAIL_WIDTHS
    }
    assert {width: lines for width, lines in found.items() if lines} == {}


def test_the_made_up_file_has_the_punctuation_to_bind() -> None:
    agreement: Agreement = _documents()["made-up"].agreement
    assert " et : « ? » ; ! les " in agreement.release[0].fr
