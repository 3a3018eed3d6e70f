"""Screens that answer once, however fast keys arrive."""

from __future__ import annotations

from typing import Any, ClassVar, TypeVar

from textual import events, on
from textual.await_complete import AwaitComplete
from textual.binding import Binding, BindingType
from textual.command import CommandList, CommandPalette
from textual.geometry import Size
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList

from accordtui.browser.screens.too_small import SHORT_ROWS
from accordtui.browser.tcss import beside

ResultType = TypeVar("ResultType")


class DismissOnce:
    """Ignore a second dismiss queued behind the first (two fast enters).

    Textual's `Screen.dismiss` pops whatever screen is on top, so a second call
    would close the browser underneath, or fail with ScreenStackError.
    """

    def dismiss(self, result: Any = None) -> AwaitComplete:
        if not self.is_current:  # type: ignore[attr-defined]
            return AwaitComplete.nothing()  # type: ignore[no-untyped-call, no-any-return]
        return super().dismiss(result)  # type: ignore[misc, no-any-return]


class OnceModal(DismissOnce, ModalScreen[ResultType]):
    """A modal dialog that answers once, and tightens itself on small terminals."""

    DEFAULT_CSS = beside(__file__, "dialogs.tcss")

    def on_mount(self) -> None:
        self._fit(self.app.size)

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size)

    def _fit(self, size: Size) -> None:
        """On short screens the frame loses its padding and buttons their borders,
        so a wrapped error and the buttons still fit at 40x15."""
        self.set_class(size.height < SHORT_ROWS, "-short")
        self.set_class(size.width < 50, "-narrow")


class OnceCommandPalette(DismissOnce, CommandPalette):
    """Textual's command palette, closing once, paging safely, and quiet once closed.

    Textual 8.2.8 starts a new search for every `Input.Changed`, even one still queued
    when escape has closed the palette, and one on `Mount`, even when the app quits
    before the palette is drawn (ctrl+p, then ctrl+c); that search then looks for the
    palette's list after it is gone and raises NoMatches. Once closing, such messages
    are dropped before the palette's own handlers see them.
    """

    closing = False

    def dismiss(self, result: Any = None) -> AwaitComplete:
        self.closing = True
        return super().dismiss(result)

    @on(events.Mount)
    @on(Input.Changed)
    @on(Input.Submitted)
    @on(OptionList.OptionSelected)
    def _drop_when_closing(self, event: Message) -> None:
        if self.closing or not self.is_current or not self.app.is_running:
            event.prevent_default()  # the palette's handlers (in the base class) never run
            event.stop()

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("pageup", "page(-1)", "Page up", show=False, id="palette.page_up"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="palette.page_down"),
    ]

    def action_page(self, direction: int) -> None:
        # OptionList raises KeyError when paging before its new options are laid
        # out, which typing in the palette does all the time.
        commands = self.query_one(CommandList)
        try:
            if direction > 0:
                commands.action_page_down()  # type: ignore[no-untyped-call]
            else:
                commands.action_page_up()  # type: ignore[no-untyped-call]
        except KeyError:
            commands.action_last() if direction > 0 else commands.action_first()
