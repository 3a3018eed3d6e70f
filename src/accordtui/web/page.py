"""The served page: its title names the agreement, and it asks no other host for anything.

textual-serve's own page loads its font from a font server on the internet; ours
uses the Roboto Mono that textual-serve ships, served here, and a Content-Security-
Policy that lets the page reach this server only.
"""

from __future__ import annotations

from functools import cache
from html import escape
from importlib.resources import files
from string import Template

from accordtui.agreement.lang import Lang
from accordtui.rendering.labels import labels_for
from accordtui.web.guard import Served

STATIC = "/static"
"""Where textual-serve's scripts, styles and fonts are served."""


@cache
def _template() -> Template:
    return Template(files("accordtui.web").joinpath("page.html").read_text(encoding="utf-8"))


def websocket_path(served: Served) -> str:
    return f"/ws/{served.token}"


def render_page(served: Served, title: str, lang: Lang) -> str:
    """The page for one tab; every value from data or the command line is escaped."""
    words = labels_for(lang)
    values = {
        "lang": lang,
        "title": f"{title} — accordtui",
        "static": STATIC,
        "page": f"/?token={served.token}",
        "websocket": f"ws://{served.authority}{websocket_path(served)}",
        "session_ended": words.web_session_ended,
        "restart": words.web_restart,
    }
    return _template().substitute({key: escape(value) for key, value in values.items()})


def security_headers(served: Served) -> dict[str, str]:
    """No request leaves the page for another host; the page (and its token) is not kept."""
    policy = (
        "default-src 'none'; "
        "script-src 'self'; style-src 'self' 'unsafe-inline'; font-src 'self'; "
        "img-src 'self' data:; "
        f"connect-src 'self' ws://{served.authority}; "
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    )
    return {
        "Content-Security-Policy": policy,
        "Cache-Control": "no-store",
        "Referrer-Policy": "no-referrer",
        "X-Content-Type-Options": "nosniff",
    }
