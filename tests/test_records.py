from __future__ import annotations

import pytest

from lagebild.errors import LagebildError
from lagebild.records import Analysis, Article, Mention, Published, Span, Timex, article_id_for

TEXT = (
    "Bundeskanzler Olaf Scholz hat am Montag in Paris mit Präsident Emmanuel Macron gesprochen.\n\n"
    "„Wir stehen fest an der Seite der Ukraine“, sagte Scholz nach dem Treffen.\n\n\n"
    "Macron kündigte an, Frankreich werde weitere Hilfen bereitstellen."
)


@pytest.mark.parametrize(
    ("raw", "value", "granularity"),
    [
        ("2025", "2025", "year"),
        ("2025-02", "2025-02", "month"),
        ("2025-2", "2025-02", "month"),
        ("2025-02-12", "2025-02-12", "day"),
        ("2025-02-12T08:30:00+01:00", "2025-02-12", "day"),
    ],
)
def test_published_keeps_granularity(raw: str, value: str, granularity: str) -> None:
    published = Published.parse(raw)
    assert (published.value, published.granularity) == (value, granularity)


@pytest.mark.parametrize("raw", ["2025-13", "2025-02-30", "Februar 2025", "25-02", "", "0000", "0000-05"])
def test_published_rejects_invalid(raw: str) -> None:
    with pytest.raises(LagebildError) as info:
        Published.parse(raw)
    assert info.value.code == "E101"


def test_from_text_keeps_text_and_finds_paragraphs() -> None:
    article = Article.from_text(TEXT, published="2024-05-13", source="test")
    assert article.text == TEXT
    assert [p.text for p in article.paragraphs] == TEXT.replace("\n\n\n", "\n\n").split("\n\n")
    for paragraph in article.paragraphs:
        assert article.text[paragraph.start : paragraph.end] == paragraph.text
    assert article.lead == article.paragraphs[0]
    assert article.published == Published("2024-05-13", "day")


def test_from_text_normalizes_to_nfc_only() -> None:
    decomposed = "Pra\u0308sident Selenskyj sagte: „Wir kämpfen weiter.“"
    article = Article.from_text(decomposed)
    assert article.text == "Präsident Selenskyj sagte: „Wir kämpfen weiter.“"
    assert len(article.text) == len(decomposed) - 1


def test_from_text_rejects_empty() -> None:
    with pytest.raises(LagebildError) as info:
        Article.from_text(" \n\n \t")
    assert info.value.code == "E102"


def test_id_is_stable_and_whitespace_insensitive() -> None:
    assert article_id_for(TEXT) == article_id_for(TEXT.replace("\n\n", "\n \n"))
    assert article_id_for(TEXT) != article_id_for(TEXT.replace("Montag", "Dienstag"))
    assert len(article_id_for(TEXT)) == 16


def test_article_json_roundtrip() -> None:
    article = Article.from_text(TEXT, published="2024-05", title="Scholz in Paris", credit="dpa")
    article = article.with_changes(subheadings=(Span(0, 13, "Bundeskanzler"),))
    again = Article.from_json(article.to_json())
    assert again == article


def test_analysis_lists_absent_until_filled() -> None:
    article = Article.from_text(TEXT)
    empty = Analysis(article=article).to_json()
    assert "entities" not in empty and "quotes" not in empty
    mention = Mention(article.id, 14, 25, "Olaf Scholz", "PER", "test.ner@1")
    timex = Timex(article.id, 30, 36, "Montag", "DATE", "2024-05-13", "test.time@1")
    data = Analysis(article=article, entities=(mention,), timexes=(timex,), quotes=()).to_json()
    assert data["entities"][0]["text"] == "Olaf Scholz"
    assert data["quotes"] == []
    assert data["timexes"][0]["candidates"] == []
    assert "events" not in data
