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
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from accordtui import __version__
from accordtui.agreement.loader import DEFAULT_MAX_BYTES, STDIN, Source
from accordtui.agreement.model import LANGS
from accordtui.writing.output import report, write_out

DEFAULT_COMMAND = "open"
"""What `accordtui [PATH]` runs when no command is named."""

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
    _open_options(root, with_path=False)
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


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a number of at least 1, got {value}")
    return value


def _source(word: str) -> Source:
    """An agreement file; `-` is standard input (`./-` a file named `-`)."""
    return STDIN if word == "-" else Path(word)


def _file_argument(parser: argparse.ArgumentParser) -> None:
    """An agreement file; shells complete it as a path."""
    action = parser.add_argument(
        "path",
        nargs="?",
        type=_source,
        help="agreement file, - for standard input (default: the bundled agreement)",
    )
    action.complete = {"bash": "_shtab_compgen_files", "zsh": "_files"}  # type: ignore[attr-defined]


def _max_size_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--max-size",
        type=_positive_int,
        metavar="MIB",
        default=DEFAULT_MAX_BYTES // 2**20,
        help="refuse files larger than this many MiB (default: %(default)s)",
    )


def _cache_option(parser: argparse.ArgumentParser, *, debug: bool = True) -> None:
    """`--no-cache`, and (unless the command has its own) `--debug` for the cache's notes."""
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="validate the file again and keep nothing in the cache folder",
    )
    if debug:
        parser.add_argument(
            "--debug", action="store_true", help="say why the cache folder or an entry is skipped"
        )


def _open_options(parser: argparse.ArgumentParser, *, with_path: bool = True) -> None:
    if with_path:
        _file_argument(parser)
    parser.add_argument("--lang", choices=LANGS, default="fr", help="content language")
    parser.add_argument("--theme", help="a Textual theme name, e.g. textual-dark")
    parser.add_argument(
        "--debug", action="store_true", help="on an unexpected error, print the traceback"
    )
    parser.add_argument(
        "--watch", action="store_true", help="read the file again on each save; keep your place"
    )
    _max_size_option(parser)
    _cache_option(parser, debug=False)


def _validate_options(parser: argparse.ArgumentParser) -> None:
    action = parser.add_argument(
        "paths",
        nargs="*",
        type=_source,
        metavar="PATH",
        help="agreement files, - for standard input (default: bundled)",
    )
    action.complete = {"bash": "_shtab_compgen_files", "zsh": "_files"}  # type: ignore[attr-defined]
    parser.add_argument(
        "-f",
        "--format",
        choices=("text", "json"),
        default="text",
        help="text: FILE: OK or FILE:LINE:COLUMN: problem lines; json: one report on stdout",
    )
    _max_size_option(parser)
    _cache_option(parser)


def _export_options(parser: argparse.ArgumentParser) -> None:
    from accordtui.rendering.export import EXPORT_SECTIONS, FORMATS

    parser.add_argument("section", choices=EXPORT_SECTIONS, help="what to export")
    _file_argument(parser)
    parser.add_argument("-f", "--format", choices=FORMATS, default="text", help="default: text")
    parser.add_argument(
        "--lang", choices=LANGS, default="fr", help="fr: the original; en: our translation"
    )
    parser.add_argument(
        "--width", type=_positive_int, default=80, help="text wraps here (default: 80)"
    )
    parser.add_argument("-o", "--output", metavar="OUT", help="write here; - means stdout")
    parser.add_argument("--force", action="store_true", help="overwrite an existing file")
    _max_size_option(parser)
    _cache_option(parser)


def _schema_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-o", "--output", metavar="OUT", help="write here, e.g. beside your files; - is stdout"
    )
    parser.add_argument("--force", action="store_true", help="overwrite an existing file")
    _cache_option(parser)  # accepted by every command that may read a file; this one reads none


def _serve_options(parser: argparse.ArgumentParser) -> None:
    from accordtui.web.serve import host_option, port_option

    _file_argument(parser)
    parser.add_argument("--host", type=host_option, default="127.0.0.1", help="default: loopback")
    parser.add_argument("--port", type=port_option, default=8000, help="default: %(default)s")
    parser.add_argument("--lang", choices=LANGS, default="fr", help="content language")
    parser.add_argument(
        "--max-tabs",
        type=_positive_int,
        default=8,
        metavar="N",
        help="tabs open at once (default: 8)",
    )
    _max_size_option(parser)
    _cache_option(parser)


def _new_options(parser: argparse.ArgumentParser) -> None:
    from accordtui.writing.new_agreement import page_date_option

    action = parser.add_argument(
        "release", type=Path, metavar="RELEASE", help="the release's plain text; - for stdin"
    )
    action.complete = {"bash": "_shtab_compgen_files", "zsh": "_files"}  # type: ignore[attr-defined]
    parser.add_argument(
        "-o", "--output", type=Path, default=Path("accord.yaml"), help="default: accord.yaml"
    )
    parser.add_argument("--force", action="store_true", help="overwrite an existing file")
    parser.add_argument(
        "--page-date",
        type=page_date_option,
        metavar="YYYY-MM-DD",
        help="the day the page was last changed, if its text does not say",
    )
    parser.add_argument("--no-open", action="store_true", help="do not open it in the browser")


def _completion_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("shell", choices=("bash", "zsh", "fish"), help="the shell to complete in")


def _help_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("topic", nargs="?", choices=tuple(COMMANDS), help="a command")


COMMANDS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None]]] = {
    DEFAULT_COMMAND: ("browse an agreement in the terminal (the default command)", _open_options),
    "validate": ("check agreement files: FILE: OK, or located errors", _validate_options),
    "export": ("write a section as text, Markdown or JSON", _export_options),
    "schema": ("print the JSON Schema of agreement files", _schema_options),
    "serve": ("open the browser in web pages", _serve_options),
    "new": ("write a starting agreement from a release's text", _new_options),
    "completion": ("print a shell completion script (bash, zsh or fish)", _completion_options),
    "help": ("show the help of accordtui or of a command", _help_options),
}
"""Every command: its one-line summary and the function that adds its arguments."""
