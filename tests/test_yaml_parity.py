"""One YAML reading with or without libyaml, and no anchor or alias anywhere.

Every input of the vendored YAML test suite and of the hostile corpus goes through
`safe_yaml` twice, with libyaml and with pure-Python PyYAML: both must accept it
with the same value, or both refuse it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from yaml.events import ScalarEvent

from accordtui.agreement import safe_yaml
from accordtui.agreement.loader import bundled_path
from accordtui.agreement.safe_yaml import YamlProblem
from accordtui.agreement.safe_yaml.values import MAY_NOT_BE_TEXT, plain_value

DATA = Path(__file__).parent / "data"
SUITE = DATA / "yaml-test-suite"
SUITE_CASES = sorted(SUITE.glob("*/in.yaml")) + sorted(SUITE.glob("*/*/in.yaml"))
HOSTILE = sorted((DATA / "bad").glob("*.yaml"))
LIBYAML = safe_yaml.loader_class()
PURE = safe_yaml.loader_class(pure=True)


def verdict(data: bytes, loader: type[Any]) -> tuple[str, object]:
    """`("ok", value)` or `("refused", None)`: what a user of either parser gets."""
    try:
        node = safe_yaml.compose(safe_yaml.decode(data), loader)
        return "ok", None if node is None else repr(safe_yaml.to_python(node))  # NaN != NaN
    except YamlProblem:
        return "refused", None


def case_id(path: Path) -> str:
    return str(path.parent.relative_to(SUITE)) if path.name == "in.yaml" else path.name


def test_libyaml_is_there_to_compare() -> None:
    assert LIBYAML is not PURE and issubclass(LIBYAML, yaml.CSafeLoader)


def test_the_vendored_suite_is_whole() -> None:
    assert len(SUITE_CASES) == 402
    assert "6ad3d2c62885d82fc349026c136ef560838fdf3d" in (SUITE / "README.md").read_text()
    assert "MIT License" in (SUITE / "LICENSE").read_text()


@pytest.mark.parametrize("path", SUITE_CASES + HOSTILE, ids=case_id)
def test_same_verdict_with_and_without_libyaml(path: Path) -> None:
    data = path.read_bytes()
    assert verdict(data, LIBYAML) == verdict(data, PURE)


LENIENT_ON_BOTH = {"9C9N", "9JBA", "CVW2", "G5U8", "QB6E", "S98Z", "SU5Z", "YJV2"}
"""Invalid YAML 1.2 that both parsers read alike (flow indentation, comments glued to
a value, a lone '-' in flow, an empty folded scalar): a value, never a surprise."""


def test_the_suite_s_error_cases_are_refused_but_a_known_few() -> None:
    accepted = {
        case_id(path)
        for path in SUITE_CASES
        if (path.parent / "error").exists() and verdict(path.read_bytes(), PURE)[0] == "ok"
    }
    assert accepted == LENIENT_ON_BOTH


def refusal(text: str, loader: type[Any]) -> YamlProblem:
    with pytest.raises(YamlProblem) as caught:
        node = safe_yaml.compose(text, loader)
        assert node is not None
        safe_yaml.to_python(node)
    return caught.value


ANCHORS_AND_ALIASES = {
    "anchored key, aliased value": 'kind: {&k fr: "x", en: *k}\n',
    "aliased key": "a: &k b\n*k : c\n",
    "anchored key alone": "&k fr: x\n",
    "anchored value alone": "fr: &v x\n",
    "anchored list": "a: &l [x]\n",
    "anchor on an empty value": "a: &e\nb: c\n",
}


@pytest.mark.parametrize("loader", [LIBYAML, PURE], ids=["libyaml", "pure"])
@pytest.mark.parametrize("text", ANCHORS_AND_ALIASES.values(), ids=ANCHORS_AND_ALIASES)
def test_anchors_and_aliases_are_refused_everywhere(text: str, loader: type[Any]) -> None:
    problem = refusal(text, loader)
    assert "anchors and aliases are not allowed" in problem.message
    assert problem.line is not None and problem.column is not None


@pytest.mark.parametrize("case", ["26DV", "E76Z", "HMQ5"])
def test_suite_cases_with_aliased_keys_are_refused(case: str) -> None:
    data = (SUITE / case / "in.yaml").read_bytes()
    assert verdict(data, LIBYAML) == verdict(data, PURE) == ("refused", None)


@pytest.mark.parametrize("loader", [LIBYAML, PURE], ids=["libyaml", "pure"])
def test_an_alias_is_located_where_it_is_used(loader: type[Any]) -> None:
    problem = refusal('kind: {&k fr: "x",\n  en: *k}\n', loader)
    assert "alias '*k' of the anchor at line 1" in problem.message
    assert (problem.line, problem.column) == (2, 7)


SPELLINGS = {
    "directive": "%YAML 1.1\n---\na: b\n",
    "unknown directive": "%FOO bar\n---\na: b\n",
    "tag": "a: !!str b\n",
    "empty tagged key": "{!!str : bar}\n",
    "tab": "a:\tb\n",
    "question mark in flow": "a: [b?c]\n",
    "colon before a comma in flow": "{a:, b: c}\n",
    "comment glued to a block header": "a: >#c\n  x\n",
    "escaped lone surrogate": 'a: "\\ud800"\n',
}


@pytest.mark.parametrize("loader", [LIBYAML, PURE], ids=["libyaml", "pure"])
@pytest.mark.parametrize("text", SPELLINGS.values(), ids=SPELLINGS)
def test_spellings_read_differently_are_refused_by_both(text: str, loader: type[Any]) -> None:
    assert refusal(text, loader).line is not None


def outcome(text: str, compose: Any) -> tuple[str, object]:
    """The value read, or the exact problem: message and place."""
    try:
        node = compose(text)
        return "ok", None if node is None else repr(safe_yaml.to_python(node))
    except YamlProblem as problem:
        return "refused", (problem.message, problem.line, problem.column)


MIXED = {
    "anchor after a later syntax error": "a: &x b\nc: [d\n",
    "alias before a duplicate key": "a: &x b\nc: *x\na: d\n",
    "tag deep in a list": "a:\n  - b\n  - - !!str c\n",
    "anchor on a flow mapping": "a: &m {b: c}\n",
    "French exclamations": "a: « Bravo ! »\nb: R & D\nc: '!x'\n",
    "percent in text": "a: 50 %\nb: |\n  %x\n",
    "flow keys": "{a?: b, c: [d, e:f]}\n",
    "block header with indicator": "a: |2-\n   x\n",
    "anchor after a second BOM": "\ufeff\ufeff&a x\n",
    "tag after a second BOM": "\ufeff\ufeffa: !!str b\n",
    "directive after a second BOM": "\ufeff\ufeff%YAML 1.2\n---\na: b\n",
    "block scalar after a second BOM": "\ufeff\ufeffa: |-\n x\n",
    "anchor after a third BOM": "\ufeff\ufeff\ufeff&a x\n",
    "tag after a third BOM": "\ufeff\ufeff\ufeff!x y\n",
    "directive after a third BOM": "\ufeff\ufeff\ufeff%TAG !e! tag:x,2000:\n---\na\n",
    "alias after a third BOM": "\ufeff\ufeff\ufeff- [&a]\n-\n  x y:\n    null: *a\n",
    "block scalar after a fourth BOM": "\ufeff\ufeff\ufeff\ufeffa: |-\n x\n",
}


ONE_READ_CASES = {
    **{case_id(path): path.read_bytes() for path in SUITE_CASES + HOSTILE},
    **{name: text.encode() for name, text in ANCHORS_AND_ALIASES.items()},
    **{name: text.encode() for name, text in SPELLINGS.items()},
    **{name: text.encode() for name, text in MIXED.items()},
}


def token_by_token(text: str) -> object:
    """The reference read: every token checked against the rules, then composed."""
    return safe_yaml._compose_token_by_token(safe_yaml._prepared(text), LIBYAML)


def decoded_or_none(text: bytes) -> str | None:
    """The case's text, or None when `decode` refuses it (no YAML read to compare)."""
    try:
        return safe_yaml.decode(text)
    except YamlProblem:
        return None


@pytest.mark.parametrize("text", ONE_READ_CASES.values(), ids=ONE_READ_CASES)
def test_one_read_gives_what_two_reads_give(text: bytes) -> None:
    """libyaml composes first and reads token by token only when a rule could apply:
    the value, or the first problem and its place, are those of the token-by-token read."""
    decoded = decoded_or_none(text)
    if decoded is None:
        return
    exact = outcome(decoded, token_by_token)
    assert outcome(decoded, safe_yaml.compose) == exact


@pytest.mark.parametrize("text", ONE_READ_CASES.values(), ids=ONE_READ_CASES)
def test_values_from_events_are_those_of_the_nodes(text: bytes) -> None:
    """`load` builds values from libyaml's events and reads nodes only in doubt: the
    values, or the first problem and its place, are those of the token-by-token read."""
    decoded = decoded_or_none(text)
    if decoded is None:
        return
    state, exact = outcome(decoded, token_by_token)
    try:
        loaded: tuple[str, object] = ("ok", repr(safe_yaml.load(decoded)))
    except YamlProblem as problem:
        loaded = ("refused", (problem.message, problem.line, problem.column))
    assert loaded == (state, repr(None) if exact is None else exact)


def test_values_from_events_need_no_nodes(monkeypatch: pytest.MonkeyPatch) -> None:
    """The bundled agreement is read in one pass over libyaml's events."""

    def no_nodes(*args: object) -> None:
        raise AssertionError("nodes were composed")

    monkeypatch.setattr(safe_yaml, "compose", no_nodes)
    value = safe_yaml.load(safe_yaml.decode(bundled_path().read_bytes()))
    assert isinstance(value, dict) and value["release"]


@pytest.mark.parametrize("loader", [LIBYAML, PURE], ids=["libyaml", "pure"])
@pytest.mark.parametrize("boms", [2, 3, 4])
def test_leading_boms_are_skipped_as_libyaml_skips_them(loader: type[Any], boms: int) -> None:
    """Found by fuzzing: libyaml leaves a leading BOM out of its marks, so the rules read
    the text one character early (a block scalar was refused, an anchor let through);
    with three BOMs in the bytes, also an alias bomb of 402 bytes took 6 s."""
    text = safe_yaml.decode(("\ufeff" * boms + "a: |-\n x\n").encode())
    node = safe_yaml.compose(text, loader)
    assert node is not None and safe_yaml.to_python(node) == {"a": "x"}
    assert safe_yaml.load(text) == {"a": "x"}
    problem = refusal(safe_yaml.decode(("\ufeff" * boms + "a: &x b\n").encode()), loader)
    assert "anchors and aliases are not allowed" in problem.message
    assert (problem.line, problem.column) == (1, 4)
    with pytest.raises(YamlProblem, match="anchors and aliases are not allowed"):
        safe_yaml.load(safe_yaml.decode(("\ufeff" * boms + "a: &x b\n").encode()))


def test_only_scalars_starting_with_a_listed_character_are_read_as_other_than_text() -> None:
    """`load` skips `plain_value` for a first character not in `MAY_NOT_BE_TEXT`."""
    endings = ("", "1", "0", ".5", "e3", "rue", "alse", "ull", "ULL", "RUE", "ALSE", "rue ")
    for code in [*range(0x21, 0x7F), 0xE9, 0x2019]:
        if chr(code) in MAY_NOT_BE_TEXT:
            continue
        for ending in endings:
            text = chr(code) + ending
            assert plain_value(ScalarEvent(None, None, (True, False), text)) == text
