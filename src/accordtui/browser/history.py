"""Where the reader was: back and forward, as in a web browser."""

from __future__ import annotations

from typing import NamedTuple


class Place(NamedTuple):
    """Everything needed to put the reader back where they were.

    A NamedTuple, not a frozen dataclass: made before the first frame, where a dataclass
    costs 3 M instructions to define (it compiles its methods at every start)."""

    key: str
    focus: str
    """Id of the focused pane: items, detail or links."""
    scroll: float
    """How far the detail was scrolled."""
    link: int | None
    """The highlighted link."""
    came_from: str | None
    """The entry whose excerpt was underlined in this paragraph."""


class History:
    """Two stacks: `back` grows as the reader moves on; going back fills `forward`."""

    def __init__(self) -> None:
        self.back: list[Place] = []
        self.forward: list[Place] = []

    def moved(self, here: Place) -> None:
        """The reader left `here` for somewhere new: forward no longer applies."""
        self.back.append(here)
        self.forward.clear()

    def go_back(self, here: Place) -> Place | None:
        if not self.back:
            return None
        self.forward.append(here)
        return self.back.pop()

    def go_forward(self, here: Place) -> Place | None:
        if not self.forward:
            return None
        self.back.append(here)
        return self.forward.pop()
