"""Helpers for the linker tests: hand-built Docs run through the lagebild_linker component."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

import lagebild.link.component  # noqa: F401  (registers the factory)
from lagebild.link.component import LinkerComponent


@pytest.fixture(scope="session")
def nlp() -> Language:
    pipeline = spacy.blank("de")
    pipeline.add_pipe("lagebild_linker")
    return pipeline


@pytest.fixture(scope="session")
def linker(nlp: Language) -> LinkerComponent:
    component = nlp.get_pipe("lagebild_linker")
    assert isinstance(component, LinkerComponent)
    return component


Run = Callable[..., Doc]


@pytest.fixture(scope="session")
def run(nlp: Language, linker: LinkerComponent) -> Run:
    """run(text or words, published=…, ents=…, pos=…, morphs=…, heads=…, deps=…) -> linked Doc.

    A string is tokenized by spaCy's German tokenizer; a list of words builds the Doc by hand
    (``heads`` absolute indices, as in ``Doc(..., heads=…)``).
    """

    def _run(
        text: str | Sequence[str],
        published: str | None = "2025-02",
        ents: Sequence[str] | None = None,
        pos: Sequence[str] | None = None,
        morphs: Sequence[str] | None = None,
        heads: Sequence[int] | None = None,
        deps: Sequence[str] | None = None,
    ) -> Doc:
        if isinstance(text, str) and not any(x is not None for x in (ents, pos, morphs, heads, deps)):
            doc = nlp.make_doc(text)
        else:
            words = text.split(" ") if isinstance(text, str) else list(text)
            spaces = [True] * len(words)
            spaces[-1] = False
            doc = Doc(
                nlp.vocab,
                words=words,
                spaces=spaces,
                ents=list(ents) if ents else None,
                pos=list(pos) if pos else None,
                morphs=list(morphs) if morphs else None,
                heads=list(heads) if heads else None,
                deps=list(deps) if deps else None,
            )
        if published is not None:
            doc.user_data["published"] = published
        return linker(doc)

    return _run


def mention(doc: Doc, text: str, nth: int = 1) -> Span:
    """The ``nth`` mention whose text is ``text`` (fails with the mentions found)."""
    found = [s for s in doc.spans["mentions"] if s.text == text]
    assert len(found) >= nth, f"no mention {text!r}; mentions: {[s.text for s in doc.spans['mentions']]}"
    return found[nth - 1]
