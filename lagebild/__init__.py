"""Lagebild: German news articles in, a sourced and queryable picture of politics out.

Public API::

    import lagebild
    for article in lagebild.read("artikel.txt"):
        analysis = lagebild.analyze(article)
        print(analysis.to_json())
"""

from __future__ import annotations

import logging

from lagebild.analyze import analyze, analyze_many
from lagebild.errors import LagebildError
from lagebild.ingest import read, read_many
from lagebild.records import (
    CONTRACT_VERSION,
    Actor,
    Analysis,
    Article,
    Claim,
    Event,
    Mention,
    Published,
    Quote,
    Role,
    Span,
    Timex,
)
from lagebild.settings import Settings

__all__ = [
    "CONTRACT_VERSION",
    "Actor",
    "Analysis",
    "Article",
    "Claim",
    "Event",
    "LagebildError",
    "Mention",
    "Published",
    "Quote",
    "Role",
    "Settings",
    "Span",
    "Timex",
    "analyze",
    "analyze_many",
    "read",
    "read_many",
]

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())
