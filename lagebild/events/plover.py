"""PLOVER-style JSON for one ``records.Event``, with the field names of the PLOVER gold-standard records.

Field names follow ``PLOVER_GSR_CAMEO.json`` (Open Event Data Alliance, PLOVER 0.5b1, see
``../shared/data/plover-gsr/SOURCE.md``): ``id``, ``date``, ``source``/``target`` (lists of
``{actorText, code}``, or ``""`` when there is none), ``event``, ``eventText``, ``mode``, ``context``,
``eventLoc``, ``text`` (the sentence or paragraph), ``textInfo.markup`` (inline ``(SRC: ..)``,
``(TAR: ..)``, ``(SRC/TAR: ..)``, ``(EVT: ..)``, ``(LOC: ..)``), ``language``, ``publication``,
``coder``, ``version``, ``dateCoded``, ``comment``.

Lagebild adds ``articleId`` and ``offsets`` (character offsets into the article text),
``ploverMode`` and ``confidence``. ``mode`` carries Lagebild's auxiliary mode (actual, future,
historical, negated, hypothetical), as the store exporter always has; the PLOVER mode of the type
(phone, visit, multilateral, …) goes to ``ploverMode`` because ``records.Event`` has one mode field
(docs/events.md). ``lagebild.export.plover`` writes stored events with :func:`plover_record`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lagebild.events.lexicon import EventLexicon, load_lexicon
from lagebild.records import Actor, Article, Event, Span

__all__ = ["markup", "plover_mode_of", "plover_record"]


def plover_mode_of(event: Event, lexicon: EventLexicon | None = None) -> str | None:
    """The PLOVER mode of the event's type: ``event.plover_mode``, else read from its trigger word
    through the lexicon (events stored before contract 1.2): "telefoniert" -> phone, "Gipfel" ->
    multilateral, "eingeladen" -> invite.
    """
    if event.plover_mode:
        return event.plover_mode
    lex = lexicon or load_lexicon()
    word = event.text.split()[-1].lower() if event.text.split() else ""
    for entry in (*lex.by_joined.get(word, ()), *lex.by_form.get(word, ())):
        if entry.type == event.type and entry.mode:
            return entry.mode
    noun = lex.noun(event.text.split()[-1]) if event.text.split() else None
    if noun is not None and noun.type == event.type:
        return noun.mode
    return None


def _actors(
    span: Span | None, actor_id: str | None, actors: Mapping[str, Actor] | None
) -> list[dict[str, str]] | str:
    if span is None and actor_id is None:
        return ""
    entry = {"actorText": span.text if span is not None else ""}
    if actor_id:
        entry["code"] = actor_id
        actor = actors.get(actor_id) if actors else None
        if actor is not None:
            if actor.country:
                entry["country"] = actor.country
            if actor.type in {"GOV", "STATE"}:
                entry["sector"] = "GOV"
    return [entry]


def _paragraph(article: Article, start: int, end: int) -> Span:
    for span in (*article.paragraphs, *article.subheadings):
        if span.start <= start and end <= span.end:
            return span
    return Span(0, len(article.text), article.text)


def markup(article: Article, event: Event, sentence: Span) -> str:
    """The sentence with PLOVER GSR inline markup around source, target, event and place."""
    parts: list[tuple[int, int, str]] = []
    same = (
        event.source is not None
        and event.target is not None
        and ((event.source.start, event.source.end) == (event.target.start, event.target.end))
    )
    if event.source is not None:
        parts.append((event.source.start, event.source.end, "SRC/TAR" if same else "SRC"))
    if event.target is not None and not same:
        parts.append((event.target.start, event.target.end, "TAR"))
    parts.append((event.start, event.end, "EVT"))
    if event.place is not None:
        parts.append((event.place.start, event.place.end, "LOC"))
    out: list[str] = []
    position = sentence.start
    for start, end, tag in sorted(p for p in parts if sentence.start <= p[0] and p[1] <= sentence.end):
        if start < position:  # overlapping spans: keep the first
            continue
        out.append(article.text[position:start])
        out.append(f"({tag}: {article.text[start:end]})")
        position = end
    out.append(article.text[position : sentence.end])
    return "".join(out)


def plover_record(
    event: Event,
    article: Article,
    *,
    seq: int = 0,
    coded: str | None = None,
    sentence: Span | None = None,
    actors: Mapping[str, Actor] | None = None,
    plover_mode: str | None = None,
) -> dict[str, Any]:
    """``event`` of ``article`` as a PLOVER GSR-style record.

    ``seq`` numbers the record within the article (``id`` = ``<article id>-<seq>``), ``coded`` is
    the coding date (``dateCoded``), ``sentence`` the context shown (default: the paragraph),
    ``actors`` adds ``country``/``sector`` to the actor entries, ``plover_mode`` overrides the
    mode read from the trigger.
    """
    where = sentence or _paragraph(article, event.start, event.end)
    component, _, version = event.component.partition("@")
    record: dict[str, Any] = {
        "id": f"{article.id}-{seq:04d}",
        "date": event.date
        if event.date and "X" not in event.date and not event.date.endswith("_REF")
        else (article.published.value if article.published else None),
        "source": _actors(event.source, event.source_actor_id, actors),
        "target": _actors(event.target, event.target_actor_id, actors),
        "event": event.type,
        "eventText": event.text,
        "mode": event.mode,
        "context": "",
        "text": where.text,
        "textInfo": {"markup": markup(article, event, where)},
        "language": article.language,
        "publication": article.credit or article.source or "",
        "coder": component,
        "version": version or component.rpartition(".")[2],
        "dateCoded": coded or "",
        "articleId": article.id,
        "offsets": {"start": event.start, "end": event.end},
        "ploverMode": plover_mode or plover_mode_of(event) or "",
    }
    if event.date and record["date"] != event.date:
        record["dateText"] = event.date  # underspecified ("2025-02-XX"): the value, for the reader
    if event.place is not None:
        record["eventLoc"] = {"placeText": event.place.text, "code": event.place_id or ""}
    if event.attributed_to:
        record["comment"] = f"attributed to {event.attributed_to}"
    if event.confidence is not None:
        record["confidence"] = event.confidence
    return record
