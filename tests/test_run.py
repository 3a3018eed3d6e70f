"""Exit codes that tell the truth: an error is a one-line message, its traceback in a log."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest

from accordtui.agreement.model import Agreement
from accordtui.browser import app as app_module
from accordtui.browser.app import AccordApp
from accordtui.browser.run import run_app

CSS = Path(app_module.__file__).with_name("app.tcss")
"""Textual reads a relative CSS_PATH next to the subclass, so the tests give it in full."""


class CrashingApp(AccordApp):
    """Fails as a bug in a handler would."""

    CSS_PATH = CSS

    def on_mount(self) -> None:
        raise RuntimeError("forced failure 7f3a")


class QuittingApp(AccordApp):
    CSS_PATH = CSS

    def on_mount(self) -> None:
        self.call_after_refresh(self.exit)


@pytest.fixture
def logs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Log files land here instead of the system's temporary folder."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    return tmp_path


def test_an_unexpected_error_is_one_line_and_a_log(
    agreement: Agreement, logs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = run_app(CrashingApp(agreement), debug=False, headless=True)
    out, err = capsys.readouterr()
    assert code == 1
    assert out == ""
    assert err.count("\n") == 1
    message = r"accordtui: the browser stopped on an unexpected error; details in (.+)\n"
    found = re.fullmatch(message, err)
    assert found, err
    log = Path(found[1])
    assert log.parent == logs
    assert log.stat().st_mode & 0o077 == 0  # local values are private
    details = log.read_text(encoding="utf-8")
    assert "Traceback" in details
    assert "RuntimeError: forced failure 7f3a" in details


def test_debug_prints_the_traceback_and_writes_no_log(
    agreement: Agreement, logs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = run_app(CrashingApp(agreement), debug=True, headless=True)
    err = capsys.readouterr().err
    assert code == 1
    assert "RuntimeError: forced failure 7f3a" in err
    assert err.endswith("accordtui: the browser stopped on an unexpected error\n")
    assert list(logs.iterdir()) == []


def test_a_normal_quit_is_0_and_silent(
    agreement: Agreement, logs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_app(QuittingApp(agreement), debug=False, headless=True) == 0
    assert capsys.readouterr() == ("", "")
    assert list(logs.iterdir()) == []
