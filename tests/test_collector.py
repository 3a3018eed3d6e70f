"""The collector is paused while lasting objects are built, then kept off them."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from accordtui.agreement import collector
from accordtui.agreement.model import Agreement
from accordtui.browser.app import AccordApp


@pytest.fixture
def collector_state() -> Iterator[None]:
    """Leave the collector as the test found it, frozen objects included."""
    was_enabled = gc.isenabled()
    yield
    gc.unfreeze()
    if was_enabled:
        gc.enable()
    else:
        gc.disable()


@pytest.mark.parametrize("enabled", [True, False])
def test_paused_leaves_the_collector_as_found(collector_state: None, enabled: bool) -> None:
    gc.enable() if enabled else gc.disable()
    with pytest.raises(RuntimeError), collector.paused():
        assert not gc.isenabled()
        raise RuntimeError
    assert gc.isenabled() is enabled


def test_lasting_freezes_what_was_built(collector_state: None) -> None:
    gc.enable()
    before = gc.get_freeze_count()
    with collector.lasting():
        assert not gc.isenabled()
        built = [[n] for n in range(1000)]
    assert gc.isenabled()
    assert gc.get_freeze_count() >= before + len(built)
    walked = {id(tracked) for tracked in gc.get_objects()}  # frozen ones are not walked
    assert not any(id(x) in walked for x in built)


def test_hold_lasts_until_release_which_frees_the_start_s_garbage(collector_state: None) -> None:
    gc.enable()
    collector.hold()
    assert not gc.isenabled()
    garbage = _Cycle()
    freed = weakref.ref(garbage)
    del garbage
    alive = [[n] for n in range(100)]
    before = gc.get_freeze_count()
    collector.release()
    assert gc.isenabled()
    assert freed() is None, "the start's garbage is freed, not frozen"
    assert gc.get_freeze_count() >= before + len(alive)  # what lives on is frozen
    collector.release()  # once only
    assert gc.isenabled()


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_hold_leaves_a_disabled_collector_disabled(collector_state: None) -> None:
    gc.disable()
    collector.hold()
    collector.release()
    assert not gc.isenabled()


async def test_the_browser_s_first_frame_ends_the_hold(
    collector_state: None, agreement: Agreement
) -> None:
    gc.enable()
    collector.hold()
    app = AccordApp(agreement)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert gc.isenabled()


class _Node:
    """Something that dies in a reference cycle, as Textual's finished workers do."""

    def __init__(self) -> None:
        self.me = self


def test_untrack_new_takes_out_only_the_new_objects_the_root_holds(
    collector_state: None,
) -> None:
    older = [0]
    gc.collect()  # out of the youngest generation
    frozen = gc.get_freeze_count()
    with collector.paused():
        beside = _Node()  # made meanwhile, held by nobody the root reaches
        root = {"rows": [[n] for n in range(5000)], "older": older, "me": None}
        root["me"] = root
        taken = collector.untrack_new(root)
    assert taken == 1 + 1 + 5000  # the root, its list, the rows: in batches
    assert not any(gc.is_tracked(x) for x in (root, root["rows"], *root["rows"]))
    assert gc.is_tracked(older) and gc.is_tracked(beside)  # not new, or not the root's
    assert gc.get_freeze_count() == frozen  # nothing frozen: what dies later in a cycle is freed
    dead = weakref.ref(beside)
    del beside
    gc.collect()
    assert dead() is None


def test_untrack_new_leaves_an_older_root_alone(collector_state: None) -> None:
    root = [[1]]
    gc.collect()  # out of the youngest generation
    with collector.paused():
        assert collector.untrack_new(root) == 0
    assert gc.is_tracked(root)


_FREED_AFTER_UNTRACK = """
import gc
from accordtui.agreement import collector

def closure():
    held = [1]
    return lambda: held

gc.disable()
root = {
    "function": lambda: 1, "closure": closure(), "method": classmethod(len),
    "iterator": iter([1]), "view": {}.items(), "class": type("Made", (), {}),
    "rows": [[n] for n in range(10)],
}
taken = collector.untrack_new(root)
print(taken, gc.is_tracked(root["rows"]), gc.is_tracked(root["function"]))
del root
gc.enable()
gc.collect()
print("freed")
"""


def test_untrack_new_takes_out_only_data_so_that_freeing_the_rest_is_safe() -> None:
    """Functions, cells, classes and iterators are freed by code that assumes they are
    tracked: taken out, freeing them crashed the interpreter (a `--watch` run from the
    cache segfaulted at its exit after one save). Run apart: a crash would end pytest."""
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", _FREED_AFTER_UNTRACK], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == "12 False True\nfreed\n"  # the root, its rows: not the rest
