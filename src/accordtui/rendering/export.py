"""Export: pure functions from the validated model to text. No I/O here."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Literal

from accordtui.agreement.model import Agreement, Lang
from accordtui.rendering import markdown_text as md
from accordtui.rendering.document import (
    Block,
    Bullets,
    Document,
    Field,
    Heading,
    Note,
    Para,
    Quotation,
    colon,
)
from accordtui.rendering.labels import SECTIONS, Section, label
from accordtui.rendering.textwidth import cell_width
from accordtui.rendering.textwidth import wrap as _wrap

Format = Literal["text", "markdown", "json"]
FORMATS: tuple[Format, ...] = ("text", "markdown", "json")
EXPORT_SECTIONS: tuple[str, ...] = (*SECTIONS, "all")

MIN_WIDTH = 20

_JSON_FIELDS: dict[str, tuple[str, ...]] = {
    "overview": ("title", "kind", "publication", "lead", "signing", "overview"),
    "parties": ("parties", "people"),
    "objectives": ("objectives",),
    "themes": ("themes",),
    "quotes": ("quotes",),
    "source": ("release",),
}


def render(
    agreement: Agreement,
    section: str,
    fmt: Format = "text",
    lang: Lang = "fr",
    width: int = 80,
) -> str:
    """One section (or `all`) of the agreement in a format and language."""
    if fmt == "json":
        return render_json(agreement, section)
    return render_document(Document(agreement), section, fmt, lang, width)


def render_document(
    doc: Document, section: str, fmt: Format = "text", lang: Lang = "fr", width: int = 80
) -> str:
    """As `render`, from an already indexed document (the browser keeps one)."""
    sections: Sequence[Section] = SECTIONS if section == "all" else (_section(section),)
    blocks: list[Block] = []
    if section == "all":
        blocks.append(Heading(doc.agreement.title.pick(lang), 1))
    if lang == "en":
        blocks.append(Para(label("translation_note", lang)))
    for name in sections:
        blocks.extend(doc.section_blocks(name, lang))
    return render_blocks(blocks, fmt, lang, width)


def render_blocks(blocks: Iterable[Block], fmt: Format, lang: Lang, width: int = 80) -> str:
    """Blocks as plain text or Markdown; used for export and for copying from the app."""
    if fmt == "markdown":
        parts = [_markdown(b, lang) for b in blocks]
    else:
        parts = [_text(b, lang, max(width, MIN_WIDTH)) for b in blocks]
    return "\n\n".join(parts) + "\n"


def render_json(agreement: Agreement, section: str) -> str:
    """JSON holds both languages; `all` re-validates to an equal model."""
    data = agreement.model_dump(mode="json", exclude_none=True)
    if section != "all":
        data = {name: data[name] for name in _JSON_FIELDS[_section(section)] if name in data}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _section(name: str) -> Section:
    for section in SECTIONS:
        if section == name:
            return section
    raise ValueError(f"unknown section {name!r}; expected one of: {', '.join(EXPORT_SECTIONS)}")


def quote_marks(lang: Lang) -> tuple[str, str]:
    return ("«\u00a0", "\u00a0»") if lang == "fr" else ("“", "”")


_UNDERLINES = {1: "=", 2: "-", 3: "~"}


def _text(block: Block, lang: Lang, width: int) -> str:
    if isinstance(block, Heading):
        underline = _UNDERLINES[block.level]
        heading = _wrap(block.text, width)
        longest = max(cell_width(line) for line in heading.splitlines())
        return f"{heading}\n{underline * longest}"
    if isinstance(block, Para | Note):
        return _wrap(block.text, width)
    if isinstance(block, Field):
        return _wrap(f"{block.name}{colon(lang)} {block.value}", width, rest="  ")
    if isinstance(block, Bullets):
        items = [_wrap(item, width, "- ", "  ") for item in block.items]
        return "\n".join([f"{block.name}{colon(lang)}", *items] if block.name else items)
    return _wrap(quoted(block, lang), width, "  ", "  ")


def quoted(block: Quotation, lang: Lang) -> str:
    """The quote in the language's quotation marks, marked when it is our translation."""
    opening, closing = quote_marks(lang)
    text = f"{opening}{block.text}{closing}"
    return f"{text} ({label('translated', lang)})" if block.translated else text


def _markdown(block: Block, lang: Lang) -> str:
    if isinstance(block, Heading):
        return md.heading(block.text, block.level)
    if isinstance(block, Para):
        return md.paragraph(block.text)
    if isinstance(block, Note):
        return md.emphasis(block.text)
    if isinstance(block, Field):
        return f"**{md.inline(block.name)}{colon(lang)}** {md.paragraph(block.value)}"
    if isinstance(block, Bullets):
        items = [md.list_item(i) for i in block.items]
        heading = [f"**{md.inline(block.name)}{colon(lang)}**", ""] if block.name else []
        return "\n".join([*heading, *items])
    return md.block_quote(quoted(block, lang))
