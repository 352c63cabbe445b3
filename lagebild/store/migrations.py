"""Numbered schema migrations, recorded in ``lagebild_migrations`` (after sqlite-utils' migrations).

Each migration is a function of a connection that already holds the migration transaction and
branches on the dialect where SQL differs. ``apply_migrations`` runs the pending ones in order,
each in its own transaction together with the row that records it, so a failed migration leaves
the database at the previous version. Migrations are append-only: never edit a released one; add
the next number. When a later migration alters a table, freeze the table definitions migration 1
uses (today ``schema.metadata``) into explicit DDL first.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, func, select, text

from lagebild.errors import LagebildError
from lagebild.store import schema

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "Migration", "apply_migrations", "current_version"]

logger = logging.getLogger(__name__)

# An arbitrary constant: the PostgreSQL advisory lock that serializes concurrent migrators.
_PG_MIGRATION_LOCK = 7_340_117


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    apply: Callable[[Connection], None]


def _m0001_tables(conn: Connection) -> None:
    tables = [t for t in schema.metadata.sorted_tables if t.name != schema.MIGRATIONS_TABLE]
    schema.metadata.create_all(conn, tables=tables)


# SQLite: an external-content FTS5 table over articles(title, text), kept in sync by triggers
# (https://www.sqlite.org/fts5.html#external_content_tables). ``remove_diacritics 2`` folds
# "Gespräch"/"Gesprach"; the prefix indexes make the stem-prefix queries of ``fts.py`` cheap.
_SQLITE_FTS = [
    """CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='num',
        tokenize='unicode61 remove_diacritics 2', prefix='3 5')""",
    """CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.num, new.title, new.text);
    END""",
    """CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.num, old.title, old.text);
    END""",
    """CREATE TRIGGER articles_fts_au AFTER UPDATE OF title, text ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.num, old.title, old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.num, new.title, new.text);
    END""",
    "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')",
]

# PostgreSQL: a stored generated tsvector (German Snowball stemming; title weighted above text)
# with a GIN index; ``ts_rank`` ranks and ``ts_headline`` cuts snippets.
_PG_FTS = [
    """ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('german', coalesce(title, '')), 'A') ||
        setweight(to_tsvector('german', text), 'B')) STORED""",
    "CREATE INDEX ix_articles_search ON articles USING GIN (search)",
]


def _m0002_fulltext(conn: Connection) -> None:
    statements = _PG_FTS if conn.dialect.name == "postgresql" else _SQLITE_FTS
    for statement in statements:
        conn.exec_driver_sql(statement)


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "tables", _m0001_tables),
    Migration(2, "fulltext", _m0002_fulltext),
)
SCHEMA_VERSION = MIGRATIONS[-1].version


def current_version(conn: Connection) -> int:
    """The highest applied migration (0 for an empty database)."""
    if not conn.dialect.has_table(conn, schema.MIGRATIONS_TABLE):
        return 0
    version = conn.execute(select(func.max(schema.migrations_table.c.version))).scalar()
    return int(version or 0)


def _check_not_newer(version: int, where: str) -> None:
    if version > SCHEMA_VERSION:
        raise LagebildError(
            "E202",
            f"database schema version {version} is newer than this Lagebild supports "
            f"({SCHEMA_VERSION}): upgrade Lagebild to open it",
            source=where,
        )


def apply_migrations(engine: Engine, where: str) -> int:
    """Apply pending migrations; returns the schema version. Raises E202 if the database is newer."""
    with engine.connect() as conn:
        version = current_version(conn)
        conn.rollback()
    _check_not_newer(version, where)
    for migration in MIGRATIONS:
        if migration.version <= version:
            continue
        with engine.connect().execution_options(sqlite_begin="IMMEDIATE") as conn, conn.begin():
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_MIGRATION_LOCK})
            schema.migrations_table.create(conn, checkfirst=True)
            # Another process may have migrated while we waited for the lock.
            version = current_version(conn)
            _check_not_newer(version, where)
            if migration.version <= version:
                continue
            logger.info("%s: applying migration %d (%s)", where, migration.version, migration.name)
            migration.apply(conn)
            conn.execute(
                schema.migrations_table.insert().values(
                    version=migration.version, name=migration.name, applied_at=datetime.now(UTC)
                )
            )
            version = migration.version
    return version
