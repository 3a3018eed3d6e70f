"""How far the reading of a file has gone, for whoever shows it.

The loading thread writes plain attributes; a display thread reads them when it
draws. Nothing here prints: the agreement layer knows no terminal.
"""

from __future__ import annotations

from typing import Literal

Stage = Literal["reading", "cache", "validating"]
"""Parsing the YAML (with a fraction), reading the cache's entry, checking the model."""


class Progress:
    """The stage of a load, and for `reading` the characters parsed out of `total`."""

    def __init__(self) -> None:
        self.stage: Stage = "reading"
        self.total = 0
        self.at = [0]
        """Characters parsed; a one-element list, the parser's hot loop stores into it."""

    def begin(self, stage: Stage, total: int = 0) -> None:
        self.at[0] = 0
        self.total = total
        self.stage = stage

    def fraction(self) -> float | None:
        """How much of the stage is done, when it is known."""
        if self.stage != "reading" or not self.total:
            return None
        return min(1.0, self.at[0] / self.total)
