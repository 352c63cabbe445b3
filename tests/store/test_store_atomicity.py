"""An article is stored whole or not at all: a failing record insert, or a crash of the writing
process in the middle of an article, leaves no trace of it and earlier articles intact."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy.exc import IntegrityError

import lagebild.store.store as store_module
from lagebild.errors import LagebildError
from lagebild.records import Analysis, Article
from lagebild.store import Store, open_store

REAL_RECORD_ROW = store_module.record_row


def _failing_on(list_name: str) -> Callable[..., dict[str, Any]]:
    """A record_row that makes the database refuse the rows of ``list_name`` (NOT NULL text)."""

    def record_row(name: str, record: Any, article_id: str, seq: int) -> dict[str, Any]:
        row = REAL_RECORD_ROW(name, record, article_id, seq)
        if name == list_name:
            row["text"] = None
        return row

    return record_row


def _assert_only(store: Store, analysis: Analysis) -> None:
    """The store holds exactly ``analysis`` and nothing of any other article."""
    stats = store.stats()
    assert stats["articles"] == 1
    expected = {name: len(getattr(analysis, name) or ()) for name in Analysis.LISTS}
    assert stats["records"] == expected
    assert store.get(analysis.article.id).analysis == analysis


def _second(full_analysis: Analysis, make_article: Callable[..., Article]) -> tuple[Analysis, Analysis]:
    first = Analysis(
        article=make_article("Der Bundesrat stimmte dem Gesetz am Freitag zu.", published="2024-02-02"),
        entities=(),
        events=(),
    )
    return first, full_analysis


def test_failing_insert_mid_article_rolls_back_the_article(
    store: Store,
    full_analysis: Analysis,
    make_article: Callable[..., Article],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first, second = _second(full_analysis, make_article)
    store.add(first)
    # events are written after the article row, the analysis row, entities, quotes and timexes
    monkeypatch.setattr(store_module, "record_row", _failing_on("events"))

    with pytest.raises(LagebildError, match="E204") as raised:
        store.add(second, minhash=b"sig")
    assert isinstance(raised.value.__cause__, IntegrityError)

    assert not store.has(second.article.id)
    assert store.search("Gazastreifen") == []
    _assert_only(store, first)
    monkeypatch.setattr(store_module, "record_row", REAL_RECORD_ROW)
    assert store.add(second).status == "new"  # nothing left over blocks a retry
    assert store.get(second.article.id).analysis == second


def test_failing_article_in_add_many_keeps_earlier_ones(
    store: Store,
    full_analysis: Analysis,
    make_article: Callable[..., Article],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first, bad = _second(full_analysis, make_article)
    later = Analysis(article=make_article("Eine spätere Meldung über die Waffenruhe."))
    monkeypatch.setattr(store_module, "record_row", _failing_on("claims"))

    with pytest.raises(LagebildError, match="E204") as raised:
        store.add_many([first, bad, later], batch_size=10)
    assert isinstance(raised.value.__cause__, IntegrityError)

    assert store.has(first.article.id)
    assert not store.has(bad.article.id) and not store.has(later.article.id)
    _assert_only(store, first)


def test_failing_replace_keeps_the_old_analysis(
    store: Store, full_analysis: Analysis, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.add(full_analysis)
    monkeypatch.setattr(store_module, "record_row", _failing_on("timexes"))
    with pytest.raises(LagebildError, match="E204") as raised:
        store.replace_analysis(
            Analysis(
                article=full_analysis.article, entities=full_analysis.entities, timexes=full_analysis.timexes
            )
        )
    assert isinstance(raised.value.__cause__, IntegrityError)
    assert store.get(full_analysis.article.id).analysis == full_analysis


def _crash_while_writing(url: str, analysis: Analysis) -> None:
    """Child process: start writing ``analysis`` and die (no cleanup) in the middle of it."""

    def record_row(name: str, record: Any, article_id: str, seq: int) -> dict[str, Any]:
        if name == "events":
            os._exit(3)
        return REAL_RECORD_ROW(name, record, article_id, seq)

    store_module.record_row = record_row  # type: ignore[assignment]
    store = open_store(url)
    store.add(analysis)
    os._exit(0)  # not reached


def test_crash_mid_article_leaves_nothing(
    db_url: str, full_analysis: Analysis, make_article: Callable[..., Article]
) -> None:
    first, second = _second(full_analysis, make_article)
    with open_store(db_url) as store:
        store.add(first)

    child = multiprocessing.get_context("fork").Process(target=_crash_while_writing, args=(db_url, second))
    child.start()
    child.join(60)
    assert child.exitcode == 3

    with open_store(db_url) as store:
        assert not store.has(second.article.id)
        _assert_only(store, first)
        assert store.add(second).status == "new"
