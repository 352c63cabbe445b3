"""Fixtures shared by the API, web and export tests: a hand-built knowledge base and a real
uvicorn server on a free loopback port (imported by each folder's ``conftest.py``)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import uvicorn

from lagebild.api import create_app
from lagebild.settings import Settings

from .seed_kb import build_kb, time_nlp

API_TOKEN = "test-token-123"


@dataclass(frozen=True)
class KB:
    db: Path
    ids: dict[str, str]

    @property
    def url(self) -> str:
        return f"sqlite:///{self.db}"


@dataclass(frozen=True)
class Server:
    base_url: str
    kb: KB

    def client(self, **kwargs: object) -> httpx.Client:
        return httpx.Client(base_url=self.base_url, timeout=30, trust_env=False, **kwargs)  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def kb(tmp_path_factory: pytest.TempPathFactory) -> KB:
    db = tmp_path_factory.mktemp("kb") / "kb.db"
    return KB(db, build_kb(db))


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def run_server(settings: Settings, **app_options: object) -> Iterator[str]:
    """Start the app under uvicorn in a thread on 127.0.0.1; yields the base URL."""
    app = create_app(settings, **app_options)  # type: ignore[arg-type]
    port = _free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name=f"uvicorn-{port}", daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def server(kb: KB) -> Iterator[Server]:
    """The app over the knowledge base, with a write token and the time-only pipeline."""
    settings = Settings(db=kb.url)
    with run_server(settings, nlp=time_nlp(), api_token=API_TOKEN) as url:
        yield Server(url, kb)


@pytest.fixture(scope="session")
def readonly_server(kb: KB) -> Iterator[Server]:
    """The same app without a write token."""
    with run_server(Settings(db=kb.url), nlp=time_nlp()) as url:
        yield Server(url, kb)


@pytest.fixture
def fresh_server(tmp_path: Path) -> Iterator[Server]:
    """A server with the write token over its own copy of the knowledge base (for tests that write)."""
    fresh = KB(tmp_path / "fresh.db", build_kb(tmp_path / "fresh.db"))
    with run_server(Settings(db=fresh.url), nlp=time_nlp(), api_token=API_TOKEN) as url:
        yield Server(url, fresh)
