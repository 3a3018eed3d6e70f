"""Markdown exports read back by real parsers: the same words as the plain text, one
`#`, sections `##`, entries `###`, people under their party, unique headings, every
link an anchor that exists, and markdownlint (PyMarkdown) clean but for line length."""

from __future__ import annotations

import re
from functools import cache
from urllib.parse import unquote

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.anchors import anchors_plugin
from pymarkdown.api import PyMarkdownApi

from accordtui.agreement.loader import bundled_path, load_agreement
from accordtui.agreement.model import Agreement, Lang
from accordtui.rendering.anchors import HeadingNames
from accordtui.rendering.document import Document
from accordtui.rendering.export import render_document
from accordtui.rendering.labels import SECTIONS, label

COMMONMARK = MarkdownIt("commonmark").use(anchors_plugin, max_level=6)
GFM = MarkdownIt("gfm-like").use(anchors_plugin, max_level=6)
"""GitHub-like: tables, strikethrough, and linkify's bare-address links."""
UNDERLINE = re.compile(r"^[=~-]+$", re.MULTILINE)


@cache
def _exports(lang: Lang) -> tuple[str, str]:
    doc = Document(load_agreement(bundled_path()), "accord.yaml")
    markdown = render_document(doc, "all", "markdown", lang)
    text = render_document(doc, "all", "text", lang, 10**9)
    return markdown, text


def _read_back(tokens: list[Token]) -> str:
    """The text a reader sees: each block's inline text, blocks a space apart."""
    blocks = [
        "".join(
            " " if child.type in ("softbreak", "hardbreak") else child.content
            for child in token.children or []
            if child.type in ("text", "softbreak", "hardbreak")
        )
        for token in tokens
        if token.type == "inline"
    ]
    return " ".join(" ".join(blocks).split())


def _plain(text: str) -> str:
    lines = (line.removeprefix("- ") for line in UNDERLINE.sub("", text).splitlines())
    return " ".join(" ".join(lines).split())


@pytest.mark.parametrize("parser", [COMMONMARK, GFM], ids=["commonmark", "gfm"])
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_parsers_read_back_the_plain_text(
    agreement: Agreement, lang: Lang, parser: MarkdownIt
) -> None:
    markdown, text = _exports(lang)
    assert _read_back(parser.parse(markdown)) == _plain(text)


def _headings(tokens: list[Token]) -> list[tuple[int, str, str]]:
    """(level, text, anchor) of each heading."""
    return [
        (int(token.tag[1]), tokens[index + 1].content, str(token.attrs["id"]))
        for index, token in enumerate(tokens)
        if token.type == "heading_open"
    ]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_headings_nest_and_never_repeat(agreement: Agreement, lang: Lang) -> None:
    headings = _headings(GFM.parse(_exports(lang)[0]))
    levels = {text: level for level, text, _ in headings}
    assert [text for level, text, _ in headings if level == 1] == [agreement.title.pick(lang)]
    assert [text for level, text, _ in headings if level == 2] == [label(s, lang) for s in SECTIONS]
    assert len(levels) == len(headings)  # no heading twice
    for party in agreement.parties:
        assert levels[party.name] == 3
    for person in agreement.people:
        assert levels[person.name] == 4  # under their party, or under "outside the parties"
    for quote in agreement.quotes:
        assert levels[quote.attribution.pick(lang)] == 3
    numbered = label("bullet", lang).format(paragraph=4, bullet=2)
    assert numbered in levels  # the release's items are numbered as references name them


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_link_leads_to_a_heading(agreement: Agreement, lang: Lang) -> None:
    tokens = GFM.parse(_exports(lang)[0])
    anchors = {anchor for _, _, anchor in _headings(tokens)}
    links = [
        unquote(str(child.attrs["href"]))
        for token in tokens
        if token.type == "inline"
        for child in token.children or []
        if child.type == "link_open"
    ]
    assert len(links) > 40
    assert [href for href in links if href.removeprefix("#") not in anchors] == []


def test_markdownlint_finds_nothing_but_long_lines() -> None:
    """French only (1.4 s a scan): the English export has the same structure."""
    result = PyMarkdownApi().disable_rule_by_identifier("md013").scan_string(_exports("fr")[0])
    assert [str(failure) for failure in result.scan_failures] == []
    assert result.pragma_errors == []


def test_repeated_headings_are_qualified_by_section_then_numbered() -> None:
    names = HeadingNames()
    given = [names.unique(text, "Source") for text in ["A", "A", "A", "A (Source)", "B"]]
    assert given == ["A", "A (Source)", "A (Source, 2)", "A (Source) (Source)", "B"]
    assert names.unique("A", "Parties") == "A (Parties)"
    assert len({names.unique("C", "Thèmes") for _ in range(10_000)}) == 10_000
