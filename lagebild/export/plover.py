"""PLOVER-style event records (JSON), with the field names of the PLOVER gold-standard records.

Field names follow ``PLOVER_GSR_CAMEO.json`` (Open Event Data Alliance, PLOVER 0.5b1, see
``../shared/data/plover-gsr/SOURCE.md``): ``id``, ``date``, ``source``/``target`` (lists of
``{actorText, code}``, or ``""`` when there is none), ``event``, ``eventText``, ``mode``,
``context``, ``eventLoc``, ``text`` (the sentence), ``textInfo.markup`` (inline ``(SRC: ..)``,
``(TAR: ..)``, ``(EVT: ..)``, ``(LOC: ..)``), ``language``, ``publication``, ``coder``,
``version``, ``dateCoded``, ``comment``. Lagebild adds ``articleId`` and ``offsets`` (character
offsets into the article text) so every record can be traced back, and ``ploverMode`` (the PLOVER
mode of the type: phone, visit, …). One record is made by ``lagebild.events.plover.plover_record``,
the same function the events component's users call.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from lagebild.events.plover import plover_record
from lagebild.export.common import iter_stored, paragraph_of
from lagebild.records import Event
from lagebild.store import Store, StoredArticle

__all__ = ["plover_records", "write_plover"]


def _record(stored: StoredArticle, seq: int, event: Event) -> dict[str, Any]:
    article = stored.analysis.article
    return plover_record(
        event,
        article,
        seq=seq,
        coded=stored.ingested_at.date().isoformat(),
        sentence=paragraph_of(article, event.start, event.end),
    )


def plover_records(store: Store) -> list[dict[str, Any]]:
    """Every stored event as a PLOVER GSR-style record."""
    return [
        _record(stored, seq, event)
        for stored in iter_stored(store)
        for seq, event in enumerate(stored.analysis.events or ())
    ]


def write_plover(store: Store, out: TextIO) -> int:
    """Write the events as a JSON array (``[]`` when there are none); returns how many."""
    records = plover_records(store)
    json.dump(records, out, ensure_ascii=False, indent=1)
    out.write("\n")
    return len(records)
