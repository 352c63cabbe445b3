"""Writing and reading back: every list type, absent vs empty, idempotence, replace, errors."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

import lagebild.store.store as store_module
from lagebild.errors import LagebildError
from lagebild.records import Analysis, Article, Mention
from lagebild.store import AddItem, Store, open_store


def test_roundtrip_every_list_type(store: Store, full_analysis: Analysis) -> None:
    result = store.add(full_analysis, minhash=b"\x00\x01\xff" * 8)
    assert (result.status, result.article_id) == ("new", full_analysis.article.id)

    stored = store.get(full_analysis.article.id)

    assert stored.analysis == full_analysis
    assert stored.analysis.to_json() == full_analysis.to_json()
    assert stored.duplicate_of is None and stored.similarity is None
    assert stored.ingested_at.tzinfo is not None
    assert abs((datetime.now(UTC) - stored.ingested_at).total_seconds()) < 120
    # offsets still point at the same characters of the stored text
    text = stored.analysis.article.text
    for quote in stored.analysis.quotes or ():
        assert text[quote.start : quote.end] == quote.text
        assert quote.speaker is not None and text[quote.speaker.start : quote.speaker.end] == "Scholz"


def test_absent_lists_stay_absent_and_empty_lists_stay_empty(
    store: Store, make_article: Callable[..., Article]
) -> None:
    article = make_article("Der Bundestag hat heute über den Haushalt beraten.", published="2024")
    analysis = Analysis(article=article, entities=(), quotes=(), components=("lagebild.ner.v1",))
    store.add(analysis)

    stored = store.get(article.id).analysis

    assert stored.entities == () and stored.quotes == ()
    assert stored.actors is None and stored.reported is None and stored.timexes is None
    assert stored.events is None and stored.claims is None
    assert stored == analysis
    assert "entities" in stored.to_json() and "events" not in stored.to_json()


def test_article_without_analysis_has_all_lists_absent(
    store: Store, make_article: Callable[..., Article]
) -> None:
    article = make_article("Nur ein Satz ohne Analyse.")
    store.add(Analysis(article=article))
    assert store.get(article.id).analysis == Analysis(article=article)


def test_re_adding_is_a_noop(store: Store, full_analysis: Analysis) -> None:
    assert store.add(full_analysis).status == "new"
    again = store.add(Analysis(article=full_analysis.article), minhash=b"other")

    assert again.status == "exists"
    assert store.get(full_analysis.article.id).analysis == full_analysis
    assert list(store.minhashes()) == []  # the first write (without minhash) is kept
    assert store.stats()["articles"] == 1


def test_replace_analysis_swaps_records(store: Store, full_analysis: Analysis) -> None:
    article = full_analysis.article
    store.add(Analysis(article=article, entities=full_analysis.entities, components=("lagebild.ner.v1",)))

    result = store.replace_analysis(full_analysis)

    assert result.status == "replaced"
    assert store.get(article.id).analysis == full_analysis
    newer = replace(full_analysis, entities=(), events=None, components=("lagebild.ner.v2",))
    store.replace_analysis(newer)
    assert store.get(article.id).analysis == newer
    assert store.stats()["records"]["events"] == 0


def test_replace_analysis_of_missing_article_is_e203(store: Store, full_analysis: Analysis) -> None:
    with pytest.raises(LagebildError) as info:
        store.replace_analysis(full_analysis)
    assert info.value.code == "E203"


def test_get_missing_article_is_e203(store: Store) -> None:
    with pytest.raises(LagebildError) as info:
        store.get("0000000000000000")
    assert info.value.code == "E203"
    assert not store.has("0000000000000000")


def test_records_of_another_article_are_refused(store: Store, make_article: Callable[..., Article]) -> None:
    article = make_article("Scholz reist nach Paris.")
    foreign = Mention("ffffffffffffffff", 0, 6, "Scholz", "PER", "lagebild.ner.v1")
    with pytest.raises(ValueError, match="ffffffffffffffff"):
        store.add(Analysis(article=article, entities=(foreign,)))
    assert not store.has(article.id)


def test_near_duplicates_minhashes_and_stats(store: Store, make_article: Callable[..., Article]) -> None:
    original = make_article("Die Waffenruhe hält seit drei Tagen.", published="2024-03-10", source="dpa")
    copy = make_article("Die Waffenruhe hält seit drei Tagen an.", published="2024-03-11", source="afp")
    other = make_article("Der Haushalt wurde beschlossen.", published="2023", source="dpa")
    store.add(Analysis(article=original), minhash=b"sig-original")
    store.add(Analysis(article=copy), minhash=b"sig-copy", duplicate_of=original.id, similarity=0.91)
    store.add(Analysis(article=other))

    assert store.duplicates_of(original.id) == [copy.id]
    stored_copy = store.get(copy.id)
    assert stored_copy.duplicate_of == original.id
    assert stored_copy.similarity == pytest.approx(0.91)
    assert list(store.minhashes()) == [(original.id, b"sig-original"), (copy.id, b"sig-copy")]
    assert [a.id for a in store.list_articles()] == [original.id, other.id]
    assert {a.id for a in store.list_articles(include_duplicates=True)} == {original.id, copy.id, other.id}

    stats = store.stats()
    assert stats["articles"] == 3 and stats["near_duplicates"] == 1
    assert stats["published"] == {"first": "2023-01-01", "last": "2024-03-11"}
    assert stats["sources"]["top"] == {"dpa": 2, "afp": 1}
    assert set(stats["records"]) == set(Analysis.LISTS)


def test_duplicate_of_unknown_article_is_e203(store: Store, make_article: Callable[..., Article]) -> None:
    article = make_article("Eine Kopie ohne Original.")
    with pytest.raises(LagebildError) as info:
        store.add(Analysis(article=article), duplicate_of="0123456789abcdef", similarity=0.9)
    assert info.value.code == "E203"
    assert not store.has(article.id)


def test_add_many_stores_all(store: Store, make_article: Callable[..., Article]) -> None:
    articles = [
        make_article(f"Meldung Nummer {i}: Die Waffenruhe hält.", published="2024-05") for i in range(7)
    ]
    items: list[Analysis | AddItem] = [Analysis(article=a, entities=()) for a in articles[:4]]
    items += [AddItem(Analysis(article=a), minhash=bytes([i])) for i, a in enumerate(articles[4:])]
    items.append(Analysis(article=articles[0]))  # already in this batch

    results = store.add_many(items, batch_size=3)

    assert [r.status for r in results] == ["new"] * 7 + ["exists"]
    assert all(store.has(a.id) for a in articles)
    assert store.get(articles[0].id).analysis.entities == ()
    assert len(list(store.minhashes())) == 3


def test_list_articles_pages_and_source_filter(store: Store, make_article: Callable[..., Article]) -> None:
    for day in range(1, 6):
        source = "taz" if day % 2 else "faz"
        store.add(
            Analysis(
                article=make_article(f"Bericht vom {day}. Mai.", published=f"2024-05-0{day}", source=source)
            )
        )
    dates = [a.published for a in store.list_articles()]
    assert dates == ["2024-05-05", "2024-05-04", "2024-05-03", "2024-05-02", "2024-05-01"]
    assert [a.published for a in store.list_articles(limit=2, offset=1)] == ["2024-05-04", "2024-05-03"]
    assert [a.published for a in store.list_articles(source="faz")] == ["2024-05-04", "2024-05-02"]
    summary = store.list_articles(limit=1)[0]
    assert summary.to_json()["lead"] == "Bericht vom 5. Mai."


@pytest.fixture
def dated(store: Store, make_article: Callable[..., Article]) -> dict[str, str]:
    """Articles dated to a day, a month, a year, and undated."""
    ids = {}
    for key, published in [("day", "2024-03-10"), ("month", "2024-04"), ("year", "2023"), ("none", None)]:
        article = make_article(f"Artikel mit Datum {key}.", published=published)
        store.add(Analysis(article=article))
        ids[key] = article.id
    return ids


@pytest.mark.parametrize(
    ("since", "until", "expected"),
    [
        (None, None, ["month", "day", "year", "none"]),  # newest first, undated last
        ("2024-04", None, ["month"]),
        ("2024-03-15", None, ["month"]),  # April may be after 15 March
        ("2024-03", "2024-03", ["day"]),
        ("2024-03-01", "2024-03-31", ["day"]),
        (None, "2023-12", ["year"]),
        ("2023-06", "2023-06", ["year"]),  # "2023" may be June 2023
        ("2024", None, ["month", "day"]),
        (None, "2024-04-01", ["month", "day", "year"]),
        ("2025", None, []),
    ],
)
def test_date_range_filters_with_granularity(
    store: Store, dated: dict[str, str], since: str | None, until: str | None, expected: list[str]
) -> None:
    found = [a.id for a in store.list_articles(since=since, until=until)]
    assert found == [dated[key] for key in expected]


def test_bad_date_filter_is_e101(store: Store) -> None:
    with pytest.raises(LagebildError) as info:
        store.list_articles(since="März 2024")
    assert info.value.code == "E101"


def test_reopen_keeps_data(db_url: str, full_analysis: Analysis) -> None:
    with open_store(db_url) as first:
        first.add(full_analysis)
    with open_store(db_url) as second:
        assert second.get(full_analysis.article.id).analysis == full_analysis


@pytest.mark.parametrize(
    "url",
    [
        "mysql://user@localhost/db",
        "postgresql+psycopg2://user@localhost/db",
        "",
        "sqlite:////nonexistent-folder-lagebild/x.db",
        "postgresql://nobody:secret@127.0.0.1:1/none?connect_timeout=2",
    ],
)
def test_bad_url_or_unreachable_is_e201(url: str) -> None:
    with pytest.raises(LagebildError) as info:
        open_store(url)
    assert info.value.code == "E201"
    assert "secret" not in info.value.message


def test_not_a_database_file_is_e201(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("Dies ist keine Datenbank, sondern ein Einkaufszettel.\n" * 100)
    with pytest.raises(LagebildError) as info:
        open_store(str(path))
    assert info.value.code == "E201"


def test_bare_path_and_sqlite_url_open_the_same_file(tmp_path: Path, full_analysis: Analysis) -> None:
    path = tmp_path / "kb.db"
    with open_store(str(path)) as store:
        store.add(full_analysis)
        assert store.backend == "sqlite"
    with open_store(f"sqlite:///{path}") as store:
        assert store.has(full_analysis.article.id)


def test_minhashes_page_through_everything(
    store: Store, make_article: Callable[..., Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_module, "_PAGE", 2)
    expected = []
    for i in range(7):
        article = make_article(f"Kurzmeldung {i} aus dem Landtag.")
        store.add(Analysis(article=article), minhash=None if i == 3 else bytes([i]) * 4)
        if i != 3:
            expected.append((article.id, bytes([i]) * 4))
    assert list(store.minhashes()) == expected


def test_stats_of_empty_store(store: Store) -> None:
    stats = store.stats()
    assert stats["articles"] == 0 and stats["near_duplicates"] == 0
    assert stats["published"] == {"first": None, "last": None}
    assert stats["sources"] == {"distinct": 0, "top": {}}
    assert stats["backend"] == store.backend
