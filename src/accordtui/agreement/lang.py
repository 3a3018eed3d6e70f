"""The two languages of the agreement, apart from the model.

Every layer names a language; only validation needs pydantic. Kept here, the name
costs no import of the model, so a cached start can paint before pydantic loads.
"""

from __future__ import annotations

from typing import Literal

Lang = Literal["fr", "en"]
"""`fr` is the original language of the release; `en` is our translation."""

LANGS: tuple[Lang, ...] = ("fr", "en")
