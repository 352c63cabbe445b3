"""lagebild.time: normalization against day-, month- and year-precision anchors (no shared data needed)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from lagebild.errors import LagebildError
from lagebild.records import Published
from lagebild.time import COMPONENT, find_timexes, normalize
from lagebild.time.normalize import duration_value
from lagebild.time.tense import tense_of

FIXTURES = yaml.safe_load((Path(__file__).with_name("fixtures_de.yaml")).read_text(encoding="utf-8"))["cases"]
CENTRAL = [case for case in FIXTURES if case.get("central")]


def _judge(case: dict[str, Any]) -> list[tuple[dict[str, Any], Any, bool]]:
    timexes = find_timexes(case["text"], case["anchor"])
    results = []
    for expected in case["expect"]:
        start = case["text"].index(expected["span"])
        end = start + len(expected["span"])
        hit = next((t for t in timexes if t.start < end and start < t.end), None)
        ok = (
            hit is not None
            and hit.type == expected["type"]
            and hit.value == expected["value"]
            and hit.modifier == expected.get("modifier", hit.modifier)
            and list(hit.candidates) == expected.get("candidates", list(hit.candidates))
        )
        results.append((expected, hit, ok))
    return results


def test_fixture_set_is_large_and_varied() -> None:
    precisions = {Published.parse(case["anchor"]).granularity for case in FIXTURES}
    assert len(FIXTURES) >= 60
    assert precisions == {"day", "month", "year"}


def test_value_accuracy_on_own_fixtures() -> None:
    judged = [ok for case in FIXTURES for _, _, ok in _judge(case)]
    accuracy = sum(judged) / len(judged)
    assert accuracy >= 0.90, f"value accuracy {accuracy:.3f} on {len(judged)} expressions"


@pytest.mark.parametrize("case", CENTRAL, ids=[case["id"] for case in CENTRAL])
def test_central_case(case: dict[str, Any]) -> None:
    for expected, hit, ok in _judge(case):
        got = None if hit is None else (hit.text, hit.type, hit.value, hit.modifier, hit.candidates)
        assert ok, f"{expected} -> {got}"
    tagged = [t.text for t in find_timexes(case["text"], case["anchor"])]
    for absent in case.get("absent", []):
        assert not any(absent in text for text in tagged), f"{absent!r} must not be a timex: {tagged}"


@pytest.mark.parametrize("case", [c for c in FIXTURES if c.get("absent")], ids=lambda c: c["id"])
def test_counts_are_not_years(case: dict[str, Any]) -> None:
    tagged = [t.text for t in find_timexes(case["text"], case["anchor"])]
    assert not any(a in text for a in case["absent"] for text in tagged)


# --- the examples, through the public API ------------------------------------------------


def test_weekday_with_month_anchor_lists_candidates() -> None:
    value = normalize("am Mittwoch", anchor="2025-02")
    assert value.type == "DATE"
    assert value.value == "2025-02-XX"
    assert value.candidates == ("2025-02-05", "2025-02-12", "2025-02-19", "2025-02-26")
    assert value.interval == ("2025-02-05", "2025-02-26")


@pytest.mark.parametrize(
    ("tense", "expected"),
    [("past", "2025-02-12"), ("future", "2025-02-19")],
)
def test_weekday_with_day_anchor_follows_tense(tense: str, expected: str) -> None:
    # 2025-02-13 is a Thursday: the past Wednesday is the 12th, the next one the 19th.
    assert normalize("am Mittwoch", anchor="2025-02-13", tense=tense).value == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Trump sagte dies am Mittwoch vor Journalisten.", "2025-02-12"),
        ("Am Mittwoch traf der Minister Selenskyj in Kiew.", "2025-02-12"),
        ("Am Mittwoch ist ein Treffen in München geplant.", "2025-02-19"),
        ("Am Mittwoch wird der Kanzler nach Paris reisen.", "2025-02-19"),
    ],
)
def test_tense_from_sentence(text: str, expected: str) -> None:
    assert normalize(text, anchor=Published.parse("2025-02-13")).value == expected


def test_later_weekday_is_constrained_by_the_earlier_one() -> None:
    text = (
        "Trump sagte dies am Mittwoch. Am Freitag ist ein Treffen geplant. "
        "Am Mittwoch traf Bessent Selenskyj."
    )
    wednesday, friday, wednesday2 = find_timexes(text, "2025-02")
    assert friday.candidates == ("2025-02-07", "2025-02-14", "2025-02-21", "2025-02-28")
    assert wednesday.candidates == wednesday2.candidates
    # Each Friday candidate follows some Wednesday candidate within the same week.
    for day in friday.candidates:
        assert any(0 < int(day[-2:]) - int(w[-2:]) < 7 for w in wednesday.candidates)


def test_month_anchor_drops_weekdays_that_leave_the_month() -> None:
    # A past Saturday and a future Saturday a week apart cannot both fall in a month with D fixed:
    # with "gestern"-free stories the joint constraint only ever removes candidates.
    text = "Am Samstag hatte die Polizei geräumt. Am Sonntag soll gewählt werden."
    saturday, sunday = find_timexes(text, "2025-03")
    assert set(saturday.candidates) <= {"2025-03-01", "2025-03-08", "2025-03-15", "2025-03-22", "2025-03-29"}
    assert sunday.candidates and all(day.startswith("2025-03") for day in sunday.candidates)


@pytest.mark.parametrize(
    ("text", "anchor", "type_", "value", "modifier"),
    [
        ("im vergangenen Jahr", "2025-02", "DATE", "2024", None),
        ("vor 2014", "2025-02", "DATE", "2014", "BEFORE"),
        ("seit knapp drei Jahren", "2025-02", "DURATION", "P3Y", "APPROX"),
        ("eineinhalb Stunden", "2025-02", "DURATION", "PT1H30M", None),
        ("Derzeit", "2025-02", "DATE", "PRESENT_REF", None),
        ("künftig", "2025-02", "DATE", "FUTURE_REF", None),
        ("in nicht allzu ferner Zukunft", "2025-02", "DATE", "FUTURE_REF", None),
        ("bereits 2014", "2025-02", "DATE", "2014", None),
        ("12. Februar 2025", None, "DATE", "2025-02-12", None),
        ("12.02.2025", None, "DATE", "2025-02-12", None),
        ("im Jahr 2014", None, "DATE", "2014", None),
        ("März 2024", None, "DATE", "2024-03", None),
        ("Anfang März", "2025-02", "DATE", "2025-03", "START"),
        ("Ende 2024", "2025-02", "DATE", "2024", "END"),
        ("nächsten Monat", "2025-02", "DATE", "2025-03", None),
        ("vergangene Woche", "2025-02-12", "DATE", "2025-W06", None),
        ("um 14 Uhr", "2025-02-12", "TIME", "2025-02-12T14:00", None),
        ("14.30 Uhr", "2025-02-12", "TIME", "2025-02-12T14:30", None),
        ("drei Tage", "2025-02", "DURATION", "P3D", None),
        ("anderthalb Jahre", None, "DURATION", "P1Y6M", None),
        ("jeden Montag", "2025-02", "SET", "XXXX-WXX-1", None),
        ("wöchentlich", None, "SET", "P1W", None),
        ("gestern", "2025-02-12", "DATE", "2025-02-11", None),
        ("216 v. Chr.", None, "DATE", "BC0216", None),
        ("im 20. Jahrhundert", None, "DATE", "19", None),
    ],
)
def test_normalize_examples(
    text: str, anchor: str | None, type_: str, value: str, modifier: str | None
) -> None:
    result = normalize(text, anchor)
    assert (result.type, result.value, result.modifier) == (type_, value, modifier)


def test_seit_duration_records_implied_start() -> None:
    result = normalize("seit knapp drei Jahren", "2025-02")
    assert result.anchor == "2025-02"
    assert result.interval == ("2022-02", "2025-02")


def test_gestern_under_month_anchor_is_an_interval() -> None:
    result = normalize("gestern", "2025-02")
    assert result.value == "2025-02-XX"
    assert result.interval == ("2025-01-31", "2025-02-27")


def test_no_anchor_leaves_unknown_parts_open() -> None:
    assert normalize("am Mittwoch", None).value == "XXXX-WXX-3"
    assert normalize("im vergangenen Jahr", None).value == "XXXX"
    assert normalize("vor drei Jahren", None).value == "XXXX"


def test_normalize_without_time_expression_raises() -> None:
    with pytest.raises(LagebildError) as err:
        normalize("Der Kanzler sprach mit Journalisten.", "2025-02")
    assert err.value.code == "E110"


def test_find_timexes_offsets_and_component() -> None:
    text = "Die Ukraine verteidigt sich seit knapp drei Jahren. Derzeit kontrolliert Russland ein Fünftel."
    timexes = find_timexes(text, "2025-02", article_id="abc")
    assert [t.text for t in timexes] == ["seit knapp drei Jahren", "Derzeit"]
    for t in timexes:
        assert text[t.start : t.end] == t.text
        assert t.component == COMPONENT == "lagebild.time.v1"
        assert t.article_id == "abc"


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        ("Trump sagte dies am Mittwoch vor Journalisten", "past"),
        ("Am Freitag ist am Rande der Konferenz ein Treffen geplant", "future"),
        ("Am Mittwoch traf der US-Finanzminister Selenskyj", "past"),
        ("Der Minister hat am Montag telefoniert", "past"),
        ("Am Freitag trifft Vance Selenskyj", "present"),
    ],
)
def test_tense_heuristics(clause: str, expected: str) -> None:
    assert tense_of(clause) == expected


@pytest.mark.parametrize(
    ("amount", "unit", "is_time", "expected"),
    [
        (1.5, "H", True, "PT1H30M"),
        (3, "Y", False, "P3Y"),
        (None, "D", False, "PXD"),
        (0.5, "Y", False, "P6M"),
        (1.5, "D", False, "P1DT12H"),
        (0.5, "CE", False, "P5DE"),
    ],
)
def test_duration_values(amount: float | None, unit: str, is_time: bool, expected: str) -> None:
    assert duration_value(amount, unit, is_time) == expected
