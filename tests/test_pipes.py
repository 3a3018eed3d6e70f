"""`-` reads standard input; `validate --format json` reports for editors and CI;
`schema -o` writes the schema beside the files that name it. (The browser on a pipe:
`tests/test_process.py`, on a real terminal.)"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from accordtui.agreement.schema import schema_text
from accordtui.cli import main
from accordtui.rendering.problem_report import REPORT_SCHEMA
from tests.conftest import DATA

GOOD = DATA.read_bytes()
BROKEN = GOOD.replace(b"leur coop\xc3\xa9ration en", b"la coop\xc3\xa9ration en", 1)


@pytest.fixture
def stdin(monkeypatch: pytest.MonkeyPatch):
    def feed(data: bytes) -> None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))

    return feed


def test_validate_and_export_read_standard_input(stdin, capsys) -> None:
    stdin(GOOD)
    assert main(["validate", "-"]) == 0
    assert capsys.readouterr().out == "<stdin>: OK\n"
    stdin(GOOD)
    assert main(["export", "quotes", "-"]) == 0
    from_pipe = capsys.readouterr().out
    assert main(["export", "quotes", str(DATA)]) == 0
    from_file = capsys.readouterr().out
    assert from_pipe == from_file.replace(DATA.name, "<stdin>", 1)  # the header names it


def test_problems_in_standard_input_are_placed_in_it(stdin, capsys) -> None:
    stdin(BROKEN)
    assert main(["validate", "-"]) == 1
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("<stdin>:30:9: lead.text.fr: text not found in the release")


def test_dot_slash_dash_is_a_file_named_dash(stdin, tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    Path("-").write_bytes(GOOD)
    stdin(b"")
    assert main(["validate", "./-"]) == 0
    assert capsys.readouterr().out == "-: OK\n"
    assert main(["validate", "-"]) == 1  # standard input, empty here
    assert "<stdin>: file has no content" in capsys.readouterr().err


def test_validate_json_reports_every_file_and_problem(stdin, tmp_path, capsys) -> None:
    """Checked against the report's own schema; names that could steer a terminal stay
    escaped, the whole report being ASCII."""
    jsonschema.Draft202012Validator.check_schema(REPORT_SCHEMA)
    missing = tmp_path / "gone\x1b]52;c;x\x07.yaml"
    stdin(BROKEN)
    assert main(["validate", "--format", "json", str(DATA), "-", str(missing)]) == 1
    captured = capsys.readouterr()
    assert captured.err == "" and captured.out.isascii()
    report = json.loads(captured.out)
    jsonschema.validate(report, REPORT_SCHEMA)
    assert report["valid"] is False
    assert [f["valid"] for f in report["files"]] == [True, False, False]
    from_pipe, gone = report["problems"]
    assert from_pipe["file"] == "<stdin>" and (from_pipe["line"], from_pipe["column"]) == (30, 9)
    assert from_pipe["path"] == "lead.text.fr" and "⟦la⟧" in from_pipe["message"]
    assert gone == {
        "file": str(missing),
        "line": None,
        "column": None,
        "path": None,
        "message": "no such file",
    }


def test_validate_json_of_a_valid_file(capsys) -> None:
    assert main(["validate", "-f", "json", str(DATA)]) == 0
    report = json.loads(capsys.readouterr().out)
    jsonschema.validate(report, REPORT_SCHEMA)
    files = [{"file": str(DATA), "valid": True}]
    assert report == {"valid": True, "files": files, "problems": [], "warnings": []}


@pytest.mark.parametrize("argv", [["serve", "-"], ["-", "--watch"]])
def test_what_reads_a_file_again_refuses_standard_input(argv, capsys) -> None:
    assert main(argv) == 2
    assert "name a file, not -" in capsys.readouterr().err


def test_schema_is_written_beside_the_files_never_over_one(tmp_path, capsys) -> None:
    target = tmp_path / "accord.schema.json"
    assert main(["schema", "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == schema_text()
    assert "begin: # yaml-language-server: $schema=accord.schema.json" in capsys.readouterr().err
    target.write_text("mine", encoding="utf-8")
    assert main(["schema", "-o", str(target)]) == 1
    assert "use --force" in capsys.readouterr().err and target.read_text() == "mine"
    assert main(["schema", "-o", str(target), "--force"]) == 0
    assert target.read_text(encoding="utf-8") == schema_text()


def test_a_new_file_s_editor_line_names_a_schema_beside_it(tmp_path, capsys) -> None:
    """What an editor does with the first line: the schema it names, read from the
    file's folder, validates the file; a schema already there is kept."""
    release = Path(__file__).parent / "data" / "release_imt_inria.txt"
    out = tmp_path / "a.yaml"
    assert main(["new", str(release), "-o", str(out), "--no-open"]) == 0
    first = out.read_text(encoding="utf-8").splitlines()[0]
    named = tmp_path / first.removeprefix("# yaml-language-server: $schema=")
    schema = json.loads(named.read_text(encoding="utf-8"))
    jsonschema.validate(yaml.safe_load(out.read_text(encoding="utf-8")), schema)
    named.write_text("{}", encoding="utf-8")
    assert main(["new", str(release), "-o", str(out), "--no-open", "--force"]) == 0
    assert named.read_text(encoding="utf-8") == "{}"
