"""The ingest service: batching, per-article failures, near-duplicates across batches."""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from lagebild.records import Article
from lagebild.service import ingest_articles
from lagebild.settings import Settings
from lagebild.store import open_store


@Language.component("test_fails_on_kaputt")
def _fails_on_kaputt(doc: Doc) -> Doc:
    if "KAPUTT" in doc.text:
        raise ValueError("component bug")
    return doc


TEXTS = [
    "Die Bundesregierung hat am Mittwoch neue Hilfen für die Landwirtschaft beschlossen.",
    "KAPUTT: Dieser Artikel bringt eine Komponente zum Absturz.",
    "Der Bundesrat stimmte am Freitag dem Gesetz zur Krankenhausreform zu.",
]


def test_analysis_failure_costs_only_that_article(tmp_path: Path) -> None:
    nlp = spacy.blank("de")
    nlp.add_pipe("test_fails_on_kaputt")
    settings = Settings(db=f"sqlite:///{tmp_path / 'kb.db'}", batch_size=8)
    articles = [Article.from_text(text, published="2025-03", source=f"t{n}") for n, text in enumerate(TEXTS)]
    with open_store(settings.db) as store:
        report = ingest_articles(articles, store, settings=settings, nlp=nlp)
        assert len(report.new) == 2
        assert [(f.code, f.source) for f in report.failures] == [("E302", "t1")]
        assert store.has(articles[0].id) and store.has(articles[2].id)
        assert not store.has(articles[1].id)


def test_duplicates_inside_one_batch(tmp_path: Path) -> None:
    settings = Settings(db=f"sqlite:///{tmp_path / 'kb.db'}", batch_size=8)
    article = Article.from_text(TEXTS[0], published="2025-03")
    with open_store(settings.db) as store:
        report = ingest_articles([article, article], store, settings=settings, analyze=False)
        assert (len(report.new), len(report.existing)) == (1, 1)
