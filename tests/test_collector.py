"""The collector is paused while lasting objects are built, then kept off them."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from accordtui import collector


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
