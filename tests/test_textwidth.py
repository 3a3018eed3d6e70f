"""Text export counts terminal cells, as `wcwidth` and Rich do, not code points."""

from __future__ import annotations

import sys
import unicodedata

import pytest
import wcwidth
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from accordtui.rendering.document import Bullets, Field, Heading, Para
from accordtui.rendering.export import render_blocks
from accordtui.rendering.textwidth import NARROW, cell_width, char_width, wrap

NEWER_WIDE = [
    (0x2630, 0x2637),  # trigrams
    (0x268A, 0x268F),  # monograms and digrams
    (0x4DC0, 0x4DFF),  # Yijing hexagrams
    (0x1D300, 0x1D376),  # Tai Xuan Jing symbols, counting rods
]
"""Made East Asian Wide by Unicode 16; Python 3.11 knows Unicode 14, wcwidth knows 16+."""
SPACING_VIRAMAS = {0x1B44, 0xA9C0, 0x111C0, 0x11235, 0x1134D, 0x116B6, 0x1171E}
"""Spacing marks that join consonants, which wcwidth counts as 0; we count every Mc as 1
(U+1171E was Mn before Unicode 15)."""
REGIONAL_INDICATORS = (0x1F1E6, 0x1F1FF)
"""wcwidth counts one as 2 after a letter and a pair (a flag) as 2; we count 1 each."""
NOT_TEXT = {"Cc", "Cs", "Co", "Cn", "Zl", "Zp"}

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


def _known_difference(code: int) -> bool:
    ranges = [*NEWER_WIDE, REGIONAL_INDICATORS]
    return code in SPACING_VIRAMAS or any(low <= code <= high for low, high in ranges)


def test_every_character_is_as_wide_as_wcwidth_says() -> None:
    """Each character after a base letter, so that marks are measured where they stand."""
    differ = [
        hex(code)
        for code in range(0x20, sys.maxunicode + 1)
        if unicodedata.category(chr(code)) not in NOT_TEXT
        and char_width(chr(code)) != wcwidth.wcswidth("a" + chr(code)) - 1
        and not _known_difference(code)
    ]
    assert differ == []


def test_fast_path_characters_are_one_cell() -> None:
    narrow = (chr(c) for c in range(sys.maxunicode + 1) if NARROW.fullmatch(chr(c)))
    assert all(char_width(c) == 1 == wcwidth.wcwidth(c) for c in narrow)


@pytest.mark.parametrize("text", SAMPLES)
def test_samples_match_wcwidth_and_rich(text: str) -> None:
    assert cell_width(text) == wcwidth.wcswidth(text)
    if not text.startswith(("🇫", "न")):  # Rich: a flag is two letters, a Mc takes no cell
        assert cell_width(text) == cell_len(text)


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
