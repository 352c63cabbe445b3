"""Ingest: files, folders, URLs and feeds in; :class:`~lagebild.records.Article` records out.

Two public functions::

    read(source)        # one file, URL or folder; raises LagebildError for a bad single article
    read_many(sources)  # a batch; yields LagebildError objects for bad files/lines and goes on

Formats (``fmt`` overrides detection): ``seed`` (the seed corpus .txt), ``txt``, ``html``, ``feed``
(RSS/Atom), ``jsonl`` (also .ndjson and .gz), ``csv``. Detection uses the extension, then the content.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterable, Iterator
from pathlib import Path

import httpx

from lagebild.errors import LagebildError
from lagebild.ingest.decode import decode, read_bytes
from lagebild.ingest.feeds import is_feed, parse_feed
from lagebild.ingest.fetch import Fetched, fetch, is_url, make_client
from lagebild.ingest.html import parse_html
from lagebild.ingest.seed import parse_seed, parse_txt
from lagebild.ingest.tabular import parse_csv, parse_csv_text, parse_jsonl, parse_jsonl_stream
from lagebild.records import Article
from lagebild.settings import Settings

__all__ = ["EXTENSIONS", "FORMATS", "detect_format", "iter_files", "read", "read_many"]

logger = logging.getLogger(__name__)

FORMATS: tuple[str, ...] = ("seed", "txt", "html", "feed", "jsonl", "csv")
# Longest suffix first, so ".jsonl.gz" wins over ".gz".
EXTENSIONS: dict[str, str] = {
    ".jsonl.gz": "jsonl",
    ".ndjson.gz": "jsonl",
    ".csv.gz": "csv",
    ".txt": "txt",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "csv",
}
_HTML_MARKERS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<article", b"<meta ", b"<p>", b"<div")
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_FEED_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml"}
)
_JSONL_TYPES = frozenset(
    {"application/x-ndjson", "application/jsonl", "application/json", "application/jsonlines"}
)
_CSV_TYPES = frozenset({"text/csv", "text/tab-separated-values"})


def read(
    source: str | Path, *, settings: Settings | None = None, fmt: str | None = None
) -> Iterator[Article]:
    """Articles of one file, URL or folder.

    A problem with a single-article input (or with the whole file) raises ``LagebildError`` with
    ``source`` set. In multi-article inputs (feeds, JSONL, CSV, folders) a bad item is logged and
    skipped, so the good ones still come through; if nothing at all could be read, the first item
    error is raised. Use :func:`read_many` to receive every error.
    """
    settings = settings or Settings()
    _check_fmt(fmt)
    errors: list[LagebildError] = []
    count = 0
    with _Session(settings) as session:
        for item in session.read_source(source, fmt, top_level=True):
            if isinstance(item, LagebildError):
                logger.warning("%s", item.line())
                errors.append(item)
                continue
            count += 1
            yield item
    if errors and count == 0:
        raise errors[0]


def read_many(
    sources: Iterable[str | Path], *, settings: Settings | None = None, fmt: str | None = None
) -> Iterator[Article | LagebildError]:
    """Articles of many files, folders (recursively, sorted) and URLs; errors are yielded, not raised."""
    settings = settings or Settings()
    _check_fmt(fmt)
    with _Session(settings) as session:
        for source in sources:
            yield from session.read_source(source, fmt, top_level=False)


def detect_format(path: Path, head: bytes = b"") -> str:
    """The format of ``path`` by extension, else by sniffing ``head`` (the first bytes)."""
    by_ext = _format_by_extension(path)
    if by_ext is not None:
        return by_ext
    return _sniff(head)


def iter_files(folder: Path) -> Iterator[Path]:
    """Readable files under ``folder`` (recursive, known extensions, sorted, hidden files skipped)."""
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.is_file() and _format_by_extension(path) is not None:
            yield path


def _check_fmt(fmt: str | None) -> None:
    if fmt is not None and fmt not in FORMATS:
        raise LagebildError("E108", f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")


def _format_by_extension(path: Path) -> str | None:
    name = path.name.lower()
    for suffix, fmt in EXTENSIONS.items():
        if name.endswith(suffix):
            return fmt
    return None


def _sniff(head: bytes) -> str:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    lowered = start[:2048].lower()
    if is_feed(start):
        return "feed"
    if any(marker in lowered for marker in _HTML_MARKERS):
        return "html"
    if start.startswith(b"{"):
        return "jsonl"
    return "txt"


class _Session:
    """One read: settings plus an HTTP client created on first use and closed at the end."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._client: httpx.Client | None = None

    def __enter__(self) -> _Session:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._client is not None:
            self._client.close()

    @property
    def client(self) -> httpx.Client:
        if self._client is None:
            self._client = make_client(self.settings)
        return self._client

    def read_source(
        self, source: str | Path, fmt: str | None, *, top_level: bool
    ) -> Iterator[Article | LagebildError]:
        """Items of one source; errors are raised when ``top_level`` (single input), yielded otherwise."""
        name = str(source)
        try:
            if isinstance(source, str) and is_url(source):
                yield from self._read_url(source, fmt)
                return
            path = Path(source)
            if path.is_dir():
                for file in iter_files(path):
                    yield from self.read_source(file, fmt, top_level=False)
                return
            if not path.exists():
                raise LagebildError("E109", "file or folder not found", source=name)
            yield from self._read_file(path, fmt)
        except LagebildError as exc:
            if top_level:
                raise exc.for_source(name) from None
            yield exc.for_source(name)

    def _read_file(self, path: Path, fmt: str | None) -> Iterator[Article | LagebildError]:
        source = str(path)
        kind = fmt or _format_by_extension(path)
        if kind == "jsonl":
            yield from parse_jsonl(path, self.settings)
            return
        if kind == "csv":
            yield from parse_csv(path, self.settings)
            return
        data = read_bytes(path, self.settings)
        kind = kind or _sniff(data[:4096])
        yield from self._read_bytes(data, kind, source=source)

    def _read_url(self, url: str, fmt: str | None) -> Iterator[Article | LagebildError]:
        page = fetch(url, self.settings, self.client)
        kind = fmt or _format_by_content_type(page) or _sniff(page.content[:4096])
        yield from self._read_bytes(page.content, kind, source=url, charset=page.charset, url=page.url)

    def _read_bytes(
        self, data: bytes, kind: str, *, source: str, charset: str | None = None, url: str | None = None
    ) -> Iterator[Article | LagebildError]:
        if kind == "feed":
            if not data.strip():
                raise LagebildError("E102", "empty input: the file has no text", source=source)
            yield from parse_feed(data, source=source, settings=self.settings, client=self.client)
            return
        if kind == "jsonl":
            yield from parse_jsonl_stream(io.BytesIO(data), self.settings, source=source)
            return
        text = decode(data, source=source, charset=charset)
        if kind == "csv":
            yield from parse_csv_text(text, self.settings, source=source)
        elif kind == "html":
            yield parse_html(text, source=source, url=url)
        elif kind == "seed":
            yield parse_seed(text, source=source)
        else:
            yield parse_txt(text, source=source)


def _format_by_content_type(page: Fetched) -> str | None:
    if page.content_type in _HTML_TYPES:
        return "feed" if is_feed(page.content) else "html"
    if page.content_type in _FEED_TYPES:
        return "feed" if is_feed(page.content) else "html"
    if page.content_type in _JSONL_TYPES:
        return "jsonl"
    if page.content_type in _CSV_TYPES:
        return "csv"
    if page.content_type == "text/plain":
        return "txt"
    return None
