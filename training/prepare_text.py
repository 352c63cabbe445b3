"""Tokenize raw German news into one-paragraph-per-line text for floret (vectors) training.

Uses the same spaCy German tokenizer as the pipeline, so vector keys match the pipeline's tokens.
Only reputable sources are read by default (FANG-COVID "mainstream", Wikinews, derStandard, MSN/XGLUE);
the FANG-COVID "alternative" part is left out (see german-news-large/SOURCE.md).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import spacy

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _shared import load_data_module

# Small, diverse sources first: the token cap cuts into the (pandemic-heavy) FANG-COVID files last.
RAW_GLOBS = (
    "german-news-corpus/*.jsonl.gz",
    "german-news-large/xglue-nc-de-part-*.jsonl.gz",
    "german-news-large/fangcovid-mainstream-part-*.jsonl.gz",
)


def paragraphs(shared: Path) -> Iterator[str]:
    for pattern in RAW_GLOBS:
        for path in sorted((shared / "data").glob(pattern)):
            with gzip.open(path, "rt", encoding="utf-8") as fh:
                for line in fh:
                    rec = json.loads(line)
                    if rec.get("title"):
                        yield rec["title"]
                    for para in rec["text"].split("\n"):
                        para = para.strip()
                        if para:
                            yield para


def write_jsonl(shared: Path, out: Path, max_words: int) -> None:
    n = 0
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8") as fh:
        for para in paragraphs(shared):
            if len(para.split()) < 5:
                continue
            fh.write(json.dumps({"text": para}, ensure_ascii=False) + "\n")
            n += len(para.split())
            if n >= max_words:
                break
    print(f"wrote {n} words to {out}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", type=Path, default=None)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--max-tokens", type=int, default=15_000_000)
    ap.add_argument("--jsonl", action="store_true", help="raw paragraphs as {'text': ...} (spacy pretrain)")
    args = ap.parse_args()
    shared = load_data_module().shared_dir(args.shared)
    if args.jsonl:
        write_jsonl(shared, args.out, args.max_tokens)
        return
    nlp = spacy.blank("de")
    n = 0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as out:
        for doc in nlp.tokenizer.pipe(paragraphs(shared), batch_size=1000):
            toks = [t.text for t in doc if not t.is_space]
            out.write(" ".join(toks) + "\n")
            n += len(toks)
            if n >= args.max_tokens:
                break
    print(f"wrote {n} tokens to {args.out}")


if __name__ == "__main__":
    main()
