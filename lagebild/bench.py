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

__all__ = ["bench_ingest", "peak_rss_mb"]


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
