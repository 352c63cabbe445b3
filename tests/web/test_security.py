"""Hostile text (issue #9): HTML and script in article text, titles, quotes, speakers, actor names
and URLs are shown as text on every page — checked in the served HTML and in headless Chromium
(no dialog, no console error, no injected element)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from api.fixtures import Server, run_server
from api.seed_kb import time_nlp
from markupsafe import escape

from lagebild.settings import Settings

from .hostile_kb import ENTITY, RAW, SPEAKER, build_hostile_kb
from .test_browser import SCREENSHOTS, browser

__all__ = ["browser"]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, dict[str, str]]]:
    db = tmp_path_factory.mktemp("hostile") / "hostile.db"
    ids = build_hostile_kb(db)
    from api.fixtures import KB

    with run_server(Settings(db=f"sqlite:///{db}"), nlp=time_nlp()) as url:
        yield Server(url, KB(db, ids)), ids


# Elements a page may hold, other than its own logo and chart/network canvases.
OWN_ELEMENTS = r'<img(?! src="/static/)|<svg(?! id="(timeline|network)")|<iframe'


def _pages(ids: dict[str, str]) -> list[str]:
    return [
        "/",
        "/?lang=en",
        "/search?q=Regierung",
        "/search?q=alert",
        f"/articles/{ids['article']}",
        f"/actors/{ids['actor']}",
        f"/actors/{quote(ids['entity'], safe='')}",
        "/quotes",
        f"/quotes?speaker={quote(ids['actor'])}",
        "/network",
        "/search?q=" + quote("<script>alert(9)</script>"),
        "/actors/" + quote("<script>alert(10)</script>", safe=""),  # the 404 page repeats the id
    ]


PAGE_NAMES = [
    "home",
    "home-en",
    "search",
    "search-alert",
    "article",
    "actor-linked",
    "actor-key",
    "quotes",
    "quotes-speaker",
    "network",
    "search-script",
    "actor-404",
]


def test_every_page_escapes_stored_html(hostile: tuple[Server, dict[str, str]]) -> None:
    server, ids = hostile
    with server.client() as client:
        for path in _pages(ids):
            response = client.get(path)
            assert response.status_code in (200, 404), (path, response.status_code)
            body = response.text
            for raw in RAW:
                assert raw not in body, (path, raw)
            # The page's own: the logo and the chart/network canvases.
            assert not re.search(OWN_ELEMENTS, body), path
            assert not re.search(r'href="\s*javascript:', body, flags=re.IGNORECASE), path
    with server.client() as client:
        article = client.get(f"/articles/{ids['article']}").text
        actor = client.get(f"/actors/{ids['actor']}").text
    # Shown as text, escaped once (not dropped, not double-escaped).
    assert str(escape(SPEAKER)) in article
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in article
    assert str(escape(ENTITY)) in actor
    # The stored javascript: URL is no link.
    assert "javascript:alert(7)" not in article


def test_json_api_returns_the_text_unchanged(hostile: tuple[Server, dict[str, str]]) -> None:
    """The API is JSON: the text comes back as it was stored (escaping is the page's job)."""
    server, ids = hostile
    with server.client() as client:
        data = client.get(f"/api/articles/{ids['article']}").json()
        response = client.get(f"/api/actors/{ids['actor']}")
    assert "<script>alert(1)</script>" in data["article"]["text"]
    assert response.headers["content-type"].startswith("application/json")


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_no_script_runs_in_the_browser(
    browser: Any, hostile: tuple[Server, dict[str, str]], name: str
) -> None:
    server, ids = hostile
    path = dict(zip(PAGE_NAMES, _pages(ids), strict=True))[name]
    context = browser.new_context(base_url=server.base_url, viewport={"width": 1280, "height": 900})
    outside: list[str] = []
    local: list[str] = []

    def only_local(route: Any) -> None:
        url = route.request.url
        if url.startswith(server.base_url):
            local.append(url)
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    context.route("**/*", only_local)
    page = context.new_page()
    dialogs: list[str] = []
    console_errors: list[str] = []
    page_errors: list[str] = []

    def on_dialog(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("console", lambda msg: console_errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: page_errors.append(str(exc)))
    try:
        response = page.goto(path)
        assert response is not None and response.status in (200, 404)
        if name == "network":
            page.wait_for_selector("#network[data-settled]", timeout=15_000)
        if name == "article":  # the quote click writes the speaker into the info box
            page.locator('[data-quote="q0"]').first.click()
            info = page.locator("#quote-info [data-field=speaker]").inner_text()
            assert info == SPEAKER
        page.wait_for_timeout(300)  # onerror/onload handlers would have fired by now
        injected = page.evaluate(
            """() => ({
                scripts: [...document.scripts].filter(s => !s.src && s.type !== 'application/json').length,
                img: document.querySelectorAll('img[onerror], img[src="x"]').length,
                svg: document.querySelectorAll('svg[onload]').length,
                iframe: document.querySelectorAll('iframe').length,
                bold: document.querySelectorAll('b.injected, #inj-entity').length,
                jsLinks: [...document.querySelectorAll('a[href]')]
                    .filter(a => a.href.trim().toLowerCase().startsWith('javascript:')).length,
            })"""
        )
        assert injected == {"scripts": 0, "img": 0, "svg": 0, "iframe": 0, "bold": 0, "jsLinks": 0}
        body = page.locator("body").inner_text()
        if name in ("article", "search", "quotes"):
            assert "<script>" in body or "<svg onload" in body or "<img" in body  # shown as text
        if name == "article":
            SCREENSHOTS.mkdir(exist_ok=True)
            page.screenshot(path=str(SCREENSHOTS / "security-article.png"), full_page=True)
    finally:
        context.close()
    assert dialogs == [], f"{path}: a script ran: {dialogs}"
    assert page_errors == [], f"{path}: JavaScript errors: {page_errors}"
    # The 404 page logs its own status as a console error in Chromium; nothing else may.
    assert [e for e in console_errors if "404" not in e] == [], f"{path}: console errors: {console_errors}"
    assert outside == [], f"{path}: requests outside the server: {outside}"
    assert not any("/x" in Path(u.split("?")[0]).as_posix()[-2:] for u in local), local
