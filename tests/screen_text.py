"""What a terminal would show, as text: read from the app's own SVG screenshot."""

from __future__ import annotations

import html
import re

from textual.app import App

_TEXT = re.compile(r'<text[^>]*y="([\d.]+)"[^>]*>([^<]*)</text>')


def screen_lines(app: App[None]) -> list[str]:
    """The screen's lines, top to bottom, with no-break spaces as plain spaces."""
    lines: dict[float, list[str]] = {}
    svg = app.export_screenshot()
    body = svg[svg.index("-matrix") :]  # the terminal cells, not the window title
    for match in _TEXT.finditer(body):
        lines.setdefault(float(match.group(1)), []).append(html.unescape(match.group(2)))
    return ["".join(parts).replace("\u00a0", " ").rstrip() for _, parts in sorted(lines.items())]


def screen_words(app: App[None]) -> set[str]:
    """Every word on screen."""
    lines = [re.sub(r"accord-\S+", "", line) for line in screen_lines(app)]  # file names
    return {w for line in lines for w in re.findall(r"[^\W\d_]+", line)}
