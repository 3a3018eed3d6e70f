"""accordtui benchmarks: `python -m benchmarks.run` (add `--quick` for a smoke run).

Each figure is the median of several runs; where there is a reference, both are
measured alternately in the same run and the ratio is given. The output is one
table: measure, median, target, met.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from accordtui.agreement.loader import bundled_path
from benchmarks.install import installed_python
from benchmarks.load import bench_cache, bench_load, items_of, met, ms
from benchmarks.paint import environment, paint_medians
from benchmarks.shapes import one_speaker, write_hub
from benchmarks.synth import write
from benchmarks.watch import AFTER_SECONDS

Row = tuple[str, str, str, str]
"""Measure, median, target, met (yes / no / empty when there is no target)."""

PAINT_TARGETS = {
    ("bundled", "cached"): 1.3,
    ("bundled", "validated"): 1.8,
    ("hub", "cached"): 2.5,
}
"""First paint, as a multiple of the minimal Textual app's."""


def median(samples: list[float]) -> float:
    return statistics.median(samples)


def bench_first_paint(runs: int, hub: Path, cache: Path, python: Path, long: Path) -> list[Row]:
    files = {"bundled": bundled_path(), "hub": hub}
    paint = paint_medians(runs, files, cache, python, long)
    ref = paint["minimal"]
    rows: list[Row] = [("first paint, minimal Textual app (reference)", ms(ref), "", "")]
    for name in ("bundled", "hub"):
        for how in ("cached", "validated"):
            ratio = paint[f"{name}, {how}"] / ref
            label = "bundled agreement" if name == "bundled" else f"hub-shaped {items_of(hub)}"
            limit = PAINT_TARGETS.get((name, how))
            rows.append(
                (
                    f"first paint, {label}, {how if how == 'cached' else 'cache off'}",
                    f"{ms(paint[f'{name}, {how}'])} = {ratio:.2f}x",
                    f"<= {limit}x" if limit else "",
                    met(ratio <= limit) if limit else "",
                )
            )
    ratio = paint["long, progress"] / ref
    rows.append(
        (
            f"progress line on screen, {items_of(long)}, cache off",
            f"{ms(paint['long, progress'])} = {ratio:.2f}x",
            "<= 1.5x",
            met(ratio <= 1.5),
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
            f"export all as text, hub-shaped {items_of(hub)}",
            f"{ms(text)} (bundled {ms(base)})",
            "<= bundled + 1 s",
            met(text - base <= 1),
        ),
        (f"export all as Markdown, hub-shaped {items_of(hub)}", ms(md), "", ""),
        (
            f"render quotes, {quotes:,} quotes of one speaker",
            ms(said),
            "<= 1 s",
            met(said <= 1),
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
        (f"search, first query (builds the index), {items_of(big)}", ms(first), "", ""),
        (
            f"search, keystroke to results, {items_of(big)}",
            f"{median(samples) * 1000:.1f} ms",
            "<= 50 ms",
            met(median(samples) <= 0.05),
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
        f"the hub entry of {items_of(hub)}": (hubbed, hubbed.themes[0].items[0].id),
    }
    rows: list[Row] = []
    for both in (False, True):
        shown = " (both languages shown)" if both else ""
        for name, (agreement, key) in cases.items():
            stalls = asyncio.run(worst_stalls(agreement, key, "inria", both=both))
            for what, seconds in stalls.items():
                blocked = f"input blocked, {what} {name}{shown}"
                rows.append((blocked, ms(seconds), "<= 100 ms", met(seconds <= 0.1)))
    return rows


def bench_watch(hub: Path, runs: int, after: float) -> list[Row]:
    """Longest time a key press would wait while `--watch` reads a saved file again."""
    from benchmarks.watch import reload_stalls_apart

    stalls = reload_stalls_apart(hub, min(runs, 3), after)
    said = {
        "valid": "a valid save read again",
        "after a valid": f"the {after:g} s after a valid save",
        "invalid": "an invalid save read again",
    }
    return [
        (
            f"input blocked, --watch reload: {said[what]}, hub-shaped {items_of(hub)}",
            ms(seconds),
            "<= 100 ms",
            met(seconds <= 0.1),
        )
        for what, seconds in stalls.items()
    ]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--quick",
        action="store_true",
        help="tiny sizes, 1 run, on this interpreter (no wheel built): a smoke test",
    )
    args = parser.parse_args(argv)
    runs = 1 if args.quick else 10
    sizes = [100, 200] if args.quick else [100, 1_000, 10_000, 100_000]
    big = 100 if args.quick else 10_000
    print(f"machine: {environment()}")
    with tempfile.TemporaryDirectory() as tmp:
        folder, cache = Path(tmp), Path(tmp) / "cache"
        python = Path(sys.executable) if args.quick else installed_python(folder / "install")
        hub = write_hub(big, folder)
        loads, off = bench_load(sizes, runs, folder, hub, python)
        rows = [
            *bench_first_paint(runs, hub, cache, python, write(sizes[-1], folder)),
            *loads,
            *bench_cache(sizes, runs, folder, cache, python, off),
            *bench_export(hub, big, runs),
            *bench_search(write(big, folder), runs),
            *bench_stalls(10_000 if args.quick else 1_000_000, hub),
            *bench_watch(hub, runs, 0.5 if args.quick else AFTER_SECONDS),
        ]
    print("| Measure | Median | Target | Met |")
    print("| --- | --- | --- | --- |")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
