"""YAML nodes and events as Python values: every scalar the exact string of the source.

YAML 1.2's plain null, booleans and numbers are read as such, so that a number where
text is expected is an error, never a silent "2024"; YAML 1.1 words stay text.
"""

from __future__ import annotations

import re
from typing import Any

from yaml.events import ScalarEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from accordtui.agreement.errors import shown
from accordtui.agreement.safe_yaml.rules import MAX_DEPTH, YamlProblem


def to_python(root: Node) -> Any:
    """Turn nodes into dicts, lists and values, refusing deep nesting and duplicates.

    Quoted and block scalars are their exact text. An unquoted scalar is text too,
    unless YAML 1.2 (what editors and the JSON Schema see) reads it otherwise: empty,
    `~` and `null` are None, `true` and `false` booleans, numbers numbers, so that a
    number where text is expected is an error rather than a silent "2024". YAML 1.1
    words (`yes`, `on`, `0777` as octal) are not special; a YAML 1.1 date is refused
    unquoted, as readers disagree on it and a date field is checked by editors too.

    Aliases and tags never get this far: `compose` refuses them token by token.
    """
    return _build(root, 1)


_NULL = {"", "~", "null"}
_BOOL = {"true": True, "false": False}
_CAPITALISED = {"Null", "NULL", "True", "TRUE", "False", "FALSE"}
_INT = r"[-+]?[0-9]+"
_FLOAT = r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
_SPECIAL_FLOAT = r"[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
_TIMESTAMP = (
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
    r"|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?"
    r"(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?"
)
"""YAML 1.1's timestamps (PyYAML's resolver): refused unquoted, so that every reader,
and the JSON Schema after it, sees the same text. These patterns go through `re`'s own
cache: compiled at the first unquoted number, not at every start (a file may have none)."""


MAY_NOT_BE_TEXT = "0123456789+-.NTFtfn~"
"""The first characters of an unquoted scalar that `plain_value` may read as something
other than its text (an empty scalar too: `""[:1]` is in every string); any other
unquoted scalar is its text, without the call."""


def plain_value(node: ScalarNode | ScalarEvent) -> Any:
    """The YAML 1.2 core-schema value of an unquoted scalar (see `to_python`)."""
    value: str = node.value
    if value in _NULL:
        return None
    if value in _BOOL:
        return _BOOL[value]
    if value[:1] not in "0123456789+-.NTF":  # most text: no number, no odd spelling
        return value
    if value in _CAPITALISED:
        raise YamlProblem(
            f"{value} is a YAML 1.2 keyword; write true, false or null in lowercase, "
            "or put text in quotes",
            *_at(node),
        )
    if value[0] in "NTF":  # a name, not a number
        return value
    if re.fullmatch(_INT, value):
        return int(value) if len(value) < 1000 else float(value)  # int() caps digits
    if value.startswith(("0o", "0x")) and len(value) > 2:
        try:
            return int(value[2:], 8 if value[1] == "o" else 16)
        except ValueError:
            return value
    if re.fullmatch(_FLOAT, value):
        return float(value)
    if re.fullmatch(_SPECIAL_FLOAT, value):
        return float(value.lower().replace(".", ""))
    if re.fullmatch(_TIMESTAMP, value):
        raise YamlProblem(
            f"unquoted {shown(value)} is a date to YAML 1.1 readers (PyYAML, and the "
            "validators of many editors), not text; write it in quotes",
            *_at(node),
        )
    return value


def _at(node: Any) -> tuple[int, int]:
    """Where a node or an event starts."""
    return node.start_mark.line + 1, node.start_mark.column + 1


def _build(node: Node, depth: int) -> Any:
    if node.__class__ is ScalarNode:  # text is most of a document
        return node.value if node.style else plain_value(node)
    if depth > MAX_DEPTH:
        raise YamlProblem(f"nesting deeper than {MAX_DEPTH} levels", *_at(node))
    if isinstance(node, SequenceNode):
        return [_build(item, depth + 1) for item in node.value]
    assert isinstance(node, MappingNode)
    return _mapping(node, depth)


def _mapping(node: MappingNode, depth: int) -> dict[str, Any]:
    out: dict[str, Any] = {}
    first_line: dict[str, int] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, ScalarNode):
            raise YamlProblem("expected a plain text key", *_at(key_node))
        key = key_node.value
        if key in first_line:
            raise YamlProblem(
                f"duplicate key {shown(key)} (first at line {first_line[key]}); "
                "expected each key once",
                *_at(key_node),
            )
        first_line[key] = key_node.start_mark.line + 1
        out[key] = _build(value_node, depth + 1)
    return out
