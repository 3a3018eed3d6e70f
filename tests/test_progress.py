"""The progress line of a long read: drawn for a large file, erased, never for a small one."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from accordtui import cli
from accordtui.agreement.loader import bundled_path
from accordtui.agreement.progress import Progress
from accordtui.agreement.safe_yaml import load
from accordtui.writing import progress as progress_line
from accordtui.writing.progress import _Line, shown


@pytest.fixture
def pipe() -> Iterator[tuple[int, int]]:
    """A stand-in terminal: what is drawn on `write` is read from `read`."""
    read, write = os.pipe()
    yield read, write
    os.close(read)
    os.close(write)


def _drain(fd: int) -> str:
    os.set_blocking(fd, False)
    chunks = []
    while True:
        try:
            chunk = os.read(fd, 65536)
        except BlockingIOError:
            return b"".join(chunks).decode()
        chunks.append(chunk)


def test_reading_follows_the_characters_parsed() -> None:
    text = bundled_path().read_text(encoding="utf-8")
    at = [0]
    load(text, at)
    assert len(text) - 10 < at[0] <= len(text)


def test_the_line_says_what_is_read_and_how_far() -> None:
    progress = Progress()
    progress.begin("reading", 200)
    progress.at[0] = 86
    line = _Line(progress, "big.yaml (77.6 MiB)", -1)
    assert line.text(80).startswith("accordtui: reading big.yaml (77.6 MiB): 43%, ")
    progress.begin("validating")
    assert line.text(80).startswith("accordtui: checking big.yaml (77.6 MiB), ")


def test_the_line_fits_the_terminal() -> None:
    line = _Line(Progress(), "/a/very/long/folder/name/agreement.yaml (1.0 MiB)", -1)
    text = line.text(40)
    assert len(text) < 40
    assert "…" in text and text.endswith("s")


def test_a_large_file_gets_the_line_at_once_and_it_is_erased(
    pipe: tuple[int, int],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    """A short name, so the line is not cut wherever the suite runs (an installed
    sdist's bundled file has a long path)."""
    read, write = pipe
    monkeypatch.setattr(progress_line, "EAGER_BYTES", 0)
    monkeypatch.setattr(progress_line, "terminal", lambda *fds: write)
    monkeypatch.chdir(tmp_path)
    Path("a.yaml").write_bytes(bundled_path().read_bytes())
    assert cli.main(["validate", "--no-cache", "a.yaml"]) == 0
    drawn = _drain(read)
    assert drawn.startswith("\r\x1b[Kaccordtui: reading a.yaml (0.0 MiB)")
    assert drawn.endswith("\r\x1b[K")
    assert capsys.readouterr().out == "a.yaml: OK\n"


def test_a_small_file_shows_nothing(pipe: tuple[int, int], monkeypatch: pytest.MonkeyPatch) -> None:
    read, write = pipe
    monkeypatch.setattr(progress_line, "DELAY", 600)  # never reached by the bundled file
    with shown(Progress(), bundled_path(), bundled_path().stat().st_size, write):
        pass
    assert _drain(read) == ""


def test_a_hostile_name_is_drawn_inert(pipe: tuple[int, int], tmp_path: Path) -> None:
    read, write = pipe
    with shown(Progress(), tmp_path / "a\x1b[2Jb.yaml", progress_line.EAGER_BYTES, write):
        pass
    assert "\x1b[2J" not in _drain(read).replace("\r\x1b[K", "")
