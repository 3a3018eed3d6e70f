"""One web page's app: the only command `accordtui serve` runs, with arguments it built.

textual-serve starts this once per browser tab, under Textual's web driver. Nothing
the page sends can reach this command line: the page only talks to the running app.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from accordtui.agreement.errors import AgreementError
from accordtui.agreement.lang import LANGS
from accordtui.agreement.loader import load_agreement
from accordtui.browser.run import build_app, run_app
from accordtui.writing.inert import inert
from accordtui.writing.output import report


def main(argv: Sequence[str] | None = None) -> int:
    """Load the file the server validated (again: it may have changed) and run the app."""
    parser = argparse.ArgumentParser(prog="python -m accordtui.browser.web")
    parser.add_argument("path", type=Path)
    parser.add_argument("--lang", choices=LANGS, required=True)
    parser.add_argument("--max-bytes", type=int, required=True)
    parser.add_argument("--no-clipboard", action="store_true", help="the page is not secure")
    ns = parser.parse_args(argv)
    try:
        agreement = load_agreement(ns.path, ns.max_bytes)
    except AgreementError as error:
        for problem in error.problems:
            report(str(problem))
        return 1
    app = build_app(agreement, ns.lang, file_name=inert(ns.path.name))
    if ns.no_clipboard:
        app.clipboard_refused = True
    return run_app(app, debug=False)  # signals and errors as in the terminal browser


if __name__ == "__main__":
    sys.exit(main())
