"""The store: one schema on SQLite (default, one file, WAL, FTS5) or PostgreSQL (German FTS).

One writer, many readers. Every article is written in one transaction together with all its
records (``add``), or in a SAVEPOINT of a batch transaction (``add_many``): a failure or a crash
never leaves half an article behind.
"""

from __future__ import annotations

import json
import re
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

from sqlalchemy import (
    Connection,
    Engine,
    create_engine,
    delete,
    event,
    func,
    select,
    text,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.pool import StaticPool

from lagebild.errors import LagebildError
from lagebild.records import CONTRACT_VERSION, Analysis, Published
from lagebild.store import codec, schema
from lagebild.store.codec import record_row
from lagebild.store.fts import fts5_query, has_words
from lagebild.store.migrations import apply_migrations

__all__ = [
    "AddItem",
    "AddResult",
    "ArticleSummary",
    "SearchHit",
    "Store",
    "StoredArticle",
    "open_store",
]

Backend = Literal["sqlite", "postgresql"]

# SQLite waits this long for the write lock held by another connection before failing.
SQLITE_BUSY_TIMEOUT_MS = 30_000
# Articles per transaction in ``add_many`` (each still its own SAVEPOINT).
DEFAULT_BATCH_SIZE = 200
_PAGE = 1000
# Control characters and lone surrogates (undecodable bytes of a command line) in search input.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff]")


@dataclass(frozen=True)
class AddResult:
    """What ``add`` did: stored a ``new`` article, found it already stored, or ``replaced`` its records."""

    status: Literal["new", "exists", "replaced"]
    article_id: str


@dataclass(frozen=True)
class AddItem:
    """One article for ``add_many``, with the ingest bookkeeping ``add`` takes as keywords."""

    analysis: Analysis
    minhash: bytes | None = None
    duplicate_of: str | None = None
    similarity: float | None = None


@dataclass(frozen=True)
class StoredArticle:
    """An article as stored: its analysis rebuilt from the rows, and ingest bookkeeping."""

    analysis: Analysis
    duplicate_of: str | None
    similarity: float | None
    ingested_at: datetime


@dataclass(frozen=True)
class ArticleSummary:
    """One line of ``list_articles``."""

    id: str
    title: str | None
    lead: str | None
    source: str | None
    url: str | None
    published: str | None
    published_granularity: str | None
    duplicate_of: str | None
    similarity: float | None
    ingested_at: datetime

    def to_json(self) -> dict[str, Any]:
        data = dict(self.__dict__)
        data["ingested_at"] = self.ingested_at.isoformat()
        return data


@dataclass(frozen=True)
class SearchHit:
    """A full-text match: ``snippet`` has the matched words between the start/end markers; higher
    ``rank`` is better (negated bm25 on SQLite, ``ts_rank`` on PostgreSQL: compare within one
    backend only)."""

    article_id: str
    title: str | None
    published: str | None
    source: str | None
    snippet: str
    rank: float

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _json_dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _e201(url: str, problem: str) -> LagebildError:
    return LagebildError("E201", f"cannot open database {url}: {problem}")


def _sqlite_engine(database: str | None, shown: str) -> Engine:
    if database and database != ":memory:":
        path = Path(database).expanduser()
        if not path.parent.is_dir():
            raise _e201(shown, f"folder {path.parent} does not exist")
        if path.is_dir():
            raise _e201(shown, f"{path} is a folder, not a database file")
        engine = create_engine(
            URL.create("sqlite", database=str(path)),
            json_serializer=_json_dumps,
            connect_args={"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_MS / 1000},
        )
    else:  # one shared in-memory database (tests, throwaway runs)
        engine = create_engine(
            "sqlite://",
            json_serializer=_json_dumps,
            connect_args={"check_same_thread": False},
            poolclass=StaticPool,
        )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        # We issue BEGIN ourselves (below): pysqlite's implicit transactions would start writes
        # as DEFERRED and break SAVEPOINTs (SQLAlchemy docs, "Serializable isolation / Savepoints").
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        if cursor.execute("PRAGMA journal_mode").fetchone()[0] not in ("wal", "memory"):
            _switch_to_wal(cursor)
        # NORMAL is durable against application crashes and safe (never corrupts) in WAL mode;
        # only a power loss can drop the last commits (https://www.sqlite.org/pragma.html#pragma_synchronous).
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # Writers take the write lock up front (BEGIN IMMEDIATE): a DEFERRED transaction that
        # later needs to write can fail with SQLITE_BUSY without waiting for busy_timeout.
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


def _switch_to_wal(cursor: sqlite3.Cursor) -> None:
    """``PRAGMA journal_mode=WAL``, retried: on a new file that several processes open at once
    the switch can fail with "database is locked" at once, without waiting for busy_timeout."""
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _engine_for(url: str) -> tuple[Engine, Backend, str]:
    raw = url.strip()
    if not raw:
        raise _e201(repr(url), "empty database URL")
    if "://" not in raw:  # a bare file path
        return _sqlite_engine(raw, raw), "sqlite", raw
    try:
        parsed = make_url(raw)
    except ArgumentError as exc:
        raise _e201(repr(raw), f"not a database URL ({exc})") from None
    shown = parsed.render_as_string(hide_password=True)
    backend, _, driver = parsed.drivername.partition("+")
    if backend == "sqlite" and driver in ("", "pysqlite"):
        return _sqlite_engine(parsed.database, shown), "sqlite", shown
    if backend in ("postgresql", "postgres") and driver in ("", "psycopg"):
        engine = create_engine(
            parsed.set(drivername="postgresql+psycopg"),
            json_serializer=_json_dumps,
            pool_pre_ping=True,
        )
        return engine, "postgresql", shown
    raise _e201(
        shown,
        f"unsupported database {parsed.drivername!r}: use sqlite:///path/to/file.db, a file path "
        "or postgresql://user:password@host/dbname",
    )


def open_store(url: str) -> Store:
    """Open (and create or migrate) the store at ``url``.

    ``sqlite:///path.db`` or a bare file path → SQLite; ``postgresql://…`` → PostgreSQL (psycopg 3).
    Raises E201 if the URL is bad or the database cannot be opened, E202 if it was written by a
    newer Lagebild.
    """
    engine, backend, shown = _engine_for(url)
    try:
        version = apply_migrations(engine, shown)
    except LagebildError:
        engine.dispose()
        raise
    except (SQLAlchemyError, sqlite3.Error, OSError) as exc:
        engine.dispose()
        cause = getattr(exc, "orig", None) or exc
        message = " ".join(str(cause).split())
        raise _e201(shown, message[:300]) from exc
    return Store(engine, backend, shown, version)


class Store:
    """Articles and their analyses in a database. Use ``open_store`` to get one."""

    def __init__(self, engine: Engine, backend: Backend, url: str, schema_version: int) -> None:
        self._engine = engine
        self.backend: Backend = backend
        self.url = url
        self.schema_version = schema_version

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine, for read-only queries the store has no method for (the API's)."""
        return self._engine

    # -- context manager ------------------------------------------------------------------------

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self._engine.dispose()

    def __repr__(self) -> str:
        return f"Store({self.url!r}, backend={self.backend!r}, schema_version={self.schema_version})"

    # -- transactions ---------------------------------------------------------------------------

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        """A write transaction; database failures (locks, constraints, a full disk) become E204."""
        try:
            with self._engine.connect().execution_options(sqlite_begin="IMMEDIATE") as conn, conn.begin():
                yield conn
        except SQLAlchemyError as exc:
            detail = str(getattr(exc, "orig", None) or exc).splitlines()[0]
            raise LagebildError("E204", f"cannot write to the database: {detail}") from exc

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        """A read transaction: one consistent snapshot for all its statements."""
        with self._engine.connect() as conn:
            if self.backend == "postgresql":
                conn = conn.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin():
                yield conn

    # -- writing --------------------------------------------------------------------------------

    def add(
        self,
        analysis: Analysis,
        *,
        minhash: bytes | None = None,
        duplicate_of: str | None = None,
        similarity: float | None = None,
    ) -> AddResult:
        """Store an article with all its records in one transaction.

        Idempotent: an article whose id is already stored is left alone (``"exists"``); use
        ``replace_analysis`` to swap in a newer analysis. ``duplicate_of`` must name a stored
        article (E203 otherwise).
        """
        item = AddItem(analysis, minhash, duplicate_of, similarity)
        with self._write() as conn:
            status = self._insert(conn, item)
        return AddResult(status, analysis.article.id)

    def add_many(
        self, items: Iterable[Analysis | AddItem], *, batch_size: int = DEFAULT_BATCH_SIZE
    ) -> list[AddResult]:
        """Store many articles, ``batch_size`` per transaction, each article in its own SAVEPOINT.

        If an article fails, its SAVEPOINT is rolled back, the articles before it are committed
        and the error is raised; the articles after it are not attempted.
        """
        results: list[AddResult] = []
        batch: list[AddItem] = []
        for item in items:
            batch.append(item if isinstance(item, AddItem) else AddItem(item))
            if len(batch) >= batch_size:
                results += self._add_batch(batch)
                batch = []
        if batch:
            results += self._add_batch(batch)
        return results

    def _add_batch(self, batch: Sequence[AddItem]) -> list[AddResult]:
        results: list[AddResult] = []
        with self._write() as conn:
            for item in batch:
                try:
                    with conn.begin_nested():
                        status = self._insert(conn, item)
                except BaseException:
                    conn.commit()  # keep the articles before the failing one
                    raise
                results.append(AddResult(status, item.analysis.article.id))
        return results

    def replace_analysis(self, analysis: Analysis) -> AddResult:
        """Swap the stored records of an article for those of ``analysis``, in one transaction.

        For re-analysis (more lists, a newer component). The article row itself is kept.
        Raises E203 if the article is not stored.
        """
        article_id = analysis.article.id
        with self._write() as conn:
            if not self._exists(conn, article_id):
                raise self._not_found(article_id)
            for table in schema.LIST_TABLES.values():
                conn.execute(delete(table).where(table.c.article_id == article_id))
            conn.execute(delete(schema.analyses).where(schema.analyses.c.article_id == article_id))
            self._insert_analysis(conn, analysis, datetime.now(UTC))
        return AddResult("replaced", article_id)

    def _insert(self, conn: Connection, item: AddItem) -> Literal["new", "exists"]:
        analysis = item.analysis
        article = analysis.article
        _check_article_ids(analysis)
        if item.duplicate_of is not None and not self._exists(conn, item.duplicate_of):
            raise LagebildError(
                "E203",
                f"article {item.duplicate_of} (the original of near-duplicate {article.id}) is not stored",
            )
        now = datetime.now(UTC)
        row = codec.article_row(article)
        row.update(
            ingested_at=now,
            duplicate_of=item.duplicate_of,
            similarity=item.similarity,
            minhash=item.minhash,
        )
        insert = pg_insert if self.backend == "postgresql" else sqlite_insert
        statement = (
            insert(schema.articles)
            .values(row)
            .on_conflict_do_nothing(index_elements=["id"])
            .returning(schema.articles.c.num)
        )
        if conn.execute(statement).first() is None:  # the id was already stored
            return "exists"
        self._insert_analysis(conn, analysis, now)
        return "new"

    def _insert_analysis(self, conn: Connection, analysis: Analysis, now: datetime) -> None:
        article_id = analysis.article.id
        present = [name for name in Analysis.LISTS if getattr(analysis, name) is not None]
        conn.execute(
            schema.analyses.insert().values(
                article_id=article_id,
                contract=CONTRACT_VERSION,
                components=list(analysis.components),
                lists=present,
                analyzed_at=now,
            )
        )
        for name in present:
            items = getattr(analysis, name)
            if items:
                rows = [record_row(name, record, article_id, seq) for seq, record in enumerate(items)]
                conn.execute(schema.LIST_TABLES[name].insert(), rows)

    # -- reading --------------------------------------------------------------------------------

    @staticmethod
    def _exists(conn: Connection, article_id: str) -> bool:
        query = select(schema.articles.c.num).where(schema.articles.c.id == article_id)
        return conn.execute(query).first() is not None

    @staticmethod
    def _not_found(article_id: str) -> LagebildError:
        return LagebildError("E203", f"article {article_id} is not in the database (see `lagebild list`)")

    def has(self, article_id: str) -> bool:
        with self._engine.connect() as conn:
            return self._exists(conn, article_id)

    def existing(self, article_ids: Iterable[str]) -> set[str]:
        """Which of ``article_ids`` are stored (one query per 500 ids, for batch ingest)."""
        wanted = list(dict.fromkeys(article_ids))
        found: set[str] = set()
        with self._engine.connect() as conn:
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                query = select(schema.articles.c.id).where(schema.articles.c.id.in_(chunk))
                found.update(row[0] for row in conn.execute(query))
        return found

    def get(self, article_id: str) -> StoredArticle:
        """The stored article with its analysis rebuilt from the rows; E203 if it is not stored."""
        articles, analyses = schema.articles, schema.analyses
        with self._read() as conn:
            row = conn.execute(select(articles).where(articles.c.id == article_id)).mappings().first()
            if row is None:
                raise self._not_found(article_id)
            info_query = select(analyses).where(analyses.c.article_id == article_id)
            info = conn.execute(info_query).mappings().first()
            lists: dict[str, tuple[Any, ...] | None] = {name: None for name in Analysis.LISTS}
            for name in info["lists"] if info else ():
                if name not in schema.LIST_TABLES:  # written by a newer version: skip
                    continue
                table = schema.LIST_TABLES[name]
                query = select(table.c.data).where(table.c.article_id == article_id).order_by(table.c.seq)
                lists[name] = tuple(
                    codec.record_from_json(name, data, article_id) for data in conn.execute(query).scalars()
                )
        analysis = Analysis(
            article=codec.article_from_row(row),
            components=tuple(info["components"]) if info else (),
            **lists,
        )
        return StoredArticle(
            analysis=analysis,
            duplicate_of=row["duplicate_of"],
            similarity=row["similarity"],
            ingested_at=_utc(row["ingested_at"]),
        )

    def list_articles(
        self,
        *,
        limit: int = 50,
        offset: int = 0,
        since: str | None = None,
        until: str | None = None,
        source: str | None = None,
        include_duplicates: bool = False,
    ) -> list[ArticleSummary]:
        """Stored articles, newest first.

        ``since``/``until`` take YYYY, YYYY-MM or YYYY-MM-DD (E101 otherwise) and keep the
        articles that may have been published in the range: an article dated only "2024-03"
        is kept by ``since="2024-03-15"`` and by ``until="2024-03-01"``. Undated articles are
        left out when a range is given.
        """
        a = schema.articles
        query = select(
            a.c.id,
            a.c.title,
            a.c.lead,
            a.c.source,
            a.c.url,
            a.c.published_value,
            a.c.published_granularity,
            a.c.duplicate_of,
            a.c.similarity,
            a.c.ingested_at,
        )
        if not include_duplicates:
            query = query.where(a.c.duplicate_of.is_(None))
        if source is not None:
            query = query.where(a.c.source == source)
        if since is not None:
            query = query.where(a.c.published_last_day >= Published.parse(since).first_day)
        if until is not None:
            query = query.where(a.c.published_first_day <= codec.last_day(Published.parse(until)))
        query = (
            query.order_by(a.c.published_first_day.desc().nulls_last(), a.c.num.desc())
            .limit(limit)
            .offset(offset)
        )
        with self._engine.connect() as conn:
            rows = conn.execute(query).all()
        return [
            ArticleSummary(
                id=r.id,
                title=r.title,
                lead=r.lead,
                source=r.source,
                url=r.url,
                published=r.published_value,
                published_granularity=r.published_granularity,
                duplicate_of=r.duplicate_of,
                similarity=r.similarity,
                ingested_at=_utc(r.ingested_at),
            )
            for r in rows
        ]

    def search(
        self,
        query: str,
        *,
        limit: int = 20,
        offset: int = 0,
        markers: tuple[str, str] = ("[", "]"),
        include_duplicates: bool = False,
    ) -> list[SearchHit]:
        """Full-text search over titles and texts, best first, with a highlighted snippet.

        Any user string is safe: FTS syntax in it is treated as words. Understood everywhere:
        ``"a phrase"``, ``-word`` (exclude), ``OR``. German inflections match (stemming on
        PostgreSQL, stem prefixes on SQLite).
        """
        # NUL ends an FTS5 string early, PostgreSQL text cannot hold it, a lone surrogate cannot
        # be encoded: such characters become spaces.
        query = _CONTROL.sub(" ", query)
        if not has_words(query) or limit <= 0:
            return []
        params: dict[str, Any] = {"limit": limit, "offset": offset, "start": markers[0], "end": markers[1]}
        duplicates = "" if include_duplicates else "AND a.duplicate_of IS NULL"
        if self.backend == "postgresql":
            if any('"' in m for m in markers):
                raise ValueError('search markers cannot contain " on PostgreSQL')
            params["query"] = query
            params["options"] = (
                f'StartSel="{markers[0]}", StopSel="{markers[1]}", MaxWords=30, MinWords=12, '
                'MaxFragments=2, FragmentDelimiter=" … "'
            )
            sql = f"""
                SELECT s.id, s.title, s.published_value, s.source,
                       ts_headline('german', s.text, s.q, :options) AS snippet, s.rank
                FROM (
                    SELECT a.num, a.id, a.title, a.published_value, a.source, a.text, q,
                           ts_rank(a.search, q) AS rank
                    FROM articles a, websearch_to_tsquery('german', :query) AS q
                    WHERE a.search @@ q {duplicates}
                    ORDER BY rank DESC, a.num
                    LIMIT :limit OFFSET :offset
                ) AS s
                ORDER BY s.rank DESC, s.num"""
        else:
            match = fts5_query(query)
            if match is None:
                return []
            params["match"] = match
            # Title matches weigh more than text matches (bm25 column weights title, text).
            sql = f"""
                SELECT a.id, a.title, a.published_value, a.source,
                       snippet(articles_fts, 1, :start, :end, '…', 24) AS snippet,
                       -bm25(articles_fts, 5.0, 1.0) AS rank
                FROM articles_fts JOIN articles a ON a.num = articles_fts.rowid
                WHERE articles_fts MATCH :match {duplicates}
                ORDER BY rank DESC, a.num
                LIMIT :limit OFFSET :offset"""
        with self._engine.connect() as conn:
            rows = conn.execute(text(sql), params).all()
        return [
            SearchHit(
                article_id=r[0], title=r[1], published=r[2], source=r[3], snippet=r[4], rank=float(r[5])
            )
            for r in rows
        ]

    def stats(self) -> dict[str, Any]:
        """Counts: articles, near-duplicates, records per list, publication date range, sources."""
        a = schema.articles
        with self._read() as conn:
            total = conn.execute(select(func.count()).select_from(a)).scalar_one()
            duplicates = conn.execute(
                select(func.count()).select_from(a).where(a.c.duplicate_of.is_not(None))
            ).scalar_one()
            records = {
                name: conn.execute(select(func.count()).select_from(table)).scalar_one()
                for name, table in schema.LIST_TABLES.items()
            }
            first, last = conn.execute(
                select(func.min(a.c.published_first_day), func.max(a.c.published_first_day))
            ).one()
            count = func.count().label("n")
            sources = conn.execute(
                select(a.c.source, count).group_by(a.c.source).order_by(count.desc(), a.c.source).limit(20)
            ).all()
            distinct_sources = conn.execute(select(func.count(a.c.source.distinct()))).scalar_one()
        return {
            "backend": self.backend,
            "schema_version": self.schema_version,
            "articles": total,
            "near_duplicates": duplicates,
            "records": records,
            "published": {"first": _iso(first), "last": _iso(last)},
            "sources": {"distinct": distinct_sources, "top": {s or "(none)": n for s, n in sources}},
        }

    def minhashes(self) -> Iterator[tuple[str, bytes]]:
        """(article id, MinHash signature bytes) of every article that has one, in insertion order.

        Read page by page, so no connection stays open while the caller consumes the iterator.
        """
        a = schema.articles
        after = 0
        while True:
            query = (
                select(a.c.num, a.c.id, a.c.minhash)
                .where(a.c.num > after, a.c.minhash.is_not(None))
                .order_by(a.c.num)
                .limit(_PAGE)
            )
            with self._engine.connect() as conn:
                rows = conn.execute(query).all()
            for row in rows:
                yield row.id, bytes(row.minhash)
            if len(rows) < _PAGE:
                return
            after = rows[-1].num

    def duplicates_of(self, article_id: str) -> list[str]:
        """Ids of the articles stored as near-duplicates of ``article_id``."""
        a = schema.articles
        query = select(a.c.id).where(a.c.duplicate_of == article_id).order_by(a.c.num)
        with self._engine.connect() as conn:
            return list(conn.execute(query).scalars())


def _iso(value: date | str | None) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else value.isoformat()


def _check_article_ids(analysis: Analysis) -> None:
    expected = analysis.article.id
    for name in Analysis.LISTS:
        for record in getattr(analysis, name) or ():
            owner = getattr(record, "article_id", expected)
            if owner != expected:
                raise ValueError(f"{name} record of article {owner} given with article {expected}")
