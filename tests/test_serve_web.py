"""`accordtui serve` attacked over loopback with a real WebSocket client (aiohttp's).

The server is the real one (routes, checks, limits, signals) in its own process,
around a stub app that starts in milliseconds (`web_stub_app.py`), one server for the
module; its output is read as it comes and must never hold a traceback. The last test
runs `accordtui serve` itself, with real apps, for ctrl+c while tabs start.
"""

from __future__ import annotations

import re
import select
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import aiohttp
import pytest

HERE = Path(__file__).resolve().parent
WAIT_S = 30.0
MALFORMED = [
    "not json",
    "{}",
    "[]",
    "[5]",
    '["stdin", 5]',
    '["stdin"]',
    '["stdin", "\\ud800"]',
    '["resize", {"width": "x", "height": 2}]',
    '["resize", {"width": true, "height": 2}]',
    '["resize", []]',
    '["launch", "/bin/sh"]',
    "[" * 100_000,
]


class Server:
    """A server process: its page's URL, and its stderr lines as they come."""

    def __init__(self, argv: list[str]) -> None:
        self.process = subprocess.Popen(
            argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        self.errors: list[str] = []
        self._more_errors = threading.Condition()
        self._reader = threading.Thread(target=self._read_errors, daemon=True)
        self._reader.start()

    def wait_ready(self) -> Server:
        self.url = self._first_line()
        parts = urlsplit(self.url)
        self.origin = f"http://{parts.netloc}"
        self.token = parts.query.removeprefix("token=")
        self.socket_url = f"ws://{parts.netloc}/ws/{self.token}"
        return self

    def _read_errors(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            with self._more_errors:
                self.errors.append(line)
                self._more_errors.notify_all()

    def errors_after(self, start: int, count: int) -> list[str]:
        """The `count` stderr lines after the first `start`, once written (they come late)."""
        with self._more_errors:
            self._more_errors.wait_for(lambda: len(self.errors) >= start + count, WAIT_S)
            return self.errors[start:]

    def _first_line(self) -> str:
        assert self.process.stdout is not None
        ready, _, _ = select.select([self.process.stdout], [], [], WAIT_S)
        line = self.process.stdout.readline() if ready else ""
        found = re.search(r"(http://\S+\?token=\S+)", line)
        if found is None:
            self.process.kill()
            raise AssertionError(f"no URL (exit {self.process.poll()}): {line!r} {self.errors}")
        return found[1]

    def stop(self) -> str:
        """ctrl+c: the server's whole output afterwards; it must have exited 130."""
        self.process.send_signal(signal.SIGINT)
        assert self.process.stdout is not None
        out = self.process.stdout.read()
        assert self.process.wait(timeout=WAIT_S) == 130
        self._reader.join(timeout=WAIT_S)
        return out + "".join(self.errors)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def stub_server(idle_seconds: float) -> Server:
    script = HERE / "web_stub_server.py"
    return Server([sys.executable, str(script), str(free_port()), str(idle_seconds)])


@pytest.fixture(scope="module")
def servers() -> Iterator[tuple[Server, Server]]:
    """Two servers started side by side: tabs idle for 10 minutes, and for 0.2 s."""
    pair = stub_server(idle_seconds=600), stub_server(idle_seconds=0.2)
    yield pair[0].wait_ready(), pair[1].wait_ready()
    for running in pair:
        output = running.stop()
        assert "Traceback" not in output
        assert all(line.startswith("accordtui serve: ") for line in output.splitlines()), output


@pytest.fixture
def server(servers: tuple[Server, Server]) -> Server:
    return servers[0]


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as client:
        yield client


async def first_text(ws: aiohttp.ClientWebSocketResponse) -> str:
    message = await ws.receive(timeout=WAIT_S)
    assert message.type == aiohttp.WSMsgType.BINARY, message
    return bytes(message.data).decode()


async def test_the_page_names_the_agreement_and_asks_no_other_host(
    server: Server, session: aiohttp.ClientSession
) -> None:
    async with session.get(server.url) as response:
        assert response.status == 200
        page = await response.text()
        policy = response.headers["Content-Security-Policy"]
    assert "<title>Titre &lt;b&gt; — accordtui</title>" in page
    assert "default-src 'none'" in policy
    assert not re.search(r"(src|href)=\"(https?:)?//", page)  # every file from this server
    async with session.get(
        f"{server.origin}/static/fonts/RobotoMono-VariableFont_wght.ttf"
    ) as font:
        assert font.status == 200


@pytest.mark.parametrize("origin", ["http://evil.example", "http://localhost:1", None])
async def test_a_foreign_origin_is_refused(
    server: Server, session: aiohttp.ClientSession, origin: str | None
) -> None:
    with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
        await session.ws_connect(server.socket_url, origin=origin)
    assert refused.value.status == 403


@pytest.mark.parametrize("path", ["/", "/ws/{token}", "/static/js/textual.js", "/nowhere"])
async def test_a_foreign_host_gets_nothing(
    server: Server, session: aiohttp.ClientSession, path: str
) -> None:
    url = server.origin + path.format(token=server.token) + f"?token={server.token}"
    headers = {"Host": f"evil.example:{urlsplit(server.url).port}", "Origin": server.origin}
    async with session.get(url, headers=headers) as response:
        assert response.status == 403


@pytest.mark.parametrize("path", ["/ws", "/ws/", "/ws/wrong", "/ws/{token}x"])
async def test_a_socket_without_the_token_is_refused(
    server: Server, session: aiohttp.ClientSession, path: str
) -> None:
    url = server.origin + path.format(token=server.token)
    with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
        await session.ws_connect(url, origin=server.origin)
    assert refused.value.status in (403, 404)


@pytest.mark.parametrize("query", ["", "?token=", "?token=wrong"])
async def test_the_page_without_the_token_says_where_to_find_it(
    server: Server, session: aiohttp.ClientSession, query: str
) -> None:
    async with session.get(f"{server.origin}/{query}") as response:
        assert response.status == 403
        assert "accordtui serve" in await response.text()


async def test_a_plain_get_of_the_socket_is_400(
    server: Server, session: aiohttp.ClientSession
) -> None:
    async with session.get(server.socket_url.replace("ws:", "http:", 1)) as response:
        assert response.status == 400


async def test_fifty_tabs_start_eight_apps_and_refuse_the_rest_politely(
    server: Server, session: aiohttp.ClientSession
) -> None:
    sockets = [await session.ws_connect(server.socket_url, origin=server.origin) for _ in range(50)]
    firsts = [await first_text(ws) for ws in sockets]
    assert sum(text.startswith("size ") for text in firsts) == 8
    refusals = [text for text in firsts if not text.startswith("size ")]
    assert len(refusals) == 42
    assert all("Trop d’onglets ouverts (8 au plus)" in text for text in refusals)
    for ws, text in zip(sockets, firsts, strict=True):
        if not text.startswith("size "):
            assert (await ws.receive(timeout=WAIT_S)).type == aiohttp.WSMsgType.CLOSE
    for ws in sockets:
        await ws.close()
    for _ in range(100):  # the eight apps end in turn; then a tab starts again
        async with session.ws_connect(server.socket_url, origin=server.origin) as ws:
            if (await first_text(ws)).startswith("size "):
                return
    raise AssertionError("no tab could start once the eight were closed")


async def test_a_huge_terminal_is_clamped(server: Server, session: aiohttp.ClientSession) -> None:
    url = server.socket_url + "?width=5000&height=5000"
    async with session.ws_connect(url, origin=server.origin) as ws:
        assert await first_text(ws) == "size 500x200"
        await ws.send_json(["resize", {"width": 5000, "height": 5000}])
        assert await first_text(ws) == "resize 500x200"
        await ws.send_json(["resize", {"width": -3, "height": 0}])
        assert await first_text(ws) == "resize 1x1"


async def test_malformed_messages_are_ignored_in_one_line_each(
    server: Server, session: aiohttp.ClientSession
) -> None:
    async with session.ws_connect(server.socket_url, origin=server.origin) as ws:
        assert (await first_text(ws)).startswith("size ")
        logged = len(server.errors)
        for text in MALFORMED:
            await ws.send_str(text)
        await ws.send_bytes(b"\x00binary")
        await ws.send_json(["stdin", "still here"])
        assert await first_text(ws) == "keys still here"
    lines = server.errors_after(logged, len(MALFORMED) + 1)
    assert len(lines) == len(MALFORMED) + 1, lines
    assert all(line.startswith("accordtui serve: ignored a") for line in lines), lines
    assert not any("ud800" in line or "/bin/sh" in line for line in lines)  # nothing echoed


async def test_an_app_that_quits_closes_its_page(
    server: Server, session: aiohttp.ClientSession
) -> None:
    async with session.ws_connect(server.socket_url, origin=server.origin) as ws:
        assert (await first_text(ws)).startswith("size ")
        await ws.send_json(["stdin", "q"])
        assert (await ws.receive(timeout=WAIT_S)).type == aiohttp.WSMsgType.CLOSE


async def test_an_idle_tab_is_closed_with_a_word(
    servers: tuple[Server, Server], session: aiohttp.ClientSession
) -> None:
    idle = servers[1]
    async with session.ws_connect(idle.socket_url, origin=idle.origin) as ws:
        assert (await first_text(ws)).startswith("size ")
        assert "sans activité" in await first_text(ws)
        assert (await ws.receive(timeout=WAIT_S)).type == aiohttp.WSMsgType.CLOSE


async def test_ctrl_c_while_tabs_start_stops_all_with_no_traceback(
    session: aiohttp.ClientSession,
) -> None:
    argv = [sys.executable, "-m", "accordtui", "serve", "--port", str(free_port())]
    real = Server(argv).wait_ready()
    try:
        sockets = [await session.ws_connect(real.socket_url, origin=real.origin) for _ in range(2)]
    finally:
        output = real.stop()
    assert output == ""  # the banner was read already; no traceback, no "failed to start"
    for ws in sockets:
        assert (await ws.receive(timeout=WAIT_S)).type in (
            aiohttp.WSMsgType.CLOSE,
            aiohttp.WSMsgType.CLOSED,
        )
