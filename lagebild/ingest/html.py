"""HTML pages: main text, title, date, author and URL with trafilatura (never fetches anything)."""

from __future__ import annotations

import logging
import warnings
from typing import Any

import trafilatura

from lagebild.errors import LagebildError
from lagebild.ingest.layout import assemble, classify, split_credit
from lagebild.records import Article, Published

__all__ = ["MIN_ARTICLE_CHARS", "parse_html"]

logger = logging.getLogger(__name__)

# Only dates from the page's markup (meta tags, JSON-LD, <time>, URL); trafilatura's extensive search
# guesses from any date in the text, which for news is often the date of the event, not of the article.
_DATE_PARAMS: dict[str, Any] = {"extensive_search": False, "original_date": True}
# trafilatura falls back to whatever text a page has (a menu: "Start Politik"). An article needs
# at least this much text and one sentence; the shortest news briefs (dpa "Eilmeldung") have ~100 chars.
MIN_ARTICLE_CHARS = 80
_SENTENCE_END = (".", "!", "?", "…", "“", '"', "»", "«", ")")


def parse_html(html: str, *, source: str | None = None, url: str | None = None) -> Article:
    """The article in ``html``; ``E105`` when the page has no main text."""
    with warnings.catch_warnings():
        # lxml's FutureWarning about element truth-testing inside trafilatura is not ours to fix.
        warnings.simplefilter("ignore", FutureWarning)
        try:
            doc = trafilatura.bare_extraction(
                html,
                url=url,
                with_metadata=True,
                include_comments=False,
                include_tables=False,
                date_extraction_params=_DATE_PARAMS,
            )
        except Exception as exc:  # trafilatura/lxml raise many types for broken markup
            raise LagebildError("E105", f"no article found in HTML ({exc})", source=source) from None
    if doc is None:
        raise LagebildError("E105", "no article found in HTML (no main text)", source=source)
    meta: dict[str, Any] = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text: str = meta.get("text") or ""
    title: str | None = meta.get("title") or None
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if title and lines and lines[0] == title.strip():
        lines = lines[1:]  # the <h1> repeats the title; the title is metadata, not reading text
    if sum(len(line) for line in lines) < MIN_ARTICLE_CHARS or not any(
        line.endswith(_SENTENCE_END) for line in lines
    ):
        raise LagebildError("E105", "no article found in HTML (only menus or boilerplate)", source=source)
    lines, credit = split_credit(lines)
    published: Published | None = None
    if meta.get("date"):
        try:
            published = Published.parse(str(meta["date"]))
        except LagebildError:
            logger.debug("ignoring unparsable page date %r in %s", meta["date"], source)
    return assemble(
        classify(lines),
        source=source,
        published=published,
        title=title,
        credit=credit,
        url=meta.get("url") or url,
        author=meta.get("author"),
    )
