"""A cached start reads plain views, not the model: they must say exactly the same.

And the point of them: the first frame is painted without pydantic, the model or the
YAML reader imported.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import BaseModel

from accordtui.agreement import kinds, model, plain
from accordtui.agreement.cache import ValidatedCache
from accordtui.agreement.lang import LANGS
from accordtui.agreement.loader import bundled_path, load_agreement
from accordtui.agreement.model import Agreement
from accordtui.agreement.view import agreement_view
from accordtui.rendering.citation import citation
from accordtui.rendering.document import Document
from accordtui.rendering.export import EXPORT_SECTIONS, FORMATS, render
from benchmarks.pty_paint import run_in_pty

HEAVY = ("pydantic", "pydantic_core", "yaml", "_yaml")
HEAVY_OURS = (
    "accordtui.agreement.model",
    "accordtui.agreement.safe_yaml",
    "accordtui.agreement.parsing",
)
LATER = {
    "accordtui.agreement.difference",
    "accordtui.browser.commands",
    "accordtui.browser.legend",
    "accordtui.browser.screens.dialogs",
    "accordtui.browser.screens.export_dialog",
    "accordtui.browser.screens.export_flow",
    "accordtui.browser.screens.help",
    "accordtui.browser.screens.once",
    "accordtui.browser.watch",
    "accordtui.browser.widgets.search_bar",
    "accordtui.browser.widgets.live_file",
    "accordtui.rendering.anchors",
    "accordtui.rendering.citation",
    "accordtui.rendering.export",
    "accordtui.rendering.markdown_text",
    "accordtui.writing.atomic",
    "importlib.resources",
    "sysconfig",
}
"""Imported at the first key that needs them, not before the first frame."""


@pytest.fixture(scope="module")
def viewed(agreement: Agreement) -> Agreement:
    return agreement_view(plain.dump(agreement))


def test_every_entry_of_the_model_has_its_kind(agreement: Agreement) -> None:
    """The views take their kind from the model's class name: each must have one."""
    for _, item in agreement.entries():
        assert isinstance(item, kinds.KINDS[type(item).__name__])


def test_the_fields_a_view_answers_none_for_are_the_models_that_default_to_none() -> None:
    """The one list both forms follow: the plain form leaves these out when absent."""
    models = [m for m in vars(model).values() if isinstance(m, type) and issubclass(m, BaseModel)]
    defaulting_to_none = {
        name
        for m in models
        for name, info in m.model_fields.items()
        if not info.is_required() and info.default is None
    }
    assert set(kinds.MAY_BE_ABSENT) == defaulting_to_none


def test_the_plain_form_leaves_out_absent_fields_and_views_answer_none(
    agreement: Agreement, viewed: Agreement
) -> None:
    assert b"null" not in plain.dump(agreement)
    pairs = [(agreement, viewed), (agreement.publication, viewed.publication)]
    pairs += [(item, dict(Agreement.entries(viewed))[loc]) for loc, item in agreement.entries()]
    pairs += [(m.text, v.text) for m, v in pairs[2:] if hasattr(m, "text")]
    checked = 0
    for made, view in pairs:
        for name in set(kinds.MAY_BE_ABSENT) & set(type(made).model_fields):
            value, expected = getattr(view, name), getattr(made, name)
            if isinstance(expected, BaseModel):
                value, expected = (
                    value.model_dump(exclude_none=True),
                    expected.model_dump(mode="json", exclude_none=True),
                )
            assert value == expected
            checked += getattr(made, name) is None
    assert checked > 30  # absent fields, each answered None by a view


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("lang", LANGS)
def test_views_export_exactly_as_the_model(
    agreement: Agreement, viewed: Agreement, fmt: str, lang: str
) -> None:
    for section in EXPORT_SECTIONS:
        assert render(viewed, section, fmt, lang) == render(agreement, section, fmt, lang)  # type: ignore[arg-type]


def test_views_give_the_same_rows_links_and_citations(
    agreement: Agreement, viewed: Agreement
) -> None:
    model, view = Document(agreement), Document(viewed)
    for lang in LANGS:
        for section in ("overview", "parties", "objectives", "themes", "quotes", "source"):
            assert view.rows(section, lang) == model.rows(section, lang)  # type: ignore[arg-type]
            for key in model.keys(section):  # type: ignore[arg-type]
                assert view.links(key) == model.links(key)
                assert citation(view, key, lang) == citation(model, key, lang)


def test_a_damaged_plain_form_is_a_miss(tmp_path: Path) -> None:
    store = ValidatedCache(tmp_path / "cache")
    data = bundled_path().read_bytes()
    load_agreement(bundled_path(), cache=store)
    (entry,) = (tmp_path / "cache").glob("*.json")
    body = b'{"kinds": {}, "agreement": []}'
    digest = __import__("hashlib").sha256(body).hexdigest().encode()
    entry.write_bytes(b" ".join((b"accordtui-cache-2", entry.stem.encode(), digest)) + b"\n" + body)
    assert store.get_plain(data) is not None
    assert isinstance(load_agreement(bundled_path(), cache=store, view=True), Agreement)


FIRST_FRAME = """
import sys
from pathlib import Path
from accordtui.browser.app import AccordApp
from accordtui.cli import main

def ready(app):
    from accordtui.agreement import invisible

    scans = f"invisible-scans-compiled={invisible._scans.cache_info().currsize}"
    Path(sys.argv[1]).write_text("\\n".join([*sorted(sys.modules), scans]))
    app.exit()

AccordApp.on_ready = ready
sys.exit(main([]))
"""
"""The program as run, stopped at its first frame, saying which modules it imported (and
whether it compiled the text checks' regexes)."""


def test_a_cached_start_paints_before_pydantic_the_model_or_yaml_load(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nor what only a later key needs: the palette, help, export, copy, a watched file."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    (tmp_path / "xdg").mkdir(mode=0o700)
    subprocess.run([sys.executable, "-m", "accordtui", "validate"], check=True)
    modules = tmp_path / "modules.txt"
    run_in_pty([sys.executable, "-c", FIRST_FRAME, str(modules)], "never shown")
    imported = set(modules.read_text().split())
    assert "accordtui.agreement.view" in imported
    assert {"accordtui.browser.screens.browser", "accordtui.rendering.document"} <= imported
    assert not {m for m in imported if m.split(".")[0] in HEAVY or m in HEAVY_OURS}
    assert not imported & LATER
    assert "invisible-scans-compiled=0" in imported  # a text check's regexes: ~10 M
