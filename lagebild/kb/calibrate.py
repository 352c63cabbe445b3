"""Calibrate ``FUZZY_THRESHOLD``: how similar must a name be to count as a fuzzy match?

    python -m lagebild.kb.calibrate [--n 1500]

Positives: one-letter typos (deletion, insertion, substitution, swap; seeded) of person names in
the built KB, scored against the true name. Negatives: each of those names scored against the
nearest name of another actor (what a fuzzy match would wrongly return). Prints, per threshold,
the share of typos kept (recall) and of nearest other names let through (false accepts), and the
threshold with the best recall - false accepts (Youden's J). Deterministic.
"""

from __future__ import annotations

import argparse
import random
import string
from collections.abc import Sequence

from rapidfuzz import fuzz, process

from lagebild.kb.base import load_kb
from lagebild.kb.normalize import norm_key

__all__ = ["calibrate", "main"]

THRESHOLDS = tuple(range(70, 100, 2))


def _typo(name: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(name))
    kind = rng.choice("disw")
    letter = rng.choice(string.ascii_lowercase)
    if kind == "d":
        return name[:i] + name[i + 1 :]
    if kind == "i":
        return name[:i] + letter + name[i:]
    if kind == "s":
        return name[:i] + letter + name[i + 1 :]
    j = min(i + 1, len(name) - 1)
    return name[:i] + name[j] + name[i] + name[j + 1 :] if j > i else name[:i] + letter


def calibrate(n: int = 1500, seed: int = 0) -> dict[str, object]:
    kb = load_kb()
    rng = random.Random(seed)
    people = [kb.actor(a) for a in kb.actor_ids() if kb.actor(a).type == "PER"]
    people = rng.sample(people, min(n, len(people)))
    owner: dict[str, set[str]] = {}
    for aid in kb.actor_ids():
        actor = kb.actor(aid)
        for name in (actor.name, *actor.aliases):
            owner.setdefault(norm_key(name), set()).add(aid)
    choices = sorted(owner)
    positives: list[float] = []
    negatives: list[float] = []
    for actor in people:
        key = norm_key(actor.name)
        if len(key) < 6:
            continue
        positives.append(fuzz.ratio(_typo(key, rng), key))
        best = 0.0
        for choice, score, _ in process.extract(key, choices, scorer=fuzz.ratio, limit=10):
            if actor.id not in owner[choice]:
                best = max(best, score)
        negatives.append(best)
    rows = []
    for t in THRESHOLDS:
        recall = sum(p >= t for p in positives) / len(positives)
        false = sum(s >= t for s in negatives) / len(negatives)
        rows.append((t, round(recall, 3), round(false, 3)))
    best_row = max(rows, key=lambda r: (r[1] - r[2], r[0]))
    return {"names": len(positives), "rows": rows, "best": best_row}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m lagebild.kb.calibrate", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--n", type=int, default=1500, help="person names sampled")
    args = parser.parse_args(argv)
    result = calibrate(args.n)
    print(f"{result['names']} person names; fuzz.ratio on norm_key")
    print("| threshold | typos kept | nearest other name accepted |")
    print("|---|---|---|")
    rows: list[tuple[int, float, float]] = result["rows"]  # type: ignore[assignment]
    for t, recall, false in rows:
        print(f"| {t} | {recall:.1%} | {false:.1%} |")
    print(f"best (recall - false accepts): {result['best']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
