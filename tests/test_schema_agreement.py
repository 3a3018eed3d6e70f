"""One contract, two views: the JSON Schema editors use and the model `validate` uses.

The schema is generated from the model (`accordtui schema`). A real validator
(`jsonschema`, formats checked) must accept every good file, and must never accept a
hostile file that the model refuses, except for the rules JSON Schema cannot express,
which the schema's root description lists.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from accordtui.agreement import safe_yaml
from accordtui.agreement.errors import AgreementError
from accordtui.agreement.loader import parse_agreement
from accordtui.agreement.schema import DIALECT, SCHEMA_ID, UNEXPRESSED_RULES, agreement_schema
from tests.conftest import DATA

BAD = Path(__file__).parent / "data" / "bad"
COMMITTED = DATA.parent.parent / "schema" / "accord.schema.json"
SCHEMA = agreement_schema()
EXAMPLE = DATA.parent.parent / "schema" / "example.yaml"
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker())
GOOD = DATA.read_text(encoding="utf-8")

UNEXPRESSIBLE = {
    "cross-references": ("unknown person id", "unknown party id", "unknown entry id"),
    "duplicate ids": ("is already used",),
    "forbidden characters": ("text contains", "lone surrogate", "invalid Unicode character"),
    "YAML rules": (
        "anchors and aliases",
        "tag ",
        "directive",
        "tab character",
        "duplicate key",
        "nesting deeper",
        "a date to YAML 1.1",
    ),
    "verbatim-in-release": ("not found in the release", "not only a cut"),
    "quotation marks": ("stands between quotation marks",),
}
"""Each rule the schema cannot express, with the words of the model's errors for it."""

PAGE_DATE = '  page_date: "2024-07-01"'
MUTATIONS = {
    "unix-time-date": ('  page_date: "2024-07-01"', '  page_date: "1719792000"'),
    "unix-time-date-unquoted": ('  page_date: "2024-07-01"', "  page_date: 1719792000"),
    "zero-date": ('  page_date: "2024-07-01"', '  page_date: "0"'),
    "datetime-date": ('  page_date: "2024-07-01"', '  page_date: "2024-07-01T00:00:00Z"'),
    "no-such-day": ('  page_date: "2024-07-01"', '  page_date: "2024-02-30"'),
    "unquoted-date": ('  page_date: "2024-07-01"', "  page_date: 2024-07-01"),
    "null-date": ('  page_date: "2024-07-01"', "  page_date: ~"),
    "null-publisher": ('  page_date: "2024-07-01"', '  publisher: null\n  page_date: "2024-07-01"'),
    "good-url": (PAGE_DATE, f'  url: "https://example.org/communique?id=1#p2"\n{PAGE_DATE}'),
    "url-userinfo": (PAGE_DATE, f'  url: "https://user@example.org/"\n{PAGE_DATE}'),
    "url-port": (PAGE_DATE, f'  url: "https://example.org:70000/"\n{PAGE_DATE}'),
    "url-scheme": (PAGE_DATE, f'  url: "javascript://example.org/%0aalert(1)"\n{PAGE_DATE}'),
    "url-no-host": (PAGE_DATE, f'  url: "https:///path"\n{PAGE_DATE}'),
    "url-final-newline": (PAGE_DATE, f'  url: "https://example.org\\n"\n{PAGE_DATE}'),
    "null-language": ("  language: fr\n", "  language: ~\n"),
    "number-language": ("  language: fr\n", "  language: 1\n"),
    "number-short-name": ('    short_name: "IMT"', "    short_name: 2024"),
    "bool-short-name": ('    short_name: "IMT"', "    short_name: true"),
    "null-name": ('    name: "Institut Mines-Télécom"', "    name: null"),
    "empty-name": ('    name: "Institut Mines-Télécom"', "    name:"),
    "number-id": ("  - id: imt\n", "  - id: 42\n"),
    "upper-id": ("  - id: imt\n", "  - id: IMT\n"),
    "renamed-id": ("  - id: imt\n", "  - id: imt-x\n"),
    "anchored-value": ('    short_name: "IMT"', '    short_name: &s "IMT"'),
    "anchored-key": ('    short_name: "IMT"', '    &k short_name: "IMT"'),
    "line-separator": ('    short_name: "IMT"', '    short_name: "IM\u2028T"'),
    "hangul-filler": ('    short_name: "IMT"', '    short_name: "IM\u3164T"'),
    "variation-selector": ('    short_name: "IMT"', '    short_name: "IMT\ufe0f"'),
    "str-tag": ('    short_name: "IMT"', '    short_name: !!str "IMT"'),
    "capitalised-true": ('    short_name: "IMT"', "    short_name: True"),
}
"""New hostile cases, made from the bundled file at its stable places."""


def mutated(name: str) -> bytes:
    old, new = MUTATIONS[name]
    assert old in GOOD
    return GOOD.replace(old, new, 1).encode()


MAX_ALIASES = 10
HOSTILE = {p.name: p.read_bytes() for p in sorted(BAD.glob("*.yaml"))}
HOSTILE.update({f"mutation:{name}": mutated(name) for name in MUTATIONS})


def editor_view(data: bytes) -> Any:
    """What an editor's YAML 1.2 reading hands the schema, or None if it reads nothing.

    accordtui's reading where it accepts the YAML; else PyYAML's (which expands
    aliases and knows tags), as JSON data.
    """
    try:
        text = safe_yaml.decode(data)
    except safe_yaml.YamlProblem:
        return None
    try:
        node = safe_yaml.compose(text)
        return None if node is None else safe_yaml.to_python(node)
    except safe_yaml.YamlProblem:
        if text.count("*") > MAX_ALIASES:  # an alias bomb: a billion laughs as JSON
            return None
    try:
        loaded = yaml.safe_load(text)
        return json.loads(json.dumps(loaded, default=_json_default))
    except (yaml.YAMLError, TypeError, ValueError, RecursionError):
        return None


def _json_default(value: object) -> str:
    if isinstance(value, datetime.date):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def model_problems(data: bytes) -> list[str] | None:
    try:
        parse_agreement(data, "case.yaml")
    except AgreementError as error:
        return [p.message for p in error.problems]
    return None


def test_the_schema_is_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_the_committed_schema_is_generated_from_the_model() -> None:
    assert json.loads(COMMITTED.read_text(encoding="utf-8")) == SCHEMA


def test_the_schema_lists_what_it_cannot_express() -> None:
    assert UNEXPRESSED_RULES in SCHEMA["description"]
    for rule in UNEXPRESSIBLE:
        assert rule in SCHEMA["description"], rule


GOOD_FILES = {
    "bundled": GOOD.encode(),
    "utf8-bom.yaml": HOSTILE["utf8-bom.yaml"],
    "markup-payloads.yaml": HOSTILE["markup-payloads.yaml"],
    "good-url": mutated("good-url"),
    "example": EXAMPLE.read_bytes(),
}


@pytest.mark.parametrize("data", GOOD_FILES.values(), ids=GOOD_FILES)
def test_good_files_pass_both(data: bytes) -> None:
    assert model_problems(data) is None
    assert list(VALIDATOR.iter_errors(editor_view(data))) == []


@pytest.mark.parametrize("data", HOSTILE.values(), ids=HOSTILE)
def test_the_schema_never_accepts_what_the_model_refuses(data: bytes) -> None:
    problems = model_problems(data)
    instance = editor_view(data)
    if problems is None or instance is None or not VALIDATOR.is_valid(instance):
        return
    words = [w for rule in UNEXPRESSIBLE.values() for w in rule]
    unexplained = [p for p in problems if not any(w in p for w in words)]
    assert unexplained == []


def test_the_issue_s_examples_are_refused_by_both() -> None:
    for name in ("unix-time-date", "zero-date", "datetime-date", "number-short-name", "number-id"):
        data = mutated(name)
        assert model_problems(data) is not None, name
        assert not VALIDATOR.is_valid(editor_view(data)), name


def test_an_unquoted_date_is_refused_by_the_model_and_its_fix_works() -> None:
    """YAML 1.1 readers (ajv behind many editors) see a date, not text: refused by both."""
    (problem,) = model_problems(mutated("unquoted-date"))
    assert "date to YAML 1.1" in problem and "write it in quotes" in problem
    fixed = mutated("unquoted-date").replace(b"page_date: 2024-07-01", b'page_date: "2024-07-01"')
    assert model_problems(fixed) is None
    assert not VALIDATOR.is_valid(yaml.safe_load(mutated("unquoted-date")))


def test_the_schema_names_its_dialect_and_itself() -> None:
    assert SCHEMA["$schema"] == DIALECT == jsonschema.Draft202012Validator.META_SCHEMA["$id"]
    assert SCHEMA["$id"] == SCHEMA_ID


def _properties(schema: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    return {
        (model, name): field
        for model, definition in [*schema["$defs"].items(), ("Agreement", schema)]
        for name, field in definition.get("properties", {}).items()
    }


def test_every_field_says_what_it_means_in_its_own_words() -> None:
    """One description per field; a sentence shared by two different field names is
    boilerplate (a field inherited by several models keeps its one description)."""
    fields = _properties(SCHEMA)
    assert [key for key, field in fields.items() if not field.get("description")] == []
    names_by_text: dict[str, set[str]] = {}
    for (_, name), field in fields.items():
        names_by_text.setdefault(field["description"], set()).add(name)
    assert {text: names for text, names in names_by_text.items() if len(names) > 1} == {}


KEYWORDS = set(jsonschema.Draft202012Validator.VALIDATORS) | {
    "$schema",
    "$id",
    "$defs",
    "$ref",
    "title",
    "description",
    "default",
    "examples",
}


def _keywords(schema: Any, under_properties: bool = False) -> set[str]:
    if isinstance(schema, list):
        return {k for item in schema for k in _keywords(item)}
    if not isinstance(schema, dict):
        return set()
    if under_properties:  # field names, not keywords
        return {k for value in schema.values() for k in _keywords(value)}
    found = set(schema)
    for key, value in schema.items():
        found |= _keywords(value, under_properties=key in ("properties", "$defs"))
    return found


def test_strict_validators_find_nothing_unknown_and_need_no_formats() -> None:
    """As ajv's strict mode: no keyword it does not know; and without a format checker
    (ajv's default) a badly written date is still refused, by its pattern."""
    assert _keywords(SCHEMA) <= KEYWORDS
    plain = jsonschema.Draft202012Validator(SCHEMA)  # formats not asserted
    for date in ("1719792000", "2024-7-1", "2024-07-01T00:00:00Z"):
        instance = editor_view(GOOD.replace('"2024-07-01"', f'"{date}"', 1).encode())
        assert not plain.is_valid(instance), date


@pytest.mark.parametrize("path", [DATA, EXAMPLE], ids=["bundled", "example"])
def test_a_yaml_1_1_reader_s_view_passes_the_schema(path: Path) -> None:
    """What ajv sees behind editors that read YAML 1.1 (js-yaml): the same data."""
    instance = json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8"))))
    assert list(VALIDATOR.iter_errors(instance)) == []
