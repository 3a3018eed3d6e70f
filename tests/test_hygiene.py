"""The data layer never imports the UI: it must stay usable (and fast) without Textual."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "accordtui"

DATA_MODULES = [
    "accordtui.agreement.model",
    "accordtui.agreement.loader",
    "accordtui.agreement.safe_yaml",
    "accordtui.agreement.invisible",
    "accordtui.rendering.export",
    "accordtui.rendering.markdown_text",
    "accordtui.rendering.textwidth",
    "accordtui.rendering.document",
    "accordtui.browser.search",
    "accordtui.writing.atomic",
    "accordtui.cli",
    "accordtui.web.serve",
]


def _loaded(imports: list[str]) -> list[str]:
    """Textual and Rich modules a fresh interpreter holds after `imports`."""
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in imports)
        + "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return ast.literal_eval(result.stdout.strip())  # type: ignore[no-any-return]


def test_data_layer_imports_no_textual_and_of_rich_only_its_cell_widths() -> None:
    """Rendering measures cells with `rich.cells`, the renderer's own measure; nothing
    else of Rich, and nothing of Textual, loads with the data layer."""
    assert _loaded(DATA_MODULES) == _loaded(["rich.cells"])


def test_only_the_rendering_layer_names_rich_and_only_rich_cells() -> None:
    wrong = []
    for layer in ("agreement", "rendering", "writing", "web"):
        for path in (SRC / layer).rglob("*.py"):
            for line, module in _imports(path):
                top = module.split(".")[0]
                allowed = layer == "rendering" and module == "rich.cells"
                if top in ("rich", "textual") and not allowed:
                    wrong.append(f"{path.relative_to(SRC)}:{line}: {module}")
    assert wrong == []


# Layers, bottom to top: each may import only its own layer and those below it.
# Siblings on one level (the web pages and the terminal browser) do not import each other.
LAYERS = {
    "agreement": 0,
    "rendering": 1,
    "writing": 2,
    "web": 3,
    "browser": 3,
    "cli": 4,
    "__main__": 5,
}


def _layer_of(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != "accordtui" or len(parts) < 2:
        return None
    return parts[1]


def _imports(path: Path) -> Iterator[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "accordtui":
                yield from ((node.lineno, f"accordtui.{a.name}") for a in node.names)
            else:
                yield node.lineno, node.module
        elif isinstance(node, ast.Import):
            yield from ((node.lineno, a.name) for a in node.names)


def test_every_module_sits_in_a_layer() -> None:
    top = {p.stem if p.is_file() else p.name for p in SRC.iterdir()}
    top -= {"__init__", "py", "__pycache__", "data"}
    assert top == set(LAYERS), "a new top-level module or folder needs a layer"


def test_imports_only_go_down_the_layers() -> None:
    wrong = []
    for path in SRC.rglob("*.py"):
        own = _layer_of("accordtui." + ".".join(path.relative_to(SRC).with_suffix("").parts))
        for line, module in _imports(path):
            target = _layer_of(module)
            if own is None or target is None or target == own or target == "__version__":
                continue
            if LAYERS[target] >= LAYERS[own]:
                wrong.append(f"{path.relative_to(SRC)}:{line}: {own} imports {module}")
    assert wrong == []
