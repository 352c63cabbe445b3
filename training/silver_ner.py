"""Silver NER sentences for self-training: news labelled by a teacher pipeline, confident ones kept.

Usage: ``python training/silver_ner.py --teacher models/de_lagebild --out training/corpus/silver_ner.spacy``.

Text: every ``--stride``-th article of the FANG-COVID *mainstream* part (ZEIT, Tagesspiegel, SZ), the
10kGNAD derStandard split and Wikinews (``shared/data/german-news-*``; never the "alternative" part).
The teacher (NER + entity rulers) labels each sentence; a sentence is kept only when
- it has 6-50 tokens, ends in ".", "!" or "?" and has at least one entity;
- no token outside the entities is tagged as a proper noun (UPOS PROPN or STTS NE), and every entity
  has a token tagged so and does not start with a determiner: the tagger and the NER agree on where
  the names are;
- every entity carries the label its text gets in the majority (>= 80 %) of the pool;
- its token sequence is not a GermEval 2014 sentence (neither part: no leak into the held-out split).
At most ``--max-sents`` sentences are written (entities only; no tags or heads, so only the NER loss
uses them), spread evenly over the pool.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _shared import import_nlp, load_data_module

_data = load_data_module()

SOURCES = (
    "german-news-large/fangcovid-mainstream-part-*.jsonl.gz",
    "german-news-corpus/gnad10k_test_derstandard.jsonl.gz",
    "german-news-corpus/wikinews_de.jsonl.gz",
)


def articles(shared: Path, strides: tuple[int, ...]) -> Iterator[str]:
    for pattern, stride in zip(SOURCES, strides, strict=True):
        k = 0
        for path in sorted((shared / "data").glob(pattern)):
            with gzip.open(path, "rt", encoding="utf-8") as fh:
                for line in fh:
                    k += 1
                    if k % stride == 0:
                        yield json.loads(line)["text"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--teacher", type=Path, required=True)
    ap.add_argument("--shared", type=Path, default=None)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--strides", type=str, default="25,2,2", help="article stride per source")
    ap.add_argument("--max-sents", type=int, default=5000)
    ap.add_argument(
        "--joint-dir",
        type=Path,
        default=None,
        help="also write this training directory (links: ud_train, ner_train, silver)",
    )
    args = ap.parse_args()
    shared = _data.shared_dir(args.shared)
    nlp = import_nlp("lagebild.nlp").add_rule_components(spacy.load(args.teacher))
    germeval = {tuple(s.words) for s in _data.read_germeval(shared / "data" / _data.GERMEVAL_REL)}
    strides = tuple(int(x) for x in args.strides.split(","))
    pool: list[tuple[list[str], list[bool], list[str], list[tuple[str, str]]]] = []
    label_counts: dict[str, Counter[str]] = defaultdict(Counter)
    stats: Counter[str] = Counter()
    for doc in nlp.pipe(articles(shared, strides), batch_size=32):
        for sent in doc.sents:
            stats["sentences"] += 1
            for ent in sent.ents:
                label_counts[ent.text][ent.label_] += 1
            toks = [t for t in sent if not t.is_space]
            if not 6 <= len(toks) <= 50 or toks[-1].text not in (".", "!", "?") or not sent.ents:
                continue
            if any(t.ent_iob_ == "O" and (t.pos_ == "PROPN" or t.tag_ == "NE") for t in toks):
                stats["dropped_propn_outside"] += 1
                continue
            if any(
                not any(t.pos_ == "PROPN" or t.tag_ == "NE" for t in ent) or ent[0].pos_ == "DET"
                for ent in sent.ents
            ):
                stats["dropped_entity_not_propn"] += 1
                continue
            words = [t.text for t in toks]
            if tuple(words) in germeval:
                stats["dropped_germeval"] += 1
                continue
            spaces = [bool(t.whitespace_) for t in toks]
            spaces[-1] = False
            tags = [("O" if t.ent_iob_ == "O" else f"{t.ent_iob_}-{t.ent_type_}") for t in toks]
            pool.append((words, spaces, tags, [(e.text, e.label_) for e in sent.ents]))
    kept = []
    for words, spaces, tags, ents in pool:
        ok = True
        for text, label in ents:
            c = label_counts[text]
            if c[label] / sum(c.values()) < 0.8:
                ok = False
                break
        if ok:
            kept.append((words, spaces, tags))
        else:
            stats["dropped_label_disagreement"] += 1
    stats["candidates"] = len(kept)
    step = max(1, len(kept) / args.max_sents)
    chosen = [kept[int(i * step)] for i in range(min(args.max_sents, len(kept)))]
    db = DocBin(store_user_data=False)
    ent_counts: Counter[str] = Counter()
    for words, spaces, tags in chosen:
        db.add(Doc(nlp.vocab, words=words, spaces=spaces, ents=tags))
        ent_counts.update(t[2:] for t in tags if t.startswith("B-"))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(args.out)
    stats["written"] = len(chosen)
    if args.joint_dir is not None:
        args.joint_dir.mkdir(parents=True, exist_ok=True)
        corpus = args.joint_dir.resolve().parent
        targets = {
            "ud.spacy": corpus / "ud_train.spacy",
            "ner.spacy": corpus / "ner_train.spacy",
            "silver.spacy": args.out.resolve(),
        }
        for name, target in targets.items():
            link = args.joint_dir / name
            if link.is_symlink() or link.exists():
                link.unlink()
            link.symlink_to(os.path.relpath(target, args.joint_dir.resolve()))
    print(json.dumps({"stats": dict(stats), "entities": dict(ent_counts)}, indent=2, sort_keys=True))


if __name__ == "__main__":
    main()
