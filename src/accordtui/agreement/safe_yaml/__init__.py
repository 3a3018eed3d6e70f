"""Read YAML that other people wrote, without surprises.

PyYAML's safe loader still keeps the last of duplicate keys, expands aliases,
turns `no` into False and `0777` into 511. Here every scalar stays the exact
string of the source, and anything ambiguous or costly is refused with its
place in the file. Values come straight from libyaml's events; the node tree is
read only for a file in doubt, or to place a later validation error.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from itertools import chain
from typing import Any

import yaml
from yaml.events import (
    DocumentEndEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from accordtui.agreement.errors import shown

MAX_DEPTH = 32
"""Deepest nesting accepted; the agreement schema needs 5."""

_DEFAULT_TAGS = {ScalarNode: "tag:yaml.org,2002:str", SequenceNode: "tag:yaml.org,2002:seq"}
_DEFAULT_TAGS[MappingNode] = "tag:yaml.org,2002:map"

_SPACE_AFTER = " \r\n\x85\u2028\u2029"
"""Characters that may follow `:` or a block scalar header (else it is other text)."""


@dataclass(frozen=True)
class YamlProblem(Exception):
    """A problem at a 1-based line and column (None for the whole file)."""

    message: str
    line: int | None = None
    column: int | None = None


def _at_mark(mark: Any) -> tuple[int, int]:
    return mark.line + 1, mark.column + 1


class _TokenRules:
    """Refuse, token by token, what libyaml and PyYAML would read differently.

    Both parsers feed their tokens here, so a file is accepted or refused alike with
    or without libyaml: directives, anchors, aliases and tags are refused everywhere,
    and so are the few spellings on which the two scanners disagree (the stricter
    reading wins). Tabs are refused before scanning, in `compose`.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.flow = 0
        self.anchor: Any = None

    def see(self, token: Any) -> None:
        kind = type(token).__name__
        if kind in ("FlowSequenceStartToken", "FlowMappingStartToken"):
            self.flow += 1
        elif kind in ("FlowSequenceEndToken", "FlowMappingEndToken"):
            self.flow -= 1
        elif kind == "ScalarToken":
            self._scalar(token)
        elif kind == "AliasToken":
            where = f" of the anchor at line {self.anchor.line + 1}" if self.anchor else ""
            raise YamlProblem(
                f"alias {shown('*' + token.value)}{where}; anchors and aliases are not allowed, "
                "write the value out",
                *_at_mark(token.start_mark),
            )
        elif kind == "AnchorToken":
            self.anchor = self.anchor or token.start_mark
        elif kind == "TagToken":
            handle, suffix = token.value
            tag = f"{handle}{suffix}" if handle else f"!<{suffix}>"
            raise YamlProblem(
                f"tag {shown(tag)} is not allowed; expected plain text, a mapping or a list",
                *_at_mark(token.start_mark),
            )
        elif kind == "DirectiveToken":
            raise YamlProblem(
                f"directive {shown('%' + token.name)} is not allowed; expected the document only",
                *_at_mark(token.start_mark),
            )
        elif kind == "StreamEndToken" and self.anchor is not None:
            raise YamlProblem(
                "anchor; anchors and aliases are not allowed, write the value out",
                *_at_mark(self.anchor),
            )

    def _scalar(self, token: Any) -> None:
        problem = _scalar_problem(token, self.text, flow=self.flow > 0)
        if problem is not None:
            raise problem


def _scalar_problem(scalar: Any, text: str, *, flow: bool) -> YamlProblem | None:
    """What the rules refuse in a scalar token, or in a node (its style, value and marks
    are its token's): plain text in flow with `?` or a glued `:`, a block header glued
    to text, an escaped lone surrogate."""
    style, end = scalar.style, scalar.end_mark.index
    if not style:  # plain: None in PyYAML, "" in libyaml
        if not flow:
            return None
        if "?" in scalar.value:
            return YamlProblem(
                "'?' in unquoted text inside [ ] or { }; put the text in quotes",
                *_at_mark(scalar.start_mark),
            )
        if text[end : end + 1] == ":" and text[end + 1 : end + 2] not in _SPACE_AFTER:
            return YamlProblem(
                "':' right after unquoted text inside [ ] or { }; write a space after ':'",
                *_at_mark(scalar.end_mark),
            )
    elif style in ("|", ">"):
        start = scalar.start_mark.index + 1
        header = text[start : start + 3].lstrip("+-0123456789")
        if header[:1] not in _SPACE_AFTER:
            return YamlProblem(
                f"'{style}' must be followed by a space or a new line",
                *_at_mark(scalar.start_mark),
            )
    elif style == '"' and _SURROGATE.search(scalar.value):
        return YamlProblem(
            "escape of a lone surrogate; expected a whole character",
            *_at_mark(scalar.start_mark),
        )
    return None


_SURROGATE = re.compile("[\ud800-\udfff]")


class _PureLoader(yaml.SafeLoader):
    """Pure-Python loader: checks each token as parsed, stops deep nesting early."""

    _depth = 0

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._rules = _TokenRules(stream)

    def get_token(self) -> Any:
        token = super().get_token()  # type: ignore[no-untyped-call]
        self._rules.see(token)
        return token

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


def _resolve(self: Any, kind: type[Node], value: Any, implicit: Any) -> str:
    """Untagged nodes are text, lists or mappings: no guessing of bools, numbers, dates."""
    return _DEFAULT_TAGS[kind]


def loader_class(pure: bool = False) -> type[Any]:
    """libyaml when available (5-15x faster) unless `pure`; both keep strings."""
    base: type[Any] = (not pure and getattr(yaml, "CSafeLoader", None)) or _PureLoader
    return type("StringLoader", (base,), {"resolve": _resolve})


_Loader = loader_class()


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
    if not issubclass(_Loader, _PureLoader):
        values = _values_from_events(_prepared(text), [0] if at is None else at)
        if values is not _IN_DOUBT:
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
    if not issubclass(loader, _PureLoader):
        try:
            node: Node | None = yaml.compose(text, Loader=loader)
        except yaml.YAMLError:
            pass
        else:
            if node is None or not _may_break_a_rule(node, text):
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
    """Check every token against `_TokenRules`, and compose: the problem that comes first
    in the file wins, as it does when the pure-Python parser checks tokens as it goes.

    libyaml's tokens are seen only in a scan of the whole file, which can meet a bad
    token on line 5 before the parser would have stopped at line 4's indentation.
    """
    problems: list[YamlProblem] = []
    if not issubclass(loader, _PureLoader):
        try:
            rules = _TokenRules(text)
            for token in yaml.scan(text, Loader=loader):
                rules.see(token)
        except (YamlProblem, yaml.YAMLError) as error:
            problems.append(_problem(error))
    try:
        node: Node | None = yaml.compose(text, Loader=loader)
    except (YamlProblem, yaml.YAMLError) as error:
        problems.append(_problem(error))
    if problems:
        raise min(problems, key=_position)  # on a tie, the token rules' problem
    return node


def _problem(error: YamlProblem | yaml.YAMLError) -> YamlProblem:
    if isinstance(error, YamlProblem):
        return error
    if isinstance(error, yaml.MarkedYAMLError):
        return _syntax_problem(error)
    return YamlProblem(f"invalid YAML: {error}")


def _position(problem: YamlProblem) -> tuple[bool, int, int]:
    """Where a problem stands, for ordering; one with no place comes last."""
    return problem.line is None, problem.line or 0, problem.column or 0


_PLAIN_WORDS = tuple(
    (re.compile(pattern), words)
    for pattern, words in (
        (
            "block mapping.*(did not find expected key|expected <block end>)",
            "expected a key of the mapping here; check this line's indentation, "
            "or a quote that closes too early",
        ),
        (
            "block collection.*(did not find expected '-'|expected <block end>)",
            "expected a list item here; start it with '- ' in line with the items above",
        ),
        (
            "mapping values are not allowed",
            "a ':' here would start a key; put text that holds ': ' in quotes, "
            "or check this line's indentation",
        ),
        (
            "could not find expected ':'",
            "this line has no ':' after its key; write 'key: value', or indent continued "
            "text further than its key",
        ),
        (
            "cannot start any token",
            "unquoted text cannot start with this character; put the text in quotes",
        ),
        (
            "unknown escape character",
            "an unknown escape after '\\' in double quotes; write '\\\\' for a backslash, "
            "or use single quotes",
        ),
    )
)
"""Common mistakes, from either parser's words (libyaml's and PyYAML's differ), said as
what to fix; the parser's own words follow."""

_UNCLOSED = re.compile("expected ',' or '([]}])'")


def _syntax_problem(error: yaml.MarkedYAMLError) -> YamlProblem:
    """A syntax error in plain words, placed where the reader has something to fix."""
    parser = ", ".join(part for part in (error.context, error.problem) if part)
    mark, opened = error.problem_mark or error.context_mark, error.context_mark
    plain = next((words for pattern, words in _PLAIN_WORDS if pattern.search(parser)), None)
    if opened is not None:
        at = f"line {opened.line + 1}, column {opened.column + 1}"
        unclosed = _UNCLOSED.search(parser)
        if "could not find expected ':'" in parser:
            mark = opened  # the line that lacks it, not the next one
        elif "quoted scalar, found unexpected end of stream" in parser:
            plain = f"the quoted text opened at {at} is never closed; expected its closing quote"
            mark = opened  # the end of the file is past its last line
        elif unclosed:
            closer = unclosed.group(1)
            brackets = "[ ]" if closer == "]" else "{ }"
            plain = f"the {brackets} opened at {at} is not closed; expected ',' or '{closer}'"
    message = f"invalid YAML: {plain} (parser: {parser})" if plain else f"invalid YAML: {parser}"
    if mark is None:
        return YamlProblem(message)
    return YamlProblem(message, mark.line + 1, mark.column + 1)


_BREAKS = "\r\n\x85\u2028\u2029"
"""YAML line breaks, as PyYAML reads them."""

_BEFORE_PROPERTY = f" {_BREAKS}\ufeff,:?-[]{{}}"
"""What may stand right before an anchor or a tag (a separator or a flow indicator)."""


def _after_one_of(text: str, char: str, before: str) -> list[int]:
    """Where `char` stands at the start of `text` or right after one of `before`."""
    found, at = [], text.find(char)
    while at >= 0:
        if at == 0 or text[at - 1] in before:
            found.append(at)
        at = text.find(char, at + 1)
    return found


def _property_starts(text: str) -> set[int] | None:
    """Where an anchor or a tag could start (a node starting there has one), or None
    when a line starts with `%`, like a directive: the token rules must read the file."""
    if _after_one_of(text, "%", _BREAKS):
        return None
    properties = {*_after_one_of(text, "&", _BEFORE_PROPERTY)}
    properties.update(_after_one_of(text, "!", _BEFORE_PROPERTY))
    return properties


def _may_break_a_rule(root: Node, text: str) -> bool:
    """Whether a token of `root` could be refused by `_TokenRules` (when in doubt, yes).

    A node starting where `&` or `!` stands has an anchor or a tag (an alias needs an
    anchor); scalars are checked as their tokens would be; nesting deeper than the
    limit and anything like a directive are left to the token-by-token reading.
    """
    properties = _property_starts(text)
    if properties is None:
        return True
    if root.start_mark.index in properties:
        return True
    if root.__class__ is ScalarNode:
        return _scalar_problem(root, text, flow=False) is not None
    return _collection_may_break_a_rule(root, text, properties, False, 1)


def _collection_may_break_a_rule(
    node: Node, text: str, properties: set[int], flow: bool, depth: int
) -> bool:
    if depth > MAX_DEPTH:
        return True
    flow = flow or bool(node.flow_style)  # type: ignore[attr-defined]
    children = node.value if node.__class__ is SequenceNode else chain.from_iterable(node.value)
    for child in children:
        if properties and child.start_mark.index in properties:
            return True
        if child.__class__ is ScalarNode:
            if (child.style or flow) and _scalar_problem(child, text, flow=flow) is not None:
                return True
        elif _collection_may_break_a_rule(child, text, properties, flow, depth + 1):
            return True
    return False


_IN_DOUBT = object()
"""Returned by `_values_from_events` when `compose` must read the file."""


class _Doubt(Exception):
    """Something that a rule may refuse, or a reading that is not plainly one document."""


def _values_from_events(text: str, at: list[int]) -> Any:
    """`load`'s values from libyaml's events, or `_IN_DOUBT`.

    In doubt wherever `_may_break_a_rule` or `to_python` would be: `%` at a line start,
    a node where `&` or `!` stands, an alias, a scalar the token rules may refuse,
    nesting deeper than the limit, a key that is not a scalar or comes twice, a
    capitalised keyword, a syntax error, more than one document.
    """
    properties = _property_starts(text)
    if properties is None:
        return _IN_DOUBT
    parser = _Loader(text)
    try:
        return _read_events(parser.get_event, text, properties, at)
    except (_Doubt, YamlProblem, yaml.YAMLError):
        return _IN_DOUBT
    finally:
        parser.dispose()


def _read_events(next_event: Any, text: str, properties: set[int], at: list[int]) -> Any:
    """Build the one document's values; one loop, locals only: this is the hot path.

    Where a collection ends, `at[0]` gets its place: a store per collection, not per
    event, read by whoever shows progress."""
    next_event()  # the stream's start
    if next_event().__class__ is StreamEndEvent:
        return None  # no document at all: an empty file
    outer: list[tuple[Any, Any, bool]] = []
    """The collections the current one sits in, each with its pending key and flow."""
    here: Any = None  # the collection being filled; None before the root
    key: Any = None  # in a mapping, the key waiting for its value
    flow = False
    while True:
        event = next_event()
        kind = event.__class__
        if properties and event.start_mark.index in properties:
            raise _Doubt
        if kind is ScalarEvent:
            style = event.style
            if (style or flow) and _scalar_problem(event, text, flow=flow) is not None:
                raise _Doubt
            if key is None and here.__class__ is dict:
                if event.value in here:
                    raise _Doubt
                key = event.value
                continue
            value = event.value if style else _plain(event)
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            if (key is None and here.__class__ is dict) or len(outer) >= MAX_DEPTH:
                raise _Doubt
            outer.append((here, key, flow))
            here, key = ({} if kind is MappingStartEvent else []), None
            flow = flow or bool(event.flow_style)
            continue
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            value = here
            here, key, flow = outer.pop()
            at[0] = event.end_mark.index
        else:  # an alias
            raise _Doubt
        if here is None:
            break
        if key is None:
            here.append(value)
        else:
            here[key] = value
            key = None
    if next_event().__class__ is not DocumentEndEvent or (
        next_event().__class__ is not StreamEndEvent
    ):
        raise _Doubt
    return value


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
_INT = re.compile(r"[-+]?[0-9]+")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")
_SPECIAL_FLOAT = re.compile(r"[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)")
_TIMESTAMP = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
    r"|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?"
    r"(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?"
)
"""YAML 1.1's timestamps (PyYAML's resolver): refused unquoted, so that every reader,
and the JSON Schema after it, sees the same text."""


def _plain(node: ScalarNode | ScalarEvent) -> Any:
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
    if _INT.fullmatch(value):
        return int(value) if len(value) < 1000 else float(value)  # int() caps digits
    if value.startswith(("0o", "0x")) and len(value) > 2:
        try:
            return int(value[2:], 8 if value[1] == "o" else 16)
        except ValueError:
            return value
    if _FLOAT.fullmatch(value):
        return float(value)
    if _SPECIAL_FLOAT.fullmatch(value):
        return float(value.lower().replace(".", ""))
    if _TIMESTAMP.fullmatch(value):
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
        return node.value if node.style else _plain(node)
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
