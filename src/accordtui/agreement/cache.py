"""Agreements already validated, kept in the user's cache folder to start faster.

Starting on a file seen before should not pay again for the YAML parser and
pydantic's schema. An entry is the agreement's plain JSON form (`plain`), which no
decoder can turn into code; its first line names the key it was written for and the
SHA-256 of the rest, so a damaged, truncated or renamed entry is a miss. The key
covers every input of the verdict: the file's bytes, Python, the program's version
and its agreement code, and the installed pydantic, pydantic-core and PyYAML
(libyaml included). The folder and each entry are trusted only when the effective
user owns them and no one else can write them (`trust`).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
from collections.abc import Callable, Iterator
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING, Any

from accordtui import __version__
from accordtui.agreement import trust

if TYPE_CHECKING:
    from accordtui.agreement.model import Agreement

KEEP = 8
"""Entries kept; writing a new one removes the least recently written beyond this."""

FORMAT = b"accordtui-cache-2"
"""First word of an entry; another format is a miss."""

SUFFIX = ".json"

_DECIDING_PACKAGES = ("pydantic", "pydantic_core", "yaml")
"""Installed packages whose version changes what is valid (PyYAML's extension holds libyaml)."""

Note = Callable[[str], None]
"""Where to say why the cache was skipped (stderr under --debug; nowhere otherwise)."""


def _silent(line: str) -> None:
    """No word about the cache unless asked for."""


def code_stamp() -> bytes:
    """Python, the program, its agreement code and the packages that decide validity.

    Our modules count by content; an installed package by its files' names, sizes and
    times (an upgrade rewrites them), found without importing it: a cached start
    imports neither PyYAML nor pydantic for this.
    """
    digest = hashlib.sha256(f"{sys.version}\0{__version__}\0".encode())
    here = Path(__file__).parent
    for source in sorted(here.rglob("*.py")):  # subpackages too (safe_yaml/)
        digest.update(str(source.relative_to(here)).encode() + b"\0" + source.read_bytes())
    for name in _DECIDING_PACKAGES:
        digest.update(_package_stamp(name).encode())
    return digest.hexdigest().encode()


def _package_stamp(name: str) -> str:
    spec = find_spec(name)
    folders = list(spec.submodule_search_locations or ()) if spec else []
    lines = [name]
    for folder in folders:
        with os.scandir(folder) as entries:
            for entry in sorted(entries, key=lambda e: e.name):
                if entry.is_file():
                    info = entry.stat()
                    lines.append(f"{entry.name}:{info.st_size}:{info.st_mtime_ns}")
    return "\n".join(lines)


class ValidatedCache:
    """Validated agreements by the hash of their file's bytes and of the code judging them.

    Without a folder (no home, a relative `XDG_CACHE_HOME`), it keeps nothing.
    """

    def __init__(self, folder: Path | None = None, note: Note = _silent) -> None:
        self.folder = folder
        self._tell = note
        self._told: set[str] = set()
        self._stamp: bytes | None = None
        self._held: list[tuple[bytes, Agreement]] | None = None

    def _note(self, line: str) -> None:
        """Each reason once: a skipped folder is seen on reading and again on writing."""
        if line not in self._told:
            self._told.add(line)
            self._tell(line)

    @classmethod
    def default(cls, note: Note = _silent) -> ValidatedCache:
        """The cache in the user's cache folder (see `trust.default_folder`)."""
        return cls(trust.default_folder(), note)

    def key(self, data: bytes) -> str:
        """The entry name for these bytes under this program and code."""
        if self._stamp is None:
            self._stamp = code_stamp()
        digest = hashlib.sha256(data)
        digest.update(b"\0" + self._stamp)
        return digest.hexdigest()

    def get_plain(self, data: bytes) -> Any:
        """The plain form (decoded JSON) of the agreement validated from `data`, or None."""
        body = self.get_body(data)
        if body is None:
            return None
        try:
            return json.loads(body)
        except ValueError:
            return None

    def get_body(self, data: bytes) -> bytes | None:
        """The plain form's JSON, checked against its digest, for `data`; or None."""
        if self.folder is None:
            return None
        key = self.key(data)
        blob = trust.read_trusted(self.folder, key + SUFFIX, self._note)
        if blob is None:
            return None
        header, _, body = blob.partition(b"\n")
        expected = b" ".join((FORMAT, key.encode(), hashlib.sha256(body).hexdigest().encode()))
        if header != expected:  # damaged, truncated, renamed or another format
            self._note(f"accordtui: cache entry {key}{SUFFIX} does not match its digest; ignored")
            return None
        return body

    def get(self, data: bytes) -> Agreement | None:
        """The agreement validated from exactly `data` before, or None."""
        plain = self.get_plain(data)
        if plain is None:
            return None
        from accordtui.agreement.plain import PlainError, load

        try:
            return load(plain)
        except PlainError:
            return None

    def put(self, data: bytes, agreement: Agreement) -> None:
        """Keep `agreement` for `data`; a folder that cannot be written is not an error.

        The folder is made and checked before the agreement is dumped: where it cannot
        be used, nothing is dumped for nothing.
        """
        if self._held is not None:
            self._held.append((data, agreement))
            return
        if self.folder is None or not trust.usable_folder(self.folder, self._note):
            return
        from accordtui.agreement.plain import dump

        body = dump(agreement)
        key = self.key(data)
        header = b" ".join((FORMAT, key.encode(), hashlib.sha256(body).hexdigest().encode()))
        try:
            trust.write_entry(self.folder / (key + SUFFIX), header + b"\n" + body)
        except OSError:
            return
        self._prune(self.folder)

    @contextlib.contextmanager
    def puts_held(self) -> Iterator[None]:
        """Write the entries put in the block only when it ends, however it ends.

        The browser's first start on a file shows it without waiting for the entry
        to be written; the entry is written once the reader quits.
        """
        self._held = []
        try:
            yield
        finally:
            held, self._held = self._held, None
            for data, agreement in held:
                self.put(data, agreement)

    @staticmethod
    def _prune(folder: Path) -> None:
        """The newest KEEP entries stay; pickles of older versions go, never to be read."""
        entries = []
        for entry in folder.glob("*" + SUFFIX):
            with contextlib.suppress(OSError):
                entries.append((entry.stat().st_mtime_ns, entry))
        stale = [entry for _, entry in sorted(entries, reverse=True)[KEEP:]]
        for entry in [*stale, *folder.glob("*.pickle")]:
            with contextlib.suppress(OSError):
                entry.unlink()
