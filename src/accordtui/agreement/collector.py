"""Python's garbage collector around the objects that live as long as the program.

Loading an agreement and indexing it build tens of thousands of objects and no
cycles. The collector's passes over them only cost time: on a 10,000-item file,
unpickling a cached agreement took 227 ms with it and 89 ms without. Once built,
they are frozen out of every later pass. The collector is one per process: these are
for the program's main thread, not for loads running side by side in threads.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from typing import cast

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


def untrack_new(root: object) -> int:
    """Take `root` and what it reaches in the collector's youngest generation (what was
    made since its last pass) out of every later pass; the number taken out.

    A `freeze` takes out everything alive, and what of it later dies in a cycle (Textual's
    cached strips, finished workers) is kept for good: freeing it again took a full pass
    over every object of the process (~100 ms on a 10,000-item file). This takes out only
    the new objects `root` holds, as the collector does itself for a tuple of atomic
    values: a file read again under `--watch` is ~143,000 of them, which the young passes
    walked whole (~40 ms each) and every full pass after. Run with the collector paused
    since they were made (they are then all in its youngest generation), off the event
    loop: ~0.25 s for those objects, in slices that let the loop run.
    """
    untrack = _untrack()
    young = gc.get_objects(0)
    unseen = {id(made) for made in young if _data(made)}
    if untrack is None or id(root) not in unseen:
        return 0
    unseen.discard(id(root))
    todo = [root]
    taken = 0
    while todo:
        batch, todo = todo[-_BATCH:], todo[:-_BATCH]
        for referent in gc.get_referents(*batch):
            if id(referent) in unseen:
                unseen.discard(id(referent))
                todo.append(referent)
        for made in batch:
            untrack(made)
        taken += len(batch)
    return taken


_BATCH = 2000
"""Objects whose referents are listed in one call: one call holds the interpreter's lock."""

_CONTAINERS = frozenset({dict, list, tuple, set, frozenset})


def _data(made: object) -> bool:
    """Whether `made` is data the walk may take out and go through: a built-in container
    or an instance of one of our classes. Those are freed by code that checks whether
    they are tracked. A function, cell, class, module or iterator is freed by code that
    assumes it is: taken out, it crashed the interpreter when freed (a cached start
    imports pydantic's modules at the first save, and the walk reached them through
    a view's class)."""
    kind = type(made)
    return kind in _CONTAINERS or (
        kind.__module__.startswith("accordtui.") and not isinstance(made, type)
    )


@cache
def _untrack() -> Callable[[object], None] | None:
    """CPython's own `PyObject_GC_UnTrack`, safe on an object the collector tracks (all
    of `gc.get_objects`'s are, and the list keeps them alive); None elsewhere (another
    Python, or a build without the global lock), where the collector keeps walking the
    document. ctypes and sysconfig are imported at the first save, not at every start."""
    import sysconfig

    if sys.implementation.name != "cpython" or sysconfig.get_config_var("Py_GIL_DISABLED"):
        return None
    import ctypes

    function = ctypes.pythonapi.PyObject_GC_UnTrack
    function.argtypes = [ctypes.py_object]
    function.restype = None
    return cast("Callable[[object], None]", function)
