"""The command line: exit codes, located errors, atomic export, broken pipes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from accordtui.agreement.loader import bundled_path
from accordtui.cli import main
from tests.conftest import DATA

BROKEN = "title: {fr: a, en: b}\ntitle: again\n"


def run(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    options: dict[str, object] = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE}
    options.update(kwargs)
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "accordtui", *args], text=True, timeout=30, **options
    )


def test_validate_ok(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(DATA)]) == 0
    assert capsys.readouterr().out.strip().endswith("OK")


def test_validate_without_a_file_checks_the_bundled_one(capsys) -> None:
    """As the browser and `export` do; it was a usage error."""
    assert main(["validate"]) == 0
    assert capsys.readouterr().out == f"{bundled_path()}: OK\n"


def test_validate_invalid_prints_located_errors(write_yaml, capsys) -> None:
    path = write_yaml(BROKEN)
    assert main(["validate", str(DATA), str(path)]) == 1
    captured = capsys.readouterr()
    assert f"{path}:2:1: duplicate key 'title'" in captured.err
    assert "OK" in captured.out


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (
        ["validate", "--max-size", "0"],
        ["export", "annexes"],
        ["export", "all", "--width", "0"],
    ):
        with pytest.raises(SystemExit) as caught:
            main(argv)
        assert caught.value.code == 2


def test_no_traceback_reaches_the_user(write_yaml) -> None:
    result = run(str(write_yaml(b"\xff\xfe\x00")))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "UTF-16" in result.stderr


def test_browse_refuses_a_broken_file_before_the_tui(write_yaml) -> None:
    result = run(str(write_yaml(BROKEN)))
    assert result.returncode == 1
    assert ":2:1: duplicate key" in result.stderr
    assert "\x1b[" not in result.stdout  # never entered the terminal UI


def test_unknown_theme_is_a_usage_error() -> None:
    result = run("--theme", "no-such-theme")
    assert result.returncode == 2
    assert "textual-dark" in result.stderr


def test_export_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "quotes", "--lang", "en", "--width", "60"]) == 0
    out = capsys.readouterr().out
    assert "Quotes\n======" in out
    assert max(len(line) for line in out.splitlines()) <= 60


def test_export_json_of_another_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "all", str(DATA), "-f", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["signing"]["place"]["fr"] == "Bercy"


def test_export_writes_a_file_and_never_overwrites_without_force(tmp_path: Path) -> None:
    out = tmp_path / "quotes.txt"
    assert main(["export", "quotes", "-o", str(out)]) == 0
    first = out.read_text(encoding="utf-8")
    assert "\n\nCitations\n=========\n" in first
    assert main(["export", "parties", "-o", str(out)]) == 1
    assert out.read_text(encoding="utf-8") == first
    assert main(["export", "parties", "-o", str(out), "--force"]) == 0
    assert "\n\nParties\n=======\n" in out.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["quotes.txt"]


def test_export_never_writes_through_a_symlink(tmp_path: Path) -> None:
    target = tmp_path / "precious.txt"
    target.write_text("keep me")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    assert main(["export", "quotes", "-o", str(link)]) == 1
    dangling = tmp_path / "dangling.txt"
    dangling.symlink_to(tmp_path / "missing.txt")
    assert main(["export", "quotes", "-o", str(dangling)]) == 1
    assert not (tmp_path / "missing.txt").exists()
    assert main(["export", "quotes", "-o", str(link), "--force"]) == 0
    assert target.read_text() == "keep me"
    assert not link.is_symlink()


def test_export_to_a_full_disk_fails_cleanly() -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    with open("/dev/full", "w") as full:
        result = run("export", "all", stdout=full)
    assert result.returncode == 1
    assert result.stderr.strip() == "accordtui: cannot write output: No space left on device"


def test_stdout_closed_early_is_one_line_and_non_zero() -> None:
    read, write = os.pipe()
    process = subprocess.Popen(
        [sys.executable, "-m", "accordtui", "export", "all"],
        stdout=write,
        stderr=subprocess.PIPE,
        text=True,
    )
    os.close(write)
    os.close(read)  # nobody reads any more: the first write meets a broken pipe
    _, err = process.communicate(timeout=30)
    assert process.returncode == 1
    assert err.strip() == "accordtui: output closed before everything was written"


def test_schema_is_committed_and_current(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    committed = (DATA.parent.parent / "schema" / "accord.schema.json").read_text(encoding="utf-8")
    assert capsys.readouterr().out == committed
    assert DATA.read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../schema/accord.schema.json"
    )


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--version"])
    assert capsys.readouterr().out.startswith("accordtui ")
