"""The speaker ranker: candidates, scoring and the packaged weights."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from lagebild.quotes.extract import find_quotes, find_quotes_in_context
from lagebild.quotes.ranker import SpeakerRanker, candidates, load_ranker, rerank

Make = Callable[..., Doc]

TEXT = (
    "Die/DET Polizei/NOUN teilte/VERB mit/ADP ,/PUNCT dass/SCONJ der/DET Mann/NOUN gefasst/VERB"
    " sei/AUX ./PUNCT"
    " Er/PRON habe/AUX/Mood=Sub|VerbForm=Fin gestanden/VERB ./PUNCT"
)
MENTIONS = [("Die Polizei", "ORG", "local:polizei")]


def test_candidates_include_mentions_and_no_speaker(make: Make) -> None:
    doc = make(TEXT, mentions=MENTIONS)
    results, ctx = find_quotes_in_context(doc)
    continuation = results[-1]
    cands = candidates(ctx, continuation, results[0], results[:1])
    spans = [doc[c.span[0] : c.span[1]].text if c.span else None for c in cands]
    assert "Die Polizei" in spans and None in spans
    polizei = next(c for c in cands if c.span and doc[c.span[0] : c.span[1]].text == "Die Polizei")
    assert "dist=1" in polizei.features and "earlier_speaker" in polizei.features


def test_rerank_follows_the_weights(make: Make) -> None:
    doc = make(TEXT, mentions=MENTIONS)
    results, ctx = find_quotes_in_context(doc)
    rerank(ctx, results, SpeakerRanker({"none": 5.0}, {}))
    assert all(f.speaker is None and f.confidence <= 0.3 for f in results)  # "nobody" says so
    results, ctx = find_quotes_in_context(doc)
    rerank(ctx, results, SpeakerRanker({"src=rule": 3.0, "none": -3.0}, {}))
    assert all(f.actor_id == "local:polizei" and f.confidence > 0.9 for f in results)


def test_packaged_ranker_is_trained_on_the_train_split() -> None:
    ranker = load_ranker()
    assert ranker is not None
    assert "train" in ranker.meta["trained_on"] and "dev" not in ranker.meta["trained_on"]
    selection = ranker.meta["selection"]
    best = selection["select_accuracy_by_c"][str(selection["chosen_c"])]
    assert best >= selection["select_rules_accuracy"]  # kept only because it beats the rules


def test_rank_false_gives_the_rules_choice(make: Make) -> None:
    doc = make(TEXT, mentions=MENTIONS)
    rules = find_quotes(doc, rank=False)
    assert rules == find_quotes_in_context(doc)[0]
    assert rules[0].actor_id == "local:polizei" and not any(f.rule.endswith("+ranker") for f in rules)
