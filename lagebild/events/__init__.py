"""Who did what to whom: PLOVER events in German news (issue #8, docs/events.md).

``find_events(doc)`` is a pure function over a parsed, linked ``Doc``; the spaCy component
``lagebild_events`` (``lagebild.events.component``, version ``lagebild.events.v1``) stores its
results as ``doc.spans["events"]`` with ``Span._.event`` (``records.Event``).
"""

from __future__ import annotations

import logging

from lagebild.events.extract import COMPONENT, Found, find_events
from lagebild.events.lexicon import PLOVER_TYPES, EventLexicon, load_lexicon

__all__ = ["COMPONENT", "PLOVER_TYPES", "EventLexicon", "Found", "find_events", "load_lexicon"]

logging.getLogger(__name__).addHandler(logging.NullHandler())
