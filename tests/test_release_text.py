"""Finding a verbatim excerpt in the release, before and after its index is built."""

from __future__ import annotations

from accordtui.agreement.model import Paragraph
from accordtui.agreement.verbatim import ReleaseText


def _release(*texts: str) -> ReleaseText:
    return ReleaseText(
        Paragraph(id=f"p{i}", kind="paragraph", fr=text, en="x") for i, text in enumerate(texts)
    )


def test_whole_paragraphs_parts_and_misses() -> None:
    release = _release("Première phrase du communiqué.", "Deuxième phrase, plus longue.")
    assert release.find("Deuxième phrase, plus longue.") == "p1"
    assert release.find("phrase, plus") == "p1"
    assert release.find("xième") == "p1"  # inside a word
    assert release.find("absente du communiqué") is None
    assert release.find("communiqué.\0Deuxième") is None  # never across paragraphs


def test_many_lookups_give_the_same_answers_once_indexed() -> None:
    texts = [f"Le paragraphe numéro {i} dit une chose précise, {i * 7} fois." for i in range(300)]
    release = _release(*texts, texts[5])  # the same words again: the first one answers
    for _ in range(2):  # the second round runs on the index built during the first
        for i, text in enumerate(texts):
            assert release.find(text[3:]) == f"p{i}"
            assert release.find(f"numéro {i} dit") == f"p{i}"
        assert release.find("paragraphe numéro 9999") is None
