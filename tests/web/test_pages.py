"""The pages over HTTP without a browser: status, language, escaping, errors, no outside assets."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from api.fixtures import Server
from api.seed_kb import TRUMP

from lagebild.web import STATIC_DIR, TEMPLATES_DIR

PAGES = ["/", "/search?q=Waffenruhe", "/quotes", "/network", f"/actors/{TRUMP}", "/actors/hegseth"]


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("path", PAGES)
def test_pages_answer_in_both_languages(server: Server, path: str, lang: str) -> None:
    sep = "&" if "?" in path else "?"
    with server.client() as client:
        response = client.get(f"{path}{sep}lang={lang}" if lang == "en" else path)
    assert response.status_code == 200, response.text[:500]
    assert response.headers["content-type"].startswith("text/html")
    assert f'<html lang="{lang}">' in response.text
    assert ("Zitate" in response.text) == (lang == "de")
    if lang == "en":  # internal links keep the language
        anchors = [a for a in re.findall(r"<a [^>]*>", response.text) if "hreflang" not in a]  # not DE|EN
        links = [m for a in anchors for m in re.findall(r'href="(/(?:articles|actors|quotes)[^"]*)"', a)]
        assert links and all("lang=en" in link for link in links)


def test_article_page_marks_every_record_without_javascript(server: Server) -> None:
    with server.client() as client:
        html = client.get(f"/articles/{server.kb.ids['seed']}").text
    assert html.count('data-quote="q3"') >= 1
    assert re.search(r'<span class="speaker" data-of="q3">(<[^>]+>)*Hegseth<', html)
    assert re.search(r'<span class="cue" data-of="q3">sagte<', html)
    assert '<span class="timex" title="DATE 2014">' in html
    assert 'class="event" title="CONSULT (actual)"' in html
    assert "<noscript>" not in html  # the article page needs no script to read


def test_search_query_is_escaped(server: Server) -> None:
    with server.client() as client:
        html = client.get("/search", params={"q": '<script>alert("x")</script> Waffenruhe'}).text
    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html


def test_bad_filter_is_an_html_error_page(server: Server) -> None:
    with server.client() as client:
        response = client.get("/quotes", params={"since": "2025-13"})
        missing = client.get("/articles/ffffffffffffffff")
        year_zero = client.get("/network", params={"since": "0000"})
    assert response.status_code == 422 and "E101" in response.text
    assert response.headers["content-type"].startswith("text/html")
    assert missing.status_code == 404 and "E203" in missing.text
    assert year_zero.status_code == 422 and "E101" in year_zero.text


def test_static_assets_are_served(server: Server) -> None:
    with server.client() as client:
        for name in ("lagebild.css", "article.js", "timeline.js", "network.js", "favicon.svg"):
            assert client.get(f"/static/{name}").status_code == 200


def test_nothing_is_loaded_from_the_internet() -> None:
    allowed = {"http://www.w3.org/2000/svg"}
    files = [*STATIC_DIR.iterdir(), *TEMPLATES_DIR.iterdir()]
    for file in files:
        text = Path(file).read_text(encoding="utf-8")
        urls = set(re.findall(r"(?:https?:)?//[\w.-]+\.[a-z]{2,}[^\s\"')]*", text)) - allowed
        assert not urls, f"{file.name} refers to {urls}"
