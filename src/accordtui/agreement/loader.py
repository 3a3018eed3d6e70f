"""Load an agreement file into a validated model, or explain exactly what is wrong."""

from __future__ import annotations

import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from accordtui.agreement import collector
from accordtui.agreement.errors import AgreementError, Problem

if TYPE_CHECKING:
    from accordtui.agreement.cache import ValidatedCache
    from accordtui.agreement.model import Agreement
    from accordtui.agreement.progress import Progress

DEFAULT_MAX_BYTES = 8 * 1024 * 1024
"""Files larger than this are refused before parsing (8 MiB)."""


def bundled_path() -> Path:
    """The agreement shipped with the package (the repo's `data/accord.yaml`)."""
    # Beside the package's modules, as importlib.resources would find it (and
    # without importing it and zipfile before the first frame: ~4 M instructions).
    packaged = Path(__file__).resolve().parents[1] / "data" / "accord.yaml"
    if packaged.is_file():
        return packaged
    # An editable install runs from the source tree, where the file sits at the root.
    return Path(__file__).resolve().parents[3] / "data" / "accord.yaml"


class StandardInput:
    """`-` where a file is named: the agreement is read from standard input, once."""

    name = "<stdin>"
    """As a file's name, where exports print it."""

    def __str__(self) -> str:
        return self.name


STDIN = StandardInput()
Source = Path | StandardInput
"""Where an agreement is read from."""


def load_agreement(
    path: Source,
    max_bytes: int = DEFAULT_MAX_BYTES,
    cache: ValidatedCache | None = None,
    progress: Progress | None = None,
    *,
    view: bool = False,
) -> Agreement:
    """Read, parse and validate `path`; raise AgreementError naming every problem.

    With a `cache`, bytes validated before are not validated again, and newly
    validated ones are kept. `progress`, if given, follows each stage. With `view`,
    a cache hit gives the agreement's plain views (`agreement.view`), read without
    importing pydantic or the model, for a reader that only shows it.
    """
    data = read_capped(path, max_bytes)
    if cache is None:
        return parse_agreement(data, str(path), progress)
    if progress is not None:
        progress.begin("cache")
    with collector.paused():
        agreement = _viewed(cache, data) if view else cache.get(data)
    if agreement is None:
        agreement = parse_agreement(data, str(path), progress)
        cache.put(data, agreement)
    return agreement


def _viewed(cache: ValidatedCache, data: bytes) -> Agreement | None:
    from accordtui.agreement.view import ViewError, agreement_view

    body = cache.get_body(data)
    if body is None:
        return None
    try:
        return agreement_view(body)
    except ViewError:  # a damaged entry is only a miss
        return None


def read_capped(path: Source, max_bytes: int) -> bytes:
    """Read a regular file, refusing it before reading if it is larger than `max_bytes`;
    or standard input, refused once it has given more than `max_bytes`."""
    name = str(path)
    if isinstance(path, StandardInput):
        return _capped(name, _read_stdin(name, max_bytes), max_bytes)
    try:
        mode = path.stat().st_mode
        if stat.S_ISDIR(mode):
            raise AgreementError([Problem(name, "is a directory; expected a YAML file")])
        if not stat.S_ISREG(mode):  # a FIFO or device could block or never end
            raise AgreementError([Problem(name, "not a regular file; expected a YAML file")])
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise AgreementError([Problem(name, "no such file")]) from None
    except OSError as error:
        raise AgreementError([Problem(name, f"cannot read: {error.strerror}")]) from None
    return _capped(name, data, max_bytes)


def _read_stdin(name: str, max_bytes: int) -> bytes:
    if sys.stdin is None:  # started with descriptor 0 closed
        raise AgreementError([Problem(name, "no standard input to read")])
    try:
        return sys.stdin.buffer.read(max_bytes + 1)
    except OSError as error:
        raise AgreementError([Problem(name, f"cannot read: {error.strerror}")]) from None


def _capped(name: str, data: bytes, max_bytes: int) -> bytes:
    if len(data) > max_bytes:
        raise AgreementError(
            [Problem(name, f"file is larger than {max_bytes:,} bytes; raise --max-size to open it")]
        )
    return data


def parse_agreement(
    data: bytes, name: str = "<input>", progress: Progress | None = None
) -> Agreement:
    """Validate the bytes of an agreement file; `name` is used in error messages."""
    from accordtui.agreement.parsing import (
        parse,  # here: a cached start needs no YAML parser (~25 ms)
    )

    with collector.paused():
        return parse(data, name, progress)
