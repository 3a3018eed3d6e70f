"""Read YAML that other people wrote, without surprises.

PyYAML's safe loader still keeps the last of duplicate keys, expands aliases,
turns `no` into False and `0777` into 511. Here every scalar stays the exact
string of the source, and anything ambiguous or costly is refused with its
place in the file. The node tree is kept so that later errors can be located.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from accordtui.errors import shown

DEFAULT_MAX_BYTES = 8 * 1024 * 1024
"""Files larger than this are refused before parsing (8 MiB)."""

MAX_DEPTH = 32
"""Deepest nesting accepted; the agreement schema needs 5."""

_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_ALLOWED_TAGS = {_STR, _SEQ, _MAP}


@dataclass(frozen=True)
class YamlProblem(Exception):
    """A problem at a 1-based line and column (None for the whole file)."""

    message: str
    line: int | None = None
    column: int | None = None


class _Depth(yaml.SafeLoader):
    """Pure-Python loader that stops deep nesting before Python's recursion limit."""

    _depth = 0

    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
                raise YamlProblem(
                    f"nesting deeper than {MAX_DEPTH} levels; expected a shallow document",
                    mark.line + 1,
                    mark.column + 1,
                )
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


_DEFAULT_TAGS = {ScalarNode: _STR, SequenceNode: _SEQ, MappingNode: _MAP}


def _resolve(self: Any, kind: type[Node], value: Any, implicit: Any) -> str:
    """Untagged nodes are text, lists or mappings: no guessing of bools, numbers, dates."""
    return _DEFAULT_TAGS[kind]


def _loader_class() -> type[Any]:
    """libyaml when available (5-15x faster), else pure Python; both keep strings."""
    base: type[Any] = getattr(yaml, "CSafeLoader", None) or _Depth
    return type("StringLoader", (base,), {"resolve": _resolve})


_Loader = _loader_class()


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


def compose(text: str) -> Node | None:
    """Parse one YAML document into nodes; syntax errors become located problems."""
    try:
        node: Node | None = yaml.compose(text, Loader=_Loader)
        return node
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        parts = [p for p in (error.context, error.problem) if p]
        message = "invalid YAML: " + ", ".join(parts)
        if mark is None:
            raise YamlProblem(message) from None
        raise YamlProblem(message, mark.line + 1, mark.column + 1) from None
    except yaml.YAMLError as error:
        raise YamlProblem(f"invalid YAML: {error}") from None


def to_python(root: Node) -> Any:
    """Turn nodes into dicts, lists and strings, refusing aliases, tags and duplicates."""
    return _Builder().build(root, 1, None)


def _at(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _Builder:
    def __init__(self) -> None:
        self.seen: set[int] = set()

    def build(self, node: Node, depth: int, where: Node | None) -> Any:
        """`where` is the key or list that holds `node`: where an alias would be used."""
        if id(node) in self.seen:
            anchor_line = node.start_mark.line + 1
            raise YamlProblem(
                f"alias of the anchor at line {anchor_line}; "
                "anchors and aliases are not allowed, write the value out",
                *_at(where or node),
            )
        self.seen.add(id(node))
        if depth > MAX_DEPTH:
            raise YamlProblem(f"nesting deeper than {MAX_DEPTH} levels", *_at(node))
        if node.tag not in _ALLOWED_TAGS:
            tag = shown(node.tag.replace("tag:yaml.org,2002:", "!!"))
            raise YamlProblem(
                f"tag {tag} is not allowed; expected plain text, a mapping or a list",
                *_at(node),
            )
        if isinstance(node, ScalarNode):
            return node.value
        if isinstance(node, SequenceNode):
            return [self._child(item, depth + 1, node) for item in node.value]
        assert isinstance(node, MappingNode)
        return self._mapping(node, depth)

    def _child(self, node: Node, depth: int, where: Node | None) -> Any:
        """Plain text is most of a document: take it without the general checks' cost."""
        if node.__class__ is ScalarNode and node.tag == _STR and id(node) not in self.seen:
            self.seen.add(id(node))
            return node.value
        return self.build(node, depth, where)

    def _mapping(self, node: MappingNode, depth: int) -> dict[str, Any]:
        out: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode) or key_node.tag != _STR:
                raise YamlProblem("expected a plain text key", *_at(key_node))
            key = key_node.value
            if key in first_line:
                raise YamlProblem(
                    f"duplicate key {shown(key)} (first at line {first_line[key]}); "
                    "expected each key once",
                    *_at(key_node),
                )
            first_line[key] = key_node.start_mark.line + 1
            out[key] = self._child(value_node, depth + 1, key_node)
        return out
