"""`accordtui serve` without a browser: options, the fixed command, refusals, web-mode keys."""

from __future__ import annotations

import shlex
import socket
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input

from accordtui import cli
from accordtui.agreement.model import Agreement
from accordtui.browser.app import AccordApp
from accordtui.browser.screens.browser import BrowserScreen
from accordtui.rendering.export import render
from accordtui.rendering.labels import FR
from accordtui.web import serve
from accordtui.web.server import TabServer


class FakeListen:
    """Stands in for the server's loop: records the server it was given, serves nothing."""

    made: list[TabServer] = []  # noqa: RUF012 (a test log, reset by the fixture)

    @classmethod
    def listen(cls, server: TabServer, on_ready: Callable[[], None]) -> int:
        cls.made.append(server)
        on_ready()
        return 0


@pytest.fixture
def fake_server(monkeypatch: pytest.MonkeyPatch) -> type[FakeListen]:
    import accordtui.web.listen

    FakeListen.made = []
    monkeypatch.setattr(accordtui.web.listen, "listen", FakeListen.listen)
    return FakeListen


def test_serves_loopback_by_default_and_prints_the_url(
    fake_server: type[FakeListen], capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["serve"]) == 0
    (server,) = fake_server.made
    assert (server.served.host, server.served.port) == ("127.0.0.1", 8000)
    assert server.limits.max_tabs == 8
    out, err = capsys.readouterr()
    assert f"http://127.0.0.1:8000/?token={server.served.token}" in out
    assert err == ""


def test_each_run_has_its_own_token_and_the_page_names_the_agreement(
    fake_server: type[FakeListen], agreement: Agreement
) -> None:
    assert cli.main(["serve", "--lang", "en", "--max-tabs", "3"]) == 0
    assert cli.main(["serve"]) == 0
    first, second = fake_server.made
    assert first.served.token != second.served.token
    assert len(first.served.token) >= 32
    assert first.limits.max_tabs == 3
    assert f"<title>{agreement.title.en} — accordtui</title>" in first.page


def test_the_command_is_fixed_and_quoted(
    fake_server: type[FakeListen], tmp_path: Path, write_yaml: Callable[..., Path]
) -> None:
    good = (Path(__file__).parents[1] / "data" / "accord.yaml").read_text(encoding="utf-8")
    path = write_yaml(good, name="a b; rm -rf ~ $(x).yaml")
    assert cli.main(["serve", str(path), "--lang", "en", "--max-size", "2"]) == 0
    argv = shlex.split(fake_server.made[0].command)
    assert argv == [
        sys.executable,
        "-m",
        "accordtui.browser.web",
        str(path.resolve()),
        "--lang",
        "en",
        "--max-bytes",
        str(2 * 2**20),
    ]


def test_another_host_warns_and_leaves_out_the_clipboard(
    fake_server: type[FakeListen], capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["serve", "--host", "192.0.2.7", "--port", "8080"]) == 0
    assert "no encryption" in capsys.readouterr().err
    assert shlex.split(fake_server.made[0].command)[-1] == "--no-clipboard"


@pytest.mark.parametrize("host", ["localhost", "127.0.0.2", "::1"])
def test_loopback_hosts_do_not_warn(
    fake_server: type[FakeListen], capsys: pytest.CaptureFixture[str], host: str
) -> None:
    assert cli.main(["serve", "--host", host]) == 0
    assert capsys.readouterr().err == ""


def test_ipv6_url_has_brackets() -> None:
    assert serve.page_url("::1", 8000) == "http://[::1]:8000/"


@pytest.mark.parametrize(
    "args", [["--host", "0.0.0.0"], ["--host", "::"], ["--port", "0"], ["--port", "70000"]]
)
def test_unusable_host_or_port_is_a_usage_error(
    fake_server: type[FakeListen], args: list[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["serve", *args])
    assert exit_info.value.code == 2
    assert fake_server.made == []


def test_a_broken_file_is_refused_before_any_server(
    fake_server: type[FakeListen],
    write_yaml: Callable[..., Path],
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = write_yaml("publication: [\n")
    assert cli.main(["serve", str(path)]) == 1
    assert capsys.readouterr().err.startswith(f"{path}:")
    assert fake_server.made == []


def test_a_busy_port_is_one_line_and_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = str(busy.getsockname()[1])
        assert cli.main(["serve", "--port", port]) == 1  # in this process: no server forked
    out, err = capsys.readouterr()
    assert err.startswith(f"accordtui: cannot listen on http://127.0.0.1:{port}/")
    assert len(err.splitlines()) == 1
    assert out == ""


def test_without_the_web_extra_says_how_to_install(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "accordtui.web.server", None)  # import now fails
    assert cli.main(["serve"]) == 1
    assert "pip install 'accordtui[web]'" in capsys.readouterr().err


async def test_copy_refused_on_an_insecure_page_says_so(agreement: Agreement) -> None:
    app = AccordApp(agreement)
    app.clipboard_refused = True
    async with app.run_test(notifications=True) as pilot:
        await pilot.press("y", "Y")
        assert app.clipboard == ""
        assert [n.message for n in app._notifications] == [FR.cannot_copy] * 2


async def test_export_on_a_web_page_is_a_download(
    agreement: Agreement, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    delivered: list[tuple[str, str | None]] = []

    def deliver_text(file: Any, **options: Any) -> None:
        delivered.append((file.read(), options.get("save_filename")))

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(AccordApp, "is_web", property(lambda _: True))
    app = AccordApp(agreement)
    monkeypatch.setattr(app, "deliver_text", deliver_text)
    async with app.run_test() as pilot:
        await pilot.press("5", "e", "enter")  # the dialog chooses what; the browser saves it
        await pilot.pause()
        assert isinstance(app.screen, BrowserScreen)
        await pilot.press("e")
        await pilot.click("#export-all")
        await pilot.click("#export-json")
        app.screen.query_one("#export-path", Input).value = "/etc/accord.json"
        await pilot.click("#export-ok")  # only the name reaches the page: never a server path
        await pilot.pause()
    assert delivered == [
        (render(agreement, "quotes", "text", "fr"), "accord-quotes.fr.txt"),
        (render(agreement, "all", "json", "fr"), "accord.json"),
    ]
    assert list(tmp_path.iterdir()) == []
