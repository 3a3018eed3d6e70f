"""No value is coerced: what the file says is what is validated, or a located error.

Each case of issue 10 that pydantic's lax mode used to accept (Unix times as dates,
`yes`/"true"/1 as booleans, numbers as names or ids, `null` as the text "null").
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from pydantic import ValidationError

from accordtui.agreement import safe_yaml
from accordtui.agreement.errors import AgreementError, Problem
from accordtui.agreement.loader import parse_agreement
from accordtui.agreement.model import Agreement, Link
from tests.conftest import DATA

GOOD = DATA.read_text(encoding="utf-8")
PAGE_DATE = '  page_date: "2024-07-01"'
SHORT_NAME = '    short_name: "IMT"'
NAME = '    name: "Institut Mines-Télécom"'


def replace(old: str, new: str) -> str:
    assert old in GOOD
    return GOOD.replace(old, new, 1)


def load(text: str) -> Agreement:
    return parse_agreement(text.encode(), "a.yaml")


def problem_at(text: str, path: str) -> Problem:
    with pytest.raises(AgreementError) as caught:
        load(text)
    found = [p for p in caught.value.problems if p.path == path]
    assert found, [str(p) for p in caught.value.problems]
    return found[0]


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


@pytest.mark.parametrize(
    "value",
    [
        '"1719792000"',
        "1719792000",
        '"0"',
        "0",
        '"2024-07-01T00:00:00Z"',
        "2024-7-1",
        '"2024-02-30"',
    ],
)
def test_a_date_is_yyyy_mm_dd_and_nothing_else(value: str) -> None:
    text = replace(PAGE_DATE, f"  page_date: {value}")
    problem = problem_at(text, "publication.page_date")
    assert "YYYY-MM-DD" in problem.message or "no such day" in problem.message
    assert problem.line == line_of(text, "page_date:")


@pytest.mark.parametrize("value", ['"2024-07-01"', "'2024-07-01'"])
def test_a_date_is_quoted(value: str) -> None:
    agreement = load(replace(PAGE_DATE, f"  page_date: {value}"))
    assert agreement.publication.page_date == date(2024, 7, 1)


@pytest.mark.parametrize("value", ["2024-07-01", "2024-7-1 12:30:00"])
def test_an_unquoted_date_is_refused_where_it_stands(value: str) -> None:
    """YAML 1.1 readers, behind many editors' schema checks, read it as a date."""
    text = replace(PAGE_DATE, f"  page_date: {value}")
    with pytest.raises(AgreementError) as caught:
        load(text)
    (problem,) = caught.value.problems
    assert "write it in quotes" in problem.message
    assert (problem.line, problem.column) == (line_of(text, "page_date:"), 14)
    assert problem.path == "publication.page_date"  # was none: the only unnamed field


def link(inferred: str) -> Any:
    node = safe_yaml.compose(f"to: imt\ninferred: {inferred}\n")
    assert node is not None
    return Link.model_validate(safe_yaml.to_python(node))


@pytest.mark.parametrize("value", ["yes", '"true"', "1", "on", "'false'", "0", "y"])
def test_a_boolean_is_true_or_false_only(value: str) -> None:
    with pytest.raises(ValidationError) as caught:
        link(value)
    assert caught.value.errors()[0]["type"] == "bool_type"


@pytest.mark.parametrize("value", ["True", "FALSE", "Null"])
def test_capitalised_keywords_are_refused_with_their_place(value: str) -> None:
    with pytest.raises(safe_yaml.YamlProblem) as caught:
        link(value)
    assert caught.value.line == 2 and "lowercase" in caught.value.message


def test_true_and_false_are_booleans() -> None:
    assert link("true").inferred is True and link("false").inferred is False


@pytest.mark.parametrize(
    ("old", "new", "path"),
    [
        (SHORT_NAME, "    short_name: 2024", "parties[0].short_name"),
        (SHORT_NAME, "    short_name: 1e3", "parties[0].short_name"),
        (SHORT_NAME, "    short_name: true", "parties[0].short_name"),
        ("  - id: imt\n", "  - id: 42\n", "parties[0].id"),
    ],
)
def test_a_number_where_text_is_expected_says_write_it_in_quotes(
    old: str, new: str, path: str
) -> None:
    text = replace(old, new)
    problem = problem_at(text, path)
    assert "expected text" in problem.message
    assert problem.line == line_of(text, new.strip())
    if "true" not in new:
        assert "write it in quotes" in problem.message


def test_quoted_numbers_are_text() -> None:
    node = safe_yaml.compose("a: \"2024\"\nb: '1e3'\nc: |\n  42\n")
    assert node is not None
    assert safe_yaml.to_python(node) == {"a": "2024", "b": "1e3", "c": "42\n"}


@pytest.mark.parametrize("value", ["null", "~", ""])
def test_null_leaves_out_an_optional_field(value: str) -> None:
    agreement = load(replace(PAGE_DATE, f"  publisher: {value}\n{PAGE_DATE}"))
    assert agreement.publication.publisher is None
    agreement = load(replace("  language: fr\n", f"  language: {value}\n"))
    assert agreement.publication.language == "fr"


@pytest.mark.parametrize("value", ["null", "~", ""])
def test_null_is_a_located_error_where_a_field_is_required(value: str) -> None:
    text = replace(NAME, f"    name: {value}")
    problem = problem_at(text, "parties[0].name")
    assert "expected text; got nothing" in problem.message
    assert problem.line == line_of(text, f"    name: {value}\n")


def test_null_is_never_the_text_null() -> None:
    text = replace(PAGE_DATE, f"  publisher: null\n{PAGE_DATE}")
    assert "null" not in repr(load(text).publication)


@pytest.mark.parametrize(
    "value",
    ["https://www.inria.fr/fr/accord?x=1#a", "http://127.0.0.1:8080/", "https://[::1]:443/"],
)
def test_the_release_address_is_kept_as_written(value: str) -> None:
    agreement = load(replace(PAGE_DATE, f'  url: "{value}"\n{PAGE_DATE}'))
    assert agreement.publication.url == value


@pytest.mark.parametrize(
    "value",
    [
        "ftp://example.org/",
        "HTTPS://example.org/",
        "javascript:alert(1)",
        "https://",
        "https://user:secret@example.org/",
        "https://example.org/a page",
        "https://example.org:99999/",
        "https:\\\\\\\\example.org",
        "www.example.org",
        "42",
    ],
)
def test_the_release_address_is_an_http_address_or_a_located_error(value: str) -> None:
    text = replace(PAGE_DATE, f'  url: "{value}"\n{PAGE_DATE}')
    problem = problem_at(text, "publication.url")
    assert "expected a web address starting http:// or https://" in problem.message
    assert problem.line == line_of(text, "  url:")
    assert "secret" not in str(problem)
