"""Python's garbage collector around the objects that live as long as the program.

Loading an agreement and indexing it build tens of thousands of objects and no
cycles. The collector's passes over them only cost time: on a 10,000-item file,
unpickling a cached agreement took 227 ms with it and 89 ms without. Once built,
they are frozen out of every later pass. The collector is one per process: these are
for the program's main thread, not for loads running side by side in threads.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_held = False
"""Whether `hold` paused the collector and `release` has not yet resumed it."""


def hold() -> None:
    """No collection from here until `release`: the program's start (imports, the
    agreement, the first screen) builds what lives as long as the program, and
    collections during it find almost nothing."""
    global _held
    if gc.isenabled():
        gc.disable()
        _held = True


def release() -> None:
    """End `hold`, once: free the start's little garbage (~3,000 objects, ~6 ms on the
    bundled file, after the first frame), keep the rest out of later passes, resume."""
    global _held
    if _held:
        _held = False
        gc.collect()
        gc.freeze()
        gc.enable()


@contextmanager
def paused() -> Iterator[None]:
    """No collection while building; the collector is left as it was found."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@contextmanager
def lasting() -> Iterator[None]:
    """Build what lives as long as the program: paused, then kept out of every later
    pass. Left in the collector's youngest generation, the agreement would be walked
    whole by its next pass (on a 10,000-item file: 35 ms, then 50 ms for the next
    generation), and by the full passes that held keys for ~100 ms.

    No collection first: it would cost the start-up ~25 ms on the bundled file, to
    free the little garbage that loading leaves.
    """
    with paused():
        yield
        gc.freeze()


def sweep() -> None:
    """Free what died among the frozen objects, then freeze what lives again.

    Freezing keeps the collector off the objects alive at that moment, including
    their later garbage: a frozen object that dies in a reference cycle (Textual's
    finished workers and cached strips are such cycles) is never freed. A program
    that freezes more than once (`--watch`, at each valid save) sweeps now and then:
    one full pass, ~100 ms with a 10,000-item file loaded.
    """
    gc.unfreeze()
    gc.collect()
    gc.freeze()
