"""Every import is declared in pyproject.toml, in the extra that needs it (judged by deptry).

Three looks, one per audience: the program without extras, `accordtui serve` with the
`web` extra, and the tests and benchmarks with the `test` extra. A group marked as
"dev" is one the code looked at must not import (deptry's DEP004).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LOOKS = {
    "program without extras": [
        "src",
        "--extend-exclude",
        "src/accordtui/web",
        "--optional-dependencies-dev-groups",
        "web,test",
    ],
    "serve with the web extra": ["src", "--optional-dependencies-dev-groups", "test"],
    # Unused packages are judged above; here tools (ruff, mypy, plugins) are never imported.
    "tests and benchmarks": [
        "tests",
        "benchmarks",
        *("-kf", "accordtui", "-kf", "benchmarks", "-kf", "tests"),
        *("--ignore", "DEP002"),
    ],
}


@pytest.mark.parametrize("look", LOOKS)
def test_imports_match_the_declared_dependencies(look: str, tmp_path: Path) -> None:
    report = tmp_path / "deptry.json"
    options = ["--config", "pyproject.toml", "--json-output", str(report)]
    result = subprocess.run(
        [sys.executable, "-m", "deptry", *LOOKS[look], *options],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert report.exists(), result.stderr  # deptry ran and judged
    problems = [
        f"{p['location']['file']}:{p['location']['line'] or ''}: {p['error']['code']} "
        f"{p['error']['message']}"
        for p in json.loads(report.read_text(encoding="utf-8"))
    ]
    assert problems == []
    assert result.returncode == 0
