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

#: Chosen for size (50k x 100 x 4 B = 20 MB in the model) and speed on one core; see docs/training.md.
FLORET_PARAMS: dict[str, int | str | float] = {
    "model": "cbow",
    "mode": "floret",
    "dim": 100,
    "bucket": 50_000,
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
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    model = floret.train_unsupervised(str(args.text), **FLORET_PARAMS)
    floret_file = args.out / "vectors.floret"
    model.save_floret_vectors(str(floret_file))
    subprocess.run(
        [sys.executable, "-m", "spacy", "init", "vectors", "de", str(floret_file), str(args.out / "nlp"),
         "--mode", "floret"],
        check=True,
    )


if __name__ == "__main__":
    main()
