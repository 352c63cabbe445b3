"""Hand-built Docs for the event rules: words, parse, mentions (as the linker leaves them), timexes
and quotes are given explicitly, so the tests do not depend on model accuracy."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest
import spacy
from spacy.tokens import Doc, Span

import lagebild.events.component
import lagebild.link.component
import lagebild.quotes.component
import lagebild.time.component  # noqa: F401  (registers Span._.timex)
from lagebild.records import Published, Quote, Timex

Mention = tuple[int, int, str, str | None, str]  # start, end, label, actor id, link


def build(
    words: Sequence[str],
    *,
    heads: Sequence[int] | None = None,
    deps: Sequence[str] | None = None,
    pos: Sequence[str] | None = None,
    morphs: Sequence[str] | None = None,
    mentions: Sequence[Mention] = (),
    timexes: Sequence[tuple[int, int, str, str]] = (),
    quotes: Sequence[tuple[int, int, str]] = (),
    published: str | None = "2025-02",
    subheadings: Sequence[tuple[int, int]] = (),
    members: dict[int, tuple[str, ...]] | None = None,
) -> Doc:
    """A Doc with the annotations the events component reads.

    ``heads`` are absolute token indices; ``timexes`` are (start, end, type, value) token ranges;
    ``quotes`` (start, end, speaker actor id) token ranges of reported speech; ``subheadings``
    token ranges.
    """
    vocab = spacy.blank("de").vocab
    spaces = [i + 1 < len(words) and words[i + 1] not in {".", ","} for i in range(len(words))]
    doc = Doc(vocab, words=list(words), spaces=spaces, heads=heads, deps=deps, pos=pos, morphs=morphs)
    doc.user_data["article_id"] = "test"
    doc.user_data["published"] = Published.parse(published) if published else None
    doc.user_data["subheadings"] = [(doc[s:e].start_char, doc[s:e].end_char) for s, e in subheadings]
    group = []
    for k, (start, end, label, actor_id, link) in enumerate(mentions):
        span = Span(doc, start, end, label=label)
        span._.actor_id = actor_id
        span._.link = link
        span._.confidence = 0.9
        if members and k in members:
            span._.members = members[k]
        group.append(span)
    doc.spans["mentions"] = group
    tx = []
    for start, end, kind, value in timexes:
        span = Span(doc, start, end, label=kind)
        timex = Timex("test", span.start_char, span.end_char, span.text, kind, value, "test")  # type: ignore[arg-type]
        span._.timex_data = {**timex.to_json(), "article_id": timex.article_id}
        tx.append(span)
    doc.spans["timexes"] = tx
    reported = []
    for start, end, speaker in quotes:
        span = Span(doc, start, end)
        quote = Quote(
            "test", span.start_char, span.end_char, span.text, "reported", "test", speaker_actor_id=speaker
        )
        if Span.has_extension("quote_data"):  # the quotes component keeps plain JSON (n_process-safe)
            from lagebild.quotes.component import quote_to_data

            span._.quote_data = quote_to_data(quote)
        else:
            span._.quote = quote
        reported.append(span)
    doc.spans["reported"] = reported
    return doc


@pytest.fixture(scope="session")
def make() -> Callable[..., Doc]:
    return build
