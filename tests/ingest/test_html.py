# ruff: noqa: E501  (article texts: one paragraph per line, as in the seed corpus)
"""HTML pages with trafilatura: main text without boilerplate, metadata, offsets, errors, local URLs."""

from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.errors import LagebildError
from lagebild.ingest import read
from lagebild.ingest.html import parse_html

from .conftest import LocalServer

PAGE = """<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8">
<title>Rutte fordert mehr Tempo bei der Aufrüstung | Beispielzeitung</title>
<meta name="author" content="Lena Vogel">
<meta property="article:published_time" content="2025-06-04T09:15:00+02:00">
<link rel="canonical" href="https://beispielzeitung.example/politik/rutte-aufruestung">
</head><body>
<nav><a href="/">Start</a> <a href="/politik">Politik</a> <a href="/abo">Abo abschließen</a></nav>
<article>
<h1>Rutte fordert mehr Tempo bei der Aufrüstung</h1>
<p>NATO-Generalsekretär Mark Rutte hat die Mitgliedstaaten zu deutlich höheren Rüstungsausgaben aufgefordert. Bei einer Rede in Brüssel sagte der Niederländer am Mittwoch, das Bündnis brauche eine Steigerung der Luftverteidigung um 400 Prozent.</p>
<p>„Wir müssen jetzt handeln, nicht erst in zehn Jahren“, sagte Rutte. Russland produziere in drei Monaten so viel Munition wie die gesamte NATO in einem Jahr. Die Verbündeten müssten ihre Industrie schneller hochfahren.</p>
<h2>Berlin unterstützt das Ziel</h2>
<p>Verteidigungsminister Boris Pistorius sagte, Deutschland werde seinen Beitrag leisten. Die Bundesregierung habe die Finanzierung durch die Reform der Schuldenbremse gesichert. Kritik kam aus Spanien, das die neuen Ziele für unrealistisch hält.</p>
</article>
<footer>Impressum · Datenschutz · Cookie-Einstellungen · © 2025 Beispielzeitung</footer>
</body></html>
"""


def test_page_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "rutte.html"
    path.write_text(PAGE, encoding="utf-8")
    article = next(read(path))
    assert article.title == "Rutte fordert mehr Tempo bei der Aufrüstung"
    assert article.published is not None
    assert (article.published.value, article.published.granularity) == ("2025-06-04", "day")
    assert article.author == "Lena Vogel"
    assert article.url == "https://beispielzeitung.example/politik/rutte-aufruestung"
    assert article.source == str(path)
    assert [s.text for s in article.subheadings] == ["Berlin unterstützt das Ziel"]
    assert len(article.paragraphs) == 3
    assert article.lead is not None and article.lead.text.startswith("NATO-Generalsekretär Mark Rutte")
    for boilerplate in ("Impressum", "Abo abschließen", "Cookie", "Rutte fordert mehr Tempo"):
        assert boilerplate not in article.text
    assert "„Wir müssen jetzt handeln, nicht erst in zehn Jahren“" in article.text
    for span in (*article.paragraphs, *article.subheadings):
        assert article.text[span.start : span.end] == span.text


def test_same_story_from_txt_and_html_has_same_id(tmp_path: Path) -> None:
    html_article = parse_html(PAGE)
    txt = tmp_path / "rutte.txt"
    txt.write_text(html_article.text.replace("\n\n", "\n\n\n"), encoding="utf-8")
    assert next(read(txt)).id == html_article.id


@pytest.mark.parametrize(
    "html",
    [
        "<html><body><nav><a href='/'>Start</a> <a href='/politik'>Politik</a></nav></body></html>",
        "<html><head><title>Leer</title></head><body></body></html>",
        "<html><body><footer>Impressum</footer></body></html>",
    ],
)
def test_html_without_article(tmp_path: Path, html: str) -> None:
    path = tmp_path / "kein_artikel.html"
    path.write_text(html, encoding="utf-8")
    with pytest.raises(LagebildError) as info:
        list(read(path))
    assert info.value.code == "E105"
    assert "kein_artikel.html" in str(info.value)


def test_bundled_html_samples(samples: Path) -> None:
    article = next(read(samples / "010_merz_antrittsbesuch_paris.html"))
    assert article.published is not None and article.published.value == "2025-05-07"
    assert article.author == "Katharina Brenner"
    assert "Cookies" not in article.text and "Alle Rechte vorbehalten" not in article.text
    assert "Von Katharina Brenner" not in article.text
    article = next(read(samples / "011_landtagswahl_brandenburg.html"))
    assert article.published is not None and article.published.value == "2024-09-23"
    assert "Newsletter" not in article.text


def test_html_from_local_server(server: LocalServer) -> None:
    url = server.add("/politik/rutte", PAGE)
    article = next(read(url))
    assert article.source == url
    assert article.title == "Rutte fordert mehr Tempo bei der Aufrüstung"
    assert article.id == parse_html(PAGE).id


def test_cp1252_page_with_header_charset(server: LocalServer) -> None:
    url = server.add(
        "/alt", PAGE.replace('<meta charset="utf-8">', "").encode("cp1252"), "text/html; charset=windows-1252"
    )
    article = next(read(url))
    assert "„Wir müssen jetzt handeln" in article.text


@pytest.mark.parametrize("path", ["/gibt-es-nicht", "/auch/nicht"])
def test_dead_url_is_e107(server: LocalServer, path: str) -> None:
    with pytest.raises(LagebildError) as info:
        list(read(server.url(path)))
    assert info.value.code == "E107"
    assert "404" in info.value.message
    assert info.value.source == server.url(path)


def test_closed_port_is_e107(closed_port_url: str) -> None:
    with pytest.raises(LagebildError) as info:
        list(read(closed_port_url))
    assert info.value.code == "E107"
    assert closed_port_url in str(info.value)
