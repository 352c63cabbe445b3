"""Quote attribution accuracy: the seed gold and German WikiNews quotations (dev), JSON-ready.

``evaluate_quotes(shared)`` returns ``{"model", "seed", "wikinews_dev", "seconds"}``:

- ``seed``: every gold ``quotes`` item (direct/partial) and ``reported`` item of
  ``shared/seeds/*.gold.yaml`` is located in the article text (``nth`` occurrence); a prediction of
  the same family (quote vs reported) overlapping it is its match. Reported: found, speaker actor
  right (``speaker`` or any of ``accept_speakers``), cue right (the gold cue's words, e.g. "fügte an",
  are all in the predicted cue with its particle; "a / b" accepts either). Also span F1 (exact and
  overlap) over both families.
- ``wikinews_dev``: ``shared/data/wikinews-quotation-2024/dev.jsonl.gz`` (150 articles, all 653
  annotations including nested ones). A role with several pieces is read as its hull. Per role
  (quote, speaker, cue) precision/recall/F1 with exact match (after stripping quotation marks,
  spaces and end punctuation) and with overlap (one-to-one, greedy by overlap size); plus
  speaker-attributed F1: a predicted item whose quote matches a gold item (overlap) and whose speaker
  overlaps that gold item's speaker (both absent also counts). Quote F1 is also given for direct
  quotes (gold type Direct vs our direct/partial) and for reported speech (the other gold types vs
  our reported).

The test split of the WikiNews dataset is kept elsewhere on purpose and is never read here.
"""

from __future__ import annotations

import gzip
import json
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["evaluate_quotes", "quotes_pipeline", "span_f1"]

_STRIP = " \t\n„“”\"»«‚‘’'.,;:!?–—-"

Pair = tuple[int, int]


def quotes_pipeline(model: Path | str | None = None) -> tuple[Language, str]:
    """(pipeline with linker and quotes, description): ``lagebild.analyze.get_pipeline(model)``."""
    from lagebild.analyze import get_pipeline
    from lagebild.nlp import model_path

    nlp = get_pipeline(model)
    return nlp, f"{model_path(model)} ({', '.join(nlp.pipe_names)})"


def _norm(text: str, start: int, end: int) -> Pair:
    while start < end and text[start] in _STRIP:
        start += 1
    while end > start and text[end - 1] in _STRIP:
        end -= 1
    return start, end


def _prf(tp_p: int, n_pred: int, tp_g: int, n_gold: int) -> dict[str, float | int]:
    p = tp_p / n_pred if n_pred else 0.0
    r = tp_g / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(f, 3), "pred": n_pred, "gold": n_gold}


def _overlap(a: Pair, b: Pair) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _match(pred: Sequence[Pair], gold: Sequence[Pair]) -> dict[int, int]:
    """One-to-one overlap matching, greedy by overlap size: pred index -> gold index."""
    pairs = sorted(
        (
            (_overlap(p, g), i, j)
            for i, p in enumerate(pred)
            for j, g in enumerate(gold)
            if _overlap(p, g) > 0
        ),
        reverse=True,
    )
    used_p: set[int] = set()
    used_g: set[int] = set()
    out: dict[int, int] = {}
    for _, i, j in pairs:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        out[i] = j
    return out


def span_f1(pred: Iterable[Pair], gold: Iterable[Pair]) -> dict[str, dict[str, float | int]]:
    """Exact and overlap P/R/F1 of two span sets (duplicates removed)."""
    p = sorted(set(pred))
    g = sorted(set(gold))
    exact = len(set(p) & set(g))
    matched = _match(p, g)
    return {
        "exact": _prf(exact, len(p), exact, len(g)),
        "overlap": _prf(len(matched), len(p), len(matched), len(g)),
    }


# --- seed ------------------------------------------------------------------------------------------


def _locate(text: str, needle: str, nth: int = 1) -> Pair | None:
    pos = -1
    for _ in range(nth):
        pos = text.find(needle, pos + 1)
        if pos < 0:
            return None
    return pos, pos + len(needle)


def _cue_ok(gold_cue: str | None, predicted: str | None) -> bool:
    if not gold_cue:
        return True  # no cue in the gold: any (or none) is fine
    if not predicted:
        return False
    words = set(predicted.lower().split())
    return any(set(alt.strip().lower().split()) <= words for alt in str(gold_cue).split("/"))


def _seed(nlp: Language, shared: Path) -> dict[str, Any]:
    import yaml

    from lagebild.analyze import make_doc
    from lagebild.ingest.seed import parse_seed

    out: dict[str, Any] = {"articles": 0, "quotes": [], "reported": []}
    spans_pred: list[Pair] = []
    spans_gold: list[Pair] = []
    for gold_path in sorted((shared / "seeds").glob("*.gold.yaml")):
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
        text_path = gold_path.with_name(gold_path.name.replace(".gold.yaml", ".txt"))
        article = parse_seed(text_path.read_text(encoding="utf-8"), source=str(text_path))
        doc = nlp(make_doc(nlp, article))
        out["articles"] += 1
        name = gold_path.name.split(".")[0]
        for family, key in (("quotes", "text"), ("reported", "span")):
            spans = list(doc.spans.get(family, ()))
            preds = [(s._.quote, _cue_words(s)) for s in spans if s._.quote is not None]
            spans_pred += [_norm(doc.text, q.start, q.end) for q, _ in preds]
            for item in gold.get(family) or []:
                where = _locate(doc.text, item[key], int(item.get("nth", 1)))
                accept = set(item.get("accept_speakers") or [item.get("speaker")])
                row: dict[str, Any] = {
                    "article": name,
                    "family": family,
                    "text": item[key],
                    "speaker": item.get("speaker"),
                }
                if where is None:
                    row.update(found=False, error="gold span not in text")
                    out[family].append(row)
                    continue
                spans_gold.append(_norm(doc.text, *where))
                best = max(preds, key=lambda p: _overlap((p[0].start, p[0].end), where), default=None)
                if best is None or _overlap((best[0].start, best[0].end), where) == 0:
                    row.update(found=False)
                else:
                    q, cue = best
                    row.update(
                        found=True,
                        predicted=q.text,
                        kind=q.kind,
                        speaker_found=q.speaker_actor_id,
                        speaker_ok=q.speaker_actor_id in accept,
                        cue_found=cue,
                        cue_ok=_cue_ok(item.get("cue"), cue),
                        kind_ok=item.get("kind") is None or item.get("kind") == q.kind,
                        confidence=q.confidence,
                    )
                out[family].append(row)
    summary: dict[str, Any] = {"articles": out["articles"]}
    for family in ("quotes", "reported"):
        rows = out[family]
        summary[family] = {
            "gold": len(rows),
            "found": sum(1 for r in rows if r.get("found")),
            "speaker_right": sum(1 for r in rows if r.get("speaker_ok")),
            "cue_right": sum(1 for r in rows if r.get("cue_ok")),
            "speaker_and_cue_right": sum(1 for r in rows if r.get("speaker_ok") and r.get("cue_ok")),
            "kind_right": sum(1 for r in rows if r.get("kind_ok")),
        }
    summary["spans"] = span_f1(spans_pred, spans_gold)
    summary["items"] = out["quotes"] + out["reported"]
    return summary


def _cue_words(span: Any) -> str | None:
    q = span._.quote
    if q.cue is None:
        return None
    particle = span._.cue_particle
    return q.cue.text + (" " + particle.text if particle is not None else "")


# --- WikiNews ---------------------------------------------------------------------------------------


def _hull(role: dict[str, Any] | None) -> Pair | None:
    if not role or not role.get("spans"):
        return None
    return min(s["charBegin"] for s in role["spans"]), max(s["charEnd"] for s in role["spans"])


def _wikinews_docs(path: Path, limit: int | None) -> list[dict[str, Any]]:
    out = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            out.append(json.loads(line))
            if limit is not None and len(out) >= limit:
                break
    return out


def _wikinews(nlp: Language, path: Path, limit: int | None = None) -> dict[str, Any]:
    docs = _wikinews_docs(path, limit)
    roles: dict[str, tuple[list[Pair], list[Pair]]] = {r: ([], []) for r in ("quote", "speaker", "cue")}
    by_type: dict[str, tuple[list[Pair], list[Pair]]] = {"direct": ([], []), "reported": ([], [])}
    attributed = {"tp": 0, "pred": 0, "gold": 0, "tp_exact": 0}
    offset = 0  # documents are scored in one character space: offsets shifted per document

    def made(item: dict[str, Any]) -> Doc:
        doc = nlp.make_doc(item["originalText"])
        doc.user_data["article_id"] = str(item["doc_id"])
        date = item.get("date") or ""
        doc.user_data["published"] = date if date and not date.startswith("0001") else None
        doc.user_data["subheadings"] = []  # WikiNews bodies have no subheadings
        return doc

    failures: list[str] = []

    def run(item: dict[str, Any]) -> Doc:
        try:
            return nlp(made(item))
        except Exception as exc:  # a failing upstream component must not stop the evaluation
            failures.append(f"{item['doc_id']}: {type(exc).__name__}: {exc}")
            doc = made(item)
            for name, proc in nlp.pipeline:
                if name not in ("lagebild_linker", "lagebild_time", "lagebild_events"):
                    doc = proc(doc)
            return doc

    for item in docs:
        doc = run(item)
        text = doc.text

        def sh(pair: Pair | None, text: str = text, offset: int = offset) -> Pair | None:
            if pair is None:
                return None
            a, b = _norm(text, *pair)
            return a + offset, b + offset

        gold_items = []
        for ann in item["annotations"]:
            q = sh(_hull(ann.get("quote")))
            if q is None:
                continue
            s = sh(_hull(ann.get("speaker")))
            c = sh(_hull(ann.get("cue")))
            gold_items.append((q, s))
            roles["quote"][1].append(q)
            if s is not None:
                roles["speaker"][1].append(s)
            if c is not None:
                roles["cue"][1].append(c)
            by_type["direct" if ann.get("type") == "Direct" else "reported"][1].append(q)
        pred_items = []
        for family in ("quotes", "reported"):
            for span in doc.spans.get(family, ()):
                rec = span._.quote
                if rec is None:
                    continue
                q = sh((rec.start, rec.end))
                assert q is not None
                s = sh((rec.speaker.start, rec.speaker.end)) if rec.speaker else None
                c = sh((rec.cue.start, rec.cue.end)) if rec.cue else None
                pred_items.append((q, s))
                roles["quote"][0].append(q)
                if s is not None:
                    roles["speaker"][0].append(s)
                if c is not None:
                    roles["cue"][0].append(c)
                by_type["direct" if family == "quotes" else "reported"][0].append(q)
        matched = _match([p[0] for p in pred_items], [g[0] for g in gold_items])
        attributed["pred"] += len(pred_items)
        attributed["gold"] += len(gold_items)
        for i, j in matched.items():
            ps, gs = pred_items[i][1], gold_items[j][1]
            if (ps is None and gs is None) or (ps is not None and gs is not None and _overlap(ps, gs) > 0):
                attributed["tp"] += 1
            if ps == gs:
                attributed["tp_exact"] += 1
        offset += len(text) + 1
    result: dict[str, Any] = {"documents": len(docs), "pipeline_failures": failures}
    for role, (pred, gold) in roles.items():
        result[role] = span_f1(pred, gold)
    result["quote_by_type"] = {t: span_f1(p, g)["overlap"] for t, (p, g) in by_type.items()}
    result["speaker_attributed"] = {
        "overlap": _prf(attributed["tp"], attributed["pred"], attributed["tp"], attributed["gold"]),
        "exact_speaker": _prf(
            attributed["tp_exact"], attributed["pred"], attributed["tp_exact"], attributed["gold"]
        ),
    }
    return result


def evaluate_quotes(
    shared: Path,
    *,
    nlp: Language | None = None,
    model: Path | str | None = None,
    split: str = "dev",
    limit: int | None = None,
) -> dict[str, Any]:
    """Seed gold and WikiNews quotation scores (``split`` "dev"; "train" for development only).

    ``nlp`` defaults to :func:`lagebild.analyze.get_pipeline` (E301 when the model is missing);
    ``limit`` scores only the first documents of the split (quick checks).
    """
    if split not in ("dev", "train"):
        raise ValueError("split must be 'dev' or 'train' (the test split is held out)")
    description = "given pipeline"
    if nlp is None:
        nlp, description = quotes_pipeline(model)
    shared = Path(shared)
    started = time.perf_counter()
    report: dict[str, Any] = {"model": description, "component": "lagebild.quotes.v1"}
    if (shared / "seeds").is_dir():
        report["seed"] = _seed(nlp, shared)
    data = shared / "data" / "wikinews-quotation-2024" / f"{split}.jsonl.gz"
    if data.is_file():
        report[f"wikinews_{split}"] = _wikinews(nlp, data, limit)
    report["seconds"] = round(time.perf_counter() - started, 1)
    return report
