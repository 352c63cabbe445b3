"""http(s) input: fetch a page or a feed with a timeout and a size limit."""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from lagebild.errors import LagebildError
from lagebild.settings import Settings

__all__ = ["Fetched", "fetch", "is_url", "make_client"]

_USER_AGENT = "lagebild/0.1 (+https://github.com/; news ingest)"


@dataclass(frozen=True)
class Fetched:
    """A fetched resource: final URL (after redirects), content type (lowercase, no params), bytes."""

    url: str
    content_type: str
    content: bytes
    charset: str | None = None


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def make_client(settings: Settings) -> httpx.Client:
    """One client per batch (connection reuse); the caller closes it."""
    return httpx.Client(
        timeout=settings.http_timeout,
        follow_redirects=True,
        headers={"User-Agent": _USER_AGENT, "Accept-Language": "de,en;q=0.5"},
    )


def fetch(url: str, settings: Settings, client: httpx.Client | None = None) -> Fetched:
    """GET ``url``; ``E107`` when it cannot be fetched, ``E104`` when it exceeds ``max_file_bytes``."""
    own = client is None
    http = client or make_client(settings)
    try:
        with http.stream("GET", url) as response:
            if response.status_code >= 400:
                raise LagebildError(
                    "E107",
                    f"unreachable URL: HTTP {response.status_code} {response.reason_phrase}",
                    source=url,
                )
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > settings.max_file_bytes:
                raise LagebildError("E104", f"response is {int(declared):,} bytes, too large", source=url)
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > settings.max_file_bytes:
                    raise LagebildError(
                        "E104", f"response exceeds max_file_bytes={settings.max_file_bytes:,}", source=url
                    )
                chunks.append(chunk)
            content_type = response.headers.get("content-type", "")
            return Fetched(
                url=str(response.url),
                content_type=content_type.split(";")[0].strip().lower(),
                content=b"".join(chunks),
                charset=response.charset_encoding,
            )
    except httpx.HTTPError as exc:
        reason = type(exc).__name__
        raise LagebildError("E107", f"unreachable URL ({reason}: {exc})", source=url) from None
    finally:
        if own:
            http.close()
