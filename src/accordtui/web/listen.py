"""Run the server until a stop signal, then end every tab; the exit code says which signal.

ctrl+c at any moment gives exit 130 and no traceback: tabs run in sessions of their
own, so the signal reaches the server alone, which closes their sockets and waits
(bounded) for their apps. A second ctrl+c while they end changes nothing.
"""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import Callable

from aiohttp import web

from accordtui.web.server import TabServer
from accordtui.web.tab import EndedStartFilter

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


def listen(server: TabServer, on_ready: Callable[[], None]) -> int:
    """Serve until a stop signal; 128 + its number. OSError if the address is unusable."""
    quiet_logs()
    return asyncio.run(_listen(server, on_ready))


async def _listen(server: TabServer, on_ready: Callable[[], None]) -> int:
    loop = asyncio.get_running_loop()
    received: list[int] = []
    stop = asyncio.Event()

    def on_signal(number: int) -> None:
        received.append(number)
        stop.set()

    for number in STOP_SIGNALS:
        loop.add_signal_handler(number, on_signal, number)
    runner = web.AppRunner(server.application(), handle_signals=False, access_log=None)
    await runner.setup()
    try:
        site = web.TCPSite(runner, server.served.host, server.served.port)
        await site.start()
        on_ready()
        await stop.wait()
        await server.end_tabs()
    finally:
        await runner.cleanup()
        for number in STOP_SIGNALS:
            loop.remove_signal_handler(number)
            if received:  # ending on a signal: a further ctrl+c changes nothing, even after
                signal.signal(number, signal.SIG_IGN)  # the loop would restore the default
    return 128 + received[0]


class OneLine(logging.Formatter):
    """A record as one line: its message and, for an error, the error's type, no traceback."""

    def format(self, record: logging.LogRecord) -> str:
        text = record.getMessage().splitlines()[0] if record.getMessage() else ""
        if record.exc_info and record.exc_info[1] is not None:
            text += f" ({type(record.exc_info[1]).__name__})"
        return f"accordtui serve: {text}"


def quiet_logs() -> None:
    """Warnings only, one line each: textual-serve's, aiohttp's and this server's."""
    handler = logging.StreamHandler()
    handler.setFormatter(OneLine())
    handler.addFilter(EndedStartFilter())
    for name in ("textual-serve", "accordtui.serve", "aiohttp"):
        logger = logging.getLogger(name)
        logger.handlers = [handler]
        logger.setLevel(logging.WARNING)
        logger.propagate = False
