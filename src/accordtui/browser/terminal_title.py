"""The terminal's title names the agreement while the browser runs.

A reader with several terminals finds the one showing this agreement; the title
that was there before comes back on the way out (xterm's title stack: push, then
pop; terminals without one ignore both, and the shell's prompt sets its own).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import TYPE_CHECKING, TextIO

from accordtui.agreement.lang import Lang
from accordtui.rendering.labels import label
from accordtui.writing.inert import inert

if TYPE_CHECKING:
    from accordtui.agreement.model import Title

PUSH, POP = "\x1b[22;2t", "\x1b[23;2t"
"""Save the window title on the terminal's stack; restore it."""


def window_title(title: Title, lang: Lang) -> str:
    """`Title [ours] — accordtui`: a title of ours says so here too."""
    name = title.pick(lang)
    if title.editorial:
        name += f" {label('grouping_mark', lang)}"
    return f"{name} — accordtui"


@contextmanager
def titled(out: TextIO, name: str) -> Iterator[None]:
    """`name` as the title of the terminal behind `out`, until the block ends.

    The name is data: anything in it that could steer the terminal is escaped.
    """
    _write(out, f"{PUSH}\x1b]2;{inert(name)}\x07")
    try:
        yield
    finally:
        _write(out, POP)


def _write(out: TextIO, text: str) -> None:
    with suppress(OSError, ValueError):  # the terminal is gone (SIGHUP) or closed
        out.write(text)
        out.flush()
