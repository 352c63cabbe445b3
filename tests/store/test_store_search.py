"""Full-text search: German inflection, ranking, highlighted snippets, hostile input."""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest

from lagebild.records import Analysis, Article
from lagebild.store import Store
from lagebild.store.fts import fts5_query, german_stem_prefix

TEXTS = {
    "main": (
        "Waffenruhe im Gazastreifen hält",
        "Die Waffenruhe im Gazastreifen hält seit Sonntag. Beide Seiten werfen einander vor, die "
        "Waffenruhe verletzt zu haben, doch die Vermittler aus Katar und Ägypten sind zuversichtlich, "
        "dass die Waffenruhe verlängert wird.",
    ),
    "inflected": (
        "Diplomatie im Nahen Osten",
        "Frühere Waffenruhen waren schnell gescheitert. Die Außenminister trafen sich in Kairo zu "
        "Gesprächen über humanitäre Hilfe.",
    ),
    "budget": (
        "Bundestag beschließt Haushalt",
        "Der Bundestag hat den Haushalt für das kommende Jahr beschlossen. Die Opposition kritisierte "
        "die Neuverschuldung scharf.",
    ),
    "ceasefire": (
        "Verhandlungen in Genf",
        "Über einen Waffenstillstand in der Ukraine wurde in Genf ergebnislos verhandelt.",
    ),
}


@pytest.fixture
def corpus(store: Store, make_article: Callable[..., Article]) -> dict[str, str]:
    ids = {}
    for key, (title, text) in TEXTS.items():
        article = make_article(text, title=title, published="2024-03-10", source=f"{key}.example")
        store.add(Analysis(article=article))
        ids[key] = article.id
    return ids


def test_waffenruhe_ranked_with_snippet(store: Store, corpus: dict[str, str]) -> None:
    hits = store.search("Waffenruhe")

    assert [h.article_id for h in hits] == [corpus["main"], corpus["inflected"]]
    best = hits[0]
    assert best.title == "Waffenruhe im Gazastreifen hält"
    assert best.published == "2024-03-10"
    assert "[Waffenruhe]" in best.snippet
    assert "[Waffenruhen]" in hits[1].snippet  # the inflected form matched and is highlighted
    assert best.rank > hits[1].rank


def test_inflected_query_finds_base_form(store: Store, corpus: dict[str, str]) -> None:
    assert {h.article_id for h in store.search("Waffenruhen")} == {corpus["main"], corpus["inflected"]}
    assert [h.article_id for h in store.search("Gespräche")] == [corpus["inflected"]]


def test_custom_markers(store: Store, corpus: dict[str, str]) -> None:
    hit = store.search("Haushalt", markers=("<mark>", "</mark>"))[0]
    assert hit.article_id == corpus["budget"]
    assert "<mark>Haushalt</mark>" in hit.snippet


def test_phrase_exclusion_and_or(store: Store, corpus: dict[str, str]) -> None:
    assert [h.article_id for h in store.search('"humanitäre Hilfe"')] == [corpus["inflected"]]
    assert [h.article_id for h in store.search("Waffenruhe -Kairo")] == [corpus["main"]]
    assert {h.article_id for h in store.search("Haushalt OR Genf")} == {corpus["budget"], corpus["ceasefire"]}
    assert store.search("Waffenruhe Bundestag") == []


def test_limit_offset(store: Store, corpus: dict[str, str]) -> None:
    assert [h.article_id for h in store.search("Waffenruhe", limit=1, offset=1)] == [corpus["inflected"]]
    assert store.search("Waffenruhe", limit=0) == []


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "(",
        ")",
        "NOT",
        "AND",
        "OR",
        "*",
        "-",
        "Waffen-ruhe",
        '"Waffenruhe',
        'Waffenruhe"',
        "Waffenruhe AND",
        "NOT Waffenruhe",
        "Waffenruhe NOT",
        "OR Waffenruhe",
        "title:Waffenruhe",
        "NEAR(Waffenruhe Gaza)",
        "Waffenruhe*",
        "^Waffenruhe",
        "'; DROP TABLE articles; --",
        "''",
        "\\",
        "{Waffenruhe}",
        "-Waffenruhe",
        "Waffenruhe -",
        "  ",
        "",
        "%_",
        "ß",
        "Waffenruhe\x00",
        '\x00"NOT',
        "\ud800Waffenruhe",
        "Waffen\u200bruhe",
    ],
)
def test_hostile_input_does_not_crash(store: Store, corpus: dict[str, str], query: str) -> None:
    hits = store.search(query)
    assert all(h.article_id in corpus.values() for h in hits)
    assert store.stats()["articles"] == len(TEXTS)  # still there


def test_random_hostile_input_does_not_crash(store: Store, corpus: dict[str, str]) -> None:
    alphabet = [
        *"\"()*-^:+{}[]~\\'\t\n\x00&|!<>ßé ",
        "AND",
        "OR",
        "NOT",
        "NEAR",
        "Waffenruhe",
        "or",
        "\ud800",
    ]
    rng = random.Random(3)
    for _ in range(300):
        query = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 8)))
        store.search(query)


@pytest.mark.parametrize(
    "query", ['"Waffenruhe', "Waffenruhe*", "(Waffenruhe)", "Waffenruhe)", "{Waffenruhe}"]
)
def test_hostile_input_still_finds_the_word(store: Store, corpus: dict[str, str], query: str) -> None:
    assert corpus["main"] in {h.article_id for h in store.search(query)}


def test_search_skips_near_duplicates_unless_asked(
    store: Store, make_article: Callable[..., Article]
) -> None:
    original = make_article("Die Waffenruhe hält seit drei Tagen.")
    copy = make_article("Die Waffenruhe hält seit drei Tagen an.")
    store.add(Analysis(article=original))
    store.add(Analysis(article=copy), duplicate_of=original.id, similarity=0.9)
    assert [h.article_id for h in store.search("Waffenruhe")] == [original.id]
    assert len(store.search("Waffenruhe", include_duplicates=True)) == 2


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("Waffenruhe", "waffenruh"),
        ("Waffenruhen", "waffenruh"),
        ("Gesprächen", "gespräch"),
        ("EU", "eu"),
        ("Rates", "rate"),
        ("Haus", "haus"),
    ],
)
def test_german_stem_prefix(word: str, stem: str) -> None:
    assert german_stem_prefix(word) == stem


@pytest.mark.parametrize(
    ("query", "expression"),
    [
        ("Waffenruhe", '("waffenruh"*)'),
        ('"', None),
        ("NOT", '("not")'),
        ("Waffen-ruhe", '("Waffen-ruhe")'),
        ("Waffenruhe -Gaza", '(("waffenruh"*) NOT "gaza"*)'),
        ("EU OR Kairo", '("eu") OR ("kairo"*)'),
        ("-Gaza", None),
    ],
)
def test_fts5_query_escaping(query: str, expression: str | None) -> None:
    assert fts5_query(query) == expression
