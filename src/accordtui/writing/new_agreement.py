"""`accordtui new`: a release's text to a starting agreement file, checked, then written.

Everything that can go wrong is found before the file is written: a bad release, no
page date, a target that exists (without `--force`) or is the release itself.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from datetime import date
from pathlib import Path

from accordtui.agreement.loader import parse_agreement
from accordtui.agreement.model import Agreement
from accordtui.agreement.release_text import read_release, read_release_bytes
from accordtui.agreement.template import agreement_yaml
from accordtui.writing.atomic import WriteError, check_target, write_atomic


class NewError(Exception):
    """No page date found or given, or the target is the release itself."""


def page_date_option(text: str) -> date:
    """`--page-date`: a real day written YYYY-MM-DD."""
    try:
        return date.fromisoformat(text) if len(text) == 10 else date.fromisoformat("x")
    except ValueError:
        message = f"expected a day written YYYY-MM-DD, got {text!r}"
        raise argparse.ArgumentTypeError(message) from None


def write_new(source: Path, target: Path, page_date: date | None, *, force: bool) -> Agreement:
    """Write the starting agreement of the release at `source` (`-`: stdin) to `target`.

    Raises AgreementError for a bad release, NewError, or WriteError; what is written
    has been validated first.
    """
    name = str(source)
    release = read_release(read_release_bytes(source, sys.stdin.buffer), name)
    day = page_date or release.page_date
    if day is None:
        raise NewError(
            f"{name}: no page date (a line such as 'Changed on 01/07/2024' or "
            "'Modifié le 01/07/2024' among the first three); give the day the page was "
            "last changed with --page-date YYYY-MM-DD"
        )
    text = agreement_yaml(release, "stdin" if name == "-" else source.name, day)
    agreement = parse_agreement(text.encode("utf-8"), str(target))
    check_target(target)
    if name != "-" and target.exists() and os.path.samefile(source, target):
        raise NewError(f"{target}: is the release itself; expected another file")
    write_atomic(target, text, overwrite=force)
    _schema_beside(target)
    return agreement


def _schema_beside(target: Path) -> None:
    """The schema the file's first line names, written beside it if no such file is
    there (an existing one is never replaced: `accordtui schema -o … --force` does)."""
    from accordtui.agreement.schema import SCHEMA_FILE, schema_text

    with contextlib.suppress(WriteError):  # the agreement is written; editors can wait
        write_atomic(target.parent / SCHEMA_FILE, schema_text(), overwrite=False)
