"""The JSON Schema of agreement files, as editors and other validators read it.

Generated from the model, so the two cannot drift; `schema/accord.schema.json` is a
copy a test keeps current.
"""

from __future__ import annotations

import ast
import inspect
import itertools
import json
import re
import textwrap
from collections.abc import Iterator
from functools import cache
from typing import Any, get_args

from pydantic import BaseModel

from accordtui.agreement.model import Agreement
from accordtui.agreement.quoting import QUOTING_RULE

DIALECT = "https://json-schema.org/draft/2020-12/schema"
FORMAT = "0.2"
"""The version of the file format; it names the schema."""
SCHEMA_ID = f"urn:accordtui:agreement:{FORMAT}"
"""A name, not an address: editors find the schema through the file's editor line."""
SCHEMA_FILE = "accord.schema.json"
"""The name `accordtui schema -o` suggests, beside the agreement files."""


UNEXPRESSED_RULES = (
    "Rules this JSON Schema cannot express, checked only by `accordtui validate`: "
    "cross-references (speakers, signatories, parties, links name existing entries); "
    "duplicate ids; forbidden characters (control, bidi, invisible, default-ignorable: "
    "every text must be visible, non-empty text); YAML rules (no aliases, anchors, tags, "
    "directives, tabs or duplicate keys; nesting at most 32 deep; a date in quotes); "
    "verbatim-in-release (the quoting rule); a quote's text without quotation marks "
    "around it (the program adds them). "
    "An empty value, ~ or null is accepted where a field may be left out."
)
"""Listed in the schema's root description, after the quoting rule."""


def editor_line(schema_path: str = SCHEMA_FILE) -> str:
    """The first line of an agreement file that points editors (yaml-language-server:
    VS Code, Neovim, Helix, …) at the schema; a relative path is read from the file's
    folder."""
    return f"# yaml-language-server: $schema={schema_path}"


def agreement_schema() -> dict[str, Any]:
    """The schema, with its dialect and its name first, and each field described by its
    docstring in the model."""
    schema = Agreement.model_json_schema()
    schema["description"] += f"\n\n{QUOTING_RULE}\n\n{UNEXPRESSED_RULES}"
    models = {m.__name__: m for m in _models(Agreement)}
    for name, definition in [*schema["$defs"].items(), (Agreement.__name__, schema)]:
        docs = field_docs(models[name])
        for field, properties in definition.get("properties", {}).items():
            if field in docs:
                properties["description"] = docs[field]
    return {"$schema": DIALECT, "$id": SCHEMA_ID, **_unwrapped(schema)}


def _models(model: type[BaseModel]) -> Iterator[type[BaseModel]]:
    """`model` and every model its fields hold, however deep."""
    yield model
    for field in model.model_fields.values():
        for kind in _types_in(field.annotation):
            if isinstance(kind, type) and issubclass(kind, BaseModel) and kind is not model:
                yield from _models(kind)


def _types_in(annotation: object) -> Iterator[object]:
    yield annotation
    for argument in get_args(annotation):
        yield from _types_in(argument)


def field_docs(model: type[BaseModel]) -> dict[str, str]:
    """The docstring under each field of `model` and of the models it inherits from.

    Read here, when the schema is made: pydantic's `use_attribute_docstrings` would
    read the sources at the program's first validation (~100 ms).
    """
    docs: dict[str, str] = {}
    for cls in reversed(model.__mro__):
        if issubclass(cls, BaseModel) and cls.__module__ == model.__module__:
            body = ast.parse(textwrap.dedent(inspect.getsource(cls))).body[0]
            assert isinstance(body, ast.ClassDef)
            for node, after in itertools.pairwise(body.body):
                text = _docstring(after)
                if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and text:
                    docs[node.target.id] = inspect.cleandoc(text)
    return docs


def _docstring(node: ast.stmt) -> str | None:
    if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
        return node.value.value if isinstance(node.value.value, str) else None
    return None


_LINE_BREAK = re.compile(r"(?<!\n)\n(?!\n)")


def _unwrapped(value: Any) -> Any:
    """Descriptions without the line breaks of the docstrings they come from (a blank
    line between paragraphs stays)."""
    if isinstance(value, dict):
        return {
            key: _LINE_BREAK.sub(" ", item)
            if key == "description" and isinstance(item, str)
            else _unwrapped(item)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [_unwrapped(item) for item in value]
    return value


@cache
def schema_text() -> str:
    """The schema as `accordtui schema` writes it."""
    return json.dumps(agreement_schema(), indent=2, ensure_ascii=False) + "\n"
