"""One browser tab: its app process, in a session of its own, and its bounded end.

textual-serve's AppService speaks the app's protocol; this subclass changes how the
process is started and ended, which textual-serve leaves to a private method:
- in a new session, so ctrl+c on the server's terminal reaches the server alone, which
  then ends every tab in order (no tracebacks from tab processes);
- with the terminal size clamped, whatever the page asked for;
- ended by a quit message (or SIGTERM when the server stops), then, after a grace time,
  by SIGKILL to its process group;
- reaped, so that no transport is left for the garbage collector after the loop.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
from asyncio.subprocess import Process
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from typing import Any

from textual_serve.app_service import AppService

QUIT_GRACE_S = 5.0
"""How long an app has to quit by itself before its processes are killed."""

_current: ContextVar[TabService | None] = ContextVar("accordtui_tab", default=None)
"""The tab whose task logs: textual-serve's logs name none."""


class TabService(AppService):
    """An app process for one tab (see the module's docstring)."""

    ending = False
    """Set once the server ends this tab: a start cut short is then no failure."""

    def __init__(
        self,
        command: str,
        size: tuple[int, int],
        *,
        close: Callable[[], Awaitable[object]],
        **options: Any,
    ) -> None:
        super().__init__(command, close=self._close_unless_ending, **options)
        self.size = size
        self._close_page = close

    async def _close_unless_ending(self) -> None:
        """The app quit by itself (`q`): close the page. A tab the server ends is closed by
        the server, after its last word (why an idle tab was closed)."""
        if not self.ending:
            await self._close_page()

    async def _open_app_process(self, width: int = 80, height: int = 24) -> Process:
        width, height = self.size
        self._process = process = await asyncio.create_subprocess_shell(
            f"exec {self.command}",  # the app replaces the shell: one process per tab, not two
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=self._build_environment(width=width, height=height),
            start_new_session=True,
        )
        assert process.stdin is not None
        self._stdin = process.stdin
        return process

    async def start(self, width: int, height: int) -> None:
        """Start with the clamped size; the app's logs are then known to be this tab's."""
        token = _current.set(self)
        try:
            await super().start(*self.size)
        finally:
            _current.reset(token)

    async def run(self) -> None:
        await super().run()
        if self._process is not None:
            await self._process.wait()

    async def end(self, *, now: bool = False) -> None:
        """End the app: by a quit message, or `now` by SIGTERM (the server is stopping).

        An app that has not ended after the grace time is killed with its process group.
        """
        self.ending = True
        process = self._process
        if process is None:
            return
        await self._download_manager.cancel_app_downloads(app_service_id=self.app_service_id)
        if process.returncode is None:
            if now:  # it may still be starting, deaf to messages: a signal ends it at once
                _signal_group(process, signal.SIGTERM)
            else:
                await self.send_meta({"type": "quit"})
        try:
            await asyncio.wait_for(asyncio.shield(process.wait()), QUIT_GRACE_S)
        except TimeoutError:
            _signal_group(process, signal.SIGKILL)
            await process.wait()
        if self._task is not None:
            await self._task
            self._task = None


def _signal_group(process: Process, number: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, number)


class EndedStartFilter(logging.Filter):
    """Drop textual-serve's "Application failed to start" for a tab the server ended."""

    def filter(self, record: logging.LogRecord) -> bool:
        tab = _current.get()
        return not (tab is not None and tab.ending)
