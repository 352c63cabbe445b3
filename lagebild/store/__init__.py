"""Storage: one schema (SQLAlchemy Core) on SQLite (default, one file, WAL, FTS5) or PostgreSQL.

::

    from lagebild.store import open_store

    with open_store("sqlite:///lagebild.db") as store:
        store.add(analysis)
        for hit in store.search("Waffenruhe"):
            print(hit.article_id, hit.snippet)
"""

from __future__ import annotations

from lagebild.store.migrations import SCHEMA_VERSION
from lagebild.store.store import (
    AddItem,
    AddResult,
    ArticleSummary,
    SearchHit,
    Store,
    StoredArticle,
    open_store,
)

__all__ = [
    "SCHEMA_VERSION",
    "AddItem",
    "AddResult",
    "ArticleSummary",
    "SearchHit",
    "Store",
    "StoredArticle",
    "open_store",
]
