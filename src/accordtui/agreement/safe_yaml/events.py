"""Values straight from libyaml's events: no node tree, no second walk.

Used only when nothing in the file could break a rule; a file in doubt is composed
and checked token by token instead (`safe_yaml.compose`).
"""

from __future__ import annotations

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
from yaml.nodes import Node, ScalarNode, SequenceNode

from accordtui.agreement.safe_yaml.rules import (
    DEFAULT_LOADER,
    MAX_DEPTH,
    YamlProblem,
    scalar_problem,
)
from accordtui.agreement.safe_yaml.values import MAY_NOT_BE_TEXT, plain_value

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


def may_break_a_rule(root: Node, text: str) -> bool:
    """Whether a token of `root` could be refused by `TokenRules` (when in doubt, yes).

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
        return scalar_problem(root, text, flow=False) is not None
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
            if (child.style or flow) and scalar_problem(child, text, flow=flow) is not None:
                return True
        elif _collection_may_break_a_rule(child, text, properties, flow, depth + 1):
            return True
    return False


IN_DOUBT = object()
"""Returned by `values_from_events` when `compose` must read the file."""


class _Doubt(Exception):
    """Something that a rule may refuse, or a reading that is not plainly one document."""


def values_from_events(text: str, at: list[int]) -> Any:
    """`load`'s values from libyaml's events, or `IN_DOUBT`.

    In doubt wherever `may_break_a_rule` or `to_python` would be: `%` at a line start,
    a node where `&` or `!` stands, an alias, a scalar the token rules may refuse,
    nesting deeper than the limit, a key that is not a scalar or comes twice, a
    capitalised keyword, a syntax error, more than one document.
    """
    properties = _property_starts(text)
    if properties is None:
        return IN_DOUBT
    parser = DEFAULT_LOADER(text)
    try:
        return _read_events(parser.get_event, text, properties, at)
    except (_Doubt, YamlProblem, yaml.YAMLError):
        return IN_DOUBT
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
            if (style or flow) and scalar_problem(event, text, flow=flow) is not None:
                raise _Doubt
            if key is None and here.__class__ is dict:
                if event.value in here:
                    raise _Doubt
                key = event.value
                continue
            value = event.value
            if not style and value[:1] in MAY_NOT_BE_TEXT:  # most text: no call
                value = plain_value(event)
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
