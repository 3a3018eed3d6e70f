"""Broken and hostile agreement files: each gets a located error or a faithful load.

The table `tests/data/bad/cases.tsv` lists each file with the words its error must
contain, and where known the line and field path. `OK` means it must load.
"""

from __future__ import annotations

import csv
import tracemalloc
from pathlib import Path

import pytest

from accordtui.agreement.errors import AgreementError
from accordtui.agreement.loader import DEFAULT_MAX_BYTES, load_agreement

BAD = Path(__file__).parent / "data" / "bad"
CASES = list(csv.DictReader((BAD / "cases.tsv").open(encoding="utf-8"), delimiter="\t"))
MAX_BYTES_ALLOCATED = 200 * 2**20


def load_bounded(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> AgreementError | None:
    """Load `path`, asserting a memory bound (no alias or nesting blow-up); return the error.

    Time is measured by `python -m benchmarks.run`, never asserted here: timings flake.
    """
    tracemalloc.start()
    try:
        load_agreement(path, max_bytes)
        error = None
    except AgreementError as caught:
        error = caught
    finally:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert peak < MAX_BYTES_ALLOCATED
    return error


def test_the_corpus_is_complete() -> None:
    files = {p.name for p in BAD.glob("*.yaml")}
    assert files == {c["file"] for c in CASES}
    assert len(CASES) >= 30


@pytest.mark.parametrize("case", CASES, ids=[c["file"] for c in CASES])
def test_case(case: dict[str, str]) -> None:
    path = BAD / case["file"]
    error = load_bounded(path)
    if case["expected"] == "OK":
        assert error is None
        return
    assert error is not None
    problem = next((p for p in error.problems if case["expected"] in p.message), None)
    assert problem is not None, [str(p) for p in error.problems]
    assert problem.file == str(path)
    if case["line"]:
        assert problem.line == int(case["line"])
    if case["path"]:
        assert problem.path == case["path"]
    for shown in map(str, error.problems):
        assert "\x1b" not in shown and "\x9b" not in shown and "Traceback" not in shown


def test_markup_payloads_load_verbatim() -> None:
    agreement = load_agreement(BAD / "markup-payloads.yaml")
    assert agreement.signing.place.en.startswith("[/] [b]x[/i] [@click=app.quit]")


def test_yaml_11_words_stay_words() -> None:
    error = load_bounded(BAD / "yaml11-values.yaml")
    assert error is not None and len(error.problems) == 1  # only the unknown key


def test_over_the_size_cap(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"title: x\n" + b"#" * DEFAULT_MAX_BYTES)
    error = load_bounded(path)
    assert error is not None and "larger than" in str(error)


def test_a_50_mb_scalar_under_a_raised_cap(tmp_path: Path) -> None:
    path = tmp_path / "scalar.yaml"
    with path.open("wb") as handle:
        handle.write(b"title:\n  fr: '")
        handle.write(b"x" * 50 * 2**20)
        handle.write(b"'\n")
    with pytest.raises(AgreementError) as caught:
        load_agreement(path, 64 * 2**20)
    assert "missing required field 'en'" in str(caught.value)
    assert len(str(caught.value)) < 2000  # the scalar is never echoed


@pytest.mark.parametrize("kind", ["directory", "missing"])
def test_paths_that_are_not_files(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "x.yaml"
    if kind == "directory":
        path.mkdir()
    error = load_bounded(path)
    assert error is not None and str(path) in str(error)


def test_a_file_of_the_old_format_gets_one_line_per_old_key() -> None:
    error = load_bounded(BAD / "old-format-0.1.yaml")
    assert error is not None
    assert sorted(p.path for p in error.problems) == ["context", "goals", "projects", "summary"]
    assert all("format of accordtui 0.1" in p.message for p in error.problems)
    goals = next(p for p in error.problems if p.path == "goals")
    assert "a group of `themes`" in goals.message  # where the bundled file keeps them
