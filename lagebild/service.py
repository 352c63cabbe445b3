"""Service functions shared by the CLI and the API: ingest sources into a store, with duplicates
handled, analysis batched and failures collected instead of stopping the batch."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from lagebild.errors import LagebildError
from lagebild.records import Analysis, Article
from lagebild.settings import Settings

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from lagebild.store import AddItem, Store

logger = logging.getLogger(__name__)

__all__ = ["IngestReport", "NearDuplicate", "ingest", "ingest_articles", "samples_dir"]


def samples_dir() -> Path:
    """The bundled sample articles (the seed plus articles written for the project)."""
    return Path(__file__).resolve().parent / "samples"


@dataclass(frozen=True)
class NearDuplicate:
    article_id: str
    original_id: str
    similarity: float
    source: str | None


@dataclass
class IngestReport:
    """What one ``ingest`` run did; ``failures`` name the input and the problem."""

    new: list[str] = field(default_factory=list)
    existing: list[str] = field(default_factory=list)
    near_duplicates: list[NearDuplicate] = field(default_factory=list)
    failures: list[LagebildError] = field(default_factory=list)
    labels: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    characters: int = 0

    @property
    def articles_seen(self) -> int:
        return len(self.new) + len(self.existing) + len(self.near_duplicates)

    def to_json(self) -> dict[str, object]:
        return {
            "new": len(self.new),
            "existing": len(self.existing),
            "near_duplicates": [nd.__dict__ for nd in self.near_duplicates],
            "failures": [f.to_json() for f in self.failures],
            "entity_labels": self.labels,
            "seconds": round(self.seconds, 3),
            "characters": self.characters,
        }


ProgressCallback = Callable[[str, str], None]


def _batches(items: Iterable[Article | LagebildError], size: int) -> Iterator[list[Article | LagebildError]]:
    batch: list[Article | LagebildError] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _analyze_batch(
    pipeline: Language,
    items: list[AddItem],
    settings: Settings,
    report: IngestReport,
    notify: ProgressCallback,
) -> list[AddItem]:
    """``items`` with their analyses; an article the pipeline fails on is reported (E302), not stored.

    The batch goes through ``nlp.pipe``; if that fails, each article is retried alone so one bad
    article does not cost the others.
    """
    from lagebild.analyze import analysis_from_doc, make_doc

    def analyzed(item: AddItem, doc: Doc) -> AddItem:
        return replace(item, analysis=analysis_from_doc(item.analysis.article, doc, pipeline))

    try:
        docs = pipeline.pipe(
            (make_doc(pipeline, i.analysis.article) for i in items), batch_size=settings.batch_size
        )
        return [analyzed(i, doc) for i, doc in zip(items, docs, strict=True)]
    except Exception:
        logger.debug("batch analysis failed; retrying article by article", exc_info=True)
    done: list[AddItem] = []
    for item in items:
        article = item.analysis.article
        try:
            done.append(analyzed(item, pipeline(make_doc(pipeline, article))))
        except Exception as exc:  # a component bug must not stop the batch: report it, go on
            logger.debug("analysis failed for %s", article.id, exc_info=True)
            error = LagebildError("E302", f"analysis failed: {type(exc).__name__}: {exc}")
            report.failures.append(error.for_source(article.source or article.id))
            notify("failed", error.line())
    return done


def _store_all(store: Store, items: list[AddItem]) -> list[LagebildError | None]:
    """Store ``items`` in one batch transaction (each article its own SAVEPOINT, so it is stored
    whole or not at all); returns, per item, ``None`` when stored or the error that stopped it.

    ``add_many`` commits the articles before a failing one and raises; the batch then goes on
    after the failing article.
    """
    outcome: list[LagebildError | None] = []
    remaining = items
    while remaining:
        try:
            store.add_many(remaining, batch_size=len(remaining))
        except LagebildError as exc:
            stored = store.existing(i.analysis.article.id for i in remaining)
            failed_at = next(
                (n for n, i in enumerate(remaining) if i.analysis.article.id not in stored), len(remaining)
            )
            outcome.extend([None] * failed_at)
            if failed_at == len(remaining):
                break
            outcome.append(exc)
            remaining = remaining[failed_at + 1 :]
            continue
        outcome.extend([None] * len(remaining))
        break
    return outcome


def ingest(
    sources: Iterable[str | Path],
    store: Store,
    *,
    settings: Settings | None = None,
    fmt: str | None = None,
    nlp: Language | None = None,
    analyze: bool = True,
    on_progress: ProgressCallback | None = None,
) -> IngestReport:
    """Read ``sources`` (files, folders, URLs) and ingest their articles (``ingest_articles``)."""
    from lagebild.ingest import read_many

    settings = settings or Settings()
    items = read_many(sources, settings=settings, fmt=fmt)
    return ingest_articles(items, store, settings=settings, nlp=nlp, analyze=analyze, on_progress=on_progress)


def ingest_articles(
    items: Iterable[Article | LagebildError],
    store: Store,
    *,
    settings: Settings | None = None,
    nlp: Language | None = None,
    analyze: bool = True,
    on_progress: ProgressCallback | None = None,
) -> IngestReport:
    """Skip exact duplicates, link near-duplicates, analyze and store the rest of ``items``.

    ``items`` may carry read errors (as ``read_many`` yields them); they are reported, not raised.
    Articles are analyzed in batches and stored a batch per transaction, each article in its own
    savepoint, so a failure (or a crash) never leaves half an article; the batch goes on and the
    failure is reported.
    """
    from lagebild.analyze import get_pipeline
    from lagebild.ingest.dedup import (
        NearDuplicateIndex,
        signature,
        signature_from_bytes,
        signature_to_bytes,
    )
    from lagebild.store import AddItem

    settings = settings or Settings()
    report = IngestReport()
    started = time.perf_counter()
    pipeline = (nlp if nlp is not None else get_pipeline(settings.model)) if analyze else None

    index = NearDuplicateIndex(settings.near_duplicate_threshold, settings.minhash_permutations)
    for stored_id, blob in store.minhashes():
        index.add(stored_id, signature_from_bytes(blob, settings.minhash_permutations))

    def notify(kind: str, detail: str) -> None:
        if on_progress is not None:
            on_progress(kind, detail)

    for batch in _batches(items, settings.batch_size):
        articles = [item for item in batch if isinstance(item, Article)]
        stored_before = store.existing(a.id for a in articles)
        fresh: list[AddItem] = []
        # Near-duplicates are stored after the batch's new articles: their original may be one.
        linked: list[AddItem] = []
        seen_in_batch: set[str] = set()
        for item in batch:
            if isinstance(item, LagebildError):
                report.failures.append(item)
                notify("failed", item.line())
                continue
            report.characters += len(item.text)
            if item.id in seen_in_batch or item.id in stored_before:
                report.existing.append(item.id)
                notify("exists", item.id)
                continue
            seen_in_batch.add(item.id)
            sig = signature(item.text, settings)
            blob = signature_to_bytes(sig)
            matches = index.query(sig)
            index.add(item.id, sig)
            if matches:
                original, similarity = matches[0]
                linked.append(AddItem(Analysis(article=item), blob, original, similarity))
                continue
            fresh.append(AddItem(Analysis(article=item), blob))
        if pipeline is not None and fresh:
            fresh = _analyze_batch(pipeline, fresh, settings, report, notify)
        for added, error in zip(fresh + linked, _store_all(store, fresh + linked), strict=True):
            article = added.analysis.article
            if error is not None:
                report.failures.append(error.for_source(article.source or article.id))
                notify("failed", error.line())
            elif added.duplicate_of is not None:
                nd = NearDuplicate(article.id, added.duplicate_of, added.similarity or 0.0, article.source)
                report.near_duplicates.append(nd)
                notify("near_duplicate", article.id)
            else:
                report.new.append(article.id)
                for mention in added.analysis.entities or ():
                    report.labels[mention.label] = report.labels.get(mention.label, 0) + 1
                notify("new", article.id)
    report.seconds = time.perf_counter() - started
    return report
