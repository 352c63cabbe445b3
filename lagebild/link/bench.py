"""Speed of the linker: ``python -m lagebild.link.bench`` (docs/linking.md, "Speed").

Runs the sample articles (``lagebild/samples``) through the trained pipeline without the linker
(or ``spacy.blank("de")`` when no model is present), then times the linker alone over the same
docs twice: cold (first sight of every word: KB look-ups not cached yet) and warm.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

__all__ = ["bench_linker"]

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def bench_linker(model: Path | str | None = None, repeat: int = 1) -> dict[str, Any]:
    import spacy

    import lagebild.link.component  # noqa: F401  (registers the factory)
    from lagebild.ingest import read_many
    from lagebild.link.component import LinkerComponent
    from lagebild.nlp import model_path

    path = model_path(model)
    started = time.perf_counter()
    nlp = spacy.load(path) if (path / "meta.json").is_file() else spacy.blank("de")
    load = time.perf_counter() - started
    started = time.perf_counter()
    linker = LinkerComponent()
    init = time.perf_counter() - started
    articles = [a for a in read_many([SAMPLES]) if not isinstance(a, Exception)] * repeat
    docs = []
    started = time.perf_counter()
    for article in articles:
        doc = nlp.make_doc(article.text)
        doc.user_data["published"] = article.published
        docs.append(nlp(doc))
    model_s = time.perf_counter() - started
    timings = []
    for _ in range(2):
        started = time.perf_counter()
        for doc in docs:
            linker(doc)
        timings.append(time.perf_counter() - started)
    n = len(docs)
    tokens = sum(len(d) for d in docs)
    return {
        "pipeline": str(path) if (path / "meta.json").is_file() else "spacy.blank('de')",
        "docs": n,
        "tokens": tokens,
        "pipeline_load_s": round(load, 3),
        "linker_init_s": round(init, 3),
        "pipeline_ms_per_doc": round(1000 * model_s / n, 2),
        "linker_cold_ms_per_doc": round(1000 * timings[0] / n, 2),
        "linker_warm_ms_per_doc": round(1000 * timings[1] / n, 2),
        "linker_warm_tokens_per_s": round(tokens / timings[1]),
    }


if __name__ == "__main__":
    print(json.dumps(bench_linker(), indent=2))
