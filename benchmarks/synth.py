"""Synthetic agreements of any size, built from the bundled one so they stay valid."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from accordtui.agreement.loader import bundled_path, load_agreement

LISTS = ("people", "quotes")
GROUPED = ("overview", "objectives", "themes")
"""Sections whose entries sit in groups: their first group grows."""


def copies(originals: list[dict[str, Any]], count: int, suffix: str = "") -> list[dict[str, Any]]:
    """`count` entries cycling through `originals`, each copy with a fresh id."""
    out = []
    for i in range(count):
        item = dict(originals[i % len(originals)])
        if i >= len(originals):
            item["id"] = f"{item['id']}-{suffix}{i}"
        out.append(item)
    return out


def synthetic(items: int) -> dict[str, Any]:
    """An agreement with about `items` entries spread over the collections."""
    base = load_agreement(bundled_path()).model_dump(mode="json", exclude_none=True)
    data = dict(base)
    per = max(1, items // (len(LISTS) + len(GROUPED)))
    for name in LISTS:
        data[name] = copies(base[name], per)
    for name in GROUPED:
        first, *rest = base[name]
        data[name] = [{**first, "items": copies(first["items"], per)}, *rest]
    return data


class _NoAliases(yaml.SafeDumper):
    """Copies share objects; write each out in full, as accordtui refuses aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def save(data: dict[str, Any], path: Path) -> Path:
    """Write an agreement as YAML, each shared object in full (no aliases)."""
    path.write_text(yaml.dump(data, Dumper=_NoAliases, allow_unicode=True), encoding="utf-8")
    return path


def write(items: int, folder: Path) -> Path:
    path = folder / f"agreement-{items}.yaml"
    return path if path.exists() else save(synthetic(items), path)
