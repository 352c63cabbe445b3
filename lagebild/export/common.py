"""Reading the whole store, article by article, for the exporters."""

from __future__ import annotations

from collections.abc import Iterator

from lagebild.records import Article, Span
from lagebild.store import Store, StoredArticle

__all__ = ["PAGE", "clean", "iter_stored", "paragraph_of"]

PAGE = 500


def iter_stored(store: Store) -> Iterator[StoredArticle]:
    """Every stored article (near-duplicates included) with its analysis, newest first."""
    offset = 0
    while True:
        rows = store.list_articles(limit=PAGE, offset=offset, include_duplicates=True)
        for row in rows:
            yield store.get(row.id)
        if len(rows) < PAGE:
            return
        offset += PAGE


def paragraph_of(article: Article, start: int, end: int) -> Span:
    """The paragraph (or subheading) holding ``start``..``end``; the whole text if none does."""
    for span in (*article.paragraphs, *article.subheadings):
        if span.start <= start and end <= span.end:
            return span
    return Span(0, len(article.text), article.text)


def clean(value: object, forbidden: str = "\t\n\r") -> str:
    """A value as one line without the delimiter characters of a flat format."""
    text = "" if value is None else str(value)
    for char in forbidden:
        text = text.replace(char, " ")
    return " ".join(text.split())
