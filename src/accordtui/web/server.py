"""The web server of `accordtui serve`: the page, its tabs' WebSockets, downloads, files.

Built on aiohttp and textual-serve's app protocol (imported only here: the `web`
extra). Every route refuses a foreign `Host`; a tab's WebSocket also needs the run's
token and the page's own `Origin`; tabs are counted, sized and timed out (`Limits`).
Refusals are plain answers, never tracebacks: a bad request is 400 or 403, a
malformed message one line on the server's terminal.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from pathlib import Path

import textual_serve
from aiohttp import WSCloseCode, WSMsgType, web
from textual_serve.download_manager import DownloadManager

from accordtui.agreement.lang import Lang
from accordtui.rendering.labels import labels_for
from accordtui.web.guard import Limits, Served
from accordtui.web.messages import Keys, Malformed, Message, Ping, Resize, parse_message
from accordtui.web.page import STATIC, render_page, security_headers
from accordtui.web.tab import TabService

MAX_MESSAGE_BYTES = 1 << 20
"""A paste of a whole agreement fits; a larger frame closes the tab's socket."""
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
_GONE = (WSMsgType.CLOSE, WSMsgType.CLOSING, WSMsgType.CLOSED, WSMsgType.ERROR)

log = logging.getLogger("accordtui.serve")


class TabServer:
    """One page, its tabs, and what they may do (see the module's docstring)."""

    def __init__(self, command: str, served: Served, limits: Limits, title: str, lang: Lang):
        self.command = command
        self.served = served
        self.limits = limits
        self.words = labels_for(lang)
        self.page = render_page(served, title, lang)
        self.downloads = DownloadManager()
        self.tabs: dict[web.WebSocketResponse, asyncio.Task[object] | None] = {}
        self.stopping = False

    def application(self) -> web.Application:
        app = web.Application(middlewares=[self._check_host])
        static = Path(textual_serve.__file__).parent / "static"
        app.add_routes(
            [
                web.get("/", self.handle_page),
                web.get("/ws", self.handle_socket),
                web.get("/ws/{token}", self.handle_socket),
                web.get("/download/{key}", self.handle_download),
                web.static(STATIC, static),
            ]
        )
        return app

    @web.middleware
    async def _check_host(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        """DNS rebinding gets nothing: a page under another name reaches no route."""
        if not self.served.host_allowed(request.headers.get("Host")):
            text = self.words.web_wrong_host.format(authority=self.served.authority)
            return web.Response(status=403, text=text)
        return await handler(request)

    async def handle_page(self, request: web.Request) -> web.StreamResponse:
        if not self.served.token_matches(request.query.get("token")):
            return web.Response(status=403, text=self.words.web_token_needed)
        headers = security_headers(self.served)
        return web.Response(text=self.page, content_type="text/html", headers=headers)

    async def handle_socket(self, request: web.Request) -> web.StreamResponse:
        if not self.served.token_matches(request.match_info.get("token")):
            return web.Response(status=403, text=self.words.web_token_needed)
        socket = web.WebSocketResponse(heartbeat=15, max_msg_size=MAX_MESSAGE_BYTES)
        if not socket.can_prepare(request).ok:
            return web.Response(status=400, text=self.words.web_not_websocket)
        if not self.served.origin_allowed(request.headers.get("Origin")):
            return web.Response(status=403, text=self.words.web_wrong_origin)
        if self.stopping:
            return web.Response(status=503)
        await socket.prepare(request)
        if len(self.tabs) >= self.limits.max_tabs:
            too_many = self.words.web_too_many_tabs.format(max_tabs=self.limits.max_tabs)
            await _say_and_close(socket, too_many)
            return socket
        self.tabs[socket] = asyncio.current_task()
        try:
            await self._run_tab(socket, request)
        finally:
            del self.tabs[socket]
        return socket

    async def _run_tab(self, socket: web.WebSocketResponse, request: web.Request) -> None:
        size = self.limits.clamp(_number(request, "width", 80), _number(request, "height", 24))
        service = TabService(
            self.command,
            size,
            write_bytes=socket.send_bytes,
            write_str=socket.send_str,
            close=socket.close,
            download_manager=self.downloads,
        )
        await service.start(*size)
        try:
            idle = await self._relay(socket, service)
        finally:
            await service.end(now=self.stopping)
        minutes = round(self.limits.idle_seconds / 60)
        await _say_and_close(
            socket, self.words.web_idle_closed.format(minutes=minutes) if idle else ""
        )

    async def _relay(self, socket: web.WebSocketResponse, service: TabService) -> bool:
        """Pass the page's messages to the app until the page leaves; True if it fell idle."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.limits.idle_seconds
        while True:
            try:
                message = await socket.receive(timeout=max(deadline - loop.time(), 0))
            except TimeoutError:
                return True
            if message.type in _GONE:
                return False
            if message.type != WSMsgType.TEXT:
                log.warning("ignored a message from a tab: not text")
                continue
            try:
                parsed = parse_message(message.data)
            except Malformed as problem:
                log.warning("ignored a malformed message from a tab: %s", problem)
                continue
            if isinstance(parsed, Keys | Resize):
                deadline = loop.time() + self.limits.idle_seconds
            await self._deliver(socket, service, parsed)

    async def _deliver(
        self, socket: web.WebSocketResponse, service: TabService, message: Message
    ) -> None:
        if isinstance(message, Keys):
            await service.send_bytes(message.data)
        elif isinstance(message, Resize):
            await service.set_terminal_size(*self.limits.clamp(message.width, message.height))
        elif isinstance(message, Ping):
            with contextlib.suppress(ConnectionError):  # the page may be leaving
                await socket.send_json(["pong", message.data])
        else:
            await (service.focus() if message.focused else service.blur())

    async def handle_download(self, request: web.Request) -> web.StreamResponse:
        """A file the app delivers (an export), once, by the key it was given."""
        key = request.match_info["key"]
        try:
            meta = await self.downloads.get_download_metadata(key)
        except KeyError:
            return web.Response(status=404)
        response = web.StreamResponse()
        charset = f"; charset={meta.encoding}" if meta.encoding else ""
        response.headers["Content-Type"] = meta.mime_type + charset
        disposition = "inline" if meta.open_method == "browser" else "attachment"
        name = meta.file_name.replace("\\", "_").replace('"', "_")
        response.headers["Content-Disposition"] = f'{disposition}; filename="{name}"'
        await response.prepare(request)
        async for chunk in self.downloads.download(key):
            await response.write(chunk)
        await response.write_eof()
        return response

    async def end_tabs(self) -> None:
        """Close every tab's socket, then wait for its app to end (bounded, see TabService)."""
        self.stopping = True
        for socket in list(self.tabs):
            await socket.close(code=WSCloseCode.GOING_AWAY, message=b"server stopped")
        tasks = [task for task in self.tabs.values() if task is not None]
        if tasks:
            await asyncio.wait(tasks)


async def _say_and_close(socket: web.WebSocketResponse, text: str) -> None:
    """Close the tab, first writing `text` on its terminal, which the page leaves visible."""
    if text and not socket.closed:
        with contextlib.suppress(ConnectionError):
            await socket.send_bytes(f"\x1b[2J\x1b[H\r\n  {text}\r\n".encode())
    await socket.close()


def _number(request: web.Request, name: str, default: int) -> int:
    text = request.query.get(name, "")
    return int(text) if text.isascii() and text.isdigit() and len(text) < 9 else default
