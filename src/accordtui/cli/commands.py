"""What each command does, once its words are parsed. No traceback reaches a user."""

from __future__ import annotations

import argparse
import os
import sys
from contextlib import nullcontext, suppress
from pathlib import Path
from typing import TYPE_CHECKING, cast

from accordtui.agreement import collector
from accordtui.agreement.errors import AgreementError, Problem
from accordtui.agreement.lang import Lang
from accordtui.agreement.loader import Source, StandardInput
from accordtui.writing.inert import inert
from accordtui.writing.output import report, write_out

if TYPE_CHECKING:
    from accordtui.agreement.cache import ValidatedCache
    from accordtui.agreement.model import Agreement

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def run(ns: argparse.Namespace) -> int:
    """Run the parsed command (None: the default, `open`); returns the exit code."""
    return _RUNS[ns.command or "open"](ns)


def _max_bytes(ns: argparse.Namespace) -> int:
    return int(ns.max_size) * 2**20


def _cache(ns: argparse.Namespace) -> ValidatedCache | None:
    """The user's validated-file cache, unless --no-cache; under --debug it says why it
    skips a folder or an entry."""
    if ns.no_cache:
        return None
    from accordtui.agreement.cache import ValidatedCache

    return ValidatedCache.default(report if ns.debug else _quiet)


def _quiet(line: str) -> None:
    """Nothing about the cache reaches the user without --debug."""


def _load(
    path: Source | None,
    max_bytes: int,
    cache: ValidatedCache | None,
    terminals: tuple[int, ...] = (2,),
    problems: list[Problem] | None = None,
    *,
    view: bool = False,
) -> Agreement | None:
    """The validated agreement, or None after printing each problem to stderr (or adding
    it to `problems`, if given).

    A long read shows its progress on the first of `terminals` that is a terminal.
    With `view`, a cache hit gives the plain views a reader can be shown at once
    (see `load_agreement`).
    """
    from accordtui.agreement.loader import bundled_path, load_agreement
    from accordtui.agreement.progress import Progress
    from accordtui.writing.progress import shown, terminal

    path = path or bundled_path()
    progress = Progress()
    try:
        size = path.stat().st_size if isinstance(path, Path) else 0
    except OSError:
        size = 0  # load_agreement says why
    try:
        with shown(progress, path, size, terminal(*terminals)):
            return load_agreement(path, max_bytes, cache, progress, view=view)
    except AgreementError as error:
        if problems is not None:
            problems.extend(error.problems)
            return None
        for problem in error.problems:
            report(str(problem))
        return None


def _validate(ns: argparse.Namespace) -> int:
    """`FILE: OK` or each problem on stderr; with `--format json`, one report on stdout.

    A valid file that still holds placeholders of `new`, or a quote whose attribution
    does not name its speaker, is OK with a warning for each (exit 0; 1 with `--strict`,
    for a file meant to be finished).
    """
    from accordtui.agreement.loader import bundled_path

    as_json = ns.format == "json"
    checked: list[tuple[str, list[Problem]]] = []
    warned: list[Problem] = []
    cache = _cache(ns)
    for path in ns.paths or [bundled_path()]:
        problems: list[Problem] = []
        agreement = _load(path, _max_bytes(ns), cache, problems=problems)
        found: list[Problem] = []
        doubts: list[Problem] = []
        if agreement is not None:
            found, doubts = _warnings(path, agreement, _max_bytes(ns))
        if not as_json:
            for problem in [*problems, *found, *doubts]:
                report(str(problem))
            if agreement is not None:
                write_out(inert(f"{path}: OK{_warned(len(found), len(doubts))}") + "\n")
        checked.append((str(path), problems))
        warned += [*found, *doubts]
    if as_json:
        from accordtui.rendering.problem_report import report_json

        write_out(report_json(checked, warned))
    failed = any(problems for _, problems in checked) or (ns.strict and warned)
    return EXIT_INVALID if failed else EXIT_OK


def _warnings(
    path: Source, agreement: Agreement, max_bytes: int
) -> tuple[list[Problem], list[Problem]]:
    """A warning for each placeholder left, and for each quote whose attribution does
    not name its speaker; placed by reading the file again (standard input cannot be:
    its warnings name the field only)."""
    from accordtui.agreement.loader import read_capped
    from accordtui.agreement.placeholders import left, placed
    from accordtui.agreement.quote_checks import speaker_doubts

    data = None
    if isinstance(path, Path):
        with suppress(AgreementError):  # gone since: the warnings go unplaced
            data = read_capped(path, max_bytes)
    found = left(agreement)
    warned = placed(str(path), found + list(speaker_doubts(agreement)), data)
    return warned[: len(found)], warned[len(found) :]


def _warned(placeholders: int, speakers: int) -> str:
    """What the warnings above are about, counted; nothing when there are none."""
    counted = [
        f"{placeholders} placeholder{'s' if placeholders > 1 else ''} still to replace",
        f"{speakers} speaker{'s' if speakers > 1 else ''} to check",
    ]
    said = [words for count, words in zip((placeholders, speakers), counted, strict=True) if count]
    return f", {', '.join(said)} (warnings above)" if said else ""


def _file_name(path: Source | None) -> str:
    """The agreement file's name as exports print it: escaped, never a control sequence."""
    from accordtui.agreement.loader import bundled_path

    return inert((path or bundled_path()).name)


def _export(ns: argparse.Namespace) -> int:
    from accordtui.rendering.export import render
    from accordtui.writing.atomic import WriteError, resolve_target, write_atomic

    agreement = _load(ns.path, _max_bytes(ns), _cache(ns))
    if agreement is None:
        return EXIT_INVALID
    name = _file_name(ns.path)
    text = render(agreement, ns.section, ns.format, cast(Lang, ns.lang), ns.width, name)
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


def _schema(ns: argparse.Namespace) -> int:
    from accordtui.agreement.schema import editor_line, schema_text
    from accordtui.writing.atomic import WriteError, resolve_target, write_atomic

    if ns.output in (None, "-"):
        write_out(schema_text())
        return EXIT_OK
    try:
        target = resolve_target(ns.output)
        write_atomic(target, schema_text(), overwrite=ns.force)
    except WriteError as error:
        hint = "; use --force to overwrite it" if error.problem == "exists" else ""
        report(f"accordtui: {error}{hint}")
        return EXIT_INVALID
    line = editor_line(Path(ns.output).name)
    report(f"accordtui: wrote {ns.output}; an agreement file beside it can begin: {line}")
    return EXIT_OK


def _serve(ns: argparse.Namespace) -> int:
    from accordtui.agreement.loader import bundled_path
    from accordtui.web.serve import serve, tab_options

    if isinstance(ns.path, StandardInput):
        report("accordtui: serve reads its file again for each tab; name a file, not -")
        return EXIT_USAGE
    agreement = _load(ns.path, _max_bytes(ns), _cache(ns))
    if agreement is None:
        return EXIT_INVALID
    tabs = tab_options(agreement, ns.lang, ns.max_tabs)
    return serve(ns.path or bundled_path(), ns.host, ns.port, ns.lang, _max_bytes(ns), tabs=tabs)


def _open(ns: argparse.Namespace) -> int:
    piped = isinstance(ns.path, StandardInput)
    if piped and ns.watch:
        report("accordtui: --watch follows a file's saves; name a file, not -")
        return EXIT_USAGE
    collector.hold()  # until the browser's first frame; here if it never shows one
    cache = _cache(ns)
    try:
        with cache.puts_held() if cache else nullcontext():  # kept once the reader quits
            agreement = _load(ns.path, _max_bytes(ns), cache, terminals=(2, 1), view=True)
            if agreement is None:
                return EXIT_INVALID
            if piped:
                _keys_from_terminal()
            from accordtui.agreement.loader import bundled_path
            from accordtui.browser.app import WatchedFile
            from accordtui.browser.run import run_browser

            watch = WatchedFile(ns.path or bundled_path(), _max_bytes(ns)) if ns.watch else None
            lang, name = cast(Lang, ns.lang), _file_name(ns.path)
            return run_browser(
                agreement, lang, ns.theme, debug=ns.debug, watch=watch, file_name=name
            )
    finally:
        collector.release()


def _keys_from_terminal() -> None:
    """Standard input held the agreement; the browser reads keys from the terminal.

    Without one (no controlling terminal), the browser then says it needs one.
    """
    try:
        fd = os.open("/dev/tty", os.O_RDWR | os.O_NOCTTY)
    except OSError:
        return
    os.dup2(fd, 0)
    os.close(fd)


def _new(ns: argparse.Namespace) -> int:
    from accordtui.agreement.loader import DEFAULT_MAX_BYTES
    from accordtui.writing.atomic import WriteError
    from accordtui.writing.new_agreement import NewError, write_new

    try:
        agreement = write_new(ns.release, ns.output, ns.page_date, force=ns.force)
    except AgreementError as error:
        for problem in error.problems:
            report(inert(str(problem)))
        return EXIT_INVALID
    except (NewError, WriteError) as error:
        hint = "; use --force to overwrite it" if getattr(error, "problem", "") == "exists" else ""
        report(inert(f"accordtui: {error}{hint}"))
        return EXIT_INVALID
    report(inert(f"accordtui: wrote {ns.output}; check it with `accordtui validate {ns.output}`"))
    if ns.no_open or not (sys.stdin.isatty() and sys.stdout.isatty()):
        return EXIT_OK
    from accordtui.browser.app import WatchedFile
    from accordtui.browser.run import run_browser

    watch = WatchedFile(ns.output, DEFAULT_MAX_BYTES)
    return run_browser(agreement, "fr", None, debug=False, watch=watch)


def _completion(ns: argparse.Namespace) -> int:
    from accordtui.cli.shell import completion_script

    write_out(completion_script(ns.shell))
    return EXIT_OK


def _help(ns: argparse.Namespace) -> int:
    from accordtui.cli.grammar import build, command_parser

    parser = command_parser(ns.topic) if ns.topic else build()
    write_out(parser.format_help())
    return EXIT_OK


_RUNS = {
    "open": _open,
    "validate": _validate,
    "export": _export,
    "schema": _schema,
    "serve": _serve,
    "new": _new,
    "completion": _completion,
    "help": _help,
}
