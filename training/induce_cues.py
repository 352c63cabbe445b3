"""Induce speech-cue candidates from the WikiNews quotation *train* split.

For every verb lemma (and every noun after "nach") in the train articles, count how often it occurs
and how often the annotators made it a cue (the token lies in a gold cue span) or, for cue-less
"Reported" items, the main verb of the annotated sentence. Lemmas that are cues often enough and
reliably enough are written as a report (default ``training/logs/cues_induced_de.yaml``) with their
counts and precision. The report is read by a person: entries that are real speech verbs or
attribution nouns (not lemmatizer errors such as "nannn") were copied into
``lagebild/quotes/data/cues_de.yaml`` with a comment naming this script; the component never loads
the report. The dev split is never read; the test split is not in ``../shared``.

Usage: ``python training/induce_cues.py --shared ../shared [--min-count 3] [--min-precision 0.5]``
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import yaml

OUT = Path(__file__).resolve().parent / "logs" / "cues_induced_de.yaml"


def _spans(role: dict[str, Any] | None) -> list[tuple[int, int]]:
    if not role:
        return []
    return [(s["charBegin"], s["charEnd"]) for s in role.get("spans", ())]


def _inside(i: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= i < b for a, b in spans)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--min-precision", type=float, default=0.5)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()

    from lagebild.nlp import load_pipeline
    from lagebild.quotes.lexicon import load_cues

    nlp = load_pipeline()
    lex = load_cues()
    path = args.shared / "data" / "wikinews-quotation-2024" / "train.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        items = [json.loads(line) for line in fh]

    verb_seen: Counter[str] = Counter()
    verb_cue: Counter[str] = Counter()  # verb inside a gold cue span (Indirect/Direct frames)
    act_seen: Counter[str] = Counter()  # verb as sentence root with a nominal subject
    act_hit: Counter[str] = Counter()  # ... and the sentence is a cue-less gold "Reported" item
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    noun_seen: Counter[str] = Counter()  # noun heading the phrase after "nach"
    noun_hit: Counter[str] = Counter()  # ... and "nach" is a gold cue
    texts = [it["originalText"] for it in items]
    for item, doc in zip(items, nlp.pipe(texts, batch_size=16), strict=True):
        cues: list[tuple[int, int]] = []
        reported: list[tuple[int, int]] = []
        for ann in item["annotations"]:
            cue = _spans(ann.get("cue"))
            cues += cue
            if not cue and ann.get("type") == "Reported":
                reported += _spans(ann.get("quote"))
        for tok in doc:
            if tok.pos_ == "VERB":
                lemma = tok.lemma_.lower()
                verb_seen[lemma] += 1
                forms[lemma][tok.text.lower()] += 1
                if _inside(tok.idx, cues):
                    verb_cue[lemma] += 1
                if tok.dep_ == "ROOT" and any(c.dep_ in ("nsubj", "sb") for c in tok.children):
                    act_seen[lemma] += 1
                    if _inside(tok.idx, reported):
                        act_hit[lemma] += 1
            if tok.lower_ == "nach" and tok.i + 1 < len(doc):
                # the noun of "nach (det) (adj)* NOUN"
                j = tok.i + 1
                while j < len(doc) and doc[j].pos_ in ("DET", "ADJ", "PRON") and j < tok.i + 4:
                    j += 1
                if j < len(doc) and doc[j].pos_ == "NOUN":
                    noun = doc[j].text
                    noun_seen[noun] += 1
                    if _inside(tok.idx, cues):
                        noun_hit[noun] += 1

    def keep(hit: int, seen: int) -> bool:
        return hit >= args.min_count and seen > 0 and hit / seen >= args.min_precision

    def table(seen_by: Counter[str], hit_by: Counter[str], hit_name: str, skip: set[str]) -> dict[str, Any]:
        return {
            lemma: {
                "forms": sorted(f for f in forms[lemma] if f != lemma),
                "count": seen,
                hit_name: hit_by[lemma],
                "precision": round(hit_by[lemma] / seen, 2),
            }
            for lemma, seen in sorted(seen_by.items())
            if lemma not in skip and keep(hit_by[lemma], seen)
        }

    verbs = table(verb_seen, verb_cue, "cue", set(lex.verbs))
    acts = table(act_seen, act_hit, "reported", set())
    nouns = {
        noun: {"count": seen, "cue": noun_hit[noun], "precision": round(noun_hit[noun] / seen, 2)}
        for noun, seen in sorted(noun_seen.items())
        if noun.lower() not in lex.nouns and keep(noun_hit[noun], seen)
    }
    header = (
        "# Induced from the WikiNews quotation train split by training/induce_cues.py "
        f"(min count {args.min_count}, min precision {args.min_precision}).\n"
        "# A report for review: entries worth keeping are copied by hand into\n"
        "# lagebild/quotes/data/cues_de.yaml.\n"
        "# cue_verbs: verbs the annotators mark as cues of a quotation or a reported clause.\n"
        "# speech_acts: verbs heading cue-less 'Reported' sentences (a speech act with its subject).\n"
        "# nach_nouns: nouns of 'nach (det) (adj) N' attribution phrases.\n"
        "# Source data: CC BY-NC-SA 4.0 (Petersen-Frey & Biemann 2024); see docs/quotes.md.\n"
    )
    body = yaml.safe_dump(
        {"cue_verbs": verbs, "speech_acts": acts, "nach_nouns": nouns},
        allow_unicode=True,
        sort_keys=True,
        width=110,
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(header + body, encoding="utf-8")
    print(f"{len(verbs)} cue verbs, {len(acts)} speech acts, {len(nouns)} nach nouns -> {args.out}")


if __name__ == "__main__":
    main()
