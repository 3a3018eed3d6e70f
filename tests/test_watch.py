"""`--watch`: a save is seen from the file's stat, and the browser follows it."""

from __future__ import annotations

import gc
import os
import weakref
from pathlib import Path

from accordtui.agreement.loader import bundled_path, load_agreement, parse_agreement
from accordtui.browser.app import AccordApp, WatchedFile
from accordtui.browser.screens.browser import BrowserScreen
from accordtui.browser.watch import GONE_POLLS, FileWatch
from accordtui.browser.widgets.detail import Detail
from accordtui.browser.widgets.item_list import ItemList
from accordtui.browser.widgets.live_file import LiveFile
from accordtui.rendering.document import Document

BUNDLED = bundled_path().read_text(encoding="utf-8")


def _save(path: Path, text: str) -> None:
    """As vim and most IDEs save: a new file renamed over the old one."""
    new = path.with_suffix(".new")
    new.write_text(text, encoding="utf-8")
    os.replace(new, path)


def test_a_save_by_rename_is_seen_even_with_the_same_time_and_size(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("one", encoding="utf-8")
    watch = FileWatch(path)
    assert watch.poll() is None
    before = path.stat()
    _save(path, "two")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert watch.poll() == "changed"
    assert watch.poll() is None


def test_briefly_missing_is_followed_and_gone_for_good_is_said_once(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("one", encoding="utf-8")
    watch = FileWatch(path)
    path.unlink()
    assert [watch.poll() for _ in range(GONE_POLLS - 1)] == [None] * (GONE_POLLS - 1)
    path.write_text("one again", encoding="utf-8")
    assert watch.poll() == "changed"  # back before it was said gone
    path.unlink()
    polls = [watch.poll() for _ in range(GONE_POLLS + 3)]
    assert polls.count("gone") == 1
    assert polls[GONE_POLLS - 1] == "gone"
    path.write_text("one again", encoding="utf-8")
    assert watch.poll() == "changed"  # back: read again, and the "gone" notice goes


def _watching(folder: Path) -> tuple[AccordApp, Path]:
    """The browser on a copy of the bundled file in `folder`, as `--watch` opens it."""
    path = folder / "accord.yaml"
    path.write_text(BUNDLED, encoding="utf-8")
    return AccordApp(load_agreement(path), watch=WatchedFile(path, 2**20)), path


async def _saved(app: AccordApp, pilot: object, path: Path, text: str | None) -> LiveFile:
    """Save (or delete, for None), let the watcher look, and wait for its read."""
    live = app.screen.query_one(LiveFile)
    if text is None:
        path.unlink()
        for _ in range(GONE_POLLS):
            live.check()
    else:
        _save(path, text)
        live.check()
    await app.workers.wait_for_complete()
    await pilot.pause()  # type: ignore[attr-defined]
    return live


async def test_valid_invalid_valid_saves_keep_the_place(tmp_path: Path) -> None:
    app, path = _watching(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4", "down", "down", "tab")  # Themes, the third entry, the detail
        screen = app.screen
        assert isinstance(screen, BrowserScreen)
        key, detail = screen.key, screen.query_one(Detail)
        detail.scroll_to(y=2, animate=False)
        await pilot.pause()
        assert detail.scroll_y == 2

        renamed = BUNDLED.replace("Premières actions", "Actions premières")
        assert renamed != BUNDLED
        live = await _saved(app, pilot, path, renamed)
        assert (screen.section, screen.key, app.focused) == ("themes", key, detail)
        assert detail.scroll_y == 2
        assert not live.display
        assert "Actions premières" in str(detail.shown)
        notices = [notice.message for notice in app._notifications]
        assert notices == ["accord.yaml relu\u00a0: voici la version enregistrée."]

        broken = renamed.replace("speaker: odile-gauthier", "speaker: nobody", 1)
        live = await _saved(app, pilot, path, broken)
        assert live.display
        shown = str(live.render())
        assert "n’est pas valide" in shown and "quotes[0].speaker: unknown person id" in shown
        assert "Problèmes (en anglais, tels que accordtui validate les écrit)" in shown
        assert f"{path}:" in shown and "Actions premières" in str(detail.shown)  # still readable
        await pilot.press("shift+tab", "up")
        assert screen.key != key  # and still browsable

        live = await _saved(app, pilot, path, BUNDLED)
        assert not live.display
        await pilot.press("down")
        assert screen.key == key and "Premières actions" in str(detail.shown)

        live = await _saved(app, pilot, path, None)
        assert live.display and "a disparu" in str(live.render())


def test_changed_lines_are_the_entries_a_list_would_show_differently() -> None:
    before = Document(load_agreement(bundled_path()))
    assert Document(load_agreement(bundled_path())).changed_lines(before) == frozenset()
    data = BUNDLED.replace("Premières actions", "Actions premières")
    data = data.replace("odile-gauthier", "odile-gauthier-2")  # her id, where it stands
    after = Document(parse_agreement(data.encode()))
    assert after.changed_lines(before) == {"first-actions", "odile-gauthier-2"}


async def test_a_save_renews_only_the_links_whose_lines_changed(tmp_path: Path) -> None:
    """The other lines of a list of links are kept: thousands are not made again."""
    app, path = _watching(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, BrowserScreen)
        screen.go_to("priority-field")
        await pilot.pause()
        links = screen.query_one("#links", ItemList)
        before = [(option.id, option.prompt) for option in links.options]
        await _saved(app, pilot, path, BUNDLED.replace("Premières actions", "Actions premières"))
        after = [(option.id, option.prompt) for option in links.options]
        assert [key for key, _ in after] == [key for key, _ in before]
        pairs = zip(before, after, strict=True)
        renewed = [key for (key, old), (_, new) in pairs if old is not new]
        assert renewed == ["first-actions"]
        assert "Actions premières" in str(links.get_option("first-actions").prompt)


async def test_documents_replaced_by_saves_are_freed_and_nothing_else_is_kept(
    tmp_path: Path,
) -> None:
    """A valid save takes the new document out of the collector's passes, and only it:
    it froze the whole heap, and what then died in a cycle was kept until a full pass
    (+9 MiB a save of a 2,000-item file without one; the pass held keys 100-433 ms)."""
    app, path = _watching(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, BrowserScreen)
        await _saved(app, pilot, path, BUNDLED.replace("Premières actions", "Actions 1"))
        replaced = weakref.ref(screen.document)
        alive_at_the_save = _Cycle()
        await _saved(app, pilot, path, BUNDLED.replace("Premières actions", "Actions 2"))
        died_after = weakref.ref(alive_at_the_save)
        del alive_at_the_save
        gc.collect()
        assert died_after() is None
        assert replaced() is None
        assert not gc.is_tracked(screen.document)  # no pass walks the new file


class _Cycle:
    """Dies in a reference cycle, as Textual's cached strips and finished workers do."""

    def __init__(self) -> None:
        self.me = self
