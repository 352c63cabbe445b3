"""Knowledge base of actors and places: aliases, dated roles, demonyms and metonyms.

Built by ``python -m lagebild.kb.build`` from the open data in ``../shared/data/kb`` plus
``data/curated.yaml`` into ``data/kb.json.gz``, which ships with the package (``docs/kb.md``)::

    from lagebild.kb import load_kb

    kb = load_kb()
    kb.lookup("Selenskyjs")                 # [Candidate("zelensky", 0.855, "alias")]
    kb.holders(kb.role_key("US-Präsident"), on="2025-02")   # [Actor(id="trump", …)]
    kb.demonym("russischem"), kb.metonym("des Kremls"), kb.place("Moskau")
"""

from __future__ import annotations

import logging

from lagebild.kb.base import FUZZY_THRESHOLD, KB_FILE, KnowledgeBase, load_kb
from lagebild.kb.model import Candidate, Place
from lagebild.kb.userdata import ACTOR_TYPES, add_actor_to_yaml

__all__ = [
    "ACTOR_TYPES",
    "FUZZY_THRESHOLD",
    "KB_FILE",
    "Candidate",
    "KnowledgeBase",
    "Place",
    "add_actor_to_yaml",
    "load_kb",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())
