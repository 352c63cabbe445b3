"""The spaCy component ``lagebild_time``: time expressions as ``doc.spans["timexes"]``.

Importing this module registers the factory and the ``Span._.timex`` extension, nothing else::

    import spacy
    import lagebild.time.component  # noqa: F401  (registers "lagebild_time")

    nlp = spacy.blank("de")
    nlp.add_pipe("lagebild_time")
    doc = nlp.make_doc("Trump sagte dies am Mittwoch.")
    doc.user_data["published"] = "2025-02"   # a Published or an ISO string, set before the pipe runs
    doc = nlp(doc)
    [(s.text, s._.timex.value) for s in doc.spans["timexes"]]

The anchor is ``doc.user_data["published"]`` (``Published`` or ``YYYY``/``YYYY-MM``/``YYYY-MM-DD``);
``doc.user_data["article_id"]`` is copied into the records when present.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from lagebild.records import Timex, timex_from_json
from lagebild.time.extract import COMPONENT, find_timexes
from lagebild.time.normalize import Domain

__all__ = ["TimeComponent", "make_time_component", "timex_from_data"]


def timex_from_data(data: dict[str, Any] | None) -> Timex | None:
    """The ``Timex`` of its JSON (``Timex.to_json()`` plus ``article_id``)."""
    return None if data is None else timex_from_json(data, data.get("article_id", ""))


# The record is kept as plain JSON (``timex_data``) so that docs cross process boundaries
# (``nlp.pipe(n_process=2)`` serializes user data with msgpack); ``timex`` rebuilds it.
if not Span.has_extension("timex_data"):
    Span.set_extension("timex_data", default=None)
if not Span.has_extension("timex"):
    Span.set_extension("timex", getter=lambda span: timex_from_data(span._.timex_data))


class TimeComponent:
    """Thin wrapper: runs :func:`lagebild.time.find_timexes` and stores the results on the doc."""

    def __init__(
        self, name: str = "lagebild_time", spans_key: str = "timexes", domain: Domain = "news"
    ) -> None:
        self.name = name
        self.spans_key = spans_key
        self.domain: Domain = domain
        self.version = COMPONENT

    def __call__(self, doc: Doc) -> Doc:
        published = doc.user_data.get("published")
        article_id = str(doc.user_data.get("article_id", ""))
        spans = []
        for timex in find_timexes(doc.text, published, article_id, doc=doc, domain=self.domain):
            # Expand to token boundaries: a tokenizer may keep "27." or "2014)" as one token.
            span = doc.char_span(timex.start, timex.end, label=timex.type, alignment_mode="expand")
            if span is None:
                continue
            span._.timex_data = {**timex.to_json(), "article_id": timex.article_id}
            spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc


@Language.factory(
    "lagebild_time",
    assigns=["doc.spans", "span._.timex_data"],
    default_config={"spans_key": "timexes", "domain": "news"},
)
def make_time_component(nlp: Language, name: str, spans_key: str, domain: str) -> TimeComponent:
    if domain not in ("news", "narrative"):
        raise ValueError(f"lagebild_time: domain must be 'news' or 'narrative', not {domain!r}")
    return TimeComponent(name, spans_key, "news" if domain == "news" else "narrative")
