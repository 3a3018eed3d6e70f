"""Command line: browse, validate, export, schema. No traceback ever reaches a user."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, cast

from accordtui import __version__
from accordtui.agreement import collector
from accordtui.agreement.errors import AgreementError
from accordtui.agreement.loader import DEFAULT_MAX_BYTES
from accordtui.agreement.model import LANGS, Agreement, Lang
from accordtui.writing.inert import inert
from accordtui.writing.output import OutputError, report, write_out

if TYPE_CHECKING:
    from accordtui.agreement.cache import ValidatedCache

COMMANDS = ("validate", "export", "schema", "serve")
EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2
_VALUE_OPTIONS = (
    "--lang",
    "--theme",
    "--max-size",
    "--format",
    "--width",
    "--output",
    "--host",
    "--port",
)
"""Long options that take a value, in any command: skipped when looking for a command."""
_SHORT_VALUE_OPTIONS = ("-f", "-o")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `accordtui` script; returns the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    # No pydantic plugins for this program: finding them scans every installed
    # package's metadata at the first validation (~20 ms). Set it empty to allow them.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    try:
        ns = parse(args)
        if ns.command is None:
            return _browse(ns)
        return _run_command(ns)
    except OutputError as error:
        report(f"accordtui: {error}")
        return EXIT_INVALID
    except KeyboardInterrupt:
        return 130


def parse(args: Sequence[str]) -> argparse.Namespace:
    """Parse a command line; options may stand anywhere among the positionals.

    Options given before a command belong to it: `accordtui --lang en export
    quotes` is `accordtui export quotes --lang en`. A usage error prints the
    usage of the command concerned and exits 2.
    """
    args = _command_first(list(args))
    if args and args[0] in COMMANDS:
        ns = _COMMAND_PARSERS[args[0]]().parse_intermixed_args(args[1:])
        ns.command = args[0]
    else:
        ns = _browse_parser().parse_intermixed_args(args)
        ns.command = None
    return ns


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
    return option.startswith("--") and any(full.startswith(option) for full in _VALUE_OPTIONS)


class _Parser(argparse.ArgumentParser):
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


def _run_command(ns: argparse.Namespace) -> int:
    if ns.command == "validate":
        return _validate(ns.paths, _max_bytes(ns), _cache(ns))
    if ns.command == "export":
        return _export(ns)
    if ns.command == "serve":
        return _serve(ns)
    write_out(json.dumps(Agreement.model_json_schema(), indent=2, ensure_ascii=False) + "\n")
    return EXIT_OK


def _max_size_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--max-size",
        type=_positive_int,
        metavar="MIB",
        default=DEFAULT_MAX_BYTES // 2**20,
        help="refuse files larger than this many MiB (default: %(default)s)",
    )


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a number of at least 1, got {value}")
    return value


def _max_bytes(ns: argparse.Namespace) -> int:
    return int(ns.max_size) * 2**20


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


def _cache(ns: argparse.Namespace) -> ValidatedCache | None:
    """The user's validated-file cache, unless --no-cache; under --debug it says why it
    skips a folder or an entry."""
    if ns.no_cache:
        return None
    from accordtui.agreement.cache import ValidatedCache

    return ValidatedCache.default(report if ns.debug else _quiet)


def _quiet(line: str) -> None:
    """Nothing about the cache reaches the user without --debug."""


def _browse_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="accordtui",
        description="Browse the IMT–Inria framework partnership agreement in the terminal.",
        epilog="commands: accordtui validate [PATH…], accordtui export SECTION [PATH], "
        "accordtui schema, accordtui serve [PATH] (each has --help)",
    )
    parser.add_argument("path", nargs="?", type=Path, help="agreement file (default: bundled)")
    parser.add_argument("--lang", choices=LANGS, default="fr", help="content language")
    parser.add_argument("--theme", help="a Textual theme name, e.g. textual-dark")
    parser.add_argument(
        "--debug", action="store_true", help="on an unexpected error, print the traceback"
    )
    parser.add_argument("--version", action="version", version=f"accordtui {__version__}")
    _max_size_option(parser)
    _cache_option(parser, debug=False)
    return parser


def _validate_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="accordtui validate", description="Check agreement files.")
    parser.add_argument(
        "paths", nargs="*", type=Path, metavar="PATH", help="agreement files (default: bundled)"
    )
    _max_size_option(parser)
    _cache_option(parser)
    return parser


def _export_parser() -> argparse.ArgumentParser:
    from accordtui.rendering.export import EXPORT_SECTIONS, FORMATS

    parser = _Parser(
        prog="accordtui export", description="Write a section as text, Markdown or JSON."
    )
    parser.add_argument("section", choices=EXPORT_SECTIONS)
    parser.add_argument("path", nargs="?", type=Path, help="agreement file (default: bundled)")
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
    return parser


def _schema_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="accordtui schema", description="Print the JSON Schema of agreement files."
    )
    _cache_option(parser)  # accepted by every command; this one reads no file
    return parser


def _serve_parser() -> argparse.ArgumentParser:
    from accordtui.web.serve import host_option, port_option

    parser = _Parser(prog="accordtui serve", description="Open the browser in web pages.")
    parser.add_argument("path", nargs="?", type=Path, help="agreement file (default: bundled)")
    parser.add_argument("--host", type=host_option, default="127.0.0.1", help="default: loopback")
    parser.add_argument("--port", type=port_option, default=8000, help="default: %(default)s")
    parser.add_argument("--lang", choices=LANGS, default="fr", help="content language")
    _max_size_option(parser)
    _cache_option(parser)
    return parser


_COMMAND_PARSERS: dict[str, Callable[[], argparse.ArgumentParser]] = {
    "validate": _validate_parser,
    "export": _export_parser,
    "schema": _schema_parser,
    "serve": _serve_parser,
}


def _load(path: Path | None, max_bytes: int, cache: ValidatedCache | None) -> Agreement | None:
    """The validated agreement, or None after printing each problem to stderr."""
    from accordtui.agreement.loader import bundled_path, load_agreement

    try:
        return load_agreement(path or bundled_path(), max_bytes, cache)
    except AgreementError as error:
        for problem in error.problems:
            report(str(problem))
        return None


def _validate(paths: list[Path], max_bytes: int, cache: ValidatedCache | None) -> int:
    from accordtui.agreement.loader import bundled_path

    status = EXIT_OK
    for path in paths or [bundled_path()]:
        if _load(path, max_bytes, cache) is None:
            status = EXIT_INVALID
        else:
            write_out(inert(f"{path}: OK") + "\n")
    return status


def _export(ns: argparse.Namespace) -> int:
    from accordtui.rendering.export import render
    from accordtui.writing.atomic import WriteError, resolve_target, write_atomic

    agreement = _load(ns.path, _max_bytes(ns), _cache(ns))
    if agreement is None:
        return EXIT_INVALID
    text = render(agreement, ns.section, ns.format, cast(Lang, ns.lang), ns.width)
    if ns.output in (None, "-"):
        write_out(text)
        return EXIT_OK
    try:
        write_atomic(resolve_target(ns.output), text, overwrite=ns.force)
    except WriteError as error:
        hint = "; use --force to overwrite it" if error.problem == "exists" else ""
        report(f"accordtui: {error}{hint}")
        return EXIT_INVALID
    report(f"accordtui: wrote {ns.output}")
    return EXIT_OK


def _serve(ns: argparse.Namespace) -> int:
    from accordtui.agreement.loader import bundled_path
    from accordtui.web.serve import serve

    if _load(ns.path, _max_bytes(ns), _cache(ns)) is None:
        return EXIT_INVALID
    return serve(ns.path or bundled_path(), ns.host, ns.port, ns.lang, _max_bytes(ns))


def _browse(ns: argparse.Namespace) -> int:
    collector.hold()  # until the browser's first frame; here if it never shows one
    cache = _cache(ns)
    try:
        with cache.puts_held() if cache else nullcontext():  # kept once the reader quits
            agreement = _load(ns.path, _max_bytes(ns), cache)
            if agreement is None:
                return EXIT_INVALID
            from accordtui.browser.run import run_browser

            return run_browser(agreement, cast(Lang, ns.lang), ns.theme, debug=ns.debug)
    finally:
        collector.release()
