"""Texts that still hold what `accordtui new` wrote for the author to replace.

A file `new` writes validates as it stands, so that it opens at once; it is not
finished until each placeholder is replaced. `validate` warns where each one stands;
they are warnings, not problems: the file is valid, only unfinished.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from accordtui.agreement.errors import Problem, format_path

if TYPE_CHECKING:  # the document reads the placeholders' words before pydantic or YAML load
    from yaml.nodes import Node

UNTRANSLATED = "[translation to write]"
"""Every English text `new` cannot write: the author's to translate (a translator's note)."""
TITLE_TO_WRITE = {"fr": "Titre de l’accord (à écrire)", "en": "Title of the agreement (to write)"}
"""The agreement's title `new` writes when the release's text has no title line."""

KIND_TO_WRITE = "[nature de l’institution à écrire]"
"""A party's kind `new` writes when the release gives none before the party's name."""

ROLE_TO_WRITE = "[fonction de la personne à écrire]"
"""A speaker's title `new` writes when the release gives none beside their quote."""

_EXPECTED = {
    ROLE_TO_WRITE: "expected the person's title, in the release's words (then without "
    "`origin: editorial`) or ours",
    KIND_TO_WRITE: "expected what the party is, in the release's words (then without "
    "`origin: editorial`) or ours",
    UNTRANSLATED: "expected our English translation of the French beside it",
    **dict.fromkeys(TITLE_TO_WRITE.values(), "expected the agreement's title, ours"),
}

PLACEHOLDERS = frozenset(_EXPECTED)
"""Every text `new` writes for its author to replace."""

Loc = tuple[str | int, ...]


def placeholders(value: Any, at: Loc = ()) -> Iterator[tuple[Loc, str]]:
    """Where each placeholder stands in a validated agreement, as a field path."""
    if isinstance(value, str):
        if value in PLACEHOLDERS:
            yield at, value
    elif hasattr(type(value), "model_fields"):  # a model (pydantic is not imported here)
        for name in type(value).model_fields:
            yield from placeholders(getattr(value, name), (*at, name))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from placeholders(item, (*at, index))


def _message(text: str) -> str:
    """The warning for `text` left by `new`: what it is, what to write instead."""
    message = f"placeholder still to replace: '{text}' (written by `accordtui new`); "
    return message + _EXPECTED[text]


def left(agreement: object) -> list[tuple[Loc, str]]:
    """The warning for each placeholder in `agreement`: (field path, message)."""
    return [(loc, _message(text)) for loc, text in placeholders(agreement)]


def placed(file: str, found: list[tuple[Loc, str]], data: bytes | None) -> list[Problem]:
    """A warning for each (field path, message) of `found`, placed in `data`, the file's
    bytes (None, as for standard input, which cannot be read again: the field path only).
    The file's nodes are read once, and only when there is a warning to place."""
    root = _root(data) if found and data is not None else None
    out = []
    for loc, message in found:
        line, column = _placed(root, loc) or (None, None)
        out.append(Problem(file, message, line, column, format_path(loc)))
    return out


def _placed(root: Node | None, loc: Loc) -> tuple[int, int] | None:
    from accordtui.agreement.parsing import place

    return None if root is None else place(root, loc)


def _root(data: bytes) -> Node | None:
    from accordtui.agreement.collector import paused
    from accordtui.agreement.safe_yaml import YamlProblem, compose, decode

    try:
        with paused():  # ~100,000 nodes and no cycle: the hub file's 1.85 s -> 0.56 s
            return compose(decode(data))
    except YamlProblem:  # changed since it was validated: the warnings go unplaced
        return None
