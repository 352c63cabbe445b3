"""SQL-injection and wildcard attempts in every parameter (issue #9).

Walks the served OpenAPI schema (every GET operation, every query and path parameter) and the web
pages' parameters; each hostile value must give 4xx or an ordinary (usually empty) answer — never
5xx — and the database must be intact afterwards.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest

from lagebild.settings import Settings

from .fixtures import KB, Server, run_server
from .seed_kb import TRUMP, build_kb, time_nlp

PAYLOADS = [
    "' OR 1=1 --",
    '"; DROP TABLE articles; --',
    "1; DELETE FROM entities",
    "' UNION SELECT id, text FROM articles --",
    "%",
    "_",
    "\\",
    "%' OR '1'='1",
    "\x00",
    "a\x00' OR 1=1",
    'NEAR("a" "b") OR *',
    "x" * 5000,
]
#: Filters that compare for equality or containment: a wildcard must match nothing.
EXACT_FILTERS = {"source", "actor", "speaker", "type", "mode", "q"}
#: The pages (not in the OpenAPI schema) and their parameters; ``lang`` is on every page.
PAGES: dict[str, list[str]] = {
    "/": ["lang"],
    "/search": ["q", "offset", "lang"],
    "/quotes": ["speaker", "q", "since", "until", "kind", "offset", "lang"],
    "/network": ["since", "until", "max_nodes", "lang"],
    "/articles/{article_id}": ["article_id", "lang"],
    "/actors/{actor_id}": ["actor_id", "lang"],
}
TABLES = {"articles", "entities", "quotes", "reported", "events", "timexes", "analyses", "actors"}


@pytest.fixture(scope="module")
def target(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    db = tmp_path_factory.mktemp("inject") / "inject.db"
    kb = KB(db, build_kb(db))
    with run_server(Settings(db=kb.url), nlp=time_nlp()) as url:
        yield Server(url, kb)


def _snapshot(db: Path) -> dict[str, Any]:
    with sqlite3.connect(db) as conn:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        counts = {
            t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in sorted(TABLES & tables)
        }
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
    return {"tables": tables, "counts": counts, "integrity": integrity}


def _operations(server: Server) -> list[tuple[str, list[tuple[str, str]]]]:
    """(path template, [(parameter name, in)]) of every GET operation and page."""
    with server.client() as client:
        schema = client.get("/openapi.json").json()
    found = []
    for path, operations in schema["paths"].items():
        if "get" in operations:
            params = [(p["name"], p["in"]) for p in operations["get"].get("parameters", [])]
            found.append((path, params))
    for path, names in PAGES.items():
        found.append((path, [(n, "path" if "{" + n + "}" in path else "query") for n in names]))
    return found


def _fill(path: str, server: Server, override: dict[str, str]) -> str:
    defaults = {"article_id": server.kb.ids["seed"], "actor_id": TRUMP, "fmt": "plover"}
    for name, value in defaults.items():
        path = path.replace("{" + name + "}", quote(override.get(name, value), safe=""))
    return path


def test_openapi_lists_the_parameters_we_attack(target: Server) -> None:
    ops = dict(_operations(target))
    names = {name for params in ops.values() for name, _ in params}
    assert {"q", "since", "until", "source", "actor", "speaker", "type", "mode", "kind", "limit"} <= names
    assert "/api/articles/{article_id}" in ops and "/api/export/{fmt}" in ops


def test_hostile_values_in_every_parameter(target: Server) -> None:
    before = _snapshot(target.kb.db)
    failures: list[str] = []
    checked = 0
    with target.client() as client:
        baseline: dict[str, int] = {}
        for path, params in _operations(target):
            for name, where in params:
                for payload in PAYLOADS:
                    override = {name: payload} if where == "path" else {}
                    url = _fill(path, target, override)
                    query = {name: payload} if where == "query" else {}
                    try:
                        response = client.get(url, params=query)
                    except httpx.HTTPError as exc:  # the server must answer, not drop the connection
                        failures.append(f"{url} {name}={payload[:20]!r}: {exc!r}")
                        continue
                    checked += 1
                    status = response.status_code
                    if status >= 500:
                        failures.append(f"{url} {name}={payload[:20]!r}: {status} {response.text[:200]}")
                        continue
                    if not (path.startswith("/api/") and status == 200):
                        continue
                    if "json" not in response.headers.get("content-type", ""):
                        continue
                    body = response.json()
                    if not isinstance(body, dict) or "total" not in body:
                        continue
                    if path not in baseline:
                        baseline[path] = client.get(_fill(path, target, {})).json()["total"]
                    if body["total"] > baseline[path]:
                        failures.append(f"{url} {name}={payload[:20]!r}: more results than unfiltered")
                    wildcard = payload in ("%", "_", "%' OR '1'='1", "' OR 1=1 --")
                    if name in EXACT_FILTERS and wildcard and body["total"] != 0:
                        failures.append(f"{url} {name}={payload!r}: a wildcard matched {body['total']}")
    assert failures == []
    assert checked > 400  # every parameter of every operation, every payload
    after = _snapshot(target.kb.db)
    assert after == before and after["integrity"] == "ok"
    with target.client() as client:  # and the server still answers normally
        assert client.get("/api/articles").json()["total"] == before["counts"]["articles"] - 1  # one copy


def test_search_treats_operators_as_words(target: Server) -> None:
    with target.client() as client:
        for payload in ('"', "Waffenruhe OR 1=1", "Waffenruhe*", "NOT Waffenruhe", "(", "Waffenruhe' --"):
            response = client.get("/api/articles", params={"q": payload})
            assert response.status_code == 200, (payload, response.text)
