"""`accordtui new`'s generator: a release's text to a starting agreement that validates."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from accordtui.agreement.errors import AgreementError
from accordtui.agreement.loader import bundled_path, parse_agreement
from accordtui.agreement.model import Agreement
from accordtui.agreement.release_text import Release, read_release
from accordtui.agreement.template import UNTRANSLATED, agreement_yaml

RELEASE_BODY = Path(__file__).parent / "data" / "release_imt_inria.txt"
"""The page's text as `tests/data/release.txt` holds it, less the photo's caption."""

DAY = date(2024, 7, 1)


def _new(text: str | bytes, page_date: date = DAY) -> tuple[Release, Agreement]:
    data = text.encode() if isinstance(text, str) else text
    release = read_release(data, "made-up.txt")
    written = agreement_yaml(release, "made-up.txt", release.page_date or page_date)
    return release, parse_agreement(written.encode(), "new.yaml")


def _shape(agreement: Agreement) -> list[tuple[str, str, str]]:
    return [(p.id, p.kind, p.fr) for p in agreement.release]


def test_the_bundled_release_comes_back_exactly() -> None:
    release, agreement = _new(RELEASE_BODY.read_bytes(), date(1999, 1, 1))
    bundled = yaml.safe_load(bundled_path().read_text(encoding="utf-8"))["release"]
    assert _shape(agreement) == [(p["id"], p["kind"], p["fr"]) for p in bundled]
    assert agreement.publication.page_date == DAY  # from "Changed on 01/07/2024"
    assert agreement.lead.text.fr == bundled[0]["fr"]
    assert agreement.signing.text.fr == bundled[1]["fr"]  # the next one that says "signé"
    assert agreement.signing.place.fr == "Bercy"
    assert agreement.people[0].role.fr == "Directrice générale de l'IMT"
    assert (agreement.parties[0].name, agreement.parties[0].short_name) == (
        "Institut Mines-Télécom",
        "IMT",
    )
    assert release.title is None
    assert {p.en for p in agreement.release} == {UNTRANSLATED}


NO_SUBHEADINGS = """\
L'Université de Rivemont et le Laboratoire Alpha (LA) ont signé une convention de recherche.

La convention a été signée à Lyon par Jeanne Martin, présidente de l'université, et Paul Durand.

Elle court sur cinq ans.
"""

DASH_BULLETS = """\
Modifié le 03/02/2025

La Fondation Beta et l'École Gamma s'engagent dans un accord de coopération.
Il poursuit trois buts :
- former des ingénieurs ;
- partager des équipements ;
* publier ensemble.
"""

TITLE_LINE = """\
Un partenariat pour les océans

L'Institut Delta (ID) signe un protocole d'accord avec la Ville de Port-Neuf.

Objectifs

Le protocole a été signé à Port-Neuf par Marie Curie, directrice de l'institut.
"""

HARD_WRAPPED = """\
\ufeffLe Centre Epsilon et la Société Zêta ont signé un contrat de
licence qui porte sur des logiciels
de calcul.

— Première étape : un audit.
— Seconde étape : un déploiement
  progressif sur deux sites.
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (NO_SUBHEADINGS, ["paragraph"] * 3),
        (DASH_BULLETS, ["paragraph", "paragraph", "bullet", "bullet", "bullet"]),
        (NO_SUBHEADINGS.replace("\n", "\r\n"), ["paragraph"] * 3),
        (TITLE_LINE, ["paragraph", "heading", "paragraph"]),
        (HARD_WRAPPED, ["paragraph", "bullet", "bullet"]),
    ],
    ids=["no-subheadings", "dash-bullets", "windows-line-ends", "title-line", "hard-wrapped"],
)
def test_releases_of_other_shapes_validate(text: str, expected: list[str]) -> None:
    _, agreement = _new(text)
    assert [p.kind for p in agreement.release] == expected


def test_each_rule_of_reading() -> None:
    _, bullets = _new(DASH_BULLETS)
    assert _shape(bullets)[1:3] == [
        ("p2", "paragraph", "Il poursuit trois buts :"),
        ("p2-1", "bullet", "former des ingénieurs ;"),
    ]
    assert bullets.publication.page_date == date(2025, 2, 3)  # "Modifié le 03/02/2025"
    titled, agreement = _new(TITLE_LINE)
    assert titled.title == "Un partenariat pour les océans"
    assert agreement.title.origin == "release"
    assert [p.id for p in agreement.release] == ["p1", "h1", "p2"]
    assert (agreement.parties[0].name, agreement.parties[0].short_name) == ("Institut Delta", "ID")
    assert agreement.kind.fr == "protocole d'accord"
    _, wrapped = _new(HARD_WRAPPED)
    assert wrapped.release[0].fr.endswith("licence qui porte sur des logiciels de calcul.")
    assert wrapped.release[2].fr == "Seconde étape : un déploiement progressif sur deux sites."
    _, windows = _new(NO_SUBHEADINGS.replace("\n", "\r\n"))
    assert _shape(windows) == _shape(_new(NO_SUBHEADINGS)[1])


def test_a_title_line_then_the_date_line_gives_both() -> None:
    """The usual order on a press page; the date was looked for on the first line only,
    so `new` refused it, and with `--page-date` joined title and date in `release[0]`."""
    text = "Un partenariat pour les océans\nModifié le 14/10/2026\n" + NO_SUBHEADINGS
    release, agreement = _new(text, date(1999, 1, 1))
    assert (release.title, release.page_date) == (
        "Un partenariat pour les océans",
        date(2026, 10, 14),
    )
    assert (agreement.title.fr, agreement.title.origin) == (release.title, "release")
    assert _shape(agreement) == _shape(_new(NO_SUBHEADINGS)[1])
    late = "Un\n\nDeux.\n\nTrois.\n\nChanged on 01/02/2025\n"  # not among the first three
    assert _new(late)[0].page_date is None


def test_ids_stay_unique_when_a_guess_meets_a_release_id() -> None:
    _, agreement = _new("Le Projet 1 (P1) a signé.\n\nLe Projet 1 a signé avec Lead Lead.\n")
    ids = [item.id for _, item in agreement.entries()]
    assert len(ids) == len(set(ids))
    assert agreement.parties[0].id == "p1-2"


def test_every_field_to_fill_says_what_it_is() -> None:
    written = agreement_yaml(read_release(TITLE_LINE.encode(), "t"), "t", DAY)
    fields = [line for line in written.splitlines() if line.lstrip().startswith(("fr:", "en:"))]
    in_release = written[written.index("release:") :]
    assert all("  # " in line for line in fields if line not in in_release)
    assert "QUOTES the release word for word" in written
    for key in ("title", "kind", "publication", "lead", "signing", "parties", "people"):
        assert f"\n{key}:" in written
    for key in ("objectives", "themes", "overview", "quotes"):
        assert f"\n{key}: []" in written


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "made-up.txt: no text; expected a release's paragraphs"),
        (b" \n\xc2\xa0\n\t\n", "made-up.txt: no text; expected a release's paragraphs"),
        (b"Texte.\n\x00\x01", "made-up.txt:2:1: NUL byte; expected UTF-8 text"),
        (b"Un caf\xe9.", "made-up.txt:1:7: byte 0xE9 is not valid UTF-8"),
        (b"Un\x1b[2J texte.", "made-up.txt:1:3: a control character U+001B"),
        (b"x" * (1024 * 1024 + 1), "made-up.txt: text is larger than 1,048,576 bytes"),
        (b"Changed on 31/02/2024\n\nTexte.", "made-up.txt:1:1: no such day"),
    ],
    ids=["empty", "blank", "binary", "latin-1", "control", "oversized", "bad-date"],
)
def test_bad_input_is_refused_with_its_place(data: bytes, message: str) -> None:
    with pytest.raises(AgreementError) as caught:
        read_release(data, "made-up.txt")
    assert str(caught.value).startswith(message)
