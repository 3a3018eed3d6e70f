"""What each key is called in the reader's language, and which keys the footer keeps.

Bindings are declared once (with English descriptions, for Textual's own use); the
screens show them through `translate`, which reads the words from the catalogue by
binding id, so the footer and help follow `l` without rebuilding any binding.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from textual.binding import ActiveBinding, Binding, BindingType

from accordtui.rendering.labels import SECTIONS, Labels

FOOTER_TIERS: tuple[tuple[int, frozenset[str]], ...] = (
    (80, frozenset()),  # wide enough for every shown binding
    (60, frozenset({"back", "search", "search.close", "lang", "help", "quit"})),
    (0, frozenset({"back", "search.close", "help", "quit"})),
)
"""(minimum width, ids the footer keeps); an empty set keeps all."""


def descriptions(words: Labels) -> dict[str, str]:
    """Binding id → what the key does, in the words of one language."""
    by_id = {f"section.{s}": getattr(words, s) for s in SECTIONS}
    by_id |= {
        "section.next": words.key_section_next,
        "section.previous": words.key_section_previous,
        "pane.next": words.key_pane_next,
        "pane.previous": words.key_pane_previous,
        "back": words.key_back,
        "forward": words.key_forward,
        "search": words.key_search,
        "search.close": words.key_search_close,
        "search.next": words.key_match_next,
        "search.previous": words.key_match_previous,
        "export": words.key_export,
        "copy.item": words.key_copy_item,
        "copy.section": words.key_copy_section,
        "lang": words.key_lang,
        "lang.both": words.key_both,
        "help": words.key_help,
        "quit": words.key_quit,
        "palette": words.key_palette,
        "suspend": words.key_suspend,
        "list.down": words.key_down,
        "list.up": words.key_up,
        "list.first": words.key_first,
        "list.last": words.key_last,
        "list.open": words.key_open,
        "detail.scroll": words.key_scroll,
        "export.cancel": words.cancel_button,
        "confirm.yes": words.yes_button,
        "confirm.no": words.no_button,
        "help.close": words.key_back,
    }
    return by_id


def key_display(shown: str, words: Labels) -> str:
    """Textual's display of a key (`esc`, `shift+tab`) with key names in `words`."""
    names = {
        "esc": words.keyname_escape,
        "home": words.keyname_home,
        "end": words.keyname_end,
        "shift": words.keyname_shift,
    }
    if len(shown) == 2 and shown.startswith("^"):  # Textual's ^p: spelt like maj+tab, alt+←
        shown = f"ctrl+{shown[1]}"
    return "+".join(names.get(part, part) for part in shown.split("+"))


def help_groups(words: Labels) -> list[tuple[str, list[str]]]:
    """The help screen's groups: a heading and the binding ids under it, in order."""
    sections = [f"section.{s}" for s in SECTIONS]
    return [
        (
            words.group_navigation,
            [
                *sections,
                "section.next",
                "section.previous",
                "pane.next",
                "pane.previous",
                "list.down",
                "list.up",
                "list.first",
                "list.last",
                "list.open",
                "back",
                "forward",
                "palette",
            ],
        ),
        (words.group_search, ["search", "search.next", "search.previous", "search.close"]),
        (words.group_copy_export, ["export", "copy.item", "copy.section"]),
        (words.group_view, ["detail.scroll", "lang", "lang.both", "help", "quit", "suspend"]),
    ]


def translate(
    active: dict[str, ActiveBinding], words: Labels, width: int
) -> dict[str, ActiveBinding]:
    """Active bindings described in `words`, keeping only what fits a footer `width` wide."""
    names = descriptions(words)
    keep = next(ids for minimum, ids in FOOTER_TIERS if width >= minimum)
    out: dict[str, ActiveBinding] = {}
    for key, entry in active.items():
        binding = entry.binding
        name = binding.id or ""
        show = binding.show and (not keep or name in keep)
        described = replace(binding, description=names.get(name, binding.description), show=show)
        out[key] = entry._replace(binding=described, tooltip="")
    return out


SEARCHING = frozenset({"back", "search.next", "search.previous", "help", "quit"})
"""What the footer keeps while the search bar is open and the reader steps through."""


def while_searching(
    active: dict[str, ActiveBinding], words: Labels, width: int, *, in_field: bool
) -> dict[str, ActiveBinding]:
    """The footer while the search bar is open: `back` closes it and says so (in the
    field, the field's own escape says so) and `/` makes room; out of the field, `n` and
    `N` show from 60 columns, with help and quit, and room for little else."""
    closes = words.key_search_close if width >= 80 else words.key_search_close_short
    steps = {"search.next": words.key_match_next_short}
    steps["search.previous"] = words.key_match_previous_short
    out: dict[str, ActiveBinding] = {}
    for key, entry in active.items():
        binding, name = entry.binding, entry.binding.id or ""
        if in_field:
            binding = replace(binding, show=binding.show and name not in ("back", "search"))
        elif name == "back":
            binding = replace(binding, description=closes)
        elif name in steps:
            binding = replace(binding, description=steps[name], show=width >= 60)
        else:
            keep = name in SEARCHING or (name == "lang" and width >= 90)
            binding = replace(binding, show=binding.show and keep)
        out[key] = entry._replace(binding=binding)
    return out


def help_rows(
    words: Labels, bindings: Iterable[BindingType], display: Callable[[Binding], str]
) -> list[tuple[str, str]]:
    """(keys, description) rows under group headings (rows whose keys are empty)."""
    keys_of: dict[str, list[str]] = {}
    for binding in bindings:
        if isinstance(binding, Binding):
            keys = [display(Binding(k.strip(), binding.action)) for k in binding.key.split(",")]
            keys_of.setdefault(binding.id or "", []).extend(keys)
    names = descriptions(words)
    rows: list[tuple[str, str]] = []
    for heading, ids in help_groups(words):
        rows.append(("", heading))
        rows.extend((", ".join(dict.fromkeys(keys_of[i])), names[i]) for i in ids if i in keys_of)
    return rows
