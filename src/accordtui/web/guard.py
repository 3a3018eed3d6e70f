"""Who may use the served page, and how much of the machine a tab may take.

Pure checks on header values, so that they are tested without a server: the page is
served to one origin (scheme, host and port), behind a random token printed once.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

TOKEN_BYTES = 24
"""192 bits, as URL-safe text: guessing is out of reach, the URL stays short."""


def new_token() -> str:
    """A fresh token for one run of `accordtui serve`."""
    return secrets.token_urlsafe(TOKEN_BYTES)


@dataclass(frozen=True, slots=True)
class Served:
    """The one address the page is served on, and the token that opens it."""

    host: str
    port: int
    token: str

    @property
    def authority(self) -> str:
        """`host:port` as a browser writes it in `Host` (IPv6 literals in brackets)."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}"

    @property
    def origin(self) -> str:
        """The page's origin, as browsers send it in `Origin`."""
        return f"http://{self.authority}" if self.port != 80 else f"http://{self.bare_host}"

    @property
    def bare_host(self) -> str:
        return f"[{self.host}]" if ":" in self.host else self.host

    @property
    def url(self) -> str:
        """The address printed at start: the page, with its token."""
        return f"http://{self.authority}/?token={self.token}"

    def host_allowed(self, header: str | None) -> bool:
        """A `Host` naming another name or port is refused: DNS rebinding gets nothing."""
        if header is None:
            return False
        allowed = {self.authority.lower()}
        if self.port == 80:  # browsers leave out the default port
            allowed.add(self.bare_host.lower())
        return header.lower() in allowed

    def origin_allowed(self, header: str | None) -> bool:
        """Only the served page may open a tab: other pages' scripts are refused."""
        if header is None:
            return False
        allowed = {self.origin.lower(), f"http://{self.authority}".lower()}
        return header.lower() in allowed

    def token_matches(self, given: str | None) -> bool:
        """Compared in constant time, so the token cannot be found a character at a time."""
        return given is not None and secrets.compare_digest(given.encode(), self.token.encode())


@dataclass(frozen=True, slots=True)
class Limits:
    """What tabs may take: how many at once, how large a terminal, how long idle."""

    max_tabs: int = 8
    max_width: int = 500
    max_height: int = 200
    idle_seconds: float = 30 * 60

    def clamp(self, width: int, height: int) -> tuple[int, int]:
        """A terminal size within 1×1 and max_width×max_height."""
        return min(max(width, 1), self.max_width), min(max(height, 1), self.max_height)
