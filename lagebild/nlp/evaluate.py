"""Held-out evaluation of the German pipeline: NER, tagging, morphology, lemmas, parsing, speed, memory.

The held-out sentences are chosen by :func:`lagebild.nlp.data.is_heldout`, the function the training
conversion uses to exclude them, so these scores are never on training data. They were, however, used
for model selection (best checkpoint, which steps to keep), so they are slightly optimistic; the
independent sets (GermEval dev, UD PUD) are kept outside ``shared/``.
"""

from __future__ import annotations

import gzip
import json
import resource
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.scorer import Scorer
from spacy.tokens import Doc, Token
from spacy.training import Example

from lagebild.nlp.data import (
    GERMEVAL_REL,
    UdSentence,
    is_heldout,
    read_conllu,
    read_germeval,
    shared_dir,
    ud_doc,
    ud_sources,
)

__all__ = ["SPEED_TEXT_REL", "evaluate_pipeline", "heldout_ner_examples", "heldout_ud_examples"]

#: Real news for the speed measurement (Wikinews, 850 articles, ~185k words).
SPEED_TEXT_REL = Path("german-news-corpus") / "wikinews_de.jsonl.gz"
#: Held-out UD sentences are grouped like the training documents, so sentence splitting is measured too.
UD_SENTS_PER_DOC = 8


def heldout_ud_examples(nlp: Language, shared: Path, source: str) -> list[Example]:
    """Reference docs (8 consecutive held-out sentences each) of one UD source, not yet annotated."""
    refs: list[Doc] = []
    buf: list[UdSentence] = []
    for path in ud_sources(shared)[source]:
        for s in read_conllu(path):
            if is_heldout(source, s.sent_id):
                buf.append(s)
                if len(buf) == UD_SENTS_PER_DOC:
                    refs.append(ud_doc(nlp.vocab, buf))
                    buf = []
    if buf:
        refs.append(ud_doc(nlp.vocab, buf))
    return [Example(nlp.make_doc(ref.text), ref) for ref in refs]


def heldout_ner_examples(nlp: Language, shared: Path) -> list[Example]:
    """Held-out GermEval sentences (outer level, OTH->MISC, deriv/part dropped), not yet annotated."""
    examples: list[Example] = []
    for s in read_germeval(shared / "data" / GERMEVAL_REL):
        if is_heldout("germeval2014", s.key):
            ref = Doc(nlp.vocab, words=s.words, spaces=s.spaces, ents=s.tags)
            examples.append(Example(nlp.make_doc(ref.text), ref))
    return examples


def _annotate(nlp: Language, examples: list[Example]) -> list[Example]:
    # from the text, so that examples can be scored repeatedly (nlp.pipe annotates Doc inputs in place)
    docs = list(nlp.pipe(ex.reference.text for ex in examples))
    return [Example(doc, ex.reference) for doc, ex in zip(docs, examples, strict=True)]


def _round(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, dict):
        return {k: _round(v) for k, v in value.items()}
    return value


def _ner_scores(nlp: Language, shared: Path) -> dict[str, Any]:
    examples = _annotate(nlp, heldout_ner_examples(nlp, shared))
    s = Scorer.score_spans(examples, "ents")
    return _round(
        {
            "sentences": len(examples),
            "precision": s["ents_p"],
            "recall": s["ents_r"],
            "f1": s["ents_f"],
            "per_label": {
                label: {"precision": v["p"], "recall": v["r"], "f1": v["f"]}
                for label, v in sorted((s["ents_per_type"] or {}).items())
            },
        }
    )


def _morph_key(token: Token, attr: str) -> int:
    # as spaCy's morphologizer scorer: compare hashed feature strings (empty analysis = no features)
    return int(getattr(token, attr).key)


def _ud_scores(nlp: Language, examples: list[Example]) -> dict[str, Any]:
    ex = _annotate(nlp, examples)
    out: dict[str, Any] = {
        "docs": len(ex),
        "tokens": sum(len(e.reference) for e in ex),
        "token_acc": Scorer.score_tokenization(ex)["token_acc"],
    }
    out["upos_acc"] = Scorer.score_token_attr(ex, "pos")["pos_acc"]
    out["stts_acc"] = Scorer.score_token_attr(ex, "tag")["tag_acc"]
    morph = Scorer.score_token_attr_per_feat(ex, "morph", getter=_morph_key)["morph_per_feat"] or {}
    out["morph_acc"] = Scorer.score_token_attr(ex, "morph", getter=_morph_key)["morph_acc"]
    out["morph_per_feat_f1"] = {k: v["f"] for k, v in sorted(morph.items())}
    out["lemma_acc"] = Scorer.score_token_attr(ex, "lemma")["lemma_acc"]
    deps = Scorer.score_deps(
        ex,
        "dep",
        getter=lambda t, attr: t.dep_,
        head_attr="head",
        head_getter=lambda t, attr: t.head,
        ignore_labels=("p", "punct"),
    )
    out["uas"] = deps["dep_uas"]
    out["las"] = deps["dep_las"]
    sents = Scorer.score_spans(ex, "sents", has_annotation=lambda d: d.has_annotation("SENT_START"))
    out["sents_f"] = sents["sents_f"]
    return _round(out)


def _speed_texts(shared: Path, limit_words: int) -> list[str]:
    texts: list[str] = []
    n = 0
    with gzip.open(shared / "data" / SPEED_TEXT_REL, "rt", encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line)["text"]
            texts.append(text)
            n += len(text.split())
            if n >= limit_words:
                break
    return texts


def _words_per_second(nlp: Language, texts: Iterable[str], n_process: int) -> dict[str, float]:
    start = time.perf_counter()
    words = 0
    for doc in nlp.pipe(texts, batch_size=64, n_process=n_process):
        words += sum(1 for t in doc if not t.is_space)
    seconds = time.perf_counter() - start
    return {"words": words, "seconds": round(seconds, 2), "words_per_second": round(words / seconds)}


def evaluate_pipeline(
    shared: Path | None = None, nlp: Language | None = None, speed_words: int = 60_000
) -> dict[str, Any]:
    """Score ``nlp`` (default: the committed pipeline) on the held-out split of ``shared/data``.

    Returns NER P/R/F1 (strict, outer level, per label and overall), UD token/UPOS/STTS/morph/lemma
    accuracy, UAS/LAS (punctuation excluded) and sentence F1 per UD source and overall, words per
    second with one and two processes (including process start-up for two), and peak RSS.
    """
    if nlp is None:
        from lagebild.nlp import load_pipeline

        nlp = load_pipeline()
    shared = shared_dir(shared)
    result: dict[str, Any] = {
        "pipeline": f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}",
        "components": list(nlp.pipe_names),
        "split": "lagebild.nlp.data.is_heldout (held-out part, never trained on)",
    }
    if "ner" in nlp.pipe_names:
        result["ner"] = _ner_scores(nlp, shared)
    ud: dict[str, Any] = {}
    all_examples: list[Example] = []
    for source in ud_sources(shared):
        examples = heldout_ud_examples(nlp, shared, source)
        all_examples += examples
        ud[source] = _ud_scores(nlp, examples)
    ud["all"] = _ud_scores(nlp, all_examples)
    result["ud"] = ud
    texts = _speed_texts(shared, speed_words)
    _words_per_second(nlp, texts[:20], 1)  # warm-up
    result["speed"] = {
        "text": str(SPEED_TEXT_REL),
        "1_process": _words_per_second(nlp, texts, 1),
        "2_processes": _words_per_second(nlp, texts, 2),
    }
    result["peak_memory_mb"] = {
        "self": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "largest_child": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1),
    }
    return result
