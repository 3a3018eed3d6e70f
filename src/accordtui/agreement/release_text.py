"""A release's plain text read as the schema holds a release: paragraphs, bullets, headings.

The rules are few so an author can predict them. Blank lines (spaces and no-break spaces
count as blank) separate blocks. In a block, a line starting with a bullet mark (`•`,
`-`, `*`, `–`, `—`, `▪`, `◦`, then a space) starts a bullet; any other line starts a new
paragraph when the line before ended a sentence (`.`, `!`, `?`, `:`, `;`, `…`, `»`,
`”`, `"`), and otherwise continues it (a hard-wrapped line, joined with one space). A
block of one short line that ends no sentence is a subheading. A line such as
`Changed on 01/07/2024` or `Modifié le 01/07/2024` among the first three gives the
page's date (a press page prints it before or after the title); a first block of one
short line that ends no sentence, with text after it, is the title.
Nothing else is dropped, guessed or changed: each text is its lines' words, trimmed.
"""

from __future__ import annotations

import re
import stat
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO, Literal

from accordtui.agreement.errors import AgreementError, Problem
from accordtui.agreement.invisible import forbidden_char
from accordtui.agreement.safe_yaml import YamlProblem, decode

MAX_RELEASE_BYTES = 1024 * 1024
"""A release's text is a few kilobytes: larger input is refused before reading (1 MiB)."""

HEADING_MAX = 150
"""Characters at most in a line read as a title or subheading."""

DATE_AMONG = 3
"""The page's date is looked for in this many first lines that are not blank."""

Kind = Literal["paragraph", "bullet", "heading"]

_BULLET = re.compile(r"[•\-*–—▪◦]\s+")
_ENDS_SENTENCE = tuple('.!?:;…»”"')
_PAGE_DATE = re.compile(
    r"(?:Changed on|Modifié le|Mis à jour le|Updated on|Last changed)\s*(?::\s*)?"
    r"(?:(\d{1,2})/(\d{1,2})/(\d{4})|(\d{4})-(\d{2})-(\d{2}))",
    re.IGNORECASE,
)
"""The page's date: no two patterns take the same spaces, so a run of them costs linear time."""


@dataclass(frozen=True)
class Block:
    """One paragraph, bullet or subheading of the release, with its id."""

    id: str
    kind: Kind
    fr: str


@dataclass(frozen=True)
class Release:
    """What a release's text holds: its body, and the title and page date if it has them."""

    blocks: tuple[Block, ...]
    title: str | None = None
    page_date: date | None = None


def read_release(data: bytes, name: str, max_bytes: int = MAX_RELEASE_BYTES) -> Release:
    """The release in `data`, or AgreementError saying where and why it cannot be one."""
    if len(data) > max_bytes:
        raise _refused(name, f"text is larger than {max_bytes:,} bytes; expected a release")
    try:
        text = decode(data)
    except YamlProblem as problem:
        raise _refused(name, problem.message, problem.line, problem.column) from None
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    _check_characters(name, lines)
    stripped = [line.strip() for line in lines]
    page_date = _take_page_date(name, stripped)
    title = _take_title(stripped)
    blocks = _blocks(stripped)
    if not blocks:
        raise _refused(name, "no text; expected a release's paragraphs")
    return Release(blocks, title, page_date)


def read_release_bytes(path: Path, stdin: BinaryIO, max_bytes: int = MAX_RELEASE_BYTES) -> bytes:
    """A release's bytes from a regular file, or from `stdin` for `-`, read capped."""
    name = str(path)
    try:
        if name == "-":
            return stdin.read(max_bytes + 1)
        if not stat.S_ISREG(path.stat().st_mode):  # a folder, a FIFO, a device
            raise _refused(name, "not a regular file; expected a release's text file")
        with path.open("rb") as handle:
            return handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise _refused(name, "no such file") from None
    except OSError as error:
        raise _refused(name, f"cannot read: {error.strerror}") from None


def _refused(
    name: str, message: str, line: int | None = None, column: int | None = 1
) -> AgreementError:
    return AgreementError([Problem(name, message, line, column if line else None)])


def _check_characters(name: str, lines: list[str]) -> None:
    for number, line in enumerate(lines, 1):
        found = forbidden_char(line)
        if found is not None:
            index, what = found
            message = f"{what}; expected text (is this a binary file?)"
            raise _refused(name, message, number, index + 1)


def _take_page_date(name: str, lines: list[str]) -> date | None:
    """The date of one of the first lines naming when the page changed, blanked then;
    a title before it stays, now a block of its own."""
    firsts = [i for i, line in enumerate(lines) if line][:DATE_AMONG]
    found = ((i, _PAGE_DATE.fullmatch(lines[i])) for i in firsts)
    at, match = next(((i, m) for i, m in found if m), (0, None))
    if match is None:
        return None
    day, month, year, *iso = match.groups()
    try:
        found_day = date(int(iso[0]), int(iso[1]), int(iso[2])) if iso[0] else None
        found_day = found_day or date(int(year), int(month), int(day))
    except ValueError:
        raise _refused(name, "no such day; expected the page's date", at + 1) from None
    lines[at] = ""
    return found_day


def _take_title(lines: list[str]) -> str | None:
    """A first block of one heading-like line, with more text after it; it is blanked."""
    first = next((i for i, line in enumerate(lines) if line), None)
    if first is None or not _heading_like(lines[first]):
        return None
    rest = lines[first + 1 :]
    if not rest or rest[0] or not any(rest):
        return None
    title, lines[first] = lines[first], ""
    return title


def _heading_like(line: str) -> bool:
    short = len(line) <= HEADING_MAX
    return short and not line.endswith(_ENDS_SENTENCE) and not _BULLET.match(line)


def _blocks(lines: list[str]) -> tuple[Block, ...]:
    numbering = _Numbering()
    out: list[Block] = []
    for block in _split_blank(lines):
        if len(block) == 1 and _heading_like(block[0]):
            out.append(numbering.next("heading", block[0]))
            continue
        for kind, text in _pieces(block):
            out.append(numbering.next(kind, text))
    return tuple(out)


def _split_blank(lines: list[str]) -> list[list[str]]:
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [block for block in blocks if block]


def _pieces(block: list[str]) -> list[tuple[Kind, str]]:
    """A block's paragraphs and bullets; a line ending no sentence goes on in the next."""
    pieces: list[tuple[Kind, str]] = []
    open_piece = False
    for line in block:
        bullet = _BULLET.match(line)
        if bullet:
            pieces.append(("bullet", line[bullet.end() :]))
        elif open_piece:
            kind, text = pieces[-1]
            pieces[-1] = (kind, f"{text} {line}")
        else:
            pieces.append(("paragraph", line))
        open_piece = not pieces[-1][1].endswith(_ENDS_SENTENCE)
    return pieces


class _Numbering:
    """Ids as the bundled file has them: `p1`…, a paragraph's bullets `p1-1`…, `h1`…"""

    def __init__(self) -> None:
        self.paragraphs = self.bullets = self.headings = 0

    def next(self, kind: Kind, text: str) -> Block:
        if kind == "heading":
            self.headings += 1
            return Block(f"h{self.headings}", kind, text)
        if kind == "bullet":
            self.bullets += 1
            return Block(f"p{self.paragraphs}-{self.bullets}", kind, text)
        self.paragraphs += 1
        self.bullets = 0
        return Block(f"p{self.paragraphs}", kind, text)
