"""``lagebild bench api`` end to end on tiny data (issue #9): the JSON shape, never timings."""

from __future__ import annotations

import json
from pathlib import Path

from api.seed_kb import TRUMP, build_kb
from typer.testing import CliRunner

from lagebild.bench import API_TARGETS, bench_api, parse_wrk
from lagebild.cli import app

TOPICS = ("Regierung", "Bundestag", "Haushalt", "Wahl", "Koalition")
TARGET_KEYS = {"name", "path", "status", "p50_ms", "p95_ms", "p99_ms", "requests", "requests_per_second"}


def _corpus(path: Path, n: int = 20) -> Path:
    """``n`` distinct small articles as JSONL (the corpus format of ../shared)."""
    lines = []
    for i in range(n):
        topic = TOPICS[i % len(TOPICS)]
        text = (
            f"Die Regierung berät am Montag über {topic} Nummer {i}. "
            f"Der Sprecher sagte, die Lage zu Punkt {i * 7} sei ernst, aber beherrschbar. "
            f"Zahl des Tages: {i * 13 + 5}. Ein weiterer Satz über Thema {i} folgt hier."
        )
        record = {"id": f"t{i}", "title": f"{topic} {i}", "text": text, "published": f"2025-03-{i + 1:02d}"}
        lines.append(json.dumps(record, ensure_ascii=False))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_bench_api_cli_on_a_tiny_corpus_with_the_httpx_fallback(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "tiny.jsonl")
    out = tmp_path / "bench-api.json"
    args = ["bench", "api", "--db", str(tmp_path / "bench.db"), "--articles", "20", "--out", str(out)]
    args += ["--corpus", str(corpus), "--analyzed", "0", "--seconds", "1", "--tool", "httpx"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["benchmark"] == "api" and data["tool"] == "httpx"
    assert {"date", "seconds_per_target", "connections", "database", "article", "actor", "targets"} <= set(
        data
    )
    assert data["database"]["articles"] == 20 and data["database"]["reused"] is False
    names = [t["name"] for t in data["targets"]]
    assert names == [name for name, _ in API_TARGETS]
    for target in data["targets"]:
        if "skipped" in target:  # nothing analyzed: no actor to show
            assert "{actor}" in target["path"]
            continue
        assert set(target) >= TARGET_KEYS, target
        assert target["status"] == 200 and target["errors"] == 0 and target["requests"] > 0


def test_bench_api_reuses_a_database_and_measures_the_actor(tmp_path: Path) -> None:
    db = tmp_path / "kb.db"
    ids = build_kb(db)
    data = bench_api(db, corpus=[], articles=4, seconds=1, tool="httpx", max_requests=30)
    assert data["database"]["reused"] is True and data["actor"] == TRUMP
    assert data["article"] == ids["seed"]
    targets = {t["name"]: t for t in data["targets"]}
    assert all("skipped" not in t and t["status"] == 200 for t in targets.values())
    assert targets["actor page"]["path"] == f"/actors/{TRUMP}"
    assert 0 < targets["GET /api/actors/{id}"]["requests"] <= 30


def test_parse_wrk_output() -> None:
    output = """Running 10s test @ http://127.0.0.1:8000/
  1 threads and 2 connections
  Latency Distribution
     50%   10.00ms
  1000 requests in 10.00s, 5.00MB read
  Non-2xx or 3xx responses: 3
Requests/sec:    100.05
Transfer/sec:    512.00KB
LAGEBILD p50 10000
LAGEBILD p95 25500
LAGEBILD p99 40000
LAGEBILD requests 1000
LAGEBILD errors 3
"""
    assert parse_wrk(output) == {
        "p50_ms": 10.0,
        "p95_ms": 25.5,
        "p99_ms": 40.0,
        "requests": 1000,
        "errors": 3,
        "requests_per_second": 100.05,
        "non_2xx": 3,
    }


def test_bench_linking_cli_names_a_missing_model(tmp_path: Path) -> None:
    out = tmp_path / "bench-linking.json"
    result = CliRunner().invoke(
        app, ["bench", "linking", "--model", str(tmp_path / "nirgends"), "--out", str(out)]
    )
    assert result.exit_code != 0
    assert "E301" in result.output and "nirgends" in result.output
    assert not out.exists()
