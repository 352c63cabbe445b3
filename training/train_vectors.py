"""Train floret (hashed subword) vectors on tokenized news text and turn them into a spaCy vectors model.

floret stores only ``bucket`` hashed rows (no per-word table), so the vectors stay small (bucket x dim x 4
bytes) and every word, including unseen ones, gets a vector from its character n-grams.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import floret

#: 80k x 128 x 4 B = 41 MB in the model (model dir <= 60 MB, no file > 50 MB), trained on all 26.6M tokens of
#: reputable news text (the committed model since 2026-11-25, docs/training.md row 19; 50k x 100 on 15M tokens
#: before). One core: about 25 CPU minutes.
FLORET_PARAMS: dict[str, int | str | float] = {
    "model": "cbow",
    "mode": "floret",
    "dim": 128,
    "bucket": 80_000,
    "hashCount": 2,
    "minn": 4,
    "maxn": 5,
    "minCount": 5,
    "epoch": 5,
    "ws": 5,
    "neg": 10,
    "lr": 0.05,
    # one thread: floret (fastText 0.9) has no seed option; with a single thread its fixed internal
    # seed makes the vectors reproducible
    "thread": 1,
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--text", type=Path, required=True)
    ap.add_argument("--out", type=Path, required=True, help="directory for vectors.floret and spaCy model")
    for name in ("dim", "bucket", "epoch", "hashCount"):
        ap.add_argument(
            f"--{name}", type=int, default=None, help=f"override {name} (default {FLORET_PARAMS[name]})"
        )
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    params = dict(FLORET_PARAMS)
    for name in ("dim", "bucket", "epoch", "hashCount"):
        if getattr(args, name) is not None:
            params[name] = getattr(args, name)
    print(f"floret parameters: {params}", flush=True)
    model = floret.train_unsupervised(str(args.text), **params)
    floret_file = args.out / "vectors.floret"
    model.save_floret_vectors(str(floret_file))
    subprocess.run(
        [sys.executable, "-m", "spacy", "init", "vectors", "de", str(floret_file), str(args.out / "nlp"),
         "--mode", "floret"],
        check=True,
    )


if __name__ == "__main__":
    main()
