"""The plain form of a validated agreement: JSON values, and the model back from them.

The validated-file cache keeps this form, which any JSON decoder reads without
running code or building objects other than dicts, lists, strings, numbers and
booleans. The way back builds the model's own classes, field by field as the model
declares them, without validating again: it is only ever given what `dump` wrote,
checked by digest in a folder only the user can write.
"""

from __future__ import annotations

import json
import types
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from functools import cache
from typing import Annotated, Any, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel

from accordtui.agreement.model import Agreement

_Build = Callable[[Any], Any]
_M = TypeVar("_M", bound=BaseModel)
_MISSING = object()
"""A required field's default: its absence makes the plain form unusable."""


class PlainError(ValueError):
    """The plain form does not have the shape the model declares."""


def dump(agreement: Agreement) -> bytes:
    """`{"kinds": {id: kind}, "agreement": …}` as UTF-8 JSON: every field but the absent
    ones (`kinds.MAY_BE_ABSENT`: a null each made the hub file's form twice as long
    to decode), dates ISO, and each entry's kind, which `view` reads it by."""
    return b"".join(
        (
            b'{"kinds":',
            json.dumps(_kinds(agreement), ensure_ascii=False).encode("utf-8"),
            b',"agreement":',
            agreement.model_dump_json(exclude_none=True).encode("utf-8"),
            b"}",
        )
    )


def _kinds(agreement: Agreement) -> dict[str, str]:
    return {item.id: type(item).__name__ for _, item in agreement.entries()}


def dump_lines(agreement: Agreement) -> Iterator[bytes]:
    """The same plain form as lines of JSON, none longer than one top-level field or
    one item of a top-level list: a reader decodes it a line at a time, and no single
    decoding holds its process for long (on a 10,000-item file, the whole form in one
    `json.loads` took 89 ms)."""
    yield _line(["kinds", _kinds(agreement)])
    for name, value in agreement.model_dump(mode="json", exclude_none=True).items():
        if isinstance(value, list):
            yield _line(["list", name])
            yield from (_line(["item", name, item]) for item in value)
        else:
            yield _line(["field", name, value])


def _line(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode("utf-8") + b"\n"


def load_lines(lines: Iterable[bytes]) -> Any:
    """The decoded plain form from the lines `dump_lines` wrote; PlainError otherwise."""
    kinds: object = None
    agreement: dict[str, Any] = {}
    try:
        for line in lines:
            match json.loads(line):
                case ["kinds", dict() as kinds]:
                    pass
                case ["list", str(name)]:
                    agreement[name] = []
                case ["item", str(name), item]:
                    agreement[name].append(item)
                case ["field", str(name), value]:
                    agreement[name] = value
                case _:
                    raise PlainError("not a line of the plain form")
    except (ValueError, KeyError, AttributeError) as error:
        raise PlainError(f"not the plain form of an agreement: {error}") from None
    return {"kinds": kinds, "agreement": agreement}


def load(plain: Any) -> Agreement:
    """The agreement `dump` wrote, from its decoded JSON; PlainError if it is not one."""
    try:
        return _build(Agreement, plain["agreement"])
    except (TypeError, ValueError, KeyError, AttributeError) as error:
        raise PlainError(f"not the plain form of an agreement: {error}") from None


_new = object.__new__
_set = object.__setattr__


def _build(model: type[_M], plain: object) -> _M:
    """An instance set up as `model_construct` would, at half its cost (no checks)."""
    if not isinstance(plain, dict):
        raise PlainError(f"expected an object for {model.__name__}")
    values: dict[str, Any] = {}
    for name, build, default in _plan(model):
        if name in plain:
            value = plain[name]
            values[name] = value if build is None else build(value)
        elif default is _MISSING:
            raise PlainError(f"{model.__name__}.{name} is missing")
        else:
            values[name] = list(default) if isinstance(default, list) else default
    instance = _new(model)
    _set(instance, "__dict__", values)
    _set(instance, "__pydantic_fields_set__", set(plain) & set(values))
    _set(instance, "__pydantic_extra__", None)
    _set(instance, "__pydantic_private__", None)
    return instance


@cache
def _plan(model: type[BaseModel]) -> tuple[tuple[str, _Build | None, object], ...]:
    """Each field of `model`: its name, how to build it from JSON (None: as is), default."""
    return tuple(
        (
            name,
            _builder(info.annotation),
            _MISSING if info.is_required() else info.get_default(call_default_factory=True),
        )
        for name, info in model.model_fields.items()
    )


def _builder(annotation: object) -> _Build | None:
    """How to turn a JSON value into a value of `annotation`; None when JSON's is it."""
    origin = get_origin(annotation)
    if origin is Annotated:
        return _builder(get_args(annotation)[0])
    if origin in (Union, types.UnionType):
        (inner,) = (arg for arg in get_args(annotation) if arg is not type(None))
        build = _builder(inner)
        return None if build is None else (lambda v: None if v is None else build(v))
    if origin is list:
        each = _builder(get_args(annotation)[0])
        return None if each is None else (lambda v: [each(x) for x in v])
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        model = annotation
        return lambda v: _build(model, v)
    if annotation is date:
        return date.fromisoformat
    return None
