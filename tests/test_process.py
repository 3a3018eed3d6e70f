"""The browser as a process on a real pty: signals, ctrl+z, terminal sizes, missing terminals."""

from __future__ import annotations

import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import DATA
from tests.pty_app import PtyApp

READY = "FR original"
"""Shown in the top bar once the browser has painted."""

MODES = [  # (turned on at start, turned off on the way out)
    (b"\x1b[?1049h", b"\x1b[?1049l"),  # alternate screen
    (b"\x1b[?25l", b"\x1b[?25h"),  # cursor hidden
    (b"\x1b[?1000h", b"\x1b[?1000l"),  # mouse tracking
    (b"\x1b[?1003h", b"\x1b[?1003l"),
    (b"\x1b[?1006h", b"\x1b[?1006l"),
    (b"\x1b[?2004h", b"\x1b[?2004l"),  # bracketed paste
    (b"\x1b[?1004h", b"\x1b[?1004l"),  # focus events
]


@pytest.fixture
def pty_app() -> Iterator[PtyApp]:
    app = PtyApp()
    yield app
    app.close()


def assert_terminal_restored(app: PtyApp, written: bytes) -> None:
    assert app.modes() == app.modes_before  # cooked mode and echo, as found
    for on, off in MODES:
        assert written.rfind(off) > written.rfind(on), (on, off)


@pytest.mark.parametrize(
    "number", [signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT, signal.SIGINT], ids=str
)
def test_signal_restores_the_terminal_and_exits_128_plus_n(number: signal.Signals) -> None:
    """SIGTERM's run starts as `cat FILE | accordtui -`: the agreement from the pipe, the
    keys from the terminal (`/dev/tty`), which is restored all the same."""
    piped = number == signal.SIGTERM
    pty_app = PtyApp("-", piped=DATA.read_bytes()) if piped else PtyApp()
    try:
        pty_app.wait_for(READY)
        if piped:
            pty_app.send(b"5")
            pty_app.wait_for("Odile Gauthier, Directrice générale")
        pty_app.process.send_signal(number)
        assert pty_app.wait_exit() == 128 + number
        assert_terminal_restored(pty_app, bytes(pty_app.written))
    finally:
        pty_app.close()


def test_ctrl_z_suspends_and_continuing_redraws_everything(pty_app: PtyApp) -> None:
    pty_app.wait_for(READY)
    pty_app.read(1.0)  # the first paint is over: what follows the resume must be a redraw
    start = len(pty_app.written)
    pty_app.send(b"\x1a")
    pty_app.wait_stopped()
    assert_terminal_restored(pty_app, bytes(pty_app.written[start:]))
    pty_app.fresh_screen()
    pty_app.process.send_signal(signal.SIGCONT)
    pty_app.wait_for(READY)  # painted again from nothing, not only what changed
    assert pty_app.shows("Parties")
    pty_app.send(b"q")
    assert pty_app.wait_exit() == 0
    assert_terminal_restored(pty_app, bytes(pty_app.written))


def test_any_width_from_1_to_40_then_too_small_until_enlarged(pty_app: PtyApp) -> None:
    pty_app.wait_for(READY)
    for width in range(1, 41):
        pty_app.resize(width, 24)
        pty_app.read(0.02)  # as fast as a window dragged by hand: the footer once hung here
    pty_app.wait_for(READY)
    pty_app.resize(20, 10)
    pty_app.wait_for("40×15")  # the size needed: never split across lines
    pty_app.resize(80, 24)
    pty_app.wait_for(READY)
    pty_app.send(b"q")
    assert pty_app.wait_exit() == 0


def test_starts_at_1x1_and_recovers() -> None:
    app = PtyApp(size=(1, 1))
    try:
        app.read(1.0)
        app.resize(40, 16)
        app.wait_for(READY)
        app.send(b"q")
        assert app.wait_exit() == 0
    finally:
        app.close()


def test_stderr_redirected_alone_keeps_the_ui_on_the_terminal(tmp_path: Path) -> None:
    log = tmp_path / "log"
    with log.open("w") as stderr:
        app = PtyApp(stderr=stderr)
        try:
            app.wait_for(READY)
            app.send(b"q")
            assert app.wait_exit() == 0
        finally:
            app.close()
    assert log.read_bytes() == b""


@pytest.mark.parametrize("redirect", ["stdin", "stdout"])
def test_without_a_terminal_browse_refuses_and_suggests_export(redirect: str) -> None:
    streams = {redirect: subprocess.DEVNULL if redirect == "stdin" else subprocess.PIPE}
    done = subprocess.run(
        [sys.executable, "-m", "accordtui"], stderr=subprocess.PIPE, timeout=10, **streams
    )
    assert done.returncode == 2
    assert b"accordtui export" in done.stderr
    assert done.stderr.count(b"\n") == 1
    assert done.stdout in (None, b"")
