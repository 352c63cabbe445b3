"""Quotes and reported speech: who said what (issue #6, docs/quotes.md).

``find_quotes(doc)`` is the pure rule function; ``lagebild.quotes.component`` registers the spaCy
component ``lagebild_quotes`` (versioned name ``lagebild.quotes.v1``); ``evaluate_quotes(shared)``
measures it on the seed gold and on wikinews-quotation-2024 dev.
"""

from __future__ import annotations

from lagebild.quotes.extract import COMPONENT, Found, find_quotes
from lagebild.quotes.lexicon import CueLexicon, load_cues

__all__ = ["COMPONENT", "CueLexicon", "Found", "find_quotes", "load_cues"]
