"""Loading files in fresh processes: validated, from the cache, and a reference.

The reference is PyYAML's bare event scan of the same file (libyaml, no values built,
no validation), run in the same way and the same run: absolute seconds move with the
machine's load, the ratio to this much less.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from itertools import pairwise
from pathlib import Path

from accordtui.agreement.loader import bundled_path
from benchmarks.install import clean_env
from benchmarks.synth import write

Row = tuple[str, str, str, str]

_PEAK = """
import json, os, resource, sys, time
from pathlib import Path

def peak_kib():
    # VmHWM is this program's peak; ru_maxrss keeps the parent's from before exec
    try:
        with open("/proc/self/status") as status:
            return next(int(l.split()[1]) for l in status if l.startswith("VmHWM:"))
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
"""

_LOAD_CHILD = (
    _PEAK
    + """
from accordtui.agreement.cache import ValidatedCache
from accordtui.agreement.loader import load_agreement

cache = ValidatedCache(Path(sys.argv[2])) if len(sys.argv) > 2 else None
base = peak_kib()
t = time.perf_counter()
load_agreement(Path(sys.argv[1]), 2**31, cache)
elapsed = time.perf_counter() - t
print(json.dumps({"seconds": elapsed, "peak_kib": peak_kib(), "base_kib": base}))
"""
)

_SCAN_CHILD = (
    _PEAK
    + """
import yaml

base = peak_kib()
t = time.perf_counter()
for _ in yaml.parse(Path(sys.argv[1]).read_bytes(), Loader=yaml.CSafeLoader):
    pass
elapsed = time.perf_counter() - t
print(json.dumps({"seconds": elapsed, "peak_kib": peak_kib(), "base_kib": base}))
"""
)


def _runs(program: str, args: list[str], runs: int, python: Path | None) -> tuple[float, float]:
    """Median seconds and MiB of peak memory growth of `program` in fresh processes."""
    argv = [str(python or sys.executable), "-c", program, *args]
    env = {**clean_env(), "PYDANTIC_DISABLE_PLUGINS": "__all__"}  # as the program sets it
    results = [
        json.loads(subprocess.run(argv, check=True, capture_output=True, text=True, env=env).stdout)
        for _ in range(runs)
    ]
    seconds = statistics.median([r["seconds"] for r in results])
    growth = statistics.median([(r["peak_kib"] - r["base_kib"]) / 1024 for r in results])
    return seconds, growth


def load_runs(
    path: Path, runs: int, cache: Path | None = None, python: Path | None = None
) -> tuple[float, float]:
    """Median seconds and MiB of peak growth to load `path` (from `cache` if given)."""
    return _runs(_LOAD_CHILD, [str(path), *([str(cache)] if cache else [])], runs, python)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms"


def items_of(path: Path) -> str:
    return f"{int(path.stem.rsplit('-', 1)[1]):,} items"


def met(ok: bool) -> str:
    return "yes" if ok else "**no**"


def bench_load(
    sizes: list[int], runs: int, folder: Path, hub: Path, python: Path | None
) -> tuple[list[Row], float]:
    """Rows, and the largest file's cache-off seconds (the cache hit is judged by it)."""
    bundled, _ = load_runs(bundled_path(), runs, python=python)
    rows: list[Row] = [("load + validate, bundled agreement", ms(bundled), "", "")]
    hub_s, hub_mib = load_runs(hub, runs, python=python)
    rows.append(
        (
            f"load + validate, hub-shaped {items_of(hub)}",
            f"{ms(hub_s)} (+{hub_s - bundled:.2f} s), +{hub_mib:.0f} MiB peak",
            "<= bundled + 0.5 s",
            met(hub_s - bundled <= 0.5),
        )
    )
    per_item = {}
    for items in sizes:
        path = write(items, folder)
        few = runs if items < 100_000 else max(1, runs // 3)
        seconds, growth = load_runs(path, few, python=python)
        per_item[items] = seconds / items
        size = f"{path.stat().st_size / 2**20:.1f} MiB"
        value = f"{ms(seconds)}, +{growth:.0f} MiB peak, {seconds / items * 1e6:.0f} µs/item"
        if items == sizes[-1]:
            scan, _ = _runs(_SCAN_CHILD, [str(path)], few, python)
            load = os.getloadavg()[0]
            value += f"; = {seconds / scan:.1f}x PyYAML's event scan ({ms(scan)}), load {load:.1f}"
        rows.append((f"load + validate, {items:,} items ({size})", value, "", ""))
    seconds_at = {items: per * items for items, per in per_item.items()}
    marginal = [(seconds_at[b] - seconds_at[a]) / (b - a) for a, b in pairwise(sizes)]
    flat = marginal[-1] / marginal[0]
    rows.append(
        (
            f"growth per added item, {sizes[0]:,} -> {sizes[-1]:,} items",
            " -> ".join(f"{m * 1e6:.0f}" for m in marginal) + f" µs (x{flat:.2f})",
            "flat (<= x1.5)",
            met(flat <= 1.5),
        )
    )
    return rows, seconds_at[sizes[-1]]


def bench_cache(
    sizes: list[int], runs: int, folder: Path, cache: Path, python: Path | None, off: float
) -> list[Row]:
    """Cache hits; the largest file's against its cache-off load (`off` seconds)."""
    rows: list[Row] = []
    for path in (bundled_path(), write(sizes[-1], folder)):
        load_runs(path, 1, cache, python)  # fill
        seconds, growth = load_runs(path, runs, cache, python)
        if path == bundled_path():
            rows.append(("load, cache hit, bundled agreement", ms(seconds), "", ""))
            continue
        ratio = seconds / off
        rows.append(
            (
                f"load, cache hit, {sizes[-1]:,} items",
                f"{ms(seconds)}, +{growth:.0f} MiB = {ratio:.2f}x its cache-off load",
                "<= 0.5x",
                met(ratio <= 0.5),
            )
        )
    return rows
