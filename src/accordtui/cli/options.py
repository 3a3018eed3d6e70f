"""Each command's arguments and one-line summary: the leaves of the grammar's tree."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from accordtui.agreement.lang import LANGS
from accordtui.agreement.loader import DEFAULT_MAX_BYTES, STDIN, Source

DEFAULT_COMMAND = "open"
"""What `accordtui [PATH]` runs when no command is named."""
FILE_COMPLETION = {"bash": "_shtab_compgen_files", "zsh": "_files"}
"""What shtab completes a file argument with (its `shtab.FILE`, without importing shtab)."""


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
    action.complete = FILE_COMPLETION  # type: ignore[attr-defined]


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


def open_options(parser: argparse.ArgumentParser, *, with_path: bool = True) -> None:
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
    parser.description = f"{parser.description or ''} " + (
        "Every French text quotes the release word for word; […] marks a cut (not "
        "'...'), and an entry's text starts and ends with a sentence or with […]. "
        "Each error says what to write; placeholders of 'accordtui new' are warnings."
    )
    action = parser.add_argument(
        "paths",
        nargs="*",
        type=_source,
        metavar="PATH",
        help="agreement files, - for standard input (default: bundled)",
    )
    action.complete = FILE_COMPLETION  # type: ignore[attr-defined]
    parser.add_argument(
        "-f",
        "--format",
        choices=("text", "json"),
        default="text",
        help="text: FILE: OK or FILE:LINE:COLUMN: problem lines; json: one report on stdout",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="exit 1 also for warnings: placeholders of `accordtui new` left, speakers to check",
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

    parser.description = f"{parser.description or ''} " + (
        "The lead, the signing, the parties, the people and the quotes (« » whose "
        "sentence names the speaker, or a paragraph after a 'Name, title :' line) are "
        "drafted from the release's own words, each marked as a guess to check. What the "
        "release does not give is a placeholder: 'accordtui validate' warns of each one "
        "left, and the browser shows it as still to write."
    )

    action = parser.add_argument(
        "release", type=Path, metavar="RELEASE", help="the release's plain text; - for stdin"
    )
    action.complete = FILE_COMPLETION  # type: ignore[attr-defined]
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
    DEFAULT_COMMAND: ("browse an agreement in the terminal (the default command)", open_options),
    "validate": ("check agreement files: FILE: OK, or located errors", _validate_options),
    "export": ("write a section as text, Markdown or JSON", _export_options),
    "schema": ("print the JSON Schema of agreement files", _schema_options),
    "serve": ("open the browser in web pages", _serve_options),
    "new": ("write a starting agreement from a release's text", _new_options),
    "completion": ("print a shell completion script (bash, zsh or fish)", _completion_options),
    "help": ("show the help of accordtui or of a command", _help_options),
}
"""Every command: its one-line summary and the function that adds its arguments."""
