"""Search folds what readers cannot see, and its index, counter, highlight and scroll agree."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accordtui.browser.fold import Folded, fold
from accordtui.browser.fold import needle as search_needle
from accordtui.browser.search import Finder, SearchIndex
from accordtui.browser.styled import HIGHLIGHT, Lines, styled, wrap_pieces
from accordtui.rendering.blocks import Para
from accordtui.rendering.document import Document

FOLDS = [
    ("Télécom", "telecom"),
    ("TE\u0301LE\u0301COM", "telecom"),  # decomposed (NFD)
    ("ﬁnance", "finance"),  # compatibility form (NFKC)
    ("Ｉｎｒｉａ", "inria"),
    ("Straße", "strasse"),
    ("l’Institut", "l'institut"),
    ("l‘Institut", "l'institut"),
    ("lʼInstitut", "l'institut"),
    ("l′Institut", "l'institut"),
    ("« Inria »", '" inria "'),
    ("“Inria”", '"inria"'),
    ("„Inria“", '"inria"'),
    ("Mines‐Télécom", "mines-telecom"),
    ("Mines‑Télécom", "mines-telecom"),
    ("2024–2028", "2024-2028"),
    ("a — b", "a - b"),
    ("a\u00a0b\u202fc\u2009d\te", "a b c d e"),
    ("dé\u00adcembre", "decembre"),  # a soft hyphen
]


@pytest.mark.parametrize(("text", "folded"), FOLDS)
def test_fold_table(text: str, folded: str) -> None:
    assert fold(text) == folded
    assert fold(unicodedata.normalize("NFD", text)) == folded
    assert fold(unicodedata.normalize("NFC", text)) == folded


def test_a_long_text_folds_as_its_pieces_do() -> None:
    text = "L’Institut Mines‑Télécom e\u0301 ß " * 5_000
    assert fold(text) == fold(text[:7]) + fold(text[7:])
    assert Folded(text).text == fold(text)


def test_long_lines_fold_apart_and_map_back() -> None:
    """Lines past 32,768 characters fold once, for the index and both panes alike."""
    line = "Télécom e\u0301 ß «x» " * 2_000
    text = f"{line}\nInria ß\n{line}"
    assert fold(text) == f"{fold(line)}\n{fold('Inria ß')}\n{fold(line)}"
    assert [text[s:e] for s, e in Finder(text, "SS").spans()] == ["ß"] * 4_001
    assert [text[s:e] for s, e in Finder(text, "E SS").spans()] == ["e\u0301 ß"] * 4_000


ALPHABET = "aeiE é\u0301É ’'‘ʼ′«»“”\"„‐‑–—- \u00a0\u202f\tßﬁİ\u00adx\n"
VARIANTS = [
    lambda s: s,
    lambda s: unicodedata.normalize("NFD", s),
    lambda s: unicodedata.normalize("NFKC", s),
    str.upper,
    lambda s: s.replace("'", "’").replace("«", '"').replace("–", "-"),
]


class OneEntry(Document):
    """A document of one entry, one paragraph: what the index reads of it."""

    def __init__(self, text: str) -> None:
        self.text = text

    def keys(self, section: str) -> list[str]:  # type: ignore[override]
        return ["entry"] if section == "overview" else []

    def blocks(self, key: str, lang: str, level: int = 2, links: bool = True) -> list[Para]:  # type: ignore[override]
        return [Para(self.text)]


def occurrences(haystack: str, needle: str) -> int:
    """Every place `needle` starts, overlaps included ("xx" is twice in "xxx")."""
    return sum(haystack.startswith(needle, i) for i in range(len(haystack))) if needle else 0


@settings(max_examples=60, deadline=None)
@given(
    text=st.text(ALPHABET, min_size=1, max_size=60),
    cut=st.tuples(st.integers(0, 60), st.integers(1, 6)),
    variant=st.sampled_from(range(len(VARIANTS))),
    width=st.integers(4, 20),
)
def test_every_counted_match_is_highlighted_and_scrolled_into_view(
    text: str, cut: tuple[int, int], variant: int, width: int
) -> None:
    start = min(cut[0], len(text) - 1)
    query = VARIANTS[variant](text[start : start + cut[1]]).replace("\n", " ")
    needle = search_needle(query)
    counted = SearchIndex(OneEntry(text), "fr").search(query) == ["entry"]
    entry = styled([Para(text)], "fr", query)
    highlights = [(s.start, s.end) for s in entry.spans if s.style == HIGHLIGHT]
    assert counted == bool(highlights) == (entry.first_match is not None)
    assert len(highlights) == occurrences(fold(text), needle)
    for low, high in highlights:  # the highlight covers the words that matched
        assert needle in fold(text[low:high])
    if counted:
        assert entry.first_match == highlights[0][0]
        lines = Lines()
        for piece in wrap_pieces(entry, width):
            lines.extend(piece)
        line = lines.line_of(entry.first_match)  # the detail scrolls this line into view
        assert lines.starts[line] <= entry.first_match < lines.ends[line]


def test_the_finder_counts_overlapping_matches_once_each() -> None:
    assert Finder("ße\u0301e", "SS").spans() == [(0, 1)]
    assert Finder("e\u0301e\u0301", "ee").spans() == [(0, 4)]
