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

from accordtui.agreement.errors import AgreementError
from accordtui.agreement.loader import DEFAULT_MAX_BYTES, parse_agreement
from accordtui.agreement.model import Agreement
from accordtui.agreement.release_text import Release, read_release, read_release_bytes
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
    source_name = "stdin" if name == "-" else source.name
    text, agreement = _drafted(release, (name, source_name), day, target)
    check_target(target)
    if name != "-" and target.exists() and os.path.samefile(source, target):
        raise NewError(f"{target}: is the release itself; expected another file")
    write_atomic(target, text, overwrite=force)
    _schema_beside(target)
    return agreement


def _drafted(
    release: Release, names: tuple[str, str], day: date, target: Path
) -> tuple[str, Agreement]:
    """The draft and the agreement it validates as; without the guessed quotes if they
    would not validate. A draft still invalid, or larger than `validate` reads, is
    refused: its problems name the draft, not a file that was never written. `names`:
    the release as given, and as the draft's header names it."""
    name, source = names
    text = agreement_yaml(release, source, day)
    size = len(text.encode("utf-8"))
    if size > DEFAULT_MAX_BYTES:
        raise NewError(
            f"{name}: the agreement drafted from it would be {size:,} bytes, more than the "
            f"{DEFAULT_MAX_BYTES:,} that `accordtui validate` and the browser read; nothing "
            "written: expected a release of a few pages"
        )
    draft = f"{target} (the draft, not written)"
    try:
        return text, parse_agreement(text.encode("utf-8"), draft)
    except AgreementError:
        text = agreement_yaml(release, source, day, with_quotes=False)
        return text, parse_agreement(text.encode("utf-8"), draft)


def _schema_beside(target: Path) -> None:
    """The schema the file's first line names, written beside it if no such file is
    there (an existing one is never replaced: `accordtui schema -o … --force` does)."""
    from accordtui.agreement.schema import SCHEMA_FILE, schema_text

    with contextlib.suppress(WriteError):  # the agreement is written; editors can wait
        write_atomic(target.parent / SCHEMA_FILE, schema_text(), overwrite=False)
