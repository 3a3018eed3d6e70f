"""Command line: browse, validate, export, schema. No traceback ever reaches a user."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import cast

from accordtui import __version__
from accordtui.errors import AgreementError
from accordtui.model import LANGS, Agreement, Lang
from accordtui.safe_yaml import DEFAULT_MAX_BYTES

COMMANDS = ("validate", "export", "schema", "serve")
EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


class OutputError(Exception):
    """Standard output could not take what we wrote (closed pipe, full disk)."""


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `accordtui` script; returns the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    # No pydantic plugins for this program: finding them scans every installed
    # package's metadata at the first validation (~20 ms). Set it empty to allow them.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    try:
        if args and args[0] in COMMANDS:
            return _run_command(args)
        return _browse(_browse_parser().parse_args(args))
    except OutputError as error:
        _silence_stdout()
        print(f"accordtui: {error}", file=sys.stderr)
        return EXIT_INVALID
    except KeyboardInterrupt:
        return 130


def _run_command(args: list[str]) -> int:
    parser = _command_parser()
    ns = parser.parse_args(args)
    if ns.command == "validate":
        return _validate(ns.paths, _max_bytes(ns))
    if ns.command == "export":
        return _export(ns)
    if ns.command == "serve":
        return _serve(ns)
    _out(json.dumps(Agreement.model_json_schema(), indent=2, ensure_ascii=False) + "\n")
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


def _browse_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="accordtui",
        description="Browse the IMT–Inria framework partnership agreement in the terminal.",
        epilog="commands: accordtui validate PATH…, accordtui export SECTION [PATH], "
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
    return parser


def _command_parser() -> argparse.ArgumentParser:
    from accordtui.export import EXPORT_SECTIONS, FORMATS

    parser = argparse.ArgumentParser(prog="accordtui")
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="check agreement files")
    validate.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    _max_size_option(validate)
    export = commands.add_parser("export", help="write a section as text, Markdown or JSON")
    export.add_argument("section", choices=EXPORT_SECTIONS)
    export.add_argument("path", nargs="?", type=Path, help="agreement file (default: bundled)")
    export.add_argument("-f", "--format", choices=FORMATS, default="text")
    export.add_argument("--lang", choices=LANGS, default="fr")
    export.add_argument("--width", type=_positive_int, default=80)
    export.add_argument("-o", "--output", type=Path, help="write here instead of stdout")
    export.add_argument("--force", action="store_true", help="overwrite an existing file")
    _max_size_option(export)
    commands.add_parser("schema", help="print the JSON Schema of agreement files")
    _serve_parser(commands.add_parser("serve", help="open the browser in web pages"))
    return parser


def _serve_parser(serve: argparse.ArgumentParser) -> None:
    from accordtui.serve import host_option, port_option

    serve.add_argument("path", nargs="?", type=Path, help="agreement file (default: bundled)")
    serve.add_argument("--host", type=host_option, default="127.0.0.1", help="default: loopback")
    serve.add_argument("--port", type=port_option, default=8000, help="default: %(default)s")
    serve.add_argument("--lang", choices=LANGS, default="fr", help="content language")
    _max_size_option(serve)


def _load(path: Path | None, max_bytes: int) -> Agreement | None:
    """The validated agreement, or None after printing each problem to stderr."""
    from accordtui.cache import ValidatedCache
    from accordtui.loader import bundled_path, load_agreement

    try:
        return load_agreement(path or bundled_path(), max_bytes, ValidatedCache())
    except AgreementError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return None


def _validate(paths: list[Path], max_bytes: int) -> int:
    status = EXIT_OK
    for path in paths:
        if _load(path, max_bytes) is None:
            status = EXIT_INVALID
        else:
            _out(f"{path}: OK\n")
    return status


def _export(ns: argparse.Namespace) -> int:
    from accordtui.atomic import WriteError, write_atomic
    from accordtui.export import render

    agreement = _load(ns.path, _max_bytes(ns))
    if agreement is None:
        return EXIT_INVALID
    text = render(agreement, ns.section, ns.format, cast(Lang, ns.lang), ns.width)
    if ns.output is None:
        _out(text)
        return EXIT_OK
    try:
        write_atomic(ns.output, text, overwrite=ns.force)
    except WriteError as error:
        print(f"accordtui: {error}", file=sys.stderr)
        return EXIT_INVALID
    print(f"accordtui: wrote {ns.output}", file=sys.stderr)
    return EXIT_OK


def _serve(ns: argparse.Namespace) -> int:
    from accordtui.loader import bundled_path
    from accordtui.serve import serve

    if _load(ns.path, _max_bytes(ns)) is None:
        return EXIT_INVALID
    return serve(ns.path or bundled_path(), ns.host, ns.port, ns.lang, _max_bytes(ns))


def _browse(ns: argparse.Namespace) -> int:
    agreement = _load(ns.path, _max_bytes(ns))
    if agreement is None:
        return EXIT_INVALID
    from accordtui.browser.run import run_browser

    return run_browser(agreement, cast(Lang, ns.lang), ns.theme, debug=ns.debug)


def _out(text: str) -> None:
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        raise OutputError("output closed before everything was written") from None
    except OSError as error:
        raise OutputError(f"cannot write output: {error.strerror or error}") from None


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        return
