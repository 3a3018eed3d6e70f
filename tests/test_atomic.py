"""Atomic writes: whole file or no change, no temp file left behind."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from unittest import mock

import pytest

from accordtui.writing.atomic import WriteError, write_atomic


def test_writes_new_file(tmp_path: Path) -> None:
    path = tmp_path / "out.txt"
    write_atomic(path, "é\n")
    assert path.read_text(encoding="utf-8") == "é\n"


def test_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(WriteError, match="is a folder"):
        write_atomic(tmp_path, "x", overwrite=True)


def test_missing_folder_is_reported(tmp_path: Path) -> None:
    with pytest.raises(WriteError, match="cannot write to"):
        write_atomic(tmp_path / "no" / "out.txt", "x")


def test_failed_write_keeps_the_old_file_and_leaves_no_temp(tmp_path: Path) -> None:
    path = tmp_path / "out.txt"
    path.write_text("old")
    with (
        mock.patch("os.fsync", side_effect=OSError(28, "No space left on device")),
        pytest.raises(WriteError, match="No space left"),
    ):
        write_atomic(path, "new", overwrite=True)
    assert path.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_file_appearing_meanwhile_is_not_clobbered(tmp_path: Path) -> None:
    path = tmp_path / "out.txt"
    real_link = __import__("os").link

    def racing_link(src: str, dst: str) -> None:
        Path(dst).write_text("theirs")
        real_link(src, dst)

    with mock.patch("os.link", side_effect=racing_link), pytest.raises(WriteError):
        write_atomic(path, "ours")
    assert path.read_text() == "theirs"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_devices_are_never_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    __import__("os").mkfifo(fifo)
    with pytest.raises(WriteError, match="not a regular file"):
        write_atomic(fifo, "x", overwrite=True)
    if Path("/dev/full").exists():
        with pytest.raises(WriteError, match="not a regular file"):
            write_atomic(Path("/dev/full"), "x", overwrite=True)
        assert Path("/dev/full").is_char_device()


def test_unwritable_folder_is_reported(tmp_path: Path) -> None:
    # Root ignores permission bits, so the refusal is simulated where it happens.
    with (
        mock.patch("tempfile.mkstemp", side_effect=PermissionError(13, "Permission denied")),
        pytest.raises(WriteError, match="Permission denied"),
    ):
        write_atomic(tmp_path / "out.txt", "x")
    assert list(tmp_path.iterdir()) == []


def test_new_files_get_the_usual_mode_and_replaced_files_keep_theirs(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        fresh = tmp_path / "fresh.txt"
        write_atomic(fresh, "x")
        assert stat.S_IMODE(fresh.stat().st_mode) == 0o644
        kept = tmp_path / "kept.txt"
        kept.write_text("old")
        kept.chmod(0o640)
        write_atomic(kept, "new", overwrite=True)
        assert stat.S_IMODE(kept.stat().st_mode) == 0o640
    finally:
        os.umask(umask)


@pytest.mark.parametrize("umask", [0o002, 0o027, 0o077])
def test_a_new_file_gets_what_the_umask_gives(tmp_path: Path, umask: int) -> None:
    before = os.umask(umask)
    try:
        write_atomic(tmp_path / "new.txt", "x")
    finally:
        os.umask(before)
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o666 & ~umask


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (0o4755, 0o755),
        (0o2755, 0o755),
        (0o1644, 0o644),
        (0o664, 0o644),
        (0o646, 0o644),
        (0o7777, 0o755),
    ],
    ids=["set-user-ID", "set-group-ID", "sticky", "group-write", "world-write", "all"],
)
def test_force_never_passes_on_privilege_or_write_bits(tmp_path: Path, old: int, new: int) -> None:
    path = tmp_path / "old.txt"
    path.write_text("old")
    path.chmod(old)
    assert stat.S_IMODE(path.stat().st_mode) == old  # the file system kept them all
    write_atomic(path, "new", overwrite=True)
    assert stat.S_IMODE(path.stat().st_mode) == new
    assert path.read_text() == "new"
