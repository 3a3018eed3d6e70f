"""The quotes a release prints, guessed from its own words for `accordtui new`.

A quote is what stands between « and », or a whole paragraph after a line that names
its speaker and ends with a colon ("Odile Gauthier, Directrice générale de l'IMT :"),
as the release prints them; its attribution is the release's words that give the
speaker: that line, the words after the quote in its sentence ("», a déclaré Claire
Martin, directrice générale de l'ONF."), or those before it ("Pour Sophie Bernard,
présidente du BRGM, «"). A quotation whose sentence names nobody (a programme's name
in « », say) is no quote. Every guess is verbatim; the file marks each for its author.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from accordtui.agreement.guesses import NAME
from accordtui.agreement.quote_checks import unmarked
from accordtui.agreement.release_text import Block

_QUOTED = re.compile(r"«([^«»]*)»")
"""A « » and its words: no nested quantifier, so a run of spaces or of « costs linear time."""
_ROLE = r"([^{0}\s]+(?:\s+[^{0}\s]+)*)"
"""A title: words apart by spaces, none of `{0}`; no two quantifiers take the same space,
so a long run of spaces costs linear time, not quadratic."""
_AFTER = re.compile(
    r"\s*,\s*((?:(?:a|ont)\s+)?[a-zß-ÿ]+\s+"
    + NAME
    + r"(?:,\s*"
    + _ROLE.format(",.;:«»")
    + r")?)\s*(?=[,.;:]|$)"
)
"""", a déclaré Claire Martin, directrice générale de l'ONF." after the »."""
_SENTENCE_END = re.compile(r"[.!?…]")
_ATTRIBUTION_MOST = 300
"""Characters at most before a « that may name its speaker: a longer sentence start is
no attribution, and each quote's search stays bounded however long the paragraph."""
_NAMED = re.compile(NAME + r"(?:,\s*" + _ROLE.format(",;:«»") + r"(?=\s*[,;:]|\s*$))?")
"""A name, and the title after its comma ("Lors de la signature, Marie Curie a dit")."""
_LINE = re.compile(NAME + r",\s*(.*\S)$", re.DOTALL)
"""A speaker and their title, up to the colon that ends the line (see `_speaker_line`)."""
_FEWEST_WORDS = 4
"""Fewer words in « » are a name or a phrase the release cites, not a quote."""


@dataclass(frozen=True)
class Quoted:
    text: str
    """What was said, as the release prints it, without its quotation marks."""
    attribution: str
    """The release's words that give the speaker."""
    speaker: str
    """The speaker's name, within `attribution`."""
    role: str | None
    """The title `attribution` gives them, if it gives one."""


def quotes(blocks: Sequence[Block]) -> list[Quoted]:
    """Each quote the release prints with its speaker, in order."""
    found: list[Quoted] = []
    after_line = False
    for before, block in zip((None, *blocks), blocks, strict=False):
        line = _speaker_line(before.fr) if before is not None else None
        if before is not None and line and block.kind == "paragraph" and not after_line:
            found.append(_after_line(before.fr, line, block.fr))
            after_line = True
            continue
        after_line = False
        found.extend(_inline(block.fr))
    return found


def _after_line(line_text: str, line: re.Match[str], text: str) -> Quoted:
    """The paragraph after a speaker's line: their quote, whole or in its « »."""
    attribution = line_text[: line.end(2)].strip()
    return Quoted(_words_alone(text), attribution, line.group(1), line.group(2))


def _words_alone(text: str) -> str:
    """`text` without the quotation marks around it, « », “ ” or " " alike, as many
    pairs as it has: the program adds its own, and the file would not validate."""
    while (inner := unmarked(text)) is not None:
        text = inner
    return text.strip()


def _speaker_line(text: str) -> re.Match[str] | None:
    """A line that names a speaker and their title and ends with a colon; the title
    holds no colon nor « », so it is looked for after the last of them only."""
    line = text.rstrip()
    if not line.endswith(":"):
        return None
    body = line[:-1].rstrip()
    after = max(body.rfind(":"), body.rfind("«"), body.rfind("»")) + 1
    return _LINE.search(body, after)


def _inline(text: str) -> Iterator[Quoted]:
    """The « » of a paragraph whose sentence names the speaker, after or before it."""
    ends = [found.start() for found in _SENTENCE_END.finditer(text)]
    for quoted in _QUOTED.finditer(text):
        words = _words_alone(quoted.group(1))
        if len(words.split()) < _FEWEST_WORDS:
            continue
        said = _said_after(text, quoted.end()) or _said_before(text, quoted.start(), ends)
        if said is not None:
            attribution, speaker, role = said
            yield Quoted(words, attribution, speaker, role)


_Said = tuple[str, str, str | None]


def _said_after(text: str, end: int) -> _Said | None:
    found = _AFTER.match(text, end)
    if found is None:
        return None
    role = found.group(3).strip() if found.group(3) else None
    return found.group(1).strip(), found.group(2), role


def _said_before(text: str, start: int, ends: list[int]) -> _Said | None:
    """The sentence's words before the «, if they name someone ("Pour X, …, «"): from
    the last of `ends` (the paragraph's sentence marks) a space follows ("3.5" ends no
    sentence), or the paragraph's start, within `_ATTRIBUTION_MOST` characters."""
    begin, at = 0, bisect_left(ends, start) - 1
    while at >= 0 and ends[at] >= start - _ATTRIBUTION_MOST:
        if text[ends[at] + 1 : ends[at] + 2].isspace():
            begin = ends[at] + 1
            break
        at -= 1
    if start - begin > _ATTRIBUTION_MOST:
        return None
    attribution = text[begin:start].strip().rstrip(",:").strip()
    named = _NAMED.search(attribution)
    if named is None:
        return None
    role = named.group(2).strip() if named.group(2) else None
    return attribution, named.group(1), role
