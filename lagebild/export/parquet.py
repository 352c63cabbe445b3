"""Parquet tables (pyarrow): articles, entities, quotes, events, timexes.

One file per table, each with a fixed schema, so an empty knowledge base still gives readable
files with the right columns. Offsets (``start``/``end``) point into ``articles.text``; nested
spans (speaker, cue, source, target, …) are flattened to ``<name>_start``/``_end``/``_text``.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO, Any

from lagebild.export.common import iter_stored
from lagebild.records import Span
from lagebild.store import Store

__all__ = ["TABLES", "parquet_tables", "write_parquet", "write_parquet_table"]

TABLES: tuple[str, ...] = ("articles", "entities", "quotes", "events", "timexes")


def _schemas() -> dict[str, Any]:
    import pyarrow as pa

    def span(name: str) -> list[tuple[str, Any]]:
        return [(f"{name}_start", pa.int64()), (f"{name}_end", pa.int64()), (f"{name}_text", pa.string())]

    record = [
        ("article_id", pa.string()),
        ("seq", pa.int64()),
        ("start", pa.int64()),
        ("end", pa.int64()),
        ("text", pa.string()),
        ("component", pa.string()),
    ]
    return {
        "articles": pa.schema(
            [
                ("id", pa.string()),
                ("source", pa.string()),
                ("url", pa.string()),
                ("published", pa.string()),
                ("published_granularity", pa.string()),
                ("title", pa.string()),
                ("author", pa.string()),
                ("credit", pa.string()),
                ("language", pa.string()),
                ("duplicate_of", pa.string()),
                ("similarity", pa.float64()),
                ("ingested_at", pa.timestamp("us", tz="UTC")),
                ("text", pa.string()),
            ]
        ),
        "entities": pa.schema(
            [
                *record,
                ("label", pa.string()),
                ("actor_id", pa.string()),
                ("actor_name", pa.string()),
                ("link", pa.string()),
                ("confidence", pa.float64()),
            ]
        ),
        "quotes": pa.schema(
            [
                *record,
                ("list", pa.string()),
                ("kind", pa.string()),
                *span("speaker"),
                ("speaker_actor_id", pa.string()),
                *span("cue"),
                *span("addressee"),
                ("mood", pa.string()),
                ("confidence", pa.float64()),
            ]
        ),
        "events": pa.schema(
            [
                *record,
                ("type", pa.string()),
                ("mode", pa.string()),
                ("source_actor_id", pa.string()),
                ("target_actor_id", pa.string()),
                *span("source"),
                *span("target"),
                *span("place"),
                ("place_id", pa.string()),
                ("date", pa.string()),
                ("attributed_to", pa.string()),
                ("confidence", pa.float64()),
            ]
        ),
        "timexes": pa.schema(
            [
                *record,
                ("type", pa.string()),
                ("value", pa.string()),
                ("anchor", pa.string()),
                ("modifier", pa.string()),
                ("candidates", pa.list_(pa.string())),
                ("interval_start", pa.string()),
                ("interval_end", pa.string()),
            ]
        ),
    }


def _span(name: str, span: Span | None) -> dict[str, Any]:
    return {
        f"{name}_start": span.start if span else None,
        f"{name}_end": span.end if span else None,
        f"{name}_text": span.text if span else None,
    }


def _base(record: Any, seq: int) -> dict[str, Any]:
    return {
        "article_id": record.article_id,
        "seq": seq,
        "start": record.start,
        "end": record.end,
        "text": record.text,
        "component": record.component,
    }


def _rows(store: Store) -> dict[str, list[dict[str, Any]]]:
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    for stored in iter_stored(store):
        analysis = stored.analysis
        a = analysis.article
        rows["articles"].append(
            {
                "id": a.id,
                "source": a.source,
                "url": a.url,
                "published": a.published.value if a.published else None,
                "published_granularity": a.published.granularity if a.published else None,
                "title": a.title,
                "author": a.author,
                "credit": a.credit,
                "language": a.language,
                "duplicate_of": stored.duplicate_of,
                "similarity": stored.similarity,
                "ingested_at": stored.ingested_at,
                "text": a.text,
            }
        )
        for seq, m in enumerate(analysis.entities or ()):
            rows["entities"].append(
                {
                    **_base(m, seq),
                    "label": m.label,
                    "actor_id": m.actor_id,
                    "actor_name": m.actor_name,
                    "link": m.link,
                    "confidence": m.confidence,
                }
            )
        for list_name in ("quotes", "reported"):
            for seq, q in enumerate(getattr(analysis, list_name) or ()):
                rows["quotes"].append(
                    {
                        **_base(q, seq),
                        "list": list_name,
                        "kind": q.kind,
                        **_span("speaker", q.speaker),
                        "speaker_actor_id": q.speaker_actor_id,
                        **_span("cue", q.cue),
                        **_span("addressee", q.addressee),
                        "mood": q.mood,
                        "confidence": q.confidence,
                    }
                )
        for seq, e in enumerate(analysis.events or ()):
            rows["events"].append(
                {
                    **_base(e, seq),
                    "type": e.type,
                    "mode": e.mode,
                    "source_actor_id": e.source_actor_id,
                    "target_actor_id": e.target_actor_id,
                    **_span("source", e.source),
                    **_span("target", e.target),
                    **_span("place", e.place),
                    "place_id": e.place_id,
                    "date": e.date,
                    "attributed_to": e.attributed_to,
                    "confidence": e.confidence,
                }
            )
        for seq, t in enumerate(analysis.timexes or ()):
            rows["timexes"].append(
                {
                    **_base(t, seq),
                    "type": t.type,
                    "value": t.value,
                    "anchor": t.anchor,
                    "modifier": t.modifier,
                    "candidates": list(t.candidates),
                    "interval_start": t.interval[0] if t.interval else None,
                    "interval_end": t.interval[1] if t.interval else None,
                }
            )
    return rows


def parquet_tables(store: Store) -> dict[str, Any]:
    """The five tables as ``pyarrow.Table`` objects."""
    import pyarrow as pa

    schemas = _schemas()
    return {name: pa.Table.from_pylist(rows, schema=schemas[name]) for name, rows in _rows(store).items()}


def write_parquet_table(store: Store, table: str, out: IO[bytes]) -> int:
    """Write one table as a Parquet file to a binary stream; returns its row count."""
    import pyarrow.parquet as pq

    data = parquet_tables(store)[table]
    pq.write_table(data, out)
    return int(data.num_rows)


def write_parquet(store: Store, folder: Path) -> dict[str, int]:
    """Write ``<folder>/<table>.parquet`` for every table; returns the row counts."""
    import pyarrow.parquet as pq

    folder.mkdir(parents=True, exist_ok=True)
    counts = {}
    for name, data in parquet_tables(store).items():
        pq.write_table(data, folder / f"{name}.parquet")
        counts[name] = int(data.num_rows)
    return counts
