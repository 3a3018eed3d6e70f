"""accordtui benchmarks: `python -m benchmarks.run` (add `--quick` for a smoke run).

Each figure is the median of several runs; where there is a reference, both are
measured alternately in the same run and the ratio is given.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.pty_paint import first_paint
from benchmarks.synth import write

HERE = Path(__file__).resolve().parent
ACCORDTUI = [sys.executable, "-m", "accordtui"]
MINIMAL = [sys.executable, str(HERE / "minimal_app.py")]


def median(samples: list[float]) -> float:
    return statistics.median(samples)


def _items(path: Path) -> str:
    return path.stem.removeprefix("agreement-") + " items"


def bench_first_paint(runs: int, big: Path) -> list[tuple[str, str]]:
    ours, ref, large = [], [], []
    for _ in range(runs):  # alternate A/B so machine noise hits both alike
        ref.append(first_paint(MINIMAL, "READY"))
        ours.append(first_paint(ACCORDTUI, "FR original"))
        large.append(first_paint([*ACCORDTUI, str(big), "--max-size", "64"], "FR original"))
    r, o, g = median(ref), median(ours), median(large)
    return [
        ("first paint, minimal Textual app", f"{r * 1000:.0f} ms"),
        ("first paint, accordtui (bundled)", f"{o * 1000:.0f} ms = {o / r:.2f}x minimal"),
        (f"first paint, accordtui ({_items(big)})", f"{g * 1000:.0f} ms = {g / r:.2f}x minimal"),
    ]


_LOAD_CHILD = """
import json, resource, sys, time
from pathlib import Path
from accordtui.loader import load_agreement
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t = time.perf_counter()
load_agreement(Path(sys.argv[1]), 2**31)
elapsed = time.perf_counter() - t
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": elapsed, "peak_kib": peak, "base_kib": base}))
"""


def bench_load(sizes: list[int], runs: int, folder: Path) -> list[tuple[str, str]]:
    rows = []
    for items in sizes:
        path = write(items, folder)
        results = [
            json.loads(
                subprocess.run(
                    [sys.executable, "-c", _LOAD_CHILD, str(path)],
                    check=True,
                    capture_output=True,
                    text=True,
                ).stdout
            )
            for _ in range(runs if items < 100_000 else max(3, runs // 3))
        ]
        seconds = median([r["seconds"] for r in results])
        growth = median([(r["peak_kib"] - r["base_kib"]) / 1024 for r in results])
        size_mib = path.stat().st_size / 2**20
        rows.append(
            (
                f"load + validate, {items:,} items ({size_mib:.1f} MiB)",
                f"{seconds:.3f} s, +{growth:.0f} MiB peak, {seconds / items * 1e6:.1f} µs/item",
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


def bench_export(big: Path, runs: int) -> list[tuple[str, str]]:
    from accordtui.export import render
    from accordtui.loader import load_agreement

    agreement = load_agreement(big, 2**31)
    text = _timed(lambda: render(agreement, "all", "text", "fr"), runs)
    md = _timed(lambda: render(agreement, "all", "markdown", "fr"), runs)
    return [
        (f"export all as text, {_items(big)}", f"{text * 1000:.0f} ms"),
        (f"export all as Markdown, {_items(big)}", f"{md * 1000:.0f} ms"),
    ]


def bench_search(big: Path, runs: int) -> list[tuple[str, str]]:
    return asyncio.run(_search_in_app(big, runs))


async def _search_in_app(big: Path, runs: int) -> list[tuple[str, str]]:
    from accordtui.browser.app import AccordApp
    from accordtui.browser.screens.browser import BrowserScreen
    from accordtui.browser.widgets.search_bar import SearchBar
    from accordtui.loader import load_agreement

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
        (f"search, first query (builds the index), {_items(big)}", f"{first * 1000:.0f} ms"),
        (f"search, keystroke to results, {_items(big)}", f"{median(samples) * 1000:.1f} ms"),
    ]


async def _answer(screen: object, query: str) -> None:
    from accordtui.browser.screens.browser import BrowserScreen
    from accordtui.browser.widgets.search_bar import SearchBar

    assert isinstance(screen, BrowserScreen)
    if screen.query_text != query:
        screen.query_one(SearchBar).post_message(SearchBar.QueryChanged(query))
    while screen.matched_query != query:
        await asyncio.sleep(0.0005)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="tiny sizes, 1 run: a smoke test")
    args = parser.parse_args(argv)
    runs = 1 if args.quick else 10
    sizes = [100, 200] if args.quick else [100, 1_000, 10_000, 100_000]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        big = write(100 if args.quick else 10_000, folder)
        rows = [
            *bench_first_paint(runs, big),
            *bench_load(sizes, runs, folder),
            *bench_export(big, runs),
            *bench_search(big, runs),
        ]
    width = max(len(name) for name, _ in rows)
    print(f"{'measure'.ljust(width)}  median")
    for name, value in rows:
        print(f"{name.ljust(width)}  {value}")


if __name__ == "__main__":
    main()
