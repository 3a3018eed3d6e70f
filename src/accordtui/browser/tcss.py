"""Styles kept in `.tcss` files and given to Textual as a class's DEFAULT_CSS."""

from __future__ import annotations

from pathlib import Path


def beside(module_file: str, name: str) -> str:
    """The `.tcss` file `name` beside `module_file`.

    As a DEFAULT_CSS it is parsed when its class is first mounted; in app.tcss it was
    parsed at every start, for dialogs most starts never open (app.tcss 1,288 tokens).
    """
    return Path(module_file).with_name(name).read_text(encoding="utf-8")
