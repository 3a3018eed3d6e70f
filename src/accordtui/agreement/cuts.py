"""Cuts in a quoted text: where it leaves out part of the release's sentence, `[…]`.

A text that quotes the release gives whole sentences, or marks each cut with `[…]`
(French typography: the ellipsis in square brackets). Two slips are caught: a cut
marked otherwise ("...", "…", "[...]", "(…)"), which the release does not hold, and a
cut not marked at all, a text that starts or ends inside one of the release's sentences.
"""

from __future__ import annotations

import re

from accordtui.agreement.errors import shown
from accordtui.agreement.verbatim import CUT, ReleaseText, verbatim_parts

_OTHER_MARK = re.compile(r"\[\s*\.\.\.\s*\]|\(\s*(?:…|\.\.\.)\s*\)|\.\.\.|…")
"""A cut marked as English or a hurried hand marks it."""
_SPACES = " \t\u00a0\u202f"
"""Spaces within a line; a line break parts sentences, as a full stop does."""
_STARTS = '\n.!?…:;«“"(–—'
"""After these (or at a paragraph's start), a sentence, a quotation or a clause starts."""
_ENDS = '\n.!?…:;»”")'
"""Before these (or at a paragraph's end), it ends."""
_WORD_START = re.compile(r"^[\w’'-]+")
_WORD_END = re.compile(r"[\w’'-]+$")
_SHOWN = 6
"""Words of the release shown on each side of an unmarked cut."""


def other_mark(text: str, release: ReleaseText) -> str | None:
    """The mark `text` cuts the release with instead of `[…]`, when with `[…]` in its
    place every piece stands in the release; else None."""
    found = _OTHER_MARK.search(text)
    if found is None:
        return None
    marked = _OTHER_MARK.sub(CUT, text)
    parts = verbatim_parts(marked)
    if not parts or any(release.find(part) is None for part in parts):
        return None
    return found.group()


def other_mark_problem(mark: str) -> str:
    return (
        f"the text leaves out the release's words at `{mark}`, which the release does not "
        f"hold; write `{CUT}` in place of `{mark}` (in French typography a cut is the "
        "ellipsis in square brackets, a space on each side)"
    )


def unmarked_cut(text: str, release: ReleaseText) -> str | None:
    """What to write where `text`, found in the release, starts or ends inside one of
    its sentences with no `[…]` there; None when each end is a sentence's or a cut's."""
    parts = verbatim_parts(text)
    if not parts:
        return None
    first, last = parts[0], parts[-1]
    around = None if text.lstrip().startswith(CUT) else release.around(first)
    if around is not None and not _starts(around[0], first):
        return _at_start(around[0], first)
    if text.rstrip().endswith(CUT):
        return None
    if around is None or last is not first:  # one search for a text of one piece
        around = release.around(last)
    if around is not None and not _ends(last, around[1]):
        return _at_end(last, around[1])
    return None


def _at_start(before: str, part: str) -> str:
    inside, rest = _WORD_END.search(before), _WORD_START.match(part)
    if inside is not None and rest is not None:  # "'Institut" of "L'Institut"
        return _in_word("starts", inside.group() + rest.group(), inside.group())
    words = f"{_tail(before)}{_gap(before[-1:])}⟦{_head(part)}⟧"
    return _in_sentence("starts", words, "at its start")


def _at_end(part: str, after: str) -> str:
    inside, rest = _WORD_START.match(after), _WORD_END.search(part)
    if inside is not None and rest is not None:
        return _in_word("ends", rest.group() + inside.group(), inside.group())
    words = f"⟦{_tail(part)}⟧{_gap(after[:1])}{_head(after)}"
    return _in_sentence("ends", words, "at its end")


def _starts(before: str, part: str) -> bool:
    before = before.rstrip(_SPACES)
    return not before or before[-1] in _STARTS or part[0] in _STARTS


def _ends(part: str, after: str) -> bool:
    after = after.lstrip(_SPACES)
    return not after or after[0] in _ENDS or part[-1] in _ENDS


def _gap(char: str) -> str:
    return " " if char.isspace() else ""


def _tail(text: str) -> str:
    words = text.split()
    return ("…" if len(words) > _SHOWN else "") + " ".join(words[-_SHOWN:])


def _head(text: str) -> str:
    words = text.split()
    return " ".join(words[:_SHOWN]) + ("…" if len(words) > _SHOWN else "")


def _in_sentence(where: str, release_words: str, place: str) -> str:
    return (
        f"the text {where} inside a sentence of the release ({shown(release_words, 200)}, "
        f"the text's words between ⟦ ⟧); write `{CUT}` {place} to mark the cut, or quote "
        "the whole sentence"
    )


def _in_word(where: str, word: str, missing: str) -> str:
    place = "before its first" if where == "starts" else "after its last"
    return (
        f"the text {where} inside the release's word {shown(word)}; write "
        f"`{missing}` {place} letters, then mark any cut with `{CUT}`"
    )
