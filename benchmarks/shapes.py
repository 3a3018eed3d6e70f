"""Agreements of another shape: every collection grows, and a few entries are hubs.

`benchmarks.synth` grows some lists and keeps links one to one. Here parties,
people, quotes, every group's items and the release's paragraphs all grow, every
passage links to one hub passage (thousands of back-references), one passage
links to every other (a long forward list), and one person says a third of the
quotes. Copies keep the real texts, so the file stays valid: names and French
texts are still the release's words.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from accordtui.agreement.loader import bundled_path, load_agreement
from accordtui.agreement.model import Agreement
from benchmarks.synth import copies, save

GROWN = ("parties", "people", "quotes", "release")
GROUPED = ("overview", "objectives", "themes")


def _grow(originals: list[dict[str, Any]], count: int) -> list[dict[str, Any]]:
    """The originals, then copies with fresh ids up to `count` entries."""
    return copies(originals, max(count, len(originals)), "x")


def hub_shaped(items: int) -> dict[str, Any]:
    """About `items` entries spread over every collection, with hub entries."""
    data = load_agreement(bundled_path()).model_dump(mode="json", exclude_none=True)
    per = max(1, items // (len(GROWN) + len(GROUPED)))
    for name in GROWN:
        data[name] = _grow(data[name], per)
    people = data["people"]
    parties = [p["id"] for p in data["parties"]]
    for i, person in enumerate(people):
        person["party"] = parties[i % len(parties)]
    speakers = [p["id"] for p in people]
    hub_speaker = speakers[0]
    for i, quote in enumerate(data["quotes"]):
        quote["speaker"] = hub_speaker if i % 3 == 0 else speakers[i % len(speakers)]
    for name in GROUPED:
        data[name] = [
            {**group, "items": _grow(group["items"], max(1, per // len(data[name])))}
            for group in data[name]
        ]
    _link_hubs(data)
    return data


def _link_hubs(data: dict[str, Any]) -> None:
    """Every passage links to the first theme; the lead links to every passage."""
    passages = [item for name in GROUPED for group in data[name] for item in group["items"]]
    hub = passages[0]
    for passage in passages[1:]:
        passage["links"] = [{"to": hub["id"], "inferred": True}]
    hub["links"] = []
    data["lead"]["links"] = [{"to": p["id"], "inferred": False} for p in passages]


def write_hub(items: int, folder: Path) -> Path:
    path = folder / f"hub-{items}.yaml"
    return path if path.exists() else save(hub_shaped(items), path)


def one_speaker(quotes: int) -> Agreement:
    """The bundled agreement with `quotes` quotes, all said by the same person."""
    data = load_agreement(bundled_path()).model_dump(mode="json", exclude_none=True)
    speaker = data["quotes"][0]["speaker"]
    grown = _grow(data["quotes"], quotes)
    data["quotes"] = [{**quote, "speaker": speaker} for quote in grown]
    return Agreement.model_validate(data)
