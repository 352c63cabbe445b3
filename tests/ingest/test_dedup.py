"""Near-duplicates: shingles, signatures, storage round trip, the LSH index and its calibration.

Calibration of ``Settings.near_duplicate_threshold`` (0.7, word 5-shingles, 128 permutations): the
table in ``test_calibration`` prints true and estimated Jaccard for each pair (run with ``-s``).
Measured (true/estimated): agency copies 0.845/0.820 and 0.852/0.898; different stories <= 0.004/0.016.
The numbers are repeated in ``lagebild/ingest/dedup.py``.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from lagebild.ingest import read
from lagebild.ingest.dedup import (
    NearDuplicateIndex,
    shingles,
    signature,
    signature_from_bytes,
    signature_to_bytes,
)
from lagebild.settings import Settings

from .texts import AGENCY_COPY, ORIGINAL, SAME_TOPIC

SETTINGS = Settings()


def text_of(samples: Path, name: str) -> str:
    return next(read(samples / name)).text


def test_shingles_ignore_case_and_punctuation() -> None:
    a = shingles("„Wir schaffen das“, sagte Merkel am Montag in Berlin.", 3)
    b = shingles('"wir schaffen das", sagte merkel am montag in berlin', 3)
    assert a == b
    assert "wir schaffen das" in a
    assert shingles("Kurz gesagt", 5) == {"kurz gesagt"}
    assert shingles(" … ", 5) == set()


def test_signature_round_trip_through_bytes() -> None:
    sig = signature(ORIGINAL, SETTINGS)
    data = signature_to_bytes(sig)
    assert len(data) == 8 * SETTINGS.minhash_permutations
    back = signature_from_bytes(data, SETTINGS.minhash_permutations)
    assert back.jaccard(sig) == 1.0
    assert back.jaccard(signature(AGENCY_COPY, SETTINGS)) == sig.jaccard(signature(AGENCY_COPY, SETTINGS))
    with pytest.raises(ValueError):
        signature_from_bytes(data, 64)


def test_signature_is_deterministic() -> None:
    assert signature_to_bytes(signature(ORIGINAL, SETTINGS)) == signature_to_bytes(
        signature(ORIGINAL, SETTINGS)
    )


def calibration_pairs(samples: Path) -> list[tuple[str, str, str, bool]]:
    return [
        ("agency copy: new lead sentence + added sentence", ORIGINAL, AGENCY_COPY, True),
        (
            "same text, other line breaks and quotes",
            ORIGINAL,
            ORIGINAL.replace("\n\n", "\n").replace("„", '"'),
            True,
        ),
        (
            "bundled agency copy 007/009",
            text_of(samples, "007_nato_gipfel_den_haag.txt"),
            text_of(samples, "009_nato_gipfel_agenturkopie.txt"),
            True,
        ),
        ("same topic, different story (EU migration)", ORIGINAL, SAME_TOPIC, False),
        (
            "same topic, different story (defence spending)",
            text_of(samples, "007_nato_gipfel_den_haag.txt"),
            text_of(samples, "002_eu_sondergipfel_verteidigung.txt"),
            False,
        ),
        (
            "same day, same actors (Merz, Tusk, border)",
            text_of(samples, "008_zurueckweisungen_grenze.txt"),
            text_of(samples, "010_merz_antrittsbesuch_paris.html"),
            False,
        ),
    ]


def test_calibration(samples: Path, capsys: pytest.CaptureFixture[str]) -> None:
    threshold = SETTINGS.near_duplicate_threshold
    rows = []
    for name, a, b, duplicate in calibration_pairs(samples):
        estimated = signature(a, SETTINGS).jaccard(signature(b, SETTINGS))
        sa, sb = shingles(a, SETTINGS.shingle_size), shingles(b, SETTINGS.shingle_size)
        true = len(sa & sb) / len(sa | sb)
        rows.append((name, true, estimated, duplicate))
    with capsys.disabled():
        print(f"\nnear-duplicate calibration (threshold {threshold}):")
        for name, true, estimated, duplicate in rows:
            print(f"  {name:50s} true {true:.3f} estimated {estimated:.3f} expected {duplicate}")
    for name, _true, estimated, duplicate in rows:
        assert (estimated >= threshold) is duplicate, name
    for name, true, _estimated, duplicate in rows:
        if not duplicate:
            assert true < 0.1, name  # a wide margin below any sensible threshold


def test_index_finds_copy_and_not_other_story(samples: Path) -> None:
    index = NearDuplicateIndex(SETTINGS.near_duplicate_threshold, SETTINGS.minhash_permutations)
    index.add("original", signature(ORIGINAL, SETTINGS))
    index.add("thema", signature(SAME_TOPIC, SETTINGS))
    index.add("nato", signature(text_of(samples, "007_nato_gipfel_den_haag.txt"), SETTINGS))
    index.add("original", signature(SAME_TOPIC, SETTINGS))  # a second add keeps the first signature
    assert len(index) == 3 and "original" in index

    matches = index.query(signature(AGENCY_COPY, SETTINGS))
    assert [m[0] for m in matches] == ["original"]
    assert matches[0][1] >= SETTINGS.near_duplicate_threshold
    copy = text_of(samples, "009_nato_gipfel_agenturkopie.txt")
    assert [m[0] for m in index.query(signature(copy, SETTINGS))] == ["nato"]
    unrelated = text_of(samples, "006_china_manoever_taiwan.txt")
    assert index.query(signature(unrelated, SETTINGS)) == []


def test_index_orders_best_first() -> None:
    index = NearDuplicateIndex(0.5, 128)
    index.add("copy", signature(AGENCY_COPY))
    index.add("same", signature(ORIGINAL))
    matches = index.query(signature(ORIGINAL))
    assert [m[0] for m in matches] == ["same", "copy"]
    assert matches[0][1] == 1.0 > matches[1][1]


def test_index_rejects_bad_threshold() -> None:
    with pytest.raises(ValueError):
        NearDuplicateIndex(0.0, 128)


def test_signature_speed(capsys: pytest.CaptureFixture[str]) -> None:
    # Not a benchmark (see `lagebild bench ingest`): a guard against an accidental 10x slowdown.
    text = (ORIGINAL * 2)[:2000]
    signature(text, SETTINGS)
    runs = 300
    started = time.perf_counter()
    for _ in range(runs):
        signature(text, SETTINGS)
    per_call = (time.perf_counter() - started) / runs
    with capsys.disabled():
        print(f"\nsignature(): {per_call * 1000:.2f} ms per 2,000-char article ({1 / per_call:,.0f}/s)")
    assert per_call < 0.02
