"""Convert the shared gold data into spaCy DocBins (train / held-out) under ``training/corpus``.

Usage: ``python training/convert.py [--shared ../shared] [--out training/corpus]``.
The split is :func:`lagebild.nlp.data.is_heldout`, the same function the evaluation uses.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin
from spacy.vocab import Vocab

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _shared import load_data_module

_data = load_data_module()
GERMEVAL_REL = _data.GERMEVAL_REL
NerSentence = _data.NerSentence
UdSentence = _data.UdSentence
is_heldout = _data.is_heldout
read_conllu = _data.read_conllu
read_germeval = _data.read_germeval
shared_dir = _data.shared_dir
ud_sources = _data.ud_sources
ud_doc = _data.ud_doc

#: Consecutive UD sentences per training document, so that the parser learns sentence boundaries.
UD_SENTS_PER_DOC = 8


def ner_doc(vocab: Vocab, s: NerSentence) -> Doc:
    return Doc(vocab, words=s.words, spaces=s.spaces, ents=s.tags)


def convert(shared: Path, out: Path) -> dict[str, dict[str, int]]:
    out.mkdir(parents=True, exist_ok=True)
    vocab = spacy.blank("de").vocab
    stats: dict[str, dict[str, int]] = {}
    ud_train, ud_dev = DocBin(store_user_data=False), DocBin(store_user_data=False)
    for source, files in ud_sources(shared).items():
        train_buf: list = []
        dev_buf: list = []
        c: Counter[str] = Counter()
        for path in files:
            for s in read_conllu(path):
                held = is_heldout(source, s.sent_id)
                buf = dev_buf if held else train_buf
                c["heldout" if held else "train"] += 1
                c["heldout_tokens" if held else "train_tokens"] += len(s.words)
                buf.append(s)
                if len(buf) == UD_SENTS_PER_DOC:
                    (ud_dev if held else ud_train).add(ud_doc(vocab, buf))
                    buf.clear()
        for buf, db in ((train_buf, ud_train), (dev_buf, ud_dev)):
            if buf:
                db.add(ud_doc(vocab, buf))
        stats[source] = dict(c)
    ud_train.to_disk(out / "ud_train.spacy")
    ud_dev.to_disk(out / "ud_dev.spacy")

    ner_train, ner_dev = DocBin(store_user_data=False), DocBin(store_user_data=False)
    c = Counter()
    for s in read_germeval(shared / "data" / GERMEVAL_REL):
        held = is_heldout("germeval2014", s.key)
        (ner_dev if held else ner_train).add(ner_doc(vocab, s))
        c["heldout" if held else "train"] += 1
        for t in s.tags:
            if t.startswith("B-"):
                c[("heldout_" if held else "train_") + t[2:]] += 1
    ner_train.to_disk(out / "ner_train.spacy")
    ner_dev.to_disk(out / "ner_dev.spacy")
    stats["germeval2014"] = dict(c)
    # the joint config reads directories: UD docs (no entities) + GermEval docs (no tags/heads)
    for split in ("train", "dev"):
        joint = out / f"joint_{split}"
        joint.mkdir(exist_ok=True)
        for name in ("ud", "ner"):
            link = joint / f"{name}.spacy"
            if link.is_symlink() or link.exists():
                link.unlink()
            link.symlink_to(Path("..") / f"{name}_{split}.spacy")
    (out / "stats.json").write_text(json.dumps(stats, indent=2, sort_keys=True))
    return stats


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", type=Path, default=None)
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "corpus")
    args = ap.parse_args()
    stats = convert(shared_dir(args.shared), args.out)
    print(json.dumps(stats, indent=2, sort_keys=True))


if __name__ == "__main__":
    main()
