"""The tables, written once in SQLAlchemy Core for both backends.

``articles`` has a surrogate integer key ``num`` next to the content-hash ``id``: SQLite's FTS5
external-content table addresses rows by rowid, and a rowid that is not an ``INTEGER PRIMARY KEY``
may change on ``VACUUM`` (https://www.sqlite.org/lang_vacuum.html), which would silently point the
index at the wrong articles. ``id`` stays the natural key (``UNIQUE``) that every foreign key uses.

Each extraction table keeps the record's main fields as columns (for filters and joins) and the
full record JSON in ``data`` (``record.to_json()``), so later issues can add columns without losing
what earlier versions stored. ``seq`` keeps the order of the Analysis list.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    SmallInteger,
    Table,
    Text,
)
from sqlalchemy.dialects.postgresql import BYTEA, JSONB

__all__ = [
    "LIST_TABLES",
    "MIGRATIONS_TABLE",
    "analyses",
    "articles",
    "metadata",
    "migrations_table",
]

MIGRATIONS_TABLE = "lagebild_migrations"

metadata = MetaData()

# JSONB on PostgreSQL (binary, indexable); JSON text on SQLite.
JsonType = JSON().with_variant(JSONB(), "postgresql")
# INTEGER PRIMARY KEY is the rowid alias on SQLite; BIGINT (identity) on PostgreSQL.
KeyType = BigInteger().with_variant(Integer(), "sqlite")
BlobType = LargeBinary().with_variant(BYTEA(), "postgresql")

migrations_table = Table(
    MIGRATIONS_TABLE,
    metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("name", Text, nullable=False),
    Column("applied_at", DateTime(timezone=True), nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("num", KeyType, primary_key=True, autoincrement=True),
    Column("id", Text, nullable=False, unique=True),
    Column("source", Text),
    Column("url", Text),
    Column("published_value", Text),
    Column("published_granularity", Text),
    # First and last day the publication date can denote (a month → its first and last day),
    # so range filters work on all granularities.
    Column("published_first_day", Date),
    Column("published_last_day", Date),
    Column("title", Text),
    Column("author", Text),
    Column("lead", Text),
    Column("credit", Text),
    Column("language", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("subheadings", JsonType, nullable=False),
    Column("paragraphs", JsonType, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Column("duplicate_of", Text, ForeignKey("articles.id", ondelete="SET NULL")),
    Column("similarity", Float),
    Column("minhash", BlobType),
)
Index("ix_articles_published", articles.c.published_first_day)
Index("ix_articles_published_last", articles.c.published_last_day)
Index("ix_articles_source", articles.c.source)
Index("ix_articles_duplicate_of", articles.c.duplicate_of)

analyses = Table(
    "analyses",
    metadata,
    Column("article_id", Text, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("contract", Text, nullable=False),
    Column("components", JsonType, nullable=False),
    # Names of the Analysis lists that were present (absent ≠ found nothing).
    Column("lists", JsonType, nullable=False),
    Column("analyzed_at", DateTime(timezone=True), nullable=False),
)


def _extraction_table(name: str, *columns: Column[object], spans: bool = True) -> Table:
    base: list[Column[object]] = [
        Column("pk", KeyType, primary_key=True, autoincrement=True),
        Column("article_id", Text, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        Column("seq", Integer, nullable=False),
    ]
    if spans:
        base += [
            Column("start", Integer, nullable=False),
            Column("end", Integer, nullable=False),
            Column("text", Text, nullable=False),
            Column("component", Text, nullable=False),
        ]
    table = Table(name, metadata, *base, *columns, Column("data", JsonType, nullable=False))
    Index(f"ix_{name}_article", table.c.article_id, table.c.seq)
    return table


entities = _extraction_table(
    "entities",
    Column("label", Text, nullable=False),
    Column("actor_id", Text),
    Column("actor_name", Text),
    Column("link", Text),
    Column("confidence", Float),
)
Index("ix_entities_actor", entities.c.actor_id)


def _quote_table(name: str) -> Table:
    return _extraction_table(
        name,
        Column("kind", Text, nullable=False),
        Column("speaker_text", Text),
        Column("speaker_actor_id", Text),
        Column("cue_text", Text),
        Column("mood", Text),
        Column("confidence", Float),
    )


quotes = _quote_table("quotes")
reported = _quote_table("reported")
Index("ix_quotes_speaker", quotes.c.speaker_actor_id)
Index("ix_reported_speaker", reported.c.speaker_actor_id)

timexes = _extraction_table(
    "timexes",
    Column("type", Text, nullable=False),
    Column("value", Text, nullable=False),
    Column("anchor", Text),
    Column("modifier", Text),
)

events = _extraction_table(
    "events",
    Column("type", Text, nullable=False),
    Column("mode", Text, nullable=False),
    Column("source_actor_id", Text),
    Column("target_actor_id", Text),
    Column("place_id", Text),
    Column("date", Text),
    Column("confidence", Float),
)
Index("ix_events_type", events.c.type)

claims = _extraction_table(
    "claims",
    Column("actor_id", Text),
    Column("concept", Text, nullable=False),
    Column("agreement", SmallInteger, nullable=False),
)
Index("ix_claims_concept", claims.c.concept)

# Actors have no span: the Analysis lists the actors the article's mentions link to.
actors = _extraction_table(
    "actors",
    Column("actor_id", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("type", Text, nullable=False),
    Column("country", Text),
    spans=False,
)

# Analysis list name → its table (the list names of ``Analysis.LISTS``).
LIST_TABLES: dict[str, Table] = {
    "entities": entities,
    "actors": actors,
    "quotes": quotes,
    "reported": reported,
    "timexes": timexes,
    "events": events,
    "claims": claims,
}
