"""Analyze articles: run the German pipeline over ``Article.text`` and collect the records.

The text is processed as one spaCy ``Doc`` so that token character offsets are offsets into
``Article.text``; every record therefore points at the exact characters it came from.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from lagebild.errors import LagebildError
from lagebild.records import Actor, Analysis, Article, Event, Mention, Quote, Timex

if TYPE_CHECKING:
    from pathlib import Path

    from spacy.language import Language
    from spacy.tokens import Doc, Span

__all__ = ["EXTRACTORS", "analysis_from_doc", "analyze", "analyze_many", "get_pipeline", "make_doc"]

# The extraction components added after the trained model's own (tagger, parser, NER), in order.
EXTRACTORS: tuple[str, ...] = ("lagebild_linker", "lagebild_quotes", "lagebild_time", "lagebild_events")


def get_pipeline(model: Path | str | None = None) -> Language:
    """The trained German pipeline with Lagebild's extraction components (cached).

    E301 when the model is missing or cannot be loaded.
    """
    import lagebild.events.component
    import lagebild.link.component
    import lagebild.quotes.component
    import lagebild.time.component  # noqa: F401  (registers the factory)
    from lagebild.nlp import load_pipeline

    try:
        nlp = load_pipeline(model)
    except LagebildError:
        raise
    except Exception as exc:  # spaCy raises OSError/ValueError/KeyError for broken model folders
        raise LagebildError("E301", f"cannot load the German pipeline: {exc}") from exc
    for name in EXTRACTORS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name)
    return nlp


def make_doc(nlp: Language, article: Article) -> Doc:
    """A tokenized ``Doc`` of ``article.text`` carrying what components need to know of the article."""
    doc = nlp.make_doc(article.text)
    doc.user_data["article_id"] = article.id
    # Plain values only: docs cross process boundaries with nlp.pipe(n_process=...). The ISO value
    # carries the granularity ("2025-02" is a month).
    doc.user_data["published"] = article.published.value if article.published else None
    doc.user_data["subheadings"] = [(s.start, s.end) for s in article.subheadings]
    return doc


def _component_name(nlp: Language, component: str) -> str:
    meta = nlp.meta
    return f"{meta.get('name', 'pipeline')}.{component}@{meta.get('version', '0')}"


def _mention(article: Article, span: Span, component: str) -> Mention:
    """A Mention of ``span``; the linker's extensions (absent on bare NER entities) fill the link."""
    linked = span.has_extension("actor_id")
    return Mention(
        article_id=article.id,
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        label=span.label_,
        component=component,
        actor_id=span._.actor_id if linked else None,
        actor_name=span._.actor_name if linked else None,
        link=span._.link if linked else None,
        confidence=span._.confidence if linked else None,
    )


def _records(doc: Doc, key: str, attribute: str) -> tuple[Any, ...]:
    """The records a component keeps on the spans of ``doc.spans[key]`` (as ``Span._.<attribute>``)."""
    found = (getattr(span._, attribute) for span in doc.spans.get(key, ()))
    return tuple(record for record in found if record is not None)


def analysis_from_doc(article: Article, doc: Doc, nlp: Language) -> Analysis:
    """Collect the records the pipeline put on ``doc`` for ``article``."""
    entities: tuple[Mention, ...] | None = None
    components: list[str] = []

    def version(name: str) -> str:
        component: str = nlp.get_pipe(name).version  # type: ignore[attr-defined]
        components.append(component)
        return component

    if "ner" in nlp.pipe_names:
        ner_name = _component_name(nlp, "ner")
        components.append(ner_name)
        entities = tuple(_mention(article, ent, ner_name) for ent in doc.ents)
    actors: tuple[Actor, ...] | None = None
    if "lagebild_linker" in nlp.pipe_names:
        # The linker's mentions replace the bare NER entities: linked names, roles, metonyms,
        # demonyms, pronouns (docs/linking.md).
        linker = version("lagebild_linker")
        entities = tuple(_mention(article, span, linker) for span in doc.spans.get("mentions", ()))
        actors = tuple((doc._.actors or {}).values())
    timexes: tuple[Timex, ...] | None = None
    if "lagebild_time" in nlp.pipe_names:
        version("lagebild_time")
        timexes = _records(doc, "timexes", "timex")
    quotes: tuple[Quote, ...] | None = None
    reported: tuple[Quote, ...] | None = None
    if "lagebild_quotes" in nlp.pipe_names:
        version("lagebild_quotes")
        quotes, reported = _records(doc, "quotes", "quote"), _records(doc, "reported", "quote")
    events: tuple[Event, ...] | None = None
    if "lagebild_events" in nlp.pipe_names:
        version("lagebild_events")
        events = _records(doc, "events", "event")
    return Analysis(
        article=article,
        entities=entities,
        actors=actors,
        quotes=quotes,
        reported=reported,
        timexes=timexes,
        events=events,
        components=tuple(components),
    )


def analyze(article: Article, *, nlp: Language | None = None) -> Analysis:
    """Analyze one article with the bundled German pipeline (or ``nlp``)."""
    pipeline = nlp if nlp is not None else get_pipeline()
    return analysis_from_doc(article, pipeline(make_doc(pipeline, article)), pipeline)


def analyze_many(
    articles: Iterable[Article],
    *,
    nlp: Language | None = None,
    n_process: int = 1,
    batch_size: int = 32,
) -> Iterator[Analysis]:
    """Analyze a stream of articles with ``nlp.pipe`` (batched, optionally multi-process), in order."""
    pipeline = nlp if nlp is not None else get_pipeline()
    pairs = ((make_doc(pipeline, article), article) for article in articles)
    for doc, article in pipeline.pipe(pairs, as_tuples=True, n_process=n_process, batch_size=batch_size):
        yield analysis_from_doc(article, doc, pipeline)
