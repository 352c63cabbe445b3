"""The spaCy component ``lagebild_linker``: mentions linked to actors and places.

Importing this module registers the factory and the extensions, nothing else::

    import spacy
    import lagebild.link.component  # noqa: F401  (registers "lagebild_linker")

    nlp = spacy.blank("de")             # or the trained pipeline: NER and parse help, not required
    nlp.add_pipe("lagebild_linker")
    doc = nlp.make_doc("Der US-Präsident telefonierte mit Putin.")
    doc.user_data["published"] = "2025-02"     # a Published or an ISO string, before the pipe runs
    doc = nlp(doc)
    [(s.text, s._.actor_id, s._.link, s._.confidence) for s in doc.spans["mentions"]]
    doc._.actors["trump"].roles                # roles held at the article date

Writes ``doc.spans["mentions"]`` (entities, role descriptions, demonyms, pronouns; nested spans
allowed: "Trumps" inside "Trumps Regierung"), the Span extensions ``actor_id``, ``actor_name``,
``link``, ``confidence``, ``alternatives``, ``members``, and ``doc._.actors`` (id -> records.Actor,
rebuilt from the plain JSON in ``doc._.linked_actors``, so docs survive ``nlp.pipe(n_process=2)``).
With ``set_ents`` it also adds KB names the NER missed to ``doc.ents`` and relabels entities the
KB is sure about (confidence >= ``LABEL_FIX_CONFIDENCE``).
"""

from __future__ import annotations

import logging
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from lagebild.errors import LagebildError
from lagebild.kb import KnowledgeBase, load_kb
from lagebild.link.lexicon import load_lexicon
from lagebild.link.matcher import AliasMatcher
from lagebild.link.resolve import Link, link_doc
from lagebild.records import Actor, Published, Role

__all__ = ["COMPONENT", "LABEL_FIX_CONFIDENCE", "LinkerComponent", "actors_of", "make_linker"]

log = logging.getLogger(__name__)

COMPONENT = "lagebild.link.v1"
# Entities whose KB link is at least this sure get the KB's label (PER/ORG/LOC/MISC) in doc.ents.
LABEL_FIX_CONFIDENCE = 0.85

for _name in ("actor_id", "actor_name", "link", "confidence"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)
for _name in ("alternatives", "members"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=())


def _actors_getter(doc: Doc) -> dict[str, Actor] | None:
    """``doc._.actors``: records.Actor per id, rebuilt from the JSON kept in ``doc._.linked_actors``
    (plain data, so that docs cross process boundaries: ``nlp.pipe(n_process=…)``)."""
    data = doc._.linked_actors
    if data is None:
        return None
    return {
        aid: Actor(
            id=a["id"],
            name=a["name"],
            type=a["type"],
            aliases=tuple(a.get("aliases") or ()),
            country=a.get("country"),
            roles=tuple(Role(**r) for r in a.get("roles") or ()),
        )
        for aid, a in data.items()
    }


if not Doc.has_extension("linked_actors"):
    Doc.set_extension("linked_actors", default=None)
if not Doc.has_extension("actors"):
    Doc.set_extension("actors", getter=_actors_getter)


def _date(published: Any) -> str | None:
    """The article date as ``YYYY[-MM[-DD]]``; an unreadable date is logged and treated as none
    (roles are then not resolved) instead of failing the whole pipeline."""
    if published is None:
        return None
    if isinstance(published, Published):
        return published.value
    try:
        return Published.parse(str(published)).value
    except LagebildError as exc:
        log.warning("lagebild_linker: %s; roles are not resolved", exc)
        return None


def actors_of(kb: KnowledgeBase, links: list[Link], on: str | None, doc: Doc) -> dict[str, Actor]:
    """records.Actor of every linked actor (KB actors with the roles held at ``on``; local actors)."""
    out: dict[str, Actor] = {}
    for x in links:
        ids = list(x.members) if x.members else [x.actor_id] if x.actor_id else []
        for aid in ids:
            if aid in out:
                continue
            if kb.has_actor(aid):
                actor = kb.actor(aid)
                roles = tuple(kb.roles_at(aid, on)) if on else actor.roles
                out[aid] = Actor(actor.id, actor.name, actor.type, actor.aliases, actor.country, roles)
            elif aid.startswith("local:"):
                out[aid] = Actor(aid, x.actor_name or doc[x.start : x.end].text, x.label)
    return out


class LinkerComponent:
    """Thin wrapper: runs :func:`lagebild.link.resolve.link_doc` and stores the results on the doc."""

    def __init__(
        self,
        name: str = "lagebild_linker",
        spans_key: str = "mentions",
        set_ents: bool = True,
        use_matcher: bool = True,
        kb: KnowledgeBase | None = None,
    ) -> None:
        self.name = name
        self.spans_key = spans_key
        self.set_ents = set_ents
        self.version = COMPONENT
        self.kb = kb if kb is not None else load_kb()
        self.lexicon = load_lexicon()
        self.matcher = AliasMatcher.from_kb(self.kb, self.lexicon.not_names) if use_matcher else None

    def __call__(self, doc: Doc) -> Doc:
        on = _date(doc.user_data.get("published"))
        links = link_doc(doc, self.kb, self.matcher, self.lexicon, on)
        spans = []
        for x in links:
            span = Span(doc, x.start, x.end, label=x.label)
            span._.actor_id = x.actor_id
            span._.actor_name = x.actor_name
            span._.link = x.link
            span._.confidence = x.confidence
            span._.alternatives = x.alternatives
            span._.members = x.members
            spans.append(span)
        doc.spans[self.spans_key] = spans
        doc._.linked_actors = {
            aid: actor.to_json() for aid, actor in actors_of(self.kb, links, on, doc).items()
        }
        if self.set_ents:
            _fix_ents(doc, links)
        return doc


def _fix_ents(doc: Doc, links: list[Link]) -> None:
    """Relabel NER entities the KB is sure about; add KB names the NER missed (no overlaps)."""
    by_range = {(x.start, x.end): x for x in links if x.kind == "name"}
    ents = []
    for ent in doc.ents:
        x = by_range.get((ent.start, ent.end))
        if (
            x is not None
            and x.actor_id
            and not x.actor_id.startswith("local:")
            and x.confidence >= LABEL_FIX_CONFIDENCE
            and x.label != ent.label_
        ):
            ents.append(Span(doc, ent.start, ent.end, label=x.label))
        else:
            ents.append(ent)
    taken = {i for ent in ents for i in range(ent.start, ent.end)}
    for x in links:
        start = int(x.extra.get("name_start", x.start))  # the name without its role prefix
        if x.kind == "name" and not x.ner and x.actor_id and not any(i in taken for i in range(start, x.end)):
            ents.append(Span(doc, start, x.end, label=x.label))
            taken.update(range(start, x.end))
    doc.ents = filter_spans(ents)


@Language.factory(
    "lagebild_linker",
    assigns=["doc.spans", "doc.ents", "span._.actor_id", "span._.link", "doc._.actors"],
    default_config={"spans_key": "mentions", "set_ents": True, "use_matcher": True},
)
def make_linker(
    nlp: Language, name: str, spans_key: str, set_ents: bool, use_matcher: bool
) -> LinkerComponent:
    return LinkerComponent(name, spans_key, set_ents, use_matcher)
