"""Write a file so that it is either fully there or not changed at all."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path
from typing import Literal

from accordtui.rendering.labels import Labels, labels_for

WriteProblem = Literal[
    "exists",
    "no_home",
    "no_working_folder",
    "folder_unusable",
    "parent_not_folder",
    "is_folder",
    "not_regular",
    "bad_name",
    "path_too_long",
    "name_too_long",
    "failed",
]


class WriteError(Exception):
    """A file could not be written: which problem, and the names and numbers that go with it.

    `str()` is the English message (the command line's); `worded()` gives it in the
    reader's language, from the labels catalogue.
    """

    def __init__(self, problem: WriteProblem, **details: object) -> None:
        self.problem = problem
        self.details = details
        super().__init__(self.worded(labels_for("en")))

    def worded(self, words: Labels) -> str:
        template: str = getattr(words, f"write_{self.problem}")
        return template.format(**self.details)


def write_atomic(path: Path, text: str, *, overwrite: bool = False) -> None:
    """Write `text` to `path` via a synced temp file in the same folder.

    Without `overwrite`, an existing file or symlink (even a dangling one) is
    left alone. With it, a symlink is replaced by the new file: its target is
    never written through.
    """
    check_target(path)
    if not overwrite and (path.exists() or path.is_symlink()):
        raise WriteError("exists", path=path)
    folder = path.parent
    try:
        # A fixed short prefix, not the target's name: any legal name (up to NAME_MAX)
        # must work as a target, and its temp name must be legal too.
        fd, temp_name = tempfile.mkstemp(dir=folder, prefix=".accordtui-", suffix=".tmp")
    except OSError as error:
        raise WriteError(
            "folder_unusable", path=path, folder=folder, reason=error.strerror
        ) from None
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
        raise WriteError("failed", path=path, reason=error.strerror or error) from None
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
        user = text[1:].split("/", 1)[0] or os.environ.get("USER", "?")
        raise WriteError("no_home", path=text, user=user) from None
    if not path.is_absolute():
        try:
            path = Path(os.getcwd()) / path
        except OSError:
            raise WriteError("no_working_folder", path=text) from None
    check_target(path)
    return path


def check_target(path: Path) -> None:
    """Refuse an absolute `path` that cannot become a regular file, saying why."""
    _check_lengths(path)
    try:
        folder_mode = path.parent.stat().st_mode
    except OSError as error:
        raise WriteError(
            "folder_unusable", path=path, folder=path.parent, reason=error.strerror
        ) from None
    if not stat.S_ISDIR(folder_mode):
        raise WriteError("parent_not_folder", path=path, folder=path.parent)
    try:
        mode = path.stat().st_mode
    except OSError:  # absent, or a dangling symlink: both are fine targets
        return
    if stat.S_ISDIR(mode):
        raise WriteError("is_folder", path=path)
    if not stat.S_ISREG(mode) and not path.is_symlink():
        # Renaming over /dev/full or a FIFO would replace the device itself.
        raise WriteError("not_regular", path=path)


def _check_lengths(path: Path) -> None:
    try:
        encoded = os.fsencode(path)
    except UnicodeEncodeError:
        raise WriteError("bad_name", path=path) from None
    folder = _existing_ancestor(path)
    path_max = _limit(folder, "PC_PATH_MAX", 4096)
    if len(encoded) >= path_max:  # the limit counts the terminating NUL
        raise WriteError("path_too_long", path=_short(path), size=len(encoded), limit=path_max - 1)
    name_max = _limit(folder, "PC_NAME_MAX", 255)
    for part in path.parts:
        size = len(os.fsencode(part))
        if size > name_max:
            raise WriteError("name_too_long", path=_short(path), size=size, limit=name_max)


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


KEPT_BITS = 0o755
"""What a replaced file's mode may pass on: its owner's bits and read/execute for the rest.

The new file belongs to whoever exports, so set-user-ID, set-group-ID and sticky bits
would grant that user's rights, and group/world write would open it to others.
"""


def _mode_for(path: Path) -> int:
    """A replaced file's mode, less what it must not pass on; a new file's, as `open()` gives.

    mkstemp creates 0o600, which would make an export unreadable to the user's group.
    """
    if path.is_file() and not path.is_symlink():
        return stat.S_IMODE(path.stat().st_mode) & KEPT_BITS
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
        raise WriteError("exists", path=path) from None
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
