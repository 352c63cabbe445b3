"""Store throughput: ``Store.add`` / ``Store.add_many`` articles per second, no NLP.

    python -m lagebild.store.bench ../shared/data/german-news-corpus/*.jsonl.gz --n 2000
    python -m lagebild.store.bench CORPUS... --db postgresql://user@host/db   # an empty database

Reads JSONL(.gz) lines with ``text``/``title``/``published``/``source`` (the shared German news
corpus), cycles through them until ``--n`` articles (a cycled copy gets a numbered closing line, so
it is a new article), and prints JSON. Not a test: nothing here asserts a speed.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from lagebild.records import Analysis, Article
from lagebild.store.store import AddItem, open_store

__all__ = ["bench_store", "main"]


def _lines(paths: list[Path]) -> Iterator[dict[str, Any]]:
    for path in paths:
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    yield json.loads(line)


def load_articles(paths: list[Path], n: int) -> list[Article]:
    records = list(_lines(paths))
    if not records:
        raise SystemExit("no articles in the corpus")
    articles: list[Article] = []
    for i in range(n):
        data = records[i % len(records)]
        text = data["text"]
        if i >= len(records):
            text += f"\n\n(Kopie {i // len(records)})"
        articles.append(
            Article.from_text(
                text, published=data.get("published"), title=data.get("title"), source=data.get("source")
            )
        )
    return articles


def _run(url: str, articles: list[Article], mode: str) -> float:
    signature = os.urandom(1024)  # 128 permutations × 8 bytes, the size ingest stores
    with open_store(url) as store:
        started = time.perf_counter()
        if mode == "add":
            for article in articles:
                store.add(Analysis(article=article), minhash=signature)
        else:
            store.add_many(AddItem(Analysis(article=a), minhash=signature) for a in articles)
        seconds = time.perf_counter() - started
        assert store.stats()["articles"] == len(articles)
    return seconds


def bench_store(paths: list[Path], n: int, db: str | None = None) -> dict[str, Any]:
    started = time.perf_counter()
    articles = load_articles(paths, n)
    parse_seconds = time.perf_counter() - started
    characters = sum(len(a.text) for a in articles)
    results: dict[str, Any] = {}
    for mode in ("add", "add_many"):
        with tempfile.TemporaryDirectory(prefix="lagebild-store-bench-") as tmp:
            url = db or f"sqlite:///{Path(tmp) / 'bench.db'}"
            if db is not None and mode == "add_many":
                break  # one run per given database: it must start empty
            seconds = _run(url, articles, mode)
        results[mode] = {"seconds": round(seconds, 3), "articles_per_second": round(n / seconds, 1)}
    return {
        "benchmark": "store",
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "database": "sqlite (temporary file)" if db is None else db.split("://", 1)[0],
        "articles": n,
        "mean_characters": round(characters / n),
        "article_from_text_per_second": round(n / parse_seconds, 1),
        **results,
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count()},
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpus", nargs="+", type=Path, help="JSONL(.gz) files with a 'text' field")
    parser.add_argument("--n", type=int, default=2000, help="articles to store")
    parser.add_argument("--db", help="an empty database URL (default: a temporary SQLite file)")
    args = parser.parse_args(argv)
    print(json.dumps(bench_store(args.corpus, args.n, args.db), indent=2))


if __name__ == "__main__":
    main()
