"""Agreements already validated, kept in the user's cache folder to start faster.

Starting on a file seen before should not pay again for the YAML parser and
pydantic's schema. An entry is used only when the SHA-256 of the file's bytes, the
program version and the validating code all match what it was written for; any
other entry, or one that cannot be read, is a miss and the file is validated again.
Entries are pickles in a folder only the user can write: the same trust as the
user's own configuration files.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from pydantic.version import VERSION as PYDANTIC_VERSION

from accordtui import __version__
from accordtui.agreement.model import Agreement

KEEP = 8
"""Entries kept; writing a new one removes the least recently written beyond this."""

_VALIDATING_MODULES = ("model.py", "safe_yaml.py", "loader.py", "parsing.py")
"""Source files whose change may change what is valid, so they are part of the key."""


def default_folder() -> Path:
    """`$XDG_CACHE_HOME/accordtui`, or `~/.cache/accordtui` as the XDG spec says."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    root = Path(base) if os.path.isabs(base) else Path.home() / ".cache"
    return root / "accordtui"


def _code_stamp() -> str:
    """Program, Python and pydantic versions, and the validating sources' size and time.

    A developer who edits a validator without bumping the version gets misses, not
    stale answers.
    """
    here = Path(__file__).parent
    parts = [__version__, sys.version, PYDANTIC_VERSION]
    for name in _VALIDATING_MODULES:
        with contextlib.suppress(OSError):
            info = (here / name).stat()
            parts.append(f"{name}:{info.st_size}:{info.st_mtime_ns}")
    return "\n".join(parts)


class ValidatedCache:
    """Validated agreements by the hash of their file's bytes."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or default_folder()
        self._stamp = _code_stamp().encode()
        self._held: list[tuple[bytes, Agreement]] | None = None

    def key(self, data: bytes) -> str:
        """The entry name for these bytes under this program and code."""
        digest = hashlib.sha256(data)
        digest.update(b"\0")
        digest.update(self._stamp)
        return digest.hexdigest()

    def get(self, data: bytes) -> Agreement | None:
        """The agreement validated from exactly `data` before, or None."""
        key = self.key(data)
        try:
            blob = (self.folder / f"{key}.pickle").read_bytes()
        except OSError:
            return None
        header, _, body = blob.partition(b"\n")
        if header != key.encode():  # renamed, truncated or foreign: not ours to trust
            return None
        try:
            found = pickle.loads(body)
        except Exception:  # a damaged entry, whatever the damage, is only a miss
            return None
        return found if isinstance(found, Agreement) else None

    def put(self, data: bytes, agreement: Agreement) -> None:
        """Keep `agreement` for `data`; a folder that cannot be written is not an error.

        The folder is made before pickling: where it cannot be, nothing is pickled for
        nothing (~100 ms for a 10,000-item file).
        """
        if self._held is not None:
            self._held.append((data, agreement))
            return
        key = self.key(data)
        try:
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            blob = key.encode() + b"\n" + pickle.dumps(agreement, pickle.HIGHEST_PROTOCOL)
            _write_atomic(self.folder / f"{key}.pickle", blob)
        except OSError:
            return
        self._prune()

    @contextlib.contextmanager
    def puts_held(self) -> Iterator[None]:
        """Write the entries put in the block only when it ends, however it ends.

        The browser's first start on a file shows it without waiting for the pickle
        (~120 ms for a 10,000-item file); the entry is written once the reader quits.
        """
        self._held = []
        try:
            yield
        finally:
            held, self._held = self._held, None
            for data, agreement in held:
                self.put(data, agreement)

    def _prune(self) -> None:
        entries = []
        for entry in self.folder.glob("*.pickle"):
            with contextlib.suppress(OSError):
                entries.append((entry.stat().st_mtime_ns, entry))
        for _, entry in sorted(entries, reverse=True)[KEEP:]:
            with contextlib.suppress(OSError):
                entry.unlink()


def _write_atomic(path: Path, blob: bytes) -> None:
    """Readers see the old entry, no entry, or the whole new one: never a part."""
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(blob)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
