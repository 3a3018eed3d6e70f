"""`accordtui new` against hostile release texts: bounded work, and a draft that validates.

Each input took seconds (or minutes) before its fix and takes milliseconds after; the
generous alarm only turns a return of the old super-linear work into a failure instead
of a hung run: it asserts that the work completes, never how fast.
"""

from __future__ import annotations

import functools
import re
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from re import Match
from typing import Any, TypeVar

import pytest

from accordtui.agreement import guesses, quotations
from accordtui.agreement.errors import AgreementError
from accordtui.agreement.model import Agreement
from accordtui.agreement.parsing import parse
from accordtui.agreement.quotations import Quoted, quotes
from accordtui.agreement.release_text import read_release
from accordtui.agreement.template import agreement_yaml
from accordtui.agreement.template_fields import Ids, unique
from accordtui.writing import new_agreement

T = TypeVar("T")
_GENEROUS_S = 20


class _Unbounded(Exception):
    """The work did not complete: it grew faster than its input."""


@contextmanager
def _bounded() -> Iterator[None]:
    def stop(_signum: int, _frame: object) -> None:
        raise _Unbounded

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(_GENEROUS_S)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _new(text: str) -> tuple[str, Agreement]:
    """The draft `new` writes for `text`, and the agreement it validates as."""
    with _bounded():
        release = read_release(text.encode(), "hostile.txt")
        written = agreement_yaml(release, "hostile.txt", date(2025, 1, 1))
        return written, parse(written.encode(), "new.yaml")


def _completes(work: Callable[[], T]) -> T:
    with _bounded():
        return work()


@pytest.mark.parametrize(
    "text",
    [
        "Titre\n\n« " + " " * 10_000 + "x\n",  # > 60 s before: cubic « \s*(.+?)\s* »
        "Titre\n\n" + "« un deux " * 60_000 + "\n",  # many « and no »
    ],
    ids=["spaces-after-guillemet", "guillemets-never-closed"],
)
def test_a_quote_search_completes_on_spaces_and_unclosed_guillemets(text: str) -> None:
    _new(text)


def test_a_speaker_s_quote_in_english_or_straight_marks_is_drafted_without_them() -> None:
    text = (
        "Titre\n\nJean Dupont, directeur général de l’ONF :\n\n"
        "“Nous sommes ravis de cet accord historique.”\n\n"
        "Marie Curie, présidente du CNRS :\n\n"
        '"Une étape importante pour nous tous."\n'
    )
    _, agreement = _new(text)
    assert [q.text.fr for q in agreement.quotes] == [
        "Nous sommes ravis de cet accord historique.",
        "Une étape importante pour nous tous.",
    ]


def test_marks_inside_guillemets_are_left_out_of_the_quote() -> None:
    text = "Titre\n\n« “Nous signons un accord historique” », a déclaré Jean Dupont.\n"
    _, agreement = _new(text)
    assert [q.text.fr for q in agreement.quotes] == ["Nous signons un accord historique"]


@pytest.mark.parametrize(
    "text",
    [
        "« un deux trois quatre » , a dit Jean Dupont, x" + " " * 100_000 + "y\n",
        "Jean Dupont, x" + " " * 100_000 + "y « un deux trois quatre »\n",
        "Jean Dupont, x" + " " * 200_000 + "y\n\nSuite.\n",
        "Jean Dupont, a " * 10_000 + "\n\nSuite.\n",
        "Il fait beau. « un deux trois quatre cinq » " * 10_000 + "\n",
    ],
    ids=["after-quote", "before-quote", "speaker-line", "names-no-colon", "sentences"],
)
def test_a_speaker_search_completes_on_long_runs(text: str) -> None:
    """Each took minutes before (a title's lazy words and the spaces after it both took
    the spaces; each quote searched the paragraph from its start); now milliseconds."""
    blocks = read_release(f"Titre\n\n{text}".encode(), "hostile.txt").blocks
    _completes(lambda: quotes(blocks))


def test_a_page_date_search_completes_on_a_long_run_of_spaces() -> None:
    text = "Modifié le" + " " * 100_000 + "x\n\nUn paragraphe.\n"
    release = _completes(lambda: read_release(text.encode(), "hostile.txt"))
    assert release.page_date is None


def test_a_speaker_line_and_a_sentence_before_a_quote_still_name_the_speaker() -> None:
    text = (
        "Titre\n\nLe taux est de 3.5 %. Pour Marie Curie, présidente du CNRS, « nous "
        "signons un accord historique ».\n\nJean Dupont, directeur général de l’ONF :\n\n"
        "« Une étape importante pour nous tous. »\n"
    )
    said = quotes(read_release(text.encode(), "t").blocks)
    assert [(q.attribution, q.speaker, q.role) for q in said] == [
        ("Pour Marie Curie, présidente du CNRS", "Marie Curie", "présidente du CNRS"),
        ("Jean Dupont, directeur général de l’ONF", "Jean Dupont", "directeur général de l’ONF"),
    ]


class _SpanRecorder:
    """Stands for a compiled pattern, recording the spans `finditer` is asked to search."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.spans: list[int] = []

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[Match[str]]:
        self.spans.append(min(endpos, len(text)) - pos)
        return self.pattern.finditer(text, pos, endpos)


def test_the_words_before_a_name_left_out_are_searched_in_a_bounded_window(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Searched from the text's start, 3,000 names in brackets took 3.4 s (17,576: > 20 s)."""
    recorder = _SpanRecorder(guesses._SENTENCE_END)
    monkeypatch.setattr(guesses, "_SENTENCE_END", recorder)
    text = "Il fait beau. " * 10_000 + "Le Labo Delta (LD) et"
    assert guesses.words_before(text, "LD") == "Le Labo Delta"
    assert recorder.spans and max(recorder.spans) <= 201


def test_the_parties_are_looked_for_once_per_draft(monkeypatch: pytest.MonkeyPatch) -> None:
    """`left_out` ran `parties` again: twice the work on a release of many acronyms."""
    calls: list[str] = []
    found = guesses.parties

    def counted(text: str) -> list[guesses.Party]:
        calls.append(text)
        return found(text)

    monkeypatch.setattr(guesses, "parties", counted)
    written, _ = _new("Titre\n\nLe Centre national d'études spatiales (CNES) et (XYZ) signent.\n")
    assert len(calls) == 1
    assert "(XYZ), a name in brackets after" in written


def test_spelling_an_acronym_builds_no_function_per_call(monkeypatch: pytest.MonkeyPatch) -> None:
    """A cached closure built per call was most of 143,844 calls' cost on 3,000 acronyms."""
    built: list[object] = []
    wrap = functools.update_wrapper

    def counted(*args: Any, **kwargs: Any) -> Any:
        built.append(args)
        return wrap(*args, **kwargs)

    monkeypatch.setattr(functools, "update_wrapper", counted)
    words = [("Centre", False), ("national", False), ("de", True), ("la", True)]
    words += [("recherche", False), ("scientifique", False)]
    assert guesses._spells(words, "CNRS")
    assert not guesses._spells(words, "CNRX")
    assert built == []


_RELEASE = (
    "Changed on 01/07/2024\n\nTitre\n\nJean Dupont, directeur général de l’ONF :\n\n"
    "« Nous sommes ravis de cet accord historique. »\n"
)


def test_a_draft_over_the_size_validate_reads_is_refused_before_writing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 960 KB list of bullets made a 9.97 MB file that `validate` then refused."""
    monkeypatch.setattr(new_agreement, "DEFAULT_MAX_BYTES", 2_000)
    (tmp_path / "release.txt").write_text(_RELEASE, encoding="utf-8")
    with pytest.raises(new_agreement.NewError, match=r"would be [\d,]+ bytes, more than the 2,000"):
        new_agreement.write_new(tmp_path / "release.txt", tmp_path / "a.yaml", None, force=False)
    assert not (tmp_path / "a.yaml").exists()


def test_quotes_that_would_not_validate_are_left_out_and_said_to_be(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`new` exited 1, its errors located in the file it had not written."""
    invented = Quoted("Des mots que le communiqué ne dit pas.", "Jean Dupont", "Jean Dupont", None)
    monkeypatch.setattr(quotations, "quotes", lambda blocks: [invented])
    (tmp_path / "release.txt").write_text(_RELEASE, encoding="utf-8")
    new_agreement.write_new(tmp_path / "release.txt", tmp_path / "a.yaml", None, force=False)
    written = (tmp_path / "a.yaml").read_text(encoding="utf-8")
    assert "quotes: []  # the release's quotes: those `new` guessed did not validate" in written
    assert parse(written.encode(), "a.yaml").quotes == []


def test_a_draft_that_would_not_validate_is_located_in_the_draft_never_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(new_agreement, "agreement_yaml", lambda *a, **k: "id: [\n")
    (tmp_path / "release.txt").write_text(_RELEASE, encoding="utf-8")
    with pytest.raises(AgreementError) as raised:
        new_agreement.write_new(tmp_path / "release.txt", tmp_path / "a.yaml", None, force=False)
    assert {p.file for p in raised.value.problems} == {
        f"{tmp_path / 'a.yaml'} (the draft, not written)"
    }
    assert not (tmp_path / "a.yaml").exists()


class _CountingSet(set[str]):
    """A set that counts the lookups made in it."""

    lookups = 0

    def __contains__(self, item: object) -> bool:
        self.lookups += 1
        return super().__contains__(item)


def test_ids_for_one_speaker_s_many_quotes_are_found_in_linear_work() -> None:
    """Counting from 2 for each id took 2,000 quotes of one speaker 2,001,000 lookups."""
    ids = Ids(["quote-jean-dupont"])
    ids.taken = counting = _CountingSet(ids.taken)
    given = [unique("quote-jean-dupont", ids) for _ in range(2_000)]
    assert given[:2] == ["quote-jean-dupont-2", "quote-jean-dupont-3"]
    assert len(set(given)) == 2_000
    assert counting.lookups <= 2 * 2_000


class _Counted(list):  # type: ignore[type-arg]
    """People whose iteration is counted: the speakers' look-up reads them once."""

    read = 0

    def __iter__(self) -> Iterator[Any]:
        for each in super().__iter__():
            _Counted.read += 1
            yield each


def test_each_quote_s_speaker_is_found_without_reading_everyone_again() -> None:
    """Everyone was scanned for each quote (4,000 speakers 1.2 s, growing with their
    square): the people are now read once, into an index of their names' words."""
    from accordtui.agreement.template_people import NamedPerson, quotes_yaml, speakers

    named = [guesses.Person(f"Claire Martin{n}", "directrice", False) for n in range(1_000)]
    people = _Counted(NamedPerson(f"p{n}", person, None) for n, person in enumerate(named))
    said = [Quoted("Des mots.", p.name, p.name, None) for p in reversed(named)]
    _Counted.read = 0
    assert speakers(said, people, [], Ids([])) == []  # all named already
    assert "speaker: p0 " in quotes_yaml(said, people, Ids([]))
    assert _Counted.read <= 2 * len(people)  # 500,500 before


def test_a_speaker_is_a_person_whose_name_holds_those_whole_words() -> None:
    from accordtui.agreement.template_people import NamedPerson, speakers

    people = [NamedPerson("dupont", guesses.Person("Martine Dupont", "présidente", False), None)]
    by_martin = [Quoted("Des mots.", "Martin", "Martin", None)]
    assert [p.person.name for p in speakers(by_martin, people, [], Ids([]))] == ["Martin"]
    by_her = [Quoted("Des mots.", "Martine Dupont", "Martine Dupont", None)]
    assert speakers(by_her, people, [], Ids([])) == []
