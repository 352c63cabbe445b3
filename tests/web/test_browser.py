"""The web pages in a real browser (Playwright driving Debian's chromium, never a downloaded one).

Skipped with a message when ``/usr/bin/chromium`` (``apt-get install chromium``) or the
``playwright`` package is missing — except with ``CI=true``, where that is a failure. Screenshots
go to ``test-output/`` (gitignored) for a human to look at.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from api.fixtures import Server
from api.seed_kb import TRUMP

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-output"


def _missing(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason} (CI=true: browser tests must run)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("the playwright package is not installed (pip install playwright; no browser download)")
    if not CHROMIUM.exists():
        _missing(f"{CHROMIUM} is missing: apt-get install -y chromium (never `playwright install`)")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield instance
        instance.close()


@pytest.fixture
def page(browser: Any, server: Server) -> Iterator[Any]:
    context = browser.new_context(base_url=server.base_url, viewport={"width": 1280, "height": 900})
    # Nothing may come from the internet: every request must go to the test server.
    outside: list[str] = []

    def only_local(route: Any) -> None:
        if route.request.url.startswith(server.base_url):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", only_local)
    errors: list[str] = []
    tab = context.new_page()
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    yield tab
    context.close()
    assert outside == [], f"requests outside the server: {outside}"
    assert errors == [], f"JavaScript errors: {errors}"


def _shot(page: Any, name: str) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def test_home_and_search_waffenruhe(page: Any, server: Server) -> None:
    page.goto("/")
    assert page.locator("h1").first.inner_text() == "Lagebild"
    _shot(page, "home")
    page.fill("#q", "Waffenruhe")
    page.press("#q", "Enter")
    page.wait_for_url("**/search?q=Waffenruhe*")
    hits = page.locator("li.hit")
    assert hits.count() == 1
    assert page.locator("li.hit mark").first.inner_text() == "Waffenruhe"
    _shot(page, "search-waffenruhe")
    hits.first.locator("a.hit-title").click()
    page.wait_for_url(f"**/articles/{server.kb.ids['seed']}")


def test_article_quote_click_highlights_speaker_and_cue(page: Any, server: Server) -> None:
    page.goto(f"/articles/{server.kb.ids['seed']}")
    text = page.locator("#article-text")
    assert text.locator(".ent-PER").count() > 10
    assert text.locator(".timex").count() > 3
    assert text.locator(".speaker.active").count() == 0  # nothing highlighted before a click
    quote = text.locator('[data-quote="q3"]').first  # Hegseth: „Die Vereinigten Staaten glauben nicht …“
    quote.click()
    speaker = text.locator(".speaker.active")
    cue = text.locator(".cue.active")
    assert speaker.count() == 1 and speaker.inner_text() == "Hegseth"
    assert cue.count() == 1 and cue.inner_text() == "sagte"
    assert quote.get_attribute("aria-pressed") == "true"
    assert page.locator("#quote-info [data-field=speaker]").inner_text() == "Hegseth"
    color = speaker.evaluate("el => getComputedStyle(el).outlineStyle")
    assert color == "solid"
    _shot(page, "article-quote-clicked")
    quote.scroll_into_view_if_needed()
    page.screenshot(path=str(SCREENSHOTS / "article-quote-detail.png"))
    # A second quote moves the highlight.
    text.locator('[data-quote="q0"]').first.click()
    assert text.locator(".speaker.active").inner_text() == "Trump"
    assert text.locator(".cue.active").inner_text() == "schrieb"


def test_article_reads_without_javascript(browser: Any, server: Server) -> None:
    context = browser.new_context(base_url=server.base_url, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"/articles/{server.kb.ids['seed']}?lang=en")
    assert page.locator("#article-text .quote").count() >= 6
    assert "Speaker" in page.locator("#quotes table thead").inner_text()
    assert page.locator("#quotes tbody tr").count() == 6
    context.close()


def test_actor_page_timeline_renders(page: Any) -> None:
    page.goto(f"/actors/{TRUMP}")
    assert "Donald Trump" in page.locator("h1").inner_text()
    page.wait_for_selector("#timeline[data-rendered]")
    # 2025-02 to 2025-06 with the empty months in between: five months, three series each.
    assert page.locator("#timeline").get_attribute("data-rendered") == "5"
    assert page.locator("#timeline rect.bar-mentions").count() == 5
    assert page.locator('#timeline rect.bar-events[data-month="2025-02"]').get_attribute("data-value") == "2"
    assert "Präsident der Vereinigten Staaten" in page.locator("table").first.inner_text()
    _shot(page, "actor-trump")


def test_network_page_lays_out_the_graph(page: Any) -> None:
    page.goto("/network?lang=en")
    page.wait_for_selector("#network[data-settled]", timeout=15_000)
    assert int(page.locator("#network").get_attribute("data-nodes")) > 10
    assert page.locator("#network line.edge-event").count() == 2
    assert page.locator("#network line.edge-quote").count() >= 1
    _shot(page, "network")
    page.uncheck('[data-edge-type="co-mention"]')
    assert page.locator("#network line.edge-co-mention").first.is_hidden()
    page.wait_for_selector("#network[data-settled]", timeout=15_000)
    _shot(page, "network-without-co-mentions")
    page.goto("/network?since=2025-06&lang=en")
    page.wait_for_selector("#network[data-settled]", timeout=15_000)
    assert page.locator("#network line.edge-event").count() == 0


def test_quotes_browser_filters(page: Any) -> None:
    page.goto("/quotes?lang=en")
    assert page.locator(".quote-list li").count() == 6
    page.fill('input[name="speaker"]', "Hegseth")
    page.click("form.filters button")
    page.wait_for_url("**speaker=Hegseth*")
    assert page.locator(".quote-list li").count() == 3
    _shot(page, "quotes-hegseth")


def test_unknown_page_is_a_friendly_404(page: Any) -> None:
    response = page.goto("/actors/niemand")
    assert response is not None and response.status == 404
    assert "E606" in page.locator("h1").inner_text()


def test_search_to_article_to_actor_timeline_in_three_clicks(page: Any, server: Server) -> None:
    """A new user's path (issue #9): search → article with its quotes marked → the speaker's timeline."""
    page.goto("/")
    page.fill("#q", "Waffenruhe")
    page.click("form.search-big button[type=submit]")  # click 1: search
    page.wait_for_url("**/search?q=Waffenruhe*")
    _shot(page, "three-clicks-1-search")
    page.locator("li.hit a.hit-title").first.click()  # click 2: the hit
    page.wait_for_url(f"**/articles/{server.kb.ids['seed']}")
    assert page.locator("#article-text .quote").count() >= 6  # the quotes are marked in the text
    assert page.locator("#article-text .speaker").count() >= 3
    _shot(page, "three-clicks-2-article")
    speaker = page.locator("#quotes a.speaker-link", has_text="Trump").first
    assert speaker.get_attribute("href") == f"/actors/{TRUMP}"
    speaker.click()  # click 3: the speaker
    page.wait_for_url(f"**/actors/{TRUMP}")
    page.wait_for_selector("#timeline[data-rendered]")
    assert "Donald Trump" in page.locator("h1").inner_text()
    assert page.locator("#timeline rect.bar-quotes").count() >= 1
    _shot(page, "three-clicks-3-actor")
