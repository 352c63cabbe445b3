"""Speaker ranker: a trained second opinion on who said each quote the rules found.

The rules (``extract.py``) pick one speaker per quote; where they fail, the right speaker is usually
another mention nearby (the subject of the sentence before, an organisation rather than the
pronoun after the cue) or none at all. The ranker scores every candidate of a quote — the rules'
choice, each actor mention and each parser subject in the quote's sentence, the three before and
the one after, and "no speaker" — with a logistic model over a handful of symbolic features
(where the candidate stands relative to the cue, its label, its sentence distance, the rule that
fired, …) and takes the best. A logistic model because the features are few, sparse and
interpretable, and its probability is the confidence the record carries: below 0.5 it says "not
sure who said this".

The weights (``data/speaker_ranker.json``) are learned by ``training/train_speaker_ranker.py`` from
the WikiNews quotation *train* split (CC BY-NC-SA 4.0: see docs/quotes.md, Licenses); at run time
scoring is a sum of weights, no learning library is needed. Without the weights file the rules'
choice stands.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Token

    from lagebild.quotes.extract import Found, _Context

__all__ = ["RANKER_FILE", "Candidate", "SpeakerRanker", "candidates", "load_ranker", "rerank"]

RANKER_FILE = Path(__file__).resolve().parent / "data" / "speaker_ranker.json"

# Sentences before the quote's sentence that may hold its speaker, and after it.
WINDOW_BEFORE = 3
WINDOW_AFTER = 1
# The ranker replaces the rules' speaker only when it is at least this sure of its own choice.
OVERRIDE_MIN = 0.5


@dataclass
class Candidate:
    """One possible speaker of a quote: a token span (None = no speaker) and its features."""

    span: tuple[int, int] | None
    actor_id: str | None
    features: list[str]


def _bucket(value: float, edges: Iterable[float]) -> str:
    for edge in edges:
        if value <= edge:
            return f"<={edge:g}"
    return "more"


def candidates(
    ctx: _Context, found: Found, previous: Found | None, earlier: Iterable[Found] = ()
) -> list[Candidate]:
    """The candidates of ``found`` with their features (``previous``: the quote before it;
    ``earlier``: the quotes before it, whose speakers are likely speakers again)."""
    earlier = list(earlier)
    from lagebild.quotes import extract as ex

    doc = ctx.doc
    q_lo = ex._tok(doc, found.start)
    q_hi = ex._tok(doc, max(found.end - 1, found.start)) + 1
    k = ex._sentence_index(ctx, q_lo)
    cue = found.cue[0] if found.cue is not None else None
    has_cue = "cue" if cue is not None else "nocue"
    rule = found.rule
    conf = _bucket(found.confidence, (0.3, 0.45, 0.6, 0.75))
    kind = f"kind={found.kind}"

    spans: dict[tuple[int, int], tuple[str, str, str | None]] = {}  # span -> (source, label, actor)
    if found.speaker is not None:
        spans[found.speaker] = ("rule", "RULE", found.actor_id)
    lo_k = max(0, k - WINDOW_BEFORE)
    hi_k = min(len(ctx.sentences) - 1, k + WINDOW_AFTER)
    lo_tok, hi_tok = ctx.sentences[lo_k][0], ctx.sentences[hi_k][1]
    for m in ctx.mentions:
        if m.start < lo_tok or m.end > hi_tok:
            continue
        link = m._.link if m.has_extension("link") else None
        if m.label_ == "MISC" and link == "demonym":
            continue
        label = "PRON" if len(m) == 1 and m[0].pos_ == "PRON" else m.label_
        key = (m.start, m.end)
        if key not in spans:
            spans[key] = ("mention", label, ex._actor(m))
    for tok in doc[lo_tok:hi_tok]:
        if tok.dep_ not in ("nsubj", "nsubj:pass", "sb") or tok.lower_ in ex._NOT_SPEAKERS:
            continue
        if tok.pos_ not in ("NOUN", "PROPN"):
            continue
        s = ex._sentence_index(ctx, tok.i)
        np = ex._subject_np(ctx, tok, ctx.sentences[s][0])
        if any(a < np[1] and np[0] < b for a, b in spans):
            continue  # already a candidate (a mention or the rules' choice) overlaps it
        inner = ex._containing_mention(ctx, tok.i)
        spans[np] = ("subject", "NP", ex._actor(inner) if inner is not None else None)

    out: list[Candidate] = []
    prev_speaker = previous.speaker if previous is not None else None
    for span, (source, label, actor) in spans.items():
        a, b = span
        if b <= a:
            continue
        s = ex._sentence_index(ctx, a)
        dist = k - s
        head = max(doc[a:b], key=lambda t: (t.pos_ in ("NOUN", "PROPN", "PRON"), -abs(t.head.i - t.i)))
        is_rule = found.speaker == span
        inside = q_lo <= a and b <= q_hi
        rel = "norel"
        if cue is not None and dist == 0:
            rel = "before" if b <= cue else "after" if a > cue else "overlap"
            gap = a - cue if a > cue else cue - b
            rel_gap = _bucket(gap, (0, 1, 3, 6))
        else:
            rel_gap = "na"
        sent_start = ctx.sentences[s][0]
        lead = sent_start
        while lead < b and (doc[lead].lower_ in ex._CLAUSE_LEAD or doc[lead].is_punct):
            lead += 1
        feats = [
            "bias",
            f"src={source}",
            f"label={label}",
            f"dist={dist}",
            f"dist={dist}&kind={found.kind}",
            f"dist={dist}&{has_cue}",
            f"rel={rel}",
            f"rel={rel}&gap={rel_gap}",
            f"dep={head.dep_}",
            f"dep={head.dep_}&dist={dist}",
            f"label={label}&dist={dist}",
            f"src={source}&rule={rule}",
            "linked" if actor else "unlinked",
            f"label={label}&{'linked' if actor else 'unlinked'}",
        ]
        if is_rule:
            feats += ["is_rule", f"is_rule&rule={rule}", f"is_rule&conf={conf}", f"is_rule&kind={found.kind}"]
        if inside:
            feats += ["inside_quote", f"inside_quote&kind={found.kind}"]
        if a == lead:
            feats += ["sentence_first", f"sentence_first&dist={dist}"]
        if prev_speaker is not None and a < prev_speaker[1] and prev_speaker[0] < b:
            feats.append("previous_speaker")
        if head.pos_ == "PRON":
            feats.append(f"pron={head.lower_}")
        if cue is not None:
            governor = head.head
            if governor.i == cue or (governor.head.i == cue and governor.dep_.startswith("aux")):
                feats += [f"of_cue&dep={head.dep_}", f"of_cue&dep={head.dep_}&rel={rel}"]
            elif any(c.i == governor.i for c in doc[cue].children if c.dep_.startswith("aux")):
                feats.append(f"of_cue_aux&dep={head.dep_}")
        if any(e.speaker is not None and e.speaker[0] < b and a < e.speaker[1] for e in earlier):
            feats.append("earlier_speaker")

        # the first four features again, conjoined with the quote's kind
        out.append(Candidate(span, actor, feats + [f"{kind}&{f}" for f in feats[:4]]))
    none_feats = [
        "none",
        f"none&{has_cue}",
        f"none&rule={rule}",
        f"none&kind={found.kind}",
        f"none&conf={conf}",
    ]
    none_feats.append("none&rule_has_speaker" if found.speaker is not None else "none&rule_no_speaker")
    out.append(Candidate(None, None, none_feats))
    return out


@dataclass(frozen=True)
class SpeakerRanker:
    """Logistic weights over candidate features."""

    weights: dict[str, float]
    meta: dict[str, Any]

    def probability(self, features: Iterable[str]) -> float:
        z = sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@functools.lru_cache(maxsize=2)
def load_ranker(path: Path | None = None) -> SpeakerRanker | None:
    """The packaged ranker (None when its weights file is absent)."""
    path = path or RANKER_FILE
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return SpeakerRanker({str(k): float(v) for k, v in data["weights"].items()}, data.get("meta", {}))


def _anaphor(token: Token) -> bool:
    return token.pos_ in ("PRON", "ADV") or token.lower_ == "demnach"


def rerank(ctx: _Context, results: list[Found], ranker: SpeakerRanker) -> None:
    """Replace each quote's speaker by the ranker's best candidate (in place). Features are taken
    from the rules' choices only (as in training), before any speaker is replaced."""
    all_cands = [
        candidates(ctx, f, results[i - 1] if i else None, results[max(0, i - 6) : i])
        for i, f in enumerate(results)
    ]
    for found, cands in zip(results, all_cands, strict=True):
        scored = [(ranker.probability(c.features), c) for c in cands]
        best_p, best = max(scored, key=lambda pc: pc[0])
        ruled = [(p, c) for p, c in scored if c.span is not None and c.span == found.speaker]
        if ruled and best is not ruled[0][1] and best_p < OVERRIDE_MIN:
            best_p, best = ruled[0]  # the ranker is unsure itself: the rules' choice stands
        if best.span != found.speaker:
            found.rule = f"{found.rule}+ranker"
        found.speaker, found.actor_id = best.span, best.actor_id
        conf = best_p if best.span is not None else min(best_p, 0.3)
        lone = best.span is not None and best.actor_id is None and best.span[1] - best.span[0] == 1
        if lone and best.span is not None and _anaphor(ctx.doc[best.span[0]]):
            conf = min(conf, 0.45)  # an anaphor ("Demnach", "er") nobody resolved: who is open
        if found.marks is not None and found.marks.confidence < 0.9:
            conf *= found.marks.confidence  # mixed or unclosed quotation marks: less sure, as the rules say
        found.confidence = round(conf, 3)
