"""accordtui benchmarks: `python -m benchmarks.run` (add `--quick` for a smoke run).

Each figure is the median of several runs; where there is a reference, both are
measured alternately in the same run and the ratio is given. The output is one
table: measure, median, target, met.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

from accordtui.agreement.loader import bundled_path
from benchmarks.paint import environment, paint_medians
from benchmarks.shapes import one_speaker, write_hub
from benchmarks.synth import write

Row = tuple[str, str, str, str]
"""Measure, median, target, met (yes / no / empty when there is no target)."""


def median(samples: list[float]) -> float:
    return statistics.median(samples)


def _met(ok: bool) -> str:
    return "yes" if ok else "**no**"


def bench_first_paint(runs: int, hub: Path, cache: Path) -> list[Row]:
    paint = paint_medians(runs, {"bundled": bundled_path(), "hub": hub}, cache)
    ref = paint["minimal"]
    rows: list[Row] = [("first paint, minimal Textual app (reference)", _ms(ref), "", "")]
    for name, limit in (("bundled", 1.3), ("hub", 3.0)):
        for how in ("cached", "validated"):
            ratio = paint[f"{name}, {how}"] / ref
            label = "bundled agreement" if name == "bundled" else f"hub-shaped {_items(hub)}"
            rows.append(
                (
                    f"first paint, {label}, {how if how == 'cached' else 'cache off'}",
                    f"{_ms(paint[f'{name}, {how}'])} = {ratio:.2f}x",
                    f"<= {limit}x",
                    _met(ratio <= limit),
                )
            )
    return rows


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms"


def _items(path: Path) -> str:
    return f"{int(path.stem.rsplit('-', 1)[1]):,} items"


_LOAD_CHILD = """
import json, os, resource, sys, time
from pathlib import Path
from accordtui.agreement.cache import ValidatedCache
from accordtui.agreement.loader import load_agreement

def peak_kib():
    # VmHWM is this program's peak; ru_maxrss keeps the parent's from before exec
    try:
        with open("/proc/self/status") as status:
            return next(int(l.split()[1]) for l in status if l.startswith("VmHWM:"))
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

cache = ValidatedCache(Path(sys.argv[2])) if len(sys.argv) > 2 else None
base = peak_kib()
t = time.perf_counter()
load_agreement(Path(sys.argv[1]), 2**31, cache)
elapsed = time.perf_counter() - t
peak = peak_kib()
print(json.dumps({"seconds": elapsed, "peak_kib": peak, "base_kib": base}))
"""


def _load_runs(path: Path, runs: int, cache: Path | None = None) -> tuple[float, float]:
    """Median seconds and MiB of peak memory growth to load `path` in a fresh process."""
    argv = [sys.executable, "-c", _LOAD_CHILD, str(path), *([str(cache)] if cache else [])]
    env = {**os.environ, "PYDANTIC_DISABLE_PLUGINS": "__all__"}  # as the program sets it
    results = [
        json.loads(subprocess.run(argv, check=True, capture_output=True, text=True, env=env).stdout)
        for _ in range(runs)
    ]
    seconds = median([r["seconds"] for r in results])
    growth = median([(r["peak_kib"] - r["base_kib"]) / 1024 for r in results])
    return seconds, growth


def bench_load(sizes: list[int], runs: int, folder: Path, hub: Path) -> list[Row]:
    bundled, _ = _load_runs(bundled_path(), runs)
    rows: list[Row] = [("load + validate, bundled agreement", _ms(bundled), "", "")]
    hub_s, hub_mib = _load_runs(hub, runs)
    rows.append(
        (
            f"load + validate, hub-shaped {_items(hub)}",
            f"{_ms(hub_s)} (+{hub_s - bundled:.2f} s), +{hub_mib:.0f} MiB peak",
            "<= bundled + 0.5 s",
            _met(hub_s - bundled <= 0.5),
        )
    )
    per_item = {}
    for items in sizes:
        path = write(items, folder)
        seconds, growth = _load_runs(path, runs if items < 100_000 else max(1, runs // 3))
        per_item[items] = seconds / items
        size_mib = path.stat().st_size / 2**20
        big = items == sizes[-1]
        rows.append(
            (
                f"load + validate, {items:,} items ({size_mib:.1f} MiB)",
                f"{_ms(seconds)}, +{growth:.0f} MiB peak, {seconds / items * 1e6:.0f} µs/item",
                "<= 5 s" if big else "",
                _met(seconds <= 5) if big else "",
            )
        )
    seconds_at = {items: per * items for items, per in per_item.items()}
    marginal = [(seconds_at[b] - seconds_at[a]) / (b - a) for a, b in pairwise(sizes)]
    flat = marginal[-1] / marginal[0]
    rows.append(
        (
            f"growth per added item, {sizes[0]:,} -> {sizes[-1]:,} items",
            " -> ".join(f"{m * 1e6:.0f}" for m in marginal) + f" µs (x{flat:.2f})",
            "flat (<= x1.5)",
            _met(flat <= 1.5),
        )
    )
    return rows


def bench_cache(sizes: list[int], runs: int, folder: Path, cache: Path) -> list[Row]:
    rows: list[Row] = []
    for path in (bundled_path(), write(sizes[-1], folder)):
        _load_runs(path, 1, cache)  # fill
        seconds, growth = _load_runs(path, runs, cache)
        name = "bundled agreement" if path == bundled_path() else f"{sizes[-1]:,} items"
        rows.append(
            (
                f"load, cache hit (hash checked), {name}",
                f"{_ms(seconds)}, +{growth:.0f} MiB",
                "",
                "",
            )
        )
    return rows


def _timed(fn: Callable[[], object], runs: int) -> float:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - started)
    return median(samples)


def bench_export(hub: Path, quotes: int, runs: int) -> list[Row]:
    from accordtui.agreement.loader import load_agreement
    from accordtui.rendering.export import render

    bundled = load_agreement(bundled_path())
    base = _timed(lambda: render(bundled, "all", "text", "fr"), runs)
    agreement = load_agreement(hub, 2**31)
    text = _timed(lambda: render(agreement, "all", "text", "fr"), runs)
    md = _timed(lambda: render(agreement, "all", "markdown", "fr"), runs)
    speaker = one_speaker(quotes)
    said = _timed(lambda: render(speaker, "quotes", "text", "fr"), runs)
    return [
        (
            f"export all as text, hub-shaped {_items(hub)}",
            f"{_ms(text)} (bundled {_ms(base)})",
            "<= bundled + 1 s",
            _met(text - base <= 1),
        ),
        (f"export all as Markdown, hub-shaped {_items(hub)}", _ms(md), "", ""),
        (
            f"render quotes, {quotes:,} quotes of one speaker",
            _ms(said),
            "<= 1 s",
            _met(said <= 1),
        ),
    ]


def bench_search(big: Path, runs: int) -> list[Row]:
    return asyncio.run(_search_in_app(big, runs))


async def _search_in_app(big: Path, runs: int) -> list[Row]:
    from accordtui.agreement.loader import load_agreement
    from accordtui.browser.app import AccordApp
    from accordtui.browser.screens.browser import BrowserScreen
    from accordtui.browser.widgets.search_bar import SearchBar

    app = AccordApp(load_agreement(big, 2**31))
    queries = ["p", "pe", "pep", "pepr", "cloud", "télécom", "souveraineté", "zzz"]
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, BrowserScreen)
        await pilot.press("slash")
        started = time.perf_counter()
        await _answer(screen, "inria")  # the first query also builds the index
        first = time.perf_counter() - started
        samples = []
        for _ in range(runs):
            for query in queries:
                started = time.perf_counter()
                screen.query_one(SearchBar).post_message(SearchBar.QueryChanged(query))
                await _answer(screen, query)
                samples.append(time.perf_counter() - started)
    return [
        (f"search, first query (builds the index), {_items(big)}", _ms(first), "", ""),
        (
            f"search, keystroke to results, {_items(big)}",
            f"{median(samples) * 1000:.1f} ms",
            "<= 50 ms",
            _met(median(samples) <= 0.05),
        ),
    ]


async def _answer(screen: object, query: str) -> None:
    from accordtui.browser.screens.browser import BrowserScreen
    from accordtui.browser.widgets.search_bar import SearchBar

    assert isinstance(screen, BrowserScreen)
    if screen.query_text != query:
        screen.query_one(SearchBar).post_message(SearchBar.QueryChanged(query))
    while screen.matched_query != query:
        await asyncio.sleep(0.0005)


def bench_stalls(text_bytes: int, hub: Path) -> list[Row]:
    """Longest time a key press would wait on entries of unusual size."""
    from accordtui.agreement.loader import load_agreement
    from benchmarks.heavy import big_text, worst_stalls

    big = big_text(text_bytes)
    hubbed = load_agreement(hub, 2**31)
    cases = {
        f"an entry of {text_bytes / 1e6:g} MB of text": (big, big.themes[0].items[0].id),
        f"the hub entry of {_items(hub)}": (hubbed, hubbed.themes[0].items[0].id),
    }
    rows: list[Row] = []
    for name, (agreement, key) in cases.items():
        stalls = asyncio.run(worst_stalls(agreement, key, "inria"))
        for what, seconds in stalls.items():
            rows.append(
                (f"input blocked, {what} {name}", _ms(seconds), "<= 100 ms", _met(seconds <= 0.1))
            )
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="tiny sizes, 1 run: a smoke test")
    args = parser.parse_args(argv)
    runs = 1 if args.quick else 10
    sizes = [100, 200] if args.quick else [100, 1_000, 10_000, 100_000]
    big = 100 if args.quick else 10_000
    print(f"machine: {environment()}")
    with tempfile.TemporaryDirectory() as tmp:
        folder, cache = Path(tmp), Path(tmp) / "cache"
        hub = write_hub(big, folder)
        rows = [
            *bench_first_paint(runs, hub, cache),
            *bench_load(sizes, runs, folder, hub),
            *bench_cache(sizes, runs, folder, cache),
            *bench_export(hub, big, runs),
            *bench_search(write(big, folder), runs),
            *bench_stalls(10_000 if args.quick else 1_000_000, hub),
        ]
    print("| Measure | Median | Target | Met |")
    print("| --- | --- | --- | --- |")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
