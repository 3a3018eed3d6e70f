"""The data layer never imports the UI: it must stay usable (and fast) without Textual."""

from __future__ import annotations

import subprocess
import sys

DATA_MODULES = [
    "accordtui.model",
    "accordtui.loader",
    "accordtui.safe_yaml",
    "accordtui.invisible",
    "accordtui.export",
    "accordtui.markdown_text",
    "accordtui.textwidth",
    "accordtui.document",
    "accordtui.browser.search",
    "accordtui.atomic",
    "accordtui.cli",
    "accordtui.serve",
]


def test_data_layer_does_not_import_textual_or_rich() -> None:
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in DATA_MODULES)
        + "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        + "print(bad)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
