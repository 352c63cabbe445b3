"""The spaCy component ``lagebild_quotes``: who said what, as ``doc.spans["quotes"]`` and
``doc.spans["reported"]``.

Importing this module registers the factory and the extensions, nothing else::

    import spacy
    import lagebild.quotes.component  # noqa: F401  (registers "lagebild_quotes")

    nlp = spacy.load("models/de_lagebild")       # tagger/morphologizer/parser help, not required
    nlp.add_pipe("lagebild_linker")              # speaker actors come from the linker's mentions
    nlp.add_pipe("lagebild_quotes")
    doc = nlp("„Wir kommen“, sagte Scholz.")
    [(s.text, s._.quote.kind, s._.quote.speaker_actor_id) for s in doc.spans["quotes"]]

Each span covers the quoted (or reported) content, tokens expanded; ``Span._.quote`` holds the
``records.Quote`` (exact characters), ``Span._.cue_particle`` the separated particle of a cue verb
("an" of "fügte … an", a ``Token`` or None) and ``Span._.cue_lemma`` the joined cue lemma
("anfügen"). ``doc.user_data["article_id"]`` is copied into the records;
``doc.user_data["subheadings"]`` (character ranges) marks subheadings. The stored values are plain
data (``Span._.quote_data``, ``Span._.cue_particle_i``), rebuilt by getters, so that docs cross
process boundaries (``nlp.pipe(n_process=2)``).
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from lagebild.quotes.extract import COMPONENT, Found, find_quotes
from lagebild.quotes.lexicon import CueLexicon, load_cues
from lagebild.records import Quote, quote_from_json
from lagebild.records import Span as CharSpan

__all__ = ["QuotesComponent", "make_quotes_component", "quote_from_data", "quote_to_data", "to_record"]


def _span_json(span: CharSpan | None) -> dict[str, Any] | None:
    return None if span is None else span.to_json()


def quote_to_data(quote: Quote) -> dict[str, Any]:
    """Plain JSON of a Quote (kept in ``Span._.quote_data`` so docs survive ``n_process``)."""
    data = quote.to_json()
    data["article_id"] = quote.article_id
    return data


def quote_from_data(data: dict[str, Any]) -> Quote:
    return quote_from_json(data, data.get("article_id", ""))


def _quote_getter(span: Span) -> Quote | None:
    data = span._.quote_data
    return None if data is None else quote_from_data(data)


def _particle_getter(span: Span) -> Token | None:
    i = span._.cue_particle_i
    return None if i is None else span.doc[i]


for _name in ("quote_data", "cue_particle_i", "cue_lemma"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)
if not Span.has_extension("quote"):
    Span.set_extension("quote", getter=_quote_getter)
if not Span.has_extension("cue_particle"):
    Span.set_extension("cue_particle", getter=_particle_getter)


def _char_span(doc: Doc, tokens: tuple[int, int] | None) -> CharSpan | None:
    if tokens is None:
        return None
    span = doc[tokens[0] : tokens[1]]
    return CharSpan(span.start_char, span.end_char, span.text)


def to_record(found: Found, doc: Doc, article_id: str = "") -> Quote:
    """The ``records.Quote`` of a found item (character offsets into ``doc.text``)."""
    kind = found.kind if found.kind in ("direct", "partial", "reported") else "reported"
    return Quote(
        article_id=article_id,
        start=found.start,
        end=found.end,
        text=doc.text[found.start : found.end],
        kind=kind,  # type: ignore[arg-type]
        component=COMPONENT,
        speaker=_char_span(doc, found.speaker),
        speaker_actor_id=found.actor_id,
        cue=_char_span(doc, found.cue),
        addressee=_char_span(doc, found.addressee),
        medium=_char_span(doc, found.medium),
        mood=found.mood,
        confidence=round(found.confidence, 3),
        cue_lemma=found.cue_lemma,
    )


class QuotesComponent:
    """Thin wrapper: runs :func:`lagebild.quotes.extract.find_quotes` and stores the results."""

    def __init__(
        self,
        name: str = "lagebild_quotes",
        quotes_key: str = "quotes",
        reported_key: str = "reported",
        lexicon: CueLexicon | None = None,
    ) -> None:
        self.name = name
        self.quotes_key = quotes_key
        self.reported_key = reported_key
        self.lexicon = lexicon or load_cues()
        self.version = COMPONENT

    def __call__(self, doc: Doc) -> Doc:
        article_id = str(doc.user_data.get("article_id", ""))
        quotes: list[Span] = []
        reported: list[Span] = []
        for found in find_quotes(doc, self.lexicon):
            span = doc.char_span(found.start, found.end, label=found.kind, alignment_mode="expand")
            if span is None or not len(span):
                continue
            span._.quote_data = quote_to_data(to_record(found, doc, article_id))
            span._.cue_particle_i = found.particle
            span._.cue_lemma = found.cue_lemma
            (reported if found.kind == "reported" else quotes).append(span)
        doc.spans[self.quotes_key] = quotes
        doc.spans[self.reported_key] = reported
        return doc


@Language.factory(
    "lagebild_quotes",
    assigns=["doc.spans", "span._.quote_data", "span._.cue_lemma"],
    default_config={"quotes_key": "quotes", "reported_key": "reported"},
)
def make_quotes_component(nlp: Language, name: str, quotes_key: str, reported_key: str) -> QuotesComponent:
    return QuotesComponent(name, quotes_key, reported_key)
