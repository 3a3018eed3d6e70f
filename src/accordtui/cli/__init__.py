"""Command line: browse, validate, export, schema, serve. No traceback ever reaches a user."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from accordtui.cli.commands import EXIT_INVALID, run
from accordtui.cli.grammar import parse
from accordtui.writing.output import OutputError, report

__all__ = ["main", "parse"]


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `accordtui` script; returns the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    # No pydantic plugins for this program: finding them scans every installed
    # package's metadata at the first validation (~20 ms). Set it empty to allow them.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    try:
        return run(parse(args))
    except OutputError as error:
        report(f"accordtui: {error}")
        return EXIT_INVALID
    except KeyboardInterrupt:
        return 130
