"""Piecewise wrapping of an entry equals Textual's own wrap of the whole text."""

from __future__ import annotations

import random

import pytest
from textual.content import Content, Span

from accordtui.browser.search import Finder
from accordtui.browser.styled import HIGHLIGHT, Lines, Styled, cut_lines, wrap_pieces
from accordtui.rendering.textwidth import bind_spaces

WORDS = ["accord", "cadre", "Télécom", "réseaux", "numérique", "d'Inria", "5G", "«", "»",
         "研究と革新", "x" * 37, ":", ";", "?"]  # fmt: skip


def random_text(rng: random.Random) -> str:
    paragraphs = [
        " ".join(rng.choice(WORDS) for _ in range(rng.randrange(0, 60)))
        for _ in range(rng.randrange(1, 5))
    ]
    return "\n".join(paragraphs)


def random_spans(rng: random.Random, size: int) -> list[Span]:
    spans = []
    for _ in range(rng.randrange(0, 6)):
        start = rng.randrange(0, size + 1)
        spans.append(Span(start, min(size, start + rng.choice([1, 5, 300, size])), "bold"))
    return spans


def drawn(content: Content) -> list[tuple[str, str]]:
    """A line as the screen gets it: runs of text in one style (`_` reads as a space)."""
    runs: list[tuple[str, str]] = []
    for segment in content.render_segments():
        style, text = str(segment.style), segment.text.replace("_", " ")
        if runs and runs[-1][1] == style:
            runs[-1] = (runs[-1][0] + text, style)
        elif text:
            runs.append((text, style))
    return runs


@pytest.mark.parametrize("seed", range(200))
def test_pieces_wrap_like_the_whole_text(seed: int) -> None:
    rng = random.Random(seed)
    text = random_text(rng)
    spans, query = random_spans(rng, len(text)), rng.choice(["", "é", "accord", "xx"])
    entry = Styled(text, spans, query)
    # From 14 cells: after a word folded to exactly the width (39 = 3 × 13 for 37 x and
    # " :"), Textual starts the next line with the space, which a piece restarting there
    # drops. The detail is never that narrow (40 columns at least).
    width = rng.randrange(14, 60)
    # Textual's wrap of the whole text, where spaces bound to « » : are letters (`_`).
    bound = Styled(bind_spaces(text, "_"), spans, query)
    whole = [
        drawn(line)
        for paragraph in bound.content().split("\n", allow_blank=True)
        for line in paragraph.wrap(width) or [paragraph]
    ]
    piece = rng.randrange(5, 120)
    lines = [
        line
        for part in wrap_pieces(entry, width, piece)
        for line in zip(part.starts, part.ends, strict=True)
    ]
    assert [drawn(entry.stretch(start, end)) for start, end in lines] == whole


def test_line_of_finds_the_line_holding_an_offset() -> None:
    entry = Styled("un deux trois quatre cinq six", [])
    lines = next(iter(wrap_pieces(entry, 10)))
    assert [entry.text[s:e] for s, e in zip(lines.starts, lines.ends, strict=True)] == [
        "un deux",
        "trois",
        "quatre",
        "cinq six",
    ]
    assert lines.line_of(0) == 0
    assert lines.line_of(entry.text.index("cinq")) == 3


@pytest.mark.parametrize("seed", range(30))
def test_matches_of_a_stretch_are_those_of_the_whole_text(seed: int) -> None:
    rng = random.Random(seed)
    text = random_text(rng)
    query = rng.choice(["a", "é", "TELECOM", "研究", "cadre r"])
    finder = Finder(text, query)
    everywhere = Finder(text, query).spans()
    start = rng.randrange(0, len(text) + 1)
    end = rng.randrange(start, len(text) + 1)
    assert finder.spans(start, end) == [(s, e) for s, e in everywhere if e > start and s < end]
    assert finder.first() == (everywhere[0][0] if everywhere else None)


def test_highlights_are_drawn_only_where_asked() -> None:
    entry = Styled("Inria, IMT et Inria", [], "inria")
    assert [(s.start, s.end) for s in entry.spans if s.style == HIGHLIGHT] == [(0, 5), (14, 19)]
    assert [(s.start, s.end) for s in entry.stretch(10, 19).spans] == [(4, 9)]


def test_no_break_spaces_keep_guillemets_and_colons_with_their_words() -> None:
    text = "offrant la force de son interdisciplinarité.\u00a0»"
    assert cut_lines(text, 44) == ["offrant la force de son", "interdisciplinarité.\u00a0»"]
    assert cut_lines("Objectif\u00a0: Recherche", 10) == ["Objectif\u00a0:", "Recherche"]


def test_ordinary_spaces_before_french_punctuation_bind_it_to_its_word() -> None:
    """The release writes `objectifs :` with an ordinary space; `:` never starts a line."""
    assert cut_lines("trois objectifs : la « recherche »", 15) == [
        "trois",
        "objectifs : la",
        "« recherche »",
    ]


def test_a_wrapped_bullet_hangs_under_its_text() -> None:
    text = "Signataires :\n • Odile Gauthier, Directrice générale de l'IMT\n • Bruno Sportisse"
    lines = Lines()
    for part in wrap_pieces(Styled(text, []), 30):
        lines.extend(part)
    shown = [
        " " * indent + text[start:end]
        for start, end, indent in zip(lines.starts, lines.ends, lines.indents, strict=True)
    ]
    assert shown == [
        "Signataires :",
        " • Odile Gauthier, Directrice",
        "   générale de l'IMT",
        " • Bruno Sportisse",
    ]
