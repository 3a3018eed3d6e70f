"""Time from starting a command in an 80x24 pseudo-terminal to a marker on its screen."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import termios
import time

import pyte

Marker = str | tuple[str, ...]
"""A text to wait for, or several: whichever shows first."""


def first_paint(argv: list[str], marker: Marker, size: tuple[int, int] = (80, 24)) -> float:
    """Seconds until `marker` is visible on an emulated screen fed by the program."""
    return run_in_pty(argv, marker, size)[0]


def run_in_pty(
    argv: list[str], marker: Marker, size: tuple[int, int] = (80, 24)
) -> tuple[float, bytes]:
    """Seconds until `marker` shows (or the program ends), and every byte it wrote."""
    columns, rows = size
    screen = pyte.Screen(columns, rows)
    stream = pyte.ByteStream(screen)
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": str(columns), "LINES": str(rows)}
    started = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        os.execvpe(argv[0], argv, env)
    written = bytearray()
    try:
        return _wait_for(fd, stream, screen, marker, started, written), bytes(written)
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)


def _wait_for(
    fd: int,
    stream: pyte.ByteStream,
    screen: pyte.Screen,
    marker: Marker,
    started: float,
    written: bytearray,
) -> float:
    deadline = started + 30
    while time.perf_counter() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # the program ended
            return time.perf_counter() - started
        if not chunk:
            return time.perf_counter() - started
        written += chunk
        stream.feed(chunk)
        markers = (marker,) if isinstance(marker, str) else marker
        if any(m in line for line in screen.display for m in markers):
            return time.perf_counter() - started
    raise TimeoutError(f"{marker!r} never appeared")
