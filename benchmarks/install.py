"""The program as users run it: a wheel installed, bytecode compiled, in a fresh venv.

An editable install runs from the source tree; with `PYTHONDONTWRITEBYTECODE` it
compiles every module at every start, which slows both sides of a ratio and flatters
it. Here the wheel is built and installed by pip (which compiles bytecode), and the
reference app runs on the same interpreter and the same installed Textual.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_SOURCE_VARIABLES = ("PYTHONDONTWRITEBYTECODE", "PYTHONPATH")
"""Would run the measured program from sources, or recompile it at every start."""

_WHERE = "import accordtui, textual; print(accordtui.__file__); print(textual.__file__)"


def installed_python(folder: Path) -> Path:
    """Build the wheel, install it in a venv under `folder`; the venv's interpreter."""
    env = clean_env()
    dist, venv = folder / "dist", folder / "venv"
    pip = ["-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run(
        [sys.executable, *pip, "wheel", "--no-deps", "-w", dist, ROOT], check=True, env=env
    )
    subprocess.run([sys.executable, "-m", "venv", venv], check=True, env=env)
    python = venv / "bin" / "python"
    (wheel,) = dist.glob("accordtui-*.whl")
    subprocess.run([python, *pip, "install", "--compile", wheel], check=True, env=env)
    _check(python, venv, env)
    return python


def _check(python: Path, venv: Path, env: dict[str, str]) -> None:
    """Both the program and Textual come from the venv, compiled: else the run would
    measure something else."""
    found = subprocess.run(
        [python, "-c", _WHERE], check=True, capture_output=True, text=True, env=env, cwd=venv
    ).stdout.split()
    for module in map(Path, found):
        if venv not in module.parents or not list((module.parent / "__pycache__").glob("*.pyc")):
            raise RuntimeError(f"{module} is not an installed, compiled module of {venv}")


def clean_env() -> dict[str, str]:
    """The environment measured programs run in: no source tree on the path."""
    return {
        k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPATH")
    }
