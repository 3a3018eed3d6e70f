"""Export: pure functions from the validated model to text. No I/O here."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Literal

from accordtui import __version__
from accordtui.agreement.lang import Lang
from accordtui.rendering import markdown_text as md
from accordtui.rendering.anchors import HeadingNames, anchors
from accordtui.rendering.blocks import (
    Block,
    Bullets,
    Field,
    Heading,
    Note,
    Para,
    colon,
    format_date,
    quoted,
)
from accordtui.rendering.document import Document
from accordtui.rendering.labels import SECTIONS, Section, label
from accordtui.rendering.sections import section_blocks
from accordtui.rendering.textwidth import cell_width
from accordtui.rendering.textwidth import wrap as _wrap

if TYPE_CHECKING:
    from accordtui.agreement.model import Agreement

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
    file_name: str | None = None,
) -> str:
    """One section (or `all`) of the agreement in a format and language; `file_name`
    names the agreement file in the text and Markdown header."""
    if fmt == "json":
        return render_json(agreement, section)
    return render_document(Document(agreement, file_name), section, fmt, lang, width)


def render_document(
    doc: Document, section: str, fmt: Format = "text", lang: Lang = "fr", width: int = 80
) -> str:
    """As `render`, from an already indexed document (the browser keeps one)."""
    if fmt == "json":
        return render_json(doc.agreement, section)
    sections: Sequence[Section] = SECTIONS if section == "all" else (_section(section),)
    blocks = header_blocks(doc, lang)
    names = HeadingNames()
    names.blocks(blocks, "")  # the title: taken first, never qualified
    for name in sections:
        if section == "all" and not doc.keys(name):
            continue  # a section the file leaves empty: a heading over nothing reads as a fault
        blocks += names.blocks(section_blocks(doc, name, lang), label(name, lang))
    return render_blocks(blocks, fmt, lang, width)


def header_blocks(doc: Document, lang: Lang) -> list[Block]:
    """What every export begins with: which agreement, from which file and page, made by
    which program."""
    a = doc.agreement
    blocks: list[Block] = [Heading(a.title.pick(lang), 0)]
    if a.title.editorial:
        blocks.append(Note(label("editorial_title", lang)))
    if doc.file_name is not None:
        blocks.append(Field(label("export_file", lang), doc.file_name))
    blocks.append(Field(label("page_date", lang), format_date(a.publication.page_date, lang)))
    if a.publication.url:
        blocks.append(Field(label("release_url", lang), a.publication.url))
    blocks.append(Note(label("exported_by", lang).format(version=__version__)))
    if lang == "en":
        blocks.append(Para(label("translation_note", lang)))
    return blocks


def render_blocks(blocks: Iterable[Block], fmt: Format, lang: Lang, width: int = 80) -> str:
    """Blocks as plain text or Markdown; used for export and for copying from the app.

    In Markdown a link to an entry whose heading is among `blocks` points at it."""
    if fmt == "markdown":
        blocks = list(blocks)
        headings = [b for b in blocks if isinstance(b, Heading)]
        to = anchors((h.key for h in headings), (md.one_line(h.text) for h in headings))
        parts = [_markdown(b, lang, to) for b in blocks]
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


_UNDERLINES = {0: "=", 1: "=", 2: "-", 3: "~", 4: "~"}


def _text(block: Block, lang: Lang, width: int) -> str:
    if isinstance(block, Heading):
        underline = _UNDERLINES.get(block.level, "~")
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


def _markdown(block: Block, lang: Lang, to: dict[str, str]) -> str:
    """One block; `to` gives the anchor of each entry whose heading is exported."""
    if isinstance(block, Heading):
        return md.heading(block.text, block.level + 1)
    if isinstance(block, Para):
        return md.paragraph(block.text)
    if isinstance(block, Note):
        text = block.text
        if len(text) > 2 and text[0] == "[" and text[-1] == "]":  # a note of ours: [*…*]
            return f"\\[{md.emphasis(text[1:-1])}\\]"  # not mistaken for a heading
        return md.emphasis(text)
    if isinstance(block, Field):
        value = _link(block.value, block.link, to) if block.link else md.paragraph(block.value)
        return f"**{md.inline(block.name)}{colon(lang)}** {value}"
    if isinstance(block, Bullets):
        if block.links:
            targets = zip(block.items, block.links, strict=True)
            items = [f"- {_link(text, key, to)}" for text, key in targets]
        else:
            items = [md.list_item(i) for i in block.items]
        heading = [f"**{md.inline(block.name)}{colon(lang)}**", ""] if block.name else []
        return "\n".join([*heading, *items])
    return md.block_quote(quoted(block, lang))


def _link(text: str, key: str, to: dict[str, str]) -> str:
    """A link to the entry's heading, or plain text when its section is not exported."""
    anchor = to.get(key)
    return f"[{md.inline(text)}](#{anchor})" if anchor else md.inline(text)
