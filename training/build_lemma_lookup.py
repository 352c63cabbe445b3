"""Lemma table for ``lagebild_lemma_lookup``: word forms of the UD *training* part with one lemma.

Usage: ``python training/build_lemma_lookup.py [--shared ../shared] [--out <json>]``
(default ``training/corpus/lemma_lookup.json``).
Key: UPOS + lower-cased form (:func:`lagebild.nlp.components.lemma_key`); value: the lemma, kept when it
covers at least ``--min-share`` of the key's occurrences (held-out sentences are skipped with
:func:`lagebild.nlp.data.is_heldout`). ``training/assemble.py --lemma-lookup`` stores the table in
the model's vocab lookups.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _shared import import_nlp, load_data_module

_data = load_data_module()


def build(shared: Path, min_share: float, min_count: int) -> dict[str, str]:
    lemma_key = import_nlp("lagebild.nlp.components").lemma_key
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for source, files in _data.ud_sources(shared).items():
        for path in files:
            for s in _data.read_conllu(path):
                if _data.is_heldout(source, s.sent_id):
                    continue
                for word, lemma, upos in zip(s.words, s.lemmas, s.upos, strict=True):
                    if upos in ("X", "SYM") or lemma in ("", "_"):
                        continue
                    counts[lemma_key(word, upos)][lemma] += 1
    table: dict[str, str] = {}
    for key, c in sorted(counts.items()):
        lemma, n = c.most_common(1)[0]
        if n >= min_count and n / sum(c.values()) >= min_share:
            table[key] = lemma
    return table


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", type=Path, default=None)
    default_out = Path(__file__).resolve().parent / "corpus" / "lemma_lookup.json"
    ap.add_argument("--out", type=Path, default=default_out)
    ap.add_argument("--min-share", type=float, default=0.9)
    ap.add_argument("--min-count", type=int, default=1)
    args = ap.parse_args()
    table = build(_data.shared_dir(args.shared), args.min_share, args.min_count)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(table, ensure_ascii=False, indent=0, sort_keys=True)
    args.out.write_text(text + "\n", encoding="utf-8")
    print(f"{len(table)} entries -> {args.out}")


if __name__ == "__main__":
    main()
