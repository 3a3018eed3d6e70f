"""How long a `--watch` reload blocks the browser's event loop, valid save or invalid.

The app runs as `accordtui FILE --watch` does, in a process of its own (`python -m
benchmarks.watch FILE RUNS` prints the figures as JSON): a process that also held the
earlier benchmarks' apps measured what they cost, not the browser. The file is saved as
editors do (a new file renamed over it), the watcher is told to look, and the ticker of
`benchmarks.heavy` measures the longest gap in the loop until the reload is shown, and
in the seconds after it (where the collector's sweep fell).
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from pathlib import Path

from benchmarks.heavy import TICK, _settle, _Stalls

VALID_EDIT = ("Premières actions", "Actions premières")
"""A change that keeps the file valid: a theme's title, which is ours."""

INVALID_EDIT = ("speaker: odile-gauthier", "speaker: nobody")
"""A change that makes it invalid: a quote said by nobody the file names."""

AFTER_SECONDS = 3.0
"""How long the loop is watched after a valid save: past the 2 s after which the
collector was once swept (a full pass over every object of the process)."""


def _saved(path: Path, text: str) -> None:
    new = path.with_name(path.name + ".new")
    new.write_text(text, encoding="utf-8")
    os.replace(new, path)


def reload_stalls_apart(path: Path, runs: int, after: float) -> dict[str, float]:
    """`reload_stalls` in a process of its own, as a user runs `accordtui FILE --watch`."""
    command = [sys.executable, "-m", "benchmarks.watch", str(path), str(runs), str(after)]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    stalls: dict[str, float] = json.loads(done.stdout)
    return stalls


async def reload_stalls(
    path: Path, runs: int = 1, after: float = AFTER_SECONDS
) -> dict[str, float]:
    """Worst loop stall, over `runs` each, for a valid save, the `after` seconds after it,
    and an invalid save of `path`; the file is left as it was found."""
    from accordtui.agreement import collector
    from accordtui.agreement.loader import load_agreement
    from accordtui.browser.app import WatchedFile
    from accordtui.browser.run import build_app
    from accordtui.browser.widgets.live_file import LiveFile

    collector.hold()  # as `accordtui` does, until the first frame
    original = path.read_text(encoding="utf-8")
    edited = original.replace(*VALID_EDIT, 1)
    assert edited != original and edited.replace(*INVALID_EDIT, 1) != edited, "no edit made"
    app = build_app(load_agreement(path, 2**31), "fr", watch=WatchedFile(path, 2**31))
    out = {"valid": 0.0, "after a valid": 0.0, "invalid": 0.0}
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
                    if what == "valid":
                        with _Stalls() as stalls:
                            await asyncio.sleep(after)
                        out["after a valid"] = max(out["after a valid"], stalls.worst)
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


if __name__ == "__main__":
    path, runs, after = Path(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
    print(json.dumps(asyncio.run(reload_stalls(path, runs, after))))
