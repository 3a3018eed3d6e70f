"""textual-serve's server, with one line at start-up, warnings only, and a prompt stop.

Imported only by `accordtui serve`: it needs the `web` extra.
"""

from __future__ import annotations

import logging
from weakref import WeakSet

import textual_serve.server
from aiohttp import WSCloseCode, web
from textual_serve.app_service import AppService
from textual_serve.server import Server


class ReapingAppService(AppService):
    """An app service that waits for its app's process once its output has ended.

    textual-serve leaves the exited process unreaped; its transport is then closed by
    the garbage collector after the event loop, which prints "Exception ignored ...
    Event loop is closed" when the server stops.
    """

    async def run(self) -> None:
        await super().run()
        if self._process is not None:
            await self._process.wait()


textual_serve.server.AppService = ReapingAppService  # type: ignore[attr-defined]


class QuietServer(Server):
    """Print our own banner (the URL), log only warnings, end every tab's app on ctrl+c."""

    def __init__(self, command: str, *, host: str, port: int, public_url: str, banner: str) -> None:
        super().__init__(command, host=host, port=port, title="accordtui", public_url=public_url)
        self.banner = banner
        self.sockets: WeakSet[web.WebSocketResponse] = WeakSet()

    def initialize_logging(self) -> None:
        """Warnings and errors only (a tab whose app failed to start), one per line."""
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("accordtui serve: %(message)s"))
        log = logging.getLogger("textual-serve")
        log.addHandler(handler)
        log.setLevel(logging.WARNING)

    async def on_startup(self, app: web.Application) -> None:
        app.on_response_prepare.append(self._remember_socket)
        print(self.banner, flush=True)

    async def _remember_socket(self, request: web.Request, response: web.StreamResponse) -> None:
        """Each tab is one WebSocket: keep it, so that a stop can close it."""
        if isinstance(response, web.WebSocketResponse):
            self.sockets.add(response)

    async def on_shutdown(self, app: web.Application) -> None:
        """Close open tabs, so their apps quit now rather than after aiohttp's timeout."""
        for socket in list(self.sockets):
            await socket.close(code=WSCloseCode.GOING_AWAY, message=b"server stopped")
