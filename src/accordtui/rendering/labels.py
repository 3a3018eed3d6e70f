"""Every word the interface shows, as one typed catalogue per language.

`Labels` has no defaults, so a word missing from either language is a type error
(mypy) and a TypeError at import, never an English word left in a French screen.
French follows French typography: a no-break space before « : ; ? ! » and inside
« ». This module imports no UI library: the document and export layers use it too.
"""

from typing import Literal, NamedTuple

from accordtui.agreement.lang import Lang

Section = Literal["overview", "parties", "objectives", "themes", "quotes", "source"]
SECTIONS: tuple[Section, ...] = (
    "overview",
    "parties",
    "objectives",
    "themes",
    "quotes",
    "source",
)


class Labels(NamedTuple):
    """The interface words of one language. Placeholders in braces are filled by callers.

    A NamedTuple, not a frozen dataclass: as immutable and as typed (no defaults: a
    missing word is still a mypy error and a TypeError), and made at every start for
    a sixth of the cost (64 million instructions, 7% of a minimal Textual app's
    whole start, down to 11). For the same reason this module has no `from
    __future__ import annotations`: NamedTuple would compile each string annotation.
    """

    # Sections, in the order of SECTIONS.
    overview: str
    parties: str
    objectives: str
    themes: str
    quotes: str
    source: str
    # Document: field names and notes shown beside the agreement's own words.
    party: str
    person: str
    quote: str
    objective: str
    theme: str
    kind: str
    page_date: str
    publisher: str
    release_url: str
    export_file: str
    exported_by: str
    place: str
    signing_date: str
    signing_date_none: str
    signatories: str
    witnesses: str
    role: str
    signing_part: str
    """A person's part in the signing: signatory or witness, as the release tells it."""
    signatory: str
    witness: str
    short_name: str
    priority: str
    programmes: str
    in_line_with: str
    related: str
    drawn: str
    source_paragraph: str
    paragraph: str
    bullet: str
    inferred: str
    editorial_title: str
    editorial_name: str
    editorial_text: str
    unwritten: str
    """In place of a text still holding `accordtui new`'s placeholder: no translation yet."""
    unfilled: str
    """In place of a field's value still holding `accordtui new`'s placeholder."""
    editorial_names: str
    editorial_grouping: str
    release_heading: str
    outside_parties: str
    grouping_mark: str
    release_note: str
    attribution_line: str
    """Marks the release's line that names who speaks in the quotation after it."""
    translated_paragraph: str
    yes: str
    empty: str
    translation_note: str
    translated: str
    # Citations (`y`): the release as a source, and the reference after a quotation.
    cite_release: str
    cite_source: str
    cite_paragraph: str
    cite_bullet: str
    cite_page: str
    # Browser chrome.
    lang_indicator: str
    too_small: str
    section_indicator: str
    """Compact stand-in for the tabs on narrow screens: number, count, name."""
    items_title: str
    detail_title: str
    links_title: str
    # Key descriptions (footer, help, palette).
    key_section_next: str
    key_section_previous: str
    key_pane_next: str
    key_pane_previous: str
    key_back: str
    key_forward: str
    key_search: str
    key_search_close: str
    key_search_close_short: str
    """In a footer under 60 columns, with the search bar in sight above it."""
    key_match_next: str
    key_match_previous: str
    key_match_next_short: str
    """In the footer, beside the search bar that says what is matched."""
    key_match_previous_short: str
    key_export: str
    key_copy_item: str
    key_copy_section: str
    key_lang: str
    key_both: str
    pane_fr: str
    """Above the French text when both languages are shown."""
    pane_en: str
    key_help: str
    key_quit: str
    key_palette: str
    key_suspend: str
    key_down: str
    key_up: str
    key_first: str
    key_last: str
    key_open: str
    key_scroll: str
    keyname_escape: str
    keyname_home: str
    keyname_end: str
    keyname_shift: str
    """Names of keys as printed on keyboards of the language (AZERTY: Échap, Début, Fin, Maj)."""
    # Help.
    help_title: str
    group_navigation: str
    group_search: str
    group_copy_export: str
    group_view: str
    # Search.
    search_placeholder: str
    match_count: str
    match_count_one: str
    match_none: str
    match_position: str
    no_matches: str
    # Palette.
    palette_placeholder: str
    palette_go_to: str
    palette_search_text: str
    group_legend: str
    """The help's last group: what each mark of the browser and exports means."""
    legend_grouping: str
    legend_release_heading: str
    legend_title: str
    legend_text: str
    legend_names: str
    legend_wording: str
    legend_inferred: str
    legend_translation: str
    legend_addition_mark: str
    legend_addition: str
    legend_cut: str
    legend_underlined_mark: str
    legend_underlined: str
    legend_highlighted_mark: str
    legend_highlighted: str
    """The palette's last resort when no title matches: the words may be in the text."""
    # Dialogs.
    export_prompt: str
    export_all: str
    format_text: str
    format_markdown: str
    format_json: str
    palette_export: str
    exported_all: str
    export_button: str
    cancel_button: str
    confirm_replace: str
    yes_button: str
    no_button: str
    # Notifications.
    exported_title: str
    exported: str
    downloading: str
    export_cancelled: str
    export_failed_title: str
    # Why an export target cannot be written (atomic.WriteError's problems).
    write_exists: str
    write_no_home: str
    write_no_working_folder: str
    write_folder_unusable: str
    write_parent_not_folder: str
    write_is_folder: str
    write_not_regular: str
    write_bad_name: str
    write_path_too_long: str
    write_name_too_long: str
    write_failed: str
    copied: str
    copied_section: str
    cannot_copy_title: str
    cannot_copy: str
    # --watch: the file's state, shown under the last valid view.
    watch_invalid: str
    watch_gone: str
    watch_reloaded: str
    # `accordtui serve`: the web page, and what it says when a tab is refused or closed.
    web_session_ended: str
    web_restart: str
    web_too_many_tabs: str
    web_idle_closed: str
    web_token_needed: str
    web_wrong_host: str
    web_wrong_origin: str
    web_not_websocket: str


NBSP = "\u00a0"

FR = Labels(
    overview="Aperçu",
    parties="Parties",
    objectives="Objectifs",
    themes="Thèmes",
    quotes="Citations",
    source="Source",
    party="Partie",
    person="Personne",
    quote="Citation",
    objective="Objectif",
    theme="Thème",
    kind="Nature",
    page_date="Dernière modification de la page",
    publisher="Éditeur",
    release_url="Adresse du communiqué",
    export_file="Fichier",
    exported_by="[Exporté par accordtui {version}]",
    place="Lieu de signature",
    signing_date="Date de signature",
    signing_date_none="non précisée par le communiqué",
    signatories="Signataires",
    witnesses="En présence de",
    role="Fonction",
    signing_part="À la signature",
    signatory="signataire",
    witness=f"témoin («{NBSP}en présence de{NBSP}»)",
    short_name="Nom abrégé",
    priority="Prioritaire selon le communiqué",
    programmes="Programmes",
    in_line_with="En cohérence avec la dynamique de",
    related="Liens",
    drawn="Entrées tirées de ce paragraphe",
    source_paragraph="Dans le communiqué",
    paragraph=f"Paragraphe{NBSP}{{paragraph}}",
    bullet=f"Paragraphe{NBSP}{{paragraph}}, point{NBSP}{{bullet}}",
    inferred="lien déduit",
    editorial_title="[titre de la rédaction]",
    editorial_name="intitulé de la rédaction",
    editorial_text="[texte de la rédaction]",
    unwritten="Traduction pas encore écrite (le fichier garde l’espace réservé de `accordtui new`)",
    unfilled="à écrire (le fichier garde l’espace réservé de `accordtui new`)",
    editorial_names="[nom de la rédaction]",
    editorial_grouping="[regroupement de la rédaction]",
    release_heading="[intertitre du communiqué]",
    outside_parties="Hors des parties",
    grouping_mark="[réd.]",
    release_note=(
        f"[Le communiqué de presse, paragraphe par paragraphe{NBSP}; page modifiée le {{date}}]"
    ),
    attribution_line="Citation de",
    translated_paragraph="[notre traduction]",
    yes="oui",
    empty="rien dans cette section",
    translation_note="Texte original du communiqué de presse, en français.",
    translated="",
    cite_release="Communiqué de presse",
    cite_source="communiqué de presse",
    cite_paragraph=f"paragraphe{NBSP}{{paragraph}}",
    cite_bullet=f"paragraphe{NBSP}{{paragraph}}, point{NBSP}{{bullet}}",
    cite_page="page modifiée le {date}",
    lang_indicator="FR original",
    too_small=(
        "Terminal trop petit (il faut {needed}, actuellement {now}). "
        "Agrandissez-le ou appuyez sur q pour quitter."
    ),
    section_indicator="{number}/{count} {name}",
    items_title="Entrées",
    detail_title="Détail",
    links_title="Liens",
    key_section_next="Section suivante",
    key_section_previous="Section précédente",
    key_pane_next="Panneau suivant",
    key_pane_previous="Panneau précédent",
    key_back="Retour",
    key_forward="Avancer",
    key_search="Rechercher",
    key_search_close="Fermer la recherche",
    key_search_close_short="Fermer",
    key_match_next="Occurrence suivante",
    key_match_previous="Occurrence précédente",
    key_match_next_short="Suivante",
    key_match_previous_short="Précédente",
    key_export="Exporter",
    key_copy_item="Copier",
    key_copy_section="Copier la section",
    key_lang="FR/EN",
    key_both="Les deux langues",
    pane_fr="Français (original)",
    pane_en="Anglais (notre traduction)",
    key_help="Aide",
    key_quit="Quitter",
    key_palette="Palette de commandes",
    key_suspend="Suspendre (fg pour reprendre)",
    key_down="Entrée suivante (ou faire défiler)",
    key_up="Entrée précédente (ou faire défiler)",
    key_first="Première entrée",
    key_last="Dernière entrée",
    key_open="Ouvrir l’entrée, suivre le lien",
    key_scroll="Faire défiler",
    keyname_escape="échap",
    keyname_home="début",
    keyname_end="fin",
    keyname_shift="maj",
    help_title="Touches — ↑↓ pour faire défiler, échap pour fermer",
    group_navigation="Navigation",
    group_search="Recherche",
    group_copy_export="Copie et export",
    group_view="Affichage",
    search_placeholder="Rechercher…",
    match_count="{count} occurrences",
    match_count_one="1 occurrence",
    match_none="aucune occurrence",
    match_position="{position}/{count}",
    no_matches=f"Aucune occurrence{NBSP}; appuyez sur / pour rechercher",
    palette_placeholder="Rechercher une entrée ou une commande…",
    palette_go_to="aller à",
    palette_search_text=f"Rechercher «{NBSP}{{query}}{NBSP}» dans le texte",
    group_legend="Légende",
    legend_grouping="regroupement de la rédaction, non un intertitre du communiqué",
    legend_release_heading="intertitre du communiqué, dans les exports",
    legend_title=f"titre de la rédaction{NBSP}; le communiqué n’en donne pas",
    legend_text="texte de la rédaction, pas du communiqué",
    legend_names="nom de la rédaction, que le communiqué n’emploie pas",
    legend_wording=f"nom écrit par la rédaction{NBSP}; le communiqué l’écrit autrement",
    legend_inferred="lien que le communiqué n’énonce pas, déduit par la rédaction",
    legend_translation="en anglais, notre traduction du communiqué français",
    legend_addition_mark="[mot]",
    legend_addition="en anglais, un ajout du traducteur",
    legend_cut="coupure dans un texte cité du communiqué",
    legend_underlined_mark="souligné",
    legend_underlined="dans un paragraphe source, les mots qu’une entrée en cite",
    legend_highlighted_mark="surligné",
    legend_highlighted="une occurrence de la recherche",
    export_prompt=f"Exporter quoi, sous quelle forme, vers quel fichier{NBSP}?",
    export_all="Tout l’accord",
    format_text="Texte",
    format_markdown="Markdown",
    format_json="JSON",
    palette_export=f"Exporter{NBSP}: {{scope}}, {{format}}",
    exported_all="Accord entier exporté vers {path}",
    export_button="Exporter",
    cancel_button="Annuler",
    confirm_replace=f"{{path}} existe déjà. Le remplacer{NBSP}?",
    yes_button="Oui (o)",
    no_button="Non (n)",
    exported_title="Exporté",
    exported=f"Section «{NBSP}{{section}}{NBSP}» exportée vers {{path}}",
    downloading="Téléchargement de {name}",
    export_cancelled=f"Export annulé{NBSP}; rien n’a été écrit",
    export_failed_title="Échec de l’export",
    write_exists=f"{{path}}{NBSP}: existe déjà",
    write_no_home=f"{{path}}{NBSP}: dossier personnel de {{user}} introuvable",
    write_no_working_folder=(
        f"{{path}}{NBSP}: le dossier de travail n’existe plus{NBSP}; indiquez un chemin absolu"
    ),
    write_folder_unusable=f"{{path}}{NBSP}: impossible d’écrire dans {{folder}}{NBSP}: {{reason}}",
    write_parent_not_folder=f"{{path}}{NBSP}: {{folder}} n’est pas un dossier",
    write_is_folder=f"{{path}}{NBSP}: c’est un dossier{NBSP}; indiquez un nom de fichier",
    write_not_regular=(
        f"{{path}}{NBSP}: ce n’est pas un fichier ordinaire{NBSP}; indiquez un nom de fichier"
    ),
    write_bad_name=f"{{path}}{NBSP}: nom de fichier non valide ici",
    write_path_too_long=(
        f"{{path}}{NBSP}: le chemin fait {{size}} octets{NBSP}; la limite est {{limit}}"
    ),
    write_name_too_long=(
        f"{{path}}{NBSP}: un nom fait {{size}} octets{NBSP}; la limite est {{limit}}"
    ),
    write_failed=f"{{path}}{NBSP}: écriture impossible{NBSP}: {{reason}}",
    copied=f"Copié{NBSP}: {{start}}",
    copied_section=f"Section «{NBSP}{{section}}{NBSP}» copiée{NBSP}: {{start}}",
    cannot_copy_title="Copie impossible",
    cannot_copy=(
        "Le navigateur n’autorise la copie que sur une page servie par cette machine ou en "
        f"https{NBSP}; appuyez sur e pour télécharger la section."
    ),
    watch_invalid=(
        f"{{file}} n’est pas valide{NBSP}: la dernière version valide reste affichée "
        f"jusqu’à la prochaine sauvegarde valide. Problèmes (en anglais, tels que "
        f"accordtui validate les écrit){NBSP}: {{count}}"
    ),
    watch_gone=f"{{file}} a disparu{NBSP}: la dernière version lue reste affichée.",
    watch_reloaded=f"{{file}} relu{NBSP}: voici la version enregistrée.",
    web_session_ended="Session terminée.",
    web_restart="Recommencer",
    web_too_many_tabs=(
        f"Trop d’onglets ouverts ({{max_tabs}} au plus){NBSP}: "
        "fermez-en un, puis rechargez cette page."
    ),
    web_idle_closed=(
        f"Onglet fermé après {{minutes}}{NBSP}minutes sans activité{NBSP}; "
        "rechargez la page pour reprendre."
    ),
    web_token_needed=(
        f"Cette page s’ouvre avec l’adresse complète qu’affiche «{NBSP}accordtui serve{NBSP}» "
        "au démarrage (avec son jeton)."
    ),
    web_wrong_host=f"Adresse refusée{NBSP}: ce serveur ne répond qu’à {{authority}}.",
    web_wrong_origin=f"Refusé{NBSP}: seule la page servie ici peut se connecter.",
    web_not_websocket="Cette adresse attend une connexion WebSocket.",
)

EN = Labels(
    overview="Overview",
    parties="Parties",
    objectives="Objectives",
    themes="Themes",
    quotes="Quotes",
    source="Source",
    party="Party",
    person="Person",
    quote="Quote",
    objective="Objective",
    theme="Theme",
    kind="Type",
    page_date="Page last changed",
    publisher="Publisher",
    release_url="Address of the release",
    export_file="File",
    exported_by="[Exported by accordtui {version}]",
    place="Place of signing",
    signing_date="Date of signing",
    signing_date_none="not given in the release",
    signatories="Signatories",
    witnesses="In the presence of",
    role="Position",
    signing_part="At the signing",
    signatory="signatory",
    witness="witness (“in the presence of”)",
    short_name="Short name",
    priority="Priority (as stated in the release)",
    programmes="Programmes",
    in_line_with="In line with the momentum of",
    related="Links",
    drawn="Entries drawn from this paragraph",
    source_paragraph="In the release",
    paragraph=f"Paragraph{NBSP}{{paragraph}}",
    bullet=f"Paragraph{NBSP}{{paragraph}}, item{NBSP}{{bullet}}",
    inferred="inferred link",
    editorial_title="[our title]",
    editorial_name="our wording",
    editorial_text="[our text]",
    unwritten="Translation not written yet (the file holds the placeholder of `accordtui new`)",
    unfilled="to write (the file holds the placeholder of `accordtui new`)",
    editorial_names="[our name]",
    editorial_grouping="[our grouping]",
    release_heading="[release subheading]",
    outside_parties="Outside the parties",
    grouping_mark="[ours]",
    release_note=(
        "[The press release, paragraph by paragraph, in our translation; "
        "page last changed on {date}]"
    ),
    attribution_line="Quotation from",
    translated_paragraph="[our translation]",
    yes="yes",
    empty="nothing in this section",
    translation_note=(
        "English translation of the French press release: only the French original "
        "is verbatim; the quotations are translated too."
    ),
    translated="our translation",
    cite_release="Press release",
    cite_source="press release",
    cite_paragraph=f"paragraph{NBSP}{{paragraph}}",
    cite_bullet=f"paragraph{NBSP}{{paragraph}}, item{NBSP}{{bullet}}",
    cite_page="page last changed on {date}",
    lang_indicator="EN translation",
    too_small="Terminal too small (needs {needed}, now {now}). Enlarge it or press q to quit.",
    section_indicator="{number}/{count} {name}",
    items_title="Entries",
    detail_title="Detail",
    links_title="Links",
    key_section_next="Next section",
    key_section_previous="Previous section",
    key_pane_next="Next pane",
    key_pane_previous="Previous pane",
    key_back="Back",
    key_forward="Forward",
    key_search="Search",
    key_search_close="Close search",
    key_search_close_short="Close",
    key_match_next="Next match",
    key_match_previous="Previous match",
    key_match_next_short="Next",
    key_match_previous_short="Previous",
    key_export="Export",
    key_copy_item="Copy",
    key_copy_section="Copy section",
    key_lang="FR/EN",
    key_both="Both languages",
    pane_fr="French (original)",
    pane_en="English (our translation)",
    key_help="Help",
    key_quit="Quit",
    key_palette="Command palette",
    key_suspend="Suspend (fg resumes)",
    key_down="Next entry (or scroll)",
    key_up="Previous entry (or scroll)",
    key_first="First entry",
    key_last="Last entry",
    key_open="Open the entry, follow the link",
    key_scroll="Scroll",
    keyname_escape="esc",
    keyname_home="home",
    keyname_end="end",
    keyname_shift="shift",
    help_title="Keys — ↑↓ to scroll, esc to close",
    group_navigation="Navigation",
    group_search="Search",
    group_copy_export="Copy and export",
    group_view="View",
    search_placeholder="Search…",
    match_count="{count} matches",
    match_count_one="1 match",
    match_none="no matches",
    match_position="{position}/{count}",
    no_matches="No search matches; press / to search",
    palette_placeholder="Search entries and commands…",
    palette_go_to="go to",
    palette_search_text="Search the text for “{query}”",
    group_legend="Legend",
    legend_grouping="a grouping of ours, not a subheading of the release",
    legend_release_heading="a subheading of the release, in exports",
    legend_title="a title of ours; the release gives none",
    legend_text="a text of ours, not of the release",
    legend_names="a name of ours, not used by the release",
    legend_wording="a name in our wording; the release writes it otherwise",
    legend_inferred="a link the release does not state, inferred by us",
    legend_translation="in English, our translation of the French release",
    legend_addition_mark="[word]",
    legend_addition="in English, a translator’s addition",
    legend_cut="a cut in a text quoted from the release",
    legend_underlined_mark="underlined",
    legend_underlined="in a source paragraph, the words an entry quotes from it",
    legend_highlighted_mark="highlighted",
    legend_highlighted="a match of the search",
    export_prompt="Export what, in which format, to which file?",
    export_all="Whole agreement",
    format_text="Text",
    format_markdown="Markdown",
    format_json="JSON",
    palette_export="Export: {scope}, {format}",
    exported_all="Exported the whole agreement to {path}",
    export_button="Export",
    cancel_button="Cancel",
    confirm_replace="{path} already exists. Replace it?",
    yes_button="Yes (y)",
    no_button="No (n)",
    exported_title="Exported",
    exported="Exported the {section} section to {path}",
    downloading="Downloading {name}",
    export_cancelled="Export cancelled; nothing was written",
    export_failed_title="Export failed",
    write_exists="{path}: already exists",
    write_no_home="{path}: cannot find the home folder of {user}",
    write_no_working_folder="{path}: the working folder no longer exists; use an absolute path",
    write_folder_unusable="{path}: cannot write to {folder}: {reason}",
    write_parent_not_folder="{path}: {folder} is not a folder",
    write_is_folder="{path}: is a folder; enter a file name",
    write_not_regular="{path}: not a regular file; enter a file name",
    write_bad_name="{path}: not a valid file name here",
    write_path_too_long="{path}: the path is {size:,} bytes; the limit is {limit:,}",
    write_name_too_long="{path}: a name is {size} bytes; the limit is {limit}",
    write_failed="{path}: cannot write: {reason}",
    copied="Copied: {start}",
    copied_section="Copied the {section} section: {start}",
    cannot_copy_title="Cannot copy",
    cannot_copy=(
        "Browsers allow copying only on pages from this machine or over https; "
        "press e to download the section instead."
    ),
    watch_invalid=(
        "{file} is not valid: the last valid version stays shown until the next valid "
        "save. Problems: {count}"
    ),
    watch_gone="{file} is gone: the last version read stays shown.",
    watch_reloaded="{file} read again: this is the version saved.",
    web_session_ended="Session ended.",
    web_restart="Start again",
    web_too_many_tabs="Too many tabs open (at most {max_tabs}): close one, then reload this page.",
    web_idle_closed="Closed after {minutes} minutes without activity; reload the page to resume.",
    web_token_needed=(
        "This page opens with the full address that `accordtui serve` prints when it starts "
        "(with its token)."
    ),
    web_wrong_host="Address refused: this server answers only to {authority}.",
    web_wrong_origin="Refused: only the page served here may connect.",
    web_not_websocket="This address expects a WebSocket connection.",
)

CATALOGUES: dict[Lang, Labels] = {"fr": FR, "en": EN}


def labels_for(lang: Lang) -> Labels:
    """The catalogue of `lang`."""
    return CATALOGUES[lang]


def label(key: str, lang: Lang) -> str:
    """The word named `key` in `lang`, for callers that choose the word at run time."""
    word = getattr(labels_for(lang), key)
    assert isinstance(word, str)
    return word
