"""Interface words in both languages; labels follow the language of the content."""

from __future__ import annotations

from typing import Literal

from accordtui.model import Lang

Section = Literal["overview", "parties", "objectives", "themes", "quotes"]
SECTIONS: tuple[Section, ...] = ("overview", "parties", "objectives", "themes", "quotes")

_LABELS: dict[str, tuple[str, str]] = {
    "overview": ("Aperçu", "Overview"),
    "parties": ("Parties", "Parties"),
    "objectives": ("Objectifs", "Objectives"),
    "themes": ("Thèmes", "Themes"),
    "quotes": ("Citations", "Quotes"),
    "people": ("Personnes", "People"),
    "goals": ("Objectifs communs", "Shared goals"),
    "context": ("Contexte", "Context"),
    "projects": ("Projets", "Projects"),
    "agreement": ("L'accord", "The agreement"),
    "kind": ("Nature", "Kind"),
    "page_date": ("Date de la page", "Page date"),
    "publisher": ("Éditeur", "Publisher"),
    "place": ("Lieu de signature", "Place of signing"),
    "signatories": ("Signataires", "Signatories"),
    "witnesses": ("En présence de", "In the presence of"),
    "representative": ("Représentant·e", "Representative"),
    "role": ("Fonction", "Role"),
    "party": ("Partie", "Party"),
    "affiliation": ("Rattachement", "Affiliation"),
    "short_name": ("Sigle", "Short name"),
    "priority": ("Thème prioritaire", "Priority theme"),
    "speaker": ("Auteur·e", "Speaker"),
    "source": ("Source (texte du communiqué)", "Source (French original)"),
    "related": ("Liens", "Related"),
    "yes": ("oui", "yes"),
    "original": ("Texte original (français)", "English translation"),
    "translation_note": (
        "Texte original du communiqué de presse, en français.",
        "English translation of the French press release: only the French original "
        "is verbatim, quotes included.",
    ),
    "translated": ("", "translation"),
}


def label(key: str, lang: Lang) -> str:
    """The interface word for `key` in `lang`."""
    fr, en = _LABELS[key]
    return fr if lang == "fr" else en
