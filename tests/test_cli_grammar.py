"""The command line's tree: help, unknown commands, version, completions, man page."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from accordtui import __version__
from accordtui.cli import main
from accordtui.cli.grammar import build
from accordtui.cli.options import COMMANDS
from accordtui.cli.shell import completion_script

MAN = Path(__file__).resolve().parents[1] / "man" / "accordtui.1"


def test_help_lists_every_command_with_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    for name, (summary, _) in COMMANDS.items():
        assert any(line.split() == [name, *summary.split()] for line in out.splitlines()), name


def test_help_command_prints_a_command_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["help", "export"]) == 0
    assert capsys.readouterr().out.startswith("usage: accordtui export")


@pytest.mark.parametrize(
    ("word", "nearest"), [("valdate", "validate"), ("exprot", "export"), ("sevre", "serve")]
)
def test_a_mistyped_command_is_a_usage_error_naming_the_nearest(
    word: str, nearest: str, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as exit_:
        main([word])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: accordtui")
    assert f"did you mean {nearest!r}?" in err


def test_a_missing_path_is_still_a_missing_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch
) -> None:
    """A word with a dot or a slash is a path: exit 1 naming the file, as before."""
    monkeypatch.chdir(tmp_path)
    assert main(["other.yaml"]) == 1
    assert "other.yaml" in capsys.readouterr().err


def test_a_file_named_like_a_command_word_opens_as_a_file(
    tmp_path: Path, monkeypatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "agreement").write_text("title: [\n", encoding="utf-8")
    assert main(["agreement"]) == 1  # read and refused as a file, not a usage error
    assert capsys.readouterr().err.startswith("agreement:")


@pytest.mark.parametrize("flag", ["-V", "--version"])
def test_version(flag: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main([flag])
    assert capsys.readouterr().out == f"accordtui {__version__}\n"


def _bash_complete(script: str, *words: str) -> list[str]:
    line = " ".join(words)
    program = (
        f"{script}\nCOMP_WORDS=({line}); COMP_CWORD={len(words) - 1}; "
        f'COMP_LINE="{line}"; COMP_POINT=${{#COMP_LINE}}; _shtab_accordtui; '
        'printf "%s\\n" "${COMPREPLY[@]}"'
    )
    result = subprocess.run(["bash", "-c", program], capture_output=True, text=True, check=True)
    return result.stdout.split()


def test_bash_completes_commands_sections_and_options() -> None:
    script = completion_script("bash")
    assert _bash_complete(script, "accordtui", "ex") == ["export"]
    assert _bash_complete(script, "accordtui", "export", "q") == ["quotes"]
    assert sorted(_bash_complete(script, "accordtui", "export", "--f")) == ["--force", "--format"]
    assert _bash_complete(script, "accordtui", "completion", "f") == ["fish"]


def test_fish_completes_commands_and_sections() -> None:
    fish = shutil.which("fish")
    assert fish, "fish is installed by .ci/run (apt-get install fish)"
    script = completion_script("fish")
    program = "source; complete -C 'accordtui ex'; complete -C 'accordtui export qu'"
    result = subprocess.run(
        [fish, "--no-config", "-c", program], input=script, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split("\t")[0] == "export"
    assert "quotes" in [line.split("\t")[0] for line in lines[1:]]


def test_zsh_script_defines_the_completion_function() -> None:
    assert "#compdef accordtui" in completion_script("zsh")


def man_page() -> str:
    """The man page drawn from the parser, as the wheel ships it."""
    from argparse_manpage.manpage import Manpage

    data = {
        "project_name": "accordtui",
        "prog": "accordtui",
        "version": __version__,
        "date": f"version {__version__}",
        "manual_section": 1,
        "manual_title": "User Commands",
        "description": "the IMT–Inria framework agreement as validated data and a terminal browser",
    }
    return str(Manpage(build(), _data=data))


def test_the_man_page_is_current() -> None:
    """After a change to the command line: `UPDATE_MAN=1 pytest tests/test_cli_grammar.py`."""
    if os.environ.get("UPDATE_MAN"):
        MAN.write_text(man_page(), encoding="utf-8")
    assert MAN.read_text(encoding="utf-8") == man_page()


def test_the_man_page_names_every_command() -> None:
    text = man_page()
    for name in COMMANDS:
        assert f"accordtui {name}" in text.replace("\\-", "-")
