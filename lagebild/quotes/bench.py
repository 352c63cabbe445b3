"""Speed of the quote component: ``python -m lagebild.quotes.bench`` (docs/quotes.md, "Speed").

Runs articles through the full analysis pipeline (``lagebild.analyze.get_pipeline``: model, linker,
quotes, time, events) with the quote component disabled, then times the quote component alone over
the same docs, and reports its cost as a share of the rest of the pipeline (issue #6: at most 25%).
Articles: the bundled samples, or the ``originalText``/``text`` field of a JSONL(.gz) corpus.
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from pathlib import Path
from typing import Any

from lagebild.errors import LagebildError

__all__ = ["bench_quotes"]

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def _corpus_texts(path: Path, limit: int) -> list[str]:
    opener = gzip.open if path.suffix == ".gz" else open
    texts: list[str] = []
    with opener(path, "rt", encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                raise LagebildError(
                    "E106", f"malformed JSON ({exc.msg})", source=f"{path}:line {number}"
                ) from exc
            texts.append(item.get("originalText") or item.get("text") or "")
            if len(texts) >= limit:
                break
    return [t for t in texts if t.strip()]


def bench_quotes(
    model: Path | str | None = None, corpus: Path | None = None, limit: int = 200, repeat: int = 3
) -> dict[str, Any]:
    from lagebild.analyze import get_pipeline
    from lagebild.ingest import read_many

    nlp = get_pipeline(model)
    quotes = nlp.get_pipe("lagebild_quotes")
    if corpus is not None:
        texts = _corpus_texts(corpus, limit)
        source = str(corpus)
        if not texts:
            raise LagebildError("E102", "no article text (originalText or text) in the corpus", source=source)
    else:
        texts = [a.text for a in read_many([SAMPLES]) if not isinstance(a, Exception)]
        source = str(SAMPLES)
    rest: list[float] = []
    docs = []
    with nlp.select_pipes(disable=["lagebild_quotes"]):
        for run in range(repeat):
            started = time.perf_counter()
            out = [nlp(text) for text in texts]
            rest.append(time.perf_counter() - started)
            if run == 0:
                docs = out
    alone: list[float] = []
    for _ in range(repeat):
        started = time.perf_counter()
        for doc in docs:
            quotes(doc)
        alone.append(time.perf_counter() - started)
    n = len(docs)
    best_rest, best_quotes = min(rest), min(alone)
    return {
        "articles": source,
        "docs": n,
        "tokens": sum(len(d) for d in docs),
        "repeat": repeat,
        "pipeline_without_quotes_ms_per_doc": round(1000 * best_rest / n, 2),
        "quotes_ms_per_doc": round(1000 * best_quotes / n, 2),
        "quotes_share_of_pipeline": round(best_quotes / best_rest, 3),
        "found_per_doc": round(
            sum(len(d.spans.get("quotes", ())) + len(d.spans.get("reported", ())) for d in docs) / n, 2
        ),
    }


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description="Speed of the quote component")
    ap.add_argument("--model", default=None)
    ap.add_argument("--corpus", type=Path, default=None, help="JSONL(.gz) with originalText or text")
    ap.add_argument("--limit", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    print(json.dumps(bench_quotes(a.model, a.corpus, a.limit, a.repeat), indent=2))
