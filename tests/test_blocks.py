"""Blocks behave as frozen values: equal by kind and fields, hashable, immutable."""

from __future__ import annotations

import pytest

from accordtui.rendering.blocks import Heading, Note, Para, Row


def test_blocks_are_equal_only_to_their_own_kind_with_equal_fields() -> None:
    assert Para("x") == Para("x") and hash(Para("x")) == hash(Para("x"))
    note: object = Note("x")
    assert Para("x") != note  # same fields, another kind: drawn differently
    assert len({Para("x"), Note("x"), Para("x")}) == 2
    assert Heading("x", 2) != Heading("x", 3) and Heading("x") == Heading("x", 1, None)
    assert Row("a", key="k") == Row("a", "k", 0, False, False)


def test_blocks_cannot_be_changed() -> None:
    block = Heading("x")
    with pytest.raises(AttributeError):
        block.text = "y"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del block.text
    with pytest.raises(AttributeError):
        block.extra = 1  # type: ignore[attr-defined]


def test_a_block_shows_its_kind_and_fields() -> None:
    assert repr(Row("a", "k")) == "Row(brief=False, depth=0, editorial=False, key='k', text='a')"
