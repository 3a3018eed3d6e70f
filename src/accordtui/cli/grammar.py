"""The command line's grammar: one argparse tree, each command a subparser.

The help, the shell completions and the man page are all drawn from this tree. To
run a command only its own subparser is built (`command_parser`): building the
whole tree imports the export and serve options, which a start of the browser does
not need.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from accordtui import __version__
from accordtui.cli.options import COMMANDS, DEFAULT_COMMAND, open_options
from accordtui.writing.output import report, write_out

_VALUE_OPTIONS = (
    "--lang",
    "--theme",
    "--max-size",
    "--format",
    "--width",
    "--output",
    "--host",
    "--port",
    "--max-tabs",
    "--page-date",
)
"""Long options that take a value, in any command: skipped when looking for a command."""
_SHORT_VALUE_OPTIONS = ("-f", "-o")
_BARE_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")
"""A first word that looks like a command, not a path (no dot, no slash)."""


class Parser(argparse.ArgumentParser):
    """argparse, with help and errors written as UTF-8 bytes and made inert."""

    def print_help(self, file: object = None) -> None:
        self._emit(self.format_help(), file)

    def print_usage(self, file: object = None) -> None:
        self._emit(self.format_usage(), file)

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if message:
            report(message.rstrip("\n"))
        raise SystemExit(status)

    @staticmethod
    def _emit(text: str, file: object) -> None:
        if file is None or file is sys.stdout:
            write_out(text)
        else:
            for line in text.rstrip("\n").split("\n"):
                report(line)


def parse(args: Sequence[str]) -> argparse.Namespace:
    """Parse a command line; options may stand anywhere among the positionals.

    Options given before a command belong to it: `accordtui --lang en export
    quotes` is `accordtui export quotes --lang en`. A usage error prints the
    usage of the command concerned and exits 2.
    """
    words = _command_first(list(args))
    if words and words[0] in COMMANDS:
        name, rest = words[0], words[1:]
    else:
        if any(word in ("-h", "--help", "-V", "--version") for word in _options(words)):
            build().parse_args(words)  # prints the whole tree's help or the version; exits
        _refuse_unknown_command(words)
        name, rest = DEFAULT_COMMAND, words
    named = rest is not words
    ns = command_parser(name, named=named).parse_intermixed_args(rest)
    ns.command = name if named else None
    return ns


def build() -> Parser:
    """The whole tree: `accordtui` with every command as a subparser."""
    root = Parser(
        prog="accordtui",
        usage="%(prog)s [PATH | COMMAND ...] [options]",
        description="Browse, check and export the IMT–Inria framework partnership agreement, "
        "or any agreement written to the same schema. Without a command, opens the browser "
        "on PATH (default: the bundled agreement).",
        epilog="Each command has --help. Exit codes: 0 success, 1 invalid file or write "
        "error, 2 usage error.",
    )
    root.add_argument("-V", "--version", action="version", version=f"accordtui {__version__}")
    open_options(root, with_path=False)
    commands = root.add_subparsers(dest="command", title="commands", metavar="COMMAND")
    for name, (summary, add_arguments) in COMMANDS.items():
        add_arguments(commands.add_parser(name, help=summary, description=_sentence(summary)))
    return root


def command_parser(name: str, *, named: bool = True) -> Parser:
    """One command's parser alone, as it stands in the tree (`accordtui` if not named)."""
    summary, add_arguments = COMMANDS[name]
    prog = f"accordtui {name}" if named else "accordtui"
    parser = Parser(prog=prog, description=_sentence(summary))
    add_arguments(parser)
    return parser


def _sentence(summary: str) -> str:
    return summary[0].upper() + summary[1:] + "."


def _options(words: list[str]) -> list[str]:
    return words[: words.index("--")] if "--" in words else words


def _first_word(words: list[str]) -> str | None:
    """The first positional word, skipping options and their values."""
    index = 0
    while index < len(words):
        word = words[index]
        if word == "--":
            return words[index + 1] if index + 1 < len(words) else None
        if word.startswith("-") and word != "-":
            index += 2 if _takes_value(word) else 1
            continue
        return word
    return None


def _command_first(args: list[str]) -> list[str]:
    """Move a command named after leading options to the front."""
    index = 0
    while index < len(args) and args[index].startswith("-") and args[index] not in ("-", "--"):
        index += 2 if _takes_value(args[index]) else 1
    if 0 < index < len(args) and args[index] in COMMANDS:
        return [args[index], *args[:index], *args[index + 1 :]]
    return args


def _takes_value(option: str) -> bool:
    """Whether `option` (possibly abbreviated, as argparse allows) takes the next word."""
    if option in _SHORT_VALUE_OPTIONS:
        return True
    if "=" in option:
        return False
    return option.startswith("--") and any(full.startswith(option) for full in _VALUE_OPTIONS)


def _refuse_unknown_command(words: list[str]) -> None:
    """`accordtui valdate`: a usage error naming the nearest command, not "no such file".

    A first word is taken for a file when it exists or looks like a path (a dot or a
    slash in it); a bare word that is neither is a mistyped command.
    """
    word = _first_word(words)
    if word is None or not _BARE_WORD.fullmatch(word) or Path(word).exists():
        return
    nearest = difflib.get_close_matches(word, COMMANDS, n=1, cutoff=0.6)
    hint = f" (did you mean {nearest[0]!r}?)" if nearest else ""
    root = build()
    root.error(f"{word!r} is neither a command nor a file{hint}; commands: {', '.join(COMMANDS)}")
