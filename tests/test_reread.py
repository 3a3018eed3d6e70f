"""`--watch` reads a saved file in a child process: the same agreement or problems as a
read in the browser's own process would give, and a child that fails is said to."""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import pytest

from accordtui.agreement.errors import AgreementError
from accordtui.agreement.loader import bundled_path, load_agreement
from accordtui.agreement.model import Agreement
from accordtui.browser.reread import Reread

BUNDLED = bundled_path().read_text(encoding="utf-8")


def test_a_valid_file_comes_back_as_the_agreement_read_here(
    tmp_path: Path, agreement: Agreement, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Run from a folder holding a module named like one the reader imports: the child
    imports ours, never the working folder's."""
    (tmp_path / "yaml.py").write_text("raise SystemExit('the folder was imported')\n")
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "accord.yaml"
    path.write_text(BUNDLED, encoding="utf-8")
    assert Reread(path, 2**20).result() == agreement


def test_an_invalid_file_comes_back_with_its_problems_placed(tmp_path: Path) -> None:
    path = tmp_path / "accord.yaml"
    path.write_text(BUNDLED.replace("speaker: odile-gauthier", "speaker: nobody"), "utf-8")
    with pytest.raises(AgreementError) as here:
        load_agreement(path)
    with pytest.raises(AgreementError) as there:
        Reread(path, 2**20).result()
    assert there.value.problems == here.value.problems
    assert there.value.problems[0].line is not None


@pytest.mark.parametrize("code", [0, 1, 3])
def test_a_reader_that_fails_or_cannot_start_is_said_to(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    """Whatever the exit code, output that is not the reader's is not believed."""
    failing = tmp_path / "python"
    said = "echo 'not json'\necho 'Traceback…' >&2\necho 'MemoryError' >&2\n"
    failing.write_text(f"#!/bin/sh\n{said}exit {code}\n")
    failing.chmod(failing.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setattr(sys, "executable", str(failing))
    with pytest.raises(AgreementError) as stopped:
        Reread(tmp_path / "a.yaml", 10).result()
    assert str(stopped.value) == f"{tmp_path / 'a.yaml'}: the reader stopped: MemoryError"
    monkeypatch.setattr(sys, "executable", str(tmp_path / "missing"))
    with pytest.raises(AgreementError, match="could not start a reader: No such file"):
        Reread(tmp_path / "a.yaml", 10).result()
