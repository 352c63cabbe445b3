"""Evaluate ``lagebild.events.v1``: the seed article's gold events and the hand-annotated German
sentences in ``tests/events/fixtures_de.yaml``; JSON-ready for ``lagebild eval events``.

Matching (docs/events.md): an event is right when its type is the gold type or one the gold
accepts and its source and target are the gold actors. Actor ids are compared three ways:

- ``strict``: the same KB id, a state and its government counting as one actor (``RUS`` =
  ``gov_rus``: PLOVER codes both as the country);
- ``country``: persons and governments compared by the country they act for (``hegseth`` =
  ``gov_usa``), the granularity of PLOVER's actor codes;
- meetings and agreements (CONSULT, AGREE, COOPERATE) match with source and target swapped.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml

from lagebild.events.extract import COMPONENT
from lagebild.events.lexicon import PLOVER_TYPES
from lagebild.records import Analysis, Article, Event, Published

__all__ = ["FIXTURES", "evaluate_events", "evaluate_fixtures", "evaluate_seed", "measure_speed"]

#: The hand-annotated sentences (in the repository, not in the installed package).
FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "events" / "fixtures_de.yaml"
SEED_ID = "000_fab17a2d26c07ddf"
SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE"})


@dataclass(frozen=True)
class _Gold:
    types: frozenset[str]
    type: str
    source: str | None
    target: str | None
    mode: str | None
    where: str | None = None
    when: Mapping[str, Any] | str | None = None
    evidence: str | None = None
    id: str = ""


class _Actors:
    """Actor id normalization through the KB (state = government; country level)."""

    def __init__(self) -> None:
        try:
            from lagebild.kb import load_kb

            self.kb: Any = load_kb()
        except Exception:  # no KB: ids compare as they are
            self.kb = None

    def _actor(self, actor_id: str) -> Any:
        if self.kb is None:
            return None
        try:
            return self.kb.actor(actor_id)
        except Exception:
            return None

    def strict(self, actor_id: str | None) -> str | None:
        if actor_id is None:
            return None
        actor = self._actor(actor_id)
        if actor is not None and actor.type in {"STATE", "GOV"} and actor.country:
            return str(actor.country)
        return actor_id

    def country(self, actor_id: str | None) -> str | None:
        if actor_id is None:
            return None
        actor = self._actor(actor_id)
        if actor is not None and actor.country:
            return str(actor.country)
        return actor_id

    def place_name(self, place_id: str | None) -> str | None:
        if place_id is None or self.kb is None:
            return place_id
        place = self.kb.place_by_id(place_id)
        if place is None:
            actor = self._actor(place_id)
            return actor.name if actor is not None else place_id
        return str(place.name_en or place.name)


def _actors_match(event: Event, gold: _Gold, norm: Any) -> bool:
    src, tgt = norm(event.source_actor_id), norm(event.target_actor_id)
    gsrc, gtgt = norm(gold.source), norm(gold.target)
    if (src, tgt) == (gsrc, gtgt):
        return True
    return gold.type in SYMMETRIC and (src, tgt) == (gtgt, gsrc)


def _evidence_range(text: str | None, evidence: str | None) -> tuple[int, int] | None:
    """The sentence of ``text`` holding the gold evidence string."""
    if not text or not evidence:
        return None
    at = text.find(evidence)
    if at < 0:
        return None
    start = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at)) + 1
    ends = [i for i in (text.find(". ", at + len(evidence)), text.find("\n", at + len(evidence))) if i >= 0]
    return start, min(ends) + 1 if ends else len(text)


def _match(
    events: Sequence[Event], golds: Sequence[_Gold], norm: Any, text: str | None = None
) -> list[tuple[_Gold, Event | None]]:
    """Greedy one-to-one matching of gold to predicted events on type + source + target.

    When the sentence of the gold evidence holds an event of the gold type, only events there can
    match; otherwise an event elsewhere in the article counts (repetitions of an event are merged
    into its first mention by the extractor)."""
    used: set[int] = set()
    out: list[tuple[_Gold, Event | None]] = []
    for gold in golds:
        hit = None
        where = _evidence_range(text, gold.evidence)
        local = [
            k
            for k in range(len(events))
            if where and where[0] <= events[k].start < where[1] and events[k].type in gold.types
        ]
        # an event of the right type in the evidence sentence must carry the actors itself; only when
        # the sentence has none (merged into an earlier mention) does an event elsewhere count
        for k in local or range(len(events)):
            event = events[k]
            if k in used or event.type not in gold.types or not _actors_match(event, gold, norm):
                continue
            if hit is None:
                hit = k
            if gold.mode is None or event.mode == gold.mode:
                hit = k
                break
        if hit is not None:
            used.add(hit)
        out.append((gold, events[hit] if hit is not None else None))
    return out


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float | int]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "tp": tp,
        "predicted": n_pred,
        "gold": n_gold,
        "precision": round(p, 3),
        "recall": round(r, 3),
        "f1": round(f, 3),
    }


def _date_ok(
    event: Event,
    gold: _Gold,
    timex_candidates: Mapping[tuple[int, int], tuple[str, ...]],
    published: str | None,
) -> bool:
    when = gold.when
    wanted: set[str] = set()
    if isinstance(when, Mapping):
        for key in ("value", "true_value", "since"):
            if when.get(key):
                wanted.add(str(when[key]))
    elif when:
        wanted.add(str(when))
    got: set[str] = set()
    if event.date:
        got.add(event.date)
    if event.timex is not None:
        got.update(timex_candidates.get((event.timex.start, event.timex.end), ()))
    if not got and event.mode == "actual" and published:
        got.add(published)  # an actual event without a time expression: the publication date
    return any(w == g or g.startswith(w) or (w.startswith(g) and "X" not in g) for w in wanted for g in got)


def _pipeline(nlp: Any = None) -> Any:
    import lagebild.events.component  # noqa: F401  (registers the factory)
    from lagebild.analyze import get_pipeline

    pipeline = nlp if nlp is not None else get_pipeline()
    if "lagebild_events" not in pipeline.pipe_names:
        pipeline.add_pipe("lagebild_events")
    return pipeline


def _analyze(articles: Iterable[Article], nlp: Any) -> list[tuple[Analysis, Any]]:
    from lagebild.analyze import analysis_from_doc, make_doc

    out = []
    for article in articles:
        doc = nlp(make_doc(nlp, article))
        out.append((analysis_from_doc(article, doc, nlp), doc))
    return out


def _events_of(analysis: Analysis, doc: Any) -> list[Event]:
    if analysis.events is not None:
        return list(analysis.events)
    return [s._.event for s in doc.spans.get("events", ()) if s._.event is not None]


def _score(
    pairs: Sequence[tuple[list[Event], list[_Gold], Mapping[tuple[int, int], tuple[str, ...]], str | None]],
    actors: _Actors,
    text: str | None = None,
) -> dict[str, Any]:
    """Type, type+source+target (strict and country level), mode, place, date; per type."""
    n_pred = sum(len(events) for events, _, _, _ in pairs)
    n_gold = sum(len(golds) for _, golds, _, _ in pairs)
    result: dict[str, Any] = {"sentences_or_articles": len(pairs)}
    # type only (multiset per unit)
    tp_type = 0
    per_type: dict[str, Counter[str]] = {t: Counter() for t in PLOVER_TYPES}
    for events, golds, _, _ in pairs:
        free = list(events)
        for gold in golds:
            hit = next((e for e in free if e.type in gold.types), None)
            if hit is not None:
                free.remove(hit)
                tp_type += 1
    result["type"] = _prf(tp_type, n_pred, n_gold)
    for level, norm in (("strict", actors.strict), ("country", actors.country)):
        tp = 0
        mode_ok = place_n = place_ok = date_n = date_ok = 0
        for events, golds, cands, published in pairs:
            for gold, event in _match(events, golds, norm, text):
                if level == "strict":
                    per_type.setdefault(gold.type, Counter())["gold"] += 1
                if event is None:
                    continue
                tp += 1
                mode_ok += int(event.mode == gold.mode)
                if gold.where:
                    place_n += 1
                    place_ok += int((actors.place_name(event.place_id) or "").lower() == gold.where.lower())
                if gold.when:
                    date_n += 1
                    date_ok += int(_date_ok(event, gold, cands, published))
                if level == "strict":
                    per_type[gold.type]["tp"] += 1
        if level == "strict":
            for events, _, _, _ in pairs:
                for e in events:
                    per_type.setdefault(e.type, Counter())["predicted"] += 1
        result[f"type_source_target_{level}"] = _prf(tp, n_pred, n_gold)
        result[f"mode_{level}"] = {"right": mode_ok, "of_matched": tp}
        result[f"place_{level}"] = {"right": place_ok, "of_matched_with_gold_place": place_n}
        result[f"date_{level}"] = {"right": date_ok, "of_matched_with_gold_date": date_n}
    result["per_type_strict"] = {
        t: _prf(c["tp"], c["predicted"], c["gold"])
        for t, c in sorted(per_type.items())
        if c["gold"] or c["predicted"]
    }
    return result


def _golds(items: Iterable[Mapping[str, Any]]) -> list[_Gold]:
    out = []
    for g in items:
        kind = str(g["type"])
        out.append(
            _Gold(
                frozenset([kind, *g.get("accept", [])]),
                kind,
                g.get("source"),
                g.get("target"),
                g.get("mode"),
                g.get("where"),
                g.get("when"),
                g.get("evidence"),
                str(g.get("id", "")),
            )
        )
    return out


def _candidates(analysis: Analysis) -> dict[tuple[int, int], tuple[str, ...]]:
    out: dict[tuple[int, int], tuple[str, ...]] = {}
    for t in analysis.timexes or ():
        out[(t.start, t.end)] = tuple(t.candidates) or (t.value,)
    return out


def evaluate_seed(seed_text: Path, seed_gold: Path, nlp: Any = None) -> dict[str, Any]:
    """Scores on the seed article's 15 gold events, with the per-event outcome."""
    from lagebild.ingest.seed import parse_seed

    gold_doc = yaml.safe_load(seed_gold.read_text(encoding="utf-8"))
    places = {p["place"]: p["place"] for p in gold_doc.get("places", [])}
    golds = _golds(gold_doc.get("events", []))
    golds = [
        g
        if g.where is None
        else _Gold(
            g.types,
            g.type,
            g.source,
            g.target,
            g.mode,
            places.get(g.where, g.where),
            g.when,
            g.evidence,
            g.id,
        )
        for g in golds
    ]
    article = parse_seed(seed_text.read_text(encoding="utf-8"), source=str(seed_text))
    pipeline = _pipeline(nlp)
    ((analysis, doc),) = _analyze([article], pipeline)
    events = _events_of(analysis, doc)
    actors = _Actors()
    published = article.published.value if article.published else None
    result = _score([(events, golds, _candidates(analysis), published)], actors, article.text)
    outcome = []
    for level, norm in (("strict", actors.strict), ("country", actors.country)):
        for gold, event in _match(events, golds, norm, article.text):
            if level == "strict":
                outcome.append(
                    {
                        "id": gold.id,
                        "type": gold.type,
                        "gold_mode": gold.mode,
                        "strict": event is not None,
                        "found": event.to_json() if event is not None else None,
                    }
                )
            else:
                entry = next(o for o in outcome if o["id"] == gold.id)
                entry["country"] = event is not None
                if event is not None and entry["found"] is None:
                    entry["found"] = event.to_json()
    result["events"] = outcome
    # subheadings must not yield events
    result["from_subheadings"] = sum(
        1 for e in events for s in article.subheadings if s.start <= e.start < s.end
    )
    return result


def evaluate_fixtures(
    path: Path = FIXTURES, nlp: Any = None, *, part: str = "sentences"
) -> dict[str, Any] | None:
    """Scores on the hand-annotated sentences (``part``: "sentences", the development set, or
    "heldout"); None when the file is absent."""
    if not path.is_file():
        return None
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    default = data.get("published")
    pipeline = _pipeline(nlp)
    items = data.get(part) or []
    if not items:
        return None
    articles = [
        Article.from_text(s["text"], published=Published.parse(str(s.get("published", default))))
        for s in items
    ]
    pairs = []
    for item, (analysis, doc) in zip(items, _analyze(articles, pipeline), strict=True):
        published = analysis.article.published.value if analysis.article.published else None
        pairs.append(
            (_events_of(analysis, doc), _golds(item.get("events") or []), _candidates(analysis), published)
        )
    return _score(pairs, _Actors())


def measure_speed(articles: Sequence[Article], nlp: Any = None, repeat: int = 3) -> dict[str, Any]:
    """Seconds per article of the pipeline without ``lagebild_events`` and of the component alone
    on the docs that pipeline made (best of ``repeat``: timing the component on its own keeps the
    figure stable on a shared CPU)."""
    from lagebild.analyze import make_doc

    pipeline = _pipeline(nlp)
    component = pipeline.get_pipe("lagebild_events")
    before = float("inf")
    docs: list[Any] = []
    for _ in range(repeat):
        fresh = [make_doc(pipeline, a) for a in articles]
        start = time.perf_counter()
        with pipeline.select_pipes(disable=["lagebild_events"]):
            docs = [pipeline(doc) for doc in fresh]
        before = min(before, time.perf_counter() - start)
    alone = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for doc in docs:
            component(doc)
        alone = min(alone, time.perf_counter() - start)
    n = max(1, len(articles))
    return {
        "articles": len(articles),
        "characters": sum(len(a.text) for a in articles),
        "seconds_per_article_pipeline_without": round(before / n, 4),
        "seconds_per_article_events": round(alone / n, 4),
        "added_share": round(alone / before, 3) if before else None,
    }


def evaluate_events(shared: Path | None, *, speed: bool = True, nlp: Any = None) -> dict[str, Any]:
    """Seed gold + own fixtures + speed, JSON-ready; parts whose data is absent are None."""
    seed_text = seed_gold = None
    if shared is not None:
        seed_text = shared / "seeds" / f"{SEED_ID}.txt"
        seed_gold = shared / "seeds" / f"{SEED_ID}.gold.yaml"
    has_seed = seed_text is not None and seed_gold is not None and seed_text.is_file() and seed_gold.is_file()
    result: dict[str, Any] = {
        "component": COMPONENT,
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "seed": evaluate_seed(seed_text, seed_gold, nlp) if has_seed and seed_text and seed_gold else None,
        "fixtures": evaluate_fixtures(FIXTURES, nlp),
        "heldout": evaluate_fixtures(FIXTURES, nlp, part="heldout"),
        "speed": None,
    }
    if speed:
        from lagebild.ingest import read

        samples = Path(__file__).resolve().parents[1] / "samples"
        articles: list[Article] = []
        for path in sorted(samples.glob("*.txt")):
            try:
                articles.extend(read(path))
            except Exception:  # a sample the reader rejects is not this evaluation's concern
                continue
        if articles:
            result["speed"] = measure_speed(articles, nlp)
    return result
