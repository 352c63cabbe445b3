# ruff: noqa: E501  (article texts and CSV rows on one line)
"""JSONL (plain and gzip) and CSV: field names from settings, granularity, broken lines (E106)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from lagebild.errors import LagebildError
from lagebild.ingest import read, read_many
from lagebild.records import Article
from lagebild.settings import Settings

from .conftest import SHARED

GOOD = {
    "id": "a1",
    "title": "Baerbock reist nach Peking",
    "published": "2024-12-02",
    "url": "https://beispielzeitung.example/a1",
    "text": "Außenministerin Annalena Baerbock ist zu Gesprächen nach Peking gereist.\n\n"
    "Sie wolle mit Außenminister Wang Yi über den Krieg in der Ukraine sprechen, hieß es. (dpa)",
}
OTHER = {
    "id": "a2",
    "title": None,
    "published": "2015-06-01",
    "published_granularity": "month",
    "text": "Der Nationalrat in Wien hat am Mittwoch über das Budget beraten. Die Debatte dauerte bis in die Nacht.",
}


def write_jsonl(path: Path, lines: list[str]) -> Path:
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "wt", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    return path


def test_jsonl_fields_and_granularity(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "artikel.jsonl", [json.dumps(GOOD), json.dumps(OTHER)])
    first, second = list(read(path))
    assert first.title == "Baerbock reist nach Peking"
    assert first.published is not None and first.published.value == "2024-12-02"
    assert first.url == GOOD["url"]
    assert first.credit == "dpa"
    assert len(first.paragraphs) == 2
    assert first.source == f"{path}#a1"
    assert second.title is None
    assert second.published is not None
    assert (second.published.value, second.published.granularity) == ("2015-06", "month")


def test_broken_lines_yield_errors_and_batch_goes_on(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "gemischt.jsonl",
        [
            json.dumps(GOOD),
            '{"text": "abgebrochen',
            json.dumps(OTHER),
            "[1, 2, 3]",
            json.dumps({"title": "ohne Text"}),
            "",
            json.dumps({**GOOD, "id": "a3", "published": "2025-13"}),
            json.dumps({"text": "   "}),
        ],
    )
    items = list(read_many([path]))
    summary = [(i.code, i.source) if isinstance(i, LagebildError) else "article" for i in items]
    assert summary == [
        "article",
        ("E106", f"{path}:line 2"),
        "article",
        ("E106", f"{path}:line 4"),
        ("E106", f"{path}:line 5"),
        ("E101", f"{path}:line 7"),
        ("E102", f"{path}:line 8"),
    ]
    # read() keeps the good lines (the bad ones are logged).
    assert len(list(read(path))) == 2


def test_gzip_jsonl(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "artikel.jsonl.gz", [json.dumps(GOOD)])
    (article,) = list(read(path))
    assert article.title == GOOD["title"]


def test_custom_field_names(tmp_path: Path) -> None:
    record = {"body": GOOD["text"], "headline": "Titel", "date": "2024-12", "link": "https://x.example/1"}
    path = write_jsonl(tmp_path / "eigen.ndjson", [json.dumps(record)])
    settings = Settings().with_overrides(
        text_field="body", title_field="headline", date_field="date", url_field="link"
    )
    (article,) = list(read(path, settings=settings))
    assert article.title == "Titel"
    assert article.published is not None and article.published.granularity == "month"
    assert article.url == "https://x.example/1"


def test_over_long_line(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "lang.jsonl", [json.dumps({"text": "Wort " * 200}), json.dumps(OTHER)])
    items = list(read_many([path], settings=Settings().with_overrides(max_file_bytes=300)))
    assert isinstance(items[0], LagebildError) and items[0].code == "E104"
    assert items[0].source == f"{path}:line 1"
    assert isinstance(items[1], Article)


@pytest.mark.parametrize(
    ("delimiter", "encoding"), [(",", "utf-8"), (";", "utf-8"), (";", "cp1252"), ("\t", "utf-8-sig")]
)
def test_csv(tmp_path: Path, delimiter: str, encoding: str) -> None:
    d = delimiter
    text = (
        f"id{d}title{d}published{d}text\n"
        f'1{d}Klingbeil legt Haushalt vor{d}2025-06-24{d}"Finanzminister Lars Klingbeil sagte: „Wir investieren.“"\n'
        f'2{d}Merz in Washington{d}2025-06{d}"Kanzler Friedrich Merz traf Präsident Donald Trump.\n\nEs ging um Zölle."\n'
    )
    path = tmp_path / "artikel.csv"
    path.write_bytes(text.encode(encoding))
    first, second = list(read(path))
    assert first.text == "Finanzminister Lars Klingbeil sagte: „Wir investieren.“"
    assert first.title == "Klingbeil legt Haushalt vor"
    assert second.published is not None and second.published.granularity == "month"
    assert len(second.paragraphs) == 2


def test_csv_bad_row_and_missing_column(tmp_path: Path) -> None:
    path = tmp_path / "zeilen.csv"
    path.write_text(
        "id,text\n1,Der Bundestag tagt.\n2,Zu viele,Zellen,hier\n3,Der Bundesrat tagt.\n", encoding="utf-8"
    )
    items = list(read_many([path]))
    assert [i.code if isinstance(i, LagebildError) else "article" for i in items] == [
        "article",
        "E106",
        "article",
    ]
    assert isinstance(items[1], LagebildError) and items[1].source == f"{path}:line 3"

    no_text = tmp_path / "ohne_text.csv"
    no_text.write_text("id,inhalt\n1,Etwas\n", encoding="utf-8")
    with pytest.raises(LagebildError) as info:
        list(read(no_text))
    assert info.value.code == "E106" and "ohne_text.csv" in str(info.value)


@pytest.mark.eval
def test_shared_corpus_reads_with_granularity() -> None:
    path = SHARED / "data" / "german-news-corpus" / "wikinews_de.jsonl.gz"
    if not path.is_file():
        pytest.skip(f"../shared is absent ({path})")
    items = list(read_many([path]))
    articles = [i for i in items if isinstance(i, Article)]
    assert len(articles) == 850
    assert sum(1 for a in articles if a.published is None) == 1
    assert all(a.published.granularity == "day" for a in articles if a.published)
