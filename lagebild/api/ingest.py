"""Analyze or ingest one text sent to the API.

The text becomes an ``Article`` the same way a JSONL line does (``article_from_record``: blank
lines separate paragraphs, short lines are subheadings, a trailing agency credit is split off),
so an article posted to the API and the same article in a JSONL file get the same id and fields.

``ingest_article`` repeats the steps of ``lagebild.service.ingest`` for a single article that is
already in memory (``service.ingest`` reads from paths and URLs only): skip an exact duplicate,
link a near-duplicate (MinHash/LSH against the stored signatures), else analyze and store. It is
meant to move into ``lagebild.service`` as ``ingest_articles(articles, store, ...)``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from lagebild.records import Analysis, Article
from lagebild.service import IngestReport, NearDuplicate
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
    import time

    from lagebild.analyze import analyze
    from lagebild.ingest.dedup import (
        NearDuplicateIndex,
        signature,
        signature_from_bytes,
        signature_to_bytes,
    )

    started = time.perf_counter()
    report = IngestReport(characters=len(article.text))
    try:
        if store.has(article.id):
            report.existing.append(article.id)
            return "exists", report
        sig = signature(article.text, settings)
        blob = signature_to_bytes(sig)
        index = NearDuplicateIndex(settings.near_duplicate_threshold, settings.minhash_permutations)
        for stored_id, stored_blob in store.minhashes():
            index.add(stored_id, signature_from_bytes(stored_blob, settings.minhash_permutations))
        matches = index.query(sig)
        if matches:
            original, similarity = matches[0]
            store.add(Analysis(article=article), minhash=blob, duplicate_of=original, similarity=similarity)
            report.near_duplicates.append(NearDuplicate(article.id, original, similarity, article.source))
            return "near_duplicate", report
        analysis = analyze(article, nlp=nlp)
        store.add(analysis, minhash=blob)
        report.new.append(article.id)
        for mention in analysis.entities or ():
            report.labels[mention.label] = report.labels.get(mention.label, 0) + 1
        return "new", report
    finally:
        report.seconds = time.perf_counter() - started
