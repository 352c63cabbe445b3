"""One writer, many readers (SQLite WAL): readers neither block nor see half-written articles."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from sqlalchemy import text

from lagebild.records import Analysis, Article, Mention
from lagebild.store import AddItem, open_store

N_ARTICLES = 120
ENTITIES_PER_ARTICLE = 5


def _analysis(i: int) -> Analysis:
    article = Article.from_text(
        f"Meldung {i}: Scholz traf Macron in Paris zu Gesprächen über die Waffenruhe."
    )
    start = article.text.index("Scholz")
    entities = tuple(
        Mention(article.id, start, start + 6, "Scholz", "PER", "lagebild.ner.v1", confidence=k / 10)
        for k in range(ENTITIES_PER_ARTICLE)
    )
    return Analysis(article=article, entities=entities)


def test_sqlite_uses_wal(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "kb.db")) as store, store._engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_reader_not_blocked_by_open_write_transaction(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'kb.db'}"
    with open_store(url) as writer, open_store(url) as reader:
        writer.add(_analysis(0))
        with writer._write() as conn:
            writer._insert(conn, AddItem(_analysis(1)))
            started = time.perf_counter()
            # the writer holds the write lock and has not committed: the reader still reads
            assert reader.has(_analysis(0).article.id)
            assert not reader.has(_analysis(1).article.id)
            assert reader.stats()["articles"] == 1
            assert time.perf_counter() - started < 5
        assert reader.has(_analysis(1).article.id)


def test_concurrent_reader_sees_only_whole_articles(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'kb.db'}"
    errors: list[BaseException] = []
    done = threading.Event()

    def write() -> None:
        try:
            with open_store(url) as writer:
                for i in range(N_ARTICLES):
                    writer.add(_analysis(i))
        except BaseException as exc:  # reported by the main thread
            errors.append(exc)
        finally:
            done.set()

    with open_store(url) as reader:
        thread = threading.Thread(target=write)
        thread.start()
        seen = 0
        checks = 0
        try:
            while not done.is_set() or checks == 0:
                summaries = reader.list_articles(limit=N_ARTICLES)
                assert len(summaries) >= seen
                seen = len(summaries)
                for summary in summaries[:5]:
                    entities = reader.get(summary.id).analysis.entities
                    assert entities is not None and len(entities) == ENTITIES_PER_ARTICLE
                stats = reader.stats()
                assert stats["records"]["entities"] == stats["articles"] * ENTITIES_PER_ARTICLE
                checks += 1
        finally:
            thread.join(60)
        assert not errors, errors
        assert reader.stats()["articles"] == N_ARTICLES
        assert checks > 1


def test_two_writers_wait_for_each_other(tmp_path: Path) -> None:
    """Two writers (e.g. two ingest processes) on one SQLite file: both finish, nothing lost."""
    url = f"sqlite:///{tmp_path / 'kb.db'}"
    errors: list[BaseException] = []

    def write(offset: int) -> None:
        try:
            with open_store(url) as writer:
                for i in range(offset, N_ARTICLES, 2):
                    writer.add(_analysis(i))
        except BaseException as exc:  # reported by the main thread
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(k,)) for k in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert not errors, errors
    with open_store(url) as reader:
        stats = reader.stats()
    assert stats["articles"] == N_ARTICLES
    assert stats["records"]["entities"] == N_ARTICLES * ENTITIES_PER_ARTICLE
