"""The spaCy component ``lagebild_events``: PLOVER events as ``doc.spans["events"]``.

Importing this module registers the factory and the extensions, nothing else::

    import spacy
    import lagebild.events.component  # noqa: F401  (registers "lagebild_events")

    nlp = spacy.load("models/de_lagebild")   # the parse helps; word-order fallbacks work without it
    nlp.add_pipe("lagebild_linker")          # actors come from the linker's mentions (required)
    nlp.add_pipe("lagebild_time")            # dates (optional)
    nlp.add_pipe("lagebild_quotes")          # attribution to speakers (optional)
    nlp.add_pipe("lagebild_events")
    doc = nlp("US-Präsident Donald Trump hat mit Putin telefoniert.")
    [(s.text, s._.event.type, s._.event.mode, s._.plover_mode) for s in doc.spans["events"]]

Each span covers the trigger word; ``Span._.event`` holds the ``records.Event`` and
``Span._.plover_mode`` the PLOVER mode of the type (phone, visit, multilateral, …) until the
record has a field for it (docs/events.md).
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from lagebild.events.extract import COMPONENT, Arg, Found, find_events
from lagebild.events.lexicon import EventLexicon, load_lexicon
from lagebild.records import Event
from lagebild.records import Span as CharSpan

__all__ = ["EventsComponent", "make_events_component", "to_record"]

for _name in ("event", "plover_mode"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)


def _char(doc: Doc, arg: Arg | None) -> CharSpan | None:
    if arg is None or arg.end <= arg.start:
        return None
    span = doc[arg.start : arg.end]
    return CharSpan(span.start_char, span.end_char, span.text)


def to_record(found: Found, doc: Doc, article_id: str = "") -> Event:
    """The ``records.Event`` of a found item (character offsets into ``doc.text``)."""
    trigger = doc[found.trigger[0] : found.trigger[1]]
    timex = None
    if found.timex is not None:
        t = doc[found.timex[0] : found.timex[1]]
        timex = CharSpan(t.start_char, t.end_char, t.text)
    return Event(
        article_id=article_id,
        start=trigger.start_char,
        end=trigger.end_char,
        text=trigger.text,
        type=found.type,
        mode=found.mode,
        component=COMPONENT,
        source_actor_id=found.source.actor_id if found.source else None,
        target_actor_id=found.target.actor_id if found.target else None,
        source=_char(doc, found.source),
        target=_char(doc, found.target),
        place=_char(doc, found.place),
        place_id=found.place_id,
        timex=timex,
        date=found.date,
        attributed_to=found.attributed_to,
        confidence=found.confidence,
    )


class EventsComponent:
    """Thin wrapper: runs :func:`lagebild.events.extract.find_events` and stores the results."""

    def __init__(
        self,
        name: str = "lagebild_events",
        spans_key: str = "events",
        lexicon: EventLexicon | None = None,
        kb: Any = None,
    ) -> None:
        self.name = name
        self.spans_key = spans_key
        self.lexicon = lexicon or load_lexicon()
        self._kb = kb
        self.version = COMPONENT

    @property
    def kb(self) -> Any:
        if self._kb is None:
            try:
                from lagebild.kb import load_kb

                self._kb = load_kb()
            except Exception:  # no KB: compounds and sides are not resolved, the rest works
                self._kb = False
        return self._kb or None

    def __call__(self, doc: Doc) -> Doc:
        article_id = str(doc.user_data.get("article_id") or "")
        spans = []
        for found in find_events(doc, self.lexicon, self.kb):
            span = doc[found.trigger[0] : found.trigger[1]]
            span = Span(doc, span.start, span.end, label=found.type)
            span._.event = to_record(found, doc, article_id)
            span._.plover_mode = found.plover_mode
            spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc


@Language.factory(
    "lagebild_events",
    default_config={"spans_key": "events"},
    assigns=["doc.spans", "span._.event", "span._.plover_mode"],
    requires=["doc.spans"],
)
def make_events_component(nlp: Language, name: str, spans_key: str) -> EventsComponent:
    return EventsComponent(name=name, spans_key=spans_key)
