"""A small knowledge base built by hand for the API, web and export tests.

The trained German pipeline may not exist (it is trained separately), and quotes/events have no
component yet, so the records are made here: entities by a name list, quotes and events of the
seed article by hand (speaker and cue spans included), time expressions by the real
``lagebild_time`` component on ``spacy.blank("de")``. Articles: the seed (2025-02), 001 (2024-12),
007 (2025-06) and 009 (an agency copy of 007, stored as its near-duplicate).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language

import lagebild.time.component  # noqa: F401  (registers lagebild_time)
from lagebild.analyze import analyze
from lagebild.ingest import read
from lagebild.ingest.dedup import signature, signature_to_bytes
from lagebild.records import Actor, Analysis, Article, Event, Mention, Quote, Role, Span
from lagebild.service import samples_dir
from lagebild.store import open_store

SEED = samples_dir() / "000_fab17a2d26c07ddf.txt"
OTHERS = ("001_vertrauensfrage_scholz.txt", "007_nato_gipfel_den_haag.txt")
COPY = "009_nato_gipfel_agenturkopie.txt"

TRUMP, PUTIN, SELENSKYJ = "Q22686", "Q7747", "Q3881231"
NER = "test.ner@0"
QUOTES = "test.quotes@0"
EVENTS = "test.events@0"

# (surface, label, actor id); longest first so "Donald Trump" wins over "Trump".
NAMES: tuple[tuple[str, str, str | None], ...] = (
    ("Donald Trump", "PER", TRUMP),
    ("Wladimir Putin", "PER", PUTIN),
    ("Wolodymyr Selenskyj", "PER", SELENSKYJ),
    ("Kremlsprecher Dmitri Peskow", "PER", None),
    ("Pete Hegseth", "PER", None),
    ("Scott Bessent", "PER", None),
    ("J.D. Vance", "PER", None),
    ("Olaf Scholz", "PER", None),
    ("Friedrich Merz", "PER", None),
    ("Mark Rutte", "PER", None),
    ("Saudi-Arabien", "LOC", None),
    ("Truth Social", "ORG", None),
    ("Selenskyj", "PER", SELENSKYJ),
    ("Hegseth", "PER", None),
    ("Trump", "PER", TRUMP),
    ("Putin", "PER", PUTIN),
    ("Scholz", "PER", None),
    ("Kreml", "ORG", None),
    ("NATO", "ORG", None),
    ("Ukraine", "LOC", None),
    ("Moskau", "LOC", None),
    ("Brüssel", "LOC", None),
    ("Washington", "LOC", None),
    ("Europa", "LOC", None),
    ("China", "LOC", None),
    ("Kiew", "LOC", None),
    ("Den Haag", "LOC", None),
    ("Bundestag", "ORG", None),
)
ACTORS = (
    Actor(
        TRUMP,
        "Donald Trump",
        "PER",
        ("Trump", "Donald John Trump"),
        "USA",
        (Role("Präsident der Vereinigten Staaten", "2025-01-20", None, "USA"),),
    ),
    Actor(
        PUTIN,
        "Wladimir Putin",
        "PER",
        ("Putin", "Vladimir Putin"),
        "RUS",
        (Role("Präsident Russlands", "2012-05-07", None, "RUS"),),
    ),
    Actor(SELENSKYJ, "Wolodymyr Selenskyj", "PER", ("Selenskyj", "Volodymyr Zelensky"), "UKR", ()),
)


def time_nlp() -> Language:
    nlp = spacy.blank("de")
    nlp.add_pipe("lagebild_time")
    return nlp


def entities(article: Article) -> tuple[Mention, ...]:
    taken: list[tuple[int, int]] = []
    found: list[Mention] = []
    for surface, label, actor_id in NAMES:
        for match in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", article.text):
            start, end = match.span()
            if any(s < end and start < e for s, e in taken):
                continue
            taken.append((start, end))
            name = next((a.name for a in ACTORS if a.id == actor_id), None)
            found.append(
                Mention(
                    article.id, start, end, surface, label, NER, actor_id, name, "name" if actor_id else None
                )
            )
    return tuple(sorted(found, key=lambda m: m.start))


def _find(article: Article, needle: str, after: int = 0) -> Span:
    start = article.text.index(needle, after)
    return article.span(start, start + len(needle))


def seed_quotes(article: Article) -> tuple[Quote, ...]:
    def quote(
        text: str, speaker: str, cue: str, actor: str | None, *, before: bool = False, after: str = ""
    ) -> Quote:
        span = _find(article, text, article.text.index(after) if after else 0)
        if before:  # "Trump schrieb, … „…“": speaker and cue come before the quote
            speaker_span = _find(article, speaker, span.start - 120)
            cue_span = _find(article, cue, span.start - 120)
            assert cue_span.end <= span.start, (text, cue)
        else:
            cue_span = _find(article, cue, span.end)
            speaker_span = _find(article, speaker, cue_span.end)
        return Quote(
            article.id,
            span.start,
            span.end,
            span.text,
            "direct",
            QUOTES,
            speaker=speaker_span,
            speaker_actor_id=actor,
            cue=cue_span,
        )

    return (
        quote("„langes und sehr produktives“", "Trump", "schrieb", TRUMP, before=True, after="Trump schrieb"),
        quote(
            "„Ich hoffe, dass die Ergebnisse dieses Treffens positiv ausfallen werden“",
            "US-Präsident",
            "schrieb",
            TRUMP,
        ),
        quote(
            "„Putin und Trump haben auch die Fortführung persönlicher Kontakte verabredet, "
            "darunter auch die Organisation eines persönlichen Treffens.“",
            "Peskow",
            "sagte",
            None,
            before=True,
        ),
        quote(
            "„Die Vereinigten Staaten glauben nicht, dass eine NATO-Mitgliedschaft der Ukraine ein "
            "realistisches Ergebnis einer Verhandlungslösung ist“",
            "Hegseth",
            "sagte",
            None,
        ),
        quote("„Es werden keine US-Truppen in die Ukraine geschickt“", "Hegseth", "betonte", None),
        quote(
            "„Die Vereinigten Staaten werden nicht länger ein unausgewogenes Verhältnis tolerieren“",
            "Hegseth",
            "sagte",
            None,
        ),
    )


def seed_events(article: Article) -> tuple[Event, ...]:
    call = _find(article, "telefoniert")
    trump = _find(article, "Donald Trump")
    putin = _find(article, "Wladimir Putin")
    invite = _find(article, "eingeladen")
    putin2 = _find(article, "Putin habe Trump")
    trump2 = article.span(putin2.start + len("Putin habe "), putin2.start + len("Putin habe Trump"))
    moscow = _find(article, "Moskau", putin2.start)
    return (
        Event(
            article.id,
            call.start,
            call.end,
            call.text,
            "CONSULT",
            "actual",
            EVENTS,
            TRUMP,
            PUTIN,
            trump,
            putin,
            date="2025-02-12",
        ),
        Event(
            article.id,
            invite.start,
            invite.end,
            invite.text,
            "CONSULT",
            "future",
            EVENTS,
            PUTIN,
            TRUMP,
            article.span(putin2.start, putin2.start + 5),
            trump2,
            place=moscow,
            attributed_to="Kreml",
        ),
    )


def build_analyses(nlp: Language | None = None) -> list[tuple[Analysis, dict[str, Any]]]:
    """(analysis, store.add keywords) in insertion order."""
    nlp = nlp or time_nlp()
    out: list[tuple[Analysis, dict[str, Any]]] = []

    def analysis_of(article: Article, **lists: Any) -> Analysis:
        timed = analyze(article, nlp=nlp)
        mentions = entities(article)
        return replace(
            timed,
            entities=mentions,
            actors=tuple(a for a in ACTORS if any(m.actor_id == a.id for m in mentions)),
            components=(NER, *timed.components, *((QUOTES, EVENTS) if lists else ())),
            **lists,
        )

    seed = _read(SEED)
    out.append((analysis_of(seed, quotes=seed_quotes(seed), reported=(), events=seed_events(seed)), {}))
    for name in OTHERS:
        article = _read(samples_dir() / name)
        out.append((analysis_of(article), {}))
    copy = _read(samples_dir() / COPY)
    out.append((Analysis(article=copy), {"duplicate_of": out[-1][0].article.id, "similarity": 0.9}))
    return out


def _read(path: Path) -> Article:
    return next(iter(read(path)))


def build_kb(db: Path, nlp: Language | None = None) -> dict[str, str]:
    """Create the knowledge base at ``db``; returns names → article ids."""
    analyses = build_analyses(nlp)
    with open_store(str(db)) as store:
        for analysis, extra in analyses:
            blob = signature_to_bytes(signature(analysis.article.text))
            store.add(analysis, minhash=blob, **extra)
    ids = [a.article.id for a, _ in analyses]
    return {"seed": ids[0], "scholz": ids[1], "nato": ids[2], "copy": ids[3]}


def speakers(items: Iterable[dict[str, Any]]) -> list[str]:
    return [(item.get("speaker") or {}).get("text", "") for item in items]
