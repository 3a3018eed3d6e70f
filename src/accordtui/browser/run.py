"""Run the browser: refuse without a terminal, leave it as found, exit with a true code.

| Way out | Exit code | What the user sees afterwards |
| :- | :- | :- |
| `q`, `ctrl+q` | 0 | the shell prompt |
| unexpected error | 1 | one line naming a log file with the traceback (`--debug`: the traceback) |
| no terminal on stdin or stdout | 2 | one line suggesting `accordtui export` |
| SIGINT, SIGTERM, SIGHUP, SIGQUIT | 128 + N | the shell prompt |
"""

from __future__ import annotations

import asyncio
import io
import os
import signal
import sys
import tempfile
import termios
import traceback
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Console
from textual.app import App

from accordtui.agreement import collector
from accordtui.agreement.lang import Lang
from accordtui.browser.app import AccordApp, WatchedFile
from accordtui.browser.terminal_title import titled, window_title
from accordtui.writing.output import report

if TYPE_CHECKING:
    from accordtui.agreement.model import Agreement

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2
"""The command line's codes; a signal N gives 128 + N."""

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT)
"""Signals that end the app through its normal shutdown, which restores the terminal."""

NO_TERMINAL = (
    "accordtui: the browser needs a terminal on stdin and stdout; "
    "to print a section, use `accordtui export SECTION` (see `accordtui export --help`)"
)


def run_browser(
    agreement: Agreement,
    lang: Lang,
    theme: str | None,
    *,
    debug: bool,
    watch: WatchedFile | None = None,
    file_name: str | None = None,
) -> int:
    """Browse `agreement` in this terminal (following `watch`'s saves); returns the exit code."""
    app = build_app(agreement, lang, theme, watch, file_name)
    if theme and theme not in app.available_themes:
        names = ", ".join(sorted(app.available_themes))
        report(f"accordtui: unknown theme {theme!r}; expected one of: {names}")
        return EXIT_USAGE
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        report(NO_TERMINAL)
        return EXIT_USAGE
    name = window_title(agreement.title, lang)
    with _terminal_restored(), _stderr_on_terminal(), titled(sys.stdout, name):
        return run_app(app, debug=debug)


def build_app(
    agreement: Agreement,
    lang: Lang,
    theme: str | None = None,
    watch: WatchedFile | None = None,
    file_name: str | None = None,
) -> AccordApp:
    """The app on `agreement`; its index, like the agreement, lives as long as the
    program, so it is built without collections and then kept out of them."""
    with collector.lasting():
        return AccordApp(agreement, lang=lang, theme_name=theme, watch=watch, file_name=file_name)


def run_app(app: App[Any], *, debug: bool, headless: bool = False) -> int:
    """Run `app` until it ends; signals become 128 + N, errors a one-line message and 1."""
    errors = io.StringIO()
    app.error_console = Console(file=errors, width=120, color_system=None, markup=False)
    received: list[int] = []
    try:
        asyncio.run(_run_until_signal(app, received, headless))
    except Exception:
        errors.write(traceback.format_exc())
    if received:
        return 128 + received[0]
    if app.return_code or errors.getvalue():
        _report_error(errors.getvalue(), debug)
        return EXIT_ERROR
    return EXIT_OK


async def _run_until_signal(app: App[Any], received: list[int], headless: bool) -> None:
    """Run the app; a stop signal asks it to exit, so the driver restores the terminal."""
    loop = asyncio.get_running_loop()

    def stop(number: int) -> None:
        received.append(number)
        app.exit(return_code=128 + number)

    for number in STOP_SIGNALS:
        loop.add_signal_handler(number, stop, number)
    try:
        await app.run_async(headless=headless)
    finally:
        for number in STOP_SIGNALS:
            loop.remove_signal_handler(number)


def _report_error(details: str, debug: bool) -> None:
    """One line for the user; the traceback goes to a private log file (or stderr with --debug)."""
    if debug or not details:
        for line in details.splitlines():
            report(line)
        report("accordtui: the browser stopped on an unexpected error")
        return
    log = _write_log(details)
    where = f"details in {log}" if log else "no log could be written; run with --debug"
    report(f"accordtui: the browser stopped on an unexpected error; {where}")


def _write_log(details: str) -> Path | None:
    """A new log file only its owner can read (a traceback shows local values)."""
    try:
        fd, name = tempfile.mkstemp(prefix="accordtui-error-", suffix=".log")
        with os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace") as log:
            log.write(details)
    except OSError:
        return None
    return Path(name)


@contextmanager
def _terminal_restored() -> Iterator[None]:
    """Put back the terminal modes found at start, whatever happened in between."""
    fd = sys.stdin.fileno()
    modes = termios.tcgetattr(fd)
    try:
        yield
    finally:
        with suppress(termios.error):  # the terminal is gone (SIGHUP): nothing to restore
            termios.tcsetattr(fd, termios.TCSADRAIN, modes)


@contextmanager
def _stderr_on_terminal() -> Iterator[None]:
    """Draw on the terminal even when stderr alone is redirected (`accordtui 2>log`).

    Textual writes to stderr; while it runs, stderr is the terminal on stdout, and the
    redirected file gets it back for the messages printed after the terminal is restored.
    """
    if os.isatty(2):
        yield
        return
    if sys.stderr is not None:
        sys.stderr.flush()
    try:
        saved: int | None = os.dup(2)
    except OSError:
        saved = None  # stderr was closed (`2>&-`): close it again afterwards
    os.dup2(1, 2)
    try:
        yield
    finally:
        if sys.stderr is not None:
            sys.stderr.flush()
        if saved is None:
            os.close(2)
        else:
            os.dup2(saved, 2)
            os.close(saved)
