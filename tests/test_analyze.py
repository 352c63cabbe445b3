"""The analysis over the bundled pipeline: contract, offsets, and multi-process equality."""

from __future__ import annotations

import pytest

from lagebild.analyze import analyze, analyze_many, get_pipeline
from lagebild.contract import validate
from lagebild.errors import LagebildError
from lagebild.records import Article

TEXTS = [
    (
        "Bundeskanzler Friedrich Merz hat am Dienstag in Paris mit Präsident Emmanuel Macron über die "
        "Ukraine beraten. „Wir stehen an der Seite Kiews“, sagte Merz nach dem Treffen. Macron kündigte "
        "an, Frankreich werde weitere Luftabwehrsysteme liefern.",
        "2025-05-13",
    ),
    (
        "Die Außenminister der EU haben am Montag in Brüssel neue Sanktionen gegen Russland beschlossen. "
        "Laut Diplomaten sollen die Maßnahmen vor allem die Schattenflotte treffen.",
        "2025-05",
    ),
]


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    try:
        get_pipeline()
    except LagebildError as exc:
        pytest.fail(f"the committed pipeline must load: {exc}")
    return [
        Article.from_text(text, published=date, source=f"test-{n}") for n, (text, date) in enumerate(TEXTS)
    ]


def test_analysis_follows_contract(articles: list[Article]) -> None:
    data = analyze(articles[0]).to_json()
    validate(data)
    names = {(e["text"], e["actor_id"]) for e in data["entities"]}
    assert any(actor == "merz" for _, actor in names)
    assert any(t["text"] == "am Dienstag" and t["value"] == "2025-05-13" for t in data["timexes"])
    assert [q["text"] for q in data["quotes"]] == ["Wir stehen an der Seite Kiews"]
    assert data["quotes"][0]["speaker_actor_id"] == "merz"


def test_two_processes_give_the_same_analyses(articles: list[Article]) -> None:
    one = [a.to_json() for a in analyze_many(articles)]
    two = [a.to_json() for a in analyze_many(articles, n_process=2, batch_size=1)]
    assert one == two
