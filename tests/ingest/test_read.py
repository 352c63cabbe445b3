"""The public API: format detection, folders, fmt override, missing input, URLs, the samples."""

from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.errors import LagebildError
from lagebild.ingest import detect_format, iter_files, read, read_many
from lagebild.records import Article

from .conftest import LocalServer
from .texts import SEED_ARTICLE


@pytest.mark.parametrize(
    ("name", "head", "fmt"),
    [
        ("a.txt", b"", "txt"),
        ("a.HTML", b"", "html"),
        ("a.htm", b"", "html"),
        ("a.rss", b"", "feed"),
        ("a.atom", b"", "feed"),
        ("a.xml", b"", "feed"),
        ("a.jsonl", b"", "jsonl"),
        ("a.ndjson", b"", "jsonl"),
        ("a.jsonl.gz", b"", "jsonl"),
        ("a.csv", b"", "csv"),
        ("a", b"<!DOCTYPE html><html><body>", "html"),
        ("a.dat", b'<?xml version="1.0"?><rss version="2.0">', "feed"),
        ("a.dat", b'{"text": "x"}\n', "jsonl"),
        ("a.dat", b" date 2025-01 Text", "txt"),
        ("a", b"Einfach Text.", "txt"),
    ],
)
def test_detect_format(name: str, head: bytes, fmt: str) -> None:
    assert detect_format(Path(name), head) == fmt


def test_folder_recursive_sorted_known_extensions(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text(" date 2025-01 Zweiter Artikel.", encoding="utf-8")
    (tmp_path / "1.txt").write_text(" date 2025-01 Erster Artikel.", encoding="utf-8")
    (tmp_path / "README.md").write_text("# nicht lesen", encoding="utf-8")
    (tmp_path / ".versteckt.txt").write_text(" date 2025-01 Versteckt.", encoding="utf-8")
    (tmp_path / "bild.png").write_bytes(b"\x89PNG\x00")
    assert [p.relative_to(tmp_path).as_posix() for p in iter_files(tmp_path)] == ["1.txt", "b/2.txt"]
    assert [a.text for a in read(tmp_path)] == ["Erster Artikel.", "Zweiter Artikel."]


def test_fmt_overrides_detection(tmp_path: Path) -> None:
    path = tmp_path / "artikel.dat"
    path.write_text(SEED_ARTICLE, encoding="utf-8")
    (article,) = list(read(path, fmt="seed"))
    assert article.credit == "dpa/Red"
    html = tmp_path / "seite.txt"
    html.write_text(
        "<html><body><article><p>" + "Der Bundestag tagt am Freitag. " * 5 + "</p></article></body></html>"
    )
    (page,) = list(read(html, fmt="html"))
    assert "<p>" not in page.text


def test_seed_fmt_requires_header(tmp_path: Path) -> None:
    path = tmp_path / "ohne_kopf.txt"
    path.write_text("Nur Text ohne Kopfzeile.", encoding="utf-8")
    with pytest.raises(LagebildError) as info:
        list(read(path, fmt="seed"))
    assert info.value.code == "E101" and "ohne_kopf.txt" in str(info.value)


def test_unknown_format_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(LagebildError) as info:
        list(read(tmp_path, fmt="pdf"))
    assert info.value.code == "E108"
    missing = tmp_path / "gibt_es_nicht.txt"
    with pytest.raises(LagebildError) as info:
        list(read(missing))
    assert info.value.code == "E109" and "gibt_es_nicht.txt" in str(info.value)
    (error,) = list(read_many([missing]))
    assert isinstance(error, LagebildError) and error.code == "E109"


def test_read_many_mixes_sources(tmp_path: Path, samples: Path, server: LocalServer) -> None:
    url = server.add("/artikel.txt", SEED_ARTICLE, "text/plain; charset=utf-8")
    bad = tmp_path / "leer.txt"
    bad.write_bytes(b"")
    items = list(read_many([url, bad, samples / "003_sanktionen_russland.txt"]))
    assert [type(i).__name__ for i in items] == ["Article", "LagebildError", "Article"]
    first = items[0]
    assert isinstance(first, Article) and first.source == url and first.credit == "dpa/Red"


def test_jsonl_from_url(server: LocalServer) -> None:
    url = server.add("/daten.jsonl", '{"text": "Der Bundestag tagt."}\n{kaputt\n', "application/x-ndjson")
    items = list(read_many([url]))
    assert isinstance(items[0], Article)
    assert isinstance(items[1], LagebildError) and items[1].source == f"{url}:line 2"


def test_samples_read_cleanly(samples: Path) -> None:
    items = list(read_many([samples]))
    errors = [i for i in items if isinstance(i, LagebildError)]
    assert not errors, [e.line() for e in errors]
    articles = [i for i in items if isinstance(i, Article)]
    assert len(articles) >= 13
    assert len({a.id for a in articles}) == len(articles)
    for article in articles:
        assert article.published is not None, article.source
        assert 180 <= len(article.text.split()) <= 700, article.source
        assert "„" in article.text, article.source
        for span in (*article.paragraphs, *article.subheadings):
            assert article.text[span.start : span.end] == span.text
    # Reading twice gives the same ids (deterministic order and ids).
    assert [a.id for a in read_many([samples]) if isinstance(a, Article)] == [a.id for a in articles]


def test_read_of_folder_skips_bad_files_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "a.txt").write_text(" date 2025-13 Falsches Datum.", encoding="utf-8")
    (tmp_path / "b.txt").write_text(" date 2025-01 Der Bundestag tagt.", encoding="utf-8")
    with caplog.at_level("WARNING", logger="lagebild.ingest"):
        articles = list(read(tmp_path))
    assert [a.text for a in articles] == ["Der Bundestag tagt."]
    assert "E101" in caplog.text and "a.txt" in caplog.text
