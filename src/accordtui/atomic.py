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
    check_target(path)
    if not overwrite and (path.exists() or path.is_symlink()):
        raise WriteError(f"{path}: already exists; use --force to overwrite it")
    folder = path.parent
    try:
        # A fixed short prefix, not the target's name: any legal name (up to NAME_MAX)
        # must work as a target, and its temp name must be legal too.
        fd, temp_name = tempfile.mkstemp(dir=folder, prefix=".accordtui-", suffix=".tmp")
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


def resolve_target(text: str) -> Path:
    """The absolute path a user typed as an export target, checked before any question.

    Raises WriteError with a one-line reason for `~nosuchuser/…`, names or paths
    longer than the file system allows, missing folders, a working folder that
    was deleted (only relative paths need it) and targets that are not regular files.
    """
    try:
        path = Path(text).expanduser()
    except RuntimeError:  # no such user, or no home folder at all
        user = text[1:].split("/", 1)[0] or "the current user"
        raise WriteError(f"{text}: cannot find the home folder of {user}") from None
    if not path.is_absolute():
        try:
            path = Path(os.getcwd()) / path
        except OSError:
            raise WriteError(
                f"{text}: the working folder no longer exists; give an absolute path"
            ) from None
    check_target(path)
    return path


def check_target(path: Path) -> None:
    """Refuse an absolute `path` that cannot become a regular file, saying why."""
    _check_lengths(path)
    try:
        folder_mode = path.parent.stat().st_mode
    except OSError as error:
        raise WriteError(f"{path}: cannot write in {path.parent}: {error.strerror}") from None
    if not stat.S_ISDIR(folder_mode):
        raise WriteError(f"{path}: {path.parent} is not a folder")
    try:
        mode = path.stat().st_mode
    except OSError:  # absent, or a dangling symlink: both are fine targets
        return
    if stat.S_ISDIR(mode):
        raise WriteError(f"{path}: is a directory; expected a file name")
    if not stat.S_ISREG(mode) and not path.is_symlink():
        # Renaming over /dev/full or a FIFO would replace the device itself.
        raise WriteError(f"{path}: not a regular file; expected a file name")


def _check_lengths(path: Path) -> None:
    try:
        encoded = os.fsencode(path)
    except UnicodeEncodeError:
        raise WriteError(f"{path}: not a valid file name here") from None
    folder = _existing_ancestor(path)
    path_max = _limit(folder, "PC_PATH_MAX", 4096)
    if len(encoded) >= path_max:  # the limit counts the terminating NUL
        raise WriteError(
            f"{_short(path)}: the path is {len(encoded):,} bytes; the limit is {path_max - 1:,}"
        )
    name_max = _limit(folder, "PC_NAME_MAX", 255)
    for part in path.parts:
        size = len(os.fsencode(part))
        if size > name_max:
            raise WriteError(f"{_short(path)}: a name is {size} bytes; the limit is {name_max}")


def _short(path: Path) -> str:
    """An over-long path, cut so that an error about it stays one readable line."""
    text = str(path)
    return text if len(text) <= 60 else f"{text[:30]}…{text[-25:]}"


def _existing_ancestor(path: Path) -> Path:
    for folder in path.parents:
        try:
            if stat.S_ISDIR(folder.stat().st_mode):
                return folder
        except OSError:  # missing, or itself too long: look higher
            continue
    return Path(path.anchor or "/")


def _limit(folder: Path, name: str, default: int) -> int:
    try:
        return os.pathconf(folder, name)
    except (OSError, ValueError):
        return default


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
