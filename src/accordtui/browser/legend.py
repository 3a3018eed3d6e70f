"""What each mark of the browser and the exports means, for the help screen.

The marks are read from the same catalogue that prints them, so the legend cannot
name a mark the reader never sees, nor miss one that changed.
"""

from __future__ import annotations

from accordtui.rendering.labels import Labels


def legend_rows(words: Labels) -> list[tuple[str, str]]:
    """(mark, meaning) rows under the legend's heading (a row whose mark is empty)."""
    return [
        ("", words.group_legend),
        (words.grouping_mark, words.legend_grouping),
        (words.editorial_grouping, words.legend_grouping),
        (words.release_heading, words.legend_release_heading),
        (words.editorial_title, words.legend_title),
        (words.editorial_text, words.legend_text),
        (words.editorial_names, words.legend_names),
        (f"({words.editorial_name})", words.legend_wording),
        (f"({words.inferred})", words.legend_inferred),
        (words.translated_paragraph, words.legend_translation),
        (words.legend_addition_mark, words.legend_addition),
        ("[…]", words.legend_cut),
        (words.legend_underlined_mark, words.legend_underlined),
        (words.legend_highlighted_mark, words.legend_highlighted),
    ]
