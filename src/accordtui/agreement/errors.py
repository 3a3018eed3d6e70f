"""Errors a user can cause, each located in the file that caused it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple


class Problem(NamedTuple):
    """One thing wrong with an input file, with where and what was expected.

    A NamedTuple, not a frozen dataclass: this module is imported before the first
    frame, where a dataclass costs 3 M instructions to define."""

    file: str
    message: str
    line: int | None = None
    """1-based line, when the problem has a place in the file."""
    column: int | None = None
    """1-based column."""
    path: str = ""
    """Field path such as `quotes[1].speaker`; empty for file-level problems."""

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}:{self.column or 1}"
        field = f" {self.path}:" if self.path else ""
        return f"{where}:{field} {self.message}"


class AgreementError(Exception):
    """An agreement file could not be read or is not valid."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def format_path(loc: Sequence[str | int]) -> str:
    """Render a pydantic location as `quotes[1].speaker`."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


def shown(text: str, limit: int = 40) -> str:
    """Quote a piece of input for an error message: escaped, short, never markup or control."""
    clipped = text if len(text) <= limit else text[:limit] + "…"
    escaped = "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in clipped)
    return "'" + escaped + "'"
