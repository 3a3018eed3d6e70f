"""`accordtui new`: written once validated, never over a file without --force, - is stdin."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from accordtui.agreement.loader import load_agreement
from accordtui.cli import main

RELEASE = Path(__file__).parent / "data" / "release_imt_inria.txt"


def test_writes_a_valid_file_and_keeps_an_existing_one(tmp_path: Path, capsys) -> None:
    out = tmp_path / "a.yaml"
    assert main(["new", str(RELEASE), "-o", str(out), "--no-open"]) == 0
    assert load_agreement(out).release[0].id == "p1"
    out.write_text("mine", encoding="utf-8")
    assert main(["new", str(RELEASE), "-o", str(out), "--no-open"]) == 1
    assert out.read_text(encoding="utf-8") == "mine"
    assert "already exists; use --force to overwrite it" in capsys.readouterr().err
    assert main(["new", str(RELEASE), "-o", str(out), "--no-open", "--force"]) == 0
    assert load_agreement(out).publication.page_date.isoformat() == "2024-07-01"


def test_stdin_and_the_page_date(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    out = tmp_path / "b.yaml"
    text = "Un partenariat a été signé à Nantes.\n".encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text)))
    assert main(["new", "-", "-o", str(out), "--no-open"]) == 1
    assert "-: no page date" in capsys.readouterr().err and not out.exists()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text)))
    assert main(["new", "-", "-o", str(out), "--page-date", "2025-01-02", "--no-open"]) == 0
    assert load_agreement(out).signing.place.fr == "Nantes"


def test_bad_input_and_the_release_itself_write_nothing(tmp_path: Path, capsys) -> None:
    binary = tmp_path / "b.txt"
    binary.write_bytes(b"PK\x03\x04\x00\x00")
    assert main(["new", str(binary), "-o", str(tmp_path / "c.yaml"), "--no-open"]) == 1
    assert "b.txt:1:5: NUL byte" in capsys.readouterr().err
    release = tmp_path / "r.txt"
    release.write_bytes(RELEASE.read_bytes())
    assert main(["new", str(release), "-o", str(release), "--force", "--no-open"]) == 1
    assert "is the release itself" in capsys.readouterr().err
    assert release.read_bytes() == RELEASE.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.txt", "r.txt"]
