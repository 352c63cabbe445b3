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

Each span covers the trigger word; ``Span._.event`` gives the ``records.Event`` (a getter over
the plain JSON in ``Span._.event_data``, so docs survive ``nlp.pipe(n_process=2)``) and
``Span._.plover_mode`` the PLOVER mode of the type (phone, visit, multilateral, …) until the
record has a field for it (docs/events.md).
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from lagebild.events.extract import COMPONENT, Arg, Found, find_events
from lagebild.events.lexicon import EventLexicon, load_lexicon
from lagebild.records import Event, event_from_json
from lagebild.records import Span as CharSpan

__all__ = ["EventsComponent", "event_from_data", "event_to_data", "make_events_component", "to_record"]


def event_from_data(data: dict[str, Any] | None) -> Event | None:
    """The ``records.Event`` from its plain JSON (``Span._.event_data``)."""
    return None if data is None else event_from_json(data, data.get("article_id", ""))


def event_to_data(event: Event) -> dict[str, Any]:
    data = event.to_json()
    data["article_id"] = event.article_id
    return data


# The record is kept as plain JSON so that docs survive nlp.pipe(n_process=2) (user_data is
# serialized with msgpack); Span._.event is a getter over it.
for _name in ("event_data", "plover_mode"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)
if not Span.has_extension("event"):
    Span.set_extension("event", getter=lambda span: event_from_data(span._.event_data))


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
        plover_mode=found.plover_mode,
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
            span._.event_data = event_to_data(to_record(found, doc, article_id))
            span._.plover_mode = found.plover_mode
            spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc


@Language.factory(
    "lagebild_events",
    default_config={"spans_key": "events"},
    assigns=["doc.spans", "span._.event_data", "span._.plover_mode"],
    requires=["doc.spans"],
)
def make_events_component(nlp: Language, name: str, spans_key: str) -> EventsComponent:
    return EventsComponent(name=name, spans_key=spans_key)
