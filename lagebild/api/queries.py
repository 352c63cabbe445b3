"""Read-only queries over the store's tables for the API, the web pages and the exports.

The store (``lagebild.store``) answers article-level questions (get, list, search, stats); the
questions here cut across articles: quotes by speaker, events by type, an actor's mentions per
month, who is connected to whom. They are SQLAlchemy Core ``select``\\ s over the store's tables,
so they run on both backends.

Actors: until cross-article consolidation exists (issue #8), an actor is either a linked actor id
(``entities.actor_id``) or, for unlinked mentions, the *actor key* of its surface text
(:func:`actor_key`: case-folded, whitespace and punctuation to ``-``): "Donald Trump" and
"donald  trump" are one actor, "Trump" is another. The key cannot be computed in SQL portably, so
the distinct texts (of unlinked mentions, of speakers, of event sides) are keyed in Python once per
database state and the rows are then selected in SQL; ``top_actors`` and ``network`` aggregate in
SQL and are cached per database state (:func:`_cached`, issue #9; figures in docs/benchmarks.md).
A consolidated ``actors`` table will replace the keys.
"""

from __future__ import annotations

import re
import threading
import unicodedata
import weakref
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Engine, Select, func, literal, or_, select, union, union_all

from lagebild.errors import LagebildError
from lagebild.records import Published
from lagebild.store import Store, schema
from lagebild.store.codec import last_day

__all__ = [
    "ACTOR_LABELS",
    "SEARCH_CAP",
    "Page",
    "actor_key",
    "actor_profile",
    "engine_of",
    "list_articles",
    "list_events",
    "list_quotes",
    "network",
    "snippet_parts",
    "top_actors",
]

#: Entity labels that make an actor (MISC are things and events, not actors).
ACTOR_LABELS: tuple[str, ...] = ("PER", "ORG", "LOC", "GPE")
#: Full-text hits read before the date/source/actor filters apply (the total is capped by it).
SEARCH_CAP = 1000
# Control characters never occur in stored text: they mark matches in snippets unambiguously.
_MARK_START, _MARK_END = "\x02", "\x03"
_NON_WORD = re.compile(r"[^\w]+")


def engine_of(store: Store) -> Engine:
    """The store's SQLAlchemy engine (read-only use).

    ``Store`` keeps it private; a public read-only accessor is proposed in the API report.
    """
    engine: Engine = store.engine
    return engine


def actor_key(text: str) -> str:
    """The key of an unlinked mention: NFKC, case-folded, runs of non-word characters → ``-``."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return _NON_WORD.sub("-", folded).strip("-")


@dataclass
class Page:
    """One page of a listing: ``items`` after ``offset``, at most ``limit``, of ``total``."""

    items: list[dict[str, Any]]
    total: int
    limit: int
    offset: int

    def to_json(self) -> dict[str, Any]:
        return {"items": self.items, "total": self.total, "limit": self.limit, "offset": self.offset}


# ---------------------------------------------------------------------------------------------
# helpers


def _date_filters(since: str | None, until: str | None) -> list[ColumnElement[bool]]:
    """Conditions on ``articles`` that keep what may have been published in the range (E101)."""
    a = schema.articles
    conditions: list[ColumnElement[bool]] = []
    if since:
        conditions.append(a.c.published_last_day >= _day(since, last=False))
    if until:
        conditions.append(a.c.published_first_day <= _day(until, last=True))
    return conditions


def _day(value: str, *, last: bool) -> date:
    """First or last day a date filter can denote; E101 also for years ``Published`` lets through
    but ``date`` cannot hold (``0000``)."""
    published = Published.parse(value)
    try:
        return last_day(published) if last else published.first_day
    except ValueError as exc:
        raise LagebildError("E101", f"invalid date {value!r}: {exc}") from None


def _month(value: str | None, granularity: str | None) -> str | None:
    """``YYYY-MM`` of a publication date, None when only the year is known."""
    if value is None or granularity == "year" or len(value) < 7:
        return None
    return value[:7]


def _published(value: str | None, granularity: str | None) -> dict[str, str] | None:
    return {"value": value, "granularity": granularity or "day"} if value else None


def _shorten(text: str | None, length: int = 100) -> str | None:
    """The first ``length`` characters of ``text`` on one line, cut at a word."""
    if not text:
        return None
    line = " ".join(text.split())
    return line if len(line) <= length else line[:length].rsplit(" ", 1)[0] + " …"


def snippet_parts(snippet: str) -> tuple[str, list[tuple[int, int]]]:
    """A snippet marked with control characters → plain one-line text and the matched ranges."""
    plain: list[str] = []
    ranges: list[tuple[int, int]] = []
    start = 0
    length = 0
    for char in " ".join(snippet.split()):
        if char == _MARK_START:
            start = length
        elif char == _MARK_END:
            ranges.append((start, length))
        else:
            plain.append(char)
            length += 1
    return "".join(plain), ranges


def _unlinked_matches(engine: Engine, key: str) -> list[Mapping[Any, Any]]:
    """Unlinked entity rows (with article dates) whose text has actor key ``key``."""
    e, a = schema.entities, schema.articles
    texts = _texts_by_key(engine, "entities").get(key)
    if not texts:
        return []
    query = (
        select(
            e.c.article_id,
            e.c.text,
            e.c.label,
            e.c.actor_id,
            e.c.actor_name,
            a.c.published_value,
            a.c.published_granularity,
        )
        .join(a, a.c.id == e.c.article_id)
        .where(e.c.actor_id.is_(None), e.c.label.in_(ACTOR_LABELS), e.c.text.in_(texts))
    )
    with engine.connect() as conn:
        return list(conn.execute(query).mappings())


def _texts_by_key(engine: Engine, what: str) -> dict[str, list[str]]:
    """Distinct surface texts by actor key: of unlinked actor mentions (``entities``) or of quote
    speakers (``speakers``). The key cannot be computed in SQL portably, so the distinct texts are
    keyed in Python once per database state (:func:`_cached`) and the rows are then selected in SQL
    with ``text IN (...)`` — instead of keying every row on every request (issue #9)."""

    def compute() -> dict[str, list[str]]:
        if what == "entities":
            e = schema.entities
            query: Any = (
                select(e.c.text).where(e.c.actor_id.is_(None), e.c.label.in_(ACTOR_LABELS)).distinct()
            )
        else:
            query = union(
                select(schema.quotes.c.speaker_text).where(schema.quotes.c.speaker_text.is_not(None)),
                select(schema.reported.c.speaker_text).where(schema.reported.c.speaker_text.is_not(None)),
            )
        index: dict[str, list[str]] = defaultdict(list)
        with engine.connect() as conn:
            for text in conn.execute(query).scalars():
                index[actor_key(text)].append(text)
        return dict(index)

    result: dict[str, list[str]] = _cached(engine, "texts_by_key", (what,), compute, copy=False)
    return result


def _actor_article_ids(engine: Engine, actor: str) -> set[str]:
    e = schema.entities
    with engine.connect() as conn:
        linked = set(conn.execute(select(e.c.article_id).where(e.c.actor_id == actor)).scalars())
    return linked | {row["article_id"] for row in _unlinked_matches(engine, actor_key(actor))}


# ---------------------------------------------------------------------------------------------
# articles


def _article_item(row: Mapping[Any, Any]) -> dict[str, Any]:
    return {
        "id": row["id"],
        "title": row["title"],
        "lead": row["lead"],
        "source": row["source"],
        "url": row["url"],
        "published": _published(row["published_value"], row["published_granularity"]),
        "duplicate_of": row["duplicate_of"],
    }


def list_articles(
    store: Store,
    *,
    q: str | None = None,
    since: str | None = None,
    until: str | None = None,
    source: str | None = None,
    actor: str | None = None,
    limit: int = 50,
    offset: int = 0,
    include_duplicates: bool = False,
) -> Page:
    """Articles, newest first, or — with ``q`` — full-text hits best first with snippets.

    Each hit has ``snippet`` (one line) and ``highlights`` ([start, end] ranges of the matched
    words in the snippet). With ``q`` the first :data:`SEARCH_CAP` hits are filtered.
    """
    engine = engine_of(store)
    a = schema.articles
    conditions = _date_filters(since, until)
    if not include_duplicates:
        conditions.append(a.c.duplicate_of.is_(None))
    if source:
        conditions.append(a.c.source == source)
    if actor:
        conditions.append(a.c.id.in_(sorted(_actor_article_ids(engine, actor))))
    columns = [a.c.id, a.c.title, a.c.lead, a.c.source, a.c.url, a.c.published_value]
    columns += [a.c.published_granularity, a.c.duplicate_of]
    if q is not None and q.strip():
        hits = store.search(
            q, limit=SEARCH_CAP, markers=(_MARK_START, _MARK_END), include_duplicates=include_duplicates
        )
        order = {hit.article_id: i for i, hit in enumerate(hits)}
        snippets = {hit.article_id: hit for hit in hits}
        if not hits:
            return Page([], 0, limit, offset)
        with engine.connect() as conn:
            rows = conn.execute(select(*columns).where(a.c.id.in_(list(order)), *conditions)).mappings().all()
        ranked = sorted(rows, key=lambda r: order[r["id"]])
        items = []
        for row in ranked[offset : offset + limit]:
            item = _article_item(row)
            text, ranges = snippet_parts(snippets[row["id"]].snippet)
            item["snippet"] = text
            item["highlights"] = [list(r) for r in ranges]
            item["rank"] = snippets[row["id"]].rank
            items.append(item)
        return Page(items, len(ranked), limit, offset)
    query = (
        select(*columns)
        .where(*conditions)
        .order_by(a.c.published_first_day.desc().nulls_last(), a.c.num.desc())
        .limit(limit)
        .offset(offset)
    )
    with engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(a).where(*conditions)).scalar_one()
        rows = conn.execute(query).mappings().all()
    return Page([_article_item(row) for row in rows], int(total), limit, offset)


# ---------------------------------------------------------------------------------------------
# quotes


def _quotes_union(since: str | None, until: str | None) -> Select[Any]:
    a = schema.articles
    parts = []
    for name, table in (("quotes", schema.quotes), ("reported", schema.reported)):
        parts.append(
            select(
                literal(name).label("list"),
                table.c.pk,
                table.c.article_id,
                table.c.seq,
                table.c.kind,
                table.c.text,
                table.c.speaker_text,
                table.c.speaker_actor_id,
                table.c.cue_text,
                table.c.data,
                a.c.title,
                a.c.lead,
                a.c.published_value,
                a.c.published_granularity,
                a.c.published_first_day,
            )
            .join(a, a.c.id == table.c.article_id)
            .where(*_date_filters(since, until))
        )
    return union_all(*parts).subquery("q").select()


def _quote_item(row: Mapping[Any, Any]) -> dict[str, Any]:
    data = dict(row["data"])
    return {
        "article_id": row["article_id"],
        "article_title": row["title"] or _shorten(row["lead"]),
        "published": _published(row["published_value"], row["published_granularity"]),
        "list": row["list"],
        "seq": row["seq"],
        "start": data.get("start"),
        "end": data.get("end"),
        "text": row["text"],
        "kind": row["kind"],
        "speaker": data.get("speaker"),
        "speaker_actor_id": row["speaker_actor_id"],
        "cue": data.get("cue"),
        "addressee": data.get("addressee"),
        "mood": data.get("mood"),
        "confidence": data.get("confidence"),
        "component": data.get("component"),
    }


def list_quotes(
    store: Store,
    *,
    speaker: str | None = None,
    since: str | None = None,
    until: str | None = None,
    q: str | None = None,
    kind: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> Page:
    """Quotes (direct, partial and reported), newest article first.

    ``speaker`` is an actor id or text: it matches the linked speaker id, or the speaker's text by
    actor key (so "trump" finds "Trump"). ``q`` is a case-insensitive substring of the quote.
    """
    union = _quotes_union(since, until)
    sub = union.subquery("quotes_all")
    conditions: list[ColumnElement[bool]] = []
    if kind:
        conditions.append(sub.c.kind == kind)
    if q:
        conditions.append(sub.c.text.ilike(f"%{_escape_like(q)}%", escape="\\"))
    engine = engine_of(store)
    if speaker:
        texts = _texts_by_key(engine, "speakers").get(actor_key(speaker), [])
        conditions.append(or_(sub.c.speaker_actor_id == speaker, sub.c.speaker_text.in_(texts)))
    query = select(sub).where(*conditions).order_by(sub.c.published_first_day.desc().nulls_last(), sub.c.pk)
    with engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(sub).where(*conditions)).scalar_one()
        page_rows = list(conn.execute(query.limit(limit).offset(offset)).mappings())
    return Page([_quote_item(r) for r in page_rows], int(total), limit, offset)


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


# ---------------------------------------------------------------------------------------------
# events


def _event_item(row: Mapping[Any, Any]) -> dict[str, Any]:
    data = dict(row["data"])
    data.pop("article_id", None)
    return {
        "article_id": row["article_id"],
        "article_title": row["title"] or _shorten(row["lead"]),
        "published": _published(row["published_value"], row["published_granularity"]),
        "seq": row["seq"],
        **data,
    }


def _event_pks_by_key(engine: Engine) -> dict[str, list[int]]:
    """Event keys by the actor key of their source and target span texts (which live in the JSON
    ``data`` only), built once per database state like :func:`_texts_by_key`."""

    def compute() -> dict[str, list[int]]:
        e = schema.events
        index: dict[str, set[int]] = defaultdict(set)
        with engine.connect() as conn:
            for pk, data in conn.execute(select(e.c.pk, e.c.data)):
                for side in ("source", "target"):
                    span = (data or {}).get(side)
                    if span and span.get("text"):
                        index[actor_key(span["text"])].add(pk)
        return {key: sorted(pks) for key, pks in index.items()}

    result: dict[str, list[int]] = _cached(engine, "event_pks_by_key", (), compute, copy=False)
    return result


def list_events(
    store: Store,
    *,
    type: str | None = None,
    mode: str | None = None,
    actor: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> Page:
    """PLOVER events, newest article first; ``actor`` matches source or target (id or text)."""
    e, a = schema.events, schema.articles
    conditions = _date_filters(since, until)
    if type:
        conditions.append(e.c.type == type.upper())
    if mode:
        conditions.append(e.c.mode == mode)
    if actor:
        pks = _event_pks_by_key(engine_of(store)).get(actor_key(actor), [])
        conditions.append(or_(e.c.source_actor_id == actor, e.c.target_actor_id == actor, e.c.pk.in_(pks)))
    query = (
        select(
            e.c.article_id,
            e.c.seq,
            e.c.data,
            e.c.source_actor_id,
            e.c.target_actor_id,
            a.c.title,
            a.c.lead,
            a.c.published_value,
            a.c.published_granularity,
        )
        .join(a, a.c.id == e.c.article_id)
        .where(*conditions)
        .order_by(a.c.published_first_day.desc().nulls_last(), e.c.pk)
    )
    with engine_of(store).connect() as conn:
        count = select(func.count()).select_from(e.join(a, a.c.id == e.c.article_id)).where(*conditions)
        total = conn.execute(count).scalar_one()
        page_rows = list(conn.execute(query.limit(limit).offset(offset)).mappings())
    return Page([_event_item(r) for r in page_rows], int(total), limit, offset)


# ---------------------------------------------------------------------------------------------
# actors


@dataclass
class _ActorAcc:
    key: str
    labels: Counter[str] = field(default_factory=Counter)
    names: Counter[str] = field(default_factory=Counter)
    articles: set[str] = field(default_factory=set)
    mentions: int = 0


def _entity_rows(engine: Engine, since: str | None = None, until: str | None = None) -> Iterable[Any]:
    e, a = schema.entities, schema.articles
    query = (
        select(
            e.c.article_id,
            e.c.start,
            e.c.end,
            e.c.text,
            e.c.label,
            e.c.actor_id,
            e.c.actor_name,
            a.c.published_value,
            a.c.published_granularity,
        )
        .join(a, a.c.id == e.c.article_id)
        .where(e.c.label.in_(ACTOR_LABELS), a.c.duplicate_of.is_(None), *_date_filters(since, until))
        .order_by(e.c.article_id, e.c.seq)
    )
    with engine.connect() as conn:
        yield from conn.execute(query).mappings()


def _key_of(row: Mapping[Any, Any]) -> str:
    return row["actor_id"] or actor_key(row["text"])


def _actor_counts(engine: Engine, since: str | None, until: str | None) -> dict[str, _ActorAcc]:
    """Mentions, names, labels and articles per actor, aggregated in SQL.

    One row per (article, actor id, text, label, name) with its count instead of one row per
    mention (issue #9: the home and network pages read every entity row per request); the keys of
    unlinked mentions are then merged in Python, since the key cannot be computed in SQL portably.
    """
    e, a = schema.entities, schema.articles
    mentions = func.count().label("n")
    query = (
        select(e.c.article_id, e.c.actor_id, e.c.text, e.c.label, e.c.actor_name, mentions)
        .join(a, a.c.id == e.c.article_id)
        .where(e.c.label.in_(ACTOR_LABELS), a.c.duplicate_of.is_(None), *_date_filters(since, until))
        .group_by(e.c.article_id, e.c.actor_id, e.c.text, e.c.label, e.c.actor_name)
        # First-mention order, so that ties between names and labels break as before.
        .order_by(e.c.article_id, func.min(e.c.seq))
    )
    accs: dict[str, _ActorAcc] = {}
    keys: dict[str, str] = {}
    with engine.connect() as conn:
        for row in conn.execute(query).mappings():
            text = row["text"]
            key = row["actor_id"] or keys.get(text) or keys.setdefault(text, actor_key(text))
            if not key:
                continue
            n = int(row["n"])
            acc = accs.get(key)
            if acc is None:
                acc = accs[key] = _ActorAcc(key)
            acc.mentions += n
            acc.labels[row["label"]] += n
            acc.names[row["actor_name"] or text] += n
            acc.articles.add(row["article_id"])
    return accs


#: Cached answers per engine, valid while the database's fingerprint (:func:`_fingerprint`) holds.
_CACHE: weakref.WeakKeyDictionary[Engine, dict[Any, Any]] = weakref.WeakKeyDictionary()
_CACHE_LOCK = threading.Lock()
_CACHE_SIZE = 64


def _fingerprint(engine: Engine) -> tuple[Any, ...]:
    """Changes whenever articles or records are added, replaced or deleted (index lookups only,
    plus one count of the articles): new rows get higher keys, re-analysis a new ``analyzed_at``."""
    a, e, an = schema.articles, schema.entities, schema.analyses
    with engine.connect() as conn:
        row = conn.execute(
            select(
                select(func.count()).select_from(a).scalar_subquery(),
                select(func.max(a.c.num)).scalar_subquery(),
                select(func.max(e.c.pk)).scalar_subquery(),
                select(func.count()).select_from(an).scalar_subquery(),
                select(func.max(an.c.analyzed_at)).scalar_subquery(),
            )
        ).one()
    return tuple(row)


def _cached(engine: Engine, name: str, args: tuple[Any, ...], compute: Any, *, copy: bool = True) -> Any:
    """``compute()``, memoized per engine, ``name`` and ``args`` until the database changes.

    The home and network pages aggregate every entity row; between two ingests the answer is the
    same, so it is computed once (issue #9, measured in docs/benchmarks.md). Callers get a copy
    unless ``copy=False`` (read-only indexes).
    """
    from copy import deepcopy

    fingerprint = _fingerprint(engine)
    key = (name, args)
    with _CACHE_LOCK:
        entries = _CACHE.setdefault(engine, {})
        hit = entries.get(key)
    if hit is not None and hit[0] == fingerprint:
        return deepcopy(hit[1]) if copy else hit[1]
    value = compute()
    with _CACHE_LOCK:
        if len(entries) >= _CACHE_SIZE:
            entries.clear()
        entries[key] = (fingerprint, value)
    return deepcopy(value) if copy else value


def top_actors(
    store: Store, *, limit: int = 20, since: str | None = None, until: str | None = None
) -> list[dict[str, Any]]:
    """The most mentioned actors: id (key), name, label, mentions, articles."""
    engine = engine_of(store)

    def compute() -> list[dict[str, Any]]:
        accs = _actor_counts(engine, since, until)
        ranked = sorted(accs.values(), key=lambda acc: (-acc.mentions, acc.key))[:limit]
        return [
            {
                "id": acc.key,
                "name": acc.names.most_common(1)[0][0],
                "label": acc.labels.most_common(1)[0][0],
                "mentions": acc.mentions,
                "articles": len(acc.articles),
            }
            for acc in ranked
        ]

    result: list[dict[str, Any]] = _cached(engine, "top_actors", (limit, since, until), compute)
    return result


def actor_profile(store: Store, actor: str) -> dict[str, Any] | None:
    """What the knowledge base holds about an actor (id or key); None when nothing mentions it."""
    engine = engine_of(store)
    e, a, actors = schema.entities, schema.articles, schema.actors
    key = actor_key(actor)
    linked_query = (
        select(
            e.c.article_id,
            e.c.text,
            e.c.label,
            e.c.actor_id,
            e.c.actor_name,
            a.c.published_value,
            a.c.published_granularity,
        )
        .join(a, a.c.id == e.c.article_id)
        .where(e.c.actor_id == actor)
    )
    with engine.connect() as conn:
        mentions: list[Mapping[Any, Any]] = list(conn.execute(linked_query).mappings())
        record = conn.execute(select(actors.c.data).where(actors.c.actor_id == actor).limit(1)).scalar()
    if not mentions:
        mentions = _unlinked_matches(engine, key)
    if not mentions and record is None:
        return None
    names: Counter[str] = Counter(m["text"] for m in mentions)
    labels: Counter[str] = Counter(m["label"] for m in mentions)
    articles: dict[str, int] = Counter(m["article_id"] for m in mentions)
    months: dict[str, dict[str, int]] = defaultdict(lambda: {"mentions": 0, "quotes": 0, "events": 0})
    undated = {"mentions": 0, "quotes": 0, "events": 0}

    def bucket(value: str | None, granularity: str | None) -> dict[str, int]:
        month = _month(value, granularity)
        return months[month] if month else undated

    for m in mentions:
        bucket(m["published_value"], m["published_granularity"])["mentions"] += 1
    quotes = list_quotes(store, speaker=actor, limit=10_000)
    for item in quotes.items:
        published = item["published"] or {}
        bucket(published.get("value"), published.get("granularity"))["quotes"] += 1
    events = list_events(store, actor=actor, limit=10_000)
    for item in events.items:
        published = item["published"] or {}
        bucket(published.get("value"), published.get("granularity"))["events"] += 1
    data = dict(record) if record else {}
    linked_name = next((m["actor_name"] for m in mentions if m["actor_name"]), None)
    name = data.get("name") or linked_name or (names.most_common(1)[0][0] if names else actor)
    aliases = sorted(set(data.get("aliases") or ()) | set(names) - {name})
    with engine.connect() as conn:
        query = select(a.c.id, a.c.title, a.c.lead).where(a.c.id.in_(list(articles)))
        titles = {row.id: row.title or _shorten(row.lead) for row in conn.execute(query)} if articles else {}
    return {
        "id": actor,
        "key": data.get("id") or (mentions[0]["actor_id"] if mentions and mentions[0]["actor_id"] else key),
        "name": name,
        "type": data.get("type") or (labels.most_common(1)[0][0] if labels else None),
        "labels": dict(labels),
        "aliases": aliases,
        "country": data.get("country"),
        "roles": list(data.get("roles") or []),
        "linked": bool(mentions and mentions[0]["actor_id"]) or record is not None,
        "counts": {
            "mentions": len(mentions),
            "articles": len(articles),
            "quotes": quotes.total,
            "events": events.total,
        },
        "timeline": [{"month": month, **counts} for month, counts in sorted(months.items())],
        "undated": undated,
        "articles": [
            {"id": article_id, "title": titles.get(article_id), "mentions": count}
            for article_id, count in sorted(articles.items(), key=lambda kv: (-kv[1], kv[0]))[:50]
        ],
        "quotes": quotes.items[:20],
        "events": events.items[:20],
    }


# ---------------------------------------------------------------------------------------------
# network


def network(
    store: Store,
    *,
    since: str | None = None,
    until: str | None = None,
    max_nodes: int = 60,
) -> dict[str, Any]:
    """Actors as nodes and typed edges between them.

    - ``co-mention``: both are mentioned in the same article (weight = articles);
    - ``quote``: the speaker of a quote mentions the other actor inside the quote;
    - ``event``: an event with the one as source and the other as target (label = PLOVER type).

    Only the ``max_nodes`` most mentioned actors in the date range are kept.
    """
    engine = engine_of(store)
    result: dict[str, Any] = _cached(
        engine, "network", (since, until, max_nodes), lambda: _network(store, engine, since, until, max_nodes)
    )
    return result


def _network(
    store: Store, engine: Engine, since: str | None, until: str | None, max_nodes: int
) -> dict[str, Any]:
    nodes = {n["id"]: n for n in top_actors(store, limit=max_nodes, since=since, until=until)}
    per_article: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for row in _entity_rows(engine, since, until):
        key = _key_of(row)
        if key in nodes:
            per_article[row["article_id"]].append((row["start"], row["end"], key))
    edges: dict[tuple[str, str, str, str], int] = Counter()
    for mentions in per_article.values():
        keys = sorted({k for _, _, k in mentions})
        for i, first in enumerate(keys):
            for second in keys[i + 1 :]:
                edges[(first, second, "co-mention", "")] += 1
    quotes = list_quotes(store, since=since, until=until, limit=100_000)
    for item in quotes.items:
        speaker = item["speaker_actor_id"] or actor_key((item["speaker"] or {}).get("text", ""))
        if speaker not in nodes or item["start"] is None:
            continue
        inside = {
            k
            for s, e_, k in per_article.get(item["article_id"], ())
            if s >= item["start"] and e_ <= item["end"] and k != speaker
        }
        for other in sorted(inside):
            edges[(speaker, other, "quote", "")] += 1
    events = list_events(store, since=since, until=until, limit=100_000)
    for item in events.items:
        source = item.get("source_actor_id") or actor_key((item.get("source") or {}).get("text", ""))
        target = item.get("target_actor_id") or actor_key((item.get("target") or {}).get("text", ""))
        if source in nodes and target in nodes and source != target:
            edges[(source, target, "event", item.get("type") or "")] += 1
    return {
        "nodes": list(nodes.values()),
        "edges": [
            {"source": s, "target": t, "type": kind, "label": label, "weight": weight}
            for (s, t, kind, label), weight in sorted(edges.items())
        ],
    }
