"""One test per class of bad input: each names the line, the column and the field."""

from __future__ import annotations

import codecs
import subprocess
import sys
from pathlib import Path

import pytest

from accordtui.agreement import safe_yaml
from accordtui.agreement.errors import AgreementError, Problem
from accordtui.agreement.loader import load_agreement, parse_agreement
from tests.conftest import DATA

GOOD = DATA.read_text(encoding="utf-8")


def problems(content: str | bytes, name: str = "a.yaml") -> list[Problem]:
    data = content.encode() if isinstance(content, str) else content
    with pytest.raises(AgreementError) as caught:
        parse_agreement(data, name)
    return list(caught.value.problems)


def only(content: str | bytes) -> Problem:
    found = problems(content)
    assert len(found) == 1, found
    return found[0]


def replace(old: str, new: str) -> str:
    assert old in GOOD
    return GOOD.replace(old, new, 1)


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_bundled_file_loads() -> None:
    agreement = load_agreement(DATA)
    assert agreement.parties[0].short_name == "IMT"


def test_duplicate_top_level_key() -> None:
    problem = only(GOOD + "title: again\n")
    assert problem.line == GOOD.count("\n") + 1
    assert "duplicate key 'title'" in problem.message
    assert f"first at line {line_of(GOOD, 'title:')}" in problem.message


def test_duplicate_nested_key() -> None:
    text = replace('    short_name: "IMT"\n', '    short_name: "IMT"\n    short_name: "X"\n')
    problem = only(text)
    assert problem.line == line_of(text, 'short_name: "X"')
    assert problem.column == 5


def test_a_duplicate_id_says_where_it_was_first_used() -> None:
    text = replace("  - id: sportisse\n", "  - id: gauthier\n")
    problem = only(text)
    assert problem.line == text[: text.rindex("  - id: gauthier\n")].count("\n") + 1
    first = line_of(text, "  - id: gauthier\n")
    assert problem.message == (
        f"id 'gauthier' is already used (first at line {first}, `quotes[0].id`); "
        "expected an id unique in the file"
    )


def test_alias_is_refused_where_it_is_used() -> None:
    text = replace("  witnesses: [loic-duflot]", "  witnesses: &w [loic-duflot]\n  other: *w")
    problem = only(text)
    assert "alias" in problem.message
    assert problem.line == line_of(text, "other:")


def test_alias_bomb_is_refused_fast() -> None:
    bomb = "a: &a [x,x,x,x,x,x,x,x,x]\n" + "".join(
        f"{c}: &{c} [{','.join(['*' + p] * 9)}]\n"
        for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    )
    assert "alias" in only(bomb).message


def test_deep_nesting_is_bounded() -> None:
    assert "nesting" in only("a: " + "[" * 5000 + "]" * 5000).message
    block = "".join("  " * i + "k:\n" for i in range(100))
    problem = only(block)
    assert "nesting deeper than" in problem.message and problem.line is not None


def test_deep_nesting_is_bounded_without_libyaml(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(safe_yaml, "_Loader", safe_yaml.loader_class(pure=True))
    problem = only("a: " + "[" * 5000 + "]" * 5000)
    assert "nesting deeper than" in problem.message
    assert (problem.line, problem.column) == (1, 4 + safe_yaml.MAX_DEPTH - 1)


@pytest.mark.parametrize("value", ["no", "on", "yes", "12:30:00", "0o8", "1_000"])
def test_yaml_11_values_stay_text(value: str) -> None:
    text = replace('    en: "Bercy"', f"    en: {value}")
    agreement = parse_agreement(text.encode(), "a.yaml")
    assert agreement.signing.place.en == value


def test_page_date_must_be_a_date() -> None:
    text = replace('  page_date: "2024-07-01"', "  page_date: 01/07/2024")
    problem = only(text)
    assert problem.path == "publication.page_date"
    assert problem.line == line_of(text, "page_date:")


def test_unknown_key_points_at_the_key_and_lists_the_allowed_ones() -> None:
    text = replace("    speaker: odile-gauthier", "    speeker: odile-gauthier")
    found = problems(text)
    unknown = next(p for p in found if "unknown field" in p.message)
    assert unknown.path == "quotes[0].speeker"
    assert unknown.line == line_of(text, "speeker")
    assert "speaker" in unknown.message and "attribution" in unknown.message
    missing = next(p for p in found if "missing" in p.message)
    assert missing.path == "quotes[0].speaker"


def test_wrong_type_names_what_was_expected() -> None:
    text = replace("  signatories: [odile-gauthier, bruno-sportisse]", "  signatories: odile")
    problem = only(text)
    assert problem.path == "signing.signatories"
    assert "expected a list" in problem.message


def test_dangling_reference_is_located() -> None:
    text = replace("    speaker: bruno-sportisse", "    speaker: bruno")
    problem = only(text)
    assert problem.path == "quotes[1].speaker"
    assert problem.line == line_of(text, "speaker: bruno\n")
    assert "unknown person id 'bruno'" in problem.message


def test_control_characters_in_text_are_located() -> None:
    text = replace('  place:\n    fr: "Bercy"', '  place:\n    fr: "Bercy\\e]52;c;aGk=\\a"')
    problem = only(text)
    assert problem.path == "signing.place.fr"
    assert "U+001B" in problem.message
    assert "aGk" not in str(problem)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "no content"),
        (b"---\n", "no content"),
        (b"- a\n", "top level is a list"),
        (b"hello\n", "top level is a single value"),
        # the top level is named before a problem in the values it holds (found in review)
        (b"True\n", "top level is a single value"),
        (b"- True\n", "top level is a list"),
        (b"- a: 1\n  a: 2\n", "top level is a list"),
        (b"- {[a]: 1}\n", "top level is a list"),
        (b"- [\n", "invalid YAML"),
        ("a: b".encode("utf-16"), "UTF-16"),
        ("title: é".encode("latin-1"), "not valid UTF-8"),
        (b"a: b\x00", "NUL byte"),
        (b'a: "\\ud800"\n', "invalid YAML"),
        (b"a: !!binary aGk=\n", "tag '!!binary'"),
        (b"a: !!python/object/apply:os.system [ls]\n", "tag '!!python/object/apply:os.system'"),
        (b"title: [\n", "invalid YAML"),
    ],
)
def test_file_level_problems(content: bytes, expected: str) -> None:
    assert expected in only(content).message


@pytest.mark.parametrize(
    ("content", "place", "plain"),
    [
        ("a:\n    b: 1\n  c: 2\n", (3, 3), "check this line's indentation"),
        ("a:\n  b: 1\n    c: 2\n", (3, 6), "a ':' here would start a key"),
        ("a: b: c\n", (1, 5), "put text that holds ': ' in quotes"),
        ("a: 1\nb\nc: 2\n", (2, 1), "this line has no ':' after its key"),  # not line 3
        ("a:\n  - x\n  b: y\n", (3, 3), "expected a list item here"),
        ("a: @x\n", (1, 4), "put the text in quotes"),
        ('a: "abc\nb: 1\n', (1, 4), "the quoted text opened at line 1, column 4 is never closed"),
        # the first problem in the file, though libyaml's scan meets line 3's first
        ("a:\n  - id: x\n   b: 1\nc: d: e\n", (3, 4), "indent it like the line above"),
        ("a: [1, 2\n", (2, 1), "the [ ] opened at line 1, column 4 is not closed"),
        ("a: {b: 1\n", (2, 1), "the { } opened at line 1, column 4 is not closed"),
        # a quoted text lacking its end takes in ', en:': it, not the { }, is what to fix
        ('a: {fr: "x, en: "y"}\n', (1, 11), "opened at line 1, column 9 likely lacks its closing"),
        ("a: {fr: 'x, en: 'y'}\n", (1, 11), "lacks its closing ' before ', en:'"),
        ('a: {fr: "x, y" z}\n', (1, 16), "the { } opened at line 1, column 4 is not closed"),
        # in a block, it takes in the next lines' keys: reported lines below, at 'origin:'
        (
            'a:\n  en: "x  # c\n  origin: r\n  fr: "y"\n',
            (2, 9),
            'opened at line 2, column 7 likely lacks its closing " at the end of line 2',
        ),
        ("a:\n  - en: 'x\n  - fr: 'y'\n", (2, 11), "taking in the key 'fr:' of the next line"),
        ('a: "x" y\n', (1, 8), "or a quote that closes too early"),  # no key taken in
        ('a: "\\q"\n', {(1, 5), (1, 6)}, "an unknown escape after '\\' in double quotes"),
    ],
)
@pytest.mark.parametrize("pure", [False, True])
def test_syntax_errors_say_what_to_fix_and_where(
    content: str, place: tuple[int, int] | set[tuple[int, int]], plain: str, pure: bool
) -> None:
    """Said in the parser's words only, an over-indented line read "while parsing a block
    mapping, did not find expected key"; both parsers now say what to fix."""
    with pytest.raises(safe_yaml.YamlProblem) as caught:
        safe_yaml.compose(content, safe_yaml.loader_class(pure))
    problem = caught.value
    assert (problem.line, problem.column) in (place if isinstance(place, set) else {place})
    assert problem.message.startswith("invalid YAML: ") and plain in problem.message
    assert "(parser: " in problem.message  # the parser's own words follow, for the expert


def test_utf8_bom_is_accepted() -> None:
    parse_agreement(codecs.BOM_UTF8 + GOOD.encode(), "bom.yaml")


def test_size_cap_is_checked_before_parsing(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_bytes(b"a: '" + b"x" * 2048 + b"'\n")
    with pytest.raises(AgreementError) as caught:
        load_agreement(big, max_bytes=1024)
    assert "larger than 1,024 bytes" in str(caught.value)


@pytest.mark.parametrize("kind", ["missing", "directory", "fifo"])
def test_unreadable_paths(tmp_path: Path, kind: str) -> None:
    import os

    path = tmp_path / "x.yaml"
    if kind == "directory":
        path.mkdir()
    elif kind == "fifo":
        os.mkfifo(path)
    with pytest.raises(AgreementError) as caught:
        load_agreement(path)
    assert str(path) in str(caught.value)


def test_problem_format() -> None:
    problem = Problem("f.yaml", "bad", 3, 7, "quotes[1].speaker")
    assert str(problem) == "f.yaml:3:7: quotes[1].speaker: bad"


@pytest.mark.parametrize("pure", [False, True], ids=["libyaml", "pure"])
def test_a_control_character_the_yaml_reader_refuses_is_placed(
    monkeypatch: pytest.MonkeyPatch, pure: bool
) -> None:
    """ESC in a scalar was 'invalid YAML: unacceptable character … position 8', unplaced,
    with the parser's escaped newline; it is now a located problem in our words."""
    monkeypatch.setattr(safe_yaml, "_Loader", safe_yaml.loader_class(pure=pure))
    problem = only("title: [\x1b]52;c;SGVsbG8=\x07\n")
    assert (problem.line, problem.column) == (1, 9)
    assert "a control character U+001B" in problem.message
    assert "position" not in problem.message


class _Reads(str):
    """A text that counts the characters read out of it by indexing and slicing."""

    read = 0

    def __getitem__(self, key: object) -> str:  # type: ignore[override]
        got = str.__getitem__(self, key)  # type: ignore[index]
        _Reads.read += len(got)
        return got


def test_an_unclosed_quote_s_opening_is_found_in_one_read_of_many_escaped_quotes() -> None:
    """Each `\\"` was checked on a copy of all the text before it: 223 KB of them took 42 s
    to report. The opening is now found reading each quote's backslashes once."""
    from accordtui.agreement.safe_yaml.unclosed_quote import _opening

    text = _Reads('a: "' + '\\"' * 20_000 + '"')
    _Reads.read = 0
    assert _opening(text, len(text) - 1, '"') == 3
    assert _Reads.read <= 2 * len(text)


def test_a_valid_file_is_validated_without_what_only_explains_problems() -> None:
    """The syntax-error hints, a stray quote's difference: imported for a problem only
    (a cache-off start paid ~16 M instructions for them)."""
    script = (
        "import sys\n"
        "from accordtui.agreement.loader import bundled_path, load_agreement\n"
        "load_agreement(bundled_path())\n"
        "print(' '.join(sys.modules))\n"
    )
    imported = subprocess.run(
        [sys.executable, "-c", script], check=True, capture_output=True, text=True
    ).stdout.split()
    assert "accordtui.agreement.quoting" in imported  # the file was checked
    assert "accordtui.agreement.difference" not in imported
    assert "accordtui.agreement.safe_yaml.unclosed_quote" not in imported
