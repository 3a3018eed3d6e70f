"""What reaches the terminal: nothing from the data may act as an escape sequence."""

from __future__ import annotations

import sys
from pathlib import Path

import pyte

from benchmarks.pty_paint import run_in_pty
from tests.conftest import DATA

GOOD = DATA.read_text(encoding="utf-8")
PAYLOADS = {
    "osc52": "\\e]52;c;cGF5bG9hZA==\\a",
    "osc8": "\\e]8;;http://example.invalid/\\e\\\\link\\e]8;;\\e\\\\",
    "csi": "\\e[2J\\e[31m",
    "c1": "\\x9b2J",
}
RAW = [
    b"\x1b]52;c;cGF5bG9hZA==",
    b"\x1b]8;;http://example.invalid/",
    b"\x1b[2J\x1b[31m",
    b"\xc2\x9b",
]


def accordtui(path: Path) -> list[str]:
    return [sys.executable, "-m", "accordtui", str(path)]


def test_escape_sequences_in_data_never_reach_the_terminal(tmp_path: Path) -> None:
    for name, payload in PAYLOADS.items():
        path = tmp_path / f"{name}.yaml"
        path.write_text(GOOD.replace('fr: "Bercy"', f'fr: "Bercy{payload}"', 1), encoding="utf-8")
        _, written = run_in_pty(accordtui(path), "expected visible text")
        assert b"expected visible text" in written  # refused, with a located error
        assert b"signing.place.fr" in written
        for raw in RAW:
            assert raw not in written


def test_what_is_left_of_a_sequence_shows_as_text(tmp_path: Path) -> None:
    path = tmp_path / "remnants.yaml"
    text = "]52;c;cGF5bG9hZA== [@click=app.quit]"
    title = "L’accord en bref"  # the first entry's title, editorial: any text is allowed
    assert f'fr: "{title}"' in GOOD
    path.write_text(GOOD.replace(f'fr: "{title}"', f'fr: "{text}"', 1), encoding="utf-8")
    _, written = run_in_pty(accordtui(path), text)
    screen = pyte.Screen(80, 24)
    pyte.ByteStream(screen).feed(written)
    assert any(text in line for line in screen.display)  # on screen, literally
    title = "Accord-cadre de partenariat entre l’IMT et Inria [réd.] — accordtui"
    assert f"\x1b[22;2t\x1b]2;{title}\x07".encode() in written  # the terminal's, pushed
    assert b"\x1b]52;c;cGF5bG9hZA==" not in written
