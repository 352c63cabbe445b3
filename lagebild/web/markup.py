"""The article text as HTML with every extracted record marked where it occurs.

Records overlap and nest (a quote holds entities, a speaker is an entity), so the text is cut at
every record boundary and each piece is wrapped in one element per record covering it, outermost
layer first (quote, event, speaker/cue, entity, time). A record cut into several pieces keeps the
same class and ``data-`` attributes on each, so CSS colours and the quote click (``article.js``)
treat the pieces as one. Without JavaScript the marks are still there for reading.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from lagebild.api.queries import actor_key
from lagebild.records import Analysis, Quote, Span

__all__ = ["Block", "Mark", "article_blocks", "collect_marks", "quote_id"]

# Layer order: lower is outer.
_QUOTE, _EVENT, _ROLE, _ENTITY, _TIMEX = range(5)


@dataclass
class Mark:
    start: int
    end: int
    layer: int
    classes: str
    attrs: dict[str, str] = field(default_factory=dict)

    def open_tag(self, first: bool) -> str:
        attrs = "".join(f' {name}="{escape(value)}"' for name, value in self.attrs.items())
        if self.layer == _QUOTE and first:
            attrs += ' tabindex="0" role="button" aria-pressed="false"'
        return f'<span class="{self.classes}"{attrs}>'


@dataclass
class Block:
    """A paragraph or subheading of the article, as marked-up HTML."""

    kind: str  # "p" or "h"
    start: int
    end: int
    html: Markup


def quote_id(list_name: str, index: int) -> str:
    return f"{'r' if list_name == 'reported' else 'q'}{index}"


def _role_marks(quotes: Iterable[tuple[str, Quote]]) -> list[Mark]:
    """Speaker and cue spans; one mark per span even when several quotes share it."""
    owners: dict[tuple[str, int, int], list[str]] = {}
    for qid, quote in quotes:
        for role, span in (("speaker", quote.speaker), ("cue", quote.cue)):
            if span is not None and span.end > span.start:
                owners.setdefault((role, span.start, span.end), []).append(qid)
    return [
        Mark(start, end, _ROLE, role, {"data-of": " ".join(qids)})
        for (role, start, end), qids in sorted(owners.items(), key=lambda kv: (kv[0][1], kv[0][2]))
    ]


def collect_marks(analysis: Analysis, labels: dict[str, str]) -> list[Mark]:
    """Every record of ``analysis`` that has a span, as a mark."""
    marks: list[Mark] = []
    quotes: list[tuple[str, Quote]] = []
    for list_name in ("quotes", "reported"):
        for i, quote in enumerate(getattr(analysis, list_name) or ()):
            qid = quote_id(list_name, i)
            quotes.append((qid, quote))
            marks.append(
                Mark(
                    quote.start,
                    quote.end,
                    _QUOTE,
                    f"quote quote-{quote.kind}",
                    {"data-quote": qid, "title": f"{labels['quote']} ({labels.get(quote.kind, quote.kind)})"},
                )
            )
    marks += _role_marks(quotes)
    for event in analysis.events or ():
        marks.append(Mark(event.start, event.end, _EVENT, "event", {"title": f"{event.type} ({event.mode})"}))
    for mention in analysis.entities or ():
        marks.append(
            Mark(
                mention.start,
                mention.end,
                _ENTITY,
                f"ent ent-{mention.label}",
                {
                    "data-label": mention.label,
                    "data-actor": mention.actor_id or actor_key(mention.text),
                    "title": labels.get(mention.label, mention.label),
                },
            )
        )
    for timex in analysis.timexes or ():
        marks.append(Mark(timex.start, timex.end, _TIMEX, "timex", {"title": f"{timex.type} {timex.value}"}))
    return [m for m in marks if m.end > m.start]


def _render(text: str, start: int, end: int, marks: Sequence[Mark]) -> Markup:
    inside = [m for m in marks if m.start < end and m.end > start]
    cuts = sorted({start, end} | {max(start, min(end, p)) for m in inside for p in (m.start, m.end)})
    seen: set[int] = set()
    out: list[str] = []
    for left, right in itertools.pairwise(cuts):
        if right <= left:
            continue
        covering = sorted(
            (m for m in inside if m.start <= left and m.end >= right),
            key=lambda m: (m.layer, m.start, -m.end),
        )
        for mark in covering:
            out.append(mark.open_tag(first=id(mark) not in seen))
            seen.add(id(mark))
        out.append(str(escape(text[left:right])))
        out.append("</span>" * len(covering))
    return Markup("".join(out))


def article_blocks(analysis: Analysis, labels: dict[str, str]) -> list[Block]:
    """The article's paragraphs and subheadings in reading order, each marked up."""
    article = analysis.article
    marks = collect_marks(analysis, labels)
    spans: list[tuple[str, Span]] = [("p", p) for p in article.paragraphs]
    spans += [("h", s) for s in article.subheadings]
    if not spans:
        spans = [("p", Span(0, len(article.text), article.text))]
    spans.sort(key=lambda item: item[1].start)
    return [
        Block(kind, span.start, span.end, _render(article.text, span.start, span.end, marks))
        for kind, span in spans
    ]
