"""Matching keys and German transliteration (no KB file needed)."""

from __future__ import annotations

import pytest

from lagebild.kb.model import bounds, period
from lagebild.kb.normalize import german_transliteration, norm_key, stem_key, translit_key


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("J.D. Vance", "JD Vance"),
        ("J. D. Vance", "jd vance"),
        ("Élysée", "elysee"),
        ("Weißes Haus", "weisses haus"),
        ("US\u2011Präsident", "us-prasident"),
        ("Reyk\u00adjavík", "reykjavik"),
    ],
)
def test_norm_key(a: str, b: str) -> None:
    assert norm_key(a) == norm_key(b)


@pytest.mark.parametrize(
    ("inflected", "base"),
    [
        ("Trumps", "Trump"),
        ("Putins", "Putin"),
        ("des Kremls", "Kreml"),
        ("Moskaus", "Moskau"),
        ("des Weißen Hauses", "Weißes Haus"),
        ("Bidens", "Biden"),
        ("Präsidenten", "Präsident"),
    ],
)
def test_stem_key(inflected: str, base: str) -> None:
    assert stem_key(inflected) == stem_key(base)


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Selenskyj", "Zelenskyy"),
        ("Selensky", "Zelensky"),
        ("Peskow", "Peskov"),
        ("Wladimir", "Vladimir"),
        ("Dmitri", "Dmitry"),
        ("Schoigu", "Shoygu"),
        ("Sacharowa", "Zakharova"),
    ],
)
def test_translit_key(german: str, english: str) -> None:
    assert translit_key(german) == translit_key(english)


@pytest.mark.parametrize(
    ("english", "german"),
    [
        ("Volodymyr Zelenskyy", "Wolodymyr Selenskyj"),
        ("Vladimir Putin", "Wladimir Putin"),
        ("Dmitry Peskov", "Dmitri Peskow"),
        ("Sergey Lavrov", "Sergej Lawrow"),
        ("Sergey Shoygu", "Sergej Schoigu"),
        ("Mikhail Mishustin", "Michail Mischustin"),
        ("Yevgeny Prigozhin", "Jewgeni Prigoschin"),
        ("Andriy Yermak", "Andrij Jermak"),
        ("Vitali Klitschko", "Witali Klitschko"),
    ],
)
def test_german_transliteration(english: str, german: str) -> None:
    assert german_transliteration(english) == german


def test_periods() -> None:
    assert period("2025") == period("2025-01-01")[:1] + period("2025-12-31")[1:]
    assert period("2025-02")[1].isoformat() == "2025-03-01"
    lo, hi = bounds("2021-12-08", "2025-05-06")
    assert (lo.isoformat(), hi.isoformat()) == ("2021-12-08", "2025-05-06")  # handover day excluded
    assert bounds("2021", "2025")[1].isoformat() == "2026-01-01"  # a year end covers the year
