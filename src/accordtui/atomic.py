"""Write a file so that it is either fully there or not changed at all."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path


class WriteError(Exception):
    """A file could not be written; the message names it and says why."""


def write_atomic(path: Path, text: str, *, overwrite: bool = False) -> None:
    """Write `text` to `path` via a synced temp file in the same folder.

    Without `overwrite`, an existing file or symlink (even a dangling one) is
    left alone. With it, a symlink is replaced by the new file: its target is
    never written through.
    """
    if path.is_dir():
        raise WriteError(f"{path}: is a directory; expected a file name")
    if path.exists() and not path.is_symlink() and not path.is_file():
        # Renaming over /dev/full or a FIFO would replace the device itself.
        raise WriteError(f"{path}: not a regular file; expected a file name")
    if not overwrite and (path.exists() or path.is_symlink()):
        raise WriteError(f"{path}: already exists; use --force to overwrite it")
    folder = path.parent
    try:
        fd, temp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise WriteError(f"{path}: cannot write in {folder}: {error.strerror}") from None
    try:
        os.fchmod(fd, _mode_for(path))
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        _publish(Path(temp_name), path, overwrite)
    except OSError as error:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
        raise WriteError(f"{path}: cannot write: {error.strerror or error}") from None
    _sync_folder(folder)


def _mode_for(path: Path) -> int:
    """Keep a replaced file's mode; give a new one what `open()` would (0o666 less umask).

    mkstemp creates 0o600, which would make an export unreadable to the user's group.
    """
    if path.is_file() and not path.is_symlink():
        return stat.S_IMODE(path.stat().st_mode)
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def _publish(temp: Path, path: Path, overwrite: bool) -> None:
    if overwrite:
        os.replace(temp, path)
        return
    try:
        os.link(temp, path)  # fails if a file appeared meanwhile: no silent clobbering
    except FileExistsError:
        raise WriteError(f"{path}: already exists; use --force to overwrite it") from None
    except OSError as error:
        if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP):
            raise
        os.replace(temp, path)  # no hard links here: existence was checked just before
    finally:
        temp.unlink(missing_ok=True)


def _sync_folder(folder: Path) -> None:
    """Make the rename durable; some file systems cannot open folders, which is fine."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)
