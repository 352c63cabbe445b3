"""Benchmarks: whole-command throughput and memory, written as JSON (never timed assertions)."""

from __future__ import annotations

import platform
import resource
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from lagebild.settings import Settings

__all__ = ["API_TARGETS", "bench_api", "bench_ingest", "parse_wrk", "peak_rss_mb"]


def peak_rss_mb() -> float:
    """Peak resident memory of this process in MiB (Linux reports ru_maxrss in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_ingest(corpus: list[str], *, db: str | None = None, analyze: bool = False) -> dict[str, Any]:
    """Ingest ``corpus`` into a fresh database and report articles/s, MB/s and peak memory."""
    from lagebild.service import ingest
    from lagebild.store import open_store

    with tempfile.TemporaryDirectory(prefix="lagebild-bench-") as tmp:
        url = db or f"sqlite:///{Path(tmp) / 'bench.db'}"
        settings = Settings().with_overrides(db=url)
        store = open_store(url)
        try:
            started = time.perf_counter()
            report = ingest(corpus, store, settings=settings, analyze=analyze)
            seconds = time.perf_counter() - started
        finally:
            store.close()
    articles = report.articles_seen
    megabytes = report.characters / 1_000_000
    return {
        "benchmark": "ingest",
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "corpus": corpus,
        "database": "sqlite (temporary)" if db is None else db.split("://", 1)[0],
        "analyze": analyze,
        "articles": articles,
        "new": len(report.new),
        "exact_duplicates": len(report.existing),
        "near_duplicates": len(report.near_duplicates),
        "failures": len(report.failures),
        "seconds": round(seconds, 3),
        "articles_per_second": round(articles / seconds, 1) if seconds else None,
        "mb_per_second": round(megabytes / seconds, 3) if seconds else None,
        "characters": report.characters,
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "machine": {"python": platform.python_version(), "cpus": _cpus()},
    }


def _cpus() -> int:
    import os

    return len(os.sched_getaffinity(0))


# ---------------------------------------------------------------------------------------------
# API latency (issue #9): a served knowledge base under a real load tool on loopback

#: Pages and endpoints measured by :func:`bench_api`; ``{article}`` and ``{actor}`` are filled in.
API_TARGETS: tuple[tuple[str, str], ...] = (
    ("home page", "/"),
    ("article page", "/articles/{article}"),
    ("actor page", "/actors/{actor}"),
    ("search page", "/search?q=Regierung"),
    ("GET /api/articles/{id}", "/api/articles/{article}"),
    ("GET /api/actors/{id}", "/api/actors/{actor}"),
)
#: Where ``bench_api`` reads articles when no corpus is given (relative to the working folder).
DEFAULT_API_CORPUS = Path("../shared/data/german-news-corpus")
#: Actors tried first for the actor page (a knowledge-base id and keys of unlinked mentions).
ACTOR_CANDIDATES = ("Q22686", "trump", "donald-trump")
# wrk prints 50/75/90/99 % with --latency; p95 needs its Lua API (latencies in microseconds).
_WRK_SCRIPT = """
done = function(summary, latency, requests)
  for _, p in ipairs({50, 95, 99}) do
    io.write(string.format("LAGEBILD p%d %d\\n", p, latency:percentile(p)))
  end
  io.write(string.format("LAGEBILD requests %d\\n", summary.requests))
  local e = summary.errors
  io.write(string.format("LAGEBILD errors %d\\n", e.connect + e.read + e.write + e.status + e.timeout))
end
"""


def _fill_db(url: str, corpus: list[str], articles: int, analyzed: int, settings: Settings) -> dict[str, Any]:
    """Bring the database at ``url`` to ``articles`` articles, the first ``analyzed`` of the new
    ones through the real pipeline (so article and actor pages have records), the rest stored
    without analysis (volume). An existing database with enough articles is reused as it is."""
    import itertools

    from lagebild.ingest import read_many
    from lagebild.service import ingest_articles
    from lagebild.store import open_store

    with open_store(url) as store:
        before = int(store.stats()["articles"])
        info: dict[str, Any] = {"reused": before >= articles, "articles_before": before}
        if before < articles:
            items = list(itertools.islice(read_many(corpus, settings=settings), articles - before))
            started = time.perf_counter()
            first = ingest_articles(items[:analyzed], store, settings=settings, analyze=True)
            rest = ingest_articles(items[analyzed:], store, settings=settings, analyze=False)
            info["ingest_seconds"] = round(time.perf_counter() - started, 1)
            info["analyzed_new"] = len(first.new)
            info["stored_new"] = len(first.new) + len(rest.new)
        stats = store.stats()
    info["articles"] = int(stats["articles"])
    info["records"] = stats.get("records")
    return info


def _pick_targets(url: str) -> tuple[str | None, str | None]:
    """An analyzed article with the most quotes+entities, and an actor that has a profile."""
    from sqlalchemy import func, select

    from lagebild.api import queries
    from lagebild.store import open_store, schema

    with open_store(url) as store:
        e = schema.entities
        engine = queries.engine_of(store)
        with engine.connect() as conn:
            row = conn.execute(
                select(e.c.article_id).group_by(e.c.article_id).order_by(func.count().desc()).limit(1)
            ).first()
        article = row[0] if row else None
        if article is None:
            latest = queries.list_articles(store, limit=1).items
            article = latest[0]["id"] if latest else None
        for candidate in ACTOR_CANDIDATES:
            if queries.actor_profile(store, candidate) is not None:
                return article, candidate
        top = queries.top_actors(store, limit=1)
        return article, (top[0]["id"] if top else None)


def _free_port() -> int:
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def parse_wrk(output: str) -> dict[str, Any]:
    """Latency percentiles (ms), requests/s and errors from ``wrk --latency`` with our Lua script."""
    import re

    result: dict[str, Any] = {}
    for name, value in re.findall(r"^LAGEBILD (\w+) (\d+)$", output, flags=re.MULTILINE):
        if name.startswith("p"):
            result[f"{name}_ms"] = round(int(value) / 1000, 2)
        else:
            result[name] = int(value)
    rate = re.search(r"^Requests/sec:\s+([\d.]+)", output, flags=re.MULTILINE)
    result["requests_per_second"] = float(rate.group(1)) if rate else None
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    result["non_2xx"] = int(non_2xx.group(1)) if non_2xx else 0
    return result


def _run_wrk(wrk: str, url: str, seconds: float, connections: int) -> dict[str, Any]:
    import subprocess

    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(_WRK_SCRIPT)
    try:
        command = [
            wrk,
            "-t1",
            f"-c{connections}",
            f"-d{max(1, round(seconds))}s",
            "--latency",
            "--timeout",
            "30s",
            "-s",
            script.name,
            url,
        ]
        done = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60, check=True)
    finally:
        Path(script.name).unlink(missing_ok=True)
    return parse_wrk(done.stdout)


def _percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, round(pct / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


def _run_httpx(url: str, seconds: float, connections: int, max_requests: int) -> dict[str, Any]:
    """The fallback load: ``connections`` threads, each a keep-alive client, for ``seconds``."""
    import threading

    import httpx

    latencies: list[float] = []
    errors = [0]
    issued = [0]
    lock = threading.Lock()
    stop_at = time.perf_counter() + seconds

    def worker() -> None:
        with httpx.Client(timeout=30, trust_env=False) as client:
            while time.perf_counter() < stop_at:
                with lock:
                    if issued[0] >= max_requests:
                        return
                    issued[0] += 1
                started = time.perf_counter()
                try:
                    ok = client.get(url).status_code < 400
                except httpx.HTTPError:
                    ok = False
                elapsed = time.perf_counter() - started
                with lock:
                    if ok:
                        latencies.append(elapsed)
                    else:
                        errors[0] += 1

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    result: dict[str, Any] = {
        f"p{pct}_ms": round(_percentile(latencies, pct) * 1000, 2) if latencies else None
        for pct in (50, 95, 99)
    }
    result.update(
        requests=len(latencies) + errors[0],
        errors=errors[0],
        non_2xx=errors[0],
        requests_per_second=round(len(latencies) / wall, 1) if wall else None,
    )
    return result


def bench_api(
    db: str | Path,
    *,
    corpus: list[str] | None = None,
    articles: int = 1000,
    analyzed: int = 50,
    seconds: float = 10.0,
    connections: int = 2,
    tool: str = "auto",
    max_requests: int = 100_000,
    settings: Settings | None = None,
) -> dict[str, Any]:
    """Latency p50/p95/p99 and requests/s of the main pages and endpoints, served by uvicorn.

    Builds (or reuses) the SQLite database ``db`` with at least ``articles`` articles from
    ``corpus``, runs ``lagebild serve`` in a subprocess on a free loopback port and puts each target
    of :data:`API_TARGETS` under ``wrk`` (``tool="auto"`` or ``"wrk"``) or a bounded httpx loop
    (``tool="httpx"``, or when wrk is missing) for ``seconds`` with ``connections`` connections.
    """
    import shutil
    import subprocess
    import sys

    import httpx

    settings = settings or Settings()
    url = str(db) if "://" in str(db) else f"sqlite:///{db}"
    sources = corpus or sorted(str(p) for p in DEFAULT_API_CORPUS.glob("*.jsonl.gz"))
    database = _fill_db(url, sources, articles, analyzed, settings)
    article, actor = _pick_targets(url)
    wrk = shutil.which("wrk") if tool in ("auto", "wrk") else None
    if tool == "wrk" and wrk is None:
        from lagebild.errors import LagebildError

        raise LagebildError("E109", "wrk is not installed (apt-get install -y wrk)", source="wrk")
    used = "wrk" if wrk else "httpx"
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    code = (
        "import sys; from lagebild.api import serve; from lagebild.settings import Settings; "
        "serve(Settings(db=sys.argv[1]), host='127.0.0.1', port=int(sys.argv[2]), log_level='warning')"
    )
    server = subprocess.Popen([sys.executable, "-c", code, url, str(port)])
    results: list[dict[str, Any]] = []
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/api/stats", timeout=5, trust_env=False).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline or server.poll() is not None:
                raise RuntimeError("the server did not start")
            time.sleep(0.2)
        for name, template in API_TARGETS:
            needs = [v for k, v in (("{article}", article), ("{actor}", actor)) if k in template]
            if any(v is None for v in needs):
                results.append({"name": name, "path": template, "skipped": "nothing to show"})
                continue
            path = template.replace("{article}", article or "").replace("{actor}", actor or "")
            warm = httpx.get(base + path, timeout=60, trust_env=False)  # first hit: caches, imports
            entry: dict[str, Any] = {"name": name, "path": path, "status": warm.status_code}
            if wrk:
                entry.update(_run_wrk(wrk, base + path, seconds, connections))
            else:
                entry.update(_run_httpx(base + path, seconds, connections, max_requests))
            results.append(entry)
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
    return {
        "benchmark": "api",
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "tool": used,
        "seconds_per_target": seconds,
        "connections": connections,
        "database": {"url": url, **database},
        "article": article,
        "actor": actor,
        "server": "uvicorn (1 worker, subprocess), 127.0.0.1",
        "targets": results,
        "machine": {"python": platform.python_version(), "cpus": _cpus()},
    }
