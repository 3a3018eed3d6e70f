"""Who a release names, guessed from its own words for `accordtui new`.

Every guess is a piece of the release, verbatim: a party is a name the release follows
with its acronym in brackets, the acronym being the initials of the name's words ("Centre
national de la recherche scientifique (CNRS)"; an all-capitals acronym that is not,
as IGN's for "Institut national de l'information géographique et forestière", is the
name its clause gives before it; one in small letters, as "Ifremer", is spelt by its
words' first letters, "Institut français de recherche pour l'exploitation de la mer");
a party's kind is the words an article gives before its name ("l'établissement public
Inria"), never more; a person is a name followed by a comma
and their title ("Odile Gauthier, Directrice générale de l'IMT"); one named after "en
présence de" attended, the others signed. The file marks each guess for its author.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import date

_ACRONYM = re.compile(r"\(([A-ZÀ-Þ](?:[A-ZÀ-Þ0-9&]{1,11}|[a-zß-ÿ]{2,11}))\)")
"""A name in brackets: capitals ("CNRS"), or one capital then small letters ("Ifremer")."""
_WORD = re.compile(r"\w[\w-]*")
_LINKING = frozenset(
    ("de", "du", "des", "d", "la", "le", "les", "l", "et", "en", "aux", "au", "à", "pour", "sur")
)
"""Words an acronym may skip: "Centre national de la recherche scientifique" is CNRS."""
_MOST_WORDS = 12
"""The most words a party's name may have, linking words not counted."""
_Word = tuple[str, bool]
"""A word of a name, and whether it may give no letter to its acronym."""
_CAPITAL = r"[A-ZÀ-Þ]"
_NOT_A_NAME = (
    "Pour|Selon|Par|Avec|Chez|Comme|Et|Ainsi|Enfin|Aussi|Mais|Dans|Lors|Depuis|Sur|Après"
    "|Avant|Entre|Parmi|Grâce|Pendant|Le|La|Les|Un|Une|Des|Du|De|Au|Aux|En|Cette|Ce|Ces"
)
"""Capitalised words that open a sentence before a name: "Pour Sophie Bernard, …"."""
NAME = (
    rf"(?<![\w’'-])((?!(?:{_NOT_A_NAME})\s){_CAPITAL}[a-zß-ÿ]+"  # a first name,
    rf"(?:-{_CAPITAL}[a-zß-ÿ]+)?"  # hyphenated or not,
    rf"(?: (?:de |du |d[’']|le )?{_CAPITAL}[\w’'-]+){{1,2}})"  # then one or two more
)
"""A person's name, as one group."""
_PERSON = re.compile(
    NAME + r",\s*([^,;:.]+?)"  # a comma, then the title, to the next break or verb
    r"(?=,|\s(?:et|ont|a|sont|en présence)\s|;|:|\.|$)"
)
_SENTENCE_END = re.compile(r"[.!?»]\s|\n")
_CLAUSE_END = re.compile(r"[,;:–—()\n]|\.\s")
_CLAUSE_START = re.compile(
    r"^(?:(?:et|ou|avec|par|entre|de|du|des)\s+)?(?:[lL][’']|[lL]es?\s|[lL]a\s)?"
)
_KIND_BEFORE = re.compile(
    r"(?:^|[\s(–—,;:])(?:[lL][’']|[lL][ae]s?\s|[uU]ne?\s)((?:[a-zß-ÿ][\w’'-]*\s){1,4})$"
)
_MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
_SIGNED_ON = re.compile(rf"\bsign\w*\s+le\s+(1er|\d{{1,2}})\s+({'|'.join(_MONTHS)})\s+(\d{{4}})")
_ATTENDED = re.compile(r"en présence d[e’']", re.IGNORECASE)


@dataclass(frozen=True)
class Party:
    name: str
    """Its full name, as the release writes it, without a leading article."""
    short: str
    """The acronym the release gives it in brackets."""


@dataclass(frozen=True)
class Person:
    name: str
    role: str
    """The title the release gives after the name."""
    attended: bool
    """Named after "en présence de": a witness, not a signatory."""


def parties(text: str) -> list[Party]:
    """Each institution `text` names with its acronym, once, in order."""
    found: dict[str, Party] = {}
    for match in _ACRONYM.finditer(text):
        if match.group(1) in found:  # named already: its name is not looked for again
            continue
        name = _name_before(text, match.start(), match.group(1))
        if name:
            found[match.group(1)] = Party(name, match.group(1))
    return list(found.values())


def left_out(text: str) -> list[str]:
    """The names in brackets `text` gives that `parties` does not take, once, in order:
    the author is told of them rather than left to notice their absence."""
    return list(left_out_at(text, {party.short for party in parties(text)}))


def left_out_at(text: str, taken: Collection[str]) -> dict[str, int]:
    """The names in brackets `text` gives that are not `taken` (the parties' acronyms,
    found once by the caller), in order, each with where its first brackets start."""
    found: dict[str, int] = {}
    for match in _ACRONYM.finditer(text):
        if match.group(1) not in taken:
            found.setdefault(match.group(1), match.start())
    return found


def words_before(text: str, name: str, end: int | None = None) -> str:
    """The words before `name`'s first brackets in `text` (at `end` if given), back to
    its sentence's start or the last words a name may have, verbatim, so that the author
    can copy the name from them ("…et d'expertise sur les risques"); "…" marks that it
    starts later. Only those 200 characters are searched, however long `text` is."""
    end = text.find(f"({name})") if end is None else end
    window = max(0, end - 201)  # a sentence end that straddles the window's start counts
    start = max(0, end - 200, *(m.end() for m in _SENTENCE_END.finditer(text, window, end)))
    words = list(_WORD.finditer(text, start, end))[-2 * _MOST_WORDS :]
    if not words:
        return ""
    cut = "…" if words[0].start() > start else ""
    return cut + text[words[0].start() : end].strip()


def _name_before(text: str, end: int, acronym: str) -> str | None:
    """The party's name before its acronym at `end`: a capitals acronym is spelt by
    its name's initials, or else is its clause; "Ifremer" by its words' first letters
    ("Institut français de recherche pour l'exploitation de la mer")."""
    if not acronym.isupper():
        return _named_before(text, end, acronym.lower(), _spells_loosely)
    return _named_before(text, end, acronym, _spells) or _clause_before(text, end)


def _named_before(
    text: str, end: int, acronym: str, spells: Callable[[list[_Word], str], bool]
) -> str | None:
    """The fewest words before `end`, from a capitalised one, that spell `acronym`
    (linking words skipped, and not counted towards the most a name may have: the
    Cerema's name has seven words, and nine linking words and elisions between them);
    None when no such words stand there."""
    words = list(_WORD.finditer(text, max(0, end - 200), end))
    parts = _words(words)
    counted = 0
    for start in range(len(words) - 1, -1, -1):
        first = words[start].group()
        if first.lower() in _LINKING:
            continue
        counted += 1
        if counted > _MOST_WORDS:
            return None
        if first[0].isupper() and spells(parts[start:], acronym):
            return text[words[start].start() : end].strip()
    return None


def _words(words: list[re.Match[str]]) -> list[_Word]:
    """Each word's parts (a hyphen splits them), each said to be skippable or not."""
    found: list[_Word] = []
    after_and = False
    for word in words:
        plain = word.group().lower()
        linking = plain in _LINKING
        found.extend((part, linking or after_and) for part in word.group().split("-") if part)
        after_and = plain == "et" or (after_and and linking)
    return found


def _clause_before(text: str, end: int) -> str | None:
    """The words of the clause before `end`, from its capitalised first word on, its
    leading "et" and article left out; None when the clause does not start so."""
    clause = _CLAUSE_END.split(text[max(0, end - 200) : end])[-1].strip()
    clause = _CLAUSE_START.sub("", clause, count=1)
    words = clause.split()
    if not clause[:1].isupper() or len(words) > _MOST_WORDS:
        return None
    return clause


def kind_before(text: str, name: str) -> str | None:
    """The words an article gives right before `name`'s first place in `text`, as the
    party's kind ("établissement public" in "l'établissement public Inria"); None when
    nothing but an article, a date or a verb stands there."""
    at = text.find(name)
    found = _KIND_BEFORE.search(text[max(0, at - 80) : at]) if at > 0 else None
    return found.group(1).strip() if found else None


def _spells(words: list[_Word], acronym: str) -> bool:
    """Whether the words' initials spell `acronym`: each word gives its initial, but a
    linking word may give none ("Banque des territoires" is BDT, and BT), nor a word
    joined by "et" to the one before ("études et d'expertise" is the E of CEREMA)."""
    return _spelt(words, acronym, lambda word, rest: [1] * (rest[:1] == _plain(word[0]).upper()))


def _spells_loosely(words: list[_Word], acronym: str) -> bool:
    """Whether the words' first letters spell the small-lettered `acronym`: each word
    gives one letter or more from its start, a word `_spells` lets give none may give
    none ("Ifremer": I-f-r-e-mer)."""

    def sizes(word: str, rest: str) -> list[int]:
        plain = _plain(word).lower()
        return [n for n in range(min(len(plain), len(rest)), 0, -1) if rest[:n] == plain[:n]]

    return _spelt(words, acronym, sizes)


def _spelt(words: list[_Word], acronym: str, gives: Callable[[str, str], list[int]]) -> bool:
    """Whether `words` spell `acronym`, each giving as many of its letters as `gives`
    allows, or none when skippable. Each (word, letter) pair is tried once: tried
    afresh, twelve words joined by "et" took 27 s to refuse a near miss; and the letters
    reached are carried word to word, with no function built per call (a cached closure
    each was most of 143,844 calls' cost on 3,000 acronyms)."""
    reached = {0}
    for text, skippable in words:
        after = {letter + n for letter in reached for n in gives(text, acronym[letter:])}
        reached = after | reached if skippable else after
        if not reached:
            return False
    return len(acronym) in reached


def _plain(text: str) -> str:
    """`text` without its accents: "É" stands for "E"."""
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def people(text: str) -> list[Person]:
    """Each person `text` names with their title, once, in order."""
    attended_from = next((m.end() for m in _ATTENDED.finditer(text)), len(text) + 1)
    found: dict[str, Person] = {}
    for match in _PERSON.finditer(text):
        name, role = match.group(1), match.group(2).strip()
        if name not in found:
            found[name] = Person(name, role, match.start() >= attended_from)
    return list(found.values())


def signing_date(text: str) -> tuple[date, str] | None:
    """The day `text` says it was signed ("signée le 11 mars 2025"), with those words;
    None when it says no such day, or one that is not in the calendar."""
    found = _SIGNED_ON.search(text)
    if not found:
        return None
    day, month, year = found.groups()
    try:
        signed = date(int(year), _MONTHS.index(month) + 1, 1 if day == "1er" else int(day))
    except ValueError:  # "le 31 février"
        return None
    return signed, found.group()
