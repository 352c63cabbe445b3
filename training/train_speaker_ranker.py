"""Train the speaker ranker of the quote component from the WikiNews quotation *train* split.

    python training/train_speaker_ranker.py --shared ../shared            # select C, fit, write
    python training/train_speaker_ranker.py --shared ../shared --dry-run  # selection figures only

Every quote the rules find in a train article and that matches a gold quotation (overlap, as in
``lagebild.quotes.evaluate``) gives one group of candidates (``lagebild.quotes.ranker.candidates``);
a candidate is right when it overlaps the gold speaker ("no speaker" is right when the gold has
none). A logistic regression (scikit-learn, training time only) is fitted on the candidates of
train articles ``[0, --select)``, the regularisation C is chosen by how often the best-scored
candidate of an article in ``[--select, 700)`` is right, and the chosen C is refitted on all train
articles. The weights go to ``lagebild/quotes/data/speaker_ranker.json`` with the selection
figures in its ``meta``. The dev split is never read here; the test split is not in ``../shared``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parents[1] / "lagebild" / "quotes" / "data" / "speaker_ranker.json"
Group = tuple[list[list[str]], list[int], int]  # candidate features, labels, index of the rules' choice


def _groups(shared: Path) -> list[list[Group]]:
    """Per train article, the candidate groups of its matched quotes."""
    from lagebild.analyze import get_pipeline
    from lagebild.quotes.evaluate import _hull, _match, _norm, _overlap
    from lagebild.quotes.extract import find_quotes_in_context
    from lagebild.quotes.ranker import candidates

    nlp = get_pipeline()
    path = shared / "data" / "wikinews-quotation-2024" / "train.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        items = [json.loads(line) for line in fh]
    out: list[list[Group]] = []
    with nlp.select_pipes(disable=["lagebild_quotes", "lagebild_time", "lagebild_events"]):
        for item in items:
            doc = nlp.make_doc(item["originalText"])
            date = item.get("date") or ""
            doc.user_data["published"] = date if date and not date.startswith("0001") else None
            doc.user_data["subheadings"] = []
            doc.user_data["article_id"] = str(item["doc_id"])
            try:
                doc = nlp(doc)
            except Exception:
                out.append([])
                continue
            text = doc.text
            results, ctx = find_quotes_in_context(doc)
            gold = []
            for ann in item["annotations"]:
                q = _hull(ann.get("quote"))
                if q is None:
                    continue
                s = _hull(ann.get("speaker"))
                gold.append((_norm(text, *q), _norm(text, *s) if s else None))
            preds = [_norm(text, f.start, f.end) for f in results]
            matched = _match(preds, [g[0] for g in gold])
            groups: list[Group] = []
            for i, found in enumerate(results):
                if i not in matched:
                    continue
                gold_speaker = gold[matched[i]][1]
                cands = candidates(ctx, found, results[i - 1] if i else None, results[max(0, i - 6) : i])
                labels = []
                rule_index = len(cands) - 1  # "no speaker" when the rules found none
                for c_i, cand in enumerate(cands):
                    if cand.span is None:
                        labels.append(int(gold_speaker is None))
                        continue
                    if cand.span == found.speaker:
                        rule_index = c_i
                    char = _norm(
                        text, doc[cand.span[0]].idx, doc[cand.span[1] - 1].idx + len(doc[cand.span[1] - 1])
                    )
                    labels.append(int(gold_speaker is not None and _overlap(char, gold_speaker) > 0))
                groups.append(([c.features for c in cands], labels, rule_index))
            out.append(groups)
    return out


def _pairs(groups: list[Group]) -> tuple[list[dict[str, float]], list[int]]:
    """Pairwise ranking examples: right minus wrong candidate of the same quote (and reversed)."""
    rows: list[dict[str, float]] = []
    y: list[int] = []
    for feats, labels, _ in groups:
        for i, right in enumerate(labels):
            if not right:
                continue
            for j, other in enumerate(labels):
                if other:
                    continue
                diff: dict[str, float] = {}
                for f in feats[i]:
                    diff[f] = diff.get(f, 0.0) + 1.0
                for f in feats[j]:
                    diff[f] = diff.get(f, 0.0) - 1.0
                diff = {k: v for k, v in diff.items() if v}
                rows.append(diff)
                y.append(1)
                rows.append({k: -v for k, v in diff.items()})
                y.append(0)
    return rows, y


def _fit(groups: list[Group], c: float, pairwise: bool = False) -> Any:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    if pairwise:
        rows, y = _pairs(groups)
        vec = DictVectorizer()
        x = vec.fit_transform(rows)
        model = LogisticRegression(C=c, max_iter=3000, random_state=0, fit_intercept=False)
        model.fit(x, y)
        return vec, model
    rows = [{f: 1.0 for f in feats} for g in groups for feats in g[0]]
    y = [label for g in groups for label in g[1]]
    vec = DictVectorizer()
    x = vec.fit_transform(rows)
    model = LogisticRegression(C=c, max_iter=2000, random_state=0)
    model.fit(x, y)
    return vec, model


def _weights(vec: Any, model: Any) -> dict[str, float]:
    # "bias" is a feature of every real candidate; the model's intercept applies to all candidates.
    weights = {name: float(w) for name, w in zip(vec.get_feature_names_out(), model.coef_[0], strict=True)}
    weights = {k: round(v, 5) for k, v in weights.items() if abs(v) > 1e-6}
    weights["none"] = round(weights.get("none", 0.0) + float(model.intercept_[0]), 5)
    weights["bias"] = round(weights.get("bias", 0.0) + float(model.intercept_[0]), 5)
    return weights


def _accuracy(groups: list[Group], weights: dict[str, float] | None) -> float:
    """Share of groups whose best candidate is right (weights None: the rules' choice)."""
    from lagebild.quotes.ranker import OVERRIDE_MIN

    right = 0
    for feats, labels, rule_index in groups:
        if weights is None:
            best = rule_index
        else:
            scores = [sum(weights.get(f, 0.0) for f in fs) for fs in feats]
            best = max(range(len(scores)), key=scores.__getitem__)
            # as lagebild.quotes.ranker.rerank: an unsure ranker leaves the rules' speaker alone
            has_rule_speaker = rule_index != len(feats) - 1
            if has_rule_speaker and best != rule_index and 1 / (1 + math.exp(-scores[best])) < OVERRIDE_MIN:
                best = rule_index
        right += labels[best]
    return right / len(groups) if groups else 0.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--select", type=int, default=500, help="train articles [0, N) fit, [N, end) select C")
    ap.add_argument("--c", type=float, nargs="*", default=[0.03, 0.1, 0.3, 1.0, 3.0])
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--dry-run", action="store_true")
    ap.add_argument("--pairwise", action="store_true", help="pairwise ranking loss instead of per-candidate")
    args = ap.parse_args()

    per_article = _groups(args.shared)
    fit_part = [g for art in per_article[: args.select] for g in art]
    sel_part = [g for art in per_article[args.select :] for g in art]
    reachable = sum(1 for g in sel_part if any(g[1])) / max(1, len(sel_part))
    selection: dict[str, Any] = {
        "fit_groups": len(fit_part),
        "select_groups": len(sel_part),
        "select_reachable": round(reachable, 3),
        "select_rules_accuracy": round(_accuracy(sel_part, None), 3),
        "select_accuracy_by_c": {},
    }
    for c in args.c:
        vec, model = _fit(fit_part, c, args.pairwise)
        selection["select_accuracy_by_c"][str(c)] = round(_accuracy(sel_part, _weights(vec, model)), 3)
    best_c = max(args.c, key=lambda c: selection["select_accuracy_by_c"][str(c)])
    selection["chosen_c"] = best_c
    print(json.dumps(selection, indent=1))
    if args.dry_run:
        return
    everything = fit_part + sel_part
    vec, model = _fit(everything, best_c)
    weights = _weights(vec, model)
    meta = {
        "trained_on": "wikinews-quotation-2024 train (700 articles), CC BY-NC-SA 4.0",
        "groups": len(everything),
        "train_accuracy": round(_accuracy(everything, weights), 3),
        "rules_train_accuracy": round(_accuracy(everything, None), 3),
        "selection": selection,
        "script": "training/train_speaker_ranker.py",
    }
    args.out.write_text(
        json.dumps({"meta": meta, "weights": dict(sorted(weights.items()))}, indent=1, ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )
    print(f"{len(weights)} weights -> {args.out}")


if __name__ == "__main__":
    main()
