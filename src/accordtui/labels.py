"""Interface words in both languages; labels follow the language of the content."""

from __future__ import annotations

from typing import Literal

from accordtui.model import Lang

Section = Literal["overview", "parties", "objectives", "themes", "quotes", "source"]
SECTIONS: tuple[Section, ...] = (
    "overview",
    "parties",
    "objectives",
    "themes",
    "quotes",
    "source",
)

_LABELS: dict[str, tuple[str, str]] = {
    "overview": ("Aperçu", "Overview"),
    "parties": ("Parties", "Parties"),
    "objectives": ("Objectifs", "Objectives"),
    "themes": ("Thèmes", "Themes"),
    "quotes": ("Citations", "Quotes"),
    "source": ("Source", "Source"),
    "party": ("Partie", "Party"),
    "person": ("Personne", "Person"),
    "quote": ("Citation", "Quote"),
    "kind": ("Nature", "Kind"),
    "page_date": ("Page modifiée le", "Page last changed"),
    "publisher": ("Éditeur", "Publisher"),
    "place": ("Lieu de signature", "Place of signing"),
    "signatories": ("Signataires", "Signatories"),
    "witnesses": ("En présence de", "In the presence of"),
    "role": ("Fonction", "Role"),
    "short_name": ("Sigle", "Short name"),
    "priority": ("Priorité selon le communiqué", "Priority according to the release"),
    "programmes": ("Programmes", "Programmes"),
    "in_line_with": ("En cohérence avec la dynamique de", "In line with the momentum of"),
    "related": ("Liens", "Related"),
    "drawn": ("Entrées tirées de ce paragraphe", "Entries drawn from this paragraph"),
    "source_paragraph": ("Dans le communiqué", "In the release"),
    "paragraph": ("Paragraphe {paragraph}", "Paragraph {paragraph}"),
    "bullet": ("Paragraphe {paragraph}, point {bullet}", "Paragraph {paragraph}, item {bullet}"),
    "inferred": ("lien déduit", "inferred link"),
    "editorial_title": ("[titre éditorial]", "[editorial title]"),
    "editorial_name": ("nom éditorial", "editorial name"),
    "editorial_grouping": ("[regroupement éditorial]", "[editorial grouping]"),
    "release_heading": ("[intertitre du communiqué]", "[subheading of the release]"),
    "release_note": (
        "[Le communiqué de presse, paragraphe par paragraphe ; page modifiée le {date}]",
        "[The press release, paragraph by paragraph, in our translation; page last changed {date}]",
    ),
    "translated_paragraph": ("[traduction]", "[translation]"),
    "yes": ("oui", "yes"),
    "empty": ("rien dans cette section", "nothing in this section"),
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
