"""An agreement file's bytes to a validated model, or every problem placed in the file.

Only a file that is not in the validated-file cache is parsed: a cached start does not
import the YAML parser.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator, Sequence
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from accordtui.agreement.errors import AgreementError, Problem, format_path, shown
from accordtui.agreement.model import Agreement
from accordtui.agreement.progress import Progress
from accordtui.agreement.references import DUPLICATE
from accordtui.agreement.safe_yaml import YamlProblem, compose, decode, load


def parse(data: bytes, name: str, progress: Progress | None = None) -> Agreement:
    """The validated agreement in `data`, or AgreementError naming every problem, placed.

    Problems come in the order a reader meets them: the YAML's syntax and rules, a top
    level that is not a mapping, its values, the 0.1 format, then the schema's.
    `progress` follows the YAML read, then the validation.
    """
    progress = progress or Progress()
    try:
        raw = _mapping(data, progress)
    except YamlProblem as problem:
        path = _path_at(data, problem.line, problem.column)
        raise AgreementError(
            [Problem(name, problem.message, problem.line, problem.column, path)]
        ) from None
    if "release" not in raw:  # perhaps a 0.1 file: its old keys are placed from the nodes
        root = compose(decode(data))
        format_1 = _format_1_problems(name, root) if isinstance(root, MappingNode) else []
        if format_1:
            raise AgreementError(format_1)
    progress.begin("validating")
    try:
        return Agreement.model_validate(raw)
    except ValidationError as error:
        root = compose(decode(data))  # the nodes are read only now, to place each problem
        if root is None:  # cannot be: the values held a mapping
            raise
        problems = [_locate(name, root, e) for e in error.errors(include_url=False)]
        raise AgreementError(problems) from None


def _mapping(data: bytes, progress: Progress) -> dict[str, Any]:
    """The file's top-level mapping of values; nodes are read only to refuse the file."""
    text = decode(data)
    progress.begin("reading", len(text))
    try:
        raw = load(text, progress.at)
    except YamlProblem as problem:  # a problem inside a list or a single value: the top
        raise _not_a_mapping(compose(text)) or problem from None  # level is named first
    if isinstance(raw, dict):
        return raw
    raise _not_a_mapping(compose(text)) or YamlProblem("top level is not a mapping")


def _not_a_mapping(root: Node | None) -> YamlProblem | None:
    """What is wrong with a top level that is not a mapping; None for a mapping."""
    if isinstance(root, MappingNode):
        return None
    if root is None or (isinstance(root, ScalarNode) and not root.value.strip()):
        return YamlProblem("file has no content; expected a mapping with title, parties, …")
    kind = "a list" if isinstance(root, SequenceNode) else "a single value"
    return YamlProblem(f"top level is {kind}; expected a mapping", *_mark(root))


def _path_at(data: bytes, line: int | None, column: int | None) -> str:
    """The field path of the value a YAML problem stands at (an unquoted date, a
    keyword), like every other problem's; none where the YAML does not read as nodes."""
    try:
        root = compose(decode(data))
    except YamlProblem:
        return ""
    found = _loc_of(root, (line, column), ()) if root is not None else None
    return format_path(found) if found else ""


def _loc_of(
    node: Node, at: tuple[int | None, int | None], loc: tuple[str | int, ...]
) -> tuple[str | int, ...] | None:
    if isinstance(node, ScalarNode):
        return loc if _mark(node) == at else None
    children: list[tuple[str | int, Node]] = []
    if isinstance(node, MappingNode):
        children = [(k.value, v) for k, v in node.value if isinstance(k, ScalarNode)]
    elif isinstance(node, SequenceNode):
        children = list(enumerate(node.value))
    for part, child in children:
        found = _loc_of(child, at, (*loc, part))
        if found:
            return found
    return None


def _mark(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _locate(name: str, root: Node, error: ErrorDetails) -> Problem:
    loc = error["loc"]
    node, key = _walk(root, loc)
    at = key if error["type"] == "extra_forbidden" and key is not None else node
    line, column = _mark(at)
    message = _message(error)
    if error["type"] == "duplicate_id":  # where it was first used: its line too
        first = error["ctx"]["first"]
        where = f" (first at line {place(root, first)[0]}, `{format_path(first)}`)"
        message = DUPLICATE.format(ref=error["ctx"]["ref"], where=where)
    return Problem(name, message, line, column, format_path(loc))


def place(root: Node, loc: Sequence[str | int]) -> tuple[int, int]:
    """Line and column of the value at `loc`, or of the nearest field on its way."""
    return _mark(_walk(root, loc)[0])


def _walk(root: Node, loc: Sequence[str | int]) -> tuple[Node, Node | None]:
    """Follow a pydantic location through the node tree as far as it exists."""
    node, key = root, None
    for part in loc:
        if isinstance(node, MappingNode):
            match = next((kv for kv in node.value if kv[0].value == part), None)
            if match is None:
                break
            key, node = match
        elif isinstance(node, SequenceNode) and isinstance(part, int) and part < len(node.value):
            node, key = node.value[part], None
        else:
            break
    return node, key


def _kind(value: object) -> str:
    """What the YAML holds, in words, without echoing it."""
    if value is None:
        return "nothing (an empty value, ~ or null leaves out only an optional field)"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, dict):
        return "a mapping"
    return "a list" if isinstance(value, list) else "text"


def _message(error: ErrorDetails) -> str:
    kind, loc, value = error["type"], error["loc"], error.get("input")
    if kind == "missing":
        return _missing(loc)
    if kind == "extra_forbidden":
        allowed = ", ".join(_fields_at(loc[:-1]))
        return f"unknown field {shown(str(loc[-1]))}; expected one of: {allowed}"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"expected a mapping with {', '.join(_fields_at(loc))}; got {_kind(value)}"
    if kind == "list_type":
        return f"expected a list; got {_kind(value)}"
    if kind == "string_type" and isinstance(value, int | float):
        return f"expected text; got {_kind(value)}: write it in quotes to make it text"
    if kind == "string_type":
        return f"expected text; got {_kind(value)}"
    if kind == "bool_type":
        return f"expected true or false, unquoted; got {_kind(value)}"
    if kind == "string_pattern_mismatch":
        return "expected an id of lowercase letters, digits and hyphens (at most 64)"
    if kind == "date_format":
        return f"expected a date written YYYY-MM-DD; got {_kind(value)}"
    return _lower_first(error["msg"])


_FORMAT_1_KEYS = {
    "summary": "the summary is the `lead` entry, whole sentences of the release",
    "goals": "shared goals are a group of `themes`, under the release's subheading for them",
    "projects": "projects are entries of a `themes` group",
    "context": "context is the `overview` list of groups",
}
"""Top-level keys of the 0.1 format, and what replaced each."""


def _format_1_problems(name: str, root: MappingNode) -> list[Problem]:
    """One located line per 0.1-only key, instead of dozens of field errors.

    A 0.1 file has one of these keys and no `release`, which 0.2 requires.
    """
    keys = {k.value: k for k, _ in root.value if isinstance(k, ScalarNode)}
    if "release" in keys:
        return []
    return [
        Problem(
            name,
            f"this file is in the format of accordtui 0.1; since 0.2 {what}, and `release` "
            "holds the release's paragraphs (see the README, 'Agreement files')",
            *_mark(keys[key]),
            key,
        )
        for key, what in _FORMAT_1_KEYS.items()
        if key in keys
    ]


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _missing(loc: Sequence[str | int]) -> str:
    """A missing field whose values are a closed set names them, and when each applies
    (the first sentence of the field's docstring), so the author knows what to write."""
    name, model = str(loc[-1]), _model_at(loc[:-1])
    message = f"missing required field '{name}'"
    field = model.model_fields.get(name) if model else None
    values = _closed_set(field.annotation) if field else []
    if model is None or not values:
        return message
    from accordtui.agreement.schema import field_docs  # reads sources: only when needed

    when = " ".join(field_docs(model).get(name, "").split()).split(". ")[0].rstrip(".")
    writes = " or ".join(f"`{name}: {value}`" for value in values)
    return f"{message}; write {writes}" + (f" ({when})" if when else "")


def _closed_set(annotation: Any) -> list[str]:
    """The values a field takes, as written in YAML, when they are a closed set."""
    for candidate in _unwrap(annotation):
        if candidate is bool:
            return ["false", "true"]
        if typing.get_origin(candidate) is typing.Literal:
            return [str(value) for value in typing.get_args(candidate)]
    return []


def _fields_at(loc: Sequence[str | int]) -> list[str]:
    """The field names the schema allows at `loc`, for 'expected …' messages."""
    model = _model_at(loc)
    return list(model.model_fields) if model else []


def _model_at(loc: Sequence[str | int]) -> type[BaseModel] | None:
    model: type[BaseModel] | None = Agreement
    for part in loc:
        if isinstance(part, int) or model is None:
            continue
        field = model.model_fields.get(part)
        model = _model_in(field.annotation) if field else None
    return model


def _model_in(annotation: Any) -> type[BaseModel] | None:
    for candidate in _unwrap(annotation):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None


def _unwrap(annotation: Any) -> Iterator[Any]:
    yield annotation
    origin = typing.get_origin(annotation)
    if origin in (list, typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            yield from _unwrap(arg)
