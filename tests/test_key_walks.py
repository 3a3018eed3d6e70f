"""Random key walks: no key sequence crashes the browser or leaves it unresponsive.

`WALKS=10 pytest tests/test_key_walks.py` runs fewer walks while working on the app.
Each run walks from a new seed, printed on failure (and with `-s`);
`WALK_SEED=… pytest tests/test_key_walks.py` replays it exactly.
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

from accordtui.browser.app import AccordApp
from accordtui.loader import load_agreement
from accordtui.model import Agreement

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


SEQUENCES = {
    "bundled": int(os.environ.get("WALKS", 140)),
    "1000 items": int(os.environ.get("WALKS", 60)),
}
"""200 walks in all; the large agreement costs more per key."""
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
    seed = os.environ.get("WALK_SEED") or str(random.randrange(10**9))
    print(f"WALK_SEED={seed}")
    rng = random.Random(f"walk-{which}-{seed}")
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
            assert app.is_running, (seed, sequence, keys)
            assert app.screen.section == "overview", (seed, sequence, keys)  # type: ignore[attr-defined]
