"""`accordtui serve`: the terminal browser in web pages, through textual-serve.

Each browser tab gets its own app process, started from one fixed command built here
from the validated file and the options of the command line: the page can choose no
path, argument or command. The server listens on loopback unless a host is named.
"""

from __future__ import annotations

import argparse
import ipaddress
import shlex
import sys
from dataclasses import dataclass
from pathlib import Path

from accordtui.agreement.lang import Lang
from accordtui.agreement.model import Agreement
from accordtui.web.guard import Limits, Served, new_token
from accordtui.writing.output import report

INSTALL_HINT = "serve needs the web extra (textual-serve): python -m pip install 'accordtui[web]'"
NO_AUTH_WARNING = (
    "accordtui: warning: {host} is not loopback and the page has no encryption: "
    "anyone who can see the traffic to {url} gets its token, and with it the browser"
)


@dataclass(frozen=True, slots=True)
class TabOptions:
    """What the page shows and what its tabs may take."""

    title: str
    """The agreement's title, in the language served: the page's title names it."""
    limits: Limits


def tab_options(agreement: Agreement, lang: Lang, max_tabs: int) -> TabOptions:
    """The page's title and the tabs' limits, from the validated agreement and the options."""
    return TabOptions(getattr(agreement.title, lang), Limits(max_tabs=max_tabs))


def is_loopback(host: str) -> bool:
    """True for names and addresses that only this machine can reach."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def host_option(text: str) -> str:
    """`--host`: the address browsers will use, so not a wildcard such as 0.0.0.0."""
    try:
        unspecified = ipaddress.ip_address(text).is_unspecified
    except ValueError:
        unspecified = not text
    if unspecified:
        raise argparse.ArgumentTypeError(
            f"{text!r} is no address a browser can use (the page links back to the address "
            "it is served on); name this machine's address on that network"
        )
    return text


def port_option(text: str) -> int:
    """`--port`: 1 to 65535."""
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"expected a port from 1 to 65535, got {text!r}")
    return int(text)


def page_url(host: str, port: int) -> str:
    """The page's address (IPv6 literals in brackets)."""
    return f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"


def app_command(path: Path, lang: Lang, max_bytes: int, *, clipboard: bool) -> str:
    """The shell command run for each tab, quoted here from validated values only."""
    argv = [sys.executable, "-m", "accordtui.browser.web", str(path.resolve())]
    argv += ["--lang", lang, "--max-bytes", str(max_bytes)]
    if not clipboard:
        argv.append("--no-clipboard")
    return shlex.join(argv)


def serve(path: Path, host: str, port: int, lang: Lang, max_bytes: int, *, tabs: TabOptions) -> int:
    """Serve until a stop signal; `path` must already be validated. Returns the exit code."""
    try:
        from accordtui.web.listen import listen
        from accordtui.web.server import TabServer
    except ImportError:
        report(f"accordtui: {INSTALL_HINT}")
        return 1
    served = Served(host, port, new_token())
    url = page_url(host, port)
    loopback = is_loopback(host)
    if not loopback:
        report(NO_AUTH_WARNING.format(host=host, url=url))
    command = app_command(path, lang, max_bytes, clipboard=loopback)
    server = TabServer(command, served, tabs.limits, tabs.title, lang)
    banner = f"accordtui: serving {path} on {served.url} (ctrl+c stops)"
    try:
        return listen(server, lambda: print(banner, flush=True))
    except OSError as error:
        report(f"accordtui: cannot listen on {url}: {error.strerror or error}")
        return 1
