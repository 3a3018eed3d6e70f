"""Data text as inert CommonMark: it renders as the characters written, never as syntax.

Escaping works on two levels. Inline syntax (emphasis, code, links, HTML, entities,
GFM strikethrough and table pipes) can start anywhere, so its characters are
escaped wherever they stand. Block syntax (headings, quotes, lists, rules, setext
underlines, fences, indented code) only starts a line, so `#`, `>`, `-`, `+`, `=`
and `2024.`/`1)` are escaped only there, which keeps French prose readable. Each
builder below places every line of data at a line start of its own block.
"""

from __future__ import annotations

import re

_INLINE = re.compile(r"[\\`*_\[\]<|~]")
"""Mid-line, `>`, `#`, `-`, `+`, `=` and digits cannot start anything."""
_INLINE_IN_HEADING = re.compile(r"[\\`*_\[\]<|~#]")
"""In an ATX heading a trailing run of `#` would be taken as its closing sequence."""
_ENTITY = re.compile(r"&(?=[A-Za-z0-9#])")
"""`&` followed by a name or `#` could start an entity (`&copy;`, `&#169;`); a lone one cannot."""
_BLOCK_START = re.compile(r"[#>+=-]|\d+(?=[.)](?:\s|\Z))")
"""What opens a block at a line start once inline syntax is escaped: headings, quotes,
bullets, setext underlines and rules (`*`, `_`, fences are escaped inline), ordered
list numbers (`2024.` or `1)` followed by a space or the end of the line; any Unicode
space counts, as a no-break space can end up last on a line)."""
_LINE_BREAKS = re.compile(r"[ \t]*(?:\r\n|\r|\n)[ \t]*")
_AUTOLINK = re.compile(r"@|(?<=\w):(?=[\w/])|(?<=\S)\.(?=[^\W\d_])")
"""What GitHub's extended autolinks and linkify need: a scheme's colon (`http:`), a
domain's dot before a letter (`www.imt.fr`, `inria.fr`, and `¢.fr`: linkify takes
symbols for domain letters; not `0.2.0`) and an address's `@`. Escaped, each is a text
character of its own, which no link can span; the text reads the same."""


def _backslash(match: re.Match[str]) -> str:
    return "\\" + match[0]


def _line(text: str, inline: re.Pattern[str] = _INLINE) -> str:
    """One line of data, stripped of the spaces and tabs Markdown would read as indent."""
    escaped = _AUTOLINK.sub(_backslash, inline.sub(_backslash, text.strip(" \t")))
    if "&" in escaped:
        escaped = _ENTITY.sub("&amp;", escaped)
    start = _BLOCK_START.match(escaped)
    if start is None:
        return escaped
    if start[0].isdigit():  # 2024. → 2024\.
        return f"{start[0]}\\{escaped[start.end() :]}"
    return "\\" + escaped


def _lines(text: str) -> list[str]:
    """Lines as CommonMark ends them: at LF, CR or CR LF."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return [_line(line) for line in text.split("\n")]


def one_line(text: str) -> str:
    """Text as a heading shows it: line breaks become spaces, the ends stripped."""
    return _LINE_BREAKS.sub(" ", text).strip(" \t")


def inline(text: str) -> str:
    """Text on one line, as a label or inside emphasis: line breaks become spaces."""
    return _line(_LINE_BREAKS.sub(" ", text).strip())


def emphasis(text: str) -> str:
    """Text on one line in italics; stripped, so that both asterisks take effect."""
    body = inline(text)
    return f"*{body}*" if body else ""


def paragraph(text: str) -> str:
    """Text as paragraphs: each line stays a line, a blank line separates paragraphs."""
    return "\n".join(_lines(text))


def heading(text: str, level: int) -> str:
    """An ATX heading; a newline in the text never splits it, it becomes a space."""
    return f"{'#' * level} {_line(_LINE_BREAKS.sub(' ', text), _INLINE_IN_HEADING)}"


def list_item(text: str) -> str:
    """A bullet list item; later lines are indented under it, blank lines dropped.

    A blank line would end the item and let the next line start a block of its own.
    """
    first, *rest = [line for line in _lines(text) if line] or [""]
    return "\n".join((f"- {first}".rstrip(" "), *(f"  {line}" for line in rest)))


def block_quote(text: str) -> str:
    """Block-quote lines; a blank line in the text separates paragraphs in the quote."""
    return "\n".join(f"> {line}".rstrip(" ") for line in _lines(text))
