"""How long a `--watch` reload blocks the browser's event loop, valid save or invalid.

The app runs as `accordtui FILE --watch` does; the file is saved as editors do (a new
file renamed over it), the watcher is told to look, and the ticker of
`benchmarks.heavy` measures the longest gap in the loop until the reload is shown.
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

from benchmarks.heavy import TICK, _settle, _Stalls

VALID_EDIT = ("Premières actions", "Actions premières")
"""A change that keeps the file valid: a theme's title, which is ours."""

INVALID_EDIT = ("speaker: odile-gauthier", "speaker: nobody")
"""A change that makes it invalid: a quote said by nobody the file names."""


def _saved(path: Path, text: str) -> None:
    new = path.with_name(path.name + ".new")
    new.write_text(text, encoding="utf-8")
    os.replace(new, path)


async def reload_stalls(path: Path, runs: int = 1) -> dict[str, float]:
    """Worst loop stall, over `runs` each, for a valid then an invalid save of `path`;
    the file is left as it was found."""
    from accordtui.agreement.loader import load_agreement
    from accordtui.browser.app import WatchedFile
    from accordtui.browser.run import build_app
    from accordtui.browser.widgets.live_file import SWEEP_SECONDS, LiveFile

    original = path.read_text(encoding="utf-8")
    edited = original.replace(*VALID_EDIT, 1)
    assert edited != original and edited.replace(*INVALID_EDIT, 1) != edited, "no edit made"
    app = build_app(load_agreement(path, 2**31), "fr", watch=WatchedFile(path, 2**31))
    out = {"valid": 0.0, "sweep after a valid": 0.0, "invalid": 0.0}
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await _settle(pilot)
            live = app.screen.query_one(LiveFile)
            for run in range(runs):
                valid = edited if run % 2 == 0 else original  # each save differs from the last
                for what, text in (("valid", valid), ("invalid", valid.replace(*INVALID_EDIT, 1))):
                    _saved(path, text)
                    with _Stalls() as stalls:
                        live.check()
                        await _reloaded(pilot, live)
                    out[what] = max(out[what], stalls.worst)
                    assert live.display == (what == "invalid"), f"the {what} save was not shown"
                    if what == "valid":  # the collector's sweep after it, on its own
                        with _Stalls() as stalls:
                            await asyncio.sleep(SWEEP_SECONDS + 0.5)
                        out["sweep after a valid"] = max(out["sweep after a valid"], stalls.worst)
    finally:
        _saved(path, original)
    return out


async def _reloaded(pilot: object, live: object) -> None:
    """Until the read the watcher started is shown, and the loop has drawn it."""
    from accordtui.browser.widgets.live_file import LiveFile

    assert isinstance(live, LiveFile)
    while live.reading:
        await asyncio.sleep(TICK)
    await _settle(pilot)
