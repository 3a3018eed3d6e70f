"""`--watch`: the file read again on each save; its problems shown over the last valid view."""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from accordtui.agreement import collector
from accordtui.agreement.errors import AgreementError, Problem
from accordtui.browser.reread import Reread
from accordtui.browser.tcss import beside
from accordtui.browser.watch import POLL_SECONDS, FileWatch
from accordtui.rendering.document import Document
from accordtui.rendering.labels import Labels
from accordtui.writing.inert import inert


class LiveFile(Static):
    """Hidden while the watched file is valid; otherwise says why, below the last valid view.

    Reading and validating run in a child process, and the document is built from its
    result in a thread, so a large file never holds the keys; a newer save stops the
    read before it, and only the newest read is shown.
    """

    DEFAULT_CSS = beside(__file__, "live_file.tcss")

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
        (worker, task, context) until the collector's next full pass.

        Nothing is frozen here, unlike at the program's start: whatever a freeze found
        alive and later died in a cycle (Textual's cached strips, finished workers) was
        kept for good, and freeing it took a full pass over every object of the process
        (~100 ms on a 10,000-item file). Only the new document is taken out of the
        collector's passes.
        """
        before = self._document
        try:
            reread.wait()  # the collector runs meanwhile, as usual
            with collector.paused():  # its passes would walk the growing file again and again
                agreement = reread.result()
                document = Document(agreement, inert(self._watch.path.name))  # named in exports
                changed = document.changed_lines(before)  # may fill the document's caches
                collector.untrack_new(document)
            reloaded = self.Reloaded(document, before, changed)
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
