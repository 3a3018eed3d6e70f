"""First content paint of accordtui against a minimal Textual app, in the same run."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

from accordtui.agreement.cache import ValidatedCache
from accordtui.agreement.loader import bundled_path, load_agreement
from benchmarks.pty_paint import first_paint

HERE = Path(__file__).resolve().parent
ACCORDTUI = [sys.executable, "-m", "accordtui"]
MINIMAL = [sys.executable, str(HERE / "minimal_app.py")]
NO_CACHE = "/proc/accordtui-no-cache"
"""A cache folder that can never be created: every start validates the file."""


def first_entry_marker() -> str:
    """The start of the first entry's text: on screen only once the content is."""
    return load_agreement(bundled_path()).lead.text.fr[:24]


def _with_cache(cache: str, argv: list[str]) -> list[str]:
    return ["env", f"XDG_CACHE_HOME={cache}", *argv]


def paint_medians(runs: int, files: dict[str, Path], cache: Path) -> dict[str, float]:
    """Median seconds to first paint for the reference and each file, cached or not.

    Runs alternate between variants so that machine noise hits all alike.
    """
    marker = first_entry_marker()
    _fill(cache, files.values())
    variants: dict[str, tuple[list[str], str]] = {"minimal": (MINIMAL, "READY")}
    for name, path in files.items():
        argv = [*ACCORDTUI, str(path), "--max-size", "1024"]
        variants[f"{name}, cached"] = (_with_cache(str(cache), argv), marker)
        variants[f"{name}, validated"] = (_with_cache(NO_CACHE, argv), marker)
    for argv, marker_ in variants.values():  # warm the OS file cache and ours
        first_paint(argv, marker_)
    samples: dict[str, list[float]] = {name: [] for name in variants}
    for _ in range(runs):
        for name, (argv, marker_) in variants.items():
            samples[name].append(first_paint(argv, marker_))
    return {name: statistics.median(values) for name, values in samples.items()}


def _fill(cache: Path, files: Iterable[Path]) -> None:
    """Put each file in the cache as `validate` does: the browser writes its entry only
    when it ends, and a measured run is killed at its first paint."""
    for path in files:
        argv = [*ACCORDTUI, "validate", str(path), "--max-size", "1024"]
        subprocess.run(_with_cache(str(cache), argv), check=True, capture_output=True)
        if ValidatedCache(cache / "accordtui").get(path.read_bytes()) is None:
            raise RuntimeError(f"{path} is not in the cache: 'cached' would measure nothing")


def environment() -> str:
    """The machine, for the table's caption."""
    import platform

    import pydantic
    import textual

    cpus = os.cpu_count()
    return (
        f"{platform.system()} {platform.machine()}, {cpus} CPUs, "
        f"load {os.getloadavg()[0]:.1f} at start; Python {platform.python_version()}, "
        f"Textual {textual.__version__}, pydantic {pydantic.VERSION}"
    )
