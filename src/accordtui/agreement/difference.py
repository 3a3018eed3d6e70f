"""How a text said to quote the release differs from it: the nearest paragraph, the
first differing words of both, and whether only case or typography differ."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

MARKS = ("⟦", "⟧")
"""Put around the first differing words in an error message."""

CONTEXT = 3
"""Words shown on each side of the difference."""
LONGEST = 12
"""Differing words shown before the rest is cut with `…`."""


@dataclass(frozen=True)
class Difference:
    """Where a text not found in the release first parts from its nearest paragraph."""

    index: int
    """Position of the nearest paragraph in the release."""
    kinds: tuple[str, ...]
    """What differs: `wording`, or only `case`, `apostrophe`, `quotation marks`, `dash`,
    `ellipsis` or `spaces`."""
    alike: bool
    """True when the paragraph holds the whole text but for those kinds (they are then
    the kinds of the whole text, else those of the first difference)."""
    here: str
    """The text's words around the difference, the differing ones between `MARKS`."""
    release: str
    """The paragraph's words there, marked the same way."""


_WORD = re.compile(r"\S+")
_TOKEN = re.compile(r"\w+|[^\w\s]")
"""Words and punctuation marks, compared one by one to align a text on a paragraph."""

_TYPOGRAPHY: dict[str, dict[int, str]] = {
    "apostrophe": str.maketrans(dict.fromkeys("’‘ʼ`´", "'")),
    "quotation marks": str.maketrans(dict.fromkeys("«»“”„", '"')),
    "dash": str.maketrans(dict.fromkeys("–—‐‑−", "-")),
    "ellipsis": str.maketrans({"…": "..."}),
}
"""Each kind of typography, as a mapping of its variants to plain characters."""

_ALL_TYPOGRAPHY = {k: v for table in _TYPOGRAPHY.values() for k, v in table.items()}
_LETTERS = re.compile(r"\w+")


def _key(word: str) -> str:
    """A word with case and typography set aside."""
    return word.translate(_ALL_TYPOGRAPHY).lower()


def _plain(text: str, *, keep: str) -> str:
    """`text` with every kind of difference but `keep` set aside."""
    for kind, table in _TYPOGRAPHY.items():
        if kind != keep:
            text = text.translate(table)
    if keep != "case":
        text = text.lower()
    return text if keep == "spaces" else "".join(text.split())


def kinds_of(here: str, release: str) -> tuple[str, ...]:
    """What tells `here` from `release`: `wording`, or each kind of case and typography
    that still differs when all the others are set aside."""
    if _plain(here, keep="") != _plain(release, keep=""):
        return ("wording",)
    kinds = ("case", *_TYPOGRAPHY, "spaces")
    return tuple(k for k in kinds if _plain(here, keep=k) != _plain(release, keep=k))


class Nearest:
    """The release's paragraphs, to find the one a text not found in it is nearest to."""

    def __init__(self, texts: Sequence[str]) -> None:
        self._texts = texts
        self._holding: dict[str, list[int]] = {}
        for index, text in enumerate(texts):
            for word in _words(text):
                self._holding.setdefault(word, []).append(index)
        self._plain: list[tuple[str, list[int]]] | None = None

    def difference(self, excerpt: str) -> Difference | None:
        """How `excerpt` differs from the paragraph that holds it but for case,
        typography and spaces, or else from the one sharing most of its words; None
        when no paragraph shares a word with it."""
        found = self._alike(excerpt)
        if found is not None:
            return found
        index = self._closest(excerpt)
        if index is None:
            return None
        return first_difference(excerpt, self._texts[index], index)

    def _alike(self, excerpt: str) -> Difference | None:
        if self._plain is None:
            self._plain = [_mapped(text) for text in self._texts]
        wanted, mine = _mapped(excerpt)
        if not wanted:
            return None
        for index, (plain, where) in enumerate(self._plain):
            at = plain.find(wanted)
            if at >= 0:
                theirs = where[at : at + len(wanted)]
                return _typography(excerpt, mine, self._texts[index], theirs, index)
        return None

    def _closest(self, excerpt: str) -> int | None:
        """The paragraph sharing most of the excerpt's words, rarer words counting more."""
        scores: dict[int, float] = {}
        for word in _words(excerpt):
            holding = self._holding.get(word, ())
            for index in holding:
                scores[index] = scores.get(index, 0.0) + 1 / len(holding)
        return min(scores, key=lambda i: (-scores[i], i)) if scores else None


def _words(text: str) -> set[str]:
    """A text's words, for finding its nearest paragraph: split at any punctuation."""
    return set(_LETTERS.findall(_key(text)))


def _mapped(text: str) -> tuple[str, list[int]]:
    """`text` with case, typography and spaces set aside, and for each character left
    the position it came from."""
    where = [at for at, char in enumerate(text) if not char.isspace()]
    kept = "".join(text[at] for at in where)
    plain = _key(kept)
    if len(plain) == len(kept):  # no character became several (… or a rare capital)
        return plain, where
    parts = [_key(text[at]) for at in where]
    return "".join(parts), [at for at, part in zip(where, parts, strict=True) for _ in part]


def _typography(
    here: str, mine: list[int], paragraph: str, theirs: list[int], index: int
) -> Difference:
    """The difference of a text and the paragraph it stands in but for case, typography
    or spaces; `mine` and `theirs` give, for each character compared, its position in
    each (see `_mapped`)."""
    first = next(
        (
            k
            for k in range(len(mine))
            if here[mine[k]] != paragraph[theirs[k]]
            or (k and here[mine[k - 1] + 1 : mine[k]] != paragraph[theirs[k - 1] + 1 : theirs[k]])
        ),
        0,
    )
    start = first - 1 if first and here[mine[first]] == paragraph[theirs[first]] else first
    words = _spans(here)
    begin = words[_word_at(words, mine[start])][0]
    end = words[_word_at(words, mine[first])][1]
    k0 = bisect.bisect_left(mine, begin)
    k1 = bisect.bisect_left(mine, end) - 1
    span = paragraph[theirs[0] : theirs[-1] + 1]
    return Difference(
        index,
        kinds_of(here, span) or ("spaces",),
        True,
        _marked(here, words, begin, end),
        _marked(paragraph, _spans(paragraph), theirs[k0], theirs[k1] + 1),
    )


_Span = tuple[int, int]
"""A slice of a text, in characters."""


def _spans(text: str, pattern: re.Pattern[str] = _WORD) -> list[_Span]:
    return [m.span() for m in pattern.finditer(text)]


def _word_at(words: list[_Span], at: int) -> int:
    """The index of the word holding character `at`."""
    return bisect.bisect_right([start for start, _ in words], at) - 1


def first_difference(here: str, paragraph: str, index: int) -> Difference | None:
    """Where `here` first parts from `paragraph`, aligned word by word (punctuation marks
    count as words); None if it never does."""
    mine, theirs = _spans(here, _TOKEN), _spans(paragraph, _TOKEN)
    found = _differing_words(here, mine, paragraph, theirs)
    if found is None:
        return None
    (h1, h2), (r1, r2) = _widened(found, len(mine), len(theirs))
    here_part, release_part = _chars(mine, h1, h2), _chars(theirs, r1, r2)
    gaps = _gap_before(here, mine, h1), _gap_before(paragraph, theirs, r1)
    if h1 and r1 and gaps[0] != gaps[1]:  # the spaces before differ: part of the change
        here_part = (here_part[0] - len(gaps[0]), here_part[1])
        release_part = (release_part[0] - len(gaps[1]), release_part[1])
    return Difference(
        index,
        kinds_of(here[slice(*here_part)], paragraph[slice(*release_part)]),
        False,
        _marked(here, mine, *here_part),
        _marked(paragraph, theirs, *release_part),
    )


def _widened(found: tuple[_Span, _Span], mine: int, theirs: int) -> tuple[_Span, _Span]:
    """Words left out on one side are shown with the next word (the previous one at the
    end) on both, so that neither side is empty."""
    (h1, h2), (r1, r2) = found
    if h1 < h2 and r1 < r2:
        return found
    if h2 < mine and r2 < theirs:
        return (h1, h2 + 1), (r1, r2 + 1)
    return (max(0, h1 - 1), h2), (max(0, r1 - 1), r2)


def _gap_before(text: str, tokens: list[_Span], index: int) -> str:
    """The spaces between token `index` and the one before it."""
    return text[tokens[index - 1][1] : tokens[index][0]] if index else ""


def _chars(words: list[_Span], start: int, end: int) -> _Span:
    return (words[start][0], words[end - 1][1]) if start < end else (0, 0)


def _differing_words(
    here: str, mine: list[_Span], paragraph: str, theirs: list[_Span]
) -> tuple[_Span, _Span] | None:
    """The first differing words of each, as word ranges [start, end)."""
    matcher = SequenceMatcher(
        None,
        [_key(here[a:b]) for a, b in mine],
        [_key(paragraph[a:b]) for a, b in theirs],
        autojunk=False,
    )
    ops = matcher.get_opcodes()
    while ops and ops[0][0] == "insert":  # the paragraph's words before the text's start
        ops.pop(0)
    for tag, i1, i2, j1, j2 in ops:
        if tag == "equal":
            for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                (a, b), (c, d) = mine[i], theirs[j]
                if here[a:b] != paragraph[c:d]:
                    return (i, i + 1), (j, j + 1)
        elif tag == "insert" and i1 == len(mine):
            return None  # the paragraph goes on after the text ends
        else:
            if i1 == 0 and tag == "replace":  # the text starts inside the paragraph
                j1 = max(j1, j2 - (i2 - i1))
            return (i1, i2), (j1, j2)
    return None


def _marked(text: str, words: list[_Span], start: int, end: int) -> str:
    """Characters `start` to `end` between `MARKS`, with a few words either side; a long
    stretch is cut after `LONGEST` words."""
    before = [w for w in words if w[1] <= start][-CONTEXT:]
    inside = [w for w in words if start <= w[0] and w[1] <= end]
    after = [w for w in words if w[0] >= end][:CONTEXT]
    cut = len(inside) > LONGEST
    stop = inside[LONGEST - 1][1] if cut else end
    lead = "…" if before and before[0] != words[0] else ""
    tail = "…" if after and after[-1] != words[-1] else ""
    return (
        f"{lead}{text[before[0][0] if before else start : start]}{MARKS[0]}{text[start:stop]}"
        f"{' …' if cut else ''}{MARKS[1]}{text[end : after[-1][1] if after else end]}{tail}"
    )
