"""An entry as a citation ready to paste: the words, who said them, where to find them.

What a reader pastes into an article or a note must need no retouching: no hard
wraps or indentation (the text is one line per paragraph), the language's quotation
marks, the speaker (or the release) on the next line, then the reference a reader
can check: the agreement's title, the release's paragraph, the page's date and the
release's address when the file gives one.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from accordtui.agreement.lang import Lang
from accordtui.rendering.blocks import format_date, quote_marks
from accordtui.rendering.document import Document
from accordtui.rendering.entries import titled
from accordtui.rendering.labels import label
from accordtui.rendering.unfilled import filled

if TYPE_CHECKING:
    from accordtui.agreement.model import Bilingual, Paragraph, Party, Person, Quote
else:  # the model's entries and a cached start's views share these kinds
    from accordtui.agreement.kinds import Paragraph, Party, Person, Quote

_PARAGRAPH_BREAK = re.compile(r"[ \t]*\n(?:[ \t]*\n)+[ \t]*")
_LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")
_SPACES = re.compile(r"[ \t\r\n]+")
"""Where words part; not at a no-break space, which keeps « with its word."""
_UNDERLINE = re.compile(r"^[=~-]+$", re.MULTILINE)
_NESTED = str.maketrans("“”", "‘’")
"""English quotation marks inside an English quotation become single ones."""


def citation(doc: Document, key: str, lang: Lang) -> str:
    """The entry `key` as a citation in `lang`: quoted text, source line, reference."""
    item = doc.entry(key)
    if isinstance(item, Party | Person):
        lines = [_named(doc, key, lang)]
    else:
        lines = quoted(doc.entry_text(key, lang), lang)
        lines.append(f"— {_speaker(doc, key, lang)}")
    lines.append(reference(doc, key, lang))
    return "\n".join(lines) + "\n"


def _named(doc: Document, key: str, lang: Lang) -> str:
    """A party or a person: name, then kind or role (our translation, in English)."""
    item = doc.entry(key)
    if isinstance(item, Party):
        named = f"{item.name} ({item.short_name})" if item.short_name != item.name else item.name
        line = f"{named}, {titled(item.kind, lang)}"
    else:
        assert isinstance(item, Person)
        line = f"{item.name}, {titled(item.role, lang)}"
    return f"{line} ({label('translated', lang)})" if lang == "en" else line


def quoted(text: str, lang: Lang) -> list[str]:
    """`text` in quotation marks, one line per paragraph; English marked as ours.

    Each paragraph opens with a quotation mark and only the last closes, as both
    languages' typography asks of a quotation over several paragraphs.
    """
    opening, closing = quote_marks(lang)
    text = text.strip()
    if text[:1] == opening[:1] and text[-1:] == closing[-1:]:
        opening = closing = ""  # the release's own marks already quote it
    elif lang == "en":
        text = text.translate(_NESTED)
    paragraphs = [_LINE_BREAK.sub(" ", p) for p in _PARAGRAPH_BREAK.split(text.strip())]
    lines = [opening + p for p in paragraphs]
    lines[-1] += closing
    if lang == "en":
        lines[-1] += f" ({label('translated', lang)})"
    return lines


def _speaker(doc: Document, key: str, lang: Lang) -> str:
    """Who said it, as lists name the quote (`speaker_label`); else the release."""
    item = doc.entry(key)
    if isinstance(item, Quote):
        return doc.title(key, lang)
    release = label("cite_release", lang)
    publisher = doc.agreement.publication.publisher
    return f"{release} ({publisher})" if publisher else release


def reference(doc: Document, key: str, lang: Lang) -> str:
    """Agreement title, the release and its paragraph, the page's date, its address."""
    a = doc.agreement
    parts = [_title(a.title, lang), label("cite_source", lang)]
    paragraph = key if isinstance(doc.entry(key), Paragraph) else doc.source_of(key)
    if paragraph is not None:
        number, bullet = doc.release_number(paragraph)
        where = label("cite_bullet" if bullet else "cite_paragraph", lang)
        parts.append(where.format(paragraph=number, bullet=bullet))
    day = format_date(a.publication.page_date, lang)
    parts.append(label("cite_page", lang).format(date=day))
    if a.publication.url:
        parts.append(a.publication.url)
    return ", ".join(parts)


def _title(title: Bilingual, lang: Lang) -> str:
    """The agreement's title as a reader can find it: ours marked as ours; the
    release's own in French as printed, which is what a search finds, then in English
    our translation in brackets, marked (it read as the release's title)."""
    if title.editorial:
        return f"{title.pick(lang)} {label('editorial_title', lang)}"
    if lang == "fr" or not filled(title.en):
        return title.fr
    return f"{title.fr} [{title.en}: {label('translated', lang)}]"


def opening_words(text: str, words: int = 8) -> str:
    """The first words of `text` on one line, for a notice of what was copied.

    A plain-text heading's underline is no word: it is left out.
    """
    found = _SPACES.split(_UNDERLINE.sub("", text).strip(), maxsplit=words)
    start = " ".join(found[:words])
    return f"{start}…" if len(found) > words else start
