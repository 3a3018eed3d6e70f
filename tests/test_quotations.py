"""`new` drafts the release's quotes: verbatim, each with its speaker among `people`."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from accordtui.agreement.loader import bundled_path
from accordtui.agreement.model import Agreement
from accordtui.agreement.parsing import parse
from accordtui.agreement.placeholders import ROLE_TO_WRITE, placeholders
from accordtui.agreement.quotations import quotes
from accordtui.agreement.release_text import read_release
from accordtui.agreement.template import agreement_yaml

DATA = Path(__file__).parent / "data"


def _new(data: bytes) -> tuple[str, Agreement]:
    release = read_release(data, "made-up.txt")
    written = agreement_yaml(release, "made-up.txt", date(2025, 1, 1))
    return written, parse(written.encode(), "new.yaml")


def _said(agreement: Agreement) -> list[tuple[str, str, str]]:
    names = {p.id: p.name for p in agreement.people}
    return [(names[q.speaker], q.attribution.fr, q.text.fr) for q in agreement.quotes]


def test_the_bundled_release_s_quotes_are_drafted_as_our_file_has_them() -> None:
    _, agreement = _new((DATA / "release_imt_inria.txt").read_bytes())
    bundled = yaml.safe_load(bundled_path().read_text(encoding="utf-8"))
    names = {p["id"]: p["name"] for p in bundled["people"]}
    assert _said(agreement) == [
        (names[q["speaker"]], q["attribution"]["fr"], q["text"]["fr"]) for q in bundled["quotes"]
    ]


def test_quotes_in_guillemets_are_drafted_with_the_words_that_name_their_speaker() -> None:
    written, agreement = _new((DATA / "releases" / "onf_ign_brgm.txt").read_bytes())
    assert _said(agreement) == [
        (
            "Claire Martin",
            "a déclaré Claire Martin, directrice générale de l'ONF",
            "Cet observatoire nous donnera enfin une vue commune des sols que nos trois "
            "établissements étudient chacun de leur côté",
        ),
        (
            "Sophie Bernard",
            "Pour Sophie Bernard, présidente-directrice générale du BRGM",
            "les sols forestiers gardent la mémoire de nos territoires. "
            "Les connaître, c'est mieux les protéger",
        ),
        (
            "Paul Leroy",
            "Paul Leroy, directeur général de l'IGN",
            "Nos cartes et leurs données ouvertes serviront de socle commun à l'observatoire.",
        ),
    ]  # and « Forêts et sols », a programme's name, is no quote
    assert len(agreement.people) == 4  # the speakers are the signing's people
    quotes = written[written.index("\nquotes:") : written.index("\nrelease:")]
    assert quotes.count("a guess") == 3 * 3  # speaker, attribution and text of each


def test_a_speaker_the_signing_does_not_name_is_added_with_a_title_to_write() -> None:
    text = (
        "L'Office national des forêts (ONF) a signé une convention à Orléans.\n\n"
        "Elle a été signée par Claire Martin, directrice générale de l'ONF.\n\n"
        "« Les sols forestiers sont notre bien commun », a souligné Marie Dupont.\n"
    )
    _, agreement = _new(text.encode())
    assert _said(agreement) == [
        ("Marie Dupont", "a souligné Marie Dupont", "Les sols forestiers sont notre bien commun")
    ]
    speaker = agreement.people[-1]
    assert (speaker.role.fr, speaker.role.editorial) == (ROLE_TO_WRITE, True)
    assert speaker.id not in agreement.signing.signatories + agreement.signing.witnesses
    assert (("people", 1, "role", "fr"), ROLE_TO_WRITE) in placeholders(agreement)


@pytest.mark.parametrize(
    ("paragraph", "said"),
    [
        (
            "«\u00a0Nous partageons enfin nos relevés\u00a0», souligne Claire Martin.",
            ("Nous partageons enfin nos relevés", "souligne Claire Martin", "Claire Martin"),
        ),
        (
            "Claire Martin, directrice de l'ONF, déclare\u00a0: «\u00a0Une page se tourne.\u00a0»",
            ("Une page se tourne.", "Claire Martin, directrice de l'ONF, déclare", "Claire Martin"),
        ),
        (
            "Selon Paul Leroy, « les cartes seront ouvertes à tous ».",
            ("les cartes seront ouvertes à tous", "Selon Paul Leroy", "Paul Leroy"),
        ),
        (
            "Lors de la signature, Marie Curie a rappelé : « la forêt est un laboratoire ».",
            (
                "la forêt est un laboratoire",
                "Lors de la signature, Marie Curie a rappelé",
                "Marie Curie",
            ),
        ),
        ("« Nous avançons ensemble vers un but commun », a ajouté le ministre.", None),
        ("Le programme « Forêts et sols » sera présenté à l'automne.", None),
    ],
)
def test_each_way_a_release_names_a_speaker(
    paragraph: str, said: tuple[str, str, str] | None
) -> None:
    found = quotes(read_release(paragraph.encode(), "made-up.txt").blocks)
    assert [(q.text, q.attribution, q.speaker) for q in found] == ([said] if said else [])
