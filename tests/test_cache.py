"""The cache of validated files: used only for the same bytes, never trusted blindly."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from accordtui.agreement import cache as cache_module
from accordtui.agreement.cache import ValidatedCache
from accordtui.agreement.errors import AgreementError
from accordtui.agreement.loader import bundled_path, load_agreement
from accordtui.agreement.model import Agreement


@pytest.fixture
def store(tmp_path: Path) -> ValidatedCache:
    return ValidatedCache(tmp_path / "cache")


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    path = tmp_path / "agreement.yaml"
    path.write_bytes(bundled_path().read_bytes())
    return path


def _entries(store: ValidatedCache) -> list[Path]:
    assert store.folder is not None
    return sorted(store.folder.glob("*.json"))


def test_a_validated_file_is_kept_and_found_again(
    store: ValidatedCache, copy: Path, agreement: Agreement
) -> None:
    first = load_agreement(copy, cache=store)
    assert len(_entries(store)) == 1
    assert store.get(copy.read_bytes()) == first == agreement


def test_a_hit_does_not_validate_again(
    store: ValidatedCache, copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_agreement(copy, cache=store)

    def refuse(data: bytes, name: str = "") -> Agreement:
        raise AssertionError("validated again")

    monkeypatch.setattr("accordtui.agreement.loader.parse_agreement", refuse)
    assert load_agreement(copy, cache=store).publication.language == "fr"


def test_changed_bytes_are_validated_again(store: ValidatedCache, copy: Path) -> None:
    load_agreement(copy, cache=store)
    text = copy.read_text(encoding="utf-8")
    copy.write_text(text.replace('"2024-07-01"', '"2024-07-02"', 1), encoding="utf-8")
    assert store.get(copy.read_bytes()) is None
    assert load_agreement(copy, cache=store).publication.page_date.day == 2
    assert len(_entries(store)) == 2


def test_an_invalid_file_is_never_kept(
    store: ValidatedCache, write_yaml: Callable[..., Path]
) -> None:
    with pytest.raises(AgreementError):
        load_agreement(write_yaml("title: x\n"), cache=store)
    assert _entries(store) == []


def _signed(key: str, body: bytes) -> bytes:
    """An entry whose header matches `body`: only the content can be wrong."""
    digest = hashlib.sha256(body).hexdigest()
    return b" ".join((cache_module.FORMAT, key.encode(), digest.encode())) + b"\n" + body


def _key_of(blob: bytes) -> str:
    return blob.split(b" ")[1].decode()


@pytest.mark.parametrize(
    "damage",
    [
        lambda blob: b"",
        lambda blob: blob[: len(blob) // 2],
        lambda blob: blob.replace(b'"fr"', b'"en"', 1),
        lambda blob: blob.replace(cache_module.FORMAT, b"accordtui-cache-0", 1),
        lambda blob: _signed(_key_of(blob), b'"not an agreement"'),
        lambda blob: _signed(_key_of(blob), b'{"title": 1}'),
        lambda blob: _signed(_key_of(blob), b"{not json"),
    ],
    ids=["empty", "truncated", "changed", "other format", "other value", "other shape", "not json"],
)
def test_a_damaged_entry_is_a_miss(
    store: ValidatedCache, copy: Path, damage: Callable[[bytes], bytes]
) -> None:
    load_agreement(copy, cache=store)
    (entry,) = _entries(store)
    entry.write_bytes(damage(entry.read_bytes()))
    assert store.get(copy.read_bytes()) is None
    assert load_agreement(copy, cache=store).publication.language == "fr"


def test_an_unreadable_cache_folder_is_ignored(tmp_path: Path, copy: Path) -> None:
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("")
    store = ValidatedCache(blocked / "cache")
    assert load_agreement(copy, cache=store).publication.language == "fr"
    assert store.get(copy.read_bytes()) is None


def test_an_entry_renamed_to_other_bytes_is_a_miss(
    store: ValidatedCache, copy: Path, agreement: Agreement
) -> None:
    """An entry is only believed for the key it was written for."""
    store.put(b"other bytes", agreement)
    (entry,) = _entries(store)
    entry.rename(entry.with_name(store.key(copy.read_bytes()) + ".json"))
    assert store.get(copy.read_bytes()) is None


def test_the_plain_form_comes_back_as_the_same_agreement(agreement: Agreement) -> None:
    from accordtui.agreement import plain

    again = plain.load(json.loads(plain.dump(agreement)))
    assert again == agreement
    assert again.model_dump() == agreement.model_dump()
    assert again.publication.page_date == agreement.publication.page_date


def test_the_plain_form_in_lines_is_the_same_form_a_line_per_list_item(
    agreement: Agreement,
) -> None:
    from accordtui.agreement import plain

    lines = list(plain.dump_lines(agreement))
    assert plain.load_lines(lines) == json.loads(plain.dump(agreement))
    assert len(lines) > len(agreement.release) > 10  # the release is not one line
    assert all(line.endswith(b"\n") and line.count(b"\n") == 1 for line in lines)


@pytest.mark.parametrize("line", [b"{", b'["kinds"]', b'["item", "quotes", {}]', b"[1, 2]"])
def test_a_line_not_of_the_plain_form_is_refused(agreement: Agreement, line: bytes) -> None:
    from accordtui.agreement import plain

    lines = [next(plain.dump_lines(agreement)), line]
    with pytest.raises(plain.PlainError):
        plain.load_lines(lines)


def test_nothing_is_dumped_for_a_folder_that_cannot_be_made(
    tmp_path: Path, agreement: Agreement, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Dumping a 10,000-item agreement takes ~30 ms: not for an entry never written."""
    from accordtui.agreement import plain

    blocked = tmp_path / "file-not-folder"
    blocked.write_text("")

    def refuse(*args: object, **kwargs: object) -> bytes:
        raise AssertionError("dumped for nothing")

    monkeypatch.setattr(plain, "dump", refuse)
    ValidatedCache(blocked / "cache").put(b"bytes", agreement)


def test_entries_are_written_atomically(
    store: ValidatedCache, copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A write that fails half way leaves no entry and no temporary file behind."""

    def fail(src: str, dst: Path) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    load_agreement(copy, cache=store)
    assert store.folder is not None
    assert list(store.folder.iterdir()) == []


def test_held_entries_are_written_when_the_block_ends_however_it_ends(
    store: ValidatedCache, copy: Path
) -> None:
    with pytest.raises(RuntimeError), store.puts_held():
        load_agreement(copy, cache=store)
        assert _entries(store) == []
        raise RuntimeError("the browser failed")
    assert store.get(copy.read_bytes()) is not None
    load_agreement(copy, cache=store)  # held no more: a new entry is written at once
    assert len(_entries(store)) == 1


def test_browsing_a_new_file_keeps_it_only_once_the_browser_ends(
    copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first start shows the file without waiting to pickle it."""
    from accordtui import cli
    from accordtui.browser import run

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    store = ValidatedCache.default()
    seen: list[Agreement | None] = []

    def browse(agreement: Agreement, *args: object, **kwargs: object) -> int:
        seen.append(store.get(copy.read_bytes()))
        return 0

    monkeypatch.setattr(run, "run_browser", browse)
    assert cli.main([str(copy)]) == 0
    assert seen == [None]
    assert store.get(copy.read_bytes()) is not None


def test_old_entries_are_pruned(store: ValidatedCache, agreement: Agreement) -> None:
    for i in range(cache_module.KEEP + 3):
        store.put(b"bytes %d" % i, agreement)
    assert len(_entries(store)) == cache_module.KEEP


def test_pickles_of_older_versions_are_removed(store: ValidatedCache, agreement: Agreement) -> None:
    """Never read again, they would only wait for a careless reader."""
    assert store.folder is not None
    store.folder.mkdir()
    (store.folder / ("0" * 64 + ".pickle")).write_bytes(b"old")
    store.put(b"bytes", agreement)
    assert [p.suffix for p in store.folder.iterdir()] == [".json"]
