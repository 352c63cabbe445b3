"""Records ↔ stored rows: the JSON a record gave (``to_json()``) back into the record.

Reading ignores keys the record does not know, so a database written by a newer version (which
may store more keys in ``data``) still reads with this code.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from datetime import date
from typing import Any

from lagebild.records import (
    Actor,
    Article,
    Claim,
    Event,
    Mention,
    Published,
    Quote,
    Span,
    Timex,
    actor_from_json,
    claim_from_json,
    event_from_json,
    mention_from_json,
    quote_from_json,
    span_from_json,
    timex_from_json,
)

__all__ = [
    "actor_from_json",
    "article_from_row",
    "article_row",
    "claim_from_json",
    "event_from_json",
    "last_day",
    "mention_from_json",
    "quote_from_json",
    "record_from_json",
    "record_row",
    "span_from_json",
    "timex_from_json",
]


_DECODERS: dict[str, Any] = {
    "entities": mention_from_json,
    "actors": actor_from_json,
    "quotes": quote_from_json,
    "reported": quote_from_json,
    "timexes": timex_from_json,
    "events": event_from_json,
    "claims": claim_from_json,
}


def record_from_json(list_name: str, data: Mapping[str, Any], article_id: str) -> Any:
    """The record of Analysis list ``list_name`` stored as ``data`` (its ``to_json()``)."""
    return _DECODERS[list_name](data, article_id)


def _span_text(span: Span | None) -> str | None:
    return span.text if span is not None else None


def record_row(list_name: str, record: Any, article_id: str, seq: int) -> dict[str, Any]:
    """The row of ``record`` (an item of Analysis list ``list_name``) for its table."""
    data = record.to_json()
    row: dict[str, Any] = {"article_id": article_id, "seq": seq, "data": data}
    if list_name == "actors":
        actor: Actor = record
        row.update(actor_id=actor.id, name=actor.name, type=actor.type, country=actor.country)
        return row
    row.update(start=record.start, end=record.end, text=record.text, component=record.component)
    if list_name == "entities":
        m: Mention = record
        row.update(
            label=m.label, actor_id=m.actor_id, actor_name=m.actor_name, link=m.link, confidence=m.confidence
        )
    elif list_name in ("quotes", "reported"):
        q: Quote = record
        row.update(
            kind=q.kind,
            speaker_text=_span_text(q.speaker),
            speaker_actor_id=q.speaker_actor_id,
            cue_text=_span_text(q.cue),
            mood=q.mood,
            confidence=q.confidence,
        )
    elif list_name == "timexes":
        t: Timex = record
        row.update(type=t.type, value=t.value, anchor=t.anchor, modifier=t.modifier)
    elif list_name == "events":
        e: Event = record
        row.update(
            type=e.type,
            mode=e.mode,
            source_actor_id=e.source_actor_id,
            target_actor_id=e.target_actor_id,
            place_id=e.place_id,
            date=e.date,
            confidence=e.confidence,
        )
    elif list_name == "claims":
        c: Claim = record
        row.update(actor_id=c.actor_id, concept=c.concept, agreement=c.agreement)
    else:  # pragma: no cover - LIST_TABLES and Analysis.LISTS agree
        raise KeyError(list_name)
    return row


def last_day(published: Published) -> date:
    """The last day a (day, month or year) publication date can denote."""
    first = published.first_day
    if published.granularity == "year":
        return date(first.year, 12, 31)
    if published.granularity == "month":
        return date(first.year, first.month, calendar.monthrange(first.year, first.month)[1])
    return first


def article_row(article: Article) -> dict[str, Any]:
    """The ``articles`` columns of ``article`` (without ingest bookkeeping)."""
    published = article.published
    return {
        "id": article.id,
        "source": article.source,
        "url": article.url,
        "published_value": published.value if published else None,
        "published_granularity": published.granularity if published else None,
        "published_first_day": published.first_day if published else None,
        "published_last_day": last_day(published) if published else None,
        "title": article.title,
        "author": article.author,
        "lead": article.lead.text if article.lead else None,
        "credit": article.credit,
        "language": article.language,
        "text": article.text,
        "subheadings": [s.to_json() for s in article.subheadings],
        "paragraphs": [{"start": p.start, "end": p.end} for p in article.paragraphs],
    }


def article_from_row(row: Mapping[Any, Any]) -> Article:
    """The Article stored in an ``articles`` row (through ``Article.from_json``)."""
    published = None
    if row["published_value"] is not None:
        published = {"value": row["published_value"], "granularity": row["published_granularity"]}
    return Article.from_json(
        {
            "id": row["id"],
            "source": row["source"],
            "url": row["url"],
            "published": published,
            "title": row["title"],
            "author": row["author"],
            "lead": row["lead"],
            "subheadings": row["subheadings"] or [],
            "credit": row["credit"],
            "language": row["language"],
            "paragraphs": row["paragraphs"] or [],
            "text": row["text"],
        }
    )
