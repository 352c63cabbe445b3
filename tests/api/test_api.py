"""The REST API against a real uvicorn server on loopback (httpx, no mocks)."""

from __future__ import annotations

import pytest

from lagebild.records import CONTRACT_VERSION

from .fixtures import API_TOKEN, Server
from .seed_kb import PUTIN, TRUMP, speakers


def _error(response: object, status: int, code: str) -> dict[str, object]:
    import httpx

    assert isinstance(response, httpx.Response)
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "source"}
    assert body["error"]["code"] == code
    assert body["error"]["message"]
    return dict(body["error"])


def test_list_articles_newest_first_without_duplicates(server: Server) -> None:
    with server.client() as client:
        data = client.get("/api/articles").json()
    ids = server.kb.ids
    assert data["total"] == 3
    assert [item["id"] for item in data["items"]] == [ids["nato"], ids["seed"], ids["scholz"]]
    assert data["items"][1]["published"] == {"value": "2025-02", "granularity": "month"}
    with server.client() as client:
        everything = client.get("/api/articles", params={"duplicates": "true"}).json()
    assert everything["total"] == 4


def test_pagination_limit_offset_total(server: Server) -> None:
    with server.client() as client:
        first = client.get("/api/articles", params={"limit": 2}).json()
        second = client.get("/api/articles", params={"limit": 2, "offset": 2}).json()
    assert (first["total"], first["limit"], first["offset"], len(first["items"])) == (3, 2, 0, 2)
    assert (second["total"], len(second["items"])) == (3, 1)
    assert {i["id"] for i in first["items"]}.isdisjoint(i["id"] for i in second["items"])


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"since": "2025-01"}, {"seed", "nato"}),
        ({"until": "2025-02-10"}, {"seed", "scholz"}),  # a month-dated article may be in range
        ({"since": "2025-03", "until": "2025-12"}, {"nato"}),
        ({"actor": TRUMP}, {"seed", "nato"}),
        ({"actor": "Hegseth"}, {"seed"}),
        ({"q": "Waffenruhe"}, {"seed"}),
        ({"q": "Vertrauensfrage", "since": "2025"}, set()),
    ],
)
def test_article_filters(server: Server, params: dict[str, str], expected: set[str]) -> None:
    with server.client() as client:
        data = client.get("/api/articles", params=params).json()
    names = {
        name for name, article_id in server.kb.ids.items() if article_id in {i["id"] for i in data["items"]}
    }
    assert names == expected
    assert data["total"] == len(expected)


def test_search_gives_snippet_with_highlight_offsets(server: Server) -> None:
    with server.client() as client:
        hit = client.get("/api/articles", params={"q": "Waffenruhe"}).json()["items"][0]
    start, end = hit["highlights"][0]
    assert hit["snippet"][start:end] == "Waffenruhe"
    assert "\x02" not in hit["snippet"] and "\n" not in hit["snippet"]


def test_article_detail_is_the_contract_plus_duplicates(server: Server) -> None:
    from lagebild.contract import validate

    ids = server.kb.ids
    with server.client() as client:
        seed = client.get(f"/api/articles/{ids['seed']}").json()
        nato = client.get(f"/api/articles/{ids['nato']}").json()
        copy = client.get(f"/api/articles/{ids['copy']}").json()
    duplicate_of = seed.pop("duplicate_of")
    duplicates = seed.pop("duplicates")
    assert (duplicate_of, duplicates) == (None, [])
    validate(seed)
    text = seed["article"]["text"]
    for name in ("entities", "quotes", "timexes", "events"):
        assert seed[name], name
        for item in seed[name]:
            assert text[item["start"] : item["end"]] == item["text"]
    quote = seed["quotes"][0]
    assert text[quote["speaker"]["start"] : quote["speaker"]["end"]] == "Trump"
    assert nato["duplicates"] == [ids["copy"]]
    assert copy["duplicate_of"] == ids["nato"]


def test_unknown_article_is_e203_404(server: Server) -> None:
    with server.client() as client:
        error = _error(client.get("/api/articles/0000000000000000"), 404, "E203")
    assert "0000000000000000" in str(error["message"])


def test_actor_profile_linked(server: Server) -> None:
    with server.client() as client:
        profile = client.get(f"/api/actors/{TRUMP}").json()
    assert profile["name"] == "Donald Trump"
    assert "Trump" in profile["aliases"]
    assert profile["roles"][0]["office"].startswith("Präsident")
    assert profile["counts"]["articles"] == 2 and profile["counts"]["quotes"] == 2
    timeline = {row["month"]: row for row in profile["timeline"]}
    assert set(timeline) == {"2025-02", "2025-06"}
    assert timeline["2025-02"]["events"] == 2


def test_actor_profile_by_name_key(server: Server) -> None:
    with server.client() as client:
        profile = client.get("/api/actors/hegseth").json()
        same = client.get("/api/actors/Hegseth").json()
    assert profile["name"] == "Hegseth" and profile["counts"]["quotes"] == 3
    assert same["counts"] == profile["counts"]


def test_unknown_actor_is_404_with_error_body(server: Server) -> None:
    with server.client() as client:
        _error(client.get("/api/actors/niemand-bekanntes"), 404, "E606")


def test_quotes_filters(server: Server) -> None:
    with server.client() as client:
        by_speaker = client.get("/api/quotes", params={"speaker": "hegseth"}).json()
        by_id = client.get("/api/quotes", params={"speaker": TRUMP}).json()
        by_words = client.get("/api/quotes", params={"q": "us-truppen"}).json()
        none = client.get("/api/quotes", params={"until": "2024"}).json()
        page = client.get("/api/quotes", params={"limit": 2, "offset": 1}).json()
    assert by_speaker["total"] == 3 and set(speakers(by_speaker["items"])) == {"Hegseth"}
    assert by_id["total"] == 2
    assert [q["cue"]["text"] for q in by_words["items"]] == ["betonte"]
    assert none["total"] == 0
    assert page["total"] == 6 and len(page["items"]) == 2


def test_events_filters(server: Server) -> None:
    with server.client() as client:
        everything = client.get("/api/events").json()
        future = client.get("/api/events", params={"mode": "future"}).json()
        consult = client.get("/api/events", params={"type": "consult", "actor": PUTIN}).json()
        other = client.get("/api/events", params={"type": "FIGHT"}).json()
    assert everything["total"] == 2
    assert [e["text"] for e in future["items"]] == ["eingeladen"]
    assert future["items"][0]["place"]["text"] == "Moskau"
    assert consult["total"] == 2 and other["total"] == 0


def test_network_has_typed_edges(server: Server) -> None:
    with server.client() as client:
        graph = client.get("/api/network").json()
        empty = client.get("/api/network", params={"since": "2030"}).json()
    types = {edge["type"] for edge in graph["edges"]}
    assert types == {"co-mention", "quote", "event"}
    assert {"source": TRUMP, "target": PUTIN, "type": "event", "label": "CONSULT", "weight": 1} in graph[
        "edges"
    ]
    assert empty == {"nodes": [], "edges": []}


def test_stats(server: Server) -> None:
    with server.client() as client:
        stats = client.get("/api/stats").json()
    assert stats["articles"] == 4 and stats["near_duplicates"] == 1
    assert stats["records"]["quotes"] == 6


def test_analyze_stores_nothing(server: Server) -> None:
    body = {
        "text": "Merz traf am Montag Macron in Paris.\n\nDas Treffen dauerte zwei Stunden.",
        "published": "2025-05-07",
    }
    with server.client() as client:
        before = client.get("/api/stats").json()["articles"]
        result = client.post("/api/analyze", json=body)
        after = client.get("/api/stats").json()["articles"]
    assert result.status_code == 200
    data = result.json()
    assert data["contract"] == CONTRACT_VERSION
    assert data["article"]["published"] == {"value": "2025-05-07", "granularity": "day"}
    assert (data["timexes"][0]["text"], data["timexes"][0]["value"]) == ("am Montag", "2025-05-05")
    assert before == after


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"text": " \n "}, "E602"),
        ({"text": "Ein Satz.", "published": "gestern"}, "E602"),
        ({"text": "Ein Satz.", "published": "2025-02-29"}, "E602"),
        ({"published": "2025"}, "E602"),
        ({"text": 5}, "E602"),
    ],
)
def test_analyze_errors(server: Server, body: dict[str, object], code: str) -> None:
    with server.client() as client:
        _error(client.post("/api/analyze", json=body), 422, code)


def test_bad_parameters_are_422_with_the_error_body(server: Server) -> None:
    with server.client() as client:
        error = _error(client.get("/api/articles", params={"limit": 0}), 422, "E602")
        _error(client.get("/api/quotes", params={"since": "letzte Woche"}), 422, "E602")
    assert error["source"] == "query.limit"


def test_unknown_route_and_method(server: Server) -> None:
    with server.client() as client:
        _error(client.get("/api/nothing"), 404, "E601")
        _error(client.delete("/api/stats"), 405, "E605")


def test_ingest_needs_the_token(server: Server, readonly_server: Server) -> None:
    body = {"text": "Ein kurzer Text über die Bundesregierung.\n\nZweiter Absatz."}
    with server.client() as client:
        error = _error(client.post("/api/articles", json=body), 401, "E604")
        _error(
            client.post("/api/articles", json=body, headers={"Authorization": "Bearer wrong"}), 401, "E604"
        )
    assert error["source"] == "Authorization"
    with readonly_server.client() as client:
        _error(
            client.post("/api/articles", json=body, headers={"Authorization": f"Bearer {API_TOKEN}"}),
            403,
            "E603",
        )


def test_ingest_new_then_exists_then_near_duplicate(fresh_server: Server) -> None:
    text = (
        "Die Außenminister der EU haben am Dienstag in Brüssel über neue Sanktionen beraten. "
        "Eine Einigung gab es zunächst nicht, hieß es aus Diplomatenkreisen.\n\n"
        "Ungarn blockiert seit Wochen das Paket. Die Beratungen sollen im März fortgesetzt werden, "
        "wie ein Sprecher am Abend in Brüssel mitteilte. (dpa)"
    )
    headers = {"Authorization": f"Bearer {API_TOKEN}"}
    with fresh_server.client(headers=headers) as client:
        first = client.post(
            "/api/articles", json={"text": text, "published": "2025-02-18", "title": "EU berät"}
        )
        again = client.post("/api/articles", json={"text": text})
        copy = client.post("/api/articles", json={"text": text.replace("zunächst nicht", "vorerst nicht")})
        stored = client.get(f"/api/articles/{first.json()['article_id']}").json()
        listed = client.get("/api/articles", params={"q": "Sanktionen"}).json()
    assert (first.status_code, first.json()["status"]) == (201, "new")
    assert (again.status_code, again.json()["status"]) == (200, "exists")
    assert (copy.status_code, copy.json()["status"]) == (201, "near_duplicate")
    assert stored["article"]["title"] == "EU berät"
    assert stored["article"]["credit"] == "dpa"
    assert stored["article"]["source"] == "api"
    assert stored["timexes"]
    assert first.json()["article_id"] in {item["id"] for item in listed["items"]}


def test_exports_over_http(server: Server) -> None:
    with server.client() as client:
        plover = client.get("/api/export/plover")
        gdelt = client.get("/api/export/gdelt")
        parquet = client.get("/api/export/parquet", params={"table": "quotes"})
        unknown = client.get("/api/export/xml")
    assert plover.headers["content-type"].startswith("application/json")
    assert {record["event"] for record in plover.json()} == {"CONSULT"}
    assert gdelt.headers["content-type"].startswith("text/tab-separated-values")
    assert parquet.content[:4] == b"PAR1"
    _error(unknown, 422, "E602")


def test_openapi_is_served(server: Server) -> None:
    with server.client() as client:
        schema = client.get("/openapi.json").json()
    paths = set(schema["paths"])
    assert {"/api/articles", "/api/articles/{article_id}", "/api/actors/{actor_id}", "/api/quotes"} <= paths
    assert {"/api/events", "/api/stats", "/api/analyze", "/api/export/{fmt}"} <= paths
    assert not any(path.startswith("/articles") for path in paths)  # pages are not API


def test_binds_loopback_by_default() -> None:
    import inspect

    from lagebild.api import serve

    assert inspect.signature(serve).parameters["host"].default == "127.0.0.1"
