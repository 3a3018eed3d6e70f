"""Where the cache lives, and whether what is there may be believed.

A cache entry decides what the program shows and whether a file is valid, so it is
read only from a folder, and as a file, that the effective user owns and that no
group or other user can write; anything else is skipped, with one line for `note`
(`--debug`). Paths come from platformdirs, with the XDG rule that a relative
`XDG_CACHE_HOME` (or `HOME`) is ignored; without a home there is no cache.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

_OTHERS_WRITE = stat.S_IWGRP | stat.S_IWOTH


def default_folder() -> Path | None:
    """platformdirs' user cache folder for accordtui (`~/.cache/accordtui` on Linux).

    None when no absolute home can be found (HOME unset or relative and no passwd
    entry for this user, as in some containers): the program then runs without a cache.
    """
    import platformdirs

    try:
        found = platformdirs.user_cache_path("accordtui", appauthor=False)
    except RuntimeError:  # recent platformdirs: no absolute home to be found
        return None
    if found.is_absolute():
        return found
    home = _home()  # a relative XDG_CACHE_HOME or HOME made it relative: ignored
    return None if home is None else home / ".cache" / "accordtui"


def _home() -> Path | None:
    """HOME if absolute, else the passwd entry's home if there is one and it is absolute."""
    home = os.environ.get("HOME", "")
    if not os.path.isabs(home):
        try:
            home = pwd.getpwuid(os.geteuid()).pw_dir
        except KeyError:
            return None
    return Path(home) if os.path.isabs(home) else None


def owned_and_private(info: os.stat_result) -> str | None:
    """Why a folder or file with this status may not be trusted, or None if it may."""
    user = os.geteuid()
    if info.st_uid != user:
        return f"owned by user {info.st_uid}, not by the effective user {user}"
    if info.st_mode & _OTHERS_WRITE:
        return f"writable by group or others (mode {stat.S_IMODE(info.st_mode):o})"
    return None


def read_trusted(folder: Path, name: str, note: Callable[[str], None]) -> bytes | None:
    """The bytes of `folder/name` if both pass `owned_and_private`; None otherwise.

    The checks are made on the open descriptors, so nothing can be swapped in between;
    a symbolic link or anything but a regular file is refused.
    """
    try:
        folder_fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return None  # no cache yet, or not a folder
    try:
        why = owned_and_private(os.fstat(folder_fd))
        if why is not None:
            note(f"accordtui: cache folder {folder} skipped: {why}")
            return None
        return _read_entry(folder_fd, folder / name, note)
    finally:
        os.close(folder_fd)


def _read_entry(folder_fd: int, path: Path, note: Callable[[str], None]) -> bytes | None:
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK  # a FIFO must not block
    try:
        fd = os.open(path.name, flags, dir_fd=folder_fd)
    except FileNotFoundError:
        return None
    except OSError as error:
        note(f"accordtui: cache entry {path} skipped: {error.strerror}")
        return None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        why = "not a regular file" if not stat.S_ISREG(info.st_mode) else owned_and_private(info)
        if why is not None:
            note(f"accordtui: cache entry {path} skipped: {why}")
            return None
        try:
            return handle.read()
        except OSError:
            return None


def usable_folder(folder: Path, note: Callable[[str], None]) -> bool:
    """Make `folder` (only the user may enter it) and say whether entries may go there."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = os.stat(folder)
    except OSError:
        return False
    why = owned_and_private(info)
    if why is not None:
        note(f"accordtui: cache folder {folder} skipped: {why}")
    return why is None and stat.S_ISDIR(info.st_mode)


def write_entry(path: Path, blob: bytes) -> None:
    """Readers see the old entry, no entry, or the whole new one: never a part.

    The temporary file is made readable and writable by the user alone.
    """
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(blob)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
