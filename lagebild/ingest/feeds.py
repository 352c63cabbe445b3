"""RSS and Atom feeds: one article per item, from the linked page or from the item's own content.

Rule for each item (tested in ``tests/ingest/test_feeds.py``):

1. The item carries the full article (``content:encoded`` / Atom ``content`` with at least
   :data:`FULL_CONTENT_MIN_CHARS` characters of text): use it, fetch nothing. Many German outlets'
   feeds do this, and it lets bundled sample feeds work offline.
2. Otherwise fetch the item's link (``settings.http_timeout``) and extract the page with trafilatura.
3. If the page cannot be fetched or has no article, fall back to the item's content or summary when
   it has at least :data:`FALLBACK_MIN_CHARS` characters; else yield ``E107`` naming the item URL.
"""

from __future__ import annotations

import html as html_lib
import re
import time
from collections.abc import Iterator
from typing import Any

import feedparser
import httpx

from lagebild.errors import LagebildError
from lagebild.ingest.decode import decode
from lagebild.ingest.fetch import fetch, is_url
from lagebild.ingest.html import parse_html
from lagebild.ingest.layout import assemble, classify, split_blocks, split_credit
from lagebild.records import Article, Published
from lagebild.settings import Settings

__all__ = ["FALLBACK_MIN_CHARS", "FULL_CONTENT_MIN_CHARS", "is_feed", "parse_feed"]

# An item's own content counts as the full article from this length on (a 200-word German news text
# has ~1,400 characters; teaser summaries are 150-400).
FULL_CONTENT_MIN_CHARS = 1000
# Below this, an item's content is a teaser too thin to stand in for an unreachable page.
FALLBACK_MIN_CHARS = 300

_FEED_ROOT = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!DOCTYPE[^>]*>\s*)?<(rss|feed|rdf:RDF)\b",
    re.S,
)
_BLOCK_TAGS = re.compile(r"</?(?:p|div|h[1-6]|li|ul|ol|blockquote|section|article|br)\b[^>]*>", re.I)
_TAGS = re.compile(r"<[^>]+>")


def is_feed(data: bytes) -> bool:
    """Whether ``data`` starts like an RSS, RDF or Atom document."""
    return _FEED_ROOT.match(data[:4096]) is not None


def parse_feed(
    data: bytes, *, source: str, settings: Settings, client: httpx.Client | None = None
) -> Iterator[Article | LagebildError]:
    """Articles (or per-item errors) of the feed in ``data``; ``E105`` when it is not a feed."""
    # Always bytes: given a str that looks like a URL, feedparser would fetch it itself.
    parsed = feedparser.parse(data)
    if not parsed.entries and (parsed.bozo or not parsed.feed):
        reason = getattr(parsed, "bozo_exception", None) or "no items"
        raise LagebildError("E105", f"not a readable RSS/Atom feed ({reason})", source=source)
    for number, entry in enumerate(parsed.entries, start=1):
        item_source = entry.get("link") or f"{source}#item {number}"
        try:
            yield _item_article(entry, item_source, settings, client)
        except LagebildError as exc:
            yield exc.for_source(item_source)


def _item_article(entry: Any, item_source: str, settings: Settings, client: httpx.Client | None) -> Article:
    link: str | None = entry.get("link")
    title = _plain(entry.get("title") or "") or None
    published = _published(entry)
    author = entry.get("author") or None
    content_html = _content(entry)
    content_text = _html_to_text(content_html)

    if len(content_text) >= FULL_CONTENT_MIN_CHARS:
        return _from_content(content_text, item_source, title, published, link, author)
    problem: LagebildError
    if link and is_url(link):
        try:
            page = fetch(link, settings, client)
            page_text = decode(page.content, source=link, charset=page.charset)
            article = parse_html(page_text, source=link, url=link)
            return article.with_changes(
                title=article.title or title,
                published=published or article.published,
                author=article.author or author,
            )
        except LagebildError as exc:
            problem = exc.for_source(link)
    else:
        problem = LagebildError("E107", "item has no http(s) link and too little content", source=item_source)
    if len(content_text) >= FALLBACK_MIN_CHARS:
        return _from_content(content_text, item_source, title, published, link, author)
    raise problem


def _from_content(
    text: str,
    source: str,
    title: str | None,
    published: Published | None,
    url: str | None,
    author: str | None,
) -> Article:
    blocks, credit = split_credit(split_blocks(text))
    return assemble(
        classify(blocks),
        source=source,
        published=published,
        title=title,
        credit=credit,
        url=url,
        author=author,
    )


def _content(entry: Any) -> str:
    contents = entry.get("content") or []
    best = max((c.get("value") or "" for c in contents), key=len, default="")
    summary = entry.get("summary") or ""
    return best if len(best) >= len(summary) else summary


def _html_to_text(fragment: str) -> str:
    """Feed HTML to blank-line separated paragraphs (block tags become paragraph breaks)."""
    if "<" not in fragment:
        return fragment.strip()
    text = _BLOCK_TAGS.sub("\n\n", fragment)
    text = html_lib.unescape(_TAGS.sub("", text))
    paragraphs = [" ".join(p.split()) for p in split_blocks(text)]
    return "\n\n".join(p for p in paragraphs if p)


def _plain(text: str) -> str:
    return " ".join(html_lib.unescape(_TAGS.sub("", text)).split())


def _published(entry: Any) -> Published | None:
    parsed: time.struct_time | None = entry.get("published_parsed") or entry.get("updated_parsed")
    if parsed is None:
        return None
    try:
        return Published.parse(f"{parsed.tm_year:04d}-{parsed.tm_mon:02d}-{parsed.tm_mday:02d}")
    except LagebildError:
        return None
