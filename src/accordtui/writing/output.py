"""Write to stdout and stderr as UTF-8 bytes: all of it, or an error.

Python's text streams encode with the locale or `PYTHONIOENCODING` (an ASCII
stream cannot hold the French text) and, unbuffered (`PYTHONUNBUFFERED=1`),
drop the rest of a short write without a word. Writing the bytes ourselves, in
a loop until the last one is taken, avoids both.
"""

from __future__ import annotations

import contextlib
import os
import select
import sys
from typing import TextIO

from accordtui.writing.inert import inert


class OutputError(Exception):
    """Standard output could not take what we wrote (closed pipe, full disk)."""


def write_out(text: str) -> None:
    """Write all of `text` to stdout as UTF-8; raise OutputError if any of it cannot go."""
    _write(sys.stdout, text.encode("utf-8"))


def report(message: str) -> None:
    """Print `message` on stderr as one inert line (see `accordtui.writing.inert`).

    A newline or carriage return inside it is escaped too: a file name must not
    start a line of its own. A failure here has nowhere left to be reported, so
    it is dropped.
    """
    with contextlib.suppress(OutputError):
        _write(sys.stderr, (inert(message) + "\n").encode("utf-8"))


def _write(stream: TextIO | None, data: bytes) -> None:
    if stream is None:  # started with the descriptor closed
        raise OutputError("no output stream to write to")
    try:
        fd = stream.fileno()
    except (AttributeError, ValueError, OSError):  # an in-memory stream (tests, embedding)
        _write_text(stream, data.decode("utf-8"))
        return
    _write_text(stream, "")  # what the text layer still holds goes first
    _write_all(fd, data)


def _write_text(stream: TextIO, text: str) -> None:
    try:
        stream.write(text)
        stream.flush()
    except BrokenPipeError:
        raise OutputError("output closed before everything was written") from None
    except (OSError, ValueError) as error:
        raise OutputError(
            f"cannot write output: {getattr(error, 'strerror', None) or error}"
        ) from None


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        try:
            written = os.write(fd, view)
        except BlockingIOError:  # a non-blocking descriptor that is full for now
            select.select([], [fd], [])
            continue
        except BrokenPipeError:
            raise OutputError("output closed before everything was written") from None
        except OSError as error:
            raise OutputError(f"cannot write output: {error.strerror or error}") from None
        if written == 0:
            raise OutputError("cannot write output: nothing more was accepted")
        view = view[written:]
