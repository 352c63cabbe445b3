"""Entity linking (issue #5): mentions -> KB actors and places, with the way and a confidence.

``link_doc`` is the pure function over a ``Doc``; ``lagebild.link.component`` registers the spaCy
component ``lagebild_linker`` (version ``lagebild.link.v1``); ``evaluate_linking`` scores it on
the seed gold. See ``docs/linking.md``.
"""

from __future__ import annotations

import logging

from lagebild.link.resolve import CONFIDENCE, LINK_WAYS, Link, link_doc, normalize_local

__all__ = ["CONFIDENCE", "LINK_WAYS", "Link", "link_doc", "normalize_local"]

logging.getLogger(__name__).addHandler(logging.NullHandler())
