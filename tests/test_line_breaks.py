"""Screen lines found on offsets are the lines Textual's own wrap gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from textual.content import Content

from accordtui.browser.line_breaks import lines_of

NARROW = [*"ab é’«»:-.  \u00a0\u202f", "x" * 9]
NARROW_TEXT = st.lists(st.sampled_from(NARROW), max_size=40).map("".join)
"""One cell a character: runs of spaces, no-break spaces, words longer than a line."""
OTHER = [*"ab é \u00a0", "研究", "e\u0301", "x" * 9]
ANY_TEXT = st.lists(st.sampled_from(OTHER), max_size=30).map("".join)
"""With wide and combining characters, which take Textual's own way."""


def textual_lines(paragraph: str, width: int) -> list[str]:
    return [line.plain for line in Content(paragraph).wrap(max(1, width))] or [""]


@settings(max_examples=300, deadline=None)
@given(paragraph=NARROW_TEXT, width=st.integers(0, 30))
def test_narrow_text_breaks_where_textual_breaks(paragraph: str, width: int) -> None:
    assert lines_of(paragraph, width) == textual_lines(paragraph, width)


@settings(max_examples=60, deadline=None)
@given(paragraph=ANY_TEXT, width=st.integers(1, 30))
def test_other_text_breaks_where_textual_breaks(paragraph: str, width: int) -> None:
    assert lines_of(paragraph, width) == textual_lines(paragraph, width)


def test_a_word_longer_than_the_line_is_cut_at_the_width() -> None:
    assert lines_of("un " + "x" * 12 + " deux", 5) == ["un", "xxxxx", "xxxxx", "xx", "deux"]
