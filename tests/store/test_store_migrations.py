"""Schema versions: migrations recorded, pending ones applied, a newer database refused (E202)."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

import pytest
from sqlalchemy import create_engine, insert, select

from lagebild.errors import LagebildError
from lagebild.records import Analysis, Article
from lagebild.store import SCHEMA_VERSION, Store, open_store
from lagebild.store import schema as tables
from lagebild.store.migrations import MIGRATIONS


def _engine_url(url: str) -> str:
    return url.replace("postgresql://", "postgresql+psycopg://", 1)


def test_migrations_are_recorded(store: Store, db_url: str) -> None:
    assert store.schema_version == SCHEMA_VERSION == MIGRATIONS[-1].version
    assert [m.version for m in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1))
    engine = create_engine(_engine_url(db_url))
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                select(tables.migrations_table.c.version, tables.migrations_table.c.name).order_by(
                    tables.migrations_table.c.version
                )
            ).all()
    finally:
        engine.dispose()
    assert [tuple(r) for r in rows] == [(m.version, m.name) for m in MIGRATIONS]


def test_reopening_applies_nothing_twice(db_url: str) -> None:
    with open_store(db_url) as first:
        version = first.schema_version
    with open_store(db_url) as second:
        assert second.schema_version == version
        assert second.stats()["schema_version"] == version


def test_pending_migrations_are_applied(db_url: str) -> None:
    """A database left at version 1 (tables, no full-text index) is brought up to date."""
    engine = create_engine(_engine_url(db_url))
    try:
        with engine.begin() as conn:
            tables.migrations_table.create(conn)
            MIGRATIONS[0].apply(conn)
            conn.execute(
                insert(tables.migrations_table).values(version=1, name="tables", applied_at=datetime.now(UTC))
            )
            article = Article.from_text("Die Waffenruhe wurde vor der Migration gespeichert.")
            conn.execute(
                insert(tables.articles).values(
                    id=article.id,
                    language="de",
                    text=article.text,
                    subheadings=[],
                    paragraphs=[],
                    ingested_at=datetime.now(UTC),
                )
            )
            conn.execute(
                insert(tables.analyses).values(
                    article_id=article.id,
                    contract="1.0",
                    components=[],
                    lists=[],
                    analyzed_at=datetime.now(UTC),
                )
            )
    finally:
        engine.dispose()

    with open_store(db_url) as store:
        assert store.schema_version == SCHEMA_VERSION
        # the full-text index covers the article stored before it existed
        assert [h.article_id for h in store.search("Waffenruhe")] == [article.id]
        assert store.get(article.id).analysis == Analysis(
            article=Article.from_json(article.to_json() | {"paragraphs": [], "lead": None})
        )


def test_newer_database_is_e202(db_url: str) -> None:
    with open_store(db_url):
        pass
    engine = create_engine(_engine_url(db_url))
    try:
        with engine.begin() as conn:
            conn.execute(
                insert(tables.migrations_table).values(
                    version=SCHEMA_VERSION + 1, name="from the future", applied_at=datetime.now(UTC)
                )
            )
    finally:
        engine.dispose()

    with pytest.raises(LagebildError) as info:
        open_store(db_url)
    assert info.value.code == "E202"
    assert str(SCHEMA_VERSION + 1) in info.value.message


def test_concurrent_first_opens_migrate_once(db_url: str) -> None:
    """Several processes opening a new database at once: one migrates, the others wait and agree."""
    results: list[int] = []
    errors: list[BaseException] = []

    def open_and_close() -> None:
        try:
            with open_store(db_url) as store:
                results.append(store.schema_version)
        except BaseException as exc:  # reported by the main thread
            errors.append(exc)

    threads = [threading.Thread(target=open_and_close) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not errors, errors
    assert results == [SCHEMA_VERSION] * 8
    engine = create_engine(_engine_url(db_url))
    try:
        with engine.connect() as conn:
            versions = conn.execute(select(tables.migrations_table.c.version)).scalars().all()
    finally:
        engine.dispose()
    assert sorted(versions) == [m.version for m in MIGRATIONS]
