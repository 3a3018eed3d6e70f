"""The cache as an attacker meets it: planted entries, shared folders, odd homes.

A planted entry is a well-formed one (right key, right digest) whose quote is in no
file. Where the cache may be trusted it is shown, which proves the plant works;
everywhere else it must never be.
"""

from __future__ import annotations

import hashlib
import json
import os
import pwd
from pathlib import Path

import pytest

from accordtui import cli
from accordtui.agreement import cache as cache_module
from accordtui.agreement import plain, trust
from accordtui.agreement.cache import ValidatedCache
from accordtui.agreement.loader import bundled_path
from accordtui.agreement.model import Agreement

FORGED = "Une citation qui n'est dans aucun fichier.\x1b]52;c;cGF3bmVk\x07"
OTHER_USER = 54321
"""A user id that owns nothing here (the tests run as root, which may give files away)."""


def _plant(folder: Path, agreement: Agreement) -> Path:
    """A valid-looking entry for the bundled file whose first quote is forged."""
    data = json.loads(plain.dump(agreement))
    data["agreement"]["quotes"][0]["text"]["fr"] = FORGED
    body = json.dumps(data).encode()
    key = ValidatedCache(folder).key(bundled_path().read_bytes())
    digest = hashlib.sha256(body).hexdigest().encode()
    header = b" ".join((cache_module.FORMAT, key.encode(), digest))
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    entry = folder / f"{key}.json"
    entry.write_bytes(header + b"\n" + body)
    entry.chmod(0o600)
    return entry


def _export_quotes(capsys: pytest.CaptureFixture[str], *options: str) -> str:
    assert cli.main(["export", "quotes", *options]) == 0
    return capsys.readouterr().out


@pytest.fixture
def xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    (tmp_path / "xdg").mkdir(mode=0o700)
    return tmp_path / "xdg" / "accordtui"


def test_a_planted_entry_in_a_trusted_folder_is_what_the_cache_returns(
    xdg: Path, agreement: Agreement, capsys: pytest.CaptureFixture[str]
) -> None:
    """The control: the user's own entry is believed, so the tests below can fail."""
    _plant(xdg, agreement)
    assert "dans aucun fichier" in _export_quotes(capsys)


def test_an_entry_owned_by_another_user_is_never_read(
    xdg: Path, agreement: Agreement, capsys: pytest.CaptureFixture[str]
) -> None:
    os.chown(_plant(xdg, agreement), OTHER_USER, OTHER_USER)
    out = _export_quotes(capsys, "--debug")
    assert "dans aucun fichier" not in out
    assert agreement.quotes[0].text.fr[:40] in out
    assert "\x1b" not in out


def test_a_folder_owned_by_another_user_is_never_read(
    xdg: Path, agreement: Agreement, capsys: pytest.CaptureFixture[str]
) -> None:
    _plant(xdg, agreement)
    os.chown(xdg, OTHER_USER, OTHER_USER)
    assert "dans aucun fichier" not in _export_quotes(capsys)


@pytest.mark.parametrize("mode", [0o770, 0o707, 0o777])
def test_a_folder_others_can_write_is_never_read(
    xdg: Path, agreement: Agreement, capsys: pytest.CaptureFixture[str], mode: int
) -> None:
    _plant(xdg, agreement)
    xdg.chmod(mode)
    assert "dans aucun fichier" not in _export_quotes(capsys)


def test_an_entry_others_can_write_is_never_read(
    xdg: Path, agreement: Agreement, capsys: pytest.CaptureFixture[str]
) -> None:
    _plant(xdg, agreement).chmod(0o666)
    assert "dans aucun fichier" not in _export_quotes(capsys)


def test_a_symbolic_link_entry_is_never_followed(
    xdg: Path, agreement: Agreement, capsys: pytest.CaptureFixture[str]
) -> None:
    entry = _plant(xdg, agreement)
    target = entry.rename(xdg.parent / "elsewhere.json")
    entry.symlink_to(target)
    assert "dans aucun fichier" not in _export_quotes(capsys)


def test_a_skipped_folder_is_one_line_under_debug_and_silent_otherwise(
    xdg: Path, agreement: Agreement, capsys: pytest.CaptureFixture[str]
) -> None:
    _plant(xdg, agreement)
    xdg.chmod(0o777)
    assert cli.main(["validate"]) == 0
    assert capsys.readouterr().err == ""
    assert cli.main(["validate", "--debug"]) == 0
    (line,) = capsys.readouterr().err.splitlines()
    assert line == f"accordtui: cache folder {xdg} skipped: writable by group or others (mode 777)"


def test_nothing_is_written_to_a_folder_others_can_write(
    xdg: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    xdg.mkdir(mode=0o700)
    xdg.chmod(0o777)
    assert cli.main(["validate"]) == 0
    assert list(xdg.iterdir()) == []


def test_a_relative_xdg_cache_home_is_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, agreement: Agreement
) -> None:
    """The XDG rule: relative paths are ignored, else the cache would follow the
    working folder, which may be anyone's."""
    monkeypatch.chdir(tmp_path)
    _plant(tmp_path / "shared" / "accordtui", agreement)
    monkeypatch.setenv("XDG_CACHE_HOME", "shared")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert trust.default_folder() == tmp_path / "home" / ".cache" / "accordtui"
    assert ValidatedCache.default().get(bundled_path().read_bytes()) is None


def test_a_relative_home_is_ignored_for_the_passwd_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", "relative-home")
    home = pwd.getpwuid(os.geteuid()).pw_dir
    assert trust.default_folder() == Path(home) / ".cache" / "accordtui"


def test_no_home_at_all_works_without_a_cache(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """As in a container: HOME unset and no passwd entry for the user."""

    def no_entry(uid: int) -> pwd.struct_passwd:
        raise KeyError(f"getpwuid(): uid not found: {uid}")

    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.delenv("HOME", raising=False)
    monkeypatch.setattr(pwd, "getpwuid", no_entry)
    assert trust.default_folder() is None
    assert cli.main(["validate", "--debug"]) == 0
    assert cli.main(["export", "quotes"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith(f"{bundled_path()}: OK\n")
    assert err == ""


def test_no_cache_reads_and_writes_nothing(
    xdg: Path, agreement: Agreement, capsys: pytest.CaptureFixture[str]
) -> None:
    entry = _plant(xdg, agreement)
    assert "dans aucun fichier" not in _export_quotes(capsys, "--no-cache")
    entry.unlink()
    for command in (["validate"], ["export", "quotes"], ["schema"]):
        assert cli.main([*command, "--no-cache"]) == 0
    assert list(xdg.iterdir()) == []


def test_the_key_changes_with_each_input_of_the_verdict(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Bytes, program version, Python, our code and the deciding packages' files."""
    keys = {ValidatedCache().key(b"a"), ValidatedCache().key(b"b")}
    monkeypatch.setattr(cache_module, "__version__", "99.0")
    keys.add(ValidatedCache().key(b"a"))
    monkeypatch.setattr(cache_module.sys, "version", "3.99")
    keys.add(ValidatedCache().key(b"a"))
    stamps = {cache_module.code_stamp()}
    monkeypatch.setattr(cache_module, "_package_stamp", lambda name: f"{name} 0.0")
    stamps.add(cache_module.code_stamp())
    assert len(keys) == 4
    assert len(stamps) == 2


def test_the_key_covers_every_agreement_module_subpackages_included(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A change in any of them (safe_yaml/events.py here) may change a verdict."""
    read = Path.read_bytes
    before = cache_module.code_stamp()

    def changed(path: Path) -> bytes:
        data = read(path)
        return data + b"#" if path.name == "events.py" else data

    monkeypatch.setattr(Path, "read_bytes", changed)
    assert cache_module.code_stamp() != before


def test_the_yaml_stamp_names_libyaml_and_pyyaml_files() -> None:
    stamp = cache_module._package_stamp("yaml")
    assert "__init__.py:" in stamp
    assert "_yaml." in stamp  # the extension that holds libyaml
