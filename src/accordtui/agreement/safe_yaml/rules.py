"""The rules a YAML file must keep, checked token by token, and syntax errors in plain words.

PyYAML's safe loader keeps the last of duplicate keys, expands aliases and reads
tags; here aliases, tags, deep nesting and ambiguous scalars are refused with their
place, by the pure-Python parser as it reads or over libyaml's token scan.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from accordtui.agreement.errors import shown

if TYPE_CHECKING:
    from accordtui.agreement.safe_yaml.unclosed_quote import Swallowed  # for syntax errors

MAX_DEPTH = 32
"""Deepest nesting accepted; the agreement schema needs 5."""

_DEFAULT_TAGS = {ScalarNode: "tag:yaml.org,2002:str", SequenceNode: "tag:yaml.org,2002:seq"}
_DEFAULT_TAGS[MappingNode] = "tag:yaml.org,2002:map"

_SPACE_AFTER = " \r\n\x85\u2028\u2029"
"""Characters that may follow `:` or a block scalar header (else it is other text)."""


class YamlProblem(Exception):
    """A problem at a 1-based line and column (None for the whole file)."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None) -> None:
        super().__init__(message, line, column)
        self.message = message
        self.line = line
        self.column = column


def _at_mark(mark: Any) -> tuple[int, int]:
    return mark.line + 1, mark.column + 1


class TokenRules:
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
        problem = scalar_problem(token, self.text, flow=self.flow > 0)
        if problem is not None:
            raise problem


def scalar_problem(scalar: Any, text: str, *, flow: bool) -> YamlProblem | None:
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


class PureLoader(yaml.SafeLoader):
    """Pure-Python loader: checks each token as parsed, stops deep nesting early."""

    _depth = 0

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._rules = TokenRules(stream)

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
    base: type[Any] = (not pure and getattr(yaml, "CSafeLoader", None)) or PureLoader
    return type("StringLoader", (base,), {"resolve": _resolve})


DEFAULT_LOADER = loader_class()


_PLAIN_WORDS: tuple[tuple[str, str], ...] = (
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
"""Common mistakes, from either parser's words (libyaml's and PyYAML's differ), said as
what to fix; the parser's own words follow. Searched with `re`'s own cache of patterns:
compiled at the first syntax error, not at every start."""

_UNCLOSED = "expected ',' or '([]}])'"


_ITEM = r"( *)- +"


def _short_of_item(text: str, line: int) -> str | None:
    """Plain words for a key indented short of the list item's keys on the line above
    ("  - id: a" then "   speaker: b"): the likely cause of "expected a list item"."""
    lines = text.split("\n")
    if line >= len(lines):
        return None
    here = len(lines[line]) - len(lines[line].lstrip(" "))
    above = next(
        (t for t in reversed(lines[:line]) if t.strip() and not t.lstrip().startswith("#")), ""
    )
    item = re.match(_ITEM, above)
    if item is None or not len(item.group(1)) < here < item.end():
        return None
    return (
        f"this line is indented {here} spaces, the item's keys above {item.end()}; indent it "
        "like the line above (or start a new item with '- ')"
    )


def syntax_problem(error: yaml.MarkedYAMLError, text: str = "") -> YamlProblem:
    """A syntax error in plain words, placed where the reader has something to fix."""
    from accordtui.agreement.safe_yaml.unclosed_quote import swallowed, swallowed_lines

    parser = ", ".join(part for part in (error.context, error.problem) if part)
    mark, opened = error.problem_mark or error.context_mark, error.context_mark
    plain = next((words for pattern, words in _PLAIN_WORDS if re.search(pattern, parser)), None)
    if mark is not None and plain and plain.startswith("expected a list item"):
        plain = _short_of_item(text, mark.line) or plain
    if mark is not None and plain and plain.startswith(("expected a key", "expected a list")):
        cause = swallowed_lines(text, mark.line, mark.column)
        if cause is not None:  # the quote's missing end, lines above, is what to fix
            return _unclosed_quote(
                cause,
                f"at the end of line {cause.missing[0]}",
                f"taking in the key {shown(cause.separator)} of the next line",
                parser,
            )
    if opened is not None:
        at = f"line {opened.line + 1}, column {opened.column + 1}"
        unclosed = re.search(_UNCLOSED, parser)
        if "could not find expected ':'" in parser:
            mark = opened  # the line that lacks it, not the next one
        elif "quoted scalar, found unexpected end of stream" in parser:
            plain = f"the quoted text opened at {at} is never closed; expected its closing quote"
            mark = opened  # the end of the file is past its last line
        elif unclosed:
            closer = unclosed.group(1)
            brackets = "[ ]" if closer == "]" else "{ }"
            plain = f"the {brackets} opened at {at} is not closed; expected ',' or '{closer}'"
            cause = swallowed(text, mark.line, mark.column) if mark is not None else None
            if cause is not None:  # the quote's missing end is what to fix, and where
                return _unclosed_quote(
                    cause,
                    f"before {shown(cause.separator)}",
                    f"so the {brackets} opened at {at} is not closed",
                    parser,
                )
    message = f"invalid YAML: {plain} (parser: {parser})" if plain else f"invalid YAML: {parser}"
    if mark is None:
        return YamlProblem(message)
    return YamlProblem(message, mark.line + 1, mark.column + 1)


def _unclosed_quote(cause: Swallowed, where: str, consequence: str, parser: str) -> YamlProblem:
    """The quoted text opened at `cause.opened` lacks its closing quote `where`, so it ran
    on to the next quote, with this `consequence`."""
    opened = f"line {cause.opened[0]}, column {cause.opened[1]}"
    plain = (
        f"the quoted text opened at {opened} likely lacks its closing {cause.quote} {where}: "
        f"it runs on to the next {cause.quote}, {consequence}; expected {cause.quote} here"
    )
    return YamlProblem(f"invalid YAML: {plain} (parser: {parser})", *cause.missing)
