"""Text export counts terminal cells as Rich does (the measure Textual draws with), not
code points; `wcwidth` checks the measure from outside where terminals agree."""

from __future__ import annotations

import sys

import pytest
import wcwidth
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from accordtui.rendering.blocks import Bullets, Field, Heading, Para
from accordtui.rendering.export import render_blocks
from accordtui.rendering.textwidth import NARROW, cell_width, wrap

SAMPLES = [
    "Institut Mines-Télécom",
    "e\u0301te\u0301 – « l’accord »",
    "框架合作协议",
    "日本語のテキスト、カタカナ。",
    "한국어 텍스트",
    "ｆｕｌｌｗｉｄｔｈ！",
    "नमस्ते दुनिया",
    "ภาษาไทย",
    "العربية",
    "Ελληνικά Кириллица",
    "🇫🇷🇩🇪",
]


def test_fast_path_characters_are_one_cell() -> None:
    """What `len()` measures must be what Rich and terminals measure."""
    narrow = "".join(chr(c) for c in range(sys.maxunicode + 1) if NARROW.fullmatch(chr(c)))
    assert cell_len(narrow) == len(narrow)
    assert all(wcwidth.wcwidth(c) == 1 for c in narrow)


@pytest.mark.parametrize("text", SAMPLES)
def test_samples_are_as_wide_as_rich_draws_them(text: str) -> None:
    assert cell_width(text) == cell_len(text)
    if not text.startswith("न"):  # spacing marks: Rich gives them no cell, wcwidth one
        assert cell_width(text) == wcwidth.wcswidth(text)


WORD = st.text(
    alphabet=st.sampled_from(list("abcé\u0301\u00a0字語한ｆ。、「」-")), min_size=1, max_size=5
)


@settings(max_examples=200, deadline=None)
@given(words=st.lists(WORD, max_size=40), width=st.integers(20, 60))
def test_wrapped_lines_fit_in_cells(words: list[str], width: int) -> None:
    """Words of at most 10 cells always fit, so no line may pass `width` cells."""
    text = " ".join(words)
    wrapped = wrap(text, width, "- ", "  ")
    assert all(wcwidth.wcswidth(line) <= width for line in wrapped.splitlines())
    assert wrapped.replace("\n", "").replace(" ", "")[1:] == text.replace(" ", "")


def test_chinese_wraps_between_characters_not_before_closing_marks() -> None:
    text = "框架合作协议旨在加强两个机构之间的科研合作与创新能力。这是一个很长的句子，没有空格。"
    lines = render_blocks([Para(text)], "text", "fr", 20).splitlines()
    assert lines and all(cell_len(line) <= 20 for line in lines)
    assert "".join(lines) == text
    assert not any(line.startswith(("。", "，")) for line in lines[1:])


def test_heading_underline_is_as_wide_as_the_heading() -> None:
    heading, underline = render_blocks([Heading("合作协议 é\u0301", 1)], "text", "fr").split("\n")[
        :2
    ]
    assert underline == "=" * cell_len(heading) == "=" * 10


def test_fields_and_bullets_align_by_cells() -> None:
    blocks = [Field("名称", "合作 " * 30), Bullets("列表", ("项目 " * 30,))]
    for line in render_blocks(blocks, "text", "fr", 30).splitlines():
        assert wcwidth.wcswidth(line) <= 30
