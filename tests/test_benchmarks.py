"""Smoke test: every benchmark runs at a tiny size. No timing is asserted here."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.load import load_runs
from benchmarks.run import main
from benchmarks.synth import write


def test_benchmarks_run_at_a_tiny_size(capsys: pytest.CaptureFixture[str]) -> None:
    main(["--quick"])
    out = capsys.readouterr().out
    for measure in ("first paint", "load + validate", "export all", "search", "--watch reload"):
        assert measure in out


def test_peak_memory_is_the_loads_own(tmp_path: Path) -> None:
    """The child's peak, not the parent's: `ru_maxrss` outlives exec, so a large
    parent hid the growth of every load (the table read +0 MiB for 100,000 items)."""
    ballast = bytearray(300 * 2**20)  # the parent is larger than the child will be
    ballast[::4096] = b"x" * len(ballast[::4096])  # touched, so it is resident
    _, growth = load_runs(write(1_000, tmp_path), 1)
    assert growth > 1, f"{growth:.1f} MiB"
