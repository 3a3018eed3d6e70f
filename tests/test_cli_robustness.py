"""The command line: odd orders, odd paths, hostile names, failing outputs (issues 10, 13)."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from accordtui.cli import main, parse
from accordtui.writing.inert import inert
from tests.conftest import DATA

ROOT = Path(__file__).resolve().parents[1]
UNSAFE = (b"\x1b", b"\x07", b"\r", *(bytes([0xC2, c]) for c in range(0x80, 0xA0)))
"""ESC, BEL, CR and every C1 control as UTF-8."""


def run(
    *args: str, env: dict[str, str] | None = None, **kwargs: object
) -> subprocess.CompletedProcess[bytes]:
    options: dict[str, object] = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE}
    options.update(kwargs)
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "accordtui", *args],
        timeout=30,
        env={**os.environ, **(env or {})},
        **options,
    )


# The README's "Use" examples: command words, then units that may come in any order.
EXAMPLES = [
    ([], [["other.yaml"]], {"path": Path("other.yaml")}),
    ([], [["--lang", "en"]], {"lang": "en"}),
    ([], [["--theme", "nord"], ["other.yaml"]], {"theme": "nord", "path": Path("other.yaml")}),
    (["validate"], [["a.yaml"], ["--max-size", "3"]], {"paths": [Path("a.yaml")], "max_size": 3}),
    (["export"], [["quotes"]], {"section": "quotes"}),
    (
        ["export"],
        [["all"], ["--lang", "en"], ["-f", "markdown"], ["-o", "agreement.md"]],
        {"section": "all", "lang": "en", "format": "markdown", "output": "agreement.md"},
    ),
    (
        ["export"],
        [["all"], ["-f", "json"], ["data/accord.yaml"]],
        {"section": "all", "format": "json", "path": Path("data/accord.yaml")},
    ),
    (
        ["export"],
        [["quotes"], ["--lang", "en"], ["data/accord.yaml"], ["--width", "60"]],
        {"section": "quotes", "lang": "en", "width": 60, "path": Path("data/accord.yaml")},
    ),
    (
        ["serve"],
        [["other.yaml"], ["--port", "8080"], ["--lang", "en"]],
        {"path": Path("other.yaml"), "port": 8080, "lang": "en"},
    ),
]


def orders(units: list[list[str]]) -> Iterator[list[str]]:
    """Every order of the units that keeps the positionals in their order."""
    positionals = [u for u in units if not u[0].startswith("-")]
    for order in itertools.permutations(units):
        if [u for u in order if not u[0].startswith("-")] == positionals:
            yield [word for unit in order for word in unit]


@pytest.mark.parametrize(("command", "units", "expected"), EXAMPLES)
def test_options_anywhere_in_every_readme_example(
    command: list[str], units: list[list[str]], expected: dict[str, object]
) -> None:
    seen = 0
    for words in orders(units):
        for argv in (command + words, _options_first(command, words)):
            ns = parse(argv)
            assert ns.command == (command[0] if command else None), argv
            for name, value in expected.items():
                assert getattr(ns, name) == value, (argv, name)
            seen += 1
    assert seen >= 2


def _options_first(command: list[str], words: list[str]) -> list[str]:
    """Options before the command word too: `accordtui --lang en export quotes`."""
    return words + command if not command else [*words[:0], *command, *words]


def test_options_before_the_command_belong_to_it(capfd: pytest.CaptureFixture[str]) -> None:
    ns = parse(["--lang", "en", "-f", "json", "export", "quotes"])
    assert (ns.command, ns.lang, ns.format, ns.section) == ("export", "en", "json", "quotes")
    assert parse(["--max-size", "3", "validate", "a.yaml"]).max_size == 3
    assert parse(["--theme", "export"]).theme == "export"  # a value, not a command
    assert main(["--lang", "en", "export", "quotes"]) == 0
    assert "\n\nEnglish translation of the French" in capfd.readouterr().out


@pytest.mark.parametrize(
    ("argv", "usage"),
    [
        (["export", "all", "-f", "nope"], "usage: accordtui export "),
        (["validate", "--max-size", "x"], "usage: accordtui validate "),
        (["serve", "--port", "x"], "usage: accordtui serve "),
        (["schema", "extra"], "usage: accordtui schema"),
        (["--nope"], "usage: accordtui [-h]"),
    ],
)
def test_usage_errors_show_the_command_usage(argv: list[str], usage: str) -> None:
    result = run(*argv)
    assert result.returncode == 2
    assert result.stderr.decode().startswith(usage)


def test_readme_export_from_issue_10_works() -> None:
    for argv in (
        ["export", "all", "-f", "json", str(DATA)],
        ["export", "quotes", "--lang", "en", str(DATA)],
    ):
        assert run(*argv).returncode == 0, argv


def test_hostile_key_and_file_name_reach_no_terminal(tmp_path: Path) -> None:
    evil_key = r"\r\e[2K\e]52;c;cHduZWQ=\a\u202e\x85\u2028\nevil.yaml: OK"  # YAML escapes
    path = tmp_path / "evil\x1b]0;PWNED\x07\r\n\u202e.yaml"
    path.write_text(DATA.read_text(encoding="utf-8") + f'"{evil_key}": x\n', encoding="utf-8")
    for argv in (
        ["validate", str(path)],
        ["validate", str(tmp_path / "gone\x1b[31m\x9b.yaml")],
        ["export", "quotes", "-o", str(tmp_path / "out\x1b[2J\x07.txt")],  # wrote …
        ["export", "quotes", "-o", str(tmp_path / "out\x1b[2J\x07.txt")],  # exists now
        ["export", "quotes", str(path)],
        ["export", "quotes\x1b[2J"],
        ["\x1b]0;x\x07.yaml"],
    ):
        result = run(*argv)
        for stream in (result.stdout, result.stderr):
            assert not any(b in stream for b in UNSAFE), (argv, stream)
        assert result.stderr.count(b"\n") <= 1 or argv[0] != "validate", result.stderr
    err = run("validate", str(path)).stderr.decode()
    assert "\\u001b]52" in err and "\\u000d" in err
    assert err.count("\n") == 1


def test_valid_file_with_hostile_name_prints_an_inert_ok(tmp_path: Path) -> None:
    path = tmp_path / "ok\x1b[1A\u200f.yaml"
    path.write_bytes(DATA.read_bytes())
    result = run("validate", str(path))
    assert result.returncode == 0
    assert result.stdout.decode().endswith("ok\\u001b[1A\\u200f.yaml: OK\n")


def test_inert_escapes_what_could_steer_or_hide() -> None:
    assert inert("a\x1b[31mb\x07\r\n\x9b\u202e\u2028\u200b\u3164\ufeff\U000e0041") == (
        "a\\u001b[31mb\\u0007\\u000d\\u000a\\u009b\\u202e\\u2028\\u200b\\u3164\\ufeff\\U000e0041"
    )
    kept = "Institut Mines-Télécom « IMT » 研究 😀 e\u0301 \u00a0\u202f\\"
    assert inert(kept) == kept


def test_ascii_io_encoding_still_prints_utf8() -> None:
    normal = run("export", "quotes")
    for env in (
        {"PYTHONIOENCODING": "ascii"},
        {"LC_ALL": "C", "PYTHONCOERCECLOCALE": "0", "PYTHONUTF8": "0"},
    ):
        result = run("export", "quotes", env=env)
        assert result.returncode == 0, result.stderr
        assert result.stdout == normal.stdout
    assert "Télécom".encode() in normal.stdout or "é".encode() in normal.stdout
    assert run("--help", env={"PYTHONIOENCODING": "ascii"}).stdout.startswith(b"usage:")


def test_dash_output_means_stdout(tmp_path: Path) -> None:
    result = run("export", "quotes", "-o", "-", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout == run("export", "quotes").stdout
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        (
            "~nosuchuser/x.txt",
            "accordtui: ~nosuchuser/x.txt: cannot find the home folder of nosuchuser",
        ),
        ("{tmp}/" + "n" * 256, "a name is 256 bytes; the limit is 255"),
        pytest.param("{tmp}/" + "d/" * 2100 + "x", "the limit is 4,095", id="4200-byte path"),
        ("{tmp}/missing/x.txt", "cannot write to {tmp}/missing: No such file or directory"),
        ("/dev/null", "accordtui: /dev/null: not a regular file"),
    ],
)
def test_export_path_errors_are_one_line(tmp_path: Path, target: str, expected: str) -> None:
    result = run("export", "quotes", "-o", target.format(tmp=tmp_path), "--force")
    err = result.stderr.decode()
    assert result.returncode == 1
    assert err.count("\n") == 1 and "Traceback" not in err
    assert expected.format(tmp=tmp_path) in err


def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for extra in ([], ["--force"]):
        result = run("export", "quotes", "-o", str(fifo), *extra)
        assert result.returncode == 1
        assert b"not a regular file" in result.stderr


@pytest.mark.parametrize("size", [242, 250, 255])
def test_longest_legal_names_work(tmp_path: Path, size: int) -> None:
    target = tmp_path / ("é" * ((size - 4) // 2) + "x" * ((size - 4) % 2) + ".txt")
    assert len(os.fsencode(target.name)) == size
    assert main(["export", "quotes", "-o", str(target)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]


def test_absolute_output_works_after_the_working_folder_vanished(tmp_path: Path) -> None:
    gone = tmp_path / "gone"
    gone.mkdir()
    script = (
        "import os, sys; os.chdir(sys.argv[1]); os.rmdir(sys.argv[1]);"
        "from accordtui.cli import main; sys.exit(main(sys.argv[2:]))"
    )
    out = tmp_path / "out.txt"
    ok = subprocess.run(
        [sys.executable, "-c", script, str(gone), "export", "quotes", "-o", str(out)],
        capture_output=True,
        timeout=30,
    )
    assert ok.returncode == 0, ok.stderr
    assert "\n\nCitations\n=========\n" in out.read_text(encoding="utf-8")
    gone.mkdir()
    relative = subprocess.run(
        [sys.executable, "-c", script, str(gone), "export", "quotes", "-o", "r.txt"],
        capture_output=True,
        timeout=30,
    )
    assert relative.returncode == 1
    assert b"working folder no longer exists" in relative.stderr


def test_unbuffered_output_to_dev_full_is_an_error() -> None:
    with open("/dev/full", "wb") as full:
        result = run("export", "all", stdout=full, env={"PYTHONUNBUFFERED": "1"})
    assert result.returncode == 1
    assert result.stderr == b"accordtui: cannot write output: No space left on device\n"


@pytest.fixture
def small_tmpfs(tmp_path: Path) -> Iterator[Path]:
    """A 4 KiB tmpfs: the whole export (about 11 KB) cannot fit."""
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root; run as root to test short writes on a full disk")
    mount = tmp_path / "small"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4k", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=True)


@pytest.mark.parametrize("unbuffered", ["1", ""])
def test_short_write_on_a_full_disk_is_an_error(small_tmpfs: Path, unbuffered: str) -> None:
    with open(small_tmpfs / "out.txt", "wb") as out:
        result = run("export", "all", stdout=out, env={"PYTHONUNBUFFERED": unbuffered})
    assert result.returncode == 1
    assert result.stderr == b"accordtui: cannot write output: No space left on device\n"
