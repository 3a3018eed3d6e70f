"""First content paint of accordtui against a minimal Textual app, in the same run."""

from __future__ import annotations

import os
import statistics
import subprocess
from collections.abc import Iterable
from pathlib import Path

from accordtui.agreement.loader import bundled_path, load_agreement
from benchmarks.pty_paint import Marker, first_paint

HERE = Path(__file__).resolve().parent

_HIT = """
import sys
from pathlib import Path
from accordtui.agreement.cache import ValidatedCache
sys.exit(ValidatedCache(Path(sys.argv[1])).get(Path(sys.argv[2]).read_bytes()) is None)
"""
"""Exit 0 when the file is in the cache, as the measured interpreter computes its key."""


def first_entry_marker() -> str:
    """The start of the first entry's text: on screen only once the content is."""
    return load_agreement(bundled_path()).lead.text.fr[:24]


def _with_cache(cache: str, argv: list[str]) -> list[str]:
    return _clean([f"XDG_CACHE_HOME={cache}", *argv])


def _clean(argv: list[str]) -> list[str]:
    """Every variant starts through `env`, without what would run sources instead."""
    return ["env", "-u", "PYTHONPATH", "-u", "PYTHONDONTWRITEBYTECODE", *argv]


PROGRESS = "accordtui: reading"
"""The start of the progress line a long read shows at once."""


def paint_medians(
    runs: int, files: dict[str, Path], cache: Path, python: Path, long: Path
) -> dict[str, float]:
    """Median seconds to first paint for the reference and each file, cached or not,
    and to the progress line of the `long` file, all run by `python`.

    Runs alternate between variants so that machine noise hits all alike.
    """
    marker = first_entry_marker()
    accordtui = [str(python), "-m", "accordtui"]
    _fill(cache, files.values(), accordtui)
    minimal = [str(python), str(HERE / "minimal_app.py")]
    variants: dict[str, tuple[list[str], Marker]] = {"minimal": (_clean(minimal), "READY")}
    for name, path in files.items():
        argv = [*accordtui, str(path), "--max-size", "1024"]
        variants[f"{name}, cached"] = (_with_cache(str(cache), argv), marker)
        variants[f"{name}, validated"] = (_clean([*argv, "--no-cache"]), marker)
    argv = [*accordtui, str(long), "--max-size", "1024", "--no-cache"]
    variants["long, progress"] = (_clean(argv), (PROGRESS, marker))  # progress or content
    for argv, marker_ in variants.values():  # warm the OS file cache and ours
        first_paint(argv, marker_)
    samples: dict[str, list[float]] = {name: [] for name in variants}
    for _ in range(runs):
        for name, (argv, marker_) in variants.items():
            samples[name].append(first_paint(argv, marker_))
    return {name: statistics.median(values) for name, values in samples.items()}


def _fill(cache: Path, files: Iterable[Path], accordtui: list[str]) -> None:
    """Put each file in the cache as `validate` does: the browser writes its entry only
    when it ends, and a measured run is killed at its first paint."""
    for path in files:
        argv = [*accordtui, "validate", str(path), "--max-size", "1024"]
        subprocess.run(_with_cache(str(cache), argv), check=True, capture_output=True)
        check = [accordtui[0], "-c", _HIT, str(cache / "accordtui"), str(path)]
        if subprocess.run(check).returncode != 0:
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
