"""`--watch`: the file read again on each save; its problems shown over the last valid view."""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.content import Content
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Static

from accordtui.agreement import collector
from accordtui.agreement.errors import AgreementError, Problem
from accordtui.browser.reread import Reread
from accordtui.browser.watch import POLL_SECONDS, FileWatch
from accordtui.rendering.document import Document
from accordtui.rendering.labels import Labels
from accordtui.writing.inert import inert

SWEEP_SECONDS = 2.0
"""After a valid save, how long until the garbage frozen with it is freed: long enough
that the reader who saved is not reading yet, and saves in a row are swept once."""


class LiveFile(Static):
    """Hidden while the watched file is valid; otherwise says why, below the last valid view.

    Reading and validating run in a child process, and the document is built from its
    result in a thread, so a large file never holds the keys; a newer save stops the
    read before it, and only the newest read is shown.
    """

    class Reloaded(Message):
        """The file was saved and is valid: here is its document, and which entries'
        lines differ from those of the document `before` it."""

        def __init__(self, document: Document, before: Document, changed: frozenset[str]):
            super().__init__()
            self.document = document
            self.before = before
            self.changed = changed

    def __init__(self, path: Path, max_bytes: int, words: Labels, document: Document) -> None:
        """`document` is the file's as the browser starts."""
        super().__init__(id="live-file", markup=False)
        self._document = document
        """The newest document read: the next is compared with it."""
        self._watch = FileWatch(path)
        self._max_bytes = max_bytes
        self.words = words
        """The reader's language: the screen sets it when `l` toggles it."""
        self._reads = 0
        """Reads started: a read's result is shown only if no newer one has started."""
        self._shown = 0
        """The number of the read whose result is shown."""
        self._problems: tuple[Problem, ...] = ()
        self._gone = False
        self._reread: Reread | None = None
        self._sweep: Timer | None = None

    def on_mount(self) -> None:
        self.display = False
        self.set_interval(POLL_SECONDS, self.check)

    def on_unmount(self) -> None:
        if self._reread is not None:
            self._reread.stop()

    @property
    def reading(self) -> bool:
        """A save is being read: what is shown is not the newest yet."""
        return self._shown != self._reads

    def relabel(self, words: Labels) -> None:
        self.words = words
        self._show()

    def check(self) -> None:
        """Look at the file now (a timer calls this); read it again if it was saved."""
        change = self._watch.poll()
        if change == "gone":
            self._gone = True
            self._show()
        elif change == "changed":
            self._gone = False
            if self._reread is not None:
                self._reread.stop()
            self._reread = Reread(self._watch.path, self._max_bytes)
            self._reads += 1
            self._read(self._reads, self._reread)

    @work(thread=True, group="live-file")
    def _read(self, number: int, reread: Reread) -> None:
        """Wait for the child's read, then build the document off the event loop.

        The document before is not an argument: a finished worker lives on in a cycle
        (worker, task, context), frozen out of the collector's passes by the next read,
        and would keep every document it was given (a save of 2,000 items: +9 MiB).
        """
        before = self._document
        try:
            # Built with no collection, then kept out of every pass: left in the youngest
            # generation, the new file was walked whole by the next one (105 ms on the
            # loop for 10,000 items).
            with collector.lasting():
                agreement = reread.result()
                document = Document(agreement, inert(self._watch.path.name))  # named in exports
                reloaded = self.Reloaded(document, before, document.changed_lines(before))
        except AgreementError as error:
            self.app.call_from_thread(self._done, number, None, error.problems)
        else:
            self.app.call_from_thread(self._done, number, reloaded, ())

    def _done(self, number: int, reloaded: Reloaded | None, problems: tuple[Problem, ...]) -> None:
        if number != self._reads:
            return  # a newer save is being read
        self._shown = number
        self._problems = problems
        self._show()
        if reloaded is not None:
            self._document = reloaded.document
            self.post_message(reloaded)
            name = inert(self._watch.path.name)
            self.notify(self.words.watch_reloaded.format(file=name), markup=False)
            if self._sweep is not None:
                self._sweep.stop()  # saves in a row: one sweep, after the last
            self._sweep = self.set_timer(SWEEP_SECONDS, collector.sweep)

    def _show(self) -> None:
        """The file's problems, or its absence; nothing while it is valid and there."""
        name = inert(str(self._watch.path))
        if self._gone:
            lines = [self.words.watch_gone.format(file=name)]
        elif self._problems:
            count = len(self._problems)
            lines = [self.words.watch_invalid.format(file=name, count=count)]
            lines += [inert(str(problem)) for problem in self._problems]
        else:
            lines = []
        self.update(Content("\n".join(lines)))
        self.display = bool(lines)
