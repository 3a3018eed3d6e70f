"""One line on the terminal while a long file is read: which file, what stage, how far.

A reader who opens a large file should not face a blank screen for seconds. The line
is drawn by a thread from the loader's `Progress`, rewritten in place, and erased
when the load ends, before anything else is printed or the browser takes the screen.
A short file shows nothing.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from accordtui.agreement.loader import Source
from accordtui.agreement.progress import Progress
from accordtui.rendering.textwidth import cell_width
from accordtui.writing.inert import inert

EAGER_BYTES = 4 * 2**20
"""A file this large takes about half a second or more to read and validate (81 ms a
MiB for the hub-shaped file in the benchmarks): its line is drawn at once."""
DELAY = 0.5
"""A smaller file still being read after this many seconds gets the line too."""
TICK = 0.1
"""Seconds between redraws."""

_ERASE = "\r\x1b[K"


@contextmanager
def shown(progress: Progress, path: Source, size: int, fd: int | None) -> Iterator[None]:
    """Keep a progress line for `path` (`size` bytes) on terminal `fd` during the block.

    With `fd` None (no terminal to draw on) nothing is shown.
    """
    if fd is None:
        yield
        return
    done = threading.Event()
    line = _Line(progress, f"{inert(str(path))} ({size / 2**20:.1f} MiB)", fd)
    delay = DELAY
    if size >= EAGER_BYTES:  # drawn now, before the first byte is parsed
        line.draw()
        delay = TICK
    drawer = threading.Thread(target=line.run, args=(done, delay), daemon=True)
    drawer.start()
    try:
        yield
    finally:
        done.set()
        drawer.join()


def terminal(*fds: int) -> int | None:
    """The first of `fds` that is a terminal, or None."""
    return next((fd for fd in fds if os.isatty(fd)), None)


class _Line:
    def __init__(self, progress: Progress, name: str, fd: int) -> None:
        self._progress = progress
        self._name = name
        self._fd = fd
        self._started = time.monotonic()
        self._drawn = False

    def run(self, done: threading.Event, delay: float) -> None:
        """Draw every TICK from `delay` on, until `done`; then erase what was drawn."""
        if not done.wait(delay):
            while self.draw() and not done.wait(TICK):
                pass
        if self._drawn:
            self._write(_ERASE)

    def draw(self) -> bool:
        """Draw the line as it stands now; False once the terminal cannot take it."""
        written = self._write(_ERASE + self.text(self._columns()))
        self._drawn = self._drawn or written
        return written

    def text(self, columns: int) -> str:
        """`accordtui: reading NAME (SIZE): 43 %, 2 s`, cut to fit `columns`."""
        stage = self._progress.stage
        fraction = self._progress.fraction()
        how_far = f": {fraction:.0%}" if fraction is not None else ""
        seconds = f", {time.monotonic() - self._started:.0f} s"
        verb = {"reading": "reading", "cache": "reading from the cache", "validating": "checking"}
        name = self._name
        while True:
            text = f"accordtui: {verb[stage]} {name}{how_far}{seconds}"
            if cell_width(text) < columns or len(name) <= 1:
                return text
            name = "…" + name[2:]

    def _columns(self) -> int:
        try:
            return os.get_terminal_size(self._fd).columns
        except OSError:
            return 80

    def _write(self, text: str) -> bool:
        """Whether it was written: a terminal gone away leaves the load going on without."""
        try:
            os.write(self._fd, text.encode("utf-8", "replace"))
        except OSError:
            return False
        return True
