"""When a watched file has changed, from its stat alone (no new dependency, no inotify).

A save changes the file's modification time, size or inode: editors that write a new
file and rename it over the old one (vim, most IDEs) change the inode, the others the
time or the size. A file missing for a few polls is being replaced; one missing for
`gone_after` polls in a row is gone, and is said to be once.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

POLL_SECONDS = 0.25
"""How often the file is looked at: a stat costs microseconds."""

GONE_POLLS = 8
"""Polls in a row without the file before it is said to be gone (2 s)."""

Stamp = tuple[int, int, int]
"""Modification time in nanoseconds, size and inode."""

Change = Literal["changed", "gone"]


def stamp(path: Path) -> Stamp | None:
    """The file's stamp, following a symlink to what it names; None when there is none."""
    try:
        found = os.stat(path)
    except (OSError, ValueError):
        return None
    return found.st_mtime_ns, found.st_size, found.st_ino


class FileWatch:
    """Says, poll by poll, whether the file was saved since it was last read, or is gone."""

    def __init__(self, path: Path, gone_after: int = GONE_POLLS) -> None:
        self.path = path
        self._seen = stamp(path)
        self._gone_after = gone_after
        self._missing = 0
        """Polls in a row that found no file."""

    def poll(self) -> Change | None:
        """`changed` when the file should be read again, `gone` once when it has gone."""
        now = stamp(self.path)
        if now is None:
            self._missing += 1
            return "gone" if self._missing == self._gone_after else None
        said_gone = self._missing >= self._gone_after
        self._missing = 0
        if now == self._seen and not said_gone:
            return None
        self._seen = now  # before the read: a save during it changes the stamp again
        return "changed"
