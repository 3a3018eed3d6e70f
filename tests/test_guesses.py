"""`new` guesses the parties and the people from the release's own words, verbatim:
on the bundled release and on three made-up ones of other shapes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from accordtui.agreement import guesses
from accordtui.agreement.guesses import (
    Party,
    Person,
    kind_before,
    parties,
    people,
    signing_date,
)
from accordtui.agreement.parsing import parse
from accordtui.agreement.placeholders import KIND_TO_WRITE
from accordtui.agreement.release_text import read_release
from accordtui.agreement.template import agreement_yaml

DATA = Path(__file__).parent / "data"
RELEASES = {
    "release_imt_inria.txt": (
        [("Institut Mines-Télécom", "IMT")],
        [
            ("Odile Gauthier", "Directrice générale de l'IMT", False),
            ("Bruno Sportisse", "Président-directeur général d'Inria", False),
            ("Loïc Duflot", "chef du service de l'économie numérique", True),
        ],
    ),
    "releases/cnrs_nantes.txt": (  # two acronyms; a witness; a quote
        [("Centre national de la recherche scientifique", "CNRS"), ("Université de Nantes", "UN")],
        [
            ("Antoine Petit", "président-directeur général du CNRS", False),
            ("Carine Bernault", "présidente de l’Université de Nantes", False),
            ("Jean-Marc Dupont", "préfet de la région Pays de la Loire", True),
        ],
    ),
    "releases/ports.txt": (  # three parties, acronyms spelt with "de" or without
        [
            ("Agence de l’environnement et de la maîtrise de l’énergie", "ADEME"),
            ("Banque des territoires", "BDT"),
            ("Grand port maritime de Marseille", "GPMM"),
        ],
        [
            ("Sylvain Waserman", "président-directeur général de l’ADEME", False),
            ("Olivier Sichel", "directeur général délégué de la Caisse des dépôts", False),
            ("Hervé Martel", "président du directoire du GPMM", False),
        ],
    ),
    "releases/lycee.txt": (  # Inria's acronym is not its name's initials: not guessed
        [
            (
                "Office national d’information sur les enseignements et les professions",
                "ONISEP",
            )
        ],
        [
            ("Bruno Sportisse", "président-directeur général d’Inria", False),
            ("Frédérique Alexandre-Bailly", "directrice générale de l’ONISEP", False),
        ],
    ),
    "releases/onf_ign_brgm.txt": (  # IGN: an acronym that is not its name's initials
        [
            ("Office national des forêts", "ONF"),
            ("Institut national de l'information géographique et forestière", "IGN"),
            ("Bureau de recherches géologiques et minières", "BRGM"),
        ],
        [
            ("Claire Martin", "directrice générale de l'ONF", False),
            ("Paul Leroy", "directeur général de l'IGN", False),
            ("Sophie Bernard", "présidente-directrice générale du BRGM", False),
            ("Marc Durand", "préfet de la région Centre-Val de Loire", True),
        ],
    ),
    "releases/cnrs_ifremer_ird.txt": (  # Ifremer: small letters, spelt by its words' starts
        [
            ("Centre national de la recherche scientifique", "CNRS"),
            ("Institut français de recherche pour l'exploitation de la mer", "Ifremer"),
            ("Institut de recherche pour le développement", "IRD"),
        ],
        [
            ("Antoine Petit", "président-directeur général du CNRS", False),
            ("François Houllier", "président-directeur général de l'Ifremer", False),
            ("Valérie Verdier", "présidente-directrice générale de l'IRD", False),
            ("Marie Dupont", "préfète maritime de l'Atlantique", True),
        ],
    ),
    "releases/ign_cerema_ifremer.txt": (  # the Cerema: elisions, commas, "et d'expertise"
        [
            ("Institut national de l'information géographique et forestière", "IGN"),
            (
                "Centre d'études et d'expertise sur les risques, l'environnement, la mobilité"
                " et l'aménagement",
                "Cerema",
            ),
            ("Institut français de recherche pour l'exploitation de la mer", "Ifremer"),
        ],
        [
            ("Sébastien Soriano", "directeur général de l'IGN", False),
            ("Pascal Berteaud", "directeur général du Cerema", False),
            ("François Houllier", "président-directeur général de l'Ifremer", False),
            ("Claire Dubois", "préfète maritime de l'Atlantique", True),
        ],
    ),
}


@pytest.mark.parametrize("name", RELEASES)
def test_parties_and_people_are_the_release_s_words(name: str) -> None:
    text = (DATA / name).read_text(encoding="utf-8")
    signing = next(b.fr for b in read_release(text.encode(), name).blocks[1:] if "sign" in b.fr)
    expected_parties, expected_people = RELEASES[name]
    assert parties(text) == [Party(*p) for p in expected_parties]
    assert people(signing) == [Person(*p) for p in expected_people]  # as `new` reads them


@pytest.mark.parametrize("name", RELEASES)
def test_new_writes_every_guess_and_it_validates(name: str) -> None:
    """Signatories and witnesses as the release says; a person's party when their title
    names its acronym; every guess verbatim, which validation checks."""
    release = read_release((DATA / name).read_bytes(), name)
    written = agreement_yaml(release, name, release.page_date or date(2024, 1, 1))
    agreement = parse(written.encode(), "new.yaml")
    expected_parties, expected_people = RELEASES[name]
    assert [(p.name, p.short_name) for p in agreement.parties] == expected_parties
    assert [(p.name, p.role.fr) for p in agreement.people] == [p[:2] for p in expected_people]
    by_id = {p.id: p.name for p in agreement.people}
    signed = [p[0] for p in expected_people if not p[2]]
    assert [by_id[i] for i in agreement.signing.signatories] == signed
    assert [by_id[i] for i in agreement.signing.witnesses] == [
        p[0] for p in expected_people if p[2]
    ]
    named = {p.id: (p.name, p.short_name) for p in agreement.parties}
    for person in agreement.people:  # in the party their title names, if it names one
        said = [i for i, names in named.items() if any(n in person.role.fr for n in names)]
        assert person.party == (said[0] if said else None), person.name
    assert written.count("a guess from it: check it") >= len(agreement.people) * 2


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Signé avec l'établissement public Institut Delta (ID)", "établissement public"),
        ("Paris, le 12 mars 2025 – L'Office national des forêts (ONF)", None),  # was "Paris,"
        ("l'ONF, l'IGN et le Bureau de recherches (BR)", None),
    ],
)
def test_a_party_s_kind_is_only_the_words_before_its_name(text: str, kind: str | None) -> None:
    name = parties(text)[0].name
    assert kind_before(text, name) == kind


@pytest.mark.parametrize(
    ("text", "party", "left_out"),
    [
        ("l'Institut national de recherche en informatique et en automatique (Inria)", "Inria", []),
        ("L'Institut de recherche pour le développement (IRD) et", "IRD", []),  # "pour" links
        ("le Laboratoire Delta (Inria) et la Ville (Brest)", None, ["Inria", "Brest"]),
        ("signé le 3 mai (UPX)", None, ["UPX"]),  # capitals, neither spelt nor a clause
        (  # a word joined by "et" gives no letter; the name's elisions and commas stop nothing
            "le Centre d'études et d'expertise sur les risques, l'environnement, la mobilité"
            " et l'aménagement (CEREMA)",
            "CEREMA",
            [],
        ),
    ],
)
def test_a_name_in_brackets_is_a_party_or_said_to_be_left_out(
    text: str, party: str | None, left_out: list[str]
) -> None:
    """ "(Ifremer)" was left out silently: only capitals were read as acronyms."""
    assert [p.short for p in parties(text)] == ([party] if party else [])
    assert guesses.left_out(text) == left_out


def test_new_names_what_it_did_not_make_a_party() -> None:
    name = "releases/lycee.txt"
    release = read_release((DATA / name).read_bytes(), name)
    written = agreement_yaml(release, name, date(2023, 9, 20))
    assert (
        "  # not made a party: (Inria), a name in brackets after"
        ' "L’Institut national de recherche en sciences et technologies du numérique";'
        " add it if it is one\n"
    ) in written


def test_the_words_before_a_name_left_out_stop_at_its_sentence_or_are_cut() -> None:
    assert guesses.words_before("Signé. Le Labo Delta (LD) et", "LD") == "Le Labo Delta"
    many = " ".join(f"mot{i}" for i in range(30))
    assert guesses.words_before(f"{many} (X)", "X") == "…" + many.split(" ", 6)[-1]


def test_without_a_kind_in_the_release_the_kind_is_left_to_write() -> None:
    """It was the release's first word for every party ("Paris,"), which validates."""
    name = "releases/onf_ign_brgm.txt"
    release = read_release((DATA / name).read_bytes(), name)
    agreement = parse(agreement_yaml(release, name, date(2025, 3, 14)).encode(), "new.yaml")
    assert {p.kind.fr for p in agreement.parties} == {KIND_TO_WRITE}
    assert all(p.kind.origin == "editorial" for p in agreement.parties)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("La convention a été signée le 11 mars 2025 à Orléans", date(2025, 3, 11)),
        ("Ils ont signé le 1er août 2024.", date(2024, 8, 1)),
        ("Signée le 31 février 2025", None),  # not in the calendar
        ("Le 11 mars 2025, à Orléans", None),  # a date, but not said to be the signing's
    ],
)
def test_the_signing_date_is_the_day_the_release_says_it_was_signed(
    text: str, day: date | None
) -> None:
    found = signing_date(text)
    assert (found[0] if found else None) == day


def test_new_writes_the_signing_date_the_release_states_as_a_guess() -> None:
    """It was left as a comment to fill, though the release states it."""
    name = "releases/onf_ign_brgm.txt"
    release = read_release((DATA / name).read_bytes(), name)
    written = agreement_yaml(release, name, date(2025, 3, 14))
    assert parse(written.encode(), "new.yaml").signing.date == date(2025, 3, 11)
    assert '  date: "2025-03-11"  # ' in written
    assert 'a guess from "signée le 11 mars 2025": check it' in written


def test_a_near_miss_tries_each_word_and_letter_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Twelve words joined by "et", each able to give one to four letters or none, took
    27 s to refuse an acronym they almost spell: each way was tried afresh."""
    plain = guesses._plain
    calls: list[str] = []
    monkeypatch.setattr(guesses, "_plain", lambda text: calls.append(text) or plain(text))
    text = "Aaaa " + "et Aaaa " * 11 + "(Aaaaaaaaaaab)"
    assert parties(text) == []
    assert len(calls) <= 12 * 12 * 13  # starts × words × letters
