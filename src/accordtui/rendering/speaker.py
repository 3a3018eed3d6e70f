"""Who said a quote, as lists, headings and citations name them.

A quote's `attribution` is the release's words that give its speaker. Printed as a line
above the quote ("Odile Gauthier, Directrice générale de l'IMT :"), it is a name and a
title, the best label there is. Inside the quote's sentence ("», a déclaré Claire
Martin." or "Pour Sophie Bernard, …, «"), its words are not a name: the label is then
the speaker's own name and title, from `people`, as it is while the attribution's
translation is still to write.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from accordtui.agreement.lang import Lang
from accordtui.rendering.unfilled import filled, name_and_title

if TYPE_CHECKING:
    from accordtui.agreement.model import Person, Quote
else:  # the model's entries and a cached start's views share these kinds
    from accordtui.agreement.kinds import Person


def speaker_label(quote: Quote, speaker: object, lang: Lang) -> str:
    """The attribution when it opens with the speaker's name; else that name and title."""
    attribution = quote.attribution.pick(lang)
    if not isinstance(speaker, Person):
        return attribution
    if quote.attribution.fr.startswith(speaker.name) and filled(attribution):
        return attribution
    return name_and_title(speaker, lang)
