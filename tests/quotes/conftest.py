"""Helpers for the quote tests: hand-built Docs ("word/POS[/morph]" strings) with hand-set mentions.

The rule tests do not depend on a model: tokens, POS, morphology and the linker's mentions are
written out, so a failure is a rule failure.
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

import lagebild.link.component
import lagebild.quotes.component  # noqa: F401  (registers the quote extensions)

_NO_SPACE_BEFORE = {".", ",", ":", ";", "!", "?", "“", "”", "«", "‘", ")"}
_NO_SPACE_AFTER = {"„", "»", "‚", "("}


@pytest.fixture(scope="session")
def vocab_nlp() -> Language:
    return spacy.blank("de")


def build(
    nlp: Language,
    annotated: str,
    mentions: Sequence[tuple[str, str, str | None]] = (),
    subheadings: Sequence[str] = (),
) -> Doc:
    """A Doc from "Wort/POS[/Morph] …" (space separated; ``¶`` = paragraph break) with mentions
    ``(surface, label, actor_id)`` (first unused occurrence) in ``doc.spans["mentions"]``."""
    words: list[str] = []
    pos: list[str] = []
    morphs: list[str] = []
    for item in annotated.split(" "):
        if item == "¶":
            words.append("\n\n")
            pos.append("SPACE")
            morphs.append("")
            continue
        parts = item.split("/")
        # a word may itself contain "/" only as the POS separator; "„/PUNCT" etc.
        words.append(parts[0])
        pos.append(parts[1] if len(parts) > 1 else ("PUNCT" if not parts[0].isalnum() else "X"))
        morphs.append(parts[2] if len(parts) > 2 else "")
    spaces = []
    for i, w in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else None
        space = nxt is not None and nxt not in _NO_SPACE_BEFORE and w not in _NO_SPACE_AFTER
        space = space and w != "\n\n" and nxt != "\n\n"
        if nxt in ('"', "“") and w not in _NO_SPACE_AFTER and _closing(words, i + 1):
            space = False
        if w == '"' and not _closing(words, i):
            space = False
        spaces.append(space)
    doc = Doc(nlp.vocab, words=words, spaces=spaces, pos=pos, morphs=morphs)
    spans = []
    used: set[int] = set()
    for surface, label, actor in mentions:
        toks = surface.split(" ")
        for i in range(len(words) - len(toks) + 1):
            if words[i : i + len(toks)] == toks and i not in used:
                span = Span(doc, i, i + len(toks), label=label)
                span._.actor_id = actor
                span._.confidence = 0.9
                span._.link = "pronoun" if label == "PER" and surface.lower() in ("er", "sie") else "name"
                spans.append(span)
                used.add(i)
                break
        else:
            raise AssertionError(f"mention {surface!r} not in {words}")
    doc.spans["mentions"] = spans
    heads = []
    for heading in subheadings:
        start = doc.text.find(heading)
        assert start >= 0, heading
        heads.append((start, start + len(heading)))
    doc.user_data["subheadings"] = heads
    return doc


def _closing(words: Sequence[str], i: int) -> bool:
    """An ASCII/English quote at ``i`` closes when an opener came before it and is still open."""
    opened = 0
    for w in words[:i]:
        if w in ('"', "„", "“"):
            opened = 1 - opened if w == '"' else (1 if w == "„" else 0)
    return opened == 1


@pytest.fixture(scope="session")
def make(vocab_nlp: Language):  # type: ignore[no-untyped-def]
    """make(annotated, mentions=…, subheadings=…) -> Doc (see :func:`build`)."""

    def _make(
        annotated: str,
        mentions: Sequence[tuple[str, str, str | None]] = (),
        subheadings: Sequence[str] = (),
    ) -> Doc:
        return build(vocab_nlp, annotated, mentions, subheadings)

    return _make
