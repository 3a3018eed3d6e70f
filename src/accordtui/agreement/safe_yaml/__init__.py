"""Read YAML that other people wrote, without surprises.

PyYAML's safe loader still keeps the last of duplicate keys, expands aliases,
turns `no` into False and `0777` into 511. Here every scalar stays the exact
string of the source, and anything ambiguous or costly is refused with its
place in the file. Values come straight from libyaml's events; the node tree is
read only for a file in doubt, or to place a later validation error.
"""

from __future__ import annotations

import codecs
from typing import Any

import yaml
import yaml.reader
from yaml.nodes import Node

from accordtui.agreement.invisible import refusal
from accordtui.agreement.safe_yaml.events import IN_DOUBT, may_break_a_rule, values_from_events
from accordtui.agreement.safe_yaml.rules import (
    DEFAULT_LOADER,
    MAX_DEPTH,
    PureLoader,
    TokenRules,
    YamlProblem,
    loader_class,
    syntax_problem,
)
from accordtui.agreement.safe_yaml.values import to_python

_Loader = DEFAULT_LOADER
"""The parser `load` and `compose` use (libyaml when installed); tests swap it."""

__all__ = ["MAX_DEPTH", "YamlProblem", "compose", "decode", "load", "loader_class", "to_python"]


def decode(data: bytes) -> str:
    """Strict UTF-8 (a BOM is accepted); other encodings are named, not guessed."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise YamlProblem("file is UTF-16; expected UTF-8", 1, 1)
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    nul = data.find(b"\0")
    if nul >= 0:
        line, column = _place(data, nul)
        raise YamlProblem("NUL byte; expected UTF-8 text (is this file UTF-16?)", line, column)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _place(data, error.start)
        byte = data[error.start]
        raise YamlProblem(
            f"byte 0x{byte:02X} is not valid UTF-8; expected UTF-8 text", line, column
        ) from None


def _place(data: bytes, offset: int) -> tuple[int, int]:
    line_start = data.rfind(b"\n", 0, offset) + 1
    return data.count(b"\n", 0, offset) + 1, offset - line_start + 1


def load(text: str, at: list[int] | None = None) -> Any:
    """The document's values, exactly as `to_python(compose(text))` gives them, or its
    first problem, placed.

    With libyaml, the values are built straight from its events when nothing in them
    could break a rule: no node tree and no second walk over it (the node tree is
    read only for a file in doubt, or to place a later error). There, `at[0]` follows
    the characters read, for a progress display.
    """
    if not issubclass(_Loader, PureLoader):
        values = values_from_events(_prepared(text), [0] if at is None else at)
        if values is not IN_DOUBT:
            return values
    root = compose(text)
    return None if root is None else to_python(root)


def compose(text: str, loader: type[Any] | None = None) -> Node | None:
    """Parse one YAML document into nodes; syntax errors become located problems.

    `loader` (tests only) picks a parser; the default is libyaml when installed.
    With libyaml, the text is composed first and its nodes looked over for anything
    the token rules could refuse; only then (or on any error) is it read again token
    by token, so that a refused file gets the same first problem either way. One
    read instead of two: a 100,000-item file loads ~5 s faster.
    """
    loader = loader or _Loader
    text = _prepared(text)
    if not issubclass(loader, PureLoader):
        try:
            node: Node | None = yaml.compose(text, Loader=loader)
        except yaml.YAMLError:
            pass
        else:
            if node is None or not may_break_a_rule(node, text):
                return node
    return _compose_token_by_token(text, loader)


def _prepared(text: str) -> str:
    """`text` without leading BOMs (`decode` took the first), which libyaml skips without
    counting them in its marks; tabs refused."""
    text = text.lstrip("\ufeff")
    tab = text.find("\t")
    if tab >= 0:
        line = text.count("\n", 0, tab) + 1
        raise YamlProblem(
            "a tab character; indent and separate with spaces (in text, write \\t "
            "inside double quotes)",
            line,
            tab - text.rfind("\n", 0, tab),
        )
    return text


def _compose_token_by_token(text: str, loader: type[Any]) -> Node | None:
    """Check every token against `TokenRules`, and compose: the problem that comes first
    in the file wins, as it does when the pure-Python parser checks tokens as it goes.

    libyaml's tokens are seen only in a scan of the whole file, which can meet a bad
    token on line 5 before the parser would have stopped at line 4's indentation.
    """
    problems: list[YamlProblem] = []
    if not issubclass(loader, PureLoader):
        try:
            rules = TokenRules(text)
            for token in yaml.scan(text, Loader=loader):
                rules.see(token)
        except (YamlProblem, yaml.YAMLError) as error:
            problems.append(_problem(error, text))
    try:
        node: Node | None = yaml.compose(text, Loader=loader)
    except (YamlProblem, yaml.YAMLError) as error:
        problems.append(_problem(error, text))
    if problems:
        raise min(problems, key=_position)  # on a tie, the token rules' problem
    return node


def _problem(error: YamlProblem | yaml.YAMLError, text: str) -> YamlProblem:
    if isinstance(error, YamlProblem):
        return error
    if isinstance(error, yaml.MarkedYAMLError):
        return syntax_problem(error, text)
    if isinstance(error, yaml.reader.ReaderError):  # a character YAML refuses, unplaced
        at = error.position
        what = refusal(chr(error.character)) or "a character YAML does not accept"
        line, column = text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)
        message = f"invalid YAML: {what} U+{error.character:04X}; expected visible text"
        return YamlProblem(message, line, column)
    return YamlProblem(f"invalid YAML: {error}")


def _position(problem: YamlProblem) -> tuple[bool, int, int]:
    """Where a problem stands, for ordering; one with no place comes last."""
    return problem.line is None, problem.line or 0, problem.column or 0
