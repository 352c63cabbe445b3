"""Analyze or ingest one text sent to the API.

The text becomes an ``Article`` the same way a JSONL line does (``article_from_record``: blank
lines separate paragraphs, short lines are subheadings, a trailing agency credit is split off),
so an article posted to the API and the same article in a JSONL file get the same id and fields.

``ingest_article`` runs ``lagebild.service.ingest_articles`` for one article already in memory:
skip an exact duplicate, link a near-duplicate, else analyze and store.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from lagebild.records import Article
from lagebild.service import IngestReport
from lagebild.settings import Settings

if TYPE_CHECKING:
    from spacy.language import Language

    from lagebild.store import Store

__all__ = ["article_from_text", "ingest_article"]


def article_from_text(
    text: str,
    settings: Settings,
    *,
    title: str | None = None,
    published: str | None = None,
    url: str | None = None,
    source: str = "api",
) -> Article:
    """An article from a posted text (E101 bad date, E102 empty text)."""
    from lagebild.ingest.tabular import article_from_record

    record = {settings.text_field: text, settings.title_field: title, settings.date_field: published}
    if url:
        record[settings.url_field] = url
    return article_from_record(record, settings, source=source)


def ingest_article(
    article: Article, store: Store, *, settings: Settings, nlp: Language
) -> tuple[Literal["new", "exists", "near_duplicate"], IngestReport]:
    """Store ``article`` (analyzed with ``nlp``) unless it or a near-duplicate of it is stored."""
    from lagebild.service import ingest_articles

    report = ingest_articles([article], store, settings=settings, nlp=nlp)
    if report.failures:
        raise report.failures[0]
    if report.existing:
        return "exists", report
    if report.near_duplicates:
        return "near_duplicate", report
    return "new", report
