"""How long the browser blocks its event loop on entries of unusual size.

A ticker task wakes every millisecond; the longest gap between its wake-ups
while an operation runs is how long a key press would have waited.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

from accordtui.agreement.loader import bundled_path, load_agreement
from accordtui.agreement.model import Agreement


def big_text(size: int) -> Agreement:
    """The bundled agreement plus one release paragraph of `size` bytes, and a passage
    whose text is that paragraph: the longest text a file can hold, shown in full."""
    data = load_agreement(bundled_path()).model_dump(mode="json", exclude_none=True)
    text = {lang: _repeated(data["release"][1][lang], size) for lang in ("fr", "en")}
    data["release"].append({"id": "big", "kind": "paragraph", **text})
    passage = data["themes"][0]["items"][0]
    passage["text"] = text
    return Agreement.model_validate(data)


def _repeated(sentence: str, size: int) -> str:
    """`sentence` again and again, `size` bytes at most. Each language its own, as in a
    real file: the two panes of `b` then fold and wrap two different texts."""
    sentence += " "
    return (sentence * (size // len(sentence) + 1))[:size].strip()


TICK = 0.004
"""The ticker's period: fine enough for the 100 ms target, and idle enough between
ticks (0.2 ms of CPU per 20 ms) for Textual's pilot to see the app settle; at 1 ms
every pause waited its full second (the smoke run spent 42 s there)."""


class _Stalls:
    """The longest time the loop did not run the ticker (within `TICK`)."""

    def __init__(self) -> None:
        self.worst = 0.0
        self._task: asyncio.Task[None] | None = None

    async def _tick(self) -> None:
        last = time.perf_counter()
        while True:
            await asyncio.sleep(TICK)
            now = time.perf_counter()
            self.worst = max(self.worst, now - last)
            last = now

    def __enter__(self) -> _Stalls:
        self._task = asyncio.get_running_loop().create_task(self._tick())
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._task is not None
        self._task.cancel()


async def _settle(pilot: Any) -> None:
    for _ in range(5):
        await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def worst_stalls(
    agreement: Agreement, key: str, query: str, *, both: bool = False
) -> dict[str, float]:
    """Longest loop stall to show `key`, toggle the language, then search `query`;
    with `both`, while both languages are shown (`b`): two panes wrap and highlight."""
    from accordtui.browser.run import build_app
    from accordtui.browser.screens.browser import BrowserScreen

    app = build_app(agreement, "fr")  # as `accordtui` does
    out: dict[str, float] = {}
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, BrowserScreen)
        if both:
            await pilot.press("b")
        await _settle(pilot)
        with _Stalls() as stalls:
            screen.go_to(key)
            await _settle(pilot)
        out["show"] = stalls.worst
        with _Stalls() as stalls:
            await pilot.press("l")
            await _settle(pilot)
        out["toggle"] = stalls.worst
        with _Stalls() as stalls:
            await pilot.press("slash", *query)
            await _settle(pilot)
            while screen.matched_query != query:
                await asyncio.sleep(0.001)
            await _settle(pilot)
        out["search"] = stalls.worst
    return out
