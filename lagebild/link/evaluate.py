"""Link accuracy on the seed gold (``../shared/seeds/*.gold.yaml``): per mention type, JSON-ready.

Every gold surface form is located in the article text at token boundaries, and the linker's
mention there is read: the mention with exactly that range, else the smallest one containing it,
else the largest one inside it. Types:

- ``actor``: every occurrence of every ``actors[].mentions`` string must link to the actor;
- ``place``: the first (or ``nth``) occurrence of ``places[].span`` must link to a KB place with
  that code/country/English name;
- ``demonym``: ``demonyms[].span`` must give the country code (or the region);
- ``pronoun``: the pronoun "er" of a gold quote whose note says its speaker is the pronoun must
  link to the quote's speaker.

``evaluate_linking(shared)`` uses the trained pipeline when it is present (``lagebild.nlp``),
else ``spacy.blank("de")`` with the linker alone (no NER, no parse); ``model`` says which.
Besides the seed it scores the project's own annotated set (``tests/link/fixtures_de.yaml``,
issue #5; ``evaluate_fixtures(path)``), its development and held-back parts separately, under
``"own_set"``; that part needs no ``../shared``.
``python -m lagebild.link.evaluate [shared] [--ner-noise=0.3]`` prints the report.
"""

from __future__ import annotations

import random
import re
import time
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from lagebild.kb import KnowledgeBase, load_kb

__all__ = ["FIXTURES", "evaluate_fixtures", "evaluate_linking", "linking_pipeline"]

_TYPES = ("actor", "place", "demonym", "pronoun")
_LABELS = ("PER", "ORG", "LOC", "MISC")
# The own annotated set (issue #5). It lives with the tests, so an installed package without the
# source tree has none; evaluate_linking then leaves "own_set" empty.
FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "link" / "fixtures_de.yaml"
_PARTS = ("dev", "heldout")


def linking_pipeline(model: bool | None = None) -> tuple[Language, str]:
    """(pipeline with the linker, description): the trained model if present (or ``model=True``)."""
    import spacy

    import lagebild.link.component  # noqa: F401  (registers the factory)
    from lagebild.nlp import model_path

    path = model_path()
    if model is None:
        model = (path / "meta.json").is_file()
    if model:
        from lagebild.analyze import get_pipeline

        nlp = get_pipeline()
        if "lagebild_linker" not in nlp.pipe_names:
            nlp.add_pipe("lagebild_linker")
        return nlp, f"{path.name} ({', '.join(nlp.pipe_names)})"
    nlp = spacy.blank("de")
    nlp.add_pipe("lagebild_linker")
    return nlp, "spacy.blank('de') + lagebild_linker (no NER, no parse)"


def evaluate_linking(
    shared: Path,
    *,
    nlp: Language | None = None,
    model: bool | None = None,
    ner_noise: float = 0.0,
    seed: int = 0,
    fixtures: Path | None = FIXTURES,
) -> dict[str, Any]:
    """Accuracy per mention type and overall over the seed gold files in ``shared / "seeds"``.

    The seed figures stay at the top level (as before); ``"own_set"`` holds
    ``evaluate_fixtures(fixtures)`` (without NER noise) when that file exists, else ``None``.

    ``ner_noise`` (0-1): before the linker runs, drop that share of the NER's entities and give
    another label to the same share of the rest (random, ``seed``) — how much a weaker NER costs.
    """
    import yaml

    from lagebild.analyze import make_doc
    from lagebild.ingest.seed import parse_seed

    description = "given pipeline"
    if nlp is None:
        nlp, description = linking_pipeline(model)
    kb = load_kb()
    items: list[dict[str, Any]] = []
    seconds = 0.0
    golds = sorted((Path(shared) / "seeds").glob("*.gold.yaml"))
    for gold_path in golds:
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
        text_path = gold_path.with_name(gold_path.name.replace(".gold.yaml", ".txt"))
        article = parse_seed(text_path.read_text(encoding="utf-8"), source=str(text_path))
        started = time.perf_counter()
        if ner_noise > 0:
            with nlp.select_pipes(disable=["lagebild_linker"]):
                doc = nlp(make_doc(nlp, article))
            _perturb_ents(doc, ner_noise, random.Random(seed))
            doc = nlp.get_pipe("lagebild_linker")(doc)
        else:
            doc = nlp(make_doc(nlp, article))
        seconds += time.perf_counter() - started
        items += [dict(item, article=gold_path.name.split(".")[0]) for item in _score(doc, gold, kb)]
    by_type: dict[str, dict[str, Any]] = {}
    for kind in _TYPES:
        chosen = [i for i in items if i["type"] == kind]
        correct = sum(i["ok"] for i in chosen)
        by_type[kind] = {"n": len(chosen), "correct": correct, "accuracy": _ratio(correct, len(chosen))}
    correct = sum(i["ok"] for i in items)
    own = evaluate_fixtures(fixtures, nlp=nlp) if fixtures is not None and Path(fixtures).is_file() else None
    return {
        "own_set": own,
        "model": description + (f", NER noise {ner_noise} (seed {seed})" if ner_noise > 0 else ""),
        "articles": len(golds),
        "overall": {"n": len(items), "correct": correct, "accuracy": _ratio(correct, len(items))},
        "by_type": by_type,
        "by_link": _by_link(items),
        "errors": [{k: v for k, v in i.items() if k != "ok"} for i in items if not i["ok"]],
        "seconds": round(seconds, 3),
    }


def evaluate_fixtures(
    path: Path = FIXTURES, *, nlp: Language | None = None, model: bool | None = None
) -> dict[str, Any]:
    """Accuracy on an own annotated set (format: ``tests/link/fixtures_de.yaml``), per part.

    Each part (``dev``, ``heldout``) gets ``overall``, ``by_type`` (actor, place, demonym) and
    ``by_link`` (the way the linker linked the mention found there; ``none`` when it found
    none), plus its errors. Needs no ``../shared``.
    """
    import yaml

    from lagebild.analyze import make_doc
    from lagebild.records import Article

    description = "given pipeline"
    if nlp is None:
        nlp, description = linking_pipeline(model)
    kb = load_kb()
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    parts: dict[str, Any] = {}
    for part in _PARTS:
        items: list[dict[str, Any]] = []
        snippets = data.get(part) or []
        for snippet in snippets:
            article = Article.from_text(snippet["text"], published=str(snippet["published"]))
            doc = nlp(make_doc(nlp, article))
            items += [dict(i, snippet=snippet["id"]) for i in _score_links(doc, snippet["links"], kb)]
        correct = sum(i["ok"] for i in items)
        by_type = {}
        for kind in ("actor", "place", "demonym"):
            chosen = [i for i in items if i["type"] == kind]
            ok = sum(i["ok"] for i in chosen)
            by_type[kind] = {"n": len(chosen), "correct": ok, "accuracy": _ratio(ok, len(chosen))}
        parts[part] = {
            "snippets": len(snippets),
            "overall": {"n": len(items), "correct": correct, "accuracy": _ratio(correct, len(items))},
            "by_type": by_type,
            "by_link": _by_link([dict(i, link=i["link"] or "none") for i in items]),
            "errors": [{k: v for k, v in i.items() if k != "ok"} for i in items if not i["ok"]],
        }
    return {"model": description, "file": str(path), **parts}


def _score_links(doc: Doc, links: list[dict[str, Any]], kb: KnowledgeBase) -> list[dict[str, Any]]:
    spans = [s for s in doc.spans.get("mentions", ()) if s._.actor_id or s._.members]
    out: list[dict[str, Any]] = []
    for gold in links:
        found = _occurrences(doc, gold["span"])
        nth = int(gold.get("nth", 1))
        kind = "place" if "place" in gold else "demonym" if "code" in gold else "actor"
        expected = str(gold.get("actor_id") or gold.get("place") or gold.get("code"))
        if len(found) < nth:
            raise ValueError(f"span {gold['span']!r} (nth {nth}) not at token boundaries in {doc.text!r}")
        where = found[nth - 1]
        if kind == "place":
            span = _mention_at([s for s in spans if kb.place_by_id(s._.actor_id or "")], *where)
            place = kb.place_by_id(span._.actor_id) if span is not None and span._.actor_id else None
            ok = place is not None and _same_place(place, gold)
        elif kind == "demonym":
            span = _mention_at([s for s in spans if s._.link == "demonym"], *where)
            ok = span is not None and span._.actor_id == gold["code"]
        else:
            span = _mention_at([s for s in spans if s._.link != "demonym"], *where)
            ok = span is not None and span._.actor_id == gold["actor_id"]
        out.append(_item(kind, gold["span"], where, doc, expected, span, ok))
    return out


def _perturb_ents(doc: Doc, share: float, rng: random.Random) -> None:
    kept = []
    for ent in doc.ents:
        if rng.random() < share:
            continue
        if rng.random() < share:
            ent = Span(doc, ent.start, ent.end, label=rng.choice([x for x in _LABELS if x != ent.label_]))
        kept.append(ent)
    doc.ents = kept


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


def _by_link(items: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for i in items:
        entry = out.setdefault(str(i["link"]), {"n": 0, "correct": 0})
        entry["n"] += 1
        entry["correct"] += int(i["ok"])
    for entry in out.values():
        entry["accuracy"] = _ratio(entry["correct"], entry["n"])
    return dict(sorted(out.items()))


def _occurrences(doc: Doc, surface: str) -> list[tuple[int, int]]:
    """Token ranges where ``surface`` occurs with token boundaries on both sides."""
    starts = {t.idx: t.i for t in doc}
    ends = {t.idx + len(t.text): t.i + 1 for t in doc}
    out = []
    for m in re.finditer(re.escape(surface), doc.text):
        if m.start() in starts and m.end() in ends:
            out.append((starts[m.start()], ends[m.end()]))
    return out


def _mention_at(spans: list[Span], start: int, end: int) -> Span | None:
    exact = [s for s in spans if s.start == start and s.end == end]
    if exact:
        return exact[0]
    containing = [s for s in spans if s.start <= start and s.end >= end]
    if containing:
        return min(containing, key=len)
    inside = [s for s in spans if s.start >= start and s.end <= end]
    return max(inside, key=len) if inside else None


def _item(
    kind: str, surface: str, where: tuple[int, int], doc: Doc, expected: str, span: Span | None, ok: bool
) -> dict[str, Any]:
    return {
        "type": kind,
        "text": surface,
        "start": doc[where[0]].idx,
        "expected": expected,
        "got": span._.actor_id if span is not None else None,
        "mention": span.text if span is not None else None,
        "link": span._.link if span is not None else None,
        "confidence": span._.confidence if span is not None else None,
        "ok": ok,
    }


def _score(doc: Doc, gold: dict[str, Any], kb: KnowledgeBase) -> list[dict[str, Any]]:
    spans = [s for s in doc.spans.get("mentions", ()) if s._.actor_id or s._.members]
    actor_spans = [s for s in spans if s._.link != "demonym"]  # an adjective is no actor mention
    out: list[dict[str, Any]] = []
    for actor in gold.get("actors", ()):
        for surface in actor.get("mentions", ()):
            for where in _occurrences(doc, surface):
                span = _mention_at(actor_spans, *where)
                ok = span is not None and span._.actor_id == actor["id"]
                out.append(_item("actor", surface, where, doc, actor["id"], span, ok))
    for item in gold.get("places", ()):
        found = _occurrences(doc, item["span"])
        nth = int(item.get("nth", 1))
        if len(found) < nth:
            out.append(
                {
                    "type": "place",
                    "text": item["span"],
                    "expected": item["place"],
                    "got": None,
                    "mention": None,
                    "link": None,
                    "confidence": None,
                    "start": None,
                    "ok": False,
                }
            )
            continue
        where = found[nth - 1]
        span = _mention_at([s for s in spans if kb.place_by_id(s._.actor_id or "")], *where)
        place = kb.place_by_id(span._.actor_id) if span is not None and span._.actor_id else None
        ok = place is not None and _same_place(place, item)
        out.append(_item("place", item["span"], where, doc, item["place"], span, ok))
    for item in gold.get("demonyms", ()):
        found = _occurrences(doc, item["span"])
        if not found:
            continue
        where = found[int(item.get("nth", 1)) - 1]
        span = _mention_at([s for s in spans if s._.link == "demonym"], *where)
        got = span._.actor_id if span is not None else None
        if "code" in item:
            ok = got == item["code"]
        else:
            place = kb.place_by_id(got or "")
            ok = place is not None and place.name_en == item.get("place")
        out.append(
            _item("demonym", item["span"], where, doc, item.get("code") or item.get("place", ""), span, ok)
        )
    for quote in gold.get("quotes", ()):
        if 'pronoun "er"' not in str(quote.get("note", "")):
            continue
        at = doc.text.find(quote["text"])
        if at < 0:
            continue
        tail = doc.text[at + len(quote["text"]) : at + len(quote["text"]) + 40]
        m = re.search(r"\b[Ee]r\b", tail)
        if m is None:
            continue
        char = at + len(quote["text"]) + m.start()
        token = next((t for t in doc if t.idx == char), None)
        if token is None:
            continue
        span = _mention_at(spans, token.i, token.i + 1)
        ok = span is not None and span._.actor_id == quote["speaker"]
        out.append(_item("pronoun", token.text, (token.i, token.i + 1), doc, quote["speaker"], span, ok))
    return out


def _same_place(place: Any, item: dict[str, Any]) -> bool:
    if "code" in item and place.code != item["code"]:
        return False
    if "country" in item and place.country != item["country"]:
        return False
    name = place.name_en or ""
    return bool(name) and (item["place"].startswith(name) or name.startswith(item["place"]))


def main() -> None:
    import json
    import sys

    from lagebild.nlp.data import shared_dir

    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    noise = next((float(a.split("=", 1)[1]) for a in sys.argv[1:] if a.startswith("--ner-noise=")), 0.0)
    shared = Path(args[0]) if args else shared_dir()
    print(json.dumps(evaluate_linking(shared, ner_noise=noise), ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
