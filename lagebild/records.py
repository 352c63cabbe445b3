"""The records that flow through Lagebild, each defined once.

Every record points back to its article (``article_id``) and to the exact characters of the
article's normalized text (``start``/``end``), so that whatever is stored can be shown to a user
highlighted in its sentence. Records are frozen dataclasses; ``to_json`` gives the JSON contract
(``docs/contract.md``, ``lagebild/schema/analysis.v1.json``).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import date
from typing import Any, Literal

from lagebild.errors import LagebildError

__all__ = [
    "CONTRACT_VERSION",
    "Actor",
    "Analysis",
    "Article",
    "Claim",
    "Event",
    "Mention",
    "Published",
    "Quote",
    "Role",
    "Span",
    "Timex",
    "actor_from_json",
    "article_id_for",
    "claim_from_json",
    "event_from_json",
    "mention_from_json",
    "normalize_text",
    "quote_from_json",
    "span_from_json",
    "timex_from_json",
]

CONTRACT_VERSION = "1.2"

Granularity = Literal["day", "month", "year"]
_GRANULARITIES: tuple[str, ...] = ("year", "month", "day")


def normalize_text(text: str) -> str:
    """Unicode NFC and ``\\n`` line ends; nothing else changes, so offsets stay meaningful."""
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def article_id_for(text: str) -> str:
    """Stable article id: a hash of the normalized text with whitespace runs collapsed.

    Collapsing whitespace makes the same story read from a .txt and from an HTML page (which
    differ only in line breaks) the same article.
    """
    canonical = re.sub(r"\s+", " ", normalize_text(text)).strip()
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Published:
    """A publication date with the precision the source gives (year, month or day)."""

    value: str
    granularity: Granularity

    @classmethod
    def parse(cls, value: str) -> Published:
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (a longer ISO timestamp keeps its day)."""
        raw = value.strip()
        match = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ][\d:.+\-Z]*)?", raw)
        if not match:
            raise LagebildError("E101", f"invalid date {value!r}: expected YYYY, YYYY-MM or YYYY-MM-DD")
        year, month, day = match.groups()
        if int(year) < 1:
            raise LagebildError("E101", f"invalid date {value!r}: year 0 does not exist")
        try:
            if day is not None:
                parsed = date(int(year), int(month), int(day))
                return cls(parsed.isoformat(), "day")
            if month is not None:
                date(int(year), int(month), 1)
                return cls(f"{int(year):04d}-{int(month):02d}", "month")
            return cls(f"{int(year):04d}", "year")
        except ValueError as exc:
            raise LagebildError("E101", f"invalid date {value!r}: {exc}") from None

    @property
    def first_day(self) -> date:
        parts = [int(p) for p in self.value.split("-")] + [1, 1]
        return date(parts[0], parts[1], parts[2])

    def to_json(self) -> dict[str, Any]:
        return {"value": self.value, "granularity": self.granularity}


@dataclass(frozen=True)
class Span:
    """A character range of ``Article.text``; ``text`` repeats the characters for readability."""

    start: int
    end: int
    text: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class Article:
    """One news article as a reader sees it.

    ``text`` is the normalized reading text (lead, subheadings and paragraphs in reading order,
    separated by blank lines); every offset in Lagebild points into it. ``paragraphs`` include the
    lead and exclude subheadings.
    """

    id: str
    text: str
    source: str | None = None
    published: Published | None = None
    title: str | None = None
    lead: Span | None = None
    subheadings: tuple[Span, ...] = ()
    paragraphs: tuple[Span, ...] = ()
    credit: str | None = None
    language: str = "de"
    url: str | None = None
    author: str | None = None

    @classmethod
    def from_text(
        cls,
        text: str,
        *,
        published: str | Published | None = None,
        title: str | None = None,
        source: str | None = None,
        url: str | None = None,
        author: str | None = None,
        credit: str | None = None,
    ) -> Article:
        """An article whose ``text`` is ``text`` (NFC, line ends unified, nothing else changed).

        Paragraphs are the blank-line separated blocks; the first one is the lead.
        """
        normalized = normalize_text(text)
        if not normalized.strip():
            raise LagebildError("E102", "empty text: the article has no words")
        paragraphs = tuple(_blocks(normalized))
        when = Published.parse(published) if isinstance(published, str) else published
        return cls(
            id=article_id_for(normalized),
            text=normalized,
            source=source,
            published=when,
            title=title.strip() if title else None,
            lead=paragraphs[0] if paragraphs else None,
            paragraphs=paragraphs,
            credit=credit,
            url=url,
            author=author,
        )

    def span(self, start: int, end: int) -> Span:
        return Span(start, end, self.text[start:end])

    def with_changes(self, **changes: Any) -> Article:
        return replace(self, **changes)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "url": self.url,
            "published": self.published.to_json() if self.published else None,
            "title": self.title,
            "author": self.author,
            "lead": self.lead.text if self.lead else None,
            "subheadings": [s.to_json() for s in self.subheadings],
            "credit": self.credit,
            "language": self.language,
            "paragraphs": [{"start": p.start, "end": p.end} for p in self.paragraphs],
            "text": self.text,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Article:
        text = data["text"]

        def spans(items: Iterable[Mapping[str, Any]]) -> tuple[Span, ...]:
            return tuple(Span(i["start"], i["end"], text[i["start"] : i["end"]]) for i in items)

        paragraphs = spans(data.get("paragraphs", []))
        published = data.get("published")
        return cls(
            id=data["id"],
            text=text,
            source=data.get("source"),
            url=data.get("url"),
            published=Published(published["value"], published["granularity"]) if published else None,
            title=data.get("title"),
            author=data.get("author"),
            lead=paragraphs[0] if paragraphs and data.get("lead") is not None else None,
            subheadings=spans(data.get("subheadings", [])),
            paragraphs=paragraphs,
            credit=data.get("credit"),
            language=data.get("language", "de"),
        )


def _blocks(text: str) -> Iterable[Span]:
    """Blank-line separated blocks of ``text`` as spans with surrounding whitespace trimmed."""
    for match in re.finditer(r"\S(?:.*?\S)??(?=\n[ \t]*\n|\s*\Z)", text, flags=re.DOTALL):
        yield Span(match.start(), match.end(), match.group())


@dataclass(frozen=True)
class Role:
    """An office held by an actor during an interval (ISO dates; ``end`` None = still in office)."""

    office: str
    start: str | None = None
    end: str | None = None
    country: str | None = None

    def to_json(self) -> dict[str, Any]:
        return _as_json(self)


@dataclass(frozen=True)
class Actor:
    """A canonical actor: person, organisation, state, government or place."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    country: str | None = None
    roles: tuple[Role, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return _as_json(self)


@dataclass(frozen=True)
class Mention:
    """An entity mention, optionally linked to an actor or place."""

    article_id: str
    start: int
    end: int
    text: str
    label: str
    component: str
    actor_id: str | None = None
    actor_name: str | None = None
    link: str | None = None
    confidence: float | None = None

    def to_json(self) -> dict[str, Any]:
        return _as_json(self, skip=("article_id",))


@dataclass(frozen=True)
class Quote:
    """A direct, partial or reported quote with speaker and cue."""

    article_id: str
    start: int
    end: int
    text: str
    kind: Literal["direct", "partial", "reported"]
    component: str
    speaker: Span | None = None
    speaker_actor_id: str | None = None
    cue: Span | None = None
    addressee: Span | None = None
    medium: Span | None = None
    mood: str | None = None
    confidence: float | None = None
    # The cue verb's lemma with a separated particle joined ("fügte … an" → "anfügen").
    cue_lemma: str | None = None

    def to_json(self) -> dict[str, Any]:
        return _as_json(self, skip=("article_id",))


@dataclass(frozen=True)
class Timex:
    """A time expression normalized TIMEX3-style against the article date."""

    article_id: str
    start: int
    end: int
    text: str
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str
    component: str
    anchor: str | None = None
    modifier: str | None = None
    candidates: tuple[str, ...] = ()
    interval: tuple[str, str] | None = None

    def to_json(self) -> dict[str, Any]:
        return _as_json(self, skip=("article_id",))


@dataclass(frozen=True)
class Event:
    """A PLOVER event with auxiliary mode, actors, place, time and evidence."""

    article_id: str
    start: int
    end: int
    text: str
    type: str
    mode: str
    component: str
    source_actor_id: str | None = None
    target_actor_id: str | None = None
    source: Span | None = None
    target: Span | None = None
    place: Span | None = None
    place_id: str | None = None
    timex: Span | None = None
    date: str | None = None
    attributed_to: str | None = None
    confidence: float | None = None
    # The PLOVER mode of the event type (CONSULT: phone, visit, multilateral; ASSAULT: ...);
    # ``mode`` is the auxiliary mode (actual, future, historical, negated, hypothetical).
    plover_mode: str | None = None

    def to_json(self) -> dict[str, Any]:
        return _as_json(self, skip=("article_id",))


@dataclass(frozen=True)
class Claim:
    """Discourse-network statement: an actor's agreement (+1/-1) with a concept."""

    article_id: str
    start: int
    end: int
    text: str
    actor_id: str | None
    concept: str
    agreement: int
    component: str

    def to_json(self) -> dict[str, Any]:
        return _as_json(self, skip=("article_id",))


@dataclass(frozen=True)
class Analysis:
    """What Lagebild found in one article.

    A list is ``None`` until the capability that fills it exists: absent is not "found nothing".
    """

    article: Article
    entities: tuple[Mention, ...] | None = None
    actors: tuple[Actor, ...] | None = None
    quotes: tuple[Quote, ...] | None = None
    reported: tuple[Quote, ...] | None = None
    timexes: tuple[Timex, ...] | None = None
    events: tuple[Event, ...] | None = None
    claims: tuple[Claim, ...] | None = None
    components: tuple[str, ...] = ()

    LISTS: tuple[str, ...] = field(
        default=("entities", "actors", "quotes", "reported", "timexes", "events", "claims"),
        init=False,
        repr=False,
        compare=False,
    )

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "contract": CONTRACT_VERSION,
            "components": list(self.components),
            "article": self.article.to_json(),
        }
        for name in self.LISTS:
            items = getattr(self, name)
            if items is not None:
                data[name] = [item.to_json() for item in items]
        return data


def _as_json(record: Any, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in fields(record):
        if f.name in skip or not f.init:
            continue
        value = getattr(record, f.name)
        if hasattr(value, "to_json"):
            value = value.to_json()
        elif isinstance(value, tuple):
            value = [v.to_json() if hasattr(v, "to_json") else v for v in value]
        out[f.name] = value
    return out


# -- records from their JSON ------------------------------------------------------------------
# One decoder per record, shared by the store (rows) and the spaCy components (records kept on
# spans as plain JSON so docs cross process boundaries). Keys a record does not know are ignored,
# so JSON written by a newer version still reads.


def span_from_json(data: Mapping[str, Any] | None) -> Span | None:
    if data is None:
        return None
    return Span(int(data["start"]), int(data["end"]), data.get("text", ""))


def _known(cls: type, data: Mapping[str, Any]) -> dict[str, Any]:
    # ``article_id`` comes as its own argument (stored rows keep it in a column, not in the JSON).
    names = {f.name for f in fields(cls) if f.init} - {"article_id"}
    return {k: v for k, v in data.items() if k in names}


def mention_from_json(data: Mapping[str, Any], article_id: str) -> Mention:
    return Mention(article_id=article_id, **_known(Mention, data))


def quote_from_json(data: Mapping[str, Any], article_id: str) -> Quote:
    values = _known(Quote, data)
    for name in ("speaker", "cue", "addressee", "medium"):
        values[name] = span_from_json(values.get(name))
    return Quote(article_id=article_id, **values)


def timex_from_json(data: Mapping[str, Any], article_id: str) -> Timex:
    values = _known(Timex, data)
    values["candidates"] = tuple(values.get("candidates") or ())
    interval = values.get("interval")
    values["interval"] = (interval[0], interval[1]) if interval is not None else None
    return Timex(article_id=article_id, **values)


def event_from_json(data: Mapping[str, Any], article_id: str) -> Event:
    values = _known(Event, data)
    for name in ("source", "target", "place", "timex"):
        values[name] = span_from_json(values.get(name))
    return Event(article_id=article_id, **values)


def claim_from_json(data: Mapping[str, Any], article_id: str) -> Claim:
    return Claim(article_id=article_id, **_known(Claim, data))


def actor_from_json(data: Mapping[str, Any], article_id: str | None = None) -> Actor:
    """An ``Actor`` from its JSON (``article_id`` is accepted for a uniform decoder signature)."""
    values = _known(Actor, data)
    values["aliases"] = tuple(values.get("aliases") or ())
    values["roles"] = tuple(Role(**_known(Role, r)) for r in values.get("roles") or ())
    return Actor(**values)
