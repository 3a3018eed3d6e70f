"""accordtui in a pseudo-terminal we control: its bytes, its screen, its exit and termios."""

from __future__ import annotations

import fcntl
import os
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from typing import IO, Any

import pyte

TIMEOUT = 30.0
"""Generous: CI machines can be slow to start Python and Textual."""


def _controlling_terminal() -> None:
    """In the child, after `setsid`: its stdout, the pty, becomes its `/dev/tty`."""
    fcntl.ioctl(1, termios.TIOCSCTTY, 0)


class PtyApp:
    """`python -m accordtui ARGS` on a fresh pty; the test keeps the terminal side too."""

    def __init__(
        self,
        *args: str,
        size: tuple[int, int] = (80, 24),
        stderr: IO[Any] | None = None,
        piped: bytes | None = None,
    ) -> None:
        """`piped`: standard input is a pipe holding these bytes, and the pty is the
        process's controlling terminal (`/dev/tty`), as for `cat FILE | accordtui -`."""
        self.master, self.slave = os.openpty()
        self.resize(*size, notify=False)
        self.modes_before = termios.tcgetattr(self.slave)
        env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
        env["TERM"] = "xterm-256color"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "accordtui", *args],
            stdin=self.slave if piped is None else subprocess.PIPE,
            stdout=self.slave,
            stderr=self.slave if stderr is None else stderr,
            env=env,
            start_new_session=True,
            preexec_fn=None if piped is None else _controlling_terminal,
        )
        if piped is not None:
            assert self.process.stdin is not None
            self.process.stdin.write(piped)
            self.process.stdin.close()
        self.written = bytearray()
        self.screen = pyte.Screen(*size)
        self._stream = pyte.ByteStream(self.screen)

    def resize(self, columns: int, rows: int, *, notify: bool = True) -> None:
        fcntl.ioctl(self.slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        if notify:
            self.screen.resize(rows, columns)
            self.process.send_signal(signal.SIGWINCH)

    def fresh_screen(self) -> None:
        """Forget what was drawn: from now on the screen shows only new bytes."""
        self.screen = pyte.Screen(self.screen.columns, self.screen.lines)
        self._stream = pyte.ByteStream(self.screen)

    def read(self, seconds: float) -> None:
        """Take what the program writes for `seconds` (so it never blocks on a full pty)."""
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            ready, _, _ = select.select([self.master], [], [], left)
            if ready:
                chunk = os.read(self.master, 65536)
                self.written += chunk
                self._stream.feed(chunk)

    def shows(self, text: str) -> bool:
        return any(text in line for line in self.screen.display)

    def wait_for(self, text: str) -> None:
        deadline = time.monotonic() + TIMEOUT
        while not self.shows(text):
            shown = "\n".join(line.rstrip() for line in self.screen.display)
            assert time.monotonic() < deadline, f"{text!r} never appeared; the screen:\n{shown}"
            assert self.process.poll() is None, f"ended with {self.process.returncode}"
            self.read(0.05)

    def send(self, data: bytes) -> None:
        os.write(self.master, data)

    def wait_exit(self) -> int:
        deadline = time.monotonic() + TIMEOUT
        while self.process.poll() is None:
            assert time.monotonic() < deadline, "still running"
            self.read(0.05)
        self.read(0.1)
        return self.process.returncode

    def wait_stopped(self) -> None:
        """Until the process is stopped (ctrl+z), reading its output meanwhile."""
        deadline = time.monotonic() + TIMEOUT
        while True:
            pid, status = os.waitpid(self.process.pid, os.WUNTRACED | os.WNOHANG)
            if pid and os.WIFSTOPPED(status):
                self.read(0.1)  # what it wrote before stopping may still wait in the pty
                return
            assert time.monotonic() < deadline, "never stopped"
            self.read(0.05)

    def modes(self) -> list[Any]:
        return termios.tcgetattr(self.slave)

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        os.close(self.master)
        os.close(self.slave)
