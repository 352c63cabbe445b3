"""PLOVER-style event records (JSON), with the field names of the PLOVER gold-standard records.

Field names follow ``PLOVER_GSR_CAMEO.json`` (Open Event Data Alliance, PLOVER 0.5b1, see
``../shared/data/plover-gsr/SOURCE.md``): ``id``, ``date``, ``source``/``target`` (lists of
``{actorText, code}``, or ``""`` when there is none), ``event``, ``eventText``, ``mode``,
``context``, ``eventLoc``, ``text`` (the sentence), ``textInfo.markup`` (inline ``(SRC: ..)``,
``(TAR: ..)``, ``(EVT: ..)``, ``(LOC: ..)``), ``language``, ``publication``, ``coder``,
``version``, ``dateCoded``, ``comment``. Lagebild adds ``articleId`` and ``offsets`` (character
offsets into the article text) so every record can be traced back.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from lagebild.export.common import iter_stored, paragraph_of
from lagebild.records import Article, Event, Span
from lagebild.store import Store, StoredArticle

__all__ = ["plover_records", "write_plover"]


def _actors(span: Span | None, code: str | None) -> list[dict[str, str]] | str:
    if span is None and code is None:
        return ""
    entry = {"actorText": span.text if span is not None else ""}
    if code:
        entry["code"] = code
    return [entry]


def _markup(article: Article, event: Event, sentence: Span) -> str:
    """The sentence with PLOVER GSR inline markup around source, target, event and place."""
    parts: list[tuple[int, int, str]] = []
    same = (
        event.source is not None
        and event.target is not None
        and ((event.source.start, event.source.end) == (event.target.start, event.target.end))
    )
    if event.source is not None:
        parts.append((event.source.start, event.source.end, "SRC/TAR" if same else "SRC"))
    if event.target is not None and not same:
        parts.append((event.target.start, event.target.end, "TAR"))
    parts.append((event.start, event.end, "EVT"))
    if event.place is not None:
        parts.append((event.place.start, event.place.end, "LOC"))
    out: list[str] = []
    position = sentence.start
    for start, end, tag in sorted(p for p in parts if sentence.start <= p[0] and p[1] <= sentence.end):
        if start < position:  # overlapping spans: keep the first
            continue
        out.append(article.text[position:start])
        out.append(f"({tag}: {article.text[start:end]})")
        position = end
    out.append(article.text[position : sentence.end])
    return "".join(out)


def _record(stored: StoredArticle, seq: int, event: Event) -> dict[str, Any]:
    article = stored.analysis.article
    sentence = paragraph_of(article, event.start, event.end)
    component, _, version = event.component.partition("@")
    record: dict[str, Any] = {
        "id": f"{article.id}-{seq:04d}",
        "date": event.date or (article.published.value if article.published else None),
        "source": _actors(event.source, event.source_actor_id),
        "target": _actors(event.target, event.target_actor_id),
        "event": event.type,
        "eventText": event.text,
        "mode": event.mode,
        "context": "",
        "text": sentence.text,
        "textInfo": {"markup": _markup(article, event, sentence)},
        "language": article.language,
        "publication": article.credit or article.source or "",
        "coder": component,
        "version": version,
        "dateCoded": stored.ingested_at.date().isoformat(),
        "articleId": article.id,
        "offsets": {"start": event.start, "end": event.end},
    }
    if event.place is not None:
        record["eventLoc"] = {"placeText": event.place.text, "code": event.place_id or ""}
    if event.attributed_to:
        record["comment"] = f"attributed to {event.attributed_to}"
    if event.confidence is not None:
        record["confidence"] = event.confidence
    return record


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
