"""The served page's checks and the page's messages, as pure functions (no server)."""

from __future__ import annotations

import pytest

from accordtui.web.guard import Limits, Served, new_token
from accordtui.web.messages import Focus, Keys, Malformed, Ping, Resize, parse_message


def test_host_must_be_the_served_name_and_port() -> None:
    served = Served("127.0.0.1", 8000, "t")
    assert served.host_allowed("127.0.0.1:8000")
    for header in (None, "", "127.0.0.1", "127.0.0.1:8001", "localhost:8000", "evil.example:8000"):
        assert not served.host_allowed(header)


def test_ipv6_and_the_default_port_are_written_as_browsers_write_them() -> None:
    assert Served("::1", 8000, "t").host_allowed("[::1]:8000")
    assert Served("::1", 8000, "t").origin == "http://[::1]:8000"
    on_80 = Served("Localhost", 80, "t")
    assert on_80.host_allowed("localhost") and on_80.host_allowed("localhost:80")
    assert on_80.origin_allowed("http://localhost")


def test_origin_must_be_the_page_itself() -> None:
    served = Served("127.0.0.1", 8000, "t")
    assert served.origin_allowed("http://127.0.0.1:8000")
    for header in (
        None,
        "null",
        "http://evil.example",
        "https://127.0.0.1:8000",
        "http://127.0.0.1",
    ):
        assert not served.origin_allowed(header)


def test_tokens_are_new_each_run_and_must_match_whole() -> None:
    token = new_token()
    assert token != new_token() and len(token) == 32
    served = Served("127.0.0.1", 8000, token)
    assert served.token_matches(token)
    assert not any(served.token_matches(t) for t in (None, "", token[:-1], token + "x"))
    assert served.url == f"http://127.0.0.1:8000/?token={token}"


@pytest.mark.parametrize(
    ("asked", "given"),
    [((80, 24), (80, 24)), ((5000, 5000), (500, 200)), ((0, -4), (1, 1)), ((501, 199), (500, 199))],
)
def test_terminal_sizes_are_clamped(asked: tuple[int, int], given: tuple[int, int]) -> None:
    assert Limits().clamp(*asked) == given


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('["stdin", "é\\u001b[A"]', Keys("é\x1b[A".encode())),
        ('["resize", {"width": 90, "height": 30}]', Resize(90, 30)),
        ('["ping", "1700000000"]', Ping("1700000000")),
        ('["focus"]', Focus(True)),
        ('["blur"]', Focus(False)),
    ],
)
def test_what_textual_js_sends_is_read(text: str, message: object) -> None:
    assert parse_message(text) == message


@pytest.mark.parametrize(
    "text",
    [
        "",
        "null",
        '"stdin"',
        '{"stdin": "x"}',
        '["stdin", "a", "b"]',
        '["resize", {"width": 1.5, "height": 2}]',
        '["resize", {"width": 1}]',
        '["ping", 3]',
        '["exec", "sh"]',
        "[" * 50_000,
    ],
)
def test_anything_else_is_malformed(text: str) -> None:
    with pytest.raises(Malformed):
        parse_message(text)
