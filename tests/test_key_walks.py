"""Random key walks: no key sequence crashes the browser or leaves it unresponsive.

Every run walks new sequences from a fresh seed, printed in the pytest header and in
any failure; `WALK_SEED=N` replays a run exactly. A run walks a few sequences so the
suite stays fast; a deep walk runs locally:

    WALKS=1000 python -m pytest tests/test_key_walks.py -n 2
"""

from __future__ import annotations

import os
import random
import string
import sys
from pathlib import Path

import pytest
from textual import events
from textual.pilot import Pilot

from accordtui.agreement.loader import load_agreement
from accordtui.agreement.model import Agreement
from accordtui.browser.app import AccordApp

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.synth import write

CONTROL_KEYS = {
    "enter": "\r", "escape": "\x1b", "backspace": "\x7f", "tab": "\t", "shift+tab": None,
    "up": None, "down": None, "home": None, "end": None, "pageup": None, "pagedown": None,
    "f1": None, "ctrl+p": None,
}  # fmt: skip
NAMED = {"/": "slash", "?": "question_mark", "[": "left_square_bracket",
         "]": "right_square_bracket", "@": "at", "=": "equals_sign", " ": "space"}  # fmt: skip
BOUND = [*"12345jkgGnNeyYl/?[]f", *CONTROL_KEYS]
PRINTABLE = [c for c in string.ascii_letters + string.digits + "[]@=/ " if c not in "qQ"]


def key_event(key: str) -> events.Key:
    """The event a terminal driver would post for `key`."""
    if key in CONTROL_KEYS:
        return events.Key(key, CONTROL_KEYS[key])
    return events.Key(NAMED.get(key, key), key)


SEED = int(os.environ["WALK_SEED"])
"""This run's seed, chosen in conftest.py: the same seed walks the same keys."""
SEQUENCES = {
    "bundled": int(os.environ.get("WALKS", 9)),
    "1000 items": int(os.environ.get("WALKS", 4)),
}
"""Walks per run (a fresh seed each run covers new ground); the large file costs more."""
KEYS_PER_SEQUENCE = 50


async def settle(pilot: Pilot[None], app: AccordApp) -> None:
    """Close dialogs and help with escape, as a person would, once the app is quiet."""
    await pilot.press("f12")  # unbound; queued behind the posted keys, so they are all handled
    for _ in range(20):
        await pilot.pause()
        exporting = any(w.group == "export" and not w.is_finished for w in app.workers)
        if len(app.screen_stack) == 1 and not exporting:
            return
        await pilot.press("escape")


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Agreement:
    return load_agreement(write(1000, tmp_path_factory.mktemp("walk")))


@pytest.mark.parametrize("which", ["bundled", "1000 items"])
async def test_random_key_walks(
    which: str, agreement: Agreement, big: Agreement, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)  # `e` then `enter` writes exports here
    rng = random.Random(f"{SEED}-{which}")
    app = AccordApp(agreement if which == "bundled" else big)
    async with app.run_test(size=(60, 20)) as pilot:  # narrow: stacked panes get walked too
        for sequence in range(SEQUENCES[which]):
            keys = [
                rng.choice(BOUND if rng.random() < 0.7 else PRINTABLE)
                for _ in range(KEYS_PER_SEQUENCE)
            ]
            # Posted back to back, as fast typing arrives, then one wait for the app to settle.
            for key in [*keys, "escape", "escape", "escape", "escape"]:
                app.post_message(key_event(key))
            await settle(pilot, app)
            await pilot.press("1")
            replay = f"WALK_SEED={SEED}, sequence {sequence}: {keys}"
            assert app.is_running, replay
            assert app.screen.section == "overview", replay  # type: ignore[attr-defined]
