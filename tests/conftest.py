"""Shared fixtures: the bundled agreement, the source release, and a way to write YAML."""

from __future__ import annotations

import gc
import os
import random
from collections.abc import Callable
from pathlib import Path

import pytest

from accordtui.agreement.loader import bundled_path, load_agreement
from accordtui.agreement.model import Agreement

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data" / "accord.yaml"
RELEASE = Path(__file__).parent / "data" / "release.txt"
"""A copy of the press release, so the suite runs anywhere; see test_fidelity."""


@pytest.fixture(scope="session")
def agreement() -> Agreement:
    return load_agreement(bundled_path())


@pytest.fixture(scope="session")
def release_text() -> str:
    return RELEASE.read_text(encoding="utf-8")


@pytest.fixture
def write_yaml(tmp_path: Path) -> Callable[[str | bytes], Path]:
    def write(content: str | bytes, name: str = "agreement.yaml") -> Path:
        path = tmp_path / name
        path.write_bytes(content.encode() if isinstance(content, str) else content)
        return path

    return write


def pytest_configure(config: pytest.Config) -> None:
    """Pick this run's key-walk seed once, before xdist starts its workers (they inherit it)."""
    os.environ.setdefault("WALK_SEED", str(random.SystemRandom().randrange(2**32)))


@pytest.hookimpl(tryfirst=True)
def pytest_sessionfinish() -> None:
    """Collect now, then freeze what lives on, so pytest's last collections are quick.

    After an xdist worker reports its end, pytest collects garbage five more times
    (to report unraisable exceptions); on a loaded machine that took up to 8 s with
    ~390,000 objects, and execnet interrupts a worker still busy 5 s after the run:
    a `KeyboardInterrupt` traceback under a green run. This collection runs before
    the report, while pytest still records unraisable exceptions.
    """
    gc.collect()
    gc.freeze()


def pytest_report_header() -> str:
    return f"key walks: WALK_SEED={os.environ['WALK_SEED']} (set it to replay these walks)"


@pytest.fixture(autouse=True, scope="session")
def _own_cache_folder(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The program keeps validated files in the user's cache: tests use their own."""
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))
