"""`accordtui serve` in a real headless Chromium: keys, the quotes on the page, a download.

The page draws the terminal on a canvas (xterm.js), so the test reads what the page's
terminal was sent: every binary WebSocket frame, replayed into pyte at the size the page
asked for. A screenshot is kept under test-artifacts/ to look at.
"""

from __future__ import annotations

import json
import os
import re
import select
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pyte
import pytest
from playwright.sync_api import Page, WebSocket, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
"""Playwright adds --headless and a fresh --user-data-dir itself."""
WAIT_S = 30.0


@pytest.fixture
def chromium() -> Path:
    """Debian's Chromium; skip without it, except in CI, which must have it."""
    if CHROMIUM.exists():
        return CHROMIUM
    message = f"{CHROMIUM} is missing: apt-get install -y chromium"
    if os.environ.get("CI") == "true":
        pytest.fail(f"{message} (.ci/run installs it)")
    pytest.skip(message)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until(check: Callable[[], bool], pause: Callable[[], None], what: str) -> None:
    deadline = time.monotonic() + WAIT_S
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up after {WAIT_S:.0f}s waiting for {what}")
        pause()


class TerminalMirror:
    """What the page's terminal was sent, in order, and the screen it makes."""

    def __init__(self) -> None:
        self.frames: list[bytes | tuple[int, int]] = []

    def attach(self, socket: WebSocket) -> None:
        socket.on("framereceived", self._received)
        socket.on("framesent", self._sent)

    def _received(self, payload: str | bytes) -> None:
        if isinstance(payload, bytes):
            self.frames.append(payload)

    def _sent(self, payload: str | bytes) -> None:
        message = json.loads(payload) if isinstance(payload, str) else None
        if isinstance(message, list) and message[0] == "resize":
            self.frames.append((message[1]["width"], message[1]["height"]))

    def screen(self) -> str:
        screen = pyte.Screen(80, 24)
        stream = pyte.ByteStream(screen)
        for frame in self.frames:
            if isinstance(frame, tuple):
                screen.resize(lines=frame[1], columns=frame[0])
            else:
                stream.feed(frame)
        return "\n".join(line.rstrip() for line in screen.display)


@pytest.fixture
def served() -> Iterator[str]:
    """`accordtui serve` on a free loopback port: its page's URL, with the run's token.

    Stopped with SIGINT as by ctrl+c: exit 130 and no traceback.
    """
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "accordtui", "serve", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        url = _banner_url(server)
        assert url.startswith(f"http://127.0.0.1:{port}/?token="), url
        yield url
    finally:
        server.send_signal(signal.SIGINT)
        out, err = server.communicate(timeout=WAIT_S)
    assert server.returncode == 130, err
    assert "Traceback" not in out + err
    assert err == ""


def _banner_url(server: subprocess.Popen[str]) -> str:
    """The URL of the line the server prints once it listens."""
    assert server.stdout is not None
    ready, _, _ = select.select([server.stdout], [], [], WAIT_S)
    line = server.stdout.readline() if ready else ""
    found = re.search(r"on (http://\S+) ", line)
    if found is None:
        raise AssertionError(f"no URL from accordtui serve (exit {server.poll()}): {line!r}")
    return found[1]


def test_quotes_on_the_page_and_export_downloads(chromium: Path, served: str) -> None:
    export = subprocess.run(
        [sys.executable, "-m", "accordtui", "export", "quotes"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    opening = re.search(r"«\s*(\S+ \S+ \S+)", export)
    speakers = re.findall(r"^(\S+ \S+),.*\n-+$", export, flags=re.MULTILINE)
    assert opening and len(speakers) == 2, export
    mirror = TerminalMirror()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
        context = browser.new_context(viewport={"width": 1200, "height": 720})
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=_origin(served))
        page = context.new_page()
        page.on("websocket", mirror.attach)
        hosts: set[str] = set()
        page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
        page.goto(served)
        assert page.title() == f"{export.splitlines()[0]} — accordtui"  # the export's title line
        pause = _pauser(page)
        wait_until(lambda: "Institut Mines-Télécom" in mirror.screen(), pause, "the app")
        assert opening[1] not in mirror.screen()
        page.locator(".xterm-helper-textarea").focus()  # keys go to the terminal
        page.keyboard.press("5")
        wait_until(lambda: opening[1] in mirror.screen(), pause, "the first quote")
        on_screen = lambda: all(s in mirror.screen() for s in speakers)  # noqa: E731
        wait_until(on_screen, pause, "both speakers")  # a later frame may draw the second
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=ARTIFACTS / "web-quotes.png")
        page.keyboard.press("y")
        wait_until(lambda: opening[1] in _clipboard(page), pause, "the browser clipboard")
        quote, speaker, reference = _clipboard(page).splitlines()  # a citation, as in a terminal
        assert quote.startswith("«\u00a0") and quote.endswith("\u00a0»"), quote
        assert speaker.startswith(f"— {speakers[0]}, ") and "paragraphe" in reference
        page.keyboard.press("e")  # the dialog: this section, as text, under its name
        wait_until(lambda: "accord-quotes.fr.txt" in mirror.screen(), pause, "the dialog")
        with page.expect_download(timeout=WAIT_S * 1000) as download_info:
            page.keyboard.press("Enter")
        download = download_info.value
        assert download.suggested_filename == "accord-quotes.fr.txt"
        assert Path(download.path()).read_text(encoding="utf-8") == export
        browser.close()
    assert hosts == {urlsplit(served).netloc}  # page, files, socket: no request to another host


def _pauser(page: Page) -> Callable[[], None]:
    """A short wait that lets Playwright deliver the page's events meanwhile."""
    return lambda: page.wait_for_timeout(100)


def _clipboard(page: Page) -> str:
    return str(page.evaluate("navigator.clipboard.readText()"))


def _origin(url: str) -> str:
    return f"http://{urlsplit(url).netloc}"
