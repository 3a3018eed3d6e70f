"""`validate` warns of each placeholder `new` leaves for the author, where it stands."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import jsonschema
import pytest

from accordtui.agreement.loader import bundled_path, load_agreement
from accordtui.agreement.placeholders import (
    KIND_TO_WRITE,
    ROLE_TO_WRITE,
    TITLE_TO_WRITE,
    UNTRANSLATED,
    placeholders,
)
from accordtui.cli import main
from accordtui.rendering.blocks import Note, Para
from accordtui.rendering.document import Document
from accordtui.rendering.export import render
from accordtui.rendering.labels import label
from accordtui.rendering.problem_report import REPORT_SCHEMA

RELEASE = Path(__file__).parent / "data" / "release_imt_inria.txt"


@pytest.fixture
def written(tmp_path: Path) -> Path:
    """A file as `new` writes it: every English text, and the title, left to write."""
    out = tmp_path / "a.yaml"
    assert main(["new", str(RELEASE), "-o", str(out), "--no-open"]) == 0
    return out


def test_each_placeholder_is_a_placed_warning_and_the_file_is_ok(
    written: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    found = list(placeholders(load_agreement(written)))
    assert {text for _, text in found} == {UNTRANSLATED, KIND_TO_WRITE, *TITLE_TO_WRITE.values()}
    assert main(["validate", str(written)]) == 0
    out, err = capsys.readouterr()
    assert out == f"{written}: OK, {len(found)} placeholders still to replace (warnings above)\n"
    lines = written.read_text(encoding="utf-8").splitlines()
    warned = err.splitlines()
    assert len(warned) == len(found)
    for warning, (loc, text) in zip(warned, found, strict=True):
        line, column = (int(n) for n in warning.split(":")[1:3])
        assert json.dumps(text, ensure_ascii=False) == lines[line - 1][column - 1 :].split("  #")[0]
        assert f" {loc[0]}" in warning and "placeholder still to replace" in warning
    assert main(["validate", "--strict", str(written)]) == 1


def test_json_and_standard_input_say_the_same_warnings(
    written: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """From standard input, which cannot be read again to place them, by field only."""
    capsys.readouterr()
    assert main(["validate", "-f", "json", str(written)]) == 0
    report = json.loads(capsys.readouterr().out)
    jsonschema.validate(report, REPORT_SCHEMA)
    assert report["valid"] is True and report["problems"] == []
    data = io.BytesIO(written.read_bytes())
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(data))
    assert main(["validate", "-f", "json", "-"]) == 0
    piped = json.loads(capsys.readouterr().out)["warnings"]
    assert [w["path"] for w in piped] == [w["path"] for w in report["warnings"]]
    assert {w["line"] for w in piped} == {None}
    assert None not in {w["line"] for w in report["warnings"]}


def test_the_bundled_agreement_has_none() -> None:
    assert list(placeholders(load_agreement(bundled_path()))) == []


def test_the_browser_and_exports_say_a_text_is_not_translated_yet(written: Path) -> None:
    """Not shown as if it were our English: a note of ours stands in its place."""
    document = Document(load_agreement(written))
    english = document.blocks("lead", "en")
    assert Note(label("unwritten", "en")) in english
    assert not any(isinstance(b, Para) and b.text == UNTRANSLATED for b in english)
    assert Note(label("unwritten", "fr")) not in document.blocks("lead", "fr")
    assert UNTRANSLATED not in render(load_agreement(written), "objectives", "text", "en")
    assert label("unwritten", "en") in render(load_agreement(written), "all", "text", "en")


def test_a_field_still_holding_a_placeholder_is_shown_as_still_to_write(tmp_path: Path) -> None:
    """A kind, a title, a place, an attribution: "to write", never the placeholder as if
    it were the release's words or our translation; in lists, the speaker's name."""
    release = tmp_path / "r.txt"
    release.write_text(
        "Modifié le 03/02/2025\n\n"
        "L'Office national des forêts (ONF) a signé une convention à Orléans.\n\n"
        "Elle a été signée par Claire Martin, directrice générale de l'ONF.\n\n"
        "« Les sols forestiers sont notre bien commun », a souligné Marie Dupont.\n",
        encoding="utf-8",
    )
    out = tmp_path / "a.yaml"
    assert main(["new", str(release), "-o", str(out), "--no-open"]) == 0
    agreement = load_agreement(out)
    left = {text for _, text in placeholders(agreement)}
    assert {KIND_TO_WRITE, ROLE_TO_WRITE, UNTRANSLATED} <= left
    for lang in ("fr", "en"):
        shown = render(agreement, "all", "text", lang)
        assert not any(p in shown for p in (KIND_TO_WRITE, ROLE_TO_WRITE, UNTRANSLATED))
        assert label("unfilled", lang) in shown
        document = Document(agreement)
        assert document.title(agreement.quotes[0].id, lang) == "Marie Dupont"
