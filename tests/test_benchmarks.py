"""Smoke test: every benchmark runs at a tiny size. No timing is asserted here."""

from __future__ import annotations

import pytest

from benchmarks.run import main


def test_benchmarks_run_at_a_tiny_size(capsys: pytest.CaptureFixture[str]) -> None:
    main(["--quick"])
    out = capsys.readouterr().out
    for measure in ("first paint", "load + validate", "export all", "search"):
        assert measure in out
